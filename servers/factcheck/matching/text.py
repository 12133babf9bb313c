"""What a claim's text becomes before it is matched: normalised, then cut into BM25 terms.

Normalisation (both sides, stored claims and incoming messages):
- Unicode NFKC folds full-width letters, digits and punctuation to half-width
  (`ＬＩＮＥ` → `LINE`, `１２３` → `123`) and compatibility forms.
- OpenCC `s2twp` (the `opencc` wheel, OpenCC's own C++ library) turns Simplified
  Chinese into Traditional with Taiwan usage and phrases (`软件` → `軟體`,
  `出租车` → `計程車`); Traditional text passes through unchanged.
- LINE-style forward noise is removed: URLs, emoji and pictographs, `#tags`,
  runs of punctuation and decoration ("‼️‼️", "～～～"), and the stock phrases
  that ask to share ("請轉傳", "please share") carry no claim.

Terms: Chinese is segmented by `jieba_fast_dat`, a maintained C++ fork of jieba
whose default dictionary is jieba's Traditional-optimised big dictionary
(dict.txt.big: 臺灣, 颱風, 捷運, 衛福部 ...), in search mode so that a long
word also yields its dictionary sub-words (颱風天 → 颱風, 颱風天). English is
lowercased, stop words dropped and Snowball-stemmed (PyStemmer).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import jieba_fast_dat
import opencc
import Stemmer

_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|tw|net|org|cc|ly|me|io|gl)(?:/\S*)?", re.I
)
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U00002300-\U000023ff\U00002b00-\U00002bff"
    "\U0000fe00-\U0000fe0f\U0000200d\U000020e3\U0001f1e6-\U0001f1ff]+"
)
_SHARE = re.compile(
    r"(?:請|麻煩|拜託|大家|務必|趕快|快|幫忙|一定要)*(?:轉傳|轉發|轉告|分享|擴散|傳出去|告訴身邊的人)(?:出去|給親友|給大家|給家人|給朋友)?"
    r"|(?:please\s+)?(?:share|forward|pass)\s+(?:this|it)(?:\s+(?:to|with)\s+\w+(?:\s+\w+)?)?|\bfwd?:",
    re.I,
)
_VERDICT = re.compile(
    r"^\s*(?:【[^】]{1,8}】|\[[^\]]{1,20}\]|(?:false|fake|misleading|scam|true|mostly false|partly false|"
    r"missing context|unproven|satire)\s*[:：])\s*"
    r"|(?<=[？?])\s*(?:錯誤|假的|誤導|謠言|不實|詐騙|部分正確|正確|過時說法|民俗說法|爭議議題|可能|誇大不實廣告)"
    r"[，,]",
    re.I,
)
"""A fact-check title's verdict ("False:", "【錯誤】", "？錯誤，"): alike in every claim, it blurs them."""
_DECORATION = re.compile(r"([!！?？~～。，,.\-=*_])\1+")
_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")

_HERE = Path(__file__).parent


def _word_list(name: str) -> frozenset[str]:
    return frozenset(w.strip() for w in (_HERE / name).read_text(encoding="utf-8").splitlines() if w.strip())


ENGLISH_STOP_WORDS = _word_list("stopwords_en.txt")
"""Function words and the words every claim report has ("says", "claim")."""
CHINESE_STOP_WORDS = _word_list("stopwords_zh.txt")
"""Particles, pronouns and the words every forward has (網傳, 轉傳, 聽說, 群組)."""


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2twp")


_SEGMENTER_LOCK = threading.Lock()
_segmenter_ready = False


def _segmenter() -> None:
    """Load the big dictionary once (about a second); jieba's own lazy load is not thread-safe."""
    global _segmenter_ready
    if not _segmenter_ready:
        with _SEGMENTER_LOCK:
            if not _segmenter_ready:
                jieba_fast_dat.setLogLevel(40)
                jieba_fast_dat.initialize()
                _segmenter_ready = True


@functools.cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def normalise(text: str) -> str:
    """The text as it is matched: NFKC, Traditional (Taiwan), without URLs, emoji or share requests."""
    text = unicodedata.normalize("NFKC", text)
    text = _URL.sub(" ", text)
    text = _EMOJI.sub(" ", text)
    text = "".join(" " if unicodedata.category(c) in ("So", "Sk", "Cs", "Co", "Cn") else c for c in text)
    text = _converter().convert(text)
    text = _VERDICT.sub(" ", text)
    text = _SHARE.sub(" ", text)
    text = _DECORATION.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip()


def primary_language(text: str, hint: str | None = None) -> str:
    """ "zh" or "en": the hint's primary subtag when given, else by the share of Han characters."""
    if hint:
        return hint.split("-", 1)[0].lower()
    han = len(_HAN.findall(text))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return "zh" if han * 2 >= latin and han > 0 else "en"


def _chinese_terms(run: str) -> Iterator[str]:
    for word in jieba_fast_dat.cut_for_search(run, HMM=True):
        if word in CHINESE_STOP_WORDS:
            continue
        if len(word) == 1 and not _HAN.match(word):
            continue
        yield word


def terms(normalised: str) -> list[str]:
    """BM25 terms of an already normalised text: Chinese words and sub-words, stemmed English words."""
    _segmenter()
    out: list[str] = []
    position = 0
    lowered = normalised.lower()
    for match in _CJK_RUN.finditer(lowered):
        out.extend(_latin_terms(lowered[position : match.start()]))
        out.extend(_chinese_terms(match.group()))
        position = match.end()
    out.extend(_latin_terms(lowered[position:]))
    return out


def english_terms(chunk: str) -> list[str]:
    """Stop-worded Snowball stems of the Latin words of a lowercased text."""
    return _latin_terms(chunk)


def _latin_terms(chunk: str) -> list[str]:
    words = [w for w in _LATIN_WORD.findall(chunk) if w not in ENGLISH_STOP_WORDS]
    return list(_stemmer().stemWords(words)) if words else []
