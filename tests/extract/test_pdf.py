"""PDF text layer: words, boxes, reading order, and every way a PDF can be bad."""

from __future__ import annotations

from dataclasses import replace

import docgen
import pytest
from orderintake.errors import ExtractionError, PdfError, UnsupportedFormatError
from orderintake.extract import ExtractOptions, extract_bytes, extract_file
from orderintake.extract.pdf import TextLayer, _is_garbage
from reportlab.lib import pdfencrypt


def find_word(doc, text):
    return next(w for p in doc.pages for w in p.words if w.text == text)


def test_text_pdf_words_boxes_and_header_lines(order_pdf, options) -> None:
    data, drawn = order_pdf
    doc = extract_bytes(data, "order.pdf", options)
    assert doc.source == "pdf-text" and len(doc.pages) == 1
    page = doc.pages[0]
    assert (round(page.width), round(page.height)) == (595, 842)
    assert page.dpi is None and page.mean_confidence is None
    # The order number keeps its label on the same line, right column after left column.
    line = next(line for line in page.lines if docgen.ORDER_NUMBER in line.text)
    assert line.text.endswith(f"N° de commande : {docgen.ORDER_NUMBER}")
    assert line.text.startswith("69007 Lyon")  # left column first, never interleaved
    # The box is where reportlab drew it (top-left origin, points).
    where = next(d for d in drawn if docgen.ORDER_NUMBER in d.text)
    box = find_word(doc, docgen.ORDER_NUMBER).bbox
    assert where.x < box.x0 < 560 and abs(box.y0 - where.top) < 4
    assert 8 < box.height < 13
    # Table rows are one line each, cells in order.
    assert "REF-2210 Cheville nylon 8 mm 1 000 0,05 50,00" in page.text.splitlines()


def test_number_under_a_table_header_is_on_the_next_line(options) -> None:
    data, _ = docgen.order_pdf(layout="table")
    lines = extract_bytes(data, "t.pdf", options).pages[0].text.splitlines()
    i = lines.index("Commande N° Date Code client Acheteur")
    assert lines[i + 1] == f"{docgen.ORDER_NUMBER} 14/11/2026 CL-0042 M. Dupont"


def test_multi_page_pdf_keeps_page_numbers_and_order(options, tmp_path) -> None:
    data, _ = docgen.order_pdf(pages=3)
    path = tmp_path / "three.pdf"
    path.write_bytes(data)
    doc = extract_file(path, options)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert doc.pages[2].text.splitlines()[-1] == "Page 3/3"
    assert doc.text.count(docgen.ORDER_NUMBER) == 3


def test_empty_password_encryption_is_read(options) -> None:
    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner", strength=128, canPrint=0)
    data, _ = docgen.order_pdf(encrypt=enc)
    assert b"/Encrypt" in data
    assert docgen.ORDER_NUMBER in extract_bytes(data, "e.pdf", options).text


def test_real_password_is_a_clear_error(options) -> None:
    data, _ = docgen.order_pdf(encrypt=pdfencrypt.StandardEncryption("s3cret", "owner"))
    with pytest.raises(PdfError, match="protected by a password"):
        extract_bytes(data, "p.pdf", options)


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda pdf: b"", ExtractionError, "empty"),
        (lambda pdf: pdf[: len(pdf) // 2], PdfError, "truncated"),
        (lambda pdf: pdf[:300] + b"\x00junk" * 300 + pdf[-60:], PdfError, "damaged"),
        (
            lambda pdf: b"<!DOCTYPE html><html><body>502</body></html>",
            UnsupportedFormatError,
            "web page .*\\.pdf",
        ),
        (lambda pdf: b"PK\x03\x04not really a zip", UnsupportedFormatError, "ZIP"),
    ],
    ids=["zero-byte", "truncated", "corrupt", "html-named-pdf", "zip-named-pdf"],
)
def test_bad_files_give_clear_errors(order_pdf, options, make, error, message) -> None:
    with pytest.raises(error, match=message) as info:
        extract_bytes(make(order_pdf[0]), "commande.pdf", options)
    assert "Traceback" not in str(info.value) and len(str(info.value)) < 300


def test_missing_file_is_an_extraction_error(tmp_path, options) -> None:
    with pytest.raises(ExtractionError, match="cannot be opened"):
        extract_file(tmp_path / "nope.pdf", options)


def test_orderx_attachment_is_parsed_and_pages_still_read(options) -> None:
    doc = extract_bytes(docgen.orderx_pdf("CF20230987"), "ox.pdf", options)
    assert doc.source == "order-x" and doc.pages[0].source == "pdf-text"
    ox = doc.orderx
    assert ox is not None
    assert (ox.order_number, ox.type_code, ox.flavor) == ("CF20230987", "220", "order-x")
    assert (ox.buyer_siren, ox.buyer_vat, ox.seller_vat) == (
        "732829320",
        "FR44732829320",
        "FR40303265045",
    )
    assert (ox.quote_reference, ox.total_ht, ox.currency) == ("DV-7781", "142.50", "EUR")
    assert ox.buyer_name == "ACME Industrie SAS" and not ox.is_change
    assert "CF20230987" in doc.text


def test_plain_pdf_has_no_orderx(order_pdf, options) -> None:
    assert extract_bytes(order_pdf[0], "o.pdf", options).orderx is None


def test_garbage_detection_rules() -> None:
    assert _is_garbage("(cid:12)") and _is_garbage("\ue000") and _is_garbage("\ufffd")
    assert not _is_garbage("é") and not _is_garbage("°")
    garbage = TextLayer(595, 842, [], good=3, garbage=300, has_image=False, curves=0)
    assert not garbage.usable and garbage.needs_ocr
    blank = TextLayer(595, 842, [], good=0, garbage=0, has_image=False, curves=0)
    assert not blank.needs_ocr  # an empty page is not worth an OCR run
    typed = TextLayer(595, 842, [], good=500, garbage=3, has_image=True, curves=0)
    assert typed.usable and not typed.needs_ocr


def test_cid_garbage_text_layer_over_a_scan_is_ocred(clean_scan, options) -> None:
    doc = extract_bytes(docgen.cid_garbage_pdf(clean_scan[::2, ::2].copy()), "g.pdf", options)
    page = doc.pages[0]
    assert page.source == "ocr" and "(cid:" not in doc.text
    assert docgen.ORDER_NUMBER in doc.text


def test_mixed_pdf_typed_page_then_scanned_page(options) -> None:
    doc = extract_bytes(docgen.mixed_pdf(), "mixed.pdf", replace(options, dpi=250))
    assert doc.source == "mixed"
    assert [p.source for p in doc.pages] == ["pdf-text", "ocr"]
    assert doc.pages[1].dpi == 250  # a Flate image: rendered by pdfium at ocr_dpi
    assert "Bon pour accord" in doc.pages[1].text
    assert docgen.ORDER_NUMBER in doc.pages[1].text


def test_options_from_settings() -> None:
    from orderintake.config import load_settings

    s = load_settings(env={"ORDERINTAKE_OCR_LANG": "eng", "ORDERINTAKE_OCR_DPI": "200"})
    opt = ExtractOptions.from_settings(s)
    assert (opt.lang, opt.dpi, opt.max_image_pixels) == ("eng", 200, s.max_image_pixels)


def test_scanner_jpeg_is_decoded_directly_at_its_own_resolution(clean_scan) -> None:
    from orderintake.extract.pdf import _open, _text_layers, scanned_jpeg

    small = clean_scan[::2, ::2].copy()  # 150 dpi
    for data, expected in ((docgen.image_pdf([small], 150), 150), (docgen.mixed_pdf(), None)):
        pages, _ = _open(data)
        layer = list(_text_layers(data, pages))[-1]
        found = scanned_jpeg(layer)
        if expected is None:
            assert found is None
        else:
            assert found is not None and found[1] == expected
            assert found[0].shape == small.shape


def fpdf2_jpeg_pdf(gray, dpi: int) -> bytes:
    """A scan put in a PDF by fpdf2's ``image()`` from a JPEG: fpdf2 writes PNG-predictor
    ``DecodeParms`` on the ``DCTDecode`` stream, which pdfminer cannot decode
    ("Unsupported predictor value: 255") although pdfium draws the page."""
    import io

    from fpdf import FPDF
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, "JPEG", quality=85)
    h, w = gray.shape
    pdf = FPDF(unit="pt")
    pdf.add_page(format=(w * 72 / dpi, h * 72 / dpi))
    pdf.image(io.BytesIO(buf.getvalue()), x=0, y=0, w=w * 72 / dpi, h=h * 72 / dpi)
    return bytes(pdf.output())


def test_fpdf2_jpeg_with_predictor_is_read(header_crop, options) -> None:
    from orderintake.extract.pdf import _open, _text_layers, scanned_jpeg

    data = fpdf2_jpeg_pdf(header_crop, 300)
    pages, _ = _open(data)
    layer = next(iter(_text_layers(data, pages)))
    assert not isinstance(layer, PdfError)
    with pytest.raises(Exception, match="predictor"):
        layer.images[0].stream.get_data()  # the pdfminer failure this test is about
    found = scanned_jpeg(layer)  # the raw JPEG bytes are decoded instead
    assert found is not None and found[1] == 300 and found[0].shape == header_crop.shape
    doc = extract_bytes(data, "fpdf2.pdf", options)
    assert [p.source for p in doc.pages] == ["ocr"]
    assert docgen.ORDER_NUMBER in doc.text


def test_page_pdfminer_cannot_decode_is_rendered_by_pdfium(header_crop, options) -> None:
    # Same fpdf2 stream, wrapped in a Flate filter too: no raw-bytes shortcut, so the
    # decoder's failure must send the page to pdfium rather than fail the document.
    import zlib

    data = fpdf2_jpeg_pdf(header_crop, 300)
    start = data.index(b"/Filter /DCTDecode")
    head, rest = data[:start], data[start:]
    s0 = rest.index(b"stream\n") + len(b"stream\n")
    s1 = rest.index(b"\nendstream")
    jpeg = rest[s0:s1]
    dictionary = rest[:s0].replace(b"/Filter /DCTDecode", b"/Filter [/FlateDecode /DCTDecode]")
    packed = zlib.compress(jpeg)
    dictionary = dictionary.replace(b"/Length %d" % len(jpeg), b"/Length %d" % len(packed))
    broken = head + dictionary + packed + rest[s1:]
    doc = extract_bytes(broken, "flate-dct.pdf", options)
    assert [p.source for p in doc.pages] == ["ocr"] and doc.pages[0].dpi == options.dpi
    assert docgen.ORDER_NUMBER in doc.text


def test_pdf_pdfminer_cannot_parse_is_rendered_by_pdfium(header_crop, options) -> None:
    # A page object without /Type /Page: pdfminer finds no page at all, pdfium draws
    # it. Every page is then rendered and OCRed.
    data = docgen.image_pdf([header_crop], 300).replace(b"/Type /Page /Parent", b"/Parent")
    from orderintake.extract.pdf import _open

    with pytest.raises(PdfError, match="damaged"):
        _open(data)
    doc = extract_bytes(data, "kids.pdf", options)
    assert [p.source for p in doc.pages] == ["ocr"] and doc.pages[0].dpi == options.dpi
    assert docgen.ORDER_NUMBER in doc.text


def test_pdf_neither_reader_can_draw_is_a_clear_error(header_crop, options) -> None:
    # /Kids as a bare reference: pdfminer finds no page, pdfium counts one it cannot load.
    data = docgen.image_pdf([header_crop], 300).replace(b"/Kids [3 0 R]", b"/Kids 3 0 R")
    with pytest.raises(PdfError, match="damaged"):
        extract_bytes(data, "kids.pdf", options)
