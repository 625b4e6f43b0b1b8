"""One mail through every stage, from raw bytes to a result the store can keep.

:func:`process_raw` is the pure-ish part: raw bytes → parsed mail → real attachments →
documents (text layer, OCR, office conversion) → engine analysis → classification with
the documents' hints → best order number over the order attachments. It never raises for
a bad mail: the failure is in the :class:`MailResult` (``error``, ``retryable``), so one
mail's failure stays with that mail. It runs in worker processes as well as in line, so
it touches no database: what the store adds (the customer's learned profile, the SIRENE
register, auto-accept) is in :mod:`.enrich`, and the poll of a mailbox in :mod:`.poller`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .errors import ExtractionError, IntakeError, MessageError
from .model import Attachment, Candidate
from .store.records import AttachmentResult, MailResult

if TYPE_CHECKING:
    from .config import Settings

log = logging.getLogger(__name__)

__all__ = ["AttachmentResult", "MailResult", "Stages", "best_order_number", "process_raw"]

#: What a document calls itself, looked for in its first lines (accents and case folded).
_TITLE_LINES = 12
_WORDING = {
    "order": re.compile(r"\b(bon de commande|commande|purchase order|order)\b"),
    "invoice": re.compile(r"\b(facture|invoice|avoir|credit note)\b"),
    "quote": re.compile(r"\b(devis|offre de prix|proposition commerciale|quotation)\b"),
}


@dataclass(frozen=True)
class Stages:
    """Rules and options one worker needs, loaded once (picklable, for worker processes)."""

    classify_rules: Any
    engine_rules: Any
    extract_options: Any
    own_identifiers: tuple[str, ...] = ()

    @classmethod
    def load(cls, settings: Settings) -> Stages:
        """Load and self-test the rule files (raises ``RuleFileError`` with file and line)."""
        from .classify_rules import load_classify_rules
        from .engine_rules import load_engine_rules
        from .extract import ExtractOptions

        return cls(
            classify_rules=load_classify_rules(settings.rules_dir),
            engine_rules=load_engine_rules(settings.rules_dir),
            extract_options=ExtractOptions.from_settings(settings),
            own_identifiers=tuple(settings.own_identifiers),
        )


def _analyse(stages: Stages, document: Any) -> Any:
    from .analysis import analyse

    return analyse(document, stages.engine_rules, stages.own_identifiers)


def _hint(ar: AttachmentResult) -> Any:
    """The classifier's view of one analysed attachment."""
    from . import classify as classify_mod

    analysis = ar.analysis or {}
    make = getattr(classify_mod, "hint_from_analysis", None)
    if make is not None and ar.document is not None:
        return make(ar.attachment, ar.document, analysis)
    best = ar.candidates[0].score if ar.candidates else 0.0
    doc = ar.document
    title = ""
    if doc is not None and doc.pages:
        from .classify_rules import normalise

        title = normalise("\n".join(line.text for line in doc.pages[0].lines[:_TITLE_LINES]))
    return classify_mod.DocumentHint(
        filename=ar.attachment.filename,
        order_number_score=best,
        order_wording=bool(_WORDING["order"].search(title)),
        invoice_wording=bool(_WORDING["invoice"].search(title)),
        quote_wording=bool(_WORDING["quote"].search(title)),
        has_text_layer=None
        if doc is None
        else any(p.source in ("pdf-text", "order-x") for p in doc.pages),
    )


def _process_attachment(att: Attachment, stages: Stages) -> AttachmentResult:
    from .extract import extract_bytes

    try:
        document = extract_bytes(att.data, att.filename or "attachment", stages.extract_options)
    except ExtractionError as exc:
        if exc.retryable:
            raise
        return AttachmentResult(att, error=str(exc))
    analysis = _analyse(stages, document)
    to_json = getattr(analysis, "to_json", None)
    return AttachmentResult(
        att,
        document=document,
        analysis=to_json() if callable(to_json) else None,
        candidates=tuple(getattr(analysis, "order_numbers", ())),
        identifiers=tuple(getattr(analysis, "identifiers", ())),
    )


def process_raw(raw: bytes, *, name: str, stages: Stages) -> MailResult:
    """Parse, read, analyse and classify one mail; failures are returned, not raised."""
    from .classify import classify
    from .message import parse_message

    started = time.perf_counter()
    try:
        message = parse_message(raw)
    except MessageError as exc:
        return MailResult(name, error=f"the mail cannot be read: {exc}", retryable=False)
    except Exception as exc:  # a bug in a stage must not stop the daemon
        log.exception("%s: unexpected error while parsing", name)
        return MailResult(name, error=f"internal error while reading the mail: {exc!r}")
    try:
        results = [_process_attachment(a, stages) for a in message.real_attachments]
        hints = [_hint(r) if r.document is not None else None for r in results]
        classification = classify(
            message, stages.classify_rules, [h for h in hints if h is not None]
        )
        numbers = _mail_numbers(message, stages)
    except IntakeError as exc:
        return MailResult(name, message, error=str(exc), retryable=exc.retryable)
    except Exception as exc:
        log.exception("%s: unexpected error while processing", name)
        return MailResult(name, message, error=f"internal error while reading the mail: {exc!r}")
    marked = [
        replace(
            r,
            is_order_document=h is not None
            and not ((h.invoice_wording or h.quote_wording) and not h.order_wording),
            candidates=_corroborated(r, numbers),
        )
        for r, h in zip(results, hints, strict=True)
    ]
    return MailResult(
        name,
        message,
        classification,
        tuple(marked),
        order_number=best_order_number(marked) if classification.is_order else None,
        seconds=time.perf_counter() - started,
    )


def _mail_numbers(message: Any, stages: Stages) -> list[str]:
    """Order numbers the mail's subject and own words state (:mod:`.corroborate`)."""
    from .corroborate import mail_numbers

    return mail_numbers(message.subject, message.body, stages.engine_rules)


def _corroborated(r: AttachmentResult, numbers: Sequence[str]) -> tuple[Candidate, ...]:
    """The attachment's candidates once the mail's own numbers have confirmed theirs."""
    if not numbers or not r.candidates:
        return r.candidates
    from .corroborate import corroborate

    ocr = {p.number for p in r.document.pages if p.source == "ocr"} if r.document else set()
    return tuple(corroborate(r.candidates, numbers, ocr))


def best_order_number(results: list[AttachmentResult]) -> Candidate | None:
    """The best first candidate over the order attachments (all of them if none is one)."""
    pool = [r for r in results if r.is_order_document and r.candidates] or [
        r for r in results if r.candidates
    ]
    tops = [r.candidates[0] for r in pool]
    return max(tops, key=lambda c: c.score) if tops else None
