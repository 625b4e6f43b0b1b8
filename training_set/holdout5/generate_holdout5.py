"""Generate the holdout5 exam corpus (documents, mails, labels.csv, own_identifiers.txt).

    .venv/bin/python training_set/holdout5/generate_holdout5.py [--out DIR] [--only FAMILY]
                                                                [--no-mails]

Text stacks: wkhtmltopdf (h5_wk), enscript / a2ps -> ps2pdf (h5_ps), pycairo (h5_cairo).
Scans: pypdfium2 raster + own OpenCV / numpy / Pillow defects (h5_scan). Mails: h5_mail.
Labels depend only on the seed: one random.Random per document ("20261207b:<family>:<i>"),
one per scan ("20261207b:scan:<family>:<i>") and one for the mails. Nothing here imports
from the rest of the repository.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import h5_cairo as C  # noqa: E402
import h5_data as D  # noqa: E402
import h5_mail as M  # noqa: E402
import h5_ps as P  # noqa: E402
import h5_scan as S  # noqa: E402
import h5_wk as W  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

# family -> customer kind(s), six (shape, suffix) pairs or three negatives, scans {i: (style, out)}
# suffix: "" | "/XY" (buyer's initials) | "-01" | "-V2" | "unit" (the lab's "UMR 1234")
ORDER_FAMILIES: dict[str, dict] = {
    "wk_chorus_ej": {
        "kind": "public",
        "shapes": [("EJ10", ""), ("EJ_", ""), ("BC-", ""), ("YEAR-", ""), ("YY/", ""), ("LZ", "")],
        "scans": {1: ("screenshot", "png"), 4: ("whatsapp", "jpg")},
    },
    "wk_hopital_ght": {
        "kind": "hopital",
        "shapes": [
            ("GHT", ""),
            ("CDE-", "-01"),
            ("BC_", ""),
            ("4500", ""),
            ("CDE", ""),
            ("DIG7", ""),
        ],
        "scans": {0: ("phonebw", "png"), 2: ("numstamp", "pdf"), 5: ("handshadow", "jpg")},
    },
    "wk_marketplace": {
        "kind": "ent",
        "shapes": [("MKP", ""), ("ORD", ""), ("DIG7", ""), ("AB", ""), ("CF", ""), ("CMD/", "")],
        "scans": {1: ("screenshot", "jpg"), 3: ("whatsapp", "jpg")},
    },
    "wk_extranet_en": {
        "kind": "ent",
        "shapes": [
            ("PO", ""),
            ("PO_", ""),
            ("PO-", ""),
            ("PDOT", ""),
            ("4500", "-V2"),
            ("ZINV", ""),
        ],
        "scans": {2: ("screenshot", "png"), 5: ("rotated90", "pdf")},
        "landscape": {5},
    },
    "wk_cnrs_labo": {
        "kind": ["cnrs", "univ", "cnrs", "univ", "cnrs", "cnrs"],
        "shapes": [
            ("L_", "unit"),
            ("4500", ""),
            ("L_", "unit"),
            ("4000", ""),
            ("L_", ""),
            ("L_", "unit"),
        ],
        "scans": {2: ("handshadow", "pdf"), 5: ("numstamp", "pdf")},
    },
    "ps_erp_listing": {
        "kind": "ent",
        "shapes": [
            ("LZ", "/XY"),
            ("DIG7", ""),
            ("CDE_", ""),
            ("CF-", ""),
            ("AB", ""),
            ("YEAR-", ""),
        ],
        "scans": {1: ("numstamp", "pdf"), 3: ("lowtonerfax", "tif"), 4: ("crease", "tif")},
    },
    "ps_edi_orders": {
        "kind": "ent",
        "shapes": [
            ("4500", ""),
            ("4000", ""),
            ("PO", ""),
            ("DIG7", ""),
            ("ZINV", ""),
            ("CMD/", ""),
        ],
        "scans": {1: ("rotated90", "pdf"), 3: ("rotated90", "tif"), 5: ("lowtonerfax", "tif")},
        "landscape": {0, 1, 3},
    },
    "ps_multipage": {
        "kind": "ent",
        "shapes": [
            ("BDC_", ""),
            ("CO", ""),
            ("CDA_", ""),
            ("YEAR.", ""),
            ("BC-", ""),
            ("A_", ""),
        ],
        "scans": {1: ("twoup", "pdf"), 3: ("lowtonerfax", "tif"), 5: ("numstamp", "tif")},
    },
    "cr_carnet": {
        "kind": "ent",
        "shapes": [("N6", ""), ("LZ", ""), ("DIG6", ""), ("BX_", ""), ("N4", ""), ("YY-", "")],
        "scans": {
            1: ("phonebw", "pdf"),
            2: ("twoup", "jpg"),
            4: ("handshadow", "jpg"),
            5: ("whatsapp", "jpg"),
        },
    },
    "cr_typewriter": {
        "kind": "ent",
        "shapes": [
            ("CF", ""),
            ("BC_", ""),
            ("CDE-", "-01"),
            ("YY/", ""),
            ("PO_", ""),
            ("YEAR-", "/XY"),
        ],
        "scans": {1: ("phonebw", "png"), 3: ("crease", "pdf"), 5: ("whatsapp", "jpg")},
    },
    "cr_sideband": {
        "kind": "ent",
        "shapes": [
            ("BDC", ""),
            ("CA-", "-V2"),
            ("OA_", ""),
            ("AB", ""),
            ("4000", ""),
            ("CDE", ""),
        ],
        "scans": {0: ("handshadow", "pdf"), 2: ("crease", "tif"), 4: ("screenshot", "png")},
    },
}

NEG_FAMILIES: dict[str, dict] = {
    "neg_devis": {"kind": "ent", "n": 3, "scans": {1: ("signed", "jpg"), 2: ("signed", "pdf")}},
    "neg_ar_commande": {"kind": "ent", "n": 3, "scans": {2: ("screenshot", "png")}},
    "neg_demande_prix": {"kind": "public", "n": 3, "scans": {2: ("lowtonerfax", "tif")}},
    "neg_releve": {"kind": "ent", "n": 3, "scans": {2: ("crease", "pdf")}},
    "neg_relance": {"kind": "ent", "n": 3, "scans": {2: ("handshadow", "jpg")}},
}

BUILDERS = {**W.BUILDERS, **P.BUILDERS, **C.BUILDERS}
QUOTED_SHAPES = ["CF", "BC_", "YY/", "4500", "CDE-", "PO_", "BDC", "DIG7"]


@dataclass
class Item:
    doc: D.Doc
    kind: str  # pdf-text | scan
    style: str = ""
    out: str = ""
    pdf: bytes = b""
    path: str = ""
    data: bytes = b""
    vat: str = ""
    siret: str = ""


def plan() -> list[Item]:
    items: list[Item] = []
    for fam, spec in ORDER_FAMILIES.items():
        for i, (code, suf) in enumerate(spec["shapes"]):
            rng = random.Random(f"{D.SEED}:{fam}:{i}")
            kind = spec["kind"][i] if isinstance(spec["kind"], list) else spec["kind"]
            cust = D.make_customer(rng, kind)
            ids = D.customer_ids(rng, cust)
            label = D.shape(rng, code)
            if suf == "/XY":
                suf = "/" + D.initials(*D.person(rng))
            elif suf == "unit":
                suf = " " + cust.extra["unit"]
            doc = D.Doc(
                fam,
                i,
                label,
                label + suf,
                cust,
                ids,
                D.some_day(rng),
                D.quote_no(rng),
                landscape=i in spec.get("landscape", set()),
            )
            st = spec["scans"].get(i)
            items.append(Item(doc, "scan" if st else "pdf-text", *(st or ("", ""))))
    for fam, spec in NEG_FAMILIES.items():
        for i in range(spec["n"]):
            rng = random.Random(f"{D.SEED}:{fam}:{i}")
            cust = D.make_customer(rng, spec["kind"])
            ids = D.customer_ids(rng, cust)
            quoted = D.shape(rng, rng.choice(QUOTED_SHAPES))
            doc = D.Doc(fam, i, "", "", cust, ids, D.some_day(rng), D.quote_no(rng), quoted=quoted)
            st = spec["scans"].get(i)
            items.append(Item(doc, "scan" if st else "pdf-text", *(st or ("", ""))))
    return items


def pdf_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return " ".join(doc[k].get_textpage().get_text_range() for k in range(len(doc)))
    finally:
        doc.close()


def compact(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum()).upper()


def build_pdf(it: Item) -> bytes:
    doc = it.doc
    rng = random.Random(f"{D.SEED}:{doc.family}:{doc.idx}:render")
    out = BUILDERS[doc.family](rng, doc.idx, doc)
    if isinstance(out, str):
        return W.render(out, landscape=doc.landscape)
    return out


def self_check(it: Item) -> None:
    """The rendered PDF says what the label says (for scans: the PDF they are made from)."""
    doc = it.doc
    text = pdf_text(it.pdf)
    flat = " ".join(text.split())
    where = f"{doc.family}:{doc.idx}"
    if doc.label:
        assert doc.printed in flat, (where, doc.printed)
        assert doc.label in flat, (where, doc.label)
        assert doc.printed.startswith(doc.label), where
    if doc.quoted and doc.family in ("neg_ar_commande", "neg_relance"):
        assert doc.quoted in flat, (where, doc.quoted)
    ids = doc.ids
    for printed, lab in ((ids.vat_printed, ids.vat_label), (ids.siret_printed, ids.siret_label)):
        if lab:
            assert compact(lab) in compact(text), (where, lab)
            assert compact(printed) == compact(lab), where
        elif printed:
            assert compact(printed) in compact(text), (where, printed)
    if ids.vat_label:
        assert D.vat_ok(ids.vat_label), where
        assert ids.vat_label[4:] != D.OWN_SIREN, where
    if ids.siret_label:
        assert D.luhn_ok(ids.siret_label) and len(ids.siret_label) == 14, where
        assert ids.siret_label[:9] != D.OWN_SIREN, where
    if doc.family == "ps_multipage":
        assert len(pdfium.PdfDocument(it.pdf)) >= 2, where


def hot_boxes(it: Item) -> S.Hot:
    doc = it.doc
    needle = doc.printed or doc.quoted
    hot = S.Hot(S.find(it.pdf, needle) if needle else [])
    ids = doc.ids
    for key, printed in (("vat", ids.vat_printed), ("siret", ids.siret_printed)):
        if printed:
            hot.idents[key] = S.find(it.pdf, printed)
    return hot


def file_name(it: Item) -> str:
    doc = it.doc
    return f"{doc.family}-{doc.idx + 1:02d}"


def make_scan(it: Item) -> None:
    doc = it.doc
    rng = random.Random(f"{D.SEED}:scan:{doc.family}:{doc.idx}")
    hot = hot_boxes(it)
    fn = S.STYLES[it.style]
    if it.style == "screenshot":
        fname = rng.choice(
            [
                f"{doc.family.split('_')[-1]}_{D.d(rng, 4)}.pdf",
                "document.pdf",
                f"impression ({rng.randrange(1, 9)}).pdf",
                "print.pdf",
            ]
        )
        res = fn(rng, it.pdf, hot, it.out, fname=fname)
    elif it.style == "lowtonerfax":
        res = fn(
            rng, it.pdf, hot, it.out, sender=f"{doc.cust.fax}  {P.plain_upper(doc.cust.name)[:24]}"
        )
    elif it.style == "signed":
        c = doc.cust
        res = fn(rng, it.pdf, hot, it.out, cust_lines=[c.name[:30], c.city_line, f"Tél. {c.phone}"])
    else:
        res = fn(rng, it.pdf, hot, it.out)
    it.data = res.data
    it.path = f"documents/{doc.family}/{file_name(it)}-{it.style}{res.ext}"
    ids = doc.ids
    shown = res.visible if it.style == "screenshot" else {"vat", "siret"}
    it.vat = ids.vat_label if "vat" in shown else ""
    it.siret = ids.siret_label if "siret" in shown else ""
    if it.style == "screenshot" and doc.label:
        assert hot.number and hot.number[0], (doc.family, doc.idx)


def build_documents(only: str | None) -> list[Item]:
    items = [it for it in plan() if only is None or it.doc.family == only]
    for it in items:
        it.pdf = build_pdf(it)
        self_check(it)
        if it.kind == "scan":
            make_scan(it)
            assert pdf_text(it.data).strip() == "" if it.data[:4] == b"%PDF" else True
        else:
            it.data = it.pdf
            it.path = f"documents/{it.doc.family}/{file_name(it)}.pdf"
            it.vat, it.siret = it.doc.ids.vat_label, it.doc.ids.siret_label
        print(f"{it.path:60s} {it.doc.label!r:22s} {len(it.data) // 1024:5d} KB", flush=True)
    return items


def write(out: Path, items: list[Item], mails: list[M.Mail]) -> None:
    with tempfile.TemporaryDirectory(prefix="h5out", dir=out) as tmp:
        stage = Path(tmp)
        rows = []
        for it in items:
            p = stage / it.path
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(it.data)
            rows.append([it.path, it.kind, "", it.doc.label, it.vat, it.siret])
        for m in mails:
            p = stage / m.path
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(m.data)
            rows.append([m.path, "eml", "1" if m.is_order else "0", m.order_number, "", ""])
        for sub in ("documents", "mails"):
            shutil.rmtree(out / sub, ignore_errors=True)
            if (stage / sub).exists():
                shutil.move(str(stage / sub), str(out / sub))
    with (out / "labels.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "is_order", "order_number", "vat", "siret"])
        w.writerows(rows)
    (out / "own_identifiers.txt").write_text(
        f"# The receiving supplier of this corpus ({D.OWN.name}): never the customer.\n"
        f"{D.OWN_SIREN}\n{D.OWN_SIRET}\n{D.OWN_VAT}\n",
        encoding="utf-8",
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--only")
    ap.add_argument("--no-mails", action="store_true")
    a = ap.parse_args()
    assert D.luhn_ok(D.OWN_SIREN) and D.luhn_ok(D.OWN_SIRET) and D.vat_ok(D.OWN_VAT)
    items = build_documents(a.only)
    mails = [] if a.no_mails or a.only else M.build_mails(random.Random(f"{D.SEED}:mails"), items)
    a.out.mkdir(parents=True, exist_ok=True)
    write(a.out, items, mails)
    total = sum(len(it.data) for it in items) + sum(len(m.data) for m in mails)
    print(f"{len(items)} documents, {len(mails)} mails, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
