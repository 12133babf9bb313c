"""How dataspace reports a service of this mesh it calls (privacy, factcheck) failing.

A service that does not answer (unavailable, past the deadline, or a
transport error grpc reports as UNKNOWN) is UNAVAILABLE `{SERVICE}_UNAVAILABLE`
with a retry hint; one that answers with a refusal is FAILED_PRECONDITION with
the caller's reason, carrying the service's own status and reason in the
metadata (`{service}_status`, `{service}_reason`). What counts as "did not
answer" (UNREACHABLE) is the same for a peer mesh (remote.py).
"""

from __future__ import annotations

import grpc
import structlog

from jipan.clients import error_details
from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.runtime.errors import DomainError, FailedPrecondition, Unavailable

log = structlog.get_logger(__name__)

RETRY_AFTER_S = 5.0
UNREACHABLE = frozenset(
    {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.UNKNOWN}
)


def unavailable(exc: grpc.aio.AioRpcError, service: str) -> Unavailable:
    """`service` did not answer (or its answer is not one this caller can act on)."""
    log.warning(f"{service} unavailable", code=exc.code().name, detail=exc.details())
    return Unavailable(
        f"{service.upper()}_UNAVAILABLE",
        f"the {service} service did not answer; retry",
        domain=DOMAIN,
        metadata={f"{service}_status": exc.code().name},
        retry_after_s=RETRY_AFTER_S,
    )


def downstream_error(
    exc: grpc.aio.AioRpcError, service: str, refused_reason: str, refused: str
) -> DomainError:
    """UNAVAILABLE when `service` did not answer, else FAILED_PRECONDITION `refused_reason`
    ("the {service} service refused {refused} (STATUS REASON)")."""
    if exc.code() in UNREACHABLE:
        return unavailable(exc, service)
    info = error_details(exc)
    return FailedPrecondition(
        refused_reason,
        f"the {service} service refused {refused} ({exc.code().name} {info.reason})",
        domain=DOMAIN,
        metadata={f"{service}_status": exc.code().name, f"{service}_reason": info.reason},
    )
