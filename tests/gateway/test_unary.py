"""Unary Connect calls through the gateway: JSON and binary, errors with their details."""

from __future__ import annotations

import base64

from google.protobuf import json_format
from google.rpc import error_details_pb2

from jipan.ledger.v1 import ledger_service_pb2 as ledger_pb
from jipan.system.v1 import system_service_pb2 as sys_pb
from tests.gateway.conftest import Gateway

WHOAMI = "/jipan.system.v1.SystemService/GetWhoAmI"
JSON = {"Content-Type": "application/json"}
PROTO = {"Content-Type": "application/proto"}


async def test_unary_json_round_trip_carries_the_callers_token(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data="{}",
        headers={**JSON, **gateway.bearer(subject="people/ada"), "Connect-Protocol-Version": "1"},
    ) as response:
        assert response.status == 200, await response.text()
        assert response.content_type == "application/json"
        body = await response.json()
    assert body["principal"]["subject"] == "people/ada"


async def test_unary_binary_round_trip(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data=sys_pb.GetWhoAmIRequest().SerializeToString(),
        headers={**PROTO, **gateway.bearer(subject="people/bin")},
    ) as response:
        assert response.status == 200, await response.text()
        assert response.content_type == "application/proto"
        reply = sys_pb.GetWhoAmIResponse.FromString(await response.read())
    assert reply.principal.subject == "people/bin"


def _details(body: dict[str, object]) -> dict[str, object]:
    found: dict[str, object] = {}
    for detail in body.get("details", []):  # type: ignore[attr-defined]
        raw = base64.b64decode(detail["value"] + "=" * (-len(detail["value"]) % 4))
        if detail["type"] == "google.rpc.ErrorInfo":
            found["ErrorInfo"] = error_details_pb2.ErrorInfo.FromString(raw)
        elif detail["type"] == "google.rpc.BadRequest":
            found["BadRequest"] = error_details_pb2.BadRequest.FromString(raw)
    return found


async def test_missing_token_is_unauthenticated_with_its_reason(gateway: Gateway) -> None:
    async with gateway.http.post(gateway.url + WHOAMI, data="{}", headers=JSON) as response:
        assert response.status == 401
        body = await response.json()
    assert body["code"] == "unauthenticated"
    info = _details(body)["ErrorInfo"]
    assert isinstance(info, error_details_pb2.ErrorInfo)
    assert info.reason
    assert info.domain


async def test_invalid_request_maps_to_invalid_argument_with_bad_request(gateway: Gateway) -> None:
    # A digest of the wrong length: the server's validation refuses it.
    request = {"digest": base64.b64encode(b"short").decode()}
    async with gateway.http.post(
        gateway.url + "/jipan.ledger.v1.LedgerService/VerifyDigest",
        json=request,
        headers=gateway.bearer(scopes=("ledger.anchor", "ledger.read")),
    ) as response:
        body = await response.json()
        assert response.status == 400, body
    assert body["code"] == "invalid_argument"
    details = _details(body)
    assert isinstance(details["ErrorInfo"], error_details_pb2.ErrorInfo)
    bad = details["BadRequest"]
    assert isinstance(bad, error_details_pb2.BadRequest)
    assert bad.field_violations
    # `debug` shows the same detail as JSON for people reading the network panel.
    assert any(d.get("debug") for d in body["details"])


async def test_json_and_binary_agree_on_a_ledger_round_trip(gateway: Gateway) -> None:
    digest = bytes(range(32))
    headers = gateway.bearer(scopes=("ledger.anchor", "ledger.read"))
    request = ledger_pb.VerifyDigestRequest(digest=digest)
    async with gateway.http.post(
        gateway.url + "/jipan.ledger.v1.LedgerService/VerifyDigest",
        data=json_format.MessageToJson(request),
        headers={**JSON, **headers},
    ) as response:
        body = await response.json()
        assert response.status == 200, body
    async with gateway.http.post(
        gateway.url + "/jipan.ledger.v1.LedgerService/VerifyDigest",
        data=request.SerializeToString(),
        headers={**PROTO, **headers},
    ) as response:
        assert response.status == 200, await response.text()
        again = ledger_pb.VerifyDigestResponse.FromString(await response.read())
    assert json_format.MessageToDict(again) == body
