"""How closely an int8 model follows its fp32 original, sample by sample."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from jipan.servers.inference.compression.quantize import Progress, unsupported
from jipan.servers.inference.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

Array = npt.NDArray[np.generic]


@dataclass(frozen=True, slots=True)
class Fidelity:
    size_ratio: float
    """fp32 bytes / int8 bytes."""
    mean_cosine: float
    """Mean over samples of the cosine between the flattened outputs (all outputs concatenated)."""
    min_cosine: float
    top1_agreement: float
    """Share of arg-max positions (over each output's last axis, every position of
    every sample) where both models agree; meaningful for classifiers and for
    per-step class scores such as CTC text recognition."""
    samples: int


def _session(model: bytes, which: str) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    options.inter_op_num_threads = 1
    try:
        return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise unsupported(
            f"onnxruntime cannot load the {which} model: {exc}", problem="runtime_refused"
        ) from None


def _feeds(session: ort.InferenceSession, samples: Mapping[str, Array]) -> tuple[int, list[dict[str, Array]]]:
    """One feed per sample: a batch axis of 1 where the model's rank equals the samples'."""
    names = [i.name for i in session.get_inputs()]
    missing = sorted(set(names) - set(samples))
    if missing:
        raise InvalidArgument(
            "EVALUATION_SET_INVALID",
            f"no samples for inputs {missing}",
            domain=DOMAIN,
            metadata={"problem": "inputs", "missing": ",".join(missing)[:200]},
        )
    counts = {len(samples[name]) for name in names}
    if len(counts) != 1 or 0 in counts:
        raise InvalidArgument(
            "EVALUATION_SET_INVALID",
            "every input needs the same, non-zero number of samples",
            domain=DOMAIN,
            metadata={"problem": "samples"},
        )
    count = counts.pop()
    feeds: list[dict[str, Array]] = [{} for _ in range(count)]
    for model_input in session.get_inputs():
        array = np.asarray(samples[model_input.name])
        rank = len(model_input.shape)
        if array.ndim == rank:
            parts = [array[i : i + 1] for i in range(count)]
        elif array.ndim == rank + 1:
            parts = [array[i] for i in range(count)]
        else:
            raise InvalidArgument(
                "EVALUATION_SET_INVALID",
                f"{model_input.name} samples have rank {array.ndim}, the input has rank {rank}",
                domain=DOMAIN,
                metadata={"problem": "shape", "input": model_input.name},
            )
        for feed, part in zip(feeds, parts, strict=True):
            feed[model_input.name] = part
    return count, feeds


def _cosine(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> float:
    """Non-finite outputs count as disagreement (0), so a NaN never passes a threshold silently."""
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return 0.0
    norm_a, norm_b = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    if norm_a == 0.0 and norm_b == 0.0:
        return 1.0
    if norm_a == 0.0 or norm_b == 0.0:
        return 0.0
    return float(np.dot(a, b) / (norm_a * norm_b))


def measure_fidelity(
    fp32_bytes: bytes,
    int8_bytes: bytes,
    samples: Mapping[str, Array],
    progress: Progress | None = None,
) -> Fidelity:
    """Both models on each sample (one at a time) with onnxruntime on the CPU.

    Samples are arrays by input name, the first axis the sample (as
    `load_evaluation_set` and `synthetic_samples` return them). Raises
    InvalidArgument EVALUATION_SET_INVALID (problem "inputs", "samples",
    "shape" or "model_refused_samples") when the fp32 model cannot run them (for
    synthetic samples: the model needs an uploaded evaluation set), and
    FailedPrecondition COMPRESSION_UNSUPPORTED when only the int8 model fails.
    """
    report = progress or (lambda percent, message: None)
    report(0, "loading both models")
    reference = _session(fp32_bytes, "fp32")
    candidate = _session(int8_bytes, "int8")
    count, feeds = _feeds(reference, samples)
    cosines: list[float] = []
    agree = positions = 0
    for done, feed in enumerate(feeds):
        try:
            expected = reference.run(None, feed)
        except Exception as exc:  # onnxruntime raises its own untyped errors for bad feeds
            raise InvalidArgument(
                "EVALUATION_SET_INVALID",
                f"the fp32 model refuses sample {done}: {exc}"[:1000],
                domain=DOMAIN,
                metadata={"problem": "model_refused_samples", "sample": str(done)},
            ) from None
        try:
            actual = candidate.run(None, feed)
        except Exception as exc:
            raise unsupported(
                f"the int8 model fails on sample {done}: {exc}"[:1000], problem="int8_failed"
            ) from None
        flat_expected: list[npt.NDArray[np.float64]] = []
        flat_actual: list[npt.NDArray[np.float64]] = []
        for want, got in zip(expected, actual, strict=True):
            want_array, got_array = np.asarray(want), np.asarray(got)
            if want_array.dtype.kind not in "biuf" or want_array.shape != got_array.shape:
                continue
            flat_expected.append(want_array.astype(np.float64).ravel())
            flat_actual.append(got_array.astype(np.float64).ravel())
            if want_array.ndim >= 1 and want_array.shape[-1] > 0:
                agree += int(np.sum(np.argmax(want_array, axis=-1) == np.argmax(got_array, axis=-1)))
                positions += int(np.prod(want_array.shape[:-1]))
        cosines.append(
            _cosine(np.concatenate(flat_expected), np.concatenate(flat_actual)) if flat_expected else 0.0
        )
        report(5 + 95 * (done + 1) // count, f"compared {done + 1} of {count} samples")
    return Fidelity(
        size_ratio=len(fp32_bytes) / max(len(int8_bytes), 1),
        mean_cosine=float(np.mean(cosines)),
        min_cosine=float(np.min(cosines)),
        top1_agreement=agree / positions if positions else 1.0,
        samples=count,
    )
