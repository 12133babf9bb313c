"""Q&A use cases: ask, answer, vote, accept, report, hide."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from jipan.interceptors.context import Principal
from jipan.servers.market.catalog.domain import Announcement, project_not_found
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.names import DOMAIN, caller_org, parse_answer, parse_project, parse_question
from jipan.servers.market.qa.model import Answer, Question
from jipan.servers.market.qa.store import QuestionStore
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument, NotFound, PermissionDenied
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.owned import OwnedTasks
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

MODERATOR_ROLE = "market-moderator"


def _org(principal: Principal) -> str:
    return caller_org(principal, "Q&A is by organisation")


def _not_found() -> NotFound:
    return NotFound("QUESTION_NOT_FOUND", "no question or answer with this name", domain=DOMAIN)


def _required(field: str, value: str) -> str:
    if not value.strip():
        raise InvalidArgument(
            "FIELD_INVALID", f"{field} is required", field_violations=[FieldViolation(field, "required")]
        )
    return value


def _moderator(principal: Principal) -> bool:
    return MODERATOR_ROLE in principal.roles


class Questions:
    def __init__(
        self, store: QuestionStore, catalog: CatalogStore, page_tokens: PageTokens, request_ids: RequestIds
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.on_answer: Callable[[Connection, str, str, str, str], Awaitable[Announcement]] | None = None
        """Called in the answer's transaction with (project id, question name, answer name, asking
        organisation): stages the asker's notification there and returns the announcement to
        make once the answer is committed."""
        self._announcing = OwnedTasks("market: announcing an answer")
        """Announcements of what is committed, made to the end though the caller goes away."""

    def _visible(self, principal: Principal, hidden: bool, author_org: str) -> bool:
        return not hidden or _moderator(principal) or author_org == principal.org

    async def ask(
        self, principal: Principal, parent: str, title: str, body: str, request_id: str
    ) -> Question:
        org = _org(principal)
        project_id = parse_project(parent, "parent")
        _required("question.title", title)
        _required("question.body", body)
        if await self.catalog.get_project(project_id) is None:
            raise project_not_found(project_id)
        request = json.dumps([parent, title, body]).encode()
        async with self.store.pool.acquire() as conn, conn.transaction():
            scope = scope_for("market.CreateQuestion", principal.subject)
            first = await self.request_ids.claim(conn, scope, request_id, request)
            if first is not None:
                found = await self.store.get_question(project_id, first.decode(), conn)
                assert found is not None
                return found
            question = await self.store.insert_question(conn, project_id, org, principal.subject, title, body)
            await self.request_ids.record(conn, scope, request_id, question.id.encode())
        return question

    async def get(self, principal: Principal, name: str) -> Question:
        project_id, question_id = parse_question(name)
        question = await self.store.get_question(project_id, question_id)
        if question is None or not self._visible(principal, question.hidden, question.author_org):
            raise _not_found()
        return question

    async def list_questions(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Question], str]:
        project_id = parse_project(parent, "parent")
        if await self.catalog.get_project(project_id) is None:
            raise project_not_found(project_id)
        size = resolve_page_size(page_size, default=50, maximum=500)
        moderator = _moderator(principal)
        fingerprint = query_fingerprint(
            "ListQuestions", project=project_id, org=principal.org or "", mod=moderator
        )
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        rows = await self.store.list_questions(project_id, principal.org or "", moderator, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [q for _, q in rows], token

    async def answer(self, principal: Principal, parent: str, body: str, request_id: str) -> Answer:
        org = _org(principal)
        question = await self.get(principal, parent)
        _required("answer.body", body)
        request = json.dumps([parent, body]).encode()
        async with self.store.pool.acquire() as conn, conn.transaction():
            scope = scope_for("market.CreateAnswer", principal.subject)
            first = await self.request_ids.claim(conn, scope, request_id, request)
            if first is not None:
                found = await self.store.get_answer(question.project_id, question.id, first.decode(), conn)
                assert found is not None
                return found
            created = await self.store.insert_answer(
                conn, question.project_id, question.id, org, principal.subject, body
            )
            await self.request_ids.record(conn, scope, request_id, created.id.encode())
            announcement = None
            if self.on_answer is not None:
                announcement = await self.on_answer(
                    conn, question.project_id, parent, f"{parent}/answers/{created.id}", question.author_org
                )
        if announcement is not None:
            # Made to the end though the caller goes away (a replay returns the stored answer
            # and notifies no one; staged, it would wait for a sweep).
            await self._announcing.run(announcement())
        return created

    async def list_answers(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Answer], str]:
        question = await self.get(principal, parent)
        size = resolve_page_size(page_size, default=50, maximum=500)
        moderator = _moderator(principal)
        fingerprint = query_fingerprint("ListAnswers", q=parent, org=principal.org or "", mod=moderator)
        offset = int(self.page_tokens.decode(page_token, fingerprint)["offset"]) if page_token else 0
        rows = await self.store.list_answers(
            question.project_id, question.id, principal.org or "", moderator, offset, size + 1
        )
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"offset": offset + size})
        return rows, token

    async def _answer(self, principal: Principal, name: str) -> Answer:
        project_id, question_id, answer_id = parse_answer(name)
        question = await self.store.get_question(project_id, question_id)
        found = await self.store.get_answer(project_id, question_id, answer_id)
        if (
            question is None
            or found is None
            or not self._visible(principal, question.hidden, question.author_org)
            or not self._visible(principal, found.hidden, found.author_org)
        ):
            raise _not_found()
        return found

    async def vote(self, principal: Principal, name: str, vote: int) -> Answer:
        answer = await self._answer(principal, name)
        await self.store.vote(answer.project_id, answer.question_id, answer.id, principal.subject, vote)
        updated = await self.store.get_answer(answer.project_id, answer.question_id, answer.id)
        assert updated is not None
        return updated

    async def accept(self, principal: Principal, name: str) -> Question:
        answer = await self._answer(principal, name)
        question = await self.store.get_question(answer.project_id, answer.question_id)
        assert question is not None
        if question.author_subject != principal.subject:
            raise PermissionDenied(
                "NOT_AUTHOR", "only the question's author accepts an answer", domain=DOMAIN
            )
        await self.store.accept(answer.project_id, answer.question_id, answer.id)
        accepted = await self.store.get_question(answer.project_id, answer.question_id)
        assert accepted is not None
        return accepted

    async def report(self, principal: Principal, name: str, reason: str) -> None:
        org = _org(principal)
        _required("reason", reason)
        if "/answers/" in name:
            await self._answer(principal, name)
        else:
            await self.get(principal, name)
        await self.store.report(name, principal.subject, org, reason)

    async def hide(self, principal: Principal, name: str, reason: str) -> None:
        _required("reason", reason)
        if "/answers/" in name:
            project_id, question_id, answer_id = parse_answer(name)
            hidden = await self.store.hide_answer(project_id, question_id, answer_id, reason)
        else:
            project_id, question_id = parse_question(name)
            hidden = await self.store.hide_question(project_id, question_id, reason)
        if not hidden:
            raise _not_found()
