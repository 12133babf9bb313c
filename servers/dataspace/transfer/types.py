"""Transfer processes' domain types."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class TransferState(Enum):
    REQUESTED = "REQUESTED"
    STARTED = "STARTED"
    SUSPENDED = "SUSPENDED"
    COMPLETED = "COMPLETED"
    TERMINATED = "TERMINATED"


TERMINAL = frozenset({TransferState.COMPLETED, TransferState.TERMINATED})
PULL = "HttpData-PULL"
PUSH = "AmazonS3-PUSH"
CLOUD_PUSH = "CloudBroker-PUSH"
"""A push through the cloud broker's StorageService into a bucket of the consumer's account."""
PUSHES = frozenset({PUSH, CLOUD_PUSH})


@dataclass(frozen=True)
class Transfer:
    id: uuid.UUID
    agreement: uuid.UUID
    negotiation: uuid.UUID
    dataset: str
    distribution_id: str
    purpose: str
    object_key: str
    provider: str
    consumer: str
    state: TransferState
    last_actor: str
    last_message: str
    byte_size: int
    sha256: bytes
    token_sha256: bytes | None
    token_expire_time: datetime | None
    termination_code: str
    termination_reason: str
    create_time: datetime
    update_time: datetime
    data_subject: str = ""
    """For personal data: "people/{person}", whose data these are."""
    consent: str = ""
    """For personal data: the consent the transfer is bound to."""
    format: str = PULL
    destination: str = ""
    """For a push: "s3://{bucket}/{key}" (never the credentials)."""


@dataclass(frozen=True)
class Access:
    """How the consumer pulls a started transfer; shown once."""

    token: str
    expire_time: datetime
    url: str
