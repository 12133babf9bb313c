"""ConfirmationFeed: which batches just got CONFIRMED, from any replica.

The batcher that confirms a batch sends `NOTIFY ledger_confirmations, '<id>'`
in the confirming transaction (store.confirm_batch), so every replica hears
about every confirmation, whichever replica anchored it. One pooled
connection LISTENs while at least one watcher is subscribed; each watcher
has its own bounded queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

CHANNEL = "ledger_confirmations"
"""Also written in store.confirm_batch's SQL."""

OVERFLOW = -1
"""Put in a queue that is full: its watcher fell behind and must stop."""

QUEUE_SIZE = 10_000


class ConfirmationFeed:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self._queues: set[asyncio.Queue[int]] = set()
        self._conn: Any = None
        self._lock = asyncio.Lock()

    def _on_notify(self, conn: Any, pid: int, channel: str, payload: object, /) -> None:
        batch_id = int(str(payload))
        for queue in self._queues:
            if queue.full():
                continue
            queue.put_nowait(OVERFLOW if queue.qsize() == QUEUE_SIZE - 1 else batch_id)

    @asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[int]]:
        """A queue of confirmed batch ids, from the moment this returns until exit."""
        queue: asyncio.Queue[int] = asyncio.Queue(QUEUE_SIZE)
        async with self._lock:
            if self._conn is None:
                conn = await self._pool.acquire()
                try:
                    await conn.add_listener(CHANNEL, self._on_notify)
                except BaseException:
                    await self._pool.release(conn)
                    raise
                self._conn = conn
            self._queues.add(queue)
        try:
            yield queue
        finally:
            async with self._lock:
                self._queues.discard(queue)
                if not self._queues and self._conn is not None:
                    conn, self._conn = self._conn, None
                    try:
                        if not conn.is_closed():
                            await conn.remove_listener(CHANNEL, self._on_notify)
                    finally:
                        await self._pool.release(conn)
