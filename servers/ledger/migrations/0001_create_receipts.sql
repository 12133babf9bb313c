-- The ledger's state: accepted digests (receipts), the batches they were
-- anchored in, and the AnchorRegistry contract deployed on each chain.

-- One AnchorRegistry per chain (EIP-155 chain id), deployed once and reused.
CREATE TABLE contracts (
    chain_id bigint PRIMARY KEY,
    address bytea NOT NULL CHECK (octet_length(address) = 20),
    create_time timestamptz NOT NULL DEFAULT now()
);

-- One Merkle batch = one anchoring transaction.
--   BUILT      tree made, receipts assigned, nothing sent yet
--   SUBMITTED  transaction sent (transaction_hash known)
--   CONFIRMED  mined with the configured confirmations
--   FAILED     rejected; its receipts were released to a later batch
CREATE TABLE batches (
    id bigserial PRIMARY KEY,
    root bytea NOT NULL CHECK (octet_length(root) = 32),
    leaf_count integer NOT NULL CHECK (leaf_count > 0),
    state text NOT NULL CHECK (state IN ('BUILT', 'SUBMITTED', 'CONFIRMED', 'FAILED')),
    chain_id bigint,
    contract_address bytea,
    signer_address bytea,
    transaction_hash bytea,
    block_number bigint,
    block_time timestamptz,
    failure_reason text,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now()
);
-- The batcher resumes unfinished batches first.
CREATE INDEX batches_unfinished ON batches (id) WHERE state IN ('BUILT', 'SUBMITTED');

-- One accepted digest per submitter. `seq` orders leaves and pages.
CREATE TABLE receipts (
    id uuid PRIMARY KEY,
    seq bigserial NOT NULL UNIQUE,
    submitter text NOT NULL,
    digest bytea NOT NULL CHECK (octet_length(digest) = 32),
    metadata jsonb NOT NULL DEFAULT '{}',
    -- PENDING or FAILED; a receipt is CONFIRMED when its batch is (no per-digest
    -- write on confirmation).
    state text NOT NULL CHECK (state IN ('PENDING', 'FAILED')),
    batch_id bigint REFERENCES batches (id),
    leaf_index integer,
    -- Audit path of the leaf in its batch: 32-byte hashes, concatenated.
    proof bytea,
    -- Failed attempts; a confirmed receipt shows one more (the one that worked).
    attempts integer NOT NULL DEFAULT 0,
    failure_reason text,
    retry_time timestamptz,
    create_time timestamptz NOT NULL DEFAULT now(),
    UNIQUE (submitter, digest)
);
-- Digests waiting for a batch (PENDING, or FAILED and due for a retry).
CREATE INDEX receipts_unbatched ON receipts (seq) WHERE batch_id IS NULL;
CREATE INDEX receipts_by_digest ON receipts (digest);
CREATE INDEX receipts_by_batch ON receipts (batch_id, leaf_index);
CREATE INDEX receipts_by_time ON receipts (create_time DESC, seq DESC);
CREATE INDEX receipts_by_submitter_time ON receipts (submitter, create_time DESC, seq DESC);

-- Which replica's batcher may send transactions (one signing account, one
-- sender at a time: nonces stay in order and no batch is sent twice). A
-- lease, renewed while its holder works; another replica takes over once it
-- has expired (its holder died).
CREATE TABLE batcher_lease (
    id integer PRIMARY KEY CHECK (id = 1),
    holder text NOT NULL,
    expire_time timestamptz NOT NULL
);
