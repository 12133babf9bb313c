-- The revocation feed every server polls (TokenService.ListRevocations): one
-- row per revoked access token (kind 'access_token', digest of its jti),
-- consent ('consent', digest of the consent's name) or sign-in session
-- ('session', digest of the refresh-token family id, the tokens' `sid`).
-- `sequence` is handed out under a transaction-level advisory lock
-- (revocations.py), so rows become visible in sequence order and a poller
-- that remembers the highest sequence it saw never misses one.
-- expire_time: when every token the row matches has expired anyway.
CREATE TABLE revocations (
    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('access_token', 'consent', 'session')),
    digest bytea NOT NULL,
    expire_time timestamptz NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, digest)
);
CREATE INDEX revocations_by_expiry ON revocations (expire_time);
