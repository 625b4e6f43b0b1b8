"""What learning from clerks gains, on a simulated stream of repeat customers.

    .venv/bin/python tests/bench/bench_learning.py [--orders 12] [--scan-orders 6]
        [--no-scans] [--jobs 2] [--write-doc]

Each simulated customer (``tests/learning/learning_stream.py``) sends its orders over time with
its own layout and order-number shape; the orders of all customers arrive interleaved.
Every document is drawn, read by the real readers (pdfminer, or OpenCV + Tesseract for
the scanned customers) and analysed by the real engine once; then the stream is replayed
in order: each order is ranked without learning (the engine's top-1) and with
``learning.rerank`` using the profile learned from that customer's *earlier* orders, the
clerk validates the true number, and the validation becomes the next example. Ground
truth plays the clerk. The replay is cheap, so several weightings are compared on the
same analyses. ``--write-doc`` puts the figures into ``docs/learning.md``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "learning"))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import learning_stream as stream  # noqa: E402
from orderintake import learning  # noqa: E402
from orderintake.analysis import analyse  # noqa: E402
from orderintake.engine_rules import load_engine_rules  # noqa: E402
from orderintake.extract import ExtractOptions, extract_bytes  # noqa: E402
from orderintake.model import Candidate  # noqa: E402

DOC = ROOT / "docs" / "learning.md"
BEGIN, END = "<!-- bench_learning:begin -->", "<!-- bench_learning:end -->"
BUCKETS = [(1, 1), (2, 2), (3, 3), (4, 5), (6, 10), (11, 10_000)]


@dataclass(frozen=True)
class Analysed:
    candidates: tuple[Candidate, ...]
    sizes: dict[int, tuple[float, float]]
    ocr_pages: frozenset[int]
    truth: str
    seconds: float


def _analyse(job: tuple[stream.Customer, int]) -> Analysed:
    cust, i = job
    t0 = time.perf_counter()
    pdf, truth = cust.draw(i)
    doc = extract_bytes(pdf, f"{cust.key}-{i}.pdf", ExtractOptions())
    result = analyse(doc, _rules())  # type: ignore[arg-type]
    return Analysed(
        result.order_numbers,
        learning.page_sizes_of(doc),
        learning.ocr_pages_of(doc),
        truth,
        time.perf_counter() - t0,
    )


_rules_cache: list[object] = []


def _rules() -> object:
    """The engine rules, loaded once per worker process."""
    if not _rules_cache:
        _rules_cache.append(load_engine_rules(ROOT / "rules"))
    return _rules_cache[0]


@dataclass(frozen=True)
class Outcome:
    customer: str
    group: str
    index: int  # 1-based: the customer's k-th order
    base_ok: bool
    learned_ok: bool
    in_candidates: bool
    reasons: tuple[str, ...]


def replay(
    events: Sequence[tuple[stream.Customer, int]],
    analysed: Sequence[Analysed],
    weights: learning.RerankWeights = learning.DEFAULT_WEIGHTS,
    min_examples: int = 2,
) -> tuple[list[Outcome], float]:
    """The stream in order, learning from each validation; also µs per order spent in
    ``learn_profile`` + ``rerank``."""
    history: dict[str, list[learning.ValidatedExample]] = defaultdict(list)
    out: list[Outcome] = []
    spent = 0.0
    for (cust, i), a in zip(events, analysed, strict=True):
        t0 = time.perf_counter()
        profile = learning.learn_profile(history[cust.key], min_examples=min_examples)
        ranked = learning.rerank(a.candidates, profile, a.sizes, weights, ocr_pages=a.ocr_pages)
        spent += time.perf_counter() - t0
        base_ok = bool(a.candidates) and a.candidates[0].value == a.truth
        learned_ok = bool(ranked) and ranked[0].value == a.truth
        offered = next((c for c in a.candidates if c.value == a.truth), None)
        # The clerk accepts the candidate showing the right number, repaired or not.
        accepted = offered or next((c for c in ranked if c.value == a.truth), None)
        history[cust.key].append(
            learning.example_from(cust.key, a.truth, accepted, a.sizes, engine_top1_right=base_ok)
        )
        reasons = ranked[0].reasons if ranked else ()
        out.append(
            Outcome(cust.key, cust.group, i + 1, base_ok, learned_ok, offered is not None, reasons)
        )
    return out, spent / max(1, len(events)) * 1e6


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f} % ({n}/{d})" if d else "–"


def _row(label: str, items: list[Outcome]) -> str:
    n = len(items)
    base = sum(o.base_ok for o in items)
    learned = sum(o.learned_ok for o in items)
    fixed = sum(o.learned_ok and not o.base_ok for o in items)
    broken = sum(o.base_ok and not o.learned_ok for o in items)
    missing = sum(not o.in_candidates for o in items)
    return (
        f"| {label} | {n} | {_pct(base, n)} | {_pct(learned, n)} | {fixed} | {broken} | {missing} |"
    )


HEAD = (
    "| | orders | top-1 without learning | top-1 with learning | fixed | broken "
    "| truth not a candidate |\n|---|---|---|---|---|---|---|"
)


def report(
    outcomes: list[Outcome], variants: dict[str, list[Outcome]], us: float, extra: str
) -> str:
    lines = [extra, "", "### By group", "", HEAD]
    lines.append(_row("all", outcomes))
    for group in ("corpus", "hard", "scan"):
        items = [o for o in outcomes if o.group == group]
        if items:
            lines.append(_row(group, items))
    lines += ["", "### By the customer's k-th order", "", HEAD]
    for lo, hi in BUCKETS:
        items = [o for o in outcomes if lo <= o.index <= hi]
        label = f"order {lo}" if lo == hi else f"orders {lo}–{hi}" if hi < 10_000 else f"{lo}+"
        if items:
            lines.append(_row(label, items))
    later = [o for o in outcomes if o.index >= 3]
    lines += ["", "### After the 2nd order (a profile exists)", "", HEAD, _row("all", later)]
    for group in ("corpus", "hard", "scan"):
        items = [o for o in later if o.group == group]
        if items:
            lines.append(_row(group, items))
    lines += ["", "### Per customer", "", HEAD]
    for key in dict.fromkeys(o.customer for o in outcomes):
        lines.append(_row(key, [o for o in outcomes if o.customer == key]))
    lines += ["", "### Weightings compared (same analyses)", "", HEAD]
    for name, items in variants.items():
        lines.append(_row(name, items))
    example = next((o for o in outcomes if o.learned_ok and not o.base_ok and o.reasons), None)
    if example:
        learned = [r for r in example.reasons if r.startswith("learned:")]
        lines += [
            "",
            f"Evidence shown on a fixed order ({example.customer}, order "
            f"{example.index}): " + "; ".join(f"“{r}”" for r in learned),
        ]
    lines += ["", f"`learn_profile` + `rerank`: {us:.0f} µs per order (pure Python)."]
    return "\n".join(lines)


VARIANTS = {
    "default weights": (learning.DEFAULT_WEIGHTS, 2),
    "shape + prefix only": (replace(learning.DEFAULT_WEIGHTS, keyword=0, zone=0), 2),
    "label + place only": (
        replace(learning.DEFAULT_WEIGHTS, shape=0, prefix=0, length=0, mismatch=0),
        2,
    ),
    "no demotion": (replace(learning.DEFAULT_WEIGHTS, mismatch=0), 2),
    "no OCR repair to the usual shape": (replace(learning.DEFAULT_WEIGHTS, repair=False), 2),
    "double weights": (
        learning.RerankWeights(4.0, 1.6, 0.6, 1.6, 2.0, -1.4),
        2,
    ),
    "profile from 1 example": (learning.DEFAULT_WEIGHTS, 1),
    "profile from 3 examples": (learning.DEFAULT_WEIGHTS, 3),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--orders", type=int, default=12, help="orders per text customer")
    ap.add_argument("--scan-orders", type=int, default=6, help="orders per scanned customer")
    ap.add_argument("--no-scans", action="store_true", help="leave the OCR customers out")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write-doc", action="store_true", help=f"write figures into {DOC}")
    args = ap.parse_args()
    custs = stream.customers(scans=not args.no_scans)
    orders = {c.key: args.scan_orders if c.group == "scan" else args.orders for c in custs}
    events = stream.stream(custs, orders)
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        analysed = list(pool.map(_analyse, events, chunksize=2))
    wall = time.perf_counter() - t0
    outcomes, us = replay(events, analysed)
    variants = {name: replay(events, analysed, w, k)[0] for name, (w, k) in VARIANTS.items()}
    n_text = sum(1 for c, _ in events if c.group != "scan")
    extra = (
        f"Stream: {len(custs)} customers, {len(events)} orders ({n_text} text PDFs, "
        f"{len(events) - n_text} scans read with OCR), interleaved; drawn, read and "
        f"analysed in {wall:.0f} s wall with {args.jobs} processes."
    )
    text = report(outcomes, variants, us, extra)
    print(text)
    if args.write_doc:
        doc = DOC.read_text(encoding="utf-8")
        a, b = doc.index(BEGIN) + len(BEGIN), doc.index(END)
        DOC.write_text(doc[:a] + "\n" + text + "\n" + doc[b:], encoding="utf-8")
        print(f"\nwritten to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
