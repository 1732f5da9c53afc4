package io.tierflow.core.db;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Dynamic SQL through the request's reactive session, so that records, audit entries and
 * effects written in one request share one transaction. Parameters are ordinal ({@code ?1});
 * user text only ever travels as a parameter.
 */
public final class NativeSql {

    private NativeSql() {
    }

    /**
     * A jsonb parameter. The reactive driver binds a Java String to a jsonb slot as a JSON
     * string literal, so the text is cast to text first and parsed by PostgreSQL.
     */
    public static String jsonParam(int ordinal) {
        return "CAST(CAST(?" + ordinal + " AS text) AS jsonb)";
    }

    public static Uni<Integer> update(Mutiny.Session session, String sql, Object... params) {
        Mutiny.Query<Object> query = session.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.executeUpdate();
    }

    /** Rows of a query whose single column is text (typically {@code to_jsonb(t)::text}). */
    public static Uni<List<String>> texts(Mutiny.Session session, String sql, Object... params) {
        return select(session, sql, String.class, params).getResultList();
    }

    public static Uni<String> text(Mutiny.Session session, String sql, Object... params) {
        return select(session, sql, String.class, params).getSingleResultOrNull();
    }

    public static Uni<Long> number(Mutiny.Session session, String sql, Object... params) {
        return select(session, sql, Long.class, params).getSingleResultOrNull();
    }

    private static <T> Mutiny.SelectionQuery<T> select(Mutiny.Session session, String sql, Class<T> type, Object... params) {
        Mutiny.SelectionQuery<T> query = session.createNativeQuery(sql, type);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}
