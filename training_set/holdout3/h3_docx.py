"""Holdout3 — word-processor documents (python-docx .docx, printed to PDF by LibreOffice Writer).

Each builder writes one .docx and returns the labels it printed (see h3_xlsx).
"""

from __future__ import annotations


from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

import h3_data as D

RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
CENTER = WD_ALIGN_PARAGRAPH.CENTER


def _doc(font: str, size: float = 10, margins=(2.0, 1.8, 1.6, 1.6)):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    st.paragraph_format.space_after = Pt(2)
    st.paragraph_format.space_before = Pt(0)
    for sec in doc.sections:
        sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
        sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = (Cm(m) for m in margins)
    return doc


def _p(container, text="", size=None, bold=False, italic=False, align=None, color=None, font=None, after=None):
    p = container.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if font:
            r.font.name = font
    if align is not None:
        p.alignment = align
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def _run(p, text, bold=False, size=None, italic=False, color=None):
    r = p.add_run(text)
    r.bold, r.italic = bold, italic
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    return r


def _shade(cell, hex_fill):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tcPr.append(shd)


def _cell(cell, text, bold=False, size=None, align=None, italic=False):
    cell.text = ""
    p = cell.paragraphs[0]
    for i, line in enumerate(str(text).split("\n")):
        if i:
            p = cell.add_paragraph()
        _run(p, line, bold=bold, size=size, italic=italic)
        if align is not None:
            p.alignment = align
    return cell


def _widths(table, cms):
    table.autofit = False
    grid = table._tbl.tblGrid
    for i, gc in enumerate(grid.findall(qn("w:gridCol"))):
        if i < len(cms):
            gc.set(qn("w:w"), str(int(cms[i] * 567)))
    for row in table.rows:
        for i, w in enumerate(cms):
            row.cells[i].width = Cm(w)


def _items_table(doc, rng, lines, fill, size=9):
    t = doc.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    for i, h in enumerate(["Référence", "Désignation", "Qté", "U", "PU HT", "Total HT"]):
        _cell(t.rows[0].cells[i], h, bold=True, size=size)
        _shade(t.rows[0].cells[i], fill)
    for ln in lines:
        cells = t.add_row().cells
        for i, v in enumerate([ln["ref"], ln["label"], ln["qty"], ln["unit"], D.money(ln["price"]), D.money(ln["total"])]):
            _cell(cells[i], v, size=size, align=RIGHT if i in (2, 4, 5) else None)
    _widths(t, [2.6, 7.4, 1.2, 1.0, 2.2, 2.6])
    ht = round(sum(l["total"] for l in lines), 2)
    return ht


def _totals_par(doc, ht, size=10):
    p = _p(doc, align=RIGHT)
    _run(p, f"Total HT : {D.money(ht)} €   TVA 20 % : {D.money(ht * 0.2)} €   ", size=size)
    _run(p, f"Total TTC : {D.money(ht * 1.2)} €", bold=True, size=size)


def _ids(rng, p_vat=0.7, p_siret=0.7):
    return rng.random() < p_vat, rng.random() < p_siret


# -------------------------------------------------------------------------------------- letter
def docx_lettre(path, rng, cust, own, printed, label):
    """Business letter: the number only in a sentence ("nous vous passons commande n° …")."""
    font = rng.choice(["Liberation Serif", "C059", "P052", "Caladea", "DejaVu Serif"])
    doc = _doc(font, 11, (2.5, 2.0, 2.2, 2.0))
    _p(doc, cust.name, 14, bold=True, after=0)
    _p(doc, cust.street, 9, after=0)
    _p(doc, f"{cust.cityline} – Tél. {cust.phone}", 9, after=12)
    for t in [own.name, f"À l'attention de {D.person(rng)[0]}", "Service commercial", own.street, own.cityline]:
        p = _p(doc, t, after=0)
        p.paragraph_format.left_indent = Cm(9)
    _p(doc, "", after=6)
    p = _p(doc, f"{cust.city}, le {D.date_long(rng)}", align=RIGHT, after=10)
    q = D.quote_no(rng)
    p = _p(doc, after=0)
    _run(p, "Objet : ", bold=True)
    _run(p, rng.choice(["Commande de fournitures", "Commande", "Confirmation de notre commande téléphonique",
                        f"Votre offre {q}"]))
    p = _p(doc, after=10)
    _run(p, "V/Réf. : ", bold=True)
    _run(p, f"{q}   ")
    _run(p, "N/Réf. : ", bold=True)
    _run(p, f"{cust.initials}/{rng.choice(['ADM', 'ACH', 'TEC'])}/{rng.randint(100, 999)}")
    _p(doc, rng.choice(["Madame, Monsieur,", "Monsieur,", "Madame,"]), after=8)
    tmpl = rng.choice([
        "Suite à votre offre {q}, nous vous passons commande n° {n} pour les articles ci-dessous, aux conditions de votre proposition.",
        "Nous avons le plaisir de vous confirmer notre commande n° {n}, conformément à votre devis {q} du {d}.",
        "Veuillez trouver ci-dessous notre commande {n} concernant les fournitures suivantes.",
        "Par la présente, nous vous passons commande (notre référence {n}) des articles listés ci-après, selon votre devis {q}.",
    ])
    _p(doc, tmpl.format(n=printed, q=q, d=D.date_fr(rng, 8, 10)), after=8).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ht = _items_table(doc, rng, D.lines(rng, rng.randint(2, 5)), rng.choice(["E7E6E6", "DEEAF6", "FFF2CC"]))
    _totals_par(doc, ht)
    _p(doc, f"La livraison est attendue au plus tard le {D.date_fr(rng, 11, 12)} à l'adresse suivante : "
         f"{rng.choice(['magasin central', 'atelier de maintenance', 'bâtiment B, porte 3'])}, {cust.street}, {cust.cityline}. "
         f"Merci de rappeler la référence de cette commande sur votre bon de livraison et sur votre facture.",
       after=8).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _p(doc, "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.", after=14)
    _p(doc, cust.contact, bold=True, after=0).paragraph_format.left_indent = Cm(10)
    _p(doc, rng.choice(["Responsable achats", "Gérant", "Directrice administrative", "Chef d'atelier"]), after=0).paragraph_format.left_indent = Cm(10)
    show_vat, show_siret = _ids(rng)
    foot = doc.sections[0].footer.paragraphs[0]
    bits = [f"{cust.name} – {cust.street} {cust.cityline}"]
    bits.append(f"SIRET {D.fmt_siret(cust.siret, 1)}" if show_siret else f"RCS {cust.rcs} {D.fmt_siren(cust.siren)}")
    if show_vat:
        bits.append(f"TVA {D.fmt_vat(cust.vat, 2)}")
    _run(foot, " – ".join(bits), size=7, color="555555")
    foot.alignment = CENTER
    doc.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


# ---------------------------------------------------------------------------------- CNRS / univ
LABS = [
    ("Institut de Chimie des Milieux et Matériaux", "Délégation Centre Limousin Poitou-Charentes"),
    ("Laboratoire de Physique des Solides", "Délégation Île-de-France Gif-sur-Yvette"),
    ("Institut des Sciences Moléculaires", "Délégation Aquitaine"),
    ("Laboratoire d'Écologie Alpine", "Délégation Alpes"),
    ("Centre de Recherche en Biologie Cellulaire", "Délégation Occitanie Est"),
]


def docx_cnrs(path, rng, cust, own, printed, label):
    """Research-lab order (CNRS-style "L 12345" + UMR, or a university SIFAC 4500… number)."""
    font = rng.choice(["Liberation Sans", "DejaVu Sans", "Nimbus Sans"])
    doc = _doc(font, 9.5)
    lab, deleg = rng.choice(LABS)
    cnrs = printed.startswith("L ")
    t = doc.add_table(rows=1, cols=2)
    c0, c1 = t.rows[0].cells
    _cell(c0, ("CENTRE NATIONAL DE LA RECHERCHE SCIENTIFIQUE\n" + deleg) if cnrs else
          f"UNIVERSITÉ DE {cust.city.upper()}\nDirection des achats et de la commande publique", bold=True, size=9)
    c0.add_paragraph().add_run(f"{lab}\n{cust.street}\n{cust.cityline}").font.size = Pt(8.5)
    _cell(c1, "BON DE COMMANDE", bold=True, size=14, align=RIGHT)
    p = c1.add_paragraph(); p.alignment = RIGHT
    _run(p, "N° de commande : " if rng.random() < 0.6 else "Commande n° ", size=10)
    _run(p, printed, bold=True, size=11)
    p = c1.add_paragraph(); p.alignment = RIGHT
    _run(p, f"du {D.date_fr(rng)}", size=9)
    _widths(t, [10, 7.4])
    _p(doc, "")
    t = doc.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    _cell(t.rows[0].cells[0], f"FOURNISSEUR\n{own.name}\n{own.street}\n{own.cityline}\nSIRET {own.siret}\nCode tiers : {rng.randint(100000, 999999)}", size=9)
    _cell(t.rows[0].cells[1], f"LIVRAISON\n{lab}\nBâtiment {rng.choice('ABCDEFGH')}{rng.randint(1, 9)} – pièce {rng.randint(100, 350)}\n"
                              f"{cust.street}\n{cust.cityline}\nContact : {cust.contact} – {cust.phone}", size=9)
    _widths(t, [8.7, 8.7])
    show_vat, show_siret = _ids(rng, 0.85, 0.85)
    _p(doc, "")
    umr = printed.split(" ", 2)[2] if printed.count(" ") >= 2 else rng.choice(["UMR 7590", "UMR 5248", "EA 4321"])
    meta = [("Unité", umr),
            ("Centre financier", f"{rng.randint(100, 999)}{rng.choice('ABCDEFG')}{rng.randint(100, 999)}"),
            ("Ligne budgétaire / eOTP", f"{rng.choice(['ANR', 'ERC', 'RECURRENT'])}-{rng.randint(2022, 2026)}-{rng.randint(10, 99)}"),
            ("Votre devis", D.quote_no(rng)),
            ("Marché", D.contract(rng).split(" ", 1)[-1] if rng.random() < 0.6 else "hors marché"),
            ("Demande d'achat", D.requisition(rng))]
    if show_siret:
        meta.append(("SIRET facturation", D.fmt_siret(cust.siret, 2)))
    if show_vat:
        meta.append(("N° TVA intracommunautaire", cust.vat))
    t = doc.add_table(rows=0, cols=4)
    for i in range(0, len(meta), 2):
        cells = t.add_row().cells
        for j in range(2):
            if i + j < len(meta):
                _cell(cells[2 * j], meta[i + j][0], bold=True, size=8.5)
                _cell(cells[2 * j + 1], meta[i + j][1], size=8.5)
    _widths(t, [3.6, 5.1, 3.6, 5.1])
    _p(doc, "")
    ht = _items_table(doc, rng, D.lines(rng, rng.randint(2, 6)), "D9E2F3", 8.5)
    _totals_par(doc, ht, 9)
    _p(doc, "Facturation : la facture doit être déposée sur Chorus Pro et rappeler le numéro de commande. "
            "Les factures ne rappelant pas ce numéro ne pourront être traitées.", 8.5, italic=True)
    _p(doc, f"Service facturier : {rng.choice(['SFACT', 'PFI', 'Agence comptable'])} – {deleg if cnrs else 'Université'} – "
            f"Tél. {D.phone(rng, cust.postcode)}", 8.5)
    _p(doc, "")
    _p(doc, "Le responsable des crédits / l'ordonnateur,", 9, align=RIGHT)
    _p(doc, D.person(rng)[0], 9, bold=True, align=RIGHT)
    doc.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


# --------------------------------------------------------------------------------- public / EJ
PUBLIC = ["Mairie de", "Communauté d'agglomération de", "Centre hospitalier de", "Conseil départemental –",
          "Lycée professionnel Jean Moulin –", "Service départemental d'incendie et de secours –"]


def docx_public_ej(path, rng, cust, own, printed, label):
    """Public buyer: engagement-juridique number to quote on the Chorus Pro invoice."""
    font = rng.choice(["Liberation Sans", "URW Gothic", "Carlito", "DejaVu Sans"])
    doc = _doc(font, 9.5)
    name = f"{rng.choice(PUBLIC)} {cust.city}"
    cust_name = name
    _p(doc, "RÉPUBLIQUE FRANÇAISE", 8, bold=True, after=0)
    _p(doc, cust_name, 13, bold=True, color="1F3864", after=0)
    _p(doc, f"{rng.choice(['Direction des finances', 'Service de la commande publique', 'Pôle moyens généraux'])}", 9, after=0)
    _p(doc, f"{cust.street} – {cust.cityline} – Tél. {cust.phone}", 8.5, after=10)
    t = doc.add_table(rows=1, cols=1)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.RIGHT
    c = t.rows[0].cells[0]
    _shade(c, "F2F2F2")
    kind = rng.choice(["BON DE COMMANDE", "BON DE COMMANDE – ENGAGEMENT JURIDIQUE"])
    _cell(c, kind, bold=True, size=11, align=CENTER)
    p = c.add_paragraph(); p.alignment = CENTER
    _run(p, rng.choice(["N° d'engagement juridique : ", "N° EJ : ", "Numéro de commande (EJ) : ", "Engagement n° "]), size=10)
    _run(p, printed, bold=True, size=12)
    p = c.add_paragraph(); p.alignment = CENTER
    _run(p, "à rappeler obligatoirement sur votre facture déposée sur Chorus Pro", size=8, italic=True)
    _widths(t, [11])
    _p(doc, "")
    show_vat, show_siret = rng.random() < 0.3, rng.random() < 0.9
    svc = f"{rng.choice(['SF', 'DF', 'ACH'])}{rng.randint(100, 999)}"
    meta = [("Exercice", "2026"), ("Date d'émission", D.date_fr(rng)),
            ("Code service Chorus", svc), ("Imputation", f"{rng.randint(60, 61)}{rng.randint(1000, 8999)} / fonction {rng.randint(10, 99)}"),
            ("Marché / accord-cadre", D.contract(rng)), ("Tiers fournisseur", f"{rng.randint(1000, 99999)}")]
    if show_siret:
        meta.insert(2, ("SIRET de la structure", cust.siret))
    if show_vat:
        meta.append(("N° TVA", cust.vat))
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in meta:
        cells = t.add_row().cells
        _cell(cells[0], k, bold=True, size=8.5)
        _cell(cells[1], v, size=8.5)
    _widths(t, [5, 12.4])
    _p(doc, "")
    p = _p(doc, after=6)
    _run(p, "Fournisseur : ", bold=True)
    _run(p, f"{own.name}, {own.street}, {own.cityline} – SIRET {own.siret}")
    ht = _items_table(doc, rng, D.lines(rng, rng.randint(2, 5)), "DDEBF7", 8.5)
    _totals_par(doc, ht, 9)
    _p(doc, f"Livraison : {rng.choice(['Centre technique municipal', 'Magasin général', 'Services techniques'])}, "
            f"{rng.randint(1, 80)} {rng.choice(D.STREETS)}, {cust.cityline}. Horaires 8 h–12 h.", 9)
    _p(doc, "Paiement par mandat administratif à 30 jours (délai global de paiement). Facturation exclusivement via Chorus Pro "
            f"(SIRET destinataire et code service {svc}).", 8.5, italic=True)
    _p(doc, "")
    _p(doc, "Pour l'ordonnateur et par délégation,", 9, align=RIGHT, after=0)
    _p(doc, D.person(rng)[0], 9, bold=True, align=RIGHT)
    doc.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed], "customer_name": cust_name}


# ------------------------------------------------------------------------------- multi-page
CGA = [
    "Article 1 – Objet. Les présentes conditions générales d'achat s'appliquent à toute commande passée par l'acheteur, sauf dérogation expresse et écrite.",
    "Article 2 – Acceptation. Le fournisseur retourne l'accusé de réception de la commande dans un délai de 48 heures ; à défaut, la commande est réputée acceptée.",
    "Article 3 – Livraison. Les délais s'entendent marchandises rendues au lieu de livraison indiqué. Tout retard peut donner lieu à des pénalités de 1 % par semaine.",
    "Article 4 – Documents. Chaque bon de livraison et chaque facture doivent rappeler le numéro de commande, la référence article et la quantité livrée.",
    "Article 5 – Prix. Les prix sont fermes et non révisables. Ils s'entendent hors taxes, emballage compris.",
    "Article 6 – Facturation et paiement. Les factures sont établies en un exemplaire et adressées au service comptabilité. Paiement à 45 jours fin de mois.",
    "Article 7 – Garantie. Le fournisseur garantit les produits contre tout vice de fabrication pendant douze mois à compter de la réception.",
    "Article 8 – Confidentialité. Les plans, spécifications et documents remis au fournisseur restent la propriété de l'acheteur.",
    "Article 9 – Sous-traitance. Toute sous-traitance est soumise à l'accord préalable écrit de l'acheteur.",
    "Article 10 – Litiges. Tout litige relève de la compétence exclusive du tribunal de commerce du siège de l'acheteur.",
]


def docx_multipage(path, rng, cust, own, printed, label):
    """Order on several pages; the number is in the page header of every page and in the title."""
    font = rng.choice(["Carlito", "Liberation Sans", "Nimbus Sans", "URW Gothic"])
    doc = _doc(font, 9.5, (2.6, 1.8, 1.5, 1.5))
    sec = doc.sections[0]
    sec.header_distance = Cm(0.8)
    hp = sec.header.paragraphs[0]
    hdr_label = rng.choice(["Commande", "Bon de commande n°", "N° commande :", "Purchase order"])
    _run(hp, f"{cust.name}", bold=True, size=8)
    _run(hp, f"\t\t{hdr_label} {printed}", size=8)
    fp = sec.footer.paragraphs[0]
    _run(fp, f"{cust.name} – SIREN {D.fmt_siren(cust.siren)} – Document généré le {D.date_fr(rng)}", size=7, color="666666")
    _p(doc, rng.choice(["COMMANDE FOURNISSEUR", "BON DE COMMANDE", "ORDRE D'ACHAT"]), 16, bold=True, after=0)
    p = _p(doc, after=8)
    _run(p, "N° ", size=12)
    _run(p, printed, bold=True, size=12)
    if printed != label:
        rev = printed[-2:]
        note = f"   (version {rev})" if rev == "01" else f"   (version {rev} – annule et remplace la version {int(rev) - 1:02d})"
        _run(p, note, size=9, italic=True)
    t = doc.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    _cell(t.rows[0].cells[0], f"Émetteur\n{cust.name}\n{cust.street}\n{cust.cityline}\nTél. {cust.phone}\nFax {cust.fax}", size=9)
    _cell(t.rows[0].cells[1], f"Fournisseur\n{own.name}\n{own.street}\n{own.cityline}\nTél. {own.phone}\n{own.email}", size=9)
    _widths(t, [8.3, 8.3])
    show_vat, show_siret = _ids(rng)
    _p(doc, "")
    meta = [("Date de commande", D.date_fr(rng)), ("Acheteur", f"{cust.contact} ({cust.initials})"),
            ("Votre offre", D.quote_no(rng)), ("Demande d'achat interne", D.requisition(rng)),
            ("Code fournisseur", D.supplier_code(rng)), ("Affaire / projet", f"AFF-{rng.randint(2600, 2699)}-{rng.randint(1, 9)}"),
            ("Conditions de paiement", "45 jours fin de mois"), ("Incoterm", "DAP " + cust.city)]
    if rng.random() < 0.5:
        meta.append(("Contrat", D.contract(rng)))
    if show_vat:
        meta.append(("N° TVA acheteur", D.fmt_vat(cust.vat, 1)))
    if show_siret:
        meta.append(("SIRET acheteur", D.fmt_siret(cust.siret, 1)))
    t = doc.add_table(rows=0, cols=2)
    for k, v in meta:
        cells = t.add_row().cells
        _cell(cells[0], k, bold=True, size=9)
        _cell(cells[1], v, size=9)
    _widths(t, [5, 11.6])
    _p(doc, "")
    lines = D.lines(rng, rng.randint(14, 22))
    ht = _items_table(doc, rng, lines, "D0CECE", 9)
    _totals_par(doc, ht)
    _p(doc, "Adresse de facturation : service comptabilité fournisseurs, " + cust.street + ", " + cust.cityline, 9)
    _p(doc, f"IBAN acheteur (remboursements) : {cust.iban}", 8)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _p(doc, "CONDITIONS GÉNÉRALES D'ACHAT", 12, bold=True, after=6)
    for art in CGA:
        _p(doc, art, 9, after=5).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _p(doc, "")
    _p(doc, "Bon pour acceptation par le fournisseur (date, cachet, signature) :", 9, bold=True)
    doc.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


# -------------------------------------------------------------------------------- corner box
def docx_corner_box(path, rng, cust, own, printed, label):
    """The number in a framed box in a corner (top-right, or bottom-left near the signature)."""
    font = rng.choice(["DejaVu Sans", "Liberation Sans Narrow", "Nimbus Sans Narrow", "Carlito"])
    doc = _doc(font, 9.5)
    top = rng.random() < 0.7
    box_label = rng.choice(["COMMANDE N°", "N° DE COMMANDE", "RÉF. COMMANDE", "BON N°"])

    def box(container_table_cell):
        c = container_table_cell
        _cell(c, box_label, bold=True, size=8, align=CENTER)
        p = c.add_paragraph(); p.alignment = CENTER
        _run(p, printed, bold=True, size=13)
        p = c.add_paragraph(); p.alignment = CENTER
        _run(p, f"Date : {D.date_fr(rng)}", size=8)

    t = doc.add_table(rows=1, cols=2)
    _cell(t.rows[0].cells[0], cust.name, bold=True, size=13)
    t.rows[0].cells[0].add_paragraph().add_run(f"{cust.street}\n{cust.cityline}\nTél. {cust.phone} – Fax {cust.fax}\n{cust.email}").font.size = Pt(8.5)
    if top:
        inner = t.rows[0].cells[1].add_table(rows=1, cols=1)
        inner.style = "Table Grid"
        _shade(inner.rows[0].cells[0], rng.choice(["FFF2CC", "E2EFDA", "FFFFFF"]))
        box(inner.rows[0].cells[0])
    else:
        _cell(t.rows[0].cells[1], "BON DE COMMANDE", bold=True, size=14, align=RIGHT)
    _widths(t, [11, 6.4])
    _p(doc, "")
    t = doc.add_table(rows=1, cols=2)
    _cell(t.rows[0].cells[0], f"Livrer à :\n{cust.name}\nService {rng.choice(['réception', 'magasin', 'maintenance'])}\n"
                              f"{rng.randint(1, 90)} {rng.choice(D.STREETS)}\n{cust.cityline}", size=9)
    _cell(t.rows[0].cells[1], f"Commandé à :\n{own.name}\n{own.street}\n{own.cityline}\nFax {own.fax}", size=9)
    _widths(t, [8.7, 8.7])
    _p(doc, "")
    q = D.quote_no(rng)
    _p(doc, f"Référence de votre offre : {q}   –   Notre code client : {D.customer_code(rng)}   –   "
            f"Demandeur : {D.person(rng)[0]}", 9)
    _p(doc, f"Délai demandé : {D.date_fr(rng, 11, 12)}   –   Mode d'expédition : {rng.choice(['messagerie', 'transporteur', 'enlèvement par nos soins'])}", 9)
    _p(doc, "")
    ht = _items_table(doc, rng, D.lines(rng, rng.randint(3, 7)), "EDEDED", 9)
    _totals_par(doc, ht)
    show_vat, show_siret = _ids(rng, 0.6, 0.8)
    _p(doc, "")
    t = doc.add_table(rows=1, cols=2)
    if not top:
        inner = t.rows[0].cells[0].add_table(rows=1, cols=1)
        inner.style = "Table Grid"
        box(inner.rows[0].cells[0])
    else:
        _cell(t.rows[0].cells[0], "Observations :\nMerci de joindre le certificat de conformité.\nNuméro de commande à reporter sur BL et facture.", size=8.5)
    _cell(t.rows[0].cells[1], "Visa du responsable :\n\n\n", size=8.5, bold=True)
    _widths(t, [8.7, 8.7])
    fp = doc.sections[0].footer.paragraphs[0]
    bits = [cust.name, f"capital {cust.capital} €"]
    if show_siret:
        bits.append(f"Siret {cust.siret}")
    if show_vat:
        bits.append(f"TVA {cust.vat}")
    bits.append(f"NAF {cust.naf}")
    _run(fp, " · ".join(bits), size=7)
    fp.alignment = CENTER
    doc.save(path)
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed]}


# ---------------------------------------------------------------------------------- negatives
def neg_devis(path, rng, cust, own, printed, label):
    """Our own quote (devis / proposition commerciale): an empty "bon pour accord" box."""
    font = rng.choice(["Liberation Sans", "Carlito", "DejaVu Sans"])
    doc = _doc(font, 9.5)
    dv = f"DV26-{rng.randint(1000, 4999)}"
    _p(doc, own.name, 14, bold=True, color="7F6000", after=0)
    _p(doc, f"{own.street} – {own.cityline} – Tél. {own.phone} – {own.email}", 8.5, after=10)
    title = rng.choice(["DEVIS", "PROPOSITION COMMERCIALE", "OFFRE DE PRIX"])
    _p(doc, f"{title} N° {dv}", 15, bold=True, align=RIGHT, after=0)
    _p(doc, f"Date : {D.date_fr(rng)} – validité 30 jours", 9, align=RIGHT, after=8)
    show_vat = rng.random() < 0.5
    cl = f"Client :\n{cust.name}\n{cust.street}\n{cust.cityline}\nÀ l'attention de {cust.contact}"
    if show_vat:
        cl += f"\nTVA client : {cust.vat}"
    t = doc.add_table(rows=1, cols=2)
    _cell(t.rows[0].cells[1], cl, size=9.5)
    _cell(t.rows[0].cells[0], f"Code client : {D.customer_code(rng)}\nVotre demande du {D.date_fr(rng, 9, 10)}\n"
                              f"Affaire suivie par : {D.person(rng)[0]}", size=9)
    _widths(t, [8.7, 8.7])
    _p(doc, "")
    ht = _items_table(doc, rng, D.lines(rng, rng.randint(3, 6)), "FFE699", 9)
    _totals_par(doc, ht)
    _p(doc, "Délai : 2 à 3 semaines après réception de commande. Port : franco à partir de 500 € HT.", 9)
    _p(doc, "")
    t = doc.add_table(rows=1, cols=1)
    t.style = "Table Grid"
    _cell(t.rows[0].cells[0], "BON POUR ACCORD\nDate : ………………    N° de commande client : ……………………\n"
                              "Cachet et signature précédés de la mention « Bon pour commande »\n\n\n\n", size=9)
    _widths(t, [11])
    fp = doc.sections[0].footer.paragraphs[0]
    _run(fp, f"{own.name} – SAS au capital de {own.capital} € – SIRET {own.siret} – TVA {own.vat} – IBAN {own.iban}", size=7)
    doc.save(path)
    return {"order": "", "vat": cust.vat if show_vat else "", "siret": "", "must_print": [dv]}
