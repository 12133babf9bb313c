"""ExtractText: decode (or render a PDF's pages), detect, crop, recognise, order; every model call
through the gateway.

The pixel work (decoding, resizing, box extraction, CTC) runs in worker
threads: the event loop it would otherwise block also serves the gateway
and every other service of the server.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import numpy as np
import numpy.typing as npt
from PIL import Image

from jipan.servers.document import detection, recognition, script
from jipan.servers.document.gateway import DETECTION_MODEL, DIRECTION_MODEL, RECOGNITION_MODEL, ModelOutput
from jipan.servers.document.names import DOMAIN
from jipan.servers.document.reading_order import reading_order
from jipan.servers.document.source import PageSource, opened
from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.operations import OperationError

READ_LANGUAGES = ("zh", "en")
"""Primary subtags the PP-OCR models read (Chinese in either script, English)."""
MAX_PAGES = 8
"""The pages ExtractText reads in one call; longer PDFs go to ExtractDocumentText."""
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


@dataclass(frozen=True, slots=True)
class Operation:
    """A text extraction running in the background (AIP-151)."""

    id: str
    requester: str
    requester_org: str
    pages_done: int
    pages_total: int
    done: bool
    result: ExtractedText | None
    error: OperationError | None
    create_time: datetime
    update_time: datetime
    end_time: datetime | None


def check_languages(languages: Sequence[str]) -> None:
    for language in languages:
        if _BCP47.match(language) is None or language.split("-", 1)[0].lower() not in READ_LANGUAGES:
            raise InvalidArgument(
                "LANGUAGE_UNSUPPORTED",
                f"the OCR models read {', '.join(READ_LANGUAGES)} (BCP 47 tags such as zh-TW, en)",
                domain=DOMAIN,
                metadata={"language": language[:50]},
            )


@dataclass(frozen=True, slots=True)
class _Reading:
    lines: tuple[TextLine, ...]
    boxes: int
    """Line boxes detected."""
    turned: int
    """Of them, those the direction classifier found upside down."""
    tall: int
    """Of them, boxes taller than wide (crop() turns them a quarter counter-clockwise)."""
    tall_turned: int
    """Of the tall ones, those the direction classifier found upside down after that turn."""

    @property
    def score(self) -> float:
        """How much text was read, and how surely: characters weighted by confidence."""
        return sum(len(line.text.strip()) * line.confidence for line in self.lines)


class TextExtraction:
    def __init__(self, models: OcrModels) -> None:
        self._models = models

    async def extract_text(self, content: bytes, mime_type: str, languages: Sequence[str]) -> ExtractedText:
        check_languages(languages)
        source = await opened(content, mime_type, MAX_PAGES)
        try:
            return await self.read_pages(source, languages)
        finally:
            await asyncio.to_thread(source.close)

    async def read_pages(
        self,
        source: PageSource,
        languages: Sequence[str],
        on_page: Callable[[int], Awaitable[None]] | None = None,
    ) -> ExtractedText:
        """Every page of `source` in turn; `on_page(pages_done)` after each."""
        traditional = script.wants_traditional(languages)
        pages: list[PageText] = []
        models: list[str] = []
        for index in range(source.page_count):
            picture = await asyncio.to_thread(source.render, index)
            pages.append(await self.read_page(picture, models, traditional=traditional))
            if on_page is not None:
                await on_page(index + 1)
        return ExtractedText(tuple(pages), tuple(dict.fromkeys(models)))

    async def read_page(self, page: Image.Image, models: list[str], *, traditional: bool = False) -> PageText:
        """The lines of one page; the model versions used are appended to `models`.

        `traditional`: what the model read is converted to Traditional characters (script.py).

        A page scanned sideways (turned 90° either way) has mostly tall line boxes, as a page
        of vertical Chinese has. Then the page is also read turned upright (the way the
        direction classifier points: crops it finds upside down after crop()'s quarter turn
        come from a page turned counter-clockwise), and the reading with more text read, and
        read more surely, is kept: sideways text read upright, vertical columns as they
        are. The kept reading's polygons are on the picture as sent, their first corner the
        text's top-left.
        """
        width, height = page.size
        first = await self._read(page, models, traditional)
        if first.tall * 2 <= first.boxes:
            return PageText(width, height, first.lines)
        # Turned upright: a counter-clockwise page turns clockwise, and the other way round.
        counter_clockwise = first.tall_turned * 2 > first.tall
        turn = Image.Transpose.ROTATE_270 if counter_clockwise else Image.Transpose.ROTATE_90
        upright = await asyncio.to_thread(page.transpose, turn)
        second = await self._read(upright, models, traditional)
        if second.turned * 2 > second.boxes:
            # The classifier was unsure on the quarter-turned crops and the turn went the wrong
            # way: the page read upside down. Turned the other way it reads upright.
            counter_clockwise = not counter_clockwise
            turn = Image.Transpose.ROTATE_270 if counter_clockwise else Image.Transpose.ROTATE_90
            upright = await asyncio.to_thread(page.transpose, turn)
            second = await self._read(upright, models, traditional)
        if second.score <= first.score:
            return PageText(width, height, first.lines)

        def back(x: int, y: int) -> tuple[int, int]:
            """A point of the upright page on the picture as sent."""
            return (y, height - 1 - x) if counter_clockwise else (width - 1 - y, x)

        lines = tuple(
            TextLine(
                line.text, tuple(back(x, y) for x, y in line.polygon), line.confidence, line.reading_order
            )
            for line in second.lines
        )
        return PageText(width, height, lines)

    async def _read(self, page: Image.Image, models: list[str], traditional: bool) -> _Reading:
        """Detect, crop, turn upside-down lines, recognise and order: one reading of `page`."""
        prepared = await asyncio.to_thread(detection.detection_input, page)
        detected = await self._models.infer(DETECTION_MODEL, prepared.tensor)
        boxes = await asyncio.to_thread(detection.text_boxes, detected.tensor, prepared.page_size)
        models.append(detected.version)
        lines: list[TextLine] = []
        if not boxes:
            return _Reading((), 0, 0, 0, 0)
        crops = await asyncio.to_thread(_crops, page, boxes)
        tall = [recognition.is_tall(box) for box in boxes]
        turned = await self._directions(crops, models)
        crops = [c.rotate(180) if flip else c for c, flip in zip(crops, turned, strict=True)]
        # A line read upside down starts at its box's bottom-right corner.
        oriented = [np.roll(b, -2, axis=0) if flip else b for b, flip in zip(boxes, turned, strict=True)]
        if sum(turned) * 2 > len(turned):
            # The page itself is upside down: order the lines as on the page turned upright.
            width, height = page.size
            order = reading_order([np.array([width - 1, height - 1]) - b for b in oriented])
        else:
            order = reading_order(boxes)
        read = await self._recognise([crops[i] for i in order], models)
        for i, line in zip(order, read, strict=True):
            if line.text.strip() and line.confidence >= recognition.MIN_CONFIDENCE:
                polygon = tuple((int(x), int(y)) for x, y in oriented[i])
                text = script.to_traditional(line.text) if traditional else line.text
                lines.append(TextLine(text, polygon, line.confidence, len(lines)))
        return _Reading(
            tuple(lines),
            boxes=len(boxes),
            turned=sum(turned),
            tall=sum(tall),
            tall_turned=sum(1 for t, flip in zip(tall, turned, strict=True) if t and flip),
        )

    async def _directions(self, crops: list[Image.Image], models: list[str]) -> list[bool]:
        """Which crops are upside down, by the direction classifier."""
        batches = await asyncio.to_thread(recognition.direction_batches, crops)
        outputs = await asyncio.gather(*(self._models.infer(DIRECTION_MODEL, b.tensor) for b in batches))
        turned = [False] * len(crops)
        for batch, output in zip(batches, outputs, strict=True):
            models.append(output.version)
            for index, flip in zip(batch.indices, recognition.upside_down(output.tensor), strict=True):
                turned[index] = flip
        return turned

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
