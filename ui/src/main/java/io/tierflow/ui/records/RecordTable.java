package io.tierflow.ui.records;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RecordPage;
import io.tierflow.form.model.RecordView;
import io.tierflow.ui.web.Times;

/**
 * One page of a form's records as a table: a column per field, then tier and update time; the first
 * column links to the record. {@code moreUrl} fetches the next keyset page with the same filters.
 */
@TemplateData
public record RecordTable(List<Column> columns, List<Row> rows, String moreUrl) {

    @TemplateData
    public record Column(String label, boolean numeric) {
    }

    @TemplateData
    public record Cell(String label, String text, boolean numeric) {
    }

    @TemplateData
    public record Row(long id, String href, List<Cell> cells, TierBadge tier, String updated) {

        /** The first cell links to the record; "#12" when it is empty, so every row stays reachable. */
        public String linkText() {
            String text = cells.isEmpty() ? "" : cells.get(0).text();
            return text.isBlank() ? "#" + id : text;
        }
    }

    /** The filters of the list, echoed into the form and the "more" link. */
    @TemplateData
    public record Filter(String q, String tier, Integer limit) {

        String query(Long after) {
            StringBuilder s = new StringBuilder();
            add(s, "q", q);
            add(s, "tier", tier);
            add(s, "limit", limit == null ? null : limit.toString());
            add(s, "after", after == null ? null : after.toString());
            return s.isEmpty() ? "" : "?" + s.substring(1);
        }

        private static void add(StringBuilder s, String name, String value) {
            if (value != null && !value.isBlank()) {
                s.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** @param noTier the badge text of a record without a tier, in the user's language */
    static RecordTable of(FormDefinition form, RecordFields fields, RecordPage page, Filter filter, String noTier) {
        String base = "/forms/" + form.key();
        List<Column> columns = new ArrayList<>();
        for (FieldDefinition f : form.fields()) {
            columns.add(new Column(f.label(), fields.numeric(f)));
        }
        List<Row> rows = new ArrayList<>();
        for (RecordView r : page.items()) {
            List<Cell> cells = new ArrayList<>();
            for (FieldDefinition f : form.fields()) {
                String text = fields.display(f, r.values().get(f.key()));
                cells.add(new Cell(f.label(), text == null ? "" : text, fields.numeric(f)));
            }
            rows.add(new Row(r.id(), base + "/records/" + r.id(), cells, TierBadge.of(form, r.tier(), noTier),
                    Times.format(r.updatedAt())));
        }
        return new RecordTable(columns, rows, page.next() == null ? null : base + filter.query(page.next()));
    }

    /** Tier and "updated" follow the field columns. */
    public int width() {
        return columns.size() + 2;
    }
}
