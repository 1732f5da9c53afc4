package io.tierflow.form.attachment;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What an uploaded file's name may be once stored: no directories, no control or invisible characters (a
 * right-to-left override turns "exe.pdf" around), nothing a file system or a header treats specially, at most
 * {@value #MAX} characters with the extension kept.
 */
final class FileNames {

    static final int MAX = 200;

    private FileNames() {
    }

    static String sanitize(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]", "")
                .replaceAll("[<>:\"|?*;]", "_")
                .replaceAll("\\s+", " ")
                .strip();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.length() > MAX) {
            String ext = extension(name);
            String keep = ext.isEmpty() || ext.length() > 20 ? "" : "." + ext;
            name = name.substring(0, MAX - keep.length()).strip() + keep;
        }
        return name.isEmpty() ? "file" : name;
    }

    /** The extension in lower case without the dot; empty when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
