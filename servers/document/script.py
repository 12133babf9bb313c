"""Traditional characters for text read under a Traditional Chinese hint (OpenCC, s2tw).

The recognition model reads both scripts, and on a Traditional page it
still sometimes answers a character's Simplified form (PP-OCRv4, whose
dictionary lacked 59 of the 512 distinct characters of bench/ocr_eval's
zh-TW text, did so for every one it had: 规 for 規). When the caller says
the document is Traditional (a language hint zh-TW, zh-Hant, zh-HK or
zh-MO), what the model read is converted with OpenCC's s2tw (Simplified to
Traditional, Taiwan's standard forms, OpenCC's phrase tables deciding the
one-to-many cases such as 后 → 後 / 后). Nothing is converted without the
hint: the same model reads Simplified documents too.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence

import opencc

TRADITIONAL_TAGS = ("zh-tw", "zh-hant", "zh-hk", "zh-mo")
_LOCK = threading.Lock()


def wants_traditional(languages: Sequence[str]) -> bool:
    """Whether a language hint names Traditional Chinese (zh-TW, zh-Hant, zh-Hant-TW, zh-HK, zh-MO)."""
    return any(
        language.lower() == tag or language.lower().startswith(tag + "-")
        for language in languages
        for tag in TRADITIONAL_TAGS
    )


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


def to_traditional(text: str) -> str:
    with _LOCK:  # one converter for the process; OpenCC does not promise thread safety
        return str(_converter().convert(text))
