-- A placement's exclusions, compact: the workloads × offerings reason matrix
-- and the dominating offering of each DOMINATED pair, zlib-compressed
-- (servers/cloud/placement/store.py packs and unpacks it).
ALTER TABLE placements ADD COLUMN exclusions bytea NOT NULL DEFAULT '\x'::bytea;
