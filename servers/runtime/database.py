"""PostgreSQL access: the asyncpg pool and per-service forward-only migrations.

Each service owns one schema (STYLE 12) and a folder of numbered SQL files
(`0001_create_listings.sql`, `0002_...`). `apply_migrations` brings the schema
up to date at start-up; it is safe when several replicas start at once because
all the work happens under a PostgreSQL advisory lock derived from the schema
name, and each file runs in its own transaction so a failed file leaves the
schema at the previous version rather than half changed.

Only syntax that PostgreSQL 15 understands is used here: production servers
may be 15 while the embedded one (pgserver) is 16.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import structlog

log = structlog.get_logger(__name__)

MIGRATION_FILE = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9][a-z0-9_]*)\.sql$")
"""`0001_create_orgs.sql`: four digits so that name order is version order."""

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
"""Lower-case identifiers only: they never need quoting in hand-written SQL,
and 63 bytes is PostgreSQL's identifier limit (longer names are truncated)."""

_LOCK_NAMESPACE = "jipan.schema_migrations:"


class MigrationError(Exception):
    """The migrations of a schema cannot be applied; the process must not serve.

    Raised for a bad file name, a duplicate or out-of-order version, an
    applied file whose content changed, or a file whose SQL failed.
    """


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    """File name without `.sql` (`0001_create_orgs`): what the log and the
    return value of `apply_migrations` show."""
    sql: str
    checksum: str
    """sha256 of the file's bytes: an applied migration must never change."""


async def _init_connection(conn: asyncpg.Connection) -> None:
    # json/jsonb as Python values: callers pass dicts and lists as parameters
    # and read them back decoded, instead of each store calling json.dumps.
    for typename in ("json", "jsonb"):
        await conn.set_type_codec(
            typename, schema="pg_catalog", encoder=_encode_json, decoder=json.loads, format="text"
        )


def _encode_json(value: Any) -> str:
    # Compact separators keep stored documents small; sort_keys is left off so
    # callers' ordering (meaningful in some documents) survives in `json` columns.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class Connection(asyncpg.Connection):
    """The pool's connections: asyncpg's, knowing whether they carry session state.

    asyncpg's pool ends every use of a connection with a reset query
    (`pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`), a round
    trip that cost about as much client CPU as the statement the connection
    was taken for (release ~60-140 µs of the ~140-260 µs of an acquire,
    `SELECT 1` and release, 8 callers, on the CI machine; and the same again in
    PostgreSQL). Jipan's services keep no session state in pooled connections
    except where they say so: a LISTEN (`add_listener`, marked here) and a
    session-level advisory lock or setting (`hold_session_state` beside the
    SQL that takes it; tests/test_database.py checks that every source file
    with such SQL calls it). Only a connection so marked pays the reset query
    on release; every release still rolls back a transaction left open and
    drops listener callbacks (asyncpg's own part of the reset, which runs
    before the pool's `reset` callback).
    """

    _session_state = False

    async def add_listener(self, channel: str, callback: Any) -> None:
        self._session_state = True
        await super().add_listener(channel, callback)

    def hold_session_state(self) -> None:
        self._session_state = True


def hold_session_state(conn: Any) -> None:
    """Mark a pooled connection (or its pool proxy) as carrying session state:
    its release runs the full reset query (advisory locks, LISTEN, settings, cursors).

    A connection of a pool not made by `create_pool` (plain asyncpg, whose
    pool resets every connection in full) is left as it is.
    """
    mark = getattr(conn, "hold_session_state", None)
    if mark is not None:
        mark()


async def _reset_session_state(conn: asyncpg.Connection) -> None:
    # asyncpg has already rolled back any open transaction and dropped listener callbacks.
    if isinstance(conn, Connection) and conn._session_state:
        reset_query = conn.get_reset_query()
        if reset_query:
            await conn.execute(reset_query)
        conn._session_state = False


async def create_pool(
    dsn: str,
    *,
    min_size: int,
    max_size: int,
    command_timeout: float = 60.0,
    connect_timeout: float = 10.0,
    application_name: str = "jipan",
) -> asyncpg.Pool:
    """Open a connection pool.

    `json`/`jsonb` columns take and return Python values (dict, list, ...),
    never JSON strings. `command_timeout` bounds every statement on the client
    side so a stuck query cannot hold an RPC forever; pass `timeout=` to a
    single call that needs longer.
    """
    pool = await asyncpg.create_pool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        timeout=connect_timeout,
        command_timeout=command_timeout,
        # Idle connections are recycled so that a server restart or a failover
        # behind a proxy does not leave the pool full of dead sockets.
        max_inactive_connection_lifetime=300.0,
        init=_init_connection,
        connection_class=Connection,
        reset=_reset_session_state,
        # application_name shows which service holds a connection in
        # pg_stat_activity. Other settings are deliberately not sent at
        # connect time: PgBouncer rejects unknown startup parameters.
        server_settings={"application_name": application_name},
    )
    return pool


def _validate_schema(schema: str) -> None:
    if not _SCHEMA_NAME.match(schema) or schema.startswith("pg_"):
        raise MigrationError(
            f"schema name {schema!r} is not a lower-case identifier of at most 63 characters "
            "(and must not start with pg_)"
        )


def _lock_key(schema: str) -> int:
    """A stable signed 64-bit advisory lock key for the schema.

    Derived on the client with sha256 rather than PostgreSQL's hashtext(),
    whose results are not guaranteed across server versions.
    """
    digest = hashlib.sha256((_LOCK_NAMESPACE + schema).encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def load_migrations(migrations_dir: Path) -> list[Migration]:
    """Read and check the migration files of one schema, in version order.

    Files whose names start with `.` or `__` (editor swap files, `__init__.py`,
    `__pycache__`) are ignored so the folder may live inside a Python package;
    any other entry must match `NNNN_name.sql`. A misnamed file is an error
    rather than skipped: a silently ignored migration is a schema that differs
    between environments.
    """
    if not migrations_dir.is_dir():
        raise MigrationError(f"migrations folder {migrations_dir} does not exist")
    migrations: dict[int, Migration] = {}
    for path in sorted(migrations_dir.iterdir()):
        if path.name.startswith((".", "__")):
            continue
        match = MIGRATION_FILE.match(path.name)
        if match is None or not path.is_file():
            raise MigrationError(
                f"{path}: migration files must be named NNNN_lower_case_name.sql (e.g. 0001_create_orgs.sql)"
            )
        version = int(match["version"])
        if version == 0:
            raise MigrationError(f"{path}: versions start at 0001")
        if version in migrations:
            raise MigrationError(f"{path}: version {version} is also used by {migrations[version].name}.sql")
        raw = path.read_bytes()
        try:
            sql = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MigrationError(f"{path}: not UTF-8 text") from exc
        migrations[version] = Migration(
            version=version,
            name=path.name.removesuffix(".sql"),
            sql=sql,
            checksum=hashlib.sha256(raw).hexdigest(),
        )
    return [migrations[v] for v in sorted(migrations)]


async def apply_migrations(
    pool: asyncpg.Pool,
    schema: str,
    migrations_dir: Path,
    *,
    lock_timeout: float = 300.0,
    statement_timeout: float = 3600.0,
) -> list[str]:
    """Bring `schema` up to the newest file in `migrations_dir`.

    Returns the names (`0002_add_index`) of the migrations this call applied,
    in order; an empty list when the schema was already current (including
    when another replica applied them while this one waited for the lock).

    `lock_timeout` bounds the wait for another replica's migrations;
    `statement_timeout` bounds each file (DDL on a big table can take long,
    longer than the pool's per-command timeout).

    Each file runs in one transaction with `search_path` set to the schema
    only, so unqualified names land in the service's schema. A file therefore
    must not contain its own BEGIN/COMMIT nor statements that refuse to run in
    a transaction (CREATE INDEX CONCURRENTLY, VACUUM), and a value added with
    ALTER TYPE ... ADD VALUE can only be used from the next file on.
    """
    _validate_schema(schema)
    migrations = await asyncio.to_thread(load_migrations, migrations_dir)
    applied: list[str] = []
    async with pool.acquire() as conn:
        key = _lock_key(schema)
        started = time.monotonic()
        # A session-level lock held on this one connection across all the
        # per-file transactions; a second replica blocks here and then
        # finds nothing left to do. asyncpg cancels the wait on timeout.
        hold_session_state(conn)
        try:
            await conn.execute("SELECT pg_advisory_lock($1)", key, timeout=lock_timeout)
        except TimeoutError as exc:
            raise MigrationError(
                f"{schema}: waited {lock_timeout:.0f}s for another process's migrations to finish"
            ) from exc
        waited = time.monotonic() - started
        if waited > 1.0:
            log.info("migration lock acquired after waiting", schema=schema, waited_s=round(waited, 3))
        try:
            applied = await _apply_locked(conn, schema, migrations, statement_timeout)
        finally:
            # If the connection broke, the lock died with its session; the
            # pool's reset (pg_advisory_unlock_all) is a second safety net.
            if not conn.is_closed():
                await conn.execute("SELECT pg_advisory_unlock($1)", key)
    return applied


async def _apply_locked(
    conn: asyncpg.pool.PoolConnectionProxy,
    schema: str,
    migrations: list[Migration],
    statement_timeout: float,
) -> list[str]:
    qschema = _quote_ident(schema)
    # Under the lock: concurrent CREATE ... IF NOT EXISTS can still fail on the
    # catalogs' unique indexes, so these must not race either.
    await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {qschema}")
    await conn.execute(
        f"""
        CREATE TABLE IF NOT EXISTS {qschema}.schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """
    )
    # The schema is interpolated (identifiers cannot be parameters) only
    # after _validate_schema accepted it as a plain identifier.
    rows = await conn.fetch(
        f"SELECT version, name, checksum FROM {qschema}.schema_migrations ORDER BY version"  # noqa: S608
    )
    done = {int(row["version"]): (str(row["name"]), str(row["checksum"])) for row in rows}
    local = {m.version: m for m in migrations}
    newest_local = max(local, default=0)

    for version, (name, checksum) in done.items():
        migration = local.get(version)
        if migration is None:
            if version > newest_local:
                # An older build starting against a schema a newer build has
                # already moved on (rolling upgrade or rollback): forward-only
                # migrations are written to stay compatible, so serve.
                log.warning("schema is newer than this build", schema=schema, version=version, name=name)
                continue
            raise MigrationError(f"{schema}: applied migration {name}.sql is missing from the folder")
        if migration.name != name:
            raise MigrationError(
                f"{schema}: version {version} was applied as {name}.sql "
                f"but the folder has {migration.name}.sql"
            )
        if migration.checksum != checksum:
            raise MigrationError(
                f"{schema}: {name}.sql changed after it was applied (checksum {checksum[:12]}… now "
                f"{migration.checksum[:12]}…); add a new migration instead of editing an applied one"
            )

    newest_done = max(done, default=0)
    pending = [m for m in migrations if m.version not in done]
    for migration in pending:
        if migration.version < newest_done:
            raise MigrationError(
                f"{schema}: {migration.name}.sql is older than the applied version {newest_done}; "
                "renumber it after the newest applied migration"
            )

    applied: list[str] = []
    for migration in pending:
        started = time.monotonic()
        try:
            async with conn.transaction():
                await conn.execute(f"SET LOCAL search_path TO {qschema}")
                await conn.execute(migration.sql, timeout=statement_timeout)
                await conn.execute(
                    f"INSERT INTO {qschema}.schema_migrations (version, name, checksum)"  # noqa: S608
                    " VALUES ($1, $2, $3)",
                    migration.version,
                    migration.name,
                    migration.checksum,
                )
        except (asyncpg.PostgresError, TimeoutError) as exc:
            raise MigrationError(f"{schema}: {migration.name}.sql failed: {exc!r}") from exc
        log.info(
            "migration applied",
            schema=schema,
            version=migration.version,
            name=migration.name,
            duration_s=round(time.monotonic() - started, 3),
        )
        applied.append(migration.name)
    return applied


def _quote_ident(name: str) -> str:
    # Names are validated against _SCHEMA_NAME first; quoting is belt and braces.
    return '"' + name.replace('"', '""') + '"'
