"""Benchmark of the document readers: each figure beside its floor, measured in this run.

    .venv/bin/python tests/bench/bench_extract.py [--quick]

Prints a table (issue 2 §7): text PDFs (ours vs bare pdfminer ``extract_pages``), 300-dpi
scans (ours: render + preprocess + OCR, vs the bare ``tesseract`` command on the same
rendered page; also as CPU seconds, ours and Tesseract's, which other jobs on the machine
disturb less than wall time), pages/minute with ``--jobs 1`` and ``--jobs 2``, the whole
``orderintake extract one-page.pdf`` process, and peak RSS on a 50-page scanned PDF.
The machine is shared: runs are interleaved and the best of each is kept, so compare the
ratios, not the absolute times. ``--quick`` uses fewer pages (for a smoke run).
Inputs are generated (tests/extract/docgen.py), nothing is downloaded.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "extract"))

import cv2  # noqa: E402
import docgen  # noqa: E402
from orderintake.extract import ExtractOptions, extract_bytes  # noqa: E402

EXE = Path(sys.executable).parent / "orderintake"
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def best(fn, runs: int) -> float:
    return min(fn() for _ in range(runs))


def cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def wall(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def cpu_all(fn) -> float:
    """CPU seconds of this process and of the children it waited for (Tesseract): less
    disturbed than wall time by other jobs on a shared machine."""
    own, kids = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    fn()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        time.process_time() - own + after.ru_utime + after.ru_stime - kids.ru_utime - kids.ru_stime
    )


def tesseract(cmd: list[str]) -> None:
    subprocess.run(cmd, capture_output=True, check=True, env=ENV)


def pdfminer_pages(data: bytes) -> None:
    import io

    from pdfminer.high_level import extract_pages

    for page in extract_pages(io.BytesIO(data)):
        for _ in page:
            pass


def child_run(args: list[str]) -> float:
    """Wall seconds of one child process."""
    t = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer pages, fewer runs")
    args = ap.parse_args()
    runs = 2 if args.quick else 5
    n_scan = 2 if args.quick else 3
    n_rss = 10 if args.quick else 50
    options = ExtractOptions()
    rows: list[tuple[str, str, str, str, str]] = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-extract-"))

    # --- text PDFs -----------------------------------------------------------------
    for pages in (1, 50):
        data, _ = docgen.order_pdf(pages=pages)
        extract_bytes(data, "warm.pdf", options)  # imports and caches warmed for both
        pdfminer_pages(data)
        r = 2 if pages == 50 else runs * 2
        ours, floor = [], []
        for _ in range(r):
            ours.append(cpu(lambda d=data: extract_bytes(d, "x.pdf", options)))
            floor.append(cpu(lambda d=data: pdfminer_pages(d)))
        o, f = min(ours) / pages * 1000, min(floor) / pages * 1000
        rows.append(
            (
                f"text PDF, {pages} page(s): CPU ms/page",
                f"{o:.1f}",
                f"{f:.1f}",
                f"{o / f:.2f}x",
                "<= 1.3x",
            )
        )

    # --- 300-dpi scans: ours vs bare tesseract -------------------------------------
    clean = docgen.render_gray(docgen.order_pdf()[0], 300)
    scans = [
        docgen.degrade(clean, angle=a, noise=10, seed=i) for i, a in enumerate((1.2, -0.8, 1.8))
    ][:n_scan]
    ours_t, floor_t, prepped_t = [], [], []
    ours_c: list[tuple[int, float]] = []
    floor_c: list[tuple[int, float]] = []
    from orderintake.extract.ocr import image_file, preprocess
    from orderintake.extract.pdf import _Renderer

    for i, g in enumerate(scans):
        pdf = docgen.image_pdf([g], 300)
        png = tmp / f"page{i}.png"
        rendered = _Renderer(pdf).gray(0, 300)
        # The floor reads the page exactly as pdfium renders it from that PDF.
        cv2.imwrite(str(png), rendered)
        # The prepared page in the file format ocr.py hands to Tesseract.
        suffix, data = image_file(
            preprocess(rendered, 300, options.steps).image, options.steps.binarize != "none"
        )
        pgm = tmp / f"page{i}-prepared{suffix}"
        pgm.write_bytes(data)
        cmd = [
            "tesseract",
            str(png),
            "-",
            "-l",
            options.lang,
            "--psm",
            str(options.steps.psm),
            "tsv",
        ]
        cmd2 = [
            "tesseract",
            str(pgm),
            "-",
            "-l",
            options.lang,
            "--psm",
            str(options.steps.psm),
            "tsv",
        ]
        for _ in range(3 if args.quick else 4):
            ours_t.append((i, wall(lambda p=pdf: extract_bytes(p, "s.pdf", options))))
            floor_t.append((i, wall(lambda c=cmd: tesseract(c))))
            prepped_t.append((i, wall(lambda c=cmd2: tesseract(c))))
            ours_c.append((i, cpu_all(lambda p=pdf: extract_bytes(p, "s.pdf", options))))
            floor_c.append((i, cpu_all(lambda c=cmd: tesseract(c))))

    def per_page(samples: list[tuple[int, float]]) -> float:
        return statistics.mean(min(t for j, t in samples if j == i) for i in range(len(scans)))

    o, f, f2 = per_page(ours_t), per_page(floor_t), per_page(prepped_t)
    rows.append(
        (
            "300-dpi scan: s/page (render+prep+OCR)",
            f"{o:.2f}",
            f"{f:.2f}",
            f"{o / f:.2f}x",
            "<= 1.15x",
        )
    )
    rows.append(
        (
            "  same, floor = tesseract on our prepared page",
            f"{o:.2f}",
            f"{f2:.2f}",
            f"{o / f2:.2f}x",
            "(our own overhead)",
        )
    )
    oc, fc = per_page(ours_c), per_page(floor_c)
    rows.append(
        (
            "  same, CPU s/page (ours + Tesseract vs Tesseract)",
            f"{oc:.2f}",
            f"{fc:.2f}",
            f"{oc / fc:.2f}x",
            "(less noisy)",
        )
    )

    # --- pages/minute with --jobs 1 / 2 --------------------------------------------
    folder = tmp / "scans"
    folder.mkdir()
    n_pages = 4 if args.quick else 8
    for i in range(n_pages):
        g = docgen.degrade(clean, angle=0.5 + 0.3 * i, noise=10, seed=10 + i)
        (folder / f"scan{i}.pdf").write_bytes(docgen.image_pdf([g], 300))
    ppm = {}
    for jobs in (1, 2):
        t = child_run([str(EXE), "extract", "--json", "--jobs", str(jobs), str(folder)])
        ppm[jobs] = n_pages / t * 60
    rows.append(
        (
            "scans: pages/minute --jobs 1 / --jobs 2",
            f"{ppm[1]:.1f} / {ppm[2]:.1f}",
            "",
            f"{ppm[2] / ppm[1]:.2f}x",
            "(2 cores)",
        )
    )

    # --- whole process on a one-page text PDF --------------------------------------
    one = tmp / "one-page.pdf"
    one.write_bytes(docgen.order_pdf()[0])
    times = [child_run([str(EXE), "extract", str(one)]) for _ in range(runs + 2)]
    rows.append(
        (
            "`orderintake extract one-page.pdf` wall s",
            f"{min(times):.3f} (median {statistics.median(times):.3f})",
            "",
            "",
            "<= 0.5 s",
        )
    )

    # --- peak RSS, n-page scanned PDF ----------------------------------------------
    big = tmp / f"scan{n_rss}.pdf"
    g = docgen.degrade(clean, angle=1.0, noise=10)
    big.write_bytes(docgen.image_pdf([g] * n_rss, 300))
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M %e", str(EXE), "extract", "--json", str(big)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    kib, secs = proc.stderr.strip().splitlines()[-1].split()
    rows.append(
        (
            f"peak RSS, {n_rss}-page scanned PDF",
            f"{int(kib) / 1024:.0f} MiB",
            "",
            f"{float(secs):.0f} s",
            "< 500 MB",
        )
    )

    shutil.rmtree(tmp, ignore_errors=True)
    w = max(len(r[0]) for r in rows)
    print(f"{'figure':<{w}}  {'ours':>24}  {'floor':>8}  {'ratio':>7}  target")
    for name, ours_s, floor_s, ratio, target in rows:
        print(f"{name:<{w}}  {ours_s:>24}  {floor_s:>8}  {ratio:>7}  {target}")


if __name__ == "__main__":
    main()
