"""Migrations and their per-object progress in PostgreSQL (schema `cloud`).

The operation that runs a migration is a row of cloud.operations, kept by
ProvisioningStore (one table of AIP-151 operations for the whole service).
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from jipan.servers.cloud.adapters.base import StoredObject
from jipan.servers.cloud.migration.types import (
    CopiedObject,
    Migration,
    MigrationState,
    PendingObject,
    Progress,
)
from jipan.servers.runtime.idempotency import Connection

_MIGRATION = (
    "owner, id, operation, source_account, source_bucket, destination_account, destination_bucket,"
    " state, listed, create_time"
)


def _migration(row: asyncpg.Record, verified: int) -> Migration:
    return Migration(
        owner=row["owner"],
        id=row["id"],
        operation=row["operation"],
        source_account=row["source_account"],
        source_bucket=row["source_bucket"],
        destination_account=row["destination_account"],
        destination_bucket=row["destination_bucket"],
        state=MigrationState(row["state"]),
        listed=row["listed"],
        create_time=row["create_time"],
        objects_verified=verified,
    )


class MigrationStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(self, conn: Connection, migration: Migration) -> None:
        await conn.execute(
            f"INSERT INTO cloud.migrations ({_MIGRATION})"  # noqa: S608
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            migration.owner,
            migration.id,
            migration.operation,
            migration.source_account,
            migration.source_bucket,
            migration.destination_account,
            migration.destination_bucket,
            migration.state.value,
            migration.listed,
            migration.create_time,
        )

    async def _verified(self, owner: str, migration_id: UUID) -> int:
        return int(
            await self.pool.fetchval(
                "SELECT count(*) FROM cloud.migration_objects"
                " WHERE owner = $1 AND migration = $2 AND state = 'VERIFIED'",
                owner,
                migration_id,
            )
        )

    async def get(self, owner: str, migration_id: UUID) -> Migration | None:
        row = await self.pool.fetchrow(
            f"SELECT {_MIGRATION} FROM cloud.migrations WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            migration_id,
        )
        return None if row is None else _migration(row, await self._verified(owner, migration_id))

    async def page(self, owner: str, after: int, limit: int) -> list[tuple[int, Migration]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_MIGRATION} FROM cloud.migrations"  # noqa: S608
            " WHERE owner = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            owner,
            after,
            limit,
        )
        return [(row["seq"], _migration(row, await self._verified(owner, row["id"]))) for row in rows]

    async def set_state(
        self, owner: str, migration_id: UUID, state: MigrationState, *, conn: Connection | None = None
    ) -> None:
        await (conn or self.pool).execute(
            "UPDATE cloud.migrations SET state = $3 WHERE owner = $1 AND id = $2",
            owner,
            migration_id,
            state.value,
        )

    async def add_objects(self, owner: str, migration_id: UUID, objects: Sequence[StoredObject]) -> None:
        """Record listed source objects; one already recorded (a resumed listing) keeps its progress."""
        await self.pool.execute(
            "INSERT INTO cloud.migration_objects (owner, migration, key, size, source_digest)"
            " SELECT $1, $2, k, s, d FROM unnest($3::text[], $4::bigint[], $5::text[]) AS t(k, s, d)"
            " ON CONFLICT (owner, migration, key) DO NOTHING",
            owner,
            migration_id,
            [o.key for o in objects],
            [o.size for o in objects],
            [o.digest for o in objects],
        )

    async def mark_listed(self, owner: str, migration_id: UUID) -> None:
        await self.pool.execute(
            "UPDATE cloud.migrations SET listed = true WHERE owner = $1 AND id = $2", owner, migration_id
        )

    async def pending(self, owner: str, migration_id: UUID) -> list[PendingObject]:
        rows = await self.pool.fetch(
            "SELECT key, size, source_digest FROM cloud.migration_objects"
            " WHERE owner = $1 AND migration = $2 AND state = 'PENDING' ORDER BY key",
            owner,
            migration_id,
        )
        return [PendingObject(r["key"], r["size"], r["source_digest"]) for r in rows]

    async def copied(self, owner: str, migration_id: UUID) -> list[CopiedObject]:
        rows = await self.pool.fetch(
            "SELECT key, size, source_digest, md5, expected_digest FROM cloud.migration_objects"
            " WHERE owner = $1 AND migration = $2 AND state = 'COPIED' ORDER BY key",
            owner,
            migration_id,
        )
        return [
            CopiedObject(r["key"], r["size"], r["source_digest"], r["md5"], r["expected_digest"])
            for r in rows
        ]

    async def mark_copied(
        self, owner: str, migration_id: UUID, objects: Sequence[tuple[str, str, str]]
    ) -> None:
        """Record copied objects: (key, MD5 of the bytes copied, the destination's expected digest)."""
        await self.pool.execute(
            "UPDATE cloud.migration_objects o SET state = 'COPIED', md5 = t.md5, expected_digest = t.digest"
            " FROM unnest($3::text[], $4::text[], $5::text[]) AS t(key, md5, digest)"
            " WHERE o.owner = $1 AND o.migration = $2 AND o.key = t.key",
            owner,
            migration_id,
            [o[0] for o in objects],
            [o[1] for o in objects],
            [o[2] for o in objects],
        )

    async def mark_verified(self, owner: str, migration_id: UUID, keys: Sequence[str]) -> None:
        await self.pool.execute(
            "UPDATE cloud.migration_objects SET state = 'VERIFIED'"
            " WHERE owner = $1 AND migration = $2 AND key = ANY($3::text[])",
            owner,
            migration_id,
            list(keys),
        )

    async def progress(self, owner: str, migration_id: UUID) -> Progress:
        row = await self.pool.fetchrow(
            "SELECT count(*) AS objects_total, coalesce(sum(size), 0) AS bytes_total,"
            " count(*) FILTER (WHERE state <> 'PENDING') AS objects_done,"
            " coalesce(sum(size) FILTER (WHERE state <> 'PENDING'), 0) AS bytes_done,"
            " count(*) FILTER (WHERE state = 'VERIFIED') AS objects_verified"
            " FROM cloud.migration_objects WHERE owner = $1 AND migration = $2",
            owner,
            migration_id,
        )
        assert row is not None  # an aggregate always has a row
        return Progress(
            objects_done=int(row["objects_done"]),
            objects_total=int(row["objects_total"]),
            bytes_done=int(row["bytes_done"]),
            bytes_total=int(row["bytes_total"]),
            objects_verified=int(row["objects_verified"]),
        )

    async def by_operation(self, owner: str, operation_id: UUID) -> Migration | None:
        migration_id = await self.pool.fetchval(
            "SELECT id FROM cloud.migrations WHERE owner = $1 AND operation = $2", owner, operation_id
        )
        return None if migration_id is None else await self.get(owner, migration_id)
