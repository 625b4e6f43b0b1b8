"""``orderintake extract``: read documents (PDF, scans, images) and print their text.

One JSON object per input with ``--json`` (JSON Lines, in input order, whatever
``--jobs``), else a short human summary. Exit status: 0 all inputs read, 1 some failed
(their lines are still printed), 2 usage error. :func:`document_json` builds the object;
later stages add their fields through its ``extra`` argument.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import RuleFileError
from . import AppState, app
from ._common import expand_inputs, progress, write_json_line
from ._sirene import sirene_reader, with_sirene

if TYPE_CHECKING:
    from ..extract import ExtractOptions
    from ..model import Document, Line, Page

#: Files a folder is searched for (explicit files are always read, whatever their name).
DOCUMENT_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp")


def _line_json(line: Line) -> dict[str, Any]:
    return {
        "text": line.text,
        "bbox": line.bbox.as_list(),
        "words": [
            {"text": w.text, "bbox": w.bbox.as_list(), "confidence": round(w.confidence, 3)}
            for w in line.words
        ],
    }


def _page_json(page: Page) -> dict[str, Any]:
    return {
        "number": page.number,
        "width": round(page.width, 2),
        "height": round(page.height, 2),
        "source": page.source,
        "dpi": page.dpi,
        "rotation": page.rotation,
        "mean_confidence": page.mean_confidence,
        "lines": [_line_json(line) for line in page.lines],
    }


def document_json(
    path: str | Path,
    doc: Document | None,
    error: str | None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON object printed for one input. ``extra`` adds (or overrides) fields,
    e.g. the engine's ``order_numbers`` and ``identifiers``."""
    obj: dict[str, Any] = {
        "path": str(path),
        "pages": len(doc.pages) if doc is not None else 0,
        "source": doc.source if doc is not None else None,
        "text": doc.text if doc is not None else "",
        "error": error,
        "orderx": None,
        "page_details": [_page_json(p) for p in doc.pages] if doc is not None else [],
    }
    if doc is not None and doc.orderx is not None:
        from dataclasses import asdict

        obj["orderx"] = asdict(doc.orderx)
    if extra:
        obj.update(extra)
    return obj


_RULES: dict[str, Any] = {}


def _engine_rules(rules_dir: str) -> Any:
    """Rules compiled once per process (workers included)."""
    if rules_dir not in _RULES:
        from ..engine_rules import load_engine_rules

        _RULES[rules_dir] = load_engine_rules(Path(rules_dir))
    return _RULES[rules_dir]


def extract_one(
    path: str, options: ExtractOptions, rules_dir: str | None = None, own: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Read one file into its JSON object, with the engine's fields when ``rules_dir`` is
    given; never raises for a bad file (worker-safe)."""
    from ..errors import IntakeError
    from ..extract import extract_file

    try:
        doc = extract_file(Path(path), options)
    except IntakeError as exc:
        return document_json(path, None, exc.message)
    except Exception as exc:  # a bug must not kill the batch: report it on this file
        return document_json(path, None, f"unexpected error: {type(exc).__name__}: {exc}")
    extra: dict[str, Any] | None = None
    if rules_dir is not None:
        from ..analysis import analyse

        try:
            extra = analyse(doc, _engine_rules(rules_dir), own).to_json()
        except IntakeError as exc:
            return document_json(path, doc, f"the order-number engine failed: {exc.message}")
    return document_json(path, doc, None, extra)


def _results(
    paths: list[str],
    options: ExtractOptions,
    jobs: int,
    rules_dir: str | None = None,
    own: tuple[str, ...] = (),
) -> Iterator[dict[str, Any]]:
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield extract_one(p, options, rules_dir, own)
        return
    n = len(paths)
    with ProcessPoolExecutor(max_workers=min(jobs, n)) as pool:
        yield from pool.map(extract_one, paths, [options] * n, [rules_dir] * n, [own] * n)


def _unique_stem(path: Path, used: set[str]) -> str:
    stem, n = path.stem, 1
    while stem in used:
        n += 1
        stem = f"{path.stem}-{n}"
    used.add(stem)
    return stem


def _summary(obj: dict[str, Any]) -> str:
    if obj["error"]:
        return f"{obj['path']}: FAILED: {obj['error']}"
    chars = len(obj["text"])
    confs = [p["mean_confidence"] for p in obj["page_details"] if p["mean_confidence"] is not None]
    conf = f", OCR confidence {sum(confs) / len(confs):.0%}" if confs else ""
    line = f"{obj['path']}: {obj['pages']} page(s), {obj['source']}, {chars} characters{conf}"
    best = (obj.get("order_numbers") or [None])[0]
    if best:
        line += f"; order number {best['value']} ({best['score']:.0%})"
    elif "order_numbers" in obj:
        line += "; no order number"
    return line


def _missing_languages(lang: str) -> list[str]:
    """Languages of ``lang`` (``fra+eng``) that Tesseract does not have installed."""
    import subprocess

    try:
        out = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []  # Tesseract itself missing: each OCR page will say so
    known = {line.strip() for line in out.splitlines()[1:]}
    return [part for part in lang.split("+") if part not in known]


@app.command("extract")
def extract_command(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per input (JSON Lines).")
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Tesseract languages, e.g. fra+eng.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write <name>.txt and <name>.json here.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", help="Files read in parallel.", min=1)] = 1,
) -> None:
    """Read PDFs, scans and images; print their text in reading order."""
    from ..extract import ExtractOptions

    state: AppState = ctx.obj
    if lang:
        missing = _missing_languages(lang)
        if missing:
            typer.echo(
                f"orderintake extract: --lang: Tesseract has no language {', '.join(missing)} "
                "(see `tesseract --list-langs`)",
                err=True,
            )
            raise typer.Exit(2)
    settings = state.settings(ocr_lang=lang) if lang else state.settings()
    options = ExtractOptions.from_settings(settings)
    # Each argument expanded on its own, so results (and missing inputs) keep their order.
    entries: list[Path | str] = []
    for item in paths:
        found, problems = expand_inputs([item], DOCUMENT_SUFFIXES)
        entries.extend(found)
        entries.extend(problems)
    files = [e for e in entries if isinstance(e, Path)]
    if not files:
        for e in entries:
            typer.echo(f"orderintake extract: {e}", err=True)
        typer.echo("orderintake extract: nothing to read", err=True)
        raise typer.Exit(2)
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            typer.echo(f"orderintake extract: cannot create {out}: {exc}", err=True)
            raise typer.Exit(2) from None
    rules_dir = str(settings.rules_dir)
    try:  # a bad rule file is a configuration error: say so before reading anything
        _engine_rules(rules_dir)
    except RuleFileError as exc:
        typer.echo(f"orderintake extract: rule files: {exc}", err=True)
        raise typer.Exit(2) from None
    read_sirene, store = sirene_reader(settings) if as_json or out is not None else (None, None)
    failed = 0
    used: set[str] = set()
    results = _results([str(f) for f in files], options, jobs, rules_dir, settings.own_identifiers)
    with progress(len(files), "Reading") as bar:
        for entry in entries:
            if isinstance(entry, str):  # a missing input is a failed input, in its place
                where, _, why = entry.partition(": ")
                obj = document_json(where, None, why or entry)
            else:
                obj = with_sirene(next(results), read_sirene)
                bar.advance()
            if obj["error"]:
                failed += 1
            if as_json:
                write_json_line(obj)
            else:
                typer.echo(_summary(obj))
            if out is not None and isinstance(entry, Path):
                stem = _unique_stem(entry, used)
                (out / f"{stem}.txt").write_text(obj["text"] + "\n", encoding="utf-8")
                (out / f"{stem}.json").write_text(
                    json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8"
                )
    if store is not None:
        store.close()
    total = len(entries)
    if not as_json:
        typer.echo(f"{total - failed} of {total} file(s) read, {failed} failed")
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)
