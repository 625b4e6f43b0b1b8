"""Word/Excel/OpenDocument orders converted to PDF by LibreOffice (one real conversion)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from orderintake.errors import ExtractionError
from orderintake.extract.office import convert_to_pdf, is_office

MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path='
    '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)
CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
    '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text='
    '"urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
    "<office:text><text:p>BON DE COMMANDE N° CF20230987</text:p></office:text></office:body>"
    "</office:document-content>"
)


def odt() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("META-INF/manifest.xml", MANIFEST)
        zf.writestr("content.xml", CONTENT)
    return buf.getvalue()


def test_odt_becomes_a_pdf_with_its_text() -> None:
    import pypdfium2

    data = odt()
    assert is_office(data, "commande.odt")
    pdf = convert_to_pdf(data, "commande.odt", timeout=120)
    doc = pypdfium2.PdfDocument(pdf)
    try:
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert "CF20230987" in text


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def test_timeout_kills_the_conversion(tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, "sleep 30")
    with pytest.raises(ExtractionError, match="took more than 1 s") as err:
        convert_to_pdf(odt(), "commande.odt", timeout=1, soffice=fake)
    assert err.value.retryable


def test_failed_conversion_is_explained(tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    with pytest.raises(ExtractionError, match=r"could not convert it to PDF.*could not be loaded"):
        convert_to_pdf(odt(), "commande.odt", soffice=fake)


def test_not_an_office_file() -> None:
    assert not is_office(b"%PDF-1.4", "x.pdf")
    with pytest.raises(ExtractionError, match="not a Word, Excel or OpenDocument file"):
        convert_to_pdf(b"hello", "notes.txt")


def test_an_office_order_is_read_like_a_pdf_and_its_number_found() -> None:
    from orderintake.analysis import analyse
    from orderintake.config import SHIPPED_RULES_DIR
    from orderintake.engine_rules import load_engine_rules
    from orderintake.extract import ExtractOptions, extract_bytes

    doc = extract_bytes(odt(), "Commande été.odt", ExtractOptions())
    assert doc.source == "pdf-text" and "CF20230987" in doc.text
    best = analyse(doc, load_engine_rules(SHIPPED_RULES_DIR)).order_numbers[0]
    assert best.value == "CF20230987"
