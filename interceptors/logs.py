"""Logging: structlog configuration and the one log line per RPC.

Third in the chain: inside tracing, so the line carries the trace and span
ids; outside error translation, so it reports the final code and ErrorInfo
reason the client received, including authentication and authorization
failures, which happen further in.

Every structlog line (handlers', libraries') carries the call's request id
and trace/span ids: `add_call_ids` reads them from the call's contextvars when
a line is written, instead of binding them into structlog's context on every
call whether or not anything logs.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import stat
import sys
import time
from collections.abc import AsyncIterator, Callable
from typing import Any, TextIO

import grpc
import structlog
from structlog.contextvars import merge_contextvars
from structlog.processors import add_log_level, format_exc_info
from structlog.typing import EventDict, Processor, WrappedLogger

from jipan.interceptors.context import request_id_var
from jipan.interceptors.rpc import MethodPlan, RpcCall, StreamResponder, UnaryResponder
from jipan.interceptors.tracing import current_trace_ids
from jipan.servers.runtime.settings import LogFormat, Settings

ACCESS_LOGGER = "jipan.rpc"

# Server faults are errors; a failing dependency or an exhausted deadline is
# worth a look; everything else (client mistakes, auth failures, cancels) is
# normal traffic and logged at info.
_ERROR_CODES = frozenset({grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN, grpc.StatusCode.DATA_LOSS})
_WARNING_CODES = frozenset(
    {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.RESOURCE_EXHAUSTED}
)

# structlog's JSONRenderer calls json.dumps with `default=`, which builds a
# new JSONEncoder per line; one reusable encoder does the same work.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=repr)
_stamp_second = -1
_stamp_prefix = ""
_stream: TextIO | None = None  # what configure_logging writes to (None: stdout)
_LEVEL_NAMES = {logging.INFO: "info", logging.WARNING: "warning", logging.ERROR: "error"}
# Per-call lookups kept out of the enum machinery (`code.name` is a Python-level
# descriptor, and so is an enum member's __hash__: OK is tested by identity)
# and out of JSONEncoder.encode (a Python method around this C function).
_OK = grpc.StatusCode.OK
_CODE_NAMES = {code: code.name for code in grpc.StatusCode}
_json_string: Callable[[str], str] = json.encoder.encode_basestring


def iso_now() -> str:
    """ISO 8601 UTC with microseconds, e.g. 2026-01-02T03:04:05.678901Z."""
    global _stamp_second, _stamp_prefix
    now = time.time()
    second = int(now)
    if second != _stamp_second:  # the date-time part changes once a second: format it once
        _stamp_prefix = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
        _stamp_second = second
    return f"{_stamp_prefix}.{int((now - second) * 1_000_000):06d}Z"


def render_json(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> str:
    """One JSON object per line (non-ASCII kept as is; unknown types as their repr)."""
    return _JSON.encode(event_dict)


def add_timestamp(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> EventDict:
    event_dict["timestamp"] = iso_now()
    return event_dict


def add_call_ids(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> EventDict:
    """request_id, trace_id and span_id of the call (and span) the line is written in."""
    request_id = request_id_var.get()
    if request_id:
        event_dict.setdefault("request_id", request_id)
    ids = current_trace_ids()
    if ids is not None:
        event_dict.setdefault("trace_id", ids[0])
        event_dict.setdefault("span_id", ids[1])
    return event_dict


def _level(name: str) -> int:
    level = logging.getLevelNamesMapping().get(name.upper())
    if level is None:
        raise ValueError(f"unknown log level {name!r}; use debug, info, warning or error")
    return level


def _renderer(settings: Settings) -> list[Processor]:
    if settings.log_format is LogFormat.JSON:
        return [format_exc_info, render_json]  # the traceback as a string field
    return [structlog.dev.ConsoleRenderer()]  # formats exceptions itself, with colour


def processors(settings: Settings) -> list[Processor]:
    """The processor chain of every structlog line: context, call ids, level, time, rendering."""
    return [merge_contextvars, add_call_ids, add_log_level, add_timestamp, *_renderer(settings)]


def make_logger(settings: Settings, stream: TextIO) -> Any:
    """A logger with the configured processors writing to `stream`, without touching global config."""
    return structlog.wrap_logger(
        structlog.WriteLogger(stream),
        processors=processors(settings),
        wrapper_class=structlog.make_filtering_bound_logger(_level(settings.log_level)),
    ).bind()


def configure_logging(settings: Settings, *, stream: TextIO | None = None) -> None:
    """structlog (and the stdlib `logging` of grpc, asyncio, libraries) to one stream.

    JSON: one object per line on stdout, for the log pipeline; console:
    coloured, for a developer's terminal. Call it before building the server:
    the access log stage takes its stream when the chain is built.
    """
    global _stream
    _stream = stream
    out = stream if stream is not None else sys.stdout
    level = _level(settings.log_level)
    structlog.configure(
        processors=processors(settings),
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.WriteLoggerFactory(out),
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(out)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[
                merge_contextvars,
                add_call_ids,
                add_log_level,
                structlog.stdlib.add_logger_name,
                add_timestamp,
            ],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *_renderer(settings)],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)


def _direct_fd(stream: TextIO) -> int | None:
    """The file descriptor to write access lines to directly, when that is the same as writing to `stream`.

    One os.write instead of TextIOWrapper.write + flush (encode, buffer,
    flush: the same single write(2) in the end, for a third of the Python).
    Only for a UTF-8 text stream over a regular file or pipe whose buffer is
    flushed after every line by every writer (this stage, structlog's
    WriteLogger, logging.StreamHandler all flush): then no buffered bytes can
    sit in front of ours. Anything else (a StringIO, a terminal, another
    encoding) is written through the stream.
    """
    if not isinstance(stream, io.TextIOWrapper) or (stream.encoding or "").lower().replace("-", "") != "utf8":
        return None
    try:
        fd = stream.fileno()
        mode = os.fstat(fd).st_mode
    except (OSError, ValueError):
        return None
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        return None
    stream.flush()
    return fd


def _line_level(call: RpcCall) -> int:
    if call.error is not None or call.code in _ERROR_CODES:
        return logging.ERROR
    if call.code in _WARNING_CODES:
        return logging.WARNING
    return logging.INFO


class AccessLogStage:
    """Exactly one line per RPC, when it ends: method, code, reason, duration, caller, ids.

    Health checks that succeed are not logged: probes run every few seconds on
    every replica and would drown the lines that matter. A failing check is.

    With JSON logs (the default) the line is rendered here, straight to the
    stream: it is written on every RPC, and structlog's general machinery
    (context copies, seven processors, a JSON encoder walking a dict) cost
    ~55 µs of a ~130 µs chain on the reference machine, where this costs
    ~10 µs. The line has exactly the keys and encoding structlog would give
    it. Lines with a traceback and console-format logs go through structlog.
    """

    def __init__(self, settings: Settings, *, stream: TextIO | None = None) -> None:
        self._json = settings.log_format is LogFormat.JSON
        self._min_level = _level(settings.log_level)
        if stream is not None:
            self._stream: TextIO = stream
            self._log: Any = make_logger(settings, stream)
        else:
            self._stream = _stream if _stream is not None else sys.stdout
            self._log = structlog.get_logger(ACCESS_LOGGER)
        # Per method, the JSON of its name (from the contract: safe to cache).
        self._method_json: dict[str, str] = {}
        self._fd = _direct_fd(self._stream)
        # JSON lines of calls that ended in this turn of the event loop, written together.
        self._pending: list[tuple[MethodPlan, RpcCall, int, float]] = []

    def _ended(self, plan: MethodPlan, call: RpcCall, started: float) -> None:
        """The call is over: take its duration now, write its line once the response is on its way.

        The line is written from the event loop right after the response
        (call_soon), not before it: the caller's latency does not include
        formatting and writing it, and the JSON lines of every call that
        ended in the same turn of the loop go out in one write. Same line,
        same duration; a line may reach the stream a few microseconds after
        the client has its response.
        """
        code = call.code
        if code is _OK and call.error is None:
            if plan.quiet_when_ok:
                return
            level = logging.INFO
        else:
            level = _line_level(call)
        if level < self._min_level:
            return
        duration_ms = round((time.perf_counter() - started) * 1000, 3)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not in the event loop (a test calling the stage by hand)
            self._emit(plan, call, level, duration_ms)
            return
        if call.error is not None or not self._json:
            # structlog's processors read the call's contextvars (request id,
            # span): its own callback, which runs in a copy of this context.
            loop.call_soon(self._emit_structlog, plan, call, level, duration_ms)
            return
        pending = self._pending
        pending.append((plan, call, level, duration_ms))
        if len(pending) == 1:
            loop.call_soon(self._flush)

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        self._write("".join([self._line(*entry) for entry in pending]))

    def _emit(self, plan: MethodPlan, call: RpcCall, level: int, duration_ms: float) -> None:
        if call.error is not None or not self._json:
            self._emit_structlog(plan, call, level, duration_ms)
        else:
            self._write(self._line(plan, call, level, duration_ms))

    def _line(self, plan: MethodPlan, call: RpcCall, level: int, duration_ms: float) -> str:
        code = call.code
        method_json = self._method_json.get(plan.name)
        if method_json is None:
            method_json = self._method_json[plan.name] = _JSON.encode(plan.name)
        # request_id is validated to [A-Za-z0-9._:-] and the ids are hex: no
        # escaping needed; subject and reason are encoded.
        reason = f',"reason":{_json_string(call.reason)}' if call.reason else ""
        code_name = "OK" if code is _OK else _CODE_NAMES[code]
        return (
            f'{{"method":{method_json},"code":"{code_name}","duration_ms":{duration_ms!r},'
            f'"subject":{_json_string(call.subject)}{reason},"event":"rpc",'
            f'"request_id":"{call.request_id}","trace_id":"{call.trace_id}","span_id":"{call.span_id}",'
            f'"level":"{_LEVEL_NAMES[level]}","timestamp":"{iso_now()}"}}\n'
        )

    def _write(self, text: str) -> None:
        fd = self._fd
        if fd is None:
            self._stream.write(text)
            self._stream.flush()
            return
        data = text.encode()
        while data:  # a pipe may take part of a long line
            data = data[os.write(fd, data) :]

    def _emit_structlog(self, plan: MethodPlan, call: RpcCall, level: int, duration_ms: float) -> None:
        fields: dict[str, Any] = {
            "method": plan.name,
            "code": call.code.name,
            "duration_ms": duration_ms,
            "subject": call.subject,
        }
        if call.reason:
            fields["reason"] = call.reason
        if call.error is not None:
            # The traceback the client never sees (errors.py hid it), under the
            # same request id and trace id as the client's error.
            fields["exc_info"] = call.error
        self._log.log(level, "rpc", **fields)

    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder:
        async def logged(request: Any, call: RpcCall) -> Any:
            started = time.perf_counter()
            try:
                return await inner(request, call)
            finally:
                self._ended(plan, call, started)

        return logged

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder:
        async def logged(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            started = time.perf_counter()
            try:
                async for response in inner(request, call):
                    yield response
            finally:
                self._ended(plan, call, started)

        return logged
