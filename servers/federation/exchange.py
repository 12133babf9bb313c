"""A token of another mesh for one of this mesh's callers: exchanged at home, then at the peer.

What a consumer's side does before any call to a peer mesh (dataspace's
connector towards other meshes and federation's egress both do it):

1. this mesh's identity exchanges the caller's own access token for one
   meant for the peer mesh's audience (RFC 8693; how depends on where
   identity is: `home_exchange` is injected — a gRPC `ExchangeToken` for a
   service of another process, identity's Python API inside its own);
2. the peer mesh's federation exchanges that for a token of its own
   (`FederationService.ExchangePeerToken`): only when this mesh is its
   ACTIVE peer and has approved the caller, for the approved methods only.

The result is cached per (peer, caller's token) until shortly before it
expires, so a caller's calls cost one exchange per token lifetime. No
credential of this process crosses to the peer: the peer's token names the
caller (`act`).
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import grpc

from jipan.clients import error_details
from jipan.federation.v1 import federation_service_pb2 as fpb
from jipan.federation.v1 import federation_service_pb2_grpc as fpb_grpc

ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token"  # noqa: S105 - a URN, not a secret
EXCHANGE_TIMEOUT_S = 20.0
RENEW_BEFORE_S = 60.0
MAX_CACHED = 10_000
UNKNOWN_KEY_RETRY_S = 1.2

HomeExchange = Callable[[str, str], Awaitable[str]]
"""(the caller's token, the peer's audience) → a token of this mesh for that audience."""


class PeerExchangeRefused(Exception):
    """A step of the exchange answered with a gRPC error (the peer's, or identity's over gRPC)."""

    def __init__(self, step: str, error: grpc.aio.AioRpcError) -> None:
        super().__init__(f"{step}: {error.code().name}")
        self.step = step
        self.error = error


@dataclass(frozen=True, slots=True)
class PeerToken:
    access_token: str
    expire_time: float
    """Unix seconds."""
    peer: str
    """The name the peer mesh gave this mesh ("orgs/{its org}/peers/{id}"): its tokens' subject."""
    methods: tuple[str, ...]


def _key_unknown_to_peer(error: grpc.aio.AioRpcError) -> bool:
    """The peer refused the subject token because its copy of this mesh's bundle lacks the key."""
    if error.code() != grpc.StatusCode.UNAUTHENTICATED:
        return False
    info = error_details(error)
    return info.reason == "SUBJECT_TOKEN_INVALID" and info.metadata.get("cause") == "TOKEN_KEY_UNKNOWN"


def _renew_time(now: float, expire_time: float) -> float:
    """When a cached token is exchanged afresh: a minute before it expires, or half-way for a short one."""
    return expire_time - min(RENEW_BEFORE_S, max(0.0, (expire_time - now) / 2))


class PeerTokens:
    def __init__(self, home_exchange: HomeExchange, *, timeout_s: float = EXCHANGE_TIMEOUT_S) -> None:
        self._home_exchange = home_exchange
        self._timeout_s = timeout_s
        self._cache: dict[tuple[str, bytes], tuple[PeerToken, float]] = {}
        # One lock per key while calls for it are in flight (`_users` counts them): duplicate
        # exchanges wait for the first, and the lock goes with the last (a failed exchange too).
        self._locks: dict[tuple[str, bytes], asyncio.Lock] = {}
        self._users: dict[tuple[str, bytes], int] = {}

    @staticmethod
    def _key(peer: str, consumer_token: str) -> tuple[str, bytes]:
        return peer, hashlib.sha256(consumer_token.encode()).digest()

    async def token(
        self, peer: str, consumer_token: str, audience: str, peer_federation: grpc.aio.Channel
    ) -> PeerToken:
        """The peer's token for the caller of `consumer_token` (`peer`: this side's key for the peer
        mesh; `peer_federation`: a channel to its FederationService). Step 1's errors propagate as
        `home_exchange` raised them; step 2's as PeerExchangeRefused("ExchangePeerToken", ...)."""
        key = self._key(peer, consumer_token)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                return await self._cached_or_exchanged(key, consumer_token, audience, peer_federation)
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key]
                del self._locks[key]

    async def _cached_or_exchanged(
        self, key: tuple[str, bytes], consumer_token: str, audience: str, peer_federation: grpc.aio.Channel
    ) -> PeerToken:
        cached = self._cache.get(key)
        if cached is not None and cached[1] > time.time():
            return cached[0]
        home_token = await self._home_exchange(consumer_token, audience)
        answer = await self._exchange_at_peer(home_token, peer_federation)
        now = time.time()
        expires = float(answer.expire_time.ToSeconds()) if answer.HasField("expire_time") else now + 60
        found = PeerToken(str(answer.access_token), expires, str(answer.peer), tuple(answer.methods))
        if len(self._cache) > MAX_CACHED:
            self._cache = {k: v for k, v in self._cache.items() if v[0].expire_time > now}
        self._cache[key] = (found, _renew_time(now, expires))
        return found

    async def _exchange_at_peer(
        self, home_token: str, peer_federation: grpc.aio.Channel
    ) -> fpb.ExchangePeerTokenResponse:
        federation: fpb_grpc.FederationServiceAsyncStub = fpb_grpc.FederationServiceStub(peer_federation)
        request = fpb.ExchangePeerTokenRequest(subject_token=home_token, subject_token_type=ACCESS_TOKEN_TYPE)
        for attempt in (1, 2):
            try:
                answer: fpb.ExchangePeerTokenResponse = await federation.ExchangePeerToken(
                    request, timeout=self._timeout_s
                )
                return answer
            except grpc.aio.AioRpcError as exc:
                if attempt == 1 and _key_unknown_to_peer(exc):
                    # This mesh's identity has just made a key (its first, or a rotation): the peer
                    # fetches this mesh's bundle for a key it does not know at most once a second
                    # (peers.py, ANY_REFRESH_MIN_S), so one try after that second finds it.
                    await asyncio.sleep(UNKNOWN_KEY_RETRY_S)
                    continue
                raise PeerExchangeRefused("ExchangePeerToken", exc) from exc
        raise AssertionError("unreachable")

    def forget(self, peer: str, consumer_token: str) -> None:
        """A token the peer no longer takes (revoked when it suspended this mesh or withdrew the
        approval) is exchanged afresh next time rather than reused until it expires."""
        self._cache.pop(self._key(peer, consumer_token), None)

    @staticmethod
    def refusal_forgets(error: grpc.aio.AioRpcError) -> bool:
        """Whether a peer's refusal of a call means its token should be exchanged afresh."""
        return error.code() in (grpc.StatusCode.UNAUTHENTICATED, grpc.StatusCode.PERMISSION_DENIED)
