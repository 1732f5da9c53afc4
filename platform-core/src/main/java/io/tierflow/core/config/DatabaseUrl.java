package io.tierflow.core.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One database setting, {@code postgresql://user:pass@host:port/name}, split into what the JDBC
 * (Flowable, Flyway) and the reactive (records) connections each need.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

    public static final String DEFAULT = "postgresql://tierflow:tierflow@127.0.0.1:5432/tierflow";

    public static DatabaseUrl parse(String text) {
        String t = text.trim();
        if (t.startsWith("jdbc:")) {
            t = t.substring(5);
        }
        if (t.startsWith("postgres://")) {
            t = "postgresql://" + t.substring("postgres://".length());
        }
        if (!t.startsWith("postgresql://")) {
            throw new IllegalArgumentException("TIERFLOW_DB must look like postgresql://user:pass@host:port/name, got: " + text);
        }
        URI uri = URI.create(t);
        String user = "tierflow";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseUrl(uri.getHost() == null ? "127.0.0.1" : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "tierflow" : path, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
