"""ledger: digests anchored per second with Merkle batching vs one transaction per digest.

Usage:
    python bench/ledger.py [--quick] [--digests N] [--baseline N] [--batch-size B] [--verify N]

1. Batched. A ledger server (system + ledger, the real interceptor chain, the
   in-process EVM, PostgreSQL from JIPAN_DATABASE_URL or an embedded one in a
   temporary folder) runs in this process. N distinct digests are submitted
   over gRPC in AnchorDigests calls of 1000 (4 concurrent callers); the clock
   stops when the last receipt is CONFIRMED in PostgreSQL (Merkle batches of
   B, one transaction each): when all calls have returned, the queue of
   receipts waiting for a batch is empty and no batch is unfinished. The count
   of CONFIRMED receipts is checked after the clock stops.
2. Baseline. On the same chain, in the same run: one AnchorRegistry
   transaction per digest (the digest itself as a one-leaf root), signed and
   sent through the same AnchorChain, for `--baseline` digests. This leaves out
   the database and gRPC, so it is an upper bound for a per-digest design.
3. Verification. `verify_inclusion` on `--verify` proofs from a tree of B
   leaves (what a client does offline, before its one chain lookup per root).

The last line is JSON: anchored_per_s, per_tx_baseline_per_s, speedup,
verify_per_s, and the raw numbers. Targets (issue 4): anchored_per_s >= 20000
on the embedded chain, speedup >= 100, verify_per_s >= 20000.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import grpc

from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.ledger.v1 import ledger_service_pb2 as pb
from jipan.ledger.v1 import ledger_service_pb2_grpc as pb_grpc
from jipan.servers import system
from jipan.servers.ledger import service_module
from jipan.servers.ledger.chain import AnchorChain
from jipan.servers.ledger.merkle import MerkleTree, verify_inclusion
from jipan.servers.runtime.embedded_pg import EmbeddedPostgres
from jipan.servers.runtime.runtime import open_runtime
from jipan.servers.runtime.server import create_server
from jipan.servers.runtime.settings import load_settings

CALL_SIZE = 1000
CALLERS = 4


def _digests(count: int, salt: str) -> list[bytes]:
    return [hashlib.sha256(f"{salt}:{i}".encode()).digest() for i in range(count)]


async def _batched(dsn: str, data_dir: Path, chain: AnchorChain, args: argparse.Namespace) -> dict[str, Any]:
    settings = load_settings(
        {
            "JIPAN_DATABASE_URL": dsn,
            "JIPAN_DATA_DIR": str(data_dir),
            "JIPAN_LISTEN": "127.0.0.1:0",
            "JIPAN_LOG_LEVEL": "warning",
            "JIPAN_LEDGER_BATCH_SIZE": str(args.batch_size),
            "JIPAN_LEDGER_BATCH_WINDOW_S": "0.05",
        }
    )
    modules = [system.SERVICE, service_module(lambda _: chain)]
    submitter = f"services/bench-{uuid.uuid4().hex[:8]}"
    digests = _digests(args.digests, submitter)
    async with open_runtime(settings, modules) as runtime:
        server, port = await create_server(settings, modules, runtime)
        await server.start()
        try:
            token = mint_access_token(
                DevSigningKey.load_or_create(data_dir),
                subject=submitter,
                audience=settings.token_audience,
                issuer=settings.token_issuer,
                scopes=["ledger.anchor", "ledger.read"],
                org=None,
                roles=[],
                ttl_s=3600,
            )
            md = (("authorization", f"Bearer {token}"),)
            calls = [digests[i : i + CALL_SIZE] for i in range(0, len(digests), CALL_SIZE)]
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                stub = pb_grpc.LedgerServiceStub(channel)
                # Warm-up: the contract deployment and first batch are not measured.
                warm = _digests(10, submitter + "-warm")
                await stub.AnchorDigests(
                    pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in warm]),
                    metadata=md,
                )
                await _wait_confirmed(runtime.database, submitter, 10)

                queue = list(reversed(calls))
                started = time.perf_counter()

                async def caller() -> None:
                    while queue:
                        chunk = queue.pop()
                        await stub.AnchorDigests(
                            pb.AnchorDigestsRequest(digests=[pb.DigestSubmission(digest=d) for d in chunk]),
                            metadata=md,
                        )

                await asyncio.gather(*(caller() for _ in range(CALLERS)))
                accepted_s = time.perf_counter() - started
                await _wait_drained(runtime.database)
                elapsed = time.perf_counter() - started
            # Outside the clock: every receipt is CONFIRMED (the drained queue says so).
            confirmed = await _confirmed(runtime.database, submitter)
            assert confirmed == len(digests) + 10, f"{confirmed} of {len(digests) + 10} receipts confirmed"
            batches = await runtime.database.fetchval(
                "SELECT count(DISTINCT l.batch_id) FROM ledger.leaves l"
                " JOIN ledger.receipts r ON r.id = l.receipt_id WHERE r.submitter = $1",
                submitter,
            )
        finally:
            await server.stop(0)
    return {
        "digests": len(digests),
        "seconds": round(elapsed, 3),
        "accepted_seconds": round(accepted_s, 3),
        "batches": int(batches),
        "anchored_per_s": round(len(digests) / elapsed, 1),
    }


async def _wait_confirmed(pool: Any, submitter: str, count: int) -> None:
    """Poll PostgreSQL (every 20 ms) until `count` of the submitter's receipts are CONFIRMED."""
    while True:
        if await _confirmed(pool, submitter) >= count:
            return
        await asyncio.sleep(0.02)


async def _wait_drained(pool: Any) -> None:
    """Poll PostgreSQL (every 20 ms) until nothing waits for a batch and no batch is
    unfinished: with every submission acknowledged, every receipt is then CONFIRMED
    (or FAILED and queued again, which keeps the queue non-empty).

    Two index probes per poll, where counting the confirmed receipts would join
    100,000 rows every 20 ms and compete with the server for PostgreSQL's core;
    the count is checked once, after the clock stops.
    """
    while True:
        drained = await pool.fetchval(
            "SELECT NOT EXISTS (SELECT 1 FROM ledger.waiting)"
            " AND NOT EXISTS (SELECT 1 FROM ledger.batches WHERE state IN ('BUILT', 'SUBMITTED'))"
        )
        if drained:
            return
        await asyncio.sleep(0.02)


async def _confirmed(pool: Any, submitter: str) -> int:
    count: int = await pool.fetchval(
        "SELECT count(*) FROM ledger.receipts r JOIN ledger.leaves l ON l.receipt_id = r.id"
        " JOIN ledger.batches b ON b.id = l.batch_id WHERE r.submitter = $1 AND b.state = 'CONFIRMED'",
        submitter,
    )
    return count


async def _baseline(chain: AnchorChain, count: int) -> dict[str, Any]:
    roots = _digests(count, f"baseline-{uuid.uuid4().hex}")
    started = time.perf_counter()
    for root in roots:
        await chain.anchor(root, 1)
    elapsed = time.perf_counter() - started
    return {"digests": count, "seconds": round(elapsed, 3), "per_s": round(count / elapsed, 1)}


def _verify(batch_size: int, count: int) -> dict[str, Any]:
    leaves = _digests(batch_size, "verify")
    tree = MerkleTree(leaves)
    proofs = [(i % batch_size, tree.proof(i % batch_size)) for i in range(count)]
    root, size = tree.root, tree.size
    started = time.perf_counter()
    ok = all(verify_inclusion(leaves[i], i, size, proof, root) for i, proof in proofs)
    elapsed = time.perf_counter() - started
    assert ok
    return {
        "proofs": count,
        "tree_size": size,
        "seconds": round(elapsed, 3),
        "per_s": round(count / elapsed, 1),
    }


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="jipan-bench-ledger-", dir="/tmp"))
    engine: EmbeddedPostgres | None = None
    dsn = os.environ.get("JIPAN_DATABASE_URL")
    try:
        if not dsn:
            engine = EmbeddedPostgres(workdir / "pgdata")
            dsn = await asyncio.to_thread(engine.start)
        chain = AnchorChain.in_process()
        batched = await _batched(dsn, workdir / "data", chain, args)
        baseline = await _baseline(chain, args.baseline)
        chain.close()
        verify = _verify(args.batch_size, args.verify)
    finally:
        if engine is not None:
            await asyncio.to_thread(engine.stop)
        shutil.rmtree(workdir, ignore_errors=True)
    return {
        "anchored_per_s": batched["anchored_per_s"],
        "per_tx_baseline_per_s": baseline["per_s"],
        "speedup": round(batched["anchored_per_s"] / baseline["per_s"], 1),
        "verify_per_s": verify["per_s"],
        "batched": batched,
        "baseline": baseline,
        "verify": verify,
        "machine": f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run (~20 s)")
    parser.add_argument("--digests", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--verify", type=int, default=100_000)
    args = parser.parse_args()
    if args.quick:
        args.digests, args.baseline, args.verify = 20_000, 50, 20_000
    result = asyncio.run(_run(args))
    print(json.dumps(result), file=sys.stdout)


if __name__ == "__main__":
    main()
