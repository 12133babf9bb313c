"""The metadata importers on real registry documents (tests/market/fixtures, see its README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jipan.servers.market.catalog.importers import MetadataFormat, read_metadata
from jipan.servers.market.catalog.licences import licence_from_texts, spdx_of_name
from jipan.servers.market.catalog.model import Ecosystem, LicenceFamily, PackageMetadata, PackageVersion
from jipan.servers.runtime.errors import InvalidArgument

FIXTURES = Path(__file__).with_name("fixtures")


def read(fmt: MetadataFormat, name: str) -> PackageMetadata:
    return read_metadata(fmt, (FIXTURES / name).read_bytes())


def version(metadata: PackageMetadata, text: str) -> PackageVersion:
    return next(v for v in metadata.versions if v.version == text)


def test_pypi_json_api_document() -> None:
    jinja = read(MetadataFormat.PYPI_JSON, "pypi-jinja2.json")
    assert (jinja.ecosystem, jinja.name, jinja.purl) == (Ecosystem.PYPI, "Jinja2", "pkg:pypi/jinja2")
    assert jinja.latest == "3.1.6"
    assert len(jinja.versions) == 52
    assert jinja.repository == "https://github.com/pallets/jinja/"
    latest = version(jinja, "3.1.6")
    # Its only licence statement is the Trove classifier "BSD License": which BSD is not said,
    # so no SPDX id is invented.
    assert latest.licence.declared == "License :: OSI Approved :: BSD License"
    assert (latest.licence.expression, latest.licence.valid) == ("", False)
    assert [(d.purl, d.requirement) for d in latest.dependencies] == [("pkg:pypi/markupsafe", ">=2.0")]
    assert latest.publish_time is not None
    assert latest.publish_time.year == 2025
    # Older versions: the document has their files, not their licences.
    old = version(jinja, "2.11.3")
    assert old.licence.expression == ""
    assert old.dependencies == ()
    assert version(jinja, "3.0.0rc1").prerelease
    assert not old.prerelease


def test_pypi_pep_639_licence_expression() -> None:
    idna = read(MetadataFormat.PYPI_JSON, "pypi-idna.json")
    licence = version(idna, idna.latest).licence
    assert (licence.expression, licence.valid, licence.approved) == ("BSD-3-Clause", True, True)
    assert licence.family is LicenceFamily.PERMISSIVE
    assert idna.maintainers == ("kim davies",)  # the e-mail address is not kept


def test_npm_packument() -> None:
    lodash = read(MetadataFormat.NPM_PACKUMENT, "npm-lodash.packument.json")
    assert (lodash.ecosystem, lodash.purl, lodash.latest) == (Ecosystem.NPM, "pkg:npm/lodash", "4.18.1")
    assert len(lodash.versions) == 117
    assert lodash.repository == "https://github.com/lodash/lodash"
    assert version(lodash, "4.17.21").licence.expression == "MIT"
    assert "stdlib" in lodash.keywords


def test_npm_view_single_version() -> None:
    viewed = read(MetadataFormat.NPM_PACKUMENT, "npm-view-lodash-4.17.20.json")
    assert [v.version for v in viewed.versions] == ["4.17.20"]
    assert viewed.versions[0].licence.expression == "MIT"
    assert viewed.versions[0].publish_time is not None


def test_maven_pom() -> None:
    smart = read(MetadataFormat.MAVEN_POM, "json-smart-2.6.0.pom")
    assert (smart.name, smart.purl) == ("net.minidev:json-smart", "pkg:maven/net.minidev/json-smart")
    only = smart.versions[0]
    assert only.version == "2.6.0"
    assert only.publish_time is None
    # "The Apache Software License, Version 2.0" is a free-text name for exactly one licence.
    assert (only.licence.expression, only.licence.approved) == ("Apache-2.0", True)
    assert [(d.purl, d.requirement, d.scope) for d in only.dependencies] == [
        ("pkg:maven/net.minidev/accessors-smart", "2.6.0", "compile")
    ]
    assert len(smart.maintainers) == 3
    assert smart.repository == "https://github.com/netplex/json-smart-v2"


def test_maven_pom_with_a_parent() -> None:
    databind = read(MetadataFormat.MAVEN_POM, "jackson-databind-2.18.2.pom")
    assert databind.purl == "pkg:maven/com.fasterxml.jackson.core/jackson-databind"
    assert databind.versions[0].version == "2.18.2"
    # Test-scoped dependencies are left out; versions from the parent's properties stay unresolved.
    purls = {d.purl: d.requirement for d in databind.versions[0].dependencies}
    assert "pkg:maven/com.fasterxml.jackson.core/jackson-core" in purls
    assert not any("junit" in p for p in purls)


def test_licence_names() -> None:
    assert spdx_of_name("mit") == "MIT"
    assert spdx_of_name("Apache-2.0 OR mit") == "Apache-2.0 OR MIT"
    assert spdx_of_name("BSD License") == ""
    assert spdx_of_name("Some licence", "https://www.apache.org/licenses/LICENSE-2.0.txt") == "Apache-2.0"
    dual = licence_from_texts([("MIT License", ""), ("Apache License, Version 2.0", "")], joiner="OR")
    assert dual.expression == "MIT OR Apache-2.0"
    assert dual.family is LicenceFamily.PERMISSIVE
    gpl = licence_from_texts([("GPL-3.0-only", "")])
    assert gpl.family is LicenceFamily.STRONG_COPYLEFT
    assert gpl.approved
    cc0 = licence_from_texts([("CC0-1.0", "")])
    assert cc0.family is LicenceFamily.PUBLIC_DOMAIN


@pytest.mark.parametrize(
    ("fmt", "data", "reason"),
    [
        (MetadataFormat.PYPI_JSON, b"not json", "METADATA_INVALID"),
        (MetadataFormat.PYPI_JSON, b"[1, 2]", "METADATA_INVALID"),
        (MetadataFormat.PYPI_JSON, json.dumps({"info": {"name": "x"}}).encode(), "METADATA_INVALID"),
        (
            MetadataFormat.NPM_PACKUMENT,
            json.dumps({"name": "x", "versions": {}}).encode(),
            "METADATA_INVALID",
        ),
        (MetadataFormat.MAVEN_POM, b"<notaproject/>", "METADATA_INVALID"),
        (
            MetadataFormat.MAVEN_POM,
            b'<!DOCTYPE p [<!ENTITY a "aaaa">]><project><artifactId>&a;</artifactId></project>',
            "METADATA_INVALID",
        ),
        (MetadataFormat.PYPI_JSON, b" " * (8 * 1024 * 1024 + 1), "METADATA_TOO_LARGE"),
    ],
)
def test_bad_documents_are_refused(fmt: MetadataFormat, data: bytes, reason: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        read_metadata(fmt, data)
    assert caught.value.reason == reason


def _pypi(**info: object) -> bytes:
    return json.dumps({"info": {"name": "demo", "version": "1.0", **info}, "releases": {"1.0": []}}).encode()


def _npm(**fields: object) -> bytes:
    return json.dumps({"name": "demo", "version": "1.0.0", **fields}).encode()


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        (MetadataFormat.PYPI_JSON, _pypi(project_urls=["https://example.org"])),
        (MetadataFormat.PYPI_JSON, _pypi(requires_dist=5)),
        (MetadataFormat.PYPI_JSON, _pypi(classifiers=5)),
        (
            MetadataFormat.PYPI_JSON,
            json.dumps({"info": {"name": "demo", "version": "1.0"}, "urls": 5}).encode(),
        ),
        (MetadataFormat.NPM_PACKUMENT, _npm(maintainers=5)),
        (MetadataFormat.NPM_PACKUMENT, _npm(dependencies={"@x/": "1", "/y": "2", "@z": "3"})),
    ],
    ids=[
        "project_urls-list",
        "requires_dist-int",
        "classifiers-int",
        "urls-int",
        "maintainers-int",
        "unnamed-dependencies",
    ],
)
def test_misshapen_optional_fields_are_left_out(fmt: MetadataFormat, data: bytes) -> None:
    """A field of the wrong shape is read as absent (as a non-string text field always was),
    never an error of the importer (INTERNAL to the caller)."""
    read = read_metadata(fmt, data)
    assert read.name == "demo"
    assert read.maintainers == ()
    assert all(v.dependencies == () for v in read.versions)
    assert read.homepage == read.repository == ""


def test_a_string_where_a_list_belongs_is_one_entry() -> None:
    npm = read_metadata(MetadataFormat.NPM_PACKUMENT, _npm(maintainers="Bob Smith"))
    assert npm.maintainers == ("bob smith",)
    pypi = read_metadata(MetadataFormat.PYPI_JSON, _pypi(requires_dist="idna>=3"))
    assert [(d.purl, d.requirement) for d in pypi.versions[0].dependencies] == [("pkg:pypi/idna", ">=3")]


@pytest.mark.parametrize("name", ["@x/", "@/x", "@x", "a/b"])
def test_an_npm_name_that_names_no_package_is_refused(name: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        read_metadata(MetadataFormat.NPM_PACKUMENT, _npm(name=name))
    assert caught.value.reason == "METADATA_INVALID"
    assert [v.field for v in caught.value.field_violations] == ["metadata"]
