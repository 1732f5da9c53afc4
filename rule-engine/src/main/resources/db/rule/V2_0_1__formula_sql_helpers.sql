-- Helpers for the SQL back end of the formula language (io.tierflow.rule.formula.SqlGenerator).
--
-- A formula translated to SQL must give exactly what the generated MVEL gives (FormulaValues, FormulaRuntime and
-- the function classes document the rules). PostgreSQL's own operators differ in the details: numeric arithmetic
-- is exact (MVEL rounds every result to 16 significant digits, half-even), division rounds to a scale of its own
-- choosing, round() ties go away from zero, numeric::text keeps trailing zeros, dates and timestamps have other
-- ranges, and upper()/lower()/btrim() follow other character tables. These functions close those gaps.
--
-- Rules for this file:
--  * Every helper is total: for any input it returns a value or NULL and never raises, so constant folding and
--    evaluation order cannot turn a skipped branch into an error. The one exception is tf_check_text, which
--    raises 'formula.eval.text-too-long' (SQLSTATE 22001) exactly where MVEL raises it.
--  * Nothing depends on session settings (TimeZone, DateStyle, lc_*): zones are explicit arguments, text formats
--    are spelled out, timestamptz constants carry their offset.
--  * Names start with tf_; they are created unqualified, i.e. in the schema Flyway migrates (public), and the
--    generated SQL calls them unqualified, so that schema must be on the search_path (it is by default).
--  * CREATE OR REPLACE throughout, so the file can be re-run (tests run it into a schema of their own).

-- Needs PostgreSQL 14 or later (extract() returning exact numeric, trim_scale) and ICU (the root collation
-- "und-x-icu" for Java's case mapping); say so plainly instead of failing on a function body.
DO
$$
BEGIN
    IF current_setting('server_version_num')::integer < 140000 THEN
        RAISE EXCEPTION 'Tierflow formulas need PostgreSQL 14 or later, this is %', version();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
        RAISE EXCEPTION 'Tierflow formulas need PostgreSQL built with ICU (collation "und-x-icu" is missing)';
    END IF;
END
$$;

-- ---- numbers ------------------------------------------------------------------------------------------------

-- x * 10^n, exact for any n (power() with a negative exponent rounds; numeric literals allow |exponent| <= 1000).
CREATE OR REPLACE FUNCTION tf_shift(x numeric, n integer) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT x * CASE WHEN n >= 0 THEN ('1' || repeat('0', n))::numeric
                ELSE ('0.' || repeat('0', -n - 1) || '1')::numeric END
$$;

-- The adjusted exponent e of a non-zero number (10^e <= |x| < 10^(e+1)); NULL for 0. Exact: read off the digits.
CREATE OR REPLACE FUNCTION tf_exp10(x numeric) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN x = 0 THEN NULL
            ELSE length(ltrim(replace(trim_scale(abs(x))::text, '.', ''), '0')) - 1 - scale(trim_scale(x)) END
$$;

-- The range rule of FormulaValues.checkNumber: magnitude >= 1E1000 -> NULL (overflow), below 1E-999 -> 0.
CREATE OR REPLACE FUNCTION tf_range(x numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN abs(x) >= 1e1000 THEN NULL WHEN abs(x) < 1e-999 THEN 0::numeric ELSE x END
$$;

-- MathContext.DECIMAL64 (16 significant digits, ties to even) followed by the range rule: what MVEL applies to
-- every arithmetic result and every number read from a record.
CREATE OR REPLACE FUNCTION tf_num(x numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    digits text;
    e integer;
    k integer;
    r numeric;
BEGIN
    IF x = 'NaN' OR abs(x) = 'Infinity' THEN
        RETURN NULL;  -- not a formula number (the form engine never writes these)
    END IF;
    IF length(trim_scale(abs(x))::text) <= 16 THEN
        RETURN x;  -- at most 16 digits, and 0 or 1E-14 <= |x| < 1E16: nothing to round, in range
    END IF;
    digits := ltrim(replace(trim_scale(abs(x))::text, '.', ''), '0');
    e := length(digits) - 1 - scale(trim_scale(x));
    IF length(rtrim(digits, '0')) <= 16 THEN
        r := x;
    ELSE
        k := 15 - e;  -- decimal places that keep 16 significant digits (negative: tens, hundreds, ...)
        IF rtrim(substr(digits, 17), '0') = '5' AND substr(digits, 16, 1) IN ('0', '2', '4', '6', '8') THEN
            r := trunc(x, k);  -- an exact tie with an even last digit stays; round() would go away from zero
        ELSE
            r := round(x, k);
        END IF;
    END IF;
    RETURN tf_range(r);
END
$$;

-- a / b rounded like BigDecimal.divide(b, DECIMAL64): from the exact integer quotient of the scaled operands and
-- whether a remainder is left (numeric '/' rounds at a scale of its own choosing, which is not enough).
CREATE OR REPLACE FUNCTION tf_div(a numeric, b numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    eq integer;
    n numeric;
    q17 numeric;
    q16 numeric;
    last numeric;
    r numeric;
BEGIN
    IF b = 0 THEN
        RETURN NULL;
    END IF;
    IF a = 0 THEN
        RETURN 0;
    END IF;
    eq := tf_exp10(a) - tf_exp10(b);  -- the quotient's exponent, or one less
    IF tf_shift(abs(b), eq) > abs(a) THEN
        eq := eq - 1;
    END IF;
    IF eq >= 1000 THEN
        RETURN NULL;  -- rounding only grows the magnitude
    END IF;
    IF eq <= -1001 THEN
        RETURN 0;  -- even rounded up it stays below 1E-999
    END IF;
    n := tf_shift(abs(a), 16 - eq);
    q17 := div(n, abs(b));  -- the first 17 significant digits of |a/b|, truncated
    last := mod(q17, 10);
    q16 := div(q17, 10);
    IF last > 5 OR (last = 5 AND (n <> q17 * abs(b) OR mod(q16, 2) = 1)) THEN
        q16 := q16 + 1;
    END IF;
    r := tf_shift(q16, eq - 15);
    IF sign(a) <> sign(b) THEN
        r := -r;
    END IF;
    RETURN tf_range(r);
END
$$;

-- a % b like BigDecimal.remainder(b, DECIMAL64): sign of a; NULL for b = 0 and when the integer quotient needs
-- more than 16 significant digits (Java's "Division impossible").
CREATE OR REPLACE FUNCTION tf_mod(a numeric, b numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    q numeric;
BEGIN
    IF b = 0 THEN
        RETURN NULL;
    END IF;
    q := div(a, b);  -- exact, truncated toward zero
    IF length(rtrim(trim_scale(abs(q))::text, '0')) > 16 THEN
        RETURN NULL;
    END IF;
    RETURN tf_range(a - q * b);
END
$$;

-- SUM(...): nulls skipped, each partial sum rounded (DECIMAL64); an overflow on the way makes the sum NULL.
CREATE OR REPLACE FUNCTION tf_sum(VARIADIC xs numeric[]) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    s numeric := 0;
    v numeric;
BEGIN
    FOREACH v IN ARRAY xs LOOP
        IF v IS NOT NULL THEN
            s := tf_num(s + v);
            IF s IS NULL THEN
                RETURN NULL;
            END IF;
        END IF;
    END LOOP;
    RETURN s;
END
$$;

-- ROUND(x, digits): digits truncated toward zero and clamped to -20..20; ties away from zero (= HALF_UP).
CREATE OR REPLACE FUNCTION tf_round(x numeric, d numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT round(x, LEAST(GREATEST(trunc(d), -20), 20)::integer)
$$;

-- ---- dates and date-times -------------------------------------------------------------------------------------
-- DATE values are 0001-01-01 .. 9999-12-31; DATETIME values lie from 0001-01-02 to 9999-12-31 (UTC, exclusive),
-- so that their date in any time zone has a four-digit year. Values outside become NULL.

CREATE OR REPLACE FUNCTION tf_date_in(d date) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN d BETWEEN DATE '0001-01-01' AND DATE '9999-12-31' THEN d END
$$;

CREATE OR REPLACE FUNCTION tf_dt_in(t timestamptz) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN t >= TIMESTAMPTZ '0001-01-02 00:00:00+00' AND t < TIMESTAMPTZ '9999-12-31 00:00:00+00' THEN t END
$$;

-- date + n days (n truncated toward zero), computed as a day number first so that no intermediate date overflows.
CREATE OR REPLACE FUNCTION tf_date_plus(d date, n numeric) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN k BETWEEN 0 AND 3652058 THEN DATE '0001-01-01' + k::integer END
FROM (SELECT (d - DATE '0001-01-01') + trunc(n) AS k) s
$$;

-- date-time + n days: n * 86400 seconds truncated toward zero, added to the instant (no calendar or DST effects).
CREATE OR REPLACE FUNCTION tf_dt_plus(t timestamptz, n numeric) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN e >= extract(epoch FROM TIMESTAMPTZ '0001-01-02 00:00:00+00')
             AND e < extract(epoch FROM TIMESTAMPTZ '9999-12-31 00:00:00+00')
            THEN t + make_interval(secs => s::double precision) END
FROM (SELECT s, extract(epoch FROM t) + s AS e
      FROM (SELECT CASE WHEN abs(n) < 4000000 THEN trunc(n * 86400) END AS s) x) y
$$;

-- a - b in days, fractional (DECIMAL64).
CREATE OR REPLACE FUNCTION tf_dt_diff(a timestamptz, b timestamptz) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT tf_div(extract(epoch FROM a) - extract(epoch FROM b), 86400)
$$;

-- The calendar date of an instant in the formula's time zone.
CREATE OR REPLACE FUNCTION tf_local_date(t timestamptz, zone text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT (t AT TIME ZONE zone)::date
$$;

-- Whole months from s to e as java.time counts them (ChronoUnit.MONTHS.between); years are months / 12.
CREATE OR REPLACE FUNCTION tf_months(s date, e date) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT div(((extract(year FROM e) * 12 + extract(month FROM e) - 1) * 32 + extract(day FROM e))
         - ((extract(year FROM s) * 12 + extract(month FROM s) - 1) * 32 + extract(day FROM s)), 32)
$$;

-- ---- text -----------------------------------------------------------------------------------------------------

-- String.trim(): strips characters up to U+0020 (NUL cannot occur in PostgreSQL text).
CREATE OR REPLACE FUNCTION tf_jtrim(s text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT btrim(s, E'\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\x20')
$$;

-- String.strip(): strips Character.isWhitespace code points (not the no-break spaces U+00A0, U+2007, U+202F).
CREATE OR REPLACE FUNCTION tf_strip(s text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT btrim(s, E'\u0009\u000A\u000B\u000C\u000D\u001C\u001D\u001E\u001F\u0020\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200A\u2028\u2029\u205F\u3000')
$$;

CREATE OR REPLACE FUNCTION tf_is_blank(s text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT s IS NULL OR tf_strip(s) = ''
$$;

-- Full Unicode case mapping in the root locale, like String.toUpperCase(Locale.ROOT) (ß -> SS, final sigma).
CREATE OR REPLACE FUNCTION tf_upper(s text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT upper(s COLLATE "und-x-icu")
$$;

-- Σ becomes σ first: no word-final ς, whose context rules differ between Java and ICU (see LowerFunction).
CREATE OR REPLACE FUNCTION tf_lower(s text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT lower(replace(s, 'Σ', 'σ') COLLATE "und-x-icu")
$$;

-- LEN(): code points; null counts as empty text.
CREATE OR REPLACE FUNCTION tf_len(s text) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(length(s), 0)::numeric
$$;

CREATE OR REPLACE FUNCTION tf_contains(s text, part text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(strpos(s, part) > 0, false)
$$;

-- The text form of a value (FormulaValues.toText): null -> '', numbers plain without trailing zeros, booleans
-- true/false, dates yyyy-MM-dd, date-times as OffsetDateTime.toString() in the formula's time zone.
CREATE OR REPLACE FUNCTION tf_text(s text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(s, '')
$$;

CREATE OR REPLACE FUNCTION tf_text_num(x numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(trim_scale(x)::text, '')
$$;

CREATE OR REPLACE FUNCTION tf_text_bool(b boolean) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(b::text, '')
$$;

CREATE OR REPLACE FUNCTION tf_text_date(d date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(to_char(d, 'YYYY-MM-DD'), '')
$$;

-- uuuu-MM-ddTHH:mm[:ss[.SSS|.SSSSSS]] and Z or +HH:MM[:SS], as java.time prints an OffsetDateTime.
CREATE OR REPLACE FUNCTION tf_text_dt(t timestamptz, zone text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    l timestamp;
    us bigint;
    off integer;
    s text;
BEGIN
    IF t IS NULL OR zone IS NULL THEN
        RETURN '';
    END IF;
    l := t AT TIME ZONE zone;
    us := extract(microseconds FROM l)::bigint;  -- seconds and fraction, in microseconds
    s := to_char(l, 'YYYY-MM-DD"T"HH24:MI');
    IF us <> 0 THEN
        s := s || ':' || to_char(l, 'SS');
        us := us % 1000000;
        IF us % 1000 = 0 AND us <> 0 THEN
            s := s || '.' || lpad((us / 1000)::text, 3, '0');
        ELSIF us <> 0 THEN
            s := s || '.' || lpad(us::text, 6, '0');
        END IF;
    END IF;
    off := (extract(epoch FROM l) - extract(epoch FROM t))::integer;
    IF off = 0 THEN
        RETURN s || 'Z';
    END IF;
    s := s || CASE WHEN off < 0 THEN '-' ELSE '+' END;
    off := abs(off);
    s := s || lpad((off / 3600)::text, 2, '0') || ':' || lpad((off / 60 % 60)::text, 2, '0');
    IF off % 60 <> 0 THEN
        s := s || ':' || lpad((off % 60)::text, 2, '0');
    END IF;
    RETURN s;
END
$$;

-- MVEL's text limit: more than 10,000 UTF-16 code units (a character outside the BMP counts twice) is an error.
CREATE OR REPLACE FUNCTION tf_check_text(s text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
BEGIN
    IF length(s) > 5000
       AND length(s) + (SELECT count(*) FROM regexp_matches(s, '[\U00010000-\U0010FFFF]', 'g')) > 10000 THEN
        RAISE EXCEPTION USING ERRCODE = '22001', MESSAGE = 'formula.eval.text-too-long',
            DETAIL = 'A text result would be longer than 10000 characters.';
    END IF;
    RETURN s;
END
$$;

CREATE OR REPLACE FUNCTION tf_concat(a text, b text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT tf_check_text(COALESCE(a, '') || COALESCE(b, ''))
$$;

-- ---- functions with rules of their own --------------------------------------------------------------------------

-- DATEDIF(start, end, unit): unit trimmed like String.trim(), D/M/Y in either case; anything else gives NULL.
CREATE OR REPLACE FUNCTION tf_datedif(s date, e date, unit text) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE tf_jtrim(unit)
           WHEN 'D' THEN (e - s)::numeric
           WHEN 'd' THEN (e - s)::numeric
           WHEN 'M' THEN tf_months(s, e)
           WHEN 'm' THEN tf_months(s, e)
           WHEN 'Y' THEN div(tf_months(s, e), 12)
           WHEN 'y' THEN div(tf_months(s, e), 12)
       END
$$;

-- Text split at commas like String.split(",", n) with n > 0: empty parts are kept and '' gives one part.
CREATE OR REPLACE FUNCTION tf_split(s text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN s = '' THEN ARRAY['']::text[] ELSE string_to_array(s, ',') END
$$;

-- A BAND bound: an ASCII decimal number (optional sign, digits with an optional point, optional exponent of at
-- most 4 digits), at most 40 characters after trimming, within the number range; otherwise NULL.
CREATE OR REPLACE FUNCTION tf_band_bound(s text) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    m text[];
    v numeric;
BEGIN
    s := tf_jtrim(s);
    IF length(s) > 40 THEN
        RETURN NULL;
    END IF;
    m := regexp_match(s, '^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:[eE]([+-]?[0-9]{1,4}))?$');
    IF m IS NULL THEN
        RETURN NULL;
    END IF;
    v := CASE WHEN m[1] ~ '^[+-]?\.' THEN replace(m[1], '.', '0.') ELSE m[1] END::numeric;
    IF v <> 0 AND m[2] IS NOT NULL THEN
        v := tf_shift(v, m[2]::integer);
    END IF;
    IF v <> 0 AND (abs(v) >= 1e1000 OR abs(v) < 1e-999) THEN
        RETURN NULL;
    END IF;
    RETURN v;
END
$$;

-- BAND(value, bounds, labels): see BandFunction.
CREATE OR REPLACE FUNCTION tf_band(v numeric, bounds text, labels text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    b text[] := tf_split(bounds);
    l text[] := tf_split(labels);
    x text;
    bound numeric;
    prev numeric;
    band integer := 0;
BEGIN
    IF cardinality(b) > 100 OR cardinality(l) <> cardinality(b) + 1 THEN
        RETURN NULL;
    END IF;
    FOREACH x IN ARRAY b LOOP
        bound := tf_band_bound(x);
        IF bound IS NULL OR bound <= prev THEN
            RETURN NULL;
        END IF;
        prev := bound;
        IF v >= bound THEN
            band := band + 1;
        END IF;
    END LOOP;
    RETURN tf_jtrim(l[band + 1]);
END
$$;
