"""gRPC-Web through the gateway (binary and base64 text): unary and server-streaming, trailers frame."""

from __future__ import annotations

import base64
import struct

from google.rpc import error_details_pb2, status_pb2

from jipan.ledger.v1 import ledger_service_pb2 as ledger_pb
from jipan.system.v1 import system_service_pb2 as sys_pb
from tests.gateway.conftest import Gateway
from tests.gateway.connect import envelope

WHOAMI = "/jipan.system.v1.SystemService/GetWhoAmI"
WATCH = "/jipan.ledger.v1.LedgerService/WatchAnchors"


def frames(body: bytes) -> tuple[list[bytes], dict[str, str]]:
    """The messages and the trailers of a gRPC-Web response body (the trailers frame last)."""
    messages: list[bytes] = []
    offset = 0
    while offset < len(body):
        flags, length = struct.unpack_from(">BI", body, offset)
        payload = body[offset + 5 : offset + 5 + length]
        offset += 5 + length
        if flags & 0x80:
            assert offset == len(body), "bytes after the trailers frame"
            lines = payload.decode().split("\r\n")
            return messages, dict(line.split(": ", 1) for line in lines if line)
        messages.append(payload)
    raise AssertionError("no trailers frame")


async def test_unary_in_grpc_web(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data=envelope(sys_pb.GetWhoAmIRequest().SerializeToString()),
        headers={
            **gateway.bearer(subject="people/web"),
            "Content-Type": "application/grpc-web+proto",
            "X-Grpc-Web": "1",
        },
    ) as response:
        assert response.status == 200
        assert response.content_type == "application/grpc-web+proto"
        messages, trailers = frames(await response.read())
    assert trailers["grpc-status"] == "0"
    (only,) = messages
    assert sys_pb.GetWhoAmIResponse.FromString(only).principal.subject == "people/web"


async def test_refusal_in_grpc_web_trailers_with_status_details(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data=envelope(b""),
        headers={"Content-Type": "application/grpc-web+proto"},  # no token
    ) as response:
        assert response.status == 200
        messages, trailers = frames(await response.read())
    assert messages == []
    assert trailers["grpc-status"] == "16"  # UNAUTHENTICATED
    raw = trailers["grpc-status-details-bin"]
    status = status_pb2.Status.FromString(base64.b64decode(raw + "=" * (-len(raw) % 4)))
    info = error_details_pb2.ErrorInfo()
    assert status.details[0].Unpack(info)
    assert info.reason == "TOKEN_MISSING"


async def test_server_stream_in_grpc_web_text_ends_with_its_deadline(gateway: Gateway) -> None:
    body = base64.b64encode(envelope(ledger_pb.WatchAnchorsRequest().SerializeToString()))
    async with gateway.http.post(
        gateway.url + WATCH,
        data=body,
        headers={
            **gateway.bearer(scopes=("ledger.read",)),
            "Content-Type": "application/grpc-web-text",
            "Grpc-Timeout": "400m",
        },
    ) as response:
        assert response.status == 200
        assert response.content_type == "application/grpc-web-text+proto"
        text = await response.read()
    # Each frame is base64 on its own (padding may sit between them).
    decoded = b"".join(base64.b64decode(chunk + b"=" * (-len(chunk) % 4)) for chunk in _segments(text))
    messages, trailers = frames(decoded)
    assert ledger_pb.WatchAnchorsResponse.FromString(messages[0]) == ledger_pb.WatchAnchorsResponse()
    assert trailers["grpc-status"] == "4"  # DEADLINE_EXCEEDED


def _segments(text: bytes) -> list[bytes]:
    """Split base64 text at its padding (each frame was encoded on its own)."""
    segments, current = [], b""
    for index in range(0, len(text), 4):
        quad = text[index : index + 4]
        current += quad
        if quad.endswith(b"="):
            segments.append(current)
            current = b""
    if current:
        segments.append(current)
    return segments


async def test_gateway_refusal_in_grpc_web_is_a_trailers_frame(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data=envelope(b"")[:-2],  # a torn envelope prefix
        headers={**gateway.bearer(), "Content-Type": "application/grpc-web+proto"},
    ) as response:
        assert response.status == 200
        messages, trailers = frames(await response.read())
    assert messages == []
    assert trailers["grpc-status"] == "3"  # INVALID_ARGUMENT
    raw = trailers["grpc-status-details-bin"]
    status = status_pb2.Status.FromString(base64.b64decode(raw + "=" * (-len(raw) % 4)))
    info = error_details_pb2.ErrorInfo()
    assert status.details[0].Unpack(info)
    assert info.reason == "REQUEST_MALFORMED"


async def test_a_grpc_timeout_of_non_ascii_digits_is_invalid_argument(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data=envelope(sys_pb.GetWhoAmIRequest().SerializeToString()),
        headers={**gateway.bearer(), "Content-Type": "application/grpc-web+proto", "Grpc-Timeout": "²S"},
    ) as response:
        assert response.status == 200
        messages, trailers = frames(await response.read())
    assert messages == []
    assert trailers["grpc-status"] == "3"  # INVALID_ARGUMENT
