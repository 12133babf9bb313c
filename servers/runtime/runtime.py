"""What a server process holds for its services: engines, keys, settings.

`open_runtime` starts the embedded engines (or connects to the production
ones named in settings), applies each service's migrations, and closes
everything in reverse order on every exit path, so a Ctrl-C, a SIGTERM or an
exception never leaves an embedded PostgreSQL running.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import grpc
import structlog
from grpc_health.v1.health import aio as health_aio

from jipan.clients.identity_keys import remote_key_set
from jipan.clients.identity_revocations import remote_revocation_list
from jipan.interceptors.revocation import RevocationList, RevocationSource
from jipan.interceptors.tokens import DevSigningKey, KeySet, StaticKeySet
from jipan.servers.runtime import idempotency
from jipan.servers.runtime.database import apply_migrations, create_pool
from jipan.servers.runtime.embedded_pg import EmbeddedPostgres
from jipan.servers.runtime.objectstore import ObjectStore, open_object_store
from jipan.servers.runtime.pagination import PageTokens
from jipan.servers.runtime.settings import ConfigError, Settings

log = structlog.get_logger(__name__)


def loopback_target(listen: str, port: int) -> str:
    """The address a client on this machine dials for a server bound to `listen` (wildcards: loopback)."""
    host = listen.rpartition(":")[0]
    if host in ("", "0.0.0.0", "::", "[::]"):
        host = "127.0.0.1"
    return f"{host}:{port}"


@dataclass(frozen=True, slots=True)
class Runtime:
    """Shared resources handed to every service's `attach`.

    `on_shutdown` registers what a service started in `attach` (a batcher, a
    channel) to be stopped after the server has drained and before the pool
    and the embedded engines close.
    """

    settings: Settings
    started_at: datetime
    database: asyncpg.Pool
    objects: ObjectStore
    key_set: KeySet
    page_tokens: PageTokens
    health: health_aio.HealthServicer
    services: tuple[str, ...]
    """Fully-qualified gRPC service names this process serves."""
    shutdown: AsyncExitStack = field(default_factory=AsyncExitStack, repr=False)
    bound_ports: list[int] = field(default_factory=list)
    """The port(s) the server bound (create_server fills it): a service that
    calls another service of this same process over gRPC dials it there."""
    gateway_urls: list[str] = field(default_factory=list)
    """The Connect gateway's URL when `serve(gateway=True)` started one (servers/gateway/)."""

    def own_target(self) -> str:
        """host:port a service dials to call another service of this same server (known once bound)."""
        return loopback_target(self.settings.listen, self.bound_ports[0])

    revocations: RevocationList = field(default_factory=RevocationList)
    """Revoked tokens, consents and sessions the verifier refuses (empty when nothing can revoke)."""

    def on_shutdown(self, callback: Callable[[], Awaitable[object]]) -> None:
        self.shutdown.push_async_callback(callback)


@dataclass(frozen=True, slots=True)
class ServiceModule:
    """How one Jipan service plugs into a server process.

    `attach` builds the service's store, domain and servicer from the runtime
    and registers the servicer on the server; `schema`/`migrations` name the
    PostgreSQL schema the service owns and its forward-only migrations.
    """

    name: str
    service_names: tuple[str, ...]
    attach: Callable[[grpc.aio.Server, Runtime], None]
    schema: str | None = None
    migrations: Path | None = None
    extend_key_set: Callable[[Settings, asyncpg.Pool, KeySet], KeySet] | None = None
    """Keys this service itself issues tokens with (identity), added to the
    process's key set when no remote identity is configured."""
    revocation_source: Callable[[Settings, asyncpg.Pool], RevocationSource] | None = None
    """The revocation feed this service keeps (identity), read straight from its
    store when no remote identity is configured."""


def load_key_set(settings: Settings) -> KeySet:
    """The embedded development key in data_dir (no identity configured)."""
    if settings.identity_target is not None:
        raise ConfigError("JIPAN_IDENTITY_TARGET is set: the key set comes from identity (open_key_set)")
    dev_key = DevSigningKey.load_or_create(settings.data_dir)
    return StaticKeySet.from_jwks(dev_key.public_jwks())


def open_key_set(
    settings: Settings, modules: Sequence[ServiceModule], pool: asyncpg.Pool, stack: AsyncExitStack
) -> KeySet:
    """The keys access tokens are verified with.

    With `identity_target`, identity's published key set (GetKeySet, cached,
    refreshed on an unknown kid). Otherwise the embedded development key, plus
    the keys of any service in this process that issues tokens itself.
    """
    if settings.identity_target is not None:
        key_set, close = remote_key_set(settings)
        stack.push_async_callback(close)
        return key_set
    keys = load_key_set(settings)
    for module in modules:
        if module.extend_key_set is not None:
            keys = module.extend_key_set(settings, pool, keys)
    return keys


async def open_revocations(
    settings: Settings, modules: Sequence[ServiceModule], pool: asyncpg.Pool, stack: AsyncExitStack
) -> RevocationList:
    """The revocation list the verifier consults, refreshing in the background until shutdown.

    With `identity_target`, identity's feed over gRPC (ListRevocations);
    otherwise the feed of a service in this process that keeps one
    (identity, read from its table); otherwise nothing can be revoked.
    """
    if settings.identity_target is not None:
        revocations, close = remote_revocation_list(settings)
        stack.push_async_callback(close)
    else:
        sources = [module.revocation_source for module in modules if module.revocation_source is not None]
        source = sources[0](settings, pool) if sources else None
        revocations = RevocationList.from_settings(source, settings)
    revocations.start()
    stack.push_async_callback(revocations.stop)
    return revocations


def load_page_tokens(settings: Settings) -> PageTokens:
    if settings.page_token_secret is not None:
        return PageTokens(settings.page_token_secret.get_secret_value().encode())
    return PageTokens.load_or_create(settings.data_dir)


async def _start_database(settings: Settings, stack: AsyncExitStack) -> str:
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    engine = EmbeddedPostgres()
    # pgserver's start blocks (initdb, pg_ctl); keep the event loop free.
    dsn = await asyncio.to_thread(engine.start, settings.data_dir / "postgres")
    stack.push_async_callback(asyncio.to_thread, engine.stop)
    return dsn


@asynccontextmanager
async def open_runtime(settings: Settings, modules: Sequence[ServiceModule]) -> AsyncIterator[Runtime]:
    async with AsyncExitStack() as stack:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        dsn = await _start_database(settings, stack)
        pool = await create_pool(
            dsn, min_size=settings.database_pool_min, max_size=settings.database_pool_max
        )
        stack.push_async_callback(pool.close)
        await apply_migrations(pool, idempotency.SCHEMA, idempotency.MIGRATIONS)
        for module in modules:
            if module.schema and module.migrations:
                applied = await apply_migrations(pool, module.schema, module.migrations)
                if applied:
                    log.info("migrations applied", service=module.name, schema=module.schema, applied=applied)
        objects = open_object_store(settings)
        stack.push_async_callback(objects.aclose)
        runtime = Runtime(
            settings=settings,
            started_at=datetime.now(UTC),
            database=pool,
            objects=objects,
            key_set=open_key_set(settings, modules, pool, stack),
            page_tokens=load_page_tokens(settings),
            health=health_aio.HealthServicer(),
            services=tuple(name for module in modules for name in module.service_names),
            revocations=await open_revocations(settings, modules, pool, stack),
        )
        stack.push_async_callback(runtime.shutdown.aclose)
        yield runtime
