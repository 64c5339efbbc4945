-- 统计: when a method was first published, kept on the method row when a revision is published (the
-- same statement that sets the published revision, so it cannot drift), so that "first published per
-- month" reads the methods once instead of looking, for every publication, for an earlier one.
ALTER TABLE method ADD COLUMN first_published_at TIMESTAMP WITH TIME ZONE;
UPDATE method SET first_published_at =
    (SELECT MIN(p.published_at) FROM method_publication p WHERE p.method_id = method.id)
WHERE id IN (SELECT method_id FROM method_publication);
CREATE INDEX ix_method_first_published_at ON method (first_published_at, id);
