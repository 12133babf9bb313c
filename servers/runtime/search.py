"""Search tokens for every catalog (procurement's listings, market's projects and offers):
words for alphabetic scripts, bigrams for CJK. One component, used by both services.

PostgreSQL's text-search parsers split on spaces, and Chinese has none; pg_trgm
depends on the database's locale to see CJK letters at all. Indexing CJK text as
overlapping character bigrams (the approach of Lucene's CJKAnalyzer) needs
neither: "雲端備份服務" becomes 雲端 端備 備份 份服 服務, and a query matches
when all of its own tokens are present (`search_tokens @> query_tokens`, a GIN
index lookup). Latin, digits and the like become lower-cased words, also
prefix-free so "backup" does not match "backups"; version strings stay whole.
"""

from __future__ import annotations

import re
import unicodedata

# Han, Hiragana, Katakana, Hangul, Bopomofo: scripts written without spaces.
_CJK = re.compile(
    r"[\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]+"
)
_WORD = re.compile(r"[0-9a-z][0-9a-z._+-]*[0-9a-z+]|[0-9a-z]")
MAX_TOKENS = 4096


def tokens(*texts: str, unigrams: bool = True) -> list[str]:
    """Distinct search tokens of the texts, in first-seen order.

    Indexing keeps every CJK character as well (`unigrams`), so a
    one-character query finds it; a query's runs of two or more characters
    match on their bigrams alone.
    """
    seen: dict[str, None] = {}
    for text in texts:
        normalised = unicodedata.normalize("NFKC", text).lower()
        for run in _CJK.findall(normalised):
            if unigrams or len(run) == 1:
                for char in run:
                    seen.setdefault(char)
            for i in range(len(run) - 1):
                seen.setdefault(run[i : i + 2])
        for word in _WORD.findall(_CJK.sub(" ", normalised)):
            seen.setdefault(word)
            # "log4j-core" is also found as "log4j" and "core".
            for part in re.split(r"[._+-]", word):
                if part and part != word:
                    seen.setdefault(part)
        if len(seen) >= MAX_TOKENS:
            break
    return list(seen)[:MAX_TOKENS]


def query_tokens(query: str) -> list[str]:
    """Tokens that a listing must all have to match `query`."""
    return tokens(query, unigrams=False)
