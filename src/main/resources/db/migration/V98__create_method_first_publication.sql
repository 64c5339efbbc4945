-- 统计: when each method was first published, written with its first publication (the method mapper
-- records every publication through one statement pair), so that "first published per month" reads
-- one narrow row per published method instead of looking, for every publication, for an earlier one.
-- A table rather than a column of method: on H2 an UPDATE of the wide method row rewrites every one
-- of its indexes (the backfill took about a minute for 74,000 methods; this insert takes seconds).
CREATE TABLE method_first_publication (
    method_id     BIGINT                   NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_method_first_publication PRIMARY KEY (method_id),
    CONSTRAINT fk_method_first_publication_method FOREIGN KEY (method_id) REFERENCES method (id)
);
INSERT INTO method_first_publication (method_id, published_at)
SELECT method_id, MIN(published_at) FROM method_publication GROUP BY method_id;
CREATE INDEX ix_method_first_publication_published_at ON method_first_publication (published_at, method_id);
