"""The same embedder in this process, for tests and the bench: the weights the inference service serves.

The service itself always embeds through the gateway (gateway.py); this
runs servers/inference/builtin/text_embedder.py's `text-embedder` runtime
directly, in a worker thread, so that matching can be tested and measured
without a deployed model.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from jipan.servers.factcheck.matching.matcher import Embedder


def in_process_embedder() -> Embedder:
    import asyncio

    from jipan.servers.inference.builtin.text_embedder import text_embedder

    model = text_embedder()

    def run(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        batch = np.array([[t.encode("utf-8")] for t in texts], dtype=object)
        return np.asarray(model({"TEXT": batch})["EMBEDDING"], dtype=np.float32)

    async def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return await asyncio.to_thread(run, texts)

    return embed
