"""One bill over every provider: import cost exports as FOCUS rows, sum them, export
them, watch budgets, forecast the month."""

from __future__ import annotations

import asyncio
import decimal
import hashlib
import io
import json
import tempfile
import threading
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]  # no type information
import pyarrow.compute as pc  # type: ignore[import-untyped]
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
    DailyGroup,
    FocusFileFormat,
    Notification,
    StoredPart,
)
from jipan.servers.cloud.catalog.domain import own_parent, parse_rates
from jipan.servers.cloud.forecast import model
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument, NotFound, Unavailable
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

MAX_EXPORT_BYTES = 15 * 1024 * 1024
MAX_STREAMED_BYTES = layouts.MAX_UNPACKED_BYTES
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


PART_ROWS = 200_000
"""Rows per stored Parquet part at most (a part is read whole when exported)."""

# The stored rows: the mandatory FOCUS columns (amounts as the export's decimal
# text, kept exactly; date/times as UTC timestamps), Tags and the source line.
STORED_SCHEMA = pa.schema(
    [
        *(
            pa.field(name, pa.timestamp("s", tz="UTC") if name in focus.DATETIME else pa.string())
            for name in focus.MANDATORY_COLUMNS
        ),
        pa.field("Tags", pa.string()),
        pa.field(focus.LINE, pa.int64()),
    ]
)


@dataclass(frozen=True)
class PreparedImport:
    """An export read, validated and ready to store, with what the import records about it."""

    parts: tuple[StoredPart, ...]
    daily: tuple[DailyGroup, ...]
    count: int
    billed_by_currency: dict[str, Decimal]
    providers: tuple[str, ...]
    months: tuple[str, ...]  # "YYYY-MM" of the rows' charge days (UTC+8)


# Sums and normalisation without rounding (the default context keeps 28 digits).
_EXACT = decimal.Context(prec=decimal.MAX_PREC)


def _sums(currency: pa.Array, amounts: pa.Array) -> dict[str, Decimal]:
    """BilledCost summed per currency, exactly: in decimal128 when the values fit, else in Python."""
    try:
        decimals = pc.cast(amounts, pa.decimal128(38, 18))
        grouped = pa.table({"c": currency, "a": decimals}).group_by("c").aggregate([("a", "sum")])
        return {
            str(c): _EXACT.normalize(Decimal(a))
            for c, a in zip(grouped.column("c").to_pylist(), grouped.column("a_sum").to_pylist(), strict=True)
        }
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        totals: dict[str, Decimal] = {}
        for c, a in zip(currency.to_pylist(), amounts.to_pylist(), strict=True):
            totals[c] = _EXACT.add(totals.get(c, Decimal(0)), Decimal(a))
        return totals


_GROUP_KEYS = ("charge_day", "provider_name", "service_name", "tags", "billing_currency")
_GroupKey = tuple[date, str, str, str | None, str]


def _group_key(day: Any, provider: Any, service: Any, tags: Any, currency: Any) -> _GroupKey:
    return (day, str(provider), str(service), None if tags is None else str(tags), str(currency))


def _daily(rows: pa.Table, days: pa.Array, twd_per_unit: Mapping[str, Decimal]) -> tuple[DailyGroup, ...]:
    """EffectiveCost summed per charge day, provider, service, tag set and currency, exactly:
    in decimal128 (pyarrow group_by) when every amount fits 38 digits with 18 after the point,
    else in Python's Decimal."""
    keys = {
        "charge_day": days,
        "provider_name": rows.column("ProviderName").combine_chunks(),
        "service_name": rows.column("ServiceName").combine_chunks(),
        "tags": rows.column("Tags").combine_chunks(),
        "billing_currency": rows.column("BillingCurrency").combine_chunks(),
    }
    effective = rows.column("EffectiveCost").combine_chunks()
    sums: dict[_GroupKey, tuple[Decimal, int]]
    try:
        table = pa.table({**keys, "e": pc.cast(effective, pa.decimal128(38, 18))})
        grouped = table.group_by(list(_GROUP_KEYS), use_threads=False).aggregate(
            [("e", "sum"), ("e", "count")]
        )
        sums = {
            _group_key(*(group[k] for k in _GROUP_KEYS)): (_EXACT.normalize(group["e_sum"]), group["e_count"])
            for group in grouped.to_pylist()
        }
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        sums = {}
        columns = [keys[k].to_pylist() for k in _GROUP_KEYS]
        for index, amount in enumerate(effective.to_pylist()):
            key = _group_key(*(column[index] for column in columns))
            total, rows_in_group = sums.get(key, (Decimal(0), 0))
            sums[key] = (_EXACT.add(total, Decimal(amount)), rows_in_group + 1)
    return tuple(
        DailyGroup(
            charge_day=day,
            provider_name=provider,
            service_name=service,
            tags=tags,
            billing_currency=currency,
            twd_per_unit=twd_per_unit[currency],
            effective_cost=total,
            rows=count,
        )
        for (day, provider, service, tags, currency), (total, count) in sums.items()
    )


def _parquet(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    # zstd over plain pages: faster to write than dictionary pages here and smaller
    # (bench/RESULTS.md); no statistics: exports pick parts by their first and last day.
    pq.write_table(table, buffer, compression="zstd", use_dictionary=False, write_statistics=False)
    return buffer.getvalue()


def _stored_part(rows: pa.Table, days: pa.Array) -> StoredPart:
    """Validated rows (and their charge days) as one stored Parquet part."""
    span = pc.min_max(days)
    return StoredPart(
        parquet=_parquet(rows.select(STORED_SCHEMA.names).cast(STORED_SCHEMA)),
        rows=rows.num_rows,
        first_day=span["min"].as_py(),
        last_day=span["max"].as_py(),
    )


def prepare_import(
    layout: CostExportLayout, content: bytes, twd_per_unit: dict[str, Decimal]
) -> PreparedImport:
    """The export (gzip or not; CSV, JSON lines or Parquet as its layout allows) read, mapped,
    validated, written as Parquet parts and summed per day (CPU work)."""
    rows = focus.validate(layouts.READERS[layout](layouts.unpacked(content)))
    days = focus.charge_days(rows.column("ChargePeriodStart").combine_chunks())
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
    daily = _daily(rows, days, twd_per_unit)
    return PreparedImport(
        parts=tuple(
            _stored_part(rows.slice(offset, PART_ROWS), days.slice(offset, PART_ROWS))
            for offset in range(0, rows.num_rows, PART_ROWS)
        ),
        daily=daily,
        count=count,
        billed_by_currency=_sums(currency, rows.column("BilledCost").combine_chunks()),
        providers=tuple(sorted({g.provider_name for g in daily})),
        # From the day groups: formatting every row's day cost 8 ms per 20,000 rows.
        months=tuple(sorted({g.charge_day.strftime("%Y-%m") for g in daily})),
    )


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
        limit: int = MAX_EXPORT_BYTES,
    ) -> CostImport:
        """`limit`: MAX_EXPORT_BYTES in one message, MAX_STREAMED_BYTES streamed."""
        owner = own_parent(principal, parent)
        if len(content) > limit:
            raise focus.refusal(f"the export is larger than {limit} bytes", column="", line=0)
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
        prepared = None if known else await asyncio.to_thread(prepare_import, layout, content, twd)
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
            await self.store.store_parts(conn, owner, import_id, prepared.parts)
            await self.store.store_daily(conn, owner, import_id, prepared.daily)
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
        await self.store.lock_budgets(conn, owner)  # before reading budgets and costs
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
        """The organisation's rows whose charge day (UTC+8) is in [start, end): import by import
        in the order they were made, each import's rows by ChargePeriodStart and line."""
        owner = own_parent(principal, parent)
        start, end = _day(start_date, "start_date"), _day(end_date, "end_date")
        keys = await self.store.export_parts(owner, start, end)

        async def tables() -> AsyncIterator[pa.Table]:
            for import_id, part in keys:
                if part is None:
                    records = await self.store.legacy_rows(owner, import_id)
                    table = await asyncio.to_thread(_legacy_table, records)
                else:
                    parquet = await self.store.part(owner, import_id, part)
                    table = await asyncio.to_thread(pq.read_table, io.BytesIO(parquet))
                selected = await asyncio.to_thread(_in_range, table, start, end)
                if selected.num_rows:
                    yield selected

        if format is FocusFileFormat.CSV:
            pending = b""
            header = True
            async for table in tables():
                pending += await asyncio.to_thread(_csv, table, header)
                header = False
                while len(pending) >= CHUNK_BYTES:
                    yield pending[:CHUNK_BYTES]
                    pending = pending[CHUNK_BYTES:]
            if header:
                pending += await asyncio.to_thread(_csv, _EMPTY, True)
            if pending:
                yield pending
            return
        # Parquet: one row group per part, spooled (to disk past 64 MiB), then sent.
        spool = _ParquetSpool()
        try:
            async for table in tables():
                await spool.write(_typed(table))
            spool.finish()
            while chunk := spool.file.read(CHUNK_BYTES):
                yield chunk
        finally:
            spool.discard()

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


class _ParquetSpool:
    """A Parquet export spooled to a temporary file (on disk past 64 MiB), row group by row group.

    pyarrow writes and closes without the GIL: closing the writer while a write runs in a worker
    thread aborts the whole process ("pure virtual method called"). A caller cancelled mid-write
    (client gone, deadline) leaves that write running in its thread, so `discard` then leaves
    the closing to the write, which closes writer and file once it ends.
    """

    def __init__(self) -> None:
        # Closed by _close, from the write still running where the export was cancelled.
        self.file = tempfile.SpooledTemporaryFile(64 << 20)  # noqa: SIM115
        self._writer = pq.ParquetWriter(self.file, _EXPORT_SCHEMA, compression="zstd")
        self._lock = threading.Lock()
        self._writing = False
        self._discarded = False

    async def write(self, table: pa.Table) -> None:
        await asyncio.to_thread(self._write, table)

    def _write(self, table: pa.Table) -> None:
        if not self._begin_write():  # cancelled before this thread started
            return
        try:
            self._writer.write_table(table)
        finally:
            if self._end_write():
                self._close()

    def _begin_write(self) -> bool:
        with self._lock:
            self._writing = not self._discarded
            return self._writing

    def _end_write(self) -> bool:
        """True where the export was discarded while this write ran: closing is left to it."""
        with self._lock:
            self._writing = False
            return self._discarded

    def finish(self) -> None:
        """Writes the footer (no write runs: each was awaited) and rewinds to be read."""
        self._writer.close()
        self.file.seek(0)

    def discard(self) -> None:
        """Closes writer and file now, or, where a write still runs, when it ends."""
        with self._lock:
            self._discarded = True
            writing = self._writing
        if not writing:
            self._close()

    def _close(self) -> None:
        self._writer.close()  # a second close does nothing
        self.file.close()


def _this_month() -> str:
    return (datetime.now(UTC) + TAIPEI).strftime("%Y-%m")


_EXPORT_SCHEMA = pa.schema(
    [
        *(
            pa.field(
                name,
                pa.decimal128(38, 18)
                if name in focus.DECIMAL
                else pa.timestamp("s", tz="UTC")
                if name in focus.DATETIME
                else pa.string(),
            )
            for name in focus.MANDATORY_COLUMNS
        ),
        pa.field("Tags", pa.string()),
    ]
)
_EMPTY = STORED_SCHEMA.empty_table()


def _in_range(table: pa.Table, start: date | None, end: date | None) -> pa.Table:
    """The stored rows whose charge day is in [start, end), by ChargePeriodStart and line."""
    table = table.cast(STORED_SCHEMA)  # Parquet holds milliseconds
    if start is not None or end is not None:
        days = focus.charge_days(table.column("ChargePeriodStart").combine_chunks())
        keep = pa.array([True] * len(days)) if start is None else pc.greater_equal(days, pa.scalar(start))
        if end is not None:
            keep = pc.and_(keep, pc.less(days, pa.scalar(end)))
        table = table.filter(keep)
    return table.sort_by([("ChargePeriodStart", "ascending"), (focus.LINE, "ascending")])


_HEADER = (",".join((*focus.MANDATORY_COLUMNS, "Tags")) + "\n").encode()


def _csv_field(values: pa.Array) -> pa.Array:
    """RFC 4180 fields: quoted (quotes doubled) only where a value holds a quote, comma or newline;
    null → empty."""
    text = pc.fill_null(values, "")
    special = pc.match_substring_regex(text, r'[",\r\n]')
    if not pc.any(special).as_py():
        return text
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
    return pc.if_else(special, quoted, text)


def _csv(table: pa.Table, header: bool) -> bytes:
    """FOCUS CSV: amounts as given, date/times ISO 8601 in UTC with a Z, Tags as JSON, fields
    quoted only where needed (pyarrow's writer quotes every string)."""
    fields = [
        pc.strftime(table.column(name), format="%Y-%m-%dT%H:%M:%SZ")
        if name in focus.DATETIME
        else table.column(name)
        for name in (*focus.MANDATORY_COLUMNS, "Tags")
    ]
    joined = pc.binary_join_element_wise(*(_csv_field(f.combine_chunks()) for f in fields), ",")
    lines = pc.binary_join_element_wise(joined, "", "\n").cast(pa.large_string())
    # The values of a string array lie back to back in its data buffer: that is the text.
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset : lines.offset + len(lines) + 1]
    body = lines.buffers()[2][offsets[0] : offsets[-1]].to_pybytes() if len(lines) else b""
    return (_HEADER if header else b"") + body


def _typed(table: pa.Table) -> pa.Table:
    """Amounts as decimal128(38, 18), as FOCUS Parquet readers expect numbers."""
    try:
        return table.select(_EXPORT_SCHEMA.names).cast(_EXPORT_SCHEMA)
    except pa.ArrowInvalid:
        raise FailedPrecondition(
            "COST_EXPORT_INVALID",
            "an amount has more digits than a Parquet decimal(38, 18) holds; export CSV instead",
            domain=DOMAIN,
        ) from None


def _legacy_table(records: Sequence[Any]) -> pa.Table:
    """Rows of an import made before migration 0006 (cost_rows) as the stored rows' table."""
    from jipan.servers.cloud.billing.store import LEGACY_ROW_COLUMNS

    columns = {
        name: [record[column] for record in records]
        for name, column in zip(STORED_SCHEMA.names, LEGACY_ROW_COLUMNS, strict=True)
    }
    return pa.table(columns, schema=STORED_SCHEMA)
