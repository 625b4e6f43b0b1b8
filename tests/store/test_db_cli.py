"""``orderintake db upgrade`` / ``db current`` and the daemon's refusal, on both databases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ORDERINTAKE = str(Path(sys.executable).with_name("orderintake"))


def _run(db_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORDERINTAKE_")}
    env["ORDERINTAKE_DATABASE_URL"] = db_url
    env["ORDERINTAKE_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [ORDERINTAKE, *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_db_commands_and_run_refusing_an_old_schema(db_url: str, tmp_path: Path) -> None:
    current = _run(db_url, tmp_path, "db", "current")
    assert current.returncode == 1 and "empty" in current.stdout
    refused = _run(db_url, tmp_path, "run")
    assert refused.returncode == 2
    assert "run `orderintake db upgrade`" in refused.stderr and "Traceback" not in refused.stderr
    up = _run(db_url, tmp_path, "db", "upgrade")
    assert up.returncode == 0 and "upgraded from empty" in up.stdout
    again = _run(db_url, tmp_path, "db", "upgrade")
    assert again.returncode == 0 and "already at revision" in again.stdout
    current = _run(db_url, tmp_path, "db", "current")
    assert current.returncode == 0 and "up to date" in current.stdout


def test_an_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    res = _run("postgresql+psycopg://nobody@127.0.0.1:1/none", tmp_path, "db", "current")
    assert res.returncode == 2 and "orderintake:" in res.stderr and "Traceback" not in res.stderr
