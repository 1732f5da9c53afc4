-- Record lists search text fields with ILIKE '%…%', served by trigram indexes (created per column with the
-- record tables). pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
