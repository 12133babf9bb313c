"""Resource names of the procurement contract, parsed once at the edge of the domain."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from jipan.interceptors.context import Principal
from jipan.servers.runtime.errors import InvalidArgument

DOMAIN = "procurement.jipan.tw"

ORG = r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}"
LOT_ID = re.compile(r"[a-z][a-z0-9-]{0,62}")
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_LOT = re.compile(r"lots/([a-z][a-z0-9-]{0,62})")
_VENDOR = re.compile(rf"vendors/({ORG})")
_AGENCY = re.compile(rf"agencies/({ORG})")
_LISTING = re.compile(rf"vendors/({ORG})/listings/({_UUID})")
_REVIEW = re.compile(rf"vendors/({ORG})/listings/({_UUID})/reviews/({_UUID})")
_ORDER = re.compile(rf"agencies/({ORG})/orders/({_UUID})")


_ORG_CLAIM = re.compile(rf"orgs/({ORG})")


def org_of(principal: Principal) -> str | None:
    """The caller's organisation id: identity names it "orgs/{id}" in the token's `org` claim,
    and procurement's parents are "vendors/{id}" and "agencies/{id}" with that same id."""
    match = _ORG_CLAIM.fullmatch(principal.org or "")
    return None if match is None else match.group(1)


def invalid_name(field: str, value: str, shape: str) -> InvalidArgument:
    return InvalidArgument(
        "NAME_INVALID",
        f"{field} must be {shape!r}",
        domain=DOMAIN,
        metadata={"field": field, "value": value[:200]},
    )


def _match(pattern: re.Pattern[str], value: str, field: str, shape: str) -> re.Match[str]:
    match = pattern.fullmatch(value)
    if match is None:
        raise invalid_name(field, value, shape)
    return match


def parse_lot(value: str, field: str = "name") -> str:
    match = _match(_LOT, value, field, "lots/{lot}")
    return match.group(1)


def parse_vendor(value: str, field: str = "parent") -> str:
    match = _match(_VENDOR, value, field, "vendors/{vendor}")
    return match.group(1)


def parse_agency(value: str, field: str = "parent") -> str:
    match = _match(_AGENCY, value, field, "agencies/{agency}")
    return match.group(1)


@dataclass(frozen=True, slots=True)
class ListingKey:
    vendor: str
    id: uuid.UUID

    @property
    def name(self) -> str:
        return f"vendors/{self.vendor}/listings/{self.id}"


@dataclass(frozen=True, slots=True)
class ReviewKey:
    listing: ListingKey
    id: uuid.UUID

    @property
    def name(self) -> str:
        return f"{self.listing.name}/reviews/{self.id}"


@dataclass(frozen=True, slots=True)
class OrderKey:
    agency: str
    id: uuid.UUID

    @property
    def name(self) -> str:
        return f"agencies/{self.agency}/orders/{self.id}"


def parse_listing(value: str, field: str = "name") -> ListingKey:
    match = _match(_LISTING, value, field, "vendors/{vendor}/listings/{listing}")
    return ListingKey(match.group(1), uuid.UUID(match.group(2)))


def parse_review(value: str, field: str = "name") -> ReviewKey:
    match = _match(_REVIEW, value, field, "vendors/{vendor}/listings/{listing}/reviews/{review}")
    return ReviewKey(ListingKey(match.group(1), uuid.UUID(match.group(2))), uuid.UUID(match.group(3)))


def parse_order(value: str, field: str = "name") -> OrderKey:
    match = _match(_ORDER, value, field, "agencies/{agency}/orders/{order}")
    return OrderKey(match.group(1), uuid.UUID(match.group(2)))


def lot_name(lot_id: str) -> str:
    return f"lots/{lot_id}"


def notification_name(vendor: str, notification_id: uuid.UUID) -> str:
    return f"vendors/{vendor}/notifications/{notification_id}"


_TENDER = re.compile(rf"agencies/({ORG})/tenders/({_UUID})")
_BID = re.compile(rf"agencies/({ORG})/tenders/({_UUID})/bids/({_UUID})")


@dataclass(frozen=True, slots=True)
class TenderKey:
    agency: str
    id: uuid.UUID

    @property
    def name(self) -> str:
        return f"agencies/{self.agency}/tenders/{self.id}"


@dataclass(frozen=True, slots=True)
class BidKey:
    tender: TenderKey
    id: uuid.UUID

    @property
    def name(self) -> str:
        return f"{self.tender.name}/bids/{self.id}"


def parse_tender(value: str, field: str = "name") -> TenderKey:
    match = _match(_TENDER, value, field, "agencies/{agency}/tenders/{tender}")
    return TenderKey(match.group(1), uuid.UUID(match.group(2)))


def parse_bid(value: str, field: str = "name") -> BidKey:
    match = _match(_BID, value, field, "agencies/{agency}/tenders/{tender}/bids/{bid}")
    return BidKey(TenderKey(match.group(1), uuid.UUID(match.group(2))), uuid.UUID(match.group(3)))
