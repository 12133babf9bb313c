"""Source credibility domain types."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from jipan.servers.factcheck.factchecks.types import Evidence


class Credibility(enum.Enum):
    RELIABLE = "RELIABLE"
    MOSTLY_RELIABLE = "MOSTLY_RELIABLE"
    MIXED = "MIXED"
    UNRELIABLE = "UNRELIABLE"
    FABRICATED = "FABRICATED"
    SATIRE = "SATIRE"


class SourceStatus(enum.Enum):
    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    WITHDRAWN = "WITHDRAWN"


@dataclass(frozen=True)
class Assessment:
    """What an organisation says about a source (the updatable part of a record)."""

    credibility: Credibility
    evidence: str = ""
    evidence_links: tuple[Evidence, ...] = ()
    assessed_by: str = ""
    assess_time: datetime | None = None
    status: SourceStatus = SourceStatus.DRAFT


@dataclass(frozen=True)
class Source:
    owner: str
    id: str
    target: str
    normalized_target: str
    domain_wide: bool
    assessment: Assessment
    creator: str
    create_time: datetime
    update_time: datetime

    @property
    def name(self) -> str:
        return f"{self.owner}/sources/{self.id}"


@dataclass(frozen=True)
class SourceCheck:
    normalized_url: str
    host: str
    shortener: bool
    sources: list[Source]
