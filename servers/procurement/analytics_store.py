"""SQL aggregates over procurement.orders for the analytics (schema `procurement`).

Every query groups in PostgreSQL and returns one row per cell: no order row
ever leaves the database. For a k-anonymised view the analytics first read
the base cells (listing × month, with their distinct agencies), have the
privacy service decide which to withhold, and pass the published ones back
in: each order then counts only if its base cell is published (`pub`), and a
cell with sales but none published is suppressed, in the query, so that
suppressed cells can be ordered by key alone.
"""

from __future__ import annotations

from typing import Any

import asyncpg

from jipan.servers.procurement.analytics import (
    CURRENCY,
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
)
from jipan.servers.procurement.catalog import Category
from jipan.servers.procurement.names import ListingKey

# The month at UTC+8 (Taiwan: no daylight saving), as "YYYY-MM", which sorts
# chronologically. A fixed offset rather than 'Asia/Taipei' so the result does
# not depend on the server's time-zone database.
MONTH = "to_char(create_time AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM')"

_GROUP_KEYS = {
    Dimension.CATEGORY: "category",
    Dimension.VENDOR: "vendor",
    Dimension.AGENCY: "agency",
    Dimension.MONTH: MONTH,
}

# The figures of the orders whose base cell is published (`pub`); `withheld`: some are not.
_FIGURES = (
    "count(*) FILTER (WHERE pub) AS orders,"
    " coalesce(sum(quantity) FILTER (WHERE pub), 0)::bigint AS quantity,"
    " coalesce(sum(total_minor) FILTER (WHERE pub), 0)::bigint AS total,"
    " count(DISTINCT agency) FILTER (WHERE pub) AS agencies, bool_or(NOT pub) AS withheld"
)
# A cell with sales, none of them in a published base cell (never in a view without k).
_SUPPRESSED = "cells.orders = 0"


class _Query:
    """Positional arguments and the WHERE clause shared by every aggregate."""

    def __init__(self, view: View, criteria: Criteria) -> None:
        self.args: list[Any] = []
        self.conditions = [f"state = ANY({self.arg(list(SALE_STATES))}::text[])"]
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
        if criteria.start is not None:
            self.conditions.append(f"create_time >= {self.arg(criteria.start)}")
        if criteria.end is not None:
            self.conditions.append(f"create_time < {self.arg(criteria.end)}")

    def arg(self, value: Any) -> str:
        self.args.append(value)
        return f"${len(self.args)}"

    @property
    def where(self) -> str:
        return " AND ".join(self.conditions)

    def orders(self, published: Published | None) -> str:
        """The view's sales with `pub`: whether the order's base cell is published."""
        if published is None:
            pub = "true"
        else:
            months = self.arg([cell.month for cell in published.cells])
            vendors = self.arg([cell.vendor for cell in published.cells])
            listings = self.arg([cell.listing_id for cell in published.cells])
            pub = (
                f"(({MONTH}, vendor, listing_id) IN"  # noqa: S608 (placeholders only)
                f" (SELECT * FROM unnest({months}::text[], {vendors}::text[], {listings}::uuid[])))"
            )
        return f"(SELECT *, {pub} AS pub FROM procurement.orders WHERE {self.where}) AS sales"  # noqa: S608


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

    async def base_cells(self, view: View, criteria: Criteria) -> list[BaseCell]:
        query = _Query(view, criteria)
        rows = await self.pool.fetch(
            f"SELECT {MONTH} AS month, vendor, listing_id, count(DISTINCT agency) AS agencies"  # noqa: S608 (fixed expressions)
            f" FROM procurement.orders WHERE {query.where} GROUP BY 1, 2, 3",
            *query.args,
        )
        return [
            BaseCell(row["month"], row["vendor"], row["listing_id"], int(row["agencies"])) for row in rows
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
        query = _Query(view, criteria)
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
        query = _Query(view, criteria)
        sql = (
            f"SELECT *, {_SUPPRESSED} AS suppressed FROM ("  # noqa: S608 (fixed expressions)
            f" SELECT {MONTH} AS key, {_FIGURES} FROM {query.orders(published)} GROUP BY 1) AS cells"
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
        query = _Query(view, criteria)
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
