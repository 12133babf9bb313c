"""Migrations and the pool against a real PostgreSQL (the session's `database_url`)."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio

from jipan.servers.runtime.database import MigrationError, apply_migrations, create_pool, hold_session_state

MIGRATIONS = {
    "0001_create_items.sql": "CREATE TABLE items (id integer PRIMARY KEY, doc jsonb NOT NULL);\n",
    # The sleep widens the window in which a second replica would run the
    # same file if the advisory lock did not serialise them.
    "0002_add_name.sql": "ALTER TABLE items ADD COLUMN name text;\nSELECT pg_sleep(0.2);\n",
    "0003_index_name.sql": "CREATE INDEX items_name ON items (name);\n",
}


@pytest.fixture
def schema() -> str:
    # Tests share the session database; a schema each keeps them independent.
    return f"t_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def migrations_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "migrations"
    folder.mkdir()
    for name, sql in MIGRATIONS.items():
        (folder / name).write_text(sql)
    return folder


@pytest_asyncio.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, min_size=1, max_size=4)
    try:
        yield pool
    finally:
        await pool.close()


async def _applied(pool: asyncpg.Pool, schema: str) -> list[tuple[int, str]]:
    rows = await pool.fetch(f'SELECT version, name FROM "{schema}".schema_migrations ORDER BY version')
    return [(row["version"], row["name"]) for row in rows]


async def test_concurrent_replicas_apply_each_migration_once(
    database_url: str, schema: str, migrations_dir: Path
) -> None:
    first = await create_pool(database_url, min_size=1, max_size=2)
    second = await create_pool(database_url, min_size=1, max_size=2)
    try:
        results = await asyncio.gather(
            apply_migrations(first, schema, migrations_dir),
            apply_migrations(second, schema, migrations_dir),
        )
        # One replica did all the work, the other found nothing left to do.
        assert sorted(results, key=len) == [[], ["0001_create_items", "0002_add_name", "0003_index_name"]]
        assert await _applied(first, schema) == [
            (1, "0001_create_items"),
            (2, "0002_add_name"),
            (3, "0003_index_name"),
        ]
        # The files ran with search_path set to the schema, not public.
        where = await first.fetchval(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'items'"
        )
        assert where == schema
    finally:
        await first.close()
        await second.close()


async def test_rerun_is_a_no_op_and_new_files_apply(
    pool: asyncpg.Pool, schema: str, migrations_dir: Path
) -> None:
    assert len(await apply_migrations(pool, schema, migrations_dir)) == 3
    assert await apply_migrations(pool, schema, migrations_dir) == []
    (migrations_dir / "0004_add_price.sql").write_text("ALTER TABLE items ADD COLUMN price numeric;")
    assert await apply_migrations(pool, schema, migrations_dir) == ["0004_add_price"]
    assert [v for v, _ in await _applied(pool, schema)] == [1, 2, 3, 4]


async def test_changed_applied_file_is_an_error(
    pool: asyncpg.Pool, schema: str, migrations_dir: Path
) -> None:
    await apply_migrations(pool, schema, migrations_dir)
    (migrations_dir / "0002_add_name.sql").write_text("ALTER TABLE items ADD COLUMN name varchar(10);")
    (migrations_dir / "0004_more.sql").write_text("CREATE TABLE more (id int);")
    with pytest.raises(MigrationError, match=r"0002_add_name\.sql changed"):
        await apply_migrations(pool, schema, migrations_dir)
    # Nothing after the mismatch ran.
    assert [v for v, _ in await _applied(pool, schema)] == [1, 2, 3]


@pytest.mark.parametrize(
    "bad_name",
    [
        "1_init.sql",
        "0001-init.sql",
        "0001_Init.sql",
        "0001_init.SQL",
        "00001_init.sql",
        "notes.txt",
        "0000_zero.sql",
    ],
)
async def test_badly_named_file_is_rejected(
    pool: asyncpg.Pool, schema: str, migrations_dir: Path, bad_name: str
) -> None:
    (migrations_dir / bad_name).write_text("SELECT 1;")
    with pytest.raises(MigrationError):
        await apply_migrations(pool, schema, migrations_dir)


async def test_package_files_and_dotfiles_are_ignored(
    pool: asyncpg.Pool, schema: str, migrations_dir: Path
) -> None:
    (migrations_dir / "__init__.py").write_text("")
    (migrations_dir / "__pycache__").mkdir()
    (migrations_dir / ".0002_add_name.sql.swp").write_text("junk")
    assert len(await apply_migrations(pool, schema, migrations_dir)) == 3


async def test_duplicate_and_out_of_order_versions_are_rejected(
    pool: asyncpg.Pool, schema: str, migrations_dir: Path
) -> None:
    (migrations_dir / "0002_other.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="version 2 is also used"):
        await apply_migrations(pool, schema, migrations_dir)
    (migrations_dir / "0002_other.sql").unlink()

    (migrations_dir / "0003_index_name.sql").rename(migrations_dir / "0005_index_name.sql")
    await apply_migrations(pool, schema, migrations_dir)
    (migrations_dir / "0004_late.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="older than the applied version 5"):
        await apply_migrations(pool, schema, migrations_dir)


async def test_failed_file_rolls_back_and_keeps_earlier_versions(
    pool: asyncpg.Pool, schema: str, migrations_dir: Path
) -> None:
    (migrations_dir / "0004_broken.sql").write_text(
        "CREATE TABLE half (id int);\nSELECT no_such_function();\n"
    )
    with pytest.raises(MigrationError, match=r"0004_broken\.sql failed"):
        await apply_migrations(pool, schema, migrations_dir)
    assert [v for v, _ in await _applied(pool, schema)] == [1, 2, 3]
    # Its transaction rolled back: the table it created first is gone too.
    assert await pool.fetchval("SELECT to_regclass($1)", f"{schema}.half") is None
    (migrations_dir / "0004_broken.sql").write_text("CREATE TABLE half (id int);\n")
    assert await apply_migrations(pool, schema, migrations_dir) == ["0004_broken"]


async def test_newer_schema_than_build_is_served(
    pool: asyncpg.Pool, schema: str, migrations_dir: Path
) -> None:
    (migrations_dir / "0004_newer.sql").write_text("SELECT 1;")
    await apply_migrations(pool, schema, migrations_dir)
    (migrations_dir / "0004_newer.sql").unlink()
    # An older replica during a rolling upgrade: applied 0004 is unknown to it.
    assert await apply_migrations(pool, schema, migrations_dir) == []
    (migrations_dir / "0002_add_name.sql").unlink()
    with pytest.raises(MigrationError, match="missing from the folder"):
        await apply_migrations(pool, schema, migrations_dir)


@pytest.mark.parametrize("bad_schema", ["Public", "pg_things", "a-b", "1abc", "", "x" * 64, 'a"b'])
async def test_bad_schema_name_is_rejected(pool: asyncpg.Pool, migrations_dir: Path, bad_schema: str) -> None:
    with pytest.raises(MigrationError, match="schema name"):
        await apply_migrations(pool, bad_schema, migrations_dir)


async def test_missing_folder_is_an_error(pool: asyncpg.Pool, schema: str, tmp_path: Path) -> None:
    with pytest.raises(MigrationError, match="does not exist"):
        await apply_migrations(pool, schema, tmp_path / "nope")


async def test_pool_encodes_and_decodes_jsonb(pool: asyncpg.Pool, schema: str, migrations_dir: Path) -> None:
    await apply_migrations(pool, schema, migrations_dir)
    doc = {"name": "台北", "tags": ["a", "b"], "n": 1.5, "nested": {"ok": True, "none": None}}
    await pool.execute(f'INSERT INTO "{schema}".items (id, doc) VALUES ($1, $2)', 1, doc)
    assert await pool.fetchval(f'SELECT doc FROM "{schema}".items WHERE id = 1') == doc
    assert await pool.fetchval("SELECT $1::json", [1, 2]) == [1, 2]
    assert await pool.fetchval("SELECT current_setting('application_name')") == "jipan"


_seen_loops: list[asyncio.AbstractEventLoop] = []


@pytest_asyncio.fixture(scope="session")
async def session_fixture_loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


@pytest.mark.parametrize("run", [1, 2])
async def test_tests_and_session_fixtures_share_one_loop(
    session_fixture_loop: asyncio.AbstractEventLoop, run: int
) -> None:
    # Session fixtures (pools, servers) are only usable from tests when both
    # run on the same loop: conftest relies on the ini's session loop scope.
    _seen_loops.append(asyncio.get_running_loop())
    assert asyncio.get_running_loop() is session_fixture_loop
    assert all(loop is session_fixture_loop for loop in _seen_loops)


# --- what a release resets -------------------------------------------------------------------------


async def _one_connection_pool(database_url: str) -> asyncpg.Pool:
    # One connection, so that the next acquire gets the connection just released.
    return await create_pool(database_url, min_size=1, max_size=1)


async def test_a_plain_release_skips_the_reset_round_trip(database_url: str) -> None:
    pool = await _one_connection_pool(database_url)
    try:
        async with pool.acquire() as conn:
            backend = await conn.fetchval("SELECT pg_backend_pid()")
            # A setting changed without saying so: the reset query would undo it, so
            # seeing it survive proves that release sent no reset query.
            await conn.execute("SELECT set_config('application_name', 'left-behind', false)")
        async with pool.acquire() as conn:
            assert await conn.fetchval("SELECT pg_backend_pid()") == backend
            assert await conn.fetchval("SHOW application_name") == "left-behind"
    finally:
        await pool.close()


async def test_a_release_rolls_back_an_open_transaction(database_url: str) -> None:
    pool = await _one_connection_pool(database_url)
    table = f"t_{uuid.uuid4().hex[:12]}"
    try:
        await pool.execute(f"CREATE TABLE {table} (id integer)")
        conn = await pool.acquire()
        tx = conn.transaction()
        await tx.start()
        await conn.execute(f"INSERT INTO {table} VALUES (1)")
        await pool.release(conn)  # still in the transaction: asyncpg rolls it back
        async with pool.acquire() as conn:
            assert not conn.is_in_transaction()
            assert await conn.fetchval(f"SELECT count(*) FROM {table}") == 0
    finally:
        await pool.execute(f"DROP TABLE IF EXISTS {table}")
        await pool.close()


@pytest.mark.filterwarnings("ignore:.*active notification listener:asyncpg.InterfaceWarning")
async def test_a_connection_holding_session_state_is_reset_in_full(database_url: str) -> None:
    pool = await _one_connection_pool(database_url)
    key = int(uuid.uuid4().int % 2**62)
    try:
        async with pool.acquire() as conn:
            hold_session_state(conn)
            assert await conn.fetchval("SELECT pg_try_advisory_lock($1)", key)
            await conn.execute("SELECT set_config('application_name', 'left-behind', false)")
            await conn.add_listener("jipan_test_channel", lambda *_: None)
        async with pool.acquire() as conn:
            assert await conn.fetchval("SHOW application_name") != "left-behind"
            assert await conn.fetch("SELECT pg_listening_channels()") == []
            held = await conn.fetchval(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
            )
            assert held == 0
            # The mark is spent: the next plain use is not reset again.
            await conn.execute("SELECT set_config('application_name', 'second', false)")
        async with pool.acquire() as conn:
            assert await conn.fetchval("SHOW application_name") == "second"
    finally:
        await pool.close()


@pytest.mark.filterwarnings("ignore:.*active notification listener:asyncpg.InterfaceWarning")
async def test_a_listener_marks_its_connection_by_itself(database_url: str) -> None:
    pool = await _one_connection_pool(database_url)
    try:
        async with pool.acquire() as conn:
            await conn.add_listener("jipan_test_channel", lambda *_: None)
        async with pool.acquire() as conn:
            assert await conn.fetch("SELECT pg_listening_channels()") == []
    finally:
        await pool.close()


async def test_hold_session_state_leaves_a_plain_asyncpg_connection_alone(database_url: str) -> None:
    conn = await asyncpg.connect(database_url)
    try:
        hold_session_state(conn)  # a pool of plain asyncpg resets every connection in full anyway
    finally:
        await conn.close()


_SESSION_STATE_SQL = re.compile(
    # Session-level locks and settings, by function (any case) ...
    r"(?i:pg_(?:try_)?advisory_lock(?:_shared)?\s*\(|set_config\s*\([^)]*,\s*false\s*\))"
    # ... and statements as this code base writes SQL: upper-case keywords, a session
    # SET as a statement of its own (a string that starts with it; not SET LOCAL; a
    # piece of a longer statement, `" SET roles = ..."`, starts with a space).
    r"|[\"']SET\s+(?!LOCAL\b)|\bLISTEN\s|\bWITH\s+HOLD\b|\bCREATE\s+TEMP"
)


def test_every_source_with_session_state_sql_marks_its_connection() -> None:
    """A pooled connection is reset on release only when marked (servers/runtime/database.py):
    SQL that leaves session state behind must sit in a file that marks it."""
    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in sorted([*(root / "servers").rglob("*.py"), *(root / "interceptors").rglob("*.py")]):
        text = path.read_text(encoding="utf-8")
        if (
            _SESSION_STATE_SQL.search(text)
            and "hold_session_state(" not in text
            and "add_listener(" not in text
        ):
            offenders.append(str(path.relative_to(root)))
    for path in sorted((root / "servers").rglob("*.sql")):
        if _SESSION_STATE_SQL.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(root)))
    assert offenders == [], offenders
    # The scan finds what it is meant to find.
    assert _SESSION_STATE_SQL.search('await conn.execute("SELECT pg_advisory_lock($1)", key)')
    assert _SESSION_STATE_SQL.search('await conn.execute("SET statement_timeout = 0")')
    assert _SESSION_STATE_SQL.search('await conn.execute(f"SET SESSION search_path TO {s}")')
    assert _SESSION_STATE_SQL.search("SELECT set_config('work_mem', '1GB', false)")
    assert _SESSION_STATE_SQL.search('"LISTEN jipan_ledger"')
    assert not _SESSION_STATE_SQL.search('await conn.execute(f"SET LOCAL search_path TO {s}")')
    assert not _SESSION_STATE_SQL.search("SELECT pg_advisory_xact_lock($1)")
    assert not _SESSION_STATE_SQL.search('"UPDATE t SET state = $1 WHERE id = $2"')
    assert not _SESSION_STATE_SQL.search("# set the listener's state to idle")
    assert not _SESSION_STATE_SQL.search('" ON CONFLICT (id) DO UPDATE" " SET roles = $2"')
