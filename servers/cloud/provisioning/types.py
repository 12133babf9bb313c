"""Deployments, their resources, operations and audit entries as the domain sees them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID


class DeploymentState(enum.Enum):
    CREATING = "CREATING"
    RUNNING = "RUNNING"
    STOPPED = "STOPPED"
    DELETING = "DELETING"
    DELETED = "DELETED"
    FAILED = "FAILED"


class OperationKind(enum.Enum):
    CREATE_DEPLOYMENT = "CREATE_DEPLOYMENT"
    START_DEPLOYMENT = "START_DEPLOYMENT"
    STOP_DEPLOYMENT = "STOP_DEPLOYMENT"
    DELETE_DEPLOYMENT = "DELETE_DEPLOYMENT"
    MIGRATE_BUCKET = "MIGRATE_BUCKET"  # run by migration/, not by provisioning's runner


DEPLOYMENT_KINDS = (
    OperationKind.CREATE_DEPLOYMENT,
    OperationKind.START_DEPLOYMENT,
    OperationKind.STOP_DEPLOYMENT,
    OperationKind.DELETE_DEPLOYMENT,
)


@dataclass(frozen=True)
class Resource:
    workload: str
    account: str
    resource_id: str
    region: str
    provider_state: str
    plan_rank: int
    zone: str = ""  # the availability zone the provider reports; "" for buckets and where none is known


@dataclass(frozen=True)
class Deployment:
    owner: str
    id: UUID
    placement: str
    plan_rank: int
    accounts: dict[str, str]  # provider id → account name
    images: dict[str, str]  # provider id → image
    buckets: tuple[str, ...]
    state: DeploymentState
    expire_time: datetime | None
    create_time: datetime
    resources: tuple[Resource, ...] = ()


@dataclass(frozen=True)
class Operation:
    owner: str
    id: UUID
    kind: OperationKind
    target: str
    requester: str
    step: str
    done: bool
    error: dict[str, Any] | None
    create_time: datetime
    update_time: datetime
    end_time: datetime | None


@dataclass(frozen=True)
class AuditEntry:
    target: str
    sequence: int
    action: str
    actor: str
    details: dict[str, str] = field(default_factory=dict)
    time: datetime | None = None
