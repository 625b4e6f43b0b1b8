"""``orderintake run``, ``poll --once``, ``db upgrade|current``, ``process`` and ``demo``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import IntakeError, StoreError
from . import app
from ._common import expand_inputs, fail, iter_progress, write_json_line
from ._sirene import sirene_reader, with_sirene

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline import Stages
    from ..store.records import MailResult
    from ..store.repo import Store

db_app = typer.Typer(help="Database schema: upgrade it, or show its revision.")
app.add_typer(db_app, name="db")


def _settings(ctx: typer.Context) -> Settings:
    settings: Settings = ctx.obj.settings()
    return settings


def _open_store(settings: Settings) -> Store:
    from ..store.repo import Store

    try:
        return Store.open(settings.database_url, settings.data_dir)
    except StoreError as exc:
        raise fail(str(exc)) from None


def _stages(settings: Settings) -> Stages:
    from ..pipeline import Stages

    try:
        return Stages.load(settings)
    except IntakeError as exc:
        raise fail(f"rule files: {exc}") from None


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Create or bring the database schema to this version (safe to run again)."""
    from ..store.db import Database, current_revision, upgrade

    settings = _settings(ctx)
    try:
        db = Database(settings.database_url)
        before = current_revision(db.engine)
        after = upgrade(db.engine)
        db.dispose()
    except StoreError as exc:
        raise fail(str(exc)) from None
    if before == after:
        typer.echo(f"database already at revision {after}")
    else:
        typer.echo(f"database upgraded from {before or 'empty'} to revision {after}")


@db_app.command("current")
def db_current(ctx: typer.Context) -> None:
    """Print the database's schema revision and whether it is up to date."""
    from ..store.db import Database, current_revision, head_revision

    settings = _settings(ctx)
    try:
        db = Database(settings.database_url)
        have = current_revision(db.engine)
        db.dispose()
    except StoreError as exc:
        raise fail(str(exc)) from None
    want = head_revision()
    state = "up to date" if have == want else f"behind: run `orderintake db upgrade` ({want})"
    typer.echo(f"{have or 'empty'} ({state})")
    if have != want:
        raise typer.Exit(1)


def _daemon(settings: Settings) -> Any:
    from ..service import Daemon, setup_logging
    from ..sirene import build_client

    setup_logging(settings)
    store = _open_store(settings)
    try:
        client = build_client(settings, store.db.engine)  # a provider's typo stops here
    except IntakeError as exc:
        store.close()
        raise fail(str(exc)) from None
    return Daemon(settings, store, _stages(settings), sirene_client=client)


@app.command("run")
def run(ctx: typer.Context) -> None:
    """Run the daemon: poll the mailbox (and listen with IDLE) until SIGTERM/SIGINT."""
    settings = _settings(ctx)
    daemon = _daemon(settings)
    try:
        daemon.run_forever()
    finally:
        daemon.store.close()


@app.command("poll")
def poll(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="Poll one time, then exit.")] = False,
) -> None:
    """Poll the mailbox one time: process every new mail, then exit."""
    if not once:
        raise fail("use `orderintake poll --once` (or `orderintake run` for the daemon)")
    settings = _settings(ctx)
    daemon = _daemon(settings)
    try:
        report = daemon.poll_once()
    finally:
        daemon.stop()
        daemon.store.close()
    if report is None:
        raise fail("the mailbox could not be polled (see the log above)", 1)
    counts = ", ".join(f"{n} {s}" for s, n in sorted(report.counts().items())) or "nothing new"
    typer.echo(f"{report.listed} mail(s) in the folder; processed: {counts}")


def result_json(
    path: str, result: MailResult, sirene: Callable[[str], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The ``process --json`` object: ``classify --json``'s fields plus documents; with
    ``sirene``, each identifier of each analysis carries its ``sirene`` object."""
    try:
        from .extract_cmd import document_json
    except ImportError:  # pragma: no cover - extract_cmd ships with the package
        document_json = None  # type: ignore[assignment]
    msg = result.message
    c = result.classification
    documents = []
    for ar in result.attachments:
        extra = {"filename": ar.attachment.filename, "analysis": with_sirene(ar.analysis, sirene)}
        if document_json is not None:
            documents.append(document_json(ar.attachment.filename, ar.document, ar.error, extra))
        else:
            documents.append({"path": ar.attachment.filename, "error": ar.error, **extra})
    return {
        "path": path,
        "is_order": c.is_order if c else None,
        "bucket": c.bucket if c else None,
        "reasons": list(c.reasons) if c else [],
        "attachments": [
            {"filename": a.filename, "content_type": a.sniffed_type, "size": a.size}
            for a in (msg.real_attachments if msg else ())
        ],
        "documents": documents,
        "order_number": result.order_number.value if result.order_number else None,
        "error": result.error,
    }


@app.command("process")
def process(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="Mails (.eml), folders or globs.")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines on stdout.")] = False,
) -> None:
    """Run whole mails through every stage (no mailbox; a database is only read, for the
    SIRENE answers already known) and print the result."""
    settings = _settings(ctx)
    files, problems = expand_inputs(inputs, (".eml",))
    for p in problems:
        typer.echo(f"orderintake: {p}", err=True)
    stages = _stages(settings)
    failed = bool(problems)
    read, store = sirene_reader(settings) if as_json else (None, None)
    try:
        failed = _process_files(files, stages, as_json, read) or failed
    finally:
        if store is not None:
            store.close()
    if failed:
        raise typer.Exit(1)


def _process_files(
    files: list[Path], stages: Stages, as_json: bool, read: Callable[[str], Any] | None
) -> bool:
    from ..pipeline import process_raw

    failed = False
    for path in iter_progress(files, len(files), "mails"):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            typer.echo(f"orderintake: {path}: {exc.strerror}", err=True)
            failed = True
            continue
        result = process_raw(raw, name=str(path), stages=stages)
        failed = failed or result.error is not None
        if as_json:
            write_json_line(result_json(str(path), result, read))
            continue
        c = result.classification
        verdict = "error" if result.error else (c.bucket if c else "?")
        number = result.order_number.value if result.order_number else "-"
        typer.echo(
            f"{path}: {verdict}, order number {number}"
            + (f": {result.error}" if result.error else "")
        )
    return failed


@app.command("demo")
def demo(
    ctx: typer.Context,
    corpus: Annotated[
        Path, typer.Option(help="Folder of .eml files to seed the local Maildir with.")
    ] = Path("training_set/mails"),
    serve: Annotated[bool, typer.Option(help="Serve the review page afterwards.")] = True,
) -> None:
    """Set up data/, seed a local Maildir from the training mails, poll once, show the queue."""
    settings = _settings(ctx)
    if not settings.mailbox_url.startswith("maildir://"):
        raise fail("the demo uses a local Maildir: unset mailbox_url (or point it at maildir://)")
    mails = sorted(corpus.rglob("*.eml")) if corpus.is_dir() else []
    if not mails:
        raise fail(
            f"no mails in {corpus}: generate the corpus first with `python -m training_set.generate`"
        )
    from ..store.db import Database, upgrade

    db = Database(settings.database_url)
    typer.echo(f"database: {settings.database_url} at revision {upgrade(db.engine)}")
    db.dispose()
    root = Path(settings.mailbox_url.removeprefix("maildir://"))
    seeded = _seed_maildir(root, mails)
    typer.echo(f"Maildir {root}: {seeded} new mail(s) from {corpus}")
    daemon = _daemon(settings)
    try:
        report = daemon.poll_once()
        counts = daemon.store.count_by_status()
    finally:
        daemon.stop()
        daemon.store.close()
    if report is None:
        raise fail("the local Maildir could not be polled", 1)
    typer.echo(f"processed {report.processed} mail(s) in this poll. The store now holds:")
    for status, n in sorted(counts.items()):
        typer.echo(f"  {status:<22} {n}")
    login = _demo_user(settings)
    typer.echo(f"review page: {DEMO_URL} — {login}")
    if serve:
        _serve(settings)


def _seed_maildir(root: Path, mails: list[Path]) -> int:
    """Deliver each corpus mail once (a marker file remembers what was seeded)."""
    import mailbox

    md = mailbox.Maildir(root, create=True)
    marker = root / ".orderintake-demo-seeded"
    done = set(marker.read_text().splitlines()) if marker.exists() else set()
    added = 0
    with marker.open("a") as fh:
        for path in mails:
            if path.name in done:
                continue
            md.add(path.read_bytes())
            fh.write(path.name + "\n")
            added += 1
    return added


DEMO_URL = "http://127.0.0.1:8000/"
DEMO_USER = "demo"


def _demo_user(settings: Settings) -> str:
    """Create the clerk ``demo`` once (password from ORDERINTAKE_PASSWORD, else a random
    one printed only this time); returns how to log in."""
    import os
    import secrets

    from .. import auth
    from ..store import decisions

    store = _open_store(settings)
    try:
        with store.db.session() as db:
            if decisions.user_by_name(db, DEMO_USER) is not None:
                return f"log in as {DEMO_USER!r} (password as printed the first time)"
            given = os.environ.get("ORDERINTAKE_PASSWORD")
            password = given or secrets.token_urlsafe(12)
            try:
                pw_hash = auth.hash_password(password)
            except ValueError as exc:
                raise fail(f"ORDERINTAKE_PASSWORD: {exc}") from None
            user = decisions.add_user(db, DEMO_USER, "clerk", pw_hash)
            decisions.audit(db, None, "user.add", f"user:{user.id}", {"name": DEMO_USER})
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if given:
        return f"log in as {DEMO_USER!r} with the password in ORDERINTAKE_PASSWORD"
    return f"log in as {DEMO_USER!r}, password {password} (shown only this once)"


def _serve(settings: Settings) -> None:
    try:
        from ..web import create_app
    except ImportError:
        typer.echo("(the review web app is not installed yet: nothing to serve)")
        return
    import uvicorn

    typer.echo(f"serving the review page on {DEMO_URL} (Ctrl-C to stop)")
    uvicorn.run(create_app(settings, deliver_every=10.0), host="127.0.0.1", port=8000)
