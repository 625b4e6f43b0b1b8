"""Holdout12 page model and its back-ends.

A page is a list of drawing operations in points, origin top-left (y down):
``("t", x, y_baseline, text, font, size, colour)``, ``("l", x1, y1, x2, y2, width, colour)``,
``("r", x, y, w, h, stroke_width, stroke_colour, fill_colour)``, ``("p", points, width, colour)``.
Back-ends: an own SVG writer fed to **Inkscape 1.2** (PDF export through its cairo back-end,
PNG export through Inkscape's own renderer for the scans), and **borb 3.0.9** (Chunk / Shape
painted at absolute boxes). Text widths come from the font files' ``hmtx`` via fontTools.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from fontTools.ttLib import TTFont

A4 = (595.28, 841.89)
A5 = (419.53, 595.28)

FONTS = {
    # key: (SVG family, weight, style, file)
    "karla": ("Karla", 400, "normal", "/usr/share/fonts/truetype/karla/Karla-Regular.otf"),
    "karla-b": ("Karla", 700, "normal", "/usr/share/fonts/truetype/karla/Karla-Bold.otf"),
    "dosis": ("Dosis", 400, "normal", "/usr/share/fonts/opentype/dosis/Dosis-Book.otf"),
    "dosis-b": ("Dosis", 700, "normal", "/usr/share/fonts/opentype/dosis/Dosis-Bold.otf"),
    "monoid": ("Monoid", 400, "normal", "/usr/share/fonts/truetype/monoid/Monoid-Regular.ttf"),
    "monoid-b": ("Monoid", 700, "normal", "/usr/share/fonts/truetype/monoid/Monoid-Bold.ttf"),
    "hand": ("Lobster Two", 700, "italic", "/usr/share/fonts/opentype/lobster/lobster.otf"),
    "avsans": (
        "Averia Sans GWF",
        400,
        "normal",
        "/usr/share/fonts/truetype/averia-gwf/AveriaSansGWF-Regular.ttf",
    ),
    "avsans-b": (
        "Averia Sans GWF",
        700,
        "normal",
        "/usr/share/fonts/truetype/averia-gwf/AveriaSansGWF-Bold.ttf",
    ),
    "avserif": (
        "Averia Serif GWF",
        400,
        "normal",
        "/usr/share/fonts/truetype/averia-gwf/AveriaSerifGWF-Regular.ttf",
    ),
    "avserif-b": (
        "Averia Serif GWF",
        700,
        "normal",
        "/usr/share/fonts/truetype/averia-gwf/AveriaSerifGWF-Bold.ttf",
    ),
}


@cache
def _metrics(font: str) -> tuple[dict[int, str], dict[str, int], int]:
    tt = TTFont(FONTS[font][3])
    return tt.getBestCmap(), {k: v[0] for k, v in tt["hmtx"].metrics.items()}, tt["head"].unitsPerEm


def width(text: str, font: str, size: float) -> float:
    cmap, adv, upm = _metrics(font)
    return sum(adv.get(cmap.get(ord(c), ".notdef"), upm // 2) for c in text) * size / upm


class Page:
    def __init__(self, size: tuple[float, float] = A4) -> None:
        self.w, self.h = size
        self.ops: list[tuple] = []

    def text(self, x, y, s, font, size, colour="#000000", anchor="start") -> float:
        if not s.strip():
            return x
        cmap = _metrics(font)[0]
        missing = {c for c in s if c != " " and ord(c) not in cmap}
        assert not missing, (font, s, missing)
        if anchor == "end":
            x -= width(s, font, size)
        elif anchor == "middle":
            x -= width(s, font, size) / 2
        self.ops.append(("t", x, y, s, font, size, colour))
        return x + width(s, font, size)

    def line(self, x1, y1, x2, y2, w=0.6, colour="#000000") -> None:
        self.ops.append(("l", x1, y1, x2, y2, w, colour))

    def rect(self, x, y, w, h, sw=0.6, stroke="#000000", fill=None) -> None:
        self.ops.append(("r", x, y, w, h, sw, stroke, fill))

    def poly(self, pts, w=1.0, colour="#000000") -> None:
        self.ops.append(("p", list(pts), w, colour))

    def texts(self) -> list[str]:
        return [op[3] for op in self.ops if op[0] == "t"]


# --------------------------------------------------------------------------- SVG / Inkscape


def to_svg(page: Page) -> str:
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
        f'width="{page.w:.2f}pt" height="{page.h:.2f}pt" viewBox="0 0 {page.w:.2f} {page.h:.2f}">',
        f'<rect x="0" y="0" width="{page.w:.2f}" height="{page.h:.2f}" fill="#ffffff"/>',
    ]
    for op in page.ops:
        if op[0] == "t":
            _, x, y, s, font, size, col = op
            fam, wgt, sty, _ = FONTS[font]
            out.append(
                f'<text x="{x:.2f}" y="{y:.2f}" font-family="{fam}" font-weight="{wgt}" '
                f'font-style="{sty}" font-size="{size:.2f}" fill="{col}" '
                f'xml:space="preserve">{escape(s)}</text>'
            )
        elif op[0] == "l":
            _, x1, y1, x2, y2, w, col = op
            out.append(
                f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" '
                f'stroke="{col}" stroke-width="{w:.2f}"/>'
            )
        elif op[0] == "r":
            _, x, y, w, h, sw, st, fill = op
            out.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" '
                f'fill="{fill or "none"}" stroke="{st or "none"}" stroke-width="{sw:.2f}"/>'
            )
        elif op[0] == "p":
            _, pts, w, col = op
            d = " ".join(f"{x:.2f},{y:.2f}" for x, y in pts)
            out.append(
                f'<polyline points="{d}" fill="none" stroke="{col}" stroke-width="{w:.2f}" '
                'stroke-linecap="round" stroke-linejoin="round"/>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def inkscape_batch(jobs: list[tuple[Path, Path, int | None]]) -> None:
    """Run Inkscape once for many (svg, out, dpi) jobs; dpi None means PDF export."""
    acts = []
    for svg, out, dpi in jobs:
        acts.append(f"file-open:{svg}")
        acts.append(f"export-filename:{out}")
        if dpi:
            acts += [
                f"export-dpi:{dpi}",
                "export-background:#ffffff",
                "export-background-opacity:1",
            ]
        acts += ["export-do", "file-close"]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1796688000")
    for i in range(0, len(acts), 300):
        subprocess.run(
            ["inkscape", "--actions=" + ";".join(acts[i : i + 300])],
            check=True,
            capture_output=True,
            env=env,
        )
    for _, out, _ in jobs:
        assert out.is_file(), out


# --------------------------------------------------------------------------- borb

_FIXED_DATE = b"D:20261208000000Z00"


def _hex(col: str):
    from borb.pdf import HexColor

    return HexColor(col.lstrip("#"))


@cache
def _borb_font(font: str):
    from borb.pdf import TrueTypeFont

    return TrueTypeFont.from_file(FONTS[font][3])


def borb_pdf(pages: list[Page], out: Path) -> None:
    from borb.pdf import PDF, Chunk, Document, Shape
    from borb.pdf import Page as BPage

    doc = Document()
    for page in pages:
        bp = BPage(width_in_points=round(page.w), height_in_points=round(page.h))
        doc.append_page(bp)
        H = page.h
        for op in page.ops:
            if op[0] == "t":
                _, x, y, s, font, size, col = op
                w = width(s, font, size) + 30
                Chunk(s, font=_borb_font(font), font_size=size, font_color=_hex(col)).paint(
                    (x, H - y - 0.225 * size, w, 1.25 * size), bp
                )
            else:
                if op[0] == "l":
                    _, x1, y1, x2, y2, lw, col = op
                    pts, fill = [(x1, H - y1), (x2, H - y2)], None
                elif op[0] == "r":
                    _, x, y, w, h, lw, col, fill = op
                    pts = [
                        (x, H - y),
                        (x + w, H - y),
                        (x + w, H - y - h),
                        (x, H - y - h),
                        (x, H - y),
                    ]
                else:
                    _, pp, lw, col = op
                    pts, fill = [(px, H - py) for px, py in pp], None
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                kw = {"line_width": lw}
                kw["stroke_color"] = _hex(col) if col else None
                if fill:
                    kw["fill_color"] = _hex(fill)
                Shape(pts, **kw).paint(
                    (min(xs), min(ys), max(xs) - min(xs) + 0.01, max(ys) - min(ys) + 0.01), bp
                )
    PDF.write(what=doc, where_to=str(out))
    data = out.read_bytes()
    data = re.sub(rb"D:\d{14}Z00", _FIXED_DATE, data)
    # borb draws a random /ID pair: replace it by a digest of the file (same length)
    digest = (
        hashlib.md5(re.sub(rb"/ID \[<[0-9A-F]+> <[0-9A-F]+>\]", b"", data))
        .hexdigest()
        .upper()
        .encode()
    )
    data = re.sub(
        rb"/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]",
        b"/ID [<" + digest + b"> <" + digest + b">]",
        data,
    )
    out.write_bytes(data)
