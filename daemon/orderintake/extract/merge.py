"""Two readings of one page merged line by line, the more confident one winning.

Fax-like pages (bilevel, 200 dpi, CCITT G4: salt specks, thin broken strokes) are read
twice by :mod:`.ocr`: once with the default preprocessing (median 3×3 against specks) and
once anti-aliased (Gaussian 3×3 after upscaling, no median), which keeps thin strokes the
median erases. Neither is better everywhere: the median read "N° BC BDC_23_88732" as
garbage on one page where the anti-aliased read got it, and the reverse happens on
others. Both readings are made on the same levelled page (one skew angle for both), so
their boxes coincide, and each line is taken from the reading that read it with more
confidence, a ROVER-like vote (docs/ocr.md).
"""

from __future__ import annotations

import numpy as np
import regex

from ..model import Word

Box = tuple[float, float, float, float]


def is_bilevel(gray: np.ndarray) -> bool:
    """True when the page holds only pure black and white (a fax or a 1-bit scan).

    A sample of every 7th pixel both ways is enough: a grey scan shows dozens of levels.
    """
    sample = gray[::7, ::7]
    return sample.size > 0 and bool(((sample == 0) | (sample == 255)).all())


def box_of(run: list[Word]) -> Box:
    return (
        min(w.bbox.x0 for w in run),
        min(w.bbox.y0 for w in run),
        max(w.bbox.x1 for w in run),
        max(w.bbox.y1 for w in run),
    )


def _same_line(p: Box, q: Box) -> bool:
    """The boxes overlap across, and down by at least half the lower one's height."""
    across = min(p[2], q[2]) - max(p[0], q[0])
    down = min(p[3], q[3]) - max(p[1], q[1])
    return across > 0 and down >= 0.5 * min(p[3] - p[1], q[3] - q[1])


def score(runs: list[list[Word]]) -> float:
    """Confidence summed over characters: a reading that drops words scores less than
    one that reads them with the same confidence."""
    return sum(w.confidence * len(w.text) for run in runs for w in run)


def line_clusters(
    first: list[list[Word]], second: list[list[Word]]
) -> list[tuple[list[list[Word]], list[list[Word]]]]:
    """The runs (Tesseract's lines) of two readings of one page, grouped by the line they
    read: runs of either reading that overlap (:func:`_same_line`) form a cluster,
    chained through each other (a line read whole in one reading and as two pieces in
    the other is one cluster). Each cluster is (its first-reading runs, its second's)."""
    runs = first + second
    boxes = [box_of(run) for run in runs]
    parent = list(range(len(runs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    n_first = len(first)
    for i in range(n_first):
        for j in range(n_first, len(runs)):
            if _same_line(boxes[i], boxes[j]):
                parent[root(i)] = root(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(runs)):
        clusters.setdefault(root(i), []).append(i)
    return [
        ([runs[i] for i in members if i < n_first], [runs[i] for i in members if i >= n_first])
        for members in clusters.values()
    ]


#: A separator between two letters or digits: the joints of a number ("BDC-26-4086").
#: Shared with :mod:`.reread`, which doubts and re-reads numbers by the same sign.
JOIN = regex.compile(r"(?<=[0-9A-Za-z])[-/._](?=[0-9A-Za-z])")


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _joined(word: Word) -> bool:
    """A number written with separators between its groups ("BDC-26-4086")."""
    return len(_alnum(word.text)) >= 4 and JOIN.search(word.text) is not None


def overlaps(a: Box, b: Box) -> bool:
    """Most of the narrower box shared across, on one row."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    narrower = min(a[2] - a[0], b[2] - b[0])
    return across >= 0.5 * narrower and down >= 0.5 * min(a[3] - a[1], b[3] - b[1])


def keep_separators(kept: list[list[Word]], other: list[list[Word]]) -> list[list[Word]]:
    """``kept`` with the numbers ``other`` read joined, where ``kept`` read their groups apart.

    Faint dashes and slashes between a number's groups are what a page read drops first:
    "BDC 26 4086" (every piece at 0.95) where the other reading of the same line got
    "BDC-26-4086" (0.89; holdout6's inkjet page), and the line as a whole went to the
    surer reading. Tesseract does not invent a separator between groups it reads apart:
    when consecutive words of ``kept`` hold exactly the letters and digits of a joined
    word of ``other``, in the same place, that word replaces them. Nothing else of the
    line changes; a colon ahead of the number stays.
    """
    joined = [w for run in other for w in run if _joined(w)]
    if not joined:
        return kept
    out: list[list[Word]] = []
    for run in kept:
        run = list(run)
        for word in joined:
            key = _alnum(word.text)
            wbox = (word.bbox.x0, word.bbox.y0, word.bbox.x1, word.bbox.y1)
            for i in range(len(run)):
                if not _alnum(run[i].text):
                    continue  # a colon ahead of the number is no piece of it
                acc = ""
                for j in range(i, len(run)):
                    acc += _alnum(run[j].text)
                    if len(acc) >= len(key):
                        break
                if j > i and acc == key and overlaps(box_of(run[i : j + 1]), wbox):
                    run[i : j + 1] = [word]
                    break
        out.append(run)
    return out


def merge_reads(first: list[list[Word]], second: list[list[Word]]) -> list[list[Word]]:
    """Runs (Tesseract's lines) of two readings of the same page → one reading.

    Each cluster of :func:`line_clusters` keeps the runs of the reading with the higher
    summed character confidence, ties to the first, with the separators of a number the
    other reading kept (:func:`keep_separators`). A line only the first reading found
    is kept; one only the second found is kept when it is :func:`credible`.
    """
    merged: list[list[Word]] = []
    for a, b in line_clusters(first, second):
        if not a and not credible(b):
            continue
        merged.extend(keep_separators(a, b) if score(a) >= score(b) else keep_separators(b, a))
    return merged


#: A line only the second reading found is kept when it reads like text: at least this
#: mean confidence per character and three letters or digits.
CREDIBLE_CONFIDENCE = 0.7


def credible(runs: list[list[Word]]) -> bool:
    """Without the median, the second reading also reads a fax's salt specks as short
    low-confidence lines ("sd e", "°"): on the training faxes they were most of what it
    added on its own and raised the CER (docs/ocr.md)."""
    chars = sum(len(w.text) for run in runs for w in run)
    alnum = sum(c.isalnum() for run in runs for w in run for c in w.text)
    return alnum >= 3 and score(runs) >= CREDIBLE_CONFIDENCE * chars
