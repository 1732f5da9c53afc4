-- Versions of a form's tier model (io.tierflow.form.ruleset). A version is drafted, simulated, published, and
-- archived when another one is published; rolling back publishes an archived version again. At most one
-- version of a form is published: its model is also copied to form.tier_model / form.approval, which is what
-- the record write pipeline reads, and form.rule_version names it.
CREATE TABLE rule_set (
    id           bigserial   PRIMARY KEY,
    form_id      bigint      NOT NULL REFERENCES form (id),
    version      integer     NOT NULL CHECK (version > 0),
    status       text        NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    -- {"rules":[{"tier":"A","condition":"score >= 80"}, ...]}, as form.tier_model
    tier_model   jsonb       NOT NULL,
    -- as form.approval: {"tiers":["A"],"statusField":"approval_status","process":"tier_approval"}
    approval     jsonb,
    note         text        CHECK (length(note) <= 2000),
    created_by   bigint      REFERENCES app_user (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    published_by bigint      REFERENCES app_user (id),
    published_at timestamptz,
    UNIQUE (form_id, version)
);
CREATE UNIQUE INDEX rule_set_one_published ON rule_set (form_id) WHERE status = 'published';

ALTER TABLE form ADD COLUMN rule_version integer NOT NULL DEFAULT 0;

-- Every form that exists already gets its current tier model as published version 1.
INSERT INTO rule_set (form_id, version, status, tier_model, approval, note, created_by, published_by, published_at)
SELECT id, 1, 'published', tier_model, approval, NULL, created_by, created_by, created_at FROM form;
UPDATE form SET rule_version = 1;

-- The rule version that decided a tier change (NULL for changes recorded before versions existed).
ALTER TABLE tier_history ADD COLUMN rule_version integer;

-- Bulk re-tiering after a publish or a rollback: records are visited in id order, one batch per transaction;
-- last_id is committed with each batch, so a job interrupted by a crash or a restart continues after it.
-- status: running, done, failed (an error stopped it; see error) or superseded (another version was published
-- before it finished; that version's job re-tiers every record anyway).
CREATE TABLE retier_job (
    id           bigserial   PRIMARY KEY,
    form_id      bigint      NOT NULL REFERENCES form (id),
    rule_version integer     NOT NULL,
    -- the tier_history cause of the changes it makes: rule-publish, rule-rollback or tier-model
    cause        text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('running', 'done', 'failed', 'superseded')),
    last_id      bigint      NOT NULL DEFAULT 0,
    -- live records when the job was created; records created later are tiered by their own writes
    total        bigint      NOT NULL DEFAULT 0,
    processed    bigint      NOT NULL DEFAULT 0,
    changed      bigint      NOT NULL DEFAULT 0,
    approvals    bigint      NOT NULL DEFAULT 0,
    batches      integer     NOT NULL DEFAULT 0,
    error        text,
    created_by   bigint      REFERENCES app_user (id),
    started_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
CREATE INDEX retier_job_form ON retier_job (form_id, id DESC);
CREATE INDEX retier_job_running ON retier_job (updated_at) WHERE status = 'running';
