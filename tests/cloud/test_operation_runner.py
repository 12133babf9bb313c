"""The operation runner alone, over a store that fails where told: a start-up whose first
resume fails still sweeps, and resumes on the sweep."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Collection

from jipan.servers.cloud.provisioning.runner import OperationRunner
from jipan.servers.cloud.provisioning.types import OperationKind

ORG = "orgs/runner"


class FlakyStore:
    """pending_operations fails `failures` times (the database not reachable yet), then
    answers one unfinished operation; every lease is free."""

    def __init__(self, failures: int, operation_id: uuid.UUID) -> None:
        self.failures = failures
        self.operation_id = operation_id

    async def pending_operations(self, kinds: Collection[OperationKind]) -> list[tuple[str, uuid.UUID]]:
        if self.failures:
            self.failures -= 1
            raise OSError("connection refused")
        return [(ORG, self.operation_id)]

    async def take_lease(self, owner: str, operation_id: uuid.UUID, lease_s: float) -> bool:
        return True


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
