-- The mention autocomplete offers enabled accounts only and, like the account list,
-- matches LIKE patterns no B-tree can seek. With `enabled` in the display-name index the scan in
-- name order reads index entries only; without it, H2 fetched the table row of every entry it
-- passed to check the flag (docs/benchmarks.md). The new index supersedes the one of V3 (same
-- leading columns, so the account list keeps its plans).
CREATE INDEX ix_account_search ON account (display_name, id, login, display_name_pinyin, enabled);
DROP INDEX ix_account_display_name_search;
