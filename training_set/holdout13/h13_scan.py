"""Scan styles: the GD raster of a page model degraded with numpy / OpenCV, encoded by Pillow."""

from __future__ import annotations

import time as _time
import io
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

DPI = {"copieur-gris": 200, "copieur-couleur": 200, "copieur-nb": 300, "fax": 204, "photo": 170, "appli": 180}
FAX_FONT = "/usr/share/fonts/fonts-go/Go-Mono.ttf"


def _rotate(img: np.ndarray, deg: float, border) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def _noise(img: np.ndarray, r: random.Random, sigma: float) -> np.ndarray:
    g = np.random.default_rng(r.randrange(2**32))
    return np.clip(img.astype(np.float32) + g.normal(0, sigma, img.shape), 0, 255).astype(np.uint8)


def _toner(img: np.ndarray, strength: float, paper: float) -> np.ndarray:
    f = img.astype(np.float32)
    f = 255 - (255 - f) * strength
    f = f * (paper / 255.0)
    return np.clip(f, 0, 255).astype(np.uint8)


def _specks(img: np.ndarray, r: random.Random, n: int) -> None:
    h, w = img.shape[:2]
    for _ in range(n):
        cv2.circle(img, (r.randrange(w), r.randrange(h)), r.choice([1, 1, 2]), 0, -1)


def degrade(pages: list[np.ndarray], style: str, r: random.Random, fax_header: str = "") -> list[Image.Image]:
    out = []
    for k, rgb in enumerate(pages):
        if style == "copieur-gris":
            g = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
            g = _toner(g, r.uniform(0.84, 0.95), r.uniform(238, 248))
            g = cv2.GaussianBlur(g, (0, 0), r.uniform(0.5, 0.9))
            g = _rotate(g, r.uniform(-0.6, 0.6), 245)
            if r.random() < 0.5:
                g[:, -r.randint(8, 20):] = r.randint(40, 90)
            out.append(Image.fromarray(_noise(g, r, 2.2), "L"))
        elif style == "copieur-couleur":
            c = _toner(rgb, r.uniform(0.86, 0.96), 246).astype(np.float32)
            c *= np.array([1.0, r.uniform(0.97, 1.0), r.uniform(0.92, 0.98)], np.float32)
            c = cv2.GaussianBlur(np.clip(c, 0, 255).astype(np.uint8), (0, 0), r.uniform(0.5, 0.8))
            c = _rotate(c, r.uniform(-0.5, 0.5), (244, 242, 236))
            out.append(Image.fromarray(_noise(c, r, 2.2), "RGB"))
        elif style == "copieur-nb":
            g = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
            g = cv2.GaussianBlur(g, (0, 0), r.uniform(0.6, 1.0))
            g = _rotate(g, r.uniform(-0.4, 0.4), 255)
            g = _noise(g, r, 6.0)
            b = np.where(g < r.randint(168, 184), 0, 255).astype(np.uint8)
            _specks(b, r, r.randint(30, 90))
            out.append(Image.fromarray(b, "L").convert("1", dither=Image.Dither.NONE))
        elif style == "fax":
            g = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
            h, w = g.shape
            g = cv2.resize(g, (1728, int(round(h * 1728 / w * 196 / 204))), interpolation=cv2.INTER_AREA)
            g = cv2.GaussianBlur(g, (0, 0), r.uniform(0.5, 0.8))
            g = _rotate(g, r.uniform(-0.7, 0.7), 255)
            g = _noise(g, r, 7.0)
            b = np.where(g < r.randint(170, 186), 0, 255).astype(np.uint8)
            if r.random() < 0.7:
                b = cv2.erode(b, np.ones((2, 1), np.uint8))
            _specks(b, r, r.randint(40, 120))
            for _ in range(r.randint(1, 2)):
                y = r.randrange(200, b.shape[0] - 50)
                b[y : y + r.randint(1, 2), :] = 0
            im = Image.fromarray(b, "L")
            canvas = Image.new("L", (1728, im.height + 40), 255)
            canvas.paste(im, (0, 40))
            dr = ImageDraw.Draw(canvas)
            dr.text((30, 10), f"{fax_header}  P.{k + 1:03d}", fill=0, font=ImageFont.truetype(FAX_FONT, 22))
            out.append(canvas.convert("1", dither=Image.Dither.NONE))
        elif style == "photo":
            out.append(_photo(rgb, r))
        elif style == "appli":
            g = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
            h, w = g.shape
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            light = 0.78 + 0.2 * (xx / w) * r.uniform(0.6, 1.0) + 0.06 * (yy / h)
            g = g * light
            paper = cv2.GaussianBlur(g, (0, 0), 25)
            paper = np.maximum(paper, 1)
            g = np.clip(g / paper * 235, 0, 255)
            g = np.clip((g - 40) * 255 / 190, 0, 255).astype(np.uint8)
            blur = cv2.GaussianBlur(g, (0, 0), 1.2)
            g = cv2.addWeighted(g, 1.6, blur, -0.6, 0)
            g = _rotate(g, r.uniform(-0.8, 0.8), 255)
            g = (g // 8) * 8 + 4
            out.append(Image.fromarray(g.astype(np.uint8), "L"))
        else:
            raise ValueError(style)
    return out


def _photo(rgb: np.ndarray, r: random.Random) -> Image.Image:
    h, w = rgb.shape[:2]
    pad = int(w * 0.09)
    W, H = w + 2 * pad, h + 2 * pad
    desk = r.choice([(120, 84, 52), (128, 128, 124), (58, 54, 50), (206, 192, 166)])
    bg = np.zeros((H, W, 3), np.float32) + np.array(desk, np.float32)
    g = np.random.default_rng(r.randrange(2**32))
    grain = cv2.GaussianBlur(g.normal(0, 16, (H, W)).astype(np.float32), (0, 0), 2.5)
    bg += grain[..., None]
    bg = np.clip(bg, 0, 255).astype(np.uint8)
    j = 0.022
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32(
        [[pad + r.uniform(-j, j) * w, pad + r.uniform(-j, j) * h] for _ in range(1)]
        + [[pad + w + r.uniform(-j, j) * w, pad + r.uniform(-j, j) * h]]
        + [[pad + w + r.uniform(-j, j) * w, pad + h + r.uniform(-j, j) * h]]
        + [[pad + r.uniform(-j, j) * w, pad + h + r.uniform(-j, j) * h]]
    )
    m = cv2.getPerspectiveTransform(src, dst)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (W, H))
    shadow = cv2.GaussianBlur(cv2.warpAffine(mask, np.float32([[1, 0, 14], [0, 1, 18]]), (W, H)), (0, 0), 14)
    page = cv2.warpPerspective(rgb, m, (W, H), flags=cv2.INTER_LINEAR)
    out = bg.astype(np.float32) * (1 - 0.55 * shadow[..., None] / 255.0)
    a = mask[..., None] / 255.0
    out = out * (1 - a) + page.astype(np.float32) * a
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = r.choice([(0, 0), (W, 0), (0, H), (W, H)])
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.sqrt(W**2 + H**2)
    out *= (1.0 - 0.28 * dist)[..., None] * 1.03
    out *= np.array([1.0, 0.96, 0.88], np.float32)
    out = cv2.GaussianBlur(np.clip(out, 0, 255).astype(np.uint8), (0, 0), r.uniform(0.6, 0.9))
    out = _noise(out, r, 3.0)
    return Image.fromarray(out, "RGB")


def encode(imgs: list[Image.Image], fmt: str, style: str, dpi: int) -> bytes:
    buf = io.BytesIO()
    if fmt == "jpg":
        imgs[0].save(buf, "JPEG", quality=66 if style == "photo" else 55, dpi=(dpi, dpi))
    elif fmt == "png":
        imgs[0].save(buf, "PNG", optimize=True, dpi=(dpi, dpi))
    elif fmt == "tif":
        res = (204, 196) if style == "fax" else (dpi, dpi)
        if imgs[0].mode == "1":
            kw = {"compression": "group4"}
        else:
            kw = {"compression": "jpeg", "quality": 55}
        imgs[0].save(buf, "TIFF", save_all=True, append_images=imgs[1:], dpi=res, **kw)
    elif fmt == "pdf":
        kw = {} if imgs[0].mode == "1" else {"quality": 52}
        imgs[0].save(
            buf, "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi),
            creationDate=_FIXED, modDate=_FIXED, producer="Scan", title="Scan", **kw,
        )
    else:
        raise ValueError(fmt)
    return buf.getvalue()


_FIXED = _time.strptime("20261208093000", "%Y%m%d%H%M%S")
