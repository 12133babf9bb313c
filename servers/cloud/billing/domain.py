"""One bill over every provider: import cost exports as FOCUS rows, sum them, export
them, watch budgets, forecast the month."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

import pyarrow as pa  # type: ignore[import-untyped]  # no type information
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
import structlog

from jipan.interceptors.context import Principal
from jipan.servers.cloud.billing import focus, layouts
from jipan.servers.cloud.billing.feed import OVERFLOW, NotificationFeed
from jipan.servers.cloud.billing.store import BillingStore
from jipan.servers.cloud.billing.types import (
    Budget,
    CostDimension,
    CostExportLayout,
    CostGroup,
    CostImport,
    FocusFileFormat,
    Notification,
)
from jipan.servers.cloud.catalog.domain import own_parent, parse_rates
from jipan.servers.cloud.forecast import model
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument, NotFound, Unavailable
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

MAX_EXPORT_BYTES = 15 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
IMPORT_SCOPE = "jipan.cloud.v1.BillingService/ImportCostExport"
BUDGET_SCOPE = "jipan.cloud.v1.BillingService/CreateBudget"
TAIPEI = timedelta(hours=8)
MAX_THRESHOLDS = 10


@dataclass(frozen=True)
class ForecastDay:
    day: date
    mean: float
    lower_80: float
    upper_80: float
    lower_95: float
    upper_95: float


@dataclass(frozen=True)
class CostForecast:
    model: str
    days: list[ForecastDay]
    month_end_total_twd: float


def _invalid(field: str, problem: str) -> InvalidArgument:
    return InvalidArgument("FIELD_INVALID", problem, metadata={"field": field})


def _day(value: str, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _invalid(field, f"{field} is not a calendar day") from None


@dataclass(frozen=True)
class PreparedRows:
    """An export ready for COPY, with what the import records about it."""

    copy_csv: bytes
    count: int
    billed_by_currency: dict[str, Decimal]
    providers: tuple[str, ...]
    months: tuple[str, ...]  # "YYYY-MM" of the rows' charge days (UTC+8)


def _sums(currency: pa.Array, amounts: pa.Array) -> dict[str, Decimal]:
    """BilledCost summed per currency, exactly: in decimal128 when the values fit, else in Python."""
    try:
        decimals = pc.cast(amounts, pa.decimal128(38, 18))
        grouped = pa.table({"c": currency, "a": decimals}).group_by("c").aggregate([("a", "sum")])
        return {
            str(c): Decimal(a).normalize() + 0
            for c, a in zip(grouped.column("c").to_pylist(), grouped.column("a_sum").to_pylist(), strict=True)
        }
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        totals: dict[str, Decimal] = {}
        for c, a in zip(currency.to_pylist(), amounts.to_pylist(), strict=True):
            totals[c] = totals.get(c, Decimal(0)) + Decimal(a)
        return totals


def prepare_rows(
    owner: str, import_id: str, layout: CostExportLayout, content: bytes, twd_per_unit: dict[str, Decimal]
) -> PreparedRows:
    """The export read, mapped, validated and written as the CSV that COPY loads (CPU work)."""
    rows = focus.validate(layouts.READERS[layout](content))
    count = rows.num_rows
    currency = rows.column("BillingCurrency").combine_chunks()
    known = pa.array(list(twd_per_unit), pa.string())
    rate_index = pc.index_in(currency, value_set=known)
    if rate_index.null_count:
        bad = pc.index(pc.is_null(rate_index), True).as_py()
        raise InvalidArgument(
            "EXCHANGE_RATE_MISSING",
            f"line {rows.column(focus.LINE)[bad].as_py()}: no exchange rate for {currency[bad].as_py()}",
            domain=DOMAIN,
            metadata={
                "currency": str(currency[bad].as_py())[:10],
                "line": str(rows.column(focus.LINE)[bad].as_py()),
            },
        )
    rates = pc.take(pa.array([str(v) for v in twd_per_unit.values()], pa.string()), rate_index)
    table = rows.append_column(
        "owner", pa.repeat(pa.scalar(owner), count) if count else pa.array([], pa.string())
    )
    table = table.append_column(
        "import_id", pa.repeat(pa.scalar(import_id), count) if count else pa.array([], pa.string())
    )
    table = table.append_column("twd_per_unit", rates)
    days = focus.charge_days(rows.column("ChargePeriodStart").combine_chunks())
    table = table.append_column("charge_day", days)
    months = pc.unique(pc.strftime(days.cast(pa.timestamp("s")), format="%Y-%m")).to_pylist()
    return PreparedRows(
        copy_csv=_copy_csv(table),
        count=count,
        billed_by_currency=_sums(currency, rows.column("BilledCost").combine_chunks()),
        providers=tuple(sorted(pc.unique(rows.column("ProviderName").combine_chunks()).to_pylist())),
        months=tuple(sorted(months)),
    )


def _copy_csv(table: pa.Table) -> bytes:
    """The rows as headerless CSV for COPY, written in slices on as many threads as cores
    (pyarrow's writer is single-threaded and releases the GIL)."""

    def write(part: pa.Table) -> bytes:
        buffer = io.BytesIO()
        pacsv.write_csv(part, buffer, pacsv.WriteOptions(include_header=False, batch_size=8192))
        return buffer.getvalue()

    slices = max(1, min(os.cpu_count() or 1, table.num_rows // 10_000))
    if slices == 1:
        return write(table)
    step = -(-table.num_rows // slices)
    with ThreadPoolExecutor(slices) as pool:
        return b"".join(pool.map(write, [table.slice(i, step) for i in range(0, table.num_rows, step)]))


class Billing:
    def __init__(
        self, store: BillingStore, feed: NotificationFeed, page_tokens: PageTokens, request_ids: RequestIds
    ) -> None:
        self.store = store
        self.feed = feed
        self.page_tokens = page_tokens
        self.request_ids = request_ids

    # --- import ------------------------------------------------------------

    async def import_export(
        self,
        principal: Principal,
        parent: str,
        layout: CostExportLayout,
        content: bytes,
        rates: Sequence[tuple[str, str, str]],
        request_id: str,
    ) -> CostImport:
        owner = own_parent(principal, parent)
        if len(content) > MAX_EXPORT_BYTES:
            raise focus.refusal(f"the export is larger than {MAX_EXPORT_BYTES} bytes", column="", line=0)
        by_currency = parse_rates(rates)
        twd = {
            "TWD": Decimal(1),
            **{code: rate.twd_per_unit for code, rate in by_currency.items() if code != "TWD"},
        }
        digest = hashlib.sha256(content).digest()
        rates_json = {
            code: {"twd_per_unit": str(rate.twd_per_unit), "date": rate.date.isoformat()}
            for code, rate in sorted(by_currency.items())
        }
        fingerprint = json.dumps(
            {"parent": owner, "layout": layout.value, "digest": digest.hex(), "rates": rates_json},
            sort_keys=True,
        ).encode()
        import_id = str(uuid.uuid4())
        # A file imported before (a retry, a second upload) is not read again.
        known = await self.store.import_by_digest(owner, digest)
        prepared = (
            None if known else await asyncio.to_thread(prepare_rows, owner, import_id, layout, content, twd)
        )
        scope = scope_for(IMPORT_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                return await self._existing(owner, replay.decode(), conn)
            first = known or await self.store.claim_import(
                conn, owner, import_id, layout.value, digest, rates_json
            )
            if first is not None:
                # The same file again under a new request id: the first import stands.
                await self.request_ids.record(conn, scope, request_id, first.encode())
                return await self._existing(owner, first, conn)
            assert prepared is not None  # prepared unless the file was known
            await self.store.copy_rows(conn, prepared.copy_csv)
            imported = await self.store.finish_import(
                conn, owner, import_id, prepared.count, prepared.billed_by_currency, prepared.providers
            )
            raised = await self._check_budgets(conn, owner, prepared.months)
            await self.request_ids.record(conn, scope, request_id, import_id.encode())
        log.info(
            "cost export imported", org=owner, layout=layout.value, rows=prepared.count, notifications=raised
        )
        return imported

    async def _existing(self, owner: str, import_id: str, conn: Connection) -> CostImport:
        found = await self.store.get_import(owner, import_id, conn)
        if found is None:
            raise NotFound("COST_EXPORT_INVALID", "the first import is gone", domain=DOMAIN)
        return found

    async def _check_budgets(self, conn: Connection, owner: str, months: Sequence[str]) -> int:
        """Raises each crossed threshold's notification (once per budget, threshold and month)."""
        raised = 0
        for budget in await self.store.budgets_of(conn, owner):
            for month in months:
                actual = await self.store.month_cost(conn, owner, month, budget.tag_filter)
                for threshold in budget.thresholds:
                    if actual >= budget.monthly_amount_twd * Decimal(repr(threshold)):
                        raised += await self.store.raise_notification(
                            conn,
                            owner,
                            budget.id,
                            threshold,
                            month,
                            actual.quantize(Decimal("0.01")),
                        )
        return raised

    # --- queries -----------------------------------------------------------

    async def query_costs(
        self,
        principal: Principal,
        parent: str,
        dimension: CostDimension,
        tag_key: str,
        start_date: str,
        end_date: str,
    ) -> list[CostGroup]:
        owner = own_parent(principal, parent)
        if dimension is CostDimension.TAG and not tag_key:
            raise _invalid("tag_key", "tag_key is required to group by TAG")
        start, end = _day(start_date, "start_date"), _day(end_date, "end_date")
        groups = await self.store.costs(owner, dimension, tag_key, start, end)
        return [CostGroup(key, total.quantize(Decimal("0.01"))) for key, total in groups]

    async def export_focus(
        self, principal: Principal, parent: str, format: FocusFileFormat, start_date: str, end_date: str
    ) -> AsyncIterator[bytes]:
        owner = own_parent(principal, parent)
        start, end = _day(start_date, "start_date"), _day(end_date, "end_date")
        if format is FocusFileFormat.CSV:
            queue: asyncio.Queue[bytes | None] = asyncio.Queue(8)

            async def output(data: bytes) -> None:
                await queue.put(bytes(data))

            async def produce() -> None:
                try:
                    await self.store.export_csv(owner, start, end, output)
                finally:
                    await queue.put(None)

            task = asyncio.create_task(produce())
            try:
                pending = b""
                while (data := await queue.get()) is not None:
                    pending += data
                    while len(pending) >= CHUNK_BYTES:
                        yield pending[:CHUNK_BYTES]
                        pending = pending[CHUNK_BYTES:]
                await task
                if pending:
                    yield pending
            finally:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
            return
        # Parquet: the CSV spooled (to disk past 64 MiB), read back typed, written as Parquet.
        with tempfile.SpooledTemporaryFile(64 << 20) as spool:

            async def spool_output(data: bytes) -> None:
                spool.write(data)

            await self.store.export_csv(owner, start, end, spool_output)
            spool.seek(0)
            parquet = await asyncio.to_thread(_csv_to_parquet, spool.read())
        for offset in range(0, len(parquet), CHUNK_BYTES):
            yield parquet[offset : offset + CHUNK_BYTES]

    # --- budgets -----------------------------------------------------------

    async def create_budget(
        self,
        principal: Principal,
        parent: str,
        display_name: str,
        amount: str,
        thresholds: Sequence[float],
        tag_filter: str,
        request_id: str,
    ) -> Budget:
        owner = own_parent(principal, parent)
        try:
            monthly = Decimal(amount)
        except InvalidOperation:
            monthly = Decimal(-1)
        if not monthly.is_finite() or monthly <= 0 or monthly.adjusted() > 15:
            raise _invalid("budget.monthly_amount_twd", "monthly_amount_twd must be a positive decimal")
        if not thresholds or len(thresholds) > MAX_THRESHOLDS:
            raise _invalid("budget.thresholds", f"give 1 to {MAX_THRESHOLDS} thresholds")
        if any(not (0 < t <= 2) for t in thresholds):  # also refuses NaN
            raise _invalid("budget.thresholds", "each threshold must be in (0, 2]")
        if len(display_name) > 200:
            raise _invalid("budget.display_name", "display_name is longer than 200 characters")
        key, sep, value = tag_filter.partition("=")
        if tag_filter and (not sep or not key or len(tag_filter) > 300):
            raise _invalid("budget.tag_filter", 'tag_filter must look like "key=value"')
        budget = Budget(
            owner=owner,
            id=str(uuid.uuid4()),
            display_name=display_name,
            monthly_amount_twd=monthly,
            thresholds=tuple(sorted(set(thresholds))),
            tag_filter=tag_filter,
            create_time=datetime.now(UTC),
        )
        fingerprint = json.dumps(
            {
                "parent": owner,
                "display_name": display_name,
                "amount": str(monthly),
                "thresholds": list(budget.thresholds),
                "tag_filter": tag_filter,
            },
            sort_keys=True,
        ).encode()
        scope = scope_for(BUDGET_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                stored = await self.store.get_budget(owner, replay.decode(), conn)
                if stored is None:
                    raise NotFound("BUDGET_NOT_FOUND", "the budget was deleted", domain=DOMAIN)
                return stored
            created = await self.store.insert_budget(conn, budget, key, value)
            # Costs already imported count: this month's may cross a threshold at once.
            await self._check_budgets(conn, owner, [_this_month()])
            await self.request_ids.record(conn, scope, request_id, created.id.encode())
        return created

    async def list_budgets(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Budget], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListBudgets", org=owner)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.list_budgets(owner, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [budget for _, budget in rows], token

    async def list_notifications(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Notification], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListNotifications", org=owner)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else 0
        rows = await self.store.list_notifications(owner, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [n for _, n in rows], token

    async def stream_notifications(self, principal: Principal, parent: str) -> AsyncIterator[Notification]:
        owner = own_parent(principal, parent)
        async with self.feed.subscribe(owner) as queue:
            while True:
                seqs = [await queue.get()]
                while not queue.empty():
                    seqs.append(queue.get_nowait())
                if OVERFLOW in seqs:
                    raise Unavailable(
                        "PROVIDER_UNAVAILABLE",
                        "the stream fell behind; list the notifications and open a new stream",
                        domain=DOMAIN,
                    )
                for notification in await self.store.notifications_by_seq(owner, seqs):
                    yield notification

    # --- forecast ----------------------------------------------------------

    async def forecast(self, principal: Principal, parent: str, horizon_days: int) -> CostForecast:
        owner = own_parent(principal, parent)
        daily = await self.store.daily(owner)
        if not daily:
            raise FailedPrecondition(
                "FORECAST_HISTORY_SHORT",
                "the organisation has no costs to forecast from",
                domain=DOMAIN,
                metadata={"days": "0", "needed": str(model.MIN_HISTORY)},
            )
        first, last = daily[0].day, daily[-1].day
        by_day = {d.day: float(d.effective_cost_twd) for d in daily}
        history = [by_day.get(first + timedelta(days=i), 0.0) for i in range((last - first).days + 1)]
        if len(history) < model.MIN_HISTORY:
            raise FailedPrecondition(
                "FORECAST_HISTORY_SHORT",
                f"{len(history)} days of costs; a forecast needs {model.MIN_HISTORY}",
                domain=DOMAIN,
                metadata={"days": str(len(history)), "needed": str(model.MIN_HISTORY)},
            )
        # "Today" is the day after the newest cost data: exports arrive a day or two late.
        today = last + timedelta(days=1)
        month_end = date(today.year + (today.month == 12), today.month % 12 + 1, 1) - timedelta(days=1)
        to_month_end = (month_end - today).days + 1
        shown = horizon_days if horizon_days > 0 else to_month_end
        steps = max(shown, to_month_end)
        predicted = await asyncio.to_thread(model.predict, history, steps)
        band = predicted.interval
        days = [
            ForecastDay(
                day=today + timedelta(days=i),
                mean=round(float(band.mean[i]), 2),
                lower_80=round(float(band.lower_80[i]), 2),
                upper_80=round(float(band.upper_80[i]), 2),
                lower_95=round(float(band.lower_95[i]), 2),
                upper_95=round(float(band.upper_95[i]), 2),
            )
            for i in range(shown)
        ]
        so_far = sum(v for d, v in by_day.items() if (d.year, d.month) == (today.year, today.month))
        month_end_total = so_far + float(band.mean[:to_month_end].sum())
        return CostForecast(model=predicted.model, days=days, month_end_total_twd=round(month_end_total, 2))


def _this_month() -> str:
    return (datetime.now(UTC) + TAIPEI).strftime("%Y-%m")


_EXPORT_SCHEMA = {
    **{name: pa.string() for name in focus.MANDATORY_COLUMNS},
    **{name: pa.decimal128(38, 18) for name in focus.DECIMAL},
    **{name: pa.timestamp("s", tz="UTC") for name in focus.DATETIME},
    "Tags": pa.string(),
}


def _csv_to_parquet(data: bytes) -> bytes:
    out = io.BytesIO()
    if not data:
        data = (",".join((*focus.MANDATORY_COLUMNS, "Tags")) + "\n").encode()
    table = pacsv.read_csv(
        io.BytesIO(data),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types=_EXPORT_SCHEMA,
            timestamp_parsers=["%Y-%m-%d %H:%M:%S%z", pacsv.ISO8601],
            strings_can_be_null=True,
        ),
    )
    pq.write_table(table, out, compression="zstd")
    return out.getvalue()
