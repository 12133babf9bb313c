"""Review domain types."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jipan.servers.factcheck.matching import ThresholdFit
from jipan.servers.factcheck.sources.types import SourceCheck


class TaskState(enum.Enum):
    OPEN = "OPEN"
    DECIDED = "DECIDED"


class Outcome(enum.Enum):
    MATCH_CONFIRMED = "MATCH_CONFIRMED"
    MATCHES_REJECTED = "MATCHES_REJECTED"
    NEW_FACT_CHECK = "NEW_FACT_CHECK"


@dataclass(frozen=True)
class Suggested:
    fact_check: str
    score: float
    lexical: float
    dense: float


@dataclass(frozen=True)
class Suggestion:
    """What the AI said when the claim came in: candidates best first, and whether it found none."""

    matches: tuple[Suggested, ...]
    no_match: bool
    threshold: float

    @property
    def pick(self) -> str | None:
        """The fact-check the AI matched, if it matched one."""
        return None if self.no_match or not self.matches else self.matches[0].fact_check

    def to_json(self) -> dict[str, Any]:
        return {
            "matches": [
                {"fact_check": m.fact_check, "score": m.score, "lexical": m.lexical, "dense": m.dense}
                for m in self.matches
            ],
            "no_match": self.no_match,
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Suggestion:
        return cls(
            tuple(Suggested(m["fact_check"], m["score"], m["lexical"], m["dense"]) for m in body["matches"]),
            body["no_match"],
            body["threshold"],
        )


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    fact_check: str
    note: str
    reviewer: str
    decide_time: datetime


@dataclass(frozen=True)
class ReviewTask:
    owner: str
    id: str
    claim: str
    language: str
    state: TaskState
    suggestion: Suggestion
    decision: Decision | None
    disagreement: bool
    submitter: str
    create_time: datetime
    digest: bytes = b""
    ledger_receipt: str = ""
    links: tuple[ReviewLink, ...] = ()
    """The claim's links with their sources' records as they are now (read, not stored)."""

    @property
    def name(self) -> str:
        return f"{self.owner}/reviewTasks/{self.id}"


@dataclass(frozen=True)
class ReviewLink:
    """A link in a review task's claim, and what CheckSource knows about it."""

    url: str
    check: SourceCheck


def disagrees(suggestion: Suggestion, outcome: Outcome, chosen: str) -> bool:
    """The reviewer overruled the AI: another pick than its match, or a match where it found none."""
    pick = suggestion.pick
    if pick is not None:
        return outcome is not Outcome.MATCH_CONFIRMED or chosen != pick
    return outcome is Outcome.MATCH_CONFIRMED


def labels(suggestion: Suggestion, outcome: Outcome, chosen: str) -> list[tuple[str, float, bool]]:
    """Each suggested candidate's score with whether the reviewer confirmed it: the fit's data."""
    return [
        (m.fact_check, m.score, outcome is Outcome.MATCH_CONFIRMED and m.fact_check == chosen)
        for m in suggestion.matches
    ]


@dataclass(frozen=True)
class Fit:
    """A threshold fit of the history, who made it and when, for the base ("") or one organisation."""

    fit: ThresholdFit
    fitter: str
    fit_time: datetime
    organization: str = ""


@dataclass(frozen=True)
class ThresholdInForce:
    threshold: float
    fit: Fit | None
    """The fit that set it; None while the shipped calibration's threshold is in force."""
    own: bool
    """The organisation's own threshold (not the whole base's)."""


@dataclass(frozen=True)
class ThresholdReset:
    dropped: bool
    """The organisation had a threshold of its own, now dropped."""
    threshold_before: float
    threshold: float
    """In force for the organisation now: the whole base's."""
