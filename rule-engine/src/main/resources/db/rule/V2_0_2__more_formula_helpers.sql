-- More helpers for the SQL back end of the formula language: the rest of the function library (issue #4).
--
-- The rules of V2_0_1__formula_sql_helpers.sql hold here too, and these helpers build on its functions (tf_num,
-- tf_div, tf_mod, tf_range, tf_shift, tf_exp10, tf_jtrim, tf_split, tf_band, tf_band_bound, tf_date_plus, tf_dt_in):
--  * Every helper is total: it returns a value or NULL and never raises. Where MVEL refuses to build a text of more
--    than 10,000 characters (REPLACE, REPT, LPAD, RPAD check the length first, to bound memory), the helper returns
--    tf_too_long(), a text just over the limit, instead of building it; the tf_check_text that the generator puts
--    around every text function then raises 'formula.eval.text-too-long' where MVEL raises it. These helpers
--    (tf_replace, tf_rept, tf_pad, tf_lpad, tf_rpad) are VOLATILE although they are pure: the planner folds
--    immutable calls with constant arguments (literals, parameters of a custom plan) even in a CASE branch that is
--    never taken, and tf_check_text of such a folded over-long text would raise where MVEL's '? :' skips the branch.
--  * Nothing depends on session settings: zones are explicit arguments, text formats are built by hand (no to_char
--    patterns that read lc_numeric or lc_time).
--  * CREATE OR REPLACE throughout, so the file can be re-run.
-- Each function class in io.tierflow.rule.function documents the rule its helper implements; the differential test
-- (SqlMatchesMvelTest) runs both back ends on random calls of every function.

-- ---- counts, digits and positions -----------------------------------------------------------------------------

-- The digits argument of ROUND and its family: truncated toward zero, clamped to -20..20.
CREATE OR REPLACE FUNCTION tf_digits(d numeric) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT LEAST(GREATEST(trunc(d), -20), 20)::integer
$$;

-- A count or position of the text functions: truncated toward zero, clamped to 0..1,000,000,000.
CREATE OR REPLACE FUNCTION tf_count(n numeric) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT LEAST(GREATEST(trunc(n), 0), 1000000000)::integer
$$;

-- ---- rounding -------------------------------------------------------------------------------------------------

-- ROUNDUP: away from zero (RoundingMode.UP).
CREATE OR REPLACE FUNCTION tf_roundup(x numeric, d numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    k integer := tf_digits(d);
    t numeric := trunc(x, k);
BEGIN
    IF t = x THEN
        RETURN t;
    END IF;
    RETURN t + sign(x) * tf_shift(1, -k);
END
$$;

-- ROUNDDOWN: toward zero (RoundingMode.DOWN).
CREATE OR REPLACE FUNCTION tf_rounddown(x numeric, d numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT trunc(x, tf_digits(d))
$$;

-- FLOOR with digits: toward minus infinity (RoundingMode.FLOOR).
CREATE OR REPLACE FUNCTION tf_floor(x numeric, d numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    k integer := tf_digits(d);
    t numeric := trunc(x, k);
BEGIN
    IF t > x THEN
        RETURN t - tf_shift(1, -k);
    END IF;
    RETURN t;
END
$$;

-- CEILING with digits: toward plus infinity (RoundingMode.CEILING).
CREATE OR REPLACE FUNCTION tf_ceiling(x numeric, d numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    k integer := tf_digits(d);
    t numeric := trunc(x, k);
BEGIN
    IF t < x THEN
        RETURN t + tf_shift(1, -k);
    END IF;
    RETURN t;
END
$$;

-- ---- division ---------------------------------------------------------------------------------------------------

-- QUOTIENT: the integer part of a / b (toward zero) like BigDecimal.divideToIntegralValue(b, DECIMAL64): NULL for
-- b = 0 and when it needs more than 16 significant digits (the same rule as tf_mod).
CREATE OR REPLACE FUNCTION tf_quotient(a numeric, b numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    q numeric;
BEGIN
    IF b = 0 THEN
        RETURN NULL;
    END IF;
    q := div(a, b);
    IF length(rtrim(trim_scale(abs(q))::text, '0')) > 16 THEN
        RETURN NULL;
    END IF;
    RETURN tf_range(q);
END
$$;

-- MOD: the remainder with the sign of the divisor (floored), from tf_mod's; the correction r + b is rounded.
CREATE OR REPLACE FUNCTION tf_floormod(a numeric, b numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    r numeric := tf_mod(a, b);
BEGIN
    IF r IS NULL OR r = 0 OR sign(r) = sign(b) THEN
        RETURN r;
    END IF;
    RETURN tf_num(r + b);
END
$$;

-- ---- aggregates over the arguments ----------------------------------------------------------------------------------

-- AVERAGE: the sum as SUM makes it (nulls skipped, DECIMAL64 per step, NULL on overflow) divided by the count.
CREATE OR REPLACE FUNCTION tf_average(VARIADIC xs numeric[]) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    s numeric := 0;
    n integer := 0;
    v numeric;
BEGIN
    FOREACH v IN ARRAY xs LOOP
        IF v IS NOT NULL THEN
            s := tf_num(s + v);
            IF s IS NULL THEN
                RETURN NULL;
            END IF;
            n := n + 1;
        END IF;
    END LOOP;
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    RETURN tf_div(s, n);
END
$$;

-- PRODUCT: nulls skipped, DECIMAL64 per step, NULL on overflow; all null -> NULL.
CREATE OR REPLACE FUNCTION tf_product(VARIADIC xs numeric[]) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    p numeric;
    v numeric;
BEGIN
    FOREACH v IN ARRAY xs LOOP
        IF v IS NOT NULL THEN
            p := CASE WHEN p IS NULL THEN v ELSE tf_num(p * v) END;
            IF p IS NULL THEN
                RETURN NULL;
            END IF;
        END IF;
    END LOOP;
    RETURN p;
END
$$;

-- MEDIAN: nulls skipped; an even count gives (a + b) / 2 of the middle two, each step rounded.
CREATE OR REPLACE FUNCTION tf_median(VARIADIC xs numeric[]) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    s numeric[];
    n integer;
BEGIN
    SELECT array_agg(v ORDER BY v) INTO s FROM unnest(xs) v WHERE v IS NOT NULL;
    n := COALESCE(cardinality(s), 0);
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    IF n % 2 = 1 THEN
        RETURN s[(n + 1) / 2];
    END IF;
    RETURN tf_div(tf_num(s[n / 2] + s[n / 2 + 1]), 2);
END
$$;

-- ---- logarithms, exponentials, roots, powers ------------------------------------------------------------------------
-- Both back ends compute these to some 60 correct digits (here with PostgreSQL's ln, exp and sqrt at a scale of 70,
-- in Java with series in BigDecimal, see io.tierflow.rule.function.HighPrecision), then tf_approx rounds: to 30
-- significant digits (half up), then to DECIMAL64. The first step makes the two approximations equal before the
-- second, including at an exact tie such as POWER(46416548025, 1.5) = 10000002046251256.5 ... 5, where a direct
-- rounding of the two approximations could go different ways.

CREATE OR REPLACE FUNCTION tf_approx(a numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN a = 0 THEN 0::numeric ELSE tf_num(round(a, 29 - tf_exp10(a))) END
$$;

-- ln 10 to 110 decimal places.
CREATE OR REPLACE FUNCTION tf_ln10() RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT 2.30258509299404568401799145468436420760110148862877297603332790096757260967735248023599720508959829834196778404
$$;

-- ln x for x > 0, to about 70 decimal places: x = m * 10^e with 1 <= m < 10, ln x = ln m + e ln 10.
CREATE OR REPLACE FUNCTION tf_ln_hp(x numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    e integer;
BEGIN
    IF x <= 0 THEN
        RETURN NULL;
    END IF;
    e := tf_exp10(x);
    RETURN ln(round(tf_shift(x, -e), 70)) + e * tf_ln10();
END
$$;

-- e^t for |t| <= 2400, to about 60 significant digits: t = k ln 10 + r with 0 <= r < ln 10, e^t = e^r * 10^k.
CREATE OR REPLACE FUNCTION tf_exp_hp(t numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    k integer;
BEGIN
    IF abs(t) > 2400 THEN
        RETURN NULL;
    END IF;
    k := floor(t / tf_ln10());
    RETURN tf_shift(exp(round(t - k * tf_ln10(), 70)), k);
END
$$;

-- LN(x): NULL for x <= 0.
CREATE OR REPLACE FUNCTION tf_ln(x numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT tf_approx(tf_ln_hp(x))
$$;

-- LOG(x, base) and LOG10(x): ln x / ln base; NULL for x <= 0, base <= 0 and base = 1.
CREATE OR REPLACE FUNCTION tf_log(x numeric, base numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN x > 0 AND base > 0 AND base <> 1 THEN tf_approx(tf_ln_hp(x) / tf_ln_hp(base)) END
$$;

-- EXP(t): NULL above 2400 (the result would be far beyond the range anyway), 0 below -2400.
CREATE OR REPLACE FUNCTION tf_exp(t numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN t > 2400 THEN NULL WHEN t < -2400 THEN 0::numeric ELSE tf_approx(tf_exp_hp(t)) END
$$;

-- SQRT(x): NULL for x < 0. x = m * 10^(2k) with 1 <= m < 100, sqrt x = sqrt m * 10^k.
CREATE OR REPLACE FUNCTION tf_sqrt(x numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    e integer;
BEGIN
    IF x < 0 THEN
        RETURN NULL;
    END IF;
    IF x = 0 THEN
        RETURN 0;
    END IF;
    e := 2 * floor(tf_exp10(x) / 2.0)::integer;
    RETURN tf_approx(tf_shift(sqrt(round(tf_shift(x, -e), 70)), e / 2));
END
$$;

-- POWER(x, y) = e^(y ln |x|), negative x only for whole y (sign by parity); 0^0 = 1, 0^y = 0 for y > 0 and NULL
-- for y < 0; NULL when y ln |x| > 2400 (overflow), 0 below -2400.
CREATE OR REPLACE FUNCTION tf_power(x numeric, y numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    t numeric;
    r numeric;
BEGIN
    IF y = 0 THEN
        RETURN 1;
    END IF;
    IF x = 0 THEN
        RETURN CASE WHEN y > 0 THEN 0 END;
    END IF;
    IF x < 0 AND trunc(y) <> y THEN
        RETURN NULL;
    END IF;
    t := y * tf_ln_hp(abs(x));
    IF t > 2400 THEN
        RETURN NULL;
    END IF;
    IF t < -2400 THEN
        RETURN 0;
    END IF;
    r := tf_approx(tf_exp_hp(t));
    IF x < 0 AND mod(y, 2) <> 0 THEN
        r := -r;
    END IF;
    RETURN r;
END
$$;

-- ---- text ---------------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION tf_nonempty(s text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT NULLIF(s, '')
$$;

-- A text over the limit (10,001 characters), for tf_check_text to refuse.
CREATE OR REPLACE FUNCTION tf_too_long() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT repeat('x', 10001)
$$;

-- MID(text, start, count): start below 1 counts as 1.
CREATE OR REPLACE FUNCTION tf_mid(s text, start numeric, n numeric) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT substr(s, GREATEST(tf_count(start), 1), tf_count(n))
$$;

CREATE OR REPLACE FUNCTION tf_starts(s text, p text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(starts_with(s, p), false)
$$;

CREATE OR REPLACE FUNCTION tf_ends(s text, p text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(right(s, length(p)) = p, false)
$$;

-- REPLACE(text, old, new): every occurrence, left to right, literally; empty or null old leaves the text, null new
-- counts as ''. Does not build more than 10,000 characters (see tf_too_long).
CREATE OR REPLACE FUNCTION tf_replace(s text, o text, n text) RETURNS text
    LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS
$$
DECLARE
    hits bigint;
BEGIN
    IF s IS NULL THEN
        RETURN NULL;
    END IF;
    IF o IS NULL OR o = '' THEN
        RETURN s;
    END IF;
    n := COALESCE(n, '');
    hits := (length(s) - length(replace(s, o, ''))) / length(o);
    IF length(s) + hits * (length(n) - length(o)) > 10000 THEN
        RETURN tf_too_long();
    END IF;
    RETURN replace(s, o, n);
END
$$;

-- FIND(part, text, start): 1-based position of part in text from start (below 1 counts as 1), 0 if absent.
CREATE OR REPLACE FUNCTION tf_find(p text, s text, start numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    k integer := GREATEST(tf_count(start), 1);
    r integer;
BEGIN
    IF k > length(s) + 1 THEN
        RETURN 0;
    END IF;
    r := strpos(substr(s, k), p);
    RETURN CASE WHEN r = 0 THEN 0 ELSE r + k - 1 END;
END
$$;

-- REPT(text, n): n truncated; n <= 0 or '' gives ''.
CREATE OR REPLACE FUNCTION tf_rept(s text, n numeric) RETURNS text
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL SAFE AS
$$
DECLARE
    k integer := tf_count(n);
BEGIN
    IF k = 0 OR s = '' THEN
        RETURN '';
    END IF;
    IF length(s)::bigint * k > 10000 THEN
        RETURN tf_too_long();
    END IF;
    RETURN repeat(s, k);
END
$$;

-- LPAD/RPAD(text, length, pad): pad repeated (and cut) on one side up to length characters; a longer text stays as it
-- is (PostgreSQL's lpad would cut it); null or empty pad leaves the text.
CREATE OR REPLACE FUNCTION tf_pad(s text, n numeric, pad text, is_left boolean) RETURNS text
    LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS
$$
DECLARE
    k integer;
BEGIN
    IF s IS NULL OR n IS NULL THEN
        RETURN NULL;
    END IF;
    k := tf_count(n);
    IF pad IS NULL OR pad = '' OR length(s) >= k THEN
        RETURN s;
    END IF;
    IF k > 10000 THEN
        RETURN tf_too_long();
    END IF;
    RETURN CASE WHEN is_left THEN lpad(s, k, pad) ELSE rpad(s, k, pad) END;
END
$$;

CREATE OR REPLACE FUNCTION tf_lpad(s text, n numeric, pad text) RETURNS text
    LANGUAGE sql VOLATILE PARALLEL SAFE AS
$$
SELECT tf_pad(s, n, pad, true)
$$;

CREATE OR REPLACE FUNCTION tf_rpad(s text, n numeric, pad text) RETURNS text
    LANGUAGE sql VOLATILE PARALLEL SAFE AS
$$
SELECT tf_pad(s, n, pad, false)
$$;

-- Digits with a comma between groups of three from the right: '1234567' -> '1,234,567'.
CREATE OR REPLACE FUNCTION tf_group3(digits text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    n integer := length(digits);
    first integer := n % 3;
    out text;
    i integer;
BEGIN
    IF first = 0 THEN
        first := 3;
    END IF;
    out := substr(digits, 1, first);
    i := first + 1;
    WHILE i <= n LOOP
        out := out || ',' || substr(digits, i, 3);
        i := i + 3;
    END LOOP;
    RETURN out;
END
$$;

-- TEXT(number, format): formats [#,##]0[.0...0][%] (up to 10 decimals), half up; null number -> ''; other formats
-- -> NULL. See TextFunction.
CREATE OR REPLACE FUNCTION tf_text_fmt_num(x numeric, fmt text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    m text[];
    dec integer;
    v numeric;
    s text;
    ip text;
BEGIN
    IF x IS NULL THEN
        RETURN '';
    END IF;
    IF fmt IS NULL OR length(fmt) > 40 THEN
        RETURN NULL;
    END IF;
    m := regexp_match(fmt, '^(#,##)?0(?:\.(0{1,10}))?(%)?$');
    IF m IS NULL THEN
        RETURN NULL;
    END IF;
    dec := COALESCE(length(m[2]), 0);
    v := round(CASE WHEN m[3] IS NULL THEN x ELSE x * 100 END, dec);
    s := abs(v)::text;
    ip := split_part(s, '.', 1);
    IF m[1] IS NOT NULL THEN
        ip := tf_group3(ip);
    END IF;
    RETURN CASE WHEN v < 0 THEN '-' ELSE '' END || ip
        || CASE WHEN dec > 0 THEN '.' || split_part(s, '.', 2) ELSE '' END || COALESCE(m[3], '');
END
$$;

-- TEXT(date, format): tokens yyyy yy M MM d dd H HH m mm s ss (y and d in either case), separators - / . : space T
-- 年 月 日 时 分 秒; at most 40 characters; anything else -> NULL; null date -> ''. See TextFunction.
CREATE OR REPLACE FUNCTION tf_text_fmt_ts(l timestamp, fmt text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    n integer;
    i integer := 1;
    j integer;
    c text;
    run integer;
    v integer;
    out text := '';
BEGIN
    IF l IS NULL THEN
        RETURN '';
    END IF;
    IF fmt IS NULL THEN
        RETURN NULL;
    END IF;
    n := length(fmt);
    IF n > 40 THEN
        RETURN NULL;
    END IF;
    WHILE i <= n LOOP
        c := substr(fmt, i, 1);
        j := i;
        WHILE j < n AND substr(fmt, j + 1, 1) = c LOOP
            j := j + 1;
        END LOOP;
        run := j - i + 1;
        IF c IN ('y', 'Y') THEN
            v := extract(year FROM l)::integer;
            IF run = 4 THEN
                out := out || lpad(v::text, 4, '0');
            ELSIF run = 2 THEN
                out := out || lpad((v % 100)::text, 2, '0');
            ELSE
                RETURN NULL;
            END IF;
        ELSIF c IN ('M', 'd', 'D', 'H', 'm', 's') THEN
            IF run > 2 THEN
                RETURN NULL;
            END IF;
            v := CASE c WHEN 'M' THEN extract(month FROM l) WHEN 'd' THEN extract(day FROM l)
                        WHEN 'D' THEN extract(day FROM l) WHEN 'H' THEN extract(hour FROM l)
                        WHEN 'm' THEN extract(minute FROM l) ELSE floor(extract(second FROM l)) END::integer;
            out := out || CASE WHEN run = 2 THEN lpad(v::text, 2, '0') ELSE v::text END;
        ELSIF strpos('-/.: T年月日时分秒', c) > 0 THEN
            out := out || repeat(c, run);
        ELSE
            RETURN NULL;
        END IF;
        i := j + 1;
    END LOOP;
    RETURN out;
END
$$;

-- ---- dates ----------------------------------------------------------------------------------------------------------

-- DATE(y, m, d): each truncated; months beyond 1..12 roll into the years and days into the months (DATE(2024, 13, 0)
-- is 2024-12-31); the year after rolling the months must be 1..9999; NULL outside the date range.
CREATE OR REPLACE FUNCTION tf_make_date(y numeric, m numeric, d numeric) RETURNS date
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    total numeric;
BEGIN
    IF abs(y) > 100000 OR abs(m) > 1200000 OR abs(d) > 4000000 THEN
        RETURN NULL;
    END IF;
    total := trunc(y) * 12 + trunc(m) - 1;
    IF total < 12 OR total > 9999 * 12 + 11 THEN
        RETURN NULL;
    END IF;
    RETURN tf_date_plus(make_date(div(total, 12)::integer, (mod(total, 12) + 1)::integer, 1), trunc(d) - 1);
END
$$;

-- DATEVALUE(text): 'yyyy-M-d', 'yyyy/M/d', 'yyyy.M.d' or 'yyyy年M月d日' (ASCII digits, trimmed like String.trim);
-- NULL if malformed or not a real date.
CREATE OR REPLACE FUNCTION tf_datevalue(s text) RETURNS date
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    m text[];
    y integer;
    mo integer;
    d integer;
    first date;
BEGIN
    s := tf_jtrim(s);
    IF length(s) > 20 THEN
        RETURN NULL;
    END IF;
    m := regexp_match(s, '^([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})$');
    IF m IS NOT NULL THEN
        y := m[1]::integer;
        mo := m[3]::integer;
        d := m[4]::integer;
    ELSE
        m := regexp_match(s, '^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$');
        IF m IS NULL THEN
            RETURN NULL;
        END IF;
        y := m[1]::integer;
        mo := m[2]::integer;
        d := m[3]::integer;
    END IF;
    IF y < 1 OR mo < 1 OR mo > 12 OR d < 1 THEN
        RETURN NULL;
    END IF;
    first := make_date(y, mo, 1);
    IF first + (d - 1) >= (first + interval '1 month')::date THEN
        RETURN NULL;
    END IF;
    RETURN first + (d - 1);
END
$$;

-- The unit of DATEADD: trimmed like String.trim, ASCII letters in either case; y q m w d h mi s, else NULL.
CREATE OR REPLACE FUNCTION tf_date_unit(unit text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN u IN ('y', 'q', 'm', 'w', 'd', 'h', 'mi', 's') THEN u END
FROM (SELECT translate(tf_jtrim(unit), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS u) x
$$;

-- DATEADD(date, n, unit) for a DATE: years, quarters and months on the calendar (the day kept, or the month's last
-- day), weeks and days; n truncated; hours, minutes and seconds give NULL.
CREATE OR REPLACE FUNCTION tf_dateadd(d date, n numeric, unit text) RETURNS date
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    u text := tf_date_unit(unit);
    k numeric := trunc(n);
    months numeric;
    total numeric;
BEGIN
    IF u IN ('d', 'w') THEN
        RETURN tf_date_plus(d, k * CASE u WHEN 'w' THEN 7 ELSE 1 END);
    END IF;
    IF u IS NULL OR u NOT IN ('y', 'q', 'm') THEN
        RETURN NULL;
    END IF;
    months := k * CASE u WHEN 'y' THEN 12 WHEN 'q' THEN 3 ELSE 1 END;
    IF abs(months) > 120000 THEN
        RETURN NULL;
    END IF;
    total := extract(year FROM d) * 12 + extract(month FROM d) - 1 + months;
    IF total < 12 OR total > 9999 * 12 + 11 THEN
        RETURN NULL;
    END IF;
    RETURN (d + make_interval(months => months::integer))::date;
END
$$;

-- DATEADD(date-time, n, unit): years, quarters and months on the calendar in the zone (a local time that falls into
-- a DST gap moves forward by the gap, one in an overlap takes the later offset: java.time's ofLocal(...)
-- .withLaterOffsetAtOverlap()); weeks, days, hours, minutes and seconds as exact seconds (like date-time + n).
CREATE OR REPLACE FUNCTION tf_dateadd_dt(t timestamptz, n numeric, unit text, zone text) RETURNS timestamptz
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    u text := tf_date_unit(unit);
    k numeric := trunc(n);
    months numeric;
    total numeric;
    l timestamp;
    secs numeric;
    e numeric;
BEGIN
    IF u IS NULL THEN
        RETURN NULL;
    END IF;
    IF u IN ('y', 'q', 'm') THEN
        months := k * CASE u WHEN 'y' THEN 12 WHEN 'q' THEN 3 ELSE 1 END;
        IF abs(months) > 120000 THEN
            RETURN NULL;
        END IF;
        l := t AT TIME ZONE zone;
        total := extract(year FROM l) * 12 + extract(month FROM l) - 1 + months;
        IF total < 0 OR total > 10000 * 12 + 11 THEN
            RETURN NULL;
        END IF;
        RETURN tf_dt_in((l + make_interval(months => months::integer)) AT TIME ZONE zone);
    END IF;
    secs := k * CASE u WHEN 'w' THEN 604800 WHEN 'd' THEN 86400 WHEN 'h' THEN 3600 WHEN 'mi' THEN 60 ELSE 1 END;
    IF abs(secs) >= 400000000000 THEN
        RETURN NULL;
    END IF;
    e := extract(epoch FROM t) + secs;
    IF e < extract(epoch FROM TIMESTAMPTZ '0001-01-02 00:00:00+00')
       OR e >= extract(epoch FROM TIMESTAMPTZ '9999-12-31 00:00:00+00') THEN
        RETURN NULL;
    END IF;
    RETURN t + make_interval(secs => secs::double precision);
END
$$;

-- WORKDAY(date, n): n (truncated, |n| <= 3,000,000) working days (Monday to Friday) after the date, or before it for
-- negative n; a weekend start counts from the Friday before (n > 0) or the Monday after (n < 0); n = 0 keeps the date.
CREATE OR REPLACE FUNCTION tf_workday(d date, n numeric) RETURNS date
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    k bigint;
    dow integer := extract(isodow FROM d)::integer;
    adj integer;
    w integer;
    r integer;
    delta bigint;
BEGIN
    IF abs(n) > 3000000 THEN
        RETURN NULL;
    END IF;
    k := trunc(n)::bigint;
    IF k = 0 THEN
        RETURN d;
    END IF;
    IF k > 0 THEN
        adj := CASE dow WHEN 6 THEN -1 WHEN 7 THEN -2 ELSE 0 END;
        w := dow + adj;
        r := (k % 5)::integer;
        delta := adj + 7 * (k / 5) + r + CASE WHEN w + r > 5 THEN 2 ELSE 0 END;
    ELSE
        adj := CASE dow WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END;
        w := CASE WHEN dow >= 6 THEN 1 ELSE dow END;
        r := ((-k) % 5)::integer;
        delta := adj - 7 * ((-k) / 5) - r - CASE WHEN w - r < 1 THEN 2 ELSE 0 END;
    END IF;
    RETURN tf_date_plus(d, delta);
END
$$;

-- Working days (Monday to Friday) before day number x, counted from 0001-01-01 (a Monday, day 0).
CREATE OR REPLACE FUNCTION tf_weekdays_before(x bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT 5 * (x / 7) + LEAST(x % 7, 5)
$$;

-- NETWORKDAYS(start, end): working days from start to end, both included; negative when end is before start.
CREATE OR REPLACE FUNCTION tf_networkdays(s date, e date) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN a <= b THEN tf_weekdays_before(b + 1) - tf_weekdays_before(a)
            ELSE -(tf_weekdays_before(a + 1) - tf_weekdays_before(b)) END::numeric
FROM (SELECT (s - DATE '0001-01-01')::bigint AS a, (e - DATE '0001-01-01')::bigint AS b) x
$$;

-- WEEKNUM(date, type): 21 = ISO 8601; 1 = weeks from Sunday, 2 = weeks from Monday, week 1 holding 1 January.
CREATE OR REPLACE FUNCTION tf_weeknum(d date, type numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE type
           WHEN 21 THEN extract(week FROM d)
           WHEN 1 THEN div(extract(doy FROM d) - 1 + extract(dow FROM make_date(extract(year FROM d)::integer, 1, 1)), 7) + 1
           WHEN 2 THEN div(extract(doy FROM d) - 1 + extract(isodow FROM make_date(extract(year FROM d)::integer, 1, 1)) - 1, 7) + 1
       END
$$;

-- EOMONTH(date, months): the last day of the month months (truncated) after the date's month.
CREATE OR REPLACE FUNCTION tf_eomonth(d date, m numeric) RETURNS date
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    total numeric;
    first date;
BEGIN
    IF abs(m) > 120000 THEN
        RETURN NULL;
    END IF;
    total := extract(year FROM d) * 12 + extract(month FROM d) - 1 + trunc(m);
    IF total < 12 OR total > 9999 * 12 + 11 THEN
        RETURN NULL;
    END IF;
    first := make_date(div(total, 12)::integer, (mod(total, 12) + 1)::integer, 1);
    RETURN (first + interval '1 month')::date - 1;
END
$$;

-- ---- scoring ----------------------------------------------------------------------------------------------------------

-- NORMALIZE(v, min, max): (v - min) / (max - min), each step rounded, cut to 0..1; NULL when max = min.
CREATE OR REPLACE FUNCTION tf_normalize(v numeric, mn numeric, mx numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS
$$
DECLARE
    t numeric := tf_div(tf_num(v - mn), tf_num(mx - mn));
BEGIN
    IF t IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN CASE WHEN t < 0 THEN 0 WHEN t > 1 THEN 1 ELSE t END;
END
$$;

-- NORMALIZE(v, min, max, low, high): low + t * (high - low), each step rounded.
CREATE OR REPLACE FUNCTION tf_normalize(v numeric, mn numeric, mx numeric, lo numeric, hi numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT tf_num(lo + tf_num(tf_normalize(v, mn, mx) * tf_num(hi - lo)))
$$;

-- CLAMP(v, low, high): a null bound is no bound; low > high gives NULL.
CREATE OR REPLACE FUNCTION tf_clamp(v numeric, lo numeric, hi numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT CASE WHEN v IS NULL OR lo > hi THEN NULL WHEN v < lo THEN lo WHEN v > hi THEN hi ELSE v END
$$;

-- WEIGHTEDAVG(v1, w1, v2, w2, ...): sum(v * w) / sum(w) over the pairs without nulls, each step rounded; NULL when
-- the weights add up to 0 or a sum overflows.
CREATE OR REPLACE FUNCTION tf_weighted_avg(VARIADIC xs numeric[]) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    sv numeric := 0;
    sw numeric := 0;
    i integer := 1;
BEGIN
    WHILE i < cardinality(xs) LOOP
        IF xs[i] IS NOT NULL AND xs[i + 1] IS NOT NULL THEN
            sv := tf_num(sv + tf_num(xs[i] * xs[i + 1]));
            sw := tf_num(sw + xs[i + 1]);
            IF sv IS NULL OR sw IS NULL THEN
                RETURN NULL;
            END IF;
        END IF;
        i := i + 2;
    END LOOP;
    RETURN tf_div(sv, sw);
END
$$;

-- BETWEEN for text: code point order, like the comparison operators.
CREATE OR REPLACE FUNCTION tf_between_text(x text, lo text, hi text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT COALESCE(x COLLATE "C" >= lo AND x COLLATE "C" <= hi, false)
$$;

-- ---- lists ------------------------------------------------------------------------------------------------------------

-- ANY(list, v1, ...): the comma-separated list (items trimmed like String.trim) has one of the values (trimmed);
-- null values are ignored, a null list has none.
CREATE OR REPLACE FUNCTION tf_any(list text, VARIADIC vs text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT list IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(tf_split(list)) i, unnest(vs) v
                                    WHERE v IS NOT NULL AND tf_jtrim(i) = tf_jtrim(v))
$$;

-- ALL(list, v1, ...): the list has every value that is not null.
CREATE OR REPLACE FUNCTION tf_all(list text, VARIADIC vs text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT list IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM unnest(vs) v
    WHERE v IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(tf_split(list)) i WHERE tf_jtrim(i) = tf_jtrim(v)))
$$;
