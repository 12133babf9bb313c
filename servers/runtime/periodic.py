"""Work a service does now and then for the life of its process: a sweep.

What a dead process, a failed call or another replica left behind is picked
up by a sweep every replica runs: the operations and pushes whose lease lapsed
(privacy, dataspace), the events staged and not announced (market), the
entries committed and not anchored yet (privacy releases, market decisions).
Each is one `Periodic`: the work runs in a task of its own, first after
`first_delay_s`, then every `interval_s` after each round ends; a round that
fails is logged and the next one tries again (the database being away for a
moment must not end the sweep for the life of the process). `start()` returns
what stops it, for `Runtime.on_shutdown`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog

log = structlog.get_logger(__name__)


class Periodic:
    def __init__(
        self,
        name: str,
        interval_s: float,
        work: Callable[[], Awaitable[object]],
        *,
        first_delay_s: float = 0.0,
    ) -> None:
        self.name = name
        self.interval_s = interval_s
        self.first_delay_s = first_delay_s
        self._work = work

    async def _loop(self) -> None:
        await asyncio.sleep(self.first_delay_s)
        while True:
            try:
                await self._work()
            except Exception:
                log.exception("periodic work failed; the next round tries again", work=self.name)
            await asyncio.sleep(self.interval_s)

    def start(self) -> Callable[[], Awaitable[None]]:
        """Run it in a task of its own from now on; returns what cancels it."""
        task = asyncio.get_running_loop().create_task(self._loop(), name=self.name)

        async def stop() -> None:
            task.cancel()
            await asyncio.wait([task])

        return stop
