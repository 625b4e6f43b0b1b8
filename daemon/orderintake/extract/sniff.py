"""What a file really is, from its first bytes: never trust a name or a declared type.

Mail clients send PDFs as application/octet-stream, name scans ``.pdf`` that are JPEGs,
and hand us HTML error pages named ``commande.pdf``. Every reader decides from here.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
BMP = "image/bmp"
GIF = "image/gif"
WEBP = "image/webp"
ZIP = "application/zip"
OLE = "application/x-ole-storage"  # .doc, .xls, .msg (compound file)
TNEF = "application/ms-tnef"  # winmail.dat
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
RFC822 = "message/rfc822"
UNKNOWN = "application/octet-stream"

IMAGE_TYPES = frozenset({JPEG, PNG, TIFF, BMP, GIF, WEBP})
OFFICE_TYPES = frozenset({OLE, DOCX, XLSX, ODT, ODS})
READABLE_TYPES = frozenset({PDF}) | IMAGE_TYPES


def sniff_type(data: bytes) -> str:
    """The MIME type the bytes really have (``application/octet-stream`` when unknown)."""
    head = data[:2048]
    # TNEF first: a winmail.dat carrying a PDF has "%PDF-" within its first KiB.
    if head.startswith(b"\x78\x9f\x3e\x22"):
        return TNEF
    # A PDF header may follow some junk (mail gateways prepend bytes); readers tolerate 1 KiB.
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head.startswith(b"BM") and len(head) > 14:
        return BMP
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    return UNKNOWN


def _sniff_zip(data: bytes) -> str:
    """Office Open XML and OpenDocument files are ZIPs: look at their members."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mt = zf.read("mimetype").decode("ascii", "replace").strip()
                if mt in (ODT, ODS):
                    return mt
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        pass
    return ZIP
