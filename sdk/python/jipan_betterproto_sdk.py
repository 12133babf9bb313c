"""The thin layer of the betterproto2 SDK: async dataclass messages and stubs
(gen/betterproto, package `jipan_betterproto`) over grpclib, which talks to the
grpc.aio servers of the mesh like any gRPC client.

- `mesh_channel`: a grpclib Channel (TLS/mTLS from PEM files, plaintext
  without them) whose every request carries `x-request-id` and, with a token
  source, `authorization: Bearer …`, and whose errors carry their decoded
  google.rpc.Status details (`GRPCError.details`).
- `ServiceAccountTokens`: an RFC 7523 assertion (EdDSA, PyJWT) exchanged at
  TokenService.IssueServiceAccountToken, cached and renewed a minute before
  expiry, as `jipan.clients.service_tokens` does for the grpcio SDK.
- `mesh_error`: ErrorInfo / BadRequest / RetryInfo of a GRPCError.
Deadlines: every stub takes `timeout=` (DEFAULT_TIMEOUT_S in the example).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import ssl
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from grpclib.client import Channel
from grpclib.const import Status
from grpclib.encoding.base import StatusDetailsCodecBase
from grpclib.events import SendRequest, listen
from grpclib.exceptions import GRPCError
from jipan_betterproto.jipan.identity.v1 import IssueServiceAccountTokenRequest, TokenServiceStub
from jipan_betterproto.rpc.google import rpc

DEFAULT_TIMEOUT_S = 10.0
TokenSource = Callable[[], Awaitable[str]]


class _StatusDetails(StatusDetailsCodecBase):
    """grpc-status-details-bin → the list of detail messages (ErrorInfo, BadRequest, RetryInfo...)."""

    def encode(self, status: Status, message: str | None, details: Any) -> bytes:
        raise NotImplementedError("a client sends no status")

    def decode(self, status: Status, message: str | None, data: bytes) -> Any:
        return [detail.unpack() for detail in rpc.Status.parse(data).details]


def jwk_thumbprint(key: Ed25519PublicKey) -> str:
    """RFC 7638 thumbprint of an Ed25519 public key: the `kid` identity knows it by."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    members = {"crv": "Ed25519", "kty": "OKP", "x": base64.urlsafe_b64encode(raw).rstrip(b"=").decode()}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode("ascii")
    return base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode()


def mesh_channel(
    target: str,
    *,
    ca_file: Path | None = None,
    cert_file: Path | None = None,
    key_file: Path | None = None,
    tokens: TokenSource | None = None,
) -> Channel:
    host, _, port = target.rpartition(":")
    context: ssl.SSLContext | None = None
    if ca_file is not None:
        context = ssl.create_default_context(cafile=str(ca_file))
        context.set_alpn_protocols(["h2"])
        if cert_file is not None:
            context.load_cert_chain(str(cert_file), str(key_file) if key_file else None)
    elif cert_file is not None:
        raise ValueError("mTLS (cert_file) needs ca_file: a client certificate is only sent over TLS")
    channel = Channel(host, int(port), ssl=context, status_details_codec=_StatusDetails())

    async def on_send(event: SendRequest) -> None:
        if "x-request-id" not in event.metadata:
            event.metadata["x-request-id"] = str(uuid.uuid4())
        if tokens is not None:
            event.metadata["authorization"] = f"Bearer {await tokens()}"

    listen(channel, SendRequest, on_send)
    return channel


@dataclass
class ServiceAccountTokens:
    """Await it for a current access token of `service_account` (a TokenSource)."""

    service_account: str
    key_file: Path
    issuer: str
    identity: Channel
    scopes: Sequence[str] = ()
    _cached: tuple[str, float] | None = field(default=None, init=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False)

    def _assertion(self) -> str:
        key = serialization.load_pem_private_key(self.key_file.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{self.key_file} is not an Ed25519 key")
        now = int(time.time())
        claims = {"iss": self.service_account, "sub": self.service_account, "aud": self.issuer}
        claims |= {"iat": now, "exp": now + 60, "jti": os.urandom(16).hex()}
        return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": jwk_thumbprint(key.public_key())})

    async def __call__(self) -> str:
        async with self._lock:
            if self._cached is None or self._cached[1] - 60 < time.time():
                response = await TokenServiceStub(
                    self.identity, timeout=DEFAULT_TIMEOUT_S
                ).issue_service_account_token(
                    IssueServiceAccountTokenRequest(assertion=self._assertion(), scopes=list(self.scopes))
                )
                expires = response.expire_time.timestamp() if response.expire_time else time.time() + 300
                self._cached = (response.access_token, expires)
            return self._cached[0]


@dataclass
class MeshError:
    code: str
    message: str
    reason: str = ""
    domain: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    field_violations: list[rpc.BadRequestFieldViolation] = field(default_factory=list)
    retry_delay_s: float | None = None


def mesh_error(error: GRPCError) -> MeshError:
    decoded = MeshError(error.status.name, error.message or "")
    for detail in error.details or []:
        if isinstance(detail, rpc.ErrorInfo):
            decoded.reason, decoded.domain, decoded.metadata = (
                detail.reason,
                detail.domain,
                dict(detail.metadata),
            )
        elif isinstance(detail, rpc.BadRequest):
            decoded.field_violations += detail.field_violations
        elif isinstance(detail, rpc.RetryInfo) and detail.retry_delay is not None:
            decoded.retry_delay_s = detail.retry_delay.total_seconds()
    return decoded
