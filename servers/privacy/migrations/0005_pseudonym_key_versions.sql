-- privacy: pseudonym key rotation. Version 1 of a dataset's key stays in
-- datasets.pseudonym_key (wrapped under {"dataset", "purpose"}); each
-- rotation adds a row here, version 2 and up, wrapped under the same context
-- plus {"version": "N"}, so a version's key cannot be passed off as
-- another's. Old versions are kept for LinkPseudonyms only; pseudonyms are
-- always made under the newest. A rotation's request_id makes a retry return
-- the version it made.

CREATE TABLE pseudonym_keys (
    owner text NOT NULL,
    dataset_id text NOT NULL,
    version integer NOT NULL CHECK (version >= 2),
    wrapped bytea NOT NULL,
    request_id uuid NOT NULL,
    creator text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, dataset_id, version),
    UNIQUE (owner, dataset_id, request_id),
    FOREIGN KEY (owner, dataset_id) REFERENCES datasets (owner, id) ON DELETE CASCADE
);
