-- Files attached to records (io.tierflow.form.attachment). A file is uploaded for one form and field before the
-- record is saved (record_id NULL), and tied to the record when a save puts it in the field's value; only then
-- may others who see the record download it. Names are sanitized and types detected from the content on upload.
CREATE TABLE attachment (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    form_id      bigint      NOT NULL REFERENCES form (id),
    field_id     bigint      NOT NULL REFERENCES form_field (id),
    record_id    bigint,
    file_name    text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content_type text        NOT NULL,
    size         bigint      NOT NULL CHECK (size >= 0),
    sha256       text        NOT NULL,
    data         bytea       NOT NULL,
    uploaded_by  bigint      NOT NULL REFERENCES app_user (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachment_record ON attachment (form_id, record_id);
-- uploads never saved into a record are removed after a day (AttachmentJanitor)
CREATE INDEX attachment_unattached ON attachment (created_at) WHERE record_id IS NULL;
