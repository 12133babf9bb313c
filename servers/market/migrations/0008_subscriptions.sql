-- Subscriptions, the notifications they produce, and webhook deliveries with
-- every attempt (the delivery log). All rows are one organisation's.

CREATE TABLE subscriptions (
    organization text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    project_id text NOT NULL REFERENCES projects (id),
    events text[] NOT NULL,
    webhook_uri text NOT NULL DEFAULT '',
    -- The HMAC key (shown to the subscriber once), wrapped by the KEK of
    -- servers/runtime/key_wrapping.py bound to the subscription's name; empty: no webhook.
    webhook_secret_wrapped bytea NOT NULL DEFAULT ''::bytea,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, id)
);
CREATE INDEX subscriptions_by_project ON subscriptions (project_id);

CREATE TABLE notifications (
    organization text NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    subscription_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('NEW_VERSION', 'NEW_ADVISORY', 'NEW_ANSWER')),
    subject text NOT NULL,
    summary text NOT NULL,
    -- What the event is (kind + subject): one notification per subscription and event.
    event_key text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, id),
    UNIQUE (subscription_id, event_key)
);
CREATE INDEX notifications_by_org ON notifications (organization, seq);

CREATE TABLE deliveries (
    organization text NOT NULL,
    subscription_id uuid NOT NULL,
    id uuid NOT NULL,
    seq bigserial UNIQUE,
    notification_id uuid NOT NULL,
    uri text NOT NULL,
    body bytea NOT NULL,
    state text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts integer NOT NULL DEFAULT 0,
    last_status integer NOT NULL DEFAULT 0,
    -- Due time of the next attempt; a worker taking the delivery moves it one lease ahead,
    -- so a worker that dies mid-attempt leaves it due again when the lease ends.
    next_attempt_time timestamptz NOT NULL DEFAULT now(),
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, subscription_id, id)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_time) WHERE state = 'PENDING';
CREATE INDEX deliveries_by_subscription ON deliveries (organization, subscription_id, seq);

CREATE TABLE delivery_attempts (
    delivery_id uuid NOT NULL,
    number integer NOT NULL,
    status integer NOT NULL,
    error text NOT NULL DEFAULT '',
    attempt_time timestamptz NOT NULL,
    duration_ms integer NOT NULL,
    PRIMARY KEY (delivery_id, number)
);

-- Advisories already announced per project, so each is "new" once.
CREATE TABLE advisories_announced (
    project_id text NOT NULL,
    advisory_id text NOT NULL,
    PRIMARY KEY (project_id, advisory_id)
);
