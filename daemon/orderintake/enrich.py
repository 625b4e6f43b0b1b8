"""What the store adds to a processed mail: the customer's habits, the register, auto-accept.

:func:`.pipeline.process_raw` touches no database (it runs in worker processes); these
steps run in the poller, around the store's transaction:

* **before storing** — :func:`apply_learning`: the customer's last validated orders
  (``validated_example``) become a profile (:mod:`.learning`) that re-ranks the engine's
  candidates; the reasons ("matches this customer's usual PO-######") travel with the
  candidates to the review page. The engine's own scores and best number are kept beside
  the learned ones: auto-accept and the straight-through rate measure the engine;
* **after storing** — :func:`after_store`: the customer's identifiers are handed to the
  SIRENE cache (:func:`.sirene.known_or_pending`: instant, the scheduled job asks the
  register), then :func:`.handoff.auto_accept` may validate the mail (off by default).

None of this may fail a mail: the mail is stored (or about to be) whatever happens here,
so an error is logged with the mail's id and the mail goes on as the engine left it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import learning
from .errors import IntakeError
from .model import Candidate
from .pipeline import best_order_number
from .store.records import AttachmentResult, MailResult, Saved

if TYPE_CHECKING:
    from .config import Settings
    from .store.repo import Store

log = logging.getLogger(__name__)

__all__ = ["after_store", "apply_learning", "customer_key_of", "customer_siren_of"]


def customer_siren_of(result: MailResult) -> str | None:
    """The customer's SIREN the engine read, from the order documents first."""
    ordered = sorted(result.attachments, key=lambda a: not a.is_order_document)
    for ar in ordered:
        customer = (ar.analysis or {}).get("customer") or {}
        if isinstance(customer, dict) and customer.get("siren"):
            return str(customer["siren"])
    return None


def customer_key_of(result: MailResult) -> str | None:
    """``learning.customer_key`` of the mail (None without sender address nor SIREN)."""
    if result.message is None:
        return None
    try:
        return learning.customer_key(result.message.sender, customer_siren_of(result))
    except IntakeError:
        return None


def _candidate_key(c: Candidate) -> tuple[Any, ...]:
    # What re-ranking never changes (an OCR repair changes the value, not the box).
    return (c.page, c.bbox, c.keyword, c.evidence, c.suffix)


def _rerank_attachment(ar: AttachmentResult, profile: learning.CustomerProfile) -> AttachmentResult:
    if ar.document is None or not ar.candidates:
        return ar
    ranked = learning.rerank(
        ar.candidates,
        profile,
        learning.page_sizes_of(ar.document),
        ocr_pages=learning.ocr_pages_of(ar.document),
    )
    engine: dict[tuple[Any, ...], list[float]] = {}
    for c in ar.candidates:
        engine.setdefault(_candidate_key(c), []).append(c.score)
    scores: list[float] = []
    for c in ranked:
        pool = engine.get(_candidate_key(c))
        scores.append(pool.pop(0) if pool else c.score)
    return replace(ar, candidates=tuple(ranked), engine_scores=tuple(scores))


def apply_learning(store: Store, result: MailResult, *, window: int = 50) -> MailResult:
    """The mail with its candidates re-ranked by its customer's history (when there is
    enough of it), ``customer_key`` and the engine's own best number set."""
    from .store.examples import examples_for

    key = customer_key_of(result)
    result = replace(result, customer_key=key, engine_order_number=result.order_number)
    c = result.classification
    if key is None or c is None or not c.is_order or result.error is not None:
        return result
    with store.db.session() as sess:
        examples = examples_for(sess, key, window)
    profile = learning.learn_profile(examples, window=window)
    if profile is None:
        return result
    attachments = tuple(_rerank_attachment(ar, profile) for ar in result.attachments)
    best = best_order_number(list(attachments))
    if best is not None and result.order_number is not None and best != result.order_number:
        log.info(
            "%s: learning prefers %r to the engine's %r (customer %s)",
            result.name,
            best.value,
            result.order_number.value,
            key,
        )
    return replace(result, attachments=attachments, order_number=best)


def learn_safely(store: Store, result: MailResult) -> MailResult:
    """:func:`apply_learning`, or the result unchanged when the store cannot answer."""
    try:
        return apply_learning(store, result)
    except IntakeError as exc:
        log.warning("%s: learning skipped: %s", result.name, exc)
    except Exception:  # a bug in learning must not cost the mail
        log.exception("%s: learning failed; the engine's ranking is kept", result.name)
    return replace(result, engine_order_number=result.order_number)


def customer_numbers(result: MailResult) -> list[str]:
    """The customer's well-formed identifiers on the mail (never our own), once each."""
    seen: dict[str, None] = {}
    for ar in result.attachments:
        for ident in ar.identifiers:
            if ident.valid and not ident.is_ours:
                seen.setdefault(ident.value, None)
    return list(seen)


def after_store(store: Store, settings: Settings, saved: Saved, result: MailResult) -> bool:
    """Queue the customer's identifiers for the register, then try auto-accept.

    Only for a mail newly awaiting validation. Returns True when the mail was
    auto-accepted. Never raises: the mail is already stored.
    """
    if saved.status != "awaiting-validation" or saved.rekeyed:
        return False  # a re-keyed mail was enriched when it was first stored
    numbers = customer_numbers(result)
    if numbers:
        try:
            from .sirene import known_or_pending

            known_or_pending(store.db.engine, numbers)
        except IntakeError as exc:
            log.warning("mail #%s: SIRENE look-up not queued: %s", saved.message_id, exc)
        except Exception:
            log.exception("mail #%s: SIRENE look-up not queued", saved.message_id)
    try:
        from .handoff import auto_accept

        return auto_accept(store, settings, saved.message_id)
    except IntakeError as exc:
        log.warning("mail #%s: auto-accept skipped: %s", saved.message_id, exc)
    except Exception:
        log.exception("mail #%s: auto-accept failed; the mail waits for a clerk", saved.message_id)
    return False
