"""Trial use cases: publish a template, start a trial through the cloud broker, follow it, end it.

The broker does the durable work (its operations survive restarts, fail over,
and tear a deployment down at its expire_time). A trial row mirrors what the
broker says: every read of a trial that has not settled asks the broker again,
so a trial whose TTL ran out reads ENDING, then ENDED, without market running a
timer of its own. The budget cap holds because a trial's hours are capped so
that hours × the machine's hourly price stays within it, and the broker's TTL
ends the machine after those hours.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import ROUND_CEILING, Decimal

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.market.catalog.domain import project_not_found
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.names import (
    DOMAIN,
    caller_org,
    field_invalid,
    parse_org,
    parse_project,
    parse_trial,
    parse_trial_template,
)
from jipan.servers.market.trials.broker import CloudBroker, DeploymentStatus, MachineSize
from jipan.servers.market.trials.model import Trial, TrialState, TrialTemplate
from jipan.servers.market.trials.store import TrialStore
from jipan.servers.runtime.errors import (
    DomainError,
    FailedPrecondition,
    NotFound,
    PermissionDenied,
    Unavailable,
)
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

BUDGET_CURRENCY = "TWD"
"""The broker prices offerings in TWD; a budget cap in another currency could not be checked."""
_MINOR_PER_TWD = 100  # ISO 4217: TWD has two minor digits
_REFRESH_CONCURRENCY = 8

_BROKER_STATES = {
    "CREATING": TrialState.PROVISIONING,
    "RUNNING": TrialState.RUNNING,
    "STOPPED": TrialState.RUNNING,
    "DELETING": TrialState.ENDING,
    "DELETED": TrialState.ENDED,
    "FAILED": TrialState.FAILED,
}


def _org(principal: Principal) -> str:
    return caller_org(principal, "trials are by organisation")


def _trial_not_found(name: str) -> NotFound:
    return NotFound(
        "TRIAL_NOT_FOUND",
        "no trial template or trial with this name",
        domain=DOMAIN,
        metadata={"name": name[:300]},
    )


def cost_minor(hourly_twd: Decimal, hours: int) -> int:
    """What `hours` of a machine cost at most, in TWD minor units (rounded up: never under the cap's
    reading of the price)."""
    return int((hourly_twd * hours * _MINOR_PER_TWD).to_integral_value(rounding=ROUND_CEILING))


def endpoint_of(status: DeploymentStatus, provider: str, ports: tuple[int, ...]) -> str:
    """The broker's contract names the machine (provider, region, instance id) but carries no network
    address; the endpoint names the machine and the template's ports."""
    if not status.machines:
        return ""
    machine = status.machines[0]
    where = f"{provider}/regions/{machine.region}/instances/{machine.resource_id}"
    return where + (":" + ",".join(str(p) for p in ports) if ports else "")


class Trials:
    def __init__(
        self,
        store: TrialStore,
        catalog: CatalogStore,
        broker: CloudBroker,
        page_tokens: PageTokens,
        request_ids: RequestIds,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.broker = broker
        self.page_tokens = page_tokens
        self.request_ids = request_ids

    # -- templates ---------------------------------------------------------------

    async def create_template(
        self,
        principal: Principal,
        parent: str,
        offering: str,
        image: str,
        ports: list[int],
        max_hours: int,
        budget_currency: str,
        budget_minor: int,
    ) -> TrialTemplate:
        org = _org(principal)
        project_id = parse_project(parent, "parent")
        if not image.strip():
            raise field_invalid("trial_template.image", "required")
        if not offering:
            raise field_invalid("trial_template.offering", "required")
        if not 1 <= max_hours <= 720:
            raise field_invalid("trial_template.max_hours", "must be 1-720")
        if any(not 1 <= p <= 65535 for p in ports) or len(set(ports)) != len(ports):
            raise field_invalid("trial_template.ports", "each port 1-65535, no port twice")
        if budget_currency != BUDGET_CURRENCY:
            raise field_invalid(
                "trial_template.budget_cap.currency_code", "the broker prices in TWD: give the cap in TWD"
            )
        if budget_minor <= 0:
            raise field_invalid("trial_template.budget_cap.amount_minor", "must be above zero")
        if await self.catalog.get_project(project_id) is None:
            raise project_not_found(project_id)
        if not await self.store.may_publish(project_id, org):
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "only the project's verified publisher or a provider with an offer for it publishes trials",
                domain=DOMAIN,
                metadata={"project": parent},
            )
        size = await self.broker.machine_size(offering, "trial_template.offering")
        if cost_minor(size.hourly_twd, 1) > budget_minor:
            raise FailedPrecondition(
                "TRIAL_LIMIT_EXCEEDED",
                "the budget cap does not cover one hour of the offering",
                domain=DOMAIN,
                metadata={"limit": str(budget_minor), "hourly_minor": str(cost_minor(size.hourly_twd, 1))},
            )
        template = TrialTemplate(
            project_id=project_id,
            id=str(uuid.uuid4()),
            publisher=org,
            offering=size.offering,
            provider=size.provider,
            region=size.region,
            vcpu=size.vcpu,
            memory_gib=size.memory_gib,
            gpu_count=size.gpu_count,
            image=image.strip(),
            ports=tuple(ports),
            max_hours=max_hours,
            budget_currency=budget_currency,
            budget_minor=budget_minor,
            create_time=datetime.now(UTC),
        )
        stored = await self.store.insert_template(template)
        log.info("trial template published", project=parent, template=stored.id, offering=stored.offering)
        return stored

    async def list_templates(
        self, parent: str, page_size: int, page_token: str
    ) -> tuple[list[TrialTemplate], str]:
        project_id = parse_project(parent, "parent")
        if await self.catalog.get_project(project_id) is None:
            raise project_not_found(project_id)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListTrialTemplates", project=project_id)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.list_templates(project_id, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [t for _, t in rows], token

    # -- trials ------------------------------------------------------------------

    async def start(self, principal: Principal, template_name: str, hours: int, request_id: str) -> Trial:
        org = _org(principal)
        project_id, template_id = parse_trial_template(template_name, "trial.template")
        template = await self.store.get_template(project_id, template_id)
        if template is None:
            raise _trial_not_found(template_name)
        if hours < 1:
            raise field_invalid("trial.hours", "required, at least 1")
        if hours > template.max_hours:
            raise FailedPrecondition(
                "TRIAL_LIMIT_EXCEEDED",
                "the template allows fewer hours",
                domain=DOMAIN,
                metadata={"limit": str(template.max_hours), "kind": "hours"},
            )
        # Priced now, from the broker's catalog, before any database connection is held: in one
        # process the broker answers from the same pool. The cap is checked against today's price.
        size = await self.broker.machine_size(template.offering, "trial.template")
        request = json.dumps([template_name, hours]).encode()
        scope = scope_for("market.StartTrial", principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            first = await self.request_ids.claim(conn, scope, request_id, request)
            if first is not None:
                replayed = await self.store.get_trial(org, first.decode(), conn)
                assert replayed is not None
                trial: Trial | None = replayed
            else:
                cost = cost_minor(size.hourly_twd, hours)
                if cost > template.budget_minor:
                    affordable = int(template.budget_minor // max(cost_minor(size.hourly_twd, 1), 1))
                    raise FailedPrecondition(
                        "TRIAL_LIMIT_EXCEEDED",
                        f"{hours} hours would pass the template's budget cap; at most {affordable} fit",
                        domain=DOMAIN,
                        metadata={
                            "limit": str(template.budget_minor),
                            "kind": "budget",
                            "max_hours": str(affordable),
                        },
                    )
                expire = datetime.now(UTC) + timedelta(hours=hours)
                trial = await self.store.insert_trial(
                    conn, org, template, principal.subject, hours, cost, expire
                )
                await self.request_ids.record(conn, scope, request_id, trial.id.encode())
        assert trial is not None
        if trial.state is TrialState.PROVISIONING and not trial.deployment:
            trial = await self._provision(trial, template, size)
        return trial

    async def _provision(
        self, trial: Trial, template: TrialTemplate, size: MachineSize | None = None
    ) -> Trial:
        """Ask the broker for the machine. The trial's id is CreateDeployment's request id and its
        placement is planned once and kept on the row, so a retry after a lost answer (or a read
        while StartTrial still runs) replays the same request and gets the same deployment, never
        a second machine nor a refusal of the reused request id."""
        try:
            size = size or await self.broker.machine_size(template.offering, "trial.template")
            if not trial.placement:
                trial = await self.store.claim_placement(trial, await self.broker.plan(size))
                if trial.state.settled:  # ended before anything reached the broker
                    return trial
            made = await self.broker.provision(
                size, template.image, trial.expire_time, trial.id, placement=trial.placement
            )
        except DomainError as exc:
            # Only a broker that did not answer is worth asking again (a replay of StartTrial, a
            # read, or the follow-up loop does); a refusal fails the trial for good.
            if not isinstance(exc, Unavailable):
                await self.store.update_trial(trial, state=TrialState.FAILED, problem=exc.message[:1000])
            raise
        log.info("trial provisioning", trial=trial.id, deployment=made.deployment)
        updated = await self.store.update_trial(trial, operation=made.operation, deployment=made.deployment)
        if updated.deployment != made.deployment:
            # The trial settled while the broker created the machine: nothing would ever end it
            # before its expiry, so ask now (the broker refuses while it is still creating; its
            # TTL is then what ends it).
            log.warning("trial settled while provisioning", trial=trial.id, deployment=made.deployment)
            try:
                await self.broker.tear_down(made.deployment, trial.id)
            except DomainError as exc:
                log.warning("settled trial not torn down", trial=trial.id, reason=exc.reason)
        return updated

    async def _refresh(self, trial: Trial) -> Trial:
        """The trial as the broker now sees it; asks again for a teardown that was refused."""
        if trial.state.settled:
            return trial
        if not trial.deployment and trial.end_requested and not trial.placement:
            # Nothing reached the broker: ended here, unless a provisioning call has planned
            # meanwhile (then its deployment is replayed below and torn down).
            trial = await self.store.end_unprovisioned(trial)
            if trial.state.settled:
                return trial
        if not trial.deployment:
            template = await self.store.get_template(trial.project_id, trial.template_id)
            assert template is not None
            trial = await self._provision(trial, template)
            if trial.state.settled or not trial.deployment or not trial.end_requested:
                return trial
        status = await self.broker.deployment(trial.deployment)
        state = _BROKER_STATES.get(status.state, trial.state)
        if trial.end_requested and status.state in ("CREATING", "RUNNING", "STOPPED", "FAILED"):
            if await self.broker.tear_down(trial.deployment, trial.id):
                status = await self.broker.deployment(trial.deployment)
                state = _BROKER_STATES.get(status.state, TrialState.ENDING)
            elif state is not TrialState.FAILED:
                state = TrialState.ENDING
        fields: dict[str, object] = {"state": state}
        if state is TrialState.RUNNING:
            template = await self.store.get_template(trial.project_id, trial.template_id)
            assert template is not None
            fields["endpoint"] = endpoint_of(status, template.provider, template.ports)
        elif state.settled:
            fields["endpoint"] = ""
        if state is TrialState.FAILED and trial.operation:
            fields["problem"] = (
                await self.broker.failure(trial.operation) or "the broker failed the deployment"
            )
        if state is trial.state and fields.get("endpoint", trial.endpoint) == trial.endpoint:
            return trial
        updated = await self.store.update_trial(trial, **fields)
        log.info("trial state", trial=trial.id, state=updated.state.value)
        return updated

    async def _own(self, principal: Principal, name: str) -> Trial:
        org, trial_id = parse_trial(name)
        trial = await self.store.get_trial(org, trial_id) if org == principal.org else None
        if trial is None:
            raise _trial_not_found(name)
        return trial

    async def get(self, principal: Principal, name: str) -> Trial:
        return await self._refresh(await self._own(principal, name))

    async def list_trials(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Trial], str]:
        org = _org(principal)
        if parse_org(parent) != org:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "parent is not the caller's organisation",
                domain=DOMAIN,
                metadata={"parent": parent[:120]},
            )
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListTrials", org=org)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        rows = await self.store.list_trials(org, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        limit = asyncio.Semaphore(_REFRESH_CONCURRENCY)

        async def fresh(trial: Trial) -> Trial:
            async with limit:
                try:
                    return await self._refresh(trial)
                except DomainError as exc:  # one broker hiccup does not hide the whole list
                    log.warning("trial not refreshed", trial=trial.id, reason=exc.reason)
                    return trial

        return list(await asyncio.gather(*(fresh(t) for _, t in rows))), token

    async def follow_up(self, now: datetime, settle_s: float = 5.0, batch: int = 100) -> int:
        """Take up what no read did: teardowns the broker refused while it was still creating (or
        did not answer), provisioning a lost StartTrial never handed to the broker. Trials changed
        in the last `settle_s` are left to the call working on them. Returns how many were seen."""
        pending = await self.store.needing_action(now - timedelta(seconds=settle_s), batch)
        for trial in pending:
            try:
                await self._refresh(trial)
            except DomainError as exc:
                log.warning("trial follow-up failed", trial=trial.id, reason=exc.reason)
        return len(pending)

    async def run_follow_ups(self, interval_s: float) -> None:
        while True:
            await asyncio.sleep(interval_s)
            try:
                await self.follow_up(datetime.now(UTC), settle_s=interval_s)
            except Exception as exc:
                log.error("trial follow-up round failed", error=repr(exc))

    async def end(self, principal: Principal, name: str) -> Trial:
        trial = await self._own(principal, name)
        if trial.state.settled:
            return trial
        if not trial.end_requested:
            trial = await self.store.update_trial(trial, end_requested=True)
        trial = replace(trial, end_requested=True)
        return await self._refresh(trial)
