package io.tierflow.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule versions on a large form, against a running Tierflow (see bench/run-rule-load.sh): a customer form with
 * the score formula and tier model of the test fixture is grown to N rows with INSERT … SELECT generate_series,
 * then, each next to its hand-written baseline in the same run:
 * <ol>
 * <li>what-if of a draft through {@code POST /rules/2/simulate} (matrix, counts, five samples per cell) against
 * the bare {@code SELECT tier, CASE … END, count(*) … GROUP BY 1, 2} with literal thresholds;</li>
 * <li>publishing it and waiting for the bulk re-tier job (history, audit, explanations, approvals for records
 * entering tier A), then rolling back and forward again, against {@code UPDATE … SET tier = CASE … END} of the
 * same rows, in both directions.</li>
 * </ol>
 * Prints a Markdown table. Arguments: base URL, JDBC URL, rows.
 */
public final class RuleSetLoad {

    static final String FORM = """
            {"key":"%s","name":"压测客户","fields":[{"key":"name","label":"客户名称","type":"text"},
              {"key":"revenue","label":"年营收(万元)","type":"number"},{"key":"visits","label":"拜访次数","type":"number"},
              {"key":"industry","label":"行业","type":"single_select","config":{"options":[{"key":"it","label":"信息技术"},
                {"key":"retail","label":"零售"}]}},
              {"key":"score","label":"评分","type":"formula","config":{"formula":"IFNULL(revenue, 0) * 0.4 + IFNULL(visits, 0) * 3"}},
              {"key":"approval_status","label":"审批状态","type":"single_select","config":{"options":[
                {"key":"pending","label":"待审批"},{"key":"approved","label":"已通过"},{"key":"rejected","label":"已驳回"}]}}],
             "tierModel":{"rules":[{"tier":"A","condition":"score >= 80"},{"tier":"B","condition":"score >= 40"},
                                   {"tier":"C","condition":"true"}]},
             "approval":{"tiers":["A"],"statusField":"approval_status"}}""";

    /** v2: A from 78 (some B enter A and start approvals), B from 50 (some B fall to C). */
    static final String DRAFT = """
            {"tierModel":{"rules":[{"tier":"A","condition":"score >= 78"},{"tier":"B","condition":"score >= 50"},
              {"tier":"C","condition":"true"}]},"approval":{"tiers":["A"],"statusField":"approval_status"},"note":"bench"}""";

    /**
     * A scored version: a weighted score (revenue banded, visits scaled) and RFM-style quintiles of visits, revenue
     * and score, computed over the form when it is simulated.
     */
    static final String SCORED = """
            {"tierModel":{"scores":[
               {"key":"total","label":"综合","kind":"weighted","dimensions":[
                 {"key":"value_pts","label":"价值","weight":60,"formula":"IFNULL(revenue, 0)",
                  "bands":{"thresholds":[50,100,150],"scores":[0,30,60,100]}},
                 {"key":"activity_pts","label":"活跃","weight":40,"formula":"MIN(100, IFNULL(visits, 0) * 5)"}]},
               {"key":"rfm","label":"RFM","kind":"rfm","dimensions":[
                 {"key":"r","label":"R","formula":"IFNULL(score, 0)","quintiles":"high_is_better"},
                 {"key":"f","label":"F","formula":"IFNULL(visits, 0)","quintiles":"high_is_better"},
                 {"key":"m","label":"M","formula":"IFNULL(revenue, 0)","quintiles":"high_is_better"}]}],
              "rules":[{"tier":"A","condition":"total >= 70"},{"tier":"B","condition":"total >= 40 || rfm >= 12"},
              {"tier":"C","condition":"true"}]},"approval":{"tiers":["A"],"statusField":"approval_status"},"note":"scored"}""";

    static final String V1 = "CASE WHEN %1$s >= 80 THEN 'A' WHEN %1$s >= 40 THEN 'B' ELSE 'C' END";
    static final String V2 = "CASE WHEN %1$s >= 78 THEN 'A' WHEN %1$s >= 50 THEN 'B' ELSE 'C' END";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String jdbc;
    private String cookie;

    RuleSetLoad(String base, String jdbc) {
        this.base = base;
        this.jdbc = jdbc;
    }

    public static void main(String[] args) throws Exception {
        RuleSetLoad load = new RuleSetLoad(args[0], args[1]);
        int rows = Integer.parseInt(args[2]);
        load.login();
        String key = "rules_" + System.currentTimeMillis();
        load.send("POST", "/api/forms", FORM.formatted(key), 201);
        long formId = Long.parseLong(load.first("\"id\":(\\d+)", load.send("GET", "/api/forms/" + key, null, 200)));
        try (Connection c = DriverManager.getConnection(load.jdbc); Statement st = c.createStatement()) {
            List<String> cols = columns(c, formId);
            String score = cols.get(4);
            long owner = Long.parseLong(load.first("\"id\":(\\d+)", load.send("GET", "/api/me", null, 200)));
            long t = System.nanoTime();
            // score as the formula computes it (revenue 0..199.99, visits 0..22), tier as v1 gives it
            st.execute("INSERT INTO rec_" + formId + " (owner_id, created_by, updated_by, tier, " + String.join(", ", cols.subList(0, 5))
                    + ") SELECT " + owner + ", " + owner + ", " + owner + ", " + V1.formatted("s") + ", '客户' || g, rev, vis,"
                    + " CASE WHEN g % 3 = 0 THEN 'it' ELSE 'retail' END, s FROM (SELECT g, (g::bigint * 7919 % 20000) / 100.0 AS rev,"
                    + " g % 23 AS vis, (g::bigint * 7919 % 20000) / 100.0 * 0.4 + (g % 23) * 3 AS s FROM generate_series(1, " + rows
                    + ") g) d");
            st.execute("VACUUM ANALYZE rec_" + formId);
            System.err.printf("loaded %d rows in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);
            load.send("POST", "/api/forms/" + key + "/rules", DRAFT, 201);

            System.out.println("| measurement (" + rows + " customers) | Tierflow | baseline | ratio |");
            System.out.println("|---|---|---|---|");
            if (args.length < 4 || !args[3].equals("scored-only")) {
                load.simulate(key, st, formId, score);
                load.retier(key, st, formId, score);
            }
            load.simulateScored(key, st, formId, cols);
        }
    }

    /**
     * What-if of the scored version (its first simulation also computes and stores the quintile boundaries). Baseline:
     * the same scores, quintiles (boundaries as literals) and tiers hand-written as one GROUP BY.
     */
    void simulateScored(String key, Statement st, long formId, List<String> cols) throws Exception {
        String version = first("\"version\":(\\d+)", send("POST", "/api/forms/" + key + "/rules", SCORED, 201));
        long t = System.nanoTime();
        send("POST", "/api/forms/" + key + "/rules/" + version + "/simulate", "", 200);
        long firstRun = System.nanoTime() - t;
        String draft = send("GET", "/api/forms/" + key + "/rules/" + version, null, 200);
        List<String> bounds = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"boundaries\":\\[([^\\]]*)\\]").matcher(draft);
        while (m.find()) {
            bounds.add(m.group(1));
        }
        String revenue = "COALESCE(" + cols.get(1) + ", 0)";
        String visits = "COALESCE(" + cols.get(2) + ", 0)";
        String score = "COALESCE(" + cols.get(4) + ", 0)";
        String total = "round((CASE WHEN " + revenue + " >= 150 THEN 100 WHEN " + revenue + " >= 100 THEN 60 WHEN " + revenue
                + " >= 50 THEN 30 ELSE 0 END) * 0.6 + LEAST(100, " + visits + " * 5) * 0.4, 4)";
        String rfm = quintile(score, bounds.get(0)) + " + " + quintile(visits, bounds.get(1)) + " + " + quintile(revenue, bounds.get(2));
        String sql = "SELECT tier, CASE WHEN t >= 70 THEN 'A' WHEN t >= 40 OR q >= 12 THEN 'B' ELSE 'C' END, count(*) FROM (SELECT tier, "
                + total + " AS t, " + rfm + " AS q FROM rec_" + formId + " WHERE deleted_at IS NULL) x GROUP BY 1, 2";
        List<Long> tierflow = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            t = System.nanoTime();
            send("POST", "/api/forms/" + key + "/rules/" + version + "/simulate", "", 200);
            long a = System.nanoTime() - t;
            t = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getLong(3);
                }
            }
            long b = System.nanoTime() - t;
            if (i > 0) {
                tierflow.add(a);
                baseline.add(b);
            }
        }
        row("simulate a scored version (weighted 2 dimensions + RFM quintiles, median of 5) vs hand-written GROUP BY",
                ms(median(tierflow)), ms(median(baseline)), ratio(median(tierflow), median(baseline)));
        row("first simulate of it, computing the quintile boundaries over the form", ms(firstRun), "", "");
    }

    /** 1–5: one point more from each boundary on (boundaries as computed by the server). */
    static String quintile(String x, String boundaries) {
        StringBuilder q = new StringBuilder("(1");
        for (String b : boundaries.split(",")) {
            q.append(" + CASE WHEN ").append(x).append(" >= ").append(b.trim()).append(" THEN 1 ELSE 0 END");
        }
        return q.append(")").toString();
    }

    void simulate(String key, Statement st, long formId, String score) throws Exception {
        String sql = "SELECT tier, " + V2.formatted(score) + ", count(*) FROM rec_" + formId + " WHERE deleted_at IS NULL GROUP BY 1, 2";
        List<Long> tierflow = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        String answer = null;
        for (int i = 0; i < 8; i++) {
            long t = System.nanoTime();
            answer = send("POST", "/api/forms/" + key + "/rules/2/simulate", "", 200);
            long a = System.nanoTime() - t;
            t = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getLong(3);
                }
            }
            long b = System.nanoTime() - t;
            if (i > 0) { // the first of each is a warm-up
                tierflow.add(a);
                baseline.add(b);
            }
        }
        System.err.println("simulation: " + answer.substring(0, Math.min(400, answer.length())));
        row("simulate: matrix, counts, 5 samples/cell, approvals (median of 7) vs GROUP BY with literal CASE",
                ms(median(tierflow)), ms(median(baseline)), ratio(median(tierflow), median(baseline)));
    }

    /**
     * Tierflow: publish v2, roll back to v1, roll back to v2 (each a full re-tier of the same number of records),
     * timed from the request to the job's end. Baseline: the same tier moves as one UPDATE, v1 → v2 and back, twice.
     */
    void retier(String key, Statement st, long formId, String score) throws Exception {
        List<Long> baseline = new ArrayList<>();
        long moved = 0;
        for (int i = 0; i < 4; i++) {
            String to = (i % 2 == 0 ? V2 : V1).formatted(score);
            long t = System.nanoTime();
            moved = st.executeUpdate("UPDATE rec_" + formId + " SET tier = " + to + " WHERE tier IS DISTINCT FROM " + to);
            baseline.add(System.nanoTime() - t);
            st.execute("VACUUM rec_" + formId);
        }
        List<Long> tierflow = new ArrayList<>();
        String[] steps = {"/rules/2/publish", "/rules/1/rollback", "/rules/2/rollback"};
        String job = null;
        for (String step : steps) {
            long t = System.nanoTime();
            String answer = send("POST", "/api/forms/" + key + step, "", -1);
            String path = "/api/forms/" + key + "/rules/jobs/" + first("\"job\":\\{\"id\":(\\d+)", answer);
            job = answer;
            while (!job.contains("\"status\":\"done\"")) {
                if (job.contains("\"status\":\"failed\"")) {
                    throw new IllegalStateException(job);
                }
                Thread.sleep(200);
                job = send("GET", path, null, 200);
            }
            tierflow.add(System.nanoTime() - t);
            System.err.println(step + ": " + job);
            st.execute("VACUUM rec_" + formId);
        }
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM rec_" + formId + " WHERE tier IS DISTINCT FROM " + V2.formatted(score))) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException(rs.getLong(1) + " records do not have v2's tier");
            }
        }
        String changed = first("\"changed\":(\\d+)", job);
        row("re-tier after publish: " + changed + " changed records with history, audit, explanation (median of 3)"
                + " vs UPDATE … SET tier = CASE (median of 4, " + moved + " rows)", ms(median(tierflow)),
                ms(median(baseline)), ratio(median(tierflow), median(baseline)));
        row("re-tier: changed records per second", String.format("%.0f /s", Long.parseLong(changed) * 1e9 / median(tierflow)),
                String.format("%.0f /s", moved * 1e9 / median(baseline)),
                ratio(Long.parseLong(changed) * 1e9 / median(tierflow), moved * 1e9 / median(baseline)));
    }

    void login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"tierflow\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("tierflow_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** {@code expected} -1 accepts any 2xx. */
    String send(String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie);
        b = json == null ? b.GET() : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (expected == -1 ? r.statusCode() / 100 != 2 : r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    String first(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(regex + " not in " + text);
        }
        return m.group(1);
    }

    static List<String> columns(Connection c, long formId) throws Exception {
        List<String> cols = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 'f_' || id FROM form_field WHERE form_id = ? ORDER BY position")) {
            ps.setLong(1, formId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    static String ms(long ns) {
        return String.format("%.0f ms", ns / 1e6);
    }

    /** Tierflow's figure over the baseline's, e.g. "20.0 ×" or "1/21 ×" when Tierflow's is smaller. */
    static String ratio(double a, double b) {
        double r = a / b;
        return r >= 0.5 ? String.format("%.1f ×", r) : String.format("1/%.0f ×", 1 / r);
    }

    static void row(String name, String tierflow, String baseline, String ratio) {
        System.out.println("| " + name + " | " + tierflow + " | " + baseline + " | " + ratio + " |");
    }

    static long median(List<Long> l) {
        List<Long> sorted = new ArrayList<>(l);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
