"""The committed holdout13 corpus is whole and its labels are true to its files.

Why: holdout13 is a frozen exam (text PDFs from one own page model, written by TCPDF 6.6.2
through PHP; scans rastered from the same page model by PHP GD / FreeType and degraded by an
own numpy/OpenCV/Pillow pipeline; stdlib mails; the committed files are the corpus). The checks,
shared with every frozen corpus, are in ``tests/frozen_corpus.py``; nothing is regenerated and no
OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout13Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout13"
    MAX_BYTES = 12 * 1024 * 1024
