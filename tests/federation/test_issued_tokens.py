"""An exchanged token is recorded (so a suspension or withdrawal revokes it) or not handed out.

The exchange reads the peer and its approvals, then mints the token; a
SuspendPeer or DeleteApproval committing in between revokes the tokens
recorded so far, which cannot include this one yet. Recording re-reads both
(FOR SHARE) and refuses: forced here by committing the suspension or the
withdrawal between the reads and the recording.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

import asyncpg
import pytest_asyncio

from jipan.servers.federation import store as store_module
from jipan.servers.federation.store import FederationStore
from jipan.servers.federation.types import Approval, Peer, PeerState
from jipan.servers.runtime.database import apply_migrations
from tests.conftest import fresh_database
from tests.federation.test_log_migration import ORG, PEER, add_peer

CONSUMER = "services/payroll-sync"
WHOAMI = "/jipan.system.v1.SystemService/GetWhoAmI"


@pytest_asyncio.fixture
async def store(database_url: str) -> AsyncIterator[FederationStore]:
    async with fresh_database(database_url, "jipan_fed_issued") as dsn:
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
        assert pool is not None
        try:
            await apply_migrations(pool, "federation", store_module.MIGRATIONS)
            await add_peer(pool, uuid.uuid4())
            yield FederationStore(pool)
        finally:
            await pool.close()


async def _read(store: FederationStore, approval_id: str = "whoami") -> tuple[uuid.UUID, list[Approval]]:
    """What the exchange reads before it mints: the peer and the caller's approvals (made if missing)."""
    peer_id = await store.pool.fetchval(
        "SELECT id FROM federation.peers WHERE org_id = $1 AND peer_id = $2", ORG, PEER
    )
    await store.pool.execute(
        "INSERT INTO federation.approvals (peer, approval_id, consumer, methods, approver)"
        " VALUES ($1, $2, $3, $4, 'people/admin') ON CONFLICT DO NOTHING",
        peer_id,
        approval_id,
        CONSUMER,
        [WHOAMI],
    )
    # approvals_for reads the peer's ids only (add_peer's bundle is not a whole one).
    peer = cast(Peer, SimpleNamespace(id=peer_id, org_id=ORG, peer_id=PEER))
    approvals = await store.approvals_for(peer, [CONSUMER])
    assert approvals
    return peer_id, approvals


async def _suspend(conn: Any, peer: uuid.UUID) -> None:
    """SuspendPeer's state change (store.set_state, without reading back add_peer's partial bundle)."""
    await conn.execute(
        "UPDATE federation.peers SET state = $2 WHERE id = $1", peer, PeerState.SUSPENDED.value
    )


def _expiry() -> datetime:
    return datetime.now(UTC) + timedelta(minutes=5)


async def _issued(store: FederationStore) -> list[str]:
    return [row["jti"] for row in await store.pool.fetch("SELECT jti FROM federation.issued_tokens")]


async def test_a_suspension_between_the_reads_and_the_recording_refuses_the_token(
    store: FederationStore,
) -> None:
    peer, approvals = await _read(store)
    async with store.pool.acquire() as conn, conn.transaction():  # SuspendPeer, between the two
        await _suspend(conn, peer)
        assert await store.take_live_tokens(conn, peer, None) == []
    assert await store.record_issued("jti-1", peer, approvals, _expiry()) == "peer_not_active"
    assert await _issued(store) == []


async def test_a_withdrawal_between_the_reads_and_the_recording_refuses_the_token(
    store: FederationStore,
) -> None:
    peer, approvals = await _read(store)
    async with store.pool.acquire() as conn, conn.transaction():  # DeleteApproval, between the two
        assert await store.delete_approval(conn, peer, "whoami")
        assert await store.take_live_tokens(conn, peer, "whoami") == []
    assert await store.record_issued("jti-1", peer, approvals, _expiry()) == "approval_withdrawn"
    # Made again under the same id (perhaps for other methods): not the approval the token was minted under.
    await _read(store)
    assert await store.record_issued("jti-2", peer, approvals, _expiry()) == "approval_withdrawn"
    assert await _issued(store) == []


async def test_a_token_recorded_first_is_revoked_by_the_suspension_after_it(store: FederationStore) -> None:
    peer, approvals = await _read(store)
    assert await store.record_issued("jti-1", peer, approvals, _expiry()) == "recorded"
    async with store.pool.acquire() as conn, conn.transaction():
        await _suspend(conn, peer)
        assert [jti for jti, _ in await store.take_live_tokens(conn, peer, None)] == ["jti-1"]
