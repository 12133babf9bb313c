"""Questions, answers, votes and reports (migrations/0004_questions.sql) through asyncpg."""

from __future__ import annotations

import uuid

import asyncpg

from jipan.servers.market.qa.model import Answer, Question
from jipan.servers.runtime.idempotency import Connection

_Q = (
    "project_id, id, author_org, author_subject, title, body, accepted_answer, hidden, hidden_reason,"
    " create_time"
)
_A = (
    "a.project_id, a.question_id, a.id, a.author_org, a.body, a.score, a.hidden, a.hidden_reason,"
    " a.create_time,"
    " (q.accepted_answer IS NOT DISTINCT FROM a.id) AS accepted"
)


def _question(row: asyncpg.Record) -> Question:
    return Question(
        project_id=row["project_id"],
        id=str(row["id"]),
        author_org=row["author_org"],
        author_subject=row["author_subject"],
        title=row["title"],
        body=row["body"],
        accepted_answer="" if row["accepted_answer"] is None else str(row["accepted_answer"]),
        hidden=row["hidden"],
        hidden_reason=row["hidden_reason"],
        create_time=row["create_time"],
    )


def _answer(row: asyncpg.Record) -> Answer:
    return Answer(
        project_id=row["project_id"],
        question_id=str(row["question_id"]),
        id=str(row["id"]),
        author_org=row["author_org"],
        body=row["body"],
        score=row["score"],
        accepted=bool(row["accepted"]),
        hidden=row["hidden"],
        hidden_reason=row["hidden_reason"],
        create_time=row["create_time"],
    )


class QuestionStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert_question(
        self, conn: Connection, project_id: str, org: str, subject: str, title: str, body: str
    ) -> Question:
        row = await conn.fetchrow(
            "INSERT INTO market.questions (project_id, id, author_org, author_subject, title, body)"  # noqa: S608
            f" VALUES ($1, $2, $3, $4, $5, $6) RETURNING {_Q}",
            project_id,
            uuid.uuid4(),
            org,
            subject,
            title,
            body,
        )
        assert row is not None
        return _question(row)

    async def get_question(
        self, project_id: str, question_id: str, conn: Connection | None = None
    ) -> Question | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_Q} FROM market.questions WHERE project_id = $1 AND id = $2",  # noqa: S608
            project_id,
            uuid.UUID(question_id),
        )
        return None if row is None else _question(row)

    async def list_questions(
        self, project_id: str, viewer_org: str, moderator: bool, before: int | None, limit: int
    ) -> list[tuple[int, Question]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_Q} FROM market.questions"  # noqa: S608
            " WHERE project_id = $1 AND (NOT hidden OR $2 OR author_org = $3)"
            " AND ($4::bigint IS NULL OR seq < $4) ORDER BY seq DESC LIMIT $5",
            project_id,
            moderator,
            viewer_org,
            before,
            limit,
        )
        return [(row["seq"], _question(row)) for row in rows]

    async def insert_answer(
        self, conn: Connection, project_id: str, question_id: str, org: str, subject: str, body: str
    ) -> Answer:
        answer_id = uuid.uuid4()
        await conn.execute(
            "INSERT INTO market.answers (project_id, question_id, id, author_org, author_subject, body)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            project_id,
            uuid.UUID(question_id),
            answer_id,
            org,
            subject,
            body,
        )
        found = await self.get_answer(project_id, question_id, str(answer_id), conn)
        assert found is not None
        return found

    async def get_answer(
        self, project_id: str, question_id: str, answer_id: str, conn: Connection | None = None
    ) -> Answer | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_A} FROM market.answers a JOIN market.questions q"  # noqa: S608
            " ON q.project_id = a.project_id AND q.id = a.question_id"
            " WHERE a.project_id = $1 AND a.question_id = $2 AND a.id = $3",
            project_id,
            uuid.UUID(question_id),
            uuid.UUID(answer_id),
        )
        return None if row is None else _answer(row)

    async def list_answers(
        self, project_id: str, question_id: str, viewer_org: str, moderator: bool, offset: int, limit: int
    ) -> list[Answer]:
        rows = await self.pool.fetch(
            f"SELECT {_A} FROM market.answers a JOIN market.questions q"  # noqa: S608
            " ON q.project_id = a.project_id AND q.id = a.question_id"
            " WHERE a.project_id = $1 AND a.question_id = $2 AND (NOT a.hidden OR $3 OR a.author_org = $4)"
            " ORDER BY accepted DESC, a.score DESC, a.seq OFFSET $5 LIMIT $6",
            project_id,
            uuid.UUID(question_id),
            moderator,
            viewer_org,
            offset,
            limit,
        )
        return [_answer(r) for r in rows]

    async def vote(self, project_id: str, question_id: str, answer_id: str, voter: str, vote: int) -> None:
        keys = (project_id, uuid.UUID(question_id), uuid.UUID(answer_id))
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "SELECT 1 FROM market.answers"
                " WHERE project_id = $1 AND question_id = $2 AND id = $3 FOR UPDATE",
                *keys,
            )
            if vote == 0:
                await conn.execute(
                    "DELETE FROM market.votes WHERE project_id = $1 AND question_id = $2 AND answer_id = $3"
                    " AND voter = $4",
                    *keys,
                    voter,
                )
            else:
                await conn.execute(
                    "INSERT INTO market.votes (project_id, question_id, answer_id, voter, vote)"
                    " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (project_id, question_id, answer_id, voter)"
                    " DO UPDATE SET vote = EXCLUDED.vote",
                    *keys,
                    voter,
                    vote,
                )
            await conn.execute(
                "UPDATE market.answers SET score = (SELECT coalesce(sum(vote), 0) FROM market.votes"
                " WHERE project_id = $1 AND question_id = $2 AND answer_id = $3)"
                " WHERE project_id = $1 AND question_id = $2 AND id = $3",
                *keys,
            )

    async def accept(self, project_id: str, question_id: str, answer_id: str) -> None:
        await self.pool.execute(
            "UPDATE market.questions SET accepted_answer = $3 WHERE project_id = $1 AND id = $2",
            project_id,
            uuid.UUID(question_id),
            uuid.UUID(answer_id),
        )

    async def report(self, target: str, reporter: str, reporter_org: str, reason: str) -> None:
        await self.pool.execute(
            "INSERT INTO market.reports (target, reporter, reporter_org, reason) VALUES ($1, $2, $3, $4)",
            target,
            reporter,
            reporter_org,
            reason,
        )

    async def hide_question(self, project_id: str, question_id: str, reason: str) -> bool:
        status = await self.pool.execute(
            "UPDATE market.questions SET hidden = true, hidden_reason = $3 WHERE project_id = $1 AND id = $2",
            project_id,
            uuid.UUID(question_id),
            reason,
        )
        return str(status).endswith(" 1")

    async def hide_answer(self, project_id: str, question_id: str, answer_id: str, reason: str) -> bool:
        status = await self.pool.execute(
            "UPDATE market.answers SET hidden = true, hidden_reason = $4"
            " WHERE project_id = $1 AND question_id = $2 AND id = $3",
            project_id,
            uuid.UUID(question_id),
            uuid.UUID(answer_id),
            reason,
        )
        return str(status).endswith(" 1")
