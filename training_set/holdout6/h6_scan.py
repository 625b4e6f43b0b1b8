"""Own image pipeline (PyMuPDF raster, then numpy / OpenCV / Pillow) for the scans.

The protected boxes (printed number, customer's identifiers) only *place* defects away from
them; nothing here reads the text to choose or keep a document. Imports nothing from the
repository.
"""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
import pymupdf
from PIL import Image

Box = tuple[int, int, int, int]


def render(pdf: bytes, dpi: int, protect: list[str]) -> list[tuple[np.ndarray, list[Box]]]:
    doc = pymupdf.open("pdf", pdf)
    out = []
    zoom = dpi / 72
    for page in doc:
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        img = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width, 3).copy()
        boxes = []
        for s in protect:
            for r in page.search_for(s):
                boxes.append((int(r.x0 * zoom) - 12, int(r.y0 * zoom) - 10,
                              int(r.x1 * zoom) + 12, int(r.y1 * zoom) + 10))
        out.append((img, boxes))
    doc.close()
    return out


def _hits(box: Box, boxes: list[Box]) -> bool:
    x0, y0, x1, y1 = box
    return any(not (x1 < b[0] or b[2] < x0 or y1 < b[1] or b[3] < y0) for b in boxes)


def _free_spot(rng: random.Random, w: int, h: int, bw: int, bh: int, boxes: list[Box],
               corners: bool = False) -> tuple[int, int]:
    for _ in range(400):
        if corners:
            x = rng.choice([rng.randint(0, w // 6), rng.randint(w - bw - w // 6, w - bw)])
            y = rng.choice([rng.randint(0, h // 8), rng.randint(h - bh - h // 6, h - bh)])
        else:
            x, y = rng.randint(0, max(1, w - bw)), rng.randint(0, max(1, h - bh))
        if not _hits((x, y, x + bw, y + bh), boxes):
            return x, y
    return w - bw, h - bh


def _grey(img: np.ndarray) -> np.ndarray:
    g = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    return cv2.cvtColor(g, cv2.COLOR_GRAY2RGB)


def _noise(rng: random.Random, img: np.ndarray, sigma: float) -> np.ndarray:
    npr = np.random.default_rng(rng.randint(0, 2**31))
    return np.clip(img.astype(np.float32) + npr.normal(0, sigma * 0.4, img.shape), 0, 255).astype(
        np.uint8)


def _multiply(img: np.ndarray, colour: tuple[float, float, float], alpha: np.ndarray):
    f = img.astype(np.float32)
    tint = f * np.array(colour, np.float32)
    a = alpha[..., None]
    return np.clip(f * (1 - a) + tint * a, 0, 255).astype(np.uint8)


# ----- styles ---------------------------------------------------------------------------------

def coffee(rng, img, boxes):
    h, w = img.shape[:2]
    r = int(w * rng.uniform(0.09, 0.13))
    x, y = _free_spot(rng, w, h, 2 * r + 20, 2 * r + 20, boxes)
    cx, cy = x + r + 10, y + r + 10
    mask = np.zeros((h, w), np.float32)
    cv2.ellipse(mask, (cx, cy), (r, int(r * rng.uniform(0.85, 1.0))), rng.uniform(0, 180), 0,
                360, 1.0, max(3, r // 14))
    fill = np.zeros((h, w), np.float32)
    cv2.circle(fill, (cx, cy), r, 0.35, -1)
    mask = cv2.GaussianBlur(np.maximum(mask, fill), (0, 0), r / 30 + 1.5)
    # a second, partial ring (the cup put down twice)
    if rng.random() < 0.7:
        ring2 = np.zeros((h, w), np.float32)
        cv2.ellipse(ring2, (cx + r // 3, cy + r // 4), (r, r), 0, rng.randint(0, 90),
                    rng.randint(200, 300), 0.8, max(2, r // 18))
        ring2 = cv2.GaussianBlur(ring2, (0, 0), 2.5)
        clear = np.ones((h, w), np.float32)
        for b in boxes:
            clear[max(0, b[1]):b[3], max(0, b[0]):b[2]] = 0
        mask = np.maximum(mask, ring2 * clear)
    out = _multiply(img, (0.80, 0.60, 0.38), np.clip(mask * 0.75, 0, 1))
    return _noise(rng, out, 3)


def bleed(rng, img, boxes, back=None):
    if back is None:
        back = img
    b = cv2.flip(back, 1)
    dy, dx = rng.randint(-40, 40), rng.randint(-30, 30)
    b = np.roll(b, (dy, dx), axis=(0, 1))
    b = cv2.GaussianBlur(b, (0, 0), 1.6)
    ink = (255 - cv2.cvtColor(b, cv2.COLOR_RGB2GRAY)).astype(np.float32) / 255
    f = img.astype(np.float32) * (1 - 0.17 * ink[..., None])
    out = _grey(np.clip(f * 0.97 + 4, 0, 255).astype(np.uint8))
    return _noise(rng, out, 2.5)


def _rotate(img: np.ndarray, angle: float, border=(236, 236, 236)) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(img, m, (nw, nh), flags=cv2.INTER_CUBIC, borderValue=border)


def skew(rng, img, boxes):
    angle = rng.choice([-1, 1]) * rng.uniform(2.0, 4.0)
    out = _rotate(_grey(img), angle, (rng.randint(40, 90),) * 3)
    return _noise(rng, out, 2)


def colourpaper(rng, img, boxes):
    colour = rng.choice([(1.0, 0.84, 0.88), (0.86, 1.0, 0.84), (1.0, 0.97, 0.70),
                         (0.84, 0.93, 1.0)])
    h, w = img.shape[:2]
    alpha = np.ones((h, w), np.float32)
    out = _multiply(img, colour, alpha)
    npr = np.random.default_rng(rng.randint(0, 2**31))
    fibre = cv2.GaussianBlur(npr.normal(0, 1, (h, w)).astype(np.float32), (0, 0), 3) * 14
    out = np.clip(out.astype(np.float32) + fibre[..., None], 0, 255).astype(np.uint8)
    return out


def inkjet(rng, img, boxes):
    h = img.shape[0]
    f = img.astype(np.float32)
    ink = 255 - f
    period, band = rng.randint(28, 44), rng.randint(3, 6)
    keep = np.zeros(h, bool)
    for b in boxes:
        keep[max(0, b[1]):b[3]] = True
    rows = np.array([(y % period) < band and not keep[y] for y in range(h)])
    ink[rows] *= rng.uniform(0.35, 0.55)
    # a cyan/magenta cast of a worn colour cartridge
    ink *= np.array([rng.uniform(0.9, 1.0), rng.uniform(0.8, 0.95), 1.0], np.float32)
    out = np.clip(255 - ink, 0, 255).astype(np.uint8)
    return _noise(rng, out, 2)


def thermal(rng, img, boxes):
    g = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY).astype(np.float32)
    w = g.shape[1]
    fade = np.linspace(rng.uniform(0.45, 0.6), rng.uniform(0.75, 0.9), w)[None, :]
    if rng.random() < 0.5:
        fade = fade[:, ::-1]
    ink = (255 - g) * fade
    paper = np.array([238, 232, 214], np.float32)
    out = paper[None, None, :] - ink[..., None] * np.array([0.95, 0.92, 0.85], np.float32)
    return _noise(rng, np.clip(out, 0, 255).astype(np.uint8), 4)


def _perspective(rng, img, bg):
    h, w = img.shape[:2]
    pad = int(w * 0.05)
    canvas = np.full((h + 2 * pad, w + 2 * pad, 3), bg, np.uint8)
    canvas[pad:pad + h, pad:pad + w] = img
    H, W = canvas.shape[:2]
    j = lambda: rng.uniform(0, pad * 0.6)  # noqa: E731
    src = np.float32([[pad, pad], [W - pad, pad], [W - pad, H - pad], [pad, H - pad]])
    dst = np.float32([[pad - j(), pad - j()], [W - pad + j(), pad - j()],
                      [W - pad + j(), H - pad + j()], [pad - j(), H - pad + j()]])
    m = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(canvas, m, (W, H), borderValue=bg)


def flash(rng, img, boxes):
    h, w = img.shape[:2]
    f = img.astype(np.float32)
    r = w * rng.uniform(0.16, 0.22)
    for _ in range(200):
        cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.3, 0.8) * h
        if not _hits((int(cx - r), int(cy - r), int(cx + r), int(cy + r)), boxes):
            break
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
    glare = np.exp(-((dist / r) ** 2)) * 0.85
    vign = 1 - 0.35 * (dist / dist.max()) ** 1.5
    f = f * vign[..., None] * np.array([1.0, 0.97, 0.92], np.float32)
    f = f * (1 - glare[..., None]) + 255 * glare[..., None]
    out = _perspective(rng, np.clip(f, 0, 255).astype(np.uint8), (58, 52, 48))
    out = cv2.GaussianBlur(out, (0, 0), 0.7)
    return _noise(rng, out, 4)


def postit(rng, img, boxes):
    h, w = img.shape[:2]
    s = int(w * rng.uniform(0.2, 0.25))
    x, y = _free_spot(rng, w, h, s + 20, s + 20, boxes, corners=True)
    out = img.copy()
    shadow = np.zeros((h, w), np.float32)
    cv2.rectangle(shadow, (x + 8, y + 10), (x + s + 8, y + s + 10), 1.0, -1)
    shadow = cv2.GaussianBlur(shadow, (0, 0), 6) * 0.3
    out = _multiply(out, (0.4, 0.4, 0.4), shadow)
    note = np.full((s, s, 3), (255, 240, 120), np.uint8)
    lines = rng.choice([["URGENT", "livrer avant", "le 15 !"], ["Voir Marc", "pour le", "transport"],
                        ["Merci de", "confirmer", "le delai"], ["A saisir", "svp", "- JP"]])
    for i, t in enumerate(lines):
        cv2.putText(note, t, (int(s * 0.08), int(s * (0.3 + 0.25 * i))),
                    cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, s / 260, (40, 40, 140), 2, cv2.LINE_AA)
    angle = rng.uniform(-7, 7)
    m = cv2.getRotationMatrix2D((s / 2, s / 2), angle, 1.0)
    rot = cv2.warpAffine(note, m, (s, s), borderValue=(0, 0, 0))
    msk = cv2.warpAffine(np.ones((s, s), np.uint8), m, (s, s)) > 0
    region = out[y:y + s, x:x + s]
    region[msk[: region.shape[0], : region.shape[1]]] = rot[: region.shape[0],
                                                            : region.shape[1]][
        msk[: region.shape[0], : region.shape[1]]]
    return _noise(rng, out, 2)


def staple(rng, img, boxes, second=None):
    h, w = img.shape[:2]
    off = int(w * 0.025)
    canvas = np.full((h + off * 2, w + off * 2, 3), 70, np.uint8)
    back = second if second is not None else np.full_like(img, 250)
    back = cv2.GaussianBlur(_grey(back), (0, 0), 1.0)
    canvas[off * 2:off * 2 + h, off * 2:off * 2 + w] = (back * 0.92).astype(np.uint8)
    canvas[0:h, 0:w] = img
    # shadow of the top page along its right and bottom edges
    canvas[h:h + 6, 6:w] = (canvas[h:h + 6, 6:w] * 0.6).astype(np.uint8)
    canvas[6:h, w:w + 6] = (canvas[6:h, w:w + 6] * 0.6).astype(np.uint8)
    sx, sy = int(w * 0.05), int(h * 0.03)
    cv2.line(canvas, (sx, sy), (sx + int(w * 0.06), sy + int(w * 0.045)), (95, 95, 100), 5,
             cv2.LINE_AA)
    cv2.line(canvas, (sx + 2, sy + 3), (sx + int(w * 0.06) + 2, sy + int(w * 0.045) + 3),
             (200, 200, 205), 1, cv2.LINE_AA)
    return _noise(rng, _grey(canvas), 2.5)


def lowres(rng, img, boxes):
    g = cv2.GaussianBlur(_grey(img), (0, 0), 0.6)
    return _noise(rng, (g.astype(np.float32) * 0.93 + 10).astype(np.uint8), 3)


def docscanner(rng, img, boxes):
    f = cv2.GaussianBlur(img, (0, 0), 1.1)
    f = _noise(rng, f, 5)
    blur = cv2.GaussianBlur(f, (0, 0), 2.5)
    sharp = cv2.addWeighted(f, 2.8, blur, -1.8, 0)
    sharp = np.clip((sharp.astype(np.float32) - 25) * 1.2, 0, 255).astype(np.uint8)
    return sharp


def upside(rng, img, boxes):
    out = cv2.rotate(_grey(img), cv2.ROTATE_180)
    return _noise(rng, out, 2.5)


STYLES = {
    "coffee": (coffee, 150), "bleed": (bleed, 150), "skew": (skew, 160),
    "colourpaper": (colourpaper, 150), "inkjet": (inkjet, 150), "thermal": (thermal, 160),
    "flash": (flash, 140), "postit": (postit, 150), "staple": (staple, 150),
    "lowres120": (lowres, 120), "docscanner": (docscanner, 170), "upside": (upside, 150),
}


def make_scan(pdf: bytes, style: str, fmt: str, rng: random.Random, protect: list[str],
              back_pdf: bytes | None = None) -> bytes:
    fn, dpi = STYLES[style]
    pages = render(pdf, dpi, protect)
    back = render(back_pdf, dpi, [])[0][0] if back_pdf else None
    imgs = []
    for i, (img, boxes) in enumerate(pages):
        if style == "bleed":
            out = bleed(rng, img, boxes, back if back is not None else None)
        elif style == "staple":
            nxt = pages[i + 1][0] if i + 1 < len(pages) else back
            out = staple(rng, img, boxes, nxt)
        else:
            out = fn(rng, img, boxes)
        imgs.append(out)
    return encode(imgs, fmt, dpi, rng, style)


def encode(imgs: list[np.ndarray], fmt: str, dpi: int, rng: random.Random, style: str) -> bytes:
    grey = style in {"bleed", "skew", "staple", "lowres120", "upside"}
    pil = [Image.fromarray(i).convert("L") if grey else Image.fromarray(i) for i in imgs]
    q = rng.randint(42, 58)
    if fmt == "jpg":
        buf = io.BytesIO()
        pil[0].save(buf, "JPEG", quality=q, dpi=(dpi, dpi))
        return buf.getvalue()
    if fmt == "png":
        buf = io.BytesIO()
        if grey:  # 8 grey levels
            im = pil[0].point(lambda v: min(255, (v // 32) * 36 + 3))
        else:
            im = Image.fromarray(cv2.medianBlur(imgs[0], 3)).quantize(32, dither=Image.Dither.NONE)
        im.save(buf, "PNG", optimize=True, dpi=(dpi, dpi))
        return buf.getvalue()
    if fmt == "tif":
        buf = io.BytesIO()
        pil[0].save(buf, "TIFF", dpi=(dpi, dpi), save_all=True, append_images=pil[1:],
                    compression="jpeg", quality=q)
        return buf.getvalue()
    doc = pymupdf.open()
    for im in pil:
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=q)
        wpt, hpt = im.width * 72 / dpi, im.height * 72 / dpi
        page = doc.new_page(width=wpt, height=hpt)
        page.insert_image(pymupdf.Rect(0, 0, wpt, hpt), stream=buf.getvalue())
    doc.set_metadata({"producer": "Scan", "creator": "", "creationDate": "", "modDate": ""})
    return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
