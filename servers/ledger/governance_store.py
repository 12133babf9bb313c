"""PostgreSQL mirror of the ConsortiumRegistry (schema `ledger`, migration 0002); the SQL lives here only.

Rows are written after the transaction that changed the chain was mined, and
keyed by the registry's address. `sync_registry` rebuilds them from a
snapshot of the chain, for a mirror that missed writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from jipan.servers.ledger.consortium import ZERO_ACCOUNT, RegistrySnapshot
from jipan.servers.ledger.store import Connection

_WRITER_LOCK = "jipan.ledger.governance-mirror"


@dataclass(frozen=True, slots=True)
class KnownAccount:
    """Mirror-only fields of an account, as the ledger recorded them (empty when unknown)."""

    organization: str
    contact: str
    enode: str


@dataclass(frozen=True, slots=True)
class MemberRecord:
    seq: int
    account: bytes
    organization: str
    legal_name: str
    registration_number: str
    contact: str
    active: bool
    admit_time: datetime


@dataclass(frozen=True, slots=True)
class NodeRecord:
    seq: int
    account: bytes
    operator_organization: str
    role: str
    enode: str
    active: bool
    add_time: datetime


@dataclass(frozen=True, slots=True)
class ProposalRecord:
    id: int
    kind: str
    account: bytes
    operator_organization: str
    role: str
    organization: str
    legal_name: str
    registration_number: str
    contact: str
    enode: str
    proposer_organization: str
    votes: int
    required_votes: int
    executed: bool
    voters: tuple[str, ...]
    transaction_hash: bytes
    create_time: datetime


def _member(row: asyncpg.Record) -> MemberRecord:
    return MemberRecord(
        seq=int(row["seq"]),
        account=bytes(row["account"]),
        organization=row["organization"],
        legal_name=row["legal_name"],
        registration_number=row["registration_number"],
        contact=row["contact"],
        active=bool(row["active"]),
        admit_time=row["admit_time"],
    )


def _node(row: asyncpg.Record) -> NodeRecord:
    return NodeRecord(
        seq=int(row["seq"]),
        account=bytes(row["account"]),
        operator_organization=row["operator_organization"] or "",
        role=row["role"],
        enode=row["enode"],
        active=bool(row["active"]),
        add_time=row["add_time"],
    )


_PROPOSAL_SELECT = """
SELECT p.*, op.organization AS operator_organization, pr.organization AS proposer_organization,
       ARRAY(SELECT COALESCE(m.organization, '') FROM ledger.consortium_votes v
               LEFT JOIN ledger.consortium_members m ON m.registry = v.registry AND m.account = v.voter
              WHERE v.registry = p.registry AND v.proposal_id = p.id ORDER BY v.block_number, v.voter)
         AS voters
  FROM ledger.consortium_proposals p
  LEFT JOIN ledger.consortium_members op ON op.registry = p.registry AND op.account = p.operator
  LEFT JOIN ledger.consortium_members pr ON pr.registry = p.registry AND pr.account = p.proposer
"""


def _proposal(row: asyncpg.Record) -> ProposalRecord:
    return ProposalRecord(
        id=int(row["id"]),
        kind=row["kind"],
        account=bytes(row["account"]),
        operator_organization=row["operator_organization"] or "",
        role=row["role"],
        organization=row["organization"],
        legal_name=row["legal_name"],
        registration_number=row["registration_number"],
        contact=row["contact"],
        enode=row["enode"],
        proposer_organization=row["proposer_organization"] or "",
        votes=int(row["votes"]),
        required_votes=int(row["required_votes"]),
        executed=bool(row["executed"]),
        voters=tuple(row["voters"]),
        transaction_hash=bytes(row["transaction_hash"]),
        create_time=row["create_time"],
    )


class GovernanceStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def lock_writers(self, conn: Connection) -> None:
        """Serialise the mirror's writers (every replica's governance writes and resyncs) until
        the caller's transaction ends, so that a resync never writes an older chain state
        over a newer write."""
        await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", _WRITER_LOCK)

    async def known_accounts(self, conn: Connection, registry: bytes) -> dict[bytes, KnownAccount]:
        """What only the mirror knows about each account (organisation, contact, enode): from
        the proposals that named it, newest last, then from its member row."""
        known: dict[bytes, KnownAccount] = {}
        rows = await conn.fetch(
            "SELECT account, organization, contact, enode FROM ledger.consortium_proposals"
            " WHERE registry = $1 AND kind IN ('ADMIT_MEMBER', 'ADD_NODE') ORDER BY id",
            registry,
        )
        for row in rows:
            known[bytes(row["account"])] = KnownAccount(row["organization"], row["contact"], row["enode"])
        rows = await conn.fetch(
            "SELECT account, organization, contact FROM ledger.consortium_members WHERE registry = $1",
            registry,
        )
        for row in rows:
            account = bytes(row["account"])
            enode = known[account].enode if account in known else ""
            known[account] = KnownAccount(row["organization"], row["contact"], enode)
        return known

    async def sync_registry(
        self,
        conn: Connection,
        registry: bytes,
        snapshot: RegistrySnapshot,
        organizations: dict[bytes, str],
        known: dict[bytes, KnownAccount],
    ) -> None:
        """Make the mirror of `registry` say what `snapshot` says.

        Rows the chain does not have are deleted; chain fields are overwritten;
        the fields only the mirror keeps (contact, enode, a proposal's
        organisation) stay, or come from `known` for rows written here.
        `organizations` names the organisation of each member account.
        """
        votes = [(v.proposal_id, v.account) for v in snapshot.votes]
        await conn.execute(
            "DELETE FROM ledger.consortium_votes WHERE registry = $1 AND (proposal_id, voter) NOT IN"
            " (SELECT * FROM unnest($2::bigint[], $3::bytea[]))",
            registry,
            [v[0] for v in votes],
            [v[1] for v in votes],
        )
        await conn.execute(
            "DELETE FROM ledger.consortium_proposals WHERE registry = $1 AND id >= $2",
            registry,
            len(snapshot.proposals),
        )
        await conn.execute(
            "DELETE FROM ledger.consortium_nodes WHERE registry = $1 AND account <> ALL($2::bytea[])",
            registry,
            [account for account, _ in snapshot.nodes],
        )
        await conn.execute(
            "DELETE FROM ledger.consortium_members WHERE registry = $1 AND account <> ALL($2::bytea[])",
            registry,
            [account for account, _ in snapshot.members],
        )
        for p in snapshot.proposals:
            made = snapshot.proposed.get(p.id)
            if made is None:
                raise LookupError(f"the Proposed event of proposal {p.id} is not available")
            await conn.execute(
                """
                INSERT INTO ledger.consortium_proposals
                       (registry, id, kind, account, operator, role, organization, legal_name,
                        registration_number, proposer, votes, required_votes, executed,
                        transaction_hash, block_number, create_time)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                ON CONFLICT (registry, id) DO UPDATE
                   SET kind = EXCLUDED.kind, account = EXCLUDED.account, operator = EXCLUDED.operator,
                       role = EXCLUDED.role,
                       organization = COALESCE(NULLIF(ledger.consortium_proposals.organization, ''),
                                               EXCLUDED.organization),
                       legal_name = EXCLUDED.legal_name, registration_number = EXCLUDED.registration_number,
                       proposer = EXCLUDED.proposer, votes = EXCLUDED.votes,
                       required_votes = EXCLUDED.required_votes, executed = EXCLUDED.executed,
                       transaction_hash = EXCLUDED.transaction_hash, block_number = EXCLUDED.block_number,
                       create_time = EXCLUDED.create_time, update_time = now()
                """,
                registry,
                p.id,
                p.kind,
                p.account,
                None if p.operator == ZERO_ACCOUNT else p.operator,
                p.role,
                organizations.get(p.account, "") if p.kind == "ADMIT_MEMBER" else "",
                p.legal_name,
                p.registration_number,
                p.proposer,
                p.votes,
                p.required,
                p.executed,
                made.transaction_hash,
                made.block_number,
                made.block_time,
            )
        for v in snapshot.votes:
            await self.record_vote(
                conn, registry, v.proposal_id, v.account, v.transaction_hash, v.block_number, v.block_time
            )
        for account, member in snapshot.members:
            await self.upsert_member(
                conn,
                registry,
                account,
                organization=organizations[account],
                legal_name=member.legal_name,
                registration_number=member.registration_number,
                contact=known[account].contact if account in known else None,
                active=member.active,
                admit_time=member.admit_time,
            )
        for account, node in snapshot.nodes:
            await self.upsert_node(
                conn,
                registry,
                account,
                operator=node.operator,
                role=node.role,
                enode=known[account].enode if account in known and known[account].enode else None,
                active=node.active,
                add_time=node.add_time,
            )

    async def registry_address(self, chain_id: int) -> tuple[bytes, int] | None:
        """The registry recorded for the chain and the block it was deployed in."""
        row = await self.pool.fetchrow(
            "SELECT address, deploy_block FROM ledger.consortium_registries WHERE chain_id = $1", chain_id
        )
        return None if row is None else (bytes(row["address"]), int(row["deploy_block"]))

    async def record_registry(
        self, conn: Connection, chain_id: int, address: bytes, deploy_block: int
    ) -> None:
        await conn.execute(
            "INSERT INTO ledger.consortium_registries (chain_id, address, deploy_block) VALUES ($1, $2, $3)"
            " ON CONFLICT (chain_id) DO UPDATE SET address = EXCLUDED.address,"
            " deploy_block = EXCLUDED.deploy_block, create_time = now()",
            chain_id,
            address,
            deploy_block,
        )

    async def forget_registry(self, conn: Connection, registry: bytes) -> None:
        """Drop the rows of a registry just deployed at `registry`: they describe an older chain
        (a fresh embedded chain deploys at the same address every time)."""
        for table in ("consortium_votes", "consortium_proposals", "consortium_nodes", "consortium_members"):
            await conn.execute(f"DELETE FROM ledger.{table} WHERE registry = $1", registry)  # noqa: S608

    async def upsert_member(
        self,
        conn: Connection,
        registry: bytes,
        account: bytes,
        *,
        organization: str,
        legal_name: str,
        registration_number: str,
        contact: str | None,
        active: bool,
        admit_time: datetime,
    ) -> None:
        """`contact` None keeps the recorded one."""
        await conn.execute(
            """
            INSERT INTO ledger.consortium_members
                   (registry, account, organization, legal_name, registration_number, contact, active,
                    admit_time)
            VALUES ($1, $2, $3, $4, $5, COALESCE($6, ''), $7, $8)
            ON CONFLICT (registry, account) DO UPDATE
               SET legal_name = EXCLUDED.legal_name, registration_number = EXCLUDED.registration_number,
                   contact = COALESCE($6, ledger.consortium_members.contact), active = EXCLUDED.active,
                   admit_time = EXCLUDED.admit_time, update_time = now()
            """,
            registry,
            account,
            organization,
            legal_name,
            registration_number,
            contact,
            active,
            admit_time,
        )

    async def upsert_node(
        self,
        conn: Connection,
        registry: bytes,
        account: bytes,
        *,
        operator: bytes,
        role: str,
        enode: str | None,
        active: bool,
        add_time: datetime,
    ) -> None:
        """`enode` None keeps the recorded one."""
        await conn.execute(
            """
            INSERT INTO ledger.consortium_nodes (registry, account, operator, role, enode, active, add_time)
            VALUES ($1, $2, $3, $4, COALESCE($5, ''), $6, $7)
            ON CONFLICT (registry, account) DO UPDATE
               SET operator = EXCLUDED.operator, role = EXCLUDED.role,
                   enode = COALESCE($5, ledger.consortium_nodes.enode), active = EXCLUDED.active,
                   add_time = EXCLUDED.add_time, update_time = now()
            """,
            registry,
            account,
            operator,
            role,
            enode,
            active,
            add_time,
        )

    async def upsert_proposal(
        self,
        conn: Connection,
        registry: bytes,
        *,
        proposal_id: int,
        kind: str,
        account: bytes,
        operator: bytes | None,
        role: str,
        organization: str,
        legal_name: str,
        registration_number: str,
        contact: str,
        enode: str,
        proposer: bytes,
        votes: int,
        required_votes: int,
        executed: bool,
        transaction_hash: bytes,
        block_number: int,
        create_time: datetime,
    ) -> None:
        """Insert a new proposal, or update the vote count and state of a known one."""
        await conn.execute(
            """
            INSERT INTO ledger.consortium_proposals
                   (registry, id, kind, account, operator, role, organization, legal_name,
                    registration_number, contact, enode, proposer, votes, required_votes, executed,
                    transaction_hash, block_number, create_time)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            ON CONFLICT (registry, id) DO UPDATE
               SET votes = EXCLUDED.votes, executed = EXCLUDED.executed, update_time = now()
            """,
            registry,
            proposal_id,
            kind,
            account,
            operator,
            role,
            organization,
            legal_name,
            registration_number,
            contact,
            enode,
            proposer,
            votes,
            required_votes,
            executed,
            transaction_hash,
            block_number,
            create_time,
        )

    async def record_vote(
        self,
        conn: Connection,
        registry: bytes,
        proposal_id: int,
        voter: bytes,
        transaction_hash: bytes,
        block_number: int,
        vote_time: datetime,
    ) -> None:
        await conn.execute(
            "INSERT INTO ledger.consortium_votes"
            " (registry, proposal_id, voter, transaction_hash, block_number, vote_time)"
            " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            registry,
            proposal_id,
            voter,
            transaction_hash,
            block_number,
            vote_time,
        )

    async def proposal(
        self, conn: Connection | None, registry: bytes, proposal_id: int
    ) -> ProposalRecord | None:
        row = await (conn or self.pool).fetchrow(
            _PROPOSAL_SELECT + " WHERE p.registry = $1 AND p.id = $2", registry, proposal_id
        )
        return None if row is None else _proposal(row)

    async def list_proposals(self, registry: bytes, before: int | None, limit: int) -> list[ProposalRecord]:
        """Newest first; `before` is the id of the last proposal already returned."""
        rows = await self.pool.fetch(
            _PROPOSAL_SELECT
            + " WHERE p.registry = $1 AND ($2::bigint IS NULL OR p.id < $2) ORDER BY p.id DESC LIMIT $3",
            registry,
            before,
            limit,
        )
        return [_proposal(row) for row in rows]

    async def member_by_organization(
        self, conn: Connection | None, registry: bytes, organization: str
    ) -> MemberRecord | None:
        row = await (conn or self.pool).fetchrow(
            "SELECT * FROM ledger.consortium_members WHERE registry = $1 AND organization = $2",
            registry,
            organization,
        )
        return None if row is None else _member(row)

    async def list_members(
        self, registry: bytes, *, show_removed: bool, after: int | None, limit: int
    ) -> list[MemberRecord]:
        rows = await self.pool.fetch(
            "SELECT * FROM ledger.consortium_members WHERE registry = $1 AND (active OR $2)"
            " AND ($3::bigint IS NULL OR seq > $3) ORDER BY seq LIMIT $4",
            registry,
            show_removed,
            after,
            limit,
        )
        return [_member(row) for row in rows]

    async def node(self, conn: Connection | None, registry: bytes, account: bytes) -> NodeRecord | None:
        row = await (conn or self.pool).fetchrow(
            "SELECT n.*, m.organization AS operator_organization FROM ledger.consortium_nodes n"
            " LEFT JOIN ledger.consortium_members m ON m.registry = n.registry AND m.account = n.operator"
            " WHERE n.registry = $1 AND n.account = $2",
            registry,
            account,
        )
        return None if row is None else _node(row)

    async def list_nodes(
        self, registry: bytes, *, show_removed: bool, after: int | None, limit: int
    ) -> list[NodeRecord]:
        rows = await self.pool.fetch(
            "SELECT n.*, m.organization AS operator_organization FROM ledger.consortium_nodes n"
            " LEFT JOIN ledger.consortium_members m ON m.registry = n.registry AND m.account = n.operator"
            " WHERE n.registry = $1 AND (n.active OR $2) AND ($3::bigint IS NULL OR n.seq > $3)"
            " ORDER BY n.seq LIMIT $4",
            registry,
            show_removed,
            after,
            limit,
        )
        return [_node(row) for row in rows]
