"""Holdout11 layouts: ERP form (six placements), AS/400 listing, letter, hand-filled pad,
two-page order, and the negatives (our quote, invoice, acknowledgement; a customer's reminder
and request for quotation). Each returns a list of pages and the strings the self-check needs."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from h11_data import ARTICLES, Own
from h11_draw import Page, text_width

GREY = (0.35, 0.35, 0.35)
RED = (0.75, 0.1, 0.1)
BLUE_PEN = (0.08, 0.14, 0.55)


@dataclass
class Doc:
    fam: str
    idx: int
    rng: random.Random
    font: str
    fontb: str
    cust: dict
    vat_p: str | None  # VAT as printed (may be a typo), None if absent
    siret_p: str | None
    ids_head: bool
    printed: str = ""  # order number as printed
    label: str = ""  # label wording that holds it
    place: str = ""
    date: str = "04/12/2026"
    old: str = ""  # for negatives: an order number quoted
    own_ids: bool = False
    lang: str = "fr"
    must: list[str] = field(default_factory=list)  # strings the text layer must contain


def wrap(s: str, font: str, size: float, width: float) -> list[str]:
    lines, cur = [], ""
    for w in s.split():
        t = (cur + " " + w).strip()
        if text_width(font, size, t) > width and cur:
            lines.append(cur)
            cur = w
        else:
            cur = t
    return [*lines, cur] if cur else lines


def para(p: Page, x, y, s, font, size, width, lead=None, color=(0, 0, 0)) -> float:
    lead = lead or size * 1.35
    for line in wrap(s, font, size, width):
        p.text(x, y, line, font, size, color)
        y += lead
    return y


def signature(p: Page, x, y, rng: random.Random, color=BLUE_PEN, scale=1.0) -> None:
    a = [rng.uniform(3, 7) for _ in range(3)]
    f = [rng.uniform(0.08, 0.22) for _ in range(3)]
    ph = [rng.uniform(0, 6.3) for _ in range(3)]
    pts = []
    for i in range(90):
        t = i * 1.0
        yy = sum(a[k] * math.sin(f[k] * t + ph[k]) for k in range(3))
        pts.append((x + t * scale, y + yy * scale))
    p.poly(pts, color, 1.1)
    p.poly([(x + 10, y + 12 * scale), (x + 80 * scale, y + 9 * scale)], color, 0.9)


def id_lines(d: Doc, prefix_vat="N° TVA intracom. : ", prefix_siret="SIRET : ") -> list[str]:
    out = []
    if d.siret_p:
        out.append(prefix_siret + d.siret_p)
    if d.vat_p:
        out.append(prefix_vat + d.vat_p)
    return out


def _vat_prefix(d: Doc) -> tuple[str, str]:
    if d.lang == "en":
        return "VAT No. ", "SIRET "
    return d.rng.choice(
        [
            ("N° TVA intracom. : ", "SIRET : "),
            ("TVA intracommunautaire : ", "N° SIRET : "),
            ("Identifiant TVA ", "Siret "),
            ("N° TVA : ", "SIRET n° "),
        ]
    )


def _articles(rng: random.Random, n: int) -> list[tuple[str, str, int, float]]:
    arts = rng.sample(ARTICLES, n)
    return [(r, des, rng.choice([2, 5, 10, 12, 20, 25, 50, 100]), pu) for r, des, pu in arts]


def _money(v: float) -> str:
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return s


def letterhead(p: Page, d: Doc, x=40, y=48) -> float:
    c = d.cust
    p.text(x, y, c["name"], d.fontb, 14)
    y += 15
    for s in (
        c["street"],
        c["town"],
        f"Tél. {c['tel']} – achats@{c['domain']}"
        if d.lang == "fr"
        else f"Phone {c['tel']} – purchasing@{c['domain']}",
    ):
        p.text(x, y, s, d.font, 8.5, GREY)
        y += 11
    if d.ids_head:
        pv, ps = _vat_prefix(d)
        for s in id_lines(d, pv, ps):
            p.text(x, y, s, d.font, 8.5, GREY)
            y += 11
    return y


def footer(p: Page, d: Doc, page_no: str = "") -> None:
    c = d.cust
    bits = [c["name"], c["legal"]]
    if not d.ids_head:
        pv, ps = _vat_prefix(d)
        bits += id_lines(d, pv, ps)
    s = " – ".join(bits)
    y = 800
    p.line(40, y - 10, 555, y - 10, GREY, 0.4)
    for line in wrap(s, d.font, 7, 470):
        p.text(40, y, line, d.font, 7, GREY)
        y += 9
    if page_no:
        p.text(555, 800, page_no, d.font, 7, GREY, "r")


def supplier_block(p: Page, d: Doc, x=330, y=120) -> float:
    p.text(x, y, "Fournisseur :" if d.lang == "fr" else "Vendor:", d.font, 8, GREY)
    y += 13
    p.text(x, y, Own.name, d.fontb, 9.5)
    y += 12
    for s in (Own.street, Own.town, f"Tél. {Own.tel} – {Own.mail}"):
        p.text(x, y, s, d.font, 8.5)
        y += 11
    if d.own_ids:
        p.text(x, y, f"SIRET {Own.siret} – TVA {Own.vat}", d.font, 7.5, GREY)
        y += 11
    return y


def lines_table(p: Page, d: Doc, y: float, n: int, lang="fr") -> float:
    rows = _articles(d.rng, n)
    cols = [40, 150, 380, 430, 490, 555]
    head = (
        ["Référence", "Désignation", "Qté", "PU HT", "Montant HT"]
        if lang == "fr"
        else ["Item", "Description", "Qty", "Unit price", "Amount"]
    )
    p.rect(40, y - 11, 515, 15, stroke=None, fill=(0.88, 0.89, 0.9))
    for i, h in enumerate(head):
        p.text(cols[i] + 3, y, h, d.fontb, 8)
    y += 16
    total = 0.0
    for ref, des, q, pu in rows:
        amt = q * pu
        total += amt
        p.text(cols[0] + 3, y, ref, d.font, 8)
        p.text(
            cols[1] + 3, y, des if text_width(d.font, 8, des) < 225 else des[:40] + ".", d.font, 8
        )
        p.text(cols[3] - 5, y, str(q), d.font, 8, align="r")
        p.text(cols[4] - 5, y, _money(pu), d.font, 8, align="r")
        p.text(cols[5] - 3, y, _money(amt), d.font, 8, align="r")
        p.line(40, y + 4, 555, y + 4, (0.8, 0.8, 0.8), 0.3)
        y += 14
    y += 6
    lab = (
        ("Total HT", "TVA 20 %", "Total TTC")
        if lang == "fr"
        else ("Total excl. VAT", "VAT 20 %", "Total")
    )
    for lb, v in zip(lab, (total, total * 0.2, total * 1.2), strict=True):
        p.text(430, y, lb, d.fontb if lb.startswith("Total") else d.font, 8.5)
        p.text(552, y, _money(v) + " €", d.font, 8.5, align="r")
        y += 12
    return y + 6


# --- ERP form -------------------------------------------------------------------------------


@dataclass
class FormWords:
    title: str
    meta: list[tuple[str, str]]  # distractors (label, value)
    sentence: str  # with {n}
    box_label: str
    under_heads: list[str]  # three other column heads (values from meta)
    conditions: list[str]


def form(d: Doc, w: FormWords) -> list[Page]:
    p = Page()
    rng = d.rng
    y = letterhead(p, d)
    if d.place == "box":
        p.rect(380, 34, 175, 50, lw=1.0)
        p.text(388, 49, d.label, d.font, 8)
        p.text(388, 72, d.printed, d.fontb, 14)
    else:
        p.text(555, 48, d.date if d.lang == "fr" else "Date: " + d.date, d.font, 9, align="r")
    deliv_y = max(y + 14, 120)
    p.text(40, deliv_y, "Adresse de livraison :" if d.lang == "fr" else "Ship to:", d.font, 8, GREY)
    p.text(40, deliv_y + 13, d.cust["name"], d.font, 8.5)
    p.text(
        40,
        deliv_y + 24,
        rng.choice(
            [
                "Magasin central – quai 2",
                "Service maintenance",
                "Réception marchandises, porte B",
                "Atelier, bâtiment 3",
            ]
        )
        if d.lang == "fr"
        else "Goods receiving, dock 2",
        d.font,
        8.5,
    )
    p.text(40, deliv_y + 35, d.cust["town"], d.font, 8.5)
    supplier_block(p, d, 330, deliv_y)
    y = deliv_y + 80
    title = w.title
    if d.place == "title":
        title = f"{w.title} {d.label} {d.printed}".replace("  ", " ")
    p.text(297, y, title, d.fontb, 15, align="c")
    y += 24
    meta = list(w.meta)
    if d.place == "right":
        meta.insert(rng.randrange(0, 2), (d.label, d.printed))
    if d.place == "cells":
        rows = [*meta[:3], (d.label, d.printed)]
        rng.shuffle(rows)
        for lb, v in rows:
            p.rect(40, y - 11, 150, 16, lw=0.5, fill=(0.94, 0.94, 0.94))
            p.rect(190, y - 11, 160, 16, lw=0.5)
            p.text(45, y, lb, d.font, 8.5)
            p.text(195, y, v, d.fontb if v == d.printed else d.font, 9)
            y += 16
        for i, (lb, v) in enumerate(meta[3:6]):
            p.text(370, y - 16 * (4 - i), f"{lb} {v}", d.font, 8.5)
        y += 10
    elif d.place == "under":
        heads = [w.under_heads[0], d.label, *w.under_heads[1:3]]
        vals = [d.date, d.printed, *[v for _, v in meta[:2]]]
        cw = 515 / 4
        for i, (h, v) in enumerate(zip(heads, vals, strict=True)):
            x = 40 + i * cw
            p.rect(x, y - 11, cw, 15, lw=0.5, fill=(0.92, 0.92, 0.92))
            p.rect(x, y + 4, cw, 17, lw=0.5)
            p.text(x + 4, y, h, d.font, 8)
            p.text(x + 4, y + 16, v, d.fontb if v == d.printed else d.font, 9)
        y += 34
        for lb, v in meta[2:5]:
            p.text(40, y, f"{lb} {v}", d.font, 8.5)
            y += 12
        y += 6
    else:
        half = (len(meta) + 1) // 2
        y0 = y
        for i, (lb, v) in enumerate(meta):
            x = 40 if i < half else 320
            yy = y0 + (i % half) * 13
            p.text(x, yy, lb, d.font, 8.5, GREY)
            bold = v == d.printed
            p.text(
                x + text_width(d.font, 8.5, lb) + 6,
                yy,
                v,
                d.fontb if bold else d.font,
                9.5 if bold else 8.5,
            )
        y = y0 + half * 13 + 8
    if d.place == "sentence":
        y = para(p, 40, y + 4, w.sentence.format(n=d.printed), d.font, 9.5, 515) + 6
    else:
        y += 6
    y = lines_table(p, d, y + 8, rng.randint(3, 6), d.lang)
    for c in w.conditions:
        y = para(p, 40, y, c, d.font, 8, 515, color=GREY)
    y = max(y + 20, 690)
    p.text(
        360, y, "Le responsable des achats" if d.lang == "fr" else "Authorised buyer", d.font, 8.5
    )
    signature(p, 370, y + 28, rng)
    footer(p, d, "Page 1/1" if d.lang == "fr" else "Page 1 of 1")
    return [p]


# --- AS/400 listing -----------------------------------------------------------------------------


def listing(d: Doc) -> list[Page]:
    rng = d.rng
    c = d.cust
    f = d.font
    L: list[str] = []
    pgm = f"PGM: ACH{rng.randint(100, 499)}R"
    L.append(f"{c['name'][:40]:<40}  {pgm:<14} {d.date}   PAGE:   1")
    L.append(
        f"{c['street'][:40]:<40}  {'USER: ' + rng.choice(['MDUPRE', 'CFAURE', 'JBLANC']):<14} 08:4{rng.randint(0, 9)}:1{rng.randint(0, 9)}"
    )
    L.append(f"{c['town'][:40]:<40}")
    if d.ids_head:
        L += [s.upper() for s in id_lines(d, "TVA INTRACOM ", "SIRET ")]
    L.append("")
    title = "BON DE COMMANDE FOURNISSEUR"
    if d.place == "title":
        title = f"BON DE COMMANDE FOURNISSEUR {d.label} {d.printed}"
    L.append(" " * 14 + title)
    L.append(" " * 14 + "=" * len(title))
    L.append("")
    frs = f"{rng.randint(10000, 99999)}"
    L.append(f"FOURNISSEUR : {frs:<8} {Own.name}")
    L.append(f"              {Own.street}")
    L.append(f"              {Own.town}  TEL {Own.tel}")
    L.append("")
    mag = f"MAG{rng.randint(1, 9):02d}"
    rows = [
        ("DATE CDE", d.date),
        ("ACHETEUR", rng.choice(["DUPRE M.", "FAURE C.", "BLANC J."])),
        ("MAGASIN", mag),
        ("LIVRAISON", f"{rng.randint(10, 22)}/12/2026"),
        ("QUAI", str(rng.randint(1, 6))),
    ]
    if d.place == "right":
        L.append(f"{d.label:<14}: {d.printed}")
        for k, v in rows:
            L.append(f"{k:<14}: {v}")
    elif d.place == "under":
        heads = ["DATE CDE", d.label, "CODE FRS", "MAGASIN"]
        vals = [d.date, d.printed, frs, mag]
        L.append("  ".join(f"{h:<16}" for h in heads))
        L.append("  ".join(f"{v:<16}" for v in vals))
        L.append("")
        for k, v in rows[1:]:
            L.append(f"{k:<14}: {v}")
    elif d.place == "cells":
        bar = "+" + "-" * 18 + "+" + "-" * 20 + "+"
        L.append(bar)
        for k, v in [(d.label, d.printed), *rows[:3]]:
            L.append(f"| {k:<16} | {v:<18} |")
            L.append(bar)
    elif d.place == "box":
        inner = f"{d.label} {d.printed}"
        L.append(" " * 44 + "*" * (len(inner) + 6))
        L.append(" " * 44 + "*  " + inner + "  *")
        L.append(" " * 44 + "*" * (len(inner) + 6))
        for k, v in rows:
            L.append(f"{k:<14}: {v}")
    else:
        for k, v in rows:
            L.append(f"{k:<14}: {v}")
    L.append("")
    if d.place == "sentence":
        L.append(f"MERCI DE NOUS LIVRER SELON NOTRE COMMANDE {d.printed} LES ARTICLES SUIVANTS")
        L.append("ET DE RAPPELER CE NUMERO SUR BL ET FACTURE.")
        L.append("")
    L.append(f"{'LIG':<4}{'ARTICLE':<20}{'DESIGNATION':<40}{'QTE':>6}{'P.U.':>10}{'MONTANT':>11}")
    L.append("-" * 91)
    tot = 0.0
    for i, (ref, des, q, pu) in enumerate(_articles(rng, rng.randint(4, 7)), 1):
        tot += q * pu
        L.append(
            f"{i * 10:<4}{ref:<20}{des.upper()[:38]:<40}{q:>6}{_money(pu):>10}{_money(q * pu):>11}"
        )
    L.append("-" * 91)
    L.append(f"{'TOTAL HT':>80}{_money(tot):>11}")
    L.append("")
    L.append("CONDITIONS : 60 JOURS FIN DE MOIS - FRANCO 300 EUR HT")
    if not d.ids_head:
        L.append("")
        L += [s.upper() for s in id_lines(d, "TVA INTRACOM ", "SIRET ")]
    L.append(f"*** FIN DE LISTE ***  {pgm}")
    p = Page()
    # continuous-form green bars
    for k in range(0, 62, 6):
        p.rect(24, 40 + k * 12.2, 547, 36.6, stroke=None, fill=(0.9, 0.96, 0.9))
    y = 52.0
    for s in L:
        p.text(30, y, s, f, 8.4)
        y += 12.2
    return [p]


# --- letter --------------------------------------------------------------------------------------


def letter(d: Doc, subject: str, body: list[str], ref_line: str | None = None) -> list[Page]:
    p = Page()
    rng = d.rng
    letterhead(p, d)
    y = 140
    p.text(330, y, Own.name, d.fontb, 9.5)
    for s in (
        rng.choice(["Service commercial", "À l'attention de M. Chabanon", "Service ADV"]),
        Own.street,
        Own.town,
    ):
        y += 12
        p.text(330, y, s, d.font, 9)
    y += 30
    p.text(330, y, f"{d.cust['town'].split(' ', 1)[1].title()}, le {d.date}", d.font, 9.5)
    y += 34
    if d.place == "box":
        p.rect(40, y - 14, 200, 34, lw=0.9)
        p.text(46, y - 2, d.label, d.font, 8)
        p.text(46, y + 14, d.printed, d.fontb, 12)
        y += 36
    if ref_line:
        p.text(40, y, ref_line, d.font, 9.5)
        y += 14
    if d.place == "cells":
        for lb, v in [
            (
                "Chantier",
                rng.choice(["Résidence Les Tilleuls", "École de Tence", "Gymnase municipal"]),
            ),
            (d.label, d.printed),
            ("Lot", rng.choice(["02 – Gros œuvre", "05 – Serrurerie", "07 – Électricité"])),
        ]:
            p.rect(40, y - 11, 110, 16, lw=0.5, fill=(0.93, 0.93, 0.93))
            p.rect(150, y - 11, 170, 16, lw=0.5)
            p.text(45, y, lb, d.font, 8.5)
            p.text(155, y, v, d.font, 9)
            y += 16
        y += 8
    p.text(40, y, "Objet : " + subject, d.fontb, 10)
    y += 26
    p.text(40, y, rng.choice(["Madame, Monsieur,", "Monsieur,", "Bonjour,"]), d.font, 10)
    y += 20
    for b in body:
        y = para(p, 40, y, b, d.font, 10, 515, 14) + 8
    y += 6
    p.text(
        330,
        y,
        rng.choice(["Cordialement,", "Bien à vous,", "Salutations distinguées,"]),
        d.font,
        10,
    )
    p.text(
        330,
        y + 14,
        rng.choice(["P. Brun, gérant", "L. Giraud", "A. Chalaye", "M. Soulier", "Le gérant"]),
        d.font,
        10,
    )
    signature(p, 335, y + 44, rng)
    footer(p, d)
    return [p]


# --- hand-filled pad -------------------------------------------------------------------------------


def pad(d: Doc) -> list[Page]:
    rng = d.rng
    p = Page(w=420, h=595)
    c = d.cust
    ink = rng.choice([BLUE_PEN, (0.1, 0.1, 0.12)])
    hand = "kaushan"
    p.text(24, 36, c["name"], d.fontb, 12)
    p.text(24, 49, f"{c['street']} – {c['town']}", d.font, 7.5, GREY)
    p.text(24, 59, f"Tél. {c['tel']}", d.font, 7.5, GREY)
    yy = 69
    for s in id_lines(d, "TVA ", "SIRET "):
        p.text(24, yy, s, d.font, 7.5, GREY)
        yy += 10
    p.rect(270, 24, 128, 40, lw=0.8)
    p.text(334, 39, "BON DE COMMANDE", d.fontb, 9, align="c")
    if d.place == "preprinted":
        p.text(334, 57, d.printed, d.fontb, 12, RED, "c")
    else:
        p.text(
            334, 57, f"N° {rng.randint(1200, 1900):06d}", d.fontb, 12, RED, "c"
        )  # pad sheet number
    y = 108
    fields = ["Fournisseur :", "Date :", "Réf. commande :", "Livraison :"]
    vals = [
        "VFV Fixations – Brives",
        f"{rng.randint(1, 6)}/12/26",
        "",
        rng.choice(["vendredi matin", "dès que possible", "à l'atelier"]),
    ]
    if d.place == "hand-right":
        vals[2] = d.printed
    for lb, v in zip(fields, vals, strict=True):
        p.text(24, y, lb, d.font, 9)
        x0 = 24 + text_width(d.font, 9, lb) + 4
        p.line(x0, y + 2, 396, y + 2, GREY, 0.4)
        if v:
            p.text(x0 + 6, y - 1, v, hand, 13, ink)
        y += 24
    p.rect(24, y, 372, 18, lw=0.6, fill=(0.93, 0.93, 0.93))
    for x, h in ((28, "Qté"), (70, "Désignation"), (330, "Réf.")):
        p.text(x, y + 12, h, d.fontb, 8.5)
    y += 18
    arts = _articles(rng, rng.randint(3, 5))
    for i in range(9):
        p.rect(24, y, 372, 20, lw=0.4)
        if i < len(arts):
            ref, des, q, _ = arts[i]
            p.text(30, y + 15, str(q), hand, 12, ink)
            p.text(72, y + 15, des.split(" (")[0][:34], hand, 11, ink)
            p.text(300, y + 15, ref[:14], hand, 9, ink)
        y += 20
    y += 22
    if d.place == "hand-sentence":
        p.text(24, y, f"Suite à notre appel : commande {d.printed} svp", hand, 13, ink)
        y += 22
    p.text(24, y + 16, "Signature :", d.font, 8.5)
    signature(p, 90, y + 14, rng, ink, 0.8)
    p.text(210, 575, "Exemplaire fournisseur – carnet autocopiant 50 × 2", d.font, 6.5, GREY, "c")
    return [p]


# --- two-page order, number only in the page header ------------------------------------------------


def twopage(d: Doc, header: str) -> list[Page]:
    rng = d.rng
    arts = [
        (*a, rng.choice([5, 10, 20, 50]), rng.uniform(1, 30))
        for a in [(r, des) for r, des, _ in ARTICLES]
    ]
    arts = (arts + arts)[:34]
    rng.shuffle(arts)
    pages = []
    total = 0.0
    chantier = rng.choice(
        [
            "Collège Jules Vallès – réhabilitation",
            "ZAC du Breuil – bâtiment B",
            "Ehpad Les Sorbiers – extension",
            "Pont de Coubon – reprise des garde-corps",
        ]
    )
    for n in (1, 2):
        p = Page()
        p.text(40, 30, f"{header} {d.printed}", d.fontb, 10.5)
        p.text(555, 30, f"Page {n}/2", d.font, 9, align="r")
        p.line(40, 36, 555, 36, (0, 0, 0), 0.8)
        y = 60
        if n == 1:
            y = letterhead(p, d, 40, 60) + 10
            supplier_block(p, d, 330, 64)
            y = max(y, 140)
            p.text(40, y, f"Chantier : {chantier}", d.font, 9)
            p.text(
                40,
                y + 13,
                f"Affaire : {rng.randint(2600, 2699)}-{rng.randint(10, 99)}   Conducteur de travaux : {rng.choice(['S. Peyrard', 'T. Faure', 'N. Mazet'])}",
                d.font,
                9,
            )
            p.text(
                40,
                y + 26,
                f"Livraison souhaitée : {rng.randint(14, 23)}/12/2026 sur chantier, 7 h 30 – 11 h 00",
                d.font,
                9,
            )
            p.text(
                40,
                y + 39,
                f"Votre devis : DV26-{rng.randint(1000, 9999)} du {rng.randint(10, 28)}/11/2026",
                d.font,
                9,
            )
            y += 62
        else:
            y = 60
        p.rect(40, y - 11, 515, 15, stroke=None, fill=(0.88, 0.89, 0.9))
        for x, h in (
            (43, "Lig."),
            (75, "Référence"),
            (185, "Désignation"),
            (430, "Qté"),
            (470, "PU HT"),
            (515, "Total"),
        ):
            p.text(x, y, h, d.fontb, 8)
        y += 15
        chunk = arts[:20] if n == 1 else arts[20:]
        base = 0 if n == 1 else 20
        for i, (ref, des, q, pu) in enumerate(chunk, base + 1):
            total += q * pu
            p.text(43, y, f"{i:02d}", d.font, 8)
            p.text(75, y, ref, d.font, 8)
            p.text(185, y, des if len(des) <= 46 else des.split(" (")[0], d.font, 8)
            p.text(450, y, str(q), d.font, 8, align="r")
            p.text(505, y, _money(pu), d.font, 8, align="r")
            p.text(553, y, _money(q * pu), d.font, 8, align="r")
            p.line(40, y + 4, 555, y + 4, (0.82, 0.82, 0.82), 0.3)
            y += 13.5
        if n == 1:
            p.text(555, y + 10, "… suite page 2", d.font, 8, GREY, "r")
        else:
            y += 10
            for lb, v in (
                ("Total HT", total),
                ("TVA 20 %", total * 0.2),
                ("Total TTC", total * 1.2),
            ):
                p.text(430, y, lb, d.fontb, 8.5)
                p.text(552, y, _money(v) + " €", d.font, 8.5, align="r")
                y += 12
            y = para(
                p,
                40,
                y + 10,
                "Livraison sur chantier uniquement avec BL chiffré rappelant le numéro de commande et le nom du chantier. Toute livraison incomplète doit être signalée au conducteur de travaux.",
                d.font,
                8,
                515,
                color=GREY,
            )
            p.text(360, y + 20, "Bon pour commande", d.font, 8.5)
            signature(p, 365, y + 46, rng)
        footer(p, d)
        pages.append(p)
    return pages


# --- negatives -----------------------------------------------------------------------------------


def own_head(p: Page, d: Doc, title: str) -> float:
    p.text(40, 48, Own.name, d.fontb, 14, (0.1, 0.25, 0.45))
    y = 63
    for s in (Own.street, Own.town, f"Tél. {Own.tel} – Fax {Own.fax} – {Own.mail}"):
        p.text(40, y, s, d.font, 8.5, GREY)
        y += 11
    c = d.cust
    y = 120
    p.rect(320, y - 14, 235, 70, lw=0.5)
    p.text(328, y, c["name"][:38], d.fontb, 9.5)
    p.text(328, y + 13, c["street"][:44], d.font, 8.5)
    p.text(328, y + 25, c["town"], d.font, 8.5)
    yy = y + 37
    for s in id_lines(d, "N° TVA client : ", "SIRET client : "):
        p.text(328, yy, s, d.font, 8)
        yy += 10
    p.text(40, 120, title, d.fontb, 15)
    return 190


def own_footer(p: Page, d: Doc) -> None:
    s = (
        f"{Own.name} – SAS {Own.capital} – {Own.rcs} {Own.siren} – SIRET {Own.siret} – "
        f"TVA {Own.vat} – APE 4674A – IBAN {Own.iban} – BIC {Own.bic}"
    )
    y = 796
    p.line(40, y - 10, 555, y - 10, GREY, 0.4)
    for line in wrap(s, d.font, 7, 515):
        p.text(40, y, line, d.font, 7, GREY)
        y += 9


def devis(d: Doc, no: str, signed: bool) -> list[Page]:
    p = Page()
    rng = d.rng
    y = own_head(p, d, f"DEVIS N° {no}")
    p.text(40, 140, f"Date : {d.date} – validité 30 jours", d.font, 9)
    p.text(40, 153, f"Code client : 411{rng.randint(1000, 9999)}", d.font, 9)
    y = (
        para(
            p,
            40,
            y + 10,
            f"Suite à votre demande, et en renouvellement de votre commande n° {d.old}, nous avons le plaisir de vous proposer :",
            d.font,
            9.5,
            515,
        )
        + 6
    )
    y = lines_table(p, d, y + 8, rng.randint(3, 5))
    y = (
        para(
            p,
            40,
            y,
            "Délai : 5 jours ouvrés à réception de commande. Franco de port à partir de 350 € HT. Règlement à 45 jours fin de mois.",
            d.font,
            8,
            515,
            color=GREY,
        )
        + 10
    )
    p.rect(300, y, 255, 110, lw=0.8)
    p.text(310, y + 16, "BON POUR ACCORD", d.fontb, 10)
    p.text(310, y + 34, "N° de commande client : ____________", d.font, 8.5)
    p.text(310, y + 50, "Date, cachet et signature :", d.font, 8.5)
    if signed:
        p.text(320, y + 68, f"{int(d.date[:2]) + rng.randint(0, 2)}/12/26", "kaushan", 12, BLUE_PEN)
        p.rect(390, y + 58, 150, 36, stroke=(0.2, 0.3, 0.7), lw=1.4)
        p.text(465, y + 72, d.cust["name"][:36], "arimo-b", 5.8, (0.2, 0.3, 0.7), "c")
        p.text(465, y + 84, d.cust["town"][:30], "arimo", 6.5, (0.2, 0.3, 0.7), "c")
        signature(p, 400, y + 98, rng)
    own_footer(p, d)
    return [p]


def facture(d: Doc, no: str, avoir: bool) -> list[Page]:
    p = Page()
    rng = d.rng
    own_head(p, d, ("AVOIR N° " if avoir else "FACTURE N° ") + no)
    y = 140
    for s in (
        f"Date : {d.date}",
        f"Votre commande : {d.old}",
        f"BL n° BL26-{rng.randint(10000, 99999)}",
        f"Échéance : {rng.randint(10, 31)}/01/2027",
    ):
        p.text(40, y, s, d.font, 9)
        y += 12
    y = 200
    if avoir:
        y = para(
            p,
            40,
            y,
            f"Avoir pour retour de marchandise non conforme sur votre commande {d.old}.",
            d.font,
            9.5,
            515,
        )
    y = lines_table(p, d, y + 10, rng.randint(2, 5))
    y = para(
        p,
        40,
        y + 6,
        f"Paiement par virement : IBAN {Own.iban} – BIC {Own.bic}. Pénalités de retard : trois fois le taux d'intérêt légal ; indemnité forfaitaire pour frais de recouvrement : 40 €.",
        d.font,
        8,
        515,
        color=GREY,
    )
    own_footer(p, d)
    return [p]


def accuse(d: Doc, no: str) -> list[Page]:
    p = Page()
    rng = d.rng
    own_head(p, d, "ACCUSÉ DE RÉCEPTION")
    p.text(40, 140, f"N° {no} du {d.date}", d.font, 9.5)
    y = (
        para(
            p,
            40,
            200,
            f"Nous accusons réception de votre commande n° {d.old} et vous en remercions. Elle sera expédiée le {rng.randint(9, 18)}/12/2026 depuis notre entrepôt de Brives-Charensac.",
            d.font,
            9.5,
            515,
        )
        + 8
    )
    y = lines_table(p, d, y + 6, rng.randint(3, 5))
    para(
        p,
        40,
        y + 6,
        "Merci de vérifier les quantités et les prix ; sans remarque de votre part sous 48 heures, ce document vaut confirmation.",
        d.font,
        8.5,
        515,
        color=GREY,
    )
    own_footer(p, d)
    return [p]


def relance(d: Doc) -> list[Page]:
    body = [
        f"Notre commande n° {d.old} du {d.rng.randint(10, 25)}/11/2026 ne nous est toujours pas parvenue, alors que vous nous aviez confirmé une livraison sous huit jours.",
        "Où en est notre commande ? Nous vous remercions de nous indiquer par retour une date d'expédition ferme, le chantier étant bloqué.",
    ]
    return letter(d, f"Relance – notre commande n° {d.old}", body)


def demande_prix(d: Doc, no: str) -> list[Page]:
    p = Page()
    rng = d.rng
    letterhead(p, d)
    supplier_block(p, d, 330, 120)
    p.text(297, 210, f"DEMANDE DE PRIX N° {no}", d.fontb, 15, align="c")
    p.text(297, 228, "Ceci n'est pas une commande", d.font, 10, RED, "c")
    y = (
        para(
            p,
            40,
            256,
            f"Merci de nous faire parvenir votre meilleure offre avant le {rng.randint(14, 20)}/12/2026 pour les articles ci-dessous (pour mémoire, notre dernière commande n° {d.old}).",
            d.font,
            9.5,
            515,
        )
        + 8
    )
    y = lines_table(p, d, y + 6, rng.randint(3, 6))
    footer(p, d)
    return [p]
