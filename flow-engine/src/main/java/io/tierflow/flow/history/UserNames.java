package io.tierflow.flow.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** Display names for the user ids Flowable stores as text (assignees, comment authors). */
@ApplicationScoped
public class UserNames {

    @Inject
    AgroalDataSource dataSource;

    public Map<String, String> of(Collection<String> userIds) {
        Long[] ids = userIds.stream().filter(s -> s != null && s.matches("\\d{1,18}")).map(Long::valueOf).distinct().toArray(Long[]::new);
        Map<String, String> names = new HashMap<>();
        if (ids.length == 0) {
            return names;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, display_name FROM app_user WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(String.valueOf(rs.getLong(1)), rs.getString(2));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read user names", e);
        }
    }
}
