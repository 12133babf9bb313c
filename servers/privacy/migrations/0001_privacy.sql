-- privacy: datasets of organisations (the token's `org`, "orgs/{id}") and
-- the privacy budget ledger of each. A dataset's records are kept as the CSV
-- it was created from (`content`), checked against `columns` at creation.
-- ε is numeric: budgets add up exactly, so "spent ≤ total" is never a
-- rounding question; the CHECK makes an overspend impossible whatever the
-- code above does.

CREATE TABLE datasets (
    owner text NOT NULL,
    id text NOT NULL,
    seq bigserial UNIQUE,
    display_name text NOT NULL DEFAULT '',
    columns jsonb NOT NULL,                   -- [{"name", "role", "kind"}], schema order
    content bytea NOT NULL,                   -- the CSV
    size_bytes bigint NOT NULL,
    sha256 bytea NOT NULL CHECK (length(sha256) = 32),
    row_count bigint NOT NULL,
    total_epsilon numeric NOT NULL CHECK (total_epsilon > 0),
    spent_epsilon numeric NOT NULL DEFAULT 0,
    next_release integer NOT NULL DEFAULT 1,
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id),
    CHECK (spent_epsilon >= 0 AND spent_epsilon <= total_epsilon)
);

CREATE TABLE releases (
    owner text NOT NULL,
    dataset text NOT NULL,
    sequence integer NOT NULL CHECK (sequence > 0),
    query jsonb NOT NULL,
    epsilon numeric NOT NULL CHECK (epsilon > 0),
    spent_epsilon numeric NOT NULL,           -- spent up to and including this release
    total_epsilon numeric NOT NULL,
    result jsonb NOT NULL,                    -- value, bins, noise_scale, accuracy, confidence, mechanism
    digest bytea NOT NULL CHECK (length(digest) = 32),
    ledger_receipt text,                      -- NULL until the digest is anchored
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, dataset, sequence),
    FOREIGN KEY (owner, dataset) REFERENCES datasets (owner, id)
);
