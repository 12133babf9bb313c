"""Two writers (replicas of one mesh) extend one chain per peer pair, never fork it.

Each writer caches the chain head it last wrote and appends its next flush
in one statement that moves the head only if it is still that one. When the
other replica moved it in between, that statement must insert nothing and
the writer must re-read the head under its lock and chain after it.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import asyncpg

from jipan.servers.federation import store as store_module
from jipan.servers.federation.messagelog import MessageLog, load_log_key
from jipan.servers.federation.verify import verify_chain
from jipan.servers.runtime.database import apply_migrations
from jipan.servers.runtime.pagination import PageTokens
from tests.conftest import fresh_database
from tests.federation.test_log_migration import (
    ORG,
    PARENT,
    SEALING_KEY,
    RecordingAnchor,
    _record,
    add_peer,
)


async def test_two_writers_interleaving_flushes_extend_one_chain(database_url: str, tmp_path: Path) -> None:
    async with fresh_database(database_url, "jipan_fed_writers") as dsn:
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
        assert pool is not None
        try:
            await apply_migrations(pool, "federation", store_module.MIGRATIONS)
            await add_peer(pool, uuid.uuid4())
            anchor = RecordingAnchor()
            first, second = (
                MessageLog(
                    pool,
                    lambda: load_log_key(pool, SEALING_KEY),
                    anchor,
                    PageTokens(b"k" * 32),
                    anchor_interval_s=60,
                )
                for _ in range(2)
            )
            n = 0
            # first, first (cached head, one statement), second (starts), first (its cache is stale),
            # second, second, first: each flush three records.
            for writer in (first, first, second, first, second, second, first):
                for _ in range(3):
                    n += 1
                    writer.record(_record(n))
                assert await writer.flush() == 3

            page = await first.list_entries(f"orgs/{ORG}", PARENT, 100, "")
            assert [e.sequence for e in page.items] == list(range(1, 22))
            # Each writer's records in the order it flushed them, with no sequence taken twice.
            assert [e.fields()["request_id"] for e in page.items] == [f"request-{i}" for i in range(1, 22)]
            key = await first.key()
            assert verify_chain([e.signed() for e in page.items], {key.kid: key.public_key}) == 21
            head = await pool.fetchrow("SELECT sequence, entry_hash FROM federation.log_heads")
            assert head is not None
            assert head["sequence"] == 21
            assert bytes(head["entry_hash"]) == page.items[-1].entry_hash
            assert await pool.fetchval("SELECT count(*) FROM federation.log_signatures") == 7
            assert await first.anchor_pending() == 21
        finally:
            await pool.close()
