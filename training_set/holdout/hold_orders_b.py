"""Purchase-order layouts, part two: letter, SAP header, two pages, small shop, retail chain,
Belgian bilingual, landscape requisition. Same contract as part one."""

from __future__ import annotations

from hold_blocks import items_table, legal_footer, totals_fr
from hold_content import (
    Ctx,
    customer_block,
    date_fr,
    date_long_fr,
    make_items,
    money_fr,
    supplier_block,
)
from hold_pdf import Sheet


# 8 ---------------------------------------------------------------------------------------
def letter_style(ctx: Ctx) -> tuple[bytes, str]:
    """A letter: 'Nous vous passons commande de…' with 'Notre référence : ABC/2024/0117'."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["times", "dejavuserif", "libserif"]))
    initials = rng.choice(["ABC", "SG", "DIR", "ST", "LOG"])
    number = rng.choice(
        [
            f"{initials}/{ctx.date.year}/{rng.randint(1, 999):04d}",
            f"{initials}-{ctx.date:%y}{rng.randint(1000, 9999)}",
        ]
    )
    s.font(13, True)
    s.put(56, 50, ctx.customer.name)
    s.font(9)
    s.lines(56, 68, customer_block(ctx))
    s.font(10)
    s.lines(
        320, 150, [ctx.supplier.name, "Service commercial", ctx.supplier.street, ctx.supplier.city]
    )
    city = ctx.customer.city.split(" ", 1)[1]
    s.put(320, 230, f"{city}, le {date_long_fr(ctx.date)}")
    s.put(56, 270, "Objet : commande de matériel de mesure")
    y = 300
    s.put(56, y, "Madame, Monsieur,")
    first = rng.choice(
        [
            f"Nous vous passons commande des articles ci-dessous, conformément à votre offre du {date_fr(ctx.date)}.",
            "Suite à notre entretien téléphonique, nous vous passons commande de :",
        ]
    )
    s.put(56, y + 24, first)
    y += 48
    for it in ctx.items:
        s.put(76, y, f"- {it.qty} x {it.text} (réf. {it.ref}) à {money_fr(it.unit)} HT")
        y += 14
    s.put(56, y + 10, f"soit un montant total de {money_fr(ctx.total_ht)} HT.")
    s.font(10, True)
    s.put(56, y + 34, f"Notre référence : {number}")
    s.font(10)
    s.lines(
        56,
        y + 58,
        [
            "Merci de rappeler cette référence sur le bon de livraison et sur la facture.",
            f"Livraison souhaitée sous {rng.randint(2, 5)} semaines à l'adresse ci-dessus.",
            "Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.",
        ],
        leading=14,
    )
    s.put(360, y + 120, ctx.contact)
    s.put(360, y + 134, "Responsable des achats")
    return s.output(), number


# 9 ---------------------------------------------------------------------------------------
def sap_header(ctx: Ctx) -> tuple[bytes, str]:
    """SAP print form: 'Numéro de commande/Date' over '4500012345 / 12.03.2024'."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["helvetica", "liberation"]))
    number = f"{rng.choice(['4500', '4700', '4100'])}{rng.randint(100000, 999999)}"
    s.font(7)
    s.put(56, 40, f"{ctx.customer.name} - {ctx.customer.street} - {ctx.customer.city}")
    s.font(10)
    s.lines(56, 60, [ctx.supplier.name, ctx.supplier.street, ctx.supplier.city])
    s.font(14, True)
    s.put(330, 40, "Commande d'achat")
    s.font(8)
    rows = [
        ("Numéro de commande/Date", f"{number} / {ctx.date:%d.%m.%Y}"),
        ("Notre numéro de fournisseur", f"{rng.randint(100000, 199999)}"),
        ("Interlocuteur/Téléphone", f"{ctx.contact} / {ctx.customer.phone}"),
        ("Votre offre", f"OF{rng.randint(10000, 99999)} du {date_fr(ctx.date)}"),
        ("Devise", "EUR"),
    ]
    y = 62
    for k, v in rows:
        s.font(7)
        s.put(330, y, k)
        s.font(9)
        s.put(330, y + 9, v)
        y += 24
    s.font(8)
    s.put(56, 200, "Veuillez livrer à l'adresse suivante :")
    s.lines(56, 212, [ctx.customer.name, "Magasin central - Porte 4", ctx.customer.city])
    s.font(8, True)
    y = 270
    cols = [
        (56, "Pos."),
        (90, "Article / Désignation"),
        (380, "Quantité"),
        (440, "Prix net"),
        (500, "Valeur"),
    ]
    for x, h in cols:
        s.put(x, y, h)
    s.hline(56, y + 13, 555)
    s.font(8)
    y += 18
    for n, it in enumerate(ctx.items, 1):
        s.put(56, y, f"{n * 10:05d}")
        s.put(90, y, f"{it.ref}  {it.text}")
        s.put(380, y, f"{it.qty} PCE")
        s.put(440, y, money_fr(it.unit, ""))
        s.put(500, y, money_fr(it.total, ""))
        s.put(90, y + 11, f"Date de livraison : {date_fr(ctx.date)}")
        y += 28
    s.hline(56, y, 555)
    s.put(380, y + 6, "Valeur totale nette hors TVA")
    s.put(500, y + 6, money_fr(ctx.total_ht, " EUR"))
    s.font(7)
    foot = [f"Siège social : {ctx.customer.street} {ctx.customer.city}"]
    if ctx.siret_shown:
        foot.append(f"Siret {ctx.siret_shown}")
    if ctx.vat_shown:
        foot.append(f"N° TVA {ctx.vat_shown}")
    s.put(0, s.height - 40, " - ".join(foot), w=s.width, align="C")
    return s.output(), number


# 10 --------------------------------------------------------------------------------------
def two_page(ctx: Ctx) -> tuple[bytes, str]:
    """Two pages, the number repeated in each page's header."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["dejavu", "helvetica", "libnarrow"]))
    number = rng.choice(
        [
            f"BC/{ctx.date:%y}/{rng.randint(1000, 9999)}",
            f"BC{ctx.date:%y}-{rng.randint(1000, 99999)}",
        ]
    )
    ctx.items = make_items(rng, 14) + make_items(rng, 12)
    pages = [ctx.items[:14], ctx.items[14:]]
    for p, chunk in enumerate(pages, 1):
        if p > 1:
            s.new_page()
        s.font(12, True)
        s.put(40, 36, f"Bon de commande n° {number}")
        s.font(8)
        s.put(420, 38, f"Page {p}/{len(pages)}   {date_fr(ctx.date)}")
        s.hline(40, 54, 555)
        y = 64
        if p == 1:
            s.lines(40, 64, customer_block(ctx))
            s.lines(330, 64, supplier_block(ctx))
            y = 160
        else:
            s.put(40, 64, "Suite de la commande")
            y = 84
        sub = Ctx(ctx.rng, ctx.customer, ctx.kind, ctx.date, chunk)
        y = items_table(s, sub, 40, y, 515)
        if p == len(pages):
            totals_fr(s, ctx, 345, y + 8)
        legal_footer(s, ctx)
    return s.output(), number


# 11 --------------------------------------------------------------------------------------
def small_shop(ctx: Ctx) -> tuple[bytes, str]:
    """A small company's typewriter-like order, few words, the number right after 'N°'."""
    rng = ctx.rng
    s = Sheet("A4", "courier")
    number = rng.choice(
        [
            f"{ctx.date.year}-{rng.randint(10, 999)}",
            f"{rng.randint(1000, 9999)}/{ctx.date:%y}",
            f"0{rng.randint(100, 999)}",
        ]
    )
    glue = rng.choice(["N°", "N° ", "No "])
    s.font(10, True)
    s.lines(50, 50, customer_block(ctx))
    s.font(12, True)
    s.put(50, 150, f"COMMANDE {glue}{number}")
    s.font(10)
    s.put(50, 170, f"du {date_fr(ctx.date)}")
    s.put(300, 200, f"A : {ctx.supplier.name}")
    y = 240
    for it in ctx.items:
        s.put(50, y, f"{it.qty:>4}  {it.ref:<14} {it.text[:38]}")
        y += 14
    s.put(50, y + 20, f"Total HT environ {money_fr(ctx.total_ht, ' EUR')}")
    s.put(50, y + 48, "A livrer au plus vite. Paiement par virement a reception de facture.")
    s.put(50, y + 62, f"Merci - {ctx.contact} - {ctx.customer.phone}")
    return s.output(), number


# 12 --------------------------------------------------------------------------------------
def _ean13(rng_digits: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(rng_digits))
    return rng_digits + str((10 - total % 10) % 10)


def retail_chain(ctx: Ctx) -> tuple[bytes, str]:
    """A store order from a retail chain: EAN-13 codes and a store number around the number."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["dejavucond", "liberation", "helvetica"]))
    number = rng.choice(
        [f"{ctx.date:%y}R{rng.randint(1000000, 9999999)}", f"CDE{rng.randint(10000000, 99999999)}"]
    )
    s.rect(0, 0, s.width, 70, grey=40)
    s.p.set_text_color(255)
    s.font(18, True)
    s.put(30, 20, ctx.customer.name.split(" Magasin")[0].upper())
    s.p.set_text_color(0)
    s.font(9)
    s.lines(30, 84, customer_block(ctx))
    s.font(11, True)
    s.put(330, 84, "BON DE COMMANDE MAGASIN")
    s.font(9)
    s.lines(
        330,
        102,
        [
            f"N° de commande : {number}",
            f"Magasin n° {rng.randint(1, 999):04d}",
            f"Date de commande : {date_fr(ctx.date)}",
            f"Livraison prévue : semaine {rng.randint(2, 50)}",
        ],
    )
    s.lines(330, 160, supplier_block(ctx))
    rows = [["EAN", "Code article", "Libellé", "Colis", "PCB", "PA HT"]]
    for it in ctx.items:
        ean = _ean13("3" + "".join(str(rng.randint(0, 9)) for _ in range(11)))
        rows.append(
            [
                ean,
                it.ref,
                it.text[:30],
                str(it.qty),
                str(rng.choice([1, 6, 12])),
                money_fr(it.unit, ""),
            ]
        )
    y = s.grid(30, 250, [85, 75, 200, 50, 40, 85], rows)
    s.put(380, y + 8, f"Total HT : {money_fr(ctx.total_ht)}")
    s.font(7)
    s.put(
        30, y + 40, "Toute livraison sans n° de commande sera refusée. RDV livraison obligatoire."
    )
    return s.output(), number


# 13 --------------------------------------------------------------------------------------
def belgian_bilingual(ctx: Ctx) -> tuple[bytes, str]:
    """Belgian 'Bestelbon / Bon de commande' with a BE VAT number."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["dejavu", "helvetica"]))
    number = rng.choice(
        [f"{ctx.date:%y}/BC/{rng.randint(100, 99999):05d}", f"B{rng.randint(2400000, 2499999)}"]
    )
    s.font(14, True)
    s.put(40, 40, ctx.customer.name)
    s.font(9)
    rows = [ctx.customer.street, ctx.customer.city, f"Tel. {ctx.customer.phone}"]
    if ctx.vat_shown:
        rows.append(f"BTW/TVA {ctx.vat_shown}")
    s.lines(40, 60, rows)
    s.font(16, True)
    s.put(300, 40, "Bestelbon / Bon de commande")
    s.font(9)
    s.grid(
        300,
        66,
        [120, 135],
        [
            ["Nr. / N°", number],
            ["Datum / Date", date_fr(ctx.date)],
            ["Klant / Client", f"{rng.randint(10000, 99999)}"],
        ],
        header_grey=None,
    )
    s.lines(300, 130, supplier_block(ctx, "Leverancier / Fournisseur"))
    y = items_table(s, ctx, 40, 230, 515)
    totals_fr(s, ctx, 345, y + 8)
    s.font(7)
    s.put(
        0,
        s.height - 40,
        f"IBAN BE{rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} - BIC GEBABEBB",
        w=s.width,
        align="C",
    )
    return s.output(), number


# 14 --------------------------------------------------------------------------------------
def landscape_requisition(ctx: Ctx) -> tuple[bytes, str]:
    """Landscape 'Commande' from a purchase requisition: underlined labels, values below."""
    rng = ctx.rng
    s = Sheet("A4", rng.choice(["liberation", "dejavu", "times"]), landscape=True)
    number = rng.choice(
        [
            f"CA-{ctx.date:%y}-{rng.randint(1000, 99999)}",
            f"CMD{rng.randint(10000, 99999)}",
            f"P.O. {rng.randint(100000, 999999)}",
        ]
    )
    s.font(16, True)
    s.put(40, 30, f"{ctx.customer.name}  -  COMMANDE")
    s.font(8)
    s.lines(40, 54, customer_block(ctx))
    s.lines(560, 54, supplier_block(ctx))
    heads = ["Numéro de commande", "Date", "Demande d'achat", "Votre devis", "Délai"]
    vals = [
        number,
        date_fr(ctx.date),
        f"DA{rng.randint(10000, 99999)}",
        f"DEV{rng.randint(1000, 9999)}",
        f"{rng.randint(1, 8)} semaines",
    ]
    for i, (h, v) in enumerate(zip(heads, vals, strict=True)):
        x = 40 + i * 150
        s.font(8, True)
        s.put(x, 150, h)
        s.hline(x + 2, 162, x + 130, 0.8)
        s.font(10)
        s.put(x, 166, v)
    y = items_table(s, ctx, 40, 210, 760)
    totals_fr(s, ctx, 590, y + 8)
    return s.output(), number


LAYOUTS_B = {
    "letter_style": letter_style,
    "sap_header": sap_header,
    "two_page": two_page,
    "small_shop": small_shop,
    "retail_chain": retail_chain,
    "belgian_bilingual": belgian_bilingual,
    "landscape_requisition": landscape_requisition,
}
