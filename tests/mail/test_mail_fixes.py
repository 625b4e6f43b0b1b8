"""Review findings on the mail side: one unpacking budget per mail (nested archives),
IMAP refusals that concern one mail only, moves that never expunge other people's mails,
folder names under the server's personal namespace."""

from __future__ import annotations

import io
import os
import zipfile
from typing import TYPE_CHECKING

import pytest
from mail_samples import mail, order_mail
from orderintake.errors import MailboxError
from orderintake.mailbox.imap import ImapConfig, ImapSource
from orderintake.message import ParseLimits, parse_message

KIB = 1024

if TYPE_CHECKING:  # "from conftest import" at run time may find another folder's conftest
    from conftest import Dovecot


def _stored_zip(members: dict[str, bytes]) -> bytes:
    """Stored, not deflated: each level keeps its size (the ratio test never fires). The
    members are random bytes: a stored "%PDF-" near the start would make the archive
    sniff as a PDF."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_nested_archives_share_one_budget_for_the_whole_mail() -> None:
    # A nested bomb: every level is under the per-archive limit of 1 MiB (and the
    # compression-ratio test), yet the levels together unpack to ~2.4 MiB.
    payload = os.urandom(600 * KIB)
    inner = _stored_zip({"cde.pdf": payload})
    middle = _stored_zip({"inner.zip": inner})
    outer = _stored_zip({"middle.zip": middle})
    limits = ParseLimits(max_zip_total_bytes=1024 * KIB, max_zip_member_bytes=1024 * KIB)
    raw = mail(attachments=[("commandes.zip", outer, "application/zip")]).as_bytes()
    msg = parse_message(raw, limits)
    assert [(a.filename, a.is_real) for a in msg.attachments] == [("middle.zip", False)]
    assert any("middle.zip: archive refused" in d and "in all" in d for d in msg.defects), (
        msg.defects
    )
    # The same archive alone, one level deep, is opened as before.
    alone = parse_message(
        mail(attachments=[("cde.zip", inner, "application/zip")]).as_bytes(), limits
    )
    assert [a.filename for a in alone.attachments] == ["cde.pdf"] and not alone.defects


def test_archives_side_by_side_share_the_budget_too() -> None:
    zips = [_stored_zip({f"cde-{i}.pdf": os.urandom(400 * KIB)}) for i in range(3)]
    limits = ParseLimits(max_zip_total_bytes=1024 * KIB, max_zip_member_bytes=1024 * KIB)
    raw = mail(attachments=[(f"z{i}.zip", z, "application/zip") for i, z in enumerate(zips)])
    msg = parse_message(raw.as_bytes(), limits)
    assert [a.filename for a in msg.attachments] == ["cde-0.pdf", "cde-1.pdf", "z2.zip"]
    assert any(d.startswith("z2.zip: archive refused") for d in msg.defects)


def test_move_without_uidplus_never_expunges_other_deleted_mails(
    imap_server: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = imap_server.new_folder()
    for subject in ("ours", "staff"):
        imap_server.append(folder, order_mail(subject=subject))
    src = imap_server.source(folder)
    try:
        ours, staff = src.list_refs()
        src.client.add_flags([staff.uid], [b"\\Deleted"])  # someone's pending deletion
        real = src.client.has_capability
        monkeypatch.setattr(
            src.client, "has_capability", lambda c: c not in ("MOVE", "UIDPLUS") and real(c)
        )
        src.move(ours, f"{folder}/Processed")
        # Nothing was expunged: the staff's mail is still there, ours is flagged \Deleted;
        # neither is listed as work any more.
        assert sorted(int(u) for u in src.client.search("ALL")) == [ours.uid, staff.uid]
        assert src.list_refs() == []
        flags = src.client.get_flags([ours.uid])[ours.uid]
        assert b"\\Deleted" in flags
    finally:
        src.close()
    with imap_server.admin() as c:
        assert c.folder_status(f"{folder}/Processed", [b"MESSAGES"])[b"MESSAGES"] == 1


def test_a_refused_move_is_that_mails_problem_not_the_connections(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    imap_server.append(folder, order_mail())
    src = imap_server.source(folder)
    try:
        (ref,) = src.list_refs()
        with pytest.raises(MailboxError, match="refused") as err:
            src.move(ref, "~NotAllowed")  # Dovecot: "Invalid mailbox name: Begins with '~'"
        assert err.value.retryable is False
        assert [r.uid for r in src.list_refs()] == [ref.uid]  # the connection still works
    finally:
        src.close()


def test_folders_go_under_the_personal_namespace_prefix() -> None:
    src = ImapSource(ImapConfig("127.0.0.1", 143, "alice"))
    src._prefix, src._delimiter = "INBOX.", "."  # as Courier and Cyrus announce it
    assert src._server_folder("Orders/Processed") == "INBOX.Orders.Processed"
    assert src._server_folder("INBOX.Orders") == "INBOX.Orders"
    assert src._server_folder("inbox.Orders") == "inbox.Orders"
    assert src._server_folder("INBOX") == "INBOX"
    src._prefix, src._delimiter = "", "/"  # Dovecot's default
    assert src._server_folder("Orders/Processed") == "Orders/Processed"
