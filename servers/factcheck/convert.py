"""Protobuf ↔ domain types for the factcheck service (the servicers' only translation)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from jipan.factcheck.v1 import resources_pb2 as pb
from jipan.servers.factcheck.factchecks import verdicts
from jipan.servers.factcheck.factchecks.types import Content, Evidence, FactCheck, Feedback, State, Verdict
from jipan.servers.factcheck.limits import invalid

_VERDICT_TO_PB = {v: pb.Verdict.Value(f"VERDICT_{v.value}") for v in Verdict}
_VERDICT_FROM_PB: dict[int, Verdict] = {number: verdict for verdict, number in _VERDICT_TO_PB.items()}
_STATE_TO_PB = {s: pb.FactCheckState.Value(f"FACT_CHECK_STATE_{s.value}") for s in State}
_STATE_FROM_PB: dict[int, State] = {number: state for state, number in _STATE_TO_PB.items()}


def timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def from_timestamp(message: Any, field: str) -> datetime | None:
    if not message.HasField(field):
        return None
    value: datetime = getattr(message, field).ToDatetime(tzinfo=UTC)
    return value


def verdict_from_pb(value: int) -> Verdict | None:
    return _VERDICT_FROM_PB.get(value)


def state_from_pb(value: int) -> State | None:
    return _STATE_FROM_PB.get(value)


def evidence_from_pb(links: Any) -> tuple[Evidence, ...]:
    return tuple(Evidence(uri=link.uri.strip(), title=link.title.strip()) for link in links)


def _verdict(message: pb.FactCheck, field: str) -> Verdict:
    verdict = verdict_from_pb(message.verdict)
    if verdict is None:
        raise invalid(f"{field}.verdict", "required")
    return verdict


def _content_fields(message: pb.FactCheck) -> dict[str, Any]:
    """Every writer's field but the verdict."""
    return {
        "claim": message.claim,
        "language": message.language,
        "title": message.title,
        "rating_text": message.rating_text.strip(),
        "explanation": message.explanation,
        "evidence": evidence_from_pb(message.evidence),
        "publisher_display_name": message.publisher_display_name.strip(),
        "uri": message.uri.strip(),
        "claim_author": message.claim_author.strip(),
        "claim_appearances": tuple(url.strip() for url in message.claim_appearances),
        "claim_time": from_timestamp(message, "claim_time"),
    }


def content_from_pb(message: pb.FactCheck, field: str = "fact_check") -> Content:
    """The writer's fields; FACT_CHECK_INVALID without a verdict."""
    return Content(verdict=_verdict(message, field), **_content_fields(message))


def content_changes(message: pb.FactCheck, paths: list[str]) -> dict[str, Any]:
    """The fields an update_mask names, as Content values (unknown paths kept for the domain to refuse)."""
    fields = _content_fields(message)
    changes: dict[str, Any] = {}
    for path in paths:
        if path == "verdict":
            changes[path] = _verdict(message, "fact_check")
        else:
            changes[path] = fields.get(path)
    return changes


def fact_check_to_pb(fact_check: FactCheck) -> pb.FactCheck:
    content = fact_check.content
    rating = verdicts.rating(content.verdict, content.rating_text, content.language)
    return pb.FactCheck(
        name=fact_check.name,
        claim=content.claim,
        title=content.title,
        verdict=_VERDICT_TO_PB[content.verdict],
        rating_text=content.rating_text,
        review_rating=pb.ReviewRating(
            rating_value=rating.value,
            best_rating=rating.best,
            worst_rating=rating.worst,
            alternate_name=rating.alternate_name,
        ),
        cofacts_reply_type=pb.CofactsReplyType.Value(
            f"COFACTS_REPLY_TYPE_{verdicts.TO_COFACTS[content.verdict].value}"
        ),
        explanation=content.explanation,
        evidence=[pb.EvidenceLink(uri=e.uri, title=e.title) for e in content.evidence],
        language=content.language,
        publisher=fact_check.owner,
        publisher_display_name=content.publisher_display_name,
        uri=content.uri,
        claim_author=content.claim_author,
        claim_appearances=list(content.claim_appearances),
        claim_time=timestamp(content.claim_time),
        state=_STATE_TO_PB[fact_check.state],
        import_source=fact_check.import_source,
        creator=fact_check.creator,
        create_time=timestamp(fact_check.create_time),
        update_time=timestamp(fact_check.update_time),
        publish_time=timestamp(fact_check.publish_time),
        digest=fact_check.digest,
        ledger_receipt=fact_check.ledger_receipt,
        withdraw_time=timestamp(fact_check.withdraw_time),
        withdraw_reason=fact_check.withdraw_reason,
        reader_feedback=_feedback_to_pb(fact_check.feedback),
    )


def _feedback_to_pb(feedback: Feedback | None) -> pb.ReaderFeedback | None:
    if feedback is None:
        return None
    return pb.ReaderFeedback(
        helpful_count=feedback.helpful,
        unhelpful_count=feedback.unhelpful,
        source=feedback.source,
        update_time=timestamp(feedback.update_time),
    )
