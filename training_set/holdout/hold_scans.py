"""Turn a text PDF into what a scanner, a fax or a phone sends back.

Rendering with pypdfium2, degradation with Pillow and numpy only (no OpenCV: the engine
uses OpenCV, and the holdout should not share its image stack). Every random draw comes
from a generator seeded by the caller, so the pixels are the same on every run.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
from hold_pdf import FIXED_DATE
from PIL import Image, ImageEnhance, ImageFilter

PROFILES = ("office", "skewed", "fax", "photocopy", "phone")


@dataclass(frozen=True)
class ScanPlan:
    """How one paper was scanned: profile, resolution, tilt in degrees, output format."""

    profile: str
    dpi: int
    angle: float
    shift: tuple[int, int]
    fmt: str  # pdf | jpg | png | tif


def render(pdf_bytes: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        pages = []
        for i in range(len(doc)):
            bitmap = doc[i].render(scale=dpi / 72, grayscale=True)
            pages.append(bitmap.to_pil().convert("L"))
        return pages
    finally:
        doc.close()


def _noise(img: Image.Image, rng: np.random.Generator, sigma: float) -> Image.Image:
    arr = np.asarray(img, dtype=np.float32)
    arr = arr + rng.standard_normal(arr.shape, dtype=np.float32) * np.float32(sigma)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def _specks(img: Image.Image, rng: np.random.Generator, count: int) -> Image.Image:
    arr = np.array(img)
    h, w = arr.shape
    ys = rng.integers(0, h - 3, count)
    xs = rng.integers(0, w - 3, count)
    for y, x in zip(ys, xs, strict=True):
        arr[y : y + 2, x : x + 2] = rng.integers(0, 90)
    return Image.fromarray(arr, "L")


def degrade(img: Image.Image, plan: ScanPlan, rng: np.random.Generator) -> Image.Image:
    if plan.shift != (0, 0):
        canvas = Image.new("L", img.size, 255)
        canvas.paste(img, plan.shift)
        img = canvas
    if plan.angle:
        img = img.rotate(plan.angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    if plan.profile == "office":
        img = _noise(img, rng, 6.0)
    elif plan.profile == "skewed":
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        img = _specks(_noise(img, rng, 9.0), rng, 60)
    elif plan.profile == "fax":
        # fax: half the vertical resolution, then 1 bit with no dithering, then specks
        w, h = img.size
        img = img.resize((w, h // 2), Image.Resampling.BOX).resize((w, h), Image.Resampling.NEAREST)
        img = _specks(_noise(img, rng, 20.0), rng, 150)
        img = img.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
    elif plan.profile == "photocopy":
        img = ImageEnhance.Contrast(img).enhance(0.75)
        img = ImageEnhance.Brightness(img).enhance(0.88)
        arr = np.asarray(img, dtype=np.float32)
        h, w = arr.shape
        # darker edges, like a lid left open
        ramp = np.minimum(np.arange(w) / (0.08 * w), 1.0)
        arr = arr * (0.75 + 0.25 * ramp)[None, :]
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
        img = _specks(_noise(img.filter(ImageFilter.GaussianBlur(0.8)), rng, 10.0), rng, 300)
    elif plan.profile == "phone":
        img = ImageEnhance.Brightness(img).enhance(0.93)
        img = _noise(img.filter(ImageFilter.GaussianBlur(1.0)), rng, 7.0)
    return img


def _jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    img.convert("L").save(buf, "JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def image_pdf(pages: list[Image.Image], dpi: int, quality: int = 70) -> bytes:
    """Image-only PDF, one page per image, page size from the pixel size and resolution."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    for img in pages:
        w, h = img.size[0] * 72 / dpi, img.size[1] * 72 / dpi
        pdf.add_page(format=(w, h))
        data: Image.Image | io.BytesIO = img if img.mode == "1" else io.BytesIO(_jpeg(img, quality))
        pdf.image(data, x=0, y=0, w=w, h=h)
    return bytes(pdf.output())


def scan(pdf_bytes: bytes, plan: ScanPlan, seed: int) -> bytes:
    """The scanned file's bytes in ``plan.fmt``; several pages only for pdf and tif."""
    rng = np.random.default_rng(seed)
    pages = [degrade(p, plan, rng) for p in render(pdf_bytes, plan.dpi)]
    if plan.fmt == "pdf":
        return image_pdf(pages, plan.dpi)
    buf = io.BytesIO()
    first = pages[0]
    if plan.fmt == "jpg":
        return _jpeg(first, 62 if plan.profile == "phone" else 80)
    if plan.fmt == "png":
        first.save(buf, "PNG", dpi=(plan.dpi, plan.dpi), optimize=False)
    elif plan.fmt == "tif":
        compression = "group4" if first.mode == "1" else "tiff_lzw"
        first.save(
            buf,
            "TIFF",
            save_all=True,
            append_images=pages[1:],
            compression=compression,
            dpi=(plan.dpi, plan.dpi),
        )
    else:
        raise ValueError(f"unknown scan format {plan.fmt}")
    return buf.getvalue()
