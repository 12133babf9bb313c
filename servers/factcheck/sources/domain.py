"""Source credibility records and CheckSource."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.factcheck.limits import http_url
from jipan.servers.factcheck.names import (
    DOMAIN,
    new_id,
    organization,
    own_parent,
    parse_source,
    source_name,
)
from jipan.servers.factcheck.sources.normalize import (
    covering_hosts,
    covering_prefixes,
    normalize_target,
    normalize_url,
)
from jipan.servers.factcheck.sources.store import SourceStore
from jipan.servers.factcheck.sources.types import Assessment, Source, SourceCheck, SourceStatus
from jipan.servers.runtime.errors import AlreadyExists, InvalidArgument, NotFound
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

CREATE_SCOPE = "jipan.factcheck.v1.SourceService/CreateSource"
OUTPUT_ONLY = frozenset({"name", "normalized_target", "domain_wide", "creator", "create_time", "update_time"})
"""Ignored in an update_mask (AIP-203); `target` is immutable and refused."""
UPDATABLE = frozenset({"credibility", "evidence", "evidence_links", "assessed_by", "assess_time", "status"})


def not_found(name: str) -> NotFound:
    return NotFound(
        "SOURCE_NOT_FOUND", "no source record with this name", domain=DOMAIN, metadata={"name": name[:300]}
    )


def _checked(assessment: Assessment, field: str = "source") -> Assessment:
    for index, link in enumerate(assessment.evidence_links):
        if not http_url(link.uri):
            raise InvalidArgument(
                "FIELD_INVALID",
                f"{field}.evidence_links[{index}].uri must be an http(s) URL",
                metadata={"field": f"{field}.evidence_links[{index}].uri"},
            )
    if len(assessment.evidence) > 20000 or len(assessment.assessed_by) > 200:
        raise InvalidArgument(
            "FIELD_INVALID", f"{field}: a text field is too long", metadata={"field": field}
        )
    return assessment


class Sources:
    def __init__(self, store: SourceStore, page_tokens: PageTokens, request_ids: RequestIds) -> None:
        self.store = store
        self.page_tokens = page_tokens
        self.request_ids = request_ids

    async def create(
        self, principal: Principal, parent: str, target: str, assessment: Assessment, request_id: str
    ) -> Source:
        owner = own_parent(principal, parent)
        normalized, domain_wide = normalize_target(target)
        fingerprint = repr((parent, target, assessment)).encode()  # as asked, before the defaults
        now = datetime.now(UTC)
        assessment = _checked(
            replace(
                assessment,
                assessed_by=assessment.assessed_by.strip() or principal.subject,
                assess_time=assessment.assess_time or now,
            )
        )
        scope = scope_for(CREATE_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                first = await self.store.get(owner, replay.decode(), conn)
                if first is None:
                    raise RuntimeError("replayed source record is missing")
                return first
            record = Source(
                owner,
                new_id(),
                target.strip(),
                normalized,
                domain_wide,
                assessment,
                principal.subject,
                now,
                now,
            )
            created = await self.store.insert(conn, record)
            if created is None:
                existing = await self.store.find_id(conn, owner, normalized)
                raise AlreadyExists(
                    "SOURCE_EXISTS",
                    "the organisation has a record for this target",
                    domain=DOMAIN,
                    metadata={"name": source_name(owner, existing or "")},
                )
            await self.request_ids.record(conn, scope, request_id, created.id.encode())
        log.info("source record created", source=created.name, target=normalized)
        return created

    async def get(self, principal: Principal, name: str) -> Source:
        owner, source_id = parse_source(name)
        found = await self.store.get(owner, source_id)
        if found is None or (
            found.assessment.status is not SourceStatus.PUBLISHED and owner != principal.org
        ):
            raise not_found(name)
        return found

    async def list_sources(
        self, principal: Principal, parent: str, status: SourceStatus | None, page_size: int, page_token: str
    ) -> tuple[list[Source], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListSources", owner=owner, status=status.value if status else "")
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.page(owner, status, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [source for _, source in rows], token

    async def update(self, principal: Principal, name: str, changes: Mapping[str, Any]) -> Source:
        owner, source_id = parse_source(name)
        current = await self.store.get(owner, source_id) if owner == organization(principal) else None
        if current is None:
            raise not_found(name)
        changes = {path: value for path, value in changes.items() if path not in OUTPUT_ONLY}
        for path in changes:
            if path not in UPDATABLE:
                raise InvalidArgument(
                    "FIELD_NOT_UPDATABLE",
                    f"update_mask may not name {path[:80]!r}",
                    domain=DOMAIN,
                    metadata={"field": path[:200]},
                )
        assessment = _checked(replace(current.assessment, **changes))
        if not assessment.assessed_by:
            assessment = replace(assessment, assessed_by=principal.subject)
        if assessment.assess_time is None:
            assessment = replace(assessment, assess_time=datetime.now(UTC))
        updated = await self.store.update(owner, source_id, assessment)
        if updated is None:
            raise not_found(name)
        return updated

    async def check(self, url: str) -> SourceCheck:
        return (await self.check_many([url]))[0]

    async def check_many(self, urls: Sequence[str]) -> list[SourceCheck]:
        """CheckSource's answer for each URL, read in one query (a review task's links)."""
        normalized = [normalize_url(url) for url in urls]
        covering = [[*covering_prefixes(n.url), *covering_hosts(n.host)] for n in normalized]
        wanted = sorted({target for targets in covering for target in targets})
        found = await self.store.published_for(wanted) if wanted else []
        checks = []
        for n, targets in zip(normalized, covering, strict=True):
            rank = {target: index for index, target in enumerate(targets)}
            sources = [s for s in found if s.normalized_target in rank]
            sources.sort(key=lambda s: (s.domain_wide, rank[s.normalized_target]))
            checks.append(SourceCheck(n.url, n.host, n.shortener, sources))
        return checks
