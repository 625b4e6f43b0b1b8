"""An IMAP folder as a mail source (``imap://`` / ``imaps://``), with IMAPClient.

The only module that speaks IMAP. What it does, and why:

* **TLS always verified.** ``imaps://`` is TLS from the first byte; ``imap://`` upgrades
  with STARTTLS (``imap_starttls``, on by default; turning it off sends the password in
  clear and is meant for loopback tests only). An internal CA is given with
  ``imap_ca_file``; certificate checks are never switched off.
* **Credentials:** the password comes from ``ORDERINTAKE_IMAP_PASSWORD`` or
  ``imap_password_file``; Microsoft 365 and Gmail use XOAUTH2 with a token printed by
  ``imap_oauth2_token_command`` or read from ``imap_oauth2_token_file``. A password in the
  URL is refused. Secrets never appear in reprs or logs.
* **Cheap listing:** ``UID SEARCH ALL`` gives UIDs only; UIDVALIDITY comes with SELECT.
  Bodies are fetched one mail at a time with ``BODY.PEEK[]``, which never sets ``\\Seen``
  (people read this mailbox too).
* **Moves:** ``MOVE`` when the server has it, else ``COPY`` + ``\\Deleted`` + ``UID
  EXPUNGE`` (only that message). A server without UIDPLUS has only the global
  ``EXPUNGE``, which would also destroy mails staff flagged ``\\Deleted``: there the
  moved mail is left flagged ``\\Deleted`` and nothing is expunged. Missing folders are
  created (and subscribed), under the server's personal namespace prefix (``INBOX.`` on
  Courier and Cyrus) when the configured name lacks it.
* **Push:** ``wait()`` uses IDLE when offered. IDLE is ended and re-issued every
  ``imap_idle_renew`` seconds (servers drop IDLE after 29 minutes, and ending it is how a
  hung server is noticed); a ``BYE`` during IDLE is a disconnect.
* **Errors:** every call has a socket timeout. ``IMAP4.abort``, ``IMAP4.error``,
  ``OSError`` (timeouts, refused connections) and ``ssl.SSLError`` become
  :class:`~orderintake.errors.MailboxError` (retryable; the connection is dropped and the
  next call reconnects). A refused login or an untrusted certificate is not retryable,
  nor is a tagged NO/BAD to a command on one mail (FETCH, MOVE, CREATE refused: quota,
  namespace, a name the server does not accept): that mail's problem, not the
  connection's, so the poller records it on the mail and goes on with the others.
"""

from __future__ import annotations

import imaplib
import logging
import shlex
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from ..config import Settings, read_secret
from ..errors import ConfigError, MailboxError
from ..model import MailRef

log = logging.getLogger(__name__)
T = TypeVar("T")
PASSWORD_ENV = "ORDERINTAKE_IMAP_PASSWORD"


@dataclass(frozen=True)
class ImapConfig:
    """Where and how to connect. ``password`` and tokens never show in ``repr``."""

    host: str
    port: int
    username: str
    folder: str = "INBOX"
    use_ssl: bool = True
    starttls: bool = True
    ca_file: str = ""
    timeout: float = 30.0
    idle_renew: float = 240.0
    password: str | None = field(default=None, repr=False)
    oauth2_token_command: str = field(default="", repr=False)
    oauth2_token_file: str = field(default="", repr=False)

    @property
    def name(self) -> str:
        scheme = "imaps" if self.use_ssl else "imap"
        return f"{scheme}://{self.username}@{self.host}:{self.port}/{self.folder}"

    @classmethod
    def from_url(cls, url: str, **kw: Any) -> ImapConfig:
        """``imap[s]://user@host[:port]/FOLDER`` (user may be %-encoded, e.g. ``a%40b.fr``)."""
        parts = urlsplit(url)
        if parts.scheme not in ("imap", "imaps"):
            raise ConfigError(f"mailbox_url: expected imap:// or imaps://, got {parts.scheme}://")
        if parts.password:
            raise ConfigError(
                "mailbox_url: do not put the password in the URL; use the environment "
                f"variable {PASSWORD_ENV} or imap_password_file"
            )
        if not parts.hostname or not parts.username:
            raise ConfigError("mailbox_url: expected imap[s]://user@host[:port]/FOLDER")
        use_ssl = parts.scheme == "imaps"
        try:
            port = parts.port or (993 if use_ssl else 143)
        except ValueError as exc:
            raise ConfigError(f"mailbox_url: bad port: {exc}") from None
        folder = unquote(parts.path.lstrip("/")) or "INBOX"
        return cls(parts.hostname, port, unquote(parts.username), folder, use_ssl, **kw)

    @classmethod
    def from_settings(cls, settings: Settings) -> ImapConfig:
        password = None
        if not (settings.imap_oauth2_token_command or settings.imap_oauth2_token_file):
            password = read_secret(PASSWORD_ENV, settings.imap_password_file or None)
        return cls.from_url(
            settings.mailbox_url,
            starttls=settings.imap_starttls,
            ca_file=settings.imap_ca_file,
            timeout=settings.imap_timeout,
            idle_renew=settings.imap_idle_renew,
            password=password,
            oauth2_token_command=settings.imap_oauth2_token_command,
            oauth2_token_file=settings.imap_oauth2_token_file,
        )


def oauth2_token(config: ImapConfig) -> str:
    """The access token: printed by the token command, or the token file's first line."""
    if config.oauth2_token_command:
        try:
            out = subprocess.run(
                shlex.split(config.oauth2_token_command),
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise MailboxError(f"the OAuth2 token command could not run: {exc}") from exc
        token = out.stdout.strip().splitlines()[0] if out.stdout.strip() else ""
        if out.returncode != 0 or not token:
            raise MailboxError(
                f"the OAuth2 token command failed (exit {out.returncode}): "
                f"{out.stderr.strip()[:200] or 'no token printed'}"
            )
        return token
    try:
        token = read_secret("", config.oauth2_token_file) or ""
    except ConfigError as exc:
        raise MailboxError(str(exc)) from exc
    if not token:
        raise MailboxError(f"the OAuth2 token file {config.oauth2_token_file} is empty")
    return token


class ImapSource:
    """One IMAP folder. Not thread-safe: one poller uses it; :meth:`wake` may be called
    from another thread or a signal handler to end :meth:`wait` early."""

    def __init__(self, config: ImapConfig, *, clock: Callable[[], float] = time.monotonic):
        self.config = config
        self.name = config.name
        self.supports_idle = False
        self.uidvalidity = 0
        self.wakeup = threading.Event()
        self._client: IMAPClient | None = None
        self._delimiter = "/"
        #: The personal namespace prefix ("INBOX." on Courier/Cyrus, "" on Dovecot).
        self._prefix = ""
        self._clock = clock

    def __repr__(self) -> str:
        return f"ImapSource({self.name!r})"

    # --- connection -------------------------------------------------------------------

    @contextmanager
    def _errors(self, what: str, *, per_mail: bool = False) -> Iterator[None]:
        """Convert library errors to MailboxError; a broken connection is dropped.

        With ``per_mail``, a refusal (tagged NO/BAD) is not retryable: the connection is
        fine, and retrying at once would stop every later mail behind this one.
        """
        try:
            yield
        except MailboxError:
            raise
        except LoginError as exc:
            self._drop()
            raise MailboxError(
                f"{self.name}: login refused for {self.config.username} ({_text(exc)})",
                retryable=False,
            ) from None
        except ssl.SSLCertVerificationError as exc:
            self._drop()
            raise MailboxError(
                f"{self.name}: the server's certificate is not trusted ({exc.verify_message}); "
                "set imap_ca_file to the CA that signed it",
                retryable=False,
            ) from None
        except (imaplib.IMAP4.abort, OSError, ssl.SSLError) as exc:
            self._drop()
            raise MailboxError(
                f"{self.name}: connection lost while {what} ({_text(exc)})"
            ) from None
        except imaplib.IMAP4.error as exc:
            raise MailboxError(
                f"{self.name}: the server refused {what} ({_text(exc)})",
                retryable=False if per_mail else None,
            ) from None

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            # The socket may already be dead: nothing left to close then.
            with suppress(Exception):
                client.shutdown()

    def _ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.config.ca_file or None)

    def connect(self) -> None:
        self._drop()
        cfg = self.config
        if not (cfg.password or cfg.oauth2_token_command or cfg.oauth2_token_file):
            raise MailboxError(
                f"{self.name}: no IMAP password: set {PASSWORD_ENV} or imap_password_file "
                "(or an OAuth2 token command/file)",
                retryable=False,
            )
        with self._errors("connecting"):
            ctx = self._ssl_context()
            client = IMAPClient(
                cfg.host, port=cfg.port, ssl=cfg.use_ssl, ssl_context=ctx, timeout=cfg.timeout
            )
            self._client = client
            if not cfg.use_ssl and cfg.starttls:
                client.starttls(ctx)
            if cfg.oauth2_token_command or cfg.oauth2_token_file:
                client.oauth2_login(cfg.username, oauth2_token(cfg))
            else:
                client.login(cfg.username, cfg.password or "")
            self.supports_idle = client.has_capability("IDLE")
            try:
                ns = client.namespace()
                if ns.personal and ns.personal[0][1]:
                    self._delimiter = str(ns.personal[0][1])
                if ns.personal:
                    self._prefix = str(ns.personal[0][0] or "")
            except imaplib.IMAP4.error:
                self._delimiter = "/"
            self._select()
        log.info("connected to %s (IDLE %s)", self.name, "yes" if self.supports_idle else "no")

    def _select(self) -> None:
        assert self._client is not None
        sel = self._client.select_folder(self.config.folder)
        self.uidvalidity = int(sel.get(b"UIDVALIDITY", 0))

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # closing quietly: the server may be gone already
            with suppress(Exception):
                client.shutdown()

    @property
    def client(self) -> IMAPClient:
        if self._client is None:
            self.connect()
        assert self._client is not None
        return self._client

    # --- reading ----------------------------------------------------------------------

    def list_refs(self) -> list[MailRef]:
        with self._errors("listing the folder"):
            client = self.client
            self._select()  # refreshes UIDVALIDITY and the message count
            # A mail flagged \Deleted is on its way out (our own COPY+\Deleted move on a
            # server without MOVE/UIDPLUS, or a colleague's): it is not new work.
            uids = sorted(int(u) for u in client.search(["NOT", "DELETED"]))
        return [MailRef(self.name, self.uidvalidity, uid) for uid in uids]

    def _check(self, ref: MailRef) -> None:
        if self._client is None:
            self.connect()
        if ref.uidvalidity != self.uidvalidity:
            raise MailboxError(
                f"{self.name}: UIDVALIDITY changed ({ref.uidvalidity} → {self.uidvalidity}); "
                "list the folder again",
                retryable=False,
            )

    def fetch(self, ref: MailRef) -> bytes:
        with self._errors(f"fetching mail {ref.uid}", per_mail=True):
            self._check(ref)
            data = self.client.fetch([ref.uid], ["BODY.PEEK[]"])
        body = data.get(ref.uid, {}).get(b"BODY[]")
        if not isinstance(body, bytes):
            raise MailboxError(
                f"{self.name}: mail {ref.uid} is no longer in the folder", retryable=False
            )
        return body

    # --- post-actions -----------------------------------------------------------------

    def _server_folder(self, folder: str) -> str:
        name = folder.replace("/", self._delimiter) if self._delimiter != "/" else folder
        p = self._prefix  # INBOX is case-insensitive, the rest of a name is not
        inbox_p = p.upper().startswith("INBOX") and name.upper().startswith(p.upper())
        return (
            name if not p or name.upper() == "INBOX" or name.startswith(p) or inbox_p else p + name
        )

    def ensure_folder(self, folder: str) -> str:
        """The server's name for ``folder`` (``/``-separated), created when missing."""
        with self._errors(f"creating folder {folder}", per_mail=True):
            name = self._server_folder(folder)
            if not self.client.folder_exists(name):
                self.client.create_folder(name)
                # Subscribing is a courtesy to mail clients, not needed by us.
                with suppress(imaplib.IMAP4.error):
                    self.client.subscribe_folder(name)
                log.info("created folder %s on %s", name, self.name)
        return name

    def move(self, ref: MailRef, folder: str) -> None:
        target = self.ensure_folder(folder)
        with self._errors(f"moving mail {ref.uid} to {folder}", per_mail=True):
            self._check(ref)
            client = self.client
            if client.has_capability("MOVE"):
                client.move([ref.uid], target)
            else:
                client.copy([ref.uid], target)
                client.add_flags([ref.uid], [b"\\Deleted"], silent=True)
                if client.has_capability("UIDPLUS"):
                    client.uid_expunge([ref.uid])
                else:
                    # A global EXPUNGE would also destroy mails staff flagged \Deleted.
                    log.warning("%s: mail %s flagged \\Deleted, not expunged (no UIDPLUS)",
                                self.name, ref.uid)  # fmt: skip

    def flag(self, ref: MailRef, flag: str) -> None:
        with self._errors(f"flagging mail {ref.uid}", per_mail=True):
            self._check(ref)
            self.client.add_flags([ref.uid], [flag.encode("utf-8")], silent=True)

    # --- waiting ----------------------------------------------------------------------

    def wake(self) -> None:
        """End a :meth:`wait` in progress within about a second."""
        self.wakeup.set()

    def wait(self, timeout: float) -> bool:
        """IDLE until the folder changes (True) or ``timeout`` passes (False).

        Without IDLE this only sleeps (interruptible by :meth:`wake`).
        """
        if self._client is None:
            self.connect()
        if not self.supports_idle:
            woke = self.wakeup.wait(max(0.0, timeout))
            self.wakeup.clear()
            return woke
        deadline = self._clock() + max(0.0, timeout)
        while True:
            left = deadline - self._clock()
            if left <= 0:
                return False
            changed = self._idle_once(min(left, self.config.idle_renew))
            if changed:
                return True

    def _idle_once(self, span: float) -> bool:
        """One IDLE of at most ``span`` seconds, then DONE (which detects a hung server).

        Responses that arrive with DONE count too: a mail delivered just as IDLE ends
        is reported there and never again.
        """
        client = self.client
        changed = False
        responses: list[Any] = []
        with self._errors("waiting for new mail (IDLE)"):
            client.idle()
            try:
                end = self._clock() + span
                while not changed and self._clock() < end:
                    if self.wakeup.is_set():
                        self.wakeup.clear()
                        changed = True
                        break
                    step = max(0.05, min(1.0, end - self._clock()))
                    changed = _changed(client.idle_check(timeout=step))
            finally:
                if self._client is not None:
                    _, responses = client.idle_done()
            changed = _changed(responses) or changed
        return changed


def _changed(responses: list[Any]) -> bool:
    """True when IDLE responses report new or removed mail; a BYE is a disconnect."""
    changed = False
    for resp in responses:
        if resp and resp[0] == b"BYE":
            raise imaplib.IMAP4.abort("server said BYE: " + _bye_text(resp))
        if len(resp) >= 2 and resp[1] in (b"EXISTS", b"RECENT", b"EXPUNGE"):
            changed = True
    return changed


def _text(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, TimeoutError) or "timed out" in text:
        return "no answer within the timeout"
    return text[:200]


def _bye_text(resp: tuple[Any, ...]) -> str:
    return " ".join(
        x.decode("utf-8", "replace") if isinstance(x, bytes) else str(x) for x in resp[1:]
    )


__all__ = ["ImapConfig", "ImapSource", "oauth2_token"]
