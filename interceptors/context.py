"""Per-call context carried in contextvars: request id, principal, peer identity.

The interceptors set these; servicers and domain code read them through the
accessors below (never from gRPC metadata themselves).
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from jipan.servers.runtime.errors import Unauthenticated


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling, as proven by a verified access token (RFC 9068 claims)."""

    subject: str
    issuer: str
    audiences: tuple[str, ...]
    expires_at: datetime
    token_id: str
    scopes: frozenset[str] = frozenset()
    org: str | None = None
    roles: frozenset[str] = frozenset()
    consent: str | None = None
    claims: Mapping[str, Any] = field(default_factory=dict)


request_id_var: ContextVar[str] = ContextVar("jipan_request_id", default="")
principal_var: ContextVar[Principal | None] = ContextVar("jipan_principal", default=None)
peer_identity_var: ContextVar[str | None] = ContextVar("jipan_peer_identity", default=None)
# Absolute deadline of the server call being handled, in `time.monotonic()`
# seconds (None: the caller set no deadline). The client interceptors cap the
# timeout of outgoing calls with it, so a call never outlives its caller.
deadline_var: ContextVar[float | None] = ContextVar("jipan_deadline", default=None)
# The W3C trace context of the server call being handled when the chain keeps
# ids only (no trace exporter): (trace id hex, span id hex, the `traceparent`
# header naming this call's span, the caller's `tracestate` header or "").
# One contextvar set per call instead of an OpenTelemetry span, context and
# attach; with an exporter the ids are the current OpenTelemetry span's and
# this stays None. Read it through `tracing.current_trace_ids()`.
trace_ids_var: ContextVar[tuple[str, str, str, str] | None] = ContextVar("jipan_trace_ids", default=None)


def current_request_id() -> str:
    return request_id_var.get()


def current_principal() -> Principal:
    """The authenticated caller; raises Unauthenticated on an open method."""
    principal = principal_var.get()
    if principal is None:
        raise Unauthenticated("TOKEN_MISSING", "this call carries no authenticated principal")
    return principal


def current_peer_identity() -> str | None:
    """Client certificate identity (CN or first SAN) when the call came over mTLS."""
    return peer_identity_var.get()


def current_deadline() -> float | None:
    """Monotonic deadline of the current server call, if its caller set one."""
    return deadline_var.get()
