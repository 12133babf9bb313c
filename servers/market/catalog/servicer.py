"""ProjectService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.interceptors.context import current_principal
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.servers.market.advisories.domain import VersionAdvisories
from jipan.servers.market.catalog.convert import (
    ecosystem_from_pb,
    family_from_pb,
    format_from_pb,
    project_to_pb,
    version_to_pb,
)
from jipan.servers.market.catalog.domain import Catalog, ProjectChanges
from jipan.servers.market.health.convert import advisory_to_pb, health_to_pb
from jipan.servers.market.health.domain import ProjectHealth
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]
_MASKABLE = {"description", "categories", "homepage_uri", "repository_uri"}


class ProjectServicer(ppb_grpc.ProjectServiceServicer):
    def __init__(self, catalog: Catalog, advisories: VersionAdvisories, health: ProjectHealth) -> None:
        self._catalog = catalog
        self._advisories = advisories
        self._health = health

    async def ImportProject(
        self, request: ppb.ImportProjectRequest, context: Context
    ) -> ppb.ImportProjectResponse:
        result = await self._catalog.import_project(
            current_principal(), format_from_pb(request.format), request.metadata, tuple(request.categories)
        )
        return ppb.ImportProjectResponse(
            project=project_to_pb(result.project),
            added_versions=list(result.added_versions),
            created=result.created,
        )

    async def GetProject(self, request: ppb.GetProjectRequest, context: Context) -> ppb.GetProjectResponse:
        return ppb.GetProjectResponse(project=project_to_pb(await self._catalog.get_project(request.name)))

    async def ListProjects(
        self, request: ppb.ListProjectsRequest, context: Context
    ) -> ppb.ListProjectsResponse:
        projects, token = await self._catalog.list_projects(
            ecosystem_from_pb(request.ecosystem), request.page_size, request.page_token
        )
        return ppb.ListProjectsResponse(projects=[project_to_pb(p) for p in projects], next_page_token=token)

    async def SearchProjects(
        self, request: ppb.SearchProjectsRequest, context: Context
    ) -> ppb.SearchProjectsResponse:
        projects, token = await self._catalog.search_projects(
            request.query, family_from_pb(request.licence_family), request.page_size, request.page_token
        )
        return ppb.SearchProjectsResponse(
            projects=[project_to_pb(p) for p in projects], next_page_token=token
        )

    async def UpdateProject(
        self, request: ppb.UpdateProjectRequest, context: Context
    ) -> ppb.UpdateProjectResponse:
        paths = set(request.update_mask.paths)
        unknown = sorted(paths - _MASKABLE)
        if unknown or not paths:
            raise InvalidArgument(
                "FIELD_INVALID",
                f"update_mask may name {', '.join(sorted(_MASKABLE))}",
                field_violations=[
                    FieldViolation("update_mask", f"not updatable: {', '.join(unknown) or '(empty)'}")
                ],
            )
        project = request.project
        changes = ProjectChanges(
            description_zh=project.description.zh_tw if "description" in paths else None,
            description_en=project.description.en if "description" in paths else None,
            categories=tuple(project.categories) if "categories" in paths else None,
            homepage=project.homepage_uri if "homepage_uri" in paths else None,
            repository=project.repository_uri if "repository_uri" in paths else None,
        )
        updated = await self._catalog.update_project(current_principal(), project.name, changes)
        return ppb.UpdateProjectResponse(project=project_to_pb(updated))

    async def GetVersion(self, request: ppb.GetVersionRequest, context: Context) -> ppb.GetVersionResponse:
        return ppb.GetVersionResponse(version=version_to_pb(await self._catalog.get_version(request.name)))

    async def ListVersions(
        self, request: ppb.ListVersionsRequest, context: Context
    ) -> ppb.ListVersionsResponse:
        versions, token = await self._catalog.list_versions(
            request.parent, request.page_size, request.page_token
        )
        return ppb.ListVersionsResponse(versions=[version_to_pb(v) for v in versions], next_page_token=token)

    async def ListVersionAdvisories(
        self, request: ppb.ListVersionAdvisoriesRequest, context: Context
    ) -> ppb.ListVersionAdvisoriesResponse:
        advisories = await self._advisories.for_version(request.parent)
        return ppb.ListVersionAdvisoriesResponse(advisories=[advisory_to_pb(a) for a in advisories])

    async def GetProjectHealth(
        self, request: ppb.GetProjectHealthRequest, context: Context
    ) -> ppb.GetProjectHealthResponse:
        return ppb.GetProjectHealthResponse(health=health_to_pb(await self._health.report(request.name)))
