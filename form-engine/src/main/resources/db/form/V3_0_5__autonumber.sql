-- Counters of auto-number fields, per field and period (the date part of the number, '' when none).
CREATE TABLE autonumber_counter (
    field_id  bigint NOT NULL REFERENCES form_field (id),
    period    text   NOT NULL,
    value     bigint NOT NULL,
    PRIMARY KEY (field_id, period)
);
