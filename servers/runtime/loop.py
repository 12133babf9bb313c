"""The event loop a server process runs on (`JIPAN_EVENT_LOOP`).

uvloop (libuv under asyncio's API) is the default: grpc.aio drives its
completion queue through the loop (a reader on a socket its poller thread
signals), so every call's futures, tasks and wake-ups are the loop's work,
and libuv does that work with less CPU than the standard library's
selector loop (bench/RESULTS.md, "event loop"). `asyncio` keeps the standard
loop, for a platform without uvloop or to rule the loop out when debugging.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from jipan.servers.runtime.settings import EventLoop

T = TypeVar("T")


def loop_factory(choice: EventLoop) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """What asyncio.Runner makes its loop with (None: the standard library's)."""
    if choice is EventLoop.UVLOOP:
        import uvloop

        return uvloop.new_event_loop
    return None


def run(main: Coroutine[Any, Any, T], choice: EventLoop) -> T:
    """asyncio.run on the chosen loop."""
    with asyncio.Runner(loop_factory=loop_factory(choice)) as runner:
        return runner.run(main)
