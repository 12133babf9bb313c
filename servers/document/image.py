"""Decoding the caller's bytes into an upright RGB picture, refusing bombs.

Pillow reads only the header when it opens an image, so the pixel count is
checked before a single pixel is decompressed: a 40-byte PNG that claims
100000x100000 pixels is refused without allocating anything. Pillow's own
`DecompressionBombError` (raised at twice its global `MAX_IMAGE_PIXELS`) is
caught too, but the limit that matters is the explicit one here, so that no
process-wide setting is changed for the other services of the server.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageOps

from jipan.servers.document.names import DOMAIN
from jipan.servers.runtime.errors import InvalidArgument

MAX_PIXELS = 50_000_000
"""A4 at 600 dpi is 35 megapixels; decoding 50 takes 150 MB of RGB."""

FORMATS: dict[str, str] = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/tiff": "TIFF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
}
"""The media types read, and Pillow's name for each (nothing else is ever tried)."""


def _invalid(problem: str) -> InvalidArgument:
    return InvalidArgument(
        "IMAGE_INVALID",
        "the content is not a readable PNG, JPEG, TIFF, WebP or BMP image",
        domain=DOMAIN,
        metadata={"problem": problem[:200]},
    )


def _too_large(width: int | None, height: int | None) -> InvalidArgument:
    metadata = {"limit_pixels": str(MAX_PIXELS)}
    if width is not None and height is not None:
        metadata |= {"width": str(width), "height": str(height)}
    return InvalidArgument(
        "IMAGE_TOO_LARGE",
        f"the image has more than {MAX_PIXELS} pixels",
        domain=DOMAIN,
        metadata=metadata,
    )


def formats_for(mime_type: str) -> list[str]:
    """Pillow format names to try: the one `mime_type` names, or all of them."""
    if not mime_type:
        return list(FORMATS.values())
    normalised = mime_type.split(";", 1)[0].strip().lower()
    if normalised not in FORMATS:
        raise InvalidArgument(
            "MIME_TYPE_UNSUPPORTED",
            f"mime_type must be application/pdf or one of {', '.join(FORMATS)}",
            domain=DOMAIN,
            metadata={"mime_type": mime_type[:100]},
        )
    return [FORMATS[normalised]]


def decode(content: bytes, mime_type: str = "") -> Image.Image:
    """The first frame as RGB, EXIF orientation applied, transparency flattened onto white."""
    formats = formats_for(mime_type)
    if not content:
        raise _invalid("empty content")
    try:
        with warnings.catch_warnings():
            # Pillow warns above MAX_IMAGE_PIXELS; the explicit limit below decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(content), formats=formats)
    except Image.DecompressionBombError as exc:
        raise _too_large(None, None) from exc  # Pillow does not say the size
    except Exception as exc:  # Pillow raises many types (OSError, SyntaxError, ValueError...)
        raise _invalid(f"{type(exc).__name__}: {exc}") from exc
    with opened:
        width, height = opened.size
        if width <= 0 or height <= 0:
            raise _invalid("the image has no pixels")
        if width * height > MAX_PIXELS:
            raise _too_large(width, height)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                opened.load()
                upright = ImageOps.exif_transpose(opened)
                return _rgb(upright)
        except Image.DecompressionBombError as exc:
            raise _too_large(width, height) from exc
        except InvalidArgument:
            raise
        except Exception as exc:
            raise _invalid(f"{type(exc).__name__}: {exc}") from exc


def _rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        # 16-bit and float greys: stretched to 8 bits instead of clipped at 255.
        pixels = np.asarray(image.convert("F"), dtype=np.float32)
        low, high = float(pixels.min()), float(pixels.max())
        scaled = (pixels - low) * (255.0 / (high - low)) if high > low else np.zeros_like(pixels)
        image = Image.fromarray(scaled.astype(np.uint8))
    return image.convert("RGB")
