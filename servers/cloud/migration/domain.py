"""Bucket migration between providers as a durable, resumable AIP-151 operation.

A MIGRATE_BUCKET operation (a row of cloud.operations, beside provisioning's)
runs four steps, each recorded before the next:

1. `list_objects`: every source object gets a row (key, size, the source's
   digest) in cloud.migration_objects; a listing cut short is listed again
   and rows already there keep their progress.
2. `create_bucket`: the destination bucket (an existing one of the account is
   used as it is).
3. `copy_objects`: every object still PENDING is streamed from the source to
   the destination, a few at a time: chunks in, parts out, at most one part
   per copy in memory (adapters/base.py `read_parts`); every request carries
   its body's MD5, which the destination checks. The MD5 of the bytes read is
   compared with the source's own digest where it is a plain MD5 (S3's ETag
   of a single-part object, Azure's Content-MD5), then the object is recorded
   COPIED with the digest the destination must report for it (in batches of
   up to 64 objects or 0.5 s: a crash copies at most one batch again).
4. `verify`: the destination is listed and every COPIED object's size and
   digest compared with what was recorded; a difference fails the operation
   DATA_LOSS CHECKSUM_MISMATCH naming the key; the rest are VERIFIED.

A server killed at any point leaves the operation with a lease that lapses;
the next start (or a sweep) resumes it, and only PENDING objects are copied
again (an object whose copy was cut short is written again from its start; an
interrupted multipart upload is aborted). Progress (objects and bytes done and
to do) is counted from the object rows, so a resumed copy never counts twice.

Credentials reach only the adapters (AccountConnection leaves them out of its
repr); nothing here logs an adapter, a connection or a secret.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.cloud.accounts.domain import Accounts
from jipan.servers.cloud.adapters.base import Capability, CloudAdapter, StoredObject, require
from jipan.servers.cloud.catalog.domain import own_parent
from jipan.servers.cloud.migration.store import MigrationStore
from jipan.servers.cloud.migration.types import Migration, MigrationState, PendingObject, Progress
from jipan.servers.cloud.names import DOMAIN, org_of
from jipan.servers.cloud.provisioning.domain import operation_name
from jipan.servers.cloud.provisioning.runner import INTERNAL_ERROR, OperationRunner, error_record
from jipan.servers.cloud.provisioning.store import ProvisioningStore
from jipan.servers.cloud.provisioning.types import Operation, OperationKind
from jipan.servers.runtime.errors import DataLoss, DomainError, InvalidArgument, NotFound
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.leases import LeaseLost
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

CREATE_SCOPE = "jipan.cloud.v1.MigrationService/CreateMigration"
SYSTEM = "system"
# S3 bucket names and Azure container names both fit this (Azure forbids ".", S3 allows it).
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")
_VERIFY_BATCH = 1000
# Copied objects are recorded in batches: at most this many, or after this long.
_RECORD_BATCH = 64
_RECORD_WINDOW_S = 0.5


def migration_name(owner: str, migration_id: uuid.UUID) -> str:
    return f"{owner}/migrations/{migration_id}"


def _parse_name(name: str) -> tuple[str, uuid.UUID]:
    parts = name.split("/")
    if len(parts) != 4 or parts[0] != "orgs" or parts[2] != "migrations":
        raise InvalidArgument(
            "NAME_INVALID",
            "name must look like orgs/{organization}/migrations/{migration}",
            domain=DOMAIN,
            metadata={"field": "name", "value": name[:200]},
        )
    try:
        return f"orgs/{parts[1]}", uuid.UUID(parts[3])
    except ValueError:
        raise NotFound("MIGRATION_NOT_FOUND", "no migration with this name", domain=DOMAIN) from None


def _checksum_mismatch(key: str, problem: str) -> DataLoss:
    return DataLoss(
        "CHECKSUM_MISMATCH",
        f"object {key!r}: {problem}",
        domain=DOMAIN,
        metadata={"key": key[:500], "problem": problem},
    )


class Migrations:
    def __init__(
        self,
        store: MigrationStore,
        operations: ProvisioningStore,
        accounts: Accounts,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        *,
        lease_s: float = 30.0,
        sweep_s: float = 10.0,
        concurrency: int = 8,
        on_step: Callable[[str, str], Awaitable[None]] | None = None,
    ) -> None:
        self.store = store
        self.operations = operations
        self.accounts = accounts
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.lease_s = lease_s
        self.concurrency = concurrency
        self.on_step = on_step
        self.runner = OperationRunner(
            operations,
            (OperationKind.MIGRATE_BUCKET,),
            self._run,
            name="cloud-migration",
            label="migrations",
            lease_s=lease_s,
            sweep_s=sweep_s,
        )

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Resume the migrations a previous process left unfinished, then sweep for lapsed leases."""
        await self.runner.start()

    async def resume(self) -> int:
        return await self.runner.resume()

    async def close(self) -> None:
        await self.runner.close()

    async def idle(self) -> None:
        """Wait until no migration runs in this process (tests, benchmarks)."""
        await self.runner.idle()

    # -- the API -------------------------------------------------------------------------------

    async def create(
        self,
        principal: Principal,
        parent: str,
        source_account: str,
        source_bucket: str,
        destination_account: str,
        destination_bucket: str,
        request_id: str,
    ) -> Operation:
        owner = own_parent(principal, parent)
        for field, bucket in (
            ("migration.source_bucket", source_bucket),
            ("migration.destination_bucket", destination_bucket),
        ):
            if _BUCKET.match(bucket) is None:
                raise InvalidArgument(
                    "FIELD_INVALID",
                    f"{field} must be a bucket or container name: 3-63 of [a-z0-9.-]",
                    metadata={"field": field},
                )
        await self.accounts.capable(
            principal, source_account, "migration.source_account", Capability.OBJECT_STORAGE
        )
        await self.accounts.capable(
            principal, destination_account, "migration.destination_account", Capability.OBJECT_STORAGE
        )
        if (source_account, source_bucket) == (destination_account, destination_bucket):
            raise InvalidArgument(
                "FIELD_INVALID",
                "a bucket cannot be migrated onto itself",
                metadata={"field": "migration.destination_bucket"},
            )
        fingerprint = json.dumps(
            [parent, source_account, source_bucket, destination_account, destination_bucket]
        ).encode()
        now = datetime.now(UTC)
        migration = Migration(
            owner=owner,
            id=uuid.uuid4(),
            operation=uuid.uuid4(),
            source_account=source_account,
            source_bucket=source_bucket,
            destination_account=destination_account,
            destination_bucket=destination_bucket,
            state=MigrationState.COPYING,
            listed=False,
            create_time=now,
        )
        operation = Operation(
            owner=owner,
            id=migration.operation,
            kind=OperationKind.MIGRATE_BUCKET,
            target=migration_name(owner, migration.id),
            requester=principal.subject,
            step="queued",
            done=False,
            error=None,
            create_time=now,
            update_time=now,
            end_time=None,
        )
        scope = scope_for(CREATE_SCOPE, principal.subject)
        async with self.operations.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                return await self._operation(owner, uuid.UUID(replay.decode()))
            await self.store.insert(conn, migration)
            await self.operations.insert_operation(conn, operation, self.lease_s)
            await self.request_ids.record(conn, scope, request_id, str(operation.id).encode())
        await self.operations.audit(
            owner,
            operation.target,
            "migration_requested",
            principal.subject,
            {
                "source": f"{source_account}/{source_bucket}",
                "destination": f"{destination_account}/{destination_bucket}",
            },
        )
        self.runner.spawn(owner, operation.id, leased=True)
        return await self._operation(owner, operation.id)

    async def _operation(self, owner: str, operation_id: uuid.UUID) -> Operation:
        operation = await self.operations.get_operation(owner, operation_id)
        if operation is None:
            raise NotFound("OPERATION_NOT_FOUND", "no operation with this name", domain=DOMAIN)
        return operation

    async def get(self, principal: Principal, name: str) -> Migration:
        owner, migration_id = _parse_name(name)
        migration = await self.store.get(owner, migration_id) if owner == org_of(principal) else None
        if migration is None:
            raise NotFound("MIGRATION_NOT_FOUND", "no migration with this name", domain=DOMAIN)
        return migration

    async def list(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Migration], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListMigrations", org=owner)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.page(owner, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [migration for _, migration in rows], token

    async def of_operation(self, operation: Operation) -> tuple[Migration, Progress] | None:
        """The migration a MIGRATE_BUCKET operation runs, and its progress (for GetOperation)."""
        migration = await self.store.by_operation(operation.owner, operation.id)
        if migration is None:
            return None
        return migration, await self.store.progress(operation.owner, migration.id)

    # -- the runner ----------------------------------------------------------------------------

    async def _step(self, operation: Operation, step: str) -> None:
        await self.operations.step(operation.owner, operation.id, step, self.lease_s)
        if self.on_step is not None:
            await self.on_step(operation_name(operation.owner, operation.id), step)

    async def _run(self, owner: str, operation_id: uuid.UUID) -> None:
        """One migration, in the runner's task that holds its lease."""
        operation = await self._operation(owner, operation_id)
        migration = await self.store.by_operation(owner, operation_id)
        if migration is None:  # cannot happen: both rows are written in one transaction
            await self.operations.finish(owner, operation_id, {**INTERNAL_ERROR, "message": "no migration"})
            return
        try:
            await self._migrate(operation, migration)
            await self._settle(operation, migration, None, ("succeeded", {}))
        except asyncio.CancelledError:
            raise  # shutting down (or a test's crash): the lease lapses and the next start resumes
        except LeaseLost:
            raise  # another runner holds the operation now: it records the outcome, not this one
        except DomainError as exc:
            details = {"reason": exc.reason, **{k: str(v) for k, v in (exc.metadata or {}).items()}}
            await self._settle(operation, migration, error_record(exc), ("failed", details))
        except Exception:
            log.exception("migration failed", operation=operation_name(owner, operation_id))
            await self._settle(operation, migration, INTERNAL_ERROR, None)

    async def _settle(
        self,
        operation: Operation,
        migration: Migration,
        error: dict[str, Any] | None,
        audit: tuple[str, dict[str, str]] | None,
    ) -> None:
        """The migration's end (SUCCEEDED without `error`, else FAILED), its audit entry and the
        operation's outcome in one transaction fenced by the lease: a runner whose lease another
        took up raises LeaseLost and writes none of it (the holder may still succeed)."""
        state = MigrationState.SUCCEEDED if error is None else MigrationState.FAILED
        async with self.operations.finishing(operation.owner, operation.id, error) as conn:
            await self.store.set_state(operation.owner, migration.id, state, conn=conn)
            if audit is not None:
                action, details = audit
                await self.operations.audit(
                    operation.owner, operation.target, action, SYSTEM, details, conn=conn
                )

    async def _migrate(self, operation: Operation, migration: Migration) -> None:
        # One object can take longer than the lease (a large object over a slow link): the
        # runner renews the lease while this runs, so no other replica takes the operation up.
        await self._migrate_objects(operation, migration)

    async def _migrate_objects(self, operation: Operation, migration: Migration) -> None:
        _, source = await self.accounts.connect_owned(migration.owner, migration.source_account, "")
        try:
            _, destination = await self.accounts.connect_owned(
                migration.owner, migration.destination_account, ""
            )
            try:
                require(source, Capability.OBJECT_STORAGE)
                require(destination, Capability.OBJECT_STORAGE)
                if not migration.listed:
                    await self._list(operation, migration, source)
                await destination.create_bucket(migration.destination_bucket)
                await self._step(operation, "create_bucket")
                await self._copy(operation, migration, source, destination)
                await self.store.set_state(migration.owner, migration.id, MigrationState.VERIFYING)
                await self._verify(operation, migration, destination)
            finally:
                await destination.aclose()
        finally:
            await source.aclose()

    async def _list(self, operation: Operation, migration: Migration, source: CloudAdapter) -> None:
        batch: list[StoredObject] = []
        async for item in source.list_objects(migration.source_bucket):
            batch.append(item)
            if len(batch) >= 1000:
                await self.store.add_objects(migration.owner, migration.id, batch)
                batch = []
                await self._step(operation, "list_objects")
        await self.store.add_objects(migration.owner, migration.id, batch)
        await self.store.mark_listed(migration.owner, migration.id)
        progress = await self.store.progress(migration.owner, migration.id)
        await self.operations.audit(
            migration.owner,
            operation.target,
            "listed",
            SYSTEM,
            {"objects": str(progress.objects_total), "bytes": str(progress.bytes_total)},
        )
        await self._step(operation, "list_objects")

    async def _copy(
        self, operation: Operation, migration: Migration, source: CloudAdapter, destination: CloudAdapter
    ) -> None:
        queue: asyncio.Queue[PendingObject] = asyncio.Queue()
        for item in await self.store.pending(migration.owner, migration.id):
            queue.put_nowait(item)
        last_flush = time.monotonic()
        copied: list[tuple[str, str, str]] = []  # (key, md5, expected digest) not yet recorded
        flushing = asyncio.Lock()

        async def flush() -> None:
            # Records copied objects in one statement, and keeps the lease. A crash loses at
            # most the objects of one window (they are copied again: a copy overwrites).
            nonlocal last_flush
            async with flushing:
                batch = copied[:]
                del copied[:]
                last_flush = time.monotonic()
                if batch:
                    await self.store.mark_copied(migration.owner, migration.id, batch)
                await self._step(operation, "copy_objects")

        async def copy_one(item: PendingObject) -> None:
            async with contextlib.aclosing(source.read_object(migration.source_bucket, item.key)) as chunks:
                written = await destination.write_object(
                    migration.destination_bucket, item.key, item.size, chunks
                )
            if written.size != item.size:
                raise _checksum_mismatch(
                    item.key, f"read {written.size} bytes, the source listed {item.size}"
                )
            if _PLAIN_MD5.match(item.source_digest) and item.source_digest != written.md5:
                raise _checksum_mismatch(item.key, "the bytes read differ from the source's MD5")
            copied.append((item.key, written.md5, written.expected_digest))
            if len(copied) >= _RECORD_BATCH or time.monotonic() - last_flush > _RECORD_WINDOW_S:
                await flush()

        async def worker() -> None:
            while True:
                try:
                    item = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await copy_one(item)

        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(max(1, self.concurrency)):
                    group.create_task(worker())
        except ExceptionGroup as failed:
            # The first copy that failed is the operation's error (a DomainError keeps its reason).
            errors = failed.exceptions
            raise next((e for e in errors if isinstance(e, DomainError)), errors[0]) from None
        finally:
            if copied:  # what was copied before a failure stays recorded
                await asyncio.shield(self.store.mark_copied(migration.owner, migration.id, copied[:]))
        await flush()

    async def _verify(self, operation: Operation, migration: Migration, destination: CloudAdapter) -> None:
        await self._step(operation, "verify")
        listed = {item.key: item async for item in destination.list_objects(migration.destination_bucket)}
        verified: list[str] = []
        for copied in await self.store.copied(migration.owner, migration.id):
            found = listed.get(copied.key)
            if found is None:
                raise _checksum_mismatch(copied.key, "missing at the destination")
            if found.size != copied.size:
                raise _checksum_mismatch(
                    copied.key, f"{found.size} bytes at the destination, {copied.size} copied"
                )
            if found.digest != copied.expected_digest:
                raise _checksum_mismatch(
                    copied.key, "the destination's digest differs from the copied bytes'"
                )
            verified.append(copied.key)
            if len(verified) >= _VERIFY_BATCH:
                await self.store.mark_verified(migration.owner, migration.id, verified)
                verified = []
                await self._step(operation, "verify")
        await self.store.mark_verified(migration.owner, migration.id, verified)
        progress = await self.store.progress(migration.owner, migration.id)
        await self.operations.audit(
            migration.owner, operation.target, "verified", SYSTEM, {"objects": str(progress.objects_verified)}
        )
