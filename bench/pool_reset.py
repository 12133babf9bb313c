"""What a pooled connection's release costs: asyncpg's full reset against Jipan's pool.

Usage:
    python bench/pool_reset.py [--acquires N] [--callers C] [--rounds R]

Every use of a pooled connection in the mesh is acquire, statement(s),
release. asyncpg's pool ends each use with a reset query
(`SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`), one
more round trip to PostgreSQL. Jipan's pool (`servers/runtime/database.py`,
`create_pool`) sends it only for a connection marked as holding session
state. This bench runs C callers doing N acquire + `SELECT 1` + release in
all on both pools, in alternating rounds, on the PostgreSQL of
JIPAN_DATABASE_URL / JIPAN_TEST_DATABASE_URL (default the host's, trust
auth), and prints per acquire: this process's CPU (the client side of the
round trips) and the rate; the PostgreSQL backends' CPU per acquire beside
them (from /proc, when they run on this host). The last line is JSON with
the medians over the rounds and `reset_saving_ratio` (client CPU per acquire,
Jipan's pool / asyncpg's).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.host import process_cpu_s
from jipan.servers.runtime.database import create_pool

DSN = os.environ.get(
    "JIPAN_DATABASE_URL",
    os.environ.get("JIPAN_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
)


async def _full_reset_pool(size: int) -> asyncpg.Pool:
    """A pool as asyncpg makes it: its reset query on every release."""
    pool: asyncpg.Pool = await asyncpg.create_pool(DSN, min_size=size, max_size=size)
    return pool


async def _round(pool: asyncpg.Pool, acquires: int, callers: int) -> dict[str, float]:
    async def caller(count: int) -> None:
        for _ in range(count):
            async with pool.acquire() as conn:
                await conn.fetchval("SELECT 1")

    held = [await pool.acquire() for _ in range(callers)]  # the pool's connections, all of them
    backends = [conn.get_server_pid() for conn in held]
    for conn in held:
        await pool.release(conn)
    await asyncio.gather(*(caller(50) for _ in range(callers)))
    pg_before = sum(process_cpu_s(pid) or 0.0 for pid in backends)
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(caller(acquires // callers) for _ in range(callers)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    pg = sum(process_cpu_s(pid) or 0.0 for pid in backends) - pg_before
    done = callers * (acquires // callers)
    return {"client_cpu_us": cpu / done * 1e6, "per_s": done / wall, "postgres_cpu_us": pg / done * 1e6}


async def main(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, list[dict[str, float]]] = {"asyncpg_reset": [], "jipan": []}
    for r in range(args.rounds):
        order = ("asyncpg_reset", "jipan") if r % 2 == 0 else ("jipan", "asyncpg_reset")
        for name in order:
            if name == "jipan":
                pool = await create_pool(DSN, min_size=args.callers, max_size=args.callers)
            else:
                pool = await _full_reset_pool(args.callers)
            try:
                figures = await _round(pool, args.acquires, args.callers)
            finally:
                await pool.close()
            results[name].append(figures)
            print(
                f"round {r + 1} {name:14s} client CPU {figures['client_cpu_us']:6.1f} µs/acquire,"
                f" PostgreSQL CPU {figures['postgres_cpu_us']:6.1f} µs/acquire, {figures['per_s']:7.0f}/s",
                flush=True,
            )
    out: dict[str, Any] = {}
    for name, rounds in results.items():
        for key in ("client_cpu_us", "postgres_cpu_us", "per_s"):
            out[f"{name}_{key}"] = round(statistics.median(f[key] for f in rounds), 1)
    out["reset_saving_ratio"] = round(out["jipan_client_cpu_us"] / out["asyncpg_reset_client_cpu_us"], 3)
    out["callers"], out["acquires"], out["rounds"] = args.callers, args.acquires, args.rounds
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--acquires", type=int, default=4000)
    parser.add_argument("--callers", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=6)
    print(json.dumps(asyncio.run(main(parser.parse_args()))))
