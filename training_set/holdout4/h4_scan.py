"""Scans of the holdout4 corpus: rasterised by poppler ``pdftocairo`` or MuPDF ``mutool draw``,
then degraded by our own OpenCV/numpy pipeline, drawn on with Pillow.

Styles (the suffix of the file name):

- ``printscan``  — print-then-scan: dot gain, clustered-dot halftone of the greys, ink bleed,
  recycled-paper grey with fibres, slight skew; grey JPEG pages in a PDF written by PDFium, or a
  ``.jpg``.
- ``highlight``  — 150-dpi colour "scan to e-mail": a yellow highlighter stroke over the order
  number, a ballpoint note in a script font ("reçu le …", initials), sometimes a circle round
  the number and a tick; JPEG PDF or ``.jpg``.
- ``stampholes`` — a "REÇU LE" date stamp overlapping the text, two punched holes, a staple
  and its shadow; 16-grey PNG or colour JPEG.
- ``foldspine``  — a letter folded in three (creases with shading and a small shift) and a
  flatbed's book-spine shadow bending the lines near one edge; JPEG-compressed TIFF.
- ``multipage``  — every page scanned, with a blank back page (show-through) or a page fed
  upside down or sideways; multi-page TIFF (LZW, 16 greys) written by OpenCV, or a JPEG PDF.
- ``moirepaper`` — copy on tinted paper (pink, yellow, green or blue liasse sheet) with a
  moiré beat pattern, strong colour JPEG; ``.jpg`` or a JPEG PDF.
- ``signed``     — (negatives) our quote signed "Bon pour accord" with the customer's rubber
  stamp, a date and a signature; colour JPEG PDF.

Marks never cover the order number's characters (the highlighter is translucent) nor the
labelled identifiers: their boxes are found in the source PDF with pypdfium2, which only
positions the marks; no document is chosen or changed by what an extractor reads.
Imports only ``h4_data``.
"""

from __future__ import annotations

import io
import math
import random
import subprocess
import tempfile
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from h4_data import Doc
from PIL import Image, ImageDraw, ImageFont

SCRIPT = "/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf"
SCRIPT_B = "/usr/share/fonts/opentype/dancingscript/DancingScript-Bold.otf"
HAND = "/usr/share/fonts/opentype/comic-neue/ComicNeue-Bold.otf"
STAMP = "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf"

Box = tuple[int, float, float, float, float]  # page, x0, y0, x1, y1 in points from the top left

# --------------------------------------------------------------------------- raster


def rasterise(pdf: bytes, dpi: int, color: bool, engine: str) -> list[np.ndarray]:
    """Pages as uint8 arrays (H×W grey or H×W×3 RGB)."""
    with tempfile.TemporaryDirectory(prefix="h4scan_") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        if engine == "cairo":
            cmd = ["pdftocairo", "-png", "-r", str(dpi)]
            if not color:
                cmd.append("-gray")
            subprocess.run([*cmd, str(src), str(Path(tmp) / "p")], check=True, capture_output=True)
        else:
            subprocess.run(
                [
                    "mutool",
                    "draw",
                    "-q",
                    "-r",
                    str(dpi),
                    "-c",
                    "rgb" if color else "gray",
                    "-o",
                    str(Path(tmp) / "p-%d.png"),
                    str(src),
                ],
                check=True,
                capture_output=True,
            )
        files = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        pages = []
        for f in files:
            im = Image.open(f)
            im = im.convert("RGB" if color else "L")
            pages.append(np.array(im))
        return pages


def find_boxes(pdf: bytes, text: str) -> list[Box]:
    """Where ``text`` is printed in the source PDF (points, origin top left)."""
    out: list[Box] = []
    if not text:
        return out
    doc = pdfium.PdfDocument(pdf)
    try:
        for k in range(len(doc)):
            page = doc[k]
            h = page.get_height()
            tp = page.get_textpage()
            searcher = tp.search(text, match_case=True)
            while True:
                hit = searcher.get_next()
                if not hit:
                    break
                start, count = hit
                xs0, ys0, xs1, ys1 = [], [], [], []
                for i in range(start, start + count):
                    left, bottom, right, top = tp.get_charbox(i)
                    if right - left <= 0:
                        continue
                    xs0.append(left)
                    xs1.append(right)
                    ys0.append(h - top)
                    ys1.append(h - bottom)
                if xs0:
                    out.append((k, min(xs0), min(ys0), max(xs1), max(ys1)))
    finally:
        doc.close()
    return out


def px(box: Box, dpi: int, pad: float = 0) -> tuple[int, int, int, int]:
    s = dpi / 72
    _, x0, y0, x1, y1 = box
    return int((x0 - pad) * s), int((y0 - pad) * s), int((x1 + pad) * s), int((y1 + pad) * s)


def overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


# --------------------------------------------------------------------------- drawing on the paper


def to_rgb(a: np.ndarray) -> np.ndarray:
    return a if a.ndim == 3 else np.repeat(a[:, :, None], 3, axis=2)


def multiply(page: np.ndarray, layer: Image.Image) -> np.ndarray:
    """Ink of an RGBA layer, multiplied onto the page (ink is translucent)."""
    arr = np.asarray(layer).astype(np.float32) / 255.0
    rgb, alpha = arr[:, :, :3], arr[:, :, 3:4]
    base = to_rgb(page).astype(np.float32) / 255.0
    out = base * (1 - alpha + alpha * rgb)
    return np.clip(out * 255, 0, 255).astype(np.uint8)


def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def text_patch(
    text: str, path: str, size: int, color: tuple[int, int, int], angle: float
) -> Image.Image:
    f = font(path, size)
    x0, y0, x1, y1 = f.getbbox(text)
    im = Image.new("RGBA", (x1 - x0 + 20, y1 - y0 + 20), (0, 0, 0, 0))
    ImageDraw.Draw(im).text((10 - x0, 10 - y0), text, font=f, fill=(*color, 235))
    return im.rotate(angle, expand=True, resample=Image.BICUBIC)


def free_spot(
    rng: random.Random,
    size: tuple[int, int],
    page_shape: tuple[int, int],
    avoid: list[tuple[int, int, int, int]],
    region: tuple[float, float, float, float] = (0.05, 0.05, 0.95, 0.95),
) -> tuple[int, int]:
    h, w = page_shape
    bw, bh = size
    for _ in range(200):
        x = rng.randint(int(region[0] * w), max(int(region[0] * w) + 1, int(region[2] * w) - bw))
        y = rng.randint(int(region[1] * h), max(int(region[1] * h) + 1, int(region[3] * h) - bh))
        if not any(overlaps((x, y, x + bw, y + bh), a) for a in avoid):
            return x, y
    return int(region[0] * w), int(region[3] * h) - bh


def pen_color(rng: random.Random) -> tuple[int, int, int]:
    return rng.choice([(25, 45, 150), (20, 30, 110), (30, 30, 35), (170, 30, 40)])


def highlighter(
    layer: Image.Image, box: tuple[int, int, int, int], rng: random.Random, dpi: int
) -> None:
    x0, y0, x1, y1 = box
    d = ImageDraw.Draw(layer)
    color = rng.choice([(255, 238, 60), (255, 245, 90), (180, 255, 110), (255, 170, 220)])
    h = (y1 - y0) * rng.uniform(1.25, 1.6)
    cy = (y0 + y1) / 2
    slope = rng.uniform(-0.02, 0.02)
    start = x0 - rng.uniform(0.05, 0.2) * dpi
    end = x1 + rng.uniform(0.05, 0.25) * dpi
    n = 24
    top = [
        (
            start + (end - start) * k / n,
            cy - h / 2 + slope * (end - start) * k / n + rng.uniform(-1, 1) * dpi / 150,
        )
        for k in range(n + 1)
    ]
    bot = [(x, y + h + rng.uniform(-1, 1) * dpi / 150) for x, y in reversed(top)]
    d.polygon(top + bot, fill=(*color, 150))


def ellipse_pen(
    layer: Image.Image,
    box: tuple[int, int, int, int],
    rng: random.Random,
    color: tuple[int, int, int],
    dpi: int,
) -> None:
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    rx, ry = (x1 - x0) / 2 + dpi * 0.12, (y1 - y0) / 2 + dpi * 0.09
    start = rng.uniform(0, 2 * math.pi)
    pts = []
    for k in range(80):
        t = start + 2 * math.pi * 1.08 * k / 79
        wob = 1 + 0.04 * math.sin(3 * t + start)
        pts.append((cx + rx * wob * math.cos(t), cy + ry * wob * math.sin(t)))
    ImageDraw.Draw(layer).line(pts, fill=(*color, 230), width=max(2, dpi // 70))


def tick(
    layer: Image.Image, x: int, y: int, rng: random.Random, color: tuple[int, int, int], dpi: int
) -> None:
    s = dpi / 150
    pts = [(x, y), (x + 8 * s, y + 10 * s), (x + 26 * s, y - 16 * s)]
    ImageDraw.Draw(layer).line(pts, fill=(*color, 230), width=max(2, dpi // 70), joint="curve")


def signature(
    layer: Image.Image, x: int, y: int, rng: random.Random, color: tuple[int, int, int], dpi: int
) -> None:
    s = dpi / 150
    pts = []
    t = 0.0
    for k in range(60):
        t += rng.uniform(0.15, 0.35)
        pts.append(
            (x + k * 3.2 * s, y + 14 * s * math.sin(t * 3) + rng.uniform(-3, 3) * s - k * 0.3 * s)
        )
    ImageDraw.Draw(layer).line(pts, fill=(*color, 230), width=max(2, dpi // 75), joint="curve")
    ImageDraw.Draw(layer).line(
        [(x - 5 * s, y + 22 * s), (x + 170 * s, y + 16 * s)],
        fill=(*color, 200),
        width=max(1, dpi // 100),
    )


def stamp_patch(
    lines: list[str], color: tuple[int, int, int], dpi: int, rng: random.Random, angle: float
) -> Image.Image:
    s = dpi / 150 * 1.3
    f_big = font(STAMP, int(24 * s))
    f_small = font(STAMP, int(15 * s))
    widths = [(f_big if k == 1 else f_small).getlength(t) for k, t in enumerate(lines)]
    w = int(max(widths) + 36 * s)
    h = int(len(lines) * 25 * s + 30 * s)
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    ink = (*color, 255)
    d.rounded_rectangle(
        (2, 2, w - 3, h - 3), radius=int(8 * s), outline=ink, width=max(2, int(3 * s))
    )
    d.rounded_rectangle(
        (int(7 * s), int(7 * s), w - int(8 * s), h - int(8 * s)),
        radius=int(5 * s),
        outline=ink,
        width=max(1, int(1.3 * s)),
    )
    y = 14 * s
    for k, t in enumerate(lines):
        f = f_big if k == 1 else f_small
        d.text(((w - f.getlength(t)) / 2, y), t, font=f, fill=ink)
        y += (29 if k == 1 else 23) * s
    # dry ink: holes in the ink, uneven pressure
    a = np.asarray(im).copy()
    noise = np.random.default_rng(rng.randint(0, 2**31)).random(a.shape[:2])
    pressure = np.linspace(rng.uniform(0.55, 0.8), rng.uniform(0.9, 1.0), a.shape[1])[None, :]
    alpha = a[:, :, 3].astype(np.float32) * pressure * (noise > 0.18)
    a[:, :, 3] = np.clip(cv2.GaussianBlur(alpha, (0, 0), 0.7 * s), 0, 255).astype(np.uint8)
    return Image.fromarray(a).rotate(angle, expand=True, resample=Image.BICUBIC)


def notes_for(doc: Doc, rng: random.Random) -> list[str]:
    who = rng.choice(["JM", "SB", "Nath.", "FL", "Céline", "KR", "PA"])
    d = doc.day.plus(rng.randint(2, 6))
    return [
        f"reçu le {d.d}/{d.m}",
        f"saisi le {d.d:02d}/{d.m:02d} {who}",
        f"OK {who}",
        f"vu {who} – à saisir",
        "Urgent !",
        "copie compta",
        f"livré partiel ? voir {who}",
        f"reçu {d.d}/{d.m} – {who}",
    ]


# --------------------------------------------------------------------------- scanner effects (numpy / OpenCV)


def paper_and_light(
    img: np.ndarray, rng: random.Random, tint: tuple[float, float, float], unevenness: float
) -> np.ndarray:
    """Multiply by a paper colour and a smooth light field."""
    h, w = img.shape[:2]
    small = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 1, (6, 5)).astype(np.float32)
    field = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    field = 1 - unevenness * (field - field.min()) / (np.ptp(field) + 1e-6)
    f = img.astype(np.float32) / 255.0
    if f.ndim == 2:
        lum = sum(tint) / 3
        out = f * lum * field
    else:
        out = f * np.array(tint, np.float32)[None, None, :] * field[:, :, None]
    return np.clip(out * 255, 0, 255).astype(np.uint8)


def rotate(img: np.ndarray, angle: float, fill: int | tuple[int, int, int]) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = fill if img.ndim == 2 else tuple(int(c) for c in fill)  # type: ignore[arg-type]
    return cv2.warpAffine(
        img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def noise(img: np.ndarray, rng: random.Random, sigma: float) -> np.ndarray:
    g = (
        np.random.default_rng(rng.randint(0, 2**31))
        .normal(0, sigma, img.shape[:2])
        .astype(np.float32)
    )
    if img.ndim == 3:
        g = g[:, :, None]
    return np.clip(img.astype(np.float32) + g, 0, 255).astype(np.uint8)


def halftone(grey: np.ndarray, period: int) -> np.ndarray:
    """Clustered-dot screen at 45° for the mid greys (a laser printer's shading)."""
    h, w = grey.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    u = (xx + yy) * (math.pi / period)
    v = (xx - yy) * (math.pi / period)
    screen = (np.cos(u) * np.cos(v) + 1) / 2 * 255  # 0..255 threshold map
    mid = (grey > 70) & (grey < 235)
    out = grey.copy()
    out[mid] = np.where(grey[mid] > screen[mid], 250, 35).astype(np.uint8)
    return out


def printscan(img: np.ndarray, rng: random.Random, dpi: int) -> np.ndarray:
    g = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    g = halftone(g, rng.choice([4, 5]))
    # dot gain: the toner spreads, thin strokes thicken
    k = np.ones((2, 2), np.uint8)
    g = cv2.erode(g, k, iterations=1) if rng.random() < 0.7 else g
    # ink bleed then the scanner's optics
    g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.7, 1.0) * dpi / 200)
    lut = np.clip((np.arange(256) / 255.0) ** rng.uniform(0.85, 1.15) * 255, 0, 255).astype(
        np.uint8
    )
    g = cv2.LUT(g, lut)
    # recycled paper: grey, with short dark fibres
    g = paper_and_light(g, rng, (0.93, 0.92, 0.90), 0.05)
    fib = Image.new("L", (g.shape[1], g.shape[0]), 0)
    d = ImageDraw.Draw(fib)
    for _ in range(rng.randint(60, 160)):
        x, y = rng.randrange(g.shape[1]), rng.randrange(g.shape[0])
        a = rng.uniform(0, math.pi)
        ln = rng.uniform(3, 12) * dpi / 200
        d.line(
            [(x, y), (x + ln * math.cos(a), y + ln * math.sin(a))],
            fill=rng.randint(25, 70),
            width=1,
        )
    g = np.clip(g.astype(np.int16) - np.asarray(fib, np.int16), 0, 255).astype(np.uint8)
    g = rotate(g, rng.uniform(-0.9, 0.9), int(g[5, 5]))
    return noise(g, rng, 2.2)


def fold_spine(img: np.ndarray, rng: random.Random, dpi: int) -> np.ndarray:
    g = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    h, w = g.shape
    g = paper_and_light(g, rng, (0.96, 0.96, 0.95), 0.06).astype(np.float32)
    # letter fold in three: shading across each crease and a small shift of the lower part
    for frac in (1 / 3, 2 / 3):
        y = int(h * frac + rng.uniform(-0.01, 0.01) * h)
        shift = rng.randint(-3, 3)
        if shift:
            g[y:] = np.roll(g[y:], shift, axis=1)
        yy = np.arange(h, dtype=np.float32)[:, None]
        dark = np.exp(-(((yy - y) / (0.012 * dpi)) ** 2)) * rng.uniform(45, 75)
        light = np.exp(-(((yy - y - 0.035 * dpi) / (0.03 * dpi)) ** 2)) * 12
        g = g - dark + light
    # book-spine shadow: the page lifts off the glass near one edge, darker and bent
    side = rng.choice(["left", "right"])
    xx = np.arange(w, dtype=np.float32)
    dist = xx if side == "left" else (w - 1 - xx)
    width = rng.uniform(0.35, 0.6) * dpi
    shade = np.exp(-dist / width) * rng.uniform(110, 160)
    g = g - shade[None, :]
    mapx = np.tile(xx, (h, 1))
    mapy = np.tile(np.arange(h, dtype=np.float32)[:, None], (1, w))
    bend = np.exp(-dist / (width * 1.2)) * (mapy - h / 2) / h * rng.uniform(10, 18) * dpi / 200
    mapy = (mapy + bend).astype(np.float32)
    g = np.clip(g, 0, 255).astype(np.uint8)
    g = cv2.remap(
        g,
        mapx.astype(np.float32),
        mapy,
        interpolation=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )
    g = rotate(g, rng.uniform(-1.2, 1.2), 235)
    g = cv2.GaussianBlur(g, (0, 0), 0.6)
    return noise(g, rng, 2.0)


def moire_paper(img: np.ndarray, rng: random.Random, dpi: int) -> np.ndarray:
    rgb = to_rgb(img).astype(np.float32)
    h, w = rgb.shape[:2]
    tint = rng.choice([(1.0, 0.86, 0.90), (1.0, 0.97, 0.74), (0.86, 0.98, 0.84), (0.84, 0.92, 1.0)])
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a1, a2 = math.radians(rng.uniform(10, 20)), math.radians(rng.uniform(22, 35))
    p1, p2 = rng.uniform(3.0, 3.4), rng.uniform(3.1, 3.6)
    beat = np.cos((xx * math.cos(a1) + yy * math.sin(a1)) * 2 * math.pi / p1) * np.cos(
        (xx * math.cos(a2) + yy * math.sin(a2)) * 2 * math.pi / p2
    )
    beat = cv2.GaussianBlur(beat, (0, 0), 1.2)
    ink = 1 - rgb.mean(axis=2) / 255.0
    amp = rng.uniform(50, 80)
    rgb = rgb + (beat * amp * (0.25 + ink))[:, :, None]
    out = paper_and_light(np.clip(rgb, 0, 255).astype(np.uint8), rng, tint, 0.08)
    out = rotate(out, rng.uniform(-1.0, 1.0), tuple(int(c) for c in out[4, 4]))
    out = cv2.GaussianBlur(out, (0, 0), 0.55)
    return noise(out, rng, 2.5)


def holes_and_staple(img: np.ndarray, rng: random.Random, dpi: int) -> np.ndarray:
    out = img.copy()
    h, _w = out.shape[:2]
    mm = dpi / 25.4
    cx = int(9 * mm)
    r = int(2.8 * mm)
    lid = rng.choice([40, 70, 245])
    for cy in (h // 2 - int(40 * mm), h // 2 + int(40 * mm)):
        color = lid if out.ndim == 2 else (lid, lid, lid)
        cv2.circle(
            out,
            (cx + rng.randint(-3, 3), cy + rng.randint(-3, 3)),
            r,
            color,
            -1,
            lineType=cv2.LINE_AA,
        )
        if lid > 200:  # a white lid: only the hole's shadow ring shows
            cv2.circle(
                out,
                (cx, cy),
                r,
                110 if out.ndim == 2 else (110, 110, 110),
                max(1, dpi // 100),
                lineType=cv2.LINE_AA,
            )
    # staple, top left, slanted, with its shadow
    x, y = int(rng.uniform(6, 12) * mm), int(rng.uniform(6, 10) * mm)
    ang = math.radians(rng.uniform(-50, -35))
    ln = 12 * mm
    p0 = (x, y + int(ln * 0.7))
    p1 = (int(x + ln * math.cos(ang)), int(y + ln * 0.7 + ln * math.sin(ang)))
    shadow = 150 if out.ndim == 2 else (150, 150, 150)
    metal = 90 if out.ndim == 2 else (95, 95, 100)
    cv2.line(
        out,
        (p0[0] + 3, p0[1] + 4),
        (p1[0] + 3, p1[1] + 4),
        shadow,
        max(3, int(1.2 * mm)),
        lineType=cv2.LINE_AA,
    )
    cv2.line(out, p0, p1, metal, max(2, int(0.7 * mm)), lineType=cv2.LINE_AA)
    return out


def office_scan(img: np.ndarray, rng: random.Random, dpi: int, color: bool) -> np.ndarray:
    out = paper_and_light(img, rng, (0.98, 0.97, 0.95) if color else (0.95, 0.95, 0.95), 0.05)
    out = rotate(
        out,
        rng.uniform(-1.0, 1.0),
        int(out[4, 4]) if out.ndim == 2 else tuple(int(c) for c in out[4, 4]),
    )
    out = cv2.GaussianBlur(out, (0, 0), 0.5)
    return noise(out, rng, 2.0)


def posterize(g: np.ndarray, levels: int) -> np.ndarray:
    """Few grey levels and a flat background, as a scanner's "text" mode writes them."""
    g = cv2.medianBlur(g, 3)
    step = 255 / (levels - 1)
    out = (np.round(g.astype(np.float32) / step) * step).astype(np.uint8)
    out[g >= 200] = round(14 * step)
    return out


# --------------------------------------------------------------------------- encoders


def jpeg(img: np.ndarray, q: int, subsample: bool = True) -> bytes:
    arr = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
    params = [cv2.IMWRITE_JPEG_QUALITY, q]
    if img.ndim == 3:
        params += [
            cv2.IMWRITE_JPEG_SAMPLING_FACTOR,
            cv2.IMWRITE_JPEG_SAMPLING_FACTOR_420
            if subsample
            else cv2.IMWRITE_JPEG_SAMPLING_FACTOR_444,
        ]
    ok, buf = cv2.imencode(".jpg", arr, params)
    assert ok
    return buf.tobytes()


def image_pdf(jpegs: list[tuple[bytes, int, int]], dpi: int) -> bytes:
    """A PDF of JPEG pages only (no text layer), written by PDFium."""
    pdf = pdfium.PdfDocument.new()
    for data, w, h in jpegs:
        wp, hp = w * 72 / dpi, h * 72 / dpi
        page = pdf.new_page(wp, hp)
        img = pdfium.PdfImage.new(pdf)
        img.load_jpeg(io.BytesIO(data), inline=False)
        img.set_matrix(pdfium.PdfMatrix().scale(wp, hp))
        page.insert_obj(img)
        page.gen_content()
    buf = io.BytesIO()
    pdf.save(buf)
    pdf.close()
    return buf.getvalue()


def png_grey16(img: np.ndarray) -> bytes:
    g = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    im = Image.fromarray(posterize(g, 16)).quantize(16, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def tiff_jpeg(img: np.ndarray, dpi: int, q: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="TIFF", compression="jpeg", quality=q, dpi=(dpi, dpi))
    return buf.getvalue()


def tiff_multi(pages: list[np.ndarray]) -> bytes:
    with tempfile.TemporaryDirectory(prefix="h4tif_") as tmp:
        f = str(Path(tmp) / "out.tif")
        ok = cv2.imwritemulti(
            f, [posterize(p, 16) for p in pages], [cv2.IMWRITE_TIFF_COMPRESSION, 5]
        )
        assert ok
        return Path(f).read_bytes()


# --------------------------------------------------------------------------- the styles

STYLE_SETUP = {
    # style: (dpi, colour, rasteriser)
    "printscan": (200, False, "mupdf"),
    "highlight": (150, True, "cairo"),
    "stamp_holes": (170, False, "cairo"),
    "fold_spine": (180, False, "mupdf"),
    "multipage": (150, False, "mupdf"),
    "moire_paper": (150, True, "cairo"),
    "signed": (150, True, "mupdf"),
}


def make_scan(doc: Doc, pdf: bytes, style: str) -> tuple[bytes, str]:
    rng = random.Random(f"20261207:scan:{doc.family}:{doc.index}")
    dpi, color, engine = STYLE_SETUP[style]
    if style == "printscan" and doc.family in ("tex_multipage_header",):
        dpi = 150
    if style == "stamp_holes" and rng.random() < 0.4:
        color, dpi = True, 150
    pages = rasterise(pdf, dpi, color, engine)
    num_boxes = find_boxes(pdf, doc.printed) if doc.printed else []
    keep: dict[int, list[tuple[int, int, int, int]]] = {}
    for text in (doc.printed, doc.vat_print, doc.siret_print):
        for b in find_boxes(pdf, text):
            keep.setdefault(b[0], []).append(px(b, dpi, pad=6))

    # 1. marks made on the paper before it was scanned
    marked = []
    for k, page in enumerate(pages):
        h, w = page.shape[:2]
        avoid = keep.get(k, [])
        layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        drew = False
        pen = pen_color(rng)
        if k == 0 and style in (
            "highlight",
            "moire_paper",
            "stamp_holes",
            "printscan",
            "fold_spine",
        ):
            want_note = style == "highlight" or rng.random() < 0.45
            if style == "highlight" and num_boxes and num_boxes[0][0] == 0:
                nb = px(num_boxes[0], dpi)
                highlighter(layer, nb, rng, dpi)
                if rng.random() < 0.4:
                    ellipse_pen(layer, nb, rng, pen, dpi)
                drew = True
            elif (
                style == "moire_paper" and num_boxes and num_boxes[0][0] == 0 and rng.random() < 0.5
            ):
                ellipse_pen(layer, px(num_boxes[0], dpi), rng, pen, dpi)
                drew = True
            if want_note:
                note = rng.choice(notes_for(doc, rng))
                patch = text_patch(
                    note,
                    rng.choice([SCRIPT, SCRIPT_B, HAND]),
                    int(rng.uniform(26, 36) * dpi / 150),
                    pen,
                    rng.uniform(-9, 9),
                )
                x, y = free_spot(
                    rng,
                    patch.size,
                    (h, w),
                    avoid,
                    region=rng.choice(
                        [(0.5, 0.02, 0.98, 0.2), (0.05, 0.75, 0.95, 0.97), (0.55, 0.3, 0.98, 0.6)]
                    ),
                )
                layer.alpha_composite(patch, (x, y))
                avoid.append((x, y, x + patch.size[0], y + patch.size[1]))
                if rng.random() < 0.5:
                    tx, ty = free_spot(rng, (40, 30), (h, w), avoid, region=(0.02, 0.35, 0.12, 0.8))
                    tick(layer, tx, ty + 20, rng, pen, dpi)
                drew = True
        if style == "stamp_holes" and k == 0:
            d = doc.day.plus(rng.randint(2, 7))
            mois = [
                "JANV.",
                "FÉVR.",
                "MARS",
                "AVR.",
                "MAI",
                "JUIN",
                "JUIL.",
                "AOÛT",
                "SEPT.",
                "OCT.",
                "NOV.",
                "DÉC.",
            ][d.m - 1]
            lines = [
                rng.choice(["REÇU LE", "ARRIVÉ LE", "ENREGISTRÉ LE"]),
                f"{d.d:02d} {mois} {d.y}",
                rng.choice(["SOLVIANE — ADV", "SERVICE COMMERCIAL", "SOLVIANE INSTRUMENTS"]),
            ]
            ink = rng.choice([(200, 35, 45), (110, 50, 165), (30, 60, 170)])
            patch = stamp_patch(lines, ink, dpi, rng, rng.uniform(-12, 12))
            x, y = free_spot(rng, patch.size, (h, w), avoid, region=(0.3, 0.08, 0.97, 0.7))
            layer.alpha_composite(patch, (x, y))
            drew = True
        if style == "signed" and k == len(pages) - 1:
            c = doc.cust
            ink = rng.choice([(30, 60, 170), (110, 50, 165)])
            patch = stamp_patch(
                [c.name[:30].upper(), c.city.upper(), f"Tél. {c.phone}"],
                ink,
                dpi,
                rng,
                rng.uniform(-8, 8),
            )
            x, y = free_spot(rng, patch.size, (h, w), avoid, region=(0.45, 0.45, 0.98, 0.95))
            layer.alpha_composite(patch, (x, y))
            avoid.append((x, y, x + patch.size[0], y + patch.size[1]))
            d = doc.day.plus(rng.randint(3, 12))
            for text in (
                rng.choice(["Bon pour accord", "Bon pour accord le " + d.fr(), "BON POUR ACCORD"]),
                doc.contact_name,
            ):
                p = text_patch(text, SCRIPT_B, int(34 * dpi / 150), pen, rng.uniform(-6, 4))
                x, y = free_spot(rng, p.size, (h, w), avoid, region=(0.05, 0.5, 0.6, 0.97))
                layer.alpha_composite(p, (x, y))
                avoid.append((x, y, x + p.size[0], y + p.size[1]))
            sx, sy = free_spot(
                rng,
                (int(200 * dpi / 150), int(60 * dpi / 150)),
                (h, w),
                avoid,
                region=(0.05, 0.55, 0.7, 0.97),
            )
            signature(layer, sx, sy + 30, rng, pen, dpi)
            drew = True
        if drew:
            page = multiply(page, layer)
            if not color:
                page = cv2.cvtColor(page, cv2.COLOR_RGB2GRAY)
        marked.append(page)

    # 2. the scanner
    if style == "printscan":
        out = [printscan(p, rng, dpi) for p in marked]
    elif style == "fold_spine":
        out = [fold_spine(p, rng, dpi) for p in marked]
    elif style == "moire_paper":
        out = [moire_paper(p, rng, dpi) for p in marked]
    elif style == "stamp_holes":
        out = [
            holes_and_staple(office_scan(p, rng, dpi, color), rng, dpi)
            if k == 0
            else office_scan(p, rng, dpi, color)
            for k, p in enumerate(marked)
        ]
    elif style == "multipage":
        out = [office_scan(p, rng, dpi, False) for p in marked]
        trick = rng.choice(["blank", "rot180", "rot90"]) if len(out) > 1 else "blank"
        if trick == "blank":
            back = cv2.flip(marked[0], 1)
            ghost = (235 + (back.astype(np.float32) - 255) * 0.05).clip(0, 255).astype(np.uint8)
            out.insert(1, noise(cv2.GaussianBlur(ghost, (0, 0), 2.0), rng, 2.0))
        elif trick == "rot180":
            j = rng.randrange(1, len(out))
            out[j] = cv2.rotate(out[j], cv2.ROTATE_180)
        else:
            j = rng.randrange(1, len(out))
            out[j] = cv2.rotate(out[j], cv2.ROTATE_90_CLOCKWISE)
    else:  # highlight, signed
        out = [office_scan(p, rng, dpi, color) for p in marked]

    # 3. the file
    multi = len(out) > 1
    if style == "multipage":
        if rng.random() < 0.5:
            return tiff_multi(out), "tif"
        return image_pdf([(jpeg(p, 50), p.shape[1], p.shape[0]) for p in out], dpi), "pdf"
    if style == "fold_spine" and not multi:
        return tiff_jpeg(out[0], dpi, 55), "tif"
    if style == "stamp_holes" and not multi:
        return (png_grey16(out[0]), "png") if not color else (jpeg(out[0], 55), "jpg")
    if not multi and rng.random() < 0.45:
        return jpeg(out[0], 50 if color else 48), "jpg"
    q = 45 if color else 46
    return image_pdf([(jpeg(p, q), p.shape[1], p.shape[0]) for p in out], dpi), "pdf"
