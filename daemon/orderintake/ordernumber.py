"""The order number: candidates, elimination, ranking with evidence. Pure functions.

An order number has no checksum and no fixed shape; what gives it away is where it sits:
right of "N° de commande" on its line, or under "Purchase order" in a table's column
(seed notes 004). So the engine:

1. masks what is known not to be an order number (identifiers found by
   :mod:`orderintake.identifiers`, then the rule file's eliminators: phones, dates,
   postcodes with a city, IBAN, amounts, labelled quote/invoice/customer numbers);
2. finds candidates on every line with the strict pattern, and on OCR pages also with the
   permissive one, repairing OCR confusions inside digit runs (never on a text layer);
3. splits suffixes (``/JD``, ``-V2``, `` UMR 7590``) off, keeps the prefix's space;
4. scores each candidate from its *owner label* (the nearest label left of it on its line,
   else the nearest one above it in its column): an order keyword adds, a negative label
   (devis, facture, client, SIRET…) subtracts; then prefix, shape and repetition.
   The sum is log-odds; a logistic gives the 0..1 score that ``evaluate`` calibrates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from . import layout
from .engine_rules import EngineRules
from .identifiers import Found
from .model import Candidate, Document, Line, Page
from .ocr_repair import SEPARATORS, close_blanks, repair_line_ocr, repair_ocr, tight_blanks
from .ownership import Label, find_labels, owner, right_edge

__all__ = ["find_order_numbers", "page_candidates", "repair_ocr", "split_suffix"]

_MASK = "\x00"
_YEAR = regex.compile(r"(?:19|20)[0-9]{2}")
_FOUR_DIGITS = regex.compile(r"[0-9]{4}")
_SPLIT_DIGITS = regex.compile(r"(?<![0-9A-Za-z/.-])([0-9]{3,6}) ([0-9]{3,7})(?![0-9A-Za-z/-])")
#: One or two digits split off a number by a blank narrower than a space ("7 5411").
_LONE_DIGITS = regex.compile(r"(?<![0-9A-Za-z/.,-])([0-9]{1,2}) ([0-9]{4,8})(?![0-9A-Za-z/,-])")
_OCR_WORTH = regex.compile(r"[0-9OoIlZSB|]{4}")


#: A series letter group typed before the digits, a space between: "PH 263655", "B 02220"
#: (the clerk types it too). Only at the start of a cell, right after "n°", ":" or "#", or
#: right after the word commande / cde / order in a header line ("Commande G 15481").
_SERIES = regex.compile(
    r"(?:\A|(?<=[:°º#]\s*)|(?<=\b(?i:commande|cde|cmde|order)\s))([A-Z]{1,3}) \Z"
)

#: Short capitals that are words, units or address parts, never a series letter group.
_NOT_SERIES = frozenset(
    [
        "N",
        "NO",
        "HT",
        "TTC",
        "TVA",
        "DU",
        "AU",
        "LE",
        "LA",
        "LES",
        "DE",
        "DES",
        "EN",
        "ET",
        "FR",
        "BP",
        "CS",
        "CP",
        "ZI",
        "ZA",
        "ZAC",
        "REF",
        "LOT",
        "QTE",
        "PU",
        "UMR",
        "RUE",
        "AV",
        "BD",
        "TEL",
        "FAX",
        "SA",
        "SAS",
        "EUR",
        "X",
        "U",
        "ID",
        "NR",
        "RE",
    ]
)


@dataclass(slots=True)
class _Raw:
    value: str
    suffix: str
    line: int
    start: int
    end: int
    strict: bool
    corrections: tuple[str, ...]


def mask_line(text: str, spans: Sequence[tuple[int, int]], rules: EngineRules) -> str:
    """The line with identifiers and every eliminator's matches blanked (offsets kept)."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = _MASK * (b - a)
    masked = "".join(chars)
    for _, pattern in rules.eliminators:
        for m in pattern.finditer(masked, timeout=0.5):
            a, b = m.span()
            chars[a:b] = _MASK * (b - a)
    return "".join(chars)


def split_suffix(value: str, after: str, rules: EngineRules) -> tuple[str, str]:
    """(number, suffix): the rule file's inner suffixes off the end of ``value`` (the
    number keeps 4 consecutive digits), then a trailing suffix from the text ``after``."""
    suffix = ""
    for pattern in rules.suffix_inner:
        m = pattern.search(value)
        if m and m.start() > 0 and _FOUR_DIGITS.search(value[: m.start()]):
            suffix = value[m.start() :] + suffix
            value = value[: m.start()]
            break
    for pattern in rules.suffix_trailing:
        m = pattern.match(after)
        if m:
            suffix += m.group()
            break
    return value, suffix.strip()


def _joined(
    li: int,
    repaired: str,
    blanks: frozenset[int],
    tight: frozenset[int],
    notes: dict[int, str],
    rules: EngineRules,
) -> list[_Raw]:
    """Values an OCR blank split in two, offered joined: ``45001 48508`` (two digit runs,
    ``_SPLIT_DIGITS``) and a known prefix split off its number (``ZINV 3716380``). A blank
    inside a value that already separates its blocks with one separator ("BDC_24 27399")
    was that separator misread: it is put back rather than dropped."""
    out: list[_Raw] = []
    for blank in sorted(blanks):  # "C26- -0736": Tesseract read the dash twice
        a = repaired.rfind(" ", 0, blank) + 1
        b = repaired.find(" ", blank + 1)
        b = len(repaired) if b < 0 else b
        left, right = repaired[a:blank], repaired[blank + 1 : b]
        if left[-1:] in SEPARATORS and right[:1] == left[-1:] and right[1:2].isalnum():
            joined = left + right[1:]
            for m in rules.strict.finditer(joined, timeout=0.5):
                if m.start() < len(left) <= m.end():
                    value, suffix = split_suffix(m.group(), "", rules)
                    fix = f"doubled {left[-1]} and space removed at {len(left) - m.start() + 1}"
                    out.append(_Raw(value, suffix, li, a + m.start(), b, False, (fix,)))
    for split, allowed in ((_SPLIT_DIGITS, blanks), (_LONE_DIGITS, tight)):
        for m in split.finditer(repaired):
            if m.end(1) in allowed:
                value = m.group(1) + m.group(2)
                fix = f"space removed at {len(m.group(1)) + 1}"
                out.append(_Raw(value, "", li, m.start(), m.end(), False, (fix,)))
    for blank in sorted(blanks):
        a = repaired.rfind(" ", 0, blank) + 1
        b = repaired.find(" ", blank + 1)
        b = len(repaired) if b < 0 else b
        left, right = repaired[a:blank], repaired[blank + 1 : b]
        if not (left and right[:1].isdigit()) or left.isdigit():
            continue  # digit runs are handled above
        joined = left + right
        for m in rules.strict.finditer(joined, timeout=0.5):
            head = joined[m.start() : len(left)]
            if not (m.start() < len(left) < m.end() and m.group("prefix")):
                continue
            value, suffix = split_suffix(m.group(), "", rules)
            start = a + m.start()
            end = start + len(value) + 1  # the blank is inside the span
            seps = {c for c in head if c in SEPARATORS}
            kept = len(seps) == 1 and len(head) > len(m.group("prefix")) + 1
            if kept:
                sep = seps.pop()
                fix = f"space read as {sep} at {len(head) + 1}"
                value = value[: len(head)] + sep + value[len(head) :]
            else:
                fix = f"space removed at {len(head) + 1}"
            fixes = tuple(  # positions in the value: one less after a removed blank
                f"{notes[i]} at {i - start + (1 if i < blank or kept else 0)}"
                for i in sorted(notes)
                if start <= i < end
            )
            out.append(_Raw(value, suffix, li, start, end, False, (*fixes, fix)))
    return out


def _series(text: str, start: int, cell_starts: frozenset[int]) -> int:
    """Where a series letter group before ``text[start:]`` begins, or ``start``."""
    head = text[:start]
    for a in sorted((c for c in cell_starts if c < start), reverse=True)[:1]:
        m = _SERIES.search(head[a:])
        if m and m.group(1) not in _NOT_SERIES:
            return a + m.start(1)
    return start


def _raw_candidates(
    li: int,
    text: str,
    masked: str,
    ocr: bool,
    rules: EngineRules,
    blanks: frozenset[int],
    cell_starts: frozenset[int] = frozenset(),
    tight: frozenset[int] = frozenset(),
) -> list[_Raw]:
    out: list[_Raw] = []
    notes: dict[int, str] = {}
    repaired = masked
    if ocr:
        repaired, notes = repair_line_ocr(masked, rules.prefixes)
    for m in rules.strict.finditer(repaired, timeout=0.5):
        value, suffix = split_suffix(m.group(), text[m.end() :], rules)
        if _FOUR_DIGITS.search(value):
            a = m.start()
            if value.isdigit() and (s := _series(repaired, a, cell_starts)) < a:
                value, a = repaired[s:a] + value, s
            fixes = tuple(
                f"{notes[i]} at {i - a + 1}" for i in sorted(notes) if a <= i < a + len(value)
            )
            out.append(_Raw(value, suffix, li, a, a + len(value), True, fixes))
    if not ocr:
        return out
    # OCR inserts blanks into numbers ("45001 48508", "ZINV 3716380"): where the word boxes
    # touch, offer the joined value too; it replaces the parts of a split digit run.
    for joined in _joined(li, repaired, blanks, tight, notes, rules):
        if joined.value.isdigit():
            a, b = joined.start, joined.end
            out = [r for r in out if not (a <= r.start and r.end <= b)]
        out.append(joined)
    for m in rules.fishing.finditer(masked, timeout=0.5):
        a, b = m.span()
        if any(r.start < b and a < r.end for r in out):
            continue
        raw = m.group()
        fp = rules.false_prefix.match(raw)
        if fp and fp.end() < len(raw) and not raw[: fp.end()].isupper():
            a += fp.end()
            raw = raw[fp.end() :]
        repaired, corrections = repair_ocr(raw)
        value, suffix = split_suffix(repaired, text[b:], rules)
        if _FOUR_DIGITS.search(value) and not any(c.islower() for c in value):
            out.append(_Raw(value, suffix, li, a, a + len(value), False, corrections))
    return out


_LEAD = regex.compile(r"[\s:#°.,/_-]*")
_AT = regex.compile(r" at (\d+)\Z")


def _out_of_labels(
    raws: list[_Raw], labels: Sequence[Label], prefixes: Sequence[str]
) -> list[_Raw]:
    """A candidate that starts inside a keyword is cut after it when what remains is a
    number with a known prefix of its own: in "Numéro de BC 4500724846" the letters "BC"
    belong to the label, while in "Bon n° BC 268783" or "Réf. commande : BDC 26/0871" they
    are the number's prefix (the clerk types them). A joined OCR candidate is left whole."""
    out: list[_Raw] = []
    for raw in raws:
        lb = next(
            (
                lb
                for lb in labels
                if lb.line == raw.line
                and lb.weight > 0
                and lb.start <= raw.start < lb.end < raw.end
            ),
            None,
        )
        if lb is None or raw.end - raw.start != len(raw.value):
            out.append(raw)
            continue
        cut = lb.end - raw.start
        cut += _LEAD.match(raw.value, cut).end() - cut
        value = raw.value[cut:]
        if not any(value.startswith(p) and len(value) > len(p) + 3 for p in prefixes):
            out.append(raw)
            continue
        fixes = []
        for c in raw.corrections:  # positions are 1-based in the value
            m = _AT.search(c)
            if m and int(m.group(1)) > cut:
                fixes.append(f"{c[: m.start()]} at {int(m.group(1)) - cut}")
        out.append(replace(raw, value=value, start=raw.start + cut, corrections=tuple(fixes)))
    return out


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def page_candidates(page: Page, rules: EngineRules, found: Sequence[Found] = ()) -> list[Candidate]:
    """Scored candidates of one page (not merged across pages)."""
    ocr = page.source == "ocr"
    sc = rules.scoring
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        spans.setdefault(f.line, []).append((f.start, f.end))
    raws: list[_Raw] = []
    worth = _OCR_WORTH if ocr else _FOUR_DIGITS
    for li, line in enumerate(page.lines):
        text = line.text
        if not worth.search(text):  # no candidate can come from this line: skip the masks
            continue
        masked = mask_line(text, spans.get(li, ()), rules)
        blanks = close_blanks(line) if ocr else frozenset()
        tight = tight_blanks(line) if ocr else frozenset()
        starts = frozenset(c.start for c in layout.cells(line))
        raws.extend(_raw_candidates(li, text, masked, ocr, rules, blanks, starts, tight))
    max_below = sc.below_max_lines_ocr if ocr else sc.below_max_lines
    # Labels matter only on a candidate's line and the lines above it within reach.
    wanted = {r.line - k for r in raws for k in range(max_below + 1) if r.line >= k}
    labels = find_labels(page, rules, wanted)
    slack = 30.0 if ocr else 4.0
    right = right_edge(page)
    out: list[Candidate] = []
    for raw in _out_of_labels(raws, labels, rules.prefixes):
        cand_line: Line = page.lines[raw.line]
        bbox = layout.span_bbox(cand_line, raw.start, raw.end)
        logit = sc.bias
        reasons: list[str] = []
        label, how, dist = owner(page, (raw.line, raw.start), bbox, labels, max_below, slack, right)
        keyword = None
        if label is not None and label.weight > 0:
            keyword = label.text
            if how == "line":
                gain = sc.same_line * label.weight - sc.same_line_per_token * dist
            else:
                gain = sc.below_column * label.weight - sc.below_per_line * (dist - 1)
            logit += max(gain, 0.0)
            reasons.append(f"{how} {label.name} {gain:+.2f}")
        elif label is not None:
            logit += sc.negative_same_line * -label.weight
            reasons.append(f"{how} negative {label.name}")
        compact = raw.value.replace(" ", "")
        if any(raw.value.startswith(p) for p in rules.prefixes if len(raw.value) > len(p)):
            logit += sc.prefix
            reasons.append("prefix")
        if raw.strict:
            logit += sc.strict
        if not compact.isdigit():
            logit += sc.letters_and_digits
        if 6 <= len(compact) <= 14:
            logit += sc.long_digits
        if _YEAR.fullmatch(compact):
            logit += sc.year_only
            reasons.append("year")
        if raw.corrections:
            logit += sc.ocr_corrected * len(raw.corrections)
        if ocr:
            logit += sc.ocr_page
        out.append(
            Candidate(
                value=raw.value,
                suffix=raw.suffix,
                score=_sigmoid(logit),
                page=page.number,
                bbox=bbox,
                keyword=keyword,
                evidence=cand_line.text,
                corrections=raw.corrections,
                reasons=tuple(reasons),
            )
        )
    return out


def find_order_numbers(
    document: Document, rules: EngineRules, found: Sequence[Found] = (), limit: int = 10
) -> list[Candidate]:
    """Ranked candidates for the whole document, best first, one per value.

    ``found`` are the identifiers' positions (masked first). A value seen on several pages
    gains ``scoring.repeated`` (multi-page orders repeat their number in the header).
    """
    not_order = document_is_not_an_order(document, rules)
    per_value: dict[str, list[Candidate]] = {}
    for page in document.pages:
        page_found = [f for f in found if f.identifier.page == page.number]
        for c in page_candidates(page, rules, page_found):
            per_value.setdefault(c.value, []).append(c)
    ranked: list[Candidate] = []
    for items in per_value.values():
        best = max(items, key=lambda c: c.score)
        pages = {c.page for c in items}
        if len(pages) > 1 and best.score > 0:
            logit = (
                math.log(best.score / max(1e-9, 1 - best.score)) + 0.999 * rules.scoring.repeated
            )
            best = replace(
                best,
                score=min(_sigmoid(logit), 1.0),
                reasons=(*best.reasons, f"on {len(pages)} pages"),
            )
        if not_order:
            best = _shift(best, rules.scoring.not_an_order, f"document is a {not_order}")
        ranked.append(best)
    ranked.sort(key=lambda c: (-c.score, c.page, c.bbox.y0 if c.bbox else 0))
    return ranked[:limit]


def _shift(c: Candidate, logit_delta: float, reason: str) -> Candidate:
    p = min(max(c.score, 1e-9), 1 - 1e-9)
    score = _sigmoid(math.log(p / (1 - p)) + logit_delta)
    return replace(c, score=score, reasons=(*c.reasons, reason))


#: A title cell that runs on into the next line.
_RUNS_ON = regex.compile(r"(?i)\b(?:de|du|des|d'|of)\s*\Z")
#: A letter's subject line (its value is no document title).
_SUBJECT_LINE = regex.compile(r"(?i)\W*(?:objet|subject|concerne|re)\b")


#: A scrap of a letter or two read with less confidence than this ahead of a title is
#: a speck or a logo's edge ("x COMMANDE FOURNISSEUR", x at 0.00 on a fax, holdout8).
SCRAP_CONFIDENCE = 0.3


def _title_starts(cell: layout.Cell) -> tuple[int, ...]:
    """Where a title may start in a cell: its start, and past a scrap heading it."""
    words = cell.words
    if len(words) > 1 and len(words[0].text) <= 2 and words[0].confidence < SCRAP_CONFIDENCE:
        return (cell.start, cell.start + len(words[0].text) + 1)
    return (cell.start,)


def _is_title(m: regex.Match[str] | None) -> bool:
    """An order title starts with a capital ("BON DE COMMANDE", "Commande"): a cell
    starting "commande n° 4500884120)." is a sentence wrapped onto its line (a request for
    a price recalling the last order "pour mémoire", holdout11), not the page's title."""
    if m is None:
        return False
    first = next((c for c in m.group() if c.isalpha()), "")
    return first.isupper()


def document_is_not_an_order(document: Document, rules: EngineRules) -> str | None:
    """The title ("facture", "bon de livraison"…) when the first lines of page 1 say the
    document is not an order and no order title is there (or a letter's subject says it
    is about an order already placed, a reminder quoting the number it chases, or asks for
    a price; or a sentence of page 1 says it is no order); None otherwise."""
    if not document.pages:
        return None
    found: str | None = None
    runs_on: list[tuple[float, float]] = []  # title cells ending in "de" / "of" above
    for line in document.pages[0].lines[: rules.title_lines]:
        text = line.text
        subject = rules.not_order_subject
        if found is None and subject is not None and subject.match(text, timeout=0.5):
            found = "letter whose subject says it is no new order"
        above, runs_on = runs_on, []
        if _SUBJECT_LINE.match(text):
            continue  # "Objet : commande en retard" is what a letter is about, no title
        for cell in layout.cells(line):
            chunk = text[cell.start : cell.end]
            box = cell.bbox
            if _RUNS_ON.search(chunk):
                runs_on.append((box.x0, box.x1))
            if any(min(box.x1, x1) - max(box.x0, x0) > 0 for x0, x1 in above):
                continue  # the end of the title above ("… DE" / "COMMANDE")
            # The order title may run over the next cell: a spool's letter-spaced
            # "ORDRE  D'ACHAT" is read as two.
            if any(
                _is_title(rules.order_title.match(text[start:], timeout=0.5))
                for start in _title_starts(cell)
            ):
                return None
            m = rules.not_order_title.match(chunk, timeout=0.5)
            # A title is printed in capitals ("FACTURE"); "Devis" may be a column header.
            if m and found is None and m.group().isupper():
                found = m.group().strip().lower()
    statement = rules.not_order_statement
    if found is None and statement is not None:
        for line in document.pages[0].lines:
            m = statement.search(line.text, timeout=0.5)
            if m:
                return f"page saying {m.group().strip().lower()!r}"
    return found


def orderx_candidate(order_number: str) -> Candidate:
    """The number an embedded Order-X XML states: exact, so score 1.0."""
    return Candidate(
        value=order_number, score=1.0, page=1, keyword="order-x", evidence="Order-X XML"
    )
