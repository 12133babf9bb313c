"""Consortium governance: proposals and votes as ConsortiumRegistry transactions (no gRPC here).

The caller's organisation (token `org` claim "orgs/{org}") selects the chain
account the ledger holds for it (consortium.py); the contract decides what
that account may do (only members propose and vote, once per proposal, the
quorum carries a change). Every confirmed transaction is mirrored in
PostgreSQL (governance_store.py), which answers the reads.

The mirror is written as transactions are made, so it misses what happens
behind its back: a crash between a mined transaction and its database
commit, or a transaction sent by another tool. `resync` rebuilds it from the
registry's state and events; the server runs it at start and every
`ledger_governance_resync_s`. Writers and resyncs take one advisory lock, so
a resync never writes an older chain state over a newer write.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import structlog

from jipan.servers.ledger.chain import ChainUnavailable
from jipan.servers.ledger.consortium import (
    ZERO_ACCOUNT,
    ConsortiumChain,
    GovernanceUnavailable,
    NoSigningAccount,
    Reverted,
    Transaction,
)
from jipan.servers.ledger.governance_store import GovernanceStore, MemberRecord, NodeRecord, ProposalRecord
from jipan.servers.ledger.store import Connection
from jipan.servers.runtime.errors import (
    AlreadyExists,
    DomainError,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unavailable,
)
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

LEDGER_DOMAIN = "ledger.jipan.tw"
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
_ORG = re.compile(r"orgs/([A-Za-z0-9_.-]{1,64})")
_MEMBER = re.compile(r"members/([A-Za-z0-9_.-]{1,64})")
_NODE = re.compile(r"nodes/0x([0-9a-fA-F]{40})")
_PROPOSAL = re.compile(r"proposals/(0|[1-9][0-9]{0,17})")
_SERVICE = "jipan.ledger.v1.GovernanceService"

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class ProposedChange:
    """One change to put to the vote; `kind` is ADMIT_MEMBER, REMOVE_MEMBER, ADD_NODE or REMOVE_NODE."""

    kind: str
    organization: str = ""
    legal_name: str = ""
    registration_number: str = ""
    contact: str = ""
    member: str = ""
    node_account: bytes = b""
    enode: str = ""
    role: str = ""
    """VALIDATOR or OBSERVER; empty when the request named none (or an unknown one)."""
    operator: str = ""
    node: str = ""


@dataclass(frozen=True, slots=True)
class _Resolved:
    """The contract's arguments for a change, and the fields kept only in the mirror."""

    kind: str
    account: bytes
    operator: bytes = ZERO_ACCOUNT
    role: str = ""
    legal_name: str = ""
    registration_number: str = ""
    organization: str = ""
    contact: str = ""
    enode: str = ""


@dataclass(frozen=True, slots=True)
class MemberPage:
    members: list[MemberRecord]
    next_page_token: str


@dataclass(frozen=True, slots=True)
class NodePage:
    nodes: list[NodeRecord]
    next_page_token: str


@dataclass(frozen=True, slots=True)
class ProposalPage:
    proposals: list[ProposalRecord]
    next_page_token: str


def member_name(organization: str) -> str:
    """ "orgs/{org}" -> "members/{org}" (empty stays empty)."""
    return f"members/{organization.removeprefix('orgs/')}" if organization else ""


def node_name(account: bytes) -> str:
    return f"nodes/0x{account.hex()}"


def proposal_name(proposal: ProposalRecord) -> str:
    return f"proposals/{proposal.id}"


def _invalid_change(field: str, message: str) -> InvalidArgument:
    return InvalidArgument(
        "PROPOSAL_CHANGE_INVALID", message, domain=LEDGER_DOMAIN, metadata={"field": field}
    )


def _chain_error(exc: Exception) -> DomainError:
    """The contract's refusal (or the chain's silence) as the error the caller sees."""
    if isinstance(exc, Reverted):
        if exc.error == "NotMember":
            return PermissionDenied(
                "NOT_CONSORTIUM_MEMBER",
                "the caller's organisation is not a member of the consortium",
                domain=LEDGER_DOMAIN,
            )
        if exc.error == "AlreadyVoted":
            return AlreadyExists(
                "ALREADY_VOTED",
                "the caller's organisation already voted for this proposal",
                domain=LEDGER_DOMAIN,
            )
        if exc.error == "UnknownProposal":
            return NotFound("PROPOSAL_NOT_FOUND", "no proposal has this name", domain=LEDGER_DOMAIN)
        if exc.error == "ProposalExecuted":
            return FailedPrecondition(
                "PROPOSAL_EXECUTED", "the proposal was already carried out", domain=LEDGER_DOMAIN
            )
        return FailedPrecondition(
            "PROPOSAL_REJECTED",
            "the consortium registry rejected the change",
            domain=LEDGER_DOMAIN,
            metadata={"chain_reason": exc.detail[:200]},
        )
    if isinstance(exc, NoSigningAccount | GovernanceUnavailable):
        return FailedPrecondition(
            "SIGNING_ACCOUNT_UNAVAILABLE",
            "the ledger holds no chain account for this organisation",
            domain=LEDGER_DOMAIN,
        )
    return Unavailable("CHAIN_UNAVAILABLE", "the chain did not answer; retry", domain=LEDGER_DOMAIN)


@asynccontextmanager
async def _on_chain() -> AsyncIterator[None]:
    try:
        yield
    except (Reverted, NoSigningAccount, GovernanceUnavailable, ChainUnavailable) as exc:
        raise _chain_error(exc) from exc


class Governance:
    """Proposes and votes through the ConsortiumRegistry, mirrors the outcome, answers reads."""

    def __init__(
        self,
        store: GovernanceStore,
        consortium: ConsortiumChain,
        *,
        request_ids: RequestIds,
        page_tokens: PageTokens,
        founder_legal_name: str,
        founder_registration_number: str,
    ) -> None:
        self._store = store
        self._consortium = consortium
        self._request_ids = request_ids
        self._page_tokens = page_tokens
        self._founder = (founder_legal_name, founder_registration_number)
        self._ready_lock = asyncio.Lock()
        self._sync_task: asyncio.Task[None] | None = None

    async def _registry(self) -> bytes:
        """The registry's address: the one recorded for this chain when it is there, else a new
        one deployed by the founder's account (founder as first member) on first use."""
        async with self._ready_lock:
            if not self._consortium.deployed:
                async with _on_chain():
                    chain_id = await self._consortium.read_chain_id()
                    if await self._attach_recorded(chain_id):
                        return self._consortium.registry
                    tx = await self._consortium.deploy(*self._founder)
                    founder = self._consortium.account_for(self._consortium.founder_org)
                async with self._store.pool.acquire() as conn, conn.transaction():
                    await self._store.record_registry(
                        conn, chain_id, self._consortium.registry, self._consortium.deploy_block
                    )
                    await self._store.forget_registry(conn, self._consortium.registry)
                    await self._store.upsert_member(
                        conn,
                        self._consortium.registry,
                        founder,
                        organization=self._consortium.founder_org,
                        legal_name=self._founder[0],
                        registration_number=self._founder[1],
                        contact=None,
                        active=True,
                        admit_time=tx.block_time,
                    )
            return self._consortium.registry

    async def _attach_recorded(self, chain_id: int) -> bool:
        """Attach the registry recorded for this chain, when it is there (under _ready_lock)."""
        recorded = await self._store.registry_address(chain_id)
        return recorded is not None and await self._consortium.attach(*recorded)

    # --- the mirror -------------------------------------------------------------------------------

    async def resync(self) -> bool:
        """Rebuild the mirror from the registry's state and events; False when this chain has
        no registry yet (nothing to mirror: the first governance call deploys one).

        Raises ChainUnavailable when the chain does not answer.
        """
        async with self._ready_lock:
            if not self._consortium.deployed:
                chain_id = await self._consortium.read_chain_id()
                if not await self._attach_recorded(chain_id):
                    return False
        registry = self._consortium.registry
        async with self._store.pool.acquire() as conn, conn.transaction():
            await self._store.lock_writers(conn)
            snapshot = await self._consortium.snapshot()
            known = await self._store.known_accounts(conn, registry)
            organizations: dict[bytes, str] = {}
            taken: set[str] = set()
            for account, _ in snapshot.members:
                org = (known[account].organization if account in known else "") or (
                    self._consortium.organization_of(account)
                )
                if org is None or org in taken:
                    # Admitted by a tool the ledger does not know the organisation of:
                    # named after its account until an operator knows better.
                    org = f"orgs/0x{account.hex()}"
                organizations[account] = org
                taken.add(org)
            for proposal in snapshot.proposals:
                if proposal.account not in organizations:
                    held = known[proposal.account].organization if proposal.account in known else ""
                    org = held or self._consortium.organization_of(proposal.account)
                    if org is not None:
                        organizations[proposal.account] = org
            await self._store.sync_registry(conn, registry, snapshot, organizations, known)
        log.info(
            "governance mirror resynced",
            registry="0x" + registry.hex(),
            block=snapshot.block_number,
            members=len(snapshot.members),
            nodes=len(snapshot.nodes),
            proposals=len(snapshot.proposals),
        )
        return True

    async def keep_in_sync(self, interval_s: float, retry_s: float) -> None:
        """Resync now, then every `interval_s` (0: only once); retry after `retry_s` while the
        chain is unreachable or the resync fails. Runs until cancelled."""
        while True:
            try:
                await self.resync()
            except asyncio.CancelledError:
                raise
            except ChainUnavailable as exc:
                log.warning("governance resync: chain unavailable", error=str(exc))
                await asyncio.sleep(retry_s)
                continue
            except Exception:
                log.exception("governance resync failed")
                await asyncio.sleep(retry_s)
                continue
            if interval_s <= 0:
                return
            await asyncio.sleep(interval_s)

    def start_sync(self, interval_s: float, retry_s: float) -> None:
        self._sync_task = asyncio.get_running_loop().create_task(
            self.keep_in_sync(interval_s, retry_s), name="ledger-governance-resync"
        )

    async def stop_sync(self) -> None:
        task, self._sync_task = self._sync_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    # --- writes ---------------------------------------------------------------------------------

    async def create_proposal(
        self, subject: str, org: str | None, change: ProposedChange, *, request_id: str, request_body: bytes
    ) -> ProposalRecord:
        caller = self._caller(org)
        registry = await self._registry()
        # The transaction spans the chain call: a concurrent call with the same request_id waits
        # on the claimed key instead of sending a second transaction, and a refused or failed
        # chain call rolls the claim back so that a retry does the work.
        async with self._store.pool.acquire() as conn, conn.transaction():
            await self._store.lock_writers(conn)
            scope = scope_for(f"{_SERVICE}/CreateProposal", subject)
            if request_id:
                first = await self._request_ids.claim(conn, scope, request_id, request_body)
                if first is not None:
                    return await self._known(conn, registry, int(json.loads(first)))
            fields = await self._resolve(conn, registry, caller, change)
            async with _on_chain():
                voter = self._consortium.account_for(caller)
                tx = await self._consortium.propose(
                    caller,
                    kind=fields.kind,
                    account=fields.account,
                    operator=fields.operator,
                    role=fields.role,
                    legal_name=fields.legal_name,
                    registration_number=fields.registration_number,
                )
            assert tx.proposal_id is not None, "a propose transaction emits Proposed"
            await self._mirror(conn, registry, tx.proposal_id, tx, voter, fields)
            if request_id:
                await self._request_ids.record(conn, scope, request_id, json.dumps(tx.proposal_id).encode())
            return await self._known(conn, registry, tx.proposal_id)

    async def vote(
        self, subject: str, org: str | None, name: str, *, request_id: str, request_body: bytes
    ) -> ProposalRecord:
        caller = self._caller(org)
        proposal_id = self._proposal_id(name)
        registry = await self._registry()
        async with self._store.pool.acquire() as conn, conn.transaction():
            await self._store.lock_writers(conn)
            scope = scope_for(f"{_SERVICE}/VoteProposal", subject)
            if request_id:
                first = await self._request_ids.claim(conn, scope, request_id, request_body)
                if first is not None:
                    return await self._known(conn, registry, proposal_id)
            await self._known(conn, registry, proposal_id)
            async with _on_chain():
                voter = self._consortium.account_for(caller)
                tx = await self._consortium.vote(caller, proposal_id)
            await self._mirror(conn, registry, proposal_id, tx, voter, None)
            if request_id:
                await self._request_ids.record(conn, scope, request_id, b"{}")
            return await self._known(conn, registry, proposal_id)

    def _caller(self, org: str | None) -> str:
        if not org:
            raise PermissionDenied(
                "ORGANIZATION_REQUIRED",
                "governance acts for an organisation: the token needs an org claim",
                domain=LEDGER_DOMAIN,
            )
        return org

    async def _member_account(self, conn: Connection, registry: bytes, name: str, field: str) -> MemberRecord:
        match = _MEMBER.fullmatch(name)
        if match is None:
            raise _invalid_change(field, "a member name is members/{member}")
        member = await self._store.member_by_organization(conn, registry, f"orgs/{match[1]}")
        if member is None:
            raise NotFound(
                "MEMBER_NOT_FOUND",
                "no member of the consortium has this name",
                domain=LEDGER_DOMAIN,
                metadata={"field": field, "member": name[:100]},
            )
        return member

    async def _resolve(
        self, conn: Connection, registry: bytes, caller: str, change: ProposedChange
    ) -> _Resolved:
        """The contract's arguments and the mirror-only fields of `change`."""
        if change.kind == "ADMIT_MEMBER":
            field = "proposal.admit_member"
            if not _ORG.fullmatch(change.organization):
                raise _invalid_change(f"{field}.organization", "an organization is orgs/{org}")
            if not change.legal_name.strip():
                raise _invalid_change(f"{field}.legal_name", "a member needs a legal name")
            if not change.registration_number.strip():
                raise _invalid_change(f"{field}.registration_number", "a member needs a registration number")
            async with _on_chain():
                account = self._consortium.account_for(change.organization)
            return _Resolved(
                change.kind,
                account,
                legal_name=change.legal_name,
                registration_number=change.registration_number,
                organization=change.organization,
                contact=change.contact,
            )
        if change.kind == "REMOVE_MEMBER":
            member = await self._member_account(
                conn, registry, change.member, "proposal.remove_member.member"
            )
            return _Resolved(change.kind, member.account, organization=member.organization)
        if change.kind == "ADD_NODE":
            field = "proposal.add_node"
            if len(change.node_account) != 20 or change.node_account == ZERO_ACCOUNT:
                raise InvalidArgument(
                    "NODE_ACCOUNT_INVALID",
                    "a node account is 20 bytes, not all zero",
                    domain=LEDGER_DOMAIN,
                    metadata={"field": f"{field}.account"},
                )
            if change.role not in ("VALIDATOR", "OBSERVER"):
                raise InvalidArgument(
                    "NODE_ROLE_INVALID",
                    "a node is a VALIDATOR or an OBSERVER",
                    domain=LEDGER_DOMAIN,
                    metadata={"field": f"{field}.role"},
                )
            operator = await self._member_account(
                conn, registry, change.operator or member_name(caller), f"{field}.operator"
            )
            return _Resolved(
                change.kind,
                change.node_account,
                operator=operator.account,
                role=change.role,
                enode=change.enode,
            )
        if change.kind == "REMOVE_NODE":
            match = _NODE.fullmatch(change.node)
            if match is None:
                raise InvalidArgument(
                    "NODE_ACCOUNT_INVALID",
                    "a node name is nodes/0x{40 hex digits}",
                    domain=LEDGER_DOMAIN,
                    metadata={"field": "proposal.remove_node.node"},
                )
            account = bytes.fromhex(match[1])
            if await self._store.node(conn, registry, account) is None:
                raise NotFound(
                    "NODE_NOT_FOUND",
                    "no node of the consortium has this name",
                    domain=LEDGER_DOMAIN,
                    metadata={"node": change.node},
                )
            return _Resolved(change.kind, account)
        raise _invalid_change("proposal.change", "a proposal sets exactly one change")

    async def _mirror(
        self,
        conn: Connection,
        registry: bytes,
        proposal_id: int,
        tx: Transaction,
        voter: bytes,
        extras: _Resolved | None,
    ) -> None:
        """Write what the mined transaction changed: the proposal, the vote and, when carried, its effect."""
        async with _on_chain():
            proposal = await self._consortium.proposal(proposal_id)
        await self._store.upsert_proposal(
            conn,
            registry,
            proposal_id=proposal_id,
            kind=proposal.kind,
            account=proposal.account,
            operator=None if proposal.operator == ZERO_ACCOUNT else proposal.operator,
            role=proposal.role,
            organization=extras.organization if extras else "",
            legal_name=proposal.legal_name,
            registration_number=proposal.registration_number,
            contact=extras.contact if extras else "",
            enode=extras.enode if extras else "",
            proposer=proposal.proposer,
            votes=proposal.votes,
            required_votes=proposal.required,
            executed=proposal.executed,
            transaction_hash=tx.hash,
            block_number=tx.block_number,
            create_time=tx.block_time,
        )
        await self._store.record_vote(
            conn, registry, proposal_id, voter, tx.hash, tx.block_number, tx.block_time
        )
        if not proposal.executed:
            return
        record = await self._known(conn, registry, proposal_id)
        async with _on_chain():
            if proposal.kind in ("ADMIT_MEMBER", "REMOVE_MEMBER"):
                member = await self._consortium.member(proposal.account)
                await self._store.upsert_member(
                    conn,
                    registry,
                    proposal.account,
                    organization=record.organization,
                    legal_name=member.legal_name,
                    registration_number=member.registration_number,
                    contact=record.contact if proposal.kind == "ADMIT_MEMBER" else None,
                    active=member.active,
                    admit_time=member.admit_time,
                )
            else:
                node = await self._consortium.node(proposal.account)
                await self._store.upsert_node(
                    conn,
                    registry,
                    proposal.account,
                    operator=node.operator,
                    role=node.role,
                    enode=record.enode if proposal.kind == "ADD_NODE" else None,
                    active=node.active,
                    add_time=node.add_time,
                )

    # --- reads ----------------------------------------------------------------------------------

    def _proposal_id(self, name: str) -> int:
        match = _PROPOSAL.fullmatch(name)
        if match is None:
            raise InvalidArgument(
                "PROPOSAL_NAME_INVALID",
                "a proposal name is proposals/{id}",
                domain=LEDGER_DOMAIN,
                metadata={"field": "name", "name": name[:100]},
            )
        return int(match[1])

    async def _known(self, conn: Connection | None, registry: bytes, proposal_id: int) -> ProposalRecord:
        proposal = await self._store.proposal(conn, registry, proposal_id)
        if proposal is None:
            raise NotFound(
                "PROPOSAL_NOT_FOUND",
                "no proposal has this name",
                domain=LEDGER_DOMAIN,
                metadata={"name": f"proposals/{proposal_id}"},
            )
        return proposal

    async def get_proposal(self, name: str) -> ProposalRecord:
        proposal_id = self._proposal_id(name)
        return await self._known(None, await self._registry(), proposal_id)

    def _position(self, token: str, fingerprint: str) -> int | None:
        if not token:
            return None
        position = self._page_tokens.decode(token, fingerprint)
        try:
            return int(position["k"])
        except (KeyError, ValueError, TypeError) as exc:
            raise InvalidArgument(
                "PAGE_TOKEN_INVALID",
                "page_token is not valid for this query: malformed",
                metadata={"field": "page_token"},
            ) from exc

    async def list_proposals(self, *, page_size: int, page_token: str) -> ProposalPage:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        registry = await self._registry()
        fingerprint = query_fingerprint("ListProposals", registry=registry.hex())
        rows = await self._store.list_proposals(registry, self._position(page_token, fingerprint), size + 1)
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"k": page[-1].id}) if len(rows) > size else ""
        return ProposalPage(page, token)

    async def list_members(self, *, show_removed: bool, page_size: int, page_token: str) -> MemberPage:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        registry = await self._registry()
        fingerprint = query_fingerprint("ListMembers", registry=registry.hex(), show_removed=show_removed)
        rows = await self._store.list_members(
            registry, show_removed=show_removed, after=self._position(page_token, fingerprint), limit=size + 1
        )
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"k": page[-1].seq}) if len(rows) > size else ""
        return MemberPage(page, token)

    async def list_nodes(self, *, show_removed: bool, page_size: int, page_token: str) -> NodePage:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        registry = await self._registry()
        fingerprint = query_fingerprint("ListNodes", registry=registry.hex(), show_removed=show_removed)
        rows = await self._store.list_nodes(
            registry, show_removed=show_removed, after=self._position(page_token, fingerprint), limit=size + 1
        )
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"k": page[-1].seq}) if len(rows) > size else ""
        return NodePage(page, token)
