"""The server interceptor chain: the one ordered list, and the interceptor that runs it.

`build_server_interceptors(settings, key_set)` is what `create_server` passes
to `grpc.aio.server(interceptors=...)`. It returns a single interceptor that
composes the stages below rather than seven interceptors: the stages share
per-call state (metadata parsed once, the final code and reason that the
error stage decides and the log line and span report), which separate
interceptors could only hand each other through contextvars, and grpc.aio
awaits every interceptor and its continuation on every call.

How a call flows: on the first call of a method the interceptor computes its
`MethodPlan` (policy option, compiled field rules, open or not) from the
descriptor pool and wraps the handler's behaviour in every stage; the wrapped
handler is cached by method and reused for every later call. Per call, only
the stages' inner functions run.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, TextIO, TypeAlias

import grpc
from google.protobuf import descriptor_pool
from opentelemetry.trace import TracerProvider

from jipan.interceptors.authn import AuthenticationStage
from jipan.interceptors.authz import HEALTH_SERVICE, AuthorizationStage, policy_for_method, split_method
from jipan.interceptors.errors import ErrorTranslationStage
from jipan.interceptors.federation import FederationStage
from jipan.interceptors.logs import AccessLogStage
from jipan.interceptors.request_id import RequestIdStage
from jipan.interceptors.rpc import (
    MalformedRequest,
    MethodPlan,
    RpcCall,
    ServicerContext,
    Stage,
    StreamResponder,
    UnaryResponder,
    handed_metadata,
)
from jipan.interceptors.tokens import AccessTokenVerifier, KeySet
from jipan.interceptors.tracing import TracingStage
from jipan.interceptors.validation import ValidationStage, validator_for
from jipan.servers.runtime.settings import Settings, TraceExporter

# grpc.RpcMethodHandler is generic only in its stubs.
Handler: TypeAlias = "grpc.RpcMethodHandler[Any, Any]"


def build_stages(
    settings: Settings,
    key_set: KeySet,
    *,
    tracer_provider: TracerProvider | None = None,
    verifier: AccessTokenVerifier | None = None,
    log_stream: TextIO | None = None,
) -> tuple[Stage, ...]:
    """THE order of the chain, outermost first. Each position has a reason."""
    return (
        # 1. Request id first: every later stage, log line, span attribute and
        #    error (ErrorInfo metadata) names the call by it.
        RequestIdStage(),
        # 2. Tracing before logging, so the log line carries trace_id/span_id,
        #    and outside everything that can fail, so failed auth shows in traces.
        TracingStage(
            tracer_provider,
            # No exporter configured and no provider handed in: ids only, no SDK span (see tracing.py).
            recording=tracer_provider is not None or settings.trace_exporter is not TraceExporter.NONE,
        ),
        # 3. Logging outside error translation: it sees the final code and
        #    ErrorInfo reason the client got, auth failures included.
        AccessLogStage(settings, stream=log_stream),
        # 4. Error translation wraps everything that raises DomainError (the
        #    three checks below and the handler): the one place they become a
        #    google.rpc.Status, and where unexpected exceptions are hidden.
        ErrorTranslationStage(),
        # 5. Authentication before authorization: policy needs a principal.
        AuthenticationStage(
            verifier or AccessTokenVerifier.from_settings(settings, key_set),
            read_peer_certificate=settings.tls_client_ca_file is not None,
        ),
        # 6. Authorization before validation: unauthorised callers learn
        #    nothing about field rules, and cost nothing to reject.
        AuthorizationStage(),
        # 6b. Federation after authorization (a peer's caller must pass the
        #     method's policy too, then be approved for the method) and outside
        #     validation, so the message log records refused requests as well.
        FederationStage(),
        # 7. Validation last: the handler only sees requests that obey the contract.
        ValidationStage(),
    )


def build_server_interceptors(
    settings: Settings,
    key_set: KeySet,
    *,
    tracer_provider: TracerProvider | None = None,
    verifier: AccessTokenVerifier | None = None,
    log_stream: TextIO | None = None,
) -> list[grpc.aio.ServerInterceptor]:
    """The interceptors for `grpc.aio.server(interceptors=...)`: the whole chain, as one.

    `tracer_provider` overrides the global one (tests pass one with an
    in-memory exporter; passing one turns on recording spans). `verifier` and
    `log_stream` are for tests that control the clock or read the access lines.
    """
    stages = build_stages(
        settings, key_set, tracer_provider=tracer_provider, verifier=verifier, log_stream=log_stream
    )
    return [ChainInterceptor(JipanChain(stages))]


def plan_method(method: str, handler: Handler) -> MethodPlan:
    """A method's plan, from the descriptor pool (policy, request rules) and its handler (shape)."""
    service, name = split_method(method)
    validate = None
    try:
        descriptor = descriptor_pool.Default().FindMethodByName(f"{service}.{name}")
    except KeyError:
        descriptor = None
    request_type = ""
    if descriptor is not None:
        validate = validator_for(descriptor.input_type)
        request_type = descriptor.input_type.full_name
    return MethodPlan.describe(
        method,
        request_streaming=handler.request_streaming,
        response_streaming=handler.response_streaming,
        policy=policy_for_method(method),
        validate_request=validate,
        quiet_when_ok=method == f"/{HEALTH_SERVICE}/Check",
        request_type=request_type,
    )


# --- adapting grpc's handler shapes ---------------------------------------------------------------


def _is_async(behavior: Callable[..., Any]) -> bool:
    # An object with an `async def __call__` is async too (inspect does not say so).
    return inspect.iscoroutinefunction(behavior) or inspect.iscoroutinefunction(type(behavior).__call__)


def _is_async_gen(behavior: Callable[..., Any]) -> bool:
    return inspect.isasyncgenfunction(behavior) or inspect.isasyncgenfunction(type(behavior).__call__)


def _unary_call(behavior: Callable[..., Any]) -> UnaryResponder:
    """The innermost step for a unary-response method: call the servicer."""
    if _is_async(behavior):

        async def call_async(request: Any, call: RpcCall) -> Any:
            return await behavior(request, call.context)

        return call_async

    async def call_sync(request: Any, call: RpcCall) -> Any:
        # A synchronous servicer must not block the event loop; to_thread
        # carries the contextvars (principal, request id) into the thread.
        response = await asyncio.to_thread(behavior, request, call.context)
        if inspect.isawaitable(response):  # a plain function that returned a coroutine
            response = await response
        return response

    return call_sync


def _stream_call(behavior: Callable[..., Any]) -> StreamResponder:
    """The innermost step for a server-streaming method, whichever style the servicer uses."""
    if _is_async_gen(behavior):

        def call_async_gen(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            generator: AsyncIterator[Any] = behavior(request, call.context)
            return generator

        return call_async_gen

    if _is_async(behavior):

        async def call_writer(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            # Reader/writer style: the servicer writes with context.write() and returns None.
            await behavior(request, call.context)
            nothing: tuple[Any, ...] = ()
            for response in nothing:  # an async generator that yields nothing
                yield response

        return call_writer

    async def call_sync_gen(request: Any, call: RpcCall) -> AsyncIterator[Any]:
        iterator = iter(behavior(request, call.context))
        done = object()
        while (response := await asyncio.to_thread(next, iterator, done)) is not done:
            yield response

    return call_sync_gen


class JipanChain:
    """The stages composed: wraps a method's handler once, and remembers the result."""

    def __init__(
        self, stages: Sequence[Stage], plan: Callable[[str, Handler], MethodPlan] = plan_method
    ) -> None:
        self._stages = tuple(stages)
        self._plan = plan
        # method → (the handler grpc resolved, our wrapped handler). Keyed by
        # method and checked by identity, so a handler that changes (another
        # interceptor after us, a re-registered service) is wrapped afresh.
        self._wrapped: dict[str, tuple[Handler, Handler]] = {}

    def wrapped(self, method: str, handler: Handler) -> Handler:
        """`handler` of `method` inside the chain (built on first use, then cached)."""
        cached = self._wrapped.get(method)
        if cached is not None and cached[0] is handler:
            return cached[1]
        wrapped = self.wrap(method, handler)
        self._wrapped[method] = (handler, wrapped)
        return wrapped

    def wrap(self, method: str, handler: Handler) -> Handler:
        plan = self._plan(method, handler)
        if handler.response_streaming:
            behavior = handler.stream_stream if handler.request_streaming else handler.unary_stream
            assert behavior is not None
            stream: StreamResponder = _stream_call(behavior)
            for stage in reversed(self._stages):
                stream = stage.wrap_stream(plan, stream)
            return _stream_handler(handler, plan, stream)
        unary_behavior = handler.stream_unary if handler.request_streaming else handler.unary_unary
        assert unary_behavior is not None
        unary: UnaryResponder = _unary_call(unary_behavior)
        for stage in reversed(self._stages):
            unary = stage.wrap_unary(plan, unary)
        return _unary_handler(handler, plan, unary)


class ChainInterceptor(grpc.aio.ServerInterceptor):
    """The chain as a grpc.aio server interceptor (what build_server_interceptors returns)."""

    def __init__(self, chain: JipanChain) -> None:
        self.chain = chain

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Handler | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> Handler | None:
        handler = await continuation(handler_call_details)
        if handler is None:
            return None  # unknown method: grpc answers UNIMPLEMENTED
        handed_metadata.set(handler_call_details.invocation_metadata)
        return self.chain.wrapped(handler_call_details.method, handler)


def _tolerant(deserializer: Callable[[bytes], Any] | None, plan: MethodPlan) -> Callable[[bytes], Any] | None:
    """`deserializer`, returning a MalformedRequest where it would raise (see rpc.py)."""
    if deserializer is None:
        return None  # the handler takes raw bytes: nothing can fail to parse
    message_type = plan.request_type
    if not message_type:
        owner = getattr(deserializer, "__self__", None)  # Message.FromString is a classmethod
        descriptor = getattr(owner, "DESCRIPTOR", None)
        message_type = str(getattr(descriptor, "full_name", "")) or "the request message"

    def deserialize(data: bytes) -> Any:
        try:
            return deserializer(data)
        except Exception:
            # DecodeError, and whatever else a deserializer can raise on bytes
            # from the network (upb: bad wire types, invalid UTF-8 in a string,
            # nesting past its limit). Nothing of the input is kept.
            return MalformedRequest(message_type, len(data))

    return deserialize


def _unary_handler(original: Handler, plan: MethodPlan, chain: UnaryResponder) -> Handler:
    async def behavior(request: Any, context: ServicerContext) -> Any:
        return await chain(request, RpcCall(plan, context))

    make = (
        grpc.stream_unary_rpc_method_handler
        if plan.request_streaming
        else grpc.unary_unary_rpc_method_handler
    )
    return make(
        behavior,
        request_deserializer=_tolerant(original.request_deserializer, plan),
        response_serializer=original.response_serializer,
    )


def _stream_handler(original: Handler, plan: MethodPlan, chain: StreamResponder) -> Handler:
    async def behavior(request: Any, context: ServicerContext) -> AsyncIterator[Any]:
        async for response in chain(request, RpcCall(plan, context)):
            yield response

    make = (
        grpc.stream_stream_rpc_method_handler
        if plan.request_streaming
        else grpc.unary_stream_rpc_method_handler
    )
    return make(
        behavior,
        request_deserializer=_tolerant(original.request_deserializer, plan),
        response_serializer=original.response_serializer,
    )
