"""Alembic environment, run from the installed package (see ``store.db.alembic_config``).

The engine comes from ``config.attributes["engine"]`` (built by orderintake from its
settings), so no URL, and no ``alembic.ini``, is read from disk. ``target_metadata`` is a
list: the core tables and, when the module exists, the SIRENE register's tables, which
live on their own metadata and arrive with their own migration.
"""

from __future__ import annotations

import importlib
from typing import Any

from alembic import context
from orderintake.store import schema
from sqlalchemy import MetaData


def _metadatas() -> list[MetaData]:
    found = [schema.Base.metadata]
    try:
        sirene = importlib.import_module("orderintake.store.sirene_tables")
    except ModuleNotFoundError:
        return found
    found.append(sirene.metadata)
    return found


target_metadata = _metadatas()


def run_migrations_online() -> None:
    engine: Any = context.config.attributes.get("engine")
    if engine is None:
        from orderintake.store.db import make_engine

        url = context.config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("no engine and no sqlalchemy.url given to the migrations")
        engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
