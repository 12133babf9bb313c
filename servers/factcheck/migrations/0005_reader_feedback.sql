-- Readers' votes on a fact-check where it came from (Cofacts' positive and
-- negative feedback counts), as last imported. Not in the digest: they change
-- after publication; a re-import refreshes them without touching the rest.
ALTER TABLE fact_checks ADD COLUMN helpful_count bigint;
ALTER TABLE fact_checks ADD COLUMN unhelpful_count bigint;
ALTER TABLE fact_checks ADD COLUMN feedback_source text;
ALTER TABLE fact_checks ADD COLUMN feedback_time timestamptz;
ALTER TABLE fact_checks ADD CONSTRAINT fact_checks_feedback_whole CHECK (
    (helpful_count IS NULL) = (unhelpful_count IS NULL)
    AND (helpful_count IS NULL) = (feedback_source IS NULL)
    AND (helpful_count IS NULL) = (feedback_time IS NULL)
    AND coalesce(helpful_count, 0) >= 0 AND coalesce(unhelpful_count, 0) >= 0
);
