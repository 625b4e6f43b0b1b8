"""A reportlab canvas that remembers every line of text it prints.

Layouts draw with top-left coordinates (y grows downwards, like the document model's
BBox) and every string drawn is recorded with its page and baseline, so the ground
truth of a scan ("one printed line per text line, top to bottom") comes from the very
calls that drew it rather than from a second description that could drift.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

_TTF = {
    "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "LiberationSerif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold": "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "LiberationSansNarrow": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "LiberationSansNarrow-Bold": "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
}
_registered: set[str] = set()

# (regular, bold) pairs; the standard 14 need nothing, TrueType fonts are embedded
# (the documents need "é", "°", "–", "œ" which the standard fonts' WinAnsi covers except "œ").
FONT_PAIRS = [
    ("Helvetica", "Helvetica-Bold"),
    ("Times-Roman", "Times-Bold"),
    ("Courier", "Courier-Bold"),
    ("DejaVuSans", "DejaVuSans-Bold"),
    ("LiberationSerif", "LiberationSerif-Bold"),
    ("LiberationSansNarrow", "LiberationSansNarrow-Bold"),
]


def _ensure(font: str) -> None:
    if font in _TTF and font not in _registered:
        pdfmetrics.registerFont(TTFont(font, _TTF[font]))
        _registered.add(font)


@dataclass
class Pen:
    """Top-left-origin drawing on an A4 reportlab canvas with a record of printed text."""

    regular: str = "Helvetica"
    bold: str = "Helvetica-Bold"
    size: float = 9.5
    width: float = A4[0]
    height: float = A4[1]
    page: int = 0
    lines: list[tuple[int, float, float, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._buf = io.BytesIO()
        for f in (self.regular, self.bold, "Times-Italic"):
            _ensure(f)
        self.c = Canvas(
            self._buf, pagesize=(self.width, self.height), invariant=1, pageCompression=1
        )
        self.c.setAuthor("")
        self.c.setCreator("")
        self.c.setProducer("")

    @classmethod
    def pick(cls, rng: random.Random, *, size: float | None = None) -> Pen:
        regular, bold = rng.choice(FONT_PAIRS)
        return cls(
            regular=regular, bold=bold, size=size or rng.choice([7.5, 8.5, 9, 9, 9.5, 10, 10.5, 11])
        )

    # -- text ---------------------------------------------------------------
    def text(
        self,
        x: float,
        y: float,
        s: str,
        *,
        bold: bool = False,
        size: float | None = None,
        align: str = "left",
        font: str | None = None,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> float:
        """Draw ``s`` with its baseline at ``y`` points from the top; returns its width."""
        if not s:
            return 0.0
        f = font or (self.bold if bold else self.regular)
        _ensure(f)
        sz = size or self.size
        w = pdfmetrics.stringWidth(s, f, sz)
        x0 = x - w if align == "right" else x - w / 2 if align == "centre" else x
        self.c.setFillColorRGB(*color)
        self.c.setFont(f, sz)
        self.c.drawString(x0, self.height - y, s)
        self.c.setFillColorRGB(0, 0, 0)
        self.lines.append((self.page, y, x0, s))
        return w

    def width_of(self, s: str, *, bold: bool = False, size: float | None = None) -> float:
        return pdfmetrics.stringWidth(s, self.bold if bold else self.regular, size or self.size)

    def wrap(
        self,
        x: float,
        y: float,
        s: str,
        max_width: float,
        *,
        leading: float | None = None,
        size: float | None = None,
    ) -> float:
        """Word-wrap ``s`` into ``max_width``; returns the y below the last line."""
        lead = leading or (size or self.size) * 1.35
        line = ""
        for word in s.split():
            trial = f"{line} {word}".strip()
            if self.width_of(trial, size=size) > max_width and line:
                self.text(x, y, line, size=size)
                y += lead
                line = word
            else:
                line = trial
        if line:
            self.text(x, y, line, size=size)
            y += lead
        return y

    # -- graphics -----------------------------------------------------------
    def rect(
        self, x: float, y: float, w: float, h: float, *, fill: float | None = None, lw: float = 0.8
    ) -> None:
        """A rectangle whose top-left corner is (x, y); ``fill`` is a grey level 0..1."""
        self.c.setLineWidth(lw)
        if fill is not None:
            self.c.setFillGray(fill)
        self.c.rect(x, self.height - y - h, w, h, stroke=1, fill=1 if fill is not None else 0)
        self.c.setFillGray(0)

    def hline(self, x0: float, x1: float, y: float, lw: float = 0.6) -> None:
        self.c.setLineWidth(lw)
        self.c.line(x0, self.height - y, x1, self.height - y)

    def vline(self, x: float, y0: float, y1: float, lw: float = 0.6) -> None:
        self.c.setLineWidth(lw)
        self.c.line(x, self.height - y0, x, self.height - y1)

    def scribble(self, x: float, y: float, rng: random.Random, w: float = 120) -> None:
        """A handwritten-looking signature: a few blue Bézier loops."""
        c = self.c
        c.setStrokeColorRGB(0.1, 0.15, 0.55)
        c.setLineWidth(1.3)
        px, py = x, self.height - y
        for _ in range(rng.randint(3, 5)):
            dx = rng.uniform(w / 6, w / 3)
            c.bezier(
                px,
                py,
                px + rng.uniform(-10, 25),
                py + rng.uniform(10, 30),
                px + dx + rng.uniform(-20, 10),
                py - rng.uniform(5, 25),
                px + dx,
                py + rng.uniform(-6, 6),
            )
            px += dx
        c.setStrokeColorRGB(0, 0, 0)

    # -- pages --------------------------------------------------------------
    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1

    def finish(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self._buf.getvalue()

    def truth_pages(self) -> list[list[str]]:
        """Printed lines per page, top to bottom; strings on one baseline joined left to right."""
        pages: list[list[str]] = [[] for _ in range(self.page + 1)]
        rows: dict[tuple[int, int], list[tuple[float, str]]] = {}
        for page, y, x, s in self.lines:
            # baselines within 2 pt are one printed line (table cells, label + value)
            key = next((k for k in rows if k[0] == page and abs(k[1] - y) <= 2), (page, round(y)))
            rows.setdefault(key, []).append((x, s))
        for (page, _y), cells in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            pages[page].append(" ".join(s for _x, s in sorted(cells)))
        return pages
