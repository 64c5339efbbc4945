-- 统计: when each review round of a proposal was submitted, so that the waiting time from submission
-- to each reviewer's decision can be counted per month (the method row keeps only the latest
-- submission). Written by the statistics module when a proposal is submitted; rounds submitted
-- before this migration are known only for proposals whose latest round it is.
CREATE TABLE review_submission (
    method_id     BIGINT                   NOT NULL,
    review_round  INTEGER                  NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_review_submission PRIMARY KEY (method_id, review_round),
    CONSTRAINT fk_review_submission_method FOREIGN KEY (method_id) REFERENCES method (id)
);
INSERT INTO review_submission (method_id, review_round, submitted_at)
SELECT id, review_round, submitted_at FROM method WHERE submitted_at IS NOT NULL AND review_round > 0;

-- Reviews per month of decision, and the publications of a period (methods of a period use V88's
-- ix_method_created_at).
CREATE INDEX ix_review_created_at ON review (created_at, method_id);
CREATE INDEX ix_method_publication_published_at ON method_publication (published_at, method_id);
