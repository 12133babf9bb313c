"""Offerings in PostgreSQL (the `cloud` schema's `offerings` table)."""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg

from jipan.servers.cloud.catalog.types import Offering, OfferingKind, PriceListFormat

_COLUMNS = (
    "owner, id, provider, kind, sku, type, region, zone, country, vcpu, memory_gib, gpu_count, gpu_model,"
    " certifications, sla_reference, unit_price, currency_code, unit, unit_price_twd, exchange_rate_date,"
    " source, import_time"
)


def _offering(row: asyncpg.Record) -> Offering:
    return Offering(
        owner=row["owner"],
        id=row["id"],
        provider=row["provider"],
        kind=OfferingKind(row["kind"]),
        sku=row["sku"],
        type=row["type"],
        region=row["region"],
        zone=row["zone"],
        country=row["country"],
        vcpu=row["vcpu"],
        memory_gib=row["memory_gib"],
        gpu_count=row["gpu_count"],
        gpu_model=row["gpu_model"],
        certifications=tuple(row["certifications"]),
        sla_reference=row["sla_reference"],
        unit_price=row["unit_price"],
        currency_code=row["currency_code"],
        unit=row["unit"],
        unit_price_twd=row["unit_price_twd"],
        exchange_rate_date=row["exchange_rate_date"],
        source=PriceListFormat(row["source"]),
        import_time=row["import_time"],
    )


class OfferingStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def upsert(self, offerings: Sequence[Offering]) -> None:
        """Write offerings; one with the same id (provider, kind, type, zone) is replaced."""
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.executemany(
                f"INSERT INTO cloud.offerings ({_COLUMNS})"  # noqa: S608
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
                " $19, $20, $21, $22)"
                " ON CONFLICT (owner, id) DO UPDATE SET provider = EXCLUDED.provider, kind = EXCLUDED.kind,"
                " sku = EXCLUDED.sku, type = EXCLUDED.type, region = EXCLUDED.region, zone = EXCLUDED.zone,"
                " country = EXCLUDED.country, vcpu = EXCLUDED.vcpu, memory_gib = EXCLUDED.memory_gib,"
                " gpu_count = EXCLUDED.gpu_count, gpu_model = EXCLUDED.gpu_model,"
                " certifications = EXCLUDED.certifications, sla_reference = EXCLUDED.sla_reference,"
                " unit_price = EXCLUDED.unit_price, currency_code = EXCLUDED.currency_code,"
                " unit = EXCLUDED.unit,"
                " unit_price_twd = EXCLUDED.unit_price_twd, exchange_rate_date = EXCLUDED.exchange_rate_date,"
                " source = EXCLUDED.source, import_time = EXCLUDED.import_time",
                [
                    (
                        o.owner,
                        o.id,
                        o.provider,
                        o.kind.value,
                        o.sku,
                        o.type,
                        o.region,
                        o.zone,
                        o.country,
                        o.vcpu,
                        o.memory_gib,
                        o.gpu_count,
                        o.gpu_model,
                        list(o.certifications),
                        o.sla_reference,
                        o.unit_price,
                        o.currency_code,
                        o.unit,
                        o.unit_price_twd,
                        o.exchange_rate_date,
                        o.source.value,
                        o.import_time,
                    )
                    for o in offerings
                ],
            )

    async def get(self, owner: str, offering_id: str) -> Offering | None:
        row = await self.pool.fetchrow(
            f"SELECT {_COLUMNS} FROM cloud.offerings WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            offering_id,
        )
        return None if row is None else _offering(row)

    async def list_page(
        self, owner: str, country: str, kind: OfferingKind | None, after: str, limit: int
    ) -> list[Offering]:
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM cloud.offerings"  # noqa: S608
            " WHERE owner = $1 AND ($2 = '' OR country = $2) AND ($3::text IS NULL OR kind = $3) AND id > $4"
            " ORDER BY id LIMIT $5",
            owner,
            country,
            kind.value if kind else None,
            after,
            limit,
        )
        return [_offering(row) for row in rows]

    async def count(self, owner: str) -> int:
        count: int = await self.pool.fetchval("SELECT count(*) FROM cloud.offerings WHERE owner = $1", owner)
        return count

    async def all(self, owner: str, limit: int) -> list[Offering]:
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM cloud.offerings WHERE owner = $1 ORDER BY id LIMIT $2",  # noqa: S608
            owner,
            limit,
        )
        return [_offering(row) for row in rows]
