"""The Maildir source: listing, reading without \\Seen, moves into Maildir++ folders."""

from __future__ import annotations

import mailbox
import threading
from pathlib import Path

import pytest
from mail_samples import order_mail
from orderintake.config import Settings
from orderintake.errors import MailboxError
from orderintake.mailbox import MailSource
from orderintake.mailbox.factory import open_source
from orderintake.mailbox.maildir import MaildirSource, uid_for_key


def _deliver(root: Path, raw: bytes) -> str:
    return mailbox.Maildir(root, create=True).add(raw)


def test_list_fetch_move_flag(tmp_path: Path) -> None:
    src = open_source(Settings(mailbox_url=f"maildir://{tmp_path}/md"))
    assert isinstance(src, MaildirSource) and isinstance(src, MailSource)
    src.connect()
    k1 = _deliver(tmp_path / "md", order_mail(subject="un"))
    k2 = _deliver(tmp_path / "md", order_mail(subject="deux"))
    refs = src.list_refs()
    assert [r.key for r in refs] == [k1, k2]
    assert refs[0].uid == uid_for_key(k1) and refs[0].uidvalidity == 0
    assert refs[0].mailbox == src.name
    assert b"Subject: un" in src.fetch(refs[0])
    assert "S" not in mailbox.Maildir(tmp_path / "md").get_message(k1).get_flags()
    src.flag(refs[1], "\\Flagged")
    assert "F" in mailbox.Maildir(tmp_path / "md").get_message(k2).get_flags()
    src.move(refs[0], "Orders/Processed")
    assert (tmp_path / "md" / ".Orders.Processed" / "cur").is_dir()
    assert [r.key for r in src.list_refs()] == [k2]
    moved = mailbox.Maildir(tmp_path / "md").get_folder("Orders.Processed")
    assert len(moved) == 1
    with pytest.raises(MailboxError) as err:
        src.fetch(refs[0])
    assert not err.value.retryable
    with pytest.raises(MailboxError):
        src.flag(refs[1], "$Todo")


def test_uid_is_stable_and_positive() -> None:
    assert uid_for_key("1700000000.M1P2.host") == uid_for_key("1700000000.M1P2.host")
    assert 0 < uid_for_key("x") < 2**63


def test_wait_returns_on_delivery_and_on_wake(tmp_path: Path) -> None:
    src = MaildirSource(tmp_path / "md", poll_slice=0.05)
    src.connect()
    assert src.wait(0.1) is False
    timer = threading.Timer(0.2, _deliver, (tmp_path / "md", order_mail()))
    timer.start()
    assert src.wait(30) is True
    timer.join()
    threading.Timer(0.1, src.wake).start()
    assert src.wait(30) is True


def test_bad_folder_name(tmp_path: Path) -> None:
    src = MaildirSource(tmp_path / "md")
    with pytest.raises(MailboxError):
        src.folder("Orders/v1.2")
