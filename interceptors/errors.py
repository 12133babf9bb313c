"""Error translation: the one place a DomainError becomes a `google.rpc.Status`.

Every stage inside this one (authentication, authorization, validation) and
every handler raise `jipan.servers.runtime.errors.DomainError`; this stage
sends it as a status with `ErrorInfo{reason, domain, metadata}` (metadata
always carries the request id), `BadRequest` field violations when there are
any, and `RequestInfo`. Anything else is a bug: the client gets INTERNAL with
a generic message naming the request id, while the exception (type, text,
traceback) goes only to the log line and the span, which sit outside this
stage and read it from `call.error`.

It also finishes the status for the stages outside it: it records the final
code and reason on the call (the log line and span report exactly what the
client saw) and attaches the echo metadata (request id, traceparent) to the
trailers, on success and failure alike.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, NoReturn, cast

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import error_details_pb2, status_pb2

from jipan.interceptors.rpc import MethodPlan, RpcCall, StreamResponder, UnaryResponder
from jipan.servers.runtime.errors import COMMON_DOMAIN, DomainError, Unimplemented

STATUS_DETAILS_KEY = "grpc-status-details-bin"
INTERNAL_REASON = "INTERNAL"

_STATUS_CODES: dict[str, grpc.StatusCode] = {code.name: code for code in grpc.StatusCode}


def _pack(message: Any) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(message)
    return packed


# A status travels in trailers (grpc-message, grpc-status-details-bin as
# base64), and clients refuse trailers over their metadata limit (8 KiB soft,
# 16 KiB hard by default) with RESOURCE_EXHAUSTED and no ErrorInfo at all. A
# refusal that quotes the caller's input (a 1 MiB name in metadata or in the
# message) must still arrive: every part is clipped, and field violations
# beyond the budget are counted instead of listed.
_MAX_MESSAGE_CHARS = 300  # percent-encoded non-ASCII: up to 9 bytes a character
_MAX_VALUE_CHARS = 200
_MAX_METADATA_ENTRIES = 20
_MAX_VIOLATIONS = 50
_DETAILS_BUDGET = 4096  # serialised Status bytes (~5.5 KiB as base64)


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…[{len(text) - limit} more characters]"


def _violations(error: DomainError, limit: int) -> list[error_details_pb2.BadRequest.FieldViolation]:
    return [
        error_details_pb2.BadRequest.FieldViolation(
            field=_clip(violation.field, _MAX_VALUE_CHARS),
            description=_clip(violation.description, _MAX_VALUE_CHARS),
            reason=_clip(violation.reason, 64),
        )
        for violation in error.field_violations[:limit]
    ]


def status_for(error: DomainError, request_id: str) -> tuple[grpc.StatusCode, status_pb2.Status]:
    """The gRPC code and rich status a domain error is sent as (bounded in size, see above)."""
    code = _STATUS_CODES[error.code.value]
    value_limit = _MAX_VALUE_CHARS
    shown = min(len(error.field_violations), _MAX_VIOLATIONS)
    while True:
        metadata = {
            _clip(key, 64): _clip(value, value_limit)
            for key, value in list(error.metadata.items())[:_MAX_METADATA_ENTRIES]
        }
        if shown < len(error.field_violations):
            metadata["field_violations_omitted"] = str(len(error.field_violations) - shown)
        metadata["request_id"] = request_id
        details = [
            _pack(error_details_pb2.ErrorInfo(reason=error.reason, domain=error.domain, metadata=metadata))
        ]
        if shown:
            details.append(_pack(error_details_pb2.BadRequest(field_violations=_violations(error, shown))))
        details.append(_pack(error_details_pb2.RequestInfo(request_id=request_id)))
        if error.retry_after_s is not None:
            delay = duration_pb2.Duration()
            delay.FromNanoseconds(max(0, round(error.retry_after_s * 1e9)))
            details.append(_pack(error_details_pb2.RetryInfo(retry_delay=delay)))
        status = status_pb2.Status(
            code=code.value[0], message=_clip(error.message, _MAX_MESSAGE_CHARS), details=details
        )
        if status.ByteSize() <= _DETAILS_BUDGET:
            return code, status
        # Over budget (long non-ASCII values, many violations): list fewer, then clip harder.
        if shown > 1:
            shown //= 2
        elif value_limit > 16:
            value_limit //= 4
        else:
            shown = 0
            if value_limit <= 4:
                return code, status  # reason, domain and request id alone: cannot be smaller
            value_limit = 4


def internal_error(request_id: str) -> DomainError:
    """What the client learns about an unexpected failure: that it happened, and where to look."""
    return DomainError(
        INTERNAL_REASON,
        f"internal error; the server log has the details under request id {request_id}",
        domain=COMMON_DOMAIN,
    )


def not_implemented(plan: MethodPlan) -> DomainError:
    """A method in the contract whose servicer does not override it (the
    generated base class raises NotImplementedError): the caller's problem to
    know about, not a server fault."""
    return Unimplemented(
        "NOT_IMPLEMENTED", f"{plan.name} is not implemented by this server", metadata={"method": plan.name}
    )


def _reason_from_trailers(trailers: Any) -> str:
    """ErrorInfo.reason of a status a handler sent itself with abort_with_status."""
    for key, value in trailers or ():
        if key == STATUS_DETAILS_KEY and isinstance(value, bytes):
            status = status_pb2.Status.FromString(value)
            for detail in status.details:
                if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
                    info = error_details_pb2.ErrorInfo()
                    detail.Unpack(info)
                    return str(info.reason)
    return ""


async def _abort(call: RpcCall, error: DomainError) -> NoReturn:
    code, status = status_for(error, call.request_id)
    call.code = code
    call.reason = error.reason
    context = call.context
    trailers = (*_trailers_with_echo(call), (STATUS_DETAILS_KEY, status.SerializeToString()))
    await context.abort(code, status.message, trailers)


def _trailers_with_echo(call: RpcCall) -> tuple[tuple[str, str | bytes], ...]:
    # An abort replaces trailing metadata wholesale: re-send what is set now
    # (ours from _start, or the handler's own) plus our echo if it was dropped.
    existing = tuple(
        cast("tuple[tuple[str, str | bytes], ...] | None", call.context.trailing_metadata()) or ()
    )
    missing = tuple(item for item in call.trailing if item not in existing)
    return (*existing, *missing)


def _record_abort(call: RpcCall) -> None:
    # The handler aborted on its own (context.abort): grpc already sent the
    # status; only note what it was for the log line and the span.
    code = cast("grpc.StatusCode | None", call.context.code())
    call.code = code if code is not None else grpc.StatusCode.UNKNOWN
    call.reason = _reason_from_trailers(call.context.trailing_metadata())


def _record_cancel(call: RpcCall) -> None:
    # The task is cancelled when the client cancels or the deadline passes;
    # either way there is no one to answer, and it is not a server fault.
    remaining = call.context.time_remaining()
    expired = remaining is not None and remaining <= 0
    call.code = grpc.StatusCode.DEADLINE_EXCEEDED if expired else grpc.StatusCode.CANCELLED


def _start(call: RpcCall) -> tuple[tuple[str, str | bytes], ...]:
    # Set before the handler runs, so the echo also reaches the client when
    # the handler aborts by itself (grpc then sends what was set here).
    echo = tuple(call.trailing)
    call.context.set_trailing_metadata(echo)
    return echo


def _finish(call: RpcCall, echo: tuple[tuple[str, str | bytes], ...]) -> None:
    context = call.context
    # Typed Any: grpc's stubs say StatusCode / Metadata, at run time they are
    # None until set / the tuple set last (and typing.cast is a call per RPC).
    code: Any = context.code()
    if code is not None:
        call.code = code  # the handler returned after context.set_code(...)
    trailers: Any = context.trailing_metadata()
    if trailers is not echo and trailers != echo:
        # The handler set trailing metadata of its own: keep both.
        context.set_trailing_metadata((*trailers, *echo))


class ErrorTranslationStage:
    """Domain errors → rich status; unexpected exceptions → INTERNAL without internals."""

    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder:
        async def translated(request: Any, call: RpcCall) -> Any:
            echo = _start(call)
            try:
                response = await inner(request, call)
            except DomainError as error:
                await _abort(call, error)
            except NotImplementedError:
                await _abort(call, not_implemented(plan))
            except grpc.aio.AbortError:
                _record_abort(call)
                raise
            except asyncio.CancelledError:
                _record_cancel(call)
                raise
            except Exception as exc:
                call.error = exc
                await _abort(call, internal_error(call.request_id))
            _finish(call, echo)
            return response

        return translated

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder:
        async def translated(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            # Responses already sent stay sent; an error while iterating ends
            # the stream with the translated status, like an error before it.
            echo = _start(call)
            try:
                async for response in inner(request, call):
                    yield response
            except DomainError as error:
                await _abort(call, error)
            except NotImplementedError:
                await _abort(call, not_implemented(plan))
            except grpc.aio.AbortError:
                _record_abort(call)
                raise
            except (asyncio.CancelledError, GeneratorExit):
                # GeneratorExit: grpc stopped consuming the stream (the client went away).
                _record_cancel(call)
                raise
            except Exception as exc:
                call.error = exc
                await _abort(call, internal_error(call.request_id))
            _finish(call, echo)

        return translated
