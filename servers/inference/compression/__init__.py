"""int8 compression of ONNX models and how faithful the compressed model stays.

Pure, synchronous and CPU-bound: the registry runs these in a worker thread
of a long-running operation and passes a `progress` callback.

- `quantize.py`: fp32 → int8 weight-only, per channel (`quantize_int8`).
- `fidelity.py`: both models run side by side on samples (`measure_fidelity`).
- `samples.py`: where the samples come from: an uploaded .npz
  (`load_evaluation_set`) or seeded random data (`synthetic_samples`).
"""

from jipan.servers.inference.compression.fidelity import Fidelity, measure_fidelity
from jipan.servers.inference.compression.quantize import MIN_QUANTIZED_ELEMENTS, Progress, quantize_int8
from jipan.servers.inference.compression.samples import (
    DYNAMIC_DIM_SIZE,
    MAX_EVALUATION_SAMPLES,
    MAX_EVALUATION_SET_BYTES,
    load_evaluation_set,
    numpy_dtype,
    synthetic_samples,
)

__all__ = [
    "DYNAMIC_DIM_SIZE",
    "MAX_EVALUATION_SAMPLES",
    "MAX_EVALUATION_SET_BYTES",
    "MIN_QUANTIZED_ELEMENTS",
    "Fidelity",
    "Progress",
    "load_evaluation_set",
    "measure_fidelity",
    "numpy_dtype",
    "quantize_int8",
    "synthetic_samples",
]
