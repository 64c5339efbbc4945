-- Reminders (一抓到底): an open adoption without a report for portal.adoption.report-after-days is
-- due; its branch's secretaries are told once per due period. last_reported_at makes "due" one
-- comparison per row; reminded_at is cleared by the next report, so the period after it reminds again.
ALTER TABLE adoption ADD COLUMN last_reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE adoption ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
UPDATE adoption SET last_reported_at = (SELECT MAX(r.reported_at) FROM adoption_report r WHERE r.adoption_id = adoption.id);
CREATE INDEX ix_adoption_unreminded ON adoption (reminded_at, stopped_at);
