-- Co-Lab spaces. Organisations are members with a role; an organisation
-- invited by an owner becomes a member only when it accepts. The activity feed
-- is append-only. Documents live in the object store (object_key), with the
-- size and SHA-256 measured while they streamed in. A decision's digest is the
-- SHA-256 of its canonical record; ledger_receipt is the ledger's receipt of it
-- ('' until the ledger accepted it: a replay of CreateDecision anchors again).

CREATE TABLE spaces (
    id text PRIMARY KEY,
    seq bigserial UNIQUE,
    display_name text NOT NULL,
    description_zh text NOT NULL DEFAULT '',
    description_en text NOT NULL DEFAULT '',
    projects text[] NOT NULL DEFAULT '{}',
    creator_org text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE space_members (
    space_id text NOT NULL REFERENCES spaces (id),
    organization text NOT NULL,
    role text NOT NULL CHECK (role IN ('OWNER', 'MAINTAINER', 'CONTRIBUTOR', 'VIEWER')),
    since timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, organization)
);
CREATE INDEX space_members_by_org ON space_members (organization, space_id);

CREATE TABLE space_invitations (
    space_id text NOT NULL REFERENCES spaces (id),
    organization text NOT NULL,
    seq bigserial UNIQUE,
    role text NOT NULL CHECK (role IN ('OWNER', 'MAINTAINER', 'CONTRIBUTOR', 'VIEWER')),
    inviter text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, organization)
);
CREATE INDEX space_invitations_by_org ON space_invitations (organization, seq);

CREATE TABLE space_activities (
    space_id text NOT NULL REFERENCES spaces (id),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    kind text NOT NULL CHECK (kind IN ('MEMBER', 'DOCUMENT', 'DECISION', 'NOTE')),
    actor text NOT NULL,
    subject text NOT NULL,
    summary text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, id)
);
CREATE INDEX space_activities_feed ON space_activities (space_id, seq DESC);

CREATE TABLE space_documents (
    space_id text NOT NULL REFERENCES spaces (id),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    display_name text NOT NULL,
    media_type text NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 bytea NOT NULL,
    object_key text NOT NULL,
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (space_id, id)
);

CREATE TABLE space_decisions (
    space_id text NOT NULL REFERENCES spaces (id),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    title text NOT NULL,
    text text NOT NULL,
    digest bytea NOT NULL,
    ledger_receipt text NOT NULL DEFAULT '',
    creator text NOT NULL,
    create_time timestamptz NOT NULL,
    PRIMARY KEY (space_id, id)
);
