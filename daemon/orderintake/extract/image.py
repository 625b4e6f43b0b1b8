"""Images (JPEG, PNG, TIFF with several pages, BMP, GIF, WebP) → OCRed pages.

Pillow reads them; the camera's EXIF orientation is applied first (a phone photo of an
order is often stored sideways with a "rotate 90°" tag). The pixel count is checked
against ``max_image_pixels`` from the header, before anything is decoded, so a
decompression bomb costs nothing. Resolution comes from the file when it says one;
otherwise the image is taken to be an A4 page and the resolution is derived from its
long side (3508 pixels → 300 dpi).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from io import BytesIO
from typing import Any

from ..errors import ImageError, IntakeError
from ..model import Page
from .options import ExtractOptions

#: A4's long side in inches, to guess a resolution the file does not state.
A4_LONG_INCHES = 297 / 25.4
MIN_DPI, MAX_DPI = 72, 1200


def guess_dpi(size: tuple[int, int], info: Mapping[Any, Any]) -> int:
    """The file's own resolution when plausible, else the one that makes it an A4 page."""
    dpi = info.get("dpi")
    if isinstance(dpi, tuple) and dpi and dpi[0]:
        try:
            value = round(float(dpi[0]))
        except (TypeError, ValueError):
            value = 0
        if MIN_DPI <= value <= MAX_DPI:
            return value
    derived = round(max(size) / A4_LONG_INCHES)
    return min(MAX_DPI, max(MIN_DPI, derived))


#: Pillow modes that hold colour (a palette may too): the frame is kept in colour as well.
_COLOUR_MODES = frozenset({"RGB", "RGBA", "RGBX", "P", "PA", "CMYK", "YCbCr", "LAB", "HSV"})


def _frames(data: bytes, max_pixels: int) -> Iterator[tuple[Any, int, Any]]:
    """(grey numpy array, dpi, RGB array or None) for each frame, decoded one at a time;
    the colour array only for a colour frame (coloured marks are read through, marks.py)."""
    import numpy as np
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ImageError(_too_large(None, max_pixels)) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ImageError(f"the image cannot be read ({exc})") from exc
    with img:
        for index, frame in enumerate(ImageSequence.Iterator(img)):
            w, h = frame.size
            if w * h > max_pixels:
                raise ImageError(_too_large((w, h), max_pixels))
            try:
                dpi = guess_dpi((w, h), frame.info)
                upright = ImageOps.exif_transpose(frame)
                grey = upright.convert("L")
                grey.load()
                colour = upright.convert("RGB") if upright.mode in _COLOUR_MODES else None
            except (OSError, ValueError, SyntaxError) as exc:
                detail = "damaged or incomplete" if "truncated" in str(exc) else str(exc)
                raise ImageError(f"image page {index + 1} cannot be read ({detail})") from exc
            yield np.asarray(grey), dpi, (np.asarray(colour) if colour is not None else None)


def _too_large(size: tuple[int, int] | None, max_pixels: int) -> str:
    dims = f" ({size[0]}×{size[1]} pixels)" if size else ""
    return (
        f"the image is too large to read safely{dims}: the limit is "
        f"{max_pixels / 1e6:g} million pixels"
    )


def read_image(data: bytes, options: ExtractOptions) -> tuple[Page, ...]:
    """Every frame of the image, OCRed in order."""
    from .ocr import ocr_page

    pages: list[Page] = []
    try:
        for index, (gray, dpi, colour) in enumerate(_frames(data, options.max_image_pixels)):
            pages.append(ocr_page(gray, dpi, index + 1, options, colour))
    except IntakeError:
        raise
    except Exception as exc:  # Pillow raises assorted errors on damaged files
        raise ImageError(f"the image cannot be read ({type(exc).__name__}: {exc})") from exc
    return tuple(pages)
