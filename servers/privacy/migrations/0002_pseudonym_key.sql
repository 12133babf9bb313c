-- pseudonymisation: each dataset's HMAC key, 32 random bytes wrapped by the
-- key-encryption key (servers/inference/sealing.py) under the context
-- {"dataset": name, "purpose": "pseudonymisation"}; never stored in the clear.
-- NULL for datasets created before this migration: their key is made on
-- first use and set only where it is still NULL, so racing first uses agree.

ALTER TABLE datasets ADD COLUMN pseudonym_key bytea;
