-- In-app notifications (from trigger rules and, later, processes), one row per recipient.
CREATE TABLE notification (
    id          bigserial PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    title       text        NOT NULL,
    body        text        NOT NULL,
    link        text,
    effect_id   bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    UNIQUE (effect_id, user_id)
);
CREATE INDEX notification_user ON notification (user_id, id DESC);
