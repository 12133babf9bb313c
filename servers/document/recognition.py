"""Text-line recognition around PP-OCRv5 rec: crops, the model's input batches, CTC decoding.

Lines are cut out of the page along their detected quadrilateral (a
perspective crop, as rapidocr's get_rotate_crop_image), scaled to height 48
and batched by width so that little padding is sent. A batch is bounded by
what the gateway may carry back: the model answers 18385 probabilities per
8 input columns, so the output, not the input, decides the batch size.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image

from jipan.servers.document.detection import Quad

HEIGHT = 48
MIN_WIDTH = 320
"""rapidocr pads every batch to at least its rec_img_shape width."""
MAX_WIDTH = 1280
"""Lines wider than about 27:1 are squeezed: the output of one such line is 161 steps x 18385
classes x 4 bytes, 11.3 MiB, nearly all one gateway message may carry."""
CLASSES = 18385
"""PP-OCRv5's: blank, 18383 characters, space (checked against the model's dictionary in tests)."""
MAX_OUTPUT_BYTES = 12 * 1024 * 1024
"""Per gateway call, under the 16 MiB message limit."""
MAX_BATCH = 16
"""The registry's max_batch_size for ocr-text-recognition."""
SPACE_GAP_STEPS = 6
"""Emissions this many steps apart (a gap of about one line height) are two words; see ctc_decode."""
MIN_CONFIDENCE = 0.5
"""rapidocr's text_score: lines read with less mean confidence are dropped."""
DIRECTION_BATCH = 32
"""The registry's max_batch_size for ocr-text-direction."""
UPSIDE_DOWN_SCORE = 0.9
"""rapidocr's cls_thresh: a line is turned only when the classifier is this sure it is upside down."""


@functools.cache
def characters() -> tuple[str, ...]:
    """The CTC classes of the shipped model: blank, the dictionary stored in the ONNX file, space."""
    from jipan.servers.inference.builtin.ocr import rec_characters

    return tuple(rec_characters())


TALL = 1.5
"""A line box this many times taller than wide is a column (or a line of a page turned sideways)."""


def _extent(quad: Quad) -> tuple[int, int]:
    width = max(1, round(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))))
    height = max(1, round(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))))
    return width, height


def is_tall(quad: Quad) -> bool:
    """Whether crop() turns the line a quarter counter-clockwise to read it."""
    width, height = _extent(quad)
    return height / width >= TALL


def crop(page: Image.Image, quad: Quad) -> Image.Image:
    """The line's quadrilateral straightened to a rectangle; tall crops turned to read left to right."""
    width, height = _extent(quad)
    # QUAD: the source corners upper-left, lower-left, lower-right, upper-right.
    source = (*quad[0], *quad[3], *quad[2], *quad[1])
    line = page.transform(
        (width, height), Image.Transform.QUAD, tuple(float(v) for v in source), Image.Resampling.BICUBIC
    )
    if height / width >= TALL:
        line = line.transpose(Image.Transpose.ROTATE_90)
    return line


def _scaled_width(line: Image.Image) -> int:
    width, height = line.size
    return min(MAX_WIDTH, max(1, math.ceil(HEIGHT * width / height)))


@dataclass(frozen=True, slots=True)
class RecognitionBatch:
    indices: tuple[int, ...]
    """Which lines (positions in the list given to `batches`) the tensor holds, in order."""
    tensor: npt.NDArray[np.float32]
    """(n, 3, 48, W): BGR, [-1, 1], each line left-aligned and zero-padded to W."""


def _tensor(lines: Sequence[Image.Image], width: int) -> npt.NDArray[np.float32]:
    out = np.zeros((len(lines), 3, HEIGHT, width), dtype=np.float32)
    for i, line in enumerate(lines):
        scaled = _scaled_width(line)
        resized = line.resize((scaled, HEIGHT), Image.Resampling.BILINEAR)
        pixels = np.asarray(resized, dtype=np.float32)[:, :, ::-1]
        out[i, :, :, :scaled] = (pixels.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
    return out


def batches(lines: Sequence[Image.Image]) -> list[RecognitionBatch]:
    """The lines grouped by width (narrow first), each group small enough for one gateway call."""
    order = sorted(range(len(lines)), key=lambda i: _scaled_width(lines[i]))
    groups: list[list[int]] = []
    for i in order:
        width = max(MIN_WIDTH, _scaled_width(lines[i]))
        if groups:
            group = groups[-1]
            padded = max(width, *(max(MIN_WIDTH, _scaled_width(lines[j])) for j in group))
            output_bytes = (len(group) + 1) * (padded // 8 + 1) * CLASSES * 4
            if len(group) < MAX_BATCH and output_bytes <= MAX_OUTPUT_BYTES:
                group.append(i)
                continue
        groups.append([i])
    result = []
    for group in groups:
        width = max(MIN_WIDTH, *(_scaled_width(lines[j]) for j in group))
        result.append(RecognitionBatch(tuple(group), _tensor([lines[j] for j in group], width)))
    return result


def direction_batches(lines: Sequence[Image.Image]) -> list[RecognitionBatch]:
    """The lines as the direction classifier's input, (n, 3, 48, 192), at most DIRECTION_BATCH a call."""
    from jipan.servers.inference.builtin.ocr import cls_input

    result = []
    for start in range(0, len(lines), DIRECTION_BATCH):
        chunk = range(start, min(len(lines), start + DIRECTION_BATCH))
        tensor = np.stack([cls_input(lines[i]) for i in chunk]).astype(np.float32)
        result.append(RecognitionBatch(tuple(chunk), tensor))
    return result


def upside_down(probabilities: npt.NDArray[np.float32]) -> list[bool]:
    """Per line of a classifier output (n, 2) [upright, upside down]: whether to turn it."""
    return [bool(p[1] > UPSIDE_DOWN_SCORE) for p in probabilities]


@dataclass(frozen=True, slots=True)
class ReadLine:
    text: str
    confidence: float


def ctc_decode(probabilities: npt.NDArray[np.float32]) -> list[ReadLine]:
    """Greedy CTC over (n, steps, classes): arg-max per step, repeats collapsed, blanks dropped.

    The model, trained mostly on Chinese, often emits no space between Latin
    words. Each step covers 8 columns of the 48-high line, so the distance
    between two emissions measures the gap on the page: two ASCII characters
    emitted `SPACE_GAP_STEPS` or more steps apart get a space between them.
    On the rendered English set (DejaVu, 16 pages) this takes the character
    error rate counting spaces from 5.2 % to 2.7 %; on 6 of its pages it put a
    space where none belongs between 2 of 670 character pairs.
    """
    alphabet = characters()
    best = probabilities.argmax(axis=-1)
    scores = probabilities.max(axis=-1)
    lines = []
    for indices, confidences in zip(best, scores, strict=True):
        keep = np.ones(len(indices), dtype=bool)
        keep[1:] = indices[1:] != indices[:-1]
        keep &= indices != 0
        text: list[str] = []
        previous_step = -1
        for step in np.flatnonzero(keep):
            index = int(indices[step])
            char = alphabet[index] if index < len(alphabet) else ""
            if (
                text
                and step - previous_step >= SPACE_GAP_STEPS
                and char.isascii()
                and char != " "
                and text[-1].isascii()
                and text[-1] != " "
            ):
                text.append(" ")
            text.append(char)
            previous_step = int(step)
        confidence = float(confidences[keep].mean()) if keep.any() else 0.0
        lines.append(ReadLine("".join(text), confidence))
    return lines
