"""int8 compression: the PP-OCRv4 rec model meets the size and fidelity target; bad inputs are refused."""

from __future__ import annotations

import io
import time
import zipfile

import numpy as np
import numpy.typing as npt
import onnx
import onnxruntime as ort
import pytest

from jipan.servers.inference.builtin import builtin_model, rec_characters
from jipan.servers.inference.compression import (
    MAX_EVALUATION_SAMPLES,
    Fidelity,
    load_evaluation_set,
    measure_fidelity,
    quantize_int8,
    synthetic_samples,
)
from jipan.servers.inference.serving.backend import TensorSpec
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument
from tests.inference.models import mlp_model, tiny_classifier

CLASSIFIER_INPUTS = (TensorSpec("features", "FP32", (-1, 32)),)


class RecModel:
    def __init__(self) -> None:
        model = builtin_model("ocr-text-recognition")
        assert model.evaluation_set is not None
        self.fp32 = model.load_bytes()
        self.samples = model.evaluation_set()
        self.percents: list[int] = []
        started = time.monotonic()
        self.int8 = quantize_int8(self.fp32, progress=lambda percent, message: self.percents.append(percent))
        self.quantize_seconds = time.monotonic() - started


@pytest.fixture(scope="module")
def rec() -> RecModel:
    """Quantized once per module: ~1.6 s on the 2-core dev host."""
    return RecModel()


def npz(**arrays: npt.NDArray[np.generic]) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def refusal(data: bytes, inputs: tuple[TensorSpec, ...] = CLASSIFIER_INPUTS) -> str:
    with pytest.raises(InvalidArgument) as caught:
        load_evaluation_set(data, inputs)
    assert caught.value.reason == "EVALUATION_SET_INVALID"
    return caught.value.metadata["problem"]


def test_rec_model_is_3_5_times_smaller_at_cosine_0_98(rec: RecModel) -> None:
    fidelity = measure_fidelity(rec.fp32, rec.int8, rec.samples)
    assert fidelity.samples == 32
    assert fidelity.size_ratio >= 3.5
    assert fidelity.mean_cosine >= 0.98
    assert fidelity.min_cosine >= 0.9
    assert fidelity.top1_agreement >= 0.95
    assert rec.quantize_seconds < 60


def test_int8_rec_model_runs_from_bytes_with_int8_weights(rec: RecModel) -> None:
    session = ort.InferenceSession(rec.int8, providers=["CPUExecutionProvider"])
    (probabilities,) = session.run(None, {"x": rec.samples["x"][:2]})
    # 40 steps of 8 columns; blank, the model's dictionary, space.
    assert probabilities.shape == (2, 40, len(rec_characters()))
    assert np.allclose(probabilities.sum(axis=-1), 1.0, atol=1e-3)
    model = onnx.load_from_string(rec.int8)
    int8 = [i for i in model.graph.initializer if i.data_type == onnx.TensorProto.INT8 and len(i.dims) > 1]
    per_channel = [
        n
        for n in model.graph.node
        if n.op_type == "DequantizeLinear" and any(a.name == "axis" for a in n.attribute)
    ]
    assert len(int8) == len(per_channel) > 30
    # Biases and norms stay fp32: nothing under 1024 elements was quantized.
    assert all(int(np.prod(i.dims)) >= 1024 for i in int8)


def test_quantize_reports_progress_up_to_100(rec: RecModel) -> None:
    assert rec.percents[0] == 0
    assert rec.percents[-1] == 100
    assert rec.percents == sorted(rec.percents)


@pytest.mark.parametrize(
    ("model", "smaller"),
    # The classifier's 64x10 output layer stays fp32 (under 1024 elements).
    [(mlp_model(), 3.5), (mlp_model(layers=3, seed=5), 3.5), (tiny_classifier(), 1.9)],
)
def test_test_models_keep_cosine_0_98(model: bytes, smaller: float) -> None:
    inputs = ort.InferenceSession(model).get_inputs()
    specs = tuple(
        TensorSpec(i.name, "FP32", tuple(d if isinstance(d, int) else -1 for d in i.shape)) for i in inputs
    )
    fidelity = measure_fidelity(model, quantize_int8(model), synthetic_samples(specs, count=64, seed=7))
    assert fidelity.mean_cosine >= 0.98
    assert fidelity.size_ratio >= smaller


def test_tiny_classifier_keeps_its_top1() -> None:
    model = tiny_classifier()
    percents: list[int] = []
    fidelity = measure_fidelity(
        model,
        quantize_int8(model),
        synthetic_samples(CLASSIFIER_INPUTS, count=128, seed=3),
        progress=lambda percent, message: percents.append(percent),
    )
    assert isinstance(fidelity, Fidelity)
    assert fidelity.samples == 128
    assert percents[0] == 0
    assert percents[-1] == 100
    assert fidelity.top1_agreement >= 0.95


@pytest.mark.parametrize("data", [b"", b"not an onnx model at all", b"PK\x03\x04" + bytes(100)])
def test_non_onnx_is_compression_unsupported(data: bytes) -> None:
    with pytest.raises(FailedPrecondition) as caught:
        quantize_int8(data)
    assert caught.value.reason == "COMPRESSION_UNSUPPORTED"


def test_samples_the_model_cannot_run_are_an_invalid_evaluation_set() -> None:
    model = tiny_classifier()
    with pytest.raises(InvalidArgument) as caught:
        measure_fidelity(model, quantize_int8(model), {"features": np.zeros((3, 31), np.float32)})
    assert caught.value.reason == "EVALUATION_SET_INVALID"
    assert caught.value.metadata["problem"] == "model_refused_samples"


def test_model_without_large_weights_is_compression_unsupported() -> None:
    with pytest.raises(FailedPrecondition) as caught:
        quantize_int8(mlp_model(inputs=8, hidden=16, outputs=4))
    assert caught.value.reason == "COMPRESSION_UNSUPPORTED"
    assert caught.value.metadata["problem"] == "nothing_to_quantize"


def test_synthetic_samples_are_seeded_and_shaped() -> None:
    specs = (
        TensorSpec("x", "FP32", (-1, 3, -1, -1)),
        TensorSpec("ids", "INT64", (-1, -1)),
        TensorSpec("fixed", "FP16", (2, 4)),
    )
    first, second = synthetic_samples(specs, 5, seed=1), synthetic_samples(specs, 5, seed=1)
    assert first["x"].shape == (5, 3, 32, 32)
    assert first["x"].dtype == np.float32
    assert first["ids"].shape == (5, 32)
    assert first["ids"].dtype == np.int64
    assert first["fixed"].shape == (5, 2, 4)
    assert first["fixed"].dtype == np.float16
    assert all(np.array_equal(first[name], second[name]) for name in first)
    assert not np.array_equal(first["x"], synthetic_samples(specs, 5, seed=2)["x"])
    with pytest.raises(FailedPrecondition):
        synthetic_samples((TensorSpec("text", "BYTES", (-1, 1)),), 2, seed=0)


def test_good_evaluation_set_loads_and_float64_becomes_float32() -> None:
    features = np.random.default_rng(0).standard_normal((10, 32))
    samples = load_evaluation_set(npz(features=features), CLASSIFIER_INPUTS)
    assert samples["features"].dtype == np.float32
    assert np.allclose(samples["features"], features, atol=1e-6)
    model = tiny_classifier()
    assert measure_fidelity(model, quantize_int8(model), samples).samples == 10


def test_rec_evaluation_set_round_trips_through_npz(rec: RecModel) -> None:
    inputs = builtin_model("ocr-text-recognition").inputs
    samples = load_evaluation_set(npz(**rec.samples), inputs)
    assert np.array_equal(samples["x"], rec.samples["x"])


def test_wrong_input_name_is_refused() -> None:
    assert refusal(npz(feature=np.zeros((4, 32), np.float32))) == "inputs"


def test_extra_input_is_refused() -> None:
    assert refusal(npz(features=np.zeros((4, 32), np.float32), other=np.zeros(4, np.float32))) == "inputs"


def test_pickle_bearing_npz_is_refused() -> None:
    objects = np.empty((4, 32), dtype=object)
    objects[:] = 1.0
    assert refusal(npz(features=objects)) == "member"


def test_zip_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    np.savez_compressed(buffer, features=np.zeros((1000, 32, 64), np.float32))  # 8 MB, deflates ~1000x
    assert refusal(buffer.getvalue()) == "archive"


def test_not_a_zip_is_refused() -> None:
    assert refusal(b"\x93NUMPY not a zip") == "archive"


def test_member_that_is_not_npy_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("features.npy", b"\x93NUMPY garbage")
    assert refusal(buffer.getvalue()) == "member"


@pytest.mark.parametrize(
    "array",
    [
        np.zeros((4, 32), np.int64),  # int64 → fp32 may round
        np.zeros((4, 32), np.complex64),
        np.full((4, 32), 1e300),  # float64 beyond fp32
        np.array([["a"] * 32] * 4),
    ],
)
def test_wrong_dtype_is_refused(array: npt.NDArray[np.generic]) -> None:
    assert refusal(npz(features=array)) == "dtype"


def test_float_for_an_integer_input_is_refused() -> None:
    assert refusal(npz(ids=np.zeros((4, 8), np.float32)), (TensorSpec("ids", "INT64", (-1, 8)),)) == "dtype"


def test_small_ints_for_an_int64_input_are_widened() -> None:
    samples = load_evaluation_set(npz(ids=np.ones((4, 8), np.int32)), (TensorSpec("ids", "INT64", (-1, 8)),))
    assert samples["ids"].dtype == np.int64


@pytest.mark.parametrize("shape", [(4, 31), (4, 32, 1), (32,)])
def test_wrong_shape_is_refused(shape: tuple[int, ...]) -> None:
    assert refusal(npz(features=np.zeros(shape, np.float32))) == "shape"


def test_too_many_samples_are_refused() -> None:
    too_many = np.zeros((MAX_EVALUATION_SAMPLES + 1, 32), np.float32)
    assert refusal(npz(features=too_many)) == "samples"


def test_zero_samples_are_refused() -> None:
    assert refusal(npz(features=np.zeros((0, 32), np.float32))) == "samples"


def test_inputs_with_different_sample_counts_are_refused() -> None:
    inputs = (TensorSpec("a", "FP32", (-1, 2)), TensorSpec("b", "FP32", (-1, 2)))
    assert refusal(npz(a=np.zeros((3, 2), np.float32), b=np.zeros((4, 2), np.float32)), inputs) == "samples"
