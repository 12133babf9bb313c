"""The fact-check domain types (no protobuf, no database rows)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class Verdict(enum.Enum):
    FALSE = "FALSE"
    MOSTLY_FALSE = "MOSTLY_FALSE"
    MISLEADING = "MISLEADING"
    MIXED = "MIXED"
    MOSTLY_TRUE = "MOSTLY_TRUE"
    TRUE = "TRUE"
    OPINION = "OPINION"
    NOT_CHECKABLE = "NOT_CHECKABLE"


class CofactsReplyType(enum.Enum):
    RUMOR = "RUMOR"
    NOT_RUMOR = "NOT_RUMOR"
    OPINIONATED = "OPINIONATED"
    NOT_ARTICLE = "NOT_ARTICLE"


class State(enum.Enum):
    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    WITHDRAWN = "WITHDRAWN"


@dataclass(frozen=True)
class Evidence:
    uri: str
    title: str = ""


@dataclass(frozen=True)
class Rating:
    """ClaimReview `reviewRating`: value/best/worst are 0 when the verdict has no numeric rating."""

    value: int
    best: int
    worst: int
    alternate_name: str


@dataclass(frozen=True)
class Content:
    """What a writer says in a fact-check (everything but the server's bookkeeping)."""

    claim: str
    verdict: Verdict
    language: str
    title: str = ""
    rating_text: str = ""
    explanation: str = ""
    evidence: tuple[Evidence, ...] = ()
    publisher_display_name: str = ""
    uri: str = ""
    claim_author: str = ""
    claim_appearances: tuple[str, ...] = ()
    claim_time: datetime | None = None


@dataclass(frozen=True)
class Feedback:
    """Readers' votes on a fact-check where it came from (Cofacts' feedback counts), as last imported."""

    helpful: int
    unhelpful: int
    source: str
    update_time: datetime | None = None
    """When they were stored (None on an item not stored yet)."""


@dataclass(frozen=True)
class ImportItem:
    """One item of an import as parsed (a Cofacts reply, a ClaimReview): where it is in the input,
    its content and import source, or why it cannot be imported; the readers' votes on it where
    it came from, when known."""

    where: str
    content: Content | None
    source: str
    problem: str = ""
    feedback: Feedback | None = None


@dataclass(frozen=True)
class FactCheck:
    owner: str
    id: str
    content: Content
    state: State
    import_source: str
    creator: str
    create_time: datetime
    update_time: datetime
    publish_time: datetime | None = None
    digest: bytes = b""
    ledger_receipt: str = ""
    withdraw_time: datetime | None = None
    withdraw_reason: str = ""
    feedback: Feedback | None = None

    @property
    def name(self) -> str:
        return f"{self.owner}/factChecks/{self.id}"

    @property
    def published(self) -> bool:
        """Public and current: searched, matched and exported."""
        return self.state is State.PUBLISHED

    @property
    def public(self) -> bool:
        """Readable by anyone: published, or withdrawn after publication."""
        return self.state is not State.DRAFT
