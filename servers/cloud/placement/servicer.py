"""PlacementService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.cloud.v1 import placement_service_pb2 as ppb
from jipan.cloud.v1 import placement_service_pb2_grpc as ppb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.cloud.placement.domain import Placements

Context = grpc.aio.ServicerContext[Any, Any]


class PlacementServicer(ppb_grpc.PlacementServiceServicer):
    def __init__(self, placements: Placements) -> None:
        self._placements = placements

    async def PlanPlacement(
        self, request: ppb.PlanPlacementRequest, context: Context
    ) -> ppb.PlanPlacementResponse:
        placement = await self._placements.plan(
            current_principal(), request.parent, request.placement, request.max_plans
        )
        return ppb.PlanPlacementResponse(placement=placement)

    async def GetPlacement(
        self, request: ppb.GetPlacementRequest, context: Context
    ) -> ppb.GetPlacementResponse:
        return ppb.GetPlacementResponse(
            placement=await self._placements.get(current_principal(), request.name)
        )

    async def ListPlacementExclusions(
        self, request: ppb.ListPlacementExclusionsRequest, context: Context
    ) -> ppb.ListPlacementExclusionsResponse:
        exclusions, token = await self._placements.list_exclusions(
            current_principal(), request.parent, request.workload, request.page_size, request.page_token
        )
        return ppb.ListPlacementExclusionsResponse(exclusions=exclusions, next_page_token=token)
