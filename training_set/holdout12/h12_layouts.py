"""Holdout12 layouts: ERP form (six placements), EDI print-out, letter, hand-filled pad,
two-page order with a running header, and our own documents / the customers' negatives."""

from __future__ import annotations

import math
import random

from h12_data import ARTICLES, OWN, OWN_SIRET, OWN_VAT, rng
from h12_render import A4, A5, Page, width


def own_block(
    p: Page, x: float, y: float, font: str, size: float = 8.5, label="Fournisseur"
) -> float:
    p.text(x, y, label, font, size - 1, "#555555")
    y += size + 3
    for s in (OWN["name"], OWN["addr"], OWN["city"], f"Tél. {OWN['tel']} – {OWN['mail']}"):
        p.text(x, y, s, font, size)
        y += size + 2.5
    return y


def id_lines(doc: dict) -> list[str]:
    out = []
    v, s = doc["ids"]["vat"][0], doc["ids"]["siret"][0]
    if s:
        out.append(f"SIRET : {s}")
    if v:
        out.append(f"N° TVA intracom. : {v}")
    return out


def wrap(text: str, font: str, size: float, maxw: float) -> list[str]:
    lines, cur = [], ""
    for w in text.split(" "):
        t = (cur + " " + w).strip()
        if width(t, font, size) > maxw and cur:
            lines.append(cur)
            cur = w
        else:
            cur = t
    if cur:
        lines.append(cur)
    return lines


def para(p: Page, x, y, text, font, size, maxw, lead=1.4) -> float:
    for ln in wrap(text, font, size, maxw):
        p.text(x, y, ln, font, size)
        y += size * lead
    return y


def lines_table(
    p: Page, doc: dict, y: float, font: str, bold: str, n: int, accent: str, r
) -> float:
    x0, x1 = 40, 555
    cols = [
        ("Réf.", x0 + 4),
        ("Désignation", x0 + 84),
        ("Qté", x0 + 330),
        ("P.U. HT", x0 + 380),
        ("Montant HT", x0 + 448),
    ]
    if doc.get("english"):
        cols = [
            ("Item", x0 + 4),
            ("Description", x0 + 84),
            ("Qty", x0 + 330),
            ("Unit price", x0 + 380),
            ("Amount", x0 + 448),
        ]
    if doc.get("german"):
        cols = [
            ("Art.-Nr.", x0 + 4),
            ("Bezeichnung", x0 + 84),
            ("Menge", x0 + 330),
            ("Preis", x0 + 380),
            ("Betrag", x0 + 448),
        ]
    p.rect(x0, y, x1 - x0, 16, 0.5, accent, accent)
    for c, cx in cols:
        p.text(cx, y + 11, c, bold, 8, "#ffffff")
    y += 16
    total = 0.0
    for _ in range(n):
        ref, des, pu = ARTICLES[r.randrange(len(ARTICLES))]
        q = r.choice([2, 4, 5, 6, 10, 12, 20, 24, 50])
        total += q * pu
        y += 14
        p.text(x0 + 4, y - 3, ref, font, 8)
        p.text(x0 + 84, y - 3, des, font, 8)
        p.text(x0 + 350, y - 3, str(q), font, 8, anchor="end")
        p.text(x0 + 430, y - 3, f"{pu:.2f}".replace(".", ","), font, 8, anchor="end")
        p.text(
            x0 + 508,
            y - 3,
            f"{q * pu:,.2f}".replace(",", " ").replace(".", ","),
            font,
            8,
            anchor="end",
        )
        p.line(x0, y + 1, x1, y + 1, 0.3, "#999999")
    y += 16
    lab = "Total HT" if not doc.get("english") else "Total net"
    if doc.get("german"):
        lab = "Gesamt netto"
    p.text(x0 + 380, y, lab, bold, 9)
    p.text(
        x0 + 508, y, f"{total:,.2f} €".replace(",", " ").replace(".", ","), bold, 9, anchor="end"
    )
    return y + 14


def footer(p: Page, doc: dict, font: str, ids_here: bool) -> None:
    c = doc["cust"]
    y = p.h - 46
    p.line(40, y - 10, p.w - 40, y - 10, 0.4, "#777777")
    legal = c["name"] + " – " + c["addr"] + " – " + c["city"]
    p.text(p.w / 2, y, legal, font, 7, "#444444", anchor="middle")
    parts = []
    if not c["public"]:
        parts.append(
            f"Capital {rng('cap', c['siren']).choice(['150 000', '1 200 000', '38 000', '500 000'])} €"
        )
    if ids_here:
        parts += id_lines(doc)
    if parts:
        p.text(p.w / 2, y + 10, " – ".join(parts), font, 7, "#444444", anchor="middle")
    p.text(
        p.w / 2,
        y + 20,
        f"Tél. {c['tel']} – achats@{c['domain']}",
        font,
        7,
        "#444444",
        anchor="middle",
    )


def signature(p: Page, x: float, y: float, r: random.Random, colour="#1b2a80", w=1.1) -> None:
    a, b, c = r.uniform(2, 4), r.uniform(5, 8), r.uniform(0, 3)
    pts = [(x + t * 1.6, y + 9 * math.sin(t / a + c) + 4 * math.sin(t / b)) for t in range(0, 48)]
    p.poly(pts, w, colour)
    p.poly([(x - 4, y + 12), (x + 84, y + 9)], w * 0.8, colour)


# --------------------------------------------------------------------------- ERP form


def form(doc: dict, st: dict) -> list[Page]:
    """A customer's purchase order form; ``doc['place']`` puts the number."""
    r = rng("form", doc["key"])
    p = Page(A4)
    f, fb, acc = st["font"], st["bold"], st["accent"]
    c = doc["cust"]
    num, lab, place = doc["printed"], doc["wording"], doc["place"]
    ids_top = r.random() < 0.35
    p.rect(0, 0, p.w, 8, 0, None, acc)
    p.text(40, 48, c["short"], fb, 15, acc)
    y = 62
    for s in (c["addr"], c["city"], f"Tél. {c['tel']}"):
        p.text(40, y, s, f, 8.5)
        y += 11
    if ids_top:
        for s in id_lines(doc):
            p.text(40, y, s, f, 8.5)
            y += 11
    own_block(p, 350, 60, f, 8.5, st.get("own_label", "Fournisseur"))
    title = st["title"]
    ty = max(y, 120) + 22
    if place == "title":
        p.text(40, ty, f"{title} {lab} {num}".replace("  ", " "), fb, 15)
    else:
        p.text(40, ty, title, fb, 16)
    y = ty + 22
    fields = list(st["fields"](doc, r))
    if place == "right":
        fields.insert(r.randint(0, 1), (lab, num, True))
    x = 40
    for i, (k, v, *strong) in enumerate(fields):
        col = i % 2
        yy = y + (i // 2) * 14
        xx = x + col * 260
        p.text(xx, yy, f"{k} :" if not k.endswith(":") else k, f, 9, "#333333")
        p.text(xx + width(f"{k} :", f, 9) + 6, yy, v, fb if strong else f, 9.5 if strong else 9)
    y += ((len(fields) + 1) // 2) * 14 + 8
    if place == "box":
        bx, by = 360, ty - 32
        p.rect(bx, by, 195, 46, 1.2, acc)
        p.text(bx + 10, by + 15, lab, fb, 9, acc)
        p.text(bx + 10, by + 36, num, fb, 15)
    if place == "cells":
        p.rect(40, y, 150, 22, 0.7, "#000000", "#e8e8e8")
        p.rect(190, y, 170, 22, 0.7, "#000000")
        p.text(46, y + 15, lab, fb, 9)
        p.text(198, y + 15, num, fb, 11)
        y += 34
    if place == "under":
        heads = [lab, st.get("date_label", "Date"), st.get("buyer_label", "Acheteur")]
        vals = [num, doc["date"], doc["buyer"]]
        cw = 515 / 3
        for i, (h, v) in enumerate(zip(heads, vals, strict=True)):
            p.rect(40 + i * cw, y, cw, 16, 0.6, "#000000", "#dddddd")
            p.rect(40 + i * cw, y + 16, cw, 20, 0.6, "#000000")
            p.text(46 + i * cw, y + 11, h, fb, 8.5)
            p.text(46 + i * cw, y + 31, v, f if i else fb, 10)
        y += 48
    y = lines_table(p, doc, y + 6, f, fb, r.randint(3, 6), acc, r)
    y += 10
    if place == "sentence":
        y = para(p, 40, y, doc["sentence"], f, 9.5, 515)
        y += 6
    for s in st["conditions"](doc, r):
        y = para(p, 40, y, s, f, 8.5, 515, 1.35)
    y += 10
    p.text(360, y, st.get("sign_label", "Signature et cachet"), f, 8.5)
    p.text(360, y + 12, doc["buyer"], f, 8.5)
    if doc.get("signed", True):
        signature(p, 372, y + 30, r)
    footer(p, doc, f, not ids_top)
    return [p]


# --------------------------------------------------------------------------- EDI print-out


def edi(doc: dict) -> list[Page]:
    r = rng("edi", doc["key"])
    p = Page(A4)
    f, fb = "monoid", "monoid-b"
    c = doc["cust"]
    num, place = doc["printed"], doc["place"]
    s = 7.2
    y = 40
    lines = [
        f"EDI-PRINT V4.2          ORDERS D96A          EMETTEUR GLN 30{r.randint(10**10, 10**11 - 1)}",
        f"INTERCHANGE {r.randint(100000, 999999)}   MESSAGE {r.randint(1000, 9999)}   EDITE LE {doc['date']} {r.randint(6, 18):02d}:{r.randint(0, 59):02d}",
        "-" * 78,
        f"ACHETEUR   : {c['short'][:40]}",
        f"             {c['addr'][:40]}",
        f"             {c['city']}",
    ]
    lines += [f"             {x}" for x in id_lines(doc)]
    lines += [
        f"FOURNISSEUR: {OWN['short']}",
        f"             CODE FOURNISSEUR {r.randint(100000, 999999)}  GLN 37{r.randint(10**10, 10**11 - 1)}",
        f"LIVRER A   : ENTREPOT {r.choice(['LESQUIN', 'LENS', 'DOUAI', 'ROUEN'])} QUAI {r.randint(1, 24)}  GLN 30{r.randint(10**10, 10**11 - 1)}",
        f"RDV LIVRAISON : {r.randint(9, 22)}/12/2026  CRENEAU {r.randint(6, 14)}H00",
        "-" * 78,
    ]
    head = lines[:]
    title = "ORDERS  BON DE COMMANDE EDI"
    if place == "title":
        title = f"ORDERS  {num}"
    p.text(40, y, title, fb, 11)
    y += 20
    for ln in head:
        p.text(40, y, ln, f, s)
        y += s * 1.55
    if place == "right":
        p.text(40, y, f"{doc['wording']} : {num}", fb, s + 0.8)
        y += s * 1.8
        p.text(40, y, f"DATE COMMANDE      : {doc['date']}", f, s)
        y += s * 1.8
    elif place == "under":
        p.text(40, y, f"{doc['wording']}      DATE CDE     TYPE   DEVISE", fb, s)
        y += s * 1.55
        p.text(40, y, f"{num}    {doc['date']}   220    EUR", f, s)
        y += s * 1.8
    elif place == "box":
        p.text(40, y, f"***  {doc['wording']} {num}  ***", fb, s + 2)
        y += s * 2.2
    elif place == "cells":
        p.text(40, y, "+----------------+----------------------+", f, s)
        y += s * 1.4
        p.text(40, y, f"| {doc['wording']:<14} | {num:<20} |", f, s)
        y += s * 1.4
        p.text(40, y, "+----------------+----------------------+", f, s)
        y += s * 1.8
    p.text(40, y, "LIG  EAN13          REF FOURN.     DESIGNATION                QTE   UC", fb, s)
    y += s * 1.55
    for i in range(r.randint(5, 9)):
        ref, des, _ = ARTICLES[r.randrange(len(ARTICLES))]
        ean = "3" + "".join(str(r.randint(0, 9)) for _ in range(12))
        ln = f"{(i + 1) * 10:03d}  {ean}  {ref:<13}  {des.replace('µ', 'u')[:26].upper():<26} {r.randint(1, 40):>4}   PCE"
        p.text(40, y, ln, f, s)
        y += s * 1.55
    y += 6
    p.text(40, y, "-" * 78, f, s)
    y += s * 1.6
    for ln in (
        "CONDITIONS : FRANCO - PAIEMENT 60 JOURS FIN DE MOIS",
        "TOUTE LIVRAISON SANS RENDEZ-VOUS SERA REFUSEE.",
        "RAPPELER LE NUMERO DE COMMANDE SUR LE BL ET LA FACTURE.",
    ):
        p.text(40, y, ln, f, s)
        y += s * 1.55
    p.text(40, p.h - 30, f"FIN DE MESSAGE    PAGE 001/001    {c['short'][:30]}", f, s)
    return [p]


# --------------------------------------------------------------------------- letter


def letter(doc: dict, st: dict) -> list[Page]:
    r = rng("letter", doc["key"])
    p = Page(A4)
    f, fb = st["font"], st["bold"]
    c = doc["cust"]
    p.text(50, 60, c["short"], fb, 14)
    y = 74
    for s in (c["addr"], c["city"], f"Tél. {c['tel']}"):
        p.text(50, y, s, f, 9)
        y += 12
    for s in id_lines(doc):
        p.text(50, y, s, f, 9)
        y += 12
    y2 = own_block(p, 330, 150, f, 9, "")
    y = max(y, y2) + 18
    p.text(330, y, f"{c['city'].split(' ', 1)[1].title()}, le {doc['date']}", f, 9.5)
    y += 30
    place, num, lab = doc["place"], doc["printed"], doc["wording"]
    if place == "title":
        p.text(50, y, f"Objet : {lab} {num}", fb, 10.5)
    else:
        p.text(50, y, f"Objet : {st.get('objet', 'Commande')}", fb, 10.5)
    y += 16
    if place == "right":
        p.text(50, y, f"{lab} : {num}", fb, 10)
        p.text(300, y, f"V/Réf. : devis {doc['quote']}", f, 9.5)
        y += 16
    if place == "cells":
        for i, (k, v) in enumerate(
            (("Chantier / lieu", doc["site"]), (lab, num), ("Livraison", doc["delivery"]))
        ):
            p.rect(50 + i * 165, y, 165, 16, 0.6, "#000000", "#eeeeee")
            p.rect(50 + i * 165, y + 16, 165, 20, 0.6, "#000000")
            p.text(56 + i * 165, y + 11, k, fb, 8.5)
            p.text(56 + i * 165, y + 31, v, f, 10)
        y += 44
    y += 14
    p.text(50, y, st.get("hello", "Madame, Monsieur,"), f, 10)
    y += 20
    for s in doc["body"]:
        y = para(p, 50, y, s, f, 10, 495, 1.45)
        y += 8
    y += 10
    p.text(330, y, st.get("bye", "Cordialement,"), f, 10)
    p.text(330, y + 14, doc["buyer"], f, 10)
    signature(p, 340, y + 40, r)
    return [p]


# --------------------------------------------------------------------------- hand-filled pad


def pad(doc: dict, hand_col: str) -> list[Page]:
    r = rng("pad", doc["key"])
    p = Page(A5)
    c = doc["cust"]
    f, fb, h = "karla", "karla-b", "hand"
    p.rect(20, 20, p.w - 40, 62, 0.8, "#7a1d1d")
    p.text(30, 40, c["short"], fb, 12, "#7a1d1d")
    p.text(30, 53, f"{c['addr']} – {c['city']}", f, 7.5, "#7a1d1d")
    idl = id_lines(doc)
    for i, s in enumerate(idl):
        p.text(30, 64 + i * 9, s, f, 7, "#7a1d1d")
    p.text(p.w - 30, 40, "BON DE COMMANDE", fb, 11, "#7a1d1d", anchor="end")
    sheet = doc["sheet"]
    p.text(p.w - 30, 58, f"N° {sheet}", fb, 13, "#c0141b", anchor="end")
    y = 104
    p.text(28, y, "Date :", f, 9)
    p.text(62, y, doc["date"], h, 12, hand_col)
    p.text(200, y, "Fournisseur :", f, 9)
    p.text(262, y, "Filtration Artois", h, 11, hand_col)
    y += 22
    p.text(28, y, "Réf. commande :", f, 9)
    p.line(100, y + 2, 250, y + 2, 0.5, "#999999")
    if doc["place"] == "hand-ref":
        p.text(104, y - 1, doc["printed"], h, 14, hand_col)
    y += 20
    p.rect(20, y, p.w - 40, 16, 0.6, "#7a1d1d", "#f3e4e4")
    for t, x in (("Quantité", 26), ("Désignation", 90), ("Prix", 330)):
        p.text(x, y + 11, t, fb, 8, "#7a1d1d")
    y += 16
    for i in range(9):
        p.line(20, y + 20 * (i + 1), p.w - 20, y + 20 * (i + 1), 0.4, "#c9a0a0")
    p.line(84, y, 84, y + 180, 0.4, "#c9a0a0")
    p.line(322, y, 322, y + 180, 0.4, "#c9a0a0")
    for i in range(r.randint(2, 4)):
        _, des, _ = ARTICLES[r.randrange(len(ARTICLES))]
        p.text(34, y + 15 + 20 * i, str(r.choice([2, 5, 10, 12, 20])), h, 12, hand_col)
        p.text(90, y + 15 + 20 * i, des[:30], h, 11, hand_col)
    if doc["place"] == "hand-sentence":
        p.text(90, y + 15 + 20 * 5, f"Commande {doc['printed']} svp, merci !", h, 13, hand_col)
    y += 196
    p.text(28, y, "Signature :", f, 9)
    signature(p, 90, y + 4, r, hand_col, 1.0)
    p.text(p.w / 2, p.h - 22, "Feuillet client – à conserver", f, 7, "#7a1d1d", anchor="middle")
    return [p]


# --------------------------------------------------------------------------- two pages


def two_pages(doc: dict, st: dict) -> list[Page]:
    r = rng("multi", doc["key"])
    f, fb = st["font"], st["bold"]
    c = doc["cust"]
    pages = []
    rows = []
    for _ in range(34):
        ref, des, pu = ARTICLES[r.randrange(len(ARTICLES))]
        rows.append((ref, des, r.choice([1, 2, 4, 6, 8, 10, 16]), pu))
    for pn in (1, 2):
        p = Page(A4)
        p.text(40, 30, f"{doc['wording']} {doc['printed']}", fb, 9.5)
        p.text(555, 30, f"Page {pn}/2", f, 8.5, anchor="end")
        p.line(40, 36, 555, 36, 0.5)
        y = 60
        if pn == 1:
            p.text(40, y, c["short"], fb, 14)
            y += 14
            for s in (c["addr"], c["city"], f"Tél. {c['tel']}"):
                p.text(40, y, s, f, 8.5)
                y += 11
            own_block(p, 340, 60, f, 8.5, "Fournisseur")
            y = 130
            p.text(40, y, "BON DE COMMANDE – APPROVISIONNEMENT MAINTENANCE", fb, 12)
            y += 18
            for k, v in (
                ("Date", doc["date"]),
                ("Site", doc["site"]),
                ("Affaire", f"AFF-{r.randint(2600, 2699)}-{r.randint(10, 99)}"),
                ("Votre devis", doc["quote"]),
                ("Demandeur", doc["buyer"]),
                ("Livraison souhaitée", doc["delivery"]),
            ):
                p.text(40, y, f"{k} : {v}", f, 8.5)
                y += 12
            y += 6
            chunk = rows[:18]
        else:
            chunk = rows[18:]
        p.rect(40, y, 515, 15, 0.5, "#000000", "#dddddd")
        for t, x in (
            ("Réf.", 44),
            ("Désignation", 130),
            ("Qté", 390),
            ("P.U. HT", 440),
            ("Total HT", 500),
        ):
            p.text(x, y + 10.5, t, fb, 8)
        y += 15
        for ref, des, q, pu in chunk:
            y += 13.5
            p.text(44, y - 3, ref, f, 8)
            p.text(130, y - 3, des, f, 8)
            p.text(410, y - 3, str(q), f, 8, anchor="end")
            p.text(480, y - 3, f"{pu:.2f}".replace(".", ","), f, 8, anchor="end")
            p.text(550, y - 3, f"{q * pu:.2f}".replace(".", ","), f, 8, anchor="end")
            p.line(40, y + 1, 555, y + 1, 0.25, "#aaaaaa")
        if pn == 2:
            y += 20
            tot = sum(q * pu for _, _, q, pu in rows)
            p.text(440, y, "Total HT", fb, 9)
            p.text(550, y, f"{tot:.2f} €".replace(".", ","), fb, 9, anchor="end")
            y += 24
            y = para(
                p,
                40,
                y,
                "Livraison sur site aux heures d'ouverture (7h30 – 16h00). Bon de livraison en double exemplaire. Facture à adresser au service comptabilité fournisseurs.",
                f,
                8.5,
                515,
            )
            p.text(360, y + 16, "Le responsable achats", f, 8.5)
            signature(p, 372, y + 40, r)
        footer(p, doc, f, True)
        pages.append(p)
    return pages


# --------------------------------------------------------------------------- our documents


def our_header(p: Page, doc: dict, f: str, fb: str, title: str, acc: str) -> float:
    p.rect(40, 30, 8, 40, 0, None, acc)
    p.text(56, 46, OWN["short"], fb, 13, acc)
    p.text(56, 59, f"{OWN['addr']} – {OWN['city']}", f, 8)
    p.text(56, 69, f"Tél. {OWN['tel']} – Fax {OWN['fax']} – {OWN['mail']}", f, 8)
    c = doc["cust"]
    y = 110
    p.text(330, y, c["short"], fb, 10)
    for s in (c["addr"], c["city"]):
        y += 12
        p.text(330, y, s, f, 9)
    y += 14
    v, s = doc["ids"]["vat"][0], doc["ids"]["siret"][0]
    if s:
        p.text(330, y, f"SIRET client : {s}", f, 8)
        y += 11
    if v:
        p.text(330, y, f"N° TVA client : {v}", f, 8)
        y += 11
    p.text(40, 130, title, fb, 15)
    return max(y, 150) + 14


def our_footer(p: Page, f: str) -> None:
    y = p.h - 40
    p.line(40, y - 10, p.w - 40, y - 10, 0.4, "#777777")
    p.text(
        p.w / 2,
        y,
        f"{OWN['name']} au capital de {OWN['capital']} – RCS Arras {OWN_SIRET[:3]} {OWN_SIRET[3:6]} {OWN_SIRET[6:9]} – APE {OWN['ape']}",
        f,
        7,
        "#444444",
        anchor="middle",
    )
    p.text(
        p.w / 2,
        y + 10,
        f"SIRET {OWN_SIRET} – TVA {OWN_VAT} – IBAN {OWN['iban']} – BIC {OWN['bic']}",
        f,
        7,
        "#444444",
        anchor="middle",
    )


def our_doc(doc: dict, kind: str, f: str, fb: str) -> list[Page]:
    r = rng("ours", doc["key"])
    p = Page(A4)
    acc = "#0b5d6b"
    titles = {
        "devis": f"DEVIS N° {doc['own_no']}",
        "facture": f"FACTURE N° {doc['own_no']}",
        "avoir": f"AVOIR N° {doc['own_no']}",
        "accuse": f"ACCUSÉ DE RÉCEPTION DE COMMANDE {doc['own_no']}",
    }
    y = our_header(p, doc, f, fb, titles[kind], acc)
    p.text(40, 150, f"Date : {doc['date']}", f, 9)
    p.text(40, 162, f"Code client : {doc['cust_code']}", f, 9)
    p.text(40, 174, f"Interlocuteur : {doc['buyer']}", f, 9)
    if kind in ("facture", "avoir"):
        p.text(40, 186, f"Votre commande : {doc['old']}", f, 9)
        p.text(40, 198, f"BL n° {doc['bl']} du {doc['date']}", f, 9)
    y = max(y, 210)
    if kind == "devis":
        renew = f", et en renouvellement de votre commande n° {doc['old']}" if doc["old"] else ""
        y = para(
            p,
            40,
            y,
            f"Suite à votre demande{renew}, nous avons le plaisir de vous remettre notre meilleure offre. Validité : 30 jours.",
            f,
            9.5,
            515,
        )
    if kind == "accuse":
        y = para(
            p,
            40,
            y,
            f"Nous accusons réception de votre commande n° {doc['old']} et vous en remercions. Date d'expédition prévue : {doc['delivery']}. Merci de vérifier les quantités ci-dessous et de nous signaler tout écart sous 48 heures.",
            f,
            9.5,
            515,
        )
    y = lines_table(p, doc, y + 8, f, fb, r.randint(3, 5), acc, r)
    y += 10
    if kind == "devis":
        p.rect(300, y, 255, 104, 0.9, acc)
        p.text(310, y + 15, "BON POUR ACCORD", fb, 10, acc)
        p.text(310, y + 32, "N° de commande client :", f, 8.5)
        p.line(410, y + 34, 545, y + 34, 0.4, "#888888")
        p.text(310, y + 52, "Date :", f, 8.5)
        p.line(340, y + 54, 545, y + 54, 0.4, "#888888")
        p.text(310, y + 72, "Cachet et signature :", f, 8.5)
        y += 116
    if kind in ("facture", "avoir"):
        p.text(40, y, f"Échéance : {doc['due']} – règlement par virement", f, 9)
        y += 12
        p.text(40, y, f"IBAN {OWN['iban']} – BIC {OWN['bic']}", f, 9)
        y += 12
        if doc["cust"]["public"]:
            p.text(40, y, f"Code service Chorus Pro : {doc['service']}", f, 9)
    our_footer(p, f)
    doc["box_y"] = y - 116 if kind == "devis" else None
    return [p]


def customer_letter(doc: dict, kind: str, f: str, fb: str) -> list[Page]:
    """A customer's reminder (neg_relance) or request for quotation (neg_demande_prix)."""
    r = rng("custneg", doc["key"])
    p = Page(A4)
    c = doc["cust"]
    p.text(50, 60, c["short"], fb, 14)
    y = 74
    for s in (c["addr"], c["city"], f"Tél. {c['tel']}"):
        p.text(50, y, s, f, 9)
        y += 12
    for s in id_lines(doc):
        p.text(50, y, s, f, 9)
        y += 12
    own_block(p, 330, 140, f, 9, "")
    y = 220
    p.text(330, y, f"Le {doc['date']}", f, 9.5)
    y += 26
    if kind == "relance":
        p.text(50, y, f"Objet : Relance – notre commande n° {doc['old']}", fb, 10.5)
        body = [
            f"Sauf erreur de notre part, la marchandise de notre commande n° {doc['old']} du {doc['old_date']}, confirmée par votre accusé de réception, ne nous est toujours pas parvenue.",
            "Où en est notre commande ? Merci de nous communiquer par retour une date de livraison ferme ; sans réponse sous huit jours nous serons contraints de l'annuler.",
        ]
    else:
        p.text(50, y, f"DEMANDE DE PRIX N° {doc['own_no']}", fb, 12)
        body = [
            "Nous vous remercions de bien vouloir nous faire parvenir votre meilleure offre de prix et délai pour les articles ci-dessous.",
            f"Ceci n'est pas une commande. Pour mémoire, notre dernière commande n° {doc['old']} vous a été passée le {doc['old_date']}.",
        ]
    y += 26
    p.text(50, y, "Madame, Monsieur,", f, 10)
    y += 20
    for s in body:
        y = para(p, 50, y, s, f, 10, 495, 1.45)
        y += 8
    if kind == "rfq":
        y = lines_table(p, doc, y + 6, f, fb, r.randint(3, 5), "#444444", r)
        p.text(50, y + 10, f"Réponse souhaitée avant le {doc['delivery']}.", f, 9.5)
        y += 20
    y += 16
    p.text(330, y, "Cordialement,", f, 10)
    p.text(330, y + 14, doc["buyer"], f, 10)
    signature(p, 340, y + 40, r)
    return [p]
