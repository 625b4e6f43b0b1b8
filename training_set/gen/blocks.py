"""Pieces every document shares: letterheads, address blocks, item tables, legal footers.

Each layout arranges these differently; they are where the distractors live (SIRET,
SIREN, VAT, phones, postcodes, dates, IBAN/BIC, quote and customer numbers, amounts).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import ids, numbers
from .numbers import OrderNumber
from .parties import PRODUCTS, SUPPLIER, SUPPLIER_BIC, SUPPLIER_IBAN, Party, product_code
from .pen import Pen


@dataclass
class Ctx:
    """Everything one document prints; ``order`` is None on documents without one."""

    rng: random.Random
    pen: Pen
    customer: Party
    order: OrderNumber | None
    english: bool = False
    date: str = ""
    quote: str = ""
    customer_code: str = ""
    items: list[tuple[str, str, int, float]] = field(default_factory=list)
    show_vat: bool = True
    show_siret: bool = True

    @classmethod
    def make(
        cls,
        rng: random.Random,
        pen: Pen,
        customer: Party,
        order: OrderNumber | None,
        *,
        english: bool = False,
        n_items: tuple[int, int] = (2, 7),
    ) -> Ctx:
        items = [(product_code(rng), *rng.choice(PRODUCTS)) for _ in range(rng.randint(*n_items))]
        return cls(
            rng=rng,
            pen=pen,
            customer=customer,
            order=order,
            english=english,
            date=numbers.date(rng, rng.choice(["/", "/", ".", "-"])),
            quote=numbers.quote_number(rng),
            customer_code=numbers.customer_code(rng),
            items=[(code, name, rng.randint(1, 40), price) for code, name, price in items],
            show_vat=rng.random() < 0.85,
            show_siret=rng.random() < 0.85,
        )


def money(x: float, english: bool = False) -> str:
    if english:
        return f"{x:,.2f} EUR"
    whole, cents = f"{x:.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", " ")
    return f"{groups},{cents} €"


def fmt_siret(s: str, rng: random.Random) -> str:
    return rng.choice([s, f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", f"{s[:9]} {s[9:]}"])


def fmt_vat(v: str, rng: random.Random) -> str:
    return rng.choice([v, f"{v[:2]} {v[2:4]} {v[4:]}", f"{v[:4]} {v[4:7]} {v[7:10]} {v[10:]}"])


def letterhead(ctx: Ctx, p: Party, x: float, y: float, *, big: float = 13) -> float:
    """Name, address, phone and e-mail of ``p``; returns the y below the block."""
    pen = ctx.pen
    while big > 8 and pen.width_of(p.name, bold=True, size=big) > 270:
        big -= 0.5  # long laboratory names must not run into the right-hand block
    pen.text(x, y, p.name, bold=True, size=big)
    y += big * 1.3
    for line in (
        p.street,
        f"{p.postcode} {p.city}",
        f"{'Tel' if ctx.english else 'Tél.'} : {p.phone}",
        p.email,
    ):
        pen.text(x, y, line)
        y += pen.size * 1.3
    return y


def supplier_block(ctx: Ctx, x: float, y: float) -> float:
    """Our own address as the customer prints it, often with our SIRET and VAT (distractors)."""
    pen, rng = ctx.pen, ctx.rng
    pen.text(
        x,
        y,
        "Supplier:"
        if ctx.english
        else rng.choice(["Fournisseur :", "FOURNISSEUR", "Destinataire :"]),
        bold=True,
    )
    y += pen.size * 1.4
    lines = [SUPPLIER.name, SUPPLIER.street, f"{SUPPLIER.postcode} {SUPPLIER.city}"]
    if rng.random() < 0.6:
        lines.append(f"SIRET : {fmt_siret(SUPPLIER.siret, rng)}")
    if rng.random() < 0.5:
        lines.append(f"TVA : {fmt_vat(SUPPLIER.vat, rng)}")
    if rng.random() < 0.4:
        lines.append(f"Code fournisseur : F{rng.randint(10000, 99999)}")
    for line in lines:
        pen.text(x, y, line)
        y += pen.size * 1.3
    return y


def legal_footer(
    ctx: Ctx, p: Party, *, y: float | None = None, with_bank: bool | None = None
) -> None:
    """The small print at the bottom: SIRET, VAT, APE, capital, sometimes IBAN/BIC."""
    pen, rng = ctx.pen, ctx.rng
    y = y or pen.height - 48
    size = max(6.5, pen.size - 2.5)
    parts = [p.name]
    if p is not ctx.customer or ctx.show_siret:
        parts.append(f"SIRET {fmt_siret(p.siret, rng)}")
    else:
        parts.append(f"SIREN {p.siren}")
    parts.append(f"APE {rng.choice(['4669B', '8542Z', '7219Z', '4778C', '8411Z'])}")
    if p is not ctx.customer or ctx.show_vat:
        parts.append(f"{'VAT' if ctx.english else 'N° TVA intracom.'} {fmt_vat(p.vat, rng)}")
    pen.hline(40, pen.width - 40, y - 10, lw=0.4)
    pen.text(pen.width / 2, y, " – ".join(parts), size=size, align="centre")
    second = [f"{p.street}, {p.postcode} {p.city}", f"Tél. {p.phone}"]
    if with_bank if with_bank is not None else rng.random() < 0.5:
        iban = SUPPLIER_IBAN if p is SUPPLIER else ids.iban_fr(rng)
        second.append(f"IBAN {iban} – BIC {SUPPLIER_BIC if p is SUPPLIER else ids.bic(rng)}")
    pen.text(pen.width / 2, y + size * 1.4, " – ".join(second), size=size, align="centre")


def customer_ids(ctx: Ctx, x: float, y: float) -> float:
    """The customer's SIRET / VAT lines near its address (when this document shows them)."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    if ctx.show_siret:
        pen.text(x, y, f"SIRET : {fmt_siret(c.siret, rng)}")
        y += pen.size * 1.3
    if ctx.show_vat:
        pen.text(x, y, f"{'VAT No' if ctx.english else 'N° TVA'} : {fmt_vat(c.vat, rng)}")
        y += pen.size * 1.3
    return y


def items_table(ctx: Ctx, x: float, y: float, width: float | None = None) -> float:
    """Reference, description, quantity, unit price, line total; then HT / TVA / TTC."""
    pen, en = ctx.pen, ctx.english
    width = width or pen.width - 2 * x
    cols = [0, 0.16, 0.64, 0.74, 0.87]
    heads = (
        ["Ref.", "Description", "Qty", "Unit price", "Amount"]
        if en
        else ["Réf.", "Désignation", "Qté", "PU HT", "Total HT"]
    )
    pen.rect(x, y - pen.size - 3, width, pen.size + 7, fill=0.88)
    for c, h in zip(cols, heads, strict=True):
        pen.text(x + 4 + c * width, y, h, bold=True)
    y += pen.size * 1.8
    total = 0.0
    for code, name, qty, price in ctx.items:
        line = qty * price
        total += line
        pen.text(x + 4, y, code)
        pen.text(x + 4 + cols[1] * width, y, name[:48])
        pen.text(x + cols[3] * width - 8, y, str(qty), align="right")
        pen.text(x + cols[4] * width - 8, y, money(price, en), align="right")
        pen.text(x + width - 4, y, money(line, en), align="right")
        y += pen.size * 1.5
    pen.hline(x, x + width, y - pen.size * 0.9)
    y += pen.size * 0.6
    vat = round(total * 0.2, 2)
    rows = (
        [("Total excl. VAT", total), ("VAT 20%", vat), ("Total", total + vat)]
        if en
        else [("Total HT", total), ("TVA 20 %", vat), ("Total TTC", total + vat)]
    )
    for label, amount in rows:
        pen.text(x + cols[3] * width - 30, y, label, bold=label.startswith("Total"))
        pen.text(x + width - 4, y, money(amount, en), align="right")
        y += pen.size * 1.4
    return y + pen.size


def conditions(ctx: Ctx, x: float, y: float) -> float:
    """Delivery and payment terms with a date, a phone and a postcode + city."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    if ctx.english:
        lines = [
            f"Delivery date: {numbers.date(rng)}",
            f"Deliver to: {c.name}, {c.street}, {c.postcode} {c.city}",
            "Payment terms: 30 days end of month",
            f"Contact: {c.contact}, {c.phone}",
        ]
    else:
        lines = [
            f"Livraison souhaitée le {numbers.date(rng)}",
            f"Adresse de livraison : {c.street}, {c.postcode} {c.city}",
            rng.choice(
                [
                    "Règlement : 30 jours fin de mois",
                    "Paiement à 45 jours date de facture",
                    "Règlement par virement à réception de facture",
                ]
            ),
            f"Contact : {c.contact} – {c.phone}",
        ]
    for line in lines:
        pen.text(x, y, line)
        y += pen.size * 1.35
    return y
