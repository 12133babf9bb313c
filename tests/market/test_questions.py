"""QuestionService end to end: ask, answer, vote, accept, report, hide, replay by request_id."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest

from jipan.clients import error_details
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import question_service_pb2 as qpb
from jipan.market.v1 import question_service_pb2_grpc as qpb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.servers import ledger, market, procurement, system
from jipan.servers.market.catalog.domain import Announcement
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.qa.domain import Questions
from jipan.servers.market.qa.store import QuestionStore
from jipan.servers.runtime.idempotency import Connection, RequestIds
from tests.conftest import fresh_database
from tests.market.conftest import caller_of
from tests.mesh import RunningServer, make_settings, running_server

FIXTURES = Path(__file__).with_name("fixtures")
SCOPES = ("market.read", "market.write", "procurement.read")
Metadata = tuple[tuple[str, str], ...]


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market_qa") as own:
        settings = make_settings(own, tmp_path_factory.mktemp("market-qa"))
        modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


def meta(server: RunningServer, org: str, person: str = "", roles: tuple[str, ...] = ("member",)) -> Metadata:
    return server.metadata(
        subject=f"people/{person or 'someone'}-at-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=roles
    )


async def expect(call: object, code: grpc.StatusCode, reason: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason


async def test_questions_and_answers(server: RunningServer) -> None:
    agency, vendor, other = (f"{x}-{uuid.uuid4().hex[:6]}" for x in ("agency", "vendor", "other"))
    async with grpc.aio.insecure_channel(server.address) as channel:
        projects: ppb_grpc.ProjectServiceAsyncStub = ppb_grpc.ProjectServiceStub(channel)
        qa: qpb_grpc.QuestionServiceAsyncStub = qpb_grpc.QuestionServiceStub(channel)
        await projects.ImportProject(
            ppb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_PYPI_JSON, metadata=(FIXTURES / "pypi-idna.json").read_bytes()
            ),
            metadata=meta(server, agency),
        )
        ask = qpb.CreateQuestionRequest(
            parent="projects/pypi-idna",
            question=mres.Question(title="支援 IDNA 2008 嗎？", body="我們的入口網站需要處理中文網域名稱。"),
            request_id=str(uuid.uuid4()),
        )
        question = (await qa.CreateQuestion(ask, metadata=meta(server, agency, "asker"))).question
        assert question.author == f"orgs/{agency}"
        assert "people/" not in str(question)
        replay = (await qa.CreateQuestion(ask, metadata=meta(server, agency, "asker"))).question
        assert replay.name == question.name
        changed = qpb.CreateQuestionRequest(
            parent=ask.parent, question=mres.Question(title="x", body="y"), request_id=ask.request_id
        )
        await expect(
            qa.CreateQuestion(changed, metadata=meta(server, agency, "asker")),
            grpc.StatusCode.INVALID_ARGUMENT,
            "REQUEST_ID_REUSED",
        )

        def answer(org: str, body: str) -> qpb.CreateAnswerRequest:
            return qpb.CreateAnswerRequest(
                parent=question.name, answer=mres.Answer(body=body), request_id=str(uuid.uuid4())
            )

        first = (
            await qa.CreateAnswer(
                answer(vendor, "是，idna 實作 IDNA 2008（RFC 5891）。"), metadata=meta(server, vendor)
            )
        ).answer
        second = (
            await qa.CreateAnswer(answer(other, "請改用 punycode。"), metadata=meta(server, other))
        ).answer
        # Votes: one per person; changing or taking it back moves the score.
        for person in ("a", "b", "c"):
            await qa.VoteAnswer(
                qpb.VoteAnswerRequest(name=second.name, vote=1), metadata=meta(server, agency, person)
            )
        voted = (
            await qa.VoteAnswer(
                qpb.VoteAnswerRequest(name=second.name, vote=1), metadata=meta(server, agency, "a")
            )
        ).answer
        assert voted.score == 3
        voted = (
            await qa.VoteAnswer(
                qpb.VoteAnswerRequest(name=second.name, vote=-1), metadata=meta(server, agency, "a")
            )
        ).answer
        assert voted.score == 1
        voted = (
            await qa.VoteAnswer(
                qpb.VoteAnswerRequest(name=second.name, vote=0), metadata=meta(server, agency, "b")
            )
        ).answer
        assert voted.score == 0
        await qa.VoteAnswer(
            qpb.VoteAnswerRequest(name=first.name, vote=-1), metadata=meta(server, agency, "c")
        )

        # Only the asker accepts; the accepted answer lists first whatever its score.
        await expect(
            qa.AcceptAnswer(
                qpb.AcceptAnswerRequest(name=first.name), metadata=meta(server, agency, "colleague")
            ),
            grpc.StatusCode.PERMISSION_DENIED,
            "NOT_AUTHOR",
        )
        accepted = (
            await qa.AcceptAnswer(
                qpb.AcceptAnswerRequest(name=first.name), metadata=meta(server, agency, "asker")
            )
        ).question
        assert accepted.accepted_answer == first.name
        listed = (
            await qa.ListAnswers(qpb.ListAnswersRequest(parent=question.name), metadata=meta(server, other))
        ).answers
        assert [a.name for a in listed] == [first.name, second.name]
        assert listed[0].accepted

        # Moderation: anyone reports; a moderator hides with a reason; others no longer see it.
        await qa.ReportContent(
            qpb.ReportContentRequest(name=second.name, reason="不正確的建議"), metadata=meta(server, agency)
        )
        await expect(
            qa.HideContent(
                qpb.HideContentRequest(name=second.name, reason="x"), metadata=meta(server, agency)
            ),
            grpc.StatusCode.PERMISSION_DENIED,
            "ROLE_MISSING",
        )
        await qa.HideContent(
            qpb.HideContentRequest(name=second.name, reason="誤導"),
            metadata=meta(server, "ops", roles=("market-moderator",)),
        )
        seen = (
            await qa.ListAnswers(qpb.ListAnswersRequest(parent=question.name), metadata=meta(server, vendor))
        ).answers
        assert [a.name for a in seen] == [first.name]
        own = (
            await qa.ListAnswers(qpb.ListAnswersRequest(parent=question.name), metadata=meta(server, other))
        ).answers
        assert [(a.name, a.hidden, a.hidden_reason) for a in own if a.hidden] == [(second.name, True, "誤導")]
        await expect(
            qa.VoteAnswer(qpb.VoteAnswerRequest(name=second.name, vote=1), metadata=meta(server, vendor)),
            grpc.StatusCode.NOT_FOUND,
            "QUESTION_NOT_FOUND",
        )

        page = (
            await qa.ListQuestions(
                qpb.ListQuestionsRequest(parent="projects/pypi-idna"), metadata=meta(server, vendor)
            )
        ).questions
        assert [q.name for q in page] == [question.name]
        await expect(
            qa.GetQuestion(
                qpb.GetQuestionRequest(name=f"projects/pypi-idna/questions/{uuid.uuid4()}"),
                metadata=meta(server, vendor),
            ),
            grpc.StatusCode.NOT_FOUND,
            "QUESTION_NOT_FOUND",
        )


async def test_an_answer_is_notified_though_its_caller_goes_away(server: RunningServer) -> None:
    """The answer is committed before its notification is made: a caller cancelling then (a
    client deadline) cancelled the notification too, and nothing made it again."""
    org = f"agency-{uuid.uuid4().hex[:6]}"
    async with grpc.aio.insecure_channel(server.address) as channel:
        await ppb_grpc.ProjectServiceStub(channel).ImportProject(
            ppb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_PYPI_JSON, metadata=(FIXTURES / "pypi-idna.json").read_bytes()
            ),
            metadata=meta(server, org),
        )
    pool = server.runtime.database
    questions = Questions(QuestionStore(pool), CatalogStore(pool), server.runtime.page_tokens, RequestIds())
    principal = caller_of(org)
    question = await questions.ask(principal, "projects/pypi-idna", "title", "body", str(uuid.uuid4()))
    notifying, go = asyncio.Event(), asyncio.Event()
    notified: list[str] = []

    async def on_answer(
        conn: Connection, project_id: str, question: str, answer: str, asker_org: str
    ) -> Announcement:
        async def announce() -> None:
            notifying.set()
            await go.wait()
            notified.append(answer)

        return announce

    questions.on_answer = on_answer
    name = f"projects/pypi-idna/questions/{question.id}"
    answering = asyncio.create_task(questions.answer(principal, name, "an answer", str(uuid.uuid4())))
    await notifying.wait()
    answering.cancel()
    with pytest.raises(asyncio.CancelledError):
        await answering
    go.set()
    for _ in range(100):  # the notification runs on by itself: a few turns of the loop
        if notified:
            break
        await asyncio.sleep(0)
    assert len(notified) == 1
