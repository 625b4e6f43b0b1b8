"""Helpers shared by the commands: expanding inputs, progress bars, JSON Lines."""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def expand_inputs(
    items: Sequence[str], suffixes: tuple[str, ...] | None = None
) -> tuple[list[Path], list[str]]:
    """Files from paths, folders (recursively) and globs, in a stable order.

    Returns (files, problems): a path that does not exist is a problem, not a crash.
    ``suffixes`` filters files found inside folders (explicit files are always kept).
    """
    files: list[Path] = []
    problems: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and (suffixes is None or p.suffix.lower() in suffixes)
            )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif any(c in item for c in "*?["):
            matched = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if not matched:
                problems.append(f"{item}: no file matches this pattern")
            files.extend(matched)
        else:
            problems.append(f"{item}: no such file or folder")
    return files, problems


@contextmanager
def progress(total: int, description: str) -> Iterator[Any]:
    """A Rich progress bar on a terminal; nothing when stderr is piped."""
    if not sys.stderr.isatty() or total <= 1:

        class _Null:
            def advance(self, n: int = 1) -> None:
                pass

        yield _Null()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=total)

        class _Bar:
            def advance(self, n: int = 1) -> None:
                bar.advance(task, n)

        yield _Bar()


def write_json_line(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def iter_progress(items: Iterable[T], total: int, description: str) -> Iterator[T]:
    with progress(total, description) as bar:
        for item in items:
            yield item
            bar.advance()


def fail(message: str, code: int = 2) -> Any:
    """Print ``orderintake: message`` on stderr and return the ``typer.Exit`` to raise."""
    import typer

    typer.echo(f"orderintake: {message}", err=True)
    return typer.Exit(code)
