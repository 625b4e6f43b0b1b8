"""Small test mails: a one-page text-PDF purchase order (no OCR), and non-orders.

Text PDFs keep the daemon tests fast (~0.1 s per mail); OCR is covered by tests/extract.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def order_pdf(number: str, customer: str = "Laboratoire Dupont SAS") -> bytes:
    """A one-page French purchase order whose order number is ``number``."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("Bon de commande")
    _, h = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, h - 70, "BON DE COMMANDE")
    c.setFont("Helvetica", 10)
    c.drawString(60, h - 100, customer)
    c.drawString(60, h - 114, "12 rue des Lilas, 69003 Lyon")
    c.drawString(60, h - 140, f"N° de commande : {number}")
    c.drawString(60, h - 154, "Date : 14/11/2026")
    c.drawString(60, h - 190, "Désignation                 Qté    PU HT     Total HT")
    c.drawString(60, h - 204, "Gants nitrile taille M      10     12,50     125,00")
    c.drawString(60, h - 230, "Total HT : 125,00 EUR")
    c.drawString(60, h - 244, "Merci de rappeler notre numéro de commande sur la facture.")
    c.showPage()
    c.save()
    return buf.getvalue()


def mail(
    subject: str,
    body: str,
    attachments: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
    *,
    message_id: str | None = None,
    sender: str = "achats@dupont-labo.fr",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Service achats <{sender}>"
    msg["To"] = "commandes@fournisseur.fr"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 11, 14, 9, 30, tzinfo=UTC))
    msg["Message-ID"] = message_id or make_msgid(domain="dupont-labo.fr")
    msg.set_content(body)
    for name, data in attachments:
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return msg.as_bytes()


def order_mail(number: str, **kw: object) -> bytes:
    return mail(
        f"Commande {number}",
        "Bonjour,\n\nVeuillez trouver ci-joint notre bon de commande.\n\nCordialement,\nService achats",
        [(f"BC_{number}.pdf", order_pdf(number))],
        **kw,  # type: ignore[arg-type]
    )


def status_question_mail() -> bytes:
    return mail(
        "Où en est notre commande ?",
        "Bonjour,\n\nOù en est notre commande passée la semaine dernière ? Merci.\n",
    )


BROKEN_MAIL = b"\x00\x01 this is not a mail at all \xff\xfe"
