"""Fixtures of the SIRENE tests: a fake register over real HTTP, a fake clock, databases.

``register`` is a stdlib HTTP server on 127.0.0.1 that answers what each test scripts,
in the JSON layout INSEE, recherche-entreprises and VIES document: our client is
tested for real over HTTP, and no test reaches the internet. ``clock`` drives the token
buckets and backoff: no test sleeps (only the fake server does, to simulate a slow
register answering after our timeout).

PostgreSQL: ``$ORDERINTAKE_TEST_DATABASE_URL`` when set, else the local server on
127.0.0.1:5432 when it answers, else a throwaway cluster started from the installed
binaries. Each session works in a database of its own, dropped at the end.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from orderintake.sirene.http import RegisterHttp
from orderintake.sirene.ratelimit import TokenBucket
from orderintake.store import db
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class FakeRegister:
    """Scripted answers per (method, path[?query]); the last reply of a route repeats."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Reply]] = {}
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self.url = ""

    def add(self, method: str, path: str, *replies: Reply) -> None:
        self.routes[(method, path)] = list(replies)

    def reply_for(self, method: str, full: str) -> Reply:
        path = urlsplit(full).path
        with self._lock:
            queue = self.routes.get((method, full)) or self.routes.get((method, path))
            if not queue:
                return Reply(404, {"header": {"statut": 404, "message": "Aucun élément trouvé"}})
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def count(self, path_prefix: str) -> int:
        return sum(1 for s in self.seen if s.path.startswith(path_prefix))


def _handler(register: FakeRegister) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            register.seen.append(Seen(method, self.path, dict(self.headers.items()), body))
            reply = register.reply_for(method, self.path)
            if reply.delay:
                time.sleep(reply.delay)  # the fake register is slow, not the test
            payload = b"" if reply.body is None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out and hung up is expected in the slow-answer test


@pytest.fixture
def register() -> Iterator[FakeRegister]:
    fake = FakeRegister()
    server = _Server(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


class FakeClock:
    """Monotonic time that moves only when someone "sleeps"."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.slept: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_http(register: FakeRegister, clock: FakeClock) -> Iterator[Any]:
    """RegisterHttp against the fake register, on the fake clock (30 per minute)."""
    made: list[RegisterHttp] = []

    def make(name: str = "INSEE", *, timeout: float = 2.0, **kw: Any) -> RegisterHttp:
        bucket = TokenBucket(0.5, 30, clock=clock.now, sleep=clock.sleep)
        http = RegisterHttp(name, register.url, bucket, timeout=timeout, sleep=clock.sleep, **kw)
        made.append(http)
        return http

    yield make
    for http in made:
        http.close()


# --- databases ----------------------------------------------------------------------


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite database brought to head by the real migrations."""
    engine = db.make_engine(f"sqlite:///{tmp_path / 'oi.sqlite3'}")
    db.upgrade(engine)
    yield engine
    engine.dispose()


def _reachable(url: str) -> bool:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _throwaway_cluster() -> Iterator[str]:
    bindir = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)
    if bindir is None:
        raise RuntimeError("no PostgreSQL: set ORDERINTAKE_TEST_DATABASE_URL")
    data = Path(tempfile.mkdtemp(prefix="oi-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        shutil.chown(data, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(
        [*as_user, str(bindir / "initdb"), "-D", str(data / "db"), "-U", "postgres", "-A", "trust"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(
        [
            *as_user,
            str(bindir / "pg_ctl"),
            "-D",
            str(data / "db"),
            "-w",
            "-l",
            str(data / "server.log"),
            "-o",
            f"-p {port} -k {data} -c listen_addresses=127.0.0.1",
            "start",
        ],
        check=True,
        # Not captured: the server inherits pg_ctl's outputs and would hold a pipe open.
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data / "db"), "-m", "fast", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    url = os.environ.get("ORDERINTAKE_TEST_DATABASE_URL")
    if url:
        yield url
        return
    local = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    if _reachable(local):
        yield local
        return
    yield from _throwaway_cluster()


@pytest.fixture
def pg_engine(pg_server_url: str) -> Iterator[Engine]:
    """A database of our own on the PostgreSQL server, migrated to head, then dropped."""
    name = f"oi_sirene_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    engine = db.make_engine(url)
    try:
        db.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# Tests import the helpers above as ``sirene_conftest``: a plain ``from conftest import``
# picks whichever folder's conftest was loaded last when several test folders run together
# (tests/integration reuses this module under the same name).
sys.modules.setdefault("sirene_conftest", sys.modules[__name__])
