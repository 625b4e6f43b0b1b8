"""Fixtures for the review app: a migrated SQLite store in a temporary folder, users, a
logged-in httpx client (FastAPI's httpx.Client), and mails seeded with real PDFs."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from orderintake import auth
from orderintake.config import Settings, load_settings
from orderintake.store import decisions
from orderintake.store.db import Database, upgrade
from orderintake.store.repo import Store
from orderintake.web import create_app
from seeding import LiveServer
from web_helpers import PASSWORD


def make_store(settings: Settings) -> Store:
    db = Database(settings.database_url)
    upgrade(db.engine)
    db.dispose()
    return Store.open(settings.database_url, settings.data_dir)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(env={}, data_dir=tmp_path / "data")


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    s = make_store(settings)
    with s.db.session() as db:
        decisions.add_user(db, "claire", "clerk", auth.hash_password(PASSWORD))
        decisions.add_user(db, "admin", "admin", auth.hash_password(PASSWORD))
    yield s
    s.close()


@pytest.fixture
def server(settings: Settings, store: Store) -> Iterator[LiveServer]:
    with LiveServer(create_app(settings, store=store)) as live:
        yield live


@pytest.fixture
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, follow_redirects=True) as c:
        yield c
