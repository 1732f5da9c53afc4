package io.tierflow.core.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A row of the audit log, read back for record history; written only through {@link AuditLog}. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public Long id;

    public OffsetDateTime at;

    @Column(name = "actor_id")
    public Long actorId;

    public String action;

    public String entity;

    @Column(name = "entity_id")
    public String entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> detail;

    public static Uni<List<AuditEntry>> history(String entity, String entityId) {
        return list("entity = ?1 and entityId = ?2 order by id", entity, entityId);
    }
}
