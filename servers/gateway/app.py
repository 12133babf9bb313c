"""The Connect gateway: every served method over HTTP/1.1, forwarded to the mesh's gRPC port.

One aiohttp application. `POST /<package.Service>/<Method>` speaks the
Connect protocol (connectrpc.com/docs/protocol): unary calls in
`application/json` or `application/proto`, streaming calls in
`application/connect+json` / `application/connect+proto` envelopes ending
with an end-of-stream message that carries the error and trailers. A
side-effect-free method may also be called with Connect's GET. gRPC-Web
(binary protobuf, plain or base64 text) is served on the same paths. Every
other GET is the portal's build (static.py).

The gateway decides nothing about the call itself: the request goes, as
protobuf bytes, to the gRPC server through a channel with no serializers,
carrying the caller's `Authorization`, request id and trace context as
metadata; the server's interceptor chain authenticates, authorises and
validates it exactly as it does any gRPC call, and its status (with the
`google.rpc.Status` details: ErrorInfo, BadRequest, RetryInfo) comes back
as Connect's error JSON. Only the HTTP layer's own refusals are made here:
an unknown method, a wrong content type, a body over the size limit, a
malformed envelope or JSON, a disallowed origin.

Client-streaming and bidirectional methods are served half-duplex (HTTP/1.1
has no full duplex): the whole request body's envelopes are read first, then
sent as the request stream. Browsers' fetch cannot stream a request body, so
connect-web does not offer them; a Node or curl client can.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import grpc
import structlog
from aiohttp import web

from jipan.servers.gateway import protocol
from jipan.servers.gateway.methods import Method, Shape, served_methods
from jipan.servers.gateway.protocol import ConnectError, ErrorReply
from jipan.servers.gateway.static import PortalFiles

log = structlog.get_logger(__name__)

JSON: Final = "application/json"
PROTO: Final = "application/proto"
CONNECT_JSON: Final = "application/connect+json"
CONNECT_PROTO: Final = "application/connect+proto"
_UNARY_TYPES: Final = {JSON: True, PROTO: False}
_STREAM_TYPES: Final = {CONNECT_JSON: True, CONNECT_PROTO: False}
GRPC_WEB: Final = "application/grpc-web+proto"
GRPC_WEB_TEXT: Final = "application/grpc-web-text+proto"
# gRPC-Web (github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md), binary
# protobuf only: content type as sent → whether the body is base64 text.
_GRPC_WEB_TYPES: Final = {
    "application/grpc-web": False,
    GRPC_WEB: False,
    "application/grpc-web-text": True,
    GRPC_WEB_TEXT: True,
}


@dataclass(frozen=True)
class Framing:
    """How a streaming body is framed: Connect's envelopes, or gRPC-Web's (binary or base64 text)."""

    content_type: str
    is_json: bool = False
    grpc_web: bool = False
    text: bool = False


# What a browser may send and read across origins (CORS). connect-web sends
# the Connect headers; Authorization, the request id and trace context are
# the caller's. Exposed: what a client reads from a response.
ALLOWED_HEADERS: Final = (
    "Content-Type",
    "Connect-Protocol-Version",
    "Connect-Timeout-Ms",
    "Connect-Content-Encoding",
    "Connect-Accept-Encoding",
    "Content-Encoding",
    "Accept-Encoding",
    "Authorization",
    "X-Request-Id",
    "Traceparent",
    "Tracestate",
    "X-User-Agent",
    "X-Grpc-Web",
    "Grpc-Timeout",
)
EXPOSED_HEADERS: Final = (
    "X-Request-Id",
    "Content-Encoding",
    "Connect-Content-Encoding",
    "Grpc-Status",
    "Grpc-Message",
    "Grpc-Status-Details-Bin",
)
PREFLIGHT_MAX_AGE_S: Final = 7200


@dataclass(frozen=True)
class GatewayConfig:
    """What the gateway enforces at the HTTP layer (from settings; see serving.py)."""

    allowed_origins: frozenset[str] = frozenset()
    """Origins (scheme://host[:port]) allowed to call across origins; the gateway's own always is."""
    max_request_bytes: int = 8 * 1024 * 1024
    """Largest request body (after decompression)."""
    unary_timeout_s: float = 60.0
    """Deadline of a unary call whose caller sent no Connect-Timeout-Ms."""
    portal: PortalFiles | None = None
    extra_forwarded_headers: frozenset[str] = field(default_factory=frozenset)


def _error_response(reply: ErrorReply, http_status: int | None = None) -> web.Response:
    response = web.Response(
        body=json.dumps(reply.body(), ensure_ascii=False).encode("utf-8"),
        status=http_status if http_status is not None else protocol.http_status_of(reply.code),
        content_type=JSON,
    )
    for key, value in reply.headers:
        response.headers.add(key, value)
    for key, value in reply.trailers:
        response.headers.add(f"trailer-{key}", value)
    return response


def _refusal(error: ConnectError, extra_headers: Iterable[tuple[str, str]] = ()) -> web.Response:
    response = _error_response(ErrorReply.of(error), error.http_status)
    for key, value in extra_headers:
        response.headers[key] = value
    return response


def _reply_of(error: grpc.aio.AioRpcError) -> ErrorReply:
    trailing = error.trailing_metadata()
    return ErrorReply(
        code=error.code(),
        message=error.details() or "",
        details=protocol.status_details(protocol.status_bin_of(trailing)),
        headers=protocol.shown_metadata(error.initial_metadata()),
        trailers=protocol.shown_metadata(trailing),
    )


def _media_type(request: web.Request) -> str:
    return request.content_type.lower()


def _decompress(body: bytes, encoding: str | None, limit: int) -> bytes:
    """The body under Content-Encoding (identity or gzip), refused past `limit` bytes decompressed."""
    if encoding in (None, "", "identity"):
        return body
    if encoding != "gzip":
        raise ConnectError(
            grpc.StatusCode.UNIMPLEMENTED, f"unsupported compression {encoding!r} (gzip or identity)"
        )
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ConnectError(grpc.StatusCode.INVALID_ARGUMENT, f"request body is not gzip: {exc}") from None
    if len(out) > limit:
        raise _too_large(limit)
    return out


def _stream_refusal(framing: Framing, error: ConnectError) -> web.Response:
    reply = ErrorReply.of(error)
    if framing.grpc_web:
        body = protocol.grpc_web_trailers(reply, ())
        body = base64.b64encode(body) if framing.text else body
    else:
        body = protocol.end_stream(reply, ())
    return web.Response(body=body, status=200, headers={"Content-Type": framing.content_type})


def _too_large(limit: int) -> ConnectError:
    return ConnectError(
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        f"request is larger than the gateway's limit of {limit} bytes",
        http_status=413,
        metadata={"limit_bytes": str(limit)},
    )


class ConnectGateway:
    """Routes Connect calls for `methods` to gRPC over `channel`."""

    def __init__(self, channel: grpc.aio.Channel, methods: dict[str, Method], config: GatewayConfig) -> None:
        self._channel = channel
        self._methods = methods
        self._config = config
        self._unary_callables: dict[str, Any] = {}

    def _unary_callable(self, path: str) -> Any:
        """The channel's callable for `path`, made once (bytes in, bytes out: no serializers)."""
        callable_ = self._unary_callables.get(path)
        if callable_ is None:
            callable_ = self._unary_callables[path] = self._channel.unary_unary(path)
        return callable_

    @property
    def methods(self) -> dict[str, Method]:
        return self._methods

    # -- HTTP entry points ---------------------------------------------------------------------

    async def post(self, request: web.Request) -> web.StreamResponse:
        method = self._methods.get(request.path)
        if method is None:
            return self._unknown(request.path)
        media = _media_type(request)
        framing: Framing | None = None
        if media in _STREAM_TYPES and method.shape is not Shape.UNARY:
            framing = Framing(media, is_json=_STREAM_TYPES[media])
        elif media in _GRPC_WEB_TYPES:  # every shape: gRPC-Web frames unary calls too
            text = _GRPC_WEB_TYPES[media]
            framing = Framing(GRPC_WEB_TEXT if text else GRPC_WEB, grpc_web=True, text=text)
        try:
            if framing is not None:
                return await self._streaming(request, method, framing)
            self._check_protocol_version(request.headers.get("Connect-Protocol-Version"))
            if media in _UNARY_TYPES and method.shape is Shape.UNARY:
                return await self._unary(request, method, is_json=_UNARY_TYPES[media])
        except ConnectError as error:
            if framing is not None:
                # Streams answer 200 and say what went wrong where their clients
                # read it: the end-of-stream message, or gRPC-Web's trailers.
                return _stream_refusal(framing, error)
            return _refusal(error)
        accepted = f"{JSON}, {PROTO}" if method.shape is Shape.UNARY else f"{CONNECT_JSON}, {CONNECT_PROTO}"
        return _refusal(
            ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"{method.path} ({method.shape.value}) takes {accepted}, not {media or 'no content type'}",
                http_status=415,
            ),
            [("Accept-Post", accepted)],
        )

    async def get(self, request: web.Request) -> web.StreamResponse:
        method = self._methods.get(request.path)
        if method is None:
            if request.query.get("connect") == "v1" or _looks_like_rpc(request.path):
                return self._unknown(request.path)
            if self._config.portal is None:
                raise web.HTTPNotFound(text="not found\n")
            return await self._config.portal.handle(request)
        try:
            return await self._unary_get(request, method)
        except ConnectError as error:
            return _refusal(error)

    def _unknown(self, path: str) -> web.Response:
        return _refusal(
            ConnectError(
                grpc.StatusCode.UNIMPLEMENTED, f"no method {path.lstrip('/')} is served here", http_status=404
            )
        )

    @staticmethod
    def _check_protocol_version(version: str | None) -> None:
        if version is not None and version != "1":
            raise ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT, f"Connect-Protocol-Version {version!r} is not 1"
            )

    # -- calls ---------------------------------------------------------------------------------

    async def _read_body(self, request: web.Request, encoding: str | None) -> bytes:
        limit = self._config.max_request_bytes
        if (
            request.content_length is not None
            and request.content_length > limit
            and encoding in (None, "identity")
        ):
            raise _too_large(limit)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise _too_large(limit) from None
        if len(body) > limit:
            raise _too_large(limit)
        return _decompress(body, encoding, limit)

    def _metadata(self, request: web.Request) -> list[tuple[str, str | bytes]]:
        return protocol.forwarded_metadata(request.headers)

    def _timeout(self, request: web.Request, default: float | None) -> float | None:
        given = protocol.timeout_s(request.headers.get("Connect-Timeout-Ms"))
        if given == 0:
            # A deadline already past: grpc would race it against a fast answer.
            raise ConnectError(
                grpc.StatusCode.DEADLINE_EXCEEDED, "Connect-Timeout-Ms is 0: the deadline has passed"
            )
        return given if given is not None else default

    async def _unary(self, request: web.Request, method: Method, *, is_json: bool) -> web.StreamResponse:
        body = await self._read_body(request, request.headers.get("Content-Encoding"))
        raw = method.request_from_json(body) if is_json else body
        return await self._call_unary(request, method, raw, is_json=is_json)

    async def _unary_get(self, request: web.Request, method: Method) -> web.StreamResponse:
        """Connect's GET: `?connect=v1&encoding=json|proto&message=...[&base64=1][&compression=gzip]`."""
        if not method.side_effect_free:
            raise ConnectError(
                grpc.StatusCode.UNIMPLEMENTED,
                f"{method.path} has side effects: call it with POST",
                http_status=405,
            )
        query = request.query
        encoding = query.get("encoding")
        if encoding not in ("json", "proto"):
            raise ConnectError(grpc.StatusCode.INVALID_ARGUMENT, "encoding must be json or proto")
        message = query.get("message", "")
        try:
            payload = protocol.unb64(message) if query.get("base64") == "1" else message.encode("utf-8")
        except ValueError:
            raise ConnectError(grpc.StatusCode.INVALID_ARGUMENT, "message is not base64") from None
        if len(payload) > self._config.max_request_bytes:
            raise _too_large(self._config.max_request_bytes)
        payload = _decompress(payload, query.get("compression"), self._config.max_request_bytes)
        is_json = encoding == "json"
        raw = method.request_from_json(payload) if is_json else payload
        return await self._call_unary(request, method, raw, is_json=is_json)

    async def _call_unary(
        self, request: web.Request, method: Method, raw: bytes, *, is_json: bool
    ) -> web.StreamResponse:
        call = self._unary_callable(method.path)(
            raw,
            metadata=self._metadata(request),
            timeout=self._timeout(request, self._config.unary_timeout_s),
        )
        try:
            response: bytes = await call
            headers = protocol.shown_metadata(await call.initial_metadata())
            trailers = protocol.shown_metadata(await call.trailing_metadata())
        except grpc.aio.AioRpcError as error:
            return _error_response(_reply_of(error))
        out = web.Response(
            body=method.response_to_json(response) if is_json else response,
            content_type=JSON if is_json else PROTO,
        )
        for key, value in headers:
            out.headers.add(key, value)
        for key, value in trailers:
            out.headers.add(f"trailer-{key}", value)
        return out

    async def _streaming(self, request: web.Request, method: Method, framing: Framing) -> web.StreamResponse:
        if not framing.grpc_web:
            self._check_protocol_version(request.headers.get("Connect-Protocol-Version"))
        is_json = framing.is_json
        encoding = request.headers.get("Grpc-Encoding" if framing.grpc_web else "Connect-Content-Encoding")
        if encoding not in (None, "identity", "gzip"):
            raise ConnectError(
                grpc.StatusCode.UNIMPLEMENTED, f"unsupported compression {encoding!r} (gzip or identity)"
            )
        body = await self._read_body(request, None)
        if framing.text:
            try:
                body = base64.b64decode(b"".join(body.split()), validate=True)
            except (binascii.Error, ValueError):
                raise ConnectError(
                    grpc.StatusCode.INVALID_ARGUMENT, "grpc-web-text body is not base64"
                ) from None
        messages: list[bytes] = []
        for flags, payload in protocol.split_envelopes(body):
            if flags & protocol.FLAG_END_STREAM:
                raise ConnectError(
                    grpc.StatusCode.INVALID_ARGUMENT, "a request envelope may not end the stream"
                )
            if flags & protocol.FLAG_COMPRESSED:
                if encoding != "gzip":
                    raise ConnectError(
                        grpc.StatusCode.INVALID_ARGUMENT,
                        "compressed envelope without Connect-Content-Encoding",
                    )
                payload = _decompress(payload, "gzip", self._config.max_request_bytes)
            messages.append(method.request_from_json(payload) if is_json else payload)
        if method.shape in (Shape.UNARY, Shape.SERVER_STREAMING) and len(messages) != 1:
            raise ConnectError(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"{method.path} takes exactly one request message, got {len(messages)}",
            )
        metadata = self._metadata(request)
        if framing.grpc_web:
            timeout = protocol.grpc_timeout_s(request.headers.get("Grpc-Timeout"))
            if timeout is None and method.shape is Shape.UNARY:
                timeout = self._config.unary_timeout_s
        else:
            timeout = self._timeout(request, None)
        channel: Any = self._channel  # bytes in, bytes out: no serializers
        call: Any
        if method.shape is Shape.UNARY:
            call = self._unary_callable(method.path)(messages[0], metadata=metadata, timeout=timeout)
        elif method.shape is Shape.SERVER_STREAMING:
            call = channel.unary_stream(method.path)(messages[0], metadata=metadata, timeout=timeout)
        elif method.shape is Shape.CLIENT_STREAMING:
            call = channel.stream_unary(method.path)(iter(messages), metadata=metadata, timeout=timeout)
        else:
            # Written by hand, not from a request iterator: a server that ends
            # the call before reading (a bad token) must be reported with its
            # own status, not as the iterator's failed write.
            call = channel.stream_stream(method.path)(metadata=metadata, timeout=timeout)
            await _write_all(call, messages)

        async def responses() -> AsyncIterator[bytes]:
            if method.shape in (Shape.UNARY, Shape.CLIENT_STREAMING):
                yield await call
            else:
                async for message in call:
                    yield message

        out = web.StreamResponse(status=200, headers={"Content-Type": framing.content_type})

        def frame(data: bytes) -> bytes:
            return base64.b64encode(data) if framing.text else data

        error: ErrorReply | None = None
        trailers: list[tuple[str, str]] = []
        try:
            try:
                for key, value in protocol.shown_metadata(await call.initial_metadata()):
                    out.headers.add(key, value)
                await out.prepare(request)
                async for message in responses():
                    payload = method.response_to_json(message) if is_json else message
                    await out.write(frame(protocol.envelope(payload)))
                trailers = protocol.shown_metadata(await call.trailing_metadata())
            except grpc.aio.AioRpcError as rpc_error:
                error = _reply_of(rpc_error)
                trailers = error.trailers
            except ConnectError as connect_error:
                error = ErrorReply.of(connect_error)
            if not out.prepared:
                if error is not None:
                    for key, value in error.headers:
                        out.headers.add(key, value)
                await out.prepare(request)
            if framing.grpc_web:
                await out.write(frame(protocol.grpc_web_trailers(error, trailers)))
            else:
                await out.write(protocol.end_stream(error, trailers))
            await out.write_eof()
        except (ConnectionResetError, asyncio.CancelledError):
            call.cancel()  # the browser went away: so does the call
            raise
        return out


GATEWAY_KEY: Final = web.AppKey("gateway", ConnectGateway)


async def _no_preflight(_request: web.Request) -> web.Response:
    """OPTIONS that is no CORS preflight (those are answered by the middleware)."""
    return web.Response(status=204, headers={"Allow": "GET, HEAD, POST, OPTIONS"})


async def _write_all(call: Any, messages: Sequence[bytes]) -> None:
    """The request stream of a bidi call, then its end; a call that ended early keeps its status."""
    try:
        for message in messages:
            await call.write(message)
        await call.done_writing()
    except (grpc.aio.AioRpcError, asyncio.InvalidStateError):
        pass  # the call is over: reading it gives the server's status


def _looks_like_rpc(path: str) -> bool:
    """`/<package.Service>/<Method>`: a Connect path, not a portal page."""
    parts = path.strip("/").split("/")
    return len(parts) == 2 and "." in parts[0] and parts[1][:1].isupper()


def _origin_allowed(request: web.Request, allowed: frozenset[str]) -> bool:
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return origin in allowed or origin == f"{request.scheme}://{request.host}"


def cors_middleware(allowed: frozenset[str]) -> Callable[..., Awaitable[web.StreamResponse]]:
    """CORS for allowed origins; calls from any other origin are refused (PERMISSION_DENIED)."""

    @web.middleware
    async def cors(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        is_preflight = request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
        if origin is not None and not _origin_allowed(request, allowed):
            if is_preflight:
                return web.Response(status=403, text=f"origin {origin} is not allowed\n")
            if request.method == "POST" or _looks_like_rpc(request.path):
                return _refusal(
                    ConnectError(
                        grpc.StatusCode.PERMISSION_DENIED,
                        f"origin {origin} is not allowed to call this gateway",
                        metadata={"origin": origin},
                    )
                )
            return await handler(request)  # a page or asset: no CORS headers, the browser decides
        if is_preflight:
            return web.Response(
                status=204,
                headers={
                    "Access-Control-Allow-Origin": origin or "*",
                    "Access-Control-Allow-Methods": "POST, GET",
                    "Access-Control-Allow-Headers": ", ".join(ALLOWED_HEADERS),
                    "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE_S),
                    "Vary": "Origin",
                },
            )
        response = await handler(request)
        if origin is not None:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
            response.headers.add("Vary", "Origin")
        return response

    return cors


Page = Callable[[web.Request], Awaitable[web.StreamResponse]]


def create_app(
    channel: grpc.aio.Channel,
    service_names: Sequence[str],
    config: GatewayConfig,
    *,
    pages: Mapping[str, Page] | None = None,
) -> web.Application:
    """The gateway for `service_names` (their methods from the descriptor pool), calling through `channel`.

    `pages`: GET handlers by exact path, served before the portal (the
    passkey check page of identity/webdev.py).
    """
    gateway = ConnectGateway(channel, served_methods(service_names), config)
    # The body limit is enforced per call (_read_body); aiohttp's own is the same bound.
    app = web.Application(
        client_max_size=config.max_request_bytes, middlewares=[cors_middleware(config.allowed_origins)]
    )
    app[GATEWAY_KEY] = gateway
    for path, page in (pages or {}).items():
        app.router.add_get(path, page)
    app.router.add_route("OPTIONS", "/{path:.*}", _no_preflight)
    app.router.add_post("/{path:.*}", gateway.post)
    app.router.add_get("/{path:.*}", gateway.get)
    return app


__all__ = ["ConnectGateway", "GatewayConfig", "create_app"]
