-- market: the open-source marketplace's catalog. Projects are public to every
-- authenticated caller; `creator_org` and `publisher` are identity's
-- organisations ("orgs/{id}"); nothing here reads another service's tables
-- (advisories come from procurement over gRPC).

CREATE TABLE projects (
    id text PRIMARY KEY,
    seq bigserial UNIQUE,
    ecosystem text NOT NULL CHECK (ecosystem IN ('PYPI', 'NPM', 'MAVEN')),
    purl text NOT NULL UNIQUE,
    package_name text NOT NULL,
    description_zh text NOT NULL DEFAULT '',
    description_en text NOT NULL DEFAULT '',
    homepage text NOT NULL DEFAULT '',
    repository text NOT NULL DEFAULT '',
    categories text[] NOT NULL DEFAULT '{}',
    keywords text[] NOT NULL DEFAULT '{}',
    maintainers text[] NOT NULL DEFAULT '{}',   -- distinct lower-cased names from the metadata
    security_policy text NOT NULL DEFAULT '',
    latest_version text NOT NULL DEFAULT '',
    licence jsonb NOT NULL DEFAULT '{}',         -- the latest version's
    licence_family text NOT NULL DEFAULT 'UNSPECIFIED',
    version_count integer NOT NULL DEFAULT 0,
    -- Fields UpdateProject set: later imports leave them alone.
    curated text[] NOT NULL DEFAULT '{}',
    publisher text NOT NULL DEFAULT '',
    official boolean NOT NULL DEFAULT false,
    health_score double precision NOT NULL DEFAULT 0,
    search_tokens text[] NOT NULL DEFAULT '{}',
    creator text NOT NULL,
    creator_org text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_search ON projects USING gin (search_tokens);
CREATE INDEX projects_rank ON projects (health_score DESC, id);
CREATE INDEX projects_ecosystem ON projects (ecosystem, id);

CREATE TABLE versions (
    project_id text NOT NULL REFERENCES projects (id),
    version text NOT NULL,
    -- Position in the ecosystem's ordering (univers); recomputed on every import.
    ordinal integer NOT NULL DEFAULT 0,
    purl text NOT NULL,
    licence jsonb NOT NULL DEFAULT '{}',
    publish_time timestamptz,
    withdrawn boolean NOT NULL DEFAULT false,
    withdrawn_reason text NOT NULL DEFAULT '',
    signed boolean NOT NULL DEFAULT false,
    prerelease boolean NOT NULL DEFAULT false,
    dependencies jsonb NOT NULL DEFAULT '[]',
    source_sha256 bytea NOT NULL,
    PRIMARY KEY (project_id, version)
);
CREATE INDEX versions_order ON versions (project_id, ordinal DESC);
