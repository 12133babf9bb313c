"""The catalog: contract lots and vendors' listings, with their input rules.

A listing's price tiers, licence terms and SLA are checked here before
anything is stored, so a bad listing is INVALID_ARGUMENT with a reason and
leaves no row behind.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from license_expression import ExpressionError, get_spdx_licensing

from jipan.interceptors.context import Principal
from jipan.servers.procurement.names import DOMAIN, ListingKey, org_of
from jipan.servers.runtime import search
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument, NotFound, PermissionDenied

CURRENCY = "TWD"
_LICENSING = get_spdx_licensing()
_COUNTRY = re.compile(r"[A-Z]{2}")


class Category(StrEnum):
    PACKAGED_SOFTWARE = "PACKAGED_SOFTWARE"
    CLOUD_SERVICES = "CLOUD_SERVICES"
    INFORMATION_SECURITY_SERVICES = "INFORMATION_SECURITY_SERVICES"


class ListingState(StrEnum):
    DRAFT = "DRAFT"
    CHANGES_REQUESTED = "CHANGES_REQUESTED"
    APPROVED = "APPROVED"
    FLAGGED = "FLAGGED"


VISIBLE_TO_ALL = (ListingState.APPROVED, ListingState.FLAGGED)
REVIEWER_ROLES = frozenset({"procurement-reviewer", "procurement-admin"})


@dataclass(frozen=True, slots=True)
class Lot:
    id: str
    display_name: str
    category: Category
    contract_number: str
    description: str = ""
    create_time: datetime | None = None


@dataclass(frozen=True, slots=True)
class PriceTier:
    min_quantity: int
    max_quantity: int  # 0 = unbounded
    unit_price_minor: int
    currency_code: str = CURRENCY

    def covers(self, quantity: int) -> bool:
        return quantity >= self.min_quantity and (self.max_quantity == 0 or quantity <= self.max_quantity)


class Distribution(StrEnum):
    PROPRIETARY = "PROPRIETARY"
    SAAS = "SAAS"
    OPEN_SOURCE = "OPEN_SOURCE"


class SupportHours(StrEnum):
    BUSINESS = "BUSINESS"
    EXTENDED = "EXTENDED"
    ALWAYS = "ALWAYS"


@dataclass(frozen=True, slots=True)
class LicenceTerms:
    distribution: Distribution | None
    spdx_expression: str = ""
    summary: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "distribution": None if self.distribution is None else self.distribution.value,
            "spdx_expression": self.spdx_expression,
            "summary": self.summary,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LicenceTerms:
        value = data.get("distribution")
        return cls(None if value is None else Distribution(value), data["spdx_expression"], data["summary"])


@dataclass(frozen=True, slots=True)
class LabReport:
    reference: str
    standard: str
    laboratory: str = ""
    valid: bool = False
    expire_time: datetime | None = None


@dataclass(frozen=True, slots=True)
class Sla:
    availability_basis_points: int
    rto_minutes: int
    rpo_minutes: int
    support_hours: SupportHours | None
    data_locations: tuple[str, ...]
    incident_notification_minutes: int
    lab_report: LabReport | None = None

    def to_json(self) -> dict[str, Any]:
        report = self.lab_report
        return {
            "availability_basis_points": self.availability_basis_points,
            "rto_minutes": self.rto_minutes,
            "rpo_minutes": self.rpo_minutes,
            "support_hours": None if self.support_hours is None else self.support_hours.value,
            "data_locations": list(self.data_locations),
            "incident_notification_minutes": self.incident_notification_minutes,
            "lab_report": None
            if report is None
            else {
                "reference": report.reference,
                "standard": report.standard,
                "laboratory": report.laboratory,
                "valid": report.valid,
                "expire_time": None if report.expire_time is None else report.expire_time.isoformat(),
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Sla:
        report = data.get("lab_report")
        hours = data.get("support_hours")
        return cls(
            availability_basis_points=data["availability_basis_points"],
            rto_minutes=data["rto_minutes"],
            rpo_minutes=data["rpo_minutes"],
            support_hours=None if hours is None else SupportHours(hours),
            data_locations=tuple(data["data_locations"]),
            incident_notification_minutes=data["incident_notification_minutes"],
            lab_report=None
            if report is None
            else LabReport(
                reference=report["reference"],
                standard=report["standard"],
                laboratory=report["laboratory"],
                valid=report["valid"],
                expire_time=None
                if report["expire_time"] is None
                else datetime.fromisoformat(report["expire_time"]),
            ),
        )


@dataclass(frozen=True, slots=True)
class ListingDraft:
    """What a vendor supplies; the rest of a Listing is the server's."""

    lot: str
    product_name: str
    product_version: str
    description: str
    price_tiers: tuple[PriceTier, ...]
    licence_terms: LicenceTerms
    sla: Sla | None
    support: str


@dataclass(frozen=True, slots=True)
class Listing:
    key: ListingKey
    draft: ListingDraft
    category: Category
    state: ListingState
    latest_review: uuid.UUID | None
    sbom_sha256: bytes | None
    create_time: datetime
    update_time: datetime
    extra: dict[str, Any] = field(default_factory=dict)

    def tier_for(self, quantity: int) -> PriceTier | None:
        return next((tier for tier in self.draft.price_tiers if tier.covers(quantity)), None)


def _invalid(reason: str, message: str, field_path: str, **metadata: str) -> InvalidArgument:
    return InvalidArgument(
        reason,
        message,
        domain=DOMAIN,
        metadata={"field": field_path, **metadata},
        field_violations=[FieldViolation(field_path, message)],
    )


def check_price_tiers(tiers: Sequence[PriceTier], field_path: str = "listing.price_tiers") -> None:
    """At least one tier, all in TWD with a positive price, sorted, contiguous, never overlapping."""
    if not tiers:
        raise _invalid("PRICE_TIERS_INVALID", "a listing needs at least one price tier", field_path)
    previous: PriceTier | None = None
    for index, tier in enumerate(tiers):
        path = f"{field_path}[{index}]"
        if tier.currency_code != CURRENCY:
            raise _invalid(
                "PRICE_TIERS_INVALID", f"prices are in {CURRENCY}", f"{path}.unit_price.currency_code"
            )
        if tier.unit_price_minor <= 0:
            raise _invalid("PRICE_TIERS_INVALID", "a unit price must be positive", f"{path}.unit_price")
        if tier.min_quantity < 1:
            raise _invalid("PRICE_TIERS_INVALID", "min_quantity must be at least 1", f"{path}.min_quantity")
        if tier.max_quantity != 0 and tier.max_quantity < tier.min_quantity:
            raise _invalid(
                "PRICE_TIERS_INVALID", "max_quantity is below min_quantity", f"{path}.max_quantity"
            )
        if previous is not None:
            if previous.max_quantity == 0:
                raise _invalid(
                    "PRICE_TIERS_INVALID", "only the last tier may be unbounded", f"{field_path}[{index - 1}]"
                )
            if tier.min_quantity <= previous.max_quantity:
                raise _invalid(
                    "PRICE_TIERS_INVALID",
                    f"tier {index} overlaps tier {index - 1}",
                    f"{path}.min_quantity",
                )
            if tier.min_quantity != previous.max_quantity + 1:
                raise _invalid(
                    "PRICE_TIERS_INVALID",
                    f"tiers {index - 1} and {index} leave quantities without a price",
                    f"{path}.min_quantity",
                )
        previous = tier


def check_licence_terms(terms: LicenceTerms, field_path: str = "listing.licence_terms") -> None:
    if terms.distribution is None:
        raise _invalid("LICENCE_TERMS_INVALID", "distribution is required", f"{field_path}.distribution")
    expression = terms.spdx_expression.strip()
    if not expression:
        if terms.distribution is Distribution.OPEN_SOURCE:
            raise _invalid(
                "LICENCE_TERMS_INVALID",
                "an open-source listing needs its spdx_expression",
                f"{field_path}.spdx_expression",
            )
        return
    try:
        parsed = _LICENSING.parse(expression, validate=False)
    except ExpressionError as exc:
        raise _invalid(
            "LICENCE_TERMS_INVALID",
            f"spdx_expression is not a valid SPDX expression: {exc}",
            f"{field_path}.spdx_expression",
        ) from exc
    unknown = [key for key in _LICENSING.unknown_license_keys(parsed) if not key.startswith("LicenseRef-")]
    if parsed is None or unknown:
        raise _invalid(
            "LICENCE_TERMS_INVALID",
            f"unknown SPDX licence id(s): {', '.join(unknown)} (use LicenseRef-... for others)",
            f"{field_path}.spdx_expression",
        )


def check_sla(sla: Sla | None, category: Category, field_path: str = "listing.sla") -> None:
    if category is Category.PACKAGED_SOFTWARE:
        return
    if sla is None:
        raise _invalid("SLA_INVALID", "cloud and service listings need an SLA attestation", field_path)
    problems = {
        "availability_basis_points": not 0 < sla.availability_basis_points <= 10000,
        "rto_minutes": sla.rto_minutes < 0,
        "rpo_minutes": sla.rpo_minutes < 0,
        "support_hours": sla.support_hours is None,
        "data_locations": not sla.data_locations or len(sla.data_locations) > 50,
        "incident_notification_minutes": sla.incident_notification_minutes <= 0,
    }
    for name, bad in problems.items():
        if bad:
            raise _invalid("SLA_INVALID", f"sla.{name} is missing or out of range", f"{field_path}.{name}")
    for index, code in enumerate(sla.data_locations):
        if not _COUNTRY.fullmatch(code):
            raise _invalid(
                "SLA_INVALID",
                "data locations are ISO 3166-1 alpha-2 codes",
                f"{field_path}.data_locations[{index}]",
            )
    report = sla.lab_report
    if report is not None and (not report.reference.strip() or not report.standard.strip()):
        raise _invalid(
            "SLA_INVALID", "a lab report needs its reference and standard", f"{field_path}.lab_report"
        )


def check_draft(draft: ListingDraft, category: Category) -> None:
    violations = []
    for name in ("product_name", "product_version"):
        value = getattr(draft, name)
        if not value.strip():
            violations.append(FieldViolation(f"listing.{name}", "required"))
        elif len(value) > 200:
            violations.append(FieldViolation(f"listing.{name}", "at most 200 characters"))
    if len(draft.description) > 20000:
        violations.append(FieldViolation("listing.description", "at most 20000 characters"))
    if violations:
        raise InvalidArgument(
            "FIELD_INVALID", "listing fields are missing or too long", field_violations=violations
        )
    check_price_tiers(draft.price_tiers)
    check_licence_terms(draft.licence_terms)
    check_sla(draft.sla, category)


def search_tokens(draft: ListingDraft) -> list[str]:
    return search.tokens(draft.product_name, draft.product_version, draft.description)


def name_tokens(draft: ListingDraft) -> list[str]:
    return search.tokens(draft.product_name)


def require_org(principal: Principal, org: str, field_path: str) -> None:
    """Writes under a parent are for the parent's own organisation only."""
    if org_of(principal) != org:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            f"{field_path} names another organisation than the caller's",
            domain=DOMAIN,
            metadata={"field": field_path, "org": principal.org or ""},
        )


def can_see(principal: Principal, listing: Listing) -> bool:
    return (
        listing.state in VISIBLE_TO_ALL
        or org_of(principal) == listing.key.vendor
        or bool(principal.roles & REVIEWER_ROLES)
    )


def listing_not_found(name: str) -> NotFound:
    return NotFound("LISTING_NOT_FOUND", f"no listing {name}", domain=DOMAIN, metadata={"name": name})


UPDATABLE = frozenset(
    {"product_name", "product_version", "description", "price_tiers", "licence_terms", "sla", "support"}
)


def apply_mask(current: ListingDraft, new: ListingDraft, paths: Sequence[str]) -> ListingDraft:
    unknown = [path for path in paths if path not in UPDATABLE]
    if unknown or not paths:
        raise _invalid(
            "UPDATE_MASK_INVALID",
            f"update_mask may name only {', '.join(sorted(UPDATABLE))}",
            "update_mask",
            paths=",".join(unknown),
        )
    return replace(current, **{path: getattr(new, path) for path in paths})
