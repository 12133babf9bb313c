"""The shipped models: definitions that register cleanly, an embedder that works across zh-TW and en."""

from __future__ import annotations

import re

import numpy as np
import onnxruntime as ort
import pytest
from license_expression import get_spdx_licensing

from jipan.servers.inference.builtin import (
    BUILTIN_MODELS,
    TEXT_EMBEDDER,
    builtin_model,
    load_runtime,
    ocr_rec_lines,
    rec_characters,
)
from jipan.servers.inference.serving.backend import ModelFormat
from jipan.servers.runtime.errors import InvalidArgument, NotFound

CARD_KEYS = {
    "intended_use",
    "training_data",
    "evaluation_data",
    "license",
    "limitations",
    "languages",
    "metrics",
}


def embed(*texts: str) -> np.ndarray:  # type: ignore[type-arg]
    batch = np.array([[text.encode()] for text in texts], dtype=object).reshape(len(texts), 1)
    return load_runtime(TEXT_EMBEDDER)({"TEXT": batch})["EMBEDDING"]


def test_embedder_returns_unit_vectors_of_512() -> None:
    vectors = embed("今天天氣很好", "The weather is nice today", "")
    assert vectors.shape == (3, 512)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_embedder_puts_translations_closer_than_unrelated_sentences() -> None:
    zh, en, unrelated_en, unrelated_zh = embed(
        "今天天氣很好", "The weather is nice today", "I like to eat apples", "這份合約需要在下週五前簽署"
    )
    assert zh @ en > zh @ unrelated_en + 0.3
    assert zh @ en > zh @ unrelated_zh + 0.3
    tender_zh, tender_en, invoice_en = embed(
        "政府採購標案的截止日期", "The deadline of the government tender", "Pay the electricity bill"
    )
    assert tender_zh @ tender_en > tender_zh @ invoice_en


def test_embedder_is_loaded_once_and_takes_empty_batches() -> None:
    assert load_runtime(TEXT_EMBEDDER) is load_runtime(TEXT_EMBEDDER)
    empty = load_runtime(TEXT_EMBEDDER)({"TEXT": np.empty((0, 1), dtype=object)})
    assert empty["EMBEDDING"].shape == (0, 512)


@pytest.mark.parametrize(
    "batch",
    [
        np.array([[b"\xff\xfe not utf-8"]], dtype=object),
        np.array([[1]], dtype=object),
        np.array([[b"a", b"b"]], dtype=object),
        np.array([[b"x" * 20000]], dtype=object),
    ],
)
def test_embedder_refuses_bad_text(batch: np.ndarray) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidArgument) as caught:
        load_runtime(TEXT_EMBEDDER)({"TEXT": batch})
    assert caught.value.reason == "TENSOR_INVALID"


def test_unknown_runtime_is_not_found() -> None:
    with pytest.raises(NotFound):
        load_runtime("no-such-model")


def test_definitions_are_registrable() -> None:
    licensing = get_spdx_licensing()
    ids = [model.model_id for model in BUILTIN_MODELS]
    assert len(set(ids)) == len(ids)
    assert {"text-embedder", "ocr-text-recognition"} <= set(ids)
    for model in BUILTIN_MODELS:
        assert re.fullmatch(r"[a-z][a-z0-9-]{0,62}", model.model_id)
        assert set(model.card) >= CARD_KEYS
        license = str(model.card["license"])
        info = licensing.validate(license, strict=True)
        assert not info.errors, info.errors
        assert info.normalized_expression == license
        assert "zh-TW" in model.card["languages"]  # type: ignore[operator]
        assert model.max_batch_size > 0
        assert all(spec.shape[0] == -1 for spec in model.inputs + model.outputs)
        assert model.load_bytes() == model.load_bytes()
        assert (model.format is ModelFormat.BUILTIN) == bool(model.builtin)


def test_onnx_definitions_match_their_graphs() -> None:
    for model in BUILTIN_MODELS:
        if model.format is not ModelFormat.ONNX:
            continue
        session = ort.InferenceSession(model.load_bytes(), providers=["CPUExecutionProvider"])
        assert [(i.name, len(i.shape)) for i in session.get_inputs()] == [
            (s.name, len(s.shape)) for s in model.inputs
        ]
        assert [o.name for o in session.get_outputs()] == [s.name for s in model.outputs]


def test_rec_evaluation_set_is_deterministic_real_text() -> None:
    model = builtin_model("ocr-text-recognition")
    assert model.evaluation_set is not None
    samples = model.evaluation_set()
    assert samples["x"].shape == (32, 3, 48, 320)
    assert samples["x"].dtype == np.float32
    assert np.array_equal(samples["x"], model.evaluation_set()["x"])
    # The fp32 model reads the rendered lines: the set is text, not noise.
    session = ort.InferenceSession(model.load_bytes(), providers=["CPUExecutionProvider"])
    characters = rec_characters()
    (probabilities,) = session.run(None, {"x": samples["x"]})
    read = 0
    for expected, steps in zip(ocr_rec_lines(), probabilities.argmax(axis=-1), strict=True):
        collapsed = [c for i, c in enumerate(steps) if c != 0 and (i == 0 or c != steps[i - 1])]
        read += "".join(characters[c] for c in collapsed).replace(" ", "") == expected.replace(" ", "")
    assert read >= 30


def test_cls_evaluation_set_is_classified_upright_and_upside_down() -> None:
    model = builtin_model("ocr-text-direction")
    assert model.evaluation_set is not None
    samples = model.evaluation_set()
    assert samples["x"].shape == (32, 3, 48, 192)
    assert np.array_equal(samples["x"], model.evaluation_set()["x"])
    session = ort.InferenceSession(model.load_bytes(), providers=["CPUExecutionProvider"])
    (probabilities,) = session.run(None, {"x": samples["x"]})
    # Every other line is turned 180 degrees; the classifier says which (measured: 32 of 32).
    assert (probabilities.argmax(axis=1) == np.arange(32) % 2).sum() >= 30


def test_det_evaluation_set_is_deterministic_pages_of_text() -> None:
    model = builtin_model("ocr-text-detection")
    assert model.evaluation_set is not None
    samples = model.evaluation_set()
    assert samples["x"].shape == (8, 3, 320, 320)
    assert np.array_equal(samples["x"], model.evaluation_set()["x"])
    session = ort.InferenceSession(model.load_bytes(), providers=["CPUExecutionProvider"])
    (probabilities,) = session.run(None, {"x": samples["x"][:2]})
    text_share = (probabilities > 0.3).mean(axis=(1, 2, 3))
    assert np.all((text_share > 0.01) & (text_share < 0.3))
