"""Spaces, members, invitations, activities, documents and decisions (migrations/0006_spaces.sql)."""

from __future__ import annotations

import uuid
from datetime import datetime

import asyncpg

from jipan.servers.market.spaces.model import (
    Activity,
    ActivityKind,
    Decision,
    Document,
    Invitation,
    Member,
    Space,
    SpaceRole,
)
from jipan.servers.runtime.idempotency import Connection

_D = "space_id, id, display_name, media_type, size_bytes, sha256, object_key, creator, create_time"
_C = "space_id, id, title, text, digest, ledger_receipt, creator, create_time"
_A = "space_id, id, kind, actor, subject, summary, create_time"


def _document(row: asyncpg.Record) -> Document:
    return Document(
        space_id=row["space_id"],
        id=str(row["id"]),
        display_name=row["display_name"],
        media_type=row["media_type"],
        size_bytes=row["size_bytes"],
        sha256=bytes(row["sha256"]),
        object_key=row["object_key"],
        creator=row["creator"],
        create_time=row["create_time"],
    )


def _decision(row: asyncpg.Record) -> Decision:
    return Decision(
        space_id=row["space_id"],
        id=str(row["id"]),
        title=row["title"],
        text=row["text"],
        digest=bytes(row["digest"]),
        ledger_receipt=row["ledger_receipt"],
        creator=row["creator"],
        create_time=row["create_time"],
    )


def _activity(row: asyncpg.Record) -> Activity:
    return Activity(
        space_id=row["space_id"],
        id=str(row["id"]),
        kind=ActivityKind(row["kind"]),
        actor=row["actor"],
        subject=row["subject"],
        summary=row["summary"],
        create_time=row["create_time"],
    )


class SpaceStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    # -- spaces and members ------------------------------------------------------

    async def insert_space(
        self,
        conn: Connection,
        space_id: str,
        display_name: str,
        description_zh: str,
        description_en: str,
        projects: list[str],
        owner: str,
    ) -> bool:
        inserted = await conn.fetchval(
            "INSERT INTO market.spaces"
            " (id, display_name, description_zh, description_en, projects, creator_org)"
            " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING true",
            space_id,
            display_name,
            description_zh,
            description_en,
            projects,
            owner,
        )
        if not inserted:
            return False
        await conn.execute(
            "INSERT INTO market.space_members (space_id, organization, role) VALUES ($1, $2, 'OWNER')",
            space_id,
            owner,
        )
        return True

    async def get_space(self, space_id: str, conn: Connection | None = None) -> Space | None:
        return (await self.get_spaces([space_id], conn)).get(space_id)

    async def get_spaces(self, space_ids: list[str], conn: Connection | None = None) -> dict[str, Space]:
        """The spaces with their members and pending invitations, in three queries for any number."""
        db = conn or self.pool
        rows = await db.fetch(
            "SELECT id, display_name, description_zh, description_en, projects, create_time"
            " FROM market.spaces WHERE id = ANY($1::text[])",
            space_ids,
        )
        members: dict[str, list[Member]] = {}
        for m in await db.fetch(
            "SELECT space_id, organization, role FROM market.space_members WHERE space_id = ANY($1::text[])"
            " ORDER BY since, organization",
            space_ids,
        ):
            members.setdefault(m["space_id"], []).append(Member(m["organization"], SpaceRole(m["role"])))
        invited: dict[str, list[Member]] = {}
        for m in await db.fetch(
            "SELECT space_id, organization, role FROM market.space_invitations"
            " WHERE space_id = ANY($1::text[]) ORDER BY seq",
            space_ids,
        ):
            invited.setdefault(m["space_id"], []).append(Member(m["organization"], SpaceRole(m["role"])))
        return {
            row["id"]: Space(
                id=row["id"],
                display_name=row["display_name"],
                description_zh=row["description_zh"],
                description_en=row["description_en"],
                projects=tuple(row["projects"]),
                members=tuple(members.get(row["id"], ())),
                invitations=tuple(invited.get(row["id"], ())),
                create_time=row["create_time"],
            )
            for row in rows
        }

    async def role_of(
        self, space_id: str, organization: str, conn: Connection | None = None
    ) -> SpaceRole | None:
        role = await (conn or self.pool).fetchval(
            "SELECT role FROM market.space_members WHERE space_id = $1 AND organization = $2",
            space_id,
            organization,
        )
        return None if role is None else SpaceRole(role)

    async def lock_space(self, conn: Connection, space_id: str) -> bool:
        return bool(await conn.fetchval("SELECT true FROM market.spaces WHERE id = $1 FOR UPDATE", space_id))

    async def list_spaces(self, organization: str, before: int | None, limit: int) -> list[tuple[int, str]]:
        rows = await self.pool.fetch(
            "SELECT s.seq, s.id FROM market.spaces s JOIN market.space_members m ON m.space_id = s.id"
            " WHERE m.organization = $1 AND ($2::bigint IS NULL OR s.seq < $2) ORDER BY s.seq DESC LIMIT $3",
            organization,
            before,
            limit,
        )
        return [(row["seq"], row["id"]) for row in rows]

    async def set_member(self, conn: Connection, space_id: str, organization: str, role: SpaceRole) -> None:
        await conn.execute(
            "UPDATE market.space_members SET role = $3 WHERE space_id = $1 AND organization = $2",
            space_id,
            organization,
            role.value,
        )

    async def remove_member(self, conn: Connection, space_id: str, organization: str) -> bool:
        status = await conn.execute(
            "DELETE FROM market.space_members WHERE space_id = $1 AND organization = $2",
            space_id,
            organization,
        )
        return str(status).endswith(" 1")

    async def owner_count(self, conn: Connection, space_id: str) -> int:
        return int(
            await conn.fetchval(
                "SELECT count(*) FROM market.space_members WHERE space_id = $1 AND role = 'OWNER'", space_id
            )
        )

    # -- invitations -------------------------------------------------------------

    async def invite(
        self, conn: Connection, space_id: str, organization: str, role: SpaceRole, inviter: str
    ) -> None:
        await conn.execute(
            "INSERT INTO market.space_invitations (space_id, organization, role, inviter)"
            " VALUES ($1, $2, $3, $4) ON CONFLICT (space_id, organization)"
            " DO UPDATE SET role = EXCLUDED.role, inviter = EXCLUDED.inviter",
            space_id,
            organization,
            role.value,
            inviter,
        )

    async def take_invitation(self, conn: Connection, space_id: str, organization: str) -> SpaceRole | None:
        """Delete the invitation; the role it offered (None when there was none)."""
        role = await conn.fetchval(
            "DELETE FROM market.space_invitations WHERE space_id = $1 AND organization = $2 RETURNING role",
            space_id,
            organization,
        )
        return None if role is None else SpaceRole(role)

    async def add_member(self, conn: Connection, space_id: str, organization: str, role: SpaceRole) -> None:
        await conn.execute(
            "INSERT INTO market.space_members (space_id, organization, role) VALUES ($1, $2, $3)"
            " ON CONFLICT (space_id, organization) DO UPDATE SET role = EXCLUDED.role",
            space_id,
            organization,
            role.value,
        )

    async def list_invitations(
        self, organization: str, before: int | None, limit: int
    ) -> list[tuple[int, Invitation]]:
        rows = await self.pool.fetch(
            "SELECT i.seq, i.space_id, s.display_name, i.organization, i.role, i.inviter, i.create_time"
            " FROM market.space_invitations i JOIN market.spaces s ON s.id = i.space_id"
            " WHERE i.organization = $1 AND ($2::bigint IS NULL OR i.seq < $2) ORDER BY i.seq DESC LIMIT $3",
            organization,
            before,
            limit,
        )
        return [
            (
                row["seq"],
                Invitation(
                    space_id=row["space_id"],
                    space_display_name=row["display_name"],
                    organization=row["organization"],
                    role=SpaceRole(row["role"]),
                    inviter=row["inviter"],
                    create_time=row["create_time"],
                ),
            )
            for row in rows
        ]

    # -- activity ----------------------------------------------------------------

    async def record(
        self, conn: Connection, space_id: str, kind: ActivityKind, actor: str, subject: str, summary: str
    ) -> None:
        await conn.execute(
            "INSERT INTO market.space_activities (space_id, id, kind, actor, subject, summary)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            space_id,
            uuid.uuid4(),
            kind.value,
            actor,
            subject,
            summary,
        )

    async def list_activities(
        self, space_id: str, before: int | None, limit: int
    ) -> list[tuple[int, Activity]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_A} FROM market.space_activities"  # noqa: S608
            " WHERE space_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
            space_id,
            before,
            limit,
        )
        return [(row["seq"], _activity(row)) for row in rows]

    # -- documents ---------------------------------------------------------------

    async def insert_document(self, conn: Connection, document: Document) -> Document:
        row = await conn.fetchrow(
            "INSERT INTO market.space_documents (space_id, id, display_name, media_type, size_bytes, sha256,"  # noqa: S608
            f" object_key, creator) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {_D}",
            document.space_id,
            uuid.UUID(document.id),
            document.display_name,
            document.media_type,
            document.size_bytes,
            document.sha256,
            document.object_key,
            document.creator,
        )
        assert row is not None
        return _document(row)

    async def get_document(self, space_id: str, document_id: str) -> Document | None:
        row = await self.pool.fetchrow(
            f"SELECT {_D} FROM market.space_documents WHERE space_id = $1 AND id = $2",  # noqa: S608
            space_id,
            uuid.UUID(document_id),
        )
        return None if row is None else _document(row)

    async def list_documents(
        self, space_id: str, before: int | None, limit: int
    ) -> list[tuple[int, Document]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_D} FROM market.space_documents"  # noqa: S608
            " WHERE space_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
            space_id,
            before,
            limit,
        )
        return [(row["seq"], _document(row)) for row in rows]

    # -- decisions ---------------------------------------------------------------

    async def insert_decision(
        self,
        conn: Connection,
        space_id: str,
        decision_id: str,
        title: str,
        text: str,
        digest: bytes,
        creator: str,
        create_time: datetime,
    ) -> Decision:
        row = await conn.fetchrow(
            "INSERT INTO market.space_decisions (space_id, id, title, text, digest, creator, create_time)"  # noqa: S608
            f" VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {_C}",
            space_id,
            uuid.UUID(decision_id),
            title,
            text,
            digest,
            creator,
            create_time,
        )
        assert row is not None
        return _decision(row)

    async def get_decision(
        self, space_id: str, decision_id: str, conn: Connection | None = None
    ) -> Decision | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_C} FROM market.space_decisions WHERE space_id = $1 AND id = $2",  # noqa: S608
            space_id,
            uuid.UUID(decision_id),
        )
        return None if row is None else _decision(row)

    async def unanchored_decisions(self, older_than_s: float, limit: int) -> list[Decision]:
        """Decisions recorded at least `older_than_s` ago whose digest has no receipt yet, oldest first."""
        rows = await self.pool.fetch(
            f"SELECT {_C} FROM market.space_decisions"  # noqa: S608
            " WHERE ledger_receipt = '' AND create_time <= now() - make_interval(secs => $1)"
            " ORDER BY seq LIMIT $2",
            older_than_s,
            limit,
        )
        return [_decision(row) for row in rows]

    async def set_receipt(self, space_id: str, decision_id: str, receipt: str) -> Decision:
        row = await self.pool.fetchrow(
            "UPDATE market.space_decisions SET ledger_receipt = $3"  # noqa: S608
            f" WHERE space_id = $1 AND id = $2 RETURNING {_C}",
            space_id,
            uuid.UUID(decision_id),
            receipt,
        )
        assert row is not None
        return _decision(row)

    async def list_decisions(
        self, space_id: str, before: int | None, limit: int
    ) -> list[tuple[int, Decision]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_C} FROM market.space_decisions"  # noqa: S608
            " WHERE space_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3",
            space_id,
            before,
            limit,
        )
        return [(row["seq"], _decision(row)) for row in rows]
