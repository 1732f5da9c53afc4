package io.tierflow.form.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierflow.core.error.FieldProblem;
import io.tierflow.form.model.FieldDefinition;
import io.tierflow.rule.formula.ValueType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files attached to a record (a contract, a business licence, photos of a visit). A file is uploaded first
 * ({@code POST /api/forms/{form}/fields/{field}/attachments}, checked against {@code maxSizeMb} and {@code accept}
 * and by its real content) and kept in the {@code attachment} table; the field's value is a jsonb array of
 * {@code {"id","name","size","contentType"}}. Input may name the files by id alone; the write pipeline
 * ({@code AttachmentLinks}) accepts only files uploaded to this form and field by the writer or already on the
 * record, and takes name, size and type from the upload, never from the caller. A formula reads the number of
 * files. Imports leave the column out (files are uploaded, not typed); exports write the file names.
 */
@ApplicationScoped
public class AttachmentFieldType implements CountedInFormulas {

    public static final String MAX_SIZE_MB = "maxSizeMb";
    public static final String ACCEPT = "accept";
    public static final String MAX_FILES = "maxFiles";
    static final int DEFAULT_MAX_SIZE_MB = 10;
    /** What the HTTP body limit (25 MB, form-engine's microprofile-config.properties) leaves room for. */
    public static final int LIMIT_SIZE_MB = 20;
    static final int DEFAULT_MAX_FILES = 10;
    static final int LIMIT_FILES = 50;
    /** Office documents, PDFs, images, text and archives; never pages or scripts a browser would run. */
    public static final String DEFAULT_ACCEPT = "pdf,doc,docx,xls,xlsx,ppt,pptx,txt,csv,jpg,jpeg,png,gif,webp,zip";

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "attachment";
    }

    @Override
    public String columnType(FieldDefinition field) {
        return "jsonb";
    }

    @Override
    public ValueType valueType(FieldDefinition field) {
        return ValueType.NUMBER;
    }

    @Override
    public List<ConfigOption> configOptions() {
        return List.of(ConfigOption.number(MAX_SIZE_MB, DEFAULT_MAX_SIZE_MB), ConfigOption.text(ACCEPT, DEFAULT_ACCEPT),
                ConfigOption.number(MAX_FILES, DEFAULT_MAX_FILES));
    }

    @Override
    public List<FieldProblem> checkConfig(FieldDefinition field, String path) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode size = field.config().get(MAX_SIZE_MB);
        if (size != null && !size.isNull() && (!size.isNumber() || size.asDouble() <= 0 || size.asDouble() > LIMIT_SIZE_MB)) {
            problems.add(new FieldProblem(path + ".config.maxSizeMb", "form.attachment.size-range", LIMIT_SIZE_MB));
        }
        JsonNode files = field.config().get(MAX_FILES);
        if (files != null && !files.isNull() && (!files.canConvertToInt() || files.asInt() < 1 || files.asInt() > LIMIT_FILES)) {
            problems.add(new FieldProblem(path + ".config.maxFiles", "form.attachment.files-range", LIMIT_FILES));
        }
        String accept = field.configText(ACCEPT);
        if (accept != null && !accept.isBlank()) {
            for (String ext : accept.split("[,，\\s]+")) {
                String e = normalExtension(ext);
                if (!e.isEmpty() && !EXTENSION.matcher(e).matches()) {
                    problems.add(new FieldProblem(path + ".config.accept", "form.attachment.accept-invalid", ext));
                }
            }
        }
        return problems;
    }

    /** The largest file the field takes, in bytes. */
    public static long maxBytes(FieldDefinition field) {
        JsonNode size = field.config() == null ? null : field.config().get(MAX_SIZE_MB);
        double mb = size != null && size.isNumber() && size.asDouble() > 0 ? Math.min(size.asDouble(), LIMIT_SIZE_MB)
                : DEFAULT_MAX_SIZE_MB;
        return (long) (mb * 1024 * 1024);
    }

    public static int maxFiles(FieldDefinition field) {
        JsonNode n = field.config() == null ? null : field.config().get(MAX_FILES);
        return n != null && n.canConvertToInt() && n.asInt() > 0 ? Math.min(n.asInt(), LIMIT_FILES) : DEFAULT_MAX_FILES;
    }

    /** The file name extensions the field takes, lower case without dots ("pdf", "docx"). */
    public static Set<String> accepted(FieldDefinition field) {
        String accept = field.configText(ACCEPT);
        Set<String> out = new LinkedHashSet<>();
        for (String ext : (accept == null || accept.isBlank() ? DEFAULT_ACCEPT : accept).split("[,，\\s]+")) {
            String e = normalExtension(ext);
            if (EXTENSION.matcher(e).matches()) {
                out.add(e);
            }
        }
        return out;
    }

    private static String normalExtension(String ext) {
        String e = ext.strip().toLowerCase(Locale.ROOT);
        return e.startsWith("*.") ? e.substring(2) : e.startsWith(".") ? e.substring(1) : e;
    }

    @Override
    public List<String> operators(FieldDefinition field) {
        return List.of("empty", "not_empty");
    }

    /**
     * The files the input names, as {id, name, size, contentType} (only the id is trusted; the rest is replaced
     * from the upload when the record is written). An array of such objects or of ids, or its JSON text.
     */
    @Override
    public Object parse(FieldDefinition field, JsonNode input) throws FieldValueException {
        if (input == null || input.isNull() || (input.isTextual() && input.asText().isBlank())) {
            return null;
        }
        if (input.isTextual()) {
            String text = input.asText().strip();
            if (!text.startsWith("[")) {
                // a file name (an export's cell) is not a file: files are uploaded
                throw new FieldValueException("form.attachment.upload-first");
            }
            try {
                input = JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new FieldValueException("form.attachment.upload-first");
            }
        }
        if (!input.isArray()) {
            throw new FieldValueException("form.attachment.upload-first");
        }
        int max = maxFiles(field);
        if (input.size() > max) {
            throw new FieldValueException("form.attachment.too-many", max);
        }
        List<Map<String, Object>> files = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : input) {
            String id = item.isObject() ? item.path("id").asText("") : item.isTextual() ? item.asText() : "";
            if (!UUID.matcher(id).matches()) {
                throw new FieldValueException("form.attachment.not-an-id");
            }
            if (seen.add(id.toLowerCase(Locale.ROOT))) {
                files.add(file(id.toLowerCase(Locale.ROOT), item.path("name").asText(null),
                        item.path("size").canConvertToLong() ? item.path("size").asLong() : null, item.path("contentType").asText(null)));
            }
        }
        return files.isEmpty() ? null : files;
    }

    /** One file as the value holds it. */
    public static Map<String, Object> file(String id, String name, Long size, String contentType) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("name", name);
        f.put("size", size);
        f.put("contentType", contentType);
        return f;
    }

    @Override
    public Object read(FieldDefinition field, JsonNode stored) {
        if (!stored.isArray()) {
            return null;
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (JsonNode f : stored) {
            files.add(file(f.path("id").asText(), f.path("name").asText(null),
                    f.path("size").canConvertToLong() ? f.path("size").asLong() : null, f.path("contentType").asText(null)));
        }
        return files.isEmpty() ? null : files;
    }

    /** The ids of the files a value holds. */
    public static List<String> ids(Object value) {
        List<String> ids = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object f : list) {
                if (f instanceof Map<?, ?> m && m.get("id") != null) {
                    ids.add(m.get("id").toString());
                }
            }
        }
        return ids;
    }

    /** The file names, joined as multi-selects are: "合同.pdf、营业执照.png". */
    @Override
    public String display(FieldDefinition field, Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Object f : list) {
            if (f instanceof Map<?, ?> m) {
                names.add(String.valueOf(m.get("name") != null ? m.get("name") : m.get("id")));
            }
        }
        return String.join("、", names);
    }

    @Override
    public boolean importable() {
        return false;
    }

    @Override
    public String widget() {
        return "attachment";
    }
}
