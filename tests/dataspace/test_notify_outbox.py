"""The provider mesh's NotifyNegotiation outbox (notifications.py, federated.Connector): each
version is sent once per attempt, never by two senders at the same time.

Against real PostgreSQL and the real outbox; the other mesh is a fake that records each
NotifyNegotiation (the two-mesh tests in test_two_meshes.py send them for real).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest

from jipan.interceptors.context import Principal
from jipan.servers.dataspace import MIGRATIONS, SCHEMA
from jipan.servers.dataspace.federated import Connector
from jipan.servers.dataspace.negotiation.types import Negotiation, State
from jipan.servers.dataspace.notifications import Backoff, NotificationStore
from jipan.servers.runtime.database import apply_migrations, create_pool
from tests.conftest import fresh_database

pytestmark = pytest.mark.timeout(120)

PROVIDER = "orgs/provider"
FEDERATION_PEER = "peers/mesh-a"
SOON = datetime.now(UTC) + timedelta(hours=1)


@dataclass
class _PeerConfig:
    federation_peer: str


@dataclass
class FakeMeshes:
    """The consumer's mesh: records each NotifyNegotiation and lets `answer` decide when it returns."""

    answer: Callable[[], Awaitable[object]]
    peers: dict[str, _PeerConfig] = field(default_factory=lambda: {"mesh-a": _PeerConfig(FEDERATION_PEER)})
    calls: list[str] = field(default_factory=list)

    async def call(self, peer: str, token: str, method: str, send: Any) -> None:
        self.calls.append(method)
        await self.answer()


@dataclass
class FakeNegotiationStore:
    negotiations: dict[uuid.UUID, Negotiation] = field(default_factory=dict)

    async def get(self, negotiation: uuid.UUID) -> Negotiation | None:
        return self.negotiations.get(negotiation)

    async def get_agreement(self, agreement: uuid.UUID) -> None:
        return None


@dataclass
class FakeNegotiations:
    store: FakeNegotiationStore = field(default_factory=FakeNegotiationStore)


def negotiation() -> Negotiation:
    now = datetime.now(UTC)
    return Negotiation(
        id=uuid.uuid4(),
        dataset_publisher=PROVIDER,
        dataset_id="d",
        offer_id="o",
        provider=PROVIDER,
        consumer="orgs/consumer",
        state=next(iter(State)),
        policy="{}",
        policy_sha256=b"\0" * 32,
        last_actor="provider",
        last_message="",
        agreement=None,
        termination_code="",
        termination_reason="",
        create_time=now,
        update_time=now,
        peer=FEDERATION_PEER,
    )


def provider_caller() -> Principal:
    return Principal(
        subject="people/p", issuer="test", audiences=(), expires_at=SOON, token_id="t", org=PROVIDER
    )


@pytest.fixture
async def outbox(database_url: str) -> AsyncIterator[NotificationStore]:
    async with fresh_database(database_url, "jipan_dataspace_outbox") as own:
        pool = await create_pool(own, min_size=1, max_size=8)
        try:
            await apply_migrations(pool, SCHEMA, MIGRATIONS)
            # The negotiations live in the fake store here, not in this database.
            await pool.execute(
                "ALTER TABLE dataspace.negotiation_notifications"
                " DROP CONSTRAINT negotiation_notifications_negotiation_fkey"
            )
            yield NotificationStore(pool)
        finally:
            await pool.close()


def connector(outbox: NotificationStore, meshes: FakeMeshes, negotiations: FakeNegotiations) -> Connector:
    return Connector(cast(Any, negotiations), cast(Any, meshes), outbox, Backoff(base_s=0.01, max_s=0.01))


async def test_a_notification_being_delivered_inline_is_not_sent_again_by_the_retries(
    outbox: NotificationStore,
) -> None:
    answered = asyncio.Event()
    meshes = FakeMeshes(answered.wait)
    negotiations = FakeNegotiations()
    sent = negotiation()
    negotiations.store.negotiations[sent.id] = sent
    provider = connector(outbox, meshes, negotiations)
    inline = asyncio.create_task(provider.notify(provider_caller(), "token", sent))
    try:
        while not meshes.calls:  # the inline delivery is in flight, the consumer's mesh not answering yet
            assert not inline.done(), inline
            await asyncio.sleep(0.01)
        assert await provider.retry_due() == 0
        assert meshes.calls == ["NotifyNegotiation"]
    finally:
        answered.set()
        await inline
    assert await provider.retry_due() == 0  # delivered inline: nothing left to retry
    assert meshes.calls == ["NotifyNegotiation"]


async def test_without_a_token_to_send_with_the_notification_is_due_for_the_retries_at_once(
    outbox: NotificationStore,
) -> None:
    async def answer() -> None:
        return None

    meshes = FakeMeshes(answer)
    negotiations = FakeNegotiations()
    sent = negotiation()
    negotiations.store.negotiations[sent.id] = sent
    provider = connector(outbox, meshes, negotiations)
    await provider.notify(provider_caller(), "", sent)  # no token: nothing sent inline
    assert meshes.calls == []
    later = connector(outbox, meshes, negotiations)  # e.g. another replica, holding a token
    await later._remember(PROVIDER, "token", SOON)
    assert await later.retry_due() == 1
    assert meshes.calls == ["NotifyNegotiation"]


async def test_claimed_notifications_are_attempted_side_by_side_within_their_lease(
    outbox: NotificationStore,
) -> None:
    """One after another, meshes that do not answer would outlast the claim's lease and let
    another replica claim and send the rest: the claimed rows are attempted together."""
    pending = 3
    all_in_flight = asyncio.Event()
    in_flight = 0

    async def answer_once_all_are_in_flight() -> None:
        nonlocal in_flight
        in_flight += 1
        if in_flight == pending:
            all_in_flight.set()
        await asyncio.wait_for(all_in_flight.wait(), 3)

    meshes = FakeMeshes(answer_once_all_are_in_flight)
    negotiations = FakeNegotiations()
    provider = connector(outbox, meshes, negotiations)
    await provider._remember(PROVIDER, "token", SOON)
    for _ in range(pending):
        sent = negotiation()
        negotiations.store.negotiations[sent.id] = sent
        await outbox.enqueue(sent.id, "mesh-a", PROVIDER, sent.update_time)
    assert await provider.retry_due() == pending
    assert len(meshes.calls) == pending
