"""QuestionService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.interceptors.context import current_principal
from jipan.market.v1 import question_service_pb2 as qpb
from jipan.market.v1 import question_service_pb2_grpc as qpb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.servers.market.catalog.convert import timestamp
from jipan.servers.market.qa.domain import Questions
from jipan.servers.market.qa.model import Answer, Question

Context = grpc.aio.ServicerContext[Any, Any]


def question_to_pb(question: Question, score: int = 0) -> mres.Question:
    base = f"projects/{question.project_id}/questions/{question.id}"
    return mres.Question(
        name=base,
        title=question.title,
        body=question.body,
        author=question.author_org,
        accepted_answer=f"{base}/answers/{question.accepted_answer}" if question.accepted_answer else "",
        score=score,
        hidden=question.hidden,
        hidden_reason=question.hidden_reason,
        create_time=timestamp(question.create_time),
    )


def answer_to_pb(answer: Answer) -> mres.Answer:
    return mres.Answer(
        name=f"projects/{answer.project_id}/questions/{answer.question_id}/answers/{answer.id}",
        body=answer.body,
        author=answer.author_org,
        score=answer.score,
        accepted=answer.accepted,
        hidden=answer.hidden,
        hidden_reason=answer.hidden_reason,
        create_time=timestamp(answer.create_time),
    )


class QuestionServicer(qpb_grpc.QuestionServiceServicer):
    def __init__(self, questions: Questions) -> None:
        self._questions = questions

    async def CreateQuestion(
        self, request: qpb.CreateQuestionRequest, context: Context
    ) -> qpb.CreateQuestionResponse:
        question = await self._questions.ask(
            current_principal(),
            request.parent,
            request.question.title,
            request.question.body,
            request.request_id,
        )
        return qpb.CreateQuestionResponse(question=question_to_pb(question))

    async def GetQuestion(self, request: qpb.GetQuestionRequest, context: Context) -> qpb.GetQuestionResponse:
        return qpb.GetQuestionResponse(
            question=question_to_pb(await self._questions.get(current_principal(), request.name))
        )

    async def ListQuestions(
        self, request: qpb.ListQuestionsRequest, context: Context
    ) -> qpb.ListQuestionsResponse:
        rows, token = await self._questions.list_questions(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return qpb.ListQuestionsResponse(questions=[question_to_pb(q) for q in rows], next_page_token=token)

    async def CreateAnswer(
        self, request: qpb.CreateAnswerRequest, context: Context
    ) -> qpb.CreateAnswerResponse:
        answer = await self._questions.answer(
            current_principal(), request.parent, request.answer.body, request.request_id
        )
        return qpb.CreateAnswerResponse(answer=answer_to_pb(answer))

    async def ListAnswers(self, request: qpb.ListAnswersRequest, context: Context) -> qpb.ListAnswersResponse:
        rows, token = await self._questions.list_answers(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return qpb.ListAnswersResponse(answers=[answer_to_pb(a) for a in rows], next_page_token=token)

    async def VoteAnswer(self, request: qpb.VoteAnswerRequest, context: Context) -> qpb.VoteAnswerResponse:
        answer = await self._questions.vote(current_principal(), request.name, request.vote)
        return qpb.VoteAnswerResponse(answer=answer_to_pb(answer))

    async def AcceptAnswer(
        self, request: qpb.AcceptAnswerRequest, context: Context
    ) -> qpb.AcceptAnswerResponse:
        question = await self._questions.accept(current_principal(), request.name)
        return qpb.AcceptAnswerResponse(question=question_to_pb(question))

    async def ReportContent(
        self, request: qpb.ReportContentRequest, context: Context
    ) -> qpb.ReportContentResponse:
        await self._questions.report(current_principal(), request.name, request.reason)
        return qpb.ReportContentResponse()

    async def HideContent(self, request: qpb.HideContentRequest, context: Context) -> qpb.HideContentResponse:
        await self._questions.hide(current_principal(), request.name, request.reason)
        return qpb.HideContentResponse()
