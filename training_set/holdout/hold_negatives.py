"""Papers that are not the customer's order: our quotes, invoices, credit notes, delivery
notes, statements, and a quote signed 'bon pour accord'.

Label rule: ``order_number`` is empty on all of them, even when an invoice or a delivery
note says 'Votre commande n° …' — that number is quoted back, it is not an order printed as
an order. The customer's VAT/SIRET, printed in the addressee block, are still labelled.
"""

from __future__ import annotations

import datetime as dt

import hold_ids as ids
from hold_blocks import items_table, totals_fr
from hold_content import Ctx, customer_block, date_fr, money_fr
from hold_pdf import Sheet


def _our_letterhead(s: Sheet, ctx: Ctx) -> None:
    me = ctx.supplier
    s.font(14, True)
    s.put(40, 34, me.name)
    s.font(8)
    s.lines(
        40,
        52,
        [me.street, me.city, f"Tél. {me.phone} - Fax {me.fax}", "contact@emd-instruments.fr"],
    )


def _our_footer(s: Sheet, ctx: Ctx) -> None:
    me = ctx.supplier
    s.font(7)
    s.put(
        0,
        s.height - 56,
        f"SAS au capital de 150 000 € - RCS Grenoble {ids.spaced(me.siren, (3, 3, 3))} - SIRET {me.siret} - N° TVA {me.vat}",
        w=s.width,
        align="C",
    )
    s.put(
        0, s.height - 46, f"IBAN {ids.show_iban(me.iban)} - BIC CEPAFRPP382", w=s.width, align="C"
    )


def _frame(ctx: Ctx, title: str, rows: list[tuple[str, str]]) -> tuple[Sheet, float]:
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["helvetica", "dejavu", "liberation", "times"]))
    _our_letterhead(s, ctx)
    s.font(9)
    s.rect(320, 100, 235, 90)
    s.lines(326, 104, customer_block(ctx))
    s.font(16, True)
    s.put(40, 120, title)
    s.font(9)
    y = 146
    for k, v in rows:
        s.put(40, y, f"{k} {v}")
        y += 13
    return s, max(y, 200) + 10


def quote(ctx: Ctx, signed: bool = False) -> tuple[bytes, str]:
    rng = ctx.rng
    number = f"D{ctx.date.year}-{rng.randint(100, 9999):04d}"
    s, y = _frame(
        ctx,
        "DEVIS" if rng.random() < 0.5 else "PROPOSITION COMMERCIALE",
        [
            ("Devis n°", number),
            ("Date :", date_fr(ctx.date)),
            ("Validité :", "30 jours"),
            ("Votre code client :", f"C{rng.randint(10000, 99999)}"),
            ("Affaire suivie par :", "Marc Vial - " + ctx.supplier.phone),
        ],
    )
    y = items_table(s, ctx, 40, y, 515)
    y = totals_fr(s, ctx, 345, y + 8)
    s.rect(40, y + 20, 220, 80)
    s.font(8)
    s.put(44, y + 24, "Bon pour accord, date, signature et cachet :")
    if signed:
        s.font(13, True, family="courier")
        s.put(50, y + 44, "Bon pour accord")
        s.font(9, family="courier")
        s.put(50, y + 62, f"le {date_fr(ctx.date + dt.timedelta(days=rng.randint(2, 20)))}")
        s.p.set_line_width(1.2)
        s.p.bezier([(150, y + 90), (170, y + 50), (190, y + 95), (240, y + 60)])
        s.p.set_line_width(0.5)
    _our_footer(s, ctx)
    return s.output(), ""


def invoice(ctx: Ctx) -> tuple[bytes, str]:
    rng = ctx.rng
    rows = [
        ("Facture n°", f"FA{ctx.date:%y}{rng.randint(1000, 99999):05d}"),
        ("Date :", date_fr(ctx.date)),
    ]
    if rng.random() < 0.6:  # the invoice quotes the customer's order back
        rows.append(
            (
                rng.choice(
                    ["Votre commande n°", "Votre réf. commande :", "Réf. commande client :"]
                ),
                f"CF{ctx.date:%y}{rng.randint(10000, 99999)}",
            )
        )
    rows.append(("Échéance :", date_fr(ctx.date + dt.timedelta(days=45))))
    s, y = _frame(ctx, "FACTURE", rows)
    y = items_table(s, ctx, 40, y, 515)
    totals_fr(s, ctx, 345, y + 8)
    s.font(8)
    s.put(
        40,
        y + 60,
        "Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire de recouvrement : 40 €.",
    )
    _our_footer(s, ctx)
    return s.output(), ""


def credit_note(ctx: Ctx) -> tuple[bytes, str]:
    rng = ctx.rng
    s, y = _frame(
        ctx,
        "AVOIR",
        [
            ("Avoir n°", f"AV{ctx.date:%y}-{rng.randint(10, 9999):04d}"),
            ("Sur facture n°", f"FA{ctx.date:%y}{rng.randint(1000, 99999):05d}"),
            ("Date :", date_fr(ctx.date)),
            ("Motif :", "retour marchandise"),
        ],
    )
    ctx.items = ctx.items[:1]
    y = items_table(s, ctx, 40, y, 515)
    totals_fr(s, ctx, 345, y + 8)
    _our_footer(s, ctx)
    return s.output(), ""


def delivery_note(ctx: Ctx) -> tuple[bytes, str]:
    rng = ctx.rng
    rows = [
        ("Bon de livraison n°", f"BL{ctx.date:%y}-{rng.randint(1000, 999999):06d}"),
        ("Date d'expédition :", date_fr(ctx.date)),
    ]
    if rng.random() < 0.7:
        rows.append(
            (
                "Votre commande :",
                f"{rng.choice(['4500', 'BC'])}{rng.randint(100000, 999999)} du {date_fr(ctx.date)}",
            )
        )
    rows.append(("Transporteur :", f"Geodis - colis {rng.randint(10**11, 10**12 - 1)}"))
    s, y = _frame(ctx, "BON DE LIVRAISON", rows)
    s.grid(
        40,
        y,
        [110, 300, 60],
        [["Référence", "Désignation", "Qté livrée"]]
        + [[i.ref, i.text, str(i.qty)] for i in ctx.items],
    )
    s.put(40, y + 160, "Réserves éventuelles à porter sur le bon du transporteur.")
    _our_footer(s, ctx)
    return s.output(), ""


def statement(ctx: Ctx) -> tuple[bytes, str]:
    rng = ctx.rng
    s, y = _frame(
        ctx,
        "RELEVÉ DE COMPTE",
        [
            ("Arrêté au", date_fr(ctx.date)),
            ("Compte client :", f"411C{rng.randint(1000, 9999)}"),
        ],
    )
    rows = [["Date", "Pièce", "Libellé", "Débit", "Crédit"]]
    balance = 0.0
    for n in range(rng.randint(4, 8)):
        d = ctx.date - dt.timedelta(days=15 * (8 - n))
        amount = rng.randint(80, 5000) + 0.5
        if n % 3 == 2:
            rows.append(
                [
                    date_fr(d),
                    f"RG{rng.randint(1000, 9999)}",
                    "Règlement virement",
                    "",
                    money_fr(amount, ""),
                ]
            )
            balance -= amount
        else:
            rows.append(
                [
                    date_fr(d),
                    f"FA{d:%y}{rng.randint(1000, 99999):05d}",
                    "Facture",
                    money_fr(amount, ""),
                    "",
                ]
            )
            balance += amount
    y = s.grid(40, y, [70, 90, 180, 85, 85], rows, aligns="LLLRR")
    s.put(300, y + 10, f"Solde dû : {money_fr(balance)}")
    _our_footer(s, ctx)
    return s.output(), ""


NEGATIVES = {
    "neg_quote": quote,
    "neg_signed_quote": lambda ctx: quote(ctx, signed=True),
    "neg_invoice": invoice,
    "neg_credit_note": credit_note,
    "neg_delivery_note": delivery_note,
    "neg_statement": statement,
}
