-- The browse list leaves change requests out (change_of_method_id IS NULL): the covering index of
-- V30 carries that column too, so deep pages and counts still read the index alone.
DROP INDEX ix_method_browse;
CREATE INDEX ix_method_browse ON method (updated_at, id, status, owner_id, origin_department_id, category,
                                         change_of_method_id);
