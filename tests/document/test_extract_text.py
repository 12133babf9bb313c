"""DocumentService.ExtractText end to end: system + ledger + inference (built-in OCR models on the
embedded Triton) + document on one server, every model call through the gateway with document's
service token.
"""

from __future__ import annotations

import asyncio
import math
import struct
import time
import zlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import numpy as np
import pytest
import pytest_asyncio
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from PIL import Image
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc

from jipan.clients.service_tokens import ServiceTokens
from jipan.document.v1 import document_service_pb2 as dpb
from jipan.document.v1 import document_service_pb2_grpc as dpb_grpc
from jipan.interceptors.client import static_token
from jipan.servers import document, inference, ledger, system
from jipan.servers.document.gateway import InferenceGateway
from jipan.servers.runtime.errors import Unavailable
from tests.conftest import fresh_database
from tests.document.rendered import TEN_LINES, character_error_rate, encoded, page
from tests.inference.helpers import expect_error
from tests.mesh import RunningServer, make_settings, running_server

pytestmark = pytest.mark.timeout(240)

OCR = ("document.ocr",)
MODELS = ("ocr-text-detection", "ocr-text-recognition")


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_document") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("document"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.05",
            JIPAN_INFERENCE_BUILTIN_MODELS="true",
        )
        modules = [system.SERVICE, ledger.SERVICE, inference.SERVICE, document.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


@pytest_asyncio.fixture(scope="module")
async def stub(server: RunningServer) -> AsyncIterator[dpb_grpc.DocumentServiceAsyncStub]:
    """A DocumentService stub, once both OCR models answer ModelReady on the gateway."""
    async with grpc.aio.insecure_channel(server.address) as channel:
        gateway = oip_grpc.GRPCInferenceServiceStub(channel)
        metadata = server.metadata(scopes=["inference.infer"])
        deadline = time.monotonic() + 150
        for model in MODELS:
            while not await _ready(gateway, model, metadata):
                assert time.monotonic() < deadline, f"{model} was not deployed"
                await asyncio.sleep(0.3)
        yield dpb_grpc.DocumentServiceStub(channel)


async def _ready(
    gateway: oip_grpc.GRPCInferenceServiceStub, model: str, metadata: tuple[tuple[str, str], ...]
) -> bool:
    """ModelReady, NOT_FOUND counting as not ready: the built-ins are registered in the background."""
    try:
        answer = await gateway.ModelReady(oip.ModelReadyRequest(name=model), metadata=metadata)
        return bool(answer.ready)
    except grpc.aio.AioRpcError as exc:
        if exc.code() != grpc.StatusCode.NOT_FOUND:
            raise
        return False


def _auth(server: RunningServer) -> tuple[tuple[str, str], ...]:
    return server.metadata(scopes=list(OCR))


async def _extract(
    server: RunningServer, stub: dpb_grpc.DocumentServiceAsyncStub, content: bytes, **fields: Any
) -> dpb.ExtractTextResponse:
    return await stub.ExtractText(dpb.ExtractTextRequest(content=content, **fields), metadata=_auth(server))


async def test_ten_lines_are_read_in_order_inside_the_page(
    server: RunningServer, stub: dpb_grpc.DocumentServiceAsyncStub
) -> None:
    image = page(TEN_LINES)
    response = await _extract(server, stub, encoded(image), languages=["en", "zh-TW"])
    assert len(response.pages) == 1
    result = response.pages[0]
    assert (result.width, result.height) == image.size
    texts = [line.text for line in result.lines]
    # Measured 1.9 % (two missing spaces) and 0 % ignoring spaces.
    assert character_error_rate(list(TEN_LINES), texts) <= 0.05, texts
    assert character_error_rate(list(TEN_LINES), texts, spaces=False) <= 0.02, texts
    assert [line.reading_order for line in result.lines] == list(range(len(TEN_LINES)))
    tops = [min(point.y for point in line.polygon) for line in result.lines]
    assert tops == sorted(tops)
    for line in result.lines:
        assert len(line.polygon) == 4
        assert all(0 <= p.x < image.width and 0 <= p.y < image.height for p in line.polygon)
        assert 0.5 <= line.confidence <= 1.0
    assert sorted(m.split("/versions/")[0] for m in response.models) == [
        "models/ocr-text-detection",
        "models/ocr-text-recognition",
    ]


@pytest.mark.parametrize("angle", [-10, 15])
async def test_a_skewed_page_is_read_in_order(
    server: RunningServer, stub: dpb_grpc.DocumentServiceAsyncStub, angle: int
) -> None:
    lines = TEN_LINES[:5]
    image = page(lines).rotate(angle, expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC)
    result = (await _extract(server, stub, encoded(image))).pages[0]
    texts = [line.text for line in result.lines]
    assert character_error_rate(list(lines), texts, spaces=False) <= 0.02, texts
    for line in result.lines:
        assert all(0 <= p.x < image.width and 0 <= p.y < image.height for p in line.polygon)
        slope = math.degrees(
            math.atan2(line.polygon[1].y - line.polygon[0].y, line.polygon[1].x - line.polygon[0].x)
        )
        assert abs(slope + angle) < 3  # the polygon follows the text (y grows downwards)


async def test_lines_sharing_a_row_read_left_to_right(
    server: RunningServer, stub: dpb_grpc.DocumentServiceAsyncStub
) -> None:
    image = page(("Contract", "Supplier Hsinchu"), size=32)
    # Move the second line up beside the first, lower by a few pixels (not the same baseline).
    right = image.crop((0, 32 + 57, 900, 32 + 57 + 45))
    image.paste("white", (0, 32 + 57, 900, 32 + 57 + 45))
    image.paste(right.crop((0, 0, 400, 45)), (480, 36))
    image = image.crop((0, 0, 900, 120))
    lines = (await _extract(server, stub, encoded(image))).pages[0].lines
    assert [line.text.replace(" ", "") for line in lines] == ["Contract", "SupplierHsinchu"]
    assert lines[0].polygon[0].x < lines[1].polygon[0].x


async def test_exif_orientation_is_applied_and_jpeg_read(
    server: RunningServer, stub: dpb_grpc.DocumentServiceAsyncStub
) -> None:
    upright = page(("Kaohsiung harbour",), size=36, width=500)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # as a camera held sideways stores it
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90 degrees clockwise
    content = encoded(stored, "JPEG", quality=92, exif=exif.tobytes())
    result = (await _extract(server, stub, content, mime_type="image/jpeg")).pages[0]
    assert (result.width, result.height) == upright.size
    # The detector may split the words into two boxes of one row: read left to right either way.
    assert "".join(line.text for line in result.lines).replace(" ", "") == "Kaohsiungharbour"


async def test_an_empty_page_has_no_lines(
    server: RunningServer, stub: dpb_grpc.DocumentServiceAsyncStub
) -> None:
    result = (await _extract(server, stub, encoded(Image.new("L", (64, 48), 255), "BMP"))).pages[0]
    assert (result.width, result.height, list(result.lines)) == (64, 48, [])


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims width x height RGB pixels and carries none (a decompression-bomb probe)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("fields", "code", "reason"),
    [
        ({"content": b"not an image at all"}, grpc.StatusCode.INVALID_ARGUMENT, "IMAGE_INVALID"),
        ({"content": _png_header(100_000, 100_000)}, grpc.StatusCode.INVALID_ARGUMENT, "IMAGE_TOO_LARGE"),
        ({"content": _png_header(8_000, 8_000)}, grpc.StatusCode.INVALID_ARGUMENT, "IMAGE_TOO_LARGE"),
        ({"content": _png_header(50, 50)}, grpc.StatusCode.INVALID_ARGUMENT, "IMAGE_INVALID"),
        ({"content": b""}, grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID"),
        (
            {"content": encoded(page(("x",))), "mime_type": "image/gif"},
            grpc.StatusCode.INVALID_ARGUMENT,
            "MIME_TYPE_UNSUPPORTED",
        ),
        (
            {"content": encoded(page(("x",))), "mime_type": "image/jpeg"},
            grpc.StatusCode.INVALID_ARGUMENT,
            "IMAGE_INVALID",
        ),
        (
            {"content": encoded(page(("x",))), "languages": ["ja"]},
            grpc.StatusCode.INVALID_ARGUMENT,
            "LANGUAGE_UNSUPPORTED",
        ),
    ],
)
async def test_bad_input_is_refused_with_its_reason(
    server: RunningServer,
    stub: dpb_grpc.DocumentServiceAsyncStub,
    fields: dict[str, Any],
    code: grpc.StatusCode,
    reason: str,
) -> None:
    details = await expect_error(
        stub.ExtractText(dpb.ExtractTextRequest(**fields), metadata=_auth(server)), code, reason
    )
    if reason == "IMAGE_TOO_LARGE":
        assert details.domain == "document.jipan.tw"
        assert details.metadata["limit_pixels"] == "50000000"


async def test_no_token_is_unauthenticated_and_a_missing_scope_permission_denied(
    server: RunningServer, stub: dpb_grpc.DocumentServiceAsyncStub
) -> None:
    request = dpb.ExtractTextRequest(content=encoded(page(("x",))))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.ExtractText(request)
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.ExtractText(request, metadata=server.metadata(scopes=["inference.infer"]))
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED


async def test_an_unreachable_gateway_is_ocr_unavailable_with_a_retry_delay() -> None:
    gateway = InferenceGateway("127.0.0.1:1", ca_file=None, token_source=ServiceTokens(static_token("t")))
    try:
        with pytest.raises(Unavailable) as caught:
            await gateway.infer("ocr-text-detection", np.zeros((1, 3, 32, 32), dtype=np.float32))
    finally:
        await gateway.aclose()
    assert caught.value.reason == "OCR_UNAVAILABLE"
    assert caught.value.retry_after_s is not None
    assert caught.value.metadata["gateway_status"] == "UNAVAILABLE"


async def test_ocr_unavailable_reaches_the_client_with_retry_info(database_url: str, tmp_path: Path) -> None:
    """A document server whose gateway answers nothing: UNAVAILABLE OCR_UNAVAILABLE with a RetryInfo."""
    async with fresh_database(database_url, "jipan_document_alone") as own:
        settings = make_settings(own, tmp_path, JIPAN_INFERENCE_TARGET="127.0.0.1:1")
        async with (
            running_server(settings, [system.SERVICE, document.SERVICE]) as alone,
            grpc.aio.insecure_channel(alone.address) as channel,
        ):
            call = dpb_grpc.DocumentServiceStub(channel).ExtractText(
                dpb.ExtractTextRequest(content=encoded(page(("x",)))), metadata=_auth(alone)
            )
            details = await expect_error(call, grpc.StatusCode.UNAVAILABLE, "OCR_UNAVAILABLE")
            assert details.domain == "document.jipan.tw"
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await call
            info = _retry_info(caught.value)
            assert info is not None
            assert info.retry_delay.seconds >= 1


def _retry_info(error: grpc.aio.AioRpcError) -> error_details_pb2.RetryInfo | None:
    status = rpc_status.from_call(error)
    for detail in status.details if status else ():
        info = error_details_pb2.RetryInfo()
        if detail.Unpack(info):
            return info
    return None
