"""A Maven POM (POM 4.0.0): one version of one artifact.

groupId and version may be inherited from <parent>; <licenses> all apply;
<developers> count as maintainers; <scm><url> is the repository; runtime
dependencies are those of scope compile or runtime (test, provided and
optional ones are left out). Properties (${...}) are resolved from the POM's
own <properties>, project.version and project.groupId; what refers to a
parent's properties stays unresolved (the parent is not fetched).
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from packageurl import PackageURL

from jipan.servers.market.catalog import documents
from jipan.servers.market.catalog.licences import licence_from_texts
from jipan.servers.market.catalog.model import Dependency, Ecosystem, PackageMetadata, PackageVersion
from jipan.servers.market.catalog.versions import is_prerelease

FORMAT = "MAVEN_POM"
_PROPERTY = re.compile(r"\$\{([^}]+)\}")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    for child in element:
        if isinstance(child.tag, str) and _local(child.tag) == name:
            return child
    return None


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    if element is None:
        return []
    return [c for c in element if isinstance(c.tag, str) and _local(c.tag) == name]


def _text(element: ET.Element | None, name: str) -> str:
    child = _child(element, name)
    return (child.text or "").strip() if child is not None else ""


def parse(data: bytes) -> PackageMetadata:
    root = documents.xml_root(data, FORMAT)
    if _local(root.tag) != "project":
        raise documents.invalid(FORMAT, "the root element is not <project>")
    parent = _child(root, "parent")
    properties = {
        _local(c.tag): (c.text or "").strip()
        for c in _child(root, "properties") or []
        if isinstance(c.tag, str)
    }
    group = _text(root, "groupId") or _text(parent, "groupId")
    artifact = _text(root, "artifactId")
    version = _text(root, "version") or _text(parent, "version")
    properties.update({"project.version": version, "project.groupId": group, "project.artifactId": artifact})

    def resolve(value: str) -> str:
        return _PROPERTY.sub(lambda m: properties.get(m.group(1), m.group(0)), value)

    group, artifact, version = resolve(group), resolve(artifact), resolve(version)
    if not group or not artifact or not version or not documents.VERSION.match(version):
        raise documents.invalid(FORMAT, "groupId, artifactId and a version are required")
    licences = [
        (resolve(_text(entry, "name")), resolve(_text(entry, "url")))
        for entry in _children(_child(root, "licenses"), "license")
    ]
    dependencies = []
    for dep in _children(_child(root, "dependencies"), "dependency"):
        scope = _text(dep, "scope") or "compile"
        if scope not in ("compile", "runtime") or _text(dep, "optional") == "true":
            continue
        dep_group, dep_artifact = resolve(_text(dep, "groupId")), resolve(_text(dep, "artifactId"))
        if not dep_group or not dep_artifact or "${" in dep_group + dep_artifact:
            continue
        dependencies.append(
            Dependency(
                purl=PackageURL(type="maven", namespace=dep_group, name=dep_artifact).to_string(),
                requirement=resolve(_text(dep, "version")),
                scope=scope,
            )
        )
    developers = [
        _text(d, "name") or _text(d, "id") for d in _children(_child(root, "developers"), "developer")
    ]
    scm = _child(root, "scm")
    return PackageMetadata(
        ecosystem=Ecosystem.MAVEN,
        name=f"{group}:{artifact}",
        purl=PackageURL(type="maven", namespace=group, name=artifact).to_string(),
        summary=" ".join(resolve(_text(root, "description") or _text(root, "name")).split())[:4000],
        homepage=documents.http_uri(resolve(_text(root, "url"))),
        repository=documents.http_uri(resolve(_text(scm, "url"))),
        security_policy="",
        keywords=(),
        maintainers=documents.distinct_people(d for d in developers if d),
        versions=(
            PackageVersion(
                version=version,
                licence=licence_from_texts(licences),
                prerelease=is_prerelease(Ecosystem.MAVEN, version),
                dependencies=tuple(dependencies),
            ),
        ),
        latest=version,
        source_sha256=documents.sha256(data),
    )
