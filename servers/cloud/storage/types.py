"""What a write is asked to do, and what it did."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ObjectTarget:
    """Where an object goes and what its data must be (from WriteObject's header)."""

    account: str
    """"orgs/{organization}/accounts/{account}": one of the caller's organisation's."""
    bucket: str
    key: str
    content_type: str
    sha256: bytes
    """The SHA-256 the data must have; b"" when not declared."""
    size: int
    """The size the data must have; 0 when not declared."""


@dataclass(frozen=True)
class StoredWrite:
    """What was written: counted by the broker over the bytes received, and the provider's digest."""

    size: int
    sha256: bytes
    provider_digest: str
