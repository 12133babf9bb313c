"""Key-encryption keys (KEKs): data keys wrapped under a context, by a key file or AWS KMS.

A service that keeps data keys at rest (inference's sealed model versions,
privacy's per-dataset pseudonym keys) stores them only wrapped by the KEK.
The wrapped key is bound to a *context* (which object, which purpose), so a
wrapped key copied onto another object does not open there. The KEK never
leaves its home: a key file in embedded mode (`FileKek`), AWS KMS in
production (`KmsKek`).

The errors name the service that uses the key (`KeyErrors`): a pseudonym key
that does not open is the privacy service's DATA_LOSS, not inference's.

Why a local data key that KMS `Encrypt`s, rather than KMS `GenerateDataKey`:
both cost one KMS round trip per data key and the kernel CSPRNG is as good a
source of 32 random bytes as KMS; generating locally keeps one `KeyWrapper`
protocol (wrap/unwrap) for both KEKs, so code and tests above it never need
KMS. (Encrypt's 4 KiB plaintext limit is far above 32 bytes.)
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

import aioboto3
import structlog
from aiobotocore.config import AioConfig
from botocore.exceptions import BotoCoreError, ClientError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jipan.servers.runtime.errors import DataLoss, Unavailable
from jipan.servers.runtime.settings import ConfigError, Settings

log = structlog.get_logger(__name__)

KEK_BYTES: Final = 32
TAG_BYTES: Final = 16
_FILE_WRAP_NONCE_BYTES: Final = 12
_FILE_WRAP_LABEL: Final = b"jipan.model-data-key.v1\x00"
"""Associated data prefix of every file-KEK wrap (kept from when only models were wrapped:
changing it would leave every stored wrapped key unreadable)."""


@dataclass(frozen=True, slots=True)
class KeyErrors:
    """How key failures reach callers: the error domain and ErrorInfo reasons of the service
    whose keys they are."""

    domain: str
    tampered_reason: str
    """DATA_LOSS: a wrapped key that does not open under this KEK and context."""
    unavailable_reason: str = "KEY_UNAVAILABLE"
    """UNAVAILABLE: the KEK cannot be reached or used."""

    def tampered(self, problem: str, **metadata: str) -> DataLoss:
        return DataLoss(
            self.tampered_reason,
            f"a wrapped data key is damaged, altered or out of place: {problem}",
            domain=self.domain,
            metadata=metadata,
        )

    def unavailable(self, key_id: str, error: str) -> Unavailable:
        return Unavailable(
            self.unavailable_reason,
            "the key-encryption key cannot be used right now",
            domain=self.domain,
            metadata={"key_id": key_id, "error": error},
        )


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

    def __init__(self, kek: bytes, errors: KeyErrors) -> None:
        self.errors = errors
        if len(kek) != KEK_BYTES:
            raise ValueError(f"a model KEK is {KEK_BYTES} bytes, not {len(kek)}")
        self._aead = AESGCM(kek)
        # A fingerprint, not the key: 64 bits of SHA-256 tell KEKs apart and
        # reveal nothing usable about a 256-bit key.
        self.key_id = "file:" + hashlib.sha256(kek).hexdigest()[:16]

    @classmethod
    def load_or_create(cls, path: Path, errors: KeyErrors) -> FileKek:
        """The KEK in `path`, made (mode 0600) when the file does not exist.

        Refuses (ConfigError) a file that group or others may access, or of
        the wrong size: a KEK that leaked or was truncated must stop the
        process rather than seal models with it.
        """
        try:
            return cls._load(path, errors)
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
        return cls._load(path, errors)

    @classmethod
    def _load(cls, path: Path, errors: KeyErrors) -> FileKek:
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
        return cls(kek, errors)

    async def wrap(self, data_key: bytes, context: Mapping[str, str]) -> bytes:
        nonce = os.urandom(_FILE_WRAP_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, data_key, _FILE_WRAP_LABEL + canonical_context(context))

    async def unwrap(self, wrapped: bytes, context: Mapping[str, str]) -> bytes:
        aad = _FILE_WRAP_LABEL + canonical_context(context)
        if len(wrapped) < _FILE_WRAP_NONCE_BYTES + TAG_BYTES:
            raise self.errors.tampered("wrapped data key is too short", key_id=self.key_id)
        try:
            return self._aead.decrypt(wrapped[:_FILE_WRAP_NONCE_BYTES], wrapped[_FILE_WRAP_NONCE_BYTES:], aad)
        except InvalidTag:
            raise self.errors.tampered(
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
        errors: KeyErrors,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        session: aioboto3.Session | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 10.0,
        max_attempts: int = 3,
    ) -> None:
        if not key_id:
            raise ConfigError("a KMS key id is required")
        self.errors = errors
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
        return self.errors.unavailable(self.key_id, code)

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
                raise self.errors.tampered(
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


def open_key_wrapper(
    settings: Settings,
    errors: KeyErrors,
    *,
    file_kek: type[FileKek] = FileKek,
    kms_kek: type[KmsKek] = KmsKek,
) -> KeyWrapper:
    """KMS when `model_kms_key_id` is set, else the key file (created on first use).

    Every service that wraps keys uses this one KEK; `errors` names the
    service whose keys fail (`file_kek`/`kms_kek`: a service's own subclasses).

    Synchronous: reads or creates the key file; the KMS client connects on first use.
    """
    if settings.model_kms_key_id:
        log.info("model KEK: kms", key_id=settings.model_kms_key_id, endpoint=settings.kms_endpoint_url)
        return kms_kek(
            settings.model_kms_key_id,
            errors=errors,
            endpoint_url=settings.kms_endpoint_url,
            region=settings.kms_region,
        )
    path = settings.model_kek_file or settings.data_dir / "model-kek"
    kek = file_kek.load_or_create(path, errors)
    log.info("model KEK: file", path=str(path), key_id=kek.key_id)
    return kek
