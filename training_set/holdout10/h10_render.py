"""Holdout10 page model and its three back-ends.

A document is a list of pages; a page is a list of drawing elements in PostScript points,
origin top-left, text at its baseline:
  ("text", x, y, string, font, size, colour, anchor, rotation)
  ("rect", x, y, w, h, stroke or None, fill or None, line width)
  ("line", x1, y1, x2, y2, colour, width)
  ("poly", [(x, y), ...], colour, width)          (drawn strokes: signatures, ticks)

Back-ends: skia-python's PDF document and raster surface (``sk``), an own SVG writer rendered by
librsvg's ``rsvg-convert`` to PDF or PNG (``sv``), an own XSL-FO writer rendered by Apache FOP
to PDF or PNG (``fo``). Text is measured with skia on the same font files for every back-end.
Imports nothing from the repository.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import skia
from PIL import Image

A4 = (595.276, 841.89)

FONTS = {
    # key: (file, family, weight, style)
    "cs": (
        "/usr/share/fonts/truetype/clear-sans/ClearSans-Regular.ttf",
        "Clear Sans",
        "normal",
        "normal",
    ),
    "csb": (
        "/usr/share/fonts/truetype/clear-sans/ClearSans-Bold.ttf",
        "Clear Sans",
        "bold",
        "normal",
    ),
    "csi": (
        "/usr/share/fonts/truetype/clear-sans/ClearSans-Italic.ttf",
        "Clear Sans",
        "normal",
        "italic",
    ),
    "mono": (
        "/usr/share/fonts/truetype/inconsolata/Inconsolata.otf",
        "Inconsolata",
        "normal",
        "normal",
    ),
    "hand": ("/usr/share/fonts/truetype/sjfonts/SteveHand.ttf", "Steve", "normal", "normal"),
    "os": (
        "/usr/share/fonts/truetype/fonts-oldstandard/OldStandard-Regular.ttf",
        "Old Standard TT",
        "normal",
        "normal",
    ),
    "osb": (
        "/usr/share/fonts/truetype/fonts-oldstandard/OldStandard-Bold.ttf",
        "Old Standard TT",
        "bold",
        "normal",
    ),
    "osi": (
        "/usr/share/fonts/truetype/fonts-oldstandard/OldStandard-Italic.ttf",
        "Old Standard TT",
        "normal",
        "italic",
    ),
    "play": ("/usr/share/fonts/truetype/play/Play-Regular.ttf", "Play", "normal", "normal"),
    "playb": ("/usr/share/fonts/truetype/play/Play-Bold.ttf", "Play", "bold", "normal"),
    "cardo": ("/usr/share/fonts/truetype/cardo/Cardo104s.ttf", "Cardo", "normal", "normal"),
    "cardob": ("/usr/share/fonts/truetype/cardo/Cardob101.ttf", "Cardo", "bold", "normal"),
    "cardoi": ("/usr/share/fonts/truetype/cardo/Cardoi99.ttf", "Cardo", "normal", "italic"),
    "qc": (
        "/usr/share/fonts/opentype/quattrocento/Quattrocento-Regular.otf",
        "Quattrocento",
        "normal",
        "normal",
    ),
}

_TF: dict[str, skia.Typeface] = {}


def typeface(key: str) -> skia.Typeface:
    if key not in _TF:
        _TF[key] = skia.Typeface.MakeFromFile(FONTS[key][0])
    return _TF[key]


def skfont(key: str, size: float) -> skia.Font:
    f = skia.Font(typeface(key), size)
    f.setSubpixel(True)
    return f


def measure(s: str, key: str, size: float) -> float:
    return skfont(key, size).measureText(s)


class Doc:
    def __init__(self, size=A4):
        self.size = size
        self.pages: list[list[tuple]] = [[]]

    @property
    def cur(self):
        return self.pages[-1]

    def new_page(self):
        self.pages.append([])

    def text(self, x, y, s, font="cs", size=9.0, colour="#000000", anchor="start", rot=0.0):
        self.cur.append(("text", x, y, s, font, size, colour, anchor, rot))
        return measure(s, font, size)

    def rect(self, x, y, w, h, stroke="#000000", fill=None, width=0.6):
        self.cur.append(("rect", x, y, w, h, stroke, fill, width))

    def line(self, x1, y1, x2, y2, colour="#000000", width=0.6):
        self.cur.append(("line", x1, y1, x2, y2, colour, width))

    def poly(self, pts, colour="#1d2f8a", width=1.2):
        self.cur.append(("poly", list(pts), colour, width))

    def wrap(self, x, y, s, width, font="cs", size=9.0, lead=None, colour="#000000"):
        """Greedy word wrap; returns the y after the last line."""
        lead = lead or size * 1.35
        words, line = s.split(" "), ""
        for w in words:
            t = (line + " " + w).strip()
            if measure(t, font, size) > width and line:
                self.text(x, y, line, font, size, colour)
                y += lead
                line = w
            else:
                line = t
        if line:
            self.text(x, y, line, font, size, colour)
            y += lead
        return y


def _hex(c: str) -> int:
    c = c.lstrip("#")
    return skia.ColorSetARGB(255, int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16))


# ------------------------------------------------------------------ skia
def _sk_draw(canvas: skia.Canvas, page: list[tuple]) -> None:
    for el in page:
        kind = el[0]
        if kind == "text":
            _, x, y, s, font, size, colour, anchor, rot = el
            f = skfont(font, size)
            paint = skia.Paint(AntiAlias=True, Color=_hex(colour))
            w = f.measureText(s)
            dx = {"start": 0, "end": -w, "middle": -w / 2}[anchor]
            if rot:
                canvas.save()
                canvas.translate(x, y)
                canvas.rotate(rot)
                canvas.drawString(s, dx, 0, f, paint)
                canvas.restore()
            else:
                canvas.drawString(s, x + dx, y, f, paint)
        elif kind == "rect":
            _, x, y, w, h, stroke, fill, width = el
            if fill:
                canvas.drawRect(skia.Rect.MakeXYWH(x, y, w, h), skia.Paint(Color=_hex(fill)))
            if stroke:
                canvas.drawRect(
                    skia.Rect.MakeXYWH(x, y, w, h),
                    skia.Paint(
                        AntiAlias=True,
                        Color=_hex(stroke),
                        Style=skia.Paint.kStroke_Style,
                        StrokeWidth=width,
                    ),
                )
        elif kind == "line":
            _, x1, y1, x2, y2, colour, width = el
            canvas.drawLine(
                x1, y1, x2, y2, skia.Paint(AntiAlias=True, Color=_hex(colour), StrokeWidth=width)
            )
        elif kind == "poly":
            _, pts, colour, width = el
            path = skia.Path()
            path.moveTo(*pts[0])
            for p in pts[1:]:
                path.lineTo(*p)
            canvas.drawPath(
                path,
                skia.Paint(
                    AntiAlias=True,
                    Color=_hex(colour),
                    Style=skia.Paint.kStroke_Style,
                    StrokeWidth=width,
                    StrokeCap=skia.Paint.kRound_Cap,
                    StrokeJoin=skia.Paint.kRound_Join,
                ),
            )


def sk_pdf(doc: Doc, title: str = "") -> bytes:
    stream = skia.DynamicMemoryWStream()
    meta = skia.PDF.Metadata()
    meta.fTitle = title
    meta.fCreator = "CEF-docs"
    pdf = skia.PDF.MakeDocument(stream, meta)
    for page in doc.pages:
        canvas = pdf.beginPage(*doc.size)
        _sk_draw(canvas, page)
        pdf.endPage()
    pdf.close()
    return bytes(stream.detachAsData())


def sk_raster(doc: Doc, dpi: float) -> list[Image.Image]:
    out = []
    s = dpi / 72.0
    w, h = round(doc.size[0] * s), round(doc.size[1] * s)
    for page in doc.pages:
        surface = skia.Surface(w, h)
        with surface as canvas:
            canvas.clear(skia.ColorWHITE)
            canvas.scale(s, s)
            _sk_draw(canvas, page)
        arr = surface.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType)
        out.append(Image.fromarray(np.ascontiguousarray(arr[:, :, :3])))
    return out


# ------------------------------------------------------------------ SVG → librsvg
def _svg_page(doc: Doc, page: list[tuple]) -> str:
    W, H = doc.size
    o = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W:.3f}pt" height="{H:.3f}pt" viewBox="0 0 {W:.3f} {H:.3f}">',
        f'<rect x="0" y="0" width="{W:.3f}" height="{H:.3f}" fill="#ffffff"/>',
    ]
    for el in page:
        kind = el[0]
        if kind == "text":
            _, x, y, s, font, size, colour, anchor, rot = el
            assert not rot, "rotation: skia back-end only"
            _f, fam, weight, style = FONTS[font]
            o.append(
                f'<text xml:space="preserve" x="{x:.2f}" y="{y:.2f}" font-family="{fam}" font-size="{size:.2f}" '
                f'font-weight="{weight}" font-style="{style}" fill="{colour}" text-anchor="{anchor}">{escape(s)}</text>'
            )
        elif kind == "rect":
            _, x, y, w, h, stroke, fill, width = el
            o.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" fill="{fill or "none"}" '
                f'stroke="{stroke or "none"}" stroke-width="{width:.2f}"/>'
            )
        elif kind == "line":
            _, x1, y1, x2, y2, colour, width = el
            o.append(
                f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" stroke="{colour}" stroke-width="{width:.2f}"/>'
            )
        elif kind == "poly":
            _, pts, colour, width = el
            d = " ".join(f"{x:.2f},{y:.2f}" for x, y in pts)
            o.append(
                f'<polyline points="{d}" fill="none" stroke="{colour}" stroke-width="{width:.2f}" '
                'stroke-linecap="round" stroke-linejoin="round"/>'
            )
    o.append("</svg>")
    return "\n".join(o)


def _rsvg(args: list[str]) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1796601600")
    subprocess.run(["rsvg-convert", *args], check=True, env=env, stderr=subprocess.DEVNULL)


FIXED_PDF_DATE = b"D:20261207120000Z"


def _fix_dates(pdf: bytes) -> bytes:
    pdf = re.sub(rb"D:\d{14}Z", FIXED_PDF_DATE, pdf)
    pdf = re.sub(rb"D:\d{14}[+-]\d\d'\d\d'", b"D:20261207120000+00'00'", pdf)
    pdf = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-12-07T12:00:00Z", pdf)
    pdf = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", b"2026-12-07T12:00:00+00:00", pdf)
    return pdf


def sv_pdf(doc: Doc) -> bytes:
    with tempfile.TemporaryDirectory() as td:
        names = []
        for i, page in enumerate(doc.pages):
            p = Path(td) / f"p{i}.svg"
            p.write_text(_svg_page(doc, page), encoding="utf-8")
            names.append(str(p))
        out = Path(td) / "o.pdf"
        _rsvg(["-f", "pdf", "-o", str(out), *names])
        return _fix_dates(out.read_bytes())


def sv_raster(doc: Doc, dpi: float) -> list[Image.Image]:
    out = []
    with tempfile.TemporaryDirectory() as td:
        for i, page in enumerate(doc.pages):
            p = Path(td) / f"p{i}.svg"
            p.write_text(_svg_page(doc, page), encoding="utf-8")
            png = Path(td) / f"p{i}.png"
            _rsvg(
                ["-f", "png", "-d", str(dpi), "-p", str(dpi), "-b", "white", "-o", str(png), str(p)]
            )
            out.append(Image.open(png).convert("RGB"))
    return out


# ------------------------------------------------------------------ XSL-FO → Apache FOP
def _fop_conf() -> str:
    fonts = []
    seen = set()
    for _key, (path, fam, weight, style) in FONTS.items():
        if (fam, weight, style) in seen:
            continue
        seen.add((fam, weight, style))
        fonts.append(
            f'<font kerning="yes" embed-url="file://{path}"><font-triplet name="{fam}" style="{style}" weight="{weight}"/></font>'
        )
    f = "\n".join(fonts)
    return (
        '<fop version="1.0"><accessibility>false</accessibility><renderers>'
        f'<renderer mime="application/pdf"><fonts>{f}</fonts></renderer>'
        f'<renderer mime="image/png"><fonts>{f}</fonts></renderer>'
        "</renderers></fop>"
    )


def _fo_doc(doc: Doc) -> str:
    W, H = doc.size
    o = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:svg="http://www.w3.org/2000/svg">',
        "<fo:layout-master-set>",
        f'<fo:simple-page-master master-name="p" page-width="{W:.3f}pt" page-height="{H:.3f}pt"><fo:region-body/></fo:simple-page-master>',
        "</fo:layout-master-set>",
    ]
    for page in doc.pages:
        o.append('<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">')
        o.append("<fo:block/>")
        for el in page:
            kind = el[0]
            if kind == "text":
                _, x, y, s, font, size, colour, anchor, rot = el
                assert not rot, "rotation: skia back-end only"
                _f, fam, weight, style = FONTS[font]
                asc = typeface(font).getUnitsPerEm()
                f = skfont(font, size)
                m = f.getMetrics()
                top = y + m.fAscent  # fAscent is negative
                box = 560.0
                left = {"start": x, "end": x - box, "middle": x - box / 2}[anchor]
                align = {"start": "start", "end": "end", "middle": "center"}[anchor]
                del asc
                o.append(
                    f'<fo:block-container absolute-position="absolute" left="{left:.2f}pt" top="{top:.2f}pt" width="{box:.2f}pt">'
                    f'<fo:block font-family="{fam}" font-size="{size:.2f}pt" font-weight="{weight}" font-style="{style}" '
                    f'color="{colour}" text-align="{align}" line-height="{(m.fDescent - m.fAscent):.2f}pt" '
                    f'line-height-shift-adjustment="disregard-shifts" white-space-collapse="false" '
                    f'white-space-treatment="preserve" linefeed-treatment="preserve" wrap-option="no-wrap">{escape(s)}</fo:block></fo:block-container>'
                )
            elif kind == "rect":
                _, x, y, w, h, stroke, fill, width = el
                bg = f' background-color="{fill}"' if fill else ""
                bd = f' border="{width:.2f}pt solid {stroke}"' if stroke else ""
                o.append(
                    f'<fo:block-container absolute-position="absolute" left="{x:.2f}pt" top="{y:.2f}pt" '
                    f'width="{w:.2f}pt" height="{h:.2f}pt"{bg}{bd}><fo:block/></fo:block-container>'
                )
            elif kind in ("line", "poly"):
                if kind == "line":
                    _, x1, y1, x2, y2, colour, width = el
                    pts = [(x1, y1), (x2, y2)]
                else:
                    _, pts, colour, width = el
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                pad = width + 1
                x0, y0 = min(xs) - pad, min(ys) - pad
                w, h = max(xs) - x0 + pad, max(ys) - y0 + pad
                d = " ".join(f"{px - x0:.2f},{py - y0:.2f}" for px, py in pts)
                o.append(
                    f'<fo:block-container absolute-position="absolute" left="{x0:.2f}pt" top="{y0:.2f}pt" width="{w:.2f}pt" height="{h:.2f}pt">'
                    f'<fo:block line-height="0pt" font-size="0pt"><fo:instream-foreign-object content-width="{w:.2f}pt" content-height="{h:.2f}pt">'
                    f'<svg:svg width="{w:.2f}" height="{h:.2f}" viewBox="0 0 {w:.2f} {h:.2f}"><svg:polyline points="{d}" fill="none" '
                    f'stroke="{colour}" stroke-width="{width:.2f}" stroke-linecap="round" stroke-linejoin="round"/></svg:svg>'
                    "</fo:instream-foreign-object></fo:block></fo:block-container>"
                )
        o.append("</fo:flow></fo:page-sequence>")
    o.append("</fo:root>")
    return "\n".join(o)


def _fop(args: list[str], td: str) -> None:
    conf = Path(td) / "fop.xconf"
    conf.write_text(_fop_conf(), encoding="utf-8")
    subprocess.run(
        ["fop", "-q", "-c", str(conf), *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def fo_pdf(doc: Doc) -> bytes:
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / "d.fo"
        src.write_text(_fo_doc(doc), encoding="utf-8")
        out = Path(td) / "o.pdf"
        _fop(["-fo", str(src), "-pdf", str(out)], td)
        data = _fix_dates(out.read_bytes())
        # FOP's /ID pair: fixed bytes of the same length
        data = re.sub(
            rb"/ID \[<[0-9A-Fa-f]+> <[0-9A-Fa-f]+>\]",
            lambda m: re.sub(rb"[0-9A-Fa-f]", b"0", m.group(0).replace(b"/ID", b"/XX")).replace(
                b"/XX", b"/ID"
            ),
            data,
        )
        return data


def fo_raster(doc: Doc, dpi: float) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / "d.fo"
        src.write_text(_fo_doc(doc), encoding="utf-8")
        out = Path(td) / "o.png"
        _fop(["-dpi", str(int(dpi)), "-fo", str(src), "-png", str(out)], td)
        files = sorted(Path(td).glob("o*.png"), key=lambda p: (len(p.name), p.name))
        return [Image.open(io.BytesIO(p.read_bytes())).convert("RGB") for p in files]


BACKENDS = {
    "sk": (sk_pdf, sk_raster),
    "sv": (lambda d, title="": sv_pdf(d), sv_raster),
    "fo": (lambda d, title="": fo_pdf(d), fo_raster),
}
