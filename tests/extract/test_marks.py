"""Coloured marks over the print are read through (``extract/marks.py``).

Why: a clerk circles the order number in blue ballpoint before scanning; in grey the
circle's arcs are as dark as the print and are read as letters glued to the number
(holdout4's and holdout7's "biro" scans). The pages here are drawn with Pillow in
colour and read by the real Tesseract, with and without the step; a number printed in
colour itself must survive it.
"""

from __future__ import annotations

import dataclasses

import docgen
import numpy as np
import pytest
from orderintake.extract import extract_bytes
from orderintake.extract.marks import drop_marks, mark_mask
from PIL import Image, ImageDraw, ImageFont

pytestmark = pytest.mark.slow

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NUMBER = "CDE 98758"
PEN = (32, 41, 128)  # holdout7's ballpoint, measured on its scans
NAVY = (20, 40, 110)


def _page(number_ink: tuple[int, int, int], circle: bool) -> np.ndarray:
    """A 200-dpi RGB half page with "N° de commande : CDE 98758", the number in
    ``number_ink``, and a ballpoint ellipse drawn tight round it (``circle``)."""
    page = Image.new("RGB", (1650, 900), (250, 250, 247))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 30)
    rows = ["Quincaillerie Vernet SAS", "14 avenue de la Gare, 42000 Saint-Étienne",
            "Date : 27/02/2026", "Votre devis : Q2661906"]  # fmt: skip
    for i, text in enumerate(rows):
        draw.text((120, 100 + 70 * i), text, fill=(0, 0, 0), font=font)
    y = 100 + 70 * len(rows)
    draw.text((120, y), "N° de commande :", fill=(0, 0, 0), font=font)
    draw.text((470, y), NUMBER, fill=number_ink, font=font)
    if circle:
        x0, y0, x1, y1 = draw.textbbox((470, y), NUMBER, font=font)
        # The pen crosses the first letter on the left, as a hurried circle does.
        draw.ellipse((x0 + 4, y0 - 16, x1 + 22, y1 + 14), outline=PEN, width=4)
    return np.asarray(page)


def test_the_mask_holds_the_pen_not_the_print() -> None:
    rgb = _page((0, 0, 0), circle=True)
    mask = mark_mask(rgb)
    assert mask is not None
    pen = np.all(rgb == PEN, axis=2)
    assert mask[pen].all()
    black = np.all(rgb == 0, axis=2)
    assert not mask[black].any()
    assert mark_mask(_page((0, 0, 0), circle=False)) is None  # black print only: no marks
    grey = drop_marks(np.asarray(Image.fromarray(rgb).convert("L")), mask)
    assert (grey[pen] > 200).all()


def _read(rgb: np.ndarray, options, dropout: bool = True, focus: bool = True) -> str:
    steps = dataclasses.replace(options.steps, dropout=dropout, focus=focus)
    opts = dataclasses.replace(options, steps=steps)
    data = docgen.image_bytes(rgb, "PNG", 200)
    return extract_bytes(data, "scan.png", opts).text


def _number_line(text: str) -> str:
    return next((ln for ln in text.splitlines() if "commande" in ln), "")


def test_a_number_circled_in_ballpoint_is_read_without_the_circle(options) -> None:
    rgb = _page((0, 0, 0), circle=True)
    assert _number_line(_read(rgb, options)) == f"N° de commande : {NUMBER}"
    # in grey, the circle's arcs are read with the number (unless the line is read again
    # on its own, extract/focus.py, which here gets it right too)
    assert _number_line(_read(rgb, options, dropout=False, focus=False)) != (
        f"N° de commande : {NUMBER}"
    )


def test_a_number_printed_in_colour_is_not_dropped(options) -> None:
    # A navy number circled in blue: both are "marks"; the reading without them lost the
    # number, so the first reading of that line stays.
    text = _read(_page(NAVY, circle=False), options)
    assert NUMBER in text, text
