"""Claims and publishers as the domain sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class ClaimState(Enum):
    PENDING = "PENDING"
    VERIFIED = "VERIFIED"
    REJECTED = "REJECTED"


@dataclass(frozen=True, slots=True)
class Claim:
    project_id: str
    id: str
    organization: str
    method: str
    challenge: str
    state: ClaimState
    evidence: str
    expire_time: datetime
    create_time: datetime
    verify_time: datetime | None


@dataclass(frozen=True, slots=True)
class Publisher:
    organization: str
    projects: tuple[str, ...]
    official: bool
