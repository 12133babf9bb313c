"""schema.org ClaimReview JSON-LD: read (ImportFactChecks) and write (ExportClaimReview).

The reader takes what fact-checkers publish: one ClaimReview, an array, an
`@graph`, or a DataFeed whose `dataFeedElement`s carry `item`s; `@type` may
be a string or a list, values may be plain or objects. Only ClaimReviews are
read; an item without a claim or a rating we can read is an issue, not an
error of the whole import.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from jipan.servers.factcheck.factchecks import verdicts
from jipan.servers.factcheck.factchecks.types import Content, Evidence, FactCheck
from jipan.servers.factcheck.limits import MAX_CLAIM_CHARS, clip, http_url

CONTEXT = "https://schema.org"


class ItemProblem(ValueError):
    """One item cannot be imported; the message says why."""


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", ())
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return {str(name).rsplit("/", 1)[-1] for name in names}


def _walk(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ClaimReview object in the document, with where it is."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{path}[{index}]")
        return
    if not isinstance(node, dict):
        return
    if "ClaimReview" in _types(node):
        yield path, node
        return
    for key in ("@graph", "dataFeedElement", "item", "itemListElement"):
        if key in node:
            yield from _walk(node[key], f"{path}.{key}")


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "url", "@id"):
            if isinstance(value.get(key), str):
                return str(value[key]).strip()
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _object(value: Any) -> dict[str, Any]:
    """The object a value holds (a list's first object), else an empty one."""
    if isinstance(value, list):
        value = next((entry for entry in value if isinstance(entry, dict)), None)
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _time(value: Any) -> datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _urls(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value] if value else []
    found = []
    for item in items:
        url = item if isinstance(item, str) else item.get("url") if isinstance(item, dict) else None
        if isinstance(url, str) and http_url(url.strip()):
            found.append(url.strip())
    return tuple(dict.fromkeys(found))[:20]


def parse_document(data: bytes) -> list[tuple[str, dict[str, Any]]]:
    """The ClaimReview objects of a JSON-LD document; ValueError when it is not JSON."""
    document = json.loads(data.decode("utf-8"))
    return list(_walk(document, "claim_review"))


def read_item(node: dict[str, Any], default_language: str) -> tuple[Content, str]:
    """One ClaimReview as fact-check content and its import source (its `url`, else `@id`)."""
    # itemReviewed, like any value here, may be a string, a list or an object: only an object
    # (or a list's first) has a name, an author or appearances to read.
    item = _object(node.get("itemReviewed"))
    claim = _text(node.get("claimReviewed")) or _text(item.get("name"))
    if not claim:
        raise ItemProblem("no claimReviewed")
    rating = node.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    if not isinstance(rating, dict):
        raise ItemProblem("no reviewRating")
    words = _text(rating.get("alternateName")) or _text(rating.get("name"))
    verdict = verdicts.verdict_from_rating(
        _number(rating.get("ratingValue")),
        _number(rating.get("bestRating")),
        _number(rating.get("worstRating")),
        words,
    )
    if verdict is None:
        raise ItemProblem(f"unknown rating {words[:80]!r}")
    author = node.get("author")
    language = _text(node.get("inLanguage")) or default_language
    uri = _text(node.get("url"))
    uri = uri if http_url(uri) else ""
    source = uri or _text(node.get("@id"))
    if not source:
        raise ItemProblem("no url or @id to know the item by")
    content = Content(
        claim=clip(claim, MAX_CLAIM_CHARS),
        verdict=verdict,
        language=language[:35],
        title=clip(_text(node.get("name")) or _text(node.get("headline")), 500),
        rating_text=clip(words, 200),
        explanation=clip(_text(node.get("reviewBody")) or _text(node.get("description")), 20000),
        evidence=tuple(Evidence(uri=url) for url in _urls(node.get("citation")))[:50],
        publisher_display_name=clip(_text(author), 200),
        uri=uri,
        claim_author=clip(_text(item.get("author")), 200),
        claim_appearances=_urls(item.get("appearance")) or _urls(item.get("firstAppearance")),
        claim_time=_time(item.get("datePublished")),
    )
    return content, source[:2000]


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def export(fact_check: FactCheck) -> dict[str, Any]:
    """The published fact-check as one ClaimReview (JSON-LD as a dict)."""
    content = fact_check.content
    rating = verdicts.rating(content.verdict, content.rating_text, content.language)
    review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating.alternate_name}
    if rating.value:
        review_rating |= {
            "ratingValue": rating.value,
            "bestRating": rating.best,
            "worstRating": rating.worst,
        }
    item: dict[str, Any] = {"@type": "Claim"}
    if content.claim_author:
        item["author"] = {"@type": "Person", "name": content.claim_author}
    if content.claim_time is not None:
        item["datePublished"] = _iso(content.claim_time)
    if content.claim_appearances:
        item["appearance"] = [{"@type": "CreativeWork", "url": url} for url in content.claim_appearances]
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "@id": f"jipan:{fact_check.name}",
        "claimReviewed": content.claim,
        "itemReviewed": item,
        "reviewRating": review_rating,
        "author": {
            "@type": "Organization",
            "name": content.publisher_display_name or fact_check.owner.removeprefix("orgs/"),
            "identifier": fact_check.owner,
        },
        "inLanguage": content.language,
    }
    if content.uri:
        document["url"] = content.uri
    if content.title:
        document["name"] = content.title
    if content.explanation:
        document["reviewBody"] = content.explanation
    if content.evidence:
        document["citation"] = [
            {"@type": "CreativeWork", "url": e.uri, **({"name": e.title} if e.title else {})}
            for e in content.evidence
        ]
    if fact_check.publish_time is not None:
        document["datePublished"] = _iso(fact_check.publish_time)
    return document


def feed_item(fact_check: FactCheck) -> dict[str, Any]:
    """The fact-check as a schema.org DataFeedItem: a published one with its ClaimReview, a
    withdrawn one with `dateDeleted` and no item (a mirror removes what it holds)."""
    element: dict[str, Any] = {
        "@type": "DataFeedItem",
        "@id": f"jipan:{fact_check.name}",
        "dateModified": _iso(fact_check.update_time),
    }
    if fact_check.publish_time is not None:
        element["dateCreated"] = _iso(fact_check.publish_time)
    if fact_check.withdraw_time is not None:
        element["dateDeleted"] = _iso(fact_check.withdraw_time)
    else:
        review = export(fact_check)
        review.pop("@context", None)  # the feed's context holds
        element["item"] = review
    return element
