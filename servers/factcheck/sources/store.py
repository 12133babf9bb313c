"""The sources table through asyncpg."""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg

from jipan.servers.factcheck.factchecks.types import Evidence
from jipan.servers.factcheck.sources.types import Assessment, Credibility, Source, SourceStatus
from jipan.servers.runtime.idempotency import Connection

_COLUMNS = (
    "owner, id, seq, target, normalized_target, domain_wide, credibility, evidence, evidence_links,"
    " assessed_by, assess_time, status, creator, create_time, update_time"
)


def _source(row: asyncpg.Record) -> Source:
    return Source(
        owner=row["owner"],
        id=row["id"],
        target=row["target"],
        normalized_target=row["normalized_target"],
        domain_wide=row["domain_wide"],
        assessment=Assessment(
            credibility=Credibility(row["credibility"]),
            evidence=row["evidence"],
            evidence_links=tuple(Evidence(e["uri"], e.get("title", "")) for e in row["evidence_links"]),
            assessed_by=row["assessed_by"],
            assess_time=row["assess_time"],
            status=SourceStatus(row["status"]),
        ),
        creator=row["creator"],
        create_time=row["create_time"],
        update_time=row["update_time"],
    )


def _links(assessment: Assessment) -> list[dict[str, str]]:
    return [{"uri": e.uri, "title": e.title} for e in assessment.evidence_links]


class SourceStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(self, conn: Connection, source: Source) -> Source | None:
        """The stored record; None when the owner has one for this normalised target."""
        a = source.assessment
        row = await conn.fetchrow(
            "INSERT INTO factcheck.sources (owner, id, target, normalized_target, domain_wide, credibility,"  # noqa: S608
            " evidence, evidence_links, assessed_by, assess_time, status, creator, create_time, update_time)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)"
            f" ON CONFLICT (owner, normalized_target) DO NOTHING RETURNING {_COLUMNS}",
            source.owner,
            source.id,
            source.target,
            source.normalized_target,
            source.domain_wide,
            a.credibility.value,
            a.evidence,
            _links(a),
            a.assessed_by,
            a.assess_time,
            a.status.value,
            source.creator,
            source.create_time,
        )
        return None if row is None else _source(row)

    async def find_id(self, conn: Connection, owner: str, normalized_target: str) -> str | None:
        value: str | None = await conn.fetchval(
            "SELECT id FROM factcheck.sources WHERE owner = $1 AND normalized_target = $2",
            owner,
            normalized_target,
        )
        return value

    async def get(self, owner: str, source_id: str, conn: Connection | None = None) -> Source | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_COLUMNS} FROM factcheck.sources WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            source_id,
        )
        return None if row is None else _source(row)

    async def page(
        self, owner: str, status: SourceStatus | None, after: int, limit: int
    ) -> list[tuple[int, Source]]:
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM factcheck.sources"  # noqa: S608
            " WHERE owner = $1 AND seq > $2 AND ($3::text IS NULL OR status = $3) ORDER BY seq LIMIT $4",
            owner,
            after,
            None if status is None else status.value,
            limit,
        )
        return [(row["seq"], _source(row)) for row in rows]

    async def update(self, owner: str, source_id: str, assessment: Assessment) -> Source | None:
        row = await self.pool.fetchrow(
            "UPDATE factcheck.sources SET credibility = $3, evidence = $4, evidence_links = $5,"  # noqa: S608
            " assessed_by = $6, assess_time = $7, status = $8, update_time = now()"
            f" WHERE owner = $1 AND id = $2 RETURNING {_COLUMNS}",
            owner,
            source_id,
            assessment.credibility.value,
            assessment.evidence,
            _links(assessment),
            assessment.assessed_by,
            assessment.assess_time,
            assessment.status.value,
        )
        return None if row is None else _source(row)

    async def published_for(self, targets: Sequence[str]) -> list[Source]:
        rows = await self.pool.fetch(
            f"SELECT {_COLUMNS} FROM factcheck.sources"  # noqa: S608
            " WHERE status = 'PUBLISHED' AND normalized_target = ANY($1::text[]) ORDER BY seq",
            list(targets),
        )
        return [_source(row) for row in rows]
