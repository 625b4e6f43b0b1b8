"""Writing one processed mail's parts, and finding what it resends or re-keys.

Helpers of :meth:`.repo.Store.save_result` (one transaction, given an open session) and the
retention purge. Kept apart from ``repo`` so each module stays readable.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import model
from . import schema as t
from .blobs import BlobStore
from .db import Database
from .records import MailResult

#: Statuses that mean "processing is over" (only the post-action may remain).
FINAL_STATUSES = frozenset(
    {"awaiting-validation", "validated", "rejected", "not-order", "failed", "duplicate"}
)
_CHUNK = 500


def chunks(items: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def add_parts(s: Session, row: t.Message, result: MailResult) -> None:
    rank = 0
    for pos, ar in enumerate(result.attachments):
        a = ar.attachment
        att = t.Attachment(
            message_id=row.id,
            position=pos,
            filename=a.filename[:500],
            content_type=a.content_type[:200],
            sniffed_type=a.sniffed_type[:200],
            size=a.size,
            sha256=a.sha256,
            is_real=a.is_real,
            is_inline=a.is_inline,
            origin=a.origin[:200],
            blob=a.sha256,
        )
        s.add(att)
        s.flush()
        if ar.document is None and ar.error is None:
            continue
        d = ar.document
        doc = t.Document(
            attachment_id=att.id,
            name=(d.name if d else a.filename)[:500],
            source=d.source if d else "none",
            page_count=len(d.pages) if d else 0,
            is_order_document=ar.is_order_document,
            analysis=ar.analysis,
            error=ar.error,
        )
        s.add(doc)
        s.flush()
        for p in d.pages if d else ():
            s.add(
                t.Page(
                    document_id=doc.id,
                    number=p.number,
                    width=p.width,
                    height=p.height,
                    source=p.source,
                    dpi=p.dpi,
                    rotation=p.rotation,
                    mean_confidence=p.mean_confidence,
                    text=p.text,
                )
            )
        for i, cand in enumerate(ar.candidates):
            rank += 1
            engine = ar.engine_scores[i] if i < len(ar.engine_scores) else None
            s.add(candidate_row(row.id, doc.id, rank, cand, engine))
        for ident in ar.identifiers:
            s.add(
                t.Identifier(
                    message_id=row.id,
                    document_id=doc.id,
                    kind=ident.kind,
                    value=ident.value[:40],
                    valid=ident.valid,
                    page=ident.page,
                    bbox=ident.bbox.as_list() if ident.bbox else None,
                    raw=ident.raw[:100],
                    is_ours=ident.is_ours,
                )
            )


def hashes_of(s: Session, message_ids: Iterable[int]) -> dict[int, frozenset[str]]:
    ids = list(message_ids)
    out: dict[int, set[str]] = {i: set() for i in ids}
    for chunk in chunks(ids):
        for mid, sha in s.execute(
            select(t.Attachment.message_id, t.Attachment.sha256).where(
                t.Attachment.message_id.in_(chunk), t.Attachment.is_real.is_(True)
            )
        ):
            out[mid].add(sha)
    return {k: frozenset(v) for k, v in out.items()}


def same_mail_renumbered(
    s: Session, row: t.Message, message_id: str | None, hashes: frozenset[str]
) -> t.Message | None:
    if not message_id:
        return None
    olds = list(
        s.scalars(
            select(t.Message)
            .where(
                t.Message.mailbox == row.mailbox,
                t.Message.uidvalidity != row.uidvalidity,
                t.Message.message_id == message_id,
                t.Message.status != "processing",
            )
            .order_by(t.Message.id)
        )
    )
    known = hashes_of(s, [o.id for o in olds])
    for o in olds:
        if known[o.id] == hashes:
            return o
    return None


def original_of(
    s: Session, my_id: int, message_id: str | None, hashes: frozenset[str]
) -> int | None:
    """The first stored mail this one resends or forwards, if any."""
    # Only orders are deduplicated, against orders: an order must never vanish as the
    # "duplicate" of a status question that happened to carry the same PDF.
    settled = t.Message.status.in_(FINAL_STATUSES - {"failed"}) & t.Message.is_order.is_(True)
    ids: set[int] = set()
    if message_id:
        ids.update(
            s.scalars(
                select(t.Message.id).where(
                    t.Message.message_id == message_id, t.Message.id != my_id, settled
                )
            )
        )
    if hashes:
        sharing = s.scalars(
            select(t.Attachment.message_id)
            .join(t.Message, t.Message.id == t.Attachment.message_id)
            .where(
                t.Attachment.sha256.in_(sorted(hashes)),
                t.Attachment.is_real.is_(True),
                t.Attachment.message_id != my_id,
                settled,
            )
            .distinct()
        )
        known = hashes_of(s, list(sharing))
        ids.update(mid for mid, h in known.items() if h == hashes)
    if not ids:
        return None
    first = s.get(t.Message, min(ids))
    assert first is not None
    return first.duplicate_of or first.id


def purge_old_blobs(
    store_db: Database, blobs: BlobStore, now: datetime, retention_days: int
) -> int:
    """Delete stored files of finished mails older than the retention; returns count.

    A blob shared with a mail still inside the retention (or still in progress) is
    kept: content addressing means one file may belong to several mails.
    """
    if retention_days <= 0:
        return 0
    cutoff = now - timedelta(days=retention_days)
    old = (t.Message.updated_at < cutoff) & t.Message.status.in_(FINAL_STATUSES)
    with store_db.session() as s:
        old_ids = list(
            s.scalars(select(t.Message.id).where(old, t.Message.blobs_purged_at.is_(None)))
        )
        if not old_ids:
            return 0
        doomed: set[str] = set()
        for chunk in chunks(old_ids):
            doomed.update(
                h
                for h in s.scalars(select(t.Message.raw_sha256).where(t.Message.id.in_(chunk)))
                if h
            )
            doomed.update(
                s.scalars(select(t.Attachment.sha256).where(t.Attachment.message_id.in_(chunk)))
            )
        keep = set(
            s.scalars(select(t.Message.raw_sha256).where(~old, t.Message.raw_sha256.isnot(None)))
        )
        keep.update(
            s.scalars(
                select(t.Attachment.sha256)
                .join(t.Message, t.Message.id == t.Attachment.message_id)
                .where(~old)
            )
        )
        removed = sum(blobs.delete(h) for h in doomed - keep)
        for chunk in chunks(old_ids):
            s.execute(
                update(t.Message)
                .where(t.Message.id.in_(chunk))
                .values(blobs_purged_at=now)
                .execution_options(synchronize_session=False)
            )
        return removed


def candidate_row(
    message_id: int,
    document_id: int,
    rank: int,
    c: model.Candidate,
    engine_score: float | None = None,
) -> t.Candidate:
    return t.Candidate(
        message_id=message_id,
        document_id=document_id,
        rank=rank,
        value=c.value[:200],
        suffix=c.suffix[:100],
        score=c.score,
        page=c.page,
        bbox=c.bbox.as_list() if c.bbox else None,
        keyword=c.keyword,
        evidence=c.evidence,
        corrections=list(c.corrections),
        reasons=list(c.reasons),
        engine_score=engine_score,
    )


def parse_date(value: str | None) -> datetime | None:
    """The mail's Date header as an aware datetime, or None when absent or unreadable."""
    if not value:
        return None
    from email.utils import parsedate_to_datetime

    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed
