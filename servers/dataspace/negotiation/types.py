"""Negotiation's domain types."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class State(Enum):
    REQUESTED = "REQUESTED"
    OFFERED = "OFFERED"
    ACCEPTED = "ACCEPTED"
    AGREED = "AGREED"
    VERIFIED = "VERIFIED"
    FINALIZED = "FINALIZED"
    TERMINATED = "TERMINATED"


TERMINAL = frozenset({State.FINALIZED, State.TERMINATED})


@dataclass(frozen=True)
class Negotiation:
    id: uuid.UUID
    dataset_publisher: str
    dataset_id: str
    offer_id: str
    provider: str
    consumer: str
    state: State
    policy: str
    policy_sha256: bytes
    last_actor: str
    last_message: str
    agreement: uuid.UUID | None
    termination_code: str
    termination_reason: str
    create_time: datetime
    update_time: datetime
    peer: str = ""
    """Between meshes: the other mesh (README "Negotiation between meshes"); empty inside one."""
    peer_update_time: datetime | None = None
    """On the consumer's side: the update_time of the provider mesh's record last mirrored."""

    @property
    def dataset(self) -> str:
        return f"{self.dataset_publisher}/datasets/{self.dataset_id}"

    @property
    def remote_provider(self) -> bool:
        """The consumer's side of a negotiation with another mesh: the provider is over there."""
        return self.provider.startswith("peers/")


@dataclass(frozen=True)
class Agreement:
    id: uuid.UUID
    negotiation: uuid.UUID
    dataset: str
    provider: str
    consumer: str
    policy: str
    sha256: bytes
    ledger_receipt: str
    active: bool
    use_count: int
    create_time: datetime


@dataclass(frozen=True)
class LogEntry:
    negotiation: uuid.UUID
    sequence: int
    event: str
    actor_role: str
    actor: str
    details: str
    sha256: bytes
    ledger_receipt: str
    create_time: datetime


@dataclass(frozen=True)
class UseRecord:
    """A decided AuthorizeUse, as replayed for a retried request id."""

    permitted: bool
    decision: str
    rule: str
    constraint: str
    obligations: tuple[str, ...]
    use_count: int


@dataclass(frozen=True)
class RemoteView:
    """The provider mesh's record of a negotiation, as its GetNegotiation (or a message's answer)
    returned it: what the consumer's side mirrors."""

    state: State
    last_actor: str
    policy: str
    policy_sha256: bytes
    agreement: uuid.UUID | None
    termination_code: str
    termination_reason: str
    update_time: datetime
    """The provider mesh's record's update_time: a version, later for every message there."""


@dataclass(frozen=True)
class RemoteAgreement:
    """The provider mesh's agreement, as its GetAgreement returned it."""

    id: uuid.UUID
    negotiation: uuid.UUID
    dataset: str
    provider: str
    consumer: str
    policy: str
    sha256: bytes
    create_time: datetime
