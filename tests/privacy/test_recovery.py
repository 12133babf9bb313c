"""The start-up recovery of privacy operations: tried again after a failure, UNAVAILABLE until done."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest
import pytest_asyncio

from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.servers import ledger, privacy, system
from jipan.servers.privacy.store import PrivacyStore
from jipan.servers.runtime import startup
from jipan.servers.runtime.operations import OperationError
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server
from tests.privacy.test_privacy import (
    ANONYMISABLE_COLUMNS,
    _anonymisable,
    _anonymise,
    _done,
    auth,
    create,
    refused,
)


class FlakyRecovery:
    """fail_unfinished that fails its first call (a database blip) and holds the second until let go."""

    def __init__(self) -> None:
        self.calls = 0
        self.let_go = asyncio.Event()
        self.succeeded = asyncio.Event()
        self.real = PrivacyStore.fail_unfinished

    async def __call__(self, store: PrivacyStore, error: OperationError) -> int:
        self.calls += 1
        if self.calls == 1:
            raise ConnectionRefusedError("the database is not there yet")
        await self.let_go.wait()
        ended = await self.real(store, error)
        self.succeeded.set()
        return ended


@pytest_asyncio.fixture
async def flaky(monkeypatch: pytest.MonkeyPatch) -> FlakyRecovery:
    recovery = FlakyRecovery()

    async def fail_unfinished(store: PrivacyStore, error: OperationError) -> int:
        return await recovery(store, error)

    monkeypatch.setattr(PrivacyStore, "fail_unfinished", fail_unfinished)
    monkeypatch.setattr(startup, "FIRST_RETRY_S", 0.0)
    return recovery


@pytest_asyncio.fixture
async def server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, flaky: FlakyRecovery
) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_privacy_recovery") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("privacy-recovery"), JIPAN_LEDGER_BATCH_WINDOW_S="0.02"
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, privacy.SERVICE]) as running:
            yield running


async def test_a_failed_recovery_is_retried_and_operations_are_unavailable_meanwhile(
    server: RunningServer, flaky: FlakyRecovery
) -> None:
    async with grpc.aio.insecure_channel(server.address) as channel:
        stub: Any = ppb_grpc.PrivacyServiceStub(channel)
        metadata = auth(server, "orgs/recovery")
        source = await create(stub, metadata, _anonymisable(), ANONYMISABLE_COLUMNS)
        # The first attempt failed and the second is held: not INTERNAL, but UNAVAILABLE with a reason.
        details = await refused(
            _anonymise(stub, metadata, source.name, 2), grpc.StatusCode.UNAVAILABLE, "OPERATIONS_RECOVERING"
        )
        assert details.domain == "privacy.jipan.tw"
        flaky.let_go.set()
        await asyncio.wait_for(flaky.succeeded.wait(), 60)
        assert flaky.calls == 2
        operation = await _done(stub, metadata, await _anonymise(stub, metadata, source.name, 2))
        assert operation.WhichOneof("result") == "response"
