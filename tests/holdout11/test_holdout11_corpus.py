"""The committed holdout11 corpus is whole and its labels are true to its files.

Why: holdout11 is a frozen exam (text PDFs from hand-written content streams, assembled by
pikepdf with own simple TrueType fonts or by MuPDF's ``mutool create``; scans rasterised from
the same page model by an own FreeType renderer and degraded by an own numpy/OpenCV/Pillow
pipeline; stdlib mails; the committed files are the corpus). The checks, shared with every
frozen corpus, are in ``tests/frozen_corpus.py``; nothing is regenerated and no OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout11Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout11"
    MAX_BYTES = 12 * 1024 * 1024
