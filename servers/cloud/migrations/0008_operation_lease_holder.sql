-- Who holds an operation's lease: a fencing token. A runner whose lease lapsed
-- (its process stalled, its database connection was down past the lease) and was
-- taken up by another replica can no longer renew it, record a step or finish
-- the operation: its renewal finds another holder and it stops, instead of both
-- replicas running the same steps (two instances made, both billed).

ALTER TABLE operations ADD COLUMN lease_holder uuid;
