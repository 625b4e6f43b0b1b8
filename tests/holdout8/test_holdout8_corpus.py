"""The committed holdout8 corpus is whole and its labels are true to its files.

Why: holdout8 is a frozen exam (Node.js PDFKit, pdf-lib and libHaru text PDFs, an own Pillow
raster and numpy/OpenCV/Pillow scan pipeline, stdlib mails; the committed files are the
corpus). The checks, shared with every frozen corpus, are in ``tests/frozen_corpus.py``;
nothing is regenerated and no OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout8Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout8"
    MAX_BYTES = 10 * 1024 * 1024
