"""Fixtures for the daemon tests: a real Dovecot, settings pointing at it, a fresh store.

The Dovecot comes from the mail tests' script (``tests/mail/imap-test-server.sh``), one
server per test (tests stop, pause and restart it), on free loopback ports.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from daemon_helpers import Dovecot, free_port
from orderintake.config import Settings, load_settings
from orderintake.pipeline import Stages
from orderintake.store.db import Database, upgrade
from orderintake.store.repo import Store


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    # Not under pytest's tmp_path: as root that is mode 0700, and Dovecot's own users
    # (dovecot, nobody) must reach the user file and the maildirs.
    base = Path(tempfile.mkdtemp(prefix="oi-imap-"))
    base.chmod(0o755)
    d = Dovecot(base / "imap", free_port())
    d.run("start")
    try:
        yield d
    finally:
        d.signal("CONT")
        d.run("stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def make_settings(tmp_path: Path, dovecot: Dovecot) -> Callable[..., Settings]:
    secret = tmp_path / "imap-password"
    secret.write_text("alicepw\n")

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "data_dir": tmp_path / "data",
            "mailbox_url": f"imap://alice@127.0.0.1:{dovecot.port}/INBOX",
            "imap_starttls": False,
            "imap_password_file": str(secret),
            "imap_timeout": 3.0,
            "poll_interval": 3600.0,
            "retry_delay": 0.0,
            "max_attempts": 2,
        }
        values.update(overrides)
        return load_settings(env={}, **values)

    return make


@pytest.fixture(scope="session")
def stages() -> Stages:
    return Stages.load(load_settings(env={}))


@pytest.fixture
def open_store() -> Iterator[Callable[[Settings], Store]]:
    opened: list[Store] = []

    def open_(settings: Settings) -> Store:
        db = Database(settings.database_url)
        upgrade(db.engine)
        db.dispose()
        s = Store.open(settings.database_url, settings.data_dir)
        opened.append(s)
        return s

    yield open_
    for s in opened:
        s.close()
