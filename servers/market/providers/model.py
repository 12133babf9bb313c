"""Providers, offers and needs as the domain sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class OfferKind(Enum):
    SUPPORT = "SUPPORT"
    INTEGRATION = "INTEGRATION"
    HOSTING = "HOSTING"
    TRAINING = "TRAINING"


@dataclass(frozen=True, slots=True)
class Price:
    currency: str
    amount_minor: int


@dataclass(frozen=True, slots=True)
class ProviderProfile:
    organization: str
    display_name: str
    description_zh: str = ""
    description_en: str = ""
    regions: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    contact_uri: str = ""
    create_time: datetime | None = None
    rating_count: int = 0
    """Verified ratings (ratings/): how many, and their stars added up."""
    rating_stars_sum: int = 0


@dataclass(frozen=True, slots=True)
class Offer:
    provider: str
    id: str
    project_id: str
    kind: OfferKind
    description_zh: str = ""
    description_en: str = ""
    capabilities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    on_premises: bool = False
    price_min: Price | None = None
    price_max: Price | None = None
    response_time_s: int | None = None
    listing: str = ""
    create_time: datetime | None = None
