"""The client interceptor: token, trace context, request id and deadline travel to the next service.

Two real servers with the chain: "front" serves a relay method that calls
"back" through `jipan.interceptors.client.insecure_channel`, as a service
calls another; the back server reports what arrived.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, MutableMapping
from pathlib import Path
from typing import Any

import grpc
import pytest
import pytest_asyncio

from jipan.interceptors.client import insecure_channel, propagated_timeout, static_token
from jipan.interceptors.context import current_deadline, deadline_var, request_id_var
from jipan.interceptors.logs import add_call_ids
from jipan.system.v1 import system_service_pb2 as system_pb
from jipan.system.v1 import system_service_pb2_grpc as system_grpc
from tests.test_interceptors_probe import PROBE_SERVICE, Mesh, ProbeForm, start_mesh, stop_mesh, valid_form


class Relay:
    """Front's GetUndeclared: call back's GetWhoAmI as `services/front` and return back's answer."""

    def __init__(self) -> None:
        self.back_target = ""
        self.service_token = ""
        self.own_timeout: float | None = None
        self.front_deadlines: list[float | None] = []
        # What a log line written in the handler would carry (logs.add_call_ids).
        self.logged_ids: list[MutableMapping[str, Any]] = []

    async def __call__(self, request: Any, context: Any) -> system_pb.GetWhoAmIResponse:
        self.front_deadlines.append(current_deadline())
        self.logged_ids.append(add_call_ids(None, "info", {}))
        async with insecure_channel(
            self.back_target, token_source=static_token(self.service_token)
        ) as channel:
            stub = system_grpc.SystemServiceStub(channel)
            return await stub.GetWhoAmI(system_pb.GetWhoAmIRequest(), timeout=self.own_timeout)


def relay_handler(relay: Relay) -> grpc.GenericRpcHandler:
    return grpc.method_handlers_generic_handler(
        PROBE_SERVICE,
        {
            "GetUndeclared": grpc.unary_unary_rpc_method_handler(
                relay,
                request_deserializer=system_pb.GetWhoAmIRequest.FromString,
                response_serializer=system_pb.GetWhoAmIResponse.SerializeToString,
            )
        },
    )


async def start_pair(shared: Path, *, front_records: bool) -> tuple[Mesh, Mesh, Relay]:
    """Back records spans; front records them too, or keeps ids only (no exporter: the default)."""
    relay = Relay()
    back = await start_mesh(shared)
    front = await start_mesh(shared, extra_handlers=[relay_handler(relay)], record_spans=front_records)
    relay.back_target = back.target
    relay.service_token = back.token(subject="services/front", scopes=["system.read"])
    return front, back, relay


@pytest_asyncio.fixture(scope="module")
async def pair(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[Mesh, Mesh, Relay]]:
    # One data dir: both trust the same dev key.
    front, back, relay = await start_pair(tmp_path_factory.mktemp("pair"), front_records=True)
    yield front, back, relay
    await stop_mesh(front)
    await stop_mesh(back)


async def test_a_relayed_call_carries_token_request_id_and_trace(pair: tuple[Mesh, Mesh, Relay]) -> None:
    front, back, relay = pair
    front.spans.clear()
    back.spans.clear()
    relay.own_timeout = None
    trace_id = "5a0e8f4b8d1c4e7f9a2b3c4d5e6f7a8b"
    response = await front.probe("GetUndeclared")(
        system_pb.GetWhoAmIRequest(),
        metadata=front.auth(x_request_id="relay-1", traceparent=f"00-{trace_id}-1111111111111111-01"),
    )
    # Back authenticated the service token, and ran under the caller's request id.
    assert response.principal.subject == "services/front"
    assert response.principal.request_id == "relay-1"

    [front_span] = front.spans.get_finished_spans()
    [back_span] = back.spans.get_finished_spans()
    assert f"{back_span.context.trace_id:032x}" == trace_id
    assert back_span.parent is not None
    assert back_span.parent.span_id == front_span.context.span_id
    back_line = await back.logs.wait_for("relay-1")
    assert back_line["trace_id"] == trace_id
    front_ids = relay.logged_ids[-1]
    assert (front_ids["trace_id"], front_ids["span_id"]) == (trace_id, f"{front_span.context.span_id:016x}")


async def test_ids_only_still_carry_the_trace_to_the_next_service(tmp_path: Path) -> None:
    # Front has no exporter (the default): no OpenTelemetry span, the ids alone travel.
    front, back, relay = await start_pair(tmp_path, front_records=False)
    try:
        trace_id = "6b1f9a5c9e2d5f8a0b3c4d5e6f7a8b9c"
        call = front.probe("GetUndeclared")(
            system_pb.GetWhoAmIRequest(),
            metadata=front.auth(
                x_request_id="relay-ids-1",
                traceparent=f"00-{trace_id}-2222222222222222-01",
                tracestate="jipan=t61,other=x",
            ),
        )
        await call
        echoed = next(value for key, value in await call.trailing_metadata() if key == "traceparent")
        _, echoed_trace, front_span_id, flags = str(echoed).split("-")
        assert (echoed_trace, flags) == (trace_id, "01")
        assert front_span_id != "2222222222222222"
        assert front.spans.get_finished_spans() == ()

        # Back's span is a child of front's ids, in the caller's trace, with its tracestate.
        [back_span] = back.spans.get_finished_spans()
        assert f"{back_span.context.trace_id:032x}" == trace_id
        assert back_span.parent is not None
        assert f"{back_span.parent.span_id:016x}" == front_span_id
        assert back_span.context.trace_state.to_header() == "jipan=t61,other=x"
        # A line the handler logs, and front's access line, name the same span.
        assert relay.logged_ids[-1] == {
            "request_id": "relay-ids-1",
            "trace_id": trace_id,
            "span_id": front_span_id,
        }
        front_line = await front.logs.wait_for("relay-ids-1")
        assert (front_line["trace_id"], front_line["span_id"]) == (trace_id, front_span_id)

        # Without a traceparent, front starts a trace and back joins it.
        back.spans.clear()
        call = front.probe("GetUndeclared")(system_pb.GetWhoAmIRequest(), metadata=front.auth())
        await call
        echoed = next(value for key, value in await call.trailing_metadata() if key == "traceparent")
        _, new_trace, new_span, _ = str(echoed).split("-")
        [back_span] = back.spans.get_finished_spans()
        assert f"{back_span.context.trace_id:032x}" == new_trace != trace_id
        assert back_span.parent is not None
        assert f"{back_span.parent.span_id:016x}" == new_span
    finally:
        await stop_mesh(front)
        await stop_mesh(back)


async def test_the_callers_deadline_caps_the_outgoing_timeout(pair: tuple[Mesh, Mesh, Relay]) -> None:
    front, back, relay = pair
    relay.own_timeout = 60.0  # longer than the caller allows: the caller's deadline wins
    await front.probe("GetUndeclared")(system_pb.GetWhoAmIRequest(), metadata=front.auth(), timeout=5)
    front_deadline, back_deadline = relay.front_deadlines[-1], back.observed.deadlines[-1]
    assert front_deadline is not None
    assert back_deadline is not None
    assert back_deadline <= front_deadline + 0.05  # same process, same monotonic clock
    assert back_deadline - time.monotonic() < 5.1

    relay.own_timeout = 1.0  # shorter than the caller's: its own wins
    await front.probe("GetUndeclared")(system_pb.GetWhoAmIRequest(), metadata=front.auth(), timeout=30)
    assert back.observed.deadlines[-1] is not None
    assert back.observed.deadlines[-1] - time.monotonic() < 1.1


async def test_without_a_deadline_none_is_invented(pair: tuple[Mesh, Mesh, Relay]) -> None:
    front, back, relay = pair
    relay.own_timeout = None
    await front.probe("GetUndeclared")(system_pb.GetWhoAmIRequest(), metadata=front.auth())
    assert relay.front_deadlines[-1] is None
    assert back.observed.deadlines[-1] is None


def test_propagated_timeout() -> None:
    assert propagated_timeout(3.0) == 3.0  # not inside a server call
    token = deadline_var.set(time.monotonic() + 1.0)
    try:
        assert propagated_timeout(0.5) == 0.5
        assert 0.9 < (propagated_timeout(10.0) or 0) <= 1.0
        assert 0.9 < (propagated_timeout(None) or 0) <= 1.0
    finally:
        deadline_var.reset(token)
    token = deadline_var.set(time.monotonic() - 1.0)
    try:
        assert propagated_timeout(10.0) == 0.0  # already late: fail fast, do not call with a fresh budget
    finally:
        deadline_var.reset(token)


async def test_explicit_metadata_wins_and_the_context_request_id_travels(
    pair: tuple[Mesh, Mesh, Relay],
) -> None:
    _, back, _ = pair
    token = request_id_var.set("ctx-req-1")
    try:
        async with insecure_channel(
            back.target, token_source=static_token(back.token(subject="services/a"))
        ) as channel:
            stub = system_grpc.SystemServiceStub(channel)
            implicit = await stub.GetWhoAmI(system_pb.GetWhoAmIRequest())
            assert (implicit.principal.subject, implicit.principal.request_id) == ("services/a", "ctx-req-1")
            explicit = await stub.GetWhoAmI(
                system_pb.GetWhoAmIRequest(),
                metadata=(
                    ("authorization", f"Bearer {back.token(subject='services/b')}"),
                    ("x-request-id", "explicit-1"),
                ),
            )
            assert (explicit.principal.subject, explicit.principal.request_id) == ("services/b", "explicit-1")
    finally:
        request_id_var.reset(token)


async def test_every_call_shape_is_intercepted(pair: tuple[Mesh, Mesh, Relay], tmp_path: Path) -> None:
    _, back, _ = pair
    async with insecure_channel(
        back.target, token_source=static_token(back.token(subject="services/s"))
    ) as channel:
        out = system_pb.GetWhoAmIResponse.FromString
        watch = channel.unary_stream(
            f"/{PROBE_SERVICE}/WatchWhoAmI",
            request_serializer=system_pb.GetWhoAmIRequest.SerializeToString,
            response_deserializer=out,
        )
        assert [r.principal.subject async for r in watch(system_pb.GetWhoAmIRequest())] == ["services/s"] * 3
        upload = channel.stream_unary(
            f"/{PROBE_SERVICE}/UploadForms",
            request_serializer=ProbeForm.SerializeToString,
            response_deserializer=out,
        )
        assert (await upload(iter([valid_form(), valid_form()]))).principal.subject == "services/s"
        chat = channel.stream_stream(
            f"/{PROBE_SERVICE}/ChatForms",
            request_serializer=ProbeForm.SerializeToString,
            response_deserializer=out,
        )
        assert [r.principal.subject async for r in chat(iter([valid_form()]))] == ["services/s"]
