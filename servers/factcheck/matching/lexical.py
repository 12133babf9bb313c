"""BM25 over the stored claims' terms (bm25s), rebuilt whole when the claims change.

bm25s precomputes every (term, document) score into a sparse matrix, so a
query costs the postings of its few terms; the price is that the index is
static. Claims change rarely (a fact-check is published or withdrawn) and
their terms are kept, so a change rebuilds the matrix from the kept terms
(about a second per 100,000 claims) instead of segmenting anything again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import bm25s
import numpy as np
import numpy.typing as npt

K1 = 1.2
B = 0.75


class LexicalIndex:
    """A BM25 index over documents numbered 0..n-1 (the dense matrix's slots)."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.size = len(documents)
        self._bm25 = bm25s.BM25(k1=K1, b=B, method="lucene")
        self._vocab: dict[str, int] = {}
        self._document_frequency = np.zeros(0, dtype=np.int64)
        self._idf: dict[str, float] = {}
        self._weights = np.zeros(self.size, dtype=np.float64)
        self._idf_by_id = np.zeros(0, dtype=np.float64)
        empty = np.zeros(0, dtype=np.int64)
        self._postings: tuple[npt.NDArray[np.float32], npt.NDArray[np.int64], npt.NDArray[np.int64]] = (
            np.zeros(0, dtype=np.float32),
            empty,
            empty,
        )
        if not any(documents):
            return  # bm25s needs at least one term
        self._bm25.index([list(d) for d in documents], show_progress=False)
        self._vocab = self._bm25.vocab_dict
        indptr = np.asarray(self._bm25.scores["indptr"])
        self._document_frequency = np.diff(indptr)
        frequency = self._document_frequency.astype(np.float64)
        idf = np.log1p((self.size - frequency + 0.5) / (frequency + 0.5))
        # bm25s adds an empty token past its score matrix; it is no term.
        self._idf = {t: float(idf[i]) for t, i in self._vocab.items() if t and i < idf.size}
        self._idf_by_id = idf
        scores = self._bm25.scores
        self._postings = (np.asarray(scores["data"]), np.asarray(scores["indices"]), indptr)
        for slot, document in enumerate(documents):
            self._weights[slot] = sum(self._idf[t] for t in set(document) if t in self._idf)

    def weight(self, slot: int) -> float:
        """The summed idf of a document's distinct terms (0 for a slot past the index)."""
        return float(self._weights[slot]) if slot < self.size else 0.0

    def weights(self, slots: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        """weight() of each slot."""
        out = np.zeros(slots.size, dtype=np.float64)
        inside = slots < self.size
        out[inside] = self._weights[slots[inside]]
        return out

    def idf(self, term: str) -> float:
        """Lucene's BM25 idf, as bm25s scores with; a term no document has gets the highest."""
        known = self._idf.get(term)
        return known if known is not None else math.log(1.0 + (self.size + 0.5) / 0.5)

    def scores(self, query_terms: Sequence[str]) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float64]]:
        """Per document: BM25 over the query's distinct terms divided by their summed idf (0..1), and
        the summed idf of the query terms the document has.

        A document holding every query term once, at average length, scores
        1; one holding none scores 0. Terms no claim has count in the
        denominator: a message full of words no fact-check uses is far from all.
        Both come from one pass over the postings of the query's terms
        (bm25s' precomputed per-(term, document) scores, read straight from
        its column arrays and summed with numpy's bincount).
        """
        distinct = [t for t in dict.fromkeys(query_terms) if t]
        ids = [self._vocab[t] for t in distinct if t in self._idf]
        if not ids or self.size == 0:
            return np.zeros(self.size, dtype=np.float32), np.zeros(self.size, dtype=np.float64)
        data, indices, indptr = self._postings
        term_ids = np.asarray(ids, dtype=np.int64)
        starts = indptr[term_ids]
        lengths = indptr[term_ids + 1] - starts
        # The postings of every query term as one gather: position j of term t's run is starts[t] + j.
        ends = np.cumsum(lengths)
        at = np.arange(int(ends[-1]), dtype=np.int64) + np.repeat(starts - (ends - lengths), lengths)
        docs = indices[at]
        # Weighted bincounts are float64 already (astype without a copy, for the type checker).
        raw = np.bincount(docs, weights=data[at], minlength=self.size)[: self.size].astype(
            np.float64, copy=False
        )
        matched = np.bincount(
            docs, weights=np.repeat(self._idf_by_id[term_ids], lengths), minlength=self.size
        ).astype(np.float64, copy=False)
        ceiling = sum(self.idf(t) for t in distinct)
        raw *= 1.0 / ceiling  # bincount's own array: scaled and capped in place
        np.minimum(raw, 1.0, out=raw)
        return raw.astype(np.float32), matched[: self.size]
