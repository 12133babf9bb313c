"""CatalogService, ListingReviewService and OrderService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc

from jipan.interceptors.context import current_principal
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import order_service_pb2 as opb
from jipan.procurement.v1 import order_service_pb2_grpc as opb_grpc
from jipan.procurement.v1 import resources_pb2 as res
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.servers.procurement.convert import (
    CATEGORY_FROM_PB,
    ORDER_STATE_FROM_PB,
    STATE_FROM_PB,
    draft_from_pb,
    listing_to_pb,
    lot_from_pb,
    lot_to_pb,
    order_to_pb,
    timestamp,
)
from jipan.servers.procurement.domain import Catalog
from jipan.servers.procurement.names import notification_name, parse_listing, parse_order
from jipan.servers.procurement.orders import Orders, Step
from jipan.servers.procurement.reviews import Reviews, StoredReview

Context = grpc.aio.ServicerContext[Any, Any]


class CatalogServicer(cpb_grpc.CatalogServiceServicer):
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    async def CreateLot(self, request: cpb.CreateLotRequest, context: Context) -> cpb.CreateLotResponse:
        lot = await self._catalog.create_lot(lot_from_pb(request.lot, request.lot_id))
        return cpb.CreateLotResponse(lot=lot_to_pb(lot))

    async def GetLot(self, request: cpb.GetLotRequest, context: Context) -> cpb.GetLotResponse:
        return cpb.GetLotResponse(lot=lot_to_pb(await self._catalog.get_lot(request.name)))

    async def ListLots(self, request: cpb.ListLotsRequest, context: Context) -> cpb.ListLotsResponse:
        page = await self._catalog.list_lots(
            CATEGORY_FROM_PB.get(request.category), request.page_size, request.page_token
        )
        return cpb.ListLotsResponse(
            lots=[lot_to_pb(lot) for lot in page.items], next_page_token=page.next_page_token
        )

    async def CreateListing(
        self,
        request: cpb.CreateListingRequest,
        context: Context,
    ) -> cpb.CreateListingResponse:
        listing = await self._catalog.create_listing(
            current_principal(),
            request.parent,
            draft_from_pb(request.listing),
            request.request_id,
            request.SerializeToString(deterministic=True),
        )
        return cpb.CreateListingResponse(listing=listing_to_pb(listing))

    async def GetListing(self, request: cpb.GetListingRequest, context: Context) -> cpb.GetListingResponse:
        listing = await self._catalog.visible_listing(current_principal(), parse_listing(request.name))
        return cpb.GetListingResponse(listing=listing_to_pb(listing))

    async def UpdateListing(
        self,
        request: cpb.UpdateListingRequest,
        context: Context,
    ) -> cpb.UpdateListingResponse:
        listing = await self._catalog.update_listing(
            current_principal(),
            parse_listing(request.listing.name, "listing.name"),
            draft_from_pb(request.listing),
            list(request.update_mask.paths),
        )
        return cpb.UpdateListingResponse(listing=listing_to_pb(listing))

    async def SearchListings(
        self,
        request: cpb.SearchListingsRequest,
        context: Context,
    ) -> cpb.SearchListingsResponse:
        page = await self._catalog.search(
            current_principal(),
            query=request.query,
            category=CATEGORY_FROM_PB.get(request.category),
            lot=request.lot,
            vendor=request.vendor,
            state=STATE_FROM_PB.get(request.state),
            max_unit_price_minor=request.max_unit_price_minor,
            page_size=request.page_size,
            page_token=request.page_token,
        )
        return cpb.SearchListingsResponse(
            listings=[listing_to_pb(listing) for listing in page.items], next_page_token=page.next_page_token
        )


class OrderServicer(opb_grpc.OrderServiceServicer):
    def __init__(self, orders: Orders) -> None:
        self._orders = orders

    async def CreateOrder(self, request: opb.CreateOrderRequest, context: Context) -> opb.CreateOrderResponse:
        row = await self._orders.create(
            current_principal(),
            parent=request.parent,
            listing_name=request.order.listing,
            quantity=request.order.quantity,
            budget_code=request.order.budget_code,
            request_id=request.request_id,
            request_body=request.SerializeToString(deterministic=True),
        )
        return opb.CreateOrderResponse(order=order_to_pb(row))

    async def GetOrder(self, request: opb.GetOrderRequest, context: Context) -> opb.GetOrderResponse:
        row = await self._orders.get(current_principal(), parse_order(request.name))
        return opb.GetOrderResponse(order=order_to_pb(row))

    async def ListOrders(self, request: opb.ListOrdersRequest, context: Context) -> opb.ListOrdersResponse:
        page = await self._orders.list(
            current_principal(),
            parent=request.parent,
            state=ORDER_STATE_FROM_PB.get(request.state),
            page_size=request.page_size,
            page_token=request.page_token,
        )
        return opb.ListOrdersResponse(
            orders=[order_to_pb(row) for row in page.orders], next_page_token=page.next_page_token
        )

    async def ConfirmOrder(
        self, request: opb.ConfirmOrderRequest, context: Context
    ) -> opb.ConfirmOrderResponse:
        order = await self._orders.advance(
            current_principal(), parse_order(request.name), Step.CONFIRM, request.note
        )
        return opb.ConfirmOrderResponse(order=order_to_pb(order))

    async def DeliverOrder(
        self, request: opb.DeliverOrderRequest, context: Context
    ) -> opb.DeliverOrderResponse:
        order = await self._orders.advance(
            current_principal(), parse_order(request.name), Step.DELIVER, request.note
        )
        return opb.DeliverOrderResponse(order=order_to_pb(order))

    async def AcceptOrder(self, request: opb.AcceptOrderRequest, context: Context) -> opb.AcceptOrderResponse:
        order = await self._orders.advance(
            current_principal(), parse_order(request.name), Step.ACCEPT, request.note
        )
        return opb.AcceptOrderResponse(order=order_to_pb(order))

    async def DisputeOrder(
        self, request: opb.DisputeOrderRequest, context: Context
    ) -> opb.DisputeOrderResponse:
        order = await self._orders.advance(
            current_principal(), parse_order(request.name), Step.DISPUTE, request.note
        )
        return opb.DisputeOrderResponse(order=order_to_pb(order))

    async def PayOrder(self, request: opb.PayOrderRequest, context: Context) -> opb.PayOrderResponse:
        order = await self._orders.advance(
            current_principal(), parse_order(request.name), Step.PAY, request.note
        )
        return opb.PayOrderResponse(order=order_to_pb(order))


def _review_to_pb(review: StoredReview) -> res.Review:
    return res.Review(
        name=review.key.name,
        decision=res.DECISION_APPROVED if review.decision == "APPROVED" else res.DECISION_CHANGES_REQUESTED,
        findings=[_finding_to_pb(f) for f in review.findings],
        sbom_sha256=review.sbom_sha256 or b"",
        sbom_spec_version=review.sbom_spec_version,
        component_count=review.component_count,
        decision_digest=review.decision_digest,
        ledger_receipt=review.ledger_receipt,
        trigger=review.trigger,
        create_time=timestamp(review.create_time),
    )


def _finding_to_pb(finding: dict[str, Any]) -> res.Finding:
    message = res.Finding(
        id=finding["id"],
        kind=res.FindingKind.Value(f"FINDING_KIND_{finding['kind']}"),
        component_purl=finding["component_purl"],
        advisory_id=finding["advisory_id"],
        aliases=finding["aliases"],
        severity=finding["severity"] or "UNKNOWN",
        fixed_version=finding["fixed_version"],
        message=finding["message"],
        blocking=finding["blocking"],
    )
    acceptance = finding.get("risk_acceptance")
    if acceptance:
        message.risk_acceptance.CopyFrom(
            res.RiskAcceptance(
                reviewer=acceptance["reviewer"],
                reviewer_org=acceptance["reviewer_org"],
                justification=acceptance["justification"],
                accept_time=timestamp(acceptance["accept_time"]),
            )
        )
    return message


def _notification_to_pb(row: Any) -> res.Notification:
    return res.Notification(
        name=notification_name(row["vendor"], row["id"]),
        listing=row["listing"],
        review=row["review"],
        advisory_ids=list(row["advisory_ids"]),
        message=row["message"],
        create_time=timestamp(row["create_time"]),
    )


_SBOM_FORMATS = {
    rpb.SBOM_FORMAT_CYCLONEDX_JSON: "JSON",
    rpb.SBOM_FORMAT_CYCLONEDX_XML: "XML",
}


class ListingReviewServicer(rpb_grpc.ListingReviewServiceServicer):
    def __init__(self, reviews: Reviews) -> None:
        self._reviews = reviews

    async def SubmitListing(
        self, request: rpb.SubmitListingRequest, context: Context
    ) -> rpb.SubmitListingResponse:
        review, listing = await self._reviews.submit(
            current_principal(),
            parse_listing(request.listing, "listing"),
            request.sbom,
            _SBOM_FORMATS.get(request.sbom_format),
        )
        return rpb.SubmitListingResponse(review=_review_to_pb(review), listing=listing_to_pb(listing))

    async def GetReview(self, request: rpb.GetReviewRequest, context: Context) -> rpb.GetReviewResponse:
        return rpb.GetReviewResponse(
            review=_review_to_pb(await self._reviews.get(current_principal(), request.name))
        )

    async def ListReviews(self, request: rpb.ListReviewsRequest, context: Context) -> rpb.ListReviewsResponse:
        page, token = await self._reviews.list(
            current_principal(),
            parse_listing(request.parent, "parent"),
            request.page_size,
            request.page_token,
        )
        return rpb.ListReviewsResponse(reviews=[_review_to_pb(r) for r in page], next_page_token=token)

    async def AcceptFindingRisk(
        self, request: rpb.AcceptFindingRiskRequest, context: Context
    ) -> rpb.AcceptFindingRiskResponse:
        review, listing = await self._reviews.accept_risk(
            current_principal(), request.review, request.finding_id, request.justification
        )
        return rpb.AcceptFindingRiskResponse(review=_review_to_pb(review), listing=listing_to_pb(listing))

    async def ImportAdvisories(
        self, request: rpb.ImportAdvisoriesRequest, context: Context
    ) -> rpb.ImportAdvisoriesResponse:
        summary = await self._reviews.import_advisories(request.osv_data)
        return rpb.ImportAdvisoriesResponse(
            added=summary.added,
            updated=summary.updated,
            listings_rereviewed=summary.rereviewed,
            flagged_listings=summary.flagged,
        )

    async def MatchAdvisories(
        self, request: rpb.MatchAdvisoriesRequest, context: Context
    ) -> rpb.MatchAdvisoriesResponse:
        matched = await self._reviews.match_advisories(list(request.purls))
        return rpb.MatchAdvisoriesResponse(
            results=[
                res.PackageAdvisories(
                    purl=purl,
                    advisories=[
                        res.AdvisoryMatch(
                            advisory_id=m.advisory_id,
                            aliases=list(m.aliases),
                            summary=m.summary,
                            severity=m.severity.value,
                            cvss_score=m.cvss_score or 0.0,
                            cvss_vector=m.cvss_vector,
                            fixed_version=m.fixed_version,
                        )
                        for m in matches
                    ],
                )
                for purl, matches in zip(request.purls, matched, strict=True)
            ]
        )

    async def ListNotifications(
        self, request: rpb.ListNotificationsRequest, context: Context
    ) -> rpb.ListNotificationsResponse:
        page, token = await self._reviews.notifications(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return rpb.ListNotificationsResponse(
            notifications=[_notification_to_pb(row) for row in page], next_page_token=token
        )

    async def WatchNotifications(
        self, request: rpb.WatchNotificationsRequest, context: Context
    ) -> AsyncIterator[rpb.WatchNotificationsResponse]:
        async for batch in self._reviews.watch(current_principal(), request.parent):
            yield rpb.WatchNotificationsResponse(notifications=[_notification_to_pb(row) for row in batch])
