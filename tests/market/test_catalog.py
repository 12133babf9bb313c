"""ProjectService end to end: system, ledger, procurement and market in one server on a fresh
database; advisories come from procurement's OSV store over its gRPC contract."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from jipan.clients import error_details
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.servers import ledger, market, procurement, system
from jipan.servers.market.catalog.domain import Announcement, Catalog
from jipan.servers.market.catalog.importers import MetadataFormat
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.runtime.idempotency import Connection
from tests.conftest import fresh_database
from tests.market.conftest import caller_of
from tests.mesh import RunningServer, make_settings, running_server

FIXTURES = Path(__file__).with_name("fixtures")
OSV = Path(__file__).parent.parent / "procurement" / "fixtures"
SCOPES = ("market.read", "market.write", "procurement.read", "procurement.write")


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market") as own:
        settings = make_settings(own, tmp_path_factory.mktemp("market"), JIPAN_LEDGER_BATCH_WINDOW_S="0.05")
        modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


@pytest.fixture(scope="module")
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as chan:
        yield chan


def meta(
    server: RunningServer, org: str = "moda", roles: tuple[str, ...] = ("member",)
) -> tuple[tuple[str, str], ...]:
    return server.metadata(subject=f"people/someone-at-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=roles)


async def expect(call: object, code: grpc.StatusCode, reason: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    details = error_details(caught.value)
    assert details.reason == reason, details


Metadata = tuple[tuple[str, str], ...]


async def import_fixture(
    stub: ppb_grpc.ProjectServiceAsyncStub, metadata: Metadata, fmt: mres.MetadataFormat.ValueType, name: str
) -> ppb.ImportProjectResponse:
    return await stub.ImportProject(
        ppb.ImportProjectRequest(format=fmt, metadata=fixture(name), categories=["Web"]), metadata=metadata
    )


async def test_import_read_and_reimport(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
    first = await import_fixture(stub, meta(server), mres.METADATA_FORMAT_PYPI_JSON, "pypi-jinja2.json")
    project = first.project
    assert first.created
    assert len(first.added_versions) == 52
    assert (project.name, project.purl, project.ecosystem) == (
        "projects/pypi-jinja2",
        "pkg:pypi/jinja2",
        mres.ECOSYSTEM_PYPI,
    )
    assert project.latest_version == "3.1.6"
    assert project.version_count == 52
    assert list(project.categories) == ["web"]
    assert project.description.en.startswith("A very fast and expressive template engine")
    assert project.licence.declared == "License :: OSI Approved :: BSD License"
    assert not project.licence.valid

    again = await import_fixture(stub, meta(server), mres.METADATA_FORMAT_PYPI_JSON, "pypi-jinja2.json")
    assert not again.created
    assert list(again.added_versions) == []
    assert again.project.version_count == 52

    got = await stub.GetVersion(
        ppb.GetVersionRequest(name="projects/pypi-jinja2/versions/3.1.6"), metadata=meta(server)
    )
    assert got.version.purl == "pkg:pypi/jinja2@3.1.6"
    assert [d.purl for d in got.version.dependencies] == ["pkg:pypi/markupsafe"]
    assert got.version.publish_time.ToDatetime().year == 2025

    # Newest first in the ecosystem's ordering, paged.
    seen: list[str] = []
    token = ""
    while True:
        page = await stub.ListVersions(
            ppb.ListVersionsRequest(parent="projects/pypi-jinja2", page_size=20, page_token=token),
            metadata=meta(server),
        )
        seen += [v.version for v in page.versions]
        token = page.next_page_token
        if not token:
            break
    assert len(seen) == 52
    assert seen[0] == "3.1.6"
    assert seen.index("3.0.0") < seen.index("3.0.0rc1") < seen.index("2.11.3")

    await expect(
        stub.GetVersion(
            ppb.GetVersionRequest(name="projects/pypi-jinja2/versions/9.9.9"), metadata=meta(server)
        ),
        grpc.StatusCode.NOT_FOUND,
        "VERSION_NOT_FOUND",
    )
    await expect(
        stub.GetProject(ppb.GetProjectRequest(name="projects/nope"), metadata=meta(server)),
        grpc.StatusCode.NOT_FOUND,
        "PROJECT_NOT_FOUND",
    )
    await expect(
        stub.GetProject(ppb.GetProjectRequest(name="orgs/x"), metadata=meta(server)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "NAME_INVALID",
    )


async def test_npm_and_maven_imports(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
    lodash = await import_fixture(
        stub, meta(server), mres.METADATA_FORMAT_NPM_PACKUMENT, "npm-lodash.packument.json"
    )
    assert lodash.project.name == "projects/npm-lodash"
    assert lodash.project.licence.expression == "MIT"
    assert lodash.project.licence.family == mres.LICENCE_FAMILY_PERMISSIVE
    assert lodash.project.licence.approved
    pom = await import_fixture(stub, meta(server), mres.METADATA_FORMAT_MAVEN_POM, "json-smart-2.6.0.pom")
    assert pom.project.name == "projects/maven-net.minidev-json-smart"
    assert pom.project.licence.expression == "Apache-2.0"
    assert pom.project.maintainer_count == 3
    listed = await stub.ListProjects(
        ppb.ListProjectsRequest(ecosystem=mres.ECOSYSTEM_MAVEN), metadata=meta(server)
    )
    assert [p.name for p in listed.projects] == ["projects/maven-net.minidev-json-smart"]
    await expect(
        stub.ImportProject(
            ppb.ImportProjectRequest(format=mres.METADATA_FORMAT_MAVEN_POM, metadata=b"<project/>"),
            metadata=meta(server),
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "METADATA_INVALID",
    )
    # A scoped name with no package (PackageURL refused it: INTERNAL before).
    await expect(
        stub.ImportProject(
            ppb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_NPM_PACKUMENT, metadata=b'{"name": "@x/", "version": "1.0.0"}'
            ),
            metadata=meta(server),
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "METADATA_INVALID",
    )


async def test_search_in_english_and_chinese(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
    await import_fixture(stub, meta(server), mres.METADATA_FORMAT_PYPI_JSON, "pypi-jinja2.json")
    found = await stub.SearchProjects(
        ppb.SearchProjectsRequest(query="template engine"), metadata=meta(server)
    )
    assert [p.name for p in found.projects] == ["projects/pypi-jinja2"]
    # Another organisation may not curate it; the importing one may, and Chinese words are then found.
    update = ppb.UpdateProjectRequest(
        project=mres.Project(
            name="projects/pypi-jinja2",
            description=mres.LocalizedText(
                zh_tw="快速的網頁模板引擎", en="A very fast and expressive template engine."
            ),
        ),
        update_mask=FieldMask(paths=["description"]),
    )
    await expect(
        stub.UpdateProject(update, metadata=meta(server, "other")),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    updated = await stub.UpdateProject(update, metadata=meta(server))
    assert updated.project.description.zh_tw == "快速的網頁模板引擎"
    for query in ("模板引擎", "網頁", "template"):
        found = await stub.SearchProjects(ppb.SearchProjectsRequest(query=query), metadata=meta(server))
        assert "projects/pypi-jinja2" in [p.name for p in found.projects], query
    found = await stub.SearchProjects(ppb.SearchProjectsRequest(query="資料庫"), metadata=meta(server))
    assert list(found.projects) == []
    # A re-import keeps the curated description.
    again = await import_fixture(stub, meta(server), mres.METADATA_FORMAT_PYPI_JSON, "pypi-jinja2.json")
    assert again.project.description.zh_tw == "快速的網頁模板引擎"
    await expect(
        stub.SearchProjects(ppb.SearchProjectsRequest(query="!!!"), metadata=meta(server)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "QUERY_INVALID",
    )


async def test_advisories_come_from_procurements_store(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    stub: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
    await import_fixture(stub, meta(server), mres.METADATA_FORMAT_PYPI_JSON, "pypi-jinja2.json")
    await import_fixture(stub, meta(server), mres.METADATA_FORMAT_NPM_PACKUMENT, "npm-lodash.packument.json")
    records = [
        json.loads((OSV / f"{i}.json").read_bytes())
        for i in ("GHSA-gmj6-6f8f-6699", "GHSA-h5c8-rqwp-cp95", "GHSA-35jh-r3h4-6jhm")
    ]
    reviews: rpb_grpc.ListingReviewServiceAsyncStub = rpb_grpc.ListingReviewServiceStub(channel)
    await reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=json.dumps(records).encode()),
        metadata=meta(server, "moda", ("procurement-admin",)),
    )

    async def advisories(version: str) -> dict[str, str]:
        found = await stub.ListVersionAdvisories(
            ppb.ListVersionAdvisoriesRequest(parent=version), metadata=meta(server)
        )
        return {a.id: a.fixed_version for a in found.advisories}

    assert await advisories("projects/pypi-jinja2/versions/3.1.2") == {
        "GHSA-gmj6-6f8f-6699": "3.1.5",
        "GHSA-h5c8-rqwp-cp95": "3.1.3",
    }
    assert await advisories("projects/pypi-jinja2/versions/3.1.4") == {"GHSA-gmj6-6f8f-6699": "3.1.5"}
    assert await advisories("projects/pypi-jinja2/versions/3.1.6") == {}
    assert await advisories("projects/npm-lodash/versions/4.17.20") == {"GHSA-35jh-r3h4-6jhm": "4.17.21"}
    assert await advisories("projects/npm-lodash/versions/4.17.21") == {}
    # procurement's own contract answers the same matches.
    direct = await reviews.MatchAdvisories(
        rpb.MatchAdvisoriesRequest(
            purls=["pkg:pypi/jinja2@3.1.4", "pkg:npm/lodash@4.17.21", "pkg:pypi/jinja2"]
        ),
        metadata=meta(server),
    )
    assert [[a.advisory_id for a in r.advisories] for r in direct.results] == [
        ["GHSA-gmj6-6f8f-6699"],
        [],
        [],
    ]


async def test_health_report_with_evidence(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
    await import_fixture(stub, meta(server), mres.METADATA_FORMAT_NPM_PACKUMENT, "npm-lodash.packument.json")
    report = (
        await stub.GetProjectHealth(
            ppb.GetProjectHealthRequest(name="projects/npm-lodash/health"), metadata=meta(server)
        )
    ).health
    checks = {c.kind: c for c in report.checks}
    assert report.version == "4.18.1"
    assert checks[mres.HEALTH_CHECK_KIND_LICENCE].score == 10
    assert "SPDX expression MIT" in checks[mres.HEALTH_CHECK_KIND_LICENCE].evidence
    assert checks[mres.HEALTH_CHECK_KIND_VULNERABILITIES].score == 10
    assert checks[mres.HEALTH_CHECK_KIND_SECURITY_POLICY].score == 0
    assert checks[mres.HEALTH_CHECK_KIND_MAINTAINERS].score >= 6
    recency = checks[mres.HEALTH_CHECK_KIND_RELEASE_RECENCY]
    assert recency.score in (0, 5, 10)
    assert recency.evidence[0].startswith("newest release published")
    assert mres.BADGE_LICENCE_APPROVED in report.badges
    assert mres.BADGE_NO_KNOWN_ADVISORIES in report.badges
    known = [c for c in report.checks if c.score >= 0]
    weights = {mres.RISK_LEVEL_LOW: 2.5, mres.RISK_LEVEL_MEDIUM: 5.0, mres.RISK_LEVEL_HIGH: 7.5}
    expected = sum(c.score * weights[c.risk] for c in known) / sum(weights[c.risk] for c in known)
    assert report.score == pytest.approx(expected, abs=0.01)
    project = (
        await stub.GetProject(ppb.GetProjectRequest(name="projects/npm-lodash"), metadata=meta(server))
    ).project
    assert project.health_score == pytest.approx(report.score)
    # A POM has no dates: the recency check says it does not know rather than failing.
    await import_fixture(stub, meta(server), mres.METADATA_FORMAT_MAVEN_POM, "json-smart-2.6.0.pom")
    pom = (
        await stub.GetProjectHealth(
            ppb.GetProjectHealthRequest(name="projects/maven-net.minidev-json-smart/health"),
            metadata=meta(server),
        )
    ).health
    assert {c.kind: c.score for c in pom.checks}[mres.HEALTH_CHECK_KIND_RELEASE_RECENCY] == -1


async def test_new_versions_are_announced_though_the_rescore_after_the_import_fails(
    server: RunningServer,
) -> None:
    """The import is committed before the re-score runs: a re-score that fails (anything but the
    advisory store being unavailable propagates) skipped the announcement, and the next import
    found the versions known, so they were never announced."""
    catalog = Catalog(CatalogStore(server.runtime.database), server.runtime.page_tokens)
    announced: list[tuple[str, tuple[str, ...]]] = []

    async def rescore(project_id: str) -> None:
        raise ConnectionResetError("the health store went away")

    async def new_versions(conn: Connection, project_id: str, versions: tuple[str, ...]) -> Announcement:
        async def announce() -> None:
            announced.append((project_id, versions))

        return announce

    catalog.after_import, catalog.on_new_versions = rescore, new_versions
    name = f"demo-{uuid.uuid4().hex[:8]}"

    def document(*versions: str) -> bytes:
        return json.dumps(
            {"info": {"name": name, "version": versions[-1]}, "releases": {v: [] for v in versions}}
        ).encode()

    principal = caller_of("importer")
    with pytest.raises(ConnectionResetError):
        await catalog.import_project(principal, MetadataFormat.PYPI_JSON, document("1.0"), ())
    with pytest.raises(ConnectionResetError):
        await catalog.import_project(principal, MetadataFormat.PYPI_JSON, document("1.0", "1.1"), ())
    assert announced == [(f"pypi-{name}", ("1.1",))]
