"""Running the gateway beside a gRPC server (what `jipan up` does), from settings."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Final

import grpc
from aiohttp import web

from jipan.interceptors.client import tls_credentials
from jipan.servers.gateway.app import GatewayConfig, Page, create_app
from jipan.servers.gateway.static import PortalFiles, default_static_dir
from jipan.servers.runtime.settings import ConfigError, Settings

DEFAULT_PORT: Final = 8080
# Vite's dev server and its preview: the portal's own development origins.
DEV_ORIGINS: Final = (
    "http://localhost:5173",
    "http://127.0.0.1:5173",
    "http://localhost:4173",
    "http://127.0.0.1:4173",
)
_SLACK: Final = 64 * 1024


def gateway_port(settings: Settings) -> int:
    """JIPAN_GATEWAY_PORT; unset: 8080, or a free port when the gRPC listen port is 0 too."""
    if settings.gateway_port is not None:
        return settings.gateway_port
    return 0 if settings.listen.rpartition(":")[2] == "0" else DEFAULT_PORT


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket (the caller learns the port before serving)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise ConfigError(
            f"the gateway cannot listen on {host}:{port}: {exc} (set JIPAN_GATEWAY_PORT, 0 for any free port)"
        ) from exc
    sock.listen(128)
    sock.setblocking(False)
    return sock


def origin_of(sock: socket.socket) -> str:
    """The URL a browser on this machine opens (loopback as `localhost`: WebAuthn's secure context)."""
    host, port = sock.getsockname()[:2]
    if host in ("127.0.0.1", "::1", "0.0.0.0", "::"):
        host = "localhost"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def allowed_origins(settings: Settings, own: str) -> frozenset[str]:
    """JIPAN_GATEWAY_CORS_ORIGINS, or else the gateway's own origin (both loopback names) and Vite's."""
    configured = [o.strip().rstrip("/") for o in settings.gateway_cors_origins.split(",") if o.strip()]
    if configured:
        return frozenset(configured)
    port = own.rpartition(":")[2]
    return frozenset({own, f"http://localhost:{port}", f"http://127.0.0.1:{port}", *DEV_ORIGINS})


def config_from(settings: Settings, own: str) -> GatewayConfig:
    static_dir = settings.gateway_static_dir or default_static_dir()
    return GatewayConfig(
        allowed_origins=allowed_origins(settings, own),
        max_request_bytes=settings.gateway_max_request_bytes,
        unary_timeout_s=settings.gateway_unary_timeout_s,
        portal=PortalFiles(static_dir),
    )


def channel_to(target: str, settings: Settings) -> grpc.aio.Channel:
    """A channel to the mesh's gRPC port with the gateway's message size bounds: plaintext, or
    TLS verified with gateway_mesh_ca_file (presenting the outbound client certificate, for mTLS)
    when the server uses TLS."""
    options = [
        ("grpc.max_receive_message_length", settings.gateway_max_response_bytes),
        ("grpc.max_send_message_length", settings.gateway_max_request_bytes + _SLACK),
        ("grpc.enable_retries", 0),
    ]
    if not settings.tls_enabled:
        return grpc.aio.insecure_channel(target, options=options)
    if settings.gateway_mesh_ca_file is None:
        raise ConfigError("the gateway of a TLS server needs JIPAN_GATEWAY_MESH_CA_FILE")
    # No mesh interceptors: the gateway forwards the browser's own headers.
    credentials = tls_credentials(settings.gateway_mesh_ca_file, settings.outbound_certificate())
    return grpc.aio.secure_channel(target, credentials, options=options)


@asynccontextmanager
async def serving_app(app: web.Application, sock: socket.socket) -> AsyncIterator[None]:
    # handler_cancellation: a browser that goes away cancels its call upstream.
    # auto_decompress off: the gateway inflates gzip bodies itself, bounded by its limit.
    runner = web.AppRunner(
        app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0, auto_decompress=False
    )
    await runner.setup()
    try:
        await web.SockSite(runner, sock).start()
        yield
    finally:
        await runner.cleanup()


@asynccontextmanager
async def serving(
    settings: Settings,
    grpc_target: str,
    service_names: Sequence[str],
    *,
    pages: Mapping[str, Page] | None = None,
) -> AsyncIterator[str]:
    """The gateway for `service_names` of the gRPC server at `grpc_target`; yields its URL."""
    sock = bind(settings.gateway_host, gateway_port(settings))
    try:
        own = origin_of(sock)
        async with channel_to(grpc_target, settings) as channel:
            app = create_app(channel, service_names, config_from(settings, own), pages=pages)
            async with serving_app(app, sock):
                yield own
    finally:
        sock.close()
