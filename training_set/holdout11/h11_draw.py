"""Holdout11 page model and its back-ends.

One page model (text at a baseline, rectangles, lines, polylines; y grows downwards, in pt)
feeds two PDF writers that both take hand-written PDF content streams:

* ``write_pikepdf``: pikepdf assembles the page; fonts are simple TrueType fonts
  (WinAnsiEncoding, ``/Widths`` from the font's ``hmtx``, a fontTools subset as ``FontFile2``);
* ``write_mutool``: the same content stream goes to ``mutool create`` (MuPDF 1.21), which embeds
  the ``%%Font`` files itself (OpenType/CFF subsets made with fontTools).

Scans are rasterised from the same page model by an own FreeType renderer (freetype-py glyph
bitmaps composited with numpy, strokes with OpenCV), not from the PDF.
"""

from __future__ import annotations

import functools
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import freetype
import numpy as np
import pikepdf
from fontTools import subset
from fontTools.ttLib import TTFont

W, H = 595.0, 842.0
FONT_CACHE = Path(tempfile.gettempdir()) / "h11fonts"

FONTS = {
    "arimo": "/usr/share/fonts/truetype/croscore/Arimo-Regular.ttf",
    "arimo-b": "/usr/share/fonts/truetype/croscore/Arimo-Bold.ttf",
    "tinos": "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf",
    "tinos-b": "/usr/share/fonts/truetype/croscore/Tinos-Bold.ttf",
    "cousine": "/usr/share/fonts/truetype/croscore/Cousine-Regular.ttf",
    "cousine-b": "/usr/share/fonts/truetype/croscore/Cousine-Bold.ttf",
    "manrope": "/usr/share/fonts/truetype/manrope/Manrope-Regular.ttf",
    "manrope-b": "/usr/share/fonts/truetype/manrope/Manrope-Bold.ttf",
    "mplus1": "/usr/share/fonts/opentype/mplus/Mplus1-Regular.otf",
    "mplus1-b": "/usr/share/fonts/opentype/mplus/Mplus1-Bold.otf",
    "mplus2": "/usr/share/fonts/opentype/mplus/Mplus2-Regular.otf",
    "mplus2-b": "/usr/share/fonts/opentype/mplus/Mplus2-Bold.otf",
    "fantasque": "/usr/share/fonts/opentype/fantasque-sans/Normal/OTF/FantasqueSansMono-Regular.otf",
    "fantasque-b": "/usr/share/fonts/opentype/fantasque-sans/Normal/OTF/FantasqueSansMono-Bold.otf",
    "kaushan": "/usr/share/fonts/opentype/kaushanscript/KaushanScript-Regular.otf",
}
CP1252 = [
    bytes([i]).decode("cp1252") for i in range(32, 256) if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
]


@functools.cache
def font_file(name: str) -> Path:
    """A fontTools subset of the font, reduced to the WinAnsi characters."""
    FONT_CACHE.mkdir(exist_ok=True)
    src = FONTS[name]
    out = FONT_CACHE / (name + Path(src).suffix)
    if not out.exists():
        opts = subset.Options()
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        opts.hinting = False
        opts.layout_features = []
        font = TTFont(src)
        if "FFTM" in font:
            del font["FFTM"]
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=[ord(c) for c in CP1252 if c != "\xa0"] + [0xA0])
        sub.subset(font)
        font.save(str(out))
    return out


@functools.cache
def metrics(name: str) -> tuple[dict[str, float], dict[str, float]]:
    font = TTFont(str(font_file(name)))
    upm = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = {}
    for ch in CP1252:
        g = cmap.get(ord(ch))
        widths[ch] = hmtx[g][0] * 1000.0 / upm if g else hmtx[".notdef"][0] * 1000.0 / upm
    os2 = font["OS/2"]
    head = font["head"]
    info = {
        "ascent": os2.sTypoAscender * 1000.0 / upm,
        "descent": os2.sTypoDescender * 1000.0 / upm,
        "cap": getattr(os2, "sCapHeight", 700) * 1000.0 / upm or 700.0,
        "bbox": [v * 1000.0 / upm for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "ps": font["name"].getDebugName(6) or name,
    }
    return widths, info


def text_width(font: str, size: float, s: str) -> float:
    widths, _ = metrics(font)
    return sum(widths.get(c, 500.0) for c in s) * size / 1000.0


@dataclass
class Page:
    ops: list[tuple] = field(default_factory=list)
    w: float = W
    h: float = H

    def text(self, x, y, s, font="arimo", size=10.0, color=(0, 0, 0), align="l"):
        s = str(s)
        if align != "l":
            tw = text_width(font, size, s)
            x = x - tw if align == "r" else x - tw / 2
        self.ops.append(("text", x, y, s, font, size, color))
        return text_width(font, size, s)

    def rect(self, x, y, w, h, stroke=(0, 0, 0), fill=None, lw=0.6):
        self.ops.append(("rect", x, y, w, h, stroke, fill, lw))

    def line(self, x1, y1, x2, y2, color=(0, 0, 0), lw=0.6):
        self.ops.append(("poly", [(x1, y1), (x2, y2)], color, lw))

    def poly(self, pts, color=(0, 0, 0), lw=1.0):
        self.ops.append(("poly", list(pts), color, lw))


def _esc(s: str) -> str:
    out = []
    for b in s.encode("cp1252"):
        c = chr(b)
        if c in "()\\":
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append(f"\\{b:03o}")
    return "".join(out)


def _num(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def content_stream(page: Page, fonts: dict[str, str]) -> str:
    """PDF content operators for a page; ``fonts`` maps font names to resource names."""
    out = []
    for op in page.ops:
        if op[0] == "text":
            _, x, y, s, font, size, color = op
            res = fonts.setdefault(font, f"F{len(fonts) + 1}")
            r, g, b = color
            out.append(
                f"BT /{res} {_num(size)} Tf {_num(r)} {_num(g)} {_num(b)} rg "
                f"{_num(x)} {_num(page.h - y)} Td ({_esc(s)}) Tj ET"
            )
        elif op[0] == "rect":
            _, x, y, w, h, stroke, fill, lw = op
            seq = [f"{_num(lw)} w"]
            if fill is not None:
                seq.append("{} {} {} rg".format(*map(_num, fill)))
            if stroke is not None:
                seq.append("{} {} {} RG".format(*map(_num, stroke)))
            seq.append(f"{_num(x)} {_num(page.h - y - h)} {_num(w)} {_num(h)} re")
            seq.append("B" if fill is not None and stroke is not None else ("f" if fill else "S"))
            out.append("q " + " ".join(seq) + " Q")
        elif op[0] == "poly":
            _, pts, color, lw = op
            path = " ".join(
                f"{_num(x)} {_num(page.h - y)} {'m' if i == 0 else 'l'}"
                for i, (x, y) in enumerate(pts)
            )
            out.append(
                "q {} w 1 J 1 j {} {} {} RG ".format(_num(lw), *map(_num, color)) + path + " S Q"
            )
    return "\n".join(out) + "\n"


# --- pikepdf back-end -------------------------------------------------------------------------


def _pk_font(pdf: pikepdf.Pdf, name: str) -> pikepdf.Object:
    widths, info = metrics(name)
    data = font_file(name).read_bytes()
    ff = pikepdf.Stream(pdf, data)
    ff["/Length1"] = len(data)
    base = pikepdf.Name("/" + "HXIAAB+" + info["ps"].replace(" ", ""))
    desc = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=base,
        Flags=32,
        FontBBox=[round(v) for v in info["bbox"]],
        ItalicAngle=0,
        Ascent=round(info["ascent"]),
        Descent=round(info["descent"]),
        CapHeight=round(info["cap"]),
        StemV=80,
        FontFile2=ff,
    )
    wl = []
    for code in range(32, 256):
        try:
            ch = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            wl.append(0)
            continue
        wl.append(round(widths.get(ch, 0)))
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.TrueType,
            BaseFont=base,
            FirstChar=32,
            LastChar=255,
            Widths=wl,
            Encoding=pikepdf.Name.WinAnsiEncoding,
            FontDescriptor=pdf.make_indirect(desc),
        )
    )


def write_pikepdf(pages: list[Page], path: Path, title: str) -> None:
    pdf = pikepdf.new()
    fonts: dict[str, str] = {}
    streams = [content_stream(p, fonts) for p in pages]
    font_objs = {res: _pk_font(pdf, name) for name, res in fonts.items()}
    for p, cs in zip(pages, streams, strict=True):
        page = pikepdf.Page(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, p.w, p.h],
                Resources=pikepdf.Dictionary(
                    Font=pikepdf.Dictionary({"/" + r: o for r, o in font_objs.items()})
                ),
                Contents=pikepdf.Stream(pdf, cs.encode("ascii")),
            )
        )
        pdf.pages.append(page)
    pdf.docinfo["/Title"] = title
    pdf.docinfo["/Producer"] = "pikepdf " + pikepdf.__version__
    pdf.save(str(path), deterministic_id=True, compress_streams=True)


# --- mutool create back-end ---------------------------------------------------------------------


def write_mutool(pages: list[Page], path: Path, title: str) -> None:
    fonts: dict[str, str] = {}
    streams = [content_stream(p, fonts) for p in pages]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, (p, cs) in enumerate(zip(pages, streams, strict=True)):
            head = [f"%%MediaBox 0 0 {_num(p.w)} {_num(p.h)}"]
            head += [f"%%Font {res} {font_file(name)}" for name, res in fonts.items()]
            f = Path(tmp) / f"page{i}.txt"
            f.write_text("\n".join(head) + "\n" + cs, encoding="ascii")
            files.append(str(f))
        subprocess.run(["mutool", "create", "-O", "compress", "-o", str(path), *files], check=True)
    del title


# --- own FreeType raster ----------------------------------------------------------------------------


@functools.cache
def _face(name: str) -> freetype.Face:
    return freetype.Face(str(font_file(name)))


@functools.cache
def _glyph(name: str, size_px: float, ch: str) -> tuple[np.ndarray, int, int]:
    face = _face(name)
    face.set_char_size(round(size_px * 64), 0, 72, 72)
    face.load_char(ch, freetype.FT_LOAD_RENDER | freetype.FT_LOAD_NO_HINTING)
    g = face.glyph
    bm = g.bitmap
    arr = np.array(bm.buffer, dtype=np.uint8).reshape(bm.rows, bm.pitch)[:, : bm.width]
    return arr.copy(), g.bitmap_left, g.bitmap_top


def _blend(img: np.ndarray, alpha: np.ndarray, x: int, y: int, color) -> None:
    h, w = alpha.shape
    H_, W_ = img.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, W_), min(y + h, H_)
    if x0 >= x1 or y0 >= y1:
        return
    a = alpha[y0 - y : y1 - y, x0 - x : x1 - x].astype(np.float32)[..., None] / 255.0
    col = np.array(color, dtype=np.float32) * 255.0
    reg = img[y0:y1, x0:x1].astype(np.float32)
    img[y0:y1, x0:x1] = (reg * (1 - a) + col * a).astype(np.uint8)


def raster(page: Page, dpi: float) -> np.ndarray:
    """RGB uint8 image of the page at ``dpi``."""
    k = dpi / 72.0
    img = np.full((round(page.h * k), round(page.w * k), 3), 255, np.uint8)
    for op in page.ops:
        if op[0] == "rect":
            _, x, y, w, h, stroke, fill, lw = op
            p1 = (round(x * k), round(y * k))
            p2 = (round((x + w) * k), round((y + h) * k))
            if fill is not None:
                cv2.rectangle(img, p1, p2, tuple(int(c * 255) for c in fill), -1, cv2.LINE_AA)
            if stroke is not None:
                t = max(1, round(lw * k))
                cv2.rectangle(img, p1, p2, tuple(int(c * 255) for c in stroke), t, cv2.LINE_AA)
        elif op[0] == "poly":
            _, pts, color, lw = op
            arr = np.array([[x * k * 4, y * k * 4] for x, y in pts], np.int32)
            t = max(1, round(lw * k))
            cv2.polylines(
                img, [arr], False, tuple(int(c * 255) for c in color), t, cv2.LINE_AA, shift=2
            )
        elif op[0] == "text":
            _, x, y, s, font, size, color = op
            widths, _ = metrics(font)
            pen = x * k
            for ch in s:
                if ch != " ":
                    alpha, left, top = _glyph(font, size * k, ch)
                    if alpha.size:
                        _blend(img, alpha, round(pen) + left, round(y * k) - top, color)
                pen += widths.get(ch, 500.0) * size * k / 1000.0
    return img
