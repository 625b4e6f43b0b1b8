"""Holdout8 drawing list and its back-ends.

A document is a list of pages, each a list of drawing operations in points, origin top left:
  ("text", x, y_baseline, string, font_key, size, rgb)
  ("line", x1, y1, x2, y2, width, rgb)
  ("rect", x, y, w, h, stroke_rgb | None, fill_rgb | None, width)
Back-ends: Node.js PDFKit and pdf-lib (h8_node.js, one batch per back-end), libHaru 2.3 through
ctypes, and an own Pillow ImageDraw raster (for the scans). Imports nothing from the repository.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
NODE_DIR = Path(os.environ.get("H8_NODE_DIR", "/tmp/h8node"))

FONTS = {
    # PDFKit
    "biolinum": "/usr/share/fonts/opentype/linux-libertine/LinBiolinum_R.otf",
    "biolinum-b": "/usr/share/fonts/opentype/linux-libertine/LinBiolinum_RB.otf",
    "libertine": "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf",
    "libertine-b": "/usr/share/fonts/opentype/linux-libertine/LinLibertine_RB.otf",
    "libertine-i": "/usr/share/fonts/opentype/linux-libertine/LinLibertine_RI.otf",
    "accanthis": "/usr/share/fonts/truetype/adf/AccanthisADFStd-Regular.otf",
    "accanthis-b": "/usr/share/fonts/truetype/adf/AccanthisADFStd-Bold.otf",
    "junicode": "/usr/share/fonts/opentype/junicode/JunicodeTwoBeta-Regular.otf",
    "junicode-b": "/usr/share/fonts/opentype/junicode/JunicodeTwoBeta-Bold.otf",
    # pdf-lib
    "gillius": "/usr/share/fonts/truetype/adf/GilliusADF-Regular.otf",
    "gillius-b": "/usr/share/fonts/truetype/adf/GilliusADF-Bold.otf",
    "gillius-c": "/usr/share/fonts/truetype/adf/GilliusADF-Cond.otf",
    "gillius-bc": "/usr/share/fonts/truetype/adf/GilliusADF-BoldCond.otf",
    "inconsolata": "/usr/share/fonts/truetype/inconsolata/Inconsolata.otf",
    # libHaru (TrueType only)
    "ibm3270": "/usr/share/fonts/truetype/3270/3270-Regular.ttf",
    "ibm3270-sc": "/usr/share/fonts/truetype/3270/3270SemiCondensed-Regular.ttf",
    "andika": "/usr/share/fonts/truetype/andika/Andika-Regular.ttf",
    "andika-b": "/usr/share/fonts/truetype/andika/Andika-Bold.ttf",
    "andika-i": "/usr/share/fonts/truetype/andika/Andika-Italic.ttf",
    "comfortaa": "/usr/share/fonts/truetype/comfortaa/Comfortaa-Regular.ttf",
    "comfortaa-b": "/usr/share/fonts/truetype/comfortaa/Comfortaa-Bold.ttf",
    "staypuft": "/usr/share/fonts/truetype/staypuft/StayPuft.ttf",
    "purisa": "/usr/share/fonts/truetype/tlwg/Purisa.ttf",
}

_MEASURE: dict[str, ImageFont.FreeTypeFont] = {}


def text_width(s: str, font: str, size: float) -> float:
    f = _MEASURE.get(font)
    if f is None:
        f = _MEASURE[font] = ImageFont.truetype(FONTS[font], 1000)
    return f.getlength(s) * size / 1000.0


class Canvas:
    """One document being drawn; `marks` records tagged text boxes (page, x0, y0, x1, y1)."""

    def __init__(self, w: float = 595.28, h: float = 841.89):
        self.w, self.h = w, h
        self.pages: list[list[tuple]] = []
        self.marks: dict[str, tuple] = {}
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])

    @property
    def ops(self) -> list[tuple]:
        return self.pages[-1]

    def text(self, x, y, s, font, size, rgb=(0, 0, 0), align="l", tag=None):
        s = str(s)
        w = text_width(s, font, size)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        self.ops.append(("text", round(x, 2), round(y, 2), s, font, size, rgb))
        if tag:
            self.marks[tag] = (len(self.pages) - 1, x, y - size * 0.8, x + w, y + size * 0.25)
        return x + w

    def line(self, x1, y1, x2, y2, width=0.6, rgb=(0, 0, 0)):
        self.ops.append(("line", x1, y1, x2, y2, width, rgb))

    def rect(self, x, y, w, h, stroke=(0, 0, 0), fill=None, width=0.6, tag=None):
        self.ops.append(("rect", x, y, w, h, stroke, fill, width))
        if tag:
            self.marks[tag] = (len(self.pages) - 1, x, y, x + w, y + h)

    def wrap(self, x, y, width, s, font, size, leading=None, rgb=(0, 0, 0)):
        leading = leading or size * 1.3
        line = ""
        for word in s.split(" "):
            trial = (line + " " + word).strip()
            if text_width(trial, font, size) > width and line:
                self.text(x, y, line, font, size, rgb)
                y += leading
                line = word
            else:
                line = trial
        if line:
            self.text(x, y, line, font, size, rgb)
            y += leading
        return y

    def spec(self, out: Path, meta: dict) -> dict:
        used = sorted({op[4] for p in self.pages for op in p if op[0] == "text"})
        return {
            "out": str(out),
            "w": self.w,
            "h": self.h,
            "fonts": {k: FONTS[k] for k in used},
            "pages": self.pages,
            "meta": meta,
        }


# --- Node.js back-ends -------------------------------------------------------------------
def render_node(backend: str, specs: list[dict], seed: str) -> None:
    if not specs:
        return
    job = NODE_DIR / f"h8_job_{backend}.json"
    job.write_text(json.dumps({"backend": backend, "seed": seed, "docs": specs}), encoding="utf-8")
    env = dict(os.environ, NODE_PATH=str(NODE_DIR / "node_modules"))
    subprocess.run(["node", str(HERE / "h8_node.js"), str(job)], check=True, env=env)


# --- libHaru back-end ---------------------------------------------------------------------
_HPDF = None


def _hpdf():
    global _HPDF
    if _HPDF is None:
        lib = ctypes.CDLL("libhpdf-2.3.0.so")
        vp, cp, f = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_float
        sig = {
            "HPDF_New": ([vp, vp], vp),
            "HPDF_Free": ([vp], None),
            "HPDF_SetCompressionMode": ([vp, ctypes.c_uint], ctypes.c_ulong),
            "HPDF_SetInfoAttr": ([vp, ctypes.c_int, cp], ctypes.c_ulong),
            "HPDF_LoadTTFontFromFile": ([vp, cp, ctypes.c_int], cp),
            "HPDF_GetFont": ([vp, cp, cp], vp),
            "HPDF_AddPage": ([vp], vp),
            "HPDF_Page_SetWidth": ([vp, f], ctypes.c_ulong),
            "HPDF_Page_SetHeight": ([vp, f], ctypes.c_ulong),
            "HPDF_Page_BeginText": ([vp], ctypes.c_ulong),
            "HPDF_Page_EndText": ([vp], ctypes.c_ulong),
            "HPDF_Page_SetFontAndSize": ([vp, vp, f], ctypes.c_ulong),
            "HPDF_Page_SetRGBFill": ([vp, f, f, f], ctypes.c_ulong),
            "HPDF_Page_SetRGBStroke": ([vp, f, f, f], ctypes.c_ulong),
            "HPDF_Page_TextOut": ([vp, f, f, cp], ctypes.c_ulong),
            "HPDF_Page_SetLineWidth": ([vp, f], ctypes.c_ulong),
            "HPDF_Page_MoveTo": ([vp, f, f], ctypes.c_ulong),
            "HPDF_Page_LineTo": ([vp, f, f], ctypes.c_ulong),
            "HPDF_Page_Rectangle": ([vp, f, f, f, f], ctypes.c_ulong),
            "HPDF_Page_Stroke": ([vp], ctypes.c_ulong),
            "HPDF_Page_Fill": ([vp], ctypes.c_ulong),
            "HPDF_Page_FillStroke": ([vp], ctypes.c_ulong),
            "HPDF_SaveToFile": ([vp, cp], ctypes.c_ulong),
        }
        for name, (args, res) in sig.items():
            fn = getattr(lib, name)
            fn.argtypes, fn.restype = args, res
        _HPDF = lib
    return _HPDF


def render_haru(spec: dict) -> None:
    L = _hpdf()
    pdf = L.HPDF_New(None, None)
    L.HPDF_SetCompressionMode(pdf, 0x0F)
    meta = spec["meta"]
    for idx, key in ((2, "author"), (3, "creator"), (5, "title")):
        if meta.get(key):
            L.HPDF_SetInfoAttr(pdf, idx, meta[key].encode("cp1252"))
    fonts = {}
    for key, path in spec["fonts"].items():
        name = L.HPDF_LoadTTFontFromFile(pdf, path.encode(), 1)
        fonts[key] = L.HPDF_GetFont(pdf, name, b"CP1252")
    h = spec["h"]
    for ops in spec["pages"]:
        page = L.HPDF_AddPage(pdf)
        L.HPDF_Page_SetWidth(page, spec["w"])
        L.HPDF_Page_SetHeight(page, h)
        for op in ops:
            if op[0] == "rect":
                _, x, y, w, hh, stroke, fill, width = op
                L.HPDF_Page_SetLineWidth(page, width)
                if stroke:
                    L.HPDF_Page_SetRGBStroke(page, *stroke)
                if fill:
                    L.HPDF_Page_SetRGBFill(page, *fill)
                L.HPDF_Page_Rectangle(page, x, h - y - hh, w, hh)
                if stroke and fill:
                    L.HPDF_Page_FillStroke(page)
                elif fill:
                    L.HPDF_Page_Fill(page)
                else:
                    L.HPDF_Page_Stroke(page)
            elif op[0] == "line":
                _, x1, y1, x2, y2, width, rgb = op
                L.HPDF_Page_SetLineWidth(page, width)
                L.HPDF_Page_SetRGBStroke(page, *rgb)
                L.HPDF_Page_MoveTo(page, x1, h - y1)
                L.HPDF_Page_LineTo(page, x2, h - y2)
                L.HPDF_Page_Stroke(page)
        for op in ops:
            if op[0] != "text":
                continue
            _, x, y, s, font, size, rgb = op
            L.HPDF_Page_BeginText(page)
            L.HPDF_Page_SetFontAndSize(page, fonts[font], size)
            L.HPDF_Page_SetRGBFill(page, *rgb)
            L.HPDF_Page_TextOut(page, x, h - y, s.encode("cp1252"))
            L.HPDF_Page_EndText(page)
    L.HPDF_SaveToFile(pdf, spec["out"].encode())
    L.HPDF_Free(pdf)


# --- own raster (for the scans) ------------------------------------------------------------
_RASTER: dict[tuple, ImageFont.FreeTypeFont] = {}


def raster(canvas: Canvas, dpi: float) -> list[Image.Image]:
    k = dpi / 72.0
    out = []
    for ops in canvas.pages:
        im = Image.new("RGB", (round(canvas.w * k), round(canvas.h * k)), "white")
        d = ImageDraw.Draw(im)

        def c(rgb):
            return tuple(round(v * 255) for v in rgb)

        for op in ops:
            if op[0] == "rect":
                _, x, y, w, hh, stroke, fill, width = op
                d.rectangle(
                    [x * k, y * k, (x + w) * k, (y + hh) * k],
                    fill=c(fill) if fill else None,
                    outline=c(stroke) if stroke else None,
                    width=max(1, round(width * k)) if stroke else 0,
                )
            elif op[0] == "line":
                _, x1, y1, x2, y2, width, rgb = op
                d.line([x1 * k, y1 * k, x2 * k, y2 * k], fill=c(rgb), width=max(1, round(width * k)))
            else:
                _, x, y, s, font, size, rgb = op
                key = (font, round(size * k * 4))
                f = _RASTER.get(key)
                if f is None:
                    f = _RASTER[key] = ImageFont.truetype(FONTS[font], max(1, round(size * k)))
                d.text((x * k, y * k), s, font=f, fill=c(rgb), anchor="ls")
        out.append(im)
    return out
