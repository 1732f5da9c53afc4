package io.tierflow.core.notify;

import io.tierflow.core.identity.Role;
import io.tierflow.core.journal.EffectConsumer;
import io.tierflow.core.journal.EffectJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.Arrays;

/**
 * Delivers {@code notification} effects: {@code {"to": "owner"|"manager"|<role>, "ownerId": 3, "title": …,
 * "message": …, "link": …}} becomes one notification per recipient, in the transaction that marks it done.
 */
@ApplicationScoped
public class NotificationConsumer implements EffectConsumer {

    public static final String KIND = "notification";

    @Inject
    EffectJournal journal;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean process(long effectId) throws Exception {
        return journal.applyOnce(effectId, (c, e) -> {
            String to = e.text("to");
            String recipients;
            if ("owner".equals(to)) {
                recipients = "SELECT id FROM app_user WHERE id = ?";
            } else if ("manager".equals(to)) {
                recipients = "SELECT t.manager_id FROM app_user u JOIN team t ON t.id = u.team_id WHERE u.id = ? AND t.manager_id IS NOT NULL";
            } else if (Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(to))) {
                recipients = "SELECT id FROM app_user WHERE role = ? AND active";
            } else {
                throw new IllegalArgumentException("unknown recipient " + to);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification (user_id, title, body, link, effect_id)"
                    + " SELECT r.id, ?, ?, ?, ? FROM (" + recipients + ") AS r(id) ON CONFLICT DO NOTHING")) {
                ps.setString(1, String.valueOf(e.text("title")));
                ps.setString(2, String.valueOf(e.text("message")));
                ps.setString(3, e.text("link"));
                ps.setLong(4, e.id());
                if ("owner".equals(to) || "manager".equals(to)) {
                    ps.setLong(5, e.number("ownerId"));
                } else {
                    ps.setString(5, to);
                }
                ps.executeUpdate();
            }
        });
    }
}
