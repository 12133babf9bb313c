"""gateway_embedder on the wire: Open Inference Protocol ModelInfer as a Triton server reads it.

A small GRPCInferenceService stands in for the gateway: it decodes the
request with Triton's own client-side codec (tritonclient.utils), runs the
real `text-embedder` runtime on the texts and answers raw float32 rows, so
the test fails if the request's tensor layout, datatype, shape or token is
not what the inference service expects. The gateway's own checks and routing
are tested with the inference service (tests/inference/).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc
import numpy as np
import pytest
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc
from tritonclient.utils import deserialize_bytes_tensor

from jipan.clients.service_tokens import ServiceTokens
from jipan.servers.factcheck.matching import ClaimMatcher, IndexedClaim, gateway_embedder
from jipan.servers.factcheck.matching.gateway import GatewayEmbedder
from jipan.servers.inference.builtin.text_embedder import text_embedder
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import Settings


class Gateway(oip_grpc.GRPCInferenceServiceServicer):  # type: ignore[misc]
    def __init__(self) -> None:
        self.requests: list[oip.ModelInferRequest] = []
        self.tokens: list[str] = []
        self.down = False

    async def ModelInfer(self, request: oip.ModelInferRequest, context: Any) -> oip.ModelInferResponse:
        self.requests.append(request)
        self.tokens.append(dict(context.invocation_metadata()).get("authorization", ""))
        if self.down:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "model text-embedder is not deployed yet")
        (tensor,) = request.inputs
        assert (request.model_name, tensor.name, tensor.datatype) == ("text-embedder", "TEXT", "BYTES")
        texts = deserialize_bytes_tensor(request.raw_input_contents[0]).reshape(list(tensor.shape))
        rows = text_embedder()({"TEXT": texts})["EMBEDDING"]
        response = oip.ModelInferResponse(model_name=request.model_name, model_version="1")
        response.outputs.add(name="EMBEDDING", datatype="FP32", shape=list(rows.shape))
        response.raw_output_contents.append(np.ascontiguousarray(rows, dtype="<f4").tobytes())
        return response


@pytest.fixture
async def gateway() -> AsyncIterator[tuple[Gateway, str]]:
    server = grpc.aio.server()
    servicer = Gateway()
    oip_grpc.add_GRPCInferenceServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    yield servicer, f"127.0.0.1:{port}"
    await server.stop(None)


async def _token() -> str:
    return "service-token-1"


async def test_gateway_embedder_sends_texts_as_triton_bytes_and_reads_unit_rows(
    gateway: tuple[Gateway, str],
) -> None:
    servicer, target = gateway
    embed = gateway_embedder(Settings(inference_target=target), ServiceTokens(_token))
    assert isinstance(embed, GatewayEmbedder)
    texts = ["颱風天捷運停駛的訊息是假的", "COVID-19 vaccines do not cause infertility", ""]
    rows = await embed(texts)
    assert rows.shape == (3, 512)
    assert rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows[:2], axis=1), 1.0, atol=1e-4)
    local = text_embedder()({"TEXT": np.array([[t.encode()] for t in texts], dtype=object)})["EMBEDDING"]
    assert np.allclose(rows, local, atol=1e-5)
    assert list(servicer.requests[0].inputs[0].shape) == [3, 1]
    assert servicer.tokens == ["Bearer service-token-1"]
    await embed.aclose()


async def test_matcher_over_the_gateway_matches_across_languages(gateway: tuple[Gateway, str]) -> None:
    _, target = gateway
    embed = gateway_embedder(Settings(), ServiceTokens(_token), target=lambda: target)
    matcher = ClaimMatcher(embed)
    await matcher.upsert(
        [
            IndexedClaim(
                "typhoon", "網傳颱風天在窗戶貼米字膠帶可防玻璃破裂？錯誤", "zh-TW", "orgs/tfc", True
            ),
            IndexedClaim("5g", "False: 5G towers do not spread the coronavirus", "en", "orgs/afp", True),
        ]
    )
    outcome = await matcher.match("Taping an X on windows protects the glass during a typhoon")
    assert outcome.candidates[0].id == "typhoon"
    assert not outcome.no_match


async def test_gateway_unavailable_is_a_retryable_domain_error(gateway: tuple[Gateway, str]) -> None:
    servicer, target = gateway
    servicer.down = True
    embed = gateway_embedder(Settings(inference_target=target), ServiceTokens(_token), timeout_s=5.0)
    with pytest.raises(Unavailable) as caught:
        await embed(["任何訊息"])
    assert caught.value.reason == "EMBEDDER_UNAVAILABLE"
    assert caught.value.metadata["gateway_status"] == "UNAVAILABLE"
    assert (await embed([])).shape == (0, 512)  # nothing to embed: no call


def test_gateway_embedder_needs_a_target() -> None:
    with pytest.raises(ValueError, match="target"):
        gateway_embedder(Settings(), ServiceTokens(_token))
