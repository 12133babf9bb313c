-- privacy: the δ budget of (ε, δ)-differentially private releases (the
-- Gaussian mechanism). A dataset's δ is spent with its ε in the same
-- conditional UPDATE; the CHECK makes an overspend of either impossible.
-- Existing datasets get a δ budget of 0: they allow no Gaussian release.

ALTER TABLE datasets
    ADD COLUMN total_delta numeric NOT NULL DEFAULT 0 CHECK (total_delta >= 0),
    ADD COLUMN spent_delta numeric NOT NULL DEFAULT 0,
    ADD CHECK (spent_delta >= 0 AND spent_delta <= total_delta);

ALTER TABLE releases
    ADD COLUMN delta numeric NOT NULL DEFAULT 0 CHECK (delta >= 0),
    ADD COLUMN spent_delta numeric NOT NULL DEFAULT 0,
    ADD COLUMN total_delta numeric NOT NULL DEFAULT 0;
