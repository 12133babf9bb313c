"""The pixel work around the OCR models, without a server: decoding limits, box extraction,
reading order, batching and CTC decoding."""

from __future__ import annotations

import io
import math

import numpy as np
import numpy.typing as npt
import pytest
from PIL import Image

from jipan.servers.document import detection, image, recognition, script
from jipan.servers.document.domain import TextExtraction
from jipan.servers.document.gateway import DETECTION_MODEL, DIRECTION_MODEL, RECOGNITION_MODEL, ModelOutput
from jipan.servers.document.reading_order import reading_order
from jipan.servers.runtime.errors import InvalidArgument
from tests.document.rendered import encoded


def test_transparent_text_is_flattened_onto_white() -> None:
    rgba = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
    rgba.putpixel((5, 5), (0, 0, 0, 255))
    decoded = image.decode(encoded(rgba))
    assert decoded.mode == "RGB"
    assert decoded.getpixel((0, 0)) == (255, 255, 255)
    assert decoded.getpixel((5, 5)) == (0, 0, 0)


def test_sixteen_bit_greys_are_stretched_not_clipped() -> None:
    grey = Image.fromarray(np.array([[0, 30000], [60000, 65535]], dtype=np.uint16))
    buffer = io.BytesIO()
    grey.save(buffer, format="PNG")
    decoded = image.decode(buffer.getvalue())
    assert decoded.getpixel((0, 0)) == (0, 0, 0)
    assert decoded.getpixel((1, 1)) == (255, 255, 255)
    middle = decoded.getpixel((1, 0))
    assert isinstance(middle, tuple)
    assert 100 < middle[0] < 140


def test_a_truncated_image_is_invalid() -> None:
    content = encoded(Image.new("RGB", (200, 200), "white"), "JPEG")
    with pytest.raises(InvalidArgument) as caught:
        image.decode(content[: len(content) // 2])
    assert caught.value.reason == "IMAGE_INVALID"


def test_mime_type_parameters_and_case_are_accepted() -> None:
    assert image.formats_for("Image/PNG; charset=binary") == ["PNG"]


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((900, 106), (1792, 224)),  # upscaled at most 2x
        ((900, 556), (1184, 736)),  # short side to 736
        ((2480, 3508), (864, 1184)),  # A4 at 300 dpi: down to 1 Mpixel
        ((1, 50_000), (32, 4096)),  # absurd shapes stay bounded
    ],
)
def test_detection_input_size(size: tuple[int, int], expected: tuple[int, int]) -> None:
    width, height = detection.input_size(*size)
    assert (width, height) == expected
    assert width % 32 == 0
    assert height % 32 == 0
    assert width * height <= detection.MAX_INPUT_PIXELS


def test_min_area_rect_of_a_rotated_rectangle() -> None:
    angle = math.radians(20)
    u = np.array([math.cos(angle), math.sin(angle)])
    v = np.array([-math.sin(angle), math.cos(angle)])
    points = np.array([a * u + b * v for a in np.linspace(0, 100, 21) for b in np.linspace(0, 10, 5)])
    box, width, height = detection.min_area_rect(points)
    assert sorted((round(width, 6), round(height, 6))) == [10.0, 100.0]
    assert len(box) == 4


def test_boxes_from_a_probability_map() -> None:
    probability = np.zeros((1, 1, 64, 128), dtype=np.float32)
    probability[0, 0, 10:20, 10:90] = 0.9  # a line
    probability[0, 0, 40:50, 10:40] = 0.9  # a second, shorter line
    probability[0, 0, 40:50, 60:62] = 0.9  # too thin: dropped
    probability[0, 0, 30:32, 100:103] = 0.35  # above the threshold, below the box score: dropped
    boxes = detection.text_boxes(probability, (256, 128))  # the page is twice the map
    assert len(boxes) == 2
    first = min(boxes, key=lambda b: float(b[:, 1].min()))
    assert first[0, 0] < 20 < 180 < first[1, 0]  # grown around 20..180 by the unclip
    for box in boxes:
        assert (box[:, 0] >= 0).all()
        assert (box[:, 0] < 256).all()
        assert (box[:, 1] < 128).all()


def _quad(x0: float, y0: float, x1: float, y1: float) -> detection.Quad:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)


def test_reading_order_rows_then_columns() -> None:
    boxes = [
        _quad(10, 100, 200, 130),  # second row
        _quad(300, 12, 500, 40),  # first row, right (a little lower)
        _quad(10, 10, 200, 38),  # first row, left
        _quad(10, 200, 400, 230),  # third row
    ]
    assert reading_order(boxes) == [2, 1, 0, 3]


def test_vertical_columns_read_right_to_left_top_to_bottom() -> None:
    boxes = [
        _quad(100, 10, 130, 300),  # the middle column
        _quad(200, 12, 230, 280),  # the rightmost column: read first
        _quad(10, 10, 40, 200),  # the leftmost
        _quad(200, 300, 230, 400),  # below the rightmost, in the same column
    ]
    assert reading_order(boxes) == [1, 3, 0, 2]


def test_traditional_hints() -> None:
    assert script.wants_traditional(["en", "zh-TW"])
    assert script.wants_traditional(["zh-Hant-TW"])
    assert script.wants_traditional(["zh-HK"])
    assert not script.wants_traditional(["zh", "zh-CN", "zh-Hans", "en", "zh-twx"])
    assert script.to_traditional("数位服务规格，辅导机制") == "數位服務規格，輔導機制"
    assert script.to_traditional("發展 ABC 123") == "發展 ABC 123"  # Traditional and Latin stay


def test_upside_down_needs_the_classifier_to_be_sure() -> None:
    probabilities = np.array([[0.95, 0.05], [0.05, 0.95], [0.15, 0.85]], dtype=np.float32)
    assert recognition.upside_down(probabilities) == [False, True, False]


def test_direction_batches_hold_every_line_once() -> None:
    lines = [Image.new("RGB", (48 * (1 + i % 7), 48), "white") for i in range(40)]
    batches = recognition.direction_batches(lines)
    assert [len(b.indices) for b in batches] == [32, 8]
    assert sorted(i for b in batches for i in b.indices) == list(range(40))
    assert all(b.tensor.shape[1:] == (3, 48, 192) for b in batches)


def test_recognition_batches_respect_the_output_limit() -> None:
    lines = [Image.new("RGB", (48 * ratio, 48), "white") for ratio in (40, 2, 30, 5, 10)]
    batches = recognition.batches(lines)
    assert sorted(i for batch in batches for i in batch.indices) == list(range(len(lines)))
    for batch in batches:
        steps = batch.tensor.shape[-1] // 8 + 1
        assert len(batch.indices) * steps * recognition.CLASSES * 4 <= recognition.MAX_OUTPUT_BYTES
        assert batch.tensor.shape[1:3] == (3, recognition.HEIGHT)
        assert batch.tensor.shape[-1] >= recognition.MIN_WIDTH


def test_ctc_collapses_repeats_and_drops_blanks() -> None:
    alphabet = recognition.characters()
    a, b = alphabet.index("a"), alphabet.index("b")
    steps = [a, a, 0, a, b, b, 0, 0]
    probabilities = np.full((1, len(steps), len(alphabet)), 0.0, dtype=np.float32)
    for t, index in enumerate(steps):
        probabilities[0, t, index] = 0.9 if index else 1.0
    (line,) = recognition.ctc_decode(probabilities)
    assert line.text == "aab"
    assert line.confidence == pytest.approx(0.9)


def test_a_wide_gap_between_latin_characters_is_a_space() -> None:
    alphabet = recognition.characters()
    steps = [alphabet.index(c) for c in "ab"] + [0] * (recognition.SPACE_GAP_STEPS - 1)
    steps += [alphabet.index("c"), 0, alphabet.index("中")] + [0] * 8 + [alphabet.index("文")]
    probabilities = np.zeros((1, len(steps), len(alphabet)), dtype=np.float32)
    for t, index in enumerate(steps):
        probabilities[0, t, index] = 1.0
    (line,) = recognition.ctc_decode(probabilities)
    assert line.text == "ab c中文"  # no space between Chinese characters, however far apart


class _ScriptedModels:
    """Stands in for the gateway: one text box, upright, read as the Simplified 规格 (no server here)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    async def infer(self, model: str, tensor: npt.NDArray[np.float32]) -> ModelOutput:
        self.calls.append(model)
        if model == DETECTION_MODEL:
            probability = np.zeros((1, 1, *tensor.shape[2:]), dtype=np.float32)
            probability[0, 0, 20:40, 20:200] = 0.9
            return ModelOutput(probability, "models/det/versions/1")
        if model == DIRECTION_MODEL:
            return ModelOutput(
                np.tile([[0.99, 0.01]], (len(tensor), 1)).astype(np.float32), "models/cls/versions/1"
            )
        alphabet = recognition.characters()
        steps = tensor.shape[-1] // 8
        out = np.zeros((len(tensor), steps, len(alphabet)), dtype=np.float32)
        out[:, :, 0] = 1.0
        for t, char in ((1, "规"), (3, "格")):
            out[:, t, 0] = 0.0
            out[:, t, alphabet.index(char)] = 1.0
        return ModelOutput(out, "models/rec/versions/1")


async def test_the_traditional_hint_converts_what_the_model_read() -> None:
    content = encoded(Image.new("RGB", (400, 120), "white"))
    models = _ScriptedModels()
    extraction = TextExtraction(models)
    plain = await extraction.extract_text(content, "", ["en"])
    hinted = await extraction.extract_text(content, "", ["zh-Hant-TW"])
    assert [line.text for line in plain.pages[0].lines] == ["规格"]
    assert [line.text for line in hinted.pages[0].lines] == ["規格"]
    assert models.calls[:3] == [DETECTION_MODEL, DIRECTION_MODEL, RECOGNITION_MODEL]


def test_the_recognition_output_size_is_the_dictionary_of_the_model() -> None:
    assert len(recognition.characters()) == recognition.CLASSES
