"""``orderintake run`` as a real process: SIGKILL mid-mail, restart, SIGTERM; ``process``.

Every mail must be accounted for exactly once: one row per mail, none lost, none twice,
each moved once, after a kill at an arbitrary moment of a backlog.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from daemon_helpers import ORDERINTAKE, Dovecot, settings_env
from mails import BROKEN_MAIL, order_mail, status_question_mail
from orderintake import auth
from orderintake.config import Settings, load_settings
from orderintake.store import decisions
from orderintake.store.repo import Store

N = 12


def _wait(predicate: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def test_sigkill_mid_mail_then_restart_accounts_for_every_mail_once(
    dovecot: Dovecot,
    make_settings: Callable[..., Settings],
    open_store: Any,
    tmp_path: Path,
) -> None:
    numbers = [f"CF2026{i:04d}" for i in range(N)]
    dovecot.append("INBOX", *(order_mail(n) for n in numbers))
    settings = make_settings(poll_interval=1.0, lease_seconds=2.0, max_attempts=5)
    env = settings_env(settings)
    subprocess.run([ORDERINTAKE, "db", "upgrade"], env=env, check=True, capture_output=True)
    store = open_store(settings)
    with (tmp_path / "run1.log").open("wb") as log1:
        first = subprocess.Popen([ORDERINTAKE, "run"], env=env, stdout=log1, stderr=log1)
    try:
        # Kill while a mail is leased and being processed (after a few are done).
        assert _wait(
            lambda: (
                len(store.list_messages("awaiting-validation")) >= 2
                and bool(store.list_messages("processing"))
            ),
            60,
            step=0.005,
        ), "the daemon processed nothing"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    done_before = len(store.list_messages("awaiting-validation"))
    in_flight = len(store.list_messages("processing"))
    print(f"killed with {done_before} mails done, {in_flight} leased mid-processing")
    assert in_flight == 1, "the kill was meant to land mid-mail"

    with (tmp_path / "run2.log").open("wb") as log2:
        second = subprocess.Popen([ORDERINTAKE, "run"], env=env, stdout=log2, stderr=log2)
    try:
        assert _wait(
            lambda: (
                len(store.list_messages("awaiting-validation")) == N and dovecot.count("INBOX") == 0
            ),
            60,
        ), (tmp_path / "run2.log").read_text()
    finally:
        second.send_signal(signal.SIGTERM)
        code = second.wait(30)
    assert code == 0  # a clean stop on SIGTERM
    rows = store.list_messages(limit=1000)
    assert len(rows) == N
    assert sorted(r.order_number or "" for r in rows) == numbers
    assert len({r.message_id for r in rows}) == N
    assert dovecot.count("Orders/Processed") == N
    assert "daemon stopped" in (tmp_path / "run2.log").read_text()


def test_cli_poll_once_and_process_json(
    dovecot: Dovecot, make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings()
    env = settings_env(settings)
    refused = subprocess.run(
        [ORDERINTAKE, "poll", "--once"], env=env, capture_output=True, text=True
    )
    assert refused.returncode == 2 and "orderintake db upgrade" in refused.stderr
    subprocess.run([ORDERINTAKE, "db", "upgrade"], env=env, check=True, capture_output=True)
    dovecot.append("INBOX", order_mail("BDC-2026-0042"), status_question_mail())
    out = subprocess.run([ORDERINTAKE, "poll", "--once"], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "1 awaiting-validation" in out.stdout and "1 not-order" in out.stdout
    assert dovecot.count("Orders/Processed") == 1 and dovecot.count("Orders/NotOrder") == 1

    folder = tmp_path / "mails"
    folder.mkdir()
    (folder / "a-order.eml").write_bytes(order_mail("BDC-2026-0042"))
    (folder / "b-question.eml").write_bytes(status_question_mail())
    (folder / "c-broken.eml").write_bytes(BROKEN_MAIL)
    res = subprocess.run(
        [ORDERINTAKE, "process", str(folder), "--json"], env=env, capture_output=True, text=True
    )
    assert res.returncode == 1  # one input failed
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert [Path(o["path"]).name for o in lines] == [
        "a-order.eml",
        "b-question.eml",
        "c-broken.eml",
    ]
    order, question, broken = lines
    assert order["is_order"] is True and order["order_number"] == "BDC-2026-0042"
    assert order["attachments"][0]["content_type"] == "application/pdf"
    assert order["documents"][0]["pages"] == 1
    assert order["documents"][0]["analysis"]["order_numbers"][0]["value"] == "BDC-2026-0042"
    assert question["is_order"] is False and question["bucket"] == "not-order"
    assert question["order_number"] is None and question["error"] is None
    assert broken["error"] and "cannot be read" in broken["error"]


def test_demo_seeds_a_maildir_polls_once_and_summarises(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORDERINTAKE_")}
    env["ORDERINTAKE_DATA_DIR"] = str(tmp_path / "data")
    missing = subprocess.run(
        [ORDERINTAKE, "demo", "--corpus", str(tmp_path / "none"), "--no-serve"],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert missing.returncode == 2 and "python -m training_set.generate" in missing.stderr
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "order.eml").write_bytes(order_mail("CF20260777"))
    (corpus / "question.eml").write_bytes(status_question_mail())
    outputs = []
    for _ in range(2):  # running it twice seeds nothing twice
        res = subprocess.run(
            [ORDERINTAKE, "demo", "--corpus", str(corpus), "--no-serve"],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert res.returncode == 0, res.stderr
        outputs.append(res.stdout)
    assert "0 new mail(s)" in res.stdout
    assert "awaiting-validation    1" in res.stdout and "not-order              1" in res.stdout
    # The first run made the clerk 'demo' with a random password, printed once, that works.
    first, second = outputs
    assert "review page: http://127.0.0.1:8000/" in first
    found = re.search(r"log in as 'demo', password (\S+) \(shown only this once\)", first)
    assert found, first
    assert "password as printed the first time" in second and found.group(1) not in second
    settings = load_settings(env={}, data_dir=tmp_path / "data")
    store = Store.open(settings.database_url, settings.data_dir)
    try:
        with store.db.session() as s:
            user = decisions.user_by_name(s, "demo")
    finally:
        store.close()
    assert user is not None and user.role == "clerk"
    assert auth.verify_password(user.password_hash, found.group(1))
