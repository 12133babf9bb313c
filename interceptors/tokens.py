"""Access tokens: key sets, the development signing key, minting and verification.

Tokens are RFC 9068 JWT access tokens (`typ: at+jwt`) signed with Ed25519
(`alg: EdDSA`). Signing is PyJWT's (on `cryptography`). Verification has a
fast path for the one shape Jipan accepts (compact JWS, EdDSA, a JSON object
payload): the signature is checked with libsodium (PyNaCl; ~38 µs against
~63 µs for OpenSSL's Ed25519 on the CI machine) and the claims with the rules
below. Whatever the fast path does not accept, for any reason, goes to PyJWT,
which then decides and names the failure, so the fast path can only ever
accept a token PyJWT accepts too (tests/test_tokens.py checks both agree).
Before either, a token must be RFC 7515 compact serialisation in canonical
unpadded base64url (one spelling per token), with a JSON object header whose
`kid` is a string; anything else is TOKEN_MALFORMED, whatever PyJWT would say.
This module decides which key, which claims, and which ErrorReason a failure
maps to. Nothing here imports grpc: the authentication interceptor (authn.py)
calls `AccessTokenVerifier` and the error stage turns its `Unauthenticated`
into a status.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import stat
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

import jwt
import orjson
import structlog
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from jipan.interceptors.context import Principal
from jipan.interceptors.revocation import RevocationList, TokenDigests
from jipan.servers.runtime.errors import Unauthenticated, Unavailable
from jipan.servers.runtime.settings import Settings

log = structlog.get_logger(__name__)

ALGORITHM = "EdDSA"
TOKEN_TYPES = frozenset({"at+jwt", "application/at+jwt"})  # RFC 9068 §2.1 allows both spellings
REQUIRED_CLAIMS = ("sub", "exp", "iat", "jti")
# JSON numbers as orjson builds them (bool is not one: `type(True) is bool`).
_JSON_NUMBERS = frozenset({int, float})
DEV_KEY_FILE = "dev_signing_key.pem"

JwkSet = Mapping[str, Any]
"""A JWKS document: {"keys": [{"kty": "OKP", "crv": "Ed25519", "x": ..., "kid": ...}, ...]}."""


# --- keys ---------------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


_URLSAFE_TO_STANDARD = bytes.maketrans(b"-_", b"+/")


def _b64url_decode(text: str) -> bytes:
    # What base64.urlsafe_b64decode does (non-strict a2b_base64 after mapping
    # the alphabet), without its Python layers: ~1 µs less per segment on the
    # token path. Raises binascii.Error, or ValueError for non-ASCII text, as it does.
    return binascii.a2b_base64(text.encode("ascii").translate(_URLSAFE_TO_STANDARD) + b"=" * (-len(text) % 4))


def _raw_public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def jwk_thumbprint(key: Ed25519PublicKey) -> str:
    """RFC 7638 thumbprint: SHA-256 over the required members in lexical order, no spaces."""
    members = {"crv": "Ed25519", "kty": "OKP", "x": _b64url(_raw_public_bytes(key))}
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode("ascii")
    return _b64url(hashlib.sha256(canonical).digest())


def public_jwk(key: Ed25519PublicKey, kid: str | None = None) -> dict[str, str]:
    """The public JWK (RFC 8037 OKP) of an Ed25519 key."""
    return {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": _b64url(_raw_public_bytes(key)),
        "kid": kid or jwk_thumbprint(key),
        "alg": ALGORITHM,
        "use": "sig",
    }


def keys_from_jwks(jwks: JwkSet) -> dict[str, Ed25519PublicKey]:
    """Ed25519 signing keys of a JWKS by kid; other key types and encryption keys are skipped."""
    keys: dict[str, Ed25519PublicKey] = {}
    entries = jwks.get("keys")
    if not isinstance(entries, list):
        raise ValueError("a JWKS needs a `keys` list")
    for entry in entries:
        if not isinstance(entry, Mapping):
            raise ValueError("JWKS entries must be objects")
        if entry.get("kty") != "OKP" or entry.get("crv") != "Ed25519" or entry.get("use", "sig") != "sig":
            log.debug("jwks entry skipped", kid=entry.get("kid"), kty=entry.get("kty"), crv=entry.get("crv"))
            continue
        x = entry.get("x")
        if not isinstance(x, str):
            raise ValueError("an OKP JWK needs `x`")
        raw = _b64url_decode(x)
        if len(raw) != 32:
            raise ValueError("an Ed25519 public key is 32 bytes")
        key = Ed25519PublicKey.from_public_bytes(raw)
        kid = entry.get("kid")
        keys[kid if isinstance(kid, str) and kid else jwk_thumbprint(key)] = key
    return keys


class KeySet(Protocol):
    """Public keys that access tokens are verified with, looked up by the token's `kid`."""

    def peek(self, kid: str) -> Ed25519PublicKey | None:
        """The key if it is known now, without I/O (the verification cache's hot path)."""
        ...

    async def get(self, kid: str) -> Ed25519PublicKey | None:
        """The key, refreshing the set first when `kid` is unknown (rate-limited) or the set is stale."""
        ...


class StaticKeySet:
    """A fixed set of keys: the embedded development key, tests, pinned keys."""

    def __init__(self, keys: Mapping[str, Ed25519PublicKey]) -> None:
        self._keys = dict(keys)

    @classmethod
    def from_jwks(cls, jwks: JwkSet) -> StaticKeySet:
        return cls(keys_from_jwks(jwks))

    @property
    def kids(self) -> frozenset[str]:
        return frozenset(self._keys)

    def peek(self, kid: str) -> Ed25519PublicKey | None:
        return self._keys.get(kid)

    async def get(self, kid: str) -> Ed25519PublicKey | None:
        return self._keys.get(kid)


JwksSource = Callable[[], Awaitable[JwkSet]]
"""Fetches the current JWKS (identity's GetKeySet, an HTTPS URL, a file...)."""


class RemoteKeySet:
    """Keys published elsewhere (identity's GetKeySet), fetched through an injected callable.

    The set is cached for `refresh_s`; a token with an unknown `kid` triggers a
    refresh at once (identity has rotated in a new key), but at most once per
    `min_refresh_interval_s`, so a flood of tokens with made-up kids cannot
    turn into a flood of fetches. Concurrent refreshes share one fetch. When a
    fetch fails the last good keys stay in use (identity being briefly down
    must not log everyone out); with no keys at all calls fail UNAVAILABLE.
    """

    def __init__(
        self,
        fetch: JwksSource,
        *,
        refresh_s: float = 300.0,
        min_refresh_interval_s: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._refresh_s = refresh_s
        self._min_interval_s = min_refresh_interval_s
        self._clock = clock
        self._keys: dict[str, Ed25519PublicKey] = {}
        self._fetched_at: float | None = None
        self._attempted_at: float | None = None
        self._inflight: asyncio.Task[None] | None = None

    @classmethod
    def from_settings(cls, fetch: JwksSource, settings: Settings) -> RemoteKeySet:
        return cls(fetch, refresh_s=settings.key_set_refresh_s)

    @property
    def kids(self) -> frozenset[str]:
        return frozenset(self._keys)

    def _stale(self, now: float) -> bool:
        return self._fetched_at is None or now - self._fetched_at >= self._refresh_s

    def _may_retry(self, now: float) -> bool:
        return self._attempted_at is None or now - self._attempted_at >= self._min_interval_s

    def peek(self, kid: str) -> Ed25519PublicKey | None:
        now = self._clock()
        if self._stale(now) and self._inflight is None and self._may_retry(now):
            # Verified tokens are served from a cache that only peeks; without
            # this, a retired key would stay trusted as long as traffic hits the cache.
            with contextlib.suppress(RuntimeError):  # no running loop: nothing to schedule on
                self._inflight = asyncio.get_running_loop().create_task(self._refresh())
        return self._keys.get(kid)

    async def get(self, kid: str) -> Ed25519PublicKey | None:
        now = self._clock()
        if self._stale(now) or (kid not in self._keys and self._may_retry(now)):
            await self.refresh()
        if self._fetched_at is None:
            raise Unavailable("DEPENDENCY_UNAVAILABLE", "the token key set could not be fetched")
        return self._keys.get(kid)

    async def refresh(self) -> None:
        """Fetch the set now (joining a fetch already in flight)."""
        if self._inflight is None:
            self._inflight = asyncio.get_running_loop().create_task(self._refresh())
        await asyncio.shield(self._inflight)

    async def _refresh(self) -> None:
        self._attempted_at = self._clock()
        try:
            keys = keys_from_jwks(await self._fetch())
        except Exception as exc:
            # Keep serving the keys we have; the next unknown kid or stale read retries.
            log.warning("key set refresh failed", error=type(exc).__name__, detail=str(exc))
        else:
            self._keys = keys
            self._fetched_at = self._clock()
        finally:
            self._inflight = None


class SigningKey(Protocol):
    """A private key that can mint tokens: what `mint_access_token` needs."""

    @property
    def kid(self) -> str: ...

    @property
    def private_key(self) -> Ed25519PrivateKey: ...


@dataclass(frozen=True, slots=True)
class DevSigningKey:
    """The embedded development key: created once in data_dir, used by `jipan up` and tests.

    In production identity signs tokens with rotating keys and servers only
    hold the published public keys; this key exists so a laptop (and the test
    suite) has a working issuer without running identity.
    """

    private_key: Ed25519PrivateKey
    kid: str
    path: Path | None = None

    @classmethod
    def generate(cls) -> DevSigningKey:
        """A fresh key kept only in memory."""
        private_key = Ed25519PrivateKey.generate()
        return cls(private_key=private_key, kid=jwk_thumbprint(private_key.public_key()))

    @classmethod
    def load_or_create(cls, data_dir: Path) -> DevSigningKey:
        """The key in `data_dir`, created (mode 0600) on first use.

        Creation is atomic: the key is written to a private temporary file and
        hard-linked into place, so two processes starting together agree on one
        key and neither ever reads a half-written file.
        """
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / DEV_KEY_FILE
        if not path.exists():
            private_key = Ed25519PrivateKey.generate()
            pem = private_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            tmp = data_dir / f".{DEV_KEY_FILE}.{os.getpid()}.{uuid.uuid4().hex}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(pem)
                    out.flush()
                    os.fsync(out.fileno())
                with contextlib.suppress(FileExistsError):  # another process won the race: use its key
                    os.link(tmp, path)
            finally:
                tmp.unlink(missing_ok=True)
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise PermissionError(f"{path} is readable by other users (mode {mode:04o}); chmod 600 it")
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(loaded, Ed25519PrivateKey):
            raise ValueError(f"{path} does not hold an Ed25519 private key")
        return cls(private_key=loaded, kid=jwk_thumbprint(loaded.public_key()), path=path)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    def public_jwk(self) -> dict[str, str]:
        return public_jwk(self.public_key, self.kid)

    def public_jwks(self) -> dict[str, list[dict[str, str]]]:
        return {"keys": [self.public_jwk()]}

    def key_set(self) -> StaticKeySet:
        return StaticKeySet({self.kid: self.public_key})

    def mint(
        self,
        *,
        subject: str,
        audience: str | Sequence[str],
        issuer: str,
        scopes: Iterable[str] = (),
        org: str | None = None,
        roles: Iterable[str] = (),
        ttl_s: int = 900,
        consent: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> str:
        return mint_access_token(
            self,
            subject=subject,
            audience=audience,
            issuer=issuer,
            scopes=scopes,
            org=org,
            roles=roles,
            ttl_s=ttl_s,
            consent=consent,
            extra=extra,
        )


def mint_access_token(
    key: SigningKey,
    *,
    subject: str,
    audience: str | Sequence[str],
    issuer: str,
    scopes: Iterable[str],
    org: str | None = None,
    roles: Iterable[str] = (),
    ttl_s: int = 900,
    consent: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """An RFC 9068 access token signed with `key`.

    `extra` adds claims or overrides the computed ones; a value of None removes
    a claim (tests use that to build tokens that lack `jti`, carry a past `exp`...).
    """
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": issuer,
        "sub": subject,
        "aud": audience if isinstance(audience, str) else list(audience),
        "iat": now,
        "nbf": now,
        "exp": now + ttl_s,
        "jti": uuid.uuid4().hex,
        # RFC 9068 requires client_id; identity passes the real client in `extra`.
        "client_id": subject,
    }
    scope = " ".join(scopes)
    if scope:
        claims["scope"] = scope
    if org is not None:
        claims["org"] = org
    role_list = sorted(roles)
    if role_list:
        claims["roles"] = role_list
    if consent is not None:
        claims["consent"] = consent
    for name, value in (extra or {}).items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return jwt.encode(claims, key.private_key, algorithm=ALGORITHM, headers={"typ": "at+jwt", "kid": key.kid})


# --- verification -------------------------------------------------------------------------------


def _reject(reason: str, message: str) -> Unauthenticated:
    return Unauthenticated(reason, message)


# Not frozen: private to the verifier, built on every full verification, and a
# frozen dataclass's __init__ costs ~1 µs more here (object.__setattr__ per field).
@dataclass(slots=True)
class _Verified:
    principal: Principal
    kid: str
    key: Ed25519PublicKey
    not_before: float
    expires: float
    digests: TokenDigests | None
    """Computed when a revocation list first has entries (SHA-256 of jti, consent, sid)."""


def _not_a_string(name: str) -> Exception:
    return _reject("TOKEN_CLAIMS_INVALID", f"claim `{name}` must be a string")


def _principal_from_claims(claims: Mapping[str, Any]) -> Principal:
    # On every full verification: the optional string claims are checked inline
    # (a closure per call cost ~1 µs of the verify budget here).
    get = claims.get
    scope, org, consent = get("scope"), get("org"), get("consent")
    if scope is not None and not isinstance(scope, str):
        raise _not_a_string("scope")
    if org is not None and not isinstance(org, str):
        raise _not_a_string("org")
    if consent is not None and not isinstance(consent, str):
        raise _not_a_string("consent")
    aud = get("aud")
    audiences = (aud,) if isinstance(aud, str) else tuple(aud) if isinstance(aud, list) else ()
    roles = get("roles", [])
    if not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
        raise _reject("TOKEN_CLAIMS_INVALID", "claim `roles` must be a list of strings")
    return Principal(
        subject=claims["sub"],
        issuer=claims["iss"],
        audiences=audiences,
        expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
        token_id=claims["jti"],
        scopes=frozenset(scope.split()) if scope else frozenset(),
        org=org,
        roles=frozenset(roles),
        consent=consent,
        claims=MappingProxyType(claims if isinstance(claims, dict) else dict(claims)),
    )


_JWS = jwt.PyJWS()
_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
# base64url without padding (RFC 7515 §2) has one spelling per byte string: a
# segment of 4n+2 characters ends in a character whose 4 unused low bits are
# zero, one of 4n+3 in one whose 2 unused bits are; 4n+1 encodes nothing.
# Lenient decoders (Python's, PyJWT's) ignore those bits and accept `=`, so
# one token would have many spellings (and cache keys, and revocation
# digests of the raw string, and log lines) without this check.
_LAST_OF_2 = frozenset("AQgw")
_LAST_OF_3 = frozenset("AEIMQUYcgkosw048")


def canonical_segments(token: str) -> list[str] | None:
    """The three segments of a compact JWS in its one canonical spelling (unpadded
    base64url, no stray bits, none empty), else None."""
    if _COMPACT_JWS.fullmatch(token) is None:
        return None
    segments = token.split(".")
    for segment in segments:
        tail = len(segment) & 3
        if tail == 1:
            return None
        if tail == 2:
            if segment[-1] not in _LAST_OF_2:
                return None
        elif tail == 3 and segment[-1] not in _LAST_OF_3:
            return None
    return segments


def is_canonical_compact(token: str) -> bool:
    """Three non-empty segments of unpadded base64url, each in its one canonical spelling."""
    return canonical_segments(token) is not None


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class AccessTokenVerifier:
    """Verifies access tokens for one audience and issuer, with a cache of verified tokens.

    Why a cache is safe: a token string fixes its header, claims and signature,
    so if it verified once under key K it verifies again under K. What can
    change is only (a) time, so exp/nbf/iat are re-checked against the clock
    on every hit, and (b) whether K is still trusted, so every hit checks that
    the key set still holds the very same key object for the kid. What it buys:
    an Ed25519 verification plus JSON parsing costs ~60-100 µs of CPU per call,
    a cache hit ~1 µs, and clients reuse one token for many calls. The cache is
    an LRU bounded at `cache_size` entries; only successful verifications are
    stored, so garbage tokens cannot fill it with anything but misses.

    Revocation (revocation.py): with a `RevocationList`, every verification,
    cached or not, also looks the token's `jti`, `consent` and `sid` up in it
    (digests computed once per token, when the list first has entries: an
    empty list refuses nothing), so a token revoked at
    identity is refused here as soon as the list has it, however long it has
    been cached.
    """

    def __init__(
        self,
        key_set: KeySet,
        *,
        issuer: str,
        audience: str,
        clock_skew_s: float = 30,
        cache_size: int = 10_000,
        clock: Callable[[], float] = time.time,
        revocations: RevocationList | None = None,
    ) -> None:
        self._key_set = key_set
        self._revocations = revocations
        self._issuer = issuer
        self._audience = audience
        self._skew = clock_skew_s
        self._cache_size = cache_size
        self._clock = clock
        self._cache: OrderedDict[str, _Verified] = OrderedDict()
        self._nacl_keys: dict[str, tuple[Ed25519PublicKey, VerifyKey]] = {}
        self._headers: dict[str, dict[str, Any]] = {}

    @classmethod
    def from_settings(cls, settings: Settings, key_set: KeySet, **kwargs: Any) -> AccessTokenVerifier:
        return cls(
            key_set,
            issuer=settings.token_issuer,
            audience=settings.token_audience,
            clock_skew_s=settings.token_clock_skew_s,
            **kwargs,
        )

    def cached(self, token: str) -> Principal | None:
        """The principal of an already verified token, or None when it must be verified in full.

        Raises TOKEN_EXPIRED / TOKEN_NOT_YET_VALID for a cached token outside its lifetime,
        TOKEN_REVOKED / CONSENT_REVOKED for one revoked since it was cached.
        """
        entry = self._cache.get(token)
        if entry is None:
            return None
        now = self._clock()
        if entry.expires <= now - self._skew:
            del self._cache[token]
            raise _reject("TOKEN_EXPIRED", "the access token has expired")
        if entry.not_before > now + self._skew:
            raise _reject("TOKEN_NOT_YET_VALID", "the access token is not valid yet")
        if self._key_set.peek(entry.kid) is not entry.key:
            # The key was retired or replaced: forget the token, verify it from scratch.
            del self._cache[token]
            return None
        if self._revocations is not None and self._revocations.active:
            self._check_revoked(entry, self._revocations)
        self._cache.move_to_end(token)
        return entry.principal

    async def verify(self, token: str) -> Principal:
        """Verify `token` (signature, typ, kid, exp/nbf/iat, aud, iss, required claims, revocation)."""
        principal = self.cached(token)
        if principal is not None:
            return principal
        parts = canonical_segments(token)
        if parts is None:
            # RFC 7515 compact serialisation only, in its one spelling: JWS
            # JSON serialisation, padding, stray bits and other alphabets are
            # refused here, before PyJWT's more lenient parser sees them.
            raise _reject("TOKEN_MALFORMED", "the access token is not a compact JWS in canonical base64url")
        header = self._header(parts[0])
        typ = header.get("typ")
        if not isinstance(typ, str) or typ.lower() not in TOKEN_TYPES:
            raise _reject("TOKEN_CLAIMS_INVALID", "the token is not an access token (typ must be at+jwt)")
        if header.get("alg") != ALGORITHM:
            # Never let the token choose its algorithm (RFC 8725 §2.1): only EdDSA verifies.
            raise _reject("TOKEN_SIGNATURE_INVALID", "the token is not signed with EdDSA")
        kid = header.get("kid")
        if kid is None or kid == "":
            raise _reject("TOKEN_KEY_UNKNOWN", "the token names no signing key (kid)")
        if not isinstance(kid, str):
            raise _reject("TOKEN_MALFORMED", "the token header's `kid` is not a string")
        key = await self._key_set.get(kid)
        if key is None:
            raise _reject("TOKEN_KEY_UNKNOWN", "the token's signing key is not in the key set")
        claims = self._fast_decode(token, parts, kid, key)
        fast = claims is not None
        if claims is None:
            claims = self._decode(token, key)
        exp, iat, nbf = claims["exp"], claims["iat"], claims.get("nbf", 0)
        # The fast path accepts only JSON numbers; PyJWT's claims need the check.
        if not fast and not (_is_number(exp) and _is_number(iat) and _is_number(nbf)):
            # RFC 7519 NumericDate is a JSON number; PyJWT also takes "123".
            raise _reject("TOKEN_CLAIMS_INVALID", "a time claim of the access token is not a number")
        try:
            principal = _principal_from_claims(claims)
            not_before = max(float(nbf), float(iat))
            expires = float(exp)
        except (TypeError, ValueError, OverflowError, OSError):
            # Correctly signed, yet a claim no clock can hold (exp in the year
            # 10^300, nbf a list): the issuer's bug, the caller's refusal.
            raise _reject(
                "TOKEN_CLAIMS_INVALID", "a time claim of the access token is out of range"
            ) from None
        entry = _Verified(principal, kid, key, not_before, expires, None)
        if self._revocations is not None and self._revocations.active:
            self._check_revoked(entry, self._revocations)
        self._remember(token, entry)
        return principal

    @staticmethod
    def _check_revoked(entry: _Verified, revocations: RevocationList) -> None:
        """Refuse a revoked token; its digests are computed here, once, when first needed (an
        empty list, the usual case, refuses nothing and is not asked)."""
        if entry.digests is None:
            entry.digests = TokenDigests.of_claims(entry.principal.claims)
        revocations.check(entry.digests)

    def _header(self, segment: str) -> dict[str, Any]:
        # Every token a key signs has the same header segment: parse it once.
        cached = self._headers.get(segment)
        if cached is not None:
            return cached
        try:
            # orjson: strict JSON (no NaN, no lone surrogates) and nesting bounded at 1024.
            header = orjson.loads(_b64url_decode(segment))
        except (ValueError, binascii.Error):
            header = None
        if not isinstance(header, dict):
            raise _reject("TOKEN_MALFORMED", "the access token's header is not a JSON object")
        if len(self._headers) >= 256:
            self._headers.clear()
        self._headers[segment] = header
        return header

    def _verify_key(self, kid: str, key: Ed25519PublicKey) -> VerifyKey:
        cached = self._nacl_keys.get(kid)
        if cached is not None and cached[0] is key:
            return cached[1]
        verify_key = VerifyKey(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
        self._nacl_keys[kid] = (key, verify_key)
        return verify_key

    def _fast_decode(
        self, token: str, parts: list[str], kid: str, key: Ed25519PublicKey
    ) -> dict[str, Any] | None:
        """The claims of a compact token that is valid in every respect, else None (PyJWT decides)."""
        try:
            self._verify_key(kid, key).verify(token[: token.rindex(".")].encode(), _b64url_decode(parts[2]))
            claims = orjson.loads(_b64url_decode(parts[1]))  # ~0.6 µs against json's ~2.6
        except (BadSignatureError, ValueError, binascii.Error):
            return None
        # orjson builds exact dicts, strs, ints and floats. A required claim that is
        # missing or null fails a type check below (REQUIRED_CLAIMS: sub, exp, iat, jti).
        if type(claims) is not dict:
            return None
        get = claims.get
        # Any: the type checks below are by exact type, which mypy does not narrow on.
        exp: Any = get("exp")
        iat: Any = get("iat")
        nbf: Any = get("nbf")
        if type(exp) not in _JSON_NUMBERS or type(iat) not in _JSON_NUMBERS:
            return None
        if nbf is not None and type(nbf) not in _JSON_NUMBERS:
            return None
        now = self._clock()
        if exp <= now - self._skew or iat > now + self._skew or (nbf is not None and nbf > now + self._skew):
            return None
        aud = get("aud")
        if isinstance(aud, str):
            if aud != self._audience:
                return None
        elif not (isinstance(aud, list) and all(isinstance(a, str) for a in aud) and self._audience in aud):
            return None
        if get("iss") != self._issuer:
            return None
        if type(get("sub")) is not str or type(get("jti")) is not str:
            return None
        return claims

    def _decode(self, token: str, key: Ed25519PublicKey) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._skew,
                options={"require": list(REQUIRED_CLAIMS), "verify_sub": True, "verify_jti": True},
            )
        except jwt.InvalidSignatureError:
            raise _reject("TOKEN_SIGNATURE_INVALID", "the access token's signature does not verify") from None
        except jwt.ExpiredSignatureError:
            raise _reject("TOKEN_EXPIRED", "the access token has expired") from None
        except jwt.ImmatureSignatureError:
            raise _reject("TOKEN_NOT_YET_VALID", "the access token is not valid yet") from None
        except jwt.InvalidAudienceError:
            raise _reject("TOKEN_AUDIENCE_INVALID", "the access token is not meant for this server") from None
        except jwt.InvalidIssuerError:
            raise _reject("TOKEN_ISSUER_INVALID", "the access token has an unexpected issuer") from None
        except jwt.MissingRequiredClaimError as exc:
            if exc.claim == "aud":
                raise _reject("TOKEN_AUDIENCE_INVALID", "the access token names no audience") from None
            if exc.claim == "iss":
                raise _reject("TOKEN_ISSUER_INVALID", "the access token names no issuer") from None
            raise _reject("TOKEN_CLAIMS_INVALID", f"the access token lacks the `{exc.claim}` claim") from None
        except jwt.InvalidAlgorithmError:
            raise _reject("TOKEN_SIGNATURE_INVALID", "the token is not signed with EdDSA") from None
        except jwt.DecodeError:
            # PyJWT raises DecodeError for a broken encoding, for a payload
            # that is not a JSON object and for a non-numeric exp/nbf in a
            # correctly signed token; tell them apart.
            try:
                signed = _JWS.decode_complete(token, key, algorithms=[ALGORITHM])
            except jwt.PyJWTError:
                raise _reject("TOKEN_MALFORMED", "the access token is not a well-formed JWT") from None
            try:
                payload = orjson.loads(signed["payload"])
            except ValueError:
                payload = None
            if not isinstance(payload, dict):
                raise _reject("TOKEN_MALFORMED", "the access token's payload is not a JSON object") from None
            raise _reject(
                "TOKEN_CLAIMS_INVALID", "a time claim of the access token is not a number"
            ) from None
        except jwt.InvalidTokenError:
            raise _reject("TOKEN_CLAIMS_INVALID", "a claim of the access token is invalid") from None
        except (TypeError, ValueError, OverflowError):
            # PyJWT converts time claims with int() and catches only ValueError:
            # `"nbf": [1]` or `"exp": 1e400` in a signed token escape it as these.
            raise _reject("TOKEN_CLAIMS_INVALID", "a claim of the access token is invalid") from None
        return claims

    def _remember(self, token: str, entry: _Verified) -> None:
        self._cache[token] = entry
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def forget(self) -> None:
        """Drop every cached verification (after revoking a key out of band)."""
        self._cache.clear()
