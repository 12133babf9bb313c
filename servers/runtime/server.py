"""Building and running a gRPC server: `create_server` apart from `serve`.

`create_server` is what tests and benchmarks call (port 0, no signals);
`serve` adds the process concerns: engines, signals, readiness, draining.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
from collections.abc import Callable, Sequence
from typing import Any, cast

import grpc
import structlog
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection, reflection_pb2

from jipan.interceptors.chain import build_server_interceptors
from jipan.interceptors.tokens import AccessTokenVerifier
from jipan.servers.runtime.peer_trust import PEER_CLIENT_ROOTS
from jipan.servers.runtime.recursion_limit import enforce_safe_recursion_limit
from jipan.servers.runtime.runtime import Runtime, ServiceModule, loopback_target, open_runtime
from jipan.servers.runtime.settings import ConfigError, Settings

log = structlog.get_logger(__name__)

HEALTH_SERVICE = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name
REFLECTION_V1_SERVICE = "grpc.reflection.v1.ServerReflection"
_REFLECTION_V1_FILE = "grpc/reflection/v1/reflection.proto"

_MiB = 1024 * 1024
SERVER_OPTIONS: list[tuple[str, int]] = [
    # A second server on a taken port must fail, not silently share it.
    ("grpc.so_reuseport", 0),
    ("grpc.max_receive_message_length", 16 * _MiB),
    ("grpc.max_send_message_length", 16 * _MiB),
    ("grpc.keepalive_time_ms", 60_000),
    ("grpc.http2.min_ping_interval_without_data_ms", 10_000),
]


def server_credentials(settings: Settings) -> grpc.ServerCredentials | None:
    """TLS when a certificate is configured; mTLS when a client CA is too."""
    if settings.tls_cert_file is None:
        if settings.tls_key_file is not None or settings.tls_client_ca_file is not None:
            raise ConfigError("JIPAN_TLS_KEY_FILE / JIPAN_TLS_CLIENT_CA_FILE need JIPAN_TLS_CERT_FILE")
        return None
    if settings.tls_key_file is None:
        raise ConfigError("JIPAN_TLS_CERT_FILE needs JIPAN_TLS_KEY_FILE")
    try:
        cert = settings.tls_cert_file.read_bytes()
        key = settings.tls_key_file.read_bytes()
        client_ca = settings.tls_client_ca_file.read_bytes() if settings.tls_client_ca_file else None
    except OSError as exc:
        raise ConfigError(f"cannot read TLS material: {exc}") from exc
    if client_ca is None:
        return grpc.ssl_server_credentials([(key, cert)], root_certificates=None, require_client_auth=False)
    # mTLS: the client CA plus federation's active peers' CAs, read again on a change (peer_trust.py).
    version, peer_roots = PEER_CLIENT_ROOTS.snapshot()
    served = [version]

    # None means "unchanged" (grpc's documentation; its stubs do not say so).
    def configuration() -> Any:
        current, roots = PEER_CLIENT_ROOTS.snapshot()
        if current == served[0]:
            return None
        served[0] = current
        return grpc.ssl_server_certificate_configuration(
            [(key, cert)], root_certificates=client_ca + b"\n" + roots
        )

    return grpc.dynamic_ssl_server_credentials(
        grpc.ssl_server_certificate_configuration(
            [(key, cert)], root_certificates=client_ca + b"\n" + peer_roots
        ),
        configuration,
        require_client_authentication=settings.tls_require_client_cert,
    )


def _register_reflection_v1() -> None:
    """Put grpc.reflection.v1's contract into the default pool, once.

    grpcio-reflection ships only v1alpha. v1 is the same file under another
    package (field numbers and types identical: the wire bytes of one are the
    bytes of the other), so its descriptor is v1alpha's renamed. In the pool,
    reflection can describe the v1 service itself and the chain finds its
    method like any other (policy: open; request type for REQUEST_MALFORMED).
    """
    pool = descriptor_pool.Default()
    try:
        pool.FindFileByName(_REFLECTION_V1_FILE)
        return
    except KeyError:
        pass
    old, new = ".grpc.reflection.v1alpha.", ".grpc.reflection.v1."
    proto = descriptor_pb2.FileDescriptorProto()
    reflection_pb2.DESCRIPTOR.CopyToProto(proto)
    proto.name = _REFLECTION_V1_FILE
    proto.package = "grpc.reflection.v1"
    proto.ClearField("options")  # v1alpha's java/go options name v1alpha packages
    for message in proto.message_type:
        for field in message.field:
            if field.type_name.startswith(old):
                field.type_name = new + field.type_name[len(old) :]
    for service in proto.service:
        for method in service.method:
            method.input_type = new + method.input_type[len(old) :]
            method.output_type = new + method.output_type[len(old) :]
    pool.AddSerializedFile(proto.SerializeToString())


def enable_reflection(server: grpc.aio.Server, service_names: Sequence[str]) -> None:
    """Server reflection v1 and v1alpha (grpcurl and buf curl try v1 first), listing both."""
    _register_reflection_v1()
    names = [*service_names, reflection.SERVICE_NAME, REFLECTION_V1_SERVICE]
    servicer = reflection.aio.ReflectionServicer(names)
    handlers = [
        grpc.method_handlers_generic_handler(
            service,
            {
                "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
                    servicer.ServerReflectionInfo,
                    # v1alpha messages on both: the servicer builds v1alpha
                    # responses that embed the request.
                    request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
                    response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
                )
            },
        )
        for service in (reflection.SERVICE_NAME, REFLECTION_V1_SERVICE)
    ]
    server.add_generic_rpc_handlers(handlers)


class GenericDispatch:
    """A server as services see it while they attach: every handler is served as a generic one.

    grpc.aio (1.85) keeps one pending request per *registered* method and waits
    on all of them on every call, so each RPC costs server CPU in proportion to
    the number of registered methods: measured on the 2-vCPU Xeon host, +100 µs
    per call with 90 registered methods (what `jipan up` serves) against
    generic dispatch of the same handlers (about 240 against 336 µs per call).
    The generated `add_*Servicer_to_server` functions add a generic handler
    for every method *and* register them; the generic handler serves each
    method alike, so registration is skipped. Everything else is the server's.
    """

    def __init__(self, server: grpc.aio.Server) -> None:
        self._server = server

    def add_registered_method_handlers(self, service_name: str, method_handlers: object) -> None:
        """Skipped on purpose (see the class): the generic handler added beside it serves them."""

    def __getattr__(self, name: str) -> object:
        return getattr(self._server, name)

    def as_server(self) -> grpc.aio.Server:
        """Self, typed as what `attach` functions and generated code take."""
        return cast("grpc.aio.Server", self)


def freeze_startup_heap() -> None:
    """Move what the process built to start (modules, descriptor pools, settings, caches) out of
    the cyclic collector's reach, once, after a collection: otherwise every full collection walks
    it again, a pause of tens of milliseconds inside whatever call it lands in (measured in
    bench/federation.py's `gc_us_per_call`). Only for a process that serves one server: objects
    frozen here are never collected if they later become cyclic garbage."""
    gc.collect()
    gc.freeze()


async def create_server(
    settings: Settings, services: Sequence[ServiceModule], runtime: Runtime
) -> tuple[grpc.aio.Server, int]:
    """A server with the interceptor chain, the services, health and reflection, bound but not started."""
    credentials = server_credentials(settings)
    server = grpc.aio.server(
        interceptors=build_server_interceptors(
            settings,
            runtime.key_set,
            # The chain's verifier, consulting the process's revocation list.
            verifier=AccessTokenVerifier.from_settings(
                settings, runtime.key_set, revocations=runtime.revocations
            ),
        ),
        options=SERVER_OPTIONS,
    )
    attaching = GenericDispatch(server).as_server()
    for module in services:
        module.attach(attaching, runtime)
    # After every service's imports: none may leave the C stack as the recursion bound.
    enforce_safe_recursion_limit("create_server")
    health_pb2_grpc.add_HealthServicer_to_server(runtime.health, attaching)
    served = [name for module in services for name in module.service_names]
    enable_reflection(server, [*served, HEALTH_SERVICE])
    try:
        if credentials is None:
            port = server.add_insecure_port(settings.listen)
        else:
            port = server.add_secure_port(settings.listen, credentials)
    except RuntimeError as exc:
        raise ConfigError(f"cannot listen on {settings.listen}: {exc}") from exc
    runtime.bound_ports.append(port)
    for name in served:
        await runtime.health.set(name, health_pb2.HealthCheckResponse.SERVING)
    # The empty name is the whole server's health (what load balancers ask).
    await runtime.health.set("", health_pb2.HealthCheckResponse.SERVING)
    return server, port


async def _start_gateway(
    settings: Settings, port: int, runtime: Runtime, stack: contextlib.AsyncExitStack
) -> None:
    if settings.tls_enabled and settings.gateway_mesh_ca_file is None:
        # Under TLS the gateway dials this server over TLS too, and must be told what to trust.
        log.warning(
            "the Connect gateway is not started: the gRPC server uses TLS and "
            "JIPAN_GATEWAY_MESH_CA_FILE (with JIPAN_OUTBOUND_TLS_CERT_FILE for mTLS) is not set"
        )
        return
    from jipan.servers.gateway.serving import serving

    url = await stack.enter_async_context(
        serving(settings, loopback_target(settings.listen, port), runtime.services)
    )
    runtime.gateway_urls.append(url)


async def serve(
    settings: Settings,
    services: Sequence[ServiceModule],
    *,
    on_ready: Callable[[int, Runtime], None] | None = None,
    stop: asyncio.Event | None = None,
    gateway: bool = False,
) -> None:
    """Run until SIGTERM/SIGINT (or `stop` is set), then drain and close everything.

    `gateway`: also serve the Connect gateway (servers/gateway/) for the
    served services, calling this server on loopback; its URL is in
    `runtime.gateway_urls` by the time `on_ready` runs.

    Shutdown order: health turns NOT_SERVING (load balancers stop sending),
    the gateway stops, the server stops accepting and drains in-flight calls
    for up to `grace_period_s`, then pools close and embedded engines stop
    (the exit stack in open_runtime).
    """
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        async with open_runtime(settings, services) as runtime:
            server, port = await create_server(settings, services, runtime)
            await server.start()
            log.info("serving", port=port, event_loop=type(loop).__module__)
            freeze_startup_heap()
            try:
                async with contextlib.AsyncExitStack() as beside:
                    if gateway:
                        await _start_gateway(settings, port, runtime, beside)
                    if on_ready is not None:
                        on_ready(port, runtime)
                    await stop.wait()
                    log.info("shutting down", grace_period_s=settings.grace_period_s)
                    await runtime.health.enter_graceful_shutdown()
            finally:
                await server.stop(settings.grace_period_s)
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
