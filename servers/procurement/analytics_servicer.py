"""AnalyticsService over gRPC: unpack, call the analytics, pack; and its wiring."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import grpc
import structlog

from jipan.clients.service_tokens import service_token_source
from jipan.common.v1 import money_pb2
from jipan.common.v1.time_range_pb2 import TimeRange
from jipan.interceptors.context import current_principal
from jipan.procurement.v1 import analytics_service_pb2 as apb
from jipan.procurement.v1 import analytics_service_pb2_grpc as apb_grpc
from jipan.servers.procurement.analytics import (
    CURRENCY,
    Analytics,
    Dimension,
    Figures,
    Ranking,
    SalesFilter,
    time_range_invalid,
)
from jipan.servers.procurement.analytics_store import SalesStore
from jipan.servers.procurement.catalog import Category
from jipan.servers.procurement.cell_suppression import PrivacyCellSuppression
from jipan.servers.procurement.convert import CATEGORY_FROM_PB, CATEGORY_TO_PB, timestamp
from jipan.servers.runtime.runtime import Runtime

log = structlog.get_logger(__name__)

Context = grpc.aio.ServicerContext[Any, Any]

ANALYTICS_SERVICE = apb.DESCRIPTOR.services_by_name["AnalyticsService"].full_name
PRIVACY_SERVICE = "jipan.privacy.v1.PrivacyService"

DIMENSION_FROM_PB = {
    apb.SALES_DIMENSION_CATEGORY: Dimension.CATEGORY,
    apb.SALES_DIMENSION_VENDOR: Dimension.VENDOR,
    apb.SALES_DIMENSION_AGENCY: Dimension.AGENCY,
    apb.SALES_DIMENSION_MONTH: Dimension.MONTH,
}
RANKING_FROM_PB = {
    apb.PRODUCT_RANKING_UNSPECIFIED: Ranking.REVENUE,
    apb.PRODUCT_RANKING_REVENUE: Ranking.REVENUE,
    apb.PRODUCT_RANKING_QUANTITY: Ranking.QUANTITY,
}


def _instant(time_range: TimeRange, field: Literal["start_time", "end_time"]) -> datetime | None:
    if not time_range.HasField(field):
        return None
    try:
        value: datetime = getattr(time_range, field).ToDatetime(tzinfo=UTC)
    except (ValueError, OverflowError) as exc:
        raise time_range_invalid(f"filter.create_time_range.{field}", "not a valid timestamp") from exc
    return value


def sales_filter_from_pb(message: apb.SalesFilter) -> SalesFilter:
    category: Category | None = CATEGORY_FROM_PB.get(message.category)
    return SalesFilter(
        start=_instant(message.create_time_range, "start_time"),
        end=_instant(message.create_time_range, "end_time"),
        category=category,
        vendor=message.vendor,
        agency=message.agency,
    )


def figures_to_pb(figures: Figures | None) -> apb.SalesFigures | None:
    if figures is None:
        return None
    return apb.SalesFigures(
        order_count=figures.order_count,
        quantity=figures.quantity,
        total=money_pb2.Money(currency_code=CURRENCY, amount_minor=figures.total_minor),
        agency_count=figures.agency_count,
    )


class AnalyticsServicer(apb_grpc.AnalyticsServiceServicer):
    def __init__(self, analytics: Analytics) -> None:
        self._analytics = analytics

    async def AggregateSales(
        self, request: apb.AggregateSalesRequest, context: Context
    ) -> apb.AggregateSalesResponse:
        dimension = DIMENSION_FROM_PB[request.dimension]  # the contract requires a defined one
        page = await self._analytics.aggregate(
            current_principal(),
            parent=request.parent,
            dimension=dimension,
            sales=sales_filter_from_pb(request.filter),
            page_size=request.page_size,
            page_token=request.page_token,
        )
        cells = []
        for cell in page.items:
            message = apb.SalesCell(
                figures=figures_to_pb(cell.figures),
                suppressed=cell.figures is None,
                partially_suppressed=cell.partial,
            )
            if dimension is Dimension.CATEGORY:
                message.category = CATEGORY_TO_PB[Category(cell.key)]
            elif dimension is Dimension.VENDOR:
                message.vendor = f"vendors/{cell.key}"
            elif dimension is Dimension.AGENCY:
                message.agency = f"agencies/{cell.key}"
            else:
                message.month = cell.key
            cells.append(message)
        return apb.AggregateSalesResponse(
            cells=cells, next_page_token=page.next_page_token, published_through_month=page.published_through
        )

    async def ComputeSalesTrend(
        self, request: apb.ComputeSalesTrendRequest, context: Context
    ) -> apb.ComputeSalesTrendResponse:
        trend = await self._analytics.trend(
            current_principal(), parent=request.parent, sales=sales_filter_from_pb(request.filter)
        )
        return apb.ComputeSalesTrendResponse(
            points=[
                apb.SalesTrendPoint(
                    month=point.month,
                    start_time=timestamp(point.start),
                    figures=figures_to_pb(point.figures),
                    suppressed=point.figures is None,
                    partially_suppressed=point.partial,
                    unpublished=point.unpublished,
                )
                for point in trend.points
            ],
            published_through_month=trend.published_through,
        )

    async def RankProducts(
        self, request: apb.RankProductsRequest, context: Context
    ) -> apb.RankProductsResponse:
        page = await self._analytics.rank(
            current_principal(),
            parent=request.parent,
            ranking=RANKING_FROM_PB[request.ranking],
            sales=sales_filter_from_pb(request.filter),
            page_size=request.page_size,
            page_token=request.page_token,
        )
        return apb.RankProductsResponse(
            products=[
                apb.ProductSales(
                    listing=product.listing.name,
                    product_name=product.product_name,
                    product_version=product.product_version,
                    category=CATEGORY_TO_PB[product.category],
                    figures=figures_to_pb(product.figures),
                    suppressed=product.figures is None,
                    partially_suppressed=product.partial,
                )
                for product in page.items
            ],
            next_page_token=page.next_page_token,
            published_through_month=page.published_through,
        )


def attach_analytics(server: grpc.aio.Server, runtime: Runtime) -> str:
    """Registers AnalyticsService on `server`; returns its full name (for `service_names`).

    The k-anonymised views ask the privacy service which base cells to withhold: at
    `procurement_privacy_target`, or this server when unset (which then must serve
    privacy; if it does not, those views answer UNAVAILABLE PRIVACY_UNAVAILABLE)."""
    settings = runtime.settings
    # A warning, not a ConfigError: every other view works without the privacy service, and
    # deployments that serve procurement alone (deploy/kubernetes) keep starting.
    if settings.procurement_privacy_target is None and (
        PRIVACY_SERVICE not in runtime.services or settings.tls_cert_file is not None
    ):
        log.warning(
            "procurement's k-anonymised analytics need the privacy service: set "
            "JIPAN_PROCUREMENT_PRIVACY_TARGET (and its CA file under TLS) or serve privacy here "
            "in plaintext; until then those views are UNAVAILABLE PRIVACY_UNAVAILABLE"
        )

    tokens = service_token_source(settings, "procurement", ["privacy.read"])
    runtime.on_shutdown(tokens.aclose)
    suppression = PrivacyCellSuppression(
        settings.procurement_privacy_target or runtime.own_target,
        ca_file=settings.procurement_privacy_target_ca_file,
        client_cert=settings.outbound_certificate(),
        token_source=tokens,
    )
    runtime.on_shutdown(suppression.aclose)
    analytics = Analytics(
        SalesStore(runtime.database),
        runtime.page_tokens,
        settings.procurement_k_anonymity,
        suppression,
        release_lag=timedelta(days=settings.procurement_analytics_release_lag_days),
    )
    apb_grpc.add_AnalyticsServiceServicer_to_server(AnalyticsServicer(analytics), server)
    return ANALYTICS_SERVICE
