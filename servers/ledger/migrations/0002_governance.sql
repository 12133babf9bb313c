-- Governance mirror: the ConsortiumRegistry's members, nodes, proposals and
-- votes as the chain recorded them, for queries. The chain is the source of
-- truth; each row is written after the transaction that changed it was mined.
-- Rows are keyed by the registry's address, so a new registry (a fresh
-- embedded chain) never mixes with an older one's rows. `organization`,
-- `contact` and `enode` exist only here: the contract keeps the legal name,
-- the registration number and the accounts.

-- One ConsortiumRegistry per chain (EIP-155 chain id), deployed once and reused.
CREATE TABLE consortium_registries (
    chain_id bigint PRIMARY KEY,
    address bytea NOT NULL CHECK (octet_length(address) = 20),
    create_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consortium_members (
    registry bytea NOT NULL CHECK (octet_length(registry) = 20),
    account bytea NOT NULL CHECK (octet_length(account) = 20),
    seq bigserial NOT NULL,
    organization text NOT NULL,
    legal_name text NOT NULL,
    registration_number text NOT NULL,
    contact text NOT NULL DEFAULT '',
    active boolean NOT NULL,
    admit_time timestamptz NOT NULL,
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (registry, account)
);
CREATE UNIQUE INDEX consortium_members_org ON consortium_members (registry, organization);
CREATE INDEX consortium_members_seq ON consortium_members (registry, seq);

CREATE TABLE consortium_nodes (
    registry bytea NOT NULL CHECK (octet_length(registry) = 20),
    account bytea NOT NULL CHECK (octet_length(account) = 20),
    seq bigserial NOT NULL,
    operator bytea NOT NULL CHECK (octet_length(operator) = 20),
    role text NOT NULL CHECK (role IN ('VALIDATOR', 'OBSERVER')),
    enode text NOT NULL DEFAULT '',
    active boolean NOT NULL,
    add_time timestamptz NOT NULL,
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (registry, account)
);
CREATE INDEX consortium_nodes_seq ON consortium_nodes (registry, seq);

-- kind: ADMIT_MEMBER, REMOVE_MEMBER, ADD_NODE, REMOVE_NODE (the contract's order).
CREATE TABLE consortium_proposals (
    registry bytea NOT NULL CHECK (octet_length(registry) = 20),
    id bigint NOT NULL,
    kind text NOT NULL CHECK (kind IN ('ADMIT_MEMBER', 'REMOVE_MEMBER', 'ADD_NODE', 'REMOVE_NODE')),
    account bytea NOT NULL CHECK (octet_length(account) = 20),
    operator bytea CHECK (octet_length(operator) = 20),
    role text NOT NULL DEFAULT '',
    organization text NOT NULL DEFAULT '',
    legal_name text NOT NULL DEFAULT '',
    registration_number text NOT NULL DEFAULT '',
    contact text NOT NULL DEFAULT '',
    enode text NOT NULL DEFAULT '',
    proposer bytea NOT NULL CHECK (octet_length(proposer) = 20),
    votes integer NOT NULL,
    required_votes integer NOT NULL,
    executed boolean NOT NULL,
    transaction_hash bytea NOT NULL CHECK (octet_length(transaction_hash) = 32),
    block_number bigint NOT NULL,
    create_time timestamptz NOT NULL,
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (registry, id)
);

CREATE TABLE consortium_votes (
    registry bytea NOT NULL CHECK (octet_length(registry) = 20),
    proposal_id bigint NOT NULL,
    voter bytea NOT NULL CHECK (octet_length(voter) = 20),
    transaction_hash bytea NOT NULL CHECK (octet_length(transaction_hash) = 32),
    block_number bigint NOT NULL,
    vote_time timestamptz NOT NULL,
    PRIMARY KEY (registry, proposal_id, voter),
    FOREIGN KEY (registry, proposal_id) REFERENCES consortium_proposals (registry, id)
);
