"""RatingService end to end, with procurement and the ledger served beside market.

Only an agency holding a confirmed order of the provider's listing rates it,
asked of procurement's OrderService with the agency's own token; once per
order; the digest anchored on the ledger; a Bayesian average with m = 3, C = 5.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Mapping

import grpc
import pytest

from jipan.clients import error_details
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
from jipan.market.v1 import provider_service_pb2 as prov_pb
from jipan.market.v1 import provider_service_pb2_grpc as prov_grpc
from jipan.market.v1 import rating_service_pb2 as rpb
from jipan.market.v1 import rating_service_pb2_grpc as rpb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import resources_pb2 as pres
from jipan.procurement.v1 import review_service_pb2 as review_pb
from jipan.servers import ledger, market, procurement, system
from jipan.servers.market.providers.store import ProviderStore
from jipan.servers.market.ratings.domain import Ratings, bayesian_average, rating_digest
from jipan.servers.market.ratings.model import PurchasedOrder, RatingSummary
from jipan.servers.market.ratings.orders import ProcurementOrders
from jipan.servers.market.ratings.store import RatingStore
from jipan.servers.runtime.database import create_pool
from jipan.servers.runtime.idempotency import RequestIds
from tests.conftest import fresh_database
from tests.market.conftest import caller_of
from tests.mesh import RunningServer, make_settings, running_server
from tests.procurement.helpers import caller, create_lot, good_sla, order_request, software_listing, unique

SCOPES = ("market.read", "market.write", "procurement.read", "procurement.write", "ledger.read")
Metadata = tuple[tuple[str, str], ...]


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market_ratings") as own:
        settings = make_settings(own, tmp_path_factory.mktemp("market-ratings"))
        modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


async def expect(call: object, code: grpc.StatusCode, reason: str) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason, error_details(caught.value)
    return caught.value


def test_the_bayesian_prior_pulls_few_ratings_towards_three_stars() -> None:
    assert bayesian_average(RatingSummary(0, 0)) == 3.0
    assert bayesian_average(RatingSummary(1, 5)) == pytest.approx(20 / 6)
    assert bayesian_average(RatingSummary(100, 500)) == pytest.approx(515 / 105)
    assert bayesian_average(RatingSummary(2, 2)) == pytest.approx(17 / 7)


async def test_only_a_confirmed_order_of_the_provider_may_rate_it_once(server: RunningServer) -> None:
    async with grpc.aio.insecure_channel(server.address) as channel:
        admin = caller(server, channel, "moda", ["procurement-admin"], scopes=SCOPES)
        vendor = caller(
            server,
            channel,
            unique("vendor"),
            ["procurement-vendor", "procurement-buyer", "admin"],
            scopes=SCOPES,
        )
        other_vendor = caller(
            server,
            channel,
            unique("vendor"),
            ["procurement-vendor", "procurement-buyer", "admin"],
            scopes=SCOPES,
        )
        agency = caller(server, channel, unique("agency"), ["procurement-buyer"], scopes=SCOPES)
        stranger = caller(server, channel, unique("agency"), ["procurement-buyer"], scopes=SCOPES)
        lot = await create_lot(admin, pres.CATEGORY_CLOUD_SERVICES)
        created = await vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}", listing=software_listing(lot, sla=good_sla())
            ),
            metadata=vendor.metadata,
        )
        submitted = await vendor.reviews.SubmitListing(
            review_pb.SubmitListingRequest(listing=created.listing.name), metadata=vendor.metadata
        )
        assert submitted.listing.state == pres.LISTING_STATE_APPROVED
        listing = submitted.listing.name
        providers: prov_grpc.ProviderServiceAsyncStub = prov_grpc.ProviderServiceStub(channel)
        for who in (vendor, other_vendor):
            await providers.CreateProvider(
                prov_pb.CreateProviderRequest(provider=mres.Provider(display_name=f"{who.org} support")),
                metadata=who.metadata,
            )
        ratings: rpb_grpc.RatingServiceAsyncStub = rpb_grpc.RatingServiceStub(channel)
        provider = f"providers/{vendor.org}"

        def rate(
            order: str, stars: int = 5, parent: str = provider, request_id: str = ""
        ) -> rpb.CreateRatingRequest:
            return rpb.CreateRatingRequest(
                parent=parent,
                rating=mres.Rating(order=order, stars=stars, review="回應迅速 quick and thorough"),
                request_id=request_id or str(uuid.uuid4()),
            )

        order = (
            await agency.orders.CreateOrder(order_request(agency, listing, 3), metadata=agency.metadata)
        ).order
        # Placed, not yet confirmed by the vendor: no verified purchase.
        refused = await expect(
            ratings.CreateRating(rate(order.name), metadata=agency.metadata),
            grpc.StatusCode.FAILED_PRECONDITION,
            "PURCHASE_NOT_VERIFIED",
        )
        assert error_details(refused).metadata["order"] == order.name
        await vendor.orders.ConfirmOrder(opb.ConfirmOrderRequest(name=order.name), metadata=vendor.metadata)

        # Another agency cannot rate with this agency's order, nor can the vendor rate itself.
        await expect(
            ratings.CreateRating(rate(order.name), metadata=stranger.metadata),
            grpc.StatusCode.PERMISSION_DENIED,
            "ORGANIZATION_MISMATCH",
        )
        await expect(
            ratings.CreateRating(rate(order.name), metadata=vendor.metadata),
            grpc.StatusCode.PERMISSION_DENIED,
            "ORGANIZATION_MISMATCH",
        )
        # The order is of this vendor's listing, not of the other provider's.
        await expect(
            ratings.CreateRating(
                rate(order.name, parent=f"providers/{other_vendor.org}"), metadata=agency.metadata
            ),
            grpc.StatusCode.FAILED_PRECONDITION,
            "PURCHASE_NOT_VERIFIED",
        )
        # An order that does not exist (procurement says NOT_FOUND to the agency).
        await expect(
            ratings.CreateRating(
                rate(f"agencies/{agency.org}/orders/{uuid.uuid4()}"), metadata=agency.metadata
            ),
            grpc.StatusCode.FAILED_PRECONDITION,
            "PURCHASE_NOT_VERIFIED",
        )
        await expect(
            ratings.CreateRating(rate(order.name, parent="providers/nobody-here"), metadata=agency.metadata),
            grpc.StatusCode.NOT_FOUND,
            "PROVIDER_NOT_FOUND",
        )
        await expect(
            ratings.CreateRating(rate("orders/1"), metadata=agency.metadata),
            grpc.StatusCode.INVALID_ARGUMENT,
            "NAME_INVALID",
        )

        request = rate(order.name, stars=5)
        rating = (await ratings.CreateRating(request, metadata=agency.metadata)).rating
        assert rating.name.startswith(f"{provider}/ratings/")
        assert rating.agency == f"agencies/{agency.org}"
        assert rating.order == order.name
        assert rating.stars == 5
        assert rating.ledger_receipt
        # A retry with the same request_id is the same rating; a second rating of the order is not.
        replay = (await ratings.CreateRating(request, metadata=agency.metadata)).rating
        assert replay == rating
        await expect(
            ratings.CreateRating(rate(order.name, stars=1), metadata=agency.metadata),
            grpc.StatusCode.ALREADY_EXISTS,
            "ORDER_ALREADY_RATED",
        )
        changed = rate(order.name, stars=2, request_id=request.request_id)
        await expect(
            ratings.CreateRating(changed, metadata=agency.metadata),
            grpc.StatusCode.INVALID_ARGUMENT,
            "REQUEST_ID_REUSED",
        )

        # The ledger holds the digest of the rating's canonical record.
        digest = rating_digest(
            rating.name, provider, order.name, f"orgs/{agency.org}", 5, "回應迅速 quick and thorough"
        )
        verified = await lpb_grpc.LedgerServiceStub(channel).VerifyDigest(
            lpb.VerifyDigestRequest(digest=digest), metadata=agency.metadata
        )
        assert rating.ledger_receipt in [r.name for r in verified.receipts]

        # A second confirmed order, rated 2 stars: the summary counts both.
        second = (
            await agency.orders.CreateOrder(order_request(agency, listing, 1), metadata=agency.metadata)
        ).order
        await vendor.orders.ConfirmOrder(opb.ConfirmOrderRequest(name=second.name), metadata=vendor.metadata)
        await ratings.CreateRating(rate(second.name, stars=2), metadata=agency.metadata)

        # Anyone reads ratings; the order stays between the agency and the vendor.
        listed = await ratings.ListRatings(
            rpb.ListRatingsRequest(parent=provider), metadata=stranger.metadata
        )
        assert [r.stars for r in listed.ratings] == [2, 5]
        assert all(r.order == "" for r in listed.ratings)
        assert listed.summary.count == 2
        assert listed.summary.mean == pytest.approx(3.5)
        assert listed.summary.bayesian_average == pytest.approx(round((15 + 7) / 7, 4))
        own = await ratings.ListRatings(rpb.ListRatingsRequest(parent=provider), metadata=vendor.metadata)
        assert {r.order for r in own.ratings} == {order.name, second.name}
        page = await ratings.ListRatings(
            rpb.ListRatingsRequest(parent=provider, page_size=1), metadata=agency.metadata
        )
        assert len(page.ratings) == 1
        assert page.next_page_token
        rest = await ratings.ListRatings(
            rpb.ListRatingsRequest(parent=provider, page_size=1, page_token=page.next_page_token),
            metadata=agency.metadata,
        )
        assert [r.name for r in rest.ratings] == [listed.ratings[1].name]
        assert not rest.next_page_token

        # The provider's profile carries the summary.
        profile = await providers.GetProvider(
            prov_pb.GetProviderRequest(name=provider), metadata=stranger.metadata
        )
        assert profile.provider.rating.count == 2
        assert profile.provider.rating.bayesian_average == pytest.approx(round(22 / 7, 4))


async def test_concurrent_ratings_leave_connections_to_procurement_and_the_ledger(
    server: RunningServer,
) -> None:
    """In one process procurement and the ledger answer from market's pool: as many concurrent
    ratings as the pool has connections must not each hold one while they wait for those answers
    (they did, inside the rating's transaction, until every call timed out)."""
    vendor = unique("vendor")
    async with grpc.aio.insecure_channel(server.address) as channel:
        await prov_grpc.ProviderServiceStub(channel).CreateProvider(
            prov_pb.CreateProviderRequest(provider=mres.Provider(display_name="support")),
            metadata=server.metadata(
                subject="people/v", scopes=SCOPES, org=f"orgs/{vendor}", roles=("admin",)
            ),
        )
    assert server.settings.database_url is not None
    pool = await create_pool(server.settings.database_url.get_secret_value(), min_size=1, max_size=2)
    both_asking = asyncio.Barrier(2)

    async def answer_from_the_pool() -> None:
        async with pool.acquire(timeout=10) as conn:
            await conn.fetchval("SELECT 1")

    class Procurement(ProcurementOrders):
        def __init__(self) -> None:  # no channel: it answers here
            pass

        async def get(self, name: str, caller_token: str) -> tuple[PurchasedOrder | None, str]:
            await both_asking.wait()  # both ratings are under way before either is answered
            await answer_from_the_pool()
            return PurchasedOrder(name, name.split("/")[1], vendor, "CONFIRMED"), "OK"

    class Ledger:
        async def anchor(self, digest: bytes, metadata: Mapping[str, str]) -> str:
            await answer_from_the_pool()
            return f"receipts/{digest.hex()[:16]}"

        async def anchored_receipts(self, digest: bytes) -> dict[str, bool]:
            return {}

    stores = RatingStore(pool), ProviderStore(pool)
    ratings = Ratings(*stores, Procurement(), Ledger(), server.runtime.page_tokens, RequestIds())

    async def rate() -> str:
        agency = unique("agency")
        principal = caller_of(agency)
        order = f"agencies/{agency}/orders/{uuid.uuid4()}"
        rating = await ratings.rate(
            principal, "token", f"providers/{vendor}", order, 4, "", str(uuid.uuid4())
        )
        return rating.order

    try:
        orders = await asyncio.gather(rate(), rate())
    finally:
        await pool.close()
    assert all(orders)
