"""Every method of every registered service, called through the gateway (from the descriptor pool).

The gateway has no per-method code, so each method must behave through it as
over gRPC: `jipan serve <every module>` runs in a subprocess
(tests/subprocess_mesh.py), the gateway runs here in front of it, and each
method is called with an empty request (JSON), with bytes that are no message
(binary), and without a token. Whatever the method does with that, the answer
is a Connect answer: never HTTP 500, never `internal` or `unknown`; refusals
carry the server's `google.rpc.ErrorInfo`; undecodable bytes are
`invalid_argument` REQUEST_MALFORMED; a method that needs a token says
`unauthenticated` without one.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from google.rpc import error_details_pb2

from jipan.servers.gateway.serving import serving
from jipan.servers.runtime.settings import load_settings
from tests.descriptor_walk import CORE_WRITE_RACE, RpcMethod, all_grants, registered_methods
from tests.gateway.connect import envelope, read_all
from tests.subprocess_mesh import ServedMesh, served_mesh

METHODS = registered_methods()
SCOPES, ROLES = all_grants(METHODS)
GARBAGE = b"\xff\xff\xff\xff\x0f"
CALL_MS = "20000"
WATCH_MS = "1500"
"""A server stream with nothing to say (a watch) is cut here: deadline_exceeded is an answer."""


@dataclass
class Walk:
    mesh: ServedMesh
    url: str
    http: aiohttp.ClientSession


@pytest_asyncio.fixture(scope="module")
async def walk(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Walk]:
    async with served_mesh(database_url, tmp_path_factory.mktemp("gateway-walk")) as mesh:
        settings = load_settings(
            {"JIPAN_GATEWAY_PORT": "0", "JIPAN_GATEWAY_STATIC_DIR": str(tmp_path_factory.mktemp("no-portal"))}
        )
        async with (
            serving(settings, mesh.address, mesh.services) as url,
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http,
        ):
            yield Walk(mesh, url, http)


@dataclass
class Answer:
    http_status: int
    code: str  # "ok" or the Connect code
    error: dict[str, Any]

    def error_info(self) -> error_details_pb2.ErrorInfo | None:
        for detail in self.error.get("details", []):
            if detail["type"] == "google.rpc.ErrorInfo":
                raw = base64.b64decode(detail["value"] + "=" * (-len(detail["value"]) % 4))
                return error_details_pb2.ErrorInfo.FromString(raw)
        return None


async def call(walk: Walk, method: RpcMethod, body: bytes, *, is_json: bool, token: str | None) -> Answer:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    streaming = method.client_streaming or method.server_streaming
    if streaming:
        headers["Content-Type"] = "application/connect+json" if is_json else "application/connect+proto"
        headers["Connect-Timeout-Ms"] = WATCH_MS if method.server_streaming else CALL_MS
        async with walk.http.post(walk.url + method.path, data=envelope(body), headers=headers) as response:
            if response.status != 200:  # a refusal before the stream (the gateway's own)
                error = await response.json()
                return Answer(response.status, error["code"], error)
            _messages, end = await asyncio.wait_for(read_all(response), 30)
            error = end.get("error", {})
            return Answer(200, error.get("code", "ok"), error)
    headers["Content-Type"] = "application/json" if is_json else "application/proto"
    headers["Connect-Timeout-Ms"] = CALL_MS
    async with walk.http.post(walk.url + method.path, data=body, headers=headers) as response:
        payload = await response.read()
        if response.status == 200:
            if is_json:
                json.loads(payload)  # a JSON object came back
            return Answer(200, "ok", {})
        error = json.loads(payload)
        return Answer(response.status, error["code"], error)


async def call_judged(
    walk: Walk, method: RpcMethod, body: bytes, *, is_json: bool, token: str | None
) -> Answer:
    """`call`, made again when a bidi call's only answer is grpc.aio's lost client write race.

    The race is the gateway's own client's (its write meets the server ending
    the call) and grpc reports it as INTERNAL "Internal error from Core"
    without the server's status; tests/descriptor_walk.py retries it the same
    way over plain gRPC, so the server's own status is what is judged.
    """
    bidi = method.client_streaming and method.server_streaming
    for attempt in range(7 if bidi else 0):
        answer = await call(walk, method, body, is_json=is_json, token=token)
        lost_race = (
            answer.code == "internal"
            and answer.error_info() is None
            and answer.error.get("message") == CORE_WRITE_RACE
        )
        if not lost_race:
            return answer
        await asyncio.sleep(0.01 * (attempt + 1))
    return await call(walk, method, body, is_json=is_json, token=token)


def _token(walk: Walk) -> str:
    return walk.mesh.token(scopes=SCOPES, org="orgs/gateway-walk", roles=ROLES)


@pytest.mark.parametrize("method", METHODS, ids=[m.id for m in METHODS])
async def test_every_method_answers_in_connect_terms(walk: Walk, method: RpcMethod) -> None:
    token = _token(walk)
    answers = {
        "empty JSON": await call_judged(walk, method, b"{}", is_json=True, token=token),
        "garbage bytes": await call_judged(walk, method, GARBAGE, is_json=False, token=token),
        "no token": await call_judged(walk, method, b"{}", is_json=True, token=None),
    }
    for label, answer in answers.items():
        assert answer.http_status != 500, (label, answer)
        assert answer.code not in ("internal", "unknown"), (label, answer)
        if answer.code not in ("ok", "deadline_exceeded"):
            info = answer.error_info()
            assert info is not None, (label, answer)
            assert info.reason, (label, answer)
    garbage = answers["garbage bytes"]
    assert garbage.code == "invalid_argument", garbage
    info = garbage.error_info()
    assert info is not None
    assert info.reason == "REQUEST_MALFORMED"
    if not method.open:
        assert answers["no token"].code == "unauthenticated", answers["no token"]
        assert answers["no token"].http_status in (200, 401)  # 200: a stream's end message says it
