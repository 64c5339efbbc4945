-- Spring Modulith's JDBC event publication registry (schema version 2 of Spring Modulith 2.1): one
-- row per event and after-commit listener, written in the publisher's transaction and completed
-- when the listener has run, so a notification whose listener failed or whose process died is
-- resubmitted at the next start. Its own schema initialization stays off; this migration owns the
-- table. Plain types that H2 (PostgreSQL mode) and PostgreSQL both read the same way: VARCHAR
-- without a length is unbounded on PostgreSQL and up to 1,000,000 characters on H2 (a CLOB could
-- not be compared by the registry's lookups on H2). Completed rows are found by completion date.
CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
