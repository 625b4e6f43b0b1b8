"""Generate the holdout13 corpus: TCPDF text PDFs and PHP-GD-rastered scans of one page model.

Usage: .venv/bin/python training_set/holdout13/generate_holdout13.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import h13_layouts as L  # noqa: E402
import h13_mail  # noqa: E402
from h13_data import OUR, customer, digest, print_siret, print_vat, rng, typo  # noqa: E402
from h13_plan import FAMILIES, NEGATIVES  # noqa: E402
from h13_render import run_batch, tmpdir  # noqa: E402
from h13_scan import DPI, degrade, encode  # noqa: E402

EPOCH = 1796716800  # 2026-12-08 00:00 UTC

VAT_LABELS = ["N° TVA intracom. :", "TVA intracommunautaire :", "N° TVA :", "Id. TVA :", "TVA :", "VAT No.:"]
SIRET_LABELS = ["SIRET :", "Siret", "N° SIRET :", "SIRET", "Siret :"]
NOTES = ["urgent !", "à saisir", "vu le 08/12", "OK pour moi", "saisi", "à livrer vite"]


def draw_ids(fam: str, idx: int, party, intl: bool = False):
    r = rng("ids", fam, idx)
    out = {}
    for kind in ("vat", "siret"):
        state = r.choices(["ok", "typo", "none"], weights=[76, 12, 12])[0]
        true = party.vat if kind == "vat" else party.siret
        valid = fr_tva.is_valid if kind == "vat" else fr_siret.is_valid
        if state == "none":
            out[kind] = (None, "")
            continue
        val = true if state == "ok" else typo(r, true, valid)
        printed = print_vat(r, val) if kind == "vat" else print_siret(r, val)
        out[kind] = (printed, true if state == "ok" else "")
    vl = r.choice(VAT_LABELS if not intl else ["VAT No.:", "USt-IdNr.:", "N° TVA :"])
    sl = r.choice(SIRET_LABELS)
    return out, vl, sl, r.choice(["head", "foot", "foot"])


def base_doc(fam, idx, sector, font, bold, cust_n=None, intl=False):
    party = customer(sector, idx - 1 if cust_n is None else cust_n)
    ids, vl, sl, where = draw_ids(fam, idx, party, intl)
    r = rng(fam, idx)
    day = r.randint(1, 7)
    d = L.Doc(
        fam=fam, idx=idx, r=r, party=party, font=font, bold=bold, ids_where=where,
        vat_p=ids["vat"][0], vat=ids["vat"][1], siret_p=ids["siret"][0], siret=ids["siret"][1],
        vat_label=vl, siret_label=sl, our_ids=r.random() < 0.35, day=day,
        date_num=f"{day:02d}/12/2026", date_dot=f"{day:02d}.12.2026",
        date_long=f"{day} décembre 2026", date_livr=f"{day + r.randint(7, 20):02d}/12/2026",
        quote_ref=f"DV26-{r.randint(1000, 4999):05d}", supp_code=f"{r.randint(10000, 99999)}",
    )
    return d


# ------------------------------------------------------------------------------ family wordings


def vocab_form(d, fam, printed, pl, lab):
    r = d.r
    c = d.party
    d.num_printed, d.placement, d.label = printed, pl, lab
    buyer = r.choice(["M. Lefèvre", "Mme Girard", "S. Marchand", "Mme Bertin", "J.-P. Roussel", "C. Nguyen"])
    if fam == "tc_sap_chimie":
        d.title = "COMMANDE D'ACHAT"
        d.title_with_number = f"{lab} {printed}"
        d.info = [("Date :", d.date_dot), ("Fournisseur n° :", f"00002{r.randint(10000, 99999)}"),
                  ("Groupe acheteurs :", f"G{r.randint(10, 99)}"), ("Org. achats :", f"FR{r.randint(10, 40)}"),
                  ("Division :", f"{r.randint(1000, 1999)}"), ("Demande d'achat :", f"00{r.randint(10000000, 19999999)}")]
        d.under_heads = ["Date de commande", "Votre offre", "Acheteur", "Conditions"]
        d.under_vals = [d.date_dot, d.quote_ref, buyer, "60 j fin de mois"]
        d.sentence = f"Merci de livrer selon notre commande {printed} du {d.date_dot}, en rappelant ce numéro sur le BL."
        d.conditions = ["Livraison franco site, quai 3, du lundi au vendredi 7h-15h. Certificat de conformité 3.1 exigé.",
                        "Toute facture sans numéro de commande SAP sera retournée."]
    elif fam == "tc_dolibarr_pme":
        d.title = "COMMANDE FOURNISSEUR"
        d.title_with_number = f"{lab} {printed}"
        d.info = [("Date commande :", d.date_num), ("Date livraison :", d.date_livr), ("Réf. fournisseur :", d.quote_ref),
                  ("Code client :", f"CU2{r.randint(100, 999)}-{r.randint(1000, 9999)}"), ("Projet :", f"PJ26{r.randint(10, 12)}-{r.randint(100, 999):04d}"),
                  ("Contact :", buyer)]
        d.under_heads = ["Date", "Mode de règlement", "Conditions", "Suivi par"]
        d.under_vals = [d.date_num, "Virement", "30 jours", buyer]
        d.sentence = f"Merci de bien vouloir nous confirmer notre commande n° {printed} par retour de mail."
        d.conditions = ["Conditions générales d'achat consultables sur demande."]
    elif fam == "tc_public_ej":
        d.title = "BON DE COMMANDE"
        d.title_with_number = f"{lab} {printed}"
        d.info = [("Service demandeur :", r.choice(["Services techniques", "Biomédical", "Magasin central", "Atelier"])),
                  ("Code service Chorus :", f"ST-{r.randint(10, 99)}-{r.randint(1000, 9999)}"),
                  ("Marché :", f"2026-MAPA-{r.randint(10, 99):03d}"), ("Imputation :", f"60632 / {r.randint(100, 999)}"),
                  ("Exercice :", "2026"), ("N° tiers :", f"{r.randint(100000, 999999)}")]
        d.under_heads = ["Date", "Service", "Code service"]
        d.under_vals = [d.date_num, "Magasin", f"ST-{r.randint(10, 99)}"]
        d.sentence = f"Le présent bon de commande n° {printed} vaut engagement juridique au sens du décret n° 2012-1246."
        d.conditions = ["Factures à déposer sur Chorus Pro avec le numéro d'engagement et le code service.",
                        "L'ordonnateur"]
    elif fam == "tc_cnrs_labo":
        d.title = "BON DE COMMANDE"
        d.title_with_number = f"{lab} {printed}"
        umr = "UMR 7590" if "UMR" in printed else f"UMR {r.randint(6000, 9999)}"
        d.info = [("Unité :", umr), ("Centre financier :", f"{r.randint(100, 999)}R{r.randint(100, 999)}"),
                  ("eOTP :", f"{r.randint(10, 99)}GA{r.randint(1000, 9999)}"), ("Marché :", f"2025-CNRS-{r.randint(100, 999):04d}"),
                  ("Demandeur :", buyer), ("Date :", d.date_num)]
        d.under_heads = ["Date", "Unité", "Gestionnaire"]
        d.under_vals = [d.date_num, umr, buyer]
        d.sentence = f"Merci de porter la référence de commande {printed} sur toutes vos factures (Chorus Pro)."
        d.conditions = ["Livraison au magasin du laboratoire, bâtiment B, 9h-12h."]
    elif fam == "tc_po_intl":
        de = d.idx in (3,)
        d.title = "BESTELLUNG / COMMANDE" if de else "PURCHASE ORDER"
        d.title_with_number = f"{lab} {printed}"
        d.info = [("Date:", d.date_dot), ("Vendor no.:" if not de else "Lieferantennr.:", f"7{r.randint(10000, 99999)}"),
                  ("Cost centre:" if not de else "Kostenstelle:", f"CC-{r.randint(1000, 9999)}"), ("Incoterms:", "DAP Illkirch"),
                  ("Buyer:" if not de else "Einkäufer:", buyer), ("Your quote:" if not de else "Ihr Angebot:", d.quote_ref)]
        d.under_heads = ["Date", "Payment terms", "Currency"]
        d.under_vals = [d.date_dot, "45 days EOM", "EUR"]
        d.sentence = f"Please deliver against our order no. {printed} and quote it on every delivery note and invoice."
        d.conditions = ["Our general terms of purchase apply. Merci de confirmer la date de livraison."]
    elif fam == "tc_agro_coop":
        d.title = "BON DE COMMANDE"
        d.title_with_number = f"{lab} {printed}"
        d.info = [("Date :", d.date_num), ("Site :", r.choice(["Usine de Segré", "Silo de Candé", "Atelier maintenance"])),
                  ("N° fournisseur :", f"F{r.randint(1000, 9999)}"), ("Demandeur :", buyer),
                  ("Votre devis :", d.quote_ref), ("Adhérent :", f"{r.randint(10000, 99999)}")]
        d.under_heads = ["Date", "Livraison souhaitée", "Règlement"]
        d.under_vals = [d.date_num, d.date_livr, "LCR 45 j"]
        d.sentence = f"Fournitures à livrer selon notre bon de commande n°{printed} avant le {d.date_livr}."
        d.conditions = ["Port payé. Bon de livraison chiffré à joindre au colis."]
    d.delivery = f"Livraison : {c.name}, {c.street}, {c.town} – le {d.date_livr} au plus tard."
    d.signer = buyer


def build(entry_fam, layout, sector, font, bold, idx, item):
    printed, label, pl, lab, style, fmt = item
    fam = entry_fam
    intl = fam == "tc_po_intl"
    cust_n = {"tc_lettre_artisan": idx - 1, "tc_carnet_main": idx + 2, "tc_devis_cde": idx + 2}.get(fam)
    d = base_doc(fam, idx, sector, font, bold, cust_n, intl)
    r = d.r
    d.num_label = label
    if layout not in ("form", "multipage"):
        d.our_ids = False  # only the supplier box of forms prints our SIRET/VAT
    must = [printed, label]
    if layout == "form":
        vocab_form(d, fam, printed, pl, lab)
        pages = L.form(d)
        must.append(lab if pl != "sentence" else d.sentence)
    elif layout == "edi":
        d.num_printed, d.placement, d.label = printed, pl, lab
        d.title_with_number = f"{lab}  {printed}"
        d.gln_buyer = "30" + "".join(str(r.randint(0, 9)) for _ in range(11))
        d.gln_supp = "37" + "".join(str(r.randint(0, 9)) for _ in range(11))
        d.interchange = f"{r.randint(10000000, 99999999)}"
        d.quai, d.store, d.rdv = f"Q{r.randint(1, 24)}", f"M{r.randint(100, 999)}", f"{d.date_livr} {r.randint(6, 14)}H00"
        d.cond_edi = "PAIEMENT 60 J FDM - FRANCO 500 EUR"
        pages = L.edi(d)
        must.append(lab)
    elif layout == "multipage":
        d.num_printed = printed
        d.running = f"{lab} {printed}"
        d.info = [("Chantier :", r.choice(["Résidence Les Tilleuls", "EHPAD du Parc", "Collège J. Verne", "Station d'épuration"])),
                  ("Affaire :", f"AFF-26{r.randint(10, 99)}-{r.randint(10, 99)}"), ("Date :", d.date_num),
                  ("Votre devis :", d.quote_ref), ("Conducteur de travaux :", "M. Pineau")]
        d.conditions = ["Livraison sur chantier, prévenir 24 h avant au 06 12 44 78 31.", "Facture en double exemplaire."]
        d.signer = "Le responsable achats"
        pages = L.multipage(d)
        must.append(d.running)
    elif layout == "letter":
        d.num_printed, d.placement, d.label = printed, pl, lab
        d.objet = "Objet : Commande de fournitures"
        body = ["Suite à votre offre du mois dernier, je vous remercie de nous faire parvenir les articles",
                "suivants, au prix convenu avec votre commercial :"]
        if idx == 1:
            body = [f"Comme convenu par téléphone, je vous passe commande, sous notre n° {printed}, de :"]
        elif idx == 2:
            d.objet = f"{lab} {printed}"
        elif idx == 4:
            body.append(f"Merci de reporter notre bon de commande {printed} sur vos factures.")
        elif idx == 5:
            body = [f"{lab} {printed} à livrer à la ferme, cour de la grange, à partir de 8 h :"]
        d.body = body
        d.cells = [("Lieu de livraison", d.party.town), (lab, printed), ("Délai", d.date_livr)]
        d.closing = ["Dans l'attente de la livraison, veuillez agréer, Madame, Monsieur,",
                     "nos salutations distinguées."]
        d.signer = r.choice(["Jean-Marc Bodin", "Sylvie Moreau", "P. Rousseau", "Le gérant"])
        pages = L.letter(d)
        must.append(lab)
    elif layout == "pad":
        d.placement = pl
        d.num_printed = printed
        d.sheet_no = printed if pl == "sheet" else f"00{r.randint(1000, 9999)}"
        d.ink = r.choice([L.BLUE_INK, (25, 25, 30)])
        d.hand = r.choice(["eco", "dkg"])
        d.hand_supplier = "JTA Anjou - Cholet"
        d.hand_date = f"{d.day}/12/26"
        d.hand_livr = r.choice(["mardi matin", "dès que possible", "semaine 51", "au dépôt"])
        d.sentence = f"{lab} {printed} svp, merci !"
        pages = L.pad(d)
    elif layout == "devis_cde":
        d.kind_doc = "devis"
        d.cust_code = f"C{r.randint(40000, 49999)}"
        d.doc_title = f"DEVIS N° {d.quote_ref}"
        d.info = [("Date :", d.date_num), ("Validité :", "30 jours"), ("Votre contact :", "Nicolas Brémond")]
        d.intro = ["Madame, Monsieur, suite à votre demande, nous avons le plaisir de vous remettre notre offre :"]
        d.outro = ["Délai : 8 jours ouvrés après réception de commande. Port : franco à partir de 400 € HT."]
        pages = L.our_doc(d)
        p = pages[0]
        y = d.accord_y
        hf = r.choice(["dkg", "eco"])
        p.hand(128, y + 11.6, f"{d.day + 2}/12/2026", 13, hf, L.BLUE_INK)
        p.hand(150, y + 18.8, printed, 14, hf, L.BLUE_INK)
        L.signature(p, r, 150, y + 29, L.BLUE_INK, 30)
        p.t(118, y + 31.5, d.party.name[:30], 7.5, "gomb", (40, 40, 160), angle=2)
    return d, pages, must


def neg_build(fam, kind, font, bold, idx, src):
    """src: a planned order (its doc) whose number the negative quotes."""
    od = src
    party = od.party
    ids, vl, sl, where = draw_ids(fam, idx, party)
    r = rng(fam, idx)
    day = r.randint(8, 12)
    d = L.Doc(fam=fam, idx=idx, r=r, party=party, font=font, bold=bold, ids_where=where,
              vat_p=ids["vat"][0], vat=ids["vat"][1], siret_p=ids["siret"][0], siret=ids["siret"][1],
              vat_label=vl.replace(":", "client :") if kind in ("devis", "facture", "bl", "accuse") else vl,
              siret_label="SIRET client :" if kind in ("devis", "facture", "bl", "accuse") else sl,
              our_ids=False, day=day, date_num=f"{day:02d}/12/2026", date_long=f"{day} décembre 2026")
    old = od.num_printed
    d.old = old
    own = {"devis": f"DV26-{r.randint(5000, 9999):05d}", "facture": f"FC26-{r.randint(10000, 19999)}",
           "bl": f"BL26-{r.randint(20000, 29999)}", "accuse": f"ARC-26-{r.randint(1000, 9999)}",
           "relance": "", "rfq": f"RFQ-26-{r.randint(100, 999)}"}[kind]
    if kind == "facture" and idx == 2:
        own = f"AV26-{r.randint(100, 999):04d}"
    d.own = own
    d.kind_doc = kind
    d.cust_code = f"C{r.randint(40000, 49999)}"
    must = [old] + ([own] if own else [])
    if kind in ("devis", "facture", "bl", "accuse"):
        title = {"devis": "DEVIS N°", "facture": "FACTURE N°", "bl": "BON DE LIVRAISON N°", "accuse": "ACCUSÉ DE RÉCEPTION DE COMMANDE"}[kind]
        if own.startswith("AV"):
            title = "AVOIR N°"
        d.doc_title = f"{title} {own}" if kind != "accuse" else title
        d.info = [("Date :", d.date_num)]
        if kind == "devis":
            d.info += [("Validité :", "30 jours"), ("Votre contact :", "Nicolas Brémond")]
            d.intro = [f"Suite à votre demande, et en renouvellement de votre commande n° {old},",
                       "nous avons le plaisir de vous remettre notre meilleure offre :"]
            d.outro = ["Délai : 8 jours ouvrés. Offre valable 30 jours."]
        elif kind == "facture":
            d.info += [("Votre commande :", old), ("BL :", f"BL26-{r.randint(20000, 29999)}"), ("Échéance :", "31/01/2027")]
            d.intro = ["Avoir sur facture – retour de marchandise." if own.startswith("AV") else "Facture relative à la livraison ci-dessous."]
            d.outro = [f"Règlement par virement : IBAN {OUR.iban} – BIC {OUR.bic}",
                       "Pénalités de retard : 3 fois le taux d'intérêt légal ; indemnité forfaitaire 40 €."]
        elif kind == "bl":
            d.info += [("Votre commande n° :", old), ("Transport :", "Messagerie")]
            d.intro = ["Marchandises livrées selon votre commande rappelée ci-dessus."]
            d.outro = ["Toute réserve doit être portée sur le récépissé du transporteur."]
        else:
            d.info += [("Notre réf. :", own), ("Date de livraison prévue :", f"{day + 8}/12/2026")]
            d.intro = [f"Nous accusons réception de votre commande n° {old} et vous en remercions.",
                       "Elle sera traitée selon les conditions ci-dessous :"]
            d.outro = ["Merci de nous signaler toute divergence sous 48 h."]
        pages = L.our_doc(d)
        must.append(d.intro[0] if kind in ("accuse", "devis") else old)
    else:
        if kind == "relance":
            d.objet = f"Objet : Relance – notre commande n° {old}"
            d.body = [f"Notre commande n° {old} du début du mois ne nous est toujours pas parvenue.",
                      "Où en est notre commande ? Merci de nous indiquer une date de livraison ferme."]
        else:
            d.objet = f"Objet : Demande de prix n° {own}"
            d.body = ["Nous vous remercions de nous faire parvenir votre meilleure offre pour les articles suivants.",
                      f"Ceci n'est pas une commande. Pour mémoire, notre dernière commande n° {old}."]
        d.closing = ["Avec nos remerciements, veuillez agréer nos salutations distinguées."]
        d.signer = r.choice(["Service achats", "Mme Girard, acheteuse", "Le responsable maintenance"])
        pages = L.cust_letter(d)
        must.append(d.objet)
    return d, pages, must


# ------------------------------------------------------------------------------------ main


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    out = Path(ap.parse_args().out)
    for sub in ("documents", "mails"):
        shutil.rmtree(out / sub, ignore_errors=True)
    work = tmpdir()
    docs = []  # dicts: path, kind, doc, pages, must, style, fmt
    orders_by_fam = {}
    for fam, layout, sector, font, bold, items in FAMILIES:
        for i, item in enumerate(items, 1):
            d, pages, must = build(fam, layout, sector, font, bold, i, item)
            style, fmt = item[4], item[5]
            docs.append({"fam": fam, "idx": i, "doc": d, "pages": pages, "must": must, "style": style, "fmt": fmt, "label": item[1]})
            orders_by_fam.setdefault(fam, []).append(d)
    # negatives quote orders of the families that fit them
    src_fams = {"neg_devis": "tc_dolibarr_pme", "neg_facture": "tc_sap_chimie", "neg_bl": "tc_agro_coop",
                "neg_accuse": "tc_public_ej", "neg_relance": "tc_cnrs_labo", "neg_demande_prix": "tc_btp_multipage"}
    for fam, kind, font, bold, items in NEGATIVES:
        for i, (style, fmt) in enumerate(items, 1):
            src = orders_by_fam[src_fams[fam]][i]
            d, pages, must = neg_build(fam, kind, font, bold, i, src)
            if style and kind == "devis":  # the customer signed our quote, order-number line empty
                p = pages[0]
                y = d.accord_y
                p.hand(128, y + 11.6, f"{d.day + 1}/12/2026", 13, "dkg", L.BLUE_INK)
                L.signature(p, d.r, 150, y + 29, L.BLUE_INK, 30)
                p.t(118, y + 31.5, d.party.name[:30], 7.5, "gomb", (40, 40, 160), angle=2)
            if style and kind == "bl":
                p = pages[0]
                p.hand(118, 150, f"{d.day + 1}/12 reçu 3 colis", 13, "eco", L.BLUE_INK)
            docs.append({"fam": fam, "idx": i, "doc": d, "pages": pages, "must": must, "style": style, "fmt": fmt, "label": ""})
    # paper marks on order scans, file names, render jobs
    jobs = []
    for e in docs:
        d = e["doc"]
        fam, i = e["fam"], e["idx"]
        base = f"{fam}-{i:02d}"
        if e["style"]:
            name = f"{base}-{e['style']}.{e['fmt']}"
            mr = rng("marks", fam, i)
            if not fam.startswith("neg_") and fam not in ("tc_devis_cde",):
                if mr.random() < 0.45:
                    L.note(e["pages"][0], mr, mr.choice(NOTES))
                if e["style"] != "photo" and mr.random() < 0.3 and e["pages"][0].w > 200:
                    col = (0, 0, 0) if e["style"] in ("fax", "copieur-nb") else (30, 60, 170)
                    L.stamp(e["pages"][0], mr, mr.randint(2, 8), col)
            e["kind"] = "scan"
            dpi = DPI[e["style"]]
            jobs.append({"kind": "png", "out": str(work / base), "dpi": dpi, "pages": [p.model() for p in e["pages"]]})
        else:
            name = f"{base}.pdf"
            e["kind"] = "pdf-text"
            creator = {"tc_dolibarr_pme": "Dolibarr 18.0.4", "tc_sap_chimie": "SAP NetWeaver"}.get(fam, "TCPDF")
            jobs.append({"kind": "pdf", "out": str(work / f"{base}.pdf"), "pages": [p.model() for p in e["pages"]],
                         "file_id": digest("fileid", fam, i), "time": EPOCH + 3600 * i, "creator": creator,
                         "author": d.party.name if hasattr(d, "party") else "", "title": base})
        e["path"] = f"documents/{fam}/{name}"
    run_batch(jobs, work)
    rows = []
    for e in docs:
        d = e["doc"]
        fam, i = e["fam"], e["idx"]
        base = f"{fam}-{i:02d}"
        target = out / e["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        if e["kind"] == "pdf-text":
            shutil.copyfile(work / f"{base}.pdf", target)
            text = re.sub(r"\s+", " ", pdf_text(target))
        else:
            rasters = [np.array(Image.open(work / f"{base}-p{k}.png").convert("RGB")) for k in range(1, len(e["pages"]) + 1)]
            sr = rng("scan", fam, i)
            hdr = f"{d.day + 1:02d}/12/2026 {sr.randint(7, 18):02d}:{sr.randint(0, 59):02d}  +33 {d.party.phone[1:]}  {d.party.name[:24]}"
            imgs = degrade(rasters, e["style"], sr, hdr)
            target.write_bytes(encode(imgs, e["fmt"], e["style"], DPI[e["style"]]))
            text = re.sub(r"\s+", " ", " ".join(t for p in e["pages"] for t in p.text))
        # self-check
        for s in e["must"]:
            assert re.sub(r"\s+", " ", s) in text, (e["path"], s)
        for printed in (d.vat_p, d.siret_p):
            if printed:
                assert printed in text, (e["path"], printed)
        flat = compact(text)
        for ident in (d.vat, d.siret):
            assert not ident or ident in flat, (e["path"], ident)
        if e["kind"] == "pdf-text" and d.our_ids:
            assert OUR.siret in flat and OUR.vat in flat
        if e["kind"] == "scan" and target.suffix == ".pdf":
            assert pdf_text(target).strip() == "", e["path"]
        rows.append([e["path"], e["kind"], "", e["label"], d.vat, d.siret])
    mail_rows = h13_mail.write_mails(out, docs)
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        w.writerows(rows + mail_rows)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({OUR.name}): never the customer.\n{OUR.siren}\n{OUR.siret}\n{OUR.vat}\n",
        encoding="utf-8",
    )
    shutil.rmtree(work, ignore_errors=True)
    n_scan = sum(e["kind"] == "scan" for e in docs)
    print(f"{len(docs)} documents ({n_scan} scans), {len(mail_rows)} mails")


if __name__ == "__main__":
    main()
