"""Garbage into every procurement RPC: each answer is a clear status with an ErrorInfo reason,
never INTERNAL or UNKNOWN, and nothing is stored."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import error_details
from jipan.procurement.v1 import analytics_service_pb2 as apb
from jipan.procurement.v1 import analytics_service_pb2_grpc as apb_grpc
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import resources_pb2 as res
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import tender_pb2 as tpb
from jipan.procurement.v1 import tender_service_pb2 as spb
from jipan.procurement.v1 import tender_service_pb2_grpc as spb_grpc
from jipan.servers import ledger, procurement, system
from tests.mesh import RunningServer, make_settings, running_server
from tests.procurement.helpers import Caller, caller

ALL_ROLES = ["procurement-admin", "procurement-vendor", "procurement-buyer", "procurement-reviewer"]
BID = f"agencies/a/tenders/{uuid.uuid4()}/bids/{uuid.uuid4()}"
TENDER = f"agencies/a/tenders/{uuid.uuid4()}"
LISTING = f"vendors/v/listings/{uuid.uuid4()}"


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    settings = make_settings(database_url, tmp_path_factory.mktemp("procurement-bad-input"))
    async with running_server(settings, [system.SERVICE, ledger.SERVICE, procurement.SERVICE]) as running:
        yield running


Call = Callable[[Caller], Awaitable[Any]]

CASES: dict[str, Call] = {
    "lot-no-category": lambda c: c.catalog.CreateLot(
        cpb.CreateLotRequest(lot=res.Lot(display_name="x", contract_number="y")), metadata=c.metadata
    ),
    "lot-bad-name": lambda c: c.catalog.GetLot(cpb.GetLotRequest(name="lots/../x"), metadata=c.metadata),
    "listing-empty": lambda c: c.catalog.CreateListing(
        cpb.CreateListingRequest(parent=f"vendors/{c.org}", listing=res.Listing()), metadata=c.metadata
    ),
    "listing-bad-parent": lambda c: c.catalog.CreateListing(
        cpb.CreateListingRequest(parent="vendors", listing=res.Listing(lot="lots/x")), metadata=c.metadata
    ),
    "listing-unknown": lambda c: c.catalog.GetListing(
        cpb.GetListingRequest(name=LISTING), metadata=c.metadata
    ),
    "update-no-mask": lambda c: c.catalog.UpdateListing(
        cpb.UpdateListingRequest(listing=res.Listing(name=LISTING)), metadata=c.metadata
    ),
    "search-punctuation": lambda c: c.catalog.SearchListings(
        cpb.SearchListingsRequest(query="!!! ???"), metadata=c.metadata
    ),
    "search-negative-page": lambda c: c.catalog.SearchListings(
        cpb.SearchListingsRequest(page_size=-1), metadata=c.metadata
    ),
    "search-forged-token": lambda c: c.catalog.SearchListings(
        cpb.SearchListingsRequest(page_token="eyJvIjoxMH0.forged"), metadata=c.metadata
    ),
    "submit-unknown-listing": lambda c: c.reviews.SubmitListing(
        rpb.SubmitListingRequest(listing=f"vendors/{c.org}/listings/{uuid.uuid4()}", sbom=b"{}"),
        metadata=c.metadata,
    ),
    "advisories-empty-array": lambda c: c.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=b"[]"), metadata=c.metadata
    ),
    "advisories-not-json": lambda c: c.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=b"\x00\x01garbage"), metadata=c.metadata
    ),
    "advisories-broken-zip": lambda c: c.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=b"PK\x03\x04" + b"\x00" * 64), metadata=c.metadata
    ),
    "advisories-wrong-shape": lambda c: c.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=b'[{"id": 5, "affected": "x"}]'), metadata=c.metadata
    ),
    "review-bad-name": lambda c: c.reviews.GetReview(
        rpb.GetReviewRequest(name="reviews/1"), metadata=c.metadata
    ),
    "accept-unknown-review": lambda c: c.reviews.AcceptFindingRisk(
        rpb.AcceptFindingRiskRequest(
            review=f"{LISTING}/reviews/{uuid.uuid4()}", finding_id="x", justification="long enough text"
        ),
        metadata=c.metadata,
    ),
    "notifications-other-vendor": lambda c: c.reviews.ListNotifications(
        rpb.ListNotificationsRequest(parent="vendors/someone-else"), metadata=c.metadata
    ),
    "order-no-request-id": lambda c: c.orders.CreateOrder(
        opb.CreateOrderRequest(parent=f"agencies/{c.org}", order=res.Order(listing=LISTING, quantity=1)),
        metadata=c.metadata,
    ),
    "order-unknown-listing": lambda c: c.orders.CreateOrder(
        opb.CreateOrderRequest(
            parent=f"agencies/{c.org}",
            order=res.Order(listing=LISTING, quantity=1, budget_code="b"),
            request_id=str(uuid.uuid4()),
        ),
        metadata=c.metadata,
    ),
    "order-step-unknown": lambda c: c.orders.PayOrder(
        opb.PayOrderRequest(name=f"agencies/{c.org}/orders/{uuid.uuid4()}"), metadata=c.metadata
    ),
    "orders-bad-parent": lambda c: c.orders.ListOrders(
        opb.ListOrdersRequest(parent="people/x"), metadata=c.metadata
    ),
    "tender-empty": lambda c: spb_grpc.TenderServiceStub(c.channel).CreateTender(
        spb.CreateTenderRequest(parent=f"agencies/{c.org}", tender=tpb.Tender()), metadata=c.metadata
    ),
    "tender-short-keys": lambda c: spb_grpc.TenderServiceStub(c.channel).CreateTender(
        spb.CreateTenderRequest(
            parent=f"agencies/{c.org}",
            tender=tpb.Tender(
                title="t",
                lots=[tpb.TenderLot(id="l", title="l")],
                award_method=tpb.AWARD_METHOD_LOWEST_PRICE,
                bid_deadline=Timestamp(seconds=4_000_000_000),
                opening_time=Timestamp(seconds=4_000_000_000),
                committee=[tpb.CommitteeMember(member="people/a", public_key=b"short")] * 2,
                threshold=2,
            ),
        ),
        metadata=c.metadata,
    ),
    "tender-unknown": lambda c: spb_grpc.TenderServiceStub(c.channel).OpenBids(
        spb.OpenBidsRequest(name=TENDER), metadata=c.metadata
    ),
    "bid-garbage": lambda c: spb_grpc.TenderServiceStub(c.channel).SubmitBid(
        spb.SubmitBidRequest(parent=TENDER, bid_id=str(uuid.uuid4()), sealed_bid=b"not sealed"),
        metadata=c.metadata,
    ),
    "shares-garbage": lambda c: spb_grpc.TenderServiceStub(c.channel).ReleaseShares(
        spb.ReleaseSharesRequest(parent=TENDER, shares=[spb.ShareRelease(bid=BID, share=b"x")]),
        metadata=c.metadata,
    ),
    "score-unknown": lambda c: spb_grpc.TenderServiceStub(c.channel).ScoreBid(
        spb.ScoreBidRequest(name=BID, points=[spb.CriterionPoints(criterion_id="a", points=5)]),
        metadata=c.metadata,
    ),
    "sealed-unknown": lambda c: spb_grpc.TenderServiceStub(c.channel).GetSealedBid(
        spb.GetSealedBidRequest(name=BID), metadata=c.metadata
    ),
    "export-bad-name": lambda c: spb_grpc.TenderServiceStub(c.channel).ExportTenderRelease(
        spb.ExportTenderReleaseRequest(name="tenders/1"), metadata=c.metadata
    ),
    "analytics-no-dimension": lambda c: apb_grpc.AnalyticsServiceStub(c.channel).AggregateSales(
        apb.AggregateSalesRequest(parent="market"), metadata=c.metadata
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
async def test_bad_input_gets_a_reason_never_internal(
    server: RunningServer, channel: grpc.aio.Channel, case: str
) -> None:
    who = caller(server, channel, "bad-input-org", ALL_ROLES)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await CASES[case](who)
    code = caught.value.code()
    assert code not in (grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN), caught.value.details()
    details = error_details(caught.value)
    assert details.reason, (code, caught.value.details())
    assert details.domain in ("procurement.jipan.tw", "common.jipan.tw")


async def test_nothing_was_stored_by_the_bad_calls(server: RunningServer) -> None:
    checks = {
        "lots": "contract_number = 'y'",
        "listings": "vendor IN ('bad-input-org', 'v')",
        "orders": "agency = 'bad-input-org'",
        "tenders": "agency IN ('bad-input-org', 'a')",
        "bids": "agency IN ('bad-input-org', 'a')",
    }
    async with server.runtime.database.acquire() as conn:
        for table, condition in checks.items():
            count = await conn.fetchval(f"SELECT count(*) FROM procurement.{table} WHERE {condition}")
            assert count == 0, table
