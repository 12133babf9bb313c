"""The operation runner alone, over a store that fails where told: a start-up whose first
resume fails still sweeps, and resumes on the sweep; a step longer than the lease keeps the
lease, through a failed renewal."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Collection

from jipan.servers.cloud.provisioning.runner import OperationRunner
from jipan.servers.cloud.provisioning.types import OperationKind

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

    async def extend_lease(self, owner: str, operation_id: uuid.UUID, seconds: float) -> None:
        self.renewals += 1
        if self.renewals == 1:
            raise OSError("connection reset")
        self.renewed.set()


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
