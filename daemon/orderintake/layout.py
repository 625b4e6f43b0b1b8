"""Geometric queries over a page's lines: where is the value of this label?

An order number is recognised by where it sits relative to a keyword, not by its shape
(seed notes 004: "il faut connaître la position relative"). The readers give us lines of
words with boxes in page points (top-left origin); these pure functions answer the
questions the engine asks:

- *cells*: a line split where the gap between two words is wide (a table row, or a
  "label ........ value" header laid out in columns);
- *right of*: what follows a label on the same line;
- *below*: the lines under a label whose words share its column (a table header with its
  value on the next row), within a number of lines.

Offsets are character offsets in ``Line.text`` (words joined by one space), so a regex
match on the text maps back to words and boxes with :func:`span_bbox`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .model import BBox, Line, Page, Word

#: A gap wider than this many line heights separates two cells.
CELL_GAP_FACTOR = 1.2


@dataclass(frozen=True, slots=True)
class Cell:
    """A run of words on one line with no wide gap inside: ``start``/``end`` are offsets
    into the line's text."""

    words: tuple[Word, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        return box_of(self.words)


def box_of(words: Sequence[Word]) -> BBox:
    """The box enclosing some words, in one pass (``Line.bbox`` builds one box per word,
    too slow for the engine's 10 ms/page budget)."""
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for w in words:
        b = w.bbox
        x0 = min(x0, b.x0)
        y0 = min(y0, b.y0)
        x1 = max(x1, b.x1)
        y1 = max(y1, b.y1)
    return BBox(x0, y0, x1, y1)


def line_box(line: Line) -> BBox:
    return box_of(line.words)


def word_offsets(line: Line) -> list[tuple[int, int]]:
    """(start, end) of each word in ``line.text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for w in line.words:
        out.append((pos, pos + len(w.text)))
        pos += len(w.text) + 1
    return out


def words_in_span(line: Line, start: int, end: int) -> list[Word]:
    """The words of ``line`` that overlap the character span [start, end)."""
    return [
        w
        for w, (ws, we) in zip(line.words, word_offsets(line), strict=True)
        if ws < end and we > start
    ]


def span_bbox(line: Line, start: int, end: int) -> BBox:
    """The box of the characters [start, end) of ``line.text``, interpolated inside words
    (a word's characters are taken as evenly wide: good enough to point at a value)."""
    boxes: list[BBox] = []
    for w, (ws, we) in zip(line.words, word_offsets(line), strict=True):
        if ws >= end or we <= start:
            continue
        n = max(len(w.text), 1)
        a = (max(start, ws) - ws) / n
        b = (min(end, we) - ws) / n
        x0 = w.bbox.x0 + a * w.bbox.width
        x1 = w.bbox.x0 + b * w.bbox.width
        boxes.append(BBox(x0, w.bbox.y0, max(x0, x1), w.bbox.y1))
    if not boxes:
        return line_box(line)
    return BBox(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )


def line_height(line: Line) -> float:
    """The median word height of a line (robust to one tall glyph)."""
    heights = sorted(w.bbox.height for w in line.words)
    return max(heights[len(heights) // 2], 1.0)


#: Cells of recently seen lines, keyed by identity (the line is kept alive in the value,
#: so an id cannot be reused while cached). The engine asks for a line's cells many times.
_CELLS: dict[tuple[int, float], tuple[Line, list[Cell]]] = {}


def cells(line: Line, gap_factor: float = CELL_GAP_FACTOR) -> list[Cell]:
    """Split a line where two words are further apart than ``gap_factor`` line heights."""
    key = (id(line), gap_factor)
    hit = _CELLS.get(key)
    if hit is not None and hit[0] is line:
        return hit[1]
    if len(_CELLS) > 4096:
        _CELLS.clear()
    out = _cells(line, gap_factor)
    _CELLS[key] = (line, out)
    return out


def _cells(line: Line, gap_factor: float) -> list[Cell]:
    limit = gap_factor * line_height(line)
    out: list[Cell] = []
    offsets = word_offsets(line)
    first = 0
    for i in range(1, len(line.words) + 1):
        if i == len(line.words) or line.words[i].bbox.x0 - line.words[i - 1].bbox.x1 > limit:
            out.append(Cell(line.words[first:i], offsets[first][0], offsets[i - 1][1]))
            first = i
    return out


def cell_at(line: Line, offset: int, gap_factor: float = CELL_GAP_FACTOR) -> Cell:
    """The cell holding the character at ``offset`` (the last cell when past the end)."""
    all_cells = cells(line, gap_factor)
    for c in all_cells:
        if offset < c.end:
            return c
    return all_cells[-1]


def right_of(line: Line, offset: int, gap_factor: float = CELL_GAP_FACTOR) -> list[Cell]:
    """The remainder of the label's cell after ``offset`` and every later cell of the line."""
    out: list[Cell] = []
    offsets = word_offsets(line)
    for c in cells(line, gap_factor):
        if c.end <= offset:
            continue
        if c.start >= offset:
            out.append(c)
            continue
        idx = [i for i, (ws, we) in enumerate(offsets) if ws >= offset and c.start <= ws < c.end]
        if idx:
            out.append(Cell(tuple(line.words[i] for i in idx), offsets[idx[0]][0], c.end))
    return out


def overlaps_column(a: BBox, b: BBox, slack: float = 0.0) -> bool:
    """Do two boxes share some horizontal extent (``slack`` points of tolerance)?"""
    return a.x0 - slack < b.x1 and b.x0 - slack < a.x1


def below(
    page: Page,
    line_index: int,
    column: BBox,
    max_lines: int,
    *,
    slack: float = 0.0,
) -> Iterator[tuple[int, Line, Cell]]:
    """Cells of the next ``max_lines`` lines (in reading order) that share ``column``'s
    horizontal extent, with their line's index and distance in lines."""
    lines = page.lines
    for idx in range(line_index + 1, min(len(lines), line_index + 1 + max_lines)):
        line = lines[idx]
        if line_box(line).y1 < column.y0:  # a line above (another column's reading order)
            continue
        for c in cells(line):
            if overlaps_column(column, c.bbox, slack):
                yield idx, line, c


def next_lines(page: Page, line_index: int, n: int) -> Sequence[Line]:
    """The ``n`` lines that follow ``line_index`` on the page."""
    return page.lines[line_index + 1 : line_index + 1 + n]


def lines_with_index(page: Page) -> Iterator[tuple[int, Line]]:
    return enumerate(page.lines)
