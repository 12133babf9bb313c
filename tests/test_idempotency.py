"""request_id idempotency against real PostgreSQL: replay, reuse, races, rollback."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import asyncpg
import pytest

from jipan.servers.runtime import idempotency
from jipan.servers.runtime.database import apply_migrations, create_pool
from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.idempotency import RequestIds, scope_for


@pytest.fixture(scope="module")
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, min_size=1, max_size=30)
    await apply_migrations(pool, idempotency.SCHEMA, idempotency.MIGRATIONS)
    await pool.execute("CREATE TABLE IF NOT EXISTS public.idem_orders (id serial PRIMARY KEY, note text)")
    yield pool
    await pool.execute("DROP TABLE public.idem_orders")
    await pool.close()


async def place_order(pool: asyncpg.Pool, scope: str, request_id: str, body: bytes) -> bytes:
    """A stand-in write: one order row per non-replayed call, response = its id."""
    ids = RequestIds()
    async with pool.acquire() as conn, conn.transaction():
        first = await ids.claim(conn, scope, request_id, body)
        if first is not None:
            return first
        order_id = await conn.fetchval(
            "INSERT INTO public.idem_orders (note) VALUES ($1) RETURNING id", scope
        )
        response = f"order-{order_id}".encode()
        await ids.record(conn, scope, request_id, response)
        return response


async def orders_for(pool: asyncpg.Pool, scope: str) -> int:
    count: int = await pool.fetchval("SELECT count(*) FROM public.idem_orders WHERE note = $1", scope)
    return count


async def test_replay_returns_first_response(pool: asyncpg.Pool) -> None:
    scope, key = scope_for("/x.v1.S/PlaceOrder", f"people/{uuid.uuid4()}"), str(uuid.uuid4())
    first = await place_order(pool, scope, key, b"qty=1")
    again = await place_order(pool, scope, key, b"qty=1")
    assert first == again
    assert await orders_for(pool, scope) == 1


async def test_same_key_different_body_is_rejected_and_stores_nothing(pool: asyncpg.Pool) -> None:
    scope, key = scope_for("/x.v1.S/PlaceOrder", f"people/{uuid.uuid4()}"), str(uuid.uuid4())
    await place_order(pool, scope, key, b"qty=1")
    with pytest.raises(InvalidArgument) as caught:
        await place_order(pool, scope, key, b"qty=2")
    assert caught.value.reason == "REQUEST_ID_REUSED"
    assert await orders_for(pool, scope) == 1


async def test_keys_are_per_caller(pool: asyncpg.Pool) -> None:
    key = str(uuid.uuid4())
    a = scope_for("/x.v1.S/PlaceOrder", f"people/a-{key}")
    b = scope_for("/x.v1.S/PlaceOrder", f"people/b-{key}")
    assert await place_order(pool, a, key, b"x") != await place_order(pool, b, key, b"x")


async def test_concurrent_duplicates_write_once(pool: asyncpg.Pool) -> None:
    scope, key = scope_for("/x.v1.S/PlaceOrder", f"people/{uuid.uuid4()}"), str(uuid.uuid4())
    responses = await asyncio.gather(*(place_order(pool, scope, key, b"same") for _ in range(20)))
    assert len(set(responses)) == 1
    assert await orders_for(pool, scope) == 1


async def test_rolled_back_first_attempt_leaves_the_key_free(pool: asyncpg.Pool) -> None:
    scope, key = scope_for("/x.v1.S/PlaceOrder", f"people/{uuid.uuid4()}"), str(uuid.uuid4())
    ids = RequestIds()

    async def claim_then_fail() -> None:
        async with pool.acquire() as conn, conn.transaction():
            assert await ids.claim(conn, scope, key, b"body") is None
            raise RuntimeError("write failed after claiming")

    with pytest.raises(RuntimeError):
        await claim_then_fail()
    response = await place_order(pool, scope, key, b"body")
    assert response.startswith(b"order-")
    assert await orders_for(pool, scope) == 1


async def test_request_id_must_be_a_uuid(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn, conn.transaction():
        with pytest.raises(InvalidArgument) as caught:
            await RequestIds().claim(conn, "s", "not-a-uuid", b"")
    assert caught.value.reason == "FIELD_INVALID"


async def test_purge_forgets_old_keys(pool: asyncpg.Pool) -> None:
    scope, key = scope_for("/x.v1.S/Purge", f"people/{uuid.uuid4()}"), str(uuid.uuid4())
    await place_order(pool, scope, key, b"x")
    await pool.execute(
        "UPDATE jipan_runtime.request_ids SET created_at = now() - interval '3 days' WHERE scope = $1", scope
    )
    assert await RequestIds().purge(pool, timedelta(days=1)) >= 1
    await place_order(pool, scope, key, b"different body is fine once forgotten")
    assert await orders_for(pool, scope) == 2
