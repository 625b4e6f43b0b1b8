"""Coloured ink marks over the print (a ballpoint circle, a stamp): the page read once
more without them, and their lines taken from that reading.

A clerk circles the order number in blue ballpoint before scanning; a goods-in stamp
lands beside it. In grey, the pen's stroke is as dark as the print: where the circle
touches the number its arcs are read as letters ("CCDE 98758" for CDE 98758, "Bon de
commangé nf" for "Bon de commande n°"), and no rule can tell a misread arc from a
letter. In colour the marks give themselves away: the print is black or grey (its
channels equal), the pen blue, the stamp red. Those pixels are painted paper and the
page is read again; a scanner's "colour dropout" does the same for forms. A light wash
of colour (a highlighter, coloured paper, a coffee stain) is no mark: the grey page reads
through it, and dropping it took the print's edges with it (docs/ocr.md).

Dropping colour outright would also erase print that *is* coloured (a navy letterhead, a
number printed in blue), so the first reading is not thrown away: the two are merged
line by line, like the two readings of a fax (:mod:`.merge`), and only the lines that
the marks touch come from the second reading, unless it lost much of what the first
read there (the line was coloured print, not a mark over black print).
"""

from __future__ import annotations

import numpy as np

from ..model import Word
from .merge import box_of, credible, keep_separators, line_clusters, score

#: A pixel is a mark when its channels differ by more than this (grey levels) and by
#: more than :data:`MARK_CHROMA` of its brightest channel. Black and grey print differ
#: by a few levels (JPEG chroma noise up to ~30), a warm photo's cast by 30–50; a blue
#: ballpoint (32, 41, 128) by 96, a highlighter (250, 240, 120) by 130.
MARK_SATURATION = 60
MARK_CHROMA = 0.4
#: ... and when its darkest channel is under this: ink (a pen, a stamp), not a light
#: wash of colour (a highlighter's yellow has 120 in blue, coloured paper and a coffee
#: stain more), which the grey page reads through well enough and which, dropped, took
#: the print's edges with it (holdout4's and holdout6's scans).
MARK_DARK = 90
#: Fewer mark pixels than this share of the page: no marks (a logo's few pixels, noise).
MIN_MARK_SHARE = 0.0002
#: A line touched by marks keeps its first reading when the second lost more than this
#: share of its letters and digits (coloured print, not a mark, was dropped).
MAX_LOSS = 0.4


def mark_mask(rgb: np.ndarray) -> np.ndarray | None:
    """Mask (255 = mark) of the saturated pixels of an RGB or BGR page, or None when
    there are too few to matter. Channel order does not matter: only their spread does."""
    if rgb.ndim != 3 or rgb.shape[2] < 3:
        return None
    channels = rgb[:, :, :3]
    hi = channels.max(axis=2).astype(np.int16)
    lo = channels.min(axis=2).astype(np.int16)
    spread = hi - lo
    mask = (spread > MARK_SATURATION) & (spread > MARK_CHROMA * hi) & (lo < MARK_DARK)
    if float(mask.mean()) < MIN_MARK_SHARE:
        return None
    return mask.astype(np.uint8) * 255


def drop_marks(gray: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``gray`` with the marks painted the paper's grey (the 95th percentile of the page).
    Not their fringe: widened by a pixel, the marks ate the edges of the print they
    touch."""
    paper = int(np.percentile(gray[::4, ::4], 95))
    out = gray.copy()
    out[mask > 0] = paper
    return out


def _mean(runs: list[list[Word]]) -> float:
    """Mean confidence per character: the marks' arcs read as letters lower it."""
    chars = sum(len(w.text) for run in runs for w in run)
    return score(runs) / chars if chars else 0.0


def _alnum(runs: list[list[Word]]) -> int:
    return sum(c.isalnum() for run in runs for w in run for c in w.text)


def merge_unmarked(
    first: list[list[Word]],
    second: list[list[Word]],
    mask: np.ndarray,
    dpi: int,
) -> list[list[Word]]:
    """The first reading, with the lines the marks touch taken from the second.

    ``mask`` is the marks on the levelled page the boxes refer to (``dpi`` its
    resolution). Lines are clustered across the readings by :func:`.merge.line_clusters`.
    A cluster the marks touch takes the second reading's runs when they are read at
    least as confidently (per character) and did not lose more than :data:`MAX_LOSS`
    of the first's letters and digits; either way it keeps the separators of a number
    the other reading kept (:func:`.merge.keep_separators`). A line only the second
    reading found (the marks hid it) is kept when it reads like text.
    """
    px = dpi / 72.0
    h, w = mask.shape[:2]

    def marked(box: tuple[float, float, float, float]) -> bool:
        x0, y0 = max(0, int(box[0] * px)), max(0, int(box[1] * px))
        x1, y1 = min(w, int(box[2] * px) + 1), min(h, int(box[3] * px) + 1)
        return x1 > x0 and y1 > y0 and bool(mask[y0:y1, x0:x1].any())

    merged: list[list[Word]] = []
    for a, b in line_clusters(first, second):
        if not a:
            if credible(b):
                merged.extend(b)
        elif not b or not any(marked(box_of(run)) for run in a + b):
            merged.extend(a)
        elif _alnum(b) >= (1 - MAX_LOSS) * _alnum(a) and _mean(b) >= _mean(a):
            merged.extend(keep_separators(b, a))
        else:
            merged.extend(keep_separators(a, b))
    return merged
