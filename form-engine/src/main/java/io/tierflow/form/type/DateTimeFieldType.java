package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A moment in time, stored as timestamptz. Input with an offset is taken as is; input without one
 * (2026-03-01 14:30) is read in the field's {@code timeZone} (default Asia/Shanghai), the way its users think.
 */
@ApplicationScoped
public class DateTimeFieldType implements FieldType {

    static final String DEFAULT_ZONE = "Asia/Shanghai";

    @Override
    public String id() {
        return "datetime";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "timestamptz";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.DATETIME;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ConfigOption.text("timeZone", DEFAULT_ZONE));
    }

    @Override
    public List<io.tierflow.core.error.FieldProblem> checkConfig(FieldDefinition field, String path) {
        try {
            zone(field);
            return List.of();
        } catch (DateTimeException e) {
            return List.of(new io.tierflow.core.error.FieldProblem(path + ".config.timeZone", "form.field.time-zone"));
        }
    }

    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        String text = input.asText().strip().replace(' ', 'T');
        if (text.length() > 40) {
            throw new FieldValueException("form.value.not-a-datetime");
        }
        if (text.indexOf('T') < 0 && text.indexOf(':') < 0) {
            // a date alone means the start of that day where the field's users are
            try {
                return DateFieldType.parseDate(input.asText()).atStartOfDay(zone(field)).toOffsetDateTime();
            } catch (FieldValueException e) {
                throw new FieldValueException("form.value.not-a-datetime");
            }
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.length() == 16 ? text + ":00" : text).atZone(zone(field)).toOffsetDateTime();
            } catch (DateTimeException e2) {
                throw new FieldValueException("form.value.not-a-datetime");
            }
        }
    }

    private static ZoneId zone(FieldDefinition field) {
        String zone = field.configText("timeZone");
        return ZoneId.of(zone == null ? DEFAULT_ZONE : zone);
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        return OffsetDateTime.parse(stored.asText()).atZoneSameInstant(zone(field)).toOffsetDateTime();
    }

    @Override
    public String display(FieldDefinition field, Object value) {
        return value instanceof OffsetDateTime t
                ? t.atZoneSameInstant(zone(field)).toLocalDateTime().toString().replace('T', ' ') : null;
    }

    @Override
    public String widget() {
        return "datetime";
    }
}
