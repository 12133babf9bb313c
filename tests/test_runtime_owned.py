"""OwnedTasks: work run to its end though its caller stops waiting, failures of work whose
caller left are logged (never "Task exception was never retrieved"), close() bounded."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest

from jipan.servers.runtime import owned as owned_module
from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.owned import OwnedTasks


async def test_a_cancelled_caller_leaves_the_work_running_to_its_end() -> None:
    owned = OwnedTasks("test work")
    release = asyncio.Event()
    finished: list[str] = []

    async def work() -> str:
        await release.wait()
        finished.append("done")
        return "result"

    caller = asyncio.ensure_future(owned.run(work()))
    await asyncio.sleep(0)
    assert len(owned) == 1
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    assert len(owned) == 1  # still running, still referenced
    release.set()
    await owned.close()
    assert finished == ["done"]
    assert len(owned) == 0


async def test_a_waiting_caller_gets_the_result_and_the_exception() -> None:
    owned = OwnedTasks("test work")

    async def ok() -> int:
        return 7

    async def fails() -> None:
        raise ValueError("bad")

    assert await owned.run(ok()) == 7
    with pytest.raises(ValueError, match="bad"):
        await owned.run(fails())
    assert len(owned) == 0


class Recorded:
    """Stands in for the module's logger: its events, by level."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, object]] = []

    def error(self, event: str, **fields: object) -> None:
        self.events.append(("error", event, fields.get("exc_info")))

    def info(self, event: str, **fields: object) -> None:
        self.events.append(("info", event, fields.get("reason")))


async def test_a_failure_after_the_caller_left_is_logged_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = Recorded()
    monkeypatch.setattr(owned_module, "log", recorded)
    owned = OwnedTasks("test work")
    release = asyncio.Event()
    unretrieved: list[dict[str, Any]] = []
    asyncio.get_running_loop().set_exception_handler(lambda _, context: unretrieved.append(context))
    try:

        async def fails() -> None:
            await release.wait()
            raise RuntimeError("after the caller left")

        caller = asyncio.ensure_future(owned.run(fails(), name="failing"))
        await asyncio.sleep(0)
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        release.set()
        await owned.close()
        gc.collect()
    finally:
        asyncio.get_running_loop().set_exception_handler(None)
    assert [(level, event) for level, event, _ in recorded.events] == [
        ("error", "test work failed with no caller waiting for it")
    ]
    assert isinstance(recorded.events[0][2], RuntimeError)
    assert not unretrieved


async def test_close_waits_a_bounded_time_then_cancels() -> None:
    owned = OwnedTasks("test work")
    cancelled = asyncio.Event()

    async def forever() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    owned.spawn(forever())
    await asyncio.sleep(0)
    started = asyncio.get_running_loop().time()
    await owned.close(timeout_s=0.1)
    assert asyncio.get_running_loop().time() - started < 5
    assert cancelled.is_set()
    assert len(owned) == 0


async def test_a_failure_of_work_nobody_awaits_is_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = Recorded()
    monkeypatch.setattr(owned_module, "log", recorded)
    owned = OwnedTasks("background work")

    async def fails() -> None:
        raise RuntimeError("nobody waits")

    owned.spawn(fails())
    await owned.close()
    assert [(level, event) for level, event, _ in recorded.events] == [
        ("error", "background work failed with no caller waiting for it")
    ]


async def test_a_second_caller_still_waiting_gets_the_failure_and_nothing_is_logged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorded = Recorded()
    monkeypatch.setattr(owned_module, "log", recorded)
    owned = OwnedTasks("shared work")
    release = asyncio.Event()

    async def fails() -> None:
        await release.wait()
        raise RuntimeError("told to the caller")

    task = owned.spawn(fails())
    first = asyncio.ensure_future(owned.wait(task))
    second = asyncio.ensure_future(owned.wait(task))
    await asyncio.sleep(0)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    release.set()
    with pytest.raises(RuntimeError, match="told to the caller"):
        await second
    assert recorded.events == []


async def test_a_refusal_nobody_awaits_is_noted_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = Recorded()
    monkeypatch.setattr(owned_module, "log", recorded)
    owned = OwnedTasks("opening")

    async def refused() -> None:
        raise InvalidArgument("PDF_INVALID", "not a PDF", domain="test")

    owned.spawn(refused())
    await owned.close()
    assert [(level, event) for level, event, _ in recorded.events] == [
        ("info", "opening refused with no caller waiting for it")
    ]
