package io.tierflow.ui.records;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.model.FormDefinition;
import io.tierflow.form.model.RoleAccess;
import io.tierflow.form.record.RecordInput;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;
import io.tierflow.form.type.FieldValueException;
import io.tierflow.form.type.RelationFieldType;
import io.tierflow.rule.formula.ValueType;
import io.tierflow.ui.web.PostedForm;

/**
 * Between a form's fields and the page: the inputs to render, values as people read them, and what a
 * record form posted. Everything type-specific comes from the field type ({@code widget()},
 * {@code display()}, {@code computed()}), so a new type needs no change here. Everything a role may do
 * comes from its {@link RoleAccess}: a field hidden from it is neither rendered nor posted, a read-only one
 * is shown like a computed field and never posted, so a role with such fields can save from the pages.
 */
@ApplicationScoped
public class RecordFields {

    static final String PARAM_PREFIX = "values.";

    /** The widget of a field the caller's role may read but not write. */
    static final String READONLY = "readonly";

    /** No restrictions: for previews of a form that no particular role looks at (the designer). */
    public static final RoleAccess EVERYTHING = new RoleAccess(java.util.Set.copyOf(RoleAccess.ACTIONS), "all", Map.of());

    /** What a record form posted: {@code values} for RecordService, {@code texts} to show again after a failed save. */
    public record Submitted(ObjectNode values, Map<String, String> texts) {
    }

    @Inject
    FieldTypes types;

    @Inject
    ObjectMapper json;

    /** The field's type (through this bean: a client proxy has no injected fields of its own). */
    public FieldType type(FieldDefinition field) {
        return types.get(field.type());
    }

    public boolean computed(FieldDefinition field) {
        return types.get(field.type()).computed();
    }

    /** Shown but never typed into: computed fields, and the approval status the platform writes. */
    public boolean readOnly(FormDefinition form, FieldDefinition field) {
        return computed(field) || RecordInput.approvalOutcome(form, field.key());
    }

    /** Shown but never typed into by this role: as above, and the fields its access makes read-only or hides. */
    public boolean readOnly(FormDefinition form, RoleAccess access, FieldDefinition field) {
        return readOnly(form, field) || !access.editable(field.key());
    }

    /** Whether the form shows an input for this key (read-only and unknown fields have none). */
    public boolean writable(FormDefinition form, String key) {
        return writable(form, EVERYTHING, key);
    }

    /** Whether the form shows this role an input for this key. */
    public boolean writable(FormDefinition form, RoleAccess access, String key) {
        return form.field(key).map(f -> !readOnly(form, access, f)).orElse(false);
    }

    /** The fields the role may see, in the form's order. */
    public static List<FieldDefinition> visible(FormDefinition form, RoleAccess access) {
        return form.fields().stream().filter(f -> !access.hidden(f.key())).toList();
    }

    /** Numbers are right-aligned in tables, whatever type produces them. */
    public boolean numeric(FieldDefinition field) {
        return types.get(field.type()).valueType(field) == ValueType.NUMBER;
    }

    /** The value as a person reads it; numbers without trailing zeros or exponents (132, not 132.0 or 1E+2). */
    public String display(FieldDefinition field, Object value) {
        return types.get(field.type()).display(field, plain(value));
    }

    /**
     * A value written as JSON (the audit trail, a tier explanation) as a person reads it. It is read the way
     * an input would be (that also takes the joined keys a formula sees for a multi-select), else the way a
     * stored column is (computed fields take no input), else shown as it is.
     */
    public String displayJson(FieldDefinition field, Object jsonValue) {
        if (jsonValue == null) {
            return null;
        }
        FieldType type = types.get(field.type());
        JsonNode node = json.valueToTree(jsonValue);
        Object value;
        try {
            value = type.parse(field, node);
        } catch (FieldValueException | RuntimeException notInput) {
            try {
                value = type.read(field, node);
            } catch (RuntimeException unreadable) {
                return node.isValueNode() ? node.asText() : node.toString();
            }
        }
        String shown = display(field, value);
        return shown == null ? node.asText() : shown;
    }

    /** Text as the user typed it, shown the way the type displays its value; text the type refuses as it is. */
    public String displayText(FieldDefinition field, String text) {
        try {
            String shown = display(field, types.get(field.type()).parse(field, TextNode.valueOf(text)));
            return shown == null ? text : shown;
        } catch (FieldValueException | RuntimeException refused) {
            return text;
        }
    }

    /** The text each writable field's input shows for a stored record. */
    public Map<String, String> texts(FormDefinition form, Map<String, Object> stored) {
        return texts(form, EVERYTHING, stored);
    }

    /** The text each field the role may write shows in its input for a stored record. */
    public Map<String, String> texts(FormDefinition form, RoleAccess access, Map<String, Object> stored) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            Object v = stored.get(f.key());
            if (!readOnly(form, access, f) && v != null) {
                texts.put(f.key(), FieldWidgets.inputText(types.get(f.type()), f, v));
            }
        }
        return texts;
    }

    /**
     * @param texts  what the writable inputs show (by key)
     * @param stored the record's values by key, for computed fields; empty for a new record
     * @param errors messages by field key
     */
    public List<FieldInput> inputs(FormDefinition form, Map<String, String> texts, Map<String, Object> stored,
            Map<String, String> errors) {
        return inputs(form, EVERYTHING, texts, stored, errors);
    }

    /**
     * The inputs the role sees: none for a field hidden from it; a field it may only read is shown like a
     * computed one (widget {@value #READONLY}), without an input, so the page never posts it.
     */
    public List<FieldInput> inputs(FormDefinition form, RoleAccess access, Map<String, String> texts,
            Map<String, Object> stored, Map<String, String> errors) {
        List<FieldInput> inputs = new ArrayList<>();
        boolean focused = false;
        for (FieldDefinition f : form.fields()) {
            if (access.hidden(f.key())) {
                continue;
            }
            FieldType type = types.get(f.type());
            boolean readOnly = readOnly(form, access, f);
            String widget = readOnly(form, f) ? "computed" : readOnly ? READONLY : type.widget();
            String text = texts.get(f.key());
            Object value = stored.get(f.key());
            String error = readOnly ? null : errors.get(f.key());
            FieldWidgets.Adornment unit = FieldWidgets.adornment(type, f, widget);
            FieldInput.RelationPick relation = type instanceof RelationFieldType
                    ? new FieldInput.RelationPick(RelationFieldType.targetForm(f), RelationFieldType.multiple(f),
                            readOnly ? RelationTitles.ids(value) : ids(text), List.of())
                    : null;
            // files, a region, a sub-table: what the widget shows beside its hidden JSON input
            FieldInput.WidgetParts parts = readOnly ? null : CompositeWidgets.parts(type, f, widget, text, form.key(), errors);
            inputs.add(new FieldInput(f.key(), f.label(), widget, f.required() && !readOnly, text == null ? "" : text,
                    value == null ? null : display(f, value), FieldWidgets.choices(type, f, widget, text),
                    unit.prefix(), unit.suffix(), error, error != null && !focused, relation, parts));
            focused |= error != null;
        }
        return inputs;
    }

    /**
     * The {@code values.<key>} parameters the current request posted, by key, each with all its values (a
     * multi-select posts its name once per ticked box). Quarkus REST has parsed the form already
     * ({@code @WithFormRead}), so they are read from there by name: which names exist depends on the form,
     * so they cannot be declared as {@code @RestForm} parameters. Call it on the request's thread, before
     * any asynchronous step.
     */
    public static Map<String, List<String>> posted() {
        Map<String, List<String>> posted = new LinkedHashMap<>();
        PostedForm.all().forEach((name, values) -> {
            if (name.startsWith(PARAM_PREFIX) && !values.isEmpty()) {
                posted.put(name.substring(PARAM_PREFIX.length()), values);
            }
        });
        return posted;
    }

    /**
     * What {@code posted} means for the form: each writable field that was posted, an empty input as "no
     * value" (null), a multi-select's ticked keys as a JSON array (its form also posts an empty value, so
     * untick-all is posted too and clears it). A field missing from the post is left out, so an update
     * leaves it unchanged.
     */
    public Submitted submitted(FormDefinition form, Map<String, List<String>> posted) {
        return submitted(form, EVERYTHING, posted);
    }

    /** As above, leaving out whatever the role may not write even if a crafted form posts it. */
    public Submitted submitted(FormDefinition form, RoleAccess access, Map<String, List<String>> posted) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        Map<String, String> texts = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            List<String> sent = posted.get(f.key());
            if (sent == null || readOnly(form, access, f)) {
                continue;
            }
            if (FieldWidgets.MULTISELECT.equals(types.get(f.type()).widget())) {
                List<String> keys = sent.stream().filter(v -> !v.isBlank()).map(String::strip).toList();
                texts.put(f.key(), String.join(",", keys));
                if (keys.isEmpty()) {
                    values.putNull(f.key());
                } else {
                    keys.forEach(values.putArray(f.key())::add);
                }
                continue;
            }
            String text = sent.get(0);
            texts.put(f.key(), text);
            if (text.isBlank()) {
                values.putNull(f.key());
            } else {
                values.put(f.key(), text);
            }
        }
        return new Submitted(values, texts);
    }

    /** A change the user typed that a conflicting save did not keep: the field and what they wanted in it. */
    @io.quarkus.qute.TemplateData
    public record Unsaved(String label, String text) {
    }

    /**
     * What {@code submitted} would have changed relative to {@code current} (both as input texts), to show
     * after a refused stale save so nothing typed is lost from sight; {@code empty} stands for a cleared field.
     */
    public List<Unsaved> unsaved(FormDefinition form, Map<String, String> submitted, Map<String, String> current, String empty) {
        return unsaved(form, EVERYTHING, submitted, current, empty);
    }

    /** As above, for the fields the role may write. */
    public List<Unsaved> unsaved(FormDefinition form, RoleAccess access, Map<String, String> submitted,
            Map<String, String> current, String empty) {
        List<Unsaved> changes = new ArrayList<>();
        for (FieldDefinition f : form.fields()) {
            String mine = submitted.get(f.key());
            if (mine == null || readOnly(form, access, f) || mine.strip().equals(current.getOrDefault(f.key(), "").strip())) {
                continue;
            }
            changes.add(new Unsaved(f.label(), mine.isBlank() ? empty : displayText(f, mine.strip())));
        }
        return changes;
    }

    /** The record ids in a relation input's text ("12,13"); anything else in it is left out. */
    static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,，\\s]+")) {
                if (part.matches("\\d{1,18}") && !ids.contains(Long.parseLong(part))) {
                    ids.add(Long.parseLong(part));
                }
            }
        }
        return ids;
    }

    private static Object plain(Object value) {
        if (value instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0) : s;
        }
        return value;
    }
}
