"""PostgreSQL access for procurement (schema `procurement`). SQL lives here only."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
import orjson
from asyncpg.pool import PoolConnectionProxy

from jipan.servers.procurement.catalog import (
    Category,
    LicenceTerms,
    Listing,
    ListingDraft,
    ListingState,
    Lot,
    PriceTier,
    Sla,
    name_tokens,
    search_tokens,
)
from jipan.servers.procurement.names import ListingKey
from jipan.servers.runtime.group_commit import BATCH_MAX, WRITERS, GroupCommit

Connection = asyncpg.Connection | PoolConnectionProxy

SCHEMA = "procurement"
MIGRATIONS = Path(__file__).with_name("migrations")

_LISTING_COLUMNS = (
    "vendor, id, seq, lot, category, product_name, product_version, description, price_tiers,"
    " licence_terms, sla, support, state, latest_review, sbom_sha256, create_time, update_time"
)


def _lot(row: asyncpg.Record) -> Lot:
    return Lot(
        id=row["id"],
        display_name=row["display_name"],
        category=Category(row["category"]),
        contract_number=row["contract_number"],
        description=row["description"],
        create_time=row["create_time"],
    )


_PRICE_TIER_FIELDS = tuple(field.name for field in fields(PriceTier))


def price_tiers_json(tiers: Sequence[PriceTier]) -> list[dict[str, Any]]:
    # asdict(tier), without its recursive deep copy (~30 µs a listing on a slow
    # host, paid by every order): a tier's fields are all scalars.
    return [{name: getattr(tier, name) for name in _PRICE_TIER_FIELDS} for tier in tiers]


def draft_json(draft: ListingDraft) -> dict[str, Any]:
    return {
        "price_tiers": price_tiers_json(draft.price_tiers),
        "licence_terms": draft.licence_terms.to_json(),
        "sla": None if draft.sla is None else draft.sla.to_json(),
    }


def _draft_values(draft: ListingDraft) -> tuple[Any, ...]:
    """What a vendor's draft stores, in the column order both INSERT and UPDATE use:
    product_name .. support, then the search tokens derived from it."""
    data = draft_json(draft)
    return (
        draft.product_name,
        draft.product_version,
        draft.description,
        data["price_tiers"],
        min(tier.unit_price_minor for tier in draft.price_tiers),
        data["licence_terms"],
        data["sla"],
        draft.support,
        search_tokens(draft),
        name_tokens(draft),
    )


def _listing(row: asyncpg.Record) -> Listing:
    sla = row["sla"]
    draft = ListingDraft(
        lot=row["lot"],
        product_name=row["product_name"],
        product_version=row["product_version"],
        description=row["description"],
        price_tiers=tuple(PriceTier(**tier) for tier in row["price_tiers"]),
        licence_terms=LicenceTerms.from_json(row["licence_terms"]),
        sla=None if sla is None else Sla.from_json(sla),
        support=row["support"],
    )
    return Listing(
        key=ListingKey(row["vendor"], row["id"]),
        draft=draft,
        category=Category(row["category"]),
        state=ListingState(row["state"]),
        latest_review=row["latest_review"],
        sbom_sha256=None if row["sbom_sha256"] is None else bytes(row["sbom_sha256"]),
        create_time=row["create_time"],
        update_time=row["update_time"],
        extra={"seq": row["seq"]},
    )


class CatalogStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    # -- lots ---------------------------------------------------------------

    async def insert_lot(self, lot: Lot) -> Lot | None:
        """The stored lot, or None when the id is taken."""
        row = await self.pool.fetchrow(
            "INSERT INTO procurement.lots (id, display_name, category, contract_number, description)"
            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING *",
            lot.id,
            lot.display_name,
            lot.category.value,
            lot.contract_number,
            lot.description,
        )
        return None if row is None else _lot(row)

    async def get_lot(self, lot_id: str) -> Lot | None:
        row = await self.pool.fetchrow("SELECT * FROM procurement.lots WHERE id = $1", lot_id)
        return None if row is None else _lot(row)

    async def list_lots(self, category: Category | None, after_seq: int, limit: int) -> list[tuple[int, Lot]]:
        rows = await self.pool.fetch(
            "SELECT * FROM procurement.lots WHERE seq > $1 AND ($2::text IS NULL OR category = $2)"
            " ORDER BY seq LIMIT $3",
            after_seq,
            None if category is None else category.value,
            limit,
        )
        return [(row["seq"], _lot(row)) for row in rows]

    # -- listings -----------------------------------------------------------

    async def insert_listing(
        self, conn: Connection, key: ListingKey, draft: ListingDraft, category: Category
    ) -> Listing:
        row = await conn.fetchrow(
            "INSERT INTO procurement.listings (vendor, id, lot, category, product_name,"  # noqa: S608 (fixed column list)
            " product_version, description, price_tiers, min_unit_price_minor, licence_terms, sla, support,"
            " search_tokens, name_tokens, state)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'DRAFT')"
            f" RETURNING {_LISTING_COLUMNS}",
            key.vendor,
            key.id,
            draft.lot,
            category.value,
            *_draft_values(draft),
        )
        assert row is not None
        return _listing(row)

    async def update_listing_draft(self, conn: Connection, key: ListingKey, draft: ListingDraft) -> Listing:
        row = await conn.fetchrow(
            "UPDATE procurement.listings SET product_name = $3, product_version = $4, description = $5,"  # noqa: S608 (fixed column list)
            " price_tiers = $6, min_unit_price_minor = $7, licence_terms = $8, sla = $9, support = $10,"
            " search_tokens = $11, name_tokens = $12, state = 'DRAFT', update_time = now()"
            f" WHERE vendor = $1 AND id = $2 RETURNING {_LISTING_COLUMNS}",
            key.vendor,
            key.id,
            *_draft_values(draft),
        )
        assert row is not None
        # A changed listing is no longer the one whose packages were reviewed.
        await conn.execute(
            "DELETE FROM procurement.listing_packages WHERE vendor = $1 AND listing_id = $2",
            key.vendor,
            key.id,
        )
        return _listing(row)

    async def get_listing(
        self, key: ListingKey, conn: Connection | None = None, *, for_update: bool = False
    ) -> Listing | None:
        sql = f"SELECT {_LISTING_COLUMNS} FROM procurement.listings WHERE vendor = $1 AND id = $2"  # noqa: S608 (fixed column list)
        if for_update:
            sql += " FOR UPDATE"
        row = await (conn or self.pool).fetchrow(sql, key.vendor, key.id)
        return None if row is None else _listing(row)

    async def search_listings(
        self,
        *,
        query_tokens: Sequence[str],
        in_name: bool,
        viewer_org: str | None,
        see_all: bool,
        category: Category | None,
        lot: str | None,
        vendor: str | None,
        state: ListingState | None,
        max_unit_price_minor: int,
        offset: int,
        limit: int,
    ) -> list[Listing]:
        """Matching listings, most recently updated first. With query tokens, `in_name` picks
        the listings whose product name has them all (True) or those that have them only
        elsewhere (False): the domain reads the first group, then the second.

        Each query is one recency-ordered scan, so PostgreSQL can either walk the
        recency index and stop at `limit` matches (a common word) or intersect the
        GIN token index and sort the few matches (a rare one)."""
        conditions = ["TRUE"]
        args: list[Any] = []

        def arg(value: Any) -> str:
            args.append(value)
            return f"${len(args)}"

        if query_tokens:
            tokens = arg(list(query_tokens))
            if in_name:
                conditions.append(f"name_tokens @> {tokens}::text[]")
            else:
                conditions.append(
                    f"search_tokens @> {tokens}::text[] AND NOT name_tokens @> {tokens}::text[]"
                )
        if not see_all:
            conditions.append(f"(state IN ('APPROVED', 'FLAGGED') OR vendor = {arg(viewer_org or '')})")
        if category is not None:
            conditions.append(f"category = {arg(category.value)}")
        if lot is not None:
            conditions.append(f"lot = {arg(lot)}")
        if vendor is not None:
            conditions.append(f"vendor = {arg(vendor)}")
        if state is not None:
            conditions.append(f"state = {arg(state.value)}")
        if max_unit_price_minor:
            conditions.append(f"min_unit_price_minor <= {arg(max_unit_price_minor)}")
        sql = (
            f"SELECT {_LISTING_COLUMNS} FROM procurement.listings WHERE {' AND '.join(conditions)}"  # noqa: S608
            f" ORDER BY update_time DESC, seq DESC OFFSET {arg(offset)} LIMIT {arg(limit)}"
        )
        return [_listing(row) for row in await self.pool.fetch(sql, *args)]

    async def set_listing_review(
        self,
        conn: Connection,
        key: ListingKey,
        *,
        state: ListingState,
        review_id: uuid.UUID,
        sbom_sha256: bytes | None,
        packages: Iterable[tuple[str, str]] | None,
        expected_review: uuid.UUID | None,
    ) -> Listing | None:
        """The listing with its new review, or None when its latest review is no longer
        `expected_review` (the one the new review was computed from): nothing is changed."""
        row = await conn.fetchrow(
            "UPDATE procurement.listings SET state = $3, latest_review = $4,"  # noqa: S608 (fixed column list)
            " sbom_sha256 = COALESCE($5, sbom_sha256), update_time = now()"
            " WHERE vendor = $1 AND id = $2 AND latest_review IS NOT DISTINCT FROM $6"
            f" RETURNING {_LISTING_COLUMNS}",
            key.vendor,
            key.id,
            state.value,
            review_id,
            sbom_sha256,
            expected_review,
        )
        if row is None:
            return None
        if packages is not None:
            await conn.execute(
                "DELETE FROM procurement.listing_packages WHERE vendor = $1 AND listing_id = $2",
                key.vendor,
                key.id,
            )
            unique = sorted(set(packages))
            if unique:
                await conn.executemany(
                    "INSERT INTO procurement.listing_packages (vendor, listing_id, ecosystem, package)"
                    " VALUES ($1, $2, $3, $4)",
                    [(key.vendor, key.id, ecosystem, package) for ecosystem, package in unique],
                )
        return _listing(row)

    async def listings_with_packages(self, packages: Iterable[tuple[str, str]]) -> list[ListingKey]:
        """APPROVED or FLAGGED listings whose SBOM names any of the packages."""
        pairs = sorted(set(packages))
        if not pairs:
            return []
        rows = await self.pool.fetch(
            "SELECT DISTINCT l.vendor, l.id FROM procurement.listing_packages p"
            " JOIN unnest($1::text[], $2::text[]) AS q(ecosystem, package)"
            "   ON p.ecosystem = q.ecosystem AND p.package = q.package"
            " JOIN procurement.listings l ON l.vendor = p.vendor AND l.id = p.listing_id"
            " WHERE l.state IN ('APPROVED', 'FLAGGED')",
            [ecosystem for ecosystem, _ in pairs],
            [package for _, package in pairs],
        )
        return [ListingKey(row["vendor"], row["id"]) for row in rows]

    # -- SBOMs --------------------------------------------------------------

    async def put_sbom(
        self,
        conn: Connection,
        sha256: bytes,
        *,
        format: str,
        spec_version: str,
        object_key: str,
        components: list[dict[str, Any]],
    ) -> None:
        await conn.execute(
            "INSERT INTO procurement.sboms (sha256, format, spec_version, object_key, components)"
            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING",
            sha256,
            format,
            spec_version,
            object_key,
            components,
        )

    async def get_sbom(self, sha256: bytes) -> asyncpg.Record | None:
        return await self.pool.fetchrow("SELECT * FROM procurement.sboms WHERE sha256 = $1", sha256)

    # -- reviews ------------------------------------------------------------

    async def insert_review(
        self,
        conn: Connection,
        key: ListingKey,
        review_id: uuid.UUID,
        *,
        decision: str,
        findings: list[dict[str, Any]],
        sbom_sha256: bytes | None,
        sbom_spec_version: str,
        component_count: int,
        decision_digest: bytes,
        ledger_receipt: str,
        trigger: str,
        accepted_risks: dict[str, Any],
    ) -> asyncpg.Record:
        row = await conn.fetchrow(
            "INSERT INTO procurement.reviews (vendor, listing_id, id, decision, findings, sbom_sha256,"
            " sbom_spec_version, component_count, decision_digest, ledger_receipt, trigger, accepted_risks)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *",
            key.vendor,
            key.id,
            review_id,
            decision,
            findings,
            sbom_sha256,
            sbom_spec_version,
            component_count,
            decision_digest,
            ledger_receipt,
            trigger,
            accepted_risks,
        )
        assert row is not None
        return row

    async def get_review(self, key: ListingKey, review_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.pool.fetchrow(
            "SELECT * FROM procurement.reviews WHERE vendor = $1 AND listing_id = $2 AND id = $3",
            key.vendor,
            key.id,
            review_id,
        )

    async def list_reviews(self, key: ListingKey, before_seq: int | None, limit: int) -> list[asyncpg.Record]:
        return list(
            await self.pool.fetch(
                "SELECT * FROM procurement.reviews WHERE vendor = $1 AND listing_id = $2"
                " AND ($3::bigint IS NULL OR seq < $3) ORDER BY seq DESC LIMIT $4",
                key.vendor,
                key.id,
                before_seq,
                limit,
            )
        )

    # -- advisories ---------------------------------------------------------

    async def upsert_advisories(
        self, conn: Connection, records: Sequence[tuple[str, datetime | None, str]]
    ) -> list[asyncpg.Record]:
        """Store (id, modified, record JSON text) rows inside the caller's transaction; a
        record whose `modified` did not move is left alone. One row per stored record:
        `id`, `inserted`, and `previous` (the record it replaced, or None)."""
        if not records:
            return []
        # Imports are serialised, so rows commit in `seq` order: a replica that has
        # loaded up to seq N can never later find a row with a smaller seq appear.
        await conn.execute("SELECT pg_advisory_xact_lock(hashtext('procurement.advisories'))")
        # Every part of the statement sees the same snapshot: `old` is the rows as they
        # were before the upsert.
        return list(
            await conn.fetch(
                "WITH old AS (SELECT id, record FROM procurement.advisories WHERE id = ANY($1::text[])),"
                " up AS (INSERT INTO procurement.advisories AS a (id, modified, record)"
                "   SELECT id, modified, record::jsonb FROM unnest($1::text[], $2::timestamptz[], $3::text[])"
                "     AS r(id, modified, record)"
                "   ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, modified = EXCLUDED.modified,"
                "     seq = nextval('procurement.advisory_seq')"
                "   WHERE a.modified IS DISTINCT FROM EXCLUDED.modified"
                "   RETURNING a.id, (xmax = 0) AS inserted)"
                " SELECT up.id, up.inserted, old.record AS previous FROM up LEFT JOIN old ON old.id = up.id",
                [r[0] for r in records],
                [r[1] for r in records],
                [r[2] for r in records],
            )
        )

    async def add_rereviews(self, conn: Connection, packages: Iterable[tuple[str, str]]) -> None:
        """Mark packages whose listings must be re-reviewed (until `clear_rereviews`)."""
        pairs = sorted(set(packages))
        if not pairs:
            return
        await conn.execute(
            "INSERT INTO procurement.advisory_rereviews (ecosystem, package, token)"
            " SELECT ecosystem, package, $3 FROM unnest($1::text[], $2::text[]) AS q(ecosystem, package)"
            " ON CONFLICT (ecosystem, package) DO UPDATE SET token = EXCLUDED.token",
            [ecosystem for ecosystem, _ in pairs],
            [package for _, package in pairs],
            uuid.uuid4(),
        )

    async def pending_rereviews(self) -> list[tuple[str, str, uuid.UUID]]:
        rows = await self.pool.fetch(
            "SELECT ecosystem, package, token FROM procurement.advisory_rereviews ORDER BY ecosystem, package"
        )
        return [(row["ecosystem"], row["package"], row["token"]) for row in rows]

    async def clear_rereviews(self, drained: Sequence[tuple[str, str, uuid.UUID]]) -> None:
        """Forget the packages re-reviewed, unless an import added one again meanwhile."""
        if not drained:
            return
        await self.pool.execute(
            "DELETE FROM procurement.advisory_rereviews r"
            " USING unnest($1::text[], $2::text[], $3::uuid[]) AS q(ecosystem, package, token)"
            " WHERE r.ecosystem = q.ecosystem AND r.package = q.package AND r.token = q.token",
            [d[0] for d in drained],
            [d[1] for d in drained],
            [d[2] for d in drained],
        )

    async def advisories_after(self, seq: int, limit: int = 5000) -> list[asyncpg.Record]:
        return list(
            await self.pool.fetch(
                "SELECT id, seq, record FROM procurement.advisories WHERE seq > $1 ORDER BY seq LIMIT $2",
                seq,
                limit,
            )
        )

    # -- notifications ------------------------------------------------------

    async def insert_notification(
        self,
        conn: Connection,
        vendor: str,
        notification_id: uuid.UUID,
        *,
        listing: str,
        review: str,
        advisory_ids: Sequence[str],
        message: str,
    ) -> None:
        """Append to the vendor's notifications, in the caller's transaction.

        The watch feed reads by `seq > last seen`: a notification whose transaction took
        its seq earlier but committed later would be skipped for good. The lock, held until
        the caller commits, makes a vendor's notifications commit in seq order."""
        if not conn.is_in_transaction():  # outside one, the lock would end before the commit
            raise RuntimeError("insert_notification must run inside a transaction")
        await conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended('procurement.notifications:' || $1, 0))", vendor
        )
        await conn.execute(
            "INSERT INTO procurement.notifications (vendor, id, listing, review, advisory_ids, message)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            vendor,
            notification_id,
            listing,
            review,
            list(advisory_ids),
            message,
        )

    async def list_notifications(
        self, vendor: str, before_seq: int | None, after_seq: int | None, limit: int
    ) -> list[asyncpg.Record]:
        return list(
            await self.pool.fetch(
                "SELECT * FROM procurement.notifications WHERE vendor = $1"
                " AND ($2::bigint IS NULL OR seq < $2) AND ($3::bigint IS NULL OR seq > $3)"
                " ORDER BY seq DESC LIMIT $4",
                vendor,
                before_seq,
                after_seq,
                limit,
            )
        )

    async def last_notification_seq(self, vendor: str) -> int:
        value = await self.pool.fetchval(
            "SELECT coalesce(max(seq), 0) FROM procurement.notifications WHERE vendor = $1", vendor
        )
        return int(value)


# One statement places every new order that arrived while the previous ones
# were being written (group commit): an order costs PostgreSQL one commit and
# the server one pool acquire per batch, not per order.
_PLACE_BATCH_SQL = (
    "WITH input AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::bytea[], $5::text[],"
    " $6::uuid[], $7::text[], $8::bigint[], $9::text[], $10::text[], $11::bigint[], $12::bigint[],"
    " $13::text[], $14::text[]) AS t(agency, id, request_id, request_fingerprint, vendor, listing_id,"
    " category, quantity, budget_code, currency_code, unit_price_minor, total_minor, history, price_tiers)),"
    " ok AS (SELECT input.* FROM input WHERE EXISTS (SELECT FROM procurement.listings AS l"
    " WHERE l.vendor = input.vendor AND l.id = input.listing_id AND l.state = 'APPROVED'"
    " AND l.category = input.category AND l.price_tiers = input.price_tiers::jsonb)),"
    " placed AS (INSERT INTO procurement.orders (agency, id, request_id, request_fingerprint,"
    " vendor, listing_id, category, quantity, budget_code, currency_code, unit_price_minor,"
    " total_minor, state, history)"
    " SELECT agency, id, request_id, request_fingerprint, vendor, listing_id, category, quantity,"
    " budget_code, currency_code, unit_price_minor, total_minor, 'PLACED', history::jsonb FROM ok"
    " ON CONFLICT (agency, request_id) DO NOTHING RETURNING *)"
    " SELECT input.id AS placing_id, ok.id IS NOT NULL AS listing_unchanged, placed.*"
    " FROM input LEFT JOIN ok ON ok.id = input.id LEFT JOIN placed ON placed.id = input.id"
)

_Placed = tuple[bool, "asyncpg.Record | None"]


class OrderStore:
    """Orders in PostgreSQL.

    `insert_if_listing_unchanged` is group-committed (runtime/group_commit.py):
    orders that arrive while earlier ones are being written go together, as one
    statement and one commit per batch.
    """

    def __init__(self, pool: asyncpg.Pool, *, batch_max: int = BATCH_MAX, writers: int = WRITERS) -> None:
        self.pool = pool
        self._placing: GroupCommit[tuple[Any, ...], _Placed] = GroupCommit(
            self._place_many, self._place_one, batch_max=batch_max, writers=writers
        )

    async def find_by_request(self, agency: str, request_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.pool.fetchrow(
            "SELECT * FROM procurement.orders WHERE agency = $1 AND request_id = $2", agency, request_id
        )

    async def insert(
        self,
        *,
        agency: str,
        order_id: uuid.UUID,
        request_id: uuid.UUID,
        fingerprint: bytes,
        listing: ListingKey,
        category: str,
        quantity: int,
        budget_code: str,
        currency_code: str,
        unit_price_minor: int,
        history: list[dict[str, Any]],
    ) -> asyncpg.Record | None:
        """The new order, or None when (agency, request_id) already placed one."""
        return await self.pool.fetchrow(
            "INSERT INTO procurement.orders (agency, id, request_id, request_fingerprint, vendor, listing_id,"
            " category, quantity, budget_code, currency_code, unit_price_minor, total_minor, state, history)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'PLACED', $13)"
            " ON CONFLICT (agency, request_id) DO NOTHING RETURNING *",
            agency,
            order_id,
            request_id,
            fingerprint,
            listing.vendor,
            listing.id,
            category,
            quantity,
            budget_code,
            currency_code,
            unit_price_minor,
            quantity * unit_price_minor,
            history,
        )

    async def insert_if_listing_unchanged(
        self,
        *,
        agency: str,
        order_id: uuid.UUID,
        request_id: uuid.UUID,
        fingerprint: bytes,
        listing: Listing,
        quantity: int,
        budget_code: str,
        currency_code: str,
        unit_price_minor: int,
        history: list[dict[str, Any]],
    ) -> tuple[bool, asyncpg.Record | None]:
        """Place an order priced from `listing` as read earlier, in one statement.

        The order is inserted only if the listing is still APPROVED with the
        category and price tiers it was priced from: everything the decision to
        accept the order read from the listing, compared by the statement that
        inserts. Returns (unchanged, order): unchanged False means nothing was
        written (the listing changed: decide again on a fresh read); an order
        of None with unchanged True means (agency, request_id) already placed one.
        """
        params = (
            agency,
            order_id,
            request_id,
            fingerprint,
            listing.key.vendor,
            listing.key.id,
            listing.category.value,
            quantity,
            budget_code,
            currency_code,
            unit_price_minor,
            quantity * unit_price_minor,
            history,
            price_tiers_json(listing.draft.price_tiers),
        )
        return await self._placing.submit(params)

    async def _place_many(self, batch: list[tuple[Any, ...]]) -> list[_Placed]:
        columns: list[Any] = list(zip(*batch, strict=True))
        # JSON columns as text: asyncpg would read a list inside an array parameter
        # as another dimension of the array.
        columns[12] = [orjson.dumps(value).decode() for value in columns[12]]
        columns[13] = [orjson.dumps(value).decode() for value in columns[13]]
        rows = await self.pool.fetch(_PLACE_BATCH_SQL, *columns)
        by_id = {row["placing_id"]: row for row in rows}
        results: list[_Placed] = []
        for params in batch:
            row = by_id[params[1]]
            if not row["listing_unchanged"]:
                results.append((False, None))
            else:
                results.append((True, None if row["id"] is None else row))
        return results

    async def _place_one(self, params: tuple[Any, ...]) -> _Placed:
        # The same check and insert as _PLACE_BATCH_SQL for a lone order, without
        # unnest: sending lone orders through the batch statement instead cost
        # 6-14 % of orders/s in bench/procurement.py (PostgreSQL CPU per order
        # 0.18-0.19 -> 0.22-0.23 ms, two alternating pairs, 2026-12-07).
        row = await self.pool.fetchrow(
            "WITH listing AS (SELECT FROM procurement.listings WHERE vendor = $5 AND id = $6"
            " AND state = 'APPROVED' AND category = $7 AND price_tiers = $14::jsonb),"
            " placed AS (INSERT INTO procurement.orders (agency, id, request_id, request_fingerprint,"
            " vendor, listing_id, category, quantity, budget_code, currency_code, unit_price_minor,"
            " total_minor, state, history)"
            " SELECT $1::text, $2::uuid, $3::uuid, $4::bytea, $5::text, $6::uuid, $7::text, $8::bigint,"
            " $9::text, $10::text, $11::bigint, $12::bigint, 'PLACED', $13::jsonb FROM listing"
            " ON CONFLICT (agency, request_id) DO NOTHING RETURNING *)"
            " SELECT EXISTS (SELECT FROM listing) AS listing_unchanged, placed.*"
            " FROM (VALUES (1)) AS one LEFT JOIN placed ON true",
            *params,
        )
        assert row is not None  # one row from VALUES, whatever the CTEs did
        if not row["listing_unchanged"]:
            return False, None
        return True, None if row["id"] is None else row

    async def get(
        self, agency: str, order_id: uuid.UUID, conn: Connection | None = None, *, for_update: bool = False
    ) -> asyncpg.Record | None:
        sql = "SELECT * FROM procurement.orders WHERE agency = $1 AND id = $2"
        if for_update:
            sql += " FOR UPDATE"
        return await (conn or self.pool).fetchrow(sql, agency, order_id)

    async def advance(
        self, conn: Connection, agency: str, order_id: uuid.UUID, state: str, event: dict[str, Any]
    ) -> asyncpg.Record:
        row = await conn.fetchrow(
            "UPDATE procurement.orders SET state = $3, history = history || $4::jsonb, update_time = now()"
            " WHERE agency = $1 AND id = $2 RETURNING *",
            agency,
            order_id,
            state,
            [event],
        )
        assert row is not None
        return row

    async def list(
        self, *, agency: str | None, vendor: str | None, state: str | None, before_seq: int | None, limit: int
    ) -> list[asyncpg.Record]:
        column, value = ("agency", agency) if agency is not None else ("vendor", vendor)
        return list(
            await self.pool.fetch(
                f"SELECT * FROM procurement.orders WHERE {column} = $1"  # noqa: S608 (a fixed column name)
                " AND ($2::text IS NULL OR state = $2) AND ($3::bigint IS NULL OR seq < $3)"
                " ORDER BY seq DESC LIMIT $4",
                value,
                state,
                before_seq,
                limit,
            )
        )
