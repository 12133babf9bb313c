"""Work that must run to its end though its caller stops waiting, in tasks an object owns.

A request can start work that must not stop half-way when the caller goes away (a deadline,
a disconnection, the cancellation of a shutdown): an index update whose half would leave
claims unsearchable, a command whose reply would otherwise be read by the next command, the
commit of a transfer's outcome, a notification of data already committed. Such work runs in
a task of its own, the caller awaits it through `asyncio.shield`, and the task is kept
(a task nobody references can be collected mid-run) until it ends. A failure while a
caller still waits is that caller's exception; a failure after the caller left, or of work
nobody awaits (`spawn` alone: an anchoring beside a response), has nobody to tell, so it is
logged here instead of surfacing as "Task exception was never retrieved".

    self._updates = OwnedTasks("factcheck index update")
    ...
    await self._updates.run(self._refresh_lexical())

`close()` (at shutdown) waits a bounded time for what runs, then cancels the rest.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import structlog

from jipan.servers.runtime.errors import DomainError

log = structlog.get_logger(__name__)

_T = TypeVar("_T")


class OwnedTasks:
    def __init__(self, label: str) -> None:
        self._label = label
        self._tasks: set[asyncio.Task[Any]] = set()
        self._waiting: dict[asyncio.Task[Any], int] = {}
        """How many callers await each task (`wait`): a failure with none is logged here."""

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(self, work: Coroutine[Any, Any, _T], *, name: str | None = None) -> asyncio.Task[_T]:
        """Start `work` in a task kept until it ends (await it with `wait`, or not at all)."""
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._ended)
        return task

    async def run(self, work: Coroutine[Any, Any, _T], *, name: str | None = None) -> _T:
        """`work`'s result; a caller cancelled meanwhile leaves it running to its end."""
        return await self.wait(self.spawn(work, name=name))

    async def wait(self, task: asyncio.Task[_T]) -> _T:
        """Await a task of `spawn`, shielded: cancelling the caller does not cancel the task."""
        if task.done():
            return task.result()
        self._waiting[task] = self._waiting.get(task, 0) + 1
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            if not task.done():
                self._waiting[task] -= 1  # this caller left: the task runs on without it
            raise

    def _ended(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        waiting = self._waiting.pop(task, 0)
        if task.cancelled():
            return
        error = task.exception()  # retrieved either way: a caller still waiting gets it too
        if error is None or waiting:
            return
        if isinstance(error, DomainError):  # a refusal (bad input, a state): no fault here
            log.info(f"{self._label} refused with no caller waiting for it", reason=error.reason)
        else:
            log.error(f"{self._label} failed with no caller waiting for it", exc_info=error)

    async def close(self, timeout_s: float | None = 10.0) -> None:
        """Wait at most `timeout_s` (None: as long as they run) for the running tasks, then
        cancel what is left."""
        running = list(self._tasks)
        if not running:
            return
        _, late = await asyncio.wait(running, timeout=timeout_s)
        for task in late:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
