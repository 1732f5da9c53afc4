package io.tierflow.core.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.db.NativeSql;

/**
 * The audit log. An entry is written in the same transaction as the change it records: through
 * the request's reactive session, or through the JDBC connection of a Flowable command.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO audit_log (actor_id, action, entity, entity_id, detail) VALUES (NULLIF(?1, 0), ?2, ?3, ?4, CAST(CAST(?5 AS text) AS jsonb))";

    @Inject
    ObjectMapper json;

    public Uni<Void> record(Mutiny.Session session, Long actorId, String action, String entity, String entityId, Object detail) {
        // 0 stands for "the system": an ordinal parameter cannot carry an untyped null
        return NativeSql.update(session, INSERT, actorId == null ? 0L : actorId, action, entity, entityId, toJson(detail))
                .replaceWithVoid();
    }

    public void record(Connection connection, Long actorId, String action, String entity, String entityId, Object detail) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO audit_log (actor_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, CAST(? AS jsonb))")) {
            if (actorId == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, actorId);
            }
            ps.setString(2, action);
            ps.setString(3, entity);
            ps.setString(4, entityId);
            ps.setString(5, toJson(detail));
            ps.executeUpdate();
        }
    }

    String toJson(Object detail) {
        try {
            return json.writeValueAsString(detail == null ? java.util.Map.of() : detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
