"""Is this mail a purchase order? A pure, rule-driven decision with its reasons.

The rules (``rules/classification.toml``, see :mod:`orderintake.classify_rules`) add up
to a score over the mail's subject, own words (never the quoted history) and attachment
names; header rules catch auto-replies and newsletters; what the attachments themselves
say (:class:`DocumentHint`, from the engine) strengthens or weakens the decision. Two
hard rules from the trade sit in code, not in the rule file:

* an order mail **always** carries a real attachment: without one, a mail whose words say
  "order" goes to the ``order-no-attachment`` bucket for a clerk, never silently dropped;
* a *bon pour accord* (the customer accepts our quote, "nous validons votre offre")
  always comes with a **scan** (an image, or a PDF without a text layer) or a **signed
  PDF**: without one, the acceptance phrasing does not count.

Every decision lists its reasons, each with the rule and the matched text, so a clerk
(or an admin tuning the rules) can see why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .classify_rules import ClassifyRules, PhraseRule, normalise
from .extract import sniff
from .model import Attachment, Classification, ParsedMessage
from .rules import MATCH_TIMEOUT

BUCKET_ORDER = "order"
BUCKET_NOT_ORDER = "not-order"
BUCKET_NO_ATTACHMENT = "order-no-attachment"


@dataclass(frozen=True, slots=True)
class DocumentHint:
    """What an attachment's own content says, as found by the readers and the engine.

    ``filename`` links the hint to its attachment. ``has_text_layer`` False means a scan
    (the PDF had to be OCRed); None means unknown (then the PDF's bytes are looked at).
    """

    filename: str
    order_number_score: float = 0.0
    order_wording: bool = False
    invoice_wording: bool = False
    quote_wording: bool = False
    has_text_layer: bool | None = None
    is_signed: bool | None = None


_FILENAME_SEPARATORS = re.compile(r"[_\-.+]+")


def _excerpt(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - 15), min(len(text), end + 15)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def _find(rule: PhraseRule, places: dict[str, list[str]]) -> tuple[str, str, str] | None:
    """(place, matched text, excerpt) of the rule's first match, or None."""
    for place in rule.where:
        for text in places.get(place, []):
            m = rule.pattern.search(text, timeout=MATCH_TIMEOUT)
            if m:
                return place, m.group(0), _excerpt(text, m.start(), m.end())
    return None


def pdf_is_signed(data: bytes) -> bool:
    """A PDF with a digital signature field (cheap byte test, no parsing)."""
    return sniff.sniff_type(data) == sniff.PDF and b"/ByteRange" in data and b"/Sig" in data


def pdf_looks_scanned(data: bytes) -> bool:
    """A PDF with images and no font at all has no text layer: a scan.

    A heuristic on raw bytes (fonts inside compressed object streams are missed, so a
    :class:`DocumentHint` with ``has_text_layer`` from the reader takes precedence).
    """
    return b"/Font" not in data and b"/Image" in data


def is_scan_or_signed(att: Attachment, hint: DocumentHint | None) -> str | None:
    """Why this attachment may carry an accepted quote ("scan", "signed PDF"), or None."""
    if att.sniffed_type in sniff.IMAGE_TYPES:
        return "scan (image)"
    if att.sniffed_type != sniff.PDF:
        return None
    if (hint and hint.is_signed) or pdf_is_signed(att.data):
        return "signed PDF"
    if hint is not None and hint.has_text_layer is not None:
        return None if hint.has_text_layer else "scan (PDF without text layer)"
    return "scan (PDF without text layer)" if pdf_looks_scanned(att.data) else None


def _document_score(
    hint: DocumentHint, rules: ClassifyRules, accepted_quote: bool
) -> tuple[float, list[str]]:
    score, why = 0.0, []
    name = hint.filename
    if hint.order_number_score >= rules.document_min_order_number_score:
        w = rules.document_order_number_weight * hint.order_number_score
        score += w
        why.append(f"{w:+.1f} {name}: order-number candidate (score {hint.order_number_score:.2f})")
    if hint.order_wording:
        score += rules.document_order_wording_weight
        why.append(f"{rules.document_order_wording_weight:+.1f} {name}: reads like an order")
    if hint.invoice_wording and not hint.order_wording:
        score += rules.document_invoice_weight
        why.append(f"{rules.document_invoice_weight:+.1f} {name}: reads like an invoice")
    if hint.quote_wording and not hint.order_wording and not accepted_quote:
        score += rules.document_quote_weight
        why.append(f"{rules.document_quote_weight:+.1f} {name}: reads like a quote")
    return score, why


def classify(
    message: ParsedMessage, rules: ClassifyRules, documents: Sequence[DocumentHint] = ()
) -> Classification:
    """Decide whether ``message`` is a purchase order; pure, every reason listed."""
    real = message.real_attachments
    places: dict[str, list[str]] = {
        "subject": [normalise(message.subject)],
        "body": [normalise(message.body)],
        "filename": [normalise(_FILENAME_SEPARATORS.sub(" ", a.filename)) for a in real],
    }
    score = 0.0
    reasons: list[str] = []
    positive = False
    acceptance_pending: list[tuple[PhraseRule, str]] = []
    for rule in rules.phrases:
        found = _find(rule, places)
        if found is None:
            continue
        place, _matched, excerpt = found
        text = f"{rule.name!r} in {place}: «{excerpt}»"
        if rule.kind == "acceptance":
            acceptance_pending.append((rule, text))
            continue
        score += rule.weight
        positive = positive or rule.kind == "order"
        reasons.append(f"{rule.weight:+.1f} {text}")

    hints = {h.filename: h for h in documents}
    accepted_quote = False
    if acceptance_pending:
        proofs = [(a, is_scan_or_signed(a, hints.get(a.filename))) for a in real]
        proof = next(((a, why) for a, why in proofs if why), None)
        for rule, text in acceptance_pending:
            if proof is not None:
                score += rule.weight
                positive = accepted_quote = True
                reasons.append(f"{rule.weight:+.1f} {text}, with {proof[1]} {proof[0].filename!r}")
            else:
                reasons.append(
                    f"+0.0 {text}: not counted, a quote acceptance needs a scan or a signed PDF"
                )

    for hrule in rules.headers:
        value = message.header(hrule.header)
        if value is not None and hrule.pattern.search(normalise(value), timeout=MATCH_TIMEOUT):
            score += hrule.weight
            reasons.append(f"{hrule.weight:+.1f} header {hrule.header}: {value[:60]!r}")

    if documents:
        best: tuple[float, list[str]] | None = None
        for hint in documents:
            s, why = _document_score(hint, rules, accepted_quote)
            if why and (best is None or s > best[0]):
                best = (s, why)
        if best is not None:
            score += best[0]
            reasons.extend(best[1])
            positive = positive or best[0] > 0

    looks_like_order = positive and score >= rules.order_threshold
    verdict = f"score {score:.1f} (threshold {rules.order_threshold:.1f})"
    if looks_like_order and not real:
        reasons.append(f"{verdict}: looks like an order, but no real attachment")
        return Classification(False, BUCKET_NO_ATTACHMENT, tuple(reasons), score)
    if looks_like_order:
        names = ", ".join(a.filename for a in real)
        reasons.append(f"{verdict}: an order, with {names}")
        return Classification(True, BUCKET_ORDER, tuple(reasons), score)
    if not real:
        reasons.append(f"{verdict}: not an order (and no real attachment)")
    else:
        reasons.append(f"{verdict}: not an order")
    return Classification(False, BUCKET_NOT_ORDER, tuple(reasons), score)
