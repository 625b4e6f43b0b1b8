"""Holdout10 scan styles: an own numpy / OpenCV / Pillow degradation of the pages that the
document's own back-end rasterised (skia raster surface, librsvg PNG, Apache FOP PNG), and the
encoders (image PDF, JPEG, PNG, TIFF G4 / JPEG-in-TIFF). Each scan gets its own seeded Random.
Imports nothing from the repository."""

from __future__ import annotations

import io
import random
import time

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = {
    "copieur-couleur": 200,
    "copieur-gris": 200,
    "copieur-nb": 300,
    "smartphone": 165,
    "appli-scan": 180,
    "fax": 204,
}
FAX_FONT = "/usr/share/fonts/opentype/jura/Jura-Medium.otf"
PDF_DATE = time.gmtime(1796644800)  # 2026-12-07 12:00 UTC


def _arr(im: Image.Image) -> np.ndarray:
    return np.asarray(im.convert("RGB"), dtype=np.float32)


def _skew(a: np.ndarray, deg: float, border) -> np.ndarray:
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(
        a, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(a, (0, 0), sigma) if sigma > 0 else a


def _noise(r: random.Random, a: np.ndarray, sigma: float) -> np.ndarray:
    g = np.random.default_rng(r.randint(0, 2**31))
    return (
        a + g.normal(0, sigma, a.shape[:2])[..., None]
        if a.ndim == 3
        else a + g.normal(0, sigma, a.shape)
    )


def copier(r: random.Random, im: Image.Image, grey: bool) -> Image.Image:
    a = _arr(im)
    tone = np.array(
        [r.uniform(0.955, 0.985), r.uniform(0.95, 0.98), r.uniform(0.93, 0.965)], dtype=np.float32
    )
    a = 255 - (255 - a) * r.uniform(0.88, 0.97)  # toner a bit lighter than the PDF
    a = a * tone
    a = _blur(a, r.uniform(0.45, 0.8))
    a = _skew(a, r.uniform(-0.5, 0.5), (245, 244, 240))
    if r.random() < 0.5:  # dark lid edge
        _h, _w = a.shape[:2]
        side = r.choice(["top", "right", "bottom"])
        k = r.randint(6, 16)
        shade = r.uniform(40, 90)
        if side == "top":
            a[:k] = shade
        elif side == "bottom":
            a[-k:] = shade
        else:
            a[:, -k:] = shade
    a = _noise(r, a, r.uniform(1.8, 3.2))
    a = np.clip(a, 0, 255).astype(np.uint8)
    out = Image.fromarray(a)
    return out.convert("L") if grey else out


def copier_bw(r: random.Random, im: Image.Image) -> Image.Image:
    g = np.asarray(im.convert("L"), dtype=np.float32)
    g = _blur(g, r.uniform(0.6, 0.9))
    g = _skew(g, r.uniform(-0.35, 0.35), 255)
    g = _noise(r, g, r.uniform(4, 8))
    thr = r.uniform(150, 175)
    b = (g > thr).astype(np.uint8) * 255
    gen = np.random.default_rng(r.randint(0, 2**31))
    n = r.randint(20, 80)  # toner specks
    ys, xs = gen.integers(0, b.shape[0], n), gen.integers(0, b.shape[1], n)
    for y, x in zip(ys, xs, strict=False):
        b[y : y + r.randint(1, 3), x : x + r.randint(1, 3)] = 0
    return Image.fromarray(b).convert("1", dither=Image.Dither.NONE)


def smartphone(r: random.Random, im: Image.Image) -> Image.Image:
    page = _arr(im)
    page = 255 - (255 - page) * r.uniform(0.85, 0.95)
    h, w = page.shape[:2]
    pad = int(0.09 * max(h, w))
    H, W = h + 2 * pad, w + 2 * pad
    gen = np.random.default_rng(r.randint(0, 2**31))
    base = np.array(
        r.choice([(120, 92, 64), (96, 98, 104), (150, 136, 118), (60, 62, 70), (170, 160, 150)]),
        dtype=np.float32,
    )
    bg = np.ones((H, W, 3), np.float32) * base
    bg += cv2.GaussianBlur(gen.normal(0, 18, (H, W)).astype(np.float32), (0, 0), 6)[..., None]
    # perspective: page corners moved a little
    j = lambda: r.uniform(-0.025, 0.025) * w  # noqa: E731
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32(
        [
            [pad + j(), pad + j()],
            [pad + w + j(), pad + j()],
            [pad + w + j(), pad + h + j()],
            [pad + j(), pad + h + j()],
        ]
    )
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(page, m, (W, H), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, (W, H), flags=cv2.INTER_LINEAR)
    # soft shadow of the page on the desk
    sh = cv2.GaussianBlur(mask, (0, 0), 12)
    bg *= (1 - 0.35 * sh)[..., None]
    a = warped * mask[..., None] + bg * (1 - mask[..., None])
    # light fall-off from one corner, colour cast
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = r.choice([(0, 0), (W, 0), (0, H), (W, H)])
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.sqrt(W**2 + H**2)
    fall = 1 - r.uniform(0.12, 0.28) * dist
    cast = np.array(
        [r.uniform(0.97, 1.03), r.uniform(0.97, 1.02), r.uniform(0.9, 0.99)], np.float32
    )
    a = a * fall[..., None] * cast
    a = _blur(a, r.uniform(0.6, 1.1))
    a = _noise(r, a, r.uniform(2.5, 4.5))
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return out.resize((int(W * 0.92), int(H * 0.92)), Image.LANCZOS)


def appli(r: random.Random, im: Image.Image) -> Image.Image:
    g = np.asarray(im.convert("L"), dtype=np.float32)
    g = 255 - (255 - g) * r.uniform(0.85, 0.95)
    h, w = g.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    g = g * (1 - r.uniform(0.1, 0.2) * (xx / w if r.random() < 0.5 else yy / h))
    g = _blur(g, r.uniform(0.7, 1.1))
    g = _skew(g, r.uniform(-0.8, 0.8), 255)
    g = _noise(r, g, 2.0)
    # the app flattens the light fall-off: divide by a smooth estimate of the paper
    bgk = cv2.dilate(g, np.ones((25, 25), np.uint8))
    bgk = cv2.GaussianBlur(bgk, (0, 0), 25)
    g = np.clip(g / np.maximum(bgk, 1) * 255, 0, 255)
    lo, hi = np.percentile(g, 1.5), np.percentile(g, 60)
    g = np.clip((g - lo) / max(hi - lo, 1) * 255, 0, 255)
    blur = cv2.GaussianBlur(g, (0, 0), 2.0)
    g = np.clip(g + 0.8 * (g - blur), 0, 255)
    g[g > 222] = 255
    levels = 32
    g = np.round(g / 255 * (levels - 1)) / (levels - 1) * 255
    return Image.fromarray(g.astype(np.uint8))


def fax(r: random.Random, im: Image.Image, header: str) -> Image.Image:
    g = np.asarray(im.convert("L"), dtype=np.float32)
    h, w = g.shape
    g = cv2.resize(g, (w, int(h * 196 / 204)), interpolation=cv2.INTER_AREA)
    g = _skew(g, r.uniform(-0.6, 0.6), 255)
    g = _blur(g, r.uniform(0.5, 0.8))
    g = _noise(r, g, 6)
    b = (g > r.uniform(175, 195)).astype(np.uint8) * 255
    b = cv2.erode(b, np.ones((2, 1), np.uint8), iterations=1) if r.random() < 0.6 else b
    W = 1728
    canvas = np.full((b.shape[0] + 40, W), 255, np.uint8)
    x0 = (W - b.shape[1]) // 2
    canvas[40:, x0 : x0 + b.shape[1]] = b
    gen = np.random.default_rng(r.randint(0, 2**31))
    n = r.randint(60, 200)
    for y, x in zip(gen.integers(40, canvas.shape[0], n), gen.integers(0, W, n), strict=False):
        canvas[y : y + 2, x : x + r.randint(1, 3)] = 0
    for _ in range(r.randint(1, 2)):  # scan-bar streak
        x = r.randint(100, W - 100)
        canvas[40:, x : x + 1] = np.where(gen.random(canvas.shape[0] - 40) < 0.85, 0, 255)[:, None]
    out = Image.fromarray(canvas)
    dr = ImageDraw.Draw(out)
    dr.text((30, 8), header, fill=0, font=ImageFont.truetype(FAX_FONT, 22))
    return out.convert("1", dither=Image.Dither.NONE)


def degrade(
    style: str, r: random.Random, pages: list[Image.Image], fax_header: str = ""
) -> list[Image.Image]:
    out = []
    for k, im in enumerate(pages):
        if style == "copieur-couleur":
            out.append(copier(r, im, False))
        elif style == "copieur-gris":
            out.append(copier(r, im, True))
        elif style == "copieur-nb":
            out.append(copier_bw(r, im))
        elif style == "smartphone":
            out.append(smartphone(r, im))
        elif style == "appli-scan":
            out.append(appli(r, im))
        elif style == "fax":
            out.append(fax(r, im, fax_header.replace("P.001", f"P.{k + 1:03d}")))
    return out


def encode(pages: list[Image.Image], ext: str, style: str) -> bytes:
    buf = io.BytesIO()
    dpi = DPI[style]
    first, rest = pages[0], pages[1:]
    if ext == ".pdf":
        q = 55 if style.startswith("copieur") else 62
        extra = {} if first.mode == "1" else {"quality": q}
        first.save(
            buf,
            "PDF",
            resolution=float(dpi),
            save_all=True,
            append_images=rest,
            creationDate=PDF_DATE,
            modDate=PDF_DATE,
            producer="SCAN",
            title="",
            **extra,
        )
    elif ext == ".jpg":
        first.save(
            buf,
            "JPEG",
            quality={"smartphone": 74, "appli-scan": 70}.get(style, 60),
            dpi=(dpi, dpi),
            optimize=True,
        )
    elif ext == ".png":
        first.save(buf, "PNG", optimize=True, dpi=(dpi, dpi))
    elif ext == ".tif":
        if first.mode == "1":
            res = (204, 196) if style == "fax" else (dpi, dpi)
            first.save(
                buf, "TIFF", compression="group4", dpi=res, save_all=True, append_images=rest
            )
        else:
            first.save(
                buf,
                "TIFF",
                compression="jpeg",
                quality=58,
                dpi=(dpi, dpi),
                save_all=True,
                append_images=rest,
            )
    else:
        raise ValueError(ext)
    return buf.getvalue()
