"""Scans and images through OpenCV + the real Tesseract: text, boxes, rotation, limits.

OCR costs ~1–3 s a page, so most tests read only the top of the page (header crop).
"""

from __future__ import annotations

import dataclasses
import io

import cv2
import docgen
import numpy as np
import pytest
from orderintake.errors import ImageError
from orderintake.extract import extract_bytes
from orderintake.extract.image import guess_dpi
from orderintake.extract.ocr import estimate_skew, rotate
from PIL import Image

pytestmark = pytest.mark.slow


def word(doc, text):
    return next(w for p in doc.pages for w in p.words if text in w.text)


def test_skew_is_measured_and_undone(noisy_scan) -> None:
    angle = estimate_skew(noisy_scan, 300)
    assert 1.2 < abs(angle) < 1.8
    assert abs(estimate_skew(rotate(noisy_scan, angle), 300)) < 0.3


def test_noisy_image_only_pdf_reads_number_where_it_was_drawn(noisy_scan, order_pdf, options):
    doc = extract_bytes(docgen.image_pdf([noisy_scan]), "scan.pdf", options)
    page = doc.pages[0]
    assert page.source == "ocr" and page.dpi == 300
    assert 1.2 < abs(page.rotation) < 1.8
    assert 0.7 < page.mean_confidence <= 1.0
    assert abs(page.width - 595.3) < 1 and abs(page.height - 841.9) < 1
    assert docgen.ORDER_NUMBER in doc.text
    drawn = next(d for d in order_pdf[1] if docgen.ORDER_NUMBER in d.text)
    box = word(doc, docgen.ORDER_NUMBER).bbox
    # Right of the label, on the drawn line (deskewed about the centre: within a few pt).
    assert drawn.x + 80 < box.x0 < drawn.x + 140 and abs(box.y0 - drawn.top) < 8
    assert all(0 <= w.confidence <= 1 for w in page.words)
    line = next(line for line in page.lines if docgen.ORDER_NUMBER in line.text)
    assert "commande" in line.text  # label and value stay on one line


def test_jpeg_png_bmp_are_read(header_crop, options) -> None:
    small = cv2.resize(header_crop, None, fx=2 / 3, fy=2 / 3, interpolation=cv2.INTER_AREA)
    cases = {
        "scan.jpg": (docgen.image_bytes(header_crop, "JPEG", 300), 300),
        "scan.png": (docgen.image_bytes(small, "PNG", 200), 300),  # upscaled from 200 dpi
        "scan.bmp": (docgen.image_bytes(header_crop, "BMP", 300), 300),
    }
    for name, (data, dpi) in cases.items():
        doc = extract_bytes(data, name, options)
        assert doc.source == "ocr" and len(doc.pages) == 1, name
        assert doc.pages[0].dpi == dpi, name
        assert docgen.ORDER_NUMBER in doc.text, (name, doc.text)


def test_multi_page_tiff_pages_in_order(options) -> None:
    pages = []
    for n in ("CF20230987", "4500012345"):
        d = docgen.Doc()
        d.text(60, 60, f"Commande {n}", 24)
        pages.append(docgen.render_gray(d.finish(), 300)[:500].copy())
    doc = extract_bytes(docgen.tiff_pages(pages), "two.tif", options)
    assert [p.number for p in doc.pages] == [1, 2]
    assert "CF20230987" in doc.pages[0].text and "4500012345" in doc.pages[1].text


def test_exif_orientation_is_honoured(header_crop, options) -> None:
    # Stored sideways with the tag "rotate 90° clockwise to display" (orientation 6).
    sideways = np.ascontiguousarray(np.rot90(header_crop, 1))
    img = Image.fromarray(sideways)
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, format="JPEG", dpi=(300, 300), exif=exif, quality=90)
    no_osd = dataclasses.replace(
        options, steps=dataclasses.replace(options.steps, orientation=False)
    )
    doc = extract_bytes(buf.getvalue(), "photo.jpg", no_osd)
    assert docgen.ORDER_NUMBER in doc.text
    assert doc.pages[0].width > doc.pages[0].height  # landscape crop, upright again


def test_upside_down_page_is_turned_by_orientation_detection(header_crop, options) -> None:
    upside = docgen.image_bytes(np.ascontiguousarray(header_crop[::-1, ::-1]), "PNG", 300)
    doc = extract_bytes(upside, "upside.png", options)
    assert docgen.ORDER_NUMBER in doc.text
    assert abs(abs(doc.pages[0].rotation) - 180) < 2


def test_image_over_the_pixel_limit_is_refused_before_decoding(header_crop, options) -> None:
    data = docgen.image_bytes(header_crop, "PNG", 300)
    small_limit = dataclasses.replace(options, max_image_pixels=1_000_000)
    with pytest.raises(ImageError, match="too large"):
        extract_bytes(data, "big.png", small_limit)
    tiny_limit = dataclasses.replace(options, max_image_pixels=100_000)  # > 2× limit: bomb
    with pytest.raises(ImageError, match="too large"):
        extract_bytes(data, "bomb.png", tiny_limit)
    buf = io.BytesIO()
    Image.new("1", (12_000, 12_000), 1).save(buf, format="PNG")  # 144 Mpx, a few KB
    with pytest.raises(ImageError, match="too large"):
        extract_bytes(buf.getvalue(), "huge.png", options)


def test_damaged_image_is_a_clear_error(header_crop, options) -> None:
    data = docgen.image_bytes(header_crop, "PNG", 300)
    with pytest.raises(ImageError, match="cannot be read"):
        extract_bytes(data[: len(data) // 3], "cut.png", options)


def test_dpi_from_the_file_else_from_a4_size() -> None:
    assert guess_dpi((1000, 1000), {"dpi": (150.0, 150.0)}) == 150
    assert guess_dpi((2480, 3508), {}) == 300
    assert guess_dpi((1654, 2339), {"dpi": (1, 1)}) == 200  # JFIF "no unit" density


def test_preprocessing_steps_do_what_they_say(header_crop) -> None:
    from orderintake.extract import OcrSteps
    from orderintake.extract.ocr import preprocess

    small = np.ascontiguousarray(header_crop[::3, ::3])  # 100 dpi
    up = preprocess(small, 100, OcrSteps())
    assert up.dpi == 300 and abs(up.image.shape[0] - 3 * small.shape[0]) <= 3
    assert set(np.unique(up.image)) <= {0, 255}  # Otsu
    same = preprocess(small, 100, OcrSteps(upscale=False))
    assert same.dpi == 100 and same.image.shape == small.shape
    grey = preprocess(
        small,
        100,
        OcrSteps(upscale=False, binarize="none", denoise=False, deskew=False, rules=False),
    )
    assert np.array_equal(grey.image, small)


def boxed_table_scan() -> np.ndarray:
    """A header table as the "table-header" orders draw it: a grey-shaded, framed row of
    labels and a framed row of values under it, rendered at 300 dpi."""
    d = docgen.Doc()
    c = d.c
    labels = ["Date", "N° BC", "Code client", "Réf. devis"]
    values = ["26/10/2023", docgen.ORDER_NUMBER, "C09019", "G8455"]
    x0, width, top = 50.0, 120.0, 80.0
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = x0 + width * i
        c.setFillGray(0.85)
        c.setLineWidth(1.2)
        c.rect(x, docgen.H - top - 18, width, 18, stroke=1, fill=1)
        c.rect(x, docgen.H - top - 38, width, 20, stroke=1, fill=0)
        c.setFillGray(0)
        d.text(x + 5, top + 4, label, 10, bold=True)
        d.text(x + 5, top + 24, value, 10)
    return docgen.render_gray(d.finish(), 300)[:650].copy()


def test_framed_table_cells_are_read_once_rules_are_removed(options) -> None:
    from orderintake.extract.ocr import ocr_page
    from orderintake.extract.regions import missed_rows, remove_rules

    gray = boxed_table_scan()
    cleaned = remove_rules(gray, 300)
    row = round((80 + 38) * 300 / 72)  # the bottom frame line of the value row
    assert (gray[row - 3 : row + 3, 300:1800] < 128).any()
    assert (cleaned[row - 3 : row + 3, 300:1800] > 200).all()
    assert len(missed_rows(cleaned, [], 300)) >= 4  # cells of both rows: nothing read yet
    page = ocr_page(gray, 300, 1, options)
    words = [list(line.words) for line in page.lines]
    assert missed_rows(cleaned, words, 300) == []  # every inked row was read
    # Without the step the shaded, framed label row came back as "EC CE CT NE LC".
    assert "Code client" in page.text and "devis" in page.text
    assert docgen.ORDER_NUMBER in page.text and "26/10/2023" in page.text


def test_bilevel_fax_gets_a_second_anti_aliased_read_and_grey_pages_do_not(
    header_crop, options, monkeypatch
) -> None:
    """A 200-dpi CCITT G4 fax (thin strokes, salt specks) is read twice on the same
    levelled page and the readings merged (docs/ocr.md); a grey scan of the same header
    is read once, so clean pages never pay for the second read."""
    from orderintake.extract import ocr

    shapes: list[tuple[int, ...]] = []
    real_read = ocr._read

    def counting_read(img, *args):
        shapes.append(img.shape)
        return real_read(img, *args)

    monkeypatch.setattr(ocr, "_read", counting_read)
    fax = docgen.fax(docgen.degrade(header_crop, angle=1.2, noise=6), 200)
    assert set(np.unique(fax)) == {0, 255}
    doc = extract_bytes(docgen.fax_tiff(fax, 200), "fax.tif", options)
    page = doc.pages[0]
    assert page.dpi == 300 and 0.9 < abs(page.rotation) < 1.5
    page_shape = (round(fax.shape[0] * 1.5), round(fax.shape[1] * 1.5))
    assert shapes.count(page_shape) == 2, shapes  # first read + anti-aliased read
    assert docgen.ORDER_NUMBER in doc.text, doc.text
    line = next(line for line in page.lines if docgen.ORDER_NUMBER in line.text)
    assert "commande" in line.text  # the merge kept label and value on one line

    shapes.clear()
    grey = extract_bytes(docgen.image_bytes(header_crop, "PNG", 300), "scan.png", options)
    assert docgen.ORDER_NUMBER in grey.text
    assert shapes.count(header_crop.shape) == 1, shapes

    shapes.clear()
    off = dataclasses.replace(
        options, steps=dataclasses.replace(options.steps, bilevel_second_read=False)
    )
    extract_bytes(docgen.fax_tiff(fax, 200), "fax.tif", off)
    assert shapes.count(page_shape) == 1, shapes


def test_skipped_rows_are_found_band_by_band_among_specks() -> None:
    """``missed_rows`` only analyses the bands of pixel rows that still hold ink once the
    read words are blanked; a row of letters is found wherever it is, specks are not."""
    from orderintake.extract.regions import missed_rows
    from orderintake.model import BBox, Word

    d = docgen.Doc()
    d.text(60, 100, "Numéro 4500064926/A1", 11, bold=True)
    d.text(300, 600, "Livraison le 07/09/2025", 10)
    page = docgen.render_gray(d.finish(), 300)
    rng = np.random.default_rng(5)
    page[rng.integers(0, page.shape[0], 400), rng.integers(0, page.shape[1], 400)] = 0
    rows = missed_rows(page, [], 300)
    assert len(rows) == 2, rows
    tops = sorted(round(r[1] * 72 / 300) for r in rows)
    assert abs(tops[0] - 100) < 6 and abs(tops[1] - 600) < 6
    # The first row read: only the second is left.
    read = [[Word("Numéro", BBox(58, 98, 260, 114), 0.9)]]
    assert [round(r[1] * 72 / 300) for r in missed_rows(page, read, 300)] == [tops[1]]
    specks_only = np.full_like(page, 255)
    specks_only[rng.integers(0, page.shape[0], 400), rng.integers(0, page.shape[1], 400)] = 0
    assert missed_rows(specks_only, [], 300) == []


def test_an_unevenly_lit_photo_is_flattened_before_binarisation(header_crop, options) -> None:
    """A phone photo (dark desk, light falling off across the sheet): one Otsu threshold
    for the whole picture turns the dim half to speckle; divided by the paper's own
    brightness first (:mod:`orderintake.extract.lighting`), the page reads. An evenly lit
    scan is left exactly as it was."""
    from orderintake.extract.lighting import flatten

    pic = docgen.photo(header_crop)
    flat, done = flatten(pic)
    assert done and flat[5, 5] == 255  # the desk is no paper: blanked
    same, done = flatten(header_crop)
    assert not done and same is header_crop

    data = docgen.image_bytes(pic, "PNG", 300)
    doc = extract_bytes(data, "photo.png", options)
    assert docgen.ORDER_NUMBER in doc.text, doc.text
    off = dataclasses.replace(options, steps=dataclasses.replace(options.steps, flatten=False))
    unflattened = extract_bytes(data, "photo.png", off)
    assert docgen.ORDER_NUMBER not in unflattened.text
    assert doc.pages[0].mean_confidence > unflattened.pages[0].mean_confidence + 0.2


def test_a_dim_photo_is_flattened_too(header_crop, options) -> None:
    """A photo under a dim warm lamp (holdout7's "warmdark"): evenly lit, but the paper
    is grey 126 and the ink 80, with the sensor's noise. It is divided by its paper like
    an unevenly lit one (on holdout7's two such photos the page-wide steps had taken
    regions of paper for ink, and Tesseract read nothing), and reads."""
    from orderintake.extract.lighting import flatten

    rng = np.random.default_rng(7)
    dim = 78.0 + header_crop.astype(np.float64) * (48.0 / 255.0)
    dim += rng.normal(0.0, 3.0, dim.shape)
    pic = np.clip(dim, 0, 255).astype(np.uint8)
    flat, done = flatten(pic)
    assert done and float(np.percentile(flat, 50)) > 240  # the paper is white again
    data = docgen.image_bytes(pic, "JPEG", 300, quality=70)
    doc = extract_bytes(data, "photo.jpg", options)
    assert docgen.ORDER_NUMBER in doc.text, doc.text


def test_a_screenshot_with_small_print_is_enlarged_by_the_size_of_its_characters(
    order_pdf, options
) -> None:
    """A screenshot of a PDF viewer has no true resolution: its size makes it a 164-dpi
    "A4" page, but the page shown in it was drawn at 64 dpi (characters about 7 px). The
    enlargement follows the measured character height, not the guessed resolution."""
    from orderintake.extract.ocr import char_height

    page = docgen.render_gray(order_pdf[0], 64)[:340]
    screen = np.full((1080, 1920), 70, np.uint8)  # the viewer's dark background
    h, w = page.shape
    screen[120 : 120 + h, 700 : 700 + w] = page
    height = char_height(screen)
    assert height is not None and height < 11
    data = docgen.image_bytes(screen, "PNG", None)
    doc = extract_bytes(data, "Capture d'écran.png", options)
    assert docgen.ORDER_NUMBER in doc.text
    assert doc.pages[0].dpi == 300  # enlarged to ordinary 300-dpi print


def test_a_faded_fax_has_its_strokes_thickened_and_a_normal_one_not() -> None:
    from orderintake.extract.ocr import stroke_width, thicken_if_faded

    def page(stroke: int) -> np.ndarray:
        img = np.full((400, 600), 255, np.uint8)
        for y in range(40, 360, 20):
            cv2.putText(img, "CDE 2026.0400", (20, y), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 0, stroke)
        _, img = cv2.threshold(img, 127, 255, cv2.THRESH_BINARY)
        return img

    thin, normal = page(1), page(3)
    assert stroke_width(255 - thin) < 2.5 < stroke_width(255 - normal)
    thickened = thicken_if_faded(thin, 200)
    assert np.count_nonzero(thickened == 0) > 1.3 * np.count_nonzero(thin == 0)
    assert thicken_if_faded(normal, 200) is normal
    grey = cv2.GaussianBlur(thin, (3, 3), 0)  # not bilevel: a grey scan is left alone
    assert thicken_if_faded(grey, 200) is grey
