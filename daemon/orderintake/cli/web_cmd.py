"""``orderintake serve``, ``user add|list``, ``export`` and ``export-labels``."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import IntakeError
from . import app
from ._common import fail

if TYPE_CHECKING:
    from ..config import Settings
    from ..store.repo import Store

user_app = typer.Typer(help="Clerks and administrators of the review page.")
app.add_typer(user_app, name="user")


def _store(settings: Settings) -> Store:
    from ..store.repo import Store

    try:
        return Store.open(settings.database_url, settings.data_dir)
    except IntakeError as exc:
        raise fail(str(exc)) from None


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    deliver: Annotated[
        bool, typer.Option(help="Also send queued hand-off deliveries every 10 s.")
    ] = True,
) -> None:
    """Serve the clerks' review page (log in with a user made by `orderintake user add`)."""
    import uvicorn

    from ..store import decisions
    from ..web import create_app

    settings: Settings = ctx.obj.settings()
    store = _store(settings)
    with store.db.session() as db:
        if not decisions.list_users(db):
            typer.echo(
                "no user yet: create one with `orderintake user add NAME --role admin`", err=True
            )
    try:
        application = create_app(settings, store=store, deliver_every=10.0 if deliver else None)
    except IntakeError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"review page on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="clerk or admin.")] = "clerk",
) -> None:
    """Add a user; the password comes from ORDERINTAKE_PASSWORD or a prompt."""
    from .. import auth
    from ..store import decisions

    if role not in auth.ROLES:
        raise fail(f"--role must be clerk or admin, not {role!r}")
    password = os.environ.get("ORDERINTAKE_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            raise fail("no password: set ORDERINTAKE_PASSWORD or run in a terminal")
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        pw_hash = auth.hash_password(password)
    except ValueError as exc:
        raise fail(str(exc)) from None
    store = _store(ctx.obj.settings())
    try:
        with store.db.session() as db:
            user = decisions.add_user(db, name, role, pw_hash)
            decisions.audit(db, None, "user.add", f"user:{user.id}", {"name": name, "role": role})
    except IntakeError as exc:
        raise fail(str(exc), 1) from None
    finally:
        store.close()
    typer.echo(f"user {user.name!r} added ({user.role})")


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """List users with their role and whether they may log in."""
    from ..store import decisions

    store = _store(ctx.obj.settings())
    with store.db.session() as db:
        for u in decisions.list_users(db):
            typer.echo(f"{u.name}\t{u.role}\t{'active' if u.active else 'inactive'}")
    store.close()


@app.command("export")
def export(
    ctx: typer.Context,
    since: Annotated[
        str, typer.Option(help="Only orders validated on or after this date (YYYY-MM-DD).")
    ] = "",
    fmt: Annotated[str, typer.Option("--format", help="csv or json.")] = "csv",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """Validated orders (latest decision per mail) as CSV or JSON."""
    from .. import handoff

    if fmt not in ("csv", "json"):
        raise fail(f"--format must be csv or json, not {fmt!r}")
    when = None
    if since:
        try:
            when = datetime.fromisoformat(since)
        except ValueError:
            raise fail(f"--since: not a date: {since!r} (expected YYYY-MM-DD)") from None
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
    store = _store(ctx.obj.settings())
    try:
        if out is None:
            n = handoff.export_orders(store, when, fmt, sys.stdout)
        else:
            with out.open("w", encoding="utf-8", newline="") as fh:
                n = handoff.export_orders(store, when, fmt, fh)
    except (IntakeError, OSError) as exc:
        raise fail(str(exc), 1) from None
    finally:
        store.close()
    typer.echo(f"{n} validated order(s) exported", err=True)


@app.command("export-labels")
def export_labels(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="Folder to write labels.csv and mails/ into.")],
) -> None:
    """Validated mails as a labelled corpus (labels.csv format) for `orderintake evaluate`."""
    from .. import handoff

    store = _store(ctx.obj.settings())
    try:
        n = handoff.export_labels(store, folder)
    except (IntakeError, OSError) as exc:
        raise fail(str(exc), 1) from None
    finally:
        store.close()
    typer.echo(f"{n} labelled mail(s) written to {folder / 'labels.csv'}")
