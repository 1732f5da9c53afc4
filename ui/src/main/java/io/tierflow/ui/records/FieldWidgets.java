package io.tierflow.ui.records;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.type.ChoiceOptions;
import io.tierflow.form.type.ConfigOption;
import io.tierflow.form.type.FieldType;

/**
 * What the record form's inputs need beyond the field type's {@code widget()} name: the text a stored value
 * shows in its input, the choices of the choosing widgets and the unit beside a number. Settings are read as
 * the type declares them ({@code configOptions()} gives the defaults), so nothing here repeats a type's rules.
 */
final class FieldWidgets {

    static final String MULTISELECT = "multiselect";

    /** What {@code <input type=datetime-local>} takes: local minutes, no zone. */
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FieldWidgets() {
    }

    /**
     * The text the input shows for a stored value: decimals without exponents, dates as ISO (what
     * {@code <input type=date>} takes), a moment as local minutes in the field's time zone, a multi-select
     * as its option keys joined by "," (keys cannot contain one, and the type parses that form back).
     */
    static String inputText(FieldType type, FieldDefinition field, Object stored) {
        if (stored instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (stored instanceof OffsetDateTime t) {
            return LOCAL_MINUTES.format(t.atZoneSameInstant(zone(type, field)));
        }
        if (stored instanceof java.util.Map<?, ?> || (stored instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof java.util.Map<?, ?>)) {
            // files, a region, a sub-table's rows: their widget keeps the value as JSON in a hidden input
            return CompositeWidgets.json(stored);
        }
        if (stored instanceof List<?> keys) {
            return keys.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return stored == null ? null : stored.toString();
    }

    /** The option keys a multi-select's input text stands for. */
    static List<String> keys(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    /**
     * The choices of a select, multi-select or rating with the current ones marked; empty for other widgets
     * (checkbox's yes/no are words, so the template writes them in the user's language).
     */
    static List<FieldInput.Choice> choices(FieldType type, FieldDefinition field, String widget, String text) {
        List<FieldInput.Choice> choices = new ArrayList<>();
        switch (widget) {
            case "select" -> ChoiceOptions.of(field).forEach((key, label) ->
                    choices.add(new FieldInput.Choice(key, label, key.equals(text))));
            case MULTISELECT -> {
                List<String> chosen = keys(text);
                ChoiceOptions.of(field).forEach((key, label) -> choices.add(new FieldInput.Choice(key, label, chosen.contains(key))));
            }
            case "rating" -> {
                int max = ratingMax(type, field);
                for (int stars = 0; stars <= max; stars++) {
                    String key = Integer.toString(stars);
                    // stars read at a glance; the number is for the screen reader and for 0, which shows no star
                    choices.add(new FieldInput.Choice(key, "★".repeat(stars) + "☆".repeat(max - stars) + " " + stars,
                            key.equals(text == null ? null : text.strip())));
                }
            }
            default -> {
            }
        }
        return choices;
    }

    /** The unit shown before or after a number input: "¥" for money in CNY, "%" for a percentage. */
    record Adornment(String prefix, String suffix) {

        static final Adornment NONE = new Adornment(null, null);
    }

    /**
     * Money and percentages carry their unit beside the input. It is taken from how the type displays zero
     * ("¥0.00", "0%"), so the currency symbols stay the type's own.
     */
    static Adornment adornment(FieldType type, FieldDefinition field, String widget) {
        if (!"money".equals(widget) && !"percent".equals(widget)) {
            return Adornment.NONE;
        }
        String zero = type.display(field, BigDecimal.ZERO);
        int first = zero == null ? -1 : firstDigit(zero);
        if (first < 0) {
            return Adornment.NONE;
        }
        int last = zero.length() - 1;
        while (!Character.isDigit(zero.charAt(last))) {
            last--;
        }
        return new Adornment(blankToNull(zero.substring(0, first)), blankToNull(zero.substring(last + 1)));
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int ratingMax(FieldType type, FieldDefinition field) {
        try {
            return Math.max(1, Math.min(10, Integer.parseInt(setting(type, field, "max"))));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    /** The field's zone for local times; one the builder mistyped falls back to the server's, like Times. */
    private static ZoneId zone(FieldType type, FieldDefinition field) {
        String zone = setting(type, field, "timeZone");
        try {
            return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    /** A setting of the field, or the default its type declares for it; null when neither has one. */
    static String setting(FieldType type, FieldDefinition field, String name) {
        String own = field.configText(name);
        if (own != null) {
            return own;
        }
        return type.configOptions().stream().filter(o -> o.name().equals(name)).map(ConfigOption::defaultValue)
                .filter(v -> v != null).map(Object::toString).findFirst().orElse(null);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
