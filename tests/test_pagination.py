"""The shared page-token codec: only tokens it issued decode, anything else is PAGE_TOKEN_INVALID.

Every List in every service decodes `page_token` through `PageTokens.decode`
(test_server.py runs the same inputs through a served List); these inputs
once reached the HMAC as non-ASCII text and came back INTERNAL.
"""

from __future__ import annotations

import base64
import json

import pytest

from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint

KEY = b"k" * 32
FINGERPRINT = query_fingerprint("ListThings", parent="orgs/a")


def issued(position: dict[str, object] | None = None) -> str:
    return PageTokens(KEY).encode(FINGERPRINT, position or {"after": "x", "s": 7})


def test_a_token_round_trips() -> None:
    assert PageTokens(KEY).decode(issued(), FINGERPRINT) == {"after": "x", "s": 7}


def _not_ours() -> dict[str, str]:
    token = issued()
    body, _, mac = token.partition(".")
    forged_body = base64.urlsafe_b64encode(json.dumps({"v": 1, "q": FINGERPRINT, "p": {"s": 0}}).encode())
    return {
        "empty body": f".{mac}",
        "no dot": body + mac,
        "two dots": f"{body}.{mac}.{mac}",
        "non-ascii": "ü",
        "non-ascii in a token": token[:-1] + "é",
        "cjk": "下一頁",
        "emoji": "📄.📄",
        "nul": f"{body}\x00.{mac}",
        "lone surrogate escape text": "\\ud800",
        "padding": f"{body}==.{mac}",
        "standard alphabet": f"{body}.{mac}".replace("-", "+").replace("_", "/") + "+/",
        "whitespace": f" {token}",
        "newline": f"{token}\n",
        "mac truncated": token[:-1],
        "mac of another key": PageTokens(b"o" * 32).encode(FINGERPRINT, {"s": 7}),
        "mac altered": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "body forged": f"{forged_body.decode().rstrip('=')}.{mac}",
        "other query": PageTokens(KEY).encode(query_fingerprint("ListThings", parent="orgs/b"), {"s": 7}),
        "huge": "A" * 1_000_000 + "." + "A" * 27,
        "bytes as text": "b'\\xff'",
    }


@pytest.mark.parametrize("case", list(_not_ours()))
def test_anything_we_did_not_issue_is_page_token_invalid(case: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        PageTokens(KEY).decode(_not_ours()[case], FINGERPRINT)
    assert caught.value.reason == "PAGE_TOKEN_INVALID"
    assert caught.value.metadata["field"] == "page_token"


def test_a_signed_body_that_is_not_a_position_is_invalid() -> None:
    # Only the key holder can sign, but a token from an older format (or a bug) must not crash.
    tokens = PageTokens(KEY)
    for body_bytes in (b"not json", b"[1]", json.dumps({"v": 99, "q": FINGERPRINT, "p": {}}).encode()):
        body = base64.urlsafe_b64encode(body_bytes).rstrip(b"=").decode()
        with pytest.raises(InvalidArgument) as caught:
            tokens.decode(f"{body}.{tokens._mac(body)}", FINGERPRINT)
        assert caught.value.reason == "PAGE_TOKEN_INVALID"
