package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What each user keeps of a form's record grid (tables of migration V6_0_1): the columns they show, and
 * their saved views. Per user and form, so nobody sees or changes another user's; the rows are only ever
 * looked up by the caller's own id. Plain reactive pool: these are the ui's own small tables.
 */
@ApplicationScoped
public class GridStore {

    /** At most this many views per user and form; the picker stays a short list. */
    static final int MAX_VIEWS = 30;

    /**
     * A saved view.
     *
     * @param columns the field keys shown, in order; null for "every visible field"
     * @param filter  a RecordFilter tree, or null
     * @param sort    a RecordSort ("-revenue"), or null
     */
    @TemplateData
    public record SavedView(long id, String name, List<String> columns, JsonNode filter, String sort, String search,
            String tier) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /** The columns the user chose for the form, or null when they never chose. */
    public Uni<List<String>> columns(long userId, long formId) {
        return pool.preparedQuery("SELECT columns::text FROM ui_grid_columns WHERE user_id = $1 AND form_id = $2")
                .execute(Tuple.of(userId, formId))
                .map(rows -> rows.iterator().hasNext() ? keys(rows.iterator().next().getString(0)) : null);
    }

    public Uni<Void> saveColumns(long userId, long formId, List<String> columns) {
        return pool.preparedQuery("INSERT INTO ui_grid_columns (user_id, form_id, columns) VALUES ($1, $2, CAST(CAST($3 AS text) AS jsonb))"
                        + " ON CONFLICT (user_id, form_id) DO UPDATE SET columns = EXCLUDED.columns, updated_at = now()")
                .execute(Tuple.of(userId, formId, text(columns))).replaceWithVoid();
    }

    /** The user's views of the form, by name. */
    public Uni<List<SavedView>> views(long userId, long formId) {
        return pool.preparedQuery("SELECT id, name, columns::text, filter::text, sort, search, tier FROM ui_saved_view"
                        + " WHERE user_id = $1 AND form_id = $2 ORDER BY lower(name), id")
                .execute(Tuple.of(userId, formId)).map(rows -> {
                    List<SavedView> views = new ArrayList<>();
                    rows.forEach(r -> views.add(view(r)));
                    return views;
                });
    }

    /** One of the user's views of the form, or null (another user's view is as good as missing). */
    public Uni<SavedView> view(long userId, long formId, long id) {
        return pool.preparedQuery("SELECT id, name, columns::text, filter::text, sort, search, tier FROM ui_saved_view"
                        + " WHERE id = $1 AND user_id = $2 AND form_id = $3")
                .execute(Tuple.of(id, userId, formId))
                .map(rows -> rows.iterator().hasNext() ? view(rows.iterator().next()) : null);
    }

    /**
     * Saves a view under {@code name}, replacing the user's view of that name; returns its id, or null when the
     * user already has {@link #MAX_VIEWS} other views.
     */
    public Uni<Long> saveView(long userId, long formId, SavedView v) {
        Tuple params = Tuple.tuple().addLong(userId).addLong(formId).addString(v.name()).addString(v.columns() == null ? null : text(v.columns()))
                .addString(v.filter() == null ? null : v.filter().toString()).addString(v.sort()).addString(v.search())
                .addString(v.tier()).addInteger(MAX_VIEWS);
        return pool.preparedQuery("INSERT INTO ui_saved_view (user_id, form_id, name, columns, filter, sort, search, tier)"
                        + " SELECT $1, $2, $3, CAST(CAST($4 AS text) AS jsonb), CAST(CAST($5 AS text) AS jsonb), $6, $7, $8"
                        + " WHERE (SELECT count(*) FROM ui_saved_view WHERE user_id = $1 AND form_id = $2 AND name <> $3) < $9"
                        + " ON CONFLICT (user_id, form_id, name) DO UPDATE SET columns = EXCLUDED.columns, filter = EXCLUDED.filter,"
                        + " sort = EXCLUDED.sort, search = EXCLUDED.search, tier = EXCLUDED.tier, updated_at = now() RETURNING id")
                .execute(params).map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : null);
    }

    /** Replaces the columns of one of the user's views (the column picker, while the view is shown). */
    public Uni<Void> saveViewColumns(long userId, long formId, long id, List<String> columns) {
        return pool.preparedQuery("UPDATE ui_saved_view SET columns = CAST(CAST($4 AS text) AS jsonb), updated_at = now()"
                        + " WHERE id = $1 AND user_id = $2 AND form_id = $3")
                .execute(Tuple.of(id, userId, formId, text(columns))).replaceWithVoid();
    }

    public Uni<Boolean> deleteView(long userId, long formId, long id) {
        return pool.preparedQuery("DELETE FROM ui_saved_view WHERE id = $1 AND user_id = $2 AND form_id = $3")
                .execute(Tuple.of(id, userId, formId)).map(rows -> rows.rowCount() > 0);
    }

    private SavedView view(Row r) {
        return new SavedView(r.getLong(0), r.getString(1), keys(r.getString(2)), tree(r.getString(3)), r.getString(4),
                r.getString(5), r.getString(6));
    }

    private List<String> keys(String text) {
        JsonNode node = tree(text);
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        node.forEach(k -> keys.add(k.asText()));
        return keys;
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            return null; // a row no version of this code wrote: as if there were none
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
