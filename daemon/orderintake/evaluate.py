"""Measure the engine on a labelled corpus (``labels.csv``), against a naive baseline.

A rule change is only safe when its effect is measured: ``orderintake evaluate`` reads a
corpus in the public ``labels.csv`` format (``path,kind,is_order,order_number,vat,siret``),
extracts every document once (a process pool across cores), runs the engine with one or
two rule sets, and computes top-1/top-3 accuracy (exact and ignoring spaces) by kind and
layout family (the document's parent folder), the share of documents without an order
number that have nothing above the auto-accept threshold, VAT/SIRET recall and precision,
a reliability table (score bucket → observed precision), timings, and the failures.

The baseline is what a newcomer would write: the first match of the seed regex in the
text. Mail rows (kind ``eml``) are the mail classifier's to evaluate and are skipped.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from .errors import IntakeError, RuleFileError

SEED_REGEX = re.compile(
    r"(CF|BC|BDC|4000|PO|ZINV|CDA|CO|CDE|4500|CA|EJ|L |P.O.)?([-_ /\.]*)([0-9A-Z-_/\.]*)([0-9]{4})([0-9A-Z-_/\.]*)"
)
DOC_KINDS = ("pdf-text", "scan")
BUCKETS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1.0001)


@dataclass(frozen=True)
class LabelRow:
    path: str
    kind: str
    order_number: str
    vat: str
    siret: str

    @property
    def family(self) -> str:
        return Path(self.path).parent.name or "."


OWN_IDENTIFIERS_FILE = "own_identifiers.txt"


def corpus_own_identifiers(corpus: Path) -> tuple[str, ...]:
    """The receiving company's identifiers a corpus declares (``own_identifiers.txt``:
    one SIREN, SIRET or VAT per line, ``#`` comments), so that evaluating someone else's
    corpus does not take its supplier for the customer. Empty when the file is absent."""
    path = corpus / OWN_IDENTIFIERS_FILE
    if not path.is_file():
        return ()
    lines = (ln.split("#", 1)[0].strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return tuple(ln.replace(" ", "") for ln in lines if ln)


def read_labels(corpus: Path, kind: str | None = None) -> list[LabelRow]:
    """Document rows of ``corpus/labels.csv`` (eml rows skipped), checked."""
    path = corpus / "labels.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"path", "kind", "order_number", "vat", "siret"} - set(
                reader.fieldnames or ()
            )
            if missing:
                raise IntakeError(
                    f"{path}: missing column(s) {', '.join(sorted(missing))}; "
                    "expected path,kind,is_order,order_number,vat,siret"
                )
            rows = [
                LabelRow(
                    r["path"], r["kind"], r["order_number"] or "", r["vat"] or "", r["siret"] or ""
                )
                for r in reader
            ]
    except OSError as exc:
        raise IntakeError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return [r for r in rows if r.kind in DOC_KINDS and (kind is None or r.kind == kind)]


def compact(value: str) -> str:
    return "".join(value.split()).upper()


def baseline_answer(text: str) -> str | None:
    """The naive baseline: the first match of the seed regex anywhere in the text."""
    m = SEED_REGEX.search(text)
    return m.group(0).strip() if m else None


# --- one document, in a worker process -----------------------------------------------

_RULES_CACHE: dict[str, Any] = {}


def _rules(rules_dir: str) -> Any:
    from .engine_rules import load_engine_rules

    if rules_dir not in _RULES_CACHE:
        _RULES_CACHE[rules_dir] = load_engine_rules(Path(rules_dir))
    return _RULES_CACHE[rules_dir]


def _extract(path: Path, options: Any, cache: str | None) -> Any:
    """Extract a document, through an optional cache of pickled documents keyed by the
    file's bytes and the reading options (OCR costs seconds a page; rule iterations on
    scans should not pay it again). The cache is ours, written by this function only."""
    from .extract import extract_file

    if not cache:
        return extract_file(path, options)
    key = hashlib.sha256(path.read_bytes() + repr(options).encode()).hexdigest()
    target = Path(cache) / f"{key}.pickle"
    if target.is_file():
        with target.open("rb") as fh:
            return pickle.load(fh)
    doc = extract_file(path, options)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(doc, fh)
    os.replace(tmp, target)
    return doc


def evaluate_one(
    job: tuple[str, str, tuple[str, ...], tuple[str, ...], Any, str | None],
) -> dict[str, Any]:
    """Extract one document and analyse it with each rule set; a plain dict (picklable)."""
    from .analysis import analyse

    path, rel, rule_dirs, own, options, cache = job
    out: dict[str, Any] = {"path": rel, "error": None}
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        doc = _extract(Path(path), options, cache)
    except IntakeError as exc:
        out["error"] = str(exc)
        return out
    out["extract_ms"] = (time.perf_counter() - t0) * 1000
    out["extract_cpu_ms"] = (time.process_time() - c0) * 1000
    out["pages"] = max(len(doc.pages), 1)
    out["baseline"] = baseline_answer(doc.text)
    out["text"] = doc.text  # for the reader's own figure: is the number in the text at all?
    out["runs"] = []
    for rd in rule_dirs:
        t1, c1 = time.perf_counter(), time.process_time()
        a = analyse(doc, _rules(rd), own)
        engine_ms = (time.perf_counter() - t1) * 1000
        engine_cpu_ms = (time.process_time() - c1) * 1000
        out["runs"].append(
            {
                "engine_ms": engine_ms,
                "engine_cpu_ms": engine_cpu_ms,
                "candidates": [(c.value, c.score) for c in a.order_numbers[:3]],
                "vat": a.customer_vat.value if a.customer_vat else None,
                "siret": a.customer_siret.value if a.customer_siret else None,
            }
        )
    return out


# --- figures --------------------------------------------------------------------------


def _acc(items: list[tuple[LabelRow, dict[str, Any]]], run: int) -> dict[str, Any]:
    n = t1 = t1s = t3 = t3s = 0
    for row, rec in items:
        if not row.order_number:
            continue
        n += 1
        cands = [v for v, _ in rec["runs"][run]["candidates"]] if rec.get("runs") else []
        t1 += bool(cands) and cands[0] == row.order_number
        t1s += bool(cands) and compact(cands[0]) == compact(row.order_number)
        t3 += row.order_number in cands
        t3s += compact(row.order_number) in {compact(c) for c in cands}

    def pct(k: int) -> float | None:
        return round(100 * k / n, 2) if n else None

    return {
        "documents": n,
        "top1": pct(t1),
        "top1_ignoring_spaces": pct(t1s),
        "top3": pct(t3),
        "top3_ignoring_spaces": pct(t3s),
    }


def _top(rec: dict[str, Any], run: int) -> tuple[str | None, float]:
    cands = rec["runs"][run]["candidates"] if rec.get("runs") else []
    return (cands[0][0], cands[0][1]) if cands else (None, 0.0)


def suggest_threshold(
    items: list[tuple[LabelRow, dict[str, Any]]], run: int, precision: float = 0.995
) -> float | None:
    """The lowest score above which the top-1 answers are right at least ``precision``."""
    scored = sorted(
        (
            (_top(rec, run)[1], _top(rec, run)[0] == row.order_number and bool(row.order_number))
            for row, rec in items
            if _top(rec, run)[0] is not None
        ),
        reverse=True,
    )
    best = None
    right = 0
    for i, (score, ok) in enumerate(scored, 1):
        right += ok
        if right / i >= precision and (i == len(scored) or scored[i][0] < score):
            best = score
    return best


def compute(
    items: list[tuple[LabelRow, dict[str, Any]]], threshold: float, run: int = 0
) -> dict[str, Any]:
    ok = [(r, rec) for r, rec in items if rec.get("error") is None]
    res: dict[str, Any] = {"documents": len(items), "errors": len(items) - len(ok)}
    res["order_numbers"] = {"all": _acc(ok, run)}
    for kind in sorted({r.kind for r, _ in ok}):
        res["order_numbers"][kind] = _acc([x for x in ok if x[0].kind == kind], run)
    res["by_family"] = {
        f"{kind}/{fam}": _acc([x for x in ok if x[0].family == fam and x[0].kind == kind], run)
        for kind, fam in sorted({(r.kind, r.family) for r, _ in ok})
    }
    res["baseline"] = {}
    for kind in sorted({r.kind for r, _ in ok}):
        sub = [(r, rec) for r, rec in ok if r.kind == kind and r.order_number]
        right = sum(compact(rec["baseline"] or "") == compact(r.order_number) for r, rec in sub)
        res["baseline"][kind] = {
            "documents": len(sub),
            "top1_ignoring_spaces": round(100 * right / len(sub), 2) if sub else None,
        }
    # The readers' figure (issue 2): the exact order number string appears in the
    # extracted text; unreadable documents count as misses.
    res["text_recall"] = {}
    for kind in sorted({r.kind for r, _ in items}):
        sub = [(r, rec) for r, rec in items if r.kind == kind and r.order_number]
        exact = sum(r.order_number in (rec.get("text") or "") for r, rec in sub)
        loose = sum(compact(r.order_number) in compact(rec.get("text") or "") for r, rec in sub)
        res["text_recall"][kind] = {
            "documents": len(sub),
            "exact": round(100 * exact / len(sub), 2) if sub else None,
            "ignoring_spaces": round(100 * loose / len(sub), 2) if sub else None,
        }
    nonum = [(r, rec) for r, rec in ok if not r.order_number]
    quiet = sum(_top(rec, run)[1] < threshold for _, rec in nonum)
    res["no_number"] = {
        "documents": len(nonum),
        "threshold": threshold,
        "nothing_above_threshold": round(100 * quiet / len(nonum), 2) if nonum else None,
    }
    suggested = suggest_threshold(ok, run)
    res["suggested_threshold"] = suggested
    answered = [(r, rec) for r, rec in ok if _top(rec, run)[1] >= threshold]
    right = sum(_top(rec, run)[0] == r.order_number for r, rec in answered)
    res["auto_accept"] = {
        "threshold": threshold,
        "documents": len(answered),
        "precision": round(100 * right / len(answered), 2) if answered else None,
        "share_of_orders": round(
            100
            * sum(1 for r, _ in answered if r.order_number)
            / max(1, sum(1 for r, _ in ok if r.order_number)),
            2,
        ),
    }
    res["reliability"] = []
    for lo, hi in pairwise(BUCKETS):
        inb = [
            (r, rec)
            for r, rec in ok
            if _top(rec, run)[0] is not None and lo <= _top(rec, run)[1] < hi
        ]
        good = sum(_top(rec, run)[0] == r.order_number and bool(r.order_number) for r, rec in inb)
        res["reliability"].append(
            {
                "bucket": f"{lo:.2f}-{min(hi, 1.0):.2f}",
                "count": len(inb),
                "precision": round(100 * good / len(inb), 2) if inb else None,
            }
        )
    res["identifiers"] = {}
    for kind in sorted({r.kind for r, _ in ok}):
        sub = [(r, rec) for r, rec in ok if r.kind == kind]
        for key in ("vat", "siret"):
            want = [(getattr(r, key), rec["runs"][run][key]) for r, rec in sub]
            labelled = [(w, g) for w, g in want if w]
            given = [(w, g) for w, g in want if g]
            res["identifiers"][f"{kind}/{key}"] = {
                "labelled": len(labelled),
                "recall": round(
                    100 * sum(compact(w) == compact(g or "") for w, g in labelled) / len(labelled),
                    2,
                )
                if labelled
                else None,
                "precision": round(
                    100 * sum(compact(w) == compact(g) for w, g in given) / len(given), 2
                )
                if given
                else None,
            }
    res["identifier_failures"] = [
        {
            "path": r.path,
            "kind": key,
            "expected": getattr(r, key) or None,
            "got": rec["runs"][run][key],
        }
        for r, rec in ok
        for key in ("vat", "siret")
        if compact(getattr(r, key)) != compact(rec["runs"][run][key] or "")
        and (getattr(r, key) or rec["runs"][run][key])
    ]
    res["timing"] = {}
    for kind in sorted({r.kind for r, _ in ok}):
        recs = [rec for r, rec in ok if r.kind == kind]
        pages = sum(rec["pages"] for rec in recs)
        res["timing"][kind] = {
            "pages": pages,
            "extract_ms_per_page": round(sum(rec["extract_ms"] for rec in recs) / pages, 2),
            "extract_cpu_ms_per_page": round(sum(rec["extract_cpu_ms"] for rec in recs) / pages, 2),
            "engine_ms_per_page": round(
                sum(rec["runs"][run]["engine_ms"] for rec in recs) / pages, 3
            ),
            "engine_cpu_ms_per_page": round(
                sum(rec["runs"][run]["engine_cpu_ms"] for rec in recs) / pages, 3
            ),
        }
    res["failures"] = [
        {
            "path": r.path,
            "expected": r.order_number or None,
            "got": _top(rec, run)[0] if rec.get("runs") else None,
            "score": round(_top(rec, run)[1], 3) if rec.get("runs") else None,
            "error": rec.get("error"),
        }
        for r, rec in items
        if rec.get("error")
        or (r.order_number and _top(rec, run)[0] != r.order_number)
        or (not r.order_number and _top(rec, run)[1] >= threshold)
    ]
    return res


def compare(items: list[tuple[LabelRow, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Documents whose answer changed between rule set 0 (new) and 1 (baseline rules)."""
    out = []
    for r, rec in items:
        if rec.get("error"):
            continue
        new, old = _top(rec, 0)[0], _top(rec, 1)[0]
        if new == old:
            continue
        expected = r.order_number or None
        verdict = "better" if new == expected else "worse" if old == expected else "changed"
        out.append(
            {"path": r.path, "expected": expected, "before": old, "after": new, "verdict": verdict}
        )
    return out


def run_corpus(
    corpus: Path,
    rule_dirs: list[Path],
    own: tuple[str, ...],
    options: Any,
    *,
    jobs: int = 1,
    limit: int | None = None,
    kind: str | None = None,
    on_done: Callable[[], None] | None = None,
    cache: Path | None = None,
) -> list[tuple[LabelRow, dict[str, Any]]]:
    """Extract and analyse every labelled document (in input order)."""
    for rd in rule_dirs:
        _rules(str(rd))  # fail fast, in this process, on a bad rule file
    rows = read_labels(corpus, kind)[:limit] if limit else read_labels(corpus, kind)
    cache_dir = str(cache) if cache else None
    jobs_list = [
        (str(corpus / r.path), r.path, tuple(str(d) for d in rule_dirs), own, options, cache_dir)
        for r in rows
    ]
    results: Iterator[dict[str, Any]]
    if jobs <= 1:
        results = map(evaluate_one, jobs_list)
        out = []
        for rec in results:
            out.append(rec)
            if on_done:
                on_done()
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            out = []
            for rec in pool.map(evaluate_one, jobs_list, chunksize=2):
                out.append(rec)
                if on_done:
                    on_done()
    return list(zip(rows, out, strict=True))


__all__ = [
    "RuleFileError",
    "compare",
    "compute",
    "corpus_own_identifiers",
    "read_labels",
    "run_corpus",
    "suggest_threshold",
]
