"""Access tokens a server carries on its own service-to-service calls.

Three sources, first match wins:

* `JIPAN_SERVICE_TOKEN_FILE`: a file that something else keeps fresh (a
  projected volume, a sidecar); re-read whenever its modification time changes.
* `JIPAN_SERVICE_ACCOUNT` + `JIPAN_SERVICE_ACCOUNT_KEY_FILE` (with
  `JIPAN_IDENTITY_TARGET`): identity's service-account grant. The process signs
  a short RFC 7523 assertion with the account's Ed25519 key (no shared secret)
  and gets an access token from `TokenService.IssueServiceAccountToken`,
  renewed a minute before it expires.
* Embedded mode (no identity configured): tokens minted with the development
  key in the data dir, for `services/<name>` with exactly the scopes asked for.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from jipan.identity.v1 import token_service_pb2, token_service_pb2_grpc
from jipan.interceptors.client import TokenSource, target_channel
from jipan.interceptors.tokens import DevSigningKey, jwk_thumbprint, mint_access_token
from jipan.servers.runtime.settings import ConfigError, Settings

TTL_S = 900
RENEW_BEFORE_S = 60
ASSERTION_LIFETIME_S = 60
ISSUE_TIMEOUT_S = 10.0


class ServiceTokens:
    """A TokenSource (await it for a current token) that may hold a channel to close."""

    def __init__(self, source: TokenSource, close: Callable[[], Awaitable[None]] | None = None) -> None:
        self._source = source
        self._close = close

    async def __call__(self) -> str:
        return await self._source()

    async def aclose(self) -> None:
        if self._close is not None:
            await self._close()


def service_token_source(
    settings: Settings, service: str, scopes: Sequence[str], org: str | None = None
) -> ServiceTokens:
    if settings.service_token_file is not None:
        return ServiceTokens(_file_source(settings.service_token_file))
    if settings.service_account is not None:
        return _assertion_source(settings, scopes)
    if settings.identity_target is not None:
        raise ConfigError(
            "JIPAN_IDENTITY_TARGET is set, so the embedded dev key cannot mint service tokens: set "
            "JIPAN_SERVICE_ACCOUNT and JIPAN_SERVICE_ACCOUNT_KEY_FILE, or JIPAN_SERVICE_TOKEN_FILE"
        )
    key = DevSigningKey.load_or_create(settings.data_dir)
    cached: list[tuple[str, float]] = []

    async def source() -> str:
        now = time.time()
        if not cached or cached[0][1] - RENEW_BEFORE_S < now:
            token = mint_access_token(
                key,
                subject=f"services/{service}",
                audience=settings.token_audience,
                issuer=settings.token_issuer,
                scopes=list(scopes),
                org=org,
                ttl_s=TTL_S,
            )
            cached[:] = [(token, now + TTL_S)]
        return cached[0][0]

    return ServiceTokens(source)


def _assertion_source(settings: Settings, scopes: Sequence[str]) -> ServiceTokens:
    account = settings.service_account
    assert account is not None
    if settings.identity_target is None or settings.service_account_key_file is None:
        raise ConfigError(
            "JIPAN_SERVICE_ACCOUNT needs JIPAN_SERVICE_ACCOUNT_KEY_FILE and JIPAN_IDENTITY_TARGET"
        )
    try:
        key = serialization.load_pem_private_key(
            settings.service_account_key_file.read_bytes(), password=None
        )
    except (OSError, ValueError) as exc:  # never the key in the message
        raise ConfigError(f"cannot read the service account key {settings.service_account_key_file}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError("JIPAN_SERVICE_ACCOUNT_KEY_FILE must hold an Ed25519 private key")
    kid = jwk_thumbprint(key.public_key())
    channel = target_channel(
        settings.identity_target,
        settings.identity_target_ca_file,
        client_cert=settings.outbound_certificate(),
    )
    stub = token_service_pb2_grpc.TokenServiceStub(channel)
    lock = asyncio.Lock()
    cached: list[tuple[str, float]] = []

    def assertion() -> str:
        now = int(time.time())
        claims = {
            "iss": account,
            "sub": account,
            "aud": settings.token_issuer,  # identity checks its own issuer as the audience
            "iat": now,
            "exp": now + ASSERTION_LIFETIME_S,
            "jti": os.urandom(16).hex(),  # each assertion is accepted once
        }
        return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": kid})

    async def source() -> str:
        async with lock:  # one renewal at a time; the others then find it cached
            if not cached or cached[0][1] - RENEW_BEFORE_S < time.time():
                response = await stub.IssueServiceAccountToken(
                    token_service_pb2.IssueServiceAccountTokenRequest(
                        assertion=assertion(), scopes=list(scopes)
                    ),
                    timeout=ISSUE_TIMEOUT_S,
                )
                cached[:] = [(response.access_token, response.expire_time.ToSeconds())]
            return cached[0][0]

    async def close() -> None:
        await channel.close()

    return ServiceTokens(source, close)


def _file_source(path: Path) -> TokenSource:
    state: dict[str, object] = {"mtime": None, "token": ""}

    async def source() -> str:
        try:
            mtime = (await asyncio.to_thread(path.stat)).st_mtime_ns
        except OSError as exc:
            raise ConfigError(f"cannot read the service token file {path}: {exc.strerror}") from exc
        if mtime != state["mtime"]:
            text = (await asyncio.to_thread(path.read_text)).strip()
            state["mtime"], state["token"] = mtime, text
        return str(state["token"])

    return source
