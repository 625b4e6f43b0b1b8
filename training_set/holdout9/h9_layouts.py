"""holdout9: page layouts, drawn on an h9_draw.Canvas. Each returns the strings the self-check
must find in the text layer (label / title / sentence holding the number). Imports nothing from
the repository."""

from __future__ import annotations

import random

from h9_data import ARTICLES, money

GREY = (90, 90, 90)
LIGHT = (228, 232, 238)

FLAVORS = {
    "industrie": dict(title="BON DE COMMANDE", label="N° de commande", col=(25, 65, 125)),
    "hopital": dict(title="BON DE COMMANDE", label="N° bon de commande", col=(0, 105, 120)),
    "en": dict(title="PURCHASE ORDER", label="PO Number", col=(120, 30, 40)),
    "chimie": dict(title="COMMANDE D'ACHAT", label="N° de commande", col=(30, 30, 30)),
    "labo": dict(title="BON DE COMMANDE", label="N° de commande", col=(30, 70, 140)),
    "as400": dict(title="BON DE COMMANDE FOURNISSEUR", label="NO COMMANDE", col=(0, 0, 0)),
    "outillage": dict(title="COMMANDE", label="Commande n°", col=(60, 60, 60)),
    "collectivite": dict(title="BON DE COMMANDE", label="N° de bon de commande", col=(35, 90, 45)),
    "btp": dict(title="COMMANDE", label="Notre commande n°", col=(150, 70, 20)),
    "agro": dict(title="COMMANDE FOURNISSEUR", label="Réf. commande", col=(70, 110, 30)),
}

SENTENCES = {
    "industrie": "Merci de rappeler notre commande n° {n} sur vos accusés de réception, bons de livraison et factures.",
    "hopital": "Toute facture ne rappelant pas le numéro de bon de commande {n} sera rejetée par Chorus Pro.",
    "en": "Please quote our purchase order {n} on all delivery notes and invoices.",
    "chimie": "Veuillez faire figurer notre numéro de commande {n} sur tous vos documents.",
    "labo": "Merci de bien vouloir livrer le matériel ci-dessous au titre de notre commande {n}.",
    "as400": "PRIERE DE RAPPELER NOTRE COMMANDE {n} SUR TOUS VOS DOCUMENTS.",
    "collectivite": "La présente commande est enregistrée sous le numéro {n} ; il doit figurer sur la facture.",
    "btp": "Par la présente, nous vous confirmons notre commande {n} pour le chantier cité en objet.",
    "agro": "Nous vous passons commande, sous la référence {n}, des articles ci-dessous.",
}


def extras(rng: random.Random, flavor: str, our: dict) -> list[tuple[str, str]]:
    r = rng.randint
    q = f"OFF26-{r(1000, 9999):04d}"
    e = {
        "industrie": [("Code fournisseur", f"FRS{r(1000, 9999):05d}"), ("Demande d'achat", f"DA-26-{r(1000, 9999)}"),
                      ("Votre offre", q), ("Affaire", f"AFF-26{r(100, 999)}")],
        "hopital": [("Code service Chorus Pro", f"SERV-ACH-{r(10, 99):03d}"), ("Marché", f"M-2025-{r(100, 199)} lot {r(1, 6)}"),
                    ("UF", f"{r(1000, 9999)}"), ("N° tiers", f"00004{r(10000, 99999)}"), ("FINESS", f"{r(10, 95)}0{r(100000, 999999)}"),
                    ("Votre devis", q)],
        "en": [("Vendor No.", f"V-{r(100000, 999999)}"), ("Requisition", f"REQ-26-{r(1000, 9999)}"),
               ("Your quotation", q), ("Incoterms", "DAP – delivered at place"), ("Payment terms", "60 days end of month")],
        "chimie": [("N° fournisseur", f"0000{r(100000, 999999)}"), ("Groupe d'acheteurs", f"A{r(10, 99)}"),
                   ("Organisation d'achats", "FR01"), ("Demande d'achat", f"0010{r(100000, 999999)}"), ("Votre offre", q)],
        "labo": [("Unité", f"UMR {r(5000, 5999)}"), ("Centre financier", f"{r(100, 999)}RA{r(10, 99)}"),
                 ("eOTP", f"{r(10, 99)}A{r(100, 999)}-{r(1000, 9999)}"), ("Marché", f"MN-{r(1000, 9999)}-2024"),
                 ("Votre devis", q)],
        "as400": [("CODE FRS", f"F{r(10000, 99999)}"), ("MAGASIN", f"{r(1, 9):02d}"), ("PGM", f"ACHR{r(10, 99):03d}"),
                  ("VOTRE OFFRE", q)],
        "outillage": [("Code fournisseur", f"FOUR-{r(1000, 9999)}"), ("Votre offre", q), ("Demandeur", "Atelier maintenance")],
        "collectivite": [("Service gestionnaire", "Direction des services techniques"), ("Imputation", f"011-6156-{r(100, 899)}"),
                         ("Code service Chorus", f"DST-{r(100, 999)}"), ("Exercice", "2026"), ("Votre devis", q)],
        "btp": [("Chantier", f"CH-26-{r(100, 999)}"), ("Lot", f"{r(1, 14):02d} – Plomberie"), ("Votre devis", q)],
        "agro": [("Code tiers", f"T{r(10000, 99999)}"), ("Quai de livraison", f"Quai {r(1, 6)}"),
                 ("GLN", f"30{r(10000000000, 99999999999)}"), ("Votre offre", q)],
    }[flavor]
    return e


def items(rng: random.Random, n: int) -> list[tuple[str, str, int, float]]:
    arts = rng.sample(ARTICLES, min(n, len(ARTICLES)))
    while len(arts) < n:
        arts.append(rng.choice(ARTICLES))
    return [(a[0], a[1], rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 10, 12]), a[2]) for a in arts]


def ident_line(d: dict, upper: bool = False) -> str:
    parts = []
    if d["siret_print"]:
        parts.append(f"SIRET : {d['siret_print']}")
    if d["vat_print"]:
        parts.append(f"N° TVA intracom. : {d['vat_print']}")
    s = "  –  ".join(parts)
    return s.upper() if upper else s


def letterhead(c, d: dict, col, x: float = 15, y: float = 18, upper: bool = False) -> float:
    p = d["party"]
    f = (lambda s: s.upper()) if upper else (lambda s: s)
    c.text(x, y, p["name"], "b", 12.5, col)
    y += 5.2
    c.text(x, y, f(p["street"]), "r", 8.5, GREY)
    y += 3.8
    c.text(x, y, f(p["city"]), "r", 8.5, GREY)
    y += 3.8
    c.text(x, y, f"Tél. {p['tel']}", "r", 8.5, GREY)
    y += 3.8
    if d["id_pos"] == "head" and ident_line(d):
        c.text(x, y, ident_line(d, upper), "r", 7.8, GREY)
        y += 3.8
    return y


def footer(c, d: dict, y: float = 284, upper: bool = False) -> None:
    p = d["party"]
    c.line(15, y - 4, 195, y - 4, 0.2, GREY)
    if p["public"]:
        s = f"{p['name']} – {p['street']} – {p['city']} – SIREN {p['siren'][:3]} {p['siren'][3:6]} {p['siren'][6:]}"
    else:
        s = f"{p['name']} – {p['capital']} – RCS {p['rcs_city']} {p['siren'][:3]} {p['siren'][3:6]} {p['siren'][6:]} – APE {p['ape']}"
    c.text(105, y, s.upper() if upper else s, "r", 6.8, GREY, "c")
    if d["id_pos"] == "foot" and ident_line(d):
        c.text(105, y + 3.4, ident_line(d, upper), "r", 6.8, GREY, "c")


def supplier_block(c, d: dict, x: float, y: float, upper: bool = False, head: str = "Fournisseur") -> float:
    o = d["our"]
    f = (lambda s: s.upper()) if upper else (lambda s: s)
    c.rect(x - 3, y - 5, 195 - x + 3, 29 if d["our_ids"] else 25, 0.25, GREY)
    c.text(x, y, f(head) + " :", "r", 7.5, GREY)
    y += 4.2
    c.text(x, y, o["name"], "b", 8.8)
    y += 4
    for s in (o["street"], o["city"], f"Tél. {o['tel']} – Fax {o['fax']}"):
        c.text(x, y, f(s), "r", 8.2)
        y += 3.7
    if d["our_ids"]:
        c.text(x, y, f(f"SIRET {o['siret']} – TVA {o['vat']}"), "r", 7.4, GREY)
        y += 3.7
    return y


def item_table(c, d: dict, y: float, rows, upper: bool = False, en: bool = False) -> float:
    cols = [(15, "Réf." if not en else "Item"), (48, "Désignation" if not en else "Description"),
            (140, "Qté" if not en else "Qty"), (160, "PU HT" if not en else "Unit price"), (195, "Montant HT" if not en else "Amount")]
    f = (lambda s: s.upper()) if upper else (lambda s: s)
    c.rect(15, y - 4.2, 180, 6, 0.2, None, LIGHT)
    for i, (x, h) in enumerate(cols):
        c.text(x + (0 if i < 2 else 0), y, f(h), "b", 8, (0, 0, 0), "l" if i < 2 else "r")
    y += 6
    total = 0.0
    for ref, des, q, pu in rows:
        c.text(15, y, ref, "r", 8)
        c.text(48, y, f(des), "r", 8)
        c.text(140, y, str(q), "r", 8, (0, 0, 0), "r")
        c.text(160, y, money(pu), "r", 8, (0, 0, 0), "r")
        c.text(195, y, money(q * pu), "r", 8, (0, 0, 0), "r")
        total += q * pu
        y += 5
    c.line(15, y - 3, 195, y - 3, 0.2, GREY)
    y += 2
    for lab, v in ((("Total HT", total), ("TVA 20 %", total * 0.2), ("Total TTC", total * 1.2)) if not en else
                   (("Total excl. VAT", total), ("VAT 20%", total * 0.2), ("Total incl. VAT", total * 1.2))):
        c.text(160, y, f(lab), "b", 8.5, (0, 0, 0), "r")
        c.text(195, y, money(v), "r", 8.5, (0, 0, 0), "r")
        y += 4.6
    return y + 3


def order_generic(c, d: dict) -> list[str]:
    rng, fl = d["rng"], d["flavor"]
    F = FLAVORS[fl]
    upper = fl == "as400"
    en = fl == "en"
    n, col, lab = d["printed"], F["col"], F["label"]
    place = d["placement"]
    must = []
    c.page()
    y = letterhead(c, d, col, upper=upper)
    title = F["title"]
    if place == "title":
        title = f"{title} N° {n}" if not en else f"{title} {n}"
        must.append(title)
    c.text(195, 20, title, "b", 14 if len(title) < 28 else 12, col, "r")
    date = d["date"][0]
    c.text(195, 26, ("DATE : " if upper else "Date : " if not en else "Date: ") + date, "r", 9, (0, 0, 0), "r")
    # box placement: framed box below the title
    yb = 30
    if place == "box":
        c.rect(140, yb, 55, 15, 0.5, col)
        c.text(143, yb + 4.5, lab.upper(), "r", 7.5, col)
        c.text(167.5, yb + 11.5, n, "b", 12, (0, 0, 0), "c")
        must.append(lab.upper())
    ys = max(y + 8, 52)
    supplier_block(c, d, 118, ys, upper, "Supplier" if en else "Fournisseur")
    # info block left
    ex = extras(rng, fl, d["our"])
    info = [("Acheteur" if not en else "Buyer", d["party"]["buyer"])] + ex
    yi = ys
    if place == "right":
        c.text(15, yi, f"{lab} :" if not en else f"{lab}:", "b", 9.5)
        c.text(15 + c.width(lab + " : ", 9.5, "b") + 3, yi, n, "b", 9.5)
        must.append(lab)
        yi += 5
    for k, v in info[:5]:
        c.text(15, yi, (k.upper() if upper else k) + (" :" if not en else ":"), "r", 8.3, GREY)
        c.text(52, yi, v.upper() if upper else v, "r", 8.3)
        yi += 4.3
    y = max(yi, ys + 26) + 6
    if place == "under":
        heads = (["Date", lab, "Demande", "Acheteur", "Délai"] if not en else
                 ["Date", lab, "Requisition", "Buyer", "Delivery"])
        vals = [date, n, f"DA{rng.randint(10000, 99999)}", d["party"]["buyer"].split()[-1], d["date2"]]
        xs = [15, 45, 95, 130, 165]
        c.rect(15, y - 4.2, 180, 5.6, 0.2, None, LIGHT)
        for x, h, v in zip(xs, heads, vals):
            c.text(x + 1, y, h.upper() if upper else h, "b", 7.8)
            c.text(x + 1, y + 5.5, v, "r", 8.6)
        c.rect(15, y - 4.2, 180, 11.5, 0.2, GREY)
        must.append(heads[1].upper() if upper else heads[1])
        y += 15
    if place == "cells":
        rows = [("Date de commande" if not en else "Order date", date), (lab, n),
                ("Délai souhaité" if not en else "Requested delivery", d["date2"])]
        for k, v in rows:
            c.rect(15, y - 4, 45, 6, 0.25, GREY, LIGHT)
            c.rect(60, y - 4, 50, 6, 0.25, GREY)
            c.text(17, y, k.upper() if upper else k, "b", 8.2)
            c.text(62, y, v, "r", 8.6)
            y += 6
        must.append(lab.upper() if upper else lab)
        y += 6
    if place == "sentence":
        s = SENTENCES[fl].format(n=n)
        y = c.wrap(15, y, s, 175, 9.2) + 3
        must.append(s.split(n)[0].strip())
    else:
        intro = {"en": "Please deliver the following items:", "as400": "VEUILLEZ NOUS LIVRER :"}.get(fl, "Veuillez nous livrer les articles suivants :")
        c.text(15, y, intro, "r", 9)
        y += 7
    y = item_table(c, d, y + 2, items(rng, rng.randint(3, 6)), upper, en)
    # delivery / conditions
    p = d["party"]
    dl = ("Delivery address: " if en else "Adresse de livraison : ") + f"{p['name']} – {p['street']} – {p['city']}"
    y = c.wrap(15, y + 3, dl.upper() if upper else dl, 175, 8.3)
    cond = ("Payment 60 days end of month by bank transfer. Our general purchasing conditions apply." if en else
            "Paiement à 45 jours fin de mois par virement. Nos conditions générales d'achat s'appliquent.")
    y = c.wrap(15, y + 1, cond.upper() if upper else cond, 175, 8, col=GREY)
    c.text(150, y + 10, ("Signature: " if en else "Le responsable achats, ") if not upper else "VISA ACHETEUR", "r", 8.5, (0, 0, 0), "c")
    c.text(150, y + 15, d["party"]["buyer"].upper() if upper else d["party"]["buyer"], "b", 8.5, (0, 0, 0), "c")
    footer(c, d, upper=upper)
    return must


def multipage(c, d: dict) -> list[str]:
    rng = d["rng"]
    n, col = d["printed"], FLAVORS["outillage"]["col"]
    rows = items(rng, 34)
    rows = [(r[0] + f"-{i:02d}" if i >= len(ARTICLES) else r[0], r[1], r[2], r[3]) for i, r in enumerate(rows)]
    chunks = [rows[:17], rows[17:]]
    total = 0.0
    for pi, chunk in enumerate(chunks):
        c.page()
        c.rect(15, 8, 180, 8, 0.3, col, LIGHT)
        c.text(18, 13.5, f"Commande n° {n}", "b", 10.5)
        c.text(192, 13.5, f"Page {pi + 1}/2", "r", 8.5, (0, 0, 0), "r")
        c.text(105, 13.5, d["party"]["name"], "r", 8, GREY, "c")
        y = 26
        if pi == 0:
            y = letterhead(c, d, col, y=26)
            supplier_block(c, d, 118, 30)
            y = max(y, 58) + 4
            for k, v in [("Date", d["date"][0]), ("Acheteur", d["party"]["buyer"])] + extras(rng, "outillage", d["our"]):
                c.text(15, y, k + " :", "r", 8.3, GREY)
                c.text(52, y, v, "r", 8.3)
                y += 4.3
            y += 4
        c.rect(15, y - 4.2, 180, 6, 0.2, None, LIGHT)
        for x, h, a in ((15, "Lig.", "l"), (25, "Référence", "l"), (58, "Désignation", "l"), (145, "Qté", "r"),
                        (166, "PU HT", "r"), (195, "Total HT", "r")):
            c.text(x, y, h, "b", 8, (0, 0, 0), a)
        y += 6
        for i, (ref, des, q, pu) in enumerate(chunk):
            ln = (i + 1 + pi * 17) * 10
            c.text(15, y, str(ln), "r", 7.8)
            c.text(25, y, ref, "r", 7.8)
            c.text(58, y, des, "r", 7.8)
            c.text(145, y, str(q), "r", 7.8, (0, 0, 0), "r")
            c.text(166, y, money(pu), "r", 7.8, (0, 0, 0), "r")
            c.text(195, y, money(q * pu), "r", 7.8, (0, 0, 0), "r")
            total += q * pu
            y += 5.6 if pi == 0 else 6.2
        if pi == 1:
            y += 4
            for lab, v in (("Total HT", total), ("TVA 20 %", total * 0.2), ("Total TTC", total * 1.2)):
                c.text(166, y, lab, "b", 8.5, (0, 0, 0), "r")
                c.text(195, y, money(v), "r", 8.5, (0, 0, 0), "r")
                y += 4.6
            y = c.wrap(15, y + 6, "Livraison franco, délai impératif. Merci de confirmer le délai sous 48 h par retour de mail.", 175, 8.5)
        footer(c, d)
    return ["Commande n°"]


def letter(c, d: dict) -> list[str]:
    """Small firm's order letter (construction / installer)."""
    rng, n = d["rng"], d["printed"]
    col = FLAVORS["btp"]["col"]
    place = d["placement"]
    must = []
    c.page()
    letterhead(c, d, col)
    o = d["our"]
    y = 52
    for s in (o["name"], "Service commandes", o["street"], o["city"]):
        c.text(118, y, s, "b" if s == o["name"] else "r", 9)
        y += 4.3
    c.text(118, y + 5, f"{d['party']['city'].split(' ', 1)[1]}, le {d['date'][1]}", "r", 9)
    y = 92
    ex = extras(rng, "btp", o)
    if place == "title":
        c.text(105, y, f"COMMANDE {n}", "b", 13, col, "c")
        must.append(f"COMMANDE {n}")
        y += 9
    if place == "box":
        c.rect(15, y - 5, 70, 9, 0.45, col)
        c.text(18, y + 1, f"{FLAVORS['btp']['label']} {n}", "b", 10)
        must.append(FLAVORS["btp"]["label"])
        y += 11
    obj = "Objet : commande de matériel – " + ex[0][1]
    if place == "right":
        c.text(15, y, f"{FLAVORS['btp']['label']} : {n}", "b", 9.5)
        must.append(FLAVORS["btp"]["label"])
        y += 5.5
    c.text(15, y, obj, "b", 9.5)
    y += 5.5
    for k, v in ex[1:]:
        c.text(15, y, f"{k} : {v}", "r", 8.8, GREY)
        y += 4.4
    if place == "under":
        c.text(15, y + 2, "Références", "b", 8.8)
        c.text(15, y + 7, "Notre commande", "r", 8.3, GREY)
        c.text(60, y + 7, "Date", "r", 8.3, GREY)
        c.text(15, y + 12, n, "r", 9)
        c.text(60, y + 12, d["date"][0], "r", 9)
        must.append("Notre commande")
        y += 16
    if place == "cells":
        for k, v in (("Notre commande", n), ("Date", d["date"][0])):
            c.rect(15, y - 3.5, 40, 6, 0.25, GREY, LIGHT)
            c.rect(55, y - 3.5, 45, 6, 0.25, GREY)
            c.text(17, y + 0.8, k, "b", 8.5)
            c.text(57, y + 0.8, v, "r", 9)
            y += 6
        must.append("Notre commande")
    y += 6
    c.text(15, y, "Madame, Monsieur,", "r", 9.5)
    y += 7
    if place == "sentence":
        s = SENTENCES["btp"].format(n=n)
        must.append(s.split(n)[0].strip())
    else:
        s = "Par la présente, nous vous confirmons notre commande pour le chantier cité en objet, selon votre devis."
    y = c.wrap(15, y, s + " Livraison souhaitée le " + d["date2"] + ", sur chantier, avant 10 h.", 178, 9.5)
    y = item_table(c, d, y + 6, items(rng, rng.randint(2, 5)))
    y = c.wrap(15, y + 2, "Merci de prévenir le conducteur de travaux la veille de la livraison. Veuillez agréer, "
               "Madame, Monsieur, nos salutations distinguées.", 178, 9.5)
    c.text(140, y + 10, d["party"]["buyer"], "r", 9.5, (0, 0, 0), "c")
    c.text(140, y + 14.5, "Conducteur de travaux", "r", 8.5, GREY, "c")
    sig_y = y + 24
    c.poly(signature(rng, 125, sig_y, 30, 8), 0.4)
    footer(c, d)
    return must


def signature(rng: random.Random, x: float, y: float, w: float, h: float) -> list[tuple[float, float]]:
    pts, t = [], 0.0
    k = rng.uniform(2.5, 4.5)
    import math
    for i in range(60):
        t = i / 59
        pts.append((x + w * t + math.sin(t * k * 6.28) * 2.5 * rng.uniform(0.7, 1),
                    y - h / 2 * math.sin(t * k * 3.14 + rng.uniform(0, 0.3)) * (1 - t * 0.5)))
    pts.append((x + w * 1.05, y - h * 0.1))
    pts.append((x - 2, y + 1.5))
    return pts


def hand_form(c, d: dict) -> list[str]:
    """Pre-printed order form pad of a small firm (A5 landscape-ish area on A4? no: A5 portrait),
    filled in by hand."""
    rng, n = d["rng"], d["printed"]
    green = (20, 110, 70)
    blue = (25, 45, 140) if rng.random() < 0.7 else (30, 30, 30)
    p = d["party"]
    c.page(148, 210)
    c.text(8, 13, p["name"], "b", 11, green)
    c.text(8, 18, p["street"] + " – " + p["city"], "r", 7.2, green)
    c.text(8, 22, f"Tél. {p['tel']}", "r", 7.2, green)
    if d["id_pos"] == "head" and ident_line(d):
        c.text(8, 26, ident_line(d), "r", 6.5, green)
    c.text(140, 13, "BON DE COMMANDE", "b", 11, green, "r")
    must = []
    if d["placement"] == "box":
        c.text(140, 20, f"N° {n}", "b", 12, (200, 30, 30), "r")  # pre-printed red number
        must.append(f"N° {n}")
    c.rect(8, 30, 132, 24, 0.3, green)
    c.text(10, 34.5, "Fournisseur :", "r", 7, green)
    c.text(30, 37.5, "Hydronova – pompes", "h", 17.0, blue)
    c.text(30, 43, d["our"]["city"], "h", 17.0, blue)
    c.text(10, 50, "Date :", "r", 7, green)
    c.text(22, 50, d["date"][0], "h", 17.0, blue)
    c.text(70, 50, "Réf. commande :", "r", 7, green)
    if d["placement"] == "right":
        c.text(92, 50, n, "h", 18.7, blue)
        must.append("Réf. commande")
    else:
        c.text(92, 50, "—", "h", 17.0, blue)
    y = 62
    c.rect(8, y - 4.5, 132, 6, 0.3, green, (225, 240, 230))
    for x, h in ((10, "Réf."), (38, "Désignation"), (112, "Qté"), (124, "Prix")):
        c.text(x, y, h, "b", 7.5, green)
    rows = items(rng, rng.randint(3, 5))
    for i in range(12):
        yy = y + 7 + i * 7
        c.line(8, yy + 1.5, 140, yy + 1.5, 0.2, green)
        if i < len(rows):
            ref, des, q, pu = rows[i]
            c.text(10, yy, ref[4:], "h", 13.0, blue)
            c.text(38, yy, des[:24], "h", 13.0, blue)
            c.text(114, yy, str(q), "h", 15.3, blue)
            c.text(124, yy, f"{pu:.0f}", "h", 14.4, blue)
    for x in (36, 110, 122):
        c.line(x, y - 4.5, x, y + 85, 0.2, green)
    y = 160
    c.text(10, y, "Livraison :", "r", 7, green)
    c.text(28, y, "sur chantier, " + rng.choice(["le matin", "avant 10h", "appeler avant"]), "h", 16.1, blue)
    if d["placement"] == "sentence":
        s = f"Commande {n} à livrer"
        c.text(10, y + 9, s, "h", 17.0, blue)
        c.text(10, y + 16, "svp, merci.", "h", 17.0, blue)
        must.append(s)
    c.text(95, y + 16, "Signature :", "r", 7, green)
    c.poly(signature(rng, 100, y + 26, 28, 7), 0.35, blue)
    c.text(8, 200, f"{p['capital']} – RCS {p['rcs_city']} {p['siren']}", "r", 6, green)
    if d["id_pos"] == "foot" and ident_line(d):
        c.text(8, 203.5, ident_line(d), "r", 6, green)
    return must
