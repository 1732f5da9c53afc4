package io.tierflow.ui.records;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * One field of a record form as records/inputs.html renders it.
 *
 * @param widget  the field type's {@code widget()}: text, number, select or computed (others fall back to text)
 * @param value   what the input shows: the submitted text after a failed save, else the stored value
 * @param display the stored value as a person reads it, for computed (read-only) fields; null when unknown yet
 * @param choices the options of a select, else empty
 * @param error   the message to show under the field, in the user's language, or null
 * @param focus   the first field with an error gets the focus, where the user continues
 */
@TemplateData
public record FieldInput(String key, String label, String widget, boolean required, String value, String display,
        List<Choice> choices, String error, boolean focus) {

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
}
