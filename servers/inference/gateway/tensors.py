"""Checking a ModelInferRequest against the version's inputs and outputs before it is forwarded.

Triton checks too, but answers in text; the gateway answers INVALID_ARGUMENT
TENSOR_INVALID with a BadRequest field violation naming the field, and spends
no backend time on a request that cannot run.
"""

from __future__ import annotations

import math
from typing import Any

from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.registry.types import Version
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument

ELEMENT_BYTES = {
    "BOOL": 1,
    "UINT8": 1,
    "INT8": 1,
    "UINT16": 2,
    "INT16": 2,
    "FP16": 2,
    "BF16": 2,
    "UINT32": 4,
    "INT32": 4,
    "FP32": 4,
    "UINT64": 8,
    "INT64": 8,
    "FP64": 8,
}
# InferTensorContents field that carries each datatype when it is not sent raw.
TYPED_FIELD = {
    "BOOL": "bool_contents",
    "INT8": "int_contents",
    "INT16": "int_contents",
    "INT32": "int_contents",
    "INT64": "int64_contents",
    "UINT8": "uint_contents",
    "UINT16": "uint_contents",
    "UINT32": "uint_contents",
    "UINT64": "uint64_contents",
    "FP32": "fp32_contents",
    "FP64": "fp64_contents",
    "BYTES": "bytes_contents",
}
MAX_VIOLATIONS = 20


def _shape_problem(shape: list[int], expected: tuple[int, ...], max_batch: int) -> str:
    if len(shape) != len(expected):
        return f"has rank {len(shape)}; the model takes rank {len(expected)} {list(expected)}"
    for axis, (got, want) in enumerate(zip(shape, expected, strict=True)):
        if got < 0 or (want >= 0 and got != want):
            return f"dimension {axis} is {got}; the model takes {list(expected)}"
    if max_batch and not 1 <= shape[0] <= max_batch:
        return f"batch size {shape[0]} is outside 1..{max_batch}"
    return ""


def check_request(request: Any, version: Version) -> None:
    """INVALID_ARGUMENT TENSOR_INVALID unless every input and requested output matches the version."""
    specs = {spec.name: spec for spec in version.inputs}
    violations: list[FieldViolation] = []

    def bad(field: str, description: str) -> None:
        violations.append(FieldViolation(field, description, "TENSOR_INVALID"))

    raw = request.raw_input_contents
    if raw and len(raw) != len(request.inputs):
        bad("raw_input_contents", f"carries {len(raw)} tensors for {len(request.inputs)} inputs")
    seen: set[str] = set()
    for index, tensor in enumerate(request.inputs):
        spec = specs.get(tensor.name)
        if spec is None:
            bad(
                f"inputs[{index}].name",
                f"the model has no input {tensor.name[:100]!r}; it takes {sorted(specs)}",
            )
            continue
        if tensor.name in seen:
            bad(f"inputs[{index}].name", f"input {tensor.name!r} is sent twice")
            continue
        seen.add(tensor.name)
        if tensor.datatype != spec.datatype:
            bad(
                f"inputs[{index}].datatype",
                f"is {tensor.datatype[:20]!r}; input {spec.name!r} is {spec.datatype}",
            )
            continue
        shape = list(tensor.shape)
        problem = _shape_problem(shape, spec.shape, version.max_batch_size)
        if problem:
            bad(f"inputs[{index}].shape", f"input {spec.name!r} {problem}")
            continue
        elements = math.prod(shape)
        if raw and len(raw) == len(request.inputs):
            size = ELEMENT_BYTES.get(spec.datatype)
            if size is not None and len(raw[index]) != elements * size:
                bad(
                    f"raw_input_contents[{index}]",
                    f"carries {len(raw[index])} bytes; {shape} of {spec.datatype} needs {elements * size}",
                )
        elif not raw:
            field = TYPED_FIELD.get(spec.datatype)
            count = len(getattr(tensor.contents, field)) if field else 0
            if field is None or count != elements:
                bad(f"inputs[{index}].contents", f"carries {count} values; shape {shape} needs {elements}")
    for name in specs:
        if name not in seen and not any(v.field.endswith(".name") for v in violations):
            bad("inputs", f"input {name!r} is missing")
    outputs = {spec.name for spec in version.outputs}
    for index, output in enumerate(request.outputs):
        if output.name not in outputs:
            bad(
                f"outputs[{index}].name",
                f"the model has no output {output.name[:100]!r}; it has {sorted(outputs)}",
            )
    if violations:
        raise InvalidArgument(
            "TENSOR_INVALID",
            f"the request does not match the model: {violations[0].field} {violations[0].description}",
            domain=DOMAIN,
            metadata={"model_name": request.model_name[:200]},
            field_violations=violations[:MAX_VIOLATIONS],
        )
