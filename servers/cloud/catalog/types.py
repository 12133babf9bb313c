"""Offerings as the domain sees them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


class OfferingKind(enum.Enum):
    INSTANCE = "INSTANCE"
    STORAGE = "STORAGE"
    EGRESS = "EGRESS"


class PriceListFormat(enum.Enum):
    AWS_OFFER_FILE = "AWS_OFFER_FILE"
    AZURE_RETAIL_PRICES = "AZURE_RETAIL_PRICES"
    GCP_SKU_LIST = "GCP_SKU_LIST"


UNIT_FOR_KIND = {OfferingKind.INSTANCE: "hour", OfferingKind.STORAGE: "GiB-month", OfferingKind.EGRESS: "GiB"}


@dataclass(frozen=True)
class ListedPrice:
    """One price as a loader reads it from a provider's list, before normalisation."""

    provider: str  # "aws", "azure", "gcp"
    kind: OfferingKind
    sku: str
    type: str
    region: str
    unit_price: Decimal  # per hour / GiB-month / GiB
    currency_code: str
    vcpu: int = 0
    memory_gib: float = 0.0
    gpu_count: int = 0
    gpu_model: str = ""


@dataclass(frozen=True)
class ExchangeRate:
    currency_code: str
    twd_per_unit: Decimal
    date: date


@dataclass(frozen=True)
class Offering:
    owner: str
    id: str
    provider: str
    kind: OfferingKind
    sku: str
    type: str
    region: str
    zone: str
    country: str
    vcpu: int
    memory_gib: float
    gpu_count: int
    gpu_model: str
    certifications: tuple[str, ...]
    sla_reference: str
    unit_price: Decimal
    currency_code: str
    unit: str
    unit_price_twd: Decimal
    exchange_rate_date: date | None
    source: PriceListFormat
    import_time: datetime
