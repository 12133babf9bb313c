"""The gateway's own HTTP rules: CORS, size limits, deadlines, unknown methods, the portal's files."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from google.rpc import error_details_pb2
from yarl import URL

from jipan.servers.gateway.methods import Method
from tests.gateway.conftest import Gateway

WHOAMI = "/jipan.system.v1.SystemService/GetWhoAmI"


def reason(body: dict[str, Any]) -> str:
    """The ErrorInfo reason of a Connect error body (the gateway's own refusals carry one too)."""
    for detail in body.get("details", []):
        if detail["type"] == "google.rpc.ErrorInfo":
            raw = base64.b64decode(detail["value"] + "=" * (-len(detail["value"]) % 4))
            info = error_details_pb2.ErrorInfo.FromString(raw)
            assert info.domain == "common.jipan.tw"
            return str(info.reason)
    return ""


ALLOWED = "https://portal.example.gov.tw"
JSON = {"Content-Type": "application/json"}


async def test_cors_preflight_from_an_allowed_origin(gateway: Gateway) -> None:
    async with gateway.http.options(
        gateway.url + WHOAMI,
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, connect-protocol-version",
        },
    ) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
        allowed = {h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")}
        assert {"authorization", "content-type", "connect-protocol-version", "connect-timeout-ms"} <= allowed
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert int(response.headers["Access-Control-Max-Age"]) > 0
    async with gateway.http.post(
        gateway.url + WHOAMI, data="{}", headers={**JSON, **gateway.bearer(), "Origin": ALLOWED}
    ) as response:
        assert response.status == 200
        assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
        assert "X-Request-Id" in response.headers["Access-Control-Expose-Headers"]


async def test_other_origins_are_refused(gateway: Gateway) -> None:
    evil = "https://evil.example"
    async with gateway.http.options(
        gateway.url + WHOAMI, headers={"Origin": evil, "Access-Control-Request-Method": "POST"}
    ) as response:
        assert response.status == 403
        assert "Access-Control-Allow-Origin" not in response.headers
    async with gateway.http.post(
        gateway.url + WHOAMI, data="{}", headers={**JSON, **gateway.bearer(), "Origin": evil}
    ) as response:
        assert response.status == 403
        body = await response.json()
        assert body["code"] == "permission_denied"
        assert reason(body) == "ORIGIN_NOT_ALLOWED"
        assert "Access-Control-Allow-Origin" not in response.headers


async def test_the_gateways_own_origin_is_allowed(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI, data="{}", headers={**JSON, **gateway.bearer(), "Origin": gateway.url}
    ) as response:
        assert response.status == 200


async def test_request_over_the_size_limit_is_refused_before_the_server(gateway: Gateway) -> None:
    big = json.dumps({"query": "x" * (65 * 1024)})
    async with gateway.http.post(
        gateway.url + "/jipan.procurement.v1.CatalogService/SearchListings",
        data=big,
        headers={**JSON, **gateway.bearer()},
    ) as response:
        assert response.status == 413
        body = await response.json()
        assert body["code"] == "resource_exhausted"
        assert reason(body) == "REQUEST_TOO_LARGE"
    # A gzip body that inflates past the limit is refused as well (a zip bomb stops at the limit).
    bomb = gzip.compress(b'{"query": "' + b"x" * (1024 * 1024) + b'"}')
    assert len(bomb) < 64 * 1024
    async with gateway.http.post(
        gateway.url + "/jipan.procurement.v1.CatalogService/SearchListings",
        data=bomb,
        headers={**JSON, **gateway.bearer(), "Content-Encoding": "gzip"},
    ) as response:
        assert response.status == 413
        assert (await response.json())["code"] == "resource_exhausted"


async def test_gzip_request_bodies_are_accepted(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data=gzip.compress(b"{}"),
        headers={**JSON, **gateway.bearer(subject="people/gz"), "Content-Encoding": "gzip"},
    ) as response:
        assert response.status == 200
        assert (await response.json())["principal"]["subject"] == "people/gz"


async def test_connect_timeout_is_the_calls_deadline(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI, data="{}", headers={**JSON, **gateway.bearer(), "Connect-Timeout-Ms": "0"}
    ) as response:
        assert response.status == 504
        assert (await response.json())["code"] == "deadline_exceeded"
    async with gateway.http.post(
        gateway.url + WHOAMI, data="{}", headers={**JSON, **gateway.bearer(), "Connect-Timeout-Ms": "soon"}
    ) as response:
        assert response.status == 400
        assert (await response.json())["code"] == "invalid_argument"


async def test_a_timeout_of_non_ascii_digits_is_invalid_argument(gateway: Gateway) -> None:
    # "²" is a digit to str.isdigit() but not to int().
    for value in ("²", "1²", "١٢"):
        async with gateway.http.post(
            gateway.url + WHOAMI, data="{}", headers={**JSON, **gateway.bearer(), "Connect-Timeout-Ms": value}
        ) as response:
            assert response.status == 400, value
            body = await response.json()
            assert body["code"] == "invalid_argument"
            assert reason(body) == "REQUEST_MALFORMED"


async def test_json_that_is_not_utf8_is_invalid_argument(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI, data=b'{"\xff": 1}', headers={**JSON, **gateway.bearer()}
    ) as response:
        assert response.status == 400
        body = await response.json()
        assert body["code"] == "invalid_argument"
        assert reason(body) == "REQUEST_MALFORMED"


async def test_a_get_message_that_is_not_utf8_is_invalid_argument(
    gateway: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No method of the fixture's services is declared free of side effects: pretend GetWhoAmI is.
    monkeypatch.setattr(Method, "side_effect_free", property(lambda _: True))
    message = base64.urlsafe_b64encode(b'{"\xff": 1}').decode().rstrip("=")
    params = {"connect": "v1", "encoding": "json", "base64": "1", "message": message}
    async with gateway.http.get(gateway.url + WHOAMI, params=params, headers=gateway.bearer()) as response:
        assert response.status == 400
        body = await response.json()
        assert body["code"] == "invalid_argument"
        assert reason(body) == "REQUEST_MALFORMED"
    params["message"] = base64.urlsafe_b64encode(b"{}").decode()
    async with gateway.http.get(gateway.url + WHOAMI, params=params, headers=gateway.bearer()) as response:
        assert response.status == 200  # the same GET with a good message is served


async def test_unknown_service_or_method_is_unimplemented_404(gateway: Gateway) -> None:
    for path in (
        "/jipan.system.v1.SystemService/NoSuchMethod",
        "/jipan.nothing.v1.NoService/Get",
        # Served by no module of this server (market is not in the fixture).
        "/jipan.market.v1.ProjectService/GetProject",
    ):
        async with gateway.http.post(gateway.url + path, data="{}", headers=JSON) as response:
            assert response.status == 404, path
            body = await response.json()
            assert body["code"] == "unimplemented"
            assert reason(body) == "NOT_IMPLEMENTED"


async def test_bad_json_and_bad_content_type(gateway: Gateway) -> None:
    async with gateway.http.post(
        gateway.url + WHOAMI, data="{not json", headers={**JSON, **gateway.bearer()}
    ) as response:
        assert response.status == 400
        body = await response.json()
        assert body["code"] == "invalid_argument"
        assert reason(body) == "REQUEST_MALFORMED"
    async with gateway.http.post(
        gateway.url + WHOAMI, data="{}", headers={"Content-Type": "text/plain", **gateway.bearer()}
    ) as response:
        assert response.status == 415
        assert response.headers["Accept-Post"] == "application/json, application/proto"
    async with gateway.http.post(
        gateway.url + WHOAMI,
        data="{}",
        headers={**JSON, **gateway.bearer(), "Connect-Protocol-Version": "2"},
    ) as response:
        assert response.status == 400


async def test_get_of_a_method_with_side_effects_is_refused(gateway: Gateway) -> None:
    async with gateway.http.get(
        gateway.url + WHOAMI, params={"connect": "v1", "encoding": "json", "message": "{}"}
    ) as response:
        assert response.status == 405
        assert (await response.json())["code"] == "unimplemented"


async def test_portal_files_with_cache_headers_and_spa_fallback(gateway: Gateway) -> None:
    async with gateway.http.get(gateway.url + "/") as index:
        assert index.status == 200
        assert index.content_type == "text/html"
        assert index.headers["Cache-Control"] == "no-cache"
        page = await index.text()
    assert "<title>portal</title>" in page
    async with gateway.http.get(gateway.url + "/assets/app-3f9a1c.js") as asset:
        assert asset.status == 200
        assert asset.content_type == "text/javascript"
        assert "immutable" in asset.headers["Cache-Control"]
        assert asset.headers["X-Content-Type-Options"] == "nosniff"
    async with gateway.http.get(gateway.url + "/favicon.svg") as icon:
        assert icon.content_type == "image/svg+xml"
        assert icon.headers["Cache-Control"] == "no-cache"
    # A client-side route gets index.html; a missing file does not.
    async with gateway.http.get(gateway.url + "/procurement/listings/42") as route:
        assert route.status == 200
        assert await route.text() == page
    async with gateway.http.get(gateway.url + "/assets/missing-000.js") as missing:
        assert missing.status == 404
    # No dotfiles, no way out of the build directory.
    for path in ("/.env", "/assets/%2e%2e/.env", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd"):
        async with gateway.http.get(URL(gateway.url + path, encoded=True)) as refused:
            assert refused.status == 404, path
            assert "SECRET" not in await refused.text()


async def test_portal_files_precompressed_with_vary_and_a_strict_csp(
    gateway: Gateway, portal_dir: Path
) -> None:
    """The build's .br/.gz siblings are sent to browsers that accept them, with Content-Encoding and
    Vary; one that accepts neither gets the file itself (still with Vary); every portal file carries
    the Content-Security-Policy that allows no inline script."""
    source = "console.log('a bundle');\n" * 200
    asset = portal_dir / "assets" / "bundle-5e1f0a.js"
    asset.write_text(source)
    # The gateway sends the sibling as it is: any bytes stand in for a brotli body here.
    (portal_dir / "assets" / "bundle-5e1f0a.js.br").write_bytes(b"\x1b brotli stand-in")
    (portal_dir / "assets" / "bundle-5e1f0a.js.gz").write_bytes(gzip.compress(source.encode()))
    url = gateway.url + "/assets/bundle-5e1f0a.js"
    for accept, encoding in (("gzip, deflate, br", "br"), ("gzip", "gzip"), ("identity", None)):
        async with gateway.http.get(url, headers={"Accept-Encoding": accept}, auto_decompress=False) as got:
            body = await got.read()
            assert got.status == 200
            assert got.content_type == "text/javascript"
            assert got.headers.get("Content-Encoding") == encoding, accept
            assert got.headers["Vary"] == "Accept-Encoding", accept
        if encoding == "br":
            assert body == b"\x1b brotli stand-in"
        else:
            assert (gzip.decompress(body) if encoding == "gzip" else body).decode() == source
    # A file without siblings varies on nothing.
    async with gateway.http.get(gateway.url + "/assets/app-3f9a1c.js") as plain:
        assert "Vary" not in plain.headers
        assert plain.headers.get("Content-Encoding") is None
    async with gateway.http.get(gateway.url + "/") as index:
        policy = index.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["connect-src"] == "'self'"  # the gateway that serves the page
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy
