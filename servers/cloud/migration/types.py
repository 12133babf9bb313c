"""Bucket migrations and their objects as the domain sees them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


class MigrationState(enum.Enum):
    COPYING = "COPYING"
    VERIFYING = "VERIFYING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


@dataclass(frozen=True)
class Migration:
    owner: str
    id: UUID
    operation: UUID
    source_account: str
    source_bucket: str
    destination_account: str
    destination_bucket: str
    state: MigrationState
    listed: bool
    create_time: datetime
    objects_verified: int = 0


@dataclass(frozen=True)
class Progress:
    objects_done: int
    objects_total: int
    bytes_done: int
    bytes_total: int
    objects_verified: int


@dataclass(frozen=True)
class PendingObject:
    key: str
    size: int
    source_digest: str


@dataclass(frozen=True)
class CopiedObject:
    key: str
    size: int
    source_digest: str
    md5: str
    expected_digest: str
