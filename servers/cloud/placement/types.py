"""Placement as the domain sees it: workloads, flows, plans, exclusions."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import numpy.typing as npt

HOURS_PER_MONTH = 730  # the providers' own convention for a month of on-demand hours


class ExclusionReason(enum.IntEnum):
    """Why an offering was left out of a workload; the value is the proto's enum number."""

    NONE = 0
    TOO_SMALL = 1
    RESIDENCY = 2
    CERTIFICATION = 3
    REGION = 4
    PROVIDER = 5
    OVER_BUDGET = 6
    NO_STORAGE = 7
    NO_EGRESS_PRICE = 8
    DOMINATED = 9


@dataclass(frozen=True)
class Workload:
    id: str
    vcpu: int
    memory_gib: float
    gpu_count: int = 0
    storage_gib: float = 0.0
    allowed_countries: tuple[str, ...] = ()
    required_certifications: tuple[str, ...] = ()
    allowed_regions: tuple[str, ...] = ()
    max_monthly_twd: Decimal | None = None
    spread_group: str = ""
    internet_egress_gib_month: float = 0.0
    allowed_providers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Flow:
    source: str
    destination: str
    gib_month: float


@dataclass(frozen=True)
class Assignment:
    workload: str
    offering: str  # offering id
    provider: str
    region: str
    zone: str
    compute_twd: Decimal
    storage_twd: Decimal
    egress_twd: Decimal


@dataclass(frozen=True)
class Plan:
    rank: int
    assignments: tuple[Assignment, ...]
    total_twd: Decimal
    optimal: bool


@dataclass
class Exclusions:
    """Why each offering was left out of each workload: a workloads × offerings matrix.

    `reasons[w, o]` is an ExclusionReason (NONE where the offering was a
    candidate); `dominated_by[w, o]` the index of the dominating offering, or -1.
    """

    offering_ids: list[str]
    reasons: npt.NDArray[np.uint8]
    dominated_by: npt.NDArray[np.int32]

    def counts(self, workloads: list[str]) -> list[tuple[str, ExclusionReason, int]]:
        out: list[tuple[str, ExclusionReason, int]] = []
        for row, workload in enumerate(workloads):
            values, counts = np.unique(self.reasons[row], return_counts=True)
            out.extend(
                (workload, ExclusionReason(int(v)), int(c))
                for v, c in zip(values, counts, strict=True)
                if v != 0
            )
        return out


@dataclass
class Solution:
    plans: list[Plan]
    exclusions: Exclusions
    solve_seconds: float
    greedy_total_twd: Decimal | None = None
    stats: dict[str, int] = field(default_factory=dict)
