"""Fixtures for the daemon tests: a real Dovecot, settings pointing at it, a fresh store.

The Dovecot comes from the mail tests' script (``tests/mail/imap-test-server.sh``), one
server per test (tests stop, pause and restart it), on free loopback ports.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from imapclient import IMAPClient
from orderintake.config import Settings, load_settings
from orderintake.pipeline import Stages
from orderintake.store.db import Database, upgrade
from orderintake.store.repo import Store

SCRIPT = Path(__file__).resolve().parents[1] / "mail" / "imap-test-server.sh"
ORDERINTAKE = str(Path(sys.executable).with_name("orderintake"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Dovecot:
    dir: Path
    port: int

    def run(self, cmd: str) -> None:
        env = dict(os.environ, IMAP_PORT=str(self.port), IMAPS_PORT=str(free_port()),
                   LMTP_PORT=str(free_port()))  # fmt: skip
        with (self.dir.parent / "script.log").open("ab") as log:  # never capture: see script
            subprocess.run([str(SCRIPT), cmd, str(self.dir)], env=env, stdin=subprocess.DEVNULL,
                           stdout=log, stderr=log, check=True, timeout=60)  # fmt: skip

    def signal(self, sig: str) -> None:
        pgid = (self.dir / "run" / "master.pid").read_text().strip()
        subprocess.run(["kill", f"-{sig}", "--", f"-{pgid}"], check=False)

    def client(self) -> IMAPClient:
        c = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        c.login("alice", "alicepw")
        return c

    def append(self, folder: str, *raws: bytes) -> None:
        with self.client() as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            for raw in raws:
                c.append(folder, raw)

    def count(self, folder: str) -> int:
        with self.client() as c:
            if not c.folder_exists(folder):
                return 0
            return int(c.folder_status(folder, [b"MESSAGES"])[b"MESSAGES"])

    def subjects(self, folder: str) -> list[str]:
        with self.client() as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            uids = c.search("ALL")
            data = c.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (SUBJECT)]"])
            return sorted(
                d[b"BODY[HEADER.FIELDS (SUBJECT)]"].decode().strip().removeprefix("Subject: ")
                for d in data.values()
            )


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


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a subprocess ``orderintake`` the same settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORDERINTAKE_")}
    for key in ("data_dir", "mailbox_url", "imap_starttls", "imap_password_file", "imap_timeout",
                "poll_interval", "retry_delay", "max_attempts", "lease_seconds", "database_url"):  # fmt: skip
        env[f"ORDERINTAKE_{key.upper()}"] = str(getattr(settings, key))
    return env


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
