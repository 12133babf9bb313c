"""PlanPlacement: the MIP's plan equals a brute-force optimum on small generated problems;
exclusion reasons, infeasibility naming its binding constraints, ranked plans, and
PlacementService end to end over the committed price-list excerpts."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from decimal import Decimal
from typing import Any

import grpc
import pytest

from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import placement_service_pb2 as ppb
from jipan.cloud.v1 import placement_service_pb2_grpc as ppb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.catalog.types import Offering, OfferingKind
from jipan.servers.cloud.placement import solver
from jipan.servers.cloud.placement.types import ExclusionReason, Flow, Workload
from tests.cloud import synthetic
from tests.cloud.conftest import auth
from tests.cloud.test_accounts import refused
from tests.cloud.test_catalog import USD, excerpt
from tests.mesh import RunningServer

ORG = "orgs/placing"


def brute_force(
    workloads: list[Workload], flows: list[Flow], offerings: list[Offering], max_total: Decimal | None
) -> Decimal | None:
    """The cheapest feasible assignment by enumeration, computed from the offerings directly."""
    storage: dict[tuple[str, str], Decimal] = {}
    egress: dict[tuple[str, str], Decimal] = {}
    for o in offerings:
        table = {OfferingKind.STORAGE: storage, OfferingKind.EGRESS: egress}.get(o.kind)
        if table is not None:
            key = (o.provider, o.region)
            table[key] = min(table.get(key, o.unit_price_twd), o.unit_price_twd)
    senders = {f.source for f in flows}
    options: list[list[tuple[Offering, Decimal]]] = []
    for w in workloads:
        fits = []
        for o in offerings:
            key = (o.provider, o.region)
            if (
                o.kind is not OfferingKind.INSTANCE
                or (w.allowed_countries and o.country not in w.allowed_countries)
                or not set(w.required_certifications) <= set(o.certifications)
                or o.vcpu < w.vcpu
                or o.memory_gib < w.memory_gib
                or o.gpu_count < w.gpu_count
                or (w.storage_gib and key not in storage)
                or ((w.internet_egress_gib_month or w.id in senders) and key not in egress)
            ):
                continue
            cost = o.unit_price_twd * 730
            cost += Decimal(repr(w.storage_gib)) * storage.get(key, Decimal(0))
            cost += Decimal(repr(w.internet_egress_gib_month)) * egress.get(key, Decimal(0))
            fits.append((o, cost))
        options.append(fits)
    index = {w.id: i for i, w in enumerate(workloads)}
    best: Decimal | None = None
    for combo in itertools.product(*options):
        zones: dict[str, set[str]] = defaultdict(set)
        clash = False
        for w, (o, _) in zip(workloads, combo, strict=True):
            if w.spread_group:
                if o.zone in zones[w.spread_group]:
                    clash = True
                    break
                zones[w.spread_group].add(o.zone)
        if clash:
            continue
        total = sum((cost for _, cost in combo), Decimal(0))
        for f in flows:
            a, b = combo[index[f.source]][0], combo[index[f.destination]][0]
            if (a.provider, a.region) != (b.provider, b.region):
                total += Decimal(repr(f.gib_month)) * egress[(a.provider, a.region)]
        if max_total is not None and total > max_total:
            continue
        if best is None or total < best:
            best = total
    return best


@pytest.mark.parametrize("seed", range(6))
def test_plan_one_is_the_brute_force_optimum(seed: int) -> None:
    rng = random.Random(seed)
    offerings = synthetic.catalog(28, seed=seed)
    workloads = [
        Workload(
            id=f"w{i}",
            vcpu=rng.choice([1, 2, 4]),
            memory_gib=float(rng.choice([2, 4, 8])),
            storage_gib=float(rng.choice([0, 50])),
            allowed_countries=("TW",) if i == 0 else (),
            spread_group="g" if i < 2 else "",
            internet_egress_gib_month=float(rng.choice([0, 200])),
        )
        for i in range(4)
    ]
    flows = [Flow("w0", "w1", 3000.0), Flow("w1", "w2", 500.0), Flow("w3", "w0", 50.0)]
    expected = brute_force(workloads, flows, offerings, None)
    solution = solver.solve(workloads, flows, offerings, max_plans=3, with_greedy=True)
    assert expected is not None
    assert solution.plans[0].optimal
    assert abs(solution.plans[0].total_twd - expected) <= Decimal("0.01"), (
        solution.plans[0].total_twd,
        expected,
    )
    totals = [plan.total_twd for plan in solution.plans]
    assert totals == sorted(totals)
    assert len({tuple(a.zone for a in plan.assignments) for plan in solution.plans}) == len(solution.plans)
    assert solution.greedy_total_twd is None or solution.greedy_total_twd >= solution.plans[0].total_twd
    # A total budget just under the optimum moves to the next-best plan, or to none.
    tight = expected - Decimal("0.5")
    constrained = brute_force(workloads, flows, offerings, tight)
    if constrained is None:
        with pytest.raises(solver.Infeasible) as caught:
            solver.solve(workloads, flows, offerings, max_total=tight, max_plans=1)
        assert "total_budget" in caught.value.binding
    else:
        plan = solver.solve(workloads, flows, offerings, max_total=tight, max_plans=1).plans[0]
        assert abs(plan.total_twd - constrained) <= Decimal("0.01")


def test_traffic_pulls_workloads_together_where_greedy_does_not() -> None:
    """Two workloads with heavy traffic: each alone is cheapest in another region; together the
    optimum keeps them in one region, the greedy plan pays the egress."""
    offerings = synthetic.catalog(200, seed=3)
    workloads = [Workload(id="a", vcpu=2, memory_gib=4), Workload(id="b", vcpu=8, memory_gib=32)]
    flows = [Flow("a", "b", 50_000.0)]
    solution = solver.solve(workloads, flows, offerings, max_plans=1, with_greedy=True)
    plan = solution.plans[0]
    assert plan.assignments[0].region == plan.assignments[1].region
    assert solution.greedy_total_twd is not None
    assert solution.greedy_total_twd > plan.total_twd
    assert plan.total_twd == brute_force(workloads, flows, offerings, None).quantize(Decimal("0.01"))  # type: ignore[union-attr]


def test_exclusion_reasons_first_failing_rule() -> None:
    offerings = synthetic.catalog(120, seed=5)
    w = Workload(
        id="w",
        vcpu=4,
        memory_gib=8,
        allowed_countries=("TW",),
        required_certifications=("CNS_27001",),
        storage_gib=10,
    )
    solution = solver.solve([w], [], offerings, max_plans=1)
    reasons = solution.exclusions.reasons[0]
    instances = [o for o in offerings if o.kind is OfferingKind.INSTANCE]
    for o, reason in zip(instances, reasons, strict=True):
        if o.country != "TW":
            assert reason == ExclusionReason.RESIDENCY
        elif "CNS_27001" not in o.certifications:
            assert reason == ExclusionReason.CERTIFICATION
        elif o.vcpu < 4 or o.memory_gib < 8:
            assert reason == ExclusionReason.TOO_SMALL
        else:
            assert reason in (ExclusionReason.NONE, ExclusionReason.DOMINATED)
    chosen = solution.plans[0].assignments[0]
    dominated = [
        (o, int(solution.exclusions.dominated_by[0][i]))
        for i, o in enumerate(instances)
        if reasons[i] == ExclusionReason.DOMINATED
    ]
    for o, by in dominated:
        winner = instances[by]
        assert (winner.provider, winner.region) == (o.provider, o.region)
        assert winner.unit_price_twd <= o.unit_price_twd
    assert chosen.region in {o.region for o in instances if o.country == "TW"}


def test_infeasible_names_binding_constraints() -> None:
    offerings = synthetic.catalog(300, seed=9)
    # Nothing is that big: the workload itself binds, with its exclusion counts.
    with pytest.raises(solver.Infeasible) as caught:
        solver.solve([Workload(id="huge", vcpu=512, memory_gib=4096)], [], offerings)
    assert caught.value.binding == ["workload:huge"]
    assert "TOO_SMALL=" in caught.value.details["workload:huge"]
    # TW has 6 regions x 3 zones = 18 zones: 19 spread members cannot fit.
    spread = [
        Workload(id=f"s{i}", vcpu=1, memory_gib=1, allowed_countries=("TW",), spread_group="g")
        for i in range(19)
    ]
    with pytest.raises(solver.Infeasible) as caught:
        solver.solve(spread, [], offerings)
    assert caught.value.binding == ["spread:g"]


async def test_plan_placement_over_the_excerpts(server: RunningServer, channel: grpc.aio.Channel) -> None:
    catalog = cpb_grpc.CatalogServiceStub(channel)
    stub = ppb_grpc.PlacementServiceStub(channel)
    md = auth(server, org=ORG)
    for fmt, name in (
        (res.PRICE_LIST_FORMAT_AWS_OFFER_FILE, "aws_ec2_offer.json"),
        (res.PRICE_LIST_FORMAT_GCP_SKU_LIST, "gcp_skus.json"),
        (res.PRICE_LIST_FORMAT_AZURE_RETAIL_PRICES, "azure_retail_prices.json"),
    ):
        await catalog.ImportOfferings(
            cpb.ImportOfferingsRequest(parent=ORG, format=fmt, content=excerpt(name), exchange_rates=[USD]),
            metadata=md,
        )
    request = res.Placement(
        workloads=[
            res.Workload(
                id="web",
                vcpu=2,
                memory_gib=8,
                storage_gib=20,
                allowed_countries=["TW"],
                required_certifications=[res.CERTIFICATION_ISO_27001],
                spread_group="front",
                internet_egress_gib_month=100,
            ),
            res.Workload(id="web-2", vcpu=2, memory_gib=8, allowed_countries=["TW"], spread_group="front"),
            res.Workload(id="batch", vcpu=2, memory_gib=8),
        ],
        flows=[res.TrafficFlow(source="web", destination="batch", gib_month=10)],
    )
    placed = (
        await stub.PlanPlacement(
            ppb.PlanPlacementRequest(parent=ORG, placement=request, max_plans=2), metadata=md
        )
    ).placement
    best = placed.plans[0]
    assert best.rank == 1
    assert best.optimal
    by_workload = {a.workload: a for a in best.assignments}
    # TW only: GCP asia-east1 is the one Taiwanese region with prices in the excerpts.
    assert by_workload["web"].region == by_workload["web-2"].region == "asia-east1"
    assert by_workload["web"].zone != by_workload["web-2"].zone
    assert by_workload["web"].offering.startswith(f"{ORG}/offerings/gcp-instance-e2-standard-2-")
    # e2-standard-2 in Taiwan: (2 x 0.024637 + 8 x 0.003301) USD/h x 32.5 x 730 h.
    compute = ((Decimal("0.024637") * 2 + Decimal("0.003301") * 8) * Decimal("32.5")).quantize(
        Decimal("1e-10")
    ) * 730
    assert Decimal(by_workload["web"].compute_twd) == compute.quantize(Decimal("0.01"))
    assert Decimal(by_workload["web"].storage_twd) == (Decimal("0.04") * Decimal("32.5") * 20).quantize(
        Decimal("0.01")
    )
    assert len(placed.plans) == 2
    assert Decimal(placed.plans[1].total_monthly_twd) >= Decimal(best.total_monthly_twd)
    assert placed.offering_count > 0

    counts = {(c.workload, c.reason): c.count for c in placed.exclusion_counts}
    assert counts[("web", res.EXCLUSION_REASON_RESIDENCY)] > 0
    got = await stub.GetPlacement(ppb.GetPlacementRequest(name=placed.name), metadata=md)
    assert got.placement == placed

    listed: list[res.Exclusion] = []
    token = ""
    while True:
        page = await stub.ListPlacementExclusions(
            ppb.ListPlacementExclusionsRequest(
                parent=placed.name, workload="web", page_size=7, page_token=token
            ),
            metadata=md,
        )
        listed += page.exclusions
        token = page.next_page_token
        if not token:
            break
    assert len(listed) == sum(n for (w, _), n in counts.items() if w == "web")
    assert all(e.workload == "web" for e in listed)
    dominated = [e for e in listed if e.reason == res.EXCLUSION_REASON_DOMINATED]
    assert all(e.dominated_by.startswith(f"{ORG}/offerings/gcp-") for e in dominated)

    other = auth(server, org="orgs/elsewhere")
    await refused(
        stub.GetPlacement(ppb.GetPlacementRequest(name=placed.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "PLACEMENT_NOT_FOUND",
    )
    await refused(
        stub.ListPlacementExclusions(ppb.ListPlacementExclusionsRequest(parent=placed.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "PLACEMENT_NOT_FOUND",
    )


async def test_plan_placement_refusals(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = ppb_grpc.PlacementServiceStub(channel)
    md = auth(server, org=ORG)

    def plan(*workloads: res.Workload, **fields: Any) -> Any:
        return stub.PlanPlacement(
            ppb.PlanPlacementRequest(
                parent=ORG, placement=res.Placement(workloads=list(workloads), **fields)
            ),
            metadata=md,
        )

    details = await refused(
        plan(
            res.Workload(id="w", vcpu=2, memory_gib=4, required_certifications=[res.CERTIFICATION_CNS_27001])
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PLACEMENT_INFEASIBLE",
    )
    assert details.metadata["binding_constraints"] == "workload:w"
    assert "CERTIFICATION=" in details.metadata["workload:w"]
    # Four TW workloads spread over three zones.
    spread = [
        res.Workload(id=f"s{i}", vcpu=1, memory_gib=1, allowed_countries=["TW"], spread_group="g")
        for i in range(4)
    ]
    details = await refused(plan(*spread), grpc.StatusCode.FAILED_PRECONDITION, "PLACEMENT_INFEASIBLE")
    assert details.metadata["binding_constraints"] == "spread:g"
    details = await refused(
        plan(res.Workload(id="w", vcpu=2, memory_gib=4), max_total_monthly_twd="1"),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PLACEMENT_INFEASIBLE",
    )
    assert details.metadata["binding_constraints"] == "total_budget"
    for bad in (
        [res.Workload(id="w", vcpu=1), res.Workload(id="w", vcpu=1)],
        [res.Workload(id="W!", vcpu=1)],
        [res.Workload(id="w", vcpu=1, memory_gib=float("nan"))],
        [res.Workload(id="w", vcpu=1, max_monthly_cost_twd="lots")],
        [res.Workload(id="w", vcpu=1, allowed_countries=["Taiwan"])],
    ):
        await refused(plan(*bad), grpc.StatusCode.INVALID_ARGUMENT, "WORKLOAD_INVALID")
    await refused(
        plan(
            res.Workload(id="w", vcpu=1),
            flows=[res.TrafficFlow(source="w", destination="nobody", gib_month=1)],
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "WORKLOAD_INVALID",
    )
    await refused(
        stub.PlanPlacement(
            ppb.PlanPlacementRequest(
                parent="orgs/not-mine", placement=res.Placement(workloads=[res.Workload(id="w")])
            ),
            metadata=md,
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
