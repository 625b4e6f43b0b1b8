"""A Maildir as a mail source (``maildir:///path``), with the standard library's ``mailbox``.

Layout: **Maildir++**, the layout Dovecot, Courier and Postfix's ``virtual`` use. The
watched folder is the root Maildir itself (its ``new/`` and ``cur/``: the INBOX); a
post-action folder ``Orders/Processed`` is the sub-Maildir ``<root>/.Orders.Processed``
(``/`` becomes ``.``), created when missing. So a server that delivers to this Maildir
shows the same folders over IMAP.

``MailRef.uid`` is a stable positive 63-bit integer derived from the Maildir key (the key
does not change when a mail moves from ``new/`` to ``cur/`` or gets flags) and
``MailRef.key`` holds the key itself. ``uidvalidity`` is always 0.

Reading never marks a mail as seen: bytes are read without touching its flags or moving
it out of ``new/``.
"""

from __future__ import annotations

import hashlib
import logging
import mailbox
import os
import threading
import time
from pathlib import Path

from ..errors import MailboxError
from ..model import MailRef

log = logging.getLogger(__name__)

#: IMAP system flags → Maildir info letters.
FLAG_LETTERS = {
    "\\seen": "S",
    "\\flagged": "F",
    "\\answered": "R",
    "\\deleted": "T",
    "\\draft": "D",
}


def uid_for_key(key: str) -> int:
    """A stable positive 63-bit integer for a Maildir key (fits SQL BIGINT)."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") >> 1


def maildir_folder_name(folder: str) -> str:
    """``Orders/Processed`` → ``Orders.Processed`` (Maildir++; stdlib adds the dot)."""
    parts = [p for p in folder.replace("\\", "/").split("/") if p]
    if not parts or any(p in (".", "..") or "." in p for p in parts):
        raise MailboxError(
            f"folder name {folder!r} cannot be used in a Maildir ('.' separates levels)",
            retryable=False,
        )
    return ".".join(parts)


class MaildirSource:
    """The INBOX of a Maildir++ tree. Thread-safe enough for one poller plus ``wake()``."""

    supports_idle = False

    def __init__(self, root: Path | str, *, poll_slice: float = 0.5) -> None:
        self.root = Path(root).expanduser().resolve()
        self.name = f"maildir://{self.root}/INBOX"
        self._md: mailbox.Maildir | None = None
        self._poll_slice = poll_slice
        #: Set it (from another thread or a signal handler) to end :meth:`wait` at once.
        self.wakeup = threading.Event()

    def __repr__(self) -> str:
        return f"MaildirSource({str(self.root)!r})"

    # --- life cycle -----------------------------------------------------------------

    def connect(self) -> None:
        try:
            self._md = mailbox.Maildir(self.root, factory=None, create=True)
        except OSError as exc:
            raise MailboxError(f"cannot open the Maildir {self.root}: {exc.strerror}") from exc

    def close(self) -> None:
        self._md = None

    @property
    def md(self) -> mailbox.Maildir:
        if self._md is None:
            self.connect()
        assert self._md is not None
        return self._md

    # --- reading ----------------------------------------------------------------------

    def list_refs(self) -> list[MailRef]:
        """Every mail in the INBOX, oldest first (file time, then key)."""
        try:
            keys = list(self.md.iterkeys())
            dated: list[tuple[float, str]] = []
            for key in keys:
                try:
                    dated.append((os.stat(self._path(key)).st_mtime, key))
                except (KeyError, FileNotFoundError):
                    continue  # moved away since the listing
        except OSError as exc:
            raise MailboxError(f"cannot list the Maildir {self.root}: {exc.strerror}") from exc
        dated.sort()
        return [MailRef(self.name, 0, uid_for_key(k), k) for _, k in dated]

    def _path(self, key: str) -> str:
        # The stdlib keeps key → relative path in its table of contents (refreshed on
        # iterkeys()); there is no public accessor.
        return os.path.join(self.root, self.md._lookup(key))  # type: ignore[attr-defined]

    def _key(self, ref: MailRef) -> str:
        if not ref.key:
            raise MailboxError(f"reference {ref} carries no Maildir key", retryable=False)
        return ref.key

    def fetch(self, ref: MailRef) -> bytes:
        key = self._key(ref)
        try:
            return self.md.get_bytes(key)
        except KeyError:
            raise MailboxError(
                f"mail {key} is no longer in {self.root} (moved or deleted by someone else)",
                retryable=False,
            ) from None
        except OSError as exc:
            raise MailboxError(f"cannot read mail {key}: {exc.strerror}") from exc

    # --- post-actions -----------------------------------------------------------------

    def folder(self, folder: str) -> mailbox.Maildir:
        """The sub-Maildir for ``folder``, created when missing."""
        name = maildir_folder_name(folder)
        try:
            if name in self.md.list_folders():
                return self.md.get_folder(name)
            return self.md.add_folder(name)
        except OSError as exc:
            raise MailboxError(f"cannot create folder {folder!r}: {exc.strerror}") from exc

    def move(self, ref: MailRef, folder: str) -> None:
        key = self._key(ref)
        target = self.folder(folder)
        try:
            msg = self.md.get_message(key)
            target.add(msg)
            self.md.discard(key)
        except KeyError:
            raise MailboxError(
                f"mail {key} is no longer in {self.root}; cannot move it to {folder}",
                retryable=False,
            ) from None
        except OSError as exc:
            raise MailboxError(f"cannot move mail {key} to {folder}: {exc.strerror}") from exc
        log.info("mail %s moved to %s", key, folder)

    def flag(self, ref: MailRef, flag: str) -> None:
        key = self._key(ref)
        letter = FLAG_LETTERS.get(flag.lower())
        if letter is None:
            raise MailboxError(
                f"a Maildir stores only the flags {', '.join(FLAG_LETTERS)}; "
                f"{flag!r} cannot be set (use a folder instead)",
                retryable=False,
            )
        try:
            msg = self.md.get_message(key)
            msg.add_flag(letter)
            self.md[key] = msg
        except KeyError:
            raise MailboxError(f"mail {key} is no longer in {self.root}", retryable=False) from None
        except OSError as exc:
            raise MailboxError(f"cannot flag mail {key}: {exc.strerror}") from exc

    # --- waiting ----------------------------------------------------------------------

    def _stamp(self) -> tuple[int, ...]:
        out: list[int] = []
        for sub in ("new", "cur"):
            try:
                out.append(os.stat(self.root / sub).st_mtime_ns)
            except OSError:
                out.append(0)
        return tuple(out)

    def wake(self) -> None:
        """End a :meth:`wait` in progress (e.g. on SIGTERM)."""
        self.wakeup.set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` s; True early when a mail was delivered or on :meth:`wake`.

        Delivery is seen from the ``new/`` and ``cur/`` directories' modification times,
        looked at every ``poll_slice`` seconds: cheap, and no inotify dependency.
        """
        before = self._stamp()
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if self.wakeup.wait(min(self._poll_slice, left)):
                self.wakeup.clear()
                return True
            if self._stamp() != before:
                return True
