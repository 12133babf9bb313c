"""English text lines rendered with DejaVu fonts, and the character error rate against them.

This machine has DejaVu but no CJK font (zh-TW pages wait for Debian's
fonts-noto-cjk), so the rendered set is English, digits and punctuation.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
TEN_LINES = (
    "Invoice 2026-0412 Taipei City",
    "Total amount: NT$ 12,345.00",
    "Delivery to warehouse 7, floor 3",
    "Contract No. 113-A-0042",
    "Supplier: Hsinchu Optics Ltd.",
    "Quantity 250 units at 49.90",
    "Tax 5% included",
    "Paid by bank transfer",
    "Branch code 0012 account 99812",
    "Thank you for your order",
)


def font(size: int, face: str = "DejaVuSans.ttf") -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / face), size)


def page(
    lines: tuple[str, ...], size: int = 28, face: str = "DejaVuSans.ttf", width: int = 900
) -> Image.Image:
    step = int(size * 1.8)
    image = Image.new("RGB", (width, 2 * size + step * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(lines):
        draw.text((40, size + step * i), text, fill="black", font=font(size, face))
    return image


def encoded(image: Image.Image, format: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def character_error_rate(expected: list[str], read: list[str], *, spaces: bool = True) -> float:
    """Edit distance over the reference length, summed over lines paired in order."""

    def norm(text: str) -> str:
        return text if spaces else text.replace(" ", "")

    errors = sum(edit_distance(norm(e), norm(r)) for e, r in zip(expected, read, strict=False))
    errors += sum(len(norm(e)) for e in expected[len(read) :])
    return errors / max(1, sum(len(norm(e)) for e in expected))


def pdf_of(*pages: Image.Image, resolution: float = 100.0) -> bytes:
    """The pictures as the pages of a PDF (as a scanner writes one: an image per page), by Pillow."""
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", resolution=resolution, save_all=True, append_images=list(pages[1:]))
    return buffer.getvalue()


def pdf_with_image(width: int, height: int, pages: int = 1) -> bytes:
    """A hand-made PDF whose pages draw one grey image that claims width x height pixels and holds
    1000 zero bytes (Flate): a decompression-bomb probe when the size is large."""
    data = zlib.compress(b"\0" * 1000)
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    image = 3 + pages
    contents = image + 1
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        *(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im0 {image} 0 R"
            f" >> >> /Contents {contents} 0 R >>".encode()
            for _ in range(pages)
        ),
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
        + data
        + b"\nendstream",
        b"<< /Length 30 >>\nstream\nq 200 0 0 200 0 0 cm /Im0 Do Q\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
