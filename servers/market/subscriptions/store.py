"""Subscriptions, notifications, deliveries and the delivery log (migrations/0008_subscriptions.sql),
and the events staged for announcement (migrations/0009_announcements.sql)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime

import asyncpg

from jipan.servers.market.subscriptions.model import (
    Attempt,
    Delivery,
    DeliveryState,
    Event,
    EventKind,
    Notification,
    Subscription,
)
from jipan.servers.runtime.idempotency import Connection

CHANNEL = "market_notifications"
"""NOTIFY channel: the payload is the organisation that got a notification."""

_FEED_LOCK = int.from_bytes(hashlib.sha256(b"jipan.market.notifications").digest()[:8], "big", signed=True)
"""Held from a publishing transaction's first notification to its commit, so notifications commit in
the order of their seq: a watcher that has read seq N never misses a smaller one committed later."""

_SUB = "organization, id, project_id, events, webhook_uri, create_time"
_NOTE = "organization, id, seq, subscription_id, kind, subject, summary, create_time"
_DELIVERY = (
    "organization, subscription_id, id, notification_id, uri, body, state, attempts, last_status,"
    " next_attempt_time, create_time"
)

_DELIVERY_OF_D = ", ".join("d." + column.strip() for column in _DELIVERY.split(","))


def _subscription(row: asyncpg.Record) -> Subscription:
    return Subscription(
        organization=row["organization"],
        id=str(row["id"]),
        project_id=row["project_id"],
        events=tuple(EventKind(e) for e in row["events"]),
        webhook_uri=row["webhook_uri"],
        create_time=row["create_time"],
    )


def _notification(row: asyncpg.Record) -> Notification:
    return Notification(
        organization=row["organization"],
        id=str(row["id"]),
        seq=row["seq"],
        subscription_id=str(row["subscription_id"]),
        kind=EventKind(row["kind"]),
        subject=row["subject"],
        summary=row["summary"],
        create_time=row["create_time"],
    )


def _delivery(row: asyncpg.Record, log: tuple[Attempt, ...] = ()) -> Delivery:
    return Delivery(
        organization=row["organization"],
        subscription_id=str(row["subscription_id"]),
        id=str(row["id"]),
        notification_id=str(row["notification_id"]),
        uri=row["uri"],
        body=bytes(row["body"]),
        state=DeliveryState(row["state"]),
        attempts=row["attempts"],
        last_status=row["last_status"],
        next_attempt_time=row["next_attempt_time"],
        create_time=row["create_time"],
        log=log,
    )


class SubscriptionStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    # --- subscriptions ---------------------------------------------------------------------------

    async def insert(
        self,
        organization: str,
        subscription_id: str,
        project_id: str,
        events: Sequence[EventKind],
        uri: str,
        wrapped_secret: bytes,
    ) -> Subscription:
        row = await self.pool.fetchrow(
            "INSERT INTO market.subscriptions"  # noqa: S608
            " (organization, id, project_id, events, webhook_uri, webhook_secret_wrapped)"
            f" VALUES ($1, $2, $3, $4, $5, $6) RETURNING {_SUB}",
            organization,
            uuid.UUID(subscription_id),
            project_id,
            [e.value for e in events],
            uri,
            wrapped_secret,
        )
        assert row is not None
        return _subscription(row)

    async def get(self, organization: str, subscription_id: str) -> Subscription | None:
        row = await self.pool.fetchrow(
            f"SELECT {_SUB} FROM market.subscriptions WHERE organization = $1 AND id = $2",  # noqa: S608
            organization,
            uuid.UUID(subscription_id),
        )
        return None if row is None else _subscription(row)

    async def list_subscriptions(
        self, organization: str, after: int, limit: int
    ) -> list[tuple[int, Subscription]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_SUB} FROM market.subscriptions"  # noqa: S608
            " WHERE organization = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            organization,
            after,
            limit,
        )
        return [(row["seq"], _subscription(row)) for row in rows]

    async def delete(self, organization: str, subscription_id: str) -> bool:
        """Deletes the subscription; its pending deliveries end FAILED (their log stays)."""
        key = uuid.UUID(subscription_id)
        async with self.pool.acquire() as conn, conn.transaction():
            status = await conn.execute(
                "DELETE FROM market.subscriptions WHERE organization = $1 AND id = $2", organization, key
            )
            if not str(status).endswith(" 1"):
                return False
            await conn.execute(
                "UPDATE market.deliveries SET state = 'FAILED'"
                " WHERE organization = $1 AND subscription_id = $2 AND state = 'PENDING'",
                organization,
                key,
            )
        return True

    # --- events ----------------------------------------------------------------------------------

    async def stage(self, conn: Connection, events: Sequence[Event]) -> list[tuple[int, Event]]:
        """Stage events for announcement in the caller's transaction (the change that causes them):
        each is published later with `publish(staged=id)`, by the caller after its commit or by a
        sweep (`staged`) if the caller's process died first."""
        staged: list[tuple[int, Event]] = []
        for event in events:
            staged.append(
                (
                    await conn.fetchval(
                        "INSERT INTO market.announcements"
                        " (kind, project_id, subject, summary, detail, only_organization)"
                        " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                        event.kind.value,
                        event.project_id,
                        event.subject,
                        event.summary,
                        event.detail,
                        event.only_organization,
                    ),
                    event,
                )
            )
        return staged

    async def staged(self, older_than_s: float, limit: int, after: int = 0) -> list[tuple[int, Event]]:
        """Events staged at least `older_than_s` ago and not published yet, after the staged id
        `after`, oldest first."""
        rows = await self.pool.fetch(
            "SELECT id, kind, project_id, subject, summary, detail, only_organization"
            " FROM market.announcements WHERE id > $3 AND create_time <= now() - make_interval(secs => $1)"
            " ORDER BY id LIMIT $2",
            older_than_s,
            limit,
            after,
        )
        return [
            (
                row["id"],
                Event(
                    EventKind(row["kind"]),
                    row["project_id"],
                    row["subject"],
                    row["summary"],
                    only_organization=row["only_organization"],
                    detail=row["detail"],
                ),
            )
            for row in rows
        ]

    async def publish(
        self,
        event: Event,
        body_of: Callable[[Notification, str], bytes],
        *,
        announces: str = "",
        staged: int | None = None,
    ) -> tuple[list[Notification], int]:
        """A notification for each subscription that follows the event (once per subscription and
        event) and a pending delivery for each with a webhook; the organisations' watchers are woken
        through NOTIFY at commit. Returns the new notifications and how many deliveries were queued.

        `announces` names an advisory of the event's project recorded as announced in the same
        transaction (nothing is published when it was announced before): an announcement whose
        notifications failed is not recorded, and the next evaluation announces it again.
        `staged` names the event's staged row (`stage`), deleted in the same transaction: nothing
        is published when another publication took it first."""
        created: list[Notification] = []
        queued = 0
        async with self.pool.acquire() as conn, conn.transaction():
            if staged is not None and not await conn.fetchval(
                "DELETE FROM market.announcements WHERE id = $1 RETURNING true", staged
            ):
                return [], 0
            if announces and not await conn.fetchval(
                "INSERT INTO market.advisories_announced (project_id, advisory_id) VALUES ($1, $2)"
                " ON CONFLICT DO NOTHING RETURNING true",
                event.project_id,
                announces,
            ):
                return [], 0
            subscribers = await conn.fetch(
                "SELECT organization, id, webhook_uri FROM market.subscriptions"
                " WHERE project_id = $1 AND $2 = ANY(events) AND ($3 = '' OR organization = $3)",
                event.project_id,
                event.kind.value,
                event.only_organization,
            )
            if subscribers:
                # Before the first seq is drawn (identity's revocation feed does the same).
                await conn.execute("SELECT pg_advisory_xact_lock($1)", _FEED_LOCK)
            for subscriber in subscribers:
                row = await conn.fetchrow(
                    "INSERT INTO market.notifications"  # noqa: S608
                    " (organization, id, subscription_id, kind, subject, summary, event_key)"
                    " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (subscription_id, event_key) DO NOTHING"
                    f" RETURNING {_NOTE}",
                    subscriber["organization"],
                    uuid.uuid4(),
                    subscriber["id"],
                    event.kind.value,
                    event.subject,
                    event.summary,
                    event.key,
                )
                if row is None:
                    continue
                notification = _notification(row)
                created.append(notification)
                if subscriber["webhook_uri"]:
                    delivery_id = str(uuid.uuid4())
                    await conn.execute(
                        "INSERT INTO market.deliveries"
                        " (organization, subscription_id, id, notification_id, uri, body, state)"
                        " VALUES ($1, $2, $3, $4, $5, $6, 'PENDING')",
                        subscriber["organization"],
                        subscriber["id"],
                        uuid.UUID(delivery_id),
                        uuid.UUID(notification.id),
                        subscriber["webhook_uri"],
                        body_of(notification, delivery_id),
                    )
                    queued += 1
            for organization in sorted({n.organization for n in created}):
                await conn.execute("SELECT pg_notify($1, $2)", CHANNEL, organization)
        return created, queued

    async def unannounced_advisories(self, project_id: str, advisory_ids: Sequence[str]) -> list[str]:
        """The advisory ids not announced for the project yet (publish(announces=...) records them)."""
        rows = await self.pool.fetch(
            "SELECT a FROM unnest($2::text[]) AS a WHERE NOT EXISTS (SELECT 1 FROM"
            " market.advisories_announced WHERE project_id = $1 AND advisory_id = a)",
            project_id,
            list(advisory_ids),
        )
        return sorted(set(row["a"] for row in rows))

    # --- notifications ---------------------------------------------------------------------------

    async def list_notifications(
        self, organization: str, before: int | None, limit: int
    ) -> list[Notification]:
        rows = await self.pool.fetch(
            f"SELECT {_NOTE} FROM market.notifications"  # noqa: S608
            " WHERE organization = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
            organization,
            before,
            limit,
        )
        return [_notification(r) for r in rows]

    async def notifications_after(self, organization: str, after: int, limit: int) -> list[Notification]:
        rows = await self.pool.fetch(
            f"SELECT {_NOTE} FROM market.notifications"  # noqa: S608
            " WHERE organization = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            organization,
            after,
            limit,
        )
        return [_notification(r) for r in rows]

    async def notification_seq(self, organization: str, notification_id: str) -> int | None:
        value = await self.pool.fetchval(
            "SELECT seq FROM market.notifications WHERE organization = $1 AND id = $2",
            organization,
            uuid.UUID(notification_id),
        )
        return None if value is None else int(value)

    async def last_notification_seq(self) -> int:
        return int(await self.pool.fetchval("SELECT coalesce(max(seq), 0) FROM market.notifications"))

    # --- deliveries ------------------------------------------------------------------------------

    async def claim_due(self, limit: int, lease_s: float) -> list[tuple[Delivery, bytes]]:
        """Pending deliveries whose attempt is due, each with its subscription's wrapped secret,
        moved one lease ahead so no other worker takes them meanwhile."""
        rows = await self.pool.fetch(
            "UPDATE market.deliveries d SET next_attempt_time = now() + make_interval(secs => $2)"  # noqa: S608
            " FROM market.subscriptions s"
            " WHERE s.organization = d.organization AND s.id = d.subscription_id"
            " AND (d.organization, d.subscription_id, d.id) IN ("
            "   SELECT organization, subscription_id, id FROM market.deliveries"
            "   WHERE state = 'PENDING' AND next_attempt_time <= now()"
            "   ORDER BY next_attempt_time LIMIT $1 FOR UPDATE SKIP LOCKED)"
            f" RETURNING {_DELIVERY_OF_D}, s.webhook_secret_wrapped",
            limit,
            lease_s,
        )
        return [(_delivery(row), bytes(row["webhook_secret_wrapped"])) for row in rows]

    async def record_attempt(
        self,
        delivery: Delivery,
        attempt: Attempt,
        state: DeliveryState,
        next_attempt_time: datetime | None,
    ) -> None:
        key = (delivery.organization, uuid.UUID(delivery.subscription_id), uuid.UUID(delivery.id))
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "INSERT INTO market.delivery_attempts"
                " (delivery_id, number, status, error, attempt_time, duration_ms)"
                " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                key[2],
                attempt.number,
                attempt.status,
                attempt.error,
                attempt.attempt_time,
                attempt.duration_ms,
            )
            await conn.execute(
                "UPDATE market.deliveries SET attempts = $4, last_status = $5, state = $6,"
                " next_attempt_time = coalesce($7, next_attempt_time)"
                " WHERE organization = $1 AND subscription_id = $2 AND id = $3 AND state = 'PENDING'",
                *key,
                attempt.number,
                attempt.status,
                state.value,
                next_attempt_time,
            )

    async def list_deliveries(
        self, organization: str, subscription_id: str, before: int | None, limit: int
    ) -> list[tuple[int, Delivery]]:
        # One snapshot for both reads: an attempt committed between them would otherwise show
        # beside its delivery's state from before it (a 200 in the log of a PENDING delivery).
        async with self.pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
            rows = await conn.fetch(
                f"SELECT seq, {_DELIVERY} FROM market.deliveries"  # noqa: S608
                " WHERE organization = $1 AND subscription_id = $2 AND ($3::bigint IS NULL OR seq < $3)"
                " ORDER BY seq DESC LIMIT $4",
                organization,
                uuid.UUID(subscription_id),
                before,
                limit,
            )
            attempts = await conn.fetch(
                "SELECT delivery_id, number, status, error, attempt_time, duration_ms"
                " FROM market.delivery_attempts WHERE delivery_id = ANY($1::uuid[])"
                " ORDER BY delivery_id, number",
                [row["id"] for row in rows],
            )
        logs: dict[str, list[Attempt]] = {}
        for a in attempts:
            logs.setdefault(str(a["delivery_id"]), []).append(
                Attempt(a["number"], a["status"], a["error"], a["attempt_time"], a["duration_ms"])
            )
        return [(row["seq"], _delivery(row, tuple(logs.get(str(row["id"]), ())))) for row in rows]

    async def delivery_counts(self) -> dict[str, int]:
        """Deliveries by state (the bench's delivered ratio)."""
        rows = await self.pool.fetch("SELECT state, count(*) AS n FROM market.deliveries GROUP BY state")
        return {row["state"]: int(row["n"]) for row in rows}
