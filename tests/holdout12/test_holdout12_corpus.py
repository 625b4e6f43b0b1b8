"""The committed holdout12 corpus is whole and its labels are true to its files.

Why: holdout12 is a frozen exam (text PDFs from one own page model, written as SVG and exported
by Inkscape 1.2, or painted at absolute boxes by borb 3.0.9; scans exported to PNG by Inkscape
from the same page model and degraded by an own numpy/OpenCV/Pillow pipeline; stdlib mails; the
committed files are the corpus). The checks, shared with every frozen corpus, are in
``tests/frozen_corpus.py``; nothing is regenerated and no OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout12Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout12"
    MAX_BYTES = 12 * 1024 * 1024
