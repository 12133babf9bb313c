"""Bounded parsing of untrusted structured text: JSON, XML and zip from requests.

Every request field that carries a document (a WebAuthn credential, an OSV
dump, an SBOM) is parsed here, so that one set of limits holds for every
service, present and future:

- size: the text is refused before parsing when it is longer than `max_bytes`;
- nesting: JSON and XML deeper than `max_depth` are refused before (JSON) or
  while (XML) they are parsed. The C JSON parser recurses on the C stack once
  per level, checked only against `sys.getrecursionlimit()`; a dependency that
  raises the limit (py-evm and py_ecc do, see recursion_limit.py) turns deep
  input into a SIGSEGV of the whole server instead of a RecursionError. The
  depth is counted before the parser runs, so the limit does not depend on
  the recursion limit at all;
- XML: no DTD (so no entity expansion and no external entities);
- zip: member count, the bytes the members really expand to (not what the
  archive claims) per member and in total, and the expansion ratio.

A refusal is `StructuredTextRefused`, an InvalidArgument with a field
violation naming the request field and the caller's ErrorInfo reason and
domain (by default the common FIELD_INVALID), so it reaches the caller as
INVALID_ARGUMENT through the error translation stage like any domain error.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from itertools import accumulate
from typing import Any
from xml.etree import ElementTree as ET

from jipan.servers.runtime.errors import COMMON_DOMAIN, FieldViolation, InvalidArgument

FIELD_INVALID = "FIELD_INVALID"

DEFAULT_MAX_DEPTH = 64
"""Nesting (arrays/objects, or elements) allowed by default: real documents nest a
handful of levels; even CycloneDX with sub-components stays far below."""

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""The server's largest request message."""

DEFAULT_MAX_ZIP_MEMBERS = 1_000_000
DEFAULT_MAX_ZIP_RATIO = 200
"""Expanded / compressed bytes per member. Text deflates at 3-20x; a zip bomb at ~1000x."""

_ZIP_RATIO_FLOOR = 1024 * 1024
"""Members that expand to less than this are never refused for their ratio
(tiny members of repeated text compress very well and harm nobody)."""

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_XML_CHUNK = 64 * 1024


class StructuredTextRefused(InvalidArgument):
    """Untrusted structured text that is over a limit or not well-formed."""


def refused(
    message: str,
    *,
    field: str,
    reason: str = FIELD_INVALID,
    domain: str = COMMON_DOMAIN,
    metadata: Mapping[str, str] | None = None,
) -> StructuredTextRefused:
    return StructuredTextRefused(
        reason,
        message,
        domain=domain,
        metadata=metadata,
        field_violations=(FieldViolation(field=field, description=message, reason=reason),),
    )


def json_depth(data: bytes | str) -> int:
    """How deep JSON text nests arrays and objects (brackets inside strings ignored), at C speed.

    Agrees with the parser on every prefix it accepts: outside strings a JSON
    text has no quote that does not open a string, and inside one a backslash
    always escapes the next character. Text the parser would refuse earlier may
    count deeper than it parses, never shallower where it matters.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0)


def json_depth_exceeds(data: bytes | str, limit: int) -> bool:
    """Whether JSON text nests deeper than `limit`; cheap when it cannot."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    return json_depth(raw) > limit


def parse_json(
    data: bytes | str,
    *,
    field: str,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reason: str = FIELD_INVALID,
    domain: str = COMMON_DOMAIN,
    object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None,
) -> Any:
    """`json.loads(data)` once `data` is known to be at most `max_bytes` long and to nest at
    most `max_depth` levels; StructuredTextRefused (naming `field`) otherwise, or when
    it is not JSON. Bytes must be UTF-8 (a BOM allowed), as RFC 8259 requires between
    systems: in UTF-16 or UTF-32 a quote or bracket byte may sit inside another
    character, and the depth count reads bytes."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if isinstance(data, bytes) and json.detect_encoding(raw) not in ("utf-8", "utf-8-sig"):
        raise refused(f"{field} is not UTF-8 JSON", field=field, reason=reason, domain=domain)
    size = len(raw)
    if size > max_bytes:
        raise refused(
            f"{field} is {size} bytes of JSON, the limit is {max_bytes}",
            field=field,
            reason=reason,
            domain=domain,
            metadata={"size_bytes": str(size), "max_bytes": str(max_bytes)},
        )
    if json_depth_exceeds(raw, max_depth):
        raise refused(
            f"{field} nests JSON deeper than {max_depth} levels",
            field=field,
            reason=reason,
            domain=domain,
            metadata={"max_depth": str(max_depth)},
        )
    try:
        return json.loads(data, object_pairs_hook=object_pairs_hook)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise refused(f"{field} is not JSON: {exc}", field=field, reason=reason, domain=domain) from None


def parse_xml(
    data: bytes | str,
    *,
    field: str,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reason: str = FIELD_INVALID,
    domain: str = COMMON_DOMAIN,
) -> ET.Element:
    """The root element of XML text (bytes are UTF-8, a BOM allowed), refused when longer
    than `max_bytes`, nested deeper than `max_depth` (checked while parsing) or carrying
    a DTD (no entity bombs, no external entities: the defusedxml policy)."""
    if len(data) > max_bytes:
        raise refused(
            f"{field} is {len(data)} bytes of XML, the limit is {max_bytes}",
            field=field,
            reason=reason,
            domain=domain,
            metadata={"size_bytes": str(len(data)), "max_bytes": str(max_bytes)},
        )
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise refused(f"{field} is not UTF-8 XML: {exc}", field=field, reason=reason, domain=domain) from None
    # Text, not bytes, reaches expat: it then parses UTF-8 whatever the XML declaration
    # says, so no other encoding can hide a DTD from this check.
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise refused(f"{field} must not contain a DTD", field=field, reason=reason, domain=domain)
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    root: ET.Element | None = None
    try:
        for start in range(0, len(text), _XML_CHUNK):
            parser.feed(text[start : start + _XML_CHUNK])
            # Only "start" and "end" were asked for: (event, element) pairs.
            for event in parser.read_events():
                if event[0] == "end":
                    depth -= 1
                    continue
                depth += 1
                element = event[-1]
                if root is None and isinstance(element, ET.Element):
                    root = element
                if depth > max_depth:
                    raise refused(
                        f"{field} nests XML deeper than {max_depth} elements",
                        field=field,
                        reason=reason,
                        domain=domain,
                        metadata={"max_depth": str(max_depth)},
                    )
        parser.close()
    except ET.ParseError as exc:
        raise refused(
            f"{field} is not well-formed XML: {exc}", field=field, reason=reason, domain=domain
        ) from None
    if root is None:
        raise refused(f"{field} holds no XML element", field=field, reason=reason, domain=domain)
    return root


def zip_members(
    data: bytes,
    *,
    field: str,
    suffix: str = "",
    max_members: int = DEFAULT_MAX_ZIP_MEMBERS,
    max_member_bytes: int = DEFAULT_MAX_BYTES,
    max_total_bytes: int = DEFAULT_MAX_BYTES,
    max_ratio: int = DEFAULT_MAX_ZIP_RATIO,
    reason: str = FIELD_INVALID,
    domain: str = COMMON_DOMAIN,
    too_large_reason: str | None = None,
    on_oversized: Callable[[str], None] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """The files of a zip archive (names ending in `suffix`), read one at a time.

    What the archive claims about sizes is only a first check: each member is
    read at most `max_member_bytes` + 1 bytes far, and the bytes really expanded
    count against `max_total_bytes` and `max_ratio`. A member over
    `max_member_bytes` is passed to `on_oversized` (and skipped) when given, else
    refused. Refusals of size use `too_large_reason` when given.
    """
    size_reason = too_large_reason or reason

    def too_large(message: str, **metadata: str) -> StructuredTextRefused:
        return refused(message, field=field, reason=size_reason, domain=domain, metadata=metadata)

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise refused(
            f"{field} is not a zip file: {exc}", field=field, reason=reason, domain=domain
        ) from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir() and i.filename.endswith(suffix)]
        if len(infos) > max_members:
            raise too_large(
                f"{field} holds {len(infos)} files, the limit is {max_members}",
                members=str(len(infos)),
                max_members=str(max_members),
            )
        claimed = sum(i.file_size for i in infos)
        if claimed > max_total_bytes:
            raise too_large(
                f"{field} expands to {claimed} bytes, the limit is {max_total_bytes}",
                size_bytes=str(claimed),
                max_bytes=str(max_total_bytes),
            )
        total = 0
        for info in infos:
            try:
                with archive.open(info) as member:
                    body = member.read(max_member_bytes + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
                raise refused(
                    f"{field} member {info.filename!r} cannot be read: {exc}",
                    field=field,
                    reason=reason,
                    domain=domain,
                ) from None
            total += len(body)
            if total > max_total_bytes:
                raise too_large(
                    f"{field} expands to more than {max_total_bytes} bytes",
                    max_bytes=str(max_total_bytes),
                )
            if len(body) > _ZIP_RATIO_FLOOR and len(body) > max_ratio * max(info.compress_size, 1):
                raise too_large(
                    f"{field} member {info.filename!r} expands more than {max_ratio} times",
                    max_ratio=str(max_ratio),
                )
            if len(body) > max_member_bytes:
                if on_oversized is None:
                    raise too_large(
                        f"{field} member {info.filename!r} is over {max_member_bytes} bytes",
                        max_bytes=str(max_member_bytes),
                    )
                on_oversized(info.filename)
                continue
            yield info.filename, body
