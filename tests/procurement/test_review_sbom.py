"""SBOM intake: CycloneDX JSON/XML 1.4–1.6 parsed, everything else refused with a reason."""

from __future__ import annotations

import copy
import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cyclonedx.model.bom import Bom
from cyclonedx.model.component import Component
from cyclonedx.model.license import DisjunctiveLicense, LicenseExpression
from packageurl import PackageURL

from jipan.servers.procurement.review import SbomFormat, parse_sbom, reasons
from jipan.servers.runtime.errors import InvalidArgument

FIXTURES = Path(__file__).parent / "fixtures"
JSON_TYPE = "application/vnd.cyclonedx+json"
XML_TYPE = "application/vnd.cyclonedx+xml"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def log4j_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(fixture("sbom-1.5-log4j.cdx.json"))
    return doc


def refused(data: bytes, media_type: str = JSON_TYPE, **kwargs: Any) -> InvalidArgument:
    with pytest.raises(InvalidArgument) as caught:
        parse_sbom(data, media_type, **kwargs)
    assert caught.value.domain == reasons.PROCUREMENT_DOMAIN
    return caught.value


def test_json_1_5_is_parsed() -> None:
    data = fixture("sbom-1.5-log4j.cdx.json")
    sbom = parse_sbom(data, JSON_TYPE)
    assert sbom.format is SbomFormat.JSON
    assert sbom.spec_version == "1.5"
    assert sbom.sha256 == hashlib.sha256(data).digest()
    assert sbom.serial_number == "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79"
    assert (sbom.subject_name, sbom.subject_version) == ("case-tracker", "3.2.0")
    log4j = next(c for c in sbom.components if c.name == "log4j-core")
    assert log4j.version == "2.14.1"
    assert log4j.purl == "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"
    assert log4j.group == "org.apache.logging.log4j"
    assert log4j.licence_expression == "Apache-2.0"
    jinja = next(c for c in sbom.components if c.name == "Jinja2")
    assert jinja.licence_expressions == ("BSD-3-Clause",)
    assert jinja.licence_expression == "BSD-3-Clause"


def test_media_type_parameters_and_sniffing() -> None:
    data = fixture("sbom-1.5-clean.cdx.json")
    assert parse_sbom(data, "application/vnd.cyclonedx+json; version=1.5").spec_version == "1.5"
    assert parse_sbom(data, "").format is SbomFormat.JSON
    assert parse_sbom(fixture("sbom-1.4.cdx.xml"), "").format is SbomFormat.XML


def test_xml_1_4_is_parsed_with_nested_components() -> None:
    sbom = parse_sbom(fixture("sbom-1.4.cdx.xml"), XML_TYPE)
    assert sbom.format is SbomFormat.XML
    assert sbom.spec_version == "1.4"
    assert sbom.serial_number == "urn:uuid:5b2c6a1e-7d3f-4e8a-9c0b-1f2e3d4c5b6a"
    assert [(c.name, c.version, c.purl) for c in sbom.components] == [
        ("lodash", "4.17.20", "pkg:npm/lodash@4.17.20"),
        ("urllib3", "2.0.5", "pkg:pypi/urllib3@2.0.5"),
        ("readline-gpl", "1.0", "pkg:pypi/readline-gpl@1.0"),
    ]
    assert [c.licence_expression for c in sbom.components] == ["MIT", "MIT", "GPL-3.0-only"]
    assert sbom.components[0].bom_ref == "pkg:npm/lodash@4.17.20"


def test_spec_1_6_accepted_and_1_7_refused() -> None:
    doc = log4j_doc()
    doc["specVersion"] = "1.6"
    assert parse_sbom(json.dumps(doc).encode(), JSON_TYPE).spec_version == "1.6"
    doc["specVersion"] = "1.7"
    error = refused(json.dumps(doc).encode())
    assert error.reason == reasons.SBOM_SPEC_VERSION_UNSUPPORTED
    assert error.metadata["spec_version"] == "1.7"


def test_spec_1_2_refused() -> None:
    error = refused(fixture("sbom-1.2.cdx.json"))
    assert error.reason == reasons.SBOM_SPEC_VERSION_UNSUPPORTED
    assert error.field_violations[0].field == "sbom.specVersion"
    assert error.metadata["supported"] == "1.4,1.5,1.6"


def test_xml_1_2_refused() -> None:
    xml = fixture("sbom-1.4.cdx.xml").replace(b"schema/bom/1.4", b"schema/bom/1.2")
    assert refused(xml, XML_TYPE).reason == reasons.SBOM_SPEC_VERSION_UNSUPPORTED


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b'{"bomFormat": "CycloneDX", "specVersion": "1.5", ', JSON_TYPE),
        (b"\xff\xfe not utf-8", JSON_TYPE),
        (b'{"bomFormat": "SPDX", "specVersion": "1.5"}', JSON_TYPE),
        (b'{"bomFormat": "CycloneDX"}', JSON_TYPE),
        (b"[1, 2, 3]", JSON_TYPE),
        (b"<bom xmlns='http://cyclonedx.org/schema/bom/1.5'><components>", XML_TYPE),
        (b"<other xmlns='urn:x'/>", XML_TYPE),
        (b"plain text", ""),
    ],
)
def test_malformed_refused(data: bytes, media_type: str) -> None:
    assert refused(data, media_type).reason == reasons.SBOM_MALFORMED


def test_deeply_nested_documents_refused() -> None:
    deep_json = (
        b'{"bomFormat": "CycloneDX", "specVersion": "1.5", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    )
    assert refused(deep_json).reason == reasons.SBOM_MALFORMED
    # Closing brackets inside strings do not hide nesting from the depth check.
    hidden = json.dumps({"bomFormat": "CycloneDX", "s": "]" * 500, "x": json.loads("[" * 150 + "]" * 150)})
    error = refused(hidden.encode())
    assert error.reason == reasons.SBOM_MALFORMED
    assert error.metadata == {"max_depth": "100"}
    component = '<component type="library"><name>n</name>'
    nested = (
        "<bom xmlns='http://cyclonedx.org/schema/bom/1.5'><components>"
        + (component + "<components>") * 3000
        + ("</components></component>") * 3000
        + "</components></bom>"
    )
    assert refused(nested.encode(), XML_TYPE).reason == reasons.SBOM_MALFORMED


def test_xml_with_dtd_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<bom xmlns='http://cyclonedx.org/schema/bom/1.5'>&b;</bom>"
    )
    assert refused(bomb, XML_TYPE).reason == reasons.SBOM_MALFORMED


def test_oversized_refused_before_parsing() -> None:
    data = fixture("sbom-1.5-log4j.cdx.json")
    error = refused(data, max_bytes=len(data) - 1)
    assert error.reason == reasons.SBOM_TOO_LARGE
    assert error.metadata == {"size_bytes": str(len(data)), "max_bytes": str(len(data) - 1)}
    assert parse_sbom(data, JSON_TYPE, max_bytes=len(data)).components


def test_unsupported_media_type_refused() -> None:
    error = refused(fixture("sbom-1.5-log4j.cdx.json"), "application/spdx+json")
    assert error.reason == reasons.SBOM_MEDIA_TYPE_UNSUPPORTED
    assert error.field_violations[0].field == "media_type"


def test_schema_invalid_json_names_the_field() -> None:
    doc = log4j_doc()
    doc["components"][1]["type"] = "spaceship"
    error = refused(json.dumps(doc).encode())
    assert error.reason == reasons.SBOM_SCHEMA_INVALID
    assert error.field_violations[0].field == "sbom.components[1].type"


def test_strict_schema_refuses_unknown_properties() -> None:
    doc = log4j_doc()
    doc["components"][0]["colour"] = "red"
    assert refused(json.dumps(doc).encode()).reason == reasons.SBOM_SCHEMA_INVALID


def test_schema_invalid_xml_refused() -> None:
    xml = fixture("sbom-1.4.cdx.xml").replace(
        b'type="library" bom-ref="pkg:npm', b'type="spaceship" bom-ref="pkg:npm'
    )
    error = refused(xml, XML_TYPE)
    assert error.reason == reasons.SBOM_SCHEMA_INVALID
    assert "line" in error.metadata


def large_doc(n: int) -> dict[str, Any]:
    doc = log4j_doc()
    doc.pop("dependencies")
    doc["components"] = [
        {
            "type": "library",
            "bom-ref": f"pkg:npm/p{i}@1.0.{i}",
            "name": f"p{i}",
            "version": f"1.0.{i}",
            "purl": f"pkg:npm/p{i}@1.0.{i}",
            "licenses": [{"license": {"id": "MIT"}}],
        }
        for i in range(n)
    ]
    return doc


def test_chunked_validation_reports_the_real_index() -> None:
    doc = large_doc(300)
    assert len(parse_sbom(json.dumps(doc).encode(), JSON_TYPE).components) == 300
    doc["components"][217]["licenses"] = [{"license": {"id": "MIT", "colour": "red"}}]
    error = refused(json.dumps(doc).encode())
    assert error.reason == reasons.SBOM_SCHEMA_INVALID
    assert error.field_violations[0].field.startswith("sbom.components[217]")


def test_duplicate_items_across_chunks_refused() -> None:
    # uniqueItems on `components`, checked across chunk boundaries.
    doc = large_doc(200)
    doc["components"][190] = copy.deepcopy(doc["components"][3])
    error = refused(json.dumps(doc).encode())
    assert error.reason == reasons.SBOM_SCHEMA_INVALID
    assert error.field_violations[0].field == "sbom.components[190]"


def test_duplicate_bom_ref_refused() -> None:
    doc = log4j_doc()
    doc["components"][2]["bom-ref"] = doc["components"][0]["bom-ref"]
    error = refused(json.dumps(doc).encode())
    assert error.reason == reasons.SBOM_SCHEMA_INVALID
    assert error.metadata["bom_ref"] == doc["components"][0]["bom-ref"]


def _walk(components: Any) -> Iterator[Component]:
    for component in components:
        yield component
        yield from _walk(component.components)


def _model_view(bom: Bom) -> set[tuple[str, str, str, str, tuple[str, ...]]]:
    out = set()
    for c in _walk(bom.components):
        licences = tuple(
            sorted(
                (lic.id or lic.name or "") if isinstance(lic, DisjunctiveLicense) else f"({lic.value})"
                for lic in c.licenses
                if isinstance(lic, DisjunctiveLicense | LicenseExpression)
            )
        )
        out.add((c.bom_ref.value or "", c.name, c.version or "", str(c.purl) if c.purl else "", licences))
    return out


def _our_view(data: bytes, media_type: str) -> set[tuple[str, str, str, str, tuple[str, ...]]]:
    sbom = parse_sbom(data, media_type)
    return {
        (
            c.bom_ref,
            c.name,
            c.version,
            str(PackageURL.from_string(c.purl)) if c.purl else "",
            tuple(sorted([*c.licence_ids, *c.licence_names, *(f"({e})" for e in c.licence_expressions)])),
        )
        for c in sbom.components
    }


def test_extraction_agrees_with_the_library_model() -> None:
    for name in ("sbom-1.5-log4j.cdx.json", "sbom-1.5-clean.cdx.json"):
        data = fixture(name)
        assert _our_view(data, JSON_TYPE) == _model_view(Bom.from_json(json.loads(data)))  # type: ignore[attr-defined]
    xml = fixture("sbom-1.4.cdx.xml")
    model = Bom.from_xml(ET.fromstring(xml))  # type: ignore[attr-defined]
    assert _our_view(xml, XML_TYPE) == _model_view(model)
