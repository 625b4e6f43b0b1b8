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
from orderintake.extract.reread import is_suspect, reread_numbers, tangles
from orderintake.model import BBox, Word
from PIL import Image, ImageDraw, ImageFont

pytestmark = pytest.mark.slow

DPI = 300
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


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
    # Letters or separators among the digits are doubted up to 0.7 (holdout8):
    assert is_suspect(Word("2026-57-2696", box, 0.49))  # printed 2026-ST-2696
    assert is_suspect(Word("BC696737-01.", box, 0.63))  # printed BC-696737-01
    assert not is_suspect(Word("2026-57-2696", box, 0.75))
    assert not is_suspect(Word("5016173", box, 0.65))  # plain digits: 0.6 as before


def test_a_number_read_without_its_dash_is_read_again_with_it() -> None:
    # "BC696737-01." at 0.63: confident enough to pass before, but its first dash was lost.
    img = np.full((200, 1800), 255, np.uint8)
    cv2.putText(img, "BC-696737-01", (300, 120), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 4, cv2.LINE_AA)
    ys, xs = np.nonzero(img < 128)
    k = 72.0 / DPI
    box = BBox(xs.min() * k, ys.min() * k, xs.max() * k, ys.max() * k)
    out = reread_numbers(img, [[Word("BC696737-01", box, 0.63)]], DPI, read_strip)
    assert [w.text for w in out[0]] == ["BC-696737-01"]


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


# --- tangles: a number cut up between two of Tesseract's lines --------------------------


def _box(x0: float, y0: float, x1: float, y1: float) -> BBox:
    return BBox(x0, y0, x1, y1)


def test_pieces_of_different_lines_touching_on_a_row_are_a_tangle() -> None:
    # holdout6's 120-dpi scan: "ZINV749690" came out as "ZIN" + "49690" on one of
    # Tesseract's lines and "\" + "[7" on the address line above it.
    address = [Word("Jaurès", _box(300, 63, 340, 75), 0.9)]
    upper = [*address, Word("\\", _box(489.1, 66.5, 493.0, 77.5), 0.9)]
    upper.append(Word("[7", _box(494.9, 62.6, 507.8, 78.5), 0.86))
    lower = [Word("ZIN", _box(465.8, 65.5, 488.4, 85.0), 0.88)]
    lower.append(Word("49690", _box(507.4, 65.3, 554.4, 85.0), 0.93))
    assert tangles([upper, lower]) == [[(0, 1), (0, 2), (1, 0), (1, 1)]]


def test_ordinary_lines_have_no_tangle() -> None:
    # neighbours on one of Tesseract's lines, and two columns far apart, are no tangle
    left = [Word("12", _box(40, 60, 52, 70), 0.9), Word("rue", _box(54, 60, 70, 70), 0.9)]
    right = [
        Word("Commande", _box(380, 61, 440, 71), 0.9),
        Word("4500123", _box(444, 61, 490, 71), 0.9),
    ]
    assert tangles([left, right]) == []
    # the skipped-rows read over the page read gives one word twice: no tangle either
    # (the benchmark's clean page paid a re-read for "DV-7781" over "DV-778")
    twice = [
        [Word("DV-7781", _box(377, 61, 401, 71), 0.9)],
        [Word("DV-778", _box(363, 61.5, 396, 71), 0.8)],
    ]
    assert tangles(twice) == []
    # a tangle of words without digits (a title cut up) is not worth a read
    cut = [
        [Word("COM", _box(380, 61, 410, 71), 0.9)],
        [Word("MANDE", _box(410.5, 62, 450, 72), 0.9)],
    ]
    assert tangles(cut) == []


def test_a_tangle_is_read_again_as_one_word() -> None:
    """A title-sized "ZINV749690" given as four confident pieces on two lines (as the
    120-dpi scan gave it) comes back whole, where it is printed, and the pieces are gone."""
    canvas = Image.new("L", (1400, 220), 255)
    ImageDraw.Draw(canvas).text((500, 80), "ZINV749690", font=ImageFont.truetype(BOLD, 45), fill=0)
    img = np.array(canvas)
    ys, xs = np.nonzero(img < 128)
    k = 72.0 / DPI
    x0, x1, y0, y1 = xs.min() * k, xs.max() * k, ys.min() * k, ys.max() * k
    w = (x1 - x0) / 10  # one character's width

    def piece(text: str, first: int, last: int, conf: float) -> Word:
        return Word(text, BBox(x0 + first * w, y0, x0 + last * w, y1), conf)

    address = Word("Jaurès", BBox(20, y0 - 1, 80, y1 - 1), 0.95)
    first = [
        [address, piece("\\", 3, 3.4, 0.9), piece("[7", 3.6, 5, 0.86)],
        [piece("ZIN", 0, 2.9, 0.88), piece("49690", 4.9, 10, 0.93)],
    ]
    out = reread_numbers(img, first, DPI, read_strip)
    assert [[w.text for w in run] for run in out] == [["Jaurès"], ["ZINV749690"]]
    new = out[1][0]
    assert new.confidence >= 0.7
    assert abs(new.bbox.x0 - x0) < 4 and abs(new.bbox.x1 - x1) < 4
