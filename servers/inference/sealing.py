"""Model versions and evaluation sets encrypted at rest: envelope encryption, streamed.

Each sealed object has its own random 256-bit data key. The data key is
wrapped by a key-encryption key (KEK) that never leaves its home: a key file
in embedded mode (`FileKek`), AWS KMS in production (`KmsKek`). The wrapped key
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
import hashlib
import json
import os
import stat
import struct
import tempfile
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any, Final, Protocol, TypeVar

import aioboto3
import structlog
from aiobotocore.config import AioConfig
from botocore.exceptions import BotoCoreError, ClientError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jipan.servers.inference.names import DOMAIN
from jipan.servers.runtime.errors import DataLoss, Unavailable
from jipan.servers.runtime.settings import ConfigError, Settings

log = structlog.get_logger(__name__)

MAGIC: Final = b"JIPANSEAL1"
FORMAT_VERSION: Final = 1
DATA_KEY_BYTES: Final = 32
KEK_BYTES: Final = 32
TAG_BYTES: Final = 16
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
_FILE_WRAP_NONCE_BYTES: Final = 12
_FILE_WRAP_LABEL: Final = b"jipan.model-data-key.v1\x00"


def canonical_context(context: Mapping[str, str]) -> bytes:
    """The one byte spelling of a context: sorted keys, no spaces, UTF-8.

    Refuses an empty context: it would let a wrapped key move between objects.
    """
    if not context:
        raise ValueError("a sealing context must name what is sealed (it is empty)")
    for key, value in context.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError("sealing context keys and values must be strings")
    return json.dumps(dict(context), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _tampered(problem: str, **metadata: str) -> DataLoss:
    return DataLoss(
        "MODEL_TAMPERED",
        f"sealed object is damaged or was altered: {problem}",
        domain=DOMAIN,
        metadata=metadata,
    )


def _key_unavailable(key_id: str, error: str) -> Unavailable:
    return Unavailable(
        "KEY_UNAVAILABLE",
        "the key-encryption key for models cannot be used right now",
        domain=DOMAIN,
        metadata={"key_id": key_id, "error": error},
    )


# -- key wrappers ---------------------------------------------------------------------------------


class KeyWrapper(Protocol):
    """A key-encryption key: wraps and unwraps data keys, bound to a context.

    `unwrap` raises DataLoss(MODEL_TAMPERED) when the wrapped key does not
    open under this KEK and context (altered, another KEK, another context),
    and Unavailable(KEY_UNAVAILABLE) when the KEK cannot be reached or used.
    """

    key_id: str
    """Names the KEK; recorded in each sealed header so an operator can tell
    which KEK an object needs."""

    async def wrap(self, data_key: bytes, context: Mapping[str, str]) -> bytes: ...

    async def unwrap(self, wrapped: bytes, context: Mapping[str, str]) -> bytes: ...

    async def aclose(self) -> None: ...


class FileKek:
    """The embedded KEK: 32 random bytes in a file only its owner can read.

    A data key is wrapped with AES-256-GCM under the KEK, a random 96-bit
    nonce, and the canonical context as associated data. Wrapped form:
    nonce (12) | ciphertext and tag (48).
    """

    def __init__(self, kek: bytes) -> None:
        if len(kek) != KEK_BYTES:
            raise ValueError(f"a model KEK is {KEK_BYTES} bytes, not {len(kek)}")
        self._aead = AESGCM(kek)
        # A fingerprint, not the key: 64 bits of SHA-256 tell KEKs apart and
        # reveal nothing usable about a 256-bit key.
        self.key_id = "file:" + hashlib.sha256(kek).hexdigest()[:16]

    @classmethod
    def load_or_create(cls, path: Path) -> FileKek:
        """The KEK in `path`, made (mode 0600) when the file does not exist.

        Refuses (ConfigError) a file that group or others may access, or of
        the wrong size: a KEK that leaked or was truncated must stop the
        process rather than seal models with it.
        """
        try:
            return cls._load(path)
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(fd, "wb") as f:
                os.fchmod(f.fileno(), 0o600)
                f.write(os.urandom(KEK_BYTES))
                f.flush()
                os.fsync(f.fileno())
            try:
                # link() fails when the name exists: of two processes creating
                # the KEK at once, one wins and both then use its key.
                os.link(temp, path)
                created = True
            except FileExistsError:
                created = False
        finally:
            os.unlink(temp)
        if created:
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
            log.info("created model key-encryption key", path=str(path))
        return cls._load(path)

    @classmethod
    def _load(cls, path: Path) -> FileKek:
        try:
            f = open(path, "rb")  # noqa: SIM115 (closed below; FileNotFoundError goes to the caller)
        except IsADirectoryError:
            raise ConfigError(f"model KEK {path} is not a regular file") from None
        except PermissionError:
            raise ConfigError(f"model KEK {path} cannot be read by this process") from None
        with f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ConfigError(f"model KEK {path} is not a regular file")
            if info.st_mode & 0o077:
                raise ConfigError(
                    f"model KEK {path} is accessible to group or others (mode "
                    f"{stat.S_IMODE(info.st_mode):04o}); chmod 600 it, and consider it leaked"
                )
            kek = f.read(KEK_BYTES + 1)
        if len(kek) != KEK_BYTES:
            raise ConfigError(f"model KEK {path} must hold exactly {KEK_BYTES} bytes")
        return cls(kek)

    async def wrap(self, data_key: bytes, context: Mapping[str, str]) -> bytes:
        nonce = os.urandom(_FILE_WRAP_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, data_key, _FILE_WRAP_LABEL + canonical_context(context))

    async def unwrap(self, wrapped: bytes, context: Mapping[str, str]) -> bytes:
        aad = _FILE_WRAP_LABEL + canonical_context(context)
        if len(wrapped) < _FILE_WRAP_NONCE_BYTES + TAG_BYTES:
            raise _tampered("wrapped data key is too short", key_id=self.key_id)
        try:
            return self._aead.decrypt(wrapped[:_FILE_WRAP_NONCE_BYTES], wrapped[_FILE_WRAP_NONCE_BYTES:], aad)
        except InvalidTag:
            raise _tampered(
                "data key does not open under this key-encryption key and context", key_id=self.key_id
            ) from None

    async def aclose(self) -> None:
        return None


_KMS_TAMPERED_CODES: Final = frozenset({"InvalidCiphertextException", "IncorrectKeyException"})


class KmsKek:
    """The production KEK: a symmetric AWS KMS key that never leaves KMS.

    `key_id` is the key as configured, ideally its ARN (KMS also takes a key
    id or an alias); Decrypt passes it as KeyId so KMS refuses a wrapped key
    made under any other key. The context travels as KMS EncryptionContext,
    which KMS binds to the ciphertext and records in CloudTrail. Failures
    reach callers as KEY_UNAVAILABLE with the AWS error code only; the full
    error is logged.
    """

    def __init__(
        self,
        key_id: str,
        *,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        session: aioboto3.Session | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 10.0,
        max_attempts: int = 3,
    ) -> None:
        if not key_id:
            raise ConfigError("a KMS key id is required")
        self.key_id = key_id
        self.endpoint_url = endpoint_url
        self.region = region
        self._session = session or aioboto3.Session()
        self._config = AioConfig(
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retries={"max_attempts": max_attempts, "mode": "standard"},
        )
        self._lock = asyncio.Lock()
        self._stack: AsyncExitStack | None = None
        # types-aiobotocore-kms is not a dependency: the client is untyped.
        self._client_obj: Any = None
        self._closed = False

    async def _client(self) -> Any:
        async with self._lock:
            if self._closed:
                raise RuntimeError("KmsKek is closed")
            if self._client_obj is None:
                stack = AsyncExitStack()
                self._client_obj = await stack.enter_async_context(
                    self._session.client(
                        "kms", endpoint_url=self.endpoint_url, region_name=self.region, config=self._config
                    )
                )
                self._stack = stack
            return self._client_obj

    def _unavailable(self, operation: str, exc: Exception) -> Unavailable:
        if isinstance(exc, ClientError):
            code = str(exc.response.get("Error", {}).get("Code", "ClientError"))
        else:
            code = type(exc).__name__
        log.warning(
            "kms call failed", operation=operation, key_id=self.key_id, error_code=code, error=str(exc)
        )
        return _key_unavailable(self.key_id, code)

    async def wrap(self, data_key: bytes, context: Mapping[str, str]) -> bytes:
        canonical_context(context)
        try:
            client = await self._client()
            response = await client.encrypt(
                KeyId=self.key_id, Plaintext=data_key, EncryptionContext=dict(context)
            )
        except (ClientError, BotoCoreError, OSError, TimeoutError) as exc:
            raise self._unavailable("Encrypt", exc) from None
        blob: bytes = response["CiphertextBlob"]
        return blob

    async def unwrap(self, wrapped: bytes, context: Mapping[str, str]) -> bytes:
        canonical_context(context)
        try:
            client = await self._client()
            response = await client.decrypt(
                KeyId=self.key_id, CiphertextBlob=wrapped, EncryptionContext=dict(context)
            )
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in _KMS_TAMPERED_CODES:
                raise _tampered(
                    "data key does not open under this KMS key and context",
                    key_id=self.key_id,
                    kms_error=code,
                ) from None
            raise self._unavailable("Decrypt", exc) from None
        except (BotoCoreError, OSError, TimeoutError) as exc:
            raise self._unavailable("Decrypt", exc) from None
        plaintext: bytes = response["Plaintext"]
        return plaintext

    async def aclose(self) -> None:
        async with self._lock:
            self._closed = True
            stack, self._stack, self._client_obj = self._stack, None, None
        if stack is not None:
            await stack.aclose()


def open_key_wrapper(settings: Settings) -> KeyWrapper:
    """KMS when `model_kms_key_id` is set, else the key file (created on first use).

    Synchronous: reads or creates the key file; the KMS client connects on first use.
    """
    if settings.model_kms_key_id:
        log.info("model KEK: kms", key_id=settings.model_kms_key_id, endpoint=settings.kms_endpoint_url)
        return KmsKek(
            settings.model_kms_key_id, endpoint_url=settings.kms_endpoint_url, region=settings.kms_region
        )
    path = settings.model_kek_file or settings.data_dir / "model-kek"
    kek = FileKek.load_or_create(path)
    log.info("model KEK: file", path=str(path), key_id=kek.key_id)
    return kek


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
