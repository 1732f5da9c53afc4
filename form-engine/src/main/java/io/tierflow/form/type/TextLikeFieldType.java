package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import java.util.List;

/**
 * What every text-valued type shares: stored as text, trimmed, empty means no value, at most
 * {@code maxLength} code points. Subclasses add their own format check.
 */
public abstract class TextLikeFieldType implements FieldType {

    /** Compiled builder patterns; a form has few, so the cache stays small. */
    private static final java.util.Map<String, com.google.re2j.Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The length limit when the builder sets none. */
    protected abstract int defaultMaxLength();

    /** Refuses a value that is not of this type's format; the text is already trimmed and not empty. */
    protected void check(String text) throws FieldValueException {
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "text";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.TEXT;
    }

    @Override
    public boolean searchable() {
        return true;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ConfigOption.number("maxLength", defaultMaxLength()), ConfigOption.text("pattern", null));
    }

    @Override
    public List<io.tierflow.core.error.FieldProblem> checkConfig(FieldDefinition field, String path) {
        String pattern = field.configText("pattern");
        if (pattern == null) {
            return List.of();
        }
        try {
            if (pattern.length() > 500) {
                throw new com.google.re2j.PatternSyntaxException("too long", pattern);
            }
            com.google.re2j.Pattern.compile(pattern);
            return List.of();
        } catch (com.google.re2j.PatternSyntaxException e) {
            return List.of(new io.tierflow.core.error.FieldProblem(path + ".config.pattern", "form.field.pattern-invalid"));
        }
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull()) {
            return null;
        }
        if (input.isContainerNode()) {
            throw new FieldValueException("form.value.not-text");
        }
        String text = input.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        int max = field.config() != null && field.config().hasNonNull("maxLength")
                ? Math.min(field.config().get("maxLength").asInt(defaultMaxLength()), defaultMaxLength())
                : defaultMaxLength();
        if (text.codePointCount(0, text.length()) > max) {
            throw new FieldValueException("form.value.too-long", max);
        }
        check(text);
        String pattern = field.configText("pattern");
        // RE2J: matching is linear in the input whatever the builder wrote
        if (pattern != null && !PATTERNS.computeIfAbsent(pattern, com.google.re2j.Pattern::compile).matches(text)) {
            throw new FieldValueException("form.value.pattern", pattern);
        }
        return text;
    }
}
