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


def _ink(gray: np.ndarray, scale: float) -> np.ndarray:
    """Otsu ink mask (255 = ink) of the page shrunk by ``scale``: the layout masks below
    are found at half resolution, four times cheaper, and need no finer detail."""
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def remove_rules(gray: np.ndarray, dpi: int) -> np.ndarray:
    """The page with its long horizontal and vertical rules painted white.

    With ``--psm 6`` Tesseract read framed cells and shaded, boxed rows as nothing or
    as garbage: a table header row with its values under it, the boxed "BON DE COMMANDE
    N° …" title (docs/ocr.md). Rules are found by a morphological opening of the ink
    with a long thin kernel (only runs longer than :data:`RULE_MIN_WIDTH_IN` survive),
    at half resolution, widened by a pixel each side and painted white; letters touching
    a rule lose a pixel row.
    """
    ink = _ink(gray, 0.5)
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
    out = gray.copy()
    out[mask > 0] = 255
    return out


def missed_rows(img: np.ndarray, runs: list[list[Word]], dpi: int) -> list[tuple[int, ...]]:
    """Pixel boxes (x0, y0, x1, y1) of rows of letter-sized ink that no word covers.

    ``--psm 6`` reads the page as one block and sometimes skips a whole row (a bold
    right-hand header line, a cell of a shaded table): its ink is still on the page.
    Specks are not letters: a row needs three letter-sized marks and 0.3 in of width.
    Found at half resolution.
    """
    scale = 0.5
    ink = _ink(img, scale)
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
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights, widths = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH]
    keep = (heights >= sdpi * 0.06) & (heights <= sdpi * 0.4) & (widths <= sdpi * 0.5)
    keep[0] = False
    if not keep.any():
        return []
    letters = np.where(keep[labels], 255, 0).astype(np.uint8)
    smear = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(sdpi * 0.12)), 1))
    n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(letters, smear))
    found: list[tuple[int, ...]] = []
    for i in range(1, n):
        x, y, bw, bh = (int(v) for v in stats[i][:4])
        if bw < sdpi * 0.3 or bh > sdpi * 0.5:
            continue
        marks = cv2.connectedComponents(letters[y : y + bh, x : x + bw])[0] - 1
        if marks >= 3:
            found.append(tuple(round(v / scale) for v in (x, y, x + bw, y + bh)))
    return found
