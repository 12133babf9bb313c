"""jipan.inference.v1: the Open Inference Protocol gateway and the model registry.

`inference.GRPCInferenceService` (KServe v2, the vendored upstream contract)
is served through the zero-trust chain and forwarded to NVIDIA Triton
(gateway/); `jipan.inference.v1.ModelRegistryService` keeps models and their
versions, sealed at rest and anchored on the ledger, compresses them to int8
and deploys them (registry/). The serving backend is the tritonserver of the
nvidia-pytriton wheel, started with this process (serving/embedded.py), or a
Triton cluster named by JIPAN_TRITON_TARGET (serving/triton.py).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
import structlog
from grpc_health.v1 import health_pb2, health_pb2_grpc
from tritonclient.grpc import service_pb2_grpc as oip_grpc

from jipan.inference.v1 import model_registry_service_pb2, model_registry_service_pb2_grpc
from jipan.servers.inference import sealing
from jipan.servers.inference.gateway import policy
from jipan.servers.inference.gateway.quota import Quotas, parse_overrides
from jipan.servers.inference.gateway.routes import Routes
from jipan.servers.inference.gateway.servicer import Backend, InferenceGatewayServicer
from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.registry.domain import Registry
from jipan.servers.inference.registry.operations import Operations
from jipan.servers.inference.registry.servicer import ModelRegistryServicer
from jipan.servers.inference.registry.store import MIGRATIONS, SCHEMA, RegistryStore
from jipan.servers.inference.serving.backend import ServingBackend
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.ledger_anchor import LedgerAnchor
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.settings import Settings
from jipan.servers.runtime.startup import StartupStep
from jipan.servers.system.domain import package_version

log = structlog.get_logger(__name__)

REGISTRY_SERVICE = model_registry_service_pb2.DESCRIPTOR.services_by_name["ModelRegistryService"].full_name
GATEWAY_SERVICE = policy.SERVICE
LEDGER_SERVICE = "jipan.ledger.v1.LedgerService"
_STARTUP_ATTEMPTS = 30


def serving_backend(settings: Settings) -> ServingBackend:
    """The Triton cluster when configured, otherwise the embedded tritonserver."""
    if settings.triton_target is not None:
        from jipan.servers.inference.serving.triton import TritonCluster

        return TritonCluster(settings)
    from jipan.servers.inference.serving.embedded import EmbeddedTriton

    return EmbeddedTriton(settings)


async def _until_done(step: str, run: Callable[[], Awaitable[None]]) -> None:
    """Run a start-up step until it succeeds (runtime.startup: each failure logged, retried with
    a growing wait; a server that stops cancels it)."""
    await StartupStep(f"inference: {step}", run).run_until_done()


async def _start(
    runtime: Runtime, backend: ServingBackend, ready: asyncio.Event, operations: Operations
) -> None:
    """Start the backend, recover interrupted work, register the built-in models (in the background)."""
    # Each step on its own: recovery must not run again once operations of this process started.
    await _until_done("recover interrupted operations", operations.recover_state)
    await _until_done("start the serving backend", backend.start)
    if backend.kind == "embedded":
        _write_serving_record(runtime.settings, backend)
    ready.set()
    # Redeploys and built-ins are checked against (or anchored on) the ledger
    # through its gRPC contract, which may be this very server: wait until it serves.
    if runtime.settings.ledger_target is None:
        await _own_server_serves(runtime)
    await _until_done("redeploy the deployed versions", operations.redeploy)
    if not runtime.settings.inference_builtin_models:
        return
    from jipan.servers.inference.registry.builtins import register_builtins

    # A remote ledger may be down for a while: the built-ins wait for it.
    for attempt in range(_STARTUP_ATTEMPTS):
        try:
            await register_builtins(operations, runtime.settings.platform_org)
            return
        except Unavailable as exc:
            if attempt == _STARTUP_ATTEMPTS - 1:
                raise
            log.info("built-in models wait for the ledger", reason=exc.reason, attempt=attempt + 1)
            await asyncio.sleep(1.0)


async def _own_server_serves(runtime: Runtime, timeout_s: float = 60.0) -> None:
    """Until this process's gRPC server answers a health check (it starts after the services attach)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not runtime.bound_ports:
        if loop.time() > deadline:
            return
        await asyncio.sleep(0.05)
    async with grpc.aio.insecure_channel(runtime.own_target()) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while loop.time() < deadline:
            try:
                await health.Check(health_pb2.HealthCheckRequest(), timeout=1.0)
                return
            except grpc.aio.AioRpcError:
                await asyncio.sleep(0.1)


def serving_record_path(settings: Settings) -> Path:
    """Where the embedded tritonserver's address and access header are kept while it runs."""
    return settings.data_dir / "inference" / "embedded-triton.json"


def _write_serving_record(settings: Settings, backend: ServingBackend) -> None:
    """For the operator on this host (diagnostics, bench/inference.py's direct path): mode 0600.

    It holds nothing a local user of the same account could not already read
    from the tritonserver's command line.
    """
    path = serving_record_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = json.dumps({"target": backend.target, "metadata": [list(item) for item in backend.metadata]})
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(record)


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    settings = runtime.settings
    store = RegistryStore(runtime.database)
    keys = sealing.open_key_wrapper(settings)
    runtime.on_shutdown(keys.aclose)
    anchor = LedgerAnchor(
        settings,
        runtime,
        service="inference",
        domain=DOMAIN,
        serves_ledger=LEDGER_SERVICE in runtime.services,
    )
    runtime.on_shutdown(anchor.close)
    registry = Registry(
        store,
        runtime.objects,
        keys,
        anchor,
        runtime.page_tokens,
        RequestIds(),
        max_bytes=settings.model_max_bytes,
    )
    backend = serving_backend(settings)
    ready = asyncio.Event()
    routes = Routes(store)
    operations = Operations(
        registry,
        backend,
        on_change=routes.invalidate,
        backend_ready=ready,
        backend_timeout_s=settings.triton_startup_timeout_s,
    )
    channel = Backend(
        backend, ca_file=str(settings.triton_target_ca_file) if settings.triton_target_ca_file else None
    )
    model_registry_service_pb2_grpc.add_ModelRegistryServiceServicer_to_server(
        ModelRegistryServicer(registry, operations), server
    )
    oip_grpc.add_GRPCInferenceServiceServicer_to_server(
        InferenceGatewayServicer(
            routes,
            channel,
            Quotas(
                settings.inference_quota_rps,
                settings.inference_quota_burst,
                overrides=parse_overrides(settings.inference_quota_orgs),
            ),
            version=package_version(),
        ),
        server,
    )
    starting = asyncio.get_running_loop().create_task(
        _start(runtime, backend, ready, operations), name="inference-start"
    )

    def report(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("inference start-up failed", error=repr(task.exception()))

    starting.add_done_callback(report)

    async def stop() -> None:
        starting.cancel()
        await asyncio.gather(starting, return_exceptions=True)
        await operations.close()
        await channel.aclose()
        await backend.close()
        serving_record_path(settings).unlink(missing_ok=True)

    runtime.on_shutdown(stop)


SERVICE = ServiceModule(
    name="inference",
    service_names=(REGISTRY_SERVICE, GATEWAY_SERVICE),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
