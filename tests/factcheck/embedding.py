"""A text embedder for service tests, where the inference service's model does not run.

Character bigrams hashed into the engine's 512 dimensions, unit length: texts
sharing wording are close, others nearly orthogonal. It stands in for the
multilingual model only so that the service's own behaviour (indexing,
persistence of vectors, filters, the review flow) is tested; matching quality
is measured with the real model by bench/factcheck.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from jipan.servers.factcheck.matching.matcher import EMBEDDING_SIZE
from jipan.servers.factcheck.names import DOMAIN
from jipan.servers.runtime.errors import Unavailable


class HashedBigrams:
    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0
        self.failing = False

    async def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if self.failing:  # as the gateway embedder fails when the model is not served
            raise Unavailable("EMBEDDER_UNAVAILABLE", "the text embedder is down", domain=DOMAIN)
        self.calls += 1
        self.texts += len(texts)
        rows = np.zeros((len(texts), EMBEDDING_SIZE), dtype=np.float32)
        for row, text in enumerate(texts):
            folded = "".join(text.lower().split())
            for gram in (folded[i : i + 2] for i in range(max(len(folded) - 1, 1))):
                slot = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=4).digest(), "little")
                rows[row, slot % EMBEDDING_SIZE] += 1.0
            norm = float(np.linalg.norm(rows[row]))
            if norm:
                rows[row] /= norm
        return rows
