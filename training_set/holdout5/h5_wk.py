"""Web-portal print-outs rendered by wkhtmltopdf 0.12.6 (QtWebKit, unpatched Qt: no header /
footer switches, no smart-shrinking switch, so the browser's print header and footer lines are
part of the HTML and the text is scaled with CSS `zoom`).

Tables and floats only (the QtWebKit of 2012 has neither flexbox nor grid).
"""

from __future__ import annotations

import html
import os
import random
import subprocess
import tempfile
from pathlib import Path

import h5_data as D

E = html.escape


def render(page: str, landscape: bool = False) -> bytes:
    with tempfile.TemporaryDirectory(prefix="h5wk") as tmp:
        src = Path(tmp) / "page.html"
        out = Path(tmp) / "page.pdf"
        src.write_text(page, encoding="utf-8")
        cmd = [
            "wkhtmltopdf",
            "-q",
            "--page-size",
            "A4",
            "--encoding",
            "utf-8",
            "-T",
            "10mm",
            "-B",
            "10mm",
            "-L",
            "11mm",
            "-R",
            "11mm",
        ]
        if landscape:
            cmd += ["-O", "Landscape"]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=tmp)
        subprocess.run(
            [*cmd, str(src), str(out)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return out.read_bytes()


def page(css: str, body: str, font: str, zoom: float = 1.3) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>print</title><style>
body {{ font-family: '{font}', sans-serif; font-size: 10pt; color: #1a1a1a; margin: 0;
  zoom: {zoom}; }}
table {{ border-collapse: collapse; }}
td, th {{ vertical-align: top; }}
.bar {{ font-size: 7pt; color: #444; width: 100%; margin-bottom: 8px; }}
.bar td {{ padding: 0; }}
.foot {{ font-size: 7pt; color: #444; width: 100%; margin-top: 16px; }}
.r {{ text-align: right; }}
.small {{ font-size: 7.5pt; color: #333; }}
.grid td, .grid th {{ border: 1px solid #9aa3ad; padding: 3px 5px; }}
.grid th {{ background: #e6eaef; text-align: left; font-weight: bold; font-size: 8.5pt; }}
{css}
</style></head><body>{body}</body></html>"""


def print_bar(left: str, right: str) -> str:
    return f'<table class="bar"><tr><td>{E(left)}</td><td class="r">{E(right)}</td></tr></table>'


def print_foot(url: str, pg: str = "1/1") -> str:
    return f'<table class="foot"><tr><td>{E(url)}</td><td class="r">{E(pg)}</td></tr></table>'


def when(rng: random.Random, day: D.Day) -> str:
    return f"{day.fr()} {rng.randrange(7, 19):02d}:{rng.randrange(60):02d}"


def items_table(items, cols: str = "fr", cls: str = "grid") -> tuple[str, float]:
    heads = {
        "fr": ["Réf. article", "Désignation", "Qté", "PU HT", "Montant HT"],
        "en": ["Item", "Description", "Qty", "Unit price", "Amount"],
    }[cols]
    rows = []
    total = 0.0
    for ref, lab, q, pu in items:
        amt = q * pu
        total += amt
        rows.append(
            f"<tr><td>{E(ref)}</td><td>{E(lab)}</td><td class='r'>{q}</td>"
            f"<td class='r'>{D.money(pu)}</td><td class='r'>{D.money(amt)}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in heads)
    table = f'<table class="{cls}" style="width:100%"><tr>{head}</tr>{"".join(rows)}</table>'
    return table, total


def totals(total: float, en: bool = False) -> str:
    tva = total * 0.2
    if en:
        lab = ("Total excl. VAT", "VAT 20 %", "Total incl. VAT")
    else:
        lab = ("Total HT", "TVA 20 %", "Total TTC")
    return (
        '<table style="margin-left:auto;margin-top:6px" class="grid">'
        f"<tr><td>{lab[0]}</td><td class='r'>{D.money(total)} €</td></tr>"
        f"<tr><td>{lab[1]}</td><td class='r'>{D.money(tva)} €</td></tr>"
        f"<tr><td><b>{lab[2]}</b></td><td class='r'><b>{D.money(total + tva)} €</b></td></tr>"
        "</table>"
    )


def our_block(rng: random.Random, with_ids: bool = True) -> str:
    o = D.OWN
    ids = ""
    if with_ids:
        ids = f"<br>SIRET {D.fmt_siret(rng, o.siret)}<br>TVA {D.fmt_vat(rng, o.vat)}"
    return f"<b>{E(o.name)}</b><br>{E(o.street)}<br>{o.city_line}<br>Tél. {o.phone}{ids}"


def fake_barcode(text: str, height: int = 30) -> str:
    r = random.Random(text)
    bars = []
    for k in range(46):
        w = r.choice([1, 1, 2, 3])
        color = "#000" if k % 2 == 0 else "#fff"
        bars.append(f'<td style="width:{w}px;height:{height}px;background:{color};padding:0"></td>')
    return (
        '<table style="border-collapse:collapse"><tr>' + "".join(bars) + "</tr></table>"
        f"<div style=\"font-family:'FreeMono';font-size:7pt;letter-spacing:1px\">{E(text)}</div>"
    )


def _idline(label: str, value: str, sep: str = "<br>") -> str:
    return f"{sep}{label} {E(value)}" if value else ""


# --------------------------------------------------------------------------------------------
# order families
# --------------------------------------------------------------------------------------------


def chorus_ej(rng: random.Random, i: int, doc: D.Doc) -> str:
    """Public e-procurement portal: the engagement number under a column header."""
    c, ids = doc.cust, doc.ids
    font = ["FreeSans", "Liberation Sans Narrow", "DejaVu Sans", "Roboto Condensed"][i % 4]
    head = [
        "N° d'engagement",
        "N° EJ",
        "Engagement juridique",
        "Numéro BC",
        "N° de bon de commande",
        "N° d'engagement juridique",
    ][i % 6]
    portal = ["PLACE-ACHATS.fr", "Achats publics, espace acheteur", "e-Marchés Territoires"][i % 3]
    host = rng.choice(["acheteur", "achats", "portail"])
    dom = rng.choice(["place-achats", "emarches-territoires", "achatpub"])
    url = f"https://{host}.{dom}.fr/ej/consult?id={D.d(rng, 7)}"
    market = rng.choice(
        [
            f"Marché n° {doc.day.y - 1}-AOO-{D.d(rng, 2)}",
            f"MAPA {D.d(rng, 2)}/{doc.day.y % 100}",
            f"Accord-cadre AC-{doc.day.y - 2}-{D.d(rng, 3)}",
        ]
    )
    items = D.pick_items(rng, rng.randrange(2, 5))
    tbl, tot = items_table(items)
    css = """
.band { background:#123c69; color:#fff; padding:6px 10px; font-size:12pt; }
.band span { font-size:8.5pt; color:#cfe0f5; }
.kv td { padding: 2px 8px 2px 0; font-size: 9pt; }
.kv td.k { color:#555; width: 46mm; }
.res th { background:#d9e4f1; }
h2 { font-size: 11pt; margin: 12px 0 4px 0; color:#123c69; border-bottom:1px solid #123c69; }
"""
    ej_title = "" if i % 3 else f" {E(doc.printed)}"
    vat_line = (
        f"<tr><td class='k'>N° TVA intracom.</td><td>{E(ids.vat_printed)}</td></tr>"
        if ids.vat_printed
        else ""
    )
    siret_line = (
        f"<tr><td class='k'>SIRET de la structure</td><td>{E(ids.siret_printed)}</td></tr>"
        if ids.siret_printed
        else ""
    )
    kind = rng.choice(["Bon de commande", "Commande sur marché", "Hors marché"])
    status = rng.choice(["Validé", "Transmis au fournisseur", "Envoyé"])
    body = (
        print_bar(when(rng, doc.day), f"{portal}, consultation de l'engagement")
        + f'<div class="band">{E(portal)} <span>Espace acheteur public</span></div>'
        + f"<h2>Engagement juridique{ej_title}</h2>"
        + '<table class="grid res" style="width:100%"><tr>'
        + f"<th>{head}</th><th>Date de création</th><th>Type</th><th>Statut</th>"
        + "<th>Montant TTC</th></tr>"
        + f"<tr><td><b>{E(doc.printed)}</b></td><td>{doc.day.fr()}</td><td>{kind}</td>"
        + f"<td>{status}</td><td class='r'>{D.money(tot * 1.2)} €</td></tr></table>"
        + "<h2>Acheteur</h2><table class='kv'>"
        + f"<tr><td class='k'>Structure</td><td><b>{E(c.name)}</b>, "
        + f"{E(c.extra.get('service', ''))}</td></tr>"
        + f"<tr><td class='k'>Adresse de facturation</td><td>{E(c.street)}, {c.city_line}</td></tr>"
        + siret_line
        + vat_line
        + f"<tr><td class='k'>Code service exécutant</td><td>{rng.choice(['SE', 'ST', 'DBAT'])}"
        + f"{D.d(rng, 4)}</td></tr>"
        + f"<tr><td class='k'>Demande d'achat</td><td>DA-{doc.day.y % 100}-{D.d(rng, 5)}</td></tr>"
        + f"<tr><td class='k'>Référence du marché</td><td>{E(market)}</td></tr>"
        + f"<tr><td class='k'>Imputation</td><td>{rng.choice(['60632', '6068', '61521', '2158'])}"
        + f" / {rng.choice(['820', '020', '811'])} / {D.d(rng, 3)}</td></tr>"
        + "</table><h2>Fournisseur</h2><table class='kv'>"
        + f"<tr><td class='k'>Titulaire</td><td>{our_block(rng)}</td></tr>"
        + f"<tr><td class='k'>N° tiers fournisseur</td><td>{D.supplier_code(rng)}</td></tr>"
        + f"<tr><td class='k'>Devis de référence</td><td>{doc.quote}</td></tr>"
        + "</table><h2>Lignes</h2>"
        + tbl
        + totals(tot)
        + "<p class='small'>Le numéro d'engagement ci-dessus doit figurer sur la facture déposée "
        + "sur Chorus Pro (SIRET destinataire, code service). "
        + f"Livraison : {E(c.street)}, {c.city_line}. Contact : {c.phone}.</p>"
        + print_foot(url)
    )
    return page(css, body, font)


def hopital_ght(rng: random.Random, i: int, doc: D.Doc) -> str:
    """Hospital purchasing portal: the number in the title and in the establishment column."""
    c, ids = doc.cust, doc.ids
    font = [
        "DejaVu Sans",
        "FreeSans",
        "Roboto Condensed",
        "Liberation Sans Narrow",
        "FreeSerif",
        "DejaVu Sans",
    ][i % 6]
    lab = ["Commande n°", "Bon de commande N°", "N° Cde", "Cde n°", "BC n°", "Commande N°"][i % 6]
    color = ["#0b6e4f", "#7a1f5c", "#1f4e79", "#8a4b08", "#2d6a8f", "#5b2a86"][i % 6]
    in_title = i % 3 != 1
    items = D.pick_items(rng, rng.randrange(3, 6))
    tbl, tot = items_table(items)
    css = f"""
.logo {{ width: 46px; height: 46px; background: {color}; color: #fff; font-weight: bold;
  text-align: center; font-size: 15pt; line-height: 46px; float: left; margin-right: 10px; }}
.t {{ font-size: 14pt; color: {color}; font-weight: bold; margin: 14px 0 8px 0; }}
.cols td.col {{ width: 50%; border: 1px solid {color}; padding: 6px 8px; font-size: 9pt; }}
.cols td.col h3 {{ margin: 0 0 4px 0; font-size: 9pt; color: {color}; text-transform: uppercase; }}
"""
    title = (
        f"BON DE COMMANDE {E(doc.printed)}"
        if in_title
        else "BON DE COMMANDE, ÉTABLISSEMENT DE SANTÉ"
    )
    service = rng.choice(
        [
            "Bloc opératoire",
            "Services techniques",
            "Laboratoire de biologie",
            "Blanchisserie",
            "Cuisine centrale",
        ]
    )
    uf = f"UF {D.d(rng, 4)}, {service}"
    ght = c.extra["ght"]
    logo = "".join(w[0] for w in ght.split()[:3]).upper()
    market = f"{rng.choice(['UniHA', 'RESAH', 'GHT'])}-{doc.day.y - 1}-{D.d(rng, 3)}"
    body = (
        print_bar(f"Portail Achats {ght}", when(rng, doc.day))
        + f'<div><div class="logo">{E(logo)}</div>'
        + f"<b>{E(ght)}</b><br>Direction des achats et de la logistique<br>"
        + "<span class='small'>Plateforme de commandes, établissement support</span></div>"
        + f'<div style="clear:both" class="t">{title}</div>'
        + '<table class="cols" style="width:100%"><tr><td class="col"><h3>Établissement</h3>'
        + f"<b>{E(c.name)}</b><br>{E(c.street)}<br>{c.city_line}<br>FINESS : {c.extra['finess']}"
        + _idline("SIRET :", ids.siret_printed)
        + _idline("TVA :", ids.vat_printed)
        + f"<br><b>{lab} : {E(doc.printed)}</b><br>Date : {doc.day.fr()}<br>{E(uf)}</td>"
        + '<td class="col"><h3>Fournisseur</h3>'
        + our_block(rng)
        + f"<br>Code fournisseur : {D.supplier_code(rng)}<br>Votre devis : {doc.quote}"
        + f"<br>Marché : {market} lot {rng.randrange(1, 9)}</td></tr></table>"
        + f"<p class='small'>Lieu de livraison : magasin central, quai n° {rng.randrange(1, 6)}, "
        + f"{E(c.street)}, {c.city_line}. Réception du lundi au vendredi 7h30-15h. "
        + f"Tél. magasin {D.phone(rng)}.</p>"
        + tbl
        + totals(tot)
        + "<p class='small'>Facturation : Chorus Pro, SIRET de l'établissement, en rappelant le "
        + f"numéro de commande. Demande d'approvisionnement DA{D.d(rng, 6)}. "
        + f"Acheteur : {' '.join(D.person(rng))}, poste {D.d(rng, 4)}.</p>"
        + print_foot(f"https://achats.{c.email_domain}/commande/imprimer/{D.d(rng, 6)}")
    )
    return page(css, body, font)


def marketplace(rng: random.Random, i: int, doc: D.Doc) -> str:
    """B2B marketplace / central-purchasing portal: the number in a sentence or in a box."""
    c, ids = doc.cust, doc.ids
    font = [
        "FreeSans",
        "DejaVu Sans",
        "Roboto Condensed",
        "Liberation Sans Narrow",
        "FreeSans",
        "DejaVu Sans",
    ][i % 6]
    brand = ["ACHATPRO Marketplace", "Centrale UNIPUB", "ProcurOne", "MARCHÉ-B2B"][i % 4]
    color = rng.choice(["#e4572e", "#29335c", "#008c72", "#b8336a"])
    mode = i % 3  # 0 sentence, 1 box, 2 English box
    items = D.pick_items(rng, rng.randrange(2, 5))
    en = mode == 2
    tbl, tot = items_table(items, "en" if en else "fr")
    css = f"""
.top {{ border-bottom: 4px solid {color}; padding-bottom: 6px; }}
.brand {{ font-size: 16pt; font-weight: bold; color: {color}; }}
.box {{ border: 2px solid {color}; padding: 8px 10px; width: 62mm; float: right; font-size: 9.5pt; }}
.steps td {{ padding: 3px 10px; font-size: 8pt; border-top: 3px solid #ccc; color:#666; }}
.steps td.on {{ border-top-color: {color}; color:#000; }}
"""
    trans = D.d(rng, 12)
    if mode == 0:
        sentence = [
            f"Votre commande n° <b>{E(doc.printed)}</b> a bien été transmise au fournisseur "
            f"{E(D.OWN.name)}.",
            f"La commande <b>{E(doc.printed)}</b> passée le {doc.day.fr()} a été validée par "
            "votre responsable budgétaire et envoyée au vendeur.",
        ][(i // 3) % 2]
        box = (
            f'<div class="box">Date : {doc.day.fr()}<br>Montant : {D.money(tot * 1.2)} € TTC<br>'
            f"Transaction : {trans}<br>Vendeur : {E(D.OWN.name)}</div>"
        )
        intro = f"<p style='font-size:10.5pt'>{sentence}</p>"
    else:
        lab = "Order Ref" if en else ["Réf. commande", "Commande N°"][(i // 3) % 2]
        pay = rng.choice(["virement 45 j FDM", "mandat administratif", "carte achat"])
        box = (
            f'<div class="box"><b>{lab} : {E(doc.printed)}</b><br>'
            f"{'Date' if en else 'Passée le'} : {doc.day.fr()}<br>"
            f"{'Payment' if en else 'Paiement'} : {pay}<br>"
            f"{'Transaction' if en else 'N° transaction'} : {trans}</div>"
        )
        intro = f"<p style='font-size:10.5pt'>{'Order summary' if en else 'Récapitulatif'}</p>"
    steps = (
        ["Cart", "Approved", "Sent", "Shipped", "Delivered"]
        if en
        else ["Panier", "Validation", "Transmise", "Expédiée", "Livrée"]
    )
    on = rng.randrange(2, 4)
    steps_html = "".join(
        f'<td class="{"on" if k <= on else ""}">{s}</td>' for k, s in enumerate(steps)
    )
    vat = f" / {'VAT' if en else 'TVA'} {E(ids.vat_printed)}" if ids.vat_printed else ""
    siret = f"SIRET {E(ids.siret_printed)}" if ids.siret_printed else ""
    track = f"{rng.choice(['6A', '8R', 'XY'])}{D.d(rng, 11)}"
    slug = brand.split()[0].lower().replace("é", "e")
    body = (
        print_bar(when(rng, doc.day), f"{brand}, {'My orders' if en else 'Mes commandes'}")
        + f'<div class="top"><span class="brand">{E(brand)}</span> &nbsp; <span class="small">'
        + f"{'Buyer account' if en else 'Compte acheteur'} {D.d(rng, 8)}</span></div>"
        + f'<table class="steps" style="margin:8px 0"><tr>{steps_html}</tr></table>'
        + box
        + intro
        + f"<p><b>{'Buyer' if en else 'Acheteur'}</b><br>{E(c.name)}<br>{E(c.street)}<br>"
        + f"{c.city_line}<br>{siret}{vat}</p>"
        + f"<p><b>{'Seller' if en else 'Vendeur'}</b><br>"
        + our_block(rng, with_ids=rng.random() < 0.7)
        + f"<br>{'Seller quote' if en else 'Offre vendeur'} {doc.quote}</p>"
        + '<div style="clear:both"></div>'
        + tbl
        + totals(tot, en)
        + f"<table style='margin-top:10px'><tr><td>{fake_barcode(track)}</td>"
        + "<td class='small' style='padding-left:12px'>"
        + f"{'Tracking' if en else 'Suivi colis'} : {track}<br>"
        + f"{'Customer code' if en else 'Code client vendeur'} : {D.our_client_code(rng)}</td>"
        + "</tr></table>"
        + print_foot(f"https://www.{slug}.fr/account/orders/{D.d(rng, 9)}/print")
    )
    return page(css, body, font)


def extranet_en(rng: random.Random, i: int, doc: D.Doc) -> str:
    """A customer's supplier extranet in English: label and number in a two-column grid."""
    c, ids = doc.cust, doc.ids
    font = [
        "DejaVu Sans",
        "FreeSans",
        "Liberation Sans Narrow",
        "Roboto Condensed",
        "FreeSans",
        "DejaVu Sans",
    ][i % 6]
    lab = ["Purchase Order No.", "PO#", "Order Ref", "PO Number", "Purchase Order", "P.O. No."][
        i % 6
    ]
    items = D.pick_items(rng, rng.randrange(2, 6))
    tbl, tot = items_table(items, "en")
    css = """
.nav { background:#2b2b2b; color:#ddd; font-size:8pt; padding:4px 8px; }
.nav b { color:#fff; }
h1 { font-size: 15pt; margin: 10px 0 6px 0; font-weight: normal; }
.hdr td { border: 1px solid #bbb; padding: 4px 6px; font-size: 9pt; width: 25%; }
.hdr td.k { background: #f1f1f1; color: #333; }
"""
    rev = doc.printed[len(doc.label) :]
    revision = rev.strip("-V") if rev else "0"
    vat = f"VAT Reg. No. {E(ids.vat_printed)}<br>" if ids.vat_printed else ""
    siret = f"SIRET {E(ids.siret_printed)}<br>" if ids.siret_printed else ""
    who = " ".join(D.person(rng))
    terms = rng.choice(["60 days EOM", "45 days net", "30 days"])
    inco = rng.choice(["DAP", "FCA", "DDP"])
    contract = f"{rng.choice(['BPA', 'CTR', 'OA'])}-{D.d(rng, 6)}"
    portal = c.name.split()[0].title()
    body = (
        print_bar(when(rng, doc.day), "Supplier Portal, purchase order detail")
        + f'<div class="nav"><b>{E(portal)} Supplier Portal</b> &nbsp;|&nbsp; Orders &nbsp;|&nbsp; '
        + f"Invoices &nbsp;|&nbsp; ASN &nbsp;|&nbsp; Logged in: {E(D.OWN.name)} "
        + f"(vendor {D.supplier_code(rng)})</div>"
        + "<h1>Purchase Order</h1>"
        + '<table class="hdr" style="width:100%">'
        + f"<tr><td class='k'>{lab}</td><td><b>{E(doc.printed)}</b></td>"
        + f"<td class='k'>Your quotation</td><td>{doc.quote}</td></tr>"
        + f"<tr><td class='k'>Order date</td><td>{doc.day.iso()}</td>"
        + f"<td class='k'>Revision</td><td>{revision}</td></tr>"
        + f"<tr><td class='k'>Buyer</td><td>{who}</td>"
        + f"<td class='k'>Payment terms</td><td>{terms}</td></tr>"
        + f"<tr><td class='k'>Requisition</td><td>PR-{D.d(rng, 7)}</td>"
        + f"<td class='k'>Incoterms</td><td>{inco} {E(c.city)}</td></tr>"
        + f"<tr><td class='k'>Contract</td><td>{contract}</td>"
        + "<td class='k'>Currency</td><td>EUR</td></tr>"
        + "</table>"
        + '<table style="width:100%;margin:10px 0"><tr>'
        + f"<td style='width:50%'><b>Bill to</b><br>{E(c.name)}<br>{E(c.street)}<br>"
        + f"{c.city_line}, France<br>{vat}{siret}Phone {c.phone}</td>"
        + f"<td><b>Vendor</b><br>{our_block(rng)}</td></tr></table>"
        + tbl
        + totals(tot, en=True)
        + "<p class='small'>Please quote the purchase order number on every delivery note and "
        + f"invoice. Deliveries to: goods receipt, gate {rng.randrange(1, 5)}, {E(c.street)}, "
        + f"{c.city_line}. Dock hours 7:00-14:00.</p>"
        + print_foot(f"https://suppliers.{c.email_domain}/po/view/{D.d(rng, 8)}", "Page 1 of 1")
    )
    return page(css, body, font, zoom=1.15 if doc.landscape else 1.3)


def cnrs_labo(rng: random.Random, i: int, doc: D.Doc) -> str:
    """CNRS / university lab order printed from the ordering web application."""
    c, ids = doc.cust, doc.ids
    font = [
        "FreeSerif",
        "DejaVu Sans",
        "FreeSans",
        "Liberation Sans Narrow",
        "DejaVu Sans",
        "FreeSans",
    ][i % 6]
    lab = [
        "Bon de commande n°",
        "N° de commande",
        "Numéro BC",
        "BC n°",
        "Commande N°",
        "N° d'ordre",
    ][i % 6]
    items = D.pick_items(rng, rng.randrange(2, 5))
    tbl, tot = items_table(items)
    css = """
.hd td { padding: 4px; }
.numbox { border: 2px solid #1b3f8b; padding: 8px 12px; font-size: 10.5pt; text-align: center; }
.cnrs { color: #1b3f8b; font-weight: bold; font-size: 20pt; }
.kv td { font-size: 8.5pt; padding: 1px 10px 1px 0; }
"""
    vat = f"<tr><td>N° TVA</td><td>{E(ids.vat_printed)}</td></tr>" if ids.vat_printed else ""
    siret = f"<tr><td>SIRET</td><td>{E(ids.siret_printed)}</td></tr>" if ids.siret_printed else ""
    is_cnrs = c.siren == D.CNRS_SIREN
    org = "CNRS" if is_cnrs else "UNIVERSITÉ"
    app = ["GESLAB", "Achats-Labo", "SIFAC Web"][i % 3]
    who = " ".join(D.person(rng))
    body = (
        print_bar(when(rng, doc.day), f"{app}, édition du bon de commande")
        + '<table class="hd" style="width:100%"><tr>'
        + f"<td style='width:60%'><span class='cnrs'>{org}</span><br>"
        + f"{E(c.extra.get('delegation', 'Service financier'))}<br>"
        + f"<b>{E(c.name)}</b>, {E(c.extra.get('unit', ''))}<br>{E(c.street)}<br>{c.city_line}</td>"
        + f"<td><div class='numbox'>{lab}<br><b style='font-size:13pt'>{E(doc.printed)}</b><br>"
        + f"<span class='small'>du {doc.day.fr()}</span></div></td></tr></table>"
        + '<table class="kv" style="margin-top:8px">'
        + siret
        + vat
        + f"<tr><td>Centre financier</td><td>{rng.choice(['DR11', 'DR13', 'DR05', 'DR07'])}-"
        + f"{D.d(rng, 4)}</td></tr>"
        + f"<tr><td>eOTP</td><td>{rng.choice(['R', 'G', 'P'])}{D.d(rng, 2)}"
        + f"{rng.choice(['ANR', 'CNR', 'REG'])}{D.d(rng, 4)}</td></tr>"
        + f"<tr><td>Marché</td><td>{rng.choice(['MATINFO', 'CNRS-DR', 'UGAP'])} {doc.day.y - 1}-"
        + f"{D.d(rng, 3)}</td></tr>"
        + f"<tr><td>Demande d'achat</td><td>DA {D.d(rng, 6)}, demandeur {who}</td></tr>"
        + f"<tr><td>Votre devis</td><td>{doc.quote} du "
        + f"{doc.day.plus(-rng.randrange(3, 20)).fr()}</td></tr>"
        + "</table><p><b>Fournisseur</b><br>"
        + our_block(rng)
        + f"<br>Code tiers : {D.supplier_code(rng)}</p>"
        + tbl
        + totals(tot)
        + "<p class='small'>Facture à déposer sur Chorus Pro en rappelant impérativement le numéro "
        + f"de bon de commande. Livraison : {E(c.name)}, bât. {rng.choice('ABCDE')}"
        + f"{rng.randrange(1, 4)}, pièce {D.d(rng, 3)}. Tél. {c.phone}.</p>"
        + print_foot(
            f"https://geslab.{'cnrs' if is_cnrs else 'univ'}.fr/bc/edition?bc={D.d(rng, 6)}"
        )
    )
    return page(css, body, font)


# --------------------------------------------------------------------------------------------
# negatives
# --------------------------------------------------------------------------------------------


def neg_devis(rng: random.Random, i: int, doc: D.Doc) -> str:
    """Our own quote from our web ERP, an empty 'bon pour accord' box."""
    c, ids = doc.cust, doc.ids
    font = ["FreeSans", "DejaVu Sans", "Roboto Condensed", "FreeSerif"][i % 4]
    title = ["DEVIS", "PROPOSITION COMMERCIALE", "OFFRE DE PRIX", "DEVIS"][i % 4]
    items = D.pick_items(rng, rng.randrange(3, 6))
    tbl, tot = items_table(items)
    css = """
.t { font-size: 16pt; color: #5a2d82; font-weight: bold; }
.acc { border: 1px dashed #555; padding: 8px; width: 80mm; font-size: 9pt; height: 40mm; }
"""
    origin = rng.choice(["consultation", "demande de prix", "appel"])
    ref = f"{rng.choice(['DP-26-', 'CONS-', 'RFQ-'])}{D.d(rng, 4)}"
    body = (
        print_bar(when(rng, doc.day), "Brévanne ERP, impression")
        + '<table style="width:100%"><tr><td>'
        + our_block(rng)
        + f"<br>{D.OWN.extra['rcs']}</td>"
        + f"<td style='width:45%'><b>{E(c.name)}</b><br>{E(c.street)}<br>{c.city_line}"
        + _idline("SIRET :", ids.siret_printed)
        + _idline("TVA :", ids.vat_printed)
        + "</td></tr></table>"
        + f"<p class='t'>{title} N° {doc.quote}</p>"
        + f"<p>Date : {doc.day.fr()}, validité 30 jours. Code client : {D.our_client_code(rng)}. "
        + f"Votre demande du {doc.day.plus(-rng.randrange(2, 9)).fr()} ({origin} {ref})</p>"
        + tbl
        + totals(tot)
        + "<table style='width:100%;margin-top:14px'><tr><td class='small'>Conditions : franco à "
        + "partir de 450 € HT, règlement 30 jours fin de mois.<br>"
        + f"IBAN {D.OWN.extra['iban']}, BIC {D.OWN.extra['bic']}</td>"
        + "<td><div class='acc'><b>Bon pour accord</b> (date, cachet, signature)<br><br>"
        + "N° de commande client :</div></td></tr></table>"
        + print_foot(f"https://erp.brevanne-techniques.fr/ventes/devis/{D.d(rng, 5)}/pdf")
    )
    return page(css, body, font)


def neg_ar(rng: random.Random, i: int, doc: D.Doc) -> str:
    """Our order acknowledgement: quotes the customer's order number."""
    c, ids = doc.cust, doc.ids
    font = ["DejaVu Sans", "FreeSans", "Roboto Condensed"][i % 3]
    items = D.pick_items(rng, rng.randrange(2, 5))
    tbl, tot = items_table(items)
    title = ["ACCUSÉ DE RÉCEPTION DE COMMANDE", "CONFIRMATION DE COMMANDE", "ACCUSÉ DE RÉCEPTION"][
        i % 3
    ]
    body = (
        print_bar(when(rng, doc.day), "Brévanne ERP, ADV")
        + '<table style="width:100%"><tr><td>'
        + our_block(rng)
        + "</td>"
        + f"<td style='width:45%'><b>{E(c.name)}</b><br>{E(c.street)}<br>{c.city_line}"
        + _idline("SIRET :", ids.siret_printed)
        + _idline("TVA :", ids.vat_printed)
        + "</td></tr></table>"
        + f"<h2 style='color:#0d5c63;font-size:13pt'>{title} AR{doc.day.y % 100}-"
        + f"{D.nz(rng, 5)}</h2>"
        + f"<p>Nous accusons réception de votre commande n° <b>{E(doc.quoted)}</b> du "
        + f"{doc.day.plus(-2).fr()} et vous en remercions. Livraison prévue le "
        + f"{doc.day.plus(rng.randrange(5, 15)).fr()}. Référence de notre offre : {doc.quote}.</p>"
        + tbl
        + totals(tot)
        + "<p class='small'>Ce document n'est pas une facture. Toute réclamation doit nous "
        + "parvenir sous 48 h.</p>"
        + print_foot(f"https://erp.brevanne-techniques.fr/adv/ar/{D.d(rng, 5)}")
    )
    return page("", body, font)


def neg_demande_prix(rng: random.Random, i: int, doc: D.Doc) -> str:
    """A customer's request for quotation on its purchasing portal."""
    c, ids = doc.cust, doc.ids
    font = ["FreeSans", "DejaVu Sans", "Liberation Sans Narrow"][i % 3]
    ref = [f"DP-26-{D.d(rng, 4)}", f"CONS/2026/{D.d(rng, 3)}", f"RFQ-{D.d(rng, 6)}"][i % 3]
    items = D.pick_items(rng, rng.randrange(3, 6))
    rows = "".join(
        f"<tr><td>{E(r)}</td><td>{E(lab)}</td><td class='r'>{q}</td><td>&nbsp;</td></tr>"
        for r, lab, q, _ in items
    )
    body = (
        print_bar(when(rng, doc.day), "Portail achats, consultation")
        + f"<h2 style='font-size:13pt'>DEMANDE DE PRIX N° {ref}</h2>"
        + f"<p><b>{E(c.name)}</b><br>{E(c.street)}<br>{c.city_line}"
        + _idline("SIRET :", ids.siret_printed)
        + _idline("TVA :", ids.vat_printed)
        + "</p>"
        + f"<p>À l'attention de : {E(D.OWN.name)}, fournisseur n° {D.supplier_code(rng)}</p>"
        + f"<p>Merci de nous adresser votre meilleure offre avant le {doc.day.plus(10).fr()} pour "
        + "les articles ci-dessous. <b>Ceci n'est pas une commande.</b> La commande éventuelle "
        + "fera l'objet d'un bon de commande séparé.</p>"
        + "<table class='grid' style='width:100%'><tr><th>Réf.</th><th>Désignation</th><th>Qté</th>"
        + "<th>Prix proposé</th></tr>"
        + rows
        + "</table>"
        + f"<p class='small'>Contact : {' '.join(D.person(rng))}, {c.phone}. "
        + f"Marché de référence éventuel : MAPA {D.d(rng, 2)}/26.</p>"
        + print_foot(f"https://achats.{c.email_domain}/consultations/{D.d(rng, 6)}")
    )
    return page("", body, font)


BUILDERS = {
    "wk_chorus_ej": chorus_ej,
    "wk_hopital_ght": hopital_ght,
    "wk_marketplace": marketplace,
    "wk_extranet_en": extranet_en,
    "wk_cnrs_labo": cnrs_labo,
    "neg_devis": neg_devis,
    "neg_ar_commande": neg_ar,
    "neg_demande_prix": neg_demande_prix,
}
