"""ListOperations (AIP-151, AIP-158): the caller's OCR operations and its organisation's, newest
first, paged, filtered on done; another organisation's never appear.

Against real PostgreSQL and the real operations code; the model calls are fakes (one that never
answers keeps an operation running, one that answers an empty page finishes it), so no model
needs deploying. Over gRPC the auth matrix and the fuzz suites walk the method too.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest

from jipan.interceptors.context import Principal
from jipan.servers.document.domain import Operation, TextExtraction
from jipan.servers.document.gateway import ModelOutput
from jipan.servers.document.operations import TextExtractionOperations
from jipan.servers.document.store import MIGRATIONS, SCHEMA, DocumentStore
from jipan.servers.runtime.database import apply_migrations, create_pool
from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.idempotency import MIGRATIONS as IDEMPOTENCY_MIGRATIONS
from jipan.servers.runtime.idempotency import SCHEMA as IDEMPOTENCY_SCHEMA
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.pagination import PageTokens
from tests.conftest import fresh_database
from tests.document.pdf_closes import spy_on_pdf_closes
from tests.document.rendered import encoded, page, pdf_of

pytestmark = pytest.mark.timeout(120)


def person(subject: str, org: str | None) -> Principal:
    return Principal(
        subject=subject,
        issuer="test",
        audiences=(),
        expires_at=datetime.max.replace(tzinfo=UTC),
        token_id="",
        org=org,
    )


class Gated:
    """A gateway whose model calls wait until `release` is set; then an empty probability map."""

    def __init__(self) -> None:
        self.release = asyncio.Event()

    async def infer(self, model: str, tensor: Any) -> Any:
        await self.release.wait()
        return ModelOutput(np.zeros((1, 1, *tensor.shape[2:]), np.float32), "models/d/versions/1")


@pytest.fixture
async def operations(database_url: str) -> AsyncIterator[tuple[TextExtractionOperations, Gated]]:
    async with fresh_database(database_url, "jipan_document_list") as own:
        pool = await create_pool(own, min_size=1, max_size=4)
        try:
            await apply_migrations(pool, SCHEMA, MIGRATIONS)
            await apply_migrations(pool, IDEMPOTENCY_SCHEMA, IDEMPOTENCY_MIGRATIONS)
            gated = Gated()
            ops = TextExtractionOperations(
                TextExtraction(gated), DocumentStore(pool), RequestIds(), PageTokens(b"k" * 32), max_reading=8
            )
            try:
                yield ops, gated
            finally:
                gated.release.set()
                await ops.close()
        finally:
            await pool.close()


async def listed(
    ops: TextExtractionOperations, who: Principal, *, done: bool | None = None, page_size: int = 0
) -> list[Operation]:
    """Every page, in order."""
    seen: list[Operation] = []
    token = ""
    while True:
        items, token = await ops.list(who, done=done, page_size=page_size, page_token=token)
        seen.extend(items)
        if not token:
            return seen


async def test_the_callers_and_its_organisations_operations_newest_first_never_anothers(
    operations: tuple[TextExtractionOperations, Gated],
) -> None:
    ops, gated = operations
    alice, bob = person("people/alice", "orgs/a"), person("people/bob", "orgs/a")
    eve, loner = person("people/eve", "orgs/b"), person("people/loner", None)
    picture = encoded(page(("x",)))
    started: dict[str, list[str]] = {"alice": [], "bob": [], "eve": [], "loner": []}
    for who, key in ((alice, "alice"), (eve, "eve"), (bob, "bob"), (alice, "alice"), (loner, "loner")):
        for _ in range(2):
            started[key].append((await ops.start(who, picture, "", [], "")).id)
    org_a = started["alice"][:2] + started["bob"] + started["alice"][2:]  # in the order started
    newest_first = list(reversed(org_a))

    # All running (the model calls wait): one page or pages of two give the same, newest first.
    assert [op.id for op in await listed(ops, alice)] == newest_first
    assert [op.id for op in await listed(ops, bob, page_size=2)] == newest_first
    assert [op.id for op in await listed(ops, eve, page_size=1)] == list(reversed(started["eve"]))
    # Without an organisation, only one's own.
    assert [op.id for op in await listed(ops, loner)] == list(reversed(started["loner"]))
    assert await listed(ops, alice, done=True) == []

    gated.release.set()
    for op_id in org_a + started["eve"] + started["loner"]:
        await ops.wait(op_id)
    finished = await listed(ops, alice, done=True, page_size=3)
    assert [op.id for op in finished] == newest_first
    assert all(op.done and op.error is None and op.result is None for op in finished)  # no text listed
    assert await listed(ops, alice, done=False) == []
    assert not {op.id for op in await listed(ops, eve)} & set(org_a)
    # GetOperation still returns the text.
    got = await ops.get(alice, f"operations/{org_a[0]}")
    assert got.result is not None


async def test_a_page_token_is_bound_to_its_query_and_caller(
    operations: tuple[TextExtractionOperations, Gated],
) -> None:
    ops, _ = operations
    alice, eve = person("people/alice", "orgs/a"), person("people/eve", "orgs/b")
    for _ in range(3):
        await ops.start(alice, encoded(page(("x",))), "", [], "")
    first, token = await ops.list(alice, done=None, page_size=1, page_token="")
    assert len(first) == 1
    assert token
    for who, done, bad in ((alice, False, token), (eve, None, token), (alice, None, token[:-2] + "xx")):
        with pytest.raises(InvalidArgument) as caught:
            await ops.list(who, done=done, page_size=1, page_token=bad)
        assert caught.value.reason == "PAGE_TOKEN_INVALID"
    with pytest.raises(InvalidArgument):
        await ops.list(alice, done=None, page_size=-1, page_token="")


async def test_an_operation_cancelled_by_shutdown_before_it_began_closes_its_pdf_and_ends(
    operations: tuple[TextExtractionOperations, Gated], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shutdown runs in the same loop turn as a start that has just spawned its operation: the
    task is cancelled before its first step, so none of its body (nor its finally) ever runs. The
    opened PDF must still be closed under PDFium's lock, and the operation end as interrupted."""
    ops, _ = operations
    closes = spy_on_pdf_closes(monkeypatch)
    inserted, gate, closer_waiting = asyncio.Event(), asyncio.Event(), asyncio.Event()
    insert = ops._insert

    async def gated_insert(*args: Any) -> tuple[str, bool]:
        done = await insert(*args)
        inserted.set()
        await gate.wait()  # woken first: start() then spawns with no await in between
        return done

    async def shutdown() -> None:
        closer_waiting.set()
        await gate.wait()  # woken second, in the same turn, before the spawned task's first step
        await ops.close()

    monkeypatch.setattr(ops, "_insert", gated_insert)
    starting = asyncio.create_task(
        ops.start(person("people/alice", "orgs/a"), pdf_of(page(("x",))), "", [], "")
    )
    await inserted.wait()
    closing = asyncio.create_task(shutdown())
    await closer_waiting.wait()
    gate.set()
    operation = await starting
    await closing
    assert closes.closed.is_set(), "the PDF was left to the garbage collector"
    assert closes.locked == [True]
    ended = await ops._store.get_operation(operation.id)
    assert ended is not None
    assert ended.done
    assert ended.error is not None
    assert ended.error.reason == "OPERATION_INTERRUPTED"
