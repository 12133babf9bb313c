-- The block a ConsortiumRegistry was deployed in: the governance re-sync reads the
-- registry's events from there instead of from block 0 (a long-lived chain, and
-- nodes that cap eth_getLogs ranges). 0 for registries recorded before: read all.
ALTER TABLE consortium_registries ADD COLUMN deploy_block bigint NOT NULL DEFAULT 0;
