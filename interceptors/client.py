"""Client side of the mesh: what every service-to-service (and SDK) call carries.

The client interceptors (one per call shape) add to each call:

* `authorization: Bearer <token>` from an injected async token source (the
  source caches and refreshes; this asks it on every call, so rotation is its
  business alone);
* `traceparent`/`tracestate` of the current span, so the callee's server span
  joins the caller's trace;
* `x-request-id` of the server call being handled, so one user action keeps
  one id across services;
* deadline propagation: inside a server call with a deadline, the outgoing
  timeout is min(own timeout, time the caller has left), so no downstream work
  outlives the request that asked for it.

Metadata the caller set explicitly wins over all of these.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import grpc

from jipan.interceptors.context import deadline_var, request_id_var
from jipan.interceptors.request_id import REQUEST_ID_KEY
from jipan.interceptors.tracing import TRACEPARENT_KEY, TRACESTATE_KEY, current_trace_ids
from jipan.servers.runtime.settings import ClientCertificate

TokenSource = Callable[[], Awaitable[str]]
"""Returns a currently valid access token (without the `Bearer ` prefix)."""

ChannelOptions = Sequence[tuple[str, Any]]


def static_token(token: str) -> TokenSource:
    """A token source that always returns `token` (CLI, tests, `jipan token --dev`)."""

    async def source() -> str:
        return token

    return source


def propagated_timeout(own: float | None) -> float | None:
    """The timeout an outgoing call should use inside the current server call."""
    deadline = deadline_var.get()
    if deadline is None:
        return own
    remaining = max(deadline - time.monotonic(), 0.0)
    return remaining if own is None else min(own, remaining)


class OutgoingMetadata:
    """Decides what an outgoing call carries; shared by the four interceptors below."""

    def __init__(self, token_source: TokenSource | None = None) -> None:
        self._token_source = token_source

    async def details(self, details: grpc.aio.ClientCallDetails) -> grpc.aio.ClientCallDetails:
        metadata = grpc.aio.Metadata(*tuple(details.metadata or ()))
        present = {key for key, _ in metadata}
        if self._token_source is not None and "authorization" not in present:
            metadata["authorization"] = f"Bearer {await self._token_source()}"
        trace_ids = current_trace_ids() if TRACEPARENT_KEY not in present else None
        if trace_ids is not None:  # W3C trace context, as OpenTelemetry's propagator writes it
            metadata[TRACEPARENT_KEY] = trace_ids[2]
            if trace_ids[3]:
                metadata[TRACESTATE_KEY] = trace_ids[3]
        request_id = request_id_var.get()
        if request_id and REQUEST_ID_KEY not in present:
            metadata[REQUEST_ID_KEY] = request_id
        return grpc.aio.ClientCallDetails(
            method=details.method,
            timeout=propagated_timeout(details.timeout),
            metadata=metadata,
            credentials=details.credentials,
            wait_for_ready=details.wait_for_ready,
        )


# Four classes, not one implementing all four interfaces: grpc.aio files each
# interceptor under the first interface it implements (an if/elif chain in
# grpc/aio/_channel.py), so a single class would only ever see unary-unary calls.


class UnaryUnaryMeshInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    def __init__(self, outgoing: OutgoingMetadata) -> None:
        self._outgoing = outgoing

    async def intercept_unary_unary(self, continuation: Any, client_call_details: Any, request: Any) -> Any:
        return await continuation(await self._outgoing.details(client_call_details), request)


class UnaryStreamMeshInterceptor(grpc.aio.UnaryStreamClientInterceptor):
    def __init__(self, outgoing: OutgoingMetadata) -> None:
        self._outgoing = outgoing

    async def intercept_unary_stream(self, continuation: Any, client_call_details: Any, request: Any) -> Any:
        return await continuation(await self._outgoing.details(client_call_details), request)


class StreamUnaryMeshInterceptor(grpc.aio.StreamUnaryClientInterceptor):
    def __init__(self, outgoing: OutgoingMetadata) -> None:
        self._outgoing = outgoing

    async def intercept_stream_unary(
        self, continuation: Any, client_call_details: Any, request_iterator: Any
    ) -> Any:
        return await continuation(await self._outgoing.details(client_call_details), request_iterator)


class StreamStreamMeshInterceptor(grpc.aio.StreamStreamClientInterceptor):
    def __init__(self, outgoing: OutgoingMetadata) -> None:
        self._outgoing = outgoing

    async def intercept_stream_stream(
        self, continuation: Any, client_call_details: Any, request_iterator: Any
    ) -> Any:
        return await continuation(await self._outgoing.details(client_call_details), request_iterator)


def mesh_client_interceptors(token_source: TokenSource | None = None) -> list[grpc.aio.ClientInterceptor]:
    """The interceptors for `grpc.aio.*_channel(interceptors=...)`, one per call shape."""
    outgoing = OutgoingMetadata(token_source)
    return [
        UnaryUnaryMeshInterceptor(outgoing),
        UnaryStreamMeshInterceptor(outgoing),
        StreamUnaryMeshInterceptor(outgoing),
        StreamStreamMeshInterceptor(outgoing),
    ]


def _interceptors(
    token_source: TokenSource | None, extra: Sequence[grpc.aio.ClientInterceptor]
) -> list[grpc.aio.ClientInterceptor]:
    return [*mesh_client_interceptors(token_source), *extra]


def insecure_channel(
    target: str,
    *,
    token_source: TokenSource | None = None,
    options: ChannelOptions | None = None,
    interceptors: Sequence[grpc.aio.ClientInterceptor] = (),
) -> grpc.aio.Channel:
    """A plaintext channel with the mesh interceptor (local development, tests)."""
    return grpc.aio.insecure_channel(
        target, options=options, interceptors=_interceptors(token_source, interceptors)
    )


def secure_channel(
    target: str,
    credentials: grpc.ChannelCredentials,
    *,
    token_source: TokenSource | None = None,
    options: ChannelOptions | None = None,
    interceptors: Sequence[grpc.aio.ClientInterceptor] = (),
) -> grpc.aio.Channel:
    """A TLS (or mTLS, per `credentials`) channel with the mesh interceptor."""
    return grpc.aio.secure_channel(
        target, credentials, options=options, interceptors=_interceptors(token_source, interceptors)
    )


def target_channel(
    target: str,
    ca_file: Path | None,
    *,
    client_cert: ClientCertificate | None = None,
    token_source: TokenSource | None = None,
    options: ChannelOptions | None = None,
) -> grpc.aio.Channel:
    """A mesh channel to `target`: TLS verified against the PEM roots in `ca_file` when given,
    plaintext otherwise (TLS terminated by a sidecar, or a local development mesh).

    Over TLS, `client_cert` is presented to the server (mTLS). A plaintext target
    ignores it: a sidecar that terminates TLS holds the workload's certificate itself.
    """
    if ca_file is None:
        return insecure_channel(target, token_source=token_source, options=options)
    return secure_channel(
        target, tls_credentials(ca_file, client_cert), token_source=token_source, options=options
    )


def tls_credentials(ca_file: Path, client_cert: ClientCertificate | None) -> grpc.ChannelCredentials:
    """TLS verified against the PEM roots in `ca_file`, presenting `client_cert` when given (mTLS)."""
    return grpc.ssl_channel_credentials(
        root_certificates=ca_file.read_bytes(),
        private_key=client_cert.key_file.read_bytes() if client_cert else None,
        certificate_chain=client_cert.cert_file.read_bytes() if client_cert else None,
    )


class LazyChannel:
    """One mesh channel to `target`, opened on first use and closed by `aclose()`: what every
    service's client of another service's gRPC contract holds.

    `target` may be a callable: a service that calls its own server learns the port only once
    the server is bound. TLS, the client certificate and the token as in `target_channel`.
    """

    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
        token_source: TokenSource | None = None,
        options: ChannelOptions | None = None,
    ) -> None:
        self._target = target
        self._ca_file = ca_file
        self._client_cert = client_cert
        self._token_source = token_source
        self._options = options
        self._channel: grpc.aio.Channel | None = None

    def get(self) -> grpc.aio.Channel:
        if self._channel is None:
            target = self._target if isinstance(self._target, str) else self._target()
            self._channel = target_channel(
                target,
                self._ca_file,
                client_cert=self._client_cert,
                token_source=self._token_source,
                options=self._options,
            )
        return self._channel

    async def aclose(self) -> None:
        if self._channel is not None:
            channel, self._channel = self._channel, None
            await channel.close()
