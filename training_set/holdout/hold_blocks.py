"""Blocks several layouts share: the article table, the totals, the customer's legal line."""

from __future__ import annotations

import hold_ids as ids
from hold_content import Ctx, money_en, money_fr
from hold_pdf import Sheet


def items_table(
    sheet: Sheet, ctx: Ctx, x: float, y: float, width: float, english: bool = False
) -> float:
    if english:
        head = ["QTY", "ITEM #", "DESCRIPTION", "UNIT PRICE", "LINE TOTAL"]
    else:
        head = ["Réf.", "Désignation", "Qté", "P.U. HT", "Montant HT"]
    fr = [0.16, 0.46, 0.08, 0.14, 0.16]
    en = [0.08, 0.16, 0.46, 0.14, 0.16]
    widths = [width * f for f in (en if english else fr)]
    rows = [head]
    for it in ctx.items:
        if english:
            rows.append([str(it.qty), it.ref, it.text, money_en(it.unit), money_en(it.total)])
        else:
            rows.append(
                [
                    f"Réf. {it.ref}" if ctx.rng.random() < 0.3 else it.ref,
                    it.text,
                    str(it.qty),
                    money_fr(it.unit, ""),
                    money_fr(it.total, ""),
                ]
            )
    return sheet.grid(x, y, widths, rows, aligns="LLRRR" if not english else "RLLRR")


def totals_fr(sheet: Sheet, ctx: Ctx, x: float, y: float) -> float:
    ht = ctx.total_ht
    tva = round(ht * 0.2, 2)
    rows = [
        ("Total HT", money_fr(ht)),
        ("TVA 20 %", money_fr(tva)),
        ("Total TTC", money_fr(ht + tva)),
    ]
    for label, value in rows:
        sheet.put(x, y, label, w=80)
        sheet.put(x + 80, y, value, w=90, align="R")
        y += 14
    return y


def legal_footer(sheet: Sheet, ctx: Ctx, y: float | None = None) -> None:
    c = ctx.customer
    bits = [f"{c.name}"]
    if ctx.customer.siren:
        bits.append(f"RCS {c.city.split(' ', 1)[1]} {ids.spaced(c.siren, (3, 3, 3))}")
    sheet.font(7)
    sheet.put(
        0, y or sheet.height - 40, " - ".join(bits) + f" - Tél. {c.phone}", w=sheet.width, align="C"
    )
