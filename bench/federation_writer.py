"""What the message log's writer costs per record, apart from any call (issue 16), JSON last line.

    python bench/federation_writer.py              # ~10 s here
    python bench/federation_writer.py --rounds 10 --batch 200

A `MessageLog` on a database of its own (PostgreSQL from JIPAN_DATABASE_URL,
default the local test server) with one active peer and a stand-in anchor
(no ledger): each round queues `--batch` records `--flushes` times, flushing
after each batch (as the writer task does every FLUSH_S) and anchoring every
ten flushes. Per record, the minimum over the rounds (other work on the host
only ever adds):

* flush_cpu_us: this process's CPU in `flush()` (chain, sign, the statement
  or COPY, the driver's encoding);
* anchor_cpu_us: this process's CPU in `anchor_pending()` (read the range,
  build the Merkle tree; the stand-in anchor costs nothing);
* postgres_cpu_us: the database backends' CPU over the round (clock ticks:
  about ±1 µs a record at the defaults).

`bench/federation.py` measures what the log costs a federated call end to end
(`message_log_ratio`); this isolates the writer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg

from bench.host import backend_cpu_s, backend_cpu_since, cpu_model, load_1m
from jipan.servers.federation import store as store_module
from jipan.servers.federation.messagelog import MessageLog, load_log_key
from jipan.servers.runtime.database import apply_migrations
from jipan.servers.runtime.pagination import PageTokens
from tests.conftest import fresh_database
from tests.federation.test_log_migration import SEALING_KEY, RecordingAnchor, _record, add_peer

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


async def run(args: argparse.Namespace) -> dict[str, Any]:
    load_start = load_1m()
    async with fresh_database(SERVER_DSN, "jipan_bench_fed_writer") as dsn:
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
        assert pool is not None
        try:
            await apply_migrations(pool, "federation", store_module.MIGRATIONS)
            await add_peer(pool, uuid.uuid4())
            log = MessageLog(
                pool,
                lambda: load_log_key(pool, SEALING_KEY),
                RecordingAnchor(),
                PageTokens(b"k" * 32),
                anchor_interval_s=60,
            )
            records = [_record(n) for n in range(args.batch)]
            rounds = []
            for _ in range(args.rounds):
                flush_s = anchor_s = 0.0
                stored = 0
                backends = await backend_cpu_s(dsn)
                for flush in range(args.flushes):
                    for record in records:
                        log.record(record)
                    start = time.process_time()
                    stored += await log.flush()
                    flush_s += time.process_time() - start
                    if flush % 10 == 9:
                        start = time.process_time()
                        await log.anchor_pending()
                        anchor_s += time.process_time() - start
                postgres_s = backend_cpu_since(backends, await backend_cpu_s(dsn)) or 0.0
                rounds.append((flush_s / stored * 1e6, anchor_s / stored * 1e6, postgres_s / stored * 1e6))
                print(json.dumps({"flush_cpu_us": rounds[-1][0], "anchor_cpu_us": rounds[-1][1]}), flush=True)
        finally:
            await pool.close()
    return {
        "flush_cpu_us": round(min(r[0] for r in rounds), 2),
        "anchor_cpu_us": round(min(r[1] for r in rounds), 2),
        "postgres_cpu_us": round(min(r[2] for r in rounds), 2),
        "batch": args.batch,
        "records_per_round": args.batch * args.flushes,
        "cpu_model": cpu_model(),
        "loadavg_1m_start_end": [load_start, load_1m()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--batch", type=int, default=100, help="records per flush")
    parser.add_argument("--flushes", type=int, default=100, help="flushes per round")
    print(json.dumps(asyncio.run(run(parser.parse_args()))))


if __name__ == "__main__":
    main()
