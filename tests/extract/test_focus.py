"""The lines that announce an order number are read again as lines (extract/focus.py).

A page read drops a number's faint dash ("BC696737-01" for BC-696737-01) and a word
re-read alone, without its line, may not get it back. These tests check which lines are
chosen (announcing lines and the line below, only with a number the page read doubted),
and, with the real Tesseract on a rendered line, that the lost dash comes back while a
re-reading that is no better leaves the page read alone.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from orderintake.extract.focus import MAX_LINES, focus_lines, reread_focus
from orderintake.extract.ocr import _read, _words
from orderintake.model import BBox, Word

DPI = 300
K = 72.0 / DPI


def read_strip(strip: np.ndarray) -> list[list[Word]]:
    return _words(_read(strip, "fra+eng", 6, 60, True), 72)


def _w(text: str, x: float, y: float, conf: float = 0.95) -> Word:
    return Word(text, BBox(x, y, x + 8 * len(text), y + 12), conf)


def test_only_announcing_lines_and_the_line_below_with_doubted_numbers() -> None:
    runs = [
        [_w("Commande", 20, 100), _w("n°", 100, 100), _w("BC696737", 130, 100, 0.8)],
        [_w("Date", 20, 130), _w("12/10/2026", 100, 130, 0.7)],  # below an announcing line
        [_w("Téléphone", 20, 300), _w("0467123456", 120, 300, 0.5)],  # not announced
        [_w("Order", 20, 400), _w("no.", 70, 400), _w("4500123456", 110, 400, 0.99)],  # sure
        [_w("Total", 20, 430), _w("1234,50", 110, 430, 0.99)],
    ]
    boxes = focus_lines(runs)
    assert [round(b.y0) for b in boxes] == [100, 130]
    many = [
        [_w("PO", 20, 100 + 40 * i), _w(f"26-{1000 + i}", 60, 100 + 40 * i, 0.5)] for i in range(9)
    ]
    assert len(focus_lines(many)) == MAX_LINES


def _line(text: str) -> tuple[np.ndarray, list[list[Word]]]:
    """A grey 300-dpi strip with one line of print, and its words' boxes from the ink
    (word by word, as a first read would give them)."""
    img = np.full((220, 2300), 255, np.uint8)
    x = 60
    words: list[tuple[str, int, int]] = []
    for part in text.split():
        (w, _), _ = cv2.getTextSize(part, cv2.FONT_HERSHEY_SIMPLEX, 1.6, 3)
        cv2.putText(img, part, (x, 130), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 3, cv2.LINE_AA)
        words.append((part, x, x + w))
        x += w + 45
    boxes = []
    for part, x0, x1 in words:
        ys, xs = np.nonzero(img[:, x0 - 5 : x1 + 5] < 128)
        boxes.append(
            (
                part,
                BBox((x0 - 5 + xs.min()) * K, ys.min() * K, (x0 - 5 + xs.max()) * K, ys.max() * K),
            )
        )
    return img, [[Word(t, b, 0.95) for t, b in boxes]]


@pytest.mark.slow
def test_a_lost_dash_comes_back_from_the_line() -> None:
    img, runs = _line("Commande n° BC-696737-01 du 12/10/2026")
    first = [
        [w if w.text != "BC-696737-01" else Word("BC696737-01", w.bbox, 0.63) for w in runs[0]]
    ]
    out = reread_focus(img, first, DPI, read_strip)
    texts = [w.text for w in out[0]]
    assert "BC-696737-01" in texts and "BC696737-01" not in texts
    assert [w.text for w in out[0] if w.text != "BC-696737-01"] == [
        w.text for w in first[0] if w.text != "BC696737-01"
    ]


@pytest.mark.slow
def test_a_reading_no_better_leaves_the_page_read_alone() -> None:
    img, runs = _line("Commande n° BC-696737-01 du 12/10/2026")
    # The page read says something else with the same confidence as the re-read would:
    # no separator regained, no clear gain: the page read stays.
    first = [
        [w if w.text != "BC-696737-01" else Word("BC-696787-01", w.bbox, 0.9) for w in runs[0]]
    ]
    assert reread_focus(img, first, DPI, read_strip) == first
    calls: list[int] = []

    def counting(strip: np.ndarray) -> list[list[Word]]:
        calls.append(1)
        return read_strip(strip)

    # A line that announces nothing is not read again, however unsure its numbers.
    texts = {"Commande": "Livraison", "BC-696737-01": "69673701"}
    plain = [[Word(texts.get(w.text, w.text), w.bbox, 0.6) for w in runs[0]]]
    assert reread_focus(img, plain, DPI, counting) == plain and not calls
