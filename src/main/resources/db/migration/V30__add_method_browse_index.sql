-- Browsing methods in the default order (updated_at, id) with the visibility rule and the
-- category filter read from the index alone: deep pages and counts walk index entries instead of
-- method rows (docs/benchmarks.md, "Browsing and reading methods"). Replaces the narrower index.
CREATE INDEX ix_method_browse ON method (updated_at, id, status, owner_id, origin_department_id, category);
DROP INDEX ix_method_updated_at;
