"""The message log: every federated call this mesh serves, signed, chained and anchored.

The chain's interceptor stage (jipan.interceptors.federation) hands each
federated call's record to `MessageLog.record`, which only appends it to a
list: the call never waits for the database. A writer task flushes the list
within `FLUSH_MAX_WAIT_S` (sooner under load): per peer pair, in one
transaction, it locks the chain head (so replicas extend one chain, never fork it), gives each entry the next
sequence and the previous entry's hash, hashes its canonical form (JSON,
sorted keys), signs the batch once with this mesh's log key (Ed25519,
libsodium through PyNaCl) over the RFC 6962 Merkle root of its entry hashes
(X-Road's batch signatures: each entry is covered through its audit path,
at one signature per flush instead of one per call) and inserts the batch.
An anchoring task builds an RFC 6962 Merkle tree over the hashes not yet
anchored and anchors its root on the ledger (LedgerAnchor); while the
ledger is down the entries wait in their table and are anchored once it is
back (X-Road's batch time-stamping).

What is not durable: records not yet flushed (at most FLUSH_MAX_WAIT_S +
FLUSH_S of calls) are lost if the process is killed; a graceful stop
flushes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import math
import secrets
import time
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg
import orjson
import structlog
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from nacl.signing import SigningKey

from jipan.interceptors.federation import ExchangeRecord
from jipan.interceptors.tokens import jwk_thumbprint
from jipan.servers.federation.names import DOMAIN, log_entry_name, parse_log_entry, parse_peer
from jipan.servers.federation.verify import ZERO_HASH, SignatureBatch, SignedEntry, entry_fields, verify_entry
from jipan.servers.ledger.merkle import MerkleTree
from jipan.servers.runtime.errors import InvalidArgument, NotFound, PermissionDenied
from jipan.servers.runtime.ledger_anchor import DecisionAnchor
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

FLUSH_S = 0.05
FLUSH_BATCH = 256
FLUSH_MAX_WAIT_S = 0.1
"""The writer looks every FLUSH_S and writes once FLUSH_BATCH records are queued or the first
of them has waited FLUSH_MAX_WAIT_S: under load a flush carries a few hundred records (each
flush's fixed cost, a statement and a commit, was ~40 % of the writer's CPU at ~100 records),
and a lone call is stored within 0.15 s."""
MAX_BATCH = 5000
INLINE_BATCH = 500
"""Up to this many records a flush chains and signs on the event loop (about 4 µs a record:
2 ms at most); larger ones in a worker thread, whose hand-off alone costs ~150 µs a flush."""
MAX_ANCHOR_BATCH = 10_000
# One round trip for a flush whose chain head is still the one this writer cached: the head
# moves only if unchanged, and the batch's signature and entries are inserted only with it.
_APPEND_AT_HEAD = """
WITH head AS (
    UPDATE federation.log_heads SET sequence = $4, entry_hash = $5
    WHERE peer = $1 AND sequence = $2 AND entry_hash = $3
    RETURNING peer
), batch AS (
    INSERT INTO federation.log_signatures (peer, first_sequence, tree_size, root, signature, kid)
    SELECT peer, $2 + 1, $6, $7, $8, $9 FROM head
), entries AS (
    INSERT INTO federation.log_entries (peer, sequence, canonical, entry_hash, previous_hash, kid)
    SELECT head.peer, e.sequence, e.canonical, e.entry_hash, e.previous_hash, $9
    FROM head, unnest($10::bigint[], $11::bytea[], $12::bytea[], $13::bytea[])
        AS e (sequence, canonical, entry_hash, previous_hash)
)
SELECT count(*) FROM head
"""
_ANCHOR_LOCK = int.from_bytes(hashlib.sha256(b"jipan.federation.anchor").digest()[:8], "big", signed=True)
_KEY_LOCK = int.from_bytes(hashlib.sha256(b"jipan.federation.log_key").digest()[:8], "big", signed=True)


@functools.lru_cache(maxsize=8)
def _second(seconds: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))


def _iso(seconds: float) -> str:
    """RFC 3339 in UTC with microseconds, as `datetime.isoformat(timespec="microseconds")` writes
    it; the date and time of day cached per second (calls logged within one share it)."""
    fraction, whole = math.modf(seconds)
    micros = round(fraction * 1e6)  # half to even, as datetime.fromtimestamp rounds
    if micros >= 1_000_000:
        whole, micros = whole + 1, micros - 1_000_000
    elif micros < 0:
        whole, micros = whole - 1, micros + 1_000_000
    return f"{_second(int(whole))}.{micros:06d}+00:00"


def canonical_entry(record: ExchangeRecord, sequence: int, previous_hash: bytes) -> bytes:
    """The signed form: JSON with sorted keys and no spaces, UTF-8 (orjson).

    The keys are written in sorted order (orjson keeps a dict's order), which
    is what OPT_SORT_KEYS would produce without sorting on every entry."""
    return orjson.dumps(
        {
            "client_certificate": record.client_certificate,
            "consumer_issuer": record.consumer_issuer,
            "consumer_principal": record.consumer_principal,
            "end_time": _iso(record.end_time),
            "method": record.method,
            "peer": record.peer,
            "previous_hash": previous_hash.hex(),
            "provider_issuer": record.provider_issuer,
            "provider_principal": record.provider_principal,
            "request_id": record.request_id,
            "request_sha256": record.request_digest.hex(),
            "response_sha256": record.response_digest.hex(),
            "sequence": sequence,
            "side": record.side,
            "start_time": _iso(record.start_time),
            "status_code": record.status_code,
            "v": 1,
        }
    )


def chain_entries(
    records: Sequence[ExchangeRecord], sequence: int, previous: bytes
) -> list[tuple[int, bytes, bytes, bytes]]:
    """(sequence, canonical, entry hash, previous hash) of each record, continuing the chain."""
    rows = []
    for record in records:
        sequence += 1
        canonical = canonical_entry(record, sequence, previous)
        entry_hash = hashlib.sha256(canonical).digest()
        rows.append((sequence, canonical, entry_hash, previous))
        previous = entry_hash
    return rows


def sign_batch(entry_hashes: Sequence[bytes], signer: SigningKey) -> tuple[bytes, bytes]:
    """(root, signature): the RFC 6962 Merkle root over the entry hashes, signed with Ed25519."""
    root = MerkleTree(entry_hashes).root
    return root, signer.sign(root).signature


def chain_and_sign(
    records: Sequence[ExchangeRecord], sequence: int, previous: bytes, signer: SigningKey
) -> tuple[list[tuple[int, bytes, bytes, bytes]], bytes, bytes]:
    """The chained rows of `records` and their batch's (root, signature).

    CPU only (hashing, and Ed25519 in libsodium, which releases the GIL): the
    writer runs it in a worker thread so the event loop keeps serving calls."""
    rows = chain_entries(records, sequence, previous)
    root, signature = sign_batch([row[2] for row in rows], signer)
    return rows, root, signature


@dataclass(frozen=True, slots=True)
class LogKey:
    kid: str
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()


async def load_log_key(pool: asyncpg.Pool, sealing_key: bytes) -> LogKey:
    """This mesh's message log key, made on first use and kept sealed (AES-256-GCM) in its table."""
    aead = AESGCM(hashlib.sha256(b"jipan.federation.log-key:" + sealing_key).digest())
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", _KEY_LOCK)
        row = await conn.fetchrow(
            "SELECT kid, sealed_private_key FROM federation.log_keys ORDER BY create_time DESC LIMIT 1"
        )
        if row is not None:
            sealed = bytes(row["sealed_private_key"])
            raw = aead.decrypt(sealed[:12], sealed[12:], row["kid"].encode())
            return LogKey(row["kid"], Ed25519PrivateKey.from_private_bytes(raw))
        key = Ed25519PrivateKey.generate()
        kid = jwk_thumbprint(key.public_key())
        nonce = secrets.token_bytes(12)
        raw = key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        await conn.execute(
            "INSERT INTO federation.log_keys (kid, public_key, sealed_private_key) VALUES ($1, $2, $3)",
            kid,
            key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
            nonce + aead.encrypt(nonce, raw, kid.encode()),
        )
        return LogKey(kid, key)


async def published_log_keys(pool: asyncpg.Pool) -> dict[str, Ed25519PublicKey]:
    rows = await pool.fetch("SELECT kid, public_key FROM federation.log_keys ORDER BY create_time")
    return {row["kid"]: Ed25519PublicKey.from_public_bytes(bytes(row["public_key"])) for row in rows}


@dataclass(frozen=True, slots=True)
class StoredEntry:
    org_id: str
    peer_id: str
    sequence: int
    canonical: bytes
    entry_hash: bytes
    previous_hash: bytes
    signature: bytes
    signing_key_id: str
    ledger_receipt: str
    batch: SignatureBatch | None = None

    @property
    def name(self) -> str:
        return log_entry_name(self.org_id, self.peer_id, self.sequence)

    def fields(self) -> dict[str, object]:
        return entry_fields(self.canonical)

    def signed(self) -> SignedEntry:
        return SignedEntry(self.canonical, self.entry_hash, self.signature, self.signing_key_id, self.batch)


@dataclass(frozen=True, slots=True)
class ExchangeProof:
    entry: StoredEntry
    log_key: Ed25519PublicKey | None
    signature_valid: bool
    chain_valid: bool
    merkle_root: bytes
    leaf_index: int
    tree_size: int
    proof: list[bytes]
    anchored: bool
    anchor_time: datetime | None


@dataclass(frozen=True, slots=True)
class EntryPage:
    items: list[StoredEntry]
    next_page_token: str


_ENTRY_COLUMNS = (
    "p.org_id, p.peer_id, e.peer AS peer_uuid, e.sequence, e.canonical, e.entry_hash, e.previous_hash,"
    " coalesce(e.signature, s.signature) AS signature, e.kid,"
    " coalesce(b.ledger_receipt, '') AS ledger_receipt,"
    " s.root AS signed_root, s.first_sequence AS signed_first, s.tree_size AS signed_size"
)
# An entry stored without a signature of its own belongs to the signed batch of
# its peer pair that starts at or before it (batches are consecutive runs of
# the chain, so the (peer, first_sequence) index finds it).
# Its anchor batch likewise: the peer pair's anchored range that holds it (entries
# anchored before ranges existed name their batch and leaf themselves).
_ENTRY_FROM = (
    "{entries} e JOIN federation.peers p ON p.id = e.peer"
    " LEFT JOIN LATERAL (SELECT r.batch, r.tree_offset, r.first_sequence FROM federation.anchor_ranges r"
    " WHERE e.batch IS NULL AND r.peer = e.peer AND r.first_sequence <= e.sequence"
    " AND r.first_sequence + r.size > e.sequence ORDER BY r.first_sequence DESC LIMIT 1) r ON true"
    " LEFT JOIN federation.anchor_batches b ON b.id = coalesce(e.batch, r.batch)"
    " LEFT JOIN LATERAL (SELECT s.root, s.first_sequence, s.tree_size, s.signature"
    " FROM federation.log_signatures s WHERE e.signature IS NULL AND s.peer = e.peer"
    " AND s.first_sequence <= e.sequence ORDER BY s.first_sequence DESC LIMIT 1) s ON true"
)


_ANCHOR_LEAF = "coalesce(e.leaf_index, r.tree_offset + (e.sequence - r.first_sequence)::integer)"


def _stored(row: asyncpg.Record, batch: SignatureBatch | None = None) -> StoredEntry:
    return StoredEntry(
        org_id=row["org_id"],
        peer_id=row["peer_id"],
        sequence=int(row["sequence"]),
        canonical=bytes(row["canonical"]),
        entry_hash=bytes(row["entry_hash"]),
        previous_hash=bytes(row["previous_hash"]),
        signature=bytes(row["signature"] or b""),
        signing_key_id=row["kid"],
        ledger_receipt=row["ledger_receipt"],
        batch=batch,
    )


async def _with_batches(conn: Any, rows: Sequence[asyncpg.Record]) -> list[StoredEntry]:
    """The entries of `rows`, each batch-signed one with its audit path to the signed root.

    The path is not stored: it is recomputed from the batch's entry hashes (one
    range read on the primary key per batch), so a flush writes one signature
    row and nothing per entry beyond the entry itself."""
    trees: dict[tuple[Any, int], MerkleTree] = {}
    entries = []
    for row in rows:
        if row["signed_root"] is None:
            entries.append(_stored(row))
            continue
        first, size = int(row["signed_first"]), int(row["signed_size"])
        key = (row["peer_uuid"], first)
        tree = trees.get(key)
        if tree is None:
            hashes = await conn.fetch(
                "SELECT entry_hash FROM federation.log_entries WHERE peer = $1"
                " AND sequence >= $2 AND sequence < $3 ORDER BY sequence",
                row["peer_uuid"],
                first,
                first + size,
            )
            tree = trees[key] = MerkleTree([bytes(h["entry_hash"]) for h in hashes])
        leaf = int(row["sequence"]) - first
        proof = tuple(tree.proof(leaf)) if tree.size == size and leaf < size else ()
        entries.append(_stored(row, SignatureBatch(bytes(row["signed_root"]), leaf, size, proof)))
    return entries


class MessageLog:
    def __init__(
        self,
        pool: asyncpg.Pool,
        load_key: Callable[[], Awaitable[LogKey]],
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        *,
        anchor_interval_s: float,
    ) -> None:
        self._pool = pool
        self._load_key = load_key
        self._key: LogKey | None = None
        self._signer: SigningKey | None = None
        self._anchor = anchor
        self._page_tokens = page_tokens
        self._anchor_interval_s = anchor_interval_s
        self._pending: list[ExchangeRecord] = []
        self._waiting_since = 0.0
        self._peer_ids: dict[str, uuid.UUID] = {}
        self._heads: dict[str, tuple[uuid.UUID, int, bytes]] = {}
        """Per peer pair, the chain head this writer last wrote: (peer id, sequence, entry hash)."""
        self._tasks: list[asyncio.Task[None]] = []
        self._flushing = asyncio.Lock()

    async def key(self) -> LogKey:
        """This mesh's log key (loaded, or made, on first use)."""
        if self._key is None:
            key = await self._load_key()
            self._signer = SigningKey(
                key.private_key.private_bytes(
                    serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
                )
            )
            self._key = key
        return self._key

    # --- recording ------------------------------------------------------------------------------

    def record(self, record: ExchangeRecord) -> None:
        """Queue one call's record (no I/O: the writer stores it within FLUSH_MAX_WAIT_S + FLUSH_S)."""
        if not self._pending:
            self._waiting_since = time.monotonic()
        self._pending.append(record)

    async def record_consumer(
        self,
        org: str | None,
        caller: str,
        consumer_issuer: str,
        parent: str,
        *,
        method: str,
        request_id: str,
        request_digest: bytes,
        response_digest: bytes,
        status_code: str,
        start_time: float,
        end_time: float,
        provider_principal: str,
    ) -> None:
        """Queue the consumer side's entry of a call this mesh's `caller` made to the peer `parent`."""
        org_id, peer_id = parse_peer(parent, "parent")
        self._check_org(org, org_id, parent)
        issuer = await self._pool.fetchval(
            "SELECT issuer FROM federation.peers WHERE org_id = $1 AND peer_id = $2", org_id, peer_id
        )
        if issuer is None:
            raise NotFound(
                "PEER_NOT_FOUND", f"no peer {parent[:200]}", domain=DOMAIN, metadata={"name": parent[:200]}
            )
        for field, digest, optional in (
            ("request_digest", request_digest, False),
            ("response_digest", response_digest, True),
        ):
            if len(digest) != 32 and not (optional and not digest):
                raise InvalidArgument(
                    "FIELD_INVALID", f"{field} must be a SHA-256 digest (32 bytes)", metadata={"field": field}
                )
        self.record(
            ExchangeRecord(
                peer=parent,
                side="consumer",
                method=method,
                request_id=request_id,
                consumer_issuer=consumer_issuer,
                consumer_principal=caller,
                provider_issuer=str(issuer),
                provider_principal=provider_principal,
                client_certificate="",
                request_digest=request_digest,
                response_digest=response_digest,
                status_code=status_code,
                start_time=start_time,
                end_time=end_time,
            )
        )

    async def flush(self) -> int:
        """Store the records queued when it is called; returns how many.

        Records that arrive while it runs wait for the next flush: each flush
        writes what the writer gathered in one transaction per peer pair, instead
        of chasing every new call with a small transaction of its own (which
        multiplied the commits under load). A failed write puts its records,
        and every record not yet written, back at the head of the queue."""
        async with self._flushing:
            taken, self._pending = self._pending, []
            by_peer: dict[str, list[ExchangeRecord]] = defaultdict(list)
            for record in taken:
                by_peer[record.peer].append(record)
            peers = list(by_peer.items())
            stored = 0
            for index, (peer, records) in enumerate(peers):
                for start in range(0, len(records), MAX_BATCH):
                    try:
                        stored += await self._append(peer, records[start : start + MAX_BATCH])
                    except Exception as exc:
                        log.warning(
                            "message log flush failed",
                            peer=peer,
                            error=type(exc).__name__,
                            detail=str(exc)[:200],
                        )
                        left = records[start:] + [r for _, rest in peers[index + 1 :] for r in rest]
                        self._pending[:0] = left  # in order per peer pair: the next flush tries again
                        return stored
            return stored

    async def _peer_id(self, conn: Any, peer: str) -> uuid.UUID | None:
        known = self._peer_ids.get(peer)
        if known is not None:
            return known
        org_id, peer_id = parse_peer(peer)
        found: uuid.UUID | None = await conn.fetchval(
            "SELECT id FROM federation.peers WHERE org_id = $1 AND peer_id = $2", org_id, peer_id
        )
        if found is not None:
            self._peer_ids[peer] = found
        return found

    async def _chain(
        self, records: Sequence[ExchangeRecord], sequence: int, previous: bytes
    ) -> tuple[list[tuple[int, bytes, bytes, bytes]], bytes, bytes]:
        signer = self._signer
        assert signer is not None, "key() loads it"
        if len(records) <= INLINE_BATCH:
            return chain_and_sign(records, sequence, previous, signer)
        return await asyncio.to_thread(chain_and_sign, records, sequence, previous, signer)

    async def _write_at(
        self,
        conn: Any,
        key: LogKey,
        head: tuple[uuid.UUID, int, bytes],
        records: Sequence[ExchangeRecord],
    ) -> tuple[uuid.UUID, int, bytes] | None:
        """Chain `records` after `head` (peer id, sequence, entry hash) and store them with their
        batch signature in one statement, which moves the head only if it is still `head`;
        returns the new head, or None when the head had moved (nothing was written)."""
        peer_id, sequence, previous = head
        chained, root, signature = await self._chain(records, sequence, previous)
        moved = await conn.fetchval(
            _APPEND_AT_HEAD,
            peer_id,
            sequence,
            previous,
            chained[-1][0],
            chained[-1][2],
            len(chained),
            root,
            signature,
            key.kid,
            [entry[0] for entry in chained],
            [entry[1] for entry in chained],
            [entry[2] for entry in chained],
            [entry[3] for entry in chained],
        )
        return (peer_id, chained[-1][0], chained[-1][2]) if moved else None

    async def _append(self, peer: str, records: Sequence[ExchangeRecord]) -> int:
        """Extend `peer`'s chain with `records`.

        With the chain head this writer last wrote cached, one statement (so
        one round trip, no explicit transaction) moves the head only if it is
        still that one and inserts the batch's signature and entries with
        it; a head another replica moved in between inserts nothing, and the
        locked path below re-reads it under its row lock and writes the same
        way. The locked path also starts a chain."""
        key = await self.key()
        cached = self._heads.pop(peer, None)
        if cached is not None:
            async with self._pool.acquire() as conn:
                written = await self._write_at(conn, key, cached, records)
            if written is not None:
                self._heads[peer] = written
                return len(records)
        async with self._pool.acquire() as conn, conn.transaction():
            peer_id = await self._peer_id(conn, peer)
            if peer_id is None:
                log.warning("message log records of an unknown peer dropped", peer=peer, count=len(records))
                return 0
            await conn.execute(
                "INSERT INTO federation.log_heads (peer, sequence, entry_hash) VALUES ($1, 0, $2)"
                " ON CONFLICT DO NOTHING",
                peer_id,
                ZERO_HASH,
            )
            row = await conn.fetchrow(
                "SELECT sequence, entry_hash FROM federation.log_heads WHERE peer = $1 FOR UPDATE", peer_id
            )
            assert row is not None, "inserted above"
            written = await self._write_at(
                conn, key, (peer_id, int(row["sequence"]), bytes(row["entry_hash"])), records
            )
            assert written is not None, "the head is locked by this transaction"
        self._heads[peer] = written
        return len(records)

    # --- anchoring ------------------------------------------------------------------------------

    async def anchor_pending(self) -> int:
        """Anchor the entries not yet anchored as one Merkle batch; returns how many (0: none, or
        another replica holds the batch lock). The ledger being down leaves them for the next try."""
        async with self._pool.acquire() as conn, conn.transaction():
            if not await conn.fetchval("SELECT pg_try_advisory_xact_lock($1)", _ANCHOR_LOCK):
                return 0
            # Each peer pair's entries after the last anchored one: a range of its chain (writers
            # commit whole runs of consecutive sequences), read on the primary key, one peer pair at
            # a time. (One lateral join over all heads looked to the planner like millions of rows
            # and paid ~75 ms of JIT compilation on every anchoring.)
            rows: list[asyncpg.Record] = []
            heads = await conn.fetch(
                "SELECT peer, anchored_sequence FROM federation.log_heads"
                " WHERE sequence > anchored_sequence ORDER BY peer"
            )
            for head in heads:
                if len(rows) >= MAX_ANCHOR_BATCH:
                    break
                rows += await conn.fetch(
                    "SELECT peer, sequence, entry_hash FROM federation.log_entries"
                    " WHERE peer = $1 AND sequence > $2 ORDER BY sequence LIMIT $3",
                    head["peer"],
                    head["anchored_sequence"],
                    MAX_ANCHOR_BATCH - len(rows),
                )
            if not rows:
                return 0
            tree = MerkleTree([bytes(row["entry_hash"]) for row in rows])
            receipt = await self._anchor.anchor(
                tree.root, {"kind": "federation-message-log", "entries": str(len(rows))}
            )
            batch = await conn.fetchval(
                "INSERT INTO federation.anchor_batches (root, tree_size, ledger_receipt) VALUES ($1, $2, $3)"
                " RETURNING id",
                tree.root,
                len(rows),
                receipt,
            )
            # One row per peer pair's range instead of an UPDATE of every entry (which rewrote
            # each entry's row: the log's largest cost in PostgreSQL).
            ranges: list[tuple[uuid.UUID, int, int, int]] = []  # peer, first sequence, size, tree offset
            for offset, row in enumerate(rows):
                if ranges and ranges[-1][0] == row["peer"]:
                    peer, first, size, start = ranges[-1]
                    ranges[-1] = (peer, first, size + 1, start)
                else:
                    ranges.append((row["peer"], int(row["sequence"]), 1, offset))
            await conn.execute(
                "INSERT INTO federation.anchor_ranges (peer, first_sequence, size, batch, tree_offset)"
                " SELECT u.peer, u.first, u.size, $1, u.offset_ FROM unnest($2::uuid[], $3::bigint[],"
                " $4::int[], $5::int[]) AS u(peer, first, size, offset_)",
                batch,
                [r[0] for r in ranges],
                [r[1] for r in ranges],
                [r[2] for r in ranges],
                [r[3] for r in ranges],
            )
            await conn.execute(
                "UPDATE federation.log_heads h SET anchored_sequence = u.last"
                " FROM unnest($1::uuid[], $2::bigint[]) AS u(peer, last) WHERE h.peer = u.peer",
                [r[0] for r in ranges],
                [r[1] + r[2] - 1 for r in ranges],
            )
        log.info("message log batch anchored", entries=len(rows), receipt=receipt)
        return len(rows)

    # --- background -----------------------------------------------------------------------------

    async def _write_loop(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_S)
            if len(self._pending) >= FLUSH_BATCH or (
                self._pending and time.monotonic() - self._waiting_since >= FLUSH_MAX_WAIT_S
            ):
                await self.flush()

    async def _anchor_loop(self) -> None:
        while True:
            await asyncio.sleep(self._anchor_interval_s)
            try:
                await self.anchor_pending()
            except Exception as exc:
                log.warning("message log anchoring deferred", error=type(exc).__name__, detail=str(exc)[:200])

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._write_loop(), name="message-log-writer"),
            loop.create_task(self._anchor_loop(), name="message-log-anchor"),
        ]

    async def stop(self) -> None:
        tasks, self._tasks = self._tasks, []
        # A flush in progress has taken its records off the queue: cancelled while it waits for
        # the database or the signing thread, they would be neither written nor queued again
        # (and a statement may commit as it is cancelled). So the writer is cancelled only
        # holding _flushing, once that flush is done: asleep, or waiting for the lock, it holds
        # no records. Then the last flush takes what came after.
        async with self._flushing:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await self.flush()

    # --- reading and proving --------------------------------------------------------------------

    @staticmethod
    def _check_org(org: str | None, org_id: str, name: str) -> None:
        if org is None:
            raise PermissionDenied("ORGANIZATION_MISMATCH", "the token names no organisation", domain=DOMAIN)
        if org != f"orgs/{org_id}":
            raise NotFound(
                "PEER_NOT_FOUND", f"no peer {name[:200]}", domain=DOMAIN, metadata={"name": name[:200]}
            )

    async def list_entries(self, org: str | None, parent: str, page_size: int, page_token: str) -> EntryPage:
        org_id, peer_id = parse_peer(parent, "parent")
        self._check_org(org, org_id, parent)
        size = resolve_page_size(page_size, default=100, maximum=1000)
        fingerprint = query_fingerprint("ListLogEntries", parent=parent)
        after = int(self._page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        peer_uuid = await self._pool.fetchval(
            "SELECT id FROM federation.peers WHERE org_id = $1 AND peer_id = $2", org_id, peer_id
        )
        if peer_uuid is None:
            raise NotFound(
                "PEER_NOT_FOUND", f"no peer {parent[:200]}", domain=DOMAIN, metadata={"name": parent[:200]}
            )
        # The page is cut on the primary key first and only its rows are joined: with the joins
        # around the whole table, the planner joined every entry of the chain before the LIMIT
        # (0.55 s for one page of a 100,000-entry log, measured; 51 ms with a join to peers
        # inside the page, 0.5 ms on the key alone).
        page = (
            "(SELECT * FROM federation.log_entries WHERE peer = $1 AND sequence > $2"
            " ORDER BY sequence LIMIT $3)"
        )
        rows = await self._pool.fetch(
            f"SELECT {_ENTRY_COLUMNS} FROM {_ENTRY_FROM.format(entries=page)}"  # noqa: S608 (fixed columns)
            " ORDER BY e.sequence",
            peer_uuid,
            after,
            size + 1,
        )
        async with self._pool.acquire() as conn:
            entries = await _with_batches(conn, rows[:size])
        token = ""
        if len(rows) > size:
            token = self._page_tokens.encode(fingerprint, {"after": entries[-1].sequence})
        return EntryPage(entries, token)

    async def prove(self, org: str | None, name: str) -> ExchangeProof:
        org_id, peer_id, sequence = parse_log_entry(name)
        self._check_org(org, org_id, name)
        row = await self._pool.fetchrow(
            f"SELECT {_ENTRY_COLUMNS}, e.peer, b.id AS anchor_batch, {_ANCHOR_LEAF} AS anchor_leaf,"  # noqa: S608 (fixed columns)
            " b.root, b.tree_size, b.anchor_time"
            f" FROM {_ENTRY_FROM.format(entries='federation.log_entries')}"
            " WHERE p.org_id = $1 AND p.peer_id = $2 AND e.sequence = $3",
            org_id,
            peer_id,
            sequence,
        )
        if row is None:
            raise NotFound(
                "LOG_ENTRY_NOT_FOUND",
                f"no message log entry {name[:200]}",
                domain=DOMAIN,
                metadata={"name": name[:200]},
            )
        async with self._pool.acquire() as conn:
            entry = (await _with_batches(conn, [row]))[0]
        keys = await published_log_keys(self._pool)
        try:
            fields = verify_entry(entry.signed(), keys)
            signature_valid = True
        except Exception:
            fields, signature_valid = {}, False
        expected_previous = ZERO_HASH
        if sequence > 1:
            previous = await self._pool.fetchval(
                "SELECT entry_hash FROM federation.log_entries WHERE peer = $1 AND sequence = $2",
                row["peer"],
                sequence - 1,
            )
            expected_previous = bytes(previous) if previous is not None else b""
        chain_valid = (
            signature_valid
            and entry.previous_hash == expected_previous
            and fields.get("previous_hash") == expected_previous.hex()
            and fields.get("sequence") == sequence
        )
        root, proof, anchored, leaf_index, tree_size = b"", [], False, 0, 0
        if row["anchor_batch"] is not None:
            hashes = await self._pool.fetch(
                "SELECT e.entry_hash FROM federation.anchor_ranges r CROSS JOIN LATERAL"
                " (SELECT entry_hash, sequence FROM federation.log_entries e WHERE e.peer = r.peer"
                " AND e.sequence >= r.first_sequence AND e.sequence < r.first_sequence + r.size) e"
                " WHERE r.batch = $1 ORDER BY r.tree_offset, e.sequence",
                row["anchor_batch"],
            ) or await self._pool.fetch(  # a batch anchored before anchor_ranges: its entries name it
                "SELECT entry_hash FROM federation.log_entries WHERE batch = $1 ORDER BY leaf_index",
                row["anchor_batch"],
            )
            tree = MerkleTree([bytes(h["entry_hash"]) for h in hashes])
            leaf_index, tree_size = int(row["anchor_leaf"]), int(row["tree_size"])
            root = bytes(row["root"])
            if tree.root == root and tree.size == tree_size:
                proof = tree.proof(leaf_index)
            receipts = await self._anchor.anchored_receipts(root)
            anchored = any(receipts.values())
        return ExchangeProof(
            entry=entry,
            log_key=keys.get(entry.signing_key_id),
            signature_valid=signature_valid,
            chain_valid=chain_valid,
            merkle_root=root,
            leaf_index=leaf_index,
            tree_size=tree_size,
            proof=proof,
            anchored=anchored,
            anchor_time=row["anchor_time"],
        )
