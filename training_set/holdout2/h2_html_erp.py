"""HTML families printed from software: web ERP (Odoo-like), Dolibarr-like, e-procurement
portal, a reference-dense industrial order, an AS/400 spool listing."""

from __future__ import annotations

import random

from h2_data import (
    OWN,
    a_date,
    d_fr,
    esc,
    later,
    make_fr_party,
    money,
    money_en,
    own_siret_txt,
    own_vat_txt,
    person,
    pick_lines,
    totals,
    vendor_code,
)
from h2_doc import Doc, dated, html_page, ids_html, lines_html, table

COMPANIES_INDUS = [
    "MÉCANIQUE DE PRÉCISION DU VEXIN",
    "CARTONNAGES DE L'EURE SAS",
    "AGROVAL CONDITIONNEMENT",
    "THERMOPLAST INDUSTRIE",
    "SOCIÉTÉ NORMANDE D'USINAGE",
    "ATLANTIQUE CHAUDRONNERIE",
    "LES MENUISERIES DU BOCAGE",
    "PROMÉTAL SERVICES",
    "BIOVAL EMBALLAGES",
    "CÉRAMIQUES TECHNIQUES DE L'OUEST",
    "FONDERIE ROLLAND & FILS",
    "HYDROSUD MAINTENANCE",
    "LOGISTIQUE SEINE AVAL",
    "IMPRIMERIE DES TROIS VALLÉES",
    "ÉLECTROBOBINAGE DU CENTRE",
    "VERRERIE DE LA BRESLE",
    "SAVONNERIE DU MIDI SAS",
    "AÉRO COMPOSITES NORMANDIE",
    "PLASTIQUES MOULÉS DE SOLOGNE",
    "CONFISERIE ARTISANALE MARTEL",
]


def _lines_rows_fr(lines, with_ref: bool = True):
    rows = []
    for ref, des, unit, qty, price in lines:
        cells = [esc(ref)] if with_ref else []
        cells += [esc(des), str(qty), unit, money(price), money(qty * price)]
        rows.append(cells)
    return rows


# --------------------------------------------------------------------------- webapp_odoo


def webapp_odoo(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(rng, rng.choice(COMPANIES_INDUS), p_typo=0.1)
    n = rng.randint(40, 2600)
    number = [
        f"P{n:05d}",
        f"PO{n:05d}",
        f"ACH/{t[0]}/{n:05d}",
        f"BCF{t[0] % 100}-{n:05d}",
        f"P{n:05d}",
        f"OA{t[0] % 100}/{n:04d}",
        f"PO{n:05d}",
    ][i % 7]
    quote = f"DV{t[0] % 100}{t[1]:02d}-{rng.randint(10, 480):03d}"
    lines = pick_lines(rng, rng.randint(2, 6))
    ht, tva, ttc = totals(lines)
    font = rng.choice(["'DejaVu Sans'", "'Liberation Sans'", "'Nimbus Sans'"])
    accent = rng.choice(["#875A7B", "#1f4e79", "#2e7d32", "#444"])
    title = rng.choice(
        [
            f"Bon de commande n° {number}",
            f"Commande fournisseur #{number}",
            f"Bon de commande #{number}",
            f"Purchase Order #{number}",
        ]
    )
    english = title.startswith("Purchase")
    buyer = " ".join(person(rng))
    css = f"""
body {{ font-family: {font}; font-size: 9.5pt; color: #222; }}
.top {{ display: flex; justify-content: space-between; border-bottom: 2px solid {accent}; padding-bottom: 6px; }}
.logo {{ font-size: 17pt; font-weight: bold; color: {accent}; letter-spacing: 1px; }}
.small {{ font-size: 8pt; color: #555; }}
.addr {{ display: flex; justify-content: space-between; margin-top: 16px; }}
.addr div {{ width: 46%; }}
h2 {{ font-size: 16pt; font-weight: normal; margin: 22px 0 10px 0; }}
.info {{ display: flex; gap: 36px; margin-bottom: 14px; }}
.info b {{ display: block; font-size: 8.5pt; }}
table.l {{ width: 100%; border-collapse: collapse; }}
table.l th {{ text-align: left; border-bottom: 1.5px solid #333; padding: 4px 3px; font-size: 8.5pt; }}
table.l td {{ border-bottom: 1px solid #ddd; padding: 5px 3px; }}
table.l td:nth-child(n+2), table.l th:nth-child(n+2) {{ text-align: right; }}
.tot {{ width: 40%; margin-left: 60%; margin-top: 10px; border-collapse: collapse; }}
.tot td {{ padding: 3px; border-top: 1px solid #ccc; }} .tot td:last-child {{ text-align: right; }}
.foot {{ position: fixed; bottom: 0; width: 100%; text-align: center; border-top: 1px solid {accent};
        font-size: 7.5pt; color: #555; padding-top: 4px; }}
"""
    ship = rng.random() < 0.5
    ours = "<br>".join(esc(x) for x in OWN.addr_lines())
    if rng.random() < 0.6:
        ours += f"<br>{'VAT' if english else 'N° TVA'} : {esc(own_vat_txt(rng))}"
    body = [
        f'<div class="top"><div class="logo">{esc(cust.name.split(" SAS")[0])}</div>'
        f'<div class="small" style="text-align:right">{lines_html(cust)}<br>{esc(cust.phone)}<br>{esc(cust.web)}</div></div>'
    ]
    left = (
        f"<b>{'Shipping address' if english else 'Adresse de livraison'}</b><br>{lines_html(cust)}<br>Quai n° {rng.randint(1, 9)}"
        if ship
        else ""
    )
    body.append(f'<div class="addr"><div>{left}</div><div>{ours}</div></div>')
    body.append(f"<h2>{esc(title)}</h2>")
    dt = f"{d_fr(t)} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if english:
        info = [
            ("Purchase Representative", buyer),
            ("Your Order Reference", quote),
            ("Order Date", dt),
        ]
    else:
        info = [
            ("Représentant achats", buyer),
            ("Votre référence de commande", quote),
            ("Date de commande", dt),
        ]
        if rng.random() < 0.5:
            info.append(("Date prévue", d_fr(later(t, 10))))
    body.append(
        '<div class="info">' + "".join(f"<div><b>{a}</b>{esc(b)}</div>" for a, b in info) + "</div>"
    )
    head = (
        ["Description", "Taxes", "Date Req.", "Qty", "Unit Price", "Amount"]
        if english
        else ["Description", "Taxes", "Date prévue", "Qté", "Prix unitaire", "Montant"]
    )
    rows = [head]
    for ref, des, unit, qty, price in lines:
        rows.append(
            [
                f"[{esc(ref)}] {esc(des)}",
                "TVA 20%" if not english else "20% VAT",
                d_fr(later(t, 7)),
                f"{qty:.2f} {unit}",
                money(price),
                money(qty * price),
            ]
        )
    body.append(table(rows, "l"))
    lbl = ("Untaxed Amount", "Taxes", "Total") if english else ("Montant HT", "Taxes", "Total")
    body.append(
        f'<table class="tot"><tr><td>{lbl[0]}</td><td>{money(ht)}</td></tr>'
        f"<tr><td>{lbl[1]}</td><td>{money(tva)}</td></tr><tr><td><b>{lbl[2]}</b></td><td><b>{money(ttc)}</b></td></tr></table>"
    )
    if rng.random() < 0.5:
        body.append(
            f'<p class="small" style="margin-top:18px">Conditions de paiement : {rng.choice(["30 jours", "45 jours fin de mois", "60 jours date de facture"])}'
            f"<br>Merci d'indiquer notre numéro de commande sur le bon de livraison et la facture.</p>"
        )
    legal = [esc(cust.name), f"Capital {esc(cust.capital)}", *ids_html(cust, vat_label="TVA :")]
    body.append(
        f'<div class="foot">{esc(cust.phone)} | {esc(cust.email)} | {esc(cust.web)}<br>{" – ".join(legal)}<br>Page 1 / 1</div>'
    )
    return dated(
        Doc("webapp_odoo", "html", html_page(css, "\n".join(body)), number, number, cust), t
    )


# --------------------------------------------------------------------------- dolibarr_cf


def dolibarr_cf(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(
        rng,
        rng.choice(COMPANIES_INDUS),
        p_typo=0.12,
        ape=rng.choice(["2562B", "1721A", "2229A", "3312Z"]),
    )
    number = f"CF{t[0] % 100}{t[1]:02d}-{rng.randint(1, 2400):04d}"
    english = i == 4
    quote = f"D{t[0] % 100}-{rng.randint(100, 4999):04d}"
    supplier_code = f"FO{t[0] % 100}{rng.randint(1, 12):02d}-{rng.randint(1, 300):04d}"
    lines = pick_lines(rng, rng.randint(2, 7))
    ht, tva, ttc = totals(lines)
    css = """
body { font-family: 'DejaVu Sans'; font-size: 8pt; color: #000; }
.hd { display: flex; justify-content: space-between; }
.logo { font-size: 13pt; font-weight: bold; }
.ref { text-align: right; font-size: 8pt; }
.ref .t { font-size: 12pt; font-weight: bold; }
.boxes { display: flex; justify-content: space-between; margin-top: 12px; }
.box { width: 47%; }
.box .in { border: 1px solid #999; padding: 6px; min-height: 70px; border-radius: 3px; }
.box.g .in { background: #e8e8e8; border: none; }
table.l { width: 100%; border-collapse: collapse; margin-top: 18px; border: 1px solid #999; }
table.l th { background: #e8e8e8; font-weight: normal; padding: 4px; border-bottom: 1px solid #999; }
table.l td { padding: 4px; vertical-align: top; }
table.l td:nth-child(n+3) { text-align: right; }
.tot { margin-left: 55%; width: 45%; border-collapse: collapse; margin-top: 10px; }
.tot td { padding: 3px; } .tot td:last-child { text-align: right; }
.tot tr.g td { background: #e8e8e8; }
.foot { position: fixed; bottom: 0; width: 100%; text-align: center; font-size: 6.5pt; border-top: 1px solid #999; padding-top: 3px; }
"""
    tr = {
        "title": "Purchase order" if english else "Commande fournisseur",
        "ref": "Ref. :" if english else "Réf. :",
        "sref": "Supplier ref. :" if english else "Réf. fournisseur :",
        "date": "Order date :" if english else "Date commande :",
        "code": "Supplier code :" if english else "Code fournisseur :",
        "from": "Sender" if english else "Émetteur",
        "to": "Sent to" if english else "Adressé à",
    }
    refblock = [
        f'<div class="t">{tr["title"]}</div>',
        f"{tr['ref']} {esc(number)}",
        f"{tr['sref']} {esc(quote)}",
        f"{tr['date']} {d_fr(t)}",
        f"{tr['code']} {esc(supplier_code)}",
    ]
    if rng.random() < 0.5:
        refblock.append(
            ("Delivery date :" if english else "Date de livraison :") + " " + d_fr(later(t, 14))
        )
    body = [
        f'<div class="hd"><div class="logo">{esc(cust.name)}</div><div class="ref">{"<br>".join(refblock)}</div></div>'
    ]
    sender = f"<b>{esc(cust.name)}</b><br>{esc(cust.street)}<br>{esc(cust.postcode)} {esc(cust.city)}<br>Tél. : {esc(cust.phone)}"
    if cust.fax:
        sender += f"<br>Fax : {esc(cust.fax)}"
    sender += f"<br>Email : {esc(cust.email)}"
    rec = f"<b>{esc(OWN.name)}</b><br>{esc(OWN.street)}<br>{esc(OWN.street2)}<br>{OWN.postcode} {esc(OWN.city)}"
    if rng.random() < 0.5:
        rec += f"<br>{'VAT number' if english else 'N° TVA'} : {esc(own_vat_txt(rng))}"
    body.append(
        f'<div class="boxes"><div class="box g">{tr["from"]}<div class="in">{sender}</div></div>'
        f'<div class="box">{tr["to"]}<div class="in">{rec}</div></div></div>'
    )
    head = (
        ["Description", "VAT", "U.P. (net)", "Qty", "Unit", "Total (net)"]
        if english
        else ["Désignation", "TVA", "P.U. HT", "Qté", "Unité", "Total HT"]
    )
    rows = [head]
    for ref, des, unit, qty, price in lines:
        rows.append(
            [
                f"{esc(ref)} - {esc(des)}",
                "20%",
                money(price, ""),
                str(qty),
                unit,
                money(qty * price, ""),
            ]
        )
    body.append(table(rows, "l"))
    body.append(
        f'<table class="tot"><tr><td>{"Total (net)" if english else "Total HT"}</td><td>{money(ht)}</td></tr>'
        f"<tr><td>{'Total VAT 20%' if english else 'Total TVA 20%'}</td><td>{money(tva)}</td></tr>"
        f'<tr class="g"><td>{"Total (inc. tax)" if english else "Total TTC"}</td><td>{money(ttc)}</td></tr></table>'
    )
    if rng.random() < 0.6:
        body.append(
            f'<p style="margin-top:14px">{"Payment terms" if english else "Conditions de règlement"} : '
            f"{rng.choice(['30 jours', 'À réception', '45 jours fin de mois'])}<br>"
            f"{'Payment method' if english else 'Mode de règlement'} : {rng.choice(['Virement', 'LCR', 'Chèque'])}</p>"
        )
    legal = [f"{esc(cust.name)} - SAS au capital de {esc(cust.capital)}"]
    if cust.siret_txt:
        legal.append(f"SIRET : {esc(cust.siret_txt)}")
    else:
        legal.append(f"SIREN : {esc(cust.siren_txt)}")
    if cust.ape:
        legal.append(f"NAF-APE : {cust.ape}")
    if cust.vat_txt:
        legal.append(f"N° TVA : {esc(cust.vat_txt)}")
    body.append(f'<div class="foot">{" - ".join(legal)}<br>{esc(number)} - 1/1</div>')
    return dated(
        Doc(
            "dolibarr_cf",
            "html",
            html_page(css, "\n".join(body), margin="10mm 11mm"),
            number,
            number,
            cust,
        ),
        t,
    )


# --------------------------------------------------------------------------- eprocurement_portal


TERMS = [
    "1. Acceptation. Toute commande est réputée acceptée par le fournisseur sans réserve à défaut de refus écrit sous 48 heures.",
    "2. Facturation. Le numéro de commande (PO Number) doit obligatoirement figurer sur chaque facture, bon de livraison et correspondance. Toute facture ne mentionnant pas ce numéro sera retournée.",
    "3. Livraison. Les livraisons sont effectuées du lundi au vendredi de 7h30 à 15h30. Chaque colis porte le numéro de commande et le nom du demandeur.",
    "4. Prix. Les prix sont fermes et non révisables. Ils s'entendent DDP, emballage compris.",
    "5. Paiement. Paiement à 45 jours fin de mois à compter de la date de facture, par virement.",
    "6. Pénalités. Tout retard de livraison pourra donner lieu à des pénalités de 1 % par jour ouvré de retard, plafonnées à 10 % du montant de la commande.",
    "7. Garantie. Le fournisseur garantit la conformité des produits aux spécifications et à la réglementation en vigueur (REACH, RoHS).",
    "8. Confidentialité. Les informations transmises dans le cadre de la commande sont confidentielles.",
    "9. Litiges. Tout litige relève de la compétence exclusive du Tribunal de commerce du siège de l'acheteur.",
]


def eprocurement_portal(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(
        rng, rng.choice(COMPANIES_INDUS[:12]) + rng.choice([" SAS", " SA", ""]), p_typo=0.1
    )
    n = rng.randint(1000, 99999)
    base = [
        f"PO-FR-{n:06d}",
        f"EP{t[0] % 100}{n:06d}",
        f"{rng.randint(2000000, 2999999)}",
        f"PO-FR-{n:06d}",
        f"FR{t[0] % 100}PO{n:05d}",
        f"PO {rng.randint(100000, 899999)}",
        f"EP{t[0] % 100}{n:06d}",
    ][i % 7]
    suffix = {0: "-R1", 3: "-02", 6: "-R2"}.get(i % 7, "")
    printed = base + suffix
    label_txt = [
        "PO Number",
        "Order Ref.",
        "Document n°",
        "PO Number",
        "N° de commande / PO #",
        "PO Number",
        "Order Ref.",
    ][i % 7]
    req = f"REQ-{rng.randint(100000, 999999)}"
    contract = f"CT-{t[0] - 1}-{rng.randint(10, 400):04d}"
    buyer = " ".join(person(rng))
    requester = " ".join(person(rng))
    lines = pick_lines(rng, rng.randint(3, 7))
    ht, tva, ttc = totals(lines)
    two_pages = i % 2 == 0
    portal = rng.choice(["SupplyHub", "ProcureLink", "AchatNet"])
    size = "Letter" if i == 5 else "A4"
    css = """
body { font-family: 'Liberation Sans'; font-size: 8.5pt; color: #111; }
.bar { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #000; padding-bottom: 4px; }
.bar .n { font-size: 18pt; font-weight: bold; }
.meta { width: 100%; border-collapse: collapse; margin-top: 10px; }
.meta td { border: 1px solid #bbb; padding: 3px 5px; vertical-align: top; width: 25%; }
.meta .k { font-size: 7pt; color: #555; text-transform: uppercase; display: block; }
table.l { width: 100%; border-collapse: collapse; margin-top: 12px; }
table.l th { background: #333; color: #fff; padding: 4px; font-size: 7.5pt; text-align: left; }
table.l td { border-bottom: 1px solid #ccc; padding: 4px; }
.sum { margin-left: 60%; width: 40%; margin-top: 8px; border-collapse: collapse; }
.sum td { padding: 2px 4px; } .sum td:last-child { text-align: right; }
.terms { page-break-before: always; font-size: 8pt; line-height: 1.35; }
.portal { font-size: 7pt; color: #666; }
"""
    en = i % 7 in (0, 1, 5, 6)
    meta = [
        (label_txt, printed),
        ("Order Date" if en else "Date", d_fr(t)),
        ("Revision" if en else "Version", suffix.strip("-R0") or "0"),
        ("Currency" if en else "Devise", "EUR"),
        ("Supplier #" if en else "N° fournisseur", vendor_code(rng)),
        ("Requisition" if en else "Demande d'achat", req),
        ("Contract" if en else "Contrat cadre", contract),
        (
            "Payment Terms" if en else "Conditions de paiement",
            rng.choice(["Net 45 EOM", "45 jours fin de mois", "Net 60"]),
        ),
        ("Buyer" if en else "Acheteur", buyer),
        ("Requester" if en else "Demandeur", requester),
        ("Ship Via", rng.choice(["Best way", "Transporteur fournisseur", "DHL Freight"])),
        ("Incoterm", "DAP"),
    ]
    cells = [f'<td><span class="k">{esc(k)}</span>{esc(v)}</td>' for k, v in meta]
    meta_html = (
        '<table class="meta">'
        + "".join("<tr>" + "".join(cells[j : j + 4]) + "</tr>" for j in range(0, 12, 4))
        + "</table>"
    )
    bill = f"<b>{'Bill To' if en else 'Facturation'}</b><br>{lines_html(cust)}<br>" + "<br>".join(
        ids_html(cust, vat_label="VAT:" if en else "TVA :")
    )
    ship = f"<b>{'Ship To' if en else 'Livraison'}</b><br>{esc(cust.name)}<br>Magasin central - Bât. {rng.choice('ABCDE')}<br>{esc(cust.street)}<br>{cust.postcode} {esc(cust.city)}"
    sup = f"<b>{'Supplier' if en else 'Fournisseur'}</b><br>" + "<br>".join(
        esc(x) for x in OWN.addr_lines()
    )
    if rng.random() < 0.5:
        sup += f"<br>SIRET {esc(own_siret_txt(rng))}"
    body = [
        f'<div class="bar"><div><div class="portal">{portal} · {esc(cust.name)}</div>'
        f'<div class="n">{"PURCHASE ORDER" if en else "BON DE COMMANDE"}</div></div>'
        f'<div style="text-align:right">{esc(label_txt)}<br><b style="font-size:12pt">{esc(printed)}</b></div></div>',
        meta_html,
        f'<table class="meta" style="margin-top:8px"><tr><td>{sup}</td><td>{bill}</td><td>{ship}</td></tr></table>',
    ]
    head = [
        "#",
        "Supplier Part Num" if en else "Réf. fournisseur",
        "Description",
        "Need By" if en else "Livrer le",
        "Qty",
        "UOM",
        "Unit Price",
        "Total",
    ]
    rows = [head]
    for k, (ref, des, unit, qty, price) in enumerate(lines, 1):
        rows.append(
            [
                str(k),
                esc(ref),
                esc(des),
                d_fr(later(t, rng.randint(5, 20))),
                str(qty),
                unit,
                money_en(price),
                money_en(qty * price),
            ]
        )
    body.append(table(rows, "l"))
    body.append(
        f'<table class="sum"><tr><td>Subtotal</td><td>{money_en(ht)}</td></tr><tr><td>Tax (20%)</td><td>{money_en(tva)}</td></tr>'
        f"<tr><td><b>Total</b></td><td><b>{money_en(ttc)}</b></td></tr></table>"
    )
    body.append(
        f'<p style="margin-top:14px">{"Invoices must reference the PO number and be submitted through the supplier portal." if en else "Les factures doivent rappeler le numéro de commande et être déposées sur le portail fournisseurs."}'
        f"<br>{'Questions' if en else 'Contact'}: {esc(cust.contact_mail)}</p>"
    )
    pages = 1
    if two_pages:
        pages = 2
        body.append(
            f'<div class="terms"><b>{"GENERAL TERMS AND CONDITIONS OF PURCHASE" if en else "CONDITIONS GÉNÉRALES D&#39;ACHAT"}</b>'
            f'<p>{"</p><p>".join(esc(x) for x in TERMS)}</p><p class="portal">{esc(cust.name)} – {esc(cust.rcs)}</p></div>'
        )
    return dated(
        Doc(
            "eprocurement_portal",
            "html",
            html_page(css, "\n".join(body), size=size),
            base,
            printed,
            cust,
            pages=pages,
        ),
        t,
    )


# --------------------------------------------------------------------------- dense_refs


def dense_refs(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(rng, rng.choice(COMPANIES_INDUS), p_typo=0.15)
    n = rng.randint(100, 9999)
    number = [
        f"ACH-{t[0] % 100}-{n:05d}",
        f"DA{t[0] % 100}{n:05d}",
        f"OF{t[0] % 100}/{n:05d}",
        f"CDA {t[0] % 100}{n:04d}",
        f"{t[0] % 100}C{n:05d}",
        f"ACH-{t[0] % 100}-{n:05d}",
    ][i % 6]
    suffix = "/" + rng.choice(["MB", "JL", "SD"]) if i % 6 in (1, 4) else ""
    printed = number + suffix
    label = rng.choice(["N/Réf. :", "Notre référence :", "Notre réf. commande :", "N° commande :"])
    quote = f"D{t[0] % 100}-{rng.randint(100, 4999):04d}"
    refs = [
        (label, printed),
        ("V/Réf. :", quote),
        ("Affaire :", f"AF{t[0] % 100}-{rng.randint(10, 999):03d}"),
        ("Projet :", f"{t[0] % 100}P{rng.randint(1, 999):04d}"),
        ("Code fournisseur :", vendor_code(rng)),
        ("Centre de coût :", f"{rng.randint(1000, 9999)}"),
        ("Imputation :", f"6{rng.randint(10000, 28999)}"),
        ("Code adr. fact. :", f"FACT-{rng.randint(1, 9):02d}"),
        ("Date :", d_fr(t)),
        ("Délai :", d_fr(later(t, rng.randint(7, 30)))),
    ]
    rng.shuffle(refs)
    # the label stays in the first column, among the others
    css = f"""
body {{ font-family: {rng.choice(["'URW Gothic'", "'Liberation Sans Narrow'", "'DejaVu Sans Condensed'"])}; font-size: 8.5pt; }}
.hd {{ display: grid; grid-template-columns: 1.2fr 1fr; gap: 10px; }}
.big {{ font-size: 15pt; font-weight: bold; letter-spacing: 2px; border: 2px solid #000; text-align: center; padding: 4px; }}
.refs {{ display: grid; grid-template-columns: repeat(2, 1fr); gap: 2px 12px; border: 1px solid #000; padding: 5px; margin-top: 6px; }}
.refs span b {{ font-weight: normal; color: #444; }}
.box {{ border: 1px solid #000; padding: 5px; margin-top: 6px; min-height: 60px; }}
table.l {{ width: 100%; border-collapse: collapse; margin-top: 10px; }}
table.l th, table.l td {{ border: 1px solid #000; padding: 3px; font-size: 8pt; }}
table.l th {{ background: #ddd; }}
.foot {{ margin-top: 14px; font-size: 7pt; border-top: 1px solid #000; padding-top: 3px; }}
"""
    refs_html = "".join(f"<span><b>{esc(k)}</b> {esc(v)}</span>" for k, v in refs)
    deliver = f"<b>Livraison :</b> {esc(cust.name)} – Réception marchandises, porte {rng.randint(1, 12)}<br>{esc(cust.street)} {cust.postcode} {esc(cust.city)}<br>Horaires : 7h30–11h30 / 13h30–16h00"
    invoice = f"<b>Facturation :</b> {esc(cust.name)} – Service comptabilité fournisseurs<br>BP {rng.randint(10, 999)} – {cust.postcode} {esc(cust.city)} Cedex<br>{esc(cust.email)}"
    supplier = f"<b>Fournisseur :</b><br>{'<br>'.join(esc(x) for x in OWN.addr_lines())}<br>Tél. {OWN.phone} – Fax {OWN.fax}"
    if rng.random() < 0.7:
        supplier += f"<br>TVA : {esc(own_vat_txt(rng))} – SIRET : {esc(own_siret_txt(rng))}"
    body = [
        f'<div class="hd"><div><div style="font-size:13pt;font-weight:bold">{esc(cust.name)}</div>{esc(cust.street)} – {esc(cust.street2)}<br>{cust.postcode} {esc(cust.city)}'
        f"<br>Tél. {esc(cust.phone)}{' – Fax ' + esc(cust.fax) if cust.fax else ''}<br>{'<br>'.join(ids_html(cust))}</div>"
        f'<div><div class="big">BON DE COMMANDE</div><div class="box">{supplier}</div></div></div>',
        f'<div class="refs">{refs_html}</div>',
        f'<div class="hd"><div class="box">{deliver}</div><div class="box">{invoice}</div></div>',
    ]
    rows = [
        [
            "Ligne",
            "Notre code",
            "Votre réf.",
            "Désignation",
            "Qté",
            "U",
            "PU HT",
            "Montant HT",
            "Livr.",
        ]
    ]
    for k, (ref, des, unit, qty, price) in enumerate(pick_lines(rng, rng.randint(3, 8)), 1):
        rows.append(
            [
                f"{k * 10:03d}",
                f"{rng.randint(10, 99)}.{rng.randint(1000, 9999)}",
                esc(ref),
                esc(des),
                str(qty),
                unit,
                money(price, ""),
                money(qty * price, ""),
                d_fr(later(t, 12)),
            ]
        )
    body.append(table(rows, "l"))
    body.append(
        '<p style="font-size:8pt">IMPORTANT : rappeler notre référence de commande et le numéro d\'affaire sur tous vos documents (BL, factures). '
        f"Livraison incomplète : nous prévenir. Toute facture doit être adressée en un exemplaire à {esc(cust.email)}.</p>"
    )
    body.append(
        f'<div class="foot">{esc(cust.name)} – {esc(cust.capital)} – {esc(cust.rcs)} – APE {rng.choice(["2562B", "2511Z", "2829B"])} – IBAN {esc(cust.iban)}</div>'
    )
    return dated(
        Doc(
            "dense_refs",
            "html",
            html_page(css, "\n".join(body), margin="9mm"),
            number,
            printed,
            cust,
        ),
        t,
    )


# --------------------------------------------------------------------------- mrp_spool


def mrp_spool(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(rng, rng.choice(COMPANIES_INDUS).upper(), p_typo=0.1)
    n = rng.randint(10, 9999)
    number = [
        f"{t[0]}.{n:04d}",
        f"OA_{t[0] % 100}_{n:05d}",
        f"{t[0] % 100}.{n:05d}",
        f"ORD_{t[0]}_{n:04d}",
        f"{t[0]}.{n:04d}",
        f"OA_{t[0] % 100}_{n:05d}",
    ][i % 6]
    label = rng.choice(["NUMERO D'ORDRE", "NO ORDRE ACHAT", "NUM. ORDRE", "N. ORDRE"])
    pgm = f"ACH{rng.randint(100, 999)}R"
    w = 96
    font = rng.choice(
        ["'DejaVu Sans Mono'", "'Liberation Mono'", "'Noto Mono'", "'Nimbus Mono PS'"]
    )

    def row(*cols: tuple[str, int]) -> str:
        return "".join(c[:width].ljust(width) for c, width in cols)

    out = []
    out.append(row((f"{cust.name[:40]}", 50), (f"PGM {pgm}", 16), (f"EDITION DU {d_fr(t)}", 30)))
    out.append(
        row(
            (f"{cust.street}", 50),
            ("", 16),
            (
                f"HEURE {rng.randint(6, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}   PAGE   1",
                30,
            ),
        )
    )
    out.append(
        row(
            (f"{cust.postcode} {cust.city.upper()}", 50),
            ("", 16),
            (f"EDITION NO {rng.randint(1, 99999):07d}", 30),
        )
    )
    out.append(row((f"TEL {cust.phone}", 50)))
    if cust.siret_txt:
        out.append(row((f"SIRET {cust.siret_txt}", 50)))
    if cust.vat_txt:
        out.append(row((f"TVA   {cust.vat_txt}", 50)))
    out.append("")
    out.append(row(("", 20), ("*" * 42, 44)))
    out.append(row(("", 20), ("*        O R D R E   D ' A C H A T       *", 44)))
    out.append(row(("", 20), ("*" * 42, 44)))
    out.append("")
    out.append(row((f"{label:<15}: {number}", 50), ("FOURNISSEUR : " + vendor_code(rng), 46)))
    out.append(row((f"DATE ORDRE     : {d_fr(t)}", 50), ("NORMAPRO DISTRIBUTION SAS", 46)))
    out.append(row((f"ACHETEUR       : {person(rng)[1].upper()}", 50), ("27 AVENUE FRANKLIN", 46)))
    out.append(
        row(
            (f"DEVIS FOURN.   : D{t[0] % 100}-{rng.randint(100, 4999):04d}", 50),
            ("76800 ST ETIENNE DU ROUVRAY", 46),
        )
    )
    out.append(
        row(
            (f"COND. REGLT    : {rng.choice(['030 J NET', '045 J FDM', '060 J DF'])}", 50),
            (f"TEL {OWN.phone}", 46),
        )
    )
    out.append(row((f"LIEU LIVRAISON : MAG{rng.randint(1, 9):02d}", 50), (f"FAX {OWN.fax}", 46)))
    out.append("")
    out.append("-" * w)
    out.append(
        row(
            ("LG", 4),
            ("ARTICLE", 13),
            ("REF FOURN.", 11),
            ("DESIGNATION", 36),
            ("QTE", 7),
            ("UN", 4),
            ("P.U.", 10),
            ("MONTANT", 11),
        )
    )
    out.append("-" * w)
    lines = pick_lines(rng, rng.randint(3, 8))
    for k, (ref, des, unit, qty, price) in enumerate(lines, 1):
        art = f"{rng.randint(100, 999)}{rng.choice('ABCKMX')}{rng.randint(1000, 9999)}"
        out.append(
            row(
                (f"{k:02d}", 4),
                (art, 13),
                (ref, 11),
                (des.upper()[:35], 36),
                (f"{qty:>6}", 7),
                (unit, 4),
                (f"{price:>9.2f}", 10),
                (f"{qty * price:>10.2f}", 11),
            )
        )
        out.append(
            row(("", 4), ("", 13), ("", 11), (f"  A LIVRER LE {d_fr(later(t, 10 + k))}", 36))
        )
    ht, tva, ttc = totals(lines)
    out.append("-" * w)
    out.append(row(("", 60), ("TOTAL HT   EUR", 20), (f"{ht:>14.2f}", 16)))
    out.append(row(("", 60), ("TVA 20,00  EUR", 20), (f"{tva:>14.2f}", 16)))
    out.append(row(("", 60), ("TOTAL TTC  EUR", 20), (f"{ttc:>14.2f}", 16)))
    out.append("")
    out.append(f"RAPPELER IMPERATIVEMENT LE {label} SUR BL ET FACTURE")
    out.append("RECEPTION DES MARCHANDISES DU LUNDI AU JEUDI 7H00-15H00")
    body_lines = []
    for k, line in enumerate(out):
        cls = ' class="g"' if (k // 3) % 2 == 1 else ""
        body_lines.append(f"<div{cls}>{esc(line) or '&nbsp;'}</div>")
    css = f"""
body {{ font-family: {font}; font-size: 8.2pt; }}
.paper div {{ line-height: 1.5; white-space: pre; }}
.paper div.g {{ background: {rng.choice(["#e3f1e3", "#ececec", "#e6eef7"])}; }}
.holes {{ position: fixed; top: 0; bottom: 0; left: -8mm; width: 4mm; }}
"""
    return dated(
        Doc(
            "mrp_spool",
            "html",
            html_page(
                css,
                '<div class="paper">' + "".join(body_lines) + "</div>",
                margin="10mm 8mm 10mm 12mm",
            ),
            number,
            number,
            cust,
        ),
        t,
    )
