"""CatalogService end to end: real server on port 0, real PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from jipan.clients import error_details
from jipan.common.v1 import money_pb2
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import resources_pb2 as res
from jipan.servers import ledger, procurement, system
from tests.mesh import RunningServer, make_settings, running_server
from tests.procurement.helpers import (
    READ_WRITE,
    Caller,
    caller,
    create_lot,
    expect_error,
    good_sla,
    software_listing,
    twd,
    unique,
)


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    settings = make_settings(database_url, tmp_path_factory.mktemp("procurement-catalog"))
    async with running_server(settings, [system.SERVICE, ledger.SERVICE, procurement.SERVICE]) as running:
        yield running


async def test_lots_are_created_listed_by_category_and_paginated(admin: Caller) -> None:
    names = [await create_lot(admin, res.CATEGORY_CLOUD_SERVICES) for _ in range(3)]
    got = await admin.catalog.GetLot(cpb.GetLotRequest(name=names[0]), metadata=admin.metadata)
    assert got.lot.category == res.CATEGORY_CLOUD_SERVICES
    seen: list[str] = []
    token = ""
    while True:
        page = await admin.catalog.ListLots(
            cpb.ListLotsRequest(category=res.CATEGORY_CLOUD_SERVICES, page_size=2, page_token=token),
            metadata=admin.metadata,
        )
        assert len(page.lots) <= 2
        seen += [lot.name for lot in page.lots]
        token = page.next_page_token
        if not token:
            break
    assert set(names) <= set(seen)
    assert len(seen) == len(set(seen))


async def test_lot_creation_needs_the_admin_role_and_rejects_duplicates(
    admin: Caller, vendor: Caller
) -> None:
    lot = res.Lot(display_name="x", category=res.CATEGORY_PACKAGED_SOFTWARE, contract_number="C-1")
    await expect_error(
        vendor.catalog.CreateLot(cpb.CreateLotRequest(lot=lot), metadata=vendor.metadata),
        grpc.StatusCode.PERMISSION_DENIED,
        "ROLE_MISSING",
    )
    lot_id = unique("lot")
    await admin.catalog.CreateLot(cpb.CreateLotRequest(lot=lot, lot_id=lot_id), metadata=admin.metadata)
    await expect_error(
        admin.catalog.CreateLot(cpb.CreateLotRequest(lot=lot, lot_id=lot_id), metadata=admin.metadata),
        grpc.StatusCode.ALREADY_EXISTS,
        "LOT_EXISTS",
    )
    await expect_error(
        admin.catalog.CreateLot(
            cpb.CreateLotRequest(lot=res.Lot(display_name="x", contract_number="C")), metadata=admin.metadata
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )


async def test_a_vendor_creates_a_draft_listing_idempotently(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin)
    request = cpb.CreateListingRequest(
        parent=f"vendors/{vendor.org}", listing=software_listing(lot), request_id=str(uuid.uuid4())
    )
    first = await vendor.catalog.CreateListing(request, metadata=vendor.metadata)
    again = await vendor.catalog.CreateListing(request, metadata=vendor.metadata)
    assert first.listing.name == again.listing.name
    assert first.listing.state == res.LISTING_STATE_DRAFT
    assert first.listing.lot == lot
    assert first.listing.price_tiers[1].unit_price.amount_minor == 9000
    request.listing.product_version = "9.9"
    await expect_error(
        vendor.catalog.CreateListing(request, metadata=vendor.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "REQUEST_ID_REUSED",
    )


async def test_another_org_cannot_list_for_a_vendor_nor_see_its_draft(
    server: RunningServer, channel: grpc.aio.Channel, admin: Caller, vendor: Caller
) -> None:
    lot = await create_lot(admin)
    other = caller(server, channel, unique("vendor"), ["procurement-vendor"])
    await expect_error(
        other.catalog.CreateListing(
            cpb.CreateListingRequest(parent=f"vendors/{vendor.org}", listing=software_listing(lot)),
            metadata=other.metadata,
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    created = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(parent=f"vendors/{vendor.org}", listing=software_listing(lot)),
        metadata=vendor.metadata,
    )
    await expect_error(
        other.catalog.GetListing(cpb.GetListingRequest(name=created.listing.name), metadata=other.metadata),
        grpc.StatusCode.NOT_FOUND,
        "LISTING_NOT_FOUND",
    )
    found = await other.catalog.SearchListings(
        cpb.SearchListingsRequest(vendor=f"vendors/{vendor.org}"), metadata=other.metadata
    )
    assert not found.listings
    own = await vendor.catalog.SearchListings(
        cpb.SearchListingsRequest(vendor=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    assert [listing.name for listing in own.listings] == [created.listing.name]


@pytest.mark.parametrize(
    ("tiers", "field"),
    [
        ([], "listing.price_tiers"),
        (
            [
                res.PriceTier(min_quantity=1, max_quantity=10, unit_price=twd(100)),
                res.PriceTier(min_quantity=10, max_quantity=0, unit_price=twd(90)),
            ],
            "listing.price_tiers[1].min_quantity",
        ),
        (
            [
                res.PriceTier(min_quantity=1, max_quantity=0, unit_price=twd(100)),
                res.PriceTier(min_quantity=2, max_quantity=5, unit_price=twd(90)),
            ],
            "listing.price_tiers[0]",
        ),
        ([res.PriceTier(min_quantity=1, unit_price=twd(0))], "listing.price_tiers[0].unit_price"),
        (
            [res.PriceTier(min_quantity=1, unit_price=money_pb2.Money(currency_code="USD", amount_minor=5))],
            "listing.price_tiers[0].unit_price.currency_code",
        ),
    ],
    ids=["none", "overlap", "unbounded-not-last", "free", "not-twd"],
)
async def test_bad_price_tiers_are_rejected_and_nothing_is_stored(
    admin: Caller, vendor: Caller, tiers: list[res.PriceTier], field: str
) -> None:
    lot = await create_lot(admin)
    error = await expect_error(
        vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}", listing=software_listing(lot, price_tiers=tiers)
            ),
            metadata=vendor.metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PRICE_TIERS_INVALID",
    )
    assert error_details(error).metadata["field"] == field
    own = await vendor.catalog.SearchListings(
        cpb.SearchListingsRequest(vendor=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    assert not own.listings


async def test_licence_terms_and_sla_are_checked(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin)
    await expect_error(
        vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}",
                listing=software_listing(
                    lot,
                    licence_terms=res.LicenceTerms(
                        distribution=res.DISTRIBUTION_OPEN_SOURCE, spdx_expression="MIT AND ("
                    ),
                ),
            ),
            metadata=vendor.metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "LICENCE_TERMS_INVALID",
    )
    cloud_lot = await create_lot(admin, res.CATEGORY_CLOUD_SERVICES)
    error = await expect_error(
        vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}",
                listing=software_listing(cloud_lot, sla=good_sla(data_locations=["Taiwan"])),
            ),
            metadata=vendor.metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "SLA_INVALID",
    )
    assert error_details(error).metadata["field"] == "listing.sla.data_locations[0]"
    await expect_error(
        vendor.catalog.CreateListing(
            cpb.CreateListingRequest(parent=f"vendors/{vendor.org}", listing=software_listing(cloud_lot)),
            metadata=vendor.metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "SLA_INVALID",
    )
    await expect_error(
        vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}", listing=software_listing("lots/no-such-lot")
            ),
            metadata=vendor.metadata,
        ),
        grpc.StatusCode.NOT_FOUND,
        "LOT_NOT_FOUND",
    )


async def test_update_listing_applies_the_mask_and_reindexes(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin)
    created = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(parent=f"vendors/{vendor.org}", listing=software_listing(lot)),
        metadata=vendor.metadata,
    )
    change = res.Listing(name=created.listing.name, description="資安監控 SOC 服務", product_name="ignored")
    updated = await vendor.catalog.UpdateListing(
        cpb.UpdateListingRequest(listing=change, update_mask=FieldMask(paths=["description"])),
        metadata=vendor.metadata,
    )
    assert updated.listing.description == "資安監控 SOC 服務"
    assert updated.listing.product_name == created.listing.product_name
    hits = await vendor.catalog.SearchListings(
        cpb.SearchListingsRequest(query="資安監控", vendor=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    assert [listing.name for listing in hits.listings] == [created.listing.name]
    await expect_error(
        vendor.catalog.UpdateListing(
            cpb.UpdateListingRequest(listing=change, update_mask=FieldMask(paths=["state"])),
            metadata=vendor.metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "UPDATE_MASK_INVALID",
    )


async def test_search_matches_chinese_bigrams_and_english_words(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin)
    names = {}
    for product in ("雲端備份服務 CloudVault", "電子公文系統 DocFlow", "資安事件監控 SecureWatch"):
        created = await vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}",
                listing=software_listing(lot, product_name=product, description=""),
            ),
            metadata=vendor.metadata,
        )
        names[product] = created.listing.name

    async def search(query: str) -> list[str]:
        found = await vendor.catalog.SearchListings(
            cpb.SearchListingsRequest(query=query, vendor=f"vendors/{vendor.org}"), metadata=vendor.metadata
        )
        return [listing.name for listing in found.listings]

    assert await search("備份") == [names["雲端備份服務 CloudVault"]]
    assert await search("公文") == [names["電子公文系統 DocFlow"]]
    assert await search("cloudvault") == [names["雲端備份服務 CloudVault"]]
    assert await search("監控 securewatch") == [names["資安事件監控 SecureWatch"]]
    assert await search("備份 docflow") == []
    assert set(await search("")) == set(names.values())

    # Name matches rank before description matches, in Chinese too.
    described = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(
            parent=f"vendors/{vendor.org}",
            listing=software_listing(lot, product_name="NAS 儲存設備", description="含異地備份服務"),
        ),
        metadata=vendor.metadata,
    )
    assert await search("備份服務") == [names["雲端備份服務 CloudVault"], described.listing.name]


async def test_search_pages_through_name_matches_then_the_others(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin)
    named, described = [], []
    for i in range(3):
        created = await vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}",
                listing=software_listing(lot, product_name=f"資安閘道 Gateway {i}", description=""),
            ),
            metadata=vendor.metadata,
        )
        named.append(created.listing.name)
    for i in range(3):
        created = await vendor.catalog.CreateListing(
            cpb.CreateListingRequest(
                parent=f"vendors/{vendor.org}",
                listing=software_listing(lot, product_name=f"Appliance {i}", description="內建資安閘道"),
            ),
            metadata=vendor.metadata,
        )
        described.append(created.listing.name)
    seen: list[str] = []
    token = ""
    while True:
        page = await vendor.catalog.SearchListings(
            cpb.SearchListingsRequest(
                query="資安閘道", vendor=f"vendors/{vendor.org}", page_size=2, page_token=token
            ),
            metadata=vendor.metadata,
        )
        assert len(page.listings) <= 2
        seen += [listing.name for listing in page.listings]
        token = page.next_page_token
        if not token:
            break
    assert seen == list(reversed(named)) + list(reversed(described))


async def test_the_org_claim_is_identitys_resource_name(
    server: RunningServer, channel: grpc.aio.Channel, admin: Caller
) -> None:
    """Identity puts "orgs/{id}" in the token's `org`; a vendor's parent is "vendors/{id}".
    A token whose claim is not in identity's form speaks for no organisation."""
    lot = await create_lot(admin)
    org = unique("vendor")
    bare = server.metadata(subject="people/x", scopes=READ_WRITE, org=org, roles=("procurement-vendor",))
    await expect_error(
        cpb_grpc.CatalogServiceStub(channel).CreateListing(
            cpb.CreateListingRequest(parent=f"vendors/{org}", listing=software_listing(lot)), metadata=bare
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
