-- A number read from a column, as tf_num reads it, without calling PL/pgSQL for the usual values: at most 4
-- decimals and below 1E12 in magnitude is at most 16 significant digits and in range, so tf_num would return it as
-- it is. An SQL function PostgreSQL inlines where its argument is a column, which is where it is used.
CREATE OR REPLACE FUNCTION tf_num_in(x numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE WHEN scale(x) <= 4 AND abs(x) < 1e12 THEN x ELSE tf_num(x) END
$$;
