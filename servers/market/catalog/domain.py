"""The catalog's use cases: import from registry metadata, read, search, curate."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.market.catalog import versions as ordering
from jipan.servers.market.catalog.importers import MetadataFormat, read_metadata
from jipan.servers.market.catalog.model import (
    Ecosystem,
    LicenceFamily,
    PackageMetadata,
    Project,
    Version,
)
from jipan.servers.market.catalog.pypi import normalise
from jipan.servers.market.catalog.store import CatalogStore, licence_json
from jipan.servers.market.names import DOMAIN, parse_project, parse_version
from jipan.servers.runtime import search
from jipan.servers.runtime.errors import (
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.idempotency import Connection
from jipan.servers.runtime.owned import OwnedTasks
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

_ID_UNSAFE = re.compile(r"[^a-z0-9.]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def project_id_of(metadata: PackageMetadata) -> str:
    """ "pypi-jinja2", "npm-types-node", "maven-org.apache.commons-commons-lang3"."""
    name = normalise(metadata.name) if metadata.ecosystem is Ecosystem.PYPI else metadata.name.lower()
    bare = _ID_UNSAFE.sub("-", name.lstrip("@")).strip("-.")
    return f"{metadata.ecosystem.purl_type}-{bare}"[:128].rstrip("-.")


def _purl_at(purl: str, version: str) -> str:
    from packageurl import PackageURL

    parsed = PackageURL.from_string(purl)
    return PackageURL(
        type=parsed.type, namespace=parsed.namespace, name=parsed.name, version=version
    ).to_string()


@dataclass(frozen=True, slots=True)
class ImportResult:
    project: Project
    added_versions: tuple[str, ...]
    created: bool


@dataclass(frozen=True, slots=True)
class ProjectChanges:
    description_zh: str | None = None
    description_en: str | None = None
    categories: tuple[str, ...] | None = None
    homepage: str | None = None
    repository: str | None = None


def project_not_found(project_id: str) -> NotFound:
    return NotFound(
        "PROJECT_NOT_FOUND", "no project with this name", domain=DOMAIN, metadata={"project": project_id}
    )


Announcement = Callable[[], Coroutine[Any, Any, None]]
"""What an announcement staged in a transaction (subscriptions' outbox) makes once it is committed."""


class Catalog:
    def __init__(self, store: CatalogStore, page_tokens: PageTokens) -> None:
        self.store = store
        self.page_tokens = page_tokens
        self.after_import: Callable[[str], Awaitable[None]] | None = None
        """Called with the project id after each import (health re-scores it)."""
        self.on_new_versions: Callable[[Connection, str, tuple[str, ...]], Awaitable[Announcement]] | None = (
            None
        )
        """Called in the import's transaction with the project id and the versions it added to a
        project that existed before it (a new project has no subscribers yet): stages their
        announcement there and returns it, to be made once the import is committed (a process
        that dies in between leaves it staged for another's sweep)."""
        self._announcing = OwnedTasks("market: announcing new versions")
        """Announcements of what is committed, made to the end though the caller goes away."""

    async def import_project(
        self, principal: Principal, fmt: MetadataFormat, data: bytes, categories: tuple[str, ...]
    ) -> ImportResult:
        metadata = await asyncio.to_thread(read_metadata, fmt, data)
        project_id = project_id_of(metadata)
        async with self.store.pool.acquire() as conn, conn.transaction():
            created = await self.store.insert_project(
                conn,
                project_id,
                metadata.ecosystem,
                metadata.purl,
                metadata.name,
                _categories(categories),
                principal.subject,
                principal.org or "",
            )
            locked = await self.store.lock_project(conn, project_id)
            assert locked is not None  # inserted above or already there; projects are never deleted
            purl, curated = locked
            if purl != metadata.purl:
                raise FailedPrecondition(
                    "PROJECT_PACKAGE_MISMATCH",
                    f"projects/{project_id} was imported from {purl}, "
                    f"this document describes {metadata.purl}",
                    domain=DOMAIN,
                    metadata={"purl": purl, "project": project_id},
                )
            added = await self.store.upsert_versions(
                conn,
                project_id,
                [(v, _purl_at(metadata.purl, v.version)) for v in metadata.versions],
                metadata.source_sha256,
            )
            known = await self.store.version_summaries(conn, project_id)
            await self.store.set_order(
                conn, project_id, ordering.ordered(metadata.ecosystem, [v for v, _, _ in known])
            )
            latest = _latest(metadata.ecosystem, known)
            licence = await self.store.version_licence(conn, project_id, latest)
            fields: dict[str, Any] = {
                "latest_version": latest,
                "version_count": len(known),
                "licence": licence_json(licence),
                "licence_family": licence.family.value,
                "keywords": list(metadata.keywords) or None,
                # What the registry says, kept apart from curation: publisher claims are checked there.
                "source_homepage": metadata.homepage or None,
                "source_repository": metadata.repository or None,
                "security_policy": metadata.security_policy or None,
            }
            if "description" not in curated and metadata.summary:
                key = "description_zh" if _CJK.search(metadata.summary) else "description_en"
                fields[key] = metadata.summary
            if "homepage_uri" not in curated and metadata.homepage:
                fields["homepage"] = metadata.homepage
            if "repository_uri" not in curated and metadata.repository:
                fields["repository"] = metadata.repository
            fields = {k: v for k, v in fields.items() if v is not None}
            await self.store.update_project_metadata(conn, project_id, fields, metadata.maintainers)
            project = await self.store.get_project(project_id, conn)
            assert project is not None
            await self.store.set_search_tokens(project_id, _tokens(project), conn)
            announcement = None
            if self.on_new_versions is not None and added and not created:
                announcement = await self.on_new_versions(conn, project_id, tuple(added))
        log.info("project imported", project=project_id, added=len(added), created=created)
        if announcement is not None:
            # Made to the end though the caller goes away (staged, it would wait for a sweep).
            await self._announcing.run(announcement())
        if self.after_import is not None:
            await self.after_import(project_id)
            project = await self.store.get_project(project_id) or project
        return ImportResult(project, tuple(added), created)

    async def get_project(self, name: str) -> Project:
        project_id = parse_project(name)
        project = await self.store.get_project(project_id)
        if project is None:
            raise project_not_found(project_id)
        return project

    async def list_projects(
        self, ecosystem: Ecosystem | None, page_size: int, page_token: str
    ) -> tuple[list[Project], str]:
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListProjects", ecosystem=ecosystem.value if ecosystem else "")
        after = str(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else ""
        rows = await self.store.list_projects(ecosystem, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1].id})
        return rows, token

    async def search_projects(
        self, query: str, family: LicenceFamily | None, page_size: int, page_token: str
    ) -> tuple[list[Project], str]:
        size = resolve_page_size(page_size, default=20, maximum=100)
        words = search.query_tokens(query)
        if not words:
            raise InvalidArgument(
                "QUERY_INVALID",
                "query has no searchable words",
                domain=DOMAIN,
                metadata={"field": "query"},
                field_violations=[FieldViolation("query", "no searchable words")],
            )
        fingerprint = query_fingerprint(
            "SearchProjects", q=sorted(words), family=family.value if family else ""
        )
        after = None
        if page_token:
            position = self.page_tokens.decode(page_token, fingerprint)
            after = (float(position["score"]), str(position["id"]))
        rows = await self.store.search_projects(words, family, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"score": rows[-1].health_score, "id": rows[-1].id})
        return rows, token

    async def update_project(self, principal: Principal, name: str, changes: ProjectChanges) -> Project:
        project = await self.get_project(name)
        owner = project.publisher or project.creator_org
        if not principal.org or principal.org != owner:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "only the project's verified publisher (or, before one, the importing organisation) "
                "may curate it",
                domain=DOMAIN,
                metadata={"project": project.id},
            )
        fields: dict[str, Any] = {}
        curated: list[str] = []
        if changes.description_zh is not None or changes.description_en is not None:
            fields["description_zh"] = changes.description_zh or ""
            fields["description_en"] = changes.description_en or ""
            curated.append("description")
        if changes.categories is not None:
            fields["categories"] = list(_categories(changes.categories))
            curated.append("categories")
        if changes.homepage is not None:
            fields["homepage"] = changes.homepage
            curated.append("homepage_uri")
        if changes.repository is not None:
            fields["repository"] = changes.repository
            curated.append("repository_uri")
        if fields:
            await self.store.curate_project(project.id, fields, curated)
        updated = await self.store.get_project(project.id)
        assert updated is not None
        await self.store.set_search_tokens(project.id, _tokens(updated))
        return updated

    async def get_version(self, name: str) -> Version:
        project_id, version = parse_version(name)
        found = await self.store.get_version(project_id, version)
        if found is None:
            if await self.store.get_project(project_id) is None:
                raise project_not_found(project_id)
            raise NotFound(
                "VERSION_NOT_FOUND",
                "the project has no such version",
                domain=DOMAIN,
                metadata={"version": version},
            )
        return found

    async def list_versions(self, parent: str, page_size: int, page_token: str) -> tuple[list[Version], str]:
        project_id = parse_project(parent, "parent")
        if await self.store.get_project(project_id) is None:
            raise project_not_found(project_id)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListVersions", project=project_id)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        rows = await self.store.list_versions(project_id, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1].order})
        return rows, token


def _latest(ecosystem: Ecosystem, known: list[tuple[str, bool, bool]]) -> str:
    """Newest by the ecosystem's ordering; pre-releases and withdrawn versions only when nothing else is."""
    usable = [v for v, pre, withdrawn in known if not pre and not withdrawn]
    if not usable:
        usable = [v for v, _, withdrawn in known if not withdrawn] or [v for v, _, _ in known]
    order = ordering.ordered(ecosystem, usable)
    return order[-1] if order else ""


def _categories(values: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(v.strip().lower()[:60] for v in values if v.strip()))
    return cleaned[:20]


def _tokens(project: Project) -> list[str]:
    return search.tokens(
        project.package_name,
        project.id,
        project.description_zh,
        project.description_en,
        " ".join(project.keywords),
        " ".join(project.categories),
    )
