package io.tierflow.ui.designer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.qute.TemplateData;
import io.tierflow.core.i18n.Messages;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.form.type.CommonOptions;
import io.tierflow.form.type.ConfigOption;
import io.tierflow.form.type.FieldType;
import io.tierflow.form.type.FieldTypes;

/**
 * The field types as the designer shows them, read from the types themselves (the same descriptions as
 * {@code GET /api/field-types}): label, widget, whether computed, and each setting with its kind, default and
 * label, plus the settings every input field has ({@link CommonOptions}). The designer renders its palette and
 * its properties panel from this alone; a new type appears in both without any change here.
 */
@ApplicationScoped
public class DesignerCatalog {

    /** Where a type sits in the palette; types not listed follow, by id. Order only, no behaviour. */
    static final List<String> PALETTE_ORDER = List.of("text", "textarea", "number", "money", "percent", "date", "datetime",
            "single_select", "multi_select", "checkbox", "rating", "phone", "email", "url", "member", "team", "autonumber",
            "relation", "lookup", "rollup", "formula");

    /** One value of a {@code choice:a|b|c} setting with its label ({@code form.option.<name>.<value>} when there is one). */
    @TemplateData
    public record Choice(String value, String label) {
    }

    /** A setting; {@code description} ({@code form.option.<name>.description}) says what it does, where a label is not enough. */
    @TemplateData
    public record Option(String name, String kind, Object defaultValue, boolean required, String label, List<Choice> choices,
            String description) {
    }

    /**
     * @param input   false for computed types (formula, lookup, rollup, …), which have no input, default or uniqueness
     * @param options the type's own settings, then {@code common}: help text, default, uniqueness
     */
    @TemplateData
    public record Type(String id, String label, String widget, boolean computed, List<Option> options, List<Option> common) {

        public boolean input() {
            return !computed;
        }

        /** Computed types and those that point at another form go to the palette's second group. */
        public boolean linked() {
            return computed || options.stream().anyMatch(o -> "form".equals(o.kind()));
        }
    }

    @Inject
    FieldTypes types;

    public List<Type> types(Locale locale) {
        List<Type> out = new ArrayList<>();
        for (FieldType t : types.all()) {
            List<Option> own = t.configOptions().stream().map(o -> option(o, locale)).toList();
            List<Option> common = new ArrayList<>();
            if (!t.computed()) {
                FieldDefinition empty = new FieldDefinition(0, "x", "x", t.id(), false, JsonNodeFactory.instance.objectNode(), 0);
                boolean array = t.columnType(empty).endsWith("[]");
                for (ConfigOption o : CommonOptions.ALL) {
                    boolean uniqueness = o.name().equals(CommonOptions.UNIQUE) || o.name().equals(CommonOptions.UNIQUE_WITH);
                    if (!(array && uniqueness)) {
                        common.add(option(o, locale));
                    }
                }
            }
            out.add(new Type(t.id(), Messages.text(locale, "form.type." + t.id()), t.widget(), t.computed(), own, List.copyOf(common)));
        }
        out.sort(Comparator.comparingInt((Type t) -> PALETTE_ORDER.indexOf(t.id()) < 0 ? Integer.MAX_VALUE : PALETTE_ORDER.indexOf(t.id()))
                .thenComparing(Type::id));
        return out;
    }

    private static Option option(ConfigOption o, Locale locale) {
        List<Choice> choices = new ArrayList<>();
        if (o.kind().startsWith("choice:")) {
            for (String value : o.kind().substring("choice:".length()).split("\\|")) {
                String code = o.labelCode() + "." + value;
                String label = Messages.text(locale, code);
                choices.add(new Choice(value, label.equals(code) ? value : label));
            }
        }
        String describe = o.labelCode() + ".description";
        String description = Messages.text(locale, describe);
        return new Option(o.name(), o.kind(), o.defaultValue(), o.required(), Messages.text(locale, o.labelCode()), List.copyOf(choices),
                description.equals(describe) ? null : description);
    }

    /** Every {@code ui.designer.js.*} text in the language, short names without the prefix, for the page script. */
    public static TreeMap<String, String> scriptTexts(Locale locale) {
        TreeMap<String, String> texts = new TreeMap<>();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.ui", Messages.supported(locale),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String prefix = "ui.designer.js.";
            for (String key : bundle.keySet()) {
                if (key.startsWith(prefix)) {
                    texts.put(key.substring(prefix.length()), bundle.getString(key));
                }
            }
        } catch (MissingResourceException e) {
            // no texts: the script shows its keys
        }
        return texts;
    }
}
