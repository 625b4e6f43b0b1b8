"""The committed holdout10 corpus is whole and its labels are true to its files.

Why: holdout10 is a frozen exam (skia-python PDF, librsvg rsvg-convert from SVG and Apache FOP
from XSL-FO text PDFs; the same back-ends' own rasterisers — skia raster surface, librsvg PNG,
FOP's PNG renderer — and an own numpy/OpenCV/Pillow scan pipeline; stdlib mails; the committed
files are the corpus). The checks, shared with every frozen corpus, are in
``tests/frozen_corpus.py``; nothing is regenerated and no OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout10Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout10"
    MAX_BYTES = 12 * 1024 * 1024
