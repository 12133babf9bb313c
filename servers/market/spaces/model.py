"""Co-Lab spaces' domain types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class SpaceRole(Enum):
    OWNER = "OWNER"
    MAINTAINER = "MAINTAINER"
    CONTRIBUTOR = "CONTRIBUTOR"
    VIEWER = "VIEWER"

    @property
    def rank(self) -> int:
        """Higher does more: every role may do what the roles below it do."""
        return {"OWNER": 4, "MAINTAINER": 3, "CONTRIBUTOR": 2, "VIEWER": 1}[self.value]


class ActivityKind(Enum):
    MEMBER = "MEMBER"
    DOCUMENT = "DOCUMENT"
    DECISION = "DECISION"
    NOTE = "NOTE"


@dataclass(frozen=True, slots=True)
class Member:
    organization: str
    role: SpaceRole


@dataclass(frozen=True, slots=True)
class Space:
    id: str
    display_name: str
    description_zh: str
    description_en: str
    projects: tuple[str, ...]
    members: tuple[Member, ...]
    invitations: tuple[Member, ...]
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Invitation:
    space_id: str
    space_display_name: str
    organization: str
    role: SpaceRole
    inviter: str
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Activity:
    space_id: str
    id: str
    kind: ActivityKind
    actor: str
    subject: str
    summary: str
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Document:
    space_id: str
    id: str
    display_name: str
    media_type: str
    size_bytes: int
    sha256: bytes
    object_key: str
    creator: str
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Decision:
    space_id: str
    id: str
    title: str
    text: str
    digest: bytes
    ledger_receipt: str
    creator: str
    create_time: datetime
