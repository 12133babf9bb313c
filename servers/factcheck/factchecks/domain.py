"""Fact-checks: write, read, publish (anchoring the digest), import, search, export, match."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.factcheck.factchecks import claimreview, cofacts
from jipan.servers.factcheck.factchecks.content import checked
from jipan.servers.factcheck.factchecks.store import FactCheckStore, Filters
from jipan.servers.factcheck.factchecks.types import Content, FactCheck, ImportItem, State
from jipan.servers.factcheck.index import ClaimIndex
from jipan.servers.factcheck.limits import LANGUAGE, language_primary
from jipan.servers.factcheck.matching import IndexedClaim
from jipan.servers.factcheck.names import (
    DOMAIN,
    new_id,
    organization,
    own_parent,
    parse_fact_check,
    valid_publisher,
)
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument, NotFound
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.ledger_anchor import PENDING_GRACE_S, DecisionAnchor
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

CREATE_SCOPE = "jipan.factcheck.v1.FactCheckService/CreateFactCheck"
IMPORT_SCOPE = "jipan.factcheck.v1.FactCheckService/ImportFactChecks"
UPDATABLE = frozenset(
    {
        "claim",
        "title",
        "verdict",
        "rating_text",
        "explanation",
        "evidence",
        "language",
        "publisher_display_name",
        "uri",
        "claim_author",
        "claim_appearances",
        "claim_time",
    }
)
OUTPUT_ONLY = frozenset(
    {
        "name",
        "review_rating",
        "cofacts_reply_type",
        "publisher",
        "state",
        "import_source",
        "creator",
        "create_time",
        "update_time",
        "publish_time",
        "digest",
        "ledger_receipt",
    }
)
"""Ignored in an update_mask (AIP-203): the server sets them."""
MAX_LISTED = 1000
ANCHOR_CONCURRENCY = 8
DEFAULT_MATCH_LIMIT = 5


def fact_check_digest(fact_check: FactCheck) -> bytes:
    """SHA-256 of the published fact-check's canonical JSON: who said what, when (and, once
    withdrawn, when and why it was withdrawn; a published one's digest has no such keys)."""
    content = fact_check.content
    withdrawal: dict[str, str] = {}
    if fact_check.state is State.WITHDRAWN:
        withdrawal = {
            "withdraw_time": fact_check.withdraw_time.isoformat() if fact_check.withdraw_time else "",
            "withdraw_reason": fact_check.withdraw_reason,
        }
    canonical = json.dumps(
        {
            **withdrawal,
            "name": fact_check.name,
            "publisher": fact_check.owner,
            "claim": content.claim,
            "title": content.title,
            "verdict": content.verdict.value,
            "rating_text": content.rating_text,
            "explanation": content.explanation,
            "evidence": [[e.uri, e.title] for e in content.evidence],
            "language": content.language,
            "uri": content.uri,
            "publish_time": fact_check.publish_time.isoformat() if fact_check.publish_time else "",
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).digest()


def not_found(name: str) -> NotFound:
    return NotFound(
        "FACT_CHECK_NOT_FOUND", "no fact-check with this name", domain=DOMAIN, metadata={"name": name[:300]}
    )


def withdrawn(fact_check: FactCheck, doing: str) -> FailedPrecondition:
    return FailedPrecondition(
        "FACT_CHECK_WITHDRAWN",
        f"the fact-check was withdrawn ({fact_check.withdraw_reason[:200]}); it cannot be {doing}",
        domain=DOMAIN,
        metadata={"name": fact_check.name},
    )


@dataclass(frozen=True)
class Feed:
    """A page of ExportClaimReviewFeed: the DataFeed's JSON-LD, the next page's token (empty on the
    last page) and the token that asks later for what changed after this page."""

    json_ld: str
    next_page_token: str
    resume_page_token: str
    item_count: int


@dataclass(frozen=True)
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    issues: list[tuple[str, str]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    feedback_updated: int = 0

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "imported": self.imported,
                "duplicates": self.duplicates,
                "issues": self.issues,
                "names": self.names,
                "feedback_updated": self.feedback_updated,
            }
        ).encode()

    @classmethod
    def from_json(cls, data: bytes) -> ImportReport:
        body = json.loads(data)
        return cls(
            body["imported"],
            body["duplicates"],
            [tuple(i) for i in body["issues"]],
            body["names"],
            body.get("feedback_updated", 0),  # absent from reports recorded before it was counted
        )


@dataclass(frozen=True)
class ScoredMatch:
    fact_check: FactCheck
    score: float
    lexical: float
    dense: float


@dataclass(frozen=True)
class Matches:
    matches: list[ScoredMatch]
    no_match: bool
    threshold: float


class FactChecks:
    def __init__(
        self,
        store: FactCheckStore,
        index: ClaimIndex,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
    ) -> None:
        self.store = store
        self.index = index
        self.anchor = anchor
        self.page_tokens = page_tokens
        self.request_ids = request_ids

    # -- writes ------------------------------------------------------------

    async def create(self, principal: Principal, parent: str, content: Content, request_id: str) -> FactCheck:
        owner = own_parent(principal, parent)
        content = checked(content)
        fingerprint = json.dumps({"parent": parent, "content": repr(content)}, sort_keys=True).encode()
        scope = scope_for(CREATE_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                stored = await self.store.get(owner, replay.decode(), conn)
                if stored is None:  # the draft this request made was deleted since
                    raise NotFound(
                        "FACT_CHECK_NOT_FOUND",
                        "the fact-check this request_id created has been deleted; use a new request_id",
                        domain=DOMAIN,
                        metadata={"name": f"{owner}/factChecks/{replay.decode()}"[:300]},
                    )
                return stored
            now = datetime.now(UTC)
            draft = FactCheck(owner, new_id(), content, State.DRAFT, "", principal.subject, now, now)
            created = await self.store.insert(conn, draft)
            if created is None:
                raise RuntimeError("a fact-check without import source conflicted")
            await self.request_ids.record(conn, scope, request_id, created.id.encode())
        log.info("fact-check created", fact_check=created.name)
        return created

    async def create_for_review(
        self, conn: Any, principal: Principal, owner: str, content: Content
    ) -> FactCheck:
        """A draft written by a reviewer deciding a task, in the decision's transaction."""
        now = datetime.now(UTC)
        draft = FactCheck(
            owner, new_id(), checked(content, "new_fact_check"), State.DRAFT, "", principal.subject, now, now
        )
        created = await self.store.insert(conn, draft)
        if created is None:
            raise RuntimeError("a fact-check without import source conflicted")
        return created

    async def _own(self, principal: Principal, name: str) -> FactCheck:
        owner, fact_check_id = parse_fact_check(name)
        found = await self.store.get(owner, fact_check_id) if owner == organization(principal) else None
        if found is None:
            raise not_found(name)
        return found

    async def update(self, principal: Principal, name: str, changes: Mapping[str, Any]) -> FactCheck:
        current = await self._own(principal, name)  # ownership before anything about the request
        if current.state is State.WITHDRAWN:
            raise withdrawn(current, "changed")
        changes = {path: value for path, value in changes.items() if path not in OUTPUT_ONLY}
        for path in changes:
            if path not in UPDATABLE:
                raise InvalidArgument(
                    "FIELD_NOT_UPDATABLE",
                    f"update_mask may not name {path[:80]!r}",
                    domain=DOMAIN,
                    metadata={"field": path[:200]},
                )
        content = checked(replace(current.content, **changes))
        now = datetime.now(UTC)
        digest = None
        if current.published:
            digest = fact_check_digest(replace(current, content=content))
        updated = await self.store.update_content(
            current.owner, current.id, content, now, digest, current.state
        )
        if updated is None:
            # Published, withdrawn or deleted by a racing call since it was read: the digest
            # made here would not fit it. Read it again and decide on what it is now.
            return await self.update(principal, name, changes)
        await self.index.refresh()
        if updated.published:
            updated = await self._anchored(updated)
        return updated

    async def publish(self, principal: Principal, name: str) -> FactCheck:
        current = await self._own(principal, name)
        if current.state is State.WITHDRAWN:
            raise withdrawn(current, "published again (write a new fact-check)")
        published = current
        if not current.published:
            now = datetime.now(UTC)
            digest = fact_check_digest(replace(current, state=State.PUBLISHED, publish_time=now))
            async with self.store.pool.acquire() as conn:
                result = await self.store.publish(conn, current.owner, current.id, now, digest)
            if result is None:  # published by a racing call meanwhile
                result = await self._own(principal, name)
            published = result
            log.info("fact-check published", fact_check=published.name)
            await self.index.refresh()
        return await self._anchored(published)

    async def withdraw(self, principal: Principal, name: str, reason: str) -> FactCheck:
        """Withdraw a published fact-check with a public reason; a withdrawn one is returned as it is."""
        current = await self._own(principal, name)
        reason = reason.strip()
        if not reason:
            raise InvalidArgument(
                "FIELD_INVALID", "reason is required: say why it is withdrawn", metadata={"field": "reason"}
            )
        if current.state is State.DRAFT:
            raise FailedPrecondition(
                "FACT_CHECK_NOT_PUBLISHED",
                "only a published fact-check is withdrawn; delete a draft instead",
                domain=DOMAIN,
                metadata={"name": current.name},
            )
        result = current
        if current.state is State.PUBLISHED:
            now = datetime.now(UTC)
            digest = fact_check_digest(
                replace(current, state=State.WITHDRAWN, withdraw_time=now, withdraw_reason=reason)
            )
            changed = await self.store.withdraw(current.owner, current.id, now, reason, digest)
            if changed is None:  # withdrawn by a racing call meanwhile
                changed = await self._own(principal, name)
            else:
                log.info("fact-check withdrawn", fact_check=changed.name)
            result = changed
            await self.index.refresh()  # out of this process's matching at once; replicas at their next poll
        return await self._anchored(result)

    async def delete(self, principal: Principal, name: str) -> None:
        """Delete a draft of the caller's organisation."""
        current = await self._own(principal, name)
        if current.state is not State.DRAFT:
            raise FailedPrecondition(
                "FACT_CHECK_PUBLISHED",
                "a published fact-check is on the ledger: withdraw it instead of deleting it",
                domain=DOMAIN,
                metadata={"name": current.name},
            )
        if not await self.store.delete_draft(current.owner, current.id):
            # Published or deleted by a racing call meanwhile: say which.
            await self.delete(principal, name)
            return
        log.info("fact-check deleted", fact_check=current.name)

    async def _anchored(self, fact_check: FactCheck) -> FactCheck:
        """Anchor the current digest (after commit: the ledger may be this process)."""
        if fact_check.ledger_receipt or not fact_check.digest:
            return fact_check
        # A withdrawal's reason is in its digest, not in the ledger's metadata.
        kind = "factcheck-withdrawal" if fact_check.state is State.WITHDRAWN else "factcheck-verdict"
        receipt = await self.anchor.anchor(
            fact_check.digest,
            {
                "kind": kind,
                "fact_check": fact_check.name,
                "verdict": fact_check.content.verdict.value,
            },
        )
        await self.store.set_receipt(fact_check.owner, fact_check.id, fact_check.digest, receipt)
        return replace(fact_check, ledger_receipt=receipt)

    # -- import --------------------------------------------------------------

    async def import_items(
        self,
        principal: Principal,
        parent: str,
        items: Callable[[], Sequence[ImportItem]],
        publish: bool,
        request_id: str,
        fingerprint: bytes,
    ) -> ImportReport:
        """Import parsed items (where, content or None, import source, problem) in one transaction."""
        owner = own_parent(principal, parent)
        parsed = await asyncio.to_thread(items)
        scope = scope_for(IMPORT_SCOPE, principal.subject)
        imported: list[FactCheck] = []
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is None:
                report = await self._import(conn, principal, owner, parsed, publish, imported)
                await self.request_ids.record(conn, scope, request_id, report.to_json())
        if replay is not None:
            if publish:  # a retry after the ledger failed anchors what the first call left
                await self.anchor_pending(owner)
            return ImportReport.from_json(replay)
        log.info(
            "fact-checks imported",
            org=owner,
            imported=report.imported,
            duplicates=report.duplicates,
            issues=len(report.issues),
        )
        if imported:
            await self.index.refresh()
        if publish:
            await self.anchor_pending(owner)
        return report

    async def _import(
        self,
        conn: Connection,
        principal: Principal,
        owner: str,
        parsed: Sequence[ImportItem],
        publish: bool,
        imported: list[FactCheck],
    ) -> ImportReport:
        """Insert the parsed items in the caller's transaction; `imported` collects the new ones."""
        issues: list[tuple[str, str]] = []
        duplicates = feedback_updated = 0
        now = datetime.now(UTC)
        for item in parsed:
            if item.content is None:
                issues.append((item.where, item.problem))
                continue
            try:
                content = checked(item.content)
            except InvalidArgument as exc:
                issues.append((item.where, exc.message))
                continue
            draft = FactCheck(
                owner,
                new_id(),
                content,
                State.DRAFT,
                item.source,
                principal.subject,
                now,
                now,
                feedback=item.feedback,
            )
            created = await self.store.insert(conn, draft)
            if created is None:
                duplicates += 1
                if item.feedback is not None and await self.store.refresh_feedback(
                    conn, owner, item.source, item.feedback, now
                ):
                    feedback_updated += 1
                continue
            if publish:
                digest = fact_check_digest(replace(created, state=State.PUBLISHED, publish_time=now))
                created = await self.store.publish(conn, owner, created.id, now, digest) or created
            imported.append(created)
        return ImportReport(
            imported=len(imported),
            duplicates=duplicates,
            feedback_updated=feedback_updated,
            issues=issues[:MAX_LISTED],
            names=[f.name for f in imported[:MAX_LISTED]],
        )

    async def anchor_pending(self, owner: str) -> None:
        """Anchor every published fact-check of `owner` whose digest has no receipt yet.

        Publishing commits before anchoring (the ledger may be this process);
        what a failed ledger call left is anchored by the retry, whichever
        request it was.
        """
        gate = asyncio.Semaphore(ANCHOR_CONCURRENCY)

        async def anchor_one(fact_check: FactCheck) -> None:
            async with gate:
                await self._anchored(fact_check)

        tried: set[tuple[str, bytes]] = set()
        while True:
            pending = [f for f in await self.store.unanchored(owner, 500) if (f.id, f.digest) not in tried]
            if not pending:
                # Done, or what is left was tried in this round already (its digest changed
                # under the anchoring, say): the next write or sweep takes it up.
                return
            tried.update((f.id, f.digest) for f in pending)
            await asyncio.gather(*(anchor_one(f) for f in pending))

    async def anchor_every_pending(self) -> int:
        """Every owner's fact-checks left without a receipt for PENDING_GRACE_S (their anchoring
        failed and the owner has not written since, or their process died before it), anchored
        as `anchor_pending` does on the owner's next write; how many owners had some."""
        owners = await self.store.unanchored_owners(PENDING_GRACE_S)
        for owner in owners:
            await self.anchor_pending(owner)
        return len(owners)

    # -- reads ---------------------------------------------------------------

    async def get(self, principal: Principal, name: str) -> FactCheck:
        owner, fact_check_id = parse_fact_check(name)
        found = await self.store.get(owner, fact_check_id)
        if found is None or (not found.public and owner != principal.org):
            raise not_found(name)
        return found

    async def get_published(self, name: str) -> FactCheck:
        owner, fact_check_id = parse_fact_check(name)
        found = await self.store.get(owner, fact_check_id)
        if found is None or not found.published:
            raise not_found(name)
        return found

    async def list_fact_checks(
        self, principal: Principal, parent: str, filters: Filters, page_size: int, page_token: str
    ) -> tuple[list[FactCheck], str]:
        owner = own_parent(principal, parent)
        return await self._page(
            "ListFactChecks", owner, filters, page_size, page_token, default=50, maximum=500
        )

    async def search(self, filters: Filters, page_size: int, page_token: str) -> tuple[list[FactCheck], str]:
        if filters.publisher:
            valid_publisher(filters.publisher, "publisher")
        filters = replace(filters, state=State.PUBLISHED)
        return await self._page(
            "SearchFactChecks", None, filters, page_size, page_token, default=20, maximum=100
        )

    async def _page(
        self,
        method: str,
        owner: str | None,
        filters: Filters,
        page_size: int,
        page_token: str,
        *,
        default: int,
        maximum: int,
    ) -> tuple[list[FactCheck], str]:
        size = resolve_page_size(page_size, default=default, maximum=maximum)
        fingerprint = query_fingerprint(
            method,
            owner=owner or "",
            state=filters.state.value if filters.state else "",
            verdict=filters.verdict.value if filters.verdict else "",
            language=filters.language,
            query=filters.query,
            publisher=filters.publisher,
        )
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else 0
        rows = await self.store.page(owner, filters, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [fact_check for _, fact_check in rows], token

    async def claim_review_feed(self, publisher: str, page_size: int, page_token: str) -> Feed:
        """A page of the published base as a schema.org DataFeed, in change order (see Feed)."""
        if publisher:
            valid_publisher(publisher, "publisher")
        size = resolve_page_size(page_size, default=100, maximum=500)
        fingerprint = query_fingerprint("ExportClaimReviewFeed", publisher=publisher)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.feed(publisher or None, after, size + 1)
        # A change is served once it has settled (store.settled_before): a write that drew its
        # change number before another but commits after it must not be skipped by a mirror
        # that has read past the later one. The page stops at the first unsettled change.
        settled_before = await self.store.settled_before()
        elements: list[dict[str, Any]] = []
        last = after
        more = len(rows) > size
        for seq, fact_check in rows[:size]:
            if fact_check.update_time > settled_before:
                more = False
                break
            last = seq
            if fact_check.state is not State.DRAFT:
                elements.append(claimreview.feed_item(fact_check))
        resume = self.page_tokens.encode(fingerprint, {"after": last})
        document = {"@context": claimreview.CONTEXT, "@type": "DataFeed", "dataFeedElement": elements}
        return Feed(
            json.dumps(document, ensure_ascii=False, sort_keys=True),
            resume if more else "",
            resume,
            len(elements),
        )

    async def export_claim_review(self, name: str) -> str:
        owner, fact_check_id = parse_fact_check(name)
        found = await self.store.get(owner, fact_check_id)
        if found is not None and found.state is State.WITHDRAWN:
            raise withdrawn(found, "exported")
        if found is None or not found.published:
            raise not_found(name)
        return json.dumps(claimreview.export(found), ensure_ascii=False, sort_keys=True)

    # -- matching ------------------------------------------------------------

    async def match(
        self,
        text: str,
        language: str,
        fact_check_languages: Sequence[str],
        publishers: Sequence[str],
        limit: int,
        organization: str | None = None,
    ) -> Matches:
        """Match `text`; "no match" by the threshold in force for `organization` (the caller's)."""
        if not text.strip():
            raise InvalidArgument("FIELD_INVALID", "text is required", metadata={"field": "text"})
        if language and not LANGUAGE.match(language):
            raise InvalidArgument(
                "FIELD_INVALID", "language must be a BCP-47 tag", metadata={"field": "language"}
            )
        for index, publisher in enumerate(publishers):
            valid_publisher(publisher, f"publishers[{index}]")
        wanted_languages = frozenset(language_primary(tag) for tag in fact_check_languages if tag)
        wanted_publishers = frozenset(publishers)
        accept: Callable[[IndexedClaim], bool] | None = None
        if wanted_languages or wanted_publishers:

            def accept(claim: IndexedClaim) -> bool:
                return (not wanted_languages or language_primary(claim.language) in wanted_languages) and (
                    not wanted_publishers or claim.organization in wanted_publishers
                )

        count = resolve_page_size(limit, default=DEFAULT_MATCH_LIMIT, maximum=50)
        outcome = await self.index.matcher.match(text, language=language or None, limit=count, accept=accept)
        # The threshold in force is the database's (the caller's organisation's last fit, else
        # the whole base's, read by every replica), not whatever this process's matcher was
        # built with.
        threshold = self.index.threshold_for(organization)
        keys = [parse_fact_check(candidate.id) for candidate in outcome.candidates]
        stored = await self.store.get_many(keys) if keys else {}
        found: list[ScoredMatch] = []
        for key, candidate in zip(keys, outcome.candidates, strict=True):
            fact_check = stored.get(key)
            if fact_check is None or not fact_check.published:  # changed since the last poll
                continue
            found.append(ScoredMatch(fact_check, candidate.score, candidate.lexical, candidate.dense))
        return Matches(found, not found or found[0].score < threshold, threshold)


def cofacts_items(
    articles: bytes,
    article_replies: bytes,
    replies: bytes,
    language: str,
    article_hyperlinks: bytes = b"",
    reply_hyperlinks: bytes = b"",
) -> Callable[[], list[ImportItem]]:
    """The Cofacts CSVs' items, read in a worker thread; IMPORT_INVALID when a file cannot be read."""

    def read() -> list[ImportItem]:
        try:
            return list(
                cofacts.read(
                    articles, article_replies, replies, language, article_hyperlinks, reply_hyperlinks
                )
            )
        except cofacts.TableProblem as exc:
            raise InvalidArgument(
                "IMPORT_INVALID", str(exc), domain=DOMAIN, metadata={"part": exc.part, "problem": exc.problem}
            ) from exc

    return read


def claim_review_items(data: bytes, language: str) -> Callable[[], list[ImportItem]]:
    def read() -> list[ImportItem]:
        try:
            nodes = claimreview.parse_document(data)
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            raise InvalidArgument(
                "IMPORT_INVALID",
                "claim_review is not a JSON document",
                domain=DOMAIN,
                metadata={"part": "claim_review", "problem": str(exc)[:200]},
            ) from exc
        items: list[ImportItem] = []
        for where, node in nodes:  # parse_document walked the nesting json.loads allowed
            try:
                content, source = claimreview.read_item(node, language)
            except claimreview.ItemProblem as exc:
                items.append(ImportItem(where, None, "", str(exc)))
                continue
            items.append(ImportItem(where, content, source))
        return items

    return read
