"""Which backend model a public `model_name`/`model_version` runs, and who may run it.

The routing table comes from the registry's rows (DEPLOYED versions), cached
for a second and dropped whenever this process deploys or undeploys a version
of the model. Readiness and metadata are never cached: the gateway asks the
backend on every ModelReady/ModelMetadata call.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.registry.store import RegistryStore, deployed_versions
from jipan.servers.inference.registry.types import Model, Version
from jipan.servers.runtime.errors import FailedPrecondition, NotFound

TTL_S = 1.0


@dataclass(frozen=True, slots=True)
class Route:
    model: Model
    deployed: dict[int, Version]

    def version(self, requested: str) -> Version | None:
        """The version to run: the one named, or the highest deployed; None when it is not deployed."""
        if not requested:
            return self.deployed[max(self.deployed)] if self.deployed else None
        if not requested.isdigit() or len(requested) > 9:
            return None
        return self.deployed.get(int(requested))


def unknown_model(name: str) -> NotFound:
    return NotFound(
        "MODEL_NOT_FOUND",
        f"no model {name!r} that the caller may run",
        domain=DOMAIN,
        metadata={"model_name": name[:200]},
    )


def not_deployed(name: str, version: str) -> FailedPrecondition:
    return FailedPrecondition(
        "NOT_DEPLOYED",
        f"model {name!r} has no deployed version{f' {version}' if version else ''}",
        domain=DOMAIN,
        metadata={"model_name": name[:200], "model_version": version[:20]},
    )


class Routes:
    def __init__(self, store: RegistryStore, ttl_s: float = TTL_S) -> None:
        self._store = store
        self._ttl = ttl_s
        self._cache: dict[str, tuple[float, Route | None]] = {}

    def invalidate(self, model_id: str) -> None:
        self._cache.pop(model_id, None)

    async def route(self, org: str | None, model_name: str) -> Route:
        """The model's route, if `org` may run it; NOT_FOUND otherwise (the same answer as for no model)."""
        now = time.monotonic()
        cached = self._cache.get(model_name)
        if cached is not None and cached[0] > now:
            route = cached[1]
        else:
            route = await self._load(model_name)
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[model_name] = (now + self._ttl, route)
        if route is None or not route.model.visible_to(org):
            raise unknown_model(model_name)
        return route

    async def _load(self, model_name: str) -> Route | None:
        if not model_name or len(model_name) > 63:
            return None
        model = await self._store.get_model(model_name)
        if model is None:
            return None
        versions = await deployed_versions(self._store, model.id)
        return Route(model=model, deployed={v.version: v for v in versions})
