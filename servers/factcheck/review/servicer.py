"""ReviewService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.factcheck.v1 import resources_pb2 as pb
from jipan.factcheck.v1 import review_service_pb2 as rpb
from jipan.factcheck.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.factcheck.convert import content_from_pb, fact_check_to_pb, timestamp
from jipan.servers.factcheck.factchecks.servicer import outcome_to_pb
from jipan.servers.factcheck.review.domain import Reviews
from jipan.servers.factcheck.review.types import Fit, Outcome, ReviewTask, TaskState
from jipan.servers.factcheck.sources.servicer import source_to_pb
from jipan.servers.runtime.errors import InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]

_OUTCOME_TO_PB = {o: pb.ReviewOutcome.Value(f"REVIEW_OUTCOME_{o.value}") for o in Outcome}
_OUTCOME_FROM_PB: dict[int, Outcome] = {number: outcome for outcome, number in _OUTCOME_TO_PB.items()}
_STATE_TO_PB = {s: pb.ReviewTaskState.Value(f"REVIEW_TASK_STATE_{s.value}") for s in TaskState}
_STATE_FROM_PB: dict[int, TaskState] = {number: state for state, number in _STATE_TO_PB.items()}


def task_to_pb(task: ReviewTask) -> pb.ReviewTask:
    decision = None
    if task.decision is not None:
        decision = pb.ReviewDecision(
            outcome=_OUTCOME_TO_PB[task.decision.outcome],
            fact_check=task.decision.fact_check,
            note=task.decision.note,
            reviewer=task.decision.reviewer,
            decide_time=timestamp(task.decision.decide_time),
        )
    return pb.ReviewTask(
        name=task.name,
        claim=task.claim,
        language=task.language,
        state=_STATE_TO_PB[task.state],
        suggestion=pb.MatchOutcome(
            matches=[
                pb.ClaimMatch(
                    fact_check=m.fact_check, score=m.score, lexical_score=m.lexical, dense_score=m.dense
                )
                for m in task.suggestion.matches
            ],
            no_match=task.suggestion.no_match,
            threshold=task.suggestion.threshold,
        ),
        decision=decision,
        disagreement=task.disagreement,
        submitter=task.submitter,
        create_time=timestamp(task.create_time),
        digest=task.digest,
        ledger_receipt=task.ledger_receipt,
        links=[
            pb.ReviewLink(
                url=link.url,
                normalized_url=link.check.normalized_url,
                host=link.check.host,
                shortener=link.check.shortener,
                sources=[source_to_pb(source) for source in link.check.sources],
                unknown=not link.check.sources,
            )
            for link in task.links
        ],
    )


def fit_to_pb(fit: Fit) -> pb.ThresholdFit:
    return pb.ThresholdFit(
        threshold_before=fit.fit.threshold_before,
        threshold_after=fit.fit.threshold_after,
        precision_before=fit.fit.precision_before,
        recall_before=fit.fit.recall_before,
        precision_after=fit.fit.precision_after,
        recall_after=fit.fit.recall_after,
        decisions=fit.fit.decisions,
        fitter=fit.fitter,
        fit_time=timestamp(fit.fit_time),
        organization=fit.organization,
    )


class ReviewServicer(rpb_grpc.ReviewServiceServicer):
    def __init__(self, reviews: Reviews) -> None:
        self._reviews = reviews

    async def SubmitClaim(self, request: rpb.SubmitClaimRequest, context: Context) -> rpb.SubmitClaimResponse:
        submitted = await self._reviews.submit(
            current_principal(), request.parent, request.text, request.language, request.request_id
        )
        return rpb.SubmitClaimResponse(
            outcome=outcome_to_pb(submitted.matches),
            review_task=task_to_pb(submitted.task) if submitted.task is not None else None,
        )

    async def GetReviewTask(
        self, request: rpb.GetReviewTaskRequest, context: Context
    ) -> rpb.GetReviewTaskResponse:
        task = await self._reviews.get(current_principal(), request.name)
        return rpb.GetReviewTaskResponse(review_task=task_to_pb(task))

    async def ListReviewTasks(
        self, request: rpb.ListReviewTasksRequest, context: Context
    ) -> rpb.ListReviewTasksResponse:
        tasks, token = await self._reviews.list_tasks(
            current_principal(),
            request.parent,
            _STATE_FROM_PB.get(request.state),
            request.disagreements_only,
            request.page_size,
            request.page_token,
        )
        return rpb.ListReviewTasksResponse(review_tasks=[task_to_pb(t) for t in tasks], next_page_token=token)

    async def DecideReviewTask(
        self, request: rpb.DecideReviewTaskRequest, context: Context
    ) -> rpb.DecideReviewTaskResponse:
        outcome = _OUTCOME_FROM_PB.get(request.decision.outcome)
        if outcome is None:
            raise InvalidArgument(
                "FIELD_INVALID", "decision.outcome is required", metadata={"field": "decision.outcome"}
            )
        new_content = None
        if outcome is Outcome.NEW_FACT_CHECK and request.HasField("new_fact_check"):
            new_content = content_from_pb(request.new_fact_check, "new_fact_check")
        task, written = await self._reviews.decide(
            current_principal(),
            request.name,
            outcome,
            request.decision.fact_check,
            request.decision.note,
            new_content,
        )
        return rpb.DecideReviewTaskResponse(
            review_task=task_to_pb(task),
            fact_check=fact_check_to_pb(written) if written is not None else None,
        )

    async def RefitThreshold(
        self, request: rpb.RefitThresholdRequest, context: Context
    ) -> rpb.RefitThresholdResponse:
        fit = await self._reviews.refit(current_principal(), request.organization)
        return rpb.RefitThresholdResponse(fit=fit_to_pb(fit))

    async def GetThreshold(
        self, request: rpb.GetThresholdRequest, context: Context
    ) -> rpb.GetThresholdResponse:
        current = await self._reviews.threshold(current_principal(), request.organization)
        return rpb.GetThresholdResponse(
            threshold=current.threshold,
            fit=fit_to_pb(current.fit) if current.fit is not None else None,
            own=current.own,
        )

    async def ResetThreshold(
        self, request: rpb.ResetThresholdRequest, context: Context
    ) -> rpb.ResetThresholdResponse:
        reset = await self._reviews.reset(current_principal(), request.organization)
        return rpb.ResetThresholdResponse(
            dropped=reset.dropped, threshold_before=reset.threshold_before, threshold=reset.threshold
        )
