-- Storage migration: a bucket copied between providers by a MIGRATE_BUCKET
-- operation (cloud.operations), with its durable per-object progress: a
-- resumed operation copies only the objects not yet recorded as copied.
-- (billing, built beside this in parallel, is 0005.)

CREATE TABLE migrations (
    owner text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    operation uuid NOT NULL,
    source_account text NOT NULL,
    source_bucket text NOT NULL,
    destination_account text NOT NULL,
    destination_bucket text NOT NULL,
    state text NOT NULL CHECK (state IN ('COPYING', 'VERIFYING', 'SUCCEEDED', 'FAILED')),
    listed boolean NOT NULL DEFAULT false,     -- every source object has its row below
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, id)
);

CREATE TABLE migration_objects (
    owner text NOT NULL,
    migration uuid NOT NULL,
    key text NOT NULL,
    size bigint NOT NULL,
    source_digest text NOT NULL,               -- as the source listed it (S3 ETag, Azure Content-MD5)
    state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'COPIED', 'VERIFIED')),
    md5 text,                                  -- MD5 of the bytes streamed from source to destination
    expected_digest text,                      -- what the destination must list for them
    PRIMARY KEY (owner, migration, key),
    FOREIGN KEY (owner, migration) REFERENCES migrations (owner, id) ON DELETE CASCADE
);
