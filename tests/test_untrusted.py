"""Untrusted structured text: the bounded parsers (jipan.servers.runtime.untrusted), the
process's recursion limit, and a real server that receives deeply nested JSON on every
method that parses it and answers INVALID_ARGUMENT instead of dying."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc

from jipan.identity.v1 import passkey_service_pb2, passkey_service_pb2_grpc
from jipan.procurement.v1 import review_service_pb2, review_service_pb2_grpc
from jipan.servers.runtime.errors import COMMON_DOMAIN
from jipan.servers.runtime.recursion_limit import SAFE_RECURSION_LIMIT, enforce_safe_recursion_limit
from jipan.servers.runtime.untrusted import (
    StructuredTextRefused,
    json_depth,
    parse_json,
    parse_xml,
    zip_members,
)

DEEP = "[" * 65536
"""The input that killed the server with SIGSEGV (issue 9): inside credential_json's 64 KiB."""


# --- JSON ---------------------------------------------------------------------------------------


def test_json_within_bounds_parses() -> None:
    assert parse_json('{"a": [1, {"b": "[[[["}]}', field="f", max_depth=3) == {"a": [1, {"b": "[[[["}]}
    assert parse_json(b'\xef\xbb\xbf{"a": 1}', field="f") == {"a": 1}


@pytest.mark.parametrize("text", [DEEP, "[" * 65 + "]" * 65, '{"a":' * 65 + "1" + "}" * 65])
def test_deep_json_is_refused_before_parsing(text: str) -> None:
    with pytest.raises(StructuredTextRefused) as caught:
        parse_json(text, field="doc.body")
    error = caught.value
    assert error.reason == "FIELD_INVALID"
    assert error.domain == COMMON_DOMAIN
    assert error.metadata == {"max_depth": "64"}
    assert [v.field for v in error.field_violations] == ["doc.body"]


def test_depth_ignores_brackets_in_strings_and_escaped_quotes() -> None:
    assert json_depth('["[[[[", "\\"[[[[", {"k]": "}}}"}]') == 2
    # Closing brackets hidden in a string cannot lower the count of real ones.
    hidden = json.dumps({"s": "]" * 500, "x": json.loads("[" * 70 + "]" * 70)})
    assert json_depth(hidden) == 71
    with pytest.raises(StructuredTextRefused):
        parse_json(hidden, field="f")


def test_json_limit_is_the_callers_reason_and_domain() -> None:
    with pytest.raises(StructuredTextRefused) as caught:
        parse_json("[[[1]]]", field="credential_json", max_depth=2, reason="CREDENTIAL_MALFORMED", domain="d")
    assert (caught.value.reason, caught.value.domain) == ("CREDENTIAL_MALFORMED", "d")


def test_json_size_and_syntax_are_refused() -> None:
    with pytest.raises(StructuredTextRefused) as caught:
        parse_json("[1, 2, 3]", field="f", max_bytes=8)
    assert caught.value.metadata == {"size_bytes": "9", "max_bytes": "8"}
    utf16 = '["' + "\u225b" * 3 + '"]'  # U+225B is the bytes 5B 22 ("[" and a quote) in UTF-16-LE
    for bad in ("{oops", b"\xff\xfe\x00", "", utf16.encode("utf-16"), b"[\x00[\x00]\x00]\x00"):
        with pytest.raises(StructuredTextRefused) as caught:
            parse_json(bad, field="f")
        assert [v.field for v in caught.value.field_violations] == ["f"]


def test_deep_json_is_refused_even_with_the_limit_py_ecc_sets() -> None:
    """The bound does not depend on the recursion limit at all."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(100_000)
    try:
        with pytest.raises(StructuredTextRefused):
            parse_json(DEEP, field="f")
    finally:
        sys.setrecursionlimit(before)


# --- XML ----------------------------------------------------------------------------------------


def test_xml_within_bounds_parses() -> None:
    root = parse_xml(b'\xef\xbb\xbf<?xml version="1.0"?><a><b>t</b></a>', field="x", max_depth=2)
    assert root.tag == "a"
    assert root.find("b") is not None


@pytest.mark.parametrize(
    "text",
    [
        "<a>" * 65 + "</a>" * 65,
        '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
        '<?xml version="1.0"?><!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
        "<a><b></a>",
        "",
    ],
)
def test_bad_xml_is_refused(text: str) -> None:
    with pytest.raises(StructuredTextRefused) as caught:
        parse_xml(text, field="sbom")
    assert [v.field for v in caught.value.field_violations] == ["sbom"]


def test_xml_depth_is_checked_while_parsing() -> None:
    """Deep XML stops at the limit, long before the whole text is parsed."""
    text = "<a>" * 2_000_000
    started = time.perf_counter()
    with pytest.raises(StructuredTextRefused) as caught:
        parse_xml(text, field="x", max_depth=10, max_bytes=len(text))
    assert caught.value.metadata == {"max_depth": "10"}
    assert time.perf_counter() - started < 0.5


def test_xml_declared_encoding_cannot_hide_a_dtd() -> None:
    hidden = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'
    with pytest.raises(StructuredTextRefused):
        parse_xml(hidden.encode("utf-8"), field="x")


# --- zip ----------------------------------------------------------------------------------------


def _zip(members: dict[str, bytes], *, claimed: dict[str, int] | None = None) -> bytes:
    """A deflated zip; `claimed`: uncompressed sizes to write in the central directory instead."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    data = bytearray(buffer.getvalue())
    for name, size in (claimed or {}).items():
        header = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02"))
        while data[header + 46 : header + 46 + len(name)] != name.encode():
            header = data.index(b"PK\x01\x02", header + 4)
        data[header + 24 : header + 28] = size.to_bytes(4, "little")  # uncompressed size
    return bytes(data)


def test_zip_members_are_read_within_bounds() -> None:
    data = _zip({"a.json": b"{}", "b.txt": b"x", "c.json": b"[]"})
    assert list(zip_members(data, field="z", suffix=".json")) == [("a.json", b"{}"), ("c.json", b"[]")]


def test_zip_limits() -> None:
    data = _zip({f"{i}.json": b"{}" for i in range(5)})
    with pytest.raises(StructuredTextRefused) as caught:
        list(zip_members(data, field="z", max_members=4))
    assert caught.value.metadata == {"members": "5", "max_members": "4"}
    with pytest.raises(StructuredTextRefused):
        list(zip_members(b"not a zip", field="z"))
    bomb = _zip({"bomb.json": b"0" * (8 * 1024 * 1024)})
    with pytest.raises(StructuredTextRefused) as caught:
        list(zip_members(bomb, field="z", max_ratio=100, too_large_reason="TOO_LARGE"))
    assert caught.value.reason == "TOO_LARGE"
    assert caught.value.metadata == {"max_ratio": "100"}


def test_zip_that_lies_about_sizes_is_refused() -> None:
    """An archive that claims tiny members never yields more than it claims: refused."""
    body = b'{"k": "' + b"x" * 5000 + b'"}'
    liar = _zip({"a.json": body}, claimed={"a.json": 10})
    with pytest.raises(StructuredTextRefused) as caught:
        list(zip_members(liar, field="z", max_total_bytes=1000))
    assert [v.field for v in caught.value.field_violations] == ["z"]


def test_oversized_members_are_skipped_when_the_caller_says_so() -> None:
    body = b'{"k": "' + b"x" * 5000 + b'"}'
    skipped: list[str] = []
    data = _zip({"big.json": body, "ok.json": b"{}"})
    members = list(zip_members(data, field="z", max_member_bytes=100, on_oversized=skipped.append))
    assert members == [("ok.json", b"{}")]
    assert skipped == ["big.json"]
    with pytest.raises(StructuredTextRefused) as caught:
        list(zip_members(data, field="z", max_member_bytes=100))
    assert caught.value.metadata == {"max_bytes": "100"}


# --- the recursion limit ------------------------------------------------------------------------


def test_importing_the_embedded_evm_leaves_a_safe_recursion_limit() -> None:
    """py_ecc raises the limit to 100,000 on import; the chain adapter puts it back
    (in fresh interpreters: this one has imported it already)."""
    report = "print(sys.getrecursionlimit())"
    alone = "import sys; import jipan.servers.ledger.chain; " + report
    # Even when py_ecc was imported first, by someone else.
    after = (
        "import sys, py_ecc; assert sys.getrecursionlimit() >= 100000; import jipan.servers.ledger.chain; "
    )
    for code in (alone, after + report):
        fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert int(fresh.stdout.split()[-1]) <= SAFE_RECURSION_LIMIT


def test_deep_json_past_the_bound_raises_instead_of_crashing() -> None:
    """With the EVM imported, even an unbounded json.loads of the crashing input raises
    RecursionError (the process survives) instead of overflowing the C stack (SIGSEGV)."""
    code = (
        "import json, jipan.servers.ledger.chain\n"
        "try:\n    json.loads('[' * 65536)\nexcept RecursionError:\n    print('RecursionError')"
    )
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert fresh.returncode == 0, f"exit {fresh.returncode} (-11 is SIGSEGV)"
    assert fresh.stdout.split()[-1] == "RecursionError"


def test_a_raised_limit_is_reset_and_reported() -> None:
    before = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(100_000)
        assert enforce_safe_recursion_limit("test") is True
        assert sys.getrecursionlimit() == SAFE_RECURSION_LIMIT
        assert enforce_safe_recursion_limit("test") is False
    finally:
        sys.setrecursionlimit(before)


async def test_create_server_resets_a_limit_raised_by_a_service_import(
    database_url: str, tmp_path: Path
) -> None:
    from jipan.servers import system
    from jipan.servers.runtime.runtime import Runtime, ServiceModule
    from tests.mesh import make_settings, running_server

    def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
        sys.setrecursionlimit(100_000)  # what importing py_ecc does

    raising = ServiceModule(name="raising", service_names=(), attach=attach)
    before = sys.getrecursionlimit()
    try:
        async with running_server(make_settings(database_url, tmp_path), [system.SERVICE, raising]):
            assert sys.getrecursionlimit() == SAFE_RECURSION_LIMIT
    finally:
        sys.setrecursionlimit(before)


# --- a real server ------------------------------------------------------------------------------


@pytest.fixture
def up_process(database_url: str) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    """`jipan up` (every service, the embedded EVM imported) as its own process:
    (process, address, the banner's dev token)."""
    data_dir = Path(tempfile.mkdtemp(prefix="jipan-untrusted-", dir="/tmp"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    # XDG_STATE_HOME: its dev-mesh record stays in the test's folder.
    env.update(
        JIPAN_DATA_DIR=str(data_dir), JIPAN_DATABASE_URL=database_url, XDG_STATE_HOME=str(data_dir / "state")
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "jipan.servers.cli", "up", "--listen", "127.0.0.1:0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    address = token = ""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not token:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if match := re.match(r"jipan ready on (\S+) ", line):
            address = match.group(1)
        if match := re.search(r"export JIPAN_TOKEN='([^']+)'", line):
            token = match.group(1)
    if not token:
        proc.kill()
        pytest.fail("jipan up never became ready:\n" + "".join(lines))
    threading.Thread(target=proc.stdout.read, daemon=True).start()
    try:
        yield proc, address, token
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(30)
        shutil.rmtree(data_dir, ignore_errors=True)


def _status(error: grpc.RpcError) -> tuple[grpc.StatusCode, str, list[str]]:
    """(code, ErrorInfo reason, field violations' fields) of a refused call."""
    call = cast(grpc.Call, error)  # a refused sync call is both
    raw = dict(call.trailing_metadata() or ()).get("grpc-status-details-bin")
    assert raw is not None, f"no google.rpc.Status on {error.code()}: {error.details()}"
    status = status_pb2.Status.FromString(raw)
    reason, fields = "", []
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = info.reason
        elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            fields = [v.field for v in bad.field_violations]
    return call.code(), reason, fields


def test_deep_json_into_a_real_server_is_invalid_argument_and_it_stays_up(
    up_process: tuple[subprocess.Popen[str], str, str],
) -> None:
    proc, address, token = up_process
    osv_zip = _zip({"GHSA-deep.json": ("{" + '"a":[' * 40000).encode()})
    with grpc.insecure_channel(address) as channel:
        passkeys = passkey_service_pb2_grpc.PasskeyServiceStub(channel)
        reviews = review_service_pb2_grpc.ListingReviewServiceStub(channel)
        admin = (("authorization", f"Bearer {token}"),)
        calls: dict[str, Callable[[], object]] = {
            # No token: these are open to anyone on the network.
            "FinishPasskeyRegistration": lambda: passkeys.FinishPasskeyRegistration(
                passkey_service_pb2.FinishPasskeyRegistrationRequest(credential_json=DEEP), timeout=30
            ),
            "FinishPasskeyAuthentication": lambda: passkeys.FinishPasskeyAuthentication(
                passkey_service_pb2.FinishPasskeyAuthenticationRequest(credential_json=DEEP), timeout=30
            ),
            "ImportAdvisories": lambda: reviews.ImportAdvisories(
                review_service_pb2.ImportAdvisoriesRequest(osv_data=DEEP.encode()), metadata=admin, timeout=30
            ),
            "ImportAdvisories (zip)": lambda: reviews.ImportAdvisories(
                review_service_pb2.ImportAdvisoriesRequest(osv_data=osv_zip), metadata=admin, timeout=30
            ),
        }
        outcomes: dict[str, tuple[grpc.StatusCode, str, list[str]]] = {}
        for method, call in calls.items():
            with pytest.raises(grpc.RpcError) as caught:
                call()
            outcomes[method] = _status(caught.value)
            assert proc.poll() is None, f"the server died on {method} (exit {proc.returncode})"
        health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
    assert outcomes == {
        "FinishPasskeyRegistration": (
            grpc.StatusCode.INVALID_ARGUMENT,
            "CREDENTIAL_MALFORMED",
            ["credential_json"],
        ),
        "FinishPasskeyAuthentication": (
            grpc.StatusCode.INVALID_ARGUMENT,
            "CREDENTIAL_MALFORMED",
            ["credential_json"],
        ),
        "ImportAdvisories": (grpc.StatusCode.INVALID_ARGUMENT, "ADVISORY_MALFORMED", ["osv_data"]),
        # The only record is refused for its depth: no valid record.
        "ImportAdvisories (zip)": (grpc.StatusCode.INVALID_ARGUMENT, "ADVISORY_MALFORMED", ["osv_data"]),
    }
    assert health.status == health_pb2.HealthCheckResponse.SERVING


async def test_the_browser_bridge_refuses_deep_json_before_parsing() -> None:
    """The development JSON bridge (identity/webdev.py) parses request bodies too."""
    from aiohttp.test_utils import TestClient, TestServer

    from jipan.servers.identity.webdev import SERVICE, create_app

    channel = grpc.aio.insecure_channel("127.0.0.1:9")  # never reached
    async with channel, TestClient(TestServer(create_app(channel))) as client:
        response = await client.post(
            f"/{SERVICE}/FinishPasskeyRegistration",
            data=DEEP[:60000],
            headers={"Content-Type": "application/json"},
        )
        body = await response.json()
    assert response.status == 400
    assert body["code"] == "invalid_argument"
