"""The in-memory matching index of this process, kept current from the database.

Every server process holds the published fact-checks in its own
ClaimMatcher (the matching engine, servers/factcheck/matching). At start it
reads every row; then it polls for rows whose change sequence (`seq`) is
past the last one it applied, so replicas follow each other's writes within
a poll interval, and a write in this process refreshes at once. Embeddings
are stored beside the rows (bytea), so a restart embeds nothing that was
embedded before; a row whose text changed since its vector was made is
embedded again. A failing embedder leaves those rows out of the index until
the next poll: the rest keeps matching.

The matching thresholds live in the database (the last fit in
`threshold_fits` for the whole base, and for each organisation that fitted
its own and has not dropped it since); the process reads them with every poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Sequence

import asyncpg
import numpy as np
import structlog

from jipan.servers.factcheck.factchecks.store import Change, FactCheckStore
from jipan.servers.factcheck.matching import ClaimMatcher, IndexedClaim
from jipan.servers.factcheck.matching.matcher import EMBEDDING_SIZE

log = structlog.get_logger(__name__)

VECTOR_BYTES = EMBEDDING_SIZE * 4  # float32
BATCH = 2000
"""Rows read per query."""


def text_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


class ClaimIndex:
    def __init__(
        self, matcher: ClaimMatcher, store: FactCheckStore, pool: asyncpg.Pool, poll_s: float
    ) -> None:
        self.matcher = matcher
        self._store = store
        self._pool = pool
        self._poll_s = poll_s
        self._applied = 0
        """Every change up to this number is applied (the watermark)."""
        self._recent: dict[str, int] = {}
        """Changes past the watermark already applied: name → change number."""
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._pending: dict[str, Change] = {}
        """Published rows the embedder failed on, retried with the next refresh."""
        self.threshold: float = matcher.threshold
        """The whole base's threshold in force."""
        self.thresholds: dict[str, float] = {}
        """Organisations' own thresholds in force ("orgs/x" → threshold)."""
        self.owners: dict[str, str] = {}
        """Fact-check name → publisher, of what is in the index."""

    def threshold_for(self, organization: str | None) -> float:
        """The threshold in force for a caller of `organization`: its own fit, else the base's."""
        return self.thresholds.get(organization or "", self.threshold)

    async def start(self) -> None:
        try:
            await self.refresh()
        except Exception:  # the index fills on the next poll; the server still starts
            log.exception("factcheck index: first load failed")
        self._task = asyncio.create_task(self._poll(), name="factcheck-index")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self._poll_s)
            try:
                await self.refresh()
            except Exception:
                log.exception("factcheck index: refresh failed")

    async def refresh(self) -> None:
        """Apply every change past the last applied one, and read the threshold in force."""
        async with self._lock:
            fits = await self._pool.fetch(
                "SELECT DISTINCT ON (organization) organization, threshold_after, dropped"
                " FROM factcheck.threshold_fits ORDER BY organization, seq DESC"
            )
            # An organisation whose last row is a drop (ResetThreshold) uses the base's.
            thresholds = {
                row["organization"]: float(row["threshold_after"]) for row in fits if not row["dropped"]
            }
            self.threshold = thresholds.pop("", self.threshold)
            self.thresholds = thresholds
            # Every change first, then one upsert: the engine rebuilds its BM25 index per
            # upsert, so a start over the whole base must not upsert batch by batch.
            # The retried rows are behind the watermark: nothing reads them again. Should this
            # refresh fail or be cancelled (a caller that went away) before they are applied,
            # they go back to the list, below what _apply put there meanwhile (newer).
            retried, self._pending = self._pending, {}
            try:
                await self._read_and_apply(dict(retried))
            except BaseException:
                self._pending = retried | self._pending
                raise

    async def _read_and_apply(self, latest: dict[str, Change]) -> None:
        """Read the changes past the watermark over `latest` (the retried rows), apply them all."""
        # Change numbers are drawn when a write runs and seen when it commits, so a write
        # can appear after a later-numbered one was read. Changes not yet settled
        # (store.settled_before) are read again by the next refreshes (and applied once:
        # `_recent`); the watermark passes only settled ones.
        settled_before = await self._store.settled_before()
        watermark, settled = self._applied, True
        recent: dict[str, int] = {}
        read = self._applied
        while True:
            changes = await self._store.changes(read, BATCH)
            if not changes:
                break
            for change in changes:
                settled = settled and change.update_time <= settled_before
                if settled:
                    watermark = change.seq
                else:
                    recent[change.name] = change.seq
                if self._recent.get(change.name) != change.seq:
                    latest[change.name] = change
            read = changes[-1].seq
        if latest:
            await self._apply(list(latest.values()))
        self._applied = watermark
        self._recent = recent

    async def _apply(self, changes: Sequence[Change]) -> None:
        gone = [c.name for c in changes if not c.published]
        if gone:
            self.matcher.remove(gone)
            for name in gone:
                self.owners.pop(name, None)
                self._pending.pop(name, None)
        published = [c for c in changes if c.published]
        # A vector is re-made when its text changed, or when it is not the embedder's size
        # (stored by another model): one bad row must never stall the index.
        stale = [
            c
            for c in published
            if c.vector is None
            or len(c.vector) != VECTOR_BYTES
            or c.vector_text_sha256 != text_digest(c.text)
        ]
        vectors: dict[str, bytes] = {}
        if stale:
            try:
                embedded = await self.matcher.embed([c.text for c in stale])
            except Exception as exc:
                log.warning("factcheck index: embedder failed; retrying with the next poll", error=str(exc))
                for change in stale:
                    self._pending[change.name] = change
                published = [c for c in published if c not in stale]
            else:
                rows = []
                for change, row in zip(stale, np.asarray(embedded, dtype="<f4"), strict=True):
                    vector = row.tobytes()
                    vectors[change.name] = vector
                    owner, _, fact_check_id = change.name.rpartition("/factChecks/")
                    rows.append((owner, fact_check_id, vector, text_digest(change.text)))
                await self._store.set_vectors(rows)
        claims = [
            IndexedClaim(
                id=c.name,
                text=c.text,
                language=c.language,
                organization=c.owner,
                published=True,
                vector=vectors.get(c.name, c.vector),
            )
            for c in published
        ]
        if claims:
            await self.matcher.upsert(claims)
            for c in published:
                self.owners[c.name] = c.owner
