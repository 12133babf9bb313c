"""PDF pages rendered with PDFium, and the limits checked before anything is drawn (no server)."""

from __future__ import annotations

import asyncio
import threading

import numpy as np
import pytest
from PIL import Image

from jipan.servers.document import domain, pdf, source
from jipan.servers.document.source import PageSource, SingleImage, open_source
from jipan.servers.runtime.errors import InvalidArgument
from tests.document.pdf_closes import spy_on_pdf_closes
from tests.document.rendered import TEN_LINES, encoded, page, pdf_of, pdf_with_image


def test_pages_render_at_200_dpi_in_order() -> None:
    first, second = page(TEN_LINES), page(TEN_LINES[:3])
    content = pdf_of(first, second, resolution=100.0)  # 100 px per inch: 9 inches wide
    with pdf.PdfPages(content, max_pages=8) as document:
        assert document.page_count == 2
        rendered = [document.render(0), document.render(1)]
    for drawn, picture in zip(rendered, (first, second), strict=True):
        # PDFium rounds the page's size in points to whole pixels.
        assert abs(drawn.width - 2 * picture.width) <= 1
        assert abs(drawn.height - 2 * picture.height) <= 1
    assert rendered[0].mode == "RGB"
    # The second page is the shorter one, and the ink is where the text was drawn.
    ink = np.asarray(rendered[1].convert("L")) < 128
    assert ink.any()
    assert not ink[: second.height // 4 - 20].any()


def test_a_huge_page_is_drawn_smaller_not_refused() -> None:
    poster = Image.new("RGB", (2000, 2000), "white")
    content = pdf_of(poster, resolution=20.0)  # 100 x 100 inches: 400 Mpixels at 200 dpi
    with pdf.PdfPages(content, max_pages=1) as document:
        width, height = document.render(0).size
    assert width * height <= pdf.MAX_PAGE_PIXELS
    assert width > 4000


def test_an_embedded_image_bomb_is_refused_before_rendering() -> None:
    content = pdf_with_image(100_000, 100_000)
    assert len(content) < 2000
    with pytest.raises(InvalidArgument) as caught:
        pdf.PdfPages(content, max_pages=8)
    assert caught.value.reason == "IMAGE_TOO_LARGE"
    assert caught.value.metadata == {
        "limit_pixels": "50000000",
        "width": "100000",
        "height": "100000",
        "page": "1",
    }


def test_a_small_embedded_image_is_fine() -> None:
    with pdf.PdfPages(pdf_with_image(50, 50, pages=3), max_pages=3) as document:
        assert document.page_count == 3
        assert document.render(2).size == (556, 556)  # 200 pt at 200 dpi


def test_too_many_pages_is_refused_with_the_count() -> None:
    with pytest.raises(InvalidArgument) as caught:
        pdf.PdfPages(pdf_with_image(10, 10, pages=9), max_pages=8)
    assert caught.value.reason == "PAGE_LIMIT_EXCEEDED"
    assert caught.value.metadata == {"pages": "9", "limit_pages": "8"}


@pytest.mark.parametrize("content", [b"%PDF-1.7 and then nothing", b"%PDF-1.4\n" + b"\x00" * 100])
def test_a_damaged_pdf_is_invalid(content: bytes) -> None:
    with pytest.raises(InvalidArgument) as caught:
        open_source(content, "", max_pages=8)
    assert caught.value.reason == "PDF_INVALID"


def test_sources_are_chosen_by_mime_type_or_header() -> None:
    png = encoded(page(("x",)))
    assert isinstance(open_source(png, "", 8), SingleImage)
    assert isinstance(open_source(pdf_of(page(("x",))), "", 8), pdf.PdfPages)
    with pytest.raises(InvalidArgument) as caught:
        open_source(png, "application/pdf", 8)  # a PNG is not a PDF, whatever it is called
    assert caught.value.reason == "PDF_INVALID"
    with pytest.raises(InvalidArgument) as caught:
        open_source(pdf_of(page(("x",))), "image/png", 8)
    assert caught.value.reason == "IMAGE_INVALID"


async def test_a_pdf_opened_for_a_cancelled_request_is_closed_under_the_lock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The request is cancelled while the worker thread opens the PDF: the thread cannot be
    stopped, and what it opens must be closed under PDFium's lock, not by pypdfium2's finalizer
    on whatever thread drops it (no lock: heap corruption if another request renders then)."""
    content = pdf_of(page(TEN_LINES[:1]))
    opening, release = threading.Event(), threading.Event()

    def slow_open(content: bytes, mime_type: str, max_pages: int) -> PageSource:
        opening.set()
        release.wait(10)
        return open_source(content, mime_type, max_pages)

    closes = spy_on_pdf_closes(monkeypatch)
    monkeypatch.setattr(source, "open_source", slow_open)
    monkeypatch.setattr(domain, "open_source", slow_open, raising=False)  # where it was called before
    extraction = domain.TextExtraction(models=None)  # type: ignore[arg-type]  # nothing is read
    request = asyncio.create_task(extraction.extract_text(content, pdf.MIME_TYPE, []))
    assert await asyncio.to_thread(opening.wait, 10)
    request.cancel()
    with pytest.raises(asyncio.CancelledError):
        await request
    release.set()
    assert await asyncio.to_thread(closes.closed.wait, 10), "the PDF was left to the garbage collector"
    assert closes.locked == [True]
