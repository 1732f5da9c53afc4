-- Scheduled trigger rules (io.tierflow.form.trigger.ScheduledTriggerRunner). trigger_run: when each rule last ran
-- for its schedule, claimed by one node with an upsert. trigger_state: the records a rule's condition held for at
-- its last run, so it fires when the condition starts to hold, not at every run while it keeps holding.
CREATE TABLE trigger_run (
    form_id  bigint      NOT NULL REFERENCES form (id),
    rule     text        NOT NULL,
    last_run timestamptz NOT NULL,
    PRIMARY KEY (form_id, rule)
);

CREATE TABLE trigger_state (
    form_id   bigint      NOT NULL REFERENCES form (id),
    rule      text        NOT NULL,
    record_id bigint      NOT NULL,
    since     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (form_id, rule, record_id)
);
