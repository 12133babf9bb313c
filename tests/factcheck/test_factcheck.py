"""The factcheck service end to end: one server (system + ledger + factcheck) on a fresh database.

The text embedder is tests/factcheck/embedding.py's (the inference service's
model does not run here); everything else is the real service.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import pytest
import pytest_asyncio
from google.protobuf.field_mask_pb2 import FieldMask

from jipan.clients import error_details
from jipan.factcheck.v1 import factcheck_service_pb2 as fpb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fpb_grpc
from jipan.factcheck.v1 import resources_pb2 as res
from jipan.factcheck.v1 import review_service_pb2 as rpb
from jipan.factcheck.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.factcheck.v1 import source_service_pb2 as spb
from jipan.factcheck.v1 import source_service_pb2_grpc as spb_grpc
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
from jipan.servers import factcheck, ledger, system
from jipan.servers.factcheck.factchecks import store as factcheck_store
from jipan.servers.factcheck.factchecks.domain import FactChecks
from jipan.servers.factcheck.factchecks.store import FactCheckStore
from jipan.servers.factcheck.index import ClaimIndex
from jipan.servers.factcheck.matching import ClaimMatcher
from jipan.servers.factcheck.review.domain import Reviews
from jipan.servers.factcheck.review.store import ReviewStore
from jipan.servers.runtime.idempotency import RequestIds
from tests.conftest import fresh_database
from tests.factcheck.embedding import HashedBigrams
from tests.mesh import RunningServer, make_settings, running_server

DATA = Path(__file__).resolve().parent / "data"
SCOPES = ["factcheck.read", "factcheck.write", "ledger.read"]
ROLES = ["factcheck-editor", "factcheck-reviewer"]
EMBEDDER = HashedBigrams()
CONFIDENT = 1.0
"""Every submission is queued (the hashed-bigram embedder says nothing about real confidence)."""

SALT = "喝溫鹽水可以殺死新冠病毒，衛福部呼籲大家多喝鹽水預防感染"
HELMET = "Riders without a helmet will be fined NT$6,000 starting tomorrow under the new traffic law"


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_factcheck") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("factcheck"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
            JIPAN_FACTCHECK_INDEX_POLL_S="0.2",
            JIPAN_FACTCHECK_CONFIDENT_SCORE=str(CONFIDENT),
        )
        module = factcheck.service_module(lambda settings, runtime: EMBEDDER)
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, module]) as running:
            yield running


@pytest_asyncio.fixture(scope="module")
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as opened:
        yield opened


@pytest.fixture
def facts(channel: grpc.aio.Channel) -> fpb_grpc.FactCheckServiceAsyncStub:
    return fpb_grpc.FactCheckServiceStub(channel)


@pytest.fixture
def reviews(channel: grpc.aio.Channel) -> rpb_grpc.ReviewServiceAsyncStub:
    return rpb_grpc.ReviewServiceStub(channel)


@pytest.fixture
def sources(channel: grpc.aio.Channel) -> spb_grpc.SourceServiceAsyncStub:
    return spb_grpc.SourceServiceStub(channel)


def auth(
    server: RunningServer,
    org: str = "orgs/tfc",
    roles: list[str] | None = None,
    subject: str = "people/alice",
) -> tuple[tuple[str, str], ...]:
    return server.metadata(org=org, scopes=SCOPES, roles=ROLES if roles is None else roles, subject=subject)


async def refused(call: Any, code: grpc.StatusCode, reason: str) -> Any:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    details = error_details(caught.value)
    assert caught.value.code() == code, details
    assert details.reason == reason, details
    return details


async def create(
    facts: fpb_grpc.FactCheckServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    claim: str,
    verdict: res.Verdict.ValueType = res.VERDICT_FALSE,
    language: str = "zh-TW",
    org: str = "orgs/tfc",
    **fields: Any,
) -> res.FactCheck:
    response = await facts.CreateFactCheck(
        fpb.CreateFactCheckRequest(
            parent=org,
            fact_check=res.FactCheck(claim=claim, verdict=verdict, language=language, **fields),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    return response.fact_check


async def published(
    facts: fpb_grpc.FactCheckServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    claim: str,
    **fields: Any,
) -> res.FactCheck:
    draft = await create(facts, metadata, claim, **fields)
    response = await facts.PublishFactCheck(fpb.PublishFactCheckRequest(name=draft.name), metadata=metadata)
    return response.fact_check


async def published_source(
    sources: spb_grpc.SourceServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    org: str,
    target: str,
    credibility: res.Credibility.ValueType,
) -> res.Source:
    request = spb.CreateSourceRequest(
        parent=org,
        source=res.Source(target=target, credibility=credibility, status=res.SOURCE_STATUS_PUBLISHED),
        request_id=str(uuid.uuid4()),
    )
    return (await sources.CreateSource(request, metadata=metadata)).source


async def test_create_get_update_publish_and_anchor(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub, channel: grpc.aio.Channel
) -> None:
    metadata = auth(server)
    request = fpb.CreateFactCheckRequest(
        parent="orgs/tfc",
        fact_check=res.FactCheck(
            claim=SALT,
            verdict=res.VERDICT_FALSE,
            language="zh-TW",
            explanation="疾管署澄清：鹽水不能殺死病毒。",
            evidence=[res.EvidenceLink(uri="https://www.cdc.gov.tw/x", title="疾管署")],
        ),
        request_id=str(uuid.uuid4()),
    )
    first = (await facts.CreateFactCheck(request, metadata=metadata)).fact_check
    assert first.name.startswith("orgs/tfc/factChecks/")
    assert first.state == res.FACT_CHECK_STATE_DRAFT
    assert first.cofacts_reply_type == res.COFACTS_REPLY_TYPE_RUMOR
    assert first.review_rating == res.ReviewRating(
        rating_value=1, best_rating=5, worst_rating=1, alternate_name="錯誤"
    )
    assert first.publisher == "orgs/tfc"
    # A replay returns the first; the same id with another body is refused.
    again = (await facts.CreateFactCheck(request, metadata=metadata)).fact_check
    assert again == first
    changed = fpb.CreateFactCheckRequest()
    changed.CopyFrom(request)
    changed.fact_check.claim = "another claim"
    await refused(
        facts.CreateFactCheck(changed, metadata=metadata),
        grpc.StatusCode.INVALID_ARGUMENT,
        "REQUEST_ID_REUSED",
    )
    # Drafts are the organisation's own.
    other = auth(server, "orgs/other")
    await refused(
        facts.GetFactCheck(fpb.GetFactCheckRequest(name=first.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "FACT_CHECK_NOT_FOUND",
    )
    updated = (
        await facts.UpdateFactCheck(
            fpb.UpdateFactCheckRequest(
                fact_check=res.FactCheck(
                    name=first.name, verdict=res.VERDICT_MISLEADING, title="鹽水殺病毒？"
                ),
                update_mask=FieldMask(paths=["verdict", "title"]),
            ),
            metadata=metadata,
        )
    ).fact_check
    assert (updated.verdict, updated.title, updated.claim) == (res.VERDICT_MISLEADING, "鹽水殺病毒？", SALT)
    assert updated.cofacts_reply_type == res.COFACTS_REPLY_TYPE_RUMOR
    await refused(
        facts.UpdateFactCheck(
            fpb.UpdateFactCheckRequest(
                fact_check=res.FactCheck(name=first.name), update_mask=FieldMask(paths=["claim_reviewed"])
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_NOT_UPDATABLE",
    )
    # Output-only fields in the mask are ignored (AIP-203): naming `state` publishes nothing.
    ignored = await facts.UpdateFactCheck(
        fpb.UpdateFactCheckRequest(
            fact_check=res.FactCheck(name=first.name, state=res.FACT_CHECK_STATE_PUBLISHED),
            update_mask=FieldMask(paths=["state"]),
        ),
        metadata=metadata,
    )
    assert ignored.fact_check.state == res.FACT_CHECK_STATE_DRAFT
    # Publishing needs the reviewer role.
    await refused(
        facts.PublishFactCheck(
            fpb.PublishFactCheckRequest(name=first.name), metadata=auth(server, roles=["factcheck-editor"])
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ROLE_MISSING",
    )
    done = (
        await facts.PublishFactCheck(fpb.PublishFactCheckRequest(name=first.name), metadata=metadata)
    ).fact_check
    assert done.state == res.FACT_CHECK_STATE_PUBLISHED
    assert done.publish_time.seconds > 0
    assert len(done.digest) == 32
    assert done.ledger_receipt
    # Publishing again changes nothing.
    assert (
        await facts.PublishFactCheck(fpb.PublishFactCheckRequest(name=first.name), metadata=metadata)
    ).fact_check == done
    # Now public: another organisation reads it, and the digest is on the ledger.
    seen = (await facts.GetFactCheck(fpb.GetFactCheckRequest(name=first.name), metadata=other)).fact_check
    assert seen == done
    ledger_stub = lpb_grpc.LedgerServiceStub(channel)
    verified = await ledger_stub.VerifyDigest(lpb.VerifyDigestRequest(digest=done.digest), metadata=metadata)
    assert [r.name for r in verified.receipts] == [done.ledger_receipt]  # pending until its block


async def test_list_filters_and_pages(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/lister")
    names = []
    for index in range(3):
        made = await create(facts, metadata, f"claim number {index}", language="en", org="orgs/lister")
        names.append(made.name)
    await published(facts, metadata, "a published zh claim 中文", org="orgs/lister")
    page = await facts.ListFactChecks(
        fpb.ListFactChecksRequest(parent="orgs/lister", page_size=2, language="en"), metadata=metadata
    )
    assert [f.name for f in page.fact_checks] == names[::-1][:2]  # newest first
    rest = await facts.ListFactChecks(
        fpb.ListFactChecksRequest(
            parent="orgs/lister", page_size=2, language="en", page_token=page.next_page_token
        ),
        metadata=metadata,
    )
    assert [f.name for f in rest.fact_checks] == [names[0]]
    assert not rest.next_page_token
    drafts = await facts.ListFactChecks(
        fpb.ListFactChecksRequest(parent="orgs/lister", state=res.FACT_CHECK_STATE_PUBLISHED),
        metadata=metadata,
    )
    assert [f.claim for f in drafts.fact_checks] == ["a published zh claim 中文"]
    found = await facts.ListFactChecks(
        fpb.ListFactChecksRequest(parent="orgs/lister", query="NUMBER 1"), metadata=metadata
    )
    assert [f.name for f in found.fact_checks] == [names[1]]
    # A token for other filters is refused; another organisation's list is refused.
    await refused(
        facts.ListFactChecks(
            fpb.ListFactChecksRequest(parent="orgs/lister", page_size=2, page_token=page.next_page_token),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PAGE_TOKEN_INVALID",
    )
    await refused(
        facts.ListFactChecks(fpb.ListFactChecksRequest(parent="orgs/tfc"), metadata=metadata),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )


async def test_public_search_and_export_need_no_token(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/public")
    done = await published(
        facts,
        metadata,
        "The 2024 eclipse will blind anyone who looks at the sky that day",
        language="en",
        org="orgs/public",
        uri="https://factcheck.example.org/eclipse",
        publisher_display_name="Public Fact Desk",
    )
    draft = await create(facts, metadata, "eclipse draft never shown", language="en", org="orgs/public")
    found = await facts.SearchFactChecks(
        fpb.SearchFactChecksRequest(query="eclipse", publisher="orgs/public")
    )
    assert [f.name for f in found.fact_checks] == [done.name]
    exported = await facts.ExportClaimReview(fpb.ExportClaimReviewRequest(name=done.name))
    document = json.loads(exported.json_ld)
    assert document["@type"] == "ClaimReview"
    assert document["claimReviewed"] == done.claim
    assert document["url"] == "https://factcheck.example.org/eclipse"
    assert document["author"]["name"] == "Public Fact Desk"
    assert document["reviewRating"]["ratingValue"] == 1
    await refused(
        facts.ExportClaimReview(fpb.ExportClaimReviewRequest(name=draft.name)),
        grpc.StatusCode.NOT_FOUND,
        "FACT_CHECK_NOT_FOUND",
    )
    # The export imports into another organisation as the same fact-check.
    imported = await facts.ImportFactChecks(
        fpb.ImportFactChecksRequest(
            parent="orgs/mirror",
            format=fpb.IMPORT_FORMAT_CLAIM_REVIEW,
            claim_review=exported.json_ld.encode(),
            request_id=str(uuid.uuid4()),
        ),
        metadata=auth(server, "orgs/mirror"),
    )
    assert imported.imported_count == 1
    copy = (
        await facts.GetFactCheck(
            fpb.GetFactCheckRequest(name=imported.fact_checks[0]), metadata=auth(server, "orgs/mirror")
        )
    ).fact_check
    assert (copy.claim, copy.verdict, copy.language, copy.import_source) == (
        done.claim,
        done.verdict,
        "en",
        "https://factcheck.example.org/eclipse",
    )


async def test_import_claim_review_and_cofacts(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/importer")
    request = fpb.ImportFactChecksRequest(
        parent="orgs/importer",
        format=fpb.IMPORT_FORMAT_CLAIM_REVIEW,
        claim_review=(DATA / "claim_review.jsonld").read_bytes(),
        publish=True,
        request_id=str(uuid.uuid4()),
    )
    report = await facts.ImportFactChecks(request, metadata=metadata)
    assert (report.imported_count, report.duplicate_count) == (3, 0)
    assert [(i.item, i.problem) for i in report.issues] == [
        ("claim_review.@graph[3]", "unknown rating 'Four Pinocchios'")
    ]
    assert report == await facts.ImportFactChecks(request, metadata=metadata)  # a replay
    # As if the ledger had failed after the import committed: the retry anchors what is left.
    await server.runtime.database.execute(
        "UPDATE factcheck.fact_checks SET ledger_receipt = NULL WHERE owner = 'orgs/importer'"
    )
    assert report == await facts.ImportFactChecks(request, metadata=metadata)
    receipts = await server.runtime.database.fetch(
        "SELECT ledger_receipt FROM factcheck.fact_checks WHERE owner = 'orgs/importer'"
    )
    assert len(receipts) == 3
    assert all(row["ledger_receipt"] for row in receipts)
    again = fpb.ImportFactChecksRequest()
    again.CopyFrom(request)
    again.request_id = str(uuid.uuid4())
    second = await facts.ImportFactChecks(again, metadata=metadata)
    assert (second.imported_count, second.duplicate_count) == (0, 3)
    first = (
        await facts.GetFactCheck(fpb.GetFactCheckRequest(name=report.fact_checks[0]), metadata=metadata)
    ).fact_check
    assert first.state == res.FACT_CHECK_STATE_PUBLISHED
    assert first.ledger_receipt
    cofacts = await facts.ImportFactChecks(
        fpb.ImportFactChecksRequest(
            parent="orgs/importer",
            format=fpb.IMPORT_FORMAT_COFACTS_CSV,
            cofacts_articles=(DATA / "cofacts" / "articles.csv").read_bytes(),
            cofacts_article_replies=(DATA / "cofacts" / "article_replies.csv").read_bytes(),
            cofacts_replies=(DATA / "cofacts" / "replies.csv").read_bytes(),
            cofacts_article_hyperlinks=(DATA / "cofacts" / "article_hyperlinks.csv").read_bytes(),
            cofacts_reply_hyperlinks=(DATA / "cofacts" / "reply_hyperlinks.csv").read_bytes(),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    assert cofacts.imported_count == 5
    assert sorted(i.item for i in cofacts.issues) == ["replies.csv row 3", "replies.csv row 7"]
    salt = (
        await facts.GetFactCheck(fpb.GetFactCheckRequest(name=cofacts.fact_checks[0]), metadata=metadata)
    ).fact_check
    assert salt.state == res.FACT_CHECK_STATE_DRAFT
    assert salt.import_source == "cofacts:reply/AVyhB1kTyCEL3GDAB1Gx"
    assert salt.cofacts_reply_type == res.COFACTS_REPLY_TYPE_RUMOR
    assert salt.language == "zh-TW"
    # The message's links are where the claim appears; the evidence carries Cofacts' titles.
    assert list(salt.claim_appearances) == [
        "http://www.content-farm.example/2020/02/salt.html",
        "https://youtu.be/abc123",
    ]
    assert salt.evidence[0].title == "疾管署新聞稿"
    # Readers' votes from article_replies.csv; a later dump's votes refresh them, nothing else.
    assert (salt.reader_feedback.helpful_count, salt.reader_feedback.unhelpful_count) == (12, 0)
    assert salt.reader_feedback.source == "cofacts"
    assert salt.reader_feedback.update_time == salt.create_time
    replies_csv = (DATA / "cofacts" / "article_replies.csv").read_text(encoding="utf-8")
    row = next(line for line in replies_csv.splitlines() if ",AVyhB1kTyCEL3GDAB1Gx," in line)
    voted_again = replies_csv.replace(row, row.replace(",0,12,", ",2,30,"))
    assert voted_again != replies_csv
    refreshed = await facts.ImportFactChecks(
        fpb.ImportFactChecksRequest(
            parent="orgs/importer",
            format=fpb.IMPORT_FORMAT_COFACTS_CSV,
            cofacts_articles=(DATA / "cofacts" / "articles.csv").read_bytes(),
            cofacts_article_replies=voted_again.encode(),
            cofacts_replies=(DATA / "cofacts" / "replies.csv").read_bytes(),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    assert (refreshed.imported_count, refreshed.duplicate_count, refreshed.feedback_updated_count) == (
        0,
        5,
        1,
    )
    revoted = (
        await facts.GetFactCheck(fpb.GetFactCheckRequest(name=salt.name), metadata=metadata)
    ).fact_check
    assert (revoted.reader_feedback.helpful_count, revoted.reader_feedback.unhelpful_count) == (30, 2)
    assert revoted.reader_feedback.update_time.ToDatetime() > salt.reader_feedback.update_time.ToDatetime()
    # The fact-check itself is as it was (its content, digest and update time).
    unchanged = res.FactCheck()
    unchanged.CopyFrom(revoted)
    unchanged.ClearField("reader_feedback")
    before = res.FactCheck()
    before.CopyFrom(salt)
    before.ClearField("reader_feedback")
    assert unchanged == before
    await refused(
        facts.ImportFactChecks(
            fpb.ImportFactChecksRequest(
                parent="orgs/importer",
                format=fpb.IMPORT_FORMAT_CLAIM_REVIEW,
                claim_review=b"{not json",
                request_id=str(uuid.uuid4()),
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "IMPORT_INVALID",
    )
    await refused(
        facts.ImportFactChecks(
            fpb.ImportFactChecksRequest(
                parent="orgs/importer",
                format=fpb.IMPORT_FORMAT_COFACTS_CSV,
                cofacts_articles=b"id,text\n",
                request_id=str(uuid.uuid4()),
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "IMPORT_INVALID",
    )


async def test_an_import_of_odd_shapes_reports_issues_and_refuses_bad_files_never_internal(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/oddshapes")
    rating = {"@type": "Rating", "alternateName": "False"}
    review = {"@type": "ClaimReview", "reviewRating": rating, "inLanguage": "en"}
    document = {
        "@context": "https://schema.org",
        "@graph": [
            # itemReviewed as a string or a list: no claimReviewed to fall back from, an issue.
            review | {"url": "https://odd.example.org/1", "itemReviewed": "a claim as a string"},
            review | {"url": "https://odd.example.org/2", "itemReviewed": ["a", "b"]},
            # A list holding the Claim object: its name is the claim.
            review | {"url": "https://odd.example.org/3", "itemReviewed": [{"name": "Odd shapes"}]},
        ],
    }
    report = await facts.ImportFactChecks(
        fpb.ImportFactChecksRequest(
            parent="orgs/oddshapes",
            format=fpb.IMPORT_FORMAT_CLAIM_REVIEW,
            claim_review=json.dumps(document).encode(),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    assert report.imported_count == 1
    assert [(i.item, i.problem) for i in report.issues] == [
        ("claim_review.@graph[0]", "no claimReviewed"),
        ("claim_review.@graph[1]", "no claimReviewed"),
    ]
    imported = (
        await facts.GetFactCheck(fpb.GetFactCheckRequest(name=report.fact_checks[0]), metadata=metadata)
    ).fact_check
    assert imported.claim == "Odd shapes"
    # A header cell over the csv module's field limit is a bad file, not a failure of the service.
    await refused(
        facts.ImportFactChecks(
            fpb.ImportFactChecksRequest(
                parent="orgs/oddshapes",
                format=fpb.IMPORT_FORMAT_COFACTS_CSV,
                cofacts_articles=b"id,text," + b"x" * 200_000 + b"\n",
                cofacts_article_replies=b"articleId,replyId\n",
                cofacts_replies=b"id,type,text\n",
                request_id=str(uuid.uuid4()),
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "IMPORT_INVALID",
    )
    # A short row's missing article id is empty, and sorts beside the others' ids.
    short_rows = await facts.ImportFactChecks(
        fpb.ImportFactChecksRequest(
            parent="orgs/oddshapes",
            format=fpb.IMPORT_FORMAT_COFACTS_CSV,
            cofacts_articles=b"id,text\na1,Odd rows\n",
            cofacts_article_replies=b"replyId,articleId\nr1\nr1,a1\n",
            cofacts_replies=b"id,type,text\nr1,RUMOR,not so\n",
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    assert (short_rows.imported_count, list(short_rows.issues)) == (1, [])


async def test_match_claims_ranks_published_and_says_no_match(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/matcher")
    helmet = await published(facts, metadata, HELMET, language="en", org="orgs/matcher")
    draft = await create(
        facts, metadata, "Drinking bleach cures the flu, doctors confirm", language="en", org="orgs/matcher"
    )
    found = (
        await facts.MatchClaims(
            fpb.MatchClaimsRequest(
                text="FWD: riders without a helmet will be fined NT$6,000 from tomorrow!! 🏍️"
            ),
            metadata=metadata,
        )
    ).outcome
    assert found.matches[0].fact_check == helmet.name
    assert found.matches[0].fact_check_detail.claim == HELMET
    assert 0 <= found.matches[0].score <= 1
    assert found.threshold > 0
    assert all(m.fact_check != draft.name for m in found.matches)  # drafts are never matched
    nothing = (
        await facts.MatchClaims(
            fpb.MatchClaimsRequest(text="量子電腦的超導量子位元需要極低溫環境運作"), metadata=metadata
        )
    ).outcome
    assert nothing.no_match
    # Filters: another publisher's or language's fact-checks only.
    filtered = (
        await facts.MatchClaims(
            fpb.MatchClaimsRequest(text=HELMET, publishers=["orgs/nobody"]), metadata=metadata
        )
    ).outcome
    assert not filtered.matches
    assert filtered.no_match
    in_chinese = (
        await facts.MatchClaims(
            fpb.MatchClaimsRequest(text=HELMET, fact_check_languages=["zh"]), metadata=metadata
        )
    ).outcome
    assert all(m.fact_check_detail.language.startswith("zh") for m in in_chinese.matches)


async def test_withdrawing_a_published_fact_check_and_deleting_a_draft(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub, channel: grpc.aio.Channel
) -> None:
    org = "orgs/withdraws"
    metadata = auth(server, org)
    other = auth(server, "orgs/reader")
    claim = "Eating garlic every day protects you from the measles, a hospital in Taichung says"
    out = await published(facts, metadata, claim, language="en", org=org)
    matched = (await facts.MatchClaims(fpb.MatchClaimsRequest(text=claim), metadata=other)).outcome
    assert matched.matches[0].fact_check == out.name

    # Only a reviewer of its organisation withdraws it, and only with a reason.
    async def withdraw(name: str, reason: str, who: tuple[tuple[str, str], ...] = metadata) -> res.FactCheck:
        request = fpb.WithdrawFactCheckRequest(name=name, reason=reason)
        return (await facts.WithdrawFactCheck(request, metadata=who)).fact_check

    await refused(withdraw(out.name, "wrong", other), grpc.StatusCode.NOT_FOUND, "FACT_CHECK_NOT_FOUND")
    await refused(
        withdraw(out.name, "wrong", auth(server, org, roles=["factcheck-editor"])),
        grpc.StatusCode.PERMISSION_DENIED,
        "ROLE_MISSING",
    )
    await refused(withdraw(out.name, "   "), grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID")
    reason = "The hospital never said so: the quoted notice was fabricated."
    gone = await withdraw(out.name, f"  {reason} ")
    assert gone.state == res.FACT_CHECK_STATE_WITHDRAWN
    assert gone.withdraw_reason == reason
    assert gone.withdraw_time.seconds > 0
    assert gone.update_time == gone.withdraw_time
    assert (gone.claim, gone.publish_time, gone.verdict) == (out.claim, out.publish_time, out.verdict)
    # The withdrawn record's digest (time and reason included) is anchored beside the published one's.
    assert len(gone.digest) == 32
    assert gone.digest != out.digest
    assert gone.ledger_receipt
    assert gone.ledger_receipt != out.ledger_receipt
    ledger_stub = lpb_grpc.LedgerServiceStub(channel)
    for record in (out, gone):
        verified = await ledger_stub.VerifyDigest(
            lpb.VerifyDigestRequest(digest=record.digest), metadata=metadata
        )
        assert [r.name for r in verified.receipts] == [record.ledger_receipt]
    # Withdrawing again returns it unchanged.
    assert await withdraw(out.name, "another reason") == gone

    # Still public to read, with its reason; no longer matched, searched or exported.
    assert (
        await facts.GetFactCheck(fpb.GetFactCheckRequest(name=out.name), metadata=other)
    ).fact_check == gone
    after = (await facts.MatchClaims(fpb.MatchClaimsRequest(text=claim), metadata=other)).outcome
    assert all(m.fact_check != out.name for m in after.matches)
    searched = await facts.SearchFactChecks(fpb.SearchFactChecksRequest(publisher=org))
    assert out.name not in [f.name for f in searched.fact_checks]
    await refused(
        facts.ExportClaimReview(fpb.ExportClaimReviewRequest(name=out.name)),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACT_CHECK_WITHDRAWN",
    )
    # Its organisation lists it under WITHDRAWN, and can neither change nor publish it again.
    listed = await facts.ListFactChecks(
        fpb.ListFactChecksRequest(parent=org, state=res.FACT_CHECK_STATE_WITHDRAWN), metadata=metadata
    )
    assert [f.name for f in listed.fact_checks] == [out.name]
    await refused(
        facts.UpdateFactCheck(
            fpb.UpdateFactCheckRequest(
                fact_check=res.FactCheck(name=out.name, title="again"), update_mask=FieldMask(paths=["title"])
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACT_CHECK_WITHDRAWN",
    )
    await refused(
        facts.PublishFactCheck(fpb.PublishFactCheckRequest(name=out.name), metadata=metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACT_CHECK_WITHDRAWN",
    )

    # Published and withdrawn fact-checks are never deleted; a draft is withdrawn by deleting it.
    async def delete(name: str, who: tuple[tuple[str, str], ...] = metadata) -> None:
        await facts.DeleteFactCheck(fpb.DeleteFactCheckRequest(name=name), metadata=who)

    await refused(delete(out.name), grpc.StatusCode.FAILED_PRECONDITION, "FACT_CHECK_PUBLISHED")
    live = await published(
        facts, metadata, "Tap water in Kaohsiung is unsafe to drink this week", language="en", org=org
    )
    await refused(delete(live.name), grpc.StatusCode.FAILED_PRECONDITION, "FACT_CHECK_PUBLISHED")
    request = fpb.CreateFactCheckRequest(
        parent=org,
        fact_check=res.FactCheck(
            claim="A draft nobody will publish", verdict=res.VERDICT_FALSE, language="en"
        ),
        request_id=str(uuid.uuid4()),
    )
    draft = (await facts.CreateFactCheck(request, metadata=metadata)).fact_check
    await refused(
        withdraw(draft.name, "not ready"), grpc.StatusCode.FAILED_PRECONDITION, "FACT_CHECK_NOT_PUBLISHED"
    )
    await refused(delete(draft.name, other), grpc.StatusCode.NOT_FOUND, "FACT_CHECK_NOT_FOUND")
    await delete(draft.name, auth(server, org, roles=["factcheck-editor"]))
    await refused(
        facts.GetFactCheck(fpb.GetFactCheckRequest(name=draft.name), metadata=metadata),
        grpc.StatusCode.NOT_FOUND,
        "FACT_CHECK_NOT_FOUND",
    )
    await refused(delete(draft.name), grpc.StatusCode.NOT_FOUND, "FACT_CHECK_NOT_FOUND")
    # The create that made it, replayed, says it was deleted rather than making it again.
    details = await refused(
        facts.CreateFactCheck(request, metadata=metadata), grpc.StatusCode.NOT_FOUND, "FACT_CHECK_NOT_FOUND"
    )
    assert details.metadata["name"] == draft.name
    listed = await facts.ListFactChecks(fpb.ListFactChecksRequest(parent=org), metadata=metadata)
    assert sorted(f.name for f in listed.fact_checks) == sorted([out.name, live.name])


async def test_the_published_base_as_a_claim_review_data_feed(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = "orgs/feeder"
    metadata = auth(server, org)
    first = await published(facts, metadata, "Feed item one: tap water causes cancer", language="en", org=org)
    gone = await published(facts, metadata, "Feed item two: the MRT is free today", language="en", org=org)
    third = await published(facts, metadata, "第三則：明天全台停水", org=org)
    await facts.WithdrawFactCheck(
        fpb.WithdrawFactCheckRequest(name=gone.name, reason="duplicate"), metadata=metadata
    )
    draft = await create(facts, metadata, "Feed draft: never published", language="en", org=org)

    async def page(token: str = "", size: int = 2, publisher: str = org) -> fpb.ExportClaimReviewFeedResponse:
        request = fpb.ExportClaimReviewFeedRequest(publisher=publisher, page_size=size, page_token=token)
        return await facts.ExportClaimReviewFeed(request)  # public: no token

    # Everything is younger than the settle window: nothing is served yet, and nothing is skipped.
    unsettled = await page()
    assert (unsettled.item_count, unsettled.next_page_token) == (0, "")
    assert json.loads(unsettled.json_ld)["dataFeedElement"] == []
    monkeypatch.setattr(factcheck_store, "SETTLE_S", 0.0)
    one = await page(unsettled.resume_page_token)
    assert one.item_count == 2
    assert one.next_page_token
    feed = json.loads(one.json_ld)
    assert (feed["@context"], feed["@type"]) == ("https://schema.org", "DataFeed")
    items = feed["dataFeedElement"]
    assert [item["@id"] for item in items] == [f"jipan:{first.name}", f"jipan:{third.name}"]
    exported = json.loads(
        (await facts.ExportClaimReview(fpb.ExportClaimReviewRequest(name=first.name))).json_ld
    )
    exported.pop("@context")
    assert items[0]["item"] == exported
    assert items[0]["@type"] == "DataFeedItem"
    assert "dateDeleted" not in items[0]
    two = await page(one.next_page_token)
    assert (two.item_count, two.next_page_token) == (1, "")  # the draft is never in the feed
    (withdrawn,) = json.loads(two.json_ld)["dataFeedElement"]
    assert withdrawn["@id"] == f"jipan:{gone.name}"
    assert withdrawn["dateDeleted"]
    assert "item" not in withdrawn
    assert draft.name not in two.json_ld
    # Later: only what changed since, a changed fact-check again with its new content.
    assert (await page(two.resume_page_token)).item_count == 0
    await facts.UpdateFactCheck(
        fpb.UpdateFactCheckRequest(
            fact_check=res.FactCheck(name=first.name, title="Corrected title"),
            update_mask=FieldMask(paths=["title"]),
        ),
        metadata=metadata,
    )
    changed = await page(two.resume_page_token)
    (again,) = json.loads(changed.json_ld)["dataFeedElement"]
    assert (again["@id"], again["item"]["name"]) == (f"jipan:{first.name}", "Corrected title")
    # The whole base in one page holds every publisher; a token is for the publisher it was made for.
    everyone = await page(size=500, publisher="")
    assert {f"jipan:{first.name}", f"jipan:{gone.name}", f"jipan:{third.name}"} <= {
        item["@id"] for item in json.loads(everyone.json_ld)["dataFeedElement"]
    }
    await refused(
        page(one.next_page_token, publisher="orgs/other"),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PAGE_TOKEN_INVALID",
    )
    await refused(page(publisher="people/x"), grpc.StatusCode.INVALID_ARGUMENT, "NAME_INVALID")


async def test_an_update_racing_a_publish_or_withdrawal_never_leaves_a_digest_that_does_not_fit(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    """An update reads the fact-check, makes the digest its state needs, then writes; a publish or a
    withdrawal in between must not be overwritten by a digest made for the state it had before."""
    org = "orgs/races"
    metadata = auth(server, org)
    draft = await create(facts, metadata, "A draft about to be published", language="en", org=org)
    owner, _, fact_check_id = draft.name.rpartition("/factChecks/")
    store = FactCheckStore(server.runtime.database)
    stale = await store.get(owner, fact_check_id)
    assert stale is not None
    done = (
        await facts.PublishFactCheck(fpb.PublishFactCheckRequest(name=draft.name), metadata=metadata)
    ).fact_check
    # What an update that read the draft would write: no digest. The store refuses, the row keeps its own.
    assert (
        await store.update_content(owner, fact_check_id, stale.content, stale.update_time, None, stale.state)
        is None
    )
    kept = await store.get(owner, fact_check_id)
    assert kept is not None
    assert (kept.digest, kept.ledger_receipt) == (done.digest, done.ledger_receipt)
    # Through the service, an update of the published one anchors a digest for its new content.
    changed = await facts.UpdateFactCheck(
        fpb.UpdateFactCheckRequest(
            fact_check=res.FactCheck(name=draft.name, title="Published, then corrected"),
            update_mask=FieldMask(paths=["title"]),
        ),
        metadata=metadata,
    )
    assert changed.fact_check.digest != done.digest
    assert changed.fact_check.ledger_receipt


async def test_a_fact_check_published_while_the_embedder_is_down_is_matched_once_it_is_back(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/outage")
    claim = "The city water supply will be shut off for the whole of next week, store water now"
    EMBEDDER.failing = True
    try:
        done = await published(facts, metadata, claim, language="en", org="orgs/outage")
        assert done.state == res.FACT_CHECK_STATE_PUBLISHED  # publishing does not wait for the embedder
        await refused(
            facts.MatchClaims(fpb.MatchClaimsRequest(text=claim), metadata=metadata),
            grpc.StatusCode.UNAVAILABLE,
            "EMBEDDER_UNAVAILABLE",
        )
    finally:
        EMBEDDER.failing = False
    for _ in range(50):  # the index retries with its next poll (every 0.2 s here)
        outcome = (await facts.MatchClaims(fpb.MatchClaimsRequest(text=claim), metadata=metadata)).outcome
        if outcome.matches and outcome.matches[0].fact_check == done.name:
            break
        await asyncio.sleep(0.1)
    else:
        raise AssertionError("the fact-check never reached the index")


async def test_only_a_changed_claim_is_embedded_again(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/economy")
    done = await published(
        facts,
        metadata,
        "Tap water in Taipei has dangerous lead levels this month",
        language="en",
        org="orgs/economy",
    )
    before = EMBEDDER.texts
    await facts.UpdateFactCheck(
        fpb.UpdateFactCheckRequest(
            fact_check=res.FactCheck(name=done.name, explanation="The water company's tests show no lead."),
            update_mask=FieldMask(paths=["explanation"]),
        ),
        metadata=metadata,
    )
    assert EMBEDDER.texts == before  # the matched text did not change: its stored vector stays
    changed = (
        await facts.UpdateFactCheck(
            fpb.UpdateFactCheckRequest(
                fact_check=res.FactCheck(name=done.name, claim="Taipei tap water is poisoned with lead"),
                update_mask=FieldMask(paths=["claim"]),
            ),
            metadata=metadata,
        )
    ).fact_check
    assert EMBEDDER.texts == before + 1
    assert changed.digest != done.digest  # a published fact-check's new content is anchored anew
    assert changed.ledger_receipt != done.ledger_receipt
    found = (
        await facts.MatchClaims(
            fpb.MatchClaimsRequest(text="Taipei tap water is poisoned with lead"), metadata=metadata
        )
    ).outcome
    assert found.matches[0].fact_check == done.name


async def test_the_index_keeps_vectors_so_a_restart_embeds_nothing(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub
) -> None:
    # At least one of its own (the tests before it publish more).
    await published(facts, auth(server, "orgs/restarted"), "重新啟動後不必再算一次向量", org="orgs/restarted")
    store = FactCheckStore(server.runtime.database)
    counting = HashedBigrams()
    restarted = ClaimIndex(ClaimMatcher(counting), store, server.runtime.database, poll_s=60)
    await restarted.refresh()
    published_count = await server.runtime.database.fetchval(
        "SELECT count(*) FROM factcheck.fact_checks WHERE state = 'PUBLISHED'"
    )
    assert published_count > 0
    assert len(restarted.owners) == published_count
    assert counting.texts == 0  # every published row had its vector stored
    # A stored vector of another size (another model's) is made again, not a stalled index.
    damaged = await server.runtime.database.fetchrow(
        "UPDATE factcheck.fact_checks SET vector = '\\x0000'::bytea"
        " WHERE ordinal = (SELECT min(ordinal) FROM factcheck.fact_checks WHERE state = 'PUBLISHED')"
        " RETURNING owner, id"
    )
    assert damaged is not None
    again = ClaimIndex(ClaimMatcher(counting), store, server.runtime.database, poll_s=60)
    await again.refresh()
    assert counting.texts == 1
    assert len(again.owners) == published_count
    repaired = await server.runtime.database.fetchval(
        "SELECT length(vector) FROM factcheck.fact_checks WHERE owner = $1 AND id = $2",
        damaged["owner"],
        damaged["id"],
    )
    assert repaired == 512 * 4


async def test_the_index_never_skips_a_write_that_commits_after_a_later_numbered_one(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write draws its change number when it runs and is seen when it commits: an import's long
    transaction commits its publications after later ones were read. No settle time at all here,
    so what keeps the watermark back is the open write transaction itself."""
    monkeypatch.setattr(factcheck_store, "SETTLE_S", 0.0)
    org = "orgs/latecommit"
    metadata = auth(server, org)
    late = await create(
        facts, metadata, "Published in a long transaction that commits last", language="en", org=org
    )
    owner, _, late_id = late.name.rpartition("/factChecks/")
    database = server.runtime.database
    index = ClaimIndex(ClaimMatcher(HashedBigrams()), FactCheckStore(database), database, poll_s=60)
    await index.refresh()
    async with database.acquire() as conn, conn.transaction():
        await conn.execute(
            "UPDATE factcheck.fact_checks SET state = 'PUBLISHED', publish_time = now(), update_time = now(),"
            " seq = nextval('factcheck.change_seq') WHERE owner = $1 AND id = $2",
            owner,
            late_id,
        )
        early = await published(facts, metadata, "Published and committed meanwhile", language="en", org=org)
        await index.refresh()
        assert early.name in index.owners
        assert late.name not in index.owners  # not committed yet: invisible
    await index.refresh()
    assert late.name in index.owners
    # Once settled, the watermark passes both, and nothing is applied twice.
    await index.refresh()
    assert {late.name, early.name} <= set(index.owners)


async def test_a_refresh_cancelled_midway_keeps_the_rows_it_was_retrying(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row the embedder failed on is behind the watermark: only the retry list brings it back.
    A refresh cancelled at an await (a publish whose client went away) must not drop that list."""
    monkeypatch.setattr(factcheck_store, "SETTLE_S", 0.0)
    org = "orgs/cancelledrefresh"
    claim = "Retried after a cancelled refresh"
    done = await published(facts, auth(server, org), claim, language="en", org=org)
    owner, _, fact_check_id = done.name.rpartition("/factChecks/")
    database = server.runtime.database
    await database.execute(
        "UPDATE factcheck.fact_checks SET vector = NULL WHERE owner = $1 AND id = $2", owner, fact_check_id
    )
    embedder = HashedBigrams()
    embedder.failing = True
    store = FactCheckStore(database)
    index = ClaimIndex(ClaimMatcher(embedder), store, database, poll_s=60)
    await index.refresh()
    assert done.name not in index.owners  # waiting for the embedder, past the watermark
    embedder.failing = False
    reached, release = asyncio.Event(), asyncio.Event()
    settled_before = store.settled_before

    async def stalled() -> Any:
        reached.set()
        await release.wait()
        return await settled_before()

    monkeypatch.setattr(store, "settled_before", stalled)
    refreshing = asyncio.create_task(index.refresh())
    await reached.wait()
    refreshing.cancel()
    with pytest.raises(asyncio.CancelledError):
        await refreshing
    monkeypatch.setattr(store, "settled_before", settled_before)
    await index.refresh()
    assert done.name in index.owners


async def test_review_queue_decisions_and_threshold_refit(
    server: RunningServer,
    facts: fpb_grpc.FactCheckServiceAsyncStub,
    reviews: rpb_grpc.ReviewServiceAsyncStub,
) -> None:
    metadata = auth(server, "orgs/reviewers")
    target = await published(facts, metadata, "颱風天泡麵會漲價三倍，經濟部已經證實", org="orgs/reviewers")
    submitted = await reviews.SubmitClaim(
        rpb.SubmitClaimRequest(
            parent="orgs/reviewers",
            text="聽說颱風天泡麵要漲價三倍？？經濟部證實了嗎 https://reurl.cc/abc",
            language="zh-TW",
            request_id=(request_id := str(uuid.uuid4())),
        ),
        metadata=metadata,
    )
    exact = await reviews.SubmitClaim(
        rpb.SubmitClaimRequest(parent="orgs/reviewers", text=target.claim, request_id=str(uuid.uuid4())),
        metadata=metadata,
    )
    for response in (submitted, exact):
        outcome = response.outcome
        confident = not outcome.no_match and outcome.matches[0].score >= CONFIDENT
        assert response.HasField("review_task") != confident
        assert outcome.matches[0].fact_check == target.name
    task = submitted.review_task
    assert task.name.startswith("orgs/reviewers/reviewTasks/")
    assert task.state == res.REVIEW_TASK_STATE_OPEN
    assert [m.fact_check for m in task.suggestion.matches][:1] == [target.name]
    replay = await reviews.SubmitClaim(
        rpb.SubmitClaimRequest(
            parent="orgs/reviewers",
            text="聽說颱風天泡麵要漲價三倍？？經濟部證實了嗎 https://reurl.cc/abc",
            language="zh-TW",
            request_id=request_id,
        ),
        metadata=metadata,
    )
    assert replay.review_task == task
    # A reviewer of another organisation does not see the task.
    await refused(
        reviews.GetReviewTask(rpb.GetReviewTaskRequest(name=task.name), metadata=auth(server, "orgs/other")),
        grpc.StatusCode.NOT_FOUND,
        "REVIEW_TASK_NOT_FOUND",
    )
    await refused(
        reviews.DecideReviewTask(
            rpb.DecideReviewTaskRequest(
                name=task.name,
                decision=res.ReviewDecision(
                    outcome=res.REVIEW_OUTCOME_MATCH_CONFIRMED, fact_check="orgs/x/factChecks/y"
                ),
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "DECISION_INVALID",
    )
    decided = await reviews.DecideReviewTask(
        rpb.DecideReviewTaskRequest(
            name=task.name,
            decision=res.ReviewDecision(
                outcome=res.REVIEW_OUTCOME_MATCH_CONFIRMED, fact_check=target.name, note="同一則"
            ),
        ),
        metadata=metadata,
    )
    done = decided.review_task
    assert done.state == res.REVIEW_TASK_STATE_DECIDED
    assert done.decision.fact_check == target.name
    assert done.decision.reviewer == "people/alice"
    assert done.disagreement == (
        task.suggestion.no_match or task.suggestion.matches[0].fact_check != target.name
    )
    assert len(done.digest) == 32
    assert done.ledger_receipt
    await refused(
        reviews.DecideReviewTask(
            rpb.DecideReviewTaskRequest(
                name=task.name, decision=res.ReviewDecision(outcome=res.REVIEW_OUTCOME_MATCHES_REJECTED)
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "REVIEW_TASK_DECIDED",
    )
    # An unmatched claim: the reviewer writes a new fact-check (a draft of the organisation).
    lonely = (
        await reviews.SubmitClaim(
            rpb.SubmitClaimRequest(
                parent="orgs/reviewers",
                text="火星上發現了一座台灣便利商店",
                language="zh-TW",
                request_id=str(uuid.uuid4()),
            ),
            metadata=metadata,
        )
    ).review_task
    assert lonely.suggestion.no_match
    written = await reviews.DecideReviewTask(
        rpb.DecideReviewTaskRequest(
            name=lonely.name,
            decision=res.ReviewDecision(outcome=res.REVIEW_OUTCOME_NEW_FACT_CHECK),
            new_fact_check=res.FactCheck(verdict=res.VERDICT_FALSE, explanation="沒有這回事。"),
        ),
        metadata=metadata,
    )
    assert written.fact_check.claim == "火星上發現了一座台灣便利商店"
    assert written.fact_check.state == res.FACT_CHECK_STATE_DRAFT
    assert written.review_task.decision.fact_check == written.fact_check.name
    assert not written.review_task.disagreement  # the AI found no match, and there was none
    # The reviewer finds the fact-check the AI did not suggest: its own score is a confirmed label
    # (a miss the re-fit's recall counts), and the decision disagrees with the AI. Published after
    # the claim was submitted, so that it cannot be among the suggestions, whatever else the base holds.
    missed = (
        await reviews.SubmitClaim(
            rpb.SubmitClaimRequest(
                parent="orgs/reviewers", text="火星上開了一家珍珠奶茶店", request_id=str(uuid.uuid4())
            ),
            metadata=metadata,
        )
    ).review_task
    elsewhere = await published(
        facts,
        metadata,
        "Official: the MRT will be free on weekends from July",
        language="en",
        org="orgs/reviewers",
    )
    assert elsewhere.name not in [m.fact_check for m in missed.suggestion.matches]
    overruled = (
        await reviews.DecideReviewTask(
            rpb.DecideReviewTaskRequest(
                name=missed.name,
                decision=res.ReviewDecision(
                    outcome=res.REVIEW_OUTCOME_MATCH_CONFIRMED, fact_check=elsewhere.name
                ),
            ),
            metadata=metadata,
        )
    ).review_task
    assert overruled.disagreement
    label = await server.runtime.database.fetchrow(
        "SELECT score, confirmed FROM factcheck.review_labels WHERE task = $1 AND fact_check = $2",
        overruled.name.rsplit("/", 1)[1],
        elsewhere.name,
    )
    assert label is not None
    assert label["confirmed"]
    assert 0 <= label["score"] <= 1
    listed = await reviews.ListReviewTasks(
        rpb.ListReviewTasksRequest(parent="orgs/reviewers", state=res.REVIEW_TASK_STATE_DECIDED),
        metadata=metadata,
    )
    assert [t.name for t in listed.review_tasks] == [task.name, lonely.name, missed.name]
    disagreeing = await reviews.ListReviewTasks(
        rpb.ListReviewTasksRequest(parent="orgs/reviewers", disagreements_only=True), metadata=metadata
    )
    assert missed.name in [t.name for t in disagreeing.review_tasks]
    assert lonely.name not in [t.name for t in disagreeing.review_tasks]
    # Re-fitting is an operator's call; with decisions of both kinds it reports before and after.
    await refused(
        reviews.RefitThreshold(rpb.RefitThresholdRequest(), metadata=metadata),
        grpc.StatusCode.PERMISSION_DENIED,
        "ROLE_MISSING",
    )
    admin = auth(server, "orgs/operator", roles=["factcheck-admin"], subject="people/operator")
    labels = await server.runtime.database.fetch("SELECT confirmed FROM factcheck.review_labels")
    if {row["confirmed"] for row in labels} == {True, False}:
        fit = (await reviews.RefitThreshold(rpb.RefitThresholdRequest(), metadata=admin)).fit
        assert fit.decisions == len(labels)
        assert 0 <= fit.precision_after <= 1
        assert 0 <= fit.recall_after <= 1
        assert fit.fitter == "people/operator"
        after = (await facts.MatchClaims(fpb.MatchClaimsRequest(text="泡麵漲價"), metadata=metadata)).outcome
        assert after.threshold == pytest.approx(fit.threshold_after)
    else:
        await refused(
            reviews.RefitThreshold(rpb.RefitThresholdRequest(), metadata=admin),
            grpc.StatusCode.FAILED_PRECONDITION,
            "NOT_ENOUGH_DECISIONS",
        )


async def test_an_organisation_fits_its_own_threshold_from_its_reviewers_decisions(
    server: RunningServer, facts: fpb_grpc.FactCheckServiceAsyncStub, reviews: rpb_grpc.ReviewServiceAsyncStub
) -> None:
    org = "orgs/strict"
    metadata = auth(server, org)
    outsider = auth(server, "orgs/lenient")
    base = (
        await facts.MatchClaims(fpb.MatchClaimsRequest(text="颱風假"), metadata=outsider)
    ).outcome.threshold
    admin = auth(server, org, roles=["factcheck-admin"], subject="people/strict-admin")
    # No decisions of its own yet: nothing to fit on.
    await refused(
        reviews.RefitThreshold(rpb.RefitThresholdRequest(organization=org), metadata=admin),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NOT_ENOUGH_DECISIONS",
    )
    typhoon = await published(facts, metadata, "颱風天停班停課由行政院人事行政總處統一公布", org=org)
    await published(
        facts, metadata, "Typhoon days off are announced by each city and county", language="en", org=org
    )
    for text in ("颱風假是總統府公布的嗎", "明天颱風放假嗎？聽說總統府宣布了"):
        task = (
            await reviews.SubmitClaim(
                rpb.SubmitClaimRequest(parent=org, text=text, request_id=str(uuid.uuid4())), metadata=metadata
            )
        ).review_task
        assert len(task.suggestion.matches) >= 2
        await reviews.DecideReviewTask(
            rpb.DecideReviewTaskRequest(
                name=task.name,
                decision=res.ReviewDecision(
                    outcome=res.REVIEW_OUTCOME_MATCH_CONFIRMED, fact_check=typhoon.name
                ),
            ),
            metadata=metadata,
        )
    labels = await server.runtime.database.fetch(
        "SELECT confirmed FROM factcheck.review_labels WHERE owner = $1", org
    )
    assert {row["confirmed"] for row in labels} == {True, False}
    # Only for the caller's own organisation.
    await refused(
        reviews.RefitThreshold(rpb.RefitThresholdRequest(organization="orgs/lenient"), metadata=admin),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    fit = (await reviews.RefitThreshold(rpb.RefitThresholdRequest(organization=org), metadata=admin)).fit
    assert fit.organization == org
    assert fit.decisions == len(labels)  # its own decisions only
    assert fit.threshold_before == pytest.approx(base)
    assert fit.fitter == "people/strict-admin"
    # Its matching uses it from now on (SubmitClaim too); everyone else keeps the base's.
    own = (await facts.MatchClaims(fpb.MatchClaimsRequest(text="颱風假"), metadata=metadata)).outcome
    assert own.threshold == pytest.approx(fit.threshold_after)
    other = (await facts.MatchClaims(fpb.MatchClaimsRequest(text="颱風假"), metadata=outsider)).outcome
    assert other.threshold == pytest.approx(base)
    submitted = await reviews.SubmitClaim(
        rpb.SubmitClaimRequest(parent=org, text="颱風假誰公布", request_id=str(uuid.uuid4())),
        metadata=metadata,
    )
    assert submitted.outcome.threshold == pytest.approx(fit.threshold_after)
    stored = await server.runtime.database.fetchrow(
        "SELECT organization, threshold_after FROM factcheck.threshold_fits ORDER BY seq DESC LIMIT 1"
    )
    assert stored is not None
    assert (stored["organization"], stored["threshold_after"]) == (org, pytest.approx(fit.threshold_after))

    # What is in force, as each caller reads it.
    mine = await reviews.GetThreshold(rpb.GetThresholdRequest(organization=org), metadata=metadata)
    assert mine.own
    assert mine.threshold == pytest.approx(fit.threshold_after)
    assert mine.fit == fit
    theirs = await reviews.GetThreshold(
        rpb.GetThresholdRequest(organization="orgs/lenient"), metadata=outsider
    )
    assert not theirs.own
    assert theirs.threshold == pytest.approx(base)
    whole = await reviews.GetThreshold(rpb.GetThresholdRequest(), metadata=metadata)
    assert not whole.own
    assert whole.threshold == pytest.approx(base)
    assert whole.fit == theirs.fit
    assert whole.HasField("fit") == (whole.fit.organization == "" and whole.fit.fitter != "")
    await refused(
        reviews.GetThreshold(rpb.GetThresholdRequest(organization=org), metadata=outsider),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )

    # Dropping it: an admin of the organisation only; then the base's again, everywhere.
    await refused(
        reviews.ResetThreshold(rpb.ResetThresholdRequest(organization=org), metadata=metadata),
        grpc.StatusCode.PERMISSION_DENIED,
        "ROLE_MISSING",
    )
    lenient_admin = auth(server, "orgs/lenient", roles=["factcheck-admin"])
    await refused(
        reviews.ResetThreshold(rpb.ResetThresholdRequest(organization=org), metadata=lenient_admin),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    reset = await reviews.ResetThreshold(rpb.ResetThresholdRequest(organization=org), metadata=admin)
    assert reset.dropped
    assert reset.threshold_before == pytest.approx(fit.threshold_after)
    assert reset.threshold == pytest.approx(base)
    again = await reviews.ResetThreshold(rpb.ResetThresholdRequest(organization=org), metadata=admin)
    assert not again.dropped
    assert again.threshold == pytest.approx(base)
    nothing = await reviews.ResetThreshold(
        rpb.ResetThresholdRequest(organization="orgs/lenient"), metadata=lenient_admin
    )
    assert nothing.dropped is False
    own = (await facts.MatchClaims(fpb.MatchClaimsRequest(text="颱風假"), metadata=metadata)).outcome
    assert own.threshold == pytest.approx(base)
    mine = await reviews.GetThreshold(rpb.GetThresholdRequest(organization=org), metadata=metadata)
    assert not mine.own
    assert mine.threshold == pytest.approx(base)
    # The history keeps the fit and records the drop (one row: the second reset changed nothing).
    history = await server.runtime.database.fetch(
        "SELECT dropped, threshold_before, fitter FROM factcheck.threshold_fits WHERE organization = $1"
        " ORDER BY seq",
        org,
    )
    assert [(row["dropped"], row["fitter"]) for row in history] == [
        (False, "people/strict-admin"),
        (True, "people/strict-admin"),
    ]
    assert history[1]["threshold_before"] == pytest.approx(fit.threshold_after)
    # A new fit puts an own threshold in force again.
    refit = (await reviews.RefitThreshold(rpb.RefitThresholdRequest(organization=org), metadata=admin)).fit
    assert refit.threshold_before == pytest.approx(base)
    own = (await facts.MatchClaims(fpb.MatchClaimsRequest(text="颱風假"), metadata=metadata)).outcome
    assert own.threshold == pytest.approx(refit.threshold_after)


async def test_sources_and_check_source(
    server: RunningServer, sources: spb_grpc.SourceServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/sourcer")
    request = spb.CreateSourceRequest(
        parent="orgs/sourcer",
        source=res.Source(
            target="WWW.Content-Farm.example",
            credibility=res.CREDIBILITY_FABRICATED,
            evidence="Copies stories and invents quotes.",
            evidence_links=[res.EvidenceLink(uri="https://tfc.example.tw/report/1")],
        ),
        request_id=str(uuid.uuid4()),
    )
    farm = (await sources.CreateSource(request, metadata=metadata)).source
    assert (farm.normalized_target, farm.domain_wide, farm.status) == (
        "content-farm.example",
        True,
        res.SOURCE_STATUS_DRAFT,
    )
    assert farm.assessed_by == "people/alice"
    assert (await sources.CreateSource(request, metadata=metadata)).source == farm
    request.request_id = str(uuid.uuid4())
    await refused(
        sources.CreateSource(request, metadata=metadata), grpc.StatusCode.ALREADY_EXISTS, "SOURCE_EXISTS"
    )
    url = "http://news.content-farm.example/2024/05/story.html?utm_source=line&fbclid=abc#comments"
    draft_check = await sources.CheckSource(spb.CheckSourceRequest(url=url))
    assert draft_check.unknown
    assert not draft_check.sources
    assert draft_check.normalized_url == "https://news.content-farm.example/2024/05/story.html"
    await sources.UpdateSource(
        spb.UpdateSourceRequest(
            source=res.Source(name=farm.name, status=res.SOURCE_STATUS_PUBLISHED),
            update_mask=FieldMask(paths=["status"]),
        ),
        metadata=metadata,
    )
    column = await published_source(
        sources,
        metadata,
        "orgs/sourcer",
        "https://news.content-farm.example/2024/",
        res.CREDIBILITY_UNRELIABLE,
    )
    check = await sources.CheckSource(spb.CheckSourceRequest(url=url))
    assert not check.unknown
    assert [s.name for s in check.sources] == [column.name, farm.name]  # the most specific first
    assert check.host == "news.content-farm.example"
    other = await sources.CheckSource(spb.CheckSourceRequest(url="https://elsewhere.example/x"))
    assert other.unknown
    short = await sources.CheckSource(spb.CheckSourceRequest(url="https://bit.ly/3xYzAbc"))
    assert short.shortener
    assert short.unknown
    await refused(
        sources.CheckSource(spb.CheckSourceRequest(url="javascript:alert(1)")),
        grpc.StatusCode.INVALID_ARGUMENT,
        "URL_INVALID",
    )
    # Withdrawn: out of force, still the organisation's record.
    await sources.UpdateSource(
        spb.UpdateSourceRequest(
            source=res.Source(name=column.name, status=res.SOURCE_STATUS_WITHDRAWN),
            update_mask=FieldMask(paths=["status"]),
        ),
        metadata=metadata,
    )
    assert [s.name for s in (await sources.CheckSource(spb.CheckSourceRequest(url=url))).sources] == [
        farm.name
    ]
    await refused(
        sources.GetSource(spb.GetSourceRequest(name=column.name), metadata=auth(server, "orgs/other")),
        grpc.StatusCode.NOT_FOUND,
        "SOURCE_NOT_FOUND",
    )
    listed = await sources.ListSources(spb.ListSourcesRequest(parent="orgs/sourcer"), metadata=metadata)
    assert [s.name for s in listed.sources] == [farm.name, column.name]


async def test_a_review_task_shows_what_is_known_about_the_links_in_its_claim(
    server: RunningServer,
    sources: spb_grpc.SourceServiceAsyncStub,
    reviews: rpb_grpc.ReviewServiceAsyncStub,
) -> None:
    metadata = auth(server, "orgs/linkreview")
    farm = await published_source(
        sources, metadata, "orgs/linkreview", "rumour-mill.example", res.CREDIBILITY_FABRICATED
    )
    farm_link = "http://www.rumour-mill.example/health/salt.html?utm_source=line"
    text = (
        f"【轉傳】喝鹽水防疫！！ 看這篇 {farm_link}，影片 https://bit.ly/3xYzAbc"
        " 還有 https://unheard-of.example/a 🙏"
    )
    submitted = await reviews.SubmitClaim(
        rpb.SubmitClaimRequest(parent="orgs/linkreview", text=text, request_id=str(uuid.uuid4())),
        metadata=metadata,
    )
    task = submitted.review_task
    assert [link.url for link in task.links] == [
        farm_link,
        "https://bit.ly/3xYzAbc",
        "https://unheard-of.example/a",
    ]
    first, short, unknown = task.links
    assert first.normalized_url == "https://rumour-mill.example/health/salt.html"
    assert (first.host, first.unknown) == ("rumour-mill.example", False)
    assert [(s.name, s.credibility) for s in first.sources] == [(farm.name, res.CREDIBILITY_FABRICATED)]
    assert short.shortener
    assert short.unknown
    assert unknown.unknown
    assert not unknown.sources
    # Read back, the links carry the records as they are now: a record published since shows.
    await published_source(
        sources, metadata, "orgs/linkreview", "unheard-of.example", res.CREDIBILITY_RELIABLE
    )
    again = (
        await reviews.GetReviewTask(rpb.GetReviewTaskRequest(name=task.name), metadata=metadata)
    ).review_task
    assert not again.links[2].unknown
    assert [s.credibility for s in again.links[2].sources] == [res.CREDIBILITY_RELIABLE]
    listed = await reviews.ListReviewTasks(
        rpb.ListReviewTasksRequest(parent="orgs/linkreview"), metadata=metadata
    )
    assert [list(t.links) for t in listed.review_tasks] == [list(again.links)]
    # The decision's answer keeps them; a claim without links has none.
    decided = await reviews.DecideReviewTask(
        rpb.DecideReviewTaskRequest(
            name=task.name, decision=res.ReviewDecision(outcome=res.REVIEW_OUTCOME_MATCHES_REJECTED)
        ),
        metadata=metadata,
    )
    assert list(decided.review_task.links) == list(again.links)
    plain = await reviews.SubmitClaim(
        rpb.SubmitClaimRequest(parent="orgs/linkreview", text="月亮是起司做的", request_id=str(uuid.uuid4())),
        metadata=metadata,
    )
    assert not plain.review_task.links


async def test_fact_checks_and_decisions_left_without_a_receipt_are_anchored_by_the_sweeps(
    server: RunningServer,
    facts: fpb_grpc.FactCheckServiceAsyncStub,
    reviews: rpb_grpc.ReviewServiceAsyncStub,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As if the ledger had failed after a publication and a decision committed, and nobody of
    the organisation wrote again: without the sweeps they stayed without a receipt for good."""
    org = f"orgs/sweeps-{uuid.uuid4().hex[:6]}"
    metadata = auth(server, org)
    services: list[FactChecks] = []
    original = FactChecks._anchored

    async def noting(self: FactChecks, fact_check: Any) -> Any:
        if fact_check.owner == org:  # the server's service, not another test's still winding down
            services.append(self)
        return await original(self, fact_check)

    with monkeypatch.context() as watched:
        watched.setattr(FactChecks, "_anchored", noting)
        await published(facts, metadata, "清掃測試：某則已發布的查核", org=org)
    fact_checks = services[0]
    submitted = await reviews.SubmitClaim(
        rpb.SubmitClaimRequest(
            parent=org, text="火星上發現了一座清掃測試便利商店", request_id=str(uuid.uuid4())
        ),
        metadata=metadata,
    )
    task = submitted.review_task.name
    await reviews.DecideReviewTask(
        rpb.DecideReviewTaskRequest(
            name=task, decision=res.ReviewDecision(outcome=res.REVIEW_OUTCOME_MATCHES_REJECTED)
        ),
        metadata=metadata,
    )
    pool = server.runtime.database
    await pool.execute("UPDATE factcheck.fact_checks SET ledger_receipt = NULL WHERE owner = $1", org)
    await pool.execute("UPDATE factcheck.review_tasks SET ledger_receipt = NULL WHERE owner = $1", org)
    # Another replica's review service, as far as its sweep goes (it embeds nothing, reads no source).
    decisions = Reviews(
        ReviewStore(pool),
        fact_checks,
        None,  # type: ignore[arg-type]
        fact_checks.anchor,
        server.runtime.page_tokens,
        RequestIds(),
        None,  # type: ignore[arg-type]
        confident_score=0.9,
    )
    monkeypatch.setattr("jipan.servers.factcheck.factchecks.domain.PENDING_GRACE_S", 0.0)
    monkeypatch.setattr("jipan.servers.factcheck.review.domain.PENDING_GRACE_S", 0.0)
    assert await fact_checks.anchor_every_pending() >= 1
    assert await decisions.anchor_pending() >= 1
    assert await pool.fetchval(
        "SELECT bool_and(ledger_receipt IS NOT NULL) FROM factcheck.fact_checks WHERE owner = $1", org
    )
    assert await pool.fetchval(
        "SELECT ledger_receipt IS NOT NULL FROM factcheck.review_tasks"
        " WHERE owner = $1 AND state = 'DECIDED'",
        org,
    )
