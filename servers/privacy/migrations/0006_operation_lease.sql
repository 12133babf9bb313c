-- privacy: who runs an operation, and until when. The process that runs an
-- operation (`holder`, a fencing token made once per process) renews
-- `lease_until` every third of the lease while it runs; a sweep of any
-- replica, at its start and periodically, fails an unfinished operation only
-- once its lease lapsed (its process died, or stalled past the lease), as
-- OPERATION_INTERRUPTED. Progress and the outcome are written only by the
-- holder of an unfinished operation, so a runner that lost its lease cannot
-- overwrite what the sweep recorded. Operations from before this migration
-- have no lease: they count as lapsed.

ALTER TABLE operations
    ADD COLUMN holder uuid,
    ADD COLUMN lease_until timestamptz;
