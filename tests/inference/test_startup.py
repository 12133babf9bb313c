"""The inference service's start-up task: a failed step is retried, not left undone until a restart."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any, cast

import asyncpg
import pytest

from jipan.servers import inference
from jipan.servers.runtime import startup
from jipan.servers.runtime.settings import ConfigError

pytestmark = pytest.mark.timeout(30)


class FlakyOperations:
    """recover_state fails the first time (the database is still starting)."""

    def __init__(self) -> None:
        self.recoveries = 0
        self.redeploys = 0

    async def recover_state(self) -> None:
        self.recoveries += 1
        if self.recoveries == 1:
            raise asyncpg.CannotConnectNowError("the database system is starting up")

    async def redeploy(self) -> None:
        self.redeploys += 1


class FlakyBackend:
    """start fails `failures` times (tritonserver did not come up)."""

    kind = "cluster"

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.starts = 0
        self.third = asyncio.Event()

    async def start(self) -> None:
        self.starts += 1
        if self.starts == 3:
            self.third.set()
        if self.starts <= self.failures:
            raise ConfigError("the embedded tritonserver did not start")


def runtime() -> Any:
    return SimpleNamespace(settings=SimpleNamespace(ledger_target="ledger:1", inference_builtin_models=False))


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "FIRST_RETRY_S", 0.0)


async def test_a_failed_start_up_step_is_retried_until_it_succeeds() -> None:
    operations, backend, ready = FlakyOperations(), FlakyBackend(failures=1), asyncio.Event()
    await inference._start(runtime(), cast(Any, backend), ready, cast(Any, operations))
    assert ready.is_set()
    # Recovery ran again only while it had not succeeded: never after operations could start.
    assert operations.recoveries == 2
    assert backend.starts == 2
    assert operations.redeploys == 1


async def test_the_retries_end_when_the_server_stops() -> None:
    operations, backend, ready = FlakyOperations(), FlakyBackend(failures=1_000), asyncio.Event()
    start = inference._start(runtime(), cast(Any, backend), ready, cast(Any, operations))
    starting = asyncio.create_task(start)
    third = asyncio.create_task(backend.third.wait())
    await asyncio.wait([starting, third], return_when=asyncio.FIRST_COMPLETED)
    assert third.done()
    assert not starting.done()  # still trying
    starting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await starting
    assert not ready.is_set()
