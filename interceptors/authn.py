"""Authentication: verify the bearer access token on every call (zero trust).

Fifth in the chain: inside error translation (its `Unauthenticated` becomes
a status there, and is logged and traced by the stages outside), before
authorization (which needs the principal). Open methods (health, reflection,
AUTH_LEVEL_OPEN) skip the token entirely: a token on them is ignored, not
checked, so that an expired token never breaks a health probe.

With mTLS the client certificate's identity is recorded too, for every
method: it says which workload connected, the token says who is calling.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

from jipan.interceptors.context import peer_identity_var, principal_var
from jipan.interceptors.rpc import MethodPlan, RpcCall, StreamResponder, UnaryResponder
from jipan.interceptors.tokens import AccessTokenVerifier
from jipan.servers.runtime.errors import Unauthenticated

AUTHORIZATION_KEY = "authorization"


def bearer_token(call: RpcCall) -> str:
    """The token of `authorization: Bearer <token>`; TOKEN_MISSING / TOKEN_MALFORMED otherwise."""
    return bearer_from_metadata(call.metadata)


def bearer_from_metadata(metadata: Mapping[str, str | bytes]) -> str:
    """`bearer_token` for a handler outside the chain (federation's egress) with the call's metadata."""
    value = metadata.get(AUTHORIZATION_KEY)
    if not isinstance(value, str):
        raise Unauthenticated("TOKEN_MISSING", "this method needs `authorization: Bearer <access token>`")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer":
        raise Unauthenticated("TOKEN_MISSING", "the authorization metadata is not a Bearer token")
    token = token.strip()
    if not token:
        raise Unauthenticated("TOKEN_MALFORMED", "the Bearer token is empty")
    return token


def peer_certificate_identity(call: RpcCall) -> str | None:
    """The client certificate's first SAN, else its common name (grpc's own choice of identity)."""
    identities = call.context.peer_identities()
    for identity in identities or ():
        return identity.decode("utf-8", "replace")
    return None


class AuthenticationStage:
    def __init__(self, verifier: AccessTokenVerifier, *, read_peer_certificate: bool = False) -> None:
        self._verifier = verifier
        self._read_peer_certificate = read_peer_certificate

    def _authenticate_cached(self, plan: MethodPlan, call: RpcCall) -> str | None:
        """Authenticate from the cache without awaiting anything (nearly every call).

        Returns None when done, or the token when it needs a full verification.
        """
        if self._read_peer_certificate:
            peer_identity_var.set(peer_certificate_identity(call))
        if plan.open:
            return None
        token = bearer_token(call)
        principal = self._verifier.cached(token)
        if principal is None:
            return token
        principal_var.set(principal)
        call.subject = principal.subject
        return None

    async def _verify(self, token: str, call: RpcCall) -> None:
        principal = await self._verifier.verify(token)
        principal_var.set(principal)
        call.subject = principal.subject

    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder:
        if plan.open and not self._read_peer_certificate:
            return inner

        async def authenticated(request: Any, call: RpcCall) -> Any:
            token = self._authenticate_cached(plan, call)
            if token is not None:
                await self._verify(token, call)
            return await inner(request, call)

        return authenticated

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder:
        if plan.open and not self._read_peer_certificate:
            return inner

        async def authenticated(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            token = self._authenticate_cached(plan, call)
            if token is not None:
                await self._verify(token, call)
            async for response in inner(request, call):
                yield response

        return authenticated
