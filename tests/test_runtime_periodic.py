"""servers/runtime/periodic.py: a sweep goes on after a failed round, and stops when told."""

from __future__ import annotations

import asyncio

from jipan.servers.runtime.periodic import Periodic


async def test_a_failed_round_is_logged_and_the_next_one_runs() -> None:
    rounds: list[int] = []
    third = asyncio.Event()

    async def work() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise ConnectionResetError("the database went away")
        if len(rounds) == 3:
            third.set()

    stop = Periodic("test sweep", 0.01, work).start()
    try:
        await asyncio.wait_for(third.wait(), 5)
    finally:
        await stop()
    seen = len(rounds)
    await asyncio.sleep(0.05)
    assert len(rounds) == seen  # stopped: no round after stop() returned


async def test_the_first_round_waits_for_its_delay() -> None:
    ran = asyncio.Event()

    async def work() -> None:
        ran.set()

    stop = Periodic("test sweep", 10, work, first_delay_s=0.2).start()
    try:
        await asyncio.sleep(0.05)
        assert not ran.is_set()
        await asyncio.wait_for(ran.wait(), 5)
    finally:
        await stop()


async def test_stop_cancels_a_round_in_progress() -> None:
    started = asyncio.Event()
    cancelled: list[bool] = []

    async def work() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    stop = Periodic("test sweep", 10, work).start()
    await asyncio.wait_for(started.wait(), 5)
    await asyncio.wait_for(stop(), 5)
    assert cancelled == [True]
