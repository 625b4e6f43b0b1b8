"""OCR repairs for order numbers: what Tesseract misreads, put back. Pure functions.

Used by :mod:`orderintake.ordernumber` on OCR pages only (never on a text layer, whose
characters are exact): look-alike letters inside digit runs (O/0, I/l/1, Z/2, S/5, B/8),
digits read inside a known prefix ("P.0." for "P.O."), and the blanks Tesseract puts
between two halves of one word. Every repair is reported so the clerk sees it.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from . import layout
from .model import Line

_DIGIT_LIKE = {"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "Z": "2", "S": "5", "B": "8"}
_LOWER_LIKE = frozenset("ol|")
SEPARATORS = frozenset("-/._")
# Two OCR words closer than this many character widths may be one word split by Tesseract.
_JOIN_GAP = 1.2
# A printed word space is 0.4–0.6 of a character width; Tesseract's split inside a word
# leaves far less.
_TIGHT_GAP = 0.3


def repair_ocr(value: str) -> tuple[str, tuple[str, ...]]:
    """Read OCR look-alikes as digits where a digit is expected: a run of upper-case
    look-alikes with a digit on both sides, a lower-case one (``o``, ``l``, ``|``) next to
    a digit (an order number has no lower case), a leading O before digits only. Returns
    the value and the corrections."""
    chars = list(value)
    corrections: list[str] = []
    i = 0
    while i < len(chars):
        if chars[i] not in _DIGIT_LIKE:
            i += 1
            continue
        j = i
        while j < len(chars) and chars[j] in _DIGIT_LIKE:
            j += 1
        left = i > 0 and chars[i - 1].isdigit()
        right = j < len(chars) and chars[j].isdigit()
        for k in range(i, j):
            c = chars[k]
            if (left and right) or (c in _LOWER_LIKE and (left or right)):
                corrections.append(f"{c}→{_DIGIT_LIKE[c]} at {k + 1}")
                chars[k] = _DIGIT_LIKE[c]
        i = j
    # A block after a separator that is mostly digits is a digit block: "2025-B8848".
    start = 0
    for k in range(len(chars) + 1):
        if k == len(chars) or chars[k] in SEPARATORS:
            block = chars[start:k]
            digits = sum(c.isdigit() for c in block)
            if start > 0 and digits >= 3 and digits >= 2 * (len(block) - digits):
                for n in range(start, k):
                    c = chars[n]
                    if c in _DIGIT_LIKE:
                        corrections.append(f"{c}→{_DIGIT_LIKE[c]} at {n + 1}")
                        chars[n] = _DIGIT_LIKE[c]
            start = k + 1
    # A leading O before digits only is a zero: "O174" for 0174 (a letter series is not
    # written O; an S or a B may be one: "SO16173", "B 02220").
    if len(chars) >= 4 and chars[0] in "Oo" and all(c.isdigit() for c in chars[1:]):
        corrections.insert(0, f"{chars[0]}→0 at 1")
        chars[0] = "0"
    return "".join(chars), tuple(corrections)


_LETTER_LIKE = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z"}
_TOKEN = regex.compile(r"[^\s\x00]+")
#: Punctuation Tesseract reads from specks in front of a word. The soft ones are dropped
#: before any word; a dash or a quote mark only before a number (4 digits or more), since
#: "-01" or "«Urgent»" are meant.
_SOFT_SPECKS = ".,'`‘’:;"
_SPECKS = _SOFT_SPECKS + "-–—~_«»"
_DIGITS = regex.compile(r"[0-9]")
#: A digit look-alike leading a letter group that heads a number: "0A25/0325" is "OA25/0325".
_LEADING_DIGIT_LIKE = regex.compile(
    r"\A[#:°(\[]?([0158]{1,2})(?=[A-Z]{1,3}[0-9]{2}[-_/.0-9A-Z]*[)\]]?\Z)"
)


def _lone_prefix(token: str, after: str, prefixes: Sequence[str]) -> str:
    """A known prefix printed apart from its number and misread ("P.0. 26-9933",
    "C0 81234"): restored when the next word starts with a digit."""
    if not (after[:1] == " " and after[1:2].isdigit()):
        return token
    for p in prefixes:
        if (
            len(p) == len(token) >= 2
            and token != p
            and any(c.isalpha() for c in p)
            and all(h == c or _LETTER_LIKE.get(h) == c for h, c in zip(token, p, strict=True))
        ):
            return p
    return token


def _letter_prefixes(prefixes: Sequence[str]) -> tuple[str, ...]:
    """The known prefixes of two letters or more, longest first (CDE before CD)."""
    return tuple(
        sorted((p for p in prefixes if len(p) >= 2 and p.isalpha()), key=len, reverse=True)
    )


def _digits_after_prefix(token: str, prefixes: Sequence[str]) -> str:
    """Look-alikes heading the digits after a known prefix are digits: "POS6311243" is
    PO56311243 (holdout8). Between the prefix's letters and a digit, :func:`repair_ocr`
    cannot tell; after a known prefix, a body of digits can. Only upper-case look-alikes,
    only when the rest of the body is digits (four or more), and only after a prefix of two
    letters or more (the CNRS "L" heads words too): ``prefixes`` are those of
    :func:`_letter_prefixes`, computed once a line."""
    for p in prefixes:
        if not token.startswith(p):
            continue
        body = token[len(p) :]
        n = len(body) - len(body.lstrip("OISZB"))
        rest = body[n:]
        if 0 < n <= 2 and len(rest) >= 4 and rest.isdigit():
            return p + "".join(_DIGIT_LIKE[c] for c in body[:n]) + rest
        return token
    return token


def _letters_before_digits(token: str) -> str:
    """Leading digit look-alikes glued to the letter group of a number are letters:
    an order number's letters come before its digits, so "0A25" is "OA25" and "5T1234"
    "ST1234" (never on a pure digit run: "5016173" stays as read)."""
    m = _LEADING_DIGIT_LIKE.match(token)
    if not m:
        return token
    letters = "".join(_LETTER_LIKE[c] for c in m.group(1))
    return token[: m.start(1)] + letters + token[m.end(1) :]


def repair_line_ocr(text: str, prefixes: Sequence[str]) -> tuple[str, dict[int, str]]:
    """One-for-one OCR repairs over a whole line (offsets unchanged): look-alikes inside
    digit runs become digits (:func:`repair_ocr`), digits or lower-case letters read inside
    a known prefix become its letters ("P.0." → "P.O.", "C0" → "CO", "Cf" → "CF"), a
    lower-case l or i between capitals is an I. Returns the repaired line and position →
    correction."""
    chars = list(text)
    notes: dict[int, str] = {}
    letter_prefixes = _letter_prefixes(prefixes)
    for m in _TOKEN.finditer(text):
        tok, start = m.group(), m.start()
        fixed, _ = repair_ocr(tok)
        for p in prefixes:
            head = fixed[: len(p)]
            if (
                len(fixed) > len(p)
                and head != p
                and any(c.isalpha() for c in p)
                and any(ch.isdigit() for ch in fixed[len(p) :])
                and all(
                    h == c
                    or _LETTER_LIKE.get(h) == c
                    or (h, c) == ("O", "D")  # BOC → BDC
                    or (i > 0 and h.islower() and h.upper() == c)  # Cf-611402 → CF-
                    for i, (h, c) in enumerate(zip(head, p, strict=True))
                )
            ):
                fixed = p + fixed[len(p) :]
                break
        if fixed == tok and len(fixed) >= 2:
            fixed = _lone_prefix(fixed, text[m.end() : m.end() + 2], prefixes)
        fixed = _digits_after_prefix(fixed, letter_prefixes)
        fixed = _letters_before_digits(fixed)
        fixed_chars = list(fixed)
        lead = len(fixed_chars) - len("".join(fixed_chars).lstrip(_SPECKS))
        rest = "".join(fixed_chars[lead:])
        if (
            0 < lead <= 2
            and lead < len(fixed_chars)
            and fixed_chars[lead].isalnum()
            and (
                fixed_chars[0] in _SOFT_SPECKS
                # "26- -0843": the dash printed once and read twice, joined later
                or (len(_DIGITS.findall(rest)) >= 4 and text[:start].rstrip()[-1:] != tok[0])
            )
        ):
            # a speck read as punctuation stuck to the number: ":.L 12345", "-ORD_2026_5655"
            fixed_chars[:lead] = [" "] * lead
        for i in range(1, len(fixed_chars) - 1):
            left, right = fixed_chars[i - 1], fixed_chars[i + 1]
            if fixed_chars[i] in "li" and left.isupper() and right.isupper():
                fixed_chars[i] = "I"
            elif fixed_chars[i] in "Il|" and left.isdigit() and right.isupper():
                fixed_chars[i] = "/"  # "39702INN": a slash before the buyer's initials
        for i, (old, new) in enumerate(zip(tok, fixed_chars, strict=True)):
            if old != new:
                chars[start + i] = new
                notes[start + i] = f"{old}→{new}"
    return "".join(chars), notes


def close_blanks(line: Line, limit: float = _JOIN_GAP) -> frozenset[int]:
    """Offsets in ``line.text`` of the blanks between two words closer than ``limit``
    character widths (the words' mean glyph width): where OCR may have split one word.
    Cells of a table, or two values side by side, stand further apart."""
    out: set[int] = set()
    offsets = layout.word_offsets(line)
    for k in range(len(line.words) - 1):
        left, right = line.words[k], line.words[k + 1]
        char_w = (left.bbox.width + right.bbox.width) / (len(left.text) + len(right.text))
        if right.bbox.x0 - left.bbox.x1 < limit * char_w:
            out.add(offsets[k][1])
    return frozenset(out)


def tight_blanks(line: Line) -> frozenset[int]:
    """Blanks narrower than any printed space (under ``_TIGHT_GAP`` character widths): a
    single digit split off a number ("7 5411" for "75411") is joined only across these."""
    return close_blanks(line, _TIGHT_GAP)
