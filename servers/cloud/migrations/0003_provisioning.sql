-- Provisioning: deployments made from a placement's plans, the resources
-- they made at providers, the long-running operations (AIP-151) that drive
-- them as a durable state machine, and the audit trail of every step.

CREATE TABLE deployments (
    owner text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    placement text NOT NULL,
    plan_rank integer NOT NULL DEFAULT 1,
    accounts jsonb NOT NULL,                   -- {"aws": "orgs/x/accounts/y", ...}
    images jsonb NOT NULL,                     -- {"aws": "ami-...", ...}
    buckets text[] NOT NULL DEFAULT '{}',
    state text NOT NULL CHECK (state IN ('CREATING', 'RUNNING', 'STOPPED', 'DELETING', 'DELETED', 'FAILED')),
    expire_time timestamptz,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id)
);

CREATE INDEX deployments_expiry ON deployments (expire_time) WHERE state = 'RUNNING';

CREATE TABLE deployment_resources (
    owner text NOT NULL,
    deployment uuid NOT NULL,
    workload text NOT NULL,                    -- a workload id, or "bucket:{name}"
    account text NOT NULL,
    resource_id text NOT NULL,
    region text NOT NULL,
    provider_state text NOT NULL DEFAULT '',
    plan_rank integer NOT NULL,
    PRIMARY KEY (owner, deployment, workload),
    FOREIGN KEY (owner, deployment) REFERENCES deployments (owner, id) ON DELETE CASCADE
);

CREATE TABLE operations (
    owner text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    kind text NOT NULL,
    target text NOT NULL,                      -- the deployment's name
    requester text NOT NULL,
    step text NOT NULL DEFAULT 'queued',
    done boolean NOT NULL DEFAULT false,
    error jsonb,                               -- {"code", "reason", "message", "metadata"} once failed
    lease_until timestamptz,                   -- a runner holds it until then; an expired lease is resumed
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    end_time timestamptz,
    PRIMARY KEY (owner, id)
);

CREATE INDEX operations_pending ON operations (create_time) WHERE NOT done;

CREATE TABLE audit_entries (
    owner text NOT NULL,
    target text NOT NULL,
    sequence bigserial,
    action text NOT NULL,
    actor text NOT NULL,
    details jsonb NOT NULL DEFAULT '{}',
    time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, target, sequence)
);
