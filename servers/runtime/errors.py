"""Typed domain errors: what domain code raises instead of touching gRPC.

Domain and store code never import `grpc`. They raise one of these; the error
translation interceptor (jipan.interceptors.errors) is the only place that
turns them into a `google.rpc.Status` with `ErrorInfo{reason, domain, metadata}`
and, for field problems, `BadRequest` field violations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

COMMON_DOMAIN = "common.jipan.tw"


class Code(Enum):
    """The gRPC status codes a domain error may carry (names match grpc.StatusCode)."""

    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    NOT_FOUND = "NOT_FOUND"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FAILED_PRECONDITION = "FAILED_PRECONDITION"
    ABORTED = "ABORTED"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED"
    UNAVAILABLE = "UNAVAILABLE"
    UNIMPLEMENTED = "UNIMPLEMENTED"
    DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED"
    DATA_LOSS = "DATA_LOSS"
    INTERNAL = "INTERNAL"


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One bad field: `field` is a dotted path (`money.currency_code`)."""

    field: str
    description: str
    reason: str = ""


class DomainError(Exception):
    """Base of every error a client is meant to see.

    `reason` is the ErrorReason value name without its `ERROR_REASON_` prefix,
    `domain` the service's fixed error domain. `metadata` carries the dynamic
    values (ids, limits) so clients never parse the message.
    """

    code: Code = Code.INTERNAL

    def __init__(
        self,
        reason: str,
        message: str,
        *,
        domain: str = COMMON_DOMAIN,
        metadata: Mapping[str, str] | None = None,
        field_violations: Sequence[FieldViolation] = (),
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
        """When set, the status carries a google.rpc.RetryInfo with this delay (quotas, rate limits)."""
        self.reason = reason
        self.message = message
        self.domain = domain
        self.metadata: dict[str, str] = {k: str(v) for k, v in (metadata or {}).items()}
        self.field_violations = tuple(field_violations)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.reason!r}, {self.message!r}, domain={self.domain!r})"


class InvalidArgument(DomainError):
    code = Code.INVALID_ARGUMENT


class NotFound(DomainError):
    code = Code.NOT_FOUND


class AlreadyExists(DomainError):
    code = Code.ALREADY_EXISTS


class PermissionDenied(DomainError):
    code = Code.PERMISSION_DENIED


class Unauthenticated(DomainError):
    code = Code.UNAUTHENTICATED


class FailedPrecondition(DomainError):
    code = Code.FAILED_PRECONDITION


class Aborted(DomainError):
    code = Code.ABORTED


class OutOfRange(DomainError):
    code = Code.OUT_OF_RANGE


class DataLoss(DomainError):
    """Stored data no longer matches what was committed (a tampered object, a broken anchor)."""

    code = Code.DATA_LOSS


class ResourceExhausted(DomainError):
    code = Code.RESOURCE_EXHAUSTED


class Unavailable(DomainError):
    code = Code.UNAVAILABLE


class Unimplemented(DomainError):
    code = Code.UNIMPLEMENTED
