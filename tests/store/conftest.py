"""Fixtures: every storage test runs on SQLite (a file in tmp) and on PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from orderintake.store.blobs import BlobStore
from orderintake.store.db import Database, upgrade
from orderintake.store.repo import Store
from pgserver import ENV, fresh_database, throwaway_cluster


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    url = os.environ.get(ENV)
    if url:
        yield url
        return
    with throwaway_cluster() as started:
        yield started


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'oi.sqlite3'}"
        return
    server = request.getfixturevalue("pg_server")
    with fresh_database(server) as url:
        yield url


@pytest.fixture
def store(db_url: str, tmp_path: Path) -> Iterator[Store]:
    db = Database(db_url)
    upgrade(db.engine)
    s = Store(db, BlobStore(tmp_path / "blobs"))
    yield s
    s.close()
