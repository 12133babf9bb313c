-- Personal data under identity consents, k-anonymity assessed by the privacy
-- service, and push transfers (issue 18).
--
-- A dataset of personal data names the consent category of its data; its
-- data are kept per person (personal_objects), outside the catalog entry, and
-- released only to a transfer bound to that person's consent. The privacy
-- assessment of a distribution lives in the distribution's JSON with the rest.
ALTER TABLE datasets ADD COLUMN personal_data_category text NOT NULL DEFAULT '';

CREATE TABLE personal_objects (
    publisher text NOT NULL,
    dataset_id text NOT NULL,
    distribution_id text NOT NULL,
    data_subject text NOT NULL,                 -- people/{person}
    object_key text NOT NULL,
    byte_size bigint NOT NULL,
    sha256 bytea NOT NULL CHECK (length(sha256) = 32),
    upload_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (publisher, dataset_id, distribution_id, data_subject),
    FOREIGN KEY (publisher, dataset_id) REFERENCES datasets (publisher, id)
);

ALTER TABLE transfers
    ADD COLUMN data_subject text NOT NULL DEFAULT '',  -- people/{person} for personal data
    ADD COLUMN consent text NOT NULL DEFAULT '',       -- the consent it is bound to
    ADD COLUMN format text NOT NULL DEFAULT 'HttpData-PULL',
    ADD COLUMN destination text NOT NULL DEFAULT '';   -- s3://bucket/key of a push, never credentials
