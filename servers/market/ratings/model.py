"""Ratings as the domain sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Rating:
    provider: str
    """The rated provider's organisation, "orgs/{id}"."""
    id: str
    order: str
    """The procurement order, "agencies/{agency}/orders/{order}"."""
    agency: str
    """The rating agency's organisation, "orgs/{id}"."""
    stars: int
    review: str
    digest: bytes
    ledger_receipt: str
    create_time: datetime


PRIOR_MEAN = 3.0
"""m: the Bayesian prior's mean, in stars (the middle of the 1-5 scale)."""
PRIOR_WEIGHT = 5
"""C: how many ratings the prior counts for."""


@dataclass(frozen=True, slots=True)
class RatingSummary:
    count: int
    stars_sum: int

    @property
    def mean(self) -> float:
        return self.stars_sum / self.count if self.count else 0.0

    @property
    def bayesian_average(self) -> float:
        """(C·m + Σ stars) / (C + n): few ratings stay near the prior, many speak for themselves."""
        return (PRIOR_WEIGHT * PRIOR_MEAN + self.stars_sum) / (PRIOR_WEIGHT + self.count)


@dataclass(frozen=True, slots=True)
class PurchasedOrder:
    """What procurement's GetOrder says about an order, as far as a rating needs it."""

    name: str
    agency: str
    """Organisation id of the ordering agency."""
    vendor: str
    """Organisation id of the listing's vendor."""
    state: str
    """procurement's OrderState without its prefix: "PLACED", "CONFIRMED", ..."""
