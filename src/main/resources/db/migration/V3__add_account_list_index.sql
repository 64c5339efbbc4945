-- The account list pages in display-name order and filters with LIKE '%…%' on login, display
-- name and pinyin, which no B-tree can seek (figures in docs/benchmarks.md). This index gives that
-- order with the id tie-break, so a page reads 50 entries instead of sorting every account, and
-- it holds all four columns, so a text filter scans it rather than the wide table rows (password
-- hashes). It supersedes the one-column index.
CREATE INDEX ix_account_display_name_search ON account (display_name, id, login, display_name_pinyin);
DROP INDEX ix_account_display_name;
