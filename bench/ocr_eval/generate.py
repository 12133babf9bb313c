"""Renders the OCR evaluation set: pictures of known zh-TW and English text, and their truth.

    apt-get install fonts-noto-cjk fonts-dejavu-core   # once
    python bench/ocr_eval/generate.py                  # rewrites images/ and truth.json

The pictures are committed (bench/ocr.py reads them; nothing needs the fonts
at bench or test time); this script says how they were made and makes the
same files again (fixed seeds). The text is in lines_zh.txt (110 phrases
from the plan in shared/seed, the 數位產業跨域軟體基盤 plan, plus 10 lines of
an official letter's header: 主旨、說明、發文字號...) and lines_en.txt.

Sets (truth.json "set"):
* clean_zh: black on white, Noto Sans / Serif CJK TC, 20 to 40 px, 5 lines a page.
* degraded_zh: the same kind of pages, each with one or more of: rotation
  (3 to 8 degrees), Gaussian noise, blur, JPEG at quality 30 to 50, grey
  paper and faint ink, speckles, 16 px text, a page turned upside down, and
  a scanned form (ruled table of labels and values, a red seal beside it,
  slight skew, noise).
* vertical_zh: government-style vertical writing, columns read top to bottom,
  right to left (Noto Serif CJK TC); the truth lists the columns in that order.
* en: English lines in Noto Sans CJK TC's Latin and DejaVu Sans / Serif, 18 to 36 px.
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
IMAGES = HERE / "images"
NOTO = Path("/usr/share/fonts/opentype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
TC = 3
"""The face index of Traditional Chinese (TC) in Noto's CJK collections (JP, KR, SC, TC, HK)."""


def cjk(size: int, serif: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSerifCJK-Regular.ttc" if serif else "NotoSansCJK-Regular.ttc"
    return ImageFont.truetype(str(NOTO / name), size, index=TC)


def latin(size: int, face: str) -> ImageFont.FreeTypeFont:
    if face == "noto":
        return cjk(size)
    return ImageFont.truetype(str(DEJAVU / face), size)


def horizontal(
    lines: list[str], font: ImageFont.FreeTypeFont, *, ink: int = 0, paper: int = 255
) -> Image.Image:
    size = int(font.size)
    step = int(size * 1.9)
    width = max(int(font.getlength(line)) for line in lines) + 2 * size
    page = Image.new("L", (width, size + step * len(lines)), paper)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((size, size // 2 + step * i), line, fill=ink, font=font)
    return page


def vertical(columns: list[str], font: ImageFont.FreeTypeFont) -> Image.Image:
    """Columns top to bottom, the first at the right (as official documents are written vertically)."""
    size = int(font.size)
    pitch = int(size * 1.08)
    gap = int(size * 1.9)
    height = max(len(c) for c in columns) * pitch + 2 * size
    page = Image.new("L", (gap * len(columns) + 2 * size, height), 255)
    draw = ImageDraw.Draw(page)
    for i, column in enumerate(columns):
        x = page.width - size - gap * (i + 1) + (gap - size) // 2
        for j, char in enumerate(column):
            left, _, right, _ = font.getbbox(char)
            draw.text((x + (size - (right - left)) // 2 - left, size + j * pitch), char, fill=0, font=font)
    return page


def noise(page: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    pixels = np.asarray(page, dtype=np.float32)
    noisy = pixels + np.random.default_rng(rng.randrange(1 << 30)).normal(0, sigma, pixels.shape)
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def speckles(page: Image.Image, rng: random.Random, share: float) -> Image.Image:
    pixels = np.asarray(page).copy()
    draws = np.random.default_rng(rng.randrange(1 << 30)).random(pixels.shape)
    pixels[draws < share / 2] = 0
    pixels[draws > 1 - share / 2] = 255
    return Image.fromarray(pixels)


def rotated(page: Image.Image, degrees: float) -> Image.Image:
    return page.rotate(degrees, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)


def jpeg(page: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def form(rows: list[tuple[str, str]], rng: random.Random) -> tuple[Image.Image, list[str]]:
    """A ruled two-column form (label | value) with a red seal in the margin; truth: label, then value."""
    size = 26
    font = cjk(size)
    label_w = max(int(font.getlength(label)) for label, _ in rows) + size
    value_w = max(int(font.getlength(value)) for _, value in rows) + size
    row_h = int(size * 2.2)
    left, top = 40, 40
    width = left + label_w + value_w + 200
    page = Image.new("RGB", (width, top * 2 + row_h * len(rows)), (250, 248, 240))
    draw = ImageDraw.Draw(page)
    for i, (label, value) in enumerate(rows):
        y = top + i * row_h
        draw.rectangle((left, y, left + label_w, y + row_h), outline=(40, 40, 40), width=2)
        draw.rectangle(
            (left + label_w, y, left + label_w + value_w, y + row_h), outline=(40, 40, 40), width=2
        )
        draw.text((left + size // 2, y + (row_h - size) // 2 - 4), label, fill=(20, 20, 20), font=font)
        draw.text(
            (left + label_w + size // 2, y + (row_h - size) // 2 - 4), value, fill=(20, 20, 20), font=font
        )
    cx, cy, r = width - 100, top + 80, 60
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 30, 30), width=5)
    seal = cjk(34, serif=True)
    for j, char in enumerate("印信"):
        draw.text((cx - 17, cy - 40 + j * 40), char, fill=(200, 30, 30), font=seal)
    grey = page.convert("L")
    grey = rotated(grey, rng.uniform(-2.0, 2.0))
    grey = noise(grey, rng, 10)
    truth = [part for pair in rows for part in pair]
    return grey, truth


def main() -> None:
    rng = random.Random(2026)
    zh = (HERE / "lines_zh.txt").read_text(encoding="utf-8").splitlines()
    en = (HERE / "lines_en.txt").read_text(encoding="utf-8").splitlines()
    phrases, letter = zh[:110], zh[110:]
    IMAGES.mkdir(exist_ok=True)
    for old in IMAGES.iterdir():
        old.unlink()
    entries: list[dict[str, object]] = []

    def save(
        name: str, page: Image.Image, set_name: str, lines: list[str], how: str, fmt: str = "PNG"
    ) -> None:
        suffix = ".png" if fmt == "PNG" else ".jpg"
        path = IMAGES / f"{name}{suffix}"
        if fmt == "PNG":
            page.save(path, format="PNG", optimize=True)
        else:
            page.save(path, format="JPEG", quality=85)
        entries.append({"file": f"images/{path.name}", "set": set_name, "lines": lines, "how": how})

    # clean_zh: 12 pages of 5 lines (60 of the phrases), sizes 20-40, sans and serif.
    for i in range(12):
        lines = phrases[i * 5 : i * 5 + 5]
        size = (20, 24, 28, 32, 36, 40)[i % 6]
        serif = i % 2 == 1
        page = horizontal(lines, cjk(size, serif))
        save(f"clean_zh_{i:02d}", page, "clean_zh", lines, f"{'serif' if serif else 'sans'} {size} px")

    # degraded_zh: 12 pages from the other 50 phrases and the letter's header.
    pool = phrases[60:110]
    degradations: list[tuple[str, Callable[[Image.Image], Image.Image], int, str]] = [
        ("rotated 4", lambda p: rotated(p, 4), 28, "PNG"),
        ("rotated -7", lambda p: rotated(p, -7), 28, "PNG"),
        ("noise 25", lambda p: noise(p, rng, 25), 28, "PNG"),
        ("blur 1.2 + noise 12", lambda p: noise(p.filter(ImageFilter.GaussianBlur(1.2)), rng, 12), 28, "PNG"),
        ("jpeg q30", lambda p: jpeg(p, 30), 24, "JPEG"),
        ("grey paper, faint ink, jpeg q50", lambda p: jpeg(p, 50), 28, "JPEG"),
        ("speckles 2%", lambda p: speckles(p, rng, 0.02), 28, "PNG"),
        ("16 px", lambda p: p, 16, "PNG"),
        ("upside down", lambda p: p.rotate(180), 28, "PNG"),
        ("rotated 3 + noise 15 + jpeg q40", lambda p: jpeg(noise(rotated(p, 3), rng, 15), 40), 32, "JPEG"),
    ]
    for i, (how, degrade, size, fmt) in enumerate(degradations):
        lines = pool[i * 5 : i * 5 + 5]
        faint = how.startswith("grey paper")
        page = horizontal(
            lines, cjk(size, serif=i % 2 == 1), ink=90 if faint else 0, paper=200 if faint else 255
        )
        save(f"degraded_zh_{i:02d}", degrade(page), "degraded_zh", lines, how, fmt)
    pairs = [tuple(line.split("：", 1)) for line in letter if "：" in line]
    for i, rows in enumerate((pairs[:5], pairs[5:])):
        page, truth = form([(a, b) for a, b in rows], rng)
        save(
            f"degraded_zh_form_{i}",
            page,
            "degraded_zh",
            truth,
            "scanned form: ruled table, red seal, skew, noise",
        )

    # vertical_zh: 6 pages of 4 columns, right to left.
    columns = phrases[:60:2]
    for i in range(6):
        cols = [c[:12] for c in columns[i * 4 : i * 4 + 4]]
        size = (28, 32, 36)[i % 3]
        page = vertical(cols, cjk(size, serif=True))
        if i == 5:
            page = noise(rotated(page, 2), rng, 12)
        save(
            f"vertical_zh_{i:02d}",
            page,
            "vertical_zh",
            cols,
            f"serif {size} px" + (", rotated 2 + noise" if i == 5 else ""),
        )

    # en: 6 pages of 4 lines.
    faces = ("noto", "DejaVuSans.ttf", "DejaVuSerif.ttf")
    for i in range(6):
        lines = [en[(i * 4 + k) % len(en)] for k in range(4)]
        size = (18, 24, 30, 36, 22, 28)[i]
        face = faces[i % 3]
        page = horizontal(lines, latin(size, face))
        if i == 5:
            page = noise(rotated(page, -3), rng, 15)
        save(
            f"en_{i:02d}", page, "en", lines, f"{face} {size} px" + (", rotated -3 + noise" if i == 5 else "")
        )

    # letter.pdf: two of the pictures as the pages of a scanned PDF (README's walkthrough reads it).
    pages = [Image.open(IMAGES / name).convert("RGB") for name in ("clean_zh_00.png", "en_02.png")]
    pages[0].save(HERE / "letter.pdf", format="PDF", resolution=200.0, save_all=True, append_images=pages[1:])

    (HERE / "truth.json").write_text(
        json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    total = sum(path.stat().st_size for path in IMAGES.iterdir())
    print(f"{len(entries)} pictures, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
