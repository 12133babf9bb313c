-- Service providers (vendors, identity organisations "orgs/{id}") and their
-- offers for catalog projects. Public to every authenticated caller.

CREATE TABLE providers (
    organization text PRIMARY KEY,
    seq bigserial UNIQUE,
    display_name text NOT NULL,
    description_zh text NOT NULL DEFAULT '',
    description_en text NOT NULL DEFAULT '',
    regions text[] NOT NULL DEFAULT '{}',
    certifications text[] NOT NULL DEFAULT '{}',
    contact_uri text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE offers (
    provider text NOT NULL REFERENCES providers (organization),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    project_id text NOT NULL REFERENCES projects (id),
    kind text NOT NULL CHECK (kind IN ('SUPPORT', 'INTEGRATION', 'HOSTING', 'TRAINING')),
    description_zh text NOT NULL DEFAULT '',
    description_en text NOT NULL DEFAULT '',
    capabilities text[] NOT NULL DEFAULT '{}',
    regions text[] NOT NULL DEFAULT '{}',
    on_premises boolean NOT NULL DEFAULT false,
    currency text,                       -- NULL: no price given
    price_min_minor bigint CHECK (price_min_minor >= 0),
    price_max_minor bigint CHECK (price_max_minor >= price_min_minor),
    response_time_s bigint CHECK (response_time_s >= 0),
    listing text NOT NULL DEFAULT '',
    search_tokens text[] NOT NULL DEFAULT '{}',
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, id)
);
CREATE INDEX offers_by_project ON offers (project_id, seq);
CREATE INDEX offers_search ON offers USING gin (search_tokens);
