"""What an interruption leaves behind: pushes cut off (by a shutdown, or by a process that died
mid-push: its lease lapses), uploads racing or cut off after their commit, lookups left running,
connections held across another mesh's answer.

One server (system, ledger, dataspace). A push's write is replaced by one the test holds open or
fails, so the RPC can be cancelled, the server's shutdown hook run, or the object store fail at a
chosen moment; the transfer must end recorded, never stay STARTED. Uploads replacing a
distribution's data retire exactly the key they replaced, in the transaction that replaces it.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import grpc
import pytest
import pytest_asyncio

from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.interceptors.context import Principal
from jipan.servers import dataspace, ledger, system
from jipan.servers.dataspace.catalog.store import CatalogStore
from jipan.servers.dataspace.negotiation.domain import Negotiations, RemoteStart
from jipan.servers.dataspace.negotiation.store import NegotiationStore
from jipan.servers.dataspace.negotiation.types import RemoteView, State
from jipan.servers.dataspace.retired import RetiredObjects
from jipan.servers.dataspace.transfer import domain as transfer_domain
from jipan.servers.dataspace.transfer.domain import Transfers
from jipan.servers.dataspace.transfer.store import TransferStore
from jipan.servers.dataspace.transfer.types import Transfer
from jipan.servers.runtime.idempotency import RequestIds
from tests.conftest import fresh_database
from tests.dataspace.test_consent_privacy_push import (
    PERSON_A,
    agree,
    auth,
    publish,
    research_policy,
    transfer_request,
    upload,
)
from tests.dataspace.test_dataspace import CONSUMER, refused
from tests.mesh import RunningServer, make_settings, running_server

DATA = b"station,pm25\n" * 500


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_dataspace_interruptions") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("dataspace-interruptions"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
            JIPAN_DATASPACE_PUSH_ALLOW_HTTP_LOOPBACK="true",
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, dataspace.SERVICE]) as running:
            yield running


def destination() -> tpb.S3Destination:
    # Never dialled: the write is the test's.
    return tpb.S3Destination(
        endpoint_url="http://127.0.0.1:9",
        bucket="consumer-bucket",
        key=f"incoming/{uuid.uuid4().hex}.csv",
        access_key_id="testing",
        secret_access_key="testing",
    )


class HeldWrite:
    """A push write that starts, then waits for the test; it counts the writes begun."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.calls = 0
        self.owner: Transfers | None = None

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def write(owner: Transfers, transfer: Transfer, *_: Any) -> tuple[int, bytes]:
            self.calls += 1
            self.owner = owner
            self.started.set()
            await self.release.wait()
            return transfer.byte_size, transfer.sha256

        monkeypatch.setattr(Transfers, "_write", write)


async def pushed_agreement(server: RunningServer, channel: grpc.aio.Channel) -> str:
    name = await publish(channel, server, research_policy())
    await upload(channel, server, name, DATA)
    return await agree(channel, server, name)


async def only_transfer(
    channel: grpc.aio.Channel, server: RunningServer, agreement: str
) -> res.TransferProcess:
    listed = await tpb_grpc.TransferServiceStub(channel).ListTransfers(
        tpb.ListTransfersRequest(agreement=agreement), metadata=auth(server, CONSUMER)
    )
    [transfer] = listed.transfers
    return transfer


async def held_push(
    server: RunningServer,
    channel: grpc.aio.Channel,
    held: HeldWrite,
    push_to: tpb.S3Destination | None = None,
) -> tuple[str, asyncio.Future[Any]]:
    """A new agreement's push requested (the call left running) and its write begun and held:
    the agreement's name and the call."""
    agreement = await pushed_agreement(server, channel)
    call = asyncio.ensure_future(
        tpb_grpc.TransferServiceStub(channel).RequestTransfer(
            transfer_request(agreement, push_destination=push_to or destination()),
            metadata=auth(server, CONSUMER),
        )
    )
    await asyncio.wait_for(held.started.wait(), 10)
    return agreement, call


async def transfer_id_of(channel: grpc.aio.Channel, server: RunningServer, agreement: str) -> uuid.UUID:
    return uuid.UUID((await only_transfer(channel, server, agreement)).name.removeprefix("transfers/"))


async def test_a_push_outlives_its_caller_and_a_replay_awaits_it(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWrite()
    held.install(monkeypatch)
    agreement = await pushed_agreement(server, channel)
    transfers = tpb_grpc.TransferServiceStub(channel)
    request = transfer_request(agreement, push_destination=destination())
    first = transfers.RequestTransfer(request, metadata=auth(server, CONSUMER))
    await asyncio.wait_for(held.started.wait(), 10)
    first.cancel()  # the client gives up (a deadline, a disconnection) while the data travel
    with pytest.raises(asyncio.CancelledError):
        await first
    assert (await only_transfer(channel, server, agreement)).state == res.TRANSFER_STATE_STARTED

    # The same request again while the push runs: it waits for that push, it does not start one.
    entered = asyncio.Event()
    push_of = getattr(Transfers, "_pushed", None)

    async def watched(owner: Transfers, *args: Any) -> Any:
        entered.set()  # the replay reached the push; it yields only once awaiting it
        assert push_of is not None
        return await push_of(owner, *args)

    monkeypatch.setattr(Transfers, "_pushed", watched, raising=False)
    replay = asyncio.ensure_future(transfers.RequestTransfer(request, metadata=auth(server, CONSUMER)))
    await asyncio.wait_for(entered.wait(), 10)
    held.release.set()
    done = (await asyncio.wait_for(replay, 10)).transfer
    assert done.state == res.TRANSFER_STATE_COMPLETED
    assert held.calls == 1
    assert (await only_transfer(channel, server, agreement)).state == res.TRANSFER_STATE_COMPLETED


async def test_a_push_the_store_fails_ends_terminated(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_: Any) -> tuple[int, bytes]:
        raise OSError("the object store is unreachable")

    monkeypatch.setattr(Transfers, "_write", broken)
    agreement = await pushed_agreement(server, channel)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await tpb_grpc.TransferServiceStub(channel).RequestTransfer(
            transfer_request(agreement, push_destination=destination()), metadata=auth(server, CONSUMER)
        )
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    transfer = await only_transfer(channel, server, agreement)
    assert (transfer.state, transfer.termination_code) == (res.TRANSFER_STATE_TERMINATED, "PUSH_FAILED")


async def test_shutdown_records_the_pushes_it_interrupts(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWrite()
    held.install(monkeypatch)
    agreement, call = await held_push(server, channel, held)
    assert held.owner is not None
    close: Callable[[], Awaitable[None]] = held.owner.close  # the hook the runtime runs at shutdown
    await asyncio.wait_for(close(), 10)
    # The caller is told, not left waiting for an answer that never comes.
    told = await refused(call, grpc.StatusCode.FAILED_PRECONDITION, "PUSH_FAILED")
    assert told.metadata["problem"] == "interrupted"
    transfer = await only_transfer(channel, server, agreement)
    assert (transfer.state, transfer.termination_code) == (
        res.TRANSFER_STATE_TERMINATED,
        "PUSH_INTERRUPTED",
    )


# --- a process killed mid-push: the push's lease lapses ------------------------------------------

LEASE_S = 1.0


@pytest_asyncio.fixture(scope="module")
async def leased(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    """A server of its own (the shutdown tests above close theirs' sweep), with a short push lease:
    renewed every third of a second, swept every half."""
    async with fresh_database(database_url, "jipan_dataspace_push_leases") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("dataspace-push-leases"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
            JIPAN_DATASPACE_PUSH_ALLOW_HTTP_LOOPBACK="true",
            JIPAN_DATASPACE_PUSH_LEASE_S=str(LEASE_S),
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, dataspace.SERVICE]) as running:
            yield running


async def last_entry(server: RunningServer, transfer_name: str) -> dict[str, Any]:
    """The newest entry of the transfer's negotiation's usage log."""
    row = await server.runtime.database.fetchrow(
        "SELECT u.event, u.actor_role, u.actor, u.details, u.ledger_receipt FROM dataspace.usage_log u"
        " JOIN dataspace.transfers t ON t.negotiation = u.negotiation WHERE t.id = $1"
        " ORDER BY u.sequence DESC LIMIT 1",
        uuid.UUID(transfer_name.removeprefix("transfers/")),
    )
    assert row is not None
    return dict(row)


async def ended(channel: grpc.aio.Channel, server: RunningServer, agreement: str) -> res.TransferProcess:
    """The transfer once it left STARTED (within a few leases)."""
    for _ in range(100):
        transfer = await only_transfer(channel, server, agreement)
        if transfer.state != res.TRANSFER_STATE_STARTED:
            return transfer
        await asyncio.sleep(0.1)
    raise AssertionError(f"{transfer.name} is still STARTED after {100 * 0.1:.0f} s")


async def test_a_push_whose_writer_died_is_ended_as_a_shutdown_ends_it(
    leased: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWrite()
    held.install(monkeypatch)

    async def silent(*_: Any) -> bool:
        await asyncio.Event().wait()  # the writer's renewals never arrive, as a killed process's
        return True

    monkeypatch.setattr(TransferStore, "extend_push", silent, raising=False)
    async with grpc.aio.insecure_channel(leased.address) as channel:
        shown = destination()
        agreement, call = await held_push(leased, channel, held, shown)
        # Nothing ends the push but a sweep, once its lease lapsed.
        transfer = await ended(channel, leased, agreement)
        assert (transfer.state, transfer.termination_code) == (
            res.TRANSFER_STATE_TERMINATED,
            "PUSH_INTERRUPTED",
        )
        # Logged as a shutdown logs it: by the provider, for the subject who asked, anchored.
        entry = await last_entry(leased, transfer.name)
        assert (entry["event"], entry["actor_role"], entry["actor"]) == (
            "TransferTerminationMessage",
            "provider",
            "people/alice",
        )
        assert json.loads(entry["details"]) == {
            "transfer": transfer.name,
            "state": "TERMINATED",
            "code": "PUSH_INTERRUPTED",
            "problem": "interrupted",
            "destination": f"s3://{shown.bucket}/{shown.key}",
        }
        assert entry["ledger_receipt"]
        # The writer was only slow: its data arrive after all, and it records nothing over that.
        held.release.set()
        answered = (await asyncio.wait_for(call, 10)).transfer
        assert (answered.state, answered.termination_code) == (
            res.TRANSFER_STATE_TERMINATED,
            "PUSH_INTERRUPTED",
        )
        assert (await last_entry(leased, transfer.name))["event"] == "TransferTerminationMessage"
        assert (await only_transfer(channel, leased, agreement)).state == res.TRANSFER_STATE_TERMINATED


def replica(of: Transfers) -> Transfers:
    """Another instance of the service on the same database: a store (and fencing token) of its own."""
    return Transfers(
        TransferStore(of.store.pool),
        of.negotiations,
        of.catalog,
        of.objects,
        of.page_tokens,
        of.request_ids,
        token_ttl_s=60,
        retired=of.retired,
        push_lease_s=LEASE_S,
    )


async def test_another_instances_sweep_leaves_a_live_push_alone(
    leased: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWrite()
    held.install(monkeypatch)
    async with grpc.aio.insecure_channel(leased.address) as channel:
        agreement, call = await held_push(leased, channel, held)
        assert held.owner is not None
        other = replica(held.owner)
        transfer_id = await transfer_id_of(channel, leased, agreement)
        # Past the lease the writer renewed: the other instance neither ends it nor takes it over.
        await asyncio.sleep(LEASE_S * 1.5)
        await other.end_lapsed_pushes()
        assert not await other.store.take_push(transfer_id, LEASE_S)
        assert (await only_transfer(channel, leased, agreement)).state == res.TRANSFER_STATE_STARTED
        held.release.set()
        assert (await asyncio.wait_for(call, 10)).transfer.state == res.TRANSFER_STATE_COMPLETED
        assert held.calls == 1


async def test_a_lapsed_push_taken_over_by_a_replay_is_neither_swept_nor_settled_by_its_old_writer(
    leased: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldWrite()
    held.install(monkeypatch)
    async with grpc.aio.insecure_channel(leased.address) as channel:
        agreement, call = await held_push(leased, channel, held)
        assert held.owner is not None
        transfer_id = await transfer_id_of(channel, leased, agreement)
        # The writer stalls past its lease, and a replay at another instance takes the push over
        # before any sweep (its take is one conditional UPDATE of the row: lapsed, or nothing).
        other = replica(held.owner)
        async with leased.runtime.database.acquire() as conn, conn.transaction():
            await conn.execute(
                "UPDATE dataspace.transfers SET lease_until = now() - interval '1 second' WHERE id = $1",
                transfer_id,
            )
            taken = await conn.fetchval(
                "UPDATE dataspace.transfers SET holder = $2, lease_until = now() + interval '30 seconds'"
                " WHERE id = $1 AND lease_until < now() RETURNING true",
                transfer_id,
                other.store.holder,
            )
        assert taken
        # The sweep leaves the new writer's live lease alone; the old writer's outcome is not recorded.
        await replica(held.owner).end_lapsed_pushes()
        held.release.set()
        answered = (await asyncio.wait_for(call, 10)).transfer
        assert answered.state == res.TRANSFER_STATE_STARTED
        assert (await only_transfer(channel, leased, agreement)).state == res.TRANSFER_STATE_STARTED
        # The new writer settles it.
        current = await other.store.get(transfer_id)
        assert current is not None
        settled = await other._settle("people/alice", current, current.destination, None)
        assert settled.state.value == "COMPLETED"


async def keys_under(server: RunningServer, dataset: str) -> set[str]:
    org, _, dataset_id = dataset.removeprefix("orgs/").partition("/datasets/")
    page, _ = await server.runtime.objects.list(f"dataspace/{org}/{dataset_id}/csv/")
    return {info.key for info in page}


async def test_two_uploads_for_one_person_at_once_keep_only_the_last(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = await publish(
        channel, server, research_policy(), personal_data=True, personal_data_category="health"
    )
    await upload(channel, server, name, b"v0\n", subject=PERSON_A)
    # Both uploads read what they replace before either writes (what the store's read allowed).
    arrived = 0
    both = asyncio.Event()
    read = CatalogStore.personal_object

    async def racing(self: CatalogStore, *args: Any) -> Any:
        nonlocal arrived
        found = await read(self, *args)
        arrived += 1
        if arrived == 2:
            both.set()
        await asyncio.wait_for(both.wait(), 5)
        return found

    monkeypatch.setattr(CatalogStore, "personal_object", racing)
    await asyncio.gather(
        upload(channel, server, name, b"v1\n", subject=PERSON_A),
        upload(channel, server, name, b"v2\n", subject=PERSON_A),
    )
    publisher, dataset_id = name.split("/datasets/")
    current = await read(CatalogStore(server.runtime.database), publisher, dataset_id, "csv", PERSON_A)
    assert current is not None
    # The person's superseded data are all deleted: only the current object is left.
    assert await keys_under(server, name) == {current.object_key}


async def test_a_replaced_key_is_retired_with_the_commit_that_replaces_it(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = await publish(channel, server, research_policy())
    await upload(channel, server, name, b"v1\n")
    [first] = await keys_under(server, name)

    # The upload fails right after its catalog write commits (cut off there, as by a cancellation).
    async def cut_off(*_: Any) -> int:
        raise RuntimeError("cut off after the commit")

    monkeypatch.setattr(RetiredObjects, "retire", cut_off)
    monkeypatch.setattr(RetiredObjects, "sweep", cut_off)
    with pytest.raises(grpc.aio.AioRpcError):
        await upload(channel, server, name, b"v2\n")
    monkeypatch.undo()
    retired = await server.runtime.database.fetchval(
        "SELECT EXISTS (SELECT 1 FROM dataspace.retired_objects WHERE object_key = $1)", first
    )
    assert retired
    await RetiredObjects(server.runtime.database, server.runtime.objects).sweep()
    assert first not in await keys_under(server, name)


async def test_shutdown_ends_the_anchorings_running_beside_responses(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = await publish(channel, server, research_policy())
    await upload(channel, server, name, DATA)
    agreement = await agree(channel, server, name)
    stub = tpb_grpc.TransferServiceStub(channel)
    started = (
        await stub.RequestTransfer(transfer_request(agreement), metadata=auth(server, CONSUMER))
    ).transfer
    # The ledger never answers: PresignDownload's anchoring, started beside its answer, hangs.
    hanging = asyncio.Event()
    ended = asyncio.Event()

    async def anchor_pending(*_: Any) -> None:
        hanging.set()
        try:
            await asyncio.Event().wait()
        finally:
            ended.set()

    owners: list[Transfers] = []
    presign = Transfers.presign

    async def presign_of(owner: Transfers, *args: Any) -> Any:
        owners.append(owner)
        return await presign(owner, *args)

    monkeypatch.setattr(Negotiations, "anchor_pending", anchor_pending)
    monkeypatch.setattr(Transfers, "presign", presign_of)
    monkeypatch.setattr(transfer_domain, "ANCHOR_DRAIN_S", 0.05, raising=False)
    # This server's file store has no presigned URLs: refused after the check, logged and anchoring.
    await refused(
        stub.PresignDownload(
            tpb.PresignDownloadRequest(name=started.name, token=started.access.token),
            metadata=auth(server, CONSUMER),
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PRESIGN_UNAVAILABLE",
    )
    await asyncio.wait_for(hanging.wait(), 10)
    [owner] = owners
    await asyncio.wait_for(owner.close(), 10)
    assert ended.is_set()


async def test_a_contract_request_to_another_mesh_holds_no_connection_while_it_travels(
    server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pool of one: while the message travels (token exchanges, the peer's RequestContract: up to
    # a minute) the connection must be free for the rest of the process, the exchange included.
    assert server.settings.database_url is not None
    pool = await asyncpg.create_pool(server.settings.database_url.get_secret_value(), min_size=1, max_size=1)
    try:
        negotiations = Negotiations.__new__(Negotiations)
        negotiations.store = NegotiationStore(pool)
        negotiations.request_ids = RequestIds()

        async def nothing(*_: Any) -> None:
            return None

        monkeypatch.setattr(negotiations, "anchor_pending", nothing)
        principal = Principal(
            subject="people/alice",
            issuer="tests",
            audiences=(),
            expires_at=datetime.now(UTC) + timedelta(minutes=5),
            token_id="t",
            org=CONSUMER,
        )
        remote_id = uuid.uuid4()
        sent: list[str] = []

        async def send(remote_request_id: str) -> RemoteStart:
            sent.append(remote_request_id)
            async with pool.acquire(timeout=5) as conn:  # what the home token exchange needs
                await conn.fetchval("SELECT 1")
            now = datetime.now(UTC)
            view = RemoteView(State.REQUESTED, "CONSUMER", "{}", bytes(32), None, "", "", now)
            return RemoteStart(remote_id, "orgs/far/datasets/d", "research", "orgs/far", view)

        request_id = str(uuid.uuid4())
        made = await negotiations.request_remote(
            principal, "far", "orgs/far/datasets/d", "research", "", request_id, send
        )
        assert made.id == remote_id
        # A retry replays the record: nothing is sent again.
        again = await negotiations.request_remote(
            principal, "far", "orgs/far/datasets/d", "research", "", request_id, send
        )
        assert again.id == remote_id
        assert len(sent) == 1
    finally:
        await pool.close()
