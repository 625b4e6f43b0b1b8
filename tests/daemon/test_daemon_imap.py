"""The daemon against a real Dovecot: folders and database checked after each scenario.

Mails are small text-PDF orders (no OCR), so each scenario takes a few seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from daemon_helpers import Dovecot
from mails import BROKEN_MAIL, mail, order_mail, order_pdf, status_question_mail
from orderintake.config import Settings
from orderintake.mailbox.factory import open_source
from orderintake.model import MailRef
from orderintake.pipeline import Stages
from orderintake.service import Daemon
from orderintake.store.repo import Store


class CountingSource:
    """A real source that counts body fetches and can run a hook before one."""

    def __init__(self, inner: Any, log: list[MailRef], hook: Callable[[int], None] | None) -> None:
        self._inner, self._log, self._hook = inner, log, hook

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def fetch(self, ref: MailRef) -> bytes:
        self._log.append(ref)
        if self._hook is not None:
            self._hook(len(self._log))
        return bytes(self._inner.fetch(ref))


def make_daemon(
    settings: Settings,
    store: Store,
    stages: Stages,
    fetched: list[MailRef],
    hook: Callable[[int], None] | None = None,
    clock: list[float] | None = None,
) -> Daemon:
    clock = clock if clock is not None else [0.0]
    return Daemon(
        settings,
        store,
        stages,
        source_factory=lambda s: CountingSource(open_source(s), fetched, hook),  # type: ignore[arg-type,return-value]
        monotonic=lambda: clock[0],
        rng=lambda: 0.5,
    )


def statuses(store: Store) -> list[str]:
    return sorted(r.status for r in store.list_messages())


def test_poll_moves_each_mail_once_and_never_fetches_a_done_mail_again(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    pdf = order_pdf("CF20231234")
    dovecot.append(
        "INBOX",
        order_mail("CF20231234"),
        status_question_mail(),
        BROKEN_MAIL,
        mail("TR: Commande CF20231234", "Pour info, je transfère.", [("BC.pdf", pdf)]),
    )
    settings = make_settings()
    store = open_store(settings)
    fetched: list[MailRef] = []
    daemon = make_daemon(settings, store, stages, fetched)

    report = daemon.poll_once()
    assert report is not None and report.processed == 4 and len(fetched) == 4
    assert statuses(store) == ["awaiting-validation", "duplicate", "needs-attention", "not-order"]
    assert dovecot.count("Orders/Processed") == 2
    assert dovecot.count("Orders/NotOrder") == 1
    assert dovecot.count("INBOX") == 1  # the broken mail waits for its retry
    (queued,) = store.list_messages("awaiting-validation")
    assert queued.order_number == "CF20231234"

    fetched.clear()
    daemon.poll_once()  # retry_delay=0: the broken mail is due; max_attempts=2: it gives up
    assert len(fetched) == 1
    (failed,) = store.list_messages("failed")
    assert "cannot be read" in (failed.last_error or "") and failed.attempts == 2
    assert dovecot.count("Orders/NeedsAttention") == 1 and dovecot.count("INBOX") == 0

    fetched.clear()
    dovecot.append("INBOX", order_mail("BC-778899"))
    daemon.poll_once()
    assert len(fetched) == 1  # only the new mail's body was downloaded
    assert len(store.list_messages()) == 5
    daemon.stop()


def test_server_restart_mid_poll_loses_nothing_and_duplicates_nothing(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    numbers = ["CF20230001", "CF20230002", "CF20230003", "CF20230004"]
    dovecot.append("INBOX", *(order_mail(n) for n in numbers))
    settings = make_settings()
    store = open_store(settings)
    fetched: list[MailRef] = []
    clock = [0.0]

    def restart_on_second_fetch(n: int) -> None:
        if n == 2:
            dovecot.run("restart")

    daemon = make_daemon(settings, store, stages, fetched, restart_on_second_fetch, clock)
    assert daemon.poll_once() is None  # the connection died mid-poll
    state = store.mailbox_state(f"imap://alice@127.0.0.1:{dovecot.port}/INBOX")
    assert state is not None and state.last_error
    # the first mail is stored; the second's lease was released, not lost
    assert statuses(store) == ["awaiting-validation", "new"]
    assert daemon.poll_once() is None and len(fetched) == 2  # inside the backoff: no attempt
    clock[0] += 1000.0
    report = daemon.poll_once()
    assert report is not None
    rows = store.list_messages()
    assert sorted(r.order_number or "" for r in rows) == numbers
    assert statuses(store) == ["awaiting-validation"] * 4
    assert dovecot.count("Orders/Processed") == 4 and dovecot.count("INBOX") == 0
    daemon.stop()


def test_hung_server_times_out_and_the_daemon_recovers(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    settings = make_settings(imap_timeout=2.0)
    store = open_store(settings)
    clock = [0.0]
    daemon = make_daemon(settings, store, stages, [], clock=clock)
    assert daemon.poll_once() is not None  # connected, nothing to do
    dovecot.append("INBOX", order_mail("PO-4500012345"))
    dovecot.signal("STOP")
    started = time.monotonic()
    assert daemon.poll_once() is None
    hung_for = time.monotonic() - started
    print(f"hung server detected after {hung_for:.1f} s (imap_timeout 2 s)")
    state = store.mailbox_state(f"imap://alice@127.0.0.1:{dovecot.port}/INBOX")
    assert state is not None and state.last_error
    dovecot.signal("CONT")
    clock[0] += 1000.0
    report = daemon.poll_once()
    assert report is not None and report.processed == 1
    assert statuses(store) == ["awaiting-validation"]
    daemon.stop()


def test_idle_wakes_the_poller_within_seconds(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    settings = make_settings(poll_interval=3600.0)
    store = open_store(settings)
    daemon = Daemon(settings, store, stages)
    daemon.start()
    try:
        with daemon.polled:
            assert daemon.polled.wait_for(lambda: daemon.poll_count >= 1, timeout=30)
        time.sleep(1.0)  # let the IDLE connection settle (no poll is due for an hour)
        dovecot.append("INBOX", order_mail("CF20239999"))
        appended = time.monotonic()
        while time.monotonic() - appended < 30 and not store.list_messages("awaiting-validation"):
            with daemon.polled:
                daemon.polled.wait(timeout=0.2)
        latency = time.monotonic() - appended
    finally:
        daemon.stop()
    print(f"IDLE latency, APPEND to stored candidates: {latency:.2f} s")
    (rec,) = store.list_messages("awaiting-validation")
    assert rec.order_number == "CF20239999"
    assert latency < 15.0  # generous; measured precisely by tests/bench/bench_daemon.py


def test_uidvalidity_change_rekeys_known_mails_and_processes_new_ones(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    first = order_mail("CF20235555")
    dovecot.append("Box", first)
    settings = make_settings(
        mailbox_url=f"imap://alice@127.0.0.1:{dovecot.port}/Box", post_action="flag"
    )
    store = open_store(settings)
    fetched: list[MailRef] = []
    daemon = make_daemon(settings, store, stages, fetched)
    daemon.poll_once()
    (before,) = store.list_messages()
    daemon.stop()
    # The folder is re-created (a restore, a server migration): new UIDVALIDITY, same mail.
    with dovecot.client() as c:
        c.rename_folder("Box", "BoxOld")
        c.create_folder("Box")
        c.append("Box", first)
        c.append("Box", order_mail("CF20236666"))
    daemon = make_daemon(settings, store, stages, fetched)
    report = daemon.poll_once()
    assert report is not None and report.uidvalidity_changed
    rows = store.list_messages()
    assert len(rows) == 2  # the known mail was re-keyed, not queued again
    again = store.get_message(before.id)
    assert again.uidvalidity != before.uidvalidity and again.status == "awaiting-validation"
    assert sorted(r.order_number or "" for r in rows) == ["CF20235555", "CF20236666"]
    daemon.stop()


@pytest.mark.parametrize("post_action", ["none"])
def test_post_action_none_leaves_mails_and_skips_them_without_fetching(
    post_action: str,
    dovecot: Dovecot,
    make_settings: Callable[..., Settings],
    open_store: Any,
    stages: Stages,
) -> None:
    dovecot.append("INBOX", order_mail("CF20237777"))
    settings = make_settings(post_action=post_action)
    store = open_store(settings)
    fetched: list[MailRef] = []
    daemon = make_daemon(settings, store, stages, fetched)
    daemon.poll_once()
    daemon.poll_once()
    assert len(fetched) == 1 and dovecot.count("INBOX") == 1
    (rec,) = store.list_messages()
    assert rec.post_action == "none" and rec.post_action_done
    daemon.stop()
