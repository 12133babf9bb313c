"""Identity's rotating Ed25519 token signing keys, kept in PostgreSQL.

One key signs at a time. `SigningKeyRing.signing_key()` returns it, rotating
to a fresh key when it is older than `rotation_s`; a rotated-out key stays
published (`published_jwks`) for the overlap window — the lifetime of the
longest token it may have signed, plus clock skew and the time a replica may
keep signing with its cached copy — so tokens in flight keep verifying on
every server while their caches pick up the new key (an unknown `kid`
triggers a refresh).

Private keys are sealed at rest with AES-256-GCM under a key derived from
JIPAN_SIGNING_KEY_SECRET (or a random secret kept in data_dir), the kid bound
as associated data so a sealed key cannot be swapped onto another row.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import structlog
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from jipan.interceptors.tokens import KeySet, RemoteKeySet, jwk_thumbprint, public_jwk
from jipan.servers.identity.errors import IDENTITY_DOMAIN
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import Settings

log = structlog.get_logger(__name__)

SECRET_FILE = "identity-signing-key-secret"  # noqa: S105 (a file name, not a secret)
_LOCK_KEY = int.from_bytes(hashlib.sha256(b"jipan.identity.signing_keys").digest()[:8], "big", signed=True)


@dataclass(frozen=True, slots=True)
class IdentitySigningKey:
    """The key that signs now (satisfies jipan.interceptors.tokens.SigningKey)."""

    kid: str
    private_key: Ed25519PrivateKey


def load_sealing_key(settings: Settings) -> bytes:
    """The AES-256 key that seals private signing keys."""
    if settings.signing_key_secret is not None:
        secret = settings.signing_key_secret.get_secret_value().encode()
        if len(secret) < 32:
            raise ValueError("JIPAN_SIGNING_KEY_SECRET must be at least 32 characters")
        return hashlib.sha256(b"jipan.identity.seal:" + secret).digest()
    path: Path = settings.data_dir / SECRET_FILE
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    return path.read_bytes()


def overlap_s(settings: Settings, cache_s: float) -> float:
    """How long a retired key stays published."""
    return settings.access_token_ttl_s + settings.token_clock_skew_s + cache_s


async def published_jwks(pool: asyncpg.Pool, overlap: float) -> dict[str, list[dict[str, str]]]:
    """The JWKS of every key that may have signed a still-valid token, newest first."""
    rows = await pool.fetch(
        "SELECT kid, public_key FROM identity.signing_keys"
        " WHERE retire_time IS NULL OR retire_time > now() - make_interval(secs => $1)"
        " ORDER BY create_time DESC",
        overlap,
    )
    keys = [
        public_jwk(Ed25519PublicKey.from_public_bytes(bytes(row["public_key"])), str(row["kid"]))
        for row in rows
    ]
    return {"keys": keys}


class SigningKeyRing:
    def __init__(
        self,
        pool: asyncpg.Pool,
        *,
        sealing_key: bytes,
        rotation_s: float,
        overlap: float,
        cache_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        on_new_key: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self._pool = pool
        # Called once a new key is committed: this process's own verifier re-reads the
        # published keys at once, instead of refusing the tokens it has just signed
        # (TOKEN_KEY_UNKNOWN) until its key set may refresh again.
        self._on_new_key = on_new_key
        self._aead = AESGCM(sealing_key)
        self._rotation_s = rotation_s
        self._overlap = overlap
        self._cache_s = cache_s
        self._clock = clock
        self._cached: tuple[float, IdentitySigningKey] | None = None

    def _seal(self, kid: str, key: Ed25519PrivateKey) -> bytes:
        raw = key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        nonce = secrets.token_bytes(12)
        return nonce + self._aead.encrypt(nonce, raw, kid.encode())

    def _unseal(self, kid: str, sealed: bytes) -> Ed25519PrivateKey:
        try:
            raw = self._aead.decrypt(sealed[:12], sealed[12:], kid.encode())
        except InvalidTag:
            log.error(
                "cannot unseal identity's signing key: JIPAN_SIGNING_KEY_SECRET differs from the secret "
                "it was sealed with (every replica must use the same one)",
                kid=kid,
            )
            raise Unavailable(
                "SIGNING_KEY_UNAVAILABLE",
                "identity cannot use its signing key on this server (a configuration error; see its log)",
                domain=IDENTITY_DOMAIN,
                metadata={"kid": kid},
            ) from None
        return Ed25519PrivateKey.from_private_bytes(raw)

    async def signing_key(self) -> IdentitySigningKey:
        """The active key (cached for `cache_s`), rotating first when it is due."""
        now = self._clock()
        if self._cached is not None and now - self._cached[0] < self._cache_s:
            return self._cached[1]
        row = await self._pool.fetchrow(
            "SELECT kid, sealed_private_key, extract(epoch FROM now() - create_time) AS age"
            " FROM identity.signing_keys WHERE retire_time IS NULL"
        )
        if row is None or float(row["age"]) >= self._rotation_s:
            key = await self.rotate(only_if_older_than=self._rotation_s)
        else:
            key = IdentitySigningKey(
                str(row["kid"]), self._unseal(str(row["kid"]), bytes(row["sealed_private_key"]))
            )
        self._cached = (now, key)
        return key

    async def rotate(self, *, only_if_older_than: float | None = None) -> IdentitySigningKey:
        """Retire the active key and start signing with a new one.

        Under a transaction-scoped advisory lock, so replicas rotating at the
        same moment make one new key; with `only_if_older_than` a replica that
        finds a fresh key made by another one uses that instead.
        """
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", _LOCK_KEY)
            row: Any = await conn.fetchrow(
                "SELECT kid, sealed_private_key, extract(epoch FROM now() - create_time) AS age"
                " FROM identity.signing_keys WHERE retire_time IS NULL"
            )
            if row is not None and only_if_older_than is not None and float(row["age"]) < only_if_older_than:
                kid = str(row["kid"])
                return IdentitySigningKey(kid, self._unseal(kid, bytes(row["sealed_private_key"])))
            await conn.execute(
                "UPDATE identity.signing_keys SET retire_time = now() WHERE retire_time IS NULL"
            )
            private_key = Ed25519PrivateKey.generate()
            kid = jwk_thumbprint(private_key.public_key())
            await conn.execute(
                "INSERT INTO identity.signing_keys (kid, public_key, sealed_private_key) VALUES ($1, $2, $3)",
                kid,
                private_key.public_key().public_bytes(
                    serialization.Encoding.Raw, serialization.PublicFormat.Raw
                ),
                self._seal(kid, private_key),
            )
        key = IdentitySigningKey(kid, private_key)
        self._cached = (self._clock(), key)
        if self._on_new_key is not None:
            await self._on_new_key()
        return key

    async def published_jwks(self) -> dict[str, list[dict[str, str]]]:
        return await published_jwks(self._pool, self._overlap)

    @property
    def rotation_s(self) -> float:
        return self._rotation_s


class LayeredKeySet:
    """Keys from several sets, the first that knows a kid wins (dev key, then identity's own)."""

    def __init__(self, *sets: KeySet) -> None:
        self._sets = sets

    def peek(self, kid: str) -> Ed25519PublicKey | None:
        for key_set in self._sets:
            key = key_set.peek(kid)
            if key is not None:
                return key
        return None

    async def get(self, kid: str) -> Ed25519PublicKey | None:
        key = self.peek(kid)
        if key is not None:
            return key
        for key_set in self._sets:
            key = await key_set.get(kid)
            if key is not None:
                return key
        return None

    async def refresh(self) -> None:
        """Re-read every layer that is fetched from somewhere (a new key was just published)."""
        for key_set in self._sets:
            refresh = getattr(key_set, "refresh", None)
            if refresh is not None:
                await refresh()


def local_key_set(settings: Settings, pool: asyncpg.Pool, dev_keys: KeySet) -> KeySet:
    """The key set of a process that runs identity itself without JIPAN_IDENTITY_TARGET.

    Identity's published keys are read straight from its own tables (the
    same set GetKeySet serves), beside the embedded development key.
    """
    overlap = overlap_s(settings, IDENTITY_KEY_CACHE_S)

    async def fetch() -> dict[str, list[dict[str, str]]]:
        return await published_jwks(pool, overlap)

    return LayeredKeySet(dev_keys, RemoteKeySet.from_settings(fetch, settings))


IDENTITY_KEY_CACHE_S = 30.0
"""How long a replica signs with its cached copy of the active key."""
