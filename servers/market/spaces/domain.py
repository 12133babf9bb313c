"""Co-Lab space use cases.

Only members see a space: every call naming a space the caller's organisation
is not a member of answers SPACE_NOT_FOUND, as if it did not exist. Roles nest
(owner ⊃ maintainer ⊃ contributor ⊃ viewer): viewers read, contributors add
documents, maintainers record decisions, owners manage members. An owner adds
an organisation by inviting it; the invited organisation (its admin) accepts or
declines, and sees nothing of the space but its display name until it accepts.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.market.catalog.domain import project_not_found
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.names import (
    DOMAIN,
    caller_org,
    field_invalid,
    parse_decision,
    parse_org,
    parse_project,
    parse_space,
    parse_space_document,
    parse_space_invitation,
)
from jipan.servers.market.spaces.model import (
    Activity,
    ActivityKind,
    Decision,
    Document,
    Invitation,
    Space,
    SpaceRole,
)
from jipan.servers.market.spaces.store import SpaceStore
from jipan.servers.runtime.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.ledger_anchor import PENDING_GRACE_S, DecisionAnchor
from jipan.servers.runtime.objectstore import ObjectStore
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

DOWNLOAD_CHUNK_BYTES = 1024 * 1024
DEFAULT_MEDIA_TYPE = "application/octet-stream"


def _org(principal: Principal) -> str:
    return caller_org(principal, "spaces are joined by organisations")


def _space_not_found(space_id: str) -> NotFound:
    return NotFound(
        "SPACE_NOT_FOUND",
        "no space with this name, or the caller's organisation is not a member",
        domain=DOMAIN,
        metadata={"space": f"spaces/{space_id}"},
    )


def _document_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument("DOCUMENT_INVALID", problem, domain=DOMAIN, metadata={"problem": problem})


def decision_record(decision_name: str, title: str, text: str, creator: str, create_time: datetime) -> bytes:
    """The canonical record a decision's digest is the SHA-256 of: sorted keys, no whitespace,
    UTF-8, the time in UTC ISO 8601 with microseconds. Anyone holding the decision recomputes it."""
    record = {
        "name": decision_name,
        "title": title,
        "text": text,
        "creator": creator,
        "create_time": create_time.astimezone(UTC).isoformat(timespec="microseconds"),
    }
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def decision_digest(decision: Decision) -> bytes:
    name = f"spaces/{decision.space_id}/decisions/{decision.id}"
    return hashlib.sha256(
        decision_record(name, decision.title, decision.text, decision.creator, decision.create_time)
    ).digest()


def object_key(space_id: str, document_id: str) -> str:
    return f"market/spaces/{space_id}/documents/{document_id}"


class Spaces:
    def __init__(
        self,
        store: SpaceStore,
        catalog: CatalogStore,
        objects: ObjectStore,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        *,
        max_document_bytes: int,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.objects = objects
        self.anchor = anchor
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.max_document_bytes = max_document_bytes

    async def _role(
        self, principal: Principal, space_id: str, needed: SpaceRole = SpaceRole.VIEWER
    ) -> SpaceRole:
        """The caller's role; SPACE_NOT_FOUND for a non-member, SPACE_ROLE_MISSING below `needed`."""
        role = await self.store.role_of(space_id, _org(principal))
        if role is None:
            raise _space_not_found(space_id)
        if role.rank < needed.rank:
            raise PermissionDenied(
                "SPACE_ROLE_MISSING",
                f"this needs the {needed.value.lower()} role or above in the space",
                domain=DOMAIN,
                metadata={"role": role.value, "needed": needed.value},
            )
        return role

    def _page(self, method: str, page_size: int, page_token: str, **key: str) -> tuple[int, int | None, str]:
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint(method, **key)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        return size, before, fingerprint

    def _next(self, rows: list[tuple[int, object]], size: int, fingerprint: str) -> str:
        if len(rows) > size:
            return self.page_tokens.encode(fingerprint, {"before": rows[size - 1][0]})
        return ""

    # -- spaces ------------------------------------------------------------------

    async def create(
        self,
        principal: Principal,
        space_id: str,
        display_name: str,
        description_zh: str,
        description_en: str,
        projects: Sequence[str],
    ) -> Space:
        owner = _org(principal)
        if not display_name.strip():
            raise field_invalid("space.display_name", "required")
        if len(description_zh) > 5000 or len(description_en) > 5000:
            raise field_invalid("space.description", "at most 5,000 characters per language")
        project_ids: list[str] = []
        for i, project in enumerate(projects):
            project_id = parse_project(project, f"space.projects[{i}]")
            if await self.catalog.get_project(project_id) is None:
                raise project_not_found(project_id)
            if project not in project_ids:
                project_ids.append(project)
        space_id = space_id or "s" + uuid.uuid4().hex[:20]
        async with self.store.pool.acquire() as conn, conn.transaction():
            created = await self.store.insert_space(
                conn, space_id, display_name.strip(), description_zh, description_en, project_ids, owner
            )
            if not created:
                raise AlreadyExists(
                    "ALREADY_EXISTS",
                    "a space with this id exists",
                    domain=DOMAIN,
                    metadata={"name": f"spaces/{space_id}"},
                )
            await self.store.record(
                conn, space_id, ActivityKind.MEMBER, owner, owner, f"{owner} created the space as owner"
            )
        log.info("space created", space=space_id, owner=owner)
        return await self._space(space_id)

    async def _space(self, space_id: str) -> Space:
        space = await self.store.get_space(space_id)
        if space is None:
            raise _space_not_found(space_id)
        return space

    async def get(self, principal: Principal, name: str) -> Space:
        space_id = parse_space(name)
        await self._role(principal, space_id)
        return await self._space(space_id)

    async def list_spaces(
        self, principal: Principal, page_size: int, page_token: str
    ) -> tuple[list[Space], str]:
        org = _org(principal)
        size, before, fingerprint = self._page("ListSpaces", page_size, page_token, org=org)
        rows = await self.store.list_spaces(org, before, size + 1)
        token = self._next(list(rows), size, fingerprint)
        ids = [space_id for _, space_id in rows[:size]]
        found = await self.store.get_spaces(ids)
        return [found[i] for i in ids if i in found], token

    async def update_members(
        self, principal: Principal, name: str, changes: Sequence[tuple[str, SpaceRole | None]]
    ) -> Space:
        """Each change (organization, role) sets a member's role or invites a non-member;
        (organization, None) removes a member or withdraws an invitation. All or none apply."""
        space_id = parse_space(name)
        actor = _org(principal)
        await self._role(principal, space_id, SpaceRole.OWNER)
        seen: set[str] = set()
        for i, (organization, _) in enumerate(changes):
            parse_org(organization, f"members[{i}].organization")
            if organization in seen:
                raise field_invalid(f"members[{i}].organization", "named twice")
            seen.add(organization)
        async with self.store.pool.acquire() as conn, conn.transaction():
            if not await self.store.lock_space(conn, space_id):
                raise _space_not_found(space_id)
            for organization, role in changes:
                await self._change(conn, space_id, actor, organization, role)
            if await self.store.owner_count(conn, space_id) == 0:
                raise FailedPrecondition(
                    "LAST_OWNER",
                    "the space would be left without an owner",
                    domain=DOMAIN,
                    metadata={"space": name},
                )
        return await self._space(space_id)

    async def _change(
        self, conn: Connection, space_id: str, actor: str, organization: str, role: SpaceRole | None
    ) -> None:
        if role is None:
            if await self.store.remove_member(conn, space_id, organization):
                summary = f"{actor} removed {organization}"
            elif await self.store.take_invitation(conn, space_id, organization) is not None:
                summary = f"{actor} withdrew the invitation of {organization}"
            else:
                return
        else:
            current = await self.store.role_of(space_id, organization, conn)
            if current is None:
                await self.store.invite(conn, space_id, organization, role, actor)
                summary = f"{actor} invited {organization} as {role.value.lower()}"
            elif current is not role:
                await self.store.set_member(conn, space_id, organization, role)
                summary = f"{actor} made {organization} {role.value.lower()}"
            else:
                return
        await self.store.record(conn, space_id, ActivityKind.MEMBER, actor, organization, summary)

    # -- invitations -------------------------------------------------------------

    async def list_invitations(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Invitation], str]:
        org = _org(principal)
        if parse_org(parent) != org:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "parent is not the caller's organisation",
                domain=DOMAIN,
                metadata={"parent": parent[:120]},
            )
        size, before, fingerprint = self._page("ListSpaceInvitations", page_size, page_token, org=org)
        rows = await self.store.list_invitations(org, before, size + 1)
        return [i for _, i in rows[:size]], self._next(list(rows), size, fingerprint)

    async def _answer(self, principal: Principal, name: str, accept: bool) -> str:
        space_id, invited = parse_space_invitation(name)
        org = _org(principal)
        async with self.store.pool.acquire() as conn, conn.transaction():
            role = await self.store.take_invitation(conn, space_id, invited) if invited == org else None
            if role is None:
                raise NotFound(
                    "INVITATION_NOT_FOUND",
                    "no invitation of the caller's organisation into this space",
                    domain=DOMAIN,
                    metadata={"name": name[:300]},
                )
            if accept:
                await self.store.add_member(conn, space_id, org, role)
                summary = f"{org} joined as {role.value.lower()}"
            else:
                summary = f"{org} declined the invitation"
            await self.store.record(conn, space_id, ActivityKind.MEMBER, org, org, summary)
        log.info("space invitation answered", space=space_id, organization=org, accepted=accept)
        return space_id

    async def accept(self, principal: Principal, name: str) -> Space:
        return await self._space(await self._answer(principal, name, accept=True))

    async def decline(self, principal: Principal, name: str) -> None:
        await self._answer(principal, name, accept=False)

    # -- activity ----------------------------------------------------------------

    async def activities(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Activity], str]:
        space_id = parse_space(parent, "parent")
        await self._role(principal, space_id)
        size, before, fingerprint = self._page("ListSpaceActivities", page_size, page_token, space=space_id)
        rows = await self.store.list_activities(space_id, before, size + 1)
        return [a for _, a in rows[:size]], self._next(list(rows), size, fingerprint)

    # -- documents ---------------------------------------------------------------

    async def upload(
        self,
        principal: Principal,
        parent: str,
        display_name: str,
        media_type: str,
        expected_sha256: bytes,
        chunks: AsyncIterator[bytes],
    ) -> Document:
        """Stream a document into the object store, measuring its size and SHA-256 on the way; a
        refused upload (too large, wrong digest) stores nothing."""
        space_id = parse_space(parent, "header.parent")
        org = _org(principal)
        await self._role(principal, space_id, SpaceRole.CONTRIBUTOR)
        if not display_name.strip():
            raise field_invalid("header.document.display_name", "required")
        if expected_sha256 and len(expected_sha256) != 32:
            raise _document_invalid("expected_sha256 must be 32 bytes")
        digest = hashlib.sha256()
        size = 0
        limit = self.max_document_bytes

        async def measured() -> AsyncIterator[bytes]:
            nonlocal size
            async for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise InvalidArgument(
                        "DOCUMENT_TOO_LARGE",
                        f"the document is larger than {limit} bytes",
                        domain=DOMAIN,
                        metadata={"limit_bytes": str(limit)},
                    )
                digest.update(chunk)
                yield chunk
            # Raised inside the stream, so the store keeps nothing of a refused upload.
            if expected_sha256 and digest.digest() != expected_sha256:
                raise _document_invalid("the content does not hash to expected_sha256")

        document_id = str(uuid.uuid4())
        key = object_key(space_id, document_id)
        media = media_type or DEFAULT_MEDIA_TYPE
        await self.objects.put_stream(key, measured(), content_type=media)
        try:
            async with self.store.pool.acquire() as conn, conn.transaction():
                # The role is checked again: it may have been taken away while the content streamed.
                role = await self.store.role_of(space_id, org, conn)
                if role is None or role.rank < SpaceRole.CONTRIBUTOR.rank:
                    raise (
                        _space_not_found(space_id)
                        if role is None
                        else PermissionDenied(
                            "SPACE_ROLE_MISSING",
                            "the caller's role changed during the upload",
                            domain=DOMAIN,
                            metadata={"role": role.value, "needed": SpaceRole.CONTRIBUTOR.value},
                        )
                    )
                document = await self.store.insert_document(
                    conn,
                    Document(
                        space_id=space_id,
                        id=document_id,
                        display_name=display_name.strip(),
                        media_type=media,
                        size_bytes=size,
                        sha256=digest.digest(),
                        object_key=key,
                        creator=org,
                        create_time=datetime.now(UTC),
                    ),
                )
                await self.store.record(
                    conn,
                    space_id,
                    ActivityKind.DOCUMENT,
                    org,
                    f"spaces/{space_id}/documents/{document_id}",
                    f"{org} added {display_name.strip()!r} ({size} bytes)",
                )
        except BaseException:
            await self.objects.delete(key)
            raise
        log.info("space document added", space=space_id, document=document_id, bytes=size)
        return document

    async def documents(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Document], str]:
        space_id = parse_space(parent, "parent")
        await self._role(principal, space_id)
        size, before, fingerprint = self._page("ListSpaceDocuments", page_size, page_token, space=space_id)
        rows = await self.store.list_documents(space_id, before, size + 1)
        return [d for _, d in rows[:size]], self._next(list(rows), size, fingerprint)

    async def download(self, principal: Principal, name: str) -> tuple[Document, AsyncIterator[bytes]]:
        space_id, document_id = parse_space_document(name)
        await self._role(principal, space_id)
        document = await self.store.get_document(space_id, document_id)
        if document is None:
            raise NotFound(
                "SPACE_NOT_FOUND",
                "no document with this name in the space",
                domain=DOMAIN,
                metadata={"name": name[:300]},
            )
        return document, self.objects.open(document.object_key, chunk_size=DOWNLOAD_CHUNK_BYTES)

    # -- decisions ---------------------------------------------------------------

    async def decide(
        self, principal: Principal, parent: str, title: str, text: str, request_id: str
    ) -> Decision:
        """Record a decision and anchor its digest; a replay returns it (anchoring it then if the
        ledger was unavailable the first time)."""
        space_id = parse_space(parent, "parent")
        org = _org(principal)
        await self._role(principal, space_id, SpaceRole.MAINTAINER)
        if not title.strip():
            raise field_invalid("decision.title", "required")
        if not text.strip():
            raise field_invalid("decision.text", "required")
        request = json.dumps([parent, title, text]).encode()
        scope = scope_for("market.CreateDecision", principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            first = await self.request_ids.claim(conn, scope, request_id, request)
            if first is not None:
                decision = await self.store.get_decision(space_id, first.decode(), conn)
                assert decision is not None
            else:
                decision_id = str(uuid.uuid4())
                now = datetime.now(UTC)
                name = f"spaces/{space_id}/decisions/{decision_id}"
                digest = hashlib.sha256(decision_record(name, title, text, org, now)).digest()
                decision = await self.store.insert_decision(
                    conn, space_id, decision_id, title, text, digest, org, now
                )
                await self.store.record(
                    conn, space_id, ActivityKind.DECISION, org, name, f"{org} recorded the decision {title!r}"
                )
                await self.request_ids.record(conn, scope, request_id, decision_id.encode())
        if not decision.ledger_receipt:
            decision = await self._anchored(decision)
        return decision

    async def _anchored(self, decision: Decision) -> Decision:
        receipt = await self.anchor.anchor(
            decision.digest,
            {
                "kind": "market.space.decision",
                "decision": f"spaces/{decision.space_id}/decisions/{decision.id}",
            },
        )
        decision = await self.store.set_receipt(decision.space_id, decision.id, receipt)
        log.info("space decision anchored", space=decision.space_id, decision=decision.id, receipt=receipt)
        return decision

    async def anchor_pending_decisions(self) -> int:
        """Anchor the decisions recorded at least PENDING_GRACE_S ago and not anchored yet (their
        anchoring failed and no retry of the request came, or their process died before it); how
        many. Anchoring is idempotent by digest: one its own request anchors meanwhile gets the
        same receipt. A ledger still away leaves them for the next round."""
        anchored = 0
        for decision in await self.store.unanchored_decisions(PENDING_GRACE_S, 100):
            await self._anchored(decision)
            anchored += 1
        return anchored

    async def decisions(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Decision], str]:
        space_id = parse_space(parent, "parent")
        await self._role(principal, space_id)
        size, before, fingerprint = self._page("ListDecisions", page_size, page_token, space=space_id)
        rows = await self.store.list_decisions(space_id, before, size + 1)
        return [d for _, d in rows[:size]], self._next(list(rows), size, fingerprint)

    async def verify(self, principal: Principal, name: str) -> tuple[Decision, bool, bool]:
        """(decision, verified, confirmed): the digest recomputed from the stored record matches and
        the ledger holds the receipt; and whether that receipt is confirmed on the chain."""
        space_id, decision_id = parse_decision(name)
        await self._role(principal, space_id)
        decision = await self.store.get_decision(space_id, decision_id)
        if decision is None:
            raise NotFound(
                "SPACE_NOT_FOUND",
                "no decision with this name in the space",
                domain=DOMAIN,
                metadata={"name": name[:300]},
            )
        if decision_digest(decision) != decision.digest or not decision.ledger_receipt:
            return decision, False, False
        receipts = await self.anchor.anchored_receipts(decision.digest)
        if decision.ledger_receipt not in receipts:
            return decision, False, False
        return decision, True, receipts[decision.ledger_receipt]
