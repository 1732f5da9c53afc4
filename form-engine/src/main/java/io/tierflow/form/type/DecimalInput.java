package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import java.math.BigDecimal;

/**
 * Reads a decimal the way people type one: a JSON number, or text such as "1,200.50", "¥1,200.50",
 * "１２００" (full-width) or "12.5%". Shared by the number-valued types.
 */
final class DecimalInput {

    /** Bounds parsing: BigDecimal accepts exponents that would make later arithmetic explode. */
    static final int MAX_DIGITS = 30;

    private DecimalInput() {
    }

    /** @return null for an empty value */
    static BigDecimal parse(JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        BigDecimal value;
        if (input.isNumber()) {
            if (!input.isBigDecimal() && !input.isIntegralNumber() && !Double.isFinite(input.doubleValue())) {
                throw new FieldValueException("form.value.number-too-large", MAX_DIGITS);
            }
            value = input.decimalValue();
        } else if (input.isTextual()) {
            value = parseText(input.asText());
        } else {
            throw new FieldValueException("form.value.not-a-number");
        }
        if (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
            throw new FieldValueException("form.value.number-too-large", MAX_DIGITS);
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value;
    }

    private static BigDecimal parseText(String raw) throws FieldValueException {
        StringBuilder plain = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '０' && c <= '９') {
                plain.append((char) ('0' + (c - '０')));
            } else if (c == '．') {
                plain.append('.');
            } else if (c == '－') {
                plain.append('-');
            } else if ("¥￥$€£,， \u00a0%％".indexOf(c) < 0) {
                plain.append(c);
            }
        }
        if (plain.length() == 0 || plain.length() > 2 * MAX_DIGITS + 2) {
            throw new FieldValueException("form.value.not-a-number");
        }
        try {
            return new BigDecimal(plain.toString());
        } catch (NumberFormatException e) {
            throw new FieldValueException("form.value.not-a-number");
        }
    }

    /** Checks the field's optional {@code min} and {@code max}. */
    static BigDecimal inRange(FieldDefinition field, BigDecimal value) throws FieldValueException {
        BigDecimal min = bound(field, "min");
        BigDecimal max = bound(field, "max");
        if (min != null && value.compareTo(min) < 0) {
            throw new FieldValueException("form.value.below-min", min.toPlainString());
        }
        if (max != null && value.compareTo(max) > 0) {
            throw new FieldValueException("form.value.above-max", max.toPlainString());
        }
        return value;
    }

    /** Refuses more decimals than {@code config.precision} (default {@code fallback}) rather than rounding them away. */
    static BigDecimal withPrecision(FieldDefinition field, BigDecimal value, int fallback) throws FieldValueException {
        int precision = field.config() != null && field.config().has("precision")
                ? field.config().get("precision").asInt(fallback) : fallback;
        if (value.stripTrailingZeros().scale() > precision) {
            throw new FieldValueException("form.value.too-many-decimals", precision);
        }
        return value;
    }

    static BigDecimal bound(FieldDefinition field, String name) {
        JsonNode v = field.config() == null ? null : field.config().get(name);
        return v != null && v.isNumber() ? v.decimalValue() : null;
    }
}
