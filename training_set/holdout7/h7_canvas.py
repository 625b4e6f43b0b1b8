# ruff: noqa: UP031  (TeX and PostScript sources read best with %-formatting)
"""A small drawing list (points, top-left origin) with two back-ends of its own:

* hand-written **PostScript** converted by Ghostscript's ``ps2pdf`` (TrueType fonts found on
  ``-sFONTPATH``, re-encoded with an own Latin-1 + Euro vector; ``ashow`` letter spacing and
  ``widthshow`` word spacing are used for unusual text-layer spacing);
* **matplotlib** (PDF back-end with Type 42 fonts for text PDFs, Agg for the scans' raster).

The layout code (``h7_layouts.py``) draws on a :class:`Canvas`; every text draw can carry a
mark name so that the generator knows where it put the order number and the identifiers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_FILES = {
    "hack": "/usr/share/fonts/truetype/hack/Hack-Regular.ttf",
    "hack-b": "/usr/share/fonts/truetype/hack/Hack-Bold.ttf",
    "oxy": "/usr/share/fonts/truetype/oxygen/Oxygen-Sans.ttf",
    "oxy-b": "/usr/share/fonts/truetype/oxygen/Oxygen-Sans-Bold.ttf",
    "go": "/usr/share/fonts/fonts-go/Go-Regular.ttf",
    "go-b": "/usr/share/fonts/fonts-go/Go-Bold.ttf",
    "go-i": "/usr/share/fonts/fonts-go/Go-Italic.ttf",
    "gomono": "/usr/share/fonts/fonts-go/Go-Mono.ttf",
    "quick": "/usr/share/fonts/truetype/quicksand/Quicksand-Regular.ttf",
    "quick-b": "/usr/share/fonts/truetype/quicksand/Quicksand-Bold.ttf",
    "mono": "/usr/share/fonts/truetype/mononoki/mononoki-Regular.ttf",
    "mono-b": "/usr/share/fonts/truetype/mononoki/mononoki-Bold.ttf",
    "humor": "/usr/share/fonts/truetype/humor-sans/Humor-Sans.ttf",
    "ruf": "/usr/share/fonts/truetype/rufscript/Rufscript010.ttf",
    "klee": "/usr/share/fonts/truetype/klee/KleeOne-Regular.ttf",
    "femke": "/usr/share/fonts/truetype/femkeklaver/femkeklaver.ttf",
}
FONT_DIRS = sorted({str(Path(p).parent) for p in FONT_FILES.values()})


@cache
def _font(key: str):
    f = TTFont(FONT_FILES[key])
    cmap = f.getBestCmap()
    hmtx = f["hmtx"]
    upm = f["head"].unitsPerEm
    return f["name"].getDebugName(6), cmap, hmtx, upm


def ps_name(key: str) -> str:
    return _font(key)[0]


def text_width(s: str, key: str, size: float, spacing: float = 0.0) -> float:
    _, cmap, hmtx, upm = _font(key)
    w = 0.0
    for ch in s:
        g = cmap.get(ord(ch)) or cmap.get(ord("?"))
        w += hmtx[g][0]
    return w * size / upm + spacing * len(s)


class Canvas:
    def __init__(self, w: float = 595.28, h: float = 841.89, pages: int = 1):
        self.w, self.h = w, h
        self.pages: list[list[tuple]] = [[] for _ in range(pages)]
        self.page = 0
        self.marks: dict[str, list[tuple]] = {}
        self.rotate_media = False  # landscape content on portrait media (PS only)

    def new_page(self) -> None:
        self.pages.append([])
        self.page = len(self.pages) - 1

    def text(self, x, y, s, font, size, color=(0, 0, 0), align="l", spacing=0.0,
             wordspace=0.0, mark=None, angle=0.0):
        s = str(s)
        w = text_width(s, font, size, spacing) + wordspace * s.count(" ")
        x0 = x - w if align == "r" else (x - w / 2 if align == "c" else x)
        self.pages[self.page].append(("text", x0, y, s, font, size, color, spacing, wordspace, angle))
        if mark:
            self.marks.setdefault(mark, []).append((self.page + 1, x0, y - 0.78 * size, x0 + w, size))
        return w

    def line(self, x0, y0, x1, y1, lw=0.6, color=(0, 0, 0), dash=None):
        self.pages[self.page].append(("line", x0, y0, x1, y1, lw, color, dash))

    def rect(self, x, y, w, h, lw=0.6, stroke=(0, 0, 0), fill=None):
        self.pages[self.page].append(("rect", x, y, w, h, lw, stroke, fill))

    def circle(self, x, y, r, lw=0.6, stroke=(0, 0, 0), fill=None):
        self.pages[self.page].append(("circle", x, y, r, lw, stroke, fill))


# --------------------------------------------------------------------------- PostScript

_EXTRA = {"€": ("Euro", 128), "œ": ("oe", 129), "Œ": ("OE", 130), "’": ("quoteright", 131),
          "–": ("endash", 132), "—": ("emdash", 133), "“": ("quotedblleft", 134),
          "”": ("quotedblright", 135), "…": ("ellipsis", 136), "•": ("bullet", 137),
          "«": ("guillemotleft", 171), "»": ("guillemotright", 187)}
# ISOLatin1Encoding has /minus at 45, /quoteright at 39, /quoteleft at 96: put the ASCII
# glyphs back so that the text layer reads '-' and "'".
_FIX = {45: "hyphen", 39: "quotesingle", 96: "grave"}


def _ps_str(s: str) -> str:
    out = []
    for ch in s:
        if ch in _EXTRA:
            code = _EXTRA[ch][1]
        else:
            code = ord(ch)
            if code > 255:
                code = ord("?")
        if ch in "()\\":
            out.append("\\" + ch)
        elif 32 <= code < 127:
            out.append(chr(code))
        else:
            out.append("\\%03o" % code)
    return "(" + "".join(out) + ")"


def _rgb(c) -> str:
    return "%.3f %.3f %.3f setrgbcolor" % tuple(v if v <= 1 else v / 255 for v in c)


def to_postscript(cv: Canvas) -> str:
    fonts = sorted({op[4] for pg in cv.pages for op in pg if op[0] == "text"})
    mw, mh = (cv.h, cv.w) if cv.rotate_media else (cv.w, cv.h)
    out = ["%!PS-Adobe-3.0", f"%%BoundingBox: 0 0 {int(mw)} {int(mh)}", f"%%Pages: {len(cv.pages)}",
           "%%EndComments",
           "/H7enc ISOLatin1Encoding 256 array copy def"]
    for code, name in _FIX.items():
        out.append(f"H7enc {code} /{name} put")
    for name, code in _EXTRA.values():
        out.append(f"H7enc {code} /{name} put")
    out.append("/reenc { findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall "
               "/Encoding H7enc def currentdict end definefont pop } def")
    for k in fonts:
        out.append(f"/F-{k} /{ps_name(k)} reenc")
    out.append(f"<< /PageSize [{mw:.2f} {mh:.2f}] >> setpagedevice")
    for n, pg in enumerate(cv.pages, 1):
        out.append(f"%%Page: {n} {n}")
        out.append("gsave")
        if cv.rotate_media:
            out.append(f"{mw:.2f} 0 translate 90 rotate")
        H = cv.h
        for op in pg:
            kind = op[0]
            if kind == "text":
                _, x, y, s, font, size, color, spacing, ws, angle = op
                out.append(f"/F-{font} findfont {size:.2f} scalefont setfont {_rgb(color)}")
                out.append(f"{x:.2f} {H - y:.2f} moveto")
                if angle:
                    out.append(f"gsave {angle:.2f} rotate")
                if spacing and ws:
                    out.append(f"{ws:.2f} 0 32 {spacing:.2f} 0 {_ps_str(s)} awidthshow")
                elif spacing:
                    out.append(f"{spacing:.2f} 0 {_ps_str(s)} ashow")
                elif ws:
                    out.append(f"{ws:.2f} 0 32 {_ps_str(s)} widthshow")
                else:
                    out.append(f"{_ps_str(s)} show")
                if angle:
                    out.append("grestore")
            elif kind == "line":
                _, x0, y0, x1, y1, lw, color, dash = op
                d = f"[{' '.join(map(str, dash))}] 0 setdash" if dash else "[] 0 setdash"
                out.append(f"{lw:.2f} setlinewidth {d} {_rgb(color)} newpath {x0:.2f} {H - y0:.2f} moveto "
                           f"{x1:.2f} {H - y1:.2f} lineto stroke")
            elif kind == "rect":
                _, x, y, w, h, lw, stroke, fill = op
                path = f"newpath {x:.2f} {H - y - h:.2f} {w:.2f} {h:.2f} rectpath"
                if fill:
                    out.append(f"{path} {_rgb(fill)} fill")
                if stroke:
                    out.append(f"[] 0 setdash {lw:.2f} setlinewidth {path} {_rgb(stroke)} stroke")
            elif kind == "circle":
                _, x, y, r, lw, stroke, fill = op
                path = f"newpath {x:.2f} {H - y:.2f} {r:.2f} 0 360 arc closepath"
                if fill:
                    out.append(f"{path} {_rgb(fill)} fill")
                if stroke:
                    out.append(f"{lw:.2f} setlinewidth {path} {_rgb(stroke)} stroke")
        out.append("grestore showpage")
    out.append("%%EOF")
    ps = "\n".join(out) + "\n"
    return ps.replace("rectpath", "4 2 roll moveto 1 index 0 rlineto 0 exch rlineto neg 0 rlineto closepath")


def ps_to_pdf(cv: Canvas, out_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "doc.ps").write_text(to_postscript(cv), encoding="latin-1")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1796601600")
        rot = "/PageByPage" if cv.rotate_media else "/None"
        # relative file names in a fixed-name working directory: the /ID does not depend on
        # the temporary folder
        subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite",
                        "-dCompatibilityLevel=1.5", f"-dAutoRotatePages={rot}",
                        "-sFONTPATH=" + ":".join(FONT_DIRS), "-o", "doc.pdf", "doc.ps"],
                       check=True, env=env, capture_output=True, cwd=tmp)
        shutil.copy(Path(tmp) / "doc.pdf", out_pdf)


# --------------------------------------------------------------------------- matplotlib


def _mpl_figure(cv: Canvas, page: int):
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager as fm
    from matplotlib.patches import Circle, Rectangle

    fig = plt.figure(figsize=(cv.w / 72, cv.h / 72))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, cv.w)
    ax.set_ylim(cv.h, 0)
    ax.axis("off")
    props = {}
    for op in cv.pages[page]:
        kind = op[0]
        if kind == "text":
            _, x, y, s, font, size, color, _spacing, _ws, angle = op
            fp = props.setdefault(font, fm.FontProperties(fname=FONT_FILES[font]))
            c = tuple(v if v <= 1 else v / 255 for v in color)
            ax.text(x, y, s, fontproperties=fp, fontsize=size, color=c, va="baseline", ha="left",
                    rotation=angle, rotation_mode="anchor", parse_math=False)
        elif kind == "line":
            _, x0, y0, x1, y1, lw, color, dash = op
            c = tuple(v if v <= 1 else v / 255 for v in color)
            ax.plot([x0, x1], [y0, y1], lw=lw, color=c, ls=(0, dash) if dash else "-",
                    solid_capstyle="butt")
        elif kind == "rect":
            _, x, y, w, h, lw, stroke, fill = op
            ax.add_patch(Rectangle((x, y), w, h, lw=lw if stroke else 0,
                                   edgecolor=tuple(v if v <= 1 else v / 255 for v in stroke) if stroke else "none",
                                   facecolor=tuple(v if v <= 1 else v / 255 for v in fill) if fill else "none"))
        elif kind == "circle":
            _, x, y, r, lw, stroke, fill = op
            ax.add_patch(Circle((x, y), r, lw=lw,
                                edgecolor=tuple(v if v <= 1 else v / 255 for v in stroke) if stroke else "none",
                                facecolor=tuple(v if v <= 1 else v / 255 for v in fill) if fill else "none"))
    return fig


def mpl_to_pdf(cv: Canvas, out_pdf: Path) -> None:
    import matplotlib

    matplotlib.rcParams["pdf.fonttype"] = 42
    matplotlib.rcParams["pdf.compression"] = 9
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    meta = {"Creator": None, "Producer": None, "CreationDate": None}
    with PdfPages(out_pdf, metadata=meta) as pdf:
        for i in range(len(cv.pages)):
            fig = _mpl_figure(cv, i)
            pdf.savefig(fig)
            plt.close(fig)


def mpl_raster(cv: Canvas, dpi: int) -> list:
    """Agg raster of every page as RGB numpy arrays."""
    import io

    import matplotlib.pyplot as plt
    import numpy as np
    from PIL import Image

    pages = []
    for i in range(len(cv.pages)):
        fig = _mpl_figure(cv, i)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        plt.close(fig)
        pages.append(np.array(Image.open(io.BytesIO(buf.getvalue())).convert("RGB")))
    return pages
