"""Generate the holdout6 exam corpus (see README.md). Deterministic from SEED.

    .venv/bin/python training_set/holdout6/generate_holdout6.py [--out DIR] [--no-mails]

Imports nothing from the rest of the repository.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
import sys
from pathlib import Path

import pypdfium2 as pdfium
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import h6_data as d  # noqa: E402
import h6_mail  # noqa: E402
import h6_mupdf as mu  # noqa: E402
import h6_scan  # noqa: E402
import h6_typst as ty  # noqa: E402

SEED = "20261207c"

CUSTOMERS = {
    "ty_sap_industrie": ["FORGES ET LAMINOIRS DE L'ONDAINE SA", "PAPETERIES DU HAUT-ALLIER SAS",
                         "SOCIÉTÉ AUVERGNATE DE PLASTURGIE", "CÉRAMIQUES TECHNIQUES DU FOREZ",
                         "AGROLAIT CENTRE SAS", "TRÉFILERIE DE COMMENTRY SA"],
    "ty_sage_pme": ["MENUISERIE BOYER ET FILS", "GARAGE DES VOLCANS SARL", "SCOP ATELIER ROUSSEL",
                    "MAINTENANCE INDUSTRIELLE DOMBES", "BOULANGERIE INDUSTRIELLE VIDAL",
                    "TRANSPORTS CHABRIER SARL"],
    "ty_public_chorus": ["COMMUNE DE RIOM", "DÉPARTEMENT DU CANTAL",
                         "CENTRE HOSPITALIER DE VICHY", "COMMUNAUTÉ DE COMMUNES DU LIVRADOIS",
                         "SDIS DU PUY-DE-DÔME", "LYCÉE PROFESSIONNEL MARIE CURIE"],
    "ty_cnrs_univ": ["CNRS DÉLÉGATION RHÔNE AUVERGNE", "UNIVERSITÉ CLERMONT AUVERGNE",
                     "CNRS DÉLÉGATION CENTRE LIMOUSIN POITOU CHARENTES",
                     "UNIVERSITÉ JEAN MONNET SAINT-ÉTIENNE", "CNRS DÉLÉGATION ALPES",
                     "INSTITUT NATIONAL POLYTECHNIQUE DE GRENOBLE"],
    "ty_btp_travaux": ["BÂTIMENTS DU MASSIF CENTRAL SAS", "TP MOULIN ET ASSOCIÉS",
                       "EIFFEL CONSTRUCTIONS RÉGION SAS", "GÉNIE CIVIL DES COMBRAILLES",
                       "COUVERTURE BESSE SARL", "ROUTES ET RÉSEAUX ALLIER SAS"],
    "ty_centrale_achat": ["CENTRALE D'ACHATS BRICOVAL SAS", "GROUPEMENT AGRIDIS",
                          "SOCAMAT DISTRIBUTION SA", "COOPÉRATIVE ARVERNE DES ARTISANS",
                          "MAGASINS BRICOMAX SAS", "SODIPRO CENTRALE SAS"],
    "ty_group_en": ["NORTHBRIDGE AUTOMATION FRANCE SAS", "ALDWYCH PACKAGING FRANCE SAS",
                    "KELVIN-MARSH INDUSTRIES SAS", "BRIGHTWATER FLUID SYSTEMS SARL",
                    "HALCYON MEDICAL DEVICES FRANCE", "OAKRIDGE FOODS EUROPE SAS"],
    "ty_multipage": ["MANUFACTURE DE COUTELLERIE DE THIERS", "ÉTABLISSEMENTS GIRARD SA",
                     "SUCRERIE DE BOURGOGNE SAS", "PNEUMATIQUES DU CENTRE SA",
                     "FONDERIE DU VELAY SAS", "AÉRO-MÉCANIQUE D'ISSOIRE SAS"],
    "mu_form": ["SARL FABRE MOTOCULTURE", "EARL DU PUY DE LA GARDE", "ÉLECTRICITÉ MERCIER SARL",
                "PLOMBERIE BONNET", "SCIERIE DU LIORAN", "CARROSSERIE LAMBERT"],
    "mu_letter": ["ÉTABLISSEMENTS REY", "SARL GAUTHIER AGRI SERVICES", "MOULIN DUMAS",
                  "FROMAGERIE BRUN SAS", "CUMA DE LA LIMAGNE", "TONNELLERIE ARNAUD"],
    "mu_dotmatrix": ["SUCRERIES ET DISTILLERIES DU CHER", "CIMENTERIE DU VAL D'ALLIER",
                     "ACIÉRIES DE MONTLUÇON SA", "VERRERIE DE SOUVIGNY",
                     "TANNERIE DU LOT SA", "FILATURE DE CHAZELLES"],
    "neg_devis": ["HÔTEL DU PARC SAS", "LABORATOIRES BIOCANTAL", "MAIRIE DE COURNON"],
    "neg_ar_commande": ["PAPETERIES DU HAUT-ALLIER SAS", "AGROLAIT CENTRE SAS",
                        "GARAGE DES VOLCANS SARL"],
    "neg_facture_avoir": ["SCOP ATELIER ROUSSEL", "TRÉFILERIE DE COMMENTRY SA",
                          "MAINTENANCE INDUSTRIELLE DOMBES"],
    "neg_demande_prix": ["DÉPARTEMENT DE L'ALLIER", "CENTRE HOSPITALIER DE MOULINS",
                         "UNIVERSITÉ DE LIMOGES"],
    "neg_relance_bl": ["CÉRAMIQUES TECHNIQUES DU FOREZ", "TRANSPORTS CHABRIER SARL",
                       "MENUISERIE BOYER ET FILS"],
}

# (style, format) of the 3 scans of an order family, by index (1-based)
SCANS = {
    "ty_sap_industrie": {2: ("coffee", "pdf"), 4: ("docscanner", "jpg"), 6: ("upside", "pdf")},
    "ty_sage_pme": {1: ("colourpaper", "jpg"), 3: ("inkjet", "tif"), 5: ("postit", "pdf")},
    "ty_public_chorus": {2: ("skew", "pdf"), 3: ("bleed", "tif"), 6: ("lowres120", "png")},
    "ty_cnrs_univ": {1: ("flash", "jpg"), 4: ("staple", "png"), 5: ("coffee", "jpg")},
    "ty_btp_travaux": {2: ("docscanner", "jpg"), 3: ("colourpaper", "pdf"), 6: ("skew", "tif")},
    "ty_centrale_achat": {1: ("thermal", "jpg"), 4: ("inkjet", "pdf"), 5: ("bleed", "jpg")},
    "ty_group_en": {2: ("postit", "jpg"), 3: ("lowres120", "png"), 5: ("upside", "tif")},
    "ty_multipage": {1: ("staple", "tif"), 4: ("bleed", "pdf"), 6: ("lowres120", "tif")},
    "mu_form": {1: ("flash", "jpg"), 3: ("colourpaper", "jpg"), 6: ("skew", "png")},
    "mu_letter": {2: ("coffee", "jpg"), 4: ("postit", "pdf"), 5: ("docscanner", "jpg")},
    "mu_dotmatrix": {1: ("thermal", "tif"), 3: ("inkjet", "jpg"), 6: ("flash", "pdf")},
    "neg_devis": {2: ("skew", "jpg"), 3: ("docscanner", "pdf")},
    "neg_ar_commande": {3: ("thermal", "pdf")},
    "neg_relance_bl": {3: ("upside", "jpg")},
}


def D(rng: random.Random, n: int) -> str:
    return d.digits(rng, n)


def yy(rng: random.Random) -> str:
    return rng.choice(["26", "26", "25"])


# (label, printed suffix, placement mode, keyword) for each of the 6 documents of a family
def numbers(fam: str, rng: random.Random) -> list[tuple[str, str, str, str]]:
    r = rng
    if fam == "ty_sap_industrie":
        return [("4500" + D(r, 6), "", "right", "Numéro de commande"),
                ("4500" + D(r, 6), "", "under", "N° commande d'achat"),
                ("4000" + D(r, 6), "", "box", "Commande d'achat n°"),
                ("PO00" + D(r, 6), "", "right", "Document d'achat"),
                ("4500" + D(r, 6), "-01", "under", "N° de BC"),
                ("4000" + D(r, 6), "", "title", "")]
    if fam == "ty_sage_pme":
        return [("BC00" + D(r, 4), "", "title", ""),
                ("CDE" + D(r, 6), "", "box", "Bon de commande n°"),
                ("BDC-" + yy(r) + "-" + D(r, 4), "", "title", ""),
                ("CF2026" + D(r, 4), "", "right", "N° de commande"),
                ("BC 2026-" + D(r, 4), "", "sentence", ""),
                ("CO-" + D(r, 5), "/SB", "under", "Commande N°")]
    if fam == "ty_public_chorus":
        return [("EJ 1300" + D(r, 6), "", "box", "Engagement juridique n°"),
                ("2026-" + D(r, 5), "/JD", "right", "N° de bon de commande"),
                ("BC-2026-" + D(r, 4), "", "box", "Bon de commande n°"),
                ("1300" + D(r, 6), "", "under", "N° EJ"),
                ("CDA 26" + D(r, 5), "", "sentence", ""),
                ("26BC" + D(r, 5), "", "right", "N° d'engagement")]
    if fam == "ty_cnrs_univ":
        return [("L " + D(r, 5), " UMR " + str(r.randint(5001, 9999)), "box", "Bon de commande n°"),
                ("4500" + D(r, 6), "", "under", "N° de commande"),
                ("L " + D(r, 5), " UMR " + str(r.randint(5001, 9999)), "sentence", ""),
                ("4000" + D(r, 6), "", "box", "Numéro BC"),
                ("L " + D(r, 5), "", "right", "Commande n°"),
                ("L " + D(r, 5), " UMR " + str(r.randint(5001, 9999)), "title", "")]
    if fam == "ty_btp_travaux":
        return [("BCT-26-" + D(r, 5), "", "sentence", ""),
                ("CDE 26." + D(r, 4), "", "box", "Commande n°"),
                ("BC/2026/" + D(r, 4), "", "right", "Bon de commande travaux n°"),
                ("2026-T-" + D(r, 4), "", "sentence", ""),
                ("CA-2026-" + D(r, 4), "-01", "title", ""),
                ("26TR" + D(r, 4), "", "under", "N° commande")]
    if fam == "ty_centrale_achat":
        return [("CA-2026-" + D(r, 5), "", "under", "N° Commande"),
                ("CDA 26" + D(r, 5), "", "under", "Commande"),
                ("CDE2026" + D(r, 5), "", "right", "N° commande centrale"),
                ("4000" + D(r, 6), "", "box", "Commande n°"),
                ("CF" + D(r, 7), "", "under", "N° de cde"),
                ("CO26-" + D(r, 4), "", "title", "")]
    if fam == "ty_group_en":
        return [("PO 26" + D(r, 5), "", "box", "PO Number"),
                ("P.O. 26-" + D(r, 4), "", "right", "P.O. No."),
                ("ZINV" + D(r, 6), "", "title", ""),
                ("PO-26-" + D(r, 4), "", "under", "Purchase Order No."),
                ("4500" + D(r, 6), "-V2", "box", "Order Ref."),
                ("PO" + D(r, 7), "", "right", "PO#")]
    if fam == "ty_multipage":
        return [("CO26-" + D(r, 4), "", "header", "Commande n°"),
                ("CDE-26-" + D(r, 5), "", "header", "N° Cde"),
                ("BDC 26/" + D(r, 4), "", "header", "BON DE COMMANDE"),
                ("2026.0" + D(r, 3), "", "header", "Commande fournisseur"),
                ("BC" + D(r, 7), "", "header", "Bon n°"),
                ("CA 26" + D(r, 5), "", "header", "Cde n°")]
    if fam == "mu_form":
        return [("2026-0" + D(r, 3), "", "box", "N° de commande"),
                ("BC " + D(r, 4), "", "line", "Commande n°"),
                ("CDE 0" + D(r, 3), "", "box", "Bon n°"),
                (str(r.randint(1000, 9999)), "", "line", "N° :"),
                ("26/0" + D(r, 3), "", "box", "Notre réf. commande"),
                ("BDC 26" + D(r, 3), "", "line", "N° de bon")]
    if fam == "mu_letter":
        return [("CF26-0" + D(r, 3), "", "sentence", ""),
                ("2026/0" + D(r, 3), "", "sentence", ""),
                ("BC " + D(r, 4), "", "sentence", ""),
                ("CDE-26-0" + D(r, 3), "", "sentence", ""),
                ("26" + D(r, 3), "", "sentence", ""),
                ("CO " + D(r, 5), "", "sentence", "")]
    if fam == "mu_dotmatrix":
        return [("OA_26_" + D(r, 4), "", "right", "NO COMMANDE"),
                ("CDE/26/0" + D(r, 4), "", "under", "NUMERO CDE"),
                ("26-0" + D(r, 4), "/JD", "right", "N/COMMANDE"),
                ("BDC " + D(r, 6), "", "title", ""),
                ("4000" + D(r, 6), "", "under", "CDE ACHAT"),
                ("CF" + D(r, 6), "", "right", "BON DE CDE")]
    raise KeyError(fam)


def id_modes(rng: random.Random) -> tuple[str, str]:
    vat = rng.choices(["ok", "typo", "none"], [70, 13, 17])[0]
    siret = rng.choices(["ok", "typo", "none"], [68, 14, 18])[0]
    return vat, siret


def add_ids(rng: random.Random, spec: dict, cust: d.Party) -> None:
    vm, sm = id_modes(rng)
    spec["vat_label"] = cust.vat if vm == "ok" else ""
    spec["siret_label"] = cust.siret if sm == "ok" else ""
    spec["vat_print"] = None if vm == "none" else d.fmt_vat(
        cust.vat if vm == "ok" else d.vat_typo(rng, cust.vat), rng.randint(0, 2))
    spec["siret_print"] = None if sm == "none" else d.fmt_siret(
        cust.siret if sm == "ok" else d.siret_typo(rng, cust.siret), rng.randint(0, 2))


def deliver_text(rng: random.Random, fam: str, cust: d.Party) -> tuple[str, str]:
    pc, city = rng.choice(d.CITIES)
    if fam == "ty_btp_travaux":
        return "Chantier", (f"Chantier n° CH-{rng.randint(2400, 2699)}-{rng.randint(10, 99)} - "
                            f"{rng.choice(['Résidence Les Cèdres', 'Groupe scolaire Jules Ferry', 'ZAC des Gravières'])}\n"
                            f"{rng.randint(1, 90)} {rng.choice(d.STREETS)}\n{pc} {city}\n"
                            f"Conducteur de travaux : {d.person(rng)} {d.phone(rng)}")
    if fam == "ty_group_en":
        return "Ship to", f"{cust.name}\nReceiving dock {rng.randint(1, 9)}\n{cust.street}\n{cust.postcode} {cust.city}"
    return "Adresse de livraison", (f"{cust.name}\nMagasin central - quai {rng.randint(1, 12)}\n"
                                    f"{cust.street}\n{cust.postcode} {cust.city}")


def extra_refs(rng: random.Random, fam: str) -> list[tuple[str, str]]:
    e = ty.esc
    if fam == "ty_sap_industrie":
        return [("Demande d'achat", e("00" + D(rng, 8))), ("Groupe d'acheteurs", e("A" + D(rng, 2))),
                ("Conditions de paiement", e("45 jours fin de mois"))]
    if fam == "ty_sage_pme":
        return [("Code client", e(d.customer_code(rng))), ("Affaire suivie par", e(d.person(rng)))]
    if fam == "ty_public_chorus":
        return [("Code service Chorus Pro", e(rng.choice(["SERV-TECH", "DST-ATELIERS", "ACHATS01",
                                                           "CT-VOIRIE"]))),
                ("SIRET de facturation", e(d.fmt_siret(d.make_siret(rng, d.make_siren(rng)), 1))),
                ("Marché", e(f"MAPA n° 2025-{rng.randint(10, 99)}")),
                ("Imputation", e(f"{rng.choice(['60632', '2158', '61558'])} / {rng.randint(100, 999)}")),
                ("Tiers", e(f"T{D(rng, 6)}"))]
    if fam == "ty_cnrs_univ":
        return [("Centre financier", e(f"{rng.randint(100, 999)}CF{rng.randint(10, 99)}")),
                ("eOTP", e(f"{rng.randint(1000, 9999)}-RECH-{rng.randint(10, 99)}")),
                ("Demande d'achat", e(f"DA-{D(rng, 7)}")),
                ("Marché", e(f"MN-2024-{rng.randint(100, 999)}"))]
    if fam == "ty_btp_travaux":
        return [("Affaire", e(f"{rng.randint(24, 26)}A{D(rng, 4)}")),
                ("Lot", e(f"Lot {rng.randint(1, 14):02d} - {rng.choice(['Gros œuvre', 'Plomberie', 'Électricité', 'VRD'])}")),
                ("Sous-traitance", e("Non"))]
    if fam == "ty_centrale_achat":
        return [("Entrepôt", e(f"EP{rng.randint(10, 99)} {rng.choice(d.CITIES)[1]}")),
                ("GLN livraison", e("30" + D(rng, 11))),
                ("Contrat cadre", e(f"CC-{rng.randint(2023, 2025)}-{D(rng, 3)}"))]
    if fam == "ty_group_en":
        return [("Requisition", e(f"PR-{D(rng, 6)}")), ("Incoterms", e("DAP Clermont-Ferrand")),
                ("Payment terms", e("60 days end of month")), ("Revision", e("0"))]
    if fam == "ty_multipage":
        return [("Code client", e(d.customer_code(rng))), ("Mode de transport", e("Messagerie"))]
    return []


SENTENCES = [
    "Nous vous prions de bien vouloir nous livrer, selon votre offre, les articles ci-dessous "
    "au titre de notre commande {} en rappelant ce numéro sur vos factures.",
    "Par la présente, nous vous passons commande n° {} pour les travaux et fournitures "
    "suivants, aux conditions du marché.",
    "Le bon de commande {} vaut engagement de la dépense ; il doit figurer sur la facture "
    "déposée sur Chorus Pro.",
    "Veuillez enregistrer notre commande {} et nous confirmer le délai par retour.",
]


def typst_order(fam: str, idx: int, rng: random.Random, num: tuple, cust: d.Party) -> dict:
    label, suffix, mode, kw = num
    deliver_word, deliver = deliver_text(rng, fam, cust)
    spec = dict(family=fam, printed=label + suffix, label=label, mode=mode, kw=kw or None,
                cust=cust, date=d.date_fr(rng), quote=d.quote_no(rng),
                supcode=d.supplier_code(rng), deliver_word=deliver_word, deliver=deliver,
                extra_refs=extra_refs(rng, fam), ids_in_header=rng.random() < 0.35,
                sentence=rng.choice(SENTENCES), vat_word=rng.choice(
                    ["N° TVA intracom.", "TVA", "N° TVA", "Identifiant TVA"]))
    if fam == "ty_group_en":
        spec["vat_word"] = "VAT No."
        spec["sentence"] = "Please supply the goods below under our purchase order {} and quote it on all invoices."
        spec["sign"] = "Buyer"
    if mode == "header" and idx in (1, 3):
        spec["intro"] = f"Commande fournisseur du {spec['date'][1]}."
    spec["notes"] = [f"Livraison souhaitée le {d.date_fr(rng)[0]}. Horaires de réception : "
                     f"7h30 - 11h30. Tél. magasin {d.phone(rng)}.",
                     f"Nos conditions générales d'achat s'appliquent. Code postal de livraison "
                     f"{rng.choice(d.CITIES)[0]}. Réf. interne {rng.randint(100000, 999999)}."]
    add_ids(rng, spec, cust)
    return spec


def letter_body(rng: random.Random, num: str, quote: str, date_long: str) -> list[str]:
    a, b = rng.sample(d.ARTICLES, 2)
    q1, q2 = rng.randint(2, 10), rng.randint(1, 6)
    lead = rng.choice([
        f"Suite à votre devis {quote}, veuillez noter notre commande n° {num} :",
        f"Merci de bien vouloir enregistrer la commande {num} ci-dessous :",
        f"Par la présente je vous passe commande (notre réf. {num}) de :",
    ])
    cut = lead.rfind(" ", 0, 60) if len(lead) > 60 else len(lead)
    return ["Madame, Monsieur,", "", lead[:cut], lead[cut + 1:],
            f"- {q1} x {a[0][:38]}", f"- {q2} x {b[0][:38]}",
            f"Livraison souhaitée avant le {date_long}.", "",
            "Meilleures salutations."]


def dot_lines(rng: random.Random, spec: dict) -> list[str]:
    c: d.Party = spec["cust"]
    num, mode, kw = spec["printed"], spec["mode"], spec["kw"]
    date = spec["date"][0]
    L = [f"{c.name[:40]:<40}  EDITION DU {date}  PAGE 001",
         f"{c.street[:40]:<40}  PROG. ACH0412  USER OPER{rng.randint(10, 99)}",
         f"{c.postcode} {c.city}", f"TEL {c.phone}   FAX {d.phone(rng)}"]
    ids = []
    if spec.get("siret_print"):
        ids.append(f"SIRET {spec['siret_print']}")
    if spec.get("vat_print"):
        ids.append(f"TVA {spec['vat_print']}")
    L.append("   ".join(ids))
    L.append("")
    L.append(("*B O N   D E   C O M M A N D E   " + num) if mode == "title" else
             "*B O N   D E   C O M M A N D E")
    L.append("")
    L.append(f"FOURNISSEUR : {d.OWN_NAME[:30]}   CODE FRS {spec['supcode']}")
    L.append(f"              {d.OWN_ADDR[2]}   SIRET {d.OWN_SIRET}")
    L.append("")
    if mode == "right":
        L.append(f"{kw:<14}: {num:<20} V/DEVIS : {spec['quote']}")
    elif mode == "under":
        L.append(f"{kw:<20}{'DATE CDE':<12}{'V/DEVIS':<16}{'CODE CLIENT'}")
        L.append(f"{num:<20}{date:<12}{spec['quote']:<16}{spec['custcode']}")
    else:
        L.append(f"DATE CDE : {date}   V/DEVIS : {spec['quote']}")
    L.append("-" * 78)
    L.append(f"{'POS':<5}{'ARTICLE':<10}{'DESIGNATION':<38}{'QTE':>5}{'P.U.':>10}{'MONTANT':>10}")
    L.append("-" * 78)
    total = 0.0
    for i, (ref, des, qty, price) in enumerate(d.items(rng, rng.randint(4, 7)), 1):
        des = des.upper().translate(str.maketrans("ÉÈÊÀÂÎÔÛÇ", "EEEAAIOUC"))
        total += qty * price
        L.append(f"{i * 10:<5}{ref:<10}{des[:37]:<38}{qty:>5}{price:>10.2f}{qty * price:>10.2f}")
    L.append("-" * 78)
    L.append(f"{'TOTAL HT':>58}{total:>20.2f}")
    L.append(f"{'TVA 20%':>58}{total * 0.2:>20.2f}")
    L.append(f"{'TOTAL TTC':>58}{total * 1.2:>20.2f}")
    L.append("")
    L.append(f"LIVRAISON : QUAI {rng.randint(1, 9)} - {c.postcode} {c.city}")
    L.append(f"DELAI IMPERATIF {d.date_fr(rng)[0]}  - REGLEMENT 45J FDM")
    L.append("*** FIN DE LISTE ***")
    return L


def build_order(fam: str, idx: int, rng: random.Random, num: tuple) -> tuple[dict, bytes]:
    cust = d.party(rng, CUSTOMERS[fam][idx - 1])
    render = random.Random(f"{SEED}:{fam}:{idx}:render")
    if fam.startswith("ty_"):
        spec = typst_order(fam, idx, rng, num, cust)
        return spec, ty.compile_pdf(ty.order_doc(render, spec))
    label, suffix, mode, kw = num
    spec = dict(family=fam, printed=label + suffix, label=label, mode=mode, kw=kw, cust=cust,
                date=d.date_fr(rng), quote=d.quote_no(rng), custcode=d.customer_code(rng),
                supcode=d.supplier_code(rng), hand=mu.HANDS[idx % 3])
    spec["deliver"] = deliver_text(rng, fam, cust)[1]
    add_ids(rng, spec, cust)
    if fam == "mu_form":
        return spec, mu.form(render, spec)
    if fam == "mu_letter":
        spec["body"] = letter_body(rng, spec["printed"], spec["quote"], spec["date"][1])
        return spec, mu.letter(render, spec)
    spec["lines"] = dot_lines(render, spec)
    return spec, mu.dotmatrix(render, spec)


NEG_FONTS = {"neg_devis": ("Inter", "#0b6e4f"), "neg_ar_commande": ("Inter", "#0b6e4f"),
             "neg_facture_avoir": ("Inter", "#0b6e4f"), "neg_demande_prix": ("Noto Serif", "#000091"),
             "neg_relance_bl": ("Cantarell", "#6a1b9a")}


def build_negative(fam: str, idx: int, rng: random.Random) -> tuple[dict, bytes]:
    cust = d.party(rng, CUSTOMERS[fam][idx - 1])
    render = random.Random(f"{SEED}:{fam}:{idx}:render")
    font, accent = NEG_FONTS[fam]
    date = d.date_fr(rng)
    old = rng.choice([f"CF2026{D(rng, 4)}", f"4500{D(rng, 6)}", f"BC-2026-{D(rng, 4)}",
                      f"CDE{D(rng, 6)}"])
    spec = dict(family=fam, cust=cust, font=font, accent=accent, date=date, quoted=None,
                ours=fam not in ("neg_demande_prix",) and not (fam == "neg_relance_bl" and idx != 2))
    q = d.quote_no(rng)
    if fam == "neg_devis":
        spec["title"] = ["DEVIS N° " + q, "PROPOSITION COMMERCIALE", "OFFRE DE PRIX"][idx - 1]
        spec["refs"] = [("Devis n°", q), ("Date", date[0]), ("Validité", "30 jours"),
                        ("Code client", d.customer_code(rng)), ("Commercial", d.person(rng))]
        spec["paras"] = ["Prix nets hors taxes, franco de port au-delà de 800 € HT. Délai : 3 "
                         "semaines à réception de commande."]
        spec["accord_box"] = True
    elif fam == "neg_ar_commande":
        ar = f"AR26-{D(rng, 5)}"
        spec["title"] = ["ACCUSÉ DE RÉCEPTION DE COMMANDE", "CONFIRMATION DE COMMANDE " + ar,
                         "ACCUSÉ DE RÉCEPTION"][idx - 1]
        spec["refs"] = [("Notre AR n°", ar), ("Date", date[0]), ("Code client", d.customer_code(rng)),
                        ("Délai confirmé", d.date_fr(rng)[0])]
        spec["paras_before"] = [f"Nous accusons réception de votre commande n° {old} du "
                                f"{d.date_fr(rng)[0]} et vous en remercions."]
        spec["quoted"] = old
    elif fam == "neg_facture_avoir":
        fa = f"FA26-{D(rng, 5)}" if idx != 2 else f"AV26-{D(rng, 4)}"
        spec["title"] = ("FACTURE N° " if idx != 2 else "AVOIR N° ") + fa
        spec["refs"] = [("Date", date[0]), ("Votre commande", old), ("Code client", d.customer_code(rng)),
                        ("Échéance", d.date_fr(rng, 12)[0]), ("Bon de livraison", f"BL26-{D(rng, 5)}")]
        spec["paras"] = [f"Règlement par virement : IBAN {d.OWN_IBAN} - BIC {d.OWN_BIC}. "
                         "Pénalités de retard : 3 fois le taux d'intérêt légal ; indemnité "
                         "forfaitaire de recouvrement 40 €."]
        if idx == 2:
            spec["paras"].insert(0, "Avoir pour retour de marchandise non conforme.")
        spec["quoted"] = old
    elif fam == "neg_demande_prix":
        dp = [f"DP-26-{D(rng, 4)}", f"CONS/2026/{D(rng, 4)}", f"RFQ-{D(rng, 6)}"][idx - 1]
        spec["title"] = "DEMANDE DE PRIX N° " + dp
        spec["refs"] = [("Date", date[0]), ("Remise des offres avant le", d.date_fr(rng, 12)[0]),
                        ("Interlocuteur", cust.contact), ("Tél.", cust.phone)]
        spec["paras_before"] = ["Nous vous remercions de nous adresser votre meilleure offre pour "
                                "les fournitures ci-dessous."]
        spec["paras"] = ["Ceci n'est pas une commande. Une commande vous sera adressée après "
                         "analyse des offres."]
        spec["with_totals"] = False
    else:  # neg_relance_bl
        if spec["ours"]:
            bl = f"BL26-{D(rng, 5)}"
            spec["title"] = "BON DE LIVRAISON N° " + bl
            spec["refs"] = [("Date d'expédition", date[0]), ("Votre commande", old),
                            ("Transporteur", "Geodis - colis 3"), ("Poids", f"{rng.randint(4, 60)} kg")]
            spec["with_totals"] = False
        else:
            spec["title"] = "RELANCE"
            spec["refs"] = [("Date", date[0]), ("Objet", "Commande en retard"),
                            ("Votre AR", f"AR26-{D(rng, 5)}")]
            spec["paras_before"] = [f"Notre commande n° {old} du {d.date_fr(rng, 9)[0]} ne nous "
                                    "est toujours pas parvenue. Où en est notre commande ? Merci "
                                    "de nous indiquer une date de livraison.",
                                    "Ce courrier ne constitue pas une nouvelle commande."]
            spec["n_items"] = 0
        spec["quoted"] = old
    add_ids(rng, spec, cust)
    spec["label"] = ""
    pdf = ty.compile_pdf(ty.our_doc(render, spec))
    return spec, pdf


# ----- self-check -----------------------------------------------------------------------------

def pdf_text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()).upper()


def check_pdf(spec: dict, pdf: bytes) -> None:
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    for s in (spec.get("printed"), spec.get("label"), spec.get("quoted")):
        if s:
            assert s in text, (spec["family"], s, text[:400])
    for ident in (spec["vat_label"], spec["siret_label"]):
        if ident:
            assert ident in compact(text), (spec["family"], ident)
    for ident, ok in ((spec["vat_label"], fr_tva.is_valid), (spec["siret_label"], fr_siret.is_valid)):
        assert not ident or ok(ident)
        assert d.OWN_SIREN not in ident
    if spec["family"] == "ty_multipage":
        doc = pdfium.PdfDocument(pdf)
        assert len(doc) >= 2, len(doc)
        doc.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    ap.add_argument("--no-mails", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    files: dict[str, bytes] = {}
    rows: list[list[str]] = []
    docs: list[dict] = []
    order_fams = [f for f in CUSTOMERS if not f.startswith("neg_")]
    for fam in order_fams:
        nums = numbers(fam, random.Random(f"{SEED}:{fam}:numbers"))
        for idx in range(1, 7):
            rng = random.Random(f"{SEED}:{fam}:{idx}")
            spec, pdf = build_order(fam, idx, rng, nums[idx - 1])
            check_pdf(spec, pdf)
            docs.append(_place(fam, idx, spec, pdf, files, rows))
    for fam in [f for f in CUSTOMERS if f.startswith("neg_")]:
        for idx in range(1, 4):
            rng = random.Random(f"{SEED}:{fam}:{idx}")
            spec, pdf = build_negative(fam, idx, rng)
            check_pdf(spec, pdf)
            if fam == "neg_devis" and idx in SCANS[fam]:
                pdf = mu.sign_quote(pdf, random.Random(f"{SEED}:{fam}:{idx}:sign"), spec)
            docs.append(_place(fam, idx, spec, pdf, files, rows))
    if not args.no_mails:
        mrows = h6_mail.build_all(random.Random(f"{SEED}:mails"), docs, files)
        rows += mrows
    for sub in ("documents", "mails"):
        shutil.rmtree(out / sub, ignore_errors=True)
    for rel, data in files.items():
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        w.writerows(rows)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({d.OWN_NAME}): never the customer.\n"
        f"{d.OWN_SIREN}\n{d.OWN_SIRET}\n{d.OWN_VAT}\n", encoding="utf-8")
    n_scan = sum(r[1] == "scan" for r in rows)
    print(f"{len(docs)} documents ({n_scan} scans), {len(rows) - len(docs)} mails")


def _place(fam: str, idx: int, spec: dict, pdf: bytes, files: dict, rows: list) -> dict:
    scan = SCANS.get(fam, {}).get(idx)
    if scan:
        style, fmt = scan
        protect = [s for s in (spec.get("printed"), spec.get("vat_print"), spec.get("siret_print"))
                   if s]
        back = None
        if style == "bleed":
            back = ty.compile_pdf(ty.preamble("Noto Sans", 10, "#000000") + ty.esc(
                "Conditions générales d'achat. " * 160))
        data = h6_scan.make_scan(pdf, style, fmt, random.Random(f"{SEED}:scan:{fam}:{idx}"),
                                 protect, back)
        rel = f"documents/{fam}/{fam}-{idx:02d}-{style}.{fmt}"
        if fmt == "pdf":
            assert pdf_text(data).strip() == "", rel
        kind = "scan"
    else:
        data, rel, kind = pdf, f"documents/{fam}/{fam}-{idx:02d}.pdf", "pdf-text"
    files[rel] = data
    rows.append([rel, kind, "", spec.get("label", ""), spec["vat_label"], spec["siret_label"]])
    return dict(spec=spec, path=rel, kind=kind, data=data, family=fam, style=scan[0] if scan else "",
                pdf=pdf)


if __name__ == "__main__":
    main()
