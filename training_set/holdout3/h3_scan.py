"""Holdout3 — scans made from our own text PDFs.

Rasterised by ghostscript (`gs -sDEVICE=pnggray`), then degraded with numpy + Pillow:
photocopy, fax (204x98 dpi, 1 bit, Group 4 TIFF), phone photo (perspective, desk background,
uneven light, blur, JPEG), stamped and signed ("bon pour accord" rubber stamp + handwritten
signature), low-quality JPEG. Every degradation is driven by the document's own Random.
"""

from __future__ import annotations

import math
import random
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts")


def _font(name: str, size: int):
    for p in FONT_DIR.rglob(name):
        return ImageFont.truetype(str(p), size)
    return ImageFont.load_default()


def rasterise(pdf: Path, dpi: int, max_pages: int = 4) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray", f"-r{dpi}",
                        "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", "-dFirstPage=1", f"-dLastPage={max_pages}",
                        f"-sOutputFile={td}/p%02d.png", str(pdf)], check=True)
        return [Image.open(p).copy() for p in sorted(Path(td).glob("p*.png"))]


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.float32) / 255.0


def _img(a: np.ndarray, mode: str = "L") -> Image.Image:
    return Image.fromarray(np.clip(a * 255.0, 0, 255).astype(np.uint8), mode)


# ------------------------------------------------------------------------------- photocopy
def photocopy(page: Image.Image, rng: random.Random) -> Image.Image:
    nrng = np.random.default_rng(rng.randrange(2**32))
    w, h = page.size
    # slight scaling (copier set to 97-99 %) and skew
    s = rng.uniform(0.965, 0.99)
    small = page.resize((int(w * s), int(h * s)), Image.BILINEAR)
    canvas = Image.new("L", (w, h), 255)
    canvas.paste(small, (rng.randint(0, w - small.width), rng.randint(0, h - small.height)))
    canvas = canvas.rotate(rng.uniform(-1.3, 1.3), resample=Image.BILINEAR, fillcolor=255)
    a = _arr(canvas)
    # toner: text darker, paper slightly grey, contrast curve
    a = np.clip((a - 0.12) / 0.8, 0, 1) ** rng.uniform(1.3, 1.8)
    a = 0.06 + a * rng.uniform(0.83, 0.9)
    # uneven toner density from left to right
    grad = np.linspace(rng.uniform(-0.04, 0.0), rng.uniform(0.0, 0.05), w)[None, :]
    a = a - grad
    # vertical toner streaks (dirty drum)
    for _ in range(rng.randint(1, 4)):
        x = rng.randint(0, w - 4)
        width = rng.randint(1, 3)
        a[:, x : x + width] -= rng.uniform(0.15, 0.45) * (nrng.random((h, 1)) > 0.2)
    # grey band from the lid at one edge
    edge = rng.choice(["left", "top", "right"])
    band = rng.randint(int(w * 0.01), int(w * 0.03))
    if edge == "left":
        a[:, :band] *= np.linspace(0.25, 1, band)[None, :]
    elif edge == "right":
        a[:, -band:] *= np.linspace(1, 0.25, band)[None, :]
    else:
        a[:band, :] *= np.linspace(0.25, 1, band)[:, None]
    # speckles
    n = int(w * h * rng.uniform(0.00004, 0.00012))
    ys, xs = nrng.integers(0, h, n), nrng.integers(0, w, n)
    a[ys, xs] = nrng.uniform(0.0, 0.4, n)
    a += nrng.normal(0, 0.015, a.shape)
    img = _img(a).filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.6)))
    return img


# ------------------------------------------------------------------------------------- fax
def fax(page: Image.Image, rng: random.Random, dpi: int, header: str, page_no: int, pages: int) -> Image.Image:
    """Fine-mode fax: 204 x 98 dpi, 1 bit; rows doubled back to 204 x 196 for viewing."""
    nrng = np.random.default_rng(rng.randrange(2**32))
    w, h = page.size
    fw = 1728
    fh = int(h / dpi * 98)
    lo = page.resize((fw, fh), Image.BILINEAR)
    a = _arr(lo)
    a += nrng.normal(0, 0.08, a.shape)
    thr = rng.uniform(0.55, 0.68)
    bw = (a > thr).astype(np.float32)
    # transmission errors: a few horizontal streak lines
    for _ in range(rng.randint(0, 3)):
        y = rng.randint(40, fh - 2)
        bw[y, :] = np.where(nrng.random(fw) < 0.5, 0, bw[y, :])
    img = _img(bw).resize((fw, fh * 2), Image.NEAREST)
    # fax header line printed by the sending machine
    d = ImageDraw.Draw(img)
    f = _font("DejaVuSansMono.ttf", 22)
    d.rectangle([0, 0, fw, 34], fill=255)
    d.text((20, 6), header + f"   P.{page_no:03d}/{pages:03d}", fill=0, font=f)
    img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.NEAREST, fillcolor=255)
    return img.convert("1", dither=Image.NONE)


# ------------------------------------------------------------------------------ phone photo
def _perspective_coeffs(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE): maps output (dst) points to input (src)."""
    m = []
    for (x, y), (u, v) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    A = np.array(m, dtype=np.float64)
    b = np.array([c for p in src for c in p], dtype=np.float64)
    return np.linalg.solve(A, b).tolist()


def phone_photo(page: Image.Image, rng: random.Random) -> Image.Image:
    nrng = np.random.default_rng(rng.randrange(2**32))
    w, h = page.size
    W, H = int(w * 1.16), int(h * 1.12)
    # desk background: dark wood-ish / grey table with noise
    base = np.array(rng.choice([(70, 52, 38), (48, 48, 52), (95, 80, 62), (35, 38, 45)]), dtype=np.float32) / 255
    bg = np.ones((H, W, 3), np.float32) * base
    grain = nrng.normal(0, 0.05, (H, 1, 1)) * (rng.random() < 0.6)
    bg = bg + grain + nrng.normal(0, 0.02, (H, W, 1))
    # page corners somewhere in the frame, a bit out of square
    mx, my = (W - w) / 2, (H - h) / 2
    j = lambda s: rng.uniform(-s, s)
    dst = [(mx + j(w * 0.05), my + j(h * 0.03)), (mx + w + j(w * 0.05), my + j(h * 0.03)),
           (mx + w + j(w * 0.04), my + h + j(h * 0.025)), (mx + j(w * 0.04), my + h + j(h * 0.025))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(dst, src)
    paper = page.convert("RGB")
    warped = paper.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new("L", (w, h), 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=0)
    pa = np.asarray(warped, np.float32) / 255
    ma = (np.asarray(mask, np.float32) / 255)[..., None]
    # warm paper tint
    tint = np.array([1.0, rng.uniform(0.95, 0.99), rng.uniform(0.86, 0.93)], np.float32)
    pa = pa * tint
    out = pa * ma + bg * (1 - ma)
    # uneven lighting: a light source off to one side + hand/phone shadow
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rng.uniform(0, W), rng.uniform(0, H * 0.5)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(W, H)
    light = 1.08 - rng.uniform(0.25, 0.4) * dist
    if rng.random() < 0.6:
        sx = rng.uniform(0.55, 0.9) * W
        light = light * np.where(xx > sx + (yy - H / 2) * 0.15, rng.uniform(0.78, 0.88), 1.0)
    out = out * light[..., None]
    out += nrng.normal(0, 0.012, out.shape)
    img = Image.fromarray(np.clip(out * 255, 0, 255).astype(np.uint8), "RGB")
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.7, 1.2)))
    scale = rng.uniform(0.72, 0.85)  # a 12-Mpx phone picture, downsized by the messaging app
    return img.resize((int(W * scale), int(H * scale)), Image.LANCZOS)


# ---------------------------------------------------------------------------- stamp + sign
def stamp_and_sign(page: Image.Image, rng: random.Random, stamp_lines: list[str], dpi: int) -> Image.Image:
    nrng = np.random.default_rng(rng.randrange(2**32))
    w, h = page.size
    img = page.convert("RGB")
    k = dpi / 200
    # --- rubber stamp, drawn on its own layer then rotated
    f1 = _font(rng.choice(["LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"]), int(30 * k))
    f2 = _font(rng.choice(["LiberationSans-Regular.ttf", "DejaVuSans.ttf"]), int(20 * k))
    sw = int(max(ImageDraw.Draw(img).textlength(t, font=f2 if i else f1) for i, t in enumerate(stamp_lines)) + 50 * k)
    sh = int((46 + 30 * (len(stamp_lines) - 1)) * k + 40 * k)
    layer = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(layer)
    d.rounded_rectangle([4, 4, sw - 5, sh - 5], radius=int(14 * k), outline=255, width=int(5 * k))
    y = int(16 * k)
    for i, t in enumerate(stamp_lines):
        f = f1 if i == 0 else f2
        tw = d.textlength(t, font=f)
        d.text(((sw - tw) / 2, y), t, fill=255, font=f)
        y += int((42 if i == 0 else 30) * k)
    layer = layer.rotate(rng.uniform(-9, 9), expand=True, resample=Image.BILINEAR)
    la = np.asarray(layer, np.float32) / 255
    la = la * (nrng.random(la.shape) > rng.uniform(0.1, 0.25))  # dry ink
    la = la * rng.uniform(0.8, 0.95)
    ink = np.array(rng.choice([(40, 60, 170), (110, 40, 140), (190, 35, 45)]), np.float32) / 255
    x0 = rng.randint(int(w * 0.45), max(int(w * 0.45) + 1, w - layer.width - int(w * 0.05)))
    y0 = rng.randint(int(h * 0.68), max(int(h * 0.68) + 1, h - layer.height - int(h * 0.06)))
    arr = np.asarray(img, np.float32) / 255
    region = arr[y0 : y0 + la.shape[0], x0 : x0 + la.shape[1]]
    lam = la[: region.shape[0], : region.shape[1], None]
    region[:] = region * (1 - lam) + (region * ink) * lam  # multiply blend
    # --- handwritten signature: a smooth random pen path across the stamp
    img = Image.fromarray(np.clip(arr * 255, 0, 255).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(img)
    px, py = x0 + rng.uniform(0.05, 0.3) * layer.width, y0 + rng.uniform(0.3, 0.7) * layer.height
    pts = []
    length = rng.uniform(0.8, 1.3) * layer.width
    n = 220
    freqs = [rng.uniform(3, 6), rng.uniform(9, 14), rng.uniform(1, 2)]
    amps = [rng.uniform(14, 26) * k, rng.uniform(4, 9) * k, rng.uniform(8, 18) * k]
    ph = [rng.uniform(0, 6.28) for _ in range(3)]
    for i in range(n):
        t = i / n
        x = px + t * length + 22 * k * math.sin(freqs[1] * t * 6.28 + ph[1] + 1.2)
        yv = py + sum(a * math.sin(fq * t * 6.28 + p) for a, fq, p in zip(amps, freqs, ph)) * (1 - 0.5 * t)
        pts.append((x, yv))
    pen = rng.choice([(20, 30, 110), (15, 15, 20), (30, 50, 150)])
    d.line(pts, fill=pen, width=max(2, int(3 * k)), joint="curve")
    d.line([(pts[-1][0] - 0.6 * length, pts[-1][1] + 25 * k), (pts[-1][0] + 10 * k, pts[-1][1] + 18 * k)], fill=pen, width=max(2, int(2 * k)))
    img = img.rotate(rng.uniform(-0.7, 0.7), resample=Image.BILINEAR, fillcolor=(250, 250, 248))
    return img.filter(ImageFilter.GaussianBlur(0.45))


# ------------------------------------------------------------------------------ low JPEG
def low_jpeg(page: Image.Image, rng: random.Random) -> Image.Image:
    w, h = page.size
    s = rng.uniform(0.68, 0.8)
    img = page.resize((int(w * s), int(h * s)), Image.BILINEAR).rotate(rng.uniform(-0.6, 0.6), fillcolor=245)
    a = _arr(img)
    a = 0.08 + a * 0.86
    return _img(a).filter(ImageFilter.GaussianBlur(0.4))


# ------------------------------------------------------------------------------- writers
def save_pdf(pages: list[Image.Image], out: Path, dpi: int, quality: int = 72) -> None:
    """Image-only PDF (one JPEG per page, no text layer), written by Pillow."""
    import io
    jpgs = []
    for p in pages:
        p = p if p.mode in ("L", "RGB") else p.convert("L")
        buf = io.BytesIO()
        p.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
        buf.seek(0)
        jpgs.append(Image.open(buf))  # the PDF writer embeds these JPEG bytes as they are
    jpgs[0].save(out, "PDF", save_all=True, append_images=jpgs[1:], resolution=dpi)


def save_tiff_g4(pages: list[Image.Image], out: Path) -> None:
    pages[0].save(out, "TIFF", save_all=True, append_images=pages[1:], compression="group4", dpi=(204, 196))
