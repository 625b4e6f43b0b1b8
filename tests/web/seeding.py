"""Seed the store the way the pipeline would: mails with a real PDF, candidates, identifiers.

The PDF is drawn with reportlab, and each candidate's box is the box of the text drawn
on the page (in top-left page points, like the readers produce), so the highlight in
the browser can be checked against the real drawing. Used by the web tests and by
``tests/bench/bench_web.py`` (which bulk-inserts 100,000 rows with :func:`bulk_mails`).
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from orderintake.store import schema as t
from orderintake.store.repo import Store

PAGE_W, PAGE_H = 595.0, 842.0
#: A real SIRET / VAT pair (checksums valid), and the customer's mail domain.
SIRET = "73282932000074"
VAT = "FR44732829320"
_uids = itertools.count(1)


@dataclass(frozen=True)
class Seeded:
    message_id: int
    attachment_id: int
    order_number: str


def order_pdf(order_number: str, decoy: str) -> tuple[bytes, list[float], list[float]]:
    """A one-page order; returns the bytes and the boxes of the number and the decoy."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, "BON DE COMMANDE")
    c.setFont("Helvetica", 11)
    c.drawString(60, 740, "Client : ACME Industrie SAS")
    c.drawString(60, 722, f"SIRET : {SIRET}   TVA : {VAT}")
    c.drawString(60, 690, "N° de commande :")
    x = 60 + stringWidth("N° de commande : ", "Helvetica", 11)
    c.drawString(x, 690, order_number)
    box = [x, PAGE_H - 690 - 9, x + stringWidth(order_number, "Helvetica", 11), PAGE_H - 690 + 3]
    c.drawString(60, 670, f"Votre devis : {decoy}")
    dx = 60 + stringWidth("Votre devis : ", "Helvetica", 11)
    dbox = [dx, PAGE_H - 670 - 9, dx + stringWidth(decoy, "Helvetica", 11), PAGE_H - 670 + 3]
    for i, line in enumerate(["Désignation      Qté   PU HT", "Vis M6 inox      200   0,12"]):
        c.drawString(60, 620 - 16 * i, line)
    c.drawString(60, 560, "Total HT : 1 240,00 EUR")
    c.showPage()
    c.save()
    return buf.getvalue(), box, dbox


def seed_mail(
    store: Store,
    *,
    order_number: str = "PO-2024-0001",
    decoy: str = "DV-77812",
    sender: str = "Achats ACME <achats@acme-industrie.fr>",
    subject: str = "Commande PO-2024-0001",
    received_at: datetime | None = None,
    status: str = "awaiting-validation",
    raw: bytes | None = None,
) -> Seeded:
    pdf, box, dbox = order_pdf(order_number, decoy)
    blob = store.blobs.put(pdf)
    raw = (
        raw
        or (
            f"From: {sender}\r\nSubject: {subject}\r\n\r\nVeuillez trouver notre commande.\r\n"
        ).encode()
    )
    raw_sha = store.blobs.put(raw)
    with store.db.session() as s:
        m = t.Message(
            mailbox="maildir:///test/INBOX",
            uidvalidity=1,
            uid=next(_uids),
            subject=subject,
            sender=sender,
            received_at=received_at or datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
            body="Bonjour,\nVeuillez trouver ci-joint notre commande.\nCordialement",
            quoted="> Le 1 nov., vous avez écrit :\n> Voici notre devis DV-77812",
            bucket="order",
            is_order=True,
            reasons=["subject says 'commande'", "a PDF attachment"],
            status=status,
            order_number=order_number,
            order_score=0.91,
            raw_sha256=raw_sha,
            raw_size=len(raw),
        )
        s.add(m)
        s.flush()
        a = t.Attachment(
            message_id=m.id,
            position=0,
            filename=f"commande {order_number}.pdf",
            content_type="application/pdf",
            sniffed_type="application/pdf",
            size=len(pdf),
            sha256=blob,
            blob=blob,
        )
        s.add(a)
        s.flush()
        d = t.Document(
            attachment_id=a.id,
            name=a.filename,
            source="pdf-text",
            page_count=1,
            is_order_document=True,
            analysis={"total_ht": "1240.00", "quote_number": decoy},
        )
        s.add(d)
        s.flush()
        s.add(t.Page(document_id=d.id, number=1, width=PAGE_W, height=PAGE_H, source="pdf-text"))
        for rank, (value, score, bb, kw) in enumerate(
            [(order_number, 0.91, box, "N° de commande"), (decoy, 0.12, dbox, None)], start=1
        ):
            s.add(
                t.Candidate(
                    message_id=m.id,
                    document_id=d.id,
                    rank=rank,
                    value=value,
                    score=score,
                    page=1,
                    bbox=bb,
                    keyword=kw,
                    evidence=f"N° de commande : {value}" if kw else f"Votre devis : {value}",
                    corrections=["O→0 at 4"] if rank == 2 else [],
                )
            )
        s.add(
            t.Identifier(
                message_id=m.id, document_id=d.id, kind="siret", value=SIRET, valid=True, page=1
            )
        )
        s.add(
            t.Identifier(
                message_id=m.id, document_id=d.id, kind="vat", value=VAT, valid=True, page=1
            )
        )
        s.flush()
        return Seeded(m.id, a.id, order_number)


def bulk_mails(store: Store, n: int, start: datetime, batch: int = 5000) -> None:
    """Insert ``n`` mails with two candidates each, fast (Core executemany, no ORM)."""
    statuses = ["awaiting-validation"] * 6 + ["validated"] * 3 + ["not-order"]
    with store.db.connect() as conn:
        base = conn.execute(t.Message.__table__.select().with_only_columns(t.Message.id)).all()
        first = (max((r[0] for r in base), default=0)) + 1
        for lo in range(0, n, batch):
            hi = min(n, lo + batch)
            msgs: list[dict[str, Any]] = []
            cands: list[dict[str, Any]] = []
            for i in range(lo, hi):
                mid = first + i
                number = f"PO-{2024 + i % 3}-{i:06d}"
                msgs.append(
                    {
                        "id": mid,
                        "mailbox": "maildir:///bench/INBOX",
                        "uidvalidity": 1,
                        "uid": mid,
                        "subject": f"Commande {number}",
                        "sender": f"achats{i % 997}@client{i % 499}.fr",
                        "received_at": start + timedelta(seconds=37 * i),
                        "first_seen_at": start,
                        "updated_at": start,
                        "headers": [],
                        "reasons": ["subject says 'commande'"],
                        "status": statuses[i % len(statuses)],
                        "order_number": number,
                        "order_score": (i % 100) / 100,
                        "attempts": 0,
                        "post_action_done": False,
                        "body": "Bonjour, voici notre commande.",
                    }
                )
                for rank, value in ((1, number), (2, f"DV-{i:05d}")):
                    cands.append(
                        {
                            "message_id": mid,
                            "rank": rank,
                            "value": value,
                            "suffix": "",
                            "score": 0.9 if rank == 1 else 0.1,
                            "page": 1,
                            "bbox": [100.0, 150.0, 180.0, 162.0],
                            "keyword": "commande",
                            "evidence": f"N° de commande : {value}",
                            "corrections": [],
                            "reasons": [],
                        }
                    )
            conn.execute(t.Message.__table__.insert(), msgs)
            conn.execute(t.Candidate.__table__.insert(), cands)
        if conn.dialect.name == "postgresql":  # explicit ids do not advance the sequence
            conn.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('message', 'id'), (SELECT max(id) FROM message))"
            )


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving ``app`` on a free loopback port, in a thread (real HTTP)."""

    def __init__(self, app: Any) -> None:
        import threading

        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
