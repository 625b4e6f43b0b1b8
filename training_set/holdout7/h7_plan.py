"""Holdout7 plan: families, number shapes, placements, text/scan split, scan styles."""

from __future__ import annotations

# (template, printed suffix, placement, number label, scan (style, ext) or None)
# template: D = digit, N = non-zero digit; the label is the template filled, the suffix is
# printed after it and left out of the label.
ORDER_FAMILIES = {
    "xe_sap_chimie": dict(stack="xe", sector="chimie", style=dict(font="Carlito", ink="1F4E79", pale="DCE6F1", lh=17), specs=[
        ("4500DDDDDD", "", "right", "N° commande d'achat", None),
        ("4000DDDDDD", "", "cells", "Document d'achat", ("highlight", ".pdf")),
        ("4500DDDDDD", "-01", "under", "N° de commande", None),
        ("PO00DDDDDD", "", "box", "Purchase Order / Commande n°", ("photocopy", ".tif")),
        ("4500DDDDDD", "", "title", "", ("curl", ".jpg")),
        ("45000DDDDD", "-02", "right", "Commande n°", None),
    ]),
    "xe_chorus_public": dict(stack="xe", sector="public", style=dict(font="Caladea", ink="2E4A2E", pale="E3EEDF", lh=15), specs=[
        ("EJ 1300DDDDDD", "", "box", "Engagement juridique n°", None),
        ("2026/DDDDD", "/MP", "right", "Bon de commande n°", ("biro", ".jpg")),
        ("BC-2026-DDDD", "", "sentence", "", None),
        ("13000DDDDD", "", "cells", "N° EJ (Chorus Pro)", ("holepunch", ".pdf")),
        ("CDA 26DDDDD", "", "under", "N° de commande", None),
        ("BDC 26/DDDD", "", "title", "", ("recu", ".png")),
    ]),
    "xe_cnrs_labo": dict(stack="xe", sector="cnrs", style=dict(font="Gentium", ink="5B2C6F", pale="EEE4F3", lh=15), specs=[
        ("L DDDDD", " UMR 5DDD", "right", "Bon de commande n°", None),
        ("L DDDDD", " UMR 5DDD", "box", "Commande n°", ("margin", ".jpg")),
        ("L 0DDDD", "", "sentence", "", None),
        ("4500DDDDDD", "", "under", "N° bon de commande", ("dither", ".png")),
        ("L DDDDD", " UMR 5DDD", "title", "", ("warmdark", ".jpg")),
        ("L DDDDD", "", "cells", "N° de commande", None),
    ]),
    "xe_multicol_distrib": dict(stack="xe", sector="distrib", style=dict(font="RobotoSlab", ink="8E3B12", pale="F6E7DC", lh=16, size="9pt"), specs=[
        ("CF2026DDDD", "", "right", "Notre commande", None),
        ("CDE-26-DDDDD", "", "cells", "N° de commande", ("grid", ".pdf")),
        ("BC 0DDDD", "", "box", "Bon de commande n°", None),
        ("CO_26_DDDD", "", "sentence", "", ("motion", ".jpg")),
        ("ZINVDDDDDD", "", "under", "Réf. commande", None),
        ("CA.26.DDDD", "/PL", "title", "", ("halftone", ".tif")),
    ]),
    "xe_multipage": dict(stack="xe", sector="multi", style=dict(font="Cabin", ink="0B5563", pale="DDF0F2", lh=15), specs=[
        ("CDE 26-0DDD", "", "header", "Commande n°", None),
        ("BDC/26/DDDD", "", "header", "Bon de commande", ("jpeg15", ".tif")),
        ("CO26DDDDD", "", "header", "N° Cde", None),
        ("2026.DDDD", "", "header", "Commande", ("photocopy", ".pdf")),
        ("PO-26-DDDDD", "/RG", "header", "Order / Commande", None),
        ("CA 26DDDDD", "", "header", "Commande d'achat", ("dither", ".tif")),
    ]),
    "ps_erp_mono": dict(stack="ps", sector="erp", style=dict(), specs=[
        ("CDE0DDDDD", "", "right", "N° commande", None),
        ("BC26DDDDD", "", "under", "No Commande", ("highlight", ".jpg")),
        ("CF-26-DDDDD", "", "box", "Commande", None),
        ("4000DDDDDD", "", "title", "", ("recu", ".pdf")),
        ("PO 26DDDDD", "", "right", "Bon de cde", None),
        ("26-DDDDD", "/MB", "sentence", "", ("jpeg15", ".jpg")),
    ]),
    "ps_negoce_lettre": dict(stack="ps", sector="negoce", style=dict(font="oxy", bold="oxy-b", ink=(0.45, 0.1, 0.1), fill=(0.96, 0.92, 0.9), ws=2.2, title_spacing=1.2), specs=[
        ("BC 2026-DDDD", "", "sentence", "", None),
        ("CDE DDDDD", "", "box", "Bon de commande n°", ("biro", ".pdf")),
        ("2026/0DDD", "", "right", "Commande n°", None),
        ("CF26DDDDD", "-02", "sentence", "", ("holepunch", ".jpg")),
        ("BDC-DDDDD", "", "title", "", None),
        ("CO 26/DDDD", "", "cells", "N° de commande", ("margin", ".png")),
    ]),
    "ps_btp_chantier": dict(stack="ps", sector="btp", style=dict(font="go", bold="go-b", ink=(0.75, 0.35, 0.0), fill=(0.99, 0.93, 0.82), lh_spacing=0.6), specs=[
        ("BCT26-DDDD", "", "right", "Bon de commande travaux n°", None),
        ("2026-T-DDDD", "", "sentence", "", ("curl", ".jpg")),
        ("BC/26/DDDD", "", "box", "Commande n°", None),
        ("CDA 26DDDDD", "", "under", "N° commande", ("warmdark", ".pdf")),
        ("CA-26-DDDD", "-01", "title", "", None),
        ("26TX0DDDD", "", "cells", "Réf. commande", ("grid", ".jpg")),
    ]),
    "mpl_landscape_en": dict(stack="mpl", sector="en", lang="en", style=dict(ink=(0.12, 0.2, 0.38), fill=(0.88, 0.91, 0.96)), specs=[
        ("PO 26DDDDD", "", "box", "PO Number", None),
        ("P.O. 26-DDDD", "", "right", "P.O. No.", ("motion", ".pdf")),
        ("ZINVDDDDDD", "", "title", "", None),
        ("4500DDDDDD", "-V3", "under", "Purchase Order", ("halftone", ".jpg")),
        ("PO-DDDDDD", "", "cells", "Order number", None),
        ("PO0DDDDDDD", "", "sentence", "", ("warmdark", ".jpg")),
    ]),
    "mpl_form_main": dict(stack="mpl", sector="form", style=dict(ink=(0.05, 0.35, 0.25), fill=(0.85, 0.94, 0.89)), specs=[
        ("BC 0DDD", "", "box", "N° de commande", None),
        ("CDE 1DDD", "", "right", "Commande n°", ("photocopy", ".jpg")),
        ("2026-0DDD", "", "right", "N° bon", None),
        ("NDDD", "", "box", "Bon n°", ("biro", ".tif")),
        ("26/0DDD", "", "sentence", "", None),
        ("BDC 2DDDD", "", "right", "N° de commande", ("margin", ".pdf")),
    ]),
    "mpl_coop_agri": dict(stack="mpl", sector="coop", style=dict(ink=(0.2, 0.42, 0.12), fill=(0.9, 0.95, 0.86)), specs=[
        ("CO-26-DDDDD", "", "cells", "N° de commande", None),
        ("CDA DDDDDDD", "", "right", "Commande d'achat", ("holepunch", ".png")),
        ("CF0DDDDDD", "", "under", "N° commande", None),
        ("CDE/26/DDDDD", "", "box", "Commande n°", ("curl", ".jpg")),
        ("BC_26_DDDD", "", "title", "", None),
        ("4000DDDDDD", "", "sentence", "", ("recu", ".jpg")),
    ]),
}

# negatives: (kind, scan or None)
NEG_FAMILIES = {
    "neg_devis": dict(stack="xe", style=dict(font="Caladea", ink="7A1F1F", pale="F4E2E2"), specs=[
        ("devis", None), ("devis", ("motion", ".jpg")), ("devis", ("dither", ".tif"))]),
    "neg_ar_commande": dict(stack="ps", style=dict(font="oxy", bold="oxy-b", ink=(0.1, 0.3, 0.45), fill=(0.9, 0.94, 0.97), title_spacing=2.0), specs=[
        ("ar", None), ("ar", ("halftone", ".pdf")), ("ar", None)]),
    "neg_facture_avoir": dict(stack="xe", style=dict(font="RobotoSlab", ink="1F3A5F", pale="E1E8F0"), specs=[
        ("facture", None), ("avoir", None), ("facture", ("jpeg15", ".jpg"))]),
    "neg_demande_prix": dict(stack="mpl", sector="chimie", style=dict(font="quick", bold="quick-b", ink=(0.3, 0.2, 0.45), fill=(0.93, 0.9, 0.96)), specs=[
        ("rfq", None), ("rfq", None), ("rfq_en", None)]),
    "neg_relance_bl": dict(stack="ps", style=dict(font="go", bold="go-b", ink=(0.2, 0.2, 0.2), fill=(0.92, 0.92, 0.92)), specs=[
        ("relance", None), ("relance", ("highlight", ".png")), ("bl", None)]),
}
