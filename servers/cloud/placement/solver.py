"""Placement as a mixed-integer programme, solved exactly with HiGHS (highspy).

Variables: x[w, o] = 1 when workload w runs on instance offering o;
t[f, r] >= 0 for traffic flow f = (a → b) and region r: 1 when a runs in r
and b does not. Writing z[w, r] = Σ x[w, o] over o in r,

    minimise   Σ cost[w, o] x[w, o] + Σ gib[f] · egress[r] · t[f, r]
    subject to Σ_o x[w, o] = 1                     every workload placed once
               t[f, r] >= z[a, r] - z[b, r]        cross-region traffic is paid
               Σ_{w in g} x[w, o in zone] <= 1     spread group g: one per zone
               total cost <= max_total              when a total budget is set

cost[w, o] is 730 hours of the instance, the workload's storage at the
cheapest storage class of the region and its internet egress at the region's
egress price, all in TWD. Since z[a, ·] sums to 1, t[f, r] is 1 exactly for
the sender's region when the receiver is elsewhere, so the flow costs
gib · egress(sender's region): the linearisation is exact.

Before the solver sees them, offerings are filtered per workload, and the
first rule that fails is the exclusion's reason. Then, per workload, only the
cheapest offering of each zone (of each region, for a workload in no spread
group) is kept: every constraint above depends on an offering only through
its zone (spread) and region (traffic), so a cheaper offering in the same
zone or region is never worse; the others are DOMINATED by it. This keeps
the programme to one column per workload and zone or region, and the
optimum is the optimum over the whole catalog.

Ranked plans: after each optimum a no-good cut (Σ of the chosen x <= n - 1)
forbids that assignment and the solver runs again, so plan k is optimal
among the plans not ranked before it that differ in a zone (spread
workloads) or a region (the others): two plans that differ only by a
dominated offering are not told apart. The MIP gap is 0: "optimal" means
proved optimal, not within a tolerance. The greedy plan, when it exists,
is handed to HiGHS as the starting incumbent.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import highspy
import numpy as np
import numpy.typing as npt

from jipan.servers.cloud.catalog.types import Offering, OfferingKind
from jipan.servers.cloud.placement.types import (
    HOURS_PER_MONTH,
    Assignment,
    ExclusionReason,
    Exclusions,
    Flow,
    Plan,
    Solution,
    Workload,
)

CENT = Decimal("0.01")
INF = highspy.kHighsInf


class Infeasible(Exception):
    """No plan: `binding` names the constraints, `details` explains workload ones."""

    def __init__(self, binding: list[str], details: dict[str, str]) -> None:
        super().__init__(", ".join(binding))
        self.binding = binding
        self.details = details


@dataclass
class _Catalog:
    """The instance offerings as arrays, and the region prices beside them."""

    offerings: list[Offering]
    vcpu: npt.NDArray[np.int64]
    memory: npt.NDArray[np.float64]
    gpu: npt.NDArray[np.int64]
    country: npt.NDArray[np.int64]  # codes into `codes`
    region: npt.NDArray[np.int64]
    provider: npt.NDArray[np.int64]
    certs: npt.NDArray[np.int64]  # bit per certification code
    codes: dict[str, int]
    cert_bits: dict[str, int]  # certification → its bit in `certs` (the enum has a handful)
    hourly: npt.NDArray[np.float64]
    region_key: npt.NDArray[np.int64]  # index into region_keys
    zone_key: npt.NDArray[np.int64]
    region_keys: list[tuple[str, str]]
    storage: npt.NDArray[np.float64]  # per region key, TWD per GiB-month; nan: none
    egress: npt.NDArray[np.float64]  # per region key, TWD per GiB; nan: none
    storage_dec: dict[int, Decimal]
    egress_dec: dict[int, Decimal]


def _catalog(offerings: Sequence[Offering]) -> _Catalog:
    instances = [o for o in offerings if o.kind is OfferingKind.INSTANCE]
    region_index: dict[tuple[str, str], int] = {}
    zone_index: dict[tuple[str, str, str], int] = {}
    for o in offerings:
        region_index.setdefault((o.provider, o.region), len(region_index))
    storage_dec: dict[int, Decimal] = {}
    egress_dec: dict[int, Decimal] = {}
    for o in offerings:
        key = region_index[(o.provider, o.region)]
        table = (
            storage_dec
            if o.kind is OfferingKind.STORAGE
            else egress_dec
            if o.kind is OfferingKind.EGRESS
            else None
        )
        if table is not None and (key not in table or o.unit_price_twd < table[key]):
            table[key] = o.unit_price_twd
    storage = np.full(len(region_index), np.nan)
    egress = np.full(len(region_index), np.nan)
    for key, price in storage_dec.items():
        storage[key] = float(price)
    for key, price in egress_dec.items():
        egress[key] = float(price)
    codes: dict[str, int] = {}

    def code(value: str) -> int:
        return codes.setdefault(value, len(codes))

    def bits(names: tuple[str, ...]) -> int:
        if names not in cert_sets:
            cert_sets[names] = sum(1 << cert_bits.setdefault(name, len(cert_bits)) for name in set(names))
        return cert_sets[names]

    cert_sets: dict[tuple[str, ...], int] = {}
    cert_bits: dict[str, int] = {}

    return _Catalog(
        offerings=instances,
        vcpu=np.array([o.vcpu for o in instances], dtype=np.int64),
        memory=np.array([o.memory_gib for o in instances], dtype=np.float64),
        gpu=np.array([o.gpu_count for o in instances], dtype=np.int64),
        country=np.array([code(f"country:{o.country}") for o in instances], dtype=np.int64),
        region=np.array([code(f"region:{o.region}") for o in instances], dtype=np.int64),
        provider=np.array([code(f"provider:{o.provider}") for o in instances], dtype=np.int64),
        certs=np.array([bits(o.certifications) for o in instances], dtype=np.int64),
        codes=codes,
        cert_bits=cert_bits,
        hourly=np.array([float(o.unit_price_twd) for o in instances], dtype=np.float64),
        region_key=np.array([region_index[(o.provider, o.region)] for o in instances], dtype=np.int64),
        zone_key=np.array(
            [zone_index.setdefault((o.provider, o.region, o.zone), len(zone_index)) for o in instances],
            dtype=np.int64,
        ),
        region_keys=list(region_index),
        storage=storage,
        egress=egress,
        storage_dec=storage_dec,
        egress_dec=egress_dec,
    )


def _filter(
    cat: _Catalog, w: Workload, sends: bool
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int32], list[int], npt.NDArray[np.float64]]:
    """(reasons, dominated_by, candidate offering indices, cost per offering) for one workload."""
    count = len(cat.offerings)
    reasons = np.zeros(count, dtype=np.uint8)
    storage = cat.storage[cat.region_key] if count else np.zeros(0)
    egress = cat.egress[cat.region_key] if count else np.zeros(0)
    cost = cat.hourly * HOURS_PER_MONTH
    if w.storage_gib:
        cost = cost + w.storage_gib * np.nan_to_num(storage)
    if w.internet_egress_gib_month:
        cost = cost + w.internet_egress_gib_month * np.nan_to_num(egress)

    def outside(
        values: npt.NDArray[np.int64], prefix: str, allowed: Sequence[str]
    ) -> npt.NDArray[np.bool_] | None:
        if not allowed:
            return None
        wanted = [cat.codes[f"{prefix}:{a}"] for a in allowed if f"{prefix}:{a}" in cat.codes]
        return ~np.isin(values, np.array(wanted, dtype=np.int64))

    need = 0
    for name in set(w.required_certifications):
        # A certification no offering holds: a bit no offering has set.
        need |= 1 << cat.cert_bits.get(name, 62)
    # The first failing rule names the reason: apply the rules last to first.
    rules: list[tuple[ExclusionReason, npt.NDArray[np.bool_] | None]] = [
        (ExclusionReason.PROVIDER, outside(cat.provider, "provider", w.allowed_providers)),
        (ExclusionReason.REGION, outside(cat.region, "region", w.allowed_regions)),
        (ExclusionReason.RESIDENCY, outside(cat.country, "country", w.allowed_countries)),
        (ExclusionReason.CERTIFICATION, (cat.certs & need) != need if need else None),
        (
            ExclusionReason.TOO_SMALL,
            (cat.vcpu < w.vcpu) | (cat.memory < w.memory_gib) | (cat.gpu < w.gpu_count),
        ),
        (ExclusionReason.NO_STORAGE, np.isnan(storage) if w.storage_gib else None),
        (
            ExclusionReason.NO_EGRESS_PRICE,
            np.isnan(egress) if (w.internet_egress_gib_month or sends) else None,
        ),
        (
            ExclusionReason.OVER_BUDGET,
            cost > float(w.max_monthly_twd) + 1e-9 if w.max_monthly_twd is not None else None,
        ),
    ]
    for reason, failed in reversed(rules):
        if failed is not None:
            reasons[failed] = reason
    dominated_by = np.full(count, -1, dtype=np.int32)
    feasible = np.flatnonzero(reasons == 0)
    if feasible.size == 0:
        return reasons, dominated_by, [], cost
    # Spread workloads keep the cheapest of each zone, the others of each region.
    place = cat.zone_key if w.spread_group else cat.region_key
    order = feasible[np.lexsort((feasible, cost[feasible], place[feasible]))]
    zones = place[order]
    first = np.r_[True, zones[1:] != zones[:-1]]
    best_of_zone = np.maximum.accumulate(np.where(first, np.arange(order.size), 0))
    representative = order[best_of_zone]
    losers = ~first
    reasons[order[losers]] = ExclusionReason.DOMINATED
    dominated_by[order[losers]] = representative[losers]
    return reasons, dominated_by, sorted(order[first].tolist()), cost


@dataclass
class _Model:
    columns: list[tuple[int, int]]  # x columns: (workload index, offering index)
    cost: list[float]
    flow_rows: list[int]  # rows t - z[a, r] + z[b, r] >= 0, t their first column
    rows: list[tuple[float, float, list[int], list[float]]]
    budget_row: int | None
    spread_rows: dict[str, list[int]]


def _model(
    cat: _Catalog,
    workloads: Sequence[Workload],
    flows: Sequence[Flow],
    candidates: list[list[int]],
    costs: list[npt.NDArray[np.float64]],
    max_total: Decimal | None,
) -> _Model:
    columns: list[tuple[int, int]] = []
    cost: list[float] = []
    by_workload_region: list[dict[int, list[int]]] = []
    rows: list[tuple[float, float, list[int], list[float]]] = []
    flow_rows: list[int] = []
    for w, offering_indices in enumerate(candidates):
        regions: dict[int, list[int]] = defaultdict(list)
        start = len(columns)
        for o in offering_indices:
            regions[int(cat.region_key[o])].append(len(columns))
            columns.append((w, o))
            cost.append(float(costs[w][o]))
        by_workload_region.append(regions)
        count = len(columns) - start
        rows.append((1.0, 1.0, list(range(start, start + count)), [1.0] * count))
    index = {workload.id: i for i, workload in enumerate(workloads)}
    for flow in flows:
        a, b = index[flow.source], index[flow.destination]
        for region, sender in by_workload_region[a].items():
            t = len(cost)
            cost.append(flow.gib_month * float(cat.egress[region]))
            receiver = by_workload_region[b].get(region, [])
            # t - z[a, r] + z[b, r] >= 0
            flow_rows.append(len(rows))
            rows.append(
                (0.0, INF, [t, *sender, *receiver], [1.0] + [-1.0] * len(sender) + [1.0] * len(receiver))
            )
    spread_rows: dict[str, list[int]] = defaultdict(list)
    groups: dict[str, list[int]] = defaultdict(list)
    for w, workload in enumerate(workloads):
        if workload.spread_group:
            groups[workload.spread_group].append(w)
    for group, members in groups.items():
        by_zone: dict[int, list[int]] = defaultdict(list)
        member_set = set(members)
        for column, (w, o) in enumerate(columns):
            if w in member_set:
                by_zone[int(cat.zone_key[o])].append(column)
        for zone_columns in by_zone.values():
            if len(zone_columns) > 1:
                spread_rows[group].append(len(rows))
                rows.append((-INF, 1.0, zone_columns, [1.0] * len(zone_columns)))
    budget_row = None
    if max_total is not None:
        budget_row = len(rows)
        rows.append((-INF, float(max_total), list(range(len(cost))), list(cost)))
    return _Model(
        columns=columns,
        cost=cost,
        flow_rows=flow_rows,
        rows=rows,
        budget_row=budget_row,
        spread_rows=dict(spread_rows),
    )


def _set_flow_columns(model: _Model, values: npt.NDArray[np.float64]) -> None:
    """t = max(0, z[a, r] - z[b, r]) for a start whose x columns are set."""
    for row in model.flow_rows:
        _, _, columns, coefficients = model.rows[row]
        values[columns[0]] = max(
            0.0, -sum(values[c] * k for c, k in zip(columns[1:], coefficients[1:], strict=True))
        )


def _highs(model: _Model, skip_rows: set[int], time_limit: float) -> highspy.Highs:
    h = highspy.Highs()  # type: ignore[no-untyped-call]
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-7)
    h.setOptionValue("time_limit", time_limit)
    h.setOptionValue("threads", 1)
    lp = highspy.HighsLp()
    n = len(model.cost)
    lp.num_col_ = n
    lp.col_cost_ = np.array(model.cost, dtype=np.float64)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.ones(n)
    kept = [row for i, row in enumerate(model.rows) if i not in skip_rows]
    lp.num_row_ = len(kept)
    lp.row_lower_ = np.array([row[0] for row in kept], dtype=np.float64)
    lp.row_upper_ = np.array([row[1] for row in kept], dtype=np.float64)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    starts = np.zeros(len(kept) + 1, dtype=np.int32)
    starts[1:] = np.cumsum([len(row[2]) for row in kept])
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = np.array([i for row in kept for i in row[2]], dtype=np.int32)
    lp.a_matrix_.value_ = np.array([v for row in kept for v in row[3]], dtype=np.float64)
    lp.a_matrix_.num_col_ = n
    lp.a_matrix_.num_row_ = len(kept)
    integrality = [highspy.HighsVarType.kInteger] * len(model.columns) + [
        highspy.HighsVarType.kContinuous
    ] * (n - len(model.columns))
    lp.integrality_ = integrality
    h.passModel(lp)
    return h


def _has_solution(h: highspy.Highs) -> bool:
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        return True
    return status in (highspy.HighsModelStatus.kTimeLimit, highspy.HighsModelStatus.kInterrupt) and bool(
        h.getInfo().primal_solution_status == 2
    )


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def price_plan(
    cat_offerings: list[Offering],
    cat: _Catalog,
    workloads: Sequence[Workload],
    flows: Sequence[Flow],
    chosen: list[int],
    rank: int,
    optimal: bool,
) -> Plan:
    """A plan's assignments and totals in exact decimals (the solver works in floats)."""
    sends: dict[int, list[Flow]] = defaultdict(list)
    index = {w.id: i for i, w in enumerate(workloads)}
    for flow in flows:
        sends[index[flow.source]].append(flow)
    assignments = []
    total = Decimal(0)
    for w, workload in enumerate(workloads):
        o = chosen[w]
        offering = cat_offerings[o]
        region = int(cat.region_key[o])
        compute = offering.unit_price_twd * HOURS_PER_MONTH
        storage = (
            _decimal(workload.storage_gib) * cat.storage_dec[region] if workload.storage_gib else Decimal(0)
        )
        egress = (
            _decimal(workload.internet_egress_gib_month) * cat.egress_dec[region]
            if workload.internet_egress_gib_month
            else Decimal(0)
        )
        for flow in sends[w]:
            if int(cat.region_key[chosen[index[flow.destination]]]) != region:
                egress += _decimal(flow.gib_month) * cat.egress_dec[region]
        total += compute + storage + egress
        assignments.append(
            Assignment(
                workload=workload.id,
                offering=offering.id,
                provider=offering.provider,
                region=offering.region,
                zone=offering.zone,
                compute_twd=compute.quantize(CENT),
                storage_twd=storage.quantize(CENT),
                egress_twd=egress.quantize(CENT),
            )
        )
    return Plan(rank=rank, assignments=tuple(assignments), total_twd=total.quantize(CENT), optimal=optimal)


def _greedy(
    cat: _Catalog,
    workloads: Sequence[Workload],
    candidates: list[list[int]],
    costs: list[npt.NDArray[np.float64]],
) -> list[int] | None:
    """Each workload in turn on its cheapest candidate whose zone its spread group has not
    used; blind to traffic between workloads. None when it paints itself into a corner."""
    used: dict[str, set[int]] = defaultdict(set)
    chosen = []
    for w, workload in enumerate(workloads):
        options = sorted(candidates[w], key=lambda o: (costs[w][o], o))
        for o in options:
            zone = int(cat.zone_key[o])
            if not workload.spread_group or zone not in used[workload.spread_group]:
                used[workload.spread_group].add(zone)
                chosen.append(o)
                break
        else:
            return None
    return chosen


def solve(
    workloads: Sequence[Workload],
    flows: Sequence[Flow],
    offerings: Sequence[Offering],
    *,
    max_total: Decimal | None = None,
    max_plans: int = 3,
    time_limit: float = 20.0,
    with_greedy: bool = False,
) -> Solution:
    started = time.perf_counter()
    cat = _catalog(offerings)
    senders = {flow.source for flow in flows}
    reasons = np.zeros((len(workloads), len(cat.offerings)), dtype=np.uint8)
    dominated = np.full((len(workloads), len(cat.offerings)), -1, dtype=np.int32)
    candidates: list[list[int]] = []
    costs: list[npt.NDArray[np.float64]] = []
    for w, workload in enumerate(workloads):
        reasons[w], dominated[w], chosen, cost = _filter(cat, workload, workload.id in senders)
        candidates.append(chosen)
        costs.append(cost)
    exclusions = Exclusions([o.id for o in cat.offerings], reasons, dominated)
    empty = [w for w, c in enumerate(candidates) if not c]
    if empty:
        details = {}
        for w in empty:
            values, counts = np.unique(reasons[w], return_counts=True)
            details[f"workload:{workloads[w].id}"] = (
                ",".join(
                    f"{ExclusionReason(int(v)).name}={int(c)}" for v, c in zip(values, counts, strict=True)
                )
                or "no instance offerings"
            )
        raise Infeasible([f"workload:{workloads[w].id}" for w in empty], details)
    model = _model(cat, workloads, flows, candidates, costs, max_total)
    h = _highs(model, set(), time_limit)
    greedy = _greedy(cat, workloads, candidates, costs)
    if greedy is not None:
        # The greedy plan as the starting incumbent: its x columns, and t from it.
        start = np.zeros(len(model.cost))
        column_of = {pair: c for c, pair in enumerate(model.columns)}
        for w, o in enumerate(greedy):
            start[column_of[(w, o)]] = 1.0
        _set_flow_columns(model, start)
        incumbent = highspy.HighsSolution()
        incumbent.col_value = start.tolist()
        h.setSolution(incumbent)
    plans: list[Plan] = []
    x_count = len(model.columns)
    for rank in range(1, max_plans + 1):
        h.run()
        if not _has_solution(h):
            break
        values = np.asarray(h.getSolution().col_value[:x_count])
        picked = np.flatnonzero(values > 0.5)
        chosen = [0] * len(workloads)
        for column in picked:
            w, o = model.columns[int(column)]
            chosen[w] = o
        optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        plans.append(price_plan(cat.offerings, cat, workloads, flows, chosen, rank, optimal))
        if rank < max_plans:
            h.addRow(-INF, len(picked) - 1, len(picked), picked.astype(np.int32), np.ones(len(picked)))
    if not plans:
        raise Infeasible(*_diagnose(model, time_limit))
    solution = Solution(
        plans=plans,
        exclusions=exclusions,
        solve_seconds=time.perf_counter() - started,
        stats={"columns": len(model.cost), "rows": len(model.rows), "instance_offerings": len(cat.offerings)},
    )
    if with_greedy and greedy is not None:
        solution.greedy_total_twd = price_plan(
            cat.offerings, cat, workloads, flows, greedy, 0, False
        ).total_twd
    return solution


def _diagnose(model: _Model, time_limit: float) -> tuple[list[str], dict[str, str]]:
    """Which constraint families, dropped alone, make the programme feasible."""
    families: dict[str, set[int]] = {f"spread:{g}": set(rows) for g, rows in model.spread_rows.items()}
    if model.budget_row is not None:
        families["total_budget"] = {model.budget_row}
    binding = []
    for name, rows in families.items():
        h = _highs(model, rows, time_limit)
        h.run()
        if _has_solution(h):
            binding.append(name)
    if not binding:  # no single family is to blame: all of them together are
        binding = sorted(families) or ["capacity"]
    return binding, {}
