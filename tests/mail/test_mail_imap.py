"""The IMAP source against a real Dovecot (tests/mail/imap-test-server.sh, free ports).

Destructive cases (pause, stop, wrong password) use a server of their own (``fresh_imap``)
so the shared one never carries Dovecot's wrong-password penalty or a paused process.
"""

from __future__ import annotations

import subprocess
import threading
from typing import TYPE_CHECKING

import pytest
from mail_samples import order_mail
from orderintake.config import Settings
from orderintake.errors import MailboxError
from orderintake.mailbox import MailSource
from orderintake.mailbox.factory import open_source
from orderintake.mailbox.imap import ImapConfig, ImapSource, oauth2_token

if TYPE_CHECKING:  # "from conftest import" at run time may find another folder's conftest
    from conftest import Dovecot


def test_list_fetch_without_seen_and_uidvalidity(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    imap_server.append(folder, order_mail(subject="un"))
    imap_server.append(folder, order_mail(subject="deux"))
    src = imap_server.source(folder)
    assert isinstance(src, MailSource)
    try:
        refs = src.list_refs()
        assert [r.uid for r in refs] == sorted(r.uid for r in refs) and len(refs) == 2
        with imap_server.admin() as c:
            status = c.folder_status(folder, [b"UIDVALIDITY"])
        assert refs[0].uidvalidity == status[b"UIDVALIDITY"] != 0
        assert refs[0].mailbox == f"imap://alice@127.0.0.1:{imap_server.port}/{folder}"
        assert b"Subject: un" in src.fetch(refs[0])
        with imap_server.admin() as c:
            c.select_folder(folder, readonly=True)
            assert sorted(c.search("UNSEEN")) == [r.uid for r in refs]
    finally:
        src.close()
        src.close()  # safe twice


def test_move_creates_folder_and_flag(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    imap_server.append(folder, order_mail())
    imap_server.append(folder, order_mail())
    src = imap_server.source(folder)
    try:
        first, second = src.list_refs()
        target = f"{folder}/Orders/Processed"
        src.move(first, target)
        src.flag(second, "$OrderSeen")
        assert [r.uid for r in src.list_refs()] == [second.uid]
        with imap_server.admin() as c:
            assert c.folder_exists(target)
            c.select_folder(target, readonly=True)
            assert len(c.search("ALL")) == 1
            c.select_folder(folder, readonly=True)
            flags = c.get_flags([second.uid])[second.uid]
        assert b"$OrderSeen" in flags
    finally:
        src.close()


def test_move_without_move_capability_uses_copy_and_uid_expunge(
    imap_server: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = imap_server.new_folder()
    imap_server.append(folder, order_mail())
    imap_server.append(folder, order_mail())
    src = imap_server.source(folder)
    try:
        first, second = src.list_refs()
        real = src.client.has_capability
        monkeypatch.setattr(src.client, "has_capability", lambda c: c != "MOVE" and real(c))
        src.move(first, f"{folder}/NotOrder")
        assert [r.uid for r in src.list_refs()] == [second.uid]  # the other mail untouched
    finally:
        src.close()


def test_uidvalidity_change_is_refused_on_fetch(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    imap_server.append(folder, order_mail())
    src = imap_server.source(folder)
    try:
        (ref,) = src.list_refs()
        with imap_server.admin() as c:
            c.delete_folder(folder)
            c.create_folder(folder)
            c.append(folder, order_mail())
        (new,) = src.list_refs()
        assert new.uidvalidity != ref.uidvalidity
        with pytest.raises(MailboxError, match="UIDVALIDITY changed") as err:
            src.fetch(ref)
        assert not err.value.retryable
    finally:
        src.close()


def test_idle_wakes_on_append_from_another_connection(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    src = imap_server.source(folder)
    try:
        src.connect()
        assert src.supports_idle
        assert src.wait(0.3) is False
        timer = threading.Timer(0.3, imap_server.append, (folder, order_mail()))
        timer.start()
        assert src.wait(20) is True  # Dovecot reports it after ~0.5 s
        timer.join()
        assert len(src.list_refs()) == 1
        threading.Timer(0.2, src.wake).start()
        assert src.wait(20) is True
    finally:
        src.close()


def test_idle_is_renewed_within_one_wait(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    src = imap_server.source(folder, idle_renew=0.3)
    try:
        src.connect()
        timer = threading.Timer(1.0, imap_server.append, (folder, order_mail()))
        timer.start()
        assert src.wait(20) is True  # the mail came after two IDLE renewals
        timer.join()
    finally:
        src.close()


def test_reconnect_after_kick(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    imap_server.append(folder, order_mail())
    src = imap_server.source(folder)
    try:
        assert len(src.list_refs()) == 1
        imap_server.run("kick", "alice")
        with pytest.raises(MailboxError) as err:
            src.list_refs()
            src.list_refs()  # the first command may still read the BYE only
        assert err.value.retryable
        assert len(src.list_refs()) == 1  # a fresh connection
    finally:
        src.close()


def test_starttls_and_imaps_with_the_test_ca(imap_server: Dovecot) -> None:
    folder = imap_server.new_folder()
    imap_server.append(folder, order_mail())
    tls = imap_server.source(folder, starttls=True)
    ssl_src = ImapSource(ImapConfig("127.0.0.1", imap_server.sport, "alice", folder,
                                    use_ssl=True, ca_file=imap_server.ca_file,
                                    password="alicepw", timeout=5))  # fmt: skip
    untrusted = ImapSource(ImapConfig("127.0.0.1", imap_server.sport, "alice", folder,
                                      use_ssl=True, password="alicepw", timeout=5))  # fmt: skip
    try:
        assert len(tls.list_refs()) == 1
        assert len(ssl_src.list_refs()) == 1
        with pytest.raises(MailboxError, match="certificate is not trusted") as err:
            untrusted.connect()
        assert not err.value.retryable
    finally:
        tls.close()
        ssl_src.close()


def test_factory_reads_password_from_file_and_hides_it(imap_server: Dovecot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "pw"
    secret.write_text("alicepw\n")
    folder = imap_server.new_folder()
    settings = Settings(
        mailbox_url=f"imap://alice@127.0.0.1:{imap_server.port}/{folder}",
        imap_password_file=str(secret),
        imap_starttls=True,
        imap_ca_file=imap_server.ca_file,
        imap_timeout=5.0,
    )
    src = open_source(settings)
    assert isinstance(src, ImapSource)
    assert "alicepw" not in repr(src) and "alicepw" not in repr(src.config)
    try:
        assert src.list_refs() == []
    finally:
        src.close()


def test_oauth2_token_from_command_and_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = ImapConfig("h", 993, "u", oauth2_token_command="printf 'tok123\\n'")
    assert oauth2_token(cfg) == "tok123"
    (tmp_path / "tok").write_text("tok456\n")
    assert (
        oauth2_token(ImapConfig("h", 993, "u", oauth2_token_file=str(tmp_path / "tok"))) == "tok456"
    )
    with pytest.raises(MailboxError, match="token command failed"):
        oauth2_token(ImapConfig("h", 993, "u", oauth2_token_command="false"))


def test_password_in_url_is_refused() -> None:
    from orderintake.errors import ConfigError

    with pytest.raises(ConfigError, match="do not put the password"):
        ImapConfig.from_url("imaps://alice:secret@mail.example/INBOX")


def test_hung_server_times_out_then_recovers(fresh_imap: Dovecot) -> None:
    folder = fresh_imap.new_folder()
    fresh_imap.append(folder, order_mail())
    src = fresh_imap.source(folder, timeout=1.5)
    try:
        assert len(src.list_refs()) == 1
        fresh_imap.run("pause")
        try:
            with pytest.raises(MailboxError) as err:
                src.list_refs()
            assert err.value.retryable
            assert "no answer within the timeout" in str(err.value)
        finally:
            fresh_imap.run("resume")
        assert len(src.list_refs()) == 1
    finally:
        src.close()


def test_server_restart_is_a_retryable_error_then_works(fresh_imap: Dovecot) -> None:
    folder = fresh_imap.new_folder()
    src = fresh_imap.source(folder)
    try:
        src.connect()
        fresh_imap.run("stop")
        with pytest.raises(MailboxError) as err:
            src.list_refs()
        assert err.value.retryable
        with pytest.raises(MailboxError):  # nothing listening: connection refused
            src.connect()
        fresh_imap.run("restart")
        assert src.list_refs() == []
    finally:
        src.close()


def test_wrong_password_is_not_retryable(fresh_imap: Dovecot) -> None:
    # Last, on its own server: Dovecot delays the next logins from this IP after a failure.
    src = fresh_imap.source("INBOX", password="wrong")
    with pytest.raises(MailboxError, match="login refused for alice") as err:
        src.connect()
    assert not err.value.retryable
    assert "wrong" not in str(err.value)


def test_script_refuses_unknown_command(imap_server: Dovecot) -> None:
    with pytest.raises(subprocess.CalledProcessError):
        imap_server.run("explode")
