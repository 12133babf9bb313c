"""A solved placement → the Placement message stored and returned."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.names import offering_name, provider_name
from jipan.servers.cloud.placement.types import Solution


def placement_to_pb(
    name: str,
    request: res.Placement,
    solution: Solution,
    workload_ids: list[str],
    owner: str,
    offering_count: int,
) -> res.Placement:
    created = Timestamp()
    created.FromDatetime(datetime.now(UTC))
    return res.Placement(
        name=name,
        workloads=request.workloads,
        flows=request.flows,
        max_total_monthly_twd=request.max_total_monthly_twd,
        plans=[
            res.Plan(
                rank=plan.rank,
                assignments=[
                    res.Assignment(
                        workload=a.workload,
                        offering=offering_name(owner, a.offering),
                        provider=provider_name(a.provider),
                        region=a.region,
                        zone=a.zone,
                        compute_twd=str(a.compute_twd),
                        storage_twd=str(a.storage_twd),
                        egress_twd=str(a.egress_twd),
                    )
                    for a in plan.assignments
                ],
                total_monthly_twd=str(plan.total_twd),
                optimal=plan.optimal,
            )
            for plan in solution.plans
        ],
        exclusion_counts=[
            res.ExclusionCount(workload=workload, reason=int(reason), count=count)  # type: ignore[arg-type]
            for workload, reason, count in solution.exclusions.counts(workload_ids)
        ],
        offering_count=offering_count,
        solve_seconds=solution.solve_seconds,
        create_time=created,
    )
