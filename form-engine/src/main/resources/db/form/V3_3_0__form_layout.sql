-- How the record pages arrange a form's fields: tabs of titled sections, each with 1-4 columns and its field keys
-- in order, e.g. {"tabs":[{"title":"基本信息","sections":[{"title":"联系方式","columns":2,"fields":["name","phone"]}]}]}.
-- NULL means one untitled two-column section with every field (FormLayout.standard).
ALTER TABLE form ADD COLUMN layout jsonb;
