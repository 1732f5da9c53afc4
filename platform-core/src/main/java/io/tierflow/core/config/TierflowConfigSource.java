package io.tierflow.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns Tierflow's own settings (TIERFLOW_DB, TIERFLOW_PORT, TIERFLOW_DEMO) into the Quarkus
 * properties they stand for, so that one setting feeds both the reactive and the JDBC pools.
 * Ordinal 275: above application.properties (250), below explicit -D and environment (300+).
 */
public class TierflowConfigSource implements ConfigSource {

    private final Map<String, String> properties = new HashMap<>();

    public TierflowConfigSource() {
        String db = setting("tierflow.db", "TIERFLOW_DB");
        DatabaseUrl url = DatabaseUrl.parse(db == null || db.isBlank() ? DatabaseUrl.DEFAULT : db);
        properties.put("quarkus.datasource.jdbc.url", url.jdbcUrl());
        properties.put("quarkus.datasource.reactive.url", url.reactiveUrl());
        properties.put("quarkus.datasource.username", url.user());
        properties.put("quarkus.datasource.password", url.password());
        String port = setting("tierflow.port", "TIERFLOW_PORT");
        if (port != null && !port.isBlank()) {
            properties.put("quarkus.http.port", port.trim());
        }
        String demo = setting("tierflow.demo", "TIERFLOW_DEMO");
        if (demo != null && !demo.isBlank()) {
            properties.put("tierflow.demo.enabled", demo.trim());
        }
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "tierflow-settings";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
