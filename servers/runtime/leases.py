"""A lease on a row, renewed by a heartbeat while the work it stands for runs in this process.

Work that runs in a process (an anonymisation, a push's bytes travelling) keeps its row "running"
while it runs. Another replica, or the next start, must be able to tell it apart from work whose
process died, without asking that process: the row names its holder (a fencing token made once
per process) and a `lease_until`. While the work runs here, `hold_lease` renews the lease every
third of its length, so it lapses only when the process is gone, or stalled or cut off from the
database for longer than the lease; a sweep of any replica then ends (or takes up) the work whose
lease lapsed. A renewal that finds the row no longer held here (a sweep ended it, another replica
took it up) cancels the work and raises `LeaseLost`; the store's other writes of that row are
fenced by the holder too, so a runner that lost its lease records nothing over what the sweep
recorded.

    size, digest = await hold_lease(
        self._write(transfer, destination, token),
        lambda: self.store.extend_push(transfer.id, self.push_lease_s),
        self.push_lease_s,
        name=f"push-{transfer.id}",
    )

The work runs in a task of its own, so a lost lease cancels the work, not the caller: cancelling
the caller (a shutdown) cancels the work too and waits for it to end (its own handling of the
cancellation runs) before the CancelledError goes on. servers/cloud has its own runner
(provisioning/runner.py), from before this module, which resumes operations instead of ending them;
its fenced writes raise this module's LeaseLost too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import structlog

log = structlog.get_logger(__name__)

_T = TypeVar("_T")


class LeaseLost(Exception):
    """The row's lease is no longer this process's: a sweep ended the work after the lease lapsed,
    or another replica took it up. The work stops here without recording anything more."""


async def hold_lease(
    work: Coroutine[Any, Any, _T],
    renew: Callable[[], Awaitable[bool]],
    lease_s: float,
    *,
    name: str,
) -> _T:
    """`work`'s result, its lease renewed by `renew()` every `lease_s / 3` while it runs.

    `renew()` answers whether this process still holds the row (and extends the lease when it
    does); False cancels the work and raises LeaseLost here. A renewal that fails (a dropped
    connection) is logged and tried again at the next beat: the lease has two more beats to
    run, and a renewal after it lapsed still succeeds unless a sweep got there first."""
    loop = asyncio.get_running_loop()
    task = loop.create_task(work, name=name)
    lost = False

    async def heartbeat() -> None:
        nonlocal lost
        while True:
            await asyncio.sleep(lease_s / 3)
            try:
                held = await renew()
            except Exception:
                log.warning("lease not renewed; trying again at the next beat", work=name, exc_info=True)
                continue
            if not held:
                lost = task.cancel()  # False: the work ended meanwhile, and its outcome stands
                return

    beat = loop.create_task(heartbeat(), name=f"{name}-lease")
    try:
        await asyncio.wait([task])
    except asyncio.CancelledError:
        task.cancel()
        await asyncio.wait([task])
        if not task.cancelled():
            task.exception()  # retrieved: the caller's cancellation is what goes on
        raise
    finally:
        beat.cancel()
        await asyncio.wait([beat])  # not `await beat`: that would swallow a cancellation of the caller
    if lost and task.cancelled():
        raise LeaseLost(f"{name}: the lease is held by another runner or the work was ended")
    return task.result()
