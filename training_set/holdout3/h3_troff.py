"""Holdout3 — groff/troff documents (tbl + ms macros -> PostScript -> ghostscript ps2pdf).

Old Unix ERPs and print servers still emit PostScript; these documents imitate such print-outs.
Each builder writes one .tr source and returns the labels it printed (see h3_xlsx).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import h3_data as D


def esc(s: str) -> str:
    s = str(s).replace("\\", "\\e")
    return s


def line(s: str) -> str:
    """A text line that troff never mistakes for a request."""
    return "\\&" + esc(s)


def render(src: Path, pdf: Path, fam: str) -> None:
    ps = src.with_suffix(".ps")
    with ps.open("wb") as out:
        subprocess.run(["groff", "-k", "-t", "-ms", "-Tps", "-dpaper=a4", "-P-pa4", f"-f{fam}", str(src)],
                       stdout=out, check=True)
    subprocess.run(["ps2pdf", "-sPAPERSIZE=a4", "-dPDFSETTINGS=/printer", str(ps), str(pdf)], check=True)


HEAD = r""".nr PO 2c
.nr LL 17c
.nr HM 1.2c
.nr FM 1.5c
.nr PS {ps}
.nr VS {vs}
.nr PD 0.3v
.ds CH
.fam {fam}
.kern 0
"""


def _tbl_rows(cells: list[list[str]]) -> str:
    return "\n".join("\t".join(esc(c) for c in row) for row in cells)


# ---------------------------------------------------------------------------------------------
def troff_tbl_erp(path, rng, cust, own, printed, label):
    """Legacy ERP print-out: boxed tbl grids; the number under a column header, value below."""
    fam = rng.choice(["H", "T", "HN", "N"])
    ps = rng.choice([10, 11])
    out = [HEAD.format(ps=ps, vs=ps + 2, fam=fam)]
    title = rng.choice(["BON DE COMMANDE FOURNISSEUR", "COMMANDE D'ACHAT", "ORDRE DE COMMANDE"])
    out.append(".LP\n.ps +6\n.ft B\n" + line(cust.name.upper()) + "\n.ft\n.ps\n.br\n" + line(f"{cust.street} - {cust.cityline}")
               + "\n.br\n" + line(f"Tel. {cust.phone}  Fax {cust.fax}"))
    out.append(".sp 0.6\n.ce\n.ps +4\n.ft B\n" + line(title) + "\n.ft\n.ps\n.sp 0.5")
    heads = [rng.choice(["N° COMMANDE", "NUMERO CDE", "No COMMANDE", "COMMANDE N°"]), "DATE", "CODE FOURN.", "ACHETEUR", "DEVIS FOURN."]
    vals = [printed, D.date_fr(rng), D.supplier_code(rng), cust.initials, D.quote_no(rng)]
    k = rng.choice([0, 0, 1, 2])
    heads.insert(k, heads.pop(0)); vals.insert(k, vals.pop(0))
    fmt = " ".join("cb" for _ in heads) + "\n" + " ".join("cB" if i == k else "c" for i in range(len(heads))) + "."
    out.append(".TS\ncenter allbox tab(\t);\n" + fmt + "\n" + _tbl_rows([heads, vals]) + "\n.TE\n.sp 0.6")
    liv_pc, liv_city = rng.choice(D.CITIES)
    left = ["FOURNISSEUR", own.name, own.street, own.cityline, f"Tel. {own.phone}"]
    right = ["ADRESSE DE LIVRAISON", cust.name, f"Quai {rng.randint(1, 12)}, {rng.choice(D.STREETS)}", f"{liv_pc} {liv_city.upper()}",
             "Horaires : 7h30-11h30 / 13h30-16h"]
    out.append(".TS\ncenter box tab(\t);\nlb | lb\nl | l.\n" + _tbl_rows([[left[0], right[0]]]) + "\n_\n" +
               _tbl_rows([[a, b] for a, b in zip(left[1:], right[1:])]) + "\n.TE\n.sp 0.6")
    lines = D.lines(rng, rng.randint(4, 9))
    rows = [["POS", "ARTICLE", "DESIGNATION", "QTE", "PU HT", "MONTANT HT"]]
    for i, ln in enumerate(lines):
        rows.append([f"{i + 1:03d}", ln["ref"], ln["label"], str(ln["qty"]), D.money(ln["price"]), D.money(ln["total"])])
    out.append(".TS\ncenter box tab(\t);\ncb cb lb cb cb cb\nc l l n n n.\n" + _tbl_rows(rows[:1]) + "\n=\n" + _tbl_rows(rows[1:]) + "\n.TE")
    ht = round(sum(l["total"] for l in lines), 2)
    out.append(".in 10c\n.TS\ntab(\t);\nr rB.\n" + _tbl_rows([["TOTAL HT", D.money(ht) + " EUR"], ["TVA 20%", D.money(ht * 0.2) + " EUR"],
                                                           ["TOTAL TTC", D.money(ht * 1.2) + " EUR"]]) + "\n.TE\n.in 0\n.sp 0.5")
    show_vat, show_siret = rng.random() < 0.7, rng.random() < 0.7
    out.append(".LP\n" + line(f"Date de livraison imperative : {D.date_fr(rng, 11, 12)}. Rappeler le numero de commande sur tous vos documents.")
               + "\n.br\n" + line(f"Contrat : {D.contract(rng)} - Demande d'achat {D.requisition(rng)} - Centre de frais {rng.randint(100, 999)}"))
    ids = [f"{cust.name} - RCS {cust.rcs} {D.fmt_siren(cust.siren)}"]
    if show_siret:
        ids.append(f"SIRET {cust.siret}")
    if show_vat:
        ids.append(f"TVA {cust.vat}")
    out.append(".sp 1\n.ps 7\n.ce 2\n" + line(" - ".join(ids)) + "\n" + line(f"IBAN {cust.iban} BIC {cust.bic}") + "\n.ps")
    out.append(".sp 1\n.ps 7\n" + line(f"EDITION DU {D.date_fr(rng)} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}  PGM ACHED{rng.randint(10, 99)}  UTIL {cust.initials}{rng.randint(1, 9)}")
               + "\n.ps")
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed], "font": fam}


def troff_english_po(path, rng, cust, own, printed, label):
    """English purchase order from a French company (subsidiary of a group): label: value."""
    fam = rng.choice(["H", "T", "P", "A", "BM"])
    out = [HEAD.format(ps=10, vs=12, fam=fam)]
    out.append(".LP\n.ps +8\n.ft B\n" + line("PURCHASE ORDER") + "\n.ft\n.ps\n.sp 0.4")
    lab = rng.choice(["P.O. Number:", "PO No.:", "Purchase Order #:", "Order number:"])
    date = D.date_fr(rng).split("/")
    rows = [[lab, printed], ["Date:", f"{['Sep', 'Oct', 'Nov'][int(date[1]) - 9] if int(date[1]) >= 9 else 'Nov'} {int(date[0])}, 2026"],
            ["Buyer:", f"{cust.contact} ({cust.email})"], ["Your quote ref.:", D.quote_no(rng)],
            ["Vendor no.:", D.supplier_code(rng)], ["Cost center:", f"CC{rng.randint(1000, 9999)}"]]
    if rng.random() < 0.5:
        rows.append(["Blanket agreement:", f"BA-{rng.randint(2024, 2026)}-{rng.randint(100, 999)}"])
    out.append(".TS\ntab(\t);\nlB l.\n" + _tbl_rows(rows) + "\n.TE\n.sp 0.6")
    show_vat, show_siret = rng.random() < 0.8, rng.random() < 0.5
    bill = ["BILL TO", cust.name, cust.street, f"{cust.cityline}, FRANCE"]
    if show_vat:
        bill.append(f"VAT: {D.fmt_vat(cust.vat, rng.randint(0, 1))}")
    if show_siret:
        bill.append(f"SIRET: {cust.siret}")
    vend = ["VENDOR", own.name, own.street, f"{own.cityline}, FRANCE", f"VAT: {own.vat}"]
    n = max(len(bill), len(vend))
    bill += [""] * (n - len(bill)); vend += [""] * (n - len(vend))
    out.append(".TS\nexpand box tab(\t);\nlb | lb\nl | l.\n" + _tbl_rows([[bill[0], vend[0]]]) + "\n_\n" +
               _tbl_rows([[a, b] for a, b in zip(bill[1:], vend[1:])]) + "\n.TE\n.sp 0.6")
    rows = [["Line", "Item", "Description", "Qty", "Unit price", "Amount EUR"]]
    lines = D.lines(rng, rng.randint(3, 7))
    for i, ln in enumerate(lines):
        rows.append([str(i + 1), ln["ref"], ln["label"], str(ln["qty"]), f"{ln['price']:.2f}", f"{ln['total']:,.2f}"])
    out.append(".TS\nexpand tab(\t);\ncb lb lb nb nb nb\nc l l n n n.\n" + _tbl_rows(rows[:1]) + "\n_\n" + _tbl_rows(rows[1:]) + "\n_\n.TE")
    ht = round(sum(l["total"] for l in lines), 2)
    out.append(".in 10c\n.TS\ntab(\t);\nr rB.\n" + _tbl_rows([["Subtotal", f"{ht:,.2f}"], ["VAT 20%", f"{ht * 0.2:,.2f}"], ["Total EUR", f"{ht * 1.2:,.2f}"]]) + "\n.TE\n.in 0\n.sp 0.6")
    out.append(".SH\n" + line("Ship to") + "\n.LP\n" + line(f"{cust.name}, Receiving dock {rng.choice('ABCD')}, {rng.randint(1, 99)} {rng.choice(D.STREETS)}, {cust.cityline}"))
    out.append(".SH\n" + line("Instructions") + "\n.LP\n" + line(
        "Please confirm receipt of this purchase order within 48 hours. Our PO number must appear on the delivery note, "
        f"the packing list and the invoice. Invoices to be sent to ap-invoices@{cust.email.split('@')[1]}. Payment terms: 60 days from invoice date."))
    out.append(".sp 1.5\n" + line("Authorised signature: ______________________        Approved by: " + D.person(rng)[0]))
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")
    return {"order": label, "vat": cust.vat if show_vat else "", "siret": cust.siret if show_siret else "",
            "must_print": [printed], "font": fam}


def neg_relance(path, rng, cust, own, printed, label):
    """Customer's reminder letter about an order already placed: not a new order."""
    fam = rng.choice(["T", "N", "P"])
    out = [HEAD.format(ps=11, vs=14, fam=fam)]
    out.append(".LP\n.ft B\n" + line(cust.name) + "\n.ft\n.br\n" + line(cust.street) + "\n.br\n" + line(f"{cust.cityline} - Tel. {cust.phone}"))
    out.append(".sp 1\n.in 9c\n" + line(own.name) + "\n.br\n" + line("Service Administration des Ventes") + "\n.br\n" + line(own.street)
               + "\n.br\n" + line(own.cityline) + "\n.in 0\n.sp 1")
    out.append(".rj\n" + line(f"{cust.city}, le {D.date_long(rng)}") + "\n.sp 1")
    subj = rng.choice(["Relance - commande non livrée", "Réclamation : retard de livraison", "Rappel : livraison en attente"])
    out.append(".LP\n.ft B\n" + line(f"Objet : {subj}") + "\n.ft\n.sp 0.5")
    dt = D.date_fr(rng, 8, 9)
    out.append(".LP\n" + line("Madame, Monsieur,"))
    out.append(".PP\n" + line(f"Sauf erreur de notre part, notre commande n° {printed} du {dt}, passée suite à votre devis {D.quote_no(rng)}, "
                               f"n'a toujours pas été livrée alors que votre accusé de réception annonçait une livraison au {D.date_fr(rng, 10, 10)}."))
    out.append(".PP\n" + line("Ce retard perturbe notre production. Nous vous remercions de nous indiquer par retour une date de livraison ferme, "
                               "faute de quoi nous nous verrons contraints d'annuler les articles restant dus."))
    out.append(".PP\n" + line(f"Pour tout renseignement, vous pouvez joindre {cust.contact} au {D.phone(rng, cust.postcode)}."))
    out.append(".PP\n" + line("Veuillez agréer, Madame, Monsieur, nos salutations distinguées."))
    out.append(".sp 2\n.in 10c\n" + line(cust.contact) + "\n.br\n" + line("Service achats") + "\n.in 0")
    show_siret = rng.random() < 0.5
    if show_siret:
        out.append(".sp 3\n.ps 8\n.ce\n" + line(f"{cust.name} - SIRET {D.fmt_siret(cust.siret, 1)} - APE {cust.naf}") + "\n.ps")
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")
    return {"order": "", "vat": "", "siret": cust.siret if show_siret else "", "must_print": [printed], "font": fam}
