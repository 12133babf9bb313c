"""FactCheckService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.factcheck.v1 import factcheck_service_pb2 as fpb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fpb_grpc
from jipan.factcheck.v1 import resources_pb2 as pb
from jipan.interceptors.context import current_principal
from jipan.servers.factcheck.convert import (
    content_changes,
    content_from_pb,
    fact_check_to_pb,
    state_from_pb,
    verdict_from_pb,
)
from jipan.servers.factcheck.factchecks.domain import (
    FactChecks,
    Matches,
    claim_review_items,
    cofacts_items,
)
from jipan.servers.factcheck.factchecks.store import Filters
from jipan.servers.factcheck.limits import language_primary
from jipan.servers.factcheck.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]


def outcome_to_pb(matches: Matches) -> pb.MatchOutcome:
    return pb.MatchOutcome(
        matches=[
            pb.ClaimMatch(
                fact_check=m.fact_check.name,
                score=m.score,
                lexical_score=m.lexical,
                dense_score=m.dense,
                fact_check_detail=fact_check_to_pb(m.fact_check),
            )
            for m in matches.matches
        ],
        no_match=matches.no_match,
        threshold=matches.threshold,
    )


class FactCheckServicer(fpb_grpc.FactCheckServiceServicer):
    def __init__(self, fact_checks: FactChecks) -> None:
        self._fact_checks = fact_checks

    async def CreateFactCheck(
        self, request: fpb.CreateFactCheckRequest, context: Context
    ) -> fpb.CreateFactCheckResponse:
        created = await self._fact_checks.create(
            current_principal(), request.parent, content_from_pb(request.fact_check), request.request_id
        )
        return fpb.CreateFactCheckResponse(fact_check=fact_check_to_pb(created))

    async def GetFactCheck(
        self, request: fpb.GetFactCheckRequest, context: Context
    ) -> fpb.GetFactCheckResponse:
        found = await self._fact_checks.get(current_principal(), request.name)
        return fpb.GetFactCheckResponse(fact_check=fact_check_to_pb(found))

    async def ListFactChecks(
        self, request: fpb.ListFactChecksRequest, context: Context
    ) -> fpb.ListFactChecksResponse:
        filters = Filters(
            state=state_from_pb(request.state),
            verdict=verdict_from_pb(request.verdict),
            language=language_primary(request.language) if request.language else "",
            query=request.query.strip(),
        )
        found, token = await self._fact_checks.list_fact_checks(
            current_principal(), request.parent, filters, request.page_size, request.page_token
        )
        return fpb.ListFactChecksResponse(
            fact_checks=[fact_check_to_pb(f) for f in found], next_page_token=token
        )

    async def UpdateFactCheck(
        self, request: fpb.UpdateFactCheckRequest, context: Context
    ) -> fpb.UpdateFactCheckResponse:
        paths = list(request.update_mask.paths)
        if not paths:
            raise InvalidArgument(
                "FIELD_INVALID", "update_mask is required", metadata={"field": "update_mask"}
            )
        updated = await self._fact_checks.update(
            current_principal(), request.fact_check.name, content_changes(request.fact_check, paths)
        )
        return fpb.UpdateFactCheckResponse(fact_check=fact_check_to_pb(updated))

    async def PublishFactCheck(
        self, request: fpb.PublishFactCheckRequest, context: Context
    ) -> fpb.PublishFactCheckResponse:
        published = await self._fact_checks.publish(current_principal(), request.name)
        return fpb.PublishFactCheckResponse(fact_check=fact_check_to_pb(published))

    async def WithdrawFactCheck(
        self, request: fpb.WithdrawFactCheckRequest, context: Context
    ) -> fpb.WithdrawFactCheckResponse:
        withdrawn = await self._fact_checks.withdraw(current_principal(), request.name, request.reason)
        return fpb.WithdrawFactCheckResponse(fact_check=fact_check_to_pb(withdrawn))

    async def DeleteFactCheck(
        self, request: fpb.DeleteFactCheckRequest, context: Context
    ) -> fpb.DeleteFactCheckResponse:
        await self._fact_checks.delete(current_principal(), request.name)
        return fpb.DeleteFactCheckResponse()

    async def ImportFactChecks(
        self, request: fpb.ImportFactChecksRequest, context: Context
    ) -> fpb.ImportFactChecksResponse:
        if request.format == fpb.IMPORT_FORMAT_CLAIM_REVIEW:
            if not request.claim_review:
                raise _missing("claim_review")
            items = claim_review_items(request.claim_review, request.default_language or "en")
        elif request.format == fpb.IMPORT_FORMAT_COFACTS_CSV:
            for part in ("cofacts_articles", "cofacts_article_replies", "cofacts_replies"):
                if not getattr(request, part):
                    raise _missing(part)
            items = cofacts_items(
                request.cofacts_articles,
                request.cofacts_article_replies,
                request.cofacts_replies,
                request.default_language or "zh-TW",
                request.cofacts_article_hyperlinks,
                request.cofacts_reply_hyperlinks,
            )
        else:
            raise InvalidArgument("FIELD_INVALID", "format is required", metadata={"field": "format"})
        fingerprint = request.SerializeToString(deterministic=True)
        report = await self._fact_checks.import_items(
            current_principal(), request.parent, items, request.publish, request.request_id, fingerprint
        )
        return fpb.ImportFactChecksResponse(
            imported_count=report.imported,
            duplicate_count=report.duplicates,
            issues=[fpb.ImportIssue(item=where, problem=problem) for where, problem in report.issues],
            fact_checks=report.names,
            feedback_updated_count=report.feedback_updated,
        )

    async def SearchFactChecks(
        self, request: fpb.SearchFactChecksRequest, context: Context
    ) -> fpb.SearchFactChecksResponse:
        filters = Filters(
            verdict=verdict_from_pb(request.verdict),
            language=language_primary(request.language) if request.language else "",
            query=request.query.strip(),
            publisher=request.publisher,
        )
        found, token = await self._fact_checks.search(filters, request.page_size, request.page_token)
        return fpb.SearchFactChecksResponse(
            fact_checks=[fact_check_to_pb(f) for f in found], next_page_token=token
        )

    async def ExportClaimReview(
        self, request: fpb.ExportClaimReviewRequest, context: Context
    ) -> fpb.ExportClaimReviewResponse:
        return fpb.ExportClaimReviewResponse(
            json_ld=await self._fact_checks.export_claim_review(request.name)
        )

    async def ExportClaimReviewFeed(
        self, request: fpb.ExportClaimReviewFeedRequest, context: Context
    ) -> fpb.ExportClaimReviewFeedResponse:
        feed = await self._fact_checks.claim_review_feed(
            request.publisher, request.page_size, request.page_token
        )
        return fpb.ExportClaimReviewFeedResponse(
            json_ld=feed.json_ld,
            next_page_token=feed.next_page_token,
            resume_page_token=feed.resume_page_token,
            item_count=feed.item_count,
        )

    async def MatchClaims(self, request: fpb.MatchClaimsRequest, context: Context) -> fpb.MatchClaimsResponse:
        matches = await self._fact_checks.match(
            request.text,
            request.language,
            list(request.fact_check_languages),
            list(request.publishers),
            request.limit,
            current_principal().org,
        )
        return fpb.MatchClaimsResponse(outcome=outcome_to_pb(matches))


def _missing(part: str) -> InvalidArgument:
    return InvalidArgument(
        "IMPORT_INVALID",
        f"{part} is required for this format",
        domain=DOMAIN,
        metadata={"part": part, "problem": "missing"},
    )
