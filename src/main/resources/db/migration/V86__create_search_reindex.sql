-- The reindex of the search index, one row for all instances sharing the database: which instance
-- runs it (a lease, renewed by heartbeat_at while it runs, so that a second instance is refused
-- and a crashed one's lease expires), its progress, and how the last one ended. Every instance's
-- admin page shows it from here.
CREATE TABLE search_reindex (
    name          VARCHAR(20)              NOT NULL,
    running       BOOLEAN                  NOT NULL,
    instance      VARCHAR(200),
    started_by    VARCHAR(64),
    started_at    TIMESTAMP WITH TIME ZONE,
    heartbeat_at  TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    total         BIGINT                   NOT NULL,
    done          BIGINT                   NOT NULL,
    error         VARCHAR(1000),
    CONSTRAINT pk_search_reindex PRIMARY KEY (name)
);
INSERT INTO search_reindex (name, running, total, done) VALUES ('reindex', FALSE, 0, 0);
