"""ClaimMatcher: hybrid retrieval of stored fact-checks for an incoming message.

Each stored claim has a slot: a row of one contiguous float32 matrix (its
unit-length embedding) and a document of the BM25 index (its terms). A match
normalises and embeds the message, scores every slot exactly (one
matrix-vector product) and by BM25, takes the best of each as candidates,
and ranks them by the calibrated probability (calibration.py) that the
candidate is the fact-check the message is about. Below the threshold the
answer is an explicit no match.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from jipan.servers.factcheck.matching import text as textproc
from jipan.servers.factcheck.matching.calibration import (
    FEATURES,
    Calibration,
    best_f1_threshold,
    features,
    precision_recall,
)
from jipan.servers.factcheck.matching.lexical import LexicalIndex

Embedder = Callable[[Sequence[str]], Awaitable[npt.NDArray[np.float32]]]
"""Texts → (n, 512) float32, unit-length rows (the `text-embedder` model)."""

EMBEDDING_SIZE = 512
POOL = 50
"""Candidates taken from each retriever before calibration ranks their union."""
EMBED_BATCH = 64


@dataclass(frozen=True)
class IndexedClaim:
    id: str
    text: str
    language: str
    """BCP-47: "zh-TW", "en", ..."""
    organization: str
    published: bool
    vector: bytes | None = None
    """The stored float32 embedding of `text`, if already computed (little-endian, 512 values)."""


@dataclass(frozen=True)
class MatchCandidate:
    id: str
    score: float
    """Calibrated probability that this is the right fact-check, 0..1."""
    lexical: float
    """BM25 over the query's terms, divided by the most those terms can score: 0..1."""
    dense: float
    """Cosine similarity of the embeddings, -1..1."""


@dataclass(frozen=True)
class MatchOutcome:
    candidates: list[MatchCandidate]
    no_match: bool
    """True when no candidate reaches the threshold (the candidates are still listed for review)."""
    threshold: float


@dataclass(frozen=True)
class ThresholdFit:
    threshold_before: float
    threshold_after: float
    precision_before: float
    recall_before: float
    precision_after: float
    recall_after: float
    decisions: int


@dataclass(frozen=True)
class _Stored:
    claim: IndexedClaim
    slot: int
    terms: tuple[str, ...]
    language: str

    @functools.cached_property
    def term_set(self) -> frozenset[str]:
        return frozenset(self.terms)


class ClaimMatcher:
    def __init__(self, embed: Embedder, threshold: float | None = None) -> None:
        self._embed = embed
        self._calibration = Calibration.load()
        self._threshold = self._calibration.threshold if threshold is None else float(threshold)
        self._claims: dict[str, _Stored] = {}
        self._slot_ids: list[str | None] = []
        self._free: list[int] = []
        self._vectors = np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        self._alive = np.zeros(0, dtype=bool)
        self._lexical = LexicalIndex([])
        self._lexical_version = 0
        self._version = 0
        self._rebuild_lock = asyncio.Lock()
        self._scan = _DenseScan(self)

    def _dense_matrix(self) -> npt.NDArray[np.float32]:
        return self._vectors[: len(self._slot_ids)]

    @property
    def threshold(self) -> float:
        return self._threshold

    def __len__(self) -> int:
        return len(self._claims)

    async def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Embeddings of the normalised texts, in batches of EMBED_BATCH."""
        prepared = [textproc.normalise(t) or t for t in texts]
        parts = [
            await self._embed(prepared[i : i + EMBED_BATCH]) for i in range(0, len(prepared), EMBED_BATCH)
        ]
        if not parts:
            return np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        return np.ascontiguousarray(np.concatenate(parts), dtype=np.float32)

    async def upsert(self, claims: Sequence[IndexedClaim]) -> None:
        """Add or replace claims; a claim without a stored vector is embedded here."""
        latest = {c.id: c for c in claims}
        claims = list(latest.values())
        missing = [c for c in claims if c.vector is None]
        computed = await self.embed([c.text for c in missing]) if missing else None
        vectors: dict[str, npt.NDArray[np.float32]] = {}
        for index, claim in enumerate(missing):
            assert computed is not None
            vectors[claim.id] = computed[index]
        for claim in claims:
            if claim.vector is not None:
                vector = np.frombuffer(claim.vector, dtype="<f4")
                if vector.shape != (EMBEDDING_SIZE,):
                    raise ValueError(f"claim {claim.id}: a stored vector has {EMBEDDING_SIZE} float32 values")
                vectors[claim.id] = vector
        for claim_id, vector in vectors.items():
            vectors[claim_id] = _unit(vector)
        prepared = await asyncio.to_thread(
            lambda: [(c, tuple(textproc.terms(textproc.normalise(c.text)))) for c in claims]
        )
        for claim, terms in prepared:
            old = self._claims.get(claim.id)
            slot = old.slot if old is not None else self._take_slot(claim.id)
            self._vectors[slot] = vectors[claim.id]
            self._alive[slot] = True
            language = textproc.primary_language(claim.text, claim.language)
            self._claims[claim.id] = _Stored(claim, slot, terms, language)
        self._version += 1
        await self._refresh_lexical()

    def remove(self, ids: Iterable[str]) -> None:
        """Forget claims; unknown ids are ignored. Their slots stop matching at once."""
        for claim_id in ids:
            stored = self._claims.pop(claim_id, None)
            if stored is None:
                continue
            self._alive[stored.slot] = False
            self._vectors[stored.slot] = 0.0
            self._slot_ids[stored.slot] = None
            self._free.append(stored.slot)
        self._version += 1

    def _take_slot(self, claim_id: str) -> int:
        if self._free:
            slot = self._free.pop()
            self._slot_ids[slot] = claim_id
            return slot
        slot = len(self._slot_ids)
        if slot >= self._vectors.shape[0]:
            capacity = max(1024, 2 * self._vectors.shape[0])
            grown = np.zeros((capacity, EMBEDDING_SIZE), dtype=np.float32)
            grown[:slot] = self._vectors[:slot]
            alive = np.zeros(capacity, dtype=bool)
            alive[:slot] = self._alive[:slot]
            self._vectors, self._alive = grown, alive
        self._slot_ids.append(claim_id)
        return slot

    async def _refresh_lexical(self) -> None:
        """Rebuild BM25 over the current slots unless a concurrent rebuild already covered this version."""
        async with self._rebuild_lock:
            version = self._version
            if self._lexical_version == version:
                return
            documents: list[Sequence[str]] = [
                self._claims[i].terms if i is not None and i in self._claims else () for i in self._slot_ids
            ]
            self._lexical = await asyncio.to_thread(LexicalIndex, documents)
            self._lexical_version = version

    async def match(
        self,
        text: str,
        *,
        language: str | None = None,
        limit: int = 10,
        accept: Callable[[IndexedClaim], bool] | None = None,
    ) -> MatchOutcome:
        """The best `limit` claims for `text` (that `accept` lets through), best first."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        normalised, query_language, vector = await self._prepare(text, language)
        dense = await self._scan.scores(vector)
        return await asyncio.to_thread(self._rank, normalised, query_language, dense, limit, accept)

    async def features(
        self, text: str, *, language: str | None = None
    ) -> tuple[list[str], npt.NDArray[np.float64]]:
        """The candidate pool for `text` and its calibration feature rows (calibration.FEATURES).

        What calibration is fitted on (bench/factcheck.py --fit); match() ranks the same rows.
        """
        normalised, query_language, vector = await self._prepare(text, language)
        dense = await self._scan.scores(vector)
        pooled = await asyncio.to_thread(self._scored_pool, normalised, query_language, dense, POOL, None)
        if pooled is None:
            return [], np.zeros((0, len(FEATURES)))
        slots, rows, _, _ = pooled
        return [self._slot_ids[s] or "" for s in slots], rows

    async def _prepare(self, text: str, language: str | None) -> tuple[str, str, npt.NDArray[np.float32]]:
        normalised = textproc.normalise(text)
        query_language = textproc.primary_language(normalised, language)
        vector = (await self._embed([normalised or text]))[0]
        return normalised, query_language, _unit(np.asarray(vector, dtype=np.float32))

    def _rank(
        self,
        normalised: str,
        query_language: str,
        dense: npt.NDArray[np.float32],
        limit: int,
        accept: Callable[[IndexedClaim], bool] | None,
    ) -> MatchOutcome:
        pooled = self._scored_pool(normalised, query_language, dense, max(POOL, 2 * limit), accept, limit)
        if pooled is None:
            return MatchOutcome([], True, self._threshold)
        slots, rows, dense, lexical = pooled
        probability = self._calibration.probability(rows)
        order = np.argsort(-probability, kind="stable")[:limit]
        candidates = [
            MatchCandidate(
                id=self._slot_ids[slots[i]] or "",
                score=float(probability[i]),
                lexical=float(lexical[i]),
                dense=float(dense[i]),
            )
            for i in order
        ]
        return MatchOutcome(candidates, candidates[0].score < self._threshold, self._threshold)

    def _scored_pool(
        self,
        normalised: str,
        query_language: str,
        dense: npt.NDArray[np.float32],
        pool: int,
        accept: Callable[[IndexedClaim], bool] | None,
        limit: int = 1,
    ) -> tuple[list[int], npt.NDArray[np.float64], npt.NDArray[np.float32], npt.NDArray[np.float32]] | None:
        """The pooled slots with their feature rows and component scores; None when nothing qualifies.

        `dense` is this query's cosine per slot (the scan's own array, changed here).
        """
        used = min(len(self._slot_ids), dense.size)
        if not self._claims:
            return None
        alive = self._alive[:used]
        dense = dense[:used]
        removed = bool(self._free)  # freed slots are the only dead ones below `used`
        if removed:
            dense[~alive] = -2.0
        lexical = np.zeros(used, dtype=np.float32)
        query_terms = textproc.terms(normalised)
        lexical_scores = self._lexical.scores(query_terms)[:used]
        lexical[: lexical_scores.size] = lexical_scores
        if removed:
            lexical[~alive] = 0.0
        while True:
            slots = self._pool(dense, lexical, pool, accept)
            if len(slots) >= limit or pool >= used:
                break
            pool *= 4
        if not slots:
            return None
        chosen = np.asarray(slots, dtype=np.int64)
        stored = [self._claims[self._slot_ids[s] or ""] for s in slots]
        same = np.asarray([c.language == query_language for c in stored], dtype=bool)
        coverage = self._coverage(set(query_terms), stored)
        return slots, features(dense[chosen], lexical[chosen], coverage, same), dense[chosen], lexical[chosen]

    def _coverage(self, query_terms: set[str], stored: list[_Stored]) -> npt.NDArray[np.float64]:
        """Per candidate: the idf-weighted share of the claim's distinct terms the message also has."""
        out = np.zeros(len(stored), dtype=np.float64)
        weights = [(t, self._lexical.idf(t)) for t in query_terms]
        for index, claim in enumerate(stored):
            total = self._lexical.weight(claim.slot)
            if total > 0.0:
                have = claim.term_set
                out[index] = sum(w for t, w in weights if t in have) / total
        return out

    def _pool(
        self,
        dense: npt.NDArray[np.float32],
        lexical: npt.NDArray[np.float32],
        pool: int,
        accept: Callable[[IndexedClaim], bool] | None,
    ) -> list[int]:
        picked: dict[int, None] = {}
        # Only claims sharing a word have a BM25 score: partition those, not every slot.
        sharing = np.flatnonzero(lexical > 0.0)
        for scores, slots in ((dense, None), (lexical, sharing)):
            values = scores if slots is None else scores[slots]
            k = min(pool, values.size)
            if k == 0:
                continue
            top = np.argpartition(-values, k - 1)[:k] if k < values.size else np.arange(values.size)
            top = top[np.argsort(-values[top], kind="stable")]
            for slot in top if slots is None else slots[top]:
                claim_id = self._slot_ids[int(slot)]
                if claim_id is None:
                    continue
                if accept is None or accept(self._claims[claim_id].claim):
                    picked[int(slot)] = None
        return list(picked)

    def fit_threshold(self, decisions: Sequence[tuple[float, bool]]) -> ThresholdFit:
        """Choose the threshold with the best F1 on reviewer decisions (score shown, match was right)."""
        if not decisions:
            raise ValueError("no reviewer decisions to fit a threshold on")
        before = self._threshold
        precision_before, recall_before = precision_recall(decisions, before)
        choice = best_f1_threshold(decisions)
        self._threshold = choice.threshold
        return ThresholdFit(
            threshold_before=before,
            threshold_after=choice.threshold,
            precision_before=precision_before,
            recall_before=recall_before,
            precision_after=choice.precision,
            recall_after=choice.recall,
            decisions=len(decisions),
        )


def _unit(vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The vector at unit length (the embedder's rows already are; a stored one may have drifted)."""
    norm = float(np.linalg.norm(vector))
    out: npt.NDArray[np.float32] = (vector / norm).astype(np.float32) if norm > 0.0 else vector
    return out


class _DenseScan:
    """Exact cosine scores of query vectors against every slot, concurrent queries sharing one pass.

    The scan reads the whole float32 matrix (200 MB for 100,000 claims) and
    is bound by memory bandwidth: one matrix product for the k queries that
    arrived while the previous pass ran costs far less than k passes. One
    pass runs at a time, in a worker thread; the queries that wait for it
    form the next.
    """

    def __init__(self, matcher: ClaimMatcher) -> None:
        self._matcher = matcher
        self._pending: list[tuple[npt.NDArray[np.float32], asyncio.Future[npt.NDArray[np.float32]]]] = []
        self._running = False

    async def scores(self, vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        future: asyncio.Future[npt.NDArray[np.float32]] = asyncio.get_running_loop().create_future()
        self._pending.append((vector, future))
        if not self._running:
            self._running = True
            asyncio.get_running_loop().create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                matrix = self._matcher._dense_matrix()
                queries = np.stack([v for v, _ in batch])
                try:
                    scores = await asyncio.to_thread(_scan, matrix, queries)
                except Exception as exc:  # the callers get it
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for row, (_, future) in enumerate(batch):
                    if not future.done():
                        future.set_result(scores[row])
        finally:
            self._running = False


def _scan(matrix: npt.NDArray[np.float32], queries: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """(k, n) cosines of k unit queries against n unit rows, one contiguous row per query.

    One query: a matrix-vector product. Several: matrix @ queries.T, which
    OpenBLAS runs in about three quarters of the CPU time of queries @
    matrix.T here (measured at 100,000 × 512, k = 8), then one transposing copy.
    """
    if queries.shape[0] == 1:
        single: npt.NDArray[np.float32] = (matrix @ queries[0])[np.newaxis, :]
        return single
    product: npt.NDArray[np.float32] = np.ascontiguousarray((matrix @ queries.T).T)
    return product
