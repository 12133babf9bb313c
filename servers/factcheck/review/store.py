"""The review_tasks, review_labels and threshold_fits tables through asyncpg."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

from jipan.servers.factcheck.matching import ThresholdFit
from jipan.servers.factcheck.review.types import Decision, Fit, Outcome, ReviewTask, Suggestion, TaskState
from jipan.servers.runtime.idempotency import Connection

_COLUMNS = (
    "owner, id, seq, claim, language, state, suggestion, outcome, decided_fact_check, note, reviewer,"
    " decide_time, disagreement, submitter, create_time, digest, ledger_receipt"
)


def _task(row: asyncpg.Record) -> ReviewTask:
    decision = None
    if row["outcome"] is not None:
        decision = Decision(
            outcome=Outcome(row["outcome"]),
            fact_check=row["decided_fact_check"],
            note=row["note"],
            reviewer=row["reviewer"],
            decide_time=row["decide_time"],
        )
    return ReviewTask(
        owner=row["owner"],
        id=row["id"],
        claim=row["claim"],
        language=row["language"],
        state=TaskState(row["state"]),
        suggestion=Suggestion.from_json(row["suggestion"]),
        decision=decision,
        disagreement=row["disagreement"],
        submitter=row["submitter"],
        create_time=row["create_time"],
        digest=bytes(row["digest"]) if row["digest"] is not None else b"",
        ledger_receipt=row["ledger_receipt"] or "",
    )


class ReviewStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(self, conn: Connection, task: ReviewTask) -> ReviewTask:
        row = await conn.fetchrow(
            "INSERT INTO factcheck.review_tasks (owner, id, claim, language, state, suggestion, submitter,"  # noqa: S608
            f" create_time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {_COLUMNS}",
            task.owner,
            task.id,
            task.claim,
            task.language,
            task.state.value,
            task.suggestion.to_json(),
            task.submitter,
            task.create_time,
        )
        assert row is not None  # INSERT ... RETURNING always returns the row
        return _task(row)

    async def get(self, owner: str, task_id: str, conn: Connection | None = None) -> ReviewTask | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_COLUMNS} FROM factcheck.review_tasks WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            task_id,
        )
        return None if row is None else _task(row)

    async def page(
        self, owner: str, state: TaskState | None, disagreements_only: bool, after: int, limit: int
    ) -> list[tuple[int, ReviewTask]]:
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM factcheck.review_tasks"  # noqa: S608
            " WHERE owner = $1 AND seq > $2 AND ($3::text IS NULL OR state = $3) AND (NOT $4 OR disagreement)"
            " ORDER BY seq LIMIT $5",
            owner,
            after,
            None if state is None else state.value,
            disagreements_only,
            limit,
        )
        return [(row["seq"], _task(row)) for row in rows]

    async def decide(
        self,
        conn: Connection,
        owner: str,
        task_id: str,
        decision: Decision,
        disagreement: bool,
        digest: bytes,
        labels: list[tuple[str, float, bool]],
    ) -> ReviewTask | None:
        """Record the decision on an OPEN task with its labels; None when it is not OPEN any more."""
        row = await conn.fetchrow(
            "UPDATE factcheck.review_tasks SET state = 'DECIDED', outcome = $3, decided_fact_check = $4,"  # noqa: S608
            " note = $5, reviewer = $6, decide_time = $7, disagreement = $8, digest = $9"
            f" WHERE owner = $1 AND id = $2 AND state = 'OPEN' RETURNING {_COLUMNS}",
            owner,
            task_id,
            decision.outcome.value,
            decision.fact_check,
            decision.note,
            decision.reviewer,
            decision.decide_time,
            disagreement,
            digest,
        )
        if row is None:
            return None
        await conn.executemany(
            "INSERT INTO factcheck.review_labels (owner, task, fact_check, score, confirmed)"
            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            [(owner, task_id, fact_check, score, confirmed) for fact_check, score, confirmed in labels],
        )
        return _task(row)

    async def unanchored(self, older_than_s: float, limit: int) -> list[ReviewTask]:
        """Tasks decided at least `older_than_s` ago whose digest has no ledger receipt yet."""
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM factcheck.review_tasks"  # noqa: S608
            " WHERE state = 'DECIDED' AND ledger_receipt IS NULL AND digest IS NOT NULL"
            " AND decide_time <= now() - make_interval(secs => $1) ORDER BY decide_time LIMIT $2",
            older_than_s,
            limit,
        )
        return [_task(row) for row in rows]

    async def set_receipt(self, owner: str, task_id: str, receipt: str) -> None:
        await self.pool.execute(
            "UPDATE factcheck.review_tasks SET ledger_receipt = $3 WHERE owner = $1 AND id = $2",
            owner,
            task_id,
            receipt,
        )

    async def labels(self, organization: str = "") -> list[tuple[float, bool]]:
        """Every labelled suggestion, or those of `organization`'s review tasks."""
        rows = await self.pool.fetch(
            "SELECT score, confirmed FROM factcheck.review_labels WHERE $1 = '' OR owner = $1", organization
        )
        return [(float(row["score"]), bool(row["confirmed"])) for row in rows]

    async def last_fit(self, organization: str) -> Fit | None:
        """The fit in force for `organization` ("" the whole base): its last, unless that one is a drop."""
        row = await self.pool.fetchrow(
            "SELECT threshold_before, threshold_after, precision_before, recall_before, precision_after,"
            " recall_after, decisions, fitter, fit_time, dropped FROM factcheck.threshold_fits"
            " WHERE organization = $1 ORDER BY seq DESC LIMIT 1",
            organization,
        )
        if row is None or row["dropped"]:
            return None
        fit = ThresholdFit(
            threshold_before=row["threshold_before"],
            threshold_after=row["threshold_after"],
            precision_before=row["precision_before"],
            recall_before=row["recall_before"],
            precision_after=row["precision_after"],
            recall_after=row["recall_after"],
            decisions=row["decisions"],
        )
        return Fit(fit, row["fitter"], row["fit_time"], organization)

    async def insert_drop(
        self, organization: str, base_threshold: float, fitter: str, drop_time: datetime
    ) -> float | None:
        """Record that `organization` drops its own threshold; its threshold that was in force,
        or None (and nothing recorded) when it had none. One statement: the check and the row
        commit together."""
        before: float | None = await self.pool.fetchval(
            "INSERT INTO factcheck.threshold_fits (threshold_before, threshold_after, precision_before,"
            " recall_before, precision_after, recall_after, decisions, fitter, fit_time, organization,"
            " dropped)"
            " SELECT last.threshold_after, $2, 0, 0, 0, 0, 0, $3, $4, $1, true FROM ("
            "   SELECT threshold_after, dropped FROM factcheck.threshold_fits WHERE organization = $1"
            "   ORDER BY seq DESC LIMIT 1"
            " ) AS last WHERE NOT last.dropped"
            " RETURNING threshold_before",
            organization,
            base_threshold,
            fitter,
            drop_time,
        )
        return before

    async def insert_fit(
        self, values: dict[str, Any], fitter: str, fit_time: datetime, organization: str = ""
    ) -> None:
        await self.pool.execute(
            "INSERT INTO factcheck.threshold_fits (threshold_before, threshold_after, precision_before,"
            " recall_before, precision_after, recall_after, decisions, fitter, fit_time, organization)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            values["threshold_before"],
            values["threshold_after"],
            values["precision_before"],
            values["recall_before"],
            values["precision_after"],
            values["recall_after"],
            values["decisions"],
            fitter,
            fit_time,
            organization,
        )
