-- Role × form × action, row scope and field visibility; NULL means the defaults of FormPermissions.
ALTER TABLE form ADD COLUMN permissions jsonb;
