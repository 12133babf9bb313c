"""Provisioning as a durable state machine in PostgreSQL, driven by AIP-151 operations.

Every change to a deployment is an operation row; a runner task takes the
operation's lease, does one step at a time at the provider, and records each
step (the resource it made, the audit entry) before the next. A server that
stops, crashes or is killed leaves the operation unfinished with a lease that
lapses; the next start (`resume`) takes it up again where the records say it
was. A step interrupted between the provider's answer and its record is not
done twice: instances carry the deployment, workload and plan as tags, and a
resumed step looks for a live instance with those tags before it makes one.

Creating walks the placement's plans in rank order (SkyPilot's failover): a
capacity or quota refusal (CapacityExhausted) tears down what this plan had
made, writes a `failover` audit entry and tries the next plan; when no plan
is left the operation fails FAILED_PRECONDITION CAPACITY_EXHAUSTED. A
deployment with an `expire_time` is torn down by a `DELETE_DEPLOYMENT`
operation the broker starts itself (`ttl_teardown`, actor "system").
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime

import structlog

from jipan.cloud.v1 import resources_pb2 as res
from jipan.interceptors.context import Principal
from jipan.servers.cloud.accounts.domain import Accounts
from jipan.servers.cloud.adapters.base import Capability, CapacityExhausted, require
from jipan.servers.cloud.catalog.domain import own_parent
from jipan.servers.cloud.catalog.store import OfferingStore
from jipan.servers.cloud.names import DOMAIN, org_of, parse_offering, parse_provider
from jipan.servers.cloud.placement.domain import Placements
from jipan.servers.cloud.provisioning.runner import INTERNAL_ERROR, OperationRunner, error_record
from jipan.servers.cloud.provisioning.store import ProvisioningStore
from jipan.servers.cloud.provisioning.types import (
    DEPLOYMENT_KINDS,
    AuditEntry,
    Deployment,
    DeploymentState,
    Operation,
    OperationKind,
    Resource,
)
from jipan.servers.runtime.errors import DomainError, FailedPrecondition, InvalidArgument, NotFound
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.leases import LeaseLost
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

CREATE_SCOPE = "jipan.cloud.v1.ProvisioningService/CreateDeployment"
CHANGE_SCOPE = "jipan.cloud.v1.ProvisioningService/{kind}"
BUCKET_PREFIX = "bucket:"
SYSTEM = "system"


def deployment_name(owner: str, deployment_id: uuid.UUID) -> str:
    return f"{owner}/deployments/{deployment_id}"


def operation_name(owner: str, operation_id: uuid.UUID) -> str:
    return f"{owner}/operations/{operation_id}"


def _parse(name: str, collection: str, field: str, reason: str) -> tuple[str, uuid.UUID]:
    parts = name.split("/")
    if len(parts) != 4 or parts[0] != "orgs" or parts[2] != collection:
        raise InvalidArgument(
            "NAME_INVALID",
            f"{field} must look like orgs/{{organization}}/{collection}/{{id}}",
            domain=DOMAIN,
            metadata={"field": field, "value": name[:200]},
        )
    try:
        return f"orgs/{parts[1]}", uuid.UUID(parts[3])
    except ValueError:
        raise NotFound(reason, "no such resource", domain=DOMAIN, metadata={"name": name[:300]}) from None


class Provisioning:
    def __init__(
        self,
        store: ProvisioningStore,
        accounts: Accounts,
        placements: Placements,
        offerings: OfferingStore,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        *,
        lease_s: float = 30.0,
        ttl_interval_s: float = 10.0,
        on_step: Callable[[str, str], Awaitable[None]] | None = None,
    ) -> None:
        self.store = store
        self.accounts = accounts
        self.placements = placements
        self.offerings = offerings
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.lease_s = lease_s
        # Called after every recorded step with (operation name, step): lets a caller watch
        # progress (tests stop a runner there, as a crash would).
        self.on_step = on_step
        self.runner = OperationRunner(
            store,
            DEPLOYMENT_KINDS,
            self._run,
            name="cloud-op",
            label="provisioning operations",
            lease_s=lease_s,
            sweep_s=ttl_interval_s,
            on_sweep=lambda: self.expire(datetime.now(UTC)),
        )

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        """Resume every operation a previous process left unfinished, then sweep: operations
        whose lease lapses later, and deployments past their expire_time."""
        await self.runner.start()

    async def resume(self) -> int:
        return await self.runner.resume()

    async def close(self) -> None:
        await self.runner.close()

    async def idle(self) -> None:
        """Wait until no runner is busy (tests)."""
        await self.runner.idle()

    def _spawn(self, owner: str, operation_id: uuid.UUID, leased: bool = False) -> None:
        """Run the operation here; `leased`: this process inserted it holding its lease."""
        self.runner.spawn(owner, operation_id, leased)

    # -- the API -------------------------------------------------------------------------------

    async def create_deployment(
        self,
        principal: Principal,
        parent: str,
        placement: str,
        account_names: Sequence[str],
        images: Mapping[str, str],
        buckets: Sequence[str],
        expire_time: datetime | None,
        request_id: str,
    ) -> Operation:
        owner = own_parent(principal, parent)
        await self.placements.get(principal, placement)  # the caller's, and it exists
        by_provider: dict[str, str] = {}
        for name in account_names:
            account = await self.accounts.get(principal, name, "deployment.accounts")
            if account.provider in by_provider:
                raise InvalidArgument(
                    "FIELD_INVALID",
                    "deployment.accounts names two accounts of one provider",
                    metadata={"field": "deployment.accounts"},
                )
            by_provider[account.provider] = name
        if not by_provider:
            raise InvalidArgument(
                "FIELD_INVALID", "deployment.accounts is required", metadata={"field": "deployment.accounts"}
            )
        image_by_provider = {parse_provider(k, "deployment.images"): v[:200] for k, v in images.items()}
        for bucket in buckets:
            if not (3 <= len(bucket) <= 63) or not all(
                c.islower() or c.isdigit() or c in "-." for c in bucket
            ):
                raise InvalidArgument(
                    "FIELD_INVALID",
                    "a bucket name is 3-63 of [a-z0-9.-]",
                    metadata={"field": "deployment.buckets"},
                )
        fingerprint = json.dumps(
            {
                "parent": parent,
                "placement": placement,
                "accounts": by_provider,
                "images": image_by_provider,
                "buckets": list(buckets),
                "expire_time": expire_time.isoformat() if expire_time else None,
            },
            sort_keys=True,
        ).encode()
        now = datetime.now(UTC)
        deployment = Deployment(
            owner=owner,
            id=uuid.uuid4(),
            placement=placement,
            plan_rank=1,
            accounts=by_provider,
            images=image_by_provider,
            buckets=tuple(buckets),
            state=DeploymentState.CREATING,
            expire_time=expire_time,
            create_time=now,
        )
        operation = self._operation(
            owner, OperationKind.CREATE_DEPLOYMENT, deployment, principal.subject, now
        )
        scope = scope_for(CREATE_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                return await self._get_operation(owner, uuid.UUID(replay.decode()))
            await self.store.insert_deployment(conn, deployment)
            await self.store.insert_operation(conn, operation, self.lease_s)
            await self.request_ids.record(conn, scope, request_id, str(operation.id).encode())
        await self.store.audit(
            owner, operation.target, "create_requested", principal.subject, {"placement": placement}
        )
        self._spawn(owner, operation.id, leased=True)
        return await self._get_operation(owner, operation.id)

    def _operation(
        self, owner: str, kind: OperationKind, deployment: Deployment, requester: str, now: datetime
    ) -> Operation:
        return Operation(
            owner=owner,
            id=uuid.uuid4(),
            kind=kind,
            target=deployment_name(owner, deployment.id),
            requester=requester,
            step="queued",
            done=False,
            error=None,
            create_time=now,
            update_time=now,
            end_time=None,
        )

    async def change_deployment(
        self, principal: Principal, name: str, kind: OperationKind, request_id: str
    ) -> Operation:
        deployment = await self.get_deployment(principal, name)
        allowed = {
            OperationKind.STOP_DEPLOYMENT: {DeploymentState.RUNNING},
            OperationKind.START_DEPLOYMENT: {DeploymentState.STOPPED},
            OperationKind.DELETE_DEPLOYMENT: {
                DeploymentState.RUNNING,
                DeploymentState.STOPPED,
                DeploymentState.FAILED,
            },
        }[kind]
        scope = scope_for(CHANGE_SCOPE.format(kind=kind.value), principal.subject)
        operation = self._operation(deployment.owner, kind, deployment, principal.subject, datetime.now(UTC))
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, name.encode())
            if replay is not None:
                return await self._get_operation(deployment.owner, uuid.UUID(replay.decode()))
            busy = await self.store.lock_for_change(conn, deployment.owner, deployment.id, operation.target)
            if busy is not None:
                # Two changes at once would each set the state they end in, the last one winning
                # (a deleted deployment shown STOPPED): one at a time.
                raise FailedPrecondition(
                    "DEPLOYMENT_BUSY",
                    f"{operation.target} is being changed by {operation_name(deployment.owner, busy)};"
                    " ask again once it is done",
                    domain=DOMAIN,
                    metadata={"operation": operation_name(deployment.owner, busy)},
                )
            moved = await conn.fetchval(
                "UPDATE cloud.deployments SET state = $3"
                " WHERE owner = $1 AND id = $2 AND state = ANY($4::text[]) RETURNING true",
                deployment.owner,
                deployment.id,
                DeploymentState.DELETING.value
                if kind is OperationKind.DELETE_DEPLOYMENT
                else deployment.state.value,
                [s.value for s in allowed],
            )
            if not moved:
                raise FailedPrecondition(
                    "DEPLOYMENT_STATE_INVALID",
                    f"a {deployment.state.value} deployment cannot be changed by {kind.value}",
                    domain=DOMAIN,
                    metadata={"state": deployment.state.value},
                )
            await self.store.insert_operation(conn, operation, self.lease_s)
            await self.request_ids.record(conn, scope, request_id, str(operation.id).encode())
        await self.store.audit(
            deployment.owner, operation.target, kind.value.lower() + "_requested", principal.subject, {}
        )
        self._spawn(deployment.owner, operation.id, leased=True)
        return await self._get_operation(deployment.owner, operation.id)

    async def get_deployment(self, principal: Principal, name: str) -> Deployment:
        owner, deployment_id = _parse(name, "deployments", "name", "DEPLOYMENT_NOT_FOUND")
        deployment = (
            await self.store.get_deployment(owner, deployment_id) if owner == org_of(principal) else None
        )
        if deployment is None:
            raise NotFound("DEPLOYMENT_NOT_FOUND", "no deployment with this name", domain=DOMAIN)
        return deployment

    async def list_deployments(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Deployment], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListDeployments", org=owner)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.list_deployment_ids(owner, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        found = [await self.store.get_deployment(owner, deployment_id) for _, deployment_id in rows]
        return [d for d in found if d is not None], token

    async def _get_operation(self, owner: str, operation_id: uuid.UUID) -> Operation:
        operation = await self.store.get_operation(owner, operation_id)
        if operation is None:
            raise NotFound("OPERATION_NOT_FOUND", "no operation with this name", domain=DOMAIN)
        return operation

    async def get_operation(self, principal: Principal, name: str) -> Operation:
        owner, operation_id = _parse(name, "operations", "name", "OPERATION_NOT_FOUND")
        if owner != org_of(principal):
            raise NotFound("OPERATION_NOT_FOUND", "no operation with this name", domain=DOMAIN)
        return await self._get_operation(owner, operation_id)

    async def list_operations(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Operation], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListOperations", org=owner)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else 2**62
        rows = await self.store.list_operations(owner, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [operation for _, operation in rows], token

    async def list_audit(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[AuditEntry], str]:
        deployment = await self.get_deployment(principal, parent)
        target = deployment_name(deployment.owner, deployment.id)
        size = resolve_page_size(page_size, default=100, maximum=1000)
        fingerprint = query_fingerprint("ListAuditEntries", target=target)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        entries = await self.store.list_audit(deployment.owner, target, after, size + 1)
        token = ""
        if len(entries) > size:
            entries = entries[:size]
            token = self.page_tokens.encode(fingerprint, {"after": entries[-1].sequence})
        return entries, token

    # -- the runner ----------------------------------------------------------------------------

    async def _step(self, operation: Operation, step: str) -> None:
        await self.store.step(operation.owner, operation.id, step, self.lease_s)
        if self.on_step is not None:
            await self.on_step(operation_name(operation.owner, operation.id), step)

    async def _run(self, owner: str, operation_id: uuid.UUID) -> None:
        """One operation, in the runner's task that holds its lease."""
        operation = await self._get_operation(owner, operation_id)
        _, deployment_id = _parse(operation.target, "deployments", "target", "DEPLOYMENT_NOT_FOUND")
        creating = operation.kind is OperationKind.CREATE_DEPLOYMENT
        try:
            deployment = await self.store.get_deployment(owner, deployment_id)
            if deployment is None:
                raise NotFound("DEPLOYMENT_NOT_FOUND", "the deployment is gone", domain=DOMAIN)
            if operation.kind is OperationKind.CREATE_DEPLOYMENT:
                await self._create(operation, deployment)
            elif operation.kind is OperationKind.DELETE_DEPLOYMENT:
                await self._delete(operation, deployment)
            else:
                await self._power(operation, deployment, operation.kind is OperationKind.START_DEPLOYMENT)
            await self.store.finish(owner, operation_id, None)
        except asyncio.CancelledError:
            # Shutting down (or a test's crash): the lease lapses and the next start resumes.
            raise
        except LeaseLost:
            raise  # another runner holds the operation now: it records the outcome, not this one
        except DomainError as exc:
            await self.store.fail(
                owner,
                operation_id,
                error_record(exc),
                failed_deployment=deployment_id if creating else None,
                audit=(operation.target, SYSTEM, {"reason": exc.reason}),
            )
        except Exception:
            log.exception("provisioning step failed", operation=operation_name(owner, operation_id))
            # A deployment is never left CREATING by a step that will not come back to it.
            await self.store.fail(
                owner, operation_id, INTERNAL_ERROR, failed_deployment=deployment_id if creating else None
            )

    async def _placement(self, deployment: Deployment) -> res.Placement:
        owner, placement_id = deployment.placement.rsplit("/placements/", 1)
        stored = await self.placements.store.get(owner, uuid.UUID(placement_id))
        if stored is None:
            raise NotFound("PLACEMENT_NOT_FOUND", "the deployment's placement is gone", domain=DOMAIN)
        return res.Placement.FromString(stored)

    async def _create(self, operation: Operation, deployment: Deployment) -> None:
        placement = await self._placement(deployment)
        plans = list(placement.plans)
        # A workload of a spread group is pinned to its plan's zone: that is what keeps the group
        # apart. Any other workload's zone is only the solver's tie-break between zones priced
        # alike, so the provider is left to pick one with room (pinning it would only narrow
        # where capacity can be found).
        pinned = frozenset(w.id for w in placement.workloads if w.spread_group)
        target = operation.target
        tried: list[str] = []
        for plan in plans[deployment.plan_rank - 1 :]:
            providers = {parse_provider(a.provider) for a in plan.assignments}
            missing = sorted(
                p for p in providers if p not in deployment.accounts or p not in deployment.images
            )
            if missing:
                await self.store.audit(
                    deployment.owner,
                    target,
                    "plan_skipped",
                    SYSTEM,
                    {"rank": str(plan.rank), "no_account_or_image": ",".join(missing)},
                )
                continue
            tried.append(str(plan.rank))
            await self.store.set_deployment(
                deployment.owner, deployment.id, DeploymentState.CREATING, plan.rank
            )
            try:
                for assignment in plan.assignments:
                    await self._ensure_instance(
                        operation, deployment, plan.rank, assignment, assignment.workload in pinned
                    )
                for bucket in deployment.buckets:
                    await self._ensure_bucket(operation, deployment, plan, bucket)
            except DomainError as exc:
                # What this plan made so far is torn down either way. Capacity or quota: the next
                # plan may fit. Any other refusal (an unknown image, say): another plan would not
                # fix it, and the deployment fails with the reason.
                capacity = isinstance(exc, CapacityExhausted)
                if capacity:
                    await self.store.audit(
                        deployment.owner,
                        target,
                        "failover",
                        SYSTEM,
                        {
                            "from_rank": str(plan.rank),
                            "provider_code": (exc.metadata or {}).get("provider_code", ""),
                        },
                    )
                fresh = await self.store.get_deployment(deployment.owner, deployment.id)
                await self._teardown(operation, fresh or deployment, only_rank=plan.rank)
                if capacity:
                    continue
                raise
            await self.store.set_deployment(
                deployment.owner, deployment.id, DeploymentState.RUNNING, plan.rank
            )
            await self.store.audit(deployment.owner, target, "created", SYSTEM, {"rank": str(plan.rank)})
            return
        raise FailedPrecondition(
            "CAPACITY_EXHAUSTED",
            "every plan was refused for capacity or quota, or had no account",
            domain=DOMAIN,
            metadata={"plans_tried": ",".join(tried)},
        )

    async def _ensure_instance(
        self,
        operation: Operation,
        deployment: Deployment,
        rank: int,
        assignment: res.Assignment,
        pin_zone: bool,
    ) -> None:
        current = await self.store.get_deployment(deployment.owner, deployment.id)
        if current is not None and any(
            r.workload == assignment.workload and r.plan_rank == rank for r in current.resources
        ):
            return  # done before a restart
        provider = parse_provider(assignment.provider)
        account_name = deployment.accounts[provider]
        owner, offering_id = parse_offering(assignment.offering)
        offering = await self.offerings.get(owner, offering_id)
        if offering is None:
            raise NotFound("OFFERING_NOT_FOUND", "the plan's offering left the catalog", domain=DOMAIN)
        tags = {
            "jipan:deployment": operation.target,
            "jipan:workload": assignment.workload,
            "jipan:rank": str(rank),
        }
        zone = assignment.zone if pin_zone else ""
        async with self.accounts.using(deployment.owner, account_name, assignment.region) as adapter:
            require(adapter, Capability.INSTANCES)
            instance_id = await adapter.find_instance(tags)
            action = "found_instance"
            if instance_id is None:
                instance_id = await adapter.run_instance(
                    offering.type, deployment.images[provider], tags, zone
                )
                action = "run_instance"
            resource = Resource(
                assignment.workload, account_name, instance_id, assignment.region, "running", rank, zone
            )
            # Recorded before anything else can fail, so a teardown finds it; then with the zone
            # the provider reports it in.
            await self.store.record_resource(deployment.owner, deployment.id, resource)
            placed = await adapter.describe_instance(instance_id)
            if placed.zone and placed.zone != zone:
                resource = dataclasses.replace(resource, zone=placed.zone)
                await self.store.record_resource(deployment.owner, deployment.id, resource)
        await self.store.audit(
            deployment.owner,
            operation.target,
            action,
            SYSTEM,
            {
                "workload": assignment.workload,
                "instance": instance_id,
                "type": offering.type,
                "region": assignment.region,
                "zone": resource.zone,
                "pinned_zone": zone,
                "rank": str(rank),
            },
        )
        await self._step(operation, f"run_instance:{assignment.workload}")

    async def _ensure_bucket(
        self, operation: Operation, deployment: Deployment, plan: res.Plan, bucket: str
    ) -> None:
        provider = parse_provider(plan.assignments[0].provider)
        account_name = deployment.accounts[provider]
        async with self.accounts.using(deployment.owner, account_name, plan.assignments[0].region) as adapter:
            require(adapter, Capability.OBJECT_STORAGE)
            await adapter.create_bucket(bucket)  # creating an existing own bucket is done, not an error
        await self.store.record_resource(
            deployment.owner,
            deployment.id,
            Resource(
                BUCKET_PREFIX + bucket, account_name, bucket, plan.assignments[0].region, "created", plan.rank
            ),
        )
        await self.store.audit(
            deployment.owner, operation.target, "create_bucket", SYSTEM, {"bucket": bucket}
        )
        await self._step(operation, f"create_bucket:{bucket}")

    async def _teardown(
        self, operation: Operation, deployment: Deployment, only_rank: int | None = None
    ) -> None:
        for resource in deployment.resources:
            if only_rank is not None and resource.plan_rank != only_rank:
                continue
            async with self.accounts.using(deployment.owner, resource.account, resource.region) as adapter:
                if resource.workload.startswith(BUCKET_PREFIX):
                    await adapter.delete_bucket(resource.resource_id)
                    action = "delete_bucket"
                else:
                    await adapter.terminate_instance(resource.resource_id)
                    action = "terminate_instance"
            await self.store.forget_resource(deployment.owner, deployment.id, resource.workload)
            await self.store.audit(
                deployment.owner,
                operation.target,
                action,
                SYSTEM,
                {"workload": resource.workload, "resource": resource.resource_id},
            )
            await self._step(operation, f"{action}:{resource.workload}")

    async def _delete(self, operation: Operation, deployment: Deployment) -> None:
        await self._teardown(operation, deployment)
        await self.store.set_deployment(deployment.owner, deployment.id, DeploymentState.DELETED)
        await self.store.audit(deployment.owner, operation.target, "deleted", SYSTEM, {})

    async def _power(self, operation: Operation, deployment: Deployment, start: bool) -> None:
        for resource in deployment.resources:
            if resource.workload.startswith(BUCKET_PREFIX):
                continue
            async with self.accounts.using(deployment.owner, resource.account, resource.region) as adapter:
                if start:
                    await adapter.start_instance(resource.resource_id)
                else:
                    await adapter.stop_instance(resource.resource_id)
            action = "start_instance" if start else "stop_instance"
            await self.store.audit(
                deployment.owner, operation.target, action, SYSTEM, {"instance": resource.resource_id}
            )
            await self._step(operation, f"{action}:{resource.workload}")
        state = DeploymentState.RUNNING if start else DeploymentState.STOPPED
        await self.store.set_deployment(deployment.owner, deployment.id, state)

    # -- TTLs ----------------------------------------------------------------------------------

    async def expire(self, now: datetime) -> int:
        """Start the teardown of every deployment past its expire_time; how many were started."""
        started = 0
        for owner, deployment_id in await self.store.expired_deployments(now):
            deployment = await self.store.get_deployment(owner, deployment_id)
            if deployment is None:
                continue
            operation = self._operation(owner, OperationKind.DELETE_DEPLOYMENT, deployment, SYSTEM, now)
            async with self.store.pool.acquire() as conn, conn.transaction():
                if await self.store.lock_for_change(conn, owner, deployment_id, operation.target) is not None:
                    continue  # being stopped or started: a later sweep tears it down
                moved = await conn.fetchval(
                    "UPDATE cloud.deployments SET state = 'DELETING' WHERE owner = $1 AND id = $2"
                    " AND state IN ('RUNNING', 'STOPPED') RETURNING true",
                    owner,
                    deployment_id,
                )
                if not moved:
                    continue  # another replica's sweep took it
                await self.store.insert_operation(conn, operation, self.lease_s)
            await self.store.audit(
                owner, operation.target, "ttl_teardown", SYSTEM, {"expire_time": str(deployment.expire_time)}
            )
            self._spawn(owner, operation.id, leased=True)
            started += 1
        return started
