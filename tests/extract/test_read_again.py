"""The word re-read and the line re-read share one Tesseract call (extract/reread.py).

Each Tesseract call loads the language models again (0.16 s for fra+eng), so both
re-reads of a page go in one call; but stacked on ONE strip, the line re-read's wide lines
changed how Tesseract read the small word crops (holdout7 lost two numbers). So each
plan's crops are a strip of their own, and the strips are the pages of one call. These
tests check, with the real Tesseract, that the pages of one call are read apart (each
page's words are its own, as read alone), and that both re-reads of a page cost one call
and give what the two re-reads give one after the other.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from orderintake.extract.focus import plan_focus, reread_focus
from orderintake.extract.ocr import _read, _read_pages, _words
from orderintake.extract.reread import plan_numbers, read_again, reread_numbers
from orderintake.model import BBox, Word

pytestmark = pytest.mark.slow

DPI = 300
K = 72.0 / DPI


def read_strip(strip: np.ndarray) -> list[list[Word]]:
    return _words(_read(strip, "fra+eng", 6, 60, True), 72)


def _strip(text: str, scale: float = 1.6) -> np.ndarray:
    img = np.full((120, 1400), 255, np.uint8)
    cv2.putText(img, text, (20, 80), cv2.FONT_HERSHEY_SIMPLEX, scale, 0, 3)
    return img


def test_the_pages_of_one_call_are_read_apart() -> None:
    first, second = _strip("Commande PO-2024-08817"), _strip("Total 1234,50 EUR")
    pages = _read_pages([first, second], "fra+eng", 6, 60)
    assert len(pages) == 2
    words = [[w.text for run in _words(page, 72) for w in run] for page in pages]
    assert words[0] == [w.text for run in read_strip(first) for w in run]
    assert words[1] == [w.text for run in read_strip(second) for w in run]
    assert "PO-2024-08817" in words[0] and "PO-2024-08817" not in words[1]
    assert "1234,50" in words[1]


def _page() -> tuple[np.ndarray, list[list[Word]]]:
    """A grey 300-dpi page strip "Commande n° BC-696737-01 du 12/10/2026" and a first
    reading of it that lost the number's dash, with the words' boxes from the ink."""
    img = np.full((220, 2300), 255, np.uint8)
    x, found = 60, []
    for part in ["Commande", "n°", "BC-696737-01", "du", "12/10/2026"]:
        (w, _), _ = cv2.getTextSize(part, cv2.FONT_HERSHEY_SIMPLEX, 1.6, 3)
        cv2.putText(img, part, (x, 130), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 3, cv2.LINE_AA)
        ys, xs = np.nonzero(img[:, x - 5 : x + w + 5] < 128)
        box = BBox((x - 5 + xs.min()) * K, ys.min() * K, (x - 5 + xs.max()) * K, ys.max() * K)
        found.append(Word(part, box, 0.95))
        x += w + 45
    lost = {"BC-696737-01": Word("BC696737-01", BBox(0, 0, 0, 0), 0.63)}
    return img, [[Word(lost[w.text].text, w.bbox, 0.63) if w.text in lost else w for w in found]]


def test_both_rereads_of_a_page_cost_one_call_and_read_as_one_after_the_other() -> None:
    img, first = _page()
    plans = [plan_numbers(first, img.shape, DPI), plan_focus(first, img.shape, DPI)]
    assert all(p is not None and p.cuts for p in plans)  # both re-reads have work here
    calls: list[int] = []

    def counting(strips: list[np.ndarray]) -> list[list[list[Word]]]:
        calls.append(len(strips))
        pages = _read_pages(strips, "fra+eng", 6, 60)
        return [_words(page, 72) for page in pages]

    together = read_again(img, first, DPI, counting, plans)
    assert calls == [2]  # one Tesseract call, one page per re-read
    apart = reread_focus(img, reread_numbers(img, first, DPI, read_strip), DPI, read_strip)
    assert [[w.text for w in run] for run in together] == [[w.text for w in run] for run in apart]
    assert "BC-696737-01" in [w.text for run in together for w in run]
