"""The chain's federation stage logs every shape of federated call, with the digests the consumer's
egress computes for the same messages (servers/federation/egress.py), without a server."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest

from jipan.interceptors import federation as stage
from jipan.interceptors.context import Principal, principal_var, request_id_var
from jipan.interceptors.rpc import MethodPlan, RpcCall
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import resources_pb2 as lres
from jipan.servers.federation.egress import _StreamDigest, digest
from jipan.servers.runtime.errors import NotFound, PermissionDenied

METHOD = "/jipan.ledger.v1.LedgerService/WatchAnchors"
PEER = "orgs/agency-b/peers/agency-a"


class _Context:
    def code(self) -> None:
        return None


class _Call:
    context = _Context()


CALL = cast(RpcCall, _Call())


@pytest.fixture
def records() -> Iterator[list[stage.ExchangeRecord]]:
    logged: list[stage.ExchangeRecord] = []
    previous = stage.exchange_recorder()
    stage.set_exchange_recorder(logged.append, "https://identity.b")
    principal = Principal(
        subject=PEER,
        issuer="https://identity.b",
        audiences=("mesh-b",),
        expires_at=datetime.now(UTC) + timedelta(minutes=5),
        token_id="t-1",
        org="orgs/agency-b",
        claims={
            "fed": {"peer": PEER, "peer_issuer": "https://identity.a", "methods": [METHOD]},
            "act": {"sub": "services/anchor-dashboard"},
        },
    )
    token = principal_var.set(principal)
    request_token = request_id_var.set("request-1")
    try:
        yield logged
    finally:
        principal_var.reset(token)
        request_id_var.reset(request_token)
        stage.set_exchange_recorder(previous)


def _plan(*, request_streaming: bool, response_streaming: bool, name: str = METHOD) -> MethodPlan:
    return MethodPlan.describe(
        name, request_streaming=request_streaming, response_streaming=response_streaming
    )


def _responses() -> list[lpb.WatchAnchorsResponse]:
    return [
        lpb.WatchAnchorsResponse(),
        lpb.WatchAnchorsResponse(receipts=[lres.Receipt(name="receipts/1", digest=b"\x01" * 32)]),
    ]


def _requests() -> list[lpb.WatchAnchorsRequest]:
    return [lpb.WatchAnchorsRequest(submitter="services/a"), lpb.WatchAnchorsRequest(submitter="services/b")]


def _egress_digest(messages: list[Any], message_type: Any) -> bytes:
    """What the consumer's egress logs for the same stream, from the bytes it relays."""
    stream = _StreamDigest(message_type)
    for message in messages:
        stream.add(message.SerializeToString())
    return stream.value()


async def _iterate(messages: list[Any]) -> AsyncIterator[Any]:
    for message in messages:
        yield message


async def test_a_server_stream_is_logged_with_the_digest_of_its_responses(
    records: list[stage.ExchangeRecord],
) -> None:
    request = lpb.WatchAnchorsRequest(submitter="services/a")

    async def inner(request: Any, call: RpcCall) -> AsyncIterator[Any]:
        for response in _responses():
            yield response

    wrapped = stage.FederationStage().wrap_stream(
        _plan(request_streaming=False, response_streaming=True), inner
    )
    received = [response async for response in wrapped(request, CALL)]
    assert received == _responses()
    [record] = records
    assert (record.peer, record.side, record.method, record.status_code) == (PEER, "provider", METHOD, "OK")
    assert record.consumer_principal == "services/anchor-dashboard"
    assert record.request_digest == digest(lpb.WatchAnchorsRequest, request.SerializeToString())
    assert record.response_digest == _egress_digest(_responses(), lpb.WatchAnchorsResponse)
    assert record.response_digest != hashlib.sha256().digest()


async def test_a_client_stream_is_logged_with_the_digest_of_the_requests_it_read(
    records: list[stage.ExchangeRecord],
) -> None:
    async def inner(requests: Any, call: RpcCall) -> Any:
        read = [request async for request in requests]
        return lpb.WatchAnchorsResponse(receipts=[lres.Receipt(name=f"receipts/{len(read)}")])

    wrapped = stage.FederationStage().wrap_unary(
        _plan(request_streaming=True, response_streaming=False), inner
    )
    response = await wrapped(_iterate(_requests()), CALL)
    [record] = records
    assert record.status_code == "OK"
    assert record.request_digest == _egress_digest(_requests(), lpb.WatchAnchorsRequest)
    assert record.response_digest == digest(lpb.WatchAnchorsResponse, response.SerializeToString())


async def test_a_bidirectional_stream_that_fails_midway_is_logged_with_what_passed(
    records: list[stage.ExchangeRecord],
) -> None:
    async def inner(requests: Any, call: RpcCall) -> AsyncIterator[Any]:
        async for _ in requests:
            yield _responses()[0]
            raise NotFound("RECEIPT_NOT_FOUND", "no such receipt")

    wrapped = stage.FederationStage().wrap_stream(
        _plan(request_streaming=True, response_streaming=True), inner
    )
    received: list[Any] = []

    async def read_all() -> None:
        async for response in wrapped(_iterate(_requests()), CALL):
            received.append(response)

    with pytest.raises(NotFound):
        await read_all()
    [record] = records
    assert record.status_code == "NOT_FOUND"
    assert record.request_digest == _egress_digest(_requests()[:1], lpb.WatchAnchorsRequest)
    assert record.response_digest == _egress_digest(received, lpb.WatchAnchorsResponse)


async def test_a_caller_that_leaves_a_stream_is_logged_as_cancelled(
    records: list[stage.ExchangeRecord],
) -> None:
    async def inner(request: Any, call: RpcCall) -> AsyncIterator[Any]:
        yield _responses()[0]
        await asyncio.sleep(3600)  # a watch: nothing more for now
        yield _responses()[1]

    wrapped = stage.FederationStage().wrap_stream(
        _plan(request_streaming=False, response_streaming=True), inner
    )
    stream = wrapped(lpb.WatchAnchorsRequest(), CALL)

    async def read_all() -> None:
        async for _ in stream:
            pass

    task = asyncio.create_task(read_all())
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    [record] = records
    assert record.status_code == "CANCELLED"
    assert record.response_digest == _egress_digest(_responses()[:1], lpb.WatchAnchorsResponse)


async def test_a_stream_the_peer_was_not_approved_for_is_refused_and_the_attempt_logged(
    records: list[stage.ExchangeRecord],
) -> None:
    other = "/jipan.ledger.v1.LedgerService/Other"

    reached: list[bool] = []

    async def inner(request: Any, call: RpcCall) -> AsyncIterator[Any]:
        reached.append(True)
        yield _responses()[0]

    wrapped = stage.FederationStage().wrap_stream(
        _plan(request_streaming=True, response_streaming=True, name=other), inner
    )
    with pytest.raises(PermissionDenied) as refused:
        async for _ in wrapped(_iterate(_requests()), CALL):
            pass
    assert refused.value.reason == "PEER_NOT_APPROVED"
    assert not reached
    [record] = records
    assert (record.method, record.status_code, record.response_digest) == (other, "PERMISSION_DENIED", b"")
    assert record.request_digest == hashlib.sha256().digest()  # refused before any request was read
