"""``orderintake sirene``: import INSEE's stock files, look a number up, run the job once.

Exit codes: 0 done; 1 a file could not be imported, or the number is malformed or
the register could not be asked; 2 configuration or database not ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from . import app
from ._common import expand_inputs, progress, write_json_line

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ..config import Settings

sirene_app = typer.Typer(
    help="The SIRENE register: import the offline stock, look numbers up.",
    no_args_is_help=True,
)
app.add_typer(sirene_app, name="sirene")


def _engine(settings: Settings) -> Engine:
    """The database at the current schema, or exit 2 saying what to run."""
    from ..errors import StoreError
    from ..store import db

    try:
        engine = db.make_engine(settings.database_url)
        db.check_current(engine)
    except StoreError as exc:
        typer.echo(f"orderintake: {exc}", err=True)
        raise typer.Exit(2) from None
    return engine


@sirene_app.command("import")
def import_cmd(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            help="StockUniteLegale_utf8.csv / StockEtablissement_utf8.csv or their .zip."
        ),
    ],
    restart: Annotated[
        bool, typer.Option("--restart", help="Forget an interrupted run and start from the top.")
    ] = False,
    chunk_rows: Annotated[
        int, typer.Option("--chunk-rows", min=100, help="Rows per committed chunk.")
    ] = 10_000,
) -> None:
    """Load INSEE's bulk stock into the database (resumes an interrupted import)."""
    from ..errors import IntakeError
    from ..sirene.stock import import_source, sources

    settings = ctx.obj.settings()
    paths, problems = expand_inputs(files, (".csv", ".zip"))
    for problem in problems:
        typer.echo(f"orderintake: {problem}", err=True)
    engine = _engine(settings)
    failed = bool(problems)
    for path in paths:
        try:
            todo = sources(path)
        except IntakeError as exc:
            typer.echo(f"orderintake: {exc}", err=True)
            failed = True
            continue
        for source in todo:
            with progress(source.size, source.key) as bar:
                done = [0]

                def advance(offset: int, _total: int, bar=bar, done=done) -> None:
                    bar.advance(max(0, offset - done[0]))
                    done[0] = offset

                try:
                    result = import_source(
                        engine, source, chunk_rows=chunk_rows, on_progress=advance, restart=restart
                    )
                except IntakeError as exc:
                    typer.echo(f"orderintake: {exc}", err=True)
                    failed = True
                    continue
            if result.already_done:
                typer.echo(
                    f"{source.key}: already imported ({result.rows} rows); --restart to redo it"
                )
                continue
            rate = (result.rows - result.resumed_from) / result.seconds if result.seconds else 0
            resumed = f", resumed after {result.resumed_from}" if result.resumed_from else ""
            skipped = f", {result.skipped} malformed rows left out" if result.skipped else ""
            typer.echo(
                f"{source.key}: {result.rows} {result.kind} rows{resumed}{skipped} "
                f"({rate:,.0f} rows/s)"
            )
    raise typer.Exit(1 if failed else 0)


@sirene_app.command("lookup")
def lookup_cmd(
    ctx: typer.Context,
    number: Annotated[str, typer.Argument(help="SIREN, SIRET or VAT number (spaces allowed).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Ask the register even if the cache is fresh.")
    ] = False,
) -> None:
    """Is this company in the register, active, and what is it called?"""
    from ..errors import IntakeError
    from ..sirene import build_client, lookup_cached, sirene_json

    settings = ctx.obj.settings()
    engine = _engine(settings)
    try:
        client = build_client(settings, engine)
    except IntakeError as exc:
        typer.echo(f"orderintake: configuration error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        info = lookup_cached(
            engine, client, number, ttl_days=settings.sirene_cache_ttl_days, refresh=refresh
        )
    except IntakeError as exc:
        typer.echo(f"orderintake: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        client.close()
    if as_json:
        write_json_line(sirene_json(info))
    else:
        typer.echo(
            f"{info.number}: {info.status}" + (f" ({info.provider})" if info.provider else "")
        )
        for label, value in (
            ("name", info.name),
            ("address", info.address),
            ("NAF", info.naf),
            ("état", info.etat_administratif),
            ("note", "non-diffusible: the register does not publish it" if info.hidden else ""),
            ("detail", info.detail),
        ):
            if value:
                typer.echo(f"  {label}: {value}")
    raise typer.Exit(1 if info.status == "unknown" else 0)


@sirene_app.command("complete")
def complete_cmd(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Numbers to ask at most.")] = 20,
) -> None:
    """Run the background job once: ask the register about numbers still unknown."""
    from ..errors import IntakeError
    from ..sirene import build_client, complete_pending

    settings = ctx.obj.settings()
    engine = _engine(settings)
    try:
        client = build_client(settings, engine)
    except IntakeError as exc:
        typer.echo(f"orderintake: configuration error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        done = complete_pending(engine, client, limit, ttl_days=settings.sirene_cache_ttl_days)
    except IntakeError as exc:
        typer.echo(f"orderintake: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        client.close()
    typer.echo(f"{done} number(s) answered")
