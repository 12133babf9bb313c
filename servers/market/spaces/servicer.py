"""SpaceService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc

from jipan.interceptors.context import current_principal
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import space_service_pb2 as spb
from jipan.market.v1 import space_service_pb2_grpc as spb_grpc
from jipan.servers.market.catalog.convert import timestamp
from jipan.servers.market.names import DOMAIN
from jipan.servers.market.spaces.domain import Spaces
from jipan.servers.market.spaces.model import Activity, Decision, Document, Invitation, Space, SpaceRole
from jipan.servers.runtime.errors import InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]


def _role_pb(role: SpaceRole) -> mres.SpaceRole.ValueType:
    return mres.SpaceRole.Value(f"SPACE_ROLE_{role.value}")


def space_to_pb(space: Space) -> mres.Space:
    return mres.Space(
        name=f"spaces/{space.id}",
        display_name=space.display_name,
        description=mres.LocalizedText(zh_tw=space.description_zh, en=space.description_en),
        projects=list(space.projects),
        members=[mres.SpaceMember(organization=m.organization, role=_role_pb(m.role)) for m in space.members],
        invitations=[
            mres.SpaceMember(organization=m.organization, role=_role_pb(m.role)) for m in space.invitations
        ],
        create_time=timestamp(space.create_time),
    )


def invitation_to_pb(invitation: Invitation) -> mres.SpaceInvitation:
    return mres.SpaceInvitation(
        name=f"spaces/{invitation.space_id}/invitations/{invitation.organization.removeprefix('orgs/')}",
        space_display_name=invitation.space_display_name,
        role=_role_pb(invitation.role),
        inviter=invitation.inviter,
        create_time=timestamp(invitation.create_time),
    )


def activity_to_pb(activity: Activity) -> mres.SpaceActivity:
    return mres.SpaceActivity(
        name=f"spaces/{activity.space_id}/activities/{activity.id}",
        kind=mres.SpaceActivityKind.Value(f"SPACE_ACTIVITY_KIND_{activity.kind.value}"),
        actor=activity.actor,
        subject=activity.subject,
        summary=activity.summary,
        create_time=timestamp(activity.create_time),
    )


def document_to_pb(document: Document) -> mres.SpaceDocument:
    return mres.SpaceDocument(
        name=f"spaces/{document.space_id}/documents/{document.id}",
        display_name=document.display_name,
        media_type=document.media_type,
        size_bytes=document.size_bytes,
        sha256=document.sha256,
        creator=document.creator,
        create_time=timestamp(document.create_time),
    )


def decision_to_pb(decision: Decision) -> mres.Decision:
    return mres.Decision(
        name=f"spaces/{decision.space_id}/decisions/{decision.id}",
        title=decision.title,
        text=decision.text,
        digest=decision.digest,
        ledger_receipt=decision.ledger_receipt,
        creator=decision.creator,
        create_time=timestamp(decision.create_time),
    )


def _upload_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument("DOCUMENT_INVALID", problem, domain=DOMAIN, metadata={"problem": problem})


class SpaceServicer(spb_grpc.SpaceServiceServicer):
    def __init__(self, spaces: Spaces) -> None:
        self._spaces = spaces

    async def CreateSpace(self, request: spb.CreateSpaceRequest, context: Context) -> spb.CreateSpaceResponse:
        space = await self._spaces.create(
            current_principal(),
            request.space_id,
            request.space.display_name,
            request.space.description.zh_tw,
            request.space.description.en,
            list(request.space.projects),
        )
        return spb.CreateSpaceResponse(space=space_to_pb(space))

    async def GetSpace(self, request: spb.GetSpaceRequest, context: Context) -> spb.GetSpaceResponse:
        return spb.GetSpaceResponse(
            space=space_to_pb(await self._spaces.get(current_principal(), request.name))
        )

    async def ListSpaces(self, request: spb.ListSpacesRequest, context: Context) -> spb.ListSpacesResponse:
        rows, token = await self._spaces.list_spaces(
            current_principal(), request.page_size, request.page_token
        )
        return spb.ListSpacesResponse(spaces=[space_to_pb(s) for s in rows], next_page_token=token)

    async def UpdateSpaceMembers(
        self, request: spb.UpdateSpaceMembersRequest, context: Context
    ) -> spb.UpdateSpaceMembersResponse:
        changes = [
            (
                m.organization,
                None
                if m.role == mres.SPACE_ROLE_UNSPECIFIED
                else SpaceRole(mres.SpaceRole.Name(m.role).removeprefix("SPACE_ROLE_")),
            )
            for m in request.members
        ]
        space = await self._spaces.update_members(current_principal(), request.name, changes)
        return spb.UpdateSpaceMembersResponse(space=space_to_pb(space))

    async def ListSpaceInvitations(
        self, request: spb.ListSpaceInvitationsRequest, context: Context
    ) -> spb.ListSpaceInvitationsResponse:
        rows, token = await self._spaces.list_invitations(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return spb.ListSpaceInvitationsResponse(
            invitations=[invitation_to_pb(i) for i in rows], next_page_token=token
        )

    async def AcceptSpaceInvitation(
        self, request: spb.AcceptSpaceInvitationRequest, context: Context
    ) -> spb.AcceptSpaceInvitationResponse:
        space = await self._spaces.accept(current_principal(), request.name)
        return spb.AcceptSpaceInvitationResponse(space=space_to_pb(space))

    async def DeclineSpaceInvitation(
        self, request: spb.DeclineSpaceInvitationRequest, context: Context
    ) -> spb.DeclineSpaceInvitationResponse:
        await self._spaces.decline(current_principal(), request.name)
        return spb.DeclineSpaceInvitationResponse()

    async def ListSpaceActivities(
        self, request: spb.ListSpaceActivitiesRequest, context: Context
    ) -> spb.ListSpaceActivitiesResponse:
        rows, token = await self._spaces.activities(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return spb.ListSpaceActivitiesResponse(
            activities=[activity_to_pb(a) for a in rows], next_page_token=token
        )

    async def CreateSpaceDocument(
        self, request_iterator: AsyncIterator[spb.CreateSpaceDocumentRequest], context: Context
    ) -> spb.CreateSpaceDocumentResponse:
        iterator = aiter(request_iterator)
        first = await anext(iterator, None)
        if first is None or first.WhichOneof("part") != "header":
            raise _upload_invalid("the first message of an upload must carry the header")
        header = first.header

        async def chunks() -> AsyncIterator[bytes]:
            async for message in iterator:
                if message.WhichOneof("part") != "chunk":
                    raise _upload_invalid("only the first message of an upload carries a header")
                yield message.chunk

        document = await self._spaces.upload(
            current_principal(),
            header.parent,
            header.document.display_name,
            header.document.media_type,
            header.expected_sha256,
            chunks(),
        )
        return spb.CreateSpaceDocumentResponse(document=document_to_pb(document))

    async def ListSpaceDocuments(
        self, request: spb.ListSpaceDocumentsRequest, context: Context
    ) -> spb.ListSpaceDocumentsResponse:
        rows, token = await self._spaces.documents(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return spb.ListSpaceDocumentsResponse(
            documents=[document_to_pb(d) for d in rows], next_page_token=token
        )

    async def DownloadSpaceDocument(
        self, request: spb.DownloadSpaceDocumentRequest, context: Context
    ) -> AsyncIterator[spb.DownloadSpaceDocumentResponse]:
        document, content = await self._spaces.download(current_principal(), request.name)
        first = True
        try:
            async for chunk in content:
                yield spb.DownloadSpaceDocumentResponse(
                    document=document_to_pb(document) if first else None, chunk=chunk
                )
                first = False
        finally:
            await content.aclose()  # type: ignore[attr-defined]
        if first:  # an empty document: its metadata still comes
            yield spb.DownloadSpaceDocumentResponse(document=document_to_pb(document))

    async def CreateDecision(
        self, request: spb.CreateDecisionRequest, context: Context
    ) -> spb.CreateDecisionResponse:
        decision = await self._spaces.decide(
            current_principal(),
            request.parent,
            request.decision.title,
            request.decision.text,
            request.request_id,
        )
        return spb.CreateDecisionResponse(decision=decision_to_pb(decision))

    async def ListDecisions(
        self, request: spb.ListDecisionsRequest, context: Context
    ) -> spb.ListDecisionsResponse:
        rows, token = await self._spaces.decisions(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return spb.ListDecisionsResponse(decisions=[decision_to_pb(d) for d in rows], next_page_token=token)

    async def VerifyDecision(
        self, request: spb.VerifyDecisionRequest, context: Context
    ) -> spb.VerifyDecisionResponse:
        decision, verified, confirmed = await self._spaces.verify(current_principal(), request.name)
        return spb.VerifyDecisionResponse(
            decision=decision_to_pb(decision), verified=verified, confirmed=confirmed
        )
