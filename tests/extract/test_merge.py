"""Two readings of one page merged line by line (``extract/merge.py``): pure, no OCR.

The bilevel second read (docs/ocr.md) is only worth its Tesseract call if the merge
keeps, for each line, the reading that read it better, and never loses a line that only
one reading found.
"""

from __future__ import annotations

import numpy as np
from orderintake.extract.marks import merge_unmarked
from orderintake.extract.merge import is_bilevel, keep_separators, merge_reads
from orderintake.model import BBox, Word


def run(top: float, *words: tuple[str, float, float, float]) -> list[Word]:
    """One line at ``top`` (12 pt high): words as (text, x0, x1, confidence)."""
    return [Word(t, BBox(x0, top, x1, top + 12), c) for t, x0, x1, c in words]


def texts(runs: list[list[Word]]) -> list[str]:
    return sorted(" ".join(w.text for w in r) for r in runs)


def test_each_line_comes_from_the_more_confident_reading() -> None:
    first = [
        run(100, ("N°", 50, 62, 0.9), ("commande", 66, 120, 0.6), ("4008S6040", 124, 190, 0.4)),
        run(130, ("Date", 50, 80, 0.95), ("14/11/2026", 84, 150, 0.95)),
    ]
    second = [
        run(101, ("N°", 50, 62, 0.9), ("commande", 66, 120, 0.9), ("4000856640", 124, 192, 0.9)),
        run(131, ("Dale", 50, 80, 0.5), ("14/11/2026", 84, 150, 0.8)),
    ]
    assert texts(merge_reads(first, second)) == [
        "Date 14/11/2026",
        "N° commande 4000856640",
    ]


def test_a_reading_that_drops_words_does_not_win_on_confidence_alone() -> None:
    # The second reading is surer of "commande" but lost the number: summed per
    # character, the first reading's whole line scores more.
    first = [run(100, ("commande", 66, 120, 0.6), ("4000856640", 124, 192, 0.6))]
    second = [run(100, ("commande", 66, 120, 0.95))]
    assert texts(merge_reads(first, second)) == ["commande 4000856640"]


def test_lines_only_one_reading_found_are_kept_and_split_lines_cluster() -> None:
    first = [
        run(100, ("Total", 50, 80, 0.7), ("142,50", 300, 340, 0.7)),  # one run
        run(200, ("Merci", 50, 90, 0.9)),  # only here
    ]
    second = [
        run(100, ("Total", 50, 80, 0.9)),  # the same line in two runs
        run(100, ("142,50", 300, 340, 0.9)),
        run(300, ("Conditions", 50, 110, 0.8)),  # only here
    ]
    assert texts(merge_reads(first, second)) == ["142,50", "Conditions", "Merci", "Total"]
    assert merge_reads([], second) == second
    assert merge_reads(first, []) == first


def test_a_numbers_separators_are_kept_from_the_reading_that_read_them() -> None:
    # holdout6's inkjet page: the page read lost the faint dashes ("BDC 26 4086", each
    # piece sure of itself) and read the rest of the line better; the other reading kept
    # the dashes. The line stays the surer reading's, with the joined number spliced in.
    page = [
        run(
            60,
            ("Prés", 50, 80, 0.96),
            ("BDC", 400, 425, 0.92),
            ("26", 431, 445, 0.96),
            ("4086", 451, 480, 0.95),
        )
    ]
    other = [run(60, ("Frés", 50, 80, 0.5), ("BDC-26-4086", 400, 480, 0.89))]
    marked = np.full((1000, 1000), 255, np.uint8)
    for merged in (
        merge_reads(page, other),
        merge_reads(other, page),
        merge_unmarked(page, other, marked, 72),
    ):
        assert texts(merged) == ["Prés BDC-26-4086"]
    # Other digits, or another place on the line: nothing is spliced.
    assert texts(merge_reads(page, [run(60, ("BDC-26-4036", 400, 480, 0.5))])) == [
        "Prés BDC 26 4086"
    ]
    assert texts(merge_reads(page, [run(60, ("BDC-26-4086", 600, 680, 0.5))])) == [
        "Prés BDC 26 4086"
    ]
    # A colon ahead of the number is no piece of it: "Date : 1403/2024" keeps its colon
    # (the line re-read of holdout's phone photo swallowed it, and the date lost its label).
    dated = [run(60, ("Date", 50, 80, 0.92), (":", 84, 87, 0.92), ("1403/2024", 92, 150, 0.72))]
    again = [run(60, ("1403/2024", 92, 150, 0.71))]
    assert keep_separators(dated, again) == dated


def test_bilevel_means_only_pure_black_and_white() -> None:
    page = np.full((700, 500), 255, np.uint8)
    page[100:120, 50:400] = 0
    assert is_bilevel(page)
    page[300:320, 50:400] = 128  # one grey bar: a grey scan
    assert not is_bilevel(page)
    assert not is_bilevel(np.zeros((0, 0), np.uint8))
