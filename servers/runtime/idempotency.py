"""Idempotent writes by `request_id` (AIP-155), shared by every service.

A write that carries a `request_id` runs inside the service's own transaction
together with a row in `jipan_runtime.request_ids`:

    async with pool.acquire() as conn, conn.transaction():
        first = await request_ids.claim(conn, scope, request_id, request_bytes)
        if first is not None:
            return Response.FromString(first)          # a replay
        response = ...do the write with conn...
        await request_ids.record(conn, scope, request_id, response.SerializeToString())

`claim` inserts the key before the work, so a concurrent duplicate blocks on the
primary key until the first transaction ends: if it committed, the duplicate
gets the stored response; if it rolled back, the duplicate does the work. The
same key with a different request body is INVALID_ARGUMENT REQUEST_ID_REUSED.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from pathlib import Path

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from jipan.servers.runtime.errors import InvalidArgument

SCHEMA = "jipan_runtime"  # written literally in the SQL below
MIGRATIONS = Path(__file__).with_name("migrations")

# A bare connection or one checked out of a pool.
Connection = asyncpg.Connection | PoolConnectionProxy

# Written by `claim` and replaced by `record` in the same transaction; nobody
# outside the transaction ever sees it.
_PENDING = b""


def _request_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as exc:
        raise InvalidArgument(
            "FIELD_INVALID", "request_id must be a UUID", metadata={"field": "request_id"}
        ) from exc


def scope_for(method: str, subject: str) -> str:
    """Keys are per caller and per method: two callers never share a key space."""
    return f"{method}|{subject}"


class RequestIds:
    """The `request_ids` table: claim a key, record the response, replay it."""

    async def claim(self, conn: Connection, scope: str, request_id: str, request: bytes) -> bytes | None:
        """None when this call does the work; the first response when it is a replay.

        Must run inside the transaction that does the write.
        """
        key = _request_id(request_id)
        fingerprint = hashlib.sha256(request).digest()
        inserted = await conn.fetchval(
            "INSERT INTO jipan_runtime.request_ids (scope, request_id, fingerprint, response)"
            " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING true",
            scope,
            key,
            fingerprint,
            _PENDING,
        )
        if inserted:
            return None
        row = await conn.fetchrow(
            "SELECT fingerprint, response FROM jipan_runtime.request_ids"
            " WHERE scope = $1 AND request_id = $2",
            scope,
            key,
        )
        if row is None:  # the first writer rolled back between our insert and select
            return await self.claim(conn, scope, request_id, request)
        if bytes(row["fingerprint"]) != fingerprint:
            raise InvalidArgument(
                "REQUEST_ID_REUSED",
                "request_id was already used with a different request",
                metadata={"request_id": str(key)},
            )
        return bytes(row["response"])

    async def record(self, conn: Connection, scope: str, request_id: str, response: bytes) -> None:
        """Store the response of a claimed key (same transaction as `claim`)."""
        await conn.execute(
            "UPDATE jipan_runtime.request_ids SET response = $3 WHERE scope = $1 AND request_id = $2",
            scope,
            _request_id(request_id),
            response,
        )

    async def purge(self, pool: asyncpg.Pool, older_than: timedelta) -> int:
        """Forget keys older than `older_than` (keep at least a day: clients retry for hours)."""
        status: str = await pool.execute(
            "DELETE FROM jipan_runtime.request_ids WHERE created_at < now() - $1::interval", older_than
        )
        return int(status.rsplit(" ", 1)[-1])
