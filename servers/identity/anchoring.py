"""Anchoring security events on the ledger (存證): each event's digest, its receipt kept beside it.

A background job in identity takes the events not yet anchored, oldest
first, submits their digests (events.py: SHA-256 over the fields a reader
sees) to the ledger's `AnchorDigests` through an injected callable, and
stores each returned receipt name on its event. The ledger batches digests
into Merkle trees, one chain transaction per batch, so every event gets its
own inclusion proof without a transaction of its own.

Safe with several replicas: the ledger returns the existing receipt for a
digest the same submitter already sent, so two replicas anchoring the same
event agree on its receipt. When the ledger cannot be reached the events stay
unanchored and the next run retries them. Only digests and a fixed `source`
tag travel: no names, kinds or details reach the ledger.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping, Sequence

import asyncpg
import structlog

from jipan.servers.identity.events import event_from_row

log = structlog.get_logger(__name__)

BATCH_SIZE = 500
"""Digests per AnchorDigests call (the contract allows 1000)."""
SOURCE_METADATA: Mapping[str, str] = {"source": "jipan.identity.security_event"}

AnchorDigests = Callable[[Sequence[tuple[bytes, Mapping[str, str]]]], Awaitable[Sequence[str]]]
"""Submits (digest, metadata) pairs to the ledger; returns one receipt name per pair, in order."""


class SecurityEventAnchoring:
    def __init__(
        self, pool: asyncpg.Pool, anchor: AnchorDigests, *, interval_s: float, batch_size: int = BATCH_SIZE
    ) -> None:
        self._pool = pool
        self._anchor = anchor
        self._interval_s = interval_s
        self._batch_size = batch_size
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def anchor_pending(self) -> int:
        """Anchor every event without a receipt; returns how many got one."""
        anchored = 0
        async with self._lock:
            while True:
                rows = await self._pool.fetch(
                    "SELECT * FROM identity.security_events WHERE anchor_receipt IS NULL"
                    " ORDER BY id LIMIT $1",
                    self._batch_size,
                )
                if not rows:
                    return anchored
                events = [event_from_row(row) for row in rows]
                receipts = await self._anchor([(event.digest, SOURCE_METADATA) for event in events])
                if len(receipts) != len(events):
                    raise RuntimeError(
                        f"the ledger returned {len(receipts)} receipts for {len(events)} digests"
                    )
                await self._pool.execute(
                    "UPDATE identity.security_events AS e SET anchor_receipt = u.receipt"
                    " FROM unnest($1::bigint[], $2::text[]) AS u (id, receipt) WHERE e.id = u.id",
                    [event.id for event in events],
                    list(receipts),
                )
                anchored += len(events)
                log.info("security events anchored", count=len(events), last_id=events[-1].id)
                if len(rows) < self._batch_size:
                    return anchored

    async def _run(self) -> None:
        while True:
            try:
                await self.anchor_pending()
            except Exception as exc:
                # The events stay unanchored; the next run retries them.
                log.warning(
                    "anchoring security events failed", error=type(exc).__name__, detail=str(exc)[:200]
                )
            await asyncio.sleep(self._interval_s)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="security-event-anchoring")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
