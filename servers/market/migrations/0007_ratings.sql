-- Ratings of providers by agencies holding a confirmed procurement order with
-- them (checked through procurement's OrderService at rating time), one per
-- order. The rating id is derived from the order, so a rating that failed
-- after anchoring and is retried anchors the same digest.

CREATE TABLE ratings (
    provider text NOT NULL REFERENCES providers (organization),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    order_name text NOT NULL UNIQUE,
    agency text NOT NULL,
    stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    review text NOT NULL DEFAULT '',
    digest bytea NOT NULL,
    ledger_receipt text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, id)
);
CREATE INDEX ratings_by_provider ON ratings (provider, seq);

-- Kept in step with `ratings` in the same transaction: the aggregate is read on
-- every provider shown and every match, never recomputed from the rows.
CREATE TABLE rating_summaries (
    provider text PRIMARY KEY REFERENCES providers (organization),
    count integer NOT NULL,
    stars_sum integer NOT NULL
);
