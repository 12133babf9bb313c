"""SQL aggregates over procurement.orders for the analytics (schema `procurement`).

Every query groups in PostgreSQL and returns one row per cell: no order row
ever leaves the database. The suppression test (`agencies < k`) is part of
the query so that suppressed cells can be ordered by key alone.
"""

from __future__ import annotations

from typing import Any

import asyncpg

from jipan.servers.procurement.analytics import (
    CURRENCY,
    SALE_STATES,
    Cell,
    Criteria,
    Dimension,
    Figures,
    ProductSales,
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

_FIGURES = (
    "count(*) AS orders, sum(quantity)::bigint AS quantity, sum(total_minor)::bigint AS total,"
    " count(DISTINCT agency) AS agencies"
)


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


def _figures(row: asyncpg.Record) -> Figures | None:
    if row["suppressed"]:
        return None
    return Figures(
        order_count=int(row["orders"]),
        quantity=int(row["quantity"]),
        total_minor=int(row["total"]),
        agency_count=int(row["agencies"]),
    )


class SalesStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def aggregate(
        self, view: View, criteria: Criteria, dimension: Dimension, offset: int, limit: int
    ) -> list[Cell]:
        query = _Query(view, criteria)
        k = query.arg(view.k)
        if dimension is Dimension.MONTH:
            order = "key"  # chronological, suppressed or not
        else:
            order = f"agencies < {k}, CASE WHEN agencies < {k} THEN 0 ELSE total END DESC, key"
        sql = (
            f"SELECT key, orders, quantity, total, agencies, agencies < {k} AS suppressed FROM ("  # noqa: S608 (fixed expressions)
            f" SELECT {_GROUP_KEYS[dimension]} AS key, {_FIGURES}"
            f" FROM procurement.orders WHERE {query.where} GROUP BY 1) AS cells"
            f" ORDER BY {order} OFFSET {query.arg(offset)} LIMIT {query.arg(limit)}"
        )
        rows = await self.pool.fetch(sql, *query.args)
        return [Cell(row["key"], _figures(row)) for row in rows]

    async def monthly(self, view: View, criteria: Criteria) -> dict[str, Figures | None]:
        query = _Query(view, criteria)
        k = query.arg(view.k)
        sql = (
            f"SELECT key, orders, quantity, total, agencies, agencies < {k} AS suppressed FROM ("  # noqa: S608 (fixed expressions)
            f" SELECT {MONTH} AS key, {_FIGURES}"
            f" FROM procurement.orders WHERE {query.where} GROUP BY 1) AS cells"
        )
        rows = await self.pool.fetch(sql, *query.args)
        return {row["key"]: _figures(row) for row in rows}

    async def products(
        self, view: View, criteria: Criteria, ranking: Ranking, offset: int, limit: int
    ) -> list[ProductSales]:
        query = _Query(view, criteria)
        k = query.arg(view.k)
        measure = "total" if ranking is Ranking.REVENUE else "quantity"
        sql = (
            "SELECT cells.*, cells.agencies < " + k + " AS suppressed,"  # noqa: S608 (fixed expressions)
            " l.product_name, l.product_version, l.category FROM ("
            f" SELECT vendor, listing_id, {_FIGURES}"
            f" FROM procurement.orders WHERE {query.where} GROUP BY vendor, listing_id) AS cells"
            " JOIN procurement.listings l ON l.vendor = cells.vendor AND l.id = cells.listing_id"
            f" ORDER BY suppressed, CASE WHEN cells.agencies < {k} THEN 0 ELSE cells.{measure} END DESC,"
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
            )
            for row in rows
        ]
