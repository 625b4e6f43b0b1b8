"""A simulated stream of repeat customers: each sends many orders with its own habits.

A real customer's purchase orders come out of one piece of software: the same layout, the
same label, the same order-number shape from one order to the next; only the number, the
date, the quote and the items change. So each simulated customer fixes its layout's
random choices (a ``random.Random`` seeded by the customer, fresh for every order) and
an order-number *template* whose digits are redrawn per order.

Three groups:

* ``corpus``: the corpus generator's layouts (``training_set/gen``), one family each;
  the engine already reads these well, so they measure whether learning does harm;
* ``hard``: layouts where a generic engine must hesitate, each one a habit seen in real
  mailboxes: the order number under a bare "Référence" beside other references of the
  same shape; an SAP order beside its purchase requisition (same ten-digit shape); a
  public buyer whose clerks are told to type the *engagement juridique*, not the printed
  "bon de commande" number; a small firm printing its numbers under "N°" twice;
  one customer changes software at its 7th order (new prefix, new place), to measure
  how long an outdated profile misleads;
* ``scan``: corpus layouts printed, scanned and read back with OCR (slow: few of them).

Nothing is downloaded; documents are drawn with reportlab through the corpus's ``Pen``.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from training_set.gen import documents, numbers, parties, scan  # noqa: E402
from training_set.gen.blocks import (  # noqa: E402
    Ctx,
    customer_ids,
    items_table,
    legal_footer,
    letterhead,
    supplier_block,
)
from training_set.gen.pen import Pen  # noqa: E402


@dataclass(frozen=True)
class Customer:
    """One simulated customer: ``draw(i)`` prints its i-th order → (pdf, label)."""

    key: str
    group: str  # corpus | hard | scan
    description: str
    seed: str

    def draw(self, i: int) -> tuple[bytes, str]:
        return _DRAWERS[self.group](self, i)


def _digits_like(template: str, rng: random.Random) -> str:
    """The template with every digit redrawn: same shape, new number. A leading run
    that looks like a year or an SAP range (2024, 4500, 1300) stays as printed."""
    keep = 4 if template[:4].isdigit() and template[:2] in ("20", "45", "40", "13", "21") else 0
    return template[:keep] + "".join(
        str(rng.randint(0, 9)) if c.isdigit() else c for c in template[keep:]
    )


def _party(seed: str, sector: str) -> parties.Party:
    p = parties.customer(random.Random(seed + "/party"), sector)
    return p if p.siret_ok and p.vat_ok else parties.customer(random.Random(seed + "/p2"), sector)


def _corpus_draw(cust: Customer, i: int) -> tuple[bytes, str]:
    family, style = cust.description.split(":")
    fn, sectors, _styles, _t, _s = documents.PO_FAMILIES[family]
    setup = random.Random(cust.seed)
    party = _party(cust.seed, setup.choice(sectors))
    pen_choice = Pen.pick(setup)
    if style == "L":
        unit = party.name.rsplit("(", 1)[-1].rstrip(")")
        template = numbers.cnrs_number(setup, unit)
    else:
        template = numbers.order_number(setup, style, suffix_rate=0.3)
    order_rng = random.Random(f"{cust.seed}/{i}")
    order = numbers.OrderNumber(_digits_like(template.label, order_rng), template.suffix)
    pen = Pen(regular=pen_choice.regular, bold=pen_choice.bold, size=pen_choice.size)
    ctx = Ctx.make(order_rng, pen, party, order, english=party.sector == "english")
    ctx.rng = random.Random(cust.seed + "/layout")  # the customer's software: same choices
    ctx.show_siret = ctx.show_vat = True
    fn(ctx)
    return pen.finish(), order.label


def _scan_draw(cust: Customer, i: int) -> tuple[bytes, str]:
    pdf, label = _corpus_draw(cust, i)
    rng = random.Random(f"{cust.seed}/{i}/scan")
    d = scan.choose(rng, dpi=300)
    pages = [scan.degrade(img, d, rng.randint(0, 2**31)) for img in scan.render(pdf, d.dpi)]
    return scan.to_pdf(pages, d.dpi), label


# --- hard layouts -----------------------------------------------------------------------


def _start(cust: Customer, i: int, sector: str) -> tuple[Ctx, random.Random]:
    setup = random.Random(cust.seed)
    party = _party(cust.seed, sector)
    pen_choice = Pen.pick(setup)
    pen = Pen(regular=pen_choice.regular, bold=pen_choice.bold, size=pen_choice.size)
    order_rng = random.Random(f"{cust.seed}/{i}")
    ctx = Ctx.make(order_rng, pen, party, None)
    ctx.rng = random.Random(cust.seed + "/layout")
    return ctx, order_rng


def _head(ctx: Ctx, title: str) -> float:
    y = letterhead(ctx, ctx.customer, 40, 60)
    y = customer_ids(ctx, 40, y)
    supplier_block(ctx, 340, 60)
    y = max(y, 170) + 18
    ctx.pen.text(40, y, title, bold=True, size=ctx.pen.size + 4)
    return y + 26


def _rows(ctx: Ctx, y: float, rows: list[tuple[str, str]]) -> float:
    for k, v in rows:
        ctx.pen.text(40, y, k)
        ctx.pen.text(190, y, v)
        y += ctx.pen.size * 1.5
    return y


def _finish(ctx: Ctx, y: float) -> bytes:
    y = items_table(ctx, 40, y + 14)
    legal_footer(ctx, ctx.customer)
    return ctx.pen.finish()


def _references(cust: Customer, i: int) -> tuple[bytes, str]:
    """Bare "Référence", "Affaire", "Projet": three numbers of one pattern, no order label."""
    ctx, r = _start(cust, i, "small")
    pre, aff, prj = cust.description.split(":")[1].split(",")
    switched = cust.description.startswith("ref-switch") and i >= SWITCH_AT
    if switched:  # new software: a new prefix, the reference moves to the top
        pre = pre + "D"
    order = f"{pre}-{r.randint(24, 25)}{r.randint(0, 9999):04d}"
    affaire = f"{aff}-{r.randint(24, 25)}{r.randint(0, 9999):04d}"
    projet = f"{prj}-{r.randint(24, 25)}{r.randint(0, 9999):04d}"
    y = _head(ctx, "BON DE COMMANDE")
    rows = [("Affaire :", affaire), ("Référence :", order), ("Projet :", projet)]
    if cust.description.startswith("ref-first") or switched:
        rows = [rows[1], rows[0], rows[2]]
    y = _rows(ctx, y, [*rows, ("Date :", ctx.date)])
    return _finish(ctx, y), order


SWITCH_AT = 6  # the ref-switch customer changes software at its 7th order


def _sap_requisition(cust: Customer, i: int) -> tuple[bytes, str]:
    """SAP prints the purchase requisition's number (same ten digits) above the order's."""
    ctx, r = _start(cust, i, "company")
    order = f"4500{r.randint(0, 999999):06d}"
    requisition = f"1000{r.randint(0, 999999):06d}"
    y = _head(ctx, "COMMANDE D'ACHAT")
    y = _rows(
        ctx,
        y,
        [
            ("Demande d'achat n°", requisition),
            ("Commande d'achat", order),
            ("Date :", ctx.date),
            ("Acheteur :", ctx.customer.contact),
        ],
    )
    return _finish(ctx, y), order


def _public_ej(cust: Customer, i: int) -> tuple[bytes, str]:
    """A public buyer: the clerks type the engagement juridique (Chorus Pro needs it on the
    invoice), although a "bon de commande" number is printed in the title."""
    ctx, r = _start(cust, i, "public")
    ej = f"2100{r.randint(0, 999999):06d}"
    bc = f"BC{r.randint(24, 25)}-{r.randint(0, 99999):05d}"
    y = _head(ctx, f"BON DE COMMANDE N° {bc}")
    y = _rows(
        ctx,
        y,
        [
            ("Service :", "Direction des achats"),
            ("Engagement juridique :", ej),
            ("Date :", ctx.date),
        ],
    )
    return _finish(ctx, y), ej


def _double_number(cust: Customer, i: int) -> tuple[bytes, str]:
    """A small firm's form: "N°" for its order, and again for its internal job number."""
    ctx, r = _start(cust, i, "small")
    order = f"{r.randint(0, 99999):05d}/{r.randint(24, 25)}"
    job = f"{r.randint(24, 25)}-{r.randint(0, 9999):04d}"
    y = _head(ctx, "COMMANDE")
    y = _rows(ctx, y, [("Chantier N°", job), ("N°", order), ("Date :", ctx.date)])
    return _finish(ctx, y), order


_HARD: dict[str, Callable[[Customer, int], tuple[bytes, str]]] = {
    "ref-first": _references,
    "ref-second": _references,
    "ref-switch": _references,
    "sap-requisition": _sap_requisition,
    "public-ej": _public_ej,
    "double-number": _double_number,
}
_DRAWERS: dict[str, Callable[[Customer, int], tuple[bytes, str]]] = {
    "corpus": _corpus_draw,
    "scan": _scan_draw,
    "hard": lambda c, i: _HARD[c.description.split(":")[0]](c, i),
}

CORPUS_CUSTOMERS = [
    ("header-box", "CF"),
    ("label-value", "PO"),
    ("table-header", "4500"),
    ("cnrs-l", "L"),
    ("sap-4500", "4500"),
    ("two-column", "BDC"),
    ("below-label", "mixed"),
    ("english-po", "P.O."),
    ("small-prose", "none"),
    ("public-ej", "EJ"),
]
HARD_CUSTOMERS = [
    "ref-first:RX,AF,PJ",
    "ref-second:CM,DS,PR",
    "ref-switch:MA,AF,DS",
    "sap-requisition",
    "public-ej",
    "double-number",
]
SCAN_CUSTOMERS = [("label-value", "mixed"), ("header-box", "BC")]


def customers(*, corpus: bool = True, hard: bool = True, scans: bool = True) -> list[Customer]:
    out: list[Customer] = []
    if corpus:
        out += [
            Customer(f"corpus-{f}", "corpus", f"{f}:{s}", f"learning/corpus/{f}/{s}")
            for f, s in CORPUS_CUSTOMERS
        ]
    if hard:
        out += [
            Customer(f"hard-{h.split(':')[0]}", "hard", h, f"learning/hard/{h}")
            for h in HARD_CUSTOMERS
        ]
    if scans:
        out += [
            Customer(f"scan-{f}", "scan", f"{f}:{s}", f"learning/scan/{f}/{s}")
            for f, s in SCAN_CUSTOMERS
        ]
    return out


def stream(
    custs: list[Customer], orders: dict[str, int], seed: str = "stream"
) -> list[tuple[Customer, int]]:
    """Every customer's orders interleaved at random, each customer's in its own order."""
    events = [
        (random.Random(f"{seed}/{c.key}/{i}").random() + i, c, i)
        for c in custs
        for i in range(orders[c.key])
    ]
    events.sort(key=lambda e: e[0])
    return [(c, i) for _, c, i in events]
