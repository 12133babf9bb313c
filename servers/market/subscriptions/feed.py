"""NotificationFeed: which organisations just got notifications, from any replica.

SubscriptionStore.publish sends `NOTIFY market_notifications, '<organization>'`
in the publishing transaction, so every replica's watchers hear of every
notification. One pooled connection LISTENs while at least one watcher is
subscribed; each watcher has a wake-up event and reads what is new from the
table itself, so a missed or merged NOTIFY loses nothing.

The LISTEN connection can die under the watchers (a database restart, a
failover, an idle-session kill). Its loss wakes every watcher, and a watcher
calls `reopen` whenever it wakes, so the first one to do so listens again;
watchers also wake on a timer (subscriptions.domain.WATCH_POLL_S) in case
reopening failed while the database was still down.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import structlog

from jipan.servers.market.subscriptions.store import CHANNEL

log = structlog.get_logger(__name__)


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

    def _wake_all(self) -> None:
        for events in self._watchers.values():
            for event in events:
                event.set()

    async def _listen(self) -> None:
        """Open the LISTEN connection (under the lock)."""
        conn = await self._pool.acquire()

        def lost(_: object, /) -> None:
            # The pool has already taken the dead connection back: only forget it here.
            if self._conn is conn:
                self._conn = None
                log.warning("notification feed lost its LISTEN connection")
                self._wake_all()

        try:
            await conn.add_listener(CHANNEL, self._on_notify)
            conn.add_termination_listener(lost)
        except BaseException:
            await self._pool.release(conn)
            raise
        self._conn = conn

    async def reopen(self) -> None:
        """LISTEN again if the connection was lost while watchers remain. A failure (the database
        still down) is logged: the watchers' timer brings them back to try again."""
        if self._conn is not None:
            return
        async with self._lock:
            if self._conn is not None or not self._watchers:
                return
            try:
                await self._listen()
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
                log.warning("notification feed cannot LISTEN again yet", error=repr(exc))

    @asynccontextmanager
    async def subscribe(self, organization: str) -> AsyncIterator[asyncio.Event]:
        """An event set whenever `organization` may have new notifications, until exit."""
        event = asyncio.Event()
        async with self._lock:
            if self._conn is None:
                await self._listen()
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
                        # A connection lost just now (its loss not yet heard) is detached from
                        # its proxy, which then answers InterfaceError: the pool has it back.
                        with contextlib.suppress(asyncpg.InterfaceError):
                            if not conn.is_closed():
                                await conn.remove_listener(CHANNEL, self._on_notify)
                    finally:
                        await self._pool.release(conn)
