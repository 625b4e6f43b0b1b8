"""WeasyPrint (HTML + CSS) families of the holdout4 corpus: web shops and marketplaces, SaaS
ERP print-outs, an industrial group's two-column order, a SAP-like purchase order, a small
firm's order whose number is only in the title, a form crowded with abbreviated labels, and
four negatives (our invoice, our delivery note, a request for quotation, a customer's account
statement). Imports only ``h4_data``.
"""

from __future__ import annotations

import logging
from html import escape

from h4_data import OWN, Doc, fmt_siren, fmt_siret, fmt_vat, money, spaced_iban

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

FONTS = ["Open Sans", "Lato", "Roboto", "Inter", "Roboto Condensed"]


def e(s: str) -> str:
    return escape(s, quote=False)


def css_str(s: str) -> str:
    """A CSS string literal (page margin boxes)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def num(s: str) -> str:
    return f'<span class="num">{e(s)}</span>'


BASE_CSS = """
@page { size: A4; margin: %(margin)s; %(page_boxes)s }
body { font-family: '%(font)s'; font-size: %(size)spt; color: #222; }
.num { white-space: nowrap; }
table { border-collapse: collapse; }
table.items { width: 100%%; margin-top: 8pt; }
table.items th { background: %(accent)s; color: %(accent_fg)s; text-align: left; padding: 3pt 4pt; font-weight: 600; }
table.items td { padding: 3pt 4pt; border-bottom: 0.5pt solid #ccc; }
table.items td.r, table.items th.r { text-align: right; }
.tot { margin-left: auto; margin-top: 6pt; }
.tot td { padding: 2pt 6pt; }
.small { font-size: 0.82em; color: #555; }
.muted { color: #666; }
h1 { margin: 0 0 4pt 0; }
"""


def page(
    doc: Doc,
    body: str,
    css: str = "",
    font: str | None = None,
    page_boxes: str = "",
    margin: str = "16mm",
) -> str:
    r = doc.rng
    accent = r.choice(["#2d5d7b", "#4a4a8a", "#1f6f5c", "#7a3b2e", "#333333", "#e0e6ee"])
    base = BASE_CSS % {
        "margin": margin,
        "page_boxes": page_boxes,
        "font": font or r.choice(FONTS),
        "size": r.choice(["9", "9.5", "10"]),
        "accent": accent,
        "accent_fg": "#222" if accent == "#e0e6ee" else "#fff",
    }
    return f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><style>{base}{css}</style></head><body>{body}</body></html>"


def render(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf()


def items_table(doc: Doc, lang: str = "fr", pos: bool = False, extra_col: str = "") -> str:
    heads = (
        ["Référence", "Désignation", "Qté", "PU HT", "Total HT"]
        if lang == "fr"
        else ["SKU", "Description", "Qty", "Unit price", "Amount"]
    )
    if pos:
        heads = ["Pos.", *heads]
    if extra_col:
        heads.insert(-2, extra_col)
    th = "".join(
        f'<th class="{"r" if h in ("Qté", "PU HT", "Total HT", "Qty", "Unit price", "Amount") else ""}">{e(h)}</th>'
        for h in heads
    )
    rows = []
    for k, (ref, label, qty, price) in enumerate(doc.items):
        cells = [e(ref), e(label)]
        if extra_col:
            cells.append(e(doc.day.plus(14 + k).fr()))
        cells += [
            f'<td class="r">{qty}</td>',
            f'<td class="r">{money(price)}</td>',
            f'<td class="r">{money(qty * price)}</td>',
        ]
        if pos:
            cells.insert(0, f"{(k + 1) * 10:05d}")
        rows.append(
            "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"
        )
    ht, tva, ttc = doc.totals()
    words = (
        ("Total HT", "TVA 20 %", "Total TTC") if lang == "fr" else ("Subtotal", "VAT 20 %", "Total")
    )
    tot = (
        f'<table class="tot"><tr><td>{words[0]}</td><td class="r">{money(ht)} €</td></tr>'
        f'<tr><td>{words[1]}</td><td class="r">{money(tva)} €</td></tr>'
        f'<tr><td><b>{words[2]}</b></td><td class="r"><b>{money(ttc)} €</b></td></tr></table>'
    )
    return f'<table class="items"><thead><tr>{th}</tr></thead><tbody>{"".join(rows)}</tbody></table>{tot}'


def cust_ids(doc: Doc, sep: str = " · ") -> str:
    r = doc.rng
    parts = []
    if doc.siret_print:
        parts.append(r.choice(["SIRET ", "Siret : ", "N° SIRET : "]) + e(doc.siret_print))
    if doc.vat_print:
        parts.append(r.choice(["TVA intracom. ", "N° TVA : ", "TVA : ", "VAT "]) + e(doc.vat_print))
    if not doc.siret_print:
        parts.append(f"RCS {e(doc.cust.rcs_city)} {fmt_siren(doc.cust.siren, r)}")
    return sep.join(parts)


def own_lines(doc: Doc, ids: bool = True) -> str:
    r = doc.rng
    s = f"<b>{e(OWN.name)}</b><br>{e(OWN.street)}<br>{OWN.postcode} {e(OWN.city)}<br>Tél. {OWN.phone}"
    if ids:
        s += "<br>" + r.choice([f"SIRET {fmt_siret(OWN.siret, r)}", f"TVA {fmt_vat(OWN.vat, r)}"])
    return s


def cust_lines(doc: Doc) -> str:
    c = doc.cust
    return f"<b>{e(c.name)}</b><br>{e(c.street)}<br>{c.postcode} {e(c.city)}"


# --------------------------------------------------------------------------- web_shop


def web_shop(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    shop = [
        "LaboDirect Pro",
        "MesurePlace",
        "IndusMarket",
        "ProCapteurs.fr",
        "TechniStore B2B",
        "LaboDirect Pro",
    ][v % 6]
    title = [
        f"Commande n° {num(doc.printed)}",
        f"Order #{num(doc.printed)}",
        f"Récapitulatif de la commande {num(doc.printed)}",
        f"Commande #{num(doc.printed)}",
        f"Votre commande {num(doc.printed)} est confirmée",
        f"Commande {num(doc.printed)}",
    ][v % 6]
    _ht, _tva, ttc = doc.totals()
    css = """
.top { background: #f4f6f8; padding: 8pt 10pt; border-radius: 6pt; display: flex; justify-content: space-between; }
.brand { font-size: 16pt; font-weight: 700; color: #e4572e; }
h1 { font-size: 15pt; margin-top: 12pt; }
.cols { display: flex; gap: 14pt; margin-top: 8pt; }
.cols > div { flex: 1; border: 0.6pt solid #ddd; border-radius: 4pt; padding: 6pt; }
.cols h3 { margin: 0 0 3pt 0; font-size: 9pt; text-transform: uppercase; color: #888; }
"""
    boxes = "@bottom-center { content: 'Imprimé depuis votre espace client — page ' counter(page) ' / ' counter(pages); font-size: 7pt; color: #888; }"
    body = f"""
<div class="top"><div class="brand">{e(shop)}</div><div class="small">Imprimé le {doc.day.plus(r.randint(0, 2)).fr()} à {r.randint(8, 18)}:{r.randint(10, 59)}<br>Espace acheteur — {e(doc.email)}</div></div>
<h1>{title}</h1>
<div class="muted">Passée le {doc.day.long()} · Statut : {r.choice(["Payée", "En préparation", "Validée par le vendeur", "Paiement à 30 jours"])} · ID transaction {e(doc.refs["txn"])}</div>
<div class="cols">
 <div><h3>Vendeur</h3>{own_lines(doc)}</div>
 <div><h3>Acheteur</h3>{cust_lines(doc)}<br>{e(doc.contact_name)}<br>{cust_ids(doc, "<br>")}</div>
 <div><h3>Livraison</h3>{e(c.name)}<br>{e(c.street)}<br>{c.postcode} {e(c.city)}<br>Mode : {r.choice(["Standard 48h", "Express 24h", "Retrait dépôt"])}<br>Suivi : {e(doc.refs["tracking"])}</div>
</div>
{items_table(doc)}
<p class="small">Paiement : {r.choice(["carte •••• " + str(r.randint(1000, 9999)), "virement à 30 jours", "mandat administratif"])} · Montant réglé {money(ttc)} € · Code promo : {r.choice(["aucun", "PRO2026", "LABO10"])}</p>
<p class="small">{e(shop)} agit en qualité d'intermédiaire ; le vendeur émet la facture. Votre code client vendeur : {e(doc.refs["custcode"])}.</p>
"""
    return page(doc, body, css, page_boxes=boxes)


# --------------------------------------------------------------------------- web_saas_grid


def web_saas_grid(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    app = ["Axonaut", "Sellsy", "Pennylane", "Sage 100", "Axonaut", "EBP"][v % 6]
    head = ["Numéro", "N° BC", "Bon de commande", "Réf. commande", "N° commande", "Commande N°"][
        v % 6
    ]
    cols = [
        (head, num(doc.printed)),
        ("Date", doc.day.fr()),
        ("Code client", e(doc.refs["custcode"])),
        ("Votre devis", e(doc.refs["quote"])),
        ("Échéance", doc.day.plus(45).fr()),
    ]
    first = cols.pop(0)
    cols.insert(v % 3, first)
    css = """
.hdr { display: flex; justify-content: space-between; align-items: flex-start; }
.logo { width: 40pt; height: 40pt; border-radius: 20pt; background: #2d5d7b; color: #fff; font-size: 18pt; font-weight: 700; text-align: center; line-height: 40pt; }
table.grid { width: 100%; margin-top: 12pt; }
table.grid th { font-size: 8pt; color: #666; text-transform: uppercase; text-align: left; border-bottom: 1pt solid #999; padding: 2pt 4pt; }
table.grid td { font-size: 10.5pt; padding: 4pt 4pt; }
.doc-title { font-size: 20pt; font-weight: 300; letter-spacing: 1pt; }
"""
    grid = (
        '<table class="grid"><tr>'
        + "".join(f"<th>{e(h)}</th>" for h, _ in cols)
        + "</tr><tr>"
        + "".join(f"<td>{val}</td>" for _, val in cols)
        + "</tr></table>"
    )
    boxes = f"@bottom-left {{ content: {css_str(f'{c.name} — {c.form} au capital de {c.capital} — généré par {app}')}; font-size: 7pt; color: #999; }} @bottom-right {{ content: counter(page) '/' counter(pages); font-size: 7pt; }}"
    body = f"""
<div class="hdr">
 <div style="display:flex;gap:8pt"><div class="logo">{e(c.name[:1])}</div><div>{cust_lines(doc)}<br>{e(c.phone)}<br><span class="small">{cust_ids(doc)}</span></div></div>
 <div class="doc-title">BON DE COMMANDE</div>
</div>
{grid}
<div style="display:flex;gap:20pt;margin-top:12pt">
 <div style="flex:1"><div class="small">FOURNISSEUR</div>{own_lines(doc)}</div>
 <div style="flex:1"><div class="small">LIVRAISON</div>{e(c.name)}<br>Att. {e(doc.contact_name)}<br>{e(c.street)}<br>{c.postcode} {e(c.city)}</div>
</div>
{items_table(doc)}
<p class="small">Conditions de règlement : {r.choice(["45 jours fin de mois", "30 jours date de facture", "à réception"])} · Code fournisseur : {e(doc.refs["vendor"])} · Demande d'achat {e(doc.refs["da"])}</p>
<p class="small">Coordonnées bancaires : IBAN {spaced_iban(c.iban)} · BIC {c.bic}</p>
"""
    return page(doc, body, css, page_boxes=boxes)


# --------------------------------------------------------------------------- web_two_column


def web_two_column(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    label = [
        "Notre commande",
        "N/Réf.",
        "Notre réf. commande",
        "N° Cde",
        "Notre commande n°",
        "N/Réf. commande",
    ][v % 6]
    css = """
.band { background: #1f3a5f; color: #fff; padding: 8pt 12pt; font-size: 16pt; font-weight: 700; letter-spacing: 2pt; }
.two { display: flex; gap: 0; margin-top: 10pt; border: 0.8pt solid #1f3a5f; }
.two > div { flex: 1; padding: 6pt 8pt; }
.two > div + div { border-left: 0.8pt solid #1f3a5f; }
.two h2 { font-size: 9pt; margin: 0 0 4pt 0; color: #1f3a5f; text-transform: uppercase; }
.kv { width: 100%; }
.kv td { padding: 1.5pt 0; vertical-align: top; }
.kv td:first-child { color: #555; width: 48%; }
"""
    left = [
        (label, num(doc.printed)),
        ("Date", doc.day.fr()),
        ("Acheteur", e(doc.contact_name)),
        ("Demande d'achat", e(doc.refs["da"])),
        ("Affaire", e(doc.refs["affaire"])),
    ]
    right = [
        ("V/Réf.", e(doc.refs["quote"])),
        ("Votre code client", e(doc.refs["custcode"])),
        ("Code fournisseur", e(doc.refs["vendor"])),
        ("Contrat cadre", e(doc.refs["contract"])),
        ("Délai", doc.day.plus(25).fr()),
    ]
    k = v % 3
    left.insert(k, left.pop(0))

    def kv(rows: list[tuple[str, str]]) -> str:
        return (
            '<table class="kv">'
            + "".join(f"<tr><td>{e(a)} :</td><td>{b}</td></tr>" for a, b in rows)
            + "</table>"
        )

    boxes = f"@bottom-center {{ content: {css_str(f'{c.name} · {c.street} · {c.postcode} {c.city} · Standard {c.phone}')}; font-size: 7pt; color: #555; }}"
    body = f"""
<div class="band">{r.choice(["COMMANDE", "BON DE COMMANDE", "ORDRE D'ACHAT"])}</div>
<div class="two">
 <div><h2>Acheteur — émetteur</h2>{cust_lines(doc)}<br><span class="small">{cust_ids(doc, "<br>")}</span><br><br>{kv(left)}</div>
 <div><h2>Fournisseur</h2>{own_lines(doc)}<br><br>{kv(right)}</div>
</div>
<p>Adresse de livraison : {e(c.name)}, {r.choice(["magasin général", "bâtiment 4 — quai B", "atelier maintenance"])}, {e(c.street)}, {c.postcode} {e(c.city)}.</p>
{items_table(doc, extra_col="Délai")}
<p class="small">Toute facture ne rappelant pas notre référence de commande sera retournée. Pénalités de retard selon nos CGA (version {r.randint(3, 9)}.{r.randint(0, 9)}). Adresse de facturation : {e(c.name)}, service comptabilité fournisseurs, {e(c.street)}, {c.postcode} {e(c.city)}.</p>
"""
    return page(doc, body, css, page_boxes=boxes)


# --------------------------------------------------------------------------- web_sap_po


def web_sap_po(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    label = [
        "Numéro de BC",
        "N° de commande",
        "Commande d'achat n°",
        "Commande N°",
        "Numéro de commande",
        "N° BC",
    ][v % 6]
    dt = f"{doc.day.d:02d}.{doc.day.m:02d}.{doc.day.y}"
    css = """
body { font-size: 8.5pt; }
.frame { border: 0.8pt solid #000; }
.hd { display: flex; justify-content: space-between; }
.hd .box { border: 0.8pt solid #000; padding: 4pt 6pt; width: 45%; }
.box table td { padding: 1pt 3pt; }
.title { font-size: 14pt; font-weight: 700; margin: 8pt 0; }
"""
    boxes = (
        f"@top-right {{ content: {css_str(f'{label} {doc.printed}  /  Page ')} counter(page) ' de ' counter(pages); font-size: 8pt; }}"
        if v % 2 == 0
        else "@top-right { content: 'Page ' counter(page) ' de ' counter(pages); font-size: 8pt; }"
    )
    boxes += f" @bottom-left {{ content: {css_str(f'{c.name} · Siège : {c.street}, {c.postcode} {c.city} · Capital {c.capital}')}; font-size: 7pt; }}"
    body = f"""
<div class="hd">
 <div><div style="font-size:15pt;font-weight:700">{e(c.name)}</div>{e(c.street)}<br>{c.postcode} {e(c.city)}<br>{cust_ids(doc, "<br>")}</div>
 <div class="box"><table>
  <tr><td>{e(label)}</td><td><b>{num(doc.printed)}</b></td></tr>
  <tr><td>Date du document</td><td>{dt}</td></tr>
  <tr><td>N° fournisseur</td><td>{e(doc.refs["vendor"])}</td></tr>
  <tr><td>Interlocuteur</td><td>{e(doc.contact_name)} / {c.phone}</td></tr>
  <tr><td>Votre offre</td><td>{e(doc.refs["quote"])}</td></tr>
 </table></div>
</div>
<div class="title">Commande d'achat</div>
<div style="display:flex;gap:16pt"><div class="box" style="border:0.8pt solid #000;padding:4pt;flex:1">{own_lines(doc, ids=False)}</div>
<div style="flex:1">Adresse de livraison :<br>{e(c.name)} — Usine {e(c.city)}<br>Réception magasin, porte {r.randint(1, 12)}<br>{e(c.street)}<br>{c.postcode} {e(c.city)}</div></div>
<p>Conditions de paiement : {r.choice(["60 jours fin de mois le 10", "45 jours fin de mois", "30 jours net"])} · Incoterm : DAP · Acheteur : groupe {r.choice(["A12", "M03", "P20"])}</p>
{items_table(doc, pos=True)}
<p>Veuillez indiquer le numéro de commande sur toutes vos factures et tous vos bons de livraison. Factures à adresser exclusivement à : {e(c.name)}, Comptabilité fournisseurs, BP {r.randint(100, 999)}, {c.postcode} {e(c.city)} CEDEX.</p>
"""
    return page(doc, body, css, page_boxes=boxes, margin="18mm 14mm")


# --------------------------------------------------------------------------- web_artisan_title


def web_artisan_title(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    title = [
        f"BON DE CDE N° {num(doc.printed)}",
        f"Commande n° {num(doc.printed)}",
        f"BON DE COMMANDE {num(doc.printed)}",
        f"Commande {num(doc.printed)}",
        f"Bon n° {num(doc.printed)}",
        f"COMMANDE N° {num(doc.printed)}",
    ][v % 6]
    font = r.choice(["EB Garamond", "EB Garamond", "Lato", "Comic Neue"])
    css = """
h1 { font-size: 22pt; text-align: center; margin: 16pt 0; border-top: 1.5pt solid #444; border-bottom: 1.5pt solid #444; padding: 4pt 0; }
.ent { font-size: 13pt; font-weight: 700; }
"""
    boxes = "@bottom-right { content: counter(page); font-size: 8pt; }"
    body = f"""
<div style="display:flex;justify-content:space-between">
 <div><div class="ent">{e(c.name)}</div>{r.choice(["Plomberie — chauffage", "Maintenance industrielle", "Froid et climatisation", "Électricité générale", "Chaudronnerie"])}<br>{e(c.street)}<br>{c.postcode} {e(c.city)}<br>Tél. {c.phone} · Port. 06 {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}</div>
 <div style="text-align:right">{e(c.city)}, le {doc.day.long()}<br><br>{own_lines(doc, ids=False)}</div>
</div>
<h1>{title}</h1>
<p>Chantier : {r.choice(["chaufferie collège", "rénovation CTA bâtiment B", "client Dupuis", "atelier n°2", "station de relevage"])} — Réf. devis : {e(doc.refs["quote"])}</p>
{items_table(doc)}
<p>Livraison sur chantier : {e(c.street)}, {c.postcode} {e(c.city)} — merci de prévenir {e(doc.contact_name)} la veille.</p>
<p class="small">{cust_ids(doc)} · {c.form} au capital de {c.capital}</p>
<p style="margin-top:20pt">Signature : <span style="font-family:'Dancing Script';font-size:16pt">{e(doc.contact_name)}</span></p>
"""
    return page(doc, body, css, font=font, page_boxes=boxes, margin="18mm")


# --------------------------------------------------------------------------- web_dense_labels


def web_dense_labels(doc: Doc) -> str:
    _r, c, v = doc.rng, doc.cust, doc.variant
    label = ["N° Cde", "Cde n°", "N°de commande", "Commande N°", "Réf. commande", "Bon de cde"][
        v % 6
    ]
    pairs = [
        (label, num(doc.printed)),
        ("N° devis", e(doc.refs["quote"])),
        ("Code client", e(doc.refs["custcode"])),
        ("N° fourn.", e(doc.refs["vendor"])),
        ("N° DA", e(doc.refs["da"])),
        ("N° contrat", e(doc.refs["contract"])),
        ("N° affaire", e(doc.refs["affaire"])),
        ("Date cde", doc.day.fr()),
        ("Livraison le", doc.day.plus(18).fr()),
        ("Acheteur", e(doc.contact_name)),
        ("Tél.", c.phone),
        ("Fax", c.fax),
    ]
    first = pairs.pop(0)
    pairs.insert([0, 3, 5, 7, 1, 9][v % 6], first)
    css = """
body { font-size: 8.5pt; }
.kv { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2pt 10pt; border: 0.6pt solid #888; padding: 5pt; margin-top: 8pt; }
.kv div span:first-child { color: #444; }
.head { display: flex; justify-content: space-between; border-bottom: 2pt solid #7a3b2e; padding-bottom: 4pt; }
"""
    kv = (
        '<div class="kv">'
        + "".join(f"<div><span>{e(a)} :</span> <b>{b}</b></div>" for a, b in pairs)
        + "</div>"
    )
    boxes = "@bottom-right { content: 'p. ' counter(page) '/' counter(pages); font-size: 7pt; }"
    body = f"""
<div class="head"><div><span style="font-size:15pt;font-weight:700">{e(c.name)}</span><br>{e(c.street)} — {c.postcode} {e(c.city)}</div><div style="text-align:right;font-size:13pt;font-weight:700">BON DE COMMANDE<br><span class="small">{cust_ids(doc, "<br>")}</span></div></div>
{kv}
<div style="display:flex;gap:16pt;margin-top:8pt"><div style="flex:1"><b>Fournisseur :</b><br>{own_lines(doc)}</div><div style="flex:1"><b>Livrer à :</b><br>{e(c.name)}<br>{e(c.street)}<br>{c.postcode} {e(c.city)}<br>Horaires 7h30–11h45</div></div>
{items_table(doc)}
<p class="small">BL à joindre au colis. Facture en un exemplaire. Règlement : LCR à 60 jours. Banque : IBAN {spaced_iban(c.iban)} BIC {c.bic}.</p>
"""
    return page(doc, body, css, page_boxes=boxes, margin="14mm")


# --------------------------------------------------------------------------- negatives


def _our_header(doc: Doc, title: str, refs: list[tuple[str, str]]) -> str:
    r = doc.rng
    rows = "".join(f"<tr><td class='muted'>{e(a)}</td><td><b>{b}</b></td></tr>" for a, b in refs)
    return f"""
<div style="display:flex;justify-content:space-between">
 <div><div style="font-size:18pt;font-weight:700;color:#2d5d7b">SOLVIANE</div><div class="small">INSTRUMENTS · mesure &amp; contrôle</div>{own_lines(doc, ids=False)}</div>
 <div style="width:46%"><div style="font-size:16pt;font-weight:700">{e(title)}</div><table>{rows}</table>
 <div style="border:0.6pt solid #999;padding:5pt;margin-top:6pt">{cust_lines(doc)}<br>{r.choice(["À l'attention de ", "Att. "])}{e(doc.contact_name)}</div></div>
</div>"""


def _our_footer_box(doc: Doc) -> str:
    r = doc.rng
    return (
        "@bottom-center { content: "
        + css_str(
            f"{OWN.name} · SAS au capital de {OWN.capital} · RCS {OWN.rcs_city} {fmt_siren(OWN.siren, r)} · "
            f"SIRET {fmt_siret(OWN.siret, r)} · TVA {fmt_vat(OWN.vat, r)} · IBAN {spaced_iban(OWN.iban)} · BIC {OWN.bic}"
        )
        + "; font-size: 6.5pt; color: #555; }"
    )


def web_neg_facture(doc: Doc) -> str:
    refs = [
        ("Facture n°", e(doc.refs["invoice"])),
        ("Date", doc.day.fr()),
        ("Votre commande n°", num(doc.printed)),
        ("Bon de livraison", e(doc.refs["bl"])),
        ("Code client", e(doc.refs["custcode"])),
        ("Échéance", doc.day.plus(45).fr()),
    ]
    body = (
        _our_header(doc, "FACTURE", refs)
        + f"<p class='small'>Client : {cust_ids(doc)}</p>"
        + items_table(doc)
        + f"<p class='small'>Règlement par virement à réception, IBAN {spaced_iban(OWN.iban)}. Pénalités de retard : 3 fois le taux d'intérêt légal ; indemnité forfaitaire pour frais de recouvrement : 40 €.</p>"
    )
    return page(doc, body, page_boxes=_our_footer_box(doc))


def web_neg_bl(doc: Doc) -> str:
    refs = [
        ("BL n°", e(doc.refs["bl"])),
        ("Date d'expédition", doc.day.fr()),
        ("Votre cde", num(doc.printed)),
        ("Transporteur", doc.rng.choice(["DB Schenker", "Geodis", "Colissimo", "TNT"])),
        ("Colis", str(doc.rng.randint(1, 4))),
    ]
    rows = "".join(
        f"<tr><td>{e(ref)}</td><td>{e(label)}</td><td class='r'>{qty}</td><td class='r'>{qty}</td><td class='r'>0</td></tr>"
        for ref, label, qty, _ in doc.items
    )
    table = (
        "<table class='items'><thead><tr><th>Référence</th><th>Désignation</th><th class='r'>Commandé</th>"
        f"<th class='r'>Livré</th><th class='r'>Reliquat</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    body = (
        _our_header(doc, "BON DE LIVRAISON", refs)
        + f"<p>Livré à : {e(doc.cust.name)}, {e(doc.cust.street)}, {doc.cust.postcode} {e(doc.cust.city)}</p>"
        + table
        + "<p style='margin-top:20pt'>Reçu le : ........................ Signature et cachet du client :</p>"
        + f"<p class='small'>{cust_ids(doc)}</p>"
    )
    return page(doc, body, page_boxes=_our_footer_box(doc))


def web_neg_demande_prix(doc: Doc) -> str:
    r, c = doc.rng, doc.cust
    rows = "".join(
        f"<tr><td>{e(ref)}</td><td>{e(label)}</td><td class='r'>{qty}</td><td></td></tr>"
        for ref, label, qty, _ in doc.items
    )
    body = f"""
<div style="display:flex;justify-content:space-between"><div>{cust_lines(doc)}<br>{c.phone}<br><span class="small">{cust_ids(doc, "<br>")}</span></div><div>{own_lines(doc, ids=False)}</div></div>
<h1 style="margin-top:14pt">{r.choice(["DEMANDE DE PRIX", "DEMANDE DE DEVIS", "CONSULTATION"])} N° {e(doc.refs["rfq"])}</h1>
<p>Date : {doc.day.fr()} · Réponse attendue avant le {doc.day.plus(10).fr()} · Acheteur : {e(doc.contact_name)} ({e(doc.email)})</p>
<p>Merci de nous faire parvenir votre meilleure offre pour les articles suivants, en précisant délai, port et validité. <b>Ceci n'est pas une commande.</b></p>
<table class="items"><thead><tr><th>Réf.</th><th>Désignation</th><th class="r">Qté</th><th>Prix proposé</th></tr></thead><tbody>{rows}</tbody></table>
<p class="small">Code fournisseur : {e(doc.refs["vendor"])} · Demande d'achat interne {e(doc.refs["da"])}</p>
"""
    return page(doc, body)


def web_neg_releve(doc: Doc) -> str:
    r, _c = doc.rng, doc.cust
    lines = []
    bal = 0.0
    for k in range(r.randint(4, 7)):
        amt = round(r.uniform(120, 4800), 2)
        paid = k % 3 == 2
        bal += 0 if paid else amt
        lines.append(
            f"<tr><td>{doc.day.plus(-90 + 12 * k).fr()}</td><td>F{r.randint(2026000, 2026999)}</td><td>{e(doc.refs['olds'][k % len(doc.refs['olds'])])}</td>"
            f"<td class='r'>{money(amt)}</td><td class='r'>{'réglée' if paid else ''}</td></tr>"
        )
    body = f"""
<div style="display:flex;justify-content:space-between"><div>{cust_lines(doc)}<br>Comptabilité fournisseurs<br><span class="small">{cust_ids(doc, "<br>")}</span></div><div>{own_lines(doc, ids=False)}</div></div>
<h1 style="margin-top:14pt">Relevé de compte fournisseur</h1>
<p>Compte {e(doc.refs["vendor"])} — arrêté au {doc.day.fr()} · Contact : {e(doc.contact_name)}</p>
<table class="items"><thead><tr><th>Date</th><th>Votre facture</th><th>Notre commande</th><th class="r">Montant TTC</th><th class="r">État</th></tr></thead><tbody>{"".join(lines)}</tbody></table>
<p>Solde en votre faveur : <b>{money(bal)} €</b>. Règlement prévu par virement le {doc.day.plus(15).fr()}. Ce relevé n'appelle aucune commande.</p>
"""
    return page(doc, body)


BUILDERS = {
    "web_shop": web_shop,
    "web_saas_grid": web_saas_grid,
    "web_two_column": web_two_column,
    "web_sap_po": web_sap_po,
    "web_artisan_title": web_artisan_title,
    "web_dense_labels": web_dense_labels,
    "neg_facture": web_neg_facture,
    "neg_bl": web_neg_bl,
    "neg_demande_prix": web_neg_demande_prix,
    "neg_releve": web_neg_releve,
}
