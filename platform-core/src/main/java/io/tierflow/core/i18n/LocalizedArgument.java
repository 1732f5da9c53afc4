package io.tierflow.core.i18n;

import java.util.Locale;

/**
 * A message argument that renders itself in the reader's language, for texts another module already
 * localises (a formula error's reason): {@link Messages} resolves it at render time.
 */
@FunctionalInterface
public interface LocalizedArgument {

    String text(Locale locale);
}
