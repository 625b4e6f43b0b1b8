"""Fixtures for the mail tests: the shipped classification rules and a real Dovecot.

``imap_server`` (one per test session and xdist worker) is a throw-away Dovecot started by
``imap-test-server.sh`` on free loopback ports in a temporary folder; tests use their own
folder names so they never see each other's mails. ``fresh_imap`` is a server of its own
for tests that stop, pause or restart it, or trip Dovecot's wrong-password penalty.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from imapclient import IMAPClient
from orderintake.classify_rules import ClassifyRules, load_classify_rules
from orderintake.config import SHIPPED_RULES_DIR
from orderintake.mailbox.imap import ImapConfig, ImapSource

SCRIPT = Path(__file__).with_name("imap-test-server.sh")
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def rules() -> ClassifyRules:
    return load_classify_rules(SHIPPED_RULES_DIR)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Dovecot:
    """A running test Dovecot: ports, folder, and the script's commands."""

    dir: Path
    port: int
    sport: int

    @property
    def ca_file(self) -> str:
        return str(self.dir / "cert.pem")

    def run(self, *args: str) -> None:
        env = dict(os.environ, IMAP_PORT=str(self.port), IMAPS_PORT=str(self.sport),
                   LMTP_PORT=str(_free_port()))  # fmt: skip
        # Never capture the output: the daemon would keep the pipe open (see the script).
        self.dir.mkdir(exist_ok=True)
        with (self.dir.parent / "script.log").open("ab") as log:
            subprocess.run([str(SCRIPT), args[0], str(self.dir), *args[1:]], env=env,
                           stdin=subprocess.DEVNULL, stdout=log, stderr=log, check=True,
                           timeout=60)  # fmt: skip

    def admin(self, user: str = "alice", password: str | None = None) -> IMAPClient:
        c = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        c.login(user, password or f"{user}pw")
        return c

    def new_folder(self, user: str = "alice") -> str:
        name = f"T{os.getpid()}x{next(_counter)}"
        with self.admin(user) as c:
            c.create_folder(name)
        return name

    def append(self, folder: str, raw: bytes, user: str = "alice") -> None:
        with self.admin(user) as c:
            c.append(folder, raw)

    def source(self, folder: str, **kw: object) -> ImapSource:
        opts: dict[str, object] = dict(
            use_ssl=False, starttls=False, timeout=5.0, password="alicepw", ca_file=self.ca_file
        )
        opts.update(kw)
        return ImapSource(ImapConfig("127.0.0.1", self.port, "alice", folder, **opts))  # type: ignore[arg-type]


@contextmanager
def _dovecot() -> Iterator[Dovecot]:
    # Not pytest's tmp_path: as root its 0700 parent hides the users file from Dovecot's
    # unprivileged auth process. A short path also keeps unix sockets under 108 bytes.
    base = Path(tempfile.mkdtemp(prefix="oi-imap-"))
    base.chmod(0o755)
    d = Dovecot(base / "srv", _free_port(), _free_port())
    d.run("start")
    try:
        yield d
    finally:
        pid = d.dir / "run" / "master.pid"
        if pid.exists():  # a paused server must be resumed to be stopped
            d.run("resume")
        d.run("stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def imap_server() -> Iterator[Dovecot]:
    with _dovecot() as d:
        yield d


@pytest.fixture
def fresh_imap() -> Iterator[Dovecot]:
    with _dovecot() as d:
        yield d
