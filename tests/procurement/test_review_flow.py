"""The listing review gate and orders end to end: real server, real PostgreSQL, the ledger's
in-process EVM; decisions anchored through the ledger's gRPC contract and verified there."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from jipan.clients import error_details
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
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

FIXTURES = Path(__file__).with_name("fixtures")
JSON = rpb.SBOM_FORMAT_CYCLONEDX_JSON
XML = rpb.SBOM_FORMAT_CYCLONEDX_XML


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def advisories(*ids: str) -> bytes:
    return json.dumps([json.loads(fixture(f"{i}.json")) for i in ids]).encode()


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with procurement_server(database_url, tmp_path_factory.mktemp("procurement-review")) as running:
        yield running


async def new_listing(vendor: Caller, lot: str, **overrides: object) -> str:
    created = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(parent=f"vendors/{vendor.org}", listing=software_listing(lot, **overrides)),
        metadata=vendor.metadata,
    )
    return created.listing.name


async def submit(
    vendor: Caller, listing: str, sbom: bytes = b"", fmt: rpb.SbomFormat.ValueType = JSON
) -> rpb.SubmitListingResponse:
    response: rpb.SubmitListingResponse = await vendor.reviews.SubmitListing(
        rpb.SubmitListingRequest(
            listing=listing, sbom=sbom, sbom_format=fmt if sbom else rpb.SBOM_FORMAT_UNSPECIFIED
        ),
        metadata=vendor.metadata,
    )
    return response


async def test_review_gate_anchors_decisions_and_new_advisories_flag_listings(
    server: RunningServer, channel: grpc.aio.Channel, admin: Caller, vendor: Caller
) -> None:
    imported = await admin.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(
            osv_data=advisories("GHSA-jfh8-c2jp-5v3q", "GHSA-35jh-r3h4-6jhm", "GHSA-h5c8-rqwp-cp95")
        ),
        metadata=admin.metadata,
    )
    assert imported.added + imported.updated >= 0  # a re-run of the module may find them stored
    lot = await create_lot(admin)

    vulnerable = await new_listing(vendor, lot, product_name="案件追蹤 CaseTracker")
    bad = await submit(vendor, vulnerable, fixture("sbom-1.5-log4j.cdx.json"))
    assert bad.review.decision == res.DECISION_CHANGES_REQUESTED
    assert bad.listing.state == res.LISTING_STATE_CHANGES_REQUESTED
    log4j = [f for f in bad.review.findings if f.advisory_id == "GHSA-jfh8-c2jp-5v3q"]
    assert len(log4j) == 1
    assert log4j[0].blocking
    assert log4j[0].component_purl == "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"
    assert log4j[0].fixed_version == "2.15.0"
    assert "CVE-2021-44228" in log4j[0].aliases
    assert bad.review.component_count == 4
    assert bad.review.sbom_spec_version == "1.5"
    assert not [f for f in bad.review.findings if "lodash" in f.component_purl]  # 4.17.21 is the fix

    clean_name = await new_listing(vendor, lot, product_name="案件追蹤 CaseTracker 2")
    clean = await submit(vendor, clean_name, fixture("sbom-1.5-clean.cdx.json"))
    assert clean.review.decision == res.DECISION_APPROVED
    assert clean.listing.state == res.LISTING_STATE_APPROVED
    assert not [f for f in clean.review.findings if f.blocking]

    # Each decision's digest is on the ledger, under the receipt the review names.
    ledger_reader = lpb_grpc.LedgerServiceStub(channel)
    read = server.metadata(subject="people/auditor", scopes=("ledger.read",))
    for review in (bad.review, clean.review):
        assert review.ledger_receipt.startswith("receipts/")
        receipt = await ledger_reader.GetReceipt(
            lpb.GetReceiptRequest(name=review.ledger_receipt), metadata=read
        )
        assert receipt.receipt.digest == review.decision_digest

    # Other vendors and agencies see the approved listing in search; not the rejected one.
    outsider = caller(server, channel, unique("agency"), ["procurement-buyer"])
    found = await outsider.catalog.SearchListings(
        cpb.SearchListingsRequest(query="CaseTracker", vendor=f"vendors/{vendor.org}"),
        metadata=outsider.metadata,
    )
    assert [listing.name for listing in found.listings] == [clean_name]

    # A watcher is active before the advisory arrives.
    watch = vendor.reviews.WatchNotifications(
        rpb.WatchNotificationsRequest(parent=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    first = await watch.read()
    assert isinstance(first, rpb.WatchNotificationsResponse)
    assert not first.notifications

    later = await admin.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=advisories("GHSA-gmj6-6f8f-6699")), metadata=admin.metadata
    )
    assert clean_name in later.flagged_listings
    # Both listings contain jinja2; only the approved one is re-reviewed (and flagged).
    assert later.listings_rereviewed == 1
    flagged = await vendor.catalog.GetListing(
        cpb.GetListingRequest(name=clean_name), metadata=vendor.metadata
    )
    assert flagged.listing.state == res.LISTING_STATE_FLAGGED
    await expect_error(  # still visible, no longer orderable
        outsider.orders.CreateOrder(order_request(outsider, clean_name, 1), metadata=outsider.metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "LISTING_NOT_ORDERABLE",
    )
    notices = await vendor.reviews.ListNotifications(
        rpb.ListNotificationsRequest(parent=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    assert [n.listing for n in notices.notifications] == [clean_name]
    assert list(notices.notifications[0].advisory_ids) == ["GHSA-gmj6-6f8f-6699"]
    pushed = await asyncio.wait_for(watch.read(), timeout=10)
    assert isinstance(pushed, rpb.WatchNotificationsResponse)
    assert [n.name for n in pushed.notifications] == [notices.notifications[0].name]
    watch.cancel()

    reviews = await vendor.reviews.ListReviews(
        rpb.ListReviewsRequest(parent=clean_name), metadata=vendor.metadata
    )
    assert [r.trigger for r in reviews.reviews] == ["ADVISORY_IMPORT", "SUBMISSION"]

    # Importing the same advisories again changes nothing and re-reviews nothing.
    again = await admin.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=advisories("GHSA-gmj6-6f8f-6699")), metadata=admin.metadata
    )
    assert (again.added, again.updated, again.listings_rereviewed) == (0, 0, 0)


async def test_a_reviewer_accepts_a_findings_risk(admin: Caller, reviewer: Caller, vendor: Caller) -> None:
    await admin.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=advisories("GHSA-jfh8-c2jp-5v3q")), metadata=admin.metadata
    )
    lot = await create_lot(admin)
    name = await new_listing(vendor, lot)
    bad = await submit(vendor, name, fixture("sbom-1.5-log4j.cdx.json"))
    blocking = [f for f in bad.review.findings if f.blocking]
    assert blocking
    await expect_error(
        vendor.reviews.AcceptFindingRisk(
            rpb.AcceptFindingRiskRequest(
                review=bad.review.name, finding_id=blocking[0].id, justification="x" * 20
            ),
            metadata=vendor.metadata,
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ROLE_MISSING",
    )
    await expect_error(
        reviewer.reviews.AcceptFindingRisk(
            rpb.AcceptFindingRiskRequest(review=bad.review.name, finding_id="nope", justification="x" * 20),
            metadata=reviewer.metadata,
        ),
        grpc.StatusCode.NOT_FOUND,
        "FINDING_NOT_FOUND",
    )
    response = None
    for finding in blocking:
        current = bad.review.name if response is None else response.review.name
        response = await reviewer.reviews.AcceptFindingRisk(
            rpb.AcceptFindingRiskRequest(
                review=current,
                finding_id=finding.id,
                justification="JNDI lookups are disabled by the deployment (log4j2.formatMsgNoLookups)",
            ),
            metadata=reviewer.metadata,
        )
    assert response is not None
    assert response.review.decision == res.DECISION_APPROVED
    assert response.review.trigger == "RISK_ACCEPTANCE"
    assert response.listing.state == res.LISTING_STATE_APPROVED
    accepted = next(f for f in response.review.findings if f.id == blocking[0].id)
    assert not accepted.blocking
    assert accepted.risk_acceptance.reviewer == "people/reviewer"
    assert response.review.decision_digest != bad.review.decision_digest
    await expect_error(
        reviewer.reviews.AcceptFindingRisk(
            rpb.AcceptFindingRiskRequest(
                review=bad.review.name, finding_id=blocking[0].id, justification="x" * 20
            ),
            metadata=reviewer.metadata,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "REVIEW_NOT_LATEST",
    )


@pytest.mark.parametrize(
    ("sbom", "fmt", "reason"),
    [
        (b"{not json", JSON, "SBOM_MALFORMED"),
        (fixture("sbom-1.2.cdx.json"), JSON, "SBOM_SPEC_VERSION_UNSUPPORTED"),
        (
            b'{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": 5}]}',
            JSON,
            "SBOM_SCHEMA_INVALID",
        ),
        (b"", JSON, "SBOM_REQUIRED"),
    ],
    ids=["malformed", "spec-1.2", "schema", "missing"],
)
async def test_bad_sboms_are_rejected_and_nothing_is_stored(
    admin: Caller, vendor: Caller, sbom: bytes, fmt: rpb.SbomFormat.ValueType, reason: str
) -> None:
    lot = await create_lot(admin)
    name = await new_listing(vendor, lot)
    await expect_error(submit(vendor, name, sbom, fmt), grpc.StatusCode.INVALID_ARGUMENT, reason)
    listing = await vendor.catalog.GetListing(cpb.GetListingRequest(name=name), metadata=vendor.metadata)
    assert listing.listing.state == res.LISTING_STATE_DRAFT
    assert not listing.listing.latest_review
    reviews = await vendor.reviews.ListReviews(rpb.ListReviewsRequest(parent=name), metadata=vendor.metadata)
    assert not reviews.reviews


async def test_an_oversized_sbom_is_refused_by_the_contract(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin)
    name = await new_listing(vendor, lot)
    error = await expect_error(
        submit(vendor, name, b" " * (15 * 1024 * 1024 + 1)), grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID"
    )
    assert list(error_details(error).field_violations) == ["sbom"]
    listing = await vendor.catalog.GetListing(cpb.GetListingRequest(name=name), metadata=vendor.metadata)
    assert listing.listing.state == res.LISTING_STATE_DRAFT
    assert not listing.listing.latest_review


async def test_xml_sboms_are_reviewed_too(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin)
    name = await new_listing(vendor, lot)
    response = await submit(vendor, name, fixture("sbom-1.4.cdx.xml"), XML)
    assert response.review.sbom_spec_version == "1.4"
    assert response.review.component_count > 0


async def test_cloud_listings_are_reviewed_on_their_sla(admin: Caller, vendor: Caller) -> None:
    lot = await create_lot(admin, res.CATEGORY_CLOUD_SERVICES)
    good = await submit(vendor, await new_listing(vendor, lot, sla=good_sla()))
    assert good.review.decision == res.DECISION_APPROVED
    weak_sla = good_sla(
        availability_basis_points=9900, data_locations=["US"], support_hours=res.SUPPORT_HOURS_BUSINESS
    )
    weak = await submit(vendor, await new_listing(vendor, lot, sla=weak_sla))
    assert weak.review.decision == res.DECISION_CHANGES_REQUESTED
    assert {f.kind for f in weak.review.findings} == {res.FINDING_KIND_SLA}
    assert len([f for f in weak.review.findings if f.blocking]) >= 3
    lab = res.LabReport(reference="TAF-19086-0042", standard="CNS 19086", laboratory="TAF lab", valid=True)
    weak_sla.lab_report.CopyFrom(lab)
    certified = await submit(vendor, await new_listing(vendor, lot, sla=weak_sla))
    assert certified.review.decision == res.DECISION_APPROVED  # a valid CNS 19086 report skips the checks


async def approved_listing(admin: Caller, vendor: Caller) -> str:
    lot = await create_lot(admin, res.CATEGORY_CLOUD_SERVICES)
    response = await submit(vendor, await new_listing(vendor, lot, sla=good_sla()))
    assert response.listing.state == res.LISTING_STATE_APPROVED
    return response.listing.name


async def test_order_lifecycle_with_tier_prices_and_party_checks(
    server: RunningServer, channel: grpc.aio.Channel, admin: Caller, vendor: Caller
) -> None:
    listing = await approved_listing(admin, vendor)
    agency = caller(server, channel, unique("agency"), ["procurement-buyer"])
    other_agency = caller(server, channel, unique("agency"), ["procurement-buyer"])
    placed = await agency.orders.CreateOrder(order_request(agency, listing, 150), metadata=agency.metadata)
    order = placed.order
    assert order.state == res.ORDER_STATE_PLACED
    assert order.unit_price.amount_minor == 9000
    assert order.total.amount_minor == 150 * 9000
    assert order.total.currency_code == "TWD"

    # The agency's own staff may hold a vendor role too; still only the listing's vendor confirms.
    both = caller(server, channel, agency.org, ["procurement-buyer", "procurement-vendor"])
    await expect_error(
        both.orders.ConfirmOrder(opb.ConfirmOrderRequest(name=order.name), metadata=both.metadata),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORDER_PARTY_MISMATCH",
    )
    await expect_error(
        other_agency.orders.GetOrder(opb.GetOrderRequest(name=order.name), metadata=other_agency.metadata),
        grpc.StatusCode.NOT_FOUND,
        "ORDER_NOT_FOUND",
    )
    await expect_error(
        vendor.orders.DeliverOrder(opb.DeliverOrderRequest(name=order.name), metadata=vendor.metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "ORDER_STATE_INVALID",
    )
    await vendor.orders.ConfirmOrder(opb.ConfirmOrderRequest(name=order.name), metadata=vendor.metadata)
    again = await vendor.orders.ConfirmOrder(
        opb.ConfirmOrderRequest(name=order.name), metadata=vendor.metadata
    )
    assert again.order.state == res.ORDER_STATE_CONFIRMED
    assert len(again.order.history) == 2
    await vendor.orders.DeliverOrder(opb.DeliverOrderRequest(name=order.name), metadata=vendor.metadata)
    await expect_error(
        agency.orders.DisputeOrder(opb.DisputeOrderRequest(name=order.name), metadata=agency.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "NOTE_REQUIRED",
    )
    await agency.orders.DisputeOrder(
        opb.DisputeOrderRequest(name=order.name, note="交付版本錯誤 wrong version delivered"),
        metadata=agency.metadata,
    )
    await vendor.orders.DeliverOrder(
        opb.DeliverOrderRequest(name=order.name, note="3.2.1"), metadata=vendor.metadata
    )
    await agency.orders.AcceptOrder(opb.AcceptOrderRequest(name=order.name), metadata=agency.metadata)
    paid = await agency.orders.PayOrder(opb.PayOrderRequest(name=order.name), metadata=agency.metadata)
    states = [event.state for event in paid.order.history]
    assert states == [
        res.ORDER_STATE_PLACED,
        res.ORDER_STATE_CONFIRMED,
        res.ORDER_STATE_DELIVERED,
        res.ORDER_STATE_DISPUTED,
        res.ORDER_STATE_DELIVERED,
        res.ORDER_STATE_ACCEPTED,
        res.ORDER_STATE_PAID,
    ]
    assert [event.actor_org for event in paid.order.history][:2] == [
        f"orgs/{agency.org}",
        f"orgs/{vendor.org}",
    ]

    # Each side lists its own: the agency its orders, the vendor the orders of its listings.
    mine = await agency.orders.ListOrders(
        opb.ListOrdersRequest(parent=f"agencies/{agency.org}"), metadata=agency.metadata
    )
    assert [o.name for o in mine.orders] == [order.name]
    theirs = await vendor.orders.ListOrders(
        opb.ListOrdersRequest(parent=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    assert [o.name for o in theirs.orders] == [order.name]
    await expect_error(
        other_agency.orders.ListOrders(
            opb.ListOrdersRequest(parent=f"agencies/{agency.org}"), metadata=other_agency.metadata
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    empty = await other_agency.orders.ListOrders(
        opb.ListOrdersRequest(parent=f"agencies/{other_agency.org}"), metadata=other_agency.metadata
    )
    assert not empty.orders


async def test_orders_reject_unorderable_listings_and_quantities(
    server: RunningServer, channel: grpc.aio.Channel, admin: Caller, vendor: Caller
) -> None:
    agency = caller(server, channel, unique("agency"), ["procurement-buyer"])
    lot = await create_lot(admin)
    draft = await new_listing(vendor, lot)
    await expect_error(
        agency.orders.CreateOrder(order_request(agency, draft, 1), metadata=agency.metadata),
        grpc.StatusCode.NOT_FOUND,
        "LISTING_NOT_FOUND",
    )
    listing = await approved_listing(admin, vendor)
    await expect_error(
        agency.orders.CreateOrder(order_request(agency, listing, 0), metadata=agency.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )
    request = order_request(agency, listing, 5)
    first = await agency.orders.CreateOrder(request, metadata=agency.metadata)
    # The vendor changes the listing (back to DRAFT, no longer orderable): a retry of the
    # order placed before still returns that order, a new order is refused.
    await vendor.catalog.UpdateListing(
        cpb.UpdateListingRequest(
            listing=res.Listing(name=listing, support="24x7"), update_mask=FieldMask(paths=["support"])
        ),
        metadata=vendor.metadata,
    )
    replay = await agency.orders.CreateOrder(request, metadata=agency.metadata)
    assert replay.order.name == first.order.name
    await expect_error(  # a DRAFT is its vendor's alone: others do not see it
        agency.orders.CreateOrder(order_request(agency, listing, 5), metadata=agency.metadata),
        grpc.StatusCode.NOT_FOUND,
        "LISTING_NOT_FOUND",
    )
    request.order.quantity = 6
    await expect_error(
        agency.orders.CreateOrder(request, metadata=agency.metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "REQUEST_ID_REUSED",
    )


async def test_hundreds_of_concurrent_orders_none_lost_none_doubled(
    server: RunningServer, channel: grpc.aio.Channel, admin: Caller, vendor: Caller
) -> None:
    listing = await approved_listing(admin, vendor)
    agency = caller(server, channel, unique("agency"), ["procurement-buyer"])
    ids = [str(uuid.uuid4()) for _ in range(300)]
    # Every request is sent twice at the same time: a retry racing its original.
    calls = [
        agency.orders.CreateOrder(
            order_request(agency, listing, 1 + i % 120, request_id), metadata=agency.metadata
        )
        for i, request_id in enumerate(ids)
        for _ in range(2)
    ]
    responses = await asyncio.gather(*calls)
    names = {response.order.name for response in responses}
    assert len(names) == len(ids)
    seen: list[str] = []
    token = ""
    while True:
        page = await agency.orders.ListOrders(
            opb.ListOrdersRequest(parent=f"agencies/{agency.org}", page_size=100, page_token=token),
            metadata=agency.metadata,
        )
        seen += [order.name for order in page.orders]
        token = page.next_page_token
        if not token:
            break
    assert sorted(seen) == sorted(names)
