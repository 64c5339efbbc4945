-- The browse list sorts and filters by the title of the shown revision (the published one, else the
-- latest). Kept on the method row, like the category, so that neither needs the revisions: with a
-- join, sorting or matching titles over 100,000 methods took 1-3 s (docs/benchmarks.md).
ALTER TABLE method ADD COLUMN title VARCHAR(100);
UPDATE method SET title = (SELECT r.title FROM method_revision r
                           WHERE r.id = COALESCE(method.published_revision_id, method.latest_revision_id));
CREATE INDEX ix_method_title ON method (title, id);
