"""Pair features of a message and its best candidates, for the second-stage reranker that
bench/factcheck_folds.py tries on folds of TRAIN (not shipped: see bench/RESULTS.md).

The matcher ranks the whole candidate pool by six component scores (calibration.py);
these columns describe the message and each of the RERANK best candidates
more closely: character bigram overlap of the normalised texts (after
Simplified→Traditional and width folding, so 癌细胞 and 癌細胞 share
bigrams), numbers each side mentions, the bridge-term share of each side
of a cross-language pair, and where the candidate stands in the list
(its cosine's gap to the best and to the next, its rank by cosine and by
BM25). Every column is named; a variant names the columns (or products
"a*b" of two) it is fitted on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

RERANK = 10
"""How many of the first stage's best candidates the reranker rescores."""

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Sketch:
    """What the pair features need of one text (a message, or a stored claim once)."""

    grams: frozenset[str]
    """Han character bigrams (single characters for one-character runs) and English stems."""
    numbers: frozenset[str]


def sketch(normalised: str, terms: Sequence[str]) -> Sketch:
    grams: set[str] = set()
    for run in _HAN_RUN.findall(normalised):
        if len(run) == 1:
            grams.add(run)
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    grams.update(t for t in terms if t.isascii())
    return Sketch(frozenset(grams), frozenset(_NUMBER.findall(normalised)))


COLUMNS = (
    "dense",
    "lexical",
    "coverage",
    "same_language",
    "cross_language",
    "bridge_query",
    "bridge_claim",
    "bridge_english",
    "gram_query",
    "gram_claim",
    "number_shared",
    "number_conflict",
    "dense_gap_best",
    "dense_lead",
    "dense_rank",
    "lexical_rank",
    "first_stage",
    "query_en",
)


def columns(
    query: Sketch,
    query_language: str,
    claims: Sequence[Sketch],
    base: dict[str, npt.NDArray[np.float64]],
) -> dict[str, npt.NDArray[np.float64]]:
    """COLUMNS for the candidates (base: the first stage's per-candidate arrays, same order).

    base holds dense, lexical, coverage, same_language, bridge_query (the
    message's share of its bridge terms the claim has), bridge_claim (the
    claim's idf share the message has, in bridge terms) and first_stage (the
    first stage's logit).
    """
    n = len(claims)
    gram_query = np.zeros(n)
    gram_claim = np.zeros(n)
    shared = np.zeros(n)
    conflict = np.zeros(n)
    for i, claim in enumerate(claims):
        common = len(query.grams & claim.grams)
        if query.grams:
            gram_query[i] = common / len(query.grams)
        if claim.grams:
            gram_claim[i] = common / len(claim.grams)
        if query.numbers and claim.numbers:
            if query.numbers & claim.numbers:
                shared[i] = 1.0
            else:
                conflict[i] = 1.0
    dense = base["dense"]
    lexical = base["lexical"]
    best = float(dense.max()) if n else 0.0
    lead = np.zeros(n)
    if n > 1:
        top_two = np.sort(dense)[-2:]
        lead = dense - np.where(dense >= top_two[1], top_two[0], top_two[1])
    out = dict(base)
    out.update(
        gram_query=gram_query,
        gram_claim=gram_claim,
        number_shared=shared,
        number_conflict=conflict,
        dense_gap_best=best - dense,
        dense_lead=lead,
        dense_rank=_rank(dense),
        lexical_rank=_rank(lexical),
        query_en=np.full(n, 1.0 if query_language == "en" else 0.0),
        cross_language=1.0 - base["same_language"],
    )
    return out


def _rank(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """0 for the highest, as log1p so that the first ranks differ most."""
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(values.size)
    ranks[order] = np.arange(values.size)
    out: npt.NDArray[np.float64] = np.log1p(ranks)
    return out


def matrix(named: dict[str, npt.NDArray[np.float64]], names: Sequence[str]) -> npt.NDArray[np.float64]:
    """The columns `names` (a column, or "a*b": the product of two) side by side."""
    parts = []
    for name in names:
        if "*" in name:
            left, right = name.split("*", 1)
            parts.append(named[left] * named[right])
        else:
            parts.append(named[name])
    return np.column_stack(parts) if parts else np.zeros((0, 0))
