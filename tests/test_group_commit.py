"""runtime/group_commit.py: batches of concurrent writes, each caller its own answer.

Against the test PostgreSQL (a table of this test's own): what a batch
writes, that a call alone goes at once, that a bad item fails alone, that a
database failure fails the batch once, and that cancelling a caller leaves its
write to complete.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import asyncpg
import pytest

from jipan.servers.runtime.database import create_pool
from jipan.servers.runtime.group_commit import GroupCommit, grouped_fetchrow, one_item_may_be_at_fault

_INSERT = (
    "WITH added AS (INSERT INTO group_commit_test (k, v) VALUES ($1, $2)"
    " ON CONFLICT (k) DO NOTHING RETURNING v)"
    " SELECT added.v FROM (VALUES (1)) AS one LEFT JOIN added ON true"
)


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, min_size=1, max_size=4)
    table = "group_commit_test"
    async with pool.acquire() as conn:
        await conn.execute(f"DROP TABLE IF EXISTS {table}")
        await conn.execute(f"CREATE TABLE {table} (k text PRIMARY KEY, v int NOT NULL CHECK (v >= 0))")
    try:
        yield pool
    finally:
        await pool.execute(f"DROP TABLE IF EXISTS {table}")
        await pool.close()


class _Counting(GroupCommit[tuple[Any, ...], asyncpg.Record]):
    """grouped_fetchrow's GroupCommit, recording the size of every batch it sends."""

    def __init__(self, pool: asyncpg.Pool, **kwargs: Any) -> None:
        inner = grouped_fetchrow(pool, _INSERT, **kwargs)
        self.sizes: list[int] = []

        async def many(batch: list[tuple[Any, ...]]) -> Sequence[asyncpg.Record]:
            self.sizes.append(len(batch))
            return await inner._many(batch)

        async def one(args: tuple[Any, ...]) -> asyncpg.Record:
            self.sizes.append(1)
            return await inner._one(args)

        super().__init__(many, one, **kwargs)


async def test_concurrent_calls_go_in_batches_and_each_gets_its_row(pool: asyncpg.Pool) -> None:
    grouped = _Counting(pool, batch_max=8, writers=1)
    keys = [uuid.uuid4().hex for _ in range(30)]
    rows = await asyncio.gather(*(grouped.submit((key, n)) for n, key in enumerate(keys)))
    assert [row["v"] for row in rows] == list(range(30))
    assert max(grouped.sizes) == 8
    assert sum(grouped.sizes) == 30
    assert len(grouped.sizes) < 30
    stored = {row["k"]: row["v"] for row in await pool.fetch("SELECT k, v FROM group_commit_test")}
    assert stored == {key: n for n, key in enumerate(keys)}


async def test_a_call_alone_goes_at_once(pool: asyncpg.Pool) -> None:
    grouped = _Counting(pool)
    row = await grouped.submit(("alone", 7))
    assert row["v"] == 7
    assert grouped.sizes == [1]


async def test_the_same_key_twice_in_one_batch_is_written_once(pool: asyncpg.Pool) -> None:
    grouped = _Counting(pool, batch_max=8, writers=1)
    rows = await asyncio.gather(*(grouped.submit(("same", n)) for n in range(1, 6)))
    written = [row["v"] for row in rows if row["v"] is not None]
    assert len(written) == 1
    assert await pool.fetchval("SELECT v FROM group_commit_test WHERE k = 'same'") == written[0]


async def test_a_bad_item_fails_alone_and_the_rest_of_its_batch_is_written(pool: asyncpg.Pool) -> None:
    grouped = _Counting(pool, batch_max=8, writers=1)
    items = [(f"k{n}", n) for n in range(7)] + [("negative", -1)]  # breaks the CHECK
    outcomes = await asyncio.gather(*(grouped.submit(item) for item in items), return_exceptions=True)
    assert isinstance(outcomes[-1], asyncpg.CheckViolationError)
    assert [row["v"] for row in outcomes[:-1]] == list(range(7))  # type: ignore[index]
    assert await pool.fetchval("SELECT count(*) FROM group_commit_test") == 7
    assert 8 in grouped.sizes  # the batch went whole first, then item by item


async def test_a_database_failure_fails_the_batch_once_not_item_by_item() -> None:
    calls: list[int] = []

    async def many(batch: list[int]) -> Sequence[int]:
        calls.append(len(batch))
        raise ConnectionResetError("gone")

    async def one(item: int) -> int:
        calls.append(1)
        raise ConnectionResetError("gone")

    grouped: GroupCommit[int, int] = GroupCommit(many, one, batch_max=8, writers=1)
    outcomes = await asyncio.gather(*(grouped.submit(n) for n in range(8)), return_exceptions=True)
    assert all(isinstance(outcome, ConnectionResetError) for outcome in outcomes)
    assert calls == [8]


async def test_a_cancelled_caller_leaves_its_write_to_complete(pool: asyncpg.Pool) -> None:
    grouped = grouped_fetchrow(pool, _INSERT, writers=1)
    caller = asyncio.create_task(grouped.submit(("cancelled", 3)))
    await asyncio.sleep(0)  # the write has started
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    for _ in range(100):
        if await pool.fetchval("SELECT v FROM group_commit_test WHERE k = 'cancelled'") == 3:
            break
        await asyncio.sleep(0.01)
    else:
        pytest.fail("the cancelled caller's write did not complete")


@pytest.mark.parametrize(
    ("error", "item_by_item"),
    [
        (asyncpg.exceptions.NumericValueOutOfRangeError("bigint out of range"), True),
        (asyncpg.exceptions.CheckViolationError("check"), True),
        (asyncpg.exceptions.DeadlockDetectedError("deadlock"), True),
        (asyncpg.exceptions.SerializationError("serialization"), True),
        (OverflowError("int too big to convert"), True),
        (asyncpg.exceptions.ConnectionDoesNotExistError("gone"), False),
        (asyncpg.exceptions.QueryCanceledError("timeout"), False),
        (ConnectionResetError("reset"), False),
        (TimeoutError(), False),
    ],
)
def test_only_a_failure_one_item_can_cause_is_retried_item_by_item(
    error: Exception, item_by_item: bool
) -> None:
    # A lost database would fail each of a batch's items again, one timeout at a time.
    assert one_item_may_be_at_fault(error) is item_by_item
