-- The ui module's own tables (Flyway location db/ui, versions 6_x).

-- Which columns a user shows in a form's record grid, when they have chosen (else every visible field).
CREATE TABLE ui_grid_columns (
    user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    form_id     bigint      NOT NULL REFERENCES form (id) ON DELETE CASCADE,
    columns     jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, form_id)
);

-- A user's saved views of a form's records: columns, filter tree (RecordFilter), sort (RecordSort), search, tier.
CREATE TABLE ui_saved_view (
    id          bigserial PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    form_id     bigint      NOT NULL REFERENCES form (id) ON DELETE CASCADE,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    columns     jsonb,
    filter      jsonb,
    sort        text,
    search      text,
    tier        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, form_id, name)
);

-- A file between the steps of the import wizard (upload, mapping, preview, run); kept a day at most.
CREATE TABLE ui_import_upload (
    id          bigserial PRIMARY KEY,
    token       text        NOT NULL UNIQUE,
    user_id     bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    form_id     bigint      NOT NULL REFERENCES form (id) ON DELETE CASCADE,
    file_name   text        NOT NULL,
    content     bytea       NOT NULL,
    mapping     jsonb,
    mode        text,
    upsert_by   text,
    preview_job bigint,
    run_job     bigint,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ui_import_upload_created ON ui_import_upload (created_at);
