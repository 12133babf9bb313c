"""Claims and publishers (migrations/0002_publishers.sql) through asyncpg."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

from jipan.servers.market.publishers.model import Claim, ClaimState, Publisher
from jipan.servers.runtime.idempotency import Connection

_CLAIM_COLUMNS = (
    "project_id, id, organization, method, challenge, state, evidence, expire_time, create_time, verify_time"
)


def _claim(row: asyncpg.Record) -> Claim:
    return Claim(
        project_id=row["project_id"],
        id=str(row["id"]),
        organization=row["organization"],
        method=row["method"],
        challenge=row["challenge"],
        state=ClaimState(row["state"]),
        evidence=row["evidence"],
        expire_time=row["expire_time"],
        create_time=row["create_time"],
        verify_time=row["verify_time"],
    )


class PublisherStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert_claim(
        self, project_id: str, organization: str, method: str, challenge: str, expire_time: datetime
    ) -> Claim:
        row = await self.pool.fetchrow(
            "INSERT INTO market.claims (project_id, id, organization, method, challenge, state, expire_time)"  # noqa: S608
            f" VALUES ($1, $2, $3, $4, $5, 'PENDING', $6) RETURNING {_CLAIM_COLUMNS}",
            project_id,
            uuid.uuid4(),
            organization,
            method,
            challenge,
            expire_time,
        )
        assert row is not None
        return _claim(row)

    async def get_claim(self, project_id: str, claim_id: str, conn: Connection | None = None) -> Claim | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_CLAIM_COLUMNS} FROM market.claims WHERE project_id = $1 AND id = $2",  # noqa: S608
            project_id,
            uuid.UUID(claim_id),
        )
        return None if row is None else _claim(row)

    async def list_claims(
        self, project_id: str, organization: str, before: int | None, limit: int
    ) -> list[tuple[int, Claim]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_CLAIM_COLUMNS} FROM market.claims"  # noqa: S608
            " WHERE project_id = $1 AND organization = $2 AND ($3::bigint IS NULL OR seq < $3)"
            " ORDER BY seq DESC LIMIT $4",
            project_id,
            organization,
            before,
            limit,
        )
        return [(row["seq"], _claim(row)) for row in rows]

    async def lock_publisher_of(self, conn: Connection, project_id: str) -> str | None:
        """The project's publisher ("" for none), its row locked; None when there is no such project."""
        value = await conn.fetchval(
            "SELECT publisher FROM market.projects WHERE id = $1 FOR UPDATE", project_id
        )
        return None if value is None else str(value)

    async def set_claim_result(
        self, claim: Claim, state: ClaimState, evidence: str, conn: Connection | None = None
    ) -> Claim:
        row = await (conn or self.pool).fetchrow(
            "UPDATE market.claims SET state = $3, evidence = $4,"  # noqa: S608
            " verify_time = CASE WHEN $3 = 'VERIFIED' THEN now() ELSE verify_time END"
            f" WHERE project_id = $1 AND id = $2 RETURNING {_CLAIM_COLUMNS}",
            claim.project_id,
            uuid.UUID(claim.id),
            state.value,
            evidence[:2000],
        )
        assert row is not None
        return _claim(row)

    async def make_publisher(self, conn: Connection, project_id: str, organization: str) -> None:
        await conn.execute(
            "INSERT INTO market.publishers (organization) VALUES ($1) ON CONFLICT DO NOTHING", organization
        )
        await conn.execute(
            "UPDATE market.projects p SET publisher = $2, update_time = now(),"
            " official = (SELECT official FROM market.publishers WHERE organization = $2) WHERE p.id = $1",
            project_id,
            organization,
        )

    async def get_publisher(self, organization: str) -> Publisher:
        official = await self.pool.fetchval(
            "SELECT official FROM market.publishers WHERE organization = $1", organization
        )
        projects = await self.pool.fetch(
            "SELECT id FROM market.projects WHERE publisher = $1 ORDER BY id", organization
        )
        return Publisher(organization, tuple(r["id"] for r in projects), bool(official))

    async def set_official(self, organization: str, official: bool) -> bool:
        """False when the organisation has never been a verified publisher."""
        async with self.pool.acquire() as conn, conn.transaction():
            status = await conn.execute(
                "UPDATE market.publishers SET official = $2, update_time = now() WHERE organization = $1",
                organization,
                official,
            )
            if not str(status).endswith(" 1"):
                return False
            await conn.execute(
                "UPDATE market.projects SET official = $2 WHERE publisher = $1", organization, official
            )
        return True

    async def source_urls(self, project_id: str) -> tuple[str, str]:
        row = await self.pool.fetchrow(
            "SELECT source_homepage, source_repository FROM market.projects WHERE id = $1", project_id
        )
        return ("", "") if row is None else (row["source_homepage"], row["source_repository"])
