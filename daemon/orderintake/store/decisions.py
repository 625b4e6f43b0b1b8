"""Decisions on mails (accept, correct, reject, requeue, note), the audit trail, users.

The write side of the review page; :mod:`.review` is the read side. Every decision is a
``validation`` row (who, when, what, reason code) plus an ``audit_event`` row, written in
the caller's transaction together with the mail's new status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import StoreError
from . import schema as t
from .records import UserRecord

ACTION_STATUS = {"accept": "validated", "correct": "validated", "requeue": "awaiting-validation"}
#: Statuses a clerk may decide on (a validated mail must be sent back to the queue first,
#: so that one click can never hand the same order off twice by accident).
DECIDABLE = ("awaiting-validation", "needs-attention", "failed")
#: Statuses of a mail the daemon has not read yet (or is reading): no decision (not even
#: a requeue, which would make the daemon move it to Orders/Processed unread) until then.
UNREAD = ("new", "processing")
REJECT_REASONS = ("not-order", "duplicate", "unreadable", "spam", "other")


@dataclass(frozen=True)
class ValidationView:
    id: int
    user_name: str
    action: str
    value: str | None
    candidate_rank: int | None
    reason_code: str | None
    note: str | None
    auto: bool
    at: datetime


def validations_of(sess: Session, message_id: int) -> tuple[ValidationView, ...]:
    rows = sess.execute(
        select(t.Validation).where(t.Validation.message_id == message_id).order_by(t.Validation.id)
    ).scalars()
    return tuple(
        ValidationView(
            v.id,
            v.user_name,
            v.action,
            v.value,
            v.candidate_rank,
            v.reason_code,
            v.note,
            v.auto,
            v.at,
        )
        for v in rows
    )


def candidate_value(sess: Session, message_id: int, rank: int | None) -> str | None:
    if rank is None:
        return None
    return sess.execute(
        select(t.Candidate.value).where(
            t.Candidate.message_id == message_id, t.Candidate.rank == rank
        )
    ).scalar_one_or_none()


# --- decisions ------------------------------------------------------------------------


def decide(
    sess: Session,
    message_id: int,
    user: UserRecord | None,
    action: str,
    *,
    value: str | None = None,
    candidate_rank: int | None = None,
    reason_code: str | None = None,
    note: str | None = None,
    auto: bool = False,
) -> ValidationView:
    """Record a clerk's (or the auto-accept's) decision, move the mail, audit it.

    ``accept``/``correct`` validate the mail with ``value`` as its order number; ``reject``
    marks it not an order (``reason_code`` ``not-order``) or rejected (other reasons);
    ``requeue`` sends it back to the queue; ``note`` only adds a note. Raises StoreError
    when the mail is gone or already decided, so a double click cannot validate twice.
    """
    m = sess.get(t.Message, message_id, with_for_update=True)
    if m is None:
        raise StoreError(f"mail {message_id} does not exist (deleted?)")
    if action in ("accept", "correct"):
        value = (value or "").strip()
        if not value:
            raise StoreError("an order number is needed to validate this mail")
    if action != "note" and m.status in UNREAD:
        raise StoreError(
            f"mail {message_id} has not been read by the daemon yet ({m.status}): "
            "wait until it is in the queue"
        )
    if action in ("accept", "correct", "reject") and m.status not in DECIDABLE:
        raise StoreError(
            f"mail {message_id} is already {m.status}: send it back to the queue first"
        )
    if action == "reject":
        reason_code = reason_code or "not-order"
        if reason_code not in REJECT_REASONS:
            raise StoreError(f"unknown reason {reason_code!r} (one of {', '.join(REJECT_REASONS)})")
        m.status = "not-order" if reason_code == "not-order" else "rejected"
    elif action in ACTION_STATUS:
        m.status = ACTION_STATUS[action]
    elif action != "note":
        raise StoreError(f"unknown action {action!r}")
    if action in ("accept", "correct"):
        from .examples import record_example  # every validation teaches learning

        record_example(sess, m, value or "", candidate_rank)
        m.order_number = value
    if action == "note" and not (note or "").strip():
        raise StoreError("a note needs some text")
    name = user.name if user else "auto-accept"
    v = t.Validation(
        message_id=message_id,
        user_id=user.id if user else None,
        user_name=name,
        action=action,
        value=value,
        candidate_rank=candidate_rank,
        reason_code=reason_code,
        note=note,
        auto=auto,
    )
    sess.add(v)
    sess.flush()
    audit(
        sess,
        name,
        f"message.{action}",
        f"message:{message_id}",
        {"value": value, "rank": candidate_rank, "reason": reason_code, "status": m.status},
    )
    return ValidationView(
        v.id, v.user_name, v.action, v.value, v.candidate_rank, v.reason_code, v.note, v.auto, v.at
    )


def audit(
    sess: Session, user_name: str | None, action: str, target: str | None, detail: dict[str, Any]
) -> None:
    sess.add(t.AuditEvent(user_name=user_name, action=action, target=target, detail=detail))


# --- users ----------------------------------------------------------------------------


def _user(u: t.User) -> UserRecord:
    return UserRecord(u.id, u.name, u.role, u.password_hash, u.active)


def add_user(sess: Session, name: str, role: str, password_hash: str) -> UserRecord:
    if role not in t.USER_ROLES:
        raise StoreError(f"role must be one of {', '.join(t.USER_ROLES)}, not {role!r}")
    name = name.strip()
    if not name or len(name) > 100:
        raise StoreError("a user name has 1 to 100 characters")
    if sess.execute(select(t.User.id).where(t.User.name == name)).first():
        raise StoreError(f"user {name!r} exists already")
    u = t.User(name=name, role=role, password_hash=password_hash, active=True)
    sess.add(u)
    sess.flush()
    return _user(u)


def user_by_name(sess: Session, name: str) -> UserRecord | None:
    u = sess.execute(select(t.User).where(t.User.name == name)).scalar_one_or_none()
    return _user(u) if u else None


def user_by_id(sess: Session, user_id: int) -> UserRecord | None:
    u = sess.get(t.User, user_id)
    return _user(u) if u else None


def list_users(sess: Session) -> tuple[UserRecord, ...]:
    return tuple(_user(u) for u in sess.execute(select(t.User).order_by(t.User.name)).scalars())


def set_user_active(sess: Session, user_id: int, active: bool) -> None:
    u = sess.get(t.User, user_id)
    if u is None:
        raise StoreError(f"user {user_id} does not exist")
    u.active = active


def set_password_hash(sess: Session, user_id: int, password_hash: str) -> None:
    u = sess.get(t.User, user_id)
    if u is not None:
        u.password_hash = password_hash
