-- Merge (总结提炼): a reviewer folds raw proposals or entries into one standard entry. The merge is
-- a proposal of its own (a new draft, or a change request on an existing entry); its sources are
-- listed here. On approval the sources get the status MERGED_INTO (read-only, out of default
-- search) and the row keeps what an admin's unmerge restores: the source's previous status.
ALTER TABLE method DROP CONSTRAINT ck_method_status;
ALTER TABLE method ADD CONSTRAINT ck_method_status CHECK (status IN ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED',
    'REJECTED', 'PUBLISHED', 'ARCHIVED', 'MERGED', 'MERGED_INTO'));

CREATE TABLE method_merge_source (
    merge_method_id   BIGINT                   NOT NULL,
    source_method_id  BIGINT                   NOT NULL,
    sort_order        INTEGER                  NOT NULL,
    -- the source's status and shown revision when the merge was started, updated when it is applied
    previous_status   VARCHAR(20)              NOT NULL,
    source_revision   INTEGER                  NOT NULL,
    -- set when the merge proposal is approved and the source became MERGED_INTO
    applied_at        TIMESTAMP WITH TIME ZONE,
    -- set when an admin unmerged: the source is back in previous_status and no longer a source
    undone_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_method_merge_source PRIMARY KEY (merge_method_id, source_method_id),
    CONSTRAINT fk_merge_source_merge FOREIGN KEY (merge_method_id) REFERENCES method (id),
    CONSTRAINT fk_merge_source_source FOREIGN KEY (source_method_id) REFERENCES method (id)
);
-- "is this method already in an open or applied merge", and "what was it merged into"
CREATE INDEX ix_method_merge_source_source ON method_merge_source (source_method_id);
