package io.tierflow.rule.formula;

import java.util.Locale;
import java.util.Objects;

/** A short text in English and Simplified Chinese. */
public record LocalizedText(String en, String zh) {
    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    public String get(Locale locale) {
        return isZh(locale) ? zh : en;
    }

    static boolean isZh(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    @Override
    public String toString() {
        return en;
    }
}
