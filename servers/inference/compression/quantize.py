"""fp32 ONNX → int8 weights, per output channel, activations left in fp32.

Why weight-only: on the PP-OCRv4 recognition model `quantize_dynamic` and
`quantize_static` (int8 activations as well) both missed mean cosine 0.98
against the fp32 model, while int8 weights with one scale per output channel
stay above it and still make the file ~3.7× smaller, which is what the
registry asks of compression (size at a fidelity floor, not int8 arithmetic).

What onnxruntime.quantization does here and what is written by hand:

- onnxruntime's own weight-only quantizer (`MatMulNBitsQuantizer`) covers
  MatMul and Gather only and emits com.microsoft.MatMulNBits; a convolutional
  model such as PP-OCR is mostly Conv, so it is not used;
- the numbers come from onnxruntime.quantization.quant_utils: the symmetric
  int8 scale and zero point of each channel (`compute_data_quant_params`, the
  same function its QDQ quantizer uses per channel) and the int8 initializer
  (`quantize_onnx_initializer`);
- hand-written: choosing which tensors are weights and along which axis, and
  the graph rewrite: each weight becomes an int8 initializer with per-channel
  scales and zero points and a `DequantizeLinear(axis=...)` whose output keeps
  the weight's name, so the float operators that read it are untouched. Weights
  stored as Constant nodes (paddle2onnx exports) are lifted the same way.
  Per-channel DequantizeLinear needs opset 13, so older models are converted
  first with onnx.version_converter (it rewrites Squeeze and Softmax).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import onnx
import onnxruntime as ort
import structlog
from onnx import TensorProto, helper, numpy_helper, version_converter
from onnx.external_data_helper import uses_external_data

from jipan.servers.inference.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition

log = structlog.get_logger(__name__)

Progress = Callable[[int, str], None]
"""percent (0..100), message: how a long function reports how far it is."""

MIN_CHANNEL_ELEMENTS = 8
"""Fewer elements per channel (a depthwise 3x3 has 9) and the per-channel scales outweigh
what int8 saves: one scale for the whole tensor then."""

MIN_QUANTIZED_ELEMENTS = 1024
"""Smaller float tensors (biases, norms, scales) stay fp32: they weigh little and
are where int8 rounding hurts most."""

_DQ_OPSET = 13
"""DequantizeLinear with `axis` (per-channel)."""

_WEIGHT_INPUTS: dict[tuple[str, int], int] = {
    # (op type, input index) → the axis that holds its output channels.
    ("Conv", 1): 0,  # [M, C/group, kH, kW]
    ("ConvTranspose", 1): 1,  # [C, M/group, kH, kW]
    ("MatMul", 0): 0,  # A [M, K]: one scale per output row (rank 2 only, see _axis)
    ("MatMul", 1): -1,  # B [..., K, N]: one scale per output column
    ("Gemm", 0): 0,
    ("Gemm", 1): 1,  # transB flips it (see _axis)
    ("Gather", 0): 0,  # an embedding table: one scale per row
}


def _noop(percent: int, message: str) -> None:
    return None


def unsupported(message: str, **metadata: str) -> FailedPrecondition:
    return FailedPrecondition("COMPRESSION_UNSUPPORTED", message, domain=DOMAIN, metadata=metadata)


@dataclass(frozen=True, slots=True)
class _Weight:
    name: str
    tensor: TensorProto
    axis: int | None


def _axis(node: onnx.NodeProto, index: int, rank: int) -> int | None:
    axis = _WEIGHT_INPUTS[(node.op_type, index)]
    if node.op_type == "Gemm":
        trans = next((a.i for a in node.attribute if a.name == ("transA" if index == 0 else "transB")), 0)
        axis = 1 - axis if trans else axis
    if node.op_type == "MatMul" and index == 0 and rank != 2:
        return None
    if rank < 2:
        return None
    return axis % rank


def _per_channel(tensor: TensorProto, axis: int | None) -> int | None:
    if axis is None:
        return None
    size = int(np.prod(tensor.dims))
    return axis if size >= MIN_CHANNEL_ELEMENTS * tensor.dims[axis] else None


def _parse(model_bytes: bytes) -> onnx.ModelProto:
    if not model_bytes:
        raise unsupported("the model is empty", problem="not_onnx")
    try:
        model = onnx.load_from_string(model_bytes)
    except Exception as exc:  # protobuf's DecodeError and friends
        raise unsupported(f"the model is not ONNX: {type(exc).__name__}", problem="not_onnx") from None
    if not model.graph.node:
        raise unsupported("the model is not ONNX (no graph nodes)", problem="not_onnx")
    if any(uses_external_data(tensor) for tensor in model.graph.initializer):
        raise unsupported(
            "the model keeps weights in external files, which a single upload cannot carry",
            problem="external_data",
        )
    return model


def _opset(model: onnx.ModelProto) -> int:
    return next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 0)


def _at_least_opset_13(model: onnx.ModelProto) -> onnx.ModelProto:
    opset = _opset(model)
    if opset >= _DQ_OPSET:
        return model
    if opset == 0:
        raise unsupported("the model imports no default-domain opset", problem="opset")
    try:
        converted: onnx.ModelProto = version_converter.convert_version(model, _DQ_OPSET)
    except Exception as exc:
        raise unsupported(
            f"opset {opset} cannot be converted to {_DQ_OPSET} for per-channel int8: {exc}",
            problem="opset",
            opset=str(opset),
        ) from None
    return converted


def _float_weights(graph: onnx.GraphProto) -> list[_Weight]:
    """The large fp32 tensors that feed a weight input, from initializers or Constant nodes."""
    overridable = {i.name for i in graph.input}  # IR < 4: an initializer may be a graph input
    outputs = {o.name for o in graph.output}
    stored: dict[str, TensorProto] = {
        i.name: i
        for i in graph.initializer
        if i.data_type == TensorProto.FLOAT and i.name not in overridable and i.name not in outputs
    }
    for node in graph.node:
        if node.op_type == "Constant" and len(node.attribute) == 1 and node.attribute[0].name == "value":
            tensor = node.attribute[0].t
            if tensor.data_type == TensorProto.FLOAT and node.output[0] not in outputs:
                stored[node.output[0]] = tensor
    chosen: dict[str, _Weight] = {}
    for node in graph.node:
        for index, name in enumerate(node.input):
            weight = stored.get(name)
            if weight is None or name in chosen or (node.op_type, index) not in _WEIGHT_INPUTS:
                continue
            if int(np.prod(weight.dims)) < MIN_QUANTIZED_ELEMENTS:
                continue
            axis = _per_channel(weight, _axis(node, index, len(weight.dims)))
            chosen[name] = _Weight(name, weight, axis)
    return list(chosen.values())


def _channel_params(
    data: npt.NDArray[np.float32], axis: int | None
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float32]]:
    """Symmetric int8 zero points and scales, one per slice along `axis` (or one in all)."""
    from onnxruntime.quantization.quant_utils import compute_data_quant_params

    if axis is None:
        zero, scale = compute_data_quant_params(data.ravel(), TensorProto.INT8, symmetric=True)
        return np.asarray(zero, dtype=np.int8), np.asarray(scale, dtype=np.float32)
    zeros: list[npt.NDArray[np.int8]] = []
    scales: list[npt.NDArray[np.float32]] = []
    for channel in np.moveaxis(data, axis, 0):
        zero, scale = compute_data_quant_params(channel.ravel(), TensorProto.INT8, symmetric=True)
        zeros.append(np.asarray(zero, dtype=np.int8))
        scales.append(np.asarray(scale, dtype=np.float32))
    return np.stack(zeros).astype(np.int8), np.stack(scales).astype(np.float32)


def _unique(base: str, taken: set[str]) -> str:
    name, suffix = base, 1
    while name in taken:
        name, suffix = f"{base}_{suffix}", suffix + 1
    taken.add(name)
    return name


def quantize_int8(model_bytes: bytes, progress: Progress | None = None) -> bytes:
    """The model with its large fp32 weights stored as int8, loadable by onnxruntime from bytes.

    Raises FailedPrecondition COMPRESSION_UNSUPPORTED (metadata `problem`) when
    the bytes are not ONNX, the opset cannot carry per-channel int8, no weight
    is large enough to quantize, or onnxruntime refuses the result.
    """
    # onnxruntime.quantization imports sympy (~0.4 s): here, on the first
    # compression, not when the inference service starts.
    from onnxruntime.quantization.quant_utils import quantize_onnx_initializer

    report = progress or _noop
    started = time.monotonic()
    report(0, "parsing the model")
    model = _at_least_opset_13(_parse(model_bytes))
    graph = model.graph
    weights = _float_weights(graph)
    if not weights:
        raise unsupported(
            f"no fp32 weight of at least {MIN_QUANTIZED_ELEMENTS} elements feeds"
            " a Conv, ConvTranspose, MatMul, Gemm or Gather",
            problem="nothing_to_quantize",
        )
    taken = {i.name for i in graph.initializer} | {o for n in graph.node for o in n.output}
    taken |= {n.name for n in graph.node} | {i.name for i in graph.input}
    replaced = {w.name for w in weights}
    kept_initializers = [i for i in graph.initializer if i.name not in replaced]
    kept_nodes = [
        n
        for n in graph.node
        if not (n.op_type == "Constant" and len(n.output) == 1 and n.output[0] in replaced)
    ]
    new_initializers: list[TensorProto] = []
    dequantize: list[onnx.NodeProto] = []
    for done, weight in enumerate(weights):
        data = numpy_helper.to_array(weight.tensor).astype(np.float32, copy=False)
        zero, scale = _channel_params(data, weight.axis)
        source = onnx.TensorProto()
        source.CopyFrom(weight.tensor)
        source.name = weight.name
        quantized_name = _unique(f"{weight.name}_quantized", taken)
        scale_name = _unique(f"{weight.name}_scale", taken)
        zero_name = _unique(f"{weight.name}_zero_point", taken)
        new_initializers.append(
            quantize_onnx_initializer(source, TensorProto.INT8, zero, scale, weight.axis, quantized_name)
        )
        new_initializers.append(numpy_helper.from_array(scale, scale_name))
        new_initializers.append(numpy_helper.from_array(zero, zero_name))
        node = helper.make_node(
            "DequantizeLinear",
            [quantized_name, scale_name, zero_name],
            [weight.name],
            name=_unique(f"{weight.name}_dequantize", taken),
        )
        if weight.axis is not None:
            node.attribute.append(helper.make_attribute("axis", weight.axis))
        dequantize.append(node)
        report(5 + 85 * (done + 1) // len(weights), f"quantized {done + 1} of {len(weights)} weights")
    del graph.initializer[:]
    graph.initializer.extend(kept_initializers + new_initializers)
    del graph.node[:]
    # The dequantizers read initializers only, so they may all come first.
    graph.node.extend(dequantize + kept_nodes)
    result = model.SerializeToString()
    report(92, "checking that onnxruntime loads the int8 model")
    try:
        ort.InferenceSession(result, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise unsupported(f"onnxruntime refuses the int8 model: {exc}", problem="runtime_refused") from None
    log.info(
        "quantized model",
        weights=len(weights),
        fp32_bytes=len(model_bytes),
        int8_bytes=len(result),
        seconds=round(time.monotonic() - started, 2),
    )
    report(100, "quantized")
    return result
