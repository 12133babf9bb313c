"""A project's health report now, its score kept on the project for ranking."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import structlog

from jipan.servers.market.advisories.client import AdvisoryStore
from jipan.servers.market.catalog.domain import Catalog, project_not_found
from jipan.servers.market.health.checks import HealthReport, evaluate
from jipan.servers.market.names import parse_health
from jipan.servers.runtime.errors import Unavailable

log = structlog.get_logger(__name__)


class ProjectHealth:
    def __init__(self, catalog: Catalog, advisories: AdvisoryStore) -> None:
        self._catalog = catalog
        self._advisories = advisories
        self.on_advisories: Callable[[str, str, list[str]], Awaitable[None]] | None = None
        """Called at each evaluation with the project, its latest version and the ids of the
        advisories affecting it (subscriptions announce the ones not seen before)."""

    async def report(self, name: str) -> HealthReport:
        return await self.evaluate(parse_health(name))

    async def evaluate(self, project_id: str) -> HealthReport:
        store = self._catalog.store
        project = await store.get_project(project_id)
        if project is None:
            raise project_not_found(project_id)
        latest = (
            await store.get_version(project_id, project.latest_version) if project.latest_version else None
        )
        advisories = (await self._advisories.match([latest.purl]))[0] if latest is not None else []
        if latest is not None and advisories and self.on_advisories is not None:
            await self.on_advisories(project_id, latest.version, [a.id for a in advisories])
        newest = await store.newest_release_time(project_id)
        report = evaluate(project, latest, newest, advisories, datetime.now(UTC))
        if report.score != project.health_score:
            await store.set_health(project_id, report.score)
        return report

    async def rescore(self, project_id: str) -> None:
        """Re-score after an import; without the advisory store the score waits for the next look."""
        try:
            await self.evaluate(project_id)
        except Unavailable:
            log.warning("health not re-scored: advisory store unavailable", project=project_id)
