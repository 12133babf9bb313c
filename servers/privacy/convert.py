"""Domain types ↔ jipan.privacy.v1 messages (the servicer's packing and unpacking)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import grpc
from google.protobuf import json_format
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.privacy.v1 import resources_pb2 as pb
from jipan.servers.privacy.anonymisation.hierarchies import Hierarchy, HierarchyKind
from jipan.servers.privacy.names import DOMAIN, dataset_name, operation_name, release_name
from jipan.servers.privacy.table import schema_invalid
from jipan.servers.privacy.types import (
    Assessment,
    Column,
    ColumnKind,
    ColumnRole,
    Dataset,
    Mechanism,
    Operation,
    OperationKind,
    Query,
    Release,
    Statistic,
)
from jipan.servers.runtime.errors import InvalidArgument

ROLE_FROM_PB = {
    pb.COLUMN_ROLE_IDENTIFIER: ColumnRole.IDENTIFIER,
    pb.COLUMN_ROLE_QUASI_IDENTIFIER: ColumnRole.QUASI_IDENTIFIER,
    pb.COLUMN_ROLE_SENSITIVE: ColumnRole.SENSITIVE,
    pb.COLUMN_ROLE_OTHER: ColumnRole.OTHER,
}
ROLE_TO_PB = {role: value for value, role in ROLE_FROM_PB.items()}
KIND_FROM_PB = {
    pb.COLUMN_KIND_NUMBER: ColumnKind.NUMBER,
    pb.COLUMN_KIND_TEXT: ColumnKind.TEXT,
    pb.COLUMN_KIND_DATE: ColumnKind.DATE,
}
KIND_TO_PB = {kind: value for value, kind in KIND_FROM_PB.items()}
STATISTIC_FROM_PB = {
    pb.STATISTIC_COUNT: Statistic.COUNT,
    pb.STATISTIC_SUM: Statistic.SUM,
    pb.STATISTIC_MEAN: Statistic.MEAN,
    pb.STATISTIC_HISTOGRAM: Statistic.HISTOGRAM,
}
STATISTIC_TO_PB = {statistic: value for value, statistic in STATISTIC_FROM_PB.items()}
HIERARCHY_FROM_PB = {
    pb.HIERARCHY_DATE: HierarchyKind.DATE,
    pb.HIERARCHY_NUMBER_BANDS: HierarchyKind.NUMBER_BANDS,
    pb.HIERARCHY_TAIWAN_AREA: HierarchyKind.TAIWAN_AREA,
    pb.HIERARCHY_SUPPRESSION: HierarchyKind.SUPPRESSION,
}
MECHANISM_FROM_PB = {
    pb.MECHANISM_UNSPECIFIED: Mechanism.LAPLACE,  # the default
    pb.MECHANISM_LAPLACE: Mechanism.LAPLACE,
    pb.MECHANISM_GAUSSIAN: Mechanism.GAUSSIAN,
}
MECHANISM_TO_PB = {Mechanism.LAPLACE: pb.MECHANISM_LAPLACE, Mechanism.GAUSSIAN: pb.MECHANISM_GAUSSIAN}
OPERATION_KIND_TO_PB = {OperationKind.ANONYMISE: pb.OPERATION_KIND_ANONYMISE}


def _timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def columns_from_pb(columns: list[pb.Column]) -> tuple[Column, ...]:
    result = []
    for index, column in enumerate(columns):
        role = ROLE_FROM_PB.get(column.role)
        kind = KIND_FROM_PB.get(column.kind)
        if role is None or kind is None:
            missing = "role" if role is None else "kind"
            raise schema_invalid(
                f"dataset.columns[{index}] ({column.name[:50]!r}) has no {missing}", column=column.name[:200]
            )
        result.append(Column(name=column.name, role=role, kind=kind))
    return tuple(result)


def query_from_pb(query: pb.Query) -> Query:
    statistic = STATISTIC_FROM_PB.get(query.statistic)
    if statistic is None:
        raise InvalidArgument(
            "QUERY_INVALID",
            "release.query.statistic is required",
            domain=DOMAIN,
            metadata={"problem": "no statistic"},
        )
    return Query(
        statistic=statistic,
        column=query.column,
        lower=query.lower,
        upper=query.upper,
        categories=tuple(query.categories),
    )


def dataset_to_pb(dataset: Dataset) -> pb.Dataset:
    return pb.Dataset(
        name=dataset_name(dataset.owner, dataset.id),
        display_name=dataset.display_name,
        columns=[
            pb.Column(name=c.name, role=ROLE_TO_PB[c.role], kind=KIND_TO_PB[c.kind]) for c in dataset.columns
        ],
        total_epsilon=float(dataset.total_epsilon),
        spent_epsilon=float(dataset.spent_epsilon),
        remaining_epsilon=float(dataset.remaining_epsilon),
        row_count=dataset.row_count,
        size_bytes=dataset.size_bytes,
        sha256=dataset.sha256,
        creator=dataset.creator,
        create_time=_timestamp(dataset.create_time),
        total_delta=float(dataset.total_delta),
        spent_delta=float(dataset.spent_delta),
        remaining_delta=float(dataset.remaining_delta),
    )


def assessment_to_pb(dataset: Dataset, assessment: Assessment) -> pb.Assessment:
    return pb.Assessment(
        dataset=dataset_name(dataset.owner, dataset.id),
        quasi_identifiers=list(assessment.quasi_identifiers),
        row_count=assessment.row_count,
        equivalence_class_count=assessment.equivalence_class_count,
        k_anonymity=assessment.k_anonymity,
        diversities=[pb.SensitiveDiversity(column=c, l_diversity=ell) for c, ell in assessment.diversities],
        risk_threshold=assessment.risk_threshold,
        records_at_risk=assessment.records_at_risk,
        records_at_risk_share=assessment.records_at_risk_share,
        highest_risk=assessment.highest_risk,
        average_risk=assessment.average_risk,
        violating_classes=[
            pb.EquivalenceClass(
                values=list(c.values),
                size=c.size,
                distinct_sensitive_values=list(c.distinct_sensitive_values),
            )
            for c in assessment.violating_classes
        ],
        violating_class_count=assessment.violating_class_count,
    )


def release_to_pb(release: Release) -> pb.Release:
    query = release.query
    result = release.result
    return pb.Release(
        name=release_name(release.owner, release.dataset, release.sequence),
        query=pb.Query(
            statistic=STATISTIC_TO_PB[query.statistic],
            column=query.column,
            lower=query.lower,
            upper=query.upper,
            categories=list(query.categories),
        ),
        epsilon=float(release.epsilon),
        mechanism=MECHANISM_TO_PB[Mechanism(result.mechanism)],
        value=result.value,
        bins=[pb.HistogramBin(category=category, count=count) for category, count in result.bins],
        noise_scale=result.noise_scale,
        accuracy=result.accuracy,
        confidence=result.confidence,
        spent_epsilon=float(release.spent_epsilon),
        remaining_epsilon=float(release.remaining_epsilon),
        digest=release.digest,
        ledger_receipt=release.ledger_receipt,
        creator=release.creator,
        create_time=_timestamp(release.create_time),
        delta=float(release.delta),
        spent_delta=float(release.spent_delta),
        remaining_delta=float(release.remaining_delta),
    )


def hierarchies_from_pb(generalisations: list[pb.Generalisation]) -> tuple[Hierarchy, ...]:
    result = []
    for index, generalisation in enumerate(generalisations):
        kind = HIERARCHY_FROM_PB.get(generalisation.hierarchy)
        if kind is None:
            raise InvalidArgument(
                "HIERARCHY_INVALID",
                f"generalisations[{index}] has no hierarchy",
                domain=DOMAIN,
                metadata={"problem": "no hierarchy", "column": generalisation.column[:200]},
            )
        result.append(Hierarchy(generalisation.column, kind, tuple(generalisation.band_widths)))
    return tuple(result)


def operation_to_pb(operation: Operation) -> pb.Operation:
    message = pb.Operation(
        name=operation_name(operation.owner, operation.id),
        metadata=pb.OperationMetadata(
            kind=OPERATION_KIND_TO_PB[operation.kind],
            target=operation.target,
            requester=operation.requester,
            progress_percent=operation.progress_percent,
            progress_message=operation.progress_message,
            create_time=_timestamp(operation.create_time),
            update_time=_timestamp(operation.update_time),
            end_time=_timestamp(operation.end_time) if operation.end_time else None,
        ),
        done=operation.done,
    )
    if operation.error is not None:
        e = operation.error
        message.error.CopyFrom(
            pb.OperationError(
                code=grpc.StatusCode.__members__.get(e.code, grpc.StatusCode.UNKNOWN).value[0],
                message=e.message,
                reason=e.reason,
                domain=e.domain,
                metadata=e.metadata,
            )
        )
    elif operation.result is not None:
        result: dict[str, Any] = operation.result
        message.response.CopyFrom(json_format.ParseDict(result, pb.Anonymisation()))
    return message


def mechanism_from_pb(value: int) -> Mechanism:
    mechanism: Mechanism | None = MECHANISM_FROM_PB.get(value)  # type: ignore[call-overload]
    if mechanism is None:
        raise InvalidArgument(
            "FIELD_INVALID",
            "release.mechanism is not a known mechanism",
            metadata={"field": "release.mechanism"},
        )
    return mechanism
