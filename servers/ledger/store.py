"""PostgreSQL access for the ledger (schema `ledger`); the SQL lives here only."""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from jipan.servers.ledger.chain import SentTransaction
from jipan.servers.runtime.database import hold_session_state

SCHEMA = "ledger"
MIGRATIONS = Path(__file__).with_name("migrations")

Connection = asyncpg.Connection | PoolConnectionProxy

# Receipts are written once (migration 0003): a receipt's place in its batch
# is its row in `leaves`, and it is CONFIRMED when that batch is, so
# confirming a batch writes one row. Without a leaf it is waiting: FAILED
# (with the reason) after a rejected batch, else PENDING.
_RECEIPT_COLUMNS = """
    r.id, r.seq, r.submitter, r.digest, r.metadata,
    CASE WHEN b.state = 'CONFIRMED' THEN 'CONFIRMED' WHEN l.batch_id IS NULL THEN r.state ELSE 'PENDING'
    END AS state,
    l.leaf_index, l.proof, r.attempts + COALESCE((b.state = 'CONFIRMED')::int, 0) AS attempts,
    CASE WHEN l.batch_id IS NULL THEN r.failure_reason END AS failure_reason,
    r.create_time, b.root, b.leaf_count, b.state AS batch_state, b.chain_id,
    b.contract_address, b.signer_address, b.transaction_hash, b.block_number, b.block_time
"""
_RECEIPT_FROM = (
    "ledger.receipts r LEFT JOIN ledger.leaves l ON l.receipt_id = r.id"
    " LEFT JOIN ledger.batches b ON b.id = l.batch_id"
)


class ReceiptScope(NamedTuple):
    """The receipts one caller may enumerate: its own (`subject`) and its organisation's
    (`org`, "" for none); see domain.ReceiptReader."""

    subject: str
    org: str


# The receipts of a ReceiptScope given as two parameters (NULL subject: every receipt).
# A receipt from before migration 0006 has no organisation (''): only its submitter sees it.
_SCOPE_SQL = (
    "({subject}::text IS NULL OR r.submitter = {subject} OR ({org}::text <> '' AND r.submitter_org = {org}))"
)


class BatchAnchor(NamedTuple):
    """Where a receipt's batch is on the chain (set once the batch is CONFIRMED)."""

    root: bytes
    leaf_index: int
    tree_size: int
    proof: tuple[bytes, ...]
    transaction_hash: bytes
    block_number: int
    block_time: datetime
    chain_id: int
    contract_address: bytes
    signer_address: bytes


# Receipts are NamedTuples, not frozen dataclasses: AnchorDigests makes one per
# digest (100,000s a second in bench/ledger.py), and a frozen dataclass's
# __init__ costs several times as much.
class ReceiptRecord(NamedTuple):
    id: uuid.UUID
    seq: int
    submitter: str
    digest: bytes
    metadata: Mapping[str, str]
    state: str
    """PENDING, CONFIRMED or FAILED."""
    create_time: datetime
    attempts: int
    failure_reason: str
    anchor: BatchAnchor | None


@dataclass(frozen=True, slots=True)
class BatchRecord:
    id: int
    root: bytes
    leaf_count: int
    state: str
    transaction_hash: bytes | None


def _split_proof(proof: bytes | None) -> tuple[bytes, ...]:
    raw = bytes(proof or b"")
    return tuple(raw[i : i + 32] for i in range(0, len(raw), 32))


def _receipt(row: asyncpg.Record) -> ReceiptRecord:
    anchor = None
    if row["state"] == "CONFIRMED" and row["batch_state"] == "CONFIRMED":
        anchor = BatchAnchor(
            root=bytes(row["root"]),
            leaf_index=int(row["leaf_index"]),
            tree_size=int(row["leaf_count"]),
            proof=_split_proof(row["proof"]),
            transaction_hash=bytes(row["transaction_hash"]),
            block_number=int(row["block_number"]),
            block_time=row["block_time"],
            chain_id=int(row["chain_id"]),
            contract_address=bytes(row["contract_address"]),
            signer_address=bytes(row["signer_address"]),
        )
    metadata: Any = row["metadata"]
    return ReceiptRecord(
        id=row["id"],
        seq=int(row["seq"]),
        submitter=row["submitter"],
        digest=bytes(row["digest"]),
        metadata={str(k): str(v) for k, v in dict(metadata).items()},
        state=row["state"],
        create_time=row["create_time"],
        attempts=int(row["attempts"]),
        failure_reason=row["failure_reason"] or "",
        anchor=anchor,
    )


BATCHER_LOCK_KEY = int.from_bytes(hashlib.sha256(b"jipan.ledger.batcher").digest()[:8], "big", signed=True)
"""The PostgreSQL advisory lock (one bigint) whose holder is the replica that sends
anchoring transactions; distinct from the migration locks (database.py)."""


class BatcherLock:
    """Which replica sends: the one whose PostgreSQL session holds BATCHER_LOCK_KEY.

    A session-level advisory lock on one pool connection that it keeps out of the
    pool for as long as the replica lives (so the pool needs at least two).
    PostgreSQL releases it the moment that session ends: when the process exits
    or is killed (the kernel closes its socket), or when its host vanishes (the
    backend's TCP keepalives, `keepalive_s`, find the peer gone).
    A restarted or surviving replica then takes over on its next try, instead of
    waiting for a lease to run out. Needs a session, not a transaction pooler
    (PgBouncer in transaction mode): one connection stays with its client.
    """

    def __init__(self, pool: asyncpg.Pool, *, keepalive_s: float) -> None:
        self._pool = pool
        self._keepalive_s = keepalive_s
        self._conn: PoolConnectionProxy | None = None
        self.held = False

    async def take(self) -> bool:
        """Take the lock, or check that this replica still has it; False while another has it
        (or the database is unreachable: nobody sends without knowing)."""
        try:
            if self._conn is None or not _usable(self._conn):
                await self._drop()
                self._conn = await self._pool.acquire()
                await self._keep_alive(self._conn)
            if self.held:
                # A live session keeps its lock: the round trip proves the session lives.
                await self._conn.fetchval("SELECT 1")
            else:
                hold_session_state(self._conn)
                self.held = bool(
                    await self._conn.fetchval("SELECT pg_try_advisory_lock($1)", BATCHER_LOCK_KEY)
                )
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError):
            await self._drop()
        return self.held

    async def release(self) -> None:
        """Let another replica send now (graceful stop)."""
        conn, self._conn, self.held = self._conn, None, False
        if conn is None:
            return
        try:
            if _usable(conn):
                await conn.execute("SELECT pg_advisory_unlock_all()")
            await self._pool.release(conn)
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError):
            await self._drop_connection(conn)

    async def _drop(self) -> None:
        conn, self._conn, self.held = self._conn, None, False
        if conn is not None:
            await self._drop_connection(conn)

    async def _drop_connection(self, conn: PoolConnectionProxy) -> None:
        # Its session, and with it any lock, is gone or going: never reuse it. (A pool
        # connection whose session died may already be detached from its proxy.)
        with contextlib.suppress(asyncpg.InterfaceError):
            conn.terminate()
        with contextlib.suppress(Exception):
            await self._pool.release(conn)

    async def _keep_alive(self, conn: PoolConnectionProxy) -> None:
        """Backend-side TCP keepalives on this session (ignored over a Unix socket), so that
        PostgreSQL ends it, and frees the lock, within about 2 x keepalive_s of the host vanishing."""
        idle = max(1, round(self._keepalive_s))
        interval = max(1, round(self._keepalive_s / 3))
        await conn.execute(
            f"SET tcp_keepalives_idle = {idle}; SET tcp_keepalives_interval = {interval};"
            " SET tcp_keepalives_count = 3"
        )


def _usable(conn: PoolConnectionProxy) -> bool:
    try:
        return not conn.is_closed()
    except asyncpg.InterfaceError:  # its session died and the pool took it back
        return False


class LedgerStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    # --- receipts -------------------------------------------------------------------------------

    async def insert_receipts(
        self,
        conn: Connection,
        submitter: str,
        entries: Sequence[tuple[bytes, Mapping[str, str]]],
        submitter_org: str = "",
    ) -> dict[bytes, ReceiptRecord]:
        """Insert the digests not yet submitted by `submitter` (of organisation `submitter_org`,
        "" for none) and queue them for a batch; every receipt, by digest.

        One statement for the new ones (their receipts are made from what it
        returns); only digests sent before are read back.
        """
        digests = [digest for digest, _ in entries]
        rows = await conn.fetch(
            """
            WITH accepted AS (
                INSERT INTO ledger.receipts (id, submitter, digest, metadata, state, submitter_org)
                SELECT gen_random_uuid(), $1, t.digest, t.metadata::jsonb, 'PENDING', $4
                  FROM unnest($2::bytea[], $3::text[]) WITH ORDINALITY AS t(digest, metadata, ord)
                 ORDER BY t.ord
                ON CONFLICT (digest, submitter) DO NOTHING
                RETURNING id, seq, digest, create_time
            ), queued AS (
                INSERT INTO ledger.waiting (receipt_id, seq, digest) SELECT id, seq, digest FROM accepted
            )
            SELECT id, seq, digest, create_time FROM accepted
            """,
            submitter,
            digests,
            [
                json.dumps(dict(metadata), separators=(",", ":")) if metadata else "{}"
                for _, metadata in entries
            ],
            submitter_org,
        )
        metadata_of = dict(entries)
        stored: dict[bytes, ReceiptRecord] = {}
        for row in rows:
            digest = bytes(row["digest"])
            stored[digest] = ReceiptRecord(
                id=row["id"],
                seq=int(row["seq"]),
                submitter=submitter,
                digest=digest,
                metadata=metadata_of[digest],
                state="PENDING",
                create_time=row["create_time"],
                attempts=0,
                failure_reason="",
                anchor=None,
            )
        if len(stored) < len(digests):
            earlier = [digest for digest in digests if digest not in stored]
            found = await conn.fetch(
                f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM}"  # noqa: S608
                " WHERE r.digest = ANY($2) AND r.submitter = $1",
                submitter,
                earlier,
            )
            stored.update((bytes(row["digest"]), _receipt(row)) for row in found)
        return stored

    async def receipts_by_id(self, conn: Connection | None, ids: Sequence[uuid.UUID]) -> list[ReceiptRecord]:
        query = f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM} WHERE r.id = ANY($1)"  # noqa: S608
        rows = await (conn or self.pool).fetch(query, list(ids))
        by_id = {row["id"]: _receipt(row) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    async def receipts_in_batch(
        self, batch_id: int, submitter: str | None, readable_by: ReceiptScope | None = None
    ) -> list[ReceiptRecord]:
        """`readable_by`: only receipts of this subject or organisation (None: every receipt)."""
        rows = await self.pool.fetch(
            f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM}"  # noqa: S608
            " WHERE l.batch_id = $1 AND ($2::text IS NULL OR r.submitter = $2)"
            f" AND {_SCOPE_SQL.format(subject='$3', org='$4')} ORDER BY l.leaf_index",
            batch_id,
            submitter,
            readable_by.subject if readable_by else None,
            readable_by.org if readable_by else None,
        )
        return [_receipt(row) for row in rows]

    async def receipts_for_digest(self, digest: bytes, submitter: str | None) -> list[ReceiptRecord]:
        rows = await self.pool.fetch(
            f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM}"  # noqa: S608
            " WHERE r.digest = $1 AND ($2::text IS NULL OR r.submitter = $2)"
            " ORDER BY (b.state IS NOT DISTINCT FROM 'CONFIRMED') DESC, r.seq",
            digest,
            submitter,
        )
        return [_receipt(row) for row in rows]

    async def list_receipts(
        self,
        *,
        submitter: str | None,
        start: datetime | None,
        end: datetime | None,
        after: tuple[datetime, int] | None,
        limit: int,
        readable_by: ReceiptScope | None = None,
    ) -> list[ReceiptRecord]:
        """Newest first; `after` is the (create_time, seq) of the last receipt already returned;
        `readable_by`: only receipts of this subject or organisation (None: every receipt)."""
        rows = await self.pool.fetch(
            f"SELECT {_RECEIPT_COLUMNS} FROM {_RECEIPT_FROM}"  # noqa: S608
            """
             WHERE ($1::text IS NULL OR r.submitter = $1)
               AND ($2::timestamptz IS NULL OR r.create_time >= $2)
               AND ($3::timestamptz IS NULL OR r.create_time < $3)
               AND ($4::timestamptz IS NULL OR (r.create_time, r.seq) < ($4, $5::bigint))
               AND """
            + _SCOPE_SQL.format(subject="$7", org="$8")
            + """
             ORDER BY r.create_time DESC, r.seq DESC
             LIMIT $6
            """,
            submitter,
            start,
            end,
            after[0] if after else None,
            after[1] if after else None,
            limit,
            readable_by.subject if readable_by else None,
            readable_by.org if readable_by else None,
        )
        return [_receipt(row) for row in rows]

    # --- the chain's contract -------------------------------------------------------------------

    async def contract_address(self, chain_id: int) -> bytes | None:
        value = await self.pool.fetchval("SELECT address FROM ledger.contracts WHERE chain_id = $1", chain_id)
        return None if value is None else bytes(value)

    async def record_contract(self, chain_id: int, address: bytes) -> None:
        await self.pool.execute(
            "INSERT INTO ledger.contracts (chain_id, address) VALUES ($1, $2)"
            " ON CONFLICT (chain_id) DO UPDATE SET address = EXCLUDED.address, create_time = now()",
            chain_id,
            address,
        )

    # --- batches --------------------------------------------------------------------------------

    async def unfinished_batches(self) -> list[BatchRecord]:
        rows = await self.pool.fetch(
            "SELECT id, root, leaf_count, state, transaction_hash FROM ledger.batches"
            " WHERE state IN ('BUILT', 'SUBMITTED') ORDER BY id"
        )
        return [
            BatchRecord(
                id=int(row["id"]),
                root=bytes(row["root"]),
                leaf_count=int(row["leaf_count"]),
                state=row["state"],
                transaction_hash=None if row["transaction_hash"] is None else bytes(row["transaction_hash"]),
            )
            for row in rows
        ]

    async def waiting_due(self) -> bool:
        """Whether any receipt is due for a batch (accepted by any replica, or a FAILED one
        whose retry time came)."""
        return bool(
            await self.pool.fetchval(
                "SELECT EXISTS (SELECT 1 FROM ledger.waiting WHERE retry_time IS NULL OR retry_time <= now())"
            )
        )

    async def waiting_digests(self, conn: Connection, limit: int) -> list[tuple[uuid.UUID, bytes]]:
        """Receipts due for a batch, oldest first, locked until the caller's transaction ends
        (create_batch takes them off the queue)."""
        rows = await conn.fetch(
            "SELECT receipt_id, digest FROM ledger.waiting"
            " WHERE retry_time IS NULL OR retry_time <= now()"
            " ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED",
            limit,
        )
        return [(row["receipt_id"], bytes(row["digest"])) for row in rows]

    async def create_batch(
        self, conn: Connection, root: bytes, members: Sequence[tuple[uuid.UUID, int, bytes]]
    ) -> BatchRecord:
        """A BUILT batch holding `members` (receipt id, leaf index, concatenated proof):
        one batches row, the leaves with COPY, and the members off the queue."""
        batch_id = await conn.fetchval(
            "INSERT INTO ledger.batches (root, leaf_count, state) VALUES ($1, $2, 'BUILT') RETURNING id",
            root,
            len(members),
        )
        await conn.copy_records_to_table(
            "leaves",
            schema_name=SCHEMA,
            columns=("batch_id", "leaf_index", "receipt_id", "proof"),
            records=[(batch_id, index, receipt_id, proof) for receipt_id, index, proof in members],
        )
        await conn.execute(
            "DELETE FROM ledger.waiting WHERE receipt_id = ANY($1::uuid[])", [m[0] for m in members]
        )
        return BatchRecord(int(batch_id), root, len(members), "BUILT", None)

    async def batch_transactions(self, batch_id: int) -> list[SentTransaction]:
        """The transactions sent for a batch, oldest first (migration 0004)."""
        rows = await self.pool.fetch(
            "SELECT transaction_hash, nonce, max_fee_per_gas, max_priority_fee_per_gas, gas_price, replaces,"
            " send_time FROM ledger.batch_transactions WHERE batch_id = $1 ORDER BY send_time, nonce",
            batch_id,
        )
        return [
            SentTransaction(
                transaction_hash=bytes(row["transaction_hash"]),
                nonce=int(row["nonce"]),
                max_fee_per_gas=None if row["max_fee_per_gas"] is None else int(row["max_fee_per_gas"]),
                max_priority_fee_per_gas=(
                    None if row["max_priority_fee_per_gas"] is None else int(row["max_priority_fee_per_gas"])
                ),
                gas_price=None if row["gas_price"] is None else int(row["gas_price"]),
                replaces=None if row["replaces"] is None else bytes(row["replaces"]),
                send_time=row["send_time"],
            )
            for row in rows
        ]

    async def record_transaction(self, batch_id: int, sent: SentTransaction) -> None:
        """A transaction about to be sent for the batch (committed before it is)."""
        await self.pool.execute(
            "INSERT INTO ledger.batch_transactions (transaction_hash, batch_id, nonce, max_fee_per_gas,"
            " max_priority_fee_per_gas, gas_price, replaces, send_time)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (transaction_hash) DO NOTHING",
            sent.transaction_hash,
            batch_id,
            sent.nonce,
            None if sent.max_fee_per_gas is None else Decimal(sent.max_fee_per_gas),
            None if sent.max_priority_fee_per_gas is None else Decimal(sent.max_priority_fee_per_gas),
            None if sent.gas_price is None else Decimal(sent.gas_price),
            sent.replaces,
            sent.send_time,
        )

    async def mark_submitted(self, batch_id: int, chain_id: int, contract: bytes, signer: bytes) -> None:
        await self.pool.execute(
            "UPDATE ledger.batches SET state = 'SUBMITTED', chain_id = $2, contract_address = $3,"
            " signer_address = $4, update_time = now() WHERE id = $1",
            batch_id,
            chain_id,
            contract,
            signer,
        )

    async def confirm_batch(
        self,
        batch_id: int,
        *,
        chain_id: int,
        contract: bytes,
        signer: bytes,
        transaction_hash: bytes,
        block_number: int,
        block_time: datetime,
    ) -> None:
        """The batch and so every receipt in it is CONFIRMED (see _RECEIPT_COLUMNS)."""
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "UPDATE ledger.batches SET state = 'CONFIRMED', chain_id = $2, contract_address = $3,"
                " signer_address = $4, transaction_hash = $5, block_number = $6, block_time = $7,"
                " failure_reason = NULL, update_time = now() WHERE id = $1",
                batch_id,
                chain_id,
                contract,
                signer,
                transaction_hash,
                block_number,
                block_time,
            )
            # Delivered on commit, to every replica's ConfirmationFeed (feed.py).
            await conn.execute("SELECT pg_notify('ledger_confirmations', $1::text)", str(batch_id))

    async def fail_batch(self, batch_id: int, reason: str, retry_after_s: float) -> None:
        """The chain rejected the batch: its receipts turn FAILED (with the reason) and go
        back on the queue, due after `retry_after_s`."""
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "UPDATE ledger.batches SET state = 'FAILED', failure_reason = $2, update_time = now()"
                " WHERE id = $1",
                batch_id,
                reason,
            )
            await conn.execute(
                """
                WITH released AS (
                    DELETE FROM ledger.leaves WHERE batch_id = $1 RETURNING receipt_id
                ), failed AS (
                    UPDATE ledger.receipts r
                       SET state = 'FAILED', attempts = attempts + 1, failure_reason = $2
                      FROM released WHERE r.id = released.receipt_id
                    RETURNING r.seq, r.id, r.digest
                )
                INSERT INTO ledger.waiting (receipt_id, seq, digest, retry_time)
                SELECT id, seq, digest, now() + make_interval(secs => $3) FROM failed
                """,
                batch_id,
                reason,
                retry_after_s,
            )
