"""Purchase-order layouts, part one: boxed header, label: value, table header, public
sector (N° EJ + code service), CNRS "L 12345", SAP "4500…".

Each ``draw_*`` prints one whole order on ``ctx.pen``; the order number is printed
exactly as ``ctx.order.printed`` (label plus any suffix), once per page unless the layout
repeats it on purpose.
"""

from __future__ import annotations

from . import numbers
from .blocks import (
    Ctx,
    conditions,
    customer_ids,
    fmt_siret,
    items_table,
    legal_footer,
    letterhead,
    supplier_block,
)

ORDER_LABELS_FR = [
    "N° de commande",
    "Numéro de commande",
    "Commande n°",
    "Réf. commande",
    "N° commande",
    "Bon de commande n°",
    "Notre commande n°",
]


def _order(ctx: Ctx) -> str:
    assert ctx.order is not None
    return ctx.order.printed


def draw_header_box(ctx: Ctx) -> None:
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = letterhead(ctx, c, 40, 60)
    y = customer_ids(ctx, 40, y)
    supplier_block(ctx, 330, 70)
    y = max(y, 170) + 15
    title = rng.choice(
        ["BON DE COMMANDE N° ", "BON DE COMMANDE N°", "COMMANDE N° ", "BON DE COMMANDE - N° "]
    )
    size = rng.choice([13, 14, 15, 16])
    pen.rect(40, y, pen.width - 80, size * 2.2, fill=rng.choice([None, 0.92, 0.85]), lw=1.4)
    pen.text(
        pen.width / 2, y + size * 1.45, title + _order(ctx), bold=True, size=size, align="centre"
    )
    y += size * 2.2 + 22
    for line in (
        f"Date : {ctx.date}",
        f"Votre devis n° {ctx.quote}",
        f"Code client : {ctx.customer_code}",
    ):
        pen.text(40, y, line)
        y += pen.size * 1.4
    y = items_table(ctx, 40, y + 10)
    conditions(ctx, 40, y + 5)
    legal_footer(ctx, c)


def draw_label_value(ctx: Ctx) -> None:
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = letterhead(ctx, c, 40, 60, big=rng.choice([12, 14, 16]))
    supplier_block(ctx, 340, 60)
    y = max(y, 150) + 20
    pen.text(
        40,
        y,
        rng.choice(["BON DE COMMANDE", "COMMANDE", "Bon de commande"]),
        bold=True,
        size=pen.size + 5,
    )
    y += 26
    label = rng.choice(ORDER_LABELS_FR)
    sep = rng.choice([" : ", ": ", " "])
    rows = [
        (label, _order(ctx)),
        ("Date de commande", ctx.date),
        ("Réf. devis", ctx.quote),
        ("Code client", ctx.customer_code),
        ("Demandeur", c.contact),
        ("Téléphone", c.phone),
    ]
    head = rows[:1]
    rest = rows[1:]
    rng.shuffle(rest)
    rows = rest[:2] + head + rest[2:] if rng.random() < 0.4 else head + rest
    tab = rng.choice([None, 150.0])
    for k, v in rows:
        if tab is None:
            pen.text(40, y, f"{k}{sep}{v}")
        else:
            pen.text(40, y, k + sep.rstrip())
            pen.text(40 + tab, y, v)
        y += pen.size * 1.45
    y = customer_ids(ctx, 40, y + 6)
    y = items_table(ctx, 40, y + 14)
    conditions(ctx, 40, y + 5)
    legal_footer(ctx, c)


def draw_table_header(ctx: Ctx) -> None:
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = letterhead(ctx, c, 40, 60)
    supplier_block(ctx, 330, 60)
    y = max(y, 150) + 20
    pen.text(
        40,
        y,
        rng.choice(["BON DE COMMANDE", "COMMANDE FOURNISSEUR", "ORDRE D'ACHAT"]),
        bold=True,
        size=pen.size + 4,
    )
    y += 22
    heads = [
        rng.choice(["N° Commande", "N° de commande", "Commande", "N° BC"]),
        "Date",
        "Code client",
        "Réf. devis",
        "Page",
    ]
    vals = [_order(ctx), ctx.date, ctx.customer_code, ctx.quote, "1/1"]
    order_col = rng.randrange(3)
    heads.insert(order_col, heads.pop(0))
    vals.insert(order_col, vals.pop(0))
    width = pen.width - 80
    colw = width / len(heads)
    pen.rect(40, y - pen.size - 4, width, pen.size + 8, fill=0.9)
    pen.rect(40, y + 4, width, pen.size + 8)
    for i, (h, v) in enumerate(zip(heads, vals, strict=True)):
        pen.text(44 + i * colw, y, h, bold=True)
        pen.text(44 + i * colw, y + pen.size + 8, v)
        if i:
            pen.vline(40 + i * colw, y - pen.size - 4, y + pen.size + 12)
    y += 2 * pen.size + 30
    y = customer_ids(ctx, 40, y)
    y = items_table(ctx, 40, y + 10)
    conditions(ctx, 40, y + 5)
    legal_footer(ctx, c)


def draw_public_ej(ctx: Ctx) -> None:
    """Public buyers: the engagement juridique (EJ) is the number to quote on Chorus Pro."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    pen.text(40, 55, "RÉPUBLIQUE FRANÇAISE", bold=True, size=pen.size + 1)
    y = letterhead(ctx, c, 40, 75, big=12)
    pen.text(330, 75, "BON DE COMMANDE", bold=True, size=pen.size + 6)
    pen.text(330, 95, "(marché public – procédure adaptée)")
    y = max(y, 120) + 15
    code_service = rng.choice(["ACHATS", "SCE-ACHATS-01", "DSI", "DRH-FORM", "BIO-LAB2", "SG0042"])
    rows = [
        (
            rng.choice(
                ["N° EJ", "N° d'engagement juridique", "Engagement juridique n°", "N° EJ Chorus"]
            ),
            _order(ctx),
        ),
        ("Code service", code_service),
        ("SIRET de facturation", fmt_siret(c.siret, rng) if ctx.show_siret else c.siren),
        ("Date d'émission", ctx.date),
        ("Marché n°", f"{rng.randint(2019, 2024)}-{rng.randint(10, 99)}-{rng.randint(100, 999)}"),
        ("Service demandeur", c.contact),
    ]
    for k, v in rows:
        pen.text(40, y, f"{k} :", bold=k.startswith(("N° EJ", "N° d'", "Engagement")))
        pen.text(200, y, v)
        y += pen.size * 1.45
    if ctx.show_vat:
        pen.text(40, y, f"N° TVA : {c.vat}")
        y += pen.size * 1.45
    supplier_block(ctx, 330, 130)
    y = items_table(ctx, 40, y + 15)
    pen.wrap(
        40,
        y + 5,
        "Les factures sont à déposer exclusivement sur Chorus Pro (chorus-pro.gouv.fr) "
        f"en rappelant le numéro d'engagement juridique et le code service {code_service}. "
        "Toute facture ne comportant pas ces références sera rejetée.",
        pen.width - 80,
    )
    legal_footer(ctx, c, with_bank=False)


def draw_cnrs(ctx: Ctx) -> None:
    """CNRS laboratories: "L 12345" and a suffix (the buyer's initials or the unit)."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    pen.text(40, 55, "CNRS", bold=True, size=22)
    pen.text(
        40,
        72,
        rng.choice(
            [
                "Délégation Rhône Auvergne",
                "Délégation Paris-Centre",
                "Délégation Alpes",
                "Délégation Occitanie Ouest",
            ]
        ),
        size=pen.size,
    )
    y = letterhead(ctx, c, 40, 95, big=11)
    y = customer_ids(ctx, 40, y)
    supplier_block(ctx, 340, 95)
    y = max(y, 190) + 15
    style = rng.randrange(3)
    if style == 0:
        pen.text(40, y, f"BON DE COMMANDE {_order(ctx)}", bold=True, size=pen.size + 4)
    elif style == 1:
        pen.text(40, y, "BON DE COMMANDE", bold=True, size=pen.size + 4)
        y += 20
        pen.text(40, y, f"Commande n° : {_order(ctx)}", bold=True)
    else:
        pen.text(40, y, f"N° de commande : {_order(ctx)}", bold=True)
        pen.text(380, y, f"Date : {ctx.date}")
    y += 22
    for line in (
        f"Ligne budgétaire : {rng.choice(['EOTP', 'CR'])} {rng.randint(100000, 999999)}",
        f"Gestionnaire : {c.contact}",
        f"Réf. devis : {ctx.quote}",
    ):
        pen.text(40, y, line)
        y += pen.size * 1.4
    y = items_table(ctx, 40, y + 10)
    conditions(ctx, 40, y + 5)
    pen.text(
        40,
        pen.height - 80,
        "Facturation : CNRS – Service facturier, BP 10, 69351 Lyon Cedex 07",
        size=pen.size - 1,
    )
    legal_footer(ctx, c)


def draw_sap(ctx: Ctx) -> None:
    """SAP output: bilingual title, number block at the top right, items numbered 00010…"""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = letterhead(ctx, c, 40, 55, big=12)
    title = rng.choice(
        ["Purchase order / Bon de commande", "Bon de commande / Purchase order", "Bon de commande"]
    )
    pen.text(pen.width - 40, 55, title, bold=True, size=pen.size + 4, align="right")
    rows = [
        ("Number / Numéro" if "/" in title else "Numéro", _order(ctx)),
        ("Date", ctx.date.replace("/", ".")),
        ("Vendor / Fournisseur", f"{rng.randint(100000, 199999)}"),
        ("Buyer / Acheteur", c.contact),
        ("Page", "1 / 1"),
    ]
    yy = 80.0
    for k, v in rows:
        pen.text(330, yy, k, size=pen.size - 0.5)
        pen.text(440, yy, v, bold=k.startswith(("Number", "Numéro")))
        yy += pen.size * 1.4
    y = max(y, yy) + 12
    y = supplier_block(ctx, 40, y) + 8
    y = customer_ids(ctx, 40, y)
    pen.hline(40, pen.width - 40, y + 4)
    y += 20
    en = ctx.english
    ctx.items = [
        (f"{(i + 1) * 10:05d}", f"{code} {name}", q, p)
        for i, (code, name, q, p) in enumerate(ctx.items)
    ]
    y = items_table(ctx, 40, y)
    ctx.english = en
    pen.text(40, y + 5, f"Delivery date / Date de livraison : {numbers.date(rng, '.')}")
    pen.text(
        40,
        y + 5 + pen.size * 1.4,
        "Please quote our PO number on all invoices / Rappeler notre n° de commande sur toute facture",
    )
    legal_footer(ctx, c)
