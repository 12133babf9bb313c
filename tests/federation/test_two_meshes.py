"""Two independent meshes federating: two `jipan serve` processes, two databases, two issuers.

Mesh A (the consumer) and mesh B (the provider) each run identity, ledger and
federation with their own database, data directory (so their own signing
keys, log keys and page-token secrets) and issuer. B registers A as a peer
from A's bundle endpoint, pins and activates it, approves A's organisation
for GetWhoAmI only; A's caller exchanges its A token at B and calls across.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import socket
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import grpc
import pytest
import pytest_asyncio
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from google.protobuf.timestamp_pb2 import Timestamp
from google.rpc import error_details_pb2, status_pb2

from jipan.federation.v1 import federation_service_pb2 as fpb
from jipan.federation.v1 import federation_service_pb2_grpc as fpb_grpc
from jipan.federation.v1 import resources_pb2 as fres
from jipan.interceptors.tokens import keys_from_jwks
from jipan.servers.federation.verify import LogVerificationFailed, signed_entry, verify_anchored, verify_chain
from jipan.system.v1 import system_service_pb2 as spb
from jipan.system.v1 import system_service_pb2_grpc as spb_grpc
from tests.conftest import fresh_database
from tests.descriptor_walk import bearer
from tests.mesh import Pki, make_pki
from tests.subprocess_mesh import ServedMesh

MODULES = ["identity", "ledger", "federation"]
WHOAMI = "/jipan.system.v1.SystemService/GetWhoAmI"
VERSION = "/jipan.system.v1.SystemService/GetVersion"
ADMIN_SCOPES = ["federation.admin", "federation.read"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _mesh(root: Path, database: str, label: str, **env: str) -> ServedMesh:
    # A fixed port: the peer's bundle endpoint stays where it was across a restart.
    return ServedMesh(
        root / label,
        database,
        env_overrides={
            "JIPAN_TOKEN_ISSUER": f"https://identity.{label}.jipan.test",
            "JIPAN_TOKEN_AUDIENCE": f"mesh-{label}",
            "JIPAN_SIGNING_KEY_SECRET": f"tests-only secret of mesh {label}, 32 characters or more",
            "JIPAN_FEDERATION_ANCHOR_INTERVAL_S": "0.3",
            "JIPAN_FEDERATION_BUNDLE_REFRESH_S": "1",
            "JIPAN_REVOCATION_REFRESH_S": "0.5",
            "JIPAN_LISTEN": f"127.0.0.1:{_free_port()}",
            **env,
        },
    )


def _reason(exc: grpc.aio.AioRpcError) -> str:
    for key, value in exc.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            status = status_pb2.Status.FromString(value)
            for detail in status.details:
                if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
                    info = error_details_pb2.ErrorInfo()
                    detail.Unpack(info)
                    return str(info.reason)
    return ""


class Meshes:
    def __init__(
        self, a: ServedMesh, b: ServedMesh, database_b: str, a_to_b: grpc.aio.Channel, pki_a: Pki, pki_b: Pki
    ) -> None:
        self.a, self.b, self.database_b, self.a_to_b = a, b, database_b, a_to_b
        self.pki_a, self.pki_b = pki_a, pki_b
        self.b2: ServedMesh | None = None
        """B's second server (plaintext, inside B's network): it polls identity's revocation feed."""
        self.org_a, self.org_b = "agency-a", "agency-b"

    def a_token(self, **kwargs: object) -> str:
        """A's caller, a service account of A's agency, asking A's issuer for a token for B's audience."""
        return self.a.token(
            subject="services/payroll-sync",
            org=f"orgs/{self.org_a}",
            audience=self.b.env()["JIPAN_TOKEN_AUDIENCE"],
            issuer=self.a.env()["JIPAN_TOKEN_ISSUER"],
            **kwargs,  # type: ignore[arg-type]
        )

    def b_admin(self) -> tuple[tuple[str, str], ...]:
        return bearer(
            self.b.token(
                subject="people/0123456789abcdef0123456789abcdef",
                scopes=ADMIN_SCOPES,
                org=f"orgs/{self.org_b}",
                issuer=self.b.env()["JIPAN_TOKEN_ISSUER"],
                audience=self.b.env()["JIPAN_TOKEN_AUDIENCE"],
            )
        )

    def b_federation(self) -> fpb_grpc.FederationServiceAsyncStub:
        assert self.b.channel is not None
        return fpb_grpc.FederationServiceStub(self.b.channel)

    async def exchange(self, channel: grpc.aio.Channel | None = None) -> fpb.ExchangePeerTokenResponse:
        """A's egress exchanges its caller's token at B (over mTLS with A's workload certificate)."""
        stub: fpb_grpc.FederationServiceAsyncStub = fpb_grpc.FederationServiceStub(channel or self.a_to_b)
        return await stub.ExchangePeerToken(
            fpb.ExchangePeerTokenRequest(
                subject_token=self.a_token(),
                subject_token_type="urn:ietf:params:oauth:token-type:access_token",
            )
        )

    async def call_b(self, token: str, method: str = WHOAMI, *, second: bool = False) -> object:
        channel = self.a_to_b
        if second:
            assert self.b2 is not None
            assert self.b2.channel is not None
            channel = self.b2.channel
        stub = spb_grpc.SystemServiceStub(channel)
        if method == WHOAMI:
            return await stub.GetWhoAmI(spb.GetWhoAmIRequest(), metadata=bearer(token))
        return await stub.GetVersion(spb.GetVersionRequest(), metadata=bearer(token))


def _mtls_channel(target: str, server_ca: bytes, client: Pki) -> grpc.aio.Channel:
    return grpc.aio.secure_channel(
        target,
        grpc.ssl_channel_credentials(
            root_certificates=server_ca,
            private_key=client.client_key_pem,
            certificate_chain=client.client_cert_pem,
        ),
    )


@pytest_asyncio.fixture(scope="module")
async def meshes(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Meshes]:
    """A: identity, ledger, federation, plaintext (its CA published in its bundle). B: identity and
    federation behind mTLS (B's own CA, plus its ACTIVE peers' CAs from their bundles), with its
    ledger in a second B process on the same database."""
    root = tmp_path_factory.mktemp("federation")
    pki_a = make_pki("services/payroll-sync", ca_cn="Agency A workload CA")
    pki_b = make_pki("services/b-console", ca_cn="Agency B workload CA")
    files = {}
    for label, content in {
        "a-ca.pem": pki_a.ca_pem,
        "b-ca.pem": pki_b.ca_pem,
        "b-server.pem": pki_b.server_cert_pem,
        "b-server.key": pki_b.server_key_pem,
        "a-client.pem": pki_a.client_cert_pem,
        "a-client.key": pki_a.client_key_pem,
    }.items():
        (root / label).write_bytes(content)
        files[label] = str(root / label)
    async with (
        fresh_database(database_url, "jipan_fed_a") as db_a,
        fresh_database(database_url, "jipan_fed_b") as db_b,
    ):
        # A's egress (its callers reach B through it) presents A's workload certificate to B.
        a = _mesh(
            root,
            db_a,
            "a",
            JIPAN_FEDERATION_CA_FILE=files["a-ca.pem"],
            JIPAN_FEDERATION_EGRESS_LISTEN=f"127.0.0.1:{_free_port()}",
            JIPAN_OUTBOUND_TLS_CERT_FILE=files["a-client.pem"],
            JIPAN_OUTBOUND_TLS_KEY_FILE=files["a-client.key"],
        )
        # B's second server: a replica of identity and federation on B's database, and B's ledger.
        b_ledger = _mesh(root, db_b, "b", JIPAN_FEDERATION_CA_FILE=files["b-ca.pem"])
        await asyncio.gather(a.start(MODULES), b_ledger.start(MODULES))
        b = _mesh(
            root,
            db_b,
            "b",
            JIPAN_TLS_CERT_FILE=files["b-server.pem"],
            JIPAN_TLS_KEY_FILE=files["b-server.key"],
            JIPAN_TLS_CLIENT_CA_FILE=files["b-ca.pem"],
            JIPAN_LEDGER_TARGET=b_ledger.address,
        )
        await b.start(["identity", "federation"])
        assert b.channel is not None
        await b.channel.close()
        # B's own console: a B workload certificate.
        b.channel = _mtls_channel(b.address, pki_b.ca_pem, pki_b)
        # A's egress: A's workload certificate, trusted by B only through A's bundle.
        a_to_b = _mtls_channel(b.address, pki_b.ca_pem, pki_a)
        try:
            meshes = Meshes(a, b, db_b, a_to_b, pki_a, pki_b)
            meshes.b2 = b_ledger
            yield meshes
        finally:
            await a_to_b.close()
            await asyncio.gather(a.stop(), b.stop())
            await b_ledger.stop()


async def test_a_peer_is_registered_pinned_approved_and_called_across(meshes: Meshes) -> None:
    b = meshes.b_federation()
    admin = meshes.b_admin()
    created = await b.CreatePeer(
        fpb.CreatePeerRequest(
            peer_id="agency-a",
            peer=fres.Peer(
                display_name="Agency A",
                issuer=meshes.a.env()["JIPAN_TOKEN_ISSUER"],
                audience=meshes.a.env()["JIPAN_TOKEN_AUDIENCE"],
                bundle_endpoint=meshes.a.address,
            ),
        ),
        metadata=admin,
    )
    peer = created.peer
    assert peer.state == fres.PEER_STATE_PENDING
    assert len(peer.pinned_fingerprint) == 64
    assert peer.bundle.sequence_number >= 1
    # What A publishes is what B pinned: the fingerprint is confirmed out of band.
    assert meshes.a.channel is not None
    published = await fpb_grpc.FederationServiceStub(meshes.a.channel).GetTrustBundle(
        fpb.GetTrustBundleRequest()
    )
    assert published.bundle.fingerprint == peer.pinned_fingerprint

    # Pending: B's servers do not accept A's workload certificate yet, and nothing A signs is exchanged.
    # (A throwaway channel: a failed connection would put the shared one into reconnect backoff.)
    before_trust = _mtls_channel(meshes.b.address, meshes.pki_b.ca_pem, meshes.pki_a)
    try:
        with pytest.raises(grpc.aio.AioRpcError) as untrusted:
            await meshes.exchange(before_trust)
        assert untrusted.value.code() == grpc.StatusCode.UNAVAILABLE
    finally:
        await before_trust.close()
    with pytest.raises(grpc.aio.AioRpcError) as pending:
        await meshes.exchange(meshes.b.channel)
    assert pending.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert _reason(pending.value) == "PEER_NOT_ACTIVE"

    with pytest.raises(grpc.aio.AioRpcError) as wrong:
        await b.ActivatePeer(fpb.ActivatePeerRequest(name=peer.name, fingerprint="0" * 64), metadata=admin)
    assert _reason(wrong.value) == "FINGERPRINT_MISMATCH"
    activated = await b.ActivatePeer(
        fpb.ActivatePeerRequest(name=peer.name, fingerprint=peer.pinned_fingerprint), metadata=admin
    )
    assert activated.peer.state == fres.PEER_STATE_ACTIVE

    # Active but nothing approved: PEER_NOT_APPROVED.
    with pytest.raises(grpc.aio.AioRpcError) as unapproved:
        await meshes.exchange()
    assert unapproved.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert _reason(unapproved.value) == "PEER_NOT_APPROVED"

    with pytest.raises(grpc.aio.AioRpcError) as unknown_method:
        await b.CreateApproval(
            fpb.CreateApprovalRequest(
                parent=peer.name,
                approval_id="bogus",
                approval=fres.Approval(consumer=f"orgs/{meshes.org_a}", methods=["/no.Such/Method"]),
            ),
            metadata=admin,
        )
    assert _reason(unknown_method.value) == "APPROVAL_INVALID"
    await b.CreateApproval(
        fpb.CreateApprovalRequest(
            parent=peer.name,
            approval_id="whoami",
            approval=fres.Approval(consumer=f"orgs/{meshes.org_a}", methods=[WHOAMI]),
        ),
        metadata=admin,
    )

    exchanged = await meshes.exchange()
    assert list(exchanged.methods) == [WHOAMI]
    assert exchanged.peer == peer.name
    who = await meshes.call_b(exchanged.access_token)
    assert who.principal.subject == peer.name  # type: ignore[attr-defined]
    assert who.principal.org == f"orgs/{meshes.org_b}"  # type: ignore[attr-defined]

    # An approved token for one method is refused for every other, on every server.
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await meshes.call_b(exchanged.access_token, VERSION)
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert _reason(refused.value) == "PEER_NOT_APPROVED"

    # Discovery: what B offers this caller.
    offered = await b.ListOfferedMethods(
        fpb.ListOfferedMethodsRequest(), metadata=bearer(exchanged.access_token)
    )
    assert [m.method for m in offered.offered_methods] == [WHOAMI]
    assert offered.offered_methods[0].input_type == "jipan.system.v1.GetWhoAmIRequest"

    # A token of A's issuer signed by a key A never published: refused.
    from jipan.interceptors.tokens import DevSigningKey

    forged = meshes.a.token(
        subject="services/payroll-sync",
        org=f"orgs/{meshes.org_a}",
        audience=meshes.b.env()["JIPAN_TOKEN_AUDIENCE"],
        issuer=meshes.a.env()["JIPAN_TOKEN_ISSUER"],
        key=DevSigningKey.generate(),
    )
    with pytest.raises(grpc.aio.AioRpcError) as forgery:
        await fpb_grpc.FederationServiceStub(meshes.a_to_b).ExchangePeerToken(
            fpb.ExchangePeerTokenRequest(
                subject_token=forged, subject_token_type="urn:ietf:params:oauth:token-type:access_token"
            )
        )
    assert forgery.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert _reason(forgery.value) == "SUBJECT_TOKEN_INVALID"


async def _anchored(
    b: fpb_grpc.FederationServiceAsyncStub, name: str, admin: tuple[tuple[str, str], ...]
) -> fpb.VerifyExchangeResponse:
    deadline = time.monotonic() + 30
    while True:
        proof = await b.VerifyExchange(fpb.VerifyExchangeRequest(name=name), metadata=admin)
        if proof.anchored or time.monotonic() > deadline:
            return proof
        await asyncio.sleep(0.3)


async def test_the_message_log_is_signed_chained_anchored_and_tamper_evident(meshes: Meshes) -> None:
    b = meshes.b_federation()
    admin = meshes.b_admin()
    peer = f"orgs/{meshes.org_b}/peers/agency-a"
    exchanged = await meshes.exchange()
    for _ in range(3):
        await meshes.call_b(exchanged.access_token)
    await asyncio.sleep(0.3)  # the writer stores a lone call within 0.15 s
    listed = await b.ListLogEntries(fpb.ListLogEntriesRequest(parent=peer), metadata=admin)
    entries = list(listed.log_entries)
    assert len(entries) >= 4  # the first test's call and its refusal, the discovery, these three
    assert [e.sequence for e in entries] == list(range(1, len(entries) + 1))
    ok = [e for e in entries if e.method == WHOAMI and e.status_code == "OK"]
    assert ok
    assert all(len(e.request_digest) == 32 and len(e.response_digest) == 32 for e in ok)
    refused = [e for e in entries if e.method == VERSION]
    assert refused, "the refused attempt of an unapproved method is not in the log"
    assert refused[0].status_code == "PERMISSION_DENIED"
    assert not refused[0].response_digest
    assert ok[0].consumer_principal == "services/payroll-sync"
    assert ok[0].consumer_issuer == meshes.a.env()["JIPAN_TOKEN_ISSUER"]
    assert ok[0].request_id
    assert ok[0].client_certificate == "services/payroll-sync"  # A's workload certificate, seen over mTLS

    # Offline: B's log keys come from B's published bundle, nothing else from B is trusted.
    assert meshes.b.channel is not None
    bundle = (await b.GetTrustBundle(fpb.GetTrustBundleRequest())).bundle
    log_keys: dict[str, Ed25519PublicKey] = keys_from_jwks(
        {
            "keys": [
                {**k, "use": "sig"} for k in json.loads(bundle.bundle_json)["keys"] if k["use"] == "jipan-log"
            ]
        }
    )
    signed = [signed_entry(e) for e in entries]
    assert verify_chain(signed, log_keys) == len(entries)
    # Signed per flush, not per call (X-Road's batch signatures): each entry carries its audit path.
    assert all(e.signature_batch.root and e.signature_batch.tree_size >= 1 for e in entries)

    proof = await _anchored(b, ok[-1].name, admin)
    assert proof.signature_valid
    assert proof.chain_valid
    assert proof.anchored, "the batch holding the entry was never anchored on the ledger"
    assert verify_anchored(
        ok[-1].entry_hash,
        leaf_index=proof.leaf_index,
        tree_size=proof.tree_size,
        proof=list(proof.proof),
        root=proof.merkle_root,
    )

    # Tamper with one stored entry (its recorded status): the server and the offline verifier both see it.
    victim = ok[0]
    connection = await asyncpg.connect(meshes.database_b)
    try:
        await connection.execute(
            "UPDATE federation.log_entries SET canonical = convert_to(replace("
            "convert_from(canonical, 'UTF8'),"
            ' \'"status_code":"OK"\', \'"status_code":"NOT_FOUND"\'), \'UTF8\') WHERE sequence = $1',
            victim.sequence,
        )
    finally:
        await connection.close()
    tampered = await b.VerifyExchange(fpb.VerifyExchangeRequest(name=victim.name), metadata=admin)
    assert not tampered.signature_valid
    relisted = await b.ListLogEntries(fpb.ListLogEntriesRequest(parent=peer), metadata=admin)
    with pytest.raises(LogVerificationFailed) as caught:
        verify_chain(
            [signed_entry(e) for e in relisted.log_entries],
            log_keys,
        )
    assert caught.value.reason == "HASH_MISMATCH"
    assert caught.value.sequence == victim.sequence


async def test_the_consumer_side_logs_the_same_exchange_under_its_own_key(meshes: Meshes) -> None:
    """A registers B too (B's endpoint over mTLS with A's workload certificate, as A's egress will
    call it) and records its side of a call by hand (RecordExchange)."""
    assert meshes.a.channel is not None
    assert meshes.b2 is not None
    a_fed: fpb_grpc.FederationServiceAsyncStub = fpb_grpc.FederationServiceStub(meshes.a.channel)
    a_issuer, a_audience = meshes.a.env()["JIPAN_TOKEN_ISSUER"], meshes.a.env()["JIPAN_TOKEN_AUDIENCE"]
    a_admin = bearer(
        meshes.a.token(
            subject="people/0123456789abcdef0123456789abcdef",
            scopes=[*ADMIN_SCOPES, "federation.log"],
            org=f"orgs/{meshes.org_a}",
            issuer=a_issuer,
            audience=a_audience,
        )
    )
    created = await a_fed.CreatePeer(
        fpb.CreatePeerRequest(
            peer_id="agency-b",
            peer=fres.Peer(
                issuer=meshes.b.env()["JIPAN_TOKEN_ISSUER"],
                audience=meshes.b.env()["JIPAN_TOKEN_AUDIENCE"],
                bundle_endpoint=meshes.b.address,
                bundle_endpoint_ca_pem=meshes.pki_b.ca_pem.decode(),
            ),
        ),
        metadata=a_admin,
    )
    assert meshes.b2.channel is not None
    b_bundle = (
        await fpb_grpc.FederationServiceStub(meshes.b2.channel).GetTrustBundle(fpb.GetTrustBundleRequest())
    ).bundle
    # Both of B's servers publish one bundle (same keys, same CA, one sequence).
    assert created.peer.pinned_fingerprint == b_bundle.fingerprint
    await a_fed.ActivatePeer(
        fpb.ActivatePeerRequest(name=created.peer.name, fingerprint=created.peer.pinned_fingerprint),
        metadata=a_admin,
    )

    exchanged = await meshes.exchange()
    request_id = f"payroll-{uuid.uuid4().hex}"
    request = spb.GetWhoAmIRequest()
    start = time.time()
    response = await spb_grpc.SystemServiceStub(meshes.a_to_b).GetWhoAmI(
        request, metadata=(*bearer(exchanged.access_token), ("x-request-id", request_id))
    )
    end = time.time()
    request_digest = hashlib.sha256(request.SerializeToString(deterministic=True)).digest()
    response_digest = hashlib.sha256(response.SerializeToString(deterministic=True)).digest()
    caller = bearer(
        meshes.a.token(
            subject="services/payroll-sync",
            scopes=["federation.log"],
            org=f"orgs/{meshes.org_a}",
            issuer=a_issuer,
            audience=a_audience,
        )
    )
    started, ended = Timestamp(), Timestamp()
    started.FromNanoseconds(int(start * 1e9))
    ended.FromNanoseconds(int(end * 1e9))
    await a_fed.RecordExchange(
        fpb.RecordExchangeRequest(
            parent=created.peer.name,
            method=WHOAMI,
            request_id=request_id,
            request_digest=request_digest,
            response_digest=response_digest,
            status_code="OK",
            start_time=started,
            end_time=ended,
            provider_principal=response.principal.subject,
        ),
        metadata=caller,
    )
    with pytest.raises(grpc.aio.AioRpcError) as short:
        await a_fed.RecordExchange(
            fpb.RecordExchangeRequest(
                parent=created.peer.name,
                method=WHOAMI,
                request_id=request_id,
                request_digest=b"too short",
                status_code="OK",
                start_time=started,
                end_time=ended,
            ),
            metadata=caller,
        )
    assert short.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    await asyncio.sleep(0.5)

    consumer = [
        e
        for e in (
            await a_fed.ListLogEntries(fpb.ListLogEntriesRequest(parent=created.peer.name), metadata=a_admin)
        ).log_entries
        if e.request_id == request_id
    ]
    provider = [
        e
        for e in (
            await meshes.b_federation().ListLogEntries(
                fpb.ListLogEntriesRequest(parent=f"orgs/{meshes.org_b}/peers/agency-a", page_size=1000),
                metadata=meshes.b_admin(),
            )
        ).log_entries
        if e.request_id == request_id
    ]
    assert len(consumer) == 1
    assert len(provider) == 1
    ours, theirs = consumer[0], provider[0]
    assert ours.side == fres.LOG_SIDE_CONSUMER
    assert theirs.side == fres.LOG_SIDE_PROVIDER
    # Two signatures by two agencies over the same exchange: the same request, the same answer.
    assert ours.request_digest == theirs.request_digest
    assert ours.response_digest == theirs.response_digest
    assert ours.consumer_principal == theirs.consumer_principal == "services/payroll-sync"
    assert ours.signing_key_id != theirs.signing_key_id
    a_bundle = (await a_fed.GetTrustBundle(fpb.GetTrustBundleRequest())).bundle
    a_log_keys = keys_from_jwks(
        {
            "keys": [
                {**k, "use": "sig"}
                for k in json.loads(a_bundle.bundle_json)["keys"]
                if k["use"] == "jipan-log"
            ]
        }
    )
    assert verify_chain([signed_entry(ours)], a_log_keys)
    proof = await _anchored(a_fed, ours.name, a_admin)
    assert proof.anchored, "A's entry was never anchored on A's ledger"


async def _issued_at_b(meshes: Meshes) -> int:
    connection = await asyncpg.connect(meshes.database_b)
    try:
        return int(await connection.fetchval("SELECT count(*) FROM federation.issued_tokens"))
    finally:
        await connection.close()


def _egress_target(meshes: Meshes) -> str:
    return meshes.a.env()["JIPAN_FEDERATION_EGRESS_LISTEN"]


def _own_token(meshes: Meshes, **kwargs: object) -> str:
    """A's caller with a token of its own mesh (A's issuer, A's audience): all the egress needs."""
    return meshes.a.token(
        subject="services/payroll-sync",
        org=f"orgs/{meshes.org_a}",
        issuer=meshes.a.env()["JIPAN_TOKEN_ISSUER"],
        audience=meshes.a.env()["JIPAN_TOKEN_AUDIENCE"],
        **kwargs,  # type: ignore[arg-type]
    )


def _error_info(exc: grpc.aio.AioRpcError) -> error_details_pb2.ErrorInfo:
    for key, value in exc.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            for detail in status_pb2.Status.FromString(value).details:
                if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
                    info = error_details_pb2.ErrorInfo()
                    detail.Unpack(info)
                    return info
    raise AssertionError(f"no ErrorInfo in {exc.code().name}: {exc.details()}")


async def _logged(
    stub: fpb_grpc.FederationServiceAsyncStub,
    parent: str,
    admin: tuple[tuple[str, str], ...],
    request_id: str,
) -> list[fres.LogEntry]:
    """The entries of `parent`'s log with `request_id`, once the writer has flushed them."""
    deadline = time.monotonic() + 10
    while True:
        page_token, found = "", []
        while True:
            page = await stub.ListLogEntries(
                fpb.ListLogEntriesRequest(parent=parent, page_size=500, page_token=page_token), metadata=admin
            )
            found += [e for e in page.log_entries if e.request_id == request_id]
            page_token = page.next_page_token
            if not page_token:
                break
        if found or time.monotonic() > deadline:
            return found
        await asyncio.sleep(0.2)


async def test_a_caller_calls_b_through_a_egress_with_its_own_token(meshes: Meshes) -> None:
    """A's egress: A's caller sends A's own token and names the peer; the egress exchanges it (at A's
    identity, then at B), calls B over mTLS with A's workload certificate and logs A's side."""
    assert meshes.a.channel is not None
    a_fed: fpb_grpc.FederationServiceAsyncStub = fpb_grpc.FederationServiceStub(meshes.a.channel)
    a_admin = bearer(
        meshes.a.token(
            subject="people/0123456789abcdef0123456789abcdef",
            scopes=ADMIN_SCOPES,
            org=f"orgs/{meshes.org_a}",
            issuer=meshes.a.env()["JIPAN_TOKEN_ISSUER"],
            audience=meshes.a.env()["JIPAN_TOKEN_AUDIENCE"],
        )
    )
    peer_at_a = f"orgs/{meshes.org_a}/peers/agency-b"
    peer_at_b = f"orgs/{meshes.org_b}/peers/agency-a"
    token = _own_token(meshes)
    to_b = (("authorization", f"Bearer {token}"), ("x-jipan-peer", peer_at_a))
    async with grpc.aio.insecure_channel(_egress_target(meshes)) as egress:
        system = spb_grpc.SystemServiceStub(egress)
        request_id = f"egress-{uuid.uuid4().hex}"
        who = await system.GetWhoAmI(
            spb.GetWhoAmIRequest(), metadata=(*to_b, ("x-request-id", request_id)), timeout=20
        )
        # B answered: the caller is A's peer at B, acting for A's service account.
        assert who.principal.subject == peer_at_b
        assert who.principal.org == f"orgs/{meshes.org_b}"
        # The exchanged token is cached: a second call exchanges nothing at B.
        issued = await _issued_at_b(meshes)
        again = await system.GetWhoAmI(spb.GetWhoAmIRequest(), metadata=to_b, timeout=20)
        assert again.principal.subject == peer_at_b
        assert await _issued_at_b(meshes) == issued

        # Both logs hold the call: the same request id, equal digests, two agencies' signatures.
        ours = await _logged(a_fed, peer_at_a, a_admin, request_id)
        theirs = await _logged(meshes.b_federation(), peer_at_b, meshes.b_admin(), request_id)
        assert len(ours) == 1, "A's egress did not log its side"
        assert len(theirs) == 1
        mine, provider = ours[0], theirs[0]
        assert mine.side == fres.LOG_SIDE_CONSUMER
        assert provider.side == fres.LOG_SIDE_PROVIDER
        assert mine.method == provider.method == WHOAMI
        assert mine.status_code == provider.status_code == "OK"
        assert len(mine.request_digest) == 32
        assert mine.request_digest == provider.request_digest
        assert mine.response_digest == provider.response_digest
        assert mine.response_digest == hashlib.sha256(who.SerializeToString(deterministic=True)).digest()
        assert mine.consumer_principal == provider.consumer_principal == "services/payroll-sync"
        assert mine.provider_principal == provider.provider_principal == peer_at_b
        assert mine.signing_key_id != provider.signing_key_id
        # Over mTLS: B saw A's workload certificate.
        assert provider.client_certificate == "services/payroll-sync"

        # A method B did not approve: B's refusal comes back unchanged, and both sides log the attempt.
        refused_id = f"egress-{uuid.uuid4().hex}"
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await system.GetVersion(
                spb.GetVersionRequest(), metadata=(*to_b, ("x-request-id", refused_id)), timeout=20
            )
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
        info = _error_info(refused.value)
        assert info.reason == "PEER_NOT_APPROVED"
        assert info.domain == "federation.jipan.tw"
        assert info.metadata["method"] == VERSION
        assert info.metadata["request_id"] == refused_id
        [refused_mine] = await _logged(a_fed, peer_at_a, a_admin, refused_id)
        [refused_theirs] = await _logged(meshes.b_federation(), peer_at_b, meshes.b_admin(), refused_id)
        assert refused_mine.status_code == refused_theirs.status_code == "PERMISSION_DENIED"
        assert refused_mine.request_digest == refused_theirs.request_digest

        # B's contracts through B's own reflection (a bidirectional stream, open at B: no exchange).
        from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

        reflection = reflection_pb2_grpc.ServerReflectionStub(egress)
        answers = [
            answer
            async for answer in reflection.ServerReflectionInfo(
                iter([reflection_pb2.ServerReflectionRequest(list_services="")]), metadata=to_b, timeout=20
            )
        ]
        listed = {service.name for service in answers[0].list_services_response.service}
        assert "jipan.federation.v1.FederationService" in listed
        assert "jipan.ledger.v1.LedgerService" not in listed  # B's endpoint, not A (which serves it)

        # Refusals of the egress itself, with their reasons.
        async def refusal(metadata: tuple[tuple[str, str], ...]) -> tuple[grpc.StatusCode, str]:
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await system.GetWhoAmI(spb.GetWhoAmIRequest(), metadata=metadata, timeout=20)
            return caught.value.code(), _error_info(caught.value).reason

        bearer_only = (("authorization", f"Bearer {token}"),)
        assert await refusal(bearer_only) == (grpc.StatusCode.INVALID_ARGUMENT, "PEER_REQUIRED")
        assert await refusal((*bearer_only, ("x-jipan-peer", f"orgs/{meshes.org_a}/peers/agency-z"))) == (
            grpc.StatusCode.NOT_FOUND,
            "PEER_NOT_FOUND",
        )
        # A peer of another organisation of A is not this caller's to use.
        assert await refusal((*bearer_only, ("x-jipan-peer", "orgs/agency-c/peers/agency-b"))) == (
            grpc.StatusCode.NOT_FOUND,
            "PEER_NOT_FOUND",
        )
        assert await refusal((*bearer_only, ("x-jipan-peer", "agency-b"))) == (
            grpc.StatusCode.INVALID_ARGUMENT,
            "NAME_INVALID",
        )
        assert await refusal((("x-jipan-peer", peer_at_a),)) == (
            grpc.StatusCode.UNAUTHENTICATED,
            "TOKEN_MISSING",
        )
        # A token for B's audience is not a token of A's mesh: the egress verifies like A's servers.
        code, _ = await refusal(
            (("authorization", f"Bearer {meshes.a_token()}"), ("x-jipan-peer", peer_at_a))
        )
        assert code == grpc.StatusCode.UNAUTHENTICATED


async def test_a_keeps_working_through_a_rotation_and_an_outage_of_its_bundle_endpoint(
    meshes: Meshes,
) -> None:
    b = meshes.b_federation()
    admin = meshes.b_admin()
    peer = f"orgs/{meshes.org_b}/peers/agency-a"
    before = (await b.GetPeer(fpb.GetPeerRequest(name=peer), metadata=admin)).peer
    # A rotates its token key: a new key in its data directory, A restarted.
    (meshes.a.data_dir / "dev_signing_key.pem").unlink()
    await meshes.a.restart()
    rotated_token = meshes.a_token()
    exchanged = await b.ExchangePeerToken(
        fpb.ExchangePeerTokenRequest(
            subject_token=rotated_token, subject_token_type="urn:ietf:params:oauth:token-type:access_token"
        )
    )
    await meshes.call_b(exchanged.access_token)
    after = (await b.GetPeer(fpb.GetPeerRequest(name=peer), metadata=admin)).peer
    assert after.bundle.sequence_number > before.bundle.sequence_number
    assert after.bundle.fingerprint != before.bundle.fingerprint

    # A's bundle endpoint goes away: B keeps the last bundle within its validity and says so.
    await meshes.a.stop()
    refreshed = await b.RefreshPeerBundle(fpb.RefreshPeerBundleRequest(name=peer), metadata=admin)
    assert refreshed.peer.bundle_stale
    assert refreshed.peer.bundle.fingerprint == after.bundle.fingerprint
    still = await b.ExchangePeerToken(
        fpb.ExchangePeerTokenRequest(
            subject_token=meshes.a_token(), subject_token_type="urn:ietf:params:oauth:token-type:access_token"
        )
    )
    await meshes.call_b(still.access_token)
    await meshes.a.start(MODULES)


async def test_suspending_the_peer_or_withdrawing_the_approval_refuses_within_seconds(meshes: Meshes) -> None:
    b = meshes.b_federation()
    admin = meshes.b_admin()
    peer = f"orgs/{meshes.org_b}/peers/agency-a"
    exchanged = await meshes.exchange()
    await meshes.call_b(exchanged.access_token)
    await meshes.call_b(exchanged.access_token, second=True)  # any server of B accepts it
    with pytest.raises(grpc.aio.AioRpcError) as elsewhere:
        await meshes.call_b(exchanged.access_token, VERSION, second=True)
    assert _reason(elsewhere.value) == "PEER_NOT_APPROVED"  # and refuses what was not approved
    withdrawn = await b.DeleteApproval(
        fpb.DeleteApprovalRequest(name=f"{peer}/approvals/whoami"), metadata=admin
    )
    assert withdrawn.revoked_token_count >= 1
    await _refused_within(meshes, exchanged.access_token, seconds=5)
    with pytest.raises(grpc.aio.AioRpcError) as none_left:
        await meshes.exchange()
    assert _reason(none_left.value) == "PEER_NOT_APPROVED"

    await b.CreateApproval(
        fpb.CreateApprovalRequest(
            parent=peer,
            approval_id=f"whoami-{uuid.uuid4().hex[:6]}",
            approval=fres.Approval(consumer="services/payroll-sync", methods=[WHOAMI]),
        ),
        metadata=admin,
    )
    again = await meshes.exchange()
    await meshes.call_b(again.access_token)
    await meshes.call_b(again.access_token, second=True)
    suspended = await b.SuspendPeer(fpb.SuspendPeerRequest(name=peer), metadata=admin)
    assert suspended.peer.state == fres.PEER_STATE_SUSPENDED
    assert suspended.revoked_token_count >= 1
    await _refused_within(meshes, again.access_token, seconds=5)
    with pytest.raises(grpc.aio.AioRpcError) as not_active:
        await meshes.exchange(meshes.b.channel)
    assert _reason(not_active.value) == "PEER_NOT_ACTIVE"
    # And B's servers no longer accept a new connection with A's workload certificate.
    fresh = _mtls_channel(meshes.b.address, meshes.pki_b.ca_pem, meshes.pki_a)
    try:
        with pytest.raises(grpc.aio.AioRpcError) as handshake:
            await meshes.exchange(fresh)
        assert handshake.value.code() == grpc.StatusCode.UNAVAILABLE
    finally:
        await fresh.close()


async def _refused_within(meshes: Meshes, token: str, *, seconds: float) -> None:
    """Refused by both of B's servers within `seconds`: B's first from its own revocation, B's
    second from identity's feed, which it polls (JIPAN_REVOCATION_REFRESH_S=0.5)."""
    for second in (False, True):
        deadline = time.monotonic() + seconds
        refusal: grpc.aio.AioRpcError | None = None
        while refusal is None:
            try:
                await meshes.call_b(token, second=second)
            except grpc.aio.AioRpcError as exc:
                refusal = exc
                break
            assert time.monotonic() < deadline, (
                f"the revoked token was still accepted (second server: {second})"
            )
            await asyncio.sleep(0.2)
        assert refusal.code() == grpc.StatusCode.UNAUTHENTICATED
        assert _reason(refusal) == "TOKEN_REVOKED"
