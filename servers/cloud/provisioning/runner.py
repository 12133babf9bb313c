"""Who runs a durable cloud operation, and when: one task per operation, holding its lease.

Provisioning (create, start, stop, delete, TTL teardown) and bucket migration
both keep their work as rows of `cloud.operations` (ProvisioningStore) and
drive each row with a runner task in the process that holds the row's lease.
This is that machinery, once:

- `spawn(owner, id, leased)`: run the operation here, unless this process runs
  it already. `leased`: the caller inserted the row holding this process's
  lease (ProvisioningStore.insert_operation), so no other replica's sweep can
  start it first; otherwise the task takes the lease and gives up quietly when
  another runner has it or the operation is done.
- `start()`: spawn every unfinished operation of the runner's kinds an earlier
  process left (a killed process's lease lapses; where that fails, the first
  sweep does it), then sweep every `sweep_s`
  for leases that lapse later (another replica died), and do the owner's own
  periodic work (`on_sweep`: the deployments' TTL teardown).
- While an operation runs, its task renews the lease every `lease_s / 3`, so a
  step longer than the lease is not taken up by another replica meanwhile.
- Fencing: a lease that lapsed anyway (the process stalled, its database was out
  of reach for longer than the lease) and was taken up by another replica is
  lost for good: the renewal finds another holder and cancels the work here, and
  a step or outcome this runner still tries to record raises LeaseLost. Only the
  holder records; the operation's steps are written to be resumed, so the holder
  carries on from the last step recorded.
- `close()` cancels the tasks (their leases lapse, the next start resumes);
  `idle()` waits until none runs (tests, benchmarks).

What an operation does is the owner's `execute(owner, operation_id)`; how a
failure is recorded on the row is `error_record` / `INTERNAL_ERROR` below.
`name` prefixes the tasks' names, `label` the log lines ("migrations resumed").
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable, Collection
from typing import Any

import structlog

from jipan.servers.cloud.provisioning.store import ProvisioningStore
from jipan.servers.cloud.provisioning.types import OperationKind
from jipan.servers.runtime.errors import DomainError
from jipan.servers.runtime.leases import LeaseLost

log = structlog.get_logger(__name__)

INTERNAL_ERROR: dict[str, Any] = {
    "code": "INTERNAL",
    "reason": "",
    "domain": "",
    "message": "internal error",
    "metadata": {},
}
"""An operation's recorded error for a failure that is not a DomainError: nothing of it reaches the caller."""


def error_record(exc: DomainError) -> dict[str, Any]:
    """An operation's recorded error (the google.rpc.Status GetOperation answers with)."""
    return {
        "code": exc.code.value,
        "reason": exc.reason,
        "domain": exc.domain,
        "message": str(exc)[:500],
        "metadata": {k: str(v) for k, v in (exc.metadata or {}).items()},
    }


class OperationRunner:
    def __init__(
        self,
        store: ProvisioningStore,
        kinds: Collection[OperationKind],
        execute: Callable[[str, uuid.UUID], Awaitable[None]],
        *,
        name: str,
        label: str,
        lease_s: float,
        sweep_s: float,
        on_sweep: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.store = store
        self.kinds = tuple(kinds)
        self.lease_s = lease_s
        self.sweep_s = sweep_s
        self._execute = execute
        self._name = name
        self._label = label
        self._on_sweep = on_sweep
        self._tasks: set[asyncio.Task[None]] = set()
        self._running: set[uuid.UUID] = set()
        self._sweep: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Resume what an earlier process left unfinished, then sweep periodically.

        The sweep starts even where this first resume fails (the database not reachable yet):
        it resumes again each round, and without it no lapsed lease would ever be taken up
        nor any deployment torn down at its TTL for the life of the process."""
        try:
            await self.resume()
        except Exception:
            log.exception(f"{self._label} not resumed at start; the sweep tries again")
        self._sweep = asyncio.create_task(self._sweep_loop(), name=f"{self._name}-sweep")

    async def resume(self) -> int:
        """Spawn every unfinished operation whose lease is free; how many there were."""
        pending = await self.store.pending_operations(self.kinds)
        for owner, operation_id in pending:
            self.spawn(owner, operation_id)
        if pending:
            log.info(f"{self._label} resumed", count=len(pending))
        return len(pending)

    async def _sweep_loop(self) -> None:
        while True:
            await asyncio.sleep(self.sweep_s)
            try:
                # An operation whose runner died after this process started (another
                # replica, or a lease that had not lapsed yet at start) is taken up here.
                await self.resume()
                if self._on_sweep is not None:
                    await self._on_sweep()
            except Exception:
                log.exception(f"{self._label} sweep failed")

    def spawn(self, owner: str, operation_id: uuid.UUID, leased: bool = False) -> None:
        """Run the operation here; `leased`: this process inserted it holding its lease."""
        if operation_id in self._running:
            return  # this process runs it already (its lease may lapse during a slow step)
        self._running.add(operation_id)
        task = asyncio.create_task(
            self._run(owner, operation_id, leased), name=f"{self._name}-{operation_id}"
        )
        self._tasks.add(task)

        def finished(done: asyncio.Task[None]) -> None:
            self._tasks.discard(done)
            self._running.discard(operation_id)

        task.add_done_callback(finished)

    async def _run(self, owner: str, operation_id: uuid.UUID, leased: bool) -> None:
        if not leased and not await self.store.take_lease(owner, operation_id, self.lease_s):
            return  # another runner has it, or it is done

        # The work in a task of its own: a lost lease cancels it, not this task (whose
        # cancellation means the process is closing).
        async def execute() -> None:
            await self._execute(owner, operation_id)

        work = asyncio.create_task(execute(), name=f"{self._name}-work-{operation_id}")
        heartbeat = asyncio.create_task(
            self._hold(owner, operation_id, work), name=f"{self._name}-lease-{operation_id}"
        )
        try:
            await work
        except LeaseLost:
            self._lost(operation_id)
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # closing: the lease lapses and the next start resumes
            self._lost(operation_id)  # the heartbeat found another holder and stopped the work
        finally:
            heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await heartbeat

    def _lost(self, operation_id: uuid.UUID) -> None:
        log.warning(
            f"{self._label}: lease lost to another runner; stopped here, the holder carries on",
            operation=str(operation_id),
        )

    async def _hold(self, owner: str, operation_id: uuid.UUID, work: asyncio.Task[None]) -> None:
        """Renews the lease while the operation runs here. One step can outlast the lease (an
        instance that takes minutes to boot, a large object over a slow link); were the lease
        renewed only between steps, another replica's sweep would take the operation up
        meanwhile and do the same step again (a second, orphaned, billed instance). A lease
        another runner holds is not renewed: the work here is cancelled instead."""
        while True:
            await asyncio.sleep(self.lease_s / 3)
            try:
                held = await self.store.extend_lease(owner, operation_id, self.lease_s)
            except Exception:
                # One failed renewal (a dropped connection) must not end the heartbeat.
                log.warning(f"{self._label}: lease not extended", operation=str(operation_id), exc_info=True)
                continue
            if not held:
                work.cancel()
                return

    async def close(self) -> None:
        tasks = [*self._tasks, *([self._sweep] if self._sweep else [])]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def idle(self) -> None:
        """Wait until no operation runs in this process."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
