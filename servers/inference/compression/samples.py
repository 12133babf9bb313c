"""The samples fidelity is measured on: an uploaded evaluation set, or seeded random data.

An evaluation set is a numpy .npz (`numpy.savez`): one array per model input,
named after it, the first axis the sample. It comes from a caller, so it is
read as untrusted: through the bounded zip reader (member count, real expanded
size, expansion ratio), each member with `allow_pickle=False`, and converted
to the input's dtype only where no value can change meaning.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from jipan.servers.inference.compression.quantize import unsupported
from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.serving.backend import TensorSpec
from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.untrusted import StructuredTextRefused, zip_members

Array = npt.NDArray[np.generic]

MAX_EVALUATION_SAMPLES = 1024
MAX_EVALUATION_SET_BYTES = 64 * 1024 * 1024
"""What an evaluation set may expand to in all (the OCR set of 32 lines is ~6 MB)."""
_MAX_MEMBERS = 64

DYNAMIC_DIM_SIZE = 32
"""What a dynamic dimension other than the batch is drawn as in synthetic samples:
small enough to be quick, large enough for convolutions and sequences to mean something."""

_DTYPES: dict[str, np.dtype[np.generic]] = {
    "BOOL": np.dtype(np.bool_),
    "UINT8": np.dtype(np.uint8),
    "UINT16": np.dtype(np.uint16),
    "UINT32": np.dtype(np.uint32),
    "UINT64": np.dtype(np.uint64),
    "INT8": np.dtype(np.int8),
    "INT16": np.dtype(np.int16),
    "INT32": np.dtype(np.int32),
    "INT64": np.dtype(np.int64),
    "FP16": np.dtype(np.float16),
    "FP32": np.dtype(np.float32),
    "FP64": np.dtype(np.float64),
    "BYTES": np.dtype(np.object_),
}


def numpy_dtype(datatype: str) -> np.dtype[np.generic]:
    """The numpy dtype of an Open Inference Protocol datatype (BYTES: object, of bytes)."""
    try:
        return _DTYPES[datatype]
    except KeyError:
        raise unsupported(f"datatype {datatype} has no numpy equivalent", datatype=datatype) from None


def _invalid(problem: str, message: str, **metadata: str) -> InvalidArgument:
    return InvalidArgument(
        "EVALUATION_SET_INVALID", message, domain=DOMAIN, metadata={"problem": problem, **metadata}
    )


def _per_sample_shape(spec: TensorSpec) -> tuple[int, ...]:
    """The shape after the sample axis: a leading -1 is the batch axis the samples run along."""
    return spec.shape[1:] if spec.shape and spec.shape[0] == -1 else spec.shape


def synthetic_samples(inputs: Sequence[TensorSpec], count: int, seed: int) -> dict[str, Array]:
    """`count` seeded random samples per input, for a model uploaded without an evaluation set.

    A leading -1 (the batch) becomes the sample axis (one per sample); any
    other -1 is DYNAMIC_DIM_SIZE. Floats are standard normal, integers uniform
    in [0, DYNAMIC_DIM_SIZE) (valid as token ids and indices), booleans fair
    coins. BYTES inputs have no meaningful random value and are refused
    (COMPRESSION_UNSUPPORTED): such a model needs an evaluation set.
    """
    if not 1 <= count <= MAX_EVALUATION_SAMPLES:
        raise ValueError(f"count must be 1..{MAX_EVALUATION_SAMPLES}")
    rng = np.random.default_rng(seed)
    samples: dict[str, Array] = {}
    for spec in inputs:
        dtype = numpy_dtype(spec.datatype)
        shape = (count, *(DYNAMIC_DIM_SIZE if d < 0 else d for d in _per_sample_shape(spec)))
        if dtype.kind == "f":
            samples[spec.name] = rng.standard_normal(shape).astype(dtype)
        elif dtype.kind in "iu":
            samples[spec.name] = rng.integers(0, DYNAMIC_DIM_SIZE, shape).astype(dtype)
        elif dtype.kind == "b":
            samples[spec.name] = rng.integers(0, 2, shape).astype(np.bool_)
        else:
            raise unsupported(
                f"input {spec.name} is {spec.datatype}: upload an evaluation set for it",
                problem="needs_evaluation_set",
                input=spec.name,
            )
    return samples


def _convert(name: str, array: Array, datatype: str) -> Array:
    """The array in the input's dtype, or EVALUATION_SET_INVALID where a value could change."""
    want = numpy_dtype(datatype)
    have = array.dtype
    if want.kind == "O":
        if have.kind == "S":
            return np.vectorize(bytes, otypes=[object])(array) if array.size else array.astype(object)
        if have.kind == "U":
            encode = np.vectorize(lambda s: str(s).encode("utf-8"), otypes=[object])
            return encode(array) if array.size else array.astype(object)
    elif have.kind in "biuf" and np.can_cast(have, want, casting="safe"):
        return array.astype(want)
    elif have.kind == "f" and want.kind == "f":
        # float64 is numpy's default: accept it where every value is finite in the target range.
        limit = float(np.finfo(want.type).max)  # type: ignore[arg-type]
        if np.all(np.isfinite(array)) and (array.size == 0 or float(np.abs(array).max()) <= limit):
            return array.astype(want)
    elif have.kind in "iu" and want.kind in "iu":
        info = np.iinfo(want.type)  # type: ignore[type-var]
        if array.size == 0 or (int(array.min()) >= info.min and int(array.max()) <= info.max):
            return array.astype(want)
    raise _invalid(
        "dtype",
        f"{name} is {have}, which does not convert safely to {datatype}",
        input=name,
        dtype=str(have),
        datatype=datatype,
    )


def load_evaluation_set(npz: bytes, inputs: Sequence[TensorSpec]) -> dict[str, Array]:
    """The samples of an uploaded .npz, one array per input, or InvalidArgument EVALUATION_SET_INVALID.

    `metadata["problem"]` says what is wrong: "archive" (not a zip, or over the
    size, member-count or expansion limits), "member" (not a .npy array, or
    one that needs pickle), "inputs" (missing or unknown names), "dtype",
    "shape", "samples" (first axes differ, or not 1..MAX_EVALUATION_SAMPLES).
    """
    arrays: dict[str, Array] = {}
    try:
        for filename, body in zip_members(
            npz,
            field="evaluation_set",
            max_members=_MAX_MEMBERS,
            max_member_bytes=MAX_EVALUATION_SET_BYTES,
            max_total_bytes=MAX_EVALUATION_SET_BYTES,
            reason="EVALUATION_SET_INVALID",
            domain=DOMAIN,
        ):
            if not filename.endswith(".npy") or "/" in filename:
                raise _invalid("member", f"{filename!r} is not a top-level .npy array", member=filename[:200])
            try:
                loaded = np.load(io.BytesIO(body), allow_pickle=False)
            except (ValueError, OSError, EOFError) as exc:
                raise _invalid(
                    "member", f"{filename!r} is not a plain .npy array: {exc}", member=filename[:200]
                ) from None
            if not isinstance(loaded, np.ndarray) or loaded.dtype.hasobject:
                raise _invalid("member", f"{filename!r} is not a plain .npy array", member=filename[:200])
            arrays[filename.removesuffix(".npy")] = loaded
    except StructuredTextRefused as exc:
        raise _invalid("archive", exc.message, **exc.metadata) from None
    expected = {spec.name for spec in inputs}
    if set(arrays) != expected:
        raise _invalid(
            "inputs",
            f"the evaluation set holds {sorted(arrays)}, the model's inputs are {sorted(expected)}",
            missing=",".join(sorted(expected - set(arrays)))[:200],
            unknown=",".join(sorted(set(arrays) - expected))[:200],
        )
    samples: dict[str, Array] = {}
    counts: set[int] = set()
    for spec in inputs:
        array = arrays[spec.name]
        per_sample = _per_sample_shape(spec)
        if array.ndim != len(per_sample) + 1 or any(
            want >= 0 and want != have for want, have in zip(per_sample, array.shape[1:], strict=True)
        ):
            raise _invalid(
                "shape",
                f"{spec.name} has shape {array.shape}, the samples of {spec.shape} need (n, {per_sample})",
                input=spec.name,
                shape=str(array.shape),
            )
        counts.add(array.shape[0])
        samples[spec.name] = _convert(spec.name, array, spec.datatype)
    if len(counts) != 1 or not 1 <= next(iter(counts)) <= MAX_EVALUATION_SAMPLES:
        raise _invalid(
            "samples",
            f"every input needs the same number of samples, 1..{MAX_EVALUATION_SAMPLES};"
            f" got {sorted(counts)}",
            counts=",".join(map(str, sorted(counts))),
        )
    return samples
