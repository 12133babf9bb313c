"""A start-up step a service runs in the background until it succeeds.

A database that is not reachable for a moment while a process starts is no
reason to serve without the step until the next restart: each failure is
logged and the step tried again, waiting longer each time, until it
succeeds or the server stops (which cancels it). Calls that need the step
ask `ready()`: it waits for the first attempt, so a call at start-up is not
refused just because it came early, and answers whether the step is done, so
the caller can refuse with UNAVAILABLE while retries go on. (inference has
its own copy of the loop, `_until_done`, from before this module.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog

log = structlog.get_logger(__name__)

FIRST_RETRY_S = 1.0
"""The wait after the first failure; it doubles after each one, up to MAX_RETRY_S."""
MAX_RETRY_S = 30.0


class StartupStep:
    """One start-up step, tried until it succeeds; `run_until_done` is the task attach starts."""

    def __init__(self, name: str, run: Callable[[], Awaitable[None]]) -> None:
        self.name = name
        self._run = run
        self.done = False
        self.failures = 0
        self._tried = asyncio.Event()

    async def run_until_done(self) -> None:
        delay = FIRST_RETRY_S
        while True:
            try:
                await self._run()
            except Exception as exc:
                self.failures += 1
                log.error(
                    "start-up step failed; retrying", step=self.name, attempt=self.failures, error=repr(exc)
                )
            else:
                self.done = True
                return
            finally:
                self._tried.set()
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_S)

    def start(self) -> Callable[[], Awaitable[None]]:
        """Run the step in a task of its own, beside the server starting; returns what cancels
        it (for `Runtime.on_shutdown`)."""
        task = asyncio.get_running_loop().create_task(self.run_until_done(), name=self.name)

        async def cancel() -> None:
            task.cancel()
            await asyncio.wait([task])

        return cancel

    async def ready(self) -> bool:
        """Whether the step succeeded, once its first attempt has ended."""
        if not self.done:
            await self._tried.wait()
        return self.done
