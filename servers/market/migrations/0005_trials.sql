-- One-click trials. A template pins one instance offering of the cloud broker's
-- trial organisation (its size and hourly price as seen when it was published);
-- a trial is one agency's run of it, provisioned by the broker as a deployment
-- with an expire_time. The broker owns the machine's lifecycle; these rows keep
-- what market shows and what it must still ask the broker to do.

CREATE TABLE trial_templates (
    project_id text NOT NULL REFERENCES projects (id),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    publisher text NOT NULL,
    offering text NOT NULL,
    provider text NOT NULL,
    region text NOT NULL,
    vcpu integer NOT NULL,
    memory_gib double precision NOT NULL,
    gpu_count integer NOT NULL,
    image text NOT NULL,
    ports integer[] NOT NULL DEFAULT '{}',
    max_hours integer NOT NULL CHECK (max_hours BETWEEN 1 AND 720),
    budget_currency text NOT NULL,
    budget_minor bigint NOT NULL CHECK (budget_minor > 0),
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, id)
);

CREATE TABLE trials (
    organization text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    project_id text NOT NULL,
    template_id uuid NOT NULL,
    creator text NOT NULL,
    hours integer NOT NULL CHECK (hours BETWEEN 1 AND 720),
    state text NOT NULL CHECK (state IN ('PROVISIONING', 'RUNNING', 'ENDING', 'ENDED', 'FAILED')),
    estimated_cost_minor bigint NOT NULL,
    currency text NOT NULL,
    placement text NOT NULL DEFAULT '',
    operation text NOT NULL DEFAULT '',
    deployment text NOT NULL DEFAULT '',
    endpoint text NOT NULL DEFAULT '',
    problem text NOT NULL DEFAULT '',
    -- EndTrial was called (or the broker refused a teardown while still creating):
    -- each refresh asks the broker again until it is tearing down.
    end_requested boolean NOT NULL DEFAULT false,
    expire_time timestamptz NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, id),
    FOREIGN KEY (project_id, template_id) REFERENCES trial_templates (project_id, id)
);

CREATE INDEX trials_open ON trials (organization, seq) WHERE state IN ('PROVISIONING', 'RUNNING', 'ENDING');
