"""Mail sources behind one small interface. IMAP is spoken only in ``mailbox.imap``.

The pipeline asks a source which mails are there (cheap: UIDs or Maildir keys only),
keeps those it has not stored yet, fetches only those, and applies the post-action
(move to a folder, or flag) only after the result is committed. A source never decides
whether a mail was processed: the store does, keyed on :class:`~orderintake.model.MailRef`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..model import MailRef

#: Default post-action folders (created when missing).
FOLDER_PROCESSED = "Orders/Processed"
FOLDER_NOT_ORDER = "Orders/NotOrder"
FOLDER_NEEDS_ATTENTION = "Orders/NeedsAttention"


@runtime_checkable
class MailSource(Protocol):
    """A mailbox folder we watch. Implementations: ``maildir.MaildirSource``, ``imap.ImapSource``."""

    #: The source URL without credentials, plus the folder: the ``MailRef.mailbox`` value.
    name: str
    #: True when :meth:`wait` is a real push (IMAP IDLE), False when it only sleeps.
    supports_idle: bool

    def connect(self) -> None:
        """Open the connection (raise ``MailboxError``, retryable, on failure)."""

    def close(self) -> None:
        """Close quietly; safe to call twice."""

    def list_refs(self) -> list[MailRef]:
        """Every mail now in the watched folder, oldest first: references only, no bodies.

        The UIDVALIDITY is read here: a change shows in the refs' ``uidvalidity``.
        """
        ...

    def fetch(self, ref: MailRef) -> bytes:
        """The raw RFC 5322 bytes of one mail, without setting \\Seen."""
        ...

    def move(self, ref: MailRef, folder: str) -> None:
        """Move the mail to ``folder`` (created when missing)."""

    def flag(self, ref: MailRef, flag: str) -> None:
        """Set a flag/keyword on the mail (IMAP) or the Maildir info letter."""

    def wait(self, timeout: float) -> bool:
        """Block until something may have arrived or ``timeout`` seconds passed.

        Returns True when the server signalled a change (IDLE), False on timeout.
        """
        ...
