-- Sealed-bid e-tendering. Bids are stored sealed (ciphertext and shares
-- sealed to the committee, in the object store); nothing here can reveal a
-- bid before k committee members release their shares.

CREATE TABLE tenders (
    agency text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    lots jsonb NOT NULL,
    award_method text NOT NULL CHECK (award_method IN ('LOWEST_PRICE', 'MOST_ADVANTAGEOUS')),
    criteria jsonb NOT NULL,
    bid_deadline timestamptz NOT NULL,
    opening_time timestamptz NOT NULL CHECK (opening_time >= bid_deadline),
    committee jsonb NOT NULL,
    threshold integer NOT NULL CHECK (threshold >= 2),
    opened_at timestamptz,
    award jsonb,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency, id)
);
CREATE INDEX tenders_recent ON tenders (seq DESC);

CREATE TABLE bids (
    agency text NOT NULL,
    tender_id uuid NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    bidder text NOT NULL,
    commitment bytea NOT NULL CHECK (octet_length(commitment) = 32),
    object_key text NOT NULL,
    ledger_receipt text NOT NULL,
    state text NOT NULL CHECK (state IN ('SEALED', 'WITHDRAWN', 'OPENED')),
    submit_time timestamptz NOT NULL DEFAULT now(),
    withdraw_time timestamptz,
    -- Set at opening only: the decrypted BidContent and its price.
    content bytea,
    price_minor bigint,
    currency_code text,
    qualified boolean,
    qualification_note text NOT NULL DEFAULT '',
    -- {member: {criterion_id: points}}
    scores jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (agency, tender_id, id),
    FOREIGN KEY (agency, tender_id) REFERENCES tenders (agency, id)
);
CREATE INDEX bids_by_tender ON bids (agency, tender_id, seq);

-- Shares released by committee members at opening (one per member and bid).
CREATE TABLE bid_shares (
    agency text NOT NULL,
    tender_id uuid NOT NULL,
    bid_id uuid NOT NULL,
    member text NOT NULL,
    share bytea NOT NULL,
    release_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency, tender_id, bid_id, member),
    FOREIGN KEY (agency, tender_id, bid_id) REFERENCES bids (agency, tender_id, id)
);

-- The audit trail: every step, who and when; append-only.
CREATE TABLE tender_events (
    agency text NOT NULL,
    tender_id uuid NOT NULL,
    seq bigserial PRIMARY KEY,
    kind text NOT NULL,
    actor text NOT NULL,
    actor_org text NOT NULL,
    bid text NOT NULL DEFAULT '',
    details jsonb NOT NULL DEFAULT '{}',
    event_time timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (agency, tender_id) REFERENCES tenders (agency, id)
);
CREATE INDEX tender_events_by_tender ON tender_events (agency, tender_id, seq);
