"""Small frozen records that cross the store's border (no ORM object ever does).

``MailResult`` / ``AttachmentResult`` are what the pipeline hands to the store for one
mail; they live here, not in ``pipeline``, because the store must not import the
pipeline (a stage never reaches back up the flow).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model import Attachment, Candidate, Classification, Document, Identifier, ParsedMessage


@dataclass(frozen=True)
class AttachmentResult:
    """One real attachment after extraction and analysis (``error`` when unreadable)."""

    attachment: Attachment
    document: Document | None = None
    analysis: dict[str, Any] | None = None
    candidates: tuple[Candidate, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    is_order_document: bool = False
    error: str | None = None
    #: The engine's own score of each candidate (same order as ``candidates``) when
    #: learning re-ranked them; empty when ``candidates`` are the engine's as they came.
    engine_scores: tuple[float, ...] = ()


@dataclass(frozen=True)
class MailResult:
    """Everything one mail produced. ``error`` set means the mail failed as a whole."""

    name: str
    message: ParsedMessage | None = None
    classification: Classification | None = None
    attachments: tuple[AttachmentResult, ...] = ()
    order_number: Candidate | None = None
    error: str | None = None
    retryable: bool = False
    seconds: float = 0.0
    #: ``learning.customer_key`` of the sender (None when it cannot be told).
    customer_key: str | None = None
    #: The engine's best candidate before learning re-ranked (None: not re-ranked).
    engine_order_number: Candidate | None = None

    @property
    def attachment_hashes(self) -> frozenset[str]:
        return frozenset(a.attachment.sha256 for a in self.attachments if a.attachment.is_real)


@dataclass(frozen=True)
class RefState:
    """What the store knows of one (mailbox, UIDVALIDITY, UID): decides fetch or skip."""

    id: int
    uid: int
    status: str
    post_action: str | None
    post_action_done: bool
    attempts: int
    next_attempt_at: datetime | None
    lease_expires_at: datetime | None


@dataclass(frozen=True)
class Claim:
    """A lease held on a mail row: only the holder may store its result."""

    message_id: int
    owner: str
    attempts: int
    expires_at: datetime


@dataclass(frozen=True)
class Saved:
    """What storing a result did. ``message_id`` may differ from the claim's after a re-key."""

    message_id: int
    status: str
    duplicate_of: int | None = None
    rekeyed: bool = False
    post_action_done: bool = False


@dataclass(frozen=True)
class MessageRecord:
    id: int
    mailbox: str
    uidvalidity: int
    uid: int
    maildir_key: str | None
    message_id: str | None
    subject: str | None
    sender: str | None
    received_at: datetime
    status: str
    bucket: str | None
    is_order: bool | None
    reasons: tuple[str, ...]
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    order_number: str | None
    order_score: float | None
    duplicate_of: int | None
    post_action: str | None
    post_action_done: bool
    raw_sha256: str | None
    attachment_hashes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class MailboxStateRecord:
    mailbox: str
    uidvalidity: int | None
    last_poll_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    counts: dict[str, Any]


@dataclass(frozen=True)
class UserRecord:
    id: int
    name: str
    role: str
    password_hash: str
    active: bool
