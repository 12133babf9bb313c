"""SQL aggregates over procurement.orders for the analytics (schema `procurement`).

Every query groups in PostgreSQL and returns one row per cell: no order row
ever leaves the database. The full views read procurement.orders as it is
now. A k-anonymised view reads the released months' frozen sales instead
(`release` copies a month into analytics_released_sales once, at its first
k-anonymised read after it is released, migration 0005): it first reads the
base cells (listing × month, with their distinct agencies, total and two
largest agencies' parts), has the privacy service decide which to withhold,
and passes the published ones back in: each row then counts only if its base
cell is published (`pub`), and a cell with sales but none published is
suppressed, in the query, so that suppressed cells can be ordered by key
alone.
"""

from __future__ import annotations

from typing import Any

import asyncpg

from jipan.servers.procurement.analytics import (
    CURRENCY,
    DOMINANCE_N,
    SALE_STATES,
    BaseCell,
    Cell,
    Criteria,
    Dimension,
    Figures,
    ProductSales,
    Published,
    Ranking,
    View,
    month_key,
    month_start,
    months_between,
    next_month,
)
from jipan.servers.procurement.catalog import Category
from jipan.servers.procurement.names import ListingKey
from jipan.servers.runtime.idempotency import Connection

# The month at UTC+8 (Taiwan: no daylight saving), as "YYYY-MM", which sorts
# chronologically. A fixed offset rather than 'Asia/Taipei' so the result does
# not depend on the server's time-zone database.
MONTH = "to_char(create_time AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM')"

_GROUP_KEYS = {
    Dimension.CATEGORY: "category",
    Dimension.VENDOR: "vendor",
    Dimension.AGENCY: "agency",
    Dimension.MONTH: "month",
}
# Serialises the freezing of released months across servers sharing the database.
RELEASE_LOCK = 0x6A6970616E0501  # "jipan" 05 01

# The figures of the rows whose base cell is published (`pub`); `withheld`: some are not.
_FIGURES = (
    "coalesce(sum(orders) FILTER (WHERE pub), 0)::bigint AS orders,"
    " coalesce(sum(quantity) FILTER (WHERE pub), 0)::bigint AS quantity,"
    " coalesce(sum(total_minor) FILTER (WHERE pub), 0)::bigint AS total,"
    " count(DISTINCT agency) FILTER (WHERE pub) AS agencies, bool_or(NOT pub) AS withheld"
)
# A cell with sales, none of them in a published base cell (never in a view without k).
_SUPPRESSED = "cells.orders = 0"


class _Query:
    """Positional arguments and the WHERE clause shared by every aggregate: over the live
    orders (full views) or over the released months' frozen sales (`released`, k-anonymised
    views, whose time bounds are whole months)."""

    def __init__(self, view: View, criteria: Criteria, *, released: bool) -> None:
        self.args: list[Any] = []
        self.released = released
        self.conditions: list[str] = []
        if not released:
            self.conditions.append(f"state = ANY({self.arg(list(SALE_STATES))}::text[])")
            self.conditions.append(f"currency_code = {self.arg(CURRENCY)}")
        for column, value in (
            ("agency", view.agency),
            ("vendor", view.vendor),
            ("agency", criteria.agency),
            ("vendor", criteria.vendor),
            ("category", criteria.category.value if criteria.category else None),
        ):
            if value is not None:
                self.conditions.append(f"{column} = {self.arg(value)}")
        if released:
            if criteria.start is not None:
                self.conditions.append(f"month >= {self.arg(month_key(criteria.start))}")
            if criteria.end is not None:
                self.conditions.append(f"month < {self.arg(month_key(criteria.end))}")
        else:
            if criteria.start is not None:
                self.conditions.append(f"create_time >= {self.arg(criteria.start)}")
            if criteria.end is not None:
                self.conditions.append(f"create_time < {self.arg(criteria.end)}")

    def arg(self, value: Any) -> str:
        self.args.append(value)
        return f"${len(self.args)}"

    @property
    def where(self) -> str:
        return " AND ".join(self.conditions) or "true"

    @property
    def rows(self) -> str:
        """The view's sales, one row per order (live) or per listing, month and agency
        (released), with the same columns either way."""
        if self.released:
            return (
                "(SELECT month, vendor, listing_id, category, agency, orders, quantity, total_minor"  # noqa: S608 (placeholders only)
                f" FROM procurement.analytics_released_sales WHERE {self.where})"
            )
        return (
            f"(SELECT {MONTH} AS month, vendor, listing_id, category, agency,"  # noqa: S608 (placeholders only)
            " 1::bigint AS orders, quantity, total_minor"
            f" FROM procurement.orders WHERE {self.where})"
        )

    def orders(self, published: Published | None) -> str:
        """The view's sales with `pub`: whether the row's base cell is published."""
        if published is None:
            pub = "true"
        else:
            months = self.arg([cell.month for cell in published.cells])
            vendors = self.arg([cell.vendor for cell in published.cells])
            listings = self.arg([cell.listing_id for cell in published.cells])
            pub = (
                "((month, vendor, listing_id) IN"  # noqa: S608 (placeholders only)
                f" (SELECT * FROM unnest({months}::text[], {vendors}::text[], {listings}::uuid[])))"
            )
        return f"(SELECT *, {pub} AS pub FROM {self.rows} AS base) AS sales"  # noqa: S608


def _figures(row: asyncpg.Record) -> Figures | None:
    if row["suppressed"]:
        return None
    return Figures(
        order_count=int(row["orders"]),
        quantity=int(row["quantity"]),
        total_minor=int(row["total"]),
        agency_count=int(row["agencies"]),
    )


def _partial(row: asyncpg.Record) -> bool:
    return bool(row["withheld"]) and not row["suppressed"]


class SalesStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def release(self, through: str) -> None:
        """Freezes every month up to `through` ("YYYY-MM") not frozen yet, from the month of
        the first order on: its sales as they are now, per listing and agency. A frozen month
        is never written again. Racing servers take turns on an advisory lock; a month found
        frozen under it is skipped."""
        if await self._unreleased(self.pool, through) == []:
            return
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", RELEASE_LOCK)
            missing = await self._unreleased(conn, through)
            if not missing:
                return
            await conn.execute(
                "INSERT INTO procurement.analytics_released_months (month) SELECT unnest($1::text[])",
                missing,
            )
            await conn.execute(
                "INSERT INTO procurement.analytics_released_sales"  # noqa: S608 (fixed expressions)
                " (month, vendor, listing_id, category, agency, orders, quantity, total_minor)"
                f" SELECT {MONTH}, vendor, listing_id, category, agency, count(*), sum(quantity),"
                " sum(total_minor) FROM procurement.orders"
                " WHERE state = ANY($1::text[]) AND currency_code = $2"
                f" AND create_time >= $3 AND create_time < $4 AND {MONTH} = ANY($5::text[])"
                " GROUP BY 1, 2, 3, 4, 5",
                list(SALE_STATES),
                CURRENCY,
                month_start(missing[0]),
                next_month(month_start(missing[-1])),
                missing,
            )

    @staticmethod
    async def _unreleased(conn: asyncpg.Pool | Connection, through: str) -> list[str]:
        earliest = await conn.fetchval("SELECT min(create_time) FROM procurement.orders")
        if earliest is None or month_key(earliest) > through:
            return []
        wanted = months_between(month_key(earliest), through)
        rows = await conn.fetch(
            "SELECT month FROM procurement.analytics_released_months WHERE month >= $1 AND month <= $2",
            wanted[0],
            through,
        )
        done = {row["month"] for row in rows}
        return [month for month in wanted if month not in done]

    async def base_cells(self, view: View, criteria: Criteria) -> list[BaseCell]:
        """The released base cells a k-anonymised query covers: distinct agencies, total and
        the largest agencies' parts of it (for the dominance rule)."""
        query = _Query(view, criteria, released=True)
        rows = await self.pool.fetch(
            "SELECT month, vendor, listing_id, count(*) AS agencies, sum(total)::bigint AS total,"  # noqa: S608 (fixed expressions)
            f" (array_agg(total ORDER BY total DESC))[1:{DOMINANCE_N}] AS largest"
            " FROM (SELECT month, vendor, listing_id, agency, sum(total_minor)::bigint AS total"
            f" FROM {query.rows} AS base GROUP BY 1, 2, 3, 4) AS per_agency GROUP BY 1, 2, 3",
            *query.args,
        )
        return [
            BaseCell(
                row["month"],
                row["vendor"],
                row["listing_id"],
                int(row["agencies"]),
                int(row["total"]),
                tuple(int(value) for value in row["largest"]),
            )
            for row in rows
        ]

    async def aggregate(
        self,
        view: View,
        criteria: Criteria,
        dimension: Dimension,
        published: Published | None,
        offset: int,
        limit: int,
    ) -> list[Cell]:
        query = _Query(view, criteria, released=published is not None)
        sales = query.orders(published)
        if dimension is Dimension.MONTH:
            order = "key"  # chronological, suppressed or not
        else:
            order = f"{_SUPPRESSED}, CASE WHEN {_SUPPRESSED} THEN 0 ELSE total END DESC, key"
        sql = (
            f"SELECT *, {_SUPPRESSED} AS suppressed FROM ("  # noqa: S608 (fixed expressions)
            f" SELECT {_GROUP_KEYS[dimension]} AS key, {_FIGURES}"
            f" FROM {sales} GROUP BY 1) AS cells"
            f" ORDER BY {order} OFFSET {query.arg(offset)} LIMIT {query.arg(limit)}"
        )
        rows = await self.pool.fetch(sql, *query.args)
        return [Cell(row["key"], _figures(row), _partial(row)) for row in rows]

    async def monthly(
        self, view: View, criteria: Criteria, published: Published | None
    ) -> dict[str, tuple[Figures | None, bool]]:
        query = _Query(view, criteria, released=published is not None)
        sql = (
            f"SELECT *, {_SUPPRESSED} AS suppressed FROM ("  # noqa: S608 (fixed expressions)
            f" SELECT month AS key, {_FIGURES} FROM {query.orders(published)} GROUP BY 1) AS cells"
        )
        rows = await self.pool.fetch(sql, *query.args)
        return {row["key"]: (_figures(row), _partial(row)) for row in rows}

    async def products(
        self,
        view: View,
        criteria: Criteria,
        ranking: Ranking,
        published: Published | None,
        offset: int,
        limit: int,
    ) -> list[ProductSales]:
        query = _Query(view, criteria, released=published is not None)
        sales = query.orders(published)
        measure = "total" if ranking is Ranking.REVENUE else "quantity"
        sql = (
            f"SELECT cells.*, {_SUPPRESSED} AS suppressed,"  # noqa: S608 (fixed expressions)
            " l.product_name, l.product_version, l.category FROM ("
            f" SELECT vendor, listing_id, {_FIGURES}"
            f" FROM {sales} GROUP BY vendor, listing_id) AS cells"
            " JOIN procurement.listings l ON l.vendor = cells.vendor AND l.id = cells.listing_id"
            f" ORDER BY {_SUPPRESSED}, CASE WHEN {_SUPPRESSED} THEN 0 ELSE cells.{measure} END DESC,"
            f" cells.vendor, cells.listing_id OFFSET {query.arg(offset)} LIMIT {query.arg(limit)}"
        )
        rows = await self.pool.fetch(sql, *query.args)
        return [
            ProductSales(
                listing=ListingKey(row["vendor"], row["listing_id"]),
                product_name=row["product_name"],
                product_version=row["product_version"],
                category=Category(row["category"]),
                figures=_figures(row),
                partial=_partial(row),
            )
            for row in rows
        ]
