"""The wire between the Jipan process and its tritonserver host child.

One frame is a fixed 8-byte prefix (header length, payload length, both
big-endian uint32), a JSON header and raw payload bytes. JSON and bytes only:
never pickle, so a confused or compromised child cannot run code in the
parent by answering. The payload carries model bytes, which therefore stay in
memory on both sides.
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
from typing import Any

from jipan.servers.inference.serving.backend import Deployable, ModelFormat, TensorSpec

_PREFIX = struct.Struct(">II")
MAX_HEADER = 1 << 20
MAX_PAYLOAD = 1 << 31

Header = dict[str, Any]


class FrameError(Exception):
    """The other side sent something that is not a frame, or hung up."""


def encode(header: Header, payload: bytes = b"") -> bytes:
    raw = json.dumps(header, separators=(",", ":")).encode()
    if len(raw) > MAX_HEADER or len(payload) > MAX_PAYLOAD:
        raise FrameError("frame too large")
    return _PREFIX.pack(len(raw), len(payload)) + raw + payload


def _decode_header(raw: bytes) -> Header:
    try:
        header = json.loads(raw)
    except ValueError as error:
        raise FrameError("frame header is not JSON") from error
    if not isinstance(header, dict):
        raise FrameError("frame header is not a JSON object")
    return header


def _check_lengths(prefix: bytes) -> tuple[int, int]:
    header_len, payload_len = _PREFIX.unpack(prefix)
    if header_len > MAX_HEADER or payload_len > MAX_PAYLOAD:
        raise FrameError("frame too large")
    return header_len, payload_len


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    view = bytearray(size)
    got = 0
    while got < size:
        count = sock.recv_into(memoryview(view)[got:], size - got)
        if count == 0:
            raise FrameError("connection closed")
        got += count
    return bytes(view)


def read_frame(sock: socket.socket) -> tuple[Header, bytes]:
    """Blocking read (the child's command loop)."""
    header_len, payload_len = _check_lengths(_recv_exactly(sock, _PREFIX.size))
    header = _decode_header(_recv_exactly(sock, header_len))
    return header, _recv_exactly(sock, payload_len)


def write_frame(sock: socket.socket, header: Header, payload: bytes = b"") -> None:
    sock.sendall(encode(header, payload))


async def read_frame_async(reader: asyncio.StreamReader) -> tuple[Header, bytes]:
    """Asyncio read (the parent's side)."""
    try:
        header_len, payload_len = _check_lengths(await reader.readexactly(_PREFIX.size))
        header = _decode_header(await reader.readexactly(header_len))
        payload = await reader.readexactly(payload_len)
    except asyncio.IncompleteReadError as error:
        raise FrameError("connection closed") from error
    return header, payload


def deployable_header(deployable: Deployable) -> Header:
    """The Deployable without its payload (which travels as the frame's payload)."""
    return {
        "serving_name": deployable.serving_name,
        "format": deployable.format.value,
        "inputs": [[t.name, t.datatype, list(t.shape)] for t in deployable.inputs],
        "outputs": [[t.name, t.datatype, list(t.shape)] for t in deployable.outputs],
        "max_batch_size": deployable.max_batch_size,
        "builtin": deployable.builtin,
    }


def deployable_from_header(header: Header, payload: bytes) -> Deployable:
    def specs(key: str) -> tuple[TensorSpec, ...]:
        return tuple(TensorSpec(str(n), str(d), tuple(int(x) for x in s)) for n, d, s in header[key])

    return Deployable(
        serving_name=str(header["serving_name"]),
        format=ModelFormat(header["format"]),
        inputs=specs("inputs"),
        outputs=specs("outputs"),
        max_batch_size=int(header["max_batch_size"]),
        payload=payload,
        builtin=str(header.get("builtin", "")),
    )
