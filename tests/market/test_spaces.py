"""Co-Lab spaces end to end: members from several organisations with roles, invitations the
invited organisation accepts or declines, the paged activity feed, documents streamed into the
object store (SHA-256, size limit) and back, decisions anchored on the ledger and verified (a
changed record no longer verifies), and tenant isolation (a non-member sees nothing: NOT_FOUND)."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TypeAlias

import asyncpg
import grpc
import pytest

from jipan.clients import error_details
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import space_service_pb2 as spb
from jipan.market.v1 import space_service_pb2_grpc as spb_grpc
from jipan.servers import ledger, market, procurement, system
from jipan.servers.market.spaces.domain import Spaces
from jipan.servers.market.spaces.model import Decision
from jipan.servers.runtime.errors import Unavailable
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server, stream_unary

FIXTURES = Path(__file__).with_name("fixtures")
SCOPES = ("market.read", "market.write", "procurement.read")
LIMIT = 256 * 1024
Metadata = tuple[tuple[str, str], ...]
Stub: TypeAlias = "spb_grpc.SpaceServiceAsyncStub"


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market_spaces") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("market-spaces"),
            JIPAN_MARKET_MAX_DOCUMENT_BYTES=str(LIMIT),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.2",
        )
        modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


@pytest.fixture(scope="module")
async def stub(server: RunningServer) -> AsyncIterator[Stub]:
    async with grpc.aio.insecure_channel(server.address) as channel:
        yield spb_grpc.SpaceServiceStub(channel)


def meta(server: RunningServer, org: str, roles: tuple[str, ...] = ("admin",)) -> Metadata:
    return server.metadata(subject=f"people/someone-at-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=roles)


async def expect(call: object, code: grpc.StatusCode, reason: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason, error_details(caught.value)


def upload(
    parent: str, content: bytes, name: str = "spec.md", chunk: int = 64 * 1024, expected: bytes = b""
) -> Iterator[spb.CreateSpaceDocumentRequest]:
    yield spb.CreateSpaceDocumentRequest(
        header=spb.CreateSpaceDocumentHeader(
            parent=parent,
            document=mres.SpaceDocument(display_name=name, media_type="text/markdown"),
            expected_sha256=expected,
        )
    )
    for start in range(0, len(content), chunk):
        yield spb.CreateSpaceDocumentRequest(chunk=content[start : start + chunk])


async def download(stub: Stub, md: Metadata, name: str) -> tuple[mres.SpaceDocument, bytes]:
    document = mres.SpaceDocument()
    data = b""
    async for part in stub.DownloadSpaceDocument(spb.DownloadSpaceDocumentRequest(name=name), metadata=md):
        if part.HasField("document"):
            document = part.document
        data += part.chunk
    return document, data


class Orgs:
    def __init__(self) -> None:
        tag = uuid.uuid4().hex[:6]
        self.agency, self.vendor, self.viewer, self.declines, self.outsider = (
            f"{x}-{tag}" for x in ("agency", "vendor", "viewer", "declines", "outsider")
        )


@pytest.fixture(scope="module")
async def space(server: RunningServer, stub: Stub) -> tuple[Orgs, mres.Space]:
    """A space the agency owns, with the vendor (maintainer) and a viewer who accepted."""
    orgs = Orgs()
    async with grpc.aio.insecure_channel(server.address) as channel:
        await ppb_grpc.ProjectServiceStub(channel).ImportProject(
            ppb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_PYPI_JSON, metadata=(FIXTURES / "pypi-idna.json").read_bytes()
            ),
            metadata=meta(server, orgs.agency),
        )
    created = (
        await stub.CreateSpace(
            spb.CreateSpaceRequest(
                space=mres.Space(
                    display_name="中文網域名稱共筆",
                    description=mres.LocalizedText(zh_tw="機關與廠商共同開發", en="co-development"),
                    projects=["projects/pypi-idna"],
                ),
                space_id=f"idna-{uuid.uuid4().hex[:8]}",
            ),
            metadata=meta(server, orgs.agency),
        )
    ).space
    await stub.UpdateSpaceMembers(
        spb.UpdateSpaceMembersRequest(
            name=created.name,
            members=[
                mres.SpaceMember(organization=f"orgs/{orgs.vendor}", role=mres.SPACE_ROLE_MAINTAINER),
                mres.SpaceMember(organization=f"orgs/{orgs.viewer}", role=mres.SPACE_ROLE_VIEWER),
            ],
        ),
        metadata=meta(server, orgs.agency),
    )
    for org in (orgs.vendor, orgs.viewer):
        await stub.AcceptSpaceInvitation(
            spb.AcceptSpaceInvitationRequest(name=f"{created.name}/invitations/{org}"),
            metadata=meta(server, org),
        )
    return orgs, created


async def test_members_and_invitations(server: RunningServer, stub: Stub) -> None:
    orgs = Orgs()
    owner = meta(server, orgs.agency)
    created = (
        await stub.CreateSpace(
            spb.CreateSpaceRequest(space=mres.Space(display_name="Joint portal")), metadata=owner
        )
    ).space
    assert [(m.organization, m.role) for m in created.members] == [
        (f"orgs/{orgs.agency}", mres.SPACE_ROLE_OWNER)
    ]
    await expect(
        stub.CreateSpace(
            spb.CreateSpaceRequest(
                space=mres.Space(display_name="again"), space_id=created.name.split("/")[1]
            ),
            metadata=owner,
        ),
        grpc.StatusCode.ALREADY_EXISTS,
        "ALREADY_EXISTS",
    )
    invited = (
        await stub.UpdateSpaceMembers(
            spb.UpdateSpaceMembersRequest(
                name=created.name,
                members=[
                    mres.SpaceMember(organization=f"orgs/{orgs.vendor}", role=mres.SPACE_ROLE_CONTRIBUTOR),
                    mres.SpaceMember(organization=f"orgs/{orgs.declines}", role=mres.SPACE_ROLE_VIEWER),
                ],
            ),
            metadata=owner,
        )
    ).space
    assert len(invited.members) == 1
    assert {m.organization for m in invited.invitations} == {f"orgs/{orgs.vendor}", f"orgs/{orgs.declines}"}

    # Invited is not a member: the space stays hidden, only the invitation shows.
    vendor = meta(server, orgs.vendor)
    await expect(
        stub.GetSpace(spb.GetSpaceRequest(name=created.name), metadata=vendor),
        grpc.StatusCode.NOT_FOUND,
        "SPACE_NOT_FOUND",
    )
    pending = (
        await stub.ListSpaceInvitations(
            spb.ListSpaceInvitationsRequest(parent=f"orgs/{orgs.vendor}"), metadata=vendor
        )
    ).invitations
    assert [(i.name, i.space_display_name, i.role, i.inviter) for i in pending] == [
        (
            f"{created.name}/invitations/{orgs.vendor}",
            "Joint portal",
            mres.SPACE_ROLE_CONTRIBUTOR,
            f"orgs/{orgs.agency}",
        )
    ]
    await expect(
        stub.ListSpaceInvitations(
            spb.ListSpaceInvitationsRequest(parent=f"orgs/{orgs.vendor}"), metadata=owner
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    # Only the invited organisation answers its invitation.
    await expect(
        stub.AcceptSpaceInvitation(
            spb.AcceptSpaceInvitationRequest(name=f"{created.name}/invitations/{orgs.vendor}"),
            metadata=meta(server, orgs.outsider),
        ),
        grpc.StatusCode.NOT_FOUND,
        "INVITATION_NOT_FOUND",
    )
    joined = (
        await stub.AcceptSpaceInvitation(
            spb.AcceptSpaceInvitationRequest(name=f"{created.name}/invitations/{orgs.vendor}"),
            metadata=vendor,
        )
    ).space
    assert (f"orgs/{orgs.vendor}", mres.SPACE_ROLE_CONTRIBUTOR) in [
        (m.organization, m.role) for m in joined.members
    ]
    assert (
        await stub.GetSpace(spb.GetSpaceRequest(name=created.name), metadata=vendor)
    ).space.name == created.name
    await expect(
        stub.AcceptSpaceInvitation(
            spb.AcceptSpaceInvitationRequest(name=f"{created.name}/invitations/{orgs.vendor}"),
            metadata=vendor,
        ),
        grpc.StatusCode.NOT_FOUND,
        "INVITATION_NOT_FOUND",
    )
    declines = meta(server, orgs.declines)
    await stub.DeclineSpaceInvitation(
        spb.DeclineSpaceInvitationRequest(name=f"{created.name}/invitations/{orgs.declines}"),
        metadata=declines,
    )
    await expect(
        stub.GetSpace(spb.GetSpaceRequest(name=created.name), metadata=declines),
        grpc.StatusCode.NOT_FOUND,
        "SPACE_NOT_FOUND",
    )
    listed = (await stub.ListSpaces(spb.ListSpacesRequest(), metadata=vendor)).spaces
    assert [s.name for s in listed] == [created.name]
    assert (await stub.ListSpaces(spb.ListSpacesRequest(), metadata=declines)).spaces == []

    # Only owners manage members; the last owner cannot leave.
    await expect(
        stub.UpdateSpaceMembers(
            spb.UpdateSpaceMembersRequest(
                name=created.name,
                members=[mres.SpaceMember(organization=f"orgs/{orgs.vendor}", role=mres.SPACE_ROLE_OWNER)],
            ),
            metadata=vendor,
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "SPACE_ROLE_MISSING",
    )
    await expect(
        stub.UpdateSpaceMembers(
            spb.UpdateSpaceMembersRequest(
                name=created.name, members=[mres.SpaceMember(organization=f"orgs/{orgs.agency}")]
            ),
            metadata=owner,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "LAST_OWNER",
    )
    removed = (
        await stub.UpdateSpaceMembers(
            spb.UpdateSpaceMembersRequest(
                name=created.name, members=[mres.SpaceMember(organization=f"orgs/{orgs.vendor}")]
            ),
            metadata=owner,
        )
    ).space
    assert [m.organization for m in removed.members] == [f"orgs/{orgs.agency}"]
    await expect(
        stub.GetSpace(spb.GetSpaceRequest(name=created.name), metadata=vendor),
        grpc.StatusCode.NOT_FOUND,
        "SPACE_NOT_FOUND",
    )


async def test_documents(server: RunningServer, stub: Stub, space: tuple[Orgs, mres.Space]) -> None:
    orgs, created = space
    vendor = meta(server, orgs.vendor, roles=("member",))
    content = ("# 規格\n" + "介面定義。" * 9000).encode()
    assert 64 * 1024 < len(content) < LIMIT
    document = (
        await stub.CreateSpaceDocument(
            upload(created.name, content, expected=hashlib.sha256(content).digest()), metadata=vendor
        )
    ).document
    assert document.size_bytes == len(content)
    assert document.sha256 == hashlib.sha256(content).digest()
    assert document.creator == f"orgs/{orgs.vendor}"
    viewer = meta(server, orgs.viewer)
    got, data = await download(stub, viewer, document.name)
    assert data == content
    assert got.name == document.name
    listed = await stub.ListSpaceDocuments(
        spb.ListSpaceDocumentsRequest(parent=created.name), metadata=viewer
    )
    assert [d.name for d in listed.documents] == [document.name]

    # Refused before the stream's end: sent message by message (tests.mesh.stream_unary), so that
    # grpc.aio's own failed send never stands in for the server's answer.
    await expect(
        stream_unary(lambda: stub.CreateSpaceDocument(metadata=viewer), list(upload(created.name, b"x"))),
        grpc.StatusCode.PERMISSION_DENIED,
        "SPACE_ROLE_MISSING",
    )
    await expect(
        stream_unary(
            lambda: stub.CreateSpaceDocument(metadata=vendor), list(upload(created.name, b"\0" * (LIMIT + 1)))
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "DOCUMENT_TOO_LARGE",
    )
    await expect(
        stub.CreateSpaceDocument(
            upload(created.name, b"abc", expected=hashlib.sha256(b"abd").digest()), metadata=vendor
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "DOCUMENT_INVALID",
    )
    await expect(
        stub.CreateSpaceDocument(iter([spb.CreateSpaceDocumentRequest(chunk=b"no header")]), metadata=vendor),
        grpc.StatusCode.INVALID_ARGUMENT,
        "DOCUMENT_INVALID",
    )
    # The refused uploads left nothing behind, in the list or the object store.
    listed = await stub.ListSpaceDocuments(
        spb.ListSpaceDocumentsRequest(parent=created.name), metadata=viewer
    )
    assert [d.name for d in listed.documents] == [document.name]
    keys = [
        o.key for o in (await server.runtime.objects.list(f"market/spaces/{created.name.split('/')[1]}/"))[0]
    ]
    assert keys == [f"market/spaces/{created.name.split('/')[1]}/documents/{document.name.rsplit('/', 1)[1]}"]


async def test_decisions_anchor_and_verify(
    server: RunningServer, stub: Stub, space: tuple[Orgs, mres.Space]
) -> None:
    orgs, created = space
    vendor = meta(server, orgs.vendor, roles=("member",))
    request = spb.CreateDecisionRequest(
        parent=created.name,
        decision=mres.Decision(title="採用 UTS #46", text="入口網站以 UTS #46 非轉換處理網域名稱。"),
        request_id=str(uuid.uuid4()),
    )
    decision = (await stub.CreateDecision(request, metadata=vendor)).decision
    assert decision.ledger_receipt
    assert len(decision.digest) == 32
    assert (await stub.CreateDecision(request, metadata=vendor)).decision.name == decision.name
    await expect(
        stub.CreateDecision(
            spb.CreateDecisionRequest(
                parent=created.name, decision=request.decision, request_id=str(uuid.uuid4())
            ),
            metadata=meta(server, orgs.viewer),
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "SPACE_ROLE_MISSING",
    )
    viewer = meta(server, orgs.viewer)
    for _ in range(100):
        verified = await stub.VerifyDecision(spb.VerifyDecisionRequest(name=decision.name), metadata=viewer)
        if verified.confirmed:
            break
        await asyncio.sleep(0.1)
    assert verified.verified
    assert verified.confirmed
    listed = (
        await stub.ListDecisions(spb.ListDecisionsRequest(parent=created.name), metadata=viewer)
    ).decisions
    assert [d.name for d in listed] == [decision.name]

    # A record changed behind the service's back no longer verifies.
    assert server.settings.database_url is not None
    conn = await asyncpg.connect(server.settings.database_url.get_secret_value())
    try:
        await conn.execute(
            "UPDATE market.space_decisions SET text = 'something else' WHERE id = $1",
            uuid.UUID(decision.name.rsplit("/", 1)[1]),
        )
    finally:
        await conn.close()
    tampered = await stub.VerifyDecision(spb.VerifyDecisionRequest(name=decision.name), metadata=viewer)
    assert not tampered.verified


async def test_a_decision_whose_anchoring_failed_is_anchored_by_the_sweep_without_a_retry(
    server: RunningServer, stub: Stub, space: tuple[Orgs, mres.Space], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decision committed and the ledger was away: the caller got UNAVAILABLE and never
    retried (or the process died before anchoring). The sweep anchors it."""
    orgs, created = space
    vendor = meta(server, orgs.vendor, roles=("member",))
    owners: list[Spaces] = []

    async def ledger_away(self: Spaces, decision: Decision) -> Decision:
        if decision.title == "Away":
            owners.append(self)
        raise Unavailable("LEDGER_UNAVAILABLE", "the ledger is away", domain="market.jipan.tw")

    request = spb.CreateDecisionRequest(
        parent=created.name,
        decision=mres.Decision(title="Away", text="Recorded while the ledger was away."),
        request_id=str(uuid.uuid4()),
    )
    with monkeypatch.context() as away:
        away.setattr(Spaces, "_anchored", ledger_away)
        await expect(
            stub.CreateDecision(request, metadata=vendor), grpc.StatusCode.UNAVAILABLE, "LEDGER_UNAVAILABLE"
        )
    [owner] = owners
    viewer = meta(server, orgs.viewer)

    async def receipt() -> str:
        listed = (
            await stub.ListDecisions(spb.ListDecisionsRequest(parent=created.name), metadata=viewer)
        ).decisions
        [away_decision] = [d for d in listed if d.title == "Away"]
        return away_decision.ledger_receipt

    assert await receipt() == ""
    monkeypatch.setattr("jipan.servers.market.spaces.domain.PENDING_GRACE_S", 0.0)
    assert await owner.anchor_pending_decisions() >= 1
    assert (await receipt()).startswith("receipts/")
    assert await owner.anchor_pending_decisions() == 0  # nothing left


async def test_activity_feed_paged(server: RunningServer, stub: Stub, space: tuple[Orgs, mres.Space]) -> None:
    orgs, created = space
    viewer = meta(server, orgs.viewer)
    seen: list[mres.SpaceActivity] = []
    token = ""
    while True:
        page = await stub.ListSpaceActivities(
            spb.ListSpaceActivitiesRequest(parent=created.name, page_size=2, page_token=token),
            metadata=viewer,
        )
        assert len(page.activities) <= 2
        seen += page.activities
        token = page.next_page_token
        if not token:
            break
    assert len({a.name for a in seen}) == len(seen)
    times = [a.create_time.ToDatetime() for a in seen]
    assert times == sorted(times, reverse=True)
    assert seen[-1].kind == mres.SPACE_ACTIVITY_KIND_MEMBER
    assert seen[-1].summary == f"orgs/{orgs.agency} created the space as owner"
    summaries = [a.summary for a in seen]
    assert f"orgs/{orgs.vendor} joined as maintainer" in summaries
    assert f"orgs/{orgs.agency} invited orgs/{orgs.viewer} as viewer" in summaries


async def test_non_members_see_nothing(
    server: RunningServer, stub: Stub, space: tuple[Orgs, mres.Space]
) -> None:
    orgs, created = space
    outsider = meta(server, orgs.outsider)
    vendor = meta(server, orgs.vendor, roles=("member",))
    document = (await stub.CreateSpaceDocument(upload(created.name, b"notes"), metadata=vendor)).document
    decision = (
        await stub.CreateDecision(
            spb.CreateDecisionRequest(
                parent=created.name, decision=mres.Decision(title="t", text="x"), request_id=str(uuid.uuid4())
            ),
            metadata=vendor,
        )
    ).decision
    calls = [
        stub.GetSpace(spb.GetSpaceRequest(name=created.name), metadata=outsider),
        stub.ListSpaceActivities(spb.ListSpaceActivitiesRequest(parent=created.name), metadata=outsider),
        stub.ListSpaceDocuments(spb.ListSpaceDocumentsRequest(parent=created.name), metadata=outsider),
        stub.ListDecisions(spb.ListDecisionsRequest(parent=created.name), metadata=outsider),
        stub.VerifyDecision(spb.VerifyDecisionRequest(name=decision.name), metadata=outsider),
        stream_unary(lambda: stub.CreateSpaceDocument(metadata=outsider), list(upload(created.name, b"x"))),
        stub.CreateDecision(
            spb.CreateDecisionRequest(
                parent=created.name, decision=mres.Decision(title="t", text="x"), request_id=str(uuid.uuid4())
            ),
            metadata=outsider,
        ),
        stub.UpdateSpaceMembers(
            spb.UpdateSpaceMembersRequest(
                name=created.name,
                members=[mres.SpaceMember(organization=f"orgs/{orgs.outsider}", role=mres.SPACE_ROLE_OWNER)],
            ),
            metadata=outsider,
        ),
    ]
    for call in calls:
        await expect(call, grpc.StatusCode.NOT_FOUND, "SPACE_NOT_FOUND")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await download(stub, outsider, document.name)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert (await stub.ListSpaces(spb.ListSpacesRequest(), metadata=outsider)).spaces == []
