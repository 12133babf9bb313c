"""NotificationFeed: which organisations just got notifications, from any replica.

SubscriptionStore.publish sends `NOTIFY market_notifications, '<organization>'`
in the publishing transaction, so every replica's watchers hear of every
notification. One pooled connection LISTENs while at least one watcher is
subscribed; each watcher has a wake-up event and reads what is new from the
table itself, so a missed or merged NOTIFY loses nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from jipan.servers.market.subscriptions.store import CHANNEL


class NotificationFeed:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self._watchers: dict[str, set[asyncio.Event]] = {}
        self._conn: Any = None
        self._lock = asyncio.Lock()

    def _on_notify(self, conn: Any, pid: int, channel: str, payload: object, /) -> None:
        self.wake(str(payload))

    def wake(self, organization: str) -> None:
        for event in self._watchers.get(organization, ()):
            event.set()

    @asynccontextmanager
    async def subscribe(self, organization: str) -> AsyncIterator[asyncio.Event]:
        """An event set whenever `organization` may have new notifications, until exit."""
        event = asyncio.Event()
        async with self._lock:
            if self._conn is None:
                conn = await self._pool.acquire()
                try:
                    await conn.add_listener(CHANNEL, self._on_notify)
                except BaseException:
                    await self._pool.release(conn)
                    raise
                self._conn = conn
            self._watchers.setdefault(organization, set()).add(event)
        try:
            yield event
        finally:
            async with self._lock:
                watchers = self._watchers.get(organization, set())
                watchers.discard(event)
                if not watchers:
                    self._watchers.pop(organization, None)
                if not self._watchers and self._conn is not None:
                    conn, self._conn = self._conn, None
                    try:
                        if not conn.is_closed():
                            await conn.remove_listener(CHANNEL, self._on_notify)
                    finally:
                        await self._pool.release(conn)
