"""Small fp32 ONNX models built with onnx.helper, for tests that need a real model.

Weights are seeded, so the same arguments always give the same bytes (and
digest). Every weight matrix has at least 1024 elements where the brief of a
test needs it quantized (compression keeps smaller tensors fp32).
"""

from __future__ import annotations

import itertools

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8
"""What opset 17 needs; onnxruntime 1.23 reads IR up to 11, onnx 1.19 writes 12 by default."""


def _model(graph: onnx.GraphProto) -> bytes:
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="jipan-tests"
    )
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model)
    return model.SerializeToString()


def _dense_layers(
    rng: np.random.Generator, sizes: list[int], relu_last: bool
) -> tuple[list[onnx.NodeProto], list[onnx.TensorProto], str]:
    nodes: list[onnx.NodeProto] = []
    weights: list[onnx.TensorProto] = []
    current = "input"
    for layer, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes)):
        w = (rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in)).astype(np.float32)
        b = (rng.standard_normal(fan_out) * 0.1).astype(np.float32)
        weights += [numpy_helper.from_array(w, f"w{layer}"), numpy_helper.from_array(b, f"b{layer}")]
        nodes.append(helper.make_node("MatMul", [current, f"w{layer}"], [f"mm{layer}"]))
        nodes.append(helper.make_node("Add", [f"mm{layer}", f"b{layer}"], [f"dense{layer}"]))
        current = f"dense{layer}"
        if relu_last or layer < len(sizes) - 2:
            nodes.append(helper.make_node("Relu", [current], [f"relu{layer}"]))
            current = f"relu{layer}"
    return nodes, weights, current


def mlp_model(
    inputs: int = 64, hidden: int = 256, outputs: int = 16, layers: int = 2, seed: int = 0
) -> bytes:
    """An fp32 MLP: `layers` hidden MatMul+Add+Relu layers, then MatMul+Add.

    Input "input" FP32 ("batch", inputs), output "output" FP32 ("batch", outputs).
    """
    rng = np.random.default_rng(seed)
    nodes, weights, last = _dense_layers(rng, [inputs, *([hidden] * layers), outputs], relu_last=False)
    nodes.append(helper.make_node("Identity", [last], ["output"]))
    graph = helper.make_graph(
        nodes,
        "mlp",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", inputs])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", outputs])],
        initializer=weights,
    )
    return _model(graph)


def tiny_classifier(seed: int = 1) -> bytes:
    """32 features → 64 hidden (Relu) → 10 classes (Softmax).

    Input "features" FP32 ("batch", 32), output "probabilities" FP32 ("batch", 10).
    The 32x64 weight is quantized; the 64x10 one is under 1024 elements and stays fp32.
    """
    rng = np.random.default_rng(seed)
    nodes, weights, last = _dense_layers(rng, [32, 64, 10], relu_last=False)
    nodes[0].input[0] = "features"
    nodes.append(helper.make_node("Softmax", [last], ["probabilities"], axis=-1))
    graph = helper.make_graph(
        nodes,
        "tiny_classifier",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", 32])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 10])],
        initializer=weights,
    )
    return _model(graph)


BENCHMARK_MLP = {"inputs": 1024, "hidden": 2048, "outputs": 16, "layers": 2}
"""One single-row inference: median 1.64 ms (p90 1.71 ms) in onnxruntime 1.23 with one intra-op
thread on the 2-core AMD EPYC dev host (16 MiB L3). The fp32 model is 25.3 MB: more than a
16 MiB request; its int8 version is ~6.4 MB."""
