"""Writing one object through a provider account's adapter, with the stream checked as it passes.

The data go from the caller's stream to the adapter's `write_object` (one
request for a small object, a multipart or block upload for a large one; at
most one part held in memory), through a generator that counts the bytes and
their SHA-256. The generator refuses, by raising from inside the adapter's
read, a stream larger than the broker's limit or than the size the header
declared (as it arrives), and at its end one whose size or SHA-256 differs
from what the header declared: the adapter then never completes the upload
(S3's multipart upload is aborted, Azure's staged blocks are never committed,
GCS's resumable session is cancelled), so nothing is left at the key.

The account must be the caller's organisation's (Accounts.get: another
organisation's account is indistinguishable from none) and its provider
must declare OBJECT_STORAGE. The credentials reach only the adapter.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.cloud.accounts.domain import Accounts
from jipan.servers.cloud.adapters.base import DEFAULT_CONTENT_TYPE, Capability
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.cloud.storage.types import ObjectTarget, StoredWrite
from jipan.servers.runtime.errors import DataLoss, InvalidArgument

log = structlog.get_logger(__name__)

MAX_KEY_BYTES = 1024
# A stream of undeclared size is read this far before the adapter is chosen a path: an object
# that ends within it is sent in one request, a longer one as a multipart (block) upload.
SMALL_OBJECT_BYTES = 4 * 1024 * 1024
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_CONTENT_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+( *;[ -~]*)?$")
_HASH_OFF_LOOP = 1024 * 1024


def _field_invalid(field: str, problem: str) -> InvalidArgument:
    return InvalidArgument("FIELD_INVALID", f"{field} {problem}", metadata={"field": field})


def too_large(limit: int, what: str) -> InvalidArgument:
    return InvalidArgument(
        "OBJECT_TOO_LARGE",
        f"the object is larger than {what} ({limit} bytes); nothing was written",
        domain=DOMAIN,
        metadata={"limit": str(limit), "what": what},
    )


def checksum_mismatch(key: str, problem: str) -> DataLoss:
    return DataLoss(
        "CHECKSUM_MISMATCH",
        f"object {key[:200]!r}: {problem}; nothing was written",
        domain=DOMAIN,
        metadata={"key": key[:500], "problem": problem},
    )


def check_target(target: ObjectTarget, max_bytes: int) -> ObjectTarget:
    if not target.account:
        raise _field_invalid("header.account", "is required")
    if _BUCKET.match(target.bucket) is None:
        raise _field_invalid("header.bucket", "must be a bucket or container name: 3-63 of [a-z0-9.-]")
    key_bytes = target.key.encode("utf-8", "replace")
    if not target.key or len(key_bytes) > MAX_KEY_BYTES:
        raise _field_invalid("header.key", f"must be 1-{MAX_KEY_BYTES} bytes of UTF-8")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in target.key) or target.key.startswith("/"):
        raise _field_invalid("header.key", "must not hold control characters or start with '/'")
    if target.content_type and _CONTENT_TYPE.match(target.content_type) is None:
        raise _field_invalid("header.content_type", "must be a media type such as text/csv")
    if target.sha256 and len(target.sha256) != 32:
        raise _field_invalid("header.sha256", "must be 32 bytes (a SHA-256) or empty")
    if target.size < 0:
        raise _field_invalid("header.size", "must not be negative")
    if target.size > max_bytes:
        raise too_large(max_bytes, "the broker's limit")
    return target


class _CheckedStream:
    """The caller's chunks, counted and hashed; refuses what the header or the limit rule out."""

    def __init__(self, chunks: AsyncIterator[bytes], target: ObjectTarget, max_bytes: int) -> None:
        self._chunks = chunks
        self._target = target
        self._limit, self._limit_what = (
            (target.size, "the size its header declared")
            if target.size
            else (max_bytes, "the broker's limit")
        )
        self._hasher = hashlib.sha256()
        self.size = 0
        self.sha256 = b""

    async def __aiter__(self) -> AsyncGenerator[bytes]:
        async for chunk in self._chunks:
            if not chunk:
                continue
            self.size += len(chunk)
            if self.size > self._limit:  # refused while it arrives, not once it is all held
                raise too_large(self._limit, self._limit_what)
            if len(chunk) >= _HASH_OFF_LOOP:
                await asyncio.to_thread(self._hasher.update, chunk)
            else:
                self._hasher.update(chunk)
            yield chunk
        self.sha256 = self._hasher.digest()
        target = self._target
        if target.size and self.size != target.size:
            raise checksum_mismatch(target.key, f"{self.size} bytes received, {target.size} declared")
        if target.sha256 and self.sha256 != target.sha256:
            raise checksum_mismatch(
                target.key, "the SHA-256 of the data received differs from the declared one"
            )


async def _sized(
    stream: AsyncIterator[bytes], declared: int, unknown: int
) -> tuple[int, AsyncIterator[bytes]]:
    """The size to tell the adapter (which picks one request or a multipart upload by it) and the
    stream: the declared size, or — read ahead up to SMALL_OBJECT_BYTES — the size of a small
    object, or `unknown` (past every adapter's part size) for a larger one."""
    if declared:
        return declared, stream
    head: list[bytes] = []
    held = 0
    iterator = aiter(stream)
    async for chunk in iterator:
        head.append(chunk)
        held += len(chunk)
        if held > SMALL_OBJECT_BYTES:
            break
    else:
        return held, _replay(head, None)
    return unknown, _replay(head, iterator)


async def _replay(head: list[bytes], rest: AsyncIterator[bytes] | None) -> AsyncGenerator[bytes]:
    for chunk in head:
        yield chunk
    head.clear()
    if rest is not None:
        async for chunk in rest:
            yield chunk


class ObjectWrites:
    def __init__(self, accounts: Accounts, *, max_bytes: int) -> None:
        self.accounts = accounts
        self.max_bytes = max_bytes

    async def write(
        self,
        principal: Principal,
        target: ObjectTarget,
        chunks: AsyncIterator[bytes],
        *,
        ready: Callable[[], Awaitable[None]] | None = None,
    ) -> StoredWrite:
        """Write the object; `ready` is awaited once the target is accepted, before any data are
        read (the servicer tells the client it may send them)."""
        check_target(target, self.max_bytes)
        account = await self.accounts.capable(
            principal, target.account, "header.account", Capability.OBJECT_STORAGE
        )
        _, adapter = await self.accounts.connect(principal, target.account, "header.account")
        try:
            if ready is not None:
                await ready()
            checked = _CheckedStream(chunks, target, self.max_bytes)
            size, stream = await _sized(aiter(checked), target.size, self.max_bytes + 1)
            written = await adapter.write_object(
                target.bucket,
                target.key,
                size,
                stream,
                content_type=target.content_type or DEFAULT_CONTENT_TYPE,
            )
        finally:
            await adapter.aclose()
        if written.size != checked.size:  # the adapter wrote what it read: never, unless it is wrong
            raise checksum_mismatch(target.key, "the provider was sent another size than was received")
        log.info(
            "object written",
            account=target.account,
            bucket=target.bucket,
            bytes=checked.size,
            provider=account.provider,
        )
        return StoredWrite(size=checked.size, sha256=checked.sha256, provider_digest=written.expected_digest)
