-- dataspace: who writes a push transfer's bytes, and until when. A push is
-- STARTED (last_message StartTransfer) while the provider's process writes
-- the data to the consumer's bucket; that process (`holder`, a fencing token
-- made once per process) renews `lease_until` every third of the lease. A
-- sweep of any replica, at its start and periodically, ends a push whose
-- lease lapsed (its process died, or stalled past the lease) TERMINATED
-- PUSH_INTERRUPTED, as a shutdown does; a replay of its request may take a
-- lapsed lease over first and push again. The outcome is recorded under the
-- transfer's row lock, by the holder only (or by the sweep, only while the
-- lease is lapsed). Pushes from before this migration have no lease: they
-- count as lapsed.

ALTER TABLE transfers
    ADD COLUMN holder uuid,
    ADD COLUMN lease_until timestamptz;

-- The pushes being written (a pull is STARTED too, for the life of its token).
CREATE INDEX transfers_pushing ON transfers (lease_until)
    WHERE state = 'STARTED' AND last_message = 'StartTransfer' AND format <> 'HttpData-PULL';
