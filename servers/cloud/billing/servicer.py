"""BillingService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import grpc

from jipan.cloud.v1 import billing_service_pb2 as bpb
from jipan.cloud.v1 import billing_service_pb2_grpc as bpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.interceptors.context import current_principal
from jipan.servers.cloud.accounts.servicer import timestamp
from jipan.servers.cloud.billing.domain import MAX_STREAMED_BYTES, Billing
from jipan.servers.cloud.billing.focus import refusal
from jipan.servers.cloud.billing.types import (
    Budget,
    CostDimension,
    CostExportLayout,
    CostImport,
    FocusFileFormat,
    Notification,
)
from jipan.servers.cloud.names import DOMAIN, budget_name, cost_import_name, notification_name
from jipan.servers.runtime.errors import InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]


def _stream_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument("COST_EXPORT_INVALID", problem, domain=DOMAIN, metadata={"problem": problem})


def _field_invalid(field: str, problem: str) -> InvalidArgument:
    return InvalidArgument("FIELD_INVALID", problem, metadata={"field": field})


def _decimal(value: Any) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def import_to_pb(imported: CostImport) -> res.CostImport:
    return res.CostImport(
        name=cost_import_name(imported.owner, imported.id),
        provider=imported.provider,
        row_count=imported.row_count,
        billed_cost_by_currency={k: _decimal(v) for k, v in imported.billed_cost_by_currency.items()},
        create_time=timestamp(imported.create_time),
    )


def budget_to_pb(budget: Budget) -> res.Budget:
    return res.Budget(
        name=budget_name(budget.owner, budget.id),
        display_name=budget.display_name,
        monthly_amount_twd=_decimal(budget.monthly_amount_twd),
        thresholds=list(budget.thresholds),
        tag_filter=budget.tag_filter,
        create_time=timestamp(budget.create_time),
    )


def notification_to_pb(notification: Notification) -> res.Notification:
    return res.Notification(
        name=notification_name(notification.owner, notification.id),
        budget=budget_name(notification.owner, notification.budget_id),
        threshold=notification.threshold,
        month=notification.month,
        actual_twd=_decimal(notification.actual_twd),
        create_time=timestamp(notification.create_time),
    )


class BillingServicer(bpb_grpc.BillingServiceServicer):
    def __init__(self, billing: Billing) -> None:
        self._billing = billing

    async def ImportCostExport(
        self, request: bpb.ImportCostExportRequest, context: Context
    ) -> bpb.ImportCostExportResponse:
        imported = await self._billing.import_export(
            current_principal(),
            request.parent,
            CostExportLayout(bpb.CostExportLayout.Name(request.layout).removeprefix("COST_EXPORT_LAYOUT_")),
            request.content,
            [(r.currency_code, r.twd_per_unit, r.date) for r in request.exchange_rates],
            request.request_id,
        )
        return bpb.ImportCostExportResponse(cost_import=import_to_pb(imported))

    async def StreamCostExport(
        self, request_iterator: AsyncIterator[bpb.StreamCostExportRequest], context: Context
    ) -> bpb.StreamCostExportResponse:
        iterator = aiter(request_iterator)
        first = await anext(iterator, None)
        if first is None or first.WhichOneof("part") != "header":
            raise _stream_invalid("the first message of the stream must carry the header")
        header = first.header
        if not header.parent:
            raise _field_invalid("header.parent", "header.parent is required")
        if (
            header.layout == bpb.COST_EXPORT_LAYOUT_UNSPECIFIED
            or header.layout not in bpb.CostExportLayout.values()
        ):
            raise _field_invalid("header.layout", "header.layout must name a layout")
        try:
            uuid.UUID(header.request_id)
        except ValueError:
            raise _field_invalid("header.request_id", "header.request_id must be a UUID") from None
        chunks: list[bytes] = []
        size = 0
        async for message in iterator:
            if message.WhichOneof("part") != "chunk":
                raise _stream_invalid("only the first message of the stream carries a header")
            size += len(message.chunk)
            if size > MAX_STREAMED_BYTES:  # refused while it arrives, not once it is all held
                raise refusal(f"the export is larger than {MAX_STREAMED_BYTES} bytes", column="", line=0)
            chunks.append(message.chunk)
        imported = await self._billing.import_export(
            current_principal(),
            header.parent,
            CostExportLayout(bpb.CostExportLayout.Name(header.layout).removeprefix("COST_EXPORT_LAYOUT_")),
            b"".join(chunks),
            [(r.currency_code, r.twd_per_unit, r.date) for r in header.exchange_rates],
            header.request_id,
            limit=MAX_STREAMED_BYTES,
        )
        return bpb.StreamCostExportResponse(cost_import=import_to_pb(imported))

    async def QueryCosts(self, request: bpb.QueryCostsRequest, context: Context) -> bpb.QueryCostsResponse:
        groups = await self._billing.query_costs(
            current_principal(),
            request.parent,
            CostDimension(bpb.CostDimension.Name(request.dimension).removeprefix("COST_DIMENSION_")),
            request.tag_key,
            request.start_date,
            request.end_date,
        )
        return bpb.QueryCostsResponse(
            groups=[bpb.CostGroup(key=g.key, effective_cost_twd=f"{g.effective_cost_twd:f}") for g in groups]
        )

    async def ExportFocus(
        self, request: bpb.ExportFocusRequest, context: Context
    ) -> AsyncIterator[bpb.ExportFocusResponse]:
        chunks = self._billing.export_focus(
            current_principal(),
            request.parent,
            FocusFileFormat(bpb.FocusFileFormat.Name(request.format).removeprefix("FOCUS_FILE_FORMAT_")),
            request.start_date,
            request.end_date,
        )
        async for chunk in chunks:
            yield bpb.ExportFocusResponse(chunk=chunk)

    async def CreateBudget(
        self, request: bpb.CreateBudgetRequest, context: Context
    ) -> bpb.CreateBudgetResponse:
        budget = await self._billing.create_budget(
            current_principal(),
            request.parent,
            request.budget.display_name,
            request.budget.monthly_amount_twd,
            list(request.budget.thresholds),
            request.budget.tag_filter,
            request.request_id,
        )
        return bpb.CreateBudgetResponse(budget=budget_to_pb(budget))

    async def ListBudgets(self, request: bpb.ListBudgetsRequest, context: Context) -> bpb.ListBudgetsResponse:
        budgets, token = await self._billing.list_budgets(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return bpb.ListBudgetsResponse(budgets=[budget_to_pb(b) for b in budgets], next_page_token=token)

    async def ListNotifications(
        self, request: bpb.ListNotificationsRequest, context: Context
    ) -> bpb.ListNotificationsResponse:
        notifications, token = await self._billing.list_notifications(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return bpb.ListNotificationsResponse(
            notifications=[notification_to_pb(n) for n in notifications], next_page_token=token
        )

    async def StreamNotifications(
        self, request: bpb.StreamNotificationsRequest, context: Context
    ) -> AsyncIterator[bpb.StreamNotificationsResponse]:
        stream = self._billing.stream_notifications(current_principal(), request.parent)
        async for notification in stream:
            yield bpb.StreamNotificationsResponse(notification=notification_to_pb(notification))

    async def ForecastCosts(
        self, request: bpb.ForecastCostsRequest, context: Context
    ) -> bpb.ForecastCostsResponse:
        forecast = await self._billing.forecast(current_principal(), request.parent, request.horizon_days)
        return bpb.ForecastCostsResponse(
            points=[
                res.ForecastPoint(
                    date=d.day.isoformat(),
                    mean_twd=d.mean,
                    lower_80_twd=d.lower_80,
                    upper_80_twd=d.upper_80,
                    lower_95_twd=d.lower_95,
                    upper_95_twd=d.upper_95,
                )
                for d in forecast.days
            ],
            month_end_total_twd=forecast.month_end_total_twd,
            model=forecast.model,
        )
