"""Cofacts' open-data CSVs (github.com/cofacts/opendata) read as fact-checks.

The layout, by header name (the files' column order has changed over the
years and extra columns are ignored):
- articles.csv: id, references, userIdsha256, normalArticleReplyCount,
  appId, text, createdAt, updatedAt, lastRequestedAt
- article_replies.csv: articleId, replyId, userIdsha256,
  negativeFeedbackCount, positiveFeedbackCount, replyType, appId, status,
  createdAt, updatedAt
- replies.csv: id, type, reference, userIdsha256, appId, text, createdAt
- article_hyperlinks.csv (optional): articleId, url, normalizedUrl, title
- reply_hyperlinks.csv (optional): replyId, url, normalizedUrl, title

A reply is Cofacts' fact-check; the message (article) it answers is the
claim. A reply may answer several similar articles: the claim is the
earliest one still connected (status NORMAL). The links in that message
(article_hyperlinks.csv) are where the claim appears (ClaimReview
`itemReviewed.appearance`); reply_hyperlinks.csv gives the titles Cofacts
fetched for the links of the reply's reference (its evidence). The
readers' votes on a reply (article_replies.csv's positiveFeedbackCount and
negativeFeedbackCount) are summed over the connected messages it answers:
the fact-check's `reader_feedback`, absent when the file has neither column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from jipan.servers.factcheck.factchecks import verdicts
from jipan.servers.factcheck.factchecks.types import Content, Evidence, Feedback, ImportItem
from jipan.servers.factcheck.limits import MAX_CLAIM_CHARS, clip, http_url
from jipan.servers.factcheck.sources.normalize import links_in

REQUIRED = {
    "cofacts_articles": ("id", "text"),
    "cofacts_article_replies": ("articleId", "replyId"),
    "cofacts_replies": ("id", "type", "text"),
    "cofacts_article_hyperlinks": ("articleId", "url"),
    "cofacts_reply_hyperlinks": ("replyId", "url"),
}
MAX_APPEARANCES = 20
"""FactCheck.claim_appearances' limit."""
REPLY_PAGE = "https://cofacts.tw/reply/{id}"


class TableProblem(ValueError):
    """A whole file cannot be read: `part` names it."""

    def __init__(self, part: str, problem: str) -> None:
        super().__init__(f"{part}: {problem}")
        self.part = part
        self.problem = problem


def _rows(data: bytes, part: str) -> list[tuple[int, dict[str, str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableProblem(part, "not UTF-8") from exc
    # A short row's missing cells read as empty, never None (which sorts against no string).
    reader = csv.DictReader(io.StringIO(text, newline=""), restval="")
    try:  # reading the header parses the first line: it can be as malformed as any other
        header = reader.fieldnames or []
        missing = [column for column in REQUIRED[part] if column not in header]
        if missing:
            raise TableProblem(part, f"the header lacks {', '.join(missing)}")
        return list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise TableProblem(part, f"line {reader.line_num}: {exc}") from exc


def _time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


FEEDBACK_SOURCE = "cofacts"
_COUNT = re.compile(r"[0-9]{1,15}")
_MAX_COUNT = 2**63 - 1  # the int64 of ReaderFeedback and the bigint column


def _count(value: str | None) -> int:
    """A vote count as written; anything else (empty, negative, not a number) counts none."""
    text = (value or "").strip()
    return int(text) if _COUNT.fullmatch(text) else 0


def _hyperlinks(data: bytes, part: str, key: str) -> dict[str, dict[str, str]]:
    """id → {url: title} of a *_hyperlinks.csv, in file order, http(s) URLs only (empty data: none)."""
    links: dict[str, dict[str, str]] = {}
    if not data:
        return links
    for _, row in _rows(data, part):
        url = (row.get("url") or "").strip()
        if http_url(url):
            links.setdefault(row[key], {}).setdefault(url, clip((row.get("title") or "").strip(), 500))
    return links


def read(
    articles: bytes,
    article_replies: bytes,
    replies: bytes,
    language: str,
    article_hyperlinks: bytes = b"",
    reply_hyperlinks: bytes = b"",
) -> Iterator[ImportItem]:
    """Each reply of replies.csv, in file order, as an ImportItem. TableProblem when a file is unreadable."""
    appearances = _hyperlinks(article_hyperlinks, "cofacts_article_hyperlinks", "articleId")
    titles = _hyperlinks(reply_hyperlinks, "cofacts_reply_hyperlinks", "replyId")
    article_text: dict[str, tuple[str, datetime | None]] = {}
    for _, row in _rows(articles, "cofacts_articles"):
        article_text[row["id"]] = (row.get("text") or "", _time(row.get("createdAt")))
    answered: dict[str, list[tuple[str, str]]] = {}
    votes: dict[str, tuple[int, int]] = {}
    voted = False  # the file has feedback columns
    for _, row in _rows(article_replies, "cofacts_article_replies"):
        if (row.get("status") or "NORMAL") != "NORMAL":
            continue
        answered.setdefault(row["replyId"], []).append((row.get("createdAt") or "", row["articleId"]))
        if "positiveFeedbackCount" in row or "negativeFeedbackCount" in row:
            voted = True
            helpful, unhelpful = votes.get(row["replyId"], (0, 0))
            votes[row["replyId"]] = (
                helpful + _count(row.get("positiveFeedbackCount")),
                unhelpful + _count(row.get("negativeFeedbackCount")),
            )
    for line, row in _rows(replies, "cofacts_replies"):  # data rows, 1-based
        reply_id = (row.get("id") or "").strip()
        where = f"replies.csv row {line}"
        source = f"cofacts:reply/{reply_id}"
        if not reply_id:
            yield ImportItem(where, None, "", "no reply id")
            continue
        reply_type = verdicts.COFACTS_SPELLINGS.get((row.get("type") or "").strip())
        if reply_type is None:
            yield ImportItem(where, None, source, f"unknown reply type {(row.get('type') or '')[:40]!r}")
            continue
        claim = ""
        claim_time = None
        seen_at: tuple[str, ...] = ()
        for _, article_id in sorted(answered.get(reply_id, [])):
            text, created = article_text.get(article_id, ("", None))
            if text.strip():
                claim, claim_time = text.strip(), created
                seen_at = tuple(appearances.get(article_id, {}))[:MAX_APPEARANCES]
                break
        if not claim:
            yield ImportItem(where, None, source, "no article with text answers this reply")
            continue
        reference = row.get("reference") or ""
        links = tuple(url for url in links_in(reference, limit=50) if http_url(url))
        content = Content(
            claim=clip(claim, MAX_CLAIM_CHARS),
            verdict=verdicts.FROM_COFACTS[reply_type],
            language=language,
            explanation=clip((row.get("text") or "").strip(), 20000),
            evidence=tuple(Evidence(uri=url, title=titles.get(reply_id, {}).get(url, "")) for url in links),
            publisher_display_name="Cofacts 真的假的",
            uri=REPLY_PAGE.format(id=reply_id) if re.fullmatch(r"[A-Za-z0-9_-]{1,100}", reply_id) else "",
            claim_time=claim_time,
            claim_appearances=seen_at,
        )
        feedback = None
        if voted:
            helpful, unhelpful = votes.get(reply_id, (0, 0))
            feedback = Feedback(min(helpful, _MAX_COUNT), min(unhelpful, _MAX_COUNT), FEEDBACK_SOURCE)
        yield ImportItem(where, content, source, feedback=feedback)
