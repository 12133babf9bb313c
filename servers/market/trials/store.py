"""Trial templates and trials (migrations/0005_trials.sql) through asyncpg."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

import asyncpg

from jipan.servers.market.trials.model import Trial, TrialState, TrialTemplate
from jipan.servers.runtime.idempotency import Connection

_T = (
    "project_id, id, publisher, offering, provider, region, vcpu, memory_gib, gpu_count, image, ports,"
    " max_hours, budget_currency, budget_minor, create_time"
)
_R = (
    "organization, id, project_id, template_id, hours, state, estimated_cost_minor, currency, placement,"
    " operation, deployment, endpoint, problem, end_requested, expire_time, create_time"
)


def _template(row: asyncpg.Record) -> TrialTemplate:
    return TrialTemplate(
        project_id=row["project_id"],
        id=str(row["id"]),
        publisher=row["publisher"],
        offering=row["offering"],
        provider=row["provider"],
        region=row["region"],
        vcpu=row["vcpu"],
        memory_gib=row["memory_gib"],
        gpu_count=row["gpu_count"],
        image=row["image"],
        ports=tuple(row["ports"]),
        max_hours=row["max_hours"],
        budget_currency=row["budget_currency"],
        budget_minor=row["budget_minor"],
        create_time=row["create_time"],
    )


def _trial(row: asyncpg.Record) -> Trial:
    return Trial(
        organization=row["organization"],
        id=str(row["id"]),
        project_id=row["project_id"],
        template_id=str(row["template_id"]),
        hours=row["hours"],
        state=TrialState(row["state"]),
        estimated_cost_minor=row["estimated_cost_minor"],
        currency=row["currency"],
        placement=row["placement"],
        operation=row["operation"],
        deployment=row["deployment"],
        endpoint=row["endpoint"],
        problem=row["problem"],
        end_requested=row["end_requested"],
        expire_time=row["expire_time"],
        create_time=row["create_time"],
    )


class TrialStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def may_publish(self, project_id: str, organization: str) -> bool:
        """The project's verified publisher, or a provider with an offer for it."""
        found = await self.pool.fetchval(
            "SELECT EXISTS (SELECT 1 FROM market.projects WHERE id = $1 AND publisher = $2)"
            " OR EXISTS (SELECT 1 FROM market.offers WHERE project_id = $1 AND provider = $2)",
            project_id,
            organization,
        )
        return bool(found)

    async def insert_template(self, template: TrialTemplate) -> TrialTemplate:
        row = await self.pool.fetchrow(
            "INSERT INTO market.trial_templates (project_id, id, publisher, offering, provider, region, vcpu,"  # noqa: S608
            " memory_gib, gpu_count, image, ports, max_hours, budget_currency, budget_minor)"
            f" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING {_T}",
            template.project_id,
            uuid.UUID(template.id),
            template.publisher,
            template.offering,
            template.provider,
            template.region,
            template.vcpu,
            template.memory_gib,
            template.gpu_count,
            template.image,
            list(template.ports),
            template.max_hours,
            template.budget_currency,
            template.budget_minor,
        )
        assert row is not None
        return _template(row)

    async def get_template(self, project_id: str, template_id: str) -> TrialTemplate | None:
        row = await self.pool.fetchrow(
            f"SELECT {_T} FROM market.trial_templates WHERE project_id = $1 AND id = $2",  # noqa: S608
            project_id,
            uuid.UUID(template_id),
        )
        return None if row is None else _template(row)

    async def list_templates(
        self, project_id: str, after: int, limit: int
    ) -> list[tuple[int, TrialTemplate]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_T} FROM market.trial_templates"  # noqa: S608
            " WHERE project_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            project_id,
            after,
            limit,
        )
        return [(row["seq"], _template(row)) for row in rows]

    async def insert_trial(
        self,
        conn: Connection,
        organization: str,
        template: TrialTemplate,
        creator: str,
        hours: int,
        cost_minor: int,
        expire_time: datetime,
    ) -> Trial:
        row = await conn.fetchrow(
            "INSERT INTO market.trials (organization, id, project_id, template_id, creator, hours, state,"  # noqa: S608
            " estimated_cost_minor, currency, expire_time)"
            f" VALUES ($1, $2, $3, $4, $5, $6, 'PROVISIONING', $7, $8, $9) RETURNING {_R}",
            organization,
            uuid.uuid4(),
            template.project_id,
            uuid.UUID(template.id),
            creator,
            hours,
            cost_minor,
            template.budget_currency,
            expire_time,
        )
        assert row is not None
        return _trial(row)

    async def get_trial(
        self, organization: str, trial_id: str, conn: Connection | None = None
    ) -> Trial | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_R} FROM market.trials WHERE organization = $1 AND id = $2",  # noqa: S608
            organization,
            uuid.UUID(trial_id),
        )
        return None if row is None else _trial(row)

    async def list_trials(self, organization: str, before: int | None, limit: int) -> list[tuple[int, Trial]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_R} FROM market.trials"  # noqa: S608
            " WHERE organization = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
            organization,
            before,
            limit,
        )
        return [(row["seq"], _trial(row)) for row in rows]

    async def update_trial(self, trial: Trial, **fields: object) -> Trial:
        """Set `fields` unless the trial has settled meanwhile (a settled trial never moves again)."""
        allowed = {"state", "placement", "operation", "deployment", "endpoint", "problem", "end_requested"}
        assert set(fields) <= allowed, fields
        values: list[object] = [v.value if isinstance(v, TrialState) else v for v in fields.values()]
        sets = ", ".join(f"{name} = ${i + 3}" for i, name in enumerate(fields))
        row = await self.pool.fetchrow(
            f"UPDATE market.trials SET {sets}, update_time = now()"  # noqa: S608
            " WHERE organization = $1 AND id = $2 AND state NOT IN ('ENDED', 'FAILED')"
            f" RETURNING {_R}",
            trial.organization,
            uuid.UUID(trial.id),
            *values,
        )
        return await self._or_current(trial, row)

    async def claim_placement(self, trial: Trial, placement: str) -> Trial:
        """Keep `placement` as the trial's unless it has one (a concurrent call planned first: its
        placement is the one every CreateDeployment of the trial must name) or has settled."""
        row = await self.pool.fetchrow(
            "UPDATE market.trials SET placement = $3, update_time = now()"  # noqa: S608
            " WHERE organization = $1 AND id = $2 AND placement = '' AND state NOT IN ('ENDED', 'FAILED')"
            f" RETURNING {_R}",
            trial.organization,
            uuid.UUID(trial.id),
            placement,
        )
        return await self._or_current(trial, row)

    async def end_unprovisioned(self, trial: Trial) -> Trial:
        """ENDED, if nothing of the trial has reached the broker (no placement planned); otherwise
        the trial as it now is."""
        row = await self.pool.fetchrow(
            "UPDATE market.trials SET state = 'ENDED', endpoint = '', update_time = now()"  # noqa: S608
            " WHERE organization = $1 AND id = $2 AND placement = '' AND deployment = ''"
            f" AND state NOT IN ('ENDED', 'FAILED') RETURNING {_R}",
            trial.organization,
            uuid.UUID(trial.id),
        )
        return await self._or_current(trial, row)

    async def _or_current(self, trial: Trial, row: asyncpg.Record | None) -> Trial:
        """The trial `row` returned by a guarded UPDATE, or the trial as it now is when the guard
        matched nothing (it had settled, or a concurrent call got there first)."""
        if row is None:
            found = await self.get_trial(trial.organization, trial.id)
            assert found is not None
            return found
        return _trial(row)

    async def needing_action(self, stale_before: datetime, limit: int) -> list[Trial]:
        """Unsettled trials market still owes the broker a call for: an EndTrial not yet taken
        (the broker was creating, or did not answer), or provisioning that never reached the broker."""
        rows = await self.pool.fetch(
            f"SELECT {_R} FROM market.trials"  # noqa: S608
            " WHERE state IN ('PROVISIONING', 'RUNNING', 'ENDING')"
            " AND (end_requested OR deployment = '') AND update_time < $1 ORDER BY seq LIMIT $2",
            stale_before,
            limit,
        )
        return [_trial(row) for row in rows]

    async def templates_of(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], TrialTemplate]:
        rows = await self.pool.fetch(
            f"SELECT {_T} FROM market.trial_templates t"  # noqa: S608
            " JOIN unnest($1::text[], $2::uuid[]) AS k(project_id, id) USING (project_id, id)",
            [k[0] for k in keys],
            [uuid.UUID(k[1]) for k in keys],
        )
        return {(r["project_id"], str(r["id"])): _template(r) for r in rows}
