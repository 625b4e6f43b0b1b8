"""``orderintake classify`` and ``orderintake classify-eval``: is this mail an order?

``classify MAIL.eml...`` parses each mail and classifies it from its words, headers and
attachments (without reading the attachments' text: that is ``process``). With ``--json``
one object per mail (JSON Lines): ``path``, ``is_order``, ``bucket``, ``score``,
``reasons``, ``attachments`` (``filename``, ``content_type``, ``sniffed_type``, ``size``,
``real``, ``origin``), ``defects``, ``error``. Exit status: 0 all mails read, 1 some could
not be read, 2 usage or rule-file error.

``classify-eval CORPUS`` classifies the ``eml`` rows of ``CORPUS/labels.csv`` and prints
precision, recall and every mistake with its reasons.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import AppState, app
from ._common import expand_inputs, progress, write_json_line

if TYPE_CHECKING:
    from ..classify_rules import ClassifyRules

MAIL_SUFFIXES = (".eml", ".msg822", ".mbox-part")


def _rules(state: AppState, rules_dir: Path | None) -> ClassifyRules:
    from ..classify_rules import load_classify_rules
    from ..errors import RuleFileError

    settings = state.settings()
    try:
        return load_classify_rules(rules_dir or settings.rules_dir)
    except RuleFileError as exc:
        typer.echo(f"orderintake: rule file error: {exc}", err=True)
        raise typer.Exit(2) from None


def classify_raw(raw: bytes, rules: ClassifyRules, path: str = "") -> dict[str, Any]:
    """The JSON object for one mail's bytes; never raises for a bad mail."""
    from ..classify import classify
    from ..errors import IntakeError
    from ..message import parse_message

    obj: dict[str, Any] = {
        "path": path,
        "is_order": None,
        "bucket": None,
        "score": None,
        "subject": None,
        "reasons": [],
        "attachments": [],
        "defects": [],
        "error": None,
    }
    try:
        msg = parse_message(raw)
        result = classify(msg, rules)
    except IntakeError as exc:
        obj["error"] = exc.message
        return obj
    except Exception as exc:  # a bug must not stop the batch: report it on this mail
        obj["error"] = f"unexpected error: {type(exc).__name__}: {exc}"
        return obj
    obj.update(
        is_order=result.is_order,
        bucket=result.bucket,
        score=round(result.score, 2),
        subject=msg.subject,
        reasons=list(result.reasons),
        attachments=[
            {
                "filename": a.filename,
                "content_type": a.content_type,
                "sniffed_type": a.sniffed_type,
                "size": a.size,
                "real": a.is_real,
                "origin": a.origin,
            }
            for a in msg.attachments
        ],
        defects=list(msg.defects),
    )
    return obj


def _classify_path(path: Path, rules: ClassifyRules) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return {"path": str(path), "is_order": None, "error": f"cannot read: {exc.strerror}"}
    return classify_raw(raw, rules, str(path))


@app.command("classify")
def classify_command(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Mail files (.eml), folders or globs.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per mail.")] = False,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Rule folder (default: the configured one).")
    ] = None,
) -> None:
    """Tell purchase-order mails from the rest, with the reasons."""
    rules = _rules(ctx.obj, rules_dir)
    files, problems = expand_inputs(paths, MAIL_SUFFIXES)
    for p in problems:
        typer.echo(f"orderintake classify: {p}", err=True)
    if not files:
        typer.echo("orderintake classify: no mail to read", err=True)
        raise typer.Exit(2)
    failed = len(problems)
    with progress(len(files), "Classifying") as bar:
        for path in files:
            obj = _classify_path(path, rules)
            bar.advance()
            if obj["error"]:
                failed += 1
            if as_json:
                write_json_line(obj)
            elif obj["error"]:
                typer.echo(f"{path}: FAILED: {obj['error']}")
            else:
                typer.echo(f"{path}: {obj['bucket']} (score {obj['score']})")
                for reason in obj["reasons"]:
                    typer.echo(f"    {reason}")
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def read_labels(corpus: Path) -> list[tuple[Path, bool]]:
    """(mail path, is order) for the ``eml`` rows of ``corpus/labels.csv``."""
    labels = corpus / "labels.csv"
    rows: list[tuple[Path, bool]] = []
    with labels.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kind = (row.get("kind") or "").strip().lower()
            path = row.get("path") or row.get("file") or ""
            if kind != "eml" and not path.lower().endswith(".eml"):
                continue
            flag = (row.get("is_order") or "").strip().lower()
            if flag not in ("0", "1", "true", "false", "yes", "no"):
                continue
            rows.append((corpus / path, flag in ("1", "true", "yes")))
    return rows


@app.command("classify-eval")
def classify_eval_command(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Folder holding labels.csv and the mails.")],
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="Rule folder (default: the configured one).")
    ] = None,
    show: Annotated[int, typer.Option("--show", help="Mistakes listed (at most).")] = 50,
) -> None:
    """Precision and recall of the classifier on a labelled corpus."""
    rules = _rules(ctx.obj, rules_dir)
    try:
        rows = read_labels(corpus)
    except OSError as exc:
        typer.echo(f"orderintake classify-eval: cannot read {corpus}/labels.csv: {exc}", err=True)
        raise typer.Exit(2) from None
    if not rows:
        typer.echo("orderintake classify-eval: no eml rows with is_order in labels.csv", err=True)
        raise typer.Exit(2)
    tp = fp = fn = tn = errors = 0
    mistakes: list[str] = []
    with progress(len(rows), "Classifying") as bar:
        for path, expected in rows:
            obj = _classify_path(path, rules)
            bar.advance()
            if obj["error"]:
                errors += 1
                mistakes.append(f"ERROR {path}: {obj['error']}")
                continue
            got = bool(obj["is_order"])
            tp += got and expected
            fp += got and not expected
            fn += expected and not got
            tn += not got and not expected
            if got != expected:
                kind = "false positive" if got else "false negative"
                why = "; ".join(obj["reasons"])
                mistakes.append(f"{kind} {path} [{obj['subject']!r}]: {why}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    typer.echo(
        f"{len(rows)} mails: {tp} orders found, {fp} false positives, {fn} missed, "
        f"{tn} correctly not orders, {errors} unreadable"
    )
    typer.echo(f"precision {precision:.2%}  recall {recall:.2%}")
    for line in mistakes[:show]:
        typer.echo(line)
    if len(mistakes) > show:
        typer.echo(f"… and {len(mistakes) - show} more")
