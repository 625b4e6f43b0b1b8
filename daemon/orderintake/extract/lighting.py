"""Uneven lighting: photographed pages, flattened before they are binarised.

A phone photo of an order (a dark desk around the page, a lamp on one side, a shadow
across it) has no single grey level that separates ink from paper: one Otsu threshold for
the whole image falls between the desk and the paper, and on the paper the darker half
turns to speckle while the text bolds into blobs. Tesseract then reads nothing
(``docs/ocr.md``: holdout2's phone photos, mean confidence 0.24).

The fix is the classical one: estimate the paper's own brightness everywhere (a
morphological close erases the ink, a wide median smooths what is left, both at quarter
resolution so a page costs ~20 ms) and divide the page by it. Paper becomes white
everywhere and ink keeps its contrast with the paper under it; what is no paper at all
(the desk around the sheet) is blanked. A scanner's page, evenly lit, is left untouched: the step runs only when the paper's brightness varies across the page,
or when the paper is dark all over: a photo taken under a dim warm lamp (holdout7's
"warmdark": paper at grey 126, ink at 80) is evenly lit but so flat that Otsu and the
rule finder, tuned on white paper, took whole regions of paper for ink and Tesseract
read nothing; divided by its paper, it is black on white like a scan.
"""

from __future__ import annotations

import cv2
import numpy as np

#: Paper brightness may vary this much (grey levels, 5th to 95th percentile of the
#: estimate) before the page counts as unevenly lit. Scans and faxes stay within a few
#: levels; a photo's desk or shadow is 50–200 levels darker than its paper.
UNEVEN_SPREAD = 40.0
#: Paper darker than this (grey level, 95th percentile of the estimate) is a dim photo,
#: flattened even when evenly lit. Scanned paper is 200–255, coloured paper 170 and up.
DARK_PAPER = 160.0

_SCALE = 0.25


def paper_brightness(gray: np.ndarray) -> np.ndarray:
    """The paper's estimated grey level at every pixel of ``gray`` (same shape, uint8)."""
    small = cv2.resize(gray, None, fx=_SCALE, fy=_SCALE, interpolation=cv2.INTER_AREA)
    # Ink strokes are thin: a close wider than a character's stroke at any usual dpi
    # (15 px at quarter resolution = 60 px) replaces them with the paper around them.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15))
    paper = cv2.medianBlur(cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel), 21)
    return cv2.resize(paper, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)


def is_uneven(paper: np.ndarray) -> bool:
    """Does the paper's brightness vary across the page (a photo, a shadow)?"""
    lo, hi = np.percentile(paper[::8, ::8], [5, 95])
    return float(hi - lo) > UNEVEN_SPREAD


def is_dim(paper: np.ndarray) -> bool:
    """Is the paper dark all over (a photo under a dim lamp)?"""
    return float(np.percentile(paper[::8, ::8], 95)) < DARK_PAPER


def flatten(gray: np.ndarray) -> tuple[np.ndarray, bool]:
    """(page, flattened?): ``gray`` divided by its paper's brightness when that varies or
    is dark all over, else ``gray`` itself."""
    paper = paper_brightness(gray)
    if not (is_uneven(paper) or is_dim(paper)):
        return gray, False
    ratio = gray.astype(np.float32) / np.maximum(paper, 1).astype(np.float32)
    out = np.clip(ratio * 255.0, 0, 255).astype(np.uint8)
    # Around the sheet (a desk, a table) there is no paper: flattened, its grain would be
    # read as rows of letters glued to the page's lines. Less than half the paper's usual
    # brightness is not paper (a shadow on the sheet is rarely that dark): it goes white.
    bright = float(np.percentile(paper[::8, ::8], 95))
    out[paper < 0.5 * bright] = 255
    return out, True
