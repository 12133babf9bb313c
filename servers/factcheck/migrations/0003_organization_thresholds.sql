-- RefitThreshold for one organisation: a fit names the organisation whose
-- matching it sets ('' = the whole base's). The threshold in force for an
-- organisation is its last own fit, else the whole base's last fit.
ALTER TABLE threshold_fits ADD COLUMN organization text NOT NULL DEFAULT '';
CREATE INDEX threshold_fits_by_organization ON threshold_fits (organization, seq DESC);
