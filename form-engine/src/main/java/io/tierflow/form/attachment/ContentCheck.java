package io.tierflow.form.attachment;

import java.util.List;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file really is, from its first bytes (Apache Tika's magic numbers), compared with what its name says. A
 * file passes when its name's type is its content's type or a kind of it (a .docx is a kind of OOXML zip, a .csv a
 * kind of plain text), or when the content is a harmless kind of what the name says. A page or script under
 * another name (HTML in a .txt, a PDF named .png) does not.
 */
final class ContentCheck {

    /** The outcome: the type to store and send, or null when content and name disagree (with what the content is). */
    record Result(String contentType, String detected) {

        boolean matches() {
            return contentType != null;
        }
    }

    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    /** Content a browser would run or render with scripts: never accepted under another type's name. */
    private static final List<MediaType> ACTIVE = List.of(MediaType.parse("text/html"), MediaType.parse("application/xhtml+xml"),
            MediaType.parse("image/svg+xml"), MediaType.parse("application/xml"), MediaType.parse("text/javascript"),
            MediaType.parse("application/javascript"), MediaType.parse("application/x-sh"));

    private ContentCheck() {
    }

    static Result check(byte[] head, String fileName) {
        MediaType content = MediaType.parse(TIKA.detect(head));
        MediaType named = MediaType.parse(TIKA.detect(fileName));
        if (content == null || named == null) {
            return new Result(null, String.valueOf(content));
        }
        content = REGISTRY.normalize(content);
        named = REGISTRY.normalize(named);
        if (REGISTRY.isInstanceOf(named, content)) {
            return new Result(named.toString(), content.toString());
        }
        if (REGISTRY.isInstanceOf(content, named) && !active(content)) {
            return new Result(content.toString(), content.toString());
        }
        return new Result(null, content.toString());
    }

    /** Whether a browser opening the file would render or run it. */
    static boolean active(MediaType type) {
        return ACTIVE.stream().anyMatch(a -> REGISTRY.isInstanceOf(type, a));
    }

    static boolean active(String type) {
        MediaType t = MediaType.parse(type);
        return t == null || active(REGISTRY.normalize(t));
    }
}
