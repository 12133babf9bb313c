"""Billing in PostgreSQL (the `cloud` schema's cost_imports, cost_import_parts, cost_daily,
budgets and budget_notifications tables). An import's FOCUS rows are stored as Parquet parts;
costs are summed here, in numeric, from cost_daily (effective cost per import, day, provider,
service, tag set and currency)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

import asyncpg

from jipan.servers.cloud.billing.types import (
    Budget,
    CostDimension,
    CostImport,
    DailyCost,
    DailyGroup,
    Notification,
    StoredPart,
)
from jipan.servers.runtime.idempotency import Connection

NOTIFY_CHANNEL = "cloud_budget_notifications"
"""pg_notify channel of raised notifications; the payload is "{owner}\\t{seq}"."""

# cost_daily's columns in COPY order (billing.domain builds the records).
DAILY_COLUMNS = (
    "owner",
    "import_id",
    "charge_day",
    "provider_name",
    "service_name",
    "tags",
    "billing_currency",
    "twd_per_unit",
    "effective_cost",
    "row_count",
)
# The rows of imports made before migration 0006 (cost_rows, no parts): the FOCUS
# columns in focus.MANDATORY order as snake_case, then tags and line.
LEGACY_ROW_COLUMNS = (
    "billed_cost",
    "billing_account_id",
    "billing_account_name",
    "billing_currency",
    "billing_period_end",
    "billing_period_start",
    "charge_category",
    "charge_class",
    "charge_description",
    "charge_period_end",
    "charge_period_start",
    "contracted_cost",
    "effective_cost",
    "invoice_issuer_name",
    "list_cost",
    "pricing_quantity",
    "pricing_unit",
    "provider_name",
    "publisher_name",
    "service_category",
    "service_name",
    "tags",
    "line",
)

_LEGACY_TEXT = {"billed_cost", "contracted_cost", "effective_cost", "list_cost", "pricing_quantity", "tags"}
_TWD = "effective_cost * twd_per_unit"
_GROUP = {
    CostDimension.PROVIDER: "provider_name",
    CostDimension.SERVICE: "service_name",
    CostDimension.MONTH: "to_char(charge_day, 'YYYY-MM')",
    CostDimension.TAG: "coalesce(tags ->> $4, '')",
    CostDimension.PROJECT: "coalesce(tags ->> 'project', '')",
}
_IMPORT_COLUMNS = "owner, id, provider, row_count, billed_cost_by_currency, create_time"
_BUDGET_COLUMNS = "owner, id, display_name, monthly_amount_twd, thresholds, tag_key, tag_value, create_time"
_NOTIFICATION_COLUMNS = "owner, id, budget_id, threshold, month, actual_twd, create_time"


def _import(row: asyncpg.Record) -> CostImport:
    return CostImport(
        owner=row["owner"],
        id=str(row["id"]),
        provider=row["provider"],
        row_count=row["row_count"],
        billed_cost_by_currency={
            k: Decimal(v) for k, v in json.loads(row["billed_cost_by_currency"]).items()
        },
        create_time=row["create_time"],
    )


def _budget(row: asyncpg.Record) -> Budget:
    return Budget(
        owner=row["owner"],
        id=str(row["id"]),
        display_name=row["display_name"],
        monthly_amount_twd=row["monthly_amount_twd"],
        thresholds=tuple(row["thresholds"]),
        tag_filter=f"{row['tag_key']}={row['tag_value']}" if row["tag_key"] else "",
        create_time=row["create_time"],
    )


def _notification(row: asyncpg.Record) -> Notification:
    return Notification(
        owner=row["owner"],
        id=str(row["id"]),
        budget_id=str(row["budget_id"]),
        threshold=row["threshold"],
        month=row["month"],
        actual_twd=row["actual_twd"],
        create_time=row["create_time"],
    )


class BillingStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    # --- imports -----------------------------------------------------------

    async def claim_import(
        self,
        conn: Connection,
        owner: str,
        import_id: str,
        layout: str,
        digest: bytes,
        rates: Mapping[str, object],
    ) -> str | None:
        """None when this call imports the file; the first import's id when the organisation has it."""
        inserted = await conn.fetchval(
            "INSERT INTO cloud.cost_imports (owner, id, layout, digest, provider, row_count,"
            " billed_cost_by_currency, rates) VALUES ($1, $2, $3, $4, '', 0, '{}', $5)"
            " ON CONFLICT (owner, digest) DO NOTHING RETURNING id",
            owner,
            uuid.UUID(import_id),
            layout,
            digest,
            json.dumps(rates, sort_keys=True),
        )
        if inserted is not None:
            return None
        first = await conn.fetchval(
            "SELECT id FROM cloud.cost_imports WHERE owner = $1 AND digest = $2", owner, digest
        )
        return str(first)

    async def import_by_digest(self, owner: str, digest: bytes) -> str | None:
        found = await self.pool.fetchval(
            "SELECT id FROM cloud.cost_imports WHERE owner = $1 AND digest = $2", owner, digest
        )
        return None if found is None else str(found)

    async def store_parts(
        self, conn: Connection, owner: str, import_id: str, parts: Sequence[StoredPart]
    ) -> None:
        """The import's rows, as Parquet parts (one bytea each)."""
        await conn.copy_records_to_table(
            "cost_import_parts",
            schema_name="cloud",
            columns=("owner", "import_id", "part", "row_count", "first_day", "last_day", "parquet"),
            records=[
                (owner, uuid.UUID(import_id), index, p.rows, p.first_day, p.last_day, p.parquet)
                for index, p in enumerate(parts)
            ],
        )

    async def store_daily(
        self, conn: Connection, owner: str, import_id: str, daily: Sequence[DailyGroup]
    ) -> None:
        """The import's effective cost per day, provider, service, tag set and currency."""
        await conn.execute(
            f"INSERT INTO cloud.cost_daily ({', '.join(DAILY_COLUMNS)})"  # noqa: S608
            " SELECT $1, $2, d, p, s, t::jsonb, c, r, e, n FROM unnest($3::date[], $4::text[],"
            " $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[], $10::integer[])"
            " AS u(d, p, s, t, c, r, e, n)",
            owner,
            uuid.UUID(import_id),
            [g.charge_day for g in daily],
            [g.provider_name for g in daily],
            [g.service_name for g in daily],
            [g.tags for g in daily],
            [g.billing_currency for g in daily],
            [g.twd_per_unit for g in daily],
            [g.effective_cost for g in daily],
            [g.rows for g in daily],
        )

    async def finish_import(
        self,
        conn: Connection,
        owner: str,
        import_id: str,
        count: int,
        billed: Mapping[str, Decimal],
        providers: Sequence[str],
    ) -> CostImport:
        """Records the import's row count, sums and providers (computed as its rows were prepared)."""
        row = await conn.fetchrow(
            "UPDATE cloud.cost_imports SET row_count = $3, billed_cost_by_currency = $4, provider = $5"  # noqa: S608
            f" WHERE owner = $1 AND id = $2 RETURNING {_IMPORT_COLUMNS}",
            owner,
            uuid.UUID(import_id),
            count,
            json.dumps({k: format(v, "f") for k, v in billed.items()}, sort_keys=True),
            ", ".join(providers),
        )
        assert row is not None  # the import's row was claimed in this transaction
        return _import(row)

    async def get_import(
        self, owner: str, import_id: str, conn: Connection | None = None
    ) -> CostImport | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_IMPORT_COLUMNS} FROM cloud.cost_imports WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            uuid.UUID(import_id),
        )
        return None if row is None else _import(row)

    # --- costs -------------------------------------------------------------

    async def costs(
        self, owner: str, dimension: CostDimension, tag_key: str, start: date | None, end: date | None
    ) -> list[tuple[str, Decimal]]:
        group = _GROUP[dimension]
        order = "1" if dimension is CostDimension.MONTH else "2 DESC, 1"
        rows = await self.pool.fetch(
            f"SELECT {group} AS key, sum({_TWD}) AS twd FROM cloud.cost_daily"  # noqa: S608
            " WHERE owner = $1 AND ($2::date IS NULL OR charge_day >= $2)"
            " AND ($3::date IS NULL OR charge_day < $3)"
            + (" AND $4::text IS NOT NULL" if dimension is CostDimension.TAG else " AND $4::text IS NULL")
            + f" GROUP BY 1 ORDER BY {order}",
            owner,
            start,
            end,
            tag_key if dimension is CostDimension.TAG else None,
        )
        return [(row["key"], row["twd"]) for row in rows]

    async def daily(self, owner: str) -> list[DailyCost]:
        rows = await self.pool.fetch(
            f"SELECT charge_day, sum({_TWD}) AS twd FROM cloud.cost_daily WHERE owner = $1"  # noqa: S608
            " GROUP BY 1 ORDER BY 1",
            owner,
        )
        return [DailyCost(row["charge_day"], row["twd"]) for row in rows]

    async def export_parts(
        self, owner: str, start: date | None, end: date | None
    ) -> list[tuple[str, int | None]]:
        """(import id, part) of the organisation's rows whose charge days may fall in [start, end),
        in import order; part None: an import made before migration 0006, whose rows are in cost_rows."""
        rows = await self.pool.fetch(
            "SELECT i.id, p.part FROM cloud.cost_imports i"
            " LEFT JOIN cloud.cost_import_parts p ON p.owner = i.owner AND p.import_id = i.id"
            " WHERE i.owner = $1 AND i.row_count > 0"
            " AND (p.part IS NULL OR (($2::date IS NULL OR p.last_day >= $2)"
            " AND ($3::date IS NULL OR p.first_day < $3)))"
            " ORDER BY i.seq, p.part",
            owner,
            start,
            end,
        )
        return [(str(row["id"]), row["part"]) for row in rows]

    async def part(self, owner: str, import_id: str, part: int) -> bytes:
        parquet = await self.pool.fetchval(
            "SELECT parquet FROM cloud.cost_import_parts WHERE owner = $1 AND import_id = $2 AND part = $3",
            owner,
            uuid.UUID(import_id),
            part,
        )
        return bytes(parquet or b"")

    async def legacy_rows(self, owner: str, import_id: str) -> list[asyncpg.Record]:
        """An import's rows from before migration 0006 (cost_rows), amounts as text."""
        selected = ", ".join(f"{c}::text AS {c}" if c in _LEGACY_TEXT else c for c in LEGACY_ROW_COLUMNS)
        return await self.pool.fetch(
            f"SELECT {selected} FROM cloud.cost_rows WHERE owner = $1 AND import_id = $2 ORDER BY line",  # noqa: S608
            owner,
            uuid.UUID(import_id),
        )

    # --- budgets -----------------------------------------------------------

    async def insert_budget(self, conn: Connection, budget: Budget, tag_key: str, tag_value: str) -> Budget:
        row = await conn.fetchrow(
            "INSERT INTO cloud.budgets (owner, id, display_name, monthly_amount_twd, thresholds, tag_key,"  # noqa: S608
            f" tag_value, create_time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {_BUDGET_COLUMNS}",
            budget.owner,
            uuid.UUID(budget.id),
            budget.display_name,
            budget.monthly_amount_twd,
            list(budget.thresholds),
            tag_key,
            tag_value,
            budget.create_time,
        )
        assert row is not None
        return _budget(row)

    async def get_budget(self, owner: str, budget_id: str, conn: Connection | None = None) -> Budget | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_BUDGET_COLUMNS} FROM cloud.budgets WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            uuid.UUID(budget_id),
        )
        return None if row is None else _budget(row)

    async def list_budgets(self, owner: str, after: int, limit: int) -> list[tuple[int, Budget]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_BUDGET_COLUMNS} FROM cloud.budgets WHERE owner = $1 AND seq > $2"  # noqa: S608
            " ORDER BY seq LIMIT $3",
            owner,
            after,
            limit,
        )
        return [(row["seq"], _budget(row)) for row in rows]

    async def lock_budgets(self, conn: Connection, owner: str) -> None:
        """Until the transaction ends, the owner's budget checks wait for each other: under READ
        COMMITTED two imports checked at once would each sum only their own uncommitted rows (600
        and 600 of 1000: no 100 % notification), and a budget created beside an import would miss
        it. The check after the lock reads, in a new snapshot, all that the one before committed."""
        await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended('cloud-budgets:' || $1, 0))", owner)

    async def budgets_of(self, conn: Connection, owner: str) -> list[Budget]:
        rows = await conn.fetch(
            f"SELECT {_BUDGET_COLUMNS} FROM cloud.budgets WHERE owner = $1 ORDER BY seq",  # noqa: S608
            owner,
        )
        return [_budget(row) for row in rows]

    async def month_cost(self, conn: Connection, owner: str, month: str, tag_filter: str) -> Decimal:
        key, _, value = tag_filter.partition("=")
        first = date.fromisoformat(f"{month}-01")
        following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        total = await conn.fetchval(
            f"SELECT coalesce(sum({_TWD}), 0) FROM cloud.cost_daily"  # noqa: S608
            " WHERE owner = $1 AND charge_day >= $2 AND charge_day < $3"
            " AND ($4 = '' OR tags ->> $4 = $5)",
            owner,
            first,
            following,
            key,
            value,
        )
        return Decimal(total)

    # --- notifications -----------------------------------------------------

    async def raise_notification(
        self, conn: Connection, owner: str, budget_id: str, threshold: float, month: str, actual: Decimal
    ) -> bool:
        """True when this threshold had not fired for the month yet (then every replica hears of it)."""
        seq = await conn.fetchval(
            "INSERT INTO cloud.budget_notifications (owner, id, budget_id, threshold, month, actual_twd)"
            " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (owner, budget_id, threshold, month) DO NOTHING"
            " RETURNING seq",
            owner,
            uuid.uuid4(),
            uuid.UUID(budget_id),
            threshold,
            month,
            actual,
        )
        if seq is None:
            return False
        # Delivered on commit, to every replica's NotificationFeed.
        await conn.execute("SELECT pg_notify($1, $2)", NOTIFY_CHANNEL, f"{owner}\t{seq}")
        return True

    async def list_notifications(self, owner: str, before: int, limit: int) -> list[tuple[int, Notification]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_NOTIFICATION_COLUMNS} FROM cloud.budget_notifications"  # noqa: S608
            " WHERE owner = $1 AND ($2 = 0 OR seq < $2) ORDER BY seq DESC LIMIT $3",
            owner,
            before,
            limit,
        )
        return [(row["seq"], _notification(row)) for row in rows]

    async def notifications_by_seq(self, owner: str, seqs: Sequence[int]) -> list[Notification]:
        rows = await self.pool.fetch(
            f"SELECT {_NOTIFICATION_COLUMNS} FROM cloud.budget_notifications"  # noqa: S608
            " WHERE owner = $1 AND seq = ANY($2::bigint[]) ORDER BY seq",
            owner,
            list(seqs),
        )
        return [_notification(row) for row in rows]
