"""One exception hierarchy for the whole product.

Every error that leaves a stage is an :class:`IntakeError`; library exceptions are
wrapped at the edge (``raise PdfError(...) from exc``) so callers never need to know
which library failed. Each error says whether trying again later could succeed
(``retryable``): a server that hung up is worth a retry, a corrupt PDF is not.
The message is written for a clerk, not a developer: it ends up in the review page.
"""

from __future__ import annotations


class IntakeError(Exception):
    """Root of every error orderintake raises on purpose."""

    retryable: bool = False

    def __init__(self, message: str, *, retryable: bool | None = None) -> None:
        super().__init__(message)
        self.message = message
        if retryable is not None:
            self.retryable = retryable

    def __str__(self) -> str:
        return self.message


class ConfigError(IntakeError):
    """The configuration file or environment is invalid: fix it, then restart."""


class MailboxError(IntakeError):
    """The mailbox could not be reached or refused a command (usually retryable)."""

    retryable = True


class MessageError(IntakeError):
    """A mail could not be parsed (malformed MIME, unreadable parts)."""


class ExtractionError(IntakeError):
    """A document's text could not be read."""


class UnsupportedFormatError(ExtractionError):
    """The bytes are not a format we read (sniffed from content, not from the name)."""


class PdfError(ExtractionError):
    """A PDF is broken, truncated or protected by a password."""


class ImageError(ExtractionError):
    """An image is unreadable or larger than the decompression-bomb limit."""


class OcrError(ExtractionError):
    """Tesseract failed or timed out on a page (retryable: it is often load)."""

    retryable = True


class RuleFileError(IntakeError):
    """A rule file is invalid. Carries where (file, line, key) and what was expected."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        where = ":".join(str(p) for p in (file, line) if p is not None)
        prefix = f"{where}: " if where else ""
        keypart = f"[{key}] " if key else ""
        super().__init__(f"{prefix}{keypart}{message}")
        self.file = file
        self.line = line
        self.key = key


class StoreError(IntakeError):
    """The database refused an operation or is not at the expected schema version."""


class SireneError(IntakeError):
    """The SIRENE register could not be asked (network, quota, server error)."""

    retryable = True


class DeliveryError(IntakeError):
    """A validated order could not be handed to the order-entry system (retried)."""

    retryable = True
