"""Domain types ↔ jipan.dataspace.v1 messages."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from jipan.dataspace.v1 import resources_pb2 as pb
from jipan.servers.dataspace.catalog.types import Dataset, DatasetFields, Distribution, Offer
from jipan.servers.dataspace.names import agreement_name, negotiation_name, transfer_name
from jipan.servers.dataspace.negotiation.types import Agreement, LogEntry, Negotiation, State, UseRecord
from jipan.servers.dataspace.transfer.types import Access, Transfer


def _timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def _moment(stamp: Timestamp, present: bool) -> datetime | None:
    return stamp.ToDatetime(tzinfo=UTC) if present else None


def fields_from_pb(dataset: pb.Dataset) -> DatasetFields:
    frequency = pb.UpdateFrequency.Name(dataset.update_frequency).removeprefix("UPDATE_FREQUENCY_")
    return DatasetFields(
        title=dataset.title,
        title_en=dataset.title_en,
        description=dataset.description,
        description_en=dataset.description_en,
        themes=tuple(dataset.themes),
        keywords=tuple(dataset.keywords),
        temporal_start=_moment(dataset.temporal_start, dataset.HasField("temporal_start")),
        temporal_end=_moment(dataset.temporal_end, dataset.HasField("temporal_end")),
        spatial=dataset.spatial,
        license=dataset.license,
        update_frequency="" if frequency == "UNSPECIFIED" else frequency,
        distributions=tuple(
            Distribution(d.id, d.title, d.media_type, d.byte_size, d.sha256) for d in dataset.distributions
        ),
        offers=tuple(Offer(o.id, o.policy, b"") for o in dataset.offers),
        personal_data=dataset.personal_data,
        personal_data_category=dataset.personal_data_category,
    )


def dataset_to_pb(dataset: Dataset, viewer: str | None) -> pb.Dataset:
    """The dataset as `viewer` (an organisation) sees it: who created it is the publisher's business."""
    f = dataset.fields
    return pb.Dataset(
        name=dataset.name,
        title=f.title,
        title_en=f.title_en,
        description=f.description,
        description_en=f.description_en,
        themes=list(f.themes),
        keywords=list(f.keywords),
        temporal_start=_timestamp(f.temporal_start),
        temporal_end=_timestamp(f.temporal_end),
        spatial=f.spatial,
        license=f.license,
        update_frequency=pb.UpdateFrequency.Value(f"UPDATE_FREQUENCY_{f.update_frequency or 'UNSPECIFIED'}"),
        distributions=[
            pb.Distribution(
                id=d.id,
                title=d.title,
                media_type=d.media_type,
                byte_size=d.byte_size,
                sha256=d.sha256,
                uploaded=d.uploaded,
                anonymised_k=d.anonymised_k,
                privacy_dataset=d.assessment.privacy_dataset if d.anonymised_k and d.assessment else "",
                assess_time=_timestamp(d.assessment.assess_time) if d.anonymised_k and d.assessment else None,
            )
            for d in f.distributions
        ],
        offers=[pb.Offer(id=o.id, policy=o.policy, policy_sha256=o.policy_sha256) for o in f.offers],
        personal_data=f.personal_data,
        personal_data_category=f.personal_data_category,
        publisher=dataset.publisher,
        creator=dataset.creator if viewer == dataset.publisher else "",
        create_time=_timestamp(dataset.create_time),
        update_time=_timestamp(dataset.update_time),
        etag=dataset.etag,
    )


def state_from_pb(value: int) -> State | None:
    """The state a wire value names; None for UNSPECIFIED and for a value this side does not know
    (a peer's newer enum, or garbage): proto3 enums are open, so any int arrives."""
    described = pb.NegotiationState.DESCRIPTOR.values_by_number.get(value)
    if described is None or value == pb.NEGOTIATION_STATE_UNSPECIFIED:
        return None
    name = described.name.removeprefix("NEGOTIATION_STATE_")
    return State(name) if name in State.__members__ else None


def negotiation_to_pb(negotiation: Negotiation) -> pb.Negotiation:
    return pb.Negotiation(
        name=negotiation_name(negotiation.id),
        dataset=negotiation.dataset,
        offer_id=negotiation.offer_id,
        provider=negotiation.provider,
        consumer=negotiation.consumer,
        state=pb.NegotiationState.Value(f"NEGOTIATION_STATE_{negotiation.state.value}"),
        policy=negotiation.policy,
        policy_sha256=negotiation.policy_sha256,
        last_actor=negotiation.last_actor,
        agreement=agreement_name(negotiation.agreement) if negotiation.agreement else "",
        termination_code=negotiation.termination_code,
        termination_reason=negotiation.termination_reason,
        create_time=_timestamp(negotiation.create_time),
        update_time=_timestamp(negotiation.update_time),
        peer=negotiation.peer,
    )


def agreement_to_pb(agreement: Agreement) -> pb.Agreement:
    return pb.Agreement(
        name=agreement_name(agreement.id),
        negotiation=negotiation_name(agreement.negotiation),
        dataset=agreement.dataset,
        provider=agreement.provider,
        consumer=agreement.consumer,
        policy=agreement.policy,
        sha256=agreement.sha256,
        ledger_receipt=agreement.ledger_receipt,
        active=agreement.active,
        use_count=agreement.use_count,
        create_time=_timestamp(agreement.create_time),
    )


def decision_to_pb(record: UseRecord) -> pb.UseDecision:
    return pb.UseDecision(
        permitted=record.permitted,
        decision=record.decision,
        rule=record.rule,
        constraint=record.constraint,
        obligations=list(record.obligations),
        use_count=record.use_count,
    )


def entry_to_pb(entry: LogEntry) -> pb.UsageLogEntry:
    return pb.UsageLogEntry(
        name=f"{negotiation_name(entry.negotiation)}/log/{entry.sequence}",
        sequence=entry.sequence,
        event=entry.event,
        actor_role=entry.actor_role,
        actor=entry.actor,
        details=entry.details,
        sha256=entry.sha256,
        ledger_receipt=entry.ledger_receipt,
        create_time=_timestamp(entry.create_time),
    )


def transfer_to_pb(transfer: Transfer, access: Access | None = None) -> pb.TransferProcess:
    return pb.TransferProcess(
        name=transfer_name(transfer.id),
        agreement=agreement_name(transfer.agreement),
        distribution_id=transfer.distribution_id,
        purpose=transfer.purpose,
        dataset=transfer.dataset,
        provider=transfer.provider,
        consumer=transfer.consumer,
        state=pb.TransferState.Value(f"TRANSFER_STATE_{transfer.state.value}"),
        byte_size=transfer.byte_size,
        sha256=transfer.sha256,
        access=None
        if access is None
        else pb.TransferAccess(
            token=access.token, expire_time=_timestamp(access.expire_time), url=access.url
        ),
        termination_code=transfer.termination_code,
        termination_reason=transfer.termination_reason,
        create_time=_timestamp(transfer.create_time),
        update_time=_timestamp(transfer.update_time),
        data_subject=transfer.data_subject,
        consent=transfer.consent,
        format=transfer.format,
        destination=transfer.destination,
    )
