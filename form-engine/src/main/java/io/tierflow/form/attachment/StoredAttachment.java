package io.tierflow.form.attachment;

import java.util.Map;

/** One uploaded file's row, without its bytes. {@code recordId} is null until a save puts it into a record. */
record StoredAttachment(String id, long formId, long fieldId, Long recordId, String name, String contentType, long size,
        String sha256, long uploadedBy) {

    /** The file as the field's value holds it, and as the upload answers. */
    Map<String, Object> value() {
        return io.tierflow.form.type.AttachmentFieldType.file(id, name, size, contentType);
    }
}
