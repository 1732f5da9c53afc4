-- Data linkage (数据联动, the field option "linkage"): which field values of a record were filled from another
-- form's record, and with what. A value counts as linked only while the record still holds exactly that value,
-- so any other write (the user typing over it, an import, a trigger) makes it the user's own and linkage stops
-- touching it. Rows of deleted records are harmless: a record id is never reused within its form.
CREATE TABLE record_linked_value (
    form_id    bigint NOT NULL REFERENCES form (id) ON DELETE CASCADE,
    record_id  bigint NOT NULL,
    field_id   bigint NOT NULL REFERENCES form_field (id) ON DELETE CASCADE,
    value      jsonb  NOT NULL,
    PRIMARY KEY (form_id, record_id, field_id)
);
