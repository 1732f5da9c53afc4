package io.tierflow.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;

/**
 * The effects journal (DESIGN.md decision 4). Producers insert an effect with a dedupe key in
 * their own transaction, reactive or JDBC; the NOTIFY is delivered at commit, so consumers
 * wake only for committed effects. Consumers claim with {@code FOR UPDATE SKIP LOCKED}, which
 * lets several app nodes share one database.
 */
@ApplicationScoped
public class EffectJournal {

    public static final String CHANNEL = "tierflow_effects";

    private static final String INSERT = "INSERT INTO effect (kind, dedupe_key, payload) VALUES (?1, ?2, CAST(CAST(?3 AS text) AS jsonb))"
            + " ON CONFLICT (dedupe_key) DO NOTHING";
    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?1)";
    private static final String CLAIM = "SELECT id, kind, dedupe_key, payload::text, attempts FROM effect"
            + " WHERE id = ?1 AND status = 'PENDING' FOR UPDATE SKIP LOCKED";
    private static final String DONE = "UPDATE effect SET status = 'DONE', done_at = now(), last_error = NULL WHERE id = ?1";

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "tierflow.effects.max-attempts", defaultValue = "8")
    int maxAttempts;

    // ---- producers ----

    public Uni<Void> enqueue(Mutiny.Session session, String kind, String dedupeKey, Map<String, Object> payload) {
        return NativeSql.update(session, INSERT, kind, dedupeKey, toJson(payload))
                .flatMap(n -> NativeSql.text(session, NOTIFY, kind))
                .replaceWithVoid();
    }

    public void enqueue(Connection connection, String kind, String dedupeKey, Map<String, Object> payload) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(jdbc(INSERT))) {
            ps.setString(1, kind);
            ps.setString(2, dedupeKey);
            ps.setString(3, toJson(payload));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(jdbc(NOTIFY))) {
            ps.setString(1, kind);
            ps.execute();
        }
    }

    // ---- consumers ----

    /** Locks the effect for the caller's transaction; empty when it is done or another node holds it. */
    public Optional<Effect> claim(Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(jdbc(CLAIM))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Effect(rs.getLong(1), rs.getString(2), rs.getString(3), fromJson(rs.getString(4)), rs.getInt(5)));
            }
        }
    }

    /** What a JDBC consumer does with a claimed effect, on the connection of the transaction that marks it done. */
    @FunctionalInterface
    public interface JdbcWork {
        void apply(Connection connection, Effect effect) throws Exception;
    }

    /**
     * Claims the effect, applies {@code work} and marks the effect done, all in one JDBC transaction; an exception
     * rolls everything back (the dispatcher then records the failure and retries).
     *
     * @return false when the effect was no longer claimable
     */
    public boolean applyOnce(long id, JdbcWork work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Effect> claimed = claim(c, id);
                if (claimed.isEmpty()) {
                    c.rollback();
                    return false;
                }
                work.apply(c, claimed.get());
                markDone(c, id);
                c.commit();
                return true;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Uni<Optional<Effect>> claim(Mutiny.Session session, long id) {
        return session.createNativeQuery(CLAIM, Object[].class).setParameter(1, id).getResultList()
                .map(rows -> rows.isEmpty() ? Optional.<Effect>empty() : Optional.of(effect(rows.get(0))));
    }

    public void markDone(Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(jdbc(DONE))) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    public Uni<Void> markDone(Mutiny.Session session, long id) {
        return NativeSql.update(session, DONE, id).replaceWithVoid();
    }

    /** Backs off exponentially (2, 4, 8 … s, at most an hour); after the last attempt the effect stays FAILED for an admin. */
    public void recordFailure(long id, Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE effect SET attempts = attempts + 1, last_error = ?,"
                        + " status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,"
                        + " next_attempt_at = now() + least(power(2, attempts + 1), 3600) * interval '1 second'"
                        + " WHERE id = ? AND status = 'PENDING'")) {
            ps.setString(1, message.length() > 4000 ? message.substring(0, 4000) : message);
            ps.setInt(2, maxAttempts);
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record failure of effect " + id, e);
        }
    }

    public record Due(long id, String kind) {
    }

    public List<Due> due(Collection<String> kinds, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, kind FROM effect WHERE status = 'PENDING'"
                        + " AND next_attempt_at <= now() AND kind = ANY (?) ORDER BY id LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("text", kinds.toArray()));
            ps.setInt(2, limit);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getLong(1), rs.getString(2)));
                }
            }
            return out;
        }
    }

    /** Milliseconds until the next pending effect of these kinds is due (capped), for the dispatcher's wait. */
    public long millisUntilNextDue(Collection<String> kinds, long cap) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT CAST(extract(epoch FROM min(next_attempt_at) - now()) * 1000 AS bigint)"
                        + " FROM effect WHERE status = 'PENDING' AND kind = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", kinds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long ms = rs.getLong(1);
                return rs.wasNull() ? cap : Math.max(1, Math.min(cap, ms));
            }
        }
    }

    /** Puts a FAILED (or waiting) effect back in line now, for an admin. */
    public boolean retry(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE effect SET status = 'PENDING', attempts = 0, next_attempt_at = now()"
                        + " WHERE id = ? AND status <> 'DONE' RETURNING kind")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                try (PreparedStatement n = c.prepareStatement(jdbc(NOTIFY))) {
                    n.setString(1, rs.getString(1));
                    n.execute();
                }
                return true;
            }
        }
    }

    private Effect effect(Object[] row) {
        return new Effect(((Number) row[0]).longValue(), (String) row[1], (String) row[2], fromJson((String) row[3]),
                ((Number) row[4]).intValue());
    }

    /** The reactive queries use ordinal {@code ?n}; JDBC wants plain {@code ?}. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }

    private String toJson(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload == null ? Map.of() : payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
