-- Idempotency keys (AIP-155 `request_id`) for writes that move money, capacity
-- or legal state. Owned by the runtime, used by every service inside its own
-- transactions, so a key is recorded exactly when the write commits.
CREATE TABLE request_ids (
    scope       text        NOT NULL,  -- "<method>|<principal subject>"
    request_id  uuid        NOT NULL,
    fingerprint bytea       NOT NULL,  -- SHA-256 of the canonical request
    response    bytea       NOT NULL,  -- serialized first response
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, request_id)
);
CREATE INDEX request_ids_created_at ON request_ids (created_at);
