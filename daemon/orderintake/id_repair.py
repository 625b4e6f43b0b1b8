"""Company identifiers misread on scans, repaired by their checksums and by each other.

Tesseract reads the small print of a footer badly: "SIRET 813 563 867 OOI1IL" for
843 563 867 00111, "FR8945321713%" for FR89453217135. Such a number fails its checksum,
and :mod:`orderintake.identifiers` reports it as invalid, so the customer stays unnamed.
Two facts put most of them back, without guessing:

- the same SIREN is usually printed two or three times (RCS line, VAT, SIRET): a SIREN
  read correctly once (an *anchor*: a valid identifier of the document) repairs a copy
  that differs from it in at most two digits, the rest being checked by the copy's own
  checksum (the SIRET's Luhn digit, the VAT key);
- a French VAT number carries two independent checks (its key over the SIREN, and the
  SIREN's Luhn digit), a SIRET two as well (the SIREN's Luhn digit and its own): a single
  unreadable character is filled only when exactly one digit satisfies both.

A look-alike letter (O, I, l, S, B, Z…) is read as its digit first. Every repair is recorded
in ``Identifier.corrections``; text-layer pages are never touched. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import regex
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

from . import layout
from .identifiers import Found
from .model import Document, Identifier, IdentifierKind, Page

_LOOKALIKE = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "i": "1", "!": "1"}
    | {"S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6"}
)
#: A run of digits, look-alikes and the odd unreadable mark, with the blanks and dots an
#: identifier is printed with; it must hold 7 real digits to be worth a look.
_RUN = regex.compile(
    r"(?<![0-9A-Za-z])(?:FR|F[EBRK8]|[EF]R)?[ .]?"
    r"(?=(?:[^0-9\n]{0,4}[0-9]){7})"
    r"[0-9OoDQIl|iSBZzG?%()€$&!][0-9OoDQIl|iSBZzG?%()€$&! .]{8,24}[0-9OoDQIl|iSBZzG?%)€!]"
)
_LABEL = regex.compile(
    r"(?i)\b(?:s\s?i\s?r\s?[eé]\s?[tn]|rcs|r\.c\.s|tva|vat|intra\w*|siret|siren)\b"
)
_UNKNOWN = "?"


def repair_document(document: Document, found: Sequence[Found], own: Iterable[str]) -> list[Found]:
    """``found`` (what was read as printed) with the misreads of OCR pages repaired: a
    repaired identifier replaces the invalid reading of the same characters, and is added
    where nothing was recognised. Valid identifiers of any page are the anchors."""
    ocr_pages = {p.number for p in document.pages if p.source == "ocr"}
    found = [_digit_key(f) if f.identifier.page in ocr_pages else f for f in found]
    anchors = _anchors(f.identifier for f in found)
    ours = {o.replace(" ", "").upper() for o in own}
    out = list(found)
    for page in document.pages:
        if page.source != "ocr":
            continue
        valid = [f for f in found if f.identifier.page == page.number and f.identifier.valid]
        for rep in _repair_page(page, valid, anchors, ours):
            out = [f for f in out if not _same_place(f, rep)]
            out.append(rep)
            anchors |= _anchors([rep.identifier])
    return out


def _digit_key(f: Found) -> Found:
    """A French VAT read with a letter in its key ("FR8Q 559 417 100") put back to its
    digits when they differ from the reading in that one character. python-stdnum accepts
    the new-style letter keys, whose check is modulo 11, so one digit in eleven misread as
    a letter still "validates"; new-style keys belong to the rare companies VAT-registered
    without a SIREN of their own, and these 9 digits are one."""
    ident = f.identifier
    if ident.kind != "vat" or not ident.valid or not ident.value.startswith("FR"):
        return f
    key, siren = ident.value[2:4], ident.value[4:]
    if key.isdigit() or not fr_siren.is_valid(siren):
        return f
    digits = _vat_key(siren)
    if len(_differences(key, digits)) != 1:
        return f
    fixed = replace(
        ident,
        value=f"FR{digits}{siren}",
        corrections=(*ident.corrections, f"key {key!r} read for {digits!r}"),
    )
    return replace(f, identifier=fixed)


def _same_place(f: Found, rep: Found) -> bool:
    return (
        f.identifier.page == rep.identifier.page
        and f.line == rep.line
        and f.start < rep.end
        and rep.start < f.end
        and not f.identifier.valid
    )


def _anchors(identifiers: Iterable[Identifier]) -> set[str]:
    out: set[str] = set()
    for i in identifiers:
        if i.valid and i.kind in ("vat", "siret", "siren"):
            out.add(i.value[-9:] if i.kind == "vat" else i.value[:9])
    return out


def _repair_page(
    page: Page, valid: Sequence[Found], anchors: set[str], ours: set[str]
) -> list[Found]:
    out: list[Found] = []
    for li, line in enumerate(page.lines):
        text = line.text
        label = _LABEL.search(text)
        for m in _RUN.finditer(text):
            a, b = m.span()
            raw = m.group().strip()
            is_vat = raw[:1] in "FE" and raw[1:2].isalpha()
            # read right already; but a VAT whose "FR" was misread ("ER93 473 935 625")
            # holds a SIREN read right, which is no reason to leave the VAT unread
            if any(
                f.line == li
                and f.start < b
                and a < f.end
                and not (is_vat and f.identifier.kind == "siren")
                for f in valid
            ):
                continue
            if not is_vat and (label is None or label.start() > a):
                continue  # an unlabelled run of digits is an article, an amount…
            body = regex.sub(r"[ .]", "", raw[2:] if is_vat else raw)
            compact = body.translate(_LOOKALIKE)
            compact = "".join(c if c.isdigit() else _UNKNOWN for c in compact)
            soft = "".join(" " if c.isdigit() else "~" for c in body)  # misread marks
            hit = (_vat if is_vat else _siret_or_siren)(compact, soft, anchors)
            if hit is None:
                continue
            kind, value, why = hit
            siren = value[-9:] if kind == "vat" else value[:9]
            ident = Identifier(
                kind=kind,
                value=value,
                valid=True,
                page=page.number,
                bbox=layout.span_bbox(line, a, b),
                raw=raw,
                is_ours=value in ours or siren in ours,
                corrections=(f"read as {raw!r}", why),
            )
            out.append(Found(ident, li, a, b))
    return out


#: Digits Tesseract takes for one another on degraded print. A copy of an anchor that
#: differs from it only where a mark was unreadable, a letter stood for a digit, or by one
#: of these pairs is a misread; any other difference may be a typo printed on the paper
#: (then the number stays as printed, failing its checksum, for the clerk to see).
_CONFUSED = frozenset(
    frozenset(p) for p in ("17", "14", "38", "56", "68", "08", "06", "89", "49", "27", "35")
)


def _differences(read: str, true: str) -> list[int]:
    return [i for i, (x, y) in enumerate(zip(read, true, strict=True)) if x != y]


def _misread(read: str, true: str, soft: str) -> bool:
    """Is every difference between ``read`` and ``true`` an unreadable mark or a letter
    (``soft``) or one of the digit confusions above, not a typo printed on the paper?"""
    return all(
        soft[i] != " " or frozenset((read[i], true[i])) in _CONFUSED
        for i in _differences(read, true)
    )


def _near(siren: str, soft: str, anchors: set[str]) -> str | None:
    """The one anchor this SIREN reading is a misread of, in at most two characters."""
    close = [
        anchor
        for anchor in anchors
        if len(_differences(siren, anchor)) <= 2 and _misread(siren, anchor, soft)
    ]
    return close[0] if len(close) == 1 else None


def _fill(value: str, check: object) -> str | None:
    """``value`` with its single unknown character filled, when exactly one digit makes
    ``check`` hold; ``value`` itself when it holds already."""
    unknown = value.count(_UNKNOWN)
    if unknown == 0:
        return value if check(value) else None  # type: ignore[operator]
    if unknown > 1:
        return None
    fits = [v for d in "0123456789" if check(v := value.replace(_UNKNOWN, d))]  # type: ignore[operator]
    return fits[0] if len(fits) == 1 else None


def _vat_key(siren: str) -> str:
    """The French VAT key of a SIREN (python-stdnum validates it but does not compute it)."""
    return f"{(12 + 3 * (int(siren) % 97)) % 97:02d}"


def _vat(body: str, soft: str, anchors: set[str]) -> tuple[IdentifierKind, str, str] | None:
    """FR + key + SIREN from the 11 characters after "FR" (one trailing mark dropped)."""
    if len(body) == 10:  # one digit lost at the end: "FR1428604566"
        key, head = body[:2], body[2:]
        for whole in anchors:
            if whole.startswith(head) and _vat_key(whole) == key:
                return "vat", f"FR{key}{whole}", f"SIREN {whole} printed elsewhere on the document"
    for digits in (body, body[:-1]) if len(body) == 12 else (body,):
        if len(digits) != 11:
            continue
        key, siren = digits[:2], digits[2:]
        anchor = _near(siren, soft[2:], anchors)
        if anchor is not None:
            full = "FR" + _vat_key(anchor) + anchor
            # The SIREN misread too: its repair vouches for the key's one difference. The
            # SIREN read right: only a known confusion or an unreadable mark in the key
            # ("FR 39 877 639 849" for FR59, the SIRET beside it giving the SIREN).
            if len(_differences(key, full[2:4])) <= 1 and (
                anchor != siren or _misread(key, full[2:4], soft[:2])
            ):
                return "vat", full, f"SIREN {anchor} printed elsewhere on the document"
        filled = _fill(digits, lambda v: fr_siren.is_valid(v[2:]) and fr_tva.is_valid("FR" + v))
        if filled is not None:
            return "vat", "FR" + filled, "checked by its key and its SIREN's Luhn digit"
    return None


def _siret_or_siren(
    body: str, soft: str, anchors: set[str]
) -> tuple[IdentifierKind, str, str] | None:
    """A SIRET (14) or SIREN (9) from a labelled run (one trailing mark dropped)."""
    for digits in (body, body[:-1]):
        if len(digits) == 14:
            siren, nic = digits[:9], digits[9:]
            anchor = _near(siren, soft, anchors)
            if anchor is not None:
                filled = _fill(anchor + nic, fr_siret.is_valid)
                if filled is not None:
                    return "siret", filled, f"SIREN {anchor} printed elsewhere on the document"
            if _UNKNOWN in siren or _UNKNOWN not in nic:
                # two checks, the SIREN's Luhn digit and the SIRET's: one unreadable mark in
                # the SIREN part, or an odd grouping ("9941545 3200042") that both accept
                filled = _fill(digits, lambda v: fr_siren.is_valid(v[:9]) and fr_siret.is_valid(v))
                if filled is not None:
                    return "siret", filled, "checked by its SIREN's and its own Luhn digits"
        elif len(digits) == 9:
            anchor = _near(digits, soft, anchors)
            if anchor is not None and anchor != digits:
                return "siren", anchor, f"SIREN {anchor} printed elsewhere on the document"
    return None
