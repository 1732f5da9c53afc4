package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordPage;
import io.tierflow.form.model.RecordView;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.type.RelationFieldType;
import io.tierflow.ui.web.Times;

/**
 * One page of a form's records as the grid shows it: the chosen columns, then tier, the lifecycle stage and tags
 * when chosen (read-only badges), and update time; the first
 * column links to the record. Headers sort (ascending, descending, then back to newest first); simple cells
 * the caller may write can be edited in place; rows can go to the trash. {@code moreUrl} fetches the next
 * keyset page (by id, or by {@code cursor} when sorted) with the same state.
 */
@TemplateData
public record RecordTable(List<Column> columns, Column tier, Column stage, Column tags, Column updated, List<Row> rows,
        String moreUrl, boolean trash) {

    /**
     * The column picker's keys for the stage and tags columns; a field key starts with a letter, so these never
     * name a field.
     */
    static final String STAGE = "_stage";
    static final String TAGS = "_tags";

    /** The widgets a cell edits in place: one short value each; the rest is edited on the record's page. */
    static final Set<String> INLINE = Set.of("text", "number", "money", "percent", "select", "checkbox", "date", "email",
            "tel", "url", "rating");

    /**
     * @param sort     "asc" or "desc" when the grid is sorted by this column, else null
     * @param sortUrl  the grid sorted by this column next (asc, desc, none); null when it cannot sort by it
     */
    @TemplateData
    public record Column(String key, String label, boolean numeric, String sort, String sortUrl) {

        /** What aria-sort says: ascending, descending or none. */
        public String ariaSort() {
            return "asc".equals(sort) ? "ascending" : "desc".equals(sort) ? "descending" : "none";
        }
    }

    /**
     * @param editUrl where the cell's editor comes from, or null when it is not edited in place
     * @param links   a relation's linked records by title, else empty
     */
    @TemplateData
    public record Cell(String key, String label, String text, boolean numeric, String editUrl,
            List<RelationTitles.Linked> links) {

        /** The cell's id, for the inline editor's swaps; record ids and field keys are safe in ids. */
        public String id(long row) {
            return "cell-" + row + "-" + key;
        }
    }

    @TemplateData
    public record Row(long id, long version, String href, List<Cell> cells, TierBadge tier, String updated,
            String deleteUrl, String restoreUrl, String stage, List<String> tags) {

        /** The first cell links to the record; "#12" when it is empty, so every row stays reachable. */
        public String linkText() {
            String text = cells.isEmpty() ? "" : cells.get(0).text();
            return text.isBlank() ? "#" + id : text;
        }

        public String rowId() {
            return "row-" + id;
        }
    }

    /**
     * What the table is built from, besides the page of records.
     *
     * @param extras {@link #STAGE} and/or {@link #TAGS} when those columns are shown
     */
    record Setup(FormDefinition form, RoleAccess access, RecordFields fields, List<FieldDefinition> columns,
            Map<String, Map<Long, RelationTitles.Linked>> links, GridQuery query, Labels labels, boolean trash, Set<String> extras) {

        Setup(FormDefinition form, RoleAccess access, RecordFields fields, List<FieldDefinition> columns,
                Map<String, Map<Long, RelationTitles.Linked>> links, GridQuery query, Labels labels, boolean trash) {
            this(form, access, fields, columns, links, query, labels, trash, Set.of());
        }
    }

    /** Texts in the user's language: the tier, stage, tags and "updated" headers, and the badge of a record without a tier. */
    record Labels(String tier, String updated, String noTier, String stage, String tags) {

        Labels(String tier, String updated, String noTier) {
            this(tier, updated, noTier, null, null);
        }
    }

    /** The stage and tags columns the form offers: when its tier model sets stages, and tags (or a trigger adds them). */
    static List<String> extrasOffered(FormDefinition form) {
        List<String> offered = new ArrayList<>();
        var model = form.tierModel();
        if (model != null && model.stages() != null && !model.stages().isEmpty()) {
            offered.add(STAGE);
        }
        boolean tagging = form.triggers().stream().flatMap(t -> t.actions() == null ? java.util.stream.Stream.empty() : t.actions().stream())
                .anyMatch(a -> "add_tags".equals(a.get("type")));
        if (tagging || model != null && model.tags() != null && !model.tags().isEmpty()) {
            offered.add(TAGS);
        }
        return offered;
    }

    /** The stage and tags columns shown for the picked keys: the offered ones picked, or all offered when nothing was picked. */
    static Set<String> extras(FormDefinition form, List<String> chosen) {
        List<String> offered = extrasOffered(form);
        return Set.copyOf(chosen == null ? offered : offered.stream().filter(chosen::contains).toList());
    }

    static RecordTable of(Setup s, RecordPage page) {
        String base = "/forms/" + s.form().key();
        List<Column> columns = new ArrayList<>();
        for (FieldDefinition f : s.columns()) {
            String column = s.fields().type(f).columnType(f);
            // lists and jsonb values (files, regions, sub-tables) have no order to sort by
            boolean sortable = !s.trash() && !column.endsWith("[]") && !column.equals("jsonb");
            columns.add(column(base, s.query(), f.key(), f.label(), s.fields().numeric(f), sortable));
        }
        List<Row> rows = new ArrayList<>();
        for (RecordView r : page.items()) {
            rows.add(row(s, r));
        }
        String more = null;
        if (page.next() != null || page.cursor() != null) {
            more = s.trash() ? base + "/trash" + GridQuery.encode(Map.of("after", List.of(page.next().toString())))
                    : base + s.query().query(page.next(), page.cursor());
        }
        return new RecordTable(columns, column(base, s.query(), "tier", s.labels().tier(), false, !s.trash()),
                extra(s, STAGE, s.labels().stage()), extra(s, TAGS, s.labels().tags()),
                column(base, s.query(), "updated_at", s.labels().updated(), false, !s.trash()), rows, more, s.trash());
    }

    /** The table of a single row, for an in-place edit's answer (records/rows.html renders it). */
    static RecordTable single(Setup s, RecordView r) {
        return new RecordTable(List.of(), null, extra(s, STAGE, s.labels().stage()), extra(s, TAGS, s.labels().tags()), null,
                List.of(row(s, r)), null, s.trash());
    }

    /** A stage or tags header when shown; neither sorts. */
    private static Column extra(Setup s, String key, String label) {
        return s.extras().contains(key) ? new Column(key, label == null ? key : label, false, null, null) : null;
    }

    static Row row(Setup s, RecordView r) {
        String base = "/forms/" + s.form().key();
        boolean edit = !s.trash() && s.access().may("edit");
        List<Cell> cells = new ArrayList<>();
        for (FieldDefinition f : s.columns()) {
            Object value = r.values().get(f.key());
            List<RelationTitles.Linked> links = List.of();
            String text;
            if (s.fields().type(f) instanceof RelationFieldType) {
                Map<Long, RelationTitles.Linked> known = s.links().getOrDefault(f.key(), Map.of());
                links = RelationTitles.ids(value).stream()
                        .map(id -> known.getOrDefault(id, new RelationTitles.Linked(id, "#" + id, null))).toList();
                text = String.join("、", links.stream().map(RelationTitles.Linked::title).toList());
            } else {
                text = s.fields().display(f, value);
            }
            boolean inline = edit && INLINE.contains(s.fields().type(f).widget()) && s.fields().writable(s.form(), s.access(), f.key());
            cells.add(new Cell(f.key(), f.label(), text == null ? "" : text, s.fields().numeric(f),
                    inline ? base + "/records/" + r.id() + "/cells/" + f.key() + "?version=" + r.version() : null, links));
        }
        boolean delete = s.access().may("delete");
        return new Row(r.id(), r.version(), base + "/records/" + r.id(), cells, TierBadge.of(s.form(), r.tier(), s.labels().noTier()),
                Times.format(r.updatedAt()),
                delete && !s.trash() ? base + "/records/" + r.id() + "/delete" : null,
                delete && s.trash() ? base + "/records/" + r.id() + "/restore" : null,
                r.stage(), r.tags() == null ? List.of() : r.tags());
    }

    /** A header; {@code sortable} ones lead to the same grid sorted by them next (asc → desc → default). */
    static Column column(String base, GridQuery q, String key, String label, boolean numeric, boolean sortable) {
        String sort = key.equals(q.sortKey()) ? (q.descending() ? "desc" : "asc") : null;
        String next = sort == null ? key : "asc".equals(sort) ? "-" + key : null;
        return new Column(key, label, numeric, sort, sortable ? base + q.sorted(next).query() : null);
    }

    /** Tier, stage and tags when shown, "updated" and the row's actions follow the field columns. */
    public int width() {
        return columns.size() + 3 + (stage == null ? 0 : 1) + (tags == null ? 0 : 1);
    }
}
