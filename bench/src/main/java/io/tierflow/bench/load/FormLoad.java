package io.tierflow.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Load driver for the form engine against a running Tierflow (see bench/run-form-load.sh), each measurement
 * next to its baseline in the same run:
 * <ol>
 * <li>creates through REST with 8 concurrent clients on a form with 5 computed fields and a tier model, against
 * raw INSERTs of the same rows over JDBC with 8 threads;</li>
 * <li>a list with two filters on the same form grown to 1M rows, against the same SQL run directly;</li>
 * <li>an import of 100k CSV rows and of 100k XLSX rows through the pipeline, each against COPY of the same rows.</li>
 * </ol>
 * Prints a Markdown table. Arguments: base URL, JDBC URL, creates, list rows, import rows.
 */
public final class FormLoad {

    static final int CLIENTS = 8;
    static final String FORM = """
            {"key":"%s","name":"压测客户","fields":[{"key":"name","label":"客户名称","type":"text"},
              {"key":"revenue","label":"年采购额","type":"number"},{"key":"orders","label":"订单数","type":"number"},
              {"key":"visits","label":"拜访次数","type":"number"},
              {"key":"region","label":"区域","type":"single_select","config":{"options":[{"key":"east","label":"华东"},
                {"key":"north","label":"华北"},{"key":"south","label":"华南"}]}},
              {"key":"value_score","label":"价值","type":"formula","config":{"formula":"MIN(100, IFNULL(revenue, 0) / 5)"}},
              {"key":"activity","label":"活跃","type":"formula","config":{"formula":"MIN(100, IFNULL(orders, 0) * 10)"}},
              {"key":"contact","label":"联系","type":"formula","config":{"formula":"MIN(100, IFNULL(visits, 0) * 5)"}},
              {"key":"total","label":"综合","type":"formula","config":{"formula":"ROUND(value_score * 0.5 + activity * 0.3 + contact * 0.2, 1)"}},
              {"key":"label","label":"标签","type":"formula","config":{"formula":"CONCAT(region, \\"-\\", total >= 60 ? \\"重点\\" : \\"普通\\")"}}],
             "tierModel":{"rules":[{"tier":"A","condition":"total >= 60"},{"tier":"B","condition":"total >= 30"},{"tier":"C","condition":"true"}]}}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String jdbc;
    private String cookie;

    FormLoad(String base, String jdbc) {
        this.base = base;
        this.jdbc = jdbc;
    }

    public static void main(String[] args) throws Exception {
        FormLoad load = new FormLoad(args[0], args[1]);
        int creates = Integer.parseInt(args[2]);
        int listRows = Integer.parseInt(args[3]);
        int importRows = Integer.parseInt(args[4]);
        load.login();
        String key = "bench_" + System.currentTimeMillis();
        load.post("/api/forms", FORM.formatted(key), 201);
        long formId = load.formId(key);
        System.out.println("| measurement | Tierflow | baseline | ratio |");
        System.out.println("|---|---|---|---|");
        load.creates(key, formId, creates);
        load.list(key, formId, listRows);
        load.imports(key, formId, importRows);
    }

    void login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"tierflow\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("tierflow_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    String post(String path, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    long formId(String key) throws Exception {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(get("/api/forms/" + key));
        m.find();
        return Long.parseLong(m.group(1));
    }

    /** REST creates by 8 clients, then the same number of raw INSERTs by 8 JDBC threads, each its own transaction. */
    void creates(String key, long formId, int n) throws Exception {
        List<Long> rest = run(n, i -> post("/api/forms/" + key + "/records", body(i), 201));
        List<Long> raw;
        try (Connection c = DriverManager.getConnection(jdbc)) {
            List<String> cols = columns(c, formId);
            String sql = "INSERT INTO rec_" + formId + " (owner_id, created_by, updated_by, tier, " + String.join(", ", cols)
                    + ") VALUES (1, 1, 1, 'B', ?, ?, ?, ?, ?, 50, 30, 20, 37.5, 'east-普通')";
            // one connection per client, as the app keeps a pool: the baseline pays no connection setup either
            ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                try {
                    return DriverManager.getConnection(jdbc);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            raw = run(n, i -> {
                try (PreparedStatement ps = connections.get().prepareStatement(sql)) {
                    Random r = new Random(i);
                    ps.setString(1, "客户" + i);
                    ps.setBigDecimal(2, java.math.BigDecimal.valueOf(r.nextInt(800)));
                    ps.setBigDecimal(3, java.math.BigDecimal.valueOf(r.nextInt(15)));
                    ps.setBigDecimal(4, java.math.BigDecimal.valueOf(r.nextInt(30)));
                    ps.setString(5, "east");
                    ps.executeUpdate();
                }
                return null;
            });
        }
        row("create, 8 clients: p50", ms(median(rest)), ms(median(raw)), ratio(median(rest), median(raw)));
        row("create, 8 clients: p99", ms(p99(rest)), ms(p99(raw)), ratio(p99(rest), p99(raw)));
        row("create, 8 clients: throughput", perSecond(n, wall(rest)), perSecond(n, wall(raw)),
                ratio(n * 1e9 / wall(rest), n * 1e9 / wall(raw)));
    }

    static String body(int i) {
        Random r = new Random(i);
        String[] regions = {"east", "north", "south"};
        return "{\"values\":{\"name\":\"客户" + i + "\",\"revenue\":" + r.nextInt(800) + ",\"orders\":" + r.nextInt(15)
                + ",\"visits\":" + r.nextInt(30) + ",\"region\":\"" + regions[r.nextInt(3)] + "\"}}";
    }

    /** Grows the form to {@code rows} rows, then times a two-filter list through REST and the same query directly. */
    void list(String key, long formId, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            List<String> cols = columns(c, formId);
            st.execute("INSERT INTO rec_" + formId + " (owner_id, created_by, updated_by, tier, " + String.join(", ", cols) + ")"
                    + " SELECT 1, 1, 1, (ARRAY['A','B','C'])[1 + g % 3], '客户' || g, g % 800, g % 15, g % 30,"
                    + " (ARRAY['east','north','south'])[1 + g % 3], 50, 30, 20, 37.5, 'east-普通'"
                    + " FROM generate_series(1, " + Math.max(0, rows - count(c, formId)) + ") g");
            st.execute("ANALYZE rec_" + formId);
            String filter = java.net.URLEncoder.encode("{\"and\":[{\"field\":\"revenue\",\"op\":\"gte\",\"value\":700},"
                    + "{\"field\":\"region\",\"op\":\"eq\",\"value\":\"east\"}]}", StandardCharsets.UTF_8);
            List<Long> rest = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            String sql = "SELECT to_jsonb(r)::text FROM rec_" + formId + " r WHERE r.deleted_at IS NULL AND r."
                    + cols.get(1) + " >= 700 AND r." + cols.get(4) + " = 'east' ORDER BY r.id DESC LIMIT 51";
            for (int i = 0; i < 40; i++) {
                long t = System.nanoTime();
                get("/api/forms/" + key + "/records?limit=50&filter=" + filter);
                rest.add(System.nanoTime() - t);
                t = System.nanoTime();
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                direct.add(System.nanoTime() - t);
            }
            row("list, 2 filters, " + count(c, formId) + " rows: p50", ms(median(rest.subList(10, 40))),
                    ms(median(direct.subList(10, 40))), ratio(median(rest.subList(10, 40)), median(direct.subList(10, 40))));
        }
    }

    /**
     * Imports {@code rows} rows through the pipeline (a background job), from CSV and then from XLSX, each against
     * COPY of the same rows.
     */
    void imports(String key, long formId, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("客户名称,年采购额,订单数,拜访次数,区域\n");
        String[] regions = {"华东", "华北", "华南"};
        for (int i = 0; i < rows; i++) {
            csv.append("导入客户").append(i).append(',').append(i % 800).append(',').append(i % 15).append(',')
                    .append(i % 30).append(',').append(regions[i % 3]).append('\n');
        }
        long copy = copy(csv.toString());
        long pipeline = importFile(key, csv.toString().getBytes(StandardCharsets.UTF_8), "bench.csv", "text/csv");
        row("import " + rows + " CSV rows: rows/s", perSecond(rows, pipeline), perSecond(rows, copy),
                ratio(rows * 1e9 / pipeline, rows * 1e9 / copy));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(xlsx, "tierflow-bench", "1.0")) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("客户");
            String[] header = {"客户名称", "年采购额", "订单数", "拜访次数", "区域"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int i = 0; i < rows; i++) {
                // other names than the CSV rows, so the records of the two imports can be told apart
                ws.value(i + 1, 0, "表格客户" + i);
                ws.value(i + 1, 1, i % 800);
                ws.value(i + 1, 2, i % 15);
                ws.value(i + 1, 3, i % 30);
                ws.value(i + 1, 4, regions[i % 3]);
            }
        }
        pipeline = importFile(key, xlsx.toByteArray(), "bench.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        row("import " + rows + " XLSX rows: rows/s", perSecond(rows, pipeline), perSecond(rows, copy),
                ratio(rows * 1e9 / pipeline, rows * 1e9 / copy));
    }

    /** COPY of the CSV into a scratch table: the baseline; nanoseconds. */
    long copy(String csv) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE copy_target (name text, revenue numeric, orders numeric, visits numeric, region text)");
            long t = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copy_target FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new StringReader(csv));
            return System.nanoTime() - t;
        }
    }

    /** Uploads a file to {@code POST …/import} (skip bad rows) and waits for its job; nanoseconds. */
    long importFile(String key, byte[] file, String name, String type) throws Exception {
        String boundary = "tierflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nskip_bad_rows\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/forms/" + key + "/import"))
                .header("Cookie", cookie).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 202) {
            String location = r.headers().firstValue("Location").orElseThrow();
            String path = location.startsWith("http") ? URI.create(location).getPath() : location;
            while (!get(path).contains("\"status\":\"done\"")) {
                if (get(path).contains("\"status\":\"failed\"") || get(path).contains("\"status\":\"rejected\"")) {
                    throw new IllegalStateException(get(path));
                }
                Thread.sleep(500);
            }
        } else if (r.statusCode() != 200) {
            throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
        }
        return System.nanoTime() - t;
    }

    interface Task {
        Object run(int i) throws Exception;
    }

    /** Runs {@code n} tasks on 8 threads; returns each task's latency in ns, and the wall time last. */
    static List<Long> run(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                task.run(index);
                return System.nanoTime() - t;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> f : futures) {
            latencies.add(f.get());
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        latencies.add(wall);
        return latencies;
    }

    static long wall(List<Long> l) {
        return l.get(l.size() - 1);
    }

    static long median(List<Long> l) {
        return percentile(l, 0.5);
    }

    static long p99(List<Long> l) {
        return percentile(l, 0.99);
    }

    static long percentile(List<Long> l, double p) {
        List<Long> sorted = new ArrayList<>(l.subList(0, l.size() - (l.size() > 40 ? 1 : 0)));
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p * (sorted.size() - 1))));
    }

    static List<String> columns(Connection c, long formId) throws Exception {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 'f_' || id FROM form_field WHERE form_id = ? ORDER BY position")) {
            ps.setLong(1, formId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    static long count(Connection c, long formId) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM rec_" + formId)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String ms(long ns) {
        return String.format("%.2f ms", ns / 1e6);
    }

    static String perSecond(long n, long ns) {
        return String.format("%.0f /s", n * 1e9 / ns);
    }

    /** Tierflow's figure over the baseline's, e.g. "20.0 ×" or "1/21 ×" when Tierflow's is smaller. */
    static String ratio(double a, double b) {
        double r = a / b;
        return r >= 0.5 ? String.format("%.1f ×", r) : String.format("1/%.0f ×", 1 / r);
    }

    static void row(String name, String tierflow, String baseline, String ratio) {
        System.out.println("| " + name + " | " + tierflow + " | " + baseline + " | " + ratio + " |");
    }
}
