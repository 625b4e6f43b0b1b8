"""``Settings.mailbox_url`` → the :class:`~orderintake.mailbox.MailSource` it names."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..config import Settings
from ..errors import ConfigError
from . import MailSource


def maildir_path(url: str) -> Path:
    """The folder of a ``maildir:///path`` URL (``maildir://~/mail`` expands ``~``)."""
    parts = urlsplit(url)
    path = unquote(parts.netloc + parts.path)
    if not path:
        raise ConfigError(f"mailbox_url: expected maildir:///path, got {url!r}")
    return Path(path).expanduser()


def open_source(settings: Settings) -> MailSource:
    """The mail source for ``settings.mailbox_url``, not yet connected.

    IMAP support is imported only when used, so Maildir deployments and the command line
    do not load IMAPClient.
    """
    url = settings.mailbox_url
    scheme = url.split("://", 1)[0].lower()
    if scheme == "maildir":
        from .maildir import MaildirSource

        return MaildirSource(maildir_path(url))
    if scheme in ("imap", "imaps"):
        from .imap import ImapConfig, ImapSource

        return ImapSource(ImapConfig.from_settings(settings))
    raise ConfigError(f"mailbox_url: expected maildir://, imap:// or imaps://, got {url!r}")
