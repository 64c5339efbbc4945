-- 内容复核: the review-by date of each published method (published or last confirmed + portal.recheck.after,
-- per category), with why and by whom it was set due early and the last confirmation.
CREATE TABLE method_review_due (
    method_id      BIGINT                   NOT NULL,
    due_on         DATE                     NOT NULL,
    set_reason     VARCHAR(500),
    set_by         BIGINT,
    set_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE,
    confirmed_by   BIGINT,
    confirm_note   VARCHAR(500),
    CONSTRAINT pk_method_review_due PRIMARY KEY (method_id),
    CONSTRAINT fk_method_review_due_method FOREIGN KEY (method_id) REFERENCES method (id),
    CONSTRAINT fk_method_review_due_set_by FOREIGN KEY (set_by) REFERENCES account (id),
    CONSTRAINT fk_method_review_due_confirmed_by FOREIGN KEY (confirmed_by) REFERENCES account (id)
);
CREATE INDEX ix_method_review_due_on ON method_review_due (due_on, method_id);

-- Methods published before: a year after their last publication (the default; per-category periods
-- apply from their next publication or confirmation).
INSERT INTO method_review_due (method_id, due_on, set_at)
SELECT m.id, CAST(MAX(p.published_at) + INTERVAL '1' YEAR AS DATE), CURRENT_TIMESTAMP
FROM method m JOIN method_publication p ON p.method_id = m.id
WHERE m.status = 'PUBLISHED'
GROUP BY m.id;
