-- Every anchoring transaction sent for a batch, written before it is sent.
-- A transaction that stays unmined past `ledger_replace_after_s` is replaced:
-- sent again with the same nonce and higher fees (EIP-1559: both fees at
-- least 10% up), and `replaces` names the one it replaced. A batcher that
-- restarts, or another replica that takes over, finds the nonce here and goes
-- on replacing it instead of spending a new nonce on the same root.
CREATE TABLE batch_transactions (
    transaction_hash bytea PRIMARY KEY CHECK (octet_length(transaction_hash) = 32),
    batch_id bigint NOT NULL REFERENCES batches (id),
    nonce bigint NOT NULL CHECK (nonce >= 0),
    -- Wei; NULL where the transaction does not set them (a legacy one sets gas_price).
    max_fee_per_gas numeric(78, 0),
    max_priority_fee_per_gas numeric(78, 0),
    gas_price numeric(78, 0),
    replaces bytea CHECK (octet_length(replaces) = 32),
    send_time timestamptz NOT NULL
);
CREATE INDEX batch_transactions_by_batch ON batch_transactions (batch_id, send_time);
