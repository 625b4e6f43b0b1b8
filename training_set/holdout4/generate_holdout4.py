"""Generate the holdout4 exam corpus (FROZEN 2026-12-07, seed 20261207).

Text PDFs by pdflatex (``h4_latex``) and WeasyPrint (``h4_web``); scans rendered by poppler's
``pdftocairo`` or MuPDF's ``mutool draw`` and degraded by our own OpenCV/numpy pipeline
(``h4_scan``); mails built with the stdlib ``email`` package (``h4_mail``).

    .venv/bin/python training_set/holdout4/generate_holdout4.py [--out DIR] [--only FAMILY]

Labels depend only on the seed: one ``random.Random`` per document, seeded by
``"20261207:<family>:<index>"``. Before anything is written, every text PDF is checked with
pypdfium2: its text layer holds the printed number (with its suffix) and the labelled VAT and
SIRET, and our own SIREN is never labelled. Imports nothing from the rest of the repository.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import h4_data as D  # noqa: E402
import h4_latex  # noqa: E402
import h4_mail  # noqa: E402
import h4_scan  # noqa: E402
import h4_web  # noqa: E402

SEED = "20261207"

# family -> (shapes with optional suffix, kinds "T"/"S", scan styles for the S documents)
PLAN: dict[str, tuple[list[tuple[str, str | None]], str, list[str]]] = {
    "tex_cnrs_labo": (
        [
            ("cnrs", "umr"),
            ("cnrs", "umr"),
            ("sap45", None),
            ("cnrs", None),
            ("cnrs", "umr"),
            ("sap40", None),
        ],
        "TSTSTS",
        ["highlight", "fold_spine", "stamp_holes"],
    ),
    "tex_public_marche": (
        [
            ("ej_space", None),
            ("year_seq", None),
            ("ej10", None),
            ("bc_year", None),
            ("ej", None),
            ("yy_slash", None),
        ],
        "TSTSTS",
        ["stamp_holes", "printscan", "moire_paper"],
    ),
    "tex_multipage_header": (
        [
            ("cde", None),
            ("co", None),
            ("ca", "rev"),
            ("po_dash", None),
            ("zinv", None),
            ("cde_dot", None),
        ],
        "TSTSTS",
        ["multipage", "multipage", "printscan"],
    ),
    "tex_lettre_phrase": (
        [
            ("yy_slash", None),
            ("year_seq", "initials"),
            ("letters", None),
            ("digits", None),
            ("dots", "initials"),
            ("underscore", None),
        ],
        "TSTSTS",
        ["fold_spine", "highlight", "moire_paper"],
    ),
    "tex_footer_ref": (
        [
            ("bdc_space", None),
            ("cf_dash", None),
            ("bc_space", None),
            ("po", None),
            ("digits", None),
            ("letters", None),
        ],
        "TSTSTS",
        ["printscan", "stamp_holes", "fold_spine"],
    ),
    "tex_english_po": (
        [
            ("po_dash", None),
            ("po_space", None),
            ("sap45", None),
            ("po_dots", None),
            ("letters", "rev"),
            ("digits", None),
        ],
        "TTSTST",
        ["highlight", "printscan"],
    ),
    "web_shop": (
        [
            ("ws", None),
            ("hash", None),
            ("mkt", None),
            ("hash", None),
            ("letters", None),
            ("digits", None),
        ],
        "TTSTTS",
        ["moire_paper", "highlight"],
    ),
    "web_saas_grid": (
        [
            ("bc_year", None),
            ("cf", None),
            ("bdc", None),
            ("year_seq", None),
            ("cde_dot", None),
            ("po", None),
        ],
        "TSTTST",
        ["stamp_holes", "fold_spine"],
    ),
    "web_two_column": (
        [
            ("cda_space", None),
            ("cf", None),
            ("cde", "initials"),
            ("underscore", None),
            ("letters", None),
            ("co", None),
        ],
        "TSTSTS",
        ["printscan", "highlight", "multipage"],
    ),
    "web_sap_po": (
        [
            ("sap45", None),
            ("sap45", None),
            ("sap40", None),
            ("sap45", None),
            ("sap40", None),
            ("sap45", None),
        ],
        "TSTSTS",
        ["multipage", "fold_spine", "stamp_holes"],
    ),
    "web_artisan_title": (
        [
            ("digits", None),
            ("year_seq", None),
            ("yy_slash", None),
            ("letters", None),
            ("bc_space", None),
            ("bon", None),
        ],
        "TSTSTS",
        ["moire_paper", "highlight", "printscan"],
    ),
    "web_dense_labels": (
        [
            ("cde", None),
            ("ca", None),
            ("bdc", None),
            ("po_space", None),
            ("cf", "initials"),
            ("zinv", None),
        ],
        "TTSTTS",
        ["moire_paper", "stamp_holes"],
    ),
    # negatives: the shape is the number a negative quotes (never a label)
    "neg_devis": (
        [("cf", None), ("cde", None), ("bc_space", None), ("po", None)],
        "TSTS",
        ["signed", "signed"],
    ),
    "neg_facture": ([("cf_dash", None), ("cde_dot", None), ("bdc", None)], "TTS", ["printscan"]),
    "neg_bl": ([("po_dash", None), ("cf", None), ("cda_space", None)], "TTS", ["fold_spine"]),
    "neg_relance": (
        [("cf_dash", None), ("bc_space", None), ("yy_slash", None)],
        "TST",
        ["highlight"],
    ),
    "neg_demande_prix": ([("cf", None), ("cf", None), ("cf", None)], "TTS", ["stamp_holes"]),
    "neg_releve": ([("cf", None), ("cf", None)], "TS", ["moire_paper"]),
}

MULTIPAGE = {"tex_multipage_header"}
NEG_QUOTES_NUMBER = {"neg_facture", "neg_bl", "neg_relance"}


def builder(family: str):
    return h4_latex.BUILDERS.get(family) or h4_web.BUILDERS[family]


def stack(family: str) -> str:
    return "latex" if family in h4_latex.BUILDERS else "weasyprint"


# --------------------------------------------------------------------------- one document


def make_doc(family: str, i: int) -> D.Doc:
    rng = random.Random(f"{SEED}:{family}:{i}")
    shapes, kinds, _ = PLAN[family]
    shape, suffix = shapes[i]
    contact = D.person(rng)
    unit = org = ""
    refs: dict[str, str] = {}
    if family == "tex_cnrs_labo":
        name, kind, deleg = rng.choice(D.CNRS_UNITS)
        code = f"{kind} {rng.randint(5001, 9999)}"
        if shape == "cnrs":
            cust = D.make_party(rng, "CNRS", form="", public=True)
            org = f"CNRS — {deleg}"
        else:
            uni = rng.choice(D.UNIVERSITIES)
            cust = D.make_party(rng, uni, form="", public=True)
            org = uni
            code = rng.choice(["EA ", "UR ", "UMR "]) + str(rng.randint(1000, 9999))
        unit = name
        refs["unit_code"] = code
    elif family == "tex_public_marche":
        name, service = rng.choice(D.PUBLIC)
        cust = D.make_party(rng, name, form="", public=True)
        org, unit = name, service
        refs["unit_code"] = rng.choice(["SBIO", "DCP", "DRT-EXP", "LOG01", "INT", "PATRIM"])
    else:
        cust = D.make_company(rng)
    who = D.initials(*contact)
    label, printed = D.order_number(rng, shape, suffix, who)
    if suffix == "umr":
        printed = label + " " + refs["unit_code"].replace("EA", "UMR")
    if family.startswith("neg_"):
        label = ""
        if family not in NEG_QUOTES_NUMBER:
            printed = ""
    day = D.doc_day(rng)
    items = D.pick_items(rng, rng.randint(3, 6))

    # customer identifiers: printed valid, printed with a one-digit typo, or not printed
    vat_print = siret_print = vat_label = siret_label = ""
    public = family in ("tex_cnrs_labo", "tex_public_marche")
    u = rng.random()
    if u < (0.45 if public else 0.72):
        vat_print, vat_label = D.fmt_vat(cust.vat, rng), cust.vat
    elif u < (0.53 if public else 0.80):
        vat_print = D.fmt_vat(D.typo(rng, cust.vat, 4), rng)
    u = rng.random()
    if u < (0.85 if public else 0.62):
        siret_print, siret_label = D.fmt_siret(cust.siret, rng), cust.siret
    elif u < (0.92 if public else 0.69):
        siret_print = D.fmt_siret(D.typo(rng, cust.siret, 0), rng)

    refs.update(
        quote=D.our_quote(rng),
        custcode=D.our_customer_code(rng),
        vendor=D.vendor_code(rng),
        da=D.requisition(rng),
        contract=D.contract(rng),
        affaire=f"AF{rng.randint(2400, 2699)}-{rng.randint(10, 99)}",
        cf=f"{rng.choice(['UMR', 'UPR', 'DR'])}{rng.randint(10, 99)}/{rng.choice(['NSF', 'FON', 'CTR'])}{rng.randint(1, 9)}",
        eotp=f"{rng.randint(24, 26)}P{rng.randint(100, 999)}-{rng.choice(['AB', 'CD', 'EF', 'RG'])}",
        imput=f"{rng.choice(['2158', '6063', '2188', '6068'])} / {rng.randint(100, 899)}",
        signer=" ".join(D.person(rng)),
        txn=f"TX{rng.randint(10**9, 10**10 - 1)}",
        tracking=f"6A{rng.randint(10**10, 10**11 - 1)}",
        invoice=D.invoice_number(rng),
        bl=D.bl_number(rng),
        rfq=rng.choice(
            [
                f"DP-26-{rng.randint(100, 999)}",
                f"CONS/2026/{rng.randint(10, 99)}",
                f"RFQ-{rng.randint(10000, 99999)}",
            ]
        ),
        nrows=str(rng.randint(34, 58)),
    )
    refs["olds"] = [
        D.SHAPES[rng.choice(["cf", "cde", "bc_space", "digits"])](rng) for _ in range(4)
    ]  # type: ignore[assignment]
    doc = D.Doc(
        family=family,
        index=i,
        rng=rng,
        cust=cust,
        contact=contact,
        day=day,
        label=label,
        printed=printed,
        items=items,
        vat_print=vat_print,
        siret_print=siret_print,
        vat_label=vat_label,
        siret_label=siret_label,
        variant=i,
        kind="pdf-text" if kinds[i] == "T" else "scan",
        unit=unit,
        org=org,
        refs=refs,
    )
    doc.refs["nrows"] = int(refs["nrows"])  # type: ignore[assignment]
    return doc


def render_pdf(doc: D.Doc) -> bytes:
    src = builder(doc.family)(doc)
    if stack(doc.family) == "latex":
        return h4_latex.compile_tex(src)
    return h4_web.render(src)


# --------------------------------------------------------------------------- self-check


def pdf_text(data: bytes) -> tuple[str, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return " ".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf))), len(pdf)
    finally:
        pdf.close()


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def check_pdf(doc: D.Doc, data: bytes) -> None:
    text, pages = pdf_text(data)
    flat = re.sub(r"\s+", " ", text)
    where = f"{doc.family}:{doc.index}"
    if doc.printed:
        assert doc.printed in flat, (where, doc.printed)
    if doc.label:
        assert doc.label in flat, (where, doc.label)
    for ident in (doc.vat_label, doc.siret_label):
        if ident:
            assert ident in compact(flat), (where, ident)
    if doc.family in MULTIPAGE:
        assert pages >= 2, (where, pages)
    for ident in (doc.vat_label, doc.siret_label):
        assert D.OWN.siren not in ident, where


# --------------------------------------------------------------------------- main


@dataclass
class Row:
    path: str
    kind: str
    is_order: str
    order_number: str
    vat: str
    siret: str


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--only", default="")
    ap.add_argument("--no-mails", action="store_true")
    args = ap.parse_args()

    files: dict[str, bytes] = {}
    rows: list[Row] = []
    docs: list[tuple[D.Doc, str]] = []
    for family, (shapes, _kinds, styles) in PLAN.items():
        if args.only and family != args.only:
            continue
        n_scan = 0
        for i in range(len(shapes)):
            doc = make_doc(family, i)
            data = render_pdf(doc)
            check_pdf(doc, data)
            stem = f"{family}-{i + 1:02d}"
            if doc.kind == "pdf-text":
                path = f"documents/{family}/{stem}.pdf"
                files[path] = data
            else:
                style = styles[n_scan]
                n_scan += 1
                out, ext = h4_scan.make_scan(doc, data, style)
                path = f"documents/{family}/{stem}-{style.replace('_', '')}.{ext}"
                files[path] = out
            rows.append(Row(path, doc.kind, "", doc.label, doc.vat_label, doc.siret_label))
            docs.append((doc, path))
            print(f"{path:70s} {len(files[path]) // 1024:5d} KB  {doc.label}", flush=True)

    mail_rows: list[Row] = []
    if not args.only and not args.no_mails:
        for path, data, is_order, number in h4_mail.make_mails(docs, files, SEED):
            files[path] = data
            mail_rows.append(Row(path, "eml", "1" if is_order else "0", number, "", ""))
            print(f"{path:70s} {len(data) // 1024:5d} KB  {is_order} {number}", flush=True)

    # last checks on the labels before anything is written
    for r in rows + mail_rows:
        for ident in (r.vat, r.siret):
            assert not ident or D.OWN.siren not in ident, r
        assert r.order_number == r.order_number.strip() and "  " not in r.order_number, r

    out: Path = args.out
    for sub in ("documents", "mails"):
        if (out / sub).exists() and not args.only:
            shutil.rmtree(out / sub)
    for path, data in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if not args.only:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        for r in rows + mail_rows:
            w.writerow([r.path, r.kind, r.is_order, r.order_number, r.vat, r.siret])
        (out / "labels.csv").write_text(buf.getvalue(), encoding="utf-8")
        (out / "own_identifiers.txt").write_text(
            f"# The receiving supplier of this corpus ({D.OWN.name}): never the customer.\n"
            f"{D.OWN.siren}\n{D.OWN.siret}\n{D.OWN.vat}\n",
            encoding="utf-8",
        )
    total = sum(len(b) for b in files.values())
    print(f"{len(rows)} documents, {len(mail_rows)} mails, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
