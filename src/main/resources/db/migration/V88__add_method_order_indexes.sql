-- Every order of the method list has an index ending in the id (the tie-breaker), so that a page is
-- read by walking it rather than by sorting every visible method (docs/benchmarks.md, "Load").
CREATE INDEX ix_method_created_at ON method (created_at, id);
CREATE INDEX ix_method_category_id ON method (category, id);
CREATE INDEX ix_method_status_id ON method (status, id);
