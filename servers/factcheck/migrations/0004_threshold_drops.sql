-- ResetThreshold: an organisation drops its own threshold and uses the whole
-- base's again. The drop is a row of the history like a fit (dropped = true:
-- threshold_before is the organisation's own threshold that was in force,
-- threshold_after the base's at that moment, no precision or recall). The
-- threshold in force for an organisation is its last row unless that row is
-- a drop, else the whole base's last fit.
ALTER TABLE threshold_fits ADD COLUMN dropped boolean NOT NULL DEFAULT false;
ALTER TABLE threshold_fits ADD CONSTRAINT threshold_fits_base_never_dropped
    CHECK (NOT dropped OR organization <> '');
