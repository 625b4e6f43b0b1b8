"""The daemon on a local Maildir (the demo's and README's source) with two worker processes."""

from __future__ import annotations

import mailbox
from pathlib import Path
from typing import Any

from mails import BROKEN_MAIL, order_mail, status_question_mail
from orderintake.config import load_settings
from orderintake.pipeline import Stages
from orderintake.service import Daemon


def test_two_workers_process_a_maildir_backlog_once(
    tmp_path: Path, open_store: Any, stages: Stages
) -> None:
    root = tmp_path / "maildir"
    md = mailbox.Maildir(root, create=True)
    numbers = [f"PO-45000{i:05d}" for i in range(6)]
    for n in numbers:
        md.add(order_mail(n))
    md.add(status_question_mail())
    md.add(BROKEN_MAIL)
    settings = load_settings(
        env={}, data_dir=tmp_path / "data", mailbox_url=f"maildir://{root}", workers=2,
        max_attempts=1,
    )  # fmt: skip
    store = open_store(settings)
    daemon = Daemon(settings, store, stages)
    try:
        report = daemon.poll_once()
        assert report is not None and report.processed == 8
        again = daemon.poll_once()
        assert again is not None and again.processed == 0 and again.listed == 0
    finally:
        daemon.stop()
    assert (
        sorted(r.order_number or "" for r in store.list_messages("awaiting-validation")) == numbers
    )
    assert store.count_by_status() == {"awaiting-validation": 6, "not-order": 1, "failed": 1}
    assert len(md) == 0
    assert len(md.get_folder("Orders.Processed")) == 6
    assert len(md.get_folder("Orders.NotOrder")) == 1
    assert len(md.get_folder("Orders.NeedsAttention")) == 1
