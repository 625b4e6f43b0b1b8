"""Generate the frozen holdout corpus: documents, mails and labels.csv.

    .venv/bin/python training_set/holdout/generate_holdout.py [--out DIR]

Independent of ``training_set/`` on purpose (own layouts, fpdf2 instead of reportlab,
Pillow instead of OpenCV for the scans): it measures the engine on papers it was not tuned
on. Deterministic: the same seed gives byte-identical files. See README.md for the label
rules; the corpus is FROZEN and must not be changed to fit the engine.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # helper modules live next to this script
    sys.path.insert(0, str(HERE))

from hold_content import Ctx, make_ctx  # noqa: E402
from hold_negatives import NEGATIVES  # noqa: E402
from hold_orders_a import LAYOUTS_A  # noqa: E402
from hold_orders_b import LAYOUTS_B  # noqa: E402
from hold_scans import ScanPlan, scan  # noqa: E402

SEED = 20240902
TEXT_PER_ORDER_FAMILY = 6
SCANS_PER_ORDER_FAMILY = 3
TEXT_PER_NEGATIVE_FAMILY = 3
SCANS_PER_NEGATIVE_FAMILY = 1

# family -> (customer sector, customer country)
ORDER_FAMILIES: dict[str, tuple[str | None, str]] = {
    "erp_grid": ("industry", "FR"),
    "hospital_ej": ("hospital", "FR"),
    "university_cnrs": ("university", "FR"),
    "btp_ordre_achat": ("construction", "FR"),
    "english_po": (None, "XX"),
    "excel_grid": ("small", "FR"),
    "footer_number": ("industry", "FR"),
    "letter_style": (None, "FR"),
    "sap_header": ("industry", "FR"),
    "two_page": (None, "FR"),
    "small_shop": ("small", "FR"),
    "retail_chain": ("retail", "FR"),
    "belgian_bilingual": (None, "BE"),
    "landscape_requisition": (None, "FR"),
}
LAYOUTS = {**LAYOUTS_A, **LAYOUTS_B}
HEADER = ["path", "kind", "is_order", "order_number", "vat", "siret"]


@dataclass(frozen=True)
class Doc:
    """One generated paper, kept in memory so that mails can attach it."""

    path: str  # relative to the corpus folder
    kind: str  # pdf-text | scan
    data: bytes
    order_number: str
    vat: str
    siret: str
    family: str
    source_pdf: bytes  # the text PDF a scan was made from (mails may attach either)
    customer: str  # who sent it: mails are written by this customer
    email: str


def _make(family: str, rng: random.Random) -> tuple[bytes, str, Ctx]:
    if family in NEGATIVES:
        ctx = make_ctx(rng, rng.choice([None, "industry", "hospital", "small"]))
        pdf, number = NEGATIVES[family](ctx)
    else:
        sector, country = ORDER_FAMILIES[family]
        ctx = make_ctx(rng, sector, country)
        pdf, number = LAYOUTS[family](ctx)
    return pdf, number, ctx


def _scan_plan(rng: random.Random, n: int, multipage: bool) -> ScanPlan:
    profile = ["office", "skewed", "photocopy", "fax", "phone"][n % 5]
    fmt = {
        "office": rng.choice(["pdf", "png"]),
        "skewed": rng.choice(["pdf", "jpg"]),
        "photocopy": "pdf",
        "fax": rng.choice(["tif", "pdf"]),
        "phone": "jpg",
    }[profile]
    if multipage and fmt not in ("pdf", "tif"):
        fmt = "pdf"
    dpi = {"fax": 200, "phone": rng.choice([150, 200])}.get(profile, rng.choice([200, 240, 300]))
    angle = 0.0
    if profile in ("skewed", "phone"):
        angle = round(rng.uniform(0.7, 2.5) * rng.choice([-1, 1]), 2)
    elif rng.random() < 0.4:
        angle = round(rng.uniform(-0.4, 0.4), 2)
    shift = (rng.randint(-25, 40), rng.randint(-20, 40)) if rng.random() < 0.4 else (0, 0)
    return ScanPlan(profile, dpi, angle, shift, fmt)


def _one(task: tuple[str, int, int, int]) -> Doc:
    """One paper from its own seed: independent of the others, so a process pool may make it."""
    family, i, n_text, scan_no = task
    rng = random.Random(f"{SEED}:{family}:{i}")
    pdf, number, ctx = _make(family, rng)
    vat, siret = ctx.vat_label, ctx.siret_label
    who = (ctx.customer.name, ctx.customer.email)
    if i < n_text:
        path = f"documents/{family}/{family}_{i + 1:02d}.pdf"
        return Doc(path, "pdf-text", pdf, number, vat, siret, family, pdf, *who)
    plan = _scan_plan(rng, scan_no, multipage=family == "two_page")
    data = scan(pdf, plan, seed=SEED + scan_no + 1)
    path = f"documents/{family}/{family}_scan_{i + 1 - n_text:02d}_{plan.profile}.{plan.fmt}"
    return Doc(path, "scan", data, number, vat, siret, family, pdf, *who)


def build_documents(jobs: int = 1) -> list[Doc]:
    families = [(f, TEXT_PER_ORDER_FAMILY, SCANS_PER_ORDER_FAMILY) for f in ORDER_FAMILIES]
    families += [(f, TEXT_PER_NEGATIVE_FAMILY, SCANS_PER_NEGATIVE_FAMILY) for f in NEGATIVES]
    tasks: list[tuple[str, int, int, int]] = []
    scan_no = 0
    for family, n_text, n_scan in families:
        for i in range(n_text + n_scan):
            tasks.append((family, i, n_text, scan_no))
            if i >= n_text:
                scan_no += 1
    if jobs <= 1:
        return [_one(t) for t in tasks]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_one, tasks, chunksize=4))


def write_corpus(out: Path, jobs: int = 1) -> tuple[int, int]:
    from hold_mails import build_mails

    docs = build_documents(jobs)
    mails = build_mails(docs, SEED)
    rows: list[list[str]] = []
    for d in docs:
        target = out / d.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(d.data)
        rows.append([d.path, d.kind, "", d.order_number, d.vat, d.siret])
    for m in mails:
        target = out / m.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(m.data)
        rows.append([m.path, "eml", "1" if m.is_order else "0", m.order_number, m.vat, m.siret])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    (out / "labels.csv").write_text(buf.getvalue(), encoding="utf-8")
    return len(docs), len(mails)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=HERE, help="output folder (default: this folder)"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    n_docs, n_mails = write_corpus(args.out, args.jobs)
    print(
        f"holdout: {n_docs} documents, {n_mails} mails in {args.out} ({time.perf_counter() - start:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
