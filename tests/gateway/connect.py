"""A minimal Connect streaming reader for the tests: envelopes off an aiohttp response."""

from __future__ import annotations

import json
import struct
from typing import Any

import aiohttp

END_STREAM = 0b10


def envelope(payload: bytes, flags: int = 0) -> bytes:
    return struct.pack(">BI", flags, len(payload)) + payload


async def next_frame(response: aiohttp.ClientResponse) -> tuple[int, bytes]:
    """(flags, payload) of the next envelope."""
    flags, length = struct.unpack(">BI", await response.content.readexactly(5))
    return flags, await response.content.readexactly(length)


async def read_all(response: aiohttp.ClientResponse) -> tuple[list[bytes], dict[str, Any]]:
    """Every message and the end-of-stream JSON; fails if the stream ends without one."""
    messages: list[bytes] = []
    while True:
        flags, payload = await next_frame(response)
        if flags & END_STREAM:
            end: dict[str, Any] = json.loads(payload)
            assert await response.content.read() == b"", "bytes after the end-of-stream message"
            return messages, end
        messages.append(payload)
