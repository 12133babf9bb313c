"""Security events anchored on the ledger: identity submits each event's digest to a real
ledger server (in-process EVM) over LedgerService.AnchorDigests and lists the receipt with
the event; the digest is recomputed here from the event as a reader sees it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import socket
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import UTC

import grpc
import pytest
from google.protobuf.json_format import MessageToDict

from jipan.identity.v1 import resources_pb2 as res
from jipan.identity.v1 import security_event_service_pb2 as ev_pb
from jipan.identity.v1 import security_event_service_pb2_grpc as ev_grpc
from jipan.interceptors.tokens import mint_access_token
from jipan.ledger.v1 import ledger_service_pb2 as led_pb
from jipan.ledger.v1 import ledger_service_pb2_grpc as led_grpc
from jipan.ledger.v1 import resources_pb2 as led_res
from jipan.servers import identity, ledger, system
from jipan.servers.identity.anchoring import SecurityEventAnchoring
from jipan.servers.identity.events import event_digest, event_from_row
from jipan.servers.identity.ledger_anchor import IDENTITY_SUBJECT
from jipan.servers.runtime.database import apply_migrations, create_pool
from tests.mesh import RunningServer, make_settings, running_server
from tests.test_identity import ORIGIN, RP_ID, bearer, register, sign_in, unique
from tests.test_revocation import fresh_database
from tests.webauthn_soft import SoftAuthenticator


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
async def mesh(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[RunningServer, RunningServer]]:
    """identity, anchoring on a ledger server that trusts identity's keys (each knows the other's address)."""
    ledger_port = free_port()
    async with fresh_database(database_url, "jipan_anchoring") as dsn:
        identity_settings = make_settings(
            dsn,
            tmp_path_factory.mktemp("identity-anchoring"),
            JIPAN_WEBAUTHN_RP_ID=RP_ID,
            JIPAN_WEBAUTHN_ORIGINS=ORIGIN,
            JIPAN_SECURITY_EVENT_LEDGER_TARGET=f"127.0.0.1:{ledger_port}",
            JIPAN_SECURITY_EVENT_ANCHOR_INTERVAL_S="0.3",
        )
        async with running_server(identity_settings, [system.SERVICE, identity.build_module()]) as id_server:
            ledger_settings = make_settings(
                dsn,
                tmp_path_factory.mktemp("ledger-anchoring"),
                JIPAN_LISTEN=f"127.0.0.1:{ledger_port}",
                JIPAN_IDENTITY_TARGET=id_server.address,
                JIPAN_LEDGER_BATCH_WINDOW_S="0.1",
            )
            async with running_server(ledger_settings, [system.SERVICE, ledger.SERVICE]) as ledger_server:
                yield id_server, ledger_server


def canonical_digest(event: res.SecurityEvent) -> bytes:
    """SecurityEvent.digest as its proto comment defines it, from the listed event alone."""
    kind = res.SecurityEventKind.Name(event.kind).removeprefix("SECURITY_EVENT_KIND_").lower()
    document = {
        "create_time": event.create_time.ToDatetime(tzinfo=UTC).isoformat(timespec="microseconds"),
        "details": dict(event.details),
        "kind": kind,
        "name": event.name,
        "reason": event.reason,
    }
    encoded = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).digest()


async def anchored_events(
    channel: grpc.aio.Channel, person: str, token: str, count: int, timeout_s: float = 20
) -> Sequence[res.SecurityEvent]:
    deadline = time.monotonic() + timeout_s
    while True:
        listed = await ev_grpc.SecurityEventServiceStub(channel).ListSecurityEvents(
            ev_pb.ListSecurityEventsRequest(parent=person), metadata=bearer(token)
        )
        events = list(listed.security_events)
        if len(events) >= count and all(e.anchor_receipt for e in events):
            return events
        assert time.monotonic() < deadline, MessageToDict(listed)
        await asyncio.sleep(0.2)


async def test_security_events_are_anchored_on_the_ledger_with_their_receipts(
    mesh: tuple[RunningServer, RunningServer],
) -> None:
    id_server, ledger_server = mesh
    authenticator = SoftAuthenticator(ORIGIN)
    async with grpc.aio.insecure_channel(id_server.address) as channel:
        person = await register(channel, authenticator, unique("anchored"))
        token = (await sign_in(channel, authenticator)).access_token
        events = await anchored_events(channel, person.name, token, 2)
    assert {e.kind for e in events} >= {
        res.SECURITY_EVENT_KIND_PASSKEY_REGISTERED,
        res.SECURITY_EVENT_KIND_SIGNED_IN,
    }
    for event in events:
        assert event.digest == canonical_digest(event)
        assert event.anchor_receipt.startswith("receipts/")

    # The ledger holds those digests, submitted by identity, and confirms them on the chain.
    key = await identity.signing_key_ring(id_server.runtime).signing_key()
    reader = mint_access_token(
        key,
        subject="services/auditor",
        audience=ledger_server.settings.token_audience,
        issuer=ledger_server.settings.token_issuer,
        scopes=["ledger.read"],
    )
    async with grpc.aio.insecure_channel(ledger_server.address) as channel:
        stub = led_grpc.LedgerServiceStub(channel)
        deadline = time.monotonic() + 30
        for event in events:
            while True:
                receipt = (
                    await stub.GetReceipt(
                        led_pb.GetReceiptRequest(name=event.anchor_receipt), metadata=bearer(reader)
                    )
                ).receipt
                if receipt.state == led_res.RECEIPT_STATE_CONFIRMED:
                    break
                assert time.monotonic() < deadline, receipt
                await asyncio.sleep(0.2)
            assert (receipt.digest, receipt.submitter) == (event.digest, IDENTITY_SUBJECT)
            assert dict(receipt.metadata) == {"source": "jipan.identity.security_event"}
            verified = await stub.VerifyDigest(
                led_pb.VerifyDigestRequest(digest=event.digest, submitter=IDENTITY_SUBJECT),
                metadata=bearer(reader),
            )
            assert verified.anchored


async def test_events_stay_unanchored_while_the_ledger_fails_and_are_retried(database_url: str) -> None:
    """The job alone, over identity's schema in a database no server runs on."""
    async with fresh_database(database_url, "jipan_anchoring_job") as dsn:
        pool = await create_pool(dsn, min_size=1, max_size=2)
        try:
            await apply_migrations(pool, identity.SCHEMA, identity.MIGRATIONS)
            for kind in ("sign_in_failed", "signed_in", "consent_granted"):
                await pool.execute(
                    "INSERT INTO identity.security_events (person_id, kind, detail) VALUES (NULL, $1, $2)",
                    kind,
                    {"n": kind},
                )
            submitted: list[bytes] = []
            failing = True

            async def anchor(items: Sequence[tuple[bytes, Mapping[str, str]]]) -> list[str]:
                if failing:
                    raise ConnectionError("ledger unreachable")
                submitted.extend(digest for digest, _ in items)
                return [f"receipts/{len(submitted) - len(items) + i}" for i in range(len(items))]

            job = SecurityEventAnchoring(pool, anchor, interval_s=60, batch_size=2)
            with pytest.raises(ConnectionError):
                await job.anchor_pending()
            assert (
                await pool.fetchval(
                    "SELECT count(*) FROM identity.security_events WHERE anchor_receipt IS NULL"
                )
                == 3
            )
            failing = False
            assert await job.anchor_pending() == 3  # two batches: 2 + 1
            rows = await pool.fetch("SELECT * FROM identity.security_events ORDER BY id")
            assert [row["anchor_receipt"] for row in rows] == ["receipts/0", "receipts/1", "receipts/2"]
            assert submitted == [event_digest(event_from_row(row)) for row in rows]
            assert await job.anchor_pending() == 0
        finally:
            await pool.close()
