-- Lifecycle stage, tags and tier override on every record table (io.tierflow.form.schema.RecordTableDdl makes
-- new tables with them). stage and the computed part of tags come from the published tier model; triggers add
-- and remove other tags; a tier override replaces the model's tier until tier_override_until.
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname ~ '^rec_[0-9]+$' LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS stage text,'
            || ' ADD COLUMN IF NOT EXISTS tags text[] NOT NULL DEFAULT ''{}'','
            || ' ADD COLUMN IF NOT EXISTS tier_override text, ADD COLUMN IF NOT EXISTS tier_override_until timestamptz,'
            || ' ADD COLUMN IF NOT EXISTS tier_override_reason text', t);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (tier_override_until) WHERE tier_override IS NOT NULL',
            t || '_override', t);
    END LOOP;
END $$;
