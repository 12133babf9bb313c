"""Ranking candidates for a need, pure: hard constraints filter, weighted factors rank.

Score = 0.55 · text (share of the need's search tokens the project or offer
holds) + 0.25 · health (score / 10) + 0.10 · verified ratings (Bayesian
average / 5, ratings/; a provider without ratings gets 0) + 0.10 ·
publisher (0.05 verified, 0.10 official). Every factor that contributes, and
every constraint that was checked, is a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from jipan.servers.market.catalog.model import LicenceFamily, Project
from jipan.servers.market.providers.model import Offer, OfferKind, Price, ProviderProfile
from jipan.servers.market.ratings.model import RatingSummary

TEXT_WEIGHT = 0.55
HEALTH_WEIGHT = 0.25
RATING_WEIGHT = 0.10
PUBLISHER_WEIGHT = 0.10


class Factor(Enum):
    TEXT = "TEXT"
    CONSTRAINT = "CONSTRAINT"
    HEALTH = "HEALTH"
    RATING = "RATING"
    PUBLISHER = "PUBLISHER"


@dataclass(frozen=True, slots=True)
class Need:
    tokens: frozenset[str]
    licence_families: frozenset[LicenceFamily] = frozenset()
    on_premises: bool = False
    certifications: frozenset[str] = frozenset()
    budget: Price | None = None
    regions: frozenset[str] = frozenset()
    offer_kinds: frozenset[OfferKind] = frozenset()

    @property
    def wants_provider(self) -> bool:
        """Constraints only an offer can meet: then a project without one is no answer."""
        return bool(
            self.on_premises or self.certifications or self.budget or self.regions or self.offer_kinds
        )


@dataclass(frozen=True, slots=True)
class Reason:
    factor: Factor
    detail: str
    contribution: float


@dataclass(frozen=True, slots=True)
class Ranked:
    project_id: str
    offer: Offer | None
    score: float
    reasons: tuple[Reason, ...] = field(default=())


def _region_covers(served: Iterable[str], wanted: frozenset[str]) -> str | None:
    """The first wanted region a served one covers ("TW" covers "TW-TPE"), None if none."""
    for region in served:
        for want in wanted:
            if want == region or want.startswith(region + "-"):
                return want
    return None


def _offer_constraints(need: Need, offer: Offer, provider: ProviderProfile) -> list[Reason] | None:
    """Reasons for the constraints the offer meets, or None when one fails."""
    reasons: list[Reason] = []
    if need.offer_kinds:
        if offer.kind not in need.offer_kinds:
            return None
        reasons.append(Reason(Factor.CONSTRAINT, f"offers {offer.kind.value.lower()}", 0.0))
    if need.on_premises:
        if not offer.on_premises:
            return None
        reasons.append(Reason(Factor.CONSTRAINT, "runs on premises", 0.0))
    if need.certifications:
        held = {c.casefold() for c in provider.certifications}
        missing = [c for c in need.certifications if c.casefold() not in held]
        if missing:
            return None
        reasons.append(Reason(Factor.CONSTRAINT, "holds " + ", ".join(sorted(need.certifications)), 0.0))
    if need.regions:
        covered = _region_covers(offer.regions or provider.regions, need.regions)
        if covered is None:
            return None
        reasons.append(Reason(Factor.CONSTRAINT, f"serves {covered}", 0.0))
    if need.budget is not None:
        low = offer.price_min
        if low is None:
            reasons.append(Reason(Factor.CONSTRAINT, "no price stated: within budget not known", 0.0))
        elif low.currency != need.budget.currency or low.amount_minor > need.budget.amount_minor:
            return None
        else:
            reasons.append(
                Reason(
                    Factor.CONSTRAINT, f"from {low.amount_minor / 100:.2f} {low.currency}, within budget", 0.0
                )
            )
    return reasons


def rank(
    need: Need,
    projects: dict[str, tuple[Project, frozenset[str]]],
    offers: Sequence[tuple[Offer, frozenset[str]]],
    providers: dict[str, ProviderProfile],
    limit: int,
) -> list[Ranked]:
    """The best `limit` candidates: (project, offer) pairs, and projects alone when the need allows."""
    total = max(len(need.tokens), 1)
    out: list[Ranked] = []

    def base(project: Project, shared: frozenset[str]) -> tuple[float, list[Reason]] | None:
        reasons: list[Reason] = []
        if need.licence_families:
            if project.licence.family not in need.licence_families:
                return None
            reasons.append(
                Reason(
                    Factor.CONSTRAINT,
                    f"licence {project.licence.expression} is "
                    + project.licence.family.value.lower().replace("_", " "),
                    0.0,
                )
            )
        score = 0.0
        if shared:
            text = TEXT_WEIGHT * len(shared) / total
            score += text
            reasons.append(Reason(Factor.TEXT, "matched " + ", ".join(sorted(shared)[:10]), round(text, 4)))
        health = HEALTH_WEIGHT * project.health_score / 10
        score += health
        reasons.append(Reason(Factor.HEALTH, f"health {project.health_score:.1f}/10", round(health, 4)))
        if project.publisher:
            publisher = PUBLISHER_WEIGHT if project.official else PUBLISHER_WEIGHT / 2
            score += publisher
            label = "official publisher" if project.official else "verified publisher"
            reasons.append(Reason(Factor.PUBLISHER, label, round(publisher, 4)))
        return score, reasons

    with_offers: set[str] = set()
    for offer, offer_shared in offers:
        entry = projects.get(offer.project_id)
        provider = providers.get(offer.provider)
        if entry is None or provider is None:
            continue
        project, shared = entry
        scored = base(project, shared | offer_shared)
        if scored is None:
            continue
        constraints = _offer_constraints(need, offer, provider)
        if constraints is None:
            continue
        score, reasons = scored
        if provider.rating_count:
            average = RatingSummary(provider.rating_count, provider.rating_stars_sum).bayesian_average
            rated = RATING_WEIGHT * average / 5
            score += rated
            reasons.append(
                Reason(
                    Factor.RATING,
                    f"verified ratings {average:.2f}/5 (Bayesian, {provider.rating_count} ratings)",
                    round(rated, 4),
                )
            )
        else:
            reasons.append(Reason(Factor.RATING, "no verified ratings yet", 0.0))
        with_offers.add(project.id)
        out.append(Ranked(project.id, offer, round(score, 6), tuple(constraints + reasons)))
    if not need.wants_provider:
        for project_id, (project, shared) in projects.items():
            if not shared:
                continue  # pulled in by an offer's words only: no project-alone answer
            scored = base(project, shared)
            if scored is None:
                continue
            score, reasons = scored
            out.append(Ranked(project_id, None, round(score, 6), tuple(reasons)))
    out.sort(key=lambda r: (-r.score, r.project_id, r.offer.id if r.offer else ""))
    return out[:limit]
