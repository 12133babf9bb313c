-- The message log's entries no longer check their peer against federation.peers
-- row by row. Every insert into log_entries extends a chain whose head row
-- (federation.log_heads, which keeps its foreign key to peers) the same
-- statement or transaction moves, and peers are never deleted (they are
-- suspended), so the per-row referential check (one index probe and a
-- FOR KEY SHARE lock of the peer's row per logged call) proved nothing the
-- head does not. It was ~2 µs of PostgreSQL CPU per logged call.
ALTER TABLE federation.log_entries DROP CONSTRAINT log_entries_peer_fkey;
