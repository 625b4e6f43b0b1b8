"""Page images for the review page, rendered on demand and cached.

A PDF page is rendered with pypdfium2 (straight to a bitmap, ~13 ms at 300 dpi) at
:data:`DPI`, enough to read a clerk's order number on screen, and PNG-encoded once:
the PNG is cached under ``data_dir/page-cache/`` named by the attachment's SHA-256, the
page and the resolution, so it never goes stale (the source is content-addressed too)
and deleting the folder is always safe. Images are shown as they are when the browser
can display them; TIFF and BMP (and multi-page TIFF frames) are converted to PNG.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import ExtractionError, PdfError

DPI = 110
BROWSER_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp")


def _cache_path(cache_dir: Path, sha256: str, page: int) -> Path:
    return cache_dir / sha256[:2] / f"{sha256}-{page}-{DPI}.png"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def render_pdf_page(data: bytes, page: int) -> bytes:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfError(f"this PDF cannot be displayed: {exc}") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise PdfError(f"this PDF has no page {page}")
        bitmap = pdf[page - 1].render(scale=DPI / 72)
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False, compress_level=3)
        return out.getvalue()
    finally:
        pdf.close()


def render_image_page(data: bytes, page: int) -> bytes:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            im.seek(page - 1)
            frame = ImageOps.exif_transpose(im.convert("RGB"))
            out = io.BytesIO()
            frame.save(out, format="PNG", compress_level=3)
            return out.getvalue()
    except (UnidentifiedImageError, EOFError, OSError) as exc:
        raise ExtractionError(f"this image cannot be displayed (page {page}): {exc}") from exc


def page_png(
    cache_dir: Path, sha256: str, content_type: str, load: Callable[[], bytes], page: int
) -> bytes:
    """The PNG of one page of an attachment (cached; ``load`` reads the file on a miss)."""
    path = _cache_path(cache_dir, sha256, page)
    if path.is_file():
        return path.read_bytes()
    data = load()
    if content_type == "application/pdf":
        png = render_pdf_page(data, page)
    elif content_type.startswith("image/"):
        png = render_image_page(data, page)
    else:
        raise ExtractionError(f"no page image for a {content_type} attachment")
    with contextlib.suppress(OSError):  # a read-only cache only costs speed
        _write_atomic(path, png)
    return png
