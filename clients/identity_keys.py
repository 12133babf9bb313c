"""The client side of identity's TokenService.GetKeySet.

What every server verifies access tokens with when JIPAN_IDENTITY_TARGET names
identity; SDK users who verify Jipan tokens themselves can use it too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from jipan.identity.v1 import token_service_pb2, token_service_pb2_grpc
from jipan.interceptors.client import target_channel
from jipan.interceptors.tokens import RemoteKeySet
from jipan.servers.runtime.settings import Settings

FETCH_TIMEOUT_S = 5.0


def remote_key_set(settings: Settings) -> tuple[RemoteKeySet, Callable[[], Awaitable[None]]]:
    """A RemoteKeySet fed by identity's GetKeySet, and the coroutine that closes its channel.

    TLS when `identity_target_ca_file` names the roots to verify identity
    with; otherwise plaintext (TLS terminated by a sidecar in front of identity).
    """
    assert settings.identity_target is not None
    channel = target_channel(
        settings.identity_target,
        settings.identity_target_ca_file,
        client_cert=settings.outbound_certificate(),
    )
    stub = token_service_pb2_grpc.TokenServiceStub(channel)

    async def fetch() -> dict[str, list[dict[str, str]]]:
        response = await stub.GetKeySet(token_service_pb2.GetKeySetRequest(), timeout=FETCH_TIMEOUT_S)
        return {
            "keys": [
                {"kty": k.kty, "crv": k.crv, "x": k.x, "kid": k.kid, "alg": k.alg, "use": k.use}
                for k in response.keys
            ]
        }

    async def close() -> None:
        await channel.close()

    return RemoteKeySet.from_settings(fetch, settings), close
