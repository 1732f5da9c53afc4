package io.tierflow.form.type;

/**
 * One setting a field type offers the builder (Keycloak-provider style): the designer renders every type's
 * settings panel from these, with no per-type UI code. Its label is the message {@code form.option.<name>}.
 *
 * @param kind how to edit it: {@code text}, {@code number}, {@code boolean}, {@code options} (a list of
 *             key/label/colour), {@code formula}, or {@code choice:<a>|<b>|…} for a fixed set
 */
public record ConfigOption(String name, String kind, Object defaultValue, boolean required) {

    public static ConfigOption text(String name, String defaultValue) {
        return new ConfigOption(name, "text", defaultValue, false);
    }

    public static ConfigOption number(String name, Number defaultValue) {
        return new ConfigOption(name, "number", defaultValue, false);
    }

    public String labelCode() {
        return "form.option." + name;
    }
}
