"""What a request's content is: one image, or the pages of a PDF; either way, pages to render in turn."""

from __future__ import annotations

import asyncio
from typing import Protocol

from PIL import Image

from jipan.servers.document import image, pdf
from jipan.servers.runtime.owned import OwnedTasks


class PageSource(Protocol):
    page_count: int

    def render(self, index: int) -> Image.Image: ...

    def close(self) -> None: ...


class SingleImage:
    """An image, decoded (and its limits checked) when it is opened."""

    page_count = 1

    def __init__(self, content: bytes, mime_type: str) -> None:
        self._picture = image.decode(content, mime_type)

    def render(self, index: int) -> Image.Image:
        if index != 0:
            raise IndexError(index)
        return self._picture

    def close(self) -> None:
        self._picture.close()


def _normalised(mime_type: str) -> str:
    return mime_type.split(";", 1)[0].strip().lower()


def open_source(content: bytes, mime_type: str, max_pages: int) -> PageSource:
    """The content as pages; INVALID_ARGUMENT (IMAGE_*, PDF_INVALID, PAGE_LIMIT_EXCEEDED) if unreadable."""
    kind = _normalised(mime_type)
    if kind == pdf.MIME_TYPE or (not kind and pdf.is_pdf(content)):
        return pdf.PdfPages(content, max_pages)
    return SingleImage(content, mime_type)


_opening = OwnedTasks("document: opening a source")
_closing = OwnedTasks("document: closing a source its caller left")
"""Closes of sources whose caller went away while they were opened (kept until they end)."""


async def opened(content: bytes, mime_type: str, max_pages: int) -> PageSource:
    """open_source in a worker thread.

    A caller cancelled meanwhile does not stop the thread: what it opens then is closed, in a
    worker thread and so under PDFium's lock, once it is open. Left to the garbage collector, a
    PDF would be closed by pypdfium2's finalizer on whatever thread dropped it, without the lock,
    maybe while another request renders."""
    opening = _opening.spawn(asyncio.to_thread(open_source, content, mime_type, max_pages))
    try:
        return await _opening.wait(opening)
    except asyncio.CancelledError:
        opening.add_done_callback(_close_unwanted)
        raise


def _close_unwanted(opening: asyncio.Task[PageSource]) -> None:
    if opening.cancelled() or opening.exception() is not None:
        return
    _closing.spawn(asyncio.to_thread(opening.result().close))
