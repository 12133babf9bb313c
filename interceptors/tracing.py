"""Tracing: W3C trace context in, one SERVER span per RPC, `traceparent` out.

Second in the chain, so that the log line (next stage) carries the trace id
and the span covers everything after it, authentication failures included.

Two modes, chosen once when the chain is built:

* recording: an OpenTelemetry SDK span per RPC with rpc.* attributes and the
  final status, exported by whatever processors the TracerProvider has
  (console, OTLP, or a test's in-memory exporter);
* ids only (trace exporter "none", the default): a fresh span id under the
  caller's trace id (or a new trace), kept in one contextvar
  (`context.trace_ids_var`) with the `traceparent` it is echoed as. Ids still
  propagate (to logs, to outgoing calls through the client interceptor, back
  to the caller), but nothing is recorded that nobody would export, and no
  OpenTelemetry span, context or attach is made: `current_trace_ids()` is how
  logs and the client interceptor read the ids in either mode. An SDK span
  costs ~25 µs of CPU per call on our reference machine; a non-recording
  OpenTelemetry span attached as the current one cost ~4 µs in process (and
  ~17 µs of a real server's CPU per call, bench/RESULTS.md); this costs ~1.3 µs.
  (In this mode `trace.get_current_span()` inside a handler is the invalid
  span: nothing in Jipan starts child spans; code that would must run with an
  exporter configured to have them recorded anyway.)
"""

from __future__ import annotations

import random
import sys
from collections.abc import AsyncIterator
from typing import Any

import grpc
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor
from opentelemetry.trace import Span, SpanContext, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from opentelemetry.trace.status import Status, StatusCode

from jipan.interceptors.context import trace_ids_var
from jipan.interceptors.rpc import MethodPlan, RpcCall, StreamResponder, UnaryResponder
from jipan.servers.runtime.settings import Settings, TraceExporter

TRACEPARENT_KEY = "traceparent"
TRACESTATE_KEY = "tracestate"
INSTRUMENTATION_NAME = "jipan.interceptors"

# W3C trace context only (no baggage): that is the contract between Jipan
# services and what collectors and Envoy understand.
PROPAGATOR = TraceContextTextMapPropagator()


def configure_tracing(settings: Settings, *, set_global: bool = True) -> TracerProvider:
    """The process's TracerProvider with the exporter named in settings.

    Exporters run in a BatchSpanProcessor (off the request path) except the
    console one, which writes each span to stderr as it ends (stdout is kept
    for the JSON log lines).
    """
    provider = TracerProvider(resource=Resource.create({"service.name": "jipan"}))
    if settings.trace_exporter is TraceExporter.CONSOLE:
        provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter(out=sys.stderr)))
    elif settings.trace_exporter is TraceExporter.OTLP:
        # Imported here: it pulls in its own grpc channel machinery that
        # processes without an OTLP collector should not pay for.
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.otlp_endpoint)))
    if set_global:
        trace.set_tracer_provider(provider)
    return provider


def shutdown_tracing(provider: TracerProvider) -> None:
    """Flush spans still queued for export, then stop the exporters."""
    provider.force_flush()
    provider.shutdown()


def _finish_span(span: Span, call: RpcCall) -> None:
    span.set_attribute("rpc.grpc.status_code", call.code.value[0])
    if call.error is not None:
        span.record_exception(call.error)  # the traceback the client never saw
    # Every non-OK code marks the span as an error, deliberately (OTel's gRPC
    # conventions mark only server faults): an auth failure or a bad request
    # is what an operator looks for in traces.
    if call.code is not grpc.StatusCode.OK:
        description = f"{call.code.name}: {call.reason}" if call.reason else call.code.name
        span.set_status(Status(StatusCode.ERROR, description))
    span.end()


def _flags_hex(flags: int) -> str:
    # TraceFlags is an int subclass whose formatting costs ~0.4 µs; the two usual values cost nothing.
    return "01" if flags == 1 else "00" if flags == 0 else f"{int(flags):02x}"


def _ids(span_context: SpanContext) -> tuple[str, str, str]:
    """A span's trace id and span id in hex, and the `traceparent` that names it."""
    trace_hex, span_hex = f"{span_context.trace_id:032x}", f"{span_context.span_id:016x}"
    return trace_hex, span_hex, f"00-{trace_hex}-{span_hex}-{_flags_hex(span_context.trace_flags)}"


def _parent(call: RpcCall) -> otel_context.Context | None:
    """The caller's trace context, when it sent one (W3C parsing and validation by OpenTelemetry)."""
    return PROPAGATOR.extract(call.metadata) if TRACEPARENT_KEY in call.metadata else None


def _start_ids_only(call: RpcCall) -> None:
    """The ids-only mode's span: a fresh span id under the caller's trace (or a new, sampled trace)."""
    span_hex = f"{random.getrandbits(64) or 1:016x}"
    parent = _parent(call)
    remote = trace.get_current_span(parent).get_span_context() if parent is not None else None
    if remote is not None and remote.is_valid:
        trace_hex, flags_hex = f"{remote.trace_id:032x}", _flags_hex(remote.trace_flags)
        trace_state = remote.trace_state.to_header()
    else:
        # Like ParentBased(AlwaysOn) with no parent: a new, sampled trace.
        trace_hex, flags_hex, trace_state = f"{random.getrandbits(128) or 1:032x}", "01", ""
    traceparent = f"00-{trace_hex}-{span_hex}-{flags_hex}"
    trace_ids_var.set((trace_hex, span_hex, traceparent, trace_state))
    call.trace_id = trace_hex
    call.span_id = span_hex
    call.trailing.append((TRACEPARENT_KEY, traceparent))


def current_trace_ids() -> tuple[str, str, str, str] | None:
    """The trace context to log and propagate here: (trace id, span id, `traceparent`, `tracestate`).

    The current OpenTelemetry span's when there is a valid one (recording
    mode, or a span someone started), else the server call's in ids-only
    mode, else None (outside any server call, nothing to propagate).
    """
    span_context = trace.get_current_span().get_span_context()
    if not span_context.is_valid:
        return trace_ids_var.get()
    return (*_ids(span_context), span_context.trace_state.to_header())


class TracingStage:
    def __init__(self, provider: trace.TracerProvider | None = None, *, recording: bool = True) -> None:
        self._tracer = (provider or trace.get_tracer_provider()).get_tracer(INSTRUMENTATION_NAME)
        self._recording = recording

    def _start(self, plan: MethodPlan, call: RpcCall) -> Span:
        span = self._tracer.start_span(
            plan.name[1:],
            context=(parent := _parent(call)),
            kind=SpanKind.SERVER,
            attributes={
                "rpc.system": "grpc",
                "rpc.service": plan.service,
                "rpc.method": plan.short_name,
                "jipan.request_id": call.request_id,
            },
            # The error stage has already turned exceptions into a status;
            # only CancelledError and grpc's AbortError reach this far.
            record_exception=False,
            set_status_on_exception=False,
        )
        otel_context.attach(trace.set_span_in_context(span, parent))
        # Kept on the call for the access line; other log lines read the
        # current span (logs.add_call_ids).
        call.trace_id, call.span_id, traceparent = _ids(span.get_span_context())
        call.trailing.append((TRACEPARENT_KEY, traceparent))
        return span

    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder:
        if not self._recording:

            async def with_ids(request: Any, call: RpcCall) -> Any:
                _start_ids_only(call)
                return await inner(request, call)

            return with_ids

        async def traced(request: Any, call: RpcCall) -> Any:
            span = self._start(plan, call)
            try:
                return await inner(request, call)
            finally:
                _finish_span(span, call)

        return traced

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder:
        recording = self._recording

        async def traced(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            span: Span | None = None
            if recording:
                span = self._start(plan, call)
            else:
                _start_ids_only(call)
            try:
                async for response in inner(request, call):
                    yield response
            finally:
                if span is not None:
                    _finish_span(span, call)

        return traced
