"""An npm packument (https://registry.npmjs.org/{name}) or one version as `npm view --json` prints it.

A packument maps each version to its package.json (`license`, `repository`,
`dependencies`, `deprecated`, `dist` with `signatures`/`attestations`) and
`time` to publication times; `dist-tags.latest` names the latest. `npm view
--json` prints one version's package.json with the packument's `time` and
`dist-tags` merged in and `versions` as a list of strings: that version is
imported.
"""

from __future__ import annotations

from typing import Any

from packageurl import PackageURL

from jipan.servers.market.catalog import documents
from jipan.servers.market.catalog.licences import licence_from_texts
from jipan.servers.market.catalog.model import Dependency, Ecosystem, Licence, PackageMetadata, PackageVersion
from jipan.servers.market.catalog.versions import is_prerelease

FORMAT = "NPM_PACKUMENT"


def purl_of(name: str) -> str:
    """The package URL of an npm name; "" for a name that names no package ("@x/", "@/x", "@x")."""
    if name.startswith("@"):
        scope, _, bare = name.partition("/")
        if len(scope) < 2 or not bare or "/" in bare:
            return ""
        return PackageURL(type="npm", namespace=scope, name=bare).to_string()
    if "/" in name:
        return ""
    return PackageURL(type="npm", name=name).to_string()


def _listed(value: Any) -> list[Any]:
    """A list field as a list; one string is one entry, any other shape none."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, str) else []


def parse(data: bytes) -> PackageMetadata:
    doc = documents.json_object(data, FORMAT)
    name = documents.text(doc.get("name"))
    if not name:
        raise documents.invalid(FORMAT, "name is required")
    purl = purl_of(name)
    if not purl:
        raise documents.invalid(FORMAT, "name is not an npm package name")
    times: dict[str, Any] = doc["time"] if isinstance(doc.get("time"), dict) else {}
    tags: dict[str, Any] = doc["dist-tags"] if isinstance(doc.get("dist-tags"), dict) else {}
    raw_versions = doc.get("versions")
    manifests: dict[str, dict[str, Any]]
    if isinstance(raw_versions, dict):
        manifests = {str(v): m for v, m in raw_versions.items() if isinstance(m, dict)}
    elif documents.text(doc.get("version")):
        manifests = {documents.text(doc.get("version")): doc}  # `npm view --json`: one version
    else:
        raise documents.invalid(FORMAT, "neither versions nor version")
    if not manifests:
        raise documents.invalid(FORMAT, "no versions")
    latest = documents.text(tags.get("latest"))
    head = manifests.get(latest) or doc
    versions = tuple(
        PackageVersion(
            version=v,
            licence=_licence(m),
            publish_time=documents.timestamp(times.get(v)),
            withdrawn=bool(documents.text(m.get("deprecated"))),
            withdrawn_reason=documents.text(m.get("deprecated"))[:500],
            signed=_signed(m),
            prerelease=is_prerelease(Ecosystem.NPM, v),
            dependencies=_dependencies(m.get("dependencies")),
        )
        for v, m in manifests.items()
        if documents.VERSION.match(v)
    )
    people = [documents.person(head.get("author"))]
    for key in ("maintainers", "contributors"):
        people += [documents.person(p) for p in _listed(head.get(key) or doc.get(key)) if p]
    return PackageMetadata(
        ecosystem=Ecosystem.NPM,
        name=name,
        purl=purl,
        summary=(documents.text(head.get("description")) or documents.text(doc.get("description")))[:4000],
        homepage=documents.http_uri(head.get("homepage") or doc.get("homepage")),
        repository=_repository(head.get("repository") or doc.get("repository")),
        security_policy="",
        keywords=documents.keywords(head.get("keywords") or doc.get("keywords")),
        maintainers=documents.distinct_people(people),
        versions=versions,
        latest=latest if latest in manifests else "",
        source_sha256=documents.sha256(data),
    )


def _licence(manifest: dict[str, Any]) -> Licence:
    value = manifest.get("license")
    if isinstance(value, dict):  # the deprecated {"type": ..., "url": ...}
        return licence_from_texts([(documents.text(value.get("type")), documents.text(value.get("url")))])
    if isinstance(value, str):
        return licence_from_texts([(value, "")])
    legacy = manifest.get("licenses")
    if isinstance(legacy, list):
        entries = [
            (documents.text(e.get("type")), documents.text(e.get("url")))
            for e in legacy
            if isinstance(e, dict)
        ]
        return licence_from_texts(entries, joiner="OR")
    return Licence()


def _signed(manifest: dict[str, Any]) -> bool:
    dist = manifest.get("dist")
    return isinstance(dist, dict) and bool(dist.get("signatures") or dist.get("attestations"))


def _repository(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("url")
    uri = documents.text(value)
    if uri.startswith("github:"):
        uri = "https://github.com/" + uri[7:]
    elif uri and "/" in uri and ":" not in uri:  # "user/repo" shorthand is GitHub
        uri = "https://github.com/" + uri
    return documents.http_uri(uri)


def _dependencies(value: Any) -> tuple[Dependency, ...]:
    if not isinstance(value, dict):
        return ()
    found = ((purl_of(n), r) for n, r in list(value.items())[:1000] if isinstance(n, str))
    return tuple(Dependency(purl=purl, requirement=documents.text(r)[:200]) for purl, r in found if purl)
