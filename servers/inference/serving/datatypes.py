"""Open Inference Protocol datatypes as numpy and Triton model-config types."""

from __future__ import annotations

import numpy as np

from jipan.servers.inference.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

NUMPY: dict[str, type[np.generic]] = {
    "BOOL": np.bool_,
    "UINT8": np.uint8,
    "UINT16": np.uint16,
    "UINT32": np.uint32,
    "UINT64": np.uint64,
    "INT8": np.int8,
    "INT16": np.int16,
    "INT32": np.int32,
    "INT64": np.int64,
    "FP16": np.float16,
    "FP32": np.float32,
    "FP64": np.float64,
    "BYTES": np.bytes_,
}
"""BYTES is np.bytes_, which is what PyTriton's tensor specs expect for strings."""

TRITON_CONFIG: dict[str, str] = {
    name: ("TYPE_STRING" if name == "BYTES" else f"TYPE_{name}") for name in NUMPY
}
"""model_config.proto's DataType names (BYTES is TYPE_STRING there)."""


def numpy_dtype(datatype: str, field: str = "datatype") -> type[np.generic]:
    try:
        return NUMPY[datatype]
    except KeyError:
        raise InvalidArgument(
            "MODEL_MALFORMED",
            f"datatype {datatype!r} is not served (one of {', '.join(sorted(NUMPY))})",
            domain=DOMAIN,
            metadata={"field": field, "datatype": datatype[:50]},
        ) from None


def triton_config_type(datatype: str, field: str = "datatype") -> str:
    numpy_dtype(datatype, field)
    return TRITON_CONFIG[datatype]
