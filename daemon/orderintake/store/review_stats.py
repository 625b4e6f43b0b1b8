"""Deliveries, dashboard figures, admin status and exports for the review page.

Deliveries: one row per (validated order, sink), keyed by an idempotency key the receiver
uses to drop repeats. A row stays ``pending`` while attempts remain, becomes ``failed``
when ``max_attempts`` are spent, and a failed row is still retried, hourly, by the job:
nothing is ever dropped, and the admin page shows (and can hurry) every one of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..errors import StoreError
from . import schema as t
from .records import MailboxStateRecord


@dataclass(frozen=True)
class DeliveryRow:
    id: int
    message_id: int
    sink: str
    idempotency_key: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    payload: dict[str, Any] | None
    created_at: datetime
    delivered_at: datetime | None


@dataclass(frozen=True)
class Decided:
    """A mail's latest decision, for exports and figures."""

    message_id: int
    sender: str
    subject: str
    received_at: datetime
    decided_at: datetime
    user_name: str
    action: str
    value: str | None
    reason_code: str | None
    auto: bool
    top1: str | None
    raw_sha256: str | None


@dataclass(frozen=True)
class Dashboard:
    per_day: tuple[tuple[str, int], ...]
    auto_accepted: int
    accepted: int
    corrected: int
    rejected: int
    validated: int
    top1_correct: int
    per_customer: tuple[tuple[str, int, int, int], ...]  # domain, validated, top-1 ok, rejected

    @property
    def straight_through_rate(self) -> float | None:
        return self.top1_correct / self.validated if self.validated else None


def _delivery(d: t.Delivery) -> DeliveryRow:
    return DeliveryRow(
        d.id,
        d.message_id,
        d.sink,
        d.idempotency_key,
        d.status,
        d.attempts,
        d.next_attempt_at,
        d.last_error,
        d.payload,
        d.created_at,
        d.delivered_at,
    )


def queue_delivery(
    sess: Session, message_id: int, sink: str, key: str, payload: dict[str, Any], now: datetime
) -> int:
    d = t.Delivery(
        message_id=message_id,
        sink=sink,
        idempotency_key=key,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        payload=payload,
    )
    sess.add(d)
    sess.flush()
    return d.id


def due_deliveries(sess: Session, now: datetime, limit: int = 100) -> list[DeliveryRow]:
    stmt = (
        select(t.Delivery)
        .where(
            t.Delivery.status.in_(("pending", "failed")),
            or_(t.Delivery.next_attempt_at.is_(None), t.Delivery.next_attempt_at <= now),
        )
        .order_by(t.Delivery.next_attempt_at, t.Delivery.id)
        .limit(limit)
    )
    return [_delivery(d) for d in sess.execute(stmt).scalars()]


def record_attempt(
    sess: Session,
    delivery_id: int,
    *,
    ok: bool,
    now: datetime,
    error: str | None,
    response: str | None,
    next_attempt_at: datetime | None,
    max_attempts: int,
) -> DeliveryRow:
    d = sess.get(t.Delivery, delivery_id, with_for_update=True)
    if d is None:
        raise StoreError(f"delivery {delivery_id} does not exist")
    d.attempts += 1
    d.response = (response or "")[:2000] or None
    if ok:
        d.status, d.delivered_at, d.next_attempt_at, d.last_error = "delivered", now, None, None
    else:
        d.last_error = (error or "unknown error")[:2000]
        d.status = "failed" if d.attempts >= max_attempts else "pending"
        d.next_attempt_at = next_attempt_at
    sess.add(
        t.AuditEvent(
            user_name=None,
            action="delivery.attempt",
            target=f"delivery:{d.id}",
            detail={"ok": ok, "attempt": d.attempts, "error": d.last_error, "sink": d.sink},
        )
    )
    return _delivery(d)


def retry_delivery(sess: Session, delivery_id: int, now: datetime) -> None:
    d = sess.get(t.Delivery, delivery_id)
    if d is None:
        raise StoreError(f"delivery {delivery_id} does not exist")
    if d.status != "delivered":
        d.next_attempt_at = now


def list_deliveries(
    sess: Session, status: str | None = None, limit: int = 200
) -> list[DeliveryRow]:
    stmt = select(t.Delivery).order_by(t.Delivery.id.desc()).limit(limit)
    if status:
        stmt = stmt.where(t.Delivery.status == status)
    return [_delivery(d) for d in sess.execute(stmt).scalars()]


def delivery_counts(sess: Session) -> dict[str, int]:
    rows = sess.execute(select(t.Delivery.status, func.count()).group_by(t.Delivery.status))
    counts = {s: 0 for s in t.DELIVERY_STATUSES}
    counts.update({r[0]: int(r[1]) for r in rows})
    counts["retried"] = int(
        sess.execute(select(func.count()).where(t.Delivery.attempts > 1)).scalar_one()
    )
    return counts


# --- decisions, figures, exports ------------------------------------------------------


def decided(
    sess: Session, since: datetime | None = None, actions: tuple[str, ...] = ("accept", "correct")
) -> list[Decided]:
    """Each mail's latest accept/correct/reject decision (made since ``since``)."""
    last = (
        select(func.max(t.Validation.id).label("vid"))
        .where(t.Validation.action.in_(("accept", "correct", "reject")))
        .group_by(t.Validation.message_id)
        .subquery()
    )
    top = (
        select(t.Candidate.message_id, func.min(t.Candidate.value).label("value"))
        .where(t.Candidate.rank == 1)
        .group_by(t.Candidate.message_id)
        .subquery()
    )
    stmt = (
        select(t.Validation, t.Message, top.c.value)
        .join(last, last.c.vid == t.Validation.id)
        .join(t.Message, t.Message.id == t.Validation.message_id)
        .outerjoin(top, top.c.message_id == t.Message.id)
        .where(t.Validation.action.in_(actions))
        .order_by(t.Validation.at, t.Validation.id)
    )
    if since is not None:
        stmt = stmt.where(t.Validation.at >= since)
    out = []
    for v, m, top1 in sess.execute(stmt).all():
        out.append(
            Decided(
                m.id,
                m.sender or "",
                m.subject or "",
                m.received_at,
                v.at,
                v.user_name,
                v.action,
                v.value,
                v.reason_code,
                v.auto,
                # The engine's own first candidate (learning may have re-ranked rank 1):
                # the straight-through rate measures the engine (docs/learning.md).
                m.engine_order_number or top1,
                m.raw_sha256,
            )
        )
    return out


def _domain(sender: str) -> str:
    addr = sender.rsplit("<", 1)[-1].rstrip(">").strip().lower()
    return addr.rsplit("@", 1)[-1] if "@" in addr else addr or "(unknown)"


def dashboard(sess: Session, now: datetime, days: int = 30) -> Dashboard:
    rows = decided(sess, actions=("accept", "correct", "reject"))
    since = (now - timedelta(days=days)).date()
    per_day: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    cust: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        dom = _domain(r.sender)
        if r.action == "reject":
            counts["rejected"] += 1
            cust[dom][2] += 1
            continue
        if r.decided_at.date() >= since:
            per_day[r.decided_at.date().isoformat()] += 1
        counts["validated"] += 1
        cust[dom][0] += 1
        if r.auto:
            counts["auto"] += 1
        elif r.action == "correct":
            counts["corrected"] += 1
        else:
            counts["accepted"] += 1
        if r.top1 is not None and r.value == r.top1:
            counts["top1"] += 1
            cust[dom][1] += 1
    return Dashboard(
        per_day=tuple(sorted(per_day.items())),
        auto_accepted=counts["auto"],
        accepted=counts["accepted"],
        corrected=counts["corrected"],
        rejected=counts["rejected"],
        validated=counts["validated"],
        top1_correct=counts["top1"],
        per_customer=tuple(
            sorted(((d, v[0], v[1], v[2]) for d, v in cust.items()), key=lambda x: (-x[1], x[0]))
        )[:50],
    )


def identifiers_of(sess: Session, message_id: int) -> dict[str, str]:
    """The customer's identifiers: first valid VAT, SIRET and SIREN that are not ours."""
    out: dict[str, str] = {}
    rows = sess.execute(
        select(t.Identifier.kind, t.Identifier.value)
        .where(
            t.Identifier.message_id == message_id,
            t.Identifier.valid.is_(True),
            t.Identifier.is_ours.is_(False),
        )
        .order_by(t.Identifier.page, t.Identifier.id)
    )
    for kind, value in rows:
        out.setdefault(kind, value)
    if "siren" not in out and "siret" in out:
        out["siren"] = out["siret"][:9]
    return out


def mailbox_status(sess: Session) -> tuple[list[MailboxStateRecord], dict[str, dict[str, int]]]:
    """Each watched folder's health, and mail counts per folder and status."""
    states = [
        MailboxStateRecord(
            s.mailbox,
            s.uidvalidity,
            s.last_poll_at,
            s.last_success_at,
            s.last_error,
            s.last_error_at,
            dict(s.counts or {}),
        )
        for s in sess.execute(select(t.MailboxState).order_by(t.MailboxState.mailbox)).scalars()
    ]
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    rows = sess.execute(
        select(t.Message.mailbox, t.Message.status, func.count()).group_by(
            t.Message.mailbox, t.Message.status
        )
    )
    for mailbox, status, n in rows:
        counts[mailbox][status] = int(n)
    return states, dict(counts)


def recent_audit(
    sess: Session, limit: int = 100
) -> list[tuple[datetime, str, str, str, dict[str, Any]]]:
    rows = sess.execute(
        select(t.AuditEvent).order_by(t.AuditEvent.id.desc()).limit(limit)
    ).scalars()
    return [(a.at, a.user_name or "", a.action, a.target or "", dict(a.detail or {})) for a in rows]
