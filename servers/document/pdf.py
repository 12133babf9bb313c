"""PDF pages rendered to pictures with PDFium (pypdfium2), with the limits checked first.

PDFium is Chrome's PDF engine; pypdfium2 ships it as a wheel, so nothing is
run outside this process. Everything that can be learnt without drawing is
checked when the document is opened, before a single page is rendered:
the page count (against the method's limit) and the pixel size of every
image embedded on every page, read from the image's dictionary
(FPDFImageObj_GetImagePixelSize decodes nothing). A 1 KiB PDF that embeds a
100,000 x 100,000 Flate image is refused as IMAGE_TOO_LARGE like the same
image sent alone. A page itself is vector data: it is drawn at 200 dpi, or at
less when that would exceed `MAX_PAGE_PIXELS` (a poster-sized page is not
refused, it is drawn smaller).

PDFium is not thread-safe (pypdfium2 says so): every call into it holds one
process-wide lock, so that the worker threads the domain renders in never
overlap inside it.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from jipan.servers.document import image
from jipan.servers.document.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

MIME_TYPE = "application/pdf"
RENDER_DPI = 200
"""Enough for 8-point print (about 22 pixels a line); the detector scales the page to 1 Mpixel anyway."""
MAX_PAGE_PIXELS = 20_000_000
"""An A4 page at 200 dpi is 3.9 Mpixels; A2 is 15.6."""
MAX_EMBEDDED_PIXELS = image.MAX_PIXELS
_PDFIUM = threading.Lock()


def is_pdf(content: bytes) -> bool:
    """The PDF header within the first KiB (where readers look for it)."""
    return b"%PDF-" in content[:1024]


def _invalid(problem: str) -> InvalidArgument:
    return InvalidArgument(
        "PDF_INVALID",
        "the content is not a readable PDF",
        domain=DOMAIN,
        metadata={"problem": problem[:200]},
    )


def _problem(exc: pdfium.PdfiumError) -> str:
    if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return "the PDF is encrypted with a password"
    return str(exc)


@contextmanager
def _pdfium() -> Iterator[None]:
    with _PDFIUM:
        yield


class PdfPages:
    """An opened, checked PDF; `render(i)` draws page i. Close it (or use `with`)."""

    def __init__(self, content: bytes, max_pages: int) -> None:
        with _pdfium():
            try:
                self._document = pdfium.PdfDocument(content)
            except pdfium.PdfiumError as exc:
                raise _invalid(_problem(exc)) from exc
            try:
                self.page_count = len(self._document)
                if self.page_count == 0:
                    raise _invalid("the PDF has no pages")
                if self.page_count > max_pages:
                    raise InvalidArgument(
                        "PAGE_LIMIT_EXCEEDED",
                        f"the PDF has {self.page_count} pages; this method reads at most {max_pages}",
                        domain=DOMAIN,
                        metadata={"pages": str(self.page_count), "limit_pages": str(max_pages)},
                    )
                for index in range(self.page_count):
                    self._check_images(index)
            except BaseException:
                self._document.close()
                raise

    def _check_images(self, index: int) -> None:
        try:
            page = self._document[index]
        except pdfium.PdfiumError as exc:
            raise _invalid(f"page {index + 1}: {exc}") from exc
        try:
            for embedded in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                assert isinstance(embedded, pdfium.PdfImage)
                try:
                    width, height = embedded.get_px_size()
                except pdfium.PdfiumError as exc:
                    raise _invalid(f"page {index + 1}: an embedded image: {exc}") from exc
                if width * height > MAX_EMBEDDED_PIXELS:
                    raise InvalidArgument(
                        "IMAGE_TOO_LARGE",
                        f"page {index + 1} embeds an image of more than {MAX_EMBEDDED_PIXELS} pixels",
                        domain=DOMAIN,
                        metadata={
                            "limit_pixels": str(MAX_EMBEDDED_PIXELS),
                            "width": str(width),
                            "height": str(height),
                            "page": str(index + 1),
                        },
                    )
        finally:
            page.close()

    def render(self, index: int) -> Image.Image:
        """Page `index` (from 0) as RGB at RENDER_DPI, or smaller to stay within MAX_PAGE_PIXELS."""
        with _pdfium():
            page = self._document[index]
            try:
                width, height = page.get_size()  # points (1/72 in), the page's rotation applied
                scale = RENDER_DPI / 72
                if width * height * scale * scale > MAX_PAGE_PIXELS:
                    scale = math.sqrt(MAX_PAGE_PIXELS / (width * height))
                    # PDFium rounds each side up to whole pixels.
                    while math.ceil(width * scale) * math.ceil(height * scale) > MAX_PAGE_PIXELS:
                        scale *= 0.999
                try:
                    bitmap = page.render(scale=scale, may_draw_forms=False)
                except pdfium.PdfiumError as exc:
                    raise _invalid(f"page {index + 1}: {exc}") from exc
                try:
                    picture: Image.Image = bitmap.to_pil().convert("RGB")
                    return picture
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        with _pdfium():
            self._document.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
