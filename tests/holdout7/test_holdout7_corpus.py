"""The committed holdout7 corpus is whole and its labels are true to its files.

Why: holdout7 is a frozen exam (XeLaTeX, hand-written PostScript → Ghostscript and matplotlib
text PDFs, an own OpenCV/numpy/Pillow scan pipeline, stdlib mails; the committed files are the
corpus). The checks, shared with every frozen corpus, are in ``tests/frozen_corpus.py``;
nothing is regenerated and no OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout7Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout7"
    MAX_BYTES = 10 * 1024 * 1024
