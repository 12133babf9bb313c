-- cloud: an organisation's provider accounts (credentials sealed), its
-- offering catalog and its placements. Owners are "orgs/{id}".

CREATE TABLE accounts (
    owner text NOT NULL,
    id text NOT NULL,
    seq bigserial UNIQUE,
    provider text NOT NULL,                    -- "aws", "s3-compatible", ...
    display_name text NOT NULL DEFAULT '',
    endpoint text NOT NULL DEFAULT '',
    default_region text NOT NULL DEFAULT '',
    credential_id text NOT NULL,               -- the access key id / client id: not secret
    -- The credentials JSON sealed with AES-256-GCM under a data key of their
    -- own; the data key wrapped by the KEK with the account and version as
    -- context. Neither ever leaves the service.
    sealed_credentials bytea NOT NULL,
    wrapped_key bytea NOT NULL,
    credential_version integer NOT NULL DEFAULT 1 CHECK (credential_version > 0),
    state text NOT NULL DEFAULT 'UNVERIFIED' CHECK (state IN ('UNVERIFIED', 'VERIFIED', 'REJECTED')),
    credentials_update_time timestamptz NOT NULL DEFAULT now(),
    verify_time timestamptz,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id)
);

CREATE TABLE offerings (
    owner text NOT NULL,
    id text NOT NULL,                          -- derived from provider, kind, type, region, zone
    provider text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('INSTANCE', 'STORAGE', 'EGRESS')),
    sku text NOT NULL,
    type text NOT NULL,
    region text NOT NULL,
    zone text NOT NULL DEFAULT '',
    country text NOT NULL,
    vcpu integer NOT NULL DEFAULT 0,
    memory_gib double precision NOT NULL DEFAULT 0,
    gpu_count integer NOT NULL DEFAULT 0,
    gpu_model text NOT NULL DEFAULT '',
    certifications text[] NOT NULL DEFAULT '{}',
    sla_reference text NOT NULL DEFAULT '',
    unit_price numeric NOT NULL CHECK (unit_price >= 0),
    currency_code text NOT NULL,
    unit text NOT NULL,
    unit_price_twd numeric NOT NULL CHECK (unit_price_twd >= 0),
    exchange_rate_date date,
    source text NOT NULL,
    import_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id)
);

CREATE INDEX offerings_owner_country ON offerings (owner, country, kind);

CREATE TABLE placements (
    owner text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    placement bytea NOT NULL,                  -- the jipan.cloud.v1.Placement as planned
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id)
);
