"""Text printed sideways (turned 90°) in a margin or a coloured side band, read as lines.

Some order forms print their title and number up the page's edge, often light on a dark
band ("BON DE COMMANDE N° BDC816512" in holdout5's side-band forms); with ``--psm 6``
Tesseract reads the upright page and gives nothing, or a few stray letters, for it. Tall,
narrow strips of ink that the page read left unread are cut from the levelled grey page
(a dark band is inverted first), turned a quarter turn each way and read as text; the
turn read with more confidence is kept, if it is confident enough. The words' boxes are
mapped back onto the page (tall boxes: the words run up or down it) and each strip
becomes one line of its own, after the page's upright lines.

Only strips that look like a line of text on its side are tried, and only where the page
read was not already confident, so an upright page pays one ink analysis and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from ..model import BBox, Line, Word
from .regions import ink_mask

#: A strip is at least this tall (inches) and this many times taller than wide.
MIN_HEIGHT_IN = 1.2
MIN_ASPECT = 5.0
#: ... and between these widths (inches): one line of print up to a large title.
MIN_WIDTH_IN, MAX_WIDTH_IN = 0.06, 0.7
#: Words of one sideways line are at most this far apart (inches).
GAP_IN = 0.3
#: ... and its words cover at least this share of its length.
MIN_FILL = 0.7
#: A strip already this much covered by confidently read words is left alone.
MAX_READ_COVER = 0.2
#: A dark band: this share of a column's pixels darker than the page's ink threshold.
BAND_DARK_SHARE = 0.6
#: At most this many strips a page, the tallest first.
MAX_STRIPS = 3
#: A turned strip's reading is kept when its words are this confident on average.
MIN_CONFIDENCE = 0.6

#: Reads an image; the words' boxes in its pixels, run by run.
ReadImage = Callable[[np.ndarray], list[list[Word]]]


def _covered(
    box: tuple[int, int, int, int], read: list[tuple[float, float, float, float]]
) -> float:
    x0, y0, x1, y1 = box
    area = max(1, (x1 - x0) * (y1 - y0))
    hit = 0.0
    for a0, b0, a1, b1 in read:
        w = min(x1, a1) - max(x0, a0)
        h = min(y1, b1) - max(y0, b0)
        if w > 0 and h > 0:
            hit += w * h
    return hit / area


def find_strips(
    grey: np.ndarray,
    dpi: int,
    read_boxes: list[tuple[float, float, float, float]],
    *,
    print_strips: bool = True,
) -> list[tuple[tuple[int, int, int, int], bool]]:
    """((x0, y0, x1, y1) in pixels, dark band?) of the strips worth reading sideways,
    the tallest first; ``print_strips`` False looks for dark bands only.

    Looked for at half resolution, a quarter of the pixels: on upright pages the whole
    step added 20–50 ms a page (docs/ocr.md)."""
    ink = ink_mask(grey, 0.5)[1]
    sdpi = dpi / 2
    found = [(box, True) for box in _bands(ink, sdpi)]
    if print_strips:
        found += [(box, False) for box in _print_strips(ink, sdpi, [b for b, _ in found])]
    half = [(a / 2, b / 2, c / 2, d / 2) for a, b, c, d in read_boxes]
    kept = [
        ((x0 * 2, y0 * 2, x1 * 2, y1 * 2), band)
        for (x0, y0, x1, y1), band in found
        if y1 - y0 >= MIN_ASPECT * (x1 - x0) and _covered((x0, y0, x1, y1), half) <= MAX_READ_COVER
    ]
    kept.sort(key=lambda s: s[0][1] - s[0][3])
    return kept[:MAX_STRIPS]


def _dark_runs(ink: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of the runs of columns mostly inked (255 = ink)."""
    dark = np.concatenate(([False], (ink > 0).mean(axis=0) >= BAND_DARK_SHARE, [False]))
    edges = np.flatnonzero(dark[1:] != dark[:-1])
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _bands(ink: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Dark bands: runs of columns mostly darker than the ink threshold, band-wide and
    tall enough, cut to the rows they are dark on."""
    out = []
    for start, end in _dark_runs(ink):
        if MIN_WIDTH_IN * dpi <= end - start <= MAX_WIDTH_IN * 2 * dpi:
            rows = np.flatnonzero((ink[:, start:end] > 0).mean(axis=1) >= 0.5)
            if rows.size and rows[-1] - rows[0] >= MIN_HEIGHT_IN * dpi:
                out.append((start, int(rows[0]), end, int(rows[-1]) + 1))
    return out


def _print_strips(
    ink: np.ndarray, dpi: float, bands: list[tuple[int, int, int, int]]
) -> list[tuple[int, int, int, int]]:
    """Dark print on the paper, on its side: characters smeared along the strip's length
    become tall, thin pieces (rules were painted white before: no frame lines here)."""
    ink = ink.copy()
    for x0, _, x1, _ in bands:
        ink[:, x0:x1] = 0
    k = max(3, round(dpi * 0.08))
    blobs = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((k, 1), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    pieces = sorted(
        (int(x), int(y), int(x + bw), int(y + bh))
        for x, y, bw, bh in (stats[i, :4] for i in range(1, n))
        if bh > bw and MIN_WIDTH_IN * dpi <= bw <= MAX_WIDTH_IN * dpi
    )
    # A line on its side breaks into words at wider gaps ("N°  BDC816512"): pieces one
    # above the other in the same column, less than GAP_IN apart, are one strip.
    gap = GAP_IN * dpi
    chains: list[list[int]] = []  # x0, y0, x1, y1, inked height
    for x0, y0, x1, y1 in sorted(pieces, key=lambda p: p[1]):
        for c in chains:
            overlap = min(c[2], x1) - max(c[0], x0)
            if overlap >= 0.5 * min(c[2] - c[0], x1 - x0) and y0 - c[3] <= gap:
                c[:] = [min(c[0], x0), c[1], max(c[2], x1), max(c[3], y1), c[4] + y1 - y0]
                break
        else:
            chains.append([x0, y0, x1, y1, y1 - y0])
    # Words on their side are mostly ink along the strip; upright letters of successive
    # lines that happen to stack ("l" over "1" over "I") are mostly gaps.
    return [
        (x0, y0, x1, y1)
        for x0, y0, x1, y1, inked in chains
        if y1 - y0 >= MIN_HEIGHT_IN * dpi
        and y1 - y0 >= MIN_ASPECT * (x1 - x0)
        and x1 - x0 <= MAX_WIDTH_IN * dpi
        and inked >= MIN_FILL * (y1 - y0)
    ]


def _back(box: BBox, turn: int, crop_w: int, crop_h: int) -> tuple[float, float, float, float]:
    """A box of the turned crop (pixels) → the crop's own pixels."""
    if turn == cv2.ROTATE_90_CLOCKWISE:  # (x, y) -> (H-1-y, x)
        return box.y0, crop_h - box.x1, box.y1, crop_h - box.x0
    return crop_w - box.y1, box.x0, crop_w - box.y0, box.x1  # (x, y) -> (y, W-1-x)


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _has_band(raw: np.ndarray) -> bool:
    """A quick look at the page as scanned (a quarter of its size): any dark band?"""
    ink = ink_mask(raw, 0.25)[1]
    return any(end - start < ink.shape[1] for start, end in _dark_runs(ink))


def read_sideways(
    grey: np.ndarray,
    dpi: int,
    read_words: list[Word],
    read: ReadImage,
    raw: np.ndarray,
    levelled: Callable[[], np.ndarray],
) -> list[Line]:
    """Lines read from the page's sideways strips, boxes in points (see the module).

    ``grey`` is the page as prepared for Tesseract, before binarisation. Its lighting was
    flattened, and a dark band became paper there: bands are looked for in ``raw`` (the
    page as scanned, a cheap test) and then in ``levelled()``, the page enlarged and
    deskewed like ``grey`` but neither flattened nor cleared of rules. That is also where
    strips are cut from; it is only built when a strip or a band was seen.
    """
    k = 72.0 / dpi
    boxes = [
        (w.bbox.x0 / k, w.bbox.y0 / k, w.bbox.x1 / k, w.bbox.y1 / k)
        for w in read_words
        # Only real words hide a strip: Tesseract reads letters on their side as short
        # junk ("N", "ca", "ve)", "fea)"), often with a fair confidence.
        if w.confidence >= 0.5 and sum(ch.isalnum() for ch in w.text) >= 4
    ]
    strips = find_strips(grey, dpi, boxes)
    if not strips and not _has_band(raw):
        return []
    page = levelled()
    bands = find_strips(page, dpi, boxes, print_strips=False)
    strips = bands + [s for s in strips if not any(_overlaps(s[0], b[0]) for b in bands)]
    lines: list[Line] = []
    h_img, w_img = page.shape[:2]
    margin = max(4, round(dpi * 0.04))
    for (x0, y0, x1, y1), _band in strips[:MAX_STRIPS]:
        cx0, cy0 = max(0, x0 - margin), max(0, y0 - margin)
        cx1, cy1 = min(w_img, x1 + margin), min(h_img, y1 + margin)
        crop = page[cy0:cy1, cx0:cx1]
        if float(crop.mean()) < 128:  # light print on a dark band
            crop = 255 - crop
        _, crop = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        best: tuple[float, int, list[list[Word]]] | None = None
        for turn in (cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE):
            runs = [r for r in read(cv2.rotate(crop, turn)) if r]
            confs = [w.confidence for r in runs for w in r]
            mean = sum(confs) / len(confs) if confs else 0.0
            if best is None or mean > best[0]:
                best = (mean, turn, runs)
        if best is None or best[0] < MIN_CONFIDENCE:
            continue
        _, turn, runs = best
        ch, cw = crop.shape[:2]
        for run in runs:
            words = []
            for w in run:
                a0, b0, a1, b1 = _back(w.bbox, turn, cw, ch)
                box = BBox((cx0 + a0) * k, (cy0 + b0) * k, (cx0 + a1) * k, (cy0 + b1) * k)
                words.append(Word(w.text, box, w.confidence))
            lines.append(Line(tuple(words)))
    return lines
