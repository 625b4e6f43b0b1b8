"""Purchase-order layouts, part two: multi-page, hand-typed letters, English POs,
two-column headers, and the number printed a few lines below its label.
"""

from __future__ import annotations

from . import numbers
from .blocks import (
    Ctx,
    conditions,
    customer_ids,
    items_table,
    legal_footer,
    letterhead,
    money,
    supplier_block,
)
from .layouts_po import ORDER_LABELS_FR, _order
from .parties import PRODUCTS, SUPPLIER, product_code

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def draw_multipage(ctx: Ctx) -> None:
    """Two to four pages; every page header repeats the order number."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    n_pages = rng.randint(2, 4)
    per_page = 24
    items = [
        (product_code(rng), *rng.choice(PRODUCTS))
        for _ in range(per_page * (n_pages - 1) + rng.randint(3, 10))
    ]
    label = rng.choice(["Commande n°", "Bon de commande N°", "N° de commande :", "Réf. commande"])
    total = 0.0
    for page in range(n_pages):
        if page:
            pen.new_page()
        pen.text(40, 40, c.name, bold=True)
        pen.text(
            pen.width - 40, 40, f"{label} {_order(ctx)} – Page {page + 1}/{n_pages}", align="right"
        )
        pen.hline(40, pen.width - 40, 48)
        y = 70.0
        if page == 0:
            y = letterhead(ctx, c, 40, y, big=11)
            y = customer_ids(ctx, 40, y)
            supplier_block(ctx, 330, 70)
            y = max(y, 160) + 10
            pen.text(
                40,
                y,
                f"Date : {ctx.date}    Code client : {ctx.customer_code}    Devis : {ctx.quote}",
            )
            y += 24
        chunk = items[page * per_page : (page + 1) * per_page]
        for code, name, price in chunk:
            qty = rng.randint(1, 20)
            total += qty * price
            pen.text(40, y, code)
            pen.text(110, y, name[:50])
            pen.text(430, y, str(qty), align="right")
            pen.text(pen.width - 40, y, money(qty * price), align="right")
            y += pen.size * 1.45
        if page == n_pages - 1:
            y += 8
            pen.text(380, y, "Total HT", bold=True)
            pen.text(pen.width - 40, y, money(total), align="right")
            conditions(ctx, 40, y + 25)
        legal_footer(ctx, c, with_bank=False)


def draw_small_prose(ctx: Ctx) -> None:
    """A small company's letter typed in a word processor: the number sits inside a sentence."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = letterhead(ctx, c, 50, 60, big=12)
    if rng.random() < 0.5:
        y = customer_ids(ctx, 50, y)
    y = max(y, 130)
    for line in (SUPPLIER.name, SUPPLIER.street, f"{SUPPLIER.postcode} {SUPPLIER.city}"):
        pen.text(320, y, line)
        y += pen.size * 1.35
    y += 15
    pen.text(
        320,
        y,
        f"À {c.city}, le {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2023, 2024, 2025])}",
    )
    y += 30
    pen.text(
        50,
        y,
        rng.choice(["Objet : commande", "Objet : Bon de commande", "Objet : notre commande"]),
        bold=True,
    )
    y += 25
    n = _order(ctx)
    opening = rng.choice(
        [
            f"Veuillez trouver notre commande n° {n} concernant les articles ci-dessous.",
            f"Par la présente, nous vous passons commande (notre référence {n}) des fournitures suivantes, conformément à votre devis {ctx.quote}.",
            f"Suite à votre devis {ctx.quote}, merci de bien vouloir enregistrer notre commande {n} pour :",
            f"Nous vous prions de bien vouloir nous livrer, sous la référence de commande {n}, les articles suivants :",
        ]
    )
    y = pen.wrap(50, y, "Madame, Monsieur,", pen.width - 100) + 6
    y = pen.wrap(50, y, opening, pen.width - 100) + 6
    for code, name, qty, price in ctx.items:
        pen.text(70, y, f"- {qty} x {name} (réf. {code}) à {money(price)} HT")
        y += pen.size * 1.4
    y += 8
    y = (
        pen.wrap(
            50,
            y,
            f"Merci de nous livrer avant le {numbers.date(rng)} à l'adresse ci-dessus. Pour toute question, "
            f"vous pouvez me joindre au {c.phone}. Notre code client chez vous : {ctx.customer_code}.",
            pen.width - 100,
        )
        + 10
    )
    pen.text(
        50,
        y,
        rng.choice(
            ["Cordialement,", "Bien cordialement,", "Veuillez agréer nos salutations distinguées."]
        ),
    )
    pen.text(320, y + 40, c.contact)
    if rng.random() < 0.5:
        legal_footer(ctx, c)


def draw_english_po(ctx: Ctx) -> None:
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = letterhead(ctx, c, 40, 60, big=14)
    pen.text(pen.width - 40, 60, "PURCHASE ORDER", bold=True, size=pen.size + 8, align="right")
    label = rng.choice(["PO Number:", "PO No.", "Order No.:", "Purchase Order #", "P.O. Number:"])
    rows = [
        (label, _order(ctx)),
        ("Date:", ctx.date),
        ("Quote ref.:", ctx.quote),
        ("Customer ID:", ctx.customer_code),
    ]
    yy = 90.0
    for k, v in rows:
        pen.text(360, yy, k, bold=True)
        pen.text(450, yy, v)
        yy += pen.size * 1.45
    y = max(y, yy) + 15
    pen.text(40, y, "Vendor:", bold=True)
    pen.text(300, y, "Ship to:", bold=True)
    y += pen.size * 1.4
    for a, b in zip(
        [SUPPLIER.name, SUPPLIER.street, f"{SUPPLIER.postcode} {SUPPLIER.city}, France"],
        [c.name, c.street, f"{c.postcode} {c.city}"],
        strict=True,
    ):
        pen.text(40, y, a)
        pen.text(300, y, b)
        y += pen.size * 1.35
    y = customer_ids(ctx, 300, y + 4)
    y = items_table(ctx, 40, y + 15)
    conditions(ctx, 40, y + 5)
    legal_footer(ctx, c)


def draw_two_column(ctx: Ctx) -> None:
    """Left column: the buyer's address; right column: the order box with its number."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    pen.text(40, 50, c.name, bold=True, size=pen.size + 5)
    left = [c.street, f"{c.postcode} {c.city}", f"Tél. {c.phone}", c.email]
    if ctx.show_siret:
        left.append(f"SIRET {c.siret}")
    if ctx.show_vat:
        left.append(f"TVA {c.vat}")
    label = rng.choice(ORDER_LABELS_FR)
    right = [
        ("COMMANDE", ""),
        (label, _order(ctx)),
        ("Date", ctx.date),
        ("Votre devis", ctx.quote),
        ("Code client", ctx.customer_code),
    ]
    x_right = rng.choice([320.0, 340.0, 360.0])
    pen.rect(x_right - 8, 62, pen.width - 32 - x_right, pen.size * 1.5 * len(right) + 8)
    y = 78.0
    for i in range(max(len(left), len(right))):
        if i < len(left):
            pen.text(40, y, left[i])
        if i < len(right):
            k, v = right[i]
            pen.text(x_right, y, f"{k} : {v}" if v else k, bold=not v)
        y += pen.size * 1.5
    y += 15
    supplier_block(ctx, 40, y)
    y = items_table(ctx, 40, y + 90)
    conditions(ctx, 40, y + 5)
    legal_footer(ctx, c)


def draw_below_label(ctx: Ctx) -> None:
    """The label, then an explanation, then (one to three lines lower) the number itself."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = letterhead(ctx, c, 40, 60)
    y = customer_ids(ctx, 40, y)
    supplier_block(ctx, 340, 60)
    y = max(y, 160) + 20
    pen.text(
        40,
        y,
        rng.choice(
            ["Numéro de commande", "Référence de notre commande", "N° de commande", "Commande"]
        ),
        bold=True,
    )
    y += pen.size * 1.4
    for _ in range(rng.randint(0, 2)):
        pen.text(
            40,
            y,
            rng.choice(
                [
                    "(à rappeler sur vos factures et bons de livraison)",
                    "à reporter obligatoirement sur la facture",
                    f"du {ctx.date}",
                ]
            ),
            size=pen.size - 1,
        )
        y += pen.size * 1.4
    pen.text(
        40,
        y + rng.choice([0, 6, 12]),
        _order(ctx),
        bold=True,
        size=pen.size + rng.choice([0, 2, 4]),
    )
    pen.text(330, y, f"Code client : {ctx.customer_code}")
    y += 30
    pen.text(40, y, f"Suivant votre offre {ctx.quote}")
    y = items_table(ctx, 40, y + 20)
    conditions(ctx, 40, y + 5)
    legal_footer(ctx, c)
