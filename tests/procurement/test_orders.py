"""CreateOrder's one-round-trip path: a listing remembered by this process is only a hint.

Orders.create prices an order from the APPROVED listing it read last and
places it with a statement that checks the listing is still APPROVED with the
same category and price tiers. These tests change the listing behind the
server's back (as another replica, or a review, would) and check that no
order is ever placed from what the server remembered.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import grpc
import pytest

from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import resources_pb2 as res
from jipan.procurement.v1 import review_service_pb2 as rpb
from tests.mesh import RunningServer
from tests.procurement.helpers import (
    Caller,
    caller,
    create_lot,
    expect_error,
    good_sla,
    order_request,
    procurement_server,
    software_listing,
    unique,
)


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with procurement_server(database_url, tmp_path_factory.mktemp("procurement-orders")) as running:
        yield running


@pytest.fixture
def agency(server: RunningServer, channel: grpc.aio.Channel) -> Caller:
    return caller(server, channel, unique("agency"), ["procurement-buyer"])


async def approved_listing(server: RunningServer, channel: grpc.aio.Channel) -> tuple[str, uuid.UUID]:
    admin = caller(server, channel, "moda", ["procurement-admin"])
    vendor = caller(server, channel, unique("vendor"), ["procurement-vendor"])
    lot = await create_lot(admin, res.CATEGORY_CLOUD_SERVICES)
    created = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(
            parent=f"vendors/{vendor.org}", listing=software_listing(lot, sla=good_sla())
        ),
        metadata=vendor.metadata,
    )
    submitted = await vendor.reviews.SubmitListing(
        rpb.SubmitListingRequest(listing=created.listing.name), metadata=vendor.metadata
    )
    assert submitted.listing.state == res.LISTING_STATE_APPROVED
    return submitted.listing.name, uuid.UUID(submitted.listing.name.rsplit("/", 1)[1])


async def test_orders_follow_a_listing_changed_behind_the_servers_back(
    server: RunningServer, channel: grpc.aio.Channel, agency: Caller
) -> None:
    listing, listing_id = await approved_listing(server, channel)
    database = server.runtime.database
    first_request = order_request(agency, listing, 5)
    first = await agency.orders.CreateOrder(first_request, metadata=agency.metadata)
    assert first.order.unit_price.amount_minor == 12000  # now remembered by the server

    # New prices, written as another replica would: the next order pays them.
    tiers = [
        {"min_quantity": 1, "max_quantity": 99, "unit_price_minor": 15000, "currency_code": "TWD"},
        {"min_quantity": 100, "max_quantity": 0, "unit_price_minor": 11000, "currency_code": "TWD"},
    ]
    stored = await database.fetchval("SELECT price_tiers FROM procurement.listings WHERE id = $1", listing_id)
    assert sorted(stored[0]) == sorted(tiers[0])  # the stored shape this test writes
    await database.execute(
        "UPDATE procurement.listings SET price_tiers = $2::jsonb, update_time = now() WHERE id = $1",
        listing_id,
        tiers,
    )
    repriced = await agency.orders.CreateOrder(order_request(agency, listing, 5), metadata=agency.metadata)
    assert repriced.order.unit_price.amount_minor == 15000
    assert repriced.order.total.amount_minor == 5 * 15000

    # Flagged by a new advisory: visible, no longer orderable; a retry still gets its order.
    await database.execute(
        "UPDATE procurement.listings SET state = 'FLAGGED', update_time = now() WHERE id = $1", listing_id
    )
    await expect_error(
        agency.orders.CreateOrder(order_request(agency, listing, 5), metadata=agency.metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "LISTING_NOT_ORDERABLE",
    )
    retried = await agency.orders.CreateOrder(first_request, metadata=agency.metadata)
    assert retried.order == first.order

    # Approved again with the same tiers: orders flow again, at the stored price.
    await database.execute(
        "UPDATE procurement.listings SET state = 'APPROVED', update_time = now() WHERE id = $1", listing_id
    )
    again = await agency.orders.CreateOrder(order_request(agency, listing, 150), metadata=agency.metadata)
    assert again.order.unit_price.amount_minor == 11000


async def test_retries_through_a_remembered_listing_return_the_first_order(
    server: RunningServer, channel: grpc.aio.Channel, agency: Caller
) -> None:
    listing, _ = await approved_listing(server, channel)
    # The listing is remembered now.
    await agency.orders.CreateOrder(order_request(agency, listing, 1), metadata=agency.metadata)
    request = order_request(agency, listing, 7)
    first = await agency.orders.CreateOrder(request, metadata=agency.metadata)
    replay = await agency.orders.CreateOrder(request, metadata=agency.metadata)
    assert replay.order == first.order
    request.order.quantity = 8
    await expect_error(
        agency.orders.CreateOrder(request, metadata=agency.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "REQUEST_ID_REUSED",
    )
    listed = await agency.orders.ListOrders(
        opb.ListOrdersRequest(parent=f"agencies/{agency.org}"), metadata=agency.metadata
    )
    assert len(listed.orders) == 2


async def test_a_quantity_outside_the_remembered_tiers_is_decided_on_a_fresh_read(
    server: RunningServer, channel: grpc.aio.Channel, agency: Caller
) -> None:
    listing, listing_id = await approved_listing(server, channel)
    await agency.orders.CreateOrder(order_request(agency, listing, 1), metadata=agency.metadata)
    # Tiers now end at 10 (written behind the server's back); 50 was covered before.
    await server.runtime.database.execute(
        "UPDATE procurement.listings SET price_tiers = $2::jsonb WHERE id = $1",
        listing_id,
        [{"min_quantity": 1, "max_quantity": 10, "unit_price_minor": 12000, "currency_code": "TWD"}],
    )
    await expect_error(
        agency.orders.CreateOrder(order_request(agency, listing, 50), metadata=agency.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "QUANTITY_OUT_OF_TIERS",
    )
