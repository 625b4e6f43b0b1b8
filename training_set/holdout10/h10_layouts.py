"""Holdout10 order layouts (generic order form, AS/400 listing, hand-filled pad, two-page order,
letter). Each returns (Doc, checks): checks are the strings the PDF's text layer must hold.
Imports nothing from the repository."""

from __future__ import annotations

import random

from h10_data import OWN, money, pick_lines
from h10_render import Doc, measure

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def a_date(r: random.Random, month=None) -> tuple[str, str, str]:
    m = month or r.choice([11, 11, 12, 12, 12])
    dd = r.randint(1, 28 if m == 11 else 4)
    return f"{dd:02d}/{m:02d}/2026", f"{dd} {MONTHS[m - 1]} 2026", f"2026-{m:02d}-{dd:02d}"


def L_NAME(r: random.Random) -> str:
    from h10_data import person

    first, last = person(r)
    return f"{first[0]}. {last}"


def later(r: random.Random) -> str:
    m = r.choice([12, 1, 1])
    y = 2026 if m == 12 else 2027
    return f"{r.randint(8 if m == 12 else 4, 28):02d}/{m:02d}/{y}"


def distract(r: random.Random) -> dict:
    """Numbers that are not the order number."""
    return {
        "frs": r.choice(
            [
                f"FRS{r.randint(1000, 99999):05d}",
                f"{r.randint(100000, 999999):010d}",
                f"V-{r.randint(100000, 999999)}",
                f"F{r.randint(10000, 99999)}",
                f"FOUR-{r.randint(1000, 9999)}",
                f"40{r.randint(10000, 99999)}",
            ]
        ),
        "da": r.choice(
            [
                f"DA-26-{r.randint(1000, 9999)}",
                f"00{r.randint(10000000, 19999999)}",
                f"REQ-26-{r.randint(1000, 9999)}",
                f"DA{r.randint(10000, 99999)}",
                f"DEM-{r.randint(100000, 999999)}",
            ]
        ),
        "devis": r.choice(
            [
                f"D26-{r.randint(1000, 9999)}",
                f"OFF26-{r.randint(1000, 9999)}",
                f"DV-26-{r.randint(10000, 99999)}",
            ]
        ),
        "client": f"C{r.randint(10000, 99999)}",
        "affaire": r.choice(
            [
                f"AFF-{r.randint(1000, 9999)}",
                f"{r.randint(20, 26)}-{r.randint(100, 999)}",
                f"A{r.randint(100000, 999999)}",
            ]
        ),
        "chorus": r.choice(
            [
                f"SE{r.randint(1000, 9999)}",
                f"{r.randint(100, 999)}ACH",
                f"CS-{r.randint(1000, 9999)}",
                "ACHATS",
            ]
        ),
        "imput": f"{r.choice(['6063', '6068', '6064', '6022'])}-{r.randint(100, 999)}",
        "marche": f"{r.randint(2023, 2026)}-{r.choice(['FCS', 'MAPA', 'AO'])}-{r.randint(10, 999):03d}",
        "gln": "3" + "".join(str(r.randint(0, 9)) for _ in range(12)),
        "tiers": f"T{r.randint(100000, 999999)}",
        "centre": f"{r.randint(100, 999)}{r.choice(['A', 'B', 'C'])}{r.randint(100, 999)}",
        "eotp": f"{r.choice(['CNRS', 'UJM', 'INR'])}.{r.randint(10, 99)}.{r.randint(1000, 9999)}",
        "uf": f"UF {r.randint(1000, 9999)}",
        "quai": f"Quai {r.randint(1, 24)}",
        "lot": f"Lot {r.randint(1, 12)}",
        "bl": f"BL{r.randint(100000, 999999)}",
    }


class Fam:
    """Per-family look: fonts and colours."""

    def __init__(self, r="cs", b="csb", i="csi", accent="#1f4e79", fill="#e8eef5", mono=False):
        self.r, self.b, self.i, self.accent, self.fill, self.mono = r, b, i, accent, fill, mono


def cust_block(
    d: Doc, x: float, y: float, p: dict, F: Fam, ids: dict, ids_here: bool, size=9.0
) -> float:
    d.text(x, y, p["name"], F.b, size + 3, F.accent)
    y += size + 6
    for s in (p["street"], p["city"], f"Tél. {p['phone']}", p["mail"]):
        d.text(x, y, s, F.r, size)
        y += size + 3
    if ids_here:
        if ids["siret"][0]:
            d.text(x, y, f"SIRET : {ids['siret'][0]}", F.r, size - 0.5)
            y += size + 2
        if ids["vat"][0]:
            d.text(x, y, f"N° TVA intracom. : {ids['vat'][0]}", F.r, size - 0.5)
            y += size + 2
    return y


def own_block(
    d: Doc, x: float, y: float, F: Fam, show_ids: bool, title="Fournisseur", size=9.0
) -> float:
    d.text(x, y, title, F.b, size, F.accent)
    y += size + 4
    for s in (
        OWN["legal"],
        OWN["street"],
        OWN["city"],
        f"Tél. {OWN['phone']} – Fax {OWN['fax']}",
        OWN["mail"],
    ):
        d.text(x, y, s, F.r, size)
        y += size + 3
    if show_ids:
        d.text(x, y, f"SIRET {OWN['siret']} – TVA {OWN['vat']}", F.r, size - 1)
        y += size + 2
    return y


def footer(d: Doc, p: dict, F: Fam, ids: dict, ids_here: bool, public: bool, r: random.Random):
    W, H = d.size
    y = H - 46
    d.line(40, y - 10, W - 40, y - 10, "#888888", 0.4)
    if public:
        s = f"{p['name']} – {p['street']} – {p['city']} – SIREN {p['siren'][:3]} {p['siren'][3:6]} {p['siren'][6:]}"
    else:
        cap = r.choice(["50 000", "120 000", "250 000", "1 200 000", "38 112", "800 000"])
        s = (
            f"{p['name']} – SAS au capital de {cap} € – RCS {p['city'].split(' ', 1)[1].replace(' Cedex', '')} "
            f"{p['siren'][:3]} {p['siren'][3:6]} {p['siren'][6:]} – APE {r.choice(['2562B', '2229A', '4674A', '4690Z', '4941A', '2899B'])}"
        )
    d.text(W / 2, y, s, F.r, 7, "#444444", "middle")
    if ids_here:
        parts = []
        if ids["siret"][0]:
            parts.append(f"SIRET {ids['siret'][0]}")
        if ids["vat"][0]:
            parts.append(f"TVA intracommunautaire {ids['vat'][0]}")
        if parts:
            d.text(W / 2, y + 10, " – ".join(parts), F.r, 7, "#444444", "middle")


def items(
    d: Doc, x: float, y: float, w: float, lines: list, F: Fam, en=False, size=8.5
) -> tuple[float, float]:
    cols = (
        ["Item", "Description", "Qty", "Unit", "Unit price", "Amount"]
        if en
        else ["Réf.", "Désignation", "Qté", "U.", "P.U. HT", "Montant HT"]
    )
    xs = [x, x + 92, x + w - 190, x + w - 150, x + w - 80, x + w]
    d.rect(x, y, w, 15, F.accent, F.fill, 0.5)
    hx = [
        (xs[0] + 4, "start"),
        (xs[1] + 4, "start"),
        (xs[3] - 4, "end"),
        (xs[3] + 4, "start"),
        (xs[5] - 74, "end"),
        (xs[5] - 4, "end"),
    ]
    for (hxx, anc), c in zip(hx, cols, strict=False):
        d.text(hxx, y + 10.5, c, F.b, size, anchor=anc)
    y += 15
    total = 0.0
    for ref, des, qty, unit, pu, amt in lines:
        y += 13
        d.text(xs[0] + 4, y, ref, F.r, size - 0.5)
        d.text(
            xs[1] + 4,
            y,
            des if measure(des, F.r, size - 0.5) < xs[2] - xs[1] - 8 else des[:44] + ".",
            F.r,
            size - 0.5,
        )
        d.text(xs[3] - 4, y, str(qty), F.r, size - 0.5, anchor="end")
        d.text(xs[3] + 4, y, unit, F.r, size - 0.5)
        d.text(xs[5] - 74, y, money(pu), F.r, size - 0.5, anchor="end")
        d.text(xs[5] - 4, y, money(amt), F.r, size - 0.5, anchor="end")
        total += amt
    y += 6
    d.line(x, y, x + w, y, F.accent, 0.5)
    y += 14
    tva = round(total * 0.2, 2)
    for lab, val in (
        ("Total HT" if not en else "Total excl. VAT", total),
        ("TVA 20 %" if not en else "VAT 20%", tva),
        ("Total TTC" if not en else "Total incl. VAT", total + tva),
    ):
        d.text(
            x + w - 90, y, lab, F.b if "TTC" in lab or "incl" in lab else F.r, size, anchor="end"
        )
        d.text(
            x + w - 4,
            y,
            money(val) + " €",
            F.b if "TTC" in lab or "incl" in lab else F.r,
            size,
            anchor="end",
        )
        y += 12
    return y, total


# ------------------------------------------------------------------ generic order form
def order_form(
    r: random.Random, p: dict, ids: dict, F: Fam, place: str, printed: str, opt: dict
) -> tuple[Doc, list[str]]:
    """opt: title, label, fields (list of (label, value)), sentence, en, public, our_ids, ids_top, n_lines."""
    d = Doc()
    W, _H = d.size
    en = opt.get("en", False)
    checks = [printed]
    ids_top = opt["ids_top"]
    y = cust_block(d, 40, 52, p, F, ids, ids_top)
    own_block(
        d,
        330,
        120,
        F,
        opt["our_ids"],
        "Supplier" if en else r.choice(["Fournisseur", "Destinataire", "À l'attention de"]),
    )
    title = opt["title"]
    label = opt["label"]
    date, date_long, _ = a_date(r)
    ty = max(y, 205) + 18
    if place == "title":
        t = (
            f"{title} {label.replace(' :', '').replace(':', '').strip()} {printed}"
            if opt.get("title_with_label")
            else f"{title} {printed}"
        )
        d.text(40, ty, t, F.b, 15, F.accent)
        checks.append(t)
    elif place == "box":
        d.text(40, ty, title, F.b, 15, F.accent)
        bw = max(150, measure(printed, F.b, 13) + 30)
        d.rect(W - 40 - bw, 46, bw, 44, F.accent, None, 1.2)
        d.text(W - 40 - bw / 2, 62, label.rstrip(" :"), F.r, 8.5, anchor="middle")
        d.text(W - 40 - bw / 2, 81, printed, F.b, 13, anchor="middle")
        checks.append(label.rstrip(" :"))
    else:
        d.text(40, ty, title, F.b, 15, F.accent)
    y = ty + 22
    fields = list(opt["fields"])
    fields.insert(1, ("Date" if en else r.choice(["Date", "Date de commande", "Émise le"]), date))
    if place == "right":
        fields.insert(r.randint(0, 1), (label, printed))
        checks.append(label.rstrip(" :").strip())
    if place in ("right", "title", "box", "sentence"):
        col = 0
        for lab, val in fields:
            xx = 40 + col * 262
            d.text(
                xx,
                y,
                lab if lab.endswith(":") else lab + " :",
                F.b if (lab, val) == (label, printed) else F.r,
                8.5,
            )
            d.text(xx + 112, y, val, F.b if (lab, val) == (label, printed) else F.r, 8.5)
            col ^= 1
            if col == 0:
                y += 13
        y += 13 if col else 0
    elif place == "under":
        heads = [(label.rstrip(" :"), printed), *fields[:4]]
        r.shuffle(heads)
        if heads[0][1] != printed and r.random() < 0.5:
            i = next(k for k, h in enumerate(heads) if h[1] == printed)
            heads[0], heads[i] = heads[i], heads[0]
        cw = (W - 80) / len(heads)
        d.rect(40, y - 10, W - 80, 15, F.accent, F.fill, 0.5)
        d.rect(40, y + 5, W - 80, 17, F.accent, None, 0.5)
        for k, (lab, val) in enumerate(heads):
            d.text(40 + k * cw + 4, y + 1, lab.rstrip(" :"), F.b, 7.5)
            d.text(40 + k * cw + 4, y + 17, val, F.r, 8.5)
            if k:
                d.line(40 + k * cw, y - 10, 40 + k * cw, y + 22, F.accent, 0.5)
        checks.append(label.rstrip(" :"))
        y += 36
        for lab, val in fields[4:]:
            d.text(40, y, lab + " :", F.r, 8.5)
            d.text(152, y, val, F.r, 8.5)
            y += 13
    elif place == "cells":
        cells = [(label.rstrip(" :"), printed), *fields[:5]]
        cw = (W - 80) / 2
        for k, (lab, val) in enumerate(cells):
            row, colk = divmod(k, 2)
            cx, cy = 40 + colk * cw, y - 11 + row * 18
            d.rect(cx, cy, 110, 18, F.accent, F.fill, 0.5)
            d.rect(cx + 110, cy, cw - 110, 18, F.accent, None, 0.5)
            d.text(cx + 4, cy + 12.5, lab.rstrip(" :"), F.b if k == 0 else F.r, 8)
            d.text(cx + 114, cy + 12.5, val, F.b if k == 0 else F.r, 9 if k == 0 else 8.5)
        checks.append(label.rstrip(" :"))
        y += 18 * ((len(cells) + 1) // 2) + 8
    y += 10
    if place == "sentence":
        s = opt["sentence"].format(n=printed, date=date, datel=date_long)
        fs = 9.5
        while measure(s, F.r, fs) > W - 80:
            fs -= 0.25
        assert fs >= 8, s
        d.text(40, y, s, F.r, fs)
        y += 18
        checks.append(s)
    elif opt.get("intro"):
        y = d.wrap(40, y, opt["intro"], W - 80, F.r, 9) + 4
    y, _total = items(d, 40, y, W - 80, pick_lines(r, opt.get("n_lines", r.randint(3, 6))), F, en)
    y += 10
    for s in opt.get("notes", []):
        y = d.wrap(40, y, s, W - 80, F.i, 8.5)
    y += 12
    d.text(40, y, "Delivery address:" if en else "Adresse de livraison :", F.b, 8.5)
    d.text(40, y + 12, opt.get("delivery", p["street"] + ", " + p["city"]), F.r, 8.5)
    d.text(
        40,
        y + 24,
        ("Requested delivery: " if en else "Livraison souhaitée : ") + later(r),
        F.r,
        8.5,
    )
    d.text(W - 200, y, ("Buyer: " if en else "Acheteur : ") + p["buyer"], F.r, 8.5)
    d.text(W - 200, y + 12, p["mail"], F.r, 8.5)
    d.text(W - 200, y + 24, "Signature :" if not en else "Approved by:", F.r, 8.5)
    sig(d, r, W - 150, y + 46)
    footer(d, p, F, ids, not ids_top, opt.get("public", False), r)
    return d, checks


def sig(d: Doc, r: random.Random, x: float, y: float, colour="#1d2f8a", scale=1.0):
    """A drawn signature: a smooth pen trace (sum of sines, a loop or two) and an underline."""
    import math

    pts = []
    n = r.randint(60, 90)
    length = r.uniform(70, 105) * scale
    f1, f2, ph = r.uniform(3.5, 6.5), r.uniform(9, 15), r.uniform(0, 6.28)
    a1, a2 = r.uniform(5, 9) * scale, r.uniform(1.5, 3.5) * scale
    for k in range(n):
        t = k / (n - 1)
        xx = x + t * length + 4 * scale * math.sin(2 * math.pi * f2 * t * 0.5 + ph)
        yy = (
            y
            - a1 * math.sin(2 * math.pi * f1 * t + ph) * (1 - 0.6 * t)
            - a2 * math.sin(2 * math.pi * f2 * t)
        )
        pts.append((xx, yy))
    d.poly(pts, colour, 1.1)
    d.poly(
        [
            (x - 2, y + 8 * scale),
            (x + length * 0.6, y + 10 * scale),
            (x + length + 6, y + 6 * scale),
        ],
        colour,
        0.9,
    )


# ------------------------------------------------------------------ AS/400 listing (monospaced)
def as400(
    r: random.Random, p: dict, ids: dict, place: str, printed: str, d0: dict
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, _H = d.size
    f, sz, lh = "mono", 8.6, 11.2
    checks = [printed]
    date, _dl, _ = a_date(r)
    y = 46
    L = []
    name = p["name"].upper()
    L.append(f"{name[:44]:<44}  PGM: CDF{r.randint(100, 999)}R   {date}  PAGE 1")
    L.append(f"{p['street'].upper()[:44]:<44}  TEL {p['phone']}")
    L.append(f"{p['city'].upper()[:44]:<44}")
    if ids["siret"][0] and d0["ids_top"]:
        L.append(f"SIRET {ids['siret'][0]}")
    if ids["vat"][0] and d0["ids_top"]:
        L.append(f"TVA INTRACOM {ids['vat'][0]}")
    L.append("")
    L.append("=" * 86)
    if place == "title":
        t = f"BON DE COMMANDE FOURNISSEUR {printed}"
        L.append(f"{t:^86}")
        checks.append(t)
    else:
        L.append(f"{'BON DE COMMANDE FOURNISSEUR':^86}")
    L.append("=" * 86)
    L.append("")
    L.append(f"FOURNISSEUR : {OWN['name'][:40]:<40} CODE FRS : {d0['frs']}")
    L.append(f"              {OWN['street'].upper()[:40]:<40} MAGASIN  : {r.randint(1, 9):02d}")
    L.append(f"              {OWN['city'].upper()[:40]:<40} ACHETEUR : {p['last'].upper()[:8]}")
    L.append("")
    if place == "right":
        lab = "NO COMMANDE"
        L.append(f"{lab} : {printed:<20} DATE CDE : {date}   DEVIS : {d0['devis']}")
        checks.append(lab)
    elif place == "under":
        L.append(f"{'DATE CDE':<12}{'N. CDE':<18}{'CODE FRS':<14}{'DEVIS':<14}{'LIVRAISON':<12}")
        L.append(f"{date:<12}{printed:<18}{d0['frs']:<14}{d0['devis']:<14}{later(r):<12}")
        checks.append("N. CDE")
    elif place == "cells":
        L.append("+" + "-" * 20 + "+" + "-" * 24 + "+" + "-" * 20 + "+" + "-" * 17 + "+")
        L.append(f"|{'NUMERO DE COMMANDE':<20}|{printed:<24}|{'DATE':<20}|{date:<17}|")
        L.append("+" + "-" * 20 + "+" + "-" * 24 + "+" + "-" * 20 + "+" + "-" * 17 + "+")
        L.append(f"|{'DEVIS':<20}|{d0['devis']:<24}|{'CODE CLIENT CEF':<20}|{d0['client']:<17}|")
        L.append("+" + "-" * 20 + "+" + "-" * 24 + "+" + "-" * 20 + "+" + "-" * 17 + "+")
        checks.append("NUMERO DE COMMANDE")
    elif place in ("box", "title"):
        L.append(f"DATE CDE : {date}   DEVIS : {d0['devis']}   DA : {d0['da']}")
    elif place == "sentence":
        L.append(f"DATE : {date}   DEVIS : {d0['devis']}")
    L.append("")
    if place == "sentence":
        s = f"MERCI DE RAPPELER NOTRE COMMANDE {printed} SUR VOS BL ET FACTURES."
        L.append(s)
        checks.append(s)
        L.append("")
    L.append(f"{'LIG':<4}{'ARTICLE':<22}{'DESIGNATION':<36}{'QTE':>7}{'PU HT':>9}{'MONTANT':>10}")
    L.append("-" * 88)
    tot = 0.0
    for k, (ref, des, qty, _u, pu, amt) in enumerate(pick_lines(r, r.randint(4, 7)), 1):
        import unicodedata

        des = (
            unicodedata.normalize("NFKD", des)
            .encode("ascii", "ignore")
            .decode()
            .upper()
            .replace("«", "")
            .replace("»", "")
        )
        L.append(f"{k * 10:03d} {ref[:21]:<22}{des[:35]:<36}{qty:>7}{pu:>9.2f}{amt:>10.2f}")
        tot += amt
    L.append("-" * 88)
    L.append(f"{'TOTAL HT':>74}{tot:>14.2f}")
    L.append(
        f"{'CODE POSTAL LIVRAISON':<22}{p['postcode']}   {'QUAI':<5}{r.randint(1, 12):<4} HORAIRES 7H30-11H30"
    )
    L.append("")
    L.append("CONDITIONS : 60 JOURS FIN DE MOIS - FRANCO 450 EUR HT")
    L.append("TOUTE LIVRAISON NON CONFORME SERA REFUSEE.")
    if not d0["ids_top"]:
        L.append("")
        if ids["siret"][0]:
            L.append(f"SIRET {ids['siret'][0]}")
        if ids["vat"][0]:
            L.append(f"TVA INTRACOM {ids['vat'][0]}")
    for s in L:
        if s:
            d.text(40, y, s, f, sz)
        y += lh
    if place == "box":
        d.rect(W - 205, 40, 165, 42, "#000000", None, 1.0)
        d.text(W - 198, 56, "COMMANDE NO", f, 9)
        d.text(W - 198, 73, printed, f, 12)
        checks.append("COMMANDE NO")
    return d, checks


# ------------------------------------------------------------------ hand-filled pad (A5)
def pad(
    r: random.Random, p: dict, ids: dict, place: str, printed: str, d0: dict
) -> tuple[Doc, list[str]]:
    d = Doc((419.53, 595.28))
    W, H = d.size
    red = "#b3261e"
    ink = r.choice(["#1a2a8c", "#1b1b1b", "#20309a"])
    checks = [printed]
    d.text(28, 40, p["name"], "csb", 11.5, "#333333")
    d.text(28, 53, p["street"], "cs", 8)
    d.text(28, 63, f"{p['city']} – Tél. {p['phone']}", "cs", 8)
    d.text(W - 28, 40, "BON DE COMMANDE", "csb", 12, red, "end")
    date, _dl, _ = a_date(r)
    if place == "pre":
        d.text(W - 28, 60, f"N° {printed}", "csb", 13, red, "end")
        checks.append(f"N° {printed}")
    else:
        d.text(W - 28, 60, "N°", "csb", 13, red, "end")
    y = 92
    d.text(28, y, "Date :", "cs", 9)
    d.line(62, y + 2, 170, y + 2, "#999999", 0.5)
    d.text(68, y - 1, date, "hand", 13, ink)
    d.text(190, y, "Fournisseur :", "cs", 9)
    d.line(250, y + 2, W - 28, y + 2, "#999999", 0.5)
    d.text(255, y - 1, "CEF Andrézieux", "hand", 13, ink)
    y += 22
    d.text(28, y, "Réf. commande :", "cs", 9)
    d.line(100, y + 2, 230, y + 2, "#999999", 0.5)
    if place == "hand_right":
        d.text(106, y - 1, printed, "hand", 15, ink)
        checks.append("Réf. commande")
    d.text(245, y, "Votre devis :", "cs", 9)
    d.line(305, y + 2, W - 28, y + 2, "#999999", 0.5)
    d.text(310, y - 1, d0["devis"], "hand", 13, ink)
    y += 22
    d.text(28, y, "À livrer :", "cs", 9)
    d.line(75, y + 2, W - 28, y + 2, "#999999", 0.5)
    d.text(
        80,
        y - 1,
        r.choice(["à l'atelier", "au magasin", "semaine 51", "avant le 18/12"]),
        "hand",
        13,
        ink,
    )
    y += 18
    # table
    d.rect(28, y, W - 56, 16, "#777777", "#f4e3e1", 0.5)
    for x, t in ((32, "Qté"), (72, "Désignation"), (W - 90, "Prix"), (W - 50, "Total")):
        d.text(x, y + 11, t, "csb", 8.5, red)
    d.line(66, y, 66, y + 16 + 18 * 10, "#999999", 0.4)
    d.line(W - 95, y, W - 95, y + 16 + 18 * 10, "#999999", 0.4)
    d.line(W - 55, y, W - 55, y + 16 + 18 * 10, "#999999", 0.4)
    y += 16
    lines = pick_lines(r, r.randint(2, 4))
    for k in range(10):
        d.line(28, y + 18, W - 28, y + 18, "#bbbbbb", 0.4)
        if k < len(lines):
            _ref, des, qty, _unit, _pu, _amt = lines[k]
            short = des.split(",")[0][:30]
            d.text(34, y + 14, str(qty), "hand", 13, ink)
            d.text(72, y + 14, short, "hand", 12, ink)
        y += 18
    d.rect(28, y - 18 * 10 - 16, W - 56, 18 * 10 + 16, "#777777", None, 0.6)
    y += 20
    if place == "hand_sentence":
        s = f"Commande n° {printed} pour le chantier {r.choice(['Dumas', 'Rivoire', 'école'])}"
        d.text(30, y, s, "hand", 14, ink)
        checks.append(s)
        y += 22
    else:
        d.text(
            30,
            y,
            r.choice(
                [
                    "Merci de livrer avant 11h",
                    "Appeler avant livraison",
                    "Même tarif que la dernière fois",
                ]
            ),
            "hand",
            13,
            ink,
        )
        y += 22
    d.text(28, y + 10, "Signature / cachet :", "cs", 8.5)
    sig(d, r, 130, y + 18, ink, 0.9)
    bottom = []
    if ids["siret"][0]:
        bottom.append(f"SIRET {ids['siret'][0]}")
    if ids["vat"][0]:
        bottom.append(f"TVA {ids['vat'][0]}")
    d.text(
        W / 2,
        H - 30,
        " – ".join(bottom) if bottom else "Carnet de commandes 50 feuillets dupli",
        "cs",
        7,
        "#555555",
        "middle",
    )
    d.text(
        W / 2,
        H - 20,
        "Imprimerie du Velay – carnet 50 feuillets autocopiants",
        "cs",
        6,
        "#888888",
        "middle",
    )
    return d, checks


# ------------------------------------------------------------------ two-page order (number only in the page header)
def multipage(
    r: random.Random, p: dict, ids: dict, printed: str, F: Fam, d0: dict
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, H = d.size
    header = r.choice(["Commande n° {n}", "Bon de commande {n}", "Commande d'achat n° {n}"]).format(
        n=printed
    )
    checks = [printed, header]
    date, _dl, _ = a_date(r)
    lines = pick_lines(r, 20) + pick_lines(rng_extra(r), 14)
    for page in (1, 2):
        if page == 2:
            d.new_page()
        d.text(40, 34, header, F.b, 9.5)
        d.text(W - 40, 34, f"Page {page}/2", F.r, 9, anchor="end")
        d.line(40, 40, W - 40, 40, F.accent, 0.6)
        y = 62
        if page == 1:
            y = cust_block(d, 40, y, p, F, ids, d0["ids_top"])
            own_block(d, 330, 62, F, d0["our_ids"], "Fournisseur")
            y = max(y, 140) + 14
            d.text(40, y, "ORDRE DE TRAVAUX – APPROVISIONNEMENT", F.b, 13, F.accent)
            y += 18
            for lab, val in (
                ("Date", date),
                ("Code fournisseur", d0["frs"]),
                ("Demande d'achat", d0["da"]),
                ("Votre offre", d0["devis"]),
                ("Affaire", d0["affaire"]),
                ("Site", p["city"]),
            ):
                d.text(40, y, lab + " :", F.r, 8.5)
                d.text(150, y, val, F.r, 8.5)
                y += 12
            y += 8
            chunk = lines[:20]
        else:
            chunk = lines[20:]
        y, _ = items(d, 40, y, W - 80, chunk, F)
        if page == 2:
            y += 14
            d.text(
                40,
                y,
                "Conditions : paiement à 45 jours fin de mois. Référence à rappeler sur BL et factures.",
                F.r,
                8.5,
            )
            d.text(40, y + 14, f"Interlocuteur : {p['buyer']} – {p['phone']}", F.r, 8.5)
            footer(d, p, F, ids, not d0["ids_top"], False, r)
        else:
            d.text(W / 2, H - 30, "Suite page suivante", F.i, 8, "#555555", "middle")
    return d, checks


def rng_extra(r: random.Random) -> random.Random:
    return random.Random(r.randint(0, 2**31))


# ------------------------------------------------------------------ letter
def letter(
    r: random.Random, p: dict, ids: dict, place: str, printed: str, F: Fam, d0: dict
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, _H = d.size
    checks = [printed]
    y = cust_block(d, 50, 56, p, F, ids, d0["ids_top"])
    own_block(d, 320, 150, F, d0["our_ids"], "À l'attention du service commercial")
    _date, date_long, _ = a_date(r)
    town = p["city"].split(" ", 1)[1]
    d.text(W - 50, 250, f"{town}, le {date_long}", F.r, 9.5, anchor="end")
    y = 285
    if place == "title":
        t = f"Objet : Commande {printed}"
        d.text(50, y, t, F.b, 11)
        checks.append(t)
    else:
        d.text(50, y, f"Objet : Commande de fournitures – chantier {d0['affaire']}", F.b, 11)
    y += 16
    if place == "box":
        d.rect(W - 230, y - 10, 180, 38, "#000000", None, 1.0)
        d.text(W - 222, y + 4, "Bon de commande n°", F.r, 9)
        d.text(W - 222, y + 21, printed, F.b, 12)
        checks.append("Bon de commande n°")
        y += 34
    if place == "right":
        d.text(50, y, "Notre référence :", F.r, 9.5)
        d.text(140, y, printed, F.b, 9.5)
        checks.append("Notre référence :")
        y += 14
    d.text(50, y, f"Votre devis : {d0['devis']} du {a_date(r, 11)[0]}", F.r, 9.5)
    y += 14
    if place == "under":
        d.text(50, y + 8, "Chantier", F.b, 9)
        d.text(200, y + 8, "N° de commande", F.b, 9)
        d.text(330, y + 8, "Lot", F.b, 9)
        d.line(50, y + 12, 450, y + 12, "#000000", 0.4)
        d.text(50, y + 24, d0["affaire"], F.r, 9)
        d.text(200, y + 24, printed, F.r, 9)
        d.text(330, y + 24, d0["lot"], F.r, 9)
        checks.append("N° de commande")
        y += 36
    if place == "cells":
        for k, (lab, val) in enumerate(
            (("Commande", printed), ("Chantier", d0["affaire"]), ("Contact", p["phone"]))
        ):
            d.rect(50 + k * 160, y, 60, 18, "#000000", "#eeeeee", 0.5)
            d.rect(110 + k * 160, y, 95, 18, "#000000", None, 0.5)
            d.text(54 + k * 160, y + 12.5, lab, F.b, 8.5)
            d.text(114 + k * 160, y + 12.5, val, F.r, 9)
        checks.append("Commande")
        y += 30
    y += 10
    d.text(50, y, "Madame, Monsieur,", F.r, 10)
    y += 20
    if place == "sentence":
        s = f"Suite à votre offre, nous vous passons commande n° {printed} pour les fournitures ci-dessous."
        body = [s]
        checks.append(s)
    else:
        body = [
            "Suite à votre offre, nous vous confirmons notre commande pour les fournitures ci-dessous,"
            " à livrer sur le chantier indiqué."
        ]
    body.append(
        f"Merci de prévenir notre conducteur de travaux, {p['buyer']}, au {p['phone']}, 48 h avant la livraison."
    )
    for s in body:
        if measure(s, F.r, 10) <= W - 100:
            d.text(50, y, s, F.r, 10)
            y += 15
        else:
            y = d.wrap(50, y, s, W - 100, F.r, 10)
    y += 8
    y, _ = items(d, 50, y, W - 100, pick_lines(r, r.randint(3, 5)), F)
    y += 14
    d.text(50, y, "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.", F.r, 10)
    d.text(W - 200, y + 30, p["buyer"], F.r, 10)
    d.text(
        W - 200, y + 43, r.choice(["Gérant", "Conducteur de travaux", "Responsable achats"]), F.i, 9
    )
    sig(d, r, W - 190, y + 72)
    footer(d, p, F, ids, not d0["ids_top"], False, r)
    return d, checks
