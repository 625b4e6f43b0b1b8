"""Small mails and attachments built in code for the mail tests (no binary fixtures).

Each builder returns bytes as a mail client would send them; the PDFs are minimal but
carry the markers the code looks at (a font = text layer, an image only = scan,
``/ByteRange`` + ``/Sig`` = signed).
"""

from __future__ import annotations

import io
import struct
from email.message import EmailMessage

from PIL import Image

TEXT_PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj\n"
    b"2 0 obj <</Length 44>> stream\nBT /F1 12 Tf 72 700 Td (BON DE COMMANDE) Tj ET\n"
    b"endstream endobj\n%%EOF\n"
)
SCAN_PDF = (
    b"%PDF-1.4\n1 0 obj <</Type /XObject /Subtype /Image /Width 1700 /Height 2200>> endobj\n%%EOF\n"
)
SIGNED_PDF = (
    b"%PDF-1.7\n1 0 obj <</Type /Font /Subtype /Type1>> endobj\n"
    b"2 0 obj <</Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 100 200 300]>> endobj\n%%EOF\n"
)


def png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (width, height), 255).save(buf, "PNG")
    return buf.getvalue()


def jpeg(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (width, height), 200).save(buf, "JPEG", quality=30)
    return buf.getvalue()


def mail(
    subject: str = "Bon de commande 4500012345",
    body: str = "Bonjour,\nVeuillez trouver ci-joint notre commande.\nCordialement",
    attachments: list[tuple[str, bytes, str]] | None = None,
    *,
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    """A mail with (filename, data, 'maintype/subtype') attachments."""
    m = EmailMessage()
    m["From"] = "Acheteur <achats@client.example>"
    m["To"] = "commandes@fournisseur.example"
    m["Subject"] = subject
    m["Message-ID"] = "<test-1@client.example>"
    m["Date"] = "Mon, 03 Jun 2024 10:00:00 +0200"
    for k, v in (headers or {}).items():
        m[k] = v
    m.set_content(body)
    if html is not None:
        m.add_alternative(html, subtype="html")
    for name, data, ctype in attachments or []:
        maintype, subtype = ctype.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m


def order_mail(**kw: object) -> bytes:
    kw.setdefault("attachments", [("commande.pdf", TEXT_PDF, "application/pdf")])
    return mail(**kw).as_bytes()  # type: ignore[arg-type]


def tnef(files: list[tuple[str, bytes]]) -> bytes:
    """A minimal winmail.dat: signature, key, then per file rendering data, title, data."""

    def obj(level: int, name: int, typ: int, data: bytes) -> bytes:
        checksum = sum(data) & 0xFFFF
        return (
            struct.pack("<BHHI", level, name, typ, len(data)) + data + struct.pack("<H", checksum)
        )

    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += obj(1, 0x9006, 0x0008, struct.pack("<I", 0x00010000))  # TNEF version
    out += obj(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))  # OEM code page
    for name, data in files:
        out += obj(2, 0x9002, 0x0006, b"\x01\x00\xff\xff\xff\xff" + b"\x00" * 8)
        out += obj(2, 0x8010, 0x0001, name.encode("ascii") + b"\x00")
        out += obj(2, 0x800F, 0x0006, data)
    return out + obj(1, 0x8008, 0x0001, b"IPM.Note\x00")
