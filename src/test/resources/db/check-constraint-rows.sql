-- One valid row in every table that has a CHECK constraint (and the rows they refer to), so that
-- CheckConstraintSchemaTest can write to each of them. Ids far above anything else the shared test
-- databases hold; the test rolls all of it back.
INSERT INTO department (id, name, created_at) VALUES (990001, 'ck-department', CURRENT_TIMESTAMP);
INSERT INTO branch (id, department_id, name, created_at) VALUES (990001, 990001, 'ck-branch', CURRENT_TIMESTAMP);
INSERT INTO account (id, login, display_name, display_name_pinyin, password_hash, branch_id, created_at)
    VALUES (990001, 'ck-account', 'ck-account', 'ck-account', '{noop}x', 990001, CURRENT_TIMESTAMP);
INSERT INTO method (id, category, origin_department_id, origin_branch_id, owner_id, status, created_at, updated_at)
    VALUES (990001, 'PARTY_BUILDING', 990001, 990001, 990001, 'DRAFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO method_revision (id, method_id, n, title, category, problem, author_id, created_at, status_at_creation)
    VALUES (990001, 990001, 1, 'ck-title', 'PARTY_BUILDING', 'ck-problem', 990001, CURRENT_TIMESTAMP, 'DRAFT');
INSERT INTO method_revision_item (revision_id, kind, sort_order, item_text) VALUES (990001, 'MEASURE', 0, 'ck-measure');
INSERT INTO review (id, method_id, revision_id, review_round, reviewer_id, decision, regularity, pertinence,
                    operability, adaptability, exemplarity, creativity, created_at)
    VALUES (990001, 990001, 990001, 1, 990001, 'APPROVE', 3, 3, 3, 3, 3, 3, CURRENT_TIMESTAMP);
INSERT INTO review_quorum (id, department_id, approvals_required, updated_at) VALUES (990001, 990001, 2, CURRENT_TIMESTAMP);
INSERT INTO method_comment (id, method_id, author_id, body, suggestion, suggestion_state, created_at, last_activity_at)
    VALUES (990001, 990001, 990001, 'ck-comment', 'ck-suggestion', 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO adoption (id, method_id, branch_id, open_branch_id, adopted_by, started_on, created_at)
    VALUES (990001, 990001, 990001, 990001, 990001, CURRENT_DATE, CURRENT_TIMESTAMP);
INSERT INTO adoption_report (id, adoption_id, status, outcome, rating, participants, reported_by, reported_at)
    VALUES (990001, 990001, 'TRIAL', 'ck-outcome', 4, 12, 990001, CURRENT_TIMESTAMP);
INSERT INTO promotion (id, method_id, message, all_branches, created_by, created_at)
    VALUES (990001, 990001, 'ck-message', FALSE, 990001, CURRENT_TIMESTAMP);
INSERT INTO promotion_decision (promotion_id, branch_id, decision, reason, decided_by, decided_at)
    VALUES (990001, 990001, 'DECLINE', 'ck-reason', 990001, CURRENT_TIMESTAMP);
