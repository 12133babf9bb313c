"""Fixtures shared by every test module; module-specific ones live beside their tests.

Event loop: pyproject sets `asyncio_mode = "auto"` and the session loop scope
for tests and fixtures, so every test and async fixture of the session runs
on one event loop and session-scoped async resources (pools, servers) can be
shared. pytest-asyncio 1.x deprecates overriding the `event_loop_policy`
fixture, and its replacement hook (`pytest_asyncio_loop_factories`)
parametrizes the runner, which would tear session fixtures down and up again
between sync and async tests; the default asyncio loop is what we want, so
neither is used. `pytest_configure` below keeps the ini settings honest.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import asyncpg
import pytest
import pytest_asyncio

from jipan.servers.runtime.embedded_pg import EmbeddedPostgres

TEST_DATABASE_URL_ENV = "JIPAN_TEST_DATABASE_URL"
"""A PostgreSQL server (superuser DSN) to test against; unset starts an embedded one."""


def pytest_configure(config: pytest.Config) -> None:
    for option in ("asyncio_default_fixture_loop_scope", "asyncio_default_test_loop_scope"):
        if config.getini(option) != "session":
            raise pytest.UsageError(f"{option} must be 'session': the shared fixtures need one event loop")


def dsn_with_database(dsn: str, database: str) -> str:
    """`dsn` pointing at another database on the same server (TCP or Unix socket DSNs)."""
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path="/" + quote(database, safe="")))


@asynccontextmanager
async def fresh_database(server_url: str, prefix: str) -> AsyncIterator[str]:
    """DSN of a new, empty database on `server_url` (superuser DSN), dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield dsn_with_database(server_url, name)
    finally:
        admin = await asyncpg.connect(server_url)
        try:
            # A pool a test forgot to close would make DROP DATABASE fail.
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = $1 AND pid <> pg_backend_pid()",
                name,
            )
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        finally:
            await admin.close()


@pytest_asyncio.fixture(scope="session")
async def database_url() -> AsyncIterator[str]:
    """DSN of a fresh, empty database that lives as long as the test session.

    On the server named by JIPAN_TEST_DATABASE_URL (CI), or else on an
    embedded PostgreSQL started in a temporary folder under /tmp (outside
    root's home: pgserver's user must be able to traverse its parents).
    Tests that share it isolate themselves by schema or by unique names.
    """
    server_url = os.environ.get(TEST_DATABASE_URL_ENV)
    engine: EmbeddedPostgres | None = None
    workdir: Path | None = None
    if not server_url:
        workdir = Path(tempfile.mkdtemp(prefix="jipan-test-pg-", dir="/tmp"))
        # Throw-away data: skip fsync, it is most of a test server's I/O.
        engine = EmbeddedPostgres(workdir / "pgdata", durable=False)
        server_url = await asyncio.to_thread(engine.start)
    try:
        async with fresh_database(server_url, "jipan_test") as dsn:
            yield dsn
    finally:
        if engine is not None:
            await asyncio.to_thread(engine.stop)
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
