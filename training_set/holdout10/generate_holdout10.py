"""Generate the holdout10 exam corpus (see README.md: FROZEN; this is only to make a NEW corpus).

    PYTHONPATH=/tmp/h10py .venv/bin/python training_set/holdout10/generate_holdout10.py [--out DIR]

The plan (families, numbers as printed and as labelled, placements, text/scan split, scan styles,
formats), the identifiers, the self-check on every PDF drawn, the scans, the labels and the mails.
Imports nothing from the repository or from orderintake.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import h10_layouts as L  # noqa: E402
import h10_negatives as N  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from h10_data import OWN, SEED, identifiers, party_of, rng  # noqa: E402
from h10_mail import build_mails  # noqa: E402
from h10_render import BACKENDS  # noqa: E402
from h10_scan import DPI, degrade, encode  # noqa: E402

F_ERP = L.Fam("cs", "csb", "csi", "#7a2e0e", "#f3e6dc")
F_SAP = L.Fam("cs", "csb", "csi", "#00557f", "#e1eef5")
F_HOP = L.Fam("play", "playb", "play", "#2a6f4e", "#e3f1ea")
F_LAB = L.Fam("os", "osb", "osi", "#4b2a7a", "#ece6f4")
F_EN = L.Fam("play", "playb", "play", "#8a1c1c", "#f5e3e3")
F_MP = L.Fam("os", "osb", "osi", "#333333", "#eeeeee")
F_COL = L.Fam("qc", "cardob", "cardoi", "#0b4f6c", "#e0eef3")
F_LET = L.Fam("cardo", "cardob", "cardoi", "#222222", "#eeeeee")
F_TRA = L.Fam("qc", "cardob", "cardoi", "#5a3d00", "#f3ecdc")
F_OUR_SK = L.Fam("cs", "csb", "csi", "#0d5c46", "#e0f0ea")
F_OUR_FO = L.Fam("qc", "cardob", "cardoi", "#0d5c46", "#e0f0ea")
F_OUR_SV = L.Fam("play", "playb", "play", "#0d5c46", "#e0f0ea")

# family: backend, layout, sector, look, docs [(printed, label, placement, style or None, ext, doc label text)]
ORDERS = {
    "sk_erp_mecanique": (
        "sk",
        "form",
        "mecanique",
        F_ERP,
        [
            ("CF2615094", "CF2615094", "right", None, None, "N° de commande :"),
            ("CDE-26-07731", "CDE-26-07731", "under", "copieur-couleur", ".pdf", "N° commande"),
            ("BC 26/2208/LM", "BC 26/2208", "cells", None, None, "Commande n°"),
            ("CF 2611847", "CF 2611847", "box", None, None, "Bon de commande n°"),
            ("CO 624518", "CO 624518", "title", "smartphone", ".jpg", "N° BC"),
            ("2026-05127", "2026-05127", "sentence", None, None, "N° de commande :"),
        ],
    ),
    "sk_grande_distrib": (
        "sk",
        "form",
        "distrib",
        F_SAP,
        [
            ("4500824417", "4500824417", "right", None, None, "N° de commande d'achat :"),
            ("4500830962-01", "4500830962", "cells", None, None, "Commande d'achat"),
            ("4000418823", "4000418823", "under", "copieur-nb", ".tif", "N° document d'achat"),
            ("PO00521746", "PO00521746", "box", None, None, "Commande n°"),
            ("4500841205", "4500841205", "title", None, None, "N° commande"),
            ("4000420187-V3", "4000420187", "sentence", "copieur-gris", ".pdf", "Commande"),
        ],
    ),
    "sk_as400_quincaillerie": (
        "sk",
        "as400",
        "negoce",
        None,
        [
            ("CDE 27418", "CDE 27418", "right", None, None, ""),
            ("CDE 31207/AB", "CDE 31207", "under", "fax", ".tif", ""),
            ("000846213", "000846213", "cells", None, None, ""),
            ("CA 0265418", "CA 0265418", "box", "copieur-nb", ".png", ""),
            ("ZINV2604418", "ZINV2604418", "title", None, None, ""),
            ("CA-26-09124", "CA-26-09124", "sentence", None, None, ""),
        ],
    ),
    "sk_carnet_main": (
        "sk",
        "pad",
        "artisan",
        None,
        [
            ("005214", "005214", "pre", "smartphone", ".jpg", ""),
            ("008731", "008731", "pre", "smartphone", ".jpg", ""),
            ("002946", "002946", "pre", "copieur-couleur", ".pdf", ""),
            ("1226-03", "1226-03", "hand_right", "fax", ".tif", ""),
            ("CF 4419", "CF 4419", "hand_right", "appli-scan", ".png", ""),
            ("3862", "3862", "hand_sentence", "smartphone", ".jpg", ""),
        ],
    ),
    "sv_hopital_ehpad": (
        "sv",
        "form",
        "hopital",
        F_HOP,
        [
            (
                "EJ 1300354217",
                "EJ 1300354217",
                "box",
                "copieur-gris",
                ".tif",
                "N° d'engagement juridique",
            ),
            ("26BC005412", "26BC005412", "right", None, None, "Bon de commande n° :"),
            ("BDC 26-01147-02", "BDC 26-01147", "cells", None, None, "N° BDC"),
            ("2600045318", "2600045318", "under", "appli-scan", ".jpg", "N° commande"),
            ("BC-2026-005871", "BC-2026-005871", "title", None, None, "N°"),
            ("EJ 1300362904", "EJ 1300362904", "sentence", "copieur-nb", ".pdf", "Engagement"),
        ],
    ),
    "sv_universite_labo": (
        "sv",
        "form",
        "labo",
        F_LAB,
        [
            ("L 18273", "L 18273", "right", None, None, "N° de bon de commande :"),
            ("L 09466 UMR 7331", "L 09466", "box", "copieur-couleur", ".jpg", "Bon de commande n°"),
            ("BC2600841", "BC2600841", "cells", None, None, "N° commande"),
            ("L 21904", "L 21904", "under", "smartphone", ".jpg", "N° BC"),
            ("CDA 2614087", "CDA 2614087", "title", "appli-scan", ".pdf", "N°"),
            ("CDA.26.5519", "CDA.26.5519", "sentence", None, None, "Commande"),
        ],
    ),
    "sv_purchase_en": (
        "sv",
        "form",
        "en",
        F_EN,
        [
            ("PO-2614408", "PO-2614408", "box", None, None, "Purchase order No."),
            ("P.O. 8826431", "P.O. 8826431", "right", None, None, "P.O. number:"),
            ("4500902817-R2", "4500902817", "cells", "copieur-couleur", ".pdf", "Order number"),
            ("PO 26-41175", "PO 26-41175", "title", None, None, "No."),
            ("PO2609384", "PO2609384", "under", "appli-scan", ".png", "PO No."),
            ("PO_26_05218", "PO_26_05218", "sentence", None, None, "PO"),
        ],
    ),
    "sv_multipage_travaux": (
        "sv",
        "multipage",
        "travaux",
        F_MP,
        [
            ("CDE 2605518", "CDE 2605518", "header", None, None, ""),
            ("BDC/2026/0618/VT", "BDC/2026/0618", "header", "copieur-nb", ".pdf", ""),
            ("CF_26_05522", "CF_26_05522", "header", None, None, ""),
            ("26-05873/RC", "26-05873", "header", "fax", ".tif", ""),
            ("BC-262287", "BC-262287", "header", "copieur-gris", ".tif", ""),
            ("CO.26.5591", "CO.26.5591", "header", None, None, ""),
        ],
    ),
    "fo_collectivite": (
        "fo",
        "form",
        "collectivite",
        F_COL,
        [
            ("EJ 2600512", "EJ 2600512", "box", None, None, "Engagement n°"),
            ("BC 26/1342", "BC 26/1342", "right", None, None, "Bon de commande n° :"),
            ("BDC/2026/0733/ST", "BDC/2026/0733", "cells", "copieur-gris", ".pdf", "N° du bon"),
            ("2026-000418", "2026-000418", "title", None, None, "N°"),
            ("CDA 2605121", "CDA 2605121", "under", "smartphone", ".jpg", "N° commande"),
            ("BC 2026-0871", "BC 2026-0871", "sentence", None, None, "Bon"),
        ],
    ),
    "fo_lettre_artisan": (
        "fo",
        "letter",
        "btp",
        F_LET,
        [
            ("4417", "4417", "sentence", "smartphone", ".jpg", ""),
            ("BC-261873/JD", "BC-261873", "box", None, None, ""),
            ("CDE 26.0519", "CDE 26.0519", "right", "copieur-couleur", ".jpg", ""),
            ("2026-0457", "2026-0457", "under", None, None, ""),
            ("CF 26-0923", "CF 26-0923", "title", None, None, ""),
            ("CO 702245", "CO 702245", "cells", "fax", ".tif", ""),
        ],
    ),
    "fo_transport_logistique": (
        "fo",
        "form",
        "transport",
        F_TRA,
        [
            ("CA 2608815", "CA 2608815", "right", None, None, "N° de commande :"),
            ("ZINV2611927", "ZINV2611927", "box", "copieur-nb", ".tif", "Commande"),
            ("CO-26-7724", "CO-26-7724", "under", None, None, "Réf. commande"),
            ("CDE 2608841-03", "CDE 2608841", "cells", "copieur-couleur", ".pdf", "N° de commande"),
            ("4000512376", "4000512376", "title", None, None, "N°"),
            ("CF 2618820", "CF 2618820", "sentence", None, None, "Commande"),
        ],
    ),
}

# negatives: family -> backend, kind, docs [(own number, quoted old number, sector, customer index, style, ext)]
NEGATIVES = {
    "neg_devis": (
        "sk",
        "devis",
        [
            ("D26-4127", "CF2615094", "mecanique", 0, None, None),
            ("D26-4163", "4500824417", "distrib", 0, "copieur-couleur", ".jpg"),
            ("D26-4188", "L 18273", "labo", 0, "copieur-nb", ".tif"),
        ],
    ),
    "neg_facture": (
        "fo",
        "facture",
        [
            ("FC26-10452", "CDE 27418", "negoce", 0, None, None),
            ("AV26-00318", "PO-2614408", "en", 0, "copieur-gris", ".pdf"),
            ("FC26-10517", "EJ 1300354217", "hopital", 0, None, None),
        ],
    ),
    "neg_accuse": (
        "sv",
        "accuse",
        [
            ("ARC-26-2204", "BC 26/1342", "collectivite", 1, None, None),
            ("ARC-26-2231", "4000418823", "distrib", 2, None, None),
            ("ARC-26-2257", "CA 2608815", "transport", 0, None, None),
        ],
    ),
    "neg_relance": (
        "fo",
        "relance",
        [
            ("", "CF 2611847", "mecanique", 3, None, None),
            ("", "CDE 2605518", "travaux", 0, "smartphone", ".jpg"),
            ("", "2026-05127", "mecanique", 5, "fax", ".tif"),
        ],
    ),
    "neg_demande_prix": (
        "sv",
        "demande_prix",
        [
            ("RFQ-26-0418", "", "travaux", 2, None, None),
            ("RFQ-26-0452", "", "transport", 3, None, None),
            ("RFQ-26-0467", "", "hopital", 3, "appli-scan", ".png"),
        ],
    ),
}


def form_opts(family: str, r, d0: dict, label: str, ids_top: bool, our_ids: bool) -> dict:
    o = {
        "label": label,
        "ids_top": ids_top,
        "our_ids": our_ids,
        "title": "BON DE COMMANDE",
        "fields": [],
    }
    if family == "sk_erp_mecanique":
        o["fields"] = [
            ("Code fournisseur", d0["frs"]),
            ("Demande d'achat", d0["da"]),
            ("Votre offre", d0["devis"]),
            ("Affaire", d0["affaire"]),
            ("Conditions", "45 jours fin de mois"),
            ("Délai", L.later(r)),
        ]
        o["sentence"] = (
            "Merci d'enregistrer notre commande n° {n} du {date} et de nous retourner votre AR."
        )
        o["notes"] = [
            "Livraison du lundi au jeudi, 7h30 – 15h30. Rappeler notre numéro de commande sur le BL."
        ]
    elif family == "sk_grande_distrib":
        o["title"] = r.choice(["COMMANDE D'ACHAT", "BON DE COMMANDE"])
        o["fields"] = [
            ("N° fournisseur", d0["frs"]),
            ("Groupe d'acheteurs", f"G{r.randint(10, 99)}"),
            ("Organisation d'achats", f"FR{r.randint(1, 9):02d}"),
            ("Demande d'achat", d0["da"]),
            ("Division", f"{r.randint(1000, 9999)}"),
            ("GLN livraison", d0["gln"]),
        ]
        o["sentence"] = (
            "Veuillez livrer la commande {n} à notre entrepôt, au quai indiqué ci-dessous."
        )
        o["delivery"] = f"Entrepôt central, {d0['quai']}, {r.choice(['RN 7', 'ZAC des Portes'])}"
    elif family == "sv_hopital_ehpad":
        o["public"] = True
        o["fields"] = [
            ("Code service Chorus Pro", d0["chorus"]),
            ("Marché", d0["marche"]),
            ("Unité fonctionnelle", d0["uf"]),
            ("Tiers", d0["tiers"]),
            ("FINESS", f"{r.randint(10, 95)}0{r.randint(1000000, 9999999)}"),
            ("Imputation", d0["imput"]),
        ]
        o["sentence"] = (
            "Merci de rappeler l'engagement {n} sur votre facture déposée sur Chorus Pro."
        )
        o["notes"] = [
            "Livraison au magasin central, porte 3. Les factures sont à déposer exclusivement sur Chorus Pro."
        ]
    elif family == "sv_universite_labo":
        o["public"] = True
        o["fields"] = [
            ("Unité", f"UMR {r.randint(5000, 8999)}"),
            ("Centre financier", d0["centre"]),
            ("eOTP", d0["eotp"]),
            ("Marché", d0["marche"]),
            ("Demandeur", L.L_NAME(r)),
            ("Code service Chorus", d0["chorus"]),
        ]
        o["sentence"] = (
            "Le laboratoire vous passe commande sous le n° {n}, à rappeler sur la facture."
        )
    elif family == "sv_purchase_en":
        o["en"] = True
        o["title"] = "PURCHASE ORDER"
        o["fields"] = [
            ("Vendor No.", d0["frs"]),
            ("Requisition", d0["da"]),
            ("Your quote", d0["devis"]),
            ("Incoterms", "DAP site"),
            ("Payment terms", "60 days end of month"),
            ("Cost centre", f"CC{r.randint(1000, 9999)}"),
        ]
        o["sentence"] = (
            "Please confirm receipt of purchase order {n} by return e-mail within 48 hours."
        )
        o["notes"] = ["Our PO number must appear on all delivery notes and invoices."]
    elif family == "fo_collectivite":
        o["public"] = True
        o["fields"] = [
            (
                "Service demandeur",
                r.choice(["Services techniques", "Restauration scolaire", "Archives"]),
            ),
            ("Code service Chorus", d0["chorus"]),
            ("Imputation budgétaire", d0["imput"]),
            ("Exercice", "2026"),
            ("Marché", d0["marche"]),
            ("Gestionnaire", L.L_NAME(r)),
        ]
        o["sentence"] = "Le présent bon de commande n° {n} vaut engagement de la dépense."
    elif family == "fo_transport_logistique":
        o["fields"] = [
            ("Code tiers", d0["tiers"]),
            ("Site", r.choice(["Plateforme Nord", "Dépôt frais", "Chai"])),
            ("GLN", d0["gln"]),
            ("Quai", d0["quai"].replace("Quai ", "")),
            ("Votre devis", d0["devis"]),
            ("Demande d'achat", d0["da"]),
        ]
        o["sentence"] = "Nous vous confirmons notre commande {n}, livrable en une seule fois."
    o["title_with_label"] = False
    return o


def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def pdf_text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def self_check(name: str, pdf: bytes, checks: list[str], vat: str, siret: str) -> None:
    text = collapse(pdf_text(pdf))
    for s in checks:
        assert collapse(s) in text, (name, s, text[:3000])
    for ident in (vat, siret):
        assert not ident or ident in compact(text), (name, ident)


def build_doc(family: str, idx: int, backend: str, layout: str, sector: str, F, spec) -> tuple:
    printed, label, place, _style, _ext, labtext = spec
    r = rng(family, idx)
    p = party_of(sector, idx - 1)
    ids = identifiers(rng("ids", family, idx), p)
    d0 = L.distract(r)
    d0["ids_top"] = r.random() < 0.33
    d0["our_ids"] = r.random() < 0.4
    if layout == "form":
        opt = form_opts(family, r, d0, labtext, d0["ids_top"], d0["our_ids"])
        doc, checks = L.order_form(r, p, ids, F, place, printed, opt)
    elif layout == "as400":
        doc, checks = L.as400(r, p, ids, place, printed, d0)
    elif layout == "pad":
        doc, checks = L.pad(r, p, ids, place, printed, d0)
    elif layout == "multipage":
        doc, checks = L.multipage(r, p, ids, printed, F, d0)
    elif layout == "letter":
        doc, checks = L.letter(r, p, ids, place, printed, F, d0)
    else:
        raise ValueError(layout)
    if label not in checks:
        checks.append(label)
    return doc, checks, ids, p


def build_neg(family: str, idx: int, backend: str, kind: str, spec, signed: bool) -> tuple:
    num, old, sector, ci, _style, _ext = spec
    r = rng(family, idx)
    p = party_of(sector, ci)
    ids = identifiers(rng("ids", family, idx), p)
    d0 = L.distract(r)
    d0["ids_top"] = r.random() < 0.33
    F = {
        "sk": F_OUR_SK,
        "fo": F_OUR_FO if kind == "facture" else F_LET,
        "sv": F_OUR_SV if kind == "accuse" else F_LAB,
    }[backend]
    if kind == "devis":
        return (*N.devis(r, p, ids, F, num, old, d0, signed), ids, p)
    if kind == "facture":
        d0["chorus"] = d0["chorus"] if sector == "hopital" else ""
        return (*N.facture(r, p, ids, F, num, old, d0, num.startswith("AV")), ids, p)
    if kind == "accuse":
        return (*N.accuse(r, p, ids, F, num, old, d0), ids, p)
    if kind == "relance":
        return (*N.relance(r, p, ids, F, old, d0), ids, p)
    if kind == "demande_prix":
        return (*N.demande_prix(r, p, ids, F, num, d0), ids, p)
    raise ValueError(kind)


def fax_header(family: str, idx: int, p: dict) -> str:
    r = rng("faxhdr", family, idx)
    ph = "+33 " + p["phone"][1:].replace(" ", " ")
    return f"{r.randint(1, 6):02d}/12/2026 {r.randint(8, 17):02d}:{r.randint(0, 59):02d}  {ph}  {p['name'][:26]}   P.001"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    args = ap.parse_args()
    out = Path(args.out)
    for sub in ("documents", "mails"):
        shutil.rmtree(out / sub, ignore_errors=True)
    rows = []
    docs = {}  # path -> dict(meta)
    plan = [(f, i + 1, *v[:4], s, "order") for f, v in ORDERS.items() for i, s in enumerate(v[4])]
    plan += [
        (f, i + 1, v[0], v[1], None, None, s, "neg")
        for f, v in NEGATIVES.items()
        for i, s in enumerate(v[2])
    ]
    for family, idx, backend, layout, sector, F, spec, what in plan:
        style, ext = (spec[3], spec[4]) if what == "order" else (spec[4], spec[5])
        if what == "order":
            doc, checks, ids, p = build_doc(family, idx, backend, layout, sector, F, spec)
            label = spec[1]
        else:
            doc, checks, ids, p = build_neg(
                family,
                idx,
                backend,
                layout,
                spec,
                signed=style is not None and family == "neg_devis",
            )
            label = ""
        pdf_fn, raster_fn = BACKENDS[backend]
        pdf = pdf_fn(doc)
        vat, siret = ids["vat"][1], ids["siret"][1]
        self_check(f"{family}-{idx:02d}", pdf, checks, vat, siret)
        stem = f"{family}-{idx:02d}"
        if style is None:
            rel = f"documents/{family}/{stem}.pdf"
            data, kind = pdf, "pdf-text"
        else:
            stem = f"{stem}-{style}"
            rel = f"documents/{family}/{stem}{ext}"
            pages = raster_fn(doc, DPI[style])
            sr = rng("scan", family, stem)
            imgs = degrade(style, sr, pages, fax_header(family, idx, p))
            data, kind = encode(imgs, ext, style), "scan"
            if ext == ".pdf":
                assert pdf_text(data).strip() == "", rel
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        rows.append(
            {
                "path": rel,
                "kind": kind,
                "is_order": "",
                "order_number": label,
                "vat": vat,
                "siret": siret,
            }
        )
        docs[rel] = {
            "family": family,
            "idx": idx,
            "label": label,
            "party": p,
            "kind": kind,
            "style": style,
            "printed": spec[0],
            "own_num": spec[0] if what == "neg" else "",
            "old": spec[1] if what == "neg" else "",
        }
        print(rel, kind, label or "-", vat or "-", siret or "-", flush=True)
    mail_rows = build_mails(out, docs)
    rows += mail_rows
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh,
            fieldnames=["path", "kind", "is_order", "order_number", "vat", "siret"],
            lineterminator="\n",
        )
        w.writeheader()
        w.writerows(rows)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({OWN['legal']}): never the customer.\n"
        f"{OWN['siren']}\n{OWN['siret']}\n{OWN['vat']}\n",
        encoding="utf-8",
    )
    print("seed", SEED, "documents", len(docs), "mails", len(mail_rows))


if __name__ == "__main__":
    main()
