-- Publishers: organisations' claims on projects, proved by a challenge file
-- at the URL the registry metadata gives. The metadata's own homepage and
-- repository are kept apart from the curated ones, so that an importer who
-- curates a project cannot point its claim check at a server of its own.

ALTER TABLE projects
    ADD COLUMN source_homepage text NOT NULL DEFAULT '',
    ADD COLUMN source_repository text NOT NULL DEFAULT '';

CREATE TABLE claims (
    project_id text NOT NULL REFERENCES projects (id),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    organization text NOT NULL,
    method text NOT NULL CHECK (method IN ('CHALLENGE_FILE')),
    challenge text NOT NULL,
    state text NOT NULL CHECK (state IN ('PENDING', 'VERIFIED', 'REJECTED')),
    evidence text NOT NULL DEFAULT '',
    expire_time timestamptz NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    verify_time timestamptz,
    PRIMARY KEY (project_id, id)
);
CREATE INDEX claims_by_organization ON claims (project_id, organization, seq DESC);

-- Operator-granted "official" status of a publishing organisation.
CREATE TABLE publishers (
    organization text PRIMARY KEY,
    official boolean NOT NULL DEFAULT false,
    update_time timestamptz NOT NULL DEFAULT now()
);
