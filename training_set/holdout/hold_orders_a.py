"""Purchase-order layouts, part one: ERP grid, hospital, university, construction, English PO,
spreadsheet export, number-in-footer.

Each layout is a function ``(ctx) -> (pdf_bytes, order_number_label)``. The printed number
may carry a suffix (version, initials, UMR); the returned label never does.
"""

from __future__ import annotations

import hold_ids as ids
from hold_blocks import items_table, legal_footer, totals_fr
from hold_content import (
    Ctx,
    customer_block,
    date_fr,
    money_en,
    money_fr,
    supplier_block,
)
from hold_pdf import Sheet


# 1 ---------------------------------------------------------------------------------------
def erp_grid(ctx: Ctx) -> tuple[bytes, str]:
    """ERP 'Commande fournisseur': number in a boxed grid top right, version suffix sometimes."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["liberation", "helvetica", "dejavucond"]))
    number = f"CF{ctx.date:%y}{rng.randint(10000, 99999)}"
    printed = number + (f"-{rng.randint(1, 4):02d}" if rng.random() < 0.4 else "")
    s.rect(40, 36, 60, 40, grey=200)
    s.font(14, True)
    s.put(44, 48, ctx.customer.name.split()[0][:6].upper())
    s.font(9)
    s.lines(40, 84, customer_block(ctx, with_ids=False))
    s.font(15, True)
    s.put(300, 36, "COMMANDE FOURNISSEUR")
    s.font(9)
    s.grid(
        300,
        60,
        [110, 80, 60],
        [["Commande N°", "Date", "Page"], [printed, date_fr(ctx.date), "1/1"]],
        row_h=18,
    )
    s.rect(300, 110, 250, 80)
    s.lines(306, 114, supplier_block(ctx, "Adresse fournisseur"))
    s.font(9, True)
    s.put(40, 200, "Adresse de livraison")
    s.font(9)
    s.lines(40, 213, [ctx.customer.name, "Quai 3 - Réception marchandises", ctx.customer.city])
    s.put(300, 213, f"Acheteur : {ctx.contact}")
    s.put(300, 226, f"Conditions : 45 jours fin de mois   Délai : {rng.randint(2, 6)} sem.")
    y = items_table(s, ctx, 40, 270, 515)
    y = totals_fr(s, ctx, 345, y + 10)
    s.font(8)
    s.put(40, y + 20, "Merci de rappeler le numéro de commande sur vos BL et factures.")
    ident = []
    if ctx.siret_shown:
        ident.append(f"SIRET {ctx.siret_shown}")
    if ctx.vat_shown:
        ident.append(f"TVA {ctx.vat_shown}")
    s.put(0, s.height - 52, "  |  ".join(ident), w=s.width, align="C")
    legal_footer(s, ctx)
    return s.output(), number


# 2 ---------------------------------------------------------------------------------------
def hospital_ej(ctx: Ctx) -> tuple[bytes, str]:
    """Public hospital 'Bon de commande': the engagement juridique number is the order number
    (Chorus Pro requires it on the invoice); service facturier, code service, marché are not."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["times", "dejavuserif", "libserif"]))
    ej = rng.choice(
        [
            f"{rng.choice(['1300', '2100', '1000'])}{rng.randint(100000, 999999)}",
            f"EJ{ctx.date:%y}-{rng.randint(1000, 99999):05d}",
        ]
    )
    s.font(12, True)
    s.put(0, 34, ctx.customer.name, w=s.width, align="C")
    s.font(9)
    s.put(
        0,
        50,
        f"Direction des achats et de la logistique - {ctx.customer.street} - {ctx.customer.city}",
        w=s.width,
        align="C",
    )
    s.font(18, True)
    s.put(0, 76, "BON DE COMMANDE", w=s.width, align="C")
    s.font(9)
    label = rng.choice(["N° d'engagement :", "Engagement juridique n°", "N° EJ :"])
    s.rect(40, 110, 250, 110)
    rows = [
        f"{label} {ej}",
        f"Date : {date_fr(ctx.date)}    Exercice : {ctx.date.year}",
        f"Service demandeur : {rng.choice(['Pharmacie', 'Biochimie', 'Services techniques', 'Blanchisserie'])}",
        f"Service facturier : SFACT {rng.randint(1, 9)}",
        f"Code service (Chorus Pro) : {rng.choice(['PHARMA', 'ACHATS', 'DSTL'])}{rng.randint(10, 99)}",
        f"Marché n° {ctx.date.year - 1}-AO-{rng.randint(100, 999):04d}  lot {rng.randint(1, 9)}",
        f"Imputation : {rng.randint(6000, 6299)}-{rng.randint(10, 99)}",
    ]
    s.lines(46, 116, rows, leading=14)
    s.rect(305, 110, 250, 110)
    s.lines(311, 116, supplier_block(ctx, "Titulaire / Fournisseur"), leading=14)
    y = items_table(s, ctx, 40, 240, 515)
    y = totals_fr(s, ctx, 345, y + 8)
    s.font(8)
    facts = [
        "Factures à déposer sur Chorus Pro en rappelant le n° d'engagement et le code service."
    ]
    if ctx.siret_shown:
        facts.append(f"SIRET de l'établissement : {ctx.siret_shown}")
    if ctx.vat_shown:
        facts.append(f"N° TVA : {ctx.vat_shown}")
    facts.append(f"Comptable assignataire : Trésorerie hospitalière - Tél. {ctx.customer.phone}")
    s.lines(40, y + 20, facts, leading=11)
    s.put(380, y + 80, "L'ordonnateur,")
    return s.output(), ej


# 3 ---------------------------------------------------------------------------------------
def university_cnrs(ctx: Ctx) -> tuple[bytes, str]:
    """University / CNRS order: 'L 24817' with initials or UMR as a suffix the clerk drops."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["dejavu", "helvetica", "liberation"]))
    number = f"L {rng.randint(10000, 99999)}"
    umr = rng.randint(5000, 9999)
    printed = number + rng.choice([f"/{rng.choice(['ABC', 'JD', 'MLR', 'SG'])}", f" UMR {umr}", ""])
    s.font(11, True)
    s.lines(40, 40, [ctx.customer.name, f"UMR {umr}"])
    s.font(9)
    s.lines(
        40,
        68,
        [
            ctx.customer.street,
            ctx.customer.city,
            f"Gestionnaire : {ctx.contact}",
            f"Tél. {ctx.customer.phone}",
        ],
    )
    s.font(16, True)
    s.put(330, 40, "BON DE COMMANDE")
    s.font(9)
    key = rng.choice(["Référence commande :", "N° de commande :", "Commande n°"])
    rows = [
        [key, printed],
        ["Date :", date_fr(ctx.date)],
        ["Ligne de crédit :", f"{rng.randint(1000, 9999)}-ANR"],
        ["Délégation :", "Alpes (DR11)"],
    ]
    s.grid(330, 64, [100, 125], rows, header_grey=None, border=False)
    s.rect(330, 140, 225, 72)
    s.lines(336, 144, supplier_block(ctx))
    y = items_table(s, ctx, 40, 240, 515)
    y = totals_fr(s, ctx, 345, y + 8)
    s.font(8)
    info = ["Adresse de facturation : Service financier et comptable, " + ctx.customer.city]
    if ctx.siret_shown:
        info.append(f"SIRET : {ctx.siret_shown}")
    if ctx.vat_shown:
        info.append(f"TVA intracommunautaire : {ctx.vat_shown}")
    info.append("La référence de la commande doit figurer sur la facture.")
    s.lines(40, y + 20, info, leading=11)
    return s.output(), number


# 4 ---------------------------------------------------------------------------------------
def btp_ordre_achat(ctx: Ctx) -> tuple[bytes, str]:
    """Construction 'ORDRE D'ACHAT': N/Réf. is the customer's number, V/Réf. is our quote."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["helvetica", "libnarrow", "dejavu"]))
    number = rng.choice(
        [
            f"OA{ctx.date:%y}-{rng.randint(100, 9999):05d}",
            f"{rng.randint(24000, 24999)}/{rng.randint(1, 999):03d}",
            f"CDA{rng.randint(100000, 999999)}",
        ]
    )
    s.font(13, True)
    s.put(40, 36, ctx.customer.name)
    s.font(8)
    s.lines(40, 54, customer_block(ctx))
    s.font(20, True)
    s.put(0, 140, "ORDRE D'ACHAT", w=s.width, align="C")
    s.font(9)
    ours, theirs = rng.choice([("N/Réf. :", "V/Réf. :"), ("Notre réf. :", "Votre réf. :")])
    quote = f"D{ctx.date:%y}-{rng.randint(100, 9999):04d}"
    rows = [
        (ours, number),
        (theirs, f"Devis n° {quote} du {date_fr(ctx.date)}"),
        ("Chantier :", f"Résidence Les Érables - Lot {rng.randint(1, 15):02d}"),
        ("Affaire :", f"{ctx.date:%y}-{rng.randint(100, 999)}"),
        ("Conducteur de travaux :", ctx.contact),
    ]
    y = 175
    for k, v in rows:
        s.font(9, True)
        s.put(40, y, k)
        s.font(9)
        s.put(150, y, v)
        y += 14
    s.lines(340, 175, supplier_block(ctx, "Destinataire"))
    y = items_table(s, ctx, 40, 260, 515)
    y = totals_fr(s, ctx, 345, y + 8)
    s.font(8)
    s.lines(
        40,
        y + 20,
        [
            "Livraison sur chantier, prévenir 48 h avant au " + ids.phone(rng),
            "Retenue de garantie 5 % - Paiement à 60 jours.",
        ],
        leading=11,
    )
    return s.output(), number


# 5 ---------------------------------------------------------------------------------------
def english_po(ctx: Ctx) -> tuple[bytes, str]:
    """An English 'PURCHASE ORDER' on Letter paper with 'P.O. #'."""
    rng = ctx.rng
    s = Sheet("Letter", rng.choice(["helvetica", "times", "liberation"]))
    number = rng.choice(
        [
            f"PO-{ctx.date.year}-{rng.randint(100, 99999):05d}",
            f"{rng.randint(10000, 99999)}",
            f"PO{rng.randint(100000, 999999)}",
        ]
    )
    s.font(12, True)
    s.put(36, 36, ctx.customer.name)
    s.font(9)
    s.lines(36, 52, [ctx.customer.street, ctx.customer.city, f"Phone {ctx.customer.phone}"])
    s.font(22, True)
    s.put(380, 34, "PURCHASE ORDER")
    s.font(9)
    key = rng.choice(["P.O. #", "P.O. Number", "PO No."])
    s.grid(
        390,
        64,
        [90, 100],
        [
            ["DATE", ctx.date.strftime("%m/%d/%Y")],
            [key, number],
            ["VENDOR ID", f"V-{rng.randint(1000, 9999)}"],
        ],
        header_grey=None,
    )
    s.font(9, True)
    s.rect(36, 130, 260, 14, grey=60)
    s.rect(316, 130, 260, 14, grey=60)
    s.put(40, 130, "VENDOR")
    s.put(320, 130, "SHIP TO")
    s.font(9)
    s.lines(
        40,
        148,
        [
            ctx.supplier.name,
            ctx.supplier.street,
            ctx.supplier.city,
            "FRANCE",
            f"Tel {ctx.supplier.phone}",
        ],
    )
    s.lines(
        320, 148, [ctx.customer.name, "Receiving Dock B", ctx.customer.street, ctx.customer.city]
    )
    s.grid(
        36,
        225,
        [135, 135, 135, 135],
        [
            ["REQUISITIONER", "SHIP VIA", "F.O.B.", "TERMS"],
            [ctx.contact, "DHL Express", "Destination", "Net 30"],
        ],
    )
    y = items_table(s, ctx, 36, 275, 540, english=True)
    sub = ctx.total_ht
    for k, v in [
        ("SUBTOTAL", money_en(sub)),
        ("SHIPPING", money_en(45)),
        ("TOTAL (EUR)", money_en(sub + 45)),
    ]:
        s.put(400, y + 6, k, w=80)
        s.put(480, y + 6, v, w=96, align="R")
        y += 14
    s.font(8)
    notes = [
        "1. Please send two copies of your invoice.",
        "2. Enter this order in accordance with the prices, terms and specifications listed above.",
    ]
    if ctx.vat_shown:
        notes.append(f"Our VAT number: {ctx.vat_shown}")
    s.lines(36, y + 20, notes, leading=11)
    return s.output(), number


# 6 ---------------------------------------------------------------------------------------
def excel_grid(ctx: Ctx) -> tuple[bytes, str]:
    """A spreadsheet printed to PDF: thin grid everywhere, header row then value row."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["libnarrow", "liberation", "dejavucond"]))
    number = rng.choice(
        [
            f"CDE {rng.randint(1000, 999999):06d}",
            f"BDC{ctx.date:%y}{rng.randint(1000, 9999)}",
            f"CO-{rng.randint(10000, 99999)}",
        ]
    )
    s.p.set_draw_color(190)
    x0, cw, rh = 30, 67, 15
    for r in range(48):
        for c in range(8):
            s.p.rect(x0 + c * cw, 30 + r * rh, cw, rh)
    s.p.set_draw_color(0)
    s.font(14, True)
    s.put(x0, 32, "BON DE COMMANDE", h=rh)
    s.font(8)
    for i, row in enumerate(customer_block(ctx)):
        s.put(x0, 30 + (2 + i) * rh, row, h=rh)
    for i, row in enumerate(supplier_block(ctx)):
        s.put(x0 + 4 * cw, 30 + (2 + i) * rh, row, h=rh)
    head = ["N° commande", "Date", "Demandeur", "Code client"]
    vals = [number, date_fr(ctx.date), ctx.contact.split()[-1], f"C{rng.randint(10000, 99999)}"]
    y = 30 + 10 * rh
    for i, (h, v) in enumerate(zip(head, vals, strict=True)):
        s.font(8, True)
        s.put(x0 + i * 2 * cw, y, h, h=rh)
        s.font(8)
        s.put(x0 + i * 2 * cw, y + rh, v, h=rh)
    y = 30 + 13 * rh
    widths = [cw, cw * 4, cw, cw, cw]
    s.font(8, True)
    for i, h in enumerate(["Article", "Désignation", "Quantité", "PU HT", "Total HT"]):
        s.put(x0 + sum(widths[:i]), y, h, h=rh)
    s.font(8)
    for it in ctx.items:
        y += rh
        for i, v in enumerate(
            [it.ref, it.text, str(it.qty), money_fr(it.unit, ""), money_fr(it.total, "")]
        ):
            s.put(x0 + sum(widths[:i]), y, v, h=rh)
    y += 2 * rh
    s.put(x0 + 6 * cw, y, "Total HT", h=rh)
    s.put(x0 + 7 * cw, y, money_fr(ctx.total_ht, ""), h=rh)
    s.put(x0, y + 2 * rh, f"Contact : {ctx.customer.email}  {ctx.customer.phone}", h=rh)
    return s.output(), number


# 7 ---------------------------------------------------------------------------------------
def footer_number(ctx: Ctx) -> tuple[bytes, str]:
    """The number only appears in the page footer of an ERP print-out."""
    rng = ctx.rng
    s = Sheet(rng.choice(["A4", "Letter"]), rng.choice(["courier", "helvetica", "dejavu"]))
    number = rng.choice(
        [
            f"ZINV{rng.randint(1000000, 9999999)}",
            f"4000{rng.randint(100000, 999999)}",
            f"CO{rng.randint(1000000, 9999999)}",
        ]
    )
    s.font(10, True)
    s.put(40, 40, ctx.customer.name)
    s.font(8)
    s.lines(40, 56, customer_block(ctx))
    s.font(16, True)
    s.put(360, 40, "Commande")
    s.font(8)
    s.lines(
        360,
        62,
        [
            f"Date : {date_fr(ctx.date)}",
            f"Votre code client : {rng.randint(100000, 999999)}",
            f"Acheteur : {ctx.contact}",
        ],
    )
    s.lines(360, 110, supplier_block(ctx, "À l'attention de"))
    y = items_table(s, ctx, 40, 210, s.width - 80)
    totals_fr(s, ctx, s.width - 210, y + 8)
    s.hline(40, s.height - 50, s.width - 40)
    s.font(7)
    s.put(40, s.height - 46, f"Commande {number}  -  édité le {date_fr(ctx.date)}  -  Page 1 / 1")
    return s.output(), number


LAYOUTS_A = {
    "erp_grid": erp_grid,
    "hospital_ej": hospital_ej,
    "university_cnrs": university_cnrs,
    "btp_ordre_achat": btp_ordre_achat,
    "english_po": english_po,
    "excel_grid": excel_grid,
    "footer_number": footer_number,
}
