"""Streaming Connect calls through the gateway: envelopes, end-of-stream errors, deadlines."""

from __future__ import annotations

import asyncio
import base64
import json

from jipan.ledger.v1 import ledger_service_pb2 as ledger_pb
from tests.gateway.conftest import Gateway
from tests.gateway.connect import END_STREAM, envelope, next_frame, read_all

WATCH = "/jipan.ledger.v1.LedgerService/WatchAnchors"
ANCHOR = "/jipan.ledger.v1.LedgerService/AnchorDigests"
LEDGER = ("ledger.anchor", "ledger.read")


async def test_server_stream_in_json_delivers_receipts_as_they_confirm(gateway: Gateway) -> None:
    headers = {**gateway.bearer(scopes=LEDGER), "Content-Type": "application/connect+json"}
    async with gateway.http.post(
        gateway.url + WATCH, data=envelope(b"{}"), headers={**headers, "Connect-Timeout-Ms": "30000"}
    ) as watch:
        assert watch.status == 200
        assert watch.content_type == "application/connect+json"
        flags, first = await asyncio.wait_for(next_frame(watch), 10)
        assert flags == 0
        assert json.loads(first) == {}  # the watch is active
        digest = bytes(range(100, 132))
        async with gateway.http.post(
            gateway.url + ANCHOR,
            json={"digests": [{"digest": base64.b64encode(digest).decode()}]},
            headers=gateway.bearer(scopes=LEDGER),
        ) as anchored:
            assert anchored.status == 200, await anchored.text()
            receipt = (await anchored.json())["receipts"][0]
        seen: list[str] = []
        while receipt["name"] not in seen:
            flags, payload = await asyncio.wait_for(next_frame(watch), 30)
            assert flags == 0, payload
            seen += [r["name"] for r in json.loads(payload).get("receipts", [])]


async def test_server_stream_in_binary_ends_with_the_deadline(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WATCH,
        data=envelope(ledger_pb.WatchAnchorsRequest().SerializeToString()),
        headers={
            **gateway.bearer(scopes=LEDGER),
            "Content-Type": "application/connect+proto",
            "Connect-Timeout-Ms": "400",
        },
    ) as watch:
        assert watch.status == 200
        assert watch.content_type == "application/connect+proto"
        messages, end = await asyncio.wait_for(read_all(watch), 10)
    assert ledger_pb.WatchAnchorsResponse.FromString(messages[0]) == ledger_pb.WatchAnchorsResponse()
    assert end["error"]["code"] == "deadline_exceeded"


async def test_stream_refusal_is_in_the_end_of_stream_message_with_its_error_info(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WATCH,
        data=envelope(b"{}"),
        headers={"Content-Type": "application/connect+json"},  # no token
    ) as watch:
        assert watch.status == 200  # Connect streams report errors in the body
        messages, end = await read_all(watch)
    assert messages == []
    assert end["error"]["code"] == "unauthenticated"
    types = [d["type"] for d in end["error"]["details"]]
    assert "google.rpc.ErrorInfo" in types


async def test_stream_request_must_be_one_whole_envelope(gateway: Gateway) -> None:
    # Refused by the gateway, in the stream's own terms: HTTP 200, the error in the end-of-stream message.
    headers = {**gateway.bearer(scopes=LEDGER), "Content-Type": "application/connect+json"}
    for body in (envelope(b"{}")[:-1], envelope(b"{}") + envelope(b"{}"), envelope(b"{}", END_STREAM)):
        async with gateway.http.post(gateway.url + WATCH, data=body, headers=headers) as refused:
            assert refused.status == 200
            assert refused.content_type == "application/connect+json"
            messages, end = await read_all(refused)
        assert messages == []
        assert end["error"]["code"] == "invalid_argument", end
        assert end["error"]["details"][0]["debug"]["reason"] == "REQUEST_MALFORMED"


async def test_a_stream_message_that_is_not_utf8_is_invalid_argument(gateway: Gateway) -> None:
    headers = {**gateway.bearer(scopes=LEDGER), "Content-Type": "application/connect+json"}
    async with gateway.http.post(
        gateway.url + WATCH, data=envelope(b'{"\xff": 1}'), headers=headers
    ) as refused:
        assert refused.status == 200
        messages, end = await read_all(refused)
    assert messages == []
    assert end["error"]["code"] == "invalid_argument", end
    assert end["error"]["details"][0]["debug"]["reason"] == "REQUEST_MALFORMED"


async def test_unary_method_refuses_the_streaming_content_type(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + ANCHOR, data=envelope(b"{}"), headers={"Content-Type": "application/connect+json"}
    ) as response:
        assert response.status == 415
        assert response.headers["Accept-Post"] == "application/json, application/proto"
