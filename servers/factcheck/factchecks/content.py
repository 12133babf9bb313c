"""The rules a fact-check's content keeps, whoever writes it (create, update, import, review)."""

from __future__ import annotations

from dataclasses import replace

from jipan.servers.factcheck.factchecks.types import Content
from jipan.servers.factcheck.limits import LANGUAGE, MAX_CLAIM_CHARS, http_url, invalid


def checked(content: Content, field: str = "fact_check") -> Content:
    """`content` with its text stripped; FACT_CHECK_INVALID naming the first field out of shape."""
    claim = content.claim.strip()
    if not claim:
        raise invalid(f"{field}.claim", "required")
    if len(claim) > MAX_CLAIM_CHARS:
        raise invalid(f"{field}.claim", f"at most {MAX_CLAIM_CHARS} characters")
    if not LANGUAGE.match(content.language):
        raise invalid(f"{field}.language", "a BCP-47 tag such as zh-TW or en is required")
    if content.uri and not http_url(content.uri):
        raise invalid(f"{field}.uri", "an http(s) URL")
    for index, evidence in enumerate(content.evidence):
        if not http_url(evidence.uri):
            raise invalid(f"{field}.evidence[{index}].uri", "an http(s) URL")
    if len(content.evidence) > 50:
        raise invalid(f"{field}.evidence", "at most 50 links")
    for index, url in enumerate(content.claim_appearances):
        if not http_url(url):
            raise invalid(f"{field}.claim_appearances[{index}]", "an http(s) URL")
    if len(content.claim_appearances) > 20:
        raise invalid(f"{field}.claim_appearances", "at most 20 URLs")
    limits = {
        "title": 500,
        "rating_text": 200,
        "explanation": 20000,
        "publisher_display_name": 200,
        "claim_author": 200,
    }
    for name, limit in limits.items():
        if len(getattr(content, name)) > limit:
            raise invalid(f"{field}.{name}", f"at most {limit} characters")
    return replace(content, claim=claim, title=content.title.strip())
