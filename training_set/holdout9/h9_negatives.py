"""holdout9: negative documents (our quotes, invoices / credit notes, acknowledgements; the
customer's reminders and requests for quotation). Imports nothing from the repository."""

from __future__ import annotations

from h9_layouts import GREY, LIGHT, footer, ident_line, item_table, items, letterhead, signature

OURCOL = (0, 90, 160)


def our_head(c, d: dict, title: str, num: str) -> float:
    o, p = d["our"], d["party"]
    c.page()
    c.text(15, 20, o["short"], "b", 20, OURCOL)
    c.text(15, 25.5, "Pompes – Traitement des eaux – Maintenance", "r", 8.5, GREY)
    c.text(15, 30, o["street"] + " – " + o["city"], "r", 7.8, GREY)
    c.text(15, 34, f"Tél. {o['tel']} – {o['mail']} – {o['web']}", "r", 7.8, GREY)
    c.text(195, 20, title, "b", 14, OURCOL, "r")
    c.text(195, 26, num, "b", 10, (0, 0, 0), "r")
    c.text(195, 31, "Date : " + d["date"][0], "r", 9, (0, 0, 0), "r")
    y = 48
    c.rect(112, y - 5, 83, 30, 0.25, GREY)
    for i, s in enumerate((p["name"], p["buyer"], p["street"], p["city"])):
        c.text(115, y + i * 4.4, s, "b" if i == 0 else "r", 8.8)
    yy = y + 18.5
    if d["vat_print"]:
        c.text(115, yy, f"N° TVA client : {d['vat_print']}", "r", 7.6, GREY)
        yy += 3.8
    if d["siret_print"]:
        c.text(115, yy, f"SIRET client : {d['siret_print']}", "r", 7.6, GREY)
    c.text(15, y, f"Code client : C{d['rng'].randint(10000, 99999)}", "r", 8.5)
    c.text(15, y + 4.5, f"Interlocuteur : {d['rng'].choice(['M. Rivière', 'Mme Costa', 'M. Lenoir'])}", "r", 8.5)
    return 86


def our_foot(c, d: dict) -> None:
    o = d["our"]
    c.line(15, 278, 195, 278, 0.2, GREY)
    c.text(105, 282, f"{o['name']} – {o['capital']} – {o['rcs']} – {o['ape']}", "r", 6.8, GREY, "c")
    c.text(105, 285.5, f"SIRET {o['siret']} – TVA intracommunautaire {o['vat']}", "r", 6.8, GREY, "c")
    c.text(105, 289, f"IBAN {o['iban']} – BIC {o['bic']}", "r", 6.8, GREY, "c")


def devis(c, d: dict) -> list[str]:
    rng = d["rng"]
    num = f"DEVIS N° D26-{rng.randint(1000, 9999)}"
    y = our_head(c, d, "DEVIS", num)
    old = d["old"]
    s = f"Suite à votre demande, et en renouvellement de votre commande n° {old}, nous avons le plaisir de vous remettre notre offre."
    y = c.wrap(15, y, s, 178, 9.2) + 3
    y = item_table(c, d, y, items(rng, rng.randint(3, 5)))
    y = c.wrap(15, y + 2, "Offre valable 60 jours. Délai : 3 à 4 semaines après réception de commande. Port inclus.", 178, 8.5)
    y += 6
    c.rect(15, y, 180, 38, 0.5, OURCOL)
    c.text(18, y + 6, "BON POUR ACCORD – à nous retourner daté et signé avec cachet", "b", 9.5, OURCOL)
    c.text(18, y + 14, "N° de commande client :", "r", 9)
    c.line(60, y + 14.5, 125, y + 14.5, 0.2, GREY)
    c.text(18, y + 22, "Date :", "r", 9)
    c.text(18, y + 30, "Nom, cachet et signature :", "r", 9)
    if d.get("signed"):
        p = d["party"]
        sx, sy = 118, y + 9
        stamp = (140, 40, 60) if rng.random() < 0.5 else (40, 60, 150)
        c.rect(sx, sy, 70, 20, 0.6, stamp)
        c.text(sx + 35, sy + 6, p["name"][:34], "b", 7.5, stamp, "c")
        c.text(sx + 35, sy + 10.5, p["city"], "r", 7, stamp, "c")
        c.text(sx + 35, sy + 15.5, "BON POUR ACCORD", "b", 8, stamp, "c")
        c.text(32, y + 22.5, d["date2"], "h", 17, (25, 40, 130))
        c.poly(signature(rng, 62, y + 31, 34, 8), 0.45, (25, 40, 130))
    our_foot(c, d)
    return ["DEVIS", old]


def facture(c, d: dict) -> list[str]:
    rng = d["rng"]
    credit = d.get("credit")
    title = "AVOIR" if credit else "FACTURE"
    num = f"{'AV' if credit else 'FC'}26-{rng.randint(10000, 99999)}"
    y = our_head(c, d, title, f"N° {num}")
    old = d["old"]
    for k, v in (("Votre commande", old), ("Bon de livraison", f"BL26-{rng.randint(10000, 99999)}"),
                 ("Échéance", d["date2"]), ("Mode de règlement", "Virement à 45 jours fin de mois")):
        c.text(15, y, k + " :", "r", 8.8, GREY)
        c.text(55, y, v, "r", 8.8)
        y += 4.6
    if credit:
        y = c.wrap(15, y + 2, "Avoir pour retour de matériel non conforme (pompe doseuse, carte électronique HS).", 178, 9)
    y = item_table(c, d, y + 4, items(rng, rng.randint(2, 4)))
    y = c.wrap(15, y + 2, "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de "
               "recouvrement : 40 €. Pas d'escompte pour paiement anticipé.", 178, 8, col=GREY)
    our_foot(c, d)
    return [title, old]


def accuse(c, d: dict) -> list[str]:
    rng = d["rng"]
    y = our_head(c, d, "ACCUSÉ DE RÉCEPTION", f"ARC-26-{rng.randint(10000, 99999)}")
    old = d["old"]
    s = (f"Nous accusons réception de votre commande n° {old} du {d['date'][0]} et vous en remercions. "
         f"Elle est enregistrée et sera expédiée le {d['date2']} sauf mention contraire ci-dessous.")
    y = c.wrap(15, y, s, 178, 9.2) + 3
    y = item_table(c, d, y, items(rng, rng.randint(2, 5)))
    c.wrap(15, y + 2, "Merci de vérifier les quantités et les prix ; sans observation de votre part sous 48 h, la présente "
           "confirmation vaut acceptation.", 178, 8.5)
    our_foot(c, d)
    return ["Nous accusons réception", old]


def relance(c, d: dict) -> list[str]:
    rng, p, o = d["rng"], d["party"], d["our"]
    c.page()
    letterhead(c, d, (50, 50, 110))
    y = 52
    for s in (o["name"], "Service ADV", o["street"], o["city"]):
        c.text(118, y, s, "r", 9)
        y += 4.3
    c.text(118, y + 5, f"{p['city'].split(' ', 1)[1]}, le {d['date2']}", "r", 9)
    old = d["old"]
    y = 95
    c.text(15, y, f"Objet : relance – commande n° {old} du {d['date'][0]}", "b", 9.5)
    y += 9
    c.text(15, y, "Madame, Monsieur,", "r", 9.5)
    y += 7
    y = c.wrap(15, y, f"Notre commande n° {old} ne nous est toujours pas parvenue, alors que le délai confirmé par votre "
               "accusé de réception est dépassé. Où en est notre commande ? Merci de nous communiquer sous 48 heures "
               "une date de livraison ferme, ainsi que le numéro de suivi du transporteur.", 178, 9.5)
    y = c.wrap(15, y + 3, "À défaut, nous nous verrons contraints d'annuler les lignes non livrées. Dans l'attente de "
               "votre retour, veuillez agréer nos salutations distinguées.", 178, 9.5)
    c.text(140, y + 12, p["buyer"], "r", 9.5, (0, 0, 0), "c")
    c.text(140, y + 16.5, "Service achats", "r", 8.5, GREY, "c")
    footer(c, d)
    return ["Où en est notre commande", old]


def consultation(c, d: dict) -> list[str]:
    rng, p = d["rng"], d["party"]
    c.page()
    letterhead(c, d, (80, 40, 110))
    num = f"RFQ-26-{rng.randint(1000, 9999)}"
    c.text(195, 20, "DEMANDE DE PRIX", "b", 14, (80, 40, 110), "r")
    c.text(195, 26, f"N° {num}", "b", 10, (0, 0, 0), "r")
    from h9_layouts import supplier_block
    supplier_block(c, d, 118, 52, head="Destinataire")
    y = 92
    old = d["old"]
    y = c.wrap(15, y, f"Ceci n'est pas une commande. Merci de nous adresser votre meilleure offre pour les articles "
               f"ci-dessous avant le {d['date2']} (pour mémoire, dernière commande : {old}).", 178, 9.2) + 3
    c.rect(15, y - 4.2, 180, 6, 0.2, None, LIGHT)
    for x, h in ((15, "Réf."), (48, "Désignation"), (160, "Qté")):
        c.text(x, y, h, "b", 8)
    y += 6
    for ref, des, q, _ in items(rng, rng.randint(3, 6)):
        c.text(15, y, ref, "r", 8)
        c.text(48, y, des, "r", 8)
        c.text(160, y, str(q), "r", 8)
        y += 5
    c.wrap(15, y + 6, "Préciser le délai, le port et la validité de l'offre. Contact : " + p["buyer"] + ".", 178, 8.8)
    footer(c, d)
    return ["Ceci n'est pas une commande", old]
