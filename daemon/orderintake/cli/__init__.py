"""The ``orderintake`` command.

One Typer application; each group of commands lives in its own module and registers
itself on :data:`app`. Heavy libraries (OpenCV, pdfminer, SQLAlchemy, FastAPI) are imported
inside the commands that need them, so ``orderintake extract one.pdf`` starts fast.
Errors are converted to exit codes here, at the edge: 0 all good, 1 some inputs failed,
2 usage or configuration error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..config import Settings, load_settings
from ..errors import ConfigError

app = typer.Typer(
    name="orderintake",
    help="Recognise purchase-order mails, read their order numbers, queue them for clerks.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class AppState:
    """Settings are read once, at start-up, and handed to every command."""

    def __init__(self, config_file: Path | None) -> None:
        self.config_file = config_file
        self._settings: Settings | None = None

    def settings(self, **overrides: Any) -> Settings:
        if self._settings is None or overrides:
            try:
                s = load_settings(self.config_file, **overrides)
            except ConfigError as exc:
                typer.echo(f"orderintake: configuration error: {exc}", err=True)
                raise typer.Exit(2) from None
            if overrides:
                return s
            self._settings = s
        return self._settings


@app.callback()
def _root(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="TOML configuration file (default ./orderintake.toml when present)."
        ),
    ] = None,
) -> None:
    ctx.obj = AppState(config)


def _register() -> None:
    # Each module adds its commands to `app` when imported.
    from . import config_cmd  # noqa: F401
    from . import daemon_cmd  # noqa: F401
    from . import engine_cmd  # noqa: F401
    from . import extract_cmd  # noqa: F401
    from . import mail_cmd  # noqa: F401
    from . import sirene_cmd  # noqa: F401
    from . import web_cmd  # noqa: F401


def main() -> None:
    _register()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
