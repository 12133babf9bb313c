-- dataspace: the catalog (DCAT datasets with ODRL offers), contract
-- negotiations between a consumer and a dataset's publisher (Dataspace
-- Protocol states), the agreements they reach, and the usage log of every
-- negotiation: each entry hash-chained to the one before it and anchored on
-- the ledger.

CREATE TABLE datasets (
    publisher text NOT NULL,                  -- "orgs/{id}"
    id text NOT NULL,
    seq bigserial UNIQUE,
    title text NOT NULL,
    title_en text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    description_en text NOT NULL DEFAULT '',
    themes text[] NOT NULL DEFAULT '{}',
    keywords text[] NOT NULL DEFAULT '{}',
    temporal_start timestamptz,
    temporal_end timestamptz,
    spatial text NOT NULL DEFAULT '',
    license text NOT NULL DEFAULT '',
    update_frequency text NOT NULL DEFAULT '',
    distributions jsonb NOT NULL DEFAULT '[]',  -- [{"id", "title", "media_type", "byte_size", "sha256"}]
    offers jsonb NOT NULL,                    -- [{"id", "policy", "policy_sha256"}]
    personal_data boolean NOT NULL DEFAULT false,
    search_text text NOT NULL DEFAULT '',     -- lower-cased titles, descriptions and keywords
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    version bigint NOT NULL DEFAULT 1,
    PRIMARY KEY (publisher, id)
);

CREATE TABLE negotiations (
    id uuid PRIMARY KEY,
    seq bigserial UNIQUE,
    dataset_publisher text NOT NULL,
    dataset_id text NOT NULL,
    offer_id text NOT NULL,
    provider text NOT NULL,
    consumer text NOT NULL,
    state text NOT NULL,
    policy text NOT NULL,
    policy_sha256 bytea NOT NULL CHECK (length(policy_sha256) = 32),
    last_actor text NOT NULL,
    last_message text NOT NULL,
    agreement uuid,
    termination_code text NOT NULL DEFAULT '',
    termination_reason text NOT NULL DEFAULT '',
    next_entry bigint NOT NULL DEFAULT 1,
    last_entry_sha256 bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000',
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (dataset_publisher, dataset_id) REFERENCES datasets (publisher, id)
);
CREATE INDEX negotiations_provider ON negotiations (provider, seq);
CREATE INDEX negotiations_consumer ON negotiations (consumer, seq);

CREATE TABLE agreements (
    id uuid PRIMARY KEY,
    negotiation uuid NOT NULL UNIQUE REFERENCES negotiations (id),
    provider text NOT NULL,
    consumer text NOT NULL,
    policy text NOT NULL,
    sha256 bytea NOT NULL CHECK (length(sha256) = 32),
    ledger_receipt text NOT NULL DEFAULT '',
    active boolean NOT NULL DEFAULT false,
    use_count bigint NOT NULL DEFAULT 0 CHECK (use_count >= 0),
    create_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE usage_log (
    negotiation uuid NOT NULL REFERENCES negotiations (id),
    sequence bigint NOT NULL CHECK (sequence > 0),
    event text NOT NULL,
    actor_role text NOT NULL,
    actor text NOT NULL,
    details text NOT NULL,                    -- canonical JSON
    sha256 bytea NOT NULL CHECK (length(sha256) = 32),
    ledger_receipt text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL,
    PRIMARY KEY (negotiation, sequence)
);
CREATE INDEX usage_log_unanchored ON usage_log (negotiation) WHERE ledger_receipt = '';
