"""Objects of replaced uploads, deleted once no transfer can still read them.

Every upload gets a new object key, so a transfer in flight keeps reading the
data it started with; the key the upload replaced (or a removed
distribution's) is retired here. `sweep` deletes each retired object no live
transfer (REQUESTED, STARTED, SUSPENDED) names; it runs after each upload and
after each transfer that ends. A transaction-scoped advisory lock on the key
orders a sweep against a transfer being started on that key
(`Transfers.request` calls `check_current` in its transaction), so an object
is never deleted under a transfer that has just started, and a transfer
never starts on an object already retired (ABORTED, retry: it then reads
the new data).
"""

from __future__ import annotations

from collections.abc import Iterable

import asyncpg
import structlog

from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.runtime.errors import Aborted
from jipan.servers.runtime.idempotency import Connection
from jipan.servers.runtime.objectstore import ObjectStore

log = structlog.get_logger(__name__)

SWEEP_BATCH = 500
_LIVE = "('REQUESTED', 'STARTED', 'SUSPENDED')"


async def _lock(conn: Connection, key: str) -> None:
    await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended('dataspace-object:' || $1, 0))", key)


class RetiredObjects:
    def __init__(self, pool: asyncpg.Pool, objects: ObjectStore) -> None:
        self.pool = pool
        self.objects = objects

    async def retire(self, keys: Iterable[str]) -> int:
        """Retire `keys` (empty ones skipped), then sweep; how many objects the sweep deleted."""
        await self.mark(self.pool, keys)
        return await self.sweep()

    @staticmethod
    async def mark(conn: Connection | asyncpg.Pool, keys: Iterable[str]) -> None:
        """Retire `keys` (empty ones skipped) without sweeping: in the transaction that stops naming
        them, so a key replaced is retired exactly when the replacement commits (a sweep deletes it)."""
        wanted = sorted({key for key in keys if key})
        if wanted:
            await conn.execute(
                "INSERT INTO dataspace.retired_objects (object_key) SELECT unnest($1::text[])"
                " ON CONFLICT (object_key) DO NOTHING",
                wanted,
            )

    async def sweep(self) -> int:
        """Delete every retired object that no live transfer names; how many were deleted."""
        pending = await self.pool.fetch(
            "SELECT object_key FROM dataspace.retired_objects WHERE delete_time IS NULL"
            " ORDER BY retire_time LIMIT $1",
            SWEEP_BATCH,
        )
        deleted = 0
        for row in pending:
            key = row["object_key"]
            async with self.pool.acquire() as conn, conn.transaction():
                await _lock(conn, key)
                busy = await conn.fetchval(
                    f"SELECT EXISTS (SELECT 1 FROM dataspace.transfers WHERE object_key = $1"  # noqa: S608
                    f" AND state IN {_LIVE})",
                    key,
                )
                if busy:
                    continue
                marked = await conn.execute(
                    "UPDATE dataspace.retired_objects SET delete_time = now()"
                    " WHERE object_key = $1 AND delete_time IS NULL",
                    key,
                )
                if marked.endswith(" 0"):
                    continue  # another replica's sweep took it
                # Inside the transaction: a failed delete leaves the row pending for the next sweep.
                await self.objects.delete(key)
                deleted += 1
        if deleted:
            log.info("replaced uploads deleted", objects=deleted)
        return deleted

    @staticmethod
    async def check_current(conn: Connection, key: str) -> None:
        """In the transaction that starts a transfer on `key`: hold the key's lock until commit and
        refuse a key already retired."""
        await _lock(conn, key)
        retired = await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM dataspace.retired_objects WHERE object_key = $1)", key
        )
        if retired:
            raise Aborted(
                "ETAG_MISMATCH",
                "the distribution's data were replaced while the transfer was being requested; retry",
                domain=DOMAIN,
            )
