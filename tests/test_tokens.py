"""Access tokens without a server: keys, key sets, minting, verification and its cache.

test_interceptors.py runs every rejection reason through a real server; this
file pins down what is easier to see without one (clocks, fetch counts,
files on disk, cache behaviour).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from jipan.interceptors.tokens import (
    _COMPACT_JWS,
    DEV_KEY_FILE,
    AccessTokenVerifier,
    DevSigningKey,
    RemoteKeySet,
    StaticKeySet,
    jwk_thumbprint,
    keys_from_jwks,
    mint_access_token,
)
from jipan.servers.runtime.errors import Unauthenticated, Unavailable

ISSUER = "https://identity.jipan.test"
AUDIENCE = "ledger"


def raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class Clock:
    def __init__(self, start: float | None = None) -> None:
        self.now = time.time() if start is None else start

    def __call__(self) -> float:
        return self.now


class JwksSource:
    """An editable JWKS behind a fetch function that counts its calls."""

    def __init__(self, *keys: DevSigningKey) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.fail = False
        self.delay = 0.0

    async def __call__(self) -> dict[str, Any]:
        self.fetches += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail:
            raise ConnectionError("identity is down")
        return {"keys": [key.public_jwk() for key in self.keys]}


def mint(key: DevSigningKey, **claims: Any) -> str:
    claims.setdefault("subject", "people/alice")
    claims.setdefault("audience", AUDIENCE)
    claims.setdefault("issuer", ISSUER)
    claims.setdefault("scopes", ["ledger.read"])
    return key.mint(**claims)


# --- keys ----------------------------------------------------------------------------------------


def test_the_thumbprint_is_rfc_7638_as_in_rfc_8037() -> None:
    # RFC 8037 appendix A.3: the thumbprint of the example Ed25519 key.
    x = base64.urlsafe_b64decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
    assert (
        jwk_thumbprint(Ed25519PublicKey.from_public_bytes(x)) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    )


def test_the_dev_key_is_created_once_private_and_named_by_its_thumbprint(tmp_path: Path) -> None:
    first = DevSigningKey.load_or_create(tmp_path / "data")
    second = DevSigningKey.load_or_create(tmp_path / "data")
    assert first.kid == second.kid == jwk_thumbprint(first.public_key)
    assert raw(first.public_key) == raw(second.public_key)
    path = tmp_path / "data" / DEV_KEY_FILE
    assert first.path == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in (tmp_path / "data").iterdir()] == [DEV_KEY_FILE]  # no temporary files left


def test_concurrent_first_starts_agree_on_one_key(tmp_path: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        kids = set(pool.map(lambda _: DevSigningKey.load_or_create(tmp_path).kid, range(16)))
    assert len(kids) == 1


def test_a_dev_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    DevSigningKey.load_or_create(tmp_path)
    os.chmod(tmp_path / DEV_KEY_FILE, 0o644)
    with pytest.raises(PermissionError):
        DevSigningKey.load_or_create(tmp_path)


def test_public_jwks_round_trip() -> None:
    key = DevSigningKey.generate()
    jwks = key.public_jwks()
    assert jwks["keys"][0] | {"x": ""} == {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": "",
        "kid": key.kid,
        "alg": "EdDSA",
        "use": "sig",
    }
    assert "d" not in jwks["keys"][0]  # never the private part
    loaded = StaticKeySet.from_jwks(json.loads(json.dumps(jwks))).peek(key.kid)
    assert loaded is not None
    assert raw(loaded) == raw(key.public_key)


def test_keys_from_jwks_skips_other_keys_and_rejects_broken_ones() -> None:
    key = DevSigningKey.generate()
    jwk = key.public_jwk()
    del jwk["kid"]
    keys = keys_from_jwks(
        {
            "keys": [
                {"kty": "RSA", "n": "abc", "e": "AQAB", "kid": "rsa-1"},
                {**key.public_jwk(), "use": "enc", "kid": "enc-1"},
                jwk,
            ]
        }
    )
    assert list(keys) == [key.kid]  # an entry without kid is named by its thumbprint
    with pytest.raises(ValueError, match="32 bytes"):
        keys_from_jwks({"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}]})
    with pytest.raises(ValueError, match="keys"):
        keys_from_jwks({"kid": "x"})


# --- minting -------------------------------------------------------------------------------------


def test_mint_makes_an_rfc_9068_access_token() -> None:
    key = DevSigningKey.generate()
    token = mint_access_token(
        key,
        subject="people/alice",
        audience=["ledger", "cloud"],
        issuer=ISSUER,
        scopes=["ledger.read", "cloud.write"],
        org="orgs/moda",
        roles=["viewer", "admin"],
        ttl_s=120,
        consent="consents/7",
        extra={"client_id": "apps/portal", "nbf": None},
    )
    assert jwt.get_unverified_header(token) == {"alg": "EdDSA", "typ": "at+jwt", "kid": key.kid}
    claims = jwt.decode(token, key.public_key, algorithms=["EdDSA"], audience="ledger")
    assert claims["exp"] - claims["iat"] == 120
    assert "nbf" not in claims
    assert claims | {"exp": 0, "iat": 0, "jti": ""} == {
        "iss": ISSUER,
        "sub": "people/alice",
        "aud": ["ledger", "cloud"],
        "exp": 0,
        "iat": 0,
        "jti": "",
        "client_id": "apps/portal",
        "scope": "ledger.read cloud.write",
        "org": "orgs/moda",
        "roles": ["admin", "viewer"],
        "consent": "consents/7",
    }
    assert claims["jti"] != jwt.decode(mint(key), options={"verify_signature": False})["jti"]


# --- verification --------------------------------------------------------------------------------


def verifier(key_set: Any, **kwargs: Any) -> AccessTokenVerifier:
    return AccessTokenVerifier(key_set, issuer=ISSUER, audience=AUDIENCE, clock_skew_s=30, **kwargs)


async def test_a_valid_token_becomes_a_principal() -> None:
    key = DevSigningKey.generate()
    token = mint(key, scopes=["a", "b"], org="orgs/1", roles=["admin"], consent="consents/2")
    principal = await verifier(key.key_set()).verify(token)
    assert principal.subject == "people/alice"
    assert principal.scopes == frozenset({"a", "b"})
    assert (principal.org, principal.roles, principal.consent) == (
        "orgs/1",
        frozenset({"admin"}),
        "consents/2",
    )
    assert principal.audiences == (AUDIENCE,)
    assert principal.claims["iss"] == ISSUER


async def test_a_verified_token_is_served_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    key = DevSigningKey.generate()
    verifications: list[str] = []
    real_fast = AccessTokenVerifier._fast_decode

    def counting_fast(self: AccessTokenVerifier, token: str, *args: Any) -> Any:
        verifications.append(token)
        return real_fast(self, token, *args)

    monkeypatch.setattr(AccessTokenVerifier, "_fast_decode", counting_fast)
    check = verifier(key.key_set())
    token = mint(key)
    first = await check.verify(token)
    assert check.cached(token) is first
    assert await check.verify(token) is first
    assert len(verifications) == 1


def _resign(key: DevSigningKey, claims: dict[str, Any], header: dict[str, Any] | None = None) -> str:
    return jwt.encode(
        claims, key.private_key, algorithm="EdDSA", headers=header or {"typ": "at+jwt", "kid": key.kid}
    )


def test_the_fast_path_accepts_exactly_what_pyjwt_accepts() -> None:
    """Every token the libsodium fast path accepts, PyJWT accepts with the same claims; every
    token PyJWT refuses, the fast path hands over (returns None) so PyJWT names the failure."""
    key = DevSigningKey.generate()
    other = DevSigningKey.generate()
    clock = Clock()
    check = verifier(key.key_set(), clock=clock)
    now = int(clock.now)
    base = {
        "iss": ISSUER,
        "sub": "people/alice",
        "aud": AUDIENCE,
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "jti": "j1",
    }

    def variant(**changes: Any) -> dict[str, Any]:
        claims = dict(base)
        for name, value in changes.items():
            if value is None:
                claims.pop(name, None)
            else:
                claims[name] = value
        return claims

    tokens = {
        "valid": _resign(key, base),
        "aud-list": _resign(key, variant(aud=["other", AUDIENCE])),
        "aud-wrong": _resign(key, variant(aud="other")),
        "aud-list-wrong": _resign(key, variant(aud=["other"])),
        "aud-missing": _resign(key, variant(aud=None)),
        "aud-number": _resign(key, variant(aud=5)),
        "iss-wrong": _resign(key, variant(iss="https://evil")),
        "iss-missing": _resign(key, variant(iss=None)),
        "expired": _resign(key, variant(exp=now - 31)),
        "expired-within-skew": _resign(key, variant(exp=now - 29)),
        "nbf-future": _resign(key, variant(nbf=now + 31)),
        "nbf-within-skew": _resign(key, variant(nbf=now + 29)),
        "iat-future": _resign(key, variant(iat=now + 31, nbf=None)),
        "exp-string": _resign(key, variant(exp="soon")),
        "exp-bool": _resign(key, variant(exp=True)),
        "sub-missing": _resign(key, variant(sub=None)),
        "sub-number": _resign(key, variant(sub=7)),
        "jti-missing": _resign(key, variant(jti=None)),
        "other-key": _resign(other, base, {"typ": "at+jwt", "kid": key.kid}),
    }
    valid = tokens["valid"]
    head, body, signature = valid.split(".")
    tokens["tampered-payload"] = f"{head}.{body[:-2]}AA.{signature}"
    tokens["signature-junk"] = f"{head}.{body}.{signature[:10]}!{signature[10:]}"
    tokens["signature-short"] = f"{head}.{body}.{signature[:20]}"
    for name, token in tokens.items():
        compact = _COMPACT_JWS.fullmatch(token) is not None
        fast = check._fast_decode(token, token.split("."), key.kid, key.public_key) if compact else None
        try:
            slow: dict[str, Any] | None = check._decode(token, key.public_key)
        except Unauthenticated:
            slow = None
        if fast is not None:
            assert slow == fast, name
        assert (fast is not None) == (
            name in {"valid", "aud-list", "expired-within-skew", "nbf-within-skew"}
        ), name
        if slow is None:
            assert fast is None, name


async def test_a_cached_token_still_expires_on_the_clock() -> None:
    key = DevSigningKey.generate()
    clock = Clock()
    check = verifier(key.key_set(), clock=clock)
    token = mint(key, ttl_s=60)
    await check.verify(token)
    clock.now += 60 + 29  # within the skew
    assert check.cached(token) is not None
    clock.now += 2
    with pytest.raises(Unauthenticated) as caught:
        check.cached(token)
    assert caught.value.reason == "TOKEN_EXPIRED"


async def test_a_cached_token_is_not_valid_before_its_time_when_the_clock_steps_back() -> None:
    key = DevSigningKey.generate()
    clock = Clock()
    check = verifier(key.key_set(), clock=clock)
    token = mint(key)
    await check.verify(token)
    clock.now -= 3600  # the host clock was corrected backwards
    with pytest.raises(Unauthenticated) as caught:
        check.cached(token)
    assert caught.value.reason == "TOKEN_NOT_YET_VALID"


async def test_the_cache_is_bounded_and_forgets_the_least_recently_used() -> None:
    key = DevSigningKey.generate()
    check = verifier(key.key_set(), cache_size=2)
    a, b, c = mint(key), mint(key), mint(key)
    await check.verify(a)
    await check.verify(b)
    await check.verify(a)  # a is now the most recently used
    await check.verify(c)
    assert check.cached(a) is not None
    assert check.cached(b) is None
    assert check.cached(c) is not None


async def test_a_retired_key_invalidates_its_cached_tokens() -> None:
    old, new = DevSigningKey.generate(), DevSigningKey.generate()
    source = JwksSource(old)
    key_set = RemoteKeySet(source, min_refresh_interval_s=0)
    check = verifier(key_set)
    token = mint(old)
    await check.verify(token)
    source.keys = [new]
    await key_set.refresh()
    assert check.cached(token) is None
    with pytest.raises(Unauthenticated) as caught:
        await check.verify(token)
    assert caught.value.reason == "TOKEN_KEY_UNKNOWN"
    assert (await check.verify(mint(new))).subject == "people/alice"


CLAIM_REJECTIONS: dict[str, tuple[Any, str]] = {
    # Functions of "now", so that times are fresh when the test runs, not when it is collected.
    "expired": (lambda t: {"extra": {"exp": t - 31, "iat": t - 100, "nbf": None}}, "TOKEN_EXPIRED"),
    "nbf": (lambda t: {"extra": {"nbf": t + 31}}, "TOKEN_NOT_YET_VALID"),
    "audience": (lambda t: {"audience": "cloud"}, "TOKEN_AUDIENCE_INVALID"),
    "issuer": (lambda t: {"issuer": "https://elsewhere"}, "TOKEN_ISSUER_INVALID"),
    "no iat": (lambda t: {"extra": {"iat": None}}, "TOKEN_CLAIMS_INVALID"),
    "exp not a number": (lambda t: {"extra": {"exp": "soon"}}, "TOKEN_CLAIMS_INVALID"),
    "sub not a string": (lambda t: {"extra": {"sub": 42}}, "TOKEN_CLAIMS_INVALID"),
    "scope type": (lambda t: {"extra": {"scope": ["not", "a", "string"]}}, "TOKEN_CLAIMS_INVALID"),
}


@pytest.mark.parametrize("case", list(CLAIM_REJECTIONS))
async def test_claim_rejections(case: str) -> None:
    claims, reason = CLAIM_REJECTIONS[case]
    key = DevSigningKey.generate()
    with pytest.raises(Unauthenticated) as caught:
        await verifier(key.key_set()).verify(mint(key, **claims(int(time.time()))))
    assert caught.value.reason == reason


# --- malformed and non-canonical tokens ----------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _signed(key: DevSigningKey, header: Any, claims: Any, *, raw_header: bytes | None = None) -> str:
    """A compact JWS signed by `key` over exactly these header and claims (PyJWT would vet them)."""
    head = _b64(raw_header if raw_header is not None else json.dumps(header).encode())
    body = _b64(json.dumps(claims).encode())
    signature = key.private_key.sign(f"{head}.{body}".encode())
    return f"{head}.{body}.{_b64(signature)}"


def _fresh_claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "people/alice", "aud": AUDIENCE, "iat": now, "exp": now + 300, "jti": "j"}
    claims.update(changes)
    return claims


def _stray_bits(segment: str) -> str:
    """The same bytes spelled with non-zero unused bits in the last character (lenient decoders agree)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    assert len(segment) % 4 in (2, 3), segment
    spelled = segment[:-1] + alphabet[alphabet.index(segment[-1]) + 1]
    assert base64.urlsafe_b64decode(spelled + "==") == base64.urlsafe_b64decode(segment + "==")
    return spelled


def _header_of_length_mod4(key: DevSigningKey, remainder: int) -> dict[str, Any]:
    for pad in range(8):
        header = {"typ": "at+jwt", "alg": "EdDSA", "kid": key.kid, "x": "p" * pad}
        if len(_b64(json.dumps(header).encode())) % 4 == remainder:
            return header
    raise AssertionError("unreachable")


@pytest.mark.parametrize("kid", [1, 1.5, True, ["k"], {"k": 1}])
async def test_a_kid_that_is_not_a_string_is_malformed(kid: Any) -> None:
    # PyJWT raises a bare InvalidTokenError for these; it once reached the client as INTERNAL.
    key = DevSigningKey.generate()
    token = _signed(key, {"typ": "at+jwt", "alg": "EdDSA", "kid": kid}, _fresh_claims())
    with pytest.raises(Unauthenticated) as caught:
        await verifier(key.key_set()).verify(token)
    assert caught.value.reason == "TOKEN_MALFORMED"


@pytest.mark.parametrize(
    "raw_header",
    [b"[1, 2]", b'"at+jwt"', b"not json", b"[" * 5000 + b"]" * 5000, b'{"alg": NaN}', b"\xff\xfe"],
    ids=["array", "string", "text", "deep", "nan", "binary"],
)
async def test_a_header_that_is_not_a_json_object_is_malformed(raw_header: bytes) -> None:
    key = DevSigningKey.generate()
    token = _signed(key, None, _fresh_claims(), raw_header=raw_header)
    with pytest.raises(Unauthenticated) as caught:
        await verifier(key.key_set()).verify(token)
    assert caught.value.reason == "TOKEN_MALFORMED"


def _non_canonical_spellings(key: DevSigningKey) -> dict[str, str]:
    """Tokens that lenient base64url decoders read as a validly signed token."""
    spellings: dict[str, str] = {}
    for remainder in (2, 3):
        token = _signed(key, _header_of_length_mod4(key, remainder), _fresh_claims())
        head, body, signature = token.split(".")
        spellings[f"header {remainder} mod 4, stray bits"] = f"{_stray_bits(head)}.{body}.{signature}"
        spellings[f"header {remainder} mod 4, padded"] = f"{head}{'=' * (4 - remainder)}.{body}.{signature}"
    for pad in range(4):
        token = _signed(key, {"typ": "at+jwt", "alg": "EdDSA", "kid": key.kid}, _fresh_claims(pad="p" * pad))
        head, body, signature = token.split(".")
        if len(body) % 4:
            spellings[f"payload {len(body) % 4} mod 4, stray bits"] = (
                f"{head}.{_stray_bits(body)}.{signature}"
            )
            spellings[f"payload {len(body) % 4} mod 4, padded"] = (
                f"{head}.{body}{'=' * (-len(body) % 4)}.{signature}"
            )
    # A token with a '-' or '_' in it (about 1 in 10 has neither), so that the
    # standard-alphabet spelling below differs from the canonical one.
    token = next(t for t in (mint(key) for _ in range(200)) if "-" in t or "_" in t)
    head, body, signature = token.split(".")
    spellings["signature, stray bits"] = f"{head}.{body}.{_stray_bits(signature)}"
    spellings["signature, padded"] = f"{head}.{body}.{signature}=="
    spellings["signature, one pad"] = f"{head}.{body}.{signature}="
    spellings["standard alphabet"] = f"{head}.{body}.{signature}".replace("-", "+").replace("_", "/")
    spellings["a fourth segment"] = f"{head}.{body}.{signature}.{signature}"
    spellings["empty signature"] = f"{head}.{body}."
    spellings["spaces inside"] = f"{head}.{body}. {signature}"
    return spellings


async def test_only_the_canonical_spelling_of_a_token_is_accepted() -> None:
    """RFC 7515 compact serialisation: padding and non-zero unused bits are refused in
    every segment, although Python's and PyJWT's decoders read the same bytes."""
    key = DevSigningKey.generate()
    check = verifier(key.key_set())
    spellings = _non_canonical_spellings(key)
    # Every remainder the payload and header can have was covered.
    assert {name.split(",")[0] for name in spellings} >= {
        "header 2 mod 4",
        "header 3 mod 4",
        "payload 2 mod 4",
        "payload 3 mod 4",
        "signature",
    }
    for name, token in spellings.items():
        with pytest.raises(Unauthenticated) as caught:
            await check.verify(token)
        assert caught.value.reason == "TOKEN_MALFORMED", name
    # ...and the canonical spellings of the same tokens verify.
    assert (await check.verify(mint(key))).subject == "people/alice"


async def test_padding_is_refused_by_the_pyjwt_path_too() -> None:
    # A token that fails the fast path (an unknown audience) still gets TOKEN_MALFORMED
    # for its spelling, not the audience error PyJWT would name.
    key = DevSigningKey.generate()
    token = mint(key, audience="cloud")
    with pytest.raises(Unauthenticated) as caught:
        await verifier(key.key_set()).verify(token + "==")
    assert caught.value.reason == "TOKEN_MALFORMED"
    with pytest.raises(Unauthenticated) as caught:
        await verifier(key.key_set()).verify(token)
    assert caught.value.reason == "TOKEN_AUDIENCE_INVALID"


@pytest.mark.parametrize(
    "payload", [b"[1, 2]", b'"claims"', b"42", b"null", b"not json", b"\xff"], ids=lambda p: repr(p)[:12]
)
async def test_a_signed_payload_that_is_not_a_json_object_is_malformed(payload: bytes) -> None:
    key = DevSigningKey.generate()
    head = _b64(json.dumps({"typ": "at+jwt", "alg": "EdDSA", "kid": key.kid}).encode())
    body = _b64(payload)
    token = f"{head}.{body}.{_b64(key.private_key.sign(f'{head}.{body}'.encode()))}"
    with pytest.raises(Unauthenticated) as caught:
        await verifier(key.key_set()).verify(token)
    assert caught.value.reason == "TOKEN_MALFORMED"


@pytest.mark.parametrize(
    "changes",
    [{"exp": 1e300}, {"exp": 10**30}, {"nbf": [1]}, {"iat": {"t": 1}}, {"nbf": "1"}, {"exp": -(10**30)}],
    ids=["exp-float-huge", "exp-int-huge", "nbf-list", "iat-object", "nbf-string", "exp-negative"],
)
async def test_signed_time_claims_no_clock_can_hold_are_refused(changes: dict[str, Any]) -> None:
    key = DevSigningKey.generate()
    token = _signed(key, {"typ": "at+jwt", "alg": "EdDSA", "kid": key.kid}, _fresh_claims(**changes))
    with pytest.raises(Unauthenticated) as caught:
        await verifier(key.key_set()).verify(token)
    assert caught.value.reason in {"TOKEN_CLAIMS_INVALID", "TOKEN_EXPIRED"}


async def test_failed_verifications_are_not_cached() -> None:
    key = DevSigningKey.generate()
    check = verifier(key.key_set())
    token = mint(key, audience="cloud")
    for _ in range(2):
        with pytest.raises(Unauthenticated):
            await check.verify(token)
    assert check.cached(token) is None


# --- remote key sets -----------------------------------------------------------------------------


async def test_the_key_set_is_fetched_once_and_cached() -> None:
    key = DevSigningKey.generate()
    source = JwksSource(key)
    key_set = RemoteKeySet(source, refresh_s=300)
    assert await key_set.get(key.kid) is not None
    assert await key_set.get(key.kid) is not None
    assert source.fetches == 1


async def test_an_unknown_kid_refreshes_at_most_once_per_interval() -> None:
    key, rotated = DevSigningKey.generate(), DevSigningKey.generate()
    source = JwksSource(key)
    clock = Clock(1000.0)
    key_set = RemoteKeySet(source, refresh_s=300, min_refresh_interval_s=10, clock=clock)
    await key_set.get(key.kid)
    assert await key_set.get("made-up") is None
    assert source.fetches == 1  # the first fetch was just now: rate-limited
    clock.now += 11
    source.keys.append(rotated)
    assert await key_set.get("made-up") is None
    assert source.fetches == 2
    assert await key_set.get(rotated.kid) is not None  # learnt by that refresh
    assert await key_set.get("made-up-again") is None
    assert source.fetches == 2


async def test_a_stale_set_is_refreshed_and_peek_refreshes_in_the_background() -> None:
    key = DevSigningKey.generate()
    source = JwksSource(key)
    clock = Clock(1000.0)
    key_set = RemoteKeySet(source, refresh_s=300, min_refresh_interval_s=10, clock=clock)
    await key_set.get(key.kid)
    clock.now += 301
    assert key_set.peek(key.kid) is not None  # answers at once from what it has...
    await asyncio.sleep(0.01)
    assert source.fetches == 2  # ...and refreshed behind the scenes
    clock.now += 301
    await key_set.get(key.kid)
    assert source.fetches == 3


async def test_a_failing_fetch_keeps_the_last_good_keys() -> None:
    key = DevSigningKey.generate()
    source = JwksSource(key)
    clock = Clock(1000.0)
    key_set = RemoteKeySet(source, refresh_s=300, min_refresh_interval_s=0, clock=clock)
    await key_set.get(key.kid)
    source.fail = True
    clock.now += 301
    assert await key_set.get(key.kid) is not None
    assert source.fetches == 2


async def test_no_key_set_at_all_is_unavailable() -> None:
    source = JwksSource()
    source.fail = True
    with pytest.raises(Unavailable) as caught:
        await RemoteKeySet(source).get("any")
    assert caught.value.reason == "DEPENDENCY_UNAVAILABLE"


async def test_concurrent_lookups_share_one_fetch() -> None:
    key = DevSigningKey.generate()
    source = JwksSource(key)
    source.delay = 0.05
    key_set = RemoteKeySet(source, min_refresh_interval_s=0)
    found = await asyncio.gather(*(key_set.get(key.kid) for _ in range(10)))
    assert all(k is not None for k in found)
    assert source.fetches == 1
