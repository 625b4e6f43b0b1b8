"""Holdout12 scan styles: an own numpy / OpenCV / Pillow degradation of Inkscape PNG exports."""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

STAMP_FONT = "/usr/share/fonts/truetype/monoid/Monoid-Bold.ttf"
FAX_FONT = "/usr/share/fonts/truetype/monoid/Monoid-Regular.ttf"
FIXED = time.gmtime(1796720400)  # 2026-12-08 09:00 UTC

# dpi each style is rendered at
DPI = {
    "copieur-gris": 200,
    "copieur-couleur": 200,
    "copieur-nb": 300,
    "fax": 204,
    "photo": 150,
    "appli": 180,
}


def stamp(img: Image.Image, rng: random.Random, lines: list[str], colour, dpi: int) -> None:
    """A rotated rubber stamp in the top half (drawn on its own patch, alpha-composited)."""
    s = dpi / 72
    font = ImageFont.truetype(STAMP_FONT, int(11 * s))
    font2 = ImageFont.truetype(STAMP_FONT, int(8 * s))
    pw, ph = int(190 * s), int(70 * s)
    patch = Image.new("L", (pw, ph), 0)
    d = ImageDraw.Draw(patch)
    d.rounded_rectangle(
        (6 * s, 6 * s, pw - 6 * s, ph - 6 * s),
        radius=int(5 * s),
        outline=200,
        width=max(2, int(1.4 * s)),
    )
    d.text((pw / 2, 24 * s), lines[0], font=font, fill=215, anchor="mm")
    for k, ln in enumerate(lines[1:]):
        d.text((pw / 2, (42 + 14 * k) * s), ln, font=font2 if k else font, fill=215, anchor="mm")
    patch = patch.rotate(rng.uniform(-14, 14), expand=True, resample=Image.BICUBIC)
    arr = np.asarray(patch).astype(np.float32) / 255
    arr *= np.clip(
        np.random.default_rng(rng.randrange(1 << 30)).normal(0.85, 0.15, arr.shape), 0, 1
    )
    W, H = img.size
    x = rng.randint(int(W * 0.45), max(int(W * 0.45) + 1, W - patch.width - int(20 * s)))
    y = rng.randint(int(H * 0.12), int(H * 0.35))
    base = np.asarray(img.convert("RGB")).astype(np.float32)
    region = base[y : y + arr.shape[0], x : x + arr.shape[1]]
    a = arr[: region.shape[0], : region.shape[1], None]
    region[:] = region * (1 - a * 0.8) + np.array(colour, np.float32) * a * 0.8
    img.paste(Image.fromarray(base.clip(0, 255).astype(np.uint8)))


def _skew(a: np.ndarray, deg: float, border) -> np.ndarray:
    h, w = a.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def _noise(a: np.ndarray, nr: np.random.Generator, sigma: float) -> np.ndarray:
    return np.clip(a.astype(np.float32) + nr.normal(0, sigma, a.shape), 0, 255)


def degrade(
    pages: list[Image.Image], style: str, rng: random.Random, fax_header: str = ""
) -> list[Image.Image]:
    nr = np.random.default_rng(rng.randrange(1 << 31))
    out = []
    for pi, im in enumerate(pages):
        rgb = np.asarray(im.convert("RGB")).astype(np.float32)
        if style in ("copieur-gris", "copieur-couleur"):
            toner = rng.uniform(0.84, 0.95)
            paper = rng.uniform(238, 250)
            a = paper - (255 - rgb) * toner * paper / 255
            if style == "copieur-couleur":
                a = a * np.array([1.0, rng.uniform(0.97, 1.0), rng.uniform(0.92, 0.98)])
            else:
                a = a.mean(axis=2)
            a = cv2.GaussianBlur(a, (0, 0), rng.uniform(0.5, 0.9))
            a = _skew(a, rng.uniform(-0.6, 0.6), (paper,) * 3 if a.ndim == 3 else paper)
            if rng.random() < 0.5:  # dark edge of the lid
                a[:, -int(a.shape[1] * rng.uniform(0.006, 0.015)) :] *= 0.35
            a = _noise(a, nr, 3.0)
            out.append(Image.fromarray(a.astype(np.uint8), "RGB" if a.ndim == 3 else "L"))
        elif style in ("copieur-nb", "fax"):
            g = rgb.mean(axis=2)
            if style == "fax":
                h, w = g.shape
                g = cv2.resize(
                    g, (1728, int(h * 1728 / w * 196 / 204)), interpolation=cv2.INTER_AREA
                )
            g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.6, 1.0))
            g = _skew(g, rng.uniform(-0.7, 0.7) if style == "fax" else rng.uniform(-0.4, 0.4), 255)
            g = _noise(g, nr, 8.0)
            thr = rng.uniform(168, 186) if style == "fax" else rng.uniform(160, 180)
            bw = (g > thr).astype(np.uint8) * 255
            if style == "fax" and rng.random() < 0.6:
                bw = cv2.erode(bw, np.ones((2, 1), np.uint8))
            specks = nr.random(bw.shape) < 0.0004
            bw[specks] = 0
            if style == "fax":
                for _ in range(rng.randint(1, 2)):
                    y = rng.randrange(bw.shape[0])
                    bw[y : y + 1, :] = np.where(nr.random(bw.shape[1]) < 0.3, 0, bw[y])
                img = Image.fromarray(bw, "L")
                if fax_header:
                    d = ImageDraw.Draw(img)
                    d.rectangle((0, 0, img.width, 30), fill=255)
                    d.text(
                        (40, 6),
                        f"{fax_header}  P.{pi + 1:03d}",
                        font=ImageFont.truetype(FAX_FONT, 20),
                        fill=0,
                    )
                out.append(img.convert("1"))
            else:
                out.append(Image.fromarray(bw, "L").convert("1"))
        elif style == "photo":
            h, w = rgb.shape[:2]
            pad = int(w * 0.09)
            bg_col = rng.choice([(120, 88, 60), (150, 150, 148), (60, 58, 55), (205, 190, 160)])
            bg = np.empty((h + 2 * pad, w + 2 * pad, 3), np.float32)
            bg[:] = bg_col
            bg = _noise(bg, nr, 9.0)
            src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
            j = 0.022
            dst = np.float32(
                [
                    [pad + rng.uniform(-j, j) * w, pad + rng.uniform(-j, j) * h],
                    [pad + w + rng.uniform(-j, j) * w, pad + rng.uniform(-j, j) * h],
                    [pad + w + rng.uniform(-j, j) * w, pad + h + rng.uniform(-j, j) * h],
                    [pad + rng.uniform(-j, j) * w, pad + h + rng.uniform(-j, j) * h],
                ]
            )
            m = cv2.getPerspectiveTransform(src, dst)
            shadow = cv2.warpPerspective(np.ones((h, w), np.float32), m, bg.shape[1::-1])
            shadow = cv2.GaussianBlur(shadow, (0, 0), w * 0.012)
            bg *= (1 - 0.45 * shadow)[..., None]
            page = cv2.warpPerspective(rgb, m, bg.shape[1::-1], borderValue=(0, 0, 0))
            mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, bg.shape[1::-1])[..., None]
            a = bg * (1 - mask) + page * mask
            yy, xx = np.mgrid[0 : a.shape[0], 0 : a.shape[1]].astype(np.float32)
            cx, cy = rng.choice(
                [(0, 0), (a.shape[1], 0), (0, a.shape[0]), (a.shape[1], a.shape[0])]
            )
            dist = np.hypot(xx - cx, yy - cy) / np.hypot(*a.shape[:2])
            light = 1.0 - rng.uniform(0.2, 0.35) * dist
            a = (
                a
                * light[..., None]
                * np.array([1.0, rng.uniform(0.94, 0.98), rng.uniform(0.84, 0.92)])
            )
            a = cv2.GaussianBlur(a, (0, 0), rng.uniform(0.6, 1.0))
            a = _noise(a, nr, 4.0)
            out.append(Image.fromarray(a.astype(np.uint8), "RGB"))
        elif style == "appli":
            g = rgb.mean(axis=2)
            h, w = g.shape
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            g = g * (1 - 0.25 * (xx / w) * rng.uniform(0.6, 1.0))  # uneven light
            g = _noise(g, nr, 2.0)
            paper = cv2.GaussianBlur(cv2.dilate(g, np.ones((15, 15), np.uint8)), (0, 0), 25)
            g = np.clip(g / np.maximum(paper, 1) * 255, 0, 255)
            g = np.clip((g - 40) * 255 / (222 - 40), 0, 255)
            sharp = cv2.GaussianBlur(g, (0, 0), 1.2)
            g = np.clip(g * 1.6 - sharp * 0.6, 0, 255)
            g = _skew(g, rng.uniform(-0.8, 0.8), 255)
            g = (np.round(g / 8) * 8).clip(0, 255)
            out.append(Image.fromarray(g.astype(np.uint8), "L"))
        else:
            raise ValueError(style)
    return out


def save(images: list[Image.Image], path: Path, dpi: int) -> None:
    ext = path.suffix
    res = (204, 196) if images[0].mode == "1" and images[0].width == 1728 else (dpi, dpi)
    if ext == ".pdf":
        if images[0].mode in ("RGB", "L"):
            conv = []
            for im in images:
                buf = io.BytesIO()
                im.save(buf, "JPEG", quality=60)
                conv.append(Image.open(io.BytesIO(buf.getvalue())))
            images = conv
        images[0].save(
            path,
            "PDF",
            resolution=float(res[0]),
            save_all=True,
            append_images=images[1:],
            creationDate=FIXED,
            modDate=FIXED,
            producer="",
            creator="",
        )
    elif ext == ".jpg":
        images[0].save(path, "JPEG", quality=72, dpi=res)
    elif ext == ".png":
        images[0].save(path, "PNG", dpi=res, optimize=True)
    elif ext == ".tif":
        comp = "group4" if images[0].mode == "1" else "jpeg"
        kw = {"compression": comp, "dpi": res, "save_all": True, "append_images": images[1:]}
        if comp == "jpeg":
            kw["quality"] = 62
        images[0].save(path, "TIFF", **kw)
    else:
        raise ValueError(ext)
