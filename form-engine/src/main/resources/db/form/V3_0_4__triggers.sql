-- Trigger rules of a form (when, which fields, condition, actions), versioned with the form's revision.
ALTER TABLE form ADD COLUMN triggers jsonb NOT NULL DEFAULT '[]';

-- Which trigger fired for which record, when, and what it did: the rule log of a record.
CREATE TABLE rule_log (
    id         bigserial PRIMARY KEY,
    form_id    bigint      NOT NULL REFERENCES form (id),
    record_id  bigint      NOT NULL,
    rule       text        NOT NULL,
    event      text        NOT NULL,
    result     jsonb       NOT NULL DEFAULT '{}',
    fired_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rule_log_record ON rule_log (form_id, record_id, id);
