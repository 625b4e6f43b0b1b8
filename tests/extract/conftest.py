"""Fixtures for the readers' tests: documents are generated here, never checked in.

``docgen`` draws purchase orders with reportlab and makes scans of them (pypdfium2 render
+ OpenCV rotation, blur, grain, specks). OCR runs on the real Tesseract; the scans are
made once per session and kept to a handful of pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))

import docgen
from orderintake.extract import ExtractOptions


@pytest.fixture(scope="session")
def options() -> ExtractOptions:
    return ExtractOptions()


@pytest.fixture(scope="session")
def order_pdf() -> tuple[bytes, list[docgen.Drawn]]:
    return docgen.order_pdf()


@pytest.fixture(scope="session")
def clean_scan(order_pdf: tuple[bytes, list[docgen.Drawn]]) -> np.ndarray:
    """The order rendered at 300 dpi, grey."""
    return docgen.render_gray(order_pdf[0], 300)


@pytest.fixture(scope="session")
def noisy_scan(clean_scan: np.ndarray) -> np.ndarray:
    """The same page as a cheap scanner gives it: turned 1.5°, blurred, grainy, specked."""
    return docgen.degrade(clean_scan, angle=1.5, noise=12)


@pytest.fixture(scope="session")
def header_crop(clean_scan: np.ndarray) -> np.ndarray:
    """The top of the page (address block and order header): quick to OCR."""
    return clean_scan[:1250].copy()
