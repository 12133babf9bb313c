"""ProviderService and MatchService end to end: providers, offers, and needs ranked with reasons."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from google.protobuf.duration_pb2 import Duration
from google.protobuf.field_mask_pb2 import FieldMask

from jipan.clients import error_details
from jipan.common.v1 import money_pb2
from jipan.market.v1 import match_service_pb2 as mpb
from jipan.market.v1 import match_service_pb2_grpc as mpb_grpc
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import provider_service_pb2 as vpb
from jipan.market.v1 import provider_service_pb2_grpc as vpb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.servers import ledger, market, procurement, system
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

FIXTURES = Path(__file__).with_name("fixtures")
SCOPES = ("market.read", "market.write", "procurement.read")
Metadata = tuple[tuple[str, str], ...]


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market_prov") as own:
        settings = make_settings(own, tmp_path_factory.mktemp("market-prov"))
        modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


def meta(server: RunningServer, org: str) -> Metadata:
    return server.metadata(
        subject=f"people/someone-at-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=("admin",)
    )


async def expect(call: object, code: grpc.StatusCode, reason: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason


def twd(amount: int) -> money_pb2.Money:
    return money_pb2.Money(currency_code="TWD", amount_minor=amount * 100)


async def test_providers_offers_and_matching(server: RunningServer) -> None:
    suffix = uuid.uuid4().hex[:6]
    acme, beta = f"acme-{suffix}", f"beta-{suffix}"
    async with grpc.aio.insecure_channel(server.address) as channel:
        projects: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
        providers: vpb_grpc.ProviderServiceAsyncStub = vpb_grpc.ProviderServiceStub(channel)
        matcher: mpb_grpc.MatchServiceAsyncStub = mpb_grpc.MatchServiceStub(channel)
        for fmt, name in (
            (mres.METADATA_FORMAT_PYPI_JSON, "pypi-jinja2.json"),
            (mres.METADATA_FORMAT_NPM_PACKUMENT, "npm-lodash.packument.json"),
        ):
            await projects.ImportProject(
                ppb.ImportProjectRequest(format=fmt, metadata=(FIXTURES / name).read_bytes()),
                metadata=meta(server, acme),
            )
        await projects.UpdateProject(
            ppb.UpdateProjectRequest(
                project=mres.Project(
                    name="projects/pypi-jinja2",
                    description=mres.LocalizedText(
                        zh_tw="網頁模板引擎", en="A very fast and expressive template engine."
                    ),
                ),
                update_mask=FieldMask(paths=["description"]),
            ),
            metadata=meta(server, acme),
        )

        a = (
            await providers.CreateProvider(
                vpb.CreateProviderRequest(
                    provider=mres.Provider(
                        display_name="Acme 資訊", regions=["TW"], certifications=["ISO/IEC 27001"]
                    )
                ),
                metadata=meta(server, acme),
            )
        ).provider
        assert a.name == f"providers/{acme}"
        await expect(
            providers.CreateProvider(
                vpb.CreateProviderRequest(provider=mres.Provider(display_name="again")),
                metadata=meta(server, acme),
            ),
            grpc.StatusCode.ALREADY_EXISTS,
            "ALREADY_EXISTS",
        )
        b = (
            await providers.CreateProvider(
                vpb.CreateProviderRequest(
                    provider=mres.Provider(display_name="Beta Cloud", regions=["TW-KHH"])
                ),
                metadata=meta(server, beta),
            )
        ).provider

        support = (
            await providers.CreateOffer(
                vpb.CreateOfferRequest(
                    parent=a.name,
                    offer=mres.Offer(
                        project="projects/pypi-jinja2",
                        kind=mres.OFFER_KIND_SUPPORT,
                        on_premises=True,
                        description=mres.LocalizedText(zh_tw="模板引擎維護與資安支援"),
                        capabilities=["24x7"],
                        price_min=twd(100_000),
                        price_max=twd(500_000),
                        response_time=Duration(seconds=4 * 3600),
                    ),
                ),
                metadata=meta(server, acme),
            )
        ).offer
        hosting = (
            await providers.CreateOffer(
                vpb.CreateOfferRequest(
                    parent=b.name,
                    offer=mres.Offer(
                        project="projects/pypi-jinja2",
                        kind=mres.OFFER_KIND_HOSTING,
                        description=mres.LocalizedText(en="Managed template rendering service"),
                        price_min=twd(50_000),
                        price_max=twd(60_000),
                    ),
                ),
                metadata=meta(server, beta),
            )
        ).offer
        training = (
            await providers.CreateOffer(
                vpb.CreateOfferRequest(
                    parent=b.name,
                    offer=mres.Offer(
                        project="projects/npm-lodash",
                        kind=mres.OFFER_KIND_TRAINING,
                        description=mres.LocalizedText(en="JavaScript utility training"),
                    ),
                ),
                metadata=meta(server, beta),
            )
        ).offer
        assert support.response_time.seconds == 4 * 3600

        # A vendor changes only its own profile and offers; inconsistent offers are refused.
        await expect(
            providers.CreateOffer(
                vpb.CreateOfferRequest(
                    parent=a.name,
                    offer=mres.Offer(project="projects/npm-lodash", kind=mres.OFFER_KIND_SUPPORT),
                ),
                metadata=meta(server, beta),
            ),
            grpc.StatusCode.PERMISSION_DENIED,
            "ORGANIZATION_MISMATCH",
        )
        await expect(
            providers.CreateOffer(
                vpb.CreateOfferRequest(
                    parent=b.name,
                    offer=mres.Offer(
                        project="projects/npm-lodash",
                        kind=mres.OFFER_KIND_SUPPORT,
                        price_min=twd(9),
                        price_max=twd(1),
                    ),
                ),
                metadata=meta(server, beta),
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
            "OFFER_INVALID",
        )
        await expect(
            providers.DeleteOffer(vpb.DeleteOfferRequest(name=support.name), metadata=meta(server, beta)),
            grpc.StatusCode.PERMISSION_DENIED,
            "ORGANIZATION_MISMATCH",
        )
        for_jinja = await providers.ListOffers(
            vpb.ListOffersRequest(parent="providers/-", project="projects/pypi-jinja2"),
            metadata=meta(server, beta),
        )
        assert {o.name for o in for_jinja.offers} == {support.name, hosting.name}

        async def match(need: mres.Need) -> list[mres.Match]:
            return list(
                (
                    await matcher.MatchNeed(mpb.MatchNeedRequest(need=need), metadata=meta(server, beta))
                ).matches
            )

        # Chinese need, on premises, a certification: only Acme's support offer.
        found = await match(
            mres.Need(text="模板引擎 資安支援", on_premises=True, certifications=["ISO/IEC 27001"])
        )
        assert [(m.project, m.offer) for m in found] == [("projects/pypi-jinja2", support.name)]
        details = {r.detail for r in found[0].reasons}
        assert {"runs on premises", "holds ISO/IEC 27001"} <= details
        text = [r for r in found[0].reasons if r.factor == mres.MATCH_FACTOR_TEXT]
        assert text
        assert text[0].contribution > 0
        assert any(r.factor == mres.MATCH_FACTOR_HEALTH for r in found[0].reasons)

        # A budget leaves out offers that start above it.
        found = await match(mres.Need(text="template engine", budget=twd(80_000)))
        assert [m.offer for m in found] == [hosting.name]
        # A region: "TW" serves "TW-TPE", "TW-KHH" does not.
        found = await match(mres.Need(text="template engine", regions=["TW-TPE"]))
        assert [m.offer for m in found] == [support.name]
        # No provider constraint: the project alone is an answer too, and ranks are ordered.
        found = await match(mres.Need(text="template engine"))
        assert {m.offer for m in found} == {support.name, hosting.name, ""}
        assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
        # The offer's own words count: Beta's hosting offer says "managed", the project does not.
        found = await match(mres.Need(text="managed template"))
        assert found[0].offer == hosting.name
        # Kinds and licence families filter.
        found = await match(mres.Need(text="javascript utility", offer_kinds=[mres.OFFER_KIND_TRAINING]))
        assert [m.offer for m in found] == [training.name]
        assert (
            await match(
                mres.Need(text="template engine", licence_families=[mres.LICENCE_FAMILY_STRONG_COPYLEFT])
            )
            == []
        )
        await expect(
            matcher.MatchNeed(mpb.MatchNeedRequest(need=mres.Need(text="!!!")), metadata=meta(server, beta)),
            grpc.StatusCode.INVALID_ARGUMENT,
            "QUERY_INVALID",
        )

        await providers.DeleteOffer(vpb.DeleteOfferRequest(name=hosting.name), metadata=meta(server, beta))
        await expect(
            providers.GetOffer(vpb.GetOfferRequest(name=hosting.name), metadata=meta(server, acme)),
            grpc.StatusCode.NOT_FOUND,
            "OFFER_NOT_FOUND",
        )
        updated = (
            await providers.UpdateProvider(
                vpb.UpdateProviderRequest(
                    provider=mres.Provider(name=b.name, regions=["TW"]),
                    update_mask=FieldMask(paths=["regions"]),
                ),
                metadata=meta(server, beta),
            )
        ).provider
        assert list(updated.regions) == ["TW"]
        await expect(
            providers.UpdateProvider(
                vpb.UpdateProviderRequest(
                    provider=mres.Provider(name=b.name, regions=["TW"]),
                    update_mask=FieldMask(paths=["regions"]),
                ),
                metadata=meta(server, acme),
            ),
            grpc.StatusCode.PERMISSION_DENIED,
            "ORGANIZATION_MISMATCH",
        )
