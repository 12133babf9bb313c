-- Q&A per project. Authors are shown by organisation; the asking person's
-- subject is kept only to let them (and no one else) accept an answer.

CREATE TABLE questions (
    project_id text NOT NULL REFERENCES projects (id),
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    author_org text NOT NULL,
    author_subject text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    accepted_answer uuid,
    hidden boolean NOT NULL DEFAULT false,
    hidden_reason text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, id)
);

CREATE TABLE answers (
    project_id text NOT NULL,
    question_id uuid NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    author_org text NOT NULL,
    author_subject text NOT NULL,
    body text NOT NULL,
    score integer NOT NULL DEFAULT 0,
    hidden boolean NOT NULL DEFAULT false,
    hidden_reason text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, question_id, id),
    FOREIGN KEY (project_id, question_id) REFERENCES questions (project_id, id)
);

-- One vote per person per answer; an answer's score is the sum, kept in step in the same transaction.
CREATE TABLE votes (
    project_id text NOT NULL,
    question_id uuid NOT NULL,
    answer_id uuid NOT NULL,
    voter text NOT NULL,
    vote smallint NOT NULL CHECK (vote IN (-1, 1)),
    PRIMARY KEY (project_id, question_id, answer_id, voter),
    FOREIGN KEY (project_id, question_id, answer_id) REFERENCES answers (project_id, question_id, id)
);

CREATE TABLE reports (
    seq bigserial PRIMARY KEY,
    target text NOT NULL,
    reporter text NOT NULL,
    reporter_org text NOT NULL,
    reason text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now()
);
