"""Open data: OCDS 1.1 release packages for tenders, bids, awards and contracts.

Builds releases of the Open Contracting Data Standard 1.1 with the bids
extension (``bids.details[]``: id, date, status, tenderers, value, relatedLots)
and the lots extension (``tender.lots[]``, ``relatedLot(s)``), parties with their
org-id.guide ``identifier`` (see ``ocds_schema/README.md``), and validates packages against
the official schemas vendored in ``ocds_schema/`` (see its README): the release
package schema, the release schema, and the extensions merged into the release
schema with JSON Merge Patch as OCDS tooling does. Validation is JSON Schema
Draft 4 with a local ``referencing.Registry``: nothing is fetched.

Personal data is never exported, by construction: the input records below
carry organisations as ``OrganizationRef`` (id and name only) and have no field
for a person's name, e-mail, telephone, address or contact point, and the
builders only emit the fields listed here. ``validate_release_package`` also
reports any personal-data key (``contactPoint``, ``email``, ...) it finds, so a
package assembled elsewhere is checked too.

Everything here is pure: no I/O except reading the vendored schemas once.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import urlsplit

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

if TYPE_CHECKING:
    from jsonschema import FormatChecker

OCDS_VERSION: Final = "1.1"
SCHEMA_DIR: Final = Path(__file__).with_name("ocds_schema")
RELEASE_SCHEMA_URL: Final = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
BID_EXTENSION_URL: Final = (
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json"
)
LOTS_EXTENSION_URL: Final = (
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json"
)
EXTENSIONS: Final = (BID_EXTENSION_URL, LOTS_EXTENSION_URL)
# Keys that would carry data about people; never emitted, and reported if present.
PERSONAL_DATA_KEYS: Final = frozenset(
    {"contactPoint", "email", "telephone", "faxNumber", "address", "streetAddress", "postalCode", "persons"}
)
_MAX_MESSAGE_CHARS: Final = 300

# Closed OCDS 1.1 codelists (the schema checks them too; the types catch typos earlier).
TenderStatus = Literal["planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn"]
BidStatus = Literal["invited", "pending", "valid", "disqualified", "withdrawn"]
AwardStatus = Literal["pending", "active", "cancelled", "unsuccessful"]
ContractStatus = Literal["pending", "active", "cancelled", "terminated"]
ProcurementMethod = Literal["open", "selective", "limited", "direct"]
ProcurementCategory = Literal["goods", "works", "services"]


# --- input records ----------------------------------------------------------------------------------


# org-id.guide's list for Taiwan's business register: the Ministry of Economic Affairs'
# Commerce Industrial Services Portal (GCIS), whose identifier is the 8-digit Unified
# Business Number (統一編號). org-id.guide's other Taiwan list, TW-COA (government budget
# codes), holds no codes yet, so agencies have no registered identifier to publish.
TAIWAN_BUSINESS_REGISTER: Final = "TW-CR"
_UBN = re.compile(r"[0-9]{8}")
_UBN_WEIGHTS: Final = (1, 2, 1, 2, 1, 2, 4, 1)


def is_unified_business_number(value: str) -> bool:
    """Whether `value` is a well-formed Taiwan Unified Business Number (統一編號): 8 digits whose
    weighted digit sum (weights 1,2,1,2,1,2,4,1, each product's digits added) is divisible
    by 5 (by 10 before 2023; every such number is divisible by 5 too), where a 7 in the
    seventh place may count as 0 or 1 of its product's digit sum."""
    if not _UBN.fullmatch(value):
        return False
    total = 0
    for digit, weight in zip(value, _UBN_WEIGHTS, strict=True):
        product = int(digit) * weight
        total += product // 10 + product % 10
    if value[6] == "7":
        return total % 5 == 0 or (total + 1) % 5 == 0
    return total % 5 == 0


@dataclass(frozen=True, slots=True)
class OrganizationRef:
    """An organisation (agency or vendor): its id, public name and, when the platform knows
    it, its Taiwan Unified Business Number (統一編號, org-id.guide scheme TW-CR); nothing
    about people."""

    id: str
    name: str
    registration_number: str | None = None


@dataclass(frozen=True, slots=True)
class Value:
    """A monetary amount in major units (OCDS ``Value``), e.g. ``Value(Decimal("1250.50"), "TWD")``."""

    amount: Decimal
    currency: str

    @classmethod
    def from_minor_units(cls, minor_units: int, currency: str, exponent: int = 2) -> Value:
        """From integer minor units (how Jipan stores money): 125050 TWD cents -> 1250.50."""
        return cls(Decimal(minor_units).scaleb(-exponent), currency)


@dataclass(frozen=True, slots=True)
class Period:
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class Classification:
    """An item classification, e.g. scheme "UNSPSC" or "CPV", and the code."""

    scheme: str
    id: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ItemRecord:
    id: str
    description: str
    quantity: Decimal | int | None = None
    unit_name: str | None = None
    unit_value: Value | None = None
    classification: Classification | None = None
    related_lot: str | None = None


@dataclass(frozen=True, slots=True)
class LotRecord:
    id: str
    title: str
    description: str | None = None
    status: TenderStatus | None = None
    value: Value | None = None


@dataclass(frozen=True, slots=True)
class TenderRecord:
    """A tender as published. ``award_criteria`` uses the open OCDS awardCriteria codelist:
    "priceOnly" for lowest price, "ratedCriteria" for most-advantageous with weighted criteria
    (the weights can go in ``award_criteria_details``)."""

    id: str
    title: str
    buyer: OrganizationRef
    procuring_entity: OrganizationRef
    tender_period: Period
    award_criteria: str
    status: TenderStatus = "active"
    description: str | None = None
    value: Value | None = None
    items: tuple[ItemRecord, ...] = ()
    lots: tuple[LotRecord, ...] = ()
    award_criteria_details: str | None = None
    procurement_method: ProcurementMethod = "open"
    main_procurement_category: ProcurementCategory | None = None
    award_period: Period | None = None


@dataclass(frozen=True, slots=True)
class BidRecord:
    """A bid as disclosed after opening (never before: its value is sealed until then)."""

    id: str
    date: datetime
    status: BidStatus
    tenderers: tuple[OrganizationRef, ...]
    value: Value | None = None
    related_lots: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AwardRecord:
    id: str
    date: datetime
    status: AwardStatus
    suppliers: tuple[OrganizationRef, ...]
    value: Value | None = None
    title: str | None = None
    related_bid: str | None = None
    related_lots: tuple[str, ...] = ()
    contract_period: Period | None = None


@dataclass(frozen=True, slots=True)
class ContractRecord:
    id: str
    award_id: str
    status: ContractStatus
    value: Value | None = None
    title: str | None = None
    period: Period | None = None
    date_signed: datetime | None = None


# --- releases ---------------------------------------------------------------------------------------


def ocid(ocid_prefix: str, tender_id: str) -> str:
    """The OCDS contracting-process id: the registered prefix (e.g. "ocds-jipan01-") plus the tender id."""
    if not ocid_prefix or "#" in ocid_prefix or "#" in tender_id:
        raise ValueError("ocid prefix must be non-empty and ids must not contain '#'")
    return f"{ocid_prefix}{tender_id}"


def build_release(
    tender: TenderRecord,
    *,
    ocid_prefix: str,
    date: datetime,
    bids: Sequence[BidRecord] = (),
    awards: Sequence[AwardRecord] = (),
    contracts: Sequence[ContractRecord] = (),
    tag: Sequence[str] | None = None,
    release_id: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """One OCDS release of ``tender``'s contracting process at ``date``.

    ``tag`` defaults to "contract", "award" or "tender" after the latest stage
    present; ``release_id`` defaults to "{tender.id}-{tag}-{date}" (unique per
    ocid as long as one process publishes one release per stage and second).
    """
    tags = list(tag) if tag is not None else [_default_tag(awards, contracts)]
    process = ocid(ocid_prefix, tender.id)
    release: dict[str, Any] = {
        "ocid": process,
        "id": release_id or f"{tender.id}-{tags[0]}-{date.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        "date": _date(date),
        "tag": tags,
        "initiationType": "tender",
        "parties": _parties(tender, bids, awards),
        "buyer": _ref(tender.buyer),
        "tender": _tender(tender, bids),
    }
    if "#" in release["id"]:
        raise ValueError("release id must not contain '#'")
    if language is not None:
        release["language"] = language
    if bids:
        release["bids"] = _bids(bids)
    if awards:
        release["awards"] = [_award(award) for award in awards]
    if contracts:
        release["contracts"] = [_contract(contract) for contract in contracts]
    return release


def tender_release(tender: TenderRecord, *, ocid_prefix: str, date: datetime) -> dict[str, Any]:
    """The tender notice (tag "tender"): no bids, no awards."""
    return build_release(tender, ocid_prefix=ocid_prefix, date=date, tag=["tender"])


def award_release(
    tender: TenderRecord,
    awards: Sequence[AwardRecord],
    *,
    bids: Sequence[BidRecord],
    ocid_prefix: str,
    date: datetime,
) -> dict[str, Any]:
    """The award notice (tag "award"), with the opened bids' details."""
    return build_release(tender, ocid_prefix=ocid_prefix, date=date, bids=bids, awards=awards, tag=["award"])


def contract_release(
    tender: TenderRecord,
    awards: Sequence[AwardRecord],
    contracts: Sequence[ContractRecord],
    *,
    ocid_prefix: str,
    date: datetime,
) -> dict[str, Any]:
    """The contract notice (tag "contract"), with the awards it implements."""
    return build_release(
        tender, ocid_prefix=ocid_prefix, date=date, awards=awards, contracts=contracts, tag=["contract"]
    )


def release_package(
    releases: Iterable[Mapping[str, Any]],
    *,
    uri: str,
    published_date: datetime,
    publisher_name: str,
    publisher_uri: str | None = None,
    license_url: str | None = None,
    publication_policy_url: str | None = None,
) -> dict[str, Any]:
    """An OCDS 1.1 release package declaring the bids and lots extensions."""
    package: dict[str, Any] = {
        "uri": uri,
        "version": OCDS_VERSION,
        "extensions": list(EXTENSIONS),
        "publishedDate": _date(published_date),
        "publisher": {"name": publisher_name},
        "releases": [dict(release) for release in releases],
    }
    if publisher_uri is not None:
        package["publisher"]["uri"] = publisher_uri
    if license_url is not None:
        package["license"] = license_url
    if publication_policy_url is not None:
        package["publicationPolicy"] = publication_policy_url
    return package


def validate_release_package(package: Any) -> list[str]:
    """Schema and personal-data errors of ``package``, as "/json/pointer: message"; empty when valid."""
    errors = [
        f"{_pointer(error.absolute_path)}: {_shorten(error.message)}"
        for error in _package_validator().iter_errors(package)
    ]
    errors.extend(f"{path}: personal data is never exported" for path in personal_data_paths(package))
    return sorted(errors)


def personal_data_paths(document: Any, path: str = "") -> list[str]:
    """JSON pointers of every key in ``document`` that would carry data about people."""
    found: list[str] = []
    if isinstance(document, Mapping):
        for key, value in document.items():
            child = f"{path}/{key}"
            if key in PERSONAL_DATA_KEYS:
                found.append(child)
            found.extend(personal_data_paths(value, child))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found.extend(personal_data_paths(value, f"{path}/{index}"))
    return found


def release_schema() -> dict[str, Any]:
    """The OCDS 1.1 release schema with the bids and lots extensions merged in (a copy)."""
    return json.loads(json.dumps(_merged_release_schema()))  # type: ignore[no-any-return]


def json_merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON Merge Patch: how OCDS applies an extension's schema to the core schema."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = json_merge_patch(merged.get(key), value)
    return merged


# --- building blocks --------------------------------------------------------------------------------


def _default_tag(awards: Sequence[AwardRecord], contracts: Sequence[ContractRecord]) -> str:
    if contracts:
        return "contract"
    if awards:
        return "award"
    return "tender"


def _date(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("OCDS dates need a timezone; pass an aware datetime")
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _amount(amount: Decimal | int) -> int | float:
    decimal = Decimal(amount)
    if decimal == decimal.to_integral_value():
        return int(decimal)
    return float(decimal)


def _value(value: Value) -> dict[str, Any]:
    return {"amount": _amount(value.amount), "currency": value.currency}


def _period(period: Period) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if period.start is not None:
        out["startDate"] = _date(period.start)
    if period.end is not None:
        out["endDate"] = _date(period.end)
    return out


def _ref(org: OrganizationRef) -> dict[str, Any]:
    return {"id": org.id, "name": org.name}


def _parties(
    tender: TenderRecord, bids: Sequence[BidRecord], awards: Sequence[AwardRecord]
) -> list[dict[str, Any]]:
    parties: dict[str, dict[str, Any]] = {}

    def add(org: OrganizationRef, role: str) -> None:
        party = parties.setdefault(
            org.id, {"id": org.id, "name": org.name, "identifier": _identifier(None), "roles": []}
        )
        if party["name"] != org.name:
            raise ValueError(f"organisation {org.id!r} appears under two names")
        if org.registration_number is not None:
            known = _identifier(org.registration_number)
            if party["identifier"]["id"] not in (None, known["id"]):
                raise ValueError(f"organisation {org.id!r} appears under two registration numbers")
            party["identifier"] = known
        if role not in party["roles"]:
            party["roles"].append(role)

    add(tender.buyer, "buyer")
    add(tender.procuring_entity, "procuringEntity")
    for bid in bids:
        for org in bid.tenderers:
            add(org, "tenderer")
    for award in awards:
        for org in award.suppliers:
            add(org, "supplier")
    return list(parties.values())


def _identifier(registration_number: str | None) -> dict[str, Any]:
    """A party's `identifier`: its Unified Business Number in org-id.guide's TW-CR scheme; when
    the platform does not know one, `scheme` and `id` are null, OCDS's explicit "no value"
    (the schema allows it), rather than a made-up scheme or the field left out unsaid."""
    if registration_number is None:
        return {"scheme": None, "id": None}
    if not is_unified_business_number(registration_number):
        raise ValueError(f"{registration_number!r} is not a Unified Business Number")
    return {"scheme": TAIWAN_BUSINESS_REGISTER, "id": registration_number}


def _item(item: ItemRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.id, "description": item.description}
    if item.classification is not None:
        classification: dict[str, Any] = {"scheme": item.classification.scheme, "id": item.classification.id}
        if item.classification.description is not None:
            classification["description"] = item.classification.description
        out["classification"] = classification
    if item.quantity is not None:
        out["quantity"] = _amount(item.quantity)
    if item.unit_name is not None or item.unit_value is not None:
        unit: dict[str, Any] = {}
        if item.unit_name is not None:
            unit["name"] = item.unit_name
        if item.unit_value is not None:
            unit["value"] = _value(item.unit_value)
        out["unit"] = unit
    if item.related_lot is not None:
        out["relatedLot"] = item.related_lot
    return out


def _lot(lot: LotRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"id": lot.id, "title": lot.title}
    if lot.description is not None:
        out["description"] = lot.description
    if lot.status is not None:
        out["status"] = lot.status
    if lot.value is not None:
        out["value"] = _value(lot.value)
    return out


def _tender(tender: TenderRecord, bids: Sequence[BidRecord]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": tender.id,
        "title": tender.title,
        "status": tender.status,
        "procuringEntity": _ref(tender.procuring_entity),
        "procurementMethod": tender.procurement_method,
        "awardCriteria": tender.award_criteria,
        "tenderPeriod": _period(tender.tender_period),
    }
    if tender.description is not None:
        out["description"] = tender.description
    if tender.value is not None:
        out["value"] = _value(tender.value)
    if tender.items:
        out["items"] = [_item(item) for item in tender.items]
    if tender.lots:
        out["lots"] = [_lot(lot) for lot in tender.lots]
    if tender.award_criteria_details is not None:
        out["awardCriteriaDetails"] = tender.award_criteria_details
    if tender.main_procurement_category is not None:
        out["mainProcurementCategory"] = tender.main_procurement_category
    if tender.award_period is not None:
        out["awardPeriod"] = _period(tender.award_period)
    if bids:
        tenderers: dict[str, OrganizationRef] = {}
        for bid in bids:
            if bid.status != "withdrawn":
                for org in bid.tenderers:
                    tenderers.setdefault(org.id, org)
        out["numberOfTenderers"] = len(tenderers)
        if tenderers:
            out["tenderers"] = [_ref(org) for org in tenderers.values()]
    return out


def _bids(bids: Sequence[BidRecord]) -> dict[str, Any]:
    details = []
    for bid in bids:
        detail: dict[str, Any] = {
            "id": bid.id,
            "date": _date(bid.date),
            "status": bid.status,
            "tenderers": [_ref(org) for org in bid.tenderers],
        }
        if bid.value is not None:
            detail["value"] = _value(bid.value)
        if bid.related_lots:
            detail["relatedLots"] = list(bid.related_lots)
        details.append(detail)
    received = [bid for bid in bids if bid.status != "withdrawn"]
    statistics = [
        {"id": "bids", "measure": "bids", "value": len(received)},
        {"id": "validBids", "measure": "validBids", "value": sum(bid.status == "valid" for bid in bids)},
    ]
    return {"statistics": statistics, "details": details}


def _award(award: AwardRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": award.id,
        "status": award.status,
        "date": _date(award.date),
        "suppliers": [_ref(org) for org in award.suppliers],
    }
    if award.title is not None:
        out["title"] = award.title
    if award.value is not None:
        out["value"] = _value(award.value)
    if award.related_bid is not None:
        out["relatedBid"] = award.related_bid
    if award.related_lots:
        out["relatedLots"] = list(award.related_lots)
    if award.contract_period is not None:
        out["contractPeriod"] = _period(award.contract_period)
    return out


def _contract(contract: ContractRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"id": contract.id, "awardID": contract.award_id, "status": contract.status}
    if contract.title is not None:
        out["title"] = contract.title
    if contract.value is not None:
        out["value"] = _value(contract.value)
    if contract.period is not None:
        out["period"] = _period(contract.period)
    if contract.date_signed is not None:
        out["dateSigned"] = _date(contract.date_signed)
    return out


# --- schema -----------------------------------------------------------------------------------------

# RFC 3339 date-time (what JSON Schema's "date-time" format means), checked here
# rather than through jsonschema's optional format dependencies so validation is
# the same wherever the package is installed.
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})",
)
_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _RFC3339.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if any(character.isspace() or ord(character) < 0x20 for character in value):
        return False
    try:
        scheme = urlsplit(value).scheme
    except ValueError:
        return False
    return bool(_URI_SCHEME.fullmatch(scheme))


def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(_is_date_time)
    checker.checks("uri")(_is_uri)
    return checker


def _load(name: str) -> dict[str, Any]:
    with (SCHEMA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


@functools.cache
def _merged_release_schema() -> dict[str, Any]:
    schema = _load("release-schema.json")
    for extension in ("bids-extension-release-schema.json", "lots-extension-release-schema.json"):
        schema = json_merge_patch(schema, _load(extension))
    return schema


@functools.cache
def _package_validator() -> Any:
    # jsonschema imported here, not with the module: see review/sbom.py's import_validators.
    from jsonschema import Draft4Validator

    release = Resource.from_contents(_merged_release_schema(), default_specification=DRAFT4)
    # Only this resource: a $ref to anything else fails instead of going to the network.
    registry: Registry[Any] = Registry().with_resource(RELEASE_SCHEMA_URL, release)
    return Draft4Validator(
        _load("release-package-schema.json"), registry=registry, format_checker=_format_checker()
    )


def _pointer(path: Iterable[Any]) -> str:
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts) if parts else "/"


def _shorten(message: str) -> str:
    if len(message) <= _MAX_MESSAGE_CHARS:
        return message
    return message[: _MAX_MESSAGE_CHARS - 1] + "…"
