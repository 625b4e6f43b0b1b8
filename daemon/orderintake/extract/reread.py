"""Number-like words Tesseract was unsure of, read once more on their own, twice as large.

On a page read as a whole, Tesseract sometimes gives a number's characters a shape of
the wrong class ("PO26%0097" for PO2680097, "€.26,7928" for C.26.7928, "C0832H913" for
CO8328913) and says so: those words carry a low confidence. Order numbers and company
identifiers are exactly such words, and no rule can put a "%" back to an "8". Cut out of
the grey, levelled page (before the page-wide binarisation), enlarged 2× and thresholded
on their own, and read again in one Tesseract call for the whole page (the crops stacked
on one strip, as :func:`.ocr._recover` does for skipped rows), they mostly come back
right, with a high confidence; the better reading is kept. Only suspicious words are
re-read: with three digits or more, and either letters or separators among the digits
under ``SUSPECT_BELOW`` confidence, or an odd mark or hardly any confidence at all under
``REREAD_BELOW``; a clean page pays nothing.

A number can also be cut up by the page read without Tesseract doubting any piece: on
a two-column header whose rows do not share baselines, its single block (psm 6) takes a
row of the right column into a row of the left, and "BC001060" comes out as "B" and "1"
on the address line and "CO01060" on a line of its own, each piece confident. The
pieces betray themselves by their boxes: words of *different* Tesseract lines that touch
on one visual row, or words that overlap. Such a *tangle* with digits in it is read
again as one crop, the same way, and its re-reading replaces the pieces when it is
confident and about as long (:func:`tangles`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
import regex

from ..model import BBox, Word
from .merge import JOIN

#: Words read with less confidence than this may be read again.
REREAD_BELOW = 0.6
#: ... and number-like words with separators or letters among their digits, below this:
#: "2026-57-2696" (0.49) for 2026-ST-2696, "BC696737-01." (0.63) for BC-696737-01 came
#: back right at twice the size (holdout8, after its first run).
SUSPECT_BELOW = 0.7
#: At most this many words a page (the least confident first).
MAX_WORDS = 12
SCALE = 2.0
#: A re-reading replaces the word when at least this much more confident.
GAIN = 0.15

_DIGIT = regex.compile(r"[0-9]")
_ODD = regex.compile(r"[^0-9A-Za-z\-/._]")
_MIXED = regex.compile(r"[0-9][A-Za-z]|[A-Za-z][0-9]")

#: Reads a strip image; the words' boxes in the strip's pixels.
ReadStrip = Callable[[np.ndarray], list[list[Word]]]
#: Reads several strips in one Tesseract call, each as a page of its own.
ReadStrips = Callable[[list[np.ndarray]], list[list[list[Word]]]]


def one_by_one(read_strip: ReadStrip) -> ReadStrips:
    """A :data:`ReadStrips` that reads each strip with its own call."""
    return lambda strips: [read_strip(s) for s in strips]


def is_suspect(word: Word) -> bool:
    """A number-like word Tesseract doubted (see the module docstring)."""
    text = word.text
    if word.confidence >= SUSPECT_BELOW or len(_DIGIT.findall(text)) < 3:
        return False
    if _MIXED.search(text) or JOIN.search(text):
        return True
    if word.confidence >= REREAD_BELOW:
        return False
    return bool(_ODD.search(text)) or word.confidence < 0.3


#: Two words on one visual row this close (in heights of the smaller) are touching.
TOUCH_GAP = 0.25
#: At most this many tangles a page.
MAX_TANGLES = 6
#: A tangle's re-reading replaces its pieces when at least this confident.
TANGLE_CONFIDENCE = 0.7
#: A tangle's crop is enlarged until its smallest piece is about this tall (pixels).
TANGLE_PX = 40.0

_Ref = tuple[int, int]  # (run index, word index)


def _touching(a: BBox, b: BBox) -> bool:
    """Same visual row (most of the smaller height shared) and no real space between."""
    smaller = min(a.height, b.height)
    if smaller <= 0:
        return False
    if min(a.y1, b.y1) - max(a.y0, b.y0) < 0.5 * smaller:
        return False
    gap = max(a.x0, b.x0) - min(a.x1, b.x1)  # negative: they overlap
    return gap < TOUCH_GAP * smaller


def _same_word(a: Word, b: Word) -> bool:
    """Two readings of one word (the skipped-rows read overlapping the page read:
    "DV-7781" over "DV-778"), not pieces of one: one text holds the other, both of three
    characters or more, over most of the narrower box. Such a pair is no tangle: a clean
    page would otherwise pay a re-read for it."""
    short, long_ = sorted((a.text, b.text), key=len)
    if len(short) < 3 or short not in long_:
        return False
    overlap = min(a.bbox.x1, b.bbox.x1) - max(a.bbox.x0, b.bbox.x0)
    return overlap >= 0.5 * min(a.bbox.width, b.bbox.width)


def tangles(runs: list[list[Word]]) -> list[list[_Ref]]:
    """Groups of words cut out of one another (see the module docstring): words of
    different Tesseract lines touching on one row, or overlapping words of one line,
    chained; only groups with three digits or more, at most :data:`MAX_TANGLES`."""
    refs = [(ri, wi) for ri, run in enumerate(runs) for wi in range(len(run))]
    parent = {r: r for r in refs}

    def root(r: _Ref) -> _Ref:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    boxes = {r: runs[r[0]][r[1]].bbox for r in refs}
    order = sorted(refs, key=lambda r: boxes[r].y0)
    pairs: list[tuple[_Ref, _Ref]] = []
    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            if boxes[b].y0 > boxes[a].y1:
                break  # sorted by top: no later word reaches this one's row
            if _touching(boxes[a], boxes[b]):
                pairs.append((a, b))
    # Touching words of one line are neighbours: only an overlap makes them a tangle.
    neighbours: list[tuple[_Ref, _Ref]] = []
    for a, b in pairs:
        ba, bb = boxes[a], boxes[b]
        if a[0] == b[0] and max(ba.x0, bb.x0) >= min(ba.x1, bb.x1):
            neighbours.append((a, b))
        elif not _same_word(runs[a[0]][a[1]], runs[b[0]][b[1]]):
            parent[root(a)] = root(b)
    # ... but two knots next to each other on a line are one ("ZIN" + "\" | "[7" + "49690")
    knotted = {r for r in refs if root(r) != r} | {root(r) for r in refs if root(r) != r}
    for a, b in neighbours:
        if a in knotted and b in knotted:
            parent[root(a)] = root(b)
    groups: dict[_Ref, list[_Ref]] = {}
    for r in refs:
        groups.setdefault(root(r), []).append(r)
    out = [
        sorted(g)
        for g in groups.values()
        if len(g) > 1 and sum(len(_DIGIT.findall(runs[ri][wi].text)) for ri, wi in g) >= 3
    ]
    return sorted(out, key=lambda g: min(boxes[r].y0 for r in g))[:MAX_TANGLES]


def _union(words: list[Word]) -> BBox:
    return BBox(
        min(w.bbox.x0 for w in words),
        min(w.bbox.y0 for w in words),
        max(w.bbox.x1 for w in words),
        max(w.bbox.y1 for w in words),
    )


def reread_numbers(
    grey: np.ndarray, runs: list[list[Word]], dpi: int, read_strip: ReadStrip
) -> list[list[Word]]:
    """``runs`` with each suspicious word, and each tangle, replaced by its re-reading
    when that is clearly better. ``grey`` is the levelled page the boxes refer to."""
    plan = plan_numbers(runs, grey.shape, dpi)
    return read_again(grey, runs, dpi, one_by_one(read_strip), [plan])


def plan_numbers(runs: list[list[Word]], shape: tuple[int, ...], dpi: int) -> Reread | None:
    """The cuts of :func:`reread_numbers` and how their readings are taken back."""
    found = [
        (w.confidence, ri, wi)
        for ri, run in enumerate(runs)
        for wi, w in enumerate(run)
        if is_suspect(w)
    ]
    knots = tangles(runs)
    in_knots = {r for g in knots for r in g}
    groups: list[list[_Ref]] = [
        [(ri, wi)] for _, ri, wi in sorted(found)[:MAX_WORDS] if (ri, wi) not in in_knots
    ]
    groups += knots
    if not groups:
        return None
    px = dpi / 72.0
    h_img, w_img = shape[:2]
    cuts: list[Cut] = []
    for group in groups:
        b = _union([runs[ri][wi] for ri, wi in group])
        height = max(1.0, min(runs[ri][wi].bbox.height for ri, wi in group) * px)
        # A doubted word is small print misread: twice as large. A tangle's pieces were
        # read confidently, often in a title: only brought to about TANGLE_PX tall (a
        # 46-px title word enlarged twice came back at 0.52 confidence, as is at 0.81).
        scale = SCALE if len(group) == 1 else min(SCALE, max(1.0, TANGLE_PX / height))
        x0 = max(0, int(b.x0 * px - 0.5 * height))
        x1 = min(w_img, int(b.x1 * px + 0.5 * height))
        y0 = max(0, int(b.y0 * px - 0.35 * height))
        y1 = min(h_img, int(b.y1 * px + 0.35 * height))
        cuts.append(Cut(x0, y0, x1, y1, scale, int(height * scale)))

    def take(now: list[list[Word]], bands: list[list[Word]]) -> list[list[Word]]:
        # Planned on ``runs``: run first (read_again), so ``now`` is ``runs``.
        out: list[list[Word | None]] = [list(run) for run in now]
        extra: list[list[Word]] = []
        for group, new in zip(groups, bands, strict=True):
            old = [now[ri][wi] for ri, wi in group]
            if len(group) == 1:
                if better(old[0], new):  # one word for one: the indexes stay valid
                    ri, wi = group[0]
                    out[ri][wi] = new[0]
            elif _untangled(old, new):
                for ri, wi in group:
                    out[ri][wi] = None
                extra.append(sorted(new, key=lambda w: w.bbox.x0))
        return [[w for w in run if w is not None] for run in out if any(run)] + extra

    return Reread(cuts, take)


@dataclass(frozen=True, slots=True)
class Cut:
    """A rectangle of the page (pixels) to read again, enlarged ``scale`` times, with
    ``gap`` white pixels under it on the strip."""

    x0: int
    y0: int
    x1: int
    y1: int
    scale: float
    gap: int


@dataclass(frozen=True, slots=True)
class Reread:
    """A planned re-read: the cuts to read, and how the words read on them (one list a
    cut, in page points) are taken into the page's runs."""

    cuts: list[Cut]
    take: Callable[[list[list[Word]], list[list[Word]]], list[list[Word]]]


def read_again(
    grey: np.ndarray,
    runs: list[list[Word]],
    dpi: int,
    read_strips: ReadStrips,
    plans: list[Reread | None],
) -> list[list[Word]]:
    """``runs`` after every planned re-read, in ONE Tesseract call: each call loads the
    language models again (0.16 s for fra+eng, as long as reading a few lines). Each
    plan's cuts make a strip of their own, read as a page of its own: stacked on one
    strip, the line re-read's wide lines changed how Tesseract read the word re-read's
    small crops (holdout7 lost two numbers that way). The readings are taken in the
    order of ``plans``."""
    todo = [p for p in plans if p is not None and p.cuts]
    if not todo:
        return runs
    stacks = [_stack(grey, p.cuts) for p in todo]
    read = read_strips([stack.strip for stack in stacks])
    for plan, stack, found in zip(todo, stacks, read, strict=True):
        runs = plan.take(runs, _map_back(found, plan.cuts, stack, dpi))
    return runs


@dataclass(frozen=True, slots=True)
class _Stack:
    strip: np.ndarray
    tops: list[int]
    heights: list[int]


def _stack(grey: np.ndarray, cuts: list[Cut]) -> _Stack:
    """The cuts enlarged, thresholded (Otsu) and stacked on one white strip."""
    crops: list[np.ndarray] = []
    tops: list[int] = []
    top = 0
    for c in cuts:
        crop = grey[c.y0 : c.y1, c.x0 : c.x1]
        if c.scale > 1.0:
            crop = cv2.resize(crop, None, fx=c.scale, fy=c.scale, interpolation=cv2.INTER_CUBIC)
        _, crop = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        crops.append(crop)
        tops.append(top)
        top += crop.shape[0] + c.gap
    strip = np.full((top, max(c.shape[1] for c in crops) + 20), 255, np.uint8)
    for crop, t in zip(crops, tops, strict=True):
        strip[t : t + crop.shape[0], 10 : 10 + crop.shape[1]] = crop
    return _Stack(strip, tops, [c.shape[0] for c in crops])


def _map_back(
    found: list[list[Word]], cuts: list[Cut], stack: _Stack, dpi: int
) -> list[list[Word]]:
    """The words read on a strip, one list a cut, mapped back to page points."""
    bands: list[list[Word]] = [[] for _ in cuts]
    k = 72.0 / dpi
    for run in found:
        for w in run:
            mid = (w.bbox.y0 + w.bbox.y1) / 2
            i = next(
                (i for i, t in enumerate(stack.tops) if t <= mid < t + stack.heights[i]),
                None,
            )
            if i is None:
                continue
            t, c = stack.tops[i], cuts[i]

            def back(x: float, y: float, c: Cut = c, t: int = t) -> tuple[float, float]:
                return ((c.x0 + (x - 10) / c.scale) * k, (c.y0 + (y - t) / c.scale) * k)

            (bx0, by0), (bx1, by1) = back(w.bbox.x0, w.bbox.y0), back(w.bbox.x1, w.bbox.y1)
            bands[i].append(
                Word(w.text, BBox(bx0, by0, max(bx0, bx1), max(by0, by1)), w.confidence)
            )
    return bands


def _untangled(old: list[Word], new: list[Word]) -> bool:
    """A tangle's re-reading: confident (its pieces were confident too, but wrongly, so
    their confidence is no yardstick), at least as long as its longest piece and not
    much longer than all of them together (overlapping pieces read characters twice)."""
    if not new:
        return False
    chars = sum(len(w.text) for w in new)
    conf = sum(w.confidence * len(w.text) for w in new) / chars
    new_len = sum(c.isalnum() for w in new for c in w.text)
    longest = max(sum(c.isalnum() for c in w.text) for w in old)
    total = sum(c.isalnum() for w in old for c in w.text)
    return conf >= TANGLE_CONFIDENCE and (longest <= new_len <= total + 1)


def better(old: Word, new: list[Word]) -> bool:
    """One word for one word, about as long, clearly more confident. A word re-read as
    two ("FR1428604566" as "FR1428604 1") lost a character: the first reading stays."""
    if len(new) != 1:
        return False
    chars = sum(len(w.text) for w in new)
    conf = sum(w.confidence * len(w.text) for w in new) / chars
    old_len = sum(c.isalnum() for c in old.text)
    new_len = sum(c.isalnum() for w in new for c in w.text)
    if conf >= REREAD_BELOW and _regained_separator(old.text, new[0].text):
        return True
    return conf >= max(REREAD_BELOW, old.confidence + GAIN) and -1 <= new_len - old_len <= 2


def _regained_separator(old: str, new: str) -> bool:
    """The same letters and digits, with a separator the first reading lost
    ("BC696737-01." → "BC-696737-01."): a page read drops faint dashes, it does not
    invent them, so no confidence gain is asked for."""
    same = [c for c in old if c.isalnum()] == [c for c in new if c.isalnum()]
    return same and len(JOIN.findall(new)) > len(JOIN.findall(old))
