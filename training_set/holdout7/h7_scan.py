
"""Holdout7 scan styles: an own numpy / OpenCV / Pillow pipeline.

Rasters come from Ghostscript's ``png16m`` / ``pnggray`` devices (XeLaTeX and PostScript
families) or matplotlib's Agg renderer (matplotlib families). Marks (where the generator put
the order number and the identifiers, in points from the top-left) let the defects be placed
on the number (highlighter, ballpoint circle) or next to it / away from it (stamp, notes,
holes, fold), never hiding it.
"""

from __future__ import annotations

import io
import math
import random
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

HAND_FONTS = ["/usr/share/fonts/truetype/klee/KleeOne-Regular.ttf",
              "/usr/share/fonts/truetype/femkeklaver/femkeklaver.ttf",
              "/usr/share/fonts/opentype/bwht/BecauseWeLearn-Regular.otf"]
STAMP_FONT = "/usr/share/fonts/truetype/hack/Hack-Bold.ttf"
FIXED_DATE = time.gmtime(datetime(2026, 12, 7, 9, 0, 0).timestamp())


def gs_raster(pdf: Path, dpi: int, grey: bool) -> list[np.ndarray]:
    with tempfile.TemporaryDirectory() as tmp:
        dev = "pnggray" if grey else "png16m"
        subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", f"-sDEVICE={dev}", f"-r{dpi}",
                        "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
                        f"-sOutputFile={tmp}/p%02d.png", str(pdf)], check=True, capture_output=True)
        pages = []
        for f in sorted(Path(tmp).glob("p*.png")):
            pages.append(np.array(Image.open(f).convert("RGB")))
        return pages


def px_boxes(marks: dict, names: tuple, dpi: int, page: int = 1, pad: float = 2.0) -> list[tuple]:
    """Pixel boxes (x0, y0, x1, y1) of the marked runs on a page."""
    k = dpi / 72
    out = []
    for n in names:
        for pg, x0, ytop, x1, size in marks.get(n, []):
            if pg != page:
                continue
            h = 1.02 * size  # cap height + descender
            out.append((int((x0 - pad) * k), int((ytop - pad) * k), int((x1 + pad) * k),
                        int((ytop + h + pad) * k)))
    return out


def overlaps(a, b, margin=0) -> bool:
    return not (a[2] + margin < b[0] or b[2] + margin < a[0] or a[3] + margin < b[1] or b[3] + margin < a[1])


def to_grey(img):
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) if img.ndim == 3 else img


def rgb(img):
    return cv2.cvtColor(img, cv2.COLOR_GRAY2RGB) if img.ndim == 2 else img


def noise(img, r: random.Random, sigma: float):
    rs = np.random.default_rng(r.randrange(2**32))
    return np.clip(img.astype(np.float32) + rs.normal(0, sigma, img.shape), 0, 255).astype(np.uint8)


def paper(img, r, tint=(250, 248, 242)):
    f = img.astype(np.float32) / 255
    t = np.array(tint, np.float32) / 255
    return np.clip(f * t * 255, 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------- styles


def highlighter(img, r, boxes, avoid):
    out = img.astype(np.float32)
    over = np.ones_like(out)
    for (x0, y0, x1, y1) in boxes[:1]:
        h = y1 - y0
        col = r.choice([(255, 242, 60), (250, 236, 30), (255, 235, 80)])
        mask = np.zeros(img.shape[:2], np.uint8)
        pts = []
        ang = r.uniform(-0.02, 0.02)
        for t in np.linspace(0, 1, 12):
            x = x0 - 10 + t * (x1 - x0 + 20)
            pts.append((x, y0 - 2 + r.uniform(-2, 2) + ang * (x - x0)))
        for t in np.linspace(1, 0, 12):
            x = x0 - 10 + t * (x1 - x0 + 20)
            pts.append((x, y1 + 2 + r.uniform(-2, 2) + ang * (x - x0)))
        cv2.fillPoly(mask, [np.array(pts, np.int32)], 255)
        mask = cv2.GaussianBlur(mask, (5, 5), 0).astype(np.float32) / 255
        for c in range(3):
            over[..., c] = over[..., c] * (1 - mask) + mask * (col[c] / 255)
        _ = h
    out = out * over
    return noise(np.clip(out, 0, 255).astype(np.uint8), r, 3)


def biro(img, r, boxes, avoid):
    out = img.copy()
    col = r.choice([(20, 40, 150), (30, 30, 110), (170, 20, 30)])
    for (x0, y0, x1, y1) in boxes[:1]:
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        ax, ay = (x1 - x0) / 2 + 16, (y1 - y0) / 2 + 12
        mode = r.choice(["circle", "circle", "underline"])
        if mode == "circle":
            start = r.uniform(0, 2 * math.pi)
            pts = []
            for t in np.linspace(0, 2 * math.pi * 1.12, 90):
                wob = 1 + 0.05 * math.sin(3 * t + start)
                pts.append((cx + ax * wob * math.cos(t + start), cy + ay * wob * math.sin(t + start) + t * 1.2))
            cv2.polylines(out, [np.array(pts, np.int32)], False, col, 2, cv2.LINE_AA)
        else:
            for k in range(2):
                yy = y1 + 3 + 5 * k
                pts = [(x, yy + 2 * math.sin(x / 37 + k) + r.uniform(-0.7, 0.7))
                       for x in np.linspace(x0 - 6, x1 + 8, 30)]
                cv2.polylines(out, [np.array(pts, np.int32)], False, col, 2, cv2.LINE_AA)
        # a tick mark in the margin
        tx, ty = max(12, x0 - 60), cy
        cv2.polylines(out, [np.array([(tx, ty), (tx + 8, ty + 10), (tx + 26, ty - 14)], np.int32)],
                      False, col, 2, cv2.LINE_AA)
    return noise(out, r, 2.5)


def photocopy(img, r, boxes, avoid):
    g = to_grey(img).astype(np.float32)
    rs = np.random.default_rng(r.randrange(2**32))
    for gen in range(3):
        g = cv2.GaussianBlur(g, (3, 3), 0.7)
        g = 255 - (255 - g) * 1.3  # each copy darkens the toner, paper stays white
        g += rs.normal(0, 6, g.shape)
        if gen == 1:
            g = cv2.erode(g, np.ones((2, 2), np.uint8))  # toner spreads: text thickens
    h, w = g.shape
    yy, xx = np.mgrid[0:h, 0:w]
    edge = np.minimum.reduce([xx, yy, w - 1 - xx, h - 1 - yy]).astype(np.float32)
    g -= 90 * np.exp(-edge / r.uniform(14, 24))  # dark edges of the copied sheet
    spk = rs.random(g.shape) < 0.0009
    g[spk] = rs.uniform(0, 90, spk.sum())
    g = np.clip(g, 0, 255)
    g = np.where(g > 228, 255, g)  # background burnt white
    return g.astype(np.uint8)


def halftone(img, r, boxes, avoid):
    # print at 2x through a 45° dot screen, scan back at 1x: grey fills become dots (moiré)
    g = to_grey(img).astype(np.float32)
    up = cv2.resize(g, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    h, w = up.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = math.radians(r.choice([45, 15, 75]))
    per = r.uniform(4.2, 5.2)
    u = (xx * math.cos(a) + yy * math.sin(a)) * 2 * math.pi / per
    v = (-xx * math.sin(a) + yy * math.cos(a)) * 2 * math.pi / per
    screen = (np.cos(u) + np.cos(v) + 2) / 4 * 255
    dots = np.where(up > screen, 255, 0).astype(np.float32)
    dots = np.where(up < 60, 0, dots)  # solid text stays solid
    down = cv2.resize(dots, (g.shape[1], g.shape[0]), interpolation=cv2.INTER_AREA)
    down = cv2.GaussianBlur(down, (3, 3), 0.6)
    return noise(np.clip(down * 0.97 + 4, 0, 255).astype(np.uint8), r, 4)


def holepunch(img, r, boxes, avoid):
    out = rgb(img).astype(np.float32)
    h, w = out.shape[:2]
    dpi = w / 8.27
    rad = int(0.11 * dpi)
    x = int(0.3 * dpi)
    n = r.choice([2, 4])
    ys = [h / 2 - 0.5 * 80 / 25.4 * dpi * k for k in (-1, 1)] if n == 2 else \
        [h / 2 + (k - 1.5) * 80 / 25.4 * dpi for k in range(4)]
    dark = r.uniform(25, 60)
    for y in ys:
        cv2.circle(out, (x + 3, int(y) + 3), rad, (150, 150, 150), -1, cv2.LINE_AA)  # shadow
        cv2.circle(out, (x, int(y)), rad, (dark, dark, dark), -1, cv2.LINE_AA)
    # fold line: the sheet was folded in three for an envelope
    fold_candidates = [int(h / 3), int(2 * h / 3)]
    safe = [fy for fy in fold_candidates
            if all(not (b[1] - 25 < fy < b[3] + 25) for b in boxes + avoid)]
    for fy in safe[:1] or fold_candidates[:0]:
        prof = np.zeros(h, np.float32)
        yy = np.arange(h)
        prof = 38 * np.exp(-((yy - fy) / (0.02 * dpi * 4)) ** 2) - 16 * np.exp(-((yy - fy - 0.05 * dpi) / (0.05 * dpi)) ** 2)
        out -= prof[:, None, None]
        out[fy:fy + 1] -= 30
    out = paper(np.clip(out, 0, 255).astype(np.uint8), r, (252, 250, 246))
    return noise(out, r, 3)


def curl(img, r, boxes, avoid):
    """Phone photo of a page curling towards the binding on the left."""
    src = rgb(img)
    h, w = src.shape[:2]
    xb = w * r.uniform(0.18, 0.26)
    amp = h * r.uniform(0.012, 0.02)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = np.clip(1 - xx / xb, 0, 1)
    cy = (yy - h / 2) / (h / 2)
    map_y = yy + amp * t ** 2 * (1 + 0.5 * cy) * 3
    map_x = xx - (w * 0.02) * t ** 2.5
    warped = cv2.remap(src, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                       borderValue=(60, 52, 45))
    shade = 1 - 0.42 * t ** 1.8
    out = warped.astype(np.float32) * shade[..., None]
    # slight perspective and a desk around
    pad = int(w * 0.04)
    big = np.full((h + 2 * pad, w + 2 * pad, 3), (70, 58, 48), np.float32)
    big[pad:pad + h, pad:pad + w] = out
    H, W = big.shape[:2]
    d = lambda: r.uniform(-0.012, 0.012) * W  # noqa: E731
    srcq = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    dstq = np.float32([[d(), d()], [W + d(), d()], [W + d(), H + d()], [d(), H + d()]])
    big = cv2.warpPerspective(big, cv2.getPerspectiveTransform(srcq, dstq), (W, H),
                              borderValue=(70, 58, 48))
    big = cv2.GaussianBlur(big, (3, 3), 0.8)
    big *= np.array([1.0, 0.97, 0.9])
    return noise(np.clip(big, 0, 255).astype(np.uint8), r, 4)


def motion(img, r, boxes, avoid):
    n = r.choice([4, 5, 5])
    k = np.zeros((n, n), np.float32)
    ang = r.uniform(-12, 12)
    k[n // 2, :] = 1
    M = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), ang, 1)
    k = cv2.warpAffine(k, M, (n, n))
    k /= k.sum()
    out = cv2.filter2D(rgb(img), -1, k)
    return noise(paper(out, r, (246, 244, 238)), r, 3)


def jpeg15(img, r, boxes, avoid):
    return to_grey(img) if r.random() < 0.5 else img  # the damage is done by the encoder (q 15)


def warmdark(img, r, boxes, avoid):
    f = rgb(img).astype(np.float32) / 255
    lo, hi = r.uniform(0.14, 0.22), r.uniform(0.55, 0.66)
    f = lo + (hi - lo) * f ** 1.1
    f *= np.array([1.0, 0.8, 0.55])  # tungsten light
    h, w = f.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w * r.uniform(0.35, 0.65), h * r.uniform(0.3, 0.6)
    vig = 1 - 0.35 * (((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2) * 2.2
    f *= vig[..., None]
    out = cv2.GaussianBlur((f * 255).astype(np.float32), (3, 3), 0.9)
    return noise(np.clip(out, 0, 255).astype(np.uint8), r, 5)


def recu(img, r, boxes, avoid):
    out = Image.fromarray(rgb(img))
    h, w = img.shape[:2]
    dpi = w / 8.27
    b = boxes[0]
    day = r.randint(2, 27)
    mon = r.choice(["JAN", "FEV", "MARS", "AVR", "MAI", "JUIN", "SEPT", "OCT", "NOV"])
    lines = ["REÇU LE", f"{day:02d} {mon} 2026", r.choice(["SERVICE ADV", "CORVALIS", "COURRIER"])]
    fs = int(0.12 * dpi)
    font = ImageFont.truetype(STAMP_FONT, fs)
    sw, sh = int(fs * 7.2), int(fs * 4.4)
    st = Image.new("L", (sw, sh), 0)
    dr = ImageDraw.Draw(st)
    dr.rounded_rectangle((3, 3, sw - 4, sh - 4), radius=fs // 2, outline=255, width=max(2, fs // 8))
    for i, ln in enumerate(lines):
        tw = dr.textlength(ln, font=font)
        dr.text(((sw - tw) / 2, fs * 0.45 + i * fs * 1.25), ln, fill=255, font=font)
    st = st.rotate(r.uniform(-9, 9), expand=True, resample=Image.BICUBIC)
    a = np.array(st).astype(np.float32) / 255
    rs = np.random.default_rng(r.randrange(2**32))
    a *= np.clip(rs.normal(0.85, 0.25, a.shape), 0, 1)  # uneven ink
    ph, pw = a.shape
    # candidates: right of the number, below it, above it — never over it or the identifiers
    cands = [(b[2] + int(0.25 * dpi), b[1] - ph // 3), (b[0], b[3] + int(0.12 * dpi)),
             (b[0] + int(0.8 * dpi), b[1] - ph - int(0.1 * dpi)), (w - pw - int(0.3 * dpi), int(0.3 * dpi))]
    r.shuffle(cands)
    for x, y in cands:
        box = (x, y, x + pw, y + ph)
        if x < 0 or y < 0 or x + pw > w or y + ph > h:
            continue
        if any(overlaps(box, bb, 6) for bb in boxes + avoid):
            continue
        break
    else:
        x, y = w - pw - 10, 10
    arr = np.array(out).astype(np.float32)
    col = np.array([200, 30, 45], np.float32)
    reg = arr[y:y + ph, x:x + pw]
    arr[y:y + ph, x:x + pw] = reg * (1 - a[..., None] * 0.85) + col * a[..., None] * 0.85 * (reg / 255)
    return noise(np.clip(arr, 0, 255).astype(np.uint8), r, 2.5)


def grid(img, r, boxes, avoid):
    f = rgb(img).astype(np.float32)
    h, w = f.shape[:2]
    dpi = w / 8.27
    step = 5 / 25.4 * dpi
    col = np.array(r.choice([(150, 185, 225), (170, 200, 215), (185, 170, 215)]), np.float32)
    lines = np.zeros((h, w), np.float32)
    off = r.uniform(0, step)
    for k in np.arange(off, w, step):
        lines[:, int(k)] = 0.8
    for k in np.arange(off, h, step):
        lines[int(k), :] = 0.8
    lines = cv2.GaussianBlur(lines, (3, 3), 0.5)
    sheet = 255 - lines[..., None] * (255 - col)
    out = f * sheet / 255
    return noise(np.clip(out, 0, 255).astype(np.uint8), r, 3)


def dither(img, r, boxes, avoid):
    g = to_grey(img).astype(np.float32)
    g = np.clip((g - 20) * 1.08, 0, 255)
    g[g > 238] = 255  # the scanner's white point: paper is pure white
    return g.astype(np.uint8)  # Pillow's convert('1') does the Floyd–Steinberg dithering


NOTES = ["saisi le {d}/{m} – {i}", "OK prix", "voir délai !", "transmis atelier",
         "cde urgente", "attention adresse livraison", "{i} : appeler pour délai", "vu {i}",
         "à facturer en 2 fois", "ok stock"]


def margin(img, r, boxes, avoid):
    out = Image.fromarray(rgb(img))
    h, w = img.shape[:2]
    dpi = w / 8.27
    dr = ImageDraw.Draw(out)
    col = r.choice([(90, 90, 95), (185, 30, 35), (25, 45, 140)])
    font = ImageFont.truetype(r.choice(HAND_FONTS), int(0.2 * dpi))
    placed = 0
    for _ in range(40):
        if placed >= 3:
            break
        note = r.choice(NOTES).format(d=r.randint(2, 28), m=r.randint(1, 11), i=r.choice(["JM", "SB", "KL", "AD"]))
        tw = int(dr.textlength(note, font=font)) + 10
        th = int(0.3 * dpi)
        zone = r.choice(["top", "bottom", "right"])
        if zone == "top":
            x, y = r.randint(int(0.3 * dpi), max(int(0.31 * dpi), w - tw - 20)), int(r.uniform(0.12, 0.3) * dpi)
        elif zone == "bottom":
            x, y = r.randint(int(0.3 * dpi), max(int(0.31 * dpi), w - tw - 20)), h - int(r.uniform(0.75, 1.1) * dpi)
        else:
            x, y = w - tw - int(0.15 * dpi), r.randint(int(2 * dpi), h - int(2 * dpi))
        box = (x, y, x + tw, y + th)
        if any(overlaps(box, bb, 10) for bb in boxes + avoid):
            continue
        tmp = Image.new("L", (tw + 20, th + 30), 0)
        ImageDraw.Draw(tmp).text((5, 5), note, font=font, fill=255)
        tmp = tmp.rotate(r.uniform(-5, 5), expand=True, resample=Image.BICUBIC)
        out.paste(Image.new("RGB", tmp.size, col), (x, y), tmp)
        placed += 1
    # an arrow in the margin
    arr = np.array(out)
    return noise(arr, r, 2.5)


STYLES = {"highlight": highlighter, "biro": biro, "photocopy": photocopy, "halftone": halftone,
          "holepunch": holepunch, "curl": curl, "motion": motion, "jpeg15": jpeg15,
          "warmdark": warmdark, "recu": recu, "grid": grid, "dither": dither, "margin": margin}
DPI = {"highlight": 150, "biro": 150, "photocopy": 150, "halftone": 150, "holepunch": 140,
       "curl": 150, "motion": 150, "jpeg15": 170, "warmdark": 140, "recu": 150, "grid": 150,
       "dither": 240, "margin": 150}
GREY = {"photocopy", "halftone", "dither"}


# --------------------------------------------------------------------------- signatures


def sign_quote(img, r, marks, dpi, party_name: str, contact: str):
    """The customer signs our quote: rubber stamp, "Bon pour accord", date, signature."""
    out = Image.fromarray(rgb(img))
    k = dpi / 72
    _pg, x0, ytop, _x1, _ = marks["signbox"][0]
    sx, sy = int(x0 * k), int(ytop * k)
    dr = ImageDraw.Draw(out)
    ink = (25, 40, 130)
    hf = ImageFont.truetype(r.choice(HAND_FONTS[:2]), int(0.19 * dpi))
    dr.text((int(sx + 1.9 * dpi), sy - int(0.62 * dpi)), "Bon pour accord", font=hf, fill=ink)
    dr.text((int(sx - 1.75 * dpi), sy - int(0.2 * dpi)), f"{r.randint(2, 27):02d}/{r.randint(1, 11):02d}/26", font=hf, fill=ink)
    pts = []
    bx, by = sx + int(0.3 * dpi), sy - int(0.1 * dpi)
    for t in np.linspace(0, 1, 60):
        pts.append((bx + t * 1.3 * dpi + 8 * math.sin(t * 19), by + 12 * math.sin(t * 9) - 10 * t))
    dr.line(pts, fill=ink, width=2)
    # rubber stamp of the company
    sf = ImageFont.truetype(STAMP_FONT, int(0.09 * dpi))
    sw, sh = int(2.3 * dpi), int(0.62 * dpi)
    st = Image.new("L", (sw, sh), 0)
    sd = ImageDraw.Draw(st)
    sd.rectangle((2, 2, sw - 3, sh - 3), outline=255, width=3)
    sd.text((10, 8), party_name[:30], font=sf, fill=255)
    sd.text((10, 8 + int(0.13 * dpi)), "Service achats", font=sf, fill=255)
    sd.text((10, 8 + int(0.26 * dpi)), contact, font=sf, fill=255)
    st = st.rotate(r.uniform(-6, 6), expand=True, resample=Image.BICUBIC)
    out.paste(Image.new("RGB", st.size, (60, 70, 170)), (int(sx + 2.0 * dpi), sy - int(0.4 * dpi)), st)
    return np.array(out)


# --------------------------------------------------------------------------- encoders


def _pil(a):
    return Image.fromarray(a)


def encode(pages: list[np.ndarray], fmt: str, style: str, dpi: int, r: random.Random) -> bytes:
    buf = io.BytesIO()
    q = 15 if style == "jpeg15" else (r.randint(40, 46) if style in ("grid", "photocopy") else r.randint(48, 60))
    if style == "dither":
        ims = [_pil(to_grey(p)).convert("1") for p in pages]
        if fmt == ".tif":
            ims[0].save(buf, "TIFF", compression="group4", dpi=(dpi, dpi), save_all=True,
                        append_images=ims[1:])
        else:
            ims[0].save(buf, "PNG", optimize=True, dpi=(dpi, dpi))
        return buf.getvalue()
    grey = style in GREY
    ims = [_pil(to_grey(p) if grey or p.ndim == 2 else p) for p in pages]
    if fmt == ".jpg":
        ims[0].save(buf, "JPEG", quality=q, dpi=(dpi, dpi), optimize=True)
    elif fmt == ".png":
        im = ims[0]
        # posterised without dithering (the sensor noise melts into flat areas)
        if im.mode == "L":
            a = np.array(im).astype(np.float32)
            im = Image.fromarray((np.round(a / 255 * 7) * (255 / 7)).astype(np.uint8)).quantize(8, dither=Image.Dither.NONE)
        else:
            a = cv2.medianBlur(np.array(im.convert("RGB")), 3)
            a[a.min(axis=2) > 200] = (248, 247, 243)  # paper
            im = Image.fromarray(a).quantize(16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        im.save(buf, "PNG", optimize=True, dpi=(dpi, dpi))
    elif fmt == ".tif":
        ims = [im.convert("L") for im in ims]
        ims[0].save(buf, "TIFF", compression="jpeg", quality=q, dpi=(dpi, dpi), save_all=True,
                    append_images=ims[1:])
    elif fmt == ".pdf":
        ims = [im.convert("RGB") if im.mode not in ("L", "RGB") else im for im in ims]
        ims[0].save(buf, "PDF", resolution=float(dpi), save_all=True, append_images=ims[1:],
                    quality=q, title="Scan", producer="ScanStation", creator="ScanStation",
                    creationDate=FIXED_DATE, modDate=FIXED_DATE)
    else:
        raise ValueError(fmt)
    return buf.getvalue()


def make_scan(pages, style, fmt, dpi, r, marks, sign=None) -> bytes:
    boxes = px_boxes(marks, ("num",), dpi)
    avoid = px_boxes(marks, ("vat", "siret"), dpi, pad=4)
    out = []
    for i, pg in enumerate(pages):
        if sign and i == 0:
            pg = sign_quote(pg, r, marks, dpi, *sign)
        b = boxes if i == 0 else px_boxes(marks, ("num",), dpi, page=i + 1)
        a = avoid if i == 0 else px_boxes(marks, ("vat", "siret"), dpi, page=i + 1, pad=4)
        if not b and style in ("highlight", "biro", "recu"):
            b = [(int(dpi), int(dpi), int(2 * dpi), int(1.2 * dpi))]
        out.append(STYLES[style](pg, r, b, a))
    return encode(out, fmt, style, dpi, r)
