"""The review flow: submit a claim (queued when the AI is not confident), decide it, re-fit the threshold."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.factcheck.factchecks.domain import FactChecks, Matches, ScoredMatch
from jipan.servers.factcheck.factchecks.types import Content, FactCheck
from jipan.servers.factcheck.matching import ClaimMatcher, Embedder
from jipan.servers.factcheck.names import (
    DOMAIN,
    new_id,
    organization,
    own_parent,
    parse_fact_check,
    parse_review_task,
)
from jipan.servers.factcheck.review.store import ReviewStore
from jipan.servers.factcheck.review.types import (
    Decision,
    Fit,
    Outcome,
    ReviewLink,
    ReviewTask,
    Suggested,
    Suggestion,
    TaskState,
    ThresholdInForce,
    ThresholdReset,
    disagrees,
    labels,
)
from jipan.servers.factcheck.sources.domain import Sources
from jipan.servers.factcheck.sources.normalize import links_in
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument, NotFound, Unavailable
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.ledger_anchor import PENDING_GRACE_S, DecisionAnchor
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

SUBMIT_SCOPE = "jipan.factcheck.v1.ReviewService/SubmitClaim"
SUGGESTIONS = 5


def task_digest(task: ReviewTask) -> bytes:
    """SHA-256 of the decided task: the claim, what the AI said, what the reviewer decided."""
    decision = task.decision
    assert decision is not None
    canonical = json.dumps(
        {
            "task": task.name,
            "claim": task.claim,
            "suggestion": task.suggestion.to_json(),
            "outcome": decision.outcome.value,
            "fact_check": decision.fact_check,
            "reviewer": decision.reviewer,
            "decide_time": decision.decide_time.isoformat(),
            "disagreement": task.disagreement,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).digest()


def not_found(name: str) -> NotFound:
    return NotFound(
        "REVIEW_TASK_NOT_FOUND", "no review task with this name", domain=DOMAIN, metadata={"name": name[:300]}
    )


@dataclass(frozen=True)
class Submitted:
    matches: Matches
    task: ReviewTask | None


class Reviews:
    def __init__(
        self,
        store: ReviewStore,
        fact_checks: FactChecks,
        embed: Embedder,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        sources: Sources,
        *,
        confident_score: float,
    ) -> None:
        self.store = store
        self.fact_checks = fact_checks
        self.sources = sources
        self.embed = embed
        self.anchor = anchor
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.confident_score = confident_score

    def _confident(self, matches: Matches) -> bool:
        return (
            not matches.no_match
            and bool(matches.matches)
            and matches.matches[0].score >= self.confident_score
        )

    async def submit(
        self, principal: Principal, parent: str, text: str, language: str, request_id: str
    ) -> Submitted:
        owner = own_parent(principal, parent)
        matches = await self.fact_checks.match(text, language, (), (), SUGGESTIONS, owner)
        fingerprint = json.dumps({"parent": parent, "text": text, "language": language}).encode()
        scope = scope_for(SUBMIT_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                first = json.loads(replay)
                task = await self.store.get(owner, first["task"], conn) if first["task"] else None
                return Submitted(
                    await self._matches(Suggestion.from_json(first["suggestion"])), await self._linked(task)
                )
            suggestion = Suggestion(
                tuple(Suggested(m.fact_check.name, m.score, m.lexical, m.dense) for m in matches.matches),
                matches.no_match,
                matches.threshold,
            )
            task = None
            if not self._confident(matches):
                task = await self.store.insert(
                    conn,
                    ReviewTask(
                        owner=owner,
                        id=new_id(),
                        claim=text.strip(),
                        language=language,
                        state=TaskState.OPEN,
                        suggestion=suggestion,
                        decision=None,
                        disagreement=False,
                        submitter=principal.subject,
                        create_time=datetime.now(UTC),
                    ),
                )
            await self.request_ids.record(
                conn,
                scope,
                request_id,
                json.dumps({"task": task.id if task else "", "suggestion": suggestion.to_json()}).encode(),
            )
        if task is not None:
            log.info("claim queued for review", review_task=task.name, no_match=matches.no_match)
        return Submitted(matches, await self._linked(task))

    async def _matches(self, suggestion: Suggestion) -> Matches:
        """A stored suggestion with its fact-checks read again (a replay shows them as they are now)."""
        found = []
        for m in suggestion.matches:
            try:
                fact_check = await self.fact_checks.get_published(m.fact_check)
            except NotFound:
                continue
            found.append(ScoredMatch(fact_check, m.score, m.lexical, m.dense))
        return Matches(found, suggestion.no_match, suggestion.threshold)

    async def get(self, principal: Principal, name: str) -> ReviewTask:
        owner, task_id = parse_review_task(name)
        task = await self.store.get(owner, task_id) if owner == organization(principal) else None
        if task is None:
            raise not_found(name)
        return (await self.with_links([task]))[0]

    async def with_links(self, tasks: Sequence[ReviewTask]) -> list[ReviewTask]:
        """`tasks` with the links of their claims and the source records covering each, as they
        are now (one query for all of them)."""
        found = [links_in(task.claim) for task in tasks]
        urls = [url for links in found for url in links]
        if not urls:
            return list(tasks)
        checks = iter(await self.sources.check_many(urls))
        return [
            replace(task, links=tuple(ReviewLink(url, next(checks)) for url in links))
            for task, links in zip(tasks, found, strict=True)
        ]

    async def _linked(self, task: ReviewTask | None) -> ReviewTask | None:
        return None if task is None else (await self.with_links([task]))[0]

    async def list_tasks(
        self,
        principal: Principal,
        parent: str,
        state: TaskState | None,
        disagreements_only: bool,
        page_size: int,
        page_token: str,
    ) -> tuple[list[ReviewTask], str]:
        owner = own_parent(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint(
            "ListReviewTasks",
            owner=owner,
            state=state.value if state else "",
            disagreements=disagreements_only,
        )
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.page(owner, state, disagreements_only, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return await self.with_links([task for _, task in rows]), token

    async def decide(
        self,
        principal: Principal,
        name: str,
        outcome: Outcome,
        chosen: str,
        note: str,
        new_content: Content | None,
    ) -> tuple[ReviewTask, FactCheck | None]:
        task = await self.get(principal, name)
        if task.decision is not None:
            same = task.decision.outcome is outcome and (
                outcome is not Outcome.MATCH_CONFIRMED or task.decision.fact_check == chosen
            )
            if same and not task.ledger_receipt and task.decision.reviewer == principal.subject:
                return await self._anchored(task), None  # a retry after the ledger failed (links kept)
            raise _decided(task)
        if outcome is Outcome.MATCH_CONFIRMED:
            parse_fact_check(chosen, "decision.fact_check")
            try:
                await self.fact_checks.get_published(chosen)
            except NotFound as exc:
                raise InvalidArgument(
                    "DECISION_INVALID",
                    "decision.fact_check must name a published fact-check",
                    domain=DOMAIN,
                    metadata={"problem": "fact_check not published", "fact_check": chosen[:300]},
                ) from exc
        elif outcome is Outcome.NEW_FACT_CHECK and new_content is None:
            raise InvalidArgument(
                "DECISION_INVALID",
                "NEW_FACT_CHECK needs new_fact_check",
                domain=DOMAIN,
                metadata={"problem": "new_fact_check missing"},
            )
        else:
            chosen = ""
        missed = await self._missed_label(task, outcome, chosen)
        written: FactCheck | None = None
        async with self.store.pool.acquire() as conn, conn.transaction():
            if outcome is Outcome.NEW_FACT_CHECK:
                assert new_content is not None
                content = replace(
                    new_content,
                    claim=new_content.claim or task.claim,
                    language=new_content.language or task.language,
                )
                written = await self.fact_checks.create_for_review(conn, principal, task.owner, content)
                chosen = written.name
            decision = Decision(outcome, chosen, note, principal.subject, datetime.now(UTC))
            disagreement = disagrees(task.suggestion, outcome, chosen)
            decided = replace(task, state=TaskState.DECIDED, decision=decision, disagreement=disagreement)
            digest = task_digest(decided)
            stored = await self.store.decide(
                conn,
                task.owner,
                task.id,
                decision,
                disagreement,
                digest,
                labels(task.suggestion, outcome, chosen) + missed,
            )
            if stored is None:  # a racing decision won
                current = await self.store.get(task.owner, task.id, conn)
                raise _decided(current or task)
        log.info(
            "review task decided", review_task=stored.name, outcome=outcome.value, disagreement=disagreement
        )
        return await self._anchored(replace(stored, links=task.links)), written

    async def _missed_label(
        self, task: ReviewTask, outcome: Outcome, chosen: str
    ) -> list[tuple[str, float, bool]]:
        """The confirmed fact-check's own score when the AI did not suggest it: a miss recall must count.

        Without it, re-fits would see only the suggestions, and a threshold
        could look perfect while the AI misses what reviewers find. If the
        embedder is down the label is left out (the decision still counts).
        """
        if outcome is not Outcome.MATCH_CONFIRMED or any(
            m.fact_check == chosen for m in task.suggestion.matches
        ):
            return []
        try:
            found = await self.fact_checks.index.matcher.match(
                task.claim, language=task.language or None, limit=1, accept=lambda claim: claim.id == chosen
            )
        except Unavailable:
            log.warning(
                "review label of a missed match left out: the embedder is down", review_task=task.name
            )
            return []
        return [(c.id, c.score, True) for c in found.candidates if c.id == chosen]

    async def _anchored(self, task: ReviewTask) -> ReviewTask:
        """Anchor the decided task's digest, after the decision committed."""
        assert task.decision is not None
        receipt = await self.anchor.anchor(
            task.digest,
            {"kind": "factcheck-review", "review_task": task.name, "outcome": task.decision.outcome.value},
        )
        await self.store.set_receipt(task.owner, task.id, receipt)
        return replace(task, ledger_receipt=receipt)

    async def anchor_pending(self) -> int:
        """Anchor the decisions left without a receipt for PENDING_GRACE_S (their anchoring failed
        and no retry came, or their process died before it); how many."""
        anchored = 0
        for task in await self.store.unanchored(PENDING_GRACE_S, 100):
            await self._anchored(task)
            anchored += 1
        return anchored

    async def refit(self, principal: Principal, organization: str = "") -> Fit:
        """Re-fit the whole base's threshold, or `organization`'s own (the caller's)."""
        if organization:
            own_parent(principal, organization, "organization")
        decisions = await self.store.labels(organization)
        confirmed = sum(1 for _, right in decisions if right)
        if confirmed == 0 or confirmed == len(decisions):
            raise FailedPrecondition(
                "NOT_ENOUGH_DECISIONS",
                "a threshold fit needs reviewer decisions with both a confirmed and a rejected suggestion",
                domain=DOMAIN,
                metadata={"decisions": str(len(decisions)), "confirmed": str(confirmed)},
            )
        await self.fact_checks.index.refresh()  # the threshold in force, as the database has it
        # A matcher of its own holds the threshold in force (this process's may
        # predate another replica's fit): the fit reports "before" against it.
        before = self.fact_checks.index.threshold_for(organization)
        fit = ClaimMatcher(self.embed, threshold=before).fit_threshold(decisions)
        now = datetime.now(UTC)
        await self.store.insert_fit(asdict(fit), principal.subject, now, organization)
        await self.fact_checks.index.refresh()
        log.info(
            "matching threshold re-fitted",
            organization=organization or "(whole base)",
            before=fit.threshold_before,
            after=fit.threshold_after,
        )
        return Fit(fit, principal.subject, now, organization)

    async def threshold(self, principal: Principal, organization: str = "") -> ThresholdInForce:
        """The threshold in force for the whole base, or for `organization` (the caller's), as stored."""
        if organization:
            own_parent(principal, organization, "organization")
            own = await self.store.last_fit(organization)
            if own is not None:
                return ThresholdInForce(own.fit.threshold_after, own, own=True)
        return await self._base_threshold()

    async def _base_threshold(self) -> ThresholdInForce:
        """The whole base's threshold as stored: its last fit, else (no fit ever made) the
        calibration shipped with the matcher, which fits never change."""
        base = await self.store.last_fit("")
        if base is not None:
            return ThresholdInForce(base.fit.threshold_after, base, own=False)
        return ThresholdInForce(self.fact_checks.index.matcher.threshold, None, own=False)

    async def reset(self, principal: Principal, organization: str) -> ThresholdReset:
        """Drop `organization`'s own threshold (the caller's): the whole base's is in force for it again."""
        own_parent(principal, organization, "organization")
        threshold = (await self._base_threshold()).threshold
        before = await self.store.insert_drop(organization, threshold, principal.subject, datetime.now(UTC))
        await self.fact_checks.index.refresh()
        if before is not None:
            log.info("matching threshold dropped", organization=organization, before=before, after=threshold)
        return ThresholdReset(dropped=before is not None, threshold_before=before or 0.0, threshold=threshold)


def _decided(task: ReviewTask) -> FailedPrecondition:
    return FailedPrecondition(
        "REVIEW_TASK_DECIDED",
        "the review task has been decided already",
        domain=DOMAIN,
        metadata={"outcome": task.decision.outcome.value if task.decision else ""},
    )
