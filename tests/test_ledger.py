"""LedgerService end to end: real server on port 0, real PostgreSQL, the in-process EVM."""

from __future__ import annotations

import asyncio
import hashlib
import json
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import grpc
import pytest
from eth_account import Account
from eth_typing import HexStr
from hexbytes import HexBytes
from web3 import Web3

from jipan.clients import error_details
from jipan.clients.ledger_verify import VerificationFailed, verify_anchor, verify_receipt, web3_lookup
from jipan.ledger.v1 import ledger_service_pb2 as pb
from jipan.ledger.v1 import ledger_service_pb2_grpc as pb_grpc
from jipan.ledger.v1 import resources_pb2
from jipan.servers import system
from jipan.servers.ledger import service_module
from jipan.servers.ledger.chain import AnchorChain, AnchorRejected
from jipan.servers.runtime.settings import Settings
from tests.mesh import RunningServer, make_settings, running_server

ANCHOR = ("ledger.anchor", "ledger.read")
CONFIRMED = resources_pb2.RECEIPT_STATE_CONFIRMED
PENDING = resources_pb2.RECEIPT_STATE_PENDING


RUN = uuid.uuid4().hex


def sha(text: str) -> bytes:
    """A digest unique to this test run (the database outlives one backend's tests)."""
    return hashlib.sha256(f"{RUN} {text}".encode()).digest()


ROOT = Path(__file__).resolve().parent.parent
ANVIL = ROOT / "node_modules" / ".bin" / "anvil"
ANVIL_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
"""Anvil's first development account (public, funded on every anvil chain)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def anvil_node(port: int, *extra: str) -> Iterator[str]:
    """An anvil node (npm @foundry-rs/anvil) on 127.0.0.1:`port`; its JSON-RPC URL once it answers."""
    process = subprocess.Popen(
        [str(ANVIL), "--host", "127.0.0.1", "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        w3 = Web3(Web3.HTTPProvider(url, request_kwargs={"timeout": 1}))
        deadline = time.monotonic() + 30
        while not w3.is_connected():
            assert process.poll() is None, "anvil exited"
            assert time.monotonic() < deadline, "anvil did not answer in 30s"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def write_keystore(directory: Path, key: str | None = None) -> tuple[Path, str]:
    """An encrypted keystore file (scrypt, as geth and clef write them) and its password."""
    password = "correct horse battery staple"
    secret = HexStr(key) if key is not None else Account.create().key.to_0x_hex()
    path = directory / f"ledger-key-{uuid.uuid4().hex[:8]}.json"
    path.write_text(json.dumps(Account.encrypt(secret, password)))
    return path, password


@pytest.fixture(scope="module", params=["embedded", "anvil"])
def chain(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnchorChain]:
    """One chain per module and backend: it outlives server restarts, as a real chain would.

    The same tests run on the in-process EVM and, over JSON-RPC with a
    keystore-held key, on an anvil node.
    """
    if request.param == "embedded":
        yield AnchorChain.in_process()
        return
    with anvil_node(free_port()) as url:
        keystore, password = write_keystore(tmp_path_factory.mktemp("anvil"), ANVIL_KEY)
        yield AnchorChain.json_rpc(url, keystore, password, confirmations=0)


def ledger_settings(database_url: str, data_dir: Path, **env: str) -> Settings:
    base = {"JIPAN_LEDGER_BATCH_WINDOW_S": "0.2", "JIPAN_LEDGER_RETRY_S": "0.5"}
    base.update(env)
    return make_settings(database_url, data_dir, **base)


@pytest.fixture(scope="module")
async def ledger_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, chain: AnchorChain
) -> AsyncIterator[RunningServer]:
    settings = ledger_settings(database_url, tmp_path_factory.mktemp("ledger"))
    modules = [system.SERVICE, service_module(lambda _: chain)]
    async with running_server(settings, modules) as running:
        yield running


async def wait_confirmed(
    stub: pb_grpc.LedgerServiceAsyncStub,
    names: Sequence[str],
    md: tuple[tuple[str, str], ...],
    timeout_s: float = 60.0,
) -> list[resources_pb2.Receipt]:
    deadline = time.monotonic() + timeout_s
    while True:
        receipts = [
            (await stub.GetReceipt(pb.GetReceiptRequest(name=name), metadata=md)).receipt for name in names
        ]
        if all(r.state == CONFIRMED for r in receipts):
            return receipts
        assert time.monotonic() < deadline, f"not confirmed in {timeout_s}s: {[r.state for r in receipts]}"
        await asyncio.sleep(0.1)


async def test_anchored_batch_verifies_offline_against_the_chain(
    ledger_server: RunningServer, chain: AnchorChain
) -> None:
    md = ledger_server.metadata(subject="services/registry", scopes=ANCHOR)
    digests = [sha(f"e2e document {i} on {chain.chain_id}") for i in range(5)]
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = pb_grpc.LedgerServiceStub(channel)
        response = await stub.AnchorDigests(
            pb.AnchorDigestsRequest(
                digests=[
                    pb.DigestSubmission(digest=d, metadata={"doc.id": str(i)}) for i, d in enumerate(digests)
                ]
            ),
            metadata=md,
        )
        names = [r.name for r in response.receipts]
        assert len(set(names)) == 5
        assert [r.digest for r in response.receipts] == digests
        assert all(r.submitter == "services/registry" for r in response.receipts)
        assert response.receipts[3].metadata["doc.id"] == "3"
        receipts = await wait_confirmed(stub, names, md)
        verified = await stub.VerifyDigest(pb.VerifyDigestRequest(digest=digests[2]), metadata=md)

    # One batch, one transaction: the same root and tree for every digest.
    assert len({r.anchor.root for r in receipts}) == 1
    assert len({r.anchor.transaction_hash for r in receipts}) == 1
    # (Digests left pending by an earlier server on this database may share the batch.)
    (tree_size,) = {r.anchor.tree_size for r in receipts}
    assert tree_size >= 5
    assert len({r.anchor.leaf_index for r in receipts}) == 5
    assert all(0 <= r.anchor.leaf_index < tree_size for r in receipts)
    assert all(r.attempts == 1 for r in receipts)
    assert verified.anchored
    assert [r.name for r in verified.receipts] == [names[2]]

    # Offline: only our own digest, the proof fields, and the chain itself.
    lookup = web3_lookup(chain.web3, receipts[0].anchor.contract_address)
    for digest, receipt in zip(digests, receipts, strict=True):
        anchor = receipt.anchor
        on_chain = verify_anchor(
            digest,
            root=anchor.root,
            leaf_index=anchor.leaf_index,
            tree_size=anchor.tree_size,
            proof=list(anchor.proof),
            trusted_signers=[chain.signer_address],
            lookup=lookup,
        )
        assert on_chain.block_number == anchor.block_number
        assert on_chain.block_time == anchor.block_time.ToDatetime(tzinfo=on_chain.block_time.tzinfo)
    anchor = receipts[0].anchor
    with pytest.raises(VerificationFailed) as caught:
        verify_anchor(
            sha("some other document"),
            root=anchor.root,
            leaf_index=anchor.leaf_index,
            tree_size=anchor.tree_size,
            proof=list(anchor.proof),
            trusted_signers=[chain.signer_address],
            lookup=lookup,
        )
    assert caught.value.reason == "PROOF_INVALID"
    with pytest.raises(VerificationFailed) as caught:
        verify_anchor(
            digests[0],
            root=receipts[0].anchor.root,
            leaf_index=receipts[0].anchor.leaf_index,
            tree_size=tree_size,
            proof=list(receipts[0].anchor.proof),
            trusted_signers=[b"\x11" * 20],
            lookup=lookup,
        )
    assert caught.value.reason == "ROOT_NOT_ANCHORED"
    # The receipt as first returned (PENDING) proves nothing yet.
    with pytest.raises(VerificationFailed) as caught:
        verify_receipt(
            digests[0], response.receipts[0], trusted_signers=[chain.signer_address], lookup=lookup
        )
    assert caught.value.reason == "NOT_ANCHORED"
    assert verify_receipt(digests[0], receipts[0], trusted_signers=[chain.signer_address], lookup=lookup)


async def test_resubmitting_a_digest_keeps_its_receipt(ledger_server: RunningServer) -> None:
    digest = sha(f"submitted twice {uuid.uuid4()}")
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = pb_grpc.LedgerServiceStub(channel)
        alice = ledger_server.metadata(subject="people/alice", scopes=ANCHOR)
        bob = ledger_server.metadata(subject="people/bob", scopes=ANCHOR)
        first = await stub.AnchorDigests(
            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=digest, metadata={"v": "1"})]),
            metadata=alice,
        )
        again = await stub.AnchorDigests(
            pb.AnchorDigestsRequest(
                digests=[
                    pb.DigestSubmission(digest=digest, metadata={"v": "2"}),
                    pb.DigestSubmission(digest=digest),
                ]
            ),
            metadata=alice,
        )
        other = await stub.AnchorDigests(
            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=digest)]), metadata=bob
        )
        name = first.receipts[0].name
        assert [r.name for r in again.receipts] == [name, name]
        assert again.receipts[0].metadata["v"] == "1"
        assert other.receipts[0].name != name
        await wait_confirmed(stub, [name, other.receipts[0].name], alice)
        both = await stub.VerifyDigest(pb.VerifyDigestRequest(digest=digest), metadata=alice)
        only_bob = await stub.VerifyDigest(
            pb.VerifyDigestRequest(digest=digest, submitter="people/bob"), metadata=alice
        )
        unknown = await stub.VerifyDigest(pb.VerifyDigestRequest(digest=sha("never sent")), metadata=alice)
    assert both.anchored
    assert {r.submitter for r in both.receipts} == {"people/alice", "people/bob"}
    assert [r.submitter for r in only_bob.receipts] == ["people/bob"]
    assert not unknown.anchored
    assert not unknown.receipts


async def test_request_id_replays_and_refuses_reuse(ledger_server: RunningServer) -> None:
    md = ledger_server.metadata(subject="people/carol", scopes=ANCHOR)
    request_id = str(uuid.uuid4())
    request = pb.AnchorDigestsRequest(
        digests=[
            pb.DigestSubmission(digest=sha(f"idem 1 {request_id}")),
            pb.DigestSubmission(digest=sha(f"idem 2 {request_id}")),
        ],
        request_id=request_id,
    )
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = pb_grpc.LedgerServiceStub(channel)
        first = await stub.AnchorDigests(request, metadata=md)
        replay = await stub.AnchorDigests(request, metadata=md)
        assert [r.name for r in replay.receipts] == [r.name for r in first.receipts]
        changed = pb.AnchorDigestsRequest(
            digests=[pb.DigestSubmission(digest=sha("idem 3"))], request_id=request_id
        )
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.AnchorDigests(changed, metadata=md)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).reason == "REQUEST_ID_REUSED"


@pytest.mark.parametrize(
    ("request_", "reason", "field"),
    [
        (
            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=b"\x01" * 31)]),
            "FIELD_INVALID",
            "digests[0].digest",
        ),
        (
            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=b"\x01" * 33)]),
            "FIELD_INVALID",
            "digests[0].digest",
        ),
        (pb.AnchorDigestsRequest(), "FIELD_INVALID", "digests"),
        (pb.AnchorDigestsRequest(digests=[pb.DigestSubmission()]), "FIELD_INVALID", "digests[0].digest"),
        (
            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=sha("x"))], request_id="not-a-uuid"),
            "FIELD_INVALID",
            "request_id",
        ),
    ],
)
async def test_bad_anchor_requests_are_invalid_argument(
    ledger_server: RunningServer, request_: pb.AnchorDigestsRequest, reason: str, field: str
) -> None:
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.LedgerServiceStub(channel).AnchorDigests(
                request_, metadata=ledger_server.metadata(scopes=ANCHOR)
            )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).reason == reason
    assert field in error_details(caught.value).field_violations


async def test_bad_metadata_is_refused_by_the_ledger(ledger_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.LedgerServiceStub(channel).AnchorDigests(
                pb.AnchorDigestsRequest(
                    digests=[pb.DigestSubmission(digest=sha("meta"), metadata={"bad key!": "v"})]
                ),
                metadata=ledger_server.metadata(scopes=ANCHOR),
            )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    info = error_details(caught.value)
    assert (info.reason, info.domain) == ("METADATA_INVALID", "ledger.jipan.tw")


async def test_unknown_and_malformed_receipt_names(ledger_server: RunningServer) -> None:
    md = ledger_server.metadata(scopes=ANCHOR)
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = pb_grpc.LedgerServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as missing:
            await stub.GetReceipt(pb.GetReceiptRequest(name=f"receipts/{uuid.uuid4()}"), metadata=md)
        with pytest.raises(grpc.aio.AioRpcError) as malformed:
            await stub.GetReceipt(pb.GetReceiptRequest(name="receipts/42"), metadata=md)
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    info = error_details(missing.value)
    assert (info.reason, info.domain) == ("RECEIPT_NOT_FOUND", "ledger.jipan.tw")
    assert malformed.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(malformed.value).reason == "RECEIPT_NAME_INVALID"


async def test_scopes_are_enforced(ledger_server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.LedgerServiceStub(channel).AnchorDigests(
                pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=sha("scope"))]),
                metadata=ledger_server.metadata(scopes=["ledger.read"]),
            )
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert error_details(caught.value).reason == "SCOPE_MISSING"


async def test_list_anchors_paginates_newest_first(ledger_server: RunningServer) -> None:
    submitter = f"services/lister-{uuid.uuid4().hex[:8]}"
    md = ledger_server.metadata(subject=submitter, scopes=ANCHOR)
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = pb_grpc.LedgerServiceStub(channel)
        created: list[str] = []
        for i in range(5):  # separate calls: distinct create times
            response = await stub.AnchorDigests(
                pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=sha(f"{submitter} {i}"))]),
                metadata=md,
            )
            created.append(response.receipts[0].name)
        seen: list[str] = []
        token = ""
        while True:
            page = await stub.ListAnchors(
                pb.ListAnchorsRequest(submitter=submitter, page_size=2, page_token=token), metadata=md
            )
            assert len(page.receipts) <= 2
            seen += [r.name for r in page.receipts]
            token = page.next_page_token
            if not token:
                break
        assert seen == created[::-1]

        first = await stub.ListAnchors(pb.ListAnchorsRequest(submitter=submitter, page_size=2), metadata=md)
        token = first.next_page_token
        tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        for bad in (
            pb.ListAnchorsRequest(submitter=submitter, page_size=2, page_token=tampered),
            pb.ListAnchorsRequest(submitter="people/someone-else", page_size=2, page_token=token),
        ):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stub.ListAnchors(bad, metadata=md)
            assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
            assert error_details(caught.value).reason == "PAGE_TOKEN_INVALID"
        with pytest.raises(grpc.aio.AioRpcError) as negative:
            await stub.ListAnchors(pb.ListAnchorsRequest(page_size=-1), metadata=md)
        assert error_details(negative.value).reason == "FIELD_INVALID"

        # A time range that starts after everything was created is empty.
        later = pb.ListAnchorsRequest(submitter=submitter)
        later.create_time_range.start_time.GetCurrentTime()
        later.create_time_range.start_time.seconds += 60
        assert not (await stub.ListAnchors(later, metadata=md)).receipts
        backwards = pb.ListAnchorsRequest(submitter=submitter)
        backwards.create_time_range.start_time.seconds = 2_000_000_000
        backwards.create_time_range.end_time.seconds = 1_000_000_000
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.ListAnchors(backwards, metadata=md)
        assert error_details(caught.value).reason == "TIME_RANGE_INVALID"


async def test_watch_streams_confirmations(ledger_server: RunningServer) -> None:
    submitter = f"services/watched-{uuid.uuid4().hex[:8]}"
    md = ledger_server.metadata(subject=submitter, scopes=ANCHOR)
    digests = [sha(f"{submitter} watched {i}") for i in range(3)]
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = pb_grpc.LedgerServiceStub(channel)
        watch = stub.WatchAnchors(pb.WatchAnchorsRequest(submitter=submitter), metadata=md)
        first = await watch.read()
        assert isinstance(first, pb.WatchAnchorsResponse)
        assert not first.receipts  # the watch is active
        # Someone else's confirmations are filtered out.
        await stub.AnchorDigests(
            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=sha(f"{submitter} not mine"))]),
            metadata=ledger_server.metadata(subject="services/other", scopes=ANCHOR),
        )
        response = await stub.AnchorDigests(
            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in digests]), metadata=md
        )
        seen: dict[str, resources_pb2.Receipt] = {}
        while len(seen) < 3:
            message = await asyncio.wait_for(watch.read(), 30)
            assert isinstance(message, pb.WatchAnchorsResponse)
            for receipt in message.receipts:
                assert receipt.submitter == submitter
                assert receipt.state == CONFIRMED
                seen[receipt.name] = receipt
        watch.cancel()
    assert set(seen) == {r.name for r in response.receipts}


async def test_receipts_are_enumerated_only_by_their_organisation_and_auditors(
    ledger_server: RunningServer,
) -> None:
    """Organisations A and B, a subject without one, and auditors: ListAnchors and WatchAnchors
    show a caller its own and its organisation's receipts (an auditor of the founding
    organisation all of them); VerifyDigest and GetReceipt stay open to whoever holds the
    digest or the receipt's name."""
    tag = uuid.uuid4().hex[:8]
    org_a, org_b = f"orgs/a-{tag}", f"orgs/b-{tag}"
    platform = ledger_server.settings.platform_org

    def md(subject: str, org: str | None, roles: Sequence[str] = ("member",)) -> tuple[tuple[str, str], ...]:
        return ledger_server.metadata(subject=subject, scopes=ANCHOR, org=org, roles=roles)

    a1, a2 = md(f"people/a1-{tag}", org_a), md(f"people/a2-{tag}", org_a)
    b1 = md(f"people/b1-{tag}", org_b)
    loner = md(f"services/loner-{tag}", None)
    auditor = md(f"people/auditor-{tag}", platform, ("ledger-auditor",))
    # The role held in another organisation (C) counts for nothing.
    false_auditor = md(f"people/c-auditor-{tag}", f"orgs/c-{tag}", ("ledger-auditor",))

    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = pb_grpc.LedgerServiceStub(channel)

        async def listed(caller: tuple[tuple[str, str], ...], submitter: str = "") -> set[str]:
            request = pb.ListAnchorsRequest(submitter=submitter, page_size=500)
            request.create_time_range.start_time.GetCurrentTime()
            request.create_time_range.start_time.seconds -= 600
            names: set[str] = set()
            while True:
                page = await stub.ListAnchors(request, metadata=caller)
                names |= {r.name for r in page.receipts}
                if not page.next_page_token:
                    return names
                request.page_token = page.next_page_token

        watch_a = stub.WatchAnchors(pb.WatchAnchorsRequest(), metadata=a2)
        watch_b = stub.WatchAnchors(pb.WatchAnchorsRequest(), metadata=b1)
        watch_audit = stub.WatchAnchors(pb.WatchAnchorsRequest(), metadata=auditor)
        for watch in (watch_a, watch_b, watch_audit):
            first = await watch.read()
            assert isinstance(first, pb.WatchAnchorsResponse)
            assert not first.receipts  # the watch is active

        async def anchor(caller: tuple[tuple[str, str], ...], text: str) -> resources_pb2.Receipt:
            request = pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=sha(f"{tag} {text}"))])
            return (await stub.AnchorDigests(request, metadata=caller)).receipts[0]

        receipt_a = await anchor(a1, "A's contract")
        receipt_b = await anchor(b1, "B's contract")
        receipt_loner = await anchor(loner, "the loner's")
        mine = {receipt_a.name, receipt_b.name, receipt_loner.name}

        # Enumeration: one's own organisation only.
        assert await listed(a2) & mine == {receipt_a.name}
        assert await listed(a2, f"people/a1-{tag}") == {receipt_a.name}
        assert await listed(b1) & mine == {receipt_b.name}
        assert await listed(b1, f"people/a1-{tag}") == set()  # another organisation: nothing
        assert await listed(loner) & mine == {receipt_loner.name}
        assert await listed(false_auditor) & mine == set()
        assert await listed(false_auditor, f"people/a1-{tag}") == set()
        # Auditors of the founding organisation: everything.
        assert await listed(auditor) >= mine
        assert await listed(auditor, f"people/a1-{tag}") == {receipt_a.name}

        # By digest or by name: the capability is knowing it.
        verified = await stub.VerifyDigest(
            pb.VerifyDigestRequest(digest=sha(f"{tag} A's contract")), metadata=b1
        )
        assert [r.name for r in verified.receipts] == [receipt_a.name]
        got = await stub.GetReceipt(pb.GetReceiptRequest(name=receipt_a.name), metadata=b1)
        assert got.receipt.submitter == f"people/a1-{tag}"

        # Watching: the same rule, batch by batch.
        async def confirmed(
            watch: grpc.aio.UnaryStreamCall[pb.WatchAnchorsRequest, pb.WatchAnchorsResponse], wanted: set[str]
        ) -> set[str]:
            seen: set[str] = set()
            while not wanted <= seen:
                message = await asyncio.wait_for(watch.read(), 30)
                assert isinstance(message, pb.WatchAnchorsResponse)
                seen |= {r.name for r in message.receipts}
            return seen

        assert (await confirmed(watch_a, {receipt_a.name})) & mine == {receipt_a.name}
        assert (await confirmed(watch_b, {receipt_b.name})) & mine == {receipt_b.name}
        assert (await confirmed(watch_audit, mine)) >= mine
        # Nothing of A's reached B's watch later either: B sees only its own from now on.
        await wait_confirmed(stub, [receipt_a.name, receipt_b.name, receipt_loner.name], auditor)
        await anchor(b1, "B's second")
        later = await asyncio.wait_for(watch_b.read(), 30)
        assert isinstance(later, pb.WatchAnchorsResponse)
        assert {r.submitter for r in later.receipts} == {f"people/b1-{tag}"}
        for watch in (watch_a, watch_b, watch_audit):
            watch.cancel()


async def test_anchoring_estimates_its_gas_once_and_recovers_senders_in_libsecp256k1() -> None:
    """What an anchoring costs the embedded ledger: the gas limit is estimated on the first
    anchoring only (later ones reuse it with a margin, and are mined within it), and eth-keys
    runs on coincurve's libsecp256k1 rather than its pure-Python curve arithmetic."""
    from eth_keys.backends import get_backend
    from eth_keys.backends.coincurve import CoinCurveECCBackend

    assert isinstance(get_backend(), CoinCurveECCBackend)
    fresh = AnchorChain.in_process()
    try:
        await fresh.attach_contract(None)
        estimates: list[object] = []
        estimate = fresh.web3.eth.estimate_gas

        def counting(*args: Any, **kwargs: Any) -> int:
            estimates.append(args)
            return estimate(*args, **kwargs)

        fresh.web3.eth.estimate_gas = counting  # type: ignore[method-assign]
        roots = [hashlib.sha256(f"gas-{i}".encode()).digest() for i in range(3)]
        anchors = [await fresh.anchor(root, 1 + i) for i, root in enumerate(roots)]
        assert len(estimates) == 1
        (limit,) = {fresh.web3.eth.get_transaction(HexBytes(a.transaction_hash))["gas"] for a in anchors}
        for anchored in anchors:
            receipt = fresh.web3.eth.get_transaction_receipt(HexBytes(anchored.transaction_hash))
            assert receipt["status"] == 1
            assert receipt["gasUsed"] < limit
        # A root anchored already reverts on the chain now instead of in the estimate: still refused.
        with pytest.raises(AnchorRejected):
            await fresh.anchor(roots[0], 1)
        assert (await fresh.find_anchor(roots[1])) == anchors[1]
    finally:
        fresh.close()
