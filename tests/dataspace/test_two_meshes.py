"""Contract negotiation and a transfer between two independent meshes, through federation.

Mesh A (the consumer's: orgs/agency-a) and mesh B (the provider's:
orgs/agency-b publishes) are two `jipan serve` processes with their own
databases, issuers, keys and ledgers, each running identity, ledger,
federation and dataspace. B registers A as a federation peer, pins and
activates it, and approves A's organisation for the dataspace methods a
consumer's connector sends; A's dataspace knows B as "mesh-b"
(JIPAN_DATASPACE_PEERS). A's consumer only ever calls its own mesh.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import socket
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import asyncpg
import grpc
import pytest
import pytest_asyncio

from jipan.clients import error_details
from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.federation.v1 import federation_service_pb2 as fpb
from jipan.federation.v1 import federation_service_pb2_grpc as fpb_grpc
from jipan.federation.v1 import resources_pb2 as fres
from jipan.interceptors.context import Principal
from jipan.servers.dataspace.catalog.store import CatalogStore
from jipan.servers.dataspace.consent import ConsentCheck
from jipan.servers.dataspace.negotiation.domain import Negotiations
from jipan.servers.dataspace.negotiation.store import NegotiationStore
from jipan.servers.dataspace.negotiation.types import RemoteView, State
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.pagination import PageTokens
from tests.conftest import fresh_database
from tests.descriptor_walk import bearer
from tests.subprocess_mesh import ServedMesh

MODULES = ["identity", "ledger", "federation", "dataspace"]
SCOPES = ["dataspace.read", "dataspace.write"]
PEER = "mesh-b"
ORG_A, ORG_B, INTRUDER = "orgs/agency-a", "orgs/agency-b", "orgs/intruder"
NEGOTIATION = "/jipan.dataspace.v1.NegotiationService/"
APPROVED = [
    "/jipan.dataspace.v1.CatalogService/ListDatasets",
    *(
        NEGOTIATION + method
        for method in (
            "RequestContract",
            "CounterRequest",
            "AcceptOffer",
            "VerifyAgreement",
            "TerminateNegotiation",
            "GetNegotiation",
            "GetAgreement",
            "AuthorizeUse",
        )
    ),
    "/jipan.dataspace.v1.TransferService/RequestTransfer",
    "/jipan.dataspace.v1.TransferService/DownloadTransfer",
]
POLICY = {
    "@context": "http://www.w3.org/ns/odrl.jsonld",
    "@type": "Offer",
    "uid": "urn:offer:research",
    "permission": [
        {
            "uid": "research-use",
            "action": "use",
            "constraint": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"}],
        }
    ],
}
DATA = b"id,title\n" + b"".join(b"%d,row %d\n" % (i, i) for i in range(50_000))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _mesh(root: Path, database: str, label: str, listen: str, **env: str) -> ServedMesh:
    return ServedMesh(
        root / label,
        database,
        env_overrides={
            "JIPAN_TOKEN_ISSUER": f"https://identity.{label}.jipan.test",
            "JIPAN_TOKEN_AUDIENCE": f"mesh-{label}",
            "JIPAN_SIGNING_KEY_SECRET": f"tests-only secret of mesh {label}, 32 characters or more",
            "JIPAN_REVOCATION_REFRESH_S": "0.5",
            "JIPAN_LISTEN": listen,
            **env,
        },
    )


class Meshes:
    def __init__(self, a: ServedMesh, b: ServedMesh) -> None:
        self.a, self.b = a, b
        self.rebind()
        self.dataset = ""

    def rebind(self) -> None:
        """The stubs on the meshes' current channels (a mesh restarted has a new one)."""
        a, b = self.a, self.b
        assert a.channel is not None
        assert b.channel is not None
        self.a_negotiations: npb_grpc.NegotiationServiceAsyncStub = npb_grpc.NegotiationServiceStub(a.channel)
        self.b_negotiations: npb_grpc.NegotiationServiceAsyncStub = npb_grpc.NegotiationServiceStub(b.channel)
        self.a_catalog: cpb_grpc.CatalogServiceAsyncStub = cpb_grpc.CatalogServiceStub(a.channel)
        self.b_catalog: cpb_grpc.CatalogServiceAsyncStub = cpb_grpc.CatalogServiceStub(b.channel)
        self.a_transfers: tpb_grpc.TransferServiceAsyncStub = tpb_grpc.TransferServiceStub(a.channel)

    @staticmethod
    def token_for(mesh: ServedMesh, org: str, subject: str, scopes: list[str]) -> tuple[tuple[str, str], ...]:
        env = mesh.env()
        return bearer(
            mesh.token(
                subject=subject,
                scopes=scopes,
                org=org,
                issuer=env["JIPAN_TOKEN_ISSUER"],
                audience=env["JIPAN_TOKEN_AUDIENCE"],
            )
        )

    def consumer(self, org: str = ORG_A) -> tuple[tuple[str, str], ...]:
        """A person of A's agency, with A's token for A's own mesh."""
        return self.token_for(self.a, org, "people/0123456789abcdef0123456789abcdef", SCOPES)

    def provider(self) -> tuple[tuple[str, str], ...]:
        return self.token_for(self.b, ORG_B, "people/fedcba9876543210fedcba9876543210", SCOPES)

    def b_admin(self) -> tuple[tuple[str, str], ...]:
        return self.token_for(
            self.b, ORG_B, "people/00000000000000000000000000000001", ["federation.admin", "federation.read"]
        )

    async def request(self, request_id: str | None = None, **kwargs: Any) -> res.Negotiation:
        answer = await self.a_negotiations.RequestContract(
            npb.RequestContractRequest(
                dataset=self.dataset,
                offer_id="research",
                request_id=request_id or str(uuid.uuid4()),
                peer=PEER,
            ),
            metadata=kwargs.get("metadata") or self.consumer(),
        )
        negotiation: res.Negotiation = answer.negotiation
        return negotiation

    async def a_get(self, name: str) -> res.Negotiation:
        got = await self.a_negotiations.GetNegotiation(
            npb.GetNegotiationRequest(name=name), metadata=self.consumer()
        )
        negotiation: res.Negotiation = got.negotiation
        return negotiation

    async def a_state(self, name: str) -> int:
        """A's record's state as it stands (ListNegotiations reads it without asking B)."""
        listed = await self.a_negotiations.ListNegotiations(
            npb.ListNegotiationsRequest(role="consumer", page_size=500), metadata=self.consumer()
        )
        return int({n.name: n.state for n in listed.negotiations}[name])

    async def b_get(self, name: str) -> res.Negotiation:
        got = await self.b_negotiations.GetNegotiation(
            npb.GetNegotiationRequest(name=name), metadata=self.provider()
        )
        negotiation: res.Negotiation = got.negotiation
        return negotiation

    async def log(self, side: str, name: str) -> list[res.UsageLogEntry]:
        stub, metadata = (
            (self.a_negotiations, self.consumer()) if side == "a" else (self.b_negotiations, self.provider())
        )
        listed = await stub.ListUsageLog(
            npb.ListUsageLogRequest(parent=name, page_size=500), metadata=metadata
        )
        return list(listed.entries)


@pytest_asyncio.fixture(scope="module")
async def meshes(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Meshes]:
    root = tmp_path_factory.mktemp("dataspace-federation")
    a_listen, b_listen = f"127.0.0.1:{_free_port()}", f"127.0.0.1:{_free_port()}"
    async with (
        fresh_database(database_url, "jipan_dsfed_a") as db_a,
        fresh_database(database_url, "jipan_dsfed_b") as db_b,
    ):
        a, b = _meshes(root, db_a, db_b, a_listen, b_listen)
        await asyncio.gather(a.start(MODULES), b.start(MODULES))
        try:
            meshes = Meshes(a, b)
            await _peer_and_publish(meshes)
            yield meshes
        finally:
            await asyncio.gather(a.stop(), b.stop())


def _meshes(root: Path, db_a: str, db_b: str, a_listen: str, b_listen: str) -> tuple[ServedMesh, ServedMesh]:
    """A knows B as "mesh-b" (where, its audience, its issuer for notifications); B knows A as
    "mesh-a" and that A's consumers arrive as its federation peer orgs/agency-b/peers/agency-a."""
    to_b = {PEER: {"target": b_listen, "audience": "mesh-b", "issuer": "https://identity.b.jipan.test"}}
    to_a = {
        "mesh-a": {
            "target": a_listen,
            "audience": "mesh-a",
            "federation_peer": "orgs/agency-b/peers/agency-a",
        }
    }
    a = _mesh(root, db_a, "a", a_listen, JIPAN_DATASPACE_PEERS=json.dumps(to_b))
    b = _mesh(
        root,
        db_b,
        "b",
        b_listen,
        JIPAN_DATASPACE_PEERS=json.dumps(to_a),
        JIPAN_DATASPACE_NOTIFY_BACKOFF_S="0.2",
        JIPAN_DATASPACE_NOTIFY_BACKOFF_MAX_S="1",
    )
    return a, b


async def _peer(admin_mesh: ServedMesh, admin: Any, other: ServedMesh, peer_id: str, approval: Any) -> None:
    assert admin_mesh.channel is not None
    federation: fpb_grpc.FederationServiceAsyncStub = fpb_grpc.FederationServiceStub(admin_mesh.channel)
    created = await federation.CreatePeer(
        fpb.CreatePeerRequest(
            peer_id=peer_id,
            peer=fres.Peer(
                display_name=peer_id,
                issuer=other.env()["JIPAN_TOKEN_ISSUER"],
                audience=other.env()["JIPAN_TOKEN_AUDIENCE"],
                bundle_endpoint=other.address,
            ),
        ),
        metadata=admin,
    )
    await federation.ActivatePeer(
        fpb.ActivatePeerRequest(name=created.peer.name, fingerprint=created.peer.pinned_fingerprint),
        metadata=admin,
    )
    await federation.CreateApproval(
        fpb.CreateApprovalRequest(parent=created.peer.name, approval_id="dataspace", approval=approval),
        metadata=admin,
    )


async def _peer_and_publish(meshes: Meshes) -> None:
    """B registers A (pinned, activated) and approves A's organisation for the connector's methods;
    A registers B and approves B's organisation for NotifyNegotiation; B publishes a dataset."""
    await _peer(
        meshes.b, meshes.b_admin(), meshes.a, "agency-a", fres.Approval(consumer=ORG_A, methods=APPROVED)
    )
    await _peer(
        meshes.a,
        meshes.token_for(
            meshes.a,
            ORG_A,
            "people/00000000000000000000000000000002",
            ["federation.admin", "federation.read"],
        ),
        meshes.b,
        "agency-b",
        fres.Approval(consumer=ORG_B, methods=[NEGOTIATION + "NotifyNegotiation"]),
    )
    published = await meshes.b_catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id="air-quality",
            dataset=res.Dataset(
                title="空氣品質監測資料",
                title_en="Air quality measurements",
                offers=[res.Offer(id="research", policy=json.dumps(POLICY))],
                distributions=[res.Distribution(id="csv", media_type="text/csv")],
                license="CC-BY-4.0",
            ),
        ),
        metadata=meshes.provider(),
    )
    meshes.dataset = published.dataset.name

    async def chunks() -> AsyncIterator[cpb.UploadDistributionRequest]:
        yield cpb.UploadDistributionRequest(
            header=cpb.UploadDistributionHeader(dataset=meshes.dataset, distribution_id="csv")
        )
        for start in range(0, len(DATA), 200_000):
            yield cpb.UploadDistributionRequest(chunk=DATA[start : start + 200_000])

    await meshes.b_catalog.UploadDistribution(chunks(), metadata=meshes.provider())


async def refused(call: Any, code: grpc.StatusCode, reason: str) -> Any:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    details = error_details(caught.value)
    assert caught.value.code() == code, (caught.value.code(), details)
    assert details.reason == reason, details
    return details


async def test_the_remote_catalog_is_browsed_through_federation(meshes: Meshes) -> None:
    listed = await meshes.a_catalog.ListDatasets(
        cpb.ListDatasetsRequest(peer=PEER, query="空氣"), metadata=meshes.consumer()
    )
    assert [d.name for d in listed.datasets] == [meshes.dataset]
    assert listed.datasets[0].publisher == ORG_B
    assert listed.datasets[0].creator == ""  # the creator is shown to the publisher only
    # A's own catalog does not have it.
    own = await meshes.a_catalog.ListDatasets(
        cpb.ListDatasetsRequest(query="空氣"), metadata=meshes.consumer()
    )
    assert list(own.datasets) == []


async def test_an_unknown_peer_and_an_unapproved_consumer_are_refused(meshes: Meshes) -> None:
    unknown = await refused(
        meshes.a_negotiations.RequestContract(
            npb.RequestContractRequest(
                dataset=meshes.dataset, offer_id="research", request_id=str(uuid.uuid4()), peer="mesh-z"
            ),
            metadata=meshes.consumer(),
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PEER_NOT_CONFIGURED",
    )
    assert unknown.metadata["peer"] == "mesh-z"
    # B approved orgs/agency-a only: another organisation of A is refused by B's federation.
    denied = await refused(
        meshes.request(metadata=meshes.consumer(INTRUDER)),
        grpc.StatusCode.PERMISSION_DENIED,
        "PEER_REFUSED",
    )
    assert denied.metadata["peer_reason"] == "PEER_NOT_APPROVED"
    assert denied.metadata["step"] == "ExchangePeerToken"
    # Nothing was recorded on either side.
    for stub, metadata in (
        (meshes.a_negotiations, meshes.consumer(INTRUDER)),
        (meshes.b_negotiations, meshes.provider()),
    ):
        listed = await stub.ListNegotiations(npb.ListNegotiationsRequest(), metadata=metadata)
        assert all(n.consumer != INTRUDER and not n.consumer.endswith(INTRUDER) for n in listed.negotiations)


async def test_full_negotiation_to_finalized_and_a_pull_transfer_across_meshes(meshes: Meshes) -> None:
    request_id = str(uuid.uuid4())
    started = await meshes.request(request_id)
    name = started.name
    assert started.state == res.NEGOTIATION_STATE_REQUESTED
    assert started.peer == PEER
    assert started.provider == f"peers/{PEER}/{ORG_B}"
    assert started.consumer == ORG_A
    # A retried request (same request id) is the same negotiation on both sides: nothing new.
    again = await meshes.request(request_id)
    assert again.name == name
    on_b = await meshes.b_get(name)
    assert on_b.state == res.NEGOTIATION_STATE_REQUESTED
    assert on_b.peer == "orgs/agency-b/peers/agency-a"
    assert on_b.consumer == f"orgs/agency-b/peers/agency-a/{ORG_A}"
    assert on_b.provider == ORG_B
    assert on_b.policy_sha256 == started.policy_sha256
    listed_b = await meshes.b_negotiations.ListNegotiations(
        npb.ListNegotiationsRequest(role="provider"), metadata=meshes.provider()
    )
    assert [n.name for n in listed_b.negotiations if n.dataset == meshes.dataset].count(name) == 1
    assert len(await meshes.log("b", name)) == 1

    # The provider agrees on its own mesh; B's connector notifies A (the protocol's callback), so
    # A's record is AGREED before A's consumer looks (ListNegotiations does not sync).
    await meshes.b_negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=meshes.provider())
    assert await meshes.a_state(name) == res.NEGOTIATION_STATE_AGREED
    agreed = await meshes.a_get(name)
    assert agreed.state == res.NEGOTIATION_STATE_AGREED
    assert agreed.agreement
    # A provider message sent to A's mesh is refused there: the provider is on B.
    await refused(
        meshes.a_negotiations.FinalizeContract(
            npb.FinalizeContractRequest(name=name), metadata=meshes.consumer()
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NEGOTIATION_STATE",
    )

    verified = await meshes.a_negotiations.VerifyAgreement(
        npb.VerifyAgreementRequest(name=name), metadata=meshes.consumer()
    )
    assert verified.negotiation.state == res.NEGOTIATION_STATE_VERIFIED
    assert (await meshes.b_get(name)).state == res.NEGOTIATION_STATE_VERIFIED
    # A retried message changes and logs nothing on either side.
    entries_a, entries_b = len(await meshes.log("a", name)), len(await meshes.log("b", name))
    retried = await meshes.a_negotiations.VerifyAgreement(
        npb.VerifyAgreementRequest(name=name), metadata=meshes.consumer()
    )
    assert retried.negotiation.state == res.NEGOTIATION_STATE_VERIFIED
    assert (len(await meshes.log("a", name)), len(await meshes.log("b", name))) == (entries_a, entries_b)

    await meshes.b_negotiations.FinalizeContract(
        npb.FinalizeContractRequest(name=name), metadata=meshes.provider()
    )
    assert await meshes.a_state(name) == res.NEGOTIATION_STATE_FINALIZED
    finalized = await meshes.a_get(name)
    assert finalized.state == res.NEGOTIATION_STATE_FINALIZED
    assert finalized.agreement == agreed.agreement

    # The same agreement on both sides, its digest anchored on each side's own ledger.
    async def agreements() -> tuple[res.Agreement, res.Agreement]:
        on_a = await meshes.a_negotiations.GetAgreement(
            npb.GetAgreementRequest(name=agreed.agreement), metadata=meshes.consumer()
        )
        on_b = await meshes.b_negotiations.GetAgreement(
            npb.GetAgreementRequest(name=agreed.agreement), metadata=meshes.provider()
        )
        return on_a.agreement, on_b.agreement

    agreement_a, agreement_b = await agreements()
    assert agreement_a.sha256 == agreement_b.sha256
    assert agreement_a.policy == agreement_b.policy
    assert agreement_a.active
    assert agreement_b.active
    assert agreement_a.ledger_receipt
    assert agreement_b.ledger_receipt

    # Each side's usage log: the same messages in the same order, each side's chain valid and
    # anchored on its own ledger.
    log_a = await meshes.log("a", name)
    log_b = await meshes.log("b", name)
    messages = ["RequestContract", "AgreeContract", "VerifyAgreement", "FinalizeContract"]
    assert [e.event for e in log_a] == messages
    assert [e.event for e in log_b] == messages
    assert [e.actor_role for e in log_a] == ["consumer", "provider", "consumer", "provider"]
    assert json.loads(log_a[1].details)["received"] is True
    assert log_a[1].actor == f"peers/{PEER}"
    for stub, metadata in (
        (meshes.a_negotiations, meshes.consumer()),
        (meshes.b_negotiations, meshes.provider()),
    ):
        checked = await stub.VerifyUsageLog(npb.VerifyUsageLogRequest(parent=name), metadata=metadata)
        assert checked.valid, checked
        assert checked.anchored == checked.entries

    # A pull transfer: requested on A, issued by B (its token), downloaded through A's mesh.
    transfer = await meshes.a_transfers.RequestTransfer(
        tpb.RequestTransferRequest(
            agreement=agreed.agreement,
            distribution_id="csv",
            purpose="research",
            request_id=str(uuid.uuid4()),
        ),
        metadata=meshes.consumer(),
    )
    assert transfer.transfer.state == res.TRANSFER_STATE_STARTED
    assert transfer.transfer.access.token
    body, digest = b"", b""
    async for message in meshes.a_transfers.DownloadTransfer(
        tpb.DownloadTransferRequest(
            name=transfer.transfer.name, token=transfer.transfer.access.token, peer=PEER
        ),
        metadata=meshes.consumer(),
    ):
        body += message.chunk
        digest = message.sha256 or digest
    assert body == DATA
    assert digest == hashlib.sha256(DATA).digest() == transfer.transfer.sha256
    # A wrong purpose is refused by B's policy, relayed with B's reason.
    wrong = await refused(
        meshes.a_transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreed.agreement,
                distribution_id="csv",
                purpose="commercial",
                request_id=str(uuid.uuid4()),
            ),
            metadata=meshes.consumer(),
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "PEER_REFUSED",
    )
    assert wrong.metadata["peer_reason"] == "USE_NOT_PERMITTED"
    events_a = [e.event for e in await meshes.log("a", name)]
    assert events_a[-1] == "TransferRequestMessage"
    events_b = [e.event for e in await meshes.log("b", name)]
    assert {
        "TransferRequestMessage",
        "TransferStartMessage",
        "DownloadTransfer",
        "TransferRequestRefused",
    } <= set(events_b)


async def test_termination_and_a_counter_offer_across_meshes(meshes: Meshes) -> None:
    # The provider counter-offers on B; A accepts; A terminates: both sides TERMINATED.
    name = (await meshes.request()).name
    counter = dict(POLICY, uid="urn:offer:counter")
    await meshes.b_negotiations.OfferContract(
        npb.OfferContractRequest(name=name, policy=json.dumps(counter)), metadata=meshes.provider()
    )
    accepted = await meshes.a_negotiations.AcceptOffer(
        npb.AcceptOfferRequest(name=name), metadata=meshes.consumer()
    )
    assert accepted.negotiation.state == res.NEGOTIATION_STATE_ACCEPTED
    assert [e.event for e in await meshes.log("a", name)] == [
        "RequestContract",
        "OfferContract",
        "AcceptOffer",
    ]
    ended = await meshes.a_negotiations.TerminateNegotiation(
        npb.TerminateNegotiationRequest(name=name, code="NO_LONGER_NEEDED", reason="project cancelled"),
        metadata=meshes.consumer(),
    )
    assert ended.negotiation.state == res.NEGOTIATION_STATE_TERMINATED
    on_b = await meshes.b_get(name)
    assert on_b.state == res.NEGOTIATION_STATE_TERMINATED
    assert on_b.termination_code == "NO_LONGER_NEEDED"
    # Terminating again is a safe retry.
    again = await meshes.a_negotiations.TerminateNegotiation(
        npb.TerminateNegotiationRequest(name=name, code="NO_LONGER_NEEDED"), metadata=meshes.consumer()
    )
    assert again.negotiation.state == res.NEGOTIATION_STATE_TERMINATED

    # The provider terminates on B: A's record follows.
    other = (await meshes.request()).name
    await meshes.b_negotiations.TerminateNegotiation(
        npb.TerminateNegotiationRequest(name=other, code="NOT_AVAILABLE", reason="embargoed"),
        metadata=meshes.provider(),
    )
    assert await meshes.a_state(other) == res.NEGOTIATION_STATE_TERMINATED  # notified
    seen = await meshes.a_get(other)
    assert seen.state == res.NEGOTIATION_STATE_TERMINATED
    assert (seen.termination_code, seen.termination_reason) == ("NOT_AVAILABLE", "embargoed")
    log_a = await meshes.log("a", other)
    assert [(e.event, e.actor_role) for e in log_a] == [
        ("RequestContract", "consumer"),
        ("TerminateNegotiation", "provider"),
    ]
    # Nothing more can be sent on it from A.
    await refused(
        meshes.a_negotiations.AcceptOffer(npb.AcceptOfferRequest(name=other), metadata=meshes.consumer()),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NEGOTIATION_STATE",
    )


async def test_only_the_providers_mesh_notifies(meshes: Meshes) -> None:
    """NotifyNegotiation from a caller of A's own mesh (not a token federation exchanged for B's
    issuer) is refused, and changes nothing."""
    name = (await meshes.request()).name
    forged = res.Negotiation(
        name=name, state=res.NEGOTIATION_STATE_TERMINATED, last_actor="provider", termination_code="FORGED"
    )
    await refused(
        meshes.a_negotiations.NotifyNegotiation(
            npb.NotifyNegotiationRequest(negotiation=forged), metadata=meshes.consumer()
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "PEER_NOT_CONFIGURED",
    )
    assert await meshes.a_state(name) == res.NEGOTIATION_STATE_REQUESTED


class _LedgerDown:
    """A DecisionAnchor whose ledger never answers: entries stay pending (the domain's design)."""

    async def anchor(self, digest: bytes, metadata: Mapping[str, str]) -> str:
        raise Unavailable("LEDGER_UNAVAILABLE", "not in this test", domain="dataspace.jipan.tw")

    async def anchored_receipts(self, digest: bytes) -> dict[str, bool]:
        return {}


async def test_an_older_view_of_the_providers_record_never_overwrites_a_newer_one(meshes: Meshes) -> None:
    """A late notification, or a sync that crossed one: A's record mirrors B's only forward (B's
    update_time is its version)."""
    name = (await meshes.request()).name
    counter = dict(POLICY, uid="urn:offer:counter-2")
    await meshes.b_negotiations.OfferContract(
        npb.OfferContractRequest(name=name, policy=json.dumps(counter)), metadata=meshes.provider()
    )
    offered = await meshes.a_get(name)
    assert offered.state == res.NEGOTIATION_STATE_OFFERED
    pool = await asyncpg.create_pool(meshes.a.database_url, min_size=1, max_size=2)
    try:
        domain = Negotiations(
            NegotiationStore(pool),
            CatalogStore(pool),
            _LedgerDown(),
            PageTokens(b"tests-only page token key"),
            RequestIds(),
            cast(ConsentCheck, None),
        )
        negotiation_id = uuid.UUID(name.rsplit("/", 1)[1])
        before = await domain.store.get(negotiation_id)
        assert before is not None
        assert before.peer_update_time is not None
        entries = len(await meshes.log("a", name))
        # The REQUESTED view B held before its offer: older, so nothing changes and nothing is logged.
        stale = RemoteView(
            state=State.REQUESTED,
            last_actor="consumer",
            policy=before.policy,
            policy_sha256=b"\x01" * 32,
            agreement=None,
            termination_code="",
            termination_reason="",
            update_time=before.peer_update_time - timedelta(milliseconds=5),
        )
        principal = Principal(
            subject="people/0123456789abcdef0123456789abcdef",
            issuer="https://identity.a.jipan.test",
            audiences=("mesh-a",),
            expires_at=datetime.now(UTC) + timedelta(minutes=5),
            token_id="t",
            org=ORG_A,
        )
        after = await domain.mirror(principal, negotiation_id, stale, None)
        assert after.state is State.OFFERED
        assert len(await meshes.log("a", name)) == entries
        # The same view made newer would be taken: the version, not the state, decided.
        newer = replace(stale, update_time=before.peer_update_time + timedelta(milliseconds=5))
        moved = await domain.mirror(principal, negotiation_id, newer, None)
        assert moved.state is State.REQUESTED
    finally:
        await pool.close()


async def _agreed(meshes: Meshes, dataset: str) -> str:
    """A finalized agreement between A's consumer and B's provider for `dataset`'s offer."""
    name = (
        await meshes.a_negotiations.RequestContract(
            npb.RequestContractRequest(
                dataset=dataset, offer_id="research", request_id=str(uuid.uuid4()), peer=PEER
            ),
            metadata=meshes.consumer(),
        )
    ).negotiation.name
    await meshes.b_negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=meshes.provider())
    await meshes.a_negotiations.VerifyAgreement(
        npb.VerifyAgreementRequest(name=name), metadata=meshes.consumer()
    )
    await meshes.b_negotiations.FinalizeContract(
        npb.FinalizeContractRequest(name=name), metadata=meshes.provider()
    )
    agreement: str = (await meshes.a_get(name)).agreement
    assert agreement
    return agreement


async def test_personal_data_are_released_only_within_the_mesh_holding_the_consent(meshes: Meshes) -> None:
    """A person's consent is held by the identity of the mesh that issued it, and verifies only
    there: a dataset of personal data is never released to another mesh, with a reason that says
    so (not a consent token that failed to verify)."""
    personal = await meshes.b_catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id="clinic-visits",
            dataset=res.Dataset(
                title="門診紀錄",
                offers=[res.Offer(id="research", policy=json.dumps(POLICY))],
                distributions=[res.Distribution(id="csv", media_type="text/csv")],
                personal_data=True,
                personal_data_category="health",
            ),
        ),
        metadata=meshes.provider(),
    )
    agreement = await _agreed(meshes, personal.dataset.name)

    def transfer(**fields: Any) -> tpb.RequestTransferRequest:
        return tpb.RequestTransferRequest(
            agreement=agreement,
            distribution_id="csv",
            purpose="research",
            request_id=str(uuid.uuid4()),
            **fields,
        )

    # Without a consent token: the provider's mesh refuses, naming the dataset's personal data.
    remote = await refused(
        meshes.a_transfers.RequestTransfer(transfer(), metadata=meshes.consumer()),
        grpc.StatusCode.PERMISSION_DENIED,
        "PEER_REFUSED",
    )
    assert remote.metadata["peer_reason"] == "PERSONAL_DATA_MESH_LOCAL"
    assert remote.metadata["peer_field"] == "dataset.personal_data"
    assert remote.metadata["peer_dataset"] == personal.dataset.name
    # With one of A's consent tokens: refused on A's side before anything is sent.
    local = await refused(
        meshes.a_transfers.RequestTransfer(
            transfer(consent_token="a.consent.token"), metadata=meshes.consumer()
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "PERSONAL_DATA_MESH_LOCAL",
    )
    assert local.metadata["field"] == "consent_token"
    # The refusal is an access like any other: in the provider's usage log.
    negotiation = (
        await meshes.b_negotiations.GetAgreement(
            npb.GetAgreementRequest(name=agreement), metadata=meshes.provider()
        )
    ).agreement.negotiation
    refusals = [e for e in await meshes.log("b", negotiation) if e.event == "TransferRequestRefused"]
    assert len(refusals) == 1
    assert "PERSONAL_DATA_MESH_LOCAL" in refusals[0].details


async def test_a_notification_the_consumers_mesh_missed_is_retried_until_delivered(meshes: Meshes) -> None:
    """B's connector keeps what it could not tell A in its outbox and retries with backoff; A's
    record moves on once A is back, without A's consumer reading or sending anything."""
    name = (await meshes.request()).name
    negotiation_id = uuid.UUID(name.rsplit("/", 1)[1])
    pool = await asyncpg.create_pool(meshes.b.database_url, min_size=1, max_size=2)

    async def outbox() -> asyncpg.Record:
        row = await pool.fetchrow(
            "SELECT version, attempts, last_error, delivered_time FROM dataspace.negotiation_notifications"
            " WHERE negotiation = $1",
            negotiation_id,
        )
        assert row is not None
        return row

    try:
        await meshes.a.stop()
        try:
            agreed = await meshes.b_negotiations.AgreeContract(
                npb.AgreeContractRequest(name=name), metadata=meshes.provider()
            )
            assert agreed.negotiation.state == res.NEGOTIATION_STATE_AGREED
            pending = await outbox()
            assert pending["delivered_time"] is None
            assert pending["attempts"] >= 1
            assert "PEER_UNAVAILABLE" in pending["last_error"]
            await asyncio.sleep(1.5)  # retried meanwhile, A still down
            assert (await outbox())["attempts"] > pending["attempts"]
        finally:
            await meshes.a.start(MODULES)
            meshes.rebind()
        for _ in range(150):
            if await meshes.a_state(name) == res.NEGOTIATION_STATE_AGREED:  # ListNegotiations: no sync
                break
            await asyncio.sleep(0.1)
        assert await meshes.a_state(name) == res.NEGOTIATION_STATE_AGREED
        # B marks the row delivered after A has answered, so A can show AGREED a moment before.
        for _ in range(50):
            delivered = await outbox()
            if delivered["delivered_time"] is not None:
                break
            await asyncio.sleep(0.1)
        assert delivered["delivered_time"] is not None
        assert delivered["version"] == pending["version"]
        # The next provider message supersedes the delivered version and is told at once.
        await meshes.a_negotiations.VerifyAgreement(
            npb.VerifyAgreementRequest(name=name), metadata=meshes.consumer()
        )
        await meshes.b_negotiations.FinalizeContract(
            npb.FinalizeContractRequest(name=name), metadata=meshes.provider()
        )
        assert await meshes.a_state(name) == res.NEGOTIATION_STATE_FINALIZED
        finalized = await outbox()
        assert finalized["version"] > pending["version"]
        assert finalized["delivered_time"] is not None
        assert finalized["attempts"] == 0
    finally:
        await pool.close()


async def test_a_retried_use_under_another_meshs_agreement_is_logged_here_once(meshes: Meshes) -> None:
    name = (await meshes.request()).name
    await meshes.b_negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=meshes.provider())
    assert await meshes.a_state(name) == res.NEGOTIATION_STATE_AGREED
    await meshes.a_negotiations.VerifyAgreement(
        npb.VerifyAgreementRequest(name=name), metadata=meshes.consumer()
    )
    await meshes.b_negotiations.FinalizeContract(
        npb.FinalizeContractRequest(name=name), metadata=meshes.provider()
    )
    agreement = (await meshes.a_get(name)).agreement
    assert agreement
    transfer = tpb.RequestTransferRequest(
        agreement=agreement, distribution_id="csv", purpose="research", request_id=str(uuid.uuid4())
    )
    use = npb.AuthorizeUseRequest(
        agreement=agreement, action="use", purpose="research", request_id=str(uuid.uuid4())
    )
    # Each sent twice with its request id (a retry: the first answer lost, or the log entry lost to
    # a cancellation after it): the provider's mesh replays, and this side logs each once.
    for _ in range(2):
        await meshes.a_transfers.RequestTransfer(transfer, metadata=meshes.consumer())
        await meshes.a_negotiations.AuthorizeUse(use, metadata=meshes.consumer())
    events = [e.event for e in await meshes.log("a", name)]
    assert events.count("TransferRequestMessage") == 1
    assert events.count("AuthorizeUse") == 1
