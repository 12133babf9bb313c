"""PublisherService end to end: a claim proved by a challenge file served over loopback http
(allowed by JIPAN_MARKET_CLAIM_ALLOW_HTTP_LOOPBACK), at the homepage the registry metadata gives."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator

import grpc
import pytest
from aiohttp import web
from google.protobuf.field_mask_pb2 import FieldMask

from jipan.clients import error_details
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import publisher_service_pb2 as pub
from jipan.market.v1 import publisher_service_pb2_grpc as pub_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.servers import ledger, market, procurement, system
from jipan.servers.market.publishers.challenge import claim_file_url
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

SCOPES = ("market.read", "market.write", "procurement.read")
Metadata = tuple[tuple[str, str], ...]


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market_pub") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("market-pub"), JIPAN_MARKET_CLAIM_ALLOW_HTTP_LOOPBACK="true"
        )
        async with running_server(
            settings, [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]
        ) as running:
            yield running


class ClaimSite:
    """A project's web site on loopback: serves whatever `body` holds at the claim file's path."""

    def __init__(self) -> None:
        self.body: str | None = None
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        if self.body is None:
            return web.Response(status=404)
        return web.Response(text=self.body)


@pytest.fixture(scope="module")
async def site() -> AsyncIterator[ClaimSite]:
    claim_site = ClaimSite()
    app = web.Application()
    app.router.add_get("/.well-known/jipan-market-claim.txt", claim_site.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    claim_site.url = f"http://127.0.0.1:{port}"
    yield claim_site
    await runner.cleanup()


def meta(server: RunningServer, org: str, roles: tuple[str, ...] = ("admin",)) -> Metadata:
    return server.metadata(subject=f"people/someone-at-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=roles)


async def expect(call: object, code: grpc.StatusCode, reason: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason


def packument(name: str, homepage: str) -> bytes:
    """A minimal packument in the registry's shape (synthetic: its homepage is the test's site)."""
    return json.dumps(
        {
            "name": name,
            "dist-tags": {"latest": "1.0.0"},
            "time": {"1.0.0": "2026-11-01T00:00:00.000Z"},
            "versions": {"1.0.0": {"name": name, "version": "1.0.0", "license": "MIT", "homepage": homepage}},
        }
    ).encode()


def test_claim_file_urls() -> None:
    assert claim_file_url("https://x.example", "https://github.com/pallets/jinja/") == (
        "https://raw.githubusercontent.com/pallets/jinja/HEAD/.well-known/jipan-market-claim.txt"
    )
    assert (
        claim_file_url("https://lodash.com/", "") == "https://lodash.com/.well-known/jipan-market-claim.txt"
    )
    assert claim_file_url("", "https://gitlab.com/a/b") == ""


async def test_claim_verify_and_official(server: RunningServer, site: ClaimSite) -> None:
    async with grpc.aio.insecure_channel(server.address) as channel:
        projects: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
        publishers: pub_grpc.PublisherServiceAsyncStub = pub_grpc.PublisherServiceStub(channel)
        name = f"claim-demo-{uuid.uuid4().hex[:8]}"
        owner, rival = f"owner-{name}", f"rival-{name}"
        imported = await projects.ImportProject(
            ppb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_NPM_PACKUMENT, metadata=packument(name, site.url)
            ),
            metadata=meta(server, owner),
        )
        project = imported.project.name
        # Curating the homepage does not move where the claim is checked.
        await projects.UpdateProject(
            ppb.UpdateProjectRequest(
                project=mres.Project(name=project, homepage_uri="https://elsewhere.example"),
                update_mask=FieldMask(paths=["homepage_uri"]),
            ),
            metadata=meta(server, owner),
        )
        created = (
            await publishers.CreateClaim(
                pub.CreateClaimRequest(
                    parent=project, claim=mres.Claim(method=mres.CLAIM_METHOD_CHALLENGE_FILE)
                ),
                metadata=meta(server, owner),
            )
        ).claim
        assert created.state == mres.CLAIM_STATE_PENDING
        assert created.challenge.startswith("jipan-market-claim-")
        assert created.organization == f"orgs/{owner}"

        verify = pub.VerifyClaimRequest(name=created.name)
        await expect(
            publishers.VerifyClaim(verify, metadata=meta(server, owner)),
            grpc.StatusCode.FAILED_PRECONDITION,
            "CLAIM_PROOF_INVALID",
        )
        site.body = "some other claim\njipan-market-claim-not-this-one\n"
        await expect(
            publishers.VerifyClaim(verify, metadata=meta(server, owner)),
            grpc.StatusCode.FAILED_PRECONDITION,
            "CLAIM_PROOF_INVALID",
        )
        # Another organisation neither sees the claim nor can verify it.
        await expect(
            publishers.GetClaim(pub.GetClaimRequest(name=created.name), metadata=meta(server, rival)),
            grpc.StatusCode.NOT_FOUND,
            "CLAIM_NOT_FOUND",
        )
        await expect(
            publishers.VerifyClaim(verify, metadata=meta(server, rival)),
            grpc.StatusCode.NOT_FOUND,
            "CLAIM_NOT_FOUND",
        )
        listed = await publishers.ListClaims(
            pub.ListClaimsRequest(parent=project), metadata=meta(server, rival)
        )
        assert list(listed.claims) == []

        site.body = f"# jipan market\n{created.challenge}\n"
        verified = (await publishers.VerifyClaim(verify, metadata=meta(server, owner))).claim
        assert verified.state == mres.CLAIM_STATE_VERIFIED
        assert site.url in verified.evidence
        got = (
            await projects.GetProject(ppb.GetProjectRequest(name=project), metadata=meta(server, rival))
        ).project
        assert got.publisher == f"publishers/{owner}"
        health = (
            await projects.GetProjectHealth(
                ppb.GetProjectHealthRequest(name=f"{project}/health"), metadata=meta(server, rival)
            )
        ).health
        assert mres.BADGE_VERIFIED_PUBLISHER in health.badges
        await expect(
            publishers.VerifyClaim(verify, metadata=meta(server, owner)),
            grpc.StatusCode.FAILED_PRECONDITION,
            "CLAIM_NOT_PENDING",
        )

        # The project has its publisher: another organisation's claim is refused.
        await expect(
            publishers.CreateClaim(
                pub.CreateClaimRequest(
                    parent=project, claim=mres.Claim(method=mres.CLAIM_METHOD_CHALLENGE_FILE)
                ),
                metadata=meta(server, rival),
            ),
            grpc.StatusCode.ALREADY_EXISTS,
            "PROJECT_ALREADY_CLAIMED",
        )
        # Official: operators (market-admin) only, and only for a verified publisher.
        mark = pub.MarkPublisherOfficialRequest(name=f"publishers/{owner}", official=True)
        await expect(
            publishers.MarkPublisherOfficial(mark, metadata=meta(server, owner)),
            grpc.StatusCode.PERMISSION_DENIED,
            "ROLE_MISSING",
        )
        marked = (
            await publishers.MarkPublisherOfficial(mark, metadata=meta(server, "operator", ("market-admin",)))
        ).publisher
        assert (marked.verified, marked.official, list(marked.projects)) == (True, True, [project])
        got = (
            await projects.GetProject(ppb.GetProjectRequest(name=project), metadata=meta(server, rival))
        ).project
        health = (
            await projects.GetProjectHealth(
                ppb.GetProjectHealthRequest(name=f"{project}/health"), metadata=meta(server, rival)
            )
        ).health
        assert mres.BADGE_OFFICIAL in health.badges
        await expect(
            publishers.MarkPublisherOfficial(
                pub.MarkPublisherOfficialRequest(name=f"publishers/{rival}", official=True),
                metadata=meta(server, "operator", ("market-admin",)),
            ),
            grpc.StatusCode.FAILED_PRECONDITION,
            "PUBLISHER_NOT_VERIFIED",
        )
        unverified = (
            await publishers.GetPublisher(
                pub.GetPublisherRequest(name=f"publishers/{rival}"), metadata=meta(server, owner)
            )
        ).publisher
        assert (unverified.verified, unverified.official) == (False, False)
