-- factcheck: fact-checks of organisations ("orgs/{id}"), the review queue of
-- incoming claims with the AI suggestion and the reviewer's decision, the
-- matching threshold in force, and source credibility records.
--
-- `change_seq` orders every change to a fact-check: each server process keeps
-- its in-memory matching index current by reading the rows whose `seq` is past
-- the last it applied. `vector` keeps the claim's embedding (float32 rows) so
-- that a restart does not embed the whole base again.

CREATE SEQUENCE change_seq;

CREATE TABLE fact_checks (
    owner text NOT NULL,
    id text NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('change_seq'),
    ordinal bigserial UNIQUE,                      -- creation order, for listing
    claim text NOT NULL,
    title text NOT NULL DEFAULT '',
    verdict text NOT NULL,
    rating_text text NOT NULL DEFAULT '',
    explanation text NOT NULL DEFAULT '',
    evidence jsonb NOT NULL DEFAULT '[]',          -- [{"uri", "title"}]
    language text NOT NULL,
    publisher_display_name text NOT NULL DEFAULT '',
    uri text NOT NULL DEFAULT '',
    claim_author text NOT NULL DEFAULT '',
    claim_appearances jsonb NOT NULL DEFAULT '[]', -- [uri]
    claim_time timestamptz,
    state text NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED')),
    import_source text NOT NULL DEFAULT '',
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    publish_time timestamptz,
    digest bytea CHECK (digest IS NULL OR length(digest) = 32),
    ledger_receipt text,
    vector bytea,                                  -- embedding of title + claim; NULL until embedded
    vector_text_sha256 bytea,                      -- which text `vector` embeds
    PRIMARY KEY (owner, id)
);
CREATE UNIQUE INDEX fact_checks_seq ON fact_checks (seq);
CREATE UNIQUE INDEX fact_checks_import ON fact_checks (owner, import_source) WHERE import_source <> '';
CREATE INDEX fact_checks_published ON fact_checks (ordinal) WHERE state = 'PUBLISHED';

CREATE TABLE review_tasks (
    owner text NOT NULL,
    id text NOT NULL,
    seq bigserial UNIQUE,
    claim text NOT NULL,
    language text NOT NULL DEFAULT '',
    state text NOT NULL CHECK (state IN ('OPEN', 'DECIDED')),
    suggestion jsonb NOT NULL,                     -- {"matches": [{fact_check, score, lexical, dense}], "no_match", "threshold"}
    outcome text,                                  -- MATCH_CONFIRMED | MATCHES_REJECTED | NEW_FACT_CHECK
    decided_fact_check text NOT NULL DEFAULT '',
    note text NOT NULL DEFAULT '',
    reviewer text NOT NULL DEFAULT '',
    decide_time timestamptz,
    disagreement boolean NOT NULL DEFAULT false,
    submitter text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    digest bytea CHECK (digest IS NULL OR length(digest) = 32),
    ledger_receipt text,
    PRIMARY KEY (owner, id),
    CHECK ((state = 'DECIDED') = (outcome IS NOT NULL))
);

-- One labelled suggestion per row, written with the decision: the threshold
-- fit reads these, never the tasks' JSON.
CREATE TABLE review_labels (
    owner text NOT NULL,
    task text NOT NULL,
    fact_check text NOT NULL,
    score double precision NOT NULL,
    confirmed boolean NOT NULL,
    PRIMARY KEY (owner, task, fact_check),
    FOREIGN KEY (owner, task) REFERENCES review_tasks (owner, id)
);

-- The threshold in force (at most one row) and every fit that set it.
CREATE TABLE threshold_fits (
    seq bigserial PRIMARY KEY,
    threshold_before double precision NOT NULL,
    threshold_after double precision NOT NULL,
    precision_before double precision NOT NULL,
    recall_before double precision NOT NULL,
    precision_after double precision NOT NULL,
    recall_after double precision NOT NULL,
    decisions integer NOT NULL,
    fitter text NOT NULL,
    fit_time timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sources (
    owner text NOT NULL,
    id text NOT NULL,
    seq bigserial UNIQUE,
    target text NOT NULL,
    normalized_target text NOT NULL,
    domain_wide boolean NOT NULL,
    credibility text NOT NULL,
    evidence text NOT NULL DEFAULT '',
    evidence_links jsonb NOT NULL DEFAULT '[]',
    assessed_by text NOT NULL,
    assess_time timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id),
    UNIQUE (owner, normalized_target)
);
CREATE INDEX sources_published ON sources (normalized_target) WHERE status = 'PUBLISHED';
