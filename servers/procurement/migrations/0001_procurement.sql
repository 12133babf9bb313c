-- procurement: the joint-supply-contract catalog, the listing review gate,
-- the OSV advisory store and agencies' orders. Organisations are identity's
-- ids (the token's `org`); nothing here reads identity's or ledger's tables.

CREATE TABLE lots (
    id text PRIMARY KEY,
    seq bigserial UNIQUE,
    display_name text NOT NULL,
    category text NOT NULL CHECK (category IN ('PACKAGED_SOFTWARE', 'CLOUD_SERVICES', 'INFORMATION_SECURITY_SERVICES')),
    contract_number text NOT NULL,
    description text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now()
);

-- A vendor's listing. `search_tokens` holds the lower-cased words and the
-- CJK bigrams of name, version and description (search.py), so Chinese is
-- searchable without word segmentation and without a locale-dependent parser;
-- `name_tokens` those of the product name alone (name matches rank first).
CREATE TABLE listings (
    vendor text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    lot text NOT NULL REFERENCES lots (id),
    category text NOT NULL,
    product_name text NOT NULL,
    product_version text NOT NULL,
    description text NOT NULL DEFAULT '',
    price_tiers jsonb NOT NULL,
    min_unit_price_minor bigint NOT NULL,
    licence_terms jsonb NOT NULL,
    sla jsonb,
    support text NOT NULL DEFAULT '',
    state text NOT NULL CHECK (state IN ('DRAFT', 'CHANGES_REQUESTED', 'APPROVED', 'FLAGGED')),
    latest_review uuid,
    sbom_sha256 bytea,
    search_tokens text[] NOT NULL DEFAULT '{}',
    name_tokens text[] NOT NULL DEFAULT '{}',
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor, id)
);
CREATE INDEX listings_search ON listings USING gin (search_tokens);
CREATE INDEX listings_name_search ON listings USING gin (name_tokens);
CREATE INDEX listings_public ON listings (update_time DESC, seq DESC) WHERE state IN ('APPROVED', 'FLAGGED');
CREATE INDEX listings_lot ON listings (lot);

-- SBOMs by content hash: the document lives in the object store
-- (procurement/sboms/{sha256}.{json|xml}); the components extracted from it
-- are kept here so a re-review needs no re-parse.
CREATE TABLE sboms (
    sha256 bytea PRIMARY KEY CHECK (octet_length(sha256) = 32),
    format text NOT NULL,
    spec_version text NOT NULL,
    object_key text NOT NULL,
    components jsonb NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now()
);

-- Which packages an approved listing's SBOM contains, by OSV ecosystem and
-- package name: importing an advisory re-reviews only the listings found
-- here for the advisory's packages.
CREATE TABLE listing_packages (
    vendor text NOT NULL,
    listing_id uuid NOT NULL,
    ecosystem text NOT NULL,
    package text NOT NULL,
    PRIMARY KEY (ecosystem, package, vendor, listing_id),
    FOREIGN KEY (vendor, listing_id) REFERENCES listings (vendor, id)
);

CREATE TABLE reviews (
    vendor text NOT NULL,
    listing_id uuid NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    decision text NOT NULL CHECK (decision IN ('APPROVED', 'CHANGES_REQUESTED')),
    findings jsonb NOT NULL,
    sbom_sha256 bytea REFERENCES sboms (sha256),
    sbom_spec_version text NOT NULL DEFAULT '',
    component_count integer NOT NULL DEFAULT 0,
    decision_digest bytea NOT NULL CHECK (octet_length(decision_digest) = 32),
    ledger_receipt text NOT NULL DEFAULT '',
    trigger text NOT NULL CHECK (trigger IN ('SUBMISSION', 'RISK_ACCEPTANCE', 'ADVISORY_IMPORT')),
    accepted_risks jsonb NOT NULL DEFAULT '{}',
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor, listing_id, id),
    FOREIGN KEY (vendor, listing_id) REFERENCES listings (vendor, id)
);
CREATE INDEX reviews_by_listing ON reviews (vendor, listing_id, seq DESC);

-- The OSV advisory store: one row per advisory id with its record. `seq`
-- grows on every insert or update, so each replica's in-memory index loads
-- only what changed since it last looked.
CREATE SEQUENCE advisory_seq;
CREATE TABLE advisories (
    id text PRIMARY KEY,
    seq bigint NOT NULL DEFAULT nextval('advisory_seq'),
    modified timestamptz,
    record jsonb NOT NULL
);
CREATE INDEX advisories_seq ON advisories (seq);

CREATE TABLE notifications (
    vendor text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    listing text NOT NULL,
    review text NOT NULL,
    advisory_ids text[] NOT NULL DEFAULT '{}',
    message text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor, id)
);
CREATE INDEX notifications_by_vendor ON notifications (vendor, seq DESC);

-- Orders: money as integer minor units with currency. (agency, request_id)
-- is unique, so a retried CreateOrder can never place a second order.
CREATE TABLE orders (
    agency text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    request_id uuid NOT NULL,
    request_fingerprint bytea NOT NULL,
    vendor text NOT NULL,
    listing_id uuid NOT NULL,
    category text NOT NULL,
    quantity bigint NOT NULL CHECK (quantity > 0),
    budget_code text NOT NULL,
    currency_code text NOT NULL,
    unit_price_minor bigint NOT NULL,
    total_minor bigint NOT NULL,
    state text NOT NULL CHECK (state IN ('PLACED', 'CONFIRMED', 'DELIVERED', 'ACCEPTED', 'DISPUTED', 'PAID')),
    history jsonb NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency, id),
    UNIQUE (agency, request_id),
    FOREIGN KEY (vendor, listing_id) REFERENCES listings (vendor, id)
);
CREATE INDEX orders_by_agency ON orders (agency, seq DESC);
CREATE INDEX orders_by_vendor ON orders (vendor, seq DESC);
