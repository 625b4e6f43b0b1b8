"""Number-like words Tesseract was unsure of, read once more on their own, twice as large.

On a page read as a whole, Tesseract sometimes gives a number's characters a shape of
the wrong class ("PO26%0097" for PO2680097, "€.26,7928" for C.26.7928, "C0832H913" for
CO8328913) and says so: those words carry a low confidence. Order numbers and company
identifiers are exactly such words, and no rule can put a "%" back to an "8". Cut out of
the grey, levelled page (before the page-wide binarisation), enlarged 2× and thresholded
on their own, and read again in one Tesseract call for the whole page (the crops stacked
on one strip, as :func:`.ocr._recover` does for skipped rows), they mostly come back
right, with a high confidence; the better reading is kept. Only suspicious words are
re-read: under ``REREAD_BELOW`` confidence, with three digits or more, and either an odd
mark, letters among the digits, or hardly any confidence at all; a clean page pays
nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import regex

from ..model import BBox, Word

#: Words read with less confidence than this may be read again.
REREAD_BELOW = 0.6
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


def is_suspect(word: Word) -> bool:
    """A number-like word Tesseract doubted (see the module docstring)."""
    text = word.text
    if word.confidence >= REREAD_BELOW or len(_DIGIT.findall(text)) < 3:
        return False
    return bool(_ODD.search(text) or _MIXED.search(text)) or word.confidence < 0.3


def reread_numbers(
    grey: np.ndarray, runs: list[list[Word]], dpi: int, read_strip: ReadStrip
) -> list[list[Word]]:
    """``runs`` with each suspicious word replaced by its re-reading when that is
    clearly more confident. ``grey`` is the levelled page the boxes refer to."""
    found = [
        (w.confidence, ri, wi)
        for ri, run in enumerate(runs)
        for wi, w in enumerate(run)
        if is_suspect(w)
    ]
    if not found:
        return runs
    picked = sorted(found)[:MAX_WORDS]
    px = dpi / 72.0
    h_img, w_img = grey.shape[:2]
    crops: list[np.ndarray] = []
    origins: list[tuple[int, int, int]] = []  # strip top, crop x0, crop y0 (page pixels)
    top = 0
    for _, ri, wi in picked:
        b = runs[ri][wi].bbox
        height = max(1.0, b.height * px)
        x0 = max(0, int(b.x0 * px - 0.5 * height))
        x1 = min(w_img, int(b.x1 * px + 0.5 * height))
        y0 = max(0, int(b.y0 * px - 0.35 * height))
        y1 = min(h_img, int(b.y1 * px + 0.35 * height))
        crop = cv2.resize(
            grey[y0:y1, x0:x1], None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_CUBIC
        )
        _, crop = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        crops.append(crop)
        origins.append((top, x0, y0))
        top += crop.shape[0] + int(height * SCALE)
    strip = np.full((top, max(c.shape[1] for c in crops) + 20), 255, np.uint8)
    for crop, (t, _, _) in zip(crops, origins, strict=True):
        strip[t : t + crop.shape[0], 10 : 10 + crop.shape[1]] = crop
    bands: list[list[Word]] = [[] for _ in crops]
    k = 72.0 / dpi
    for run in read_strip(strip):
        for w in run:
            mid = (w.bbox.y0 + w.bbox.y1) / 2
            i = next(
                (i for i, (t, _, _) in enumerate(origins) if t <= mid < t + crops[i].shape[0]),
                None,
            )
            if i is None:
                continue
            t, cx, cy = origins[i]

            def back(
                x: float, y: float, cx: int = cx, cy: int = cy, t: int = t
            ) -> tuple[float, float]:
                return ((cx + (x - 10) / SCALE) * k, (cy + (y - t) / SCALE) * k)

            (bx0, by0), (bx1, by1) = back(w.bbox.x0, w.bbox.y0), back(w.bbox.x1, w.bbox.y1)
            bands[i].append(
                Word(w.text, BBox(bx0, by0, max(bx0, bx1), max(by0, by1)), w.confidence)
            )
    out = [list(run) for run in runs]
    # Replace from the right so that the indexes of a run's other words stay valid.
    for (_, ri, wi), new in sorted(
        zip(picked, bands, strict=True), key=lambda p: (p[0][1], -p[0][2])
    ):
        if _better(runs[ri][wi], new):
            out[ri][wi : wi + 1] = sorted(new, key=lambda w: w.bbox.x0)
    return out


def _better(old: Word, new: list[Word]) -> bool:
    """One word for one word, about as long, clearly more confident. A word re-read as
    two ("FR1428604566" as "FR1428604 1") lost a character: the first reading stays."""
    if len(new) != 1:
        return False
    chars = sum(len(w.text) for w in new)
    conf = sum(w.confidence * len(w.text) for w in new) / chars
    old_len = sum(c.isalnum() for c in old.text)
    new_len = sum(c.isalnum() for w in new for c in w.text)
    return conf >= max(REREAD_BELOW, old.confidence + GAIN) and -1 <= new_len - old_len <= 2
