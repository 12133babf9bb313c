"""Group commit: concurrent writes of one kind sent to PostgreSQL together.

A write that each RPC makes once (an order placed, a sign-in recorded) costs,
sent alone, one pool acquire and release, one round trip and one commit. When
many callers make it at once, a `GroupCommit` sends the ones that arrived
while the previous batch was being written as one batch: one acquire, one
round trip, one commit. Nobody waits for a batch to fill: a call that finds a
writer free goes at once (alone, if it is alone); the batches grow only as
far as the load makes calls queue behind the writers.

Each caller is answered after the commit that wrote its item. A batch is
atomic (one statement, or asyncpg's `fetchmany`, which runs its executions
in one transaction), so when it fails nothing of it was written: if the
failure may be one item's fault (a value asyncpg cannot encode, a data
exception or constraint violation, a deadlock or serialization failure
between concurrent batches) each item is retried alone and the bad one fails
alone; anything else (a lost connection, a timeout) fails every caller of the
batch at once instead of once per item.

`grouped_fetchrow` is the common case: one SQL text whose every execution
returns exactly one row, batched with `fetchmany`.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import asyncpg

T = TypeVar("T")
R = TypeVar("R")

BATCH_MAX = 64
WRITERS = 2

# SQLSTATE classes of failures that one execution of a batch can cause alone:
# 22 data exception, 23 integrity constraint violation, 40 transaction
# rollback (deadlock or serialization failure between two batches).
_ITEM_FAULT_CLASSES = frozenset({"22", "23", "40"})


def one_item_may_be_at_fault(exc: BaseException) -> bool:
    """Whether a failed batch may owe its failure to one of its items (see the module's doc)."""
    if isinstance(exc, asyncpg.PostgresError):
        return str(exc.sqlstate or "")[:2] in _ITEM_FAULT_CLASSES
    return isinstance(exc, ValueError | TypeError | OverflowError)


@dataclass(slots=True)
class _Pending(Generic[T, R]):
    item: T
    done: asyncio.Future[R]


class GroupCommit(Generic[T, R]):
    """Batches concurrent `submit` calls: `many` writes a batch (atomically) and
    returns one result per item, in order; `one` writes a single item."""

    def __init__(
        self,
        many: Callable[[list[T]], Awaitable[Sequence[R]]],
        one: Callable[[T], Awaitable[R]],
        *,
        batch_max: int = BATCH_MAX,
        writers: int = WRITERS,
    ) -> None:
        if batch_max < 1 or writers < 1:
            raise ValueError("batch_max and writers must be at least 1")
        self._many = many
        self._one = one
        self._batch_max = batch_max
        self._writers = writers
        self._queue: deque[_Pending[T, R]] = deque()
        self._writing = 0
        self._tasks: set[asyncio.Task[None]] = set()

    async def submit(self, item: T) -> R:
        loop = asyncio.get_running_loop()
        pending: _Pending[T, R] = _Pending(item, loop.create_future())
        self._queue.append(pending)
        if self._writing < self._writers:
            self._writing += 1
            task = loop.create_task(self._write())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        # Not cancelled with the caller: the item may be committing already (a
        # caller that retries with the same idempotency key finds it).
        return await asyncio.shield(pending.done)

    async def _write(self) -> None:
        try:
            while self._queue:
                batch = [self._queue.popleft() for _ in range(min(len(self._queue), self._batch_max))]
                results: list[R | BaseException]
                try:
                    if len(batch) == 1:
                        results = [await self._one(batch[0].item)]
                    else:
                        results = list(await self._many([pending.item for pending in batch]))
                        if len(results) != len(batch):
                            raise RuntimeError(f"a batch of {len(batch)} gave {len(results)} results")
                except asyncio.CancelledError:
                    for pending in batch:
                        pending.done.cancel()
                    raise
                except Exception as exc:
                    if len(batch) > 1 and one_item_may_be_at_fault(exc):
                        results = await self._each(batch)
                    else:
                        results = [exc] * len(batch)
                for pending, result in zip(batch, results, strict=True):
                    if pending.done.done():
                        continue
                    if isinstance(result, BaseException):
                        pending.done.set_exception(result)
                    else:
                        pending.done.set_result(result)
        finally:
            self._writing -= 1

    async def _each(self, batch: list[_Pending[T, R]]) -> list[R | BaseException]:
        results: list[R | BaseException] = []
        for pending in batch:
            try:
                results.append(await self._one(pending.item))
            except Exception as exc:
                results.append(exc)
        return results


def grouped_fetchrow(
    pool: asyncpg.Pool, sql: str, *, batch_max: int = BATCH_MAX, writers: int = WRITERS
) -> GroupCommit[tuple[Any, ...], asyncpg.Record]:
    """`sql` executed once per submitted argument tuple, batched with `fetchmany`
    (one round trip, one transaction). Every execution of `sql` must return
    exactly one row (wrap an UPDATE ... RETURNING that may match nothing as
    `SELECT ... FROM (VALUES (1)) AS one LEFT JOIN cte ON true`): the rows of a
    batch come back as one list, matched to the callers by position."""

    async def many(batch: list[tuple[Any, ...]]) -> Sequence[asyncpg.Record]:
        return await pool.fetchmany(sql, batch)

    async def one(args: tuple[Any, ...]) -> asyncpg.Record:
        row = await pool.fetchrow(sql, *args)
        if row is None:
            raise RuntimeError("a grouped statement returned no row")
        return row

    return GroupCommit(many, one, batch_max=batch_max, writers=writers)
