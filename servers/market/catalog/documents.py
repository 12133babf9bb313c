"""Shared reading of untrusted registry documents: bounded parsing and field coercion."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from jipan.servers.market.names import DOMAIN
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument
from jipan.servers.runtime.untrusted import parse_json, parse_xml

MAX_METADATA_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 32
VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+!~-]{0,127}$")
_EMAIL = re.compile(r"<[^>]*>|\S+@\S+")


def invalid(fmt: str, problem: str) -> InvalidArgument:
    return InvalidArgument(
        "METADATA_INVALID",
        f"metadata is not a {fmt} document the importer reads: {problem}",
        domain=DOMAIN,
        metadata={"format": fmt, "problem": problem[:200]},
        field_violations=[FieldViolation("metadata", problem[:200])],
    )


def _check_size(data: bytes) -> None:
    if len(data) > MAX_METADATA_BYTES:
        raise InvalidArgument(
            "METADATA_TOO_LARGE",
            f"metadata is {len(data)} bytes, the limit is {MAX_METADATA_BYTES}",
            domain=DOMAIN,
            metadata={"limit_bytes": str(MAX_METADATA_BYTES), "size_bytes": str(len(data))},
            field_violations=[FieldViolation("metadata", "too large")],
        )


def json_object(data: bytes, fmt: str) -> dict[str, Any]:
    _check_size(data)
    parsed = parse_json(
        data,
        field="metadata",
        max_depth=MAX_DEPTH,
        max_bytes=MAX_METADATA_BYTES,
        reason="METADATA_INVALID",
        domain=DOMAIN,
    )
    if not isinstance(parsed, dict):
        raise invalid(fmt, "the document is not a JSON object")
    return parsed


def xml_root(data: bytes, fmt: str) -> ET.Element:
    _check_size(data)
    return parse_xml(
        data,
        field="metadata",
        max_depth=MAX_DEPTH,
        max_bytes=MAX_METADATA_BYTES,
        reason="METADATA_INVALID",
        domain=DOMAIN,
    )


def mapping(value: Any, fmt: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid(fmt, f"{where} is missing or not an object")
    return value


def text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def http_uri(value: Any) -> str:
    uri = text(value)
    if uri.startswith("git+"):
        uri = uri[4:]
    if uri.endswith(".git"):
        uri = uri[:-4]
    if uri.startswith("git://"):
        uri = "https://" + uri[6:]
    return uri[:2000] if uri.startswith(("https://", "http://")) else ""


def person(value: Any) -> str:
    """A person's name without e-mail addresses (the catalog counts maintainers, it does not list them)."""
    if isinstance(value, dict):
        value = value.get("name")
    name = _EMAIL.sub("", text(value)).strip(" ,")
    return name[:200]


def distinct_people(people: Iterable[str]) -> tuple[str, ...]:
    """Distinct names; "A, B" fields count as two people."""
    out: dict[str, None] = {}
    for entry in people:
        for name in entry.split(","):
            name = name.strip()
            if name:
                out.setdefault(name.lower(), None)
    return tuple(out)


def keywords(value: Any) -> tuple[str, ...]:
    words = [text(v) for v in value] if isinstance(value, list) else re.split(r"[,\s]+", text(value))
    return tuple(dict.fromkeys(w.lower()[:60] for w in words if w))[:50]


def timestamp(value: Any) -> datetime | None:
    raw = text(value)
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()
