"""The fact_checks table (migrations/0001_factcheck.sql) through asyncpg; rows become domain types here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from jipan.servers.factcheck.factchecks.types import Content, Evidence, FactCheck, Feedback, State, Verdict
from jipan.servers.runtime.idempotency import Connection

_COLUMNS = (
    "owner, id, ordinal, claim, title, verdict, rating_text, explanation, evidence, language,"
    " publisher_display_name, uri, claim_author, claim_appearances, claim_time, state, import_source,"
    " creator, create_time, update_time, publish_time, digest, ledger_receipt, withdraw_time,"
    " withdraw_reason, helpful_count, unhelpful_count, feedback_source, feedback_time"
)


def _fact_check(row: asyncpg.Record) -> FactCheck:
    return FactCheck(
        owner=row["owner"],
        id=row["id"],
        content=Content(
            claim=row["claim"],
            verdict=Verdict(row["verdict"]),
            language=row["language"],
            title=row["title"],
            rating_text=row["rating_text"],
            explanation=row["explanation"],
            evidence=tuple(Evidence(uri=e["uri"], title=e.get("title", "")) for e in row["evidence"]),
            publisher_display_name=row["publisher_display_name"],
            uri=row["uri"],
            claim_author=row["claim_author"],
            claim_appearances=tuple(row["claim_appearances"]),
            claim_time=row["claim_time"],
        ),
        state=State(row["state"]),
        import_source=row["import_source"],
        creator=row["creator"],
        create_time=row["create_time"],
        update_time=row["update_time"],
        publish_time=row["publish_time"],
        digest=bytes(row["digest"]) if row["digest"] is not None else b"",
        ledger_receipt=row["ledger_receipt"] or "",
        withdraw_time=row["withdraw_time"],
        withdraw_reason=row["withdraw_reason"],
        feedback=(
            Feedback(
                row["helpful_count"], row["unhelpful_count"], row["feedback_source"], row["feedback_time"]
            )
            if row["feedback_source"] is not None
            else None
        ),
    )


def _content_values(content: Content) -> list[Any]:
    return [
        content.claim,
        content.title,
        content.verdict.value,
        content.rating_text,
        content.explanation,
        [{"uri": e.uri, "title": e.title} for e in content.evidence],
        content.language,
        content.publisher_display_name,
        content.uri,
        content.claim_author,
        list(content.claim_appearances),
        content.claim_time,
    ]


def _feedback_values(feedback: Feedback | None) -> list[Any]:
    if feedback is None:
        return [None, None, None]
    return [feedback.helpful, feedback.unhelpful, feedback.source]


def _like(text: str) -> str:
    """`text` as a literal ILIKE pattern: its own % _ and \\ escaped."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


SETTLE_S = 5.0
"""How long after it is stamped a change counts as settled (longer than a write's transaction
takes from drawing its change number to committing; see settled_before)."""


@dataclass(frozen=True)
class Filters:
    state: State | None = None
    verdict: Verdict | None = None
    language: str = ""  # primary subtag, lower case
    query: str = ""
    publisher: str = ""


@dataclass(frozen=True)
class Change:
    """One fact-check as the matching index needs it, at change `seq`."""

    seq: int
    name: str
    owner: str
    text: str
    language: str
    published: bool
    vector: bytes | None
    vector_text_sha256: bytes | None
    update_time: datetime


class FactCheckStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(self, conn: Connection, fact_check: FactCheck) -> FactCheck | None:
        """The stored fact-check; None when the owner already imported this `import_source`."""
        row = await conn.fetchrow(
            "INSERT INTO factcheck.fact_checks (owner, id, claim, title, verdict, rating_text, explanation,"  # noqa: S608
            " evidence, language, publisher_display_name, uri, claim_author, claim_appearances, claim_time,"
            " state, import_source, creator, create_time, update_time, helpful_count, unhelpful_count,"
            " feedback_source, feedback_time)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18,"
            " $19, $20, $21, CASE WHEN $21::text IS NULL THEN NULL ELSE $18::timestamptz END)"
            f" ON CONFLICT (owner, import_source) WHERE import_source <> '' DO NOTHING RETURNING {_COLUMNS}",
            fact_check.owner,
            fact_check.id,
            *_content_values(fact_check.content),
            fact_check.state.value,
            fact_check.import_source,
            fact_check.creator,
            fact_check.create_time,
            *_feedback_values(fact_check.feedback),
        )
        return None if row is None else _fact_check(row)

    async def refresh_feedback(
        self, conn: Connection, owner: str, import_source: str, feedback: Feedback, now: datetime
    ) -> bool:
        """Set the readers' votes of the fact-check `owner` imported from `import_source`,
        when they differ from what is stored; whether they did."""
        status: str = await conn.execute(
            "UPDATE factcheck.fact_checks SET helpful_count = $3, unhelpful_count = $4,"
            " feedback_source = $5, feedback_time = $6"
            " WHERE owner = $1 AND import_source = $2 AND import_source <> ''"
            " AND (helpful_count, unhelpful_count, feedback_source) IS DISTINCT FROM ($3, $4, $5)",
            owner,
            import_source,
            feedback.helpful,
            feedback.unhelpful,
            feedback.source,
            now,
        )
        return status == "UPDATE 1"

    async def get(self, owner: str, fact_check_id: str, conn: Connection | None = None) -> FactCheck | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_COLUMNS} FROM factcheck.fact_checks WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            fact_check_id,
        )
        return None if row is None else _fact_check(row)

    async def get_many(self, names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], FactCheck]:
        """The fact-checks of (owner, id) pairs that exist, in one query."""
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM factcheck.fact_checks"  # noqa: S608
            " WHERE (owner, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
            [owner for owner, _ in names],
            [fact_check_id for _, fact_check_id in names],
        )
        return {(row["owner"], row["id"]): _fact_check(row) for row in rows}

    async def page(
        self, owner: str | None, filters: Filters, before: int, limit: int
    ) -> list[tuple[int, FactCheck]]:
        """Newest first (by creation), keyset on `ordinal` < before (0: from the newest)."""
        clauses = ["($1::text IS NULL OR owner = $1)", "($2 = 0 OR ordinal < $2)"]
        args: list[Any] = [owner, before]
        if filters.state is not None:
            args.append(filters.state.value)
            clauses.append(f"state = ${len(args)}")
        if filters.verdict is not None:
            args.append(filters.verdict.value)
            clauses.append(f"verdict = ${len(args)}")
        if filters.language:
            args.append(filters.language)
            clauses.append(f"lower(split_part(language, '-', 1)) = ${len(args)}")
        if filters.publisher:
            args.append(filters.publisher)
            clauses.append(f"owner = ${len(args)}")
        if filters.query:
            args.append(_like(filters.query))
            n = len(args)
            clauses.append(f"(claim ILIKE ${n} OR title ILIKE ${n} OR explanation ILIKE ${n})")
        args.append(limit)
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM factcheck.fact_checks WHERE {' AND '.join(clauses)}"  # noqa: S608
            f" ORDER BY ordinal DESC LIMIT ${len(args)}",
            *args,
        )
        return [(row["ordinal"], _fact_check(row)) for row in rows]

    async def update_content(
        self,
        owner: str,
        fact_check_id: str,
        content: Content,
        update_time: datetime,
        digest: bytes | None,
        state: State,
    ) -> FactCheck | None:
        """Replace the content (and, for a published one, its digest, clearing the old receipt);
        None when there is no such fact-check in `state` (any more: the digest was made for it)."""
        row = await self.pool.fetchrow(
            "UPDATE factcheck.fact_checks SET claim = $3, title = $4, verdict = $5, rating_text = $6,"  # noqa: S608
            " explanation = $7, evidence = $8, language = $9, publisher_display_name = $10, uri = $11,"
            " claim_author = $12, claim_appearances = $13, claim_time = $14, update_time = $15,"
            " digest = $16, ledger_receipt = NULL, seq = nextval('factcheck.change_seq')"
            f" WHERE owner = $1 AND id = $2 AND state = $17 RETURNING {_COLUMNS}",
            owner,
            fact_check_id,
            *_content_values(content),
            update_time,
            digest,
            state.value,
        )
        return None if row is None else _fact_check(row)

    async def publish(
        self, conn: Connection, owner: str, fact_check_id: str, publish_time: datetime, digest: bytes
    ) -> FactCheck | None:
        """Publish a draft; None when it is not a draft (any more)."""
        row = await conn.fetchrow(
            "UPDATE factcheck.fact_checks SET state = 'PUBLISHED', publish_time = $3, update_time = $3,"  # noqa: S608
            " digest = $4, seq = nextval('factcheck.change_seq')"
            f" WHERE owner = $1 AND id = $2 AND state = 'DRAFT' RETURNING {_COLUMNS}",
            owner,
            fact_check_id,
            publish_time,
            digest,
        )
        return None if row is None else _fact_check(row)

    async def withdraw(
        self, owner: str, fact_check_id: str, withdraw_time: datetime, reason: str, digest: bytes
    ) -> FactCheck | None:
        """Withdraw a published fact-check (the new digest replaces the receipt); None when it is
        not published (any more)."""
        row = await self.pool.fetchrow(
            "UPDATE factcheck.fact_checks SET state = 'WITHDRAWN', withdraw_time = $3, update_time = $3,"  # noqa: S608
            " withdraw_reason = $4, digest = $5, ledger_receipt = NULL, seq = nextval('factcheck.change_seq')"
            f" WHERE owner = $1 AND id = $2 AND state = 'PUBLISHED' RETURNING {_COLUMNS}",
            owner,
            fact_check_id,
            withdraw_time,
            reason,
            digest,
        )
        return None if row is None else _fact_check(row)

    async def delete_draft(self, owner: str, fact_check_id: str) -> bool:
        """Delete a draft; False when there is no draft of that name (any more)."""
        deleted = await self.pool.fetchval(
            "DELETE FROM factcheck.fact_checks WHERE owner = $1 AND id = $2 AND state = 'DRAFT' RETURNING id",
            owner,
            fact_check_id,
        )
        return deleted is not None

    async def set_receipt(self, owner: str, fact_check_id: str, digest: bytes, receipt: str) -> None:
        """Record the receipt of `digest`, unless the content changed meanwhile (another digest)."""
        await self.pool.execute(
            "UPDATE factcheck.fact_checks SET ledger_receipt = $4"
            " WHERE owner = $1 AND id = $2 AND digest = $3",
            owner,
            fact_check_id,
            digest,
            receipt,
        )

    async def unanchored(self, owner: str, limit: int) -> list[FactCheck]:
        """Published or withdrawn fact-checks of `owner` whose digest has no ledger receipt yet (one
        with no digest has nothing to anchor)."""
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM factcheck.fact_checks"  # noqa: S608
            " WHERE owner = $1 AND state <> 'DRAFT' AND ledger_receipt IS NULL AND digest IS NOT NULL"
            " ORDER BY ordinal LIMIT $2",
            owner,
            limit,
        )
        return [_fact_check(row) for row in rows]

    async def unanchored_owners(self, older_than_s: float) -> list[str]:
        """The owners with a published or withdrawn fact-check unchanged for `older_than_s` whose
        digest has no ledger receipt yet."""
        rows = await self.pool.fetch(
            "SELECT DISTINCT owner FROM factcheck.fact_checks WHERE state <> 'DRAFT'"
            " AND ledger_receipt IS NULL AND digest IS NOT NULL"
            " AND update_time <= now() - make_interval(secs => $1) ORDER BY owner",
            older_than_s,
        )
        return [row["owner"] for row in rows]

    async def feed(self, publisher: str | None, after: int, limit: int) -> list[tuple[int, FactCheck]]:
        """Fact-checks changed after change `after`, drafts included (the caller skips them), in
        change order: (seq, fact-check)."""
        rows = await self.pool.fetch(
            f"SELECT seq, {_COLUMNS} FROM factcheck.fact_checks"  # noqa: S608
            " WHERE seq > $1 AND ($2::text IS NULL OR owner = $2) ORDER BY seq LIMIT $3",
            after,
            publisher,
            limit,
        )
        return [(row["seq"], _fact_check(row)) for row in rows]

    async def settled_before(self) -> datetime:
        """A change stamped before this time is visible to every reader from now on.

        Change numbers are drawn when a write runs and seen when its transaction commits, so
        a reader can see a later-numbered change before an earlier one. A change is taken as
        settled once it is older than SETTLE_S and than the start of every write transaction
        still open in this database (an import that has run for a minute may still commit
        changes numbered before ones already read). The matching index and the feed read by it."""
        oldest = await self.pool.fetchval(
            "SELECT min(xact_start) FROM pg_stat_activity"
            " WHERE backend_xid IS NOT NULL AND datname = current_database()"
        )
        now = datetime.now(UTC)
        return (min(now, oldest) if oldest is not None else now) - timedelta(seconds=SETTLE_S)

    async def changes(self, after: int, limit: int) -> list[Change]:
        rows = await self.pool.fetch(
            "SELECT seq, owner, id, claim, title, language, state, vector, vector_text_sha256, update_time"
            " FROM factcheck.fact_checks WHERE seq > $1 ORDER BY seq LIMIT $2",
            after,
            limit,
        )
        return [
            Change(
                seq=row["seq"],
                name=f"{row['owner']}/factChecks/{row['id']}",
                owner=row["owner"],
                text=f"{row['title']}\n{row['claim']}" if row["title"] else row["claim"],
                language=row["language"],
                published=row["state"] == State.PUBLISHED.value,
                vector=None if row["vector"] is None else bytes(row["vector"]),
                vector_text_sha256=None
                if row["vector_text_sha256"] is None
                else bytes(row["vector_text_sha256"]),
                update_time=row["update_time"],
            )
            for row in rows
        ]

    async def set_vectors(self, vectors: Sequence[tuple[str, str, bytes, bytes]]) -> None:
        """Keep embeddings, (owner, id, vector, text digest) each; `seq` stays (not a change to index)."""
        await self.pool.executemany(
            "UPDATE factcheck.fact_checks SET vector = $3, vector_text_sha256 = $4"
            " WHERE owner = $1 AND id = $2",
            vectors,
        )
