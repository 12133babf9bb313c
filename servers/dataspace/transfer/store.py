"""Transfer processes (migrations/0002_transfers.sql) through asyncpg; rows become domain types here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

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
_PUSHING = "state = 'STARTED' AND last_message = 'StartTransfer' AND format <> 'HttpData-PULL'"
"""A push whose bytes are being written (migration 0007's partial index: the same text)."""
_LAPSED = "(lease_until IS NULL OR lease_until < now())"
"""A push lease that lapsed (one from before leases never had one)."""


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


@dataclass(frozen=True)
class PushLease:
    """A push's lease as its row holds it (read under the row lock)."""

    mine: bool
    """This store holds it."""
    lapsed: bool


class TransferStore:
    """`holder`: this store's fencing token (one per process), written with the lease of every push
    it writes; only the holder renews the lease, and records the outcome while the lease holds."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.holder = uuid.uuid4()

    async def insert(self, conn: Connection, transfer: Transfer, lease_s: float | None = None) -> None:
        """Insert `transfer`; a push (`lease_s`) leased to this store for that long, so that no
        sweep ends it before its bytes start travelling."""
        await conn.execute(
            "INSERT INTO dataspace.transfers (id, agreement, negotiation, distribution_id, object_key,"
            " provider, consumer, state, last_actor, last_message, byte_size, sha256, token_sha256,"
            " token_expire_time, create_time, update_time, purpose, data_subject, consent, format,"
            " destination, holder, lease_until)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18,"
            " $19, $20, $21, now() + make_interval(secs => $22))",
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
            None if lease_s is None else self.holder,
            lease_s,
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

    # --- push leases (migration 0007) -------------------------------------------------------------

    async def take_push(self, transfer_id: uuid.UUID, lease_s: float) -> bool:
        """Hold the push for `lease_s` to write its bytes: True where this store holds it already,
        or its lease lapsed (its writer died) and no sweep ended it yet; False where another
        process writes it under a live lease, or it is no longer being pushed."""
        taken = await self.pool.fetchval(
            "UPDATE dataspace.transfers SET holder = $2, lease_until = now() + make_interval(secs => $3)"  # noqa: S608 (fixed text)
            f" WHERE id = $1 AND {_PUSHING} AND (holder = $2 OR {_LAPSED}) RETURNING true",
            transfer_id,
            self.holder,
            lease_s,
        )
        return bool(taken)

    async def extend_push(self, transfer_id: uuid.UUID, lease_s: float) -> bool:
        """Keep holding a push being written for `lease_s` more; False once it is no longer this
        store's (a sweep or a message ended it, a replay at another replica took it over)."""
        held = await self.pool.fetchval(
            "UPDATE dataspace.transfers SET lease_until = now() + make_interval(secs => $3)"  # noqa: S608 (fixed text)
            f" WHERE id = $1 AND holder = $2 AND {_PUSHING} RETURNING true",
            transfer_id,
            self.holder,
            lease_s,
        )
        return bool(held)

    async def push_lease(self, conn: Connection, transfer_id: uuid.UUID) -> PushLease:
        """The push's lease; the caller holds the transfer's row lock (FOR UPDATE), so the answer
        stands until it commits."""
        row = await conn.fetchrow(
            f"SELECT holder IS NOT DISTINCT FROM $2 AS mine, {_LAPSED} AS lapsed"  # noqa: S608 (fixed text)
            " FROM dataspace.transfers WHERE id = $1",
            transfer_id,
            self.holder,
        )
        if row is None:
            raise RuntimeError("transfer vanished under its row lock")
        return PushLease(mine=row["mine"], lapsed=row["lapsed"])

    async def lapsed_pushes(self) -> list[tuple[uuid.UUID, str]]:
        """The pushes whose lease lapsed, each with the subject whose request started it (the actor
        of its TransferStartMessage: a replay is the same subject, request ids being per subject)."""
        rows = await self.pool.fetch(
            "SELECT t.id, (SELECT u.actor FROM dataspace.usage_log u WHERE u.negotiation = t.negotiation"  # noqa: S608 (fixed text)
            " AND u.event = 'TransferStartMessage' AND u.details::jsonb ->> 'transfer' = 'transfers/' || t.id"
            " ORDER BY u.sequence LIMIT 1) AS actor"
            f" FROM dataspace.transfers t WHERE {_PUSHING} AND {_LAPSED} ORDER BY t.seq",
        )
        return [(row["id"], row["actor"] or "") for row in rows]
