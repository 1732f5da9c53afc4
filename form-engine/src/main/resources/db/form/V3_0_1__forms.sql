-- Form definitions. A form's records live in their own table rec_<form.id> (created by RecordTableDdl),
-- one column f_<form_field.id> per field: ids, never user text, name SQL objects.
CREATE TABLE form (
    id          bigserial PRIMARY KEY,
    key         text        NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- ordered tier conditions: {"rules":[{"tier":"A","condition":"score >= 80"}, ...]}
    tier_model  jsonb       NOT NULL DEFAULT '{"rules":[]}',
    -- which tiers start an approval and where its outcome goes: {"tiers":["A"],"statusField":"approval_status"}
    approval    jsonb,
    revision    bigint      NOT NULL DEFAULT 1,
    created_by  bigint      REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);

CREATE TABLE form_field (
    id          bigserial PRIMARY KEY,
    form_id     bigint      NOT NULL REFERENCES form (id),
    key         text        NOT NULL CHECK (key ~ '^[A-Za-z][A-Za-z0-9_]{0,62}$'),
    label       text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    type        text        NOT NULL,
    required    boolean     NOT NULL DEFAULT false,
    config      jsonb       NOT NULL DEFAULT '{}',
    position    integer     NOT NULL,
    deleted_at  timestamptz,
    UNIQUE (form_id, key)
);

-- Every tier change of every record: from, to, why, and what the tier model saw.
CREATE TABLE tier_history (
    id          bigserial PRIMARY KEY,
    form_id     bigint      NOT NULL REFERENCES form (id),
    record_id   bigint      NOT NULL,
    from_tier   text,
    to_tier     text,
    cause       text        NOT NULL,
    actor_id    bigint,
    explanation jsonb       NOT NULL DEFAULT '[]',
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tier_history_record ON tier_history (form_id, record_id, id);
