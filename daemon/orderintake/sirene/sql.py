"""The one dialect-specific bit: "insert, or update if the key is there" (upsert).

SQLite and PostgreSQL both spell it ``INSERT … ON CONFLICT``; SQLAlchemy builds it per
dialect. Other databases are not supported by orderintake.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Engine

from ..errors import StoreError


def upsert(engine: Engine, table: Table, keys: Sequence[str], *, update: bool = True) -> Any:
    """An executemany-ready upsert (or insert-if-absent when ``update`` is False)."""
    name = engine.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    else:
        raise StoreError(f"unsupported database {name!r}: use SQLite or PostgreSQL")
    statement = insert(table)
    if not update:
        return statement.on_conflict_do_nothing(index_elements=list(keys))
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={c.name: excluded[c.name] for c in table.columns if c.name not in keys},
    )
