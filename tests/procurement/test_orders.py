"""CreateOrder's one-round-trip path: a listing remembered by this process is only a hint.

Orders.create prices an order from the APPROVED listing it read last and
places it with a statement that checks the listing is still APPROVED with the
same category and price tiers. These tests change the listing behind the
server's back (as another replica, or a review, would) and check that no
order is ever placed from what the server remembered.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import grpc
import pytest

from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import resources_pb2 as res
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.servers.procurement.catalog import Listing
from jipan.servers.procurement.names import parse_listing
from jipan.servers.procurement.store import CatalogStore, OrderStore
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


async def test_a_listing_flagged_between_the_fresh_read_and_the_insert_takes_no_order(
    server: RunningServer, channel: grpc.aio.Channel, agency: Caller, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first order of a listing (none remembered) is priced from a fresh read; a review
    flags the listing right after that read: the INSERT must not place the order."""
    listing, listing_id = await approved_listing(server, channel)
    database = server.runtime.database
    original = CatalogStore.get_listing
    flag_after_read = {"armed": True}

    async def read_then_flag(self: CatalogStore, key: Any, *args: Any, **kwargs: Any) -> Any:
        read = await original(self, key, *args, **kwargs)
        if key.id == listing_id and flag_after_read.pop("armed", False):
            await database.execute(
                "UPDATE procurement.listings SET state = 'FLAGGED', update_time = now() WHERE id = $1",
                listing_id,
            )
        return read

    monkeypatch.setattr(CatalogStore, "get_listing", read_then_flag)
    await expect_error(
        agency.orders.CreateOrder(order_request(agency, listing, 5), metadata=agency.metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "LISTING_NOT_ORDERABLE",
    )
    assert not flag_after_read  # the read the test meant to follow happened
    placed = await database.fetchval(
        "SELECT count(*) FROM procurement.orders WHERE listing_id = $1", listing_id
    )
    assert placed == 0


class _CountingOrderStore(OrderStore):
    """An OrderStore that records the size of every statement it sends."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.statements: list[int] = []

    async def _place_many(self, batch: list[Any]) -> list[Any]:
        self.statements.append(len(batch))
        return await super()._place_many(batch)

    async def _place_one(self, params: tuple[Any, ...]) -> Any:
        self.statements.append(1)
        return await super()._place_one(params)


def _placement(agency: str, listing: Listing, quantity: int, **changes: Any) -> dict[str, Any]:
    tier = listing.tier_for(quantity)
    assert tier is not None
    placement: dict[str, Any] = {
        "agency": agency,
        "order_id": uuid.uuid4(),
        "request_id": uuid.uuid4(),
        "fingerprint": uuid.uuid4().bytes,
        "listing": listing,
        "quantity": quantity,
        "budget_code": "113-資訊-01",
        "currency_code": tier.currency_code,
        "unit_price_minor": tier.unit_price_minor,
        "history": [{"state": "PLACED"}],
    }
    placement.update(changes)
    return placement


async def test_concurrent_orders_are_group_committed_and_each_gets_its_own_answer(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    name, _ = await approved_listing(server, channel)
    database = server.runtime.database
    key = parse_listing(name, "listing")
    listing = await CatalogStore(database).get_listing(key)
    assert listing is not None
    store = _CountingOrderStore(database, batch_max=8, writers=1)
    agency = unique("agency")

    fresh = [_placement(agency, listing, quantity) for quantity in range(1, 21)]
    # The same request twice in one batch (a client retrying at once): one order.
    twice = _placement(agency, listing, 3)
    # Priced from tiers the listing no longer has: refused as changed, alone.
    stale_listing = replace(
        listing,
        draft=replace(
            listing.draft, price_tiers=(replace(listing.draft.price_tiers[0], unit_price_minor=1),)
        ),
    )
    stale = _placement(agency, stale_listing, 2)
    # A total no bigint holds: this row fails, the rest of its batch does not.
    overflow = _placement(agency, listing, 5, unit_price_minor=2**62)
    placements = [*fresh[:10], twice, dict(twice, order_id=uuid.uuid4()), stale, overflow, *fresh[10:]]
    results = await asyncio.gather(
        *(store.insert_if_listing_unchanged(**placement) for placement in placements), return_exceptions=True
    )

    # One writer: the calls went in batches of at most 8 (the batch with the
    # overflowing row once whole, then again row by row).
    assert max(store.statements) == 8
    assert len(store.statements) < len(placements)
    assert sum(store.statements) == len(placements) + 8
    by_placement: dict[int, Any] = dict(zip((id(p) for p in placements), results, strict=True))
    for placement in fresh:
        unchanged, row = by_placement[id(placement)]
        assert unchanged
        assert row is not None
        assert row["id"] == placement["order_id"]
        assert row["request_id"] == placement["request_id"]
        assert row["quantity"] == placement["quantity"]
        assert row["total_minor"] == placement["quantity"] * placement["unit_price_minor"]
    first, second = by_placement[id(placements[10])], by_placement[id(placements[11])]
    assert first[0]
    assert second[0]
    # One placed the order; the other found it placed (and looks it up, as a retry).
    assert sorted(row is None for _, row in (first, second)) == [False, True]
    placed_twice = next(row for _, row in (first, second) if row is not None)
    assert by_placement[id(stale)] == (False, None)
    assert isinstance(by_placement[id(overflow)], Exception)

    stored = await database.fetch(
        "SELECT id, request_id, quantity FROM procurement.orders WHERE agency = $1 ORDER BY quantity", agency
    )
    assert {row["id"] for row in stored} == {p["order_id"] for p in fresh} | {placed_twice["id"]}
    assert not await database.fetchval(
        "SELECT count(*) FROM procurement.orders WHERE request_id = ANY($1::uuid[])",
        [stale["request_id"], overflow["request_id"]],
    )


async def test_orders_placed_at_once_over_grpc_are_all_there_and_none_twice(
    server: RunningServer, channel: grpc.aio.Channel, agency: Caller
) -> None:
    listing, _ = await approved_listing(server, channel)
    await agency.orders.CreateOrder(order_request(agency, listing, 1), metadata=agency.metadata)  # remembered
    requests = [order_request(agency, listing, quantity) for quantity in range(2, 42)]
    retried = requests[:5]
    answers = await asyncio.gather(
        *(agency.orders.CreateOrder(request, metadata=agency.metadata) for request in [*requests, *retried])
    )
    first, again = answers[: len(requests)], answers[len(requests) :]
    assert [answer.order.quantity for answer in first] == list(range(2, 42))
    assert len({answer.order.name for answer in first}) == len(requests)
    assert [answer.order for answer in again] == [answer.order for answer in first[:5]]
    listed = await agency.orders.ListOrders(
        opb.ListOrdersRequest(parent=f"agencies/{agency.org}", page_size=100), metadata=agency.metadata
    )
    assert len(listed.orders) == 1 + len(requests)
