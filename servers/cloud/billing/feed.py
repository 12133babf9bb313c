"""NotificationFeed: budget notifications as they are raised, on any replica.

The transaction that raises a notification sends `NOTIFY
cloud_budget_notifications, '{owner}\\t{seq}'` (store.raise_notification),
delivered on commit to every replica. One pooled connection LISTENs while at
least one stream is open; each stream has its own bounded queue and sees only
its organisation's notifications.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from jipan.servers.cloud.billing.store import NOTIFY_CHANNEL

OVERFLOW = -1
"""Put in a queue that is full: its stream fell behind and must end."""

QUEUE_SIZE = 1_000


class NotificationFeed:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self._queues: dict[asyncio.Queue[int], str] = {}
        self._conn: Any = None
        self._lock = asyncio.Lock()

    def _on_notify(self, conn: Any, pid: int, channel: str, payload: object, /) -> None:
        owner, _, seq = str(payload).partition("\t")
        for queue, watched in self._queues.items():
            if watched != owner or queue.full():
                continue
            queue.put_nowait(OVERFLOW if queue.qsize() == QUEUE_SIZE - 1 else int(seq))

    @asynccontextmanager
    async def subscribe(self, owner: str) -> AsyncIterator[asyncio.Queue[int]]:
        """A queue of the organisation's new notification seqs, from the moment this returns until exit."""
        queue: asyncio.Queue[int] = asyncio.Queue(QUEUE_SIZE)
        async with self._lock:
            if self._conn is None:
                conn = await self._pool.acquire()
                try:
                    await conn.add_listener(NOTIFY_CHANNEL, self._on_notify)
                except BaseException:
                    await self._pool.release(conn)
                    raise
                self._conn = conn
            self._queues[queue] = owner
        try:
            yield queue
        finally:
            async with self._lock:
                self._queues.pop(queue, None)
                if not self._queues and self._conn is not None:
                    conn, self._conn = self._conn, None
                    try:
                        if not conn.is_closed():
                            await conn.remove_listener(NOTIFY_CHANNEL, self._on_notify)
                    finally:
                        await self._pool.release(conn)
