"""Subscriptions, notifications and deliveries as the domain sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class EventKind(Enum):
    NEW_VERSION = "NEW_VERSION"
    NEW_ADVISORY = "NEW_ADVISORY"
    NEW_ANSWER = "NEW_ANSWER"


class DeliveryState(Enum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"


@dataclass(frozen=True, slots=True)
class Subscription:
    organization: str
    id: str
    project_id: str
    events: tuple[EventKind, ...]
    webhook_uri: str
    create_time: datetime
    webhook_secret: str = ""
    """Only on the subscription CreateSubscription returns."""


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to a project, for its subscribers."""

    kind: EventKind
    project_id: str
    subject: str
    summary: str
    only_organization: str = ""
    """When set, only this organisation's subscriptions hear it (an answer to its own question)."""
    detail: str = ""
    """Tells apart events of one kind about one subject (two advisories of one version)."""

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.subject}:{self.detail}"


@dataclass(frozen=True, slots=True)
class Notification:
    organization: str
    id: str
    seq: int
    subscription_id: str
    kind: EventKind
    subject: str
    summary: str
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Attempt:
    number: int
    status: int
    error: str
    attempt_time: datetime
    duration_ms: int


@dataclass(frozen=True, slots=True)
class Delivery:
    organization: str
    subscription_id: str
    id: str
    notification_id: str
    uri: str
    body: bytes
    state: DeliveryState
    attempts: int
    last_status: int
    next_attempt_time: datetime
    create_time: datetime
    log: tuple[Attempt, ...] = ()
