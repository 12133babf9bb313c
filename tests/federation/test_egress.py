"""Federation's egress alone: the refusals that need no second mesh (a peer that does not answer,
one not active), on a real grpc server with the generic handler and a real token verifier; and the
exchange's cache and its one retry for a key the peer has not fetched yet."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import grpc
import pytest
import pytest_asyncio
from google.protobuf import any_pb2
from google.protobuf.timestamp_pb2 import Timestamp
from google.rpc import error_details_pb2, status_pb2

from jipan.dataspace.v1 import catalog_service_pb2  # noqa: F401 (UploadDistribution's descriptor)
from jipan.federation.v1 import federation_service_pb2 as fpb
from jipan.interceptors.context import Principal
from jipan.interceptors.federation import ExchangeRecord
from jipan.interceptors.tokens import AccessTokenVerifier, DevSigningKey, StaticKeySet, mint_access_token
from jipan.servers.federation.egress import Egress, EgressHandler, Route, contract
from jipan.servers.federation.exchange import UNKNOWN_KEY_RETRY_S, PeerTokens
from jipan.servers.federation.names import parse_peer
from jipan.servers.federation.peers import Federation
from jipan.servers.federation.types import Peer, PeerState
from jipan.servers.runtime.errors import NotFound
from jipan.system.v1 import system_service_pb2 as spb
from jipan.system.v1 import system_service_pb2_grpc as spb_grpc

ISSUER, AUDIENCE = "https://identity.a.jipan.test", "mesh-a"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when this returns: nothing listens there


class Peers:
    """The one method of Federation the egress asks: the caller's organisation's peer by name."""

    def __init__(self, peers: dict[str, Peer]) -> None:
        self.peers = peers

    async def get_peer(self, org: str | None, name: str) -> Peer:
        org_id, _ = parse_peer(name)
        peer = self.peers.get(name)
        if peer is None or org != f"orgs/{org_id}":
            raise NotFound("PEER_NOT_FOUND", "no such peer", domain="federation.jipan.tw")
        return peer


def _peer(peer_id: str, state: PeerState) -> Peer:
    now = datetime.now(UTC)
    return Peer(
        id=uuid.uuid4(),
        org_id="agency-a",
        peer_id=peer_id,
        display_name="",
        issuer=f"https://identity.{peer_id}.jipan.test",
        audience=f"mesh-{peer_id}",
        bundle_endpoint=f"127.0.0.1:{_closed_port()}",
        bundle_endpoint_ca_pem="",
        state=state,
        pinned_fingerprint="0" * 64,
        bundle=cast(Any, None),  # the egress never reads it
        bundle_fetch_time=now,
        bundle_error="",
        create_time=now,
        update_time=now,
    )


class Served:
    def __init__(self, target: str, key: DevSigningKey, exchanged: list[str]) -> None:
        self.target, self.key, self.exchanged = target, key, exchanged

    def token(self) -> str:
        return mint_access_token(
            self.key,
            subject="services/payroll-sync",
            audience=AUDIENCE,
            issuer=ISSUER,
            scopes=[],
            org="orgs/agency-a",
        )


@pytest_asyncio.fixture
async def egress() -> AsyncIterator[Served]:
    key = DevSigningKey.generate()
    exchanged: list[str] = []

    async def home_exchange(token: str, audience: str) -> str:
        exchanged.append(audience)
        return f"home token for {audience}"

    peers = Peers(
        {
            "orgs/agency-a/peers/down": _peer("down", PeerState.ACTIVE),
            "orgs/agency-a/peers/paused": _peer("paused", PeerState.SUSPENDED),
        }
    )
    egress = Egress(
        cast(Federation, peers),
        AccessTokenVerifier(StaticKeySet.from_jwks(key.public_jwks()), issuer=ISSUER, audience=AUDIENCE),
        home_exchange,
        issuer=ISSUER,
        recorder=lambda: None,
        client_cert=None,
    )
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((EgressHandler(egress),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        yield Served(f"127.0.0.1:{port}", key, exchanged)
    finally:
        await server.stop(None)
        await egress.aclose()


def _error_info(exc: grpc.aio.AioRpcError) -> error_details_pb2.ErrorInfo:
    for key, value in exc.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            for detail in status_pb2.Status.FromString(value).details:
                if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
                    info = error_details_pb2.ErrorInfo()
                    detail.Unpack(info)
                    return info
    raise AssertionError(f"no ErrorInfo in {exc.code().name}: {exc.details()}")


async def _refused(served: Served, peer: str) -> grpc.aio.AioRpcError:
    async with grpc.aio.insecure_channel(served.target) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await spb_grpc.SystemServiceStub(channel).GetWhoAmI(
                spb.GetWhoAmIRequest(),
                metadata=(
                    ("authorization", f"Bearer {served.token()}"),
                    ("x-jipan-peer", peer),
                    ("x-request-id", "egress-test-1"),
                ),
                timeout=15,
            )
    return caught.value


async def test_a_peer_that_does_not_answer_is_unavailable_with_a_reason(egress: Served) -> None:
    refused = await _refused(egress, "orgs/agency-a/peers/down")
    assert refused.code() == grpc.StatusCode.UNAVAILABLE
    info = _error_info(refused)
    assert info.reason == "PEER_UNAVAILABLE"
    assert info.domain == "federation.jipan.tw"
    assert info.metadata["peer"] == "orgs/agency-a/peers/down"
    assert info.metadata["step"] == "ExchangePeerToken"
    assert info.metadata["request_id"] == "egress-test-1"
    # The caller's token was exchanged at home, for the peer's audience, before the peer was asked.
    assert egress.exchanged == ["mesh-down"]


async def test_a_peer_that_is_not_active_is_refused_before_any_exchange(egress: Served) -> None:
    refused = await _refused(egress, "orgs/agency-a/peers/paused")
    assert refused.code() == grpc.StatusCode.PERMISSION_DENIED
    assert _error_info(refused).reason == "PEER_NOT_ACTIVE"
    assert egress.exchanged == []


class KeyLookupPeer:
    """A peer's ExchangePeerToken that does not know this mesh's new key on the first ask (it looks
    for unknown keys at most once a second), and does on the next."""

    def __init__(self) -> None:
        self.asked = 0

    async def ExchangePeerToken(
        self, request: fpb.ExchangePeerTokenRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> fpb.ExchangePeerTokenResponse:
        self.asked += 1
        if self.asked == 1:
            await _abort_with_reason(
                context, grpc.StatusCode.UNAUTHENTICATED, "SUBJECT_TOKEN_INVALID", cause="TOKEN_KEY_UNKNOWN"
            )
        expire = Timestamp()
        expire.FromSeconds(int(time.time()) + 300)
        return fpb.ExchangePeerTokenResponse(
            access_token=f"peer token for {request.subject_token}",
            expire_time=expire,
            peer="orgs/agency-b/peers/agency-a",
            methods=["/jipan.system.v1.SystemService/GetWhoAmI"],
        )


async def _abort_with_reason(
    context: grpc.aio.ServicerContext[Any, Any], code: grpc.StatusCode, reason: str, **metadata: str
) -> None:
    info = any_pb2.Any()
    info.Pack(error_details_pb2.ErrorInfo(reason=reason, domain="federation.jipan.tw", metadata=metadata))
    status = status_pb2.Status(code=code.value[0], message=reason, details=[info])
    await context.abort(code, reason, (("grpc-status-details-bin", status.SerializeToString()),))


async def test_a_key_the_peer_has_not_fetched_yet_is_asked_again_once_and_then_cached() -> None:
    peer = KeyLookupPeer()
    server = grpc.aio.server()
    server.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(
                "jipan.federation.v1.FederationService",
                {
                    "ExchangePeerToken": grpc.unary_unary_rpc_method_handler(
                        peer.ExchangePeerToken,
                        request_deserializer=fpb.ExchangePeerTokenRequest.FromString,
                        response_serializer=fpb.ExchangePeerTokenResponse.SerializeToString,
                    )
                },
            ),
        )
    )
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    homes: list[str] = []

    async def home_exchange(token: str, audience: str) -> str:
        homes.append(audience)
        return "home token"

    tokens = PeerTokens(home_exchange)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            started = time.monotonic()
            found = await tokens.token("agency-b", "caller token", "mesh-b", channel)
            assert time.monotonic() - started >= UNKNOWN_KEY_RETRY_S
            assert found.access_token == "peer token for home token"
            assert found.peer == "orgs/agency-b/peers/agency-a"
            assert peer.asked == 2
            again = await tokens.token("agency-b", "caller token", "mesh-b", channel)
            assert again == found
            assert peer.asked == 2, "the cached token was exchanged again"
            assert homes == ["mesh-b"]
            tokens.forget("agency-b", "caller token")
            await tokens.token("agency-b", "caller token", "mesh-b", channel)
            assert peer.asked == 3
    finally:
        await server.stop(None)


class HangingCall:
    """A call to the peer that has not answered yet (the caller leaves or its deadline passes first)."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.cancelled = False

    def __await__(self) -> Any:
        return self._wait().__await__()

    async def _wait(self) -> bytes:
        self.started.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    def cancel(self) -> bool:
        self.cancelled = True
        return True


class HangingChannel:
    def __init__(self) -> None:
        self.call = HangingCall()

    def unary_unary(self, method: str) -> Callable[..., HangingCall]:
        return lambda *args, **kwargs: self.call

    def stream_unary(self, method: str) -> Callable[..., HangingCall]:
        return lambda *args, **kwargs: self.call


@pytest.mark.parametrize(
    ("method", "request_"),
    [
        ("/jipan.system.v1.SystemService/GetWhoAmI", spb.GetWhoAmIRequest().SerializeToString()),
        ("/jipan.dataspace.v1.CatalogService/UploadDistribution", None),
    ],
)
async def test_a_unary_answer_the_caller_leaves_before_is_logged_as_cancelled(
    method: str, request_: bytes | None
) -> None:
    records: list[ExchangeRecord] = []
    egress = Egress(
        cast(Federation, Peers({})),
        cast(AccessTokenVerifier, None),
        cast(Any, None),
        issuer=ISSUER,
        recorder=lambda: records.append,
        client_cert=None,
    )
    peer = _peer("b", PeerState.ACTIVE)
    route = Route(
        method=method,
        contract=contract(method),
        request_id="egress-test-2",
        principal=cast(Principal, SimpleNamespace(subject="services/payroll-sync")),
        peer=peer,
        peer_token=None,
        caller_token="",
        metadata=(),
        timeout=None,
        start=time.time(),
    )
    channel = HangingChannel()

    async def routed(method: str, context: Any) -> Route:
        return route

    egress._routed = routed  # type: ignore[method-assign]
    egress._channel = lambda peer: channel  # type: ignore[method-assign,assignment,return-value]

    async def no_requests() -> AsyncIterator[bytes]:
        none: tuple[bytes, ...] = ()
        for request in none:
            yield request

    forward = egress.handler(method)
    behaviour: Any = forward.unary_unary or forward.stream_unary
    assert behaviour is not None
    task = asyncio.ensure_future(
        behaviour(request_ if request_ is not None else no_requests(), cast(Any, None))
    )
    await channel.call.started.wait()
    task.cancel()  # the caller went away (or this call's deadline passed)
    with pytest.raises(asyncio.CancelledError):
        await task
    [record] = records
    assert (record.side, record.method, record.status_code) == ("consumer", method, "CANCELLED")
    assert record.request_id == "egress-test-2"
    assert channel.call.cancelled
    await egress.aclose()


async def test_a_lock_is_kept_while_its_exchange_runs_and_dropped_after_a_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import jipan.servers.federation.exchange as exchange_module

    monkeypatch.setattr(exchange_module, "MAX_CACHED", 0)  # every new token prunes the cache
    let_go = asyncio.Event()
    homes: list[str] = []

    async def home_exchange(token: str, audience: str) -> str:
        homes.append(token)
        if token == "slow":
            await let_go.wait()
        if token == "refused":
            raise NotFound("PEER_NOT_FOUND", "no such peer", domain="federation.jipan.tw")
        return f"home {token}"

    async def at_peer(home_token: str, channel: Any) -> fpb.ExchangePeerTokenResponse:
        return fpb.ExchangePeerTokenResponse(access_token=f"peer {home_token}", peer="orgs/b/peers/a")

    tokens = PeerTokens(home_exchange)
    monkeypatch.setattr(tokens, "_exchange_at_peer", at_peer)
    channel = cast(grpc.aio.Channel, None)
    first = asyncio.ensure_future(tokens.token("b", "slow", "mesh-b", channel))
    while homes != ["slow"]:
        await asyncio.sleep(0)
    # Two more tokens cached: each prunes the cache while "slow" is still being exchanged.
    await tokens.token("b", "other", "mesh-b", channel)
    await tokens.token("b", "third", "mesh-b", channel)
    duplicate = asyncio.ensure_future(tokens.token("b", "slow", "mesh-b", channel))
    for _ in range(10):
        await asyncio.sleep(0)
    assert homes == ["slow", "other", "third"], "the duplicate exchanged alongside the first"
    let_go.set()
    assert (await first) == (await duplicate)
    with pytest.raises(NotFound):
        await tokens.token("b", "refused", "mesh-b", channel)
    assert tokens._locks == {}, "locks outlive their calls"
