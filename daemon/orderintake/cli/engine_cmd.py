"""``orderintake evaluate`` and ``orderintake rules check``: the admin's safety net.

``rules check [DIR]`` validates the engine's rule files and runs every rule's examples
(exit 0 all good, 1 something to fix, each problem on its own line). ``evaluate`` measures
the engine on a labelled corpus and, with ``--baseline-rules``, lists every document whose
answer a rule change would change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from . import AppState, app
from ._common import progress

rules_app = typer.Typer(help="Validate the rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("check")
def rules_check(
    ctx: typer.Context,
    rules_dir: Annotated[
        Path | None, typer.Argument(help="Rule folder (default: the rules_dir setting).")
    ] = None,
) -> None:
    """Validate every rule file (order numbers, fields, mail classification) and run
    their must_match / must_not_match examples."""
    from ..classify_rules import load_classify_rules
    from ..engine_rules import compile_rules, load_files
    from ..errors import RuleFileError

    state: AppState = ctx.obj
    folder = rules_dir or state.settings().rules_dir
    try:
        loaded = load_files(folder)
        compile_rules(*loaded)
        # The classifier runs its examples on accent-free text, at load time.
        load_classify_rules(folder)
    except RuleFileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    failed = 0
    total = 0
    for lf in loaded:
        for t in lf.self_tests:
            total += 1
            if not t.ok:
                failed += 1
                verb = "should match" if t.expected else "should not match"
                typer.echo(f"error: {t.file}: [{t.key}] example {t.example!r} {verb}", err=True)
    if failed:
        typer.echo(f"{failed} of {total} example(s) failed in {folder}", err=True)
        raise typer.Exit(1)
    typer.echo(
        f"ok: {len(loaded) + 1} rule files in {folder}, {total} engine examples pass, "
        "classification examples pass"
    )


def _fmt(v: Any) -> str:
    return "-" if v is None else f"{v}"


def print_report(res: dict[str, Any], changes: list[dict[str, Any]] | None) -> None:
    out = sys.stdout.write
    out(f"documents: {res['documents']} (errors: {res['errors']})\n\n")
    out("ORDER NUMBERS               docs   top-1  top-1 (no spaces)  top-3  top-3 (no spaces)\n")
    rows = [*res["order_numbers"].items(), ("", None), *res["by_family"].items()]
    for name, a in rows:
        if a is None:
            out("by layout family:\n")
            continue
        out(
            f"  {name:<26}{a['documents']:>5}  {_fmt(a['top1']):>6}  {_fmt(a['top1_ignoring_spaces']):>17}  "
            f"{_fmt(a['top3']):>5}  {_fmt(a['top3_ignoring_spaces']):>17}\n"
        )
    out("\nREADERS: order number present in the extracted text (exact / ignoring spaces):\n")
    for kind, t in res.get("text_recall", {}).items():
        out(
            f"  {kind:<26}{t['documents']:>5}  {_fmt(t['exact']):>6}  {_fmt(t['ignoring_spaces']):>17}\n"
        )
    out("\nNAIVE BASELINE (first match of the seed regex), top-1 ignoring spaces:\n")
    for kind, b in res["baseline"].items():
        out(f"  {kind:<26}{b['documents']:>5}  {_fmt(b['top1_ignoring_spaces'])}\n")
    nn = res["no_number"]
    out(
        f"\nNO ORDER NUMBER: {nn['documents']} documents, {_fmt(nn['nothing_above_threshold'])}% "
        f"with nothing above the auto-accept threshold {nn['threshold']}\n"
    )
    aa = res["auto_accept"]
    out(
        f"AUTO-ACCEPT at {aa['threshold']}: {aa['documents']} answers, precision {_fmt(aa['precision'])}%, "
        f"{_fmt(aa['share_of_orders'])}% of orders\n"
    )
    out(f"suggested threshold (precision >= 99.5%): {_fmt(res['suggested_threshold'])}\n")
    out("\nRELIABILITY (top-1 score bucket -> observed precision)\n")
    for b in res["reliability"]:
        out(f"  {b['bucket']:<12}{b['count']:>6}  {_fmt(b['precision'])}\n")
    out("\nIDENTIFIERS (customer's)        labelled  recall  precision\n")
    for name, v in res["identifiers"].items():
        out(f"  {name:<30}{v['labelled']:>8}  {_fmt(v['recall']):>6}  {_fmt(v['precision']):>9}\n")
    out("\nTIMING per page (wall / CPU ms)  pages    extraction        engine\n")
    for kind, t in res["timing"].items():
        ext = f"{t['extract_ms_per_page']} / {t['extract_cpu_ms_per_page']}"
        eng = f"{t['engine_ms_per_page']} / {t['engine_cpu_ms_per_page']}"
        out(f"  {kind:<30}{t['pages']:>6}  {ext:>16}  {eng:>14}\n")
    out(f"\nIDENTIFIER MISSES ({len(res['identifier_failures'])})\n")
    for f in res["identifier_failures"]:
        out(f"  {f['path']}: {f['kind']} expected {f['expected']!r} got {f['got']!r}\n")
    out(f"\nFAILURES ({len(res['failures'])})\n")
    for f in res["failures"]:
        why = (
            f"error: {f['error']}"
            if f["error"]
            else f"expected {f['expected']!r} got {f['got']!r} ({f['score']})"
        )
        out(f"  {f['path']}: {why}\n")
    if changes is not None:
        out(
            f"\nCHANGED ANSWERS vs baseline rules ({len(changes)}; "
            f"{sum(c['verdict'] == 'better' for c in changes)} better, "
            f"{sum(c['verdict'] == 'worse' for c in changes)} worse)\n"
        )
        for c in changes:
            out(
                f"  {c['verdict']:<8}{c['path']}: {c['before']!r} -> {c['after']!r} (expected {c['expected']!r})\n"
            )


@app.command("evaluate")
def evaluate(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Folder holding labels.csv and the documents.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    rules: Annotated[Path | None, typer.Option("--rules", help="Rule folder to measure.")] = None,
    baseline_rules: Annotated[
        Path | None, typer.Option("--baseline-rules", help="Rule folder to compare with.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", help="Worker processes (0: one per core).")] = 0,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Only the first N documents.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind: pdf-text or scan.")
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", help="Keep extracted documents here (OCR once, iterate fast)."),
    ] = None,
) -> None:
    """Measure order-number and identifier reading on a labelled corpus."""
    from ..engine_rules import load_engine_rules
    from ..errors import IntakeError
    from ..evaluate import compare, compute, corpus_own_identifiers, read_labels, run_corpus
    from ..extract.options import ExtractOptions

    state: AppState = ctx.obj
    settings = state.settings()
    if kind is not None and kind not in ("pdf-text", "scan"):
        typer.echo("orderintake: --kind is pdf-text or scan", err=True)
        raise typer.Exit(2)
    if not (corpus / "labels.csv").is_file():
        typer.echo(f"orderintake: {corpus}/labels.csv not found", err=True)
        raise typer.Exit(2)
    rule_dirs = [rules or settings.rules_dir] + ([baseline_rules] if baseline_rules else [])
    try:
        # The daemon's setting when auto-accept is enabled, else the rule file's suggestion.
        threshold = settings.auto_accept_threshold
        if threshold >= 1.0:
            threshold = load_engine_rules(rule_dirs[0]).scoring.auto_accept_threshold
        n = len(read_labels(corpus, kind)[:limit] if limit else read_labels(corpus, kind))
        with progress(n, "evaluate") as bar:
            items = run_corpus(
                corpus,
                rule_dirs,
                settings.own_identifiers + corpus_own_identifiers(corpus),
                ExtractOptions.from_settings(settings),
                jobs=jobs or settings.worker_count,
                limit=limit,
                kind=kind,
                on_done=bar.advance,
                cache=cache,
            )
    except IntakeError as exc:
        typer.echo(f"orderintake: {exc}", err=True)
        raise typer.Exit(1) from None
    res = compute(items, threshold)
    changes = compare(items) if baseline_rules else None
    if as_json:
        if changes is not None:
            res["changes"] = changes
        sys.stdout.write(json.dumps(res, ensure_ascii=False) + "\n")
    else:
        print_report(res, changes)
