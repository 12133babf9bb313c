"""Opaque, signed page tokens and page-size rules shared by every List method.

A page token is `base64url(json(payload)) "." base64url(hmac)`. The payload
holds the position to resume from and a fingerprint of the query that made it,
so a token is useless with a different filter and any edit breaks the MAC.
Tokens carry positions (last key seen), never offsets, so pages stay stable
while rows are inserted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jipan.servers.runtime.errors import COMMON_DOMAIN, InvalidArgument

_TOKEN_VERSION = 1
# What encode() produces: base64url body "." base64url of a 20-byte MAC (27
# characters). ASCII only: `re.ASCII` keeps \w-like classes from matching
# other scripts' letters (they are spelled out anyway).
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{27}", re.ASCII)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def query_fingerprint(method: str, **filters: Any) -> str:
    """A short stable digest of a List call's filters (everything but paging)."""
    canonical = json.dumps({"m": method, "f": filters}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def _invalid(detail: str) -> InvalidArgument:
    return InvalidArgument(
        "PAGE_TOKEN_INVALID",
        f"page_token is not valid for this query: {detail}",
        domain=COMMON_DOMAIN,
        metadata={"field": "page_token"},
    )


class PageTokens:
    """Signs and checks page tokens with one HMAC key (shared by all replicas)."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("page token key must be at least 16 bytes")
        self._key = key

    @classmethod
    def load_or_create(cls, data_dir: Path) -> PageTokens:
        """Embedded mode: a random key kept in data_dir (0600) across restarts."""
        path = data_dir / "page-token.key"
        if not path.exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(secrets.token_bytes(32))
            tmp.chmod(0o600)
            tmp.replace(path)
        return cls(path.read_bytes())

    def _mac(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode("ascii"), hashlib.sha256).digest()[:20])

    def encode(self, fingerprint: str, position: Mapping[str, Any]) -> str:
        payload = {"v": _TOKEN_VERSION, "q": fingerprint, "p": dict(position)}
        body = _b64(json.dumps(payload, separators=(",", ":"), default=str).encode())
        return f"{body}.{self._mac(body)}"

    def decode(self, token: str, fingerprint: str) -> dict[str, Any]:
        """The position stored in `token`; InvalidArgument(PAGE_TOKEN_INVALID) otherwise.

        Whatever the caller sends (any text, any length) ends here or in a
        position we signed: the shape is checked before anything is decoded,
        so no input reaches a codec, the MAC or JSON that could raise.
        """
        if _TOKEN_SHAPE.fullmatch(token) is None:
            raise _invalid("malformed")
        body, _, mac = token.partition(".")
        if not hmac.compare_digest(mac, self._mac(body)):
            raise _invalid("signature mismatch")
        try:
            payload = json.loads(_unb64(body))
        except (ValueError, binascii.Error, RecursionError) as exc:  # only a token we signed gets here
            raise _invalid("malformed") from exc
        if not isinstance(payload, dict) or payload.get("v") != _TOKEN_VERSION:
            raise _invalid("unsupported version")
        if payload.get("q") != fingerprint:
            raise _invalid("issued for a different query")
        position = payload.get("p")
        if not isinstance(position, dict):
            raise _invalid("malformed")
        return position


def resolve_page_size(requested: int, *, default: int, maximum: int) -> int:
    """AIP-158: 0 means the default, above the maximum is clamped, negative is an error."""
    if requested < 0:
        raise InvalidArgument(
            "FIELD_INVALID",
            "page_size must not be negative",
            metadata={"field": "page_size", "value": str(requested)},
        )
    if requested == 0:
        return default
    return min(requested, maximum)
