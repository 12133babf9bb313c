"""The outbox of NotifyNegotiation: the provider mesh's messages, told to the consumer's mesh until
it has heard them.

After a provider message on a negotiation whose consumer is on another mesh,
the connector (federated.py) records the negotiation's new version (its
update_time) here, then tries to tell the consumer's mesh at once. What was
not delivered is retried by a background loop with exponential backoff and
equal jitter (JIPAN_DATASPACE_NOTIFY_BACKOFF_S doubling up to
JIPAN_DATASPACE_NOTIFY_BACKOFF_MAX_S), until it is delivered or a newer
version replaces it; each attempt sends the negotiation's record as it is
then, and the consumer's side takes a view only if it is newer than the one
it holds, so retries are idempotent.

A delivery is sent with a token of the provider organisation: the consumer's
mesh approved that organisation for NotifyNegotiation, and its federation
exchanges that token. No credential is stored: the connector keeps in memory
the latest token each provider organisation called with, and retries while
one is valid. A row due when no such token is at hand (after a restart, or
once the tokens expired) waits, backing off, for the organisation's next
call; meanwhile the consumer's side still syncs whenever its consumer reads
or sends (federated.py), so nothing waits on the outbox alone.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg


@dataclass(frozen=True)
class PendingNotification:
    negotiation: uuid.UUID
    peer: str
    """The consumer's mesh, by its id in JIPAN_DATASPACE_PEERS."""
    provider: str
    """The provider organisation whose token delivers it."""
    version: datetime
    attempts: int


@dataclass(frozen=True)
class Backoff:
    base_s: float
    max_s: float

    def delay_s(self, attempts: int, rng: random.Random) -> float:
        """After attempt n (n ≥ 1): d = min(max, base · 2^(n-1)), waited d/2 + uniform(0, d/2)."""
        step = min(self.max_s, self.base_s * 2.0 ** max(0, attempts - 1))
        return step / 2 + rng.uniform(0, step / 2)


_COLUMNS = "negotiation, peer, provider, version, attempts"
NO_TOKEN = "no token of the provider organisation in this process"  # noqa: S105 - a reason, not a secret


def _pending(row: asyncpg.Record) -> PendingNotification:
    return PendingNotification(
        negotiation=row["negotiation"],
        peer=row["peer"],
        provider=row["provider"],
        version=row["version"],
        attempts=row["attempts"],
    )


class NotificationStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def enqueue(
        self, negotiation: uuid.UUID, peer: str, provider: str, version: datetime, *, hold_s: float = 0.0
    ) -> None:
        """Record `version` as still to be told (an older pending version is replaced by it).

        `hold_s`: the caller delivers it at once itself, so the retries (of any replica) leave
        it alone that long; the caller's delivered() or failed() settles it before then.
        """
        await self.pool.execute(
            "INSERT INTO dataspace.negotiation_notifications"
            " (negotiation, peer, provider, version, next_attempt_time)"
            " VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))"
            " ON CONFLICT (negotiation) DO UPDATE SET peer = EXCLUDED.peer, provider = EXCLUDED.provider,"
            " version = EXCLUDED.version, attempts = 0, next_attempt_time = EXCLUDED.next_attempt_time,"
            " last_error = '', delivered_time = NULL"
            " WHERE negotiation_notifications.version < EXCLUDED.version",
            negotiation,
            peer,
            provider,
            version,
            hold_s,
        )

    async def claim_due(self, limit: int, lease_s: float) -> list[PendingNotification]:
        """Undelivered rows whose attempt is due, moved one lease ahead so that no other replica
        takes them meanwhile."""
        rows = await self.pool.fetch(
            "UPDATE dataspace.negotiation_notifications SET next_attempt_time = now()"  # noqa: S608
            " + make_interval(secs => $2)"
            " WHERE negotiation IN ("
            "   SELECT negotiation FROM dataspace.negotiation_notifications"
            "   WHERE delivered_time IS NULL AND next_attempt_time <= now()"
            "   ORDER BY next_attempt_time LIMIT $1 FOR UPDATE SKIP LOCKED)"
            f" RETURNING {_COLUMNS}",
            limit,
            lease_s,
        )
        return [_pending(row) for row in rows]

    async def delivered(self, negotiation: uuid.UUID, version: datetime) -> None:
        await self.pool.execute(
            "UPDATE dataspace.negotiation_notifications SET delivered_time = now(), last_error = ''"
            " WHERE negotiation = $1 AND version = $2 AND delivered_time IS NULL",
            negotiation,
            version,
        )

    async def failed(self, negotiation: uuid.UUID, version: datetime, delay_s: float, error: str) -> int:
        """One more attempt that did not deliver `version`; the attempts made so far (0 when a newer
        version replaced it meanwhile)."""
        attempts = await self.pool.fetchval(
            "UPDATE dataspace.negotiation_notifications SET attempts = attempts + 1,"
            " next_attempt_time = now() + make_interval(secs => $3), last_error = $4"
            " WHERE negotiation = $1 AND version = $2 AND delivered_time IS NULL RETURNING attempts",
            negotiation,
            version,
            delay_s,
            error[:500],
        )
        return int(attempts or 0)

    async def postpone(self, negotiation: uuid.UUID, version: datetime, delay_s: float, error: str) -> None:
        """Not attempted (no token of the provider organisation at hand): due again after `delay_s`."""
        await self.pool.execute(
            "UPDATE dataspace.negotiation_notifications SET"
            " next_attempt_time = now() + make_interval(secs => $3), last_error = $4"
            " WHERE negotiation = $1 AND version = $2 AND delivered_time IS NULL",
            negotiation,
            version,
            delay_s,
            error[:500],
        )

    async def wake(self, provider: str) -> None:
        """A token of `provider` is at hand again: its rows that waited for one are due now."""
        await self.pool.execute(
            "UPDATE dataspace.negotiation_notifications SET next_attempt_time = now()"
            " WHERE provider = $1 AND delivered_time IS NULL AND last_error = $2",
            provider,
            NO_TOKEN,
        )
