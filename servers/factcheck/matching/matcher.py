"""ClaimMatcher: hybrid retrieval of stored fact-checks for an incoming message.

Each stored claim has a slot: a row of one contiguous float32 matrix (its
unit-length embedding), an entry of an approximate nearest-neighbour index
over the same vectors (faiss IVF, see _VectorIndex), and two documents of
BM25 indexes (its terms, and the same terms in a shared English-stem space,
bridge.py). A match normalises and embeds the message, takes the nearest
slots from the vector index (an exact scan of the matrix while the index is
small) and the best slots of each BM25 index as candidates, computes each
candidate's exact cosine from the matrix, and ranks them by the calibrated
probability (calibration.py) that the candidate is the fact-check the
message is about. Below the threshold the answer is an explicit no match.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

import faiss
import numpy as np
import numpy.typing as npt
import structlog

from jipan.servers.factcheck.matching import text as textproc
from jipan.servers.factcheck.matching.bridge import bridge_terms
from jipan.servers.factcheck.matching.calibration import (
    FEATURES,
    Calibration,
    best_f1_threshold,
    features,
    precision_recall,
)
from jipan.servers.factcheck.matching.lexical import LexicalIndex
from jipan.servers.runtime.owned import OwnedTasks

log = structlog.get_logger(__name__)

Embedder = Callable[[Sequence[str]], Awaitable[npt.NDArray[np.float32]]]
"""Texts → (n, 512) float32, unit-length rows (the `text-embedder` model)."""

EMBEDDING_SIZE = 512
POOL = 50
"""Candidates taken from each retriever before calibration ranks their union."""
EMBED_BATCH = 64
EXACT_BELOW = 4096
"""Up to this many slots the dense candidates come from an exact scan (under a millisecond), then IVF."""
IVF_PROBED_SHARE = 16
"""An IVF search reads 1/16 of the lists (about 6 % of the vectors)."""
IVF_REBUILD_GROWTH = 4
"""The IVF lists are trained anew when the index has grown 4× since they were trained."""


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
class _Pool:
    slots: list[int]
    ids: list[str]
    """Each slot's claim id, read when the slot was picked (the event loop may reuse a slot after)."""
    rows: npt.NDArray[np.float64]
    """The first stage's feature rows (calibration.FEATURES)."""
    dense: npt.NDArray[np.float32]
    lexical: npt.NDArray[np.float32]
    base: dict[str, npt.NDArray[np.float64]]
    """Per-candidate component scores by name (bench/factcheck_folds.py builds its pair columns on them)."""
    query_terms: list[str]


@dataclass(frozen=True)
class _Stored:
    claim: IndexedClaim
    slot: int
    terms: tuple[str, ...]
    language: str
    bridge: tuple[str, ...] = ()
    """`terms` in the shared English-stem space (bridge.py)."""
    version: int = 0
    """The matcher's version that stored it: BM25 indexes built at that version or later know its terms."""


@dataclass(frozen=True)
class _Lexical:
    """The two BM25 indexes and the matcher version they were built at, swapped as one."""

    words: LexicalIndex
    bridge: LexicalIndex
    version: int


class ClaimMatcher:
    def __init__(
        self, embed: Embedder, threshold: float | None = None, *, exact_below: int = EXACT_BELOW
    ) -> None:
        self._embed = embed
        self._calibration = Calibration.load()
        self._threshold = self._calibration.threshold if threshold is None else float(threshold)
        self._claims: dict[str, _Stored] = {}
        self._slot_ids: list[str | None] = []
        self._free: list[int] = []
        self._vectors = np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        self._alive = np.zeros(0, dtype=bool)
        self._languages: dict[str, int] = {}
        self._slot_language = np.zeros(0, dtype=np.int16)
        """Each slot's claim's primary language as a code of `_languages` (the pool's language flag)."""
        self._lexical = _Lexical(LexicalIndex([]), LexicalIndex([]), 0)
        self._version = 0
        self._rebuild_lock = asyncio.Lock()
        self._exact_below = exact_below
        self._ann = _VectorIndex()
        self._ann_lock = asyncio.Lock()
        self._index_updates = OwnedTasks("factcheck matcher: an index update")
        """Index updates (vectors, BM25), run to their end though their upsert is cancelled."""

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

        def analyse(claim: IndexedClaim) -> tuple[IndexedClaim, tuple[str, ...], tuple[str, ...]]:
            terms = textproc.terms(textproc.normalise(claim.text))
            return claim, tuple(terms), tuple(bridge_terms(terms))

        prepared = await asyncio.to_thread(lambda: [analyse(c) for c in claims])
        slots: list[int] = []
        for claim, terms, bridge in prepared:
            old = self._claims.get(claim.id)
            slot = old.slot if old is not None else self._take_slot(claim.id)
            self._vectors[slot] = vectors[claim.id]
            self._alive[slot] = True
            language = textproc.primary_language(claim.text, claim.language)
            self._slot_language[slot] = self._languages.setdefault(language, len(self._languages))
            self._claims[claim.id] = _Stored(claim, slot, terms, language, bridge, self._version + 1)
            slots.append(slot)
        self._version += 1
        # The slots are stored: the vector index must take them even if this caller goes away
        # (a publish whose client cancelled). Cancelled in the middle, the update would leave
        # them out of the index for good, or let its rebuild thread run on outside the lock
        # while the next upsert starts another, the older snapshot maybe finishing last.
        await self._index_updates.run(self._add_to_ann(slots))
        # Likewise the BM25 rebuild: cancelled, the claims would have no word scores until
        # the next publication.
        await self._index_updates.run(self._refresh_lexical())

    async def _add_to_ann(self, slots: list[int]) -> None:
        """Put the slots' current vectors into the vector index, or (re)build it when it is due."""
        async with self._ann_lock:
            live = len(self._claims)
            if live <= self._exact_below and not self._ann.trained:
                return  # exact scans until the index is worth building
            if self._ann.due(live):
                alive = np.flatnonzero(self._alive[: len(self._slot_ids)])
                rows = self._vectors[alive].copy()
                await asyncio.to_thread(self._ann.rebuild, alive, rows)
                # Slots removed while it was built (remove() does not wait for this lock).
                gone = alive[~self._alive[alive]]
                if gone.size:
                    self._ann.remove(gone)
                return
            keys = np.asarray(slots, dtype=np.int64)
            rows = self._vectors[keys].copy()
            await asyncio.to_thread(self._ann.add, keys, rows)

    def remove(self, ids: Iterable[str]) -> None:
        """Forget claims; unknown ids are ignored. Their slots stop matching at once."""
        for claim_id in ids:
            stored = self._claims.pop(claim_id, None)
            if stored is None:
                continue
            self._alive[stored.slot] = False
            self._vectors[stored.slot] = 0.0
            self._ann.remove(np.asarray([stored.slot], dtype=np.int64))
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
            languages = np.zeros(capacity, dtype=np.int16)
            languages[:slot] = self._slot_language[:slot]
            self._vectors, self._alive, self._slot_language = grown, alive, languages
        self._slot_ids.append(claim_id)
        return slot

    async def _refresh_lexical(self) -> None:
        """Rebuild BM25 over the current slots unless a concurrent rebuild already covered this version."""
        async with self._rebuild_lock:
            version = self._version
            if self._lexical.version == version:
                return
            stored = [self._claims.get(i) if i is not None else None for i in self._slot_ids]
            documents: list[Sequence[str]] = [c.terms if c is not None else () for c in stored]
            bridged: list[Sequence[str]] = [c.bridge if c is not None else () for c in stored]
            # One attribute: a ranking thread reads both indexes and their version from one build.
            self._lexical = await asyncio.to_thread(
                lambda: _Lexical(LexicalIndex(documents), LexicalIndex(bridged), version)
            )

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
        return await asyncio.to_thread(self._rank, normalised, query_language, vector, limit, accept)

    async def features(
        self, text: str, *, language: str | None = None
    ) -> tuple[list[str], npt.NDArray[np.float64]]:
        """The candidate pool for `text` and its calibration feature rows (calibration.FEATURES).

        What calibration is fitted on (bench/factcheck.py --fit); match() ranks the same rows.
        """
        normalised, query_language, vector = await self._prepare(text, language)
        pooled = await asyncio.to_thread(self._scored_pool, normalised, query_language, vector, POOL, None)
        if pooled is None:
            return [], np.zeros((0, len(FEATURES)))
        return pooled.ids, pooled.rows

    async def _prepare(self, text: str, language: str | None) -> tuple[str, str, npt.NDArray[np.float32]]:
        normalised = textproc.normalise(text)
        query_language = textproc.primary_language(normalised, language)
        vector = (await self._embed([normalised or text]))[0]
        return normalised, query_language, _unit(np.asarray(vector, dtype=np.float32))

    def _rank(
        self,
        normalised: str,
        query_language: str,
        vector: npt.NDArray[np.float32],
        limit: int,
        accept: Callable[[IndexedClaim], bool] | None,
    ) -> MatchOutcome:
        pooled = self._scored_pool(normalised, query_language, vector, max(POOL, 2 * limit), accept, limit)
        if pooled is None:
            return MatchOutcome([], True, self._threshold)
        probability = self._calibration.probability(pooled.rows)
        order = np.argsort(-probability, kind="stable")[:limit]
        candidates = [
            MatchCandidate(
                id=pooled.ids[i],
                score=float(probability[i]),
                lexical=float(pooled.lexical[i]),
                dense=float(pooled.dense[i]),
            )
            for i in order
        ]
        return MatchOutcome(candidates, candidates[0].score < self._threshold, self._threshold)

    def _scored_pool(
        self,
        normalised: str,
        query_language: str,
        vector: npt.NDArray[np.float32],
        pool: int,
        accept: Callable[[IndexedClaim], bool] | None,
        limit: int = 1,
    ) -> _Pool | None:
        """The pooled slots with their feature rows and component scores; None when nothing qualifies.

        Runs in a worker thread while the event loop may publish or withdraw claims: every
        array here is read over the `used` slots counted first (a slot added since waits for
        the next match), and a slot counts only if its claim is still the one stored there.
        A claim stored since the BM25 indexes were built (a slot reused, a text replaced)
        has no word scores until the next build: the indexes still hold the slot's old terms.
        """
        used = len(self._slot_ids)
        if not self._claims:
            return None
        indexes = self._lexical
        query_terms = textproc.terms(normalised)
        lexical, matched_idf = _fit(*indexes.words.scores(query_terms), used)
        bridge, bridge_matched = _fit(*indexes.bridge.scores(bridge_terms(query_terms)), used)
        if self._free:  # freed slots are the only dead ones below `used`
            dead = ~self._alive[:used]
            lexical[dead] = 0.0
            bridge[dead] = 0.0
        while True:
            picked = self._pool(vector, (lexical, bridge), pool, accept, used)
            if len(picked) >= limit or pool >= used:
                break
            pool *= 4
        if not picked:
            return None
        slots = list(picked)
        chosen = np.asarray(slots, dtype=np.int64)
        unindexed = np.fromiter((s.version > indexes.version for s in picked.values()), bool, chosen.size)
        same = self._slot_language[chosen] == self._languages.get(query_language, -1)
        dense = _dot(self._vectors[chosen], vector)
        words = np.where(unindexed, np.float32(0.0), lexical[chosen])
        total = indexes.words.weights(chosen)
        coverage = np.divide(matched_idf[chosen], total, out=np.zeros(chosen.size), where=total > 0.0)
        coverage[unindexed] = 0.0
        bridge_query = np.where(unindexed, 0.0, bridge[chosen].astype(np.float64))
        total = indexes.bridge.weights(chosen)
        bridge_claim = np.divide(bridge_matched[chosen], total, out=np.zeros(chosen.size), where=total > 0.0)
        bridge_claim[unindexed] = 0.0
        # The English side of a cross-language pair is the unglossed one.
        english_side = bridge_query if query_language == "en" else bridge_claim
        rows = features(dense, words, coverage, same, english_side)
        base = {
            "dense": dense.astype(np.float64),
            "lexical": words.astype(np.float64),
            "coverage": coverage,
            "same_language": same.astype(np.float64),
            "bridge_query": bridge_query,
            "bridge_claim": bridge_claim,
            "bridge_english": english_side,
        }
        return _Pool(slots, [s.claim.id for s in picked.values()], rows, dense, words, base, query_terms)

    def nearest(
        self, vector: npt.NDArray[np.float32], k: int, *, exact: bool | None = None, used: int | None = None
    ) -> list[int]:
        """The k slots whose vectors are closest to `vector`, best first, live slots only.

        exact=None: an exact scan while the index holds at most `exact_below`
        claims, the IVF index past it; True / False force one (the bench
        measures the index's recall against the scan; False before the IVF
        index is built scans exactly). `used`: only slots below it (the caller's count).
        """
        if used is None:
            used = len(self._slot_ids)
        k = min(k, used)
        if k <= 0:
            return []
        if exact is None:
            exact = len(self._claims) <= self._exact_below
        if exact or not self._ann.trained:
            dense = _dot(self._vectors[:used], vector)
            if self._free:
                dense[~self._alive[:used]] = -2.0
            top = np.argpartition(-dense, k - 1)[:k] if k < used else np.arange(used)
            top = top[np.argsort(-dense[top], kind="stable")]
            return [int(s) for s in top if self._alive[s]]
        return [s for s in self._ann.search(vector, k) if s < used and self._alive[s]]

    def _pool(
        self,
        vector: npt.NDArray[np.float32],
        lexical: tuple[npt.NDArray[np.float32], ...],
        pool: int,
        accept: Callable[[IndexedClaim], bool] | None,
        used: int,
    ) -> dict[int, _Stored]:
        """Slot → the stored claim of the pool's candidates, in the order they were found."""
        picked: dict[int, _Stored] = {}
        candidates = self.nearest(vector, pool, used=used)
        for scores in lexical:
            # Only claims sharing a word have a BM25 score: partition those, not every slot.
            sharing = np.flatnonzero(scores > 0.0)
            k = min(pool, sharing.size)
            if k:
                values = scores[sharing]
                top = np.argpartition(-values, k - 1)[:k] if k < values.size else np.arange(values.size)
                candidates.extend(int(s) for s in sharing[top[np.argsort(-values[top], kind="stable")]])
        for slot in candidates:
            claim_id = self._slot_ids[slot]
            stored = self._claims.get(claim_id) if claim_id is not None else None
            if stored is None or stored.slot != slot:  # withdrawn, or not stored yet
                continue
            if accept is None or accept(stored.claim):
                picked.setdefault(slot, stored)
        return picked

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


def _dot(rows: npt.NDArray[np.float32], vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """rows @ vector without BLAS: numpy's OpenBLAS splits even a 100 × 512 product across its
    threads, and beside faiss' OpenMP threads on two shared cores that cost 2-4 ms a match
    (profiled at 100,000 claims) against 0.05 ms for this single-threaded loop."""
    out: npt.NDArray[np.float32] = np.einsum("ij,j->i", rows, vector)
    return out


def _fit(
    scores: npt.NDArray[np.float32], matched: npt.NDArray[np.float64], used: int
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float64]]:
    """BM25 arrays over exactly `used` slots: slots added since the last build score 0 until the next."""
    if scores.size < used:
        scores = np.concatenate([scores, np.zeros(used - scores.size, dtype=np.float32)])
        matched = np.concatenate([matched, np.zeros(used - matched.size)])
    return scores[:used], matched[:used]


class _VectorIndex:
    """faiss IVF over the slots' vectors (inner product of unit vectors: cosine), keyed by slot.

    k-means cuts the vectors into about sqrt(n) lists; a query reads the
    lists of its 1/16 nearest centroids (at least 8). Claims are added, replaced and
    removed in place as they are published or withdrawn; the lists are
    trained anew (in a worker thread, the old index serving meanwhile) when
    the index first passes EXACT_BELOW claims, at every start, and when it has
    grown IVF_REBUILD_GROWTH× since. Vectors are kept as float16 (half the
    memory of the float32 matrix): they only choose the candidates, whose
    cosines come from the matrix. faiss indexes are not safe to search while
    they change: one lock covers both (a search reads ~6,000 vectors, well
    under a millisecond).
    """

    def __init__(self) -> None:
        self._index: faiss.IndexIVFScalarQuantizer | None = None
        self._trained_for = 0
        self._lock = threading.Lock()

    @property
    def trained(self) -> bool:
        return self._index is not None

    def due(self, live: int) -> bool:
        return self._index is None or live >= IVF_REBUILD_GROWTH * self._trained_for

    def rebuild(self, keys: npt.NDArray[np.int64], rows: npt.NDArray[np.float32]) -> None:
        lists = max(1, min(4096, int(math.sqrt(keys.size))))
        quantizer = faiss.IndexFlatIP(EMBEDDING_SIZE)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, EMBEDDING_SIZE, lists, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
        )
        index.cp.seed = 7  # the same lists for the same vectors
        index.train(rows)
        index.add_with_ids(rows, keys)
        index.nprobe = max(min(lists, 8), lists // IVF_PROBED_SHARE)
        with self._lock:
            self._index, self._trained_for = index, keys.size

    def add(self, keys: npt.NDArray[np.int64], rows: npt.NDArray[np.float32]) -> None:
        """Add or replace the slots' vectors."""
        with self._lock:
            if self._index is None:
                return
            self._index.remove_ids(faiss.IDSelectorBatch(keys))
            self._index.add_with_ids(rows, keys)

    def remove(self, keys: npt.NDArray[np.int64]) -> None:
        with self._lock:
            if self._index is not None:
                self._index.remove_ids(faiss.IDSelectorBatch(keys))

    def search(self, vector: npt.NDArray[np.float32], k: int) -> list[int]:
        with self._lock:
            if self._index is None:
                return []
            _, labels = self._index.search(vector[np.newaxis, :], k)
        return [int(s) for s in labels[0] if s >= 0]
