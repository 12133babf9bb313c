"""Shared shapes of the server chain: one call's state, one method's plan, a stage.

The chain is one `grpc.aio.ServerInterceptor` (chain.py) that wraps each
method's handler once. Stages do not see grpc's `(request, context)` pair but
`(request, call)`, where `call` is the per-RPC state below: metadata is parsed
once for all stages, and the stages hand results outward (the error stage
records the final code and reason so that the log and span, which sit outside
it, report exactly what the client received).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

import grpc

from jipan.common.v1 import authz_pb2

# `request` is a message for unary-request methods and an async iterator of
# messages for client-streaming ones.
UnaryResponder = Callable[[Any, "RpcCall"], Awaitable[Any]]
StreamResponder = Callable[[Any, "RpcCall"], AsyncIterator[Any]]

ServicerContext = grpc.aio.ServicerContext[Any, Any]


class MessageValidator(Protocol):
    """Checks one request message; raises InvalidArgument listing every violation."""

    def __call__(self, message: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class MethodPlan:
    """What the chain needs to know about one method, computed once at first call."""

    name: str
    """The gRPC path, "/package.Service/Method"."""
    service: str
    short_name: str
    request_streaming: bool
    response_streaming: bool
    open: bool
    """No token needed (health, reflection, or a policy of AUTH_LEVEL_OPEN)."""
    required_scopes: frozenset[str]
    any_org_role: frozenset[str]
    validate_request: MessageValidator | None
    quiet_when_ok: bool
    """Not logged when it succeeds (health checks: probes every few seconds)."""
    request_type: str = ""
    """Full name of the request message ("" when the method is in no contract the pool knows)."""

    @classmethod
    def describe(
        cls,
        name: str,
        *,
        request_streaming: bool = False,
        response_streaming: bool = False,
        policy: authz_pb2.AuthPolicy | None = None,
        validate_request: MessageValidator | None = None,
        quiet_when_ok: bool = False,
        request_type: str = "",
    ) -> MethodPlan:
        service, _, short_name = name.lstrip("/").partition("/")
        policy = policy or authz_pb2.AuthPolicy(level=authz_pb2.AUTH_LEVEL_AUTHENTICATED)
        return cls(
            name=name,
            service=service,
            short_name=short_name,
            request_streaming=request_streaming,
            response_streaming=response_streaming,
            open=policy.level == authz_pb2.AUTH_LEVEL_OPEN,
            required_scopes=frozenset(policy.scopes),
            any_org_role=frozenset(policy.org_roles),
            validate_request=validate_request,
            quiet_when_ok=quiet_when_ok,
            request_type=request_type,
        )


class MalformedRequest:
    """Handed to the chain instead of a request whose bytes did not parse.

    grpc.aio deserialises a request before any interceptor code runs and
    answers a failure with a bare UNKNOWN; the chain's deserializer (chain.py)
    returns this instead, and the validation stage refuses it as
    INVALID_ARGUMENT `REQUEST_MALFORMED`, inside error translation, logging
    and tracing like any other refusal.
    """

    __slots__ = ("message_type", "size")

    def __init__(self, message_type: str, size: int) -> None:
        self.message_type = message_type
        self.size = size


# The metadata grpc already built for the interceptor's HandlerCallDetails.
# The interceptor runs in the RPC's own task just before the handler, so it
# hands the tuple over here: `context.invocation_metadata()` would build the
# same tuple again (~3 µs). Unset (None) anywhere else: then the context is asked.
handed_metadata: ContextVar[Any] = ContextVar("jipan_handed_metadata", default=None)


class RpcCall:
    """State of one RPC while it passes through the chain.

    A plain class with slots: it is created on every call, and attribute
    access on slots is the cheapest Python offers.
    """

    __slots__ = (
        "code",
        "context",
        "error",
        "metadata",
        "plan",
        "reason",
        "request_id",
        "span_id",
        "subject",
        "trace_id",
        "trailing",
    )

    def __init__(self, plan: MethodPlan, context: ServicerContext) -> None:
        self.plan = plan
        self.context = context
        # Keys arrive lower-cased from grpc; a repeated key keeps its last value.
        metadata = handed_metadata.get()
        if metadata is None:
            metadata = context.invocation_metadata()
        self.metadata: dict[str, str | bytes] = dict(metadata or ())
        self.request_id = ""
        # Metadata echoed to the client at the end of the call (request id,
        # traceparent). Kept here because an abort replaces trailing metadata
        # wholesale: the error stage re-sends these with the status details.
        self.trailing: list[tuple[str, str | bytes]] = []
        self.code = grpc.StatusCode.OK
        self.reason = ""
        # An unexpected exception, hidden from the client but logged and traced.
        self.error: BaseException | None = None
        self.subject = ""
        self.trace_id = ""
        self.span_id = ""


class Stage(Protocol):
    """One step of the chain. Wraps the next step once per method, not per call.

    A stage that has nothing to do for a method (validation of a message with
    no rules, authentication of an open method) returns `inner` unchanged, so
    that method pays nothing for it.
    """

    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder: ...

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder: ...
