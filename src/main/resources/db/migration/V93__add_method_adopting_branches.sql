-- 推广采用 in lists and search: how many branches use a method now, kept on the method row by the
-- adoption service (+1 on adopting, -1 on stopping, in the same transaction) so that "most adopted
-- first" walks an index and "已被采用" is one comparison, instead of counting adoptions per listed row.
ALTER TABLE method ADD COLUMN adopting_branches INTEGER DEFAULT 0 NOT NULL;
UPDATE method SET adopting_branches =
    (SELECT COUNT(*) FROM adoption a WHERE a.method_id = method.id AND a.stopped_at IS NULL);
CREATE INDEX ix_method_adopting_branches ON method (adopting_branches, id);
-- The search index carries the count too: re-index the methods in use (the outbox worker picks them up).
INSERT INTO search_outbox (method_id, action, created_at, next_attempt_at)
SELECT id, 'method.adoptions-counted', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM method WHERE adopting_branches > 0;
