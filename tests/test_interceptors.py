"""The server interceptor chain, end to end: real grpc.aio servers on port 0, real channels.

The servers run the chain from `build_server_interceptors` in front of a
SystemService test servicer and the in-memory probe contract (see
test_interceptors_probe.py), with an in-memory span exporter and the access
log captured as JSON lines. Assertions are on codes, ErrorInfo reasons,
metadata, spans and log fields — never on message text, except to prove that
internals do not leak.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime
import io
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import grpc
import jwt
import pytest
import pytest_asyncio
import structlog
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from google.rpc import error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_status import rpc_status
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import SpanKind, StatusCode

from jipan.common.v1 import authz_pb2
from jipan.interceptors.authz import policy_for_method
from jipan.interceptors.logs import configure_logging
from jipan.interceptors.rpc import MethodPlan, RpcCall
from jipan.interceptors.tokens import DevSigningKey
from jipan.interceptors.tracing import configure_tracing, shutdown_tracing
from jipan.servers.runtime.settings import load_settings
from jipan.system.v1 import system_service_pb2 as system_pb
from tests.test_interceptors_probe import (
    PROBE_SERVICE,
    SECRET,
    Mesh,
    ProbeForm,
    ProbeItem,
    start_mesh,
    stop_mesh,
    valid_form,
)

HEX32 = re.compile(r"[0-9a-f]{32}")
COMMON = "common.jipan.tw"


@pytest_asyncio.fixture(scope="module")
async def mesh(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Mesh]:
    served = await start_mesh(tmp_path_factory.mktemp("mesh"))
    yield served
    await stop_mesh(served)


@pytest.fixture(autouse=True)
def _fresh_spans(request: pytest.FixtureRequest) -> None:
    if "mesh" in request.fixturenames:
        request.getfixturevalue("mesh").spans.clear()


# --- helpers ---------------------------------------------------------------------------------------


def rich_status(error: grpc.aio.AioRpcError) -> status_pb2.Status:
    status = rpc_status.from_call(error)
    assert status is not None, "the error carries no google.rpc.Status"
    return status


def error_info(error: grpc.aio.AioRpcError) -> error_details_pb2.ErrorInfo:
    for detail in rich_status(error).details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info
    raise AssertionError("no ErrorInfo in the status")


def bad_request(error: grpc.aio.AioRpcError) -> error_details_pb2.BadRequest:
    for detail in rich_status(error).details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            found = error_details_pb2.BadRequest()
            detail.Unpack(found)
            return found
    raise AssertionError("no BadRequest in the status")


def trailer(metadata: Any, key: str) -> str:
    values = [value for k, value in metadata if k == key]
    assert len(values) == 1, f"{key}: {values}"
    return str(values[0])


async def fails(call: Any) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    return caught.value


async def drain(call: Any, into: list[Any] | None = None) -> list[Any]:
    """Read a response stream to its end (or its error), keeping what arrived."""
    received = into if into is not None else []
    async for response in call:
        received.append(response)
    return received


def span_of(mesh: Mesh, request_id: str) -> ReadableSpan:
    spans = [
        s
        for s in mesh.spans.get_finished_spans()
        if (s.attributes or {}).get("jipan.request_id") == request_id
    ]
    assert len(spans) == 1, spans
    return spans[0]


def subset(actual: Any, expected: dict[str, Any]) -> bool:
    """Every expected key is in `actual` with the expected value (a readable assert on log lines)."""
    missing = {
        key: actual.get(key, "<absent>") for key, value in expected.items() if actual.get(key) != value
    }
    assert not missing, f"differs: {missing}"
    return True


def now() -> int:
    return int(time.time())


# --- request id ------------------------------------------------------------------------------------


async def test_request_id_is_echoed_and_visible_to_the_handler(mesh: Mesh) -> None:
    call = mesh.system.GetWhoAmI(
        system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_request_id="req-echo:1.a_b")
    )
    response = await call
    assert response.principal.request_id == "req-echo:1.a_b"
    assert trailer(await call.trailing_metadata(), "x-request-id") == "req-echo:1.a_b"


@pytest.mark.parametrize("offered", ["has spaces", "x" * 129, "semi;colon", ""])
async def test_an_unacceptable_request_id_is_replaced(mesh: Mesh, offered: str) -> None:
    call = mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_request_id=offered))
    response = await call
    echoed = trailer(await call.trailing_metadata(), "x-request-id")
    assert HEX32.fullmatch(echoed)
    assert response.principal.request_id == echoed


async def test_a_request_id_is_made_when_none_is_sent(mesh: Mesh) -> None:
    first = mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth())
    second = mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth())
    await first
    await second
    ids = {trailer(await c.trailing_metadata(), "x-request-id") for c in (first, second)}
    assert len(ids) == 2
    assert all(HEX32.fullmatch(i) for i in ids)


async def test_call_context_never_leaks_between_concurrent_calls(mesh: Mesh) -> None:
    # The stages set contextvars without resetting them: that is only safe
    # because grpc.aio runs every RPC in a task of its own. Prove it.
    async def authenticated(index: int) -> tuple[str, str]:
        token = mesh.token(subject=f"people/{index}")
        call = mesh.system.GetWhoAmI(
            system_pb.GetWhoAmIRequest(), metadata=mesh.auth(token, x_request_id=f"iso-{index}")
        )
        response = await call
        return response.principal.subject, response.principal.request_id

    async def anonymous(index: int) -> tuple[str, str]:
        response = await mesh.probe("GetOpen")(
            system_pb.GetWhoAmIRequest(), metadata=(("x-request-id", f"anon-{index}"),)
        )
        return response.principal.subject, response.principal.request_id

    results = await asyncio.gather(*(f(i) for i in range(20) for f in (authenticated, anonymous)))
    expected = [pair for i in range(20) for pair in ((f"people/{i}", f"iso-{i}"), ("", f"anon-{i}"))]
    assert results == expected


def test_a_call_outside_the_interceptor_reads_metadata_from_its_context() -> None:
    # The interceptor hands grpc's metadata tuple to the call through a
    # contextvar; anywhere else (a fresh context) the context is asked.
    class Context:
        def invocation_metadata(self) -> tuple[tuple[str, str], ...]:
            return (("x-request-id", "from-context"),)

    plan = MethodPlan.describe("/jipan.system.v1.SystemService/GetVersion")
    call = contextvars.Context().run(RpcCall, plan, Context())  # type: ignore[arg-type]
    assert call.metadata == {"x-request-id": "from-context"}


# --- tracing ---------------------------------------------------------------------------------------


async def test_traceparent_in_same_trace_out(mesh: Mesh) -> None:
    trace_id, parent_id = "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"
    call = mesh.system.GetWhoAmI(
        system_pb.GetWhoAmIRequest(),
        metadata=mesh.auth(traceparent=f"00-{trace_id}-{parent_id}-01", x_request_id="trace-in-1"),
    )
    await call
    version, out_trace, out_span, flags = trailer(await call.trailing_metadata(), "traceparent").split("-")
    assert (version, out_trace, flags) == ("00", trace_id, "01")
    assert out_span != parent_id

    span = span_of(mesh, "trace-in-1")
    assert span.name == "jipan.system.v1.SystemService/GetWhoAmI"
    assert span.kind is SpanKind.SERVER
    assert f"{span.context.trace_id:032x}" == trace_id
    assert f"{span.context.span_id:016x}" == out_span
    assert span.parent is not None
    assert f"{span.parent.span_id:016x}" == parent_id
    assert subset(
        dict(span.attributes or {}),
        {
            "rpc.system": "grpc",
            "rpc.service": "jipan.system.v1.SystemService",
            "rpc.method": "GetWhoAmI",
            "rpc.grpc.status_code": 0,
        },
    )
    assert span.status.status_code is StatusCode.UNSET

    line = await mesh.logs.wait_for("trace-in-1")
    assert (line["trace_id"], line["span_id"]) == (trace_id, out_span)


async def test_a_call_without_traceparent_starts_a_trace(mesh: Mesh) -> None:
    call = mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_request_id="trace-new-1"))
    await call
    _, out_trace, out_span, _ = trailer(await call.trailing_metadata(), "traceparent").split("-")
    span = span_of(mesh, "trace-new-1")
    assert span.parent is None
    assert (f"{span.context.trace_id:032x}", f"{span.context.span_id:016x}") == (out_trace, out_span)


async def test_ids_propagate_without_an_exporter(tmp_path: Path) -> None:
    # Default settings (trace_exporter none) and no provider: no SDK spans, same ids.
    served = await start_mesh(tmp_path, record_spans=False)
    try:
        trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
        call = served.system.GetWhoAmI(
            system_pb.GetWhoAmIRequest(),
            metadata=served.auth(traceparent=f"00-{trace_id}-00f067aa0ba902b7-01", x_request_id="ids-only"),
        )
        await call
        _, out_trace, out_span, _ = trailer(await call.trailing_metadata(), "traceparent").split("-")
        assert out_trace == trace_id
        assert out_span != "00f067aa0ba902b7"
        line = await served.logs.wait_for("ids-only")
        assert (line["trace_id"], line["span_id"]) == (out_trace, out_span)
        assert served.spans.get_finished_spans() == ()
    finally:
        await stop_mesh(served)


# --- the order: logging and tracing see what the inner stages decided ------------------------------


async def test_an_auth_failure_is_logged_and_traced(mesh: Mesh) -> None:
    error = await fails(
        mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=(("x-request-id", "order-auth-1"),))
    )
    assert error.code() is grpc.StatusCode.UNAUTHENTICATED
    assert (error_info(error).reason, error_info(error).domain) == ("TOKEN_MISSING", COMMON)

    await mesh.logs.wait_for("order-auth-1")
    lines = mesh.logs.for_request("order-auth-1")
    assert len(lines) == 1
    assert subset(
        lines[0],
        {
            "event": "rpc",
            "method": "/jipan.system.v1.SystemService/GetWhoAmI",
            "code": "UNAUTHENTICATED",
            "reason": "TOKEN_MISSING",
            "subject": "",
        },
    )

    span = span_of(mesh, "order-auth-1")
    assert span.status.status_code is StatusCode.ERROR
    assert "TOKEN_MISSING" in (span.status.description or "")
    assert (span.attributes or {})["rpc.grpc.status_code"] == grpc.StatusCode.UNAUTHENTICATED.value[0]
    assert lines[0]["trace_id"] == f"{span.context.trace_id:032x}"


async def test_one_log_line_per_call_with_its_fields(mesh: Mesh) -> None:
    await mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_request_id="log-ok-1"))
    await mesh.logs.wait_for("log-ok-1")
    [line] = mesh.logs.for_request("log-ok-1")
    assert subset(
        line,
        {
            "event": "rpc",
            "level": "info",
            "method": "/jipan.system.v1.SystemService/GetWhoAmI",
            "code": "OK",
            "subject": "people/alice",
        },
    )
    assert "reason" not in line
    assert isinstance(line["duration_ms"], float)
    assert line["duration_ms"] >= 0
    assert HEX32.fullmatch(line["trace_id"])
    datetime.datetime.fromisoformat(line["timestamp"])


async def test_successful_health_checks_are_not_logged_failed_ones_are(mesh: Mesh) -> None:
    health = health_pb2_grpc.HealthStub(mesh.channel)
    response = await health.Check(health_pb2.HealthCheckRequest(), metadata=(("x-request-id", "health-ok"),))
    assert response.status == health_pb2.HealthCheckResponse.SERVING
    error = await fails(
        health.Check(
            health_pb2.HealthCheckRequest(service="no.such.Service"),
            metadata=(("x-request-id", "health-nf"),),
        )
    )
    assert error.code() is grpc.StatusCode.NOT_FOUND
    line = await mesh.logs.wait_for("health-nf")
    assert line["code"] == "NOT_FOUND"
    assert mesh.logs.for_request("health-ok") == []


# --- error translation -----------------------------------------------------------------------------


async def test_a_domain_error_becomes_a_rich_status(mesh: Mesh) -> None:
    error = await fails(
        mesh.system.GetVersion(
            system_pb.GetVersionRequest(), metadata=mesh.auth(x_probe="domain", x_request_id="dom-1")
        )
    )
    assert error.code() is grpc.StatusCode.NOT_FOUND
    info = error_info(error)
    assert (info.reason, info.domain) == ("SERVICE_NOT_FOUND", "system.jipan.tw")
    assert dict(info.metadata) == {"service": "x.y", "request_id": "dom-1"}
    request_infos = [d for d in rich_status(error).details if d.Is(error_details_pb2.RequestInfo.DESCRIPTOR)]
    assert len(request_infos) == 1
    assert trailer(error.trailing_metadata(), "x-request-id") == "dom-1"
    assert trailer(error.trailing_metadata(), "traceparent").startswith("00-")
    line = await mesh.logs.wait_for("dom-1")
    assert (line["code"], line["reason"], line["level"]) == ("NOT_FOUND", "SERVICE_NOT_FOUND", "info")


async def test_a_crash_is_internal_and_leaks_nothing(mesh: Mesh) -> None:
    error = await fails(
        mesh.system.GetVersion(
            system_pb.GetVersionRequest(), metadata=mesh.auth(x_probe="crash", x_request_id="crash-1")
        )
    )
    assert error.code() is grpc.StatusCode.INTERNAL
    info = error_info(error)
    assert (info.reason, info.domain) == ("INTERNAL", COMMON)
    assert info.metadata["request_id"] == "crash-1"
    assert "crash-1" in (error.details() or "")
    leaked = (
        repr(error.details()) + repr(list(error.trailing_metadata() or ())) + repr(error.debug_error_string())
    )
    for secret in (SECRET, "password_hash", "RuntimeError", "Traceback", "database failed"):
        assert secret not in leaked

    line = await mesh.logs.wait_for("crash-1")
    assert (line["code"], line["reason"], line["level"]) == ("INTERNAL", "INTERNAL", "error")
    assert "Traceback" in line["exception"]
    assert SECRET in line["exception"]
    span = span_of(mesh, "crash-1")
    assert line["trace_id"] == f"{span.context.trace_id:032x}"
    assert span.status.status_code is StatusCode.ERROR
    assert [event.name for event in span.events] == ["exception"]


async def test_a_handler_abort_passes_through_unchanged(mesh: Mesh) -> None:
    error = await fails(
        mesh.system.GetVersion(
            system_pb.GetVersionRequest(), metadata=mesh.auth(x_probe="abort", x_request_id="abort-1")
        )
    )
    assert error.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert error.details() == "the handler said no"
    assert trailer(error.trailing_metadata(), "x-request-id") == "abort-1"
    line = await mesh.logs.wait_for("abort-1")
    assert (line["code"], line["level"]) == ("FAILED_PRECONDITION", "info")
    assert "exception" not in line


async def test_handler_trailers_are_kept_beside_the_echo(mesh: Mesh) -> None:
    call = mesh.system.GetVersion(
        system_pb.GetVersionRequest(), metadata=mesh.auth(x_probe="trailers", x_request_id="tr-1")
    )
    await call
    trailers = await call.trailing_metadata()
    assert trailer(trailers, "x-handler") == "yes"
    assert trailer(trailers, "x-request-id") == "tr-1"


async def test_a_client_cancel_is_not_an_internal_error(mesh: Mesh) -> None:
    call = mesh.system.GetVersion(
        system_pb.GetVersionRequest(), metadata=mesh.auth(x_probe="slow", x_request_id="cancel-1")
    )
    await asyncio.sleep(0.3)  # let the handler start
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    line = await mesh.logs.wait_for("cancel-1")
    assert (line["code"], line["level"]) == ("CANCELLED", "info")
    assert "exception" not in line
    assert "reason" not in line
    assert "cancel-1" in mesh.observed.cancelled


async def test_an_expired_deadline_is_not_an_internal_error(mesh: Mesh) -> None:
    error = await fails(
        mesh.system.GetVersion(
            system_pb.GetVersionRequest(),
            metadata=mesh.auth(x_probe="slow", x_request_id="deadline-1"),
            timeout=0.3,
        )
    )
    assert error.code() is grpc.StatusCode.DEADLINE_EXCEEDED
    line = await mesh.logs.wait_for("deadline-1")
    assert line["code"] in ("DEADLINE_EXCEEDED", "CANCELLED")
    assert "exception" not in line


# --- authentication --------------------------------------------------------------------------------


def _resign(token: str, key: DevSigningKey, **changes: Any) -> str:
    """The token's claims, changed, signed with `key` (headers kept)."""
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, options={"verify_signature": False})
    claims.update(changes)
    return jwt.encode(
        claims, key.private_key, algorithm="EdDSA", headers={"typ": header["typ"], "kid": header["kid"]}
    )


def _tamper_payload(token: str) -> str:
    header, _, signature = token.split(".")
    claims = jwt.decode(token, options={"verify_signature": False})
    claims["sub"] = "people/mallory"
    payload = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    return f"{header}.{payload}.{signature}"


def _tamper_signature(token: str) -> str:
    head, payload, signature = token.split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    return f"{head}.{payload}.{flipped}"


def _other_header(mesh: Mesh, **header: Any) -> str:
    claims = jwt.decode(mesh.token(), options={"verify_signature": False})
    headers = {key: value for key, value in {"kid": mesh.key.kid, **header}.items() if value is not None}
    return jwt.encode(claims, mesh.key.private_key, algorithm="EdDSA", headers=headers)


def _header_as_given(mesh: Mesh, header: dict[str, Any]) -> str:
    """A token signed by the mesh key under a header PyJWT would refuse to write (e.g. `kid: 1`)."""
    claims = jwt.decode(mesh.token(), options={"verify_signature": False})
    head = jwt.utils.base64url_encode(json.dumps(header).encode()).decode()
    body = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    signature = jwt.utils.base64url_encode(mesh.key.private_key.sign(f"{head}.{body}".encode())).decode()
    return f"{head}.{body}.{signature}"


TokenCase = Callable[[Mesh], tuple[tuple[str, str], ...]]
BEARER = "authorization"

TOKEN_CASES: dict[str, tuple[TokenCase, str]] = {
    "missing": (lambda m: (), "TOKEN_MISSING"),
    "not bearer": (lambda m: ((BEARER, "Basic YWxpY2U6c2VjcmV0"),), "TOKEN_MISSING"),
    "empty bearer": (lambda m: ((BEARER, "Bearer "),), "TOKEN_MALFORMED"),
    "not a jwt": (lambda m: ((BEARER, "Bearer not-a-jwt"),), "TOKEN_MALFORMED"),
    "garbage segments": (lambda m: ((BEARER, "Bearer a.b.c"),), "TOKEN_MALFORMED"),
    "tampered payload": (lambda m: m.auth(_tamper_payload(m.token())), "TOKEN_SIGNATURE_INVALID"),
    "tampered signature": (lambda m: m.auth(_tamper_signature(m.token())), "TOKEN_SIGNATURE_INVALID"),
    "signed by another key with our kid": (
        lambda m: m.auth(_resign(m.token(), DevSigningKey.generate())),
        "TOKEN_SIGNATURE_INVALID",
    ),
    "unknown kid": (lambda m: m.auth(m.token(key=DevSigningKey.generate())), "TOKEN_KEY_UNKNOWN"),
    "no kid": (lambda m: m.auth(_other_header(m, typ="at+jwt", kid=None)), "TOKEN_KEY_UNKNOWN"),
    "kid a number": (
        lambda m: m.auth(_header_as_given(m, {"typ": "at+jwt", "alg": "EdDSA", "kid": 1})),
        "TOKEN_MALFORMED",
    ),
    "kid a number, no signature": (
        lambda m: m.auth(
            _header_as_given(m, {"typ": "at+jwt", "alg": "EdDSA", "kid": 1}).rpartition(".")[0] + "."
        ),
        "TOKEN_MALFORMED",
    ),
    "padded signature": (lambda m: m.auth(m.token() + "=="), "TOKEN_MALFORMED"),
    "typ JWT": (lambda m: m.auth(_other_header(m, typ="JWT")), "TOKEN_CLAIMS_INVALID"),
    "alg HS256": (
        lambda m: m.auth(
            jwt.encode(
                jwt.decode(m.token(), options={"verify_signature": False}),
                "a-shared-secret-that-is-long-enough-for-hs256",
                algorithm="HS256",
                headers={"typ": "at+jwt", "kid": m.key.kid},
            )
        ),
        "TOKEN_SIGNATURE_INVALID",
    ),
    "expired": (
        lambda m: m.auth(m.token(extra={"iat": now() - 3600, "nbf": now() - 3600, "exp": now() - 60})),
        "TOKEN_EXPIRED",
    ),
    "not yet valid (nbf)": (lambda m: m.auth(m.token(extra={"nbf": now() + 600})), "TOKEN_NOT_YET_VALID"),
    "issued in the future (iat)": (
        lambda m: m.auth(m.token(extra={"iat": now() + 600, "nbf": None})),
        "TOKEN_NOT_YET_VALID",
    ),
    "wrong audience": (lambda m: m.auth(m.token(audience="ledger")), "TOKEN_AUDIENCE_INVALID"),
    "no audience": (lambda m: m.auth(m.token(extra={"aud": None})), "TOKEN_AUDIENCE_INVALID"),
    "wrong issuer": (lambda m: m.auth(m.token(issuer="https://evil.example")), "TOKEN_ISSUER_INVALID"),
    "no jti": (lambda m: m.auth(m.token(extra={"jti": None})), "TOKEN_CLAIMS_INVALID"),
    "no sub": (lambda m: m.auth(m.token(extra={"sub": None})), "TOKEN_CLAIMS_INVALID"),
    "no exp": (lambda m: m.auth(m.token(extra={"exp": None})), "TOKEN_CLAIMS_INVALID"),
    "roles not a list": (lambda m: m.auth(m.token(extra={"roles": "admin"})), "TOKEN_CLAIMS_INVALID"),
}


@pytest.mark.parametrize("case", list(TOKEN_CASES))
async def test_token_rejections_have_their_reason(mesh: Mesh, case: str) -> None:
    make, reason = TOKEN_CASES[case]
    metadata = (*make(mesh), ("x-request-id", f"tok-{abs(hash(case))}"))
    error = await fails(mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=metadata))
    assert error.code() is grpc.StatusCode.UNAUTHENTICATED
    info = error_info(error)
    assert (info.reason, info.domain) == (reason, COMMON)
    line = await mesh.logs.wait_for(f"tok-{abs(hash(case))}")
    assert (line["code"], line["reason"]) == ("UNAUTHENTICATED", reason)


async def test_expiry_within_the_clock_skew_is_accepted(mesh: Mesh) -> None:
    token = mesh.token(extra={"iat": now() - 900, "nbf": now() - 900, "exp": now() - 10})  # skew is 30 s
    response = await mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(token))
    assert response.principal.subject == "people/alice"


async def test_the_principal_carries_the_token_claims(mesh: Mesh) -> None:
    token = mesh.token(
        subject="people/bob",
        scopes=["b.read", "a.write"],
        org="orgs/moda",
        roles=["admin", "viewer"],
        consent="c-1",
    )
    response = await mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(token))
    principal = response.principal
    assert principal.subject == "people/bob"
    assert list(principal.scopes) == ["a.write", "b.read"]
    assert (principal.org, list(principal.roles)) == ("orgs/moda", ["admin", "viewer"])
    assert principal.token_id == jwt.decode(token, options={"verify_signature": False})["jti"]


async def test_a_retired_key_is_refused_even_for_a_cached_token(mesh: Mesh) -> None:
    old_token = mesh.token()
    await mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(old_token))  # now cached
    new_key = DevSigningKey.generate()
    original = list(mesh.jwks["keys"])
    mesh.jwks["keys"] = [new_key.public_jwk()]  # identity rotated and retired the old key
    try:
        await mesh.key_set.refresh()  # type: ignore[attr-defined]
        error = await fails(
            mesh.system.GetWhoAmI(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(old_token))
        )
        assert error_info(error).reason == "TOKEN_KEY_UNKNOWN"
        response = await mesh.system.GetWhoAmI(
            system_pb.GetWhoAmIRequest(), metadata=mesh.auth(mesh.token(key=new_key))
        )
        assert response.principal.subject == "people/alice"
    finally:
        mesh.jwks["keys"] = original
        await mesh.key_set.refresh()  # type: ignore[attr-defined]


async def test_a_new_key_is_picked_up_on_first_sight_of_its_kid(mesh: Mesh) -> None:
    rotated = DevSigningKey.generate()
    mesh.jwks["keys"] = [*mesh.jwks["keys"], rotated.public_jwk()]  # published, not fetched yet
    try:
        response = await mesh.system.GetWhoAmI(
            system_pb.GetWhoAmIRequest(), metadata=mesh.auth(mesh.token(key=rotated, subject="people/rot"))
        )
        assert response.principal.subject == "people/rot"
    finally:
        mesh.jwks["keys"] = mesh.jwks["keys"][:-1]
        await mesh.key_set.refresh()  # type: ignore[attr-defined]


# --- authorization ---------------------------------------------------------------------------------


async def test_a_missing_scope_is_permission_denied(mesh: Mesh) -> None:
    scoped = mesh.probe("GetScoped")
    error = await fails(
        scoped(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(mesh.token(scopes=["probe.read"])))
    )
    assert error.code() is grpc.StatusCode.PERMISSION_DENIED
    info = error_info(error)
    assert (info.reason, info.domain) == ("SCOPE_MISSING", COMMON)
    assert info.metadata["missing_scopes"] == "probe.audit"
    assert info.metadata["method"] == f"/{PROBE_SERVICE}/GetScoped"
    ok = await scoped(
        system_pb.GetWhoAmIRequest(), metadata=mesh.auth(mesh.token(scopes=["probe.audit", "probe.read"]))
    )
    assert ok.principal.subject == "people/alice"


@pytest.mark.parametrize(
    ("org", "roles"),
    [(None, ["admin"]), ("orgs/moda", []), ("orgs/moda", ["viewer"])],
    ids=["no org", "no roles", "other role"],
)
async def test_a_missing_org_role_is_permission_denied(mesh: Mesh, org: str | None, roles: list[str]) -> None:
    error = await fails(
        mesh.probe("GetRoled")(
            system_pb.GetWhoAmIRequest(), metadata=mesh.auth(mesh.token(org=org, roles=roles))
        )
    )
    assert error.code() is grpc.StatusCode.PERMISSION_DENIED
    info = error_info(error)
    assert info.reason == "ROLE_MISSING"
    assert info.metadata["required_roles"] == "admin auditor"


async def test_any_one_of_the_org_roles_is_enough(mesh: Mesh) -> None:
    token = mesh.token(org="orgs/moda", roles=["auditor"])
    response = await mesh.probe("GetRoled")(system_pb.GetWhoAmIRequest(), metadata=mesh.auth(token))
    assert list(response.principal.roles) == ["auditor"]


async def test_a_method_without_policy_needs_a_token(mesh: Mesh) -> None:
    undeclared = mesh.probe("GetUndeclared")
    error = await fails(undeclared(system_pb.GetWhoAmIRequest()))
    assert error_info(error).reason == "TOKEN_MISSING"
    assert (
        await undeclared(system_pb.GetWhoAmIRequest(), metadata=mesh.auth())
    ).principal.subject == "people/alice"


async def test_an_open_method_needs_no_token_and_ignores_a_bad_one(mesh: Mesh) -> None:
    open_method = mesh.probe("GetOpen")
    assert (await open_method(system_pb.GetWhoAmIRequest())).principal.subject == ""
    garbage = (("authorization", "Bearer garbage"),)
    assert (await open_method(system_pb.GetWhoAmIRequest(), metadata=garbage)).principal.subject == ""


async def test_health_and_reflection_are_open(mesh: Mesh) -> None:
    health = health_pb2_grpc.HealthStub(mesh.channel)
    assert (
        await health.Check(health_pb2.HealthCheckRequest())
    ).status == health_pb2.HealthCheckResponse.SERVING
    reflection = reflection_pb2_grpc.ServerReflectionStub(mesh.channel)
    responses = [
        r
        async for r in reflection.ServerReflectionInfo(
            iter([reflection_pb2.ServerReflectionRequest(list_services="")])
        )
    ]
    names = {s.name for s in responses[0].list_services_response.service}
    assert "jipan.system.v1.SystemService" in names


def test_policy_for_method_reads_the_contract() -> None:
    assert (
        policy_for_method("/jipan.system.v1.SystemService/GetWhoAmI").level
        == authz_pb2.AUTH_LEVEL_AUTHENTICATED
    )
    assert policy_for_method("/grpc.health.v1.Health/Check").level == authz_pb2.AUTH_LEVEL_OPEN
    assert (
        policy_for_method("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo").level
        == authz_pb2.AUTH_LEVEL_OPEN
    )
    assert policy_for_method("/no.such.Service/Method").level == authz_pb2.AUTH_LEVEL_AUTHENTICATED
    assert policy_for_method(f"/{PROBE_SERVICE}/GetUndeclared").level == authz_pb2.AUTH_LEVEL_AUTHENTICATED
    scoped = policy_for_method(f"/{PROBE_SERVICE}/GetScoped")
    assert list(scoped.scopes) == ["probe.read", "probe.audit"]
    scoped.scopes.append("mutated")  # a copy: the chain's view must not change
    assert list(policy_for_method(f"/{PROBE_SERVICE}/GetScoped").scopes) == ["probe.read", "probe.audit"]


# --- validation ------------------------------------------------------------------------------------


async def test_every_violation_is_reported_at_once(mesh: Mesh) -> None:
    request = system_pb.ListMethodPoliciesRequest(
        service="9starts.with.digit", page_size=501, page_token="x" * 1025
    )
    error = await fails(mesh.system.ListMethodPolicies(request, metadata=mesh.auth(x_request_id="val-1")))
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    info = error_info(error)
    assert (info.reason, info.domain) == ("FIELD_INVALID", COMMON)
    violations = {(v.field, v.reason) for v in bad_request(error).field_violations}
    assert violations == {("service", "PATTERN"), ("page_size", "LTE"), ("page_token", "MAX_LEN")}
    line = await mesh.logs.wait_for("val-1")
    assert (line["code"], line["reason"]) == ("INVALID_ARGUMENT", "FIELD_INVALID")


async def test_a_refusal_that_quotes_huge_input_still_arrives_with_its_error_info(mesh: Mesh) -> None:
    """Clients refuse trailers over 8-16 KiB (RESOURCE_EXHAUSTED, no ErrorInfo): the status is bounded."""
    tags = [f"Ü{index}" + "ü" * 1000 for index in range(500)]  # 500 PATTERN violations, ~1 MB of text
    error = await fails(
        mesh.probe("SubmitForm", request=ProbeForm)(valid_form(tags=tags), metadata=mesh.auth())
    )
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    info = error_info(error)
    assert (info.reason, info.domain) == ("FIELD_INVALID", COMMON)
    violations = bad_request(error).field_violations
    assert 0 < len(violations) <= 50
    assert int(info.metadata["field_violations_omitted"]) == 500 - len(violations)
    assert violations[0].field == "tags[0]"
    assert len(rich_status(error).SerializeToString()) <= 4096
    assert len(error.details() or "") < 400


def test_status_for_bounds_every_part() -> None:
    from jipan.interceptors.errors import status_for
    from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

    huge = "名" * 100_000
    error = InvalidArgument(
        "NAME_INVALID",
        huge,
        metadata={f"key{index}": huge for index in range(100)},
        field_violations=[FieldViolation(huge, huge, "PATTERN")] * 1000,
    )
    code, status = status_for(error, "rid-1")
    assert code is grpc.StatusCode.INVALID_ARGUMENT
    assert status.ByteSize() <= 4096
    info = error_details_pb2.ErrorInfo()
    status.details[0].Unpack(info)
    assert (info.reason, info.metadata["request_id"]) == ("NAME_INVALID", "rid-1")
    small = InvalidArgument("NAME_INVALID", "short", metadata={"name": "x"})
    _, unchanged = status_for(small, "rid-2")
    assert unchanged.message == "short"
    unchanged.details[0].Unpack(info)
    assert dict(info.metadata) == {"name": "x", "request_id": "rid-2"}


async def test_a_negative_page_size_is_invalid(mesh: Mesh) -> None:
    error = await fails(
        mesh.system.ListMethodPolicies(
            system_pb.ListMethodPoliciesRequest(page_size=-1), metadata=mesh.auth()
        )
    )
    assert [(v.field, v.reason) for v in bad_request(error).field_violations] == [("page_size", "GTE")]


async def test_nested_violations_have_dotted_paths(mesh: Mesh) -> None:
    form = valid_form(items=[ProbeItem(name="ok", qty=1), ProbeItem(name="far-too-long", qty=0)])
    form.price.currency_code = "twd"
    error = await fails(mesh.probe("SubmitForm", request=ProbeForm)(form, metadata=mesh.auth()))
    fields = {(v.field, v.reason) for v in bad_request(error).field_violations}
    assert fields == {
        ("price.currency_code", "PATTERN"),
        ("items[1].name", "MAX_LEN"),
        ("items[1].qty", "GTE"),
    }


async def test_validation_runs_only_after_authentication(mesh: Mesh) -> None:
    error = await fails(mesh.probe("SubmitForm", request=ProbeForm)(ProbeForm()))  # invalid and no token
    assert error.code() is grpc.StatusCode.UNAUTHENTICATED


async def test_a_valid_request_reaches_the_handler(mesh: Mesh) -> None:
    response = await mesh.probe("SubmitForm", request=ProbeForm)(valid_form(), metadata=mesh.auth())
    assert response.principal.subject == "people/alice"


# --- request bytes that do not parse ---------------------------------------------------------------


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if not value:
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)


def _nested_children(depth: int) -> bytes:
    """A ProbeForm whose `child` (field 9) is nested `depth` deep."""
    message = b""
    for _ in range(depth):
        message = b"\x4a" + _varint(len(message)) + message
    return message


# ProbeForm: field 1 `id` and field 8 `note` are strings (tags 0x0a, 0x42).
UNPARSABLE = {
    "truncated length": b"\x0a\x05ab",
    "invalid utf-8 in a string": b"\x42\x02\xff\xfe",
    "a lone surrogate in a string": b"\x42\x03\xed\xa0\x80",
    "end-group without start": b"\x0c",
    "field number zero": b"\x00\x01",
    "varint too long": b"\x10" + b"\xff" * 11,
    "nesting past the parser's limit": _nested_children(200),  # upb stops at 100
}


def _raw(mesh: Mesh, method: str, shape: str = "") -> Any:
    out = system_pb.GetWhoAmIResponse.FromString
    channel = mesh.channel
    make = {
        "": channel.unary_unary,
        "out": channel.unary_stream,
        "in": channel.stream_unary,
        "both": channel.stream_stream,
    }[shape]
    return make(method, request_serializer=None, response_deserializer=out)


def _assert_malformed(error: grpc.aio.AioRpcError, message_type: str) -> None:
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT, (error.code(), error.details())
    info = error_info(error)
    assert (info.reason, info.domain) == ("REQUEST_MALFORMED", COMMON)
    assert info.metadata["message_type"] == message_type
    assert info.metadata["request_id"]


@pytest.mark.parametrize("case", list(UNPARSABLE))
async def test_request_bytes_that_do_not_parse_are_request_malformed(mesh: Mesh, case: str) -> None:
    request_id = f"raw-{abs(hash(case))}"
    call = _raw(mesh, f"/{PROBE_SERVICE}/SubmitForm")(
        UNPARSABLE[case], metadata=mesh.auth(x_request_id=request_id)
    )
    _assert_malformed(await fails(call), f"{PROBE_SERVICE.rpartition('.')[0]}.ProbeForm")
    line = await mesh.logs.wait_for(request_id)
    assert (line["code"], line["reason"]) == ("INVALID_ARGUMENT", "REQUEST_MALFORMED")
    assert span_of(mesh, request_id).status.status_code is StatusCode.ERROR


async def test_every_shape_of_method_refuses_unparsable_bytes(mesh: Mesh) -> None:
    garbage = UNPARSABLE["invalid utf-8 in a string"]
    form = f"{PROBE_SERVICE.rpartition('.')[0]}.ProbeForm"
    _assert_malformed(
        await fails(
            _raw(mesh, "/jipan.system.v1.SystemService/ListMethodPolicies")(
                b"\x0a\x01\xff", metadata=mesh.auth()
            )
        ),
        "jipan.system.v1.ListMethodPoliciesRequest",
    )
    # Server streaming (the request is the WhoAmI request: any bytes with a bad tag).
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await drain(_raw(mesh, f"/{PROBE_SERVICE}/WatchWhoAmI", "out")(b"\x0c", metadata=mesh.auth()))
    _assert_malformed(caught.value, "jipan.system.v1.GetWhoAmIRequest")
    # Client streaming: the second message is garbage, after a good one.
    good = valid_form().SerializeToString()
    upload = _raw(mesh, f"/{PROBE_SERVICE}/UploadForms", "in")
    _assert_malformed(await fails(upload(iter([good, garbage]), metadata=mesh.auth())), form)
    # Bidirectional.
    chat = _raw(mesh, f"/{PROBE_SERVICE}/ChatForms", "both")
    received: list[Any] = []
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await drain(chat(iter([good, garbage]), metadata=mesh.auth()), received)
    assert len(received) == 1
    _assert_malformed(caught.value, form)


async def test_open_methods_refuse_unparsable_bytes_too(mesh: Mesh) -> None:
    # Health and reflection are served by grpcio's own servicers; the chain wraps them as any other.
    _assert_malformed(
        await fails(_raw(mesh, "/grpc.health.v1.Health/Check")(b"\x0a\x02\xc3\x28")),
        "grpc.health.v1.HealthCheckRequest",
    )
    reflection_call = _raw(mesh, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", "both")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await drain(reflection_call(iter([b"\x0c"])))
    _assert_malformed(caught.value, "grpc.reflection.v1alpha.ServerReflectionRequest")
    _assert_malformed(
        await fails(_raw(mesh, f"/{PROBE_SERVICE}/GetOpen")(b"\x0c")), "jipan.system.v1.GetWhoAmIRequest"
    )


async def test_unparsable_bytes_without_a_token_are_unauthenticated_first(mesh: Mesh) -> None:
    # Zero trust: a caller without a token learns nothing, not even that its bytes were bad.
    error = await fails(_raw(mesh, f"/{PROBE_SERVICE}/SubmitForm")(b"\x0c"))
    assert error.code() is grpc.StatusCode.UNAUTHENTICATED


async def test_nul_in_a_string_is_refused_over_the_wire(mesh: Mesh) -> None:
    error = await fails(
        mesh.probe("SubmitForm", request=ProbeForm)(valid_form(note="a\x00"), metadata=mesh.auth())
    )
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(error).reason == "FIELD_INVALID"
    assert [(v.field, v.reason) for v in bad_request(error).field_violations] == [("note", "NUL")]


# --- streams and handler styles --------------------------------------------------------------------


async def test_a_server_stream_goes_through_the_chain(mesh: Mesh) -> None:
    call = mesh.probe("WatchWhoAmI", streaming="out")(
        system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_request_id="s-1")
    )
    subjects = [r.principal.subject async for r in call]
    assert subjects == ["people/alice"] * 3
    assert trailer(await call.trailing_metadata(), "x-request-id") == "s-1"
    line = await mesh.logs.wait_for("s-1")
    assert (line["code"], line["method"]) == ("OK", f"/{PROBE_SERVICE}/WatchWhoAmI")
    assert span_of(mesh, "s-1").status.status_code is StatusCode.UNSET


async def test_a_server_stream_needs_a_token(mesh: Mesh) -> None:
    call = mesh.probe("WatchWhoAmI", streaming="out")(system_pb.GetWhoAmIRequest())
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await drain(call)
    assert error_info(caught.value).reason == "TOKEN_MISSING"


async def test_a_domain_error_mid_stream_is_translated(mesh: Mesh) -> None:
    call = mesh.probe("WatchWhoAmI", streaming="out")(
        system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_probe="domain", x_request_id="s-dom")
    )
    received: list[Any] = []
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await drain(call, received)
    assert len(received) == 2
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    info = error_info(caught.value)
    assert info.reason == "PAGE_TOKEN_INVALID"
    assert info.metadata["at"] == "2"
    line = await mesh.logs.wait_for("s-dom")
    assert (line["code"], line["reason"]) == ("INVALID_ARGUMENT", "PAGE_TOKEN_INVALID")


async def test_a_crash_mid_stream_is_internal_and_leaks_nothing(mesh: Mesh) -> None:
    call = mesh.probe("WatchWhoAmI", streaming="out")(
        system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_probe="crash", x_request_id="s-crash")
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await drain(call)
    assert caught.value.code() is grpc.StatusCode.INTERNAL
    assert error_info(caught.value).reason == "INTERNAL"
    assert SECRET not in (caught.value.details() or "")
    line = await mesh.logs.wait_for("s-crash")
    assert line["level"] == "error"
    assert SECRET in line["exception"]


async def test_a_writer_style_stream_goes_through_the_chain(mesh: Mesh) -> None:
    call = mesh.probe("WatchWritten", streaming="out")(system_pb.GetWhoAmIRequest(), metadata=mesh.auth())
    assert [r.principal.subject async for r in call] == ["people/alice"] * 2


async def test_a_client_stream_is_validated_message_by_message(mesh: Mesh) -> None:
    upload = mesh.probe("UploadForms", request=ProbeForm, streaming="in")
    response = await upload(iter([valid_form(), valid_form(), valid_form()]), metadata=mesh.auth())
    assert list(response.principal.roles) == ["received:3"]
    error = await fails(upload(iter([valid_form(), ProbeForm(note="x")]), metadata=mesh.auth()))
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert {v.field for v in bad_request(error).field_violations} == {"price", "note"}


async def test_a_bidi_stream_goes_through_the_chain(mesh: Mesh) -> None:
    chat = mesh.probe("ChatForms", request=ProbeForm, streaming="both")
    call = chat(iter([valid_form(), valid_form()]), metadata=mesh.auth(x_request_id="bidi-1"))
    assert [r.principal.request_id async for r in call] == ["bidi-1", "bidi-1"]
    unauthenticated = mesh.probe("ChatForms", request=ProbeForm, streaming="both")(iter([valid_form()]))
    assert await unauthenticated.code() is grpc.StatusCode.UNAUTHENTICATED


async def test_a_sync_handler_sees_the_call_context(mesh: Mesh) -> None:
    response = await mesh.probe("GetSync")(
        system_pb.GetWhoAmIRequest(), metadata=mesh.auth(x_request_id="sync-1")
    )
    assert (response.principal.subject, response.principal.request_id) == ("people/alice", "sync-1")


# --- mTLS --------------------------------------------------------------------------------------------


def _certificate(
    subject: str,
    issuer_key: ec.EllipticCurvePrivateKey | None,
    issuer_name: x509.Name | None,
    *,
    ca: bool = False,
    dns: list[str] = (),  # type: ignore[assignment]
    ip: bool = False,
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    start = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name or name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    names: list[x509.GeneralName] = [x509.DNSName(d) for d in dns]
    if ip:
        names.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return key, builder.sign(issuer_key or key, hashes.SHA256())


def _pem(key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> tuple[bytes, bytes]:
    return (
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        cert.public_bytes(serialization.Encoding.PEM),
    )


async def test_the_client_certificate_identity_is_recorded_over_mtls(tmp_path: Path) -> None:
    ca_key, ca_cert = _certificate("Jipan Test CA", None, None, ca=True)
    server_key, server_cert = _certificate("localhost", ca_key, ca_cert.subject, dns=["localhost"], ip=True)
    client_key, client_cert = _certificate(
        "billing", ca_key, ca_cert.subject, dns=["billing.services.jipan.local"]
    )
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM)
    (tmp_path / "ca.pem").write_bytes(ca_pem)
    credentials = grpc.ssl_server_credentials(
        [_pem(server_key, server_cert)], root_certificates=ca_pem, require_client_auth=True
    )
    served = await start_mesh(
        tmp_path, credentials=credentials, settings_overrides={"tls_client_ca_file": str(tmp_path / "ca.pem")}
    )
    try:
        client_pem_key, client_pem_cert = _pem(client_key, client_cert)
        channel = grpc.aio.secure_channel(
            served.target,
            grpc.ssl_channel_credentials(ca_pem, client_pem_key, client_pem_cert),
            options=[("grpc.ssl_target_name_override", "localhost")],
        )
        async with channel:
            call = channel.unary_unary(
                "/jipan.system.v1.SystemService/GetWhoAmI",
                request_serializer=system_pb.GetWhoAmIRequest.SerializeToString,
                response_deserializer=system_pb.GetWhoAmIResponse.FromString,
            )
            response = await call(system_pb.GetWhoAmIRequest(), metadata=served.auth())
            assert response.principal.peer_certificate_identity == "billing.services.jipan.local"
            # Open methods record it too: it is the transport's identity, not the token's.
            open_call = channel.unary_unary(
                f"/{PROBE_SERVICE}/GetOpen",
                request_serializer=system_pb.GetWhoAmIRequest.SerializeToString,
                response_deserializer=system_pb.GetWhoAmIResponse.FromString,
            )
            opened = await open_call(system_pb.GetWhoAmIRequest())
            assert opened.principal.peer_certificate_identity == "billing.services.jipan.local"
    finally:
        await stop_mesh(served)


# --- process configuration -------------------------------------------------------------------------


def test_configure_logging_writes_json_lines_for_structlog_and_stdlib(tmp_path: Path) -> None:
    settings = load_settings({}, data_dir=str(tmp_path))
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        configure_logging(settings, stream=stream)
        structlog.contextvars.bind_contextvars(request_id="cfg-1")
        structlog.get_logger("jipan.test").warning("hello", answer=42, place="臺北")
        logging.getLogger("grpc._cython").error("from the stdlib")
        try:
            raise ValueError("boom")
        except ValueError:
            structlog.get_logger("jipan.test").exception("failed")
        first, second, third = (json.loads(line) for line in stream.getvalue().splitlines())
        assert subset(
            first,
            {"event": "hello", "answer": 42, "place": "臺北", "level": "warning", "request_id": "cfg-1"},
        )
        assert subset(second, {"event": "from the stdlib", "level": "error", "logger": "grpc._cython"})
        assert "ValueError: boom" in third["exception"]
    finally:
        structlog.contextvars.clear_contextvars()
        structlog.reset_defaults()
        root.handlers, root.level = saved[0], saved[1]


def test_configure_tracing_builds_the_configured_exporter(tmp_path: Path) -> None:
    console = configure_tracing(
        load_settings({}, data_dir=str(tmp_path), trace_exporter="console"), set_global=False
    )
    otlp = configure_tracing(
        load_settings(
            {}, data_dir=str(tmp_path), trace_exporter="otlp", otlp_endpoint="http://127.0.0.1:4317"
        ),
        set_global=False,
    )
    none = configure_tracing(load_settings({}, data_dir=str(tmp_path)), set_global=False)
    for provider in (console, otlp, none):
        shutdown_tracing(provider)


def test_access_lines_written_straight_to_a_file_match_the_stream_path(tmp_path: Path) -> None:
    """A log file gets its access lines with one os.write: same bytes, in order with other writers."""
    from jipan.interceptors.logs import AccessLogStage
    from jipan.interceptors.rpc import handed_metadata

    settings = load_settings({}, data_dir=str(tmp_path))
    plan = MethodPlan.describe("/jipan.probe.v1.ProbeService/GetOpen")

    def emit(stage: AccessLogStage, subject: str) -> None:
        token = handed_metadata.set(())
        try:
            call = RpcCall(plan, None)  # type: ignore[arg-type]
        finally:
            handed_metadata.reset(token)
        call.subject, call.request_id = subject, "r-1"
        call.code, call.reason = grpc.StatusCode.PERMISSION_DENIED, "SCOPE_MISSING"
        stage._ended(plan, call, time.perf_counter())  # no event loop here: written at once

    with (tmp_path / "direct.log").open("w", encoding="utf-8") as direct:
        stage = AccessLogStage(settings, stream=direct)
        assert stage._fd == direct.fileno()
        direct.write("before\n")
        direct.flush()
        emit(stage, 'people/臺灣\n"quoted"')
        direct.write("after\n")
        direct.flush()
    through_stream = io.StringIO()
    stage = AccessLogStage(settings, stream=through_stream)
    assert stage._fd is None
    emit(stage, 'people/臺灣\n"quoted"')

    before, line, after = (tmp_path / "direct.log").read_text(encoding="utf-8").splitlines()
    assert (before, after) == ("before", "after")
    parsed, expected = json.loads(line), json.loads(through_stream.getvalue())
    assert parsed["subject"] == 'people/臺灣\n"quoted"'
    assert (parsed["code"], parsed["reason"]) == ("PERMISSION_DENIED", "SCOPE_MISSING")
    assert {k: v for k, v in parsed.items() if k not in {"timestamp", "duration_ms"}} == {
        k: v for k, v in expected.items() if k not in {"timestamp", "duration_ms"}
    }
