"""A thin drawing surface over fpdf2, in PDF points with a top-left origin.

fpdf2 (not reportlab) on purpose: the holdout must not share a rendering stack with the
training corpus, so text runs, font embedding (TrueType subsets through fontTools) and
spacing differ from what the engine was tuned on. The creation date is pinned so that the
same seed gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

FIXED_DATE = dt.datetime(2024, 9, 2, 8, 30, tzinfo=dt.UTC)

_TTF = {
    "dejavu": "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
    "dejavuserif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif{}.ttf",
    "dejavucond": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed{}.ttf",
    "liberation": "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
    "libserif": "/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf",
    "libnarrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-{}.ttf",
}
_STYLE_SUFFIX = {
    "dejavu": ("", "-Bold"),
    "dejavuserif": ("", "-Bold"),
    "dejavucond": ("", "-Bold"),
    "liberation": ("Regular", "Bold"),
    "libserif": ("Regular", "Bold"),
    "libnarrow": ("Regular", "Bold"),
}
CORE = ("helvetica", "times", "courier")

# Core fonts speak Latin-1 only: what a 1990s ERP would print instead.
_LATIN1 = str.maketrans({"€": "EUR", "’": "'", "œ": "oe", "Œ": "OE", "…": "...", "–": "-"})


def available_fonts() -> list[str]:
    """Core fonts always; system TrueType fonts when they are installed."""
    ttf = [name for name, pat in _TTF.items() if Path(pat.format(_STYLE_SUFFIX[name][0])).exists()]
    return list(CORE) + ttf


@dataclass
class Sheet:
    """One document being drawn; ``size`` is ``"A4"`` or ``"Letter"``."""

    size: str = "A4"
    family: str = "helvetica"
    landscape: bool = False
    pdf: FPDF | None = None

    def __post_init__(self) -> None:
        pdf = FPDF(orientation="L" if self.landscape else "P", unit="pt", format=self.size)
        pdf.set_creation_date(FIXED_DATE)
        pdf.set_auto_page_break(False)
        pdf.set_margins(0, 0, 0)
        pdf.c_margin = 2
        if self.family not in CORE:
            regular, bold = _STYLE_SUFFIX[self.family]
            pdf.add_font(self.family, "", _TTF[self.family].format(regular))
            pdf.add_font(self.family, "B", _TTF[self.family].format(bold))
        self.pdf = pdf
        self._size = 10.0
        self._bold = False
        pdf.add_page()
        self.font()

    @property
    def p(self) -> FPDF:
        assert self.pdf is not None
        return self.pdf

    @property
    def width(self) -> float:
        return float(self.p.w)

    @property
    def height(self) -> float:
        return float(self.p.h)

    def new_page(self) -> None:
        self.p.add_page()
        self.font(self._size, self._bold)

    def font(self, size: float = 10, bold: bool = False, family: str | None = None) -> None:
        self._size, self._bold = size, bold
        self.p.set_font(family or self.family, "B" if bold else "", size)

    def safe(self, text: str) -> str:
        core = self.p.font_family in CORE
        return text.translate(_LATIN1) if core else text

    def put(
        self, x: float, y: float, text: str, w: float = 0, align: str = "L", h: float | None = None
    ) -> None:
        """Write ``text`` with its top-left at (x, y); ``w`` > 0 makes a cell for alignment."""
        height = h if h is not None else self._size * 1.25
        self.p.set_xy(x, y)
        text = self.safe(text)
        width = w if w > 0 else self.p.get_string_width(text) + 2 * self.p.c_margin + 1
        self.p.cell(width, height, text, align=align)

    def lines(self, x: float, y: float, rows: list[str], leading: float | None = None) -> float:
        """Stacked lines from (x, y); returns the y below the last one."""
        step = leading or self._size * 1.3
        for row in rows:
            self.put(x, y, row)
            y += step
        return y

    def rect(self, x: float, y: float, w: float, h: float, grey: int | None = None) -> None:
        if grey is None:
            self.p.rect(x, y, w, h)
        else:
            self.p.set_fill_color(grey)
            self.p.rect(x, y, w, h, style="DF")
            self.p.set_fill_color(255)

    def hline(self, x1: float, y: float, x2: float, width: float = 0.5) -> None:
        self.p.set_line_width(width)
        self.p.line(x1, y, x2, y)
        self.p.set_line_width(0.5)

    def grid(
        self,
        x: float,
        y: float,
        widths: list[float],
        rows: list[list[str]],
        row_h: float = 16,
        header_grey: int | None = 225,
        aligns: str | None = None,
        border: bool = True,
    ) -> float:
        """A ruled table; the first row is a header. Returns the y below it."""
        for r, row in enumerate(rows):
            cx = x
            for c, (width, text) in enumerate(zip(widths, row, strict=False)):
                if border:
                    self.rect(cx, y, width, row_h, grey=header_grey if r == 0 else None)
                self.font(self._size, bold=(r == 0))
                align = aligns[c] if aligns and r > 0 else "L"
                self.put(cx, y, text, w=width, align=align, h=row_h)
                cx += width
            y += row_h
        self.font(self._size, bold=False)
        return y

    def output(self) -> bytes:
        return bytes(self.p.output())
