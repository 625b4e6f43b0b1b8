"""Readers: a file's bytes → one :class:`~orderintake.model.Document`, whatever the source.

Dispatch is on what the bytes are (:func:`.sniff.sniff_type`), never on the file name:
a JPEG named ``.pdf`` is read as a JPEG, an HTML error page named ``commande.pdf`` is
refused with a clear message. Only :class:`~orderintake.errors.ExtractionError`
subclasses leave this package.

This module imports nothing heavy: pdfminer when a PDF is read, OpenCV/Tesseract/pdfium
only when a page needs OCR, so ``orderintake extract typed.pdf`` starts fast.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import ExtractionError, UnsupportedFormatError
from ..model import Document
from . import sniff
from .options import ExtractOptions, OcrSteps

__all__ = ["ExtractOptions", "OcrSteps", "extract_bytes", "extract_file"]

log = logging.getLogger(__name__)

_NAMES = {
    "text/html": "a web page (HTML)",
    sniff.ZIP: "a ZIP archive",
    sniff.OLE: "a Microsoft Office (OLE) file",
    sniff.DOCX: "a Word document",
    sniff.XLSX: "an Excel workbook",
    sniff.ODT: "an OpenDocument text",
    sniff.ODS: "an OpenDocument spreadsheet",
    sniff.TNEF: "an Outlook winmail.dat",
}


def _describe(data: bytes, mime: str) -> str:
    if mime in _NAMES:
        return _NAMES[mime]
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return _NAMES["text/html"]
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return "an XML or text file"
    return "not a document we can read"


def extract_bytes(data: bytes, name: str, options: ExtractOptions) -> Document:
    """Read a PDF or an image into a :class:`Document` (pages of words with boxes).

    ``name`` is only kept as ``Document.name`` and used to word errors. Raises an
    :class:`ExtractionError` subclass with a message a clerk can act on (the caller
    knows which file it was).
    """
    if not data:
        raise ExtractionError("the file is empty (0 bytes)")
    mime = sniff.sniff_type(data)
    if mime == sniff.PDF:
        from .pdf import read_pdf

        pages, embedded = read_pdf(data, options)
        orderx = None
        if embedded:
            from .orderx import read_orderx

            orderx = read_orderx(data)
        return Document(name=name, pages=pages, orderx=orderx)
    if mime in sniff.IMAGE_TYPES:
        from .image import read_image

        return Document(name=name, pages=read_image(data, options))
    if mime in sniff.OFFICE_TYPES:
        from .office import convert_to_pdf, is_office

        if is_office(data, name):
            # Word, Excel and OpenDocument orders: LibreOffice lays them out as a PDF
            # (the layout is what the engine's "right of / below the label" needs).
            pdf = convert_to_pdf(data, Path(name).name or "document", timeout=options.timeout)
            from .pdf import read_pdf

            pages, _embedded = read_pdf(pdf, options)
            return Document(name=name, pages=pages)
    suffix = Path(name).suffix.lower()
    what = _describe(data, mime)
    claimed = f" although its name ends in {suffix}" if suffix else ""
    raise UnsupportedFormatError(f"this file is {what}{claimed}, not a PDF or an image")


def extract_file(path: Path, options: ExtractOptions) -> Document:
    """:func:`extract_bytes` on a file's content."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ExtractionError(f"the file cannot be opened ({exc.strerror or exc})") from exc
    return extract_bytes(data, str(path), options)
