"""A spy on pypdfium2's PdfDocument.close, for the tests that a PDF opened for a request which
goes away is still closed, and closed under PDFium's lock."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pytest

from jipan.servers.document import pdf


@dataclass
class PdfCloses:
    """`locked`: for each close, whether PDFium's lock was held; `closed`: set once one returned."""

    closed: threading.Event = field(default_factory=threading.Event)
    locked: list[bool] = field(default_factory=list)


def spy_on_pdf_closes(monkeypatch: pytest.MonkeyPatch) -> PdfCloses:
    closes = PdfCloses()
    close = pdfium.PdfDocument.close

    def spied_close(document: pdfium.PdfDocument, *args: Any, **kwargs: Any) -> Any:
        closes.locked.append(pdf._PDFIUM.locked())
        try:
            return close(document, *args, **kwargs)
        finally:
            closes.closed.set()

    monkeypatch.setattr(pdfium.PdfDocument, "close", spied_close)
    return closes
