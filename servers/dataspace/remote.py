"""The consumer's connector towards other meshes' dataspaces, through federation.

A consumer of this mesh negotiates for a dataset of another mesh through its
own mesh's dataspace, which sends the Dataspace Protocol's messages to the
provider's mesh (JIPAN_DATASPACE_PEERS names where each is and its token
audience). No credential of this process crosses: for each consumer call,

1. this mesh's identity exchanges the consumer's own access token for one
   meant for the provider mesh's audience (`TokenService.ExchangeToken`, RFC
   8693; dataspace is the actor, with its service token), keeping the
   consumer's `sub` and `org`;
2. the provider mesh's federation exchanges that for a token of its own
   (`FederationService.ExchangePeerToken`): only when this mesh is its ACTIVE
   peer and has approved the consumer's organisation for the methods, and the
   methods it approved are all the token allows there;
3. the message goes to the provider mesh's dataspace with that token, where
   the caller is the party "orgs/{org}/peers/{peer}/orgs/{consumer org}".

Steps 1 and 2 and the cache are federation's (`jipan.servers.federation.exchange`,
shared with federation's egress). Tokens are cached per (peer, consumer token)
until a minute before they expire. A refusal by either exchange or by the provider is PEER_REFUSED with
the same code and the other side's reason; no answer is PEER_UNAVAILABLE.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, TypeVar

import grpc
import structlog

from jipan.clients import error_details
from jipan.clients.service_tokens import ServiceTokens
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.identity.v1 import token_service_pb2 as tok_pb
from jipan.identity.v1 import token_service_pb2_grpc as tok_grpc
from jipan.interceptors.client import LazyChannel
from jipan.servers.dataspace.downstream import UNREACHABLE
from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.federation.exchange import PeerExchangeRefused, PeerTokens
from jipan.servers.runtime.errors import (
    DomainError,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unauthenticated,
    Unavailable,
)
from jipan.servers.runtime.settings import ClientCertificate, DataspacePeer

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 20.0
RETRY_AFTER_S = 2.0
_BY_CODE: dict[grpc.StatusCode, type[DomainError]] = {
    grpc.StatusCode.PERMISSION_DENIED: PermissionDenied,
    grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPrecondition,
}

T = TypeVar("T")


def peer_not_configured(peer: str, problem: str = "") -> FailedPrecondition:
    return FailedPrecondition(
        "PEER_NOT_CONFIGURED",
        problem or "no mesh with this id is configured (JIPAN_DATASPACE_PEERS)",
        domain=DOMAIN,
        metadata={"peer": peer[:63]},
    )


def relayed(peer: str, step: str, exc: grpc.aio.AioRpcError) -> DomainError:
    """The other side's refusal as this mesh's error: the same code, its reason in the metadata."""
    if exc.code() in UNREACHABLE:
        return Unavailable(
            "PEER_UNAVAILABLE",
            f"the mesh {peer} did not answer ({step}); retry",
            domain=DOMAIN,
            metadata={"peer": peer, "step": step, "peer_status": exc.code().name},
            retry_after_s=RETRY_AFTER_S,
        )
    info = error_details(exc)
    kind = _BY_CODE.get(exc.code(), FailedPrecondition)
    metadata = {
        "peer": peer,
        "step": step,
        "peer_status": exc.code().name,
        "peer_reason": info.reason,
        "peer_domain": info.domain,
    }
    metadata.update({f"peer_{key}": value for key, value in info.metadata.items() if key != "peer"})
    return kind(
        "PEER_REFUSED",
        f"{step} refused: {info.message or exc.details() or exc.code().name}"[:500],
        domain=DOMAIN,
        metadata=metadata,
    )


class RemoteMeshes:
    """Channels, tokens and stubs for the meshes of JIPAN_DATASPACE_PEERS."""

    def __init__(
        self,
        peers: Mapping[str, DataspacePeer],
        *,
        identity_target: str | Callable[[], str],
        identity_ca_file: Any,
        client_cert: ClientCertificate | None,
        service_tokens: ServiceTokens,
    ) -> None:
        self._peers = dict(peers)
        self._identity = LazyChannel(identity_target, ca_file=identity_ca_file, client_cert=client_cert)
        self._channels = {
            peer_id: LazyChannel(peer.target, ca_file=peer.ca_file, client_cert=client_cert)
            for peer_id, peer in self._peers.items()
        }
        self._service_tokens = service_tokens
        self._tokens = PeerTokens(self._home_exchange, timeout_s=CALL_TIMEOUT_S)

    @property
    def peers(self) -> Mapping[str, DataspacePeer]:
        return self._peers

    def configured(self, peer: str) -> DataspacePeer:
        found = self._peers.get(peer)
        if found is None:
            raise peer_not_configured(peer)
        return found

    async def _home_exchange(self, consumer_token: str, audience: str) -> str:
        """Step 1: this mesh's identity, over gRPC, with dataspace's service token as the actor."""
        identity: tok_grpc.TokenServiceAsyncStub = tok_grpc.TokenServiceStub(self._identity.get())
        try:
            exchanged = await identity.ExchangeToken(
                tok_pb.ExchangeTokenRequest(subject_token=consumer_token, audience=audience),
                metadata=(("authorization", f"Bearer {await self._service_tokens()}"),),
                timeout=CALL_TIMEOUT_S,
            )
        except grpc.aio.AioRpcError as exc:
            raise PeerExchangeRefused("ExchangeToken", exc) from exc
        return str(exchanged.access_token)

    async def token(self, peer: str, consumer_token: str) -> str:
        """A token of `peer`'s mesh for the consumer's calls there (steps 1 and 2 above), cached."""
        config = self.configured(peer)
        try:
            found = await self._tokens.token(
                peer, consumer_token, config.audience, self._channels[peer].get()
            )
        except PeerExchangeRefused as exc:
            raise relayed(peer, exc.step, exc.error) from exc
        return found.access_token

    async def call(
        self,
        peer: str,
        consumer_token: str,
        method: str,
        send: Callable[[grpc.aio.Channel, tuple[tuple[str, str], ...]], Awaitable[T]],
    ) -> T:
        """One unary call to `peer`'s mesh with the consumer's exchanged token."""
        token = await self.token(peer, consumer_token)
        try:
            return await send(self._channels[peer].get(), (("authorization", f"Bearer {token}"),))
        except grpc.aio.AioRpcError as exc:
            self._forget(peer, consumer_token, exc)
            raise relayed(peer, method, exc) from exc

    def _forget(self, peer: str, consumer_token: str, exc: grpc.aio.AioRpcError) -> None:
        """A token the other mesh no longer takes (revoked when it suspended this peer or removed the
        approval) is exchanged afresh next time rather than reused until it expires."""
        if PeerTokens.refusal_forgets(exc):
            self._tokens.forget(peer, consumer_token)

    async def stream(
        self,
        peer: str,
        consumer_token: str,
        method: str,
        open_stream: Callable[[grpc.aio.Channel, tuple[tuple[str, str], ...]], Any],
    ) -> AsyncIterator[Any]:
        """A server stream from `peer`'s mesh, its first message read before this returns (so a
        refusal is raised here, not half-way through the caller's own stream)."""
        token = await self.token(peer, consumer_token)
        call = open_stream(self._channels[peer].get(), (("authorization", f"Bearer {token}"),))
        try:
            first = await call.read()
        except grpc.aio.AioRpcError as exc:
            self._forget(peer, consumer_token, exc)
            raise relayed(peer, method, exc) from exc

        async def rest() -> AsyncIterator[Any]:
            message = first
            try:
                while message is not grpc.aio.EOF:
                    yield message
                    try:
                        message = await call.read()
                    except grpc.aio.AioRpcError as exc:
                        raise relayed(peer, method, exc) from exc
            finally:
                call.cancel()  # the consumer went away: stop the other mesh's stream too

        return rest()

    @staticmethod
    def negotiation(channel: grpc.aio.Channel) -> npb_grpc.NegotiationServiceAsyncStub:
        stub: npb_grpc.NegotiationServiceAsyncStub = npb_grpc.NegotiationServiceStub(channel)
        return stub

    @staticmethod
    def catalog(channel: grpc.aio.Channel) -> cpb_grpc.CatalogServiceAsyncStub:
        stub: cpb_grpc.CatalogServiceAsyncStub = cpb_grpc.CatalogServiceStub(channel)
        return stub

    @staticmethod
    def transfer(channel: grpc.aio.Channel) -> tpb_grpc.TransferServiceAsyncStub:
        stub: tpb_grpc.TransferServiceAsyncStub = tpb_grpc.TransferServiceStub(channel)
        return stub

    async def aclose(self) -> None:
        await self._identity.aclose()
        for channel in self._channels.values():
            await channel.aclose()
        await self._service_tokens.aclose()
