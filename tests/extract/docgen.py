"""Test documents generated on the fly: purchase orders drawn with reportlab, scans
rendered with pypdfium2 and degraded with OpenCV. Shared by the tests, the benchmark
(``tests/bench/bench_extract.py``) and the CER study (``tests/bench/cer_study.py``).

Each generator also returns what it drew where (text and top-left box in points), so
tests can check both the text and the boxes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

W, H = A4  # points

ORDER_NUMBER = "PO-2024-08817"

ITEMS = [
    ("REF-1042", "Vis inox A2 tête fraisée 4x30", "500", "0,12", "60,00"),
    ("REF-2210", "Cheville nylon 8 mm", "1 000", "0,05", "50,00"),
    ("REF-3307", "Rondelle plate M8 zinguée", "250", "0,04", "10,00"),
    ("REF-4711", "Écrou hexagonal M8 classe 8", "250", "0,09", "22,50"),
]


@dataclass(frozen=True)
class Drawn:
    text: str
    page: int
    x: float  # left, points
    top: float  # top of the text, points from the top of the page
    size: float


class Doc:
    """A reportlab canvas that remembers where each string was drawn."""

    def __init__(self, encrypt: object = None) -> None:
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4, encrypt=encrypt, invariant=1)
        self.page = 1
        self.drawn: list[Drawn] = []

    def text(self, x: float, top: float, s: str, size: float = 10, bold: bool = False) -> None:
        self.c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        self.c.drawString(x, H - top - size * 0.8, s)
        self.drawn.append(Drawn(s, self.page, x, top, size))

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1

    def finish(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


def draw_order(d: Doc, number: str = ORDER_NUMBER, layout: str = "header") -> None:
    """One purchase-order page. ``layout``: ``header`` (two-column header with
    'N° de commande : X' on the right), ``table`` (number under a table header)."""
    # Left column: the customer's address block, 13 pt pitch.
    left = [
        "ACME Industrie SAS",
        "12 rue des Forges",
        "69007 Lyon",
        "SIRET 732 829 320 00074",
        "TVA FR44 732829320",
        "Tél. 04 72 00 00 00",
    ]
    for i, s in enumerate(left):
        d.text(50, 60 + 13 * i, s, 10, bold=i == 0)
    # Right column: the order header, 17 pt pitch (different from the left: no shared rows).
    d.text(330, 58, "BON DE COMMANDE", 14, bold=True)
    if layout == "header":
        d.text(330, 84, f"N° de commande : {number}", 10)
    d.text(330, 101, "Date : 14/11/2026", 10)
    d.text(330, 118, "Devis : DV-7781", 10)
    d.text(330, 135, "Fournisseur : Quincaillerie Martin", 10)
    top = 190
    if layout == "table":
        headers = ["Commande N°", "Date", "Code client", "Acheteur"]
        values = [number, "14/11/2026", "CL-0042", "M. Dupont"]
        for i, (h, v) in enumerate(zip(headers, values, strict=True)):
            d.text(50 + 130 * i, top, h, 10, bold=True)
            d.text(50 + 130 * i, top + 16, v, 10)
        top += 50
    cols = [50, 130, 360, 420, 490]
    for x, h in zip(cols, ["Réf.", "Désignation", "Qté", "PU HT", "Total HT"], strict=True):
        d.text(x, top, h, 10, bold=True)
    for r, row in enumerate(ITEMS):
        for x, cell in zip(cols, row, strict=True):
            d.text(x, top + 18 * (r + 1), cell, 10)
    y = top + 18 * (len(ITEMS) + 2)
    d.text(360, y, "Total HT : 142,50 EUR", 10, bold=True)
    d.text(50, y + 40, "Merci de rappeler notre numéro de commande sur la facture.", 10)
    d.text(50, y + 56, "Conditions : paiement à 30 jours fin de mois.", 10)


def order_pdf(
    number: str = ORDER_NUMBER, layout: str = "header", pages: int = 1, encrypt: object = None
) -> tuple[bytes, list[Drawn]]:
    d = Doc(encrypt=encrypt)
    for p in range(pages):
        if p:
            d.new_page()
        draw_order(d, number, layout)
        d.text(480, 800, f"Page {p + 1}/{pages}", 8)
    return d.finish(), d.drawn


def render_gray(pdf: bytes, dpi: int = 300, page: int = 0) -> np.ndarray:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        bitmap = doc[page].render(scale=dpi / 72, grayscale=True)
        arr = bitmap.to_numpy()
        return (arr[:, :, 0] if arr.ndim == 3 else arr).copy()
    finally:
        doc.close()


def degrade(gray: np.ndarray, angle: float = 1.5, noise: float = 12.0, seed: int = 7) -> np.ndarray:
    """A scanner's defects: a slight rotation, blur, grain and a few specks."""
    rng = np.random.default_rng(seed)
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    out = cv2.GaussianBlur(out, (3, 3), 0.6)
    out = out.astype(np.float32) + rng.normal(0, noise, out.shape).astype(np.float32)
    specks = rng.integers(0, h * w, size=(h * w) // 4000)
    flat = out.reshape(-1)
    flat[specks] = 0
    return np.clip(out, 0, 255).astype(np.uint8)


def image_bytes(gray: np.ndarray, fmt: str, dpi: int | None = 300, **kw: object) -> bytes:
    img = Image.fromarray(gray)
    buf = io.BytesIO()
    params: dict[str, object] = dict(kw)
    if dpi:
        params["dpi"] = (dpi, dpi)
    if fmt == "JPEG":
        params.setdefault("quality", 85)
    img.save(buf, format=fmt, **params)
    return buf.getvalue()


def tiff_pages(grays: list[np.ndarray], dpi: int = 300) -> bytes:
    imgs = [Image.fromarray(g) for g in grays]
    buf = io.BytesIO()
    imgs[0].save(
        buf,
        format="TIFF",
        save_all=True,
        append_images=imgs[1:],
        dpi=(dpi, dpi),
        compression="tiff_lzw",
    )
    return buf.getvalue()


def image_pdf(grays: list[np.ndarray], dpi: int = 300) -> bytes:
    """An image-only PDF, one plain DCTDecode JPEG filling each page (what a scanner
    sends; reportlab would wrap the JPEG in ASCII85, which scanners do not)."""
    n = len(grays)
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(n)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
    ]
    for i, g in enumerate(grays):
        jpeg = image_bytes(g, "JPEG", dpi)
        h, w = g.shape
        pw, ph = w * 72 / dpi, h * 72 / dpi
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q" % (pw, ph)
        page, cont, img = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (pw, ph, img, cont)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
            % (w, h, len(jpeg))
            + jpeg
            + b"\nendstream"
        )
        del page
    return raw_pdf(objects)


def mixed_pdf(number: str = ORDER_NUMBER, scan_text: str = "Bon pour accord") -> bytes:
    """Page 1 typed (text layer), page 2 a scanned signature page (image only)."""
    d = Doc()
    draw_order(d, number)
    sig = Doc()
    sig.text(60, 100, scan_text, 22, bold=True)
    sig.text(60, 140, f"Commande {number} signée le 15/11/2026", 16)
    sig.text(60, 175, "Signature et cachet du client", 16)
    scan = degrade(render_gray(sig.finish(), 200), angle=1.0, noise=8)
    from reportlab.lib.utils import ImageReader

    d.new_page()
    # A PIL image is stored Flate-compressed: this page goes through pdfium's renderer.
    d.c.drawImage(ImageReader(Image.fromarray(scan)), 0, 0, width=W, height=H)
    return d.finish()


ORDERX_XML = """<?xml version="1.0" encoding="UTF-8"?>
<rsm:SCRDMCCBDACIOMessageStructure
  xmlns:rsm="urn:un:unece:uncefact:data:SCRDMCCBDACIOMessageStructure:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:128"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:128"
  xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:128">
 <rsm:ExchangedDocumentContext>
  <ram:GuidelineSpecifiedDocumentContextParameter>
   <ram:ID>urn:order-x.eu:1p0:basic</ram:ID>
  </ram:GuidelineSpecifiedDocumentContextParameter>
 </rsm:ExchangedDocumentContext>
 <rsm:ExchangedDocument>
  <ram:ID>{number}</ram:ID>
  <ram:TypeCode>{type_code}</ram:TypeCode>
  <ram:IssueDateTime><udt:DateTimeString format="102">20261114</udt:DateTimeString></ram:IssueDateTime>
 </rsm:ExchangedDocument>
 <rsm:SupplyChainTradeTransaction>
  <ram:ApplicableHeaderTradeAgreement>
   <ram:SellerTradeParty>
    <ram:Name>Quincaillerie Martin</ram:Name>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR40303265045</ram:ID></ram:SpecifiedTaxRegistration>
   </ram:SellerTradeParty>
   <ram:BuyerTradeParty>
    <ram:Name>ACME Industrie SAS</ram:Name>
    <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">732829320</ram:ID></ram:SpecifiedLegalOrganization>
    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR44732829320</ram:ID></ram:SpecifiedTaxRegistration>
   </ram:BuyerTradeParty>
   <ram:QuotationReferencedDocument><ram:IssuerAssignedID>DV-7781</ram:IssuerAssignedID></ram:QuotationReferencedDocument>
  </ram:ApplicableHeaderTradeAgreement>
  <ram:ApplicableHeaderTradeDelivery/>
  <ram:ApplicableHeaderTradeSettlement>
   <ram:OrderCurrencyCode>EUR</ram:OrderCurrencyCode>
   <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    <ram:LineTotalAmount>142.50</ram:LineTotalAmount>
    <ram:TaxBasisTotalAmount>142.50</ram:TaxBasisTotalAmount>
   </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
  </ram:ApplicableHeaderTradeSettlement>
 </rsm:SupplyChainTradeTransaction>
</rsm:SCRDMCCBDACIOMessageStructure>
"""


def orderx_pdf(number: str = ORDER_NUMBER, type_code: str = "220") -> bytes:
    """A typed order with its Order-X XML attached (order-x.xml), as factur-x makes it."""
    import warnings

    from facturx import generate_from_binary

    pdf, _ = order_pdf(number)
    xml = ORDERX_XML.format(number=number, type_code=type_code).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bytes(
            generate_from_binary(pdf, xml, flavor="order-x", level="basic", check_xsd=False)
        )


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1-based; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def cid_garbage_pdf(scan: np.ndarray | None) -> bytes:
    """A page whose text layer is a CID font without a Unicode map — pdfminer can only
    say ``(cid:N)`` — over a scanned image (when given): the page must be OCRed."""
    glyphs = "".join(f"{0x20 + (i * 7) % 90:04X}" for i in range(120))
    content = b"BT /F1 10 Tf 50 800 Td <" + glyphs.encode() + b"> Tj ET"
    resources = b"/Font << /F1 5 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"",  # page, below
        b"",  # content, below
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Garbled /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Garbled /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /Garbled /Flags 4 /FontBBox [0 0 1000 1000] "
        b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    if scan is not None:
        jpeg = image_bytes(scan, "JPEG", None)
        h, w = scan.shape
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
            % (w, h, len(jpeg))
            + jpeg
            + b"\nendstream"
        )
        resources += b" /XObject << /Im1 8 0 R >>"
        content = b"q 595.28 0 0 841.89 0 0 cm /Im1 Do Q " + content
    objects[2] = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << "
        + resources
        + b" >> /Contents 4 0 R >>"
    )
    objects[3] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    return raw_pdf(objects)


def fax(gray: np.ndarray, dpi: int = 200, seed: int = 3, specks: int = 2500) -> np.ndarray:
    """A fax of a 300-dpi grey page: resampled to ``dpi``, thresholded to pure black and
    white with thin strokes (only the darkest pixels stay ink), salt specks sprinkled.
    This is what a CCITT G4 TIFF from a fax server decodes to."""
    rng = np.random.default_rng(seed)
    small = cv2.resize(gray, None, fx=dpi / 300, fy=dpi / 300, interpolation=cv2.INTER_AREA)
    out = np.where(small < 90, 0, 255).astype(np.uint8)
    h, w = out.shape
    ys, xs = rng.integers(0, h, specks), rng.integers(0, w, specks)
    out[ys, xs] = 0
    return out


def fax_tiff(gray: np.ndarray, dpi: int = 200) -> bytes:
    """``gray`` (pure black and white) as a 1-bit CCITT G4 TIFF."""
    buf = io.BytesIO()
    Image.fromarray(gray).convert("1").save(
        buf, format="TIFF", dpi=(dpi, dpi), compression="group4"
    )
    return buf.getvalue()


def photo(gray: np.ndarray, seed: int = 5) -> np.ndarray:
    """A phone photo of a page: the sheet on a dark desk, lit from one side (its far edge
    half as bright as the near one), with sensor grain. Every step is a plain array
    operation, so the picture is the same on every machine."""
    rng = np.random.default_rng(seed)
    h, w = gray.shape
    pad = max(h, w) // 12
    canvas = np.full((h + 2 * pad, w + 2 * pad), 55.0, dtype=np.float32)
    canvas[pad : pad + h, pad : pad + w] = gray.astype(np.float32)
    ch, cw = canvas.shape
    light = (
        np.linspace(1.0, 0.5, cw, dtype=np.float32)[None, :]
        * np.linspace(1.0, 0.8, ch, dtype=np.float32)[:, None]
    )
    lit = canvas * light + rng.normal(0.0, 6.0, canvas.shape).astype(np.float32)
    return np.clip(lit, 0, 255).astype(np.uint8)
