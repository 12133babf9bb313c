"""The OCR models, run through the inference gateway (`inference.GRPCInferenceService`).

Every model call is an Open Inference Protocol ModelInfer over gRPC with
this process's service token (scope `inference.infer`), to the gateway of
this very server unless `inference_target` names another one: the models
run where the registry deployed them, never in this process. Tensors travel
as raw little-endian bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import grpc
import numpy as np
import numpy.typing as npt
import structlog
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc

from jipan.clients.service_tokens import ServiceTokens
from jipan.interceptors.client import LazyChannel
from jipan.servers.document.names import DOMAIN
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

DETECTION_MODEL = "ocr-text-detection"
RECOGNITION_MODEL = "ocr-text-recognition"
DIRECTION_MODEL = "ocr-text-direction"
CALL_TIMEOUT_S = 30.0
RETRY_AFTER_S = 5.0
"""The built-in models deploy in the background within seconds to a minute of a server's start."""
_MiB = 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", 16 * _MiB),
    ("grpc.max_send_message_length", 16 * _MiB),
]


@dataclass(frozen=True, slots=True)
class ModelOutput:
    tensor: npt.NDArray[np.float32]
    version: str
    """The registry's name of the version that answered ("models/{model}/versions/{n}")."""


class InferenceGateway:
    """ModelInfer on the gateway, over one channel opened on first use.

    `target` may be a callable: a server that dials its own gateway learns
    its port only once it is bound.
    """

    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
        token_source: ServiceTokens,
        timeout_s: float = CALL_TIMEOUT_S,
    ) -> None:
        self._tokens = token_source
        self._timeout_s = timeout_s
        self._channel = LazyChannel(
            target,
            ca_file=ca_file,
            client_cert=client_cert,
            token_source=token_source,
            options=CHANNEL_OPTIONS,
        )
        self._outputs: dict[str, str] = {}

    def _stub(self) -> oip_grpc.GRPCInferenceServiceStub:
        return oip_grpc.GRPCInferenceServiceStub(self._channel.get())

    async def _output_name(self, model: str) -> str:
        """The model's single output, from the gateway's ModelMetadata (asked once)."""
        if model not in self._outputs:
            metadata = await self._stub().ModelMetadata(
                oip.ModelMetadataRequest(name=model), timeout=self._timeout_s
            )
            self._outputs[model] = metadata.outputs[0].name
        return self._outputs[model]

    async def infer(self, model: str, tensor: npt.NDArray[np.float32]) -> ModelOutput:
        """Run `model` on one FP32 input "x"; its output as an array. Raises OCR_UNAVAILABLE."""
        try:
            output = await self._output_name(model)
            request = oip.ModelInferRequest(model_name=model)
            request.inputs.add(name="x", datatype="FP32", shape=list(tensor.shape))
            request.outputs.add(name=output)
            request.raw_input_contents.append(np.ascontiguousarray(tensor, dtype="<f4").tobytes())
            response = await self._stub().ModelInfer(request, timeout=self._timeout_s)
        except grpc.aio.AioRpcError as exc:
            raise self._unavailable(model, exc) from exc
        if not response.outputs or not response.raw_output_contents:
            raise Unavailable(
                "OCR_UNAVAILABLE",
                f"the gateway answered {model} without an output",
                domain=DOMAIN,
                metadata={"model": model},
                retry_after_s=RETRY_AFTER_S,
            )
        shape = tuple(int(d) for d in response.outputs[0].shape)
        array = np.frombuffer(response.raw_output_contents[0], dtype="<f4").reshape(shape)
        return ModelOutput(array, f"models/{response.model_name}/versions/{response.model_version}")

    def _unavailable(self, model: str, exc: grpc.aio.AioRpcError) -> Unavailable:
        # Not deployed yet (NOT_FOUND, FAILED_PRECONDITION), the backend starting
        # (UNAVAILABLE), a quota: all pass with time. Anything else is a fault
        # on one side of this call, logged for the operator.
        if exc.code() not in (
            grpc.StatusCode.UNAVAILABLE,
            grpc.StatusCode.NOT_FOUND,
            grpc.StatusCode.FAILED_PRECONDITION,
            grpc.StatusCode.DEADLINE_EXCEEDED,
            grpc.StatusCode.RESOURCE_EXHAUSTED,
        ):
            log.warning("ocr model call refused", model=model, code=exc.code().name, details=exc.details())
        self._outputs.pop(model, None)
        return Unavailable(
            "OCR_UNAVAILABLE",
            f"the OCR model {model} is not available yet; retry",
            domain=DOMAIN,
            metadata={"model": model, "gateway_status": exc.code().name},
            retry_after_s=RETRY_AFTER_S,
        )

    async def aclose(self) -> None:
        await self._channel.aclose()
        await self._tokens.aclose()
