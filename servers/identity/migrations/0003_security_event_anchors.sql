-- The ledger receipt ("receipts/{id}") of each security event's digest, set
-- once identity has anchored it (anchoring.py); NULL until then, or for good
-- when anchoring is not configured.
ALTER TABLE security_events ADD COLUMN anchor_receipt text;
CREATE INDEX security_events_unanchored ON security_events (id) WHERE anchor_receipt IS NULL;
