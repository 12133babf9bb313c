"""Deployments, resources, operations and the audit trail in PostgreSQL (schema `cloud`)."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from jipan.servers.cloud.provisioning.types import (
    AuditEntry,
    Deployment,
    DeploymentState,
    Operation,
    OperationKind,
    Resource,
)
from jipan.servers.runtime.idempotency import Connection
from jipan.servers.runtime.leases import LeaseLost

_DEPLOYMENT = "owner, id, placement, plan_rank, accounts, images, buckets, state, expire_time, create_time"
_OPERATION = "owner, id, kind, target, requester, step, done, error, create_time, update_time, end_time"


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _operation(row: asyncpg.Record) -> Operation:
    return Operation(
        owner=row["owner"],
        id=row["id"],
        kind=OperationKind(row["kind"]),
        target=row["target"],
        requester=row["requester"],
        step=row["step"],
        done=row["done"],
        error=_json(row["error"]),
        create_time=row["create_time"],
        update_time=row["update_time"],
        end_time=row["end_time"],
    )


class ProvisioningStore:
    """`holder`: this store's fencing token (one per process), written with every lease it
    takes; renewals, steps and finishes of an operation are refused once another holds it."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.holder = uuid.uuid4()

    async def insert_deployment(self, conn: Connection, deployment: Deployment) -> None:
        await conn.execute(
            f"INSERT INTO cloud.deployments ({_DEPLOYMENT})"  # noqa: S608
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            deployment.owner,
            deployment.id,
            deployment.placement,
            deployment.plan_rank,
            deployment.accounts,
            deployment.images,
            list(deployment.buckets),
            deployment.state.value,
            deployment.expire_time,
            deployment.create_time,
        )

    async def lock_for_change(
        self, conn: Connection, owner: str, deployment_id: UUID, target: str
    ) -> UUID | None:
        """Lock the deployment's row until the transaction ends; the unfinished operation on it, if any.

        Changes of one deployment (stop, start, delete, TTL teardown) go one at a time: the
        second to ask waits for the first's commit here and then sees its operation.
        """
        await conn.execute(
            "SELECT 1 FROM cloud.deployments WHERE owner = $1 AND id = $2 FOR UPDATE", owner, deployment_id
        )
        busy: UUID | None = await conn.fetchval(
            "SELECT id FROM cloud.operations WHERE owner = $1 AND target = $2 AND NOT done LIMIT 1",
            owner,
            target,
        )
        return busy

    async def insert_operation(self, conn: Connection, operation: Operation, lease_s: float) -> None:
        """Insert `operation` leased to its creator for `lease_s`: another replica's sweep leaves
        it alone until then, so the process that took the request runs it (if that process dies
        first, the lease lapses and a sweep resumes it)."""
        await conn.execute(
            "INSERT INTO cloud.operations (owner, id, kind, target, requester, lease_until, lease_holder)"
            " VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7)",
            operation.owner,
            operation.id,
            operation.kind.value,
            operation.target,
            operation.requester,
            lease_s,
            self.holder,
        )

    async def get_deployment(self, owner: str, deployment_id: UUID) -> Deployment | None:
        row = await self.pool.fetchrow(
            f"SELECT {_DEPLOYMENT} FROM cloud.deployments WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            deployment_id,
        )
        if row is None:
            return None
        resources = await self.pool.fetch(
            "SELECT workload, account, resource_id, region, provider_state, plan_rank, zone"
            " FROM cloud.deployment_resources WHERE owner = $1 AND deployment = $2 ORDER BY workload",
            owner,
            deployment_id,
        )
        return Deployment(
            owner=row["owner"],
            id=row["id"],
            placement=row["placement"],
            plan_rank=row["plan_rank"],
            accounts=dict(_json(row["accounts"])),
            images=dict(_json(row["images"])),
            buckets=tuple(row["buckets"]),
            state=DeploymentState(row["state"]),
            expire_time=row["expire_time"],
            create_time=row["create_time"],
            resources=tuple(Resource(**dict(r)) for r in resources),
        )

    async def list_deployment_ids(self, owner: str, after: int, limit: int) -> list[tuple[int, UUID]]:
        rows = await self.pool.fetch(
            "SELECT seq, id FROM cloud.deployments WHERE owner = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            owner,
            after,
            limit,
        )
        return [(row["seq"], row["id"]) for row in rows]

    async def set_deployment(
        self,
        owner: str,
        deployment_id: UUID,
        state: DeploymentState,
        plan_rank: int | None = None,
        *,
        conn: Connection | None = None,
    ) -> None:
        await (conn or self.pool).execute(
            "UPDATE cloud.deployments SET state = $3, plan_rank = coalesce($4, plan_rank)"
            " WHERE owner = $1 AND id = $2",
            owner,
            deployment_id,
            state.value,
            plan_rank,
        )

    async def record_resource(self, owner: str, deployment_id: UUID, resource: Resource) -> None:
        await self.pool.execute(
            "INSERT INTO cloud.deployment_resources"
            " (owner, deployment, workload, account, resource_id, region, provider_state, plan_rank, zone)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            " ON CONFLICT (owner, deployment, workload) DO UPDATE SET resource_id = EXCLUDED.resource_id,"
            " account = EXCLUDED.account, region = EXCLUDED.region, provider_state = EXCLUDED.provider_state,"
            " plan_rank = EXCLUDED.plan_rank, zone = EXCLUDED.zone",
            owner,
            deployment_id,
            resource.workload,
            resource.account,
            resource.resource_id,
            resource.region,
            resource.provider_state,
            resource.plan_rank,
            resource.zone,
        )

    async def forget_resource(self, owner: str, deployment_id: UUID, workload: str) -> None:
        await self.pool.execute(
            "DELETE FROM cloud.deployment_resources WHERE owner = $1 AND deployment = $2 AND workload = $3",
            owner,
            deployment_id,
            workload,
        )

    async def get_operation(self, owner: str, operation_id: UUID) -> Operation | None:
        row = await self.pool.fetchrow(
            f"SELECT {_OPERATION} FROM cloud.operations WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            operation_id,
        )
        return None if row is None else _operation(row)

    async def list_operations(self, owner: str, before: int, limit: int) -> list[tuple[int, Operation]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_OPERATION} FROM cloud.operations"  # noqa: S608
            " WHERE owner = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3",
            owner,
            before,
            limit,
        )
        return [(row["seq"], _operation(row)) for row in rows]

    async def take_lease(self, owner: str, operation_id: UUID, seconds: float) -> bool:
        """Hold the operation for `seconds` unless another runner holds it (a lease, not a lock:
        a runner that died lets it lapse and the next start resumes the operation)."""
        taken = await self.pool.fetchval(
            "UPDATE cloud.operations SET lease_until = now() + make_interval(secs => $3), lease_holder = $4"
            " WHERE owner = $1 AND id = $2 AND NOT done AND (lease_until IS NULL OR lease_until < now())"
            " RETURNING true",
            owner,
            operation_id,
            seconds,
            self.holder,
        )
        return bool(taken)

    async def step(self, owner: str, operation_id: UUID, step: str, seconds: float) -> None:
        """Record the step about to run and renew the lease; LeaseLost if another holds it."""
        recorded = await self.pool.fetchval(
            "UPDATE cloud.operations SET step = $3, update_time = now(),"
            " lease_until = now() + make_interval(secs => $4)"
            " WHERE owner = $1 AND id = $2 AND NOT done AND lease_holder = $5 RETURNING true",
            owner,
            operation_id,
            step,
            seconds,
            self.holder,
        )
        if not recorded:
            raise LeaseLost(f"operation {operation_id}: another runner holds it (step {step!r} not run)")

    async def extend_lease(self, owner: str, operation_id: UUID, seconds: float) -> bool:
        """Keep holding a running operation (a long step that records nothing for a while);
        False once another runner holds it (this one must stop)."""
        held = await self.pool.fetchval(
            "UPDATE cloud.operations"
            " SET lease_until = CASE WHEN done THEN lease_until ELSE now() + make_interval(secs => $3) END"
            " WHERE owner = $1 AND id = $2 AND lease_holder = $4 RETURNING true",
            owner,
            operation_id,
            seconds,
            self.holder,
        )
        return bool(held)

    async def finish(
        self, owner: str, operation_id: UUID, error: dict[str, Any] | None, *, conn: Connection | None = None
    ) -> None:
        """The operation's outcome; LeaseLost (nothing recorded) if another runner holds it."""
        finished = await (conn or self.pool).fetchval(
            "UPDATE cloud.operations SET done = true, error = $3, step = 'done', update_time = now(),"
            " end_time = now(), lease_until = NULL"
            " WHERE owner = $1 AND id = $2 AND NOT done AND lease_holder = $4 RETURNING true",
            owner,
            operation_id,
            error,
            self.holder,
        )
        if not finished:
            raise LeaseLost(f"operation {operation_id}: another runner holds it (outcome not recorded)")

    @contextlib.asynccontextmanager
    async def finishing(
        self, owner: str, operation_id: UUID, error: dict[str, Any] | None
    ) -> AsyncIterator[Connection]:
        """The operation's outcome and what goes with it, in one transaction, and only while this
        store holds its lease: the fenced outcome is written first (LeaseLost, nothing written, if
        another runner holds it), then the caller's own writes on the connection yielded. A runner
        whose lease was taken up must not mark a deployment FAILED, or a migration FAILED or
        SUCCEEDED, nor audit it, while the holder is still at work on it."""
        async with self.pool.acquire() as conn, conn.transaction():
            await self.finish(owner, operation_id, error, conn=conn)
            yield conn

    async def fail(
        self,
        owner: str,
        operation_id: UUID,
        error: dict[str, Any],
        *,
        failed_deployment: UUID | None = None,
        audit: tuple[str, str, dict[str, str]] | None = None,
    ) -> None:
        """The operation failed (`finishing`): `failed_deployment` FAILED, an audit entry `failed`
        (target, actor, details) and the outcome, or LeaseLost and nothing written."""
        async with self.finishing(owner, operation_id, error) as conn:
            if failed_deployment is not None:
                await self.set_deployment(owner, failed_deployment, DeploymentState.FAILED, conn=conn)
            if audit is not None:
                target, actor, details = audit
                await self.audit(owner, target, "failed", actor, details, conn=conn)

    async def release(self, owner: str, operation_id: UUID) -> None:
        """End whoever's lease (a runner known dead): the next sweep takes the operation up."""
        await self.pool.execute(
            "UPDATE cloud.operations SET lease_until = NULL, lease_holder = NULL"
            " WHERE owner = $1 AND id = $2",
            owner,
            operation_id,
        )

    async def pending_operations(self, kinds: Sequence[OperationKind]) -> list[tuple[str, UUID]]:
        """Unfinished operations of `kinds` that no runner holds (each kind has its own runner)."""
        rows = await self.pool.fetch(
            "SELECT owner, id FROM cloud.operations"
            " WHERE NOT done AND (lease_until IS NULL OR lease_until < now()) AND kind = ANY($1::text[])"
            " ORDER BY create_time",
            [kind.value for kind in kinds],
        )
        return [(row["owner"], row["id"]) for row in rows]

    async def expired_deployments(self, now: datetime) -> list[tuple[str, UUID]]:
        rows = await self.pool.fetch(
            "SELECT d.owner, d.id FROM cloud.deployments d WHERE d.state IN ('RUNNING', 'STOPPED')"
            " AND d.expire_time IS NOT NULL AND d.expire_time <= $1",
            now,
        )
        return [(row["owner"], row["id"]) for row in rows]

    async def audit(
        self,
        owner: str,
        target: str,
        action: str,
        actor: str,
        details: dict[str, str],
        *,
        conn: Connection | None = None,
    ) -> None:
        await (conn or self.pool).execute(
            "INSERT INTO cloud.audit_entries (owner, target, action, actor, details)"
            " VALUES ($1, $2, $3, $4, $5)",
            owner,
            target,
            action,
            actor,
            details,
        )

    async def list_audit(self, owner: str, target: str, after: int, limit: int) -> list[AuditEntry]:
        rows = await self.pool.fetch(
            "SELECT target, sequence, action, actor, details, time FROM cloud.audit_entries"
            " WHERE owner = $1 AND target = $2 AND sequence > $3 ORDER BY sequence LIMIT $4",
            owner,
            target,
            after,
            limit,
        )
        return [
            AuditEntry(
                target=r["target"],
                sequence=r["sequence"],
                action=r["action"],
                actor=r["actor"],
                details=dict(_json(r["details"])),
                time=r["time"],
            )
            for r in rows
        ]

    async def first_operation_for(self, conn: Connection, owner: str, target: str) -> Sequence[Any]:
        return await conn.fetch(
            "SELECT id FROM cloud.operations WHERE owner = $1 AND target = $2", owner, target
        )
