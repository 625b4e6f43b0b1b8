"""holdout9 generator: plan, documents, self-check, scans, labels, mails.

usage: H9_NODE_DIR=/tmp/h9node H9_QT_DIR=/tmp/h9py .venv/bin/python training_set/holdout9/generate_holdout9.py [--out DIR]
Imports nothing from the repository (only its own h9_* modules)."""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent))
import h9_data as D  # noqa: E402
import h9_draw as W  # noqa: E402
import h9_layouts as L  # noqa: E402
import h9_mail as M  # noqa: E402
import h9_negatives as N  # noqa: E402
import h9_scan as S  # noqa: E402

SEED = "20261207i"
T = None  # text PDF

# stack -> font roles
JS = {"r": "ptsans", "b": "ptsans-b", "h": "ecolier"}
JSN = {"r": "ptnarrow", "b": "ptnarrow-b", "h": "ecolier"}
QTM = {"r": "rasa", "b": "rasa-b", "h": "ecolier"}
QTY = {"r": "yrsa", "b": "yrsa-b", "h": "ecolier"}
QTA = {"r": "anon", "b": "anon-b", "h": "ecolier"}
PBC = {"r": "charis", "b": "charis-b", "h": "ecolier"}
PBV = {"r": "vollkorn", "b": "vollkorn-b", "h": "ecolier"}
PBT = {"r": "tuffy", "b": "tuffy-b", "h": "ecolier"}

# family: stack, fonts, layout, flavor/sector, [(printed, label, placement, scan)]
PLAN = {
    "js_industrie_erp": ("jspdf", JS, "generic", "industrie", [
        ("CF2614873", "CF2614873", "right", T),
        ("CDE-26-04512", "CDE-26-04512", "under", ("copieur-couleur", "pdf")),
        ("BC 26/1187/RM", "BC 26/1187", "cells", T),
        ("CF 2609361", "CF 2609361", "box", T),
        ("CO 612094", "CO 612094", "title", ("smartphone", "jpg")),
        ("2026-04718", "2026-04718", "sentence", T)]),
    "js_hopital_chu": ("jspdf", JSN, "generic", "hopital", [
        ("EJ 1300287415", "EJ 1300287415", "box", ("copieur-gris", "tif")),
        ("26BC004127", "26BC004127", "right", T),
        ("BDC 26-00875-01", "BDC 26-00875", "cells", T),
        ("2600031962", "2600031962", "under", ("appli-scan", "png")),
        ("EJ 1300301128", "EJ 1300301128", "title", T),
        ("BC-2026-004963", "BC-2026-004963", "sentence", ("copieur-nb", "pdf"))]),
    "js_purchase_en": ("jspdf", JS, "generic", "en", [
        ("PO-2611842", "PO-2611842", "box", T),
        ("P.O. 7714206", "P.O. 7714206", "right", T),
        ("4500718236-R1", "4500718236", "cells", ("copieur-couleur", "jpg")),
        ("PO 26-30417", "PO 26-30417", "title", T),
        ("4500731090", "4500731090", "under", ("appli-scan", "pdf")),
        ("PO2607755", "PO2607755", "sentence", T)]),
    "js_carnet_artisan": ("jspdf", JS, "hand", "petit", [
        ("004518", "004518", "box", ("smartphone", "jpg")),
        ("CDE 2614", "CDE 2614", "right", ("smartphone", "jpg")),
        ("007302", "007302", "box", ("copieur-couleur", "pdf")),
        ("2711-07", "2711-07", "sentence", ("fax", "tif")),
        ("001967", "001967", "box", ("appli-scan", "jpg")),
        ("BC 5521", "BC 5521", "right", ("smartphone", "jpg"))]),
    "qt_sap_chimie": ("qt", QTM, "generic", "chimie", [
        ("4500862113", "4500862113", "right", T),
        ("4500871459-01", "4500871459", "cells", ("copieur-nb", "tif")),
        ("4000316782", "4000316782", "under", T),
        ("PO00418832", "PO00418832", "box", ("copieur-couleur", "pdf")),
        ("4500879920", "4500879920", "title", T),
        ("4000320457-V2", "4000320457", "sentence", T)]),
    "qt_labo_recherche": ("qt", QTY, "generic", "labo", [
        ("L 17042", "L 17042", "right", ("copieur-gris", "pdf")),
        ("L 07311 UMR 5629", "L 07311", "box", T),
        ("CDA 2611234", "CDA 2611234", "cells", ("smartphone", "jpg")),
        ("BDC 26-00451", "BDC 26-00451", "under", T),
        ("L 25410", "L 25410", "title", T),
        ("CA 2612876", "CA 2612876", "sentence", ("copieur-nb", "png"))]),
    "qt_as400_negoce": ("qt", QTA, "generic", "as400", [
        ("CO 693817", "CO 693817", "right", ("fax", "tif")),
        ("CDE 19462/JM", "CDE 19462", "under", T),
        ("0004517203", "0004517203", "cells", T),
        ("CDA.26.4512", "CDA.26.4512", "box", ("copieur-nb", "pdf")),
        ("ZINV2600451", "ZINV2600451", "title", T),
        ("CF_26_04187", "CF_26_04187", "sentence", T)]),
    "qt_multipage_maint": ("qt", QTM, "multi", "outillage", [
        ("CF2617730", "CF2617730", "header", T),
        ("BC-26-04519", "BC-26-04519", "header", ("copieur-gris", "tif")),
        ("4500902734", "4500902734", "header", T),
        ("CDE 26.0457", "CDE 26.0457", "header", ("copieur-nb", "pdf")),
        ("PO 2612390", "PO 2612390", "header", T),
        ("26-04512/FT", "26-04512", "header", ("fax", "tif"))]),
    "pb_collectivite": ("pdfbox", PBC, "generic", "collectivite", [
        ("BC 2026-00451", "BC 2026-00451", "box", T),
        ("2026-004512", "2026-004512", "right", ("copieur-couleur", "jpg")),
        ("BDC/2026/0451/SG", "BDC/2026/0451", "cells", T),
        ("BC 26-1834", "BC 26-1834", "title", T),
        ("26BC01834", "26BC01834", "under", ("copieur-gris", "pdf")),
        ("EJ 2600457", "EJ 2600457", "sentence", ("appli-scan", "png"))]),
    "pb_lettre_btp": ("pdfbox", PBV, "letter", "btp", [
        ("CDE 2614", "CDE 2614", "sentence", ("smartphone", "jpg")),
        ("3275", "3275", "right", T),
        ("BC-261450/PM", "BC-261450", "box", ("copieur-couleur", "pdf")),
        ("CF 26412", "CF 26412", "under", ("fax", "tif")),
        ("2026/0412", "2026/0412", "title", T),
        ("CDE 26-0418", "CDE 26-0418", "cells", T)]),
    "pb_agro_coop": ("pdfbox", PBT, "generic", "agro", [
        ("ZINV2601187", "ZINV2601187", "right", T),
        ("CF2026-0451", "CF2026-0451", "box", T),
        ("PO_26_04512", "PO_26_04512", "under", ("copieur-gris", "tif")),
        ("CO.26.4512", "CO.26.4512", "cells", T),
        ("4000298811", "4000298811", "title", T),
        ("CDE 2604512-02", "CDE 2604512", "sentence", ("smartphone", "jpg"))]),
}
NEG = {
    "neg_devis": ("jspdf", JS, N.devis, "industrie", [
        ({"old": "CF2611873"}, T),
        ({"old": "BC 2026-00398", "signed": True, "sector": "collectivite"}, ("copieur-couleur", "jpg")),
        ({"old": "4500802217", "signed": True, "sector": "chimie"}, ("copieur-nb", "tif"))]),
    "neg_facture": ("pdfbox", PBC, N.facture, "industrie", [
        ({"old": "4500862113"}, T),
        ({"old": "CDE-26-03977", "credit": True}, T),
        ({"old": "CF 2609361", "sector": "outillage"}, ("copieur-gris", "pdf"))]),
    "neg_accuse": ("qt", QTM, N.accuse, "chimie", [
        ({"old": "PO00418832"}, T),
        ({"old": "L 17042", "sector": "labo"}, T),
        ({"old": "CO 693817", "sector": "as400"}, T)]),
    "neg_relance": ("pdfbox", PBV, N.relance, "btp", [
        ({"old": "CDE 2614"}, T),
        ({"old": "26BC004127", "sector": "hopital"}, ("smartphone", "jpg")),
        ({"old": "BC-26-04519", "sector": "outillage"}, ("fax", "tif"))]),
    "neg_demande_prix": ("qt", QTY, N.consultation, "agro", [
        ({"old": "CF2026-0451"}, T),
        ({"old": "CF2614873", "sector": "industrie"}, T),
        ({"old": "P.O. 7714206", "sector": "en"}, ("appli-scan", "pdf"))]),
}


def R(*parts) -> random.Random:
    return random.Random(hashlib.sha256(":".join((SEED,) + tuple(map(str, parts))).encode()).hexdigest())


def draw_ids(rng: random.Random, party: dict) -> dict:
    out = {}
    for kind in ("vat", "siret"):
        x = rng.random()
        if x < 0.70:
            printed, label = party[kind], party[kind]
        elif x < 0.83:
            printed, label = D.typo(rng, party[kind], kind), ""
        else:
            printed, label = None, ""
        if printed:
            printed = D.fmt_vat(rng, printed) if kind == "vat" else D.fmt_siret(rng, printed)
        out[kind + "_print"], out[kind] = printed, label
    return out


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent))
    a = ap.parse_args()
    out = Path(a.out)
    node_dir = os.environ.get("H9_NODE_DIR", "/tmp/h9node")
    qt_dir = os.environ.get("H9_QT_DIR", "/tmp/h9py")
    for sub in ("documents", "mails"):
        shutil.rmtree(out / sub, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix="h9-"))
    our = D.our_company(R("own"))
    docs = []  # dicts
    for fam, (stack, fonts, layout, sector, rows) in PLAN.items():
        for i, (printed, label, place, scan) in enumerate(rows, 1):
            rng = R(fam, i)
            party = D.make_party(rng, sector)
            d = {"family": fam, "idx": i, "stack": stack, "fonts": fonts, "layout": layout, "flavor": sector,
                 "party": party, "our": our, "printed": printed, "label": label, "placement": place,
                 "scan": scan, "rng": rng, "date": D.date_fr(rng), "date2": D.date_fr(rng, 11, 12)[0],
                 "id_pos": rng.choice(["head", "foot", "foot"]), "our_ids": rng.random() < 0.4, "neg": False}
            d.update(draw_ids(rng, party))
            docs.append(d)
    for fam, (stack, fonts, fn, sector, rows) in NEG.items():
        for i, (extra, scan) in enumerate(rows, 1):
            rng = R(fam, i)
            party = D.make_party(rng, extra.get("sector", sector))
            d = {"family": fam, "idx": i, "stack": stack, "fonts": fonts, "layout": fn, "flavor": sector,
                 "party": party, "our": our, "printed": "", "label": "", "placement": "", "scan": scan, "rng": rng,
                 "date": D.date_fr(rng), "date2": D.date_fr(rng, 11, 12)[0], "id_pos": rng.choice(["head", "foot"]),
                 "our_ids": True, "neg": True, **extra}
            d.update(draw_ids(rng, party))
            docs.append(d)
    jobs: dict[str, list] = {"jspdf": [], "qt": [], "pdfbox": []}
    for d in docs:
        d["stem"] = f"{d['family']}-{d['idx']:02d}" + (f"-{d['scan'][0]}" if d["scan"] else "")
        h = hashlib.sha256(d["stem"].encode()).hexdigest()[:32].upper()
        creator = {"jspdf": "jsPDF", "qt": "Qt", "pdfbox": "PDFBox"}[d["stack"]]
        c = W.Canvas(d["fonts"], {"creator": creator, "title": d["stem"], "id": h})
        lay = d["layout"]
        if lay == "generic":
            d["must"] = L.order_generic(c, d)
        elif lay == "multi":
            d["must"] = L.multipage(c, d)
        elif lay == "letter":
            d["must"] = L.letter(c, d)
        elif lay == "hand":
            d["must"] = L.hand_form(c, d)
        else:
            d["must"] = lay(c, d)
        tsv = tmp / f"{d['stem']}.tsv"
        tsv.write_text(c.tsv(), encoding="utf-8")
        d["pdf"] = tmp / f"{d['stem']}.pdf"
        jobs[d["stack"]].append((tsv, d["pdf"]))
    W.run_backends(jobs, node_dir, qt_dir, tmp)
    # self-check of every PDF's own text layer (also those a scan is made from)
    for d in docs:
        text = flat(pdf_text(d["pdf"]))
        need = list(d["must"]) + ([d["printed"], d["label"]] if not d["neg"] else [])
        for s in need:
            assert s in text, (d["stem"], s, text[:400])
        for k in ("vat", "siret"):
            if d[k]:
                assert d[k] in compact(text), (d["stem"], k)
    # scans: PDFBox PDFRenderer, then the scan pipeline
    renders = []
    for d in docs:
        if d["scan"]:
            renders.append((d["pdf"], S.DPI[d["scan"][0]], tmp / f"r-{d['stem']}"))
    W.render(renders, tmp)
    rows = []
    for d in docs:
        fam = d["family"]
        if d["scan"]:
            style, fmt = d["scan"]
            pages = sorted(tmp.glob(f"r-{d['stem']}-*.png"))
            dest = out / "documents" / fam / f"{d['stem']}.{fmt}"
            srng = R("scan", fam, d["stem"])
            hdr = (f"{d['date'][0]} {srng.randint(8, 17):02d}:{srng.randint(0, 59):02d}  "
                   f"+33 {d['party']['tel'][1:]}  {d['party']['name'][:28]}  P.00X")
            S.make(style, fmt, pages, dest, srng, hdr)
            if fmt == "pdf":
                assert pdf_text(dest).strip() == "", dest
            kind = "scan"
        else:
            dest = out / "documents" / fam / f"{d['stem']}.pdf"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(d["pdf"], dest)
            kind = "pdf-text"
        d["path"] = dest.relative_to(out).as_posix()
        rows.append([d["path"], kind, "", d["label"], d["vat"], d["siret"]])
    mail_rows = M.build(out, docs, our, R("mails"))
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        w.writerows(rows + mail_rows)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({our['name']}): never the customer.\n"
        f"{our['siren']}\n{our['siret']}\n{our['vat']}\n", encoding="utf-8")
    shutil.rmtree(tmp)
    print(f"{len(rows)} documents, {len(mail_rows)} mails")


if __name__ == "__main__":
    main()
