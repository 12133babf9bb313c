"""The operation runner alone, over a store that fails where told: a start-up whose first
resume fails still sweeps, and resumes on the sweep; a step longer than the lease keeps the
lease, through a failed renewal; a lease another runner took up stops the work here. And the
store's fencing on PostgreSQL: once another replica holds an operation, the old holder can
neither renew its lease nor record a step or an outcome."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
import pytest

from jipan.servers.cloud.provisioning.runner import OperationRunner
from jipan.servers.cloud.provisioning.store import ProvisioningStore
from jipan.servers.cloud.provisioning.types import Deployment, DeploymentState, Operation, OperationKind
from jipan.servers.cloud.store import MIGRATIONS, SCHEMA
from jipan.servers.runtime.database import apply_migrations, create_pool
from jipan.servers.runtime.leases import LeaseLost
from tests.conftest import fresh_database

ORG = "orgs/runner"


class FlakyStore:
    """pending_operations fails `failures` times (the database not reachable yet), then
    answers one unfinished operation; every lease is free; the first renewal fails."""

    def __init__(self, failures: int, operation_id: uuid.UUID) -> None:
        self.failures = failures
        self.operation_id = operation_id
        self.renewals = 0  # extend_lease fails the first time, then renews
        self.renewed = asyncio.Event()

    async def pending_operations(self, kinds: Collection[OperationKind]) -> list[tuple[str, uuid.UUID]]:
        if self.failures:
            self.failures -= 1
            raise OSError("connection refused")
        return [(ORG, self.operation_id)]

    async def take_lease(self, owner: str, operation_id: uuid.UUID, lease_s: float) -> bool:
        return True

    async def extend_lease(self, owner: str, operation_id: uuid.UUID, seconds: float) -> bool:
        self.renewals += 1
        if self.renewals == 1:
            raise OSError("connection reset")
        self.renewed.set()
        return True


class TakenOver(FlakyStore):
    """The lease is renewed once, then another runner holds it."""

    async def extend_lease(self, owner: str, operation_id: uuid.UUID, seconds: float) -> bool:
        self.renewals += 1
        return self.renewals == 1


async def test_a_failed_resume_at_start_still_starts_the_sweep_which_resumes() -> None:
    operation_id = uuid.uuid4()
    ran = asyncio.Event()

    async def execute(owner: str, executed: uuid.UUID) -> None:
        assert (owner, executed) == (ORG, operation_id)
        ran.set()

    store = FlakyStore(1, operation_id)
    runner = OperationRunner(
        store,  # type: ignore[arg-type]  # the two methods the runner calls at start
        (OperationKind.CREATE_DEPLOYMENT,),
        execute,
        name="test-op",
        label="test operations",
        lease_s=30,
        sweep_s=0.01,
    )
    try:
        await runner.start()  # the first resume fails: logged, not raised
        await asyncio.wait_for(ran.wait(), 10)  # the sweep resumed it
    finally:
        await runner.close()


async def test_a_step_longer_than_the_lease_keeps_it_through_a_failed_renewal() -> None:
    """A provider call that outlasts the lease (an instance booting for minutes): the lease is
    renewed meanwhile, else another replica's sweep takes the operation up and makes a second
    instance. One failed renewal does not end the renewals."""
    operation_id = uuid.uuid4()
    store = FlakyStore(0, operation_id)

    async def slow_step(owner: str, executed: uuid.UUID) -> None:
        await store.renewed.wait()  # returns once the lease was renewed during it

    runner = OperationRunner(
        store,  # type: ignore[arg-type]  # the methods the runner calls
        (OperationKind.CREATE_DEPLOYMENT,),
        slow_step,
        name="test-op",
        label="test operations",
        lease_s=0.03,
        sweep_s=3600,
    )
    try:
        runner.spawn(ORG, operation_id, leased=True)
        await asyncio.wait_for(runner.idle(), 10)
        assert store.renewals >= 2  # failed once, renewed after
        assert not [t for t in asyncio.all_tasks() if t.get_name() == f"test-op-lease-{operation_id}"]
    finally:
        await runner.close()


def runner_over(store: FlakyStore, execute: object, lease_s: float = 0.03) -> OperationRunner:
    return OperationRunner(
        store,  # type: ignore[arg-type]  # the methods the runner calls
        (OperationKind.CREATE_DEPLOYMENT,),
        execute,  # type: ignore[arg-type]
        name="test-op",
        label="test operations",
        lease_s=lease_s,
        sweep_s=3600,
    )


async def test_a_lease_another_runner_took_up_stops_the_work_here() -> None:
    """A lease that lapsed anyway (this process stalled) and that another replica took up: the
    next renewal finds another holder and the work here is cancelled, quietly (the holder
    carries on), instead of both replicas running the same steps."""
    operation_id = uuid.uuid4()
    store = TakenOver(0, operation_id)
    stopped = asyncio.Event()

    async def slow_step(owner: str, executed: uuid.UUID) -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            stopped.set()
            raise

    runner = runner_over(store, slow_step)
    try:
        runner.spawn(ORG, operation_id, leased=True)
        await asyncio.wait_for(runner.idle(), 10)  # not the 30 s of the step
        assert stopped.is_set()
        assert store.renewals == 2  # renewed once, refused once, then no more tries
        assert not [t for t in asyncio.all_tasks() if t.get_name().startswith("test-op-")]
    finally:
        await runner.close()


async def test_a_step_refused_for_a_lost_lease_ends_the_run_quietly() -> None:
    operation_id = uuid.uuid4()
    store = FlakyStore(0, operation_id)

    async def refused(owner: str, executed: uuid.UUID) -> None:
        raise LeaseLost("another runner holds it")

    runner = runner_over(store, refused, lease_s=30)
    try:
        runner.spawn(ORG, operation_id, leased=True)
        (task,) = runner._tasks
        await asyncio.wait_for(runner.idle(), 10)
        # Ended, not failed: nobody awaits a runner's task, its exception would only ever be
        # "never retrieved".
        assert not task.cancelled()
        assert task.exception() is None
        assert not [t for t in asyncio.all_tasks() if t.get_name().startswith("test-op-")]
    finally:
        await runner.close()


@asynccontextmanager
async def taken_over(
    database_url: str,
) -> AsyncIterator[tuple[asyncpg.Pool, ProvisioningStore, ProvisioningStore, Operation]]:
    """Two replicas' stores on one database and a CREATE_DEPLOYMENT operation (its deployment
    CREATING) that the first inserted and held, then the second took up once its lease lapsed:
    (pool, first, second, operation)."""
    async with fresh_database(database_url, "jipan_cloud_lease") as dsn:
        pool = await create_pool(dsn, min_size=1, max_size=2)  # with the JSON codecs the stores expect
        try:
            await apply_migrations(pool, SCHEMA, MIGRATIONS)
            first, second = ProvisioningStore(pool), ProvisioningStore(pool)
            now = datetime.now(UTC)
            deployment_id = uuid.uuid4()
            operation = Operation(
                owner=ORG,
                id=uuid.uuid4(),
                kind=OperationKind.CREATE_DEPLOYMENT,
                target=f"{ORG}/deployments/{deployment_id}",
                requester="users/someone",
                step="queued",
                done=False,
                error=None,
                create_time=now,
                update_time=now,
                end_time=None,
            )
            async with pool.acquire() as conn:
                await first.insert_deployment(
                    conn,
                    Deployment(
                        owner=ORG,
                        id=deployment_id,
                        placement=f"{ORG}/placements/{uuid.uuid4()}",
                        plan_rank=0,
                        accounts={},
                        images={},
                        buckets=(),
                        state=DeploymentState.CREATING,
                        expire_time=None,
                        create_time=now,
                    ),
                )
                await first.insert_operation(conn, operation, 30.0)
            assert not await second.take_lease(ORG, operation.id, 30.0)  # held by the first
            assert await first.extend_lease(ORG, operation.id, 30.0)
            await first.step(ORG, operation.id, "run_instance", 30.0)

            await pool.execute("UPDATE cloud.operations SET lease_until = now() - interval '1 second'")
            assert await second.take_lease(ORG, operation.id, 30.0)
            yield pool, first, second, operation
        finally:
            await pool.close()


async def recorded(pool: asyncpg.Pool, operation: Operation) -> tuple[str, bool, str, int]:
    """The operation's step and done, its deployment's state, how many audit entries it has."""
    row = await pool.fetchrow(
        "SELECT o.step, o.done, d.state,"
        " (SELECT count(*) FROM cloud.audit_entries a WHERE a.target = o.target)"
        " FROM cloud.operations o JOIN cloud.deployments d ON o.target = d.owner || '/deployments/' || d.id"
        " WHERE o.id = $1",
        operation.id,
    )
    assert row is not None
    return row[0], row[1], row[2], row[3]


async def test_once_another_replica_holds_an_operation_the_old_holder_records_nothing(
    database_url: str,
) -> None:
    """From the takeover on, the first's renewal answers False and its step and outcome
    raise LeaseLost without writing; the second records both."""
    async with taken_over(database_url) as (pool, first, second, operation):
        assert not await first.extend_lease(ORG, operation.id, 30.0)
        with pytest.raises(LeaseLost):
            await first.step(ORG, operation.id, "tag_instance", 30.0)
        with pytest.raises(LeaseLost):
            await first.finish(ORG, operation.id, None)
        assert await recorded(pool, operation) == ("run_instance", False, "CREATING", 0)

        assert await second.extend_lease(ORG, operation.id, 30.0)
        await second.step(ORG, operation.id, "tag_instance", 30.0)
        await second.finish(ORG, operation.id, None)
        assert await recorded(pool, operation) == ("done", True, "CREATING", 0)
        assert await second.extend_lease(ORG, operation.id, 30.0)  # done: still its holder, nothing to stop


async def test_a_failure_is_recorded_only_by_the_holder_and_all_at_once(database_url: str) -> None:
    """A provider error reaching the old holder after the takeover must not mark FAILED the
    deployment the holder is still making: its fail() raises LeaseLost and writes nothing
    (deployment, audit, outcome); the holder's writes all three in one transaction."""
    async with taken_over(database_url) as (pool, first, second, operation):
        error = {"code": 8, "reason": "CAPACITY_EXHAUSTED", "domain": "test", "message": "", "metadata": {}}
        deployment_id = uuid.UUID(operation.target.rsplit("/", 1)[1])
        audit = (operation.target, "system", {"reason": "CAPACITY_EXHAUSTED"})
        with pytest.raises(LeaseLost):
            await first.fail(ORG, operation.id, error, failed_deployment=deployment_id, audit=audit)
        assert await recorded(pool, operation) == ("run_instance", False, "CREATING", 0)

        await second.fail(ORG, operation.id, error, failed_deployment=deployment_id, audit=audit)
        assert await recorded(pool, operation) == ("done", True, "FAILED", 1)
