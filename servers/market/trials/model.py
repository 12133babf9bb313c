"""Trials' domain types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class TrialState(Enum):
    PROVISIONING = "PROVISIONING"
    RUNNING = "RUNNING"
    ENDING = "ENDING"
    ENDED = "ENDED"
    FAILED = "FAILED"

    @property
    def settled(self) -> bool:
        return self in (TrialState.ENDED, TrialState.FAILED)


@dataclass(frozen=True, slots=True)
class TrialTemplate:
    project_id: str
    id: str
    publisher: str
    offering: str
    provider: str
    region: str
    vcpu: int
    memory_gib: float
    gpu_count: int
    image: str
    ports: tuple[int, ...]
    max_hours: int
    budget_currency: str
    budget_minor: int
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Trial:
    organization: str
    id: str
    project_id: str
    template_id: str
    hours: int
    state: TrialState
    estimated_cost_minor: int
    currency: str
    placement: str
    operation: str
    deployment: str
    endpoint: str
    problem: str
    end_requested: bool
    expire_time: datetime
    create_time: datetime
