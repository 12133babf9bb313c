"""The privacy schema (migrations/0001_privacy.sql) through asyncpg.

Rows become domain types here and nowhere else.

A dataset's records are one bytea cell holding the CSV, not a table per
dataset or a jsonb row per record: the service never queries inside the
records (assessments and releases read them whole), a table per dataset would
need DDL built from caller-chosen column names, and jsonb rows take several
times the CSV's bytes. At 15 MiB a dataset is within what PostgreSQL keeps
in one TOASTed value comfortably.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg

from jipan.servers.privacy.types import (
    Column,
    ColumnKind,
    ColumnRole,
    Dataset,
    NoisyResult,
    Operation,
    OperationKind,
    Query,
    Release,
    Statistic,
)
from jipan.servers.runtime.idempotency import Connection
from jipan.servers.runtime.leases import LeaseLost
from jipan.servers.runtime.operations import OperationError

SCHEMA = "privacy"
WrapVersion = Callable[[int], Awaitable[bytes]]
"""Makes and wraps a new pseudonym key for the given version."""
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_DATASET_COLUMNS = (
    "owner, id, display_name, columns, size_bytes, sha256, row_count, total_epsilon, spent_epsilon, "
    "creator, create_time, total_delta, spent_delta"
)
_RELEASE_COLUMNS = (
    "owner, dataset, sequence, query, epsilon, spent_epsilon, total_epsilon, result, digest, "
    "ledger_receipt, creator, create_time, delta, spent_delta, total_delta"
)


def _dataset(row: asyncpg.Record) -> Dataset:
    return Dataset(
        owner=row["owner"],
        id=row["id"],
        display_name=row["display_name"],
        columns=tuple(
            Column(name=c["name"], role=ColumnRole(c["role"]), kind=ColumnKind(c["kind"]))
            for c in row["columns"]
        ),
        total_epsilon=row["total_epsilon"],
        spent_epsilon=row["spent_epsilon"],
        row_count=row["row_count"],
        size_bytes=row["size_bytes"],
        sha256=bytes(row["sha256"]),
        creator=row["creator"],
        create_time=row["create_time"],
        total_delta=row["total_delta"],
        spent_delta=row["spent_delta"],
    )


def query_json(query: Query) -> dict[str, Any]:
    return {
        "statistic": query.statistic.value,
        "column": query.column,
        "lower": query.lower,
        "upper": query.upper,
        "categories": list(query.categories),
    }


def result_json(result: NoisyResult) -> dict[str, Any]:
    return {
        "value": result.value,
        "bins": [[category, count] for category, count in result.bins],
        "noise_scale": result.noise_scale,
        "accuracy": result.accuracy,
        "confidence": result.confidence,
        "mechanism": result.mechanism,
    }


def _release(row: asyncpg.Record) -> Release:
    query, result = row["query"], row["result"]
    return Release(
        owner=row["owner"],
        dataset=row["dataset"],
        sequence=row["sequence"],
        query=Query(
            statistic=Statistic(query["statistic"]),
            column=query["column"],
            lower=query["lower"],
            upper=query["upper"],
            categories=tuple(query["categories"]),
        ),
        epsilon=row["epsilon"],
        spent_epsilon=row["spent_epsilon"],
        total_epsilon=row["total_epsilon"],
        result=NoisyResult(
            value=result["value"],
            bins=tuple((category, count) for category, count in result["bins"]),
            noise_scale=result["noise_scale"],
            accuracy=result["accuracy"],
            confidence=result["confidence"],
            mechanism=result["mechanism"],
        ),
        digest=bytes(row["digest"]),
        ledger_receipt=row["ledger_receipt"] or "",
        creator=row["creator"],
        create_time=row["create_time"],
        delta=row["delta"],
        spent_delta=row["spent_delta"],
        total_delta=row["total_delta"],
    )


_OPERATION_COLUMNS = (
    "id, owner, kind, target, requester, progress_percent, progress_message, done, error, result,"
    " create_time, update_time, end_time"
)


def _operation(row: asyncpg.Record) -> Operation:
    error = row["error"]
    return Operation(
        owner=row["owner"],
        id=row["id"].hex,
        kind=OperationKind(row["kind"]),
        target=row["target"],
        requester=row["requester"],
        progress_percent=row["progress_percent"],
        progress_message=row["progress_message"],
        done=row["done"],
        error=None if error is None else OperationError(**error),
        result=row["result"],
        create_time=row["create_time"],
        update_time=row["update_time"],
        end_time=row["end_time"],
    )


@dataclass(frozen=True)
class Spend:
    """What the budget UPDATE returned: the entry's number and the spent ε including it."""

    sequence: int
    spent: Decimal
    total: Decimal
    spent_delta: Decimal = Decimal(0)
    total_delta: Decimal = Decimal(0)


class PrivacyStore:
    """`holder`: this store's fencing token (one per process), written with the lease of every
    operation it starts; only the holder renews the lease, records progress and the outcome."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.holder = uuid.uuid4()

    async def insert_dataset(
        self,
        dataset: Dataset,
        content: bytes,
        wrapped_pseudonym_key: bytes,
        *,
        for_operation: str | None = None,
    ) -> Dataset | None:
        """The stored dataset; None when the owner has one with that id. `for_operation`: the
        operation making it, which this store must still hold (unfinished) when the dataset is
        written, else LeaseLost and nothing written: a runner that stalled past its lease, and
        whose operation a sweep failed meanwhile, leaves no output behind. The operation's row is
        locked until the dataset commits, so the sweep cannot fail it in between."""
        async with self.pool.acquire() as conn, conn.transaction():
            if for_operation is not None and not await conn.fetchval(
                "SELECT true FROM privacy.operations WHERE id = $1 AND holder = $2 AND NOT done FOR UPDATE",
                uuid.UUID(for_operation),
                self.holder,
            ):
                raise LeaseLost(
                    f"operation {for_operation}: no longer this process's; its output is not stored"
                )
            return await self._insert_dataset(conn, dataset, content, wrapped_pseudonym_key)

    async def _insert_dataset(
        self, conn: Connection, dataset: Dataset, content: bytes, wrapped_pseudonym_key: bytes
    ) -> Dataset | None:
        row = await conn.fetchrow(
            "INSERT INTO privacy.datasets (owner, id, display_name, columns, content, size_bytes, sha256,"  # noqa: S608
            " row_count, total_epsilon, creator, pseudonym_key, total_delta)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
            f" ON CONFLICT DO NOTHING RETURNING {_DATASET_COLUMNS}",
            dataset.owner,
            dataset.id,
            dataset.display_name,
            [{"name": c.name, "role": c.role.value, "kind": c.kind.value} for c in dataset.columns],
            content,
            dataset.size_bytes,
            dataset.sha256,
            dataset.row_count,
            dataset.total_epsilon,
            dataset.creator,
            wrapped_pseudonym_key,
            dataset.total_delta,
        )
        return None if row is None else _dataset(row)

    async def get_dataset(
        self, owner: str, dataset_id: str, conn: Connection | None = None
    ) -> Dataset | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_DATASET_COLUMNS} FROM privacy.datasets WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            dataset_id,
        )
        return None if row is None else _dataset(row)

    async def get_content(self, owner: str, dataset_id: str) -> bytes | None:
        content = await self.pool.fetchval(
            "SELECT content FROM privacy.datasets WHERE owner = $1 AND id = $2", owner, dataset_id
        )
        return None if content is None else bytes(content)

    async def get_pseudonym_key(self, owner: str, dataset_id: str) -> bytes | None:
        """The wrapped key; None for a dataset created before keys were (or no dataset)."""
        wrapped = await self.pool.fetchval(
            "SELECT pseudonym_key FROM privacy.datasets WHERE owner = $1 AND id = $2", owner, dataset_id
        )
        return None if wrapped is None else bytes(wrapped)

    async def set_pseudonym_key(self, owner: str, dataset_id: str, wrapped: bytes) -> bytes | None:
        """Set the wrapped key where none is set yet; the key that holds afterwards (the
        first writer's when two race), None when the dataset is gone."""
        stored = await self.pool.fetchval(
            "UPDATE privacy.datasets SET pseudonym_key = $3"
            " WHERE owner = $1 AND id = $2 AND pseudonym_key IS NULL RETURNING pseudonym_key",
            owner,
            dataset_id,
            wrapped,
        )
        if stored is None:  # another first use set it (a new statement sees its commit)
            return await self.get_pseudonym_key(owner, dataset_id)
        return bytes(stored)

    async def newest_pseudonym_key_version(self, owner: str, dataset_id: str) -> int:
        """The newest key version: 1 until the first rotation."""
        newest = await self.pool.fetchval(
            "SELECT max(version) FROM privacy.pseudonym_keys WHERE owner = $1 AND dataset_id = $2",
            owner,
            dataset_id,
        )
        return 1 if newest is None else int(newest)

    async def get_rotated_pseudonym_key(self, owner: str, dataset_id: str, version: int) -> bytes | None:
        """The wrapped key of version 2 or later; None when the dataset never had it."""
        wrapped = await self.pool.fetchval(
            "SELECT wrapped FROM privacy.pseudonym_keys"
            " WHERE owner = $1 AND dataset_id = $2 AND version = $3",
            owner,
            dataset_id,
            version,
        )
        return None if wrapped is None else bytes(wrapped)

    async def rotate_pseudonym_key(
        self, owner: str, dataset_id: str, request_id: str, creator: str, wrap: WrapVersion
    ) -> int | None:
        """Add the next key version, wrapped by `wrap(version)`; a replayed request_id returns
        the version it made. The dataset row is locked, so two rotations get two versions.
        None when the dataset is gone."""
        async with self.pool.acquire() as conn, conn.transaction():
            locked = await conn.fetchval(
                "SELECT 1 FROM privacy.datasets WHERE owner = $1 AND id = $2 FOR UPDATE", owner, dataset_id
            )
            if locked is None:
                return None
            made = await conn.fetchval(
                "SELECT version FROM privacy.pseudonym_keys"
                " WHERE owner = $1 AND dataset_id = $2 AND request_id = $3",
                owner,
                dataset_id,
                uuid.UUID(request_id),
            )
            if made is not None:
                return int(made)
            newest = await conn.fetchval(
                "SELECT coalesce(max(version), 1) FROM privacy.pseudonym_keys"
                " WHERE owner = $1 AND dataset_id = $2",
                owner,
                dataset_id,
            )
            version = int(newest) + 1
            await conn.execute(
                "INSERT INTO privacy.pseudonym_keys"
                " (owner, dataset_id, version, wrapped, request_id, creator) VALUES ($1, $2, $3, $4, $5, $6)",
                owner,
                dataset_id,
                version,
                await wrap(version),
                uuid.UUID(request_id),
                creator,
            )
            return version

    async def list_datasets(self, owner: str, after_seq: int, limit: int) -> list[tuple[int, Dataset]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_DATASET_COLUMNS} FROM privacy.datasets WHERE owner = $1 AND seq > $2"  # noqa: S608
            " ORDER BY seq LIMIT $3",
            owner,
            after_seq,
            limit,
        )
        return [(row["seq"], _dataset(row)) for row in rows]

    async def spend(
        self, conn: Connection, owner: str, dataset_id: str, epsilon: Decimal, delta: Decimal = Decimal(0)
    ) -> Spend | None:
        """Take ε and δ from the budget in one statement: the row lock orders racing releases,
        and the condition is checked against the values the lock protects. None: it does not fit."""
        row = await conn.fetchrow(
            "UPDATE privacy.datasets SET spent_epsilon = spent_epsilon + $3, spent_delta = spent_delta + $4,"
            " next_release = next_release + 1"
            " WHERE owner = $1 AND id = $2 AND spent_epsilon + $3 <= total_epsilon"
            " AND spent_delta + $4 <= total_delta"
            " RETURNING next_release - 1 AS sequence, spent_epsilon, total_epsilon, spent_delta, total_delta",
            owner,
            dataset_id,
            epsilon,
            delta,
        )
        if row is None:
            return None
        return Spend(
            row["sequence"],
            row["spent_epsilon"],
            row["total_epsilon"],
            row["spent_delta"],
            row["total_delta"],
        )

    async def insert_release(self, conn: Connection, release: Release) -> Release:
        row = await conn.fetchrow(
            "INSERT INTO privacy.releases (owner, dataset, sequence, query, epsilon, spent_epsilon,"  # noqa: S608
            " total_epsilon, result, digest, creator, delta, spent_delta, total_delta)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
            f" RETURNING {_RELEASE_COLUMNS}",
            release.owner,
            release.dataset,
            release.sequence,
            query_json(release.query),
            release.epsilon,
            release.spent_epsilon,
            release.total_epsilon,
            result_json(release.result),
            release.digest,
            release.creator,
            release.delta,
            release.spent_delta,
            release.total_delta,
        )
        if row is None:  # INSERT ... RETURNING returns the row or raises
            raise RuntimeError("release insert returned nothing")
        return _release(row)

    async def get_release(
        self, owner: str, dataset_id: str, sequence: int, conn: Connection | None = None
    ) -> Release | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_RELEASE_COLUMNS} FROM privacy.releases"  # noqa: S608 (fixed columns)
            " WHERE owner = $1 AND dataset = $2 AND sequence = $3",
            owner,
            dataset_id,
            sequence,
        )
        return None if row is None else _release(row)

    async def set_receipt(self, owner: str, dataset_id: str, sequence: int, receipt: str) -> None:
        await self.pool.execute(
            "UPDATE privacy.releases SET ledger_receipt = $4"
            " WHERE owner = $1 AND dataset = $2 AND sequence = $3",
            owner,
            dataset_id,
            sequence,
            receipt,
        )

    async def unanchored_releases(self, older_than_s: float, limit: int) -> list[Release]:
        """Releases committed at least `older_than_s` ago whose digest has no receipt yet, oldest
        first (their anchoring failed, or their process died before it)."""
        rows = await self.pool.fetch(
            f"SELECT {_RELEASE_COLUMNS} FROM privacy.releases"  # noqa: S608
            " WHERE ledger_receipt IS NULL AND create_time <= now() - make_interval(secs => $1)"
            " ORDER BY create_time LIMIT $2",
            older_than_s,
            limit,
        )
        return [_release(row) for row in rows]

    async def list_releases(self, owner: str, dataset_id: str, after: int, limit: int) -> list[Release]:
        rows = await self.pool.fetch(
            f"SELECT {_RELEASE_COLUMNS} FROM privacy.releases"  # noqa: S608 (fixed columns)
            " WHERE owner = $1 AND dataset = $2 AND sequence > $3 ORDER BY sequence LIMIT $4",
            owner,
            dataset_id,
            after,
            limit,
        )
        return [_release(row) for row in rows]

    # --- operations ---------------------------------------------------------------------------

    async def insert_operation(
        self,
        conn: Connection,
        owner: str,
        op_id: uuid.UUID,
        kind: OperationKind,
        target: str,
        requester: str,
        lease_s: float,
    ) -> Operation:
        """Insert the operation leased to this store for `lease_s`: no sweep fails it until then."""
        row = await conn.fetchrow(
            "INSERT INTO privacy.operations (id, owner, kind, target, requester, holder, lease_until)"  # noqa: S608
            " VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))"
            f" RETURNING {_OPERATION_COLUMNS}",
            op_id,
            owner,
            kind.value,
            target,
            requester,
            self.holder,
            lease_s,
        )
        if row is None:
            raise RuntimeError("operation insert returned nothing")
        return _operation(row)

    async def get_operation(
        self, owner: str, op_id: uuid.UUID, conn: Connection | None = None
    ) -> Operation | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_OPERATION_COLUMNS} FROM privacy.operations WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            op_id,
        )
        return None if row is None else _operation(row)

    async def extend_lease(self, op_id: str, lease_s: float) -> bool:
        """Keep holding a running operation for `lease_s` more; False once it is no longer this
        store's to run (a sweep failed it after its lease lapsed)."""
        held = await self.pool.fetchval(
            "UPDATE privacy.operations SET lease_until = now() + make_interval(secs => $3)"
            " WHERE id = $1 AND holder = $2 AND NOT done RETURNING true",
            uuid.UUID(op_id),
            self.holder,
            lease_s,
        )
        return bool(held)

    async def progress(self, op_id: str, percent: int, message: str) -> bool:
        """Record the progress; False (nothing written) once the operation is not this store's."""
        recorded = await self.pool.fetchval(
            "UPDATE privacy.operations SET progress_percent = $2, progress_message = $3, update_time = now()"
            " WHERE id = $1 AND holder = $4 AND NOT done RETURNING true",
            uuid.UUID(op_id),
            percent,
            message,
            self.holder,
        )
        return bool(recorded)

    async def finish_operation(
        self, op_id: str, error: OperationError | None, result: dict[str, Any] | None
    ) -> bool:
        """Record the outcome; False (nothing written) once the operation is not this store's:
        what the sweep recorded stands."""
        finished = await self.pool.fetchval(
            "UPDATE privacy.operations SET done = true, error = $2, result = $3, end_time = now(),"
            " update_time = now(), lease_until = NULL, progress_percent = CASE WHEN $2::jsonb IS NULL"
            " THEN 100 ELSE progress_percent END WHERE id = $1 AND holder = $4 AND NOT done RETURNING true",
            uuid.UUID(op_id),
            None if error is None else asdict(error),
            result,
            self.holder,
        )
        return bool(finished)

    async def fail_unfinished(self, error: OperationError) -> int:
        """End every unfinished operation whose lease lapsed (its process died, or stalled past the
        lease; an operation from before leases has none): those another process still runs, its
        lease renewed, are left alone. The row lock orders this against a renewal."""
        status = await self.pool.execute(
            "UPDATE privacy.operations SET done = true, error = $1, end_time = now(), update_time = now(),"
            " lease_until = NULL WHERE NOT done AND (lease_until IS NULL OR lease_until < now())",
            asdict(error),
        )
        return int(status.split()[-1])
