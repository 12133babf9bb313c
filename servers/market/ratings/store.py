"""Ratings and their per-provider aggregate (migrations/0007_ratings.sql) through asyncpg."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import asyncpg

from jipan.servers.market.ratings.model import Rating, RatingSummary
from jipan.servers.runtime.idempotency import Connection

_COLUMNS = "provider, id, order_name, agency, stars, review, digest, ledger_receipt, create_time"


def _rating(row: asyncpg.Record) -> Rating:
    return Rating(
        provider=row["provider"],
        id=str(row["id"]),
        order=row["order_name"],
        agency=row["agency"],
        stars=row["stars"],
        review=row["review"],
        digest=bytes(row["digest"]),
        ledger_receipt=row["ledger_receipt"],
        create_time=row["create_time"],
    )


class RatingStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def by_order(self, order: str, conn: Connection | None = None) -> Rating | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_COLUMNS} FROM market.ratings WHERE order_name = $1",  # noqa: S608
            order,
        )
        return None if row is None else _rating(row)

    async def insert(
        self,
        conn: Connection,
        *,
        provider: str,
        rating_id: str,
        order: str,
        agency: str,
        stars: int,
        review: str,
        digest: bytes,
        ledger_receipt: str,
    ) -> Rating | None:
        """The stored rating; None when the order already carries one (a concurrent rating won)."""
        row = await conn.fetchrow(
            "INSERT INTO market.ratings"  # noqa: S608
            " (provider, id, order_name, agency, stars, review, digest, ledger_receipt)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING"
            f" RETURNING {_COLUMNS}",
            provider,
            uuid.UUID(rating_id),
            order,
            agency,
            stars,
            review,
            digest,
            ledger_receipt,
        )
        if row is None:
            return None
        await conn.execute(
            "INSERT INTO market.rating_summaries (provider, count, stars_sum) VALUES ($1, 1, $2)"
            " ON CONFLICT (provider) DO UPDATE SET count = rating_summaries.count + 1,"
            " stars_sum = rating_summaries.stars_sum + EXCLUDED.stars_sum",
            provider,
            stars,
        )
        return _rating(row)

    async def list_ratings(self, provider: str, before: int | None, limit: int) -> list[tuple[int, Rating]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_COLUMNS} FROM market.ratings"  # noqa: S608
            " WHERE provider = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
            provider,
            before,
            limit,
        )
        return [(row["seq"], _rating(row)) for row in rows]

    async def summaries(self, providers: Sequence[str]) -> dict[str, RatingSummary]:
        rows = await self.pool.fetch(
            "SELECT provider, count, stars_sum FROM market.rating_summaries WHERE provider = ANY($1::text[])",
            list(providers),
        )
        return {row["provider"]: RatingSummary(row["count"], row["stars_sum"]) for row in rows}
