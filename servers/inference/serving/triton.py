"""A production Triton cluster (kind "triton"): models arrive through the repository extension.

Triton runs with `--model-control-mode=explicit` and an empty model
repository (deploy/triton). `load` sends RepositoryModelLoad with the model
config as JSON in `parameters["config"]` and the ONNX bytes in
`parameters["file:1/model.onnx"]`; Triton writes those files to a temporary
directory on its own local disk for as long as the model is loaded (see
deploy/triton/model-repository/README.md). Nothing is written on the Jipan side.

Built-in models (ModelFormat.BUILTIN) are Python runtimes that only the
embedded backend can run; the cluster's onnxruntime backend cannot, so they
are refused with FailedPrecondition NOT_DEPLOYED.

This module is an adapter to Triton's gRPC API, like the ledger's chain
adapter: it translates gRPC status codes into DomainErrors here.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import grpc
import structlog
from google.protobuf import json_format
from tritonclient.grpc import model_config_pb2, service_pb2, service_pb2_grpc

from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.serving.backend import Deployable, ModelFormat, TensorSpec
from jipan.servers.inference.serving.datatypes import triton_config_type
from jipan.servers.runtime.errors import DomainError, FailedPrecondition, InvalidArgument, Unavailable
from jipan.servers.runtime.settings import ConfigError, Settings

log = structlog.get_logger(__name__)

ACCESS_HEADER = "triton-grpc-protocol-triton-access-token"
MODEL_FILE = "file:1/model.onnx"
DEFAULT_MAX_QUEUE_DELAY_US = 1000


def model_config_json(deployable: Deployable, max_queue_delay_us: int = DEFAULT_MAX_QUEUE_DELAY_US) -> str:
    """The model config Triton's onnxruntime backend gets, as the JSON form of model_config.proto."""
    batching = deployable.max_batch_size > 0

    def tensors(specs: tuple[TensorSpec, ...], kind: Any) -> list[Any]:
        return [
            kind(
                name=s.name,
                data_type=model_config_pb2.DataType.Value(triton_config_type(s.datatype, s.name)),
                dims=list(s.shape[1:] if batching else s.shape),
            )
            for s in specs
        ]

    config = model_config_pb2.ModelConfig(
        name=deployable.serving_name,
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=deployable.max_batch_size,
        input=tensors(deployable.inputs, model_config_pb2.ModelInput),
        output=tensors(deployable.outputs, model_config_pb2.ModelOutput),
    )
    if batching:
        config.dynamic_batching.max_queue_delay_microseconds = max_queue_delay_us
    return str(json_format.MessageToJson(config, preserving_proto_field_name=True))


def _translate(error: grpc.aio.AioRpcError, action: str, serving_name: str) -> DomainError:
    code = error.code()
    metadata = {"backend": "triton", "serving_name": serving_name, "triton_code": code.name}
    message = f"Triton refused to {action} {serving_name}: {error.details()}"
    if code is grpc.StatusCode.INVALID_ARGUMENT:
        return InvalidArgument("MODEL_MALFORMED", message, domain=DOMAIN, metadata=metadata)
    return Unavailable("BACKEND_UNAVAILABLE", message, domain=DOMAIN, metadata=metadata)


class TritonCluster:
    """`ServingBackend` on a Triton at `settings.triton_target`."""

    kind = "triton"

    def __init__(
        self,
        settings: Settings,
        *,
        max_queue_delay_us: int = DEFAULT_MAX_QUEUE_DELAY_US,
        call_timeout_s: float = 300.0,
    ) -> None:
        if not settings.triton_target:
            raise ConfigError("JIPAN_TRITON_TARGET is not set: there is no Triton cluster to use")
        self._target = settings.triton_target
        self._ca = settings.triton_target_ca_file.read_bytes() if settings.triton_target_ca_file else None
        token = settings.triton_access_token.get_secret_value() if settings.triton_access_token else ""
        self._metadata: tuple[tuple[str, str], ...] = ((ACCESS_HEADER, token),) if token else ()
        self._max_queue_delay_us = max_queue_delay_us
        self._call_timeout_s = call_timeout_s
        self._startup_timeout_s = settings.triton_startup_timeout_s
        self._channel: grpc.aio.Channel | None = None
        self._stub: Any = None
        self._loaded: set[str] = set()

    @property
    def target(self) -> str:
        return self._target

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        return self._metadata

    @property
    def secure(self) -> bool:
        return self._ca is not None

    @property
    def loaded(self) -> frozenset[str]:
        return frozenset(self._loaded)

    async def start(self) -> None:
        if self._ca is not None:
            credentials = grpc.ssl_channel_credentials(root_certificates=self._ca)
            self._channel = grpc.aio.secure_channel(self._target, credentials)
        else:
            self._channel = grpc.aio.insecure_channel(self._target)
        self._stub = service_pb2_grpc.GRPCInferenceServiceStub(self._channel)
        try:
            ready = await self._stub.ServerReady(
                service_pb2.ServerReadyRequest(),
                metadata=self._metadata,
                timeout=self._startup_timeout_s,
                wait_for_ready=True,
            )
        except grpc.aio.AioRpcError as error:
            await self.close()
            raise ConfigError(
                f"Triton at {self._target} is not reachable: {error.code().name} {error.details()}"
            ) from error
        if not ready.ready:
            await self.close()
            raise ConfigError(f"Triton at {self._target} is not ready")
        log.info("triton_cluster_ready", target=self._target, secure=self.secure)

    async def load(self, deployable: Deployable) -> None:
        if deployable.format is ModelFormat.BUILTIN:
            raise FailedPrecondition(
                "NOT_DEPLOYED",
                "built-in models run on the embedded backend only; the Triton cluster serves ONNX",
                domain=DOMAIN,
                metadata={
                    "backend": self.kind,
                    "builtin": deployable.builtin,
                    "required_backend": "embedded",
                },
            )
        if not deployable.payload:
            raise InvalidArgument(
                "MODEL_MALFORMED",
                "an ONNX deployable has no model bytes",
                domain=DOMAIN,
                metadata={"serving_name": deployable.serving_name},
            )
        request = service_pb2.RepositoryModelLoadRequest(model_name=deployable.serving_name)
        request.parameters["config"].string_param = model_config_json(deployable, self._max_queue_delay_us)
        request.parameters[MODEL_FILE].bytes_param = deployable.payload
        started = time.monotonic()
        try:
            await self._stub_or_raise().RepositoryModelLoad(
                request, metadata=self._metadata, timeout=self._call_timeout_s
            )
        except grpc.aio.AioRpcError as error:
            raise _translate(error, "load", deployable.serving_name) from error
        self._loaded.add(deployable.serving_name)
        log.info(
            "triton_cluster_model_loaded",
            serving_name=deployable.serving_name,
            seconds=round(time.monotonic() - started, 3),
        )

    async def unload(self, serving_name: str) -> None:
        request = service_pb2.RepositoryModelUnloadRequest(model_name=serving_name)
        try:
            await self._stub_or_raise().RepositoryModelUnload(
                request, metadata=self._metadata, timeout=self._call_timeout_s
            )
        except grpc.aio.AioRpcError as error:
            if error.code() not in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                raise _translate(error, "unload", serving_name) from error
        self._loaded.discard(serving_name)
        log.info("triton_cluster_model_unloaded", serving_name=serving_name)

    async def close(self) -> None:
        """Unload what this process loaded (the cluster outlives it), then close the channel."""
        if self._stub is not None:
            for name in sorted(self._loaded):
                try:
                    await asyncio.wait_for(self.unload(name), 30.0)
                except (DomainError, TimeoutError) as error:
                    log.warning("triton_cluster_unload_failed", serving_name=name, error=str(error))
        self._loaded.clear()
        if self._channel is not None:
            await self._channel.close()
        self._channel = self._stub = None

    def _stub_or_raise(self) -> Any:
        if self._stub is None:
            raise Unavailable("BACKEND_UNAVAILABLE", "the Triton cluster is not started", domain=DOMAIN)
        return self._stub
