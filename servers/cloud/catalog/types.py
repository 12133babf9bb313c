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
    OPENSTACK_PRICE_SHEET = "OPENSTACK_PRICE_SHEET"


UNIT_FOR_KIND = {OfferingKind.INSTANCE: "hour", OfferingKind.STORAGE: "GiB-month", OfferingKind.EGRESS: "GiB"}


@dataclass(frozen=True)
class RegionFacts:
    """Where a region is, its zones, and what its operator is certified for."""

    country: str
    zones: tuple[str, ...]
    certifications: tuple[str, ...]
    sla_reference: str


@dataclass(frozen=True)
class ListedPrice:
    """One price as a loader reads it from a provider's list, before normalisation."""

    provider: str  # "aws", "azure", "gcp", "openstack"
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
    # The region's facts where the price list itself declares them (an OpenStack cloud's price
    # sheet); None: data/regions.json has them (the hyperscalers' lists do not carry them).
    place: RegionFacts | None = None


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
