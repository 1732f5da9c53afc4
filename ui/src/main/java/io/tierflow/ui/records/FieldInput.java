package io.tierflow.ui.records;

import java.util.List;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;

/**
 * One field of a record form as records/inputs.html renders it.
 *
 * @param widget  the field type's {@code widget()}, {@code computed} for a computed field, {@code readonly} for one the
 *                caller's role may only read (both shown, never posted); a widget
 *                the template does not know is a text box
 * @param value   what the input shows: the submitted text after a failed save, else the stored value
 *                ({@link FieldWidgets#inputText}); a multi-select's keys joined by ","
 * @param display the stored value as a person reads it, for computed (read-only) fields; null when unknown yet
 * @param choices the options of a select, multi-select or rating, else empty
 * @param prefix  a unit before the input (a currency symbol), or null
 * @param suffix  a unit after the input (%), or null
 * @param error   the message to show under the field, in the user's language, or null
 * @param focus   the first field with an error gets the focus, where the user continues
 * @param relation for a relation field, its target form and the linked records by title (records/picker.html);
 *                 else null
 * @param parts    for files, a region or a sub-table, what the widget shows beside its hidden JSON input; else null
 */
@TemplateData
public record FieldInput(String key, String label, String widget, boolean required, String value, String display,
        List<Choice> choices, String prefix, String suffix, String error, boolean focus, RelationPick relation,
        WidgetParts parts) {

    public FieldInput(String key, String label, String widget, boolean required, String value, String display,
            List<Choice> choices, String prefix, String suffix, String error, boolean focus) {
        this(key, label, widget, required, value, display, choices, prefix, suffix, error, focus, null, null);
    }

    public FieldInput(String key, String label, String widget, boolean required, String value, String display,
            List<Choice> choices, String prefix, String suffix, String error, boolean focus, RelationPick relation) {
        this(key, label, widget, required, value, display, choices, prefix, suffix, error, focus, relation, null);
    }

    /**
     * What the composite widgets show besides their hidden JSON input ({@link FieldWidgets#parts}): the files of an
     * attachment field, the levels of a region, the columns and rows of a sub-table; null for the other widgets.
     */
    @TemplateData
    public record WidgetParts(Files files, Region region, SubTable table) {
    }

    /** An attachment field: where files are uploaded, what it accepts, and the files it holds with their links. */
    @TemplateData
    public record Files(String uploadUrl, String accept, String acceptText, String maxMb, int maxFiles, List<FileLink> files) {
    }

    @TemplateData
    public record FileLink(String id, String name, String size, String href) {
    }

    /** A region's cascading selects, province first, each with its options (a level below an empty one has none). */
    @TemplateData
    public record Region(List<RegionLevel> levels) {
    }

    @TemplateData
    public record RegionLevel(String key, List<Choice> options) {

        /** The message naming the level ("省", "市", "区/县"). */
        public String labelCode() {
            return "ui.region." + key;
        }
    }

    /** A sub-table: its columns, its rows (each a list of cell inputs) and an empty row for "add row". */
    @TemplateData
    public record SubTable(List<Column> columns, List<List<FieldInput>> rows, List<FieldInput> blank, int maxRows) {
    }

    @TemplateData
    public record Column(String key, String label, boolean required, String widget) {
    }

    /**
     * A relation field's picker: the form it links to, whether it takes several records, and the linked ones
     * ({@code links}, filled in by {@link RelationTitles} once the page has read them).
     */
    @TemplateData
    public record RelationPick(String targetForm, boolean multiple, List<Long> ids, List<RelationTitles.Linked> links) {
    }

    /** The same input with its linked records' titles. */
    public FieldInput withLinks(List<RelationTitles.Linked> links) {
        return new FieldInput(key, label, widget, required, value, display, choices, prefix, suffix, error, focus,
                new RelationPick(relation.targetForm(), relation.multiple(), relation.ids(), links), parts);
    }

    /** The same input showing {@code display} for its value (a member picker's chosen person by name). */
    public FieldInput withDisplay(String display) {
        return new FieldInput(key, label, widget, required, value, display, choices, prefix, suffix, error, focus, relation, parts);
    }

    @TemplateData
    public record Choice(String key, String label, boolean selected) {
    }

    /** The form parameter; {@code values.} keeps field keys apart from {@code version} and {@code _csrf}. */
    public String name() {
        return RecordFields.PARAM_PREFIX + key;
    }

    /** The element id; field keys are [A-Za-z0-9_], safe in ids. */
    public String id() {
        return "v-" + key;
    }

    /** The {@code type} of an {@code <input>} widget: the browser's own pickers and keyboards where there are some. */
    public String inputType() {
        return switch (widget) {
            case "date" -> "date";
            case "datetime" -> "datetime-local";
            case "email", "tel", "url" -> widget;
            default -> "text";
        };
    }

    /** Numbers are typed as text (so "1,200" or "12.5%" reach the server's friendlier parser) on a decimal keypad. */
    public boolean decimal() {
        return "number".equals(widget) || "money".equals(widget) || "percent".equals(widget);
    }

    /** A customer's e-mail, phone or site: the browser must not offer the user's own. */
    public boolean noAutofill() {
        return "email".equals(widget) || "tel".equals(widget) || "url".equals(widget);
    }

    /**
     * The state attributes every control carries: required, invalid with its message, the focus. Built here
     * once instead of in each widget's markup; the id is made of a field key, safe in attributes.
     */
    public RawString state() {
        StringBuilder s = new StringBuilder();
        if (required) {
            s.append(" aria-required=\"true\"");
        }
        if (error != null) {
            s.append(" aria-invalid=\"true\" aria-describedby=\"").append(id()).append("-error\"");
        }
        if (focus) {
            s.append(" autofocus");
        }
        return new RawString(s.toString());
    }
}
