package io.tierflow.flow.start;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Who approves a record: the manager of its owner's team. Read with plain JDBC on the Flowable
 * command's connection, so it sees the same snapshot as the rest of the start (or of a to-do's creation).
 */
public final class ApproverLookup {

    private ApproverLookup() {
    }

    public static Optional<Long> teamManagerOf(Connection connection, long ownerId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT t.manager_id FROM app_user u JOIN team t ON t.id = u.team_id"
                        + " JOIN app_user m ON m.id = t.manager_id AND m.active WHERE u.id = ?")) {
            ps.setLong(1, ownerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
