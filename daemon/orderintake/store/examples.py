"""Validated examples: what each validation teaches :mod:`orderintake.learning`.

Every accept or correct (a clerk's or the auto-accept's) writes one ``validated_example``
row in the decision's own transaction, so the history can never miss a validation nor
hold one that was rolled back. A mail validated again after being sent back to the queue
replaces its example: one mail, one lesson.

The rows hold plain values (:class:`learning.ValidatedExample`); the profile is rebuilt
from the last ``window`` rows when a mail of that customer arrives (about 0.3 ms), so
nothing derived is stored. ``learning`` is pure (no I/O), which is why the store may
build its records.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import learning, model
from ..errors import MessageError
from . import schema as t

log = logging.getLogger(__name__)

#: How many of a customer's latest examples learning reads (docs/learning.md).
WINDOW = 50


def examples_for(
    sess: Session, customer: str, window: int = WINDOW
) -> list[learning.ValidatedExample]:
    """The customer's last ``window`` examples, oldest first (as ``learn_profile`` wants)."""
    rows = list(
        sess.execute(
            select(t.ValidatedExample)
            .where(t.ValidatedExample.customer == customer)
            .order_by(t.ValidatedExample.id.desc())
            .limit(window)
        ).scalars()
    )
    return [
        learning.ValidatedExample(
            r.customer,
            r.order_number,
            keyword=r.keyword,
            page=r.page,
            x=r.x,
            y=r.y,
            engine_top1_right=r.engine_top1_right,
        )
        for r in reversed(rows)
    ]


def _customer_siren(sess: Session, message_id: int) -> str | None:
    """The customer's SIREN the engine read (order documents first), if any."""
    rows = sess.execute(
        select(t.Document.analysis, t.Document.is_order_document)
        .join(t.Attachment, t.Document.attachment_id == t.Attachment.id)
        .where(t.Attachment.message_id == message_id)
    ).all()
    for analysis, _is_order in sorted(rows, key=lambda r: not r[1]):
        customer = (analysis or {}).get("customer") or {}
        if isinstance(customer, dict) and customer.get("siren"):
            return str(customer["siren"])
    return None


def customer_of(sess: Session, m: t.Message) -> str | None:
    """The learning key of a stored mail: the pipeline's, else computed from its sender."""
    if m.customer_key:
        return m.customer_key
    try:
        return learning.customer_key(m.sender or "", _customer_siren(sess, m.id))
    except MessageError:
        return None


def _candidate(c: t.Candidate) -> model.Candidate:
    return model.Candidate(
        value=c.value,
        score=c.score,
        page=c.page,
        suffix=c.suffix,
        bbox=model.BBox(*c.bbox) if c.bbox and len(c.bbox) == 4 else None,
        keyword=c.keyword,
        evidence=c.evidence,
    )


def record_example(
    sess: Session, m: t.Message, value: str, candidate_rank: int | None
) -> learning.ValidatedExample | None:
    """Store what validating ``m`` as ``value`` teaches; call before ``m.order_number``
    changes. None (nothing stored) when the customer cannot be told apart."""
    customer = customer_of(sess, m)
    if customer is None:
        log.info("mail %s: no customer key (no sender address, no SIREN): nothing learned", m.id)
        return None
    cands = list(
        sess.execute(
            select(t.Candidate).where(t.Candidate.message_id == m.id).order_by(t.Candidate.rank)
        ).scalars()
    )
    accepted = next((c for c in cands if c.rank == candidate_rank and c.value == value), None)
    accepted = accepted or next((c for c in cands if c.value == value), None)
    engine_best = m.engine_order_number or (cands[0].value if cands else None)
    sizes: dict[int, tuple[float, float]] = {}
    if accepted is not None and accepted.document_id is not None:
        pages: Any = sess.execute(
            select(t.Page.number, t.Page.width, t.Page.height).where(
                t.Page.document_id == accepted.document_id
            )
        ).all()
        sizes = {p[0]: (p[1], p[2]) for p in pages}
    example = learning.example_from(
        customer,
        value,
        _candidate(accepted) if accepted is not None else None,
        sizes,
        engine_top1_right=engine_best == value,
    )
    sess.execute(delete(t.ValidatedExample).where(t.ValidatedExample.message_id == m.id))
    sess.add(
        t.ValidatedExample(
            customer=example.customer[:320],
            message_id=m.id,
            order_number=example.order_number[:200],
            keyword=(example.keyword or None) and example.keyword[:200],
            page=example.page,
            x=example.x,
            y=example.y,
            engine_top1_right=example.engine_top1_right,
        )
    )
    return example
