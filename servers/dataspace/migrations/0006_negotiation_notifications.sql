-- The outbox of NotifyNegotiation (issue 18): on the provider's side, one row
-- per negotiation whose consumer is on another mesh, holding the version (the
-- provider record's update_time) still to be told. A newer message replaces
-- the row's version (and restarts its backoff); a delivery is recorded only
-- for the version it carried, so an older delivery never marks a newer one.
-- The consumer's side mirrors views forward only (negotiations.peer_update_time),
-- so a repeated delivery changes nothing there.
CREATE TABLE negotiation_notifications (
    negotiation uuid PRIMARY KEY REFERENCES negotiations (id),
    peer text NOT NULL,
    provider text NOT NULL,
    version timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_time timestamptz NOT NULL DEFAULT now(),
    last_error text NOT NULL DEFAULT '',
    delivered_time timestamptz,
    create_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX negotiation_notifications_due ON negotiation_notifications (next_attempt_time)
    WHERE delivered_time IS NULL;
