"""Questions and answers as the domain sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Question:
    project_id: str
    id: str
    author_org: str
    author_subject: str
    title: str
    body: str
    accepted_answer: str
    hidden: bool
    hidden_reason: str
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Answer:
    project_id: str
    question_id: str
    id: str
    author_org: str
    body: str
    score: int
    accepted: bool
    hidden: bool
    hidden_reason: str
    create_time: datetime
