"""Billing: each provider layout read into FOCUS 1.2 rows on committed excerpts of the real
layouts (rows written by hand, column names the providers'), every mandatory column refused
by name when missing, imports idempotent by request id and by file digest, costs grouped in
UTC+8, FOCUS exports read back with pyarrow, budgets notifying once per threshold (listed
and streamed), forecasts with intervals and their backtest, tenancy."""

from __future__ import annotations

import asyncio
import csv
import decimal
import gzip
import io
import json
import threading
import uuid
import warnings
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import cast

import grpc
import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]  # no type information
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest

from jipan.cloud.v1 import billing_service_pb2 as bpb
from jipan.cloud.v1 import billing_service_pb2_grpc as bpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.billing import domain, focus, layouts, servicer
from jipan.servers.cloud.billing.feed import NotificationFeed
from jipan.servers.cloud.billing.store import BillingStore
from jipan.servers.cloud.billing.types import CostExportLayout, FocusFileFormat
from jipan.servers.cloud.forecast import model
from jipan.servers.runtime.errors import DomainError
from jipan.servers.runtime.idempotency import Connection, RequestIds
from tests.cloud import cost_series
from tests.cloud.conftest import auth, caller_of
from tests.cloud.test_accounts import refused
from tests.mesh import RunningServer, stream_unary

DATA = Path(__file__).parent / "data" / "billing"
USD = res.ExchangeRate(currency_code="USD", twd_per_unit="32.5", date="2025-12-01")


def excerpt(name: str) -> bytes:
    return (DATA / name).read_bytes()


def rows_of(layout: CostExportLayout, name: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = focus.validate(layouts.READERS[layout](excerpt(name))).to_pylist()
    return rows


def domain_refusal(layout: CostExportLayout, content: bytes) -> DomainError:
    with pytest.raises(DomainError) as caught:
        focus.validate(layouts.READERS[layout](content))
    assert caught.value.reason == "COST_EXPORT_INVALID"
    return caught.value


# --- layouts ----------------------------------------------------------------


def test_aws_cur_legacy() -> None:
    rows = rows_of(CostExportLayout.AWS_CUR, "aws_cur_legacy.csv")
    assert len(rows) == 7
    first = rows[0]
    assert (first["ProviderName"], first["BilledCost"], first["BillingCurrency"]) == ("AWS", "0.124", "USD")
    assert first["ServiceName"] == "Amazon Elastic Compute Cloud"
    assert first["ServiceCategory"] == "Compute"
    assert first["Tags"] == '{"project":"alpha","env":"prod"}'  # resourceTags/user:* lose "user:"
    assert first["BillingAccountName"] is None  # the legacy CUR has no payer name
    covered = rows[4]  # SavingsPlanCoveredUsage: effective cost is the plan's rate
    assert (covered["BilledCost"], covered["EffectiveCost"]) == ("0.214", "0.1412")
    assert [r["ChargeCategory"] for r in rows[5:]] == ["Tax", "Credit"]
    assert rows[6]["ListCost"] == "0"
    assert rows[6]["line"] == 8


def test_aws_cur2() -> None:
    rows = rows_of(CostExportLayout.AWS_CUR, "aws_cur2.csv")
    assert [r["ServiceName"] for r in rows] == [
        "Amazon Elastic Compute Cloud",
        "Amazon Relational Database Service",
        "Threat scanner",
        "AWS Support (Business)",
    ]
    assert rows[0]["BillingAccountName"] == "moda-payer"
    assert rows[1]["EffectiveCost"] == "0.0051"  # DiscountedUsage: the reservation's effective cost
    assert rows[2]["PublisherName"] == "Example Software Co., Ltd."  # AWS Marketplace seller
    assert rows[3]["ChargeCategory"] == "Purchase"
    assert rows[0]["Tags"] == '{"project":"alpha","env":"prod"}'
    assert rows[2]["Tags"] is None


def test_azure_ea_and_mca() -> None:
    ea = rows_of(CostExportLayout.AZURE_COST_EXPORT, "azure_ea_actual.csv")
    assert [r["ServiceCategory"] for r in ea] == ["Compute", "Storage", "Databases", "Compute"]
    assert ea[0]["Tags"] == '{"project":"alpha","env":"prod"}'  # EA's brace-less tag text
    assert str(ea[0]["ChargePeriodEnd"])[:10] == "2025-12-02"  # inclusive day → exclusive end
    assert str(ea[0]["BillingPeriodEnd"])[:10] == "2026-01-01"
    assert ea[3]["ChargeCategory"] == "Purchase"
    mca = rows_of(CostExportLayout.AZURE_COST_EXPORT, "azure_mca_actual.csv")
    assert mca[0]["BillingCurrency"] == "TWD"
    assert mca[0]["ListCost"] == "176.64"
    assert (mca[2]["ChargeCategory"], mca[2]["ChargeClass"]) == ("Purchase", "Correction")  # a Refund
    assert mca[0]["BillingAccountName"] == "數位發展部"


def test_gcp_billing_export() -> None:
    rows = rows_of(CostExportLayout.GCP_BILLING_EXPORT, "gcp_billing_export.jsonl")
    assert rows[0]["BilledCost"] == "0.062094"  # cost + credits
    assert rows[0]["ContractedCost"] == "0.073094"
    assert rows[2]["ListCost"] == "1.4"  # cost_at_list
    assert rows[0]["Tags"] == '{"project":"alpha","env":"prod"}'  # project labels, then labels
    assert str(rows[0]["BillingPeriodStart"])[:10] == "2025-12-01"
    assert str(rows[0]["BillingPeriodEnd"])[:10] == "2026-01-01"
    assert rows[3]["ChargeCategory"] == "Tax"
    assert rows[3]["PricingQuantity"] == "0"


def _drop_column(content: bytes, column: str) -> bytes:
    table = list(csv.reader(io.StringIO(content.decode())))
    index = table[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([row[:index] + row[index + 1 :] for row in table])
    return out.getvalue().encode()


@pytest.mark.parametrize("column", focus.MANDATORY_COLUMNS)
def test_every_mandatory_column_missing_is_refused_by_name(column: str) -> None:
    refusal = domain_refusal(CostExportLayout.FOCUS, _drop_column(excerpt("focus_rows.csv"), column))
    assert refusal.metadata["column"] == column
    assert refusal.metadata["line"] == "1"


def test_a_bad_value_names_its_line_and_column() -> None:
    text = excerpt("focus_rows.csv").decode().replace(",Tax,", ",Fee,")
    refusal = domain_refusal(CostExportLayout.FOCUS, text.encode())
    assert (refusal.metadata["column"], refusal.metadata["line"]) == ("ChargeCategory", "4")
    text = excerpt("focus_rows.csv").decode().replace("1520.5,twcc", "1,520.5,twcc")
    refusal = domain_refusal(CostExportLayout.FOCUS, text.encode())
    assert refusal.metadata["line"] == "2"
    # A provider column feeding a mandatory one: the refusal names both.
    cur = _drop_column(excerpt("aws_cur_legacy.csv"), "bill/InvoicingEntity")
    refusal = domain_refusal(CostExportLayout.AWS_CUR, cur)
    assert (refusal.metadata["column"], refusal.metadata["source_column"]) == (
        "InvoiceIssuerName",
        "bill/InvoicingEntity",
    )
    # An empty cost in a non-null column.
    lines = excerpt("aws_cur2.csv").decode().splitlines()
    lines[2] = lines[2].replace(",0.0074193548,0.23,", ",,0.23,", 1)
    refusal = domain_refusal(CostExportLayout.AWS_CUR, ("\n".join(lines) + "\n").encode())
    assert (refusal.metadata["column"], refusal.metadata["line"]) == ("BilledCost", "3")


def test_text_that_is_not_the_layout_is_refused() -> None:
    # Azure tags that are not a JSON object: the line and the Tags column.
    text = excerpt("azure_ea_actual.csv").decode().replace('"""project"": ""beta"""', '"{not json"', 1)
    refusal = domain_refusal(CostExportLayout.AZURE_COST_EXPORT, text.encode())
    assert (refusal.metadata["column"], refusal.metadata["line"]) == ("Tags", "4")
    # Half a JSON line is not a BigQuery export.
    domain_refusal(CostExportLayout.GCP_BILLING_EXPORT, excerpt("gcp_billing_export.jsonl")[:500])
    # A GCP row without its currency.
    lines = excerpt("gcp_billing_export.jsonl").decode().splitlines()
    lines[1] = lines[1].replace('"currency":"USD",', "")
    refusal = domain_refusal(CostExportLayout.GCP_BILLING_EXPORT, ("\n".join(lines) + "\n").encode())
    assert (refusal.metadata["column"], refusal.metadata["line"]) == ("BillingCurrency", "2")
    # A date/time in no known layout.
    text = excerpt("focus_rows.csv").decode().replace("2025-12-03T16:00:00Z", "3 Dec 2025", 1)
    refusal = domain_refusal(CostExportLayout.FOCUS, text.encode())
    assert refusal.metadata["column"] == "ChargePeriodStart"


def test_an_export_with_no_rows_is_empty_not_refused() -> None:
    header = excerpt("focus_rows.csv").decode().splitlines()[0] + "\n"
    assert focus.validate(layouts.read_focus(header.encode())).num_rows == 0


# --- forecast model ---------------------------------------------------------


def _series() -> list[float]:
    with open(DATA / "daily_costs_twd.csv") as f:
        return [float(row["effective_cost_twd"]) for row in csv.DictReader(f)]


def test_forecast_intervals_nest_and_backtest_covers() -> None:
    series = _series()
    predicted = model.predict(series[:200], 30)
    band = predicted.interval
    assert predicted.model.startswith("ETS(")
    assert (band.lower_95 <= band.lower_80).all()
    assert (band.lower_80 <= band.mean).all()
    assert (band.mean <= band.upper_80).all()
    assert (band.upper_80 <= band.upper_95).all()
    assert (band.upper_95 - band.lower_95)[-1] > (band.upper_95 - band.lower_95)[0]  # widens with the horizon
    result = model.backtest(series, first_origin=120, horizon=14, stride=28)
    assert 0.90 <= result.coverage_95 <= 0.99, result
    assert result.coverage_80 < result.coverage_95


def test_a_forecast_leaves_the_warning_filters_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forecasts run in worker threads, where warnings.catch_warnings is not safe: two that
    overlap can leave "ignore" installed for the whole process. A forecast whose optimiser does
    not converge (this random walk) neither changes the filters nor warns."""
    walk = np.cumsum(np.random.default_rng(0).normal(0, 100, 60)) + 5000
    record = warnings.catch_warnings

    def changed(*args: object, **kwargs: object) -> None:
        raise AssertionError("a forecast changed the process's warning filters")

    with record(record=True) as raised:
        warnings.simplefilter("always")
        try:
            for name in ("catch_warnings", "simplefilter", "filterwarnings", "resetwarnings"):
                monkeypatch.setattr(warnings, name, changed)
            model.predict(walk, 30)
        finally:
            monkeypatch.undo()  # before pytest reports
    assert [str(w.message) for w in raised] == []


# --- over gRPC --------------------------------------------------------------


def _import(layout: int, content: bytes, request_id: str | None = None) -> bpb.ImportCostExportRequest:
    return bpb.ImportCostExportRequest(
        parent="orgs/moda",
        layout=layout,  # type: ignore[arg-type]
        content=content,
        request_id=request_id or str(uuid.uuid4()),
        exchange_rates=[USD],
    )


async def test_import_is_idempotent_and_costs_group_in_utc8(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/moda")
    request = _import(bpb.COST_EXPORT_LAYOUT_AWS_CUR, excerpt("aws_cur_legacy.csv"))
    first = (await stub.ImportCostExport(request, metadata=md)).cost_import
    assert first.row_count == 7
    assert first.provider == "AWS"
    assert Decimal(first.billed_cost_by_currency["USD"]) == Decimal("1.8847322581")
    again = (await stub.ImportCostExport(request, metadata=md)).cost_import
    assert again.name == first.name
    # The same file under another request id is the same import: nothing stored twice.
    other = _import(bpb.COST_EXPORT_LAYOUT_AWS_CUR, excerpt("aws_cur_legacy.csv"))
    assert (await stub.ImportCostExport(other, metadata=md)).cost_import.name == first.name
    # The same request id with another body is refused.
    reused = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, excerpt("focus_rows.csv"), request.request_id)
    await refused(
        stub.ImportCostExport(reused, metadata=md), grpc.StatusCode.INVALID_ARGUMENT, "REQUEST_ID_REUSED"
    )
    months = await stub.QueryCosts(
        bpb.QueryCostsRequest(parent="orgs/moda", dimension=bpb.COST_DIMENSION_MONTH), metadata=md
    )
    # 2025-11-30T16:00Z is 2025-12-01 00:00 in Taipei: every row is December's (the
    # Savings Plan row at its effective cost).
    assert [g.key for g in months.groups] == ["2025-12"]
    assert Decimal(months.groups[0].effective_cost_twd) == (
        Decimal("1.8119322581") * Decimal("32.5")
    ).quantize(Decimal("0.01"))
    in_range = await stub.QueryCosts(
        bpb.QueryCostsRequest(
            parent="orgs/moda",
            dimension=bpb.COST_DIMENSION_PROJECT,
            start_date="2025-12-01",
            end_date="2025-12-02",
        ),
        metadata=md,
    )
    by_project = {g.key: Decimal(g.effective_cost_twd) for g in in_range.groups}
    assert set(by_project) == {"alpha", "beta", ""}
    assert by_project["beta"] == ((Decimal("1.425") + Decimal("0.1412")) * Decimal("32.5")).quantize(
        Decimal("0.01")
    )
    wrong = await refused(
        stub.ImportCostExport(
            bpb.ImportCostExportRequest(
                parent="orgs/moda",
                layout=bpb.COST_EXPORT_LAYOUT_AZURE_COST_EXPORT,
                content=excerpt("azure_ea_actual.csv"),
                request_id=str(uuid.uuid4()),
            ),
            metadata=md,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "EXCHANGE_RATE_MISSING",
    )
    assert wrong.metadata["currency"] == "USD"
    await refused(
        stub.QueryCosts(
            bpb.QueryCostsRequest(parent="orgs/moda", dimension=bpb.COST_DIMENSION_TAG), metadata=md
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )
    env = await stub.QueryCosts(
        bpb.QueryCostsRequest(parent="orgs/moda", dimension=bpb.COST_DIMENSION_TAG, tag_key="env"),
        metadata=md,
    )
    assert [g.key for g in env.groups] == ["", "prod"]  # untagged rows (1.42 USD) cost more than prod ones
    bad = _drop_column(excerpt("focus_rows.csv"), "ServiceName")
    details = await refused(
        stub.ImportCostExport(_import(bpb.COST_EXPORT_LAYOUT_FOCUS, bad), metadata=md),
        grpc.StatusCode.INVALID_ARGUMENT,
        "COST_EXPORT_INVALID",
    )
    assert details.metadata["column"] == "ServiceName"


async def test_exports_read_back(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/export")
    for layout, name in (
        (bpb.COST_EXPORT_LAYOUT_GCP_BILLING_EXPORT, "gcp_billing_export.jsonl"),
        (bpb.COST_EXPORT_LAYOUT_AZURE_COST_EXPORT, "azure_mca_actual.csv"),
    ):
        request = _import(layout, excerpt(name))
        request.parent = "orgs/export"
        await stub.ImportCostExport(request, metadata=md)
    csv_bytes = b"".join(
        [
            r.chunk
            async for r in stub.ExportFocus(
                bpb.ExportFocusRequest(parent="orgs/export", format=bpb.FOCUS_FILE_FORMAT_CSV), metadata=md
            )
        ]
    )
    table = pacsv.read_csv(io.BytesIO(csv_bytes))
    assert table.column_names == [*focus.MANDATORY_COLUMNS, "Tags"]
    assert table.num_rows == 7
    assert b",2025-12-01T00:00:00Z," in csv_bytes  # FOCUS date/time format
    assert str(table.schema.field("ChargePeriodStart").type) == "timestamp[s, tz=UTC]"
    assert sorted(set(table.column("ProviderName").to_pylist())) == ["Google Cloud", "Microsoft"]
    parquet = b"".join(
        [
            r.chunk
            async for r in stub.ExportFocus(
                bpb.ExportFocusRequest(parent="orgs/export", format=bpb.FOCUS_FILE_FORMAT_PARQUET),
                metadata=md,
            )
        ]
    )
    read = pq.read_table(io.BytesIO(parquet))
    assert read.num_rows == 7
    assert str(read.schema.field("BilledCost").type).startswith("decimal128")
    assert (
        str(read.schema.field("ChargePeriodStart").type) == "timestamp[ms, tz=UTC]"
    )  # Parquet has no seconds
    billed = sorted(str(v.normalize()) for v in read.column("BilledCost").to_pylist())
    assert "168.96" in billed
    assert "0.062094" in billed
    # A day range in UTC+8 that holds nothing.
    empty = [
        r.chunk
        async for r in stub.ExportFocus(
            bpb.ExportFocusRequest(
                parent="orgs/export", format=bpb.FOCUS_FILE_FORMAT_CSV, start_date="2030-01-01"
            ),
            metadata=md,
        )
    ]
    assert pacsv.read_csv(io.BytesIO(b"".join(empty))).num_rows == 0


async def test_budget_fires_once_per_threshold_and_streams(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/budgets")
    created = (
        await stub.CreateBudget(
            bpb.CreateBudgetRequest(
                parent="orgs/budgets",
                budget=res.Budget(
                    display_name="alpha",
                    monthly_amount_twd="1600",
                    thresholds=[0.5, 1.0],
                    tag_filter="project=alpha",
                ),
                request_id=str(uuid.uuid4()),
            ),
            metadata=md,
        )
    ).budget
    listed = await stub.ListBudgets(bpb.ListBudgetsRequest(parent="orgs/budgets"), metadata=md)
    assert [b.name for b in listed.budgets] == [created.name]
    stream = stub.StreamNotifications(bpb.StreamNotificationsRequest(parent="orgs/budgets"), metadata=md)
    reader = asyncio.ensure_future(stream.read())
    await asyncio.sleep(0.5)  # the stream is listening
    # FOCUS rows: project alpha costs 1520.5 TWD on 2025-12-04 (UTC+8) → crosses 0.5, not 1.0.
    request = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, excerpt("focus_rows.csv"))
    request.parent = "orgs/budgets"
    await stub.ImportCostExport(request, metadata=md)
    streamed = cast(bpb.StreamNotificationsResponse, await asyncio.wait_for(reader, 10))
    assert streamed.notification.budget == created.name
    assert (streamed.notification.threshold, streamed.notification.month) == (0.5, "2025-12")
    assert Decimal(streamed.notification.actual_twd) == Decimal("1520.5")
    # A second alpha bill in the same month crosses 1.0; 0.5 does not fire again.
    more = excerpt("focus_rows.csv").decode().replace("1520.5,twcc", "200,twcc", 1)
    second = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, more.encode())
    second.parent = "orgs/budgets"
    await stub.ImportCostExport(second, metadata=md)
    streamed = cast(bpb.StreamNotificationsResponse, await asyncio.wait_for(stream.read(), 10))
    assert streamed.notification.threshold == 1.0
    stream.cancel()
    listed_n = await stub.ListNotifications(bpb.ListNotificationsRequest(parent="orgs/budgets"), metadata=md)
    assert [(n.threshold, n.month) for n in listed_n.notifications] == [(1.0, "2025-12"), (0.5, "2025-12")]
    page = await stub.ListNotifications(
        bpb.ListNotificationsRequest(parent="orgs/budgets", page_size=1), metadata=md
    )
    assert len(page.notifications) == 1
    assert page.next_page_token
    await refused(
        stub.CreateBudget(
            bpb.CreateBudgetRequest(
                parent="orgs/budgets",
                budget=res.Budget(monthly_amount_twd="100", thresholds=[3.0]),
                request_id=str(uuid.uuid4()),
            ),
            metadata=md,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )


async def test_forecast_over_grpc(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/forecast")
    short = await refused(
        stub.ForecastCosts(bpb.ForecastCostsRequest(parent="orgs/forecast"), metadata=md),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FORECAST_HISTORY_SHORT",
    )
    assert short.metadata["days"] == "0"
    # 90 days of the committed series as one FOCUS export (days in UTC+8: 16:00Z the day before).
    with open(DATA / "daily_costs_twd.csv") as f:
        series = list(csv.DictReader(f))[:90]
    header = excerpt("focus_rows.csv").decode().splitlines()[0]
    lines = [header]
    for row in series:
        day = row["day"]
        lines.append(
            f"{row['effective_cost_twd']},twcc-0001,,TWD,2026-01-01T00:00:00Z,2024-11-01T00:00:00Z,Usage,,"
            f",{day}T15:00:00Z,{day}T00:00:00Z,{row['effective_cost_twd']},{row['effective_cost_twd']},NCHC,"
            f"{row['effective_cost_twd']},1,Days,TWCC,TWCC,Compute,TWCC VCS,,"
        )
    request = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, ("\n".join(lines) + "\n").encode())
    request.parent = "orgs/forecast"
    await stub.ImportCostExport(request, metadata=md)
    answer = await stub.ForecastCosts(
        bpb.ForecastCostsRequest(parent="orgs/forecast", horizon_days=45), metadata=md
    )
    assert answer.model.startswith("ETS(")
    assert len(answer.points) == 45
    assert answer.points[0].date == "2025-01-30"  # the day after the newest cost day
    for point in answer.points:
        assert (
            point.lower_95_twd
            <= point.lower_80_twd
            <= point.mean_twd
            <= point.upper_80_twd
            <= point.upper_95_twd
        )
    to_month_end = await stub.ForecastCosts(bpb.ForecastCostsRequest(parent="orgs/forecast"), metadata=md)
    assert [p.date for p in to_month_end.points] == ["2025-01-30", "2025-01-31"]
    actual_jan = sum(float(r["effective_cost_twd"]) for r in series if r["day"].startswith("2025-01"))
    expected = actual_jan + sum(p.mean_twd for p in to_month_end.points)
    assert abs(to_month_end.month_end_total_twd - expected) < 1.0


async def test_tenancy(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    owner = auth(server, "orgs/tenant-a")
    request = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, excerpt("focus_rows.csv"))
    request.parent = "orgs/tenant-a"
    await stub.ImportCostExport(request, metadata=owner)
    other = auth(server, "orgs/tenant-b")
    await refused(
        stub.QueryCosts(
            bpb.QueryCostsRequest(parent="orgs/tenant-a", dimension=bpb.COST_DIMENSION_SERVICE),
            metadata=other,
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    own = await stub.QueryCosts(
        bpb.QueryCostsRequest(parent="orgs/tenant-b", dimension=bpb.COST_DIMENSION_SERVICE), metadata=other
    )
    assert list(own.groups) == []
    # The same file in another organisation is that organisation's own import.
    request.parent = "orgs/tenant-b"
    request.request_id = str(uuid.uuid4())
    mine = (await stub.ImportCostExport(request, metadata=other)).cost_import
    assert mine.name.startswith("orgs/tenant-b/costImports/")
    assert mine.row_count == 3
    services = await stub.QueryCosts(
        bpb.QueryCostsRequest(parent="orgs/tenant-a", dimension=bpb.COST_DIMENSION_SERVICE), metadata=owner
    )
    assert {g.key: g.effective_cost_twd for g in services.groups} == {
        "TWCC Container Compute Service": "1596.53",
        "TWCC Cloud Object Storage": "84.00",
    }


# --- columnar storage (migration 0006) --------------------------------------


RATES = {"TWD": Decimal(1), "USD": Decimal("32.5")}


def _expected_daily(rows: list[dict[str, object]]) -> dict[tuple[object, ...], Decimal]:
    """EffectiveCost summed per charge day (UTC+8), provider, service, tags and currency, in Python."""
    sums: dict[tuple[object, ...], Decimal] = {}
    for row in rows:
        start = cast(datetime, row["ChargePeriodStart"])
        key = (
            (start + timedelta(hours=8)).date(),
            row["ProviderName"],
            row["ServiceName"],
            row["Tags"],
            row["BillingCurrency"],
        )
        sums[key] = sums.get(key, Decimal(0)) + Decimal(cast(str, row["EffectiveCost"]))
    return sums


def test_prepared_import_parts_and_daily_sums(monkeypatch: pytest.MonkeyPatch) -> None:
    content = cost_series.cur_export(1_300, 7)
    expected = focus.validate(layouts.read_aws_cur(content)).to_pylist()
    monkeypatch.setattr(domain, "PART_ROWS", 300)  # 5 parts
    prepared = domain.prepare_import(CostExportLayout.AWS_CUR, content, RATES)
    assert prepared.count == 1_300
    assert [p.rows for p in prepared.parts] == [300, 300, 300, 300, 100]
    stored = pa.concat_tables([pq.read_table(io.BytesIO(p.parquet)) for p in prepared.parts])
    assert stored.column_names == [*focus.MANDATORY_COLUMNS, "Tags", focus.LINE]
    # Amounts kept as the export's text, date/times and lines as read: every row, in order.
    assert stored.cast(domain.STORED_SCHEMA).to_pylist() == [
        {k: v for k, v in row.items() if k in domain.STORED_SCHEMA.names} for row in expected
    ]
    offset = 0
    for part in prepared.parts:  # each part knows the charge days (UTC+8) it holds
        days = [
            (cast(datetime, row["ChargePeriodStart"]) + timedelta(hours=8)).date()
            for row in expected[offset : offset + part.rows]
        ]
        assert (part.first_day, part.last_day) == (min(days), max(days))
        offset += part.rows
    assert prepared.parts[0].first_day == date(2025, 12, 1)
    daily = {
        (g.charge_day, g.provider_name, g.service_name, g.tags, g.billing_currency): g.effective_cost
        for g in prepared.daily
    }
    assert daily == _expected_daily(expected)
    assert sum(g.rows for g in prepared.daily) == 1_300
    assert {g.twd_per_unit for g in prepared.daily} == {Decimal("32.5")}


def test_daily_sums_stay_exact_past_decimal128() -> None:
    header = excerpt("focus_rows.csv").decode().splitlines()[0]
    row = excerpt("focus_rows.csv").decode().splitlines()[1].split(",")
    effective = focus.MANDATORY_COLUMNS.index("EffectiveCost")
    lines = [header]
    for amount in ("0.1234567890123456789012", "123456789012345678901234567.5", "1e-30"):
        row[effective] = amount
        lines.append(",".join(row))
    prepared = domain.prepare_import(CostExportLayout.FOCUS, ("\n".join(lines) + "\n").encode(), RATES)
    exact = decimal.Context(prec=100)
    assert [g.effective_cost for g in prepared.daily] == [
        exact.add(
            exact.add(Decimal("0.1234567890123456789012"), Decimal("123456789012345678901234567.5")),
            Decimal("1e-30"),
        )
    ]
    assert (
        str(prepared.daily[0].effective_cost) == "123456789012345678901234567.623456789012345678901200000001"
    )


async def test_export_reads_parts_in_range_and_order(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/columnar")
    monkeypatch.setattr(domain, "PART_ROWS", 200)
    contents = [cost_series.cur_export(500, 11), cost_series.cur_export(240, 12)]
    for content in contents:
        request = _import(bpb.COST_EXPORT_LAYOUT_AWS_CUR, content)
        request.parent = "orgs/columnar"
        assert (await stub.ImportCostExport(request, metadata=md)).cost_import.row_count == len(
            content.splitlines()
        ) - 1
    parts = await server.runtime.database.fetchval(
        "SELECT count(*) FROM cloud.cost_import_parts WHERE owner = 'orgs/columnar'"
    )
    assert parts == 3 + 2
    expected = [focus.validate(layouts.read_aws_cur(c)).to_pylist() for c in contents]

    async def export(format: int, start: str = "", end: str = "") -> bytes:
        chunks = stub.ExportFocus(
            bpb.ExportFocusRequest(parent="orgs/columnar", format=format, start_date=start, end_date=end),  # type: ignore[arg-type]
            metadata=md,
        )
        return b"".join([r.chunk async for r in chunks])

    # December 3 and 4 in UTC+8: import by import, each by ChargePeriodStart then line.
    read = pacsv.read_csv(io.BytesIO(await export(bpb.FOCUS_FILE_FORMAT_CSV, "2025-12-03", "2025-12-05")))
    wanted = [
        row
        for rows in expected
        for row in sorted(rows, key=lambda r: (r["ChargePeriodStart"], r["line"]))
        if date(2025, 12, 3)
        <= (cast(datetime, row["ChargePeriodStart"]) + timedelta(hours=8)).date()
        < date(2025, 12, 5)
    ]
    assert len(wanted) > 0
    assert read.column("ChargePeriodStart").to_pylist() == [r["ChargePeriodStart"] for r in wanted]
    assert [f"{v:.10f}" for v in read.column("BilledCost").to_pylist()] == [r["BilledCost"] for r in wanted]
    parquet = pq.read_table(io.BytesIO(await export(bpb.FOCUS_FILE_FORMAT_PARQUET)))
    assert parquet.num_rows == 740
    assert sum(parquet.column("EffectiveCost").to_pylist(), Decimal(0)) == sum(
        (Decimal(cast(str, r["EffectiveCost"])) for rows in expected for r in rows), Decimal(0)
    )
    # QueryCosts sums the daily groups: the same total as every row times its rate.
    total = await stub.QueryCosts(
        bpb.QueryCostsRequest(parent="orgs/columnar", dimension=bpb.COST_DIMENSION_PROVIDER), metadata=md
    )
    assert [(g.key, Decimal(g.effective_cost_twd)) for g in total.groups] == [
        (
            "AWS",
            (
                sum((Decimal(cast(str, r["EffectiveCost"])) for rows in expected for r in rows), Decimal(0))
                * Decimal("32.5")
            ).quantize(Decimal("0.01")),
        )
    ]


async def test_an_import_that_fails_while_storing_leaves_nothing(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/atomic")
    request = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, excerpt("focus_rows.csv"))
    request.parent = "orgs/atomic"
    original = BillingStore.store_daily

    async def broken(*args: object, **kwargs: object) -> None:
        raise OSError("the disk is gone")

    monkeypatch.setattr(BillingStore, "store_daily", broken)  # after the parts were written
    with pytest.raises(grpc.aio.AioRpcError):
        await stub.ImportCostExport(request, metadata=md)
    db = server.runtime.database
    for table in ("cost_imports", "cost_import_parts", "cost_daily"):
        assert await db.fetchval(f"SELECT count(*) FROM cloud.{table} WHERE owner = 'orgs/atomic'") == 0
    monkeypatch.setattr(BillingStore, "store_daily", original)
    # The same request again (same request id, same file) imports it whole.
    imported = (await stub.ImportCostExport(request, metadata=md)).cost_import
    assert imported.row_count == 3
    assert await db.fetchval("SELECT count(*) FROM cloud.cost_import_parts WHERE owner = 'orgs/atomic'") == 1


async def test_imports_from_before_the_columnar_store_still_export(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    """Rows an import wrote to cost_rows before migration 0006 (no parts) are exported from there."""
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/legacy")
    db = server.runtime.database
    import_id = uuid.uuid4()
    await db.execute(
        "INSERT INTO cloud.cost_imports (owner, id, layout, digest, provider, row_count,"
        " billed_cost_by_currency, rates) VALUES ('orgs/legacy', $1, 'FOCUS', $2, 'TWCC', 1, '{}', '{}')",
        import_id,
        b"legacy-digest",
    )
    await db.execute(
        "INSERT INTO cloud.cost_rows (owner, import_id, line, billed_cost, billing_account_id,"
        " billing_currency, billing_period_end, billing_period_start, charge_category, charge_period_end,"
        " charge_period_start,"
        " contracted_cost, effective_cost, invoice_issuer_name, list_cost, provider_name, publisher_name,"
        " service_category, service_name, tags, twd_per_unit, charge_day) VALUES ('orgs/legacy', $1, 2,"
        " 12.50, 'twcc-1', 'TWD', '2026-01-01Z', '2025-12-01Z', 'Usage', '2025-12-02Z', '2025-12-01Z',"
        " 12.50, 12.50, 'NCHC', 13, 'TWCC', 'TWCC', 'Compute', 'TWCC VCS', '{\"project\": \"alpha\"}', 1,"
        " '2025-12-01')",
        import_id,
    )
    csv_bytes = b"".join(
        [
            r.chunk
            async for r in stub.ExportFocus(
                bpb.ExportFocusRequest(parent="orgs/legacy", format=bpb.FOCUS_FILE_FORMAT_CSV), metadata=md
            )
        ]
    )
    rows = pacsv.read_csv(io.BytesIO(csv_bytes)).to_pylist()
    assert len(rows) == 1
    assert (rows[0]["ServiceName"], rows[0]["Tags"]) == ("TWCC VCS", '{"project": "alpha"}')
    assert b"\n12.50,twcc-1,,TWD," in csv_bytes
    assert b",2025-12-01T00:00:00Z," in csv_bytes


def _billing(server: RunningServer) -> domain.Billing:
    """The billing domain over the server's database, for tests that drive it directly."""
    db = server.runtime.database
    return domain.Billing(BillingStore(db), NotificationFeed(db), server.runtime.page_tokens, RequestIds())


async def test_a_parquet_export_cancelled_mid_write_closes_the_writer_after_the_write(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyarrow writes and closes without the GIL: a close on the loop while the cancelled
    export's write still runs in its thread aborts the process. The close waits for the write."""
    stub = bpb_grpc.BillingServiceStub(channel)
    request = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, excerpt("focus_rows.csv"))
    request.parent = "orgs/spool"
    await stub.ImportCostExport(request, metadata=auth(server, "orgs/spool"))
    started, release, closed = threading.Event(), threading.Event(), threading.Event()
    events: list[str] = []
    write_table, close = pq.ParquetWriter.write_table, pq.ParquetWriter.close

    def blocking_write(self: pq.ParquetWriter, table: pa.Table, row_group_size: int | None = None) -> None:
        events.append("write")
        started.set()
        release.wait(30)
        if self.is_open:  # the real write on a closed writer is the crash itself
            write_table(self, table, row_group_size)
        events.append("written")

    def recorded_close(self: pq.ParquetWriter) -> None:
        events.append("close")
        close(self)
        closed.set()

    monkeypatch.setattr(pq.ParquetWriter, "write_table", blocking_write)
    monkeypatch.setattr(pq.ParquetWriter, "close", recorded_close)
    chunks = _billing(server).export_focus(
        caller_of("orgs/spool"), "orgs/spool", FocusFileFormat.PARQUET, "", ""
    )
    export = asyncio.ensure_future(anext(chunks))
    try:
        assert await asyncio.to_thread(started.wait, 30)
        export.cancel()  # the client went away: the write goes on in its thread
        with pytest.raises(asyncio.CancelledError):
            await export
        assert events == ["write"]  # not closed under the running write
    finally:
        release.set()
    assert await asyncio.to_thread(closed.wait, 30)  # by the write's thread, once it ended
    assert events == ["write", "written", "close"]


async def test_two_imports_at_once_cross_the_threshold_their_sum_crosses(
    server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two imports of one organisation, each below the budget, together above it, checked in
    transactions open at the same time: the one checked second sees the first one's rows."""
    org = "orgs/racing"
    billing, principal = _billing(server), caller_of(org)
    await billing.create_budget(principal, org, "alpha", "1600", [1.0], "project=alpha", str(uuid.uuid4()))
    # project alpha: 1520.5 TWD in one file, 200 in the other, both in 2025-12: 1720.5 together.
    first = excerpt("focus_rows.csv")
    second = first.decode().replace("1520.5,", "200,").encode()
    db = server.runtime.database
    store_daily, month_cost = BillingStore.store_daily, BillingStore.month_cost
    both_stored = asyncio.Barrier(2)
    reads = 0

    async def rendezvous(self: BillingStore, conn: Connection, owner: str, *args: object) -> None:
        await store_daily(self, conn, owner, *args)  # type: ignore[arg-type]
        await both_stored.wait()  # both imports' rows are written, neither committed

    async def held_open(self: BillingStore, conn: Connection, owner: str, month: str, tags: str) -> Decimal:
        nonlocal reads
        total = await month_cost(self, conn, owner, month, tags)
        reads += 1
        # This transaction stays open until the other import has summed too, or waits for it.
        while reads < 2 and not await db.fetchval(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))"
        ):
            await asyncio.sleep(0.01)
        return total

    monkeypatch.setattr(BillingStore, "store_daily", rendezvous)
    monkeypatch.setattr(BillingStore, "month_cost", held_open)
    layout = CostExportLayout.FOCUS
    await asyncio.wait_for(
        asyncio.gather(
            billing.import_export(principal, org, layout, first, [], str(uuid.uuid4())),
            billing.import_export(principal, org, layout, second, [], str(uuid.uuid4())),
        ),
        30,
    )
    notifications = await BillingStore(db).list_notifications(org, 0, 10)
    assert [(n.threshold, n.month, n.actual_twd) for _, n in notifications] == [
        (1.0, "2025-12", Decimal("1720.50"))
    ]


# --- gzip and Parquet exports -----------------------------------------------


def _cur2_parquet() -> bytes:
    """The committed CUR 2.0 excerpt as Data Exports write it in Parquet: typed columns
    (timestamps, decimal(38, 10) amounts), `product` and `resource_tags` as string maps."""
    table = pacsv.read_csv(
        io.BytesIO(excerpt("aws_cur2.csv")),
        convert_options=pacsv.ConvertOptions(timestamp_parsers=[pacsv.ISO8601]),
    )
    columns = {}
    for name in table.column_names:
        values = table.column(name)
        if name in ("product", "resource_tags"):
            values = pa.array(
                [None if v is None else list(json.loads(v).items()) for v in values.to_pylist()],
                pa.map_(pa.string(), pa.string()),
            )
        elif pa.types.is_floating(values.type):
            values = pa.array(
                [None if v is None else Decimal(str(v)) for v in values.to_pylist()], pa.decimal128(38, 10)
            )
        columns[name] = values
    out = io.BytesIO()
    pq.write_table(pa.table(columns), out)
    return out.getvalue()


def test_parquet_and_gzip_exports_read_as_their_csv() -> None:
    from_csv = rows_of(CostExportLayout.AWS_CUR, "aws_cur2.csv")
    parquet = _cur2_parquet()
    assert parquet.startswith(b"PAR1")
    for content in (parquet, gzip.compress(parquet), gzip.compress(excerpt("aws_cur2.csv"))):
        read = focus.validate(layouts.read_aws_cur(layouts.unpacked(content))).to_pylist()
        assert len(read) == len(from_csv)
        for mine, theirs in zip(read, from_csv, strict=True):
            for column, value in theirs.items():
                if column in focus.DECIMAL and value is not None:
                    # decimal(38, 10) holds 1 where the CSV wrote 1.0: the same number.
                    assert Decimal(cast(str, mine[column])) == Decimal(cast(str, value)), column
                else:
                    assert mine[column] == value, column
    # A FOCUS export in Parquet (typed columns, Tags as a map) is a FOCUS export too.
    focus_table = focus.validate(layouts.read_focus(excerpt("focus_rows.csv")))
    typed = focus_table.drop_columns([focus.LINE, "Tags"]).append_column(
        "Tags",
        pa.array(
            [
                None if t is None else list(json.loads(t).items())
                for t in focus_table.column("Tags").to_pylist()
            ],
            pa.map_(pa.string(), pa.string()),
        ),
    )
    out = io.BytesIO()
    pq.write_table(typed, out)
    again = focus.validate(layouts.read_focus(out.getvalue()))
    assert again.column("Tags").to_pylist() == focus_table.column("Tags").to_pylist()
    assert (
        again.column("ChargePeriodStart").to_pylist() == focus_table.column("ChargePeriodStart").to_pylist()
    )


def test_packed_exports_that_are_not_what_they_claim_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    for content, problem in (
        (gzip.compress(excerpt("aws_cur2.csv"))[:-40], "not a gzip file"),
        (b"\x1f\x8b\x08\x00" + bytes(40), "not a gzip file"),
        (_cur2_parquet()[:300], "unreadable Parquet"),
        (b"PAR1" + bytes(100), "unreadable Parquet"),
    ):
        with pytest.raises(DomainError) as caught:
            layouts.read_aws_cur(layouts.unpacked(content))
        assert caught.value.reason == "COST_EXPORT_INVALID"
        assert problem in str(caught.value), (problem, str(caught.value))
    # A small upload that inflates past the limit stops there, whatever it would become.
    monkeypatch.setattr(layouts, "MAX_UNPACKED_BYTES", 1 << 20)
    bomb = gzip.compress(bytes(8 << 20))
    assert len(bomb) < 10_000
    with pytest.raises(DomainError) as caught:
        layouts.unpacked(bomb)
    assert "larger than 1048576 bytes gunzipped" in str(caught.value)
    assert layouts.read_aws_cur(layouts.unpacked(_cur2_parquet())).lines.to_pylist() == [2, 3, 4, 5]
    monkeypatch.setattr(layouts, "MAX_UNPACKED_BYTES", 1_000)
    with pytest.raises(DomainError) as caught:
        layouts.read_aws_cur(_cur2_parquet())
    assert "larger than 1000 bytes uncompressed" in str(caught.value)
    # A line with no end is no header.
    monkeypatch.setattr(layouts, "MAX_HEADER_BYTES", 100)
    with pytest.raises(DomainError) as caught:
        layouts.read_focus(b"x" * 200)
    assert "no header line" in str(caught.value)


async def test_gzip_and_parquet_imports_over_grpc(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/packed")
    plain = _import(bpb.COST_EXPORT_LAYOUT_AWS_CUR, excerpt("aws_cur2.csv"))
    plain.parent = "orgs/packed"
    first = (await stub.ImportCostExport(plain, metadata=md)).cost_import
    parquet = _import(bpb.COST_EXPORT_LAYOUT_AWS_CUR, gzip.compress(_cur2_parquet()))
    parquet.parent = "orgs/packed"
    second = (await stub.ImportCostExport(parquet, metadata=md)).cost_import
    # Other bytes (another digest): another import of the same rows and sums.
    assert second.name != first.name
    assert (second.row_count, second.provider) == (first.row_count, "AWS")
    assert {k: Decimal(v) for k, v in second.billed_cost_by_currency.items()} == {
        k: Decimal(v) for k, v in first.billed_cost_by_currency.items()
    }
    # Text that is not UTF-8 reaches the reader now that the contract takes binary content.
    broken = _import(bpb.COST_EXPORT_LAYOUT_FOCUS, excerpt("focus_rows.csv").replace(b"TWCC", b"TW\xffC"))
    broken.parent = "orgs/packed"
    await refused(
        stub.ImportCostExport(broken, metadata=md), grpc.StatusCode.INVALID_ARGUMENT, "COST_EXPORT_INVALID"
    )
    truncated = _import(bpb.COST_EXPORT_LAYOUT_GCP_BILLING_EXPORT, gzip.compress(b'{"a": 1}\n')[:-5])
    truncated.parent = "orgs/packed"
    await refused(
        stub.ImportCostExport(truncated, metadata=md), grpc.StatusCode.INVALID_ARGUMENT, "COST_EXPORT_INVALID"
    )


async def test_stream_cost_export(
    server: RunningServer, channel: grpc.aio.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = bpb_grpc.BillingServiceStub(channel)
    md = auth(server, "orgs/streamed")
    content = gzip.compress(cost_series.cur_export(3_000, 21))
    header = bpb.CostExportHeader(
        parent="orgs/streamed",
        layout=bpb.COST_EXPORT_LAYOUT_AWS_CUR,
        request_id=str(uuid.uuid4()),
        exchange_rates=[USD],
    )

    def parts(
        header: bpb.CostExportHeader | None, data: bytes, size: int = 40_000
    ) -> list[bpb.StreamCostExportRequest]:
        first = [] if header is None else [bpb.StreamCostExportRequest(header=header)]
        return first + [
            bpb.StreamCostExportRequest(chunk=data[i : i + size]) for i in range(0, len(data), size)
        ]

    assert len(parts(header, content)) > 3
    imported = (await stub.StreamCostExport(iter(parts(header, content)), metadata=md)).cost_import
    assert imported.row_count == 3_000
    # A retry (same request id) and the same file in one message are the same import.
    again = await stub.StreamCostExport(iter(parts(header, content, 7_000)), metadata=md)
    assert again.cost_import.name == imported.name
    unary = _import(bpb.COST_EXPORT_LAYOUT_AWS_CUR, content)
    unary.parent = "orgs/streamed"
    assert (await stub.ImportCostExport(unary, metadata=md)).cost_import.name == imported.name
    parts_stored = await server.runtime.database.fetchval(
        "SELECT count(*) FROM cloud.cost_import_parts WHERE owner = 'orgs/streamed'"
    )
    assert parts_stored == 1
    # What a stream must be.
    other = bpb.CostExportHeader()
    other.CopyFrom(header)
    other.request_id = str(uuid.uuid4())
    for messages, reason in (
        (parts(None, content), "COST_EXPORT_INVALID"),  # no header
        ([*parts(other, content[:100]), bpb.StreamCostExportRequest(header=other)], "COST_EXPORT_INVALID"),
        ([], "COST_EXPORT_INVALID"),
    ):
        await refused(
            stream_unary(lambda: stub.StreamCostExport(metadata=md), messages),
            grpc.StatusCode.INVALID_ARGUMENT,
            reason,
        )
    for field, value in (("request_id", "not-a-uuid"), ("parent", "")):
        bad = bpb.CostExportHeader()
        bad.CopyFrom(other)
        setattr(bad, field, value)
        details = await refused(
            stream_unary(lambda: stub.StreamCostExport(metadata=md), parts(bad, content)),
            grpc.StatusCode.INVALID_ARGUMENT,
            "FIELD_INVALID",
        )
        # The contract's field rules hold inside a stream's messages too (the validation
        # interceptor names "fields"; the servicer's own check, "field").
        assert f"header.{field}" in details.metadata.get("fields", details.metadata.get("field", ""))
    # Past the limit the stream is refused as it arrives.
    monkeypatch.setattr(servicer, "MAX_STREAMED_BYTES", 250_000)
    big = gzip.compress(cost_series.cur_export(3_000, 22), 0)
    assert len(big) > 250_000
    # The server ends the call while the client still has parts to send (tests.mesh.stream_unary).
    details = await refused(
        stream_unary(lambda: stub.StreamCostExport(metadata=md), parts(other, big)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "COST_EXPORT_INVALID",
    )
    assert "larger than 250000 bytes" in details.message
    # Another organisation's parent is not the caller's.
    foreign = bpb.CostExportHeader()
    foreign.CopyFrom(other)
    foreign.parent = "orgs/someone-else"
    await refused(
        stream_unary(lambda: stub.StreamCostExport(metadata=md), parts(foreign, content)),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
