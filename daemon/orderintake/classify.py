"""Is this mail a purchase order? A pure, rule-driven decision with its reasons.

The rules (``rules/classification.toml``, see :mod:`orderintake.classify_rules`) add up
to a score over the mail's subject, own words (never the quoted history) and attachment
names; header rules catch auto-replies and newsletters; what the attachments themselves
say (:class:`DocumentHint`, from the engine, see :mod:`orderintake.classify_hints`)
strengthens or weakens the decision.

A not-order phrase is weighed by where and how it is said: fully in the subject or when a
body sentence that states the mail's purpose says it ("votre colis a été expédié"), only a
fraction when the body mentions it in passing, later or inside an instruction ("rappelez
notre numéro sur le bon de livraison"), and not at all then if an attachment plainly is
an order. Two hard rules from the trade sit in code, not in the rule file:

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

from .classify_hints import DocumentHint, hint_from_analysis, pdf_is_signed
from .classify_rules import ClassifyRules, PhraseRule, normalise
from .extract import sniff
from .model import Attachment, Classification, ParsedMessage
from .rules import MATCH_TIMEOUT

BUCKET_ORDER = "order"
BUCKET_NOT_ORDER = "not-order"
BUCKET_NO_ATTACHMENT = "order-no-attachment"

__all__ = [
    "BUCKET_NOT_ORDER",
    "BUCKET_NO_ATTACHMENT",
    "BUCKET_ORDER",
    "DocumentHint",
    "classify",
    "hint_from_analysis",
    "is_scan_or_signed",
    "pdf_is_signed",
    "pdf_looks_scanned",
]


_FILENAME_SEPARATORS = re.compile(r"[_\-.+]+")


def _excerpt(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - 15), min(len(text), end + 15)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_GREETING = re.compile(
    r"^(bonjour|bonsoir|madame|monsieur|mesdames|messieurs|chers?|cheres?|hello|hi|dear"
    r"|good (morning|afternoon)|salut)\b"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body: its span in :attr:`Body.text`, whether it is among the
    sentences that say what the mail is for, and the instruction it reads as, if any."""

    start: int
    end: int
    purpose: bool
    instruction: str | None = None


@dataclass(frozen=True, slots=True)
class Body:
    """The mail's own words, normalised, cut into sentences."""

    text: str
    sentences: tuple[Sentence, ...]

    def sentence_at(self, pos: int) -> Sentence:
        for sentence in self.sentences:
            if pos < sentence.end:
                return sentence
        return self.sentences[-1]


def _raw_sentences(body: str) -> list[str]:
    """Sentences: paragraphs, lines, and ``. ! ?`` ends; a line that starts in lower case
    after a line without an end mark continues it (hard-wrapped text)."""
    out: list[str] = []
    for paragraph in _PARAGRAPH.split(body):
        lines: list[str] = []
        for line in (raw.strip() for raw in paragraph.splitlines()):
            if not line:
                continue
            if lines and not lines[-1].endswith((".", "!", "?", ":", ";")) and line[0].islower():
                lines[-1] += " " + line
            else:
                lines.append(line)
        for line in lines:
            out.extend(part for part in _SENTENCE_END.split(line) if part)
    return out


def _states_an_order(text: str, rules: ClassifyRules) -> bool:
    """A body sentence that alone would make the mail an order ("ci-joint notre commande")."""
    return any(
        r.kind != "not-order"
        and "body" in r.where
        and r.weight >= rules.order_threshold
        and r.pattern.search(text, timeout=MATCH_TIMEOUT)
        for r in rules.phrases
    )


def split_body(body: str, rules: ClassifyRules) -> Body:
    """The body as sentences, each checked against the ``[[mention]]`` rules.

    The first sentence (greetings not counted) says what the mail is for; so do the next
    ones, up to ``rules.purpose_sentences``, as long as no earlier one stated an order: a
    mail that opens with "ci-joint notre commande" has said its purpose, and a question or
    a remark after it is said in passing.
    """
    parts: list[str] = []
    sentences: list[Sentence] = []
    pos = counted = 0
    settled = False
    for raw in _raw_sentences(body):
        text = normalise(raw)
        if not text:
            continue
        greeting = len(text) < 40 and _GREETING.match(text) is not None
        instruction = next(
            (m.name for m in rules.mentions if m.pattern.search(text, timeout=MATCH_TIMEOUT)),
            None,
        )
        purpose = not settled and counted < rules.purpose_sentences
        if not greeting:
            counted += 1
            settled = settled or (purpose and _states_an_order(text, rules))
        sentences.append(Sentence(pos, pos + len(text), purpose, instruction))
        parts.append(text)
        pos += len(text) + 1
    if not sentences:
        return Body("", (Sentence(0, 0, True),))
    return Body(" ".join(parts), tuple(sentences))


def _find(
    rule: PhraseRule, places: dict[str, list[str]], body: Body, rules: ClassifyRules
) -> tuple[float, str, bool] | None:
    """(weight counted, reason text, in passing) of the rule's strongest match, or None.

    A not-order phrase in the body counts fully only where it says what the mail is for
    (a purpose sentence that is not an instruction), or when the rule says ``everywhere``;
    otherwise it is a passing mention and counts ``passing_mention_factor`` of its weight.
    """
    passing: tuple[float, str, bool] | None = None
    for place in rule.where:
        if place == "body" and rule.kind == "not-order" and not rule.everywhere:
            for m in rule.pattern.finditer(body.text, timeout=MATCH_TIMEOUT):
                sentence = body.sentence_at(m.start())
                excerpt = _excerpt(body.text, m.start(), m.end())
                if sentence.purpose and sentence.instruction is None:
                    return rule.weight, f"{rule.name!r} in body: «{excerpt}»", False
                if passing is None:
                    why = (
                        f"instruction {sentence.instruction!r}"
                        if sentence.instruction
                        else "after the opening sentences"
                    )
                    weight = rule.weight * rules.passing_mention_factor
                    text = f"{rule.name!r} in body, in passing ({why}): «{excerpt}»"
                    passing = weight, text, True
            continue
        texts = [body.text] if place == "body" else places.get(place, [])
        for text in texts:
            m = rule.pattern.search(text, timeout=MATCH_TIMEOUT)
            if m:
                found = _excerpt(text, m.start(), m.end())
                return rule.weight, f"{rule.name!r} in {place}: «{found}»", False
    return passing


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


def _plainly_an_order(hint: DocumentHint, rules: ClassifyRules) -> bool:
    """Order wording and a good order-number candidate, and no invoice or quote title."""
    return (
        hint.order_wording
        and hint.order_number_score >= rules.document_min_order_number_score
        and not hint.invoice_wording
        and not hint.quote_wording
        and not hint.other_wording
    )


def _document_score(
    hint: DocumentHint, rules: ClassifyRules, accepted_quote: bool
) -> tuple[float, list[str]]:
    score, why = 0.0, []
    name = hint.filename
    invoice = hint.invoice_wording and not hint.order_wording
    quote = hint.quote_wording and not hint.order_wording
    # An invoice, a quote or a delivery note quotes "votre commande n° …": no evidence.
    other = invoice or quote or hint.other_wording
    if hint.order_number_score >= rules.document_min_order_number_score and not other:
        w = rules.document_order_number_weight * hint.order_number_score
        score += w
        why.append(f"{w:+.1f} {name}: order-number candidate (score {hint.order_number_score:.2f})")
    if hint.order_wording:
        score += rules.document_order_wording_weight
        why.append(f"{rules.document_order_wording_weight:+.1f} {name}: reads like an order")
    if invoice:
        score += rules.document_invoice_weight
        why.append(f"{rules.document_invoice_weight:+.1f} {name}: reads like an invoice")
    if quote and not accepted_quote:
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
        "filename": [normalise(_FILENAME_SEPARATORS.sub(" ", a.filename)) for a in real],
    }
    body = split_body(message.body, rules)
    score = 0.0
    reasons: list[str] = []
    positive = False
    acceptance_pending: list[tuple[PhraseRule, str]] = []
    passing: list[tuple[float, str]] = []
    for rule in rules.phrases:
        found = _find(rule, places, body, rules)
        if found is None:
            continue
        weight, text, in_passing = found
        if rule.kind == "acceptance":
            acceptance_pending.append((rule, text))
            continue
        if in_passing:
            passing.append((weight, text))
            continue
        score += weight
        positive = positive or rule.kind == "order"
        reasons.append(f"{weight:+.1f} {text}")

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

    # A passing mention is weak context; an attachment that plainly is an order settles it.
    settled_by = next((h.filename for h in documents if _plainly_an_order(h, rules)), None)
    for weight, text in passing:
        if settled_by is not None:
            reasons.append(f"+0.0 {text}: outweighed by {settled_by!r}, which reads as an order")
        else:
            score += weight
            reasons.append(f"{weight:+.1f} {text}")

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
