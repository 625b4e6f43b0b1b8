"""``orderintake classify`` and ``orderintake classify-eval``: is this mail an order?

``classify MAIL.eml...`` parses each mail and classifies it from its words, headers and
attachments (without reading the attachments' text: that is ``process``). With ``--json``
one object per mail (JSON Lines): ``path``, ``is_order``, ``bucket``, ``score``,
``reasons``, ``attachments`` (``filename``, ``content_type``, ``sniffed_type``, ``size``,
``real``, ``origin``), ``defects``, ``error``. Exit status: 0 all mails read, 1 some could
not be read, 2 usage or rule-file error.

``classify-eval CORPUS`` classifies the ``eml`` rows of ``CORPUS/labels.csv`` and prints
precision, recall and every mistake with its reasons. With ``--documents`` it also runs
each mail through the daemon's own pipeline (:func:`orderintake.pipeline.process_raw`:
attachments read, OCRed when scanned, analysed by the engine, their hints given to the
classifier) in ``--jobs`` worker processes, and prints both figures: the one with the
documents is what the daemon decides.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import AppState, app
from ._common import expand_inputs, progress, write_json_line

if TYPE_CHECKING:
    from ..classify_rules import ClassifyRules
    from ..pipeline import Stages

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


@dataclass
class Tally:
    """Confusion counts of one run of the classifier over a labelled corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: int = 0
    mistakes: list[str] = field(default_factory=list)

    def add(self, path: Path, expected: bool, obj: dict[str, Any]) -> None:
        if obj["error"]:
            self.errors += 1
            self.mistakes.append(f"ERROR {path}: {obj['error']}")
            return
        got = bool(obj["is_order"])
        self.tp += got and expected
        self.fp += got and not expected
        self.fn += expected and not got
        self.tn += not got and not expected
        if got != expected:
            kind = "false positive" if got else "false negative"
            why = "; ".join(obj["reasons"])
            self.mistakes.append(f"{kind} {path} [{obj.get('subject')!r}]: {why}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def summary(self) -> str:
        total = self.tp + self.fp + self.fn + self.tn + self.errors
        return (
            f"{total} mails: {self.tp} orders found, {self.fp} false positives, "
            f"{self.fn} missed, {self.tn} correctly not orders, {self.errors} unreadable\n"
            f"precision {self.precision:.2%}  recall {self.recall:.2%}"
        )


#: The pipeline's rules and options in a worker process (set once by the initializer).
_worker_stages: Stages | None = None


def _init_worker(stages: Stages) -> None:
    global _worker_stages
    _worker_stages = stages


def pipeline_classify(path: str) -> dict[str, Any]:
    """The daemon's decision on one mail file, through the whole pipeline (worker side)."""
    from ..pipeline import process_raw

    if _worker_stages is None:
        raise RuntimeError("pipeline_classify needs _init_worker(stages) first")
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return {"path": path, "is_order": None, "error": f"cannot read: {exc.strerror}"}
    result = process_raw(raw, name=path, stages=_worker_stages)
    if result.error or result.classification is None:
        return {"path": path, "is_order": None, "error": result.error or "not classified"}
    unread = [f"{a.attachment.filename}: {a.error}" for a in result.attachments if a.error]
    return {
        "path": path,
        "is_order": result.classification.is_order,
        "subject": result.message.subject if result.message else None,
        "reasons": list(result.classification.reasons) + [f"unreadable {u}" for u in unread],
        "error": None,
        "order_number": result.order_number.value if result.order_number else None,
        "attachments_only": _attachments_only(result),
    }


def _attachments_only(result: Any) -> str | None:
    """The mail's order number as the attachments alone give it (before the mail's own
    text confirmed one: the engine's analysis of each attachment, unchanged)."""
    pool = [a for a in result.attachments if a.analysis and a.analysis.get("order_numbers")]
    pool = [a for a in pool if a.is_order_document] or pool
    tops = [a.analysis["order_numbers"][0] for a in pool]
    return max(tops, key=lambda c: c["score"])["value"] if tops else None


def read_order_numbers(corpus: Path) -> dict[Path, str]:
    """Labelled order numbers of the order mails of ``corpus/labels.csv``."""
    with (corpus / "labels.csv").open(newline="", encoding="utf-8") as fh:
        return {
            corpus / row["path"]: row["order_number"]
            for row in csv.DictReader(fh)
            if row.get("kind") == "eml" and row.get("is_order") == "1" and row.get("order_number")
        }


def _report_numbers(labelled: dict[Path, str], objs: dict[Path, dict[str, Any]], show: int) -> None:
    """Top-1 order number of the order mails, with and without the mail's own text."""
    rows = [(p, n, objs[p]) for p, n in labelled.items() if p in objs]
    if not rows:
        return
    final = sum(o.get("order_number") == n for _, n, o in rows)
    alone = sum(o.get("attachments_only") == n for _, n, o in rows)
    typer.echo(
        f"order number of the order mails ({len(rows)} labelled): top-1 {final / len(rows):.2%} "
        f"with the mail's own text, {alone / len(rows):.2%} from the attachments alone"
    )
    wrong = [(p, n, o) for p, n, o in rows if o.get("order_number") != n]
    for p, n, o in wrong[:show]:
        typer.echo(f"  {p}: expected {n!r} got {o.get('order_number')!r}")


def _pipeline_results(paths: list[str], stages: Stages, jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1 or len(paths) <= 1:
        _init_worker(stages)
        yield from map(pipeline_classify, paths)
        return
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)), initializer=_init_worker, initargs=(stages,)
    ) as pool:
        yield from pool.map(pipeline_classify, paths)


def _stages(state: AppState, rules: ClassifyRules) -> Stages:
    from ..errors import IntakeError
    from ..pipeline import Stages

    try:
        return replace(Stages.load(state.settings()), classify_rules=rules)
    except IntakeError as exc:
        typer.echo(f"orderintake classify-eval: {exc}", err=True)
        raise typer.Exit(2) from None


def _report(title: str, tally: Tally, show: int) -> None:
    typer.echo(title)
    typer.echo(tally.summary())
    for line in tally.mistakes[:show]:
        typer.echo(line)
    if len(tally.mistakes) > show:
        typer.echo(f"… and {len(tally.mistakes) - show} more")


@app.command("classify-eval")
def classify_eval_command(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Folder holding labels.csv and the mails.")],
    rules_dir: Annotated[
        Path | None,
        typer.Option("--rules", help="Classification rule folder (default: the configured one)."),
    ] = None,
    documents: Annotated[
        bool,
        typer.Option(
            "--documents",
            help="Also read and analyse the attachments, as the daemon does (slower: OCR).",
        ),
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", help="Worker processes for --documents (0: one per core).")
    ] = 0,
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
    words = Tally()
    with progress(len(rows), "Classifying") as bar:
        for path, expected in rows:
            words.add(path, expected, _classify_path(path, rules))
            bar.advance()
    if not documents:
        _report("mail words only (subject, body, headers, attachment names):", words, show)
        return
    stages = _stages(ctx.obj, rules)
    with_docs = Tally()
    objs: dict[Path, dict[str, Any]] = {}
    paths = [str(path) for path, _ in rows]
    workers = jobs or ctx.obj.settings().worker_count
    with progress(len(rows), "Reading attachments") as bar:
        for (path, expected), obj in zip(
            rows, _pipeline_results(paths, stages, workers), strict=True
        ):
            with_docs.add(path, expected, obj)
            objs[path] = obj
            bar.advance()
    _report("without documents (mail words only):", words, show)
    _report(
        "with documents (the daemon's pipeline: attachments read and analysed):", with_docs, show
    )
    _report_numbers(read_order_numbers(corpus), objs, show)
