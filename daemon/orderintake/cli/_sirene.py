"""The SIRENE answers the command line shows beside identifiers (``extract``, ``process``).

The commands only *read* the cache: they neither create a database nor ask the register;
the daemon's scheduled job does that for the mails it stores (docs/sirene.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import IntakeError


def sirene_reader(settings: Settings) -> tuple[Callable[[str], dict[str, Any]], Any]:
    """number → ``sirene_json`` from the SIRENE cache, when the database exists and is
    current (``process`` only reads it: it neither creates a database nor queues numbers;
    the daemon's job asks the register for the mails it stores). Returns the reader and
    the store to close (or None)."""
    from sqlalchemy.engine import make_url

    from ..sirene import SireneInfo, get_cached, parse_number, sirene_json
    from ..store.repo import Store

    store = None
    try:
        url = make_url(settings.database_url)
        if url.get_backend_name() != "sqlite" or (url.database and Path(url.database).is_file()):
            store = Store.open(settings.database_url, settings.data_dir)
    except Exception:  # no usable database: every number is simply not checked yet
        store = None

    def read(value: str) -> dict[str, Any]:
        try:
            number = parse_number(value)
        except IntakeError as exc:
            return sirene_json(SireneInfo("skipped", value, detail=str(exc)))
        cached = None
        if store is not None:
            try:
                cached = get_cached(store.db.engine, number.compact)
            except IntakeError:
                cached = None
        return sirene_json(
            cached
            or SireneInfo(
                "unknown",
                number.compact,
                detail="not in the SIRENE cache yet: the daemon's job asks the register",
            )
        )

    return read, store


def with_sirene(analysis: Any, read: Callable[[str], dict[str, Any]] | None) -> Any:
    """The analysis with a ``sirene`` object on each identifier (docs/sirene.md)."""
    if read is None or not isinstance(analysis, dict):
        return analysis
    idents = [
        {**i, "sirene": read(str(i.get("value", "")))} if isinstance(i, dict) else i
        for i in analysis.get("identifiers") or ()
    ]
    return {**analysis, "identifiers": idents}
