"""``orderintake config``: print the effective settings, or a documented example file."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import typer

from ..config import Settings, documented_keys
from . import app

config_app = typer.Typer(help="Show the effective configuration or write a documented example.")
app.add_typer(config_app, name="config")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(json.dumps(str(v)) for v in value) + "]"
    return json.dumps(str(value))


def example_toml() -> str:
    """Every key with its documentation and default: the source of
    ``deploy/orderintake.example.toml`` (a test keeps the two identical)."""
    defaults = {f.name: f.default for f in dataclasses.fields(Settings)}
    out = [
        "# orderintake configuration: every key, its meaning and its default.",
        "# Copy to ./orderintake.toml (or pass --config PATH) and uncomment what you change.",
        "# Any key can also be set in the environment as ORDERINTAKE_<KEY> (upper case),",
        "# which wins over this file. Secrets go in files named by *_file keys or in the",
        "# environment, never in this file.",
        "# Regenerate with: orderintake config example > deploy/orderintake.example.toml",
        "",
    ]
    for key, doc in documented_keys().items():
        default = defaults[key]
        if isinstance(default, Path):
            default = str(default) if str(default) != "." else ""
        out.append(f"# {doc}")
        out.append(f"# {key} = {_toml_value(default)}")
        out.append("")
    return "\n".join(out)


@config_app.command("example")
def example() -> None:
    """Print a configuration file with every key documented and commented out."""
    typer.echo(example_toml(), nl=False)


@config_app.command("show")
def show(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")
) -> None:
    """Print the effective settings (file + environment), after validation."""
    settings = ctx.obj.settings()
    values = {
        k: (str(v) if isinstance(v, Path) else v) for k, v in dataclasses.asdict(settings).items()
    }
    values = {k: (list(v) if isinstance(v, tuple) else v) for k, v in values.items()}
    if as_json:
        typer.echo(json.dumps(values, indent=2, ensure_ascii=False))
        return
    for key, value in values.items():
        typer.echo(f"{key} = {_toml_value(value)}")
