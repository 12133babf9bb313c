"""Billing as the domain sees it: imports, budgets, notifications, cost groups."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


class CostExportLayout(enum.Enum):
    AWS_CUR = "AWS_CUR"
    AZURE_COST_EXPORT = "AZURE_COST_EXPORT"
    GCP_BILLING_EXPORT = "GCP_BILLING_EXPORT"
    FOCUS = "FOCUS"


class CostDimension(enum.Enum):
    PROVIDER = "PROVIDER"
    SERVICE = "SERVICE"
    MONTH = "MONTH"
    TAG = "TAG"
    PROJECT = "PROJECT"


class FocusFileFormat(enum.Enum):
    CSV = "CSV"
    PARQUET = "PARQUET"


@dataclass(frozen=True)
class CostImport:
    owner: str
    id: str  # a UUID
    provider: str  # ProviderName of its rows ("AWS", "Microsoft", "Google Cloud", or several joined by ", ")
    row_count: int
    billed_cost_by_currency: dict[str, Decimal]
    create_time: datetime


@dataclass(frozen=True)
class CostGroup:
    key: str
    effective_cost_twd: Decimal


@dataclass(frozen=True)
class Budget:
    owner: str
    id: str  # a UUID
    display_name: str
    monthly_amount_twd: Decimal
    thresholds: tuple[float, ...]
    tag_filter: str  # "key=value" or ""
    create_time: datetime


@dataclass(frozen=True)
class Notification:
    owner: str
    id: str  # a UUID
    budget_id: str
    threshold: float
    month: str  # "YYYY-MM", UTC+8
    actual_twd: Decimal
    create_time: datetime


@dataclass(frozen=True)
class DailyCost:
    day: date  # UTC+8
    effective_cost_twd: Decimal


@dataclass(frozen=True)
class StoredPart:
    """Up to billing.domain.PART_ROWS rows of one import, as Parquet."""

    parquet: bytes
    rows: int
    first_day: date | None  # charge days (UTC+8) of its rows
    last_day: date | None


@dataclass(frozen=True)
class DailyGroup:
    """One import's effective cost for one day (UTC+8), provider, service, tag set and currency."""

    charge_day: date
    provider_name: str
    service_name: str
    tags: str | None  # a JSON object
    billing_currency: str
    twd_per_unit: Decimal
    effective_cost: Decimal  # in billing_currency
    rows: int
