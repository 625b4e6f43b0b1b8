"""The committed holdout5 corpus is whole and its labels are true to its files.

Why: holdout5 is a frozen exam (wkhtmltopdf, ghostscript and cairo stamp dates into their
PDFs, so the documents and mails themselves are committed). The checks, shared with every
frozen corpus, are in ``tests/frozen_corpus.py``; nothing is regenerated and no OCR runs.
"""

from __future__ import annotations

from pathlib import Path

from frozen_corpus import FrozenCorpusChecks

ROOT = Path(__file__).resolve().parents[2]


class TestHoldout5Corpus(FrozenCorpusChecks):
    CORPUS = ROOT / "training_set" / "holdout5"
    MAX_BYTES = 12 * 1024 * 1024
