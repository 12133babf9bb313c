"""PlanPlacement: the organisation's catalog, the caller's workloads, the solver; the placement kept.

The solver (solver.py) is CPU work on the whole catalog: it runs in a worker
thread so the event loop keeps serving. The placement is stored as the
Placement message it was answered with (GetPlacement returns the same
bytes), and its exclusions in compact form beside it.
"""

from __future__ import annotations

import asyncio
import math
import re
import uuid
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import numpy as np
import numpy.typing as npt
import structlog

from jipan.cloud.v1 import resources_pb2 as res
from jipan.interceptors.context import Principal
from jipan.servers.cloud.catalog.domain import own_parent
from jipan.servers.cloud.catalog.store import OfferingStore
from jipan.servers.cloud.names import (
    DOMAIN,
    offering_name,
    org_of,
    parse_placement,
    parse_provider,
    placement_name,
)
from jipan.servers.cloud.placement import solver
from jipan.servers.cloud.placement.convert import placement_to_pb
from jipan.servers.cloud.placement.store import PlacementStore, pack_exclusions, unpack_exclusions
from jipan.servers.cloud.placement.types import ExclusionReason, Flow, Workload
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument, NotFound
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

MAX_WORKLOADS = 500
MAX_OFFERINGS = 20_000
DEFAULT_PLANS = 3
_WORKLOAD_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def _invalid(problem: str, workload: str = "") -> InvalidArgument:
    metadata = {"problem": problem}
    if workload:
        metadata["workload"] = workload[:63]
    return InvalidArgument("WORKLOAD_INVALID", problem, domain=DOMAIN, metadata=metadata)


def _amount(value: str, what: str, workload: str = "") -> Decimal | None:
    if not value:
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise _invalid(f"{what} is not a decimal", workload) from None
    if not amount.is_finite() or amount < 0:
        raise _invalid(f"{what} must be a non-negative decimal", workload)
    return amount


def _quantity(value: float, what: str, workload: str) -> float:
    if not math.isfinite(value) or value < 0:
        raise _invalid(f"{what} must be a non-negative number", workload)
    return value


def workloads_from_pb(message: res.Placement) -> tuple[list[Workload], list[Flow], Decimal | None]:
    if not 1 <= len(message.workloads) <= MAX_WORKLOADS:
        raise InvalidArgument(
            "PLACEMENT_TOO_LARGE" if message.workloads else "WORKLOAD_INVALID",
            f"a placement has 1 to {MAX_WORKLOADS} workloads",
            domain=DOMAIN,
            metadata={"limit": str(MAX_WORKLOADS), "problem": "workload count"},
        )
    workloads: list[Workload] = []
    seen: set[str] = set()
    for w in message.workloads:
        if not _WORKLOAD_ID.match(w.id) or w.id in seen:
            raise _invalid("workload ids are 1-63 of [a-z0-9-] and unique", w.id)
        seen.add(w.id)
        if w.vcpu < 0 or w.gpu_count < 0:
            raise _invalid("vcpu and gpu_count must not be negative", w.id)
        for country in w.allowed_countries:
            if not _COUNTRY.match(country):
                raise _invalid("allowed_countries are ISO 3166-1 alpha-2 codes", w.id)
        certifications = []
        for certification in w.required_certifications:
            if (
                certification not in res.Certification.values()
                or certification == res.CERTIFICATION_UNSPECIFIED
            ):
                raise _invalid("required_certifications holds an unknown certification", w.id)
            certifications.append(res.Certification.Name(certification).removeprefix("CERTIFICATION_"))
        providers = tuple(
            parse_provider(p, "placement.workloads.allowed_providers") for p in w.allowed_providers
        )
        workloads.append(
            Workload(
                id=w.id,
                vcpu=w.vcpu,
                memory_gib=_quantity(w.memory_gib, "memory_gib", w.id),
                gpu_count=w.gpu_count,
                storage_gib=_quantity(w.storage_gib, "storage_gib", w.id),
                allowed_countries=tuple(w.allowed_countries),
                required_certifications=tuple(certifications),
                allowed_regions=tuple(r[:64] for r in w.allowed_regions),
                max_monthly_twd=_amount(w.max_monthly_cost_twd, "max_monthly_cost_twd", w.id),
                spread_group=w.spread_group[:63],
                internet_egress_gib_month=_quantity(
                    w.internet_egress_gib_month, "internet_egress_gib_month", w.id
                ),
                allowed_providers=providers,
            )
        )
    flows = []
    for f in message.flows:
        if f.source not in seen or f.destination not in seen or f.source == f.destination:
            raise _invalid("a flow joins two different workloads of the request", f.source)
        flows.append(Flow(f.source, f.destination, _quantity(f.gib_month, "flows.gib_month", f.source)))
    return workloads, flows, _amount(message.max_total_monthly_twd, "max_total_monthly_twd")


class Placements:
    def __init__(self, store: PlacementStore, offerings: OfferingStore, page_tokens: PageTokens) -> None:
        self.store = store
        self.offerings = offerings
        self.page_tokens = page_tokens

    async def plan(
        self, principal: Principal, parent: str, request: res.Placement, max_plans: int
    ) -> res.Placement:
        owner = own_parent(principal, parent)
        workloads, flows, max_total = workloads_from_pb(request)
        plans = max_plans or DEFAULT_PLANS
        catalog = await self.offerings.all(owner, MAX_OFFERINGS + 1)
        if len(catalog) > MAX_OFFERINGS:
            raise InvalidArgument(
                "PLACEMENT_TOO_LARGE",
                f"the catalog holds more than {MAX_OFFERINGS} offerings",
                domain=DOMAIN,
                metadata={"limit": str(MAX_OFFERINGS)},
            )
        try:
            solution = await asyncio.to_thread(
                solver.solve, workloads, flows, catalog, max_total=max_total, max_plans=plans
            )
        except solver.Infeasible as exc:
            raise FailedPrecondition(
                "PLACEMENT_INFEASIBLE",
                f"no plan satisfies the constraints; binding: {', '.join(exc.binding)}"[:1000],
                domain=DOMAIN,
                metadata={"binding_constraints": ",".join(exc.binding)[:2000], **exc.details},
            ) from None
        placement_id = uuid.uuid4()
        message = placement_to_pb(
            placement_name(owner, str(placement_id)),
            request,
            solution,
            [w.id for w in workloads],
            owner,
            len(catalog),
        )
        await self.store.insert(
            owner,
            placement_id,
            message.SerializeToString(),
            pack_exclusions(solution.exclusions),
            principal.subject,
        )
        log.info(
            "placement planned",
            placement=message.name,
            workloads=len(workloads),
            offerings=len(catalog),
            plans=len(solution.plans),
            seconds=round(solution.solve_seconds, 3),
        )
        return message

    async def _find(self, principal: Principal, name: str, field: str) -> tuple[str, uuid.UUID]:
        owner, placement_id = parse_placement(name, field)
        try:
            key = uuid.UUID(placement_id)
        except ValueError:
            key = None
        if key is None or owner != org_of(principal):
            raise NotFound("PLACEMENT_NOT_FOUND", "no placement with this name", domain=DOMAIN)
        return owner, key

    async def get(self, principal: Principal, name: str) -> res.Placement:
        owner, key = await self._find(principal, name, "name")
        stored = await self.store.get(owner, key)
        if stored is None:
            raise NotFound("PLACEMENT_NOT_FOUND", "no placement with this name", domain=DOMAIN)
        return res.Placement.FromString(stored)

    async def list_exclusions(
        self, principal: Principal, parent: str, workload: str, page_size: int, page_token: str
    ) -> tuple[list[res.Exclusion], str]:
        owner, key = await self._find(principal, parent, "parent")
        size = resolve_page_size(page_size, default=1000, maximum=10_000)
        placement = await self.get(principal, parent)
        packed = await self.store.get_exclusions(owner, key)
        if packed is None:
            raise NotFound("PLACEMENT_NOT_FOUND", "no placement with this name", domain=DOMAIN)
        ids = [w.id for w in placement.workloads]
        rows = [i for i, w in enumerate(ids) if not workload or w == workload]
        fingerprint = query_fingerprint("ListPlacementExclusions", placement=parent, workload=workload)
        offset = int(self.page_tokens.decode(page_token, fingerprint)["offset"]) if page_token else 0
        exclusions = await asyncio.to_thread(unpack_exclusions, packed)
        positions = _excluded_positions(exclusions.reasons, rows)
        page = positions[offset : offset + size]
        out = []
        for row, col in page:
            dominated = int(exclusions.dominated_by[row, col])
            out.append(
                res.Exclusion(
                    workload=ids[row],
                    offering=offering_name(owner, exclusions.offering_ids[col]),
                    reason=int(exclusions.reasons[row, col]),  # type: ignore[arg-type]
                    dominated_by=offering_name(owner, exclusions.offering_ids[dominated])
                    if dominated >= 0
                    else "",
                )
            )
        token = ""
        if offset + size < len(positions):
            token = self.page_tokens.encode(fingerprint, {"offset": offset + size})
        return out, token


def _excluded_positions(reasons: npt.NDArray[np.uint8], rows: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for row in rows:
        cols = np.flatnonzero(reasons[row] != ExclusionReason.NONE)
        out.extend((row, int(col)) for col in cols)
    return out
