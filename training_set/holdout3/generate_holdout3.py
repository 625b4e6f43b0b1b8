#!/usr/bin/env python3
"""Generate the holdout3 exam corpus (see README.md — the committed documents/ are the corpus).

    .venv/bin/python training_set/holdout3/generate_holdout3.py [--out DIR] [--keep-work]

Stack: openpyxl .xlsx -> LibreOffice Calc, python-docx .docx -> LibreOffice Writer,
groff/tbl/ms -> PostScript -> ghostscript ps2pdf; scans rasterised by ghostscript and degraded
with numpy/Pillow (h3_scan). Imports nothing from the rest of training_set/ or from orderintake.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import random  # noqa: E402

import pypdfium2 as pdfium  # noqa: E402

import h3_data as D  # noqa: E402
import h3_docx  # noqa: E402
import h3_scan  # noqa: E402
import h3_troff  # noqa: E402
import h3_xlsx  # noqa: E402

SEED = 20261122
HEADER = ["path", "kind", "is_order", "order_number", "vat", "siret"]

# family -> (module, builder, shapes for each document, scan modes for the scanned ones).
# The scanned documents are spread through the family (see main()).
S = D
PLAN = {
    "xls_bdc_pme": ("xlsx", [S.on_bdc, S.on_bc, S.on_cf, S.on_bdc, S.on_bc, S.on_cf],
                    ["photocopy", "stamp", "phone"]),
    "xls_grid_header": ("xlsx", [S.on_cf, S.on_cde, S.on_year, S.on_letters, S.on_digits, S.on_cda],
                        ["lowjpeg", "fax"]),
    "xls_sap_po": ("xlsx", [S.on_sap] * 5, ["fax", "photocopy"]),
    "xls_quick_order": ("xlsx", [S.on_year, S.on_digits, S.on_letters, S.on_cmd_slash, S.on_bc],
                        ["phone", "stamp", "lowjpeg"]),
    "docx_lettre": ("docx", ["slash_initials", S.on_year, S.on_letters, S.on_digits, "year_initials", S.on_cde],
                    ["photocopy", "fax", "stamp"]),
    "docx_cnrs": ("docx", [S.on_cnrs, S.on_cnrs, S.on_sap, S.on_cnrs, S.on_sap], ["photocopy", "phone"]),
    "docx_public_ej": ("docx", [S.on_ej] * 5, ["lowjpeg", "photocopy"]),
    "docx_multipage": ("docx", ["po_rev", S.on_cda, S.on_po, S.on_letters, S.on_po, "bdc_rev"], ["fax", "lowjpeg"]),
    "docx_corner_box": ("docx", [S.on_letters, S.on_bc, S.on_cda, S.on_digits, S.on_letters], ["stamp", "phone"]),
    "troff_tbl_erp": ("troff", [S.on_cde, S.on_year, S.on_letters, S.on_cda, S.on_digits, S.on_bc],
                      ["fax", "photocopy", "lowjpeg"]),
    "troff_english_po": ("troff", ["po_initials", S.on_po, S.on_sap, S.on_letters, S.on_po], ["phone", "photocopy"]),
    "neg_devis": ("docx", [None] * 3, ["stamp"]),
    "neg_demande_prix": ("xlsx", [None] * 3, ["photocopy"]),
    "neg_relance": ("troff", [S.on_cf, S.on_bc], ["fax"]),
    "neg_facture": ("xlsx", [S.on_cde, S.on_po, S.on_bdc], ["lowjpeg"]),
}

BUILDERS = {
    "xls_bdc_pme": h3_xlsx.xls_bdc_pme, "xls_grid_header": h3_xlsx.xls_grid_header,
    "xls_sap_po": h3_xlsx.xls_sap_po, "xls_quick_order": h3_xlsx.xls_quick_order,
    "neg_demande_prix": h3_xlsx.neg_demande_prix, "neg_facture": h3_xlsx.neg_facture,
    "docx_lettre": h3_docx.docx_lettre, "docx_cnrs": h3_docx.docx_cnrs, "docx_public_ej": h3_docx.docx_public_ej,
    "docx_multipage": h3_docx.docx_multipage, "docx_corner_box": h3_docx.docx_corner_box, "neg_devis": h3_docx.neg_devis,
    "troff_tbl_erp": h3_troff.troff_tbl_erp, "troff_english_po": h3_troff.troff_english_po,
    "neg_relance": h3_troff.neg_relance,
}

SCAN_EXT = {"photocopy": ".pdf", "fax": ".tif", "phone": ".jpg", "stamp": ".pdf", "lowjpeg": ".jpg"}


def resolve_shape(shape, cust: D.Party):
    if shape == "slash_initials":
        return D.with_initials(D.on_cmd_slash, cust.initials)
    if shape == "year_initials":
        return D.with_initials(D.on_year, cust.initials)
    if shape == "po_initials":
        return D.with_initials(D.on_po, cust.initials)
    if shape == "po_rev":
        return D.with_revision(D.on_po)
    if shape == "bdc_rev":
        return D.with_revision(D.on_bdc)
    return shape


def text_of(pdf: Path) -> tuple[str, int]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        return re.sub(r"\s+", " ", text), len(doc)
    finally:
        doc.close()


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    ap.add_argument("--keep-work", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    work = Path(tempfile.mkdtemp(prefix="h3work_"))
    own = D.own_company()

    # 1. build sources (labels depend only on the seed)
    docs = []
    names = D.name_pool(SEED)
    for fam, (stack, shapes, modes) in PLAN.items():
        n = len(shapes)
        # which documents of the family are scanned: spread through the family
        scan_idx = [round((k + 0.5) * n / len(modes) - 0.5) for k in range(len(modes))]
        for i, shape in enumerate(shapes):
            rng = random.Random(f"{SEED}:{fam}:{i}")
            cust = D.make_party(rng, name=f"{names.pop()} {rng.choice(D.FORMS)}")
            printed = label = ""
            if shape is not None:
                printed, label = resolve_shape(shape, cust)(rng)
            stem = f"{fam}_{i + 1:02d}"
            src = work / (stem + {"xlsx": ".xlsx", "docx": ".docx", "troff": ".tr"}[stack])
            meta = BUILDERS[fam](src, rng, cust, own, printed, label)
            mode = modes[scan_idx.index(i)] if i in scan_idx else None
            docs.append(dict(fam=fam, stem=stem, stack=stack, src=src, meta=meta, mode=mode, cust=cust,
                             printed=printed, rng=rng))

    # 2. render to PDF
    lo = ["soffice", f"-env:UserInstallation=file://{work}/lo_profile", "--headless", "--convert-to", "pdf", "--outdir", str(work)]
    for ext in (".xlsx", ".docx"):
        srcs = [str(d["src"]) for d in docs if d["src"].suffix == ext]
        subprocess.run(lo + srcs, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for d in docs:
        if d["stack"] == "troff":
            h3_troff.render(d["src"], d["src"].with_suffix(".pdf"), d["meta"]["font"])

    # 3. check every rendered PDF (our generator, not any product): printed strings and ids
    for d in docs:
        pdf = d["src"].with_suffix(".pdf")
        text, pages = text_of(pdf)
        d["pages"] = pages
        for s in d["meta"]["must_print"]:
            assert s in text or (" " in s and compact(s) in compact(text)), (d["stem"], s, text[:400])
        for ident in (d["meta"]["vat"], d["meta"]["siret"]):
            assert not ident or ident in compact(text), (d["stem"], ident)
        assert own.siren not in (d["meta"]["vat"] + d["meta"]["siret"])

    # 4. write documents/ and labels.csv
    docdir = out / "documents"
    if docdir.exists():
        shutil.rmtree(docdir)
    rows = []
    for d in docs:
        fam_dir = docdir / d["fam"]
        fam_dir.mkdir(parents=True, exist_ok=True)
        pdf = d["src"].with_suffix(".pdf")
        if d["mode"] is None:
            dest = fam_dir / (d["stem"] + ".pdf")
            shutil.copyfile(pdf, dest)
            kind = "pdf-text"
        else:
            dest = fam_dir / (d["stem"] + SCAN_EXT[d["mode"]])
            dest = make_scan(d, pdf, dest, own)
            kind = "scan"
        m = d["meta"]
        rows.append({"path": dest.relative_to(out).as_posix(), "kind": kind, "is_order": "",
                     "order_number": m["order"], "vat": m["vat"], "siret": m["siret"]})
        print(f"{rows[-1]['path']:55s} {kind:8s} {m['order']:22s} {d['printed']}")
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({own.name}): never the customer.\n"
        f"{own.siren}\n{own.siret}\n{own.vat}\n", encoding="utf-8")
    if not args.keep_work:
        shutil.rmtree(work)
    else:
        print("work dir:", work)


def make_scan(d: dict, pdf: Path, dest: Path, own: D.Party) -> None:
    rng = random.Random(f"{SEED}:scan:{d['stem']}")
    mode = d["mode"]
    cust = d["cust"]
    multi = d["pages"] > 1
    if mode == "fax":
        dpi = 200
        pages = h3_scan.rasterise(pdf, dpi, max_pages=3)
        hdr = f"{D.date_fr(rng, 11, 11)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}  DE: {cust.fax}  {cust.name.upper()[:28]}"
        out = [h3_scan.fax(p, rng, dpi, hdr, i + 1, len(pages)) for i, p in enumerate(pages)]
        h3_scan.save_tiff_g4(out, dest)
    elif mode == "photocopy":
        dpi = 150 if multi else 200
        pages = h3_scan.rasterise(pdf, dpi, max_pages=3)
        h3_scan.save_pdf([h3_scan.photocopy(p, rng) for p in pages], dest, dpi, quality=70)
    elif mode == "lowjpeg":
        dpi = 200
        pages = h3_scan.rasterise(pdf, dpi, max_pages=3)
        imgs = [h3_scan.low_jpeg(p, rng) for p in pages]
        if dest.suffix == ".jpg" and len(imgs) > 1:
            dest = dest.with_suffix(".pdf")
        if dest.suffix == ".jpg":
            imgs[0].save(dest, "JPEG", quality=rng.randint(28, 38), dpi=(150, 150))
        else:
            h3_scan.save_pdf(imgs, dest, 150, quality=35)
        d["final"] = dest
    elif mode == "phone":
        dpi = 200
        page = h3_scan.rasterise(pdf, dpi, max_pages=1)[0]
        h3_scan.phone_photo(page, rng).save(dest, "JPEG", quality=74)
    elif mode == "stamp":
        dpi = 200
        pages = h3_scan.rasterise(pdf, dpi, max_pages=3)
        if d["fam"] == "neg_devis":  # the customer signs our quote
            lines = [cust.name.upper()[:30], cust.street, cust.cityline, "BON POUR ACCORD"]
        else:
            lines = [cust.name.upper()[:30], f"{cust.street} – {cust.cityline}", f"Tél. {cust.phone}"]
            if d["meta"]["siret"]:
                lines.append(f"SIRET {D.fmt_siret(cust.siret, 1)}")
            if rng.random() < 0.5:
                lines.append(rng.choice(["BON POUR ACCORD", "Bon pour commande", "LE GÉRANT"]))
        pages[-1] = h3_scan.stamp_and_sign(pages[-1], rng, lines, dpi)
        if rng.random() < 0.5 and len(pages) == 1:
            dest.unlink(missing_ok=True)
            png = dest.with_suffix(".png")
            pages[0].convert("RGB").quantize(24).save(png, optimize=True)
            d["final"] = png
        else:
            h3_scan.save_pdf(pages, dest, dpi, quality=68)
    return d.get("final", dest)


if __name__ == "__main__":
    main()
