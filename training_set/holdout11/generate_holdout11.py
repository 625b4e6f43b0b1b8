"""Generate the holdout11 exam corpus (see README.md; FROZEN once committed).

Usage: .venv/bin/python training_set/holdout11/generate_holdout11.py [--out DIR]
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

import h11_draw as D  # noqa: E402
import h11_layouts as L  # noqa: E402
import h11_mail as M  # noqa: E402
import h11_scan as S  # noqa: E402
from h11_data import CUSTOMERS, SEED, Own, fmt_siret, fmt_vat, make_siren, make_siret, typo, vat_of  # noqa: E402

PDF = "pdf"

# family: (sector, stack, font, bold, layout, title, [(printed, label, placement, wording, out)])
ORDERS = {
    "pk_sap_industrie": (
        "industrie",
        "pk",
        "arimo",
        "arimo-b",
        "form",
        "COMMANDE D'ACHAT",
        [
            ("4500917342", "4500917342", "right", "N° de commande :", PDF),
            ("4500884120-01", "4500884120", "cells", "Commande d'achat", PDF),
            ("4500901077", "4500901077", "under", "N° commande", ("copieur-gris", ".pdf")),
            ("4500873315/V2", "4500873315", "box", "BON DE COMMANDE N°", PDF),
            ("4700125583", "4700125583", "title", "N°", ("photo", ".jpg")),
            ("4500932006", "4500932006", "sentence", "", PDF),
        ],
    ),
    "pk_sage_pme": (
        "pme",
        "pk",
        "manrope",
        "manrope-b",
        "form",
        "BON DE COMMANDE",
        [
            ("CF2614418", "CF2614418", "right", "Réf. commande :", PDF),
            ("CF 2609921", "CF 2609921", "box", "N° DE COMMANDE", PDF),
            ("BC-262207/MR", "BC-262207", "cells", "Bon de commande n°", ("copieur-nb", ".tif")),
            ("BC 26/1194", "BC 26/1194", "under", "Notre commande", PDF),
            ("CDE 26.0873", "CDE 26.0873", "title", "N°", PDF),
            ("2026-04418", "2026-04418", "sentence", "", ("appli", ".png")),
        ],
    ),
    "pk_public_chorus": (
        "public",
        "pk",
        "tinos",
        "tinos-b",
        "form",
        "BON DE COMMANDE",
        [
            ("EJ 1300418862", "EJ 1300418862", "box", "ENGAGEMENT JURIDIQUE", PDF),
            ("2600087314", "2600087314", "right", "N° de bon de commande :", PDF),
            ("EJ 1300402275-02", "EJ 1300402275", "cells", "N° EJ", ("copieur-gris", ".tif")),
            ("CDA 26-03318", "CDA 26-03318", "under", "N° commande", PDF),
            ("BC 2026-0614", "BC 2026-0614", "title", "n°", ("copieur-couleur", ".pdf")),
            ("1300437790", "1300437790", "sentence", "", PDF),
        ],
    ),
    "pk_as400_negoce": (
        "negoce",
        "pk",
        "cousine",
        "cousine-b",
        "listing",
        "",
        [
            ("ZINV0041877", "ZINV0041877", "right", "NO COMMANDE", PDF),
            ("CDE 41772/PL", "CDE 41772", "under", "NO COMMANDE", PDF),
            ("000738215", "000738215", "cells", "COMMANDE NO", ("fax", ".tif")),
            ("CO 628841", "CO 628841", "box", "COMMANDE", PDF),
            ("0417733", "0417733", "title", "NO", ("copieur-nb", ".png")),
            ("ZINV0042210", "ZINV0042210", "sentence", "", PDF),
        ],
    ),
    "pk_multipage_btp": (
        "btp",
        "pk",
        "arimo",
        "arimo-b",
        "twopage",
        "",
        [
            ("BDC 26-01418", "BDC 26-01418", "header", "Bon de commande n°", PDF),
            ("BDC/2026/0877/FG", "BDC/2026/0877", "header", "Commande n°", ("fax", ".tif")),
            ("26-07714/CH", "26-07714", "header", "Notre commande", PDF),
            ("BDC26-00931", "BDC26-00931", "header", "BDC n°", ("copieur-nb", ".pdf")),
            ("BC 26/4417", "BC 26/4417", "header", "Commande fournisseur n°", PDF),
            ("BDC 0004187", "BDC 0004187", "header", "Bon de commande", ("copieur-gris", ".tif")),
        ],
    ),
    "mu_cnrs_labo": (
        "labo",
        "mu",
        "mplus1",
        "mplus1-b",
        "form",
        "BON DE COMMANDE",
        [
            ("L 18344", "L 18344", "right", "N° de commande :", PDF),
            ("L 09771 UMR 8229", "L 09771", "box", "BON DE COMMANDE", PDF),
            ("CDA 2618423", "CDA 2618423", "cells", "Commande n°", ("appli", ".pdf")),
            ("L 21007", "L 21007", "under", "N° BC", PDF),
            ("BC 26/0933/DR", "BC 26/0933", "title", "N°", ("copieur-couleur", ".jpg")),
            ("L 14620", "L 14620", "sentence", "", PDF),
        ],
    ),
    "mu_retail_enseigne": (
        "retail",
        "mu",
        "mplus2",
        "mplus2-b",
        "form",
        "COMMANDE FOURNISSEUR",
        [
            ("PO00618224", "PO00618224", "box", "N° COMMANDE", PDF),
            ("CA 0266107", "CA 0266107", "right", "Commande achat :", PDF),
            ("26BC004419", "26BC004419", "under", "N° de commande", ("copieur-nb", ".tif")),
            ("4000518830-V2", "4000518830", "cells", "Commande n°", PDF),
            ("PO_26_06117", "PO_26_06117", "title", "N°", ("photo", ".jpg")),
            ("CDE 2609114-02", "CDE 2609114", "sentence", "", PDF),
        ],
    ),
    "mu_purchase_en": (
        "en",
        "mu",
        "mplus1",
        "mplus1-b",
        "form",
        "PURCHASE ORDER",
        [
            ("PO 26-50118", "PO 26-50118", "box", "PURCHASE ORDER No.", PDF),
            ("P.O. 8841207", "P.O. 8841207", "right", "Order number:", PDF),
            ("PO-2026-004471", "PO-2026-004471", "under", "PO No.", ("copieur-couleur", ".pdf")),
            ("PO26-3318-R1", "PO26-3318", "cells", "PO Number", PDF),
            ("7702418", "7702418", "title", "No.", ("appli", ".jpg")),
            ("PO 118734", "PO 118734", "sentence", "", PDF),
        ],
    ),
    "mu_lettre_artisan": (
        "artisan",
        "mu",
        "mplus2",
        "mplus2-b",
        "letter",
        "",
        [
            ("4418", "4418", "sentence", "", PDF),
            ("CDE 2026-117", "CDE 2026-117", "title", "Commande n°", ("photo", ".jpg")),
            ("CH-8842", "CH-8842", "right", "Notre référence :", PDF),
            ("BC 1187/JP", "BC 1187", "box", "Bon de commande", ("fax", ".tif")),
            ("2026-0331", "2026-0331", "cells", "N° de commande", ("copieur-gris", ".pdf")),
            ("BDC 5512", "BDC 5512", "sentence", "", PDF),
        ],
    ),
    "mu_carnet_main": (
        "carnet",
        "mu",
        "mplus1",
        "mplus1-b",
        "pad",
        "",
        [
            ("N° 004417", "004417", "preprinted", "", ("photo", ".jpg")),
            ("N° 005133", "005133", "preprinted", "", ("fax", ".tif")),
            ("N° 002208", "002208", "preprinted", "", ("photo", ".jpg")),
            ("CDE 7741", "CDE 7741", "hand-right", "Réf. commande :", ("appli", ".png")),
            ("A-2261", "A-2261", "hand-right", "Réf. commande :", ("photo", ".jpg")),
            ("3307", "3307", "hand-sentence", "", ("copieur-couleur", ".jpg")),
        ],
    ),
}

# family: (stack, font, bold, [(target order family, index, our number or "", out)])
NEGATIVES = {
    "neg_devis": (
        "pk",
        "manrope",
        "manrope-b",
        [
            ("pk_sage_pme", 1, "DV26-01187", PDF),
            ("mu_lettre_artisan", 2, "DV26-01203", ("copieur-couleur", ".jpg")),
            ("pk_sap_industrie", 3, "DV26-01219", ("copieur-nb", ".tif")),
        ],
    ),
    "neg_facture": (
        "mu",
        "fantasque",
        "fantasque-b",
        [
            ("pk_public_chorus", 1, "FC26-04417", PDF),
            ("mu_retail_enseigne", 2, "AV26-00112", PDF),
            ("mu_cnrs_labo", 1, "FC26-04452", ("copieur-gris", ".pdf")),
        ],
    ),
    "neg_accuse": (
        "pk",
        "arimo",
        "arimo-b",
        [
            ("mu_purchase_en", 1, "ARC-26-2207", PDF),
            ("pk_as400_negoce", 1, "ARC-26-2231", PDF),
            ("pk_multipage_btp", 1, "ARC-26-2240", PDF),
        ],
    ),
    "neg_relance": (
        "mu",
        "mplus2",
        "mplus2-b",
        [
            ("pk_multipage_btp", 3, "", PDF),
            ("mu_lettre_artisan", 4, "", ("photo", ".jpg")),
            ("pk_sage_pme", 5, "", ("fax", ".tif")),
        ],
    ),
    "neg_demande_prix": (
        "pk",
        "tinos",
        "tinos-b",
        [
            ("pk_sap_industrie", 2, "RFQ-26-0871", PDF),
            ("mu_retail_enseigne", 4, "RFQ-26-0903", PDF),
            ("pk_public_chorus", 5, "RFQ-26-0915", ("appli", ".png")),
        ],
    ),
}


def party(sector: str, n: int) -> dict:
    name, street, town, legal, tel, domain = CUSTOMERS[sector][n]
    rng = random.Random(f"{SEED}:party:{sector}:{n}")
    siren = make_siren(rng)
    siret = make_siret(rng, siren)
    return dict(
        name=name,
        street=street,
        town=town,
        legal=legal,
        tel=tel,
        domain=domain,
        siren=siren,
        siret=siret,
        vat=vat_of(siren),
    )


def draw_ids(fam: str, i: int, cust: dict) -> tuple[str | None, str, str | None, str, bool]:
    rng = random.Random(f"{SEED}:ids:{fam}:{i}")
    out = []
    for key, valid, fmt in (
        ("vat", fr_tva.is_valid, fmt_vat),
        ("siret", fr_siret.is_valid, fmt_siret),
    ):
        r = rng.random()
        if r < 0.76:
            out += [fmt(rng, cust[key]), cust[key]]
        elif r < 0.88:
            out += [fmt(rng, typo(rng, cust[key], valid)), ""]
        else:
            out += [None, ""]
    return out[0], out[1], out[2], out[3], rng.random() < 0.35


def words(fam: str, d: L.Doc) -> L.FormWords:
    r = d.rng
    if fam == "pk_sap_industrie":
        return L.FormWords(
            "COMMANDE D'ACHAT",
            [
                ("Date de commande :", d.date),
                ("N° fournisseur :", f"0000{r.randint(200000, 299999)}"),
                ("Groupe d'acheteurs :", r.choice(["P12", "A07", "M03"])),
                ("Organisation d'achat :", "FR01"),
                ("Division :", str(r.choice([1400, 1410, 2100]))),
                ("Demande d'achat :", f"00{r.randint(10000000, 19999999)}"),
                ("Votre offre :", f"DV26-{r.randint(1000, 1999):05d}"),
                ("Date de livraison :", f"{r.randint(14, 22)}.12.2026"),
            ],
            "Veuillez livrer les articles ci-dessous au titre de notre commande d'achat {n}, numéro à rappeler impérativement sur le bon de livraison et la facture.",
            "",
            ["Date", "N° fournisseur", "Division"],
            [
                "Conditions générales d'achat du groupe applicables. Livraison DDP, du lundi au jeudi de 7 h à 15 h. Toute facture ne portant pas le numéro de commande sera retournée."
            ],
        )
    if fam == "pk_sage_pme":
        return L.FormWords(
            "BON DE COMMANDE",
            [
                ("Date :", d.date),
                ("Code fournisseur :", f"FVFV{r.randint(1, 9):02d}"),
                ("Votre devis :", f"DV26-{r.randint(800, 999):05d}"),
                ("Affaire :", f"AFF-{r.randint(2600, 2699)}"),
                ("Demandeur :", r.choice(["J. Roux", "C. Boyer", "M. Dumas"])),
                ("Délai :", f"semaine {r.randint(50, 52)}"),
            ],
            "Merci de bien vouloir nous livrer, suivant notre commande n° {n} du "
            + d.date
            + ", les fournitures suivantes.",
            "",
            ["Date", "Code fournisseur", "Votre devis"],
            [
                "Merci de nous retourner l'accusé de réception sous 48 h. Paiement à 45 jours fin de mois."
            ],
        )
    if fam == "pk_public_chorus":
        return L.FormWords(
            "BON DE COMMANDE",
            [
                (
                    "Service :",
                    r.choice(["Services techniques", "Service restauration", "Atelier biomédical"]),
                ),
                ("Code service Chorus Pro :", f"ST-43-{r.randint(100, 999):04d}"),
                ("N° de marché :", f"2026-MAPA-{r.randint(10, 99):03d}"),
                ("Imputation :", f"6063{r.randint(1, 8)} / 0{r.randint(10, 99)}"),
                ("Exercice :", "2026"),
                ("Tiers :", f"T00{r.randint(10000, 99999)}"),
            ],
            "Le présent bon de commande, engagement juridique n° {n}, est à rappeler sur votre facture déposée sur Chorus Pro.",
            "",
            ["Date", "Code service", "Marché"],
            [
                "Facturation exclusivement par Chorus Pro, en rappelant l'engagement juridique et le code service. Délai global de paiement : 30 jours."
            ],
        )
    if fam == "mu_cnrs_labo":
        umr = (
            d.printed.split("UMR ")[1] if "UMR" in d.printed else r.choice(["5276", "6602", "5307"])
        )
        return L.FormWords(
            "BON DE COMMANDE",
            [
                ("Date :", d.date),
                ("Unité :", f"UMR {umr}"),
                ("Centre financier :", f"DR07/{umr}"),
                ("eOTP :", f"P2R-26-{r.randint(100, 999):04d}"),
                ("N° de marché :", f"2025-CNRS-{r.randint(100, 999):04d}"),
                ("Demandeur :", r.choice(["Dr A. Martel", "Pr L. Vidal", "S. Morel (IE)"])),
            ],
            "Nous vous prions de bien vouloir livrer au laboratoire, au titre de notre commande {n}, le matériel ci-dessous ; merci de rappeler ce numéro sur la facture.",
            "",
            ["Date", "Unité", "Centre financier"],
            [
                "Facture à adresser au service financier de la délégation ou via Chorus Pro. Livraison : bâtiment de recherche, rez-de-chaussée, 9 h – 12 h."
            ],
        )
    if fam == "mu_retail_enseigne":
        return L.FormWords(
            "COMMANDE FOURNISSEUR",
            [
                ("Code fournisseur :", f"V-{r.randint(200000, 299999)}"),
                ("Magasin :", f"0{r.randint(100, 499)}"),
                ("GLN livraison :", r.choice(["3012345678908", "3020141000055", "3019876543210"])),
                ("Quai :", str(r.randint(1, 8))),
                ("RDV livraison :", f"{r.randint(14, 22)}/12/2026 06:00"),
                ("Rayon :", "Quincaillerie 12"),
            ],
            "Nous vous confirmons notre commande {n} ; merci de livrer sur rendez-vous et de rappeler ce numéro sur le BL et l'étiquette palette.",
            "",
            ["Date", "Code fournisseur", "Magasin"],
            [
                "Livraison sur palette Europe filmée, étiquette logistique GS1 obligatoire. Tout retard de plus de 48 h entraîne l'annulation sans frais."
            ],
        )
    if fam == "mu_purchase_en":
        return L.FormWords(
            "PURCHASE ORDER",
            [
                ("Vendor No.:", str(r.randint(100000, 199999))),
                ("Requisition:", f"REQ-26-{r.randint(1000, 9999)}"),
                ("Incoterms:", "DAP"),
                ("Cost centre:", f"CC-{r.randint(1000, 9999)}"),
                ("Buyer:", r.choice(["K. Lindqvist", "J. Meyer", "S. O'Neill"])),
                ("Delivery date:", f"2026-12-{r.randint(14, 22)}"),
            ],
            "Please supply the goods below under our purchase order {n} and quote this number on all delivery notes and invoices.",
            "",
            ["Date", "Vendor No.", "Requisition"],
            [
                "Our general terms and conditions of purchase apply. Invoices without a valid PO number will be returned unpaid. Payment 60 days net."
            ],
        )
    raise KeyError(fam)


def build_order(fam: str, i: int, spec, entry) -> tuple[L.Doc, list[D.Page]]:
    sector, _stack, font, bold, layout, _title, _nums = spec
    printed, label, place, wording, _out = entry
    cust = party(sector, i - 1)
    vat_p, vat_l, siret_p, siret_l, own_ids = draw_ids(fam, i, cust)
    rng = random.Random(f"{SEED}:{fam}:{i}")
    d = L.Doc(
        fam,
        i,
        rng,
        font,
        bold,
        cust,
        vat_p,
        siret_p,
        ids_head=rng.random() < 0.35,
        printed=printed,
        label=wording,
        place=place,
        own_ids=own_ids,
        date=f"{rng.randint(1, 7):02d}/12/2026",
        lang="en" if sector == "en" else "fr",
    )
    d.must = [printed, wording] if wording else [printed]
    d.labels = (label, vat_l, siret_l)  # type: ignore[attr-defined]
    if layout == "form":
        pages = L.form(d, words(fam, d))
    elif layout == "listing":
        d.ids_head = rng.random() < 0.5
        pages = L.listing(d)
    elif layout == "twopage":
        pages = L.twopage(d, wording)
    elif layout == "pad":
        pages = L.pad(d)
    else:
        ch = rng.choice(
            ["Résidence Les Tilleuls", "Maison Vérot à Tence", "Salle polyvalente de Coubon"]
        )
        arts = "; ".join(f"{q} × {des} (réf. {ref})" for ref, des, q, _ in L._articles(rng, 3))
        body = [
            f"Pour le chantier {ch}, nous vous remercions de nous faire parvenir : {arts}.",
            f"Livraison souhaitée le {rng.randint(14, 22)}/12/2026 à l'atelier ; en cas de question, joindre le {d.cust['tel']}.",
        ]
        subject = f"Commande de visserie – chantier {ch}"
        ref_line = None
        if place == "sentence":
            body.insert(
                0,
                rng.choice(
                    [
                        f"Par la présente, nous vous passons commande n° {printed} des fournitures ci-dessous, aux prix de votre dernière offre.",
                        f"Suite à notre conversation téléphonique, veuillez enregistrer notre commande {printed} pour les fournitures suivantes.",
                    ]
                ),
            )
            d.must.append(body[0])
        elif place == "title":
            subject = f"{wording} {printed} – chantier {ch}"
            d.must.append(subject)
        elif place == "right":
            ref_line = f"{wording} {printed}     Vos réf. : DV26-{rng.randint(800, 999):05d}"
        pages = L.letter(d, subject, body, ref_line)
    return d, pages


def build_negative(fam: str, i: int, spec, entry, order_docs) -> tuple[L.Doc, list[D.Page]]:
    _stack, font, bold, _items = spec
    tfam, tidx, no, out = entry
    tgt = order_docs[(tfam, tidx)]
    cust = tgt.cust
    vat_p, vat_l, siret_p, siret_l, _ = draw_ids(fam, i, cust)
    rng = random.Random(f"{SEED}:{fam}:{i}")
    old = tgt.labels[0]
    d = L.Doc(
        fam,
        i,
        rng,
        font,
        bold,
        cust,
        vat_p,
        siret_p,
        ids_head=rng.random() < 0.5,
        old=old,
        date=f"{rng.randint(7, 11):02d}/12/2026",
    )
    d.must = [old] + ([no] if no else [])
    d.labels = ("", vat_l, siret_l)  # type: ignore[attr-defined]
    signed = isinstance(out, tuple)
    if fam == "neg_devis":
        pages = L.devis(d, no, signed)
    elif fam == "neg_facture":
        pages = L.facture(d, no, no.startswith("AV"))
    elif fam == "neg_accuse":
        pages = L.accuse(d, no)
    elif fam == "neg_relance":
        pages = L.relance(d)
    else:
        pages = L.demande_prix(d, no)
    return d, pages


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(doc[k].get_textpage().get_text_range() for k in range(len(doc)))
    finally:
        doc.close()


def compact(s: str) -> str:
    return "".join(c for c in s if c.isalnum()).upper()


def self_check(path: Path, d: L.Doc) -> None:
    text = re.sub(r"\s+", " ", pdf_text(path))
    flat = compact(text)
    label, vat, siret = d.labels  # type: ignore[attr-defined]
    for s in [*d.must, d.vat_p, d.siret_p]:
        if s:
            assert re.sub(r"\s+", " ", s) in text, (path, s)
    if label:
        assert label in text or compact(label) in flat, (path, label)
    for ident in (vat, siret):
        assert not ident or ident in flat, (path, ident)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args()
    out: Path = args.out
    for sub in ("documents", "mails"):
        shutil.rmtree(out / sub, ignore_errors=True)
    tmp = out / ".build"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    rows: list[dict[str, str]] = []
    docs: dict[str, dict] = {}
    order_docs: dict[tuple[str, int], L.Doc] = {}
    jobs = []
    for fam, spec in ORDERS.items():
        for i, entry in enumerate(spec[6], 1):
            d, pages = build_order(fam, i, spec, entry)
            order_docs[(fam, i)] = d
            jobs.append((fam, i, spec[1], d, pages, entry[4]))
    for fam, spec in NEGATIVES.items():
        for i, entry in enumerate(spec[3], 1):
            d, pages = build_negative(fam, i, spec, entry, order_docs)
            jobs.append((fam, i, spec[0], d, pages, entry[3]))
    for fam, i, stack, d, pages, kind in jobs:
        folder = out / "documents" / fam
        folder.mkdir(parents=True, exist_ok=True)
        pdf = tmp / f"{fam}-{i:02d}.pdf"
        (D.write_pikepdf if stack == "pk" else D.write_mutool)(pages, pdf, f"{fam}-{i:02d}")
        self_check(pdf, d)
        if kind == PDF:
            dest = folder / f"{fam}-{i:02d}.pdf"
            shutil.copyfile(pdf, dest)
            k = "pdf-text"
        else:
            style, ext = kind
            dest = folder / f"{fam}-{i:02d}-{style}{ext}"
            srng = random.Random(f"{SEED}:scan:{fam}:{i}")
            note = srng.choice([None, None, "note", "tick"]) if not fam.startswith("neg_") else None
            marked = [S.annotate(p, srng, note) if n == 0 else p for n, p in enumerate(pages)]
            stamp = None
            if not fam.startswith("neg_") and srng.random() < 0.3:
                stamp = ["REÇU LE", f"{srng.randint(7, 9):02d} DÉC. 2026"]
            hdr = None
            if style == "fax":
                hrng = random.Random(f"{SEED}:faxhdr:{fam}:{i}")
                hdr = (
                    f"{hrng.randint(7, 9):02d}/12/2026 {hrng.randint(8, 17):02d}:{hrng.randint(0, 59):02d}  "
                    f"+33 {d.cust['tel'][1:]}  {d.cust['name'][:28]}  P.{{p}}"
                )
            imgs = S.scan_pages(marked, style, srng, stamp, hdr)
            S.save(imgs, dest, style)
            k = "scan"
        label, vat, siret = d.labels  # type: ignore[attr-defined]
        rel = dest.relative_to(out).as_posix()
        rows.append(dict(path=rel, kind=k, is_order="", order_number=label, vat=vat, siret=siret))
        docs[rel] = dict(fam=fam, i=i, doc=d, kind=k, path=dest)
    shutil.rmtree(tmp)
    rows += M.write_mails(out, docs)
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh, ["path", "kind", "is_order", "order_number", "vat", "siret"], lineterminator="\n"
        )
        w.writeheader()
        w.writerows(rows)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({Own.name}): never the customer.\n"
        f"{Own.siren}\n{Own.siret}\n{Own.vat}\n",
        encoding="utf-8",
    )
    n_scan = sum(r["kind"] == "scan" for r in rows)
    n_text = sum(r["kind"] == "pdf-text" for r in rows)
    print(f"{n_text} text PDFs, {n_scan} scans, {len(rows) - n_text - n_scan} mails")


if __name__ == "__main__":
    main()
