-- Events waiting to be announced to their subscribers (an outbox). The change that
-- causes an event (a version imported, an answer given) stages it in its own
-- transaction; publishing deletes it in the transaction that makes its notifications.
-- A process that dies between the two leaves the row, and any replica's sweep
-- publishes it (notifications are unique per subscription and event, so a second
-- publication adds nothing).
CREATE TABLE announcements (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('NEW_VERSION', 'NEW_ADVISORY', 'NEW_ANSWER')),
    project_id text NOT NULL,
    subject text NOT NULL,
    summary text NOT NULL,
    detail text NOT NULL DEFAULT '',
    only_organization text NOT NULL DEFAULT '',
    create_time timestamptz NOT NULL DEFAULT now()
);
