"""The recovery of privacy operations: the start-up step tried again after a failure (UNAVAILABLE
until done), and, with several replicas on one database, leases: a replica's recovery or sweep fails
only the operations whose lease lapsed (their process died), never one another replica still runs.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import grpc
import pytest
import pytest_asyncio

from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.privacy.v1 import resources_pb2 as res
from jipan.servers import ledger, privacy, system
from jipan.servers.privacy.domain import Privacy
from jipan.servers.privacy.store import PrivacyStore
from jipan.servers.privacy.table import Table
from jipan.servers.privacy.types import Dataset, OperationKind
from jipan.servers.runtime import startup
from jipan.servers.runtime.leases import LeaseLost
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


# --- several replicas on one database: leases ----------------------------------------------------

LEASE_S = 1.0


@pytest_asyncio.fixture(scope="module")
async def leased(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    """Replica A, with a short lease (renewed every third of a second, swept every half)."""
    async with fresh_database(database_url, "jipan_privacy_leases") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("privacy-leases"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
            JIPAN_PRIVACY_OPERATION_LEASE_S=str(LEASE_S),
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, privacy.SERVICE]) as running:
            yield running


class HeldAnonymisation:
    """An anonymisation that starts, then waits for the test before it reads its dataset."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.owner: Privacy | None = None
        read = Privacy._table

        async def table(owner: Privacy, dataset: Dataset) -> Table:
            self.owner = owner
            self.started.set()
            await self.release.wait()
            return await read(owner, dataset)

        monkeypatch.setattr(Privacy, "_table", table)


def replica(of: Privacy) -> Privacy:
    """Replica B: the same service on the same database, with a store (and fencing token) of its own."""
    return Privacy(
        PrivacyStore(of.store.pool),
        of.anchor,
        of.page_tokens,
        of.request_ids,
        of.keys,
        max_bytes=of.max_bytes,
        max_rows=of.max_rows,
    )


async def _get(stub: Any, metadata: tuple[tuple[str, str], ...], name: str) -> res.Operation:
    response = await stub.GetOperation(ppb.GetOperationRequest(name=name), metadata=metadata)
    operation: res.Operation = response.operation
    return operation


async def test_another_replicas_recovery_leaves_a_running_operation_alone(
    leased: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldAnonymisation(monkeypatch)
    async with grpc.aio.insecure_channel(leased.address) as channel:
        stub: Any = ppb_grpc.PrivacyServiceStub(channel)
        metadata = auth(leased, "orgs/replicas")
        source = await create(stub, metadata, _anonymisable(), ANONYMISABLE_COLUMNS)
        started = await _anonymise(stub, metadata, source.name, 2)
        await asyncio.wait_for(held.started.wait(), 10)
        assert held.owner is not None
        # Replica B starts (its start-up recovery), and again after A's first lease would have
        # lapsed had A not renewed it: A's operation runs on.
        other = replica(held.owner)
        await other.recover_operations()
        await asyncio.sleep(LEASE_S * 1.5)
        await other.recover_operations()
        running = await _get(stub, metadata, started.name)
        assert not running.done, running.error
        held.release.set()
        done = await _done(stub, metadata, running)
        assert done.WhichOneof("result") == "response", done.error


async def test_an_operation_whose_runner_stopped_is_failed_by_the_sweep_and_its_runner_writes_nothing(
    leased: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldAnonymisation(monkeypatch)

    async def stalled(*_: Any) -> bool:
        await asyncio.Event().wait()  # A's renewals never arrive (a frozen process, a cut link)
        return True

    monkeypatch.setattr(PrivacyStore, "extend_lease", stalled, raising=False)
    async with grpc.aio.insecure_channel(leased.address) as channel:
        stub: Any = ppb_grpc.PrivacyServiceStub(channel)
        metadata = auth(leased, "orgs/replicas")
        source = await create(stub, metadata, _anonymisable(), ANONYMISABLE_COLUMNS)
        output = f"anon-{uuid.uuid4().hex[:8]}"
        started = await _anonymise(stub, metadata, source.name, 2, output=output)
        await asyncio.wait_for(held.started.wait(), 10)
        # A row a dead process of an earlier version left (no lease): failed too, with no restart.
        orphan = uuid.uuid4()
        await leased.runtime.database.execute(
            "INSERT INTO privacy.operations (id, owner, kind, target, requester)"
            " VALUES ($1, 'orgs/replicas', 'ANONYMISE', $2, 'people/gone')",
            orphan,
            source.name,
        )
        # The server's own sweep (no restart) fails both once the lease lapsed.
        failed = await _done(stub, metadata, started)
        assert failed.WhichOneof("result") == "error"
        assert (failed.error.code, failed.error.reason) == (
            grpc.StatusCode.ABORTED.value[0],
            "OPERATION_INTERRUPTED",
        )
        gone = await _done(
            stub, metadata, await _get(stub, metadata, f"orgs/replicas/operations/{orphan.hex}")
        )
        assert gone.error.reason == "OPERATION_INTERRUPTED"
        # A's work goes on, finds it no longer holds the operation, and records nothing over the
        # sweep's outcome; it stops before making the output dataset.
        held.release.set()
        await asyncio.sleep(LEASE_S)
        after = await _get(stub, metadata, started.name)
        assert after.error == failed.error
        assert after.metadata.progress_percent == failed.metadata.progress_percent
        await refused(
            stub.GetDataset(
                ppb.GetDatasetRequest(name=f"orgs/replicas/datasets/{output}"), metadata=metadata
            ),
            grpc.StatusCode.NOT_FOUND,
            "DATASET_NOT_FOUND",
        )


async def test_a_runner_that_lost_its_lease_cannot_overwrite_the_sweeps_outcome(
    leased: RunningServer,
) -> None:
    pool = leased.runtime.database
    runner, sweeper = PrivacyStore(pool), PrivacyStore(pool)
    op_id = uuid.uuid4()
    async with pool.acquire() as conn:
        await runner.insert_operation(
            conn, "orgs/replicas", op_id, OperationKind.ANONYMISE, "orgs/replicas/datasets/d", "people/a", 0.2
        )
    interrupted = OperationError("ABORTED", "interrupted", "OPERATION_INTERRUPTED", "privacy.jipan.tw")
    await sweeper.fail_unfinished(interrupted)
    live = await runner.get_operation("orgs/replicas", op_id)
    assert live is not None
    assert not live.done  # its lease is live
    await asyncio.sleep(0.3)
    await sweeper.fail_unfinished(interrupted)  # lapsed: failed (by this sweep or the server's)
    assert not await runner.extend_lease(op_id.hex, 1.0)
    assert not await runner.progress(op_id.hex, 50, "late")
    assert not await runner.finish_operation(op_id.hex, None, {"dataset": "late"})
    operation = await runner.get_operation("orgs/replicas", op_id)
    assert operation is not None
    assert operation.done
    assert operation.result is None
    assert operation.error is not None
    assert operation.error.reason == "OPERATION_INTERRUPTED"
    assert operation.progress_percent == 0


async def test_a_runner_that_lost_its_lease_stores_no_output_dataset(leased: RunningServer) -> None:
    """A runner that stalled past its lease after its last progress step, its operation failed by a
    sweep meanwhile, must not leave the output dataset behind: the dataset is written only while the
    runner still holds its unfinished operation, whose row stays locked until the dataset commits."""
    pool = leased.runtime.database
    runner, sweeper = PrivacyStore(pool), PrivacyStore(pool)
    op_id = uuid.uuid4()
    async with pool.acquire() as conn:
        await runner.insert_operation(
            conn, "orgs/replicas", op_id, OperationKind.ANONYMISE, "orgs/replicas/datasets/d", "people/a", 0.2
        )
    output_id = f"late-{op_id.hex[:8]}"
    output = Dataset(
        owner="orgs/replicas",
        id=output_id,
        display_name="late",
        columns=(),
        total_epsilon=Decimal(1),
        spent_epsilon=Decimal(0),
        row_count=0,
        size_bytes=0,
        sha256=hashlib.sha256(b"").digest(),
        creator="people/a",
        create_time=datetime.now(UTC),
    )
    stored = await runner.insert_dataset(output, b"", b"wrapped", for_operation=op_id.hex)  # held: stored
    assert stored is not None
    await asyncio.sleep(0.3)
    interrupted = OperationError("ABORTED", "interrupted", "OPERATION_INTERRUPTED", "privacy.jipan.tw")
    await sweeper.fail_unfinished(interrupted)  # lapsed: failed (by this sweep or the server's)
    late = replace(output, id=f"{output_id}-2")
    with pytest.raises(LeaseLost):
        await runner.insert_dataset(late, b"", b"wrapped", for_operation=op_id.hex)
    assert await runner.get_dataset("orgs/replicas", late.id) is None
