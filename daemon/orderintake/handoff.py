"""Hand-off of validated orders to the order-entry system: webhook, exports, auto-accept.

Accepting a mail and queueing its deliveries happen in one transaction, so a validated
order always has its delivery rows (one per configured sink). The payload is frozen at
that moment and stored with the row, so every retry sends the same bytes.

Exactly once, across a receiver that fails: each delivery carries an ``Idempotency-Key``
header (stable across retries: ``orderintake-<mail>-<validation>-<sink>``). We stop
sending once a 2xx is recorded; a 2xx lost on the way (timeout, crash before the commit)
means the same key is sent again and the receiver drops the repeat. Failed attempts back
off exponentially (30 s, 1 min, 2 min … capped at an hour); after ``handoff_max_attempts``
the row is marked ``failed`` (shown in the admin page) and is still retried hourly:
nothing is dropped. Every attempt leaves an audit row.

The webhook body is signed with HMAC-SHA256 when a secret is configured
(``X-Orderintake-Signature: sha256=<hex>`` over the exact body bytes), GitHub-style.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

import httpx

from .config import Settings, read_secret
from .errors import DeliveryError, IntakeError, StoreError
from .store import decisions, review, review_stats
from .store.records import UserRecord
from .store.repo import Store

log = logging.getLogger(__name__)

BACKOFF_BASE = 30.0
BACKOFF_CAP = 3600.0
SIGNATURE_HEADER = "X-Orderintake-Signature"
_deliver_lock = threading.Lock()


def sinks(settings: Settings) -> tuple[str, ...]:
    """Names of the sinks deliveries are queued for (exports are pulled, not queued)."""
    return ("webhook",) if settings.webhook_url else ()


def backoff(attempt: int) -> float:
    """Seconds to wait after the ``attempt``-th failure (1-based)."""
    return float(min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, attempt - 1)))


def build_payload(
    sess: Any, message_id: int, validation: decisions.ValidationView, base_url: str, key: str
) -> dict[str, Any]:
    """The JSON the order-entry system receives for one validated order."""
    d = review.message_detail(sess, message_id)
    if d is None:
        raise StoreError(f"mail {message_id} does not exist")
    ids = review_stats.identifiers_of(sess, message_id)
    base = base_url.rstrip("/")
    name = next((i.name for i in d.identifiers if i.name and i.value in ids.values()), None)
    return {
        "event": "order.validated",
        "idempotency_key": key,
        "message_id": message_id,
        "order_number": validation.value,
        "validated_by": validation.user_name,
        "validated_at": validation.at.isoformat(),
        "auto_accepted": validation.auto,
        "customer": {
            "sender": d.sender,
            "name": name,
            "vat": ids.get("vat"),
            "siret": ids.get("siret"),
            "siren": ids.get("siren"),
        },
        "quote_reference": d.quote_reference,
        "totals": {"total_ht": d.total_ht},
        "subject": d.subject,
        "received_at": d.received_at.isoformat(),
        "mail_url": f"{base}/mail/{message_id}",
        "attachments": [
            {
                "filename": a.filename,
                "content_type": a.content_type,
                "size": a.size,
                "url": f"{base}/attachment/{a.id}",
            }
            for a in d.attachments
        ],
    }


def validate(
    store: Store,
    settings: Settings,
    message_id: int,
    user: UserRecord | None,
    value: str,
    *,
    candidate_rank: int | None = None,
    auto: bool = False,
    now: datetime | None = None,
) -> decisions.ValidationView:
    """Accept (rank given and value unchanged) or correct a mail, and queue its deliveries."""
    now = now or datetime.now(UTC)
    with store.db.session() as sess:
        proposed = decisions.candidate_value(sess, message_id, candidate_rank)
        action = "accept" if proposed is not None and proposed == value.strip() else "correct"
        v = decisions.decide(
            sess, message_id, user, action, value=value, candidate_rank=candidate_rank, auto=auto
        )
        for sink in sinks(settings):
            key = f"orderintake-{message_id}-{v.id}-{sink}"
            payload = build_payload(sess, message_id, v, settings.public_base_url, key)
            review_stats.queue_delivery(sess, message_id, sink, key, payload, now)
    log.info("mail %s validated (%s) as %r by %s", message_id, action, value, v.user_name)
    return v


def auto_accept(store: Store, settings: Settings, message_id: int) -> bool:
    """Validate a mail without a clerk when its best candidate's score is above the
    threshold (``auto_accept_threshold``; off by default). The pipeline calls this after
    storing a mail; True when the mail was validated.

    The threshold is compared with the engine's own score of the best candidate, not
    with the score learning gave it: the threshold was calibrated on the engine's
    scores, and a learned score is not calibrated (docs/learning.md)."""
    if settings.auto_accept_threshold >= 1.0:
        return False
    with store.db.session() as sess:
        d = review.message_detail(sess, message_id)
        if d is None or d.status != "awaiting-validation" or not d.candidates:
            return False
        best = d.candidates[0]
        if best.calibrated_score <= settings.auto_accept_threshold:
            return False
    validate(store, settings, message_id, None, best.value, candidate_rank=best.rank, auto=True)
    return True


# --- delivery ---------------------------------------------------------------------------


def _signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post_webhook(
    client: httpx.Client, url: str, secret: str | None, payload: dict[str, Any], key: str
) -> str:
    """One POST; returns the response text, raises DeliveryError on anything but 2xx."""
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
    headers = {"Content-Type": "application/json", "Idempotency-Key": key}
    if secret:
        headers[SIGNATURE_HEADER] = _signature(secret, body)
    try:
        r = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise DeliveryError(f"webhook unreachable: {exc.__class__.__name__}: {exc}") from exc
    if not 200 <= r.status_code < 300:
        raise DeliveryError(f"webhook answered HTTP {r.status_code}: {r.text[:200]}")
    return r.text


@dataclass(frozen=True)
class DeliveryReport:
    delivered: int
    failed: int


def deliver_due(
    store: Store,
    settings: Settings,
    *,
    client: httpx.Client | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    limit: int = 100,
) -> DeliveryReport:
    """Send every delivery that is due; the scheduler runs this every few seconds.

    HTTP happens outside any transaction (a slow receiver must not hold the database);
    each attempt is then recorded in its own transaction.
    """
    if not _deliver_lock.acquire(blocking=False):
        return DeliveryReport(0, 0)  # another thread is at it already
    own_client = client is None
    http = client or httpx.Client(timeout=15.0)
    ok_n = fail_n = 0
    try:
        secret = read_secret("ORDERINTAKE_WEBHOOK_SECRET", settings.webhook_secret_file or None)
        with store.db.session() as sess:
            due = review_stats.due_deliveries(sess, clock(), limit)
        for d in due:
            error = response = None
            try:
                if d.sink != "webhook" or not settings.webhook_url:
                    raise DeliveryError(f"sink {d.sink!r} is not configured (webhook_url empty?)")
                response = post_webhook(
                    http, settings.webhook_url, secret, d.payload or {}, d.idempotency_key
                )
            except DeliveryError as exc:
                error = str(exc)
            now = clock()
            with store.db.session() as sess:
                row = review_stats.record_attempt(
                    sess,
                    d.id,
                    ok=error is None,
                    now=now,
                    error=error,
                    response=response,
                    next_attempt_at=now + timedelta(seconds=backoff(d.attempts + 1)),
                    max_attempts=settings.handoff_max_attempts,
                )
            if error is None:
                ok_n += 1
                log.info("mail %s delivered to %s (attempt %d)", d.message_id, d.sink, row.attempts)
            else:
                fail_n += 1
                log.warning(
                    "mail %s: delivery to %s failed (attempt %d): %s",
                    d.message_id,
                    d.sink,
                    row.attempts,
                    error,
                )
    finally:
        if own_client:
            http.close()
        _deliver_lock.release()
    return DeliveryReport(ok_n, fail_n)


# --- exports ----------------------------------------------------------------------------

EXPORT_FIELDS = (
    "message_id",
    "order_number",
    "validated_at",
    "validated_by",
    "action",
    "auto_accepted",
    "sender",
    "subject",
    "received_at",
    "vat",
    "siret",
    "siren",
)


def export_orders(store: Store, since: datetime | None, fmt: str, out: TextIO) -> int:
    """Write validated orders (latest decision per mail) as CSV or JSON; returns the count."""
    if fmt not in ("csv", "json"):
        raise IntakeError(f"export format must be csv or json, not {fmt!r}")
    rows: list[dict[str, Any]] = []
    with store.db.session() as sess:
        for r in review_stats.decided(sess, since):
            ids = review_stats.identifiers_of(sess, r.message_id)
            rows.append(
                {
                    "message_id": r.message_id,
                    "order_number": r.value,
                    "validated_at": r.decided_at.isoformat(),
                    "validated_by": r.user_name,
                    "action": r.action,
                    "auto_accepted": r.auto,
                    "sender": r.sender,
                    "subject": r.subject,
                    "received_at": r.received_at.isoformat(),
                    "vat": ids.get("vat", ""),
                    "siret": ids.get("siret", ""),
                    "siren": ids.get("siren", ""),
                }
            )
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        w = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def export_labels(store: Store, folder: Path) -> int:
    """Validated and rejected mails as a labelled corpus (``labels.csv`` + ``mails/*.eml``),
    the format ``orderintake evaluate`` reads: ``path,kind,is_order,order_number,vat,siret``."""
    (folder / "mails").mkdir(parents=True, exist_ok=True)
    n = 0
    with store.db.session() as sess:
        rows = review_stats.decided(sess, actions=("accept", "correct", "reject"))
        lines = []
        for r in rows:
            if r.raw_sha256 is None or not store.blobs.exists(r.raw_sha256):
                log.warning("mail %s: original .eml no longer stored, not exported", r.message_id)
                continue
            rel = f"mails/{r.message_id:06d}.eml"
            (folder / rel).write_bytes(store.blobs.get(r.raw_sha256))
            if r.action == "reject" and r.reason_code != "not-order":
                continue  # a duplicate or unreadable mail teaches nothing about orders
            is_order = r.action != "reject"
            ids = review_stats.identifiers_of(sess, r.message_id) if is_order else {}
            lines.append(
                [
                    rel,
                    "eml",
                    "1" if is_order else "0",
                    (r.value or "") if is_order else "",
                    ids.get("vat", ""),
                    ids.get("siret", ""),
                ]
            )
            n += 1
    with (folder / "labels.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        w.writerows(lines)
    return n
