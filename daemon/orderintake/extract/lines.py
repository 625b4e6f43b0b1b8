"""Words with boxes → visual lines in reading order. Pure functions, no library.

Both readers (PDF text layer and OCR) hand their words here, so a rule sees the same
lines whatever the source. A *line* is a visual row: words whose vertical extents overlap
by most of the smaller word's height, read left to right. Consequences, on purpose:

* a table row (cells on one baseline) stays one line with its cells in order, so a rule
  can read "N° commande ... 4500012345" on one line;
* a two-column header block whose columns share baselines gives lines "left … right"
  (all left-column words before any right-column word); when the columns have different
  line pitches their lines stay separate and are ordered top to bottom, never mixed
  word by word, because a word only joins a row whose *typical* band it overlaps (a row's
  band does not grow as words are added, so a tall word cannot chain two rows together);
* a word that would overlap horizontally a word already in the row starts another row
  (text printed over text, e.g. a stamp, is not merged into the line below it).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import BBox, Line, Word

#: Fraction of the smaller height two boxes must share vertically to be on one row.
MIN_VERTICAL_OVERLAP = 0.5


@dataclass
class _Row:
    top: float
    bottom: float
    items: list[tuple[BBox, tuple[Word, ...]]] = field(default_factory=list)

    def accepts(self, box: BBox) -> bool:
        overlap = min(self.bottom, box.y1) - max(self.top, box.y0)
        smaller = min(self.bottom - self.top, box.height)
        if smaller <= 0:
            return abs(box.cy - (self.top + self.bottom) / 2) < 0.5
        if overlap < MIN_VERTICAL_OVERLAP * smaller:
            return False
        # Horizontal collision with something already here: another row (overprint).
        for other, _ in self.items:
            hx = min(other.x1, box.x1) - max(other.x0, box.x0)
            if hx > 0.5 * min(other.width, box.width):
                return False
        return True


def _rows(items: list[tuple[BBox, tuple[Word, ...]]]) -> tuple[Line, ...]:
    """Rows of items (a word, or a run of words already known to be one line)."""
    items.sort(key=lambda it: (it[0].cy, it[0].x0))
    rows: list[_Row] = []
    for box, words in items:
        target: _Row | None = None
        # Only recent rows can still overlap an item further down the page.
        for row in reversed(rows[-8:]):
            if row.accepts(box):
                target = row
                break
        if target is None:
            rows.append(_Row(box.y0, box.y1, [(box, words)]))
            continue
        target.items.append((box, words))
        if len(target.items) in (3, 5, 9, 17):
            tops = sorted(b.y0 for b, _ in target.items)
            bottoms = sorted(b.y1 for b, _ in target.items)
            target.top = tops[len(tops) // 2]
            target.bottom = bottoms[len(bottoms) // 2]
    out: list[tuple[float, float, Line]] = []
    for row in rows:
        row.items.sort(key=lambda it: (it[0].x0, it[0].y0))
        words = tuple(w for _, ws in row.items for w in ws)
        out.append((round((row.top + row.bottom) / 2, 1), row.items[0][0].x0, Line(words)))
    out.sort(key=lambda t: (t[0], t[1]))
    return tuple(line for _, _, line in out)


def group_lines(words: Iterable[Word]) -> tuple[Line, ...]:
    """Group words into visual lines, ordered top to bottom, words left to right.

    A row's reference band is its first word's band, later the median of its members'
    bands, so rows never chain into each other.
    """
    return _rows([(w.bbox, (w,)) for w in words])


#: Gap (× character height) that ends a word where the PDF writes its own spaces: only a
#: wide gap then is a word end the producer did not mark (table cells placed apart);
#: letter-spaced titles (PostScript ``ashow``, 0.13) stay words.
GAP_WITH_SPACES = 0.22
#: ... and where it writes none (XeLaTeX places every word): its interword glue shrinks
#: to about 0.2 em on a justified line (holdout7: 0.219 on Caladea), letters touch.
GAP_WITHOUT_SPACES = 0.12
#: A page whose characters are less than this share of spaces writes none of its own.
SPACE_SHARE = 0.02


def _spaceless_lines(
    chars: list[tuple[str, float, float, float, float]],
) -> dict[int, float]:
    """The word-gap ratio of each line without a single space, on a page that writes its
    spaces elsewhere: a producer may place some runs word by word (Inkscape's headers and
    footers, holdout12: "BONDECOMMANDE/PURCHASEORDERN°26PO01877" at the spaces' ratio,
    whose gaps were 0.20 × the box height). Such a line's words end at a gap twice its
    usual gap between letters, at least :data:`GAP_WITHOUT_SPACES` and at most
    :data:`GAP_WITH_SPACES`: a letter-spaced title (every gap 0.13) stays one word."""
    lines: dict[int, list[tuple[str, float, float, float, float]]] = {}
    for ch in chars:
        lines.setdefault(round(ch[4]), []).append(ch)
    out: dict[int, float] = {}
    for key, run in lines.items():
        if len(run) < 2 or any(ch[0].isspace() for ch in run):
            continue
        gaps = sorted((b[1] - a[3]) / max(b[4] - b[2], 1.0) for a, b in itertools.pairwise(run))
        usual = max(gaps[len(gaps) // 2], 0.0)
        out[key] = min(GAP_WITH_SPACES, max(GAP_WITHOUT_SPACES, 2 * usual))
    return out


def split_words(
    chars: Iterable[tuple[str, float, float, float, float]],
    gap_ratio: float | None = None,
) -> list[tuple[str, float, float, float, float]]:
    """Characters (text, x0, y0, x1, y1; top-left origin) in stream order → words.

    A word ends at a space, at a horizontal gap wider than ``gap_ratio`` × the character
    height, or where the next character is not on the same baseline. A character drawn
    twice at the same place (fake bold) is kept once. Without ``gap_ratio``, the gap is
    chosen by whether the characters include spaces (:data:`GAP_WITH_SPACES`).
    """
    chars = list(chars)
    ratios: dict[int, float] = {}
    if gap_ratio is None:
        spaces = sum(1 for ch in chars if ch[0].isspace())
        writes_spaces = spaces >= SPACE_SHARE * max(1, len(chars))
        gap_ratio = GAP_WITH_SPACES if writes_spaces else GAP_WITHOUT_SPACES
        if writes_spaces:
            ratios = _spaceless_lines(chars)
    out: list[tuple[str, float, float, float, float]] = []
    cur: list[str] = []
    bx0 = by0 = bx1 = by1 = 0.0
    prev: tuple[str, float, float, float, float] | None = None

    def flush() -> None:
        if cur:
            out.append(("".join(cur), bx0, by0, bx1, by1))
            cur.clear()

    for ch in chars:
        text, x0, y0, x1, y1 = ch
        if not text or text.isspace():
            flush()
            prev = None
            continue
        if prev is not None:
            if text == prev[0] and abs(x0 - prev[1]) < 1.0 and abs(y0 - prev[2]) < 1.0:
                continue  # fake bold: the same glyph struck twice
            h = max(y1 - y0, prev[4] - prev[2], 1.0)
            same_line = abs((y0 + y1) / 2 - (prev[2] + prev[4]) / 2) < 0.5 * h
            gap = x0 - prev[3]
            ratio = ratios.get(round(y1), gap_ratio)
            if not same_line or gap > ratio * h or gap < -0.5 * h:
                flush()
        if not cur:
            bx0, by0, bx1, by1 = x0, y0, x1, y1
        else:
            bx0, by0 = min(bx0, x0), min(by0, y0)
            bx1, by1 = max(bx1, x1), max(by1, y1)
        cur.append(text)
        prev = ch
    flush()
    return out
