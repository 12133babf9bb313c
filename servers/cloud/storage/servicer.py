"""StorageService over gRPC: unpack the stream, call the domain, pack."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

import grpc

from jipan.cloud.v1 import storage_service_pb2 as spb
from jipan.cloud.v1 import storage_service_pb2_grpc as spb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.cloud.storage.domain import ObjectWrites
from jipan.servers.cloud.storage.types import ObjectTarget
from jipan.servers.runtime.errors import DomainError, InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]
# A refusal while the client still sends: what it sends next is read and dropped for up to this
# long (and this many bytes) before the status goes out. A client whose send is in flight when
# the call ends sees grpc's own INTERNAL ("Failed execute_batch") instead of the refusal.
DRAIN_S = 10.0
DRAIN_BYTES = 256 * 1024 * 1024


async def _drain(messages: AsyncIterator[spb.WriteObjectRequest]) -> None:
    dropped = 0
    with contextlib.suppress(Exception):
        async with asyncio.timeout(DRAIN_S):
            async for message in messages:
                dropped += message.ByteSize()
                if dropped > DRAIN_BYTES:
                    return


def _stream_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument("STREAM_INVALID", problem, domain=DOMAIN, metadata={"problem": problem})


async def _chunks(messages: AsyncIterator[spb.WriteObjectRequest]) -> AsyncGenerator[bytes]:
    async for message in messages:
        if message.WhichOneof("part") != "chunk":
            raise _stream_invalid("only the first message of the stream carries a header")
        yield message.chunk


class StorageServicer(spb_grpc.StorageServiceServicer):
    def __init__(self, writes: ObjectWrites) -> None:
        self._writes = writes

    async def WriteObject(
        self, request_iterator: AsyncIterator[spb.WriteObjectRequest], context: Context
    ) -> spb.WriteObjectResponse:
        messages = aiter(request_iterator)
        first = await anext(messages, None)
        if first is None or first.WhichOneof("part") != "header":
            raise _stream_invalid("the first message of the stream must carry the header")
        header = first.header

        async def ready() -> None:
            # The header is accepted and the account's adapter built: the client may wait for
            # these headers before it sends the data, so a refusal reaches it before the bytes go.
            await context.send_initial_metadata(())

        try:
            written = await self._writes.write(
                current_principal(),
                ObjectTarget(
                    account=header.account,
                    bucket=header.bucket,
                    key=header.key,
                    content_type=header.content_type,
                    sha256=bytes(header.sha256),
                    size=header.size,
                ),
                _chunks(messages),
                ready=ready,
            )
        except DomainError:
            await _drain(messages)
            raise
        return spb.WriteObjectResponse(
            size=written.size, sha256=written.sha256, provider_digest=written.provider_digest
        )
