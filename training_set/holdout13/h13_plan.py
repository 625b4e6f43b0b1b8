"""The plan: every document, its number as printed and as labelled, where it sits, text or scan."""

from __future__ import annotations

# (family, layout, sector, font, bold, [(printed, label, placement, label wording, scan style, format)])
# scan style None = text PDF; format: pdf / jpg / png / tif
FAMILIES = [
    ("tc_sap_chimie", "form", "chimie", "go", "gob", [
        ("4500712386", "4500712386", "right", "N° de commande :", None, None),
        ("4500698841-01", "4500698841", "cells", "Commande / poste", None, None),
        ("4700133920", "4700133920", "under", "N° commande", None, None),
        ("4500720017/02", "4500720017", "box", "BON DE COMMANDE N°", "copieur-gris", "pdf"),
        ("4501187345", "4501187345", "title", "COMMANDE D'ACHAT", "photo", "jpg"),
        ("4500731152", "4500731152", "sentence", "notre commande", None, None),
    ]),
    ("tc_dolibarr_pme", "form", "pme", "go", "gob", [
        ("CF2612-0041", "CF2612-0041", "right", "Réf. commande :", None, None),
        ("CF2612-0007", "CF2612-0007", "under", "Réf. commande", "appli", "png"),
        ("BC-2612-0213/MB", "BC-2612-0213", "cells", "Notre commande", "copieur-nb", "tif"),
        ("CF 26120044", "CF 26120044", "box", "COMMANDE FOURNISSEUR", None, None),
        ("CF2612-0062", "CF2612-0062", "title", "COMMANDE FOURNISSEUR", "photo", "jpg"),
        ("CF2612-0095", "CF2612-0095", "sentence", "notre commande n°", None, None),
    ]),
    ("tc_public_ej", "form", "public", "vk", "vkb", [
        ("EJ 1300622871", "EJ 1300622871", "box", "ENGAGEMENT JURIDIQUE N°", None, None),
        ("1300618420", "1300618420", "right", "N° EJ :", "fax", "tif"),
        ("2026-001874", "2026-001874", "under", "N° de commande", "copieur-gris", "tif"),
        ("BC 2026/1417-02", "BC 2026/1417", "cells", "Bon de commande n°", None, None),
        ("26BC004127", "26BC004127", "title", "BON DE COMMANDE N°", "copieur-couleur", "pdf"),
        ("2600091873", "2600091873", "sentence", "bon de commande n°", None, None),
    ]),
    ("tc_cnrs_labo", "form", "labo", "go", "gob", [
        ("L 31874", "L 31874", "right", "N° de commande :", None, None),
        ("L 32207 UMR 7590", "L 32207", "box", "BON DE COMMANDE", "appli", "jpg"),
        ("4501302218", "4501302218", "under", "N° BC SIFAC", None, None),
        ("CDA 2614472", "CDA 2614472", "cells", "N° de commande", "copieur-couleur", "jpg"),
        ("L 30995/AB", "L 30995", "title", "BON DE COMMANDE", None, None),
        ("CDA.26.8812", "CDA.26.8812", "sentence", "la référence de commande", None, None),
    ]),
    ("tc_retail_edi", "edi", "retail", "gom", "gomb", [
        ("0061844027", "0061844027", "right", "NUMERO COMMANDE :", None, None),
        ("26CA018447", "26CA018447", "title", "ORDERS", "copieur-nb", "png"),
        ("CDE 8841203", "CDE 8841203", "under", "NUM CDE", None, None),
        ("CA 7712408", "CA 7712408", "box", "CDE N.", None, None),
        ("0061902214/EDI", "0061902214", "cells", "N. COMMANDE", "fax", "tif"),
        ("PO_26_08812", "PO_26_08812", "right", "N/REF COMMANDE :", None, None),
    ]),
    ("tc_btp_multipage", "multipage", "btp", "vk", "vkb", [
        ("BDC-26-04418", "BDC-26-04418", "running", "Bon de commande n°", None, None),
        ("26-07719/CH", "26-07719", "running", "Commande n°", "fax", "tif"),
        ("CDE 2611874", "CDE 2611874", "running", "N/Réf. commande :", "copieur-nb", "pdf"),
        ("ZINV0712284", "ZINV0712284", "running", "Commande fournisseur", None, None),
        ("2026-0884", "2026-0884", "running", "BDC n°", "copieur-gris", "tif"),
        ("CA 0731174", "CA 0731174", "running", "Notre commande", None, None),
    ]),
    ("tc_po_intl", "form", "intl", "din", "gob", [
        ("PO-26-118203", "PO-26-118203", "box", "PO Number / N° de commande", None, None),
        ("P.O. 8812047", "P.O. 8812047", "right", "Order No.:", "copieur-couleur", "pdf"),
        ("4510087312", "4510087312", "under", "Bestellnummer", None, None),
        ("PO26-7718-R2", "PO26-7718", "cells", "Purchase order", None, None),
        ("26PO02271", "26PO02271", "title", "PURCHASE ORDER", "appli", "png"),
        ("7720314", "7720314", "sentence", "our order no.", None, None),
    ]),
    ("tc_lettre_artisan", "letter", "petit", "vk", "vkb", [
        ("2618", "2618", "sentence", "sous notre n°", None, None),
        ("CF 0718", "CF 0718", "objet", "Objet : Commande n°", "photo", "jpg"),
        ("CDE 5127/JD", "CDE 5127", "right", "N/Réf. :", "fax", "tif"),
        ("BDC-26-0917", "BDC-26-0917", "sentence", "notre bon de commande", "copieur-gris", "pdf"),
        ("8814", "8814", "sentence", "Commande", None, None),
        ("2026-0441", "2026-0441", "cells", "Notre commande", None, None),
    ]),
    ("tc_carnet_main", "pad", "petit", "go", "gob", [
        ("004182", "004182", "sheet", "N°", "photo", "jpg"),
        ("BC 0712", "BC 0712", "hand_ref", "Réf. commande :", "photo", "jpg"),
        ("007714", "007714", "sheet", "N°", "fax", "tif"),
        ("5518", "5518", "hand_sentence", "Cde", "appli", "png"),
        ("CF 26-1174", "CF 26-1174", "hand_ref", "Réf. commande :", "copieur-couleur", "jpg"),
        ("002261", "002261", "sheet", "N°", "photo", "jpg"),
    ]),
    ("tc_devis_cde", "devis_cde", "pme", "go", "gob", [
        ("CF 26-5512", "CF 26-5512", "hand_accord", "N° de commande client :", "copieur-couleur", "jpg"),
        ("BC 81774", "BC 81774", "hand_accord", "N° de commande client :", "copieur-nb", "tif"),
        ("4500733018", "4500733018", "hand_accord", "N° de commande client :", "appli", "png"),
    ]),
    ("tc_agro_coop", "form", "agro", "go", "gob", [
        ("2607184", "2607184", "right", "Notre réf. commande :", None, None),
        ("CO 628417", "CO 628417", "below", "N° Commande", None, None),
        ("BC 26/0873/DR", "BC 26/0873", "cells", "Bon de commande n°", "copieur-gris", "pdf"),
        ("000418227", "000418227", "title", "COMMANDE N°", None, None),
        ("CA 2618840", "CA 2618840", "box", "N° COMMANDE", "photo", "jpg"),
        ("26.1187", "26.1187", "sentence", "notre bon de commande n°", None, None),
    ]),
]

# negatives: (family, kind, font, bold, [(scan style, format)]); each quotes an earlier order number
NEGATIVES = [
    ("neg_devis", "devis", "go", "gob", [(None, None), ("copieur-couleur", "jpg"), ("appli", "png")]),
    ("neg_facture", "facture", "din", "gob", [(None, None), (None, None), ("copieur-gris", "pdf")]),
    ("neg_bl", "bl", "go", "gob", [(None, None), ("photo", "jpg")]),
    ("neg_accuse", "accuse", "go", "gob", [(None, None), (None, None)]),
    ("neg_relance", "relance", "vk", "vkb", [(None, None), ("fax", "tif")]),
    ("neg_demande_prix", "rfq", "vk", "vkb", [(None, None), (None, None), ("copieur-nb", "tif")]),
]
