"""Where the ink is on a page image, beyond the words Tesseract returned.

Two masks that help Tesseract's ``--psm 6`` (docs/ocr.md): the page's long rules, painted
white before reading (framed cells and shaded, boxed rows came back empty or as garbage
while the rules were there), and the rows of letter-sized ink no word covers after the
read (a row ``--psm 6`` skipped, read again by :mod:`.ocr`). Both work on an Otsu ink mask
at half resolution: four times cheaper, and they need no finer detail.
"""

from __future__ import annotations

import cv2
import numpy as np

from ..model import Word

#: Ink runs at least this long (inches) are rules, not letters: 0.5 in is ~7 capitals
#: of 10-pt type wide, and a stroke of "l" or "|" is far shorter than 0.3 in.
RULE_MIN_WIDTH_IN = 0.5
RULE_MIN_HEIGHT_IN = 0.3


def ink_mask(
    gray: np.ndarray, scale: float = 0.5, threshold: float | None = None
) -> tuple[float, np.ndarray]:
    """(threshold, ink mask with 255 = ink) of the page shrunk by ``scale``: ink is
    darker than the threshold, Otsu's unless one is given. Preprocessing makes this mask
    once for the skew estimate and, with the same threshold on the levelled page, for the
    rules (one Otsu pass and one copy fewer a page)."""
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if threshold is None:
        t, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        return float(t), ink
    _, ink = cv2.threshold(small, threshold, 255, cv2.THRESH_BINARY_INV)
    return threshold, ink


def remove_rules(gray: np.ndarray, dpi: int, ink: np.ndarray | None = None) -> np.ndarray:
    """The page with its long horizontal and vertical rules painted white.

    With ``--psm 6`` Tesseract read framed cells and shaded, boxed rows as nothing or
    as garbage: a table header row with its values under it, the boxed "BON DE COMMANDE
    N° …" title (docs/ocr.md). Rules are found by a morphological opening of the ink
    with a long thin kernel (only runs longer than :data:`RULE_MIN_WIDTH_IN` survive),
    at half resolution, widened by a pixel each side and painted white; letters touching
    a rule lose a pixel row.
    """
    ink = ink_mask(gray, 0.5)[1]
    sdpi = dpi * 0.5
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (int(sdpi * RULE_MIN_WIDTH_IN), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(sdpi * RULE_MIN_HEIGHT_IN)))
    rules = cv2.bitwise_or(
        cv2.morphologyEx(ink, cv2.MORPH_OPEN, across),
        cv2.morphologyEx(ink, cv2.MORPH_OPEN, down),
    )
    if not rules.any():
        return gray
    rules = cv2.dilate(rules, np.ones((3, 3), np.uint8))
    h, w = gray.shape[:2]
    mask = cv2.resize(rules, (w, h), interpolation=cv2.INTER_NEAREST)
    return cv2.max(gray, mask)  # 255 on the rules: white


def missed_rows(img: np.ndarray, runs: list[list[Word]], dpi: int) -> list[tuple[int, ...]]:
    """Pixel boxes (x0, y0, x1, y1) of rows of letter-sized ink that no word covers.

    ``--psm 6`` reads the page as one block and sometimes skips a whole row (a bold
    right-hand header line, a cell of a shaded table): its ink is still on the page.
    Specks are not letters: a row needs three letter-sized marks and 0.3 in of width.
    Found at half resolution, and only in the bands of pixel rows that still hold ink once
    the words are blanked out: on most pages that is a few specks, and the page costs
    about a millisecond instead of 40 (docs/ocr.md).
    """
    scale = 0.5
    ink = ink_mask(img, scale)[1]
    k = dpi / 72.0 * scale
    pad = max(1, round(dpi * scale * 0.02))
    for run in runs:
        for w in run:
            b = w.bbox
            ink[
                max(0, int(b.y0 * k) - pad) : int(b.y1 * k) + pad,
                max(0, int(b.x0 * k) - pad) : int(b.x1 * k) + pad,
            ] = 0
    sdpi = dpi * scale
    # A mark is at least 0.06 in tall, so a band of inked rows lower than that, or with
    # less ink than three such strokes, holds no row of letters. Bands are separated by
    # blank pixel rows, so a band's marks and smears never reach another band.
    min_h = sdpi * 0.06
    inked = np.flatnonzero(ink.any(axis=1))
    if inked.size == 0:
        return []
    gaps = np.flatnonzero(np.diff(inked) > 1)
    starts = np.concatenate(([inked[0]], inked[gaps + 1]))
    ends = np.concatenate((inked[gaps], [inked[-1]])) + 1
    found: list[tuple[int, ...]] = []
    for y0, y1 in zip(starts.tolist(), ends.tolist(), strict=True):
        band = ink[y0:y1]
        if y1 - y0 < min_h or cv2.countNonZero(band) < 3 * min_h:
            continue
        for x, y, x1, y1b in _band_rows(band, sdpi):
            found.append(tuple(round(v / scale) for v in (x, y + y0, x1, y1b + y0)))
    return found


def _band_rows(ink: np.ndarray, sdpi: float) -> list[tuple[int, int, int, int]]:
    """Rows of at least three letter-sized marks in one band of the ink mask."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights, widths = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH]
    keep = (heights >= sdpi * 0.06) & (heights <= sdpi * 0.4) & (widths <= sdpi * 0.5)
    keep[0] = False
    if keep.sum() < 3:
        return []
    letters = np.where(keep[labels], 255, 0).astype(np.uint8)
    smear = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(sdpi * 0.12)), 1))
    n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(letters, smear))
    found: list[tuple[int, int, int, int]] = []
    for i in range(1, n):
        x, y, bw, bh = (int(v) for v in stats[i][:4])
        if bw < sdpi * 0.3 or bh > sdpi * 0.5:
            continue
        marks = cv2.connectedComponents(letters[y : y + bh, x : x + bw])[0] - 1
        if marks >= 3:
            found.append((x, y, x + bw, y + bh))
    return found
