"""Generate the labelled training corpus: ``python -m training_set.generate [--out DIR]``.

Deterministic: every document and mail is drawn from a generator seeded with its own
name, so the same files and the byte-identical ``labels.csv`` come out on every run, and
a subset (``--only``) is identical to the same files of a full run. Labels are read
back from what each document actually printed. See ``docs/corpus.md``.
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import io
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from training_set.gen import documents, mails
from training_set.gen.documents import DocItem, Drawn

COLUMNS = ["path", "kind", "is_order", "order_number", "vat", "siret"]
HERE = Path(__file__).resolve().parent


def _write(out: Path, rel: str, data: bytes) -> None:
    target = out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _render_doc(args: tuple[DocItem, str, bool]) -> list[str]:
    item, out, write_files = args
    drawn = documents.draw(item)
    row = [item.path, item.kind, "", drawn.order_number, drawn.vat, drawn.siret]
    if write_files:
        for rel, data in documents.files(item, drawn).items():
            _write(Path(out), rel, data)
    return row


def _doc_bytes(item: DocItem, drawn: Drawn, out: Path) -> bytes:
    """The document file as written by the document pass (re-made when not on disk)."""
    path = out / item.path
    if path.exists():
        return path.read_bytes()
    return documents.files(item, drawn)[item.path]


def _render_mail(args: tuple[mails.MailItem, DocItem | None, str, bool]) -> list[str]:
    item, doc, out, write_files = args
    drawn = documents.draw(doc) if doc else None
    if write_files:
        related = (doc, drawn, _doc_bytes(doc, drawn, Path(out))) if doc and drawn else None
        _write(Path(out), item.path, mails.build(item, related))
    if item.is_order and drawn:
        return [item.path, "eml", "1", drawn.order_number, drawn.vat, drawn.siret]
    return [item.path, "eml", str(item.is_order), "", "", ""]


def labels_csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in sorted(rows):
        w.writerow(row)
    return buf.getvalue().encode("utf-8")


def generate(
    out: Path,
    *,
    only: list[str] | None = None,
    labels_only: bool = False,
    jobs: int = 2,
    progress: bool = False,
) -> list[list[str]]:
    """Write the corpus (or the items matching the ``only`` globs) and its labels.csv under ``out``."""
    doc_items = documents.plan()
    mail_items = mails.plan(doc_items)
    by_path = {d.path: d for d in doc_items}

    def wanted(path: str) -> bool:
        return not only or any(fnmatch.fnmatch(path, pat) for pat in only)

    doc_jobs = [(d, str(out), not labels_only) for d in doc_items if wanted(d.path)]
    mail_jobs = [
        (m, by_path.get(m.doc), str(out), not labels_only) for m in mail_items if wanted(m.path)
    ]
    # scans first: they are the slow ones, so both workers stay busy to the end
    doc_jobs.sort(key=lambda j: j[0].kind != "scan")
    rows: list[list[str]] = []
    t0 = time.monotonic()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) if jobs > 1 else _Serial() as pool:
        for n, row in enumerate(pool.imap_unordered(_render_doc, doc_jobs, chunksize=2), 1):
            rows.append(row)
            if progress and n % 50 == 0:
                print(
                    f"  {n}/{len(doc_jobs)} documents ({time.monotonic() - t0:.0f} s)",
                    file=sys.stderr,
                )
        rows.extend(pool.imap_unordered(_render_mail, mail_jobs, chunksize=4))
    out.mkdir(parents=True, exist_ok=True)
    _write(out, "labels.csv", labels_csv(rows))
    return rows


class _Serial:
    """A stand-in for multiprocessing.Pool when --jobs 1."""

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(
        self, fn: Callable[[Any], Any], it: Iterable[Any], chunksize: int = 1
    ) -> Iterator[Any]:
        return map(fn, it)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m training_set.generate", description=__doc__.split("\n")[0]
    )
    p.add_argument("--out", type=Path, default=HERE, help="corpus folder (default: training_set/)")
    p.add_argument(
        "--only",
        action="append",
        metavar="GLOB",
        help="generate only paths matching this glob (repeatable), e.g. 'documents/cnrs-l/*'",
    )
    p.add_argument(
        "--labels-only", action="store_true", help="write labels.csv without rendering any file"
    )
    p.add_argument(
        "--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes (default 2)"
    )
    a = p.parse_args(argv)
    t0 = time.monotonic()
    rows = generate(
        a.out,
        only=a.only,
        labels_only=a.labels_only,
        jobs=max(1, a.jobs),
        progress=sys.stderr.isatty(),
    )
    docs = sum(1 for r in rows if r[1] != "eml")
    print(f"{docs} documents, {len(rows) - docs} mails -> {a.out} in {time.monotonic() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
