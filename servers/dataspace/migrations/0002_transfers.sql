-- dataspace: transfer processes (Dataspace Protocol) of uploaded distributions
-- under agreements. The download token is kept only as its SHA-256.

CREATE TABLE transfers (
    id uuid PRIMARY KEY,
    seq bigserial UNIQUE,
    agreement uuid NOT NULL REFERENCES agreements (id),
    negotiation uuid NOT NULL REFERENCES negotiations (id),
    distribution_id text NOT NULL,
    purpose text NOT NULL DEFAULT '',         -- what the use is for, checked at every download
    object_key text NOT NULL,
    provider text NOT NULL,
    consumer text NOT NULL,
    state text NOT NULL,
    last_actor text NOT NULL,
    last_message text NOT NULL,
    byte_size bigint NOT NULL,
    sha256 bytea NOT NULL CHECK (length(sha256) = 32),
    token_sha256 bytea,
    token_expire_time timestamptz,
    termination_code text NOT NULL DEFAULT '',
    termination_reason text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transfers_provider ON transfers (provider, seq);
CREATE INDEX transfers_consumer ON transfers (consumer, seq);
