"""Advisories of one version of the catalog."""

from __future__ import annotations

from jipan.servers.market.advisories.client import AdvisoryStore, KnownAdvisory
from jipan.servers.market.catalog.domain import Catalog


class VersionAdvisories:
    def __init__(self, catalog: Catalog, store: AdvisoryStore) -> None:
        self._catalog = catalog
        self._store = store

    async def for_version(self, name: str) -> list[KnownAdvisory]:
        version = await self._catalog.get_version(name)
        (matches,) = await self._store.match([version.purl])
        return matches
