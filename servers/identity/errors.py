"""The identity error domain and the errors its domain code raises."""

from __future__ import annotations

from collections.abc import Mapping

from jipan.servers.runtime.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unauthenticated,
)

IDENTITY_DOMAIN = "identity.jipan.tw"


def invalid(reason: str, message: str, **metadata: str) -> InvalidArgument:
    return InvalidArgument(reason, message, domain=IDENTITY_DOMAIN, metadata=metadata)


def not_found(reason: str, message: str, **metadata: str) -> NotFound:
    return NotFound(reason, message, domain=IDENTITY_DOMAIN, metadata=metadata)


def exists(reason: str, message: str, **metadata: str) -> AlreadyExists:
    return AlreadyExists(reason, message, domain=IDENTITY_DOMAIN, metadata=metadata)


def denied(reason: str, message: str, **metadata: str) -> PermissionDenied:
    return PermissionDenied(reason, message, domain=IDENTITY_DOMAIN, metadata=metadata)


def precondition(reason: str, message: str, **metadata: str) -> FailedPrecondition:
    return FailedPrecondition(reason, message, domain=IDENTITY_DOMAIN, metadata=metadata)


def ceremony_failed(reason: str, message: str, metadata: Mapping[str, str] | None = None) -> Unauthenticated:
    """A passkey ceremony that did not prove who the caller is."""
    return Unauthenticated(reason, message, domain=IDENTITY_DOMAIN, metadata=metadata)
