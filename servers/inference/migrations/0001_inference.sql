-- inference: the model registry. Owners are identity's organisations (the
-- token's `org`, "orgs/{id}"); a version's bytes live encrypted in the object
-- store (`object_key`), its digest is anchored on the ledger (`ledger_receipt`).

CREATE TABLE models (
    id text PRIMARY KEY,
    seq bigserial UNIQUE,
    owner text NOT NULL,
    display_name text NOT NULL DEFAULT '',
    card bytea NOT NULL,                      -- jipan.inference.v1.ModelCard, serialized
    visibility text NOT NULL CHECK (visibility IN ('PRIVATE', 'PUBLIC')),
    shared_with text[] NOT NULL DEFAULT '{}',
    builtin boolean NOT NULL DEFAULT false,
    evaluation_key text,                      -- object key of the encrypted .npz
    evaluation_samples integer NOT NULL DEFAULT 0,
    next_version integer NOT NULL DEFAULT 1,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE versions (
    model text NOT NULL REFERENCES models (id),
    version integer NOT NULL CHECK (version > 0),
    uploader text NOT NULL,
    format text NOT NULL CHECK (format IN ('ONNX', 'BUILTIN')),
    precision text NOT NULL CHECK (precision IN ('FP32', 'INT8')),
    size_bytes bigint NOT NULL,
    sha256 bytea NOT NULL CHECK (length(sha256) = 32),
    inputs jsonb NOT NULL,
    outputs jsonb NOT NULL,
    max_batch_size integer NOT NULL DEFAULT 0,
    builtin text NOT NULL DEFAULT '',
    source_version integer,
    compression jsonb,
    object_key text NOT NULL,
    key_id text NOT NULL DEFAULT '',
    card bytea NOT NULL,
    ledger_receipt text NOT NULL DEFAULT '',
    deployment_state text NOT NULL DEFAULT 'UNDEPLOYED'
        CHECK (deployment_state IN ('UNDEPLOYED', 'DEPLOYING', 'DEPLOYED', 'UNDEPLOYING', 'FAILED')),
    deployment_backend text NOT NULL DEFAULT '',
    serving_name text NOT NULL DEFAULT '',
    deploy_time timestamptz,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model, version)
);

CREATE TABLE operations (
    id uuid PRIMARY KEY,
    seq bigserial UNIQUE,
    kind text NOT NULL CHECK (kind IN ('COMPRESS', 'DEPLOY', 'UNDEPLOY')),
    model text NOT NULL REFERENCES models (id),
    version integer NOT NULL,
    requester text NOT NULL,
    requester_org text NOT NULL DEFAULT '',
    progress_percent integer NOT NULL DEFAULT 0,
    progress_message text NOT NULL DEFAULT '',
    done boolean NOT NULL DEFAULT false,
    error jsonb,
    result_version integer,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    end_time timestamptz
);

CREATE INDEX operations_by_org ON operations (requester_org, seq DESC);
