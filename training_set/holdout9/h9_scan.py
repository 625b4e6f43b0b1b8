"""holdout9: scan styles. Input: the RGB pages PDFBox's PDFRenderer drew from the document's
own PDF; output: what the mailbox receives (image PDF, JPEG, PNG, TIFF). numpy / OpenCV /
Pillow only. Imports nothing from the repository."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

# style -> render dpi
DPI = {"copieur-couleur": 200, "copieur-gris": 200, "copieur-nb": 300, "smartphone": 160,
       "appli-scan": 200, "fax": 200}
MONO = "/usr/share/fonts/truetype/paratype/PTM55F.ttf"
FIXED = dt.datetime(2026, 12, 7, 9, 0, 0)


def _skew(a: np.ndarray, deg: float, fill) -> np.ndarray:
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def _paper(rng: random.Random, a: np.ndarray, tone) -> np.ndarray:
    a = a.astype(np.float32)
    a = a / 255.0 * np.array(tone, np.float32).reshape(1, 1, -1)
    return a


def _noise(rng: random.Random, a: np.ndarray, sigma: float) -> np.ndarray:
    g = np.random.default_rng(rng.randint(0, 2**31)).normal(0, sigma, a.shape).astype(np.float32)
    return np.clip(a + g, 0, 255)


def copier(rng: random.Random, page: np.ndarray, grey: bool) -> Image.Image:
    a = cv2.GaussianBlur(page, (3, 3), rng.uniform(0.5, 0.8))
    tone = (rng.randint(238, 248), rng.randint(236, 246), rng.randint(228, 240))
    a = _paper(rng, a, tone)
    # a faint dark strip at the lid edge of the scanner glass
    if rng.random() < 0.5:
        a[:, : rng.randint(4, 10)] *= 0.55
    a = _skew(a, rng.uniform(-0.5, 0.5), tuple(float(t) for t in tone))
    a = _noise(rng, a, 3.0)
    im = Image.fromarray(a.astype(np.uint8), "RGB")
    return im.convert("L") if grey else im


def bilevel(rng: random.Random, page: np.ndarray) -> Image.Image:
    g = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY)
    g = cv2.GaussianBlur(g, (3, 3), 0.6)
    g = _skew(g, rng.uniform(-0.35, 0.35), 255)
    t = rng.randint(150, 175)
    b = (g > t).astype(np.uint8) * 255
    return Image.fromarray(b, "L").convert("1", dither=Image.Dither.NONE)


def phone(rng: random.Random, page: np.ndarray) -> Image.Image:
    h, w = page.shape[:2]
    W, H = int(w * 1.18), int(h * 1.12)
    desk = np.zeros((H, W, 3), np.float32)
    base = np.array(rng.choice([(120, 95, 70), (150, 150, 150), (95, 100, 110), (170, 150, 120)]), np.float32)
    desk[:] = base
    desk = _noise(rng, desk, 8)
    j = lambda s: rng.uniform(-s, s)  # noqa: E731
    mx, my = (W - w) / 2, (H - h) / 2
    dst = np.float32([[mx + j(40), my + j(30)], [mx + w + j(40), my + j(30)],
                      [mx + w + j(25), my + h + j(25)], [mx + j(25), my + h + j(25)]])
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, dst)
    sheet = cv2.warpPerspective(page.astype(np.float32), m, (W, H), flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, (W, H))
    a = desk * (1 - mask[..., None]) + sheet * mask[..., None]
    # uneven light: a gradient from one corner plus a soft shadow
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rng.uniform(0, W), rng.uniform(0, H * 0.5)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.hypot(W, H)
    light = 1.02 - 0.28 * dist
    a *= light[..., None]
    cast = np.array([rng.uniform(0.97, 1.03), 1.0, rng.uniform(0.9, 0.99)], np.float32)
    a *= cast
    a = cv2.GaussianBlur(a, (0, 0), rng.uniform(0.7, 1.1))
    a = _noise(rng, a, 4.0)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")


def scanapp(rng: random.Random, page: np.ndarray) -> Image.Image:
    g = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY).astype(np.float32)
    # the photo it came from: soft light falloff, then the app's flattening
    h, w = g.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    g = g * (0.86 + 0.1 * (xx / w)) + np.random.default_rng(rng.randint(0, 2**31)).normal(0, 5, g.shape)
    g = cv2.GaussianBlur(g, (0, 0), 0.9)
    lo, hi = np.percentile(g, 2), np.percentile(g, 60)
    g = np.clip((g - lo) / max(hi - lo, 1) * 255, 0, 255)
    blur = cv2.GaussianBlur(g, (0, 0), 2.0)
    g = np.clip(g * 1.6 - blur * 0.6, 0, 255)
    g = _skew(g, rng.uniform(-0.8, 0.8), 255)
    # "document" filter: the paper goes pure white, the rest to 32 grey levels
    g[g > 222] = 255
    g = np.round(g / 8) * 8
    return Image.fromarray(np.clip(g, 0, 255).astype(np.uint8), "L")


def fax(rng: random.Random, page: np.ndarray, header: str) -> Image.Image:
    g = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY)
    g = cv2.erode(g, np.ones((2, 2), np.uint8))  # the fax's scan head spreads thin strokes
    h, w = g.shape
    W = 1728
    H = int(h * W / w * 196 / 204)
    g = cv2.resize(g, (W, H), interpolation=cv2.INTER_AREA)
    g = _skew(g, rng.uniform(-0.4, 0.4), 255)
    b = (g > rng.randint(185, 200)).astype(np.uint8) * 255
    r = np.random.default_rng(rng.randint(0, 2**31))
    n = int(W * H * 0.00015)
    ys, xs = r.integers(0, H, n), r.integers(0, W, n)
    b[ys, xs] = 0
    for _ in range(rng.randint(1, 2)):
        x = rng.randint(100, W - 100)
        b[:, x:x + 1][r.random((H, 1)) < 0.35] = 0
    im = Image.fromarray(b, "L")
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W, 38], fill=255)
    d.text((30, 10), header, fill=0, font=ImageFont.truetype(MONO, 22))
    return im.convert("1", dither=Image.Dither.NONE)


def make(style: str, fmt: str, pages: list[Path], out: Path, rng: random.Random, fax_header: str = "") -> None:
    arrs = [np.array(Image.open(p).convert("RGB")) for p in pages]
    if style == "copieur-couleur":
        ims = [copier(rng, a, False) for a in arrs]
    elif style == "copieur-gris":
        ims = [copier(rng, a, True) for a in arrs]
    elif style == "copieur-nb":
        ims = [bilevel(rng, a) for a in arrs]
    elif style == "smartphone":
        ims = [phone(rng, a) for a in arrs]
    elif style == "appli-scan":
        ims = [scanapp(rng, a) for a in arrs]
    elif style == "fax":
        ims = [fax(rng, a, fax_header.replace("P.00X", f"P.{i + 1:03d}/{len(arrs):03d}")) for i, a in enumerate(arrs)]
    else:
        raise ValueError(style)
    dpi = DPI[style]
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "pdf":
        kw = {} if ims[0].mode == "1" else {"quality": 55}
        buf = io.BytesIO()
        ims[0].save(buf, "PDF", resolution=float(dpi), save_all=True, append_images=ims[1:], **kw)
        # Pillow stamps the wall clock: the fixed date instead (same length, offsets unchanged)
        import re
        out.write_bytes(re.sub(rb"\(D:\d{14}", b"(D:" + FIXED.strftime("%Y%m%d%H%M%S").encode(), buf.getvalue()))
    elif fmt == "jpg":
        q = 72 if style == "smartphone" else 58
        ims[0].save(out, "JPEG", quality=q, dpi=(dpi, dpi), optimize=True)
    elif fmt == "png":
        ims[0].save(out, "PNG", dpi=(dpi, dpi), optimize=True)
    elif fmt == "tif":
        kw = {"compression": "group4"} if ims[0].mode == "1" else {"compression": "jpeg", "quality": 55}
        res = (204, 196) if style == "fax" else (dpi, dpi)
        ims[0].save(out, "TIFF", save_all=True, append_images=ims[1:], dpi=res, **kw)
    else:
        raise ValueError(fmt)
