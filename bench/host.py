"""What the benches record about the host beside their figures, and their scratch databases.

The benches run on shared 2-vCPU machines: a rate alone says as much about
the other tenants as about the code. Beside it they print the host (CPU
model, 1-minute load at start and end) and the CPU time each party of the
run spent per operation (the server process, the load generator, the
PostgreSQL backends serving the bench's database), which depends much less
on what else runs on the host.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg


def process_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a process (Linux /proc), None where unreadable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def backend_cpu_s(dsn: str | None) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend connected to `dsn`'s database, where readable here."""
    if not dsn:
        return {}
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    finally:
        await conn.close()
    readings = {row["pid"]: process_cpu_s(row["pid"]) for row in rows}
    return {pid: cpu for pid, cpu in readings.items() if cpu is not None}


def backend_cpu_since(before: dict[int, float], after: dict[int, float]) -> float | None:
    """CPU seconds the backends spent between two readings (a backend opened since counts whole)."""
    if not after:
        return None
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


async def sql_roundtrip_us(dsn: str, rounds: int = 500) -> float:
    """Median microseconds of one `SELECT 1` round trip on a connection of its own."""
    conn = await asyncpg.connect(dsn)
    try:
        samples = []
        for _ in range(rounds):
            started = time.perf_counter_ns()
            await conn.fetchval("SELECT 1")
            samples.append((time.perf_counter_ns() - started) / 1000)
    finally:
        await conn.close()
    return round(statistics.median(samples), 1)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_1m() -> float:
    return round(os.getloadavg()[0], 2)


def with_database(dsn: str, database: str) -> str:
    return urlunsplit(urlsplit(dsn)._replace(path=f"/{database}"))


async def create_database(server_dsn: str, prefix: str) -> tuple[str, str]:
    """A fresh database of the bench's own (name, dsn): nothing an earlier run left gets in the way."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(server_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return name, with_database(server_dsn, name)


async def drop_database(server_dsn: str, name: str) -> None:
    conn = await asyncpg.connect(server_dsn)
    try:
        await conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = $1 AND pid <> pg_backend_pid()",
            name,
        )
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    finally:
        await conn.close()
