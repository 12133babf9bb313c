"""Provider accounts as the domain sees them (never with their secret)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class AccountState(enum.Enum):
    UNVERIFIED = "UNVERIFIED"
    VERIFIED = "VERIFIED"
    REJECTED = "REJECTED"


@dataclass(frozen=True)
class ProviderAccount:
    owner: str
    id: str
    provider: str
    display_name: str
    endpoint: str
    default_region: str
    credential_id: str
    state: AccountState
    credential_version: int
    credentials_update_time: datetime
    verify_time: datetime | None
    create_time: datetime


@dataclass(frozen=True)
class SealedCredentials:
    """The credentials JSON under AES-256-GCM, and its data key wrapped by the KEK."""

    ciphertext: bytes
    wrapped_key: bytes
    version: int
