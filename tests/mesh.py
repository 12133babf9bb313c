"""Starting real Jipan servers in tests: `create_server` on port 0, real stores."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.servers.runtime.runtime import Runtime, ServiceModule, open_runtime
from jipan.servers.runtime.server import create_server
from jipan.servers.runtime.settings import Settings, load_settings
from tests.descriptor_walk import lost_to_a_write_race


@dataclass
class RunningServer:
    settings: Settings
    runtime: Runtime
    server: grpc.aio.Server
    port: int
    dev_key: DevSigningKey

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def token(self, **claims: Any) -> str:
        return dev_token(self.settings, self.dev_key, **claims)

    def metadata(self, **token_args: Any) -> tuple[tuple[str, str], ...]:
        return (("authorization", f"Bearer {self.token(**token_args)}"),)


def dev_token(
    settings: Settings,
    key: DevSigningKey | None = None,
    *,
    subject: str = "people/alice",
    scopes: Sequence[str] = ("openid",),
    org: str | None = "orgs/moda",
    roles: Sequence[str] = ("member",),
    ttl_s: int = 300,
    audience: str | None = None,
) -> str:
    """A token from the embedded development key that `settings`' servers accept."""
    return mint_access_token(
        key or DevSigningKey.load_or_create(settings.data_dir),
        subject=subject,
        audience=audience or settings.token_audience,
        issuer=settings.token_issuer,
        scopes=list(scopes),
        org=org,
        roles=list(roles),
        ttl_s=ttl_s,
    )


def make_settings(database_url: str, data_dir: Path, **env: str) -> Settings:
    base = {
        "JIPAN_DATABASE_URL": database_url,
        "JIPAN_DATA_DIR": str(data_dir),
        "JIPAN_LISTEN": "127.0.0.1:0",
        "JIPAN_GRACE_PERIOD_S": "1",
        # Every test server shares the session database, and identity's signing
        # keys in it are sealed with this secret: replicas must agree on it.
        "JIPAN_SIGNING_KEY_SECRET": "tests-only secret shared by every test server (>= 32 chars)",
    }
    base.update(env)
    return load_settings(base)


@asynccontextmanager
async def running_server(
    settings: Settings, modules: Sequence[ServiceModule]
) -> AsyncIterator[RunningServer]:
    async with open_runtime(settings, modules) as runtime:
        server, port = await create_server(settings, modules, runtime)
        await server.start()
        try:
            yield RunningServer(
                settings, runtime, server, port, DevSigningKey.load_or_create(settings.data_dir)
            )
        finally:
            await server.stop(0)


@dataclass
class Pki:
    """A throwaway CA with a server certificate for localhost and one client certificate."""

    ca_pem: bytes
    server_cert_pem: bytes
    server_key_pem: bytes
    client_cert_pem: bytes
    client_key_pem: bytes


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def make_pki(client_cn: str = "services/billing", ca_cn: str = "Jipan test CA") -> Pki:
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ca_cn)])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )

    def leaf(cn: str, *, server: bool) -> tuple[bytes, bytes]:
        key = ec.generate_private_key(ec.SECP256R1())
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=1))
            .not_valid_after(now + dt.timedelta(days=1))
        )
        if server:
            import ipaddress

            builder = builder.add_extension(
                x509.SubjectAlternativeName(
                    [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
                ),
                critical=False,
            )
        cert = builder.sign(ca_key, hashes.SHA256())
        return cert.public_bytes(serialization.Encoding.PEM), _key_pem(key)

    server_cert, server_key = leaf("localhost", server=True)
    client_cert, client_key = leaf(client_cn, server=False)
    return Pki(
        ca_pem=ca_cert.public_bytes(serialization.Encoding.PEM),
        server_cert_pem=server_cert,
        server_key_pem=server_key,
        client_cert_pem=client_cert,
        client_key_pem=client_key,
    )


async def stream_unary(start: Callable[[], Any], messages: Sequence[Any], attempts: int = 5) -> Any:
    """Send `messages` on a client-streaming call from `start()` one by one and return its
    response (or raise its error). A server that refuses part-way ends the call while the client
    still sends; grpc.aio then now and then reports its own failed send (INTERNAL) in place of the
    server's answer, which this call can no longer read: the whole call is made again then (up
    to `attempts` times), so the test sees the server's answer and never the client's race."""
    for attempt in range(attempts):
        call = start()
        with contextlib.suppress(asyncio.InvalidStateError, grpc.aio.AioRpcError):
            for message in messages:
                await call.write(message)
            await call.done_writing()
        try:
            return await call
        except grpc.aio.AioRpcError as exc:
            if attempt + 1 == attempts or not lost_to_a_write_race(exc):
                raise
    raise AssertionError("unreachable")
