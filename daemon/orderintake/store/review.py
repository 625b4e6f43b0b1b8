"""What the review page and the hand-off read and write: queue, detail, decisions, users.

Every function takes an open SQLAlchemy session (``Database.session()``: one transaction)
and returns frozen records, never ORM objects. Counting, delivery and dashboard queries
live in :mod:`.review_stats`.

The queue uses keyset pagination on ``(received_at, id)``: the page after a cursor is an
index range scan whatever the page number, where OFFSET would read and throw away every
earlier row (slow at 100,000 mails). Cursors are opaque strings ``"<iso time>|<id>"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select, tuple_, union
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from . import schema as t
from .decisions import ValidationView, validations_of


@dataclass(frozen=True)
class QueueFilter:
    status: str = "awaiting-validation"
    sender: str = ""
    date_from: datetime | None = None
    date_to: datetime | None = None
    order_number: str = ""


@dataclass(frozen=True)
class QueueRow:
    id: int
    sender: str
    subject: str
    received_at: datetime
    status: str
    order_number: str | None
    order_score: float | None


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class CandidateView:
    id: int
    rank: int
    value: str
    suffix: str
    score: float
    page: int
    document_id: int | None
    bbox: tuple[float, float, float, float] | None
    keyword: str | None
    evidence: str
    corrections: tuple[str, ...]
    #: The engine's and learning's reasons (learning's start with ``learned:``).
    reasons: tuple[str, ...] = ()
    #: The engine's own score when learning changed it (auto-accept compares with it).
    engine_score: float | None = None

    @property
    def learned(self) -> tuple[str, ...]:
        """Learning's reasons, without their ``learned:`` prefix, for the page."""
        return tuple(
            r.removeprefix("learned:").strip() for r in self.reasons if r.startswith("learned:")
        )

    @property
    def calibrated_score(self) -> float:
        """The engine's score (thresholds were calibrated on it), learned or not."""
        return self.score if self.engine_score is None else self.engine_score


@dataclass(frozen=True)
class IdentifierView:
    """An identifier of the mail and, read at page time, what the SIRENE register says
    (``sirene_status`` None: never asked yet; ``unknown``: the job has not answered)."""

    kind: str
    value: str
    valid: bool
    page: int
    is_ours: bool
    name: str | None = None
    sirene_status: str | None = None
    address: str | None = None
    #: This VAT number's SIREN differs from the SIRET's on the same mail.
    siren_mismatch: bool = False

    @property
    def closed(self) -> bool:
        return self.sirene_status == "closed"


@dataclass(frozen=True)
class PageView:
    number: int
    width: float
    height: float
    source: str


@dataclass(frozen=True)
class AttachmentView:
    id: int
    filename: str
    content_type: str
    size: int
    blob: str | None
    is_pdf: bool
    is_image: bool
    document_id: int | None
    pages: tuple[PageView, ...]
    error: str | None


@dataclass(frozen=True)
class MessageDetail:
    id: int
    sender: str
    subject: str
    received_at: datetime
    status: str
    body: str
    quoted: str
    reasons: tuple[str, ...]
    order_number: str | None
    raw_sha256: str | None
    attachments: tuple[AttachmentView, ...]
    candidates: tuple[CandidateView, ...]
    identifiers: tuple[IdentifierView, ...]
    total_ht: str | None
    quote_reference: str | None
    validations: tuple[ValidationView, ...]


# --- queue ----------------------------------------------------------------------------


def encode_cursor(received_at: datetime, message_id: int) -> str:
    return f"{received_at.isoformat()}|{message_id}"


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        when, mid = cursor.rsplit("|", 1)
        return datetime.fromisoformat(when), int(mid)
    except ValueError:
        raise StoreError(f"not a queue position: {cursor!r}") from None


def _queue_where(f: QueueFilter, dialect: str) -> list[Any]:
    where: list[Any] = []
    if f.status:
        where.append(t.Message.status == f.status)
    if f.sender:
        # SQLite's LIKE ignores ASCII case by itself; lower() on each row would double
        # the cost of this scan. PostgreSQL needs ILIKE.
        pattern = f.sender.strip()
        if dialect == "postgresql":
            where.append(t.Message.sender.icontains(pattern, autoescape=True))
        else:
            where.append(t.Message.sender.contains(pattern, autoescape=True))
    if f.date_from is not None:
        where.append(t.Message.received_at >= f.date_from)
    if f.date_to is not None:
        where.append(t.Message.received_at < f.date_to)
    if f.order_number:
        # Exact match (order numbers are upper case), on the stored number or any
        # candidate: two index look-ups joined by UNION, never a scan.
        value = f.order_number.strip().upper()
        hits = union(
            select(t.Message.id).where(t.Message.order_number == value),
            select(t.Candidate.message_id).where(t.Candidate.value == value),
        )
        where.append(t.Message.id.in_(hits))
    return where


def list_queue(
    sess: Session, f: QueueFilter, after: str | None = None, limit: int = 50
) -> QueuePage:
    """Oldest first; ``after`` is the previous page's ``next_cursor``."""
    cols = (
        t.Message.id,
        t.Message.sender,
        t.Message.subject,
        t.Message.received_at,
        t.Message.status,
        t.Message.order_number,
        t.Message.order_score,
    )
    stmt = select(*cols).where(*_queue_where(f, sess.get_bind().dialect.name))
    if after:
        when, mid = decode_cursor(after)
        stmt = stmt.where(
            or_(
                t.Message.received_at > when,
                and_(t.Message.received_at == when, t.Message.id > mid),
            )
        )
    stmt = stmt.order_by(t.Message.received_at, t.Message.id).limit(limit + 1)
    rows = [
        QueueRow(r[0], r[1] or "", r[2] or "", r[3], r[4], r[5], r[6])
        for r in sess.execute(stmt).all()
    ]
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = encode_cursor(rows[-1].received_at, rows[-1].id) if more and rows else None
    return QueuePage(tuple(rows), cursor)


def next_to_validate(sess: Session, current_id: int | None = None) -> int | None:
    """The mail a clerk sees next: the oldest waiting one after ``current_id``, wrapping."""
    base = select(t.Message.id).where(t.Message.status == "awaiting-validation")
    order = (t.Message.received_at, t.Message.id)
    if current_id is not None:
        cur = sess.execute(
            select(t.Message.received_at).where(t.Message.id == current_id)
        ).scalar_one_or_none()
        if cur is not None:
            later = sess.execute(
                base.where(tuple_(*order) > tuple_(cur, current_id)).order_by(*order).limit(1)
            ).scalar_one_or_none()
            if later is not None:
                return int(later)
        base = base.where(t.Message.id != current_id)
    first = sess.execute(base.order_by(*order).limit(1)).scalar_one_or_none()
    return int(first) if first is not None else None


# --- detail ---------------------------------------------------------------------------


def _field(analysis: dict[str, Any] | None, *names: str) -> str | None:
    """A labelled field from a document's analysis (flat, or under ``fields``)."""
    if not analysis:
        return None
    places = [analysis, analysis.get("fields") or {}, analysis.get("orderx") or {}]
    for place in places:
        if not isinstance(place, dict):
            continue
        for name in names:
            v = place.get(name)
            if isinstance(v, dict):
                v = v.get("value")
            if v not in (None, ""):
                return str(v)
    return None


def _sirene_rows(
    sess: Session, numbers: list[str]
) -> dict[str, tuple[str, str | None, str | None]]:
    """(status, name, address) the SIRENE job has stored per number, read at page time
    so the page shows the answer as soon as the job has it."""
    if not numbers:
        return {}
    from .sirene_tables import sirene_lookup

    try:
        with sess.begin_nested():
            rows = sess.execute(
                select(
                    sirene_lookup.c.number,
                    sirene_lookup.c.status,
                    sirene_lookup.c.name,
                    sirene_lookup.c.address,
                ).where(sirene_lookup.c.number.in_(numbers))
            ).all()
    except SQLAlchemyError:
        return {}
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def _identifier_views(idents: list[t.Identifier], sess: Session) -> tuple[IdentifierView, ...]:
    from ..sirene.info import siren_of

    answers = _sirene_rows(sess, sorted({i.value for i in idents}))
    siret_sirens = {
        s for i in idents if i.kind == "siret" and not i.is_ours and (s := siren_of(i.value))
    }
    out = []
    for i in idents:
        status, name, address = answers.get(i.value, (None, None, None))
        vat_siren = siren_of(i.value) if i.kind == "vat" and not i.is_ours else None
        mismatch = bool(vat_siren and siret_sirens and vat_siren not in siret_sirens)
        out.append(
            IdentifierView(
                i.kind, i.value, i.valid, i.page, i.is_ours, name, status, address, mismatch
            )
        )
    return tuple(out)


def message_detail(sess: Session, message_id: int) -> MessageDetail | None:
    m = sess.get(t.Message, message_id)
    if m is None:
        return None
    docs = sess.execute(
        select(t.Document)
        .join(t.Attachment, t.Document.attachment_id == t.Attachment.id)
        .where(t.Attachment.message_id == message_id)
    ).scalars()
    doc_by_att: dict[int, t.Document] = {}
    for d in docs:
        doc_by_att.setdefault(d.attachment_id, d)
    attachments = []
    total_ht = quote = None
    for a in m.attachments:
        if not a.is_real:
            continue
        doc = doc_by_att.get(a.id)
        pages = (
            tuple(PageView(p.number, p.width, p.height, p.source) for p in doc.pages) if doc else ()
        )
        if doc is not None:
            total_ht = total_ht or _field(doc.analysis, "total_ht")
            quote = quote or _field(doc.analysis, "quote_reference", "quote_number")
        kind = a.sniffed_type or a.content_type
        attachments.append(
            AttachmentView(
                a.id,
                a.filename,
                kind,
                a.size,
                a.blob,
                kind == "application/pdf",
                kind.startswith("image/"),
                doc.id if doc else None,
                pages,
                doc.error if doc else None,
            )
        )
    cands = tuple(
        CandidateView(
            c.id,
            c.rank,
            c.value,
            c.suffix,
            c.score,
            c.page,
            c.document_id,
            tuple(c.bbox) if c.bbox and len(c.bbox) == 4 else None,
            c.keyword,
            c.evidence,
            tuple(str(x) for x in c.corrections or ()),
            tuple(str(x) for x in c.reasons or ()),
            c.engine_score,
        )
        for c in sess.execute(
            select(t.Candidate)
            .where(t.Candidate.message_id == message_id)
            .order_by(t.Candidate.rank)
        ).scalars()
    )
    idents = list(
        sess.execute(select(t.Identifier).where(t.Identifier.message_id == message_id)).scalars()
    )
    return MessageDetail(
        id=m.id,
        sender=m.sender or "",
        subject=m.subject or "",
        received_at=m.received_at,
        status=m.status,
        body=m.body or "",
        quoted=m.quoted or "",
        reasons=tuple(str(r) for r in m.reasons or ()),
        order_number=m.order_number,
        raw_sha256=m.raw_sha256,
        attachments=tuple(attachments),
        candidates=cands,
        identifiers=_identifier_views(idents, sess),
        total_ht=total_ht,
        quote_reference=quote,
        validations=validations_of(sess, message_id),
    )


def attachment_blob(sess: Session, attachment_id: int) -> tuple[str, str, str | None] | None:
    """(filename, content type, blob hash) of one attachment."""
    a = sess.get(t.Attachment, attachment_id)
    if a is None:
        return None
    return a.filename, a.sniffed_type or a.content_type, a.blob
