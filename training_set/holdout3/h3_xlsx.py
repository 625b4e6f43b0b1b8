"""Holdout3 — spreadsheet documents (openpyxl .xlsx, printed to PDF by LibreOffice Calc).

Small firms very often send orders typed in Excel. Each builder writes one .xlsx and returns
the labels it printed: {"order": label or "", "vat": ... or "", "siret": ... or "",
"must_print": [strings that must be in the text layer]}.
"""

from __future__ import annotations

import random

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins

import h3_data as D

THIN = Side(style="thin", color="000000")
HAIR = Side(style="hair", color="808080")
MED = Side(style="medium", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOXM = Border(left=MED, right=MED, top=MED, bottom=MED)


def _wb(font: str, widths: list[float]):
    wb = Workbook()
    ws = wb.active
    ws.title = "Commande"
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(65 + i)].width = w
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.sheet_view.showGridLines = False
    ws.print_options.gridLines = False
    return wb, ws


def _put(ws, ref, value, font=None, size=10, bold=False, italic=False, color="000000", align=None,
         fill=None, border=None, wrap=False, valign="center"):
    c = ws[ref]
    if isinstance(value, float):  # French number formatting, as typed text
        value = D.money(value)
    c.value = value
    c.font = Font(name=font, size=size, bold=bold, italic=italic, color=color)
    c.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=wrap)
    if fill:
        c.fill = PatternFill("solid", fgColor=fill)
    if border:
        c.border = border
    return c


def _box_range(ws, rng_ref: str, border=BOX):
    for row in ws[rng_ref]:
        for c in row:
            c.border = border


def _cust_ids(rng: random.Random, cust: D.Party):
    """Which customer identifiers this document prints (labels) and how."""
    show_vat = rng.random() < 0.75
    show_siret = rng.random() < 0.7
    return show_vat, show_siret


def _items(ws, rng, font, row, lines, cols, header_fill, money_fmt=True, ref_first=True):
    heads = ["Réf.", "Désignation", "Qté", "Unité", "P.U. HT", "Montant HT"]
    for i, h in enumerate(heads):
        _put(ws, f"{cols[i]}{row}", h, font, 9, bold=True, fill=header_fill, border=BOX, align="center")
    row += 1
    for ln in lines:
        vals = [ln["ref"], ln["label"], ln["qty"], ln["unit"], ln["price"], ln["total"]]
        for i, v in enumerate(vals):
            c = _put(ws, f"{cols[i]}{row}", v, font, 9, border=BOX,
                     align="left" if i < 2 else ("center" if i == 3 else "right"))
            if i in (4, 5):
                c.number_format = '#,##0.00 "€"'
        row += 1
    return row


def _totals(ws, font, row, lines, col_label, col_val, rate=0.2):
    ht = round(sum(l["total"] for l in lines), 2)
    tva = round(ht * rate, 2)
    for lab, v, b in (("Total HT", ht, False), (f"TVA {int(rate * 100)} %", tva, False), ("Total TTC", ht + tva, True)):
        _put(ws, f"{col_label}{row}", lab, font, 10, bold=b, border=BOX, align="right")
        c = _put(ws, f"{col_val}{row}", round(v, 2), font, 10, bold=b, border=BOX, align="right")
        c.number_format = '#,##0.00 "€"'
        row += 1
    return row, ht


# ---------------------------------------------------------------------------------------------
def xls_bdc_pme(path, rng: random.Random, cust: D.Party, own: D.Party, printed: str, label: str):
    """Small-firm Excel order form: logo-ish name top-left, boxed "N° BDC" label:value top-right."""
    font = rng.choice(["Carlito", "Liberation Sans", "DejaVu Sans"])
    wb, ws = _wb(font, [14, 36, 7, 7, 17, 15])
    accent = rng.choice(["1F4E79", "375623", "833C0B", "7030A0"])
    _put(ws, "A1", cust.name.upper(), font, 15, bold=True, color=accent)
    _put(ws, "A2", cust.street, font, 9)
    _put(ws, "A3", cust.cityline, font, 9)
    _put(ws, "A4", f"Tél. {cust.phone} – Fax {cust.fax}", font, 9)
    _put(ws, "A5", cust.email, font, 9, color="0563C1")
    lab = rng.choice(["N° BDC", "N° de commande", "Bon de commande n°", "N° Cde"])
    _put(ws, "E1", "BON DE COMMANDE", font, 13, bold=True, align="center")
    ws.merge_cells("E1:F1")
    _put(ws, "E2", lab, font, 9, bold=True, border=BOX, fill="F2F2F2")
    _put(ws, "F2", printed, font, 10, bold=True, border=BOX, align="center")
    date = D.date_fr(rng)
    _put(ws, "E3", "Date", font, 9, bold=True, border=BOX, fill="F2F2F2")
    _put(ws, "F3", date, font, 10, border=BOX, align="center")
    _put(ws, "E4", "Code fournisseur", font, 9, bold=True, border=BOX, fill="F2F2F2")
    _put(ws, "F4", D.supplier_code(rng), font, 10, border=BOX, align="center")
    # supplier block
    _put(ws, "D7", "Fournisseur :", font, 9, bold=True)
    for i, t in enumerate([own.name, own.street, own.cityline, f"Tél. {own.phone}", f"À l'attention de : {own.contact}"]):
        _put(ws, f"D{8 + i}", t, font, 10 if i == 0 else 9, bold=i == 0)
    _put(ws, "A7", "Adresse de livraison :", font, 9, bold=True)
    liv_pc, liv_city = rng.choice(D.CITIES)
    for i, t in enumerate([cust.name, f"Quai n° {rng.randint(1, 9)} – {D.STREETS[rng.randint(0, 17)]}", f"{liv_pc} {liv_city.upper()}",
                           f"Contact : {cust.contact} {D.phone(rng, liv_pc)}"]):
        _put(ws, f"A{8 + i}", t, font, 9)
    q = D.quote_no(rng)
    _put(ws, "A14", f"Suivant votre devis n° {q} du {D.date_fr(rng, 8, 10)}", font, 9, italic=True)
    _put(ws, "A15", f"Notre code client chez vous : {D.customer_code(rng)}", font, 9, italic=True)
    lines = D.lines(rng, rng.randint(3, 7))
    row = _items(ws, rng, font, 17, lines, "ABCDEF", "D9E1F2")
    row, ht = _totals(ws, font, row + 1, lines, "E", "F")
    row += 1
    _put(ws, f"A{row}", f"Livraison souhaitée le {D.date_fr(rng, 11, 12)} – franco de port.", font, 9)
    _put(ws, f"A{row + 1}", "Merci de rappeler le numéro de commande sur le BL et la facture.", font, 9, bold=True)
    _put(ws, f"A{row + 2}", "Règlement : 45 jours fin de mois par virement.", font, 9)
    _put(ws, f"D{row + 4}", "Signature et cachet :", font, 9, bold=True)
    _box_range(ws, f"D{row + 5}:F{row + 9}")
    show_vat, show_siret = _cust_ids(rng, cust)
    foot = [f"{cust.name} – capital {cust.capital} € – RCS {cust.rcs} {D.fmt_siren(cust.siren)}"]
    ids = []
    if show_siret:
        ids.append(f"SIRET {D.fmt_siret(cust.siret, rng.randint(0, 2))}")
    if show_vat:
        ids.append(f"TVA intracom. {D.fmt_vat(cust.vat, rng.randint(0, 1))}")
    ids.append(f"APE {cust.naf}")
    foot.append(" – ".join(ids))
    foot.append(f"IBAN {cust.iban} – BIC {cust.bic}")
    for i, t in enumerate(foot):
        _put(ws, f"A{row + 11 + i}", t, font, 7, color="595959")
    wb.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


def xls_grid_header(path, rng, cust, own, printed, label):
    """Order whose references sit in a grid: header row, values on the row below."""
    font = rng.choice(["Liberation Sans", "Carlito", "Nimbus Sans"])
    wb, ws = _wb(font, [13, 15, 13, 15, 13, 15])
    _put(ws, "A1", cust.name, font, 14, bold=True)
    _put(ws, "A2", f"{cust.street} – {cust.cityline}", font, 9)
    _put(ws, "A3", f"Standard {cust.phone} – Télécopie {cust.fax}", font, 9)
    _put(ws, "D1", rng.choice(["COMMANDE FOURNISSEUR", "ORDRE D'ACHAT", "BON DE COMMANDE"]), font, 14, bold=True, align="right")
    ws.merge_cells("D1:F1")
    _put(ws, "D3", "Destinataire :", font, 9, bold=True)
    for i, t in enumerate([own.name, own.street, own.cityline, f"Fax {own.fax}"]):
        _put(ws, f"D{4 + i}", t, font, 10 if i == 0 else 9, bold=i == 0)
    heads = [rng.choice(["N° commande", "N° Commande", "Commande N°", "Réf. commande"]), "Date", "Code client",
             "Votre devis", "Demande d'achat", "Acheteur"]
    vals = [printed, D.date_fr(rng), D.customer_code(rng), D.quote_no(rng), D.requisition(rng), cust.initials]
    order_idx = 0
    if rng.random() < 0.5:  # number not always in the first column
        order_idx = rng.choice([1, 2])
        heads.insert(order_idx, heads.pop(0))
        vals.insert(order_idx, vals.pop(0))
    fill = rng.choice(["BFBFBF", "DDEBF7", "E2EFDA", "FCE4D6"])
    for i, (h, v) in enumerate(zip(heads, vals)):
        col = "ABCDEF"[i]
        _put(ws, f"{col}10", h, font, 8, bold=True, fill=fill, border=BOX, align="center", wrap=True)
        _put(ws, f"{col}11", v, font, 10, bold=(i == order_idx), border=BOX, align="center")
    lines = D.lines(rng, rng.randint(4, 8))
    ws.column_dimensions["B"].width = 15
    _put(ws, "A13", "Réf.", font, 9, bold=True, fill=fill, border=BOX)
    _put(ws, "B13", "Désignation", font, 9, bold=True, fill=fill, border=BOX)
    ws.merge_cells("B13:C13")
    for i, h in enumerate(["Qté", "P.U. HT", "Total HT"]):
        _put(ws, f"{'DEF'[i]}13", h, font, 9, bold=True, fill=fill, border=BOX, align="center")
    r = 14
    for ln in lines:
        _put(ws, f"A{r}", ln["ref"], font, 9, border=BOX)
        _put(ws, f"B{r}", ln["label"], font, 8, border=BOX, wrap=True)
        ws.merge_cells(f"B{r}:C{r}")
        ws.row_dimensions[r].height = 24
        _put(ws, f"D{r}", ln["qty"], font, 9, border=BOX, align="center")
        c = _put(ws, f"E{r}", ln["price"], font, 9, border=BOX, align="right"); c.number_format = "#,##0.00"
        c = _put(ws, f"F{r}", ln["total"], font, 9, border=BOX, align="right"); c.number_format = "#,##0.00"
        r += 1
    r, ht = _totals(ws, font, r + 1, lines, "E", "F")
    show_vat, show_siret = _cust_ids(rng, cust)
    r += 1
    _put(ws, f"A{r}", f"Conditions : {rng.choice(['30 jours net', '45 jours fin de mois', 'LCR à 60 jours'])} – "
         f"Livraison : {rng.choice(['franco', 'port dû', 'départ usine'])}", font, 9)
    _put(ws, f"A{r + 1}", "Toute facture ne mentionnant pas notre numéro de commande sera retournée.", font, 9, italic=True)
    _put(ws, f"A{r + 2}", "Adresse de facturation : service comptabilité fournisseurs, même adresse.", font, 9)
    parts = [f"{cust.name}"]
    if show_siret:
        parts.append(f"SIRET : {D.fmt_siret(cust.siret, rng.randint(0, 1))}")
    else:
        parts.append(f"SIREN : {D.fmt_siren(cust.siren)}")
    if show_vat:
        parts.append(f"N° TVA : {D.fmt_vat(cust.vat)}")
    _put(ws, f"A{r + 4}", " – ".join(parts), font, 7, color="404040")
    _put(ws, f"A{r + 5}", f"Banque : IBAN {cust.iban}  BIC {cust.bic}", font, 7, color="404040")
    wb.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


def xls_sap_po(path, rng, cust, own, printed, label):
    """ERP (SAP-like) export to Excel: long order on 2-3 pages, header rows repeated on every
    printed page (print titles), French or English."""
    font = rng.choice(["Nimbus Sans", "Liberation Sans", "DejaVu Sans"])
    english = rng.random() < 0.4
    wb, ws = _wb(font, [8, 14, 40, 8, 12, 14])
    title = "Purchase order" if english else rng.choice(["Commande d'achat", "Bon de commande"])
    _put(ws, "A1", f"{title} {printed}", font, 14, bold=True)
    ws.merge_cells("A1:D1")
    _put(ws, "E1", cust.name, font, 9, bold=True, align="right")
    ws.merge_cells("E1:F1")
    pl = ["Date", "Order no.", "Vendor", "Page"] if english else ["Date", "N° commande", "Fournisseur n°", "Page"]
    _put(ws, "A2", f"{pl[1]} : {printed}", font, 9)
    ws.merge_cells("A2:C2")
    _put(ws, "E2", f"{pl[0]} : {D.date_fr(rng)}", font, 9, align="right")
    ws.merge_cells("E2:F2")
    hdr = ["Pos.", "Material", "Description", "Qty", "Net price", "Net value"] if english else \
        ["Poste", "Article", "Désignation", "Qté", "Prix net", "Valeur nette"]
    for i, h in enumerate(hdr):
        _put(ws, f"{'ABCDEF'[i]}3", h, font, 9, bold=True, fill="D9D9D9", border=Border(bottom=MED))
    ws.print_title_rows = "1:3"
    ws.oddFooter.center.text = ("Page &P / &N" if english else "Page &P sur &N")
    ws.oddFooter.center.font = font
    r = 5
    blocks = [
        ("Buyer" if english else "Acheteur", [cust.name, cust.street, cust.cityline, f"{cust.contact} – {cust.phone}", cust.email]),
        ("Vendor" if english else "Fournisseur", [own.name, own.street, own.cityline, f"{pl[2]} {D.supplier_code(rng).replace('F', '')}",
                                                  f"TVA {own.vat}"]),
    ]
    for k, (t, ls) in enumerate(blocks):
        col = "A" if k == 0 else "D"
        _put(ws, f"{col}{r}", t, font, 9, bold=True)
        for i, l in enumerate(ls):
            _put(ws, f"{col}{r + 1 + i}", l, font, 9)
    r += 8
    show_vat, show_siret = _cust_ids(rng, cust)
    info = [("Your quotation" if english else "Votre offre", D.quote_no(rng)),
            ("Purchasing group" if english else "Groupe d'acheteurs", f"{rng.choice(['A', 'P', 'M'])}{rng.randint(10, 99)}"),
            ("Plant" if english else "Division", f"{rng.randint(1000, 9999)}"),
            ("Terms of payment" if english else "Conditions de paiement", rng.choice(["Z045", "60 jours date de facture", "45 JFM"])),
            ("Incoterm", rng.choice(["DAP", "FCA", "DDP"]) + " " + cust.city)]
    if rng.random() < 0.6:
        info.append(("Contract" if english else "Contrat", D.contract(rng)))
    if show_vat:
        info.append(("Our VAT reg. no." if english else "Notre n° TVA", cust.vat))
    if show_siret:
        info.append(("Our SIRET" if english else "Notre SIRET", cust.siret))
    for k, v in info:
        _put(ws, f"A{r}", k, font, 9, bold=True)
        _put(ws, f"C{r}", v, font, 9)
        r += 1
    r += 1
    n = rng.randint(22, 40)
    total = 0.0
    for i in range(n):
        art = D.ARTICLES[rng.randrange(len(D.ARTICLES))]
        q = rng.choice([1, 2, 5, 10, 20])
        p = round(art[2] * rng.uniform(0.9, 1.1), 2)
        _put(ws, f"A{r}", f"{(i + 1) * 10:05d}", font, 9)
        _put(ws, f"B{r}", f"{rng.randint(10000000, 19999999)}", font, 9)
        _put(ws, f"C{r}", art[0], font, 9)
        _put(ws, f"D{r}", f"{q} {art[1].upper()[:2]}", font, 9, align="right")
        c = _put(ws, f"E{r}", p, font, 9, align="right"); c.number_format = "#,##0.00"
        c = _put(ws, f"F{r}", round(p * q, 2), font, 9, align="right"); c.number_format = "#,##0.00"
        total += round(p * q, 2)
        r += 1
        _put(ws, f"C{r}", ("Delivery date " if english else "Date de livraison ") + D.date_fr(rng, 11, 12), font, 8, italic=True, color="595959")
        r += 1
    r += 1
    _put(ws, f"C{r}", "Total net value excl. VAT" if english else "Valeur totale nette HT", font, 10, bold=True)
    _put(ws, f"F{r}", D.money(total) + " EUR", font, 10, bold=True, align="right")
    r += 2
    note = ("Please quote our purchase order number on all delivery notes and invoices." if english else
            "Le numéro de commande doit figurer sur tous les bons de livraison et factures.")
    _put(ws, f"A{r}", note, font, 9, bold=True)
    _put(ws, f"A{r + 1}", f"{cust.name} – RCS {cust.rcs} {D.fmt_siren(cust.siren)} – IBAN {cust.iban}", font, 7)
    wb.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


def xls_quick_order(path, rng, cust, own, printed, label):
    """Artisan's bare Excel order: the number only in the big title line."""
    font = rng.choice(["Caladea", "Liberation Serif", "Carlito", "URW Bookman"])
    wb, ws = _wb(font, [42, 10, 12, 14])
    ws.print_options.gridLines = rng.random() < 0.5  # some people print the grid
    _put(ws, "A1", rng.choice([f"COMMANDE N° {printed}", f"Commande {printed}", f"BON DE COMMANDE {printed}"]),
         font, 16, bold=True)
    ws.merge_cells("A1:D1")
    _put(ws, "A3", cust.name, font, 11, bold=True)
    _put(ws, "A4", cust.street, font, 10)
    _put(ws, "A5", cust.cityline, font, 10)
    _put(ws, "A6", f"Tél : {cust.phone}   Port. : 06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}", font, 10)
    show_vat, show_siret = rng.random() < 0.5, rng.random() < 0.6
    r = 7
    if show_siret:
        _put(ws, f"A{r}", f"Siret : {D.fmt_siret(cust.siret, 1)}", font, 10); r += 1
    if show_vat:
        _put(ws, f"A{r}", f"N° TVA : {cust.vat}", font, 10); r += 1
    _put(ws, "C3", "À :", font, 10, bold=True)
    _put(ws, "C4", own.name, font, 10)
    _put(ws, "C5", own.cityline, font, 10)
    _put(ws, "C6", f"Fax : {own.fax}", font, 10)
    r = max(r, 8) + 1
    _put(ws, f"A{r}", f"Le {D.date_long(rng)},", font, 10)
    _put(ws, f"A{r + 1}", f"Merci de nous livrer, suite à votre devis {D.quote_no(rng)} :", font, 10)
    r += 3
    for i, h in enumerate(["Désignation", "Quantité", "Prix HT", "Total"]):
        _put(ws, f"{'ABCD'[i]}{r}", h, font, 10, bold=True, border=Border(bottom=THIN))
    r += 1
    for ln in D.lines(rng, rng.randint(2, 5)):
        _put(ws, f"A{r}", f"{ln['label']} (réf. {ln['ref']})", font, 10)
        _put(ws, f"B{r}", ln["qty"], font, 10, align="center")
        c = _put(ws, f"C{r}", ln["price"], font, 10); c.number_format = "0.00"
        c = _put(ws, f"D{r}", ln["total"], font, 10); c.number_format = "0.00"
        r += 1
    r += 1
    _put(ws, f"A{r}", "À livrer sur le chantier : " + rng.choice(["Résidence Les Tilleuls", "École Jules Ferry", "Lotissement du Parc", "Mairie annexe"]) +
         f", {rng.choice(D.CITIES)[0]}", font, 10)
    _put(ws, f"A{r + 1}", "Facture à envoyer par mail svp. Cordialement,", font, 10)
    _put(ws, f"A{r + 3}", cust.contact, font, 11, italic=True)
    wb.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


# --------------------------------------------------------------------------------- negatives
def neg_demande_prix(path, rng, cust, own, printed, label):
    """Customer's request for quotation: a consultation number, no order number."""
    font = rng.choice(["Carlito", "Liberation Sans"])
    wb, ws = _wb(font, [14, 40, 10, 14, 14])
    dp = rng.choice([f"DP-26-{rng.randint(100, 999)}", f"CONS/2026/{rng.randint(10, 99):03d}", f"RFQ-{rng.randint(26000, 26999)}"])
    _put(ws, "A1", cust.name, font, 13, bold=True)
    _put(ws, "A2", f"{cust.street}, {cust.cityline}", font, 9)
    _put(ws, "A3", f"Tél. {cust.phone}", font, 9)
    _put(ws, "D1", "DEMANDE DE PRIX", font, 14, bold=True, align="right")
    ws.merge_cells("D1:E1")
    _put(ws, "D2", f"Consultation n° {dp}", font, 10, bold=True, align="right")
    ws.merge_cells("D2:E2")
    _put(ws, "D3", f"du {D.date_fr(rng)}", font, 9, align="right")
    ws.merge_cells("D3:E3")
    _put(ws, "A5", f"À l'attention de : {own.name} – {own.cityline} – {own.email}", font, 9)
    _put(ws, "A7", "Madame, Monsieur, merci de nous faire parvenir votre meilleure offre de prix et délai pour :", font, 10)
    r = 9
    for i, h in enumerate(["Article", "Désignation", "Qté", "Prix unit. HT", "Délai"]):
        _put(ws, f"{'ABCDE'[i]}{r}", h, font, 9, bold=True, fill="EDEDED", border=BOX)
    r += 1
    for ln in D.lines(rng, rng.randint(3, 6)):
        for i, v in enumerate([ln["ref"], ln["label"], ln["qty"], "", ""]):
            _put(ws, f"{'ABCDE'[i]}{r}", v, font, 9, border=BOX)
        r += 1
    show_siret = rng.random() < 0.5
    _put(ws, f"A{r + 1}", f"Réponse souhaitée avant le {D.date_fr(rng, 11, 12)}. Ceci n'est pas une commande.", font, 10, bold=True)
    _put(ws, f"A{r + 2}", f"Contact achats : {cust.contact} – {cust.email}", font, 9)
    if show_siret:
        _put(ws, f"A{r + 4}", f"{cust.name} – SIRET {cust.siret} – APE {cust.naf}", font, 7)
    wb.save(path)
    return {"order": "", "vat": "", "siret": cust.siret if show_siret else "", "must_print": [dp]}


def neg_facture(path, rng, cust, own, printed, label):
    """Our own invoice to the customer: quotes the customer's order number as a reference."""
    font = rng.choice(["Liberation Sans", "Nimbus Sans", "Carlito"])
    wb, ws = _wb(font, [14, 36, 8, 12, 14])
    inv = f"FA26-{rng.randint(10000, 19999)}"
    _put(ws, "A1", own.name, font, 14, bold=True, color="1F4E79")
    _put(ws, "A2", f"{own.street} – {own.cityline}", font, 9)
    _put(ws, "A3", f"Tél. {own.phone} – {own.email}", font, 9)
    _put(ws, "D1", "FACTURE", font, 16, bold=True, align="right")
    ws.merge_cells("D1:E1")
    _put(ws, "D2", f"N° {inv}", font, 10, bold=True, align="right")
    ws.merge_cells("D2:E2")
    _put(ws, "D3", f"Date : {D.date_fr(rng)}", font, 9, align="right")
    ws.merge_cells("D3:E3")
    for i, t in enumerate(["Client :", cust.name, cust.street, cust.cityline]):
        _put(ws, f"C{5 + i}", t, font, 10, bold=i < 2)
    _put(ws, "A10", f"Code client : {D.customer_code(rng)}", font, 9)
    _put(ws, "A11", f"Votre commande n° {printed} du {D.date_fr(rng, 9, 10)}", font, 9)
    _put(ws, "A12", f"BL n° BL26-{rng.randint(10000, 19999)} – N/Réf. devis {D.quote_no(rng)}", font, 9)
    _put(ws, "A13", f"N° TVA intracommunautaire client : {cust.vat}", font, 9)
    lines = D.lines(rng, rng.randint(2, 6))
    r = 15
    for i, h in enumerate(["Réf.", "Désignation", "Qté", "P.U. HT", "Total HT"]):
        _put(ws, f"{'ABCDE'[i]}{r}", h, font, 9, bold=True, fill="DDEBF7", border=BOX)
    r += 1
    for ln in lines:
        for i, v in enumerate([ln["ref"], ln["label"], ln["qty"], ln["price"], ln["total"]]):
            c = _put(ws, f"{'ABCDE'[i]}{r}", v, font, 9, border=BOX)
            if i >= 3:
                c.number_format = "#,##0.00"
        r += 1
    r, ht = _totals(ws, font, r + 1, lines, "D", "E")
    _put(ws, f"A{r + 1}", f"Échéance : {D.date_fr(rng, 12, 12)} – Règlement par virement : IBAN {own.iban} – BIC {own.bic}", font, 8)
    _put(ws, f"A{r + 2}", "Pénalités de retard : 3 fois le taux d'intérêt légal ; indemnité forfaitaire de recouvrement 40 €.", font, 7)
    _put(ws, f"A{r + 3}", f"{own.name} – capital {own.capital} € – SIRET {own.siret} – TVA {own.vat} – APE {own.naf}", font, 7)
    wb.save(path)
    return {"order": "", "vat": cust.vat, "siret": "", "must_print": [inv, printed]}
