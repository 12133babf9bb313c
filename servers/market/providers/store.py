"""Providers and offers (migrations/0003_providers.sql) through asyncpg."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import asyncpg

from jipan.servers.market.providers.model import Offer, OfferKind, Price, ProviderProfile
from jipan.servers.runtime.idempotency import Connection

_PROVIDER_COLUMNS = (
    "organization, display_name, description_zh, description_en, regions, certifications, contact_uri,"
    " create_time,"
    # The ratings context keeps the aggregate (migrations/0007_ratings.sql); none: zero.
    " (SELECT coalesce(max(r.count), 0) FROM market.rating_summaries r"
    " WHERE r.provider = providers.organization) AS rating_count,"
    " (SELECT coalesce(max(r.stars_sum), 0) FROM market.rating_summaries r"
    " WHERE r.provider = providers.organization) AS rating_stars_sum"
)
_OFFER_COLUMNS = (
    "provider, id, project_id, kind, description_zh, description_en, capabilities, regions, on_premises,"
    " currency, price_min_minor, price_max_minor, response_time_s, listing, create_time"
)


def _provider(row: asyncpg.Record, prefix: str = "") -> ProviderProfile:
    return ProviderProfile(
        organization=row[prefix + "organization"],
        display_name=row[prefix + "display_name"],
        description_zh=row[prefix + "description_zh"],
        description_en=row[prefix + "description_en"],
        regions=tuple(row[prefix + "regions"]),
        certifications=tuple(row[prefix + "certifications"]),
        contact_uri=row[prefix + "contact_uri"],
        create_time=row[prefix + "create_time"],
        rating_count=row[prefix + "rating_count"],
        rating_stars_sum=row[prefix + "rating_stars_sum"],
    )


# The provider of each offer, joined as "p" with its columns prefixed "p_" (offers have some of
# the same names).
_JOINED_PROVIDER_COLUMNS = (
    ", ".join(  # noqa: S608 - this module's own column names
        f"p.{c} AS p_{c}"
        for c in (
            "organization",
            "display_name",
            "description_zh",
            "description_en",
            "regions",
            "certifications",
            "contact_uri",
            "create_time",
        )
    )
    + ", (SELECT coalesce(max(r.count), 0) FROM market.rating_summaries r"
    " WHERE r.provider = p.organization) AS p_rating_count,"
    " (SELECT coalesce(max(r.stars_sum), 0) FROM market.rating_summaries r"
    " WHERE r.provider = p.organization) AS p_rating_stars_sum"
)
_JOINED_OFFER_COLUMNS = ", ".join(f"o.{c.strip()}" for c in _OFFER_COLUMNS.split(","))


def _offer(row: asyncpg.Record) -> Offer:
    currency = row["currency"]
    return Offer(
        provider=row["provider"],
        id=str(row["id"]),
        project_id=row["project_id"],
        kind=OfferKind(row["kind"]),
        description_zh=row["description_zh"],
        description_en=row["description_en"],
        capabilities=tuple(row["capabilities"]),
        regions=tuple(row["regions"]),
        on_premises=row["on_premises"],
        price_min=None if row["price_min_minor"] is None else Price(currency, row["price_min_minor"]),
        price_max=None if row["price_max_minor"] is None else Price(currency, row["price_max_minor"]),
        response_time_s=row["response_time_s"],
        listing=row["listing"],
        create_time=row["create_time"],
    )


class ProviderStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert_provider(self, profile: ProviderProfile) -> ProviderProfile | None:
        """The stored profile, or None when the organisation already has one."""
        row = await self.pool.fetchrow(
            "INSERT INTO market.providers"  # noqa: S608
            " (organization, display_name, description_zh, description_en, regions, certifications,"
            " contact_uri)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING"
            f" RETURNING {_PROVIDER_COLUMNS}",
            profile.organization,
            profile.display_name,
            profile.description_zh,
            profile.description_en,
            list(profile.regions),
            list(profile.certifications),
            profile.contact_uri,
        )
        return None if row is None else _provider(row)

    async def get_provider(self, organization: str) -> ProviderProfile | None:
        row = await self.pool.fetchrow(
            f"SELECT {_PROVIDER_COLUMNS} FROM market.providers WHERE organization = $1",  # noqa: S608
            organization,
        )
        return None if row is None else _provider(row)

    async def get_providers(
        self, organizations: Sequence[str], conn: Connection | None = None
    ) -> dict[str, ProviderProfile]:
        rows = await (conn or self.pool).fetch(
            f"SELECT {_PROVIDER_COLUMNS} FROM market.providers WHERE organization = ANY($1::text[])",  # noqa: S608
            list(organizations),
        )
        return {row["organization"]: _provider(row) for row in rows}

    async def list_providers(self, after: str, limit: int) -> list[ProviderProfile]:
        rows = await self.pool.fetch(
            f"SELECT {_PROVIDER_COLUMNS} FROM market.providers WHERE organization > $1"  # noqa: S608
            " ORDER BY organization LIMIT $2",
            after,
            limit,
        )
        return [_provider(r) for r in rows]

    async def update_provider(self, organization: str, fields: dict[str, Any]) -> ProviderProfile | None:
        assignments = [f"{column} = ${n}" for n, column in enumerate(fields, start=2)]
        row = await self.pool.fetchrow(
            f"UPDATE market.providers SET {', '.join(assignments)} WHERE organization = $1"  # noqa: S608
            f" RETURNING {_PROVIDER_COLUMNS}",
            organization,
            *fields.values(),
        )
        return None if row is None else _provider(row)

    async def insert_offer(self, offer: Offer, tokens: Sequence[str]) -> Offer:
        price_min, price_max = offer.price_min, offer.price_max
        priced = price_min or price_max
        currency = priced.currency if priced is not None else None
        row = await self.pool.fetchrow(
            "INSERT INTO market.offers (provider, id, project_id, kind, description_zh, description_en,"  # noqa: S608
            " capabilities, regions, on_premises, currency, price_min_minor, price_max_minor,"
            " response_time_s, listing, search_tokens)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
            f" RETURNING {_OFFER_COLUMNS}",
            offer.provider,
            uuid.uuid4(),
            offer.project_id,
            offer.kind.value,
            offer.description_zh,
            offer.description_en,
            list(offer.capabilities),
            list(offer.regions),
            offer.on_premises,
            currency,
            None if price_min is None else price_min.amount_minor,
            None if price_max is None else price_max.amount_minor,
            offer.response_time_s,
            offer.listing,
            list(tokens),
        )
        assert row is not None
        return _offer(row)

    async def get_offer(self, provider: str, offer_id: str) -> Offer | None:
        row = await self.pool.fetchrow(
            f"SELECT {_OFFER_COLUMNS} FROM market.offers WHERE provider = $1 AND id = $2",  # noqa: S608
            provider,
            uuid.UUID(offer_id),
        )
        return None if row is None else _offer(row)

    async def list_offers(
        self, provider: str | None, project_id: str | None, after: int, limit: int
    ) -> list[tuple[int, Offer]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_OFFER_COLUMNS} FROM market.offers"  # noqa: S608
            " WHERE ($1::text IS NULL OR provider = $1) AND ($2::text IS NULL OR project_id = $2)"
            " AND seq > $3"
            " ORDER BY seq LIMIT $4",
            provider,
            project_id,
            after,
            limit,
        )
        return [(row["seq"], _offer(row)) for row in rows]

    async def delete_offer(self, provider: str, offer_id: str) -> bool:
        status = await self.pool.execute(
            "DELETE FROM market.offers WHERE provider = $1 AND id = $2", provider, uuid.UUID(offer_id)
        )
        return str(status).endswith(" 1")

    async def offers_with_words(
        self, tokens: Sequence[str], limit: int
    ) -> list[tuple[Offer, frozenset[str], ProviderProfile]]:
        """Offers whose own words meet the need's, each with the need's tokens it holds and its
        provider (one round trip)."""
        return await self._offers_for_match(tokens, "o.search_tokens && $1::text[]", [list(tokens)], limit)

    async def offers_for_projects(
        self, tokens: Sequence[str], project_ids: Sequence[str], limit: int
    ) -> list[tuple[Offer, frozenset[str], ProviderProfile]]:
        """Offers for the candidate projects, each with the need's tokens it holds and its provider."""
        return await self._offers_for_match(
            tokens, "o.project_id = ANY($1::text[])", [list(project_ids)], limit
        )

    async def _offers_for_match(
        self, tokens: Sequence[str], condition: str, args: list[Any], limit: int
    ) -> list[tuple[Offer, frozenset[str], ProviderProfile]]:
        rows = await self.pool.fetch(
            f"SELECT {_JOINED_OFFER_COLUMNS}, o.search_tokens, {_JOINED_PROVIDER_COLUMNS}"  # noqa: S608
            f" FROM market.offers o JOIN market.providers p ON p.organization = o.provider"
            f" WHERE {condition} LIMIT ${len(args) + 1}",
            *args,
            limit,
        )
        wanted = frozenset(tokens)
        return [(_offer(r), wanted.intersection(r["search_tokens"]), _provider(r, "p_")) for r in rows]
