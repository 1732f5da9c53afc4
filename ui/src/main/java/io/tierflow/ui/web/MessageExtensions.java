package io.tierflow.ui.web;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.tierflow.core.i18n.Messages;

/**
 * {@code {msg:text('ui.nav.forms')}} and {@code {msg:text('ui.x.count', n)}} in templates: the
 * message in the language {@link Pages#page} put on the template instance (zh-CN when absent).
 */
@TemplateExtension(namespace = "msg")
public class MessageExtensions {

    static String text(@TemplateAttribute(Pages.LOCALE) Object locale, String code, Object... args) {
        return Messages.text(locale instanceof Locale l ? l : Messages.ZH, code, args);
    }
}
