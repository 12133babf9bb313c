"""`inference.GRPCInferenceService` (Open Inference Protocol v2) served by Jipan and forwarded to Triton.

Each call has passed the chain (token, scope `inference.infer`); here the
public `model_name` is resolved to the version deployed on the backend (and
refused as unknown when the caller's organisation may not run it), ModelInfer
is checked against the version's tensors and the organisation's quota, and
the call is forwarded to the backend's Triton under the version's serving
name. Answers are renamed back, so clients only ever see the public name.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc
import structlog
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc

from jipan.interceptors.context import current_deadline, current_principal
from jipan.servers.inference.gateway.quota import Quotas
from jipan.servers.inference.gateway.routes import Route, Routes, not_deployed
from jipan.servers.inference.gateway.tensors import check_request
from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.registry.types import Version
from jipan.servers.inference.serving.backend import ServingBackend
from jipan.servers.runtime.errors import DomainError, InvalidArgument, Unavailable

log = structlog.get_logger(__name__)

Context = grpc.aio.ServicerContext[Any, Any]
_MiB = 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", 64 * _MiB),
    ("grpc.max_send_message_length", 64 * _MiB),
]
DEFAULT_TIMEOUT_S = 60.0
_ENDS_STREAM = frozenset({"NOT_FOUND", "PERMISSION_DENIED", "UNAUTHENTICATED", "RESOURCE_EXHAUSTED"})


class Backend:
    """The channel to the serving backend's Triton, for the backend's current address.

    The embedded tritonserver gets its port when it starts, after the gateway
    already serves: a call that arrives before (a version deployed by the
    previous process, ServerReady from a probe) must not pin a channel to the
    address the backend did not have yet. The channel is opened for the
    address the backend names now, and opened again when that address changes.
    """

    def __init__(self, backend: ServingBackend, ca_file: str | None = None) -> None:
        self.serving = backend
        self._ca_file = ca_file
        self._target = ""
        self._channel: grpc.aio.Channel | None = None
        self._stub: oip_grpc.GRPCInferenceServiceStub | None = None
        self._retired: list[grpc.aio.Channel] = []

    @property
    def stub(self) -> oip_grpc.GRPCInferenceServiceStub:
        target = self.serving.target
        if self._stub is None or target != self._target:
            if self._channel is not None:
                # Calls still on it end by their own deadline; closed with the gateway.
                self._retired.append(self._channel)
            if self.serving.secure:
                root = open(self._ca_file, "rb").read() if self._ca_file else None  # noqa: SIM115
                credentials = grpc.ssl_channel_credentials(root_certificates=root)
                self._channel = grpc.aio.secure_channel(target, credentials, options=CHANNEL_OPTIONS)
            else:
                self._channel = grpc.aio.insecure_channel(target, options=CHANNEL_OPTIONS)
            self._target = target
            self._stub = oip_grpc.GRPCInferenceServiceStub(self._channel)
        return self._stub

    def timeout(self) -> float:
        deadline = current_deadline()
        if deadline is None:
            return DEFAULT_TIMEOUT_S
        return max(0.001, deadline - time.monotonic())

    async def aclose(self) -> None:
        channels = [*self._retired, *([self._channel] if self._channel is not None else [])]
        self._retired.clear()
        self._channel = None
        self._stub = None
        self._target = ""
        for channel in channels:
            await channel.close()


def _backend_error(exc: grpc.aio.AioRpcError, model_name: str) -> DomainError:
    code = exc.code()
    details = (exc.details() or "")[:500]
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        return InvalidArgument(
            "TENSOR_INVALID",
            f"the backend refused the request: {details}",
            domain=DOMAIN,
            metadata={"model_name": model_name[:200], "backend_status": code.name},
        )
    return Unavailable(
        "BACKEND_UNAVAILABLE",
        "the serving backend did not answer; retry",
        domain=DOMAIN,
        metadata={"model_name": model_name[:200], "backend_status": code.name},
        retry_after_s=1.0,
    )


class InferenceGatewayServicer(oip_grpc.GRPCInferenceServiceServicer):  # type: ignore[misc]
    def __init__(self, routes: Routes, backend: Backend, quotas: Quotas, *, version: str) -> None:
        self._routes = routes
        self._backend = backend
        self._quotas = quotas
        self._version = version

    @property
    def _metadata(self) -> tuple[tuple[str, str], ...]:
        return self._backend.serving.metadata

    async def _resolve(self, name: str, requested: str) -> tuple[Route, Version | None]:
        route = await self._routes.route(current_principal().org, name)
        return route, route.version(requested)

    async def ServerLive(self, request: oip.ServerLiveRequest, context: Context) -> oip.ServerLiveResponse:
        return oip.ServerLiveResponse(live=True)

    async def ServerReady(self, request: oip.ServerReadyRequest, context: Context) -> oip.ServerReadyResponse:
        try:
            answer = await self._backend.stub.ServerReady(
                oip.ServerReadyRequest(), metadata=self._metadata, timeout=min(5.0, self._backend.timeout())
            )
        except grpc.aio.AioRpcError:
            return oip.ServerReadyResponse(ready=False)
        return oip.ServerReadyResponse(ready=answer.ready)

    async def ServerMetadata(
        self, request: oip.ServerMetadataRequest, context: Context
    ) -> oip.ServerMetadataResponse:
        return oip.ServerMetadataResponse(name="jipan-inference", version=self._version, extensions=[])

    async def ModelReady(self, request: oip.ModelReadyRequest, context: Context) -> oip.ModelReadyResponse:
        _, version = await self._resolve(request.name, request.version)
        if version is None:
            return oip.ModelReadyResponse(ready=False)
        try:
            answer = await self._backend.stub.ModelReady(
                oip.ModelReadyRequest(name=version.serving_name),
                metadata=self._metadata,
                timeout=self._backend.timeout(),
            )
        except grpc.aio.AioRpcError:
            return oip.ModelReadyResponse(ready=False)
        return oip.ModelReadyResponse(ready=answer.ready)

    async def _deployed(self, name: str, requested: str) -> Version:
        _, version = await self._resolve(name, requested)
        if version is None:
            raise not_deployed(name, requested)
        return version

    async def _ask(self, public_name: str, call: Callable[..., Awaitable[Any]], request: Any) -> Any:
        """One metadata call to the backend; a failure drops the model's cached route."""
        try:
            return await call(request, metadata=self._metadata, timeout=self._backend.timeout())
        except grpc.aio.AioRpcError as exc:
            self._routes.invalidate(public_name)
            raise _backend_error(exc, public_name) from exc

    async def ModelMetadata(
        self, request: oip.ModelMetadataRequest, context: Context
    ) -> oip.ModelMetadataResponse:
        version = await self._deployed(request.name, request.version)
        answer: oip.ModelMetadataResponse = await self._ask(
            request.name,
            self._backend.stub.ModelMetadata,
            oip.ModelMetadataRequest(name=version.serving_name),
        )
        answer.name = request.name
        del answer.versions[:]
        answer.versions.append(str(version.version))
        return answer

    async def ModelConfig(self, request: oip.ModelConfigRequest, context: Context) -> oip.ModelConfigResponse:
        version = await self._deployed(request.name, request.version)
        answer: oip.ModelConfigResponse = await self._ask(
            request.name, self._backend.stub.ModelConfig, oip.ModelConfigRequest(name=version.serving_name)
        )
        answer.config.name = request.name
        return answer

    async def ModelInfer(self, request: oip.ModelInferRequest, context: Context) -> oip.ModelInferResponse:
        return await self._infer(request)

    async def ModelStreamInfer(
        self, request_iterator: AsyncIterator[oip.ModelInferRequest], context: Context
    ) -> AsyncIterator[oip.ModelStreamInferResponse]:
        """Triton's streaming extension: each request is checked and run like a ModelInfer.

        As Triton does, a request that fails on its data (tensors, a version not
        deployed, the backend) answers with `error_message` and the stream goes
        on. A request for a model the caller may not run, beyond its quota, or a
        message that cannot be parsed ends the stream with that status, as a
        unary call would. Decoupled models (several responses per request) are
        not served by the gateway: each request gets exactly one response.
        """
        async for request in request_iterator:
            try:
                answer = await self._infer(request)
            except DomainError as exc:
                if exc.code.value in _ENDS_STREAM:
                    raise
                yield oip.ModelStreamInferResponse(
                    error_message=f"{exc.code.value} {exc.reason}: {exc.message}"
                )
            else:
                yield oip.ModelStreamInferResponse(infer_response=answer)

    async def _infer(self, request: oip.ModelInferRequest) -> oip.ModelInferResponse:
        principal = current_principal()
        name = request.model_name
        route = await self._routes.route(principal.org, name)
        version = route.version(request.model_version)
        if version is None:
            raise not_deployed(name, request.model_version)
        check_request(request, version)
        self._quotas.take(principal.org or principal.subject)
        request.model_name = version.serving_name
        request.model_version = ""
        try:
            answer = await self._backend.stub.ModelInfer(
                request, metadata=self._metadata, timeout=self._backend.timeout()
            )
        except grpc.aio.AioRpcError as exc:
            if exc.code() != grpc.StatusCode.INVALID_ARGUMENT:
                self._routes.invalidate(name)
            raise _backend_error(exc, name) from exc
        answer.model_name = name
        answer.model_version = str(version.version)
        return answer
