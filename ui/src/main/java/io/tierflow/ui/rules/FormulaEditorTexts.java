package io.tierflow.ui.rules;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

import io.tierflow.core.i18n.Messages;
import io.tierflow.ui.web.Pages;

/**
 * The texts /js/formula-editor.js shows (checking, valid, preview, …): the {@code ui.formula.js.*} messages in the
 * user's language, without the prefix. Any page that puts a formula editor on it hands these to the script.
 */
public final class FormulaEditorTexts {

    static final String PREFIX = "ui.formula.js.";

    private FormulaEditorTexts() {
    }

    static TreeMap<String, String> of(Pages pages) {
        return of(pages.locale());
    }

    public static TreeMap<String, String> of(Locale locale) {
        TreeMap<String, String> texts = new TreeMap<>();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.ui", Messages.supported(locale),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                if (key.startsWith(PREFIX)) {
                    texts.put(key.substring(PREFIX.length()), bundle.getString(key));
                }
            }
        } catch (MissingResourceException e) {
            // no texts: the script shows its keys
        }
        return texts;
    }
}
