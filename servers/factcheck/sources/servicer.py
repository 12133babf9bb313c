"""SourceService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.factcheck.v1 import resources_pb2 as pb
from jipan.factcheck.v1 import source_service_pb2 as spb
from jipan.factcheck.v1 import source_service_pb2_grpc as spb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.factcheck.convert import evidence_from_pb, from_timestamp, timestamp
from jipan.servers.factcheck.sources.domain import Sources
from jipan.servers.factcheck.sources.types import Assessment, Credibility, Source, SourceStatus
from jipan.servers.runtime.errors import InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]

_CREDIBILITY_TO_PB = {c: pb.Credibility.Value(f"CREDIBILITY_{c.value}") for c in Credibility}
_CREDIBILITY_FROM_PB: dict[int, Credibility] = {number: c for c, number in _CREDIBILITY_TO_PB.items()}
_STATUS_TO_PB = {s: pb.SourceStatus.Value(f"SOURCE_STATUS_{s.value}") for s in SourceStatus}
_STATUS_FROM_PB: dict[int, SourceStatus] = {number: s for s, number in _STATUS_TO_PB.items()}


def _credibility(message: pb.Source) -> Credibility:
    value = _CREDIBILITY_FROM_PB.get(message.credibility)
    if value is None:
        raise InvalidArgument(
            "FIELD_INVALID", "source.credibility is required", metadata={"field": "source.credibility"}
        )
    return value


def _fields(message: pb.Source) -> dict[str, Any]:
    return {
        "evidence": message.evidence,
        "evidence_links": evidence_from_pb(message.evidence_links),
        "assessed_by": message.assessed_by.strip(),
        "assess_time": from_timestamp(message, "assess_time"),
        "status": _STATUS_FROM_PB.get(message.status, SourceStatus.DRAFT),
    }


def source_to_pb(source: Source) -> pb.Source:
    a = source.assessment
    return pb.Source(
        name=source.name,
        target=source.target,
        normalized_target=source.normalized_target,
        domain_wide=source.domain_wide,
        credibility=_CREDIBILITY_TO_PB[a.credibility],
        evidence=a.evidence,
        evidence_links=[pb.EvidenceLink(uri=e.uri, title=e.title) for e in a.evidence_links],
        assessed_by=a.assessed_by,
        assess_time=timestamp(a.assess_time),
        status=_STATUS_TO_PB[a.status],
        creator=source.creator,
        create_time=timestamp(source.create_time),
        update_time=timestamp(source.update_time),
    )


class SourceServicer(spb_grpc.SourceServiceServicer):
    def __init__(self, sources: Sources) -> None:
        self._sources = sources

    async def CreateSource(
        self, request: spb.CreateSourceRequest, context: Context
    ) -> spb.CreateSourceResponse:
        assessment = Assessment(credibility=_credibility(request.source), **_fields(request.source))
        created = await self._sources.create(
            current_principal(), request.parent, request.source.target, assessment, request.request_id
        )
        return spb.CreateSourceResponse(source=source_to_pb(created))

    async def GetSource(self, request: spb.GetSourceRequest, context: Context) -> spb.GetSourceResponse:
        return spb.GetSourceResponse(
            source=source_to_pb(await self._sources.get(current_principal(), request.name))
        )

    async def ListSources(self, request: spb.ListSourcesRequest, context: Context) -> spb.ListSourcesResponse:
        found, token = await self._sources.list_sources(
            current_principal(),
            request.parent,
            _STATUS_FROM_PB.get(request.status),
            request.page_size,
            request.page_token,
        )
        return spb.ListSourcesResponse(sources=[source_to_pb(s) for s in found], next_page_token=token)

    async def UpdateSource(
        self, request: spb.UpdateSourceRequest, context: Context
    ) -> spb.UpdateSourceResponse:
        paths = list(request.update_mask.paths)
        if not paths:
            raise InvalidArgument(
                "FIELD_INVALID", "update_mask is required", metadata={"field": "update_mask"}
            )
        fields = _fields(request.source)
        changes: dict[str, Any] = {}
        for path in paths:
            if path == "credibility":
                changes[path] = _credibility(request.source)
            elif path == "status" and request.source.status == pb.SOURCE_STATUS_UNSPECIFIED:
                raise InvalidArgument(
                    "FIELD_INVALID", "source.status is required", metadata={"field": "source.status"}
                )
            else:
                changes[path] = fields.get(path)
        updated = await self._sources.update(current_principal(), request.source.name, changes)
        return spb.UpdateSourceResponse(source=source_to_pb(updated))

    async def CheckSource(self, request: spb.CheckSourceRequest, context: Context) -> spb.CheckSourceResponse:
        check = await self._sources.check(request.url)
        return spb.CheckSourceResponse(
            normalized_url=check.normalized_url,
            host=check.host,
            shortener=check.shortener,
            sources=[source_to_pb(s) for s in check.sources],
            unknown=not check.sources,
        )
