"""Hand-off: webhook deliveries to a real local HTTP receiver that fails half its requests
(some before, some *after* processing, i.e. the answer is lost), exports, auto-accept,
and the commands ``user add``, ``export`` and ``export-labels``."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import hmac
import io
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from orderintake import handoff
from orderintake.cli import _register, app
from orderintake.config import Settings
from orderintake.store import decisions, review_stats
from orderintake.store import schema as t
from orderintake.store.repo import Store
from seeding import SIRET, VAT, seed_mail
from sqlalchemy import select
from typer.testing import CliRunner

SECRET = "s3cret-for-hmac"


class Receiver:
    """An order-entry system that drops repeats by Idempotency-Key and fails half the
    time: request 4k+1 fails before storing, 4k+3 stores and then answers 500."""

    def __init__(self, fail: str = "half") -> None:
        self.fail = fail
        self.requests = 0
        self.orders: dict[str, dict[str, object]] = {}
        self.bad_signatures = 0
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                sig = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
                with outer.lock:
                    outer.requests += 1
                    n = outer.requests
                    if self.headers.get("X-Orderintake-Signature") != sig:
                        outer.bad_signatures += 1
                    broken = outer.fail == "always" or (outer.fail == "half" and n % 4 == 1)
                    if not broken:
                        outer.orders.setdefault(self.headers["Idempotency-Key"], json.loads(body))
                    lost = outer.fail == "half" and n % 4 == 3
                code = 500 if broken or lost else 200
                self.send_response(code)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok" if code == 200 else b"no")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/orders"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as r:
        yield r


def _with_webhook(settings: Settings, url: str, tmp_path: Path, attempts: int = 8) -> Settings:
    secret_file = tmp_path / "webhook.key"
    secret_file.write_text(SECRET + "\n")
    return dataclasses.replace(
        settings,
        webhook_url=url,
        webhook_secret_file=str(secret_file),
        handoff_max_attempts=attempts,
    )


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now


def test_every_validated_order_is_delivered_exactly_once(
    settings: Settings, store: Store, receiver: Receiver, tmp_path: Path
) -> None:
    cfg = _with_webhook(settings, receiver.url, tmp_path)
    with store.db.session() as db:
        clerk = decisions.user_by_name(db, "claire")
    numbers = [f"PO-2024-{i:04d}" for i in range(12)]
    for i, number in enumerate(numbers):
        m = seed_mail(store, order_number=number)
        handoff.validate(
            store, cfg, m.message_id, clerk, number if i % 3 else number + "X", candidate_rank=1
        )
    clock = Clock()
    rounds = 0
    while True:
        report = handoff.deliver_due(store, cfg, clock=clock)
        rounds += 1
        if report.delivered == report.failed == 0:
            break
        clock.now += timedelta(hours=2)  # past any backoff
        assert rounds < 20
    assert receiver.bad_signatures == 0
    assert receiver.requests > len(numbers)  # failures happened, and were retried
    delivered = sorted(str(o["order_number"]) for o in receiver.orders.values())
    expected = sorted(n if i % 3 else n + "X" for i, n in enumerate(numbers))
    assert delivered == expected  # each order once (repeats dropped by key), none missing
    with store.db.session() as db:
        rows = review_stats.list_deliveries(db)
        assert {r.status for r in rows} == {"delivered"} and len(rows) == len(numbers)
        assert sum(r.attempts for r in rows) == receiver.requests
        attempts = db.scalars(
            select(t.AuditEvent).where(t.AuditEvent.action == "delivery.attempt")
        ).all()
        assert len(attempts) == receiver.requests
    payload = next(iter(receiver.orders.values()))
    assert payload["customer"] == {
        "sender": "Achats ACME <achats@acme-industrie.fr>",
        "name": None,
        "vat": VAT,
        "siret": SIRET,
        "siren": SIRET[:9],
    }
    assert payload["quote_reference"] == "DV-77812" and payload["totals"] == {"total_ht": "1240.00"}
    assert str(payload["attachments"][0]["url"]).startswith("http://127.0.0.1:8000/attachment/")  # type: ignore[index]


def test_a_failing_receiver_leaves_visible_failed_deliveries_that_are_retried(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    with Receiver(fail="always") as down:
        cfg = _with_webhook(settings, down.url, tmp_path, attempts=3)
        m = seed_mail(store)
        handoff.validate(store, cfg, m.message_id, None, "PO-2024-0001", candidate_rank=1)
        clock = Clock()
        waits = []
        for _ in range(4):
            handoff.deliver_due(store, cfg, clock=clock)
            with store.db.session() as db:
                (row,) = review_stats.list_deliveries(db)
            assert row.next_attempt_at is not None
            waits.append((row.next_attempt_at - clock.now).total_seconds())
            clock.now = row.next_attempt_at
        assert waits == [30, 60, 120, 240]  # exponential backoff
        assert row.status == "failed" and row.attempts == 4 and "HTTP 500" in (row.last_error or "")
        with store.db.session() as db:
            assert review_stats.delivery_counts(db)["failed"] == 1
            review_stats.retry_delivery(db, row.id, clock.now - timedelta(hours=1))
            assert [d.id for d in review_stats.due_deliveries(db, clock.now)] == [row.id]
        down.fail = "never"
        assert handoff.deliver_due(store, cfg, clock=clock).delivered == 1
        assert len(down.orders) == 1


def test_auto_accept_above_the_threshold_only(settings: Settings, store: Store) -> None:
    sure = seed_mail(store)  # best candidate scores 0.91
    assert handoff.auto_accept(store, settings, sure.message_id) is False  # off by default
    cfg = dataclasses.replace(settings, auto_accept_threshold=0.95)
    assert handoff.auto_accept(store, cfg, sure.message_id) is False
    cfg = dataclasses.replace(settings, auto_accept_threshold=0.9)
    assert handoff.auto_accept(store, cfg, sure.message_id) is True
    with store.db.session() as db:
        (v,) = decisions.validations_of(db, sure.message_id)
        assert (v.user_name, v.action, v.auto, v.value) == (
            "auto-accept",
            "accept",
            True,
            "PO-2024-0001",
        )
        assert review_stats.dashboard(db, datetime.now(UTC)).auto_accepted == 1
    assert handoff.auto_accept(store, cfg, sure.message_id) is False  # already validated


def _decide_three(store: Store, settings: Settings) -> tuple[int, int, int]:
    a = seed_mail(store, order_number="PO-A-1001")
    b = seed_mail(store, order_number="PO-B-1002")
    c = seed_mail(store, order_number="PO-C-1003")
    handoff.validate(store, settings, a.message_id, None, "PO-A-1001", candidate_rank=1)
    handoff.validate(store, settings, b.message_id, None, "PO-B-1002/2")
    with store.db.session() as db:
        decisions.decide(db, c.message_id, None, "reject", reason_code="not-order")
    return a.message_id, b.message_id, c.message_id


def test_export_csv_and_json(settings: Settings, store: Store) -> None:
    a, b, _c = _decide_three(store, settings)
    out = io.StringIO()
    assert handoff.export_orders(store, None, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["message_id"], r["order_number"], r["action"], r["siret"]) for r in rows] == [
        (str(a), "PO-A-1001", "accept", SIRET),
        (str(b), "PO-B-1002/2", "correct", SIRET),
    ]
    out = io.StringIO()
    handoff.export_orders(store, datetime.now(UTC) + timedelta(days=1), "json", out)
    assert json.loads(out.getvalue()) == []


def test_commands_user_add_export_and_labels(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    _register()
    a, _b, c = _decide_three(store, settings)
    env = {"ORDERINTAKE_DATA_DIR": str(settings.data_dir), "ORDERINTAKE_PASSWORD": "from-the-env-1"}
    runner = CliRunner()
    r = runner.invoke(app, ["user", "add", "bruno", "--role", "admin"], env=env)
    assert r.exit_code == 0, r.output
    with store.db.session() as db:
        bruno = decisions.user_by_name(db, "bruno")
    assert bruno is not None and bruno.role == "admin"
    assert runner.invoke(app, ["user", "add", "bruno"], env=env).exit_code == 1  # exists
    assert runner.invoke(app, ["user", "add", "x", "--role", "boss"], env=env).exit_code == 2
    r = runner.invoke(app, ["export", "--format", "json", "--since", "2020-01-01"], env=env)
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [d["order_number"] for d in data] == ["PO-A-1001", "PO-B-1002/2"]
    assert runner.invoke(app, ["export", "--since", "yesterday"], env=env).exit_code == 2
    out = tmp_path / "labels"
    r = runner.invoke(app, ["export-labels", str(out)], env=env)
    assert r.exit_code == 0, r.output
    with (out / "labels.csv").open() as fh:
        labels = list(csv.DictReader(fh))
    assert labels[0].keys() == {"path", "kind", "is_order", "order_number", "vat", "siret"}
    by_path = {row["path"]: row for row in labels}
    assert by_path[f"mails/{a:06d}.eml"] == {
        "path": f"mails/{a:06d}.eml",
        "kind": "eml",
        "is_order": "1",
        "order_number": "PO-A-1001",
        "vat": VAT,
        "siret": SIRET,
    }
    assert by_path[f"mails/{c:06d}.eml"]["is_order"] == "0"
    assert (out / f"mails/{a:06d}.eml").read_bytes().startswith(b"From: ")
