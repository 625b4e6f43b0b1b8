"""The committed holdout9 corpus is whole and its labels are true to its files.

Why: holdout9 is a frozen exam (jsPDF, Qt 6 QPdfWriter and Apache PDFBox text PDFs, PDFBox's
PDFRenderer and an own numpy/OpenCV/Pillow scan pipeline, stdlib mails; the committed files are
the corpus). The checks, shared with every frozen corpus, are in ``tests/frozen_corpus.py``;
nothing is regenerated and no OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout9Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout9"
    MAX_BYTES = 10 * 1024 * 1024
