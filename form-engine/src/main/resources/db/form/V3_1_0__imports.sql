-- Record imports run as jobs; this row reports one's progress and outcome (io.tierflow.form.transfer).
-- status: running, done (every row handled; in skip_bad_rows some may have failed), rejected (all_or_nothing
-- found bad rows, so nothing was written) or failed (an unexpected error stopped it).
CREATE TABLE import_job (
    id          bigserial   PRIMARY KEY,
    form_id     bigint      NOT NULL REFERENCES form (id),
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    status      text        NOT NULL CHECK (status IN ('running', 'done', 'rejected', 'failed')),
    mode        text        NOT NULL CHECK (mode IN ('all_or_nothing', 'skip_bad_rows')),
    dry_run     boolean     NOT NULL DEFAULT false,
    upsert_by   text,
    file_name   text,
    format      text        NOT NULL,
    total       integer     NOT NULL DEFAULT 0,
    processed   integer     NOT NULL DEFAULT 0,
    created     integer     NOT NULL DEFAULT 0,
    updated     integer     NOT NULL DEFAULT 0,
    failed      integer     NOT NULL DEFAULT 0,
    -- the first 1000 row errors: [{"row", "column", "field", "code", "message"}], in the importer's language
    errors      jsonb       NOT NULL DEFAULT '[]',
    -- mapping, ignoredColumns, sample, errorsTruncated and, for a failed job, problem
    report      jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX import_job_user ON import_job (user_id, id DESC);
CREATE INDEX import_job_form ON import_job (form_id, id DESC);
