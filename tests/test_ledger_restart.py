"""Ledger durability: a chain outage keeps receipts PENDING until the chain is
back, a new process finishes what a dead one left (accepted digests and a
half-built batch), and confirmation depth is honoured (anvil nodes).

Its own module: the servers of tests/test_ledger.py share the database and
their batchers would anchor these digests first (replicas share the work).
"""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import asyncpg
import grpc
import pytest
from eth_account import Account
from hexbytes import HexBytes
from web3 import Web3
from web3.types import RPCEndpoint

from jipan.clients.ledger_verify import verify_anchor, verify_receipt, web3_lookup
from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.ledger.v1 import ledger_service_pb2 as pb
from jipan.ledger.v1 import ledger_service_pb2_grpc as pb_grpc
from jipan.ledger.v1 import resources_pb2
from jipan.servers import system
from jipan.servers.ledger import service_module
from jipan.servers.ledger import store as store_module
from jipan.servers.ledger.batcher import AnchorBatcher
from jipan.servers.ledger.chain import AnchorChain, ChainUnavailable, SentTransaction, load_artifact
from jipan.servers.ledger.merkle import MerkleTree
from jipan.servers.ledger.store import BATCHER_LOCK_KEY, BatchRecord, LedgerStore
from jipan.servers.runtime.database import apply_migrations
from tests.mesh import RunningServer, running_server
from tests.test_ledger import (
    ANCHOR,
    ANVIL_KEY,
    PENDING,
    anvil_node,
    free_port,
    ledger_settings,
    sha,
    wait_confirmed,
    write_keystore,
)


@pytest.fixture(scope="module")
def chain() -> AnchorChain:
    return AnchorChain.in_process()


async def build_batch(store: LedgerStore, digests: list[bytes]) -> tuple[MerkleTree, BatchRecord]:
    """What a process did before it died: the waiting `digests` built into a batch (BUILT)."""
    async with store.pool.acquire() as conn, conn.transaction():
        waiting = [w for w in await store.waiting_digests(conn, 1000) if w[1] in digests]
        tree = MerkleTree([d for _, d in waiting])
        batch = await store.create_batch(
            conn, tree.root, [(rid, i, b"".join(tree.proof(i))) for i, (rid, _) in enumerate(waiting)]
        )
    return tree, batch


async def test_unreachable_chain_keeps_pending_and_a_restart_anchors_them(
    database_url: str, tmp_path: Path, chain: AnchorChain
) -> None:
    """Digests accepted while the chain is down stay PENDING, including one batch that
    was half built (tree made, nothing sent) when its process died; the next process
    anchors all of them."""
    keystore, password = write_keystore(tmp_path)
    down = ledger_settings(
        database_url,
        tmp_path / "data",
        # Nothing listens on port 9 (discard) here: a chain outage.
        JIPAN_LEDGER_CHAIN_URL="http://127.0.0.1:9",
        JIPAN_LEDGER_KEYSTORE_FILE=str(keystore),
        JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
    )
    digests = [sha(f"outage {i}") for i in range(6)]
    async with running_server(down, [system.SERVICE, service_module()]) as running:
        md = running.metadata(subject="services/outage", scopes=ANCHOR)
        async with grpc.aio.insecure_channel(running.address) as channel:
            stub = pb_grpc.LedgerServiceStub(channel)
            response = await stub.AnchorDigests(
                pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in digests]), metadata=md
            )
            names = [r.name for r in response.receipts]
            await asyncio.sleep(1.5)  # several retry rounds against the dead endpoint
            states = [
                (await stub.GetReceipt(pb.GetReceiptRequest(name=n), metadata=md)).receipt.state
                for n in names
            ]
        assert states == [PENDING] * 6

        # The process "dies" right after building a batch of the first three.
        tree, half_built = await build_batch(LedgerStore(running.runtime.database), digests[:3])

    up = ledger_settings(database_url, tmp_path / "data")
    async with running_server(up, [system.SERVICE, service_module(lambda _: chain)]) as running:
        md = running.metadata(subject="services/outage", scopes=ANCHOR)
        async with grpc.aio.insecure_channel(running.address) as channel:
            receipts = await wait_confirmed(pb_grpc.LedgerServiceStub(channel), names, md)
        batch_state = await running.runtime.database.fetchval(
            "SELECT state FROM ledger.batches WHERE id = $1", half_built.id
        )
    assert batch_state == "CONFIRMED"
    assert {r.anchor.root for r in receipts[:3]} == {tree.root}
    lookup = web3_lookup(chain.web3, receipts[0].anchor.contract_address)
    for digest, receipt in zip(digests, receipts, strict=True):
        verify_receipt(digest, receipt, trusted_signers=[chain.signer_address], lookup=lookup)


async def test_chain_outage_then_recovery_in_one_process(database_url: str, tmp_path: Path) -> None:
    """The node is down when digests arrive: they stay PENDING; once it is up they confirm."""
    port = free_port()
    keystore, password = write_keystore(tmp_path, ANVIL_KEY)
    settings = ledger_settings(
        database_url,
        tmp_path / "data",
        JIPAN_LEDGER_CHAIN_URL=f"http://127.0.0.1:{port}",
        JIPAN_LEDGER_KEYSTORE_FILE=str(keystore),
        JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
    )
    digests = [sha(f"recovery {i}") for i in range(3)]
    async with running_server(settings, [system.SERVICE, service_module()]) as running:
        md = running.metadata(subject="services/recovery", scopes=ANCHOR)
        async with grpc.aio.insecure_channel(running.address) as channel:
            stub = pb_grpc.LedgerServiceStub(channel)
            response = await stub.AnchorDigests(
                pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in digests]), metadata=md
            )
            names = [r.name for r in response.receipts]
            await asyncio.sleep(1.5)
            for name in names:
                receipt = (await stub.GetReceipt(pb.GetReceiptRequest(name=name), metadata=md)).receipt
                assert receipt.state == PENDING
            with anvil_node(port) as url:
                receipts = await wait_confirmed(stub, names, md)
                lookup = web3_lookup(Web3(Web3.HTTPProvider(url)), receipts[0].anchor.contract_address)
                signer = receipts[0].anchor.signer_address
                for digest, receipt in zip(digests, receipts, strict=True):
                    verify_anchor(
                        digest,
                        root=receipt.anchor.root,
                        leaf_index=receipt.anchor.leaf_index,
                        tree_size=receipt.anchor.tree_size,
                        proof=list(receipt.anchor.proof),
                        trusted_signers=[signer],
                        lookup=lookup,
                    )
    assert signer == bytes.fromhex(Account.from_key(ANVIL_KEY).address[2:])


async def test_confirmation_depth_is_waited_for(database_url: str, tmp_path: Path) -> None:
    """With JIPAN_LEDGER_CONFIRMATIONS=2 a receipt confirms only once two blocks sit on its block."""
    keystore, password = write_keystore(tmp_path, ANVIL_KEY)
    with anvil_node(free_port(), "--block-time", "1") as url:
        settings = ledger_settings(
            database_url,
            tmp_path / "data",
            JIPAN_LEDGER_CHAIN_URL=url,
            JIPAN_LEDGER_KEYSTORE_FILE=str(keystore),
            JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
            JIPAN_LEDGER_CONFIRMATIONS="2",
        )
        async with running_server(settings, [system.SERVICE, service_module()]) as running:
            md = running.metadata(subject="services/depth", scopes=ANCHOR)
            async with grpc.aio.insecure_channel(running.address) as channel:
                stub = pb_grpc.LedgerServiceStub(channel)
                response = await stub.AnchorDigests(
                    pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=sha("depth"))]), metadata=md
                )
                (receipt,) = await wait_confirmed(stub, [response.receipts[0].name], md)
                head = Web3(Web3.HTTPProvider(url)).eth.block_number
    assert head - receipt.anchor.block_number >= 2


RESTART_SEND_S = 5.0
"""Issue 9: after a SIGKILL and restart the first batch is sent within this of SERVING."""


async def first_send_time(database_url: str, digest: bytes) -> datetime:
    """When the first transaction of the batch holding `digest` was recorded (just before sending)."""
    sent = await asyncpg_fetchval(
        database_url,
        "SELECT min(t.send_time) FROM ledger.batch_transactions t JOIN ledger.leaves l"
        " ON l.batch_id = t.batch_id JOIN ledger.receipts r ON r.id = l.receipt_id WHERE r.digest = $1",
        digest,
    )
    assert isinstance(sent, datetime)
    return sent


def anchoring_metadata(data_dir: Path, subject: str) -> tuple[tuple[str, str], ...]:
    """Call metadata for AnchorDigests on a `jipan serve` started in `data_dir` (its dev key)."""
    token = mint_access_token(
        DevSigningKey.load_or_create(data_dir),
        subject=subject,
        audience="jipan",
        issuer="https://jipan.local/dev",
        scopes=list(ANCHOR),
        org=None,
        roles=[],
        ttl_s=300,
    )
    return (("authorization", f"Bearer {token}"),)


def start_jipan(data_dir: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """`jipan serve ledger` as its own process; (process, address) once it is ready."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    clean.update(env, JIPAN_DATA_DIR=str(data_dir))
    proc = subprocess.Popen(
        [sys.executable, "-m", "jipan.servers.cli", "serve", "ledger", "--listen", "127.0.0.1:0"],
        env=clean,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.match(r"jipan ready on (\S+) ", line)
        if match:
            # Keep draining its output so the process never blocks on a full pipe.
            threading.Thread(target=proc.stdout.read, daemon=True).start()
            return proc, match.group(1)
    proc.kill()
    pytest.fail("jipan serve ledger never became ready:\n" + "".join(lines))


async def test_sigkill_with_accepted_digests_then_restart_confirms_them(
    database_url: str, tmp_path: Path
) -> None:
    keystore, password = write_keystore(tmp_path, ANVIL_KEY)
    data_dir = Path(tempfile.mkdtemp(prefix="jipan-ledger-kill-", dir="/tmp"))
    digests = [sha(f"killed {i}") for i in range(4)]
    try:
        with anvil_node(free_port()) as url:
            env = {
                "JIPAN_DATABASE_URL": database_url,
                "JIPAN_LEDGER_CHAIN_URL": url,
                "JIPAN_LEDGER_KEYSTORE_FILE": str(keystore),
                "JIPAN_LEDGER_KEYSTORE_PASSWORD": password,
                "JIPAN_LEDGER_RETRY_S": "0.5",
            }
            w3 = Web3(Web3.HTTPProvider(url))
            # First process: a window so long that nothing it accepts gets anchored.
            proc, address = start_jipan(data_dir, {**env, "JIPAN_LEDGER_BATCH_WINDOW_S": "3600"})
            try:
                # Let its start-up round (deploy, anchor leftovers) finish first.
                deadline = time.monotonic() + 60
                while w3.eth.get_transaction_count(Account.from_key(ANVIL_KEY).address) == 0:
                    assert time.monotonic() < deadline, "the ledger never deployed its contract"
                    await asyncio.sleep(0.1)
                await asyncio.sleep(1.0)
                md = anchoring_metadata(data_dir, "services/killed")
                async with grpc.aio.insecure_channel(address) as channel:
                    response = await pb_grpc.LedgerServiceStub(channel).AnchorDigests(
                        pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in digests]),
                        metadata=md,
                    )
                names = [r.name for r in response.receipts]
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait(30)
            conn = await asyncpg.connect(database_url)
            try:
                states = await conn.fetch(
                    "SELECT state FROM ledger.receipts WHERE id = ANY($1::uuid[])",
                    [n.removeprefix("receipts/") for n in names],
                )
            finally:
                await conn.close()
            assert [row["state"] for row in states] == ["PENDING"] * 4

            # Second process on the same database and chain: it resumes them, at once (the
            # first one's batcher lock went with its PostgreSQL session).
            proc, address = start_jipan(data_dir, {**env, "JIPAN_LEDGER_BATCH_WINDOW_S": "0.1"})
            serving = time.time()
            try:
                async with grpc.aio.insecure_channel(address) as channel:
                    receipts = await wait_confirmed(pb_grpc.LedgerServiceStub(channel), names, md)
            finally:
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)
            first_sent = await first_send_time(database_url, digests[0])
            print(f"restart: first batch sent {first_sent.timestamp() - serving:.2f}s after SERVING")
            assert first_sent.timestamp() - serving <= RESTART_SEND_S, (
                f"first batch sent {first_sent.timestamp() - serving:.1f}s after the restart served"
            )
            lookup = web3_lookup(w3, receipts[0].anchor.contract_address)
            for digest, receipt in zip(digests, receipts, strict=True):
                verify_anchor(
                    digest,
                    root=receipt.anchor.root,
                    leaf_index=receipt.anchor.leaf_index,
                    tree_size=receipt.anchor.tree_size,
                    proof=list(receipt.anchor.proof),
                    trusted_signers=[bytes.fromhex(Account.from_key(ANVIL_KEY).address[2:])],
                    lookup=lookup,
                )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


async def test_rejected_batch_fails_with_reason_then_is_retried(database_url: str, tmp_path: Path) -> None:
    """The node refuses the transaction (the signing account has no funds): receipts turn
    FAILED with the reason, are retried in later batches, and confirm once it is funded."""
    with anvil_node(free_port()) as url:
        deployer_store, deployer_password = write_keystore(tmp_path, ANVIL_KEY)
        deployer = AnchorChain.json_rpc(url, deployer_store, deployer_password, confirmations=0)
        contract = await deployer.attach_contract(None)
        deployer.close()
        poor_key = Account.create()
        keystore, password = write_keystore(tmp_path, poor_key.key.to_0x_hex())
        settings = ledger_settings(
            database_url,
            tmp_path / "data",
            JIPAN_LEDGER_CHAIN_URL=url,
            JIPAN_LEDGER_KEYSTORE_FILE=str(keystore),
            JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
            JIPAN_LEDGER_CONTRACT_ADDRESS="0x" + contract.hex(),
        )
        async with running_server(settings, [system.SERVICE, service_module()]) as running:
            md = running.metadata(subject="services/poor", scopes=ANCHOR)
            async with grpc.aio.insecure_channel(running.address) as channel:
                stub = pb_grpc.LedgerServiceStub(channel)
                response = await stub.AnchorDigests(
                    pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=sha("unfunded"))]),
                    metadata=md,
                )
                name = response.receipts[0].name
                deadline = time.monotonic() + 30
                while True:
                    receipt = (await stub.GetReceipt(pb.GetReceiptRequest(name=name), metadata=md)).receipt
                    if receipt.state == resources_pb2.RECEIPT_STATE_FAILED:
                        break
                    assert time.monotonic() < deadline, "the receipt never turned FAILED"
                    await asyncio.sleep(0.1)
                assert "fund" in receipt.failure_reason.lower()
                assert receipt.attempts >= 1
                assert not receipt.HasField("anchor")

                Web3(Web3.HTTPProvider(url)).provider.make_request(
                    RPCEndpoint("anvil_setBalance"), [poor_key.address, hex(10**20)]
                )
                (confirmed,) = await wait_confirmed(stub, [name], md)
    assert confirmed.attempts >= 2
    assert confirmed.failure_reason == ""
    assert confirmed.anchor.contract_address == contract
    assert confirmed.anchor.signer_address == bytes.fromhex(poor_key.address[2:])


async def test_replicas_share_the_work_without_double_sending(database_url: str, tmp_path: Path) -> None:
    """Two replicas with the same key on one chain: both accept digests, one sends at a time."""
    keystore, password = write_keystore(tmp_path, ANVIL_KEY)
    with anvil_node(free_port()) as url:
        settings = ledger_settings(
            database_url,
            tmp_path / "data",
            JIPAN_LEDGER_CHAIN_URL=url,
            JIPAN_LEDGER_KEYSTORE_FILE=str(keystore),
            JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
            JIPAN_LEDGER_BATCH_SIZE="4",
            JIPAN_LEDGER_BATCH_WINDOW_S="0.05",
        )
        first_batch = await asyncpg_fetchval(database_url, "SELECT coalesce(max(id), 0) FROM ledger.batches")
        async with (
            running_server(settings, [system.SERVICE, service_module()]) as one,
            running_server(settings, [system.SERVICE, service_module()]) as two,
        ):
            names: list[str] = []

            async def submit(server: RunningServer, label: str) -> None:
                md = server.metadata(subject=f"services/replica-{label}", scopes=ANCHOR)
                async with grpc.aio.insecure_channel(server.address) as channel:
                    stub = pb_grpc.LedgerServiceStub(channel)
                    for i in range(5):
                        response = await stub.AnchorDigests(
                            pb.AnchorDigestsRequest(
                                digests=[
                                    pb.DigestSubmission(digest=sha(f"replica {label} {i} {j}"))
                                    for j in range(3)
                                ]
                            ),
                            metadata=md,
                        )
                        names.extend(r.name for r in response.receipts)

            await asyncio.gather(submit(one, "one"), submit(two, "two"))
            md = one.metadata(subject="services/replica-check", scopes=ANCHOR)
            async with grpc.aio.insecure_channel(two.address) as channel:
                receipts = await wait_confirmed(pb_grpc.LedgerServiceStub(channel), names, md)
        states = await asyncpg_fetch(
            database_url,
            "SELECT state, count(*) AS n FROM ledger.batches WHERE id > $1 GROUP BY state",
            first_batch,
        )
    assert {row["state"]: row["n"] for row in states}.keys() == {"CONFIRMED"}
    assert len(receipts) == 30
    assert len({r.anchor.transaction_hash for r in receipts}) >= 8  # batches of at most 4


async def asyncpg_fetchval(dsn: str, query: str, *args: object) -> object:
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetchval(query, *args)
    finally:
        await conn.close()


async def asyncpg_fetch(dsn: str, query: str, *args: object) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetch(query, *args)
    finally:
        await conn.close()


async def test_migration_0003_keeps_batched_waiting_and_failed_receipts(
    database_url: str, tmp_path: Path
) -> None:
    """Receipts written under 0001 (batch, leaf and proof on the receipt row) keep their
    place after 0003 moves them to `leaves` and `waiting`: batched ones keep their leaf,
    unbatched ones wait (a FAILED one with its retry time), and the states read the same."""
    schema = f"ledger_m3_{uuid.uuid4().hex[:8]}"
    before = tmp_path / "migrations"
    before.mkdir()
    for name in ("0001_create_receipts.sql", "0002_governance.sql"):
        shutil.copy(store_module.MIGRATIONS / name, before / name)
    pool = await asyncpg.create_pool(database_url, min_size=1, max_size=2)
    assert pool is not None
    try:
        await apply_migrations(pool, schema, before)
        async with pool.acquire() as conn:
            await conn.execute(f"SET search_path TO {schema}")
            batch = await conn.fetchval(
                "INSERT INTO batches (root, leaf_count, state) VALUES ($1, 2, 'CONFIRMED') RETURNING id",
                sha("root"),
            )
            rows = [
                # id, submitter, digest, state, batch_id, leaf_index, proof, attempts, reason, retry
                (uuid.uuid4(), "services/a", sha("m0"), "PENDING", batch, 0, sha("p1"), 0, None, None),
                (uuid.uuid4(), "services/a", sha("m1"), "PENDING", batch, 1, sha("p0"), 0, None, None),
                (uuid.uuid4(), "services/a", sha("m2"), "PENDING", None, None, None, 0, None, None),
                (uuid.uuid4(), "services/b", sha("m0"), "FAILED", None, None, None, 1, "no funds", "now"),
            ]
            for row in rows:
                await conn.execute(
                    "INSERT INTO receipts (id, submitter, digest, state, batch_id, leaf_index, proof,"
                    " attempts, failure_reason, retry_time)"
                    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10::text IS NULL THEN NULL"
                    " ELSE now() END)",
                    *row,
                )
        applied = await apply_migrations(pool, schema, store_module.MIGRATIONS)
        # 0003 moves the receipts; later migrations follow it.
        assert applied[:2] == ["0003_receipts_write_once", "0004_batch_transactions"]
        async with pool.acquire() as conn:
            await conn.execute(f"SET search_path TO {schema}")
            leaves = await conn.fetch("SELECT batch_id, leaf_index, receipt_id, proof FROM leaves ORDER BY 2")
            waiting = await conn.fetch("SELECT receipt_id, seq, retry_time FROM waiting ORDER BY seq")
            columns = await conn.fetch(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = $1 AND table_name = 'receipts'",
                schema,
            )
            # A digest may now be looked up alone and stays unique per submitter.
            with pytest.raises(asyncpg.UniqueViolationError):
                await conn.execute(
                    "INSERT INTO receipts (id, submitter, digest, state)"
                    " VALUES ($1, 'services/a', $2, 'PENDING')",
                    uuid.uuid4(),
                    sha("m0"),
                )
    finally:
        async with pool.acquire() as conn:
            await conn.execute(f"DROP SCHEMA {schema} CASCADE")
        await pool.close()
    assert [(r["batch_id"], r["leaf_index"], r["receipt_id"], r["proof"]) for r in leaves] == [
        (batch, 0, rows[0][0], sha("p1")),
        (batch, 1, rows[1][0], sha("p0")),
    ]
    assert [r["receipt_id"] for r in waiting] == [rows[2][0], rows[3][0]]
    assert waiting[0]["retry_time"] is None
    assert waiting[1]["retry_time"] is not None
    assert {"batch_id", "leaf_index", "proof", "retry_time"}.isdisjoint({c["column_name"] for c in columns})


async def test_unmined_transaction_is_replaced_with_the_same_nonce(database_url: str, tmp_path: Path) -> None:
    """anvil stops mining: the batch's transaction stays in the pool, and after
    JIPAN_LEDGER_REPLACE_AFTER_S it is sent again with the same nonce and both fees
    raised by at least 10%, each one recorded with the batch before it is sent. A new
    process goes on replacing that nonce rather than spending another. Once a block is
    mined exactly one of them is in it, and the receipts confirm with that one."""
    with anvil_node(free_port()) as url:
        w3 = Web3(Web3.HTTPProvider(url))
        keystore, password = write_keystore(tmp_path, ANVIL_KEY)
        deployer = AnchorChain.json_rpc(url, keystore, password, confirmations=0)
        contract = await deployer.attach_contract(None)
        deployer.close()
        sender = Account.from_key(ANVIL_KEY).address
        nonce_before = w3.eth.get_transaction_count(sender)
        w3.provider.make_request(RPCEndpoint("evm_setAutomine"), [False])
        settings = ledger_settings(
            database_url,
            tmp_path / "data",
            JIPAN_LEDGER_CHAIN_URL=url,
            JIPAN_LEDGER_KEYSTORE_FILE=str(keystore),
            JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
            JIPAN_LEDGER_CONTRACT_ADDRESS="0x" + contract.hex(),
            JIPAN_LEDGER_REPLACE_AFTER_S="0.5",
            JIPAN_LEDGER_BATCH_WINDOW_S="0.05",
        )
        digests = [sha(f"stuck {i}") for i in range(3)]
        sent_query = (
            "SELECT t.* FROM ledger.batch_transactions t JOIN ledger.leaves l ON l.batch_id = t.batch_id"
            " JOIN ledger.receipts r ON r.id = l.receipt_id WHERE r.digest = $1 ORDER BY t.send_time"
        )

        async def wait_sent(db: asyncpg.Pool, count: int) -> list[asyncpg.Record]:
            deadline = time.monotonic() + 30
            while True:
                sent = await db.fetch(sent_query, digests[0])
                if len(sent) >= count:
                    return sent
                assert time.monotonic() < deadline, f"{len(sent)} of {count} transactions sent in 30s"
                await asyncio.sleep(0.1)

        async with running_server(settings, [system.SERVICE, service_module()]) as running:
            md = running.metadata(subject="services/stuck", scopes=ANCHOR)
            async with grpc.aio.insecure_channel(running.address) as channel:
                stub = pb_grpc.LedgerServiceStub(channel)
                response = await stub.AnchorDigests(
                    pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in digests]),
                    metadata=md,
                )
                names = [r.name for r in response.receipts]
                await wait_sent(running.runtime.database, 2)
                pending = await stub.GetReceipt(pb.GetReceiptRequest(name=names[0]), metadata=md)
                assert pending.receipt.state == PENDING
        # A new process finds the batch SUBMITTED with its transactions recorded.
        async with running_server(settings, [system.SERVICE, service_module()]) as running:
            db = running.runtime.database
            before_restart = len(await db.fetch(sent_query, digests[0]))
            await wait_sent(db, before_restart + 1)
            # One transaction per nonce in the pool: each replacement took the previous one's place.
            pool = w3.provider.make_request(RPCEndpoint("txpool_content"), [])["result"]["pending"]
            ours = next(txs for account, txs in pool.items() if account.lower() == sender.lower())
            assert list(ours) == [str(nonce_before)]
            w3.provider.make_request(RPCEndpoint("evm_mine"), [])
            async with grpc.aio.insecure_channel(running.address) as channel:
                receipts = await wait_confirmed(pb_grpc.LedgerServiceStub(channel), names, md)
            sent = await db.fetch(sent_query, digests[0])
        assert sent[0]["replaces"] is None
        assert {row["nonce"] for row in sent} == {nonce_before}
        for before, after in itertools.pairwise(sent):
            assert bytes(after["replaces"]) == bytes(before["transaction_hash"])
            assert after["max_priority_fee_per_gas"] >= before["max_priority_fee_per_gas"] * Decimal("1.1")
            assert after["max_fee_per_gas"] >= before["max_fee_per_gas"] * Decimal("1.1")
        mined = receipts[0].anchor.transaction_hash
        assert mined in {bytes(row["transaction_hash"]) for row in sent[1:]}
        assert {r.anchor.transaction_hash for r in receipts} == {mined}
        assert w3.eth.get_transaction(HexBytes(mined))["nonce"] == nonce_before
        assert w3.eth.get_transaction_count(sender) == nonce_before + 1
        lookup = web3_lookup(w3, contract)
        for digest, receipt in zip(digests, receipts, strict=True):
            verify_receipt(digest, receipt, trusted_signers=[bytes.fromhex(sender[2:])], lookup=lookup)


class SendGate:
    """A JSON-RPC proxy in front of a node that can hold every eth_sendRawTransaction:
    the caller's request hangs and the node never sees the transaction, so a process
    killed while one is held dies between recording a transaction and sending it."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.holding = threading.Event()
        self.held = 0
        self._release = threading.Event()
        gate = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                methods = [
                    c.get("method") for c in (lambda b: b if isinstance(b, list) else [b])(json.loads(body))
                ]
                if "eth_sendRawTransaction" in methods and gate.holding.is_set():
                    gate.held += 1
                    gate._release.wait(120)
                    with contextlib.suppress(OSError):  # the caller is long dead
                        self.send_error(503)
                    return
                request = urllib.request.Request(
                    gate.upstream, data=body, headers={"Content-Type": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=30) as answer:
                    reply = answer.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    @contextmanager
    def running(self) -> Iterator[SendGate]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._release.set()
            self._server.shutdown()
            self._server.server_close()


async def test_sigkill_between_recorded_and_sent_then_restart_replaces_with_the_same_nonce(
    database_url: str, tmp_path: Path
) -> None:
    """The process dies after recording its batch's transaction (migration 0004) and before
    the node got it. The next process replaces that recorded transaction with the same
    nonce at once (not after JIPAN_LEDGER_REPLACE_AFTER_S: the node does not have it), the
    first batch goes out within RESTART_SEND_S of SERVING, and every acknowledged digest is
    anchored exactly once."""
    keystore, password = write_keystore(tmp_path, ANVIL_KEY)
    data_dir = Path(tempfile.mkdtemp(prefix="jipan-ledger-gap-", dir="/tmp"))
    digests = [sha(f"recorded not sent {i}") for i in range(3)]
    sender = Account.from_key(ANVIL_KEY).address
    try:
        with anvil_node(free_port()) as url, SendGate(url).running() as gate:
            w3 = Web3(Web3.HTTPProvider(url))
            deployer = AnchorChain.json_rpc(url, keystore, password, confirmations=0)
            contract = await deployer.attach_contract(None)
            deployer.close()
            nonce_before = w3.eth.get_transaction_count(sender)
            env = {
                "JIPAN_DATABASE_URL": database_url,
                "JIPAN_LEDGER_CHAIN_URL": gate.url,
                "JIPAN_LEDGER_KEYSTORE_FILE": str(keystore),
                "JIPAN_LEDGER_KEYSTORE_PASSWORD": password,
                "JIPAN_LEDGER_CONTRACT_ADDRESS": "0x" + contract.hex(),
                "JIPAN_LEDGER_BATCH_WINDOW_S": "0.05",
                "JIPAN_LEDGER_RETRY_S": "0.5",
            }
            proc, address = start_jipan(data_dir, env)
            try:
                md = anchoring_metadata(data_dir, "services/gap")
                gate.holding.set()
                async with grpc.aio.insecure_channel(address) as channel:
                    response = await pb_grpc.LedgerServiceStub(channel).AnchorDigests(
                        pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in digests]),
                        metadata=md,
                    )
                names = [r.name for r in response.receipts]
                deadline = time.monotonic() + 30
                while not gate.held:
                    assert time.monotonic() < deadline, "the batch's transaction was never sent"
                    await asyncio.sleep(0.02)
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait(30)
            gate.holding.clear()
            recorded = await batch_transactions(database_url, digests[0])
            assert len(recorded) == 1, "recorded before it was sent"
            unsent = bytes(recorded[0]["transaction_hash"])
            assert w3.eth.get_transaction_count(sender, "pending") == nonce_before, "the node never got it"

            proc, address = start_jipan(data_dir, env)
            serving = time.time()
            try:
                async with grpc.aio.insecure_channel(address) as channel:
                    receipts = await wait_confirmed(
                        pb_grpc.LedgerServiceStub(channel), names, md, timeout_s=30
                    )
            finally:
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)
            sent = await batch_transactions(database_url, digests[0])
            mined = receipts[0].anchor.transaction_hash
            registry = w3.eth.contract(address=Web3.to_checksum_address(contract), abi=load_artifact()["abi"])
            events = registry.events.Anchored().get_logs(
                from_block=0, argument_filters={"root": receipts[0].anchor.root}
            )

            # The first transaction after the restart replaced the recorded one, same nonce, at once.
            print(
                f"restart: recorded transaction replaced {sent[1]['send_time'].timestamp() - serving:.2f}s"
                " after SERVING"
            )
            assert sent[0]["transaction_hash"] == unsent
            assert sent[1]["replaces"] == unsent
            assert {row["nonce"] for row in sent} == {nonce_before}
            assert sent[1]["send_time"].timestamp() - serving <= RESTART_SEND_S, (
                f"first batch sent {sent[1]['send_time'].timestamp() - serving:.1f}s after the restart served"
            )
            # Exactly once: one transaction for the nonce, one Anchored event for the root, every
            # digest in it; the unsent one never reached the chain.
            assert mined in {bytes(row["transaction_hash"]) for row in sent[1:]}
            assert {r.anchor.transaction_hash for r in receipts} == {mined}
            assert len(events) == 1
            assert w3.eth.get_transaction_count(sender) == nonce_before + 1
            assert w3.eth.get_transaction(HexBytes(mined))["nonce"] == nonce_before
            lookup = web3_lookup(w3, contract)
            for digest, receipt in zip(digests, receipts, strict=True):
                verify_receipt(digest, receipt, trusted_signers=[bytes.fromhex(sender[2:])], lookup=lookup)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


async def batch_transactions(database_url: str, digest: bytes) -> list[asyncpg.Record]:
    """The recorded transactions of the batch holding `digest`, in the order they were sent."""
    return await asyncpg_fetch(
        database_url,
        "SELECT t.* FROM ledger.batch_transactions t JOIN ledger.leaves l ON l.batch_id = t.batch_id"
        " JOIN ledger.receipts r ON r.id = l.receipt_id WHERE r.digest = $1 ORDER BY t.send_time",
        digest,
    )


async def no_lock_holder(database_url: str) -> None:
    """Until nobody holds the batcher lock: a server of an earlier test may still be on its way out."""
    deadline = time.monotonic() + 10
    while await lock_holder(database_url) is not None:
        assert time.monotonic() < deadline, "an earlier server still holds the batcher lock"
        await asyncio.sleep(0.05)


async def lock_holder(database_url: str) -> int | None:
    """The backend pid holding the ledger's batcher lock, if any."""
    key = BATCHER_LOCK_KEY & 0xFFFFFFFFFFFFFFFF
    value = await asyncpg_fetchval(
        database_url,
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
        " AND classid::bigint = $1 AND objid::bigint = $2"
        # pg_locks is the whole cluster's: another test's ledger on its own database holds the
        # same advisory key there, and is not this database's batcher.
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        key >> 32,
        key & 0xFFFFFFFF,
    )
    return None if value is None else int(str(value))


async def test_a_replica_takes_over_when_the_senders_session_ends(
    database_url: str, tmp_path: Path, chain: AnchorChain
) -> None:
    """Two replicas: one holds the batcher lock, the other waits. When the holder's
    PostgreSQL session ends (its process died, its host vanished: here the backend is
    terminated), a replica holds the lock again within JIPAN_LEDGER_LEADER_POLL_S and
    digests accepted by either one are anchored within seconds."""
    # A long retry: digests accepted by the replica that does not send are anchored
    # because the sender looks at the shared queue every poll, not every retry.
    settings = ledger_settings(
        database_url, tmp_path / "data", JIPAN_LEDGER_LEADER_POLL_S="0.2", JIPAN_LEDGER_RETRY_S="60"
    )
    modules = [system.SERVICE, service_module(lambda _: chain)]

    async def wait_holder(not_this: int | None = None, timeout_s: float = 10.0) -> tuple[int, float]:
        started = time.monotonic()
        while True:
            holder = await lock_holder(database_url)
            if holder is not None and holder != not_this:
                return holder, time.monotonic() - started
            assert time.monotonic() - started < timeout_s, "nobody took the batcher lock"
            await asyncio.sleep(0.02)

    await no_lock_holder(database_url)
    async with running_server(settings, modules) as one:
        first, _ = await wait_holder()
        async with running_server(settings, modules) as two:
            await asyncio.sleep(1.0)  # several of the second replica's tries
            assert await lock_holder(database_url) == first, "one sender at a time"
            assert await asyncpg_fetchval(database_url, "SELECT pg_terminate_backend($1)", first)
            _, took = await wait_holder(not_this=first)
            print(f"replica takeover: lock held again {took:.2f}s after the holder's session ended")
            assert took <= 2.0
            # One replica at a time, so that one of them is surely not the sender.
            receipts = []
            for server, label in ((one, "one"), (two, "two")):
                md = server.metadata(subject=f"services/takeover-{label}", scopes=ANCHOR)
                async with grpc.aio.insecure_channel(server.address) as channel:
                    stub = pb_grpc.LedgerServiceStub(channel)
                    response = await stub.AnchorDigests(
                        pb.AnchorDigestsRequest(
                            digests=[pb.DigestSubmission(digest=sha(f"takeover {label}"))]
                        ),
                        metadata=md,
                    )
                    receipts += await wait_confirmed(stub, [response.receipts[0].name], md, timeout_s=5)
    assert len(receipts) == 2


async def test_closing_the_chain_stops_a_worker_waiting_for_confirmations() -> None:
    """The batcher lets go of its lock only once the chain's worker thread has stopped: a
    thread still waiting for a receipt would broadcast replacements beside the next sender.
    Here a wait for confirmations that never come (the in-process chain mines only on a
    transaction) ends at close with ChainUnavailable, within a poll, not after its 600 s."""
    chain = AnchorChain.in_process()
    chain._confirmations = 3
    waiting = asyncio.ensure_future(
        chain.run(lambda: chain._confirmed(b"\x01" * 32, chain.web3.eth.block_number))
    )
    await asyncio.sleep(0.3)
    assert not waiting.done()
    started = time.monotonic()
    assert await chain.aclose(timeout_s=10)
    assert time.monotonic() - started < 5
    with pytest.raises(ChainUnavailable, match="closing"):
        await waiting
    # A later call gets a new worker that is not closing.
    chain._confirmations = 0
    assert (
        await chain.run(lambda: chain._confirmed(b"\x01" * 32, chain.web3.eth.block_number))
    ).block_number >= 0
    chain.close()


async def test_a_stop_cancelled_while_the_chain_worker_winds_down_still_frees_the_lock(
    database_url: str,
) -> None:
    """stop() waits for the chain's worker thread before it lets go of the batcher lock. A
    stop cancelled during that wait (a shutdown that ran out of time) still frees the lock:
    left held, it would keep every other replica from sending for as long as the session
    lives (the pool's connection, in a process that goes on)."""

    class WindingDown:
        """A chain whose worker thread never finishes winding down."""

        def __init__(self) -> None:
            self.closing = asyncio.Event()

        async def aclose(self, timeout_s: float = 15.0) -> bool:
            self.closing.set()
            await asyncio.Event().wait()
            return True

    await no_lock_holder(database_url)
    pool = await asyncpg.create_pool(database_url, min_size=1, max_size=2)
    assert pool is not None
    try:
        chain = WindingDown()
        batcher = AnchorBatcher(
            cast(LedgerStore, SimpleNamespace(pool=pool)),
            cast(AnchorChain, chain),
            batch_size=1,
            window_s=0.1,
            retry_s=1.0,
        )
        assert await batcher._lock.take()
        assert await lock_holder(database_url) is not None
        stopping = asyncio.ensure_future(batcher.stop())
        await asyncio.wait_for(chain.closing.wait(), 5)
        stopping.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await stopping
        assert await lock_holder(database_url) is None, "a cancelled stop left the batcher lock held"
    finally:
        pool.terminate()  # a connection the lock kept would make close() wait


async def test_a_batch_sent_on_a_chain_that_is_gone_is_anchored_anew(
    database_url: str, tmp_path: Path
) -> None:
    """A batch SUBMITTED with a transaction on a chain that is gone (the embedded chain of an
    earlier process, a reset node) and that this chain never saw, with a nonce beyond the
    account's next one here: the next process anchors it with a fresh nonce instead of
    replacing that nonce forever (a gap nobody fills) while every later batch waits."""
    keystore, password = write_keystore(tmp_path)
    down = ledger_settings(
        database_url,
        tmp_path / "data",
        JIPAN_LEDGER_CHAIN_URL="http://127.0.0.1:9",  # nothing listens: the digests stay waiting
        JIPAN_LEDGER_KEYSTORE_FILE=str(keystore),
        JIPAN_LEDGER_KEYSTORE_PASSWORD=password,
    )
    digests = [sha(f"gone chain {uuid.uuid4()} {i}") for i in range(3)]
    chain = AnchorChain.in_process()
    async with running_server(down, [system.SERVICE, service_module()]) as running:
        md = running.metadata(subject="services/gone-chain", scopes=ANCHOR)
        async with grpc.aio.insecure_channel(running.address) as channel:
            response = await pb_grpc.LedgerServiceStub(channel).AnchorDigests(
                pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in digests]), metadata=md
            )
        names = [r.name for r in response.receipts]
        # An earlier process built the first two into a batch and sent it (nonce 7) on its chain.
        store = LedgerStore(running.runtime.database)
        tree, sent = await build_batch(store, digests[:2])
        await store.mark_submitted(sent.id, 1337, b"\x01" * 20, chain.signer_address)
        await store.record_transaction(
            sent.id,
            SentTransaction(
                transaction_hash=os.urandom(32),
                nonce=7,
                max_fee_per_gas=2_000_000_000,
                max_priority_fee_per_gas=1_000_000_000,
                gas_price=None,
                replaces=None,
                send_time=datetime.now(UTC),
            ),
        )

    up = ledger_settings(database_url, tmp_path / "data")
    try:
        async with running_server(up, [system.SERVICE, service_module(lambda _: chain)]) as running:
            md = running.metadata(subject="services/gone-chain", scopes=ANCHOR)
            async with grpc.aio.insecure_channel(running.address) as channel:
                receipts = await wait_confirmed(pb_grpc.LedgerServiceStub(channel), names, md, timeout_s=20)
            batch_state = await running.runtime.database.fetchval(
                "SELECT state FROM ledger.batches WHERE id = $1", sent.id
            )
    finally:
        chain.close()
    assert batch_state == "CONFIRMED"
    assert {r.anchor.root for r in receipts[:2]} == {tree.root}
    lookup = web3_lookup(chain.web3, receipts[0].anchor.contract_address)
    for digest, receipt in zip(digests, receipts, strict=True):
        verify_receipt(digest, receipt, trusted_signers=[chain.signer_address], lookup=lookup)
