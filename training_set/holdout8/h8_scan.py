"""Holdout8 scans: the drawing list re-rendered by Pillow (h8_canvas.raster), then one of the
ordinary ways a supplier's mailbox receives paper: office MFP scan-to-mail (colour / grey
JPEG, 300 dpi black & white), phone photo, phone scanner app, fax. Imports nothing from the
repository. Every random choice comes from the Random passed in.
"""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from h8_canvas import FONTS, raster

PDF_DATE = "D:20261120090000Z"


def _np(im):
    return np.asarray(im.convert("RGB"), dtype=np.float32)


def _im(a):
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def skew(a, rng, max_deg, bg=255.0):
    h, w = a.shape[:2]
    ang = rng.uniform(-max_deg, max_deg)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), ang, 1.0)
    m[:, 2] += (rng.uniform(-6, 6), rng.uniform(-6, 6))
    return cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(bg, bg, bg))


def paper(a, rng, tint):
    a = 255 - (255 - a) * rng.uniform(0.85, 0.95)
    return a * np.array(tint, dtype=np.float32) / 255.0


def noise(a, rng, sigma):
    g = np.random.default_rng(rng.randrange(2**32))
    return a + g.normal(0, sigma, a.shape[:2])[..., None]


def blur(a, k):
    return cv2.GaussianBlur(a, (0, 0), k)


def mfp(pages, rng, grey):
    out = []
    for im in pages:
        a = _np(im)
        a = blur(a, 0.6)
        a = paper(a, rng, (250, 249, 244) if not grey else (246, 246, 246))
        a = skew(a, rng, 0.6, 250)
        a = noise(a, rng, 2.2)
        a = blur(a, 0.4)
        img = _im(a)
        out.append(img.convert("L") if grey else img)
    return out


def bilevel(pages, rng, thresh=165):
    out = []
    for im in pages:
        a = _np(im)
        a = blur(a, 0.7)
        a = skew(a, rng, 0.4)
        a = noise(a, rng, 6)
        g = a.mean(axis=2)
        out.append(Image.fromarray(((g > thresh) * 255).astype(np.uint8)).convert("1", dither=Image.Dither.NONE))
    return out


def fax(pages, rng, header):
    out = []
    n = len(pages)
    for i, im in enumerate(pages):
        # fine fax: 204 x 196 dpi; the page arrives as 1728 px wide
        w = 1728
        h = round(im.height * w / im.width * 196 / 204)
        a = _np(im.resize((w, h), Image.Resampling.LANCZOS))
        a = blur(a, 0.8)
        a = skew(a, rng, 0.8)
        a = noise(a, rng, 10)
        g = a.mean(axis=2)
        b = (g > 150).astype(np.uint8) * 255
        gr = np.random.default_rng(rng.randrange(2**32))
        specks = gr.random(b.shape) < 0.0004
        b[specks] = 0
        for _ in range(rng.randint(1, 3)):  # a few thin streaks from the scanner bar
            r = rng.randrange(120, h - 20)
            b[r : r + 1, :] = np.where(gr.random(w) < 0.5, 255, b[r, :])
        img = Image.fromarray(b)
        d = ImageDraw.Draw(img)
        f = ImageFont.truetype(FONTS["ibm3270-sc"], 22)
        d.rectangle([0, 0, w, 34], fill=255)
        d.text((20, 26), f"{header}   P.{i + 1:03d}/{n:03d}", font=f, fill=0, anchor="ls")
        out.append(img.convert("1", dither=Image.Dither.NONE))
    return out


def phone(pages, rng):
    out = []
    for im in pages:
        a = _np(im)
        h, w = a.shape[:2]
        pad = int(w * 0.09)
        desk = np.array(rng.choice([(120, 96, 70), (168, 160, 150), (70, 74, 82), (200, 196, 186)]), np.float32)
        big = np.empty((h + 2 * pad, w + 2 * pad, 3), np.float32)
        big[:] = desk
        gr = np.random.default_rng(rng.randrange(2**32))
        big += gr.normal(0, 6, big.shape[:2])[..., None]
        big[pad : pad + h, pad : pad + w] = a * np.array((1.0, 0.985, 0.95), np.float32)
        H, Wd = big.shape[:2]
        src = np.float32([[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]])
        j = lambda s: rng.uniform(-s, s) * w  # noqa: E731
        dst = src + np.float32([[j(0.03), j(0.02)], [j(0.03), j(0.02)], [j(0.02), j(0.02)], [j(0.02), j(0.02)]])
        m = cv2.getPerspectiveTransform(src, dst)
        big = cv2.warpPerspective(big, m, (Wd, H), borderMode=cv2.BORDER_REPLICATE)
        yy, xx = np.mgrid[0:H, 0:Wd].astype(np.float32)
        cx, cy = rng.uniform(0.2, 0.8) * Wd, rng.uniform(0.1, 0.5) * H
        light = 1.0 - 0.28 * (((xx - cx) / Wd) ** 2 + ((yy - cy) / H) ** 2)
        big = big * light[..., None] * rng.uniform(0.86, 0.95)
        big = blur(big, rng.uniform(0.7, 1.1))
        big = noise(big, rng, 4)
        img = _im(big)
        img = img.resize((round(Wd * 0.8), round(H * 0.8)), Image.Resampling.BICUBIC)
        out.append(img)
    return out


def scanapp(pages, rng):
    out = []
    for im in pages:
        a = _np(im)
        a = blur(a, 0.9)
        a = skew(a, rng, 0.9)
        a = a * np.array((1.0, 0.98, 0.94), np.float32)
        a = noise(a, rng, 3)
        g = a.mean(axis=2)
        g = np.clip((g - 60) * 255.0 / (225 - 60), 0, 255)  # the app's "document" filter
        sharp = cv2.addWeighted(g, 1.5, cv2.GaussianBlur(g, (0, 0), 1.2), -0.5, 0)
        out.append(_im(sharp).convert("L"))
    return out


def save(pages, fmt, path, quality=60):
    """fmt: pdf-jpeg, jpg, png, tif-jpeg, tif-g4."""
    if fmt == "pdf-jpeg":
        bufs = []
        for p in pages:
            b = io.BytesIO()
            p.save(b, "JPEG", quality=quality, optimize=True)
            bufs.append(Image.open(io.BytesIO(b.getvalue())))
        bufs[0].save(path, "PDF", save_all=True, append_images=bufs[1:], resolution=200,
                     creationDate=PDF_DATE, modDate=PDF_DATE, producer="", title="")
    elif fmt == "pdf-g4":
        pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=300,
                      creationDate=PDF_DATE, modDate=PDF_DATE, producer="", title="")
    elif fmt == "jpg":
        pages[0].save(path, "JPEG", quality=quality, optimize=True)
    elif fmt == "png":
        pages[0].save(path, "PNG", optimize=True)
    elif fmt == "tif-g4":
        pages[0].save(path, "TIFF", compression="group4", save_all=True, append_images=pages[1:], dpi=(204, 196))
    elif fmt == "tif-g4-300":
        pages[0].save(path, "TIFF", compression="group4", save_all=True, append_images=pages[1:], dpi=(300, 300))
    elif fmt == "tif-jpeg":
        pages[0].save(path, "TIFF", compression="jpeg", quality=quality, save_all=True, append_images=pages[1:], dpi=(200, 200))
    else:
        raise ValueError(fmt)


def sign_quote(pages, mark, dpi, rng, cust_name, date):
    """The customer's stamp and signature drawn into the empty 'bon pour accord' box."""
    k = dpi / 72.0
    pi, x0, y0, x1, y1 = mark
    im = pages[pi]
    d = ImageDraw.Draw(im)
    ink = (40, 60, 150)
    fs = ImageFont.truetype(FONTS["andika-b"], round(8 * k))
    fh = ImageFont.truetype(FONTS["purisa"], round(10 * k))
    sx, sy = (x0 + 110) * k, (y0 + 8) * k
    d.rectangle([sx, sy, sx + 150 * k, sy + 34 * k], outline=ink, width=max(2, round(1.2 * k)))
    d.text((sx + 6 * k, sy + 13 * k), cust_name[:28], font=fs, fill=ink, anchor="ls")
    d.text((sx + 6 * k, sy + 27 * k), "Bon pour accord", font=fs, fill=ink, anchor="ls")
    d.text(((x0 + 8) * k, (y0 + 46) * k), f"le {date}", font=fh, fill=(20, 20, 60), anchor="ls")
    pts = [((x0 + 90 + i * 9) * k, (y0 + 52 + rng.uniform(-6, 6)) * k) for i in range(12)]
    d.line(pts, fill=(20, 20, 70), width=max(2, round(0.9 * k)), joint="curve")
    return pages


def scan(canvas, style, rng, header="", sign=None):
    """Returns the degraded page images for a style."""
    dpi = {"mfp-colour": 200, "mfp-grey": 200, "mfp-bw": 300, "fax": 200, "phone": 150, "scanapp": 170}[style]
    pages = raster(canvas, dpi)
    if sign:
        pages = sign_quote(pages, sign[0], dpi, rng, sign[1], sign[2])
    if style == "mfp-colour":
        return mfp(pages, rng, grey=False)
    if style == "mfp-grey":
        return mfp(pages, rng, grey=True)
    if style == "mfp-bw":
        return bilevel(pages, rng)
    if style == "fax":
        return fax(pages, rng, header)
    if style == "phone":
        return phone(pages, rng)
    return scanapp(pages, rng)
