"""Helpers of the end-to-end tests: purchase orders with a customer's identifiers, the
wired daemon, a fake order-entry system, and a logged-in look at the review page."""

from __future__ import annotations

import io
import json
import mailbox
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from mails import mail
from orderintake import auth
from orderintake.config import Settings, load_settings
from orderintake.pipeline import Stages
from orderintake.service import Daemon
from orderintake.sirene import build_client
from orderintake.store import decisions
from orderintake.store.db import Database, upgrade
from orderintake.store.repo import Store
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sirene_samples import SIREN_ACME, SIRET_ACME
from web_helpers import PASSWORD, login

#: ACME's VAT number: FR + key + SIREN (the key is (12 + 3 × (SIREN mod 97)) mod 97).
VAT_ACME = f"FR{(12 + 3 * (int(SIREN_ACME) % 97)) % 97:02d}{SIREN_ACME}"


def acme_order_pdf(number: str, reference: str) -> bytes:
    """ACME's purchase order: its SIRET and VAT in the header, the order number under a
    bare "Affaire" label beside a "Référence" of another shape. The engine prefers the
    reference (its label reads like an order number's); ACME's clerks know better."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _, h = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, h - 70, "BON DE COMMANDE")
    c.setFont("Helvetica", 10)
    c.drawString(60, h - 100, "ACME INDUSTRIE")
    c.drawString(60, h - 114, f"SIRET : {SIRET_ACME}   TVA intracommunautaire : {VAT_ACME}")
    c.drawString(60, h - 140, f"Référence : {reference}")
    c.drawString(300, h - 140, f"Affaire : {number}")
    c.drawString(60, h - 190, "Désignation                 Qté    PU HT     Total HT")
    c.drawString(60, h - 204, "Roulements 6204-2RS         10     12,50     125,00")
    c.drawString(60, h - 230, "Total HT : 125,00 EUR")
    c.showPage()
    c.save()
    return buf.getvalue()


def acme_order_mail(number: str, reference: str) -> bytes:
    """ACME's order mail. Its subject does not repeat the number: a subject that did would
    confirm it (corroborate.py) and leave nothing for the learning tests to teach."""
    return mail(
        "Commande ACME Industrie",
        "Bonjour,\n\nVeuillez trouver ci-joint notre commande.\n\nCordialement,\nACME achats",
        [(f"commande-{number}.pdf", acme_order_pdf(number, reference))],
        sender="achats@acme-industrie.fr",
    )


@dataclass
class Wired:
    settings: Settings
    store: Store
    daemon: Daemon
    maildir: mailbox.Maildir

    def deliver_mail(self, *raws: bytes) -> None:
        for raw in raws:
            self.maildir.add(raw)

    def poll(self) -> Any:
        report = self.daemon.poll_once()
        assert report is not None
        return report

    def close(self) -> None:
        self.daemon.stop()
        self.store.close()


def wire(tmp_path: Path, insee_url: str, stages: Stages, **overrides: Any) -> Wired:
    key = tmp_path / "insee.key"
    key.write_text("test-key\n")
    root = tmp_path / "maildir"
    md = mailbox.Maildir(root, create=True)
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "mailbox_url": f"maildir://{root}",
        "sirene_providers": ("insee",),
        "insee_api_url": insee_url,
        "insee_api_key_file": str(key),
        "sirene_timeout": 5.0,
        "idle": False,
    }
    values.update(overrides)
    settings = load_settings(env={}, **values)
    db = Database(settings.database_url)
    upgrade(db.engine)
    db.dispose()
    store = Store.open(settings.database_url, settings.data_dir)
    with store.db.session() as s:
        if decisions.user_by_name(s, "claire") is None:
            decisions.add_user(s, "claire", "clerk", auth.hash_password(PASSWORD))
    client = build_client(settings, store.db.engine)
    daemon = Daemon(settings, store, stages, sirene_client=client)
    return Wired(settings, store, daemon, md)


def detail_page(settings: Settings, store: Store, message_id: int) -> str:
    """The mail's review page as a logged-in clerk sees it (real HTTP, uvicorn)."""
    from orderintake.web import create_app
    from seeding import LiveServer

    with (
        LiveServer(create_app(settings, store=store)) as live,
        httpx.Client(base_url=live.url, follow_redirects=True) as client,
    ):
        login(client, "claire")
        page = client.get(f"/mail/{message_id}")
        assert page.status_code == 200, page.text
        return page.text


@dataclass
class Receiver:
    """The order-entry system: records each POST (body and Idempotency-Key), answers 200."""

    posts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.posts.append((self.headers["Idempotency-Key"], json.loads(body)))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/orders"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
