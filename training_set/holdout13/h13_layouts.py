"""Layouts drawn into the page model: ERP form (seven placements), EDI print-out, two-page order,
letter, hand-filled pad; our quote / invoice / delivery note / acknowledgement; customer letters."""

from __future__ import annotations

import math
import random

from h13_data import ARTICLES, OUR, print_siret, print_siren
from h13_render import Page

GREY = (90, 90, 90)
LIGHT = (232, 232, 232)
BLUE_INK = (25, 45, 150)
RED = (190, 30, 30)


class Doc:
    """Everything a layout needs about one document."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


def ids_lines(d: Doc, party=None) -> list[str]:
    out = []
    if d.siret_p:
        out.append(f"{d.siret_label} {d.siret_p}")
    if d.vat_p:
        out.append(f"{d.vat_label} {d.vat_p}")
    return out


def letterhead(p: Page, d: Doc, x=15, y=18, big=13):
    c = d.party
    p.t(x, y, c.name, big, d.bold)
    p.t(x, y + 5.5, c.street, 8.5, d.font)
    p.t(x, y + 9.5, c.town, 8.5, d.font)
    p.t(x, y + 13.5, f"Tél. {c.phone}  –  {c.mail}", 8, d.font, GREY)
    yy = y + 17.5
    if d.ids_where == "head":
        for ln in ids_lines(d):
            p.t(x, yy, ln, 8, d.font, GREY)
            yy += 4
    return yy


def footer(p: Page, d: Doc, y=283):
    c = d.party
    p.line(15, y - 4, 195, y - 4, 0.2, GREY)
    bits = [f"{c.name} – capital {c.capital} €", f"RCS {c.town_only.split(' ')[0]} {print_siren(c.siren)}", f"APE {c.ape}"]
    p.t(105, y, "  ·  ".join(bits), 6.8, d.font, GREY, "C")
    if d.ids_where == "foot":
        ln = "   ".join(ids_lines(d))
        if ln:
            p.t(105, y + 4, ln, 6.8, d.font, GREY, "C")


def supplier_block(p: Page, d: Doc, x=112, y=40, w=83, label="Fournisseur"):
    p.rect(x, y, w, 30, 0.25)
    p.t(x + 3, y + 5, label, 7.5, d.font, GREY)
    p.t(x + 3, y + 10.5, OUR.name, 8.6, d.bold)
    p.t(x + 3, y + 15, OUR.street, 8, d.font)
    p.t(x + 3, y + 19, OUR.town, 8, d.font)
    p.t(x + 3, y + 23, f"Tél. {OUR.phone} – {OUR.mail}", 7.5, d.font)
    if d.our_ids:
        p.t(x + 3, y + 27, f"SIRET {OUR.siret}  TVA {OUR.vat}", 7, d.font, GREY)


def article_lines(r: random.Random, n: int):
    arts = r.sample(ARTICLES, n)
    rows = []
    for ref, des, unit, price in arts:
        q = r.choice([2, 4, 5, 6, 10, 12, 20, 24, 50, 100])
        rows.append((ref, des, unit, q, price, round(q * price, 2)))
    return rows


def money(v: float) -> str:
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return s


def lines_table(p: Page, d: Doc, y: float, rows, cols=None, x0=15, x1=195, size=8.2):
    heads = cols or ["Réf.", "Désignation", "Qté", "Unité", "P.U. HT", "Montant HT"]
    xs = [x0, x0 + 28, x0 + 108, x0 + 122, x0 + 142, x0 + 162]
    p.rect(x0, y, x1 - x0, 6, 0.25, None, LIGHT)
    for hx, h in zip(xs, heads, strict=False):
        p.t(hx + 1.5, y + 4.2, h, 7.6, d.bold)
    y += 6
    total = 0.0
    for ref, des, unit, q, price, amt in rows:
        y += 5.2
        p.t(xs[0] + 1.5, y, ref, size, d.font)
        p.t(xs[1] + 1.5, y, des[:44], size, d.font)
        p.t(xs[2] + 10, y, str(q), size, d.font, align="R")
        p.t(xs[3] + 1.5, y, unit, size, d.font)
        p.t(xs[4] + 17, y, money(price), size, d.font, align="R")
        p.t(x1 - 1.5, y, money(amt), size, d.font, align="R")
        total += amt
    y += 2.5
    p.line(x0, y, x1, y, 0.25)
    y += 5
    tva = round(total * 0.2, 2)
    for lab, v in (("Total HT", total), ("TVA 20 %", tva), ("Total TTC", total + tva)):
        p.t(x1 - 32, y, lab, 8.2, d.bold if lab == "Total TTC" else d.font, align="R")
        p.t(x1 - 1.5, y, f"{money(v)} €", 8.2, d.bold if lab == "Total TTC" else d.font, align="R")
        y += 4.6
    return y


def signature(p: Page, r: random.Random, x: float, y: float, color=BLUE_INK, w=34):
    pts = []
    k1, k2, k3 = r.uniform(1.5, 3.5), r.uniform(4, 8), r.uniform(0, 6)
    for i in range(60):
        t = i / 59
        pts.append((x + w * t, y - 3.5 * math.sin(k1 * 6.28 * t + k3) * math.cos(k2 * t) - 2 * t))
    p.poly(pts, 0.45, color)
    p.line(x + 2, y + 2.5, x + w * 0.9, y + 1.5, 0.35, color)


# ---------------------------------------------------------------------------------------- forms


def place_number(p: Page, d: Doc, y: float) -> float:
    """Draw the order number by ``d.placement``; returns the next free y."""
    lab, num, f, b = d.label, d.num_printed, d.font, d.bold
    pl = d.placement
    if pl == "right":
        p.t(112, y, lab, 9, f)
        p.t(195, y, num, 10, b, align="R")
        return y + 6
    if pl == "box":
        p.rect(112, y - 4, 83, 15, 0.5)
        p.t(153.5, y + 0.5, lab, 8, f, GREY, "C")
        p.t(153.5, y + 8, num, 13, b, align="C")
        return y + 15
    if pl == "cells":
        p.rect(112, y - 4.5, 36, 7, 0.25, (0, 0, 0), LIGHT)
        p.rect(148, y - 4.5, 47, 7, 0.25)
        p.t(114, y, lab, 8.2, b)
        p.t(150, y, num, 9.5, f)
        return y + 8
    if pl == "below":
        p.t(112, y, lab, 8.5, f, GREY)
        p.t(112, y + 5.5, num, 11, b)
        return y + 11
    return y


def info_table(p: Page, d: Doc, y: float, heads, vals, x0=15, x1=195):
    n = len(heads)
    w = (x1 - x0) / n
    for i, (h, v) in enumerate(zip(heads, vals, strict=True)):
        x = x0 + i * w
        p.rect(x, y, w, 6, 0.25, (0, 0, 0), LIGHT)
        p.rect(x, y + 6, w, 7, 0.25)
        p.t(x + 1.8, y + 4.2, h, 7.4, d.bold)
        p.t(x + 1.8, y + 11, v, 8.6, d.font)
    return y + 17


def form(d: Doc) -> list[Page]:
    """Generic ERP purchase order: letterhead, title, info block, supplier box, lines, footer."""
    p = Page()
    r = d.r
    yy = letterhead(p, d)
    title = d.title if d.placement != "title" else d.title_with_number
    p.t(15, max(yy + 6, 46), title, 15, d.bold)
    y = max(yy + 13, 53)
    # info block at the left
    for k, v in d.info[:6]:
        p.t(15, y, k, 8, d.font, GREY)
        p.t(52, y, v, 8.4, d.font)
        y += 4.6
    supplier_block(p, d, y=75 if d.placement in ("box", "right", "cells", "below") else 44)
    ny = 45
    if d.placement in ("right", "box", "cells", "below"):
        ny = place_number(p, d, 48)
    y = max(y + 4, ny + 2, 110)
    if d.placement == "under":
        heads = [d.label, *d.under_heads]
        vals = [d.num_printed, *d.under_vals]
        y = info_table(p, d, y, heads, vals)
    else:
        y = info_table(p, d, y, d.under_heads, d.under_vals)
    y += 3
    p.t(15, y, d.delivery, 8.2, d.font)
    y += 6
    rows = article_lines(r, r.randint(3, 6))
    y = lines_table(p, d, y, rows)
    y += 4
    if d.placement == "sentence":
        p.t(15, y, d.sentence, 8.6, d.font)
        y += 5
    for ln in d.conditions:
        p.t(15, y, ln, 7.6, d.font, GREY)
        y += 4
    y += 6
    p.t(140, y, d.signer, 8.2, d.font)
    signature(p, r, 142, y + 10)
    footer(p, d)
    return [p]


# ----------------------------------------------------------------------------------------- EDI


def edi(d: Doc) -> list[Page]:
    p = Page()
    m, mb = "gom", "gomb"
    r = d.r
    c = d.party
    y = 16
    rule = "=" * 86
    p.t(12, y, f"{c.name[:40]:<40}   EDI ORDERS D96A      PAGE 001/001", 7.6, mb)
    y += 4
    p.t(12, y, rule, 7.6, m)
    y += 4.5
    head = [
        f"EMETTEUR  : GLN {d.gln_buyer}   {c.name[:34]}",
        f"            {c.street[:40]}  {c.town}",
        f"DESTINAT. : GLN {d.gln_supp}   {OUR.name[:36]}",
        f"CODE FOURN: {d.supp_code}        INTERCHANGE : {d.interchange}",
    ]
    if d.ids_where == "head":
        head += [ln.upper() for ln in ids_lines(d)]
    for ln in head:
        p.t(12, y, ln, 7.6, m)
        y += 4
    y += 2
    pl = d.placement
    if pl == "title":
        p.t(105, y + 2, d.title_with_number, 13, mb, align="C")
        y += 9
    elif pl == "right":
        p.t(12, y, f"DATE MESSAGE : {d.date_num}", 7.6, m)
        p.t(110, y, d.label, 8.6, mb)
        p.t(198, y, d.num_printed, 8.6, mb, align="R")
        y += 6
    elif pl == "under":
        p.t(12, y, f"{d.label:<18}DATE CDE    LIVR. PREVUE  QUAI   MAGASIN", 7.6, mb)
        y += 4
        p.t(12, y, f"{d.num_printed:<18}{d.date_num:<12}{d.date_livr:<14}{d.quai:<7}{d.store}", 7.6, m)
        y += 6
    elif pl == "box":
        s = f"***  {d.label} {d.num_printed}  ***"
        p.t(105, y + 1, "*" * len(s), 8.6, mb, align="C")
        p.t(105, y + 5.5, s, 8.6, mb, align="C")
        p.t(105, y + 10, "*" * len(s), 8.6, mb, align="C")
        y += 15
    elif pl == "cells":
        p.t(12, y, "+--------------------+----------------------+------------+", 7.6, m)
        p.t(12, y + 4, f"| {d.label:<18} | {d.num_printed:<20} | {d.date_num:<10} |", 7.6, m)
        p.t(12, y + 8, "+--------------------+----------------------+------------+", 7.6, m)
        y += 13
    if pl != "under":
        p.t(12, y, f"LIVRAISON PREVUE : {d.date_livr}   QUAI : {d.quai}   MAGASIN : {d.store}", 7.6, m)
        y += 4.5
    p.t(12, y, f"RDV LIVRAISON : {d.rdv}    TEL. RECEPTION : {c.phone}", 7.6, m)
    y += 5
    p.t(12, y, rule, 7.6, m)
    y += 4.5
    p.t(12, y, "LIG  EAN13          REF FOURN.       DESIGNATION                 QTE   UC   PU NET", 7.6, mb)
    y += 3.5
    p.t(12, y, "-" * 86, 7.6, m)
    for i, (ref, des, unit, q, price, _amt) in enumerate(article_lines(r, r.randint(5, 9)), 1):
        y += 4.2
        ean = "3" + "".join(str(r.randint(0, 9)) for _ in range(12))
        p.t(12, y, f"{i:03d}  {ean}  {ref:<16} {des[:27].upper():<27} {q:>4}  {unit[:4].upper():<4} {money(price):>7}", 7.6, m)
    y += 5
    p.t(12, y, rule, 7.6, m)
    y += 5
    p.t(12, y, f"CONDITIONS : {d.cond_edi}", 7.6, m)
    y += 4
    p.t(12, y, "MERCI DE RAPPELER NOS REFERENCES SUR BL ET FACTURE.", 7.6, m)
    if d.ids_where == "foot":
        yy = 280
        for ln in ids_lines(d):
            p.t(12, yy, ln.upper(), 7.2, m)
            yy += 4
    return [p]


# ------------------------------------------------------------------------------------ multipage


def multipage(d: Doc) -> list[Page]:
    r = d.r
    rows = article_lines(r, 12) + article_lines(r, 12) + article_lines(r, 10)
    pages = []
    for k in (1, 2):
        p = Page()
        # running header: the only place of the order number
        p.t(15, 12, d.party.name, 8, d.bold)
        p.t(105, 12, d.running, 9, d.bold, align="C")
        p.t(195, 12, f"Page {k}/2", 8, d.font, align="R")
        p.line(15, 14.5, 195, 14.5, 0.3)
        if k == 1:
            yy = letterhead(p, d, y=24, big=12)
            p.t(15, max(yy + 5, 48), "COMMANDE DE FOURNITURES", 14, d.bold)
            y = max(yy + 12, 56)
            for lab, v in d.info:
                p.t(15, y, lab, 8, d.font, GREY)
                p.t(55, y, v, 8.4, d.font)
                y += 4.6
            supplier_block(p, d, y=44)
            y = max(y + 5, 84)
            chunk = rows[:20]
        else:
            y = 24
            chunk = rows[20:]
        p.rect(15, y, 180, 6, 0.25, None, LIGHT)
        for hx, h in zip((16.5, 44, 124, 139, 160, 193), ("Réf.", "Désignation", "Qté", "Unité", "P.U. HT", "Montant"), strict=True):
            p.t(hx, y + 4.2, h, 7.6, d.bold, align="R" if h == "Montant" else "L")
        y += 6
        for ref, des, unit, q, price, amt in chunk:
            y += 5
            p.t(16.5, y, ref, 8, d.font)
            p.t(44, y, des[:46], 8, d.font)
            p.t(134, y, str(q), 8, d.font, align="R")
            p.t(139, y, unit, 8, d.font)
            p.t(174, y, money(price), 8, d.font, align="R")
            p.t(193, y, money(amt), 8, d.font, align="R")
        if k == 2:
            y += 8
            tot = sum(x[5] for x in rows)
            p.t(160, y, "Total HT", 8.4, d.bold, align="R")
            p.t(193, y, f"{money(tot)} €", 8.4, d.bold, align="R")
            y += 10
            for ln in d.conditions:
                p.t(15, y, ln, 7.8, d.font, GREY)
                y += 4.2
            y += 6
            p.t(140, y, d.signer, 8.2, d.font)
            signature(p, r, 142, y + 10)
        footer(p, d)
        pages.append(p)
    return pages


# --------------------------------------------------------------------------------------- letter


def letter(d: Doc) -> list[Page]:
    p = Page()
    r = d.r
    c = d.party
    p.t(20, 22, c.name, 12.5, d.bold)
    p.t(20, 27.5, c.street, 9, d.font)
    p.t(20, 32, c.town, 9, d.font)
    p.t(20, 36.5, f"Tél. {c.phone}", 9, d.font)
    y = 41
    if d.ids_where == "head":
        for ln in ids_lines(d):
            p.t(20, y, ln, 8.4, d.font, GREY)
            y += 4.2
    p.t(120, 56, OUR.name, 9.5, d.font)
    p.t(120, 61, "Service commercial", 9.5, d.font)
    p.t(120, 66, OUR.street, 9.5, d.font)
    p.t(120, 71, OUR.town, 9.5, d.font)
    p.t(120, 84, f"{c.town_only.split(' ')[0]}, le {d.date_long}", 9.5, d.font)
    y = 96
    if d.placement == "right":
        p.t(20, y, f"V/Réf. : devis {d.quote_ref}", 9.5, d.font)
        p.t(190, y, f"{d.label} {d.num_printed}", 9.5, d.font, align="R")
        y += 8
    p.t(20, y, d.objet, 10, d.bold)
    y += 10
    p.t(20, y, "Madame, Monsieur,", 10, d.font)
    y += 8
    for ln in d.body:
        p.t(20, y, ln, 10, d.font)
        y += 5.4
    if d.placement == "cells":
        y += 3
        for lab, v in d.cells:
            p.rect(20, y, 45, 7, 0.25, (0, 0, 0), LIGHT)
            p.rect(65, y, 80, 7, 0.25)
            p.t(22, y + 4.8, lab, 9, d.bold)
            p.t(67, y + 4.8, v, 9.5, d.font)
            y += 7
        y += 4
    y += 3
    for ref, des, unit, q, _price, _amt in article_lines(r, r.randint(2, 4)):
        p.t(26, y, f"– {q} {unit} {des} (réf. {ref})", 9.5, d.font)
        y += 5.2
    y += 4
    for ln in d.closing:
        p.t(20, y, ln, 10, d.font)
        y += 5.4
    y += 6
    p.t(120, y, d.signer, 10, d.font)
    signature(p, r, 122, y + 12)
    if d.ids_where == "foot":
        ln = "   ".join(ids_lines(d))
        p.t(105, 284, ln, 7.6, d.font, GREY, "C")
    return [p]


# ------------------------------------------------------------------------------------------ pad


def pad(d: Doc) -> list[Page]:
    """A5 pre-printed order pad filled in by hand."""
    p = Page(148, 210)
    r = d.r
    c = d.party
    ink = d.ink
    hf = d.hand
    p.t(10, 14, c.name, 11, "gob")
    p.t(10, 19, f"{c.street} – {c.town}", 7.4, "go")
    p.t(10, 23, f"Tél. {c.phone}", 7.4, "go")
    y = 27
    for ln in ids_lines(d):
        p.t(10, y, ln, 7, "go", GREY)
        y += 3.6
    p.t(138, 14, "BON DE COMMANDE", 10, "gob", align="R")
    p.t(138, 20.5, f"N° {d.sheet_no}", 12, "gob", RED, "R")
    y = max(y + 3, 38)
    p.t(10, y, "Fournisseur :", 8, "go")
    p.line(31, y + 0.8, 138, y + 0.8, 0.15, GREY)
    p.hand(33, y - 0.4, d.hand_supplier, 13, hf, ink)
    y += 8
    p.t(10, y, "Date :", 8, "go")
    p.line(20, y + 0.8, 60, y + 0.8, 0.15, GREY)
    p.hand(22, y - 0.4, d.hand_date, 13, hf, ink)
    p.t(66, y, "Réf. commande :", 8, "go")
    p.line(90, y + 0.8, 138, y + 0.8, 0.15, GREY)
    if d.placement == "hand_ref":
        p.hand(92, y - 0.4, d.num_printed, 15, hf, ink)
    y += 9
    p.rect(10, y, 128, 6, 0.2, (0, 0, 0), LIGHT)
    p.t(12, y + 4.2, "Qté", 7.6, "gob")
    p.t(27, y + 4.2, "Désignation", 7.6, "gob")
    p.t(105, y + 4.2, "Référence", 7.6, "gob")
    y += 6
    rows = article_lines(r, r.randint(3, 5))
    for i in range(9):
        p.rect(10, y, 128, 8, 0.15, GREY)
        p.line(25, y, 25, y + 8, 0.15, GREY)
        p.line(103, y, 103, y + 8, 0.15, GREY)
        if i < len(rows):
            ref, des, unit, q, *_ = rows[i]
            p.hand(13, y + 6, str(q), 13, hf, ink)
            p.hand(27, y + 6, des[:28].lower(), 12, hf, ink)
            p.hand(105, y + 6, ref, 11, hf, ink)
        y += 8
    y += 7
    if d.placement == "hand_sentence":
        p.hand(12, y, d.sentence, 15, hf, ink)
        y += 9
    p.t(10, y, "Livraison :", 8, "go")
    p.line(27, y + 0.8, 138, y + 0.8, 0.15, GREY)
    p.hand(29, y - 0.4, d.hand_livr, 13, hf, ink)
    y += 10
    p.t(80, y, "Signature :", 8, "go")
    signature(p, r, 98, y + 6, ink, 30)
    p.t(74, 203, "Exemplaire fournisseur – 2e feuillet jaune", 6.4, "go", GREY, "C")
    return [p]


# --------------------------------------------------------------------------------- our documents


def our_doc(d: Doc) -> list[Page]:
    """Our quote / invoice / credit note / delivery note / acknowledgement."""
    p = Page()
    r = d.r
    f, b = d.font, d.bold
    p.rect(15, 14, 10, 10, 0, None, (30, 80, 140))
    p.t(28, 21.5, "JTA", 16, b, (30, 80, 140))
    p.t(15, 30, OUR.name, 9.5, b)
    p.t(15, 34.5, f"{OUR.street} – {OUR.town}", 8, f)
    p.t(15, 38.5, f"Tél. {OUR.phone} – Fax {OUR.fax} – {OUR.mail}", 8, f)
    c = d.party
    p.rect(112, 44, 83, 30, 0.25)
    p.t(115, 50, c.name[:42], 8.8, b)
    p.t(115, 55, c.street[:44], 8.2, f)
    p.t(115, 59.5, c.town, 8.2, f)
    p.t(115, 64, f"Code client : {d.cust_code}", 8, f, GREY)
    p.t(15, 52, d.doc_title, 15, b)
    y = 60
    for k, v in d.info:
        p.t(15, y, k, 8.2, f, GREY)
        p.t(55, y, v, 8.6, f)
        y += 4.7
    yy = 80
    for ln in ids_lines(d):
        p.t(112, yy, ln, 8, f)
        yy += 4.4
    y = max(y, yy) + 6
    for ln in d.intro:
        p.t(15, y, ln, 9, f)
        y += 5
    y += 2
    rows = article_lines(r, r.randint(3, 6))
    if d.kind_doc == "bl":
        rows = [(a, bb, c2, q, 0.0, 0.0) for a, bb, c2, q, _x, _y in rows]
        p.rect(15, y, 180, 6, 0.25, None, LIGHT)
        for hx, h in ((16.5, "Réf."), (45, "Désignation"), (140, "Qté cdée"), (165, "Qté livrée")):
            p.t(hx, y + 4.2, h, 7.6, b)
        y += 6
        for ref, des, _u, q, *_ in rows:
            y += 5.2
            p.t(16.5, y, ref, 8.2, f)
            p.t(45, y, des, 8.2, f)
            p.t(150, y, str(q), 8.2, f, align="R")
            p.t(176, y, str(q), 8.2, f, align="R")
        y += 10
        p.t(15, y, f"Colis : {r.randint(1, 6)}   Poids : {r.randint(3, 80)},{r.randint(0, 9)} kg   Transporteur : {r.choice(['DB Schenker', 'Geodis', 'Heppner', 'TNT'])}", 8.4, f)
        y += 12
        p.rect(112, y, 83, 26, 0.25)
        p.t(115, y + 5, "Reçu en bon état – date, nom, signature :", 7.8, f, GREY)
        y += 30
    else:
        y = lines_table(p, d, y, rows)
    y += 4
    for ln in d.outro:
        p.t(15, y, ln, 8.4, f)
        y += 4.6
    if d.kind_doc == "devis":
        y += 4
        p.rect(112, y, 83, 34, 0.4)
        p.t(115, y + 5.5, "BON POUR ACCORD", 9.5, b)
        p.t(115, y + 12, "Date :", 8.2, f)
        p.t(115, y + 19, "N° de commande client :", 8.2, f)
        p.line(149, y + 19.8, 192, y + 19.8, 0.15, GREY)
        p.t(115, y + 26, "Cachet et signature :", 8.2, f)
        d.accord_y = y
    p.line(15, 276, 195, 276, 0.2, GREY)
    p.t(105, 280, f"{OUR.name} – SAS au capital de 480 000 € – {OUR.rcs} – APE 4669B", 6.8, f, GREY, "C")
    p.t(105, 283.6, f"SIRET {print_siret(random.Random(1), OUR.siret)} – N° TVA {OUR.vat} – IBAN {OUR.iban} – BIC {OUR.bic}", 6.8, f, GREY, "C")
    return [p]


def cust_letter(d: Doc) -> list[Page]:
    """Customer's reminder or request for quotation."""
    p = Page()
    r = d.r
    c = d.party
    letterhead(p, d, x=20, y=20, big=12)
    p.t(120, 56, OUR.name, 9.5, d.font)
    p.t(120, 61, OUR.street, 9.5, d.font)
    p.t(120, 66, OUR.town, 9.5, d.font)
    p.t(120, 78, f"{c.town_only.split(' ')[0]}, le {d.date_long}", 9.5, d.font)
    y = 92
    p.t(20, y, d.objet, 10.5, d.bold)
    y += 10
    p.t(20, y, "Madame, Monsieur,", 10, d.font)
    y += 8
    for ln in d.body:
        p.t(20, y, ln, 10, d.font)
        y += 5.4
    y += 3
    for ref, des, unit, q, *_ in article_lines(r, r.randint(2, 4)):
        p.t(26, y, f"– {des} (réf. {ref}) : {q} {unit}", 9.6, d.font)
        y += 5.2
    y += 4
    for ln in d.closing:
        p.t(20, y, ln, 10, d.font)
        y += 5.4
    y += 6
    p.t(120, y, d.signer, 10, d.font)
    signature(p, r, 122, y + 12)
    footer(p, d)
    return [p]


# ----------------------------------------------------------------------------- paper marks


def stamp(p: Page, r: random.Random, day: int, color):
    x, y = r.uniform(128, 150), r.uniform(22, 60)
    ang = r.uniform(-12, 12)
    p.t(x, y, "REÇU LE", 11, "gomb", color, angle=ang)
    p.t(x - 1, y + 6.5, f"{day:02d} DÉC. 2026", 12, "gomb", color, angle=ang)
    p.t(x, y + 12.5, "ADV – JTA ANJOU", 8, "gomb", color, angle=ang)


def note(p: Page, r: random.Random, text: str):
    p.hand(r.uniform(20, 70), r.uniform(12, 20), text, 15, r.choice(["eco", "dkg"]), BLUE_INK, angle=r.uniform(-6, 6))
