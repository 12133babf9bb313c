"""Protobuf ↔ domain conversions shared by the procurement servicers."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import asyncpg
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.common.v1 import money_pb2
from jipan.procurement.v1 import resources_pb2 as pb
from jipan.servers.procurement.catalog import (
    Category,
    Distribution,
    LabReport,
    LicenceTerms,
    Listing,
    ListingDraft,
    ListingState,
    Lot,
    PriceTier,
    Sla,
    SupportHours,
)
from jipan.servers.procurement.names import ListingKey, OrderKey, lot_name
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

CATEGORY_TO_PB = {
    Category.PACKAGED_SOFTWARE: pb.CATEGORY_PACKAGED_SOFTWARE,
    Category.CLOUD_SERVICES: pb.CATEGORY_CLOUD_SERVICES,
    Category.INFORMATION_SECURITY_SERVICES: pb.CATEGORY_INFORMATION_SECURITY_SERVICES,
}
CATEGORY_FROM_PB = {value: key for key, value in CATEGORY_TO_PB.items()}
STATE_TO_PB = {
    ListingState.DRAFT: pb.LISTING_STATE_DRAFT,
    ListingState.CHANGES_REQUESTED: pb.LISTING_STATE_CHANGES_REQUESTED,
    ListingState.APPROVED: pb.LISTING_STATE_APPROVED,
    ListingState.FLAGGED: pb.LISTING_STATE_FLAGGED,
}
STATE_FROM_PB = {value: key for key, value in STATE_TO_PB.items()}
ORDER_STATE_TO_PB = {
    name: pb.OrderState.Value(f"ORDER_STATE_{name}")
    for name in ("PLACED", "CONFIRMED", "DELIVERED", "ACCEPTED", "DISPUTED", "PAID")
}
ORDER_STATE_FROM_PB = {value: key for key, value in ORDER_STATE_TO_PB.items()}


def timestamp(value: datetime | str | None) -> Timestamp:
    stamp = Timestamp()
    if value is None:
        return stamp
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def lot_to_pb(lot: Lot) -> pb.Lot:
    return pb.Lot(
        name=lot_name(lot.id),
        display_name=lot.display_name,
        category=CATEGORY_TO_PB[lot.category],
        contract_number=lot.contract_number,
        description=lot.description,
        create_time=timestamp(lot.create_time),
    )


def category_from_pb(value: int, field_path: str) -> Category:
    category: Category | None = CATEGORY_FROM_PB.get(value)  # type: ignore[call-overload]
    if category is None:
        raise InvalidArgument(
            "FIELD_INVALID",
            f"{field_path} is required",
            field_violations=[FieldViolation(field_path, "required")],
        )
    return category


def lot_from_pb(message: pb.Lot, lot_id: str) -> Lot:
    return Lot(
        id=lot_id,
        display_name=message.display_name,
        category=category_from_pb(message.category, "lot.category"),
        contract_number=message.contract_number,
        description=message.description,
    )


DISTRIBUTION_TO_PB = {
    Distribution.PROPRIETARY: pb.DISTRIBUTION_PROPRIETARY,
    Distribution.SAAS: pb.DISTRIBUTION_SAAS,
    Distribution.OPEN_SOURCE: pb.DISTRIBUTION_OPEN_SOURCE,
}
DISTRIBUTION_FROM_PB = {value: key for key, value in DISTRIBUTION_TO_PB.items()}
SUPPORT_TO_PB = {
    SupportHours.BUSINESS: pb.SUPPORT_HOURS_BUSINESS,
    SupportHours.EXTENDED: pb.SUPPORT_HOURS_EXTENDED,
    SupportHours.ALWAYS: pb.SUPPORT_HOURS_ALWAYS,
}
SUPPORT_FROM_PB = {value: key for key, value in SUPPORT_TO_PB.items()}


def sla_from_pb(s: pb.SlaAttestation) -> Sla:
    report = None
    if s.HasField("lab_report"):
        r = s.lab_report
        report = LabReport(
            reference=r.reference,
            standard=r.standard,
            laboratory=r.laboratory,
            valid=r.valid,
            expire_time=r.expire_time.ToDatetime(tzinfo=UTC) if r.HasField("expire_time") else None,
        )
    return Sla(
        availability_basis_points=s.availability_basis_points,
        rto_minutes=s.rto_minutes,
        rpo_minutes=s.rpo_minutes,
        support_hours=SUPPORT_FROM_PB.get(s.support_hours),
        data_locations=tuple(s.data_locations),
        incident_notification_minutes=s.incident_notification_minutes,
        lab_report=report,
    )


def sla_to_pb(s: Sla) -> pb.SlaAttestation:
    message = pb.SlaAttestation(
        availability_basis_points=s.availability_basis_points,
        rto_minutes=s.rto_minutes,
        rpo_minutes=s.rpo_minutes,
        support_hours=pb.SUPPORT_HOURS_UNSPECIFIED
        if s.support_hours is None
        else SUPPORT_TO_PB[s.support_hours],
        data_locations=list(s.data_locations),
        incident_notification_minutes=s.incident_notification_minutes,
    )
    if s.lab_report is not None:
        r = s.lab_report
        message.lab_report.CopyFrom(
            pb.LabReport(reference=r.reference, standard=r.standard, laboratory=r.laboratory, valid=r.valid)
        )
        if r.expire_time is not None:
            message.lab_report.expire_time.CopyFrom(timestamp(r.expire_time))
    return message


def draft_from_pb(message: pb.Listing) -> ListingDraft:
    return ListingDraft(
        lot=message.lot,
        product_name=message.product_name,
        product_version=message.product_version,
        description=message.description,
        price_tiers=tuple(
            PriceTier(
                min_quantity=t.min_quantity,
                max_quantity=t.max_quantity,
                unit_price_minor=t.unit_price.amount_minor,
                currency_code=t.unit_price.currency_code,
            )
            for t in message.price_tiers
        ),
        licence_terms=LicenceTerms(
            distribution=DISTRIBUTION_FROM_PB.get(message.licence_terms.distribution),
            spdx_expression=message.licence_terms.spdx_expression,
            summary=message.licence_terms.summary,
        ),
        sla=sla_from_pb(message.sla) if message.HasField("sla") else None,
        support=message.support,
    )


def listing_to_pb(listing: Listing) -> pb.Listing:
    draft = listing.draft
    terms = draft.licence_terms
    message = pb.Listing(
        name=listing.key.name,
        lot=lot_name(draft.lot),
        product_name=draft.product_name,
        product_version=draft.product_version,
        description=draft.description,
        price_tiers=[
            pb.PriceTier(
                min_quantity=t.min_quantity,
                max_quantity=t.max_quantity,
                unit_price=money_pb2.Money(currency_code=t.currency_code, amount_minor=t.unit_price_minor),
            )
            for t in draft.price_tiers
        ],
        licence_terms=pb.LicenceTerms(
            distribution=pb.DISTRIBUTION_UNSPECIFIED
            if terms.distribution is None
            else DISTRIBUTION_TO_PB[terms.distribution],
            spdx_expression=terms.spdx_expression,
            summary=terms.summary,
        ),
        support=draft.support,
        state=STATE_TO_PB[listing.state],
        latest_review=""
        if listing.latest_review is None
        else f"{listing.key.name}/reviews/{listing.latest_review}",
        create_time=timestamp(listing.create_time),
        update_time=timestamp(listing.update_time),
    )
    if draft.sla is not None:
        message.sla.CopyFrom(sla_to_pb(draft.sla))
    return message


def order_to_pb(row: asyncpg.Record) -> pb.Order:
    history = row["history"]
    if isinstance(history, str):
        history = json.loads(history)
    currency = row["currency_code"]
    return pb.Order(
        name=OrderKey(row["agency"], row["id"]).name,
        listing=ListingKey(row["vendor"], row["listing_id"]).name,
        quantity=row["quantity"],
        budget_code=row["budget_code"],
        unit_price=money_pb2.Money(currency_code=currency, amount_minor=row["unit_price_minor"]),
        total=money_pb2.Money(currency_code=currency, amount_minor=row["total_minor"]),
        state=ORDER_STATE_TO_PB[row["state"]],
        history=[
            pb.OrderEvent(
                state=ORDER_STATE_TO_PB[event["state"]],
                actor=event["actor"],
                actor_org=event["actor_org"],
                note=event["note"],
                event_time=timestamp(event["event_time"]),
            )
            for event in history
        ],
        create_time=timestamp(row["create_time"]),
    )
