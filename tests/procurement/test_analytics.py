"""Sales analytics end to end: real server, real PostgreSQL, orders placed over gRPC.

The orders are placed and confirmed through OrderService, then moved into
2011 (UTC+8) in the database, so the months are known and no other test's
orders fall in the queried range. K is 3 here: the market view counts a
listing's sales of a month (a base cell) only when at least three agencies
make them up, as the privacy service decides (it is served alongside).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import error_details
from jipan.common.v1 import time_range_pb2
from jipan.procurement.v1 import analytics_service_pb2 as apb
from jipan.procurement.v1 import analytics_service_pb2_grpc as apb_grpc
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import resources_pb2 as res
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.servers import ledger, privacy, procurement, system
from jipan.servers.procurement.analytics import last_released_month, months_between
from tests.mesh import RunningServer, make_settings, running_server
from tests.procurement.helpers import (
    Caller,
    caller,
    create_lot,
    expect_error,
    good_sla,
    software_listing,
    unique,
)

K = 3
TAIWAN = timezone(timedelta(hours=8))
CLOUD = res.CATEGORY_CLOUD_SERVICES
SECURITY = res.CATEGORY_INFORMATION_SECURITY_SERVICES


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    settings = make_settings(
        database_url,
        tmp_path_factory.mktemp("procurement-analytics"),
        JIPAN_LEDGER_BATCH_WINDOW_S="0.05",
        JIPAN_PROCUREMENT_K_ANONYMITY=str(K),
    )
    async with running_server(
        settings, [system.SERVICE, ledger.SERVICE, procurement.SERVICE, privacy.SERVICE]
    ) as running:
        yield running


@pytest.fixture(scope="module")
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as chan:
        yield chan


def stub(who: Caller) -> apb_grpc.AnalyticsServiceAsyncStub:
    return apb_grpc.AnalyticsServiceStub(who.channel)


def at(year: int, month: int, day: int = 1, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=TAIWAN)


def stamp(moment: datetime) -> Timestamp:
    result = Timestamp()
    result.FromDatetime(moment.astimezone(UTC))
    return result


def sales_filter(
    start: datetime | None = None, end: datetime | None = None, **fields: object
) -> apb.SalesFilter:
    """Sales of 2011 at UTC+8 unless told otherwise."""
    start, end = start or at(2011, 1), end or at(2012, 1)
    time_range = time_range_pb2.TimeRange(start_time=stamp(start), end_time=stamp(end))
    return apb.SalesFilter(create_time_range=time_range, **fields)  # type: ignore[arg-type]


@dataclasses.dataclass
class Market:
    admin: Caller
    vendor1: Caller
    vendor2: Caller
    agencies: list[Caller]
    listings: dict[str, str]  # "L1" → listing name
    late_order: str  # the name of ORDERS[LATE], still PLACED


async def approved(admin: Caller, vendor: Caller, category: res.Category.ValueType, product: str) -> str:
    lot = await create_lot(admin, category)
    created = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(
            parent=f"vendors/{vendor.org}",
            listing=software_listing(lot, product_name=product, sla=good_sla()),
        ),
        metadata=vendor.metadata,
    )
    submitted = await vendor.reviews.SubmitListing(
        rpb.SubmitListingRequest(listing=created.listing.name), metadata=vendor.metadata
    )
    assert submitted.listing.state == res.LISTING_STATE_APPROVED
    return submitted.listing.name


# (agency index, listing, quantity, created at UTC+8, confirmed by the vendor)
ORDERS = [
    (0, "L1", 2, at(2011, 1, 15), True),  # 24,000
    (1, "L1", 1, datetime(2011, 1, 31, 17, tzinfo=UTC), True),  # 12,000 in February at UTC+8
    (2, "L1", 3, at(2011, 2, 10), True),  # 36,000
    (0, "L2", 5, at(2011, 2, 20), True),  # 60,000
    (1, "L3", 1, at(2011, 3, 5), True),  # 12,000
    (3, "L3", 4, at(2011, 3, 6), False),  # PLACED: not a sale
    (3, "L1", 1, at(2011, 3, 7), False),  # PLACED: not a sale
    (3, "L1", 1, at(2011, 2, 25), True),  # 12,000: February's L1 now has three agencies
    # 2012, for the frozen periods and the dominance rule (the 2011 tests do not read it):
    (0, "L1", 1, at(2012, 3, 2), True),  # L1 2012-03: three agencies, 36,000 ...
    (1, "L1", 1, at(2012, 3, 3), True),
    (2, "L1", 1, at(2012, 3, 4), True),
    (3, "L1", 1, at(2012, 3, 30), False),  # ... and a fourth whose vendor confirms it late (LATE)
    (0, "L2", 10, at(2012, 5, 2), True),  # L2 2012-05: three agencies, but agency 0 makes
    (1, "L2", 1, at(2012, 5, 3), True),  # 10 of its 12 units: the two largest hold 11/12,
    (2, "L2", 1, at(2012, 5, 4), True),  # 91.7 % >= 85 %: withheld by the dominance rule
]
LATE = 11  # ORDERS index of the order confirmed after 2012-03 was published
# The base cells (listing, month) of the sales, with K = 3:
#   L1 2011-01: agency 0            -> withheld
#   L1 2011-02: agencies 1, 2, 3    -> published: 3 orders, 5 units, 60,000
#   L2 2011-02: agency 0            -> withheld
#   L3 2011-03: agency 1            -> withheld


@pytest.fixture(scope="module")
async def market(server: RunningServer, channel: grpc.aio.Channel) -> Market:
    admin = caller(server, channel, "moda", ["procurement-admin"])
    vendor1 = caller(server, channel, unique("vendor"), ["procurement-vendor"])
    vendor2 = caller(server, channel, unique("vendor"), ["procurement-vendor"])
    agencies = [caller(server, channel, unique("agency"), ["procurement-buyer"]) for _ in range(4)]
    listings = {
        "L1": await approved(admin, vendor1, CLOUD, "雲端備份 Cloud Backup"),
        "L2": await approved(admin, vendor1, CLOUD, "雲端郵件 Cloud Mail"),
        "L3": await approved(admin, vendor2, SECURITY, "資安監控 SOC"),
    }
    vendors = {"L1": vendor1, "L2": vendor1, "L3": vendor2}
    late_order = ""
    for index, (agency_index, listing, quantity, created, confirmed) in enumerate(ORDERS):
        agency = agencies[agency_index]
        placed = await agency.orders.CreateOrder(
            opb.CreateOrderRequest(
                parent=f"agencies/{agency.org}",
                order=res.Order(listing=listings[listing], quantity=quantity, budget_code="100-資訊-01"),
                request_id=str(uuid.uuid4()),
            ),
            metadata=agency.metadata,
        )
        if confirmed:
            vendor = vendors[listing]
            await vendor.orders.ConfirmOrder(
                opb.ConfirmOrderRequest(name=placed.order.name), metadata=vendor.metadata
            )
        if index == LATE:
            late_order = placed.order.name
        order_id = uuid.UUID(placed.order.name.rsplit("/", 1)[1])
        await server.runtime.database.execute(
            "UPDATE procurement.orders SET create_time = $3 WHERE agency = $1 AND id = $2",
            agency.org,
            order_id,
            created,
        )
    return Market(admin, vendor1, vendor2, agencies, listings, late_order)


def figures(cell: apb.SalesCell | apb.SalesTrendPoint | apb.ProductSales) -> tuple[int, int, int, int]:
    assert not cell.suppressed
    assert not cell.partially_suppressed
    f = cell.figures
    assert f.total.currency_code == "TWD"
    return f.order_count, f.quantity, f.total.amount_minor, f.agency_count


async def aggregate(
    who: Caller,
    parent: str,
    dimension: apb.SalesDimension.ValueType,
    sales: apb.SalesFilter | None = None,
    **fields: object,
) -> apb.AggregateSalesResponse:
    response: apb.AggregateSalesResponse = await stub(who).AggregateSales(
        apb.AggregateSalesRequest(
            parent=parent,
            dimension=dimension,
            filter=sales or sales_filter(),
            **fields,  # type: ignore[arg-type]
        ),
        metadata=who.metadata,
    )
    return response


async def test_admin_sees_exact_sums_by_every_dimension(market: Market) -> None:
    admin, (a1, a2, a3, a4) = market.admin, market.agencies
    v1, v2 = market.vendor1.org, market.vendor2.org
    by_vendor = await aggregate(admin, "market", apb.SALES_DIMENSION_VENDOR)
    assert [(c.vendor, figures(c)) for c in by_vendor.cells] == [
        (f"vendors/{v1}", (5, 12, 144_000, 4)),
        (f"vendors/{v2}", (1, 1, 12_000, 1)),
    ]
    by_category = await aggregate(admin, "market", apb.SALES_DIMENSION_CATEGORY)
    assert [(c.category, figures(c)) for c in by_category.cells] == [
        (CLOUD, (5, 12, 144_000, 4)),
        (SECURITY, (1, 1, 12_000, 1)),
    ]
    by_agency = await aggregate(admin, "market", apb.SALES_DIMENSION_AGENCY)
    assert [(c.agency, figures(c)) for c in by_agency.cells] == [
        (f"agencies/{a1.org}", (2, 7, 84_000, 1)),
        (f"agencies/{a3.org}", (1, 3, 36_000, 1)),
        (f"agencies/{a2.org}", (2, 2, 24_000, 1)),
        (f"agencies/{a4.org}", (1, 1, 12_000, 1)),  # its PLACED orders are no sales
    ]
    by_month = await aggregate(admin, "market", apb.SALES_DIMENSION_MONTH)
    assert [(c.month, figures(c)) for c in by_month.cells] == [
        ("2011-01", (1, 2, 24_000, 1)),
        ("2011-02", (4, 10, 120_000, 4)),  # 2011-01-31T17:00Z is February in Taiwan
        ("2011-03", (1, 1, 12_000, 1)),
    ]
    one_category = await aggregate(
        admin, "market", apb.SALES_DIMENSION_MONTH, sales_filter(category=SECURITY)
    )
    assert [(c.month, figures(c)) for c in one_category.cells] == [("2011-03", (1, 1, 12_000, 1))]


async def test_products_rank_by_revenue_or_quantity(market: Market) -> None:
    l1, l2, l3 = (market.listings[name] for name in ("L1", "L2", "L3"))
    by_revenue = await stub(market.admin).RankProducts(
        apb.RankProductsRequest(parent="market", filter=sales_filter()), metadata=market.admin.metadata
    )
    assert [(p.listing, figures(p)) for p in by_revenue.products] == [
        (l1, (4, 7, 84_000, 4)),
        (l2, (1, 5, 60_000, 1)),
        (l3, (1, 1, 12_000, 1)),
    ]
    assert by_revenue.products[0].product_name == "雲端備份 Cloud Backup"
    assert by_revenue.products[2].category == SECURITY
    by_quantity = await stub(market.admin).RankProducts(
        apb.RankProductsRequest(parent="market", ranking=apb.PRODUCT_RANKING_QUANTITY, filter=sales_filter()),
        metadata=market.admin.metadata,
    )
    assert [p.listing for p in by_quantity.products] == [l1, l2, l3]
    assert [p.figures.quantity for p in by_quantity.products] == [7, 5, 1]


async def test_a_vendor_sees_its_own_sales_in_full_and_the_market_k_anonymised(market: Market) -> None:
    v1, v2 = market.vendor1, market.vendor2
    own = await aggregate(v2, f"vendors/{v2.org}", apb.SALES_DIMENSION_MONTH)
    assert [(c.month, figures(c)) for c in own.cells] == [("2011-03", (1, 1, 12_000, 1))]

    by_vendor = await aggregate(v2, "market", apb.SALES_DIMENSION_VENDOR)
    assert [c.vendor for c in by_vendor.cells] == [f"vendors/{v1.org}", f"vendors/{v2.org}"]
    # Vendor 1's only published base cell is L1's February; its January (one agency) and
    # L2 (one agency) are withheld from the sum, which says so.
    shown = by_vendor.cells[0]
    assert (shown.suppressed, shown.partially_suppressed) == (False, True)
    assert (shown.figures.order_count, shown.figures.total.amount_minor, shown.figures.agency_count) == (
        3,
        60_000,
        3,
    )
    assert by_vendor.cells[1].suppressed  # one agency: withheld, even from the vendor itself
    assert not by_vendor.cells[1].HasField("figures")

    by_month = await aggregate(v2, "market", apb.SALES_DIMENSION_MONTH)
    assert [(c.month, c.suppressed, c.partially_suppressed) for c in by_month.cells] == [
        ("2011-01", True, False),
        ("2011-02", False, True),  # L2's February (one agency) is left out
        ("2011-03", True, False),
    ]
    assert by_month.cells[1].figures.total.amount_minor == 60_000

    ranked = await stub(v1).RankProducts(
        apb.RankProductsRequest(parent="market", filter=sales_filter()), metadata=v1.metadata
    )
    assert ranked.products[0].listing == market.listings["L1"]
    assert ranked.products[0].partially_suppressed  # L1's January is withheld
    assert ranked.products[0].figures.quantity == 5
    assert [p.suppressed for p in ranked.products[1:]] == [True, True]
    assert {p.listing for p in ranked.products[1:]} == {market.listings["L2"], market.listings["L3"]}

    # Grouping the market by agency would show one agency per cell.
    await expect_error(
        aggregate(v1, "market", apb.SALES_DIMENSION_AGENCY),
        grpc.StatusCode.PERMISSION_DENIED,
        "ANALYTICS_VIEW_DENIED",
    )
    # Differencing needs ranges finer than a month: refused.
    await expect_error(
        aggregate(v1, "market", apb.SALES_DIMENSION_VENDOR, sales_filter(start=at(2011, 2, 10))),
        grpc.StatusCode.INVALID_ARGUMENT,
        "TIME_RANGE_INVALID",
    )


async def test_an_agency_sees_its_own_spending_and_never_another_agencys(
    server: RunningServer, channel: grpc.aio.Channel, market: Market
) -> None:
    a1, a2 = market.agencies[0], market.agencies[1]
    own = await aggregate(a1, f"agencies/{a1.org}", apb.SALES_DIMENSION_VENDOR)
    assert [(c.vendor, figures(c)) for c in own.cells] == [
        (f"vendors/{market.vendor1.org}", (2, 7, 84_000, 1))
    ]
    # A filter on another agency only narrows the caller's own view.
    narrowed = await aggregate(
        a1, f"agencies/{a1.org}", apb.SALES_DIMENSION_VENDOR, sales_filter(agency=f"agencies/{a2.org}")
    )
    assert list(narrowed.cells) == []
    await expect_error(
        aggregate(a1, f"agencies/{a2.org}", apb.SALES_DIMENSION_VENDOR),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    await expect_error(
        stub(a1).RankProducts(apb.RankProductsRequest(parent=f"agencies/{a2.org}"), metadata=a1.metadata),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    await expect_error(
        aggregate(a1, f"vendors/{market.vendor1.org}", apb.SALES_DIMENSION_MONTH),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    await expect_error(
        aggregate(a1, "market", apb.SALES_DIMENSION_AGENCY),
        grpc.StatusCode.PERMISSION_DENIED,
        "ANALYTICS_VIEW_DENIED",
    )
    # In the market view, a filter on one agency leaves only suppressed cells.
    one_agency = await aggregate(
        a1, "market", apb.SALES_DIMENSION_MONTH, sales_filter(agency=f"agencies/{a2.org}")
    )
    assert [c.suppressed for c in one_agency.cells] == [True, True]
    assert not any(c.HasField("figures") for c in one_agency.cells)
    # Staff of the agency without the buyer role do not see its spending.
    clerk = caller(server, channel, a1.org, ["procurement-vendor"])
    await expect_error(
        aggregate(clerk, f"agencies/{a1.org}", apb.SALES_DIMENSION_VENDOR),
        grpc.StatusCode.PERMISSION_DENIED,
        "ANALYTICS_VIEW_DENIED",
    )


async def test_overlapping_ranges_never_subtract_to_a_withheld_month(market: Market) -> None:
    """The differencing hole suppression of result cells alone left open: vendor 1's sales of
    January-March minus those of February-March were agency 0's January order (24,000), each
    range shown because four agencies made it up. On base cells both ranges count the same
    published cell (L1's February), so the difference is 0."""
    v1, v2 = market.vendor1.org, market.vendor2

    async def vendor1_total(start: datetime) -> int:
        cells = (await aggregate(v2, "market", apb.SALES_DIMENSION_VENDOR, sales_filter(start=start))).cells
        cell = next(c for c in cells if c.vendor == f"vendors/{v1}")
        assert not cell.suppressed
        return cell.figures.total.amount_minor

    assert await vendor1_total(at(2011, 1)) - await vendor1_total(at(2011, 2)) == 0
    # The admin, who sees in full, sees the 24,000 the difference no longer reveals.
    admin = market.admin
    january = await aggregate(
        admin, "market", apb.SALES_DIMENSION_VENDOR, sales_filter(start=at(2011, 1), end=at(2011, 2))
    )
    assert figures(january.cells[0]) == (1, 2, 24_000, 1)
    # Nor does a category filter split a base cell: all of CLOUD minus February is 0 too.
    cloud = await aggregate(v2, "market", apb.SALES_DIMENSION_MONTH, sales_filter(category=CLOUD))
    assert sum(c.figures.total.amount_minor for c in cloud.cells if not c.suppressed) == 60_000


async def test_without_the_privacy_service_the_market_view_is_unavailable(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, market: Market
) -> None:
    """A procurement server that does not serve privacy, and has no target for it: the
    k-anonymised views refuse rather than publish unchecked figures; full views still work."""
    settings = make_settings(
        database_url,
        tmp_path_factory.mktemp("procurement-no-privacy"),
        JIPAN_PROCUREMENT_K_ANONYMITY=str(K),
    )
    async with (
        running_server(settings, [system.SERVICE, ledger.SERVICE, procurement.SERVICE]) as alone,
        grpc.aio.insecure_channel(alone.address) as channel,
    ):
        vendor = caller(alone, channel, market.vendor1.org, ["procurement-vendor"])
        own = await aggregate(vendor, f"vendors/{vendor.org}", apb.SALES_DIMENSION_MONTH)
        assert len(own.cells) == 2
        await expect_error(
            aggregate(vendor, "market", apb.SALES_DIMENSION_VENDOR),
            grpc.StatusCode.UNAVAILABLE,
            "PRIVACY_UNAVAILABLE",
        )


async def test_trends_fill_every_month_and_suppress_small_months(market: Market) -> None:
    request = apb.ComputeSalesTrendRequest(parent="market", filter=sales_filter(end=at(2011, 5)))
    full = await stub(market.admin).ComputeSalesTrend(request, metadata=market.admin.metadata)
    assert [p.month for p in full.points] == ["2011-01", "2011-02", "2011-03", "2011-04"]
    assert [p.figures.total.amount_minor for p in full.points] == [24_000, 120_000, 12_000, 0]
    assert full.points[1].start_time.ToDatetime(tzinfo=UTC) == at(2011, 2)
    anonymised = await stub(market.vendor1).ComputeSalesTrend(request, metadata=market.vendor1.metadata)
    assert [p.suppressed for p in anonymised.points] == [True, False, True, False]
    assert anonymised.points[3].figures.order_count == 0  # no sales is not a secret

    own = await stub(market.vendor1).ComputeSalesTrend(
        apb.ComputeSalesTrendRequest(
            parent=f"vendors/{market.vendor1.org}", filter=sales_filter(end=at(2011, 3))
        ),
        metadata=market.vendor1.metadata,
    )
    assert [(p.month, p.figures.total.amount_minor) for p in own.points] == [
        ("2011-01", 24_000),
        ("2011-02", 120_000),
    ]
    default = await stub(market.admin).ComputeSalesTrend(
        apb.ComputeSalesTrendRequest(parent="market"), metadata=market.admin.metadata
    )
    assert len(default.points) == 12
    assert default.points[-1].month == f"{datetime.now(TAIWAN):%Y-%m}"


async def test_cells_and_products_are_paginated(market: Market) -> None:
    admin = market.admin
    seen: list[str] = []
    token = ""
    for _ in range(4):
        page = await aggregate(admin, "market", apb.SALES_DIMENSION_AGENCY, page_size=1, page_token=token)
        seen.extend(c.agency for c in page.cells)
        token = page.next_page_token
        if not token:
            break
    assert seen == [f"agencies/{market.agencies[i].org}" for i in (0, 2, 1, 3)]
    assert not token

    first = await stub(admin).RankProducts(
        apb.RankProductsRequest(parent="market", filter=sales_filter(), page_size=2), metadata=admin.metadata
    )
    assert len(first.products) == 2
    second = await stub(admin).RankProducts(
        apb.RankProductsRequest(
            parent="market", filter=sales_filter(), page_size=2, page_token=first.next_page_token
        ),
        metadata=admin.metadata,
    )
    assert [p.listing for p in second.products] == [market.listings["L3"]]
    assert not second.next_page_token
    # A token is bound to its query.
    await expect_error(
        aggregate(admin, "market", apb.SALES_DIMENSION_VENDOR, page_size=2, page_token=first.next_page_token),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PAGE_TOKEN_INVALID",
    )


async def test_bad_input_is_invalid_argument_with_a_reason(market: Market) -> None:
    admin = market.admin
    invalid = grpc.StatusCode.INVALID_ARGUMENT
    await expect_error(aggregate(admin, "market", apb.SALES_DIMENSION_UNSPECIFIED), invalid, "FIELD_INVALID")
    await expect_error(aggregate(admin, "market", 42), invalid, "FIELD_INVALID")  # type: ignore[arg-type]
    await expect_error(
        aggregate(admin, "market", apb.SALES_DIMENSION_VENDOR, page_size=-1), invalid, "FIELD_INVALID"
    )
    await expect_error(aggregate(admin, "everything", apb.SALES_DIMENSION_VENDOR), invalid, "NAME_INVALID")
    await expect_error(
        aggregate(admin, "market", apb.SALES_DIMENSION_VENDOR, sales_filter(vendor="acme")),
        invalid,
        "NAME_INVALID",
    )
    await expect_error(
        aggregate(
            admin, "market", apb.SALES_DIMENSION_VENDOR, sales_filter(start=at(2012, 1), end=at(2011, 1))
        ),
        invalid,
        "TIME_RANGE_INVALID",
    )
    trend = stub(admin).ComputeSalesTrend
    await expect_error(
        trend(
            apb.ComputeSalesTrendRequest(
                parent="market", filter=sales_filter(start=at(2000, 1), end=at(2011, 1))
            ),
            metadata=admin.metadata,
        ),
        invalid,
        "TIME_RANGE_INVALID",
    )
    # Past year 9999 no Timestamp is valid: the validation stage refuses it for every method.
    beyond = apb.SalesFilter(create_time_range=time_range_pb2.TimeRange(start_time=Timestamp(seconds=10**13)))
    refused = await expect_error(
        aggregate(admin, "market", apb.SALES_DIMENSION_VENDOR, beyond), invalid, "FIELD_INVALID"
    )
    assert list(error_details(refused).field_violations) == ["filter.create_time_range.start_time"]
    only_start = apb.SalesFilter(create_time_range=time_range_pb2.TimeRange(start_time=stamp(at(2011, 1))))
    await expect_error(
        trend(apb.ComputeSalesTrendRequest(parent="market", filter=only_start), metadata=admin.metadata),
        invalid,
        "TIME_RANGE_INVALID",
    )


async def test_published_months_are_frozen_so_two_reads_never_subtract_to_an_order(
    market: Market,
) -> None:
    """The temporal differencing hole: a live base cell of 3 agencies read before and of 4
    after a late confirmation differed by the fourth agency's order (12,000; the previous
    code gave 36,000 then 48,000). A released month is frozen at its first k-anonymised
    read: the second read answers the same, while operators see the order."""
    v2, admin = market.vendor2, market.admin
    march = sales_filter(start=at(2012, 3), end=at(2012, 4))

    async def market_march() -> tuple[int, int, int]:
        cells = (await aggregate(v2, "market", apb.SALES_DIMENSION_MONTH, march)).cells
        assert [(c.month, c.suppressed, c.partially_suppressed) for c in cells] == [("2012-03", False, False)]
        f = cells[0].figures
        return f.order_count, f.total.amount_minor, f.agency_count

    before = await market_march()
    assert before == (3, 36_000, 3)
    vendor1 = market.vendor1
    await vendor1.orders.ConfirmOrder(
        opb.ConfirmOrderRequest(name=market.late_order), metadata=vendor1.metadata
    )
    full = await aggregate(admin, "market", apb.SALES_DIMENSION_MONTH, march)
    assert figures(full.cells[0]) == (4, 4, 48_000, 4)  # the operators' live view has it
    assert await market_march() == before  # the published figure has not moved
    ranked = await stub(v2).RankProducts(
        apb.RankProductsRequest(parent="market", filter=march), metadata=v2.metadata
    )
    assert [(p.listing, p.figures.total.amount_minor) for p in ranked.products] == [
        (market.listings["L1"], 36_000)
    ]
    assert ranked.published_through_month >= "2012-03"


async def test_the_current_month_is_not_published_until_released(market: Market) -> None:
    """Sales of a month not over (nor within the release lag) are not counted by the
    k-anonymised view, however many agencies make them; its trend point is unpublished."""
    agencies, vendor2 = market.agencies[:3], market.vendor2
    for agency in agencies:
        placed = await agency.orders.CreateOrder(
            opb.CreateOrderRequest(
                parent=f"agencies/{agency.org}",
                order=res.Order(listing=market.listings["L3"], quantity=1, budget_code="100-資訊-01"),
                request_id=str(uuid.uuid4()),
            ),
            metadata=agency.metadata,
        )
        await vendor2.orders.ConfirmOrder(
            opb.ConfirmOrderRequest(name=placed.order.name), metadata=vendor2.metadata
        )
    now = datetime.now(TAIWAN)
    this_month = at(now.year, now.month)
    current = sales_filter(start=this_month, end=at(now.year + now.month // 12, now.month % 12 + 1))
    full = await aggregate(market.admin, "market", apb.SALES_DIMENSION_VENDOR, current)
    assert (f"vendors/{vendor2.org}", 3) in [(c.vendor, c.figures.agency_count) for c in full.cells]
    anonymised = await aggregate(market.vendor1, "market", apb.SALES_DIMENSION_VENDOR, current)
    assert f"vendors/{vendor2.org}" not in [c.vendor for c in anonymised.cells]
    assert anonymised.published_through_month < f"{now:%Y-%m}"
    trend = await stub(market.vendor1).ComputeSalesTrend(
        apb.ComputeSalesTrendRequest(parent="market"), metadata=market.vendor1.metadata
    )
    assert trend.points[-1].month == f"{now:%Y-%m}"
    assert trend.points[-1].unpublished
    assert not trend.points[-1].HasField("figures")
    assert trend.published_through_month == anonymised.published_through_month
    assert [p.unpublished for p in trend.points] == [
        p.month > trend.published_through_month for p in trend.points
    ]
    admin_trend = await stub(market.admin).ComputeSalesTrend(
        apb.ComputeSalesTrendRequest(parent="market"), metadata=market.admin.metadata
    )
    assert not any(p.unpublished for p in admin_trend.points)
    assert admin_trend.published_through_month == ""


async def test_a_dominated_base_cell_is_withheld(market: Market) -> None:
    """L2's May 2012: three agencies (K = 3), but the two largest make 11/12 of it: the
    (2, 85 %) dominance rule withholds it (the threshold rule alone published 144,000, of
    which agency 0's own 120,000)."""
    may = sales_filter(start=at(2012, 5), end=at(2012, 6))
    full = await aggregate(market.admin, "market", apb.SALES_DIMENSION_MONTH, may)
    assert figures(full.cells[0]) == (3, 12, 144_000, 3)
    anonymised = await aggregate(market.vendor2, "market", apb.SALES_DIMENSION_MONTH, may)
    assert [(c.month, c.suppressed) for c in anonymised.cells] == [("2012-05", True)]
    assert not anonymised.cells[0].HasField("figures")


def test_a_month_is_released_once_it_is_over_and_the_lag_has_passed() -> None:
    lag = timedelta(days=7)
    # November 2026 (UTC+8) ends at 2026-11-30T16:00Z; with 7 days' lag it is released at
    # 2026-12-07T16:00Z, not a microsecond before.
    released_at = datetime(2026, 12, 7, 16, tzinfo=UTC)
    assert last_released_month(released_at - timedelta(microseconds=1), lag) == "2026-10"
    assert last_released_month(released_at, lag) == "2026-11"
    assert last_released_month(datetime(2026, 12, 1, 0, tzinfo=TAIWAN), timedelta(0)) == "2026-11"
    assert last_released_month(datetime(2027, 1, 10, tzinfo=TAIWAN), lag) == "2026-12"
    assert months_between("2026-11", "2027-02") == ["2026-11", "2026-12", "2027-01", "2027-02"]
