"""The privacy service's domain types: what the domain returns, never a row or a message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from jipan.servers.runtime.operations import OperationError


class ColumnRole(StrEnum):
    IDENTIFIER = "IDENTIFIER"
    QUASI_IDENTIFIER = "QUASI_IDENTIFIER"
    SENSITIVE = "SENSITIVE"
    OTHER = "OTHER"


class ColumnKind(StrEnum):
    NUMBER = "NUMBER"
    TEXT = "TEXT"
    DATE = "DATE"


class Mechanism(StrEnum):
    LAPLACE = "LAPLACE"
    GAUSSIAN = "GAUSSIAN"


class Statistic(StrEnum):
    COUNT = "COUNT"
    SUM = "SUM"
    MEAN = "MEAN"
    HISTOGRAM = "HISTOGRAM"


@dataclass(frozen=True)
class Column:
    name: str
    role: ColumnRole
    kind: ColumnKind


@dataclass(frozen=True)
class Dataset:
    owner: str
    id: str
    display_name: str
    columns: tuple[Column, ...]
    total_epsilon: Decimal
    spent_epsilon: Decimal
    row_count: int
    size_bytes: int
    sha256: bytes
    creator: str
    create_time: datetime
    total_delta: Decimal = Decimal(0)
    spent_delta: Decimal = Decimal(0)

    @property
    def remaining_epsilon(self) -> Decimal:
        return self.total_epsilon - self.spent_epsilon

    @property
    def remaining_delta(self) -> Decimal:
        return self.total_delta - self.spent_delta


@dataclass(frozen=True)
class EquivalenceClass:
    values: tuple[str, ...]
    size: int
    distinct_sensitive_values: tuple[int, ...]


@dataclass(frozen=True)
class Assessment:
    quasi_identifiers: tuple[str, ...]
    row_count: int
    equivalence_class_count: int
    k_anonymity: int
    # (sensitive column, distinct ℓ), in schema order.
    diversities: tuple[tuple[str, int], ...]
    risk_threshold: float
    records_at_risk: int
    highest_risk: float
    average_risk: float
    violating_classes: tuple[EquivalenceClass, ...]
    violating_class_count: int

    @property
    def records_at_risk_share(self) -> float:
        return self.records_at_risk / self.row_count if self.row_count else 0.0


@dataclass(frozen=True)
class Query:
    statistic: Statistic
    column: str = ""
    lower: float = 0.0
    upper: float = 0.0
    categories: tuple[str, ...] = ()

    def canonical(self) -> dict[str, object]:
        """The query as the ledger entry and the request fingerprint hold it."""
        return {
            "statistic": self.statistic.value,
            "column": self.column,
            "lower": repr(self.lower),
            "upper": repr(self.upper),
            "categories": list(self.categories),
        }


@dataclass(frozen=True)
class NoisyResult:
    """What a mechanism released: the statistic with noise, and how far off it may be."""

    value: float
    bins: tuple[tuple[str, float], ...]
    noise_scale: float
    accuracy: float
    confidence: float
    mechanism: str = "LAPLACE"


@dataclass(frozen=True)
class Release:
    owner: str
    dataset: str
    sequence: int
    query: Query
    epsilon: Decimal
    spent_epsilon: Decimal
    total_epsilon: Decimal
    result: NoisyResult
    digest: bytes
    ledger_receipt: str
    creator: str
    create_time: datetime
    delta: Decimal = Decimal(0)
    spent_delta: Decimal = Decimal(0)
    total_delta: Decimal = Decimal(0)

    @property
    def remaining_epsilon(self) -> Decimal:
        return self.total_epsilon - self.spent_epsilon

    @property
    def remaining_delta(self) -> Decimal:
        return self.total_delta - self.spent_delta


class OperationKind(StrEnum):
    ANONYMISE = "ANONYMISE"


@dataclass(frozen=True)
class Operation:
    """A long-running operation of an organisation; `result` is the Anonymisation's JSON form."""

    owner: str
    id: str
    kind: OperationKind
    target: str
    requester: str
    progress_percent: int
    progress_message: str
    done: bool
    error: OperationError | None
    result: dict[str, Any] | None
    create_time: datetime
    update_time: datetime
    end_time: datetime | None
