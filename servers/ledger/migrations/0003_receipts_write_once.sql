-- Receipts are written once. Throughput (bench/RESULTS.md, ledger): every
-- accepted digest used to be one receipts row with eight indexes that was
-- UPDATEd again when its batch was built (batch, leaf index, audit path), so
-- each digest paid for two heap tuples and sixteen index entries. Now:
--
--   receipts   what was accepted (never updated, except when a batch fails)
--   waiting    the queue of receipts due for a batch: inserted with the
--              receipt, deleted by the transaction that puts it in a batch
--              (the only per-digest work of a batch besides its leaf)
--   leaves     a receipt's place in its batch (leaf index, audit path),
--              written once per batch with COPY
--
-- A receipt's state follows from these: CONFIRMED when its leaf's batch is,
-- PENDING while it waits or its batch is on the way, FAILED while it waits
-- for a retry after its batch was rejected (receipts.state = 'FAILED').

CREATE TABLE waiting (
    receipt_id uuid PRIMARY KEY,
    -- The receipt's seq: batches take the oldest first.
    seq bigint NOT NULL,
    digest bytea NOT NULL CHECK (octet_length(digest) = 32),
    -- Set for receipts released by a rejected batch: not before this time.
    retry_time timestamptz
);
CREATE INDEX waiting_by_seq ON waiting (seq);

-- No foreign keys: rows are written by the batch's own transaction (batches,
-- leaves) and receipts are never deleted; per-row RI triggers would cost as
-- much as the row.
CREATE TABLE leaves (
    batch_id bigint NOT NULL,
    leaf_index integer NOT NULL CHECK (leaf_index >= 0),
    receipt_id uuid NOT NULL,
    -- Audit path of the leaf in its batch: 32-byte hashes, concatenated.
    proof bytea NOT NULL,
    PRIMARY KEY (batch_id, leaf_index)
);
-- At most one leaf per receipt: a rejected batch's leaves are deleted.
CREATE UNIQUE INDEX leaves_by_receipt ON leaves (receipt_id);

INSERT INTO waiting (receipt_id, seq, digest, retry_time)
SELECT id, seq, digest, retry_time FROM receipts WHERE batch_id IS NULL;
INSERT INTO leaves (batch_id, leaf_index, receipt_id, proof)
SELECT batch_id, leaf_index, id, coalesce(proof, '') FROM receipts WHERE batch_id IS NOT NULL;

-- Dropping the columns drops receipts_unbatched and receipts_by_batch.
ALTER TABLE receipts
    DROP COLUMN batch_id,
    DROP COLUMN leaf_index,
    DROP COLUMN proof,
    DROP COLUMN retry_time;
-- seq comes from its sequence: unique without an index (nothing looks it up).
ALTER TABLE receipts DROP CONSTRAINT receipts_seq_key;
-- (digest, submitter) serves both the idempotency check and lookups by digest
-- alone (VerifyDigest without a submitter), so receipts_by_digest goes.
ALTER TABLE receipts DROP CONSTRAINT receipts_submitter_digest_key;
ALTER TABLE receipts ADD CONSTRAINT receipts_digest_submitter_key UNIQUE (digest, submitter);
DROP INDEX receipts_by_digest;
