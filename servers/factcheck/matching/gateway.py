"""The multilingual embedder (`text-embedder`, USE multilingual v3), run through the inference gateway.

As document's OCR models do (servers/document/gateway.py): an Open Inference
Protocol ModelInfer over gRPC with this process's service token (scope
`inference.infer`), to `inference_target`, or to this very server when it
serves inference itself. The input is the model's BYTES tensor "TEXT" of
shape (n, 1), sent raw in Triton's layout (each element a little-endian
uint32 length, then its UTF-8 bytes); the output its (n, 512) float32 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import grpc
import numpy as np
import numpy.typing as npt
import structlog
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc
from tritonclient.utils import serialize_byte_tensor

from jipan.clients.service_tokens import ServiceTokens
from jipan.interceptors.client import LazyChannel
from jipan.servers.factcheck.matching.matcher import EMBEDDING_SIZE, Embedder
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import ClientCertificate, Settings

log = structlog.get_logger(__name__)

MODEL = "text-embedder"
INPUT = "TEXT"
OUTPUT = "EMBEDDING"
DOMAIN = "factcheck.jipan.tw"
CALL_TIMEOUT_S = 10.0
RETRY_AFTER_S = 5.0
_MiB = 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", 16 * _MiB),
    ("grpc.max_send_message_length", 16 * _MiB),
]


class GatewayEmbedder:
    """An Embedder over one channel to the gateway, opened on first use."""

    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
        tokens: ServiceTokens,
        timeout_s: float,
    ) -> None:
        self._tokens = tokens
        self._timeout_s = timeout_s
        self._channel = LazyChannel(
            target,
            ca_file=ca_file,
            client_cert=client_cert,
            token_source=tokens,
            options=CHANNEL_OPTIONS,
        )

    def _stub(self) -> oip_grpc.GRPCInferenceServiceStub:
        return oip_grpc.GRPCInferenceServiceStub(self._channel.get())

    async def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        tensor = np.array([[t.encode("utf-8")] for t in texts], dtype=np.object_)
        request = oip.ModelInferRequest(model_name=MODEL)
        request.inputs.add(name=INPUT, datatype="BYTES", shape=[len(texts), 1])
        request.outputs.add(name=OUTPUT)
        # A 0-d object array holding the length-prefixed bytes (`.tobytes()` would give a pointer).
        request.raw_input_contents.append(serialize_byte_tensor(tensor).item())
        try:
            response = await self._stub().ModelInfer(request, timeout=self._timeout_s)
        except grpc.aio.AioRpcError as exc:
            raise _unavailable(exc.code().name, exc.details() or "") from exc
        if not response.raw_output_contents:
            raise _unavailable("NO_OUTPUT", "the gateway answered without an output")
        rows = np.frombuffer(response.raw_output_contents[0], dtype="<f4")
        if rows.size != len(texts) * EMBEDDING_SIZE:
            raise _unavailable("BAD_OUTPUT", f"{rows.size} values for {len(texts)} texts")
        return rows.reshape(len(texts), EMBEDDING_SIZE).astype(np.float32)

    async def aclose(self) -> None:
        await self._channel.aclose()
        await self._tokens.aclose()


def _unavailable(status: str, details: str) -> Unavailable:
    log.warning("text embedder call failed", model=MODEL, status=status, details=details[:200])
    return Unavailable(
        "EMBEDDER_UNAVAILABLE",
        f"the text embedder {MODEL} is not available yet; retry",
        domain=DOMAIN,
        metadata={"model": MODEL, "gateway_status": status},
        retry_after_s=RETRY_AFTER_S,
    )


def gateway_embedder(
    settings: Settings,
    tokens: ServiceTokens,
    *,
    target: str | Callable[[], str] | None = None,
    timeout_s: float = CALL_TIMEOUT_S,
) -> Embedder:
    """An Embedder calling `text-embedder` on `target`, else settings.inference_target.

    A server that serves inference itself learns its own port only once bound:
    pass `target` as a callable then (as document's attach does). The returned
    object also has `aclose()` for the runtime's shutdown.
    """
    chosen = target if target is not None else settings.inference_target
    if chosen is None:
        raise ValueError("the text embedder needs a target: settings.inference_target or `target`")
    return GatewayEmbedder(
        chosen,
        ca_file=settings.inference_target_ca_file,
        client_cert=settings.outbound_certificate(),
        tokens=tokens,
        timeout_s=timeout_s,
    )
