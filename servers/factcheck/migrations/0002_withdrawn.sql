-- WithdrawFactCheck: a published fact-check can be withdrawn by its
-- organisation, with a public reason. A withdrawn row keeps its content and
-- is still read by GetFactCheck; it leaves the matching index (its `seq`
-- moves, and the index drops every row that is not PUBLISHED), search and
-- export. DeleteFactCheck removes drafts only.
ALTER TABLE fact_checks DROP CONSTRAINT fact_checks_state_check;
ALTER TABLE fact_checks ADD CONSTRAINT fact_checks_state_check
    CHECK (state IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN'));
ALTER TABLE fact_checks ADD COLUMN withdraw_time timestamptz;
ALTER TABLE fact_checks ADD COLUMN withdraw_reason text NOT NULL DEFAULT '';
ALTER TABLE fact_checks ADD CONSTRAINT fact_checks_withdrawn
    CHECK ((state = 'WITHDRAWN') = (withdraw_time IS NOT NULL));
