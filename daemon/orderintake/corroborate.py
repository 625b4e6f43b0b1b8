"""The mail's own words confirm the attachment's order number. Pure functions.

Customers often type the number in the mail too: "Veuillez trouver ci-joint notre
commande CF20230987" (seed notes 004). What they type is exact, where a scanned
attachment's number went through OCR. So:

1. the mail's subject and its own words (the quoted history is left out: an old order
   quoted in a reply chain is not this one) are read by the same engine and rules as a
   document, as if they were a one-column page; only numbers an order keyword owns count
   ("notre commande 4500123456", not "suite à votre devis D2542230");
2. an attachment's candidate equal to such a number once OCR look-alikes (O/0, I/l/1/7,
   Z/2, S/5, B/8), blanks and separators are folded gains ``MAIL_BOOST`` log-odds. When
   the two differ by a look-alike, the scan was misread and the typed form is taken, the
   change recorded in ``corrections``; a difference of blanks or separators only keeps the
   document's form (the document is the reference, the mail a hint).

A number found only in the mail is never proposed: the mail may name another order.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from .engine_rules import EngineRules
from .model import BBox, Candidate, Line, Page, Word

#: Log-odds added to a candidate the mail's text confirms.
MAIL_BOOST = 2.5
#: Characters OCR confuses, folded to one representative for comparison (7↔1 included:
#: in a digit run a 7 with a short bar reads as 1 and back).
_FOLD = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "|": "1", "7": "1",
                       "Z": "2", "S": "5", "B": "8", "G": "6"})  # fmt: skip
_DROP = str.maketrans("", "", " -/._")
_CHAR_W = 6.0


def fold(value: str) -> str:
    """The comparison key of a number: upper case, look-alikes folded, separators dropped."""
    return value.upper().translate(_DROP).translate(_FOLD)


def _page(lines: Iterable[str]) -> Page:
    """Typed text as a one-column page, one word box per token (fixed character width)."""
    out: list[Line] = []
    for i, text in enumerate(t for t in lines if t.strip()):
        words, x, y = [], 50.0, 40.0 + 14.0 * i
        for token in text.split():
            words.append(Word(token, BBox(x, y, x + _CHAR_W * len(token), y + 10)))
            x += _CHAR_W * (len(token) + 1)
        out.append(Line(tuple(words)))
    return Page(number=1, width=595, height=842, source="pdf-text", lines=tuple(out))


def mail_numbers(subject: str, body: str, rules: EngineRules, limit_lines: int = 60) -> list[str]:
    """Order numbers the mail's subject and own words state next to an order keyword."""
    from .ordernumber import page_candidates

    lines = [subject, *body.splitlines()[:limit_lines]]
    page = _page(line[:400] for line in lines)
    if not page.lines:
        return []
    seen: list[str] = []
    for c in page_candidates(page, rules):
        if c.keyword is not None and c.value not in seen:
            seen.append(c.value)
    return seen


def _boost(c: Candidate, delta: float) -> float:
    p = min(max(c.score, 1e-9), 1 - 1e-9)
    return 1.0 / (1.0 + math.exp(-(math.log(p / (1 - p)) + delta)))


def corroborate(
    candidates: Sequence[Candidate], numbers: Sequence[str], ocr_pages: Collection[int] = ()
) -> list[Candidate]:
    """The candidates, those the mail confirms boosted, best first. A candidate from an OCR
    page (``ocr_pages``) that differs from the typed number by a look-alike takes the typed
    form; a text layer is exact, so there the mail's form is a typo and is not taken."""
    if not numbers:
        return list(candidates)
    keys = {fold(n): n for n in numbers}
    out: list[Candidate] = []
    for c in candidates:
        typed = keys.get(fold(c.value))
        if typed is None:
            out.append(c)
            continue
        value, corrections = c.value, c.corrections
        squeeze = str.maketrans("", "", " -/._")
        if c.page in ocr_pages and typed.translate(squeeze) != c.value.translate(squeeze):
            value, corrections = typed, (*c.corrections, f"read as typed in the mail: {typed}")
        out.append(
            replace(
                c,
                value=value,
                score=_boost(c, MAIL_BOOST),
                corrections=corrections,
                reasons=(*c.reasons, "also in the mail's text"),
            )
        )
    out.sort(key=lambda c: -c.score)
    return out
