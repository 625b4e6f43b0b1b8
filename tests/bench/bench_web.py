"""Review-page figures: p95 of the queue and detail pages with 100,000 stored mails.

Seeds a fresh database (bulk insert: 100,000 mails with two candidates each, 60 % of
them awaiting validation, plus a few complete mails with a real PDF), serves the app
with uvicorn on a loopback port and times real HTTP requests (logged-in httpx client):
the queue's first page, a page deep in the queue (keyset cursor), a sender filter, an
order-number search, and the detail page of a complete mail. Runs on SQLite and on
PostgreSQL (``ORDERINTAKE_TEST_DATABASE_URL``, default the local server, in a database
created for the run and dropped afterwards).

    .venv/bin/python tests/bench/bench_web.py [--mails 100000] [--requests 60] [--only sqlite|postgresql]

Prints figures; asserts nothing (speed is measured, not tested). Target: p95 < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "web"))
sys.path.insert(0, str(HERE.parent / "store"))

from orderintake import auth  # noqa: E402
from orderintake.config import load_settings  # noqa: E402
from orderintake.store import decisions  # noqa: E402
from orderintake.store.db import Database, upgrade  # noqa: E402
from orderintake.store.repo import Store  # noqa: E402
from orderintake.web import create_app  # noqa: E402
from seeding import LiveServer, bulk_mails, seed_mail  # noqa: E402

PASSWORD = "bench-password-1"


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) >= 2 else xs[0]


def run(label: str, url: str, data_dir: Path, mails: int, requests: int) -> None:
    db = Database(url)
    upgrade(db.engine)
    db.dispose()
    store = Store.open(url, data_dir)
    t0 = time.perf_counter()
    bulk_mails(store, mails, datetime(2025, 1, 1, tzinfo=UTC))
    full = [seed_mail(store, order_number=f"PO-BENCH-{i:03d}") for i in range(5)]
    with store.db.session() as s:
        decisions.add_user(s, "bench", "clerk", auth.hash_password(PASSWORD))
    if not db.is_sqlite:
        with store.db.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    seeded = time.perf_counter() - t0
    print(f"\n{label}: seeded {mails:,} mails in {seeded:.1f} s")
    settings = load_settings(env={}, data_dir=data_dir, database_url=url)
    with (
        LiveServer(create_app(settings, store=store)) as live,
        httpx.Client(base_url=live.url) as c,
    ):
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text)
        assert token
        c.post("/login", data={"name": "bench", "password": PASSWORD, "csrf": token.group(1)})
        deep = c.get("/").text
        cursor = ""
        for _ in range(40):  # walk 40 pages (2,000 mails) into the queue for a deep cursor
            m = re.search(r'href="/\?[^"]*after=([^"&]+)"', deep)
            if not m:
                break
            cursor = unquote(m.group(1))
            deep = c.get("/", params={"after": cursor}).text
        cases = {
            "queue, first page": ("/", {}),
            "queue, 40 pages deep": ("/", {"after": cursor}),
            "queue, sender filter": ("/", {"sender": "client42.fr"}),
            "queue, order-number search": ("/", {"q": "PO-2025-012345", "status": ""}),
            "detail page (PDF, 2 candidates)": (f"/mail/{full[2].message_id}", {}),
            "detail page (bulk mail)": (f"/mail/{mails // 2}", {}),
            "page image, cached PNG": (f"/attachment/{full[2].attachment_id}/page/1.png", {}),
        }
        for name, (path, params) in cases.items():
            r = c.get(path, params=params)
            assert r.status_code == 200, (name, r.status_code, r.text[:300])
            times = []
            for _ in range(requests):
                t = time.perf_counter()
                r = c.get(path, params=params)
                times.append((time.perf_counter() - t) * 1000)
            print(f"  {name:<34} p50 {statistics.median(times):6.1f} ms   p95 {p95(times):6.1f} ms")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mails", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=60)
    ap.add_argument("--only", choices=("sqlite", "postgresql"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="oi-bench-web-") as tmp:
        if args.only in (None, "sqlite"):
            d = Path(tmp) / "sqlite"
            run("SQLite", f"sqlite:///{d}/bench.sqlite3", d, args.mails, args.requests)
        if args.only in (None, "postgresql"):
            from pgserver import fresh_database

            server = os.environ.get(
                "ORDERINTAKE_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
            )
            with fresh_database(server) as url:
                run("PostgreSQL", url, Path(tmp) / "pg", args.mails, args.requests)


if __name__ == "__main__":
    main()
