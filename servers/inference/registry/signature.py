"""What an uploaded ONNX model takes and returns, read from its graph.

Runs in a worker thread (CPU-bound). A model that onnx cannot parse or that
onnxruntime cannot load is refused here, before anything is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

import onnx
import onnxruntime

from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.serving.backend import TensorSpec
from jipan.servers.runtime.errors import InvalidArgument

# onnx TensorProto element types → Open Inference Protocol datatypes.
_DATATYPES: dict[int, str] = {
    onnx.TensorProto.FLOAT: "FP32",
    onnx.TensorProto.FLOAT16: "FP16",
    onnx.TensorProto.DOUBLE: "FP64",
    onnx.TensorProto.BFLOAT16: "BF16",
    onnx.TensorProto.INT8: "INT8",
    onnx.TensorProto.INT16: "INT16",
    onnx.TensorProto.INT32: "INT32",
    onnx.TensorProto.INT64: "INT64",
    onnx.TensorProto.UINT8: "UINT8",
    onnx.TensorProto.UINT16: "UINT16",
    onnx.TensorProto.UINT32: "UINT32",
    onnx.TensorProto.UINT64: "UINT64",
    onnx.TensorProto.BOOL: "BOOL",
    onnx.TensorProto.STRING: "BYTES",
}

DEFAULT_MAX_BATCH = 16


@dataclass(frozen=True, slots=True)
class Signature:
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    max_batch_size: int


def _malformed(problem: str) -> InvalidArgument:
    return InvalidArgument(
        "MODEL_MALFORMED",
        f"the upload is not a loadable ONNX model: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem[:300]},
    )


def _spec(value: onnx.ValueInfoProto) -> tuple[TensorSpec, bool]:
    """The tensor's spec and whether its first dimension is dynamic (a batch axis)."""
    kind = value.type.WhichOneof("value")
    if kind != "tensor_type":
        raise _malformed(f"{value.name!r} is a {kind}, not a tensor")
    tensor = value.type.tensor_type
    datatype = _DATATYPES.get(int(tensor.elem_type))
    if datatype is None:
        raise _malformed(f"{value.name!r} has an element type the protocol cannot carry ({tensor.elem_type})")
    dims = [d.dim_value if d.HasField("dim_value") and d.dim_value > 0 else -1 for d in tensor.shape.dim]
    return TensorSpec(name=value.name, datatype=datatype, shape=tuple(dims)), bool(dims) and dims[0] == -1


def read_signature(model: bytes, requested_max_batch: int = 0) -> Signature:
    """The model's inputs and outputs; batching when every input and output has a dynamic first axis."""
    try:
        proto = onnx.load_model_from_string(model)
    except Exception as exc:
        raise _malformed(type(exc).__name__) from exc
    if not proto.graph.node:
        raise _malformed("the graph has no nodes")
    try:
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise _malformed(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc
    initializers = {i.name for i in proto.graph.initializer}
    inputs = [_spec(v) for v in proto.graph.input if v.name not in initializers]
    outputs = [_spec(v) for v in proto.graph.output]
    if not inputs or not outputs:
        raise _malformed("the graph has no inputs or no outputs")
    batching = all(batched for _, batched in inputs + outputs)
    max_batch = (requested_max_batch or DEFAULT_MAX_BATCH) if batching else 0
    return Signature(
        inputs=tuple(spec for spec, _ in inputs),
        outputs=tuple(spec for spec, _ in outputs),
        max_batch_size=max_batch,
    )
