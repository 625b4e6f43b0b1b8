"""Generate the holdout7 exam corpus (documents, mails, labels.csv, own_identifiers.txt).

    .venv/bin/python training_set/holdout7/generate_holdout7.py [--out DIR] [--no-mails]

Imports nothing from the repository. See README.md (the corpus is FROZEN: do not regenerate
it in place).
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import h7_canvas  # noqa: E402
import h7_layouts as lay  # noqa: E402
import h7_tex  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from h7_canvas import Canvas  # noqa: E402
from h7_data import (  # noqa: E402
    OWN,
    SEED,
    date_fr,
    fill,
    ident_states,
    items,
    make_party,
    rng,
)
from h7_plan import NEG_FAMILIES, ORDER_FAMILIES  # noqa: E402
from h7_scan import DPI, GREY, gs_raster, make_scan  # noqa: E402

SENTENCES_FR = [
    ("Nous vous prions de bien vouloir enregistrer notre commande n°", ", à livrer à l'adresse ci-dessous aux conditions de votre offre."),
    ("Par la présente, nous vous passons commande sous la référence", " et vous remercions de nous retourner votre accusé de réception."),
    ("Le présent bon de commande n°", " vaut engagement de la dépense ; il doit être rappelé sur la facture."),
    ("Merci de rappeler impérativement notre commande", " sur vos bons de livraison et factures."),
    ("Suite à votre offre, veuillez noter notre commande", " pour les articles suivants."),
    ("Veuillez trouver ci-dessous le détail de notre commande n°", ", livrable sous quinzaine."),
]
SENTENCES_EN = [
    ("Please supply the goods listed below against our purchase order", " and quote it on every delivery note and invoice."),
    ("This order", " is subject to our general purchasing conditions; please acknowledge within 48 hours."),
]
TITLES = {
    "xe_sap_chimie": ["COMMANDE D'ACHAT", "Bon de commande", "COMMANDE FOURNISSEUR", "PURCHASE ORDER", "Bon de commande N°", "Commande d'achat"],
    "xe_chorus_public": ["BON DE COMMANDE", "BON DE COMMANDE", "Bon de commande administratif", "BON DE COMMANDE", "Commande publique", "BON DE COMMANDE N°"],
    "xe_cnrs_labo": ["BON DE COMMANDE", "BON DE COMMANDE", "Commande", "Bon de commande", "BON DE COMMANDE N°", "COMMANDE"],
    "xe_multicol_distrib": ["Commande fournisseur", "BON DE COMMANDE", "Commande", "Ordre d'achat", "BON DE COMMANDE", "COMMANDE N°"],
    "xe_multipage": ["BON DE COMMANDE", "COMMANDE FOURNISSEUR", "BON DE COMMANDE", "COMMANDE", "ORDER / COMMANDE", "COMMANDE D'ACHAT"],
    "ps_erp_mono": ["COMMANDE FOURNISSEUR", "BON DE COMMANDE", "COMMANDE ACHAT", "COMMANDE N°", "BON DE COMMANDE", "COMMANDE FOURNISSEUR"],
    "ps_negoce_lettre": ["Commande", "Bon de commande", "Commande", "Commande de matériel", "Bon de commande n°", "Commande"],
    "ps_btp_chantier": ["BON DE COMMANDE TRAVAUX", "COMMANDE DE FOURNITURES", "BON DE COMMANDE", "COMMANDE CHANTIER", "COMMANDE N°", "BON DE COMMANDE"],
    "mpl_landscape_en": ["PURCHASE ORDER"] * 6,
    "mpl_form_main": ["BON DE COMMANDE"] * 6,
    "mpl_coop_agri": ["BON DE COMMANDE", "Commande d'approvisionnement", "BON DE COMMANDE", "Commande", "COMMANDE N°", "Bon de commande"],
}
CONDITIONS = ("Nos conditions générales d'achat s'appliquent à la présente commande, à l'exclusion de toute "
              "autre condition. Toute livraison doit être accompagnée d'un bon de livraison rappelant nos "
              "références. Règlement à 45 jours fin de mois par virement. Pénalités de retard : 1 % par semaine "
              "de retard, plafonnées à 10 %. Les factures sont à adresser en un exemplaire au service comptabilité.")
CONDITIONS_PUBLIC = ("Facture à déposer exclusivement sur Chorus Pro en rappelant le numéro d'engagement, le code "
                     "service et le SIRET de l'entité. Paiement par mandat administratif dans un délai global de 30 "
                     "jours (décret n° 2013-269). Aucune facture papier ne sera acceptée.")
CONDITIONS_EN = ("Our general terms and conditions of purchase apply. Deliveries Monday to Friday 7:00-15:00 only. "
                 "Invoices quoting the PO number to accounts.payable. Payment 60 days end of month.")
LABS = ["Laboratoire de Chimie des Matériaux", "Institut des Sciences Analytiques", "Laboratoire Hubert Curien",
        "Laboratoire de Physique des Plasmas", "Centre de Recherche en Biologie", "Institut Lumière Matière"]


def our_quote(r) -> str:
    return fill(r, r.choice(["OF-26-DDDD", "Q26NDDDD", "CVF-DEV-NDDDD"]))


def delivery(r, p) -> list[str]:
    return [p.name, r.choice(["Magasin général – quai n° 3", "Réception marchandises", "Bâtiment B – porte 4",
                              "Atelier maintenance", "Service technique"]),
            p.street, p.city, r.choice(["Horaires : 7h30-11h30 / 13h30-16h", "Livraison du lundi au jeudi",
                                        f"Contact : {p.contact} – {p.tel}"])]


def base_doc(fam: str, idx: int, spec, cfg: dict) -> dict:
    _tpl, _suffix, placement, label, scan = spec
    rn = rng(fam, "numbers")
    nums = [fill(rn, s[0]) for s in cfg["specs"]]
    sufs = [fill(rn, s[1]) for s in cfg["specs"]]
    r = rng(fam, idx)
    p = make_party(r, cfg["sector"], idx - 1)
    en = cfg.get("lang") == "en"
    d = {
        "family": fam, "idx": idx, "party": p, "ids": ident_states(r, p),
        "number": nums[idx - 1], "printed": nums[idx - 1] + sufs[idx - 1], "placement": placement,
        "num_label": label or ("Order No." if en else "Commande n°"), "scan": scan,
        "lang": cfg.get("lang", "fr"), "style": cfg["style"],
        "date": date_fr(r) if not en else f"{r.randint(1, 28):02d}.{r.randint(1, 11):02d}.2026",
        "delivery_date": date_fr(r, 12), "our_quote": our_quote(r), "delivery": delivery(r, p),
        "ids_pos": "header" if r.random() < 0.35 else "footer",
        "title": TITLES[fam][idx - 1], "num_row": r.choice([0, 0, 1, 2]),
        "seed_render": f"{SEED}:{fam}:{idx}:render",
        "time": f"{r.randint(7, 18):02d}:{r.randint(0, 59):02d}",
    }
    n_items = r.randint(34, 40) if fam == "xe_multipage" else r.randint(3, 7)
    d["items"], d["total"] = items(r, n_items, en)
    sent = r.choice(SENTENCES_EN if en else SENTENCES_FR)
    d["sentence"] = sent
    d["conditions"] = CONDITIONS_EN if en else CONDITIONS
    d["signature"] = (f"{p.contact} – Buyer" if en else f"{p.contact}, {r.choice(['Acheteur', 'Responsable achats', 'Gérant'])}")
    d["supplier_code"] = fill(r, r.choice(["0000NDDDDD", "F-NDDDD", "FOU-NDDDD", "V-NDDDDD"]))
    cust = fill(r, r.choice(["CLI-NDDDD", "C26NDDD", "411NDDDD"]))
    gln = "30" + fill(r, "NDDDDDDDDDD")
    quote = d["our_quote"]
    sector = cfg["sector"]
    if sector == "chimie":
        d["refs"] = [("Date de commande", d["date"]), ("Code fournisseur", d["supplier_code"]),
                     ("Groupe d'acheteurs", f"P{r.randint(10, 39)} – {p.contact}"),
                     ("Demande d'achat", fill(r, "0010NDDDDD")), ("Votre offre", quote),
                     ("Organisation d'achat", "FR" + fill(r, "NN"))]
        d["pos_fmt"] = "{:03d}0".replace("{:03d}", "{:04d}")
        d["intro"] = "Veuillez livrer les articles ci-dessous aux prix et conditions convenus."
    elif sector == "public":
        umr = ""
        d["refs"] = [("Date", d["date"]), ("Service demandeur", r.choice(["Services techniques", "Direction des bâtiments", "Régie eau potable"])),
                     ("Marché", fill(r, "MAPA n° 2025-M-0DD")), ("Votre devis", quote)]
        siret_txt = d["ids"]["siret_print"] or "voir Chorus Pro"
        d["chorus"] = [("Code service", fill(r, "ST-NDD")), ("SIRET de facturation", (h7_tex.mk("siret", siret_txt) if d["ids"]["siret_print"] else siret_txt,)),
                       ("Imputation budgétaire", fill(r, "2026-011-60DD-NN")), ("N° de tiers", fill(r, "T00NDDDD"))]
        d["conditions"] = CONDITIONS_PUBLIC
        d["subname"] = r.choice(["Direction de la commande publique", "Service des achats", "Pôle finances"])
        _ = umr
    elif sector == "cnrs":
        umr = d["printed"][len(d["number"]):].strip() or fill(r, "UMR 5DDD")
        d["refs"] = [("Date", d["date"]), ("Unité", f"{umr} – {r.choice(LABS)}"),
                     ("Centre financier", umr.replace(" ", "") + "-DR" + fill(r, "0N")),
                     ("eOTP", umr.replace(" ", "") + "-ANR-" + fill(r, "2N")),
                     ("Marché", fill(r, "Marché national n° 2024-NDD")),
                     ("Demande d'achat", fill(r, "DA-26-NDDDD")), ("Votre devis", quote)]
        d["subname"] = r.choice(["Service partenariat et valorisation – bureau des achats", "Pôle achats – marchés publics"])
    elif sector == "distrib":
        d["refs"] = [("Date", d["date"]), ("Notre code client chez vous", cust), ("Affaire suivie par", p.contact),
                     ("Votre offre", quote), ("GLN livraison", gln)]
        d["logo_text"] = p.name.split()[0].title()
    elif sector == "multi":
        d["refs"] = [("Date", d["date"]), ("Code fournisseur", d["supplier_code"]), ("Acheteur", p.contact),
                     ("Contrat cadre", fill(r, "CC-2026-NDD")), ("Livraison souhaitée", d["delivery_date"])]
        d["foot_note"] = f"{p.name} – document émis le {d['date']}"
    elif sector == "erp":
        d["refs"] = [("Date commande", d["date"]), ("Code fournisseur", d["supplier_code"]),
                     ("Acheteur", p.contact.upper()), ("Ref. offre", quote), ("Code client", cust),
                     ("Transport", r.choice(["FRANCO", "DEPART", "MESSAGERIE"]))]
        d["prog"] = r.choice(["ACH041R", "GAC120", "CDEF08"])
        d["user"] = "".join(x[0] for x in p.contact.split()).upper() + fill(r, "DD")
    elif sector == "negoce":
        d["refs"] = [("Date", d["date"]), ("Votre devis", quote), ("Notre n° client", cust), ("Dossier suivi par", p.contact)]
        d["intro"] = "Suite à notre entretien téléphonique, veuillez trouver ci-dessous notre commande."
    elif sector == "btp":
        ch = fill(r, "CH-26-NDDD")
        d["refs"] = [("Date", d["date"]), ("Affaire", fill(r, "AF-26-NDD")), ("Lot", r.choice(["Lot 04 – Plomberie", "Lot 07 – CVC", "Lot 11 – VRD"])),
                     ("Conducteur de travaux", p.contact), ("Votre devis", quote)]
        d["chantier"] = [f"{ch} – " + r.choice(["Résidence Les Terrasses", "Groupe scolaire Pasteur", "Station d'épuration"]),
                         f"{r.randint(1, 90)} {r.choice(['rue du Stade', 'avenue des Alpes', 'ZAC des Chesnes'])}, {p.city}",
                         f"Accès chantier : {r.choice(['7h-17h', '8h-16h30'])} – badge obligatoire"]
    elif sector == "en":
        d["refs"] = [("PO date", d["date"]), ("Vendor no.", fill(r, "V-NDDDDD")), ("Requisition", fill(r, "PR-NDDDDD")),
                     ("Buyer", p.contact), ("Your quote", quote), ("Incoterms", r.choice(["DAP Lyon", "FCA", "DDP site"])),
                     ("Payment terms", "60 days EOM")]
        d["delivery"] = [p.name, "Goods receiving – dock 2", p.street, p.city, "France"]
        d["num_row"] = 0
    elif sector == "form":
        d["refs"] = []
        d["hand"] = lay.HANDS[idx % len(lay.HANDS)]
    elif sector == "coop":
        d["refs"] = [("Date", d["date"]), ("Code fournisseur", fill(r, "FRN-NDDD")), ("Dépôt", r.choice(["Silo de Tullins", "Dépôt de Vinay", "Plateforme de Saint-Marcellin"])),
                     ("GLN", gln), ("Votre offre", quote), ("Acheteur", p.contact)]
    return d


# --------------------------------------------------------------------------- rendering


def render_order(d: dict, pdf: Path) -> dict:
    cfg = ORDER_FAMILIES[d["family"]]
    stack = cfg["stack"]
    if stack == "xe":
        return {"marks": h7_tex.compile_tex(h7_tex.order_tex(d), pdf), "stack": "xe"}
    fam = d["family"]
    if fam == "mpl_landscape_en":
        cv = Canvas(841.89, 595.28)
        lay.landscape_en(cv, d, cfg["style"])
    else:
        cv = Canvas()
        if fam == "ps_erp_mono":
            lay.erp_mono(cv, d, cfg["style"])
        elif fam == "mpl_form_main":
            lay.hand_form(cv, d, cfg["style"])
        elif fam == "mpl_coop_agri":
            lay.coop(cv, d, cfg["style"])
        else:
            if fam == "ps_btp_chantier" and d["idx"] in (1, 5):
                cv = Canvas(841.89, 595.28)
                cv.rotate_media = True
                d["items"] = d["items"][:4]
            lay.order_page(cv, d, cfg["style"])
    (h7_canvas.ps_to_pdf if stack == "ps" else h7_canvas.mpl_to_pdf)(cv, pdf)
    return {"marks": cv.marks, "stack": stack, "canvas": cv}


def raster(info: dict, pdf: Path, dpi: int, grey: bool):
    if info["stack"] == "mpl":
        return h7_canvas.mpl_raster(info["canvas"], dpi)
    return gs_raster(pdf, dpi, grey)


# --------------------------------------------------------------------------- negatives


def neg_doc(fam: str, idx: int, kind: str, cfg: dict) -> dict:
    r = rng(fam, idx)
    sector = cfg.get("sector") or r.choice(["chimie", "distrib", "erp", "btp", "negoce", "coop", "multi"])
    p = make_party(r, sector, r.randrange(6))
    old = fill(r, r.choice(["CF2026DDDD", "BC 2026-DDDD", "4500DDDDDD", "CDE-26-DDDDD", "PO 26DDDDD"]))
    d = {"family": fam, "idx": idx, "party": p, "ids": ident_states(r, p), "kind": kind,
         "style": cfg["style"], "date": date_fr(r), "ids_pos": "footer", "quoted": "", "lang": "fr",
         "seed_render": f"{SEED}:{fam}:{idx}:render"}
    d["items"], d["total"] = items(r, r.randint(3, 6))
    quote = our_quote(r)
    cust = fill(r, "CLI-NDDDD")
    if kind == "devis":
        d["title"] = r.choice(["DEVIS N° ", "PROPOSITION COMMERCIALE N° ", "OFFRE DE PRIX N° "]) + quote
        d["refs"] = [("Date", d["date"]), ("Validité", "30 jours"), ("Code client", cust),
                     ("Votre demande", fill(r, "DP-26-NDDD")), ("Affaire suivie par", r.choice(["Marc Delorme", "Léa Fontaine"]))]
        d["intro"] = "Suite à votre demande, nous avons le plaisir de vous remettre notre meilleure offre."
        d["conditions"] = ("Offre valable 30 jours. Délai : 3 à 4 semaines après réception de la commande. "
                           "Franco de port à partir de 800 € HT. Pour commander, retournez ce devis signé avec "
                           "votre numéro de commande.")
    elif kind in ("facture", "avoir"):
        num = fill(r, "FA26-NDDDD" if kind == "facture" else "AV26-NDDD")
        d["title"] = ("FACTURE N° " if kind == "facture" else "AVOIR N° ") + num
        d["quoted"] = old
        d["refs"] = [("Date", d["date"]), ("Échéance", date_fr(r, 12)), ("Code client", cust),
                     ("Votre commande", old), ("Notre bon de livraison", fill(r, "BL26-NDDDD"))]
        if kind == "avoir":
            d["refs"].append(("Facture d'origine", fill(r, "FA26-NDDDD")))
            d["intro"] = "Avoir pour retour de marchandise non conforme."
        d["conditions"] = ("Pas d'escompte pour paiement anticipé. Pénalités de retard : 3 fois le taux d'intérêt "
                           "légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.")
        d["bank"] = f"Règlement par virement – IBAN {OWN['iban']} – BIC {OWN['bic']}"
    elif kind == "ar":
        d["title"] = r.choice(["ACCUSÉ DE RÉCEPTION DE COMMANDE", "CONFIRMATION DE COMMANDE", "AR DE COMMANDE"])
        d["quoted"] = old
        d["refs"] = [("Notre AR n°", fill(r, "AR26-NDDDD")), ("Date", d["date"]), ("Votre commande n°", old),
                     ("Code client", cust), ("Délai confirmé", date_fr(r, 12))]
        d["intro"] = (f"Nous accusons réception de votre commande n° {old} et vous en remercions. "
                      "Merci de vérifier les informations ci-dessous.")
        d["conditions"] = "Nos conditions générales de vente s'appliquent. Toute réclamation doit nous parvenir sous 48 heures."
    elif kind == "bl":
        d["title"] = "BON DE LIVRAISON " + fill(r, "BL26-NDDDD")
        d["quoted"] = old
        d["refs"] = [("Date d'expédition", d["date"]), ("Votre commande", old), ("Code client", cust),
                     ("Transporteur", r.choice(["Geodis", "Schenker", "Heppner"])), ("Colis", str(r.randint(1, 6)))]
        d["conditions"] = "Marchandise voyageant aux risques du destinataire. Réserves à porter sur le récépissé du transporteur."
        d["show_totals"] = False
    elif kind == "relance":
        d["title"] = f"Objet : notre commande n° {old} – relance"
        d["quoted"] = old
        d["refs"] = [("Votre AR", fill(r, "AR26-NDDDD")), ("Date de commande", date_fr(r))]
        d["body"] = [f"Madame, Monsieur, notre commande n° {old} ne nous est toujours pas parvenue à ce jour, alors que "
                     "le délai annoncé est dépassé.",
                     "Où en est notre commande ? Merci de nous indiquer par retour une date de livraison ferme ; à "
                     "défaut nous serons contraints de l'annuler.", "Veuillez agréer nos salutations distinguées."]
        d["items"] = []
    elif kind in ("rfq", "rfq_en"):
        en = kind == "rfq_en"
        d["title"] = ("REQUEST FOR QUOTATION " + fill(r, "RFQ-NDDDD")) if en else r.choice(
            ["DEMANDE DE PRIX N° " + fill(r, "DP-26-NDDD"), "CONSULTATION N° " + fill(r, "CONS/2026/NDD")])
        d["refs"] = [("Date", d["date"]), ("Réponse souhaitée avant le", date_fr(r, 12)), ("Contact", p.contact)]
        d["body"] = ([("Please send us your best offer for the items below, with lead time and delivery cost. "
                       "This is not a purchase order.")] if en else
                     ["Nous vous remercions de nous faire parvenir votre meilleure offre pour les articles ci-dessous, "
                      "délai et frais de port compris.", "Ceci n'est pas une commande."])
    return d


def render_negative(d: dict, pdf: Path) -> dict:
    cfg = NEG_FAMILIES[d["family"]]
    if cfg["stack"] == "xe":
        return {"marks": h7_tex.compile_tex(h7_tex.negative_tex(d), pdf), "stack": "xe"}
    cv = Canvas()
    if d["kind"] in ("relance", "rfq", "rfq_en"):
        lay.customer_letter(cv, d, cfg["style"])
    else:
        lay.our_document(cv, d, cfg["style"])
    (h7_canvas.ps_to_pdf if cfg["stack"] == "ps" else h7_canvas.mpl_to_pdf)(cv, pdf)
    return {"marks": cv.marks, "stack": cfg["stack"], "canvas": cv}


# --------------------------------------------------------------------------- self-check


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def text_layer(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def self_check(pdf: Path, d: dict, label_vat: str, label_siret: str) -> None:
    t = flat(text_layer(pdf))
    c = compact(t)
    for s in filter(None, [d.get("printed"), d.get("number"), d.get("quoted")]):
        assert s in t or compact(s) in c, (pdf, s, t[:400])
    for ident in (label_vat, label_siret):
        assert not ident or ident in c, (pdf, ident)


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--no-mails", action="store_true")
    a = ap.parse_args()
    out: Path = a.out
    for sub in ("documents", "mails"):
        shutil.rmtree(out / sub, ignore_errors=True)
    rows = []
    docs = []
    tmp = Path(tempfile.mkdtemp(prefix="h7_"))
    try:
        for fam, cfg in ORDER_FAMILIES.items():
            for idx, spec in enumerate(cfg["specs"], 1):
                d = base_doc(fam, idx, spec, cfg)
                docs.append(process(d, out, tmp, render_order, rows))
        for fam, cfg in NEG_FAMILIES.items():
            for idx, (kind, scan) in enumerate(cfg["specs"], 1):
                d = neg_doc(fam, idx, kind, cfg)
                d["scan"] = scan
                d["number"] = ""
                docs.append(process(d, out, tmp, render_negative, rows))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not a.no_mails:
        import h7_mail

        rows += h7_mail.write_mails(out, docs)
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        for r in rows:
            w.writerow(r)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({OWN['name']}): never the customer.\n"
        f"{OWN['siren']}\n{OWN['siret']}\n{OWN['vat']}\n", encoding="utf-8")
    print(f"{len(docs)} documents, {len(rows) - len(docs)} mails")


def process(d: dict, out: Path, tmp: Path, render, rows: list) -> dict:
    fam, idx = d["family"], d["idx"]
    folder = out / "documents" / fam
    folder.mkdir(parents=True, exist_ok=True)
    pdf = tmp / f"{fam}-{idx:02d}.pdf"
    info = render(d, pdf)
    vat, siret = d["ids"]["vat_label"], d["ids"]["siret_label"]
    self_check(pdf, d, vat, siret)
    scan = d.get("scan")
    if scan:
        style, ext = scan
        dpi = DPI[style]
        pages = raster(info, pdf, dpi, style in GREY)
        r = rng("scan", fam, idx)
        sign = None
        if d.get("kind") == "devis":
            sign = (d["party"].name, d["party"].contact)
        data = make_scan(pages, style, ext, dpi, r, info["marks"], sign=sign)
        name = f"{fam}-{idx:02d}-{style}{ext}"
        (folder / name).write_bytes(data)
        if ext == ".pdf":
            assert text_layer(folder / name).strip() == ""
        kind = "scan"
    else:
        name = f"{fam}-{idx:02d}.pdf"
        shutil.copy(pdf, folder / name)
        kind = "pdf-text"
    path = f"documents/{fam}/{name}"
    rows.append([path, kind, "", d.get("number", ""), vat, siret])
    d["path"] = path
    d["file"] = folder / name
    d["doc_kind"] = kind
    print(path, d.get("number", ""), flush=True)
    return d


if __name__ == "__main__":
    main()
