"""Generate the holdout8 corpus (documents, mails, labels). Imports nothing from the repository.

    H8_NODE_DIR=/tmp/h8node python generate_holdout8.py [--out DIR]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from h8_canvas import render_haru, render_node  # noqa: E402
from h8_data import ARTICLES, OWN, SEED, expand, fmt_siret, fmt_vat, party, person, typo  # noqa: E402
from h8_layouts import draw  # noqa: E402
from h8_mail import build_mails  # noqa: E402
from h8_scan import save, scan  # noqa: E402

T = "text"
# family: backend, layout, fonts, title, label, [(template, printed suffix, placement)], modes
PLAN = {
    "kit_sap_aero": ("pdfkit", "generic", ("biolinum", "biolinum-b"), "COMMANDE D'ACHAT", "N° commande d'achat",
        [("4500{6n}", "", "right"), ("4500{6n}", "-01", "cells"), ("PO00{6n}", "", "under"),
         ("4000{6n}", "", "box"), ("4500{6n}", "", "title"), ("ZINV{6n}", "", "sentence")],
        [T, T, ("mfp-colour", "pdf-jpeg"), T, ("mfp-bw", "tif-g4-300"), T]),
    "kit_collectivite": ("pdfkit", "generic", ("accanthis", "accanthis-b"), "BON DE COMMANDE", "N° d'engagement",
        [("EJ 1300{6}", "", "box"), ("BDC 26/{4n}", "", "right"), ("2026-{5n}", "/DST", "cells"),
         ("BC-26-{4n}", "", "title"), ("1300{6}", "", "under"), ("CDA {7n}", "", "sentence")],
        [T, ("mfp-grey", "pdf-jpeg"), T, ("mfp-colour", "jpg"), T, ("scanapp", "png")]),
    "kit_labo_univ": ("pdfkit", "generic", ("junicode", "junicode-b"), "BON DE COMMANDE", "N° de commande",
        [("L {5n}", " UMR 7590", "right"), ("L {5n}", "", "box"), ("L 0{4n}", "", "cells"),
         ("L {5n}", " UMR 8247", "under"), ("4500{6n}", "", "title"), ("L {5n}", "", "sentence")],
        [T, ("mfp-bw", "pdf-g4"), T, ("mfp-grey", "tif-jpeg"), ("phone", "jpg"), T]),
    "kit_multipage_meca": ("pdfkit", "multipage", ("libertine", "libertine-b"), "BON DE COMMANDE", "Commande n°",
        [("CF{8n}", "", "header"), ("CDE-26-{5n}", "", "header"), ("CO {6n}", "", "header"),
         ("PO-26-{5n}", "/AB", "header"), ("2026.{4n}", "", "header"), ("BC{7n}", "", "header")],
        [T, ("mfp-grey", "pdf-jpeg"), T, ("mfp-bw", "tif-g4-300"), T, ("fax", "tif-g4")]),
    "haru_erp_3270": ("haru", "erp_mono", ("ibm3270",), "COMMANDE FOURNISSEUR", "No commande",
        [("CDE{7n}", "", "right"), ("CF 26{5n}", "", "under"), ("CO/26/{5n}", "", "box"),
         ("0026{6n}", "", "title"), ("CA{7n}", "-02", "sentence"), ("BC_{7n}", "", "right")],
        [T, T, ("fax", "tif-g4"), T, ("mfp-bw", "png"), T]),
    "haru_lettre_artisan": ("haru", "letter", ("andika", "andika-b"), "Objet : bon de commande n°", "Notre bon n°",
        [("BC 2026-{4n}", "", "sentence"), ("{4n}", "", "right"), ("CDE {5n}", "/JM", "title"),
         ("26/{5n}", "", "sentence"), ("BDC-{5n}", "", "box"), ("CO {4n}-{2n}", "", "right")],
        [T, ("phone", "jpg"), T, T, ("mfp-colour", "pdf-jpeg"), T]),
    "haru_carnet_main": ("haru", "carnet", ("comfortaa", "comfortaa-b"), "BON DE COMMANDE", "N°",
        [("0{5n}", "", "preprinted")] * 6,
        [("phone", "jpg"), ("mfp-colour", "pdf-jpeg"), ("scanapp", "jpg"), ("mfp-grey", "pdf-jpeg"),
         ("phone", "jpg"), ("fax", "tif-g4")]),
    "haru_sante": ("haru", "generic", ("andika", "comfortaa-b"), "BON DE COMMANDE PHARMACIE", "N° de commande",
        [("CDE {6n}", "", "right"), ("BC{6n}", "/PH", "cells"), ("26{6n}", "", "under"),
         ("CA-{6n}", "", "box"), ("PO{8n}", "", "title"), ("BDC {5n}", "", "sentence")],
        [T, ("mfp-colour", "pdf-jpeg"), T, T, ("scanapp", "pdf-jpeg"), T]),
    "lib_group_en": ("pdflib", "generic", ("gillius", "gillius-b"), "PURCHASE ORDER", "PO Number",
        [("PO {7n}", "", "box"), ("P.O. 26-{4n}", "", "right"), ("4500{6n}", "-V2", "cells"),
         ("PO-{6n}", "", "title"), ("PO0{7n}", "", "under"), ("ZINV{6n}", "", "sentence")],
        [T, T, ("mfp-colour", "jpg"), T, ("mfp-grey", "pdf-jpeg"), T]),
    "lib_btp_travaux": ("pdflib", "generic", ("gillius-c", "gillius-bc"), "BON DE COMMANDE TRAVAUX", "N° de commande",
        [("BCT-26-{4n}", "", "right"), ("CA {7n}", "", "under"), ("BC/26/{4n}", "/LT", "box"),
         ("2026-ST-{4n}", "", "cells"), ("CO {6n}", "", "sentence"), ("CDE{6n}", "", "title")],
        [T, ("phone", "jpg"), T, ("mfp-grey", "tif-jpeg"), T, ("mfp-bw", "pdf-g4")]),
    "lib_gms_retail": ("pdflib", "generic", ("gillius", "gillius-b"), "COMMANDE MARCHANDISES", "N° commande",
        [("CDA {7n}", "", "right"), ("CO{8n}", "", "box"), ("CDE-{7n}", "", "under"),
         ("000{7n}", "", "cells"), ("CA{6n}", "", "title"), ("BC-{6n}", "-01", "sentence")],
        [T, T, ("mfp-colour", "pdf-jpeg"), T, T, ("scanapp", "png")]),
    # negatives
    "neg_devis": ("pdfkit", "own_doc", ("biolinum", "biolinum-b"), "DEVIS N°", "", [], [T, ("mfp-colour", "jpg"), ("mfp-bw", "tif-g4-300")]),
    "neg_accuse": ("haru", "own_doc", ("andika", "andika-b"), "ACCUSÉ DE RÉCEPTION DE COMMANDE", "", [], [T, T, T]),
    "neg_facture": ("pdflib", "own_doc", ("gillius", "gillius-b"), "FACTURE N°", "", [], [T, T, ("mfp-grey", "pdf-jpeg")]),
    "neg_relance": ("haru", "letter", ("andika", "andika-b"), "Objet : relance commande", "", [], [T, ("phone", "jpg"), ("fax", "tif-g4")]),
    "neg_consultation": ("pdfkit", "generic", ("accanthis", "accanthis-b"), "DEMANDE DE PRIX N°", "", [], [T, T, ("scanapp", "png")]),
}

NAMES = {
    "kit_sap_aero": [("Aérostructures du Midi", "SAS"), ("Safran-Lacroix Équipements", "SA"), ("Mécanique Aéro Garonne", "SAS"),
                     ("Stelia Composites Sud", "SAS"), ("Turbomeca Services Béarn", "SAS"), ("Latécoère Usinage", "SA")],
    "kit_collectivite": [("Commune de Castelnau-le-Lez", ""), ("Département de l'Hérault – Direction des routes", ""),
                         ("Montpellier Méditerranée Métropole", ""), ("Syndicat mixte des eaux du Vidourle", ""),
                         ("Ville de Sète – Centre technique municipal", ""), ("Communauté de communes du Grand Pic Saint-Loup", "")],
    "kit_labo_univ": [("Université de Montpellier – Laboratoire Charles Coulomb", ""), ("CNRS – Institut Européen des Membranes", ""),
                      ("Université Toulouse III – LAPLACE", ""), ("INRAE – UMR Ingénierie des Agropolymères", ""),
                      ("CNRS – Laboratoire de Génie Chimique", ""), ("École des Mines d'Alès – C2MA", "")],
    "kit_multipage_meca": [("Chaudronnerie Industrielle du Rhône", "SAS"), ("Ateliers Mécaniques Brunet", "SARL"),
                           ("Hydro-Process Ingénierie", "SAS"), ("Tuyauterie Soudure Services", "SAS"),
                           ("Maintenance Industrielle Cévenole", "SARL"), ("Sud Process Équipements", "SA")],
    "haru_erp_3270": [("Papeteries de la Vallée", "SA"), ("Fonderie Gaillac", "SAS"), ("Distillerie Roussel", "SAS"),
                      ("Conserverie du Languedoc", "SAS"), ("Tannerie Marty", "SARL"), ("Plastiques Moulés de l'Aude", "SAS")],
    "haru_lettre_artisan": [("Plomberie Chauffage Fabre", "EURL"), ("SARL Arrosage Jardins Services", "SARL"),
                            ("Laverie Industrielle Sanchez", "SARL"), ("Brasserie artisanale du Pic", "SAS"),
                            ("Moulin à huile Coste", "EARL"), ("Garage Pujol & Fils", "SARL")],
    "haru_carnet_main": [("Domaine de la Garrigue", "SCEA"), ("Thermique Services Roque", "SARL"), ("Piscines Azur 34", "SARL"),
                         ("Boulangerie Verdier", "EURL"), ("Camping Les Pins", "SAS"), ("Cave coopérative de Saint-Chinian", "SCA")],
    "haru_sante": [("Clinique du Parc", "SAS"), ("EHPAD Les Oliviers", "SAS"), ("Centre de dialyse Languedoc", "SAS"),
                   ("Clinique Saint-Roch", "SA"), ("Polyclinique des Trois Vallées", "SAS"), ("Résidence médicalisée Le Lez", "SARL")],
    "lib_group_en": [("Hexcel Composites France", "SAS"), ("Parker Hannifin France", "SAS"), ("Emerson Process Management", "SAS"),
                     ("Alfa Laval Moatti", "SAS"), ("Sulzer Pompes France", "SAS"), ("Watts Industries France", "SAS")],
    "lib_btp_travaux": [("Fayat Bâtiment Sud", "SAS"), ("Eiffage Génie Civil Méditerranée", "SNC"), ("Cazal Travaux Publics", "SAS"),
                        ("Guintoli Réseaux", "SAS"), ("Colas Midi-Méditerranée", "SA"), ("Bâtisseurs Occitans", "SARL")],
    "lib_gms_retail": [("SCA Normande – Centrale d'achats", "SCA"), ("Bricomarché Lodève", "SAS"), ("Leclerc Scadif Sud", "SA"),
                       ("Point P Négoce Hérault", "SAS"), ("Cedeo Distribution Occitanie", "SAS"), ("Intermarché Base de Lunel", "SAS")],
    "neg_devis": [("Brasserie artisanale du Pic", "SAS"), ("Fonderie Gaillac", "SAS"), ("Camping Les Pins", "SAS")],
    "neg_accuse": [("Clinique du Parc", "SAS"), ("Tannerie Marty", "SARL"), ("Hydro-Process Ingénierie", "SAS")],
    "neg_facture": [("Piscines Azur 34", "SARL"), ("Cazal Travaux Publics", "SAS"), ("Aérostructures du Midi", "SAS")],
    "neg_relance": [("Garage Pujol & Fils", "SARL"), ("Moulin à huile Coste", "EARL"), ("Thermique Services Roque", "SARL")],
    "neg_consultation": [("Ville de Sète – Centre technique municipal", ""), ("Sud Process Équipements", "SA"), ("Distillerie Roussel", "SAS")],
}

REFS_FAMILY = {
    "kit_sap_aero": lambda r: [("Groupe d'acheteurs", f"A{r.randint(10, 99)}"), ("Organisation d'achat", "FR0" + str(r.randint(1, 9))),
                               ("Demande d'achat", "0010" + expand(r, "{6}")), ("N° fournisseur", "0000" + expand(r, "{6n}")),
                               ("Votre offre", f"DV26-{expand(r, '{5n}')}"), ("Date de livraison", f"{r.randint(1, 28):02d}/12/2026")],
    "kit_collectivite": lambda r: [("Code service Chorus Pro", f"SERV-{expand(r, '{4n}')}"), ("Imputation", f"2188/{r.randint(100, 999)}"),
                                   ("Marché", f"MAPA 2026-M-{r.randint(10, 99)}"), ("N° tiers", expand(r, "{6n}")),
                                   ("SIRET de facturation", "voir pied de page"), ("Référence devis", f"DV26-{expand(r, '{5n}')}")],
    "kit_labo_univ": lambda r: [("Unité", f"UMR {r.randint(5000, 9999)}"), ("Centre financier", f"{r.randint(10, 99)}{expand(r, '{4}')}"),
                                ("eOTP", f"{r.randint(100, 999)}{expand(r, '{5}')}-N"), ("Marché national", f"2024-{r.randint(100, 999)}"),
                                ("Demandeur", person(r)), ("Devis fournisseur", f"DV26-{expand(r, '{5n}')}")],
    "kit_multipage_meca": lambda r: [("Affaire", f"AF-26-{r.randint(100, 999)}"), ("Votre devis", f"DV26-{expand(r, '{5n}')}"),
                                     ("Code fournisseur", f"FOU-{expand(r, '{5n}')}"), ("Délai impératif", f"{r.randint(1, 28):02d}/01/2027")],
    "haru_erp_3270": lambda r: [("Code fournisseur", f"F{expand(r, '{6n}')}"), ("Acheteur", f"ACH{r.randint(10, 99)}"),
                                ("Devis ref", f"DV26-{expand(r, '{5n}')}"), ("Livraison le", f"{r.randint(1, 28):02d}/12/2026")],
    "haru_lettre_artisan": lambda r: [("Votre devis", f"DV26-{expand(r, '{5n}')}"), ("Notre compte client", f"CLI{expand(r, '{5n}')}")],
    "haru_sante": lambda r: [("N° FINESS", expand(r, "{9n}")), ("Service demandeur", "Services techniques"),
                             ("Code fournisseur", f"FRN-{expand(r, '{4n}')}"), ("Marché", f"UniHA 2025-{r.randint(100, 999)}"),
                             ("Votre devis", f"DV26-{expand(r, '{5n}')}")],
    "lib_group_en": lambda r: [("Vendor No.", f"V-{expand(r, '{6n}')}"), ("Requisition", f"REQ-{expand(r, '{6n}')}"),
                               ("Buyer", person(r)), ("Payment terms", "60 days end of month"), ("Incoterms", "DAP Incoterms 2020"),
                               ("Your quotation", f"DV26-{expand(r, '{5n}')}")],
    "lib_btp_travaux": lambda r: [("Chantier", f"CH-26-{expand(r, '{4n}')}"), ("Lot", f"Lot {r.randint(1, 15):02d} – plomberie / CVC"),
                                  ("Affaire", f"AFF-{expand(r, '{4n}')}"), ("Conducteur de travaux", person(r)),
                                  ("Votre devis", f"DV26-{expand(r, '{5n}')}")],
    "lib_gms_retail": lambda r: [("GLN livraison", "30" + expand(r, "{11}")), ("Entrepôt", f"Dépôt {r.randint(1, 9)} – quai {r.randint(1, 30)}"),
                                 ("RDV livraison", f"{r.randint(1, 28):02d}/12/2026 {r.randint(6, 11)}h00"),
                                 ("Code fournisseur", f"{expand(r, '{6n}')}"), ("Votre offre", f"DV26-{expand(r, '{5n}')}")],
}

SENT = {
    "en": ("Please supply the goods below against our purchase order ", " and quote it on all documents."),
    "fr": [("Merci de nous livrer les articles ci-dessous au titre de notre commande n° ", ", à rappeler sur le BL et la facture."),
           ("Nous vous passons commande, sous la référence ", ", des fournitures suivantes."),
           ("Veuillez enregistrer notre commande ", " selon votre offre et nos conditions d'achat.")],
}
CONDITIONS = [
    "Toute livraison doit être accompagnée d'un bon de livraison rappelant notre numéro de commande. Les factures sont à adresser en un exemplaire.",
    "Paiement à 45 jours fin de mois par virement. Pénalités de retard selon nos conditions générales d'achat jointes.",
    "Horaires de réception : du lundi au jeudi 8h-12h / 13h30-16h30, vendredi 8h-11h30.",
]


def ids_for(rng, p):
    out = {}
    for key, valid, fmt in (("vat", fr_tva.is_valid, fmt_vat), ("siret", fr_siret.is_valid, fmt_siret)):
        r = rng.random()
        if r < 0.70:
            out[key] = (fmt(rng, p[key]), p[key])
        elif r < 0.83:
            bad = typo(rng, p[key], valid)
            out[key] = (fmt(rng, bad), "")
        else:
            out[key] = (None, "")
    return out


def make_doc(family, i, spec, num_rng):
    backend, layout, fonts, title, label, templates, modes = spec
    rng = random.Random(f"{SEED}:{family}:{i}")
    name, legal = NAMES[family][i]
    p = party(rng, name, legal)
    ids = ids_for(rng, p)
    day = rng.randint(2, 27)
    date = f"{day:02d}/11/2026"
    neg = family.startswith("neg_")
    en = family == "lib_group_en"
    arts = rng.sample(ARTICLES, rng.randint(2, 6))
    items = [(a, b, rng.choice([1, 2, 2, 4, 5, 6, 10, 12, 20]), pr) for a, b, pr in arts]
    if layout == "multipage":
        items = [(a, b, rng.randint(1, 24), pr) for a, b, pr in (rng.choice(ARTICLES) for _ in range(rng.randint(30, 36)))]
    d = {
        "family": family, "layout": layout, "fonts": fonts, "cust": p, "title": title, "label": label,
        "vat_txt": ids["vat"][0], "siret_txt": ids["siret"][0], "vat": ids["vat"][1], "siret": ids["siret"][1],
        "ids_pos": rng.choice(["head", "foot", "foot"]), "date": date, "items": items,
        "city_date": f"{p['city']}, le {date}" if not en else f"{p['city']}, {date}",
        "delivery": [p["name"][:38], "Magasin central – porte " + str(rng.randint(1, 12)), p["street"], f"{p['zip']} {p['city']}"],
        "cust_mail": f"achats@{re.sub('[^a-z]', '', p['name'].lower())[:14]}.fr",
        "tagline": rng.choice(["Service Achats", "Direction des achats", "Approvisionnements", "Services techniques"]),
        "style": {"accent": rng.choice([(0.1, 0.25, 0.5), (0.05, 0.4, 0.35), (0.45, 0.1, 0.15), (0.2, 0.2, 0.2), (0.6, 0.3, 0.05)]),
                  "head": rng.choice(["left", "band", "centered"]), "letter": en},
        "own_ids": rng.random() < 0.4, "rcs": rng.random() < 0.6, "capital": f"au capital de {rng.choice([10, 50, 150, 800, 2500])} 000 €" if legal else "",
        "conditions": rng.sample(CONDITIONS, 2), "signature": "Le service achats" if not en else "Purchasing department",
        "erp_prog": f"PGM ACH{rng.randint(100, 999)}R", "erp_user": f"U{rng.randint(1000, 9999)}", "buyer_code": f"ACH{rng.randint(10, 99)}",
        "meta": {"title": title, "author": p["contact"], "creator": {"pdfkit": "Edition achats", "pdflib": "Purchasing portal", "haru": "Gestion commerciale"}[backend]},
        "quoted": "",
    }
    if en:
        d.update({"t_sup": "Vendor", "t_del": "Ship to", "t_tot": ("Net amount", "VAT 20%", "Total amount EUR"),
                  "cols": [("Item", 0.0), ("Description", 0.16), ("Qty", 0.66), ("Unit price", 0.76), ("Amount", 0.88)],
                  "conditions": ["Deliveries without our PO number on the delivery note will be refused.",
                                 "Invoices must be sent to accounts-payable in PDF format."],
                  "vat_word": "VAT No.", "pageword": "Page 1 of 1", "tagline": "Global Procurement – France"})
    if family in ("kit_collectivite",):
        d["style"]["head"] = "centered"
    d["refs"] = [("Date de commande" if not en else "Order date", date)] + REFS_FAMILY.get(family, lambda r: [])(rng)
    if not neg:
        tmpl, suffix, placement = templates[i]
        base = expand(num_rng, tmpl)
        d["number_label"] = base
        d["number"] = base + suffix
        d["placement"] = placement
        d["sentence"] = SENT["en"] if en else rng.choice(SENT["fr"])
        if layout == "generic" and placement == "title":
            d["title"] = title + (" N°" if not en else " No.")
        if layout == "letter":
            d["body"] = ["Suite à votre devis, nous vous prions de bien vouloir nous faire parvenir les articles suivants :"]
            if placement == "sentence":
                d["body"] = ["Suite à votre devis, nous vous confirmons notre commande n° {N} portant sur :"]
            d["body2"] = ["Merci de nous confirmer le délai par retour de mail. Livraison à notre atelier aux heures d'ouverture.",
                          "Veuillez agréer, Madame, Monsieur, nos salutations distinguées."]
            d["hand_sig"] = rng.random() < 0.6
            d["title"] = "Objet : bon de commande n°" if placement == "title" else "Objet : commande de fournitures"
        if layout == "carnet":
            d.update({"hand": "purisa", "ink": rng.choice(["blue", "blue", "black"]), "jit": [rng.uniform(-3, 3) for _ in range(5)],
                      "delay": rng.choice(["urgent", "semaine 49", "dès que possible", "avant le 15/12"]),
                      "obs": rng.choice(["livrer le matin SVP", "appeler avant", "merci !", "voir devis"])})
            d["items"] = items[:5]
    else:
        d["number"] = ""
        d["placement"] = "none"
        old = expand(rng, rng.choice(["CF2026{4n}", "BC 2026-{4n}", "4500{6n}", "CDE-26-{5n}", "PO 26{5n}"]))
        if family == "neg_devis":
            n = f"DV26-{expand(rng, '{5n}')}"
            d["title"] = f"DEVIS N° {n}"
            d["refs"] = [("Date", date), ("Validité", "30 jours"), ("Votre demande du", f"{day - 1:02d}/11/2026"),
                         ("Code client", f"CLI{expand(rng, '{5n}')}"), ("Affaire suivie par", person(rng))]
            d["bpa_box"] = True
            d["conditions"] = ["Offre valable 30 jours. Prix nets hors taxes, franco à partir de 500 € HT.",
                               "Pour commander, retournez ce devis signé avec la mention « Bon pour accord »."]
        elif family == "neg_accuse":
            n = f"AR26-{expand(rng, '{5n}')}"
            d["title"] = f"ACCUSÉ DE RÉCEPTION DE COMMANDE {n}"
            d["quoted"] = old
            d["refs"] = [("Date", date), ("Code client", f"CLI{expand(rng, '{5n}')}"), ("Livraison prévue", f"semaine {rng.randint(48, 52)}")]
            d["intro"] = [f"Nous accusons réception de votre commande n° {old} du {day - 2:02d}/11/2026 et vous en remercions."]
            d["conditions"] = ["Ce document n'est pas une facture. Merci de vérifier les quantités et les prix."]
        elif family == "neg_facture":
            kind = ["FACTURE", "AVOIR", "FACTURE"][i]
            n = f"{'FA' if kind == 'FACTURE' else 'AV'}26-{expand(rng, '{5n}')}"
            d["title"] = f"{kind} N° {n}"
            d["quoted"] = old
            d["refs"] = [("Date", date), ("Échéance", f"{rng.randint(1, 28):02d}/01/2027"), ("Votre commande", old),
                         ("Bon de livraison", f"BL26-{expand(rng, '{5n}')}"), ("Code client", f"CLI{expand(rng, '{5n}')}")]
            d["iban"] = True
            d["conditions"] = ["Pas d'escompte pour paiement anticipé. Indemnité forfaitaire pour frais de recouvrement : 40 €."]
        elif family == "neg_relance":
            d["quoted"] = old
            d["title"] = f"Objet : relance – notre commande n° {old}"
            d["refs"] = [("Votre AR", f"AR26-{expand(rng, '{5n}')}")] if i != 1 else []
            d["body"] = [f"Notre commande n° {old} du {day - 10 if day > 10 else 1:02d}/10/2026 ne nous est toujours pas parvenue.",
                         "Où en est notre commande ? Pouvez-vous nous indiquer une date de livraison ferme ? Le chantier attend ces pièces.",
                         "Dans l'attente de votre réponse, veuillez agréer nos salutations."]
            d["items"] = []
            d["hand_sig"] = True
        elif family == "neg_consultation":
            n = rng.choice([f"DP-26-{expand(rng, '{4n}')}", f"CONS/2026/{expand(rng, '{3n}')}", f"DP-26-{expand(rng, '{4n}')}"])
            d["title"] = f"DEMANDE DE PRIX N° {n}"
            d["intro"] = ["Ceci n'est pas une commande. Merci de nous adresser votre meilleure offre avant le 10/12/2026, délai et port compris."]
            d["signature"] = "Le service achats"
    return d


def text_of(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(doc[k].get_textpage().get_text_range() for k in range(len(doc)))
    finally:
        doc.close()


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent))
    args = ap.parse_args()
    out = Path(args.out)
    build = out / "_build"
    for sub in ("documents", "mails", "_build"):
        shutil.rmtree(out / sub, ignore_errors=True)
    build.mkdir(parents=True)
    docs = []
    node_jobs = {"pdfkit": [], "pdflib": []}
    for family, spec in PLAN.items():
        num_rng = random.Random(f"{SEED}:{family}:numbers")
        modes = spec[6]
        (out / "documents" / family).mkdir(parents=True)
        for i, mode in enumerate(modes):
            d = make_doc(family, i, spec, num_rng)
            c = draw(d)
            stem = f"{family}-{i + 1:02d}"
            pdf = (out / "documents" / family / f"{stem}.pdf") if mode == T else build / f"{stem}.pdf"
            d.update({"canvas": c, "pdf": pdf, "mode": mode, "stem": stem, "backend": spec[0]})
            s = c.spec(pdf, d["meta"])
            if spec[0] == "haru":
                render_haru(s)
            else:
                node_jobs[spec[0]].append(s)
            docs.append(d)
    for be, specs in node_jobs.items():
        render_node(be, specs, SEED)
    # self-check of every rendered text layer
    for d in docs:
        t = re.sub(r"\s+", " ", text_of(d["pdf"]))
        need = [d["number"], d["quoted"]]
        if d["placement"] in ("right", "cells", "under", "box", "header", "preprinted"):
            need.append(d["label"])
        if d["placement"] == "sentence" and d["layout"] != "letter":
            need.append(d["sentence"][0].strip())
        for n in need:
            assert not n or n in t or (n.upper() in t.upper() and d["layout"] == "erp_mono"), (d["stem"], n, t[:300])
        assert not d.get("number_label") or d["number_label"] in t
        for ident in (d["vat"], d["siret"]):
            assert not ident or ident in compact(t), (d["stem"], ident)
    # scans
    rows = []
    for d in docs:
        rel_dir = f"documents/{d['family']}"
        if d["mode"] == T:
            rows.append((f"{rel_dir}/{d['stem']}.pdf", "pdf-text", d))
            continue
        style, fmt = d["mode"]
        rng = random.Random(f"{SEED}:scan:{d['family']}:{d['stem']}")
        sign = None
        if d["family"] == "neg_devis":
            sign = (d["canvas"].marks["bpa"], d["cust"]["name"], f"{int(d['date'][:2]) + 2:02d}/11/2026")
        header = f"{d['date']} 10:{rng.randint(10, 59)}  {d['cust']['phone'].replace(' ', '')}  {d['cust']['name'][:24].upper()}"
        pages = scan(d["canvas"], style, rng, header=header, sign=sign)
        ext = {"pdf-jpeg": "pdf", "pdf-g4": "pdf", "jpg": "jpg", "png": "png", "tif-g4": "tif", "tif-g4-300": "tif", "tif-jpeg": "tif"}[fmt]
        name = f"{d['stem']}-{style}.{ext}"
        q = {"phone": 72, "mfp-colour": 55, "mfp-grey": 55, "scanapp": 60}.get(style, 60)
        save(pages, fmt, out / rel_dir / name, quality=q)
        if ext == "pdf":
            assert text_of(out / rel_dir / name).strip() == ""
        d["scan_file"] = out / rel_dir / name
        rows.append((f"{rel_dir}/{name}", "scan", d))
    shutil.rmtree(build)
    labels = []
    for path, kind, d in rows:
        d["path"] = path
        labels.append([path, kind, "", d.get("number_label", ""), d["vat"], d["siret"]])
    mails = build_mails(out, {d["stem"]: d for d in docs}, SEED)
    labels += mails
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        w.writerows(labels)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({OWN['name']}): never the customer.\n"
        f"{OWN['siren']}\n{OWN['siret']}\n{OWN['vat']}\n", encoding="utf-8")
    n_scan = sum(k == "scan" for _, k, _ in rows)
    print(f"{len(rows)} documents ({len(rows) - n_scan} text, {n_scan} scans), {len(mails)} mails")


if __name__ == "__main__":
    main()
