"""Model versions and evaluation sets encrypted at rest: envelope encryption, streamed.

Each sealed object has its own random 256-bit data key. The data key is
wrapped by a key-encryption key (KEK) that never leaves its home: a key file
in embedded mode (`FileKek`), AWS KMS in production (`KmsKek`); both are in
servers/runtime/key_wrapping.py, shared with the privacy service. The wrapped key
is bound to a *context* (which model version, which purpose), so a wrapped key
copied onto another object does not open there. The object store only ever
sees the sealed bytes.

Why a local data key that KMS `Encrypt`s, rather than KMS `GenerateDataKey`:
both cost one KMS round trip per sealed object and the kernel CSPRNG is as good
a source of 32 random bytes as KMS; generating locally keeps one `KeyWrapper`
protocol (wrap/unwrap) for both KEKs, so the streaming code and its tests
never need KMS. (Encrypt's 4 KiB plaintext limit is far above 32 bytes.)

Rotating the KEK: KMS's automatic rotation keeps the old key material, so
sealed objects stay readable with nothing to do. Replacing the KEK itself
(another KMS key, a new key file) means re-sealing each object, decrypt_stream
into encrypt_stream: the header, wrapped key included, is associated data of
every segment, so a wrapped key cannot be swapped alone.

Sealed format (all integers big-endian)::

    header   = b"JIPANSEAL1" | version (1 byte, 1)
             | wrapped key length (2) | wrapped key
             | key id length (2) | key id (UTF-8)
             | nonce prefix (7 random bytes) | segment size (4)
    segments = AES-256-GCM(data key, nonce, segment plaintext, aad=header) ...

Segments follow the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár,
"Online authenticated-encryption and its nonce-reuse misuse-resistance",
CRYPTO 2015): nonce = prefix (7) | segment counter (4) | last flag (1). The
counter stops reordering and dropping, the last flag stops truncation at a
segment boundary and extension; the header as associated data of every
segment authenticates the header. Every segment holds exactly `segment size`
plaintext bytes except the last, which holds 0 to `segment size` bytes and is
always present (an empty input seals to the header and one 16-byte tag).

Decryption is streamed too, so its caller sees each segment's plaintext once
that segment is authenticated: on tampering `decrypt_stream` raises
DataLoss(MODEL_TAMPERED) *after* having yielded the segments before the damage.
A caller that must not act on a partial object (loading a model, registering
a digest) collects the whole stream, or writes it to a temporary file, and
acts only once the iteration has ended without error (`decrypt_all` does the
former).
"""

from __future__ import annotations

import asyncio
import os
import struct
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any, Final, TypeVar

import structlog
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jipan.servers.inference.names import DOMAIN
from jipan.servers.runtime import key_wrapping
from jipan.servers.runtime.errors import DataLoss
from jipan.servers.runtime.key_wrapping import KEK_BYTES as KEK_BYTES  # re-exported: named here before
from jipan.servers.runtime.key_wrapping import TAG_BYTES, KeyErrors, canonical_context
from jipan.servers.runtime.key_wrapping import KeyWrapper as KeyWrapper  # re-exported: named here before
from jipan.servers.runtime.settings import Settings

log = structlog.get_logger(__name__)

MAGIC: Final = b"JIPANSEAL1"
FORMAT_VERSION: Final = 1
DATA_KEY_BYTES: Final = 32
NONCE_PREFIX_BYTES: Final = 7
DEFAULT_SEGMENT_SIZE: Final = 1 << 20
MIN_SEGMENT_SIZE: Final = 1 << 10
MAX_SEGMENT_SIZE: Final = 64 << 20
"""Bounds a header's segment size before it is authenticated: a forged header
must not make the reader buffer gigabytes looking for the first segment."""
MAX_WRAPPED_KEY_BYTES: Final = 4096
MAX_KEY_ID_BYTES: Final = 2048
_MAX_SEGMENTS: Final = 1 << 32
_THREAD_MIN_BYTES: Final = 64 << 10
"""Smaller segments always stay on the event loop: a thread hop would cost more than the cipher."""


def default_workers(segment_size: int = DEFAULT_SEGMENT_SIZE) -> int:
    """How many segments to seal or open at once in worker threads; 0 keeps them on the loop.

    Threads pay off only with cores to spare: on a 2-core host (measured)
    the thread hops cost more than the overlap gains, and the loop is held
    for about half a millisecond per 1 MiB segment at a time, which other
    requests tolerate. With 4 or more cores, up to 4 segments run beside the
    reads, leaving a core to the loop.
    """
    cores = os.cpu_count() or 1
    if segment_size < _THREAD_MIN_BYTES or cores < 4:
        return 0
    return min(4, cores - 1)


_FIXED_HEAD = struct.Struct(">10sBH")  # magic, version, wrapped key length
_KEY_ID_LEN = struct.Struct(">H")
_TAIL = struct.Struct(">7sI")  # nonce prefix, segment size
_NONCE = struct.Struct(">7sIB")  # prefix, counter, last flag


def _tampered(problem: str, **metadata: str) -> DataLoss:
    return DataLoss(
        "MODEL_TAMPERED",
        f"sealed object is damaged or was altered: {problem}",
        domain=DOMAIN,
        metadata=metadata,
    )


# -- key wrappers ---------------------------------------------------------------------------------
# The KEKs live in servers/runtime/key_wrapping.py (privacy wraps its pseudonym
# keys with the same KEK); these bind them to inference's error domain, so the
# names below keep their meaning for inference and its tests.

MODEL_KEY_ERRORS: Final = KeyErrors(domain=DOMAIN, tampered_reason="MODEL_TAMPERED")


class FileKek(key_wrapping.FileKek):
    """The embedded KEK (see key_wrapping.FileKek) reporting in inference's domain."""

    def __init__(self, kek: bytes, errors: KeyErrors = MODEL_KEY_ERRORS) -> None:
        super().__init__(kek, errors)

    @classmethod
    def load_or_create(cls, path: Path, errors: KeyErrors = MODEL_KEY_ERRORS) -> FileKek:
        kek = super().load_or_create(path, errors)
        assert isinstance(kek, FileKek)
        return kek


class KmsKek(key_wrapping.KmsKek):
    """The KMS KEK (see key_wrapping.KmsKek) reporting in inference's domain."""

    def __init__(self, key_id: str, *, errors: KeyErrors = MODEL_KEY_ERRORS, **options: Any) -> None:
        super().__init__(key_id, errors=errors, **options)


def open_key_wrapper(settings: Settings) -> KeyWrapper:
    """The model KEK (key_wrapping.open_key_wrapper) reporting in inference's domain."""
    return key_wrapping.open_key_wrapper(settings, MODEL_KEY_ERRORS, file_kek=FileKek, kms_kek=KmsKek)


# -- streaming AEAD -------------------------------------------------------------------------------


def _header(wrapped: bytes, key_id: str, prefix: bytes, segment_size: int) -> bytes:
    key_id_bytes = key_id.encode()
    if len(wrapped) > MAX_WRAPPED_KEY_BYTES or len(key_id_bytes) > MAX_KEY_ID_BYTES:
        raise ValueError("wrapped key or key id too long for the sealed header")
    return b"".join(
        (
            _FIXED_HEAD.pack(MAGIC, FORMAT_VERSION, len(wrapped)),
            wrapped,
            _KEY_ID_LEN.pack(len(key_id_bytes)),
            key_id_bytes,
            _TAIL.pack(prefix, segment_size),
        )
    )


async def _segments(
    held: bytes, source: AsyncIterator[bytes], size: int
) -> AsyncIterator[tuple[bytes | memoryview, bool]]:
    """Cut `held` then `source` into `size`-byte pieces, flagging the last.

    Every piece but the last is exactly `size` bytes; the last holds 0 to
    `size` and always comes, since only the end of the input says which piece
    is the last. A piece inside one input chunk is a view of it (no copy);
    only pieces that straddle chunks are joined.
    """
    pieces: deque[bytes | memoryview] = deque()
    total = 0
    chunk: bytes | None = held
    while chunk is not None:
        if chunk:
            pieces.append(chunk)
            total += len(chunk)
        while total > size:
            first = pieces[0]
            if len(first) >= size:
                view = memoryview(first)
                piece: bytes | memoryview = view[:size]
                if len(first) == size:
                    pieces.popleft()
                else:
                    pieces[0] = view[size:]
            else:
                parts = []
                need = size
                while need:
                    part = pieces[0]
                    if len(part) <= need:
                        parts.append(pieces.popleft())
                        need -= len(part)
                    else:
                        view = memoryview(part)
                        parts.append(view[:need])
                        pieces[0] = view[need:]
                        need = 0
                piece = b"".join(parts)
            total -= size
            yield piece, False
        chunk = await anext(source, None)
    yield b"".join(pieces), True


_R = TypeVar("_R")


def _discard(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


async def _run_ahead(
    op: Callable[[bytes, bytes | memoryview, bytes], _R],
    jobs: AsyncIterator[tuple[bytes, bytes | memoryview]],
    aad: bytes,
    *,
    workers: int,
) -> AsyncIterator[_R]:
    """`op(nonce, data, aad)` for each job, results in job order.

    With workers, segments are sealed or opened in worker threads (AES-GCM
    in `cryptography` releases the GIL), up to `workers` of them running
    while the next job's input is read: the cipher overlaps the object
    store's reads, uses spare cores, and leaves the event loop free.
    """
    if workers <= 0:
        async for nonce, data in jobs:
            yield op(nonce, data, aad)
        return
    loop = asyncio.get_running_loop()
    ahead: deque[asyncio.Future[_R]] = deque()
    try:
        async for nonce, data in jobs:
            ahead.append(loop.run_in_executor(None, op, nonce, data, aad))
            if len(ahead) > workers:
                yield await ahead.popleft()
        while ahead:
            yield await ahead.popleft()
    finally:
        for future in ahead:
            # Abandoned early (an error, the caller stopped): let the threads
            # finish and drop their results without "never retrieved" warnings.
            future.add_done_callback(_discard)


async def encrypt_stream(
    chunks: AsyncIterator[bytes],
    wrapper: KeyWrapper,
    context: Mapping[str, str],
    *,
    segment_size: int = DEFAULT_SEGMENT_SIZE,
    workers: int | None = None,
) -> AsyncGenerator[bytes, None]:
    """Seal `chunks` under a fresh data key wrapped by `wrapper` for `context`.

    Yields the header, then one ciphertext segment at a time (segment size +
    16 bytes each, the last shorter), whatever the sizes of the input chunks;
    a few segments of plaintext are held at once. The chunks must not change
    after they are yielded (segments are views of them until sealed). Call
    `aclose()` when stopping early. `workers`: segments sealed at once in
    worker threads, 0 for none; None picks `default_workers(segment_size)`.
    """
    if not MIN_SEGMENT_SIZE <= segment_size <= MAX_SEGMENT_SIZE:
        raise ValueError(f"segment_size must be in [{MIN_SEGMENT_SIZE}, {MAX_SEGMENT_SIZE}]")
    canonical_context(context)
    data_key = AESGCM.generate_key(bit_length=256)
    wrapped = await wrapper.wrap(data_key, context)
    prefix = os.urandom(NONCE_PREFIX_BYTES)
    header = _header(wrapped, wrapper.key_id, prefix, segment_size)
    seal = AESGCM(data_key).encrypt
    del data_key
    nonce = _NONCE.pack
    yield header

    async def jobs() -> AsyncIterator[tuple[bytes, bytes | memoryview]]:
        counter = 0
        async for piece, last in _segments(b"", chunks, segment_size):
            if counter >= _MAX_SEGMENTS:
                raise ValueError("too many segments for one sealed object")
            yield nonce(prefix, counter, last), piece
            counter += 1

    if workers is None:
        workers = default_workers(segment_size)
    async for sealed in _run_ahead(seal, jobs(), header, workers=workers):
        yield sealed


async def decrypt_stream(
    chunks: AsyncIterator[bytes],
    wrapper: KeyWrapper,
    context: Mapping[str, str],
    *,
    workers: int | None = None,
) -> AsyncGenerator[bytes, None]:
    """Open what `encrypt_stream` sealed, one authenticated segment at a time.

    Raises DataLoss(MODEL_TAMPERED) for a damaged header, a segment altered,
    dropped, reordered or appended, a truncated object, another KEK or
    another context; possibly after yielding the segments before the damage
    (see the module docstring). Unavailable(KEY_UNAVAILABLE) when the KEK
    cannot be reached. Call `aclose()` when stopping early. `workers` as
    for `encrypt_stream`, for the object's segment size when None.
    """
    canonical_context(context)
    source = aiter(chunks)
    pending = bytearray()

    async def fill(size: int) -> None:
        while len(pending) < size:
            chunk = await anext(source, None)
            if chunk is None:
                raise _tampered("sealed header is truncated")
            pending.extend(chunk)

    await fill(_FIXED_HEAD.size)
    magic, version, wrapped_len = _FIXED_HEAD.unpack_from(pending)
    if magic != MAGIC:
        raise _tampered("not a sealed object (bad magic)")
    if version != FORMAT_VERSION:
        raise _tampered("unknown sealed format version", version=str(version))
    if wrapped_len > MAX_WRAPPED_KEY_BYTES:
        raise _tampered("wrapped key length out of range")
    at = _FIXED_HEAD.size + wrapped_len
    await fill(at + _KEY_ID_LEN.size)
    wrapped = bytes(pending[_FIXED_HEAD.size : at])
    (key_id_len,) = _KEY_ID_LEN.unpack_from(pending, at)
    if key_id_len > MAX_KEY_ID_BYTES:
        raise _tampered("key id length out of range")
    at += _KEY_ID_LEN.size
    await fill(at + key_id_len + _TAIL.size)
    try:
        key_id = pending[at : at + key_id_len].decode()
    except UnicodeDecodeError:
        raise _tampered("key id is not UTF-8") from None
    at += key_id_len
    prefix, segment_size = _TAIL.unpack_from(pending, at)
    if not MIN_SEGMENT_SIZE <= segment_size <= MAX_SEGMENT_SIZE:
        raise _tampered("segment size out of range")
    at += _TAIL.size
    header = bytes(pending[:at])
    rest = bytes(pending[at:])

    if key_id != wrapper.key_id:
        # Not refused here: KMS accepts several names for one key. If the
        # names differ because the keys do, unwrap fails below, and this log
        # line tells the operator which KEK the object needs.
        log.info("sealed object names another key id", sealed_key_id=key_id, key_id=wrapper.key_id)
    data_key = await wrapper.unwrap(wrapped, context)
    if len(data_key) != DATA_KEY_BYTES:
        raise _tampered("data key has the wrong length", key_id=key_id)
    open_ = AESGCM(data_key).decrypt
    del data_key
    nonce = _NONCE.pack

    def open_or_none(nonce: bytes, piece: bytes | memoryview, aad: bytes) -> bytes | None:
        # None rather than InvalidTag: no exception crosses the worker thread.
        try:
            return open_(nonce, piece, aad)
        except InvalidTag:
            return None

    async def jobs() -> AsyncIterator[tuple[bytes, bytes | memoryview]]:
        counter = 0
        async for piece, last in _segments(rest, source, segment_size + TAG_BYTES):
            if counter >= _MAX_SEGMENTS:
                raise _tampered("too many segments", key_id=key_id)
            if len(piece) < TAG_BYTES:
                raise _tampered("sealed object is truncated", segment=str(counter), key_id=key_id)
            yield nonce(prefix, counter, last), piece
            counter += 1

    opened = 0
    if workers is None:
        workers = default_workers(segment_size)
    async for plain in _run_ahead(open_or_none, jobs(), header, workers=workers):
        if plain is None:
            raise _tampered("segment fails authentication", segment=str(opened), key_id=key_id)
        yield plain
        opened += 1


async def decrypt_all(
    chunks: AsyncIterator[bytes],
    wrapper: KeyWrapper,
    context: Mapping[str, str],
    *,
    workers: int | None = None,
) -> bytes:
    """The whole plaintext, or DataLoss(MODEL_TAMPERED) and nothing.

    Holds the plaintext twice for a moment (the segments, then their join):
    for evaluation sets and small models. A large model goes from
    `decrypt_stream` to a file or the runtime's loader, used only once the
    stream has ended without error.
    """
    return b"".join([part async for part in decrypt_stream(chunks, wrapper, context, workers=workers)])
