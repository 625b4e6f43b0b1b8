"""Generate holdout2, the third frozen evaluation corpus (see README.md in this folder).

    .venv/bin/python training_set/holdout2/generate_holdout2.py [--out DIR] [--only FAMILY]

Text PDFs: HTML + CSS printed by headless Chromium, and flat ODT converted by LibreOffice.
Scans: pdftoppm + ImageMagick (h2_scan). Single process. The labels depend only on the seed;
the PDF/image bytes also depend on Chromium, LibreOffice, poppler and ImageMagick, which is
why the generated `documents/` folder is committed as the frozen corpus.
"""

from __future__ import annotations

import argparse
import csv
import logging
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from h2_data import later  # noqa: E402
from h2_doc import Doc  # noqa: E402
from h2_html_erp import dense_refs, dolibarr_cf, eprocurement_portal, mrp_spool, webapp_odoo  # noqa: E402
from h2_html_misc import (  # noqa: E402
    carnet_manuscrit,
    customer_de_en,
    email_printout,
    garage_auto,
    pharma_lab,
    public_engagement,
    title_only,
)
from h2_ids import compact  # noqa: E402
from h2_negatives import (  # noqa: E402
    neg_ar_commande,
    neg_bl,
    neg_demande_prix,
    neg_devis,
    neg_facture,
    neg_tarif,
)
from h2_scan import add_marks, degrade, number_boxes, rasterize, write  # noqa: E402
from h2_word import collectivite_order, courrier_commande, word_form_table  # noqa: E402
from pdfminer.high_level import extract_text  # noqa: E402
from pdfminer.pdfpage import PDFPage  # noqa: E402

SEED = 20261122

# family, builder, documents, of which scanned
FAMILIES = [
    ("webapp_odoo", webapp_odoo, 7, 3),
    ("dolibarr_cf", dolibarr_cf, 6, 2),
    ("eprocurement_portal", eprocurement_portal, 7, 2),
    ("dense_refs", dense_refs, 6, 3),
    ("mrp_spool", mrp_spool, 6, 3),
    ("public_engagement", public_engagement, 6, 3),
    ("garage_auto", garage_auto, 6, 3),
    ("pharma_lab", pharma_lab, 6, 2),
    ("email_printout", email_printout, 6, 2),
    ("title_only", title_only, 6, 3),
    ("customer_de_en", customer_de_en, 6, 2),
    ("courrier_commande", courrier_commande, 6, 3),
    ("word_form_table", word_form_table, 6, 3),
    ("collectivite_order", collectivite_order, 6, 3),
    ("carnet_manuscrit", carnet_manuscrit, 6, 6),
    ("neg_devis", neg_devis, 4, 2),
    ("neg_facture", neg_facture, 4, 1),
    ("neg_bl", neg_bl, 3, 2),
    ("neg_ar_commande", neg_ar_commande, 3, 1),
    ("neg_tarif", neg_tarif, 2, 0),
    ("neg_demande_prix", neg_demande_prix, 2, 1),
]

PROFILES = ["office", "skew", "photocopy", "fax", "phone"]


def plan() -> list[Doc]:
    """Every document with its labels, scan profile and marks; depends on the seed only."""
    docs: list[Doc] = []
    for family, builder, count, scans in FAMILIES:
        scanned = set(random.Random(f"{SEED}:scan:{family}").sample(range(count), scans))
        for i in range(count):
            doc = builder(random.Random(f"{SEED}:{family}:{i}"), i)
            assert doc.family == family, (doc.family, family)
            doc.name = f"{family}_{i + 1:02d}"
            if i in scanned:
                doc.scan = "pending"
            docs.append(doc)
    # scan profiles spread over the families, marks on some of them
    scan_docs = [d for d in docs if d.scan]
    rng = random.Random(f"{SEED}:profiles")
    cycle = PROFILES * (len(scan_docs) // len(PROFILES) + 1)
    rng.shuffle(cycle)
    for doc, profile in zip(scan_docs, cycle, strict=False):
        doc.scan = profile
        roll = rng.random()
        if doc.order_number and roll < 0.18:
            doc.marks = ["stamp"]
        elif doc.order_number and roll < 0.28:
            doc.marks = ["scribble"]
        elif doc.order_number and roll < 0.38:
            doc.marks = ["note"]
        elif roll < 0.45:
            doc.marks = ["stamp", "note"]
    return docs


def scan_format(doc: Doc, rng: random.Random) -> tuple[str, int, int]:
    """(extension, dpi, JPEG quality) for a scan profile."""
    multi = doc.pages > 1
    if doc.scan == "office":
        return (
            (rng.choice(["pdf", "pdf", "png"]) if not multi else "pdf"),
            rng.choice([200, 300]),
            78,
        )
    if doc.scan == "skew":
        return (rng.choice(["jpg", "pdf"]) if not multi else "pdf"), rng.choice([200, 250, 300]), 74
    if doc.scan == "photocopy":
        return "pdf", rng.choice([150, 200]), 72
    if doc.scan == "fax":
        return "tif", 200, 0
    return (rng.choice(["jpg", "jpg", "pdf"]) if not multi else "pdf"), 200, 72


def render_html(src: Path, pdf: Path, profile_dir: Path) -> None:
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile_dir}",
            f"--print-to-pdf={pdf}",
            f"file://{src}",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    if not pdf.exists():
        raise RuntimeError(f"chromium wrote nothing for {src}")


def render_fodt(srcs: list[Path], outdir: Path, profile_dir: Path) -> None:
    for k in range(0, len(srcs), 20):
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile_dir}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, srcs[k : k + 20]),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def check_text(doc: Doc, pdf: Path) -> None:
    """The rendered text PDF prints what the labels say (before any scanning)."""
    text = extract_text(str(pdf))
    if doc.order_number:
        assert doc.order_number in norm(text), (doc.name, doc.order_number)
        assert doc.printed in norm(text), (doc.name, doc.printed)
    flat = compact(text)
    for ident in (doc.vat, doc.siret):
        if ident:
            assert ident in flat, (doc.name, ident)
    with pdf.open("rb") as fh:
        pages = sum(1 for _ in PDFPage.get_pages(fh))
    assert pages == doc.pages, (doc.name, pages, doc.pages)


def fax_header(doc: Doc, rng: random.Random) -> str:
    c = doc.customer
    tel = (c.fax or c.phone) if c else "02 35 66 40 19"
    y, m, d = later(doc.date, rng.randint(0, 1))
    return f"{d:02d}/{m:02d}/{y} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}  DE: {tel}  A: 02 35 66 40 19    P. 001/{doc.pages:03d}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--only", help="one family (for a look; labels.csv is then partial)")
    ap.add_argument("--keep-work", action="store_true")
    args = ap.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    t0 = time.time()
    docs = plan()
    if args.only:
        docs = [d for d in docs if d.family == args.only]
    out: Path = args.out.resolve()
    documents = out / "documents"
    if documents.exists():
        shutil.rmtree(documents)
    work = Path(tempfile.mkdtemp(prefix="holdout2-"))
    try:
        src_dir, pdf_dir = work / "src", work / "pdf"
        src_dir.mkdir()
        pdf_dir.mkdir()
        fodts = []
        for doc in docs:
            ext = "html" if doc.engine == "html" else "fodt"
            src = src_dir / f"{doc.name}.{ext}"
            src.write_text(doc.source, encoding="utf-8")
            if doc.engine == "fodt":
                fodts.append(src)
        if fodts:
            render_fodt(fodts, pdf_dir, work / "lo-profile")
        for doc in docs:
            if doc.engine == "html":
                render_html(
                    src_dir / f"{doc.name}.html",
                    pdf_dir / f"{doc.name}.pdf",
                    work / "chromium-profile",
                )
        rows = []
        for doc in docs:
            pdf = pdf_dir / f"{doc.name}.pdf"
            check_text(doc, pdf)
            fam_dir = documents / doc.family
            fam_dir.mkdir(parents=True, exist_ok=True)
            if not doc.scan:
                dest = fam_dir / f"{doc.name}.pdf"
                shutil.copyfile(pdf, dest)
                kind = "pdf-text"
            else:
                rng = random.Random(f"{SEED}:scanfile:{doc.name}")
                ext, dpi, quality = scan_format(doc, rng)
                page_dir = work / "pages" / doc.name
                page_dir.mkdir(parents=True)
                pages = rasterize(pdf, dpi, page_dir)
                if doc.marks:
                    boxes = number_boxes(pdf, doc.printed, dpi) if doc.printed else []
                    if doc.printed:
                        assert boxes, (doc.name, "number not located")
                    date = later(doc.date, rng.randint(1, 4))
                    add_marks(pages[0], doc.marks, boxes, rng, dpi, date)
                header = fax_header(doc, rng) if doc.scan == "fax" and rng.random() < 0.8 else ""
                done = []
                eff = float(dpi)
                for k, page in enumerate(pages):
                    img, eff = degrade(
                        page,
                        doc.scan,
                        rng,
                        dpi,
                        header if k == 0 else header.replace("P. 001", f"P. {k + 1:03d}"),
                    )
                    done.append(img)
                half = doc.scan == "fax" and rng.random() < 0.3
                dest = fam_dir / f"{doc.name}_{doc.scan}.{ext}"
                write(done, ext, dest, eff, quality, fax_half=half)
                kind = "scan"
            rows.append(
                {
                    "path": dest.relative_to(out).as_posix(),
                    "kind": kind,
                    "is_order": "",
                    "order_number": doc.order_number,
                    "vat": doc.vat,
                    "siret": doc.siret,
                }
            )
    finally:
        if args.keep_work:
            print(f"work dir kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    rows.sort(key=lambda r: r["path"])
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh,
            fieldnames=["path", "kind", "is_order", "order_number", "vat", "siret"],
            lineterminator="\n",
        )
        w.writeheader()
        w.writerows(rows)
    n_scan = sum(r["kind"] == "scan" for r in rows)
    n_num = sum(bool(r["order_number"]) for r in rows)
    print(
        f"{len(rows)} documents ({len(rows) - n_scan} text PDFs, {n_scan} scans; {n_num} with an order number) "
        f"in {time.time() - t0:.0f} s -> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
