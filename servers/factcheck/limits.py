"""Sizes the contract declares, and the checks every write of a fact-check passes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from jipan.servers.factcheck.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

MAX_CLAIM_CHARS = 4000
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit]


def http_url(value: str) -> bool:
    """An absolute http(s) URL with a host, at most 2000 characters."""
    if not value or len(value) > 2000 or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def invalid(field: str, problem: str) -> InvalidArgument:
    return InvalidArgument(
        "FACT_CHECK_INVALID",
        f"{field}: {problem}",
        domain=DOMAIN,
        metadata={"field": field, "problem": problem},
    )


def language_primary(tag: str) -> str:
    """ "zh-TW" → "zh"; the subtag filters compare on."""
    return tag.split("-", 1)[0].lower()
