package io.tierflow.core.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tierflow.core.error.Problem;
import io.tierflow.core.security.Passwords;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users and teams: lookups for services and approvals, and the writes admins and the demo seed make. */
@ApplicationScoped
public class UserDirectory {

    static final String COLUMNS = "id, username, display_name, role, team_id, locale";

    @Inject
    Pool pool;

    public Uni<Optional<Caller>> findByUsername(String username) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = $1")
                .execute(Tuple.of(username)).map(UserDirectory::first);
    }

    public Uni<Optional<Caller>> findById(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = $1")
                .execute(Tuple.of(id)).map(UserDirectory::first);
    }

    public Uni<List<Caller>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM app_user WHERE active ORDER BY id").execute()
                .map(rows -> {
                    List<Caller> out = new ArrayList<>();
                    rows.forEach(r -> out.add(caller(r)));
                    return out;
                });
    }

    /** Most a directory search returns: pickers show a handful, people narrow by typing. */
    public static final int MAX_RESULTS = 20;

    /**
     * A user or team to pick: its id, name and a detail that tells namesakes apart (a user's username and team,
     * a team's manager); {@code active} false for a deactivated user, who is never offered but still named.
     */
    public record Entry(long id, String name, String detail, boolean active) {
    }

    /**
     * Active users whose name or username contains {@code text} (any, when blank): exact matches first, then by
     * name; at most {@code limit} (capped at {@value #MAX_RESULTS}).
     */
    public Uni<List<Entry>> searchUsers(String text, int limit) {
        String q = text == null ? "" : text.strip();
        return pool.preparedQuery("SELECT u.id, u.display_name, u.username, t.name AS team, u.active FROM app_user u"
                        + " LEFT JOIN team t ON t.id = u.team_id WHERE u.active AND ($1 = '' OR u.display_name ILIKE $2"
                        + " OR u.username ILIKE $2) ORDER BY (lower(u.display_name) = lower($1) OR lower(u.username) = lower($1)) DESC,"
                        + " u.display_name, u.id LIMIT $3")
                .execute(Tuple.of(q, contains(q), cap(limit))).map(UserDirectory::users);
    }

    /** Teams whose name contains {@code text} (any, when blank), exact match first, by name; at most {@code limit}. */
    public Uni<List<Entry>> searchTeams(String text, int limit) {
        String q = text == null ? "" : text.strip();
        return pool.preparedQuery("SELECT t.id, t.name, m.display_name AS manager FROM team t LEFT JOIN app_user m"
                        + " ON m.id = t.manager_id WHERE ($1 = '' OR t.name ILIKE $2) ORDER BY lower(t.name) = lower($1) DESC,"
                        + " t.name, t.id LIMIT $3")
                .execute(Tuple.of(q, contains(q), cap(limit))).map(UserDirectory::teams);
    }

    /** The users with these ids, active or not (a stored value may name someone who has left). */
    public Uni<List<Entry>> users(List<Long> ids) {
        return pool.preparedQuery("SELECT u.id, u.display_name, u.username, t.name AS team, u.active FROM app_user u"
                        + " LEFT JOIN team t ON t.id = u.team_id WHERE u.id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).map(UserDirectory::users);
    }

    /** The teams with these ids. */
    public Uni<List<Entry>> teams(List<Long> ids) {
        return pool.preparedQuery("SELECT t.id, t.name, m.display_name AS manager FROM team t LEFT JOIN app_user m"
                        + " ON m.id = t.manager_id WHERE t.id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).map(UserDirectory::teams);
    }

    private static List<Entry> users(RowSet<Row> rows) {
        List<Entry> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Entry(r.getLong("id"), r.getString("display_name"),
                r.getString("team") == null ? r.getString("username") : r.getString("username") + " · " + r.getString("team"),
                r.getBoolean("active"))));
        return out;
    }

    private static List<Entry> teams(RowSet<Row> rows) {
        List<Entry> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Entry(r.getLong("id"), r.getString("name"), r.getString("manager"), true)));
        return out;
    }

    /** An ILIKE pattern for text anywhere, its wildcards taken literally. */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static int cap(int limit) {
        return Math.max(1, Math.min(MAX_RESULTS, limit));
    }

    /** Team ids whose records a manager may see: the teams they manage plus their own. */
    public Uni<List<Long>> managedTeamIds(long userId) {
        return pool.preparedQuery("SELECT id FROM team WHERE manager_id = $1 UNION SELECT team_id FROM app_user WHERE id = $1 AND team_id IS NOT NULL")
                .execute(Tuple.of(userId)).map(rows -> {
                    List<Long> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getLong(0)));
                    return out;
                });
    }

    public Uni<Long> ensureTeam(String name) {
        return pool.preparedQuery("INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id")
                .execute(Tuple.of(name)).map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Void> setTeamManager(long teamId, long managerId) {
        return pool.preparedQuery("UPDATE team SET manager_id = $2 WHERE id = $1")
                .execute(Tuple.of(teamId, managerId)).replaceWithVoid();
    }

    /** Creates the user when missing; an existing user (and a changed password) is left alone. */
    public Uni<Caller> ensureUser(String username, String displayName, String password, Role role, Long teamId) {
        return findByUsername(username).flatMap(existing -> existing.isPresent()
                ? Uni.createFrom().item(existing.get())
                : create(username, displayName, password, role, teamId));
    }

    public Uni<Caller> create(String username, String displayName, String password, Role role, Long teamId) {
        if (password == null || password.length() < 8) {
            throw Problem.invalid(List.of()).field("password", "core.user.password-short", 8);
        }
        return Uni.createFrom().item(() -> Passwords.hash(password))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(hash -> pool.preparedQuery("INSERT INTO app_user (username, display_name, password_hash, role, team_id)"
                        + " VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS)
                        .execute(Tuple.of(username, displayName, hash, role.name(), teamId)))
                .map(rows -> caller(rows.iterator().next()));
    }

    public Uni<Void> setLocale(long userId, String locale) {
        return pool.preparedQuery("UPDATE app_user SET locale = $2 WHERE id = $1")
                .execute(Tuple.of(userId, locale)).replaceWithVoid();
    }

    public Uni<Void> setPassword(String username, String password) {
        return Uni.createFrom().item(() -> Passwords.hash(password))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(hash -> pool.preparedQuery("UPDATE app_user SET password_hash = $2 WHERE username = $1")
                        .execute(Tuple.of(username, hash)))
                .replaceWithVoid();
    }

    static Optional<Caller> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(caller(it.next())) : Optional.empty();
    }

    public static Caller caller(Row row) {
        return new Caller(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Role.valueOf(row.getString("role")), row.getLong("team_id"), row.getString("locale"));
    }
}
