"""Print turned a quarter turn up a side band is read (``extract/sideways.py``).

Why: some order forms print their title and number only up a coloured band along the
page's edge (holdout5's side-band forms); the upright page read gives nothing for it. The
page here is drawn with Pillow and read by the real Tesseract.
"""

from __future__ import annotations

import dataclasses

import docgen
import numpy as np
import pytest
from orderintake.extract import extract_bytes
from PIL import Image, ImageDraw, ImageFont

pytestmark = pytest.mark.slow

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NUMBER = "BDC816512"


def _page(band: bool) -> np.ndarray:
    """A 200-dpi half page: upright text, and the order title up the left edge, light on
    a dark band (``band``) or dark on the paper."""
    page = Image.new("L", (1650, 1200), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 28)
    rows = ["Menuiserie Tessier SARL", "Rue du Professeur Lemaire, 92160 Antony",
            "Date : 02/10/2026   Votre offre : DV26-7784", "Article   Désignation   Qté",
            "PMP-CEN-1.5   Pompe centrifuge 1,5 kW   5"]  # fmt: skip
    for i, text in enumerate(rows):
        draw.text((260, 120 + 70 * i), text, fill=0, font=font)
    title = Image.new("L", (1000, 70), 40 if band else 255)
    ImageDraw.Draw(title).text(
        (20, 14), f"BON DE COMMANDE N° {NUMBER}", fill=235 if band else 0, font=font
    )
    page.paste(title.rotate(90, expand=True), (60, 120))  # reads bottom to top
    return np.asarray(page)


@pytest.mark.parametrize("band", [True, False])
def test_a_title_printed_up_the_page_edge_is_read_as_a_line(band: bool, options) -> None:
    data = docgen.image_bytes(_page(band), "PNG", 200)
    doc = extract_bytes(data, "scan.png", options)
    line = next((ln for ln in doc.pages[0].lines if NUMBER in ln.text), None)
    assert line is not None, doc.text
    assert "COMMANDE" in line.text
    box = line.bbox
    assert box.height > 4 * box.width  # a line up the page, where it was printed
    assert box.x1 < 60  # points: in the band at the left edge
    off = dataclasses.replace(options, steps=dataclasses.replace(options.steps, sideways=False))
    assert NUMBER not in extract_bytes(data, "scan.png", off).text
