"""Generate the holdout12 exam corpus (deterministic; see README.md before running).

.venv/bin/python training_set/holdout12/generate_holdout12.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from h12_data import OWN_SIREN, OWN_SIRET, OWN_VAT, customer, draw_ids, rng
from h12_layouts import customer_letter, edi, form, letter, our_doc, pad, two_pages
from h12_render import borb_pdf, inkscape_batch, to_svg
from h12_scan import DPI, degrade, save, stamp

HERE = Path(__file__).resolve().parent
BUYERS = [
    "M. Lefebvre",
    "Mme Delattre",
    "M. Caron",
    "Mme Vasseur",
    "M. Dupuis",
    "Mme Leroy",
    "M. Maes",
    "Mme Bultel",
    "M. Wattez",
    "Mme Hennebelle",
]

# ------------------------------------------------------------------ plan
# (index, placement, wording, printed, label, scan style + ext or None)
PLAN = {
    "ik_agro_sap": [
        ("right", "N° de commande", "4500927714", "4500927714", None),
        ("cells", "Commande d'achat", "4500931028-01", "4500931028", None),
        ("under", "N° BC", "4500918830", "4500918830", "copieur-gris.pdf"),
        ("box", "COMMANDE N°", "4700218846/V1", "4700218846", None),
        ("title", "", "4500940072", "4500940072", None),
        ("sentence", "notre commande", "4500935518", "4500935518", "photo.jpg"),
    ],
    "ik_pharma_oracle": [
        ("box", "PO Number / N° de commande", "PO-26-018844", "PO-26-018844", None),
        ("right", "Order No.", "2611873", "2611873", None),
        ("cells", "N° Commande", "PO26-04471-R1", "PO26-04471", "copieur-couleur.pdf"),
        ("under", "Purchase Order", "CF 2617720", "CF 2617720", None),
        ("title", "N°", "26PO01877", "26PO01877", None),
        ("sentence", "notre numéro de commande", "PO 2640218", "PO 2640218", "appli.png"),
    ],
    "bb_hopital_ej": [
        ("box", "ENGAGEMENT JURIDIQUE N°", "EJ 1300512284", "EJ 1300512284", None),
        ("right", "N° EJ", "1300498117", "1300498117", None),
        ("cells", "Bon de commande", "BC 26-004471-02", "BC 26-004471", "copieur-gris.tif"),
        ("under", "N° de commande", "2600061573", "2600061573", None),
        ("title", "N°", "26BC018842", "26BC018842", None),
        ("sentence", "Le présent bon de commande n°", "EJ 1300520077", "EJ 1300520077", "fax.tif"),
    ],
    "bb_mairie": [
        ("right", "Bon de commande n°", "2026-00418", "2026-00418", None),
        ("box", "N° D'ENGAGEMENT", "CDE 26.0312", "CDE 26.0312", None),
        ("cells", "Réf. commande", "BC 2026/0417/ST", "BC 2026/0417", "copieur-nb.tif"),
        ("under", "N° de bon", "BDC 0002611", "BDC 0002611", None),
        ("title", "N°", "2026-1187", "2026-1187", None),
        ("sentence", "bon de commande n°", "26-0733", "26-0733", "photo.jpg"),
    ],
    "ik_edi_enseigne": [
        ("right", "NUMERO COMMANDE   ", "0045871236", "0045871236", None),
        ("under", "NUM CDE", "0045902218", "0045902218", None),
        ("box", "CDE N.", "26071844", "26071844", "fax.tif"),
        ("right", "N/REF COMMANDE", "CA 7718240", "CA 7718240", None),
        ("title", "", "0045913307", "0045913307", None),
        ("cells", "N. COMMANDE", "0045920541/EDI", "0045920541", "copieur-nb.png"),
    ],
    "bb_univ_labo": [
        ("right", "N° de bon de commande", "L 21874", "L 21874", None),
        ("box", "N° BC", "L 22105 UMR 1048", "L 22105", None),
        ("cells", "Commande", "CDA 2621457", "CDA 2621457", "appli.pdf"),
        ("under", "N° commande SIFAC", "4501177382", "4501177382", "copieur-couleur.jpg"),
        ("title", "", "L 22648", "L 22648", None),
        ("sentence", "référence de commande", "CDA.26.7741", "CDA.26.7741", "photo.jpg"),
    ],
    "ik_lettre_agri": [
        ("sentence", "sous notre n°", "2611", "2611", "photo.jpg"),
        ("title", "Commande n°", "CF 0412", "CF 0412", None),
        ("right", "N/Réf.", "CDE 4418/JM", "CDE 4418", "fax.tif"),
        ("sentence", "bon de commande", "BDC-26-1174", "BDC-26-1174", "copieur-gris.pdf"),
        ("cells", "Notre commande", "2026-0088", "2026-0088", None),
        ("sentence", "Commande", "7734", "7734", "appli.jpg"),
    ],
    "bb_multipage": [
        ("header", "Bon de commande n°", "BC-264418/PL", "BC-264418", None),
        ("header", "Commande n°", "4500951127", "4500951127", None),
        ("header", "Notre commande", "CDE 26.1142", "CDE 26.1142", "copieur-nb.pdf"),
        ("header", "N/Réf. commande :", "26-08841", "26-08841", None),
        ("header", "Commande fournisseur n°", "ZINV0618823", "ZINV0618823", "fax.tif"),
        ("header", "BDC n°", "BDC/2026/1173/AR", "BDC/2026/1173", "copieur-gris.tif"),
    ],
    "ik_po_intl": [
        ("box", "PO No.", "8840317", "8840317", None),
        ("right", "Bestellnummer", "4510022871", "4510022871", None),
        ("under", "Order number", "P.O. 7721448", "P.O. 7721448", None),
        ("cells", "Bestell-Nr.", "BE-26-01187-A", "BE-26-01187", "copieur-couleur.pdf"),
        ("title", "", "PO26-5512", "PO26-5512", None),
        ("sentence", "our order no.", "2600883412", "2600883412", "appli.jpg"),
    ],
    "ik_carnet_main": [
        ("sheet", "N°", "003318", "003318", "photo.jpg"),
        ("hand-ref", "Réf. commande", "BC 0447", "BC 0447", "photo.jpg"),
        ("sheet", "N°", "007241", "007241", "fax.tif"),
        ("hand-sentence", "Commande", "5521", "5521", "copieur-couleur.jpg"),
    ],
    "ik_devis_cde": [
        ("hand-quote", "N° de commande client", "CF 26-4417", "CF 26-4417", "copieur-couleur.jpg"),
        ("hand-quote", "N° de commande client", "BC 80512", "BC 80512", "copieur-nb.tif"),
    ],
}
NEG = {
    "neg_devis": [None, "copieur-couleur.jpg", "appli.png"],
    "neg_facture": [None, None, "copieur-gris.pdf"],
    "neg_accuse": [None, None, None],
    "neg_relance": [None, "photo.jpg", "fax.tif"],
    "neg_demande_prix": [None, None, "appli.jpg"],
}
SECTOR = {
    "ik_agro_sap": "agro",
    "ik_pharma_oracle": "pharma",
    "bb_hopital_ej": "hopital",
    "bb_mairie": "mairie",
    "ik_edi_enseigne": "retail",
    "bb_univ_labo": "univ",
    "ik_lettre_agri": "petit",
    "bb_multipage": "btp",
    "ik_po_intl": "intl",
    "ik_carnet_main": "petit",
    "ik_devis_cde": "btp",
}
# negatives quote an order of: (family, index)
NEG_OF = {
    "neg_devis": [("ik_agro_sap", 0), ("bb_multipage", 1), ("ik_pharma_oracle", 3)],
    "neg_facture": [("bb_hopital_ej", 1), ("ik_edi_enseigne", 0), ("bb_mairie", 0)],
    "neg_accuse": [("ik_po_intl", 1), ("bb_univ_labo", 0), ("ik_agro_sap", 1)],
    "neg_relance": [("bb_mairie", 3), ("ik_lettre_agri", 1), ("ik_pharma_oracle", 1)],
    "neg_demande_prix": [("ik_agro_sap", 3), ("bb_univ_labo", 1), ("ik_lettre_agri", 4)],
}


def agro_fields(doc, r):
    return [
        ("Date", doc["date"]),
        ("N° fournisseur", f"00002{r.randint(10000, 99999)}"),
        ("Groupe d'acheteurs", f"G{r.randint(10, 99)}"),
        ("Organisation d'achat", f"FR{r.randint(10, 99)}"),
        ("Division", f"{r.randint(1000, 1999)}"),
        ("Demande d'achat", f"00{r.randint(10**7, 10**8 - 1)}"),
        ("Votre offre", doc["quote"]),
        ("Acheteur", doc["buyer"]),
    ]


def pharma_fields(doc, r):
    return [
        ("Date / Order date", doc["date"]),
        ("Supplier no.", f"V-{r.randint(100000, 999999)}"),
        ("Requisition", f"REQ-26-{r.randint(1000, 9999)}"),
        ("Your quote", doc["quote"]),
        ("Site", r.choice(["Usine A – salle blanche", "Bât. 3 – QC", "Magasin central"])),
        ("Buyer / Acheteur", doc["buyer"]),
    ]


def hop_fields(doc, r):
    return [
        ("Date", doc["date"]),
        (
            "Service",
            r.choice(["Services techniques", "Pharmacie (PUI)", "Biomédical", "Cuisine centrale"]),
        ),
        ("Code service Chorus", f"SE-{r.randint(10, 99)}-{r.randint(1000, 9999)}"),
        ("Marché", f"2026-AOO-{r.randint(10, 99):03d}"),
        ("UF", f"{r.randint(1000, 9999)}"),
        ("Tiers", f"{r.randint(100000, 999999)}"),
        ("FINESS", f"62{r.randint(10**6, 10**7 - 1)}"),
        ("Exercice", "2026"),
    ]


def mairie_fields(doc, r):
    return [
        ("Date", doc["date"]),
        (
            "Service demandeur",
            r.choice(
                [
                    "Piscine municipale",
                    "Centre technique",
                    "Station d'épuration",
                    "Restauration scolaire",
                ]
            ),
        ),
        ("Imputation", f"60632 – {r.randint(100, 999)}"),
        ("Exercice", "2026"),
        ("Code service", f"CT{r.randint(1000, 9999)}"),
        ("N° tiers", f"{r.randint(10000, 99999)}"),
        ("Marché", f"MAPA-2026-{r.randint(10, 99)}"),
        ("Gestionnaire", doc["buyer"]),
    ]


def univ_fields(doc, r):
    return [
        ("Date", doc["date"]),
        ("Unité", f"UMR {r.choice([8516, 8181, 9189, 7314, 1048])}"),
        ("Centre financier", f"{r.randint(900, 999)}R{r.randint(100, 999)}"),
        ("eOTP", f"{r.randint(10, 99)}-{r.randint(1000, 9999)}-LAB"),
        ("Marché", f"2025-UL-{r.randint(100, 999)}"),
        ("Demandeur", doc["buyer"]),
    ]


def intl_fields(doc, r):
    if doc.get("german"):
        return [
            ("Datum", doc["date"]),
            ("Lieferantennr.", f"{r.randint(70000, 79999)}"),
            ("Ihr Angebot", doc["quote"]),
            ("Kostenstelle", f"KST {r.randint(4000, 4999)}"),
            ("Incoterms", "DAP"),
            ("Einkäufer", doc["buyer"]),
        ]
    return [
        ("Date", doc["date"]),
        ("Vendor no.", f"{r.randint(200000, 299999)}"),
        ("Your quotation", doc["quote"]),
        ("Cost centre", f"CC-{r.randint(100, 999)}"),
        ("Incoterms", "DAP Incoterms 2020"),
        ("Buyer", doc["buyer"]),
    ]


def std_conditions(doc, r):
    return [
        "Conditions : livraison franco, paiement à 60 jours fin de mois. Le numéro de commande doit figurer sur le bon de livraison et sur la facture.",
        f"Adresse de livraison : {doc['cust']['addr']}, {doc['cust']['city']} – réception du lundi au vendredi de 8h à 15h.",
    ]


def public_conditions(doc, r):
    return [
        "Facture à déposer sur Chorus Pro en rappelant le numéro d'engagement et le code service. Paiement par mandat administratif à 30 jours.",
        f"Livraison : {doc['cust']['addr']}, {doc['cust']['city']}.",
    ]


def en_conditions(doc, r):
    if doc.get("german"):
        return [
            "Bitte geben Sie unsere Bestellnummer auf Lieferschein und Rechnung an. Zahlung 30 Tage netto.",
            f"Lieferadresse : {doc['cust']['addr']}, {doc['cust']['city']}.",
        ]
    return [
        "Please quote our purchase order number on all delivery notes and invoices. Payment terms: 45 days end of month.",
        f"Ship to: {doc['cust']['addr']}, {doc['cust']['city']}.",
    ]


STYLES = {
    "ik_agro_sap": dict(
        font="karla",
        bold="karla-b",
        accent="#2f6b2f",
        title="COMMANDE D'ACHAT",
        fields=agro_fields,
        conditions=std_conditions,
    ),
    "ik_pharma_oracle": dict(
        font="dosis",
        bold="dosis-b",
        accent="#5b2a86",
        title="BON DE COMMANDE / PURCHASE ORDER",
        fields=pharma_fields,
        conditions=std_conditions,
        own_label="Supplier / Fournisseur",
    ),
    "bb_hopital_ej": dict(
        font="avserif",
        bold="avserif-b",
        accent="#1f4e79",
        title="BON DE COMMANDE",
        fields=hop_fields,
        conditions=public_conditions,
        sign_label="L'ordonnateur",
    ),
    "bb_mairie": dict(
        font="avsans",
        bold="avsans-b",
        accent="#8a3b12",
        title="BON DE COMMANDE",
        fields=mairie_fields,
        conditions=public_conditions,
        sign_label="Le Maire / par délégation",
    ),
    "bb_univ_labo": dict(
        font="avsans",
        bold="avsans-b",
        accent="#00557f",
        title="BON DE COMMANDE",
        fields=univ_fields,
        conditions=public_conditions,
        sign_label="Le directeur d'unité",
    ),
    "ik_po_intl": dict(
        font="dosis",
        bold="dosis-b",
        accent="#333333",
        title="PURCHASE ORDER",
        fields=intl_fields,
        conditions=en_conditions,
        own_label="Vendor",
        sign_label="Authorised signature",
    ),
    "ik_lettre_agri": dict(font="karla", bold="karla-b"),
    "bb_multipage": dict(font="avserif", bold="avserif-b"),
}
BORB = {"bb_hopital_ej", "bb_mairie", "bb_univ_labo", "bb_multipage", "neg_facture", "neg_relance"}


def sentence_for(fam: str, wording: str, num: str, doc: dict) -> str:
    if fam == "ik_agro_sap":
        return f"Veuillez livrer selon {wording} {num} ci-dessus ; toute livraison ne rappelant pas ce numéro sera refusée à la réception."
    if fam == "ik_pharma_oracle":
        return f"Merci de rappeler {wording} {num} sur le bon de livraison, le certificat d'analyse et la facture."
    if fam == "bb_hopital_ej":
        return f"{wording} {num} vaut engagement juridique au sens de la comptabilité publique ; il est à rappeler sur la facture déposée dans Chorus Pro."
    if fam == "bb_mairie":
        return f"La présente commande est passée par {wording} {num} du {doc['date']}, dans le cadre du marché à procédure adaptée."
    if fam == "bb_univ_labo":
        return f"Merci d'indiquer la {wording} {num} sur toute facture adressée au service financier de l'unité."
    if fam == "ik_po_intl":
        return f"Please deliver against {wording} {num} and send the invoice to accounts payable."
    raise KeyError(fam)


def letter_body(fam_i: int, doc: dict) -> list[str]:
    num, w = doc["printed"], doc["wording"]
    arts = 'une caisse de 12 cartouches PP 10" 5 µm (CF-PP10-05), 4 poches filtrantes nylon 200 µm et 2 joints EPDM 226'
    if fam_i == 0:
        return [
            f"Suite à notre conversation téléphonique de ce matin, je vous passe commande, {w} {num}, de : {arts}.",
            f"Livraison à la ferme avant le {doc['delivery']} si possible ; votre devis {doc['quote']} nous convient.",
        ]
    if fam_i == 3:
        return [
            f"Veuillez trouver ci-dessous le détail de notre commande : {arts}.",
            f"Merci de noter notre {w} {num} sur la facture, notre comptable en a besoin pour le paiement.",
        ]
    if fam_i == 5:
        return [
            f"{w} {num} à livrer au garage : {arts}.",
            "Paiement à réception de facture comme d'habitude.",
        ]
    return [
        f"Nous vous confirmons notre commande selon votre devis {doc['quote']} : {arts}.",
        f"Livraison souhaitée le {doc['delivery']} au {doc['cust']['addr']}.",
    ]


def base_doc(fam: str, i: int, cust: dict) -> dict:
    r = rng(fam, i)
    day = r.randint(1, 7)
    return {
        "fam": fam,
        "idx": i + 1,
        "key": f"{fam}:{i}",
        "cust": cust,
        "ids": draw_ids(cust, f"{fam}:{i}"),
        "date": f"{day:02d}/12/2026",
        "delivery": f"{r.randint(14, 23)}/12/2026",
        "buyer": r.choice(BUYERS),
        "quote": f"OF26-{r.randint(1000, 4999):05d}",
        "site": r.choice(
            ["Station de Feuchy", "Usine de Roye", "Atelier B", "Chantier Les Hallettes"]
        ),
    }


def build_orders() -> list[dict]:
    docs = []
    for fam, rows in PLAN.items():
        for i, (place, wording, printed, label, scan) in enumerate(rows):
            cust = customer(SECTOR[fam], i if fam != "ik_carnet_main" else i + 1)
            d = base_doc(fam, i, cust)
            d.update(place=place, wording=wording, printed=printed, label=label, scan=scan)
            if fam == "ik_po_intl" and i in (1, 3):
                d["german"] = True
            elif fam == "ik_po_intl":
                d["english"] = True
            if place == "sentence" and fam in STYLES and "fields" in STYLES[fam]:
                d["sentence"] = sentence_for(fam, wording, printed, d)
            d["marker"] = {
                "right": wording,
                "cells": wording,
                "under": wording,
                "box": wording,
                "title": wording or "",
                "sentence": wording,
                "header": wording,
            }.get(place, wording)
            docs.append(d)
    return docs


def neg_docs(orders: list[dict]) -> list[dict]:
    by = {(d["fam"], d["idx"] - 1): d for d in orders}
    out = []
    for fam, scans in NEG.items():
        for i, scan in enumerate(scans):
            src = by[NEG_OF[fam][i]]
            d = base_doc(fam, i, src["cust"])
            r = rng("neg", fam, i)
            d.update(
                scan=scan,
                printed="",
                label="",
                old=src["label"],
                old_date=f"{r.randint(3, 25)}/11/2026",
            )
            d["cust_code"] = f"C{r.randint(10000, 99999)}"
            d["bl"] = f"BL26-{r.randint(10000, 19999)}"
            d["due"] = f"{r.randint(1, 28):02d}/01/2027"
            d["service"] = f"SE-{r.randint(10, 99)}-{r.randint(1000, 9999)}"
            d["own_no"] = {
                "neg_devis": f"DV26-{r.randint(2000, 2999):05d}",
                "neg_facture": f"FC26-{r.randint(10000, 19999)}"
                if i != 2
                else f"AV26-{r.randint(100, 999):04d}",
                "neg_accuse": f"ARC-26-{r.randint(1000, 9999)}",
                "neg_relance": "",
                "neg_demande_prix": f"RFQ-26-{r.randint(100, 999):04d}",
            }[fam]
            d["signed_quote"] = fam == "neg_devis" and scan is not None
            out.append(d)
    return out


def pages_for(d: dict) -> list:
    fam = d["fam"]
    if fam in STYLES and "fields" in STYLES[fam]:
        return form(d, STYLES[fam])
    if fam == "ik_edi_enseigne":
        return edi(d)
    if fam == "ik_lettre_agri":
        d["body"] = letter_body(d["idx"] - 1, d)
        return letter(d, STYLES[fam])
    if fam == "bb_multipage":
        return two_pages(d, STYLES[fam])
    if fam == "ik_carnet_main":
        d["sheet"] = (
            d["printed"]
            if d["place"] == "sheet"
            else f"00{rng('sheet', d['key']).randint(1000, 9999)}"
        )
        return pad(d, "#1d3b9e" if d["idx"] % 2 else "#222222")
    if fam == "ik_devis_cde":
        d.update(
            own_no=f"DV26-{2100 + d['idx'] * 37:05d}",
            old="",
            cust_code=f"C{40000 + d['idx'] * 713}",
        )
        return our_doc(d, "devis", "karla", "karla-b")
    if fam == "neg_devis":
        return our_doc(d, "devis", "karla", "karla-b")
    if fam == "neg_facture":
        return our_doc(d, "avoir" if d["idx"] == 3 else "facture", "avsans", "avsans-b")
    if fam == "neg_accuse":
        return our_doc(d, "accuse", "dosis", "dosis-b")
    if fam == "neg_relance":
        return customer_letter(d, "relance", "avserif", "avserif-b")
    if fam == "neg_demande_prix":
        return customer_letter(d, "rfq", "karla", "karla-b")
    raise KeyError(fam)


def paper_marks(d: dict, pages: list) -> None:
    """Hand-written marks on the paper before it is scanned (and the signed quotes)."""
    r = rng("marks", d["key"])
    p = pages[0]
    if d["fam"] == "ik_devis_cde" or d.get("signed_quote"):
        from h12_layouts import signature

        y = d["box_y"]
        if d["fam"] == "ik_devis_cde":
            p.text(414, y + 31, d["printed"], "hand", 12, "#1d3b9e")
        p.text(346, y + 51, f"{r.randint(8, 11):02d}/12/26", "hand", 11, "#1d3b9e")
        p.rect(398, y + 62, 150, 38, 1.0, "#3a4fb0")
        p.text(404, y + 76, d["cust"]["short"][:26], "avsans-b", 7, "#3a4fb0")
        p.text(
            404,
            y + 88,
            "BON POUR ACCORD – " + d["cust"]["city"].split(" ", 1)[1][:16],
            "avsans",
            6.5,
            "#3a4fb0",
        )
        signature(p, 330, y + 88, r)
        return
    if d["printed"] and r.random() < 0.45:
        note = r.choice(["urgent !", "à saisir", "vu le 08/12", "OK pour moi", "saisi"])
        p.text(r.uniform(300, 420), r.uniform(p.h * 0.42, p.h * 0.5), note, "hand", 13, "#1d3b9e")


def self_check(path: Path, d: dict) -> None:
    doc = pdfium.PdfDocument(str(path))
    text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    doc.close()
    flat = re.sub(r"\s+", " ", text)
    comp = re.sub(r"[^0-9A-Z]", "", flat.upper())
    need = [d["printed"], d["label"]] if d["printed"] else []
    if d["printed"] and d.get("marker"):
        need.append(d["marker"].strip())
    if d.get("old"):
        need.append(d["old"])
    if d.get("own_no"):
        need.append(d["own_no"])
    for s in need:
        assert s in flat, (path, s)
    for kind in ("vat", "siret"):
        printed, lab = d["ids"][kind]
        if printed:
            assert re.sub(r"\s+", " ", printed) in flat, (path, printed)
        if lab:
            assert lab in comp, (path, lab)
    for own in (OWN_VAT, OWN_SIRET):
        if d["fam"].startswith("neg_") and d["fam"] in ("neg_devis", "neg_facture", "neg_accuse"):
            assert own in comp, (path, own)


def model_check(pages: list, d: dict) -> None:
    flat = " ".join(t for p in pages for t in p.texts())
    if d["printed"]:
        assert d["printed"] in flat and d["label"] in flat, d["key"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE)
    out = ap.parse_args().out
    for sub in ("documents", "mails"):
        shutil.rmtree(out / sub, ignore_errors=True)
    orders = build_orders()
    docs = orders + neg_docs(orders)
    tmp = Path(tempfile.mkdtemp(prefix="h12-"))
    pdf_jobs, png_jobs = [], []
    for d in docs:
        pages = pages_for(d)
        fam = d["fam"]
        folder = out / "documents" / fam
        folder.mkdir(parents=True, exist_ok=True)
        if d["scan"]:
            style, ext = d["scan"].split(".")
            d["path"] = f"documents/{fam}/{fam}-{d['idx']:02d}-{style}.{ext}"
            d["kind"] = "scan"
            paper_marks(d, pages)
            model_check(pages, d)
            d["pngs"] = []
            for k, p in enumerate(pages):
                svg = tmp / f"{fam}-{d['idx']}-{k}.svg"
                svg.write_text(to_svg(p), encoding="utf-8")
                png = svg.with_suffix(".png")
                png_jobs.append((svg, png, DPI[style]))
                d["pngs"].append(png)
        else:
            d["path"] = f"documents/{fam}/{fam}-{d['idx']:02d}.pdf"
            d["kind"] = "pdf-text"
            model_check(pages, d)
            target = out / d["path"]
            if fam in BORB:
                borb_pdf(pages, target)
            else:
                parts = []
                for k, p in enumerate(pages):
                    svg = tmp / f"{fam}-{d['idx']}-{k}.svg"
                    svg.write_text(to_svg(p), encoding="utf-8")
                    parts.append(svg.with_suffix(".pdf"))
                    pdf_jobs.append((svg, parts[-1], None))
                d["parts"] = parts
    inkscape_batch(pdf_jobs + png_jobs)
    for d in docs:
        target = out / d["path"]
        if d["kind"] == "pdf-text":
            if "parts" in d:
                if len(d["parts"]) == 1:
                    shutil.copyfile(d["parts"][0], target)
                else:
                    w = PdfWriter()
                    for part in d["parts"]:
                        w.append(str(part))
                    w.write(target)
            self_check(target, d)
        else:
            style = d["scan"].split(".")[0]
            r = rng("scan", d["fam"], d["idx"])
            imgs = [Image.open(p).convert("RGB") for p in d["pngs"]]
            if d["printed"] and r.random() < 0.3 and style != "photo":
                col = (20, 20, 20) if style in ("fax", "copieur-nb") else (40, 60, 170)
                stamp(
                    imgs[0],
                    r,
                    ["REÇU LE", f"{r.randint(8, 11):02d} DÉC. 2026", "SERVICE ADV"],
                    col,
                    DPI[style],
                )
            hdr = ""
            if style == "fax":
                hdr = f"{r.randint(1, 7):02d}/12/2026 {r.randint(7, 18):02d}:{r.randint(0, 59):02d}  +33 3 {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}  {d['cust']['short'][:22]}"
            out_imgs = degrade(imgs, style, r, hdr)
            save(out_imgs, target, DPI[style])
    shutil.rmtree(tmp)
    from h12_mail import build_mails

    mails = build_mails(docs, out)
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        for d in docs:
            w.writerow(
                [d["path"], d["kind"], "", d["label"], d["ids"]["vat"][1], d["ids"]["siret"][1]]
            )
        for m in mails:
            w.writerow([m["path"], "eml", m["is_order"], m["number"], "", ""])
    (out / "own_identifiers.txt").write_text(
        "# The receiving supplier of this corpus (FILTRATION & CONSOMMABLES D'ARTOIS SAS): never the customer.\n"
        f"{OWN_SIREN}\n{OWN_SIRET}\n{OWN_VAT}\n",
        encoding="utf-8",
    )
    n_scan = sum(d["kind"] == "scan" for d in docs)
    print(f"{len(docs)} documents ({len(docs) - n_scan} text, {n_scan} scans), {len(mails)} mails")


if __name__ == "__main__":
    main()
