"""Turning a generated PDF into a "scan": render, degrade, save as image formats.

Pages are rendered with pypdfium2 at 200–300 dpi, then degraded the way office scanners
and fax machines do: a small rotation, lower contrast, slight blur, noise, specks, JPEG
artefacts. Every random choice comes from the document's own seeded generator, so the
same corpus comes out on every machine.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import time
from dataclasses import dataclass

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

FIXED_TIME = time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0))


@dataclass(frozen=True)
class Degradation:
    """What happened to a page; recorded so tests and docs can speak of it."""

    dpi: int
    angle: float
    blur: float
    noise: float
    specks: int
    contrast: float
    jpeg_quality: int | None


def choose(rng: random.Random, *, dpi: int | None = None) -> Degradation:
    sign = rng.choice([-1, 1])
    return Degradation(
        dpi=dpi or rng.choice([200, 200, 240, 300, 300]),
        angle=round(sign * rng.uniform(0.3, 2.5), 2),
        blur=rng.choice([0.0, 0.5, 0.7, 0.9]),
        noise=rng.choice([3.0, 5.0, 8.0, 11.0]),
        specks=rng.randint(20, 400),
        contrast=rng.choice([1.0, 1.0, 0.85, 0.7]),
        jpeg_quality=rng.choice([None, 55, 40, 70]),
    )


def render(pdf_bytes: bytes, dpi: int, pages: list[int] | None = None) -> list[np.ndarray]:
    """Grey uint8 arrays of the PDF's pages at ``dpi``."""
    pdf = pdfium.PdfDocument(pdf_bytes)
    try:
        out = []
        for i in pages if pages is not None else range(len(pdf)):
            bitmap = pdf[i].render(scale=dpi / 72, grayscale=True)
            arr = np.array(bitmap.to_numpy(), copy=True)
            out.append(arr[:, :, 0] if arr.ndim == 3 else arr)
        return out
    finally:
        pdf.close()


def degrade(img: np.ndarray, d: Degradation, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), d.angle, 1.0)
    out = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(255,))
    if d.blur:
        out = cv2.GaussianBlur(out, (0, 0), d.blur)
    f = out.astype(np.float32)
    if d.contrast < 1:
        f = 255 - (255 - f) * d.contrast  # washed-out ink, paper stays white
        f -= 12 * (1 - d.contrast) * 2  # greyish paper
    f += rng.standard_normal(f.shape, dtype=np.float32) * d.noise
    ys = rng.integers(0, h, d.specks)
    xs = rng.integers(0, w, d.specks)
    for y, x, r in zip(ys, xs, rng.integers(1, 4, d.specks), strict=True):
        cv2.circle(f, (int(x), int(y)), int(r), (float(rng.integers(0, 90)),), -1)
    out = np.clip(f, 0, 255).astype(np.uint8)
    if d.jpeg_quality:
        ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, d.jpeg_quality])
        assert ok
        decoded = cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)
        assert decoded is not None
        out = decoded
    return out


def to_pdf(pages: list[np.ndarray], dpi: int) -> bytes:
    """An image-only PDF (JPEG streams), one image per page, fixed dates for stable bytes."""
    ims = [Image.fromarray(p) for p in pages]
    buf = io.BytesIO()
    ims[0].save(
        buf,
        "PDF",
        resolution=float(dpi),
        save_all=True,
        append_images=ims[1:],
        creationDate=FIXED_TIME,
        modDate=FIXED_TIME,
        quality=75,
    )
    return buf.getvalue()


def to_jpeg(page: np.ndarray, dpi: int, quality: int, exif_rotated: bool = False) -> bytes:
    """A JPEG; with ``exif_rotated`` the pixels lie on their side and EXIF says "turn 90°"."""
    buf = io.BytesIO()
    if exif_rotated:
        im = Image.fromarray(np.ascontiguousarray(np.rot90(page, 1)))
        exif = Image.Exif()
        exif[0x0112] = 6  # stored rotated 90° anticlockwise: display needs 90° clockwise
        im.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), exif=exif)
    else:
        Image.fromarray(page).save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buf.getvalue()


def to_png(page: np.ndarray, dpi: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(page).save(buf, "PNG", dpi=(dpi, dpi), compress_level=6)
    return buf.getvalue()


def to_tiff(pages: list[np.ndarray], dpi: int, *, fax: bool) -> bytes:
    """Multi-page TIFF: bilevel CCITT G4 like a fax/scanner, or greyscale LZW."""
    if fax:
        ims = [
            Image.fromarray(p).point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages
        ]
        compression = "group4"
    else:
        ims = [Image.fromarray(p) for p in pages]
        compression = "tiff_lzw"
    buf = io.BytesIO()
    ims[0].save(
        buf, "TIFF", save_all=True, append_images=ims[1:], compression=compression, dpi=(dpi, dpi)
    )
    return buf.getvalue()


def mixed_pdf(typed_pdf: bytes, scanned_page: np.ndarray, dpi: int, keep: list[int]) -> bytes:
    """The typed pages ``keep`` of ``typed_pdf`` followed by one scanned (image-only) page."""
    src = pdfium.PdfDocument(typed_pdf)
    out = pdfium.PdfDocument.new()
    try:
        out.import_pages(src, keep)
        h_px, w_px = scanned_page.shape
        w_pt, h_pt = w_px * 72 / dpi, h_px * 72 / dpi
        page = out.new_page(w_pt, h_pt)
        image = pdfium.PdfImage.new(out)
        jpeg = io.BytesIO()
        Image.fromarray(scanned_page).save(jpeg, "JPEG", quality=75)
        jpeg.seek(0)
        image.load_jpeg(jpeg, pages=[page], inline=True)
        image.set_matrix(pdfium.PdfMatrix().scale(w_pt, h_pt))
        page.insert_obj(image)
        page.gen_content()
        buf = io.BytesIO()
        out.save(buf)
        # PDFium stamps "now" into the new document's dates: pin them (same length, offsets hold)
        data = re.sub(rb"\(D:\d{14}", b"(D:20240101000000", buf.getvalue())
        file_id = hashlib.md5(data.split(b"trailer")[0]).hexdigest().upper().encode()
        return re.sub(
            rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]",
            b"/ID[<" + file_id + b"><" + file_id + b">]",
            data,
        )
    finally:
        out.close()
        src.close()
