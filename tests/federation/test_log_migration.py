"""Migration 0002 keeps a message log written before it readable, verifiable and provable.

Before 0002 every entry carried its own Ed25519 signature over its hash, and
anchoring wrote its batch and leaf into every entry's row. After it, a flush
is signed once over the Merkle root of its entries and anchoring records
ranges of the chain. A log that holds both kinds — entries anchored the old
way, entries signed the old way but anchored by range, and new batch-signed
entries — must still verify end to end, offline included.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
import uuid
from collections.abc import Mapping
from pathlib import Path

import asyncpg
from nacl.signing import SigningKey

from jipan.interceptors.federation import ExchangeRecord
from jipan.servers.federation import store as store_module
from jipan.servers.federation.messagelog import MessageLog, canonical_entry, load_log_key
from jipan.servers.federation.verify import ZERO_HASH, verify_anchored, verify_chain
from jipan.servers.ledger.merkle import MerkleTree
from jipan.servers.runtime.database import apply_migrations
from jipan.servers.runtime.pagination import PageTokens
from tests.conftest import fresh_database

ORG, PEER = "agency-b", "agency-a"
PARENT = f"orgs/{ORG}/peers/{PEER}"
SEALING_KEY = b"test sealing key of the federation log, 32 bytes!"


class RecordingAnchor:
    """Stands in for the ledger: remembers each root it was asked to anchor."""

    def __init__(self) -> None:
        self.receipts: dict[bytes, str] = {}

    async def anchor(self, digest: bytes, metadata: Mapping[str, str]) -> str:
        self.receipts[digest] = f"receipts/{len(self.receipts)}"
        return self.receipts[digest]

    async def anchored_receipts(self, digest: bytes) -> dict[str, bool]:
        return {self.receipts[digest]: True} if digest in self.receipts else {}


async def add_peer(pool: asyncpg.Pool, peer: uuid.UUID) -> None:
    """The active peer ORG/PEER whose chain the log tests write (as CreatePeer + ActivatePeer leave it)."""
    await pool.execute(
        "INSERT INTO federation.peers (id, org_id, peer_id, issuer, audience, bundle_endpoint,"
        " state, pinned_fingerprint, bundle, bundle_fetch_time)"
        " VALUES ($1, $2, $3, 'https://identity.a', 'mesh-b', '', 'active', 'pin', '{}', now())",
        peer,
        ORG,
        PEER,
    )


def _record(n: int) -> ExchangeRecord:
    return ExchangeRecord(
        peer=PARENT,
        side="provider",
        method="/jipan.system.v1.SystemService/GetWhoAmI",
        request_id=f"request-{n}",
        consumer_issuer="https://identity.a",
        consumer_principal="services/payroll-sync",
        provider_issuer="https://identity.b",
        provider_principal=PARENT,
        client_certificate="",
        request_digest=hashlib.sha256(b"request %d" % n).digest(),
        response_digest=hashlib.sha256(b"response %d" % n).digest(),
        status_code="OK",
        start_time=time.time(),
        end_time=time.time(),
    )


async def test_a_log_written_before_0002_still_lists_verifies_and_proves_after_it(
    database_url: str, tmp_path: Path
) -> None:
    before = tmp_path / "before"
    before.mkdir()
    shutil.copy(store_module.MIGRATIONS / "0001_federation.sql", before / "0001_federation.sql")
    async with fresh_database(database_url, "jipan_fed_m2") as dsn:
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
        assert pool is not None
        try:
            await apply_migrations(pool, "federation", before)
            key = await load_log_key(pool, SEALING_KEY)
            signer = SigningKey(key.private_key.private_bytes_raw())
            peer = uuid.uuid4()
            anchor = RecordingAnchor()
            async with pool.acquire() as conn:
                await add_peer(pool, peer)
                # Five entries the way 0001's writer stored them: each signed over its own hash.
                previous, hashes = ZERO_HASH, []
                for sequence in range(1, 6):
                    canonical = canonical_entry(_record(sequence), sequence, previous)
                    entry_hash = hashlib.sha256(canonical).digest()
                    await conn.execute(
                        "INSERT INTO federation.log_entries (peer, sequence, canonical, entry_hash,"
                        " previous_hash, signature, kid) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        peer,
                        sequence,
                        canonical,
                        entry_hash,
                        previous,
                        signer.sign(entry_hash).signature,
                        key.kid,
                    )
                    previous = entry_hash
                    hashes.append(entry_hash)
                await conn.execute(
                    "INSERT INTO federation.log_heads (peer, sequence, entry_hash) VALUES ($1, 5, $2)",
                    peer,
                    previous,
                )
                # The first three anchored the way 0001's anchoring did: batch and leaf on each row.
                old_root = MerkleTree(hashes[:3]).root
                batch = await conn.fetchval(
                    "INSERT INTO federation.anchor_batches (root, tree_size, ledger_receipt)"
                    " VALUES ($1, 3, $2) RETURNING id",
                    old_root,
                    await anchor.anchor(old_root, {}),
                )
                for leaf in range(3):
                    await conn.execute(
                        "UPDATE federation.log_entries SET batch = $1, leaf_index = $2"
                        " WHERE peer = $3 AND sequence = $4",
                        batch,
                        leaf,
                        peer,
                        leaf + 1,
                    )

            applied = await apply_migrations(pool, "federation", store_module.MIGRATIONS)
            assert applied == ["0002_batch_signatures_and_anchor_ranges", "0003_log_entries_without_row_fk"]

            log = MessageLog(
                pool,
                lambda: load_log_key(pool, SEALING_KEY),
                anchor,
                PageTokens(b"k" * 32),
                anchor_interval_s=60,
            )
            for n in range(6, 9):
                log.record(_record(n))
            assert await log.flush() == 3
            # Entries 4-5 (signed alone, not yet anchored) and 6-8 (signed as one batch): one anchor batch.
            assert await log.anchor_pending() == 5
            assert await log.anchor_pending() == 0

            page = await log.list_entries(f"orgs/{ORG}", PARENT, 100, "")
            assert [e.sequence for e in page.items] == list(range(1, 9))
            assert [e.batch is None for e in page.items] == [True] * 5 + [False] * 3
            assert {e.batch.root for e in page.items[5:] if e.batch} == {page.items[5].batch.root}  # type: ignore[union-attr]
            keys = {key.kid: key.public_key}
            assert verify_chain([e.signed() for e in page.items], keys) == 8
            assert json.loads(page.items[5].canonical)["previous_hash"] == page.items[4].entry_hash.hex()

            for sequence, tree_size in ((2, 3), (4, 5), (7, 5)):
                proof = await log.prove(f"orgs/{ORG}", f"{PARENT}/logEntries/{sequence}")
                assert proof.signature_valid, sequence
                assert proof.chain_valid, sequence
                assert proof.anchored, sequence
                assert proof.tree_size == tree_size, sequence
                assert verify_anchored(
                    proof.entry.entry_hash,
                    leaf_index=proof.leaf_index,
                    tree_size=proof.tree_size,
                    proof=proof.proof,
                    root=proof.merkle_root,
                ), sequence
            assert (await log.prove(f"orgs/{ORG}", f"{PARENT}/logEntries/2")).merkle_root == old_root
            assert (
                await log.prove(f"orgs/{ORG}", f"{PARENT}/logEntries/7")
            ).entry.ledger_receipt == "receipts/1"
        finally:
            await pool.close()
