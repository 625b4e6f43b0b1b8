"""Which label owns a value: the keywords and negative labels of a page, and where they sit.

An order number is known by its label (seed notes 004: "il faut connaître la position
relative"). :func:`find_labels` finds the rule file's keywords and negative-context labels
on the lines that matter, the longer one winning where two overlap, a table header wrapped
over two lines read as one; :func:`owner` says which of them a candidate belongs to: the
nearest on its line (unless that label's own cell already holds its value), else the one
heading its column a few lines up. Pure functions, used by :mod:`orderintake.ordernumber`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import regex

from . import layout
from .engine_rules import EngineRules, Keyword, NegativeContext
from .model import BBox, Line, Page

__all__ = ["Label", "find_labels", "owner", "right_edge"]


@dataclass(frozen=True, slots=True)
class Label:
    """A keyword or negative-context label found on a line, with the column it heads."""

    line: int
    start: int
    end: int
    weight: float  # > 0 order keyword; < 0 negative context (minus the penalty)
    name: str
    text: str
    column: BBox
    heads: bool = True  # starts its cell with little after it: may own values below
    attaches: bool = False  # a bare "N°": after another label it is part of it


#: The candidate's cell starts with a label of its own ("Imputation :"): it owns the value.
_OWN_LABEL = regex.compile(r"[^\W\d_]{2,}[^:;]*[:;]\s*\Z")

#: A column header we do not know ("Demande d'achat" right over "DA86021"): a capitalised
#: phrase without digits. A note in brackets or a date under a label does not stop it.
_HEADER = regex.compile(r"[[:upper:]][^0-9]*\Z")

_PROSE = regex.compile(r"(?:\b[a-zà-ÿ]{2,}\b[\s,']+){3}")


def _heads_column(line: Line, start: int, end: int) -> bool:
    """May a label own values below it? Not when it sits inside prose ("à reporter
    obligatoirement sur la facture"): three lower-case words in a row make prose. The
    label's own words do not count: "N° de bon de commande" heads a table's column
    (holdout9's town order, whose number sat under it)."""
    cell = layout.cell_at(line, start)
    text = line.text
    around = text[cell.start : start] + "\x00" + text[end : cell.end]
    return _PROSE.search(around) is None


def find_labels(page: Page, rules: EngineRules, wanted: Iterable[int]) -> list[Label]:
    """Order keywords and negative-context labels on the ``wanted`` lines.

    Where a keyword and a negative label overlap, the longer wins: "accusé de réception
    de commande n°" is not an order's label although it contains "commande n°", while
    "référence commande client" is. Among overlapping keywords the strongest stays.
    """
    out: list[Label] = []
    page_text = page.text
    keywords = [k for k in rules.keywords if k.pattern.search(page_text, timeout=0.5)]
    negatives = [n for n in rules.negative if n.pattern.search(page_text, timeout=0.5)]
    for li in sorted(wanted):
        line = page.lines[li]
        text = line.text
        found: list[Label] = []
        for weight_sign, rules_list in ((1, keywords), (-1, negatives)):
            for rule in rules_list:
                w = rule.weight if weight_sign > 0 else -rule.penalty  # type: ignore[union-attr]
                attaches = bool(getattr(rule, "attaches", False))
                for m in rule.pattern.finditer(text, timeout=0.5):
                    a, b = m.span()
                    col = layout.span_bbox(line, a, b)
                    cell = layout.cell_at(line, a)
                    if not any(ch.isalnum() for ch in text[b : cell.end]):
                        # It ends its cell: the whole cell is the column's header
                        # ("Document n°" over a value aligned under "Document").
                        col = layout.span_bbox(line, cell.start, cell.end)
                    heads = _heads_column(line, a, b)
                    found.append(Label(li, a, b, w, rule.name, m.group(), col, heads, attaches))
        if li > 0:  # every rule: the page's text has other words between the two halves
            found.extend(_stacked(page, li, rules.keywords, rules.negative))
        found.sort(key=lambda f: (-len(f.text), -f.weight))
        kept: list[Label] = []
        for f in found:  # longest first: a label overlapping a kept one is dropped
            if any(f.start < k.end and k.start < f.end for k in kept):
                continue
            kept.append(f)
        out.extend(_attach(sorted(kept, key=lambda f: f.start), text))
    return out


#: A table header cell wrapped over two lines has a few words on each, and no digits.
_STACK_WORDS = 4
_HAS_DIGIT = regex.compile(r"[0-9]")


def _stacked(
    page: Page, li: int, keywords: Sequence[Keyword], negatives: Sequence[NegativeContext]
) -> list[Label]:
    """Labels a narrow table header wraps over two lines ("N° de" over "commande"): a cell of
    line ``li - 1`` and the cell right under it on line ``li`` are read as one, and a label
    running across the joint is placed on line ``li`` (the line right above the values),
    its column the two cells' box."""
    upper, lower = page.lines[li - 1], page.lines[li]
    out: list[Label] = []
    for top in layout.cells(upper):
        if len(top.words) > _STACK_WORDS or _HAS_DIGIT.search(top.text):
            continue
        tb = top.bbox
        for bottom in layout.cells(lower):
            bb = bottom.bbox
            if (
                len(bottom.words) > _STACK_WORDS
                or _HAS_DIGIT.search(bottom.text)
                or not layout.overlaps_column(tb, bb)
                or bb.y0 - tb.y1 > layout.line_height(lower)
                or abs((tb.x0 + tb.x1) - (bb.x0 + bb.x1)) > max(tb.width, bb.width)
            ):
                continue
            joined = f"{top.text} {bottom.text}"
            joint = len(top.text) + 1
            col = BBox(min(tb.x0, bb.x0), tb.y0, max(tb.x1, bb.x1), bb.y1)
            for sign, rules_list in ((1, keywords), (-1, negatives)):
                for rule in rules_list:
                    w = rule.weight if sign > 0 else -rule.penalty  # type: ignore[union-attr]
                    for m in rule.pattern.finditer(joined, timeout=0.5):
                        if m.start() < joint - 1 and m.end() > joint:
                            end = bottom.start + m.end() - joint
                            out.append(Label(li, bottom.start, end, w, rule.name, m.group(), col))
    return out


_GLUE = regex.compile(r"[\s.:,'’-]*")


def _attach(labels: list[Label], text: str) -> list[Label]:
    """A bare number sign right after another label is part of it: "Marché n°" is the
    market's number (negative), "Engagement juridique n°" the EJ's (its own weight), not a
    generic "N°" owning the value."""
    out: list[Label] = []
    for lb in labels:
        prev = out[-1] if out else None
        if lb.attaches and prev is not None and _GLUE.fullmatch(text[prev.end : lb.start]):
            col = prev.column
            col = BBox(
                min(col.x0, lb.column.x0),
                min(col.y0, lb.column.y0),
                max(col.x1, lb.column.x1),
                max(col.y1, lb.column.y1),
            )
            out[-1] = replace(prev, end=lb.end, text=text[prev.start : lb.end], column=col)
            continue
        out.append(lb)
    return out


def _tokens_between(text: str) -> int:
    return sum(
        1
        for t in text.split()
        if any(c.isalnum() for c in t) and t.lower() not in ("n°", "no", "no.", "nº", "#")
    )


def right_edge(page: Page) -> float:
    """Where the page's longest lines end: measured once a page by the caller of
    :func:`owner` (measured for every candidate, it was a fifth of the engine's time)."""
    return max((layout.line_box(line).x1 for line in page.lines), default=0.0)


def _wraps(page: Page, li: int, right: float) -> bool:
    """Does line ``li`` run to the right margin ``right`` (prose wrapped onto the next line)?"""
    box = layout.line_box(page.lines[li])
    prose = _PROSE.search(page.lines[li].text) is not None  # not a table's header row
    return prose and box.x1 >= box.x0 + 0.8 * (right - box.x0)


def _served(line: Line, label: Label, cell: layout.Cell) -> bool:
    """Has ``label`` its value before the candidate's ``cell``, in its own cell or in a
    cell between? Then it does not reach across the gap: in "Tél. 05 91 30 40 77      B
    02220" the phone is the label's value and the number in the next column belongs to
    whatever heads that column; so in "Votre offre :   Q2614247      BC 00869" (holdout7:
    the label and its value in two cells of the left column, the order number below its
    own label in the right one)."""
    own_cell = layout.cell_at(line, label.start)
    if own_cell.end > cell.start:
        return False
    return any(ch.isdigit() for ch in line.text[label.end : cell.start])


def owner(
    page: Page,
    at: tuple[int, int],
    bbox: BBox,
    labels: list[Label],
    max_below: int,
    slack: float,
    right: float,
) -> tuple[Label | None, str, int]:
    """The label a candidate belongs to, and how: ``("line", tokens between)`` when it is
    left of the candidate on its line (or ends the previous line, the candidate starting
    its own: a wrapped sentence), ``("below", lines)`` when it heads the candidate's
    column within ``max_below`` lines (the most overlapping one on a tie). ``right`` is
    the page's :func:`right_edge`."""
    line_index, start = at
    line = page.lines[line_index]
    line_text = line.text
    # A negative label that ends inside the candidate lent it its last word as a prefix:
    # "DATE CDE 06/12/2826" (a fax's misread date) is the date of the order, not
    # "CDE 06/12/2826" (holdout11's AS/400 listing).
    for lb in labels:
        if lb.line == line_index and lb.weight < 0 and lb.start < start < lb.end:
            return lb, "line", 0
    cell = layout.cell_at(line, start)
    own = _OWN_LABEL.search(line_text[cell.start : start]) is not None
    same = [
        lb
        for lb in labels
        if lb.line == line_index and lb.end <= start and not _served(line, lb, cell)
    ]
    if same:
        lb = max(same, key=lambda x: x.end)
        if own and lb.end <= cell.start:
            return None, "", 0  # its own cell's label is nearer than the one we know
        return lb, "line", _tokens_between(line_text[lb.end : start])
    if (
        line_index > 0
        and _tokens_between(line_text[:start]) == 0
        and _wraps(page, line_index - 1, right)
    ):
        prev = page.lines[line_index - 1].text
        ends = [
            lb
            for lb in labels
            if lb.line == line_index - 1 and _tokens_between(prev[lb.end :]) == 0
        ]
        if ends:
            return max(ends, key=lambda x: x.end), "line", 1
    if own:
        return None, "", 0  # "Imputation : 6014-36": a label we do not know owns it
    for d in range(1, min(max_below, line_index) + 1):
        li = line_index - d
        best: tuple[float, Label] | None = None
        for lb in labels:
            if lb.line != li or not lb.heads:
                continue
            overlap = min(lb.column.x1, bbox.x1) - max(lb.column.x0, bbox.x0)
            if overlap > -slack and (best is None or overlap > best[0]):
                best = (overlap, lb)
        if best:
            return best[1], "below", d
        above = " ".join(
            w.text
            for w in page.lines[li].words
            if w.bbox.x0 < bbox.x1 and bbox.x0 < w.bbox.x1 and any(c.isalnum() for c in w.text)
        )
        if d == 1 and _HEADER.match(above) and not _PROSE.search(above):
            return None, "", 0  # the value's own header is a label we do not know
    return None, "", 0
