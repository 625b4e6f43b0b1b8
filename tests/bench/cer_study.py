"""Character error rate of the OCR with and without each preprocessing step.

    .venv/bin/python tests/bench/cer_study.py [CORPUS] [--limit N] [--jobs 2]

CORPUS is a folder laid out like the training set: scans under ``documents/`` (PDF
without a text layer, PNG, JPEG, TIFF, BMP) and the true text of each under
``truth/<same relative path>.txt``; an optional ``labels.csv`` (``path,...,order_number``)
adds an "order number found" column. Without CORPUS, a small corpus is generated first
(reportlab orders rendered at 300 and 200 dpi, clean and degraded; the truth is the text
layer of the same PDF read by our own PDF reader, i.e. in the same reading order).

Scans are grouped by the first folder under ``documents/`` (e.g. ``clean-300``,
``noisy-200``) or, with ``--group-by suffix``, by file type (the training set keeps
its layouts in folders and its scan kinds in the suffix). Each variant switches one step off (or one extra step on) relative to the
default :class:`~orderintake.extract.OcrSteps`; a step earns its place when switching it
off raises the CER. The result is a Markdown table for ``docs/ocr.md``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from orderintake.extract import ExtractOptions, OcrSteps, extract_bytes  # noqa: E402

SCAN_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}

VARIANTS: dict[str, OcrSteps] = {
    "default (upscale + median 3 + deskew + rules + Otsu, psm 6, skipped rows, bilevel 2nd read)": (
        OcrSteps()
    ),
    "without upscale (<250 dpi)": OcrSteps(upscale=False),
    "without median 3": OcrSteps(denoise=False),
    "without deskew": OcrSteps(deskew=False),
    "without rule removal": OcrSteps(rules=False),
    "without the skipped-rows read": OcrSteps(recover=False),
    "without Otsu": OcrSteps(binarize="none"),
    "adaptive instead of Otsu": OcrSteps(binarize="adaptive"),
    "psm 3 instead of 6": OcrSteps(psm=3),
    "without the bilevel second read": OcrSteps(bilevel_second_read=False),
    "without lighting flattening": OcrSteps(flatten=False),
    "no preprocessing at all": OcrSteps(
        flatten=False,
        upscale=False,
        denoise=False,
        deskew=False,
        binarize="none",
        rules=False,
        recover=False,
        bilevel_second_read=False,
    ),
}


def levenshtein(a: str, b: str) -> int:
    """Edit distance, bit-parallel (Hyyrö 2001): fast enough for whole pages in Python."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    m = len(a)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    peq: dict[str, int] = defaultdict(int)
    for i, c in enumerate(a):
        peq[c] |= 1 << i
    pv, mv, score = full, 0, m
    for c in b:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
    return score


def normalise(text: str) -> str:
    """One space between words, no empty lines: layout spacing is not an OCR error."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def make_corpus(folder: Path, per_set: int) -> None:
    """Generated orders as scans, with their truth, in the training-set layout."""
    import docgen

    layouts = ["header", "table"]
    numbers = ["PO-2024-08817", "4500012345", "CF20230987", "BDC-2026/0412", "EJ 1100234567"]
    sets = {
        "clean-300": (300, None),
        "noisy-300": (300, 1),
        "noisy-200": (200, 1),
        "photo-300": (300, 2),  # on a dark desk, light falling off across the sheet
    }
    labels = ["path,kind,is_order,order_number,vat,siret"]
    for name, (dpi, noisy) in sets.items():
        for i in range(per_set):
            number = numbers[i % len(numbers)]
            pdf, _ = docgen.order_pdf(number, layouts[i % 2])
            gray = docgen.render_gray(pdf, dpi)
            if noisy == 2:
                gray = docgen.photo(gray, seed=i)
            elif noisy:
                angle = (1.0 + 0.5 * i) * (-1) ** i  # 1–2.5°, both ways
                gray = docgen.degrade(gray, angle=angle, noise=10 + 2 * i, seed=i)
            rel = Path("documents") / name / f"order{i}.pdf"
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(docgen.image_pdf([gray], dpi))
            truth = extract_bytes(pdf, "truth.pdf", ExtractOptions()).text
            t = folder / "truth" / (str(rel.relative_to("documents")) + ".txt")
            t.parent.mkdir(parents=True, exist_ok=True)
            t.write_text(truth, encoding="utf-8")
            labels.append(f"{rel.as_posix()},scan,,{number},,")
    (folder / "labels.csv").write_text("\n".join(labels) + "\n", encoding="utf-8")


def find_scans(corpus: Path, group_by: str = "folder") -> list[tuple[str, Path, Path]]:
    """(group, scan, truth) for every scan that has a truth file.

    The truth of ``documents/a/b.pdf`` is looked for as ``truth/documents/a/b.pdf.txt``
    (the training set's layout), ``truth/a/b.pdf.txt`` or ``truth/a/b.txt``.
    """
    out = []
    docs = corpus / "documents"
    for p in sorted(docs.rglob("*")):
        if p.suffix.lower() not in SCAN_SUFFIXES or not p.is_file():
            continue
        rel = p.relative_to(docs)
        for truth in (
            corpus / "truth" / (str(p.relative_to(corpus)) + ".txt"),
            corpus / "truth" / (str(rel) + ".txt"),
            corpus / "truth" / rel.with_suffix(".txt"),
        ):
            if truth.is_file():
                if group_by == "suffix":
                    group = p.suffix.lower().lstrip(".")
                else:
                    group = rel.parts[0] if len(rel.parts) > 1 else "all"
                out.append((group, p, truth))
                break
    return out


def read_labels(corpus: Path) -> dict[str, str]:
    path = corpus / "labels.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["path"]: row.get("order_number") or "" for row in csv.DictReader(fh)}


def run_one(job: tuple[str, str, str, str, str]) -> tuple[int, int, int, float, int, int]:
    """(edit distance, truth length, pages, seconds, read ok, order number found 1/0/-1)."""
    variant, _group, scan, truth, number = job
    options = ExtractOptions(steps=VARIANTS[variant])
    t = time.perf_counter()
    try:
        doc = extract_bytes(Path(scan).read_bytes(), scan, options)
    except Exception as exc:  # report, do not stop the study
        print(f"{scan}: {exc}", file=sys.stderr)
        return 1, 1, 0, 0.0, 0, 0 if number else -1
    elapsed = time.perf_counter() - t
    if any(p.source != "ocr" for p in doc.pages):
        return 0, 0, 0, 0.0, 0, -1  # a text PDF: not a scan
    ocr, ref = normalise(doc.text), normalise(Path(truth).read_text(encoding="utf-8"))
    hit = (1 if number in doc.text else 0) if number else -1
    return levenshtein(ref, ocr), len(ref), len(doc.pages), elapsed, 1, hit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, help="folder with documents/ and truth/")
    ap.add_argument("--limit", type=int, default=0, help="at most N scans per group")
    ap.add_argument("--per-set", type=int, default=3, help="generated scans per group")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--group-by",
        choices=("folder", "suffix"),
        default="folder",
        help="group scans by their first folder under documents/ or by file type",
    )
    ap.add_argument("--variants", default="", help="comma-separated variant numbers (1-based)")
    ap.add_argument("--details", action="store_true", help="print each scan's CER to stderr")
    args = ap.parse_args()
    corpus = args.corpus
    if corpus is None:
        corpus = Path(tempfile.mkdtemp(prefix="cer-corpus-"))
        make_corpus(corpus, args.per_set)
        print(f"generated corpus: {corpus}", file=sys.stderr)
    scans = find_scans(corpus, args.group_by)
    if args.limit:
        kept: dict[str, int] = defaultdict(int)
        limited = []
        for s in scans:
            if kept[s[0]] < args.limit:
                kept[s[0]] += 1
                limited.append(s)
        scans = limited
    if not scans:
        sys.exit(f"{corpus}: no scan with a truth file under documents/ and truth/")
    labels = read_labels(corpus)
    names = list(VARIANTS)
    if args.variants:
        names = [names[int(i) - 1] for i in args.variants.split(",")]
    jobs = []
    for v in names:
        for g, scan, truth in scans:
            rel = scan.relative_to(corpus).as_posix()
            number = labels.get(rel) or labels.get(scan.name) or ""
            jobs.append((v, g, str(scan), str(truth), number))
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0.0, 0])
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for job, (dist, n, pages, secs, ok, hit) in zip(jobs, pool.map(run_one, jobs), strict=True):
            acc = totals[(job[0], job[1])]
            for i, value in enumerate((dist, n, pages, secs, ok)):
                acc[i] += value
            if args.details:
                cer = f"{100 * dist / n:6.2f}%" if n else "   n/a"
                print(f"{cer} hit={hit} {job[0]} | {job[2]}", file=sys.stderr)
            if hit >= 0:
                found[job[0]][0] += hit
                found[job[0]][1] += 1
    groups = sorted({g for g, _, _ in scans})
    head = "| variant | " + " | ".join(f"CER {g}" for g in groups)
    print(head + " | order number found | s/page |")
    print("|" + "---|" * (len(groups) + 3))
    for v in names:
        cells = []
        pages = secs = 0.0
        for g in groups:
            dist, n, p, s, _ok = totals[(v, g)]
            cells.append(f"{100 * dist / n:.2f}%" if n else "–")
            pages += p
            secs += s
        per_page = f"{secs / pages:.2f}" if pages else "–"
        hits, tries = found[v]
        numbers = f"{hits}/{tries}" if tries else "–"
        print(f"| {v} | " + " | ".join(cells) + f" | {numbers} | {per_page} |")
    counts = {g: sum(1 for gg, _, _ in scans if gg == g) for g in groups}
    print("\nscans per group: " + ", ".join(f"{g} {c}" for g, c in counts.items()))


if __name__ == "__main__":
    main()
