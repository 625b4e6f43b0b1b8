"""Holdout11 scan styles: own numpy / OpenCV / Pillow degradation of the FreeType raster.

Styles (representative of a French supplier's mailbox, defects mild): ``copieur-gris``,
``copieur-couleur``, ``copieur-nb``, ``fax``, ``photo`` (smartphone), ``appli`` (scanner app).
Each scan has its own ``random.Random``.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import cv2
import h11_draw as D
import numpy as np
from PIL import Image

FIXED = dt.datetime(2026, 12, 7, 9, 30, 0, tzinfo=dt.UTC).timetuple()
DPI = {
    "copieur-gris": 200,
    "copieur-couleur": 200,
    "copieur-nb": 300,
    "fax": 204,
    "photo": 160,
    "appli": 180,
}


def _skew(img: np.ndarray, deg: float, border) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(
        img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def _grey(img: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


def _toner(img: np.ndarray, rng: random.Random, paper: float) -> np.ndarray:
    f = img.astype(np.float32)
    ink = rng.uniform(0.86, 0.96)
    f = 255 - (255 - f) * ink
    f = f * (paper / 255.0)
    return f


def _noise(f: np.ndarray, rng: random.Random, sigma: float) -> np.ndarray:
    g = np.random.default_rng(rng.randrange(1 << 30))
    return np.clip(f + g.normal(0, sigma, f.shape), 0, 255)


def _stamp(img: np.ndarray, rng: random.Random, dpi: float, lines: list[str], color) -> None:
    """A rubber stamp (two framed lines, rotated a little) pressed somewhere in the top half."""
    k = dpi / 72.0
    p = D.Page(w=230, h=100)
    p.rect(24, 24, 182, 52, stroke=color, lw=1.5)
    p.text(115, 46, lines[0], "arimo-b", 13, color, "c")
    p.text(115, 66, lines[1], "arimo", 11, color, "c")
    patch = D.raster(p, dpi)
    ang = rng.uniform(-9, 9)
    h, w = patch.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), ang, 1.0)
    patch = cv2.warpAffine(patch, m, (w, h), borderValue=(255, 255, 255))
    H, W = img.shape[:2]
    x = int(rng.uniform(0.45, 0.62) * W)
    y = int(rng.uniform(0.05, 0.2) * H)
    x, y = min(x, W - w - 1), min(y, H - h - 1)
    reg = img[y : y + h, x : x + w].astype(np.float32)
    pf = patch.astype(np.float32) / 255.0
    fade = rng.uniform(0.55, 0.8)
    img[y : y + h, x : x + w] = (reg * (1 - (1 - pf) * fade)).astype(np.uint8)
    del k


def annotate(page: D.Page, rng: random.Random, kind: str | None) -> D.Page:
    """Paper marks added before scanning: a hand-written note or a reception tick."""
    q = D.Page(list(page.ops), page.w, page.h)
    blue = (0.1, 0.15, 0.55)
    if kind == "note":
        q.text(
            rng.uniform(330, 400),
            rng.uniform(762, 774),
            rng.choice(["urgent !", "vu le 08/12", "OK pour livraison", "à saisir", "voir Marc"]),
            "kaushan",
            15,
            blue,
        )
    elif kind == "tick":
        x, y = rng.uniform(420, 470), rng.uniform(764, 774)
        q.poly([(x, y), (x + 6, y + 8), (x + 22, y - 12)], blue, 1.6)
        q.text(x + 28, y, "saisi", "kaushan", 13, blue)
    return q


def scan_pages(pages: list[D.Page], style: str, rng: random.Random, stamp=None, fax_hdr=None):
    """Degraded images (PIL) of the pages in ``style``."""
    out = []
    dpi = DPI[style]
    for n, page in enumerate(pages):
        if style == "fax":
            img = D.raster(page, 204)
            img = cv2.resize(
                img, (1728, int(img.shape[0] * 196 / 204)), interpolation=cv2.INTER_AREA
            )
        else:
            img = D.raster(page, dpi)
        if stamp and n == 0:
            _stamp(img, rng, dpi, stamp, (0.15, 0.2, 0.65) if style != "fax" else (0, 0, 0))
        out.append(_STYLES[style](img, rng, fax_hdr and fax_hdr.replace("{p}", f"{n + 1:03d}")))
    return out


def _copieur_gris(img, rng, _hdr=None):
    f = _toner(_grey(img), rng, rng.uniform(238, 248))
    f = cv2.GaussianBlur(f, (0, 0), rng.uniform(0.5, 0.85))
    f = _skew(f, rng.uniform(-0.6, 0.6), 245)
    if rng.random() < 0.5:
        f[:, -int(f.shape[1] * 0.012) :] *= 0.35
    return Image.fromarray(_noise(f, rng, 3.0).astype(np.uint8), "L")


def _copieur_couleur(img, rng, _hdr=None):
    f = img.astype(np.float32)
    ink = rng.uniform(0.86, 0.95)
    f = 255 - (255 - f) * ink
    f *= np.array([rng.uniform(0.95, 0.99), rng.uniform(0.95, 0.99), rng.uniform(0.9, 0.96)])
    f = cv2.GaussianBlur(f, (0, 0), rng.uniform(0.5, 0.8))
    f = _skew(f, rng.uniform(-0.5, 0.5), (240, 240, 236))
    return Image.fromarray(_noise(f, rng, 2.5).astype(np.uint8), "RGB")


def _copieur_nb(img, rng, _hdr=None):
    f = _grey(img).astype(np.float32)
    f = cv2.GaussianBlur(f, (0, 0), rng.uniform(0.6, 0.9))
    f = _skew(f, rng.uniform(-0.4, 0.4), 255)
    f = _noise(f, rng, 6.0)
    bw = f > rng.uniform(165, 182)
    g = np.random.default_rng(rng.randrange(1 << 30))
    specks = g.random(bw.shape) < 0.00015
    bw[specks] = False
    return Image.fromarray((bw * 255).astype(np.uint8), "L").convert("1", dither=Image.NONE)


def _fax(img, rng, hdr=None):
    f = _grey(img).astype(np.float32)
    f = _skew(f, rng.uniform(-0.7, 0.7), 255)
    if hdr:
        p = D.Page(w=f.shape[1] * 72 / 204, h=20)
        p.text(12, 13, hdr, "cousine", 8.5)
        band = _grey(D.raster(p, 204))[:, : f.shape[1]]
        band = cv2.resize(band, (f.shape[1], band.shape[0]))
        f[: band.shape[0]] = np.minimum(f[: band.shape[0]], band)
    bw = f > rng.uniform(172, 188)
    if rng.random() < 0.7:
        bw = cv2.erode(bw.astype(np.uint8), np.ones((2, 1), np.uint8)).astype(bool)
    g = np.random.default_rng(rng.randrange(1 << 30))
    bw[g.random(bw.shape) < 0.0004] = False
    for _ in range(rng.randint(1, 2)):
        y = rng.randrange(bw.shape[0])
        bw[y : y + 1, :] &= g.random(bw.shape[1]) > 0.5
    return Image.fromarray((bw * 255).astype(np.uint8), "L").convert("1", dither=Image.NONE)


def _photo(img, rng, _hdr=None):
    h, w = img.shape[:2]
    pad = int(0.09 * w)
    bg = np.array(
        rng.choice([(128, 98, 70), (150, 150, 146), (60, 58, 55), (190, 184, 170)]), np.float32
    )
    canvas = np.empty((h + 2 * pad, w + 2 * pad, 3), np.float32)
    canvas[:] = bg
    g = np.random.default_rng(rng.randrange(1 << 30))
    canvas += g.normal(0, 6, canvas.shape[:2])[..., None]
    sh = cv2.GaussianBlur(np.pad(np.ones((h, w), np.float32), pad), (0, 0), pad / 4)
    canvas *= (1 - 0.45 * np.roll(np.roll(sh, 8, 0), 8, 1))[..., None]
    canvas[pad : pad + h, pad : pad + w] = img.astype(np.float32) * 0.97
    src = np.float32([[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]])
    j = 0.025 * w
    dst = src + np.float32([[rng.uniform(-j, j), rng.uniform(-j, j)] for _ in range(4)])
    m = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(
        canvas, m, (canvas.shape[1], canvas.shape[0]), borderValue=tuple(bg.tolist())
    )
    yy, xx = np.mgrid[0 : out.shape[0], 0 : out.shape[1]].astype(np.float32)
    cx, cy = rng.choice(
        [(0, 0), (out.shape[1], 0), (0, out.shape[0]), (out.shape[1], out.shape[0])]
    )
    d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.hypot(*out.shape[:2])
    light = 1.0 - rng.uniform(0.12, 0.3) * d
    out *= light[..., None]
    out *= np.array([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.84, 0.93)])
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.6, 1.0))
    out = _noise(out, rng, 3.5)
    return Image.fromarray(out.astype(np.uint8), "RGB")


def _appli(img, rng, _hdr=None):
    f = _toner(_grey(img), rng, 230)
    h, w = f.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    f *= 1.0 - 0.18 * (xx / w) * (yy / h)
    f = cv2.GaussianBlur(f, (0, 0), 0.7)
    paper = cv2.GaussianBlur(cv2.dilate(f, np.ones((15, 15), np.uint8)), (0, 0), 25)
    f = np.clip(f / np.maximum(paper, 1) * 255, 0, 255)
    f = np.clip((f - 40) * 255 / (235 - 40), 0, 255)
    sharp = cv2.GaussianBlur(f, (0, 0), 1.2)
    f = np.clip(f * 1.6 - sharp * 0.6, 0, 255)
    f = _skew(f, rng.uniform(-0.8, 0.8), 255)
    f = np.round(f / 8) * 8
    return Image.fromarray(np.clip(f, 0, 255).astype(np.uint8), "L")


_STYLES = {
    "copieur-gris": _copieur_gris,
    "copieur-couleur": _copieur_couleur,
    "copieur-nb": _copieur_nb,
    "fax": _fax,
    "photo": _photo,
    "appli": _appli,
}


def save(images: list[Image.Image], path: Path, style: str) -> None:
    dpi = DPI[style]
    ext = path.suffix
    res = (204, 196) if style == "fax" else (dpi, dpi)
    if ext == ".pdf":
        ims = images
        if ims[0].mode not in ("1",):
            # JPEG inside the PDF
            buf = []
            for im in ims:
                b = io.BytesIO()
                im.save(b, "JPEG", quality=58)
                buf.append(Image.open(io.BytesIO(b.getvalue())))
            ims = buf
        ims[0].save(
            path,
            "PDF",
            resolution=float(dpi),
            save_all=True,
            append_images=ims[1:],
            creationDate=FIXED,
            modDate=FIXED,
            producer="holdout11",
            title=path.stem,
        )
    elif ext == ".tif":
        if images[0].mode == "1":
            images[0].save(
                path, "TIFF", compression="group4", dpi=res, save_all=True, append_images=images[1:]
            )
        else:
            images[0].save(
                path,
                "TIFF",
                compression="jpeg",
                quality=62,
                dpi=res,
                save_all=True,
                append_images=images[1:],
            )
    elif ext == ".jpg":
        images[0].save(path, "JPEG", quality=70 if style == "photo" else 62, dpi=res)
    elif ext == ".png":
        images[0].save(path, "PNG", dpi=res, optimize=True)
    else:
        raise ValueError(ext)
