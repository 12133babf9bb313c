"""The federation schema (migrations/0001_federation.sql) through asyncpg.

Rows become domain types here and nowhere else.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import asyncpg

from jipan.servers.federation.bundle import TrustBundle
from jipan.servers.federation.types import Approval, Peer, PeerState

SCHEMA = "federation"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

IssueOutcome = Literal["recorded", "peer_not_active", "approval_withdrawn"]
"""What record_issued did: recorded the token, or refused it because the peer or an approval changed."""

_PEER_COLUMNS = (
    "id, org_id, peer_id, display_name, issuer, audience, bundle_endpoint, bundle_endpoint_ca_pem, state,"
    " pinned_fingerprint, bundle, bundle_fetch_time, bundle_error, create_time, update_time"
)


def _peer(row: asyncpg.Record) -> Peer:
    return Peer(
        id=row["id"],
        org_id=row["org_id"],
        peer_id=row["peer_id"],
        display_name=row["display_name"],
        issuer=row["issuer"],
        audience=row["audience"],
        bundle_endpoint=row["bundle_endpoint"],
        bundle_endpoint_ca_pem=row["bundle_endpoint_ca_pem"],
        state=PeerState(row["state"]),
        pinned_fingerprint=row["pinned_fingerprint"],
        bundle=TrustBundle.from_json(row["bundle"]),
        bundle_fetch_time=row["bundle_fetch_time"],
        bundle_error=row["bundle_error"],
        create_time=row["create_time"],
        update_time=row["update_time"],
    )


def _approval(row: asyncpg.Record) -> Approval:
    return Approval(
        org_id=row["org_id"],
        peer_id=row["peer_id"],
        approval_id=row["approval_id"],
        consumer=row["consumer"],
        methods=tuple(row["methods"]),
        approver=row["approver"],
        create_time=row["create_time"],
    )


class FederationStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert_peer(
        self,
        *,
        org_id: str,
        peer_id: str,
        display_name: str,
        issuer: str,
        audience: str,
        bundle_endpoint: str,
        bundle_endpoint_ca_pem: str,
        bundle: TrustBundle,
    ) -> Peer | None:
        """The new PENDING peer; None when the org has that id or any peer has that issuer."""
        row = await self.pool.fetchrow(
            "INSERT INTO federation.peers (id, org_id, peer_id, display_name, issuer, audience,"  # noqa: S608 (fixed columns)
            " bundle_endpoint, bundle_endpoint_ca_pem, state, pinned_fingerprint, bundle, bundle_fetch_time)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, now())"
            f" ON CONFLICT DO NOTHING RETURNING {_PEER_COLUMNS}",
            uuid.uuid4(),
            org_id,
            peer_id,
            display_name,
            issuer,
            audience,
            bundle_endpoint,
            bundle_endpoint_ca_pem,
            bundle.fingerprint,
            bundle.to_json(),
        )
        return None if row is None else _peer(row)

    async def peer(self, org_id: str, peer_id: str) -> Peer | None:
        row = await self.pool.fetchrow(
            f"SELECT {_PEER_COLUMNS} FROM federation.peers WHERE org_id = $1 AND peer_id = $2",  # noqa: S608 (fixed columns)
            org_id,
            peer_id,
        )
        return None if row is None else _peer(row)

    async def peer_by_issuer(self, issuer: str) -> Peer | None:
        row = await self.pool.fetchrow(
            f"SELECT {_PEER_COLUMNS} FROM federation.peers WHERE issuer = $1",  # noqa: S608 (fixed columns)
            issuer,
        )
        return None if row is None else _peer(row)

    async def peers(self, org_id: str, after: str, limit: int) -> list[Peer]:
        rows = await self.pool.fetch(
            f"SELECT {_PEER_COLUMNS} FROM federation.peers WHERE org_id = $1 AND peer_id > $2"  # noqa: S608 (fixed columns)
            " ORDER BY peer_id LIMIT $3",
            org_id,
            after,
            limit,
        )
        return [_peer(row) for row in rows]

    async def peers_due_for_refresh(self) -> list[Peer]:
        rows = await self.pool.fetch(
            f"SELECT {_PEER_COLUMNS} FROM federation.peers WHERE state <> 'suspended' AND"  # noqa: S608 (fixed columns)
            " bundle_fetch_time + make_interval(secs => (bundle->>'refresh_hint_s')::float8) <= now()"
        )
        return [_peer(row) for row in rows]

    async def active_peers(self) -> list[Peer]:
        rows = await self.pool.fetch(
            f"SELECT {_PEER_COLUMNS} FROM federation.peers WHERE state = 'active' ORDER BY id"  # noqa: S608 (fixed columns)
        )
        return [_peer(row) for row in rows]

    async def set_state(self, conn: Any, peer: uuid.UUID, state: PeerState) -> Peer:
        row = await conn.fetchrow(
            "UPDATE federation.peers SET state = $2, update_time = now() WHERE id = $1"  # noqa: S608 (fixed columns)
            f" RETURNING {_PEER_COLUMNS}",
            peer,
            state.value,
        )
        assert row is not None, "the peer was read in this request"
        return _peer(row)

    async def store_bundle(self, peer: uuid.UUID, bundle: TrustBundle) -> Peer | None:
        """Keep a refreshed bundle unless it is older (by sequence) than the one kept; None then."""
        row = await self.pool.fetchrow(
            "UPDATE federation.peers SET bundle = $2, bundle_fetch_time = now(), bundle_error = '',"  # noqa: S608 (fixed columns)
            " update_time = now() WHERE id = $1 AND (bundle->>'sequence')::bigint <= $3"
            f" RETURNING {_PEER_COLUMNS}",
            peer,
            bundle.to_json(),
            bundle.sequence,
        )
        return None if row is None else _peer(row)

    async def store_bundle_error(self, peer: uuid.UUID, error: str) -> Peer:
        row = await self.pool.fetchrow(
            f"UPDATE federation.peers SET bundle_error = $2 WHERE id = $1 RETURNING {_PEER_COLUMNS}",  # noqa: S608 (fixed columns)
            peer,
            error[:500],
        )
        assert row is not None, "the peer was read in this request"
        return _peer(row)

    async def insert_approval(
        self, peer: Peer, approval_id: str, consumer: str, methods: Sequence[str], approver: str
    ) -> Approval | None:
        row = await self.pool.fetchrow(
            "INSERT INTO federation.approvals (peer, approval_id, consumer, methods, approver)"
            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"
            " RETURNING $6::text AS org_id, $7::text AS peer_id, approval_id, consumer, methods, approver,"
            " create_time",
            peer.id,
            approval_id,
            consumer,
            list(methods),
            approver,
            peer.org_id,
            peer.peer_id,
        )
        return None if row is None else _approval(row)

    async def approvals(self, peer: Peer, after: str, limit: int) -> list[Approval]:
        rows = await self.pool.fetch(
            "SELECT $1::text AS org_id, $2::text AS peer_id, approval_id, consumer, methods, approver,"
            " create_time FROM federation.approvals WHERE peer = $3 AND approval_id > $4"
            " ORDER BY approval_id LIMIT $5",
            peer.org_id,
            peer.peer_id,
            peer.id,
            after,
            limit,
        )
        return [_approval(row) for row in rows]

    async def approvals_for(self, peer: Peer, consumers: Sequence[str]) -> list[Approval]:
        rows = await self.pool.fetch(
            "SELECT $1::text AS org_id, $2::text AS peer_id, approval_id, consumer, methods, approver,"
            " create_time FROM federation.approvals WHERE peer = $3 AND consumer = ANY($4::text[])"
            " ORDER BY approval_id",
            peer.org_id,
            peer.peer_id,
            peer.id,
            list(consumers),
        )
        return [_approval(row) for row in rows]

    async def org_approved_methods(self, org_id: str) -> list[str]:
        rows = await self.pool.fetch(
            "SELECT DISTINCT unnest(a.methods) AS method FROM federation.approvals a"
            " JOIN federation.peers p ON p.id = a.peer WHERE p.org_id = $1 ORDER BY 1",
            org_id,
        )
        return [row["method"] for row in rows]

    async def delete_approval(self, conn: Any, peer: uuid.UUID, approval_id: str) -> bool:
        deleted = await conn.fetchval(
            "DELETE FROM federation.approvals WHERE peer = $1 AND approval_id = $2 RETURNING true",
            peer,
            approval_id,
        )
        return bool(deleted)

    async def record_issued(
        self, jti: str, peer: uuid.UUID, approvals: Sequence[Approval], expire_time: datetime
    ) -> IssueOutcome:
        """Record a token minted under `approvals`, unless the peer or one of them changed since read.

        The peer's row and the approvals' rows are read FOR SHARE in the insert's
        transaction: a SuspendPeer or DeleteApproval that committed after the exchange
        read them is seen here (the token is refused, not recorded), and one that comes
        later waits for this commit, so its take_live_tokens finds and revokes the jti.
        An approval withdrawn and made again under the same id has another create_time.
        """
        async with self.pool.acquire() as conn, conn.transaction():
            state = await conn.fetchval("SELECT state FROM federation.peers WHERE id = $1 FOR SHARE", peer)
            if state != PeerState.ACTIVE.value:
                return "peer_not_active"
            rows = await conn.fetch(
                "SELECT approval_id, create_time FROM federation.approvals"
                " WHERE peer = $1 AND approval_id = ANY($2::text[]) FOR SHARE",
                peer,
                [a.approval_id for a in approvals],
            )
            if {(r["approval_id"], r["create_time"]) for r in rows} != {
                (a.approval_id, a.create_time) for a in approvals
            }:
                return "approval_withdrawn"
            await conn.execute(
                "INSERT INTO federation.issued_tokens (jti, peer, approvals, expire_time)"
                " VALUES ($1, $2, $3, $4)",
                jti,
                peer,
                [a.approval_id for a in approvals],
                expire_time,
            )
        # Expired ones revoke nothing any more.
        await self.pool.execute(
            "DELETE FROM federation.issued_tokens WHERE expire_time < now() - interval '10 minutes'"
        )
        return "recorded"

    async def take_live_tokens(
        self, conn: Any, peer: uuid.UUID, approval_id: str | None
    ) -> list[tuple[str, datetime]]:
        """Remove and return (jti, expire_time) of the peer's unexpired tokens (of one approval)."""
        rows = await conn.fetch(
            "DELETE FROM federation.issued_tokens WHERE peer = $1"
            " AND expire_time > now() - interval '1 minute'"
            " AND ($2::text IS NULL OR $2 = ANY(approvals)) RETURNING jti, expire_time",
            peer,
            approval_id,
        )
        return [(row["jti"], row["expire_time"]) for row in rows]
