"""ExtractText: decode, detect, crop, recognise, order; every model call through the gateway.

The pixel work (decoding, resizing, box extraction, CTC) runs in worker
threads: the event loop it would otherwise block also serves the gateway
and every other service of the server.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
from PIL import Image

from jipan.servers.document import detection, image, recognition
from jipan.servers.document.gateway import DETECTION_MODEL, RECOGNITION_MODEL, ModelOutput
from jipan.servers.document.names import DOMAIN
from jipan.servers.document.reading_order import reading_order
from jipan.servers.runtime.errors import InvalidArgument

READ_LANGUAGES = ("zh", "en")
"""Primary subtags the PP-OCRv4 models read (Chinese in either script, English)."""
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class OcrModels(Protocol):
    async def infer(self, model: str, tensor: npt.NDArray[np.float32]) -> ModelOutput: ...


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    polygon: tuple[tuple[int, int], ...]
    """Four corners in page pixels: top-left, top-right, bottom-right, bottom-left."""
    confidence: float
    reading_order: int


@dataclass(frozen=True, slots=True)
class PageText:
    width: int
    height: int
    lines: tuple[TextLine, ...]


@dataclass(frozen=True, slots=True)
class ExtractedText:
    pages: tuple[PageText, ...]
    models: tuple[str, ...]


def check_languages(languages: Sequence[str]) -> None:
    for language in languages:
        if _BCP47.match(language) is None or language.split("-", 1)[0].lower() not in READ_LANGUAGES:
            raise InvalidArgument(
                "LANGUAGE_UNSUPPORTED",
                f"the OCR models read {', '.join(READ_LANGUAGES)} (BCP 47 tags such as zh-TW, en)",
                domain=DOMAIN,
                metadata={"language": language[:50]},
            )


class TextExtraction:
    def __init__(self, models: OcrModels) -> None:
        self._models = models

    async def extract_text(self, content: bytes, mime_type: str, languages: Sequence[str]) -> ExtractedText:
        check_languages(languages)
        page = await asyncio.to_thread(image.decode, content, mime_type)
        prepared = await asyncio.to_thread(detection.detection_input, page)
        detected = await self._models.infer(DETECTION_MODEL, prepared.tensor)
        boxes = await asyncio.to_thread(detection.text_boxes, detected.tensor, prepared.page_size)
        models = [detected.version]
        lines: list[TextLine] = []
        if boxes:
            order = reading_order(boxes)
            ordered = [boxes[i] for i in order]
            crops = await asyncio.to_thread(_crops, page, ordered)
            read = await self._recognise(crops, models)
            for box, line in zip(ordered, read, strict=True):
                if line.text.strip() and line.confidence >= recognition.MIN_CONFIDENCE:
                    polygon = tuple((int(x), int(y)) for x, y in box)
                    lines.append(TextLine(line.text, polygon, line.confidence, len(lines)))
        width, height = page.size
        return ExtractedText((PageText(width, height, tuple(lines)),), tuple(dict.fromkeys(models)))

    async def _recognise(self, crops: list[Image.Image], models: list[str]) -> list[recognition.ReadLine]:
        batches = await asyncio.to_thread(recognition.batches, crops)
        outputs = await asyncio.gather(
            *(self._models.infer(RECOGNITION_MODEL, batch.tensor) for batch in batches)
        )
        read: list[recognition.ReadLine | None] = [None] * len(crops)
        for batch, output in zip(batches, outputs, strict=True):
            models.append(output.version)
            for index, line in zip(batch.indices, recognition.ctc_decode(output.tensor), strict=True):
                read[index] = line
        return [line if line is not None else recognition.ReadLine("", 0.0) for line in read]


def _crops(page: Image.Image, boxes: Sequence[detection.Quad]) -> list[Image.Image]:
    return [recognition.crop(page, box) for box in boxes]
