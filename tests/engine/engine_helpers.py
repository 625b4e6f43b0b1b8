"""Helpers of the engine tests (a uniquely named module: other areas have a conftest too): documents laid out by hand, word by word.

A test writes a page as rows of ``(x, "text")`` cells; each cell's words get boxes of a
fixed character width on the row's baseline, like a PDF text layer would give.
"""

from __future__ import annotations

from pathlib import Path

from orderintake.model import BBox, Document, Line, Page, PageSource, Word

REPO = Path(__file__).resolve().parents[2]
RULES_DIR = REPO / "rules"
CHAR_W = 6.0
LINE_H = 14.0


def make_line(cells: list[tuple[float, str]], y: float) -> Line:
    words: list[Word] = []
    for x, text in cells:
        for token in text.split():
            words.append(Word(token, BBox(x, y, x + CHAR_W * len(token), y + 10)))
            x += CHAR_W * (len(token) + 1)
    return Line(tuple(words))


def make_page(
    rows: list[list[tuple[float, str]] | str], number: int = 1, source: PageSource = "pdf-text"
) -> Page:
    """A page from rows: a row is a list of (x, text) cells, or a plain string at x=50."""
    lines = []
    for i, row in enumerate(rows):
        cells = [(50.0, row)] if isinstance(row, str) else row
        if any(t.strip() for _, t in cells):
            lines.append(make_line(cells, 40.0 + i * LINE_H))
    return Page(number=number, width=595, height=842, source=source, lines=tuple(lines))


def make_doc(*pages: Page, name: str = "test.pdf") -> Document:
    return Document(name=name, pages=tuple(pages))
