"""What an attachment says about the mail (``hint_from_analysis``), and ``classify-eval
--documents`` through the daemon's real pipeline (reportlab PDFs, pdfminer, the engine).

The documents built in code check the title logic one case at a time; the PDFs check the
whole chain: text layer read, engine run, hint, decision.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from mail_samples import SIGNED_PDF, mail
from orderintake.analysis import analyse
from orderintake.classify import classify, hint_from_analysis
from orderintake.classify_rules import ClassifyRules
from orderintake.cli import _register, app
from orderintake.config import SHIPPED_RULES_DIR
from orderintake.engine_rules import load_engine_rules
from orderintake.extract import ExtractOptions, extract_bytes
from orderintake.message import parse_message
from orderintake.model import Attachment, BBox, Document, Line, Page, Word
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

_register()


def _doc(rows: list[tuple[str, float, float]], source: str = "pdf-text") -> Document:
    """A one-page A4 document from (text, font size, top y) rows."""
    lines = []
    for text, size, y in rows:
        words, x = [], 40.0
        for token in text.split():
            width = 0.5 * size * len(token)
            words.append(Word(token, BBox(x, y, x + width, y + size)))
            x += width + 0.3 * size
        lines.append(Line(tuple(words)))
    page = Page(1, 595.0, 842.0, source, tuple(lines))  # type: ignore[arg-type]
    return Document("doc.pdf", (page,))


COMPANY = [("Tuyauteries Martel SARL", 15, 40), ("4 rue des Forges", 9, 60),
           ("69200 Vénissieux", 9, 72), ("Tél. 04 78 00 00 00", 9, 84)]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("FACTURE N° F-2291", 14, 220), ("Votre commande n° 4500077", 9, 240)], "invoice"),
        ([("Avoir n° AV-12", 14, 220), ("Date : 02/03/2025", 9, 240)], "invoice"),
        ([("DEVIS N° D-77", 14, 220), ("Validité 30 jours", 9, 240)], "quote"),
        (
            [
                ("BON DE COMMANDE", 16, 200),
                ("Votre devis : D-12", 9, 230),
                ("Adresse de facturation : siège", 9, 245),
            ],
            "order",
        ),
        ([("Objet : commande de raccords", 9, 220), ("Madame, Monsieur,", 9, 240)], "order"),
        ([("BON DE LIVRAISON BL-88", 14, 220), ("N° de commande client : 12", 9, 240)], "other"),
        ([("Conditions générales", 9, 220), ("FACTURE", 14, 790)], "none"),
        ([("ACCUSÉ DE RÉCEPTION DE COMMANDE", 14, 220)], "other"),
        ([("RÉF. DEVIS : DV-5501", 9, 220), ("N° DE COMMANDE : 77", 9, 240)], "order"),
        ([("VOTRE COMMANDE N° 77", 9, 220), ("FACTURE", 9, 240)], "invoice"),
        ([("Suivant votre OFFRE G-12", 9, 220), ("Numéro de commande", 9, 240)], "order"),
    ],
)
def test_title_and_head_wording(rows: list[tuple[str, float, float]], expected: str) -> None:
    hint = hint_from_analysis("doc.pdf", _doc(COMPANY + rows), None)
    got = {
        "order": hint.order_wording,
        "invoice": hint.invoice_wording,
        "quote": hint.quote_wording,
        "other": hint.other_wording,
    }
    assert got == {k: k == expected for k in got}


LISTING = [("TRANSFLUID OUEST SA EDITION DU 19/10/26", 9, 40), ("96 RUE VICTOR-HUGO PROG. ACH110R", 9, 52),
           ("SIRET 692037732 00280 TVA FR 92 692 037 732", 9, 64)]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A line printer's listing prints everything in capitals: a sentence asking to quote
        # our references "SUR BL ET FACTURE" is no invoice title (holdout5 ps_erp_listing).
        (
            [
                ("B O N  D E  C O M M A N D E  F O U R N I S S E U R", 9, 84),
                ("N/CDE : 0094955/OD V/DEVIS : D20267880", 9, 164),
                ("MERCI DE RAPPELER NOS REFERENCES SUR BL ET FACTURE.", 9, 324),
            ],
            "order",
        ),
        ([("F A C T U R E", 9, 84), ("VOTRE COMMANDE 0094955", 9, 164)], "invoice"),
        ([("RELEVE DE COMPTE FOURNISSEUR", 9, 84), ("VOS FACTURES ET REGLEMENTS", 9, 164)], "none"),
    ],
)
def test_listing_in_capitals_and_spaced_out_titles(
    rows: list[tuple[str, float, float]], expected: str
) -> None:
    hint = hint_from_analysis("doc.pdf", _doc(LISTING + rows), None)
    got = {"order": hint.order_wording, "invoice": hint.invoice_wording}
    assert got == {k: k == expected for k in got}


def test_score_text_layer_and_signature() -> None:
    doc = _doc(COMPANY, source="ocr")
    as_json = {"order_numbers": [{"value": "A1", "score": 0.81}, {"value": "B", "score": 0.3}]}
    att = Attachment("contrat.pdf", "application/pdf", SIGNED_PDF, "0" * 64)
    hint = hint_from_analysis(att, doc, as_json)
    assert (hint.filename, hint.order_number_score) == ("contrat.pdf", 0.81)
    assert (hint.has_text_layer, hint.is_signed) == (False, True)
    bare = hint_from_analysis("x.pdf", _doc(COMPANY), None)
    assert (bare.order_number_score, bare.has_text_layer, bare.is_signed) == (0.0, True, None)


def _pdf(title: str, rows: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, 800, "Tuyauteries Martel SARL")
    c.setFont("Helvetica", 10)
    c.drawString(50, 784, "4 rue des Forges, 69200 Vénissieux")
    c.setFont("Helvetica-Bold", 18)
    c.drawString(50, 720, title)
    c.setFont("Helvetica", 10)
    for i, row in enumerate(rows):
        c.drawString(50, 690 - 16 * i, row)
    c.drawString(50, 500, "Désignation        Qté      PU HT      Total HT")
    c.drawString(50, 484, "Coude acier 90°     12      4,20       50,40")
    c.save()
    return buf.getvalue()


PO_PDF = _pdf("BON DE COMMANDE", ["N° de commande : MT-2291-77", "Date : 03/03/2025",
                                  "Votre devis : DV-5501"])  # fmt: skip
INVOICE_PDF = _pdf("FACTURE N° F2025-0314", ["Votre commande n° MT-2291-77",
                                             "Date : 10/03/2025"])  # fmt: skip


@pytest.fixture(scope="module")
def engine_rules():  # type: ignore[no-untyped-def]
    return load_engine_rules(SHIPPED_RULES_DIR)


def _real_hint(name: str, data: bytes, engine_rules):  # type: ignore[no-untyped-def]
    document = extract_bytes(data, name, ExtractOptions())
    return hint_from_analysis(
        Attachment(name, "application/pdf", data, "0" * 64),
        document,
        analyse(document, engine_rules),
    )


def test_real_purchase_order_and_invoice(rules: ClassifyRules, engine_rules) -> None:  # type: ignore[no-untyped-def]
    po = _real_hint("achat.pdf", PO_PDF, engine_rules)
    assert po.order_wording and not po.invoice_wording and not po.quote_wording
    assert po.order_number_score >= 0.5 and po.has_text_layer
    invoice = _real_hint("achat.pdf", INVOICE_PDF, engine_rules)
    assert invoice.invoice_wording and not invoice.order_wording
    raw = mail(subject="Commande MT-2291-77", body="Ci-joint notre commande.",
               attachments=[("achat.pdf", INVOICE_PDF, "application/pdf")]).as_bytes()  # fmt: skip
    message = parse_message(raw)
    assert classify(message, rules).is_order
    result = classify(message, rules, [invoice])
    assert not result.is_order
    assert any("reads like an invoice" in r for r in result.reasons)
    assert not any("order-number candidate" in r for r in result.reasons)


def test_classify_eval_with_documents(tmp_path: Path) -> None:
    mails = tmp_path / "mails"
    mails.mkdir()
    neutral = mail(subject="Chantier Berthelot", body="Bonjour,\nVoici le document.\nMerci",
                   attachments=[("doc.pdf", PO_PDF, "application/pdf")])  # fmt: skip
    invoice = mail(subject="Commande MT-2291-77", body="Ci-joint notre commande.",
                   attachments=[("doc.pdf", INVOICE_PDF, "application/pdf")])  # fmt: skip
    (mails / "a.eml").write_bytes(neutral.as_bytes())
    (mails / "b.eml").write_bytes(invoice.as_bytes())
    (tmp_path / "labels.csv").write_text(
        "path,kind,is_order\nmails/a.eml,eml,1\nmails/b.eml,eml,0\n"
    )
    result = CliRunner().invoke(app, ["classify-eval", str(tmp_path), "--documents", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    without, with_docs = result.output.split("with documents")
    assert "1 false positives, 1 missed" in without
    assert "precision 100.00%  recall 100.00%" in with_docs
    assert "false positive " not in with_docs and "false negative" not in with_docs
