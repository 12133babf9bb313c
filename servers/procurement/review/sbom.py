"""SBOM intake: CycloneDX JSON or XML, spec 1.4–1.6, validated against the schema.

`cyclonedx-python-lib` is the validator: its JSON (strict) and XML schema
validators decide whether a document is a valid CycloneDX BOM. Components are
then read from the already parsed JSON/XML rather than through the library's
object model, because `Bom.from_json` costs about 0.35 ms per component (3.6 s
for 10,000) while review needs only name, version, purl, licences and bom-ref;
tests/procurement/test_review_sbom.py checks that both read the same components.

Large arrays are validated item by item: jsonschema checks `uniqueItems` by
comparing every pair of items, which for 10,000 components took 48 s. The rest of
the BOM is validated as a document; each item of a large array is validated by
the library's own validator entered at the array's `items` schema (the root
schema has no constraints between its properties), the array's own keywords
apart, and uniqueness across the whole array is checked here by hashing each
item's canonical JSON. A component's `licenses` is validated on its own against
its schema, once per distinct value: about half the validation time of a
component, and an SBOM repeats a handful of licence choices over thousands of
components. That split is used only where the component schema allows it (its
properties checked independently, `licenses` optional); otherwise, and should
the library's validator not be reachable as expected, arrays are validated in
chunks of 16 items through the library's public `validate_str`.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from cyclonedx.schema import SchemaVersion

from jipan.servers.runtime.errors import FieldViolation, InvalidArgument
from jipan.servers.runtime.untrusted import parse_json, parse_xml

from . import reasons

if TYPE_CHECKING:
    from cyclonedx.validation.json import JsonStrictValidator
    from cyclonedx.validation.xml import XmlValidator

DEFAULT_MAX_SBOM_BYTES = 50 * 1024 * 1024
SUPPORTED_SPEC_VERSIONS: tuple[str, ...] = ("1.4", "1.5", "1.6")

# Items per validation chunk: small enough that jsonschema's pairwise
# uniqueItems check stays cheap, large enough that re-validating the rest of
# the document per chunk does not matter.
_CHUNK = 16
# JSON nesting (and XML element nesting) allowed before parsing. CycloneDX
# documents nest two levels per level of sub-components; 100 is far beyond real
# SBOMs. The bound is checked before the C parser runs (untrusted.py).
MAX_JSON_DEPTH = 100
_XML_NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/"
_JSON_MEDIA_TYPES = frozenset({"application/vnd.cyclonedx+json", "application/json", "text/json"})
_XML_MEDIA_TYPES = frozenset({"application/vnd.cyclonedx+xml", "application/xml", "text/xml"})


class SbomFormat(Enum):
    JSON = "JSON"
    XML = "XML"


@dataclass(frozen=True, slots=True)
class SbomComponent:
    """One component as review needs it. Empty strings stand for absent values."""

    bom_ref: str
    name: str
    version: str
    purl: str
    group: str = ""
    # SPDX ids from `licenses[].license.id`, in document order.
    licence_ids: tuple[str, ...] = ()
    # Free-text licence names (`licenses[].license.name`), not SPDX ids.
    licence_names: tuple[str, ...] = ()
    # SPDX expressions from `licenses[].expression`.
    licence_expressions: tuple[str, ...] = ()

    @property
    def licence_expression(self) -> str:
        """All declared licences as one SPDX expression ("" when none).

        Several entries are joined with AND: CycloneDX does not say whether a
        list means a choice, and a review gate must not assume the lenient one.
        """
        parts = [*self.licence_ids, *(f"({e})" for e in self.licence_expressions)]
        if len(parts) == 1 and not self.licence_ids:
            return self.licence_expressions[0]
        return " AND ".join(parts)


@dataclass(frozen=True, slots=True)
class ParsedSbom:
    sha256: bytes
    spec_version: str
    format: SbomFormat
    components: tuple[SbomComponent, ...]
    serial_number: str = ""
    size_bytes: int = 0
    # metadata.component: the product the SBOM describes, when given.
    subject_name: str = ""
    subject_version: str = ""

    @property
    def sha256_hex(self) -> str:
        return self.sha256.hex()


def _invalid(
    reason: str,
    message: str,
    *,
    field: str = "",
    metadata: Mapping[str, str] | None = None,
) -> InvalidArgument:
    violations = (FieldViolation(field=field, description=message, reason=reason),) if field else ()
    return InvalidArgument(
        reason,
        message,
        domain=reasons.PROCUREMENT_DOMAIN,
        metadata=metadata,
        field_violations=violations,
    )


def parse_sbom(
    data: bytes,
    media_type: str,
    *,
    max_bytes: int = DEFAULT_MAX_SBOM_BYTES,
    field: str = "sbom",
) -> ParsedSbom:
    """Parse and validate a CycloneDX document; raise InvalidArgument if it is not acceptable.

    `media_type` may carry parameters (`application/vnd.cyclonedx+json; version=1.5`);
    an empty one means: look at the first byte. `field` names the request field
    in the field violations.
    """
    if len(data) > max_bytes:
        raise _invalid(
            reasons.SBOM_TOO_LARGE,
            f"SBOM is {len(data)} bytes, the limit is {max_bytes}",
            field=field,
            metadata={"size_bytes": str(len(data)), "max_bytes": str(max_bytes)},
        )
    sbom_format = _format_of(data, media_type)
    digest = hashlib.sha256(data).digest()
    try:
        if sbom_format is SbomFormat.JSON:
            return _parse_json(data, digest, field)
        return _parse_xml(data, digest, field)
    except RecursionError:
        # Parsing, validating and walking nested components all recurse.
        raise _invalid(reasons.SBOM_MALFORMED, "SBOM is nested too deeply", field=field) from None


def _format_of(data: bytes, media_type: str) -> SbomFormat:
    base = media_type.split(";", 1)[0].strip().lower()
    if base in _JSON_MEDIA_TYPES:
        return SbomFormat.JSON
    if base in _XML_MEDIA_TYPES:
        return SbomFormat.XML
    if base:
        raise _invalid(
            reasons.SBOM_MEDIA_TYPE_UNSUPPORTED,
            f"media type {base!r} is not a CycloneDX JSON or XML type",
            field="media_type",
            metadata={"media_type": base},
        )
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        return SbomFormat.JSON
    if head == b"<":
        return SbomFormat.XML
    raise _invalid(reasons.SBOM_MALFORMED, "SBOM is neither JSON nor XML", field="sbom")


def _check_spec_version(version: str, field: str) -> SchemaVersion:
    if version not in SUPPORTED_SPEC_VERSIONS:
        raise _invalid(
            reasons.SBOM_SPEC_VERSION_UNSUPPORTED,
            f"CycloneDX spec version {version!r} is not supported (supported: "
            f"{', '.join(SUPPORTED_SPEC_VERSIONS)})",
            field=field,
            metadata={"spec_version": version, "supported": ",".join(SUPPORTED_SPEC_VERSIONS)},
        )
    return SchemaVersion.from_version(version)


# ----- JSON -----------------------------------------------------------------------


def import_validators() -> None:
    """Import cyclonedx-python-lib's validators (jsonschema, lxml and, through
    jsonschema's format checks, rfc3987-syntax, which builds its Earley grammar
    on import: ~1.2 s here). The service calls this in a thread beside its start,
    so no process waits for it before serving; the first SBOM parsed before it
    finished imports them itself."""
    import cyclonedx.validation.json
    import cyclonedx.validation.xml  # noqa: F401


@cache
def _json_validator(version: SchemaVersion) -> JsonStrictValidator:
    from cyclonedx.validation.json import JsonStrictValidator

    return JsonStrictValidator(version)


def _parse_json(data: bytes, digest: bytes, field: str) -> ParsedSbom:
    # Bounded (untrusted.py): the size was checked by parse_sbom, the depth is here.
    doc = parse_json(
        data,
        field=field,
        max_depth=MAX_JSON_DEPTH,
        max_bytes=len(data),
        reason=reasons.SBOM_MALFORMED,
        domain=reasons.PROCUREMENT_DOMAIN,
    )
    if not isinstance(doc, dict) or doc.get("bomFormat") != "CycloneDX":
        raise _invalid(
            reasons.SBOM_MALFORMED, "document is not a CycloneDX BOM (bomFormat)", field=f"{field}.bomFormat"
        )
    spec = doc.get("specVersion")
    if not isinstance(spec, str):
        raise _invalid(reasons.SBOM_MALFORMED, "specVersion is missing", field=f"{field}.specVersion")
    version = _check_spec_version(spec, f"{field}.specVersion")
    _validate_json(doc, version, field)
    components = tuple(_json_components(doc.get("components", [])))
    _check_bom_refs(components, field)
    subject = doc.get("metadata", {}).get("component", {})
    return ParsedSbom(
        sha256=digest,
        spec_version=spec,
        format=SbomFormat.JSON,
        components=components,
        serial_number=str(doc.get("serialNumber", "")),
        size_bytes=len(data),
        subject_name=str(subject.get("name", "")),
        subject_version=str(subject.get("version", "")),
    )


# Keywords of an item schema whose checks are independent per property, so that
# one property (a component's `licenses`) can be validated apart from the rest.
_SEPARABLE_KEYWORDS = frozenset(
    {"type", "required", "additionalProperties", "properties", "title", "description", "$comment"}
)
_LICENCES = "licenses"


@dataclass(frozen=True, slots=True)
class _ArrayValidation:
    """The library's jsonschema validator entered at one top-level array's schemas."""

    array: Any  # the array's own keywords (type, size): everything but items/uniqueItems
    item: Any  # one item
    licences: Any | None  # an item's `licenses`, where it can be checked apart from the item

    def validate(self, key: str, items: list[Any], field: str) -> None:
        error = next(self.array.iter_errors(items), None)
        if error is not None:
            raise _schema_error_at(error, [key], field)
        checked: dict[str, Any] = {}  # a distinct `licenses` value (canonical JSON) → its first error
        for i, item in enumerate(items):
            licence_check = self.licences if isinstance(item, dict) and _LICENCES in item else None
            licences = item.get(_LICENCES) if licence_check is not None else None
            if licence_check is not None:
                item = {k: v for k, v in item.items() if k != _LICENCES}
            error = next(self.item.iter_errors(item), None)
            if error is not None:
                raise _schema_error_at(error, [key, i], field)
            if licence_check is None:
                continue
            canonical = json.dumps(licences, sort_keys=True, separators=(",", ":"))
            if canonical not in checked:
                checked[canonical] = next(licence_check.iter_errors(licences), None)
            error = checked[canonical]
            if error is not None:
                raise _schema_error_at(error, [key, i, _LICENCES], field)


def _definition(root: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """`schema`, or what its local `#/definitions/...` reference names (draft 7 ignores $ref's siblings)."""
    ref = schema.get("$ref")
    if ref is None:
        return schema
    if not isinstance(ref, str) or not ref.startswith("#/definitions/"):
        return None
    target = root.get("definitions", {}).get(ref.removeprefix("#/definitions/"))
    return target if isinstance(target, dict) else None


@cache
def _array_validations(version: SchemaVersion) -> Mapping[str, _ArrayValidation]:
    """Per top-level array property of the BOM schema; empty if the library's validator is not reachable."""
    root_validator = getattr(_json_validator(version), "_validator", None)
    root = getattr(root_validator, "schema", None)
    if root_validator is None or not isinstance(root, dict) or not hasattr(root_validator, "evolve"):
        return {}
    arrays: dict[str, _ArrayValidation] = {}
    for key, schema in root.get("properties", {}).items():
        if not isinstance(schema, dict) or not isinstance(schema.get("items"), dict):
            continue
        item_schema = schema["items"]
        licences = None
        definition = _definition(root, item_schema)
        if (
            definition is not None
            and set(definition) <= _SEPARABLE_KEYWORDS
            and isinstance(definition.get("properties", {}).get(_LICENCES), dict)
            and _LICENCES not in definition.get("required", ())
        ):
            licences = root_validator.evolve(schema=definition["properties"][_LICENCES])
        arrays[key] = _ArrayValidation(
            array=root_validator.evolve(
                schema={
                    k: v for k, v in schema.items() if k not in ("items", "additionalItems", "uniqueItems")
                }
            ),
            # The definition a local $ref names, resolved once rather than per item.
            item=root_validator.evolve(schema=item_schema if definition is None else definition),
            licences=licences,
        )
    return arrays


def _validate_json(doc: dict[str, Any], version: SchemaVersion, field: str) -> None:
    validator = _json_validator(version)
    large = {k: v for k, v in doc.items() if isinstance(v, list) and len(v) > _CHUNK}
    rest = {k: v for k, v in doc.items() if k not in large}
    error = validator.validate_str(json.dumps(rest))
    if error is not None:
        raise _schema_error(error.data, 0, set(), field)
    arrays = _array_validations(version)
    chunked = {k: v for k, v in large.items() if k not in arrays}
    for key, items in large.items():
        if key in arrays:
            arrays[key].validate(key, items, field)
    # The root schema has no constraints between its properties, so each chunk
    # is validated in a minimal envelope rather than with the whole rest again.
    envelope = {"bomFormat": doc["bomFormat"], "specVersion": doc["specVersion"]}
    rounds = max((len(v) + _CHUNK - 1) // _CHUNK for v in chunked.values()) if chunked else 0
    for r in range(rounds):
        part = dict(envelope)
        for key, items in chunked.items():
            chunk = items[r * _CHUNK : (r + 1) * _CHUNK]
            if chunk:
                part[key] = chunk
        error = validator.validate_str(json.dumps(part))
        if error is not None:
            raise _schema_error(error.data, r * _CHUNK, set(chunked), field)
    for key, items in large.items():
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            canonical = json.dumps(item, sort_keys=True, separators=(",", ":"))
            if canonical in seen:
                raise _invalid(
                    reasons.SBOM_SCHEMA_INVALID,
                    f"{key}[{i}] repeats {key}[{seen[canonical]}] (items must be unique)",
                    field=f"{field}.{key}[{i}]",
                )
            seen[canonical] = i


def _schema_error(error: Any, offset: int, chunked: set[str], field: str) -> InvalidArgument:
    path = list(getattr(error, "absolute_path", ()))
    if len(path) >= 2 and path[0] in chunked and isinstance(path[1], int):
        path[1] += offset
    return _schema_error_at(error, [], field, path)


def _schema_error_at(
    error: Any, prefix: list[str | int], field: str, path: list[Any] | None = None
) -> InvalidArgument:
    """An error of a validator entered at `prefix` (the path of its instance in the document)."""
    path = [*prefix, *(getattr(error, "absolute_path", ()) if path is None else path)]
    location = field
    for part in path:
        location += f"[{part}]" if isinstance(part, int) else f".{part}"
    message = str(getattr(error, "message", error))
    if len(message) > 300:
        message = message[:300] + "…"
    return _invalid(
        reasons.SBOM_SCHEMA_INVALID, f"SBOM fails the CycloneDX schema: {message}", field=location
    )


def _json_components(items: Sequence[Any]) -> Iterator[SbomComponent]:
    for item in items:
        if not isinstance(item, dict):
            continue
        ids: list[str] = []
        names: list[str] = []
        expressions: list[str] = []
        for entry in item.get("licenses", ()):
            if "expression" in entry:
                expressions.append(str(entry["expression"]))
                continue
            licence = entry.get("license", {})
            if "id" in licence:
                ids.append(str(licence["id"]))
            elif "name" in licence:
                names.append(str(licence["name"]))
        yield SbomComponent(
            bom_ref=str(item.get("bom-ref", "")),
            name=str(item.get("name", "")),
            version=str(item.get("version", "")),
            purl=str(item.get("purl", "")),
            group=str(item.get("group", "")),
            licence_ids=tuple(ids),
            licence_names=tuple(names),
            licence_expressions=tuple(expressions),
        )
        yield from _json_components(item.get("components", ()))


def _check_bom_refs(components: Sequence[SbomComponent], field: str) -> None:
    # The spec requires bom-refs to be unique within a BOM; the JSON schema cannot say so.
    seen: set[str] = set()
    for component in components:
        ref = component.bom_ref
        if not ref:
            continue
        if ref in seen:
            raise _invalid(
                reasons.SBOM_SCHEMA_INVALID,
                f"bom-ref {ref!r} appears more than once",
                field=f"{field}.components",
                metadata={"bom_ref": ref},
            )
        seen.add(ref)


# ----- XML ------------------------------------------------------------------------


@cache
def _xml_validator(version: SchemaVersion) -> XmlValidator:
    from cyclonedx.validation.xml import XmlValidator

    return XmlValidator(version)


def _parse_xml(data: bytes, digest: bytes, field: str) -> ParsedSbom:
    # No DTD (no entity expansion, no external entities) and bounded depth: untrusted.py.
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _invalid(reasons.SBOM_MALFORMED, f"SBOM is not well-formed XML: {exc}", field=field) from None
    root = parse_xml(
        text,
        field=field,
        max_depth=MAX_JSON_DEPTH,
        max_bytes=len(data),
        reason=reasons.SBOM_MALFORMED,
        domain=reasons.PROCUREMENT_DOMAIN,
    )
    namespace, _, local = root.tag[1:].partition("}") if root.tag.startswith("{") else ("", "", root.tag)
    if local != "bom" or not namespace.startswith(_XML_NAMESPACE_PREFIX):
        raise _invalid(reasons.SBOM_MALFORMED, "document is not a CycloneDX BOM (root element)", field=field)
    spec = namespace[len(_XML_NAMESPACE_PREFIX) :]
    version = _check_spec_version(spec, f"{field}.xmlns")
    try:
        error = _xml_validator(version).validate_str(text)
    except SyntaxError as exc:  # lxml's XMLSyntaxError: limits the stdlib parser does not have (depth)
        raise _invalid(reasons.SBOM_MALFORMED, f"SBOM XML is not acceptable: {exc}", field=field) from None
    if error is not None:
        entry = error.data
        line = getattr(entry, "line", 0)
        message = str(getattr(entry, "message", entry))[:300]
        raise _invalid(
            reasons.SBOM_SCHEMA_INVALID,
            f"SBOM fails the CycloneDX schema at line {line}: {message}",
            field=field,
            metadata={"line": str(line)},
        )
    ns = {"c": namespace}
    components = tuple(_xml_components(root.find("c:components", ns), ns))
    _check_bom_refs(components, field)
    subject = root.find("c:metadata/c:component", ns)
    return ParsedSbom(
        sha256=digest,
        spec_version=spec,
        format=SbomFormat.XML,
        components=components,
        serial_number=root.get("serialNumber", ""),
        size_bytes=len(data),
        subject_name=_text(subject, "c:name", ns),
        subject_version=_text(subject, "c:version", ns),
    )


def _text(element: ET.Element | None, path: str, ns: dict[str, str]) -> str:
    if element is None:
        return ""
    found = element.find(path, ns)
    return (found.text or "").strip() if found is not None else ""


def _xml_components(parent: ET.Element | None, ns: dict[str, str]) -> Iterator[SbomComponent]:
    if parent is None:
        return
    for item in parent.findall("c:component", ns):
        ids: list[str] = []
        names: list[str] = []
        expressions: list[str] = []
        licences = item.find("c:licenses", ns)
        if licences is not None:
            for entry in licences:
                tag = entry.tag.rpartition("}")[2]
                if tag == "expression":
                    expressions.append((entry.text or "").strip())
                elif tag == "license":
                    if (value := _text(entry, "c:id", ns)) != "":
                        ids.append(value)
                    elif (value := _text(entry, "c:name", ns)) != "":
                        names.append(value)
        yield SbomComponent(
            bom_ref=item.get("bom-ref", ""),
            name=_text(item, "c:name", ns),
            version=_text(item, "c:version", ns),
            purl=_text(item, "c:purl", ns),
            group=_text(item, "c:group", ns),
            licence_ids=tuple(ids),
            licence_names=tuple(names),
            licence_expressions=tuple(expressions),
        )
        yield from _xml_components(item.find("c:components", ns), ns)
