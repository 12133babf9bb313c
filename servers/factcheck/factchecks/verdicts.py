"""Verdicts to and from Cofacts reply types and ClaimReview ratings.

ClaimReview has no fixed scale: publishers write `ratingValue` on their own
`worstRating`..`bestRating` scale (Google's guidance: 1 = false, 5 = true)
and the verdict in words in `alternateName`. We write 1-5 and read any
numeric scale by its position between worst and best, else the words.
"""

from __future__ import annotations

import re

from jipan.servers.factcheck.factchecks.types import CofactsReplyType, Rating, Verdict

TO_COFACTS = {
    Verdict.FALSE: CofactsReplyType.RUMOR,
    Verdict.MOSTLY_FALSE: CofactsReplyType.RUMOR,
    Verdict.MISLEADING: CofactsReplyType.RUMOR,
    Verdict.MIXED: CofactsReplyType.OPINIONATED,
    Verdict.MOSTLY_TRUE: CofactsReplyType.NOT_RUMOR,
    Verdict.TRUE: CofactsReplyType.NOT_RUMOR,
    Verdict.OPINION: CofactsReplyType.OPINIONATED,
    Verdict.NOT_CHECKABLE: CofactsReplyType.NOT_ARTICLE,
}

FROM_COFACTS = {
    CofactsReplyType.RUMOR: Verdict.FALSE,
    CofactsReplyType.NOT_RUMOR: Verdict.TRUE,
    CofactsReplyType.OPINIONATED: Verdict.OPINION,
    CofactsReplyType.NOT_ARTICLE: Verdict.NOT_CHECKABLE,
}

# Cofacts' README spells the type NON_RUMOR; the API and the data say NOT_RUMOR.
COFACTS_SPELLINGS = {"NON_RUMOR": CofactsReplyType.NOT_RUMOR} | {t.value: t for t in CofactsReplyType}

RATING_VALUE = {
    Verdict.FALSE: 1,
    Verdict.MOSTLY_FALSE: 2,
    Verdict.MISLEADING: 2,
    Verdict.MIXED: 3,
    Verdict.MOSTLY_TRUE: 4,
    Verdict.TRUE: 5,
}
BEST, WORST = 5, 1

WORDS = {
    "en": {
        Verdict.FALSE: "False",
        Verdict.MOSTLY_FALSE: "Mostly false",
        Verdict.MISLEADING: "Misleading",
        Verdict.MIXED: "Mixture",
        Verdict.MOSTLY_TRUE: "Mostly true",
        Verdict.TRUE: "True",
        Verdict.OPINION: "Opinion",
        Verdict.NOT_CHECKABLE: "Not checkable",
    },
    "zh": {
        Verdict.FALSE: "錯誤",
        Verdict.MOSTLY_FALSE: "大多錯誤",
        Verdict.MISLEADING: "誤導",
        Verdict.MIXED: "部分錯誤",
        Verdict.MOSTLY_TRUE: "大多正確",
        Verdict.TRUE: "正確",
        Verdict.OPINION: "個人意見",
        Verdict.NOT_CHECKABLE: "不需查證",
    },
}

# Words publishers use in `alternateName`, lower case, checked in this order
# (the longer phrases first: "mostly false" before "false").
_LEXICON: tuple[tuple[str, Verdict], ...] = (
    (r"mostly false|largely false|大多錯誤|大部分錯誤", Verdict.MOSTLY_FALSE),
    (r"mostly true|largely true|大多正確|大部分正確", Verdict.MOSTLY_TRUE),
    (r"half[- ]true|mixture|mixed|partly false|partially false|部分錯誤|部分正確|半真半假", Verdict.MIXED),
    (r"misleading|missing context|out of context|誤導|易生誤解|缺乏背景", Verdict.MISLEADING),
    (r"opinion|satire|個人意見|觀點|諷刺", Verdict.OPINION),
    (r"unproven|unverifiable|not checkable|無法證實|不需查證", Verdict.NOT_CHECKABLE),
    (
        r"pants on fire|untrue|not true|fake|false|incorrect|hoax|scam|錯誤|謠言|假訊息|詐騙|不實",
        Verdict.FALSE,
    ),
    (r"true|correct|accurate|正確|屬實|事實", Verdict.TRUE),
)


def rating(verdict: Verdict, rating_text: str, language: str) -> Rating:
    words = WORDS["zh" if language.lower().startswith("zh") else "en"][verdict]
    value = RATING_VALUE.get(verdict)
    if value is None:
        return Rating(0, 0, 0, rating_text or words)
    return Rating(value, BEST, WORST, rating_text or words)


def verdict_from_words(text: str) -> Verdict | None:
    lowered = text.strip().lower()
    for pattern, verdict in _LEXICON:
        if re.search(pattern, lowered):
            return verdict
    return None


def verdict_from_rating(
    value: float | None, best: float | None, worst: float | None, words: str
) -> Verdict | None:
    """A ClaimReview rating's verdict: by position on its numeric scale, else by its words.

    Words win when they name a verdict the numbers cannot (misleading,
    opinion): a scale position cannot say "misleading".
    """
    from_words = verdict_from_words(words) if words else None
    if from_words in (Verdict.MISLEADING, Verdict.OPINION, Verdict.NOT_CHECKABLE):
        return from_words
    if value is not None:
        top = BEST if best is None else best
        bottom = WORST if worst is None else worst
        if top > bottom and bottom <= value <= top:
            position = (value - bottom) / (top - bottom)
            if position < 0.125:
                return Verdict.FALSE
            if position < 0.375:
                return Verdict.MOSTLY_FALSE
            if position < 0.625:
                return Verdict.MIXED
            if position < 0.875:
                return Verdict.MOSTLY_TRUE
            return Verdict.TRUE
    return from_words
