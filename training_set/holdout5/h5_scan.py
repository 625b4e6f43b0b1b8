"""Scans of holdout5: pypdfium2 rasterises the PDF, then an own OpenCV / numpy / Pillow
pipeline adds the defects, and pycairo writes image PDFs (JPEG pages kept as DCT streams,
no text layer). Pillow writes PNG, JPEG and TIFF (Group 4 faxes, JPEG-in-TIFF, multi-page).

pypdfium2 is also used to *place* ink: the boxes of the printed number and of the printed
customer identifiers ("hot" boxes) are kept free of stamps and hand shadows, and a
screenshot scrolls so that the number is on screen. That only places ink; it never selects a
document. Whether a printed identifier is still on the image (a screenshot shows part of a
page) is returned to the generator, which then labels it or not.
"""

from __future__ import annotations

import functools
import io
import math
import random
import subprocess
from dataclasses import dataclass, field

import cairo
import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points, origin top left


@dataclass
class Hot:
    """Boxes (points, per page) of the printed number and of each printed identifier."""

    number: list[list[Box]]
    idents: dict[str, list[list[Box]]] = field(default_factory=dict)

    def all_boxes(self, page: int) -> list[Box]:
        out = list(self.number[page]) if page < len(self.number) else []
        for boxes in self.idents.values():
            if page < len(boxes):
                out += boxes[page]
        return out


@dataclass
class ScanResult:
    data: bytes
    ext: str
    visible: set[str] = field(default_factory=set)  # identifier keys still on the image


@functools.cache
def font_file(pattern: str) -> str:
    out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True)
    return out.stdout.strip()


def pil_font(pattern: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(pattern), px)


# --------------------------------------------------------------------------------------------
# pdfium helpers
# --------------------------------------------------------------------------------------------


def render(pdf: bytes, dpi: float, color: bool = False) -> list[np.ndarray]:
    doc = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for k in range(len(doc)):
            pil = doc[k].render(scale=dpi / 72).to_pil()
            pages.append(np.asarray(pil.convert("RGB" if color else "L")).copy())
        return pages
    finally:
        doc.close()


def find(pdf: bytes, needle: str) -> list[list[Box]]:
    """Boxes of every occurrence of needle, per page, in points from the top left."""
    doc = pdfium.PdfDocument(pdf)
    out: list[list[Box]] = []
    try:
        for k in range(len(doc)):
            page = doc[k]
            boxes: list[Box] = []
            if needle and page.get_rotation() == 0:
                h = page.get_height()
                tp = page.get_textpage()
                s = tp.search(needle, match_case=True)
                while (occ := s.get_next()) is not None:
                    i, n = occ
                    cb = [tp.get_charbox(j) for j in range(i, i + n)]
                    x0 = min(b[0] for b in cb)
                    x1 = max(b[2] for b in cb)
                    y0 = h - max(b[3] for b in cb)
                    y1 = h - min(b[1] for b in cb)
                    boxes.append((x0, y0, x1, y1))
            out.append(boxes)
        return out
    finally:
        doc.close()


def scaled(boxes: list[Box], dpi: float, pad: float = 0) -> list[tuple[int, int, int, int]]:
    f = dpi / 72
    return [
        (int(b[0] * f - pad), int(b[1] * f - pad), int(b[2] * f + pad), int(b[3] * f + pad))
        for b in boxes
    ]


# --------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------


def jpeg(img: np.ndarray, q: int, subsampling: int = 2) -> bytes:
    b = io.BytesIO()
    Image.fromarray(img).save(b, "JPEG", quality=q, subsampling=subsampling, optimize=True)
    return b.getvalue()


def image_pdf(pages: list[tuple[np.ndarray, float]], q: int = 60) -> bytes:
    """A PDF of JPEG pages written by cairo (the JPEG stream is embedded as it is)."""
    buf = io.BytesIO()
    h0, w0 = pages[0][0].shape[:2]
    surf = cairo.PDFSurface(buf, w0 * 72 / pages[0][1], h0 * 72 / pages[0][1])
    for img, dpi in pages:
        h, w = img.shape[:2]
        surf.set_size(w * 72 / dpi, h * 72 / dpi)
        ctx = cairo.Context(surf)
        isurf = cairo.ImageSurface(cairo.FORMAT_RGB24, w, h)
        isurf.set_mime_data(cairo.MIME_TYPE_JPEG, jpeg(img, q))
        ctx.scale(72 / dpi, 72 / dpi)
        ctx.set_source_surface(isurf, 0, 0)
        ctx.paint()
        ctx.show_page()
    surf.finish()
    return buf.getvalue()


def tiff(pages: list[np.ndarray], dpi: tuple[int, int], compression: str, q: int = 55) -> bytes:
    ims = []
    for p in pages:
        im = Image.fromarray(p)
        if compression == "group4":
            im = im.convert("1")
        ims.append(im)
    b = io.BytesIO()
    extra = {"quality": q} if compression == "jpeg" else {}
    ims[0].save(
        b, "TIFF", compression=compression, dpi=dpi, save_all=True, append_images=ims[1:], **extra
    )
    return b.getvalue()


def png(img: np.ndarray, bilevel: bool = False, colors: int = 0) -> bytes:
    im = Image.fromarray(img)
    if bilevel:
        im = im.convert("1", dither=Image.Dither.NONE)
    elif colors:
        im = im.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    b = io.BytesIO()
    im.save(b, "PNG", optimize=True)
    return b.getvalue()


# --------------------------------------------------------------------------------------------
# generic effects
# --------------------------------------------------------------------------------------------


def npr(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def add_noise(img: np.ndarray, g: np.random.Generator, sigma: float) -> np.ndarray:
    n = g.normal(0, sigma, img.shape)
    return np.clip(img.astype(np.float32) + n, 0, 255).astype(np.uint8)


def skew(img: np.ndarray, angle: float, border: int | tuple = 255) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    bv = border if isinstance(border, tuple) else (border,) * (3 if img.ndim == 3 else 1)
    return cv2.warpAffine(
        img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=bv
    )


def low_freq(g: np.random.Generator, h: int, w: int, cells: int = 5) -> np.ndarray:
    small = g.normal(0, 1, (cells, cells)).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def paper_tone(img: np.ndarray, tone: tuple[float, ...]) -> np.ndarray:
    f = img.astype(np.float32) / 255
    if img.ndim == 3:
        return np.clip(f * np.array(tone, np.float32) * 255, 0, 255).astype(np.uint8)
    return np.clip(f * tone[0] * 255, 0, 255).astype(np.uint8)


def grey(img: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) if img.ndim == 3 else img


def perspective(
    img: np.ndarray,
    g: np.random.Generator,
    jitter: float,
    out_size: tuple[int, int],
    margin: float,
    bg,
) -> np.ndarray:
    """Place the page in a frame of out_size (w, h) with its corners moved a little."""
    h, w = img.shape[:2]
    ow, oh = out_size
    mx, my = ow * margin, oh * margin
    dst = np.float32([[mx, my], [ow - mx, my], [ow - mx, oh - my], [mx, oh - my]])
    dst += g.uniform(-jitter, jitter, (4, 2)).astype(np.float32) * np.float32([ow, oh])
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    m = cv2.getPerspectiveTransform(src, dst)
    bv = bg if img.ndim == 3 else bg[0]
    return cv2.warpPerspective(
        img, m, (ow, oh), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT, borderValue=bv
    )


def lighting(img: np.ndarray, g: np.random.Generator, strength: float) -> np.ndarray:
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = g.uniform(0.2, 0.8) * w, g.uniform(0.2, 0.8) * h
    r = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(w, h)
    f = 1 - strength * r**1.5 + 0.04 * low_freq(g, h, w, 3)
    f = np.clip(f, 0.3, 1.1)
    if img.ndim == 3:
        f = f[..., None]
    return np.clip(img.astype(np.float32) * f, 0, 255).astype(np.uint8)


def free_spot(
    size: tuple[int, int],
    shape: tuple[int, int],
    avoid: list,
    rng: random.Random,
    tries: int = 200,
    margin: int = 10,
) -> tuple[int, int] | None:
    """A top-left corner where a w x h rectangle meets none of the avoid rectangles."""
    w, h = size
    H, W = shape
    # prefer margins: top band, bottom band, right band
    for k in range(tries):
        if k < tries // 2:
            band = rng.choice(["top", "bottom", "right", "left"])
            if band == "top":
                x, y = (
                    rng.randrange(margin, max(margin + 1, W - w - margin)),
                    rng.randrange(margin, max(margin + 1, int(H * 0.12))),
                )
            elif band == "bottom":
                x, y = (
                    rng.randrange(margin, max(margin + 1, W - w - margin)),
                    rng.randrange(int(H * 0.8), max(int(H * 0.8) + 1, H - h - margin)),
                )
            elif band == "right":
                x, y = (
                    rng.randrange(int(W * 0.6), max(int(W * 0.6) + 1, W - w - margin)),
                    rng.randrange(margin, max(margin + 1, H - h - margin)),
                )
            else:
                x, y = (
                    rng.randrange(margin, max(margin + 1, int(W * 0.25))),
                    rng.randrange(int(H * 0.4), max(int(H * 0.4) + 1, H - h - margin)),
                )
        else:
            x, y = (
                rng.randrange(margin, max(margin + 1, W - w - margin)),
                rng.randrange(margin, max(margin + 1, H - h - margin)),
            )
        if x + w > W or y + h > H:
            continue
        if all(x + w < a[0] or a[2] < x or y + h < a[1] or a[3] < y for a in avoid):
            return x, y
    return None


def ink_layer(
    size: tuple[int, int], draw_fn, g: np.random.Generator, angle: float, wear: float = 0.3
) -> np.ndarray:
    """A rotated alpha mask (float 0..1) of what draw_fn draws, with worn-ink texture."""
    w, h = size
    im = Image.new("L", (w, h), 0)
    draw_fn(ImageDraw.Draw(im))
    im = im.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    a = np.asarray(im).astype(np.float32) / 255
    tex = g.uniform(0, 1, a.shape).astype(np.float32)
    tex = cv2.GaussianBlur(tex, (0, 0), 1.2)
    tex = (tex - tex.min()) / (tex.max() - tex.min() + 1e-6)
    a = a * np.clip(tex * (1 + wear) + (1 - 2 * wear), 0.0, 1.0)
    return np.clip(a * g.uniform(0.75, 0.95), 0, 1)


def blend_ink(
    img: np.ndarray, mask: np.ndarray, x: int, y: int, color: tuple[int, int, int]
) -> None:
    h, w = mask.shape
    H, W = img.shape[:2]
    h, w = min(h, H - y), min(w, W - x)
    m = mask[:h, :w, None]
    region = img[y : y + h, x : x + w].astype(np.float32)
    col = np.array(color, np.float32)[None, None, :]
    if img.ndim == 2:
        col = np.array([0.3 * color[0] + 0.59 * color[1] + 0.11 * color[2]], np.float32)
        m = m[..., 0]
        col = col[0]
    # multiply-like ink: darker where ink
    out = region * (1 - m) + np.minimum(region, col) * m
    img[y : y + h, x : x + w] = np.clip(out, 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------------------------
# styles
# --------------------------------------------------------------------------------------------


def s_phonebw(rng: random.Random, pdf: bytes, hot: Hot, out: str) -> ScanResult:
    """Phone scanner app: photo, imperfect perspective correction, adaptive threshold b/w."""
    g = npr(rng)
    dpi = 200
    page = render(pdf, dpi)[0]
    h, w = page.shape
    # the photo: uneven light and a slightly blurred, noisy page
    img = lighting(page, g, rng.uniform(0.35, 0.6))
    img = paper_tone(img, (rng.uniform(0.78, 0.9),))
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.7, 1.1))
    img = add_noise(img, g, 5)
    # the app's crop and correction are not perfect: residual keystone and a dark edge strip
    img = perspective(img, g, 0.008, (w, h), 0.0, (60, 60, 60))
    img = cv2.adaptiveThreshold(
        img,
        255,
        cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
        cv2.THRESH_BINARY,
        rng.choice([31, 41, 51]),
        rng.choice([10, 12, 14]),
    )
    img = cv2.medianBlur(img, 3) if rng.random() < 0.5 else img
    if out == "png":
        return ScanResult(png(img, bilevel=True), ".png")
    return ScanResult(image_pdf([(img, dpi)], q=55), ".pdf")


def s_whatsapp(rng: random.Random, pdf: bytes, hot: Hot, out: str) -> ScanResult:
    """Photo sent through a messenger: perspective, warm light, ~1600 px, heavy JPEG twice."""
    g = npr(rng)
    page = render(pdf, 170, color=True)[0]
    h, w = page.shape[:2]
    ow, oh = int(w * 1.08), int(h * 1.08)
    table = rng.choice([(112, 86, 60), (150, 150, 145), (70, 60, 55), (190, 180, 160)])
    img = perspective(page, g, 0.02, (ow, oh), 0.04, table)
    tex = g.normal(0, 10, img.shape[:2]).astype(np.float32)
    bgmask = np.all(img == np.array(table, np.uint8), axis=2)
    img = img.astype(np.float32)
    img[bgmask] += tex[bgmask, None]
    img = np.clip(img, 0, 255).astype(np.uint8)
    img = paper_tone(img, (1.0, rng.uniform(0.93, 0.97), rng.uniform(0.82, 0.9)))
    img = lighting(img, g, rng.uniform(0.3, 0.55))
    img = cv2.GaussianBlur(img, (0, 0), 0.9)
    long_side = rng.choice([1600, 1600, 1599])
    scale = long_side / max(img.shape[:2])
    img = cv2.resize(
        img, (int(img.shape[1] * scale), int(img.shape[0] * scale)), interpolation=cv2.INTER_AREA
    )
    first = jpeg(img, rng.randrange(40, 50))
    img2 = np.asarray(Image.open(io.BytesIO(first)).convert("RGB"))
    img2 = np.asarray(Image.fromarray(img2).filter(ImageFilter.UnsharpMask(1.2, 60, 2)))
    return ScanResult(jpeg(img2, rng.randrange(34, 42)), ".jpg")


def s_screenshot(rng: random.Random, pdf: bytes, hot: Hot, out: str, fname: str = "") -> ScanResult:
    """Screenshot of a PDF viewer: window chrome, toolbar, thumbnails, page partly visible."""
    W, H = rng.choice([(1366, 768), (1600, 900), (1440, 900), (1920, 1080)])
    zoom = rng.choice([1.0, 1.1, 1.25, 1.33]) if W > 1400 else rng.choice([1.0, 1.1])
    dpi = 96 * zoom
    page = render(pdf, dpi, color=True)[0]
    ph, pw = page.shape[:2]
    dark = rng.random() < 0.5
    canvas = Image.new("RGB", (W, H), (82, 86, 89) if dark else (230, 230, 230))
    d = ImageDraw.Draw(canvas)
    f_ui = pil_font("DejaVu Sans", 13)
    f_small = pil_font("DejaVu Sans", 11)
    viewer = rng.choice(
        [
            "Visionneuse de documents",
            "Adobe Acrobat Reader",
            "Mozilla Firefox",
            "Aperçu",
            "Microsoft Edge",
        ]
    )
    title_h, tool_h, task_h = 30, 38, 40 if rng.random() < 0.6 else 0
    d.rectangle([0, 0, W, title_h], fill=(43, 43, 43) if dark else (222, 222, 222))
    d.text(
        (12, 8), f"{fname} - {viewer}", font=f_ui, fill=(235, 235, 235) if dark else (30, 30, 30)
    )
    for k, sym in enumerate(["x", "□", "_"]):
        d.text((W - 30 - 40 * k, 6), sym, font=f_ui, fill=(200, 200, 200) if dark else (40, 40, 40))
    d.rectangle([0, title_h, W, title_h + tool_h], fill=(50, 54, 57) if dark else (249, 249, 250))
    for k in range(6):
        x = 14 + 34 * k
        d.rounded_rectangle(
            [x, title_h + 9, x + 20, title_h + 29], 3, outline=(160, 160, 160), width=2
        )
    npages = len(render(pdf, 10))
    d.text(
        (W // 2 - 60, title_h + 11),
        f"1 / {npages}",
        font=f_ui,
        fill=(230, 230, 230) if dark else (30, 30, 30),
    )
    d.text(
        (W // 2 + 20, title_h + 11),
        f"{int(zoom * 100)} %",
        font=f_ui,
        fill=(230, 230, 230) if dark else (30, 30, 30),
    )
    side = rng.choice([0, 170, 200])
    top = title_h + tool_h
    if side:
        d.rectangle([0, top, side, H - task_h], fill=(60, 64, 67) if dark else (243, 243, 243))
        th = Image.fromarray(page).resize((side - 50, int((side - 50) * ph / pw)))
        canvas.paste(th, (25, top + 20))
        d.rectangle(
            [23, top + 18, 25 + th.width + 1, top + 21 + th.height], outline=(70, 130, 220), width=2
        )
        d.text(
            (side // 2 - 4, top + 26 + th.height),
            "1",
            font=f_small,
            fill=(200, 200, 200) if dark else (60, 60, 60),
        )
    area_w = W - side
    area_h = H - top - task_h
    x0 = side + max(10, (area_w - pw) // 2)
    # scroll so that the number is on screen
    nb = scaled(hot.number[0], dpi) if hot.number and hot.number[0] else []
    if nb:
        ny = nb[0][1]
        want = int(area_h * rng.uniform(0.2, 0.45))
        scroll = max(0, min(ph - area_h + 20, ny - want))
    else:
        scroll = 0
    vis = page[scroll : scroll + area_h - 12, : max(0, min(pw, W - x0 - 18))]
    y0 = top + (12 if scroll == 0 else 0)
    shadow = Image.new(
        "RGB", (vis.shape[1], vis.shape[0]), (30, 30, 30) if dark else (170, 170, 170)
    )
    canvas.paste(shadow, (x0 + 4, y0 + 4))
    canvas.paste(Image.fromarray(vis), (x0, y0))
    # scrollbar
    d.rectangle([W - 12, top, W, H - task_h], fill=(70, 70, 70) if dark else (235, 235, 235))
    sb = int(area_h * area_h / (ph + 40))
    sy = top + int(scroll / (ph + 40) * area_h)
    d.rounded_rectangle([W - 10, sy, W - 3, sy + sb], 3, fill=(150, 150, 150))
    if task_h:
        d.rectangle([0, H - task_h, W, H], fill=(32, 32, 40))
        d.text(
            (W - 95, H - task_h + 5),
            f"{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}",
            font=f_ui,
            fill=(240, 240, 240),
        )
        for k in range(5):
            d.rectangle(
                [60 + 48 * k, H - task_h + 8, 84 + 48 * k, H - task_h + 32],
                fill=(90 + 20 * k, 110, 160),
            )
    # mouse pointer, never over the number
    on_screen = [(b[0] + x0, b[1] - scroll + y0, b[2] + x0, b[3] - scroll + y0) for b in nb]
    for _ in range(100):
        mx, my = rng.randrange(side + 50, W - 60), rng.randrange(top + 40, H - task_h - 40)
        if all(
            mx + 20 < b[0] or b[2] < mx - 5 or my + 25 < b[1] or b[3] < my - 5 for b in on_screen
        ):
            break
    d.polygon(
        [
            (mx, my),
            (mx, my + 18),
            (mx + 5, my + 14),
            (mx + 9, my + 21),
            (mx + 12, my + 19),
            (mx + 8, my + 12),
            (mx + 14, my + 12),
        ],
        fill=(255, 255, 255),
        outline=(0, 0, 0),
    )
    img = np.asarray(canvas)
    # which identifiers are on screen
    visible = set()
    for key, pages in hot.idents.items():
        bx = scaled(pages[0], dpi) if pages and pages[0] else []
        for b in bx:
            if b[1] >= scroll and b[3] <= scroll + area_h - 12 and b[2] <= vis.shape[1]:
                visible.add(key)
    if out == "png":
        return ScanResult(png(img, colors=rng.choice([64, 96, 128])), ".png", visible)
    return ScanResult(jpeg(img, rng.randrange(78, 88)), ".jpg", visible)


def _stamp_number(rng: random.Random) -> str:
    n = f"{rng.randrange(1, 9999):06d}"
    return rng.choice([f"N° {n}", f"Nº {n}", n, f"No {n}"])


def s_numstamp(rng: random.Random, pdf: bytes, hot: Hot, out: str) -> ScanResult:
    """A red numbering-machine imprint (the mail room's register number) stamped at an angle."""
    g = npr(rng)
    dpi = 150
    pages = render(pdf, dpi, color=True)
    text = _stamp_number(rng)
    second = rng.choice(
        [
            "",
            f"ARRIVÉ LE {rng.randrange(1, 28)} {rng.choice(['OCT.', 'NOV.', 'SEPT.'])} 2026",
            "COURRIER ARRIVÉE",
            "SERVICE ADV",
        ]
    )
    fbig = pil_font("DejaVu Sans Mono:bold", rng.randrange(30, 40))
    fsmall = pil_font("DejaVu Sans:bold", 16)
    tw = int(fbig.getlength(text)) + 20
    th = 50 + (26 if second else 0)

    def draw(d: ImageDraw.ImageDraw) -> None:
        d.text((10, 8), text, font=fbig, fill=255)
        if second:
            d.text((12, 52), second, font=fsmall, fill=255)

    angle = rng.choice([-1, 1]) * rng.uniform(8, 28)
    mask = ink_layer((max(tw, int(fsmall.getlength(second)) + 30), th), draw, g, angle, wear=0.35)
    first = pages[0]
    avoid = scaled(hot.all_boxes(0), dpi, pad=25)
    spot = free_spot((mask.shape[1], mask.shape[0]), first.shape[:2], avoid, rng)
    if spot is None:
        raise AssertionError("no room for the numbering stamp")
    red = rng.choice([(200, 30, 40), (185, 20, 60), (215, 50, 40)])
    blend_ink(first, mask, spot[0], spot[1], red)
    done = []
    for p in pages:
        p = paper_tone(p, (0.97, 0.965, 0.95))
        p = skew(p, rng.uniform(-0.8, 0.8), (246, 245, 240))
        done.append(add_noise(p, g, 3.5))
    if out == "tif":
        return ScanResult(tiff(done, (dpi, dpi), "jpeg", q=50), ".tif")
    return ScanResult(image_pdf([(p, dpi) for p in done], q=58), ".pdf")


def _hand_mask(h: int, w: int, corner: str, rng: random.Random) -> np.ndarray:
    """Soft shadow of a hand and forearm coming in from a corner or an edge."""
    sm = 4
    mh, mw = h // sm, w // sm
    m = np.zeros((mh, mw), np.uint8)
    cx = {"bl": 0.12, "br": 0.88, "b": rng.uniform(0.35, 0.65), "r": 1.0, "l": 0.0}[corner]
    cy = {
        "bl": 0.85,
        "br": 0.85,
        "b": 0.92,
        "r": rng.uniform(0.55, 0.8),
        "l": rng.uniform(0.55, 0.8),
    }[corner]
    ex, ey = int(cx * mw), int(cy * mh)
    # forearm from outside the page to the palm
    ox = {"bl": -0.2, "br": 1.2, "b": cx + rng.uniform(-0.1, 0.1), "r": 1.3, "l": -0.3}[corner]
    oy = {"bl": 1.2, "br": 1.2, "b": 1.3, "r": cy + 0.1, "l": cy + 0.1}[corner]
    cv2.line(m, (int(ox * mw), int(oy * mh)), (ex, ey), 255, int(mw * 0.19))
    cv2.ellipse(m, (ex, ey), (int(mw * 0.12), int(mh * 0.08)), rng.uniform(0, 180), 0, 360, 255, -1)
    ang = math.atan2(ey - oy * mh, ex - ox * mw)
    for k in range(4):
        a = ang + (k - 1.5) * 0.28
        ln = mw * rng.uniform(0.09, 0.13)
        fx, fy = int(ex + math.cos(a) * ln * 1.6), int(ey + math.sin(a) * ln * 1.6)
        cv2.line(m, (ex, ey), (fx, fy), 255, int(mw * 0.028))
    m = cv2.GaussianBlur(m, (0, 0), mw * 0.025)
    return cv2.resize(m, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32) / 255


def s_handshadow(rng: random.Random, pdf: bytes, hot: Hot, out: str) -> ScanResult:
    """Phone photo taken over the desk: the hand's shadow falls on a part of the page."""
    g = npr(rng)
    dpi = 150
    page = render(pdf, dpi, color=True)[0]
    h, w = page.shape[:2]
    avoid = scaled(hot.all_boxes(0), dpi, pad=12)
    corners = ["bl", "br", "b", "r", "l"]
    rng.shuffle(corners)
    mask = None
    for corner in corners:
        cand = _hand_mask(h, w, corner, rng)
        if all(cand[max(0, b[1]) : b[3], max(0, b[0]) : b[2]].max(initial=0) < 0.12 for b in avoid):
            mask = cand
            break
    if mask is None:
        raise AssertionError("no room for the hand shadow")
    depth = rng.uniform(0.42, 0.58)
    img = page.astype(np.float32) * (1 - depth * mask[..., None])
    img = np.clip(img, 0, 255).astype(np.uint8)
    img = paper_tone(img, (1.0, 0.97, 0.9))
    img = lighting(img, g, rng.uniform(0.25, 0.45))
    ow, oh = int(w * 1.04), int(h * 1.04)
    img = perspective(img, g, 0.012, (ow, oh), 0.015, (60, 55, 50))
    img = cv2.GaussianBlur(img, (0, 0), 0.8)
    img = add_noise(img, g, 4)
    if out == "pdf":
        return ScanResult(image_pdf([(img, dpi)], q=62), ".pdf")
    return ScanResult(jpeg(img, rng.randrange(66, 76)), ".jpg")


def s_rotated90(rng: random.Random, pdf: bytes, hot: Hot, out: str) -> ScanResult:
    """A landscape page scanned and saved sideways (rotated 90°)."""
    g = npr(rng)
    dpi = 150
    pages = render(pdf, dpi)
    k = rng.choice([1, 3])
    done = []
    for p in pages:
        p = paper_tone(p, (rng.uniform(0.92, 0.96),))
        p = skew(p, rng.uniform(-0.7, 0.7), 240)
        p = add_noise(p, g, 4)
        done.append(np.ascontiguousarray(np.rot90(p, k)))
    if out == "tif":
        return ScanResult(tiff(done, (dpi, dpi), "jpeg", q=55), ".tif")
    return ScanResult(image_pdf([(p, dpi) for p in done], q=60), ".pdf")


def s_crease(rng: random.Random, pdf: bytes, hot: Hot, out: str) -> ScanResult:
    """Creased, crumpled paper flattened on the glass: ridges, shading, small shifts."""
    g = npr(rng)
    dpi = 170
    pages = render(pdf, dpi)
    done = []
    for p in pages:
        h, w = p.shape
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        field = np.zeros((h, w), np.float32)
        mapx, mapy = xx.copy(), yy.copy()
        for _ in range(rng.randrange(2, 5)):
            px, py = rng.uniform(0, w), rng.uniform(0, h)
            a = rng.uniform(0, math.pi)
            nx, ny = -math.sin(a), math.cos(a)
            dist = (xx - px) * nx + (yy - py) * ny
            wd = rng.uniform(6, 20)
            amp = rng.uniform(0.05, 0.11)
            field += amp * np.sign(dist) * np.exp(-np.abs(dist) / wd)
            field -= rng.uniform(0.08, 0.16) * np.exp(-((dist / 1.4) ** 2))
            shift = rng.uniform(0.6, 1.8)
            mapx += nx * shift * (dist > 0)
            mapy += ny * shift * (dist > 0)
        field += 0.05 * low_freq(g, h, w, 6)
        q = cv2.remap(p, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        q = np.clip(q.astype(np.float32) * (1 + field) * rng.uniform(0.9, 0.95), 0, 255)
        q = add_noise(q.astype(np.uint8), g, 3.5)
        done.append(skew(q, rng.uniform(-1.0, 1.0), 235))
    if out == "tif":
        return ScanResult(tiff(done, (dpi, dpi), "jpeg"), ".tif")
    return ScanResult(image_pdf([(p, dpi) for p in done], q=58), ".pdf")


def s_lowtonerfax(
    rng: random.Random, pdf: bytes, hot: Hot, out: str, sender: str = ""
) -> ScanResult:
    """Low-toner fax, fine mode 204 x 196 dpi: faded broken strokes, dropped and smeared lines."""
    g = npr(rng)
    pages = render(pdf, 204)
    npg = len(pages)
    stamp = f"{rng.randrange(1, 28):02d}/{rng.choice(['10', '11'])}/2026 {rng.randrange(7, 19):02d}:{rng.randrange(60):02d}"
    f = pil_font("DejaVu Sans Mono", 20)
    done = []
    for k, p in enumerate(pages):
        h, w = p.shape
        p = cv2.resize(p, (w, int(h * 196 / 204)), interpolation=cv2.INTER_AREA)
        h = p.shape[0]
        nums = scaled(hot.number[k] if k < len(hot.number) else [], 204, pad=6)
        protect = np.zeros(h, bool)
        for b in nums:
            protect[max(0, int(b[1] * 196 / 204)) : int(b[3] * 196 / 204) + 1] = True
        ink = (255 - p.astype(np.float32)) / 255
        fade = rng.uniform(0.58, 0.66)
        centre = rng.uniform(0.15, 0.85) * w
        for _ in range(50):  # the toner streak stays off the printed number
            if all(abs(centre - (b[0] + b[2]) / 2) > (b[2] - b[0]) / 2 + w * 0.22 for b in nums):
                break
            centre = rng.uniform(0.1, 0.9) * w
        band = 0.13 * np.exp(-(((np.arange(w) - centre) / (w * 0.1)) ** 2))
        grain = cv2.GaussianBlur(g.normal(0, 1, ink.shape).astype(np.float32), (0, 0), 1.0)
        ink = ink * (fade - band[None, :]) * (1 + 0.9 * grain)
        img = (1 - np.clip(ink, 0, 1)) * 255
        bw = np.where(img < rng.uniform(150, 160), 0, 255).astype(np.uint8)
        # dropped lines (lost scan lines), repeated lines, a few noise bursts
        for _ in range(rng.randrange(10, 22)):
            y = rng.randrange(60, h - 4)
            t = rng.randrange(1, 3)
            if protect[y : y + t].any():
                continue
            kind = rng.random()
            if kind < 0.6:
                bw[y : y + t] = 255
            elif kind < 0.85:
                bw[y : y + t] = bw[y - 1]
            else:
                x0 = rng.randrange(0, w // 2)
                bw[y, x0 : x0 + rng.randrange(100, w // 2)] = 0
        im = Image.fromarray(bw)
        d = ImageDraw.Draw(im)
        d.rectangle([0, 0, w, 34], fill=255)
        d.text((20, 6), f"{stamp}   DE: {sender}", font=f, fill=0)
        d.text((w - 160, 6), f"P.{k + 1:03d}/{npg:03d}", font=f, fill=0)
        done.append(np.asarray(im))
    return ScanResult(tiff(done, (204, 196), "group4"), ".tif")


def _carbon_copy(page: np.ndarray, g: np.random.Generator, rng: random.Random) -> np.ndarray:
    """The carbon copy of a page: coloured paper, blurred blue-black carbon, fainter."""
    gr = grey(page).astype(np.float32) / 255
    ink = cv2.GaussianBlur(1 - gr, (0, 0), 1.1) * rng.uniform(0.75, 0.9)
    tint = np.array(rng.choice([(250, 222, 226), (250, 246, 200), (222, 238, 250)]), np.float32)
    carbon = np.array([40, 45, 95], np.float32)
    out = tint[None, None, :] * (1 - ink[..., None]) + carbon[None, None, :] * ink[..., None]
    return add_noise(np.clip(out, 0, 255).astype(np.uint8), g, 3)


def s_twoup(rng: random.Random, pdf: bytes, hot: Hot, out: str) -> ScanResult:
    """Two A5 pages on one A4 sheet: a 2-page order printed 2-up, or an A5 carbon-book
    order scanned with its carbon copy."""
    g = npr(rng)
    dpi = 180
    doc = pdfium.PdfDocument(pdf)
    pw = doc[0].get_size()[0]
    n = len(doc)
    doc.close()
    a4w, a4h = int(210 / 25.4 * dpi), int(297 / 25.4 * dpi)
    if n >= 2:  # A4 pages reduced 2-up on a landscape sheet
        f = (a4h / 2 - 40) / (pw * dpi / 72)
        pages = render(pdf, dpi * f, color=False)[:2]
        sheet = np.full((a4w, a4h), 255, np.uint8)
        for k, p in enumerate(pages):
            x = 20 + k * (a4h // 2)
            y = (a4w - p.shape[0]) // 2
            hh, ww = min(p.shape[0], a4w - y), min(p.shape[1], a4h // 2 - 20)
            sheet[y : y + hh, x : x + ww] = p[:hh, :ww]
            cv2.rectangle(sheet, (x, y), (x + ww, y + hh), 200, 1)
        sheet = np.stack([sheet] * 3, axis=2)
    else:  # one A5 page and its carbon copy on the A4 glass
        page = render(pdf, dpi, color=True)[0]
        hh, ww = page.shape[:2]
        sheet = np.full((a4h, a4w, 3), 252, np.uint8)
        copy = _carbon_copy(page, g, rng)
        first = rng.random() < 0.5
        for k, p in enumerate([page, copy] if first else [copy, page]):
            y = 8 + k * (a4h // 2)
            x = 10 + rng.randrange(0, 30)
            h2, w2 = min(hh, a4h - y), min(ww, a4w - x)
            sheet[y : y + h2, x : x + w2] = p[:h2, :w2]
    img = paper_tone(sheet, (0.97, 0.97, 0.96))
    img = skew(img, rng.uniform(-0.6, 0.6), (245, 245, 245))
    img = add_noise(img, g, 3)
    if n >= 2:
        img = grey(img)
    if out == "jpg":
        return ScanResult(jpeg(img, 62), ".jpg")
    return ScanResult(image_pdf([(img, dpi)], q=58), ".pdf")


def s_signed(
    rng: random.Random, pdf: bytes, hot: Hot, out: str, cust_lines: list[str] | None = None
) -> ScanResult:
    """Our quote signed 'bon pour accord' by the customer: stamp, handwriting, signature."""
    g = npr(rng)
    dpi = 150
    page = render(pdf, dpi, color=True)[0]
    acc = find(pdf, "Bon pour accord")[0]
    f = dpi / 72
    if acc:
        bx = acc[0]
        x, y = int(bx[0] * f), int(bx[3] * f) + 10
    else:
        x, y = int(page.shape[1] * 0.55), int(page.shape[0] * 0.7)
    lines = cust_lines or ["CACHET CLIENT"]
    fst = pil_font("DejaVu Sans:bold", 17)
    fs2 = pil_font("DejaVu Sans", 14)
    sw = int(max(fst.getlength(lines[0]), *(fs2.getlength(t) for t in lines[1:])) + 24)
    sh = 30 + 19 * (len(lines) - 1) + 10

    def draw(d: ImageDraw.ImageDraw) -> None:
        d.rectangle([2, 2, sw - 3, sh - 3], outline=255, width=3)
        d.text((12, 8), lines[0], font=fst, fill=255)
        for k, t in enumerate(lines[1:]):
            d.text((12, 32 + 19 * k), t, font=fs2, fill=255)

    mask = ink_layer((sw, sh), draw, g, rng.uniform(-6, 6), wear=0.3)
    col = rng.choice([(40, 60, 170), (110, 50, 150), (30, 90, 60)])
    blend_ink(
        page,
        mask,
        min(x + rng.randrange(0, 40), page.shape[1] - mask.shape[1] - 5),
        min(y + 20, page.shape[0] - mask.shape[0] - 5),
        col,
    )
    im = Image.fromarray(page)
    d = ImageDraw.Draw(im)
    hand = pil_font(rng.choice(["Dancing Script", "DkgHandwriting"]), 30)
    pen = (20, 35, 120)
    ty = min(y + 20 + mask.shape[0] + 8, page.shape[0] - 120)
    d.text((x + 10, ty), "Bon pour accord", font=hand, fill=pen)
    d.text(
        (x + 10, ty + 36),
        f"le {rng.randrange(1, 28)}/{rng.choice(['10', '11'])}/26",
        font=hand,
        fill=pen,
    )
    pts = []
    sx, sy = x + 200, ty + 40
    for k in range(14):
        pts.append((sx + k * 9 + rng.randrange(-4, 4), sy + rng.randrange(-16, 16)))
    d.line(pts, fill=pen, width=3, joint="curve")
    img = np.asarray(im)
    img = paper_tone(img, (0.97, 0.965, 0.95))
    img = skew(img, rng.uniform(-0.8, 0.8), (246, 245, 240))
    img = add_noise(img, g, 3)
    if out == "jpg":
        return ScanResult(jpeg(img, 64), ".jpg")
    return ScanResult(image_pdf([(img, dpi)], q=60), ".pdf")


STYLES = {
    "phonebw": s_phonebw,
    "whatsapp": s_whatsapp,
    "screenshot": s_screenshot,
    "numstamp": s_numstamp,
    "handshadow": s_handshadow,
    "rotated90": s_rotated90,
    "crease": s_crease,
    "lowtonerfax": s_lowtonerfax,
    "twoup": s_twoup,
    "signed": s_signed,
}
