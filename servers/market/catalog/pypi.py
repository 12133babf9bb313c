"""PyPI's JSON API document (https://pypi.org/pypi/{name}/json, or .../{name}/{version}/json).

`info` describes the newest version (or the one asked for): its licence
(PEP 639 `license_expression`, else the `license` field, else the Trove
classifiers), URLs, keywords, people and `requires_dist`. `releases` lists
every version's files: their upload times, `yanked` and legacy `has_sig`.
The document carries metadata of older versions' files but not their
licences, so only `info`'s version gets a licence; the others keep none
rather than a guess.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from packageurl import PackageURL
from packaging.requirements import InvalidRequirement, Requirement

from jipan.servers.market.catalog import documents
from jipan.servers.market.catalog.licences import _expression, licence_from_texts, licence_of
from jipan.servers.market.catalog.model import Dependency, Ecosystem, Licence, PackageMetadata, PackageVersion
from jipan.servers.market.catalog.versions import is_prerelease

_PEP503 = re.compile(r"[-_.]+")
_SOURCE_KEYS = ("source", "source code", "repository", "code", "github", "gitlab")
_HOME_KEYS = ("homepage", "home", "home page")
_SECURITY_KEYS = ("security", "security policy")


def normalise(name: str) -> str:
    return _PEP503.sub("-", name).lower()


def parse(data: bytes) -> PackageMetadata:
    doc = documents.json_object(data, "PYPI_JSON")
    info = documents.mapping(doc.get("info"), "PYPI_JSON", "info")
    name = documents.text(info.get("name"))
    version = documents.text(info.get("version"))
    if not name or not version:
        raise documents.invalid("PYPI_JSON", "info.name and info.version are required")
    project_urls = info.get("project_urls")
    urls = {
        str(k).strip().lower(): documents.text(v)
        for k, v in (project_urls.items() if isinstance(project_urls, dict) else ())
    }
    releases = doc.get("releases")
    files_by_version: dict[str, list[Any]] = {}
    if isinstance(releases, dict):
        files_by_version = {
            str(v): list(files) if isinstance(files, list) else [] for v, files in releases.items()
        }
    files_by_version.setdefault(version, _listed(doc.get("urls")))
    info_licence = _licence(info)
    dependencies = _dependencies(info.get("requires_dist"))
    versions = []
    for v, files in files_by_version.items():
        if not documents.VERSION.match(v):
            continue
        files = [f for f in files if isinstance(f, dict)]
        versions.append(
            PackageVersion(
                version=v,
                licence=info_licence if v == version else Licence(),
                publish_time=_earliest(files),
                withdrawn=bool(files) and all(bool(f.get("yanked")) for f in files),
                withdrawn_reason=next(
                    (documents.text(f.get("yanked_reason")) for f in files if f.get("yanked")), ""
                ),
                signed=any(bool(f.get("has_sig")) for f in files),
                prerelease=is_prerelease(Ecosystem.PYPI, v),
                dependencies=dependencies if v == version else (),
            )
        )
    people = [
        documents.person(info.get(k)) for k in ("author", "maintainer", "author_email", "maintainer_email")
    ]
    return PackageMetadata(
        ecosystem=Ecosystem.PYPI,
        name=name,
        purl=PackageURL(type="pypi", name=normalise(name)).to_string(),
        summary=documents.text(info.get("summary"))[:4000],
        homepage=documents.http_uri(info.get("home_page")) or _first(urls, _HOME_KEYS),
        repository=_first(urls, _SOURCE_KEYS),
        security_policy=_first(urls, _SECURITY_KEYS),
        keywords=documents.keywords(info.get("keywords")),
        maintainers=documents.distinct_people(people),
        versions=tuple(versions),
        latest=version,
        source_sha256=documents.sha256(data),
    )


def _listed(value: Any) -> list[Any]:
    """A list field as a list; one string is one entry, any other shape none (a registry's
    document can hold anything where a list belongs)."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, str) else []


def _first(urls: dict[str, str], keys: tuple[str, ...]) -> str:
    for key in keys:
        uri = documents.http_uri(urls.get(key))
        if uri:
            return uri
    return ""


def _licence(info: dict[str, Any]) -> Licence:
    expression = documents.text(info.get("license_expression"))
    if expression:
        return licence_of(expression, _expression(expression))
    field = documents.text(info.get("license"))
    if field and len(field) <= 200 and "\n" not in field:
        mapped = licence_from_texts([(field, "")])
        if mapped.expression:
            return mapped
    classifiers = [
        c for c in _listed(info.get("classifiers")) if isinstance(c, str) and c.startswith("License ::")
    ]
    if classifiers:
        return licence_from_texts([(c, "") for c in classifiers], joiner="OR")
    return Licence(declared=field[:500])


def _earliest(files: list[dict[str, Any]]) -> datetime | None:
    times = [documents.timestamp(f.get("upload_time_iso_8601") or f.get("upload_time")) for f in files]
    known = [t for t in times if t is not None]
    return min(known) if known else None


def _dependencies(requires: Any) -> tuple[Dependency, ...]:
    out: list[Dependency] = []
    for line in _listed(requires):
        if not isinstance(line, str):
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if requirement.marker is not None and "extra" in str(requirement.marker):
            continue  # an optional extra, not a runtime dependency
        out.append(
            Dependency(
                purl=PackageURL(type="pypi", name=normalise(requirement.name)).to_string(),
                requirement=str(requirement.specifier),
            )
        )
    return tuple(out)
