-- Peers (other agencies' meshes), their provider approvals, the tokens
-- exchanged for their callers (so that suspending a peer or withdrawing an
-- approval can revoke them through identity's feed), this mesh's message log
-- key and bundle sequence, and the message log with its anchor batches.

CREATE TABLE federation.peers (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    peer_id text NOT NULL,
    display_name text NOT NULL DEFAULT '',
    issuer text NOT NULL UNIQUE,
    audience text NOT NULL,
    bundle_endpoint text NOT NULL,
    bundle_endpoint_ca_pem text NOT NULL DEFAULT '',
    state text NOT NULL CHECK (state IN ('pending', 'active', 'suspended')),
    pinned_fingerprint text NOT NULL,
    -- The last good bundle: the GetTrustBundle response's fields.
    bundle jsonb NOT NULL,
    bundle_fetch_time timestamptz NOT NULL,
    bundle_error text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, peer_id)
);

CREATE TABLE federation.approvals (
    peer uuid NOT NULL REFERENCES federation.peers (id) ON DELETE CASCADE,
    approval_id text NOT NULL,
    consumer text NOT NULL,
    methods text[] NOT NULL,
    approver text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (peer, approval_id)
);

CREATE TABLE federation.issued_tokens (
    jti text PRIMARY KEY,
    peer uuid NOT NULL REFERENCES federation.peers (id) ON DELETE CASCADE,
    approvals text[] NOT NULL,
    expire_time timestamptz NOT NULL
);
CREATE INDEX issued_tokens_peer ON federation.issued_tokens (peer, expire_time);

CREATE TABLE federation.log_keys (
    kid text PRIMARY KEY,
    public_key bytea NOT NULL,
    sealed_private_key bytea NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE federation.bundle_state (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint text NOT NULL,
    sequence bigint NOT NULL
);

CREATE TABLE federation.anchor_batches (
    id bigserial PRIMARY KEY,
    root bytea NOT NULL,
    tree_size integer NOT NULL,
    ledger_receipt text NOT NULL,
    anchor_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE federation.log_heads (
    peer uuid PRIMARY KEY REFERENCES federation.peers (id) ON DELETE CASCADE,
    sequence bigint NOT NULL,
    entry_hash bytea NOT NULL
);

CREATE TABLE federation.log_entries (
    peer uuid NOT NULL REFERENCES federation.peers (id) ON DELETE CASCADE,
    sequence bigint NOT NULL,
    canonical bytea NOT NULL,
    entry_hash bytea NOT NULL,
    previous_hash bytea NOT NULL,
    signature bytea NOT NULL,
    kid text NOT NULL,
    batch bigint REFERENCES federation.anchor_batches (id),
    leaf_index integer,
    PRIMARY KEY (peer, sequence)
);
CREATE INDEX log_entries_unanchored ON federation.log_entries (peer, sequence) WHERE batch IS NULL;
