"""PublisherService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.interceptors.context import current_principal
from jipan.market.v1 import publisher_service_pb2 as pub
from jipan.market.v1 import publisher_service_pb2_grpc as pub_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.servers.market.catalog.convert import timestamp
from jipan.servers.market.names import claim_name, project_name, publisher_name
from jipan.servers.market.publishers.domain import Publishers
from jipan.servers.market.publishers.model import Claim, ClaimState, Publisher

Context = grpc.aio.ServicerContext[Any, Any]
_STATES = {
    ClaimState.PENDING: mres.CLAIM_STATE_PENDING,
    ClaimState.VERIFIED: mres.CLAIM_STATE_VERIFIED,
    ClaimState.REJECTED: mres.CLAIM_STATE_REJECTED,
}


def claim_to_pb(claim: Claim) -> mres.Claim:
    message = mres.Claim(
        name=claim_name(claim.project_id, claim.id),
        organization=claim.organization,
        method=mres.CLAIM_METHOD_CHALLENGE_FILE,
        challenge=claim.challenge,
        state=_STATES[claim.state],
        evidence=claim.evidence,
        expire_time=timestamp(claim.expire_time),
        create_time=timestamp(claim.create_time),
    )
    if claim.verify_time is not None:
        message.verify_time.CopyFrom(timestamp(claim.verify_time))
    return message


def publisher_to_pb(publisher: Publisher) -> mres.Publisher:
    return mres.Publisher(
        name=publisher_name(publisher.organization),
        organization=publisher.organization,
        projects=[project_name(p) for p in publisher.projects],
        verified=bool(publisher.projects),
        official=publisher.official,
    )


class PublisherServicer(pub_grpc.PublisherServiceServicer):
    def __init__(self, publishers: Publishers) -> None:
        self._publishers = publishers

    async def CreateClaim(self, request: pub.CreateClaimRequest, context: Context) -> pub.CreateClaimResponse:
        claim = await self._publishers.create_claim(current_principal(), request.parent)
        return pub.CreateClaimResponse(claim=claim_to_pb(claim))

    async def VerifyClaim(self, request: pub.VerifyClaimRequest, context: Context) -> pub.VerifyClaimResponse:
        claim = await self._publishers.verify_claim(current_principal(), request.name)
        return pub.VerifyClaimResponse(claim=claim_to_pb(claim))

    async def GetClaim(self, request: pub.GetClaimRequest, context: Context) -> pub.GetClaimResponse:
        return pub.GetClaimResponse(
            claim=claim_to_pb(await self._publishers.get_claim(current_principal(), request.name))
        )

    async def ListClaims(self, request: pub.ListClaimsRequest, context: Context) -> pub.ListClaimsResponse:
        claims, token = await self._publishers.list_claims(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return pub.ListClaimsResponse(claims=[claim_to_pb(c) for c in claims], next_page_token=token)

    async def GetPublisher(
        self, request: pub.GetPublisherRequest, context: Context
    ) -> pub.GetPublisherResponse:
        return pub.GetPublisherResponse(
            publisher=publisher_to_pb(await self._publishers.get_publisher(request.name))
        )

    async def MarkPublisherOfficial(
        self, request: pub.MarkPublisherOfficialRequest, context: Context
    ) -> pub.MarkPublisherOfficialResponse:
        publisher = await self._publishers.mark_official(request.name, request.official)
        return pub.MarkPublisherOfficialResponse(publisher=publisher_to_pb(publisher))
