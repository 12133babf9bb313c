"""The operation runner alone, over a store that fails where told: a start-up whose first
resume fails still sweeps, and resumes on the sweep; a step longer than the lease keeps the
lease, through a failed renewal; a lease another runner took up stops the work here. And the
store's fencing on PostgreSQL: once another replica holds an operation, the old holder can
neither renew its lease nor record a step or an outcome."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Collection
from datetime import UTC, datetime

import asyncpg
import pytest

from jipan.servers.cloud.provisioning.runner import OperationRunner
from jipan.servers.cloud.provisioning.store import LeaseLost, ProvisioningStore
from jipan.servers.cloud.provisioning.types import Operation, OperationKind
from jipan.servers.cloud.store import MIGRATIONS, SCHEMA
from jipan.servers.runtime.database import apply_migrations
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


async def test_once_another_replica_holds_an_operation_the_old_holder_records_nothing(
    database_url: str,
) -> None:
    """Two replicas' stores on one database. The first inserts and holds the operation; its
    lease lapses and the second takes it up. From then on the first's renewal answers False
    and its step and outcome raise LeaseLost without writing; the second records both."""
    async with fresh_database(database_url, "jipan_cloud_lease") as dsn:
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=2)
        assert pool is not None
        try:
            await apply_migrations(pool, SCHEMA, MIGRATIONS)
            first, second = ProvisioningStore(pool), ProvisioningStore(pool)
            now = datetime.now(UTC)
            operation = Operation(
                owner=ORG,
                id=uuid.uuid4(),
                kind=OperationKind.CREATE_DEPLOYMENT,
                target=f"{ORG}/deployments/{uuid.uuid4()}",
                requester="users/someone",
                step="queued",
                done=False,
                error=None,
                create_time=now,
                update_time=now,
                end_time=None,
            )
            async with pool.acquire() as conn:
                await first.insert_operation(conn, operation, 30.0)
            assert not await second.take_lease(ORG, operation.id, 30.0)  # held by the first
            assert await first.extend_lease(ORG, operation.id, 30.0)
            await first.step(ORG, operation.id, "run_instance", 30.0)

            await pool.execute("UPDATE cloud.operations SET lease_until = now() - interval '1 second'")
            assert await second.take_lease(ORG, operation.id, 30.0)
            assert not await first.extend_lease(ORG, operation.id, 30.0)
            with pytest.raises(LeaseLost):
                await first.step(ORG, operation.id, "tag_instance", 30.0)
            with pytest.raises(LeaseLost):
                await first.finish(ORG, operation.id, None)
            row = await pool.fetchrow("SELECT step, done FROM cloud.operations WHERE id = $1", operation.id)
            assert row is not None
            assert (row["step"], row["done"]) == ("run_instance", False)

            assert await second.extend_lease(ORG, operation.id, 30.0)
            await second.step(ORG, operation.id, "tag_instance", 30.0)
            await second.finish(ORG, operation.id, None)
            row = await pool.fetchrow("SELECT step, done FROM cloud.operations WHERE id = $1", operation.id)
            assert row is not None
            assert (row["step"], row["done"]) == ("done", True)
            assert await second.extend_lease(
                ORG, operation.id, 30.0
            )  # done: still its holder, nothing to stop
        finally:
            await pool.close()
