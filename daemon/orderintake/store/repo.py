"""The functions the rest of orderintake calls to remember mails: leases, results, reads.

"Never twice, never lost" lives here:

* a mail row is keyed on (mailbox, UIDVALIDITY, UID) (unique constraint);
* :meth:`Store.claim` inserts the row or takes it over in one statement, with a lease
  (owner + expiry): two pollers never process the same mail, and the lease of a daemon
  killed mid-mail expires so its mail is taken again, as the same row;
* each claim counts as an attempt, so a mail that crashes the daemon every time ends in
  ``failed`` after ``max_attempts`` instead of looping;
* :meth:`Store.save_result` stores the result only while the lease is still held, and
  links resends/forwards of an order (same Message-ID, or the same attachment hashes) to the first
  mail (``duplicate`` status, ``duplicate_of``); a mail seen again under a new
  UIDVALIDITY (same mailbox, same Message-ID and attachment hashes) is *re-keyed*: its
  old row takes the new UID and keeps its status, nothing is queued twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import model
from ..errors import StoreError
from ..model import MailRef
from . import ingest
from . import schema as t
from .blobs import BlobStore
from .db import Database, check_current
from .records import (
    Claim,
    MailboxStateRecord,
    MailResult,
    MessageRecord,
    RefState,
    Saved,
)

log = logging.getLogger(__name__)

FINAL_STATUSES = ingest.FINAL_STATUSES
#: Longest wait, in seconds, before a failed mail is tried again.
MAX_RETRY_DELAY = 86400.0
_chunks = ingest.chunks


class LeaseLost(StoreError):
    """The mail's lease ran out and was taken back (or over) while we worked on it.

    Only that mail's result is dropped; it is processed again under its new lease.
    """

    retryable = True


def _record(row: t.Message, hashes: Iterable[str] = ()) -> MessageRecord:
    return MessageRecord(
        id=row.id,
        mailbox=row.mailbox,
        uidvalidity=row.uidvalidity,
        uid=row.uid,
        maildir_key=row.maildir_key,
        message_id=row.message_id,
        subject=row.subject,
        sender=row.sender,
        received_at=row.received_at,
        status=row.status,
        bucket=row.bucket,
        is_order=row.is_order,
        reasons=tuple(row.reasons or ()),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        order_number=row.order_number,
        order_score=row.order_score,
        duplicate_of=row.duplicate_of,
        post_action=row.post_action,
        post_action_done=row.post_action_done,
        raw_sha256=row.raw_sha256,
        attachment_hashes=tuple(sorted(hashes)),
    )


class Store:
    """The database plus the blob folder."""

    def __init__(self, db: Database, blobs: BlobStore) -> None:
        self.db = db
        self.blobs = blobs

    @classmethod
    def open(cls, url: str, data_dir: Any, *, check: bool = True) -> Store:
        """Open the store; with ``check`` refuse a database not at this code's revision."""
        from pathlib import Path

        db = Database(url)
        if check:
            try:
                check_current(db.engine)
            except StoreError:
                db.dispose()
                raise
        return cls(db, BlobStore(Path(data_dir) / "blobs"))

    def close(self) -> None:
        self.db.dispose()

    # --- mailbox state ------------------------------------------------------------

    def note_uidvalidity(self, mailbox: str, uidvalidity: int) -> int | None:
        """Remember the folder's UIDVALIDITY; returns the previous one when it changed."""
        with self.db.session() as s:
            row = s.get(t.MailboxState, mailbox)
            if row is None:
                s.add(t.MailboxState(mailbox=mailbox, uidvalidity=uidvalidity, counts={}))
                return None
            previous = row.uidvalidity
            row.uidvalidity = uidvalidity
            return previous if previous not in (None, uidvalidity) else None

    def record_poll(
        self, mailbox: str, now: datetime, *, error: str | None = None, counts: dict[str, int]
    ) -> None:
        with self.db.session() as s:
            row = s.get(t.MailboxState, mailbox)
            if row is None:
                row = t.MailboxState(mailbox=mailbox, counts={})
                s.add(row)
            row.last_poll_at = now
            if error is None:
                row.last_success_at = now
                row.counts = dict(counts)
            else:
                row.last_error = error
                row.last_error_at = now

    def mailbox_state(self, mailbox: str) -> MailboxStateRecord | None:
        with self.db.session() as s:
            row = s.get(t.MailboxState, mailbox)
            if row is None:
                return None
            return MailboxStateRecord(
                row.mailbox,
                row.uidvalidity,
                row.last_poll_at,
                row.last_success_at,
                row.last_error,
                row.last_error_at,
                dict(row.counts or {}),
            )

    # --- refs and leases ----------------------------------------------------------

    def ref_states(
        self, mailbox: str, uidvalidity: int, uids: Sequence[int]
    ) -> dict[int, RefState]:
        """What is known of these UIDs (absent: never seen, so fetch)."""
        out: dict[int, RefState] = {}
        with self.db.session() as s:
            for chunk in _chunks(list(uids)):
                rows = s.scalars(
                    select(t.Message).where(
                        t.Message.mailbox == mailbox,
                        t.Message.uidvalidity == uidvalidity,
                        t.Message.uid.in_(chunk),
                    )
                )
                for r in rows:
                    out[r.uid] = RefState(
                        r.id,
                        r.uid,
                        r.status,
                        r.post_action,
                        r.post_action_done,
                        r.attempts,
                        r.next_attempt_at,
                        r.lease_expires_at,
                    )
        return out

    def claim(
        self, ref: MailRef, owner: str, now: datetime, lease_seconds: float, max_attempts: int
    ) -> Claim | None:
        """Take the mail for processing, or None when it is done, leased or not due.

        Inserting the row is the claim for a new mail; for a known one a single
        conditional UPDATE takes it over, so two pollers cannot both win.
        """
        expires = now + timedelta(seconds=lease_seconds)
        key = (
            t.Message.mailbox == ref.mailbox,
            t.Message.uidvalidity == ref.uidvalidity,
            t.Message.uid == ref.uid,
        )
        with self.db.session() as s:
            found = s.execute(select(t.Message.id, t.Message.attempts).where(*key)).first()
        if found is None:
            try:
                with self.db.session() as s:
                    row = t.Message(
                        mailbox=ref.mailbox,
                        uidvalidity=ref.uidvalidity,
                        uid=ref.uid,
                        maildir_key=ref.key or None,
                        status="processing",
                        lease_owner=owner,
                        lease_expires_at=expires,
                        attempts=1,
                        received_at=now,
                        first_seen_at=now,
                        headers=[],
                        reasons=[],
                    )
                    s.add(row)
                    s.flush()
                    return Claim(row.id, owner, 1, expires)
            except StoreError as exc:
                if not isinstance(exc.__cause__, IntegrityError):
                    raise
            # Another poller inserted it first: it holds the lease.
            return None
        msg_id = found.id
        with self.db.session() as s:
            due = or_(
                t.Message.status == "new",
                (t.Message.status == "processing") & (t.Message.lease_expires_at < now),
                (t.Message.status == "needs-attention")
                & or_(t.Message.next_attempt_at.is_(None), t.Message.next_attempt_at <= now),
            )
            res = s.execute(
                update(t.Message)
                .where(t.Message.id == msg_id, due, t.Message.attempts < max_attempts)
                .values(
                    status="processing",
                    lease_owner=owner,
                    lease_expires_at=expires,
                    attempts=t.Message.attempts + 1,
                    updated_at=now,
                )
                .execution_options(synchronize_session=False)
            )
            if res.rowcount == 1:  # type: ignore[attr-defined]
                return Claim(msg_id, owner, found.attempts + 1, expires)
            # A lease that expired too often: the daemon died on this mail every time.
            # ``new`` too: expire_leases() (or an older release) may have put it back.
            s.execute(
                update(t.Message)
                .where(
                    t.Message.id == msg_id,
                    or_(
                        t.Message.status == "new",
                        (t.Message.status == "processing") & (t.Message.lease_expires_at < now),
                    ),
                    t.Message.attempts >= max_attempts,
                )
                .values(
                    status="failed",
                    lease_owner=None,
                    lease_expires_at=None,
                    post_action_done=False,
                    last_error=f"processing was interrupted {max_attempts} times "
                    "(the daemon stopped or crashed on this mail); look at it by hand",
                )
                .execution_options(synchronize_session=False)
            )
            return None

    def release(self, claim: Claim, *, count_attempt: bool = False) -> None:
        """Give a lease back untouched (shutdown, or the server went away before fetch)."""
        with self.db.session() as s:
            s.execute(
                update(t.Message)
                .where(t.Message.id == claim.message_id, t.Message.lease_owner == claim.owner)
                .values(
                    status="new",
                    lease_owner=None,
                    lease_expires_at=None,
                    attempts=t.Message.attempts - (0 if count_attempt else 1),
                )
                .execution_options(synchronize_session=False)
            )

    def expire_leases(
        self, now: datetime, *, max_attempts: int | None = None, post_action: str | None = None
    ) -> int:
        """Rows whose lease ran out go back to ``new`` (maintenance; claim handles it too).

        A row already at ``max_attempts`` becomes ``failed`` instead, with its post-action
        owed (``post_action``, or the poller's choice when None): ``claim`` would refuse it
        for good, and left in ``new`` it would sit in the inbox for ever, unseen.
        """
        expired = (t.Message.status == "processing", t.Message.lease_expires_at < now)
        n = 0
        with self.db.session() as s:
            if max_attempts is not None:
                rows = s.scalars(
                    select(t.Message).where(*expired, t.Message.attempts >= max_attempts)
                )
                for row in rows:
                    row.status, row.next_attempt_at = "failed", None
                    row.lease_owner = row.lease_expires_at = None
                    row.post_action, row.post_action_done = post_action, False
                    row.last_error = (
                        f"the daemon stopped {row.attempts} times while processing this mail "
                        "(killed, crashed, or the mail took longer than lease_seconds); "
                        "look at it by hand"
                    )
                    row.updated_at = now
                    n += 1
                s.flush()
            res = s.execute(
                update(t.Message)
                .where(*expired)
                .values(status="new", lease_owner=None, lease_expires_at=None)
                .execution_options(synchronize_session=False)
            )
            return n + int(res.rowcount)  # type: ignore[attr-defined]

    def _held(self, s: Session, claim: Claim) -> t.Message:
        row = s.get(t.Message, claim.message_id, with_for_update=not self.db.is_sqlite)
        if row is None or row.lease_owner != claim.owner or row.status != "processing":
            raise LeaseLost(
                f"mail #{claim.message_id}: the lease was lost (another worker took it over)"
            )
        return row

    # --- results --------------------------------------------------------------------

    def save_result(
        self, claim: Claim, raw: bytes, result: MailResult, now: datetime, post_action: str
    ) -> Saved:
        """Store one processed mail and release its lease, in one transaction."""
        raw_hash = self.blobs.put(raw)
        for ar in result.attachments:
            self.blobs.put(ar.attachment.data)
        msg = result.message
        hashes = result.attachment_hashes
        with self.db.session() as s:
            row = self._held(s, claim)
            message_id = (msg.message_id if msg else "") or None
            old = ingest.same_mail_renumbered(s, row, message_id, hashes)
            if old is not None:
                # Same mail, new UIDVALIDITY: the old row takes the new key, nothing else.
                ref = (row.uidvalidity, row.uid, row.maildir_key)
                s.delete(row)
                s.flush()
                old.uidvalidity, old.uid, old.maildir_key = ref
                old.post_action_done = old.status not in FINAL_STATUSES
                old.updated_at = now
                log.info("mail #%s: same mail under a new UIDVALIDITY, re-keyed", old.id)
                return Saved(old.id, old.status, old.duplicate_of, rekeyed=True)
            row.raw_sha256 = raw_hash
            row.raw_size = len(raw)
            if msg is not None:
                row.message_id = message_id
                row.subject = msg.subject
                row.sender = msg.sender
                row.headers = [list(h) for h in msg.headers]
                row.body = msg.body
                row.quoted = msg.quoted
                received = ingest.parse_date(msg.date)
                if received is not None:
                    row.received_at = received
            c = result.classification
            if c is not None:
                row.bucket, row.is_order, row.reasons = c.bucket, c.is_order, list(c.reasons)
            ingest.add_parts(s, row, result)
            if result.order_number is not None:
                row.order_number = result.order_number.value
                row.order_score = result.order_number.score
            if result.engine_order_number is not None:
                row.engine_order_number = result.engine_order_number.value
            row.customer_key = result.customer_key
            is_order = c is not None and c.is_order
            original = ingest.original_of(s, row.id, message_id, hashes) if is_order else None
            if original is not None:
                row.status, row.duplicate_of = "duplicate", original
            elif is_order:
                row.status = "awaiting-validation"
            else:
                row.status = "not-order"
            row.lease_owner = row.lease_expires_at = row.next_attempt_at = None
            row.last_error = None
            row.post_action = post_action
            row.post_action_done = False
            row.updated_at = now
            return Saved(row.id, row.status, row.duplicate_of)

    def record_failure(
        self,
        claim: Claim,
        error: str,
        now: datetime,
        *,
        max_attempts: int,
        retry_base_seconds: float,
        post_action: str,
        retryable: bool = True,
    ) -> Saved:
        """A failed attempt: retried later with backoff, or ``failed`` when out of attempts.

        ``retryable`` is recorded in the error text only; see the comment below.
        """
        with self.db.session() as s:
            row = self._held(s, claim)
            row.last_error = (error if retryable else f"{error} (may well fail again)")[:4000]
            row.lease_owner = row.lease_expires_at = None
            row.updated_at = now
            # Every kind of failure is retried (bounded): a "permanent" parse error may be
            # a bug fixed by the next release, and the bound keeps the cost small.
            if row.attempts < max_attempts:
                row.status = "needs-attention"
                # Capped (one day): a large max_attempts must not overflow timedelta.
                delay = min(retry_base_seconds * 2 ** min(row.attempts - 1, 40), MAX_RETRY_DELAY)
                row.next_attempt_at = now + timedelta(seconds=delay)
            else:
                row.status, row.next_attempt_at = "failed", None
                row.post_action, row.post_action_done = post_action, False
            return Saved(row.id, row.status)

    def mark_post_action_done(self, message_id: int, action: str) -> None:
        with self.db.session() as s:
            s.execute(
                update(t.Message)
                .where(t.Message.id == message_id)
                .values(post_action=action, post_action_done=True)
                .execution_options(synchronize_session=False)
            )

    # --- reads ----------------------------------------------------------------------

    def get_message(self, message_id: int) -> MessageRecord:
        with self.db.session() as s:
            row = s.get(t.Message, message_id)
            if row is None:
                raise StoreError(f"no mail #{message_id}")
            return _record(row, ingest.hashes_of(s, [row.id])[row.id])

    def list_messages(
        self, status: str | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[MessageRecord]:
        """Mails oldest first (the queue order), optionally of one status."""
        q = select(t.Message).order_by(t.Message.received_at, t.Message.id)
        if status is not None:
            q = q.where(t.Message.status == status)
        with self.db.session() as s:
            rows = list(s.scalars(q.limit(limit).offset(offset)))
            hashes = ingest.hashes_of(s, [r.id for r in rows])
            return [_record(r, hashes[r.id]) for r in rows]

    def count_by_status(self) -> dict[str, int]:
        with self.db.session() as s:
            rows = s.execute(select(t.Message.status, func.count()).group_by(t.Message.status))
            return {status: int(n) for status, n in rows}

    def candidates(self, message_id: int) -> list[model.Candidate]:
        with self.db.session() as s:
            rows = s.scalars(
                select(t.Candidate)
                .where(t.Candidate.message_id == message_id)
                .order_by(t.Candidate.rank)
            )
            return [
                model.Candidate(
                    value=r.value,
                    score=r.score,
                    page=r.page,
                    suffix=r.suffix,
                    bbox=model.BBox(*r.bbox) if r.bbox else None,
                    keyword=r.keyword,
                    evidence=r.evidence,
                    corrections=tuple(r.corrections or ()),
                    reasons=tuple(r.reasons or ()),
                )
                for r in rows
            ]

    def raw_message(self, message_id: int) -> bytes:
        rec = self.get_message(message_id)
        if rec.raw_sha256 is None:
            raise StoreError(f"mail #{message_id} has no stored original")
        return self.blobs.get(rec.raw_sha256)

    # --- retention ------------------------------------------------------------------

    def purge_old_blobs(self, now: datetime, retention_days: int) -> int:
        """Delete stored files of finished mails older than the retention; returns count."""
        return ingest.purge_old_blobs(self.db, self.blobs, now, retention_days)
