"""The corpus generator lives in ``training_set/`` at the repository root, outside the
installed package: make it importable for these tests."""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
