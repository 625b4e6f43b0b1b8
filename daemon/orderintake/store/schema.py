"""The database tables, as SQLAlchemy 2 typed declarative models.

These classes never leave :mod:`orderintake.store`: :mod:`.repo` turns rows into the
model's frozen dataclasses or small records. The migrations in ``migrations/versions``
are the schema's source of truth on a real database; ``tests/store`` checks that they
and these models agree, so a column added here without a migration fails the tests.

Times are stored as naive UTC (:class:`UTCDateTime`) because SQLite has no time zones:
comparing ``lease_expires_at < now`` must mean the same thing on both engines.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

#: Life cycle of a mail row (see docs/operations.md):
#: ``processing`` while a worker holds the lease; ``needs-attention`` after a failed
#: attempt that will be retried (``next_attempt_at``); ``failed`` once the attempts are
#: exhausted; ``duplicate`` for a resend/forward linked to the first mail (``duplicate_of``).
MESSAGE_STATUSES = (
    "new",
    "processing",
    "awaiting-validation",
    "validated",
    "rejected",
    "not-order",
    "needs-attention",
    "failed",
    "duplicate",
)
VALIDATION_ACTIONS = ("accept", "correct", "reject", "requeue", "note")
DELIVERY_STATUSES = ("pending", "delivered", "failed")
USER_ROLES = ("clerk", "admin")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in Python, naive UTC in the database (same on SQLite and PostgreSQL)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store: use datetime.now(UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: UTCDateTime,
    }


class MailboxState(Base):
    """One watched folder: its UIDVALIDITY (to detect a renumbering) and its health."""

    __tablename__ = "mailbox_state"

    mailbox: Mapped[str] = mapped_column(String(500), primary_key=True)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_poll_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Message(Base):
    """One mail as found on the server, keyed on (mailbox, UIDVALIDITY, UID)."""

    __tablename__ = "message"
    __table_args__ = (
        UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_message_ref"),
        Index("ix_message_queue", "status", "received_at"),
        Index("ix_message_order_number", "order_number"),
        Index("ix_message_message_id", "message_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    maildir_key: Mapped[str | None] = mapped_column(String(255))
    message_id: Mapped[str | None] = mapped_column(String(998))
    subject: Mapped[str | None] = mapped_column(Text)
    sender: Mapped[str | None] = mapped_column(String(500))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    headers: Mapped[list[Any]] = mapped_column(default=list)
    body: Mapped[str | None] = mapped_column(Text)
    quoted: Mapped[str | None] = mapped_column(Text)
    bucket: Mapped[str | None] = mapped_column(String(40))
    is_order: Mapped[bool | None] = mapped_column(Boolean)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(30), default="new")
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_expires_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    raw_sha256: Mapped[str | None] = mapped_column(String(64))
    raw_size: Mapped[int | None] = mapped_column(Integer)
    #: Best candidate over the order attachments, copied here for the queue and search.
    order_number: Mapped[str | None] = mapped_column(String(200))
    order_score: Mapped[float | None] = mapped_column(Float)
    post_action: Mapped[str | None] = mapped_column(String(200))
    post_action_done: Mapped[bool] = mapped_column(Boolean, default=False)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("message.id", ondelete="SET NULL"))
    blobs_purged_at: Mapped[datetime | None]
    #: Who the customer is for learning (``learning.customer_key``), set by the pipeline.
    customer_key: Mapped[str | None] = mapped_column(String(320))
    #: The engine's best number before learning re-ranked (None: same as order_number).
    engine_order_number: Mapped[str | None] = mapped_column(String(200))

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="message", cascade="all, delete-orphan", order_by="Attachment.position"
    )


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    filename: Mapped[str] = mapped_column(String(500), default="")
    content_type: Mapped[str] = mapped_column(String(200), default="")
    sniffed_type: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    is_real: Mapped[bool] = mapped_column(Boolean, default=True)
    is_inline: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(String(200), default="")
    #: Hash of the stored file under data_dir/blobs (None once purged by retention).
    blob: Mapped[str | None] = mapped_column(String(64))

    message: Mapped[Message] = relationship(back_populates="attachments")
    documents: Mapped[list[Document]] = relationship(
        back_populates="attachment", cascade="all, delete-orphan"
    )


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(20), default="none")
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    is_order_document: Mapped[bool] = mapped_column(Boolean, default=False)
    analysis: Mapped[dict[str, Any] | None]
    error: Mapped[str | None] = mapped_column(Text)

    attachment: Mapped[Attachment] = relationship(back_populates="documents")
    pages: Mapped[list[Page]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Page.number"
    )


class Page(Base):
    __tablename__ = "page"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_page_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    width: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(20))
    dpi: Mapped[int | None] = mapped_column(Integer)
    rotation: Mapped[float | None] = mapped_column(Float)
    mean_confidence: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="pages")


class Candidate(Base):
    __tablename__ = "candidate"
    __table_args__ = (Index("ix_candidate_value", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(String(200))
    suffix: Mapped[str] = mapped_column(String(100), default="")
    score: Mapped[float] = mapped_column(Float)
    page: Mapped[int] = mapped_column(Integer)
    bbox: Mapped[list[Any] | None]
    keyword: Mapped[str | None] = mapped_column(String(200))
    evidence: Mapped[str] = mapped_column(Text, default="")
    corrections: Mapped[list[Any]] = mapped_column(default=list)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    #: The engine's own score before learning (None: ``score`` is the engine's). The
    #: auto-accept threshold is compared with it: a learned score is not calibrated.
    engine_score: Mapped[float | None] = mapped_column(Float)


class Identifier(Base):
    __tablename__ = "identifier"
    __table_args__ = (Index("ix_identifier_value", "kind", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(40))
    valid: Mapped[bool] = mapped_column(Boolean)
    page: Mapped[int] = mapped_column(Integer)
    bbox: Mapped[list[Any] | None]
    raw: Mapped[str] = mapped_column(String(100), default="")
    is_ours: Mapped[bool] = mapped_column(Boolean, default=False)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Validation(Base):
    """A clerk's decision on a mail: who, when, what, why."""

    __tablename__ = "validation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    value: Mapped[str | None] = mapped_column(String(200))
    candidate_rank: Mapped[int | None] = mapped_column(Integer)
    reason_code: Mapped[str | None] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(Text)
    auto: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Delivery(Base):
    """One hand-off of a validated order to one sink; retried until delivered."""

    __tablename__ = "delivery"
    __table_args__ = (Index("ix_delivery_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), index=True
    )
    sink: Mapped[str] = mapped_column(String(100))
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    response: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None]


class ValidatedExample(Base):
    """One validated order of one customer: what ``learning.learn_profile`` reads."""

    __tablename__ = "validated_example"
    __table_args__ = (Index("ix_validated_example_customer", "customer", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer: Mapped[str] = mapped_column(String(320))
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("message.id", ondelete="SET NULL"), index=True
    )
    order_number: Mapped[str] = mapped_column(String(200))
    keyword: Mapped[str | None] = mapped_column(String(200))
    page: Mapped[int | None] = mapped_column(Integer)
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    engine_top1_right: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_name: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[datetime] = mapped_column(default=utcnow)
