package io.tierflow.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text in zh-CN and en. A message code's first segment names its module's bundle:
 * {@code form.field.required} is looked up in {@code i18n/form_<locale>.properties}, so each
 * module ships its own texts without registering anything.
 */
public final class Messages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String text(Locale locale, String code, Object... args) {
        int dot = code.indexOf('.');
        String bundleName = "i18n." + (dot > 0 ? code.substring(0, dot) : "core");
        String pattern;
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(bundleName, supported(locale), NO_FALLBACK);
            pattern = bundle.getString(code);
        } catch (MissingResourceException e) {
            return args.length == 0 ? code : code + " " + java.util.Arrays.toString(args);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(localized(locale, args));
    }

    private static Object[] localized(Locale locale, Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalizedArgument l) {
                out[i] = l.text(supported(locale));
            }
        }
        return out;
    }

    /** The two languages Tierflow speaks; anything Chinese maps to zh-CN, everything else to en. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    public static Locale parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return supported(Locale.forLanguageTag(tag.trim()));
    }

    public static String tag(Locale locale) {
        return supported(locale) == ZH ? "zh-CN" : "en";
    }
}
