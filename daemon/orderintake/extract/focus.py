"""The lines that announce an order number, read a second time as lines, enlarged.

The order number is the one word of a page that must come out exactly, and a page read
loses its details first: a faint dash ("BC696737-01." for BC-696737-01), a small letter
after a prefix, a dot of "P.O.". :mod:`.reread` re-reads the words Tesseract doubted one
by one, twice as large; a word alone has no context, and some come back no better
("BC 696737-01."). The whole line, cut out of the grey levelled page and enlarged 1.5×,
gives Tesseract the context of the label and the word's neighbours, and read the dash.

Only the lines that hold an order word ("commande", "order", "PO", "BC", …: the page
read's spelling, so a misread label is missed) and the line below each (the number under
its column header) are read, when they hold a number-like word the page read was not
sure of: at most :data:`MAX_LINES` a page, all in one Tesseract call on one strip. A
number of that reading replaces the page read's only when it is the same letters and
digits with a separator more (the page read drops separators, it does not invent them),
or when it is clearly more confident (:func:`.reread.better`); nothing else changes.
"""

from __future__ import annotations

import numpy as np
import regex

from ..model import BBox, Word
from .lines import group_lines
from .merge import keep_separators, overlaps
from .reread import Cut, ReadStrip, Reread, better, one_by_one, read_again

#: Words that announce an order number on a page read (French and English).
ANNOUNCE = regex.compile(
    r"(?i)(?:comm?and|\bcde\b|\border|\bpurchase|\bP\.?\s?O\b|\bB\.?D?C\b|engagement|\bEJ\b)"
)
#: A number-like word this confident is left alone.
SURE = 0.92
MAX_LINES = 4
SCALE = 1.5

_DIGIT = regex.compile(r"[0-9]")


def _numberish(word: Word) -> bool:
    return len(_DIGIT.findall(word.text)) >= 3


def focus_lines(runs: list[list[Word]]) -> list[BBox]:
    """Boxes of the lines to read again (see the module docstring)."""
    lines = group_lines([w for run in runs for w in run])
    picked: list[BBox] = []
    for i, line in enumerate(lines):
        if not ANNOUNCE.search(" ".join(w.text for w in line.words)):
            continue
        for cand in lines[i : i + 2]:
            if any(_numberish(w) and w.confidence < SURE for w in cand.words):
                box = cand.bbox
                if box not in picked:
                    picked.append(box)
    return picked[:MAX_LINES]


def reread_focus(
    grey: np.ndarray, runs: list[list[Word]], dpi: int, read_strip: ReadStrip
) -> list[list[Word]]:
    """``runs`` with the numbers of the announcing lines re-read (module docstring)."""
    plan = plan_focus(runs, grey.shape, dpi)
    return read_again(grey, runs, dpi, one_by_one(read_strip), [plan])


def plan_focus(runs: list[list[Word]], shape: tuple[int, ...], dpi: int) -> Reread | None:
    """The cuts of :func:`reread_focus` and how their readings are taken back. The lines
    are picked on ``runs``; the readings may be taken into runs the word re-read has
    changed since (:func:`.reread.read_again` reads both in one call): only words still
    unsure then are replaced."""
    boxes = focus_lines(runs)
    if not boxes:
        return None
    px = dpi / 72.0
    h_img, w_img = shape[:2]
    cuts: list[Cut] = []
    for b in boxes:
        height = max(1.0, b.height * px)
        x0 = max(0, int(b.x0 * px - 0.5 * height))
        x1 = min(w_img, int(b.x1 * px + 0.5 * height))
        y0 = max(0, int(b.y0 * px - 0.3 * height))
        y1 = min(h_img, int(b.y1 * px + 0.3 * height))
        cuts.append(Cut(x0, y0, x1, y1, SCALE, int(height * SCALE * 0.6)))
    return Reread(cuts, _take)


def _take(runs: list[list[Word]], bands: list[list[Word]]) -> list[list[Word]]:
    again = [band for band in bands if band]
    if not again:
        return runs
    runs = keep_separators(runs, again)
    fresh = [w for run in again for w in run if _numberish(w)]
    result: list[list[Word]] = []
    for run in runs:
        new_run = []
        for word in run:
            if _numberish(word) and word.confidence < SURE:
                over = [w for w in fresh if overlaps(_box(word), _box(w))]
                if len(over) == 1 and better(word, over):
                    word = over[0]
            new_run.append(word)
        result.append(new_run)
    return result


def _box(word: Word) -> tuple[float, float, float, float]:
    b = word.bbox
    return (b.x0, b.y0, b.x1, b.y1)
