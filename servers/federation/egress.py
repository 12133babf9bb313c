"""Federation's egress: this mesh's callers call a peer mesh's methods with their own token.

A listener of its own (JIPAN_FEDERATION_EGRESS_LISTEN) in the processes
that run federation. Every method is forwarded, as raw bytes, to the peer
named by the call's `x-jipan-peer` metadata ("orgs/{org}/peers/{peer}", a
peer of the caller's organisation, ACTIVE):

1. the caller's bearer token is verified like any token of this mesh (the
   chain's verifier: signature, audience, lifetime, revocation);
2. it is exchanged for the peer's token (`exchange.PeerTokens`: this mesh's
   identity for the peer's audience, then the peer's ExchangePeerToken),
   cached per caller's token and peer until shortly before it expires;
3. the call goes to the peer's endpoint (its bundle endpoint: the
   "host:port" of the mesh's FederationService, which is where the token was
   exchanged) with that token, the caller's `x-request-id` and deadline,
   over TLS with this process's outbound client certificate
   (JIPAN_OUTBOUND_TLS_*) when the peer was registered with
   `bundle_endpoint_ca_pem`;
4. the peer's answer (messages, status, trailers with its ErrorInfo) comes
   back unchanged, and this side's entry of the call (method, request id,
   SHA-256 of what was sent and received, status) goes to this mesh's
   message log, as RecordExchange would put it.

Why a listener of its own and not a generic handler on the main one: the
method names are the peer's, and a mesh serves the same contracts as its
peers (GetWhoAmI is on both sides), so on the main listener this mesh's own
handlers would take them. Why outside the interceptor chain: the chain
plans, authorizes and validates each method as this mesh serves it; here
the peer does all of that, and the egress only authenticates.

Digests are those the provider's side computes: SHA-256 of the message's
deterministic serialisation, the message parsed with its contract from the
descriptor pool (raw bytes for a method the pool does not know). A stream's
digest is SHA-256 over its messages' digests. Open methods of the peer
(reflection, health, GetTrustBundle) go without an exchanged token and are
not logged, as the provider's side does not log them either: `grpcurl`
through the egress describes the peer's contracts from the peer's own
reflection.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import grpc
import structlog
from google.protobuf import descriptor_pool, message_factory
from google.protobuf.message import DecodeError

from jipan.common.v1 import authz_pb2
from jipan.interceptors.authn import bearer_from_metadata
from jipan.interceptors.authz import policy_for_method, split_method
from jipan.interceptors.context import Principal
from jipan.interceptors.errors import STATUS_DETAILS_KEY, internal_error, status_for
from jipan.interceptors.federation import ExchangeRecord, Recorder, StreamDigest
from jipan.interceptors.request_id import REQUEST_ID_KEY, accept_request_id
from jipan.interceptors.tokens import AccessTokenVerifier
from jipan.servers.federation.exchange import HomeExchange, PeerExchangeRefused, PeerToken, PeerTokens
from jipan.servers.federation.names import DOMAIN
from jipan.servers.federation.peers import Federation
from jipan.servers.federation.types import Peer, PeerState
from jipan.servers.runtime.errors import DomainError, InvalidArgument, PermissionDenied, Unavailable
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

PEER_KEY = "x-jipan-peer"
FORWARDED_KEYS = ("traceparent", "tracestate")
"""Besides the request id and the peer's token, what of the caller's metadata goes on: trace
context only (the caller's own token and anything else it sent stay in this mesh)."""
RETRY_AFTER_S = 2.0
_MiB = 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", 16 * _MiB),
    ("grpc.max_send_message_length", 16 * _MiB),
]
_UNREACHABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED})


@dataclass(frozen=True, slots=True)
class Contract:
    """What the egress knows of a method: its shape and how to digest its messages like the provider."""

    client_streaming: bool
    server_streaming: bool
    request_type: Any
    response_type: Any
    open: bool


def contract(method: str) -> Contract:
    service, name = split_method(method)
    is_open = policy_for_method(method).level == authz_pb2.AUTH_LEVEL_OPEN
    try:
        descriptor = descriptor_pool.Default().FindMethodByName(f"{service}.{name}")
    except KeyError:
        return Contract(False, False, None, None, is_open)
    return Contract(
        descriptor.client_streaming,
        descriptor.server_streaming,
        message_factory.GetMessageClass(descriptor.input_type),
        message_factory.GetMessageClass(descriptor.output_type),
        is_open,
    )


def digest(message_type: Any, data: bytes) -> bytes:
    """SHA-256 of the message as the provider's side digests it (see the module)."""
    if message_type is None:
        return hashlib.sha256(data).digest()
    try:
        canonical = message_type.FromString(data).SerializeToString(deterministic=True)
    except DecodeError:
        canonical = data  # bytes the contract cannot parse: digested as they are
    return hashlib.sha256(canonical).digest()


class _StreamDigest(StreamDigest):
    """The chain's stream digest (interceptors/federation.py), fed with relayed bytes."""

    __slots__ = ("_type",)

    def __init__(self, message_type: Any) -> None:
        super().__init__()
        self._type = message_type

    def add(self, data: bytes) -> None:
        self.add_digest(digest(self._type, data))


@dataclass(slots=True)
class Route:
    """One call, resolved: who calls, which peer, with which token, how it ends."""

    method: str
    contract: Contract
    request_id: str
    principal: Principal
    peer: Peer
    peer_token: PeerToken | None
    caller_token: str
    metadata: tuple[tuple[str, str], ...]
    timeout: float | None
    start: float


def _peer_refused(error: grpc.aio.AioRpcError) -> bool:
    """A status the peer's server sent (with its own ErrorInfo), as opposed to no answer at all."""
    return any(key == STATUS_DETAILS_KEY for key, _ in error.trailing_metadata() or ())


def _passed_trailers(metadata: Any) -> tuple[tuple[str, str | bytes], ...]:
    return tuple(
        (key, value)
        for key, value in metadata or ()
        if not key.startswith("grpc-") or key == STATUS_DETAILS_KEY
    )


class Egress:
    def __init__(
        self,
        federation: Federation,
        verifier: AccessTokenVerifier,
        home_exchange: HomeExchange,
        *,
        issuer: str,
        recorder: Callable[[], Recorder | None],
        client_cert: ClientCertificate | None,
    ) -> None:
        self._federation = federation
        self._verifier = verifier
        self._tokens = PeerTokens(home_exchange)
        self._issuer = issuer
        self._recorder = recorder
        self._client_cert = client_cert
        self._channels: dict[tuple[str, str, str], grpc.aio.Channel] = {}

    # --- the peer's side ------------------------------------------------------------------------

    def _channel(self, peer: Peer) -> grpc.aio.Channel:
        key = (peer.name, peer.bundle_endpoint, peer.bundle_endpoint_ca_pem)
        channel = self._channels.get(key)
        if channel is None:
            if peer.bundle_endpoint_ca_pem:
                credentials = grpc.ssl_channel_credentials(
                    root_certificates=peer.bundle_endpoint_ca_pem.encode(),
                    private_key=self._client_cert.key_file.read_bytes() if self._client_cert else None,
                    certificate_chain=self._client_cert.cert_file.read_bytes() if self._client_cert else None,
                )
                channel = grpc.aio.secure_channel(peer.bundle_endpoint, credentials, options=CHANNEL_OPTIONS)
            else:
                channel = grpc.aio.insecure_channel(peer.bundle_endpoint, options=CHANNEL_OPTIONS)
            self._channels[key] = channel
        return channel

    def _unavailable(self, peer: Peer, step: str, error: grpc.aio.AioRpcError) -> Unavailable:
        return Unavailable(
            "PEER_UNAVAILABLE",
            f"the peer's mesh did not answer ({step}): {error.code().name}; retry",
            domain=DOMAIN,
            metadata={"peer": peer.name, "step": step, "peer_status": error.code().name},
            retry_after_s=RETRY_AFTER_S,
        )

    # --- one call -------------------------------------------------------------------------------

    async def _route(
        self, method: str, context: grpc.aio.ServicerContext[Any, Any], request_id: str
    ) -> Route:
        start = time.time()
        metadata: dict[str, str | bytes] = dict(context.invocation_metadata() or ())
        caller_token = bearer_from_metadata(metadata)
        principal = await self._verifier.verify(caller_token)
        named = metadata.get(PEER_KEY)
        if not isinstance(named, str) or not named:
            raise InvalidArgument(
                "PEER_REQUIRED",
                f"name the peer to call in the `{PEER_KEY}` metadata: orgs/{{organization}}/peers/{{peer}}",
                domain=DOMAIN,
                metadata={"field": PEER_KEY},
            )
        # The caller's organisation's peer only (PEER_NOT_FOUND otherwise, NAME_INVALID for a bad name).
        peer = await self._federation.get_peer(principal.org, named)
        if peer.state is not PeerState.ACTIVE:
            raise PermissionDenied(
                "PEER_NOT_ACTIVE",
                f"the peer is {peer.state.value}",
                domain=DOMAIN,
                metadata={"state": peer.state.value, "peer": peer.name},
            )
        shape = contract(method)
        peer_token = None
        outgoing: list[tuple[str, str]] = [(REQUEST_ID_KEY, request_id)]
        if not shape.open:
            try:
                peer_token = await self._tokens.token(
                    peer.name, caller_token, peer.audience, self._channel(peer)
                )
            except PeerExchangeRefused as exc:
                if exc.error.code() in _UNREACHABLE and not _peer_refused(exc.error):
                    raise self._unavailable(peer, exc.step, exc.error) from None
                raise
            outgoing.append(("authorization", f"Bearer {peer_token.access_token}"))
        outgoing += [(k, v) for k in FORWARDED_KEYS if isinstance(v := metadata.get(k), str)]
        return Route(
            method,
            shape,
            request_id,
            principal,
            peer,
            peer_token,
            caller_token,
            tuple(outgoing),
            context.time_remaining(),
            start,
        )

    def _record(self, route: Route, request_digest: bytes, response_digest: bytes, status: str) -> None:
        recorder = self._recorder()
        if recorder is None or route.contract.open:
            return
        recorder(
            ExchangeRecord(
                route.peer.name,
                "consumer",
                route.method,
                route.request_id,
                self._issuer,
                route.principal.subject,
                route.peer.issuer,
                route.peer_token.peer if route.peer_token is not None else "",
                "",
                request_digest,
                response_digest,
                status,
                route.start,
                time.time(),
            )
        )
        log.info(
            "federation egress call",
            method=route.method,
            peer=route.peer.name,
            principal=route.principal.subject,
            request_id=route.request_id,
            code=status,
            duration_ms=round((time.time() - route.start) * 1000, 2),
        )

    async def _routed(self, method: str, context: grpc.aio.ServicerContext[Any, Any]) -> Route:
        """The call's route, or the call aborted with the refusal (every refusal becomes a status)."""
        request_id = accept_request_id(dict(context.invocation_metadata() or ()).get(REQUEST_ID_KEY))
        try:
            return await self._route(method, context, request_id)
        except Exception as exc:
            await self._refuse(context, request_id, exc)
            raise AssertionError("unreachable") from exc

    async def _refuse(
        self, context: grpc.aio.ServicerContext[Any, Any], request_id: str, error: BaseException
    ) -> None:
        """Abort the call with `error`: this mesh's DomainError as a rich status, the peer's status
        (an exchange refused there, or the call's) unchanged with its trailers."""
        if isinstance(error, PeerExchangeRefused):
            error = error.error
        if isinstance(error, grpc.aio.AioRpcError):
            await context.abort(
                error.code(), error.details() or "", _passed_trailers(error.trailing_metadata())
            )
        if not isinstance(error, DomainError):
            log.error("federation egress failed", request_id=request_id, error=repr(error)[:500])
            error = internal_error(request_id)
        code, status = status_for(error, request_id)
        await context.abort(
            code,
            status.message,
            ((REQUEST_ID_KEY, request_id), (STATUS_DETAILS_KEY, status.SerializeToString())),
        )

    def _call_failed(self, route: Route, error: grpc.aio.AioRpcError) -> BaseException:
        if PeerTokens.refusal_forgets(error):
            self._tokens.forget(route.peer.name, route.caller_token)
        if (
            error.code() in _UNREACHABLE
            and not _peer_refused(error)
            and error.code() != grpc.StatusCode.DEADLINE_EXCEEDED
        ):
            return self._unavailable(route.peer, "call", error)
        return error

    # --- the four shapes ------------------------------------------------------------------------

    def handler(self, method: str) -> grpc.RpcMethodHandler[Any, Any]:
        shape = contract(method)
        if shape.client_streaming and shape.server_streaming:
            return grpc.stream_stream_rpc_method_handler(self._bidi(method))
        if shape.client_streaming:
            return grpc.stream_unary_rpc_method_handler(self._client_stream(method))
        if shape.server_streaming:
            return grpc.unary_stream_rpc_method_handler(self._server_stream(method))
        return grpc.unary_unary_rpc_method_handler(self._unary(method))

    def _unary(self, method: str) -> Callable[..., Any]:
        async def forward(request: bytes, context: grpc.aio.ServicerContext[Any, Any]) -> bytes:
            route = await self._routed(method, context)
            sent = digest(route.contract.request_type, request)
            multi: grpc.aio.UnaryUnaryMultiCallable[bytes, bytes] = self._channel(route.peer).unary_unary(
                method
            )
            call = multi(request, metadata=route.metadata, timeout=route.timeout)
            try:
                response: bytes = await call
            except grpc.aio.AioRpcError as exc:
                self._record(route, sent, b"", exc.code().name)
                await self._refuse(context, route.request_id, self._call_failed(route, exc))
                raise AssertionError("unreachable") from exc
            except BaseException:
                # The caller went away or this call's deadline passed: logged as _relay logs it.
                self._record(route, sent, b"", "CANCELLED")
                call.cancel()
                raise
            self._record(route, sent, digest(route.contract.response_type, response), "OK")
            context.set_trailing_metadata(_passed_trailers(await call.trailing_metadata()))
            return response

        return forward

    def _server_stream(self, method: str) -> Callable[..., Any]:
        async def forward(
            request: bytes, context: grpc.aio.ServicerContext[Any, Any]
        ) -> AsyncIterator[bytes]:
            route = await self._routed(method, context)
            sent = digest(route.contract.request_type, request)
            received = _StreamDigest(route.contract.response_type)
            multi: grpc.aio.UnaryStreamMultiCallable[bytes, bytes] = self._channel(route.peer).unary_stream(
                method
            )
            call = multi(request, metadata=route.metadata, timeout=route.timeout)
            async for response in self._relay(route, context, call, sent, received):
                yield response

        return forward

    def _client_stream(self, method: str) -> Callable[..., Any]:
        async def forward(
            requests: AsyncIterator[bytes], context: grpc.aio.ServicerContext[Any, Any]
        ) -> bytes:
            route = await self._routed(method, context)
            sent = _StreamDigest(route.contract.request_type)
            multi: grpc.aio.StreamUnaryMultiCallable[bytes, bytes] = self._channel(route.peer).stream_unary(
                method
            )
            call = multi(_digested(requests, sent), metadata=route.metadata, timeout=route.timeout)
            try:
                response: bytes = await call
            except grpc.aio.AioRpcError as exc:
                self._record(route, sent.value(), b"", exc.code().name)
                await self._refuse(context, route.request_id, self._call_failed(route, exc))
                raise AssertionError("unreachable") from exc
            except BaseException:
                # The caller went away or this call's deadline passed: logged as _relay logs it.
                self._record(route, sent.value(), b"", "CANCELLED")
                call.cancel()
                raise
            self._record(route, sent.value(), digest(route.contract.response_type, response), "OK")
            context.set_trailing_metadata(_passed_trailers(await call.trailing_metadata()))
            return response

        return forward

    def _bidi(self, method: str) -> Callable[..., Any]:
        async def forward(
            requests: AsyncIterator[bytes], context: grpc.aio.ServicerContext[Any, Any]
        ) -> AsyncIterator[bytes]:
            route = await self._routed(method, context)
            sent = _StreamDigest(route.contract.request_type)
            received = _StreamDigest(route.contract.response_type)
            multi: grpc.aio.StreamStreamMultiCallable[bytes, bytes] = self._channel(route.peer).stream_stream(
                method
            )
            call = multi(_digested(requests, sent), metadata=route.metadata, timeout=route.timeout)
            async for response in self._relay(route, context, call, sent, received):
                yield response

        return forward

    async def _relay(
        self,
        route: Route,
        context: grpc.aio.ServicerContext[Any, Any],
        call: Any,
        sent: bytes | _StreamDigest,
        received: _StreamDigest,
    ) -> AsyncIterator[bytes]:
        """The peer's stream, message by message; its end (status, trailers) is this call's.

        A caller that goes away mid-stream is logged as CANCELLED, with the digest of the
        messages relayed until then (the provider's side logs the same)."""
        recorded = False
        try:
            try:
                async for response in call:
                    received.add(response)
                    yield response
            except grpc.aio.AioRpcError as exc:
                recorded = True
                self._record(route, _value(sent), received.value(), exc.code().name)
                await self._refuse(context, route.request_id, self._call_failed(route, exc))
                return
            recorded = True
            self._record(route, _value(sent), received.value(), "OK")
            context.set_trailing_metadata(_passed_trailers(await call.trailing_metadata()))
        finally:
            if not recorded:
                self._record(route, _value(sent), received.value(), "CANCELLED")
            call.cancel()  # the caller went away: stop the peer's stream too (no-op once it ended)

    async def aclose(self) -> None:
        channels, self._channels = self._channels, {}
        for channel in channels.values():
            await channel.close()


def _value(digested: bytes | _StreamDigest) -> bytes:
    return digested if isinstance(digested, bytes) else digested.value()


async def _digested(requests: AsyncIterator[bytes], into: _StreamDigest) -> AsyncIterator[bytes]:
    async for request in requests:
        into.add(request)
        yield request


class EgressHandler(grpc.GenericRpcHandler):
    """Every method, to the egress (one handler per method name, kept)."""

    def __init__(self, egress: Egress) -> None:
        self._egress = egress
        self._handlers: dict[str, grpc.RpcMethodHandler[Any, Any]] = {}

    def service(
        self, handler_call_details: grpc.HandlerCallDetails
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        method: str = handler_call_details.method
        handler = self._handlers.get(method)
        if handler is None:
            if len(self._handlers) > 4096:  # made-up method names must not grow this without end
                self._handlers.clear()
            handler = self._egress.handler(method)
            self._handlers[method] = handler
        return handler
