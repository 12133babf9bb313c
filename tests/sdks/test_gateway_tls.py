"""The Connect gateway of a `jipan up` that serves TLS only and requires client
certificates: the gateway dials its own server over TLS (JIPAN_GATEWAY_MESH_CA_FILE),
presenting the outbound client certificate, and browsers' calls get the server's answers."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from tests.sdks.conftest import SdkMesh


def _post(url: str, body: dict[str, object]) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_gateway_reaches_the_mtls_only_server(sdk_mesh_mtls: SdkMesh) -> None:
    assert sdk_mesh_mtls.gateway.startswith("http://"), sdk_mesh_mtls.output[-20:]
    # A method that needs no token: the server itself answered, over mTLS.
    status, body = _post(
        f"{sdk_mesh_mtls.gateway}/jipan.identity.v1.PasskeyService/BeginPasskeyAuthentication", {}
    )
    assert status == 200, body
    assert body, body
    # One that needs a token: refused by the server's chain (not by the gateway, not UNAVAILABLE).
    status, body = _post(f"{sdk_mesh_mtls.gateway}/jipan.system.v1.SystemService/GetWhoAmI", {})
    assert status == 401, body
    assert body["code"] == "unauthenticated", body
