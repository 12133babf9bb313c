-- Batch signatures (X-Road's): the writer signs each flush of a peer pair's
-- chain once, over the RFC 6962 Merkle root of the flushed entries' hashes,
-- instead of one Ed25519 signature per entry. A batch is a consecutive run of
-- the chain, from first_sequence, tree_size entries long; its entries are
-- stored with signature NULL and found from it by (peer, first_sequence).
-- Entries signed one by one before this migration keep their own signature.
CREATE TABLE federation.log_signatures (
    peer uuid NOT NULL REFERENCES federation.peers (id) ON DELETE CASCADE,
    first_sequence bigint NOT NULL,
    tree_size integer NOT NULL CHECK (tree_size > 0),
    root bytea NOT NULL,
    signature bytea NOT NULL,
    kid text NOT NULL,
    PRIMARY KEY (peer, first_sequence)
);

ALTER TABLE federation.log_entries ALTER COLUMN signature DROP NOT NULL;

-- Anchoring by ranges: an anchor batch records, per peer pair, the run of the
-- chain it covers and where that run starts among the tree's leaves, and
-- log_heads the last anchored sequence, instead of an UPDATE of every entry
-- (which rewrote each entry's row). Entries anchored before keep their
-- batch and leaf_index.
CREATE TABLE federation.anchor_ranges (
    peer uuid NOT NULL REFERENCES federation.peers (id) ON DELETE CASCADE,
    first_sequence bigint NOT NULL,
    size integer NOT NULL CHECK (size > 0),
    batch bigint NOT NULL REFERENCES federation.anchor_batches (id),
    tree_offset integer NOT NULL,
    PRIMARY KEY (peer, first_sequence)
);
CREATE INDEX anchor_ranges_batch ON federation.anchor_ranges (batch, tree_offset);

ALTER TABLE federation.log_heads ADD COLUMN anchored_sequence bigint NOT NULL DEFAULT 0;
UPDATE federation.log_heads h SET anchored_sequence = coalesce(
    (SELECT max(e.sequence) FROM federation.log_entries e WHERE e.peer = h.peer AND e.batch IS NOT NULL), 0
);
DROP INDEX federation.log_entries_unanchored;
