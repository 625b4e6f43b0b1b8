"""Holdout10 negatives: our quote (empty "bon pour accord" box; signed variant for scans), our
invoice / credit note, our acknowledgement, the customer's reminder letter, the customer's request
for quotation. Each returns (Doc, checks). Imports nothing from the repository."""

from __future__ import annotations

import random

from h10_data import OWN, pick_lines
from h10_layouts import Fam, a_date, cust_block, footer, items, later, own_block, sig
from h10_render import Doc, measure


def our_head(d: Doc, F: Fam, title: str, num: str) -> None:
    W, _ = d.size
    d.rect(40, 40, 46, 46, None, F.accent)
    d.text(63, 71, OWN["short"], F.b, 15, "#ffffff", "middle")
    d.text(96, 54, OWN["name"], F.b, 12, F.accent)
    d.text(96, 67, f"{OWN['street']} – {OWN['city']}", F.r, 8)
    d.text(96, 78, f"Tél. {OWN['phone']} – {OWN['mail']} – {OWN['web']}", F.r, 8)
    d.text(W - 40, 120, f"{title} N° {num}", F.b, 14, F.accent, "end")


def addressee(d: Doc, p: dict, ids: dict, F: Fam, y=140) -> float:
    x = 320
    d.rect(x - 8, y - 12, 240, 96, "#999999", None, 0.5)
    d.text(x, y, p["name"][:44], F.b, 9)
    y += 12
    for s in (f"À l'attention de {p['buyer']}", p["street"], p["city"]):
        d.text(x, y, s, F.r, 8.5)
        y += 11
    if ids["vat"][0]:
        d.text(x, y, f"N° TVA client : {ids['vat'][0]}", F.r, 8)
        y += 11
    if ids["siret"][0]:
        d.text(x, y, f"SIRET client : {ids['siret'][0]}", F.r, 8)
        y += 11
    return y


def our_footer(d: Doc, F: Fam, bank=False) -> None:
    W, H = d.size
    d.line(40, H - 62, W - 40, H - 62, "#888888", 0.4)
    d.text(
        W / 2,
        H - 50,
        f"{OWN['legal']} – SAS au capital de {OWN['capital']} – {OWN['rcs']} – APE {OWN['ape']}",
        F.r,
        7,
        "#444444",
        "middle",
    )
    d.text(
        W / 2,
        H - 40,
        f"SIRET {OWN['siret']} – TVA intracommunautaire {OWN['vat']}",
        F.r,
        7,
        "#444444",
        "middle",
    )
    if bank:
        d.text(W / 2, H - 30, f"IBAN {OWN['iban']} – BIC {OWN['bic']}", F.r, 7, "#444444", "middle")


def info_rows(d: Doc, rows, F: Fam, y: float, x=40) -> float:
    for lab, val in rows:
        d.text(x, y, lab + " :", F.r, 8.5)
        d.text(x + 105, y, val, F.r, 8.5)
        y += 12
    return y


def devis(
    r: random.Random, p: dict, ids: dict, F: Fam, num: str, old: str, d0: dict, signed: bool
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, _H = d.size
    our_head(d, F, "DEVIS", num)
    checks = [f"DEVIS N° {num}"]
    date, _dl, _ = a_date(r, 11)
    addressee(d, p, ids, F)
    y = info_rows(
        d,
        (
            ("Date", date),
            ("Validité", "30 jours"),
            ("Code client", d0["client"]),
            ("Commercial", "Sébastien Royet"),
            ("Affaire", d0["affaire"]),
        ),
        F,
        150,
    )
    y = max(y, 250) + 10
    s = f"Suite à votre demande, et en renouvellement de votre commande n° {old}, nous vous proposons :"
    d.text(40, y, s, F.r, 9)
    checks.append(old)
    y += 16
    y, _ = items(d, 40, y, W - 80, pick_lines(r, r.randint(3, 6)), F)
    y += 8
    d.text(
        40,
        y,
        "Délai : 8 à 10 jours ouvrés après réception de votre commande. Franco à partir de 600 € HT.",
        F.r,
        8.5,
    )
    y += 24
    bx, by, bw, bh = 300, y, W - 340, 118
    d.rect(bx, by, bw, bh, F.accent, None, 1.0)
    d.rect(bx, by, bw, 17, F.accent, F.fill, 1.0)
    d.text(bx + bw / 2, by + 12, "BON POUR ACCORD", F.b, 10, F.accent, "middle")
    d.text(bx + 8, by + 34, "N° de commande client :", F.r, 8.5)
    d.line(bx + 110, by + 36, bx + bw - 10, by + 36, "#666666", 0.5)
    d.text(bx + 8, by + 54, "Date :", F.r, 8.5)
    d.line(bx + 40, by + 56, bx + 140, by + 56, "#666666", 0.5)
    d.text(bx + 8, by + 74, "Signature et cachet :", F.r, 8.5)
    checks.append("N° de commande client")
    d.text(40, by + 12, "Conditions de règlement : 45 jours fin de mois.", F.r, 8.5)
    d.text(40, by + 26, "Merci de nous retourner ce devis signé", F.r, 8.5)
    d.text(40, by + 38, f"à {OWN['mail']}.", F.r, 8.5)
    if signed:
        ink = "#1a2a8c"
        stamp = "#6a2a9a" if r.random() < 0.5 else "#1f5fa8"
        d.rect(bx + 96, by + 66, 150, 44, stamp, None, 1.4)
        d.text(bx + 171, by + 80, "BON POUR ACCORD", F.b, 10, stamp, "middle", rot=-3)
        d.text(bx + 171, by + 93, p["name"][:30], F.b, 6.5, stamp, "middle", rot=-3)
        d.text(bx + 171, by + 103, p["city"][:34], F.r, 6, stamp, "middle", rot=-3)
        d.text(bx + 46, by + 55, a_date(r, 12)[0], "hand", 13, ink)
        sig(d, r, bx + 30, by + 98, ink)
    our_footer(d, F)
    return d, checks


def facture(
    r: random.Random, p: dict, ids: dict, F: Fam, num: str, old: str, d0: dict, avoir: bool
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, _H = d.size
    kind = "AVOIR" if avoir else "FACTURE"
    our_head(d, F, kind, num)
    checks = [f"{kind} N° {num}"]
    date, _dl, _ = a_date(r, 12)
    addressee(d, p, ids, F)
    rows = [
        ("Date", date),
        ("Code client", d0["client"]),
        ("Votre commande", old),
        ("Bon de livraison", f"BL26-{r.randint(10000, 99999)}"),
        ("Échéance", later(r)),
        ("Mode de règlement", "Virement"),
    ]
    if avoir:
        rows.insert(3, ("Facture d'origine", f"FC26-{r.randint(10000, 99999)}"))
    y = info_rows(d, rows, F, 150)
    checks.append(old)
    y = max(y, 250) + 10
    if d0.get("chorus"):
        d.text(
            40,
            y,
            f"Code service Chorus Pro : {d0['chorus']} – Engagement juridique : voir commande",
            F.r,
            8.5,
        )
        y += 14
    y, _ = items(d, 40, y, W - 80, pick_lines(r, r.randint(2, 5)), F)
    y += 12
    for s in (
        "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.",
        "Pas d'escompte pour paiement anticipé."
        if not avoir
        else "Avoir à déduire de votre prochain règlement.",
    ):
        y = d.wrap(40, y, s, W - 80, F.r, 8)
    our_footer(d, F, bank=True)
    return d, checks


def accuse(
    r: random.Random, p: dict, ids: dict, F: Fam, num: str, old: str, d0: dict
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, _H = d.size
    our_head(d, F, "ACCUSÉ DE RÉCEPTION DE COMMANDE", num)
    date, _dl, _ = a_date(r, 12)
    addressee(d, p, ids, F)
    y = info_rows(
        d,
        (
            ("Date", date),
            ("Code client", d0["client"]),
            ("Votre acheteur", p["buyer"]),
            ("Notre devis", d0["devis"]),
        ),
        F,
        150,
    )
    y = max(y, 250) + 14
    s = f"Nous accusons réception de votre commande n° {old} du {a_date(r, 11)[0]} et vous en remercions."
    d.text(40, y, s, F.r, 9.5)
    checks = [f"N° {num}", s]
    y += 14
    d.text(
        40,
        y,
        f"Livraison prévue le {later(r)} – Transporteur : Messagerie Rhône-Alpes – {r.randint(2, 9)} colis.",
        F.r,
        9.5,
    )
    y += 20
    y, _ = items(d, 40, y, W - 80, pick_lines(r, r.randint(2, 5)), F)
    y += 14
    d.text(
        40,
        y,
        "Toute réclamation doit nous parvenir sous 48 h après réception de la marchandise.",
        F.r,
        8.5,
    )
    our_footer(d, F)
    return d, checks


def relance(
    r: random.Random, p: dict, ids: dict, F: Fam, old: str, d0: dict
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, _H = d.size
    y = cust_block(d, 50, 56, p, F, ids, d0["ids_top"])
    own_block(d, 320, 150, F, False, "À l'attention du service ADV")
    _date, date_long, _ = a_date(r, 12)
    d.text(W - 50, 250, f"{p['city'].split(' ', 1)[1]}, le {date_long}", F.r, 9.5, anchor="end")
    t = f"Objet : Relance – notre commande n° {old}"
    d.text(50, 285, t, F.b, 11)
    checks = [t, old]
    y = 320
    paras = [
        f"Notre commande n° {old} du {a_date(r, 11)[0]}, confirmée par votre accusé de réception, "
        "ne nous est toujours pas parvenue à ce jour.",
        "Où en est notre commande ? Merci de nous indiquer sous 48 heures une date de livraison ferme : "
        "nos lignes de conditionnement manquent de cartons.",
        f"Pour toute question, contactez {p['buyer']} au {p['phone']}.",
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
    ]
    d.text(50, y, "Madame, Monsieur,", F.r, 10)
    y += 22
    for s in paras:
        y = d.wrap(50, y, s, W - 100, F.r, 10) + 6
    d.text(W - 200, y + 20, p["buyer"], F.r, 10)
    sig(d, r, W - 190, y + 50)
    footer(d, p, F, ids, not d0["ids_top"], False, r)
    return d, checks


def demande_prix(
    r: random.Random, p: dict, ids: dict, F: Fam, num: str, d0: dict
) -> tuple[Doc, list[str]]:
    d = Doc()
    W, _H = d.size
    y = cust_block(d, 40, 52, p, F, ids, d0["ids_top"])
    own_block(d, 330, 120, F, False, "Fournisseur consulté")
    t = f"DEMANDE DE PRIX N° {num}"
    d.text(40, 230, t, F.b, 15, F.accent)
    checks = [t]
    date, _dl, _ = a_date(r, 12)
    y = info_rows(
        d,
        (
            ("Date", date),
            ("Réponse attendue avant", later(r)),
            ("Acheteur", p["buyer"]),
            ("Demande d'achat", d0["da"]),
            ("Code fournisseur", d0["frs"]),
        ),
        F,
        254,
    )
    y += 8
    s = "Ceci n'est pas une commande. Merci de nous adresser votre meilleure offre pour les articles suivants :"
    d.text(40, y, s, F.b, 9.5)
    checks.append("Ceci n'est pas une commande")
    y += 18
    lines = pick_lines(r, r.randint(3, 6))
    d.rect(40, y, W - 80, 15, F.accent, F.fill, 0.5)
    for x, c in ((44, "Réf."), (140, "Désignation"), (W - 130, "Quantité estimée")):
        d.text(x, y + 10.5, c, F.b, 8.5)
    y += 15
    for ref, des, qty, unit, _pu, _amt in lines:
        y += 13
        d.text(44, y, ref, F.r, 8)
        d.text(140, y, des if measure(des, F.r, 8) < 300 else des[:48], F.r, 8)
        d.text(W - 130, y, f"{qty * 4} {unit}", F.r, 8)
    y += 24
    d.text(40, y, "Merci de préciser délais, conditions de port et validité de l'offre.", F.r, 9)
    footer(d, p, F, ids, not d0["ids_top"], r.random() < 0.3, r)
    return d, checks
