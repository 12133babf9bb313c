-- privacy: long-running operations (AIP-151) of organisations, named
-- "orgs/{org}/operations/{id}"; AnonymiseDataset is the first kind. An
-- operation ends once: with `result` (the Anonymisation as jsonb) or with
-- `error` (the google.rpc.Status it would have returned: code, message,
-- reason, domain, metadata).

CREATE TABLE operations (
    id uuid PRIMARY KEY,
    owner text NOT NULL,
    kind text NOT NULL,
    target text NOT NULL,                     -- the dataset it works on
    requester text NOT NULL,
    progress_percent integer NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    progress_message text NOT NULL DEFAULT '',
    done boolean NOT NULL DEFAULT false,
    error jsonb,
    result jsonb,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    end_time timestamptz,
    CHECK (done = (end_time IS NOT NULL)),
    CHECK (NOT (error IS NOT NULL AND result IS NOT NULL))
);

CREATE INDEX operations_unfinished ON operations (create_time) WHERE NOT done;
