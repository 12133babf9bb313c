"""PostgreSQL access for tenders, bids, released shares and the audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import asyncpg

from jipan.servers.procurement.store import Connection


class TenderStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert_tender(
        self, conn: Connection, agency: str, tender_id: uuid.UUID, **fields: Any
    ) -> asyncpg.Record:
        row = await conn.fetchrow(
            "INSERT INTO procurement.tenders (agency, id, title, description, lots, award_method, criteria,"
            " bid_deadline, opening_time, committee, threshold)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *",
            agency,
            tender_id,
            fields["title"],
            fields["description"],
            fields["lots"],
            fields["award_method"],
            fields["criteria"],
            fields["bid_deadline"],
            fields["opening_time"],
            fields["committee"],
            fields["threshold"],
        )
        assert row is not None
        return row

    async def get_tender(
        self, agency: str, tender_id: uuid.UUID, conn: Connection | None = None, *, for_update: bool = False
    ) -> asyncpg.Record | None:
        sql = "SELECT *, now() AS db_now FROM procurement.tenders WHERE agency = $1 AND id = $2"
        if for_update:
            sql += " FOR UPDATE"
        return await (conn or self.pool).fetchrow(sql, agency, tender_id)

    async def list_tenders(
        self, agency: str | None, before_seq: int | None, limit: int
    ) -> list[asyncpg.Record]:
        return list(
            await self.pool.fetch(
                "SELECT *, now() AS db_now FROM procurement.tenders WHERE ($1::text IS NULL OR agency = $1)"
                " AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
                agency,
                before_seq,
                limit,
            )
        )

    async def insert_bid(
        self,
        conn: Connection,
        *,
        agency: str,
        tender_id: uuid.UUID,
        bid_id: uuid.UUID,
        bidder: str,
        commitment: bytes,
        object_key: str,
        ledger_receipt: str,
        sealed_by_server: bool = False,
    ) -> asyncpg.Record | None:
        """The new bid, or None when the deadline passed (checked by the database's clock,
        in the same statement, so a bid cannot slip in after it) or a bid with this id exists
        (one submitted at the same time included: the caller reads it)."""
        return await conn.fetchrow(
            "INSERT INTO procurement.bids (agency, tender_id, id, bidder, commitment, object_key,"
            " ledger_receipt, state, sealed_by_server)"
            " SELECT $1, $2, $3, $4, $5, $6, $7, 'SEALED', $8 FROM procurement.tenders"
            " WHERE agency = $1 AND id = $2 AND bid_deadline > now()"
            " ON CONFLICT (agency, tender_id, id) DO NOTHING RETURNING *",
            agency,
            tender_id,
            bid_id,
            bidder,
            commitment,
            object_key,
            ledger_receipt,
            sealed_by_server,
        )

    async def get_bid(
        self,
        agency: str,
        tender_id: uuid.UUID,
        bid_id: uuid.UUID,
        conn: Connection | None = None,
        *,
        for_update: bool = False,
    ) -> asyncpg.Record | None:
        sql = (
            "SELECT b.*, (SELECT count(*) FROM procurement.bid_shares s WHERE s.agency = b.agency"
            " AND s.tender_id = b.tender_id AND s.bid_id = b.id) AS shares_released"
            " FROM procurement.bids b WHERE b.agency = $1 AND b.tender_id = $2 AND b.id = $3"
        )
        if for_update:
            sql += " FOR UPDATE OF b"
        return await (conn or self.pool).fetchrow(sql, agency, tender_id, bid_id)

    async def list_bids(
        self, agency: str, tender_id: uuid.UUID, *, bidder: str | None, after_seq: int, limit: int
    ) -> list[asyncpg.Record]:
        return list(
            await self.pool.fetch(
                "SELECT b.*, (SELECT count(*) FROM procurement.bid_shares s WHERE s.agency = b.agency"
                " AND s.tender_id = b.tender_id AND s.bid_id = b.id) AS shares_released"
                " FROM procurement.bids b WHERE b.agency = $1 AND b.tender_id = $2"
                " AND ($3::text IS NULL OR b.bidder = $3) AND b.seq > $4 ORDER BY b.seq LIMIT $5",
                agency,
                tender_id,
                bidder,
                after_seq,
                limit,
            )
        )

    async def withdraw_bid(
        self, conn: Connection, agency: str, tender_id: uuid.UUID, bid_id: uuid.UUID
    ) -> asyncpg.Record | None:
        """The withdrawn bid, or None when the deadline passed (the database's clock)."""
        return await conn.fetchrow(
            "UPDATE procurement.bids b SET state = 'WITHDRAWN', withdraw_time = now()"
            " FROM procurement.tenders t WHERE t.agency = b.agency AND t.id = b.tender_id"
            " AND b.agency = $1 AND b.tender_id = $2 AND b.id = $3 AND t.bid_deadline > now()"
            " RETURNING b.*, 0::bigint AS shares_released",
            agency,
            tender_id,
            bid_id,
        )

    async def add_share(
        self,
        conn: Connection,
        agency: str,
        tender_id: uuid.UUID,
        bid_id: uuid.UUID,
        member: str,
        share: bytes,
    ) -> bool:
        status: str = await conn.execute(
            "INSERT INTO procurement.bid_shares (agency, tender_id, bid_id, member, share)"
            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            agency,
            tender_id,
            bid_id,
            member,
            share,
        )
        return status.endswith(" 1")

    async def shares(self, agency: str, tender_id: uuid.UUID, bid_id: uuid.UUID) -> list[bytes]:
        rows = await self.pool.fetch(
            "SELECT share FROM procurement.bid_shares WHERE agency = $1 AND tender_id = $2 AND bid_id = $3"
            " ORDER BY member",
            agency,
            tender_id,
            bid_id,
        )
        return [bytes(row["share"]) for row in rows]

    async def mark_opened(
        self,
        conn: Connection,
        agency: str,
        tender_id: uuid.UUID,
        bid_id: uuid.UUID,
        *,
        content: bytes,
        price_minor: int,
        currency_code: str,
    ) -> bool:
        """Whether this call opened the bid (False: it was opened, or withdrawn, already)."""
        status = await conn.execute(
            "UPDATE procurement.bids SET state = 'OPENED', content = $4, price_minor = $5, currency_code = $6"
            " WHERE agency = $1 AND tender_id = $2 AND id = $3 AND state = 'SEALED'",
            agency,
            tender_id,
            bid_id,
            content,
            price_minor,
            currency_code,
        )
        return bool(status == "UPDATE 1")

    async def set_tender_opened(self, conn: Connection, agency: str, tender_id: uuid.UUID) -> None:
        await conn.execute(
            "UPDATE procurement.tenders SET opened_at = coalesce(opened_at, now())"
            " WHERE agency = $1 AND id = $2",
            agency,
            tender_id,
        )

    async def qualify(
        self,
        conn: Connection,
        agency: str,
        tender_id: uuid.UUID,
        bid_id: uuid.UUID,
        qualified: bool,
        note: str,
    ) -> None:
        await conn.execute(
            "UPDATE procurement.bids SET qualified = $4, qualification_note = $5"
            " WHERE agency = $1 AND tender_id = $2 AND id = $3",
            agency,
            tender_id,
            bid_id,
            qualified,
            note,
        )

    async def score(
        self,
        conn: Connection,
        agency: str,
        tender_id: uuid.UUID,
        bid_id: uuid.UUID,
        member: str,
        points: Mapping[str, int],
    ) -> None:
        await conn.execute(
            "UPDATE procurement.bids SET scores = scores || jsonb_build_object($4::text, $5::jsonb)"
            " WHERE agency = $1 AND tender_id = $2 AND id = $3",
            agency,
            tender_id,
            bid_id,
            member,
            dict(points),
        )

    async def set_award(
        self, conn: Connection, agency: str, tender_id: uuid.UUID, award: dict[str, Any]
    ) -> asyncpg.Record:
        row = await conn.fetchrow(
            "UPDATE procurement.tenders SET award = $3 WHERE agency = $1 AND id = $2"
            " RETURNING *, now() AS db_now",
            agency,
            tender_id,
            award,
        )
        assert row is not None
        return row

    async def record_event(
        self,
        conn: Connection,
        agency: str,
        tender_id: uuid.UUID,
        *,
        kind: str,
        actor: str,
        actor_org: str,
        bid: str = "",
        details: Mapping[str, str] | None = None,
    ) -> None:
        await conn.execute(
            "INSERT INTO procurement.tender_events (agency, tender_id, kind, actor, actor_org, bid, details)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7)",
            agency,
            tender_id,
            kind,
            actor,
            actor_org,
            bid,
            dict(details or {}),
        )

    async def events(
        self, agency: str, tender_id: uuid.UUID, after_seq: int, limit: int
    ) -> list[asyncpg.Record]:
        return list(
            await self.pool.fetch(
                "SELECT * FROM procurement.tender_events WHERE agency = $1 AND tender_id = $2 AND seq > $3"
                " ORDER BY seq LIMIT $4",
                agency,
                tender_id,
                after_seq,
                limit,
            )
        )

    async def all_bids(
        self, agency: str, tender_id: uuid.UUID, conn: Connection | None = None
    ) -> Sequence[asyncpg.Record]:
        return await (conn or self.pool).fetch(
            "SELECT b.*, (SELECT count(*) FROM procurement.bid_shares s WHERE s.agency = b.agency"
            " AND s.tender_id = b.tender_id AND s.bid_id = b.id) AS shares_released"
            " FROM procurement.bids b WHERE b.agency = $1 AND b.tender_id = $2 ORDER BY b.seq",
            agency,
            tender_id,
        )


def is_before(moment: datetime, now: datetime) -> bool:
    return now < moment
