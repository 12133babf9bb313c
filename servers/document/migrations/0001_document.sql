-- document: text extractions running in the background (AIP-151). The
-- content itself is never stored: it is held by the process that runs the
-- operation, and the row records progress and, once done, the text read or
-- the error. An unfinished row whose update_time is old (its process died)
-- is failed by whoever reads it.

CREATE TABLE operations (
    id text PRIMARY KEY,
    requester text NOT NULL,
    requester_org text NOT NULL DEFAULT '',
    pages_done integer NOT NULL DEFAULT 0,
    pages_total integer NOT NULL CHECK (pages_total > 0),
    done boolean NOT NULL DEFAULT false,
    result jsonb,                             -- {"pages": [...], "models": [...]}
    error jsonb,                              -- {"code", "message", "reason", "domain", "metadata"}
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    end_time timestamptz,
    CHECK (pages_done >= 0 AND pages_done <= pages_total),
    CHECK (done = (end_time IS NOT NULL)),
    CHECK (NOT (result IS NOT NULL AND error IS NOT NULL))
);

CREATE INDEX operations_unfinished ON operations (update_time) WHERE NOT done;
