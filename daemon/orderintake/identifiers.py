"""Company identifiers, amounts and labelled fields found on a document; pure functions.

The easy part of an order (seed notes 004): a French VAT number carries two checksums
(its key over the SIREN, and the SIREN's Luhn digit), a SIRET its Luhn digit (La Poste's
establishments excepted, which python-stdnum knows). We report what is *printed*, valid
or not, with ``valid`` saying whether the checksums hold: a clerk must see a mistyped
SIRET, not lose it. Our own identifiers (config ``own_identifiers``) are marked
``is_ours`` and never taken as the customer's.

On OCR pages only, the letters OCR confuses with digits (O, I, l, S, B, Z) are read as
digits inside an identifier: a text layer is exact and is never "repaired".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex
from stdnum.eu import vat as eu_vat
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva
from stdnum.gb import vat as gb_vat

from . import layout
from .engine_rules import EngineRules, FieldRule
from .model import BBox, Document, Identifier, Line, Page

_D = "[0-9]"
_DO = "[0-9OIlSBZ]"  # OCR: digits and their look-alikes
_S = "[ \u00a0\u202f.]?"
_EU = "ATU|BE|BG|CY|HR|DK|ES|EE|FI|EL|HU|IE|IT|LV|LT|LU|MT|NL|PL|PT|CZ|SK|GB|RO|SI|SE|DE"
_OCR_DIGITS = str.maketrans({"O": "0", "I": "1", "l": "1", "S": "5", "B": "8", "Z": "2"})


def _patterns(d: str) -> dict[str, regex.Pattern[str]]:
    s = "[ \u00a0\u202f]?"
    # Between "FR", the key and the SIREN some ERPs print a hyphen or a dot ("FR-86-643094246",
    # TCPDF/Dolibarr templates); the key's checksum keeps that safe.
    k = "[ \u00a0\u202f.-]?"
    # "TVAFR76311572234": OCR and spaceless text layers glue the label to the number
    vat = rf"(?:(?<![0-9A-Z])|(?<=TVA|VAT))FR{k}([0-9A-Z]{{2}}){k}({d}{{3}}{s}{d}{{3}}{s}{d}{{3}})"
    return {
        "vat": regex.compile(rf"{vat}(?!{s}[0-9])"),
        # "FR35 357 697 143 26/0291": other digits typed after it on its line; kept only
        # when the key holds (without that check, the start of a longer number is no VAT)
        "vat-then-digits": regex.compile(rf"{vat}(?=[ \u00a0\u202f][0-9])"),
        # printed in groups too: "USt-IdNr.: DE 186 703 097"
        "eu-vat": regex.compile(
            rf"(?<![0-9A-Z])(?:{_EU}){s}(?=[0-9A-Z]*[0-9]{{2}})[0-9A-Z]{{2,12}}"
            rf"(?:[ \u00a0\u202f.][0-9A-Z]{{2,4}}){{0,4}}(?![0-9A-Z])"
        ),
        "siret": regex.compile(
            rf"(?<![0-9])(?:{d}{{3}}{_S}{d}{{3}}{_S}{d}{{3}}{_S}{d}{{5}}|{d}{{3}} {d}{{3}} {d}{{3}} {d}{{3}} {d}{{2}})(?![0-9])"
        ),
        "siren": regex.compile(
            rf"(?<![0-9.])({d}{{3}}{_S}{d}{{3}}{_S}{d}{{3}})(?![0-9]|{_S}[0-9])"
        ),
    }


_TEXT = _patterns(_D)
_OCR = _patterns(_DO)
#: A SIRET right after its label, in any grouping of 14 digits ("SIRET : 263 988 222 0012 5"):
#: the label and the Luhn digit together make an odd grouping safe to read.
_LABELLED_SIRET = regex.compile(
    rf"(?i)\bSIRET\s*(?:n[°ºo]\.?\s*)?[:.]?\s*"
    rf"((?:{_DO}[ \u00a0\u202f.]?){{13}}{_DO})(?![0-9])"
)
_IBAN_LIKE = regex.compile(r"[A-Z]{2}[0-9]{2}[ \u00a0\u202f][0-9A-Z]{4}(?:[ \u00a0\u202f]|\Z)")
_SIREN_LABEL = regex.compile(r"(?i)\b(?:siren|rcs|r\.c\.s\.)\b")


@dataclass(frozen=True, slots=True)
class Found:
    """An identifier and where its characters are on its line (for masking)."""

    identifier: Identifier
    line: int
    start: int
    end: int


def _compact(raw: str, ocr: bool) -> str:
    text = raw.translate(_OCR_DIGITS) if ocr else raw
    return regex.sub(r"[\s.\u00a0\u202f]", "", text)


def find_on_page(page: Page, own: Iterable[str] = ()) -> list[Found]:
    """Every VAT / SIRET / SIREN / EU VAT number on a page, in reading order."""
    ours = {o.replace(" ", "").upper() for o in own}
    ocr = page.source == "ocr"
    pats = _OCR if ocr else _TEXT
    out: list[Found] = []
    for li, line in enumerate(page.lines):
        text = line.text
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int, taken: list[tuple[int, int]] = taken) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        def add(
            kind: str,
            value: str,
            valid: bool,
            a: int,
            b: int,
            raw: str,
            taken: list[tuple[int, int]] = taken,
            li: int = li,
            line: Line = line,
        ) -> None:
            taken.append((a, b))
            siren = value[-9:] if kind == "vat" else value[:9]
            is_ours = value in ours or (kind != "eu-vat" and siren in ours)
            ident = Identifier(
                kind=kind,  # type: ignore[arg-type]
                value=value,
                valid=valid,
                page=page.number,
                bbox=layout.span_bbox(line, a, b),
                raw=raw,
                is_ours=is_ours,
            )
            out.append(Found(ident, li, a, b))

        for name in ("vat", "vat-then-digits"):
            for m in pats[name].finditer(text):
                key = _compact(m.group(1), ocr) if ocr else m.group(1)  # "FRO3…" is FR03
                value = "FR" + key.upper() + _compact(m.group(2), ocr)
                valid = fr_tva.is_valid(value)
                if name == "vat" or (valid and free(m.start(), m.end())):
                    add("vat", value, valid, m.start(), m.end(), m.group())
        for m in pats["eu-vat"].finditer(text):
            if free(m.start(), m.end()):
                # Only checksummed ones: "DE" + 9 digits is also a plain reference. The
                # longest run of groups that validates wins ("DE 186 703 097 12" is not one).
                if _IBAN_LIKE.match(m.group()):
                    continue  # "DE99 7150 1321 …" is a bank account
                groups = regex.split(r"[ \u00a0\u202f.]", m.group())
                for n in range(len(groups), 0, -1):
                    raw = m.group()[: len(" ".join(groups[:n]))]
                    value = _compact(raw, False).upper()
                    if 10 <= len(value) <= 14 and (
                        eu_vat.is_valid(value) or (value[:2] == "GB" and gb_vat.is_valid(value))
                    ):
                        add("eu-vat", value, True, m.start(), m.start() + len(raw), raw)
                        break
        for m in pats["siret"].finditer(text):
            if free(m.start(), m.end()):
                value = _compact(m.group(), ocr).replace(" ", "")
                add("siret", value, fr_siret.is_valid(value), m.start(), m.end(), m.group())
        for m in _LABELLED_SIRET.finditer(text):
            a, b = m.start(1), m.end(1)
            value = _compact(m.group(1), ocr)
            if free(a, b) and value.isdigit() and fr_siret.is_valid(value):
                add("siret", value, True, a, b, m.group(1))
        for m in pats["siren"].finditer(text):
            if not free(m.start(), m.end()):
                continue
            value = _compact(m.group(), ocr)
            labelled = _SIREN_LABEL.search(text, 0, m.start()) is not None
            spaced = " " in m.group() or "\u00a0" in m.group()
            if labelled or (spaced and fr_siren.is_valid(value)):
                add("siren", value, fr_siren.is_valid(value), m.start(), m.end(), m.group())
    out.extend(_wrapped(page, pats, ocr, ours))
    return out


#: How much of a line's end and of the next line's start a wrapped identifier may take.
_TAIL, _HEAD = 24, 16


def _wrapped(
    page: Page, pats: dict[str, regex.Pattern[str]], ocr: bool, ours: set[str]
) -> list[Found]:
    """VAT numbers and SIRETs a narrow column wrapped onto the next line ("N° TVA : FR 18
    385 860" / "085"): the end of a line's cell joined to the start of the next line, kept
    only when the joined number holds its checksums. A cell's end, not only the line's: a
    footer wrapped under a "Page 1/1" printed at its right ("… TVA : FR12" / "346 368 764",
    holdout11). The identifier is reported on its first line, and once more on the second
    for masking (the same object, listed once by the engine)."""
    out: list[Found] = []
    for li in range(len(page.lines) - 1):
        first, second = page.lines[li], page.lines[li + 1]
        head = second.text[:_HEAD]
        if not head[:1].isdigit():
            continue
        for end in sorted({c.end for c in layout.cells(first)}):
            out.extend(_joined(first, head, end, li, page.number, pats, ocr, ours))
    return out


def _joined(
    first: Line,
    head: str,
    end: int,
    li: int,
    page_number: int,
    pats: dict[str, regex.Pattern[str]],
    ocr: bool,
    ours: set[str],
) -> list[Found]:
    """The identifiers of ``first``'s text up to ``end`` joined to ``head`` (:func:`_wrapped`)."""
    tail = first.text[max(0, end - _TAIL) : end]
    if not tail[-1:].isalnum():
        return []
    out: list[Found] = []
    joined = f"{tail} {head}"
    for kind, pattern in (("vat", pats["vat"]), ("siret", pats["siret"])):
        for m in pattern.finditer(joined):
            if not (m.start() < len(tail) - 1 and m.end() > len(tail) + 2):
                continue
            if kind == "vat":
                key = _compact(m.group(1), ocr) if ocr else m.group(1)
                value = "FR" + key.upper() + _compact(m.group(2), ocr)
                valid = fr_tva.is_valid(value)
            else:
                value = _compact(m.group(), ocr).replace(" ", "")
                valid = fr_siret.is_valid(value)
            if not valid:
                continue
            a = end - len(tail) + m.start()
            siren = value[-9:] if kind == "vat" else value[:9]
            ident = Identifier(
                kind=kind,  # type: ignore[arg-type]
                value=value,
                valid=True,
                page=page_number,
                bbox=layout.span_bbox(first, a, end),
                raw=m.group(),
                is_ours=value in ours or siren in ours,
            )
            out.append(Found(ident, li, a, end))
            out.append(Found(ident, li + 1, 0, m.end() - len(tail) - 1))
    return out


def find_identifiers(document: Document, own: Iterable[str] = ()) -> tuple[Identifier, ...]:
    own = tuple(own)
    found = (f.identifier for p in document.pages for f in find_on_page(p, own))
    return tuple(dict.fromkeys(found))  # a wrapped identifier is found on both its lines


# --- the customer's identifiers ------------------------------------------------------


def _block_labels(page: Page, rules: EngineRules) -> list[tuple[BBox, int]]:
    """Every buyer (+1) / supplier (-1) block label of a page with its cell's box."""
    out: list[tuple[BBox, int]] = []
    for line in page.lines:
        text = line.text
        for side, pat in ((1, rules.buyer_block), (-1, rules.supplier_block)):
            for m in pat.finditer(text):
                out.append((layout.cell_at(line, m.start()).bbox, side))
    return out


def _block_side(labels: list[tuple[BBox, int]], ident: Identifier) -> int:
    """+1 under a buyer block label, -1 under a supplier one, 0 when unknown: the nearest
    block label above (or on the same line) in the identifier's column wins."""
    if ident.bbox is None:
        return 0
    best: tuple[float, int] | None = None
    for box, side in labels:
        dist = ident.bbox.y0 - box.y0
        if box.y0 > ident.bbox.y1 or dist > 250:
            continue
        if layout.overlaps_column(box, ident.bbox, 40) and (best is None or dist < best[0]):
            best = (dist, side)
    return best[1] if best else 0


def customer_identifiers(
    document: Document, identifiers: Iterable[Identifier], rules: EngineRules
) -> dict[str, Identifier]:
    """kind → the customer's identifier: valid, not ours, under a buyer label first,
    never under a supplier label when another choice exists, then first in reading order."""
    labels = {p.number: _block_labels(p, rules) for p in document.pages}
    ranked: dict[str, list[tuple[tuple[int, int, int], Identifier]]] = {}
    for i, ident in enumerate(identifiers):
        # A number failing its checksum is shown to the clerk (``identifiers``) but never
        # handed on as the customer's: it would be refused downstream.
        if ident.is_ours or not ident.valid:
            continue
        side = _block_side(labels.get(ident.page, []), ident)
        key = (-int(ident.valid), -side, i)
        ranked.setdefault(ident.kind, []).append((key, ident))
    return {kind: min(items, key=lambda t: t[0])[1] for kind, items in ranked.items()}


def consistency_flags(customer: dict[str, Identifier]) -> tuple[str, ...]:
    """Disagreements between the customer's identifiers, for the clerk to look at."""
    flags: list[str] = []
    vat, siret, siren = customer.get("vat"), customer.get("siret"), customer.get("siren")
    sirens = {
        "vat": vat.value[-9:] if vat else None,
        "siret": siret.value[:9] if siret else None,
        "siren": siren.value if siren else None,
    }
    present = {k: v for k, v in sirens.items() if v}
    if len(set(present.values())) > 1:
        flags.append("SIREN differ: " + ", ".join(f"{k} {v}" for k, v in sorted(present.items())))
    for ident in customer.values():
        if not ident.valid:
            flags.append(f"{ident.kind} {ident.value} fails its checksum")
    return tuple(flags)


# --- amounts and labelled fields -----------------------------------------------------

_AMOUNT = regex.compile(
    r"(?<![0-9A-Z.,])-?[0-9]{1,3}(?:(?:[ \u00a0\u202f.][0-9]{3})+|[0-9]*)(?:,[0-9]{2})(?![0-9])"
    r"|(?<![0-9A-Z.,])-?[0-9]{1,3}(?:(?:,[0-9]{3})+|[0-9]*)\.[0-9]{2}(?![0-9])"
)


def parse_amount(text: str) -> Decimal | None:
    """A French ("1 234,56 €", "1.234,56") or English ("1,234.56") amount; None if not one."""
    m = _AMOUNT.search(text)
    if not m:
        return None
    raw = m.group()
    if "," in raw[-3:]:
        raw = regex.sub(r"[ \u00a0\u202f.]", "", raw).replace(",", ".")
    else:
        raw = raw.replace(",", "").replace(" ", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def amounts_in(text: str) -> list[Decimal]:
    out = []
    for m in _AMOUNT.finditer(text):
        value = parse_amount(m.group())
        if value is not None:
            out.append(value)
    return out


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A labelled value read from the page (quote number, code service, a total…)."""

    name: str
    value: str
    page: int
    bbox: BBox
    line: int


def find_field(
    document: Document, rule: FieldRule, max_below: int = 2, *, last: bool = False
) -> FieldValue | None:
    """The value right of the rule's label on its line, else below it in its column; the
    first such value, or the ``last`` (totals: a "Montant HT" column header comes first)."""
    hits: list[FieldValue] = []
    for page in document.pages:
        if not rule.label.search(page.text):  # one search per page is much cheaper
            continue
        for li, line in enumerate(page.lines):
            for m in rule.label.finditer(line.text):
                hit = _value_near(page, li, m.start(), m.end(), rule, max_below)
                if hit is not None:
                    if not last:
                        return hit
                    hits.append(hit)
    return hits[-1] if hits else None


def _value_near(
    page: Page, li: int, start: int, end: int, rule: FieldRule, max_below: int
) -> FieldValue | None:
    line = page.lines[li]
    # only the label's own cell and the next one count
    for cell in layout.right_of(line, end)[:2]:
        rest = line.text[max(cell.start, end) : cell.end]
        v = rule.value.search(rest)
        if v:
            a = max(cell.start, end) + v.start()
            bbox = layout.span_bbox(line, a, a + len(v.group()))
            return FieldValue(rule.name, v.group(), page.number, bbox, li)
    column = layout.cell_at(line, start).bbox
    for bi, bline, cell in layout.below(page, li, column, max_below):
        v = rule.value.search(cell.text)
        if v:
            a = cell.start + v.start()
            bbox = layout.span_bbox(bline, a, a + len(v.group()))
            return FieldValue(rule.name, v.group(), page.number, bbox, bi)
    return None


def find_totals(
    document: Document, rules: EngineRules
) -> tuple[Decimal | None, Decimal | None, bool | None]:
    """(total HT, total TTC, coherent): coherent when the line amounts above the total HT
    (last amount of each table row) add up to it; None when no table was found."""
    ht_rule, ttc_rule = rules.fields.get("total_ht"), rules.fields.get("total_ttc")
    ht_f = find_field(document, ht_rule, last=True) if ht_rule else None
    ttc_f = find_field(document, ttc_rule, last=True) if ttc_rule else None
    ht = parse_amount(ht_f.value) if ht_f else None
    ttc = parse_amount(ttc_f.value) if ttc_f else None
    coherent: bool | None = None
    if ht_f is not None and ht is not None:
        rows: list[Decimal] = []
        for page in document.pages:
            if page.number > ht_f.page:
                break
            for li, line in enumerate(page.lines):
                if page.number == ht_f.page and li >= ht_f.line:
                    break
                found = amounts_in(line.text)
                if len(found) >= 2:  # unit price and line amount: a table row
                    rows.append(found[-1])
        if rows:
            coherent = abs(sum(rows, Decimal(0)) - ht) <= Decimal("0.05")
    return ht, ttc, coherent
