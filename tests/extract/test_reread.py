"""Number-like words Tesseract doubted are read again alone, enlarged (extract/reread.py).

A whole-page read sometimes turns one character of a number into a mark ("PO26%0097"),
with a low confidence. These tests give the real Tesseract a rendered page and a first
reading that holds such a misread at the right place, and check that the word is read
again and replaced, mapped back to the page; and that confident words, plain prose and a
re-reading that is no better leave the first reading alone.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from orderintake.extract.ocr import _read, _words
from orderintake.extract.reread import is_suspect, reread_numbers
from orderintake.model import BBox, Word

pytestmark = pytest.mark.slow

DPI = 300


def read_strip(strip: np.ndarray) -> list[list[Word]]:
    return _words(_read(strip, "fra+eng", 6, 60, True), 72)


@pytest.fixture(scope="module")
def page() -> tuple[np.ndarray, BBox]:
    """A grey 300-dpi strip of page with "N° de commande : PO2680097" and the number's box
    in points (found from the ink, as a first read would give it)."""
    img = np.full((200, 1800), 255, np.uint8)
    cv2.putText(img, "Commande :", (60, 120), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 4, cv2.LINE_AA)
    cv2.putText(img, "PO2680097", (600, 120), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 4, cv2.LINE_AA)
    ys, xs = np.nonzero(img[:, 580:] < 128)
    k = 72.0 / DPI
    box = BBox((580 + xs.min()) * k, ys.min() * k, (580 + xs.max()) * k, ys.max() * k)
    return img, box


def test_which_words_are_suspect() -> None:
    box = BBox(0, 0, 40, 10)
    assert is_suspect(Word("PO26%0097", box, 0.44))
    assert is_suspect(Word("C0832H913", box, 0.34))
    assert is_suspect(Word("5016173", box, 0.05))  # hardly any confidence at all
    assert not is_suspect(Word("PO26%0097", box, 0.91))  # Tesseract was sure
    assert not is_suspect(Word("5016173", box, 0.45))  # plain digits, some confidence
    assert not is_suspect(Word("Commande", box, 0.20))  # no number in it


def test_a_doubted_number_is_read_again_and_replaced(page) -> None:
    img, box = page
    label = Word("Commande", BBox(14, 16, 90, 30), 0.95)
    first = [[label, Word("PO26%0097", box, 0.44)]]
    out = reread_numbers(img, first, DPI, read_strip)
    assert [w.text for w in out[0]] == ["Commande", "PO2680097"]
    new = out[0][1]
    assert new.confidence >= 0.6
    # mapped back onto the page: the same place within a few points
    assert abs(new.bbox.x0 - box.x0) < 4 and abs(new.bbox.y1 - box.y1) < 4
    assert out[0][0] is label


def test_confident_words_and_no_better_rereads_are_kept(page) -> None:
    img, box = page
    sure = [[Word("PO26%0097", box, 0.9)]]
    assert reread_numbers(img, sure, DPI, read_strip) == sure
    # the box points at blank paper: the re-reading finds nothing, the word stays
    blank = [[Word("PO26%0097", BBox(400, 5, 430, 12), 0.4)]]
    assert reread_numbers(img, blank, DPI, read_strip) == blank
