"""Negotiations, agreements and the usage log (migrations/0001_dataspace.sql) through asyncpg."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

from jipan.servers.dataspace.negotiation.types import Agreement, LogEntry, Negotiation, State
from jipan.servers.dataspace.negotiation.usage_log import entry_digest
from jipan.servers.runtime.idempotency import Connection

_NEGOTIATION = (
    "id, dataset_publisher, dataset_id, offer_id, provider, consumer, state, policy, policy_sha256,"
    " last_actor, last_message, agreement, termination_code, termination_reason, create_time, update_time,"
    " peer, peer_update_time"
)
_AGREEMENT = (
    "a.id, a.negotiation, n.dataset_publisher, n.dataset_id, a.provider, a.consumer, a.policy, a.sha256,"
    " a.ledger_receipt, a.active, a.use_count, a.create_time"
)
_ENTRY = "negotiation, sequence, event, actor_role, actor, details, sha256, ledger_receipt, create_time"


def _negotiation(row: asyncpg.Record) -> Negotiation:
    return Negotiation(
        id=row["id"],
        dataset_publisher=row["dataset_publisher"],
        dataset_id=row["dataset_id"],
        offer_id=row["offer_id"],
        provider=row["provider"],
        consumer=row["consumer"],
        state=State(row["state"]),
        policy=row["policy"],
        policy_sha256=bytes(row["policy_sha256"]),
        last_actor=row["last_actor"],
        last_message=row["last_message"],
        agreement=row["agreement"],
        termination_code=row["termination_code"],
        termination_reason=row["termination_reason"],
        create_time=row["create_time"],
        update_time=row["update_time"],
        peer=row["peer"],
        peer_update_time=row["peer_update_time"],
    )


def _agreement(row: asyncpg.Record) -> Agreement:
    return Agreement(
        id=row["id"],
        negotiation=row["negotiation"],
        dataset=f"{row['dataset_publisher']}/datasets/{row['dataset_id']}",
        provider=row["provider"],
        consumer=row["consumer"],
        policy=row["policy"],
        sha256=bytes(row["sha256"]),
        ledger_receipt=row["ledger_receipt"],
        active=row["active"],
        use_count=row["use_count"],
        create_time=row["create_time"],
    )


def _entry(row: asyncpg.Record) -> LogEntry:
    return LogEntry(
        negotiation=row["negotiation"],
        sequence=row["sequence"],
        event=row["event"],
        actor_role=row["actor_role"],
        actor=row["actor"],
        details=row["details"],
        sha256=bytes(row["sha256"]),
        ledger_receipt=row["ledger_receipt"],
        create_time=row["create_time"],
    )


class NegotiationStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(self, conn: Connection, negotiation: Negotiation) -> Negotiation:
        row = await conn.fetchrow(
            "INSERT INTO dataspace.negotiations (id, dataset_publisher, dataset_id, offer_id, provider,"  # noqa: S608
            " consumer, state, policy, policy_sha256, last_actor, last_message, create_time, update_time,"
            " peer, peer_update_time)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14)"
            f" RETURNING {_NEGOTIATION}",
            negotiation.id,
            negotiation.dataset_publisher,
            negotiation.dataset_id,
            negotiation.offer_id,
            negotiation.provider,
            negotiation.consumer,
            negotiation.state.value,
            negotiation.policy,
            negotiation.policy_sha256,
            negotiation.last_actor,
            negotiation.last_message,
            negotiation.create_time,
            negotiation.peer,
            negotiation.peer_update_time,
        )
        if row is None:
            raise RuntimeError("negotiation insert returned nothing")
        return _negotiation(row)

    async def get(
        self, negotiation_id: uuid.UUID, conn: Connection | None = None, *, lock: bool = False
    ) -> Negotiation | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_NEGOTIATION} FROM dataspace.negotiations WHERE id = $1"  # noqa: S608
            + (" FOR UPDATE" if lock else ""),
            negotiation_id,
        )
        return None if row is None else _negotiation(row)

    async def update(self, conn: Connection, negotiation: Negotiation) -> Negotiation:
        row = await conn.fetchrow(
            "UPDATE dataspace.negotiations SET state = $2, policy = $3, policy_sha256 = $4,"  # noqa: S608
            " last_actor = $5, last_message = $6, agreement = $7, termination_code = $8,"
            # clock_timestamp(), not now(): taken under the row lock, so each message's time is later
            # than the one before it (the consumer's side of a negotiation between meshes keeps it
            # as the version of what it mirrored).
            " termination_reason = $9, update_time = clock_timestamp(), peer_update_time = $10"
            f" WHERE id = $1 RETURNING {_NEGOTIATION}",
            negotiation.id,
            negotiation.state.value,
            negotiation.policy,
            negotiation.policy_sha256,
            negotiation.last_actor,
            negotiation.last_message,
            negotiation.agreement,
            negotiation.termination_code,
            negotiation.termination_reason,
            negotiation.peer_update_time,
        )
        if row is None:
            raise RuntimeError("negotiation vanished under its row lock")
        return _negotiation(row)

    async def list_negotiations(
        self, org: str, *, role: str, state: State | None, before_seq: int, limit: int
    ) -> list[tuple[int, Negotiation]]:
        if role == "provider":
            who = "provider = $1"
        elif role == "consumer":
            who = "consumer = $1"
        else:
            who = "(provider = $1 OR consumer = $1)"
        rows = await self.pool.fetch(
            f"SELECT seq, {_NEGOTIATION} FROM dataspace.negotiations WHERE {who} AND seq < $2"  # noqa: S608
            " AND ($3::text IS NULL OR state = $3) ORDER BY seq DESC LIMIT $4",
            org,
            before_seq,
            None if state is None else state.value,
            limit,
        )
        return [(row["seq"], _negotiation(row)) for row in rows]

    async def append(
        self,
        conn: Connection,
        negotiation_id: uuid.UUID,
        event: str,
        actor_role: str,
        actor: str,
        details: str,
        at: datetime,
    ) -> LogEntry:
        """Append a chained entry; the caller holds the negotiation's row lock (FOR UPDATE)."""
        head = await conn.fetchrow(
            "SELECT next_entry, last_entry_sha256 FROM dataspace.negotiations WHERE id = $1", negotiation_id
        )
        if head is None:
            raise RuntimeError("negotiation vanished under its row lock")
        sequence = head["next_entry"]
        digest = entry_digest(
            bytes(head["last_entry_sha256"]), negotiation_id, sequence, event, actor_role, actor, details, at
        )
        await conn.execute(
            "UPDATE dataspace.negotiations SET next_entry = next_entry + 1, last_entry_sha256 = $2"
            " WHERE id = $1",
            negotiation_id,
            digest,
        )
        row = await conn.fetchrow(
            "INSERT INTO dataspace.usage_log (negotiation, sequence, event, actor_role, actor, details,"  # noqa: S608
            f" sha256, create_time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {_ENTRY}",
            negotiation_id,
            sequence,
            event,
            actor_role,
            actor,
            details,
            digest,
            at,
        )
        if row is None:
            raise RuntimeError("usage log insert returned nothing")
        return _entry(row)

    async def entries(
        self, negotiation_id: uuid.UUID, after: int = 0, limit: int | None = None
    ) -> list[LogEntry]:
        rows = await self.pool.fetch(
            f"SELECT {_ENTRY} FROM dataspace.usage_log WHERE negotiation = $1 AND sequence > $2"  # noqa: S608
            " ORDER BY sequence LIMIT $3",
            negotiation_id,
            after,
            limit,
        )
        return [_entry(row) for row in rows]

    async def unanchored(self, negotiation_id: uuid.UUID) -> list[LogEntry]:
        rows = await self.pool.fetch(
            f"SELECT {_ENTRY} FROM dataspace.usage_log"  # noqa: S608
            " WHERE negotiation = $1 AND ledger_receipt = '' ORDER BY sequence",
            negotiation_id,
        )
        return [_entry(row) for row in rows]

    async def set_entry_receipt(self, negotiation_id: uuid.UUID, sequence: int, receipt: str) -> None:
        await self.pool.execute(
            "UPDATE dataspace.usage_log SET ledger_receipt = $3 WHERE negotiation = $1 AND sequence = $2",
            negotiation_id,
            sequence,
            receipt,
        )

    async def insert_agreement(self, conn: Connection, agreement: Agreement) -> None:
        await conn.execute(
            "INSERT INTO dataspace.agreements (id, negotiation, provider, consumer, policy, sha256,"
            " create_time) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            agreement.id,
            agreement.negotiation,
            agreement.provider,
            agreement.consumer,
            agreement.policy,
            agreement.sha256,
            agreement.create_time,
        )

    async def get_agreement(
        self, agreement_id: uuid.UUID, conn: Connection | None = None, *, lock: bool = False
    ) -> Agreement | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_AGREEMENT} FROM dataspace.agreements a"  # noqa: S608
            " JOIN dataspace.negotiations n ON n.id = a.negotiation WHERE a.id = $1"
            + (" FOR UPDATE OF a" if lock else ""),
            agreement_id,
        )
        return None if row is None else _agreement(row)

    async def lock_agreement(
        self, conn: Connection, agreement_id: uuid.UUID
    ) -> tuple[Negotiation, Agreement] | None:
        """Lock an agreement's negotiation (its log head), then the agreement (its use count), in
        that order, the order every writer takes them in; None when either is missing."""
        row = await conn.fetchrow("SELECT negotiation FROM dataspace.agreements WHERE id = $1", agreement_id)
        if row is None:
            return None
        negotiation = await self.get(row["negotiation"], conn, lock=True)
        agreement = await self.get_agreement(agreement_id, conn, lock=True)
        if negotiation is None or agreement is None:
            return None
        return negotiation, agreement

    async def activate_agreement(self, conn: Connection, agreement_id: uuid.UUID) -> None:
        await conn.execute("UPDATE dataspace.agreements SET active = true WHERE id = $1", agreement_id)

    async def set_agreement_receipt(self, agreement_id: uuid.UUID, receipt: str) -> None:
        await self.pool.execute(
            "UPDATE dataspace.agreements SET ledger_receipt = $2 WHERE id = $1", agreement_id, receipt
        )

    async def count_use(self, conn: Connection, agreement_id: uuid.UUID) -> None:
        await conn.execute(
            "UPDATE dataspace.agreements SET use_count = use_count + 1 WHERE id = $1", agreement_id
        )
