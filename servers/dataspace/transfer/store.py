"""Transfer processes (migrations/0002_transfers.sql) through asyncpg; rows become domain types here."""

from __future__ import annotations

import uuid

import asyncpg

from jipan.servers.dataspace.transfer.types import Transfer, TransferState
from jipan.servers.runtime.idempotency import Connection

_COLUMNS = (
    "t.id, t.agreement, t.negotiation, n.dataset_publisher, n.dataset_id, t.distribution_id, t.purpose,"
    " t.object_key, t.provider, t.consumer, t.state, t.last_actor, t.last_message, t.byte_size, t.sha256,"
    " t.token_sha256, t.token_expire_time, t.termination_code, t.termination_reason, t.create_time,"
    " t.update_time, t.data_subject, t.consent, t.format, t.destination"
)
_FROM = "dataspace.transfers t JOIN dataspace.negotiations n ON n.id = t.negotiation"


def _transfer(row: asyncpg.Record) -> Transfer:
    return Transfer(
        id=row["id"],
        agreement=row["agreement"],
        negotiation=row["negotiation"],
        dataset=f"{row['dataset_publisher']}/datasets/{row['dataset_id']}",
        distribution_id=row["distribution_id"],
        purpose=row["purpose"],
        object_key=row["object_key"],
        provider=row["provider"],
        consumer=row["consumer"],
        state=TransferState(row["state"]),
        last_actor=row["last_actor"],
        last_message=row["last_message"],
        byte_size=row["byte_size"],
        sha256=bytes(row["sha256"]),
        token_sha256=None if row["token_sha256"] is None else bytes(row["token_sha256"]),
        token_expire_time=row["token_expire_time"],
        termination_code=row["termination_code"],
        termination_reason=row["termination_reason"],
        create_time=row["create_time"],
        update_time=row["update_time"],
        data_subject=row["data_subject"],
        consent=row["consent"],
        format=row["format"],
        destination=row["destination"],
    )


class TransferStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(self, conn: Connection, transfer: Transfer) -> None:
        await conn.execute(
            "INSERT INTO dataspace.transfers (id, agreement, negotiation, distribution_id, object_key,"
            " provider, consumer, state, last_actor, last_message, byte_size, sha256, token_sha256,"
            " token_expire_time, create_time, update_time, purpose, data_subject, consent, format,"
            " destination)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18,"
            " $19, $20)",
            transfer.id,
            transfer.agreement,
            transfer.negotiation,
            transfer.distribution_id,
            transfer.object_key,
            transfer.provider,
            transfer.consumer,
            transfer.state.value,
            transfer.last_actor,
            transfer.last_message,
            transfer.byte_size,
            transfer.sha256,
            transfer.token_sha256,
            transfer.token_expire_time,
            transfer.create_time,
            transfer.purpose,
            transfer.data_subject,
            transfer.consent,
            transfer.format,
            transfer.destination,
        )

    async def get(
        self, transfer_id: uuid.UUID, conn: Connection | None = None, *, lock: bool = False
    ) -> Transfer | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_COLUMNS} FROM {_FROM} WHERE t.id = $1"  # noqa: S608 (fixed text)
            + (" FOR UPDATE OF t" if lock else ""),
            transfer_id,
        )
        return None if row is None else _transfer(row)

    async def update(self, conn: Connection, transfer: Transfer) -> None:
        await conn.execute(
            "UPDATE dataspace.transfers SET state = $2, last_actor = $3, last_message = $4,"
            " token_sha256 = $5, token_expire_time = $6, termination_code = $7, termination_reason = $8,"
            " purpose = $9, update_time = now()"
            " WHERE id = $1",
            transfer.id,
            transfer.state.value,
            transfer.last_actor,
            transfer.last_message,
            transfer.token_sha256,
            transfer.token_expire_time,
            transfer.termination_code,
            transfer.termination_reason,
            transfer.purpose,
        )

    async def list_transfers(
        self, org: str, *, agreement: uuid.UUID | None, before_seq: int, limit: int
    ) -> list[tuple[int, Transfer]]:
        rows = await self.pool.fetch(
            f"SELECT t.seq, {_COLUMNS} FROM {_FROM}"  # noqa: S608 (fixed text)
            " WHERE (t.provider = $1 OR t.consumer = $1) AND t.seq < $2"
            " AND ($3::uuid IS NULL OR t.agreement = $3) ORDER BY t.seq DESC LIMIT $4",
            org,
            before_seq,
            agreement,
            limit,
        )
        return [(row["seq"], _transfer(row)) for row in rows]
