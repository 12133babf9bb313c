"""What the registry and the gateway need from a serving backend.

A backend is a running NVIDIA Triton that speaks the Open Inference Protocol
over gRPC: the embedded one (`embedded.py`, the tritonserver of the
nvidia-pytriton wheel, started with the process) or a production cluster
(`triton.py`, `JIPAN_TRITON_TARGET`, models loaded through the repository
extension). The registry hands it plaintext model bytes, in memory only
(decrypted from the object store, checked against the anchored digest); the
gateway forwards ModelInfer/ModelReady/ModelMetadata to `target` with the
`metadata` headers, renaming the public model to `serving_name`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.generic]
BuiltinRuntime = Callable[[Mapping[str, Array]], dict[str, Array]]
"""A shipped model's runtime: the batch's inputs by name → outputs by name
(first axis the batch). Built by `jipan.servers.inference.builtin.load_runtime`."""


class ModelFormat(StrEnum):
    ONNX = "onnx"
    BUILTIN = "builtin"


@dataclass(frozen=True, slots=True)
class TensorSpec:
    """An input or output as the Open Inference Protocol describes it.

    `datatype` is the protocol's name ("FP32", "INT64", "BYTES"...). `shape`
    includes the batch dimension (-1) first when the model batches
    (`max_batch_size` > 0); -1 is a dimension of any size.
    """

    name: str
    datatype: str
    shape: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Deployable:
    """One version to load: everything the backend needs, the weights in memory."""

    serving_name: str
    """The unique name the backend knows it by (the gateway renames to it)."""
    format: ModelFormat
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    max_batch_size: int
    """0: no batch dimension; otherwise dynamic batching up to this size."""
    payload: bytes = field(default=b"", repr=False)
    """The ONNX model (plaintext; never written to disk by the embedded backend)."""
    builtin: str = ""
    """For ModelFormat.BUILTIN: the shipped model's id (builtin.load_runtime)."""


class ServingBackend(Protocol):
    """A Triton the registry deploys on and the gateway forwards to."""

    kind: str
    """ "embedded" or "triton" (ModelVersion.deployment_backend)."""

    @property
    def target(self) -> str:
        """host:port of the backend's Open Inference Protocol gRPC endpoint."""
        ...

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """Headers every forwarded call carries (the backend's access token)."""
        ...

    @property
    def secure(self) -> bool:
        """Whether `target` is reached over TLS (ca_file below)."""
        ...

    async def start(self) -> None:
        """Start (embedded) or check (cluster) the backend; raises ConfigError when it cannot."""
        ...

    async def load(self, deployable: Deployable) -> None:
        """Load one version; ready for inference when this returns.

        Raises a DomainError (Unavailable BACKEND_UNAVAILABLE, InvalidArgument
        MODEL_MALFORMED) when the backend refuses it.
        """
        ...

    async def unload(self, serving_name: str) -> None:
        """Unload a version; unknown names are ignored."""
        ...

    async def close(self) -> None:
        """Unload everything this process loaded and stop (embedded: no tritonserver left behind)."""
        ...
