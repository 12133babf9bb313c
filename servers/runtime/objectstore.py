"""Object storage for documents, SBOMs and models: one interface, two engines.

`FilesystemObjectStore` is the embedded default (a folder under data_dir);
`S3ObjectStore` talks to S3, MinIO or Ceph. Both pass the same behavioural
tests (tests/test_objectstore.py), so code written against `ObjectStore`
does not care which one runs. `open_object_store(settings)` picks one.

Keys are S3-style: `/`-separated, UTF-8, at most 1024 bytes; `..`, `.` and
empty segments, a leading or trailing `/`, and control characters are refused
(InvalidArgument OBJECT_KEY_INVALID) so that no key can escape the store's
folder or mean different objects on the two engines. A missing object is
NotFound OBJECT_NOT_FOUND. `delete` of a missing object succeeds (it is
idempotent, as in S3, so retries are safe).

Listing is in key order (UTF-8 byte order, as S3 lists); page tokens are
opaque (the last key of the page) and only valid for the same store.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import AsyncGenerator, AsyncIterable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol
from urllib.parse import urlsplit

import aioboto3
import structlog
from aiobotocore.config import AioConfig
from botocore.exceptions import ClientError

from jipan.servers.runtime.errors import COMMON_DOMAIN, InvalidArgument, NotFound
from jipan.servers.runtime.pagination import resolve_page_size
from jipan.servers.runtime.settings import ConfigError, Settings

if TYPE_CHECKING:
    from types_aiobotocore_s3.client import S3Client


log = structlog.get_logger(__name__)

DEFAULT_CONTENT_TYPE = "application/octet-stream"
DEFAULT_CHUNK_SIZE = 1024 * 1024
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
"""S3's own limit per ListObjectsV2 call."""

MAX_KEY_BYTES = 1024
"""S3's key length limit."""
MAX_SEGMENT_BYTES = 240
"""Each segment becomes a file name on the filesystem engine (255 bytes at
most on common filesystems, less our escaping and suffix)."""

_S3_MAX_COPY_BYTES = 5 * 1024**3
_S3_MIN_PART_BYTES = 5 * 1024**2


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """What a store knows about one object."""

    key: str
    size: int
    etag: str
    """Changes whenever the content changes (S3's ETag, or the sha256 on the
    filesystem); compare for equality only, never parse."""
    modified: datetime
    """When the current content was written (UTC)."""
    content_type: str | None = None
    """Always set by put/stat; `list` on S3 leaves it None (S3 does not list it)."""
    sha256: str | None = None
    """Hex SHA-256 of the content when known: always from put and from the
    filesystem engine; on S3 set by `stat` for objects written through this
    module, None in `list` and for objects other tools uploaded."""


ObjectPage = tuple[list[ObjectInfo], str]
"""A page of `list`: the objects and the next page token ("" on the last page)."""


class ObjectStore(Protocol):
    """Where services keep blobs. Every method validates the key first."""

    async def put(self, key: str, data: bytes, *, content_type: str | None = None) -> ObjectInfo:
        """Store `data` under `key`, replacing any object there atomically."""
        ...

    async def put_stream(
        self, key: str, chunks: AsyncIterable[bytes], *, content_type: str | None = None
    ) -> ObjectInfo:
        """Store a large upload without holding it in memory; readers see the
        old object or the new one, never a part. A failure mid-stream stores
        nothing."""
        ...

    async def get(self, key: str) -> bytes:
        """The whole content (use `open` for large objects)."""
        ...

    def open(self, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncGenerator[bytes, None]:
        """Stream the content in chunks of at most `chunk_size` bytes.

        An async generator: NotFound is raised on the first iteration. The
        content is the object as it was when the read began, even if it is
        replaced meanwhile. Call `aclose()` when stopping early, so the file
        or HTTP connection is released at once rather than at garbage collection.
        """
        ...

    async def stat(self, key: str) -> ObjectInfo:
        """Size, etag, sha256, content type and time of one object (S3's HEAD)."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the object; a missing object is not an error."""
        ...

    async def list(self, prefix: str = "", *, page_size: int = 0, page_token: str = "") -> ObjectPage:
        """Objects whose keys start with `prefix`, in key order.

        `page_size` 0 means DEFAULT_PAGE_SIZE, above MAX_PAGE_SIZE is clamped,
        negative is InvalidArgument. Pass the returned token back for the next
        page; "" means there is none.
        """
        ...

    async def presign_get(self, key: str, expires_s: int) -> str | None:
        """A URL anyone holding it may GET the object with until `expires_s` from now, where the
        store has such URLs (S3's presigned GET); None where it has not (the filesystem)."""
        ...

    async def aclose(self) -> None:
        """Release connections; the store is unusable afterwards."""
        ...


# -- validation -----------------------------------------------------------------


def _invalid_key(key: str, problem: str) -> InvalidArgument:
    return InvalidArgument(
        "OBJECT_KEY_INVALID",
        f"object key {key[:100]!r} {problem}",
        domain=COMMON_DOMAIN,
        metadata={"key": key[:256]},
    )


def _has_control(text: str) -> bool:
    return any(ord(c) < 0x20 or ord(c) == 0x7F for c in text)


def validate_key(key: str) -> str:
    """Return `key` when it is a valid object key, else raise InvalidArgument(OBJECT_KEY_INVALID)."""
    if not key:
        raise _invalid_key(key, "is empty")
    if _has_control(key):
        raise _invalid_key(key, "contains a NUL or control character")
    try:
        encoded = key.encode("utf-8")
    except UnicodeEncodeError:
        raise _invalid_key(key, "is not valid UTF-8 text") from None
    if len(encoded) > MAX_KEY_BYTES:
        raise _invalid_key(key, f"is longer than {MAX_KEY_BYTES} bytes")
    if key.startswith("/"):
        raise _invalid_key(key, "starts with '/'")
    for segment in key.split("/"):
        _check_segment(key, segment)
    return key


def _check_segment(key: str, segment: str) -> None:
    if segment == "":
        raise _invalid_key(key, "has an empty segment ('//' or a trailing '/')")
    if segment in (".", ".."):
        raise _invalid_key(key, f"has a {segment!r} segment")
    if len(segment.encode("utf-8")) > MAX_SEGMENT_BYTES:
        raise _invalid_key(key, f"has a segment longer than {MAX_SEGMENT_BYTES} bytes")


def validate_prefix(prefix: str) -> str:
    """A list prefix: any start of a valid key ("" lists everything)."""
    if not prefix:
        return prefix
    if (
        _has_control(prefix)
        or prefix.startswith("/")
        or len(prefix.encode("utf-8", "replace")) > MAX_KEY_BYTES
    ):
        raise _invalid_key(prefix, "is not a valid key prefix")
    # Every complete segment (before the last '/') must be a valid segment;
    # the trailing partial one is only compared as text.
    for segment in prefix.split("/")[:-1]:
        _check_segment(prefix, segment)
    return prefix


def _encode_token(last_key: str) -> str:
    return base64.urlsafe_b64encode(last_key.encode()).decode().rstrip("=")


def _decode_token(token: str) -> str:
    if not token:
        return ""
    try:
        key = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        return validate_key(key)
    except (binascii.Error, UnicodeDecodeError, ValueError, InvalidArgument):
        raise InvalidArgument(
            "PAGE_TOKEN_INVALID", "page_token was not issued by this object store"
        ) from None


def _not_found(key: str) -> NotFound:
    return NotFound("OBJECT_NOT_FOUND", f"object {key!r} does not exist", metadata={"key": key})


# -- filesystem ---------------------------------------------------------------------

# On-disk layout under the root folder:
#   <seg>/<seg>/<last>%obj   one file per object: content, then a trailer
#   %tmp/                    uploads in progress (renamed into place)
# Segments are stored with '%' escaped as '%25', so no stored name can end in
# the "%obj" marker by accident or be "%tmp": the object "a" (file "a%obj")
# and the objects under "a/" (folder "a") coexist, as they do in S3.
#
# Trailer: JSON metadata, its length (8 bytes big-endian), then _MAGIC. Content
# and metadata live in one file so one os.replace swaps both atomically.
_OBJECT_SUFFIX = "%obj"
_TEMP_DIR = "%tmp"
_MAGIC = b"JIPANOB1"
_TRAILER_FIXED = 8 + len(_MAGIC)
_STALE_TEMP_S = 24 * 3600.0


def _escape(segment: str) -> str:
    return segment.replace("%", "%25")


def _unescape(name: str) -> str:
    return name.replace("%25", "%")


class _CorruptObject(Exception):
    pass


@dataclass(frozen=True, slots=True)
class _Trailer:
    size: int
    sha256: str
    content_type: str


def _read_trailer(f: BinaryIO) -> _Trailer:
    file_size = os.fstat(f.fileno()).st_size
    if file_size < _TRAILER_FIXED:
        raise _CorruptObject("too short")
    f.seek(file_size - _TRAILER_FIXED)
    fixed = f.read(_TRAILER_FIXED)
    if fixed[8:] != _MAGIC:
        raise _CorruptObject("no trailer")
    meta_len = int.from_bytes(fixed[:8], "big")
    if meta_len > file_size - _TRAILER_FIXED:
        raise _CorruptObject("bad trailer length")
    f.seek(file_size - _TRAILER_FIXED - meta_len)
    meta = json.loads(f.read(meta_len))
    trailer = _Trailer(
        size=int(meta["size"]), sha256=str(meta["sha256"]), content_type=str(meta["content_type"])
    )
    if trailer.size != file_size - _TRAILER_FIXED - meta_len:
        raise _CorruptObject("size mismatch")
    return trailer


def _trailer_bytes(size: int, sha256: str, content_type: str) -> bytes:
    meta = json.dumps({"size": size, "sha256": sha256, "content_type": content_type}).encode()
    return meta + len(meta).to_bytes(8, "big") + _MAGIC


class _Upload:
    """A temporary file being filled; `commit` renames it over the object.

    All methods block: the store runs them in worker threads.
    """

    def __init__(self, temp_dir: Path) -> None:
        fd, name = tempfile.mkstemp(dir=temp_dir, prefix="upload-")
        self.path = Path(name)
        self.file = os.fdopen(fd, "wb")
        self.hasher = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.hasher.update(data)
        self.file.write(data)
        self.size += len(data)

    def commit(self, target: Path, key: str, content_type: str) -> ObjectInfo:
        digest = self.hasher.hexdigest()
        self.file.write(_trailer_bytes(self.size, digest, content_type))
        self.file.flush()
        # Durable before visible: after a crash the key holds the old or the
        # new content, never a torn file.
        os.fsync(self.file.fileno())
        modified = os.fstat(self.file.fileno()).st_mtime
        self.file.close()
        for attempt in range(5):
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(self.path, target)
                break
            except FileNotFoundError:
                # A concurrent delete pruned the now-empty parent folder
                # between mkdir and replace; make it again.
                if attempt == 4:
                    raise
        _fsync_dir(target.parent)
        return ObjectInfo(
            key=key,
            size=self.size,
            etag=digest,
            modified=datetime.fromtimestamp(modified, UTC),
            content_type=content_type,
            sha256=digest,
        )

    def abort(self) -> None:
        self.file.close()
        self.path.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FilesystemObjectStore:
    """Objects as files under `root` (the embedded default).

    Writes go to a temporary file that replaces the object with one
    os.replace, so readers never see partial content. Blocking file I/O runs
    in worker threads, off the event loop. Meant for one machine: several
    processes may share the folder, but not over NFS-like filesystems without
    atomic rename, and keys differing only in case collide on
    case-insensitive filesystems (macOS default).
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._temp = root / _TEMP_DIR
        self._temp.mkdir(parents=True, exist_ok=True)
        self._sweep_stale_uploads()

    def _sweep_stale_uploads(self) -> None:
        # Uploads of a killed process stay in %tmp; a day-old one is abandoned.
        cutoff = time.time() - _STALE_TEMP_S
        for entry in self._temp.iterdir():
            try:
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()
            except OSError:
                continue

    def _path(self, key: str) -> Path:
        segments = [_escape(s) for s in validate_key(key).split("/")]
        segments[-1] += _OBJECT_SUFFIX
        return self.root.joinpath(*segments)

    async def put(self, key: str, data: bytes, *, content_type: str | None = None) -> ObjectInfo:
        target = self._path(key)

        def write() -> ObjectInfo:
            upload = _Upload(self._temp)
            try:
                upload.write(data)
                return upload.commit(target, key, content_type or DEFAULT_CONTENT_TYPE)
            except BaseException:
                upload.abort()
                raise

        return await asyncio.to_thread(write)

    async def put_stream(
        self, key: str, chunks: AsyncIterable[bytes], *, content_type: str | None = None
    ) -> ObjectInfo:
        target = self._path(key)
        upload = await asyncio.to_thread(_Upload, self._temp)
        try:
            async for chunk in chunks:
                if chunk:
                    await asyncio.to_thread(upload.write, chunk)
            return await asyncio.to_thread(upload.commit, target, key, content_type or DEFAULT_CONTENT_TYPE)
        except BaseException:
            await asyncio.to_thread(upload.abort)
            raise

    def _open_object(self, key: str) -> tuple[BinaryIO, _Trailer]:
        path = self._path(key)
        try:
            f = path.open("rb")
        except (FileNotFoundError, NotADirectoryError):
            raise _not_found(key) from None
        try:
            trailer = _read_trailer(f)
        except (_CorruptObject, ValueError, KeyError) as exc:
            f.close()
            raise RuntimeError(f"object file {path} is damaged: {exc}") from exc
        except BaseException:
            f.close()
            raise
        f.seek(0)
        return f, trailer

    def _info(self, key: str) -> ObjectInfo:
        f, trailer = self._open_object(key)
        with f:
            modified = os.fstat(f.fileno()).st_mtime
        return ObjectInfo(
            key=key,
            size=trailer.size,
            etag=trailer.sha256,
            modified=datetime.fromtimestamp(modified, UTC),
            content_type=trailer.content_type,
            sha256=trailer.sha256,
        )

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            f, trailer = self._open_object(key)
            with f:
                return f.read(trailer.size)

        return await asyncio.to_thread(read)

    async def open(self, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncGenerator[bytes, None]:
        if chunk_size <= 0:
            raise ValueError("chunk_size must be positive")
        # The open file keeps the content being read even if a writer
        # replaces the object meanwhile (os.replace swaps the name, not the inode).
        f, trailer = await asyncio.to_thread(self._open_object, key)
        try:
            remaining = trailer.size
            while remaining > 0:
                chunk = await asyncio.to_thread(f.read, min(chunk_size, remaining))
                if not chunk:
                    raise RuntimeError(f"object {key!r} ended {remaining} bytes early")
                remaining -= len(chunk)
                yield chunk
        finally:
            f.close()

    async def stat(self, key: str) -> ObjectInfo:
        return await asyncio.to_thread(self._info, key)

    async def delete(self, key: str) -> None:
        path = self._path(key)

        def remove() -> None:
            try:
                path.unlink()
            except (FileNotFoundError, NotADirectoryError):
                return
            # Prune folders the delete left empty, so that listing and the
            # tree stay proportional to the live objects.
            folder = path.parent
            while folder != self.root:
                try:
                    folder.rmdir()
                except OSError:
                    break
                folder = folder.parent

        await asyncio.to_thread(remove)

    async def list(self, prefix: str = "", *, page_size: int = 0, page_token: str = "") -> ObjectPage:
        validate_prefix(prefix)
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        after = _decode_token(page_token)

        def scan() -> ObjectPage:
            complete, _, partial = prefix.rpartition("/")
            base = self.root.joinpath(*[_escape(s) for s in complete.split("/")]) if complete else self.root
            key_base = complete + "/" if complete else ""
            keys: list[str] = []
            try:
                with os.scandir(base) as entries:
                    top = [*entries]
            except (FileNotFoundError, NotADirectoryError):
                return [], ""
            for entry in top:
                if base == self.root and entry.name == _TEMP_DIR:
                    continue
                name = entry.name
                if entry.is_dir(follow_symlinks=False):
                    if not _unescape(name).startswith(partial):
                        continue
                    keys.extend(_walk_keys(Path(entry.path), key_base + _unescape(name) + "/"))
                elif name.endswith(_OBJECT_SUFFIX):
                    keys.append(key_base + _unescape(name.removesuffix(_OBJECT_SUFFIX)))
            # Python orders str by code point, which is UTF-8 byte order: S3's order.
            selected = sorted(k for k in keys if k.startswith(prefix) and k > after)
            page: list[ObjectInfo] = []
            index = 0
            while index < len(selected) and len(page) < size:
                with contextlib.suppress(NotFound):  # deleted while listing
                    page.append(self._info(selected[index]))
                index += 1
            more = index < len(selected)
            return page, (_encode_token(page[-1].key) if more and page else "")

        return await asyncio.to_thread(scan)

    async def presign_get(self, key: str, expires_s: int) -> str | None:
        validate_key(key)
        return None  # files are read through the service, never by URL

    async def aclose(self) -> None:
        return None


def _walk_keys(folder: Path, key_prefix: str) -> list[str]:
    """Keys of the objects below `folder` (whose own key prefix is `key_prefix`), unsorted."""
    keys: list[str] = []
    # os.walk does not descend into symlinked folders: the store never makes them.
    for dirpath, _dirnames, filenames in os.walk(folder):
        rel = Path(dirpath).relative_to(folder)
        rel_key = "".join(_unescape(part) + "/" for part in rel.parts)
        for name in filenames:
            if name.endswith(_OBJECT_SUFFIX):
                keys.append(key_prefix + rel_key + _unescape(name.removesuffix(_OBJECT_SUFFIX)))
    return keys


# -- S3 -------------------------------------------------------------------------------------

_SHA256_META = "sha256"
"""User metadata (x-amz-meta-sha256) holding the content hash; S3's ETag is
an MD5 only for single-part uploads, so it cannot serve as one."""


def _is_not_found(exc: ClientError) -> bool:
    code = str(exc.response.get("Error", {}).get("Code", ""))
    return code in ("404", "NoSuchKey", "NotFound")


class S3ObjectStore:
    """Objects in an S3 bucket (AWS, MinIO, Ceph), under an optional key prefix.

    One aioboto3 client is created on first use and reused; `aclose()`
    closes it. Credentials come from the standard AWS chain (environment,
    profile, instance or pod role). Custom endpoints use path-style
    addressing, which MinIO and Ceph expect.
    """

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        part_size: int = 8 * 1024 * 1024,
        session: aioboto3.Session | None = None,
    ) -> None:
        if not bucket:
            raise ValueError("bucket must not be empty")
        if part_size < _S3_MIN_PART_BYTES:
            raise ValueError(f"part_size must be at least {_S3_MIN_PART_BYTES} bytes (S3's minimum part)")
        prefix = prefix.strip("/")
        self.bucket = bucket
        self.prefix = prefix + "/" if prefix else ""
        self.endpoint_url = endpoint_url
        self.region = region
        self.part_size = part_size
        self._session = session or aioboto3.Session()
        self._stack: AsyncExitStack | None = None
        self._client_obj: S3Client | None = None
        self._client_lock = asyncio.Lock()
        self._closed = False

    async def _client(self) -> S3Client:
        if self._client_obj is not None:
            return self._client_obj
        async with self._client_lock:
            if self._closed:
                raise RuntimeError("the object store is closed")
            if self._client_obj is None:
                config = AioConfig(
                    signature_version="s3v4",
                    s3={"addressing_style": "path" if self.endpoint_url else "auto"},
                    retries={"max_attempts": 5, "mode": "standard"},
                    connect_timeout=10,
                    read_timeout=60,
                    # Newer botocore adds CRC checksums to every upload, which
                    # older MinIO/Ceph releases reject; send them only where
                    # the API requires them.
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                )
                stack = AsyncExitStack()
                self._client_obj = await stack.enter_async_context(
                    self._session.client(
                        "s3", endpoint_url=self.endpoint_url, region_name=self.region, config=config
                    )
                )
                self._stack = stack
            return self._client_obj

    def _full(self, key: str) -> str:
        return self.prefix + validate_key(key)

    async def put(self, key: str, data: bytes, *, content_type: str | None = None) -> ObjectInfo:
        full = self._full(key)
        client = await self._client()
        digest = await asyncio.to_thread(lambda: hashlib.sha256(data).hexdigest())
        content_type = content_type or DEFAULT_CONTENT_TYPE
        response = await client.put_object(
            Bucket=self.bucket, Key=full, Body=data, ContentType=content_type, Metadata={_SHA256_META: digest}
        )
        headers = response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
        return ObjectInfo(
            key=key,
            size=len(data),
            etag=response["ETag"].strip('"'),
            modified=_http_date(headers.get("date")),
            content_type=content_type,
            sha256=digest,
        )

    async def put_stream(
        self, key: str, chunks: AsyncIterable[bytes], *, content_type: str | None = None
    ) -> ObjectInfo:
        full = self._full(key)
        client = await self._client()
        content_type = content_type or DEFAULT_CONTENT_TYPE
        hasher = hashlib.sha256()
        buffer = bytearray()
        size = 0
        upload_id: str | None = None
        parts: list[tuple[int, str]] = []

        async def send_part(data: bytes) -> None:
            nonlocal upload_id
            if upload_id is None:
                created = await client.create_multipart_upload(
                    Bucket=self.bucket, Key=full, ContentType=content_type
                )
                upload_id = created["UploadId"]
            number = len(parts) + 1
            sent = await client.upload_part(
                Bucket=self.bucket, Key=full, UploadId=upload_id, PartNumber=number, Body=data
            )
            parts.append((number, sent["ETag"]))

        try:
            async for chunk in chunks:
                if not chunk:
                    continue
                # hashlib releases the GIL on large buffers: hash off the loop.
                await asyncio.to_thread(hasher.update, chunk)
                size += len(chunk)
                buffer += chunk
                while len(buffer) >= self.part_size:
                    await send_part(bytes(buffer[: self.part_size]))
                    del buffer[: self.part_size]
            digest = hasher.hexdigest()
            if upload_id is None:
                # Small enough for one request: no multipart, metadata set at once.
                response = await client.put_object(
                    Bucket=self.bucket,
                    Key=full,
                    Body=bytes(buffer),
                    ContentType=content_type,
                    Metadata={_SHA256_META: digest},
                )
                headers = response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
                return ObjectInfo(
                    key=key,
                    size=size,
                    etag=response["ETag"].strip('"'),
                    modified=_http_date(headers.get("date")),
                    content_type=content_type,
                    sha256=digest,
                )
            if buffer:
                await send_part(bytes(buffer))
            completed = await client.complete_multipart_upload(
                Bucket=self.bucket,
                Key=full,
                UploadId=upload_id,
                MultipartUpload={"Parts": [{"PartNumber": n, "ETag": etag} for n, etag in parts]},
            )
        except BaseException:
            if upload_id is not None:
                # Abandoned parts cost storage until aborted.
                try:
                    await asyncio.shield(
                        client.abort_multipart_upload(Bucket=self.bucket, Key=full, UploadId=upload_id)
                    )
                except Exception:
                    log.warning(
                        "could not abort multipart upload", key=full, upload_id=upload_id, exc_info=True
                    )
            raise
        etag = completed["ETag"]
        return await self._stamp_sha256(key, full, etag, size, content_type, digest)

    async def _stamp_sha256(
        self, key: str, full: str, etag: str, size: int, content_type: str, digest: str
    ) -> ObjectInfo:
        """Record the hash of a multipart upload, known only after the last part.

        S3 takes metadata when the upload starts, so the object is copied onto
        itself with the hash. CopySourceIfMatch keeps a concurrent writer's
        newer object from being labelled with our hash.
        """
        client = await self._client()
        if size > _S3_MAX_COPY_BYTES:
            # A single CopyObject is limited to 5 GiB; such objects go without.
            log.info("object too large to record its sha256 on S3", key=full, size=size)
            return ObjectInfo(
                key=key,
                size=size,
                etag=etag.strip('"'),
                modified=datetime.now(UTC),
                content_type=content_type,
                sha256=digest,
            )
        try:
            copied = await client.copy_object(
                Bucket=self.bucket,
                Key=full,
                CopySource={"Bucket": self.bucket, "Key": full},
                CopySourceIfMatch=etag,
                MetadataDirective="REPLACE",
                Metadata={_SHA256_META: digest},
                ContentType=content_type,
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("PreconditionFailed", "412"):
                log.info("object replaced before its sha256 was recorded", key=full)
                return ObjectInfo(
                    key=key,
                    size=size,
                    etag=etag.strip('"'),
                    modified=datetime.now(UTC),
                    content_type=content_type,
                    sha256=digest,
                )
            raise
        result = copied["CopyObjectResult"]
        return ObjectInfo(
            key=key,
            size=size,
            etag=result["ETag"].strip('"'),
            modified=result["LastModified"],
            content_type=content_type,
            sha256=digest,
        )

    async def get(self, key: str) -> bytes:
        full = self._full(key)
        client = await self._client()
        try:
            response = await client.get_object(Bucket=self.bucket, Key=full)
        except ClientError as exc:
            if _is_not_found(exc):
                raise _not_found(key) from None
            raise
        body = response["Body"]
        # Not `as body`: StreamingBody's __aenter__ returns the bare aiohttp
        # response, which lacks the length check and iter_chunks.
        async with body:
            return await body.read()

    async def open(self, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncGenerator[bytes, None]:
        if chunk_size <= 0:
            raise ValueError("chunk_size must be positive")
        full = self._full(key)
        client = await self._client()
        try:
            response = await client.get_object(Bucket=self.bucket, Key=full)
        except ClientError as exc:
            if _is_not_found(exc):
                raise _not_found(key) from None
            raise
        # Leaving the block releases the HTTP connection, also on early exit.
        body = response["Body"]
        async with body:
            async for chunk in body.iter_chunks(chunk_size):
                yield chunk

    async def stat(self, key: str) -> ObjectInfo:
        full = self._full(key)
        client = await self._client()
        try:
            head = await client.head_object(Bucket=self.bucket, Key=full)
        except ClientError as exc:
            if _is_not_found(exc):
                raise _not_found(key) from None
            raise
        return ObjectInfo(
            key=key,
            size=head["ContentLength"],
            etag=head["ETag"].strip('"'),
            modified=head["LastModified"],
            content_type=head.get("ContentType") or DEFAULT_CONTENT_TYPE,
            sha256=head.get("Metadata", {}).get(_SHA256_META),
        )

    async def delete(self, key: str) -> None:
        full = self._full(key)
        client = await self._client()
        await client.delete_object(Bucket=self.bucket, Key=full)

    async def list(self, prefix: str = "", *, page_size: int = 0, page_token: str = "") -> ObjectPage:
        validate_prefix(prefix)
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        after = _decode_token(page_token)
        client = await self._client()
        # StartAfter (rather than S3's ContinuationToken) keeps tokens the
        # same on both engines; it also survives a store restart.
        if after:
            response = await client.list_objects_v2(
                Bucket=self.bucket, Prefix=self.prefix + prefix, MaxKeys=size, StartAfter=self.prefix + after
            )
        else:
            response = await client.list_objects_v2(
                Bucket=self.bucket, Prefix=self.prefix + prefix, MaxKeys=size
            )
        page = [
            ObjectInfo(
                key=item["Key"][len(self.prefix) :],
                size=item["Size"],
                etag=item["ETag"].strip('"'),
                modified=item["LastModified"],
            )
            for item in response.get("Contents", [])
        ]
        more = bool(response.get("IsTruncated")) and bool(page)
        return page, (_encode_token(page[-1].key) if more else "")

    async def presign_get(self, key: str, expires_s: int) -> str | None:
        client = await self._client()
        url: str = await client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": self._full(key)}, ExpiresIn=expires_s
        )
        return url

    async def aclose(self) -> None:
        async with self._client_lock:
            self._closed = True
            stack, self._stack, self._client_obj = self._stack, None, None
        if stack is not None:
            await stack.aclose()


def _http_date(value: str | None) -> datetime:
    # S3 does not return LastModified from PUT; the response's Date header is
    # the same instant to the second.
    if value:
        try:
            return parsedate_to_datetime(value).astimezone(UTC)
        except (TypeError, ValueError):
            pass
    return datetime.now(UTC)


# -- factory ------------------------------------------------------------------------------------


def open_object_store(settings: Settings) -> ObjectStore:
    """The store named by settings: `s3://bucket[/prefix]`, else data_dir/objects.

    Cheap and synchronous: the S3 client is created on first use.
    """
    url = settings.object_store_url
    if url:
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise ConfigError(f"JIPAN_OBJECT_STORE_URL must look like s3://bucket[/prefix], not {url!r}")
        log.info(
            "object store: s3",
            bucket=parts.netloc,
            prefix=parts.path.strip("/"),
            endpoint=settings.s3_endpoint_url,
        )
        return S3ObjectStore(
            parts.netloc,
            parts.path.strip("/"),
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
        )
    root = settings.data_dir / "objects"
    log.info("object store: filesystem", root=str(root))
    return FilesystemObjectStore(root)
